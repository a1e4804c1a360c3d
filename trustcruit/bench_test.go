package trustcruit_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/google/go-querystring/query"
	"github.com/recruitkit/recruitkit-go/internal/benchutil"
	"github.com/recruitkit/recruitkit-go/trustcruit"
)

// The benchmarks compare each call with the same exchange written by
// hand (impl=raw) against the same local server and transport;
// scripts/bench runs them in rounds and prints the comparison.
func benchClient(b *testing.B, srv *benchutil.Server) (*trustcruit.Client, *http.Client) {
	hc := benchutil.Client(b)
	c, err := trustcruit.NewClient(token, trustcruit.WithBaseURL(srv.URL), trustcruit.WithHTTPClient(hc))
	if err != nil {
		b.Fatal(err)
	}
	return c, hc
}

var rawHeaders = map[string]string{"Authorization": "Token " + token, "Accept": "application/json", "User-Agent": "recruitkit-go/0.1.0"}

func BenchmarkSubmitCandidate(b *testing.B) {
	srv := benchutil.NewServer(b, benchutil.JSON(http.StatusCreated, []byte(`{}`)))
	c, hc := benchClient(b, srv)
	p := trustcruit.SubmitCandidateParams{
		SprancherID: 1010, Level: trustcruit.LevelStep1, Email: "ada@example.com", JobAdTitle: "Backend engineer",
		Tags: trustcruit.Tags{"City": {"Stockholm"}, "Department": {"HR", "Sales"}},
	}
	// By hand the tags go as map[string]any: a string, or a list.
	body := map[string]any{"customer_sprancher_id": 1010, "candidate_level": "step1", "candidate_email": "ada@example.com",
		"job_ad_title": "Backend engineer", "tags": map[string]any{"City": "Stockholm", "Department": []string{"HR", "Sales"}}}
	ctx := context.Background()
	benchutil.Compare(b,
		benchutil.Side{Name: "raw", Call: func() error {
			return benchutil.Raw(ctx, hc, http.MethodPost, srv.URL+trustcruit.SubmitCandidatePath, rawHeaders, body, nil)
		}},
		benchutil.Side{Name: "sdk", Call: func() error { return c.SubmitCandidate(ctx, p) }},
	)
}

func BenchmarkStats(b *testing.B) {
	srv := benchutil.NewServer(b, benchutil.JSON(http.StatusOK, fixture(b, "stats_documented.json")))
	c, hc := benchClient(b, srv)
	ctx := context.Background()
	url := srv.URL + trustcruit.DefaultStatsPath + "?date__gte=2026-07-01&date__lt=2026-10-01&question=405"
	p := trustcruit.StatsParams{Question: trustcruit.QuestionCNPS,
		From: trustcruit.Date{Year: 2026, Month: 7, Day: 1}, Until: trustcruit.Date{Year: 2026, Month: 10, Day: 1}}
	raw := func(url string) error {
		var st struct {
			Question int            `json:"question"`
			Stats    map[string]int `json:"stats"`
			Count    int            `json:"count"`
		}
		if err := benchutil.Raw(ctx, hc, http.MethodGet, url, rawHeaders, nil, &st); err != nil {
			return err
		}
		return benchutil.Want("count", st.Count, 19255)
	}
	benchutil.Compare(b,
		benchutil.Side{Name: "raw", Call: func() error { return raw(url) }},
		// The same by hand, but with the query encoded as the SDK must,
		// through go-querystring: what the dependency costs on its own.
		benchutil.Side{Name: "raw-querystring", Call: func() error {
			q, err := query.Values(p)
			if err != nil {
				return err
			}
			return raw(srv.URL + trustcruit.DefaultStatsPath + "?" + q.Encode())
		}},
		benchutil.Side{Name: "sdk", Call: func() error {
			st, err := c.Stats(ctx, p)
			if err != nil {
				return err
			}
			return benchutil.Want("count", st.Count, 19255)
		}},
	)
}

// BenchmarkStatsQuery is the part of Stats that the hand-written
// baseline does not do: validating the params and encoding them through
// go-querystring.
func BenchmarkStatsQuery(b *testing.B) {
	p := trustcruit.StatsParams{Question: trustcruit.QuestionCNPS,
		From: trustcruit.Date{Year: 2026, Month: 7, Day: 1}, Until: trustcruit.Date{Year: 2026, Month: 10, Day: 1}}
	b.ReportAllocs()
	for b.Loop() {
		if err := p.Validate(); err != nil {
			b.Fatal(err)
		}
		if _, err := query.Values(p); err != nil {
			b.Fatal(err)
		}
	}
}
