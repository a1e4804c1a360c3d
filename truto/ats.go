package truto

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// ATS is the unified ATS model's typed resources.
type ATS struct {
	Candidates   *CandidatesService
	Jobs         *ResourceClient[Job]
	Applications *ApplicationsService
	Attachments  *AttachmentsService
}

func newATS(c *Client) *ATS {
	return &ATS{
		Candidates:   &CandidatesService{r: Resource[Candidate](c, "ats", "candidates")},
		Jobs:         Resource[Job](c, "ats", "jobs"),
		Applications: &ApplicationsService{r: Resource[Application](c, "ats", "applications")},
		Attachments:  &AttachmentsService{c: c},
	}
}

// Ref is a reference to another record: {"id": "..."}.
type Ref struct {
	ID string `json:"id"`
}

// Email is an email address of a candidate.
type Email struct {
	Email string `json:"email" personal:"email"`
	Type  string `json:"type,omitempty"`
}

// Phone is a phone number of a candidate.
type Phone struct {
	Number    string `json:"number" personal:"phone"`
	Extension string `json:"extension,omitempty"`
	Type      string `json:"type,omitempty"`
}

// URL is a web address of a candidate.
type URL struct {
	URL  string `json:"url" personal:"url"`
	Type string `json:"type,omitempty"`
}

// Tag labels a candidate. Some integrations send tags as {id, name}
// objects and others as plain strings; both decode into Tag (a string
// as its Name).
type Tag struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// UnmarshalJSON reads an {id, name} object or a plain string.
func (t *Tag) UnmarshalJSON(b []byte) error {
	var name string
	if json.Unmarshal(b, &name) == nil {
		*t = Tag{Name: name}
		return nil
	}
	type plain Tag
	return json.Unmarshal(b, (*plain)(t))
}

// Attachment is a file attached to a candidate or an application.
type Attachment struct {
	ID             string    `json:"id"`
	FileName       string    `json:"file_name,omitempty" personal:"text"`
	FileURL        string    `json:"file_url,omitempty" personal:"url"`
	URL            string    `json:"url,omitempty" personal:"url"`
	AttachmentType string    `json:"attachment_type,omitempty"` // resume, cover_letter, other
	Type           string    `json:"type,omitempty"`            // "resume" on input for a resume
	Candidate      *Ref      `json:"candidate,omitempty"`
	Application    *Ref      `json:"application,omitempty"`
	Job            *Ref      `json:"job,omitempty"`
	CreatedAt      time.Time `json:"created_at,omitzero"`
	UpdatedAt      time.Time `json:"updated_at,omitzero"`
}

// FormFieldAnswer answers a job's application form (Lever requires
// them on create).
type FormFieldAnswer struct {
	GroupID string `json:"group_id,omitempty"`
	Name    string `json:"name,omitempty"`
	Value   string `json:"value,omitempty" personal:"text"`
}

// CandidateInput is the body of a candidate create or update: the
// reference page's request fields. Zero fields are not sent.
type CandidateInput struct {
	FirstName string   `json:"first_name,omitempty" personal:"name"`
	LastName  string   `json:"last_name,omitempty" personal:"name"`
	Title     string   `json:"title,omitempty" personal:"text"`
	Company   string   `json:"company,omitempty" personal:"text"`
	Emails    []Email  `json:"emails,omitempty"`
	Phones    []Phone  `json:"phones,omitempty"`
	Locations []string `json:"locations,omitempty" personal:"address"`
	// Links are web addresses; the reference page names the field without
	// a type, and they are sent as the response's urls are, {url, type}.
	Links               []URL             `json:"links,omitempty"`
	Tags                []Tag             `json:"tags,omitempty"`
	Attachments         []Attachment      `json:"attachments,omitempty"`
	JobFormFieldAnswers []FormFieldAnswer `json:"job_form_field_answers,omitempty"`
	// RemoteData is passed to the ATS untouched.
	RemoteData map[string]any `json:"remote_data,omitempty" personal:"text"`
}

// Candidate is a unified ATS candidate: the reference page's response
// fields. An answer without the record's "id" is a *DecodeError, unless
// the call excluded it (WithExcludeFields).
type Candidate struct {
	ID                string        `json:"id"`
	FirstName         string        `json:"first_name" personal:"name"`
	LastName          string        `json:"last_name" personal:"name"`
	Name              string        `json:"name" personal:"name"`
	Title             string        `json:"title" personal:"text"`
	Company           string        `json:"company" personal:"text"`
	Emails            []Email       `json:"emails"`
	Phones            []Phone       `json:"phones"`
	Locations         []string      `json:"locations" personal:"address"`
	URLs              []URL         `json:"urls"`
	Tags              []Tag         `json:"tags"`
	Attachments       []Attachment  `json:"attachments"`
	Applications      []Application `json:"applications"`
	CanEmail          bool          `json:"can_email"`
	IsPrivate         Flag          `json:"is_private"`
	CreatedAt         time.Time     `json:"created_at"`
	UpdatedAt         time.Time     `json:"updated_at"`
	LastInteractionAt time.Time     `json:"last_interaction_at"`
	// RemoteData is the ATS's own record.
	RemoteData map[string]any `json:"remote_data,omitempty" personal:"text"`

	source // Raw(): the record as Truto sent it, applications and attachments included
}

// Flag is a yes/no field that Truto documents as a string ("true") and
// some integrations send as a boolean; both decode, and it encodes as
// the string.
type Flag string

// UnmarshalJSON reads a boolean, a string or null.
func (f *Flag) UnmarshalJSON(b []byte) error {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return err
	}
	switch x := v.(type) {
	case nil:
		*f = ""
	case bool:
		*f = Flag(strconv.FormatBool(x))
	case string:
		*f = Flag(x)
	default:
		return fmt.Errorf("want a boolean or a string, got %s", b)
	}
	return nil
}

// True reports whether the flag is set ("true", "1", "yes", any case).
func (f Flag) True() bool {
	switch strings.ToLower(string(f)) {
	case "true", "1", "yes":
		return true
	}
	return false
}

// Application is a candidate's application to a job.
type Application struct {
	ID           string         `json:"id"`
	Candidate    *Ref           `json:"candidate,omitempty"`
	Job          *Ref           `json:"job,omitempty"`
	CurrentStage *Stage         `json:"current_stage,omitempty"`
	CreditedTo   *User          `json:"credited_to,omitempty"`
	Source       *Source        `json:"source,omitempty"`
	RejectReason string         `json:"reject_reason,omitempty"`
	RejectedAt   time.Time      `json:"rejected_at,omitzero"`
	AppliedAt    time.Time      `json:"applied_at,omitzero"`
	Attachments  []Attachment   `json:"attachments,omitempty"`
	CreatedAt    time.Time      `json:"created_at,omitzero"`
	UpdatedAt    time.Time      `json:"updated_at,omitzero"`
	RemoteData   map[string]any `json:"remote_data,omitempty" personal:"text"`

	source // Raw(); an application inside a Candidate is in the candidate's Raw()
}

// Stage is an application's stage in a job's pipeline.
type Stage struct {
	ID        string    `json:"id"`
	Name      string    `json:"name,omitempty"`
	Job       *Ref      `json:"job,omitempty"`
	CreatedAt time.Time `json:"created_at,omitzero"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// User is an ATS user, such as the recruiter an application is credited
// to.
type User struct {
	ID        string      `json:"id"`
	FirstName string      `json:"first_name,omitempty" personal:"name"`
	LastName  string      `json:"last_name,omitempty" personal:"name"`
	Emails    []UserEmail `json:"emails,omitempty"`
}

// UserEmail is an email address of a user.
type UserEmail struct {
	Email     string `json:"email" personal:"email"`
	IsPrimary bool   `json:"is_primary,omitempty"`
	Type      string `json:"type,omitempty"`
}

// Source is where an application came from.
type Source struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// Job is a unified ATS job. Truto's jobs carry more than these fields,
// varying by integration: Raw() and RemoteData hold the rest.
type Job struct {
	ID          string         `json:"id"`
	Name        string         `json:"name"`
	Description string         `json:"description,omitempty"`
	Status      string         `json:"status,omitempty"`
	CreatedAt   time.Time      `json:"created_at,omitzero"`
	UpdatedAt   time.Time      `json:"updated_at,omitzero"`
	RemoteData  map[string]any `json:"remote_data,omitempty"`

	source
}

func (c *Candidate) recordID() string   { return c.ID }
func (a *Application) recordID() string { return a.ID }
func (j *Job) recordID() string         { return j.ID }

// source is where a record's raw JSON is; the record types embed it.
type source struct{ src rest.RawSource }

// Raw returns the record as Truto sent it, with the fields the Go type
// does not name; nil when the client did not decode it.
func (s *source) Raw() json.RawMessage { return s.src.JSON() }

func (s *source) setSource(src rest.RawSource) { s.src = src }

// CandidatesService is the ATS candidates resource,
// /unified/ats/candidates.
type CandidatesService struct{ r *ResourceClient[Candidate] }

// List returns one page of candidates (see ResourceClient.List).
func (s *CandidatesService) List(ctx context.Context, accountID string, p ListParams, opts ...RequestOption) (*ListPage[Candidate], error) {
	return s.r.List(ctx, accountID, p, opts...)
}

// All ranges over every candidate (see ResourceClient.All).
func (s *CandidatesService) All(ctx context.Context, accountID string, p ListParams, opts ...RequestOption) iter.Seq2[Candidate, error] {
	return s.r.All(ctx, accountID, p, opts...)
}

// Get returns one candidate (see ResourceClient.Get).
func (s *CandidatesService) Get(ctx context.Context, accountID, id string, opts ...RequestOption) (*Candidate, error) {
	return s.r.Get(ctx, accountID, id, opts...)
}

// Update changes a candidate's fields (see ResourceClient.Update).
func (s *CandidatesService) Update(ctx context.Context, accountID, id string, in CandidateInput, opts ...RequestOption) (*Candidate, error) {
	return s.r.Update(ctx, accountID, id, in, opts...)
}

// Delete deletes a candidate (see ResourceClient.Delete).
func (s *CandidatesService) Delete(ctx context.Context, accountID, id string, opts ...RequestOption) error {
	return s.r.Delete(ctx, accountID, id, opts...)
}

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

// ApplicationsService is the ATS applications resource,
// /unified/ats/applications, and its custom methods.
type ApplicationsService struct{ r *ResourceClient[Application] }

// List returns one page of applications (see ResourceClient.List).
func (s *ApplicationsService) List(ctx context.Context, accountID string, p ListParams, opts ...RequestOption) (*ListPage[Application], error) {
	return s.r.List(ctx, accountID, p, opts...)
}

// All ranges over every application (see ResourceClient.All).
func (s *ApplicationsService) All(ctx context.Context, accountID string, p ListParams, opts ...RequestOption) iter.Seq2[Application, error] {
	return s.r.All(ctx, accountID, p, opts...)
}

// Get returns one application (see ResourceClient.Get).
func (s *ApplicationsService) Get(ctx context.Context, accountID, id string, opts ...RequestOption) (*Application, error) {
	return s.r.Get(ctx, accountID, id, opts...)
}

// MoveStageParams move an application to another stage.
type MoveStageParams struct {
	ApplicationID string         `json:"application_id,omitempty"` // required by most integrations
	StageID       string         `json:"stage_id"`                 // required
	CandidateID   string         `json:"candidate_id,omitempty"`   // required by Lever
	UserID        string         `json:"user_id,omitempty"`        // required by Recruiterflow and Workable
	RemoteData    map[string]any `json:"remote_data,omitempty"`
}

// MoveStage moves an application to another stage of its job.
//
//	POST /unified/ats/applications/move-stage?integrated_account_id=...
func (s *ApplicationsService) MoveStage(ctx context.Context, accountID string, p MoveStageParams, opts ...RequestOption) (*Application, error) {
	if p.StageID == "" {
		return nil, invalid("StageID", "required")
	}
	if p.ApplicationID == "" && p.CandidateID == "" {
		return nil, invalid("ApplicationID", "required (or CandidateID, for Lever)")
	}
	return s.r.Method(ctx, accountID, "move-stage", p, opts...)
}

// RejectParams reject an application.
type RejectParams struct {
	ApplicationID  string         `json:"application_id,omitempty"` // required by most integrations
	CandidateID    string         `json:"candidate_id,omitempty"`
	RejectReasonID string         `json:"reject_reason_id,omitempty"`
	UserID         string         `json:"user_id,omitempty"`
	RemoteData     map[string]any `json:"remote_data,omitempty"`
}

// Reject rejects an application.
//
//	POST /unified/ats/applications/reject?integrated_account_id=...
func (s *ApplicationsService) Reject(ctx context.Context, accountID string, p RejectParams, opts ...RequestOption) (*Application, error) {
	if p.ApplicationID == "" && p.CandidateID == "" {
		return nil, invalid("ApplicationID", "required (or CandidateID, for Lever)")
	}
	return s.r.Method(ctx, accountID, "reject", p, opts...)
}

// AttachmentsService downloads ATS attachments.
type AttachmentsService struct{ c *Client }

// Download streams an attachment's bytes, as the ATS serves them, never
// decoded. fileURL is the attachment's FileURL. The caller must close
// the returned body.
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
	return s.c.stream(ctx, call{
		method: http.MethodPost, path: "/unified/ats/attachments/download", account: accountID,
		params: []any{url.Values{"file_url": {fileURL}}}, body: map[string]any{}, cfg: cfg, write: true,
	})
}
