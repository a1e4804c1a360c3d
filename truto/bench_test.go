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
// hand (impl=raw) against the same local server and transport:
//
//	go test -run '^$' -bench . -benchmem -count 10 ./truto | benchstat -col /impl -

var rawHeaders = map[string]string{"Authorization": "Bearer " + token, "Accept": "application/json", "User-Agent": "recruitkit-go/0.1.0"}

// plainCandidate is Candidate without its methods: what hand-written code
// would decode into.
type plainCandidate truto.Candidate

func benchClient(b *testing.B, srv *benchutil.Server, hc *http.Client) *truto.Client {
	c, err := truto.NewClient(token, truto.WithBaseURL(srv.URL), truto.WithHTTPClient(hc))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func BenchmarkCreateCandidate(b *testing.B) {
	srv := benchutil.NewServer(b, benchutil.JSON(http.StatusCreated, fixture(b, "candidate.json")))
	hc := benchutil.Client(b)
	c := benchClient(b, srv, hc)
	ctx := context.Background()
	in := truto.CandidateInput{
		FirstName: "Ada", LastName: "Lovelace", Title: "Engineer",
		Emails: []truto.Email{{Email: "ada@example.com", Type: "personal"}}, Tags: []truto.Tag{{Name: "testgorilla:91"}},
	}
	b.Run("impl=raw", func(b *testing.B) {
		url := srv.URL + "/unified/ats/candidates?application_source=applicant&integrated_account_id=" + account + "&job_id=j-1"
		headers := map[string]string{"Idempotency-Key": "3f1c2a9e-0d1b-4e7a-9c55-8a0f6b2d4e11"}
		for k, v := range rawHeaders {
			headers[k] = v
		}
		b.ReportAllocs()
		for b.Loop() {
			var cand plainCandidate
			if err := benchutil.Raw(ctx, hc, http.MethodPost, url, headers, in, &cand); err != nil || cand.ID != "c-1" {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=sdk", func(b *testing.B) {
		p := truto.CreateCandidateParams{JobID: "j-1", ApplicationSource: truto.SourceApplicant}
		b.ReportAllocs()
		for b.Loop() {
			cand, err := c.ATS.Candidates.Create(ctx, account, in, p)
			if err != nil || cand.ID != "c-1" {
				b.Fatal(err)
			}
		}
	})
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
	b.Run("impl=raw", func(b *testing.B) {
		url := srv.URL + "/unified/ats/candidates?integrated_account_id=" + account + "&limit=25"
		b.ReportAllocs()
		for b.Loop() {
			var page struct {
				Result            []plainCandidate `json:"result"`
				NextCursor        *string          `json:"next_cursor"`
				PrevCursor        *string          `json:"prev_cursor"`
				ResultCount       int              `json:"result_count"`
				IsPartialResponse bool             `json:"is_partial_response"`
			}
			if err := benchutil.Raw(ctx, hc, http.MethodGet, url, rawHeaders, nil, &page); err != nil || len(page.Result) != 25 {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=sdk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			page, err := c.ATS.Candidates.List(ctx, account, truto.ListParams{Limit: 25})
			if err != nil || len(page.Result) != 25 {
				b.Fatal(err)
			}
		}
	})
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
