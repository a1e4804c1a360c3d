package testgorilla_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
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

// completedCandidate is exampleFake's best candidate, with results.
func completedCandidate(fake *testgorillatest.Server, a testgorilla.Assessment) testgorilla.Candidature {
	score := 91.0
	return fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Radia Perlman", Email: "radia@example.com",
		Status: testgorilla.StatusCompleted, AvgScore: &score, PersonalityAlgorithm: "big_5", Personality: "4-3-5-4-5_36-30-41-37-40"})
}

// A candidate's results, typed by kind: no score_display string to
// decode by hand.
func ExampleResultsService_All() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer", "Problem solving", "Go (coding)", "Big 5 (OCEAN)", "16 Types", "Custom questions")
	cand := completedCandidate(fake, a)
	c := fake.Client()

	for r, err := range c.Results.All(context.Background(), testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: cand.TestTakerID}) {
		if err != nil {
			log.Fatal(err)
		}
		switch r.Kind() {
		case testgorilla.KindBasic:
			b, _ := r.Basic()
			fmt.Printf("%s: %.0f%%\n", r.Name, b.Score)
		case testgorilla.KindCoding:
			code, _ := r.Coding()
			fmt.Printf("%s: %.0f%% of the test cases\n", r.Name, code.Score)
		case testgorilla.KindCustomQuestions:
			cq, _ := r.CustomQuestion()
			fmt.Printf("%s: %d answers\n", r.Name, len(cq.Questions))
		case testgorilla.KindPersonality:
			p, err := r.Personality()
			if err != nil {
				log.Fatal(err)
			}
			if p.Big5 != nil {
				fmt.Printf("%s: conscientiousness %d/5\n", r.Name, p.Big5.Calibrated.Conscientiousness)
			} else {
				fmt.Printf("%s: %s\n", r.Name, p.Type)
			}
		}
	}
	// Output:
	// Problem solving: 94%
	// Go (coding): 88% of the test cases
	// Big 5 (OCEAN): conscientiousness 5/5
	// 16 Types: ESTP
	// Custom questions: 2 answers
}

func ExampleResultsService_List() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer", "Problem solving", "Go (coding)", "Big 5 (OCEAN)")
	cand := completedCandidate(fake, a)
	c := fake.Client()

	page, err := c.Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: cand.TestTakerID, Limit: 2})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Count, "results; this page:", len(page.Results))
	for _, r := range page.Results {
		fmt.Println(r.Name, r.Algorithm, r.Kind())
	}
	// Output:
	// 3 results; this page: 2
	// Problem solving basic basic
	// Go (coding) basic coding
}

// resultsOf is a fake whose assessment is made of tests, and the results
// of a candidate who completed it.
func resultsOf(tests ...string) (*testgorillatest.Server, []testgorilla.Result) {
	fake := testgorillatest.NewServer()
	a := fake.AddAssessment("Go developer", tests...)
	cand := completedCandidate(fake, a)
	page, err := fake.Client().Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: cand.TestTakerID})
	if err != nil {
		log.Fatal(err)
	}
	return fake, page.Results
}

// firstResult is resultsOf an assessment of one test: that test's result.
func firstResult(test string) (*testgorillatest.Server, testgorilla.Result) {
	fake, results := resultsOf(test)
	return fake, results[0]
}

// detailOf is firstResult in detail, as ResultsService.Get returns it.
func detailOf(test string) (*testgorillatest.Server, *testgorilla.ResultDetail) {
	fake, result := firstResult(test)
	d, err := fake.Client().Results.Get(context.Background(), result.ID)
	if err != nil {
		log.Fatal(err)
	}
	return fake, d
}

func ExampleResultsService_Get() {
	fake, result := firstResult("Problem solving")
	defer fake.Close()
	c := fake.Client()

	d, err := c.Results.Get(context.Background(), result.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.Name, "allows", d.Duration)
	for _, area := range d.SkillAreas {
		fmt.Printf("  %s: %.0f/%d\n", area.Description, *area.Score, area.TotalQuestions)
	}
	// Output:
	// Problem solving allows 10m0s
	//   Reasoning: 8/8
	//   Applied knowledge: 7/8
}

func ExampleResultsService_CodeReport() {
	fake, result := firstResult("Go (coding)")
	defer fake.Close()
	c := fake.Client()

	coding, ok := result.Coding()
	if !ok {
		log.Fatal("not a coding test")
	}
	report, err := c.Results.CodeReport(context.Background(), coding.ResultID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(report.URL, testgorilla.CodeReportBaseURL))
	// Output: true
}

func ExampleResultsService_PersonalityDescription() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.SetPersonalityDescription(testgorilla.Algorithm16Types, "INTJ", "<p>Strategic and independent.</p>")
	c := fake.Client()

	d, err := c.Results.PersonalityDescription(context.Background(), testgorilla.Algorithm16Types, "INTJ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(d.HTML)
	// Output: <p>Strategic and independent.</p>
}

func ExampleResult_Personality() {
	r := testgorilla.Result{Algorithm: testgorilla.AlgorithmBig5, ScoreDisplay: "2-1-1-2-1_30.0-29.0-33.0-26.0-31.0"}
	p, err := r.Personality()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Big5.Calibrated.Extraversion, p.Big5.Raw.Conscientiousness)
	// Output: 2 33
}

// The PDF report of the best candidate, streamed to a file: it is never
// held in memory whole.
func ExampleCandidatesService_WritePDF() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderAvgScore.Desc(), Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	best := page.Results[0]
	f, err := os.CreateTemp("", "report-*.pdf")
	if err != nil {
		log.Fatal(err)
	}
	defer os.Remove(f.Name())
	n, err := c.Candidates.WritePDF(ctx, f, best.TestTakerID, best.ID)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(best.FullName, n, "bytes")
	// Output: Ada Lovelace 4096 bytes
}

func ExampleCandidatesService_RenderPDF() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	cand := page.Results[0]
	report, err := c.Candidates.RenderPDF(ctx, cand.TestTakerID, cand.ID)
	if err != nil {
		log.Fatal(err)
	}
	defer report.Close()
	head := make([]byte, 5)
	if _, err := io.ReadFull(report, head); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n", head)
	// Output: %PDF-
}

func ExampleAssessmentsService_AntiCheating() {
	fake, a := exampleFake()
	defer fake.Close()
	cand := completedCandidate(fake, a)
	fake.SetAntiCheating(cand.ID, testgorilla.AntiCheating{LeftScreen: true, CameraEnabled: true})
	c := fake.Client()

	flags, err := c.Assessments.AntiCheating(context.Background(), cand.TestTakerID, cand.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("flagged:", flags.Flagged(), "left the window:", flags.LeftScreen, "webcam:", flags.CameraEnabled)
	// Output: flagged: true left the window: true webcam: true
}

// The candidate's personal URL, without TestGorilla's invitation email:
// for an ATS that sends its own.
func ExampleAssessmentsService_PersonalLink() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()

	inv, err := c.Assessments.PersonalLink(context.Background(), a.ID, testgorilla.InviteParams{Email: "linus@example.com", FirstName: "Linus"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.HasPrefix(inv.InvitationLink, testgorilla.InvitationBaseURL), len(fake.Emails()))
	// Output: true 0
}

func ExamplePublicLink_URL() {
	link := testgorilla.PublicLink{UUID: "3f1c2b8e-5d4a-4c1e-9f7a-2b6d8e0c1a35"}
	fmt.Println(link.URL())
	// Output: https://app.testgorilla.com/testtaker/publicinvitation/3f1c2b8e-5d4a-4c1e-9f7a-2b6d8e0c1a35
}

// Close an assessment's public link, and open it again.
func ExamplePublicLinksService_Deactivate() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	details, err := c.Assessments.Get(ctx, a.ID)
	if err != nil {
		log.Fatal(err)
	}
	link := details.PublicLinks[0] // the default link
	if _, err := c.PublicLinks.Deactivate(ctx, link); err != nil {
		log.Fatal(err)
	}
	_, err = fake.TakePublicLink(link.UUID, "linus@example.com", "Linus Torvalds")
	fmt.Println(err)
	if _, err := c.PublicLinks.Activate(ctx, link); err != nil {
		log.Fatal(err)
	}
	_, err = fake.TakePublicLink(link.UUID, "linus@example.com", "Linus Torvalds")
	fmt.Println(err)
	// Output:
	// testgorillatest: the public link takes no candidates
	// <nil>
}

func ExamplePublicLinksService_Activate() {
	fake, a := exampleFake()
	defer fake.Close()
	closed := fake.AddPublicLink(a.ID, "Careers page", false)
	c := fake.Client()

	link, err := c.PublicLinks.Activate(context.Background(), closed)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(link.Label, link.Active)
	// Output: Careers page true
}

func ExamplePublicLinksService_Update() {
	fake, a := exampleFake()
	defer fake.Close()
	link := fake.AddPublicLink(a.ID, "Careers page", true)
	c := fake.Client()

	got, err := c.PublicLinks.Update(context.Background(), link.UUID, testgorilla.UpdatePublicLinkParams{
		Active: true, Label: "Job board", Assessment: a.ID,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.Label, got.Active)
	// Output: Job board true
}
