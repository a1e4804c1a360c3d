package testgorilla_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
)

// exampleFake is a fake with one assessment and three candidatures; with
// the real API, use testgorilla.NewClient(apiKey) instead.
func exampleFake() (*testgorillatest.Server, testgorilla.Assessment) {
	fake := testgorillatest.NewServer()
	a := fake.AddAssessment("Go developer")
	for _, c := range []struct {
		name  string
		score float64
	}{{"Ada Lovelace", 91}, {"Alan Turing", 48}, {"Grace Hopper", 77}} {
		score := c.score
		fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: c.name, Email: c.name[:3] + "@example.com",
			Status: testgorilla.StatusCompleted, AvgScore: &score})
	}
	return fake, a
}

func ExampleCandidaturesService_All() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()

	params := testgorilla.ListCandidaturesParams{
		Assessment: a.ID,
		Status:     testgorilla.StatusCompleted,
		Ordering:   testgorilla.OrderAvgScore.Desc(), // best score first
	}
	for cand, err := range c.Candidatures.All(context.Background(), params) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-12s %3.0f\n", cand.FullName, *cand.AvgScore)
	}
	// Output:
	// Ada Lovelace  91
	// Grace Hopper  77
	// Alan Turing   48
}

func ExampleCandidaturesService_ChangeStage() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderAvgScore, Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	lowest := page.Results[0]
	// Reject, then send the rejection email, which needs the REJ stage.
	change, err := c.Candidatures.ChangeStage(ctx, lowest.ID, testgorilla.StageRejected)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Candidatures.SendRejectionEmail(ctx, lowest.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(lowest.FullName, "->", change.Stage.Description())
	fmt.Println("emails sent:", len(fake.Emails()))
	// Output:
	// Alan Turing -> Rejected
	// emails sent: 1
}

func ExampleAssessmentsService_Invite() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	inv, err := c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{
		Email: "linus@example.com", FirstName: "Linus", LastName: "Torvalds",
		NoEmail: true, // we send the link ourselves
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(inv.Email, inv.InvitationLink != "")

	_, err = c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "linus@example.com", FirstName: "Linus", LastName: "T"})
	fmt.Println(errors.Is(err, testgorilla.ErrAlreadyInvited))
	// Output:
	// linus@example.com true
	// true
}

func ExampleParsePersonality() {
	p, err := testgorilla.ParsePersonality("3-3-1-1-1_30-32-28-19-28")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Calibrated.Extraversion, p.Raw.EmotionalStability)
	// Output: 3 19
}

func ExampleNewClient() {
	fake := testgorillatest.NewServer()
	defer fake.Close()

	// apiKey comes from TestGorilla's app (Integrations); the options are
	// all optional (WithBaseURL points at the fake here).
	apiKey := testgorillatest.APIKey
	c, err := testgorilla.NewClient(apiKey,
		testgorilla.WithBaseURL(fake.URL()),
		testgorilla.WithTimeout(30*time.Second),
		testgorilla.WithRetry(5, 100*time.Millisecond, 10*time.Second),
	)
	if err != nil {
		log.Fatal(err)
	}
	page, err := c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Count, strings.Contains(fmt.Sprint(c), apiKey))

	_, err = testgorilla.NewClient("", testgorilla.WithBaseURL("not a URL"))
	fmt.Println(err)
	// Output:
	// 0 false
	// testgorilla: invalid WithBaseURL: "not a URL" is not an absolute http or https URL
}

// A user's credentials instead of an API key: the client logs in by
// itself, and again when the token expires.
func ExampleWithLogin() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.AddUser("ada@example.com", "correct-horse")

	c, err := testgorilla.NewClient("", testgorilla.WithBaseURL(fake.URL()), testgorilla.WithLogin("ada@example.com", "correct-horse"))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	_, err = c.Assessments.List(ctx, testgorilla.ListAssessmentsParams{})
	fmt.Println("first call:", err)
	fake.ExpireTokens() // an hour after its last use
	_, err = c.Assessments.List(ctx, testgorilla.ListAssessmentsParams{})
	fmt.Println("after expiry:", err)
	// Output:
	// first call: <nil>
	// after expiry: <nil>
}

func ExampleLogin() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.AddUser("ada@example.com", "correct-horse")

	token, err := testgorilla.Login(context.Background(), "ada@example.com", "correct-horse", testgorilla.WithBaseURL(fake.URL()))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(token != "")

	_, err = testgorilla.Login(context.Background(), "ada@example.com", "wrong", testgorilla.WithBaseURL(fake.URL()))
	fmt.Println(err) // the password is never in an error
	// Output:
	// true
	// testgorilla: POST /api/profiles/login/: 400 Bad Request: Unable to log in with provided credentials.
}

func ExampleCandidaturesService_List() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{
		Assessment: a.ID, Ordering: testgorilla.OrderFullName, Limit: 2,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Count, "in all; this page:", len(page.Results))
	for _, cand := range page.Results {
		fmt.Println(cand.FullName, cand.Status)
	}
	// Output:
	// 3 in all; this page: 2
	// Ada Lovelace completed
	// Alan Turing completed
}

func ExampleCandidaturesService_Delete() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	id := page.Results[0].ID
	fmt.Println(c.Candidatures.Delete(ctx, id))
	err = c.Candidatures.Delete(ctx, id)
	fmt.Println(errors.Is(err, testgorilla.ErrNotFound))
	// Output:
	// <nil>
	// true
}

func ExampleCandidaturesService_ResendInvitation() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	inv, err := c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "linus@example.com", FirstName: "Linus", LastName: "Torvalds"})
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Candidatures.ResendInvitation(ctx, inv.ID); err != nil {
		log.Fatal(err)
	}
	for _, e := range fake.Emails() {
		fmt.Println(e.Kind, e.To)
	}
	// Output:
	// invitation linus@example.com
	// invitation linus@example.com
}

func ExampleCandidatesService_Get() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderFullName, Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	cand, err := c.Candidates.Get(ctx, page.Results[0].TestTakerID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.FullName, cand.Email, cand.Assessments[0].AssessmentName)
	// Output: Ada Lovelace Ada@example.com Go developer
}

func ExampleAssessmentsService_All() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	for _, name := range []string{"Go developer", "Data analyst", "Support agent"} {
		fake.AddAssessment(name)
	}
	c := fake.Client()

	for a, err := range c.Assessments.All(context.Background(), testgorilla.ListAssessmentsParams{Ordering: testgorilla.OrderName}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.Name)
	}
	// Output:
	// Data analyst
	// Go developer
	// Support agent
}

func ExampleAssessmentsService_Get() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	id := fake.AddAssessment("Go developer").ID
	c := fake.Client()

	a, err := c.Assessments.Get(context.Background(), id)
	if err != nil {
		log.Fatal(err)
	}
	// An assessment is new until a first candidate is invited.
	fmt.Println(a.Name, a.Status, len(a.PublicLinks), a.PublicLinks[0].Active)
	// Output: Go developer new 1 true
}

// Every method takes RequestOptions last. WithResponseInto reports what
// the answer said, TestGorilla's per-minute rate limit included.
func ExampleWithResponseInto() {
	fake, _ := exampleFake()
	defer fake.Close()
	c := fake.Client()

	var resp testgorilla.Response
	_, err := c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{}, testgorilla.WithResponseInto(&resp))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, resp.Attempts, resp.RateLimit.Limit, resp.RateLimit.Remaining)
	// Output: 200 1 20 19
}

// Errors are typed: errors.As gives an error answer's status, TestGorilla's
// error keys and message; errors.Is matches the sentinels.
func ExampleAPIError() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()

	_, err := c.Assessments.Invite(context.Background(), a.ID, testgorilla.InviteParams{Email: "Ada@example.com", FirstName: "Ada", LastName: "Lovelace"})
	var apiErr *testgorilla.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Code, apiErr.Fields[0].Field)
	}
	fmt.Println(errors.Is(err, testgorilla.ErrAlreadyInvited))
	// Output:
	// 400 REPEATING_INVITATION email
	// true
}
