package testgorillatest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

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

// The fake enforces TestGorilla's per-minute limits with its headers;
// shorten the window for a test, or turn the limits off.
func ExampleServer_SetRateLimitWindow() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.SetRateLimitWindow(50 * time.Millisecond) // the documented 20 lists of assessments per window
	c := fake.Client(testgorilla.WithRetry(0, 0, 0))

	var resp testgorilla.Response
	var err error
	for range 21 {
		if _, err = c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{}, testgorilla.WithResponseInto(&resp)); err != nil {
			break
		}
	}
	fmt.Println(errors.Is(err, testgorilla.ErrRateLimited), resp.StatusCode, resp.RateLimit.Limit, resp.RateLimit.Remaining)
	fmt.Println(len(fake.Requests()))
	// Output:
	// true 429 20 0
	// 21
}

// Faults answer the next requests instead of the fake: a POST that got
// a 500 is not sent again.
func ExampleServer_FailNext() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer")
	fake.FailNext(1, http.StatusInternalServerError)

	_, err := fake.Client().Assessments.Invite(context.Background(), a.ID,
		testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace"})
	fmt.Println(errors.Is(err, testgorilla.ErrOutcomeUnknown), len(fake.Requests()), len(fake.Emails()))
	// Output: true 1 0
}
