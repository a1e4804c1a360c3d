package testgorillatest

import (
	"cmp"
	"fmt"
	"html"
	"math"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/testgorilla"
)

// DefaultTests are the tests Seed gives an assessment that has none: one
// of each kind of result.
var DefaultTests = []string{"Problem solving", "Go (coding)", "Big 5 (OCEAN)", "16 Types", "Custom questions"}

// test is one test of an assessment.
type test struct {
	id        int
	name      string
	algorithm testgorilla.Algorithm
	code      bool
}

// testNamed is the test a name stands for (see AddAssessment).
func testNamed(id int, name string) test {
	t := test{id: id, name: name, algorithm: testgorilla.AlgorithmBasic}
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "big 5") || strings.Contains(n, "big five") || strings.Contains(n, "ocean"):
		t.algorithm = testgorilla.AlgorithmBig5
	case strings.Contains(n, "enneagram"):
		t.algorithm = testgorilla.AlgorithmEnneagram
	case slices.Contains(strings.FieldsFunc(n, func(r rune) bool { return r == ' ' || r == '(' || r == ')' }), "disc"):
		t.algorithm = testgorilla.AlgorithmDISC
	case strings.Contains(n, "16 types") || strings.Contains(n, "16 personalit"):
		t.algorithm = testgorilla.Algorithm16Types
	case strings.Contains(n, "culture"):
		t.algorithm = testgorilla.AlgorithmCultureFit
	case strings.Contains(n, "custom question"):
		t.algorithm = testgorilla.AlgorithmCustomQuestions
	case strings.Contains(n, "coding"):
		t.code = true
	}
	return t
}

// setTestsLocked gives an assessment its tests. The caller holds s.mu.
func (s *Server) setTestsLocked(assessmentID int, names []string) {
	tests := make([]test, len(names))
	for i, name := range names {
		tests[i] = testNamed(assessmentID*100+i, name)
	}
	s.tests[assessmentID] = tests
}

// SetResults replaces the results the fake makes up for a candidature
// (one per test of its assessment, scored from the candidature's average
// and personality) with results. A result's zero ID gets one.
func (s *Server) SetResults(candidatureID int, results ...testgorilla.Result) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.candidatures[candidatureID]; !ok {
		panic(fmt.Sprintf("testgorillatest: SetResults: no candidature %d", candidatureID))
	}
	out := make([]testgorilla.Result, len(results))
	for i, r := range results {
		if r.ID == 0 {
			r.ID = s.newID()
		}
		out[i] = r
	}
	s.results[candidatureID] = out
}

// SetPersonalityDescription sets the description the personality
// description endpoint gives for a result (algorithm and score as in
// ResultsService.PersonalityDescription).
func (s *Server) SetPersonalityDescription(algorithm testgorilla.Algorithm, score, htmlText string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.descriptions[string(algorithm)+"/"+score] = htmlText
}

// Results returns a candidature's results as the fake serves them.
func (s *Server) Results(candidatureID int) []testgorilla.Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.candidatures[candidatureID]
	if !ok {
		return nil
	}
	return s.resultsLocked(c)
}

// The made-up personality results, picked by candidature.
var (
	enneagramTypes = []string{"Type 1", "Type 2", "Type 3", "Type 4", "Type 5", "Type 6", "Type 7", "Type 8", "Type 9"}
	discProfiles   = []string{"D", "I", "S", "C", "DI", "ID", "SC", "CS", "DC", "IS"}
	sixteenTypes   = []string{
		"INTJ", "INTP", "ENTJ", "ENTP", "INFJ", "INFP", "ENFJ", "ENFP",
		"ISTJ", "ISFJ", "ESTJ", "ESFJ", "ISTP", "ISFP", "ESTP", "ESFP",
	}
)

// resultsLocked is a candidature's results: those set by SetResults,
// or one per test made up from the candidature. The caller holds s.mu.
func (s *Server) resultsLocked(c *testgorilla.Candidature) []testgorilla.Result {
	if set, ok := s.results[c.ID]; ok {
		return slices.Clone(set)
	}
	done := c.Status == testgorilla.StatusCompleted
	tests := s.tests[s.assessmentOf[c.ID]]
	out := make([]testgorilla.Result, 0, len(tests))
	scored := 0
	for i, t := range tests {
		r := testgorilla.Result{
			ID: c.ID*100 + i, Name: t.name, TestID: t.id, Algorithm: t.algorithm, IsCodeTest: t.code,
			Completed: done, Status: "pending",
		}
		if done {
			r.Status = "published"
		}
		pick := func(list []string) string { return list[(c.ID+i)%len(list)] }
		switch {
		case !done:
		case t.algorithm == testgorilla.AlgorithmBasic || t.algorithm == testgorilla.AlgorithmCustomQuestions:
			// Scores spread around the candidature's average: +k, -k, ...
			// so that their mean stays the average.
			avg := 50.0
			if c.AvgScore != nil {
				avg = *c.AvgScore
			}
			k := float64(1 + c.ID%7)
			if scored%2 == 1 {
				k = -k
			}
			scored++
			score := math.Round(max(0, min(100, avg+k)))
			r.Score = &score
		case t.algorithm == testgorilla.AlgorithmBig5:
			r.ScoreDisplay = big5Display(c)
		case t.algorithm == testgorilla.AlgorithmEnneagram:
			r.ScoreDisplay = pick(enneagramTypes)
		case t.algorithm == testgorilla.AlgorithmDISC:
			r.ScoreDisplay = pick(discProfiles)
		case t.algorithm == testgorilla.Algorithm16Types:
			r.ScoreDisplay = pick(sixteenTypes)
		case t.algorithm == testgorilla.AlgorithmCultureFit:
			r.ScoreDisplay = strconv.Itoa(40 + (c.ID*7+i)%60)
		}
		if t.algorithm == testgorilla.AlgorithmCustomQuestions {
			r.CustomQuestions = []testgorilla.CustomQuestion{
				{ID: t.id*10 + 1, Question: "Why do you want this job?", Type: "essay"},
				{ID: t.id*10 + 2, Question: "How many years of Go have you written?", Type: "multiple-choice"},
			}
			if done {
				r.CustomQuestions[0].Answer = "I like building reliable hiring tools."
				r.CustomQuestions[1].Answer = "3 to 5"
				r.CustomQuestions[1].Score = r.Score
			}
		}
		out = append(out, r)
	}
	return out
}

// big5Display is a candidature's big_5 result as score_display carries
// it: its personality, raw scores with one decimal as documented.
func big5Display(c *testgorilla.Candidature) string {
	p, err := testgorilla.ParsePersonality(c.Personality)
	if err != nil {
		n := c.ID
		p = testgorilla.Personality{
			Calibrated: testgorilla.Traits{Extraversion: 1 + n%5, Agreeableness: 1 + n/5%5, Conscientiousness: 1 + n/25%5, EmotionalStability: 1 + n/125%5, Openness: 1 + n/625%5},
		}
		p.Raw = testgorilla.RawTraits{
			Extraversion: float64(6 * p.Calibrated.Extraversion), Agreeableness: float64(6 * p.Calibrated.Agreeableness),
			Conscientiousness: float64(6 * p.Calibrated.Conscientiousness), EmotionalStability: float64(6 * p.Calibrated.EmotionalStability),
			Openness: float64(6 * p.Calibrated.Openness),
		}
	}
	t, r := p.Calibrated, p.Raw
	return fmt.Sprintf("%d-%d-%d-%d-%d_%.1f-%.1f-%.1f-%.1f-%.1f", t.Extraversion, t.Agreeableness, t.Conscientiousness,
		t.EmotionalStability, t.Openness, r.Extraversion, r.Agreeableness, r.Conscientiousness, r.EmotionalStability, r.Openness)
}

func resultJSON(r testgorilla.Result) map[string]any {
	questions := []map[string]any{}
	for _, q := range r.CustomQuestions {
		questions = append(questions, map[string]any{
			"id": q.ID, "question": q.Question, "type": q.Type, "answer": q.Answer, "score": q.Score, "comment": q.Comment,
		})
	}
	return map[string]any{
		"id": r.ID, "name": r.Name, "score": r.Score, "status": r.Status, "completed": r.Completed, "test_id": r.TestID,
		"custom_questions": questions, "algorithm": r.Algorithm, "is_code_test": r.IsCodeTest, "score_display": r.ScoreDisplay,
	}
}

// listResults answers GET /api/assessments/results/ with both documented
// filters required, a page of one candidate's results in one assessment.
func (s *Server) listResults(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	problems := map[string][]string{}
	ids := map[string]int{}
	for _, name := range []string{"candidature__assessment", "candidature__test_taker"} {
		n, err := strconv.Atoi(q.Get(name))
		if err != nil {
			problems[name] = []string{"This field is required."}
		}
		ids[name] = n
	}
	if len(problems) > 0 {
		fieldErrors(w, problems)
		return
	}
	limit, offset, ok := pageParams(w, q)
	if !ok {
		return
	}
	s.mu.Lock()
	var results []testgorilla.Result
	for _, c := range s.candidatures {
		if s.assessmentOf[c.ID] == ids["candidature__assessment"] && c.TestTakerID == ids["candidature__test_taker"] {
			results = append(results, s.resultsLocked(c)...)
		}
	}
	s.mu.Unlock()
	slices.SortFunc(results, func(a, b testgorilla.Result) int { return cmp.Compare(a.ID, b.ID) })
	out := make([]map[string]any, len(results))
	for i, res := range results {
		out[i] = resultJSON(res)
	}
	writePage(w, r, out, limit, offset)
}

// resultByIDLocked finds a result among every candidature's. The caller
// holds s.mu.
func (s *Server) resultByIDLocked(id int) (testgorilla.Result, bool) {
	for _, c := range s.candidatures {
		for _, r := range s.resultsLocked(c) {
			if r.ID == id {
				return r, true
			}
		}
	}
	return testgorilla.Result{}, false
}

// pathResult looks up the route's result, answering 404 when there is
// none.
func (s *Server) pathResult(w http.ResponseWriter, r *http.Request) (testgorilla.Result, bool) {
	id, ok := pathID(w, r)
	if !ok {
		return testgorilla.Result{}, false
	}
	s.mu.Lock()
	res, found := s.resultByIDLocked(id)
	s.mu.Unlock()
	if !found {
		detail(w, http.StatusNotFound, "Not found.")
	}
	return res, found
}

// getResult answers GET /api/assessments/results/<id>/: the result with
// the time allowed and taken (seconds) and its score per skill area.
func (s *Server) getResult(w http.ResponseWriter, r *http.Request) {
	res, ok := s.pathResult(w, r)
	if !ok {
		return
	}
	id := res.ID
	out := resultJSON(res)
	out["duration"] = 600
	out["response_time"] = nil
	areas := []map[string]any{}
	if res.Completed {
		out["response_time"] = 420 + id%120
		if res.Score != nil && res.Algorithm == testgorilla.AlgorithmBasic {
			// Two skill areas of 8 questions, scored to match the result.
			right := int(math.Round(*res.Score * 16 / 100))
			areas = append(areas,
				map[string]any{"description": "Reasoning", "score": (right + 1) / 2, "answered_questions": 8, "total_questions": 8},
				map[string]any{"description": "Applied knowledge", "score": right / 2, "answered_questions": 8, "total_questions": 8})
		}
	}
	out["skill_areas_score"] = areas
	fake.WriteJSON(w, http.StatusOK, out)
}

// codeReport answers GET /api/assessments/code_questions/<result id>/invitation_token/
// for a completed coding test's result.
func (s *Server) codeReport(w http.ResponseWriter, r *http.Request) {
	res, ok := s.pathResult(w, r)
	if !ok {
		return
	}
	if !res.IsCodeTest || !res.Completed {
		detail(w, http.StatusNotFound, "Not found.")
		return
	}
	fake.WriteJSON(w, http.StatusOK, map[string]string{"invitation_uuid": fmt.Sprintf("00000000-0000-4000-8000-%012d", res.ID)})
}

// personalityDescription answers GET /api/tests/personality/<algorithm>/<score>/
// with a description in HTML.
func (s *Server) personalityDescription(w http.ResponseWriter, r *http.Request) {
	alg, score := testgorilla.Algorithm(r.PathValue("algorithm")), r.PathValue("score")
	if !alg.Personality() {
		detail(w, http.StatusNotFound, "Not found.")
		return
	}
	s.mu.Lock()
	text, ok := s.descriptions[string(alg)+"/"+score]
	s.mu.Unlock()
	if !ok {
		text = fmt.Sprintf("<h2>%s</h2><p>What the %s result %s says about how the candidate works.</p>",
			html.EscapeString(score), html.EscapeString(string(alg)), html.EscapeString(score))
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = fmt.Fprint(w, text)
}
