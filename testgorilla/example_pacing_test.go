package testgorilla_test

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"

	"github.com/recruitkit/recruitkit-go/testgorilla"
)

// Bulk work: goroutines share one paced client and meet no 429. The fake
// enforces TestGorilla's per-endpoint budgets over a window shortened
// from a minute to 100 ms, and the policy names the same window; against
// the real API the zero policy is TestGorilla's documented budgets.
func ExampleWithRateLimit() {
	fake, a := exampleFake()
	defer fake.Close()
	fake.SetRateLimitWindow(100 * time.Millisecond)
	c := fake.Client(testgorilla.WithRateLimit(testgorilla.RateLimitPolicy{Window: 100 * time.Millisecond}))

	// 150 pages of candidatures: the endpoint allows 100 per window.
	var wg sync.WaitGroup
	for range 5 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 30 {
				if _, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID}); err != nil {
					log.Fatal(err)
				}
			}
		}()
	}
	wg.Wait()
	// A refused request would have been sent again: one each means none
	// was refused.
	fmt.Println(len(fake.Requests()), "requests")
	// Output: 150 requests
}

// All fetches the next page while the loop works on this one.
func ExampleWithPrefetch() {
	fake, a := exampleFake()
	defer fake.Close()
	fake.SetLatency(20 * time.Millisecond) // a distant server
	c := fake.Client()

	params := testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 1, Ordering: testgorilla.OrderAvgScore.Desc()}
	for cand, err := range c.Candidatures.All(context.Background(), params, testgorilla.WithPrefetch()) {
		if err != nil {
			log.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond) // work on each candidate, while the next page comes
		fmt.Println(cand.FullName)
	}
	// Output:
	// Ada Lovelace
	// Grace Hopper
	// Alan Turing
}
