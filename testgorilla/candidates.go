package testgorilla

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// CandidatesService calls the candidate (test taker) endpoint.
type CandidatesService struct{ c *Client }

// Candidate is a test taker: who they are, the assessments they were
// invited to and the tests they took.
type Candidate struct {
	ID               int                   `json:"id"`
	FullName         string                `json:"full_name"`
	Email            string                `json:"email"`
	Assessments      []CandidateAssessment `json:"assessments"`
	AssessmentsCount int                   `json:"assessments_count"`
	// Tests is the consolidated list of tests taken, in the API's own
	// (unpublished) shape.
	Tests        []json.RawMessage `json:"tests"`
	LastActivity time.Time         `json:"last_activity"`
	Raw          json.RawMessage   `json:"-"`
}

// UnmarshalJSON decodes the documented fields and keeps the whole object
// in Raw.
func (c *Candidate) UnmarshalJSON(b []byte) (err error) {
	type plain Candidate
	c.Raw, err = rest.UnmarshalKeepingRaw(b, (*plain)(c))
	return err
}

// CandidateAssessment is one assessment a candidate was invited to.
type CandidateAssessment struct {
	ID             int             `json:"id"`
	AssessmentName string          `json:"assessment_name"`
	Raw            json.RawMessage `json:"-"`
}

// UnmarshalJSON decodes the documented fields and keeps the whole object
// in Raw.
func (a *CandidateAssessment) UnmarshalJSON(b []byte) (err error) {
	type plain CandidateAssessment
	a.Raw, err = rest.UnmarshalKeepingRaw(b, (*plain)(a))
	return err
}

// Get returns a test taker's details.
//
//	GET /api/assessments/candidates/<test-taker id>/
//
// The documentation shows the answer both as the candidate object and
// wrapped in a page ({"count", "results": [...]}); Get reads either.
func (s *CandidatesService) Get(ctx context.Context, testTakerID int) (*Candidate, error) {
	if err := checkID("testTakerID", testTakerID); err != nil {
		return nil, err
	}
	var out candidateAnswer
	err := s.c.do(ctx, &rest.Request{Method: http.MethodGet, Path: "/api/assessments/candidates/" + strconv.Itoa(testTakerID) + "/"}, &out)
	if err != nil {
		return nil, err
	}
	return out.candidate(testTakerID)
}

// candidateAnswer is a bare candidate, or a page of them.
type candidateAnswer struct {
	bare Candidate
	page *Page[Candidate]
}

func (a *candidateAnswer) UnmarshalJSON(b []byte) error {
	var probe struct {
		Results json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	if probe.Results != nil {
		a.page = new(Page[Candidate])
		return json.Unmarshal(b, a.page)
	}
	if err := json.Unmarshal(b, &a.bare); err != nil {
		return err
	}
	if a.bare.ID == 0 {
		return fmt.Errorf(`want a candidate object with "id"`)
	}
	return nil
}

func (a *candidateAnswer) candidate(id int) (*Candidate, error) {
	if a.page == nil {
		return &a.bare, nil
	}
	for i := range a.page.Results {
		if a.page.Results[i].ID == id {
			return &a.page.Results[i], nil
		}
	}
	if len(a.page.Results) == 1 {
		return &a.page.Results[0], nil
	}
	return nil, fmt.Errorf("testgorilla: candidate %d: the answer lists %d candidates, none with that id", id, len(a.page.Results))
}
