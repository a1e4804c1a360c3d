// Package benchutil is what the SDK's benchmarks share: a local server
// with canned answers that counts its connections, the baseline a
// benchmark compares the SDK with (the same exchange written by hand on
// net/http and encoding/json), and Compare, which runs both sides so
// that neither is favoured by going first.
package benchutil

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Server answers every request with the handler's answer and counts the
// connections clients opened.
type Server struct {
	*httptest.Server
	conns atomic.Int64
}

// NewServer starts a server for the benchmark's lifetime.
func NewServer(tb testing.TB, h http.Handler) *Server {
	s := &Server{}
	s.Server = httptest.NewUnstartedServer(h)
	s.Config.ConnState = func(_ net.Conn, state http.ConnState) {
		if state == http.StateNew {
			s.conns.Add(1)
		}
	}
	s.Start()
	tb.Cleanup(s.Close)
	return s
}

// Conns is how many connections clients opened so far.
func (s *Server) Conns() int64 { return s.conns.Load() }

// JSON is a handler that answers with status and body as JSON, after
// reading the request body as a real server would.
func JSON(status int, body []byte) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(status)
		_, _ = w.Write(body)
	})
}

// Client is the HTTP client both sides of a comparison use: one
// transport, with enough idle connections for 64 concurrent callers.
func Client(tb testing.TB) *http.Client {
	tr := &http.Transport{MaxIdleConns: 256, MaxIdleConnsPerHost: 128}
	tb.Cleanup(tr.CloseIdleConnections)
	return &http.Client{Transport: tr}
}

// Raw is one exchange written by hand: JSON-encode in (if not nil), set
// the headers, send, check the status, decode the answer into out (if
// not nil), drain and close the body.
func Raw(ctx context.Context, hc *http.Client, method, url string, header map[string]string, in, out any) error {
	var body io.Reader
	if in != nil {
		b, err := json.Marshal(in)
		if err != nil {
			return err
		}
		body = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, url, body)
	if err != nil {
		return err
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if resp.StatusCode >= 300 {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	if out != nil {
		if err := json.NewDecoder(resp.Body).Decode(out); err != nil {
			return err
		}
	}
	_, err = io.Copy(io.Discard, resp.Body)
	return err
}

// Side is one side of a comparison: the name it is reported under
// (impl=<Name>) and one call of the exchange measured, which returns an
// error if the answer is not the expected one.
type Side struct {
	Name string
	Call func() error
}

// Want checks one decoded value of a side's answer: nil when got is
// want, else an error naming what was decoded, so that a side which
// stops decoding its answer fails rather than measures less work.
func Want[T comparable](what string, got, want T) error {
	if got != want {
		return fmt.Errorf("decoded %s %v, want %v", what, got, want)
	}
	return nil
}

// warmUp is how many untimed calls each side makes before any is timed.
const warmUp = 50

// Compare benchmarks each side as the sub-benchmark impl=<name>, one call
// per iteration, with its allocations. Going first costs a side on a
// shared machine (it opens the connections, grows the heap and meets
// the cold caches), so every side is warmed up before any is timed, and
// the sides run in the order InRoundOrder gives.
func Compare(b *testing.B, sides ...Side) {
	b.Helper()
	for _, s := range sides {
		for range warmUp {
			if err := s.Call(); err != nil {
				b.Fatalf("impl=%s: warming up: %v", s.Name, err)
			}
		}
	}
	for _, s := range InRoundOrder(sides) {
		b.Run("impl="+s.Name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if err := s.Call(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// RoundEnv is the environment variable that numbers a benchmark round:
// scripts/bench sets it to 0, 1, 2, ... for the runs it makes.
const RoundEnv = "RECRUITKIT_BENCH_ROUND"

// InRoundOrder returns items rotated by the round number (RoundEnv; 0
// when unset), so that over a run of rounds each item goes first as
// often as any other. go test's -count repeats one sub-benchmark before
// starting the next, so it cannot interleave the sides itself: rounds
// do.
func InRoundOrder[T any](items []T) []T {
	round, _ := strconv.Atoi(os.Getenv(RoundEnv))
	if len(items) == 0 || round <= 0 {
		return items
	}
	k := round % len(items)
	return append(slices.Clone(items[k:]), items[:k]...)
}

// PeakHeap runs f and returns the largest heap (bytes in live and
// not-yet-swept objects) seen while it ran, sampled every 200µs.
func PeakHeap(f func()) uint64 {
	runtime.GC()
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	var peak atomic.Uint64
	read := func() {
		metrics.Read(sample)
		if v := sample[0].Value.Uint64(); v > peak.Load() {
			peak.Store(v)
		}
	}
	done := make(chan struct{})
	stopped := make(chan struct{})
	go func() {
		defer close(stopped)
		t := time.NewTicker(200 * time.Microsecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				read()
			}
		}
	}()
	f()
	close(done)
	<-stopped
	read()
	return peak.Load()
}

// AllPeak runs all, which ranges over a list and returns how many items
// it saw, once per iteration of b; fails unless it saw n; and reports
// items per second and the peak heap while it ran.
func AllPeak(b *testing.B, n int, all func() int) {
	b.Helper()
	var peak uint64
	for b.Loop() {
		count := 0
		peak = max(peak, PeakHeap(func() { count = all() }))
		if count != n {
			b.Fatalf("got %d items, want %d", count, n)
		}
	}
	b.ReportMetric(float64(n)*float64(b.N)/b.Elapsed().Seconds(), "items/s")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MiB")
}

// Statuses is a transport that counts the answers its client gets, by
// status, on their way from Next (http.DefaultTransport when nil): the
// 429s a client met, retries included.
type Statuses struct {
	Next http.RoundTripper

	mu     sync.Mutex
	counts map[int]int
}

// RoundTrip sends r on Next and counts the answer's status.
func (s *Statuses) RoundTrip(r *http.Request) (*http.Response, error) {
	next := s.Next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(r)
	if err == nil {
		s.mu.Lock()
		if s.counts == nil {
			s.counts = map[int]int{}
		}
		s.counts[resp.StatusCode]++
		s.mu.Unlock()
	}
	return resp, err
}

// Count is how many answers had status.
func (s *Statuses) Count(status int) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.counts[status]
}
