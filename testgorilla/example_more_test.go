package testgorilla_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"maps"
	"net/http"
	"slices"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
)

// moreAssessments is a fake with an active assessment (one candidate), a
// new one (none yet) and an archived one (two candidates).
func moreAssessments() *testgorillatest.Server {
	fake := testgorillatest.NewServer()
	goDev := fake.AddAssessment("Go developer")
	fake.AddAssessment("Data analyst")
	support := fake.AddAssessment("Support agent")
	fake.AddCandidature(goDev.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com"})
	for _, email := range []string{"alan@example.com", "grace@example.com"} {
		fake.AddCandidature(support.ID, testgorilla.Candidature{Email: email})
	}
	fake.ArchiveAssessment(support.ID)
	return fake
}

// List one page of the assessments candidates can still take (active or
// new: status=active,new), by name.
func ExampleAssessmentsService_List() {
	fake := moreAssessments()
	defer fake.Close()
	c := fake.Client()

	page, err := c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{
		Statuses: []testgorilla.AssessmentStatus{testgorilla.AssessmentActive, testgorilla.AssessmentNew},
		Ordering: testgorilla.OrderName,
		Limit:    10,
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Count, "open assessments")
	for _, a := range page.Results {
		fmt.Printf("%-12s %-6s %d candidates\n", a.Name, a.Status, a.Candidates)
	}
	// Output:
	// 2 open assessments
	// Data analyst new    0 candidates
	// Go developer active 1 candidates
}

// Desc turns an assessment ordering around: the assessments with the
// most candidates first.
func ExampleAssessmentOrdering_Desc() {
	fake := moreAssessments()
	defer fake.Close()
	c := fake.Client()

	ordering := testgorilla.OrderCandidates.Desc()
	fmt.Println("ordering:", ordering, ordering.Desc() == ordering)
	for a, err := range c.Assessments.All(context.Background(), testgorilla.ListAssessmentsParams{Ordering: ordering}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.Candidates, a.Name)
	}
	// Output:
	// ordering: -candidates true
	// 2 Support agent
	// 1 Go developer
	// 0 Data analyst
}

// Desc turns a candidature ordering around: here, names from Z to A.
// It is idempotent, so an ordering that is already descending stays so.
func ExampleOrdering_Desc() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()

	ordering := testgorilla.OrderFullName.Desc()
	fmt.Println("ordering:", ordering, ordering.Desc() == ordering)
	page, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: ordering})
	if err != nil {
		log.Fatal(err)
	}
	for _, cand := range page.Results {
		fmt.Println(cand.FullName)
	}
	// Output:
	// ordering: -_full_name true
	// Grace Hopper
	// Alan Turing
	// Ada Lovelace
}

// The rejection email goes only to a candidature in the Rejected stage:
// move it there with ChangeStage first, or TestGorilla refuses.
func ExampleCandidaturesService_SendRejectionEmail() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderAvgScore, Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	lowest := page.Results[0]

	err = c.Candidatures.SendRejectionEmail(ctx, lowest.ID)
	var apiErr *testgorilla.APIError
	if errors.As(err, &apiErr) {
		fmt.Println("before REJ:", apiErr.StatusCode, apiErr.Message)
	}
	if _, err := c.Candidatures.ChangeStage(ctx, lowest.ID, testgorilla.StageRejected); err != nil {
		log.Fatal(err)
	}
	fmt.Println("after REJ:", c.Candidatures.SendRejectionEmail(ctx, lowest.ID))
	for _, e := range fake.Emails() {
		fmt.Println(e.Kind, e.To)
	}
	// Output:
	// before REJ: 400 The candidature is in stage NYE; the rejection email needs REJ.
	// after REJ: <nil>
	// rejection Ala@example.com
}

// ErrBadEmail matches both BAD_EMAIL and BAD_EMAIL_IPSCORE; HasFieldCode
// tells them apart, to say "check the address" or "this address looks
// risky" to the recruiter.
func ExampleAPIError_HasFieldCode() {
	fake, a := exampleFake()
	defer fake.Close()
	// The answer TestGorilla gives an address its IP score distrusts.
	fake.Inject(testgorillatest.Fault{
		Method: http.MethodPost, Path: fmt.Sprintf("/api/assessments/%d/invite_candidate/", a.ID),
		Status: http.StatusBadRequest, Header: http.Header{"Content-Type": {"application/json"}},
		Body: `{"errors": [{"field": "email", "error_key": "BAD_EMAIL_IPSCORE"}]}`,
	})
	c := fake.Client()

	_, err := c.Assessments.Invite(context.Background(), a.ID, testgorilla.InviteParams{Email: "linus@example.com"})
	fmt.Println("bad email:", errors.Is(err, testgorilla.ErrBadEmail))
	var apiErr *testgorilla.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(testgorilla.KeyBadEmail+":", apiErr.HasFieldCode(testgorilla.KeyBadEmail))
		fmt.Println(testgorilla.KeyBadEmailIPScore+":", apiErr.HasFieldCode(testgorilla.KeyBadEmailIPScore))
	}
	// Output:
	// bad email: true
	// BAD_EMAIL: false
	// BAD_EMAIL_IPSCORE: true
}

// Personality tells which of an assessment's tests are personality tests:
// those whose result is a type or traits (ScoreDisplay) rather than a
// score, and that PersonalityDescription describes.
func ExampleAlgorithm_Personality() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	id := fake.AddAssessment("Go developer", "Problem solving", "Big 5 (OCEAN)", "16 Types", "Culture add", "Custom questions").ID
	c := fake.Client()

	a, err := c.Assessments.Get(context.Background(), id)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range a.Tests {
		fmt.Printf("%-16s %-16s %v\n", t.Name, t.Algorithm, t.Algorithm.Personality())
	}
	// Output:
	// Problem solving  basic            false
	// Big 5 (OCEAN)    big_5            true
	// 16 Types         16_types         true
	// Culture add      culture_fit      false
	// Custom questions custom_questions false
}

// Flagged is the one question to ask before trusting a score: did the
// candidate leave full screen or the window, or share an IP address? A
// webcam that was on is not a flag.
func ExampleAntiCheating_Flagged() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderFullName})
	if err != nil {
		log.Fatal(err)
	}
	fake.SetAntiCheating(page.Results[0].ID, testgorilla.AntiCheating{CameraEnabled: true})
	fake.SetAntiCheating(page.Results[1].ID, testgorilla.AntiCheating{CameraEnabled: true, RepeatedIP: true})
	for _, cand := range page.Results {
		flags, err := c.Assessments.AntiCheating(ctx, cand.TestTakerID, cand.ID)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-12s flagged: %v\n", cand.FullName, flags.Flagged())
	}
	// Output:
	// Ada Lovelace flagged: false
	// Alan Turing  flagged: true
	// Grace Hopper flagged: false
}

// Big5 reads a candidature's big_5 personality without a second request
// for its results; it is an error when the assessment has no big_5 test.
func ExampleCandidature_Big5() {
	fake, a := exampleFake()
	defer fake.Close()
	completedCandidate(fake, a)
	c := fake.Client()

	for cand, err := range c.Candidatures.All(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderFullName}) {
		if err != nil {
			log.Fatal(err)
		}
		p, err := cand.Big5()
		if err != nil {
			fmt.Printf("%-13s no big_5 result\n", cand.FullName)
			continue
		}
		fmt.Printf("%-13s conscientiousness %d/5, openness %d/5\n", cand.FullName, p.Calibrated.Conscientiousness, p.Calibrated.Openness)
	}
	// Output:
	// Ada Lovelace  no big_5 result
	// Alan Turing   no big_5 result
	// Grace Hopper  no big_5 result
	// Radia Perlman conscientiousness 5/5, openness 5/5
}

// documentedPage makes the fake answer the next candidature list with the
// vendor's documented example, and a "source" attribute the Go type does
// not name, as a field the vendor adds later would be.
func documentedPage(fake *testgorillatest.Server) {
	fake.Inject(testgorillatest.Fault{
		Method: http.MethodGet, Path: "/api/assessments/candidature/",
		Status: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: `{"count": 1, "next": null, "previous": null, "results": [{
			"avg_score": 76, "created": "2021-09-18T09:16:33.975663+02:00", "email": "john@example.com",
			"full_name": "John Smith", "id": 8000, "invitation_uuid": "edb70e44-271d-4e6a-8533-901fdc95f230",
			"is_hired": false, "personality_algorithm": "big_5", "personality": "3-3-1-1-1_30-32-28-19-28",
			"rating": null, "review": null, "stage": "HIR", "status": "completed", "testtaker_id": 4276,
			"invitation_link": "https://assessment.testgorilla.com/testtaker/takeinvitation/edb70e44-271d-4e6a-8533-901fdc95f230",
			"source": "careers page"}]}`,
	})
}

// Extra finds what the API sends that this package does not know yet,
// to read it before the package names it, or to notice the API changed.
func ExampleCandidature_Extra() {
	fake, a := exampleFake()
	defer fake.Close()
	documentedPage(fake)
	c := fake.Client()

	page, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID})
	if err != nil {
		log.Fatal(err)
	}
	extra := page.Results[0].Extra()
	for _, name := range slices.Sorted(maps.Keys(extra)) {
		fmt.Printf("%s: %s\n", name, extra[name])
	}
	// Output: source: "careers page"
}

// Raw is the candidature exactly as the API sent it: decode a field of
// your own from it, or store it as it came. A value not decoded from an
// answer has none.
func ExampleCandidature_Raw() {
	fake, a := exampleFake()
	defer fake.Close()
	documentedPage(fake)
	c := fake.Client()

	page, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID})
	if err != nil {
		log.Fatal(err)
	}
	cand := page.Results[0]
	var mine struct {
		Source string `json:"source"`
	}
	if err := json.Unmarshal(cand.Raw(), &mine); err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.FullName, "came from the", mine.Source)

	var made testgorilla.Candidature
	fmt.Println(made.Raw() == nil)
	// Output:
	// John Smith came from the careers page
	// true
}

// Kind says which accessor reads a result, for a switch over a
// candidate's results; KindUnknown is an algorithm this package does not
// know yet.
func ExampleResult_Kind() {
	fake, results := resultsOf("Problem solving", "Go (coding)", "Big 5 (OCEAN)", "Culture add", "Custom questions")
	defer fake.Close()

	for _, r := range results {
		fmt.Printf("%-16s %s\n", r.Name, r.Kind())
	}
	unknown := testgorilla.Result{Algorithm: "a_new_algorithm"}
	fmt.Println(unknown.Kind())
	// Output:
	// Problem solving  basic
	// Go (coding)      coding
	// Big 5 (OCEAN)    personality
	// Culture add      culture add
	// Custom questions custom questions
	// unknown
}

// Basic reads a multiple-choice test's score, and says whether it is
// scored yet: a 0 before scoring is not a 0%.
func ExampleResult_Basic() {
	fake, result := firstResult("Problem solving")
	defer fake.Close()

	b, ok := result.Basic()
	fmt.Println(ok, b.Score, b.Scored)

	pending := testgorilla.Result{Algorithm: testgorilla.AlgorithmBasic} // score null until scored
	b, ok = pending.Basic()
	fmt.Println(ok, b.Score, b.Scored)
	// Output:
	// true 94 true
	// true 0 false
}

// Coding reads a coding test's share of test cases passed. A coding test's
// algorithm is "basic": Basic refuses it, Coding reads it, and its
// ResultID asks for the code report.
func ExampleResult_Coding() {
	fake, result := firstResult("Go (coding)")
	defer fake.Close()

	_, basic := result.Basic()
	code, ok := result.Coding()
	fmt.Println(result.Algorithm, basic, ok)
	fmt.Printf("%.0f%% of the test cases, report of result %v\n", code.Score, code.ResultID == result.ID)
	// Output:
	// basic false true
	// 94% of the test cases, report of result true
}

// CultureFit reads the culture add test's result, which comes as text
// (score_display), as a percentage when it is one.
func ExampleResult_CultureFit() {
	fake, result := firstResult("Culture add")
	defer fake.Close()

	fit, ok := result.CultureFit()
	fmt.Println(ok, fit.Display, fit.Score, fit.Scored)

	fit, _ = (&testgorilla.Result{Algorithm: testgorilla.AlgorithmCultureFit, ScoreDisplay: "72.5%"}).CultureFit()
	fmt.Println(fit.Score, fit.Scored)
	// Output:
	// true 41 41 true
	// 72.5 true
}

// CustomQuestion reads the answers to the assessment's own questions,
// to show them beside the tests' scores.
func ExampleResult_CustomQuestion() {
	fake, result := firstResult("Custom questions")
	defer fake.Close()

	cq, ok := result.CustomQuestion()
	fmt.Println(ok, cq.Score, len(cq.Questions))
	for _, q := range cq.Questions {
		fmt.Printf("%s (%s): %s\n", q.Question, q.Type, q.Answer)
	}
	// Output:
	// true 94 2
	// Why do you want this job? (essay): I like building reliable hiring tools.
	// How many years of Go have you written? (multiple-choice): 3 to 5
}

// A ResultDetail from ResultsService.Get is a Result too: Kind and the
// accessors read it as they read a listed one.
func ExampleResultDetail_Kind() {
	fake, d := detailOf("Go (coding)")
	defer fake.Close()

	code, _ := d.Coding()
	fmt.Println(d.Kind(), code.Score, d.ResponseTime <= d.Duration)
	// Output: coding 94 true
}

// Personality decodes a detailed personality result: a big_5 test's
// traits, or another test's type.
func ExampleResultDetail_Personality() {
	fake, d := detailOf("Big 5 (OCEAN)")
	defer fake.Close()

	p, err := d.Personality()
	if err != nil {
		log.Fatal(err)
	}
	t := p.Big5.Calibrated
	fmt.Println(p.Algorithm, t.Extraversion, t.Agreeableness, t.Conscientiousness, t.EmotionalStability, t.Openness)
	fmt.Println(p.Big5.Raw.Conscientiousness)
	// Output:
	// big_5 4 3 5 4 5
	// 41
}

// Description is a stage's name for people, to show in a report or an
// ATS instead of a code such as IFI.
func ExampleStage_Description() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderAvgScore.Desc(), Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Candidatures.ChangeStage(ctx, page.Results[0].ID, testgorilla.StageInvitedForInterview); err != nil {
		log.Fatal(err)
	}
	for cand, err := range c.Candidatures.All(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderFullName}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-12s %s (%s)\n", cand.FullName, cand.Stage.Description(), cand.Stage)
	}
	// Output:
	// Ada Lovelace Invited for interview (IFI)
	// Alan Turing  Not yet evaluated (NYE)
	// Grace Hopper Not yet evaluated (NYE)
}

// Known tells a documented stage from one the vendor added since (such
// as CWD, seen in live data), which this package keeps as it comes:
// map the documented ones, and pass the others on as their code.
func ExampleStage_Known() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderFullName, Limit: 2})
	if err != nil {
		log.Fatal(err)
	}
	change, err := c.Candidatures.ChangeStage(ctx, page.Results[0].ID, "CWD")
	if err != nil {
		log.Fatal(err)
	}
	for _, st := range []testgorilla.Stage{change.Stage, page.Results[1].Stage} {
		fmt.Println(st, st.Known(), st.Description())
	}
	// Output:
	// CWD false CWD
	// NYE true Not yet evaluated
}
