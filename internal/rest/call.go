package rest

import (
	"errors"
	"net/http"
	"net/textproto"
	"net/url"
	"strings"
	"time"
)

// CallOptions are the settings a caller gives one call (the vendor
// packages' RequestOptions), checked as they are set so that a bad one
// is a *ValidationError before anything is sent.
type CallOptions struct {
	// Header holds extra request headers.
	Header http.Header
	// Query holds extra query parameters, added after the call's own.
	Query url.Values
	// Timeout replaces the client's timeout for this call when
	// HasTimeout; 0 means none.
	Timeout    time.Duration
	HasTimeout bool
	// IdempotencyKey is the caller's key for a write, where the vendor
	// honours one.
	IdempotencyKey string
}

// reservedHeaders are set by the client itself: a caller's value would
// either leak past redaction (Authorization) or change how the call may
// be retried (Idempotency-Key, which also makes Go's transport replay a
// request on its own).
var reservedHeaders = map[string]string{
	"Authorization":   "the client sends the token it was made with: make a client per token",
	"Idempotency-Key": "set it with WithIdempotencyKey, where the vendor honours one",
	"Content-Length":  "the client computes it",
	"Host":            "the client sends the base URL's host",
}

// SetHeader adds a request header.
func (o *CallOptions) SetHeader(key, value string) error {
	canonical := textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(key))
	switch {
	case canonical == "" || strings.ContainsAny(canonical, " \t\r\n:"):
		return Invalidf("", "WithHeader", "%q is not a header name", key)
	case strings.ContainsAny(value, "\r\n"):
		return Invalidf("", "WithHeader", "the value of %s must be one line", canonical)
	}
	if why, ok := reservedHeaders[canonical]; ok {
		return Invalidf("", "WithHeader", "%s: %s", canonical, why)
	}
	if o.Header == nil {
		o.Header = http.Header{}
	}
	o.Header.Add(canonical, value)
	return nil
}

// AddQuery adds a query parameter.
func (o *CallOptions) AddQuery(key, value string) error {
	if key == "" {
		return Invalid("", "WithQuery", "an empty parameter name")
	}
	if o.Query == nil {
		o.Query = url.Values{}
	}
	o.Query.Add(key, value)
	return nil
}

// SetTimeout sets the call's timeout; 0 means none.
func (o *CallOptions) SetTimeout(d time.Duration) error {
	if d < 0 {
		return Invalidf("", "WithRequestTimeout", "%v is negative", d)
	}
	o.Timeout, o.HasTimeout = d, true
	return nil
}

// SetIdempotencyKey sets the caller's idempotency key.
func (o *CallOptions) SetIdempotencyKey(key string) error {
	if strings.TrimSpace(key) == "" || strings.ContainsAny(key, "\r\n") || len(key) > 255 {
		return Invalid("", "WithIdempotencyKey", "want a non-empty key of one line, at most 255 bytes")
	}
	o.IdempotencyKey = key
	return nil
}

// Apply runs a caller's options against cfg, in order, and names the
// vendor in the *ValidationError of the first that refuses. An error
// matching invalid (the vendor package's ErrInvalidParams: its own
// *ValidationError, which names the vendor and the option already) is
// returned as it is.
func Apply[C any, O ~func(*C) error](vendor string, invalid error, cfg *C, opts []O) error {
	for i, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(cfg); err != nil {
			if v, ok := err.(*ValidationError); ok {
				v.Vendor = vendor
				return v
			}
			if invalid != nil && errors.Is(err, invalid) {
				return err
			}
			return Invalidf(vendor, "option", "option %d: %v", i+1, err)
		}
	}
	return nil
}

// Response describes the answer a call got: on success, or on an error
// answer (an *APIError), and Attempts alone when no answer came.
type Response struct {
	StatusCode int
	Header     http.Header
	// Attempts is how many times the request was sent.
	Attempts  int
	RateLimit RateLimit
}

// ResponseOf describes the answer behind a call's result: res when the
// call succeeded, else what err says of the answer, if anything.
func ResponseOf(res *Response, err error) Response {
	if err == nil && res != nil {
		out := *res
		if !out.RateLimit.Known {
			out.RateLimit = ParseRateLimit(out.Header, time.Now())
		}
		return out
	}
	switch e := err.(type) {
	case *APIError:
		return Response{StatusCode: e.StatusCode, Header: e.Header, Attempts: e.Attempts, RateLimit: e.RateLimit}
	case *DecodeError:
		return Response{StatusCode: e.StatusCode, Header: e.Header, Attempts: e.Attempts, RateLimit: ParseRateLimit(e.Header, time.Now())}
	case *TransportError:
		return Response{StatusCode: e.StatusCode, Attempts: e.Attempts}
	}
	return Response{}
}
