// Package fake is what the vendor fakes (trustcruittest, testgorillatest,
// trutotest) share: an in-process HTTP server that records every request
// and can answer the next ones with injected faults instead of the
// vendor's behaviour.
package fake

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Request is a request as the fake received it.
type Request struct {
	Method string
	Path   string
	Query  url.Values
	Header http.Header
	Body   []byte
}

// Fault replaces the fake's answer to one request. The zero Fault lets
// the request through untouched.
type Fault struct {
	// Method and Path, when set, make the fault wait for a request with
	// that method and exactly that path; other requests pass it by.
	Method, Path string

	// Delay holds the answer back this long (or until the client gives
	// up), then the fault goes on as below.
	Delay time.Duration

	// Status, when not 0, answers with this status, Header and Body
	// instead of the fake's answer.
	Status int
	Header http.Header
	Body   string
	// RedirectSelf sets Location to the request's own URL (with Status
	// 301, say): a client that follows it asks again.
	RedirectSelf bool
	// AfterHandler lets the fake handle the request first (so a write
	// happens) and then throws its answer away for Status: a failure
	// after the server acted.
	AfterHandler bool

	// Drop closes the connection without answering.
	Drop bool
	// CutBody sends the fake's headers and half its body, then closes the
	// connection.
	CutBody bool
	// Hang never answers: the request ends only when the client gives up.
	Hang bool
}

// Server is an httptest server in front of a vendor handler.
type Server struct {
	srv       *httptest.Server
	handler   http.Handler
	errorBody func(status int, message string) any

	mu       sync.Mutex
	faults   []Fault
	requests []Request
	latency  time.Duration
}

// ErrorBody is a vendor's error shape: the JSON body of an error answer
// with status and message.
type ErrorBody func(status int, message string) any

// DetailError is Django REST framework's error shape, {"detail": "..."},
// which TestGorilla and Trustcruit answer with.
func DetailError(_ int, message string) any { return map[string]string{"detail": message} }

// New starts a server that answers with h unless a fault says otherwise;
// errorBody shapes the answers of FailNext.
func New(h http.Handler, errorBody ErrorBody) *Server {
	s := &Server{handler: h, errorBody: errorBody}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	return s
}

// URL is the server's base URL, as http://127.0.0.1:port.
func (s *Server) URL() string { return s.srv.URL }

// HTTPServer is the underlying httptest server, for its Config or
// certificate.
func (s *Server) HTTPServer() *httptest.Server { return s.srv }

// Close shuts the server down, ending requests that hang.
func (s *Server) Close() {
	s.srv.CloseClientConnections()
	s.srv.Close()
}

// Inject queues faults: each one answers the next request it matches, in
// order.
func (s *Server) Inject(faults ...Fault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, faults...)
}

// FailNext answers the next n requests with status and the vendor's
// error body.
func (s *Server) FailNext(n, status int) {
	body, _ := json.Marshal(s.errorBody(status, fmt.Sprintf("injected %d", status)))
	for range n {
		s.Inject(Fault{Status: status, Body: string(body), Header: http.Header{"Content-Type": {"application/json"}}})
	}
}

// SetLatency holds every request back by d before it is handled; 0
// turns it off.
func (s *Server) SetLatency(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.latency = max(d, 0)
}

// PendingFaults is how many injected faults have not met their request.
func (s *Server) PendingFaults() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.faults)
}

// Requests returns the requests received so far, oldest first.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// ResetRequests forgets the requests received so far.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		return // the client went away mid-request
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	s.mu.Lock()
	s.requests = append(s.requests, Request{
		Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Header: r.Header.Clone(), Body: body,
	})
	f, faulted := s.takeFault(r)
	latency := s.latency
	s.mu.Unlock()
	if latency > 0 && !sleep(r.Context(), latency) {
		return // the client gave up
	}
	if !faulted {
		s.handler.ServeHTTP(w, r)
		return
	}
	s.apply(f, w, r)
}

// takeFault removes and returns the first queued fault that matches r.
// The caller holds s.mu.
func (s *Server) takeFault(r *http.Request) (Fault, bool) {
	for i, f := range s.faults {
		if (f.Method == "" || f.Method == r.Method) && (f.Path == "" || f.Path == r.URL.Path) {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
			return f, true
		}
	}
	return Fault{}, false
}

func (s *Server) apply(f Fault, w http.ResponseWriter, r *http.Request) {
	if f.Delay > 0 && !sleep(r.Context(), f.Delay) {
		return
	}
	switch {
	case f.Hang:
		<-r.Context().Done()
	case f.Drop:
		closeConn(w)
	case f.CutBody:
		rec := httptest.NewRecorder()
		s.handler.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		full := rec.Body.Bytes()
		w.Header().Set("Content-Length", fmt.Sprint(len(full)))
		w.WriteHeader(rec.Code)
		_, _ = w.Write(full[:len(full)/2])
		w.(http.Flusher).Flush()
		closeConn(w)
	case f.Status != 0:
		if f.AfterHandler {
			s.handler.ServeHTTP(httptest.NewRecorder(), r)
		}
		for k, v := range f.Header {
			w.Header()[k] = v
		}
		if f.RedirectSelf {
			w.Header().Set("Location", r.URL.RequestURI())
		}
		w.WriteHeader(f.Status)
		_, _ = io.WriteString(w, f.Body)
	default:
		s.handler.ServeHTTP(w, r)
	}
}

// sleep waits d, or until ctx ends; it reports whether d passed.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}

// closeConn drops the connection under w without a (further) answer.
func closeConn(w http.ResponseWriter) {
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		conn.Close()
	}
}

// WriteJSON answers with status and v as JSON.
func WriteJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}

// DecodeStrict decodes r's JSON body into v, refusing unknown fields and
// trailing data, as a strict API server does.
func DecodeStrict(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON body")
	}
	return nil
}

// AuthToken returns the token of an "Authorization: <scheme> <token>"
// header, and whether there was one in that scheme.
func AuthToken(r *http.Request, scheme string) (string, bool) {
	h := r.Header.Get("Authorization")
	prefix := scheme + " "
	if len(h) <= len(prefix) || !strings.EqualFold(h[:len(prefix)], prefix) {
		return "", false
	}
	return strings.TrimSpace(h[len(prefix):]), true
}

// AppendSlash answers a path without its trailing slash with a 301 to the
// path with it, as Django's APPEND_SLASH does (ServeMux's own redirect is
// a 307, which would keep a POST's body).
func AppendSlash(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/") {
			next.ServeHTTP(w, r)
			return
		}
		target := r.URL.Path + "/"
		if r.URL.RawQuery != "" {
			target += "?" + r.URL.RawQuery
		}
		w.Header().Set("Location", target)
		w.WriteHeader(http.StatusMovedPermanently)
	})
}

// NewToken returns a random token for a fake to hand out.
func NewToken() string {
	b := make([]byte, 20)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// Clock is a manual clock for a fake's rate-limit windows and token
// expiry: tests advance it (from a client's wait hook, say) instead of
// sleeping. It is safe for concurrent use.
type Clock struct {
	mu  sync.Mutex
	now time.Time
}

// NewClock returns a clock that reads start until advanced.
func NewClock(start time.Time) *Clock { return &Clock{now: start} }

// Now is the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

// Advance moves the clock on by d.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}
