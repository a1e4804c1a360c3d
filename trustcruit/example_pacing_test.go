package trustcruit_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
)

// Trustcruit documents no rate limit, so the policy is the one agreed
// with Trustcruit, and there is no default.
func ExampleWithRateLimit() {
	fake := trustcruittest.NewServer()
	defer fake.Close()

	_, err := trustcruit.NewClient(trustcruittest.TestToken, trustcruit.WithRateLimit(trustcruit.RateLimitPolicy{}))
	fmt.Println(err)

	// At most 10 submissions a second, all the client's goroutines together.
	c := fake.Client(trustcruit.WithRateLimit(trustcruit.RateLimitPolicy{Limit: 10, Window: time.Second}))
	err = c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelStep1, Email: "ada@example.com",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(fake.Candidates(trustcruit.TestSprancherID)), "submitted")
	// Output:
	// trustcruit: invalid WithRateLimit: Trustcruit documents no rate limit: set a positive Limit and Window
	// 1 submitted
}
