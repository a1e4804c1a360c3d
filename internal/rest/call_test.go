package rest

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseRateLimit(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	for _, tc := range []struct {
		name   string
		header http.Header
		want   RateLimit
	}{
		{"Truto's documented limit with its window", http.Header{
			"Ratelimit-Limit": {"110;w=10"}, "Ratelimit-Remaining": {"109"}, "Ratelimit-Reset": {"7"},
		}, RateLimit{Limit: 110, Remaining: 109, Reset: 7 * time.Second, Window: 10 * time.Second, Known: true}},
		{"plain integers", http.Header{"Ratelimit-Limit": {"50"}, "Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"2.5"}},
			RateLimit{Limit: 50, Reset: 2500 * time.Millisecond, Known: true}},
		{"several policies: the first is in force", http.Header{"Ratelimit-Limit": {"10, 10;w=1, 50;w=60"}},
			RateLimit{Limit: 10, Known: true}},
		{"window from RateLimit-Policy", http.Header{"Ratelimit-Limit": {"100"}, "Ratelimit-Policy": {"100;w=60"}},
			RateLimit{Limit: 100, Window: time.Minute, Known: true}},
		{"TestGorilla's X- headers", http.Header{"X-Ratelimit-Limit": {"60"}, "X-Ratelimit-Remaining": {"59"}, "X-Ratelimit-Reset": {"42"}},
			RateLimit{Limit: 60, Remaining: 59, Reset: 42 * time.Second, Known: true}},
		{"a reset given as a Unix time", http.Header{"X-Ratelimit-Reset": {"1800000030"}},
			RateLimit{Reset: 30 * time.Second, Known: true}},
		{"unreadable values are left out", http.Header{"Ratelimit-Limit": {"lots;w=x"}, "Ratelimit-Remaining": {"-1"}, "Ratelimit-Reset": {"soon"}},
			RateLimit{}},
		{"no headers", http.Header{}, RateLimit{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, ParseRateLimit(tc.header, now))
		})
	}
}

func TestCallOptionsRefuseWhatTheClientOwns(t *testing.T) {
	var o CallOptions
	for _, h := range []string{"Authorization", "authorization", "Idempotency-Key", "Host", "Content-Length"} {
		assert.ErrorIs(t, o.SetHeader(h, "x"), ErrInvalidParams, h)
	}
	assert.ErrorIs(t, o.SetHeader("X-Trace", "a\r\nInjected: 1"), ErrInvalidParams)
	assert.ErrorIs(t, o.SetHeader("Bad Name", "x"), ErrInvalidParams)
	assert.ErrorIs(t, o.SetTimeout(-time.Second), ErrInvalidParams)
	assert.ErrorIs(t, o.SetIdempotencyKey(""), ErrInvalidParams)
	assert.ErrorIs(t, o.AddQuery("", "x"), ErrInvalidParams)
	require.NoError(t, o.SetHeader("x-trace", "1"))
	assert.Equal(t, []string{"1"}, o.Header["X-Trace"])

	err := Apply("acme", nil, &o, []func(*CallOptions) error{nil, func(o *CallOptions) error { return o.SetHeader("Authorization", "t") }})
	var v *ValidationError
	require.ErrorAs(t, err, &v)
	assert.Equal(t, "acme", v.Vendor)
	assert.Contains(t, err.Error(), "acme: invalid WithHeader: Authorization")

	// A vendor's own validation error goes back as it is, not wrapped in
	// a second "invalid option".
	own := errors.New("acme: invalid WithRateLimit: a negative window")
	err = Apply("acme", own, &o, []func(*CallOptions) error{func(*CallOptions) error { return fmt.Errorf("%w", own) }})
	assert.Equal(t, "acme: invalid WithRateLimit: a negative window", err.Error())
	err = Apply("acme", own, &o, []func(*CallOptions) error{func(*CallOptions) error { return errors.New("odd") }})
	require.ErrorAs(t, err, &v)
	assert.Equal(t, "acme: invalid option: option 1: odd", err.Error())
}

func TestCallOptionsReachTheWire(t *testing.T) {
	c, mt := newMocked(t)
	var got *http.Request
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", func(r *http.Request) (*http.Response, error) {
		got = r
		return httpmock.NewStringResponse(200, `{"id":1}`), nil
	})
	var call CallOptions
	require.NoError(t, call.SetHeader("X-Trace", "abc"))
	require.NoError(t, call.AddQuery("extra", "1"))
	require.NoError(t, call.AddQuery("a", "2"))
	r := &Request{Method: http.MethodGet, Path: "/w", Query: map[string][]string{"a": {"1"}}, Call: call}
	_, err := c.Do(context.Background(), r, nil)
	require.NoError(t, err)
	assert.Equal(t, "abc", got.Header.Get("X-Trace"))
	assert.Equal(t, "a=1&a=2&extra=1", got.URL.RawQuery)
	assert.Equal(t, []string{"1"}, r.Query["a"], "the call's own query is not changed")
}

func TestResponseDescribesSuccessAndErrorAnswers(t *testing.T) {
	c, mt := newMocked(t)
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/ok", httpmock.ResponderFromResponse(&http.Response{
		StatusCode: 200, Body: httpmock.NewRespBodyFromString(`{}`),
		Header: http.Header{"Ratelimit-Limit": {"110;w=10"}, "Ratelimit-Remaining": {"3"}, "X-Request-Id": {"r-1"}},
	}))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/full", httpmock.ResponderFromResponse(&http.Response{
		StatusCode: 429, Body: httpmock.NewRespBodyFromString(`{"detail":"slow down"}`),
		Header: http.Header{"X-Ratelimit-Limit": {"60"}, "X-Ratelimit-Remaining": {"0"}, "Retry-After": {"3600"}},
	}))
	res, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/ok"}, nil)
	got := ResponseOf(res, err)
	assert.Equal(t, 200, got.StatusCode)
	assert.Equal(t, 1, got.Attempts)
	assert.Equal(t, "r-1", got.Header.Get("X-Request-Id"))
	assert.Equal(t, RateLimit{Limit: 110, Remaining: 3, Window: 10 * time.Second, Known: true}, got.RateLimit)

	res, err = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/full"}, nil)
	require.ErrorIs(t, err, ErrRateLimited)
	got = ResponseOf(res, err)
	assert.Equal(t, 429, got.StatusCode)
	assert.Equal(t, RateLimit{Limit: 60, Known: true}, got.RateLimit)
}

func TestTimeoutEndsAHungCall(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	s := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	for _, tc := range []struct {
		name string
		c    *Client
		call CallOptions
	}{
		{"the client's timeout", s.client(t, WithTimeout(100*time.Millisecond)), CallOptions{}},
		{"the call's timeout", s.client(t), CallOptions{Timeout: 100 * time.Millisecond, HasTimeout: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			start := time.Now()
			_, err := tc.c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/hang", Call: tc.call}, nil)
			assert.Less(t, time.Since(start), time.Second)
			var te *TransportError
			require.ErrorAs(t, err, &te)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Contains(t, err.Error(), "no answer within the call's timeout of 100ms")
		})
	}
	t.Run("no timeout with 0", func(t *testing.T) {
		c := s.client(t, WithTimeout(0))
		ctx, cancel := context.WithTimeout(context.Background(), 150*time.Millisecond)
		defer cancel()
		_, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/hang"}, nil)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.NotContains(t, err.Error(), "call's timeout", "the caller's own deadline ended it")
	})
	_, err := New(testVendor, testToken, WithTimeout(-1))
	assert.Error(t, err)
}

func TestStreamTimeoutRunsUntilTheBodyIsClosed(t *testing.T) {
	s := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(200)
		_, _ = w.Write([]byte("first bytes"))
		w.(http.Flusher).Flush()
		<-r.Context().Done()
	})
	c := s.client(t, WithTimeout(150*time.Millisecond))
	resp, _, err := c.Stream(context.Background(), &Request{Method: http.MethodGet, Path: "/file"})
	require.NoError(t, err)
	defer resp.Body.Close()
	start := time.Now()
	_, err = bytes.NewBuffer(nil).ReadFrom(resp.Body)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.Less(t, time.Since(start), time.Second)
}

// records counts a logger's records by message.
type records struct {
	mu   sync.Mutex
	msgs []string
	text strings.Builder
}

func (r *records) Enabled(context.Context, slog.Level) bool { return true }
func (r *records) WithAttrs([]slog.Attr) slog.Handler       { return r }
func (r *records) WithGroup(string) slog.Handler            { return r }
func (r *records) Handle(_ context.Context, rec slog.Record) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.msgs = append(r.msgs, rec.Message)
	r.text.WriteString(rec.Message)
	rec.Attrs(func(a slog.Attr) bool { r.text.WriteString(" " + a.String()); return true })
	r.text.WriteString("\n")
	return nil
}

func (r *records) count(msg string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	n := 0
	for _, m := range r.msgs {
		if m == msg {
			n++
		}
	}
	return n
}

func TestLoggerWritesOneLinePerAttemptAndOnePerCall(t *testing.T) {
	for _, tc := range []struct {
		name     string
		handlers []http.HandlerFunc
		out      any
		attempts int
	}{
		{"a decoded answer at once", []http.HandlerFunc{status(200, `{"id":1}`)}, &widget{}, 1},
		{"an ignored answer at once", []http.HandlerFunc{status(200, `{"id":1}`)}, nil, 1},
		{"two 503s, then a decoded answer", []http.HandlerFunc{status(503, `{}`), status(503, `{}`), status(200, `{"id":1}`)}, &widget{}, 3},
		{"a cut body, then a decoded answer", []http.HandlerFunc{cutBody, status(200, `{"id":1}`)}, &widget{}, 2},
		{"retries run out", []http.HandlerFunc{status(500, `{"detail":"`+testToken+`"}`)}, &widget{}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var rec records
			s := newCountingServer(t, tc.handlers...)
			c := s.client(t, WithLogger(slog.New(&rec)))
			_, _ = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, tc.out)
			assert.Equal(t, tc.attempts, int(s.hits.Load()))
			assert.Equal(t, tc.attempts, rec.count("recruitkit: http attempt"), rec.text.String())
			assert.Equal(t, 1, rec.count("recruitkit: http call"), rec.text.String())
			assert.NotContains(t, rec.text.String(), testToken)
		})
	}
}

func TestTokenIsRedactedBeforeAnythingIsCut(t *testing.T) {
	t.Run("a Location carrying the token", func(t *testing.T) {
		c, mt := newMocked(t)
		mt.RegisterResponder(http.MethodPost, "https://api.acme.test/w", httpmock.ResponderFromResponse(&http.Response{
			StatusCode: 302, Body: httpmock.NewRespBodyFromString(""),
			Header: http.Header{"Location": {"https://login.acme.test/?token=" + testToken}},
		}))
		_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/w"}, nil)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.NotContains(t, err.Error(), testToken)
		assert.Contains(t, err.Error(), "redirect to https://login.acme.test/?token=[REDACTED] not followed")
		assert.NotContains(t, apiErr.Header.Get("Location"), testToken)
	})
	t.Run("a token straddling the snippet's cut", func(t *testing.T) {
		for offset := maxSnippet - len(testToken); offset <= maxSnippet; offset++ {
			c, mt := newMocked(t)
			body := strings.Repeat("x", offset) + testToken + strings.Repeat("y", 100)
			mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(200, body))
			_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, &widget{})
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			for n := 4; n <= len(testToken); n++ {
				require.NotContains(t, de.Snippet, testToken[:n], "offset %d", offset)
			}
		}
	})
	t.Run("a token straddling the error body's cap", func(t *testing.T) {
		for _, offset := range []int{MaxErrorBody - len(testToken) + 1, MaxErrorBody - 5, MaxErrorBody - 1} {
			c, mt := newMocked(t)
			body := strings.Repeat("x", offset) + testToken + strings.Repeat("y", 100)
			mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(400, body))
			_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, nil)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.LessOrEqual(t, len(apiErr.Body), MaxErrorBody)
			for n := 4; n <= len(testToken); n++ {
				require.NotContains(t, string(apiErr.Body), testToken[:n], "offset %d", offset)
			}
		}
	})
}

// TestRedactionLeavesNoPartOfASecret puts a token where each cut of an
// error falls, after whole tokens whose replacement ([REDACTED] is shorter
// than a token) pulls the text behind them forward.
func TestRedactionLeavesNoPartOfASecret(t *testing.T) {
	// body is n earlier tokens, padding and a last token at offset.
	body := func(n, offset int) string {
		head := strings.Repeat(testToken, n)
		return head + strings.Repeat("x", max(0, offset-len(head))) + testToken + strings.Repeat("y", 100)
	}
	noPart := func(t *testing.T, got string, msgAndArgs ...any) {
		t.Helper()
		for n := 4; n <= len(testToken); n++ {
			require.NotContains(t, got, testToken[:n], msgAndArgs...)
		}
	}
	t.Run("the snippet of a DecodeError", func(t *testing.T) {
		for tokens := 1; tokens <= 3; tokens++ {
			for offset := maxSnippet - len(testToken); offset <= maxSnippet+len(testToken); offset++ {
				c, mt := newMocked(t)
				mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(200, body(tokens, offset)))
				_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, &widget{})
				var de *DecodeError
				require.ErrorAs(t, err, &de)
				noPart(t, de.Snippet, "%d tokens before, the last at %d", tokens, offset)
				noPart(t, err.Error(), "%d tokens before, the last at %d", tokens, offset)
			}
		}
	})
	t.Run("the body of an APIError", func(t *testing.T) {
		for tokens := 1; tokens <= 3; tokens++ {
			for _, offset := range []int{MaxErrorBody - 1, MaxErrorBody + 5, MaxErrorBody + len(testToken) - 1} {
				c, mt := newMocked(t)
				mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(400, body(tokens, offset)))
				_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, nil)
				var apiErr *APIError
				require.ErrorAs(t, err, &apiErr)
				assert.LessOrEqual(t, len(apiErr.Body), MaxErrorBody)
				noPart(t, string(apiErr.Body), "%d tokens before, the last at %d", tokens, offset)
			}
		}
	})
	t.Run("a refused stream", func(t *testing.T) {
		for offset := maxSnippet - len(testToken); offset <= maxSnippet+len(testToken); offset++ {
			c, mt := newMocked(t)
			mt.RegisterResponder(http.MethodGet, "https://api.acme.test/f", httpmock.NewStringResponder(200, body(2, offset)))
			r := &Request{Method: http.MethodGet, Path: "/f"}
			resp, res, err := c.Stream(context.Background(), r)
			require.NoError(t, err)
			err = c.StreamDecodeError(r, resp, res.Attempts, "application/pdf", errors.New("not a PDF"))
			var de *DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, "application/pdf", de.Expected)
			noPart(t, err.Error(), "the last token at %d", offset)
		}
	})
	t.Run("every header the error text shows", func(t *testing.T) {
		c, mt := newMocked(t)
		mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.ResponderFromResponse(&http.Response{
			StatusCode: 200, Body: httpmock.NewRespBodyFromString("<html>"),
			Header: http.Header{"Content-Type": {"text/html; session=" + testToken}},
		}))
		_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, &widget{})
		var de *DecodeError
		require.ErrorAs(t, err, &de)
		noPart(t, err.Error())
		noPart(t, de.ContentType)
		assert.Equal(t, "text/html; session=[REDACTED]", de.ContentType)
	})
	t.Run("a percent-encoded secret in a Location", func(t *testing.T) {
		const password = "p@ss word/1"
		c, mt := newMocked(t)
		mt.RegisterResponder(http.MethodPost, "https://api.acme.test/w", httpmock.ResponderFromResponse(&http.Response{
			StatusCode: 302, Body: httpmock.NewRespBodyFromString(""),
			Header: http.Header{"Location": {"https://login.acme.test/" + url.PathEscape(password) + "?p=" + url.QueryEscape(password)}},
		}))
		_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/w", Redact: []string{password}}, nil)
		require.Error(t, err)
		assert.Contains(t, err.Error(), "redirect to https://login.acme.test/[REDACTED]?p=[REDACTED] not followed")
	})
}

func TestAWritesUnreadableSuccessSaysTheWriteWasAccepted(t *testing.T) {
	c, mt := newMocked(t)
	mt.RegisterResponder(http.MethodPost, "https://api.acme.test/w", httpmock.NewStringResponder(201, `<html>`))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(200, `<html>`))
	_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/w"}, &widget{})
	assert.ErrorIs(t, err, ErrWriteAccepted)
	assert.ErrorIs(t, err, ErrUnexpectedResponse)
	assert.Contains(t, err.Error(), "the server accepted the write: do not send it again")

	_, err = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, &widget{})
	assert.ErrorIs(t, err, ErrUnexpectedResponse)
	assert.NotErrorIs(t, err, ErrWriteAccepted, "a read wrote nothing")

	s := newCountingServer(t, cutBody)
	_, err = s.client(t).Do(context.Background(), &Request{Method: http.MethodPost, Path: "/w"}, &widget{})
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Equal(t, 200, te.StatusCode)
	assert.ErrorIs(t, err, ErrWriteAccepted)
	assert.Equal(t, int32(1), s.hits.Load())
}

func TestAWriteThatMayHaveArrivedSaysTheOutcomeIsUnknown(t *testing.T) {
	s := newCountingServer(t, status(500, `{"detail":"boom"}`))
	_, err := s.client(t).Do(context.Background(), &Request{Method: http.MethodPatch, Path: "/w", Body: map[string]int{"a": 1}}, nil)
	assert.ErrorIs(t, err, ErrOutcomeUnknown)
	assert.Contains(t, err.Error(), "outcome unknown")
	assert.Equal(t, int32(1), s.hits.Load(), "a write with no idempotency is sent once")

	s = newCountingServer(t, status(400, `{"detail":"bad"}`))
	_, err = s.client(t).Do(context.Background(), &Request{Method: http.MethodPatch, Path: "/w"}, nil)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "a 400 is a clear refusal")

	s = newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		conn, _, _ := http.NewResponseController(w).Hijack()
		conn.Close()
	})
	_, err = s.client(t).Do(context.Background(), &Request{Method: http.MethodPost, Path: "/w"}, nil)
	assert.ErrorIs(t, err, ErrOutcomeUnknown)
	assert.Equal(t, int32(1), s.hits.Load())

	_, err = s.client(t).Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, nil)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "a read changes nothing")

	dead := newCountingServer(t, status(200, `{}`))
	dead.Close()
	_, err = dead.client(t, WithRetry(0, 0, 0)).Do(context.Background(), &Request{Method: http.MethodPost, Path: "/w"}, nil)
	assert.Error(t, err)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "a refused connection never reached the server")
}

func TestWaitHookTakesTheWaitInsteadOfSleeping(t *testing.T) {
	s := newCountingServer(t, status(429, `{}`, "Retry-After", "7"), status(200, `{"id":1}`))
	var waits []time.Duration
	ctx := WithWaitHook(context.Background(), func(d time.Duration) { waits = append(waits, d) })
	start := time.Now()
	_, err := s.client(t, WithRetry(3, time.Millisecond, 10*time.Second)).Do(ctx, &Request{Method: http.MethodGet, Path: "/w"}, &widget{})
	require.NoError(t, err)
	assert.Less(t, time.Since(start), time.Second)
	assert.Equal(t, []time.Duration{7 * time.Second}, waits)
	assert.False(t, errors.Is(err, ErrRateLimited))
}

// A DELETE retried after an attempt whose answer was lost, then told 404,
// says both: it is gone, perhaps by the lost attempt.
func TestADeleteRetriedIntoA404SaysTheOutcomeIsUnknown(t *testing.T) {
	s := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
		conn, _, _ := http.NewResponseController(w).Hijack()
		conn.Close()
	}, status(404, `{"detail":"Not found."}`))
	_, err := s.client(t).Do(context.Background(), &Request{Method: http.MethodDelete, Path: "/w/7"}, nil)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.ErrorIs(t, err, ErrOutcomeUnknown)
	assert.GreaterOrEqual(t, s.hits.Load(), int32(2))

	s = newCountingServer(t, status(404, `{"detail":"Not found."}`))
	_, err = s.client(t).Do(context.Background(), &Request{Method: http.MethodDelete, Path: "/w/7"}, nil)
	assert.ErrorIs(t, err, ErrNotFound)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "a plain 404 is a clear answer")
}

func TestTheCallLineNeverQuotesABody(t *testing.T) {
	var rec records
	c, mt := newMocked(t, WithLogger(slog.New(&rec)))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(200, `<p>ada@example.com</p>`))
	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, &widget{})
	require.ErrorIs(t, err, ErrUnexpectedResponse)
	assert.NotContains(t, rec.text.String(), "ada@example.com")
	assert.Contains(t, rec.text.String(), "unexpected response: expected *rest.widget")
}
