package testgorillatest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	// A clock that stands still, so that no window passes while the
	// example runs, however slow the machine.
	now := time.Now()
	fake.SetClock(func() time.Time { return now })
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

// A candidate applying through an assessment's public link: refused once
// the link is deactivated or the assessment archived, as documented.
func ExampleServer_TakePublicLink() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer")
	link, _ := fake.Assessment(a.ID)

	cand, err := fake.TakePublicLink(link.PublicLinks[0].UUID, "ada@example.com", "Ada Lovelace")
	fmt.Println(cand.FullName, cand.Status, err)
	fake.ArchiveAssessment(a.ID)
	_, err = fake.TakePublicLink(link.PublicLinks[0].UUID, "grace@example.com", "Grace Hopper")
	fmt.Println(errors.Is(err, testgorillatest.ErrLinkClosed))
	// Output:
	// Ada Lovelace invited <nil>
	// true
}

// Results of your choosing for a candidature, instead of those the fake
// makes up from its score.
func ExampleServer_SetResults() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer", "DISC")
	cand := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com", Status: testgorilla.StatusCompleted})
	fake.SetResults(cand.ID, testgorilla.Result{Name: "DISC", Algorithm: testgorilla.AlgorithmDISC, Completed: true, ScoreDisplay: "DI"})

	page, err := fake.Client().Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: cand.TestTakerID})
	if err != nil {
		fmt.Println(err)
		return
	}
	p, _ := page.Results[0].Personality()
	fmt.Println(p.Algorithm, p.Type)
	// Output: disc DI
}

// A 50 MB PDF report costs the fake no memory: it renders it as it
// sends it.
func ExampleServer_SetPDFSize() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer")
	cand := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com", Status: testgorilla.StatusCompleted})
	fake.SetPDFSize(cand.ID, 50<<20)

	n, err := fake.Client().Candidates.WritePDF(context.Background(), io.Discard, cand.TestTakerID, cand.ID)
	fmt.Println(n, err)
	// Output: 52428800 <nil>
}

// Anti-cheating flags for a candidature; Seed raises some by itself.
func ExampleServer_SetAntiCheating() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer")
	cand := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com", Status: testgorilla.StatusCompleted})
	fake.SetAntiCheating(cand.ID, testgorilla.AntiCheating{RepeatedIP: true})

	flags, err := fake.Client().Assessments.AntiCheating(context.Background(), cand.TestTakerID, cand.ID)
	fmt.Println(flags.RepeatedIP, err)
	// Output: true <nil>
}
