package truto_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"runtime"
	"runtime/metrics"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/benchutil"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

// Bulk work under Truto's rate limit, on the fake, with time scaled down
// a hundredfold: 50 requests per 100 ms for the account (500 a second)
// and 500 per 100 ms for the token.
//
//	go test -run '^$' -bench 'BulkCreate|AllPrefetch' -benchtime 1x -count 6 ./truto
const (
	bulkCreates  = 2000
	bulkWorkers  = 64
	bulkLimit    = 50
	bulkWindow   = 100 * time.Millisecond
	bulkBudgetPS = float64(bulkLimit) / 0.1 // requests a second the account allows
)

// BenchmarkBulkCreate has 64 goroutines create 2,000 candidates on one
// account through one client, with pacing (WithRateLimit at the fake's
// budget) and without (the retry policy alone rides the 429s out, with
// the client's default retries). A call that runs out of retries is
// counted and made again, as a sync job would. It reports the 429s the
// client met, the calls that ran out of retries, the creates per second
// and their share of the account's budget.
func BenchmarkBulkCreate(b *testing.B) {
	for _, paced := range []bool{true, false} {
		name := "pacing=off"
		if paced {
			name = "pacing=on"
		}
		b.Run(name, func(b *testing.B) {
			var refused, gaveUp int
			var elapsed time.Duration
			for range b.N {
				r, g, d := bulkCreate(b, paced)
				refused, gaveUp, elapsed = refused+r, gaveUp+g, elapsed+d
			}
			runs := float64(b.N)
			b.ReportMetric(float64(refused)/runs, "429s/op")
			b.ReportMetric(float64(gaveUp)/runs, "gave-up/op")
			perSecond := float64(bulkCreates) * runs / elapsed.Seconds()
			b.ReportMetric(perSecond, "creates/s")
			b.ReportMetric(perSecond/bulkBudgetPS, "of-budget")
		})
	}
}

// bulkCreate runs the job once on a fresh fake and returns the 429s met,
// the calls that ran out of retries and the wall time.
func bulkCreate(b *testing.B, paced bool) (refused, gaveUp int, elapsed time.Duration) {
	b.StopTimer()
	s := trutotest.NewServer()
	defer s.Close()
	s.SetRateLimit(bulkLimit, bulkWindow)
	acct := s.AddAccount(trutotest.IntegrationGreenhouse)
	statuses := &benchutil.Statuses{Next: benchutil.Client(b).Transport}
	opts := []truto.Option{
		truto.WithHTTPClient(&http.Client{Transport: statuses}),
		truto.WithRetry(truto.DefaultMaxRetries, truto.DefaultMinWait, truto.DefaultMaxWait),
	}
	if paced {
		opts = append(opts, truto.WithRateLimit(truto.RateLimitPolicy{
			PerAccount: bulkLimit, PerToken: 10 * bulkLimit, Window: bulkWindow,
		}))
	}
	c := s.Client(opts...)
	ctx := context.Background()
	var next, failures atomic.Int64
	var wg sync.WaitGroup
	b.StartTimer()
	start := time.Now()
	for range bulkWorkers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := next.Add(1); i <= bulkCreates; i = next.Add(1) {
				in := truto.CandidateInput{FirstName: "Candidate", LastName: fmt.Sprint(i)}
				for {
					_, err := c.ATS.Candidates.Create(ctx, acct, in, truto.CreateCandidateParams{})
					if err == nil {
						break
					}
					if !errors.Is(err, truto.ErrRateLimited) {
						b.Error(err)
						return
					}
					failures.Add(1)
				}
			}
		}()
	}
	wg.Wait()
	elapsed = time.Since(start)
	b.StopTimer()
	if got := len(s.Candidates(acct)); got != bulkCreates {
		b.Fatalf("%d candidates created, want %d", got, bulkCreates)
	}
	b.StartTimer()
	return statuses.Count(http.StatusTooManyRequests), int(failures.Load()), elapsed
}

// BenchmarkAllPrefetch ranges over 20,000 candidates, 1,000 a page, from
// the fake answering each page 50 ms late, with a loop that spends 50 ms
// on each page; with and without WithPrefetch. It reports the wall time;
// the peak heap while the range ran (live and unswept objects sampled
// every 200 µs, the fake's store of 20,000 records included); the heap
// one decoded page holds (page-MiB); and live-pages, the most the live
// heap rose above where the range started, in pages, measured at the end
// of each page of a further, untimed range, once the page ahead is in.
func BenchmarkAllPrefetch(b *testing.B) {
	const items, perPage = 20_000, 1000
	s := trutotest.NewServer()
	b.Cleanup(s.Close)
	s.DisableRateLimits()
	acct := s.AddAccount(trutotest.IntegrationGreenhouse)
	for i := range items {
		s.AddRecord(acct, "ats", "candidates", trutotest.Record{
			"first_name": "Candidate", "last_name": fmt.Sprint(i),
			"emails": []map[string]string{{"email": fmt.Sprintf("c%d@example.com", i)}},
		})
	}
	s.SetLatency(50 * time.Millisecond)
	c := s.Client(truto.WithHTTPClient(benchutil.Client(b)))
	ctx := context.Background()
	params := truto.ListParams{Limit: perPage}

	page := heapHeld(func() any {
		p, err := c.ATS.Candidates.List(ctx, acct, params)
		if err != nil {
			b.Fatal(err)
		}
		return p
	})
	for _, prefetch := range []bool{false, true} {
		var opts []truto.RequestOption
		if prefetch {
			opts = append(opts, truto.WithPrefetch())
		}
		b.Run(fmt.Sprintf("prefetch=%t", prefetch), func(b *testing.B) {
			// each ranges over every candidate, spending work on each page,
			// and calls atPageEnd at the last item of each page.
			each := func(work time.Duration, atPageEnd func()) {
				n := 0
				for _, err := range c.ATS.Candidates.All(ctx, acct, params, opts...) {
					if err != nil {
						b.Fatal(err)
					}
					switch n % perPage {
					case 0:
						time.Sleep(work) // the loop's work on a page
					case perPage - 1:
						atPageEnd()
					}
					n++
				}
				if n != items {
					b.Fatalf("got %d items, want %d", n, items)
				}
			}
			var peak uint64
			for b.Loop() {
				peak = max(peak, benchutil.PeakHeap(func() { each(50*time.Millisecond, func() {}) }))
			}
			// Once more, untimed, for what the range holds: the live heap
			// (after a collection) at the end of each page, above the heap
			// the range started from. The loop spends 120 ms a page here,
			// so that the page fetched ahead has come in and no request is
			// in flight (the fake builds its answers in this process).
			b.StopTimer()
			base, live := heapNow(), uint64(0)
			each(120*time.Millisecond, func() { live = max(live, heapNow()) })
			b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
			b.ReportMetric(float64(page)/(1<<20), "page-MiB")
			b.ReportMetric(float64(live-min(base, live))/float64(page), "live-pages")
		})
	}
}

// heapNow is the heap in objects after a collection: the live heap.
func heapNow() uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	metrics.Read(sample)
	return sample[0].Value.Uint64()
}

// heapHeld is how much heap the value f returns keeps alive.
func heapHeld(f func() any) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	v := f()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(v)
	if after.HeapAlloc < before.HeapAlloc {
		return 0
	}
	return after.HeapAlloc - before.HeapAlloc
}
