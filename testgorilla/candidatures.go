package testgorilla

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"strconv"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/paging"
	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// CandidaturesService calls the candidature endpoints: a candidature is
// one candidate's invitation to one assessment.
type CandidaturesService struct{ c *Client }

// Candidature is one candidate in one assessment.
type Candidature struct {
	ID int `json:"id"`
	// AvgScore is the average score in percent; nil until the candidate
	// completes the assessment. (Some API versions call it "average";
	// both are read.)
	AvgScore       *float64  `json:"avg_score"`
	Created        time.Time `json:"created"` // when the candidate was invited
	Email          string    `json:"email" personal:"email"`
	FullName       string    `json:"full_name" personal:"name"`
	InvitationUUID string    `json:"invitation_uuid" personal:"text"`
	InvitationLink string    `json:"invitation_link" personal:"url"`
	IsHired        bool      `json:"is_hired"`
	// PersonalityAlgorithm names the personality test, such as "big_5";
	// Personality is its result in the vendor's encoding (see Big5).
	PersonalityAlgorithm string   `json:"personality_algorithm"`
	Personality          string   `json:"personality"`
	Rating               *float64 `json:"rating"`                 // your own rating; nil when not rated
	Review               *string  `json:"review" personal:"text"` // your own review; nil when none
	Stage                Stage    `json:"stage"`
	Status               Status   `json:"status"`
	TestTakerID          int      `json:"testtaker_id"` // the candidate's id: Candidates.Get

	source
}

// fillLegacyScores reads "average", the score's name in older API
// versions, into the items that had no "avg_score". Only a body that
// mentions "average" pays for this second look.
func fillLegacyScores(body json.RawMessage, items []Candidature) error {
	if !bytes.Contains(body, []byte(`"average"`)) {
		return nil
	}
	var old struct {
		Results []struct {
			Average *float64 `json:"average"`
		} `json:"results"`
	}
	if err := json.Unmarshal(body, &old); err != nil {
		return err
	}
	for i := range min(len(items), len(old.Results)) {
		if items[i].AvgScore == nil {
			items[i].AvgScore = old.Results[i].Average
		}
	}
	return nil
}

// Extra returns the fields the API sent that Candidature does not name.
func (c *Candidature) Extra() map[string]json.RawMessage {
	return rest.Extra(c.Raw(), "id", "avg_score", "average", "created", "email", "full_name", "invitation_uuid",
		"invitation_link", "is_hired", "personality_algorithm", "personality", "rating", "review", "stage",
		"status", "testtaker_id")
}

// Big5 decodes Personality when PersonalityAlgorithm is "big_5".
func (c *Candidature) Big5() (Personality, error) {
	if c.PersonalityAlgorithm != "big_5" {
		return Personality{}, fmt.Errorf("testgorilla: candidature %d: personality algorithm is %q, not big_5", c.ID, c.PersonalityAlgorithm)
	}
	return ParsePersonality(c.Personality)
}

// ListCandidaturesParams filter, order and page the candidatures of one
// assessment. Zero fields are not sent.
type ListCandidaturesParams struct {
	Assessment int      `url:"assessment"`         // required
	Status     Status   `url:"status,omitempty"`   // default: every status
	Stage      Stage    `url:"stage,omitempty"`    // default: every stage
	Ordering   Ordering `url:"ordering,omitempty"` // default: by candidature id
	Limit      int      `url:"limit,omitempty"`    // page size; the API's default is 10
	Offset     int      `url:"offset,omitempty"`   // the first item's position
}

func (p ListCandidaturesParams) validate() error {
	switch {
	case p.Assessment <= 0:
		return invalid("Assessment", "required: the assessment's id")
	case p.Status != "" && p.Status != StatusInvited && p.Status != StatusStarted && p.Status != StatusCompleted:
		return invalid("Status", fmt.Sprintf("%q is not invited, started or completed", p.Status))
	case p.Ordering != "" && !p.Ordering.valid():
		return invalid("Ordering", fmt.Sprintf("%q is not created, _full_name, avg_score or rating (with - for descending)", p.Ordering))
	}
	return checkPage(p.Limit, p.Offset)
}

func checkPage(limit, offset int) error {
	if limit < 0 {
		return invalid("Limit", strconv.Itoa(limit)+" is negative")
	}
	if offset < 0 {
		return invalid("Offset", strconv.Itoa(offset)+" is negative")
	}
	return nil
}

const candidaturesPath = "/api/assessments/candidature/"

func candidaturePath(id int, action string) string {
	return candidaturesPath + strconv.Itoa(id) + "/" + action
}

func checkID(field string, id int) error {
	if id <= 0 {
		return invalid(field, strconv.Itoa(id)+" is not a positive id")
	}
	return nil
}

// List returns one page of an assessment's candidatures.
//
//	GET /api/assessments/candidature/?assessment=<id>&status=&stage=&ordering=&limit=&offset=
func (s *CandidaturesService) List(ctx context.Context, p ListCandidaturesParams, opts ...RequestOption) (*Page[Candidature], error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	return list[Candidature](ctx, s.c, cfg, candidaturesPath, p)
}

// All ranges over every candidature that p selects, from p.Offset on, in
// pages of p.Limit (DefaultPageSize when 0). It fetches lazily, one page
// in memory at a time, stops when the loop breaks, and yields an error
// once (a *ValidationError before any request for bad params or
// options). opts apply to every page's request.
func (s *CandidaturesService) All(ctx context.Context, p ListCandidaturesParams, opts ...RequestOption) iter.Seq2[Candidature, error] {
	if err := p.validate(); err != nil {
		return fail[Candidature](err)
	}
	p.Limit = cmp.Or(p.Limit, DefaultPageSize)
	return all(ctx, s.c, candidaturesPath, p.Offset, opts, func(offset int) any { q := p; q.Offset = offset; return q },
		func(c Candidature) string { return strconv.Itoa(c.ID) })
}

// DefaultPageSize is the page size All asks for when the params leave
// Limit at 0: larger than the API's default of 10, so that a long list
// costs fewer of the per-minute requests.
const DefaultPageSize = 100

// list fetches one page from path with query params.
func list[T any](ctx context.Context, c *Client, cfg *requestConfig, path string, params any) (*Page[T], error) {
	q, err := rest.Values(params)
	if err != nil {
		return nil, invalid("params", err.Error())
	}
	var page Page[T]
	if err := exec(ctx, c.rest, cfg, &rest.Request{Method: http.MethodGet, Path: path, Query: q}, &page); err != nil {
		return nil, err
	}
	return &page, nil
}

// all ranges over every item of the list at path from offset start on;
// params gives the query of the page at an offset.
func all[T any](ctx context.Context, c *Client, path string, start int, opts []RequestOption, params func(offset int) any, key func(T) string) iter.Seq2[T, error] {
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return fail[T](err)
	}
	return paging.Offset(ctx, start, func(ctx context.Context, offset int) ([]T, int, error) {
		page, err := list[T](ctx, c, cfg, path, params(offset))
		if err != nil {
			return nil, 0, err
		}
		return page.Results, page.Count, nil
	}, key, paging.Prefetch(cfg.prefetch))
}

// fail is a sequence that yields err once.
func fail[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		yield(zero, err)
	}
}

// Delete removes a candidature from its assessment, for instance to
// invite the candidate again. A later call about it gets ErrNotFound.
//
//	DELETE /api/assessments/candidature/<id>/
func (s *CandidaturesService) Delete(ctx context.Context, id int, opts ...RequestOption) error {
	if err := checkID("id", id); err != nil {
		return err
	}
	return s.c.do(ctx, &rest.Request{Method: http.MethodDelete, Path: candidaturePath(id, "")}, nil, opts)
}

// StageChange is the answer to ChangeStage.
type StageChange struct {
	ID           int
	Stage        Stage
	ReminderSent bool
}

// UnmarshalJSON reads the id as a number or a numeric string (the
// documentation shows it quoted).
func (s *StageChange) UnmarshalJSON(b []byte) error { return stageChangeBody{s}.DecodeBody(b) }

// stageChangeBody decodes a change-stage answer in one pass (the
// client's path).
type stageChangeBody struct{ s *StageChange }

func (d stageChangeBody) DecodeTarget() any { return d.s }

func (d stageChangeBody) DecodeBody(b []byte) error {
	s := d.s
	var aux struct {
		ID           flexInt `json:"id"`
		Stage        Stage   `json:"stage"`
		ReminderSent bool    `json:"reminder_sent"`
	}
	if err := json.Unmarshal(b, &aux); err != nil {
		return err
	}
	if aux.Stage == "" {
		return errors.New(`want a stage change with "stage"`)
	}
	*s = StageChange{ID: int(aux.ID), Stage: aux.Stage, ReminderSent: aux.ReminderSent}
	return nil
}

// ChangeStage moves a candidature to stage, such as StageRejected.
//
//	PATCH /api/assessments/candidature/<id>/change_stage/ {"stage": "REJ"}
//
// TestGorilla does not document the call as idempotent, and its answer
// says whether it sent the candidate a reminder (ReminderSent), which a
// second call could send again. So it is retried only when the server
// cannot have acted on it (a refused connection, or a 429); after a 5xx
// or a connection broken once the request was sent, the error matches
// ErrOutcomeUnknown: read the candidature back before trying again.
func (s *CandidaturesService) ChangeStage(ctx context.Context, id int, stage Stage, opts ...RequestOption) (*StageChange, error) {
	if err := checkID("id", id); err != nil {
		return nil, err
	}
	if stage == "" {
		return nil, invalid("stage", "required")
	}
	var out StageChange
	err := s.c.do(ctx, &rest.Request{
		Method: http.MethodPatch, Path: candidaturePath(id, "change_stage/"),
		Body: map[string]Stage{"stage": stage},
	}, stageChangeBody{&out}, opts)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// SendRejectionEmail sends the candidate the rejection email. The
// candidature must be in StageRejected first (see ChangeStage).
//
//	POST /api/assessments/candidature/<id>/send-reminder/
//
// It is retried only when the server cannot have acted on it, so no
// candidate gets the email twice because of a retry; a failure after the
// request may have arrived matches ErrOutcomeUnknown.
func (s *CandidaturesService) SendRejectionEmail(ctx context.Context, id int, opts ...RequestOption) error {
	if err := checkID("id", id); err != nil {
		return err
	}
	return s.c.do(ctx, &rest.Request{Method: http.MethodPost, Path: candidaturePath(id, "send-reminder/")}, nil, opts)
}

// ResendInvitation sends the candidate the assessment's invitation again.
//
//	POST /api/assessments/candidature/<id>/send-invitation/
//
// Like SendRejectionEmail it is never sent twice because of a retry.
func (s *CandidaturesService) ResendInvitation(ctx context.Context, id int, opts ...RequestOption) error {
	if err := checkID("id", id); err != nil {
		return err
	}
	return s.c.do(ctx, &rest.Request{Method: http.MethodPost, Path: candidaturePath(id, "send-invitation/")}, nil, opts)
}
