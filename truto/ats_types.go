package truto

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// The record types of the Unified ATS API, with the fields of Truto's
// reference pages (https://truto.one/docs/api-reference/unified-ats-api/<resource>).
// Every field but the id may be missing for a given ATS: each page says
// which integrations fill which field. Raw() keeps what a type does not
// name, RemoteData the ATS's own record. Fields that hold personal data
// carry a personal:"<kind>" tag (name, email, phone, address, text,
// url), for tools that scrub recordings.

// source is where a record's raw JSON is; the record types embed it.
type source struct{ src rest.RawSource }

// Raw returns the record as Truto sent it, with the fields the Go type
// does not name; nil when the client did not decode it.
func (s *source) Raw() json.RawMessage { return s.src.JSON() }

func (s *source) setSource(src rest.RawSource) { s.src = src }

// Ref is a reference to another record: {"id": "..."}.
type Ref struct {
	ID string `json:"id"`
}

// NamedRef is a reference to another record with its name.
type NamedRef struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// Email is an email address of a candidate.
type Email struct {
	Email string `json:"email" personal:"email"`
	Type  string `json:"type,omitempty"`
}

// Phone is a phone number of a candidate.
type Phone struct {
	Number    string `json:"number" personal:"phone"`
	Extension string `json:"extension,omitempty" personal:"phone"`
	Type      string `json:"type,omitempty"`
}

// URL is a web address of a candidate or a job.
type URL struct {
	URL  string `json:"url" personal:"url"`
	Type string `json:"type,omitempty"`
}

// Tag labels a candidate; the Tags resource lists them. Some
// integrations send a candidate's tags as {id, name} objects and others
// as plain strings; both decode into Tag (a string as its Name).
type Tag struct {
	ID         string         `json:"id,omitempty"`
	Name       string         `json:"name,omitempty"`
	CreatedAt  time.Time      `json:"created_at,omitzero"`
	UpdatedAt  time.Time      `json:"updated_at,omitzero"`
	RemoteData map[string]any `json:"remote_data,omitempty" personal:"text"`

	source // Raw(), for a tag of the Tags resource
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
	// RemoteData is the ATS's own record (on the Attachments resource).
	RemoteData map[string]any `json:"remote_data,omitempty" personal:"text"`

	source
}

// FormFieldAnswer answers a job's application form (Lever requires
// them on create): GroupID and Name of a JobFormField, and the answer.
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

// User is an ATS user: a record of the Users resource, or the recruiter
// an application is credited to (which carries fewer fields).
type User struct {
	ID        string      `json:"id"`
	FirstName string      `json:"first_name,omitempty" personal:"name"`
	LastName  string      `json:"last_name,omitempty" personal:"name"`
	Name      string      `json:"name,omitempty" personal:"name"`
	Emails    []UserEmail `json:"emails,omitempty"`
	// Disabled means the user can no longer sign in.
	Disabled bool `json:"disabled,omitempty"`
	// AccessRole is the user's role, as the ATS names it (Workable:
	// admin, no_access, reviewer, simple).
	AccessRole string         `json:"access_role,omitempty"`
	CreatedAt  time.Time      `json:"created_at,omitzero"`
	UpdatedAt  time.Time      `json:"updated_at,omitzero"`
	RemoteData map[string]any `json:"remote_data,omitempty" personal:"text"`

	source
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

// Job is a unified ATS job. Status is open, closed, draft, pending or
// archived.
type Job struct {
	ID             string     `json:"id"`
	Name           string     `json:"name"`
	Description    string     `json:"description,omitempty"`
	Code           string     `json:"code,omitempty"`
	RequisitionID  string     `json:"requisition_id,omitempty"`
	Status         string     `json:"status,omitempty"`
	Locations      []string   `json:"locations,omitempty"`
	JobPostingURLs []URL      `json:"job_posting_urls,omitempty"`
	Confidential   bool       `json:"confidential,omitempty"`
	Departments    []NamedRef `json:"departments,omitempty"`
	Offices        []NamedRef `json:"offices,omitempty"`
	// Teams' fields are not documented: each is the ATS's object.
	Teams          []map[string]any `json:"teams,omitempty"`
	HiringManagers []NamedRef       `json:"hiring_managers,omitempty" personal:"name"`
	Recruiters     []NamedRef       `json:"recruiters,omitempty" personal:"name"`
	CreatedAt      time.Time        `json:"created_at,omitzero"`
	UpdatedAt      time.Time        `json:"updated_at,omitzero"`
	RemoteData     map[string]any   `json:"remote_data,omitempty"`

	source
}

// Activity is a note or an email on a candidate. ActivityType is note or
// email; Visibility private, public or admin_only.
type Activity struct {
	ID           string         `json:"id"`
	Candidate    *Ref           `json:"candidate,omitempty"`
	Actor        *Actor         `json:"actor,omitempty"`
	ActivityType string         `json:"activity_type,omitempty"`
	From         []EmailAddress `json:"from,omitempty"`
	To           []EmailAddress `json:"to,omitempty"`
	CC           []EmailAddress `json:"cc,omitempty"`
	Subject      string         `json:"subject,omitempty" personal:"text"`
	Body         string         `json:"body,omitempty" personal:"text"`
	Visibility   string         `json:"visibility,omitempty"`
	CreatedAt    time.Time      `json:"created_at,omitzero"`
	UpdatedAt    time.Time      `json:"updated_at,omitzero"`
	RemoteData   map[string]any `json:"remote_data,omitempty" personal:"text"`

	source
}

// Actor is who did an activity: Type is user or candidate.
type Actor struct {
	ID   string `json:"id,omitempty"`
	Type string `json:"type,omitempty"`
}

// EmailAddress is a sender or recipient of an email activity.
type EmailAddress struct {
	Email string `json:"email,omitempty" personal:"email"`
	Name  string `json:"name,omitempty" personal:"name"`
}

// ActivityInput is the body of an activity create (Ashby, Lever,
// Recruitee): CandidateID is required by all three, Body by Ashby and
// Recruitee.
type ActivityInput struct {
	CandidateID string         `json:"candidate_id,omitempty"`
	Body        string         `json:"body,omitempty" personal:"text"`
	Visibility  string         `json:"visibility,omitempty"` // private, public or admin_only
	CreatedAt   time.Time      `json:"created_at,omitzero"`
	RemoteData  map[string]any `json:"remote_data,omitempty" personal:"text"`
}

// Department is a department of the organisation. Status is active or
// inactive.
type Department struct {
	ID         string         `json:"id"`
	Name       string         `json:"name,omitempty"`
	Parent     *NamedRef      `json:"parent,omitempty"`
	Status     string         `json:"status,omitempty"`
	CreatedAt  time.Time      `json:"created_at,omitzero"`
	UpdatedAt  time.Time      `json:"updated_at,omitzero"`
	RemoteData map[string]any `json:"remote_data,omitempty"`

	source
}

// EEOC is a candidate's equal employment opportunity answers. Truto
// gives no enums: the values are the ATS's.
type EEOC struct {
	ID               string         `json:"id"`
	Candidate        *Ref           `json:"candidate,omitempty"`
	SubmittedAt      time.Time      `json:"submitted_at,omitzero"`
	Race             string         `json:"race,omitempty" personal:"text"`
	Gender           string         `json:"gender,omitempty" personal:"text"`
	VeteranStatus    string         `json:"veteran_status,omitempty" personal:"text"`
	DisabilityStatus string         `json:"disability_status,omitempty" personal:"text"`
	CreatedAt        time.Time      `json:"created_at,omitzero"`
	UpdatedAt        time.Time      `json:"updated_at,omitzero"`
	RemoteData       map[string]any `json:"remote_data,omitempty" personal:"text"`

	source
}

// Interview is a scheduled interview. Status is draft, scheduled,
// cancelled, awaiting_feedback or completed.
type Interview struct {
	ID                string         `json:"id"`
	Application       *Ref           `json:"application,omitempty"`
	Candidate         *Ref           `json:"candidate,omitempty"`
	JobInterviewStage *Ref           `json:"job_interview_stage,omitempty"`
	Organizer         *Ref           `json:"organizer,omitempty"`
	Interviewers      []Ref          `json:"interviewers,omitempty"`
	Location          string         `json:"location,omitempty" personal:"address"`
	StartAt           time.Time      `json:"start_at,omitzero"`
	EndAt             time.Time      `json:"end_at,omitzero"`
	Status            string         `json:"status,omitempty"`
	CreatedAt         time.Time      `json:"created_at,omitzero"`
	UpdatedAt         time.Time      `json:"updated_at,omitzero"`
	RemoteData        map[string]any `json:"remote_data,omitempty" personal:"text"`

	source
}

// JobFormField is a question of a job's application form; answer it in
// CandidateInput.JobFormFieldAnswers with its GroupID and Name. Type is
// text, textarea, dropdown, file, radio, checkbox, date or number (or
// the ATS's own type when none maps); Options are the choices of a
// dropdown, radio or checkbox.
type JobFormField struct {
	ID               string            `json:"id"`
	Name             string            `json:"name,omitempty"`
	Label            string            `json:"label,omitempty"`
	Description      string            `json:"description,omitempty"`
	Job              *Ref              `json:"job,omitempty"`
	Index            int               `json:"index,omitempty"` // its place, within its group when GroupID is set
	IsRequired       bool              `json:"is_required,omitempty"`
	AnswerVisibility string            `json:"answer_visibility,omitempty"` // private or public
	Type             string            `json:"type,omitempty"`
	Options          []FormFieldOption `json:"options,omitempty"`
	GroupID          string            `json:"group_id,omitempty"`
	GroupName        string            `json:"group_name,omitempty"`
	RemoteData       map[string]any    `json:"remote_data,omitempty"`

	source
}

// FormFieldOption is a choice of a JobFormField.
type FormFieldOption struct {
	ID    string `json:"id,omitempty"`
	Label string `json:"label,omitempty"`
	Value string `json:"value,omitempty"`
}

// JobInterviewStage is a stage of a job's pipeline. Status is active or
// inactive.
type JobInterviewStage struct {
	ID         string         `json:"id"`
	Name       string         `json:"name,omitempty"`
	Status     string         `json:"status,omitempty"`
	Job        *Ref           `json:"job,omitempty"`
	Position   int            `json:"position,omitempty"`
	CreatedAt  time.Time      `json:"created_at,omitzero"`
	UpdatedAt  time.Time      `json:"updated_at,omitzero"`
	RemoteData map[string]any `json:"remote_data,omitempty"`

	source
}

// Offer is an offer made to a candidate. Status is draft, approval_sent,
// approved, sent, sent_manually, opened, denied, signed or deprecated.
// StartDate is the ATS's date as it sends it (a date, not a time).
type Offer struct {
	ID          string         `json:"id"`
	Application *Ref           `json:"application,omitempty"`
	Candidate   *Ref           `json:"candidate,omitempty"`
	Job         *Ref           `json:"job,omitempty"`
	Creator     *Ref           `json:"creator,omitempty"`
	Status      string         `json:"status,omitempty"`
	StartDate   string         `json:"start_date,omitempty"`
	SentAt      time.Time      `json:"sent_at,omitzero"`
	ClosedAt    time.Time      `json:"closed_at,omitzero"`
	CreatedAt   time.Time      `json:"created_at,omitzero"`
	UpdatedAt   time.Time      `json:"updated_at,omitzero"`
	RemoteData  map[string]any `json:"remote_data,omitempty" personal:"text"`

	source
}

// Office is an office of the organisation.
type Office struct {
	ID         string         `json:"id"`
	Name       string         `json:"name,omitempty"`
	Parent     *Ref           `json:"parent,omitempty"`
	Location   string         `json:"location,omitempty"`
	IsRemote   bool           `json:"is_remote,omitempty"`
	CreatedAt  time.Time      `json:"created_at,omitzero"`
	UpdatedAt  time.Time      `json:"updated_at,omitzero"`
	RemoteData map[string]any `json:"remote_data,omitempty"`

	source
}

// Organization is a company an ATS account holds (Breezy, Jobvite,
// Loxo). Truto's reference names only its name; the other fields are
// assumed from the other resources, and Raw() has the rest.
type Organization struct {
	ID         string         `json:"id"`
	Name       string         `json:"name,omitempty"`
	CreatedAt  time.Time      `json:"created_at,omitzero"`
	UpdatedAt  time.Time      `json:"updated_at,omitzero"`
	RemoteData map[string]any `json:"remote_data,omitempty"`

	source
}

// RejectReason is a reason an application can be rejected with
// (RejectParams.RejectReasonID).
type RejectReason struct {
	ID         string         `json:"id"`
	Name       string         `json:"name,omitempty"`
	CreatedAt  time.Time      `json:"created_at,omitzero"`
	UpdatedAt  time.Time      `json:"updated_at,omitzero"`
	RemoteData map[string]any `json:"remote_data,omitempty"`

	source
}

// Scorecard is an interviewer's feedback on a candidate.
// OverallRecommendation is the ATS's value (Truto gives no enum).
type Scorecard struct {
	ID                    string           `json:"id"`
	Application           *Ref             `json:"application,omitempty"`
	Candidate             *Ref             `json:"candidate,omitempty"`
	Interview             *Ref             `json:"interview,omitempty"`
	Interviewer           *Ref             `json:"interviewer,omitempty"`
	OverallRecommendation string           `json:"overall_recommendation,omitempty"`
	FormValues            []ScorecardValue `json:"form_values,omitempty"`
	SubmittedAt           time.Time        `json:"submitted_at,omitzero"`
	CreatedAt             time.Time        `json:"created_at,omitzero"`
	UpdatedAt             time.Time        `json:"updated_at,omitzero"`
	RemoteData            map[string]any   `json:"remote_data,omitempty" personal:"text"`

	source
}

// ScorecardValue is one answer of a scorecard's form. Value is the
// ATS's JSON value (a string, a number, a list...).
type ScorecardValue struct {
	Name        string          `json:"name,omitempty"`
	Label       string          `json:"label,omitempty"`
	Description string          `json:"description,omitempty"`
	Value       json.RawMessage `json:"value,omitempty" personal:"text"`
}
