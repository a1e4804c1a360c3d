package rest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	retryablehttp "github.com/hashicorp/go-retryablehttp"
)

// Version is the SDK version sent in the User-Agent header.
const Version = "0.1.0"

// Vendor is what a vendor package tells the core about its API.
type Vendor struct {
	// Name prefixes errors and log lines: "testgorilla".
	Name string
	// BaseURL is the API host used unless WithBaseURL says otherwise.
	BaseURL string
	// AuthScheme is the word before the token in the Authorization
	// header: "Token", "Bearer".
	AuthScheme string
	// ParseError reads e.Body (never nil-checked by the core) and fills
	// e.Code, e.Message and e.Fields from the vendor's error shape. It
	// must leave them empty when the body is not that shape.
	ParseError func(e *APIError)
	// Classify returns the vendor's own sentinels an error answer matches
	// with errors.Is (testgorilla.ErrAlreadyInvited), after ParseError.
	Classify func(e *APIError) []error
	// RetryStatus reports whether an idempotent request that got this
	// status may be retried. Nil means DefaultRetryStatus. A 429 is
	// retried for every request whatever this says.
	RetryStatus func(status int) bool
}

// DefaultRetryStatus retries an idempotent request on 429, 500, 502, 503
// and 504.
func DefaultRetryStatus(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// Client sends a vendor's requests: it builds them, authenticates them,
// retries them under the policy in retry.go, and decodes the answers into
// values or typed errors. It is safe for concurrent use.
type Client struct {
	vendor     Vendor
	base       string
	hc         *http.Client
	maxRetries int
	minWait    time.Duration
	maxWait    time.Duration
	userAgent  []string
	logger     *slog.Logger
	maxBody    int64
	scheme     string
	reauth     *Reauth
	timeout    *timeoutError // nil: no timeout
	pacer      *pacer        // nil: requests leave unpaced (WithPacing)

	auth atomic.Pointer[credential]
	// login is held by the call logging in, so that concurrent calls
	// share one login; a channel, so that the others wait for it no
	// longer than their contexts allow (a paced login may wait long for
	// its turn).
	login chan struct{}
}

// credential is one token and its ready-made Authorization header. It is
// replaced whole, never changed, so calls can read it without a lock.
type credential struct {
	token  string
	header []string
	gen    uint64
}

// New returns a client for vendor v authenticated with token.
func New(v Vendor, token string, opts ...Option) (*Client, error) {
	s := settings{
		baseURL:      v.BaseURL,
		httpClient:   http.DefaultClient,
		maxRetries:   DefaultMaxRetries,
		minWait:      DefaultMinWait,
		maxWait:      DefaultMaxWait,
		maxBodyBytes: DefaultMaxBodyBytes,
		authScheme:   v.AuthScheme,
		timeout:      DefaultTimeout,
	}
	if err := Apply(v.Name, nil, &s, opts); err != nil {
		return nil, err
	}
	token = strings.TrimSpace(token)
	if token == "" && s.reauth == nil && !s.noToken {
		return nil, Invalid(v.Name, "token", "must not be empty")
	}
	if strings.ContainsAny(token, "\r\n") {
		return nil, Invalid(v.Name, "token", "must be one line")
	}
	if v.RetryStatus == nil {
		v.RetryStatus = DefaultRetryStatus
	}
	ua := "recruitkit-go/" + Version
	if s.userAgent != "" {
		ua += " " + s.userAgent
	}
	c := &Client{
		vendor:     v,
		base:       strings.TrimSuffix(s.baseURL, "/"),
		hc:         withSafeRedirects(s.httpClient),
		maxRetries: s.maxRetries,
		minWait:    s.minWait,
		maxWait:    s.maxWait,
		userAgent:  []string{ua},
		logger:     s.logger,
		maxBody:    s.maxBodyBytes,
		scheme:     s.authScheme,
		reauth:     s.reauth,
		login:      make(chan struct{}, 1),
	}
	if s.timeout > 0 {
		c.timeout = &timeoutError{s.timeout}
	}
	if s.pacing != nil {
		// Pacing wraps the transport, so that every attempt, retries and
		// followed redirects included, waits for its turn.
		c.pacer = newPacer(*s.pacing)
		c.hc.Transport = &pacedTransport{next: c.hc.Transport, p: c.pacer}
	}
	c.setToken(token, 0)
	return c, nil
}

// withSafeRedirects copies hc with a redirect policy that follows only
// GET and HEAD: Go turns a redirected POST into a GET without its body,
// which would make a write look successful when it never happened. The
// unfollowed 3xx comes back to the caller as an *APIError.
func withSafeRedirects(hc *http.Client) *http.Client {
	cp := *hc
	user := hc.CheckRedirect
	cp.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if m := via[0].Method; m != http.MethodGet && m != http.MethodHead {
			return http.ErrUseLastResponse
		}
		if user != nil {
			return user(req, via)
		}
		if len(via) >= 10 {
			return errors.New("stopped after 10 redirects")
		}
		return nil
	}
	return &cp
}

func (c *Client) setToken(token string, gen uint64) {
	cred := &credential{token: token, gen: gen}
	if token != "" {
		cred.header = []string{c.scheme + " " + token}
	}
	c.auth.Store(cred)
}

// Vendor returns the vendor's name, as errors are prefixed with it.
func (c *Client) Vendor() string { return c.vendor.Name }

// String describes the client without its credential.
func (c *Client) String() string {
	return fmt.Sprintf("%s client (%s, Authorization: %s [REDACTED])", c.vendor.Name, c.base, c.scheme)
}

// GoString is String, so that %#v cannot print the token either.
func (c *Client) GoString() string { return c.String() }

// Format is String for every verb, so that no fmt verb prints the token.
func (c *Client) Format(f fmt.State, _ rune) { io.WriteString(f, c.String()) }

// Request is one API call as a vendor package describes it.
type Request struct {
	Method string
	// Path is the escaped path below the base URL, starting with "/".
	Path string
	// Query is sent as the URL's query string; see Values.
	Query url.Values
	// Body is sent as JSON: a []byte or json.RawMessage as it is, any
	// other value through encoding/json. Nil sends no body.
	Body any
	// Idempotent marks a POST or PATCH that the vendor documents as safe
	// to repeat, so it is retried like a GET. GET, HEAD, PUT, DELETE and
	// OPTIONS are idempotent whatever this says.
	Idempotent bool
	// Safe marks a POST that changes nothing the caller cares about (a
	// login, which only issues a token): it is retried like a GET, and its
	// errors say nothing of a write.
	Safe bool
	// IdempotencyKey is sent as the Idempotency-Key header, the same on
	// every attempt; the server promises to run the write once per key,
	// so the request is retried like a GET.
	IdempotencyKey string
	// Header holds the vendor's extra request headers; an Accept header
	// here replaces the default, application/json.
	Header http.Header
	// NoAuth sends no Authorization header (a login endpoint).
	NoAuth bool
	// Redact lists further secrets of this call (a password) to scrub
	// from error text, as the token always is.
	Redact []string
	// Call holds the caller's own options for this call: headers, query
	// parameters, timeout.
	Call CallOptions
}

// idempotent reports whether sending r twice has the effect of sending it
// once.
func (r *Request) idempotent() bool {
	switch r.Method {
	case http.MethodGet, http.MethodHead, http.MethodPut, http.MethodDelete, http.MethodOptions:
		return true
	}
	return r.Idempotent || r.Safe || r.IdempotencyKey != ""
}

// write reports whether r changes state on the server.
func (r *Request) write() bool { return IsWrite(r.Method) && !r.Safe }

// Do sends r and decodes a 2xx JSON answer into out: a pointer for
// encoding/json, or a BodyDecoder (see Checked); nil ignores the body.
// A non-2xx answer is an *APIError, an answer out cannot hold a
// *DecodeError, and a failure to get an answer a *TransportError.
func (c *Client) Do(ctx context.Context, r *Request, out any) (*Response, error) {
	start := time.Now()
	ctx, cancel := c.withTimeout(ctx, r)
	defer cancel()
	res, err := c.do(ctx, r, out)
	c.logCall(ctx, r, start, res, err)
	return res, err
}

func (c *Client) do(ctx context.Context, r *Request, out any) (*Response, error) {
	var buf *bytes.Buffer
	if out != nil {
		buf = getBuffer()
		defer putBuffer(buf)
	}
	// With a buffer, the body of a 2xx answer is read within the retry
	// policy, so an idempotent call whose answer breaks off is sent again.
	resp, attempts, err := c.exchange(ctx, r, buf)
	if err != nil {
		return nil, err
	}
	res := &Response{StatusCode: resp.StatusCode, Header: resp.Header, Attempts: attempts}
	if out == nil {
		drainAndClose(resp.Body)
		return res, nil
	}
	if buf.Len() == 0 {
		return nil, c.decodeError(r, resp, attempts, nil, out, nil)
	}
	if bd, ok := out.(BodyDecoder); ok {
		err = bd.DecodeBody(buf.Bytes())
	} else {
		err = json.Unmarshal(buf.Bytes(), out)
	}
	if err != nil {
		return nil, c.decodeError(r, resp, attempts, buf.Bytes(), out, err)
	}
	return res, nil
}

// Stream sends r and hands back a 2xx answer's body unread, for files and
// streamed formats, with the answer's description. The caller must close
// the body; the call's timeout runs until then, as http.Client.Timeout
// does. Errors are those of Do.
func (c *Client) Stream(ctx context.Context, r *Request) (*http.Response, *Response, error) {
	start := time.Now()
	ctx, cancel := c.withTimeout(ctx, r)
	resp, attempts, err := c.exchange(ctx, r, nil)
	var res *Response
	if err == nil {
		res = &Response{StatusCode: resp.StatusCode, Header: resp.Header, Attempts: attempts}
	}
	c.logCall(ctx, r, start, res, err)
	if err != nil {
		cancel()
		return nil, nil, err
	}
	resp.Body = &cancelOnClose{ReadCloser: resp.Body, cancel: cancel}
	return resp, res, nil
}

// cancelOnClose ends a streamed call's context when its body is closed.
type cancelOnClose struct {
	io.ReadCloser
	cancel context.CancelFunc
}

func (b *cancelOnClose) Close() error {
	err := b.ReadCloser.Close()
	b.cancel()
	return err
}

// timeoutError is the cause of a call's context when the client's (or
// the call's) timeout ends it. It matches context.DeadlineExceeded.
type timeoutError struct{ after time.Duration }

func (e *timeoutError) Error() string {
	return "no answer within the call's timeout of " + e.after.String() + " (WithTimeout, WithRequestTimeout)"
}

func (e *timeoutError) Unwrap() error { return context.DeadlineExceeded }

// withTimeout bounds ctx by the call's timeout, or else the client's.
func (c *Client) withTimeout(ctx context.Context, r *Request) (context.Context, context.CancelFunc) {
	cause := c.timeout
	if r.Call.HasTimeout {
		cause = nil
		if r.Call.Timeout > 0 {
			cause = &timeoutError{r.Call.Timeout}
		}
	}
	if cause == nil {
		return ctx, func() {}
	}
	return context.WithTimeoutCause(ctx, cause.after, cause)
}

// BodyDecoder is an answer that decodes the body itself, for a shape
// encoding/json cannot take in one pass, or to look at the body once
// decoded. body is the client's buffer: DecodeBody must not keep it.
type BodyDecoder interface {
	DecodeBody(body []byte) error
	// DecodeTarget is the value being decoded, named in a *DecodeError.
	DecodeTarget() any
}

// Checked is an answer decoded into v by encoding/json and then handed to
// check with the body it came from (a copy check may keep): to refuse a
// shape encoding/json accepts (a page without its items) and to keep the
// value's raw JSON. Doing both here rather than in an UnmarshalJSON keeps
// the body to one decoding pass (encoding/json scans a value with its own
// UnmarshalJSON twice) and keeps the hook off the public type. A nil
// check only decodes.
func Checked(v any, check func(body json.RawMessage) error) BodyDecoder {
	return checked{v, check}
}

type checked struct {
	v     any
	check func(json.RawMessage) error
}

func (c checked) DecodeTarget() any { return c.v }

func (c checked) DecodeBody(body []byte) error {
	if err := json.Unmarshal(body, c.v); err != nil {
		return err
	}
	if c.check == nil {
		return nil
	}
	return c.check(bytes.Clone(body))
}

// exchange sends r under the retry policy, logging in again once if the
// token turned out to be expired, and returns a 2xx response, or an
// error. With buf, the 2xx body is read into it (and closed); without,
// it is left unread. attempts counts every request sent, the ones before
// a login included.
func (c *Client) exchange(ctx context.Context, r *Request, buf *bytes.Buffer) (resp *http.Response, attempts int, err error) {
	body, err := encodeBody(r.Body)
	if err != nil {
		return nil, 0, Invalidf(c.vendor.Name, "body", "cannot be encoded as JSON: %v", err)
	}
	target := c.base + r.Path
	if q := mergeQuery(r.Query, r.Call.Query); len(q) > 0 {
		target += "?" + q.Encode()
	}
	if c.pacer != nil {
		ctx = c.pacer.bind(ctx, r)
	}
	relogged := false
	for {
		cred, err := c.credential(ctx, r)
		if err != nil {
			return nil, attempts, err
		}
		out := c.send(ctx, r, target, body, cred, buf)
		attempts += out.attempts
		if out.err != nil {
			return nil, attempts, c.transportError(ctx, r, out, attempts)
		}
		resp := out.resp
		if resp.StatusCode >= 200 && resp.StatusCode < 300 {
			return resp, attempts, nil
		}
		apiErr := c.apiError(r, resp, attempts, out.ambiguous)
		if c.reauth != nil && !r.NoAuth && !relogged && c.reauth.Expired(apiErr) {
			// The server refused the token, so it did not act on the
			// request: sending it again after a login is safe.
			relogged = true
			if err := c.relogin(ctx, cred.gen); err != nil {
				return nil, attempts, err
			}
			continue
		}
		return nil, attempts, apiErr
	}
}

// mergeQuery adds a caller's extra parameters to the call's own, without
// changing either.
func mergeQuery(own, extra url.Values) url.Values {
	if len(extra) == 0 {
		return own
	}
	q := make(url.Values, len(own)+len(extra))
	for k, v := range own {
		q[k] = v
	}
	for k, v := range extra {
		q[k] = append(q[k][:len(q[k]):len(q[k])], v...)
	}
	return q
}

// credential returns the token to send, logging in first if a Reauth
// client has none yet.
func (c *Client) credential(ctx context.Context, r *Request) (*credential, error) {
	cred := c.auth.Load()
	if cred.token != "" || r.NoAuth || c.reauth == nil {
		return cred, nil
	}
	if err := c.relogin(ctx, cred.gen); err != nil {
		return nil, err
	}
	return c.auth.Load(), nil
}

// relogin replaces the token of generation gen with a fresh one. When
// several calls find the same token expired, the first logs in and the
// others use its token. A failed login returns the login's own error.
func (c *Client) relogin(ctx context.Context, gen uint64) error {
	select {
	case c.login <- struct{}{}:
	case <-ctx.Done():
		return fmt.Errorf("%s: not sent: the call ended while it waited for another call's login: %w", c.vendor.Name, ctx.Err())
	}
	defer func() { <-c.login }()
	if c.auth.Load().gen != gen {
		return nil
	}
	token, err := c.reauth.Login(ctx)
	if err != nil {
		return err
	}
	if token == "" {
		return fmt.Errorf("%s: logging in again: the server returned an empty token", c.vendor.Name)
	}
	c.setToken(token, gen+1)
	return nil
}

// sent is what the attempts of one request came to.
type sent struct {
	resp     *http.Response // the last answer; with err, one whose body could not be read, or nil
	err      error          // no (readable) answer
	hreq     *http.Request
	attempts int
	// ambiguous: some attempt may have reached the server without the
	// client learning whether it took effect.
	ambiguous bool
}

// send makes the attempts of one request under the retry policy.
func (c *Client) send(ctx context.Context, r *Request, target string, body []byte, cred *credential, buf *bytes.Buffer) sent {
	hreq, err := http.NewRequestWithContext(ctx, r.Method, target, nil)
	if err != nil {
		return sent{err: err}
	}
	h := hreq.Header
	for k, v := range r.Header {
		h[k] = v
	}
	for k, v := range r.Call.Header {
		h[k] = append(h[k][:len(h[k]):len(h[k])], v...)
	}
	if _, own := r.Header["Accept"]; !own {
		// JSON, unless the request asks for something else (a file).
		h["Accept"] = jsonMediaType
	}
	h["User-Agent"] = c.userAgent
	if !r.NoAuth && cred.header != nil {
		h["Authorization"] = cred.header
	}
	if r.IdempotencyKey != "" {
		h.Set("Idempotency-Key", r.IdempotencyKey)
	}
	cs := calls.Get().(*callState)
	defer cs.release()
	cs.policy = policy{c: c, ctx: ctx, method: r.Method, path: r.Path, idempotent: r.idempotent()}
	cs.req = retryablehttp.Request{Request: hreq}
	if body != nil {
		h["Content-Type"] = jsonMediaType
		if err := cs.req.SetBody(body); err != nil {
			return sent{err: err, hreq: hreq}
		}
	}
	if buf != nil {
		cs.buf = buf
		cs.req.SetResponseHandler(cs.onResponse)
	}
	cs.rc.HTTPClient = c.hc
	cs.rc.RetryMax = c.maxRetries
	resp, err := cs.rc.Do(&cs.req)
	cs.flushLog()
	if cs.attempts > 0 && turnPastDeadline(err) {
		// A retry whose turn came after the deadline, though it was in
		// time when checkRetry chose to make it (callers queued ahead
		// meanwhile): the caller gets the last answer, as when the retry
		// is not made. Its body is gone, read before the retry.
		resp, err = cs.logResp, cs.logErr
	}
	out := sent{hreq: hreq, attempts: cs.attempts, ambiguous: cs.ambiguous}
	if err != nil {
		if resp != nil {
			// An answer came but its body failed to read (the response
			// handler's error); the body is closed already.
			out.resp = resp
		}
		out.err = err
		return out
	}
	if resp.Request == nil { // a mocked transport may leave it out
		resp.Request = hreq
	}
	out.resp = resp
	return out
}

// callState is what one call needs across its attempts: the retry
// policy, the go-retryablehttp client that applies it, and where a 2xx
// body is read to. Calls take it from a pool because building it anew
// (the client, the policy, the four callbacks bound to them, the request
// wrapper and the body's limit reader) cost eight allocations before
// every request could be sent.
type callState struct {
	policy
	rc         retryablehttp.Client // used through this pointer only: it holds sync.Onces
	req        retryablehttp.Request
	buf        *bytes.Buffer // a 2xx body is read into it; nil leaves the body unread
	limit      io.LimitedReader
	onResponse retryablehttp.ResponseHandlerFunc
}

var calls = sync.Pool{New: func() any {
	cs := new(callState)
	// The callbacks are bound once, to this callState's own fields.
	cs.rc.CheckRetry = cs.checkRetry
	cs.rc.Backoff = cs.backoff
	cs.rc.RequestLogHook = cs.attemptStarts
	cs.rc.ErrorHandler = retryablehttp.PassthroughErrorHandler
	cs.onResponse = cs.readResponse
	return cs
}}

// readResponse is the response handler: it reads a 2xx body within the
// retry policy, so that an idempotent call whose answer breaks off is
// sent again.
func (cs *callState) readResponse(resp *http.Response) error {
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil // an error answer's body is read by apiError
	}
	cs.buf.Reset()
	return readBody(resp, cs.buf, &cs.limit, cs.c.maxBody)
}

// release forgets the call, so the pool holds no request, client or
// buffer of it, and returns cs to the pool.
func (cs *callState) release() {
	cs.policy = policy{}
	cs.req = retryablehttp.Request{}
	cs.buf = nil
	cs.limit = io.LimitedReader{}
	cs.rc.HTTPClient = nil
	calls.Put(cs)
}

// jsonMediaType is shared by every request's Accept and Content-Type
// headers; net/http only reads header values, never changes them.
var jsonMediaType = []string{"application/json"}

func encodeBody(v any) ([]byte, error) {
	switch b := v.(type) {
	case nil:
		return nil, nil
	case []byte:
		return b, nil
	case json.RawMessage:
		return b, nil
	}
	return json.Marshal(v)
}

// writeMatches are the sentinels the failure of a write means: the
// server took it (a 2xx came), or may have.
func writeMatches(r *Request, status int, ambiguous bool) []error {
	switch {
	case !r.write():
		return nil
	case status >= 200 && status < 300:
		return []error{ErrWriteAccepted}
	case ambiguous:
		return []error{ErrOutcomeUnknown}
	}
	return nil
}

// transportError wraps a failure to get an answer. A *url.Error is
// unwrapped because its text carries the full URL, query included; a
// deadline the client's timeout set says so.
func (c *Client) transportError(ctx context.Context, r *Request, out sent, attempts int) error {
	err := out.err
	var uerr *url.Error
	if errors.As(err, &uerr) {
		err = uerr.Err
	}
	if pe := (*paceError)(nil); errors.As(err, &pe) {
		pe.sent = attempts // the error says whether any attempt left
	}
	if errors.Is(err, context.DeadlineExceeded) {
		var te *timeoutError
		if cause := context.Cause(ctx); errors.As(cause, &te) {
			err = te
		}
	}
	e := &TransportError{Vendor: c.vendor.Name, Method: r.Method, URL: publicURL(out.hreq), Attempts: attempts, Err: err}
	if out.resp != nil {
		e.StatusCode = out.resp.StatusCode
	}
	e.Matches = writeMatches(r, e.StatusCode, out.ambiguous)
	return e
}

// apiError reads a non-2xx answer into an *APIError and closes its body.
func (c *Client) apiError(r *Request, resp *http.Response, attempts int, ambiguous bool) *APIError {
	now := time.Now()
	secrets := c.secrets(r)
	e := &APIError{
		Vendor:     c.vendor.Name,
		Method:     r.Method,
		URL:        publicURL(resp.Request),
		StatusCode: resp.StatusCode,
		Header:     redactHeader(resp.Header, secrets),
		RetryAfter: serverWait(resp, now),
		RateLimit:  ParseRateLimit(resp.Header, now),
		Attempts:   attempts,
	}
	buf := getBuffer()
	defer putBuffer(buf)
	// A body cut at the cap, or broken off, is still worth showing. It is
	// read a secret's length past the cap, so that a secret straddling the
	// cap is removed whole before the body is cut.
	var limit io.LimitedReader
	cut := readBody(resp, buf, &limit, MaxErrorBody+int64(longest(secrets))) != nil
	if buf.Len() > 0 {
		e.Body = redactHead(buf.Bytes(), MaxErrorBody, cut, secrets)
		if c.vendor.ParseError != nil {
			c.vendor.ParseError(e)
		}
	}
	if c.vendor.Classify != nil {
		e.Matches = c.vendor.Classify(e)
	}
	e.Matches = append(e.Matches, writeMatches(r, e.StatusCode, ambiguous)...)
	if e.Message == "" && e.StatusCode >= 300 && e.StatusCode < 400 {
		e.Message = "redirect to " + e.Header.Get("Location") + " not followed"
	}
	return e
}

// decodeError describes a 2xx body that out cannot hold.
func (c *Client) decodeError(r *Request, resp *http.Response, attempts int, body []byte, out any, err error) error {
	secrets := c.secrets(r)
	head := body[:min(len(body), maxSnippet+longest(secrets))]
	return c.newDecodeError(r, resp, attempts, expected(out), head, len(head) < len(body), secrets, err)
}

// StreamDecodeError is the *DecodeError of a 2xx answer that Stream
// handed over and the caller refused unread (a file of the wrong content
// type, say): it quotes the start of the body, without a secret, and
// closes the body. expected names what the call wanted, e.g.
// "application/pdf".
func (c *Client) StreamDecodeError(r *Request, resp *http.Response, attempts int, expected string, err error) error {
	defer resp.Body.Close()
	secrets := c.secrets(r)
	limit := maxSnippet + longest(secrets)
	// One byte more than is kept tells whether the body went on.
	head, rerr := io.ReadAll(io.LimitReader(resp.Body, int64(limit)+1))
	more := rerr != nil || len(head) > limit
	return c.newDecodeError(r, resp, attempts, expected, head[:min(len(head), limit)], more, secrets, err)
}

// newDecodeError builds a *DecodeError from the head of a body (see
// redactHead).
func (c *Client) newDecodeError(r *Request, resp *http.Response, attempts int, expected string, head []byte, more bool, secrets []string, err error) *DecodeError {
	header := redactHeader(resp.Header, secrets)
	return &DecodeError{
		Vendor:      c.vendor.Name,
		Method:      r.Method,
		URL:         publicURL(resp.Request),
		StatusCode:  resp.StatusCode,
		ContentType: header.Get("Content-Type"),
		Expected:    expected,
		Snippet:     string(redactHead(head, maxSnippet, more, secrets)),
		Err:         err,
		Header:      header,
		Attempts:    attempts,
		Matches:     writeMatches(r, resp.StatusCode, false),
	}
}

// expected names the type an answer was decoded into.
func expected(out any) string {
	if bd, ok := out.(BodyDecoder); ok {
		out = bd.DecodeTarget()
	}
	return fmt.Sprintf("%T", out)
}

// secrets are what must not appear in an error of r: the token and the
// call's own secrets.
func (c *Client) secrets(r *Request) []string {
	return withEscaped(append([]string{c.auth.Load().token}, r.Redact...))
}

// redactLog removes the client's token from a log line's text.
func (c *Client) redactLog(s string) string {
	return string(redact([]byte(s), withEscaped([]string{c.auth.Load().token})))
}

// publicURL is the request URL without query, fragment or user info.
func publicURL(req *http.Request) string {
	if req == nil || req.URL == nil {
		return ""
	}
	u := *req.URL
	u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment, u.User = "", false, "", "", nil
	return u.String()
}

// readBody reads at most limit bytes of resp's body into buf and closes
// it; a longer body is ErrResponseTooLarge. lr is the caller's, so that
// reading allocates no reader.
func readBody(resp *http.Response, buf *bytes.Buffer, lr *io.LimitedReader, limit int64) error {
	defer resp.Body.Close()
	if resp.ContentLength > limit {
		return fmt.Errorf("%w: Content-Length %d exceeds the %d-byte limit", ErrResponseTooLarge, resp.ContentLength, limit)
	}
	if resp.ContentLength > 0 {
		buf.Grow(int(resp.ContentLength))
	}
	*lr = io.LimitedReader{R: resp.Body, N: limit + 1}
	n, err := buf.ReadFrom(lr)
	lr.R = nil
	if err != nil {
		return err
	}
	if n > limit {
		buf.Truncate(int(limit))
		return fmt.Errorf("%w: more than %d bytes", ErrResponseTooLarge, limit)
	}
	return nil
}

// drainAndClose reads what is left of a small body so that the connection
// can be reused, then closes it.
func drainAndClose(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 64<<10))
	body.Close()
}

var bufferPool = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func getBuffer() *bytes.Buffer { return bufferPool.Get().(*bytes.Buffer) }

// putBuffer keeps buffers of ordinary size for reuse; a huge one is left
// to the garbage collector rather than pinned in the pool.
func putBuffer(b *bytes.Buffer) {
	if b.Cap() > 1<<20 {
		return
	}
	b.Reset()
	bufferPool.Put(b)
}
