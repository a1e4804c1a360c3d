package rest

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The bucket's arithmetic, on a clock of the test's own: no sleeping.

var t0 = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

func at(ms int) time.Time { return t0.Add(time.Duration(ms) * time.Millisecond) }

func turnsAt(b *bucket, now time.Time, n int) []time.Time {
	out := make([]time.Time, n)
	for i := range out {
		out[i] = b.take(now).when()
	}
	return out
}

func TestABudgetIsSpreadSoThatNoWindowHoldsMoreThanItsLimit(t *testing.T) {
	// 11 per second: the first at once, then one every 100 ms.
	b := newBucket(Rate{Limit: 11, Per: time.Second})
	got := turnsAt(b, at(0), 13)
	for i, when := range got {
		assert.Equal(t, at(100*i), when, "turn %d", i)
	}
	// However the server lays its window, 11 of them span a full second.
	for i := 0; i+11 < len(got); i++ {
		assert.GreaterOrEqual(t, got[i+11].Sub(got[i]), time.Second)
	}
}

func TestTurnsComeInTheOrderTheyWereTaken(t *testing.T) {
	b := newBucket(Rate{Limit: 3, Per: 100 * time.Millisecond}) // one every 50 ms
	first := b.take(at(0))
	second := b.take(at(1))
	third := b.take(at(2))
	assert.Equal(t, []time.Time{at(0), at(50), at(100)}, []time.Time{first.when(), second.when(), third.when()})

	// A caller that gives the last turn back frees it for the next one.
	third.cancel(at(3))
	assert.Equal(t, at(100), b.take(at(4)).when())
}

func TestAPauseMovesQueuedTurnsBackInOrderAndTheOnesToComeBehindThem(t *testing.T) {
	b := newBucket(Rate{Limit: 11, Per: time.Second})             // one every 100 ms
	queued := []turn{b.take(at(0)), b.take(at(0)), b.take(at(0))} // 0, 100, 200
	b.pause(at(10), at(1010))                                     // a 429 asking for a second
	assert.Equal(t, []time.Time{at(1000), at(1100), at(1200)},
		[]time.Time{queued[0].when(), queued[1].when(), queued[2].when()})
	assert.Equal(t, at(1300), b.take(at(10)).when(), "a newcomer queues behind them")

	// A second refusal asking for the same reset moves nothing again.
	b.pause(at(20), at(1010))
	assert.Equal(t, at(1000), queued[0].when())
	// One asking for longer moves them by the difference only.
	b.pause(at(30), at(1510))
	assert.Equal(t, at(1500), queued[0].when())
}

func TestAnIdleBucketPausesFromNow(t *testing.T) {
	b := newBucket(Rate{Limit: 11, Per: time.Second})
	b.pause(at(0), at(500))
	assert.Equal(t, at(500), b.take(at(0)).when())
	assert.False(t, b.idle(at(400)))
	assert.True(t, b.idle(at(700)))
}

func TestExhaustedReadsRemainingZeroAndTheReset(t *testing.T) {
	for _, c := range []struct {
		header http.Header
		wait   time.Duration
		ok     bool
	}{
		{http.Header{"Ratelimit-Remaining": {"0"}, "Ratelimit-Reset": {"3"}}, 3 * time.Second, true},
		{http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"0.25"}}, 250 * time.Millisecond, true},
		{http.Header{"Ratelimit-Remaining": {"4"}, "Ratelimit-Reset": {"3"}}, 0, false},
		{http.Header{"Ratelimit-Remaining": {"0"}}, 0, false}, // no reset: nothing to wait for
		{http.Header{"Ratelimit-Reset": {"3"}}, 0, false},
	} {
		wait, ok := exhausted(c.header, t0)
		assert.Equal(t, c.ok, ok, "%v", c.header)
		assert.Equal(t, c.wait, wait, "%v", c.header)
	}
}

func TestAnAnswerPausesTheBudgetItNames(t *testing.T) {
	refusal := func(limit string) *http.Response {
		return &http.Response{StatusCode: 429, Header: http.Header{"Retry-After": {"10"}, "Ratelimit-Limit": {limit}}}
	}
	// Truto's own budgets, and budgets set below them to leave room for
	// another process that uses the same token and account: the answers
	// name Truto's limits, which the latter match only nearly.
	for _, budgets := range [][2]int{{500, 50}, {250, 25}} {
		account := Rate{Limit: budgets[1], Per: 10 * time.Second}
		p := newPacer(Pacing{
			Token: Rate{Limit: budgets[0], Per: 10 * time.Second},
			Key:   func(r *Request) (string, Rate) { return r.Path, account },
		})
		pc := paceCall{key: "/a", budget: account}
		b := p.keyed(pc, t0)
		p.observe(pc, refusal("500;w=10"), t0)
		assert.Equal(t, t0.Add(10*time.Second), p.token.pausedUntil, "%v: the token's budget ran out", budgets)
		assert.True(t, b.pausedUntil.IsZero(), "%v: not the account's", budgets)

		p.observe(pc, refusal("50;w=10"), t0.Add(time.Second))
		assert.Equal(t, t0.Add(11*time.Second), b.pausedUntil, "%v: the account's budget ran out", budgets)

		other := paceCall{key: "/b", budget: account}
		p.observe(other, &http.Response{StatusCode: 429, Header: http.Header{}}, t0)
		assert.Equal(t, t0.Add(10*time.Second), p.keyed(other, t0).pausedUntil, "%v: no word from the server: a window, on the narrowest", budgets)
	}
}

func TestIdleKeysAreDroppedWhenTheMapGrows(t *testing.T) {
	p := newPacer(Pacing{Key: func(*Request) (string, Rate) { return "", Rate{} }})
	budget := Rate{Limit: 10, Per: time.Second}
	busy := p.keyed(paceCall{key: "busy", budget: budget}, t0)
	busy.take(t0)
	busy.take(t0) // queued far past t0+1ms
	for i := range minSweep + 1 {
		p.keyed(paceCall{key: strconv.Itoa(i), budget: budget}, t0.Add(time.Millisecond))
	}
	assert.Less(t, len(p.keys), minSweep, "the idle ones went")
	assert.Same(t, busy, p.keys["busy"], "the busy one stayed")
}

// fixedWindow is a server that allows limit requests per window, the
// window starting at the first request after the last one ended (as the
// fakes do), answering 429 with the IETF headers beyond it.
type fixedWindow struct {
	limit  int
	window time.Duration

	mu       sync.Mutex
	start    time.Time
	used     int
	refused  atomic.Int32
	served   atomic.Int32
	arrivals []time.Time
}

func (f *fixedWindow) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	now := time.Now()
	f.arrivals = append(f.arrivals, now)
	if f.start.IsZero() || now.Sub(f.start) >= f.window {
		f.start, f.used = now, 0
	}
	reset := strconv.FormatFloat(f.start.Add(f.window).Sub(now).Seconds(), 'f', 3, 64)
	over := f.used >= f.limit
	if !over {
		f.used++
	}
	remaining := f.limit - f.used
	f.mu.Unlock()
	w.Header().Set("Ratelimit-Limit", strconv.Itoa(f.limit))
	w.Header().Set("Ratelimit-Remaining", strconv.Itoa(remaining))
	w.Header().Set("Ratelimit-Reset", reset)
	if over {
		f.refused.Add(1)
		w.WriteHeader(http.StatusTooManyRequests)
		return
	}
	f.served.Add(1)
	w.Header().Set("Content-Type", "application/json")
	_, _ = w.Write([]byte(`{}`))
}

// perPath paces each path under budget, and every request under token.
func perPath(token, budget Rate) Option {
	return WithPacing(Pacing{Token: token, Key: func(r *Request) (string, Rate) { return r.Path, budget }})
}

func TestPacedCallersMeetNo429(t *testing.T) {
	// The pacer leaves an interval's slack for a request counted late or
	// early: 25 ms here, beyond the scheduling jitter of a loaded machine
	// under -race, which 5 ms (10 per 50 ms) was not.
	srv := &fixedWindow{limit: 5, window: 100 * time.Millisecond}
	s := newCountingServer(t, srv.ServeHTTP)
	c := s.client(t, WithRetry(0, 0, 0), perPath(Rate{}, Rate{Limit: 5, Per: 100 * time.Millisecond}))
	var wg sync.WaitGroup
	errs := make(chan error, 15)
	start := time.Now()
	for range 15 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/candidates"}, nil)
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		assert.NoError(t, err)
	}
	assert.Zero(t, srv.refused.Load())
	assert.EqualValues(t, 15, srv.served.Load())
	// 14 turns after the first, 100/4 ms apart.
	assert.GreaterOrEqual(t, time.Since(start), 14*25*time.Millisecond-5*time.Millisecond)
}

func TestUnpacedCallersMeet429s(t *testing.T) {
	// The control of the test above: the same load without pacing is
	// refused, so the server would have caught a pacer that let it through.
	srv := &fixedWindow{limit: 5, window: 100 * time.Millisecond}
	s := newCountingServer(t, srv.ServeHTTP)
	c := s.client(t, WithRetry(0, 0, 0))
	var wg sync.WaitGroup
	for range 15 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, _ = c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/candidates"}, nil)
		}()
	}
	wg.Wait()
	assert.Positive(t, srv.refused.Load())
}

func TestKeysDoNotShareABucket(t *testing.T) {
	s := newCountingServer(t, status(200, `{}`))
	// Per path: one request at once, the next an hour later.
	c := s.client(t, perPath(Rate{}, Rate{Limit: 2, Per: time.Hour}))
	call := postWithin(c, time.Second)
	require.NoError(t, call("/a"))
	require.NoError(t, call("/b"), "another key has its own budget")

	start := time.Now()
	err := call("/a")
	assert.Less(t, time.Since(start), 100*time.Millisecond, "a turn past the deadline fails at once")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown, "the POST never left")
	var te *TransportError
	require.ErrorAs(t, err, &te)
	assert.Zero(t, te.Attempts)
	assert.Contains(t, err.Error(), "not sent: its turn under the rate limit")
	assert.EqualValues(t, 2, s.hits.Load())
}

func TestEveryKeyCountsAgainstTheTokensBudgetToo(t *testing.T) {
	s := newCountingServer(t, status(200, `{}`))
	c := s.client(t, perPath(Rate{Limit: 2, Per: time.Hour}, Rate{Limit: 1000, Per: time.Second}))
	call := postWithin(c, time.Second)
	require.NoError(t, call("/a"))
	require.ErrorIs(t, call("/b"), context.DeadlineExceeded, "a new key, but the token's budget is spent")
	assert.EqualValues(t, 1, s.hits.Load())
}

// postWithin makes a POST to a path with a deadline d away.
func postWithin(c *Client, d time.Duration) func(path string) error {
	return func(path string) error {
		ctx, cancel := context.WithTimeout(context.Background(), d)
		defer cancel()
		_, err := c.Do(ctx, &Request{Method: http.MethodPost, Path: path}, nil)
		return err
	}
}

func TestCancellingAQueuedCallReturnsPromptlyAndSendsNothing(t *testing.T) {
	s := newCountingServer(t, status(200, `{}`))
	// No timeout: the call waits for its turn until it is cancelled.
	c := s.client(t, WithTimeout(0), perPath(Rate{}, Rate{Limit: 2, Per: time.Hour}))
	_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/a"}, nil)
	require.NoError(t, err)

	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(20*time.Millisecond, cancel)
	start := time.Now()
	var res Response
	_, err = c.Do(ctx, &Request{Method: http.MethodPost, Path: "/a"}, nil)
	res = ResponseOf(nil, err)
	assert.Less(t, time.Since(start), 200*time.Millisecond)
	assert.ErrorIs(t, err, context.Canceled)
	assert.NotErrorIs(t, err, ErrOutcomeUnknown)
	assert.Zero(t, res.Attempts)
	assert.EqualValues(t, 1, s.hits.Load())
}

func TestA429PausesTheKeyForAsLongAsTheServerAsks(t *testing.T) {
	var arrivals []time.Time
	var mu sync.Mutex
	record := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			arrivals = append(arrivals, time.Now())
			mu.Unlock()
			h(w, r)
		}
	}
	s := newCountingServer(t,
		record(status(429, `{}`, "Ratelimit-Reset", "0.15", "Ratelimit-Remaining", "0")),
		record(status(200, `{}`)))
	// A budget that would not slow anything down by itself; no retries,
	// so that the pause alone holds the second call back.
	c := s.client(t, WithRetry(0, 0, 0), perPath(Rate{}, Rate{Limit: 1000, Per: time.Second}))
	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/a"}, nil)
	require.ErrorIs(t, err, ErrRateLimited)
	_, err = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/a"}, nil)
	require.NoError(t, err)
	require.Len(t, arrivals, 2)
	assert.GreaterOrEqual(t, arrivals[1].Sub(arrivals[0]), 140*time.Millisecond)
}

func TestRemainingZeroPausesUntilTheResetBeforeAnyRefusal(t *testing.T) {
	var arrivals []time.Time
	var mu sync.Mutex
	s := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		arrivals = append(arrivals, time.Now())
		mu.Unlock()
		status(200, `{}`, "X-Ratelimit-Remaining", "0", "X-Ratelimit-Reset", "0.1")(w, r)
	})
	c := s.client(t, perPath(Rate{}, Rate{Limit: 1000, Per: time.Second}))
	for range 2 {
		_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/a"}, nil)
		require.NoError(t, err)
	}
	require.Len(t, arrivals, 2)
	assert.GreaterOrEqual(t, arrivals[1].Sub(arrivals[0]), 90*time.Millisecond)
}

func TestARetryIsPacedAndOneWhoseTurnPassesTheDeadlineIsNotMade(t *testing.T) {
	s := newCountingServer(t, status(503, `{"detail":"busy"}`), status(200, `{}`))
	// Two an hour: the retry's turn is an hour away.
	c := s.client(t, perPath(Rate{}, Rate{Limit: 2, Per: time.Hour}))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/a"}, nil)
	assert.Less(t, time.Since(start), 200*time.Millisecond)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr, "the caller gets the last answer")
	assert.Equal(t, 503, apiErr.StatusCode)
	assert.EqualValues(t, 1, s.hits.Load())

	// With room in the budget the retry is made, paced.
	fast := s.client(t, perPath(Rate{}, Rate{Limit: 11, Per: 500 * time.Millisecond})) // 50 ms apart
	s.hits.Store(0)
	start = time.Now()
	_, err = fast.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/a"}, nil)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, time.Since(start), 45*time.Millisecond)
}

func TestPacingValidatesItsBudgets(t *testing.T) {
	for _, p := range []Pacing{
		{},
		{Token: Rate{Limit: 0, Per: time.Second}},
		{Token: Rate{Limit: 5, Per: -time.Second}},
	} {
		_, err := New(testVendor, testToken, WithPacing(p))
		assert.ErrorIs(t, err, ErrInvalidParams, "%+v", p)
	}
}

func TestAPacedClientStillUsesTheCallersTransport(t *testing.T) {
	s := newCountingServer(t, status(200, `{}`))
	var seen atomic.Int32
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		seen.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	})}
	u, _ := url.Parse(s.URL)
	c, err := New(testVendor, testToken, WithBaseURL(u.String()), WithHTTPClient(hc), perPath(Rate{Limit: 100, Per: time.Second}, Rate{}))
	require.NoError(t, err)
	_, err = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/a"}, nil)
	require.NoError(t, err)
	assert.EqualValues(t, 1, seen.Load())
	assert.Nil(t, hc.CheckRedirect, "the caller's client is not changed")
	assert.IsType(t, roundTripFunc(nil), hc.Transport)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestAPauseOfAYearCostsNoMoreThanAShortOne(t *testing.T) {
	// A server may ask for any wait (Retry-After, an HTTP date, a reset as
	// a Unix time), up to maxServerWait: the pause must not cost time in
	// proportion to it, under the bucket's lock.
	b := newBucket(Rate{Limit: 501, Per: 10 * time.Second}) // 50 turns a second
	done := make(chan struct{})
	go func() {
		defer close(done)
		b.pause(at(0), at(0).Add(maxServerWait))
	}()
	select {
	case <-done:
	case <-time.After(time.Second):
		t.Fatal("pausing for a year took more than a second")
	}
	assert.Equal(t, at(0).Add(maxServerWait), b.take(at(0)).when(), "a newcomer waits out the pause")
	assert.Equal(t, at(0).Add(maxServerWait+20*time.Millisecond), b.take(at(0)).when(), "and the next one an interval more")
}

// queueBehind has callers that came meanwhile take n turns of path's
// bucket, as other goroutines would.
func queueBehind(c *Client, path string, budget Rate, n int) {
	for range n {
		now := time.Now()
		c.pacer.keyed(paceCall{key: path, budget: budget}, now).take(now)
	}
}

func TestARetryWhoseTurnIsTakenAwayGivesTheCallerTheLastAnswer(t *testing.T) {
	// When the retry is decided its turn is in time; while it waits before
	// leaving, other callers queue ahead and push it past the deadline. The
	// caller gets the answer it had, as when the retry is not made, not an
	// error saying the request was never sent.
	budget := Rate{Limit: 11, Per: time.Second} // one every 100 ms
	s := newCountingServer(t, status(503, `{"detail":"busy"}`), status(200, `{}`))
	c := s.client(t, perPath(Rate{}, budget))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	ctx = WithWaitHook(ctx, func(time.Duration) { queueBehind(c, "/a", budget, 15) })
	start := time.Now()
	_, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/a"}, nil)
	assert.Less(t, time.Since(start), 500*time.Millisecond)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr, "%v", err)
	assert.Equal(t, 503, apiErr.StatusCode)
	assert.Equal(t, 1, apiErr.Attempts)
	assert.NotContains(t, err.Error(), "not sent")
	assert.EqualValues(t, 1, s.hits.Load())
}

func TestAWriteCancelledWhileItsRetryWaitsSaysTheFirstAttemptWasSent(t *testing.T) {
	budget := Rate{Limit: 11, Per: time.Second} // one every 100 ms
	s := newCountingServer(t, status(502, `{"detail":"bad gateway"}`))
	c := s.client(t, perPath(Rate{}, budget))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ctx = WithWaitHook(ctx, func(time.Duration) {
		queueBehind(c, "/a", budget, 3)
		time.AfterFunc(20*time.Millisecond, cancel) // while the retry waits for its turn
	})
	_, err := c.Do(ctx, &Request{Method: http.MethodPost, Path: "/a", IdempotencyKey: "k1"}, nil)
	require.ErrorIs(t, err, context.Canceled)
	assert.ErrorIs(t, err, ErrOutcomeUnknown, "the first attempt got a 502")
	assert.Equal(t, 1, ResponseOf(nil, err).Attempts)
	assert.NotContains(t, err.Error(), ": not sent:", "the first attempt was sent")
	assert.Contains(t, err.Error(), "sent once; the next attempt was not sent")
	assert.EqualValues(t, 1, s.hits.Load())
}

func TestACallWaitingForAnotherCallsPacedLoginKeepsItsDeadline(t *testing.T) {
	// The login is a paced request too: while one call's login waits for
	// its turn, a call that needs the same login waits with it, but no
	// longer than its own deadline.
	s := newCountingServer(t, status(200, `{"token":"fresh"}`))
	budget := Rate{Limit: 2, Per: time.Hour}
	var c *Client
	login := func(ctx context.Context) (string, error) {
		var out struct{ Token string }
		_, err := c.Do(ctx, &Request{Method: http.MethodPost, Path: "/login", NoAuth: true, Safe: true}, &out)
		return out.Token, err
	}
	var err error
	c, err = New(testVendor, "", WithBaseURL(s.URL), WithTimeout(0), perPath(Rate{}, budget),
		WithReauth(Reauth{Login: login, Expired: func(*APIError) bool { return false }}))
	require.NoError(t, err)
	queueBehind(c, "/login", budget, 1) // the next login's turn is an hour away

	first, cancelFirst := context.WithCancel(context.Background())
	defer cancelFirst()
	time.AfterFunc(2*time.Second, cancelFirst) // so that a test that fails does not hang
	firstDone := make(chan error, 1)
	go func() {
		_, err := c.Do(first, &Request{Method: http.MethodGet, Path: "/w"}, nil)
		firstDone <- err
	}()
	// The first call is logging in, its turn queued, when the second comes.
	require.Eventually(t, func() bool {
		c.pacer.mu.Lock()
		b := c.pacer.keys["/login"]
		c.pacer.mu.Unlock()
		return time.Until(b.nextFree(time.Now())) > 90*time.Minute
	}, time.Second, time.Millisecond)

	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err = c.Do(ctx, &Request{Method: http.MethodGet, Path: "/w"}, nil)
	assert.Less(t, time.Since(start), 500*time.Millisecond, "the second call keeps its deadline")
	assert.ErrorIs(t, err, context.DeadlineExceeded)
	cancelFirst()
	assert.ErrorIs(t, <-firstDone, context.Canceled)
	assert.Zero(t, s.hits.Load(), "nothing was sent")
}
