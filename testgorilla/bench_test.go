package testgorilla_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/recruitkit/recruitkit-go/internal/benchutil"
	"github.com/recruitkit/recruitkit-go/testgorilla"
)

// The benchmarks compare each call with the same exchange written by
// hand (impl=raw) against the same local server and transport;
// scripts/bench runs them in rounds and prints the comparison.

var rawHeaders = map[string]string{"Authorization": "Token " + token, "Accept": "application/json", "User-Agent": "recruitkit-go/0.1.0"}

// plainCandidature is Candidature without its methods: what hand-written
// code would decode into.
type plainCandidature testgorilla.Candidature

type plainPage struct {
	Count    int                `json:"count"`
	Next     *string            `json:"next"`
	Previous *string            `json:"previous"`
	Results  []plainCandidature `json:"results"`
}

// pageOf is a page of n candidatures like the documented one.
func pageOf(b testing.TB, n int) []byte {
	var doc struct {
		Results []json.RawMessage `json:"results"`
	}
	if err := json.Unmarshal(fixture(b, "candidatures_documented.json"), &doc); err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	fmt.Fprintf(&buf, `{"count":%d,"next":null,"previous":null,"results":[`, n)
	for i := range n {
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.Write(bytes.Replace(doc.Results[0], []byte(`"id": 8000`), []byte(`"id": `+strconv.Itoa(8000+i)), 1))
	}
	buf.WriteString("]}")
	return buf.Bytes()
}

func benchClient(b *testing.B, srv *benchutil.Server, hc *http.Client) *testgorilla.Client {
	c, err := testgorilla.NewClient(token, testgorilla.WithBaseURL(srv.URL), testgorilla.WithHTTPClient(hc))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

func BenchmarkCandidaturePage(b *testing.B) {
	srv := benchutil.NewServer(b, benchutil.JSON(http.StatusOK, pageOf(b, 10)))
	hc := benchutil.Client(b)
	c := benchClient(b, srv, hc)
	ctx := context.Background()
	url := srv.URL + "/api/assessments/candidature/?assessment=42&limit=10&offset=20&ordering=-avg_score&status=completed"
	p := testgorilla.ListCandidaturesParams{Assessment: 42, Status: testgorilla.StatusCompleted,
		Ordering: testgorilla.OrderAvgScore.Desc(), Limit: 10, Offset: 20}
	benchutil.Compare(b,
		benchutil.Side{Name: "raw", Call: func() error {
			var page plainPage
			if err := benchutil.Raw(ctx, hc, http.MethodGet, url, rawHeaders, nil, &page); err != nil {
				return err
			}
			return benchutil.Want("candidatures", len(page.Results), 10)
		}},
		benchutil.Side{Name: "sdk", Call: func() error {
			page, err := c.Candidatures.List(ctx, p)
			if err != nil {
				return err
			}
			return benchutil.Want("candidatures", len(page.Results), 10)
		}},
	)
}

func BenchmarkChangeStage(b *testing.B) {
	srv := benchutil.NewServer(b, benchutil.JSON(http.StatusOK, fixture(b, "change_stage_documented.json")))
	hc := benchutil.Client(b)
	c := benchClient(b, srv, hc)
	ctx := context.Background()
	url := srv.URL + "/api/assessments/candidature/7/change_stage/"
	benchutil.Compare(b,
		benchutil.Side{Name: "raw", Call: func() error {
			var out struct {
				ID           json.Number `json:"id"`
				Stage        string      `json:"stage"`
				ReminderSent bool        `json:"reminder_sent"`
			}
			if err := benchutil.Raw(ctx, hc, http.MethodPatch, url, rawHeaders, map[string]string{"stage": "REJ"}, &out); err != nil {
				return err
			}
			return benchutil.Want("stage", testgorilla.Stage(out.Stage), testgorilla.StageRejected)
		}},
		benchutil.Side{Name: "sdk", Call: func() error {
			sc, err := c.Candidatures.ChangeStage(ctx, 7, testgorilla.StageRejected)
			if err != nil {
				return err
			}
			return benchutil.Want("stage", sc.Stage, testgorilla.StageRejected)
		}},
	)
}

// BenchmarkConcurrent runs 64 goroutines on one client (and, for the
// baseline, on one http.Client with the same transport settings) and
// reports how many connections the server saw: reused connections and
// drained bodies keep that near the number of goroutines.
func BenchmarkConcurrent(b *testing.B) {
	body := pageOf(b, 10)
	for _, impl := range benchutil.InRoundOrder([]string{"raw", "sdk"}) {
		b.Run("impl="+impl, func(b *testing.B) {
			srv := benchutil.NewServer(b, benchutil.JSON(http.StatusOK, body))
			hc := benchutil.Client(b)
			c := benchClient(b, srv, hc)
			ctx := context.Background()
			url := srv.URL + "/api/assessments/candidature/?assessment=42&limit=10"
			var failed atomic.Int64
			b.SetParallelism(32) // 64 goroutines on this 2-core machine
			b.ReportAllocs()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				for pb.Next() {
					var n int
					if impl == "raw" {
						var page plainPage
						if benchutil.Raw(ctx, hc, http.MethodGet, url, rawHeaders, nil, &page) != nil {
							failed.Add(1)
						}
						n = len(page.Results)
					} else {
						page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: 42, Limit: 10})
						if err != nil {
							failed.Add(1)
						} else {
							n = len(page.Results)
						}
					}
					if n != 10 {
						failed.Add(1)
					}
				}
			})
			if failed.Load() > 0 {
				b.Fatalf("%d calls failed", failed.Load())
			}
			b.ReportMetric(float64(srv.Conns()), "conns")
		})
	}
}

// BenchmarkAllPeakHeap ranges over every candidature of a list of n
// generated on the fly, 100 a page, and reports throughput and the peak
// heap: flat from 10,000 to 100,000 items means one page in memory.
//
//	go test -run '^$' -bench AllPeakHeap -benchtime 1x -count 5 ./testgorilla
func BenchmarkAllPeakHeap(b *testing.B) {
	item := func(i int) string {
		return `{"id":` + strconv.Itoa(i) + `,"avg_score":71.5,"created":"2021-09-18T09:16:33.975663+02:00","email":"c` + strconv.Itoa(i) +
			`@example.com","full_name":"Candidate ` + strconv.Itoa(i) + `","status":"completed","stage":"EVA","testtaker_id":` + strconv.Itoa(i) + `}`
	}
	for _, n := range []int{10_000, 100_000} {
		b.Run(fmt.Sprintf("items=%d", n), func(b *testing.B) {
			srv := benchutil.NewServer(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				offset, _ := strconv.Atoi(r.URL.Query().Get("offset"))
				limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
				var buf bytes.Buffer
				fmt.Fprintf(&buf, `{"count":%d,"next":null,"previous":null,"results":[`, n)
				for i := offset; i < min(offset+limit, n); i++ {
					if i > offset {
						buf.WriteByte(',')
					}
					buf.WriteString(item(i))
				}
				buf.WriteString("]}")
				w.Header().Set("Content-Type", "application/json")
				_, _ = w.Write(buf.Bytes())
			}))
			c := benchClient(b, srv, benchutil.Client(b))
			benchutil.AllPeak(b, n, func() int {
				count := 0
				for _, err := range c.Candidatures.All(context.Background(), testgorilla.ListCandidaturesParams{Assessment: 1, Limit: 100}) {
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
