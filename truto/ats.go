package truto

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// The ATS services and their delegating methods are generated from one
// table of Truto's Unified ATS API (internal/genats, ats_gen.go); the
// methods below say more than a delegation can.

// ApplicationSource is the application_source of a candidate create.
type ApplicationSource string

// The documented application sources.
const (
	// SourceApplicant: the candidate applied (job boards, the career site).
	SourceApplicant ApplicationSource = "applicant"
	// SourceLead: a user added the candidate as a lead.
	SourceLead ApplicationSource = "lead"
)

// CreateCandidateParams are the query parameters of a candidate create.
type CreateCandidateParams struct {
	// JobID applies the candidate to a job (job_id; Lever requires it).
	JobID string `url:"job_id,omitempty"`
	// ApplicationSource says who created the candidate.
	ApplicationSource ApplicationSource `url:"application_source,omitempty"`
}

// Create creates a candidate in the integrated account's ATS.
//
//	POST /unified/ats/candidates?integrated_account_id=...&job_id=...&application_source=...
//
// It carries an Idempotency-Key (yours with WithIdempotencyKey, or one
// made for the call), so a retry after a 500 does not create the
// candidate twice.
func (s *CandidatesService) Create(ctx context.Context, accountID string, in CandidateInput, p CreateCandidateParams, opts ...RequestOption) (*Candidate, error) {
	switch p.ApplicationSource {
	case "", SourceApplicant, SourceLead:
	default:
		return nil, invalid("ApplicationSource", fmt.Sprintf("%q is not applicant or lead", p.ApplicationSource))
	}
	for i, e := range in.Emails {
		if strings.TrimSpace(e.Email) == "" {
			return nil, invalid("Emails", fmt.Sprintf("email %d is empty", i))
		}
	}
	q, err := rest.Values(p)
	if err != nil {
		return nil, invalid("CreateCandidateParams", err.Error())
	}
	return s.r.Create(ctx, accountID, in, q, opts...)
}

// MoveStageParams move an application to another stage: the body of
// POST /unified/ats/applications/move-stage.
type MoveStageParams struct {
	ApplicationID string         `json:"application_id,omitempty"` // required by every integration but Lever
	StageID       string         `json:"stage_id"`                 // required; a JobInterviewStage's id (SmartRecruiters: a status such as INTERVIEW)
	CandidateID   string         `json:"candidate_id,omitempty"`   // required by Lever
	UserID        string         `json:"user_id,omitempty"`        // required by Recruiterflow and Workable
	RemoteData    map[string]any `json:"remote_data,omitempty"`
}

func (p MoveStageParams) validate() error {
	if p.StageID == "" {
		return invalid("StageID", "required")
	}
	if p.ApplicationID == "" && p.CandidateID == "" {
		return invalid("ApplicationID", "required (or CandidateID, for Lever)")
	}
	return nil
}

// RejectParams reject an application: the body of
// POST /unified/ats/applications/reject (Greenhouse).
type RejectParams struct {
	ApplicationID string `json:"application_id,omitempty"` // required
	CandidateID   string `json:"candidate_id,omitempty"`
	// RejectReasonID is a RejectReason's id, sent as reason_id
	// (Greenhouse requires it).
	RejectReasonID string `json:"reason_id,omitempty"`
	// UserID rejects on the user's behalf; Greenhouse requires it unless
	// the account's context sets on_behalf_of_user_id.
	UserID     string         `json:"user_id,omitempty"`
	RemoteData map[string]any `json:"remote_data,omitempty"`
}

func (p RejectParams) validate() error {
	if p.ApplicationID == "" && p.CandidateID == "" {
		return invalid("ApplicationID", "required (or CandidateID, for Lever)")
	}
	return nil
}

// Download streams an attachment's bytes, as the ATS serves them, never
// decoded. fileURL is the attachment's FileURL, sent as the file_url
// query parameter. The caller must close the returned body. It is a
// POST, and carries an Idempotency-Key like Create.
//
//	POST /unified/ats/attachments/download?integrated_account_id=...&file_url=...
func (s *AttachmentsService) Download(ctx context.Context, accountID, fileURL string, opts ...RequestOption) (io.ReadCloser, error) {
	if fileURL == "" {
		return nil, invalid("fileURL", "required")
	}
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	return s.r.c.stream(ctx, call{
		method: http.MethodPost, path: s.r.path("download"), account: accountID,
		params: []any{url.Values{"file_url": {fileURL}}}, body: map[string]any{}, cfg: cfg, write: true,
	})
}
