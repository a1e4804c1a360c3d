package truto_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"testing"

	"github.com/recruitkit/recruitkit-go/internal/benchutil"
	"github.com/recruitkit/recruitkit-go/truto"
)

// The benchmarks compare each call with the same exchange written by
// hand (impl=raw) against the same local server and transport;
// scripts/bench runs them in rounds and prints the comparison.

var rawHeaders = map[string]string{"Authorization": "Bearer " + token, "Accept": "application/json", "User-Agent": "recruitkit-go/0.1.0"}

// plainCandidate is Candidate without its methods: what hand-written code
// would decode into.
type plainCandidate truto.Candidate

func benchClient(b *testing.B, srv *benchutil.Server, hc *http.Client, opts ...truto.Option) *truto.Client {
	c, err := truto.NewClient(token, append([]truto.Option{truto.WithBaseURL(srv.URL), truto.WithHTTPClient(hc)}, opts...)...)
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// benchInput is the candidate both sides of the create benchmarks send:
// the fields of Truto's reference page.
var benchInput = truto.CandidateInput{
	FirstName: "Ada", LastName: "Lovelace", Title: "Engineer",
	Emails: []truto.Email{{Email: "ada@example.com", Type: "personal"}}, Tags: []truto.Tag{{Name: "testgorilla:91"}},
}

// rawCreate is the create exchange written by hand against base, with an
// idempotency key as the SDK sends.
func rawCreate(ctx context.Context, hc *http.Client, base string) func() error {
	url := base + "/unified/ats/candidates?application_source=applicant&integrated_account_id=" + account + "&job_id=j-1"
	headers := map[string]string{"Idempotency-Key": "3f1c2a9e-0d1b-4e7a-9c55-8a0f6b2d4e11"}
	for k, v := range rawHeaders {
		headers[k] = v
	}
	return func() error {
		var cand plainCandidate
		if err := benchutil.Raw(ctx, hc, http.MethodPost, url, headers, benchInput, &cand); err != nil {
			return err
		}
		return benchutil.Want("id", cand.ID, "c-1")
	}
}

// sdkCreate is the same create through the client.
func sdkCreate(ctx context.Context, c *truto.Client, opts ...truto.RequestOption) func() error {
	p := truto.CreateCandidateParams{JobID: "j-1", ApplicationSource: truto.SourceApplicant}
	return func() error {
		cand, err := c.ATS.Candidates.Create(ctx, account, benchInput, p, opts...)
		if err != nil {
			return err
		}
		return benchutil.Want("id", cand.ID, "c-1")
	}
}

func BenchmarkCreateCandidate(b *testing.B) {
	srv := benchutil.NewServer(b, benchutil.JSON(http.StatusCreated, fixture(b, "candidate.json")))
	hc := benchutil.Client(b)
	c := benchClient(b, srv, hc)
	c0 := benchClient(b, srv, hc, truto.WithTimeout(0))
	ctx := context.Background()
	benchutil.Compare(b,
		benchutil.Side{Name: "raw", Call: rawCreate(ctx, hc, srv.URL)},
		benchutil.Side{Name: "sdk", Call: sdkCreate(ctx, c)},
		benchutil.Side{Name: "sdk-notimeout", Call: sdkCreate(ctx, c0)},
	)
}

// listOf is a list answer of n candidates like the documented one.
func listOf(b testing.TB, n int, next string) []byte {
	one := fixture(b, "candidate.json")
	var buf bytes.Buffer
	buf.WriteString(`{"result":[`)
	for i := range n {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(bytes.Replace(one, []byte(`"id": "c-1"`), []byte(`"id": "c-`+strconv.Itoa(i)+`"`), 1))
	}
	fmt.Fprintf(&buf, `],"next_cursor":%q,"prev_cursor":null,"result_count":%d,"is_partial_response":false}`, next, n)
	return buf.Bytes()
}

func BenchmarkListCandidates(b *testing.B) {
	srv := benchutil.NewServer(b, benchutil.JSON(http.StatusOK, listOf(b, 25, "next-page")))
	hc := benchutil.Client(b)
	c := benchClient(b, srv, hc)
	ctx := context.Background()
	url := srv.URL + "/unified/ats/candidates?integrated_account_id=" + account + "&limit=25"
	benchutil.Compare(b,
		benchutil.Side{Name: "raw", Call: func() error {
			var page struct {
				Result            []plainCandidate `json:"result"`
				NextCursor        *string          `json:"next_cursor"`
				PrevCursor        *string          `json:"prev_cursor"`
				ResultCount       int              `json:"result_count"`
				IsPartialResponse bool             `json:"is_partial_response"`
			}
			if err := benchutil.Raw(ctx, hc, http.MethodGet, url, rawHeaders, nil, &page); err != nil {
				return err
			}
			return benchutil.Want("candidates", len(page.Result), 25)
		}},
		benchutil.Side{Name: "sdk", Call: func() error {
			page, err := c.ATS.Candidates.List(ctx, account, truto.ListParams{Limit: 25})
			if err != nil {
				return err
			}
			return benchutil.Want("candidates", len(page.Result), 25)
		}},
	)
}

// BenchmarkAllPeakHeap follows the cursor over n candidates generated on
// the fly, 100 a page, and reports throughput and the peak heap.
//
//	go test -run '^$' -bench AllPeakHeap -benchtime 1x -count 5 ./truto
func BenchmarkAllPeakHeap(b *testing.B) {
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			srv := benchutil.NewServer(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				offset, _ := strconv.Atoi(r.URL.Query().Get("next_cursor"))
				var buf bytes.Buffer
				buf.WriteString(`{"result":[`)
				end := min(offset+100, n)
				for i := offset; i < end; i++ {
					if i > offset {
						buf.WriteByte(',')
					}
					item, _ := json.Marshal(map[string]any{"id": "c-" + strconv.Itoa(i), "first_name": "Candidate", "last_name": strconv.Itoa(i),
						"emails": []map[string]string{{"email": "c" + strconv.Itoa(i) + "@example.com"}}, "created_at": "2026-11-01T09:30:00Z"})
					buf.Write(item)
				}
				next := "null"
				if end < n {
					next = strconv.Quote(strconv.Itoa(end))
				}
				fmt.Fprintf(&buf, `],"next_cursor":%s,"result_count":%d}`, next, end-offset)
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write(buf.Bytes())
			}))
			c := benchClient(b, srv, benchutil.Client(b))
			benchutil.AllPeak(b, n, func() int {
				count := 0
				for _, err := range c.ATS.Candidates.All(context.Background(), account, truto.ListParams{Limit: 100}) {
					if err != nil {
						b.Fatal(err)
					}
					count++
				}
				return count
			})
		})
	}
}
