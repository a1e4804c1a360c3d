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
	"net/url"
	"strconv"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/paging"
	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// ResultsService calls the test results endpoints.
type ResultsService struct{ c *Client }

const resultsPath = "/api/assessments/results/"

// ListResultsParams select one candidate's results in one assessment, a
// page at a time.
type ListResultsParams struct {
	Assessment int `url:"candidature__assessment"` // required: the assessment's id
	TestTaker  int `url:"candidature__test_taker"` // required: the candidate's test-taker id
	Limit      int `url:"limit,omitempty"`         // page size; the API's default is 10
	Offset     int `url:"offset,omitempty"`        // the first item's position
}

func (p ListResultsParams) validate() error {
	if err := checkID("Assessment", p.Assessment); err != nil {
		return err
	}
	if err := checkID("TestTaker", p.TestTaker); err != nil {
		return err
	}
	return checkPage(p.Limit, p.Offset)
}

// List returns one page of a candidate's results in an assessment: one
// Result per test, and one for the custom questions.
//
//	GET /api/assessments/results/?candidature__assessment=<id>&candidature__test_taker=<id>&limit=&offset=
//
// The documentation shows a page ({"count", "results"}); an answer that
// is a bare list, as older versions sent, is read as a page of it.
func (s *ResultsService) List(ctx context.Context, p ListResultsParams, opts ...RequestOption) (*Page[Result], error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	return s.list(ctx, cfg, p)
}

func (s *ResultsService) list(ctx context.Context, cfg *requestConfig, p ListResultsParams) (*Page[Result], error) {
	q, err := rest.Values(p)
	if err != nil {
		return nil, invalid("params", err.Error())
	}
	var page resultsPage
	if err := exec(ctx, s.c.rest, cfg, &rest.Request{Method: http.MethodGet, Path: resultsPath, Query: q}, &page); err != nil {
		return nil, err
	}
	return &page.page, nil
}

// All ranges over every result p selects, as CandidaturesService.All
// does: lazily, one page in memory at a time.
func (s *ResultsService) All(ctx context.Context, p ListResultsParams, opts ...RequestOption) iter.Seq2[Result, error] {
	if err := p.validate(); err != nil {
		return fail[Result](err)
	}
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return fail[Result](err)
	}
	p.Limit = cmp.Or(p.Limit, DefaultPageSize)
	return paging.Offset(ctx, p.Offset, func(ctx context.Context, offset int) ([]Result, int, error) {
		q := p
		q.Offset = offset
		page, err := s.list(ctx, cfg, q)
		if err != nil {
			return nil, 0, err
		}
		return page.Results, page.Count, nil
	}, func(r Result) string { return strconv.Itoa(r.ID) }, paging.Prefetch(cfg.prefetch))
}

// Get returns one test result with its details (time allowed and taken,
// scores per skill area).
//
//	GET /api/assessments/results/<id>/
func (s *ResultsService) Get(ctx context.Context, id int, opts ...RequestOption) (*ResultDetail, error) {
	if err := checkID("id", id); err != nil {
		return nil, err
	}
	var out ResultDetail
	if err := s.c.do(ctx, &rest.Request{Method: http.MethodGet, Path: resultsPath + strconv.Itoa(id) + "/"}, &out, opts); err != nil {
		return nil, err
	}
	return &out, nil
}

// resultsPage is a page of results, or a bare list of them read as a
// page.
type resultsPage struct{ page Page[Result] }

func (p *resultsPage) DecodeTarget() any { return &p.page }

func (p *resultsPage) DecodeBody(b []byte) error {
	b = bytes.Clone(b) // the results keep it as their Raw
	if t := bytes.TrimLeft(b, " \t\r\n"); len(t) > 0 && t[0] == '[' {
		if err := json.Unmarshal(b, &p.page.Results); err != nil {
			return err
		}
		p.page.Count = len(p.page.Results)
		for i := range p.page.Results {
			p.page.Results[i].src = rest.ListItem(b, "", i)
		}
		return nil
	}
	if err := json.Unmarshal(b, &p.page); err != nil {
		return err
	}
	return p.page.decoded(b)
}

// CodeReport is where the report of a coding test is: the candidate's
// code, its playback and the test cases it passed.
type CodeReport struct {
	InvitationUUID string `json:"invitation_uuid" personal:"text"`
	// URL is the report's page in TestGorilla's app (CodeReportBaseURL
	// and the UUID).
	URL string `json:"-"`

	source
}

// CodeReportBaseURL is where a coding test's report is, before its UUID.
const CodeReportBaseURL = DefaultBaseURL + "/customer/candidates/code-report/"

func (r *CodeReport) decoded(body json.RawMessage) error {
	if r.InvitationUUID == "" {
		return fmt.Errorf(`want {"invitation_uuid": ...}`)
	}
	r.URL = CodeReportBaseURL + url.PathEscape(r.InvitationUUID)
	r.src = rest.WholeBody(body)
	return nil
}

// CodeReport returns where the report of a coding test's result is
// (CodingResult.ResultID).
//
//	GET /api/assessments/code_questions/<result id>/invitation_token/
func (s *ResultsService) CodeReport(ctx context.Context, resultID int, opts ...RequestOption) (*CodeReport, error) {
	if err := checkID("resultID", resultID); err != nil {
		return nil, err
	}
	var out CodeReport
	err := s.c.do(ctx, &rest.Request{
		Method: http.MethodGet, Path: "/api/assessments/code_questions/" + strconv.Itoa(resultID) + "/invitation_token/",
	}, &out, opts)
	if err != nil {
		return nil, err
	}
	return &out, nil
}

// PersonalityDescription is the vendor's description of a personality
// result, such as the 16 types' "INTJ", to show beside it.
type PersonalityDescription struct {
	Algorithm Algorithm
	Score     string // the result it describes: a type, or a big_5 score_display
	// HTML is the description as the vendor sends it, in HTML.
	HTML string
}

// PersonalityDescription returns the vendor's description of a
// personality result: algorithm is the result's Algorithm, score its
// ScoreDisplay (PersonalityResult.Type for the 16 types, Enneagram and
// DISC).
//
//	GET /api/tests/personality/<algorithm>/<score>/
//
// The answer is read as the HTML of the description, or, when it is a
// JSON object, as one carrying it in "description".
func (s *ResultsService) PersonalityDescription(ctx context.Context, algorithm Algorithm, score string, opts ...RequestOption) (*PersonalityDescription, error) {
	switch algorithm {
	case "", AlgorithmBasic, AlgorithmCustomQuestions, AlgorithmCultureFit:
		// An algorithm this package does not know may be a new
		// personality test's: it is sent.
		return nil, invalid("algorithm", fmt.Sprintf("%q is not a personality test's algorithm", algorithm))
	}
	if strings.TrimSpace(score) == "" {
		return nil, invalid("score", "required")
	}
	out := &PersonalityDescription{Algorithm: algorithm, Score: score}
	err := s.c.do(ctx, &rest.Request{
		Method: http.MethodGet,
		Path:   "/api/tests/personality/" + url.PathEscape(string(algorithm)) + "/" + url.PathEscape(score) + "/",
	}, descriptionBody{out}, opts)
	if err != nil {
		return nil, err
	}
	return out, nil
}

// descriptionBody reads a description as HTML, or from a JSON object's
// "description".
type descriptionBody struct{ d *PersonalityDescription }

func (b descriptionBody) DecodeTarget() any { return b.d }

func (b descriptionBody) DecodeBody(body []byte) error {
	if t := bytes.TrimSpace(body); len(t) == 0 || t[0] != '{' {
		b.d.HTML = string(body)
		return nil
	}
	var v struct {
		Description *string `json:"description"`
	}
	if err := json.Unmarshal(body, &v); err != nil {
		return err
	}
	if v.Description == nil {
		return errors.New(`want HTML, or {"description": ...}`)
	}
	b.d.HTML = *v.Description
	return nil
}
