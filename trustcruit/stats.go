package trustcruit

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/recruitkit/recruitkit-go/cnps"
	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// Question is a survey question's number.
type Question int

// QuestionCNPS is the candidate net promoter score question (documented).
const QuestionCNPS Question = 405

// StatsParams select the answers Stats sums up.
type StatsParams struct {
	// Question is required; QuestionCNPS for the CNPS.
	Question Question `url:"question"`
	// From is the first day counted (inclusive; sent as date__gte).
	From Date `url:"date__gte,omitempty"`
	// Until is the day after the last day counted (exclusive; sent as
	// date__lt), so a quarter is From: Oct 1, Until: Jan 1.
	Until Date `url:"date__lt,omitempty"`
}

// Validate checks p as Stats does before sending it.
func (p StatsParams) Validate() error {
	if p.Question <= 0 {
		return invalid("Question", "required (QuestionCNPS is 405)")
	}
	for _, f := range [...]struct {
		name string
		day  Date
	}{{"From", p.From}, {"Until", p.Until}} {
		if !f.day.IsZero() && !f.day.IsValid() {
			return invalid(f.name, f.day.String()+" is not a calendar day")
		}
	}
	if !p.From.IsZero() && !p.Until.IsZero() && !p.From.Before(p.Until) {
		return invalid("Until", fmt.Sprintf("%s is not after From (%s): Until is exclusive", p.Until, p.From))
	}
	return nil
}

// Stats are a customer's answers to one question, counted by rating.
type Stats struct {
	// Question is the question the answers are to.
	Question Question `json:"question"`
	// Ratings counts the answers of each rating, keyed "0" to "10"; a
	// rating nobody gave is missing.
	Ratings map[string]int `json:"stats"`
	// Count is the number of answers, as the server reports it.
	Count int `json:"count"`
	// NoData is true when the server had no answers for the selection
	// (it answers [] instead of an object then).
	NoData bool `json:"-"`
}

// UnmarshalJSON reads the documented object, or the documented empty
// list as NoData. Anything else is an error, as is an object without
// "stats".
func (s *Stats) UnmarshalJSON(data []byte) error { return statsBody{s}.DecodeBody(data) }

// statsBody decodes a stats answer in one pass (the client's path; an
// UnmarshalJSON reached through encoding/json costs a second).
type statsBody struct{ s *Stats }

func (b statsBody) DecodeTarget() any { return b.s }

func (b statsBody) DecodeBody(data []byte) error {
	s := b.s
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(trimmed, &list); err != nil {
			return err
		}
		if len(list) > 0 {
			return errors.New(`want a stats object, or [] for no data; got a non-empty list`)
		}
		*s = Stats{NoData: true}
		return nil
	}
	type statsObject Stats // without the method, so that this decode is the only one
	*s = Stats{}
	if err := json.Unmarshal(trimmed, (*statsObject)(s)); err != nil {
		return err
	}
	if s.Ratings == nil { // missing or null
		return errors.New(`want a stats object with "stats"; it has none`)
	}
	return nil
}

// Histogram is the answers as a cnps.Histogram; a *cnps.ValidationError
// if the server sent a key other than "0" to "10" or a negative count.
func (s *Stats) Histogram() (cnps.Histogram, error) {
	return cnps.ParseStats(s.Ratings)
}

// CNPS groups the answers into promoters, passives and detractors.
// With NoData it is the zero Score, whose Rounded reports false:
// "CNPS unavailable".
func (s *Stats) CNPS() (cnps.Score, error) {
	return cnps.FromStats(s.Ratings)
}

// Stats sums up the customer's answers to a question over a period.
//
//	GET /shinyform/api/answers/stats/?question=405&date__gte=...&date__lt=...
//
// The path is assumed (see WithStatsPath). No answers in the period is
// not an error: the result has NoData set.
func (c *Client) Stats(ctx context.Context, p StatsParams, opts ...RequestOption) (*Stats, error) {
	if err := p.Validate(); err != nil {
		return nil, err
	}
	q, err := rest.Values(p)
	if err != nil {
		return nil, invalid("StatsParams", err.Error())
	}
	var s Stats
	if err := c.do(ctx, &rest.Request{Method: http.MethodGet, Path: c.statsPath, Query: q}, statsBody{&s}, opts); err != nil {
		return nil, err
	}
	return &s, nil
}
