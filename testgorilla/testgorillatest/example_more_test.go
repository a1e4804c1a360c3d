package testgorillatest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"sync/atomic"
	"time"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
)

// moreFake is a fake with one assessment, "Go developer", with the tests
// given.
func moreFake(tests ...string) (*testgorillatest.Server, testgorilla.Assessment) {
	fake := testgorillatest.NewServer()
	return fake, fake.AddAssessment("Go developer", tests...)
}

// moreCompleted adds a candidate who completed the assessment with score.
func moreCompleted(fake *testgorillatest.Server, assessmentID int, name, email string, score float64) testgorilla.Candidature {
	return fake.AddCandidature(assessmentID, testgorilla.Candidature{
		FullName: name, Email: email, Status: testgorilla.StatusCompleted, AvgScore: &score,
	})
}

// moreLogins counts the logins the fake received.
func moreLogins(fake *testgorillatest.Server) int {
	n := 0
	for _, r := range fake.Requests() {
		if r.Path == testgorilla.LoginPath {
			n++
		}
	}
	return n
}

// Client is a client with the fake's API key and short retry waits; the
// options given come after the fake's and win.
func ExampleServer_Client() {
	fake := testgorillatest.NewServer()
	defer fake.Close()

	c := fake.Client(testgorilla.WithUserAgent("acme-ats/2.1"))
	if _, err := c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{}); err != nil {
		log.Fatal(err)
	}
	r := fake.Requests()[0]
	fmt.Println(r.Header.Get("Authorization") == "Token "+testgorillatest.APIKey, r.Header.Get("User-Agent") != "")
	// Output: true true
}

// An API key the fake does not know is refused as TestGorilla refuses it.
func ExampleServer_ClientWithToken() {
	fake := testgorillatest.NewServer()
	defer fake.Close()

	_, err := fake.ClientWithToken("revoked-key").Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{})
	fmt.Println(errors.Is(err, testgorilla.ErrUnauthorized))
	// Output: true
}

// A user who may log in, for a client that logs in by itself.
func ExampleServer_AddUser() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.AddUser("ada@example.com", "correct-horse")

	c := fake.ClientWithToken("", testgorilla.WithLogin("ada@example.com", "correct-horse"))
	_, err := c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{})
	fmt.Println(err, moreLogins(fake))
	// Output: <nil> 1
}

// Expired login tokens are renewed by a client made WithLogin: it logs in
// again once.
func ExampleServer_ExpireTokens() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.AddUser("ada@example.com", "correct-horse")
	c := fake.ClientWithToken("", testgorilla.WithLogin("ada@example.com", "correct-horse"))
	list := func() error {
		_, err := c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{})
		return err
	}

	fmt.Println(list(), moreLogins(fake))
	fake.ExpireTokens()
	fmt.Println(list(), moreLogins(fake))
	// Output:
	// <nil> 1
	// <nil> 2
}

// A clock of the test's own makes the fake's timestamps stable, and lets
// an hour pass at once.
func ExampleServer_SetClock() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	start := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	var passed atomic.Int64 // the fake reads the clock on its own goroutines
	fake.SetClock(func() time.Time { return start.Add(time.Duration(passed.Load())) })

	a := fake.AddAssessment("Go developer")
	fmt.Println(a.Created)

	fake.AddUser("ada@example.com", "correct-horse")
	c := fake.ClientWithToken("", testgorilla.WithLogin("ada@example.com", "correct-horse"))
	for range 2 {
		if _, err := c.Assessments.Get(context.Background(), a.ID); err != nil {
			log.Fatal(err)
		}
		passed.Add(int64(testgorillatest.TokenLifetime + time.Minute)) // the token expires
	}
	fmt.Println(moreLogins(fake))
	// Output:
	// 2026-09-01 09:00:00 +0000 UTC
	// 2
}

// Without rate limits, a test can make as many calls as it likes.
func ExampleServer_DisableRateLimits() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.DisableRateLimits()
	c := fake.Client(testgorilla.WithRetry(0, 0, 0))

	var err error
	for range 25 { // over the documented 20 a minute
		if _, err = c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{}); err != nil {
			break
		}
	}
	fmt.Println(err, len(fake.Requests()))
	// Output: <nil> 25
}

// A test's name decides what kind of result it gives; each assessment
// starts new, with one active public link.
func ExampleServer_AddAssessment() {
	fake, a := moreFake("Problem solving", "Go (coding)", "16 Types")
	defer fake.Close()
	fmt.Println(a.Name, a.Status, a.PublicLinks[0].Label, a.PublicLinks[0].Active)
	for _, t := range a.Tests {
		fmt.Printf("%s: %s\n", t.Name, t.Algorithm)
	}
	// Output:
	// Go developer new Main true
	// Problem solving: basic
	// Go (coding): basic
	// 16 Types: 16_types
}

// An archived assessment takes no more invitations.
func ExampleServer_ArchiveAssessment() {
	fake, a := moreFake()
	defer fake.Close()
	fake.ArchiveAssessment(a.ID)

	_, err := fake.Client().Assessments.Invite(context.Background(), a.ID, testgorilla.InviteParams{Email: "ada@example.com"})
	fmt.Println(err)
	stored, _ := fake.Assessment(a.ID)
	fmt.Println(stored.Status)
	// Output:
	// testgorilla: POST /api/assessments/1001/invite_candidate/: 400 Bad Request: The assessment is archived: candidates can no longer be invited.
	// archived
}

// Assessment gives the counts as of now: the assessment turns active with
// its first candidate.
func ExampleServer_Assessment() {
	fake, a := moreFake()
	defer fake.Close()
	moreCompleted(fake, a.ID, "Ada Lovelace", "ada@example.com", 91)
	fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Alan Turing", Email: "alan@example.com"})

	got, ok := fake.Assessment(a.ID)
	fmt.Println(ok, got.Status, got.Candidates, got.Invited, got.Finished, got.FinishedPercentage)
	_, ok = fake.Assessment(1)
	fmt.Println(ok)
	// Output:
	// true active 2 1 1 50
	// false
}

// The fake fills in what the candidature leaves zero; the same email is
// the same test taker in every assessment.
func ExampleServer_AddCandidature() {
	fake, a := moreFake()
	defer fake.Close()
	other := fake.AddAssessment("Data engineer")

	first := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com"})
	second := fake.AddCandidature(other.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com"})
	fmt.Println(first.Status, first.Stage, first.InvitationLink != "", first.ID != second.ID, first.TestTakerID == second.TestTakerID)
	// Output: invited NYE true true true
}

// Seed makes many candidates at once; the same seed makes the same ones.
func ExampleServer_Seed() {
	fake, a := moreFake()
	defer fake.Close()
	again, b := moreFake()
	defer again.Close()

	cands := fake.Seed(a.ID, 100, 42)
	same := again.Seed(b.ID, 100, 42)
	statuses := map[testgorilla.Status]int{}
	for _, c := range cands {
		statuses[c.Status]++
	}
	fmt.Println(len(cands), len(statuses), cands[7].FullName == same[7].FullName, cands[7].Email == same[7].Email)
	// Output: 100 3 true true
}

// Candidature shows what the calls did to a candidature, and whether it
// is still there.
func ExampleServer_Candidature() {
	fake, a := moreFake()
	defer fake.Close()
	ada := moreCompleted(fake, a.ID, "Ada Lovelace", "ada@example.com", 91)
	c := fake.Client()

	if _, err := c.Candidatures.ChangeStage(context.Background(), ada.ID, testgorilla.StageHired); err != nil {
		log.Fatal(err)
	}
	stored, ok := fake.Candidature(ada.ID)
	fmt.Println(stored.Stage, ok)
	if err := c.Candidatures.Delete(context.Background(), ada.ID); err != nil {
		log.Fatal(err)
	}
	_, ok = fake.Candidature(ada.ID)
	fmt.Println(ok)
	// Output:
	// HIR true
	// false
}

// The emails the fake sent: an invitation, unless NoEmail, and a rejection
// email once the stage is REJ.
func ExampleServer_Emails() {
	fake, a := moreFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	inv, err := c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "alan@example.com", NoEmail: true}); err != nil {
		log.Fatal(err)
	}
	if _, err := c.Candidatures.ChangeStage(ctx, inv.ID, testgorilla.StageRejected); err != nil {
		log.Fatal(err)
	}
	if err := c.Candidatures.SendRejectionEmail(ctx, inv.ID); err != nil {
		log.Fatal(err)
	}
	for _, e := range fake.Emails() {
		fmt.Println(e.Kind, e.To, e.CandidatureID == inv.ID)
	}
	// Output:
	// invitation ada@example.com true
	// rejection ada@example.com true
}

// A second public link, inactive until the client activates it.
func ExampleServer_AddPublicLink() {
	fake, a := moreFake()
	defer fake.Close()
	link := fake.AddPublicLink(a.ID, "Careers page", false)

	_, err := fake.TakePublicLink(link.UUID, "ada@example.com", "Ada Lovelace")
	fmt.Println(errors.Is(err, testgorillatest.ErrLinkClosed))
	if _, err := fake.Client().PublicLinks.Activate(context.Background(), link); err != nil {
		log.Fatal(err)
	}
	cand, err := fake.TakePublicLink(link.UUID, "ada@example.com", "Ada Lovelace")
	fmt.Println(cand.FullName, err)
	// Output:
	// true
	// Ada Lovelace <nil>
}

// PublicLink shows a link as the client's calls left it.
func ExampleServer_PublicLink() {
	fake, a := moreFake()
	defer fake.Close()
	link := a.PublicLinks[0]

	if _, err := fake.Client().PublicLinks.Deactivate(context.Background(), link); err != nil {
		log.Fatal(err)
	}
	stored, ok := fake.PublicLink(link.UUID)
	fmt.Println(stored.Label, stored.Active, ok)
	_, ok = fake.PublicLink("no-such-link")
	fmt.Println(ok)
	// Output:
	// Main false true
	// false
}

// The description the personality endpoint gives for one result.
func ExampleServer_SetPersonalityDescription() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.SetPersonalityDescription(testgorilla.Algorithm16Types, "INTJ", "<p>The Architect</p>")

	d, err := fake.Client().Results.PersonalityDescription(context.Background(), testgorilla.Algorithm16Types, "INTJ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Score, d.HTML)
	// Output: INTJ <p>The Architect</p>
}

// Results are made up from the candidature, one per test of its
// assessment, unless SetResults sets them.
func ExampleServer_Results() {
	fake, a := moreFake("Problem solving", "DISC")
	defer fake.Close()
	ada := moreCompleted(fake, a.ID, "Ada Lovelace", "ada@example.com", 91)

	for _, r := range fake.Results(ada.ID) {
		fmt.Println(r.Name, r.Algorithm, r.Completed)
	}
	fmt.Println(len(fake.Results(1))) // no such candidature
	// Output:
	// Problem solving basic true
	// DISC disc true
	// 0
}
