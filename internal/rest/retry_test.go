package rest

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func get(path string) *Request { return &Request{Method: http.MethodGet, Path: path} }
func post(path string) *Request {
	return &Request{Method: http.MethodPost, Path: path, Body: widget{ID: 1}}
}

func TestGETIsRetriedOn503ThenSucceeds(t *testing.T) {
	c, mt := newMocked(t)
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w",
		httpmock.NewStringResponder(503, `{"detail":"busy"}`).
			Then(httpmock.NewStringResponder(503, `{"detail":"busy"}`)).
			Then(httpmock.NewStringResponder(200, `{"id":3}`)))
	var w widget
	res, err := c.Do(context.Background(), get("/w"), &w)
	require.NoError(t, err)
	assert.Equal(t, 3, w.ID)
	assert.Equal(t, 3, res.Attempts)
	assert.Equal(t, 3, mt.GetTotalCallCount())
}

func TestPOSTHitWith500IsSentExactlyOnce(t *testing.T) {
	for _, code := range []int{500, 502, 503, 504} {
		c, mt := newMocked(t)
		mt.RegisterResponder(http.MethodPost, "https://api.acme.test/w", httpmock.NewStringResponder(code, `{"detail":"oops"}`))
		_, err := c.Do(context.Background(), post("/w"), nil)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, code, apiErr.StatusCode)
		assert.Equal(t, 1, apiErr.Attempts)
		assert.Equal(t, 1, mt.GetTotalCallCount(), "status %d", code)
	}
}

func TestPOSTTransportErrorAfterSendingIsNotRetried(t *testing.T) {
	// The server reads the request, then drops the connection: the POST
	// may have been acted on, so it must not be sent again.
	s := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if assert.NoError(t, err) {
			conn.Close()
		}
	})
	_, err := s.client(t).Do(context.Background(), post("/w"), nil)
	var tErr *TransportError
	require.ErrorAs(t, err, &tErr)
	assert.EqualValues(t, 1, s.hits.Load())

	// The same failure on a GET is retried.
	s2 := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		conn, _, _ := w.(http.Hijacker).Hijack()
		conn.Close()
	}, status(200, `{"id":1}`))
	_, err = s2.client(t).Do(context.Background(), get("/w"), new(widget))
	require.NoError(t, err)
	assert.EqualValues(t, 2, s2.hits.Load())
}

func TestPOSTHitWith429IsRetried(t *testing.T) {
	c, mt := newMocked(t)
	mt.RegisterResponder(http.MethodPost, "https://api.acme.test/w",
		httpmock.NewStringResponder(429, `{"detail":"slow down"}`).Then(httpmock.NewStringResponder(201, `{"id":9}`)))
	var w widget
	res, err := c.Do(context.Background(), post("/w"), &w)
	require.NoError(t, err)
	assert.Equal(t, 9, w.ID)
	assert.Equal(t, 2, res.Attempts)
}

func TestPOSTWithIdempotencyKeyOrMarkIsRetriedOn500(t *testing.T) {
	for name, r := range map[string]*Request{
		"key":    {Method: http.MethodPost, Path: "/w", Body: widget{}, IdempotencyKey: "once-42"},
		"marked": {Method: http.MethodPatch, Path: "/w", Body: widget{}, Idempotent: true},
	} {
		t.Run(name, func(t *testing.T) {
			c, mt := newMocked(t)
			var keys []string
			var mu sync.Mutex
			mt.RegisterResponder(r.Method, "https://api.acme.test/w", func(req *http.Request) (*http.Response, error) {
				mu.Lock()
				defer mu.Unlock()
				keys = append(keys, req.Header.Get("Idempotency-Key"))
				if len(keys) < 3 {
					return httpmock.NewStringResponse(500, `{}`), nil
				}
				return httpmock.NewStringResponse(200, `{}`), nil
			})
			_, err := c.Do(context.Background(), r, nil)
			require.NoError(t, err)
			assert.Equal(t, []string{r.IdempotencyKey, r.IdempotencyKey, r.IdempotencyKey}, keys, "the same key on every attempt")
		})
	}
}

func TestRefusedConnectionIsRetriedForAnyMethod(t *testing.T) {
	// A real refused connection: every attempt is made, then the error
	// says what happened. The port is taken on 127.0.0.2 where the
	// loopback network has it, so that no test server (on 127.0.0.1) can
	// take it once it is free.
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	for _, method := range []string{http.MethodGet, http.MethodPost, http.MethodPatch, http.MethodDelete} {
		c, err := New(testVendor, testToken, WithBaseURL("http://"+addr), fastRetry)
		require.NoError(t, err)
		_, err = c.Do(context.Background(), &Request{Method: method, Path: "/w", Body: widget{}}, nil)
		var tErr *TransportError
		require.ErrorAs(t, err, &tErr, method)
		assert.Equal(t, 4, tErr.Attempts, method)
		var opErr *net.OpError
		require.ErrorAs(t, err, &opErr)
		assert.Equal(t, "dial", opErr.Op)
	}

	// And a refusal followed by a server that answers succeeds, even for a POST.
	c, mt := newMocked(t)
	refused := &net.OpError{Op: "dial", Net: "tcp", Err: errors.New("connect: connection refused")}
	mt.RegisterResponder(http.MethodPost, "https://api.acme.test/w",
		httpmock.NewErrorResponder(refused).Then(httpmock.NewErrorResponder(refused)).Then(httpmock.NewStringResponder(201, `{"id":5}`)))
	res, err := c.Do(context.Background(), post("/w"), nil)
	require.NoError(t, err)
	assert.Equal(t, 3, res.Attempts)
}

// gaps records when each request arrived and answers with the handlers
// in turn, so a test can measure the waits between attempts.
func gaps(t *testing.T, handlers ...http.HandlerFunc) (*countingServer, func() []time.Duration) {
	var mu sync.Mutex
	var at []time.Time
	wrapped := make([]http.HandlerFunc, len(handlers))
	for i, h := range handlers {
		wrapped[i] = func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			at = append(at, time.Now())
			mu.Unlock()
			h(w, r)
		}
	}
	s := newCountingServer(t, wrapped...)
	return s, func() []time.Duration {
		mu.Lock()
		defer mu.Unlock()
		var d []time.Duration
		for i := 1; i < len(at); i++ {
			d = append(d, at[i].Sub(at[i-1]))
		}
		return d
	}
}

func TestServerRequestedWaitsAreObeyed(t *testing.T) {
	// Each header value is made when the server answers, so that a date
	// or a Unix time is as far ahead as the test means. Both have
	// one-second granularity: "in two seconds" is a wait of 1 to 2 s.
	// The sub-second waits are slept and measured between the requests
	// at the server; the longer ones are asked of the wait hook, so the
	// suite does not spend them.
	for name, tc := range map[string]struct {
		name     string
		value    func() string
		code     int
		min, max time.Duration
	}{
		"Retry-After seconds": {"Retry-After", func() string { return "1" }, 503, time.Second, 1500 * time.Millisecond},
		"Retry-After date": {"Retry-After", func() string {
			return time.Now().Add(2 * time.Second).UTC().Format(http.TimeFormat)
		}, 429, time.Second, 2500 * time.Millisecond},
		"X-RateLimit-Reset":    {"X-RateLimit-Reset", func() string { return "0.3" }, 429, 300 * time.Millisecond, 800 * time.Millisecond},
		"RateLimit-Reset":      {"RateLimit-Reset", func() string { return "0.3" }, 429, 300 * time.Millisecond, 800 * time.Millisecond},
		"reset as a Unix time": {"X-RateLimit-Reset", func() string { return itoa(time.Now().Unix() + 2) }, 429, time.Second, 2500 * time.Millisecond},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			limited := func(w http.ResponseWriter, r *http.Request) { status(tc.code, `{}`, tc.name, tc.value())(w, r) }
			s, slept := gaps(t, limited, status(200, `{}`))
			c := s.client(t, WithRetry(3, time.Millisecond, 5*time.Second))
			ctx := context.Background()
			var asked []time.Duration
			if tc.min >= time.Second {
				ctx = WithWaitHook(ctx, func(d time.Duration) { asked = append(asked, d) })
			}
			_, err := c.Do(ctx, get("/w"), nil)
			require.NoError(t, err)
			waits := slept()
			if tc.min >= time.Second {
				waits = asked
			}
			require.Len(t, waits, 1)
			assert.GreaterOrEqual(t, waits[0], tc.min)
			assert.Less(t, waits[0], tc.max)
		})
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func TestWaitPastTheDeadlineReturnsRateLimitedAtOnce(t *testing.T) {
	c, mt := newMocked(t, WithRetry(3, time.Millisecond, time.Minute))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w",
		httpmock.NewStringResponder(429, `{"detail":"Request was throttled."}`).HeaderSet(http.Header{"Retry-After": {"10"}}))
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, get("/w"), nil)
	assert.Less(t, time.Since(start), 100*time.Millisecond)
	require.ErrorIs(t, err, ErrRateLimited)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 10*time.Second, apiErr.RetryAfter)
	assert.Equal(t, 1, mt.GetTotalCallCount())
	assert.Contains(t, err.Error(), "(retry after 10s)")
}

func TestWaitPastMaxWaitReturnsRateLimitedAtOnce(t *testing.T) {
	c, mt := newMocked(t, WithRetry(3, time.Millisecond, time.Second))
	mt.RegisterResponder(http.MethodPost, "https://api.acme.test/w",
		httpmock.NewStringResponder(429, `{}`).HeaderSet(http.Header{"X-Ratelimit-Reset": {"60"}}))
	start := time.Now()
	_, err := c.Do(context.Background(), post("/w"), nil)
	assert.Less(t, time.Since(start), 100*time.Millisecond)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.ErrorIs(t, err, ErrRateLimited)
	assert.Equal(t, time.Minute, apiErr.RetryAfter)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestBackoffThatWouldPassTheDeadlineIsNotTaken(t *testing.T) {
	c, mt := newMocked(t, WithRetry(5, time.Second, 10*time.Second))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(502, `{}`))
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, get("/w"), nil)
	assert.Less(t, time.Since(start), 100*time.Millisecond)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 502, apiErr.StatusCode)
}

func TestExhaustedRetriesReturnTheLastAPIError(t *testing.T) {
	c, mt := newMocked(t)
	n := 0
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", func(*http.Request) (*http.Response, error) {
		n++
		return httpmock.NewStringResponse(503, `{"detail":"attempt `+itoa(int64(n))+`"}`), nil
	})
	_, err := c.Do(context.Background(), get("/w"), nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 503, apiErr.StatusCode)
	assert.Equal(t, "attempt 4", apiErr.Message)
	assert.Equal(t, 4, apiErr.Attempts)
	assert.Equal(t, "acme: GET /w: 503 Service Unavailable: attempt 4", err.Error())
	assert.NotContains(t, err.Error(), "giving up")
}

func TestNoRetriesWhenTurnedOff(t *testing.T) {
	c, mt := newMocked(t, WithRetry(0, 0, 0))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(503, `{}`))
	_, err := c.Do(context.Background(), get("/w"), nil)
	require.Error(t, err)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestCancellingDuringAWaitReturnsWithin50ms(t *testing.T) {
	c, mt := newMocked(t, WithRetry(3, time.Millisecond, time.Minute))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w",
		httpmock.NewStringResponder(503, `{}`).HeaderSet(http.Header{"Retry-After": {"30"}}))
	ctx, cancel := context.WithCancel(context.Background())
	var cancelled time.Time
	go func() {
		time.Sleep(100 * time.Millisecond)
		cancelled = time.Now()
		cancel()
	}()
	_, err := c.Do(ctx, get("/w"), nil)
	returned := time.Since(cancelled)
	require.ErrorIs(t, err, context.Canceled)
	var tErr *TransportError
	require.ErrorAs(t, err, &tErr)
	assert.Less(t, returned, 50*time.Millisecond)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestVendorCanNarrowRetryableStatuses(t *testing.T) {
	v := testVendor
	v.RetryStatus = func(code int) bool { return code != 503 && DefaultRetryStatus(code) }
	mt := httpmock.NewMockTransport()
	c, err := New(v, testToken, WithHTTPClient(&http.Client{Transport: mt}), fastRetry)
	require.NoError(t, err)
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/503", httpmock.NewStringResponder(503, `{}`))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/502", httpmock.NewStringResponder(502, `{}`))
	_, err = c.Do(context.Background(), get("/503"), nil)
	require.Error(t, err)
	_, err = c.Do(context.Background(), get("/502"), nil)
	require.Error(t, err)
	info := mt.GetCallCountInfo()
	assert.Equal(t, 1, info["GET https://api.acme.test/503"])
	assert.Equal(t, 4, info["GET https://api.acme.test/502"])
}

func TestBackoffStaysBetweenMinAndMax(t *testing.T) {
	c := &Client{minWait: 10 * time.Millisecond, maxWait: 200 * time.Millisecond}
	for n := 1; n < 70; n++ {
		ceiling := c.maxWait
		if n < 5 {
			ceiling = c.minWait << n
		}
		for range 50 {
			w := c.backoff(n)
			require.GreaterOrEqual(t, w, c.minWait)
			require.LessOrEqual(t, w, ceiling, "retry %d", n)
		}
	}
	zero := &Client{}
	assert.Zero(t, zero.backoff(3))
}

func TestParseServerWaits(t *testing.T) {
	now := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"-3", 0, false},
		{"Mon, 23 Nov 2026 12:00:30 GMT", 30 * time.Second, true},
		{"Mon, 23 Nov 2026 11:00:00 GMT", 0, true}, // in the past: no wait
		{"Fri, 31 Dec 9999 23:59:59 GMT", maxServerWait, true},
		{"99999999999999999", maxServerWait, true},
		{"soon", 0, false},
		{"", 0, false},
	} {
		got, ok := parseRetryAfter(tc.v, now)
		assert.Equal(t, tc.ok, ok, tc.v)
		assert.Equal(t, tc.want, got, tc.v)
	}
	for _, tc := range []struct {
		v    string
		want time.Duration
		ok   bool
	}{
		{"42", 42 * time.Second, true},
		{"0.25", 250 * time.Millisecond, true},
		{itoa(now.Unix() + 90), 90 * time.Second, true},
		{"1e10", maxServerWait, true}, // a Unix time centuries ahead (found by FuzzServerWait)
		{"1e300", maxServerWait, true},
		{"NaN", 0, false},
		{"-1", 0, false},
		{"x", 0, false},
	} {
		got, ok := parseReset(tc.v, now)
		assert.Equal(t, tc.ok, ok, tc.v)
		assert.Equal(t, tc.want, got, tc.v)
	}
}

// cutBody answers 200 with a Content-Length it does not deliver: half the
// body, then the connection closes.
func cutBody(w http.ResponseWriter, _ *http.Request) {
	body := `{"id":1,"name":"` + strings.Repeat("x", 200) + `"}`
	w.Header().Set("Content-Length", strconv.Itoa(len(body)))
	w.WriteHeader(200)
	_, _ = w.Write([]byte(body[:len(body)/2]))
	w.(http.Flusher).Flush()
	conn, _, err := http.NewResponseController(w).Hijack()
	if err == nil {
		conn.Close()
	}
}

func TestAnAnswerCutMidBodyIsRetriedForAGET(t *testing.T) {
	s := newCountingServer(t, cutBody, status(200, `{"id":2,"name":"whole"}`))
	var w widget
	res, err := s.client(t).Do(context.Background(), get("/w"), &w)
	require.NoError(t, err)
	assert.Equal(t, widget{ID: 2, Name: "whole"}, w)
	assert.Equal(t, 2, res.Attempts)
	assert.EqualValues(t, 2, s.hits.Load())
}

func TestAnAnswerCutMidBodyIsNotResentForAPOST(t *testing.T) {
	s := newCountingServer(t, cutBody, status(200, `{"id":2}`))
	_, err := s.client(t).Do(context.Background(), post("/w"), new(widget))
	var tErr *TransportError
	require.ErrorAs(t, err, &tErr)
	assert.Equal(t, 1, tErr.Attempts)
	assert.EqualValues(t, 1, s.hits.Load(), "the server acted; the POST is not sent again")
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
}

func TestAnOversizedAnswerIsNotRetried(t *testing.T) {
	s := newCountingServer(t, status(200, `{"id":1,"name":"`+strings.Repeat("x", 500)+`"}`))
	_, err := s.client(t, WithMaxBodyBytes(100)).Do(context.Background(), get("/w"), new(widget))
	require.ErrorIs(t, err, ErrResponseTooLarge)
	assert.EqualValues(t, 1, s.hits.Load())
}
