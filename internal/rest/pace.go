package rest

import (
	"context"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// Rate is a request budget: at most Limit requests in any window of Per.
type Rate struct {
	Limit int
	Per   time.Duration
}

// IsZero reports whether r is no budget at all.
func (r Rate) IsZero() bool { return r == Rate{} }

// valid reports whether r is a budget that can be paced under.
func (r Rate) valid() bool { return r.Limit > 0 && r.Per > 0 }

// Pacing is what a client paces its requests under: the budgets the
// vendor counts them against.
type Pacing struct {
	// Token is the budget of every request of the client, the vendor
	// counting per token (the zero Rate: none).
	Token Rate
	// Key, if not nil, names the narrower budget r counts against as
	// well, and what it is: Truto's integrated account, TestGorilla's
	// endpoint. An empty key, or a zero Rate, is none.
	Key func(r *Request) (key string, budget Rate)
}

// WithPacing makes the client pace its requests under p: each attempt
// (retries too) waits for its turn in every budget it counts against
// before it leaves, in the order the callers came.
func WithPacing(p Pacing) Option {
	return func(s *settings) error {
		if !p.Token.IsZero() && !p.Token.valid() {
			return Invalidf("", "WithRateLimit", "want a positive limit and window, got %d per %v", p.Token.Limit, p.Token.Per)
		}
		if p.Token.IsZero() && p.Key == nil {
			return Invalid("", "WithRateLimit", "no budget to pace under")
		}
		s.pacing = &p
		return nil
	}
}

// How pacing works.
//
// A budget of Limit requests per window is a token bucket of
// golang.org/x/time/rate holding one token and refilled at Limit-1 per
// window: the first request leaves at once, the others one every
// Per/(Limit-1). Then no window of length Per, however the server places
// its windows (fixed ones starting at a request, fixed ones on the clock,
// sliding ones), ever holds more than Limit requests; and as Limit+1
// requests span Per plus one interval, the server may count a request
// late or early by up to an interval (200 ms for Truto's 50 per 10 s)
// without refusing one. The price is one request per window, 2% of
// Truto's account budget. Smooth pacing also forgoes the burst a server
// would allow at the start of a window: pacing is for bulk work, where
// the rate is what counts.
//
// Callers take their turns in the order they came: a reservation of
// x/time/rate is a place in the queue, which a caller keeps until its
// time comes, and gives back when its context ends first.
//
// The answers steer the buckets: a 429 pauses the bucket for as long as
// the server asks (Retry-After, else the reset), and an answer that says
// no request is left in the window (remaining 0) pauses it until the
// reset, so that the next request is not refused. A pause moves every
// queued turn back by as long, keeping their order, and the turns to come
// after them.

// pacer holds a client's buckets: one for the token and one per key.
type pacer struct {
	token *bucket // nil without a budget for the token
	key   func(*Request) (string, Rate)

	mu      sync.Mutex
	keys    map[string]*bucket
	sweepAt int // the number of keys that makes the next insertion sweep idle ones
}

// minSweep is the number of keys below which idle buckets are kept.
const minSweep = 1024

func newPacer(p Pacing) *pacer {
	pc := &pacer{key: p.Key, keys: map[string]*bucket{}, sweepAt: minSweep}
	if !p.Token.IsZero() {
		pc.token = newBucket(p.Token)
	}
	return pc
}

// paceCall is what one call is paced under: its key's budget, if any,
// and the token's.
type paceCall struct {
	key    string
	budget Rate
}

type paceCallKey struct{}

// bind returns ctx carrying what r is paced under, for the transport to
// find on each attempt. It always sets the value, so that a request made
// within another's context (a login) is not paced as the other.
func (p *pacer) bind(ctx context.Context, r *Request) context.Context {
	var pc paceCall
	if p.key != nil {
		if k, b := p.key(r); k != "" && b.valid() {
			pc = paceCall{key: k, budget: b}
		}
	}
	return context.WithValue(ctx, paceCallKey{}, pc)
}

// buckets returns the buckets of pc, narrowest first.
func (p *pacer) buckets(pc paceCall, now time.Time) []*bucket {
	out := make([]*bucket, 0, 2)
	if pc.key != "" {
		out = append(out, p.keyed(pc, now))
	}
	if p.token != nil {
		out = append(out, p.token)
	}
	return out
}

// keyed returns the bucket of pc's key, made on first use. A key's bucket
// that is idle (full, not paused) is the same as a new one, so idle ones
// are dropped when the map grows, to bound it for a client that meets
// many keys (accounts) over its life.
func (p *pacer) keyed(pc paceCall, now time.Time) *bucket {
	p.mu.Lock()
	defer p.mu.Unlock()
	if b := p.keys[pc.key]; b != nil {
		return b
	}
	if len(p.keys) >= p.sweepAt {
		for k, b := range p.keys {
			if b.idle(now) {
				delete(p.keys, k)
			}
		}
		p.sweepAt = max(minSweep, 2*len(p.keys))
	}
	b := newBucket(pc.budget)
	p.keys[pc.key] = b
	return b
}

// wait blocks until every bucket of pc lets the request go: the
// narrowest first, so that a request held back by its key does not hold
// a turn of the token's meanwhile.
func (p *pacer) wait(ctx context.Context, pc paceCall) error {
	for _, b := range p.buckets(pc, time.Now()) {
		if err := b.wait(ctx); err != nil {
			return err
		}
	}
	return nil
}

// inTime reports whether a retry of the call bound to ctx, sent after
// wait, would likely get its turn in every bucket before ctx's deadline:
// a retry that would not is not made, so that the caller gets the last
// answer rather than an error for a request never sent.
func (p *pacer) inTime(ctx context.Context, wait time.Duration) bool {
	deadline, ok := ctx.Deadline()
	pc, bound := ctx.Value(paceCallKey{}).(paceCall)
	if !ok || !bound {
		return true
	}
	now := time.Now()
	for _, b := range p.buckets(pc, now) {
		if b.nextFree(now.Add(wait)).After(deadline) {
			return false
		}
	}
	return true
}

// observe lets an answer steer the bucket it speaks of: a 429 pauses it
// for as long as the server asks, and "remaining 0" until the reset.
func (p *pacer) observe(pc paceCall, resp *http.Response, now time.Time) {
	var wait time.Duration
	if resp.StatusCode == http.StatusTooManyRequests {
		wait = serverWait(resp, now)
	} else if d, ok := exhausted(resp.Header, now); ok {
		wait = d
	} else {
		return
	}
	bs := p.buckets(pc, now)
	if len(bs) == 0 {
		return
	}
	// The answer speaks of the budget whose limit it names (Truto's
	// token or account): the nearest, as a budget set below the vendor's
	// (to leave room for another process) names none exactly. Without a
	// limit, it speaks of the narrowest.
	target := bs[0]
	if limit := ParseRateLimit(resp.Header, now).Limit; limit > 0 {
		nearest := math.Inf(1)
		for _, b := range bs {
			if d := math.Abs(math.Log(float64(b.limit) / float64(limit))); d < nearest {
				target, nearest = b, d
			}
		}
	}
	if wait <= 0 {
		// Refused without saying for how long: sit out a window.
		wait = target.window
	}
	target.pause(now, now.Add(wait))
}

// exhausted reports how long until the window resets when an answer
// says no request is left in it.
func exhausted(h http.Header, now time.Time) (time.Duration, bool) {
	for _, prefix := range [...]string{"Ratelimit-", "X-Ratelimit-"} {
		v := h.Get(prefix + "Remaining")
		if v == "" {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimSpace(v)); err != nil || n != 0 {
			return 0, false
		}
		d, ok := parseReset(h.Get(prefix+"Reset"), now)
		return d, ok && d > 0
	}
	return 0, false
}

// bucket paces the requests of one budget.
type bucket struct {
	limit  int           // the budget's Limit, to match an answer's headers
	window time.Duration // the budget's Per

	mu          sync.Mutex
	lim         *rate.Limiter
	shift       time.Duration // how far pauses moved back the turns taken so far
	pausedUntil time.Time
}

func newBucket(r Rate) *bucket {
	refill := max(r.Limit-1, 1)
	return &bucket{
		limit:  r.Limit,
		window: r.Per,
		lim:    rate.NewLimiter(rate.Limit(float64(refill)/r.Per.Seconds()), 1),
	}
}

// turn is a caller's place in a bucket's queue.
type turn struct {
	b     *bucket
	res   *rate.Reservation
	at    time.Time     // when the turn comes, before later pauses
	shift time.Duration // the bucket's shift when the turn was taken
}

// take queues a caller at now.
func (b *bucket) take(now time.Time) turn {
	b.mu.Lock()
	defer b.mu.Unlock()
	res := b.lim.ReserveN(now, 1) // always OK: one token, no limit on the wait
	return turn{b: b, res: res, at: now.Add(res.DelayFrom(now)), shift: b.shift}
}

// when is the time the turn comes, pauses since it was taken included.
func (t turn) when() time.Time {
	t.b.mu.Lock()
	defer t.b.mu.Unlock()
	return t.at.Add(t.b.shift - t.shift)
}

// cancel gives the turn back, so that the callers behind move up.
func (t turn) cancel(now time.Time) { t.res.CancelAt(now) }

// pause holds the bucket's requests back until until: the queued turns
// move back by as far as until is past now (or past the pause in force),
// keeping their order, and so do the turns to come after them.
func (b *bucket) pause(now, until time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	from := now
	if b.pausedUntil.After(from) {
		from = b.pausedUntil
	}
	d := until.Sub(from)
	if d <= 0 {
		return
	}
	b.pausedUntil = until
	b.shift += d
	// The turns to come queue behind the moved ones: take the pause's
	// worth of tokens now, in one reservation: one by one would cost as
	// many steps as the pause holds turns, minutes under the lock for a
	// server asking for a year. A reservation takes no more than the
	// burst, so the burst is widened for it.
	n := int(min(math.Ceil(d.Seconds()*float64(b.lim.Limit())), 1<<52))
	b.lim.SetBurstAt(now, n)
	b.lim.ReserveN(now, n)
	b.lim.SetBurstAt(now, 1)
}

// nextFree is the earliest a turn taken at t would come, if no one else
// took one before.
func (b *bucket) nextFree(t time.Time) time.Time {
	b.mu.Lock()
	defer b.mu.Unlock()
	tokens := b.lim.TokensAt(t)
	if tokens >= 1 {
		return t
	}
	return t.Add(time.Duration((1 - tokens) / float64(b.lim.Limit()) * float64(time.Second)))
}

// idle reports whether the bucket is as a new one would be: full, with
// no turn queued and no pause in force.
func (b *bucket) idle(now time.Time) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.lim.TokensAt(now) >= 1 && !b.pausedUntil.After(now)
}

// wait takes a turn and blocks until it comes. A turn that would come
// after ctx's deadline is given back at once, and so is one whose ctx
// ends first; either way the request is not sent (a *paceError).
func (b *bucket) wait(ctx context.Context) error {
	t := b.take(time.Now())
	var timer *time.Timer
	defer func() {
		if timer != nil {
			timer.Stop()
		}
	}()
	for {
		at := t.when()
		d := time.Until(at)
		if d <= 0 {
			return nil
		}
		if deadline, ok := ctx.Deadline(); ok && at.After(deadline) {
			t.cancel(time.Now())
			return &paceError{wait: d, err: context.DeadlineExceeded}
		}
		if timer == nil {
			timer = time.NewTimer(d)
		} else {
			timer.Reset(d)
		}
		select {
		case <-timer.C:
			// A pause may have moved the turn back meanwhile: look again.
		case <-ctx.Done():
			t.cancel(time.Now())
			return &paceError{err: ctx.Err()}
		}
	}
}

// paceError ends a request that waited for its turn under the client's
// rate limit and never left: its turn would have come after the call's
// deadline, or the context ended first. It unwraps to the context's
// error.
type paceError struct {
	wait time.Duration // until the turn, when it would have passed the deadline
	err  error
	sent int // the attempts of the call sent before this one
}

func (e *paceError) Error() string {
	var s string
	switch e.sent {
	case 0:
		s = "not sent: "
	case 1:
		s = "sent once; the next attempt was not sent: "
	default:
		s = fmt.Sprintf("sent %d times; the next attempt was not sent: ", e.sent)
	}
	if e.wait > 0 {
		return s + fmt.Sprintf("its turn under the rate limit (WithRateLimit) is %v away, after the call's deadline: %v",
			e.wait.Round(time.Millisecond), e.err)
	}
	return s + fmt.Sprintf("the call ended while it waited for its turn under the rate limit (WithRateLimit): %v", e.err)
}

func (e *paceError) Unwrap() error { return e.err }

// errNotSent is what every *paceError matches, so that isPaceError can
// ask errors.Is, which allocates nothing, on the path of every call.
var errNotSent = errors.New("not sent")

func (e *paceError) Is(target error) bool { return target == errNotSent }

func isPaceError(err error) bool { return err != nil && errors.Is(err, errNotSent) }

// turnPastDeadline reports whether err ended an attempt whose turn would
// have come after the call's deadline (not one whose context ended).
func turnPastDeadline(err error) bool {
	var pe *paceError
	return isPaceError(err) && errors.As(err, &pe) && pe.wait > 0
}

// pacedTransport waits for each attempt's turn before it leaves and lets
// the answer steer the pacer.
type pacedTransport struct {
	next http.RoundTripper // nil: http.DefaultTransport, looked up when used
	p    *pacer
}

func (t *pacedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	next := t.next
	if next == nil {
		next = http.DefaultTransport
	}
	pc, ok := req.Context().Value(paceCallKey{}).(paceCall)
	if !ok {
		return next.RoundTrip(req)
	}
	if err := t.p.wait(req.Context(), pc); err != nil {
		if req.Body != nil {
			req.Body.Close() // a RoundTripper closes the body, even on error
		}
		return nil, err
	}
	resp, err := next.RoundTrip(req)
	if err == nil {
		t.p.observe(pc, resp, time.Now())
	}
	return resp, err
}

// CloseIdleConnections closes the wrapped transport's idle connections,
// as http.Client.CloseIdleConnections expects.
func (t *pacedTransport) CloseIdleConnections() {
	next := t.next
	if next == nil {
		next = http.DefaultTransport
	}
	if c, ok := next.(interface{ CloseIdleConnections() }); ok {
		c.CloseIdleConnections()
	}
}
