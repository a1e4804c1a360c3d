package testgorillatest_test

import (
	"context"
	"fmt"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
)

// Seed an assessment, run your code against the fake, and check what it
// changed.
func Example() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer")
	fake.Seed(a.ID, 250, 1) // 250 candidates across every status and stage

	c := fake.Client()
	page, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 20})
	if err != nil {
		fmt.Println(err)
		return
	}
	first := page.Results[0]
	if _, err := c.Candidatures.ChangeStage(context.Background(), first.ID, testgorilla.StageRejected); err != nil {
		fmt.Println(err)
		return
	}
	stored, _ := fake.Candidature(first.ID)
	fmt.Println(page.Count, len(page.Results), stored.Stage)
	// Output: 250 20 REJ
}
