package testgorilla

import (
	"encoding/json"
	"fmt"
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
	AssessmentNew      AssessmentStatus = "new"
	AssessmentActive   AssessmentStatus = "active"
	AssessmentArchived AssessmentStatus = "archived"
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

// Traits are the five scores of a big_5 personality test.
type Traits struct {
	Extraversion       int
	Agreeableness      int
	Conscientiousness  int
	EmotionalStability int
	Openness           int
}

// Personality is a big_5 personality result: five calibrated scores
// (1–5) and the five raw scores they come from.
type Personality struct {
	Calibrated Traits
	Raw        Traits
}

// ParsePersonality reads the big_5 string TestGorilla sends,
// "c-c-c-c-c_r-r-r-r-r": calibrated then raw scores, each in the order
// extraversion, agreeableness, conscientiousness, emotional stability,
// openness.
func ParsePersonality(s string) (Personality, error) {
	halves := strings.Split(s, "_")
	if len(halves) != 2 {
		return Personality{}, fmt.Errorf("testgorilla: personality %q: want c-c-c-c-c_r-r-r-r-r", s)
	}
	var p Personality
	for i, dst := range []*Traits{&p.Calibrated, &p.Raw} {
		parts := strings.Split(halves[i], "-")
		if len(parts) != 5 {
			return Personality{}, fmt.Errorf("testgorilla: personality %q: want five scores on each side of _", s)
		}
		var n [5]int
		for j, part := range parts {
			v, err := strconv.Atoi(part)
			if err != nil || v < 0 {
				return Personality{}, fmt.Errorf("testgorilla: personality %q: %q is not a score", s, part)
			}
			n[j] = v
		}
		if i == 0 {
			for _, v := range n {
				if v < 1 || v > 5 {
					return Personality{}, fmt.Errorf("testgorilla: personality %q: calibrated score %d is outside 1-5", s, v)
				}
			}
		}
		*dst = Traits{Extraversion: n[0], Agreeableness: n[1], Conscientiousness: n[2], EmotionalStability: n[3], Openness: n[4]}
	}
	return p, nil
}

// String formats p as TestGorilla does.
func (p Personality) String() string {
	f := func(t Traits) string {
		return fmt.Sprintf("%d-%d-%d-%d-%d", t.Extraversion, t.Agreeableness, t.Conscientiousness, t.EmotionalStability, t.Openness)
	}
	return f(p.Calibrated) + "_" + f(p.Raw)
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
