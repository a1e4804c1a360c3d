package truto_test

import (
	"context"
	"fmt"
	"log"
	"sync"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

// Bulk work: many goroutines share one paced client and meet no 429.
// The fake enforces Truto's limit with its window shortened to 100 ms
// (50 requests per account per window), and the policy names the same
// window; against the real API the zero policy is Truto's documented
// one (50 per 10 s per account, 500 per token).
func ExampleWithRateLimit() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.SetRateLimit(50, 100*time.Millisecond)
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client(truto.WithRateLimit(truto.RateLimitPolicy{Window: 100 * time.Millisecond}))

	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 10 {
				in := truto.CandidateInput{FirstName: fmt.Sprintf("Candidate %d-%d", i, j)}
				if _, err := c.ATS.Candidates.Create(context.Background(), account, in, truto.CreateCandidateParams{}); err != nil {
					log.Fatal(err)
				}
			}
		}()
	}
	wg.Wait()

	// A refused create would have been sent again: one request each
	// means none was refused.
	fmt.Println(len(fake.Candidates(account)), "created in", len(fake.Requests()), "requests")
	// Output: 80 created in 80 requests
}

// All fetches the next page while the loop works on this one.
func ExampleWithPrefetch() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.SetLatency(20 * time.Millisecond) // a distant server
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	for _, name := range []string{"Ada", "Grace", "Linus", "Margaret"} {
		fake.AddRecord(account, "ats", "candidates", trutotest.Record{"first_name": name})
	}
	c := fake.Client()

	for cand, err := range c.ATS.Candidates.All(context.Background(), account, truto.ListParams{Limit: 2}, truto.WithPrefetch()) {
		if err != nil {
			log.Fatal(err)
		}
		time.Sleep(20 * time.Millisecond) // work on each candidate, while the next page comes
		fmt.Println(cand.FirstName)
	}
	// Output:
	// Ada
	// Grace
	// Linus
	// Margaret
}
