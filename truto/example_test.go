package truto_test

import (
	"context"
	"fmt"
	"log"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

func ExampleCandidatesService_Create() {
	fake := trutotest.NewServer() // the real API: truto.NewClient(apiToken)
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	job := fake.AddJob(account, "Go developer")
	c := fake.Client()

	cand, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{
		FirstName: "Ada",
		LastName:  "Lovelace",
		Emails:    []truto.Email{{Email: "ada@example.com", Type: "personal"}},
		Tags:      []truto.Tag{{Name: "testgorilla:91"}},
	}, truto.CreateCandidateParams{JobID: job.ID, ApplicationSource: truto.SourceApplicant})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.Name, cand.Emails[0].Email, cand.Applications[0].CurrentStage.Name)
	// Output: Ada Lovelace ada@example.com New
}

func ExampleResourceClient_All() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	for _, name := range []string{"Ada", "Grace", "Linus"} {
		fake.AddRecord(account, "ats", "candidates", trutotest.Record{"first_name": name})
	}
	c := fake.Client()

	// Pages of two, followed by next_cursor; one page in memory at a time.
	for cand, err := range c.ATS.Candidates.All(context.Background(), account, truto.ListParams{Limit: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(cand.FirstName)
	}
	// Output:
	// Ada
	// Grace
	// Linus
}

// Any unified model is reachable, typed by the caller.
func ExampleResource() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount("hubspot")
	fake.AddRecord(account, "crm", "contacts", trutotest.Record{"id": "k-1", "first_name": "Grace", "lifecycle": "lead"})

	contacts := truto.Resource[map[string]any](fake.Client(), "crm", "contacts")
	k, err := contacts.Get(context.Background(), account, "k-1", truto.WithExcludeFields("created_at", "updated_at"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println((*k)["first_name"], (*k)["lifecycle"], len(*k))
	// Output: Grace lead 3
}
