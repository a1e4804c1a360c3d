package testgorilla

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

const candidatesPath = "/api/assessments/candidates/"

// CandidatesService calls the candidate (test taker) endpoint.
type CandidatesService struct{ c *Client }

// Candidate is a test taker: who they are, the assessments they were
// invited to and the tests they took.
type Candidate struct {
	ID               int                   `json:"id"`
	FullName         string                `json:"full_name" personal:"name"`
	Email            string                `json:"email" personal:"email"`
	Assessments      []CandidateAssessment `json:"assessments"`
	AssessmentsCount int                   `json:"assessments_count"`
	// Tests is the consolidated list of tests taken, in the API's own
	// (unpublished) shape.
	Tests        []json.RawMessage `json:"tests"`
	LastActivity time.Time         `json:"last_activity"`

	source
}

// CandidateAssessment is one assessment a candidate was invited to; its
// other fields are in the candidate's Raw.
type CandidateAssessment struct {
	ID             int    `json:"id"`
	AssessmentName string `json:"assessment_name"`
}

// Get returns a test taker's details.
//
//	GET /api/assessments/candidates/<test-taker id>/
//
// The documentation shows the answer both as the candidate object and
// wrapped in a page ({"count", "results": [...]}); Get reads either.
func (s *CandidatesService) Get(ctx context.Context, testTakerID int, opts ...RequestOption) (*Candidate, error) {
	if err := checkID("testTakerID", testTakerID); err != nil {
		return nil, err
	}
	var out candidateAnswer
	err := s.c.do(ctx, &rest.Request{Method: http.MethodGet, Path: candidatesPath + strconv.Itoa(testTakerID) + "/"}, &out, opts)
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
	b = bytes.Clone(b) // the candidate keeps it as its Raw
	var probe struct {
		Results json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	if probe.Results != nil {
		a.page = new(Page[Candidate])
		if err := json.Unmarshal(b, a.page); err != nil {
			return err
		}
		if err := rest.UniqueMember(b, "results"); err != nil {
			return err
		}
		for i := range a.page.Results {
			a.page.Results[i].src = rest.ListItem(b, "results", i)
		}
		return nil
	}
	if err := json.Unmarshal(b, &a.bare); err != nil {
		return err
	}
	if a.bare.ID == 0 {
		return fmt.Errorf(`want a candidate object with "id"`)
	}
	a.bare.src = rest.WholeBody(b)
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
