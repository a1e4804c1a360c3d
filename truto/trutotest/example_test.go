package trutotest_test

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

// A create that fails after the ATS wrote the candidate is retried with
// the same Idempotency-Key, and the fake, like Truto, writes it once.
func Example() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.Inject(trutotest.Fault{Status: 500, AfterHandler: true})

	_, err := fake.Client().ATS.Candidates.Create(context.Background(), account,
		truto.CandidateInput{FirstName: "Ada", LastName: "Lovelace"}, truto.CreateCandidateParams{})
	fmt.Println(err, len(fake.Requests()), len(fake.Candidates(account)))
	// Output: <nil> 2 1
}

// The fake limits each integrated account as Truto does (50 requests per
// 10 s), with Truto's headers; shorten the window for a test.
func ExampleServer_SetRateLimit() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.SetRateLimit(2, time.Minute)
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client(truto.WithRetry(0, 0, 0))

	var err error
	for range 3 {
		if _, err = c.ATS.Jobs.List(context.Background(), account, truto.ListParams{}); err != nil {
			break
		}
	}
	var apiErr *truto.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.RetryAfter, apiErr.RateLimit.Limit, apiErr.RateLimit.Window)
	}
	for _, r := range fake.Requests() {
		fmt.Println(r.Method, r.Path, r.Query.Get("integrated_account_id") == account)
	}
	// Output:
	// 429 1m0s 2 1m0s
	// GET /unified/ats/jobs true
	// GET /unified/ats/jobs true
	// GET /unified/ats/jobs true
}
