package testgorilla

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"net/http"
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// AssessmentsService calls the assessment endpoints: the list, the
// details and the anti-cheating flags, and the invitations.
type AssessmentsService struct{ c *Client }

// Assessment is a set of tests candidates are invited to. The list
// gives the counts; Get adds the tests and the public links.
type Assessment struct {
	ID       int              `json:"id"`
	Name     string           `json:"name"`
	Status   AssessmentStatus `json:"status"`
	Created  time.Time        `json:"created"`
	Modified time.Time        `json:"modified"` // the last change, candidates' progress included
	// Candidates is how many candidates were invited: Invited have not
	// started, Started have not finished, Finished completed it.
	Candidates int `json:"candidates"`
	Invited    int `json:"invited"`
	Started    int `json:"started"`
	Finished   int `json:"finished"`
	// FinishedPercentage is the share of candidates who completed it, in
	// percent.
	FinishedPercentage float64 `json:"finished_percentage"`
	// Tests are the assessment's tests (details only). The API sends them
	// as "tests_detail", each under "test" (as public client code reads
	// the answer); a "tests" list is read too.
	Tests []AssessmentTest `json:"tests"`
	// PublicLinks are the links anyone can take the assessment with
	// (details only): PublicLinks[0] is the default one.
	PublicLinks []PublicLink `json:"public_links"`

	source
}

// AssessmentTest is one test of an assessment; its other attributes are
// in the assessment's Raw.
type AssessmentTest struct {
	ID        int       `json:"id"`
	Name      string    `json:"name"`
	Algorithm Algorithm `json:"algorithm"`
}

// decoded refuses an answer without the assessment's "id", keeps it as
// Raw, reads the tests from "tests_detail", and gives each public link
// its assessment.
func (a *Assessment) decoded(body json.RawMessage) error {
	if a.ID == 0 {
		return fmt.Errorf(`want an assessment with "id"`)
	}
	if a.Tests == nil && bytes.Contains(body, []byte(`"tests_detail"`)) {
		var details struct {
			Tests []struct {
				Test AssessmentTest `json:"test"`
			} `json:"tests_detail"`
		}
		if err := json.Unmarshal(body, &details); err != nil {
			return err
		}
		for _, d := range details.Tests {
			a.Tests = append(a.Tests, d.Test)
		}
	}
	a.src = rest.WholeBody(body)
	for i := range a.PublicLinks {
		if a.PublicLinks[i].Assessment == 0 {
			a.PublicLinks[i].Assessment = a.ID
		}
	}
	return nil
}

// ListAssessmentsParams filter, order and page the assessment list.
// Zero fields are not sent.
type ListAssessmentsParams struct {
	// Status and Statuses select assessments by status, any of them
	// (status=new,active); none selects every status.
	Status   AssessmentStatus
	Statuses []AssessmentStatus
	Ordering AssessmentOrdering // default: by assessment id
	Limit    int                // page size; the API's default is 10
	Offset   int                // the first item's position
}

// assessmentsQuery is ListAssessmentsParams as the query sends them.
type assessmentsQuery struct {
	Status   string             `url:"status,omitempty"`
	Ordering AssessmentOrdering `url:"ordering,omitempty"`
	Limit    int                `url:"limit,omitempty"`
	Offset   int                `url:"offset,omitempty"`
}

func (p ListAssessmentsParams) query() assessmentsQuery {
	var statuses []string
	for _, st := range append([]AssessmentStatus{p.Status}, p.Statuses...) {
		if st != "" && !slices.Contains(statuses, string(st)) {
			statuses = append(statuses, string(st))
		}
	}
	return assessmentsQuery{Status: strings.Join(statuses, ","), Ordering: p.Ordering, Limit: p.Limit, Offset: p.Offset}
}

func (p ListAssessmentsParams) validate() error {
	for i, st := range append([]AssessmentStatus{p.Status}, p.Statuses...) {
		if (st != "" || i > 0) && st != AssessmentNew && st != AssessmentActive && st != AssessmentArchived {
			field := "Status"
			if i > 0 {
				field = fmt.Sprintf("Statuses[%d]", i-1)
			}
			return invalid(field, fmt.Sprintf("%q is not new, active or archived", st))
		}
	}
	if p.Ordering != "" && !p.Ordering.valid() {
		return invalid("Ordering", fmt.Sprintf("%q is not modified, name, candidates or finished_percentage (with - for descending)", p.Ordering))
	}
	return checkPage(p.Limit, p.Offset)
}

const assessmentsPath = "/api/assessments/"

// List returns one page of assessments.
//
//	GET /api/assessments/?status=&ordering=&limit=&offset=
func (s *AssessmentsService) List(ctx context.Context, p ListAssessmentsParams, opts ...RequestOption) (*Page[Assessment], error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	return list[Assessment](ctx, s.c, cfg, assessmentsPath, p.query())
}

// All ranges over every assessment p selects, as CandidaturesService.All
// does.
func (s *AssessmentsService) All(ctx context.Context, p ListAssessmentsParams, opts ...RequestOption) iter.Seq2[Assessment, error] {
	if err := p.validate(); err != nil {
		return fail[Assessment](err)
	}
	q := p.query()
	q.Limit = cmp.Or(q.Limit, DefaultPageSize)
	return all(ctx, s.c, assessmentsPath, q.Offset, opts, func(offset int) any { q := q; q.Offset = offset; return q },
		func(a Assessment) string { return strconv.Itoa(a.ID) })
}

// Get returns one assessment with its details: its tests and public
// links.
//
//	GET /api/assessments/<id>/
func (s *AssessmentsService) Get(ctx context.Context, id int, opts ...RequestOption) (*Assessment, error) {
	if err := checkID("id", id); err != nil {
		return nil, err
	}
	var a Assessment
	if err := s.c.do(ctx, &rest.Request{Method: http.MethodGet, Path: assessmentsPath + strconv.Itoa(id) + "/"}, &a, opts); err != nil {
		return nil, err
	}
	return &a, nil
}

// InviteParams is the candidate to invite.
type InviteParams struct {
	Email string `json:"email" personal:"email"` // required
	// FirstName and LastName are optional but recommended: the invitation
	// email greets the candidate by name.
	FirstName string `json:"first_name,omitempty" personal:"name"`
	LastName  string `json:"last_name,omitempty" personal:"name"`
	// NoEmail creates the invitation without emailing it: send the
	// returned InvitationLink yourself (PersonalLink sets it).
	NoEmail bool `json:"-"`
}

func (p InviteParams) validate() error {
	if addr, err := mail.ParseAddress(p.Email); err != nil || addr.Name != "" || addr.Address != p.Email {
		return invalid("Email", fmt.Sprintf("%q is not an email address", p.Email))
	}
	return nil
}

// Invitation is a new candidature, the answer to Invite and PersonalLink.
type Invitation struct {
	ID             int    `json:"id"` // the candidature's id
	TestTakerID    int    `json:"testtaker_id"`
	Email          string `json:"email" personal:"email"`
	FirstName      string `json:"first_name" personal:"name"`
	LastName       string `json:"last_name" personal:"name"`
	FullName       string `json:"full_name" personal:"name"`
	InvitationUUID string `json:"invitation_uuid" personal:"text"`
	// InvitationLink is the candidate's personal link to the assessment.
	// When the answer gives only the UUID, the link is made from it as
	// the vendor's candidature example shows it (InvitationBaseURL).
	InvitationLink string `json:"invitation_link" personal:"url"`

	source
}

// InvitationBaseURL is where a candidate's personal link points, before
// the invitation's UUID (as in the documented candidature example).
const InvitationBaseURL = "https://assessment.testgorilla.com/testtaker/takeinvitation/"

// decoded refuses an answer with neither the candidature's id nor an
// invitation link, keeps it as Raw, and makes the link from the UUID
// when only that came.
func (i *Invitation) decoded(body json.RawMessage) error {
	if i.ID == 0 && i.InvitationLink == "" {
		return fmt.Errorf(`want an invitation with "id" or "invitation_link"`)
	}
	if i.InvitationLink == "" && i.InvitationUUID != "" {
		i.InvitationLink = InvitationBaseURL + i.InvitationUUID
	}
	i.src = rest.WholeBody(body)
	return nil
}

// Invite invites a candidate to an assessment, by email unless
// p.NoEmail.
//
//	POST /api/assessments/<id>/invite_candidate/[?no_email=true] {"email", "first_name", "last_name"}
//
// A candidate already invited is an error matching ErrAlreadyInvited
// (REPEATING_INVITATION); an email TestGorilla refuses matches
// ErrBadEmail; an archived assessment takes no invitations. Not
// idempotent: never sent twice because of a retry; a failure after the
// request may have arrived matches ErrOutcomeUnknown.
func (s *AssessmentsService) Invite(ctx context.Context, assessmentID int, p InviteParams, opts ...RequestOption) (*Invitation, error) {
	if err := checkID("assessmentID", assessmentID); err != nil {
		return nil, err
	}
	if err := p.validate(); err != nil {
		return nil, err
	}
	var q url.Values
	if p.NoEmail {
		q = url.Values{"no_email": {"true"}}
	}
	var inv Invitation
	err := s.c.do(ctx, &rest.Request{
		Method: http.MethodPost, Path: assessmentsPath + strconv.Itoa(assessmentID) + "/invite_candidate/", Query: q, Body: p,
	}, &inv, opts)
	if err != nil {
		return nil, err
	}
	return &inv, nil
}

// PersonalLink invites a candidate without sending the invitation email
// and returns the invitation, whose InvitationLink is the candidate's
// personal URL to take the assessment: for an ATS that sends its own
// emails. It is Invite with NoEmail set, and the same write: a
// candidature is created, so it is never sent twice because of a retry.
//
//	POST /api/assessments/<id>/invite_candidate/?no_email=true {"email", "first_name", "last_name"}
func (s *AssessmentsService) PersonalLink(ctx context.Context, assessmentID int, p InviteParams, opts ...RequestOption) (*Invitation, error) {
	p.NoEmail = true
	return s.Invite(ctx, assessmentID, p, opts...)
}
