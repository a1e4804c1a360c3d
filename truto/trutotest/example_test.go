package trutotest_test

import (
	"context"
	"fmt"

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
