package rest

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"log/slog"
	"math"
	"math/rand/v2"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

// policy decides, attempt by attempt, whether one call is sent again and
// after how long. retryablehttp asks CheckRetry and then Backoff but gives
// them different arguments (the context to one, the response to the
// other), so a policy lives for one call and carries the decision from
// the first to the second.
type policy struct {
	c          *Client
	method     string
	path       string
	idempotent bool

	ctx       context.Context
	attempts  int           // attempts started so far
	wait      time.Duration // the wait checkRetry chose for the next attempt
	ambiguous bool          // an attempt may have reached the server without a clear answer

	// The current attempt's outcome, logged once the attempt is over:
	// checkRetry may see an attempt twice (before and after its body is
	// read), so it records and the next attempt, or the end, logs.
	started time.Time
	logged  bool // the current attempt's line is written (or not wanted)
	logResp *http.Response
	logErr  error
	retry   bool
}

// checkRetry is retryablehttp's CheckRetry. It never returns an error: a
// call that stops is answered by the last response or transport error, so
// the caller sees the typed *APIError rather than "giving up".
func (p *policy) checkRetry(ctx context.Context, resp *http.Response, err error) (bool, error) {
	p.ctx = ctx
	if isPaceError(err) {
		// The request waited for its turn under the rate limit and never
		// left: no attempt to count or log, and nothing to retry.
		p.attempts--
		p.logged = true
		return false, nil
	}
	if err != nil && !neverSent(err) || err == nil && resp.StatusCode >= 500 {
		p.ambiguous = true
	}
	retry, wait, fromServer := p.decide(resp, err)
	switch {
	case !retry:
	case p.attempts > p.c.maxRetries:
		retry = false
	case ctx.Err() != nil:
		retry = false
	case fromServer && wait > p.c.maxWait:
		// The server wants a longer pause than the policy allows: answer
		// now, with RetryAfter saying when to come back.
		retry = false
	case pastDeadline(ctx, wait):
		// Sleeping until the deadline only to fail then helps no one.
		retry = false
	case p.c.pacer != nil && !p.c.pacer.inTime(ctx, wait):
		// Nor does waiting for a turn under the rate limit that would
		// come after it.
		retry = false
	}
	if retry {
		p.wait = wait
	}
	p.logResp, p.logErr, p.retry = resp, err, retry
	return retry, nil
}

// decide applies the retry rules to one attempt's outcome and says how
// long to wait, and whether the server chose that wait.
func (p *policy) decide(resp *http.Response, err error) (retry bool, wait time.Duration, fromServer bool) {
	if err != nil {
		switch {
		case neverSent(err):
			// Nothing reached the server, so even a POST is safe to send.
		case !p.idempotent || permanent(err):
			return false, 0, false
		}
		return true, p.c.backoff(p.attempts), false
	}
	status := resp.StatusCode
	// A 429 means the server refused the request without acting on it, so
	// even a non-idempotent POST is retried.
	if status != http.StatusTooManyRequests && !(p.idempotent && p.c.vendor.RetryStatus(status)) {
		return false, 0, false
	}
	if w := serverWait(resp, time.Now()); w > 0 {
		return true, w, true
	}
	return true, p.c.backoff(p.attempts), false
}

// backoff is retryablehttp's Backoff: it returns what checkRetry chose.
// A test that put a WaitHook in the context is told the wait instead,
// and the retry comes at once.
func (p *policy) backoff(_, _ time.Duration, _ int, _ *http.Response) time.Duration {
	if hook, ok := p.ctx.Value(waitHookKey{}).(WaitHook); ok {
		hook(p.wait)
		return 0
	}
	return p.wait
}

// WaitHook is told each wait before a retry, instead of the client
// sleeping through it.
type WaitHook func(time.Duration)

type waitHookKey struct{}

// WithWaitHook returns a context whose calls do not sleep before a retry
// but tell hook how long they would have waited: tests prove the waits
// without spending them. Only the module's tests can reach it.
func WithWaitHook(ctx context.Context, hook WaitHook) context.Context {
	return context.WithValue(ctx, waitHookKey{}, hook)
}

// backoff is the wait before retry number n (1 for the first retry):
// exponential, with full jitter between minWait and the ceiling.
func (c *Client) backoff(n int) time.Duration {
	ceiling := c.maxWait
	if n < 32 {
		if grown := c.minWait << n; grown > 0 && grown < ceiling {
			ceiling = grown
		}
	}
	if ceiling <= c.minWait {
		return c.minWait
	}
	return c.minWait + rand.N(ceiling-c.minWait+1)
}

func pastDeadline(ctx context.Context, wait time.Duration) bool {
	deadline, ok := ctx.Deadline()
	return ok && time.Now().Add(wait).After(deadline)
}

// serverWait is how long the server asked us to wait: Retry-After
// (seconds or an HTTP date) on any answer, and on a 429 also the
// rate-limit reset headers (seconds until the window resets; a value
// that can only be a Unix time is read as one). Zero when it did not say.
func serverWait(resp *http.Response, now time.Time) time.Duration {
	if d, ok := parseRetryAfter(resp.Header.Get("Retry-After"), now); ok {
		return d
	}
	if resp.StatusCode != http.StatusTooManyRequests {
		return 0
	}
	for _, name := range [...]string{"X-RateLimit-Reset", "RateLimit-Reset"} {
		if d, ok := parseReset(resp.Header.Get(name), now); ok {
			return d
		}
	}
	return 0
}

// maxServerWait bounds a wait a server asks for, so that absurd values
// cannot overflow a time.Duration.
const maxServerWait = 365 * 24 * time.Hour

func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		return seconds(float64(secs)), true
	}
	if t, err := http.ParseTime(v); err == nil {
		return clampWait(t.Sub(now)), true
	}
	return 0, false
}

// clampWait keeps a server's wait between zero and maxServerWait.
func clampWait(d time.Duration) time.Duration { return min(max(d, 0), maxServerWait) }

// unixTimeFloor separates a reset given as a Unix time (GitHub's style)
// from one given in seconds (TestGorilla's and Truto's): no window lasts
// more than 30 years.
const unixTimeFloor = 1e9

func parseReset(v string, now time.Time) (time.Duration, bool) {
	f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	if f >= unixTimeFloor {
		if f > float64(now.Unix())+maxServerWait.Seconds() {
			return maxServerWait, true // also keeps time.Unix far from overflow
		}
		return clampWait(time.Unix(int64(f), 0).Sub(now)), true
	}
	return seconds(f), true
}

func seconds(f float64) time.Duration {
	if f > maxServerWait.Seconds() {
		return maxServerWait
	}
	return time.Duration(f * float64(time.Second))
}

// neverSent reports whether err happened before any byte of the request
// could reach the server: the connection was never made.
func neverSent(err error) bool {
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return !dnsErr.IsNotFound // a name that does not exist will not start to
	}
	var opErr *net.OpError
	if errors.As(err, &opErr) && (opErr.Op == "dial" || opErr.Op == "proxyconnect") {
		return true
	}
	return strings.Contains(err.Error(), "TLS handshake timeout")
}

// permanent reports whether sending again cannot help: the failure is in
// the request or in the server's certificate, not in the network.
func permanent(err error) bool {
	var (
		certErr    *tls.CertificateVerificationError
		unknownCA  x509.UnknownAuthorityError
		hostErr    x509.HostnameError
		invalidErr x509.CertificateInvalidError
		recordErr  tls.RecordHeaderError
	)
	if errors.As(err, &certErr) || errors.As(err, &unknownCA) || errors.As(err, &hostErr) ||
		errors.As(err, &invalidErr) || errors.As(err, &recordErr) || errors.Is(err, ErrResponseTooLarge) {
		return true
	}
	msg := err.Error()
	for _, s := range [...]string{"redirects", "unsupported protocol scheme", "invalid header", "certificate is not trusted"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// attemptStarts is retryablehttp's RequestLogHook: it counts attempts
// here because CheckRetry runs twice for an attempt whose body fails to
// read, and logs the attempt before.
func (p *policy) attemptStarts(_ retryablehttp.Logger, _ *http.Request, _ int) {
	p.flushLog()
	p.attempts++
	p.logged = false
	if p.c.logger != nil {
		p.started = time.Now()
	}
}

// flushLog writes the current attempt's debug line, once: never a
// header, a query or a body, so never a credential.
func (p *policy) flushLog() {
	l := p.c.logger
	if p.logged || p.attempts == 0 || l == nil || !l.Enabled(p.ctx, slog.LevelDebug) {
		p.logged = true
		return
	}
	p.logged = true
	attrs := []slog.Attr{
		slog.String("vendor", p.c.vendor.Name),
		slog.String("method", p.method),
		slog.String("path", p.path),
		slog.Int("attempt", p.attempts),
		slog.Duration("duration", time.Since(p.started)),
	}
	attrs = append(attrs, p.c.outcomeAttr(p.logResp, p.logErr))
	if p.retry {
		attrs = append(attrs, slog.Duration("retry_in", p.wait))
	}
	l.LogAttrs(p.ctx, slog.LevelDebug, "recruitkit: http attempt", attrs...)
}

// outcomeAttr is an answer's status or, without one, the error.
func (c *Client) outcomeAttr(resp *http.Response, err error) slog.Attr {
	if err == nil && resp != nil {
		return slog.Int("status", resp.StatusCode)
	}
	if err == nil {
		return slog.String("error", "none")
	}
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err // a *url.Error's text carries the query
	}
	return slog.String("error", c.redactLog(err.Error()))
}

// logCall writes one debug line per call: its outcome, attempts and
// duration.
func (c *Client) logCall(ctx context.Context, r *Request, start time.Time, res *Response, err error) {
	l := c.logger
	if l == nil || !l.Enabled(ctx, slog.LevelDebug) {
		return
	}
	attrs := []slog.Attr{
		slog.String("vendor", c.vendor.Name),
		slog.String("method", r.Method),
		slog.String("path", r.Path),
	}
	// The outcome, never a body: a decode error's text quotes the answer,
	// which may hold a candidate's personal data.
	switch e := err.(type) {
	case nil:
		attrs = append(attrs, slog.Int("status", res.StatusCode), slog.Int("attempts", res.Attempts))
	case *APIError:
		attrs = append(attrs, slog.Int("status", e.StatusCode), slog.Int("attempts", e.Attempts))
	case *DecodeError:
		attrs = append(attrs, slog.Int("status", e.StatusCode), slog.Int("attempts", e.Attempts),
			slog.String("error", "unexpected response: expected "+e.Expected))
	case *TransportError:
		attrs = append(attrs, slog.String("error", c.redactLog(e.Err.Error())), slog.Int("attempts", e.Attempts))
	default:
		attrs = append(attrs, slog.String("error", c.redactLog(err.Error())))
	}
	attrs = append(attrs, slog.Duration("duration", time.Since(start)))
	l.LogAttrs(ctx, slog.LevelDebug, "recruitkit: http call", attrs...)
}
