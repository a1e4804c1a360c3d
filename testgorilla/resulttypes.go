package testgorilla

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// Algorithm is how a test is scored (Result.Algorithm). It decides which
// of a result's attributes holds the result: Score for basic tests,
// custom questions and coding tests, ScoreDisplay for personality tests
// and culture add. Algorithms the vendor adds are kept as they come.
type Algorithm string

// The documented algorithms.
const (
	AlgorithmBasic           Algorithm = "basic"
	AlgorithmCustomQuestions Algorithm = "custom_questions"
	AlgorithmBig5            Algorithm = "big_5"
	AlgorithmEnneagram       Algorithm = "enneagram"
	AlgorithmDISC            Algorithm = "disc"
	Algorithm16Types         Algorithm = "16_types"
	AlgorithmCultureFit      Algorithm = "culture_fit"
)

// Personality reports whether a is one of the personality tests'.
func (a Algorithm) Personality() bool {
	switch a {
	case AlgorithmBig5, AlgorithmEnneagram, AlgorithmDISC, Algorithm16Types:
		return true
	}
	return false
}

// ResultKind is what a Result holds, for a switch: each kind but
// KindUnknown has its accessor (Basic, CustomQuestion, Personality,
// Coding, CultureFit).
type ResultKind string

// The kinds of result.
const (
	KindBasic           ResultKind = "basic"
	KindCustomQuestions ResultKind = "custom questions"
	KindPersonality     ResultKind = "personality"
	KindCoding          ResultKind = "coding"
	KindCultureFit      ResultKind = "culture add"
	// KindUnknown is an algorithm this package does not know: read its
	// Score, ScoreDisplay and Raw.
	KindUnknown ResultKind = "unknown"
)

// Result is a candidate's result in one test of an assessment (the
// custom questions count as one test). Kind says which accessor reads it
// typed; Raw has every attribute the API sent.
type Result struct {
	ID        int       `json:"id"`   // the test result's id: ResultsService.Get
	Name      string    `json:"name"` // the test's name
	TestID    int       `json:"test_id"`
	Algorithm Algorithm `json:"algorithm"`
	// Score is the result in percent for basic tests, custom questions and
	// coding tests; nil for the others and until it is scored.
	Score *float64 `json:"score"`
	// ScoreDisplay is the result of a personality test or of culture add,
	// in the vendor's encoding: Personality and CultureFit decode it.
	ScoreDisplay string `json:"score_display"`
	Status       string `json:"status"`    // the result's state in the vendor's workflow, such as "published"
	Completed    bool   `json:"completed"` // whether the candidate finished the test
	IsCodeTest   bool   `json:"is_code_test"`
	// CustomQuestions are the answers to the custom questions, on the
	// result whose Algorithm is custom_questions.
	CustomQuestions []CustomQuestion `json:"custom_questions"`

	source
}

// CustomQuestion is a candidate's answer to one of the assessment's own
// questions. Its other attributes are in the result's Raw.
type CustomQuestion struct {
	ID       int      `json:"id"`
	Question string   `json:"question"`
	Type     string   `json:"type"`                    // the kind of question, such as "essay" or "multiple-choice"
	Answer   string   `json:"answer" personal:"text"`  // the candidate's answer, as text
	Score    *float64 `json:"score"`                   // nil until scored
	Comment  string   `json:"comment" personal:"text"` // your own comment on the answer
}

// Kind says what r holds.
func (r *Result) Kind() ResultKind {
	switch {
	case r.IsCodeTest:
		return KindCoding
	case r.Algorithm == AlgorithmBasic:
		return KindBasic
	case r.Algorithm == AlgorithmCustomQuestions:
		return KindCustomQuestions
	case r.Algorithm.Personality():
		return KindPersonality
	case r.Algorithm == AlgorithmCultureFit:
		return KindCultureFit
	}
	return KindUnknown
}

// BasicResult is the result of a basic (multiple-choice) test.
type BasicResult struct {
	Score  float64 // percent
	Scored bool    // false until the test is scored: Score is then 0
}

// Basic returns r as a basic test's result; false when r is of another
// kind.
func (r *Result) Basic() (BasicResult, bool) {
	if r.Kind() != KindBasic {
		return BasicResult{}, false
	}
	return BasicResult{Score: deref(r.Score), Scored: r.Score != nil}, true
}

// CustomQuestionsResult is the result of an assessment's custom
// questions.
type CustomQuestionsResult struct {
	Score     float64 // percent, over the questions that are scored
	Scored    bool    // false until scored
	Questions []CustomQuestion
}

// CustomQuestion returns r as the custom questions' result; false when r
// is of another kind.
func (r *Result) CustomQuestion() (CustomQuestionsResult, bool) {
	if r.Kind() != KindCustomQuestions {
		return CustomQuestionsResult{}, false
	}
	return CustomQuestionsResult{Score: deref(r.Score), Scored: r.Score != nil, Questions: r.CustomQuestions}, true
}

// CodingResult is the result of a coding test.
type CodingResult struct {
	Score  float64 // percent of the validation test cases passed
	Scored bool    // false until scored
	// ResultID is the test result's id, for ResultsService.CodeReport.
	ResultID int
}

// Coding returns r as a coding test's result; false when r is of another
// kind.
func (r *Result) Coding() (CodingResult, bool) {
	if r.Kind() != KindCoding {
		return CodingResult{}, false
	}
	return CodingResult{Score: deref(r.Score), Scored: r.Score != nil, ResultID: r.ID}, true
}

// PersonalityResult is the result of a personality test, decoded from
// ScoreDisplay.
type PersonalityResult struct {
	Algorithm Algorithm
	// Big5 is the result of a big_5 test: five calibrated scores from 1
	// (very low) to 5 (very high) and the original ones.
	Big5 *Personality
	// Type is the personality type of the other tests as the vendor
	// names it: an Enneagram type, a DISC profile, or one of the 16 types
	// such as "INTJ" (see PersonalityDescription for its description).
	Type string
}

// Personality returns r as a personality test's result. It is an error
// when r is of another kind, or when its ScoreDisplay is not in the
// documented encoding (the string is then in the error and in Raw).
func (r *Result) Personality() (PersonalityResult, error) {
	if r.Kind() != KindPersonality {
		return PersonalityResult{}, fmt.Errorf("testgorilla: result %d: algorithm %q is not a personality test", r.ID, r.Algorithm)
	}
	out := PersonalityResult{Algorithm: r.Algorithm}
	switch r.Algorithm {
	case AlgorithmBig5:
		p, err := ParsePersonality(r.ScoreDisplay)
		if err != nil {
			return PersonalityResult{}, fmt.Errorf("testgorilla: result %d: %w", r.ID, err)
		}
		out.Big5 = &p
	default:
		out.Type = strings.TrimSpace(r.ScoreDisplay)
		if out.Type == "" {
			return PersonalityResult{}, fmt.Errorf("testgorilla: result %d: no %s type in score_display", r.ID, r.Algorithm)
		}
	}
	return out, nil
}

// CultureFitResult is the result of the culture add test.
type CultureFitResult struct {
	// Display is ScoreDisplay as the vendor sends it.
	Display string
	// Score is Display read as a percentage ("72", "72%", "72.5"), when it
	// is one.
	Score  float64
	Scored bool
}

// CultureFit returns r as the culture add test's result; false when r is
// of another kind.
func (r *Result) CultureFit() (CultureFitResult, bool) {
	if r.Kind() != KindCultureFit {
		return CultureFitResult{}, false
	}
	out := CultureFitResult{Display: r.ScoreDisplay}
	if v, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(r.ScoreDisplay), "%"), 64); err == nil {
		out.Score, out.Scored = v, true
	} else if r.Score != nil {
		out.Score, out.Scored = *r.Score, true
	}
	return out, true
}

func deref(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// ResultDetail is one test result with the details ResultsService.Get
// gives: the time allowed and taken, and the score in each skill area.
type ResultDetail struct {
	Result
	// Duration is the time the test allows; ResponseTime the time the
	// candidate took.
	Duration     time.Duration `json:"-"`
	ResponseTime time.Duration `json:"-"`
	SkillAreas   []SkillArea   `json:"skill_areas_score"`
}

// SkillArea is a result's score in one skill area of a test.
type SkillArea struct {
	Description string `json:"description"`
	// Score is the area's score as TestGorilla sends it; nil when not
	// scored. Its unit is not documented (assumed: the fake sends the
	// questions answered correctly, out of TotalQuestions).
	Score             *float64 `json:"score"`
	AnsweredQuestions int      `json:"answered_questions"`
	TotalQuestions    int      `json:"total_questions"`
}

// decoded reads the durations (in seconds), refuses an answer without
// the result's "id", and keeps it as Raw.
func (d *ResultDetail) decoded(body json.RawMessage) error {
	var aux struct {
		Duration     *float64 `json:"duration"`
		ResponseTime *float64 `json:"response_time"`
	}
	if err := json.Unmarshal(body, &aux); err != nil {
		return err
	}
	if d.ID == 0 {
		return fmt.Errorf(`want a test result with "id"`)
	}
	d.Duration, d.ResponseTime = seconds(aux.Duration), seconds(aux.ResponseTime)
	d.src = rest.WholeBody(body)
	return nil
}

func seconds(s *float64) time.Duration {
	if s == nil {
		return 0
	}
	return time.Duration(*s * float64(time.Second))
}
