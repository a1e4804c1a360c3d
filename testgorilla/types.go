package testgorilla

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// Stage is where a candidature stands in the hiring process. The
// constants are the ten documented codes; codes the vendor adds (such as
// "CWD", seen in live data) are kept as they come.
type Stage string

// The documented stages.
const (
	StageNotYetEvaluated     Stage = "NYE"
	StageEvaluated           Stage = "EVA"
	StageInvitedForInterview Stage = "IFI"
	StageInterviewed         Stage = "INT"
	StageInvitedForTakeHome  Stage = "IFT"
	StageTakeHomeCompleted   Stage = "TTC"
	StageReferencesChecked   Stage = "REF"
	StageOfferSent           Stage = "OFS"
	StageHired               Stage = "HIR"
	StageRejected            Stage = "REJ"
)

var stageNames = map[Stage]string{
	StageNotYetEvaluated: "Not yet evaluated", StageEvaluated: "Evaluated",
	StageInvitedForInterview: "Invited for interview", StageInterviewed: "Interviewed",
	StageInvitedForTakeHome: "Invited for a take-home test", StageTakeHomeCompleted: "Take-home test completed",
	StageReferencesChecked: "References checked", StageOfferSent: "Offer sent", StageHired: "Hired", StageRejected: "Rejected",
}

// Stages lists the documented stages in hiring order.
var Stages = []Stage{
	StageNotYetEvaluated, StageEvaluated, StageInvitedForInterview, StageInterviewed, StageInvitedForTakeHome,
	StageTakeHomeCompleted, StageReferencesChecked, StageOfferSent, StageHired, StageRejected,
}

// Known reports whether s is one of the documented stages.
func (s Stage) Known() bool { _, ok := stageNames[s]; return ok }

// Description is the documented meaning, such as "Rejected" for REJ, or
// the code itself for an undocumented stage.
func (s Stage) Description() string {
	if name, ok := stageNames[s]; ok {
		return name
	}
	return string(s)
}

// Status is how far a candidate got with an assessment.
type Status string

// The documented candidature statuses.
const (
	StatusInvited   Status = "invited"   // invited, not started
	StatusStarted   Status = "started"   // started, not completed
	StatusCompleted Status = "completed" // completed fully
)

// Ordering orders a candidature list. Append Desc for descending order.
type Ordering string

// The documented candidature orderings.
const (
	OrderCreated  Ordering = "created"    // date of invitation
	OrderFullName Ordering = "_full_name" // the candidate's name
	OrderAvgScore Ordering = "avg_score"  // average score
	OrderRating   Ordering = "rating"     // your own rating
)

// Desc returns the descending form of o: "-avg_score".
func (o Ordering) Desc() Ordering {
	if strings.HasPrefix(string(o), "-") {
		return o
	}
	return "-" + o
}

func (o Ordering) valid() bool {
	switch Ordering(strings.TrimPrefix(string(o), "-")) {
	case OrderCreated, OrderFullName, OrderAvgScore, OrderRating:
		return true
	}
	return false
}

// AssessmentStatus is an assessment's state.
type AssessmentStatus string

// The documented assessment statuses.
const (
	AssessmentNew      AssessmentStatus = "new"      // no candidate invited yet
	AssessmentActive   AssessmentStatus = "active"   // at least one candidate invited
	AssessmentArchived AssessmentStatus = "archived" // closed: nobody can take it any more
)

// AssessmentOrdering orders an assessment list. Append Desc for
// descending order.
type AssessmentOrdering string

// The documented assessment orderings.
const (
	OrderModified           AssessmentOrdering = "modified"
	OrderName               AssessmentOrdering = "name"
	OrderCandidates         AssessmentOrdering = "candidates"
	OrderFinishedPercentage AssessmentOrdering = "finished_percentage"
)

// Desc returns the descending form of o: "-modified".
func (o AssessmentOrdering) Desc() AssessmentOrdering {
	if strings.HasPrefix(string(o), "-") {
		return o
	}
	return "-" + o
}

func (o AssessmentOrdering) valid() bool {
	switch AssessmentOrdering(strings.TrimPrefix(string(o), "-")) {
	case OrderModified, OrderName, OrderCandidates, OrderFinishedPercentage:
		return true
	}
	return false
}

// Traits are the five calibrated scores of a big_5 personality test,
// each from 1 (very low) to 5 (very high).
type Traits struct {
	Extraversion       int
	Agreeableness      int
	Conscientiousness  int
	EmotionalStability int
	Openness           int
}

// RawTraits are the five original (unprocessed) scores of a big_5
// personality test, which the calibrated ones come from.
type RawTraits struct {
	Extraversion       float64
	Agreeableness      float64
	Conscientiousness  float64
	EmotionalStability float64
	Openness           float64
}

// Personality is a big_5 personality result: five calibrated scores
// (1–5) and the five original scores they come from.
type Personality struct {
	Calibrated Traits
	Raw        RawTraits
}

// ParsePersonality reads the big_5 string TestGorilla sends,
// "c-c-c-c-c_r-r-r-r-r": calibrated scores (whole numbers from 1 to 5),
// then original scores (numbers such as 30 or 30.0), each in the order
// extraversion, agreeableness, conscientiousness, emotional stability,
// openness. Candidatures carry it in Personality, results in
// ScoreDisplay.
func ParsePersonality(s string) (Personality, error) {
	halves := strings.Split(s, "_")
	if len(halves) != 2 {
		return Personality{}, fmt.Errorf("testgorilla: personality %q: want c-c-c-c-c_r-r-r-r-r", s)
	}
	calibrated, raw := strings.Split(halves[0], "-"), strings.Split(halves[1], "-")
	if len(calibrated) != 5 || len(raw) != 5 {
		return Personality{}, fmt.Errorf("testgorilla: personality %q: want five scores on each side of _", s)
	}
	var c [5]int
	var r [5]float64
	for i := range 5 {
		v, err := strconv.Atoi(calibrated[i])
		if err != nil || v < 1 || v > 5 {
			return Personality{}, fmt.Errorf("testgorilla: personality %q: calibrated score %q is not a whole number from 1 to 5", s, calibrated[i])
		}
		c[i] = v
		f, err := strconv.ParseFloat(raw[i], 64)
		if err != nil || f < 0 || math.IsInf(f, 0) || math.IsNaN(f) || !plainNumber(raw[i]) {
			return Personality{}, fmt.Errorf("testgorilla: personality %q: %q is not a score", s, raw[i])
		}
		r[i] = f
	}
	return Personality{
		Calibrated: Traits{Extraversion: c[0], Agreeableness: c[1], Conscientiousness: c[2], EmotionalStability: c[3], Openness: c[4]},
		Raw:        RawTraits{Extraversion: r[0], Agreeableness: r[1], Conscientiousness: r[2], EmotionalStability: r[3], Openness: r[4]},
	}, nil
}

// plainNumber reports whether s is digits with at most one decimal
// point: what the vendor sends, and not the exponents, signs, hex or
// underscores strconv.ParseFloat would take too.
func plainNumber(s string) bool {
	dot := false
	for i, r := range s {
		switch {
		case r >= '0' && r <= '9':
		case r == '.' && !dot && i > 0 && i < len(s)-1:
			dot = true
		default:
			return false
		}
	}
	return s != ""
}

// String formats p as TestGorilla does, with the original scores in as
// few digits as they need ("30", "30.5").
func (p Personality) String() string {
	c, r := p.Calibrated, p.Raw
	f := func(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
	return fmt.Sprintf("%d-%d-%d-%d-%d_%s-%s-%s-%s-%s",
		c.Extraversion, c.Agreeableness, c.Conscientiousness, c.EmotionalStability, c.Openness,
		f(r.Extraversion), f(r.Agreeableness), f(r.Conscientiousness), f(r.EmotionalStability), f(r.Openness))
}

// flexInt is an id the vendor sends as a number or as a numeric string.
type flexInt int

func (n *flexInt) UnmarshalJSON(b []byte) error {
	s := strings.Trim(string(b), `"`)
	if s == "null" || s == "" {
		return nil
	}
	v, err := strconv.Atoi(s)
	if err != nil {
		return fmt.Errorf("want an integer id, got %s", b)
	}
	*n = flexInt(v)
	return nil
}

// Page is one page of a list: Count is the size of the whole list, Next
// and Previous the URLs of the neighbouring pages (empty at the ends, and
// sometimes left out by the API).
type Page[T any] struct {
	Count    int    `json:"count"`
	Next     string `json:"next"`
	Previous string `json:"previous"`
	Results  []T    `json:"results"`
}

// source is where a resource's raw JSON is; the resource types embed it.
type source struct{ src rest.RawSource }

// Raw returns the object as the API sent it, with the fields the Go type
// does not name (see Candidature.Extra); nil when the client did not
// decode it.
func (s *source) Raw() json.RawMessage { return s.src.JSON() }

func (s *source) setSource(src rest.RawSource) { s.src = src }

// sourced is a resource that keeps where its raw JSON is.
type sourced interface{ setSource(rest.RawSource) }

// decoded refuses an answer without "results" (missing or null: an
// answer of another shape must not look like an empty page) and tells
// each item where its raw JSON is.
func (p *Page[T]) decoded(body json.RawMessage) error {
	if p.Results == nil {
		return fmt.Errorf(`want a page with "results"`)
	}
	// Two "results" would be merged item by item: no item would be the
	// raw JSON it was decoded from.
	if err := rest.UniqueMember(body, "results"); err != nil {
		return err
	}
	for i := range p.Results {
		if s, ok := any(&p.Results[i]).(sourced); ok {
			s.setSource(rest.ListItem(body, "results", i))
		}
	}
	if c, ok := any(p.Results).([]Candidature); ok {
		return fillLegacyScores(body, c)
	}
	return nil
}
