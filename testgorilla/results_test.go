package testgorilla_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestResultsListWireFormat(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"results/", 200, fixture(t, "results_documented.json"))
	page, err := c.Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: 55, TestTaker: 4276, Limit: 5, Offset: 10})
	require.NoError(t, err)
	x := m.last(t)
	assert.Equal(t, http.MethodGet, x.method)
	assert.Equal(t, api+"results/?candidature__assessment=55&candidature__test_taker=4276&limit=5&offset=10", x.url)
	assertAuth(t, x, false)
	assert.Equal(t, 2, page.Count)

	_, err = c.Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: 55, TestTaker: 4276})
	require.NoError(t, err)
	assert.Equal(t, api+"results/?candidature__assessment=55&candidature__test_taker=4276", m.last(t).url)
}

// The documented example of docs.testgorilla.com/apis/results, field by
// field (results_documented.json).
func TestResultsDecodeTheDocumentedExample(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"results/", 200, fixture(t, "results_documented.json"))
	page, err := c.Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: 1, TestTaker: 2})
	require.NoError(t, err)
	require.Len(t, page.Results, 2)

	big5 := page.Results[0]
	assert.Equal(t, 123456, big5.ID)
	assert.Equal(t, "Big 5 (OCEAN)", big5.Name)
	assert.Nil(t, big5.Score)
	assert.Equal(t, "published", big5.Status)
	assert.True(t, big5.Completed)
	assert.Equal(t, 494, big5.TestID)
	assert.Empty(t, big5.CustomQuestions)
	assert.Equal(t, testgorilla.AlgorithmBig5, big5.Algorithm)
	assert.False(t, big5.IsCodeTest)
	assert.Equal(t, "2-1-1-2-1_32.0-34.0-33.0-35.0-32.0", big5.ScoreDisplay)
	assert.Equal(t, testgorilla.KindPersonality, big5.Kind())
	p, err := big5.Personality()
	require.NoError(t, err)
	assert.Equal(t, testgorilla.Traits{Extraversion: 2, Agreeableness: 1, Conscientiousness: 1, EmotionalStability: 2, Openness: 1}, p.Big5.Calibrated)
	assert.Equal(t, testgorilla.RawTraits{Extraversion: 32, Agreeableness: 34, Conscientiousness: 33, EmotionalStability: 35, Openness: 32}, p.Big5.Raw)

	basic := page.Results[1]
	assert.Equal(t, 234567, basic.ID)
	assert.Equal(t, "Problem solving", basic.Name)
	require.NotNil(t, basic.Score)
	assert.Equal(t, 85.0, *basic.Score)
	assert.Equal(t, "filed", basic.Status)
	assert.Equal(t, 7244, basic.TestID)
	assert.Equal(t, testgorilla.AlgorithmBasic, basic.Algorithm)
	b, ok := basic.Basic()
	require.True(t, ok)
	assert.Equal(t, testgorilla.BasicResult{Score: 85, Scored: true}, b)
	_, err = basic.Personality()
	assert.Error(t, err, "a basic test is not a personality test")
	assert.JSONEq(t, string(mustMarshal(t, "results_documented.json", 1)), string(basic.Raw()))
}

func mustMarshal(t *testing.T, name string, i int) []byte {
	t.Helper()
	var page struct {
		Results []json.RawMessage `json:"results"`
	}
	require.NoError(t, json.Unmarshal(fixture(t, name), &page))
	return page.Results[i]
}

// Every kind of result has its typed accessor; an unknown algorithm stays
// reachable through Raw.
func TestResultKinds(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"results/", 200, fixture(t, "results_kinds.json"))
	page, err := c.Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: 1, TestTaker: 2})
	require.NoError(t, err)
	r := page.Results
	require.Len(t, r, 7)

	kinds := make([]testgorilla.ResultKind, len(r))
	for i := range r {
		kinds[i] = r[i].Kind()
	}
	assert.Equal(t, []testgorilla.ResultKind{testgorilla.KindBasic, testgorilla.KindCoding, testgorilla.KindCustomQuestions,
		testgorilla.KindPersonality, testgorilla.KindPersonality, testgorilla.KindCultureFit, testgorilla.KindUnknown}, kinds)

	coding, ok := r[1].Coding()
	require.True(t, ok)
	assert.Equal(t, testgorilla.CodingResult{Score: 62.5, Scored: true, ResultID: 2}, coding)
	_, ok = r[1].Basic()
	assert.False(t, ok, "a coding test is read with Coding")

	cq, ok := r[2].CustomQuestion()
	require.True(t, ok)
	assert.Equal(t, 50.0, cq.Score)
	require.Len(t, cq.Questions, 2)
	assert.Equal(t, testgorilla.CustomQuestion{ID: 11, Question: "Why this job?", Type: "essay", Answer: "I like hiring tools."}, cq.Questions[0])
	require.NotNil(t, cq.Questions[1].Score)
	assert.Equal(t, 100.0, *cq.Questions[1].Score)
	assert.Equal(t, "Good", cq.Questions[1].Comment)

	types, err := r[4].Personality()
	require.NoError(t, err)
	assert.Equal(t, testgorilla.PersonalityResult{Algorithm: testgorilla.Algorithm16Types, Type: "INTJ"}, types)

	fit, ok := r[5].CultureFit()
	require.True(t, ok)
	assert.Equal(t, testgorilla.CultureFitResult{Display: "72", Score: 72, Scored: true}, fit)

	unknown := r[6]
	assert.Equal(t, testgorilla.Algorithm("noop"), unknown.Algorithm)
	_, ok = unknown.Basic()
	assert.False(t, ok)
	var raw map[string]any
	require.NoError(t, json.Unmarshal(unknown.Raw(), &raw))
	assert.Equal(t, 88.0, raw["percentile"], "an unknown result's attributes stay reachable")

	bad := testgorilla.Result{ID: 9, Algorithm: testgorilla.AlgorithmBig5, ScoreDisplay: "2-1-1"}
	_, err = bad.Personality()
	assert.ErrorContains(t, err, "2-1-1", "a big_5 string that is not the documented encoding says what came")
}

// An older answer is a bare list: it reads as a page of it.
func TestResultsReadABareList(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"results/", 200, []byte(`[{"id":1,"name":"Go","score":81.5,"algorithm":"basic","percentile":90}]`))
	page, err := c.Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: 55, TestTaker: 4276})
	require.NoError(t, err)
	assert.Equal(t, 1, page.Count)
	require.Len(t, page.Results, 1)
	assert.Equal(t, 81.5, *page.Results[0].Score)
	assert.Contains(t, string(page.Results[0].Raw()), `"percentile":90`)

	for _, body := range []string{`{"detail":"ok"}`, `null`, `<html></html>`, `[1,2]`} {
		m.on(http.MethodGet, api+"results/", 200, []byte(body))
		_, err := c.Results.List(context.Background(), testgorilla.ListResultsParams{Assessment: 55, TestTaker: 4276})
		assert.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse, body)
	}
}

// All pages through the results lazily, a page at a time, and stops
// when the loop breaks.
func TestResultsAllFollowsPages(t *testing.T) {
	c, m := newMocked(t)
	m.RegisterResponder(http.MethodGet, api+"results/", func(req *http.Request) (*http.Response, error) {
		q := req.URL.Query()
		assert.Equal(t, "2", q.Get("limit"))
		switch q.Get("offset") {
		case "":
			return httpmock.NewStringResponse(200, `{"count":3,"next":"x","results":[{"id":1},{"id":2}]}`), nil
		case "2":
			return httpmock.NewStringResponse(200, `{"count":3,"next":null,"results":[{"id":3}]}`), nil
		}
		t.Errorf("unexpected offset %q", q.Get("offset"))
		return httpmock.NewStringResponse(500, `{}`), nil
	})
	var ids []int
	for r, err := range c.Results.All(context.Background(), testgorilla.ListResultsParams{Assessment: 55, TestTaker: 1, Limit: 2}) {
		require.NoError(t, err)
		ids = append(ids, r.ID)
	}
	assert.Equal(t, []int{1, 2, 3}, ids)
	assert.Equal(t, 2, m.GetTotalCallCount())

	for range c.Results.All(context.Background(), testgorilla.ListResultsParams{Assessment: 55, TestTaker: 1, Limit: 2}) {
		break
	}
	assert.Equal(t, 3, m.GetTotalCallCount(), "a broken loop fetches no further page")
}

func TestResultDetailWireFormat(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"results/234567/", 200, []byte(`{"id":234567,"name":"Problem solving","score":85,"algorithm":"basic",
		"duration":600,"response_time":421.5,"skill_areas_score":[{"description":"Reasoning","score":7,"answered_questions":8,"total_questions":8}]}`))
	d, err := c.Results.Get(context.Background(), 234567)
	require.NoError(t, err)
	x := m.last(t)
	assert.Equal(t, http.MethodGet, x.method)
	assert.Equal(t, api+"results/234567/", x.url)
	assertAuth(t, x, false)
	assert.Equal(t, "Problem solving", d.Name)
	assert.Equal(t, 10*time.Minute, d.Duration)
	assert.Equal(t, 421500*time.Millisecond, d.ResponseTime)
	require.Len(t, d.SkillAreas, 1)
	assert.Equal(t, 7.0, *d.SkillAreas[0].Score)
	assert.Equal(t, 8, d.SkillAreas[0].TotalQuestions)
	b, ok := d.Basic()
	require.True(t, ok, "a detail is a result too")
	assert.Equal(t, 85.0, b.Score)
	assert.Contains(t, string(d.Raw()), `"duration":600`)

	m.on(http.MethodGet, api+"results/7/", 200, []byte(`{"detail":"ok"}`))
	_, err = c.Results.Get(context.Background(), 7)
	assert.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse)
}

func TestCodeReportWireFormat(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"code_questions/2/invitation_token/", 200, []byte(`{"invitation_uuid":"6f2c1e4a-0b7d-4a43-9a55-1c2d3e4f5a6b"}`))
	rep, err := c.Results.CodeReport(context.Background(), 2)
	require.NoError(t, err)
	x := m.last(t)
	assert.Equal(t, http.MethodGet, x.method)
	assert.Equal(t, api+"code_questions/2/invitation_token/", x.url)
	assertAuth(t, x, false)
	assert.Equal(t, "6f2c1e4a-0b7d-4a43-9a55-1c2d3e4f5a6b", rep.InvitationUUID)
	assert.Equal(t, "https://app.testgorilla.com/customer/candidates/code-report/6f2c1e4a-0b7d-4a43-9a55-1c2d3e4f5a6b", rep.URL)

	m.on(http.MethodGet, api+"code_questions/3/invitation_token/", 200, []byte(`{}`))
	_, err = c.Results.CodeReport(context.Background(), 3)
	assert.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse)
}

func TestPersonalityDescriptionWireFormat(t *testing.T) {
	const path = "https://app.testgorilla.com/api/tests/personality/16_types/INTJ/"
	c, m := newMocked(t)
	m.RegisterResponder(http.MethodGet, path, func(req *http.Request) (*http.Response, error) {
		assert.Equal(t, "Token "+token, req.Header.Get("Authorization"))
		resp := httpmock.NewStringResponse(200, "<h2>INTJ</h2><p>Strategic.</p>")
		resp.Header.Set("Content-Type", "text/html; charset=utf-8")
		return resp, nil
	})
	d, err := c.Results.PersonalityDescription(context.Background(), testgorilla.Algorithm16Types, "INTJ")
	require.NoError(t, err)
	assert.Equal(t, &testgorilla.PersonalityDescription{Algorithm: testgorilla.Algorithm16Types, Score: "INTJ", HTML: "<h2>INTJ</h2><p>Strategic.</p>"}, d)

	// A JSON answer carries the HTML in "description".
	m.RegisterResponder(http.MethodGet, "https://app.testgorilla.com/api/tests/personality/disc/DI/",
		httpmock.NewStringResponder(200, `{"description":"<p>Driven.</p>"}`).HeaderSet(http.Header{"Content-Type": {"application/json"}}))
	d, err = c.Results.PersonalityDescription(context.Background(), testgorilla.AlgorithmDISC, "DI")
	require.NoError(t, err)
	assert.Equal(t, "<p>Driven.</p>", d.HTML)

	// Anything else is a *DecodeError that shows what came.
	m.RegisterResponder(http.MethodGet, "https://app.testgorilla.com/api/tests/personality/enneagram/Type%203/",
		httpmock.NewStringResponder(200, `{"detail":"no such type"}`).HeaderSet(http.Header{"Content-Type": {"application/json"}}))
	_, err = c.Results.PersonalityDescription(context.Background(), testgorilla.AlgorithmEnneagram, "Type 3")
	var de *testgorilla.DecodeError
	require.ErrorAs(t, err, &de)
	assert.Equal(t, `{"detail":"no such type"}`, de.Snippet)
	assert.Equal(t, 1, de.Attempts)

	_, err = c.Results.PersonalityDescription(context.Background(), testgorilla.AlgorithmBasic, "85")
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
	_, err = c.Results.PersonalityDescription(context.Background(), testgorilla.Algorithm16Types, " ")
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
}

func TestResultsBadInputSendsNothing(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	for _, p := range []testgorilla.ListResultsParams{{TestTaker: 1}, {Assessment: 1}, {Assessment: 1, TestTaker: 1, Limit: -1}} {
		_, err := c.Results.List(ctx, p)
		assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
		for _, err := range c.Results.All(ctx, p) {
			assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
		}
	}
	_, err := c.Results.Get(ctx, 0)
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
	_, err = c.Results.CodeReport(ctx, -1)
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
	assert.Zero(t, m.GetTotalCallCount())
}

func TestResultsOnTheFake(t *testing.T) {
	fake := newFake(t)
	a := fake.AddAssessment("Go developer", "Problem solving", "Go (coding)", "Big 5 (OCEAN)", "Enneagram", "DISC", "16 Types", "Culture add", "Custom questions")
	score := 70.0
	done := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com", Status: testgorilla.StatusCompleted,
		AvgScore: &score, PersonalityAlgorithm: "big_5", Personality: "3-3-1-1-1_30-32-28-19-28"})
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Results.List(ctx, testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: done.TestTakerID, Limit: 4})
	require.NoError(t, err)
	assert.Equal(t, 8, page.Count)
	assert.Len(t, page.Results, 4)

	var kinds []testgorilla.ResultKind
	var scores []float64
	for r, err := range c.Results.All(ctx, testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: done.TestTakerID, Limit: 4}) {
		require.NoError(t, err)
		kinds = append(kinds, r.Kind())
		switch r.Kind() {
		case testgorilla.KindBasic, testgorilla.KindCoding, testgorilla.KindCustomQuestions:
			scores = append(scores, *r.Score)
		case testgorilla.KindPersonality:
			p, err := r.Personality()
			require.NoError(t, err, r.ScoreDisplay)
			if r.Algorithm == testgorilla.AlgorithmBig5 {
				assert.Equal(t, 19.0, p.Big5.Raw.EmotionalStability, "the candidature's personality")
			} else {
				assert.NotEmpty(t, p.Type)
			}
		case testgorilla.KindCultureFit:
			fit, _ := r.CultureFit()
			assert.True(t, fit.Scored)
		}
	}
	assert.Equal(t, []testgorilla.ResultKind{testgorilla.KindBasic, testgorilla.KindCoding, testgorilla.KindPersonality, testgorilla.KindPersonality,
		testgorilla.KindPersonality, testgorilla.KindPersonality, testgorilla.KindCultureFit, testgorilla.KindCustomQuestions}, kinds)
	sum := 0.0
	for _, s := range scores {
		sum += s
	}
	assert.InDelta(t, score, sum/float64(len(scores)), 3, "the scored tests average about the candidature's score")

	coding := page.Results[1]
	rep, err := c.Results.CodeReport(ctx, coding.ID)
	require.NoError(t, err)
	assert.Contains(t, rep.URL, "/customer/candidates/code-report/")
	_, err = c.Results.CodeReport(ctx, page.Results[0].ID)
	assert.ErrorIs(t, err, testgorilla.ErrNotFound, "only a coding test has a code report")

	d, err := c.Results.Get(ctx, page.Results[0].ID)
	require.NoError(t, err)
	assert.Positive(t, d.Duration)
	assert.NotEmpty(t, d.SkillAreas)

	fake.SetPersonalityDescription(testgorilla.Algorithm16Types, "INTJ", "<p>Architect.</p>")
	desc, err := c.Results.PersonalityDescription(ctx, testgorilla.Algorithm16Types, "INTJ")
	require.NoError(t, err)
	assert.Equal(t, "<p>Architect.</p>", desc.HTML)

	// Seeded results replace the made-up ones.
	fake.SetResults(done.ID, testgorilla.Result{Name: "Only", Algorithm: testgorilla.AlgorithmBasic, Completed: true, Score: &score})
	page, err = c.Results.List(ctx, testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: done.TestTakerID})
	require.NoError(t, err)
	require.Len(t, page.Results, 1)
	assert.Equal(t, "Only", page.Results[0].Name)

	invited := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Alan Turing", Email: "alan@example.com"})
	page, err = c.Results.List(ctx, testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: invited.TestTakerID})
	require.NoError(t, err)
	for _, r := range page.Results {
		assert.False(t, r.Completed)
		assert.Nil(t, r.Score)
		assert.Empty(t, r.ScoreDisplay)
	}
}
