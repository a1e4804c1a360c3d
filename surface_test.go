package recruitkit_test

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// surfaceCall is one call of a client with the per-call options every
// package has, and what its answer must report.
type surfaceCall struct {
	name   string
	target func(e *env) target
	// run makes the call with WithResponseInto and WithRequestTimeout,
	// and returns the Response it filled as the three packages share it.
	run func(ctx context.Context, e *env, timeout time.Duration) (status int, header http.Header, attempts int, limit, remaining int, window time.Duration, err error)
	// rateHeaders are the vendor's rate-limit headers, as the fault adds
	// them to an answer; limit, remaining and window what they say.
	rateHeaders      http.Header
	limit, remaining int
	window           time.Duration
	isTransport      func(error) bool
}

var surfaceCalls = []surfaceCall{
	{
		name: "trustcruit Stats", target: (*env).tcTarget,
		run: func(ctx context.Context, e *env, timeout time.Duration) (int, http.Header, int, int, int, time.Duration, error) {
			var r trustcruit.Response
			_, err := e.tcc.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS},
				trustcruit.WithResponseInto(&r), trustcruit.WithRequestTimeout(timeout))
			return r.StatusCode, r.Header, r.Attempts, r.RateLimit.Limit, r.RateLimit.Remaining, r.RateLimit.Window, err
		},
		rateHeaders: http.Header{"X-Ratelimit-Limit": {"100"}, "X-Ratelimit-Remaining": {"98"}, "X-Ratelimit-Reset": {"30"}},
		limit:       100, remaining: 98,
		isTransport: func(err error) bool { return errors.As(err, new(*trustcruit.TransportError)) },
	},
	{
		name: "testgorilla Candidatures.List", target: (*env).tgTarget,
		run: func(ctx context.Context, e *env, timeout time.Duration) (int, http.Header, int, int, int, time.Duration, error) {
			var r testgorilla.Response
			_, err := e.tgc.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: e.assessment},
				testgorilla.WithResponseInto(&r), testgorilla.WithRequestTimeout(timeout))
			return r.StatusCode, r.Header, r.Attempts, r.RateLimit.Limit, r.RateLimit.Remaining, r.RateLimit.Window, err
		},
		rateHeaders: http.Header{"X-Ratelimit-Limit": {"100"}, "X-Ratelimit-Remaining": {"98"}, "X-Ratelimit-Reset": {"30"}},
		limit:       100, remaining: 98,
		isTransport: func(err error) bool { return errors.As(err, new(*testgorilla.TransportError)) },
	},
	{
		name: "truto ATS.Candidates.List", target: (*env).ttTarget,
		run: func(ctx context.Context, e *env, timeout time.Duration) (int, http.Header, int, int, int, time.Duration, error) {
			var r truto.Response
			_, err := e.ttc.ATS.Candidates.List(ctx, e.account, truto.ListParams{},
				truto.WithResponseInto(&r), truto.WithRequestTimeout(timeout))
			return r.StatusCode, r.Header, r.Attempts, r.RateLimit.Limit, r.RateLimit.Remaining, r.RateLimit.Window, err
		},
		rateHeaders: http.Header{"Ratelimit-Limit": {"110;w=10"}, "Ratelimit-Remaining": {"98"}, "Ratelimit-Reset": {"3"}},
		limit:       110, remaining: 98, window: 10 * time.Second,
		isTransport: func(err error) bool { return errors.As(err, new(*truto.TransportError)) },
	},
}

// TestWithResponseIntoReportsTheAnswer: the same call in each client
// reports the answer's status, headers, attempts and the vendor's rate
// limit, on success and on an error answer.
func TestWithResponseIntoReportsTheAnswer(t *testing.T) {
	for _, sc := range surfaceCalls {
		t.Run(sc.name, func(t *testing.T) {
			e := newEnv(t, "", nil, 1<<20)
			header := sc.rateHeaders.Clone()
			header.Set("X-Request-Id", "req-1")
			s := sc.target(e)
			// One 502 (retried: two attempts), then the fake's own answer
			// with the rate-limit headers added.
			s.inject(fake.Fault{Status: 502, Body: `{}`})
			status, h, attempts, _, _, _, err := sc.run(context.Background(), e, time.Minute)
			require.NoError(t, err)
			assert.Equal(t, 200, status)
			assert.Equal(t, 2, attempts)
			assert.NotEmpty(t, h.Get("Content-Type"))

			s.inject(fake.Fault{Status: 200, Header: withJSON(header), Body: validBody(sc.name)})
			status, h, attempts, limit, remaining, window, err := sc.run(context.Background(), e, time.Minute)
			require.NoError(t, err)
			assert.Equal(t, []any{200, "req-1", 1, sc.limit, sc.remaining, sc.window},
				[]any{status, h.Get("X-Request-Id"), attempts, limit, remaining, window})

			s.inject(fake.Fault{Status: 404, Header: withJSON(header), Body: `{}`})
			status, _, attempts, limit, _, _, err = sc.run(context.Background(), e, time.Minute)
			assert.Error(t, err)
			assert.Equal(t, []any{404, 1, sc.limit}, []any{status, attempts, limit}, "an error answer is reported too")
		})
	}
}

func withJSON(h http.Header) http.Header {
	h = h.Clone()
	h.Set("Content-Type", "application/json")
	return h
}

// validBody is a success body of the call named.
func validBody(name string) string {
	switch strings.Fields(name)[0] {
	case "trustcruit":
		return `{"question":405,"stats":{"10":1},"count":1}`
	case "testgorilla":
		return `{"count":0,"results":[]}`
	}
	return `{"result":[],"next_cursor":null}`
}

// TestWithRequestTimeoutEndsAHungCall: against a fake that never answers,
// a call with WithRequestTimeout(200ms) returns in under a second with a
// *TransportError matching context.DeadlineExceeded, with no deadline
// of its own; so does a client's WithTimeout.
func TestWithRequestTimeoutEndsAHungCall(t *testing.T) {
	for _, sc := range surfaceCalls {
		t.Run(sc.name, func(t *testing.T) {
			t.Parallel()
			e := newEnv(t, "", nil, 1<<20)
			sc.target(e).inject(fake.Fault{Hang: true})
			start := time.Now()
			_, _, attempts, _, _, _, err := sc.run(context.Background(), e, 200*time.Millisecond)
			assert.Less(t, time.Since(start), time.Second)
			assert.True(t, sc.isTransport(err), "%T: %v", err, err)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Contains(t, err.Error(), "timeout of 200ms")
			assert.Equal(t, 1, attempts)
		})
	}
	t.Run("the client's timeout", func(t *testing.T) {
		e := newEnv(t, "", nil, 1<<20)
		e.tc.Inject(trustcruittest.Fault{Hang: true})
		c := e.tc.Client(trustcruit.WithTimeout(200 * time.Millisecond))
		start := time.Now()
		_, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
		assert.Less(t, time.Since(start), time.Second)
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Contains(t, err.Error(), "timeout of 200ms")
	})
}

// TestLoggerWritesOneRecordPerAttempt counts a debug logger's records in
// each client: one per attempt and one per call, none with the token.
func TestLoggerWritesOneRecordPerAttempt(t *testing.T) {
	for _, sc := range surfaceCalls {
		t.Run(sc.name, func(t *testing.T) {
			var buf safeBuffer
			logger := slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelDebug}))
			e := newEnv(t, "", logger, 1<<20)
			s := sc.target(e)
			s.inject(fake.Fault{Status: 502, Body: `{}`})
			s.inject(fake.Fault{Status: 504, Body: `{}`})
			_, _, attempts, _, _, _, err := sc.run(context.Background(), e, time.Minute)
			require.NoError(t, err)
			require.Equal(t, 3, attempts)
			lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
			var perAttempt, perCall int
			for _, l := range lines {
				switch {
				case strings.Contains(l, `msg="recruitkit: http attempt"`):
					perAttempt++
				case strings.Contains(l, `msg="recruitkit: http call"`):
					perCall++
				}
			}
			assert.Equal(t, []int{3, 1, 4}, []int{perAttempt, perCall, len(lines)}, buf.String())
			for _, secret := range secrets {
				assert.NotContains(t, buf.String(), secret)
			}
		})
	}
}
