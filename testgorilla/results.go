package testgorilla

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"strconv"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// ResultsService calls the results endpoint.
type ResultsService struct{ c *Client }

// Result is a candidate's result in one test of an assessment. The
// vendor does not publish the object; the fields below are the ones its
// clients read, and Raw() holds the rest.
type Result struct {
	ID       int      `json:"id"`
	TestID   int      `json:"test_id"`
	TestName string   `json:"test_name"`
	Score    *float64 `json:"score"`  // percent; nil when not scored yet
	Status   string   `json:"status"` // the test's progress

	source
}

// List returns the results of one candidate in one assessment.
//
//	GET /api/assessments/results/?candidature__assessment=<id>&candidature__test_taker=<id>
//
// It reads the answer as a list or as a page of results, and fetches
// every page of the latter.
func (s *ResultsService) List(ctx context.Context, assessmentID, testTakerID int, opts ...RequestOption) ([]Result, error) {
	if err := checkID("assessmentID", assessmentID); err != nil {
		return nil, err
	}
	if err := checkID("testTakerID", testTakerID); err != nil {
		return nil, err
	}
	q := url.Values{
		"candidature__assessment": {strconv.Itoa(assessmentID)},
		"candidature__test_taker": {strconv.Itoa(testTakerID)},
	}
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	var out []Result
	for offset := 0; ; {
		if offset > 0 {
			q.Set("offset", strconv.Itoa(offset))
		}
		var ans resultsAnswer
		if err := exec(ctx, s.c.rest, cfg, &rest.Request{Method: http.MethodGet, Path: "/api/assessments/results/", Query: q}, &ans); err != nil {
			return nil, err
		}
		out = append(out, ans.results...)
		offset += len(ans.results)
		if !ans.paged || len(ans.results) == 0 || offset >= ans.count {
			return out, nil
		}
	}
}

// resultsAnswer is a list of results, or a page of them.
type resultsAnswer struct {
	results []Result
	paged   bool
	count   int
}

func (a *resultsAnswer) UnmarshalJSON(b []byte) error {
	b = bytes.Clone(b) // the results keep it as their Raw
	if err := json.Unmarshal(b, &a.results); err == nil {
		for i := range a.results {
			a.results[i].src = rest.ListItem(b, "", i)
		}
		return nil
	}
	var page Page[Result]
	if err := json.Unmarshal(b, &page); err != nil {
		return err
	}
	if err := page.decoded(b); err != nil {
		return err
	}
	a.results, a.paged, a.count = page.Results, true, page.Count
	return nil
}
