package rest

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Sentinels for errors.Is. An *APIError matches the one its status code
// means; a *ValidationError matches ErrInvalidParams.
var (
	// ErrNotFound matches a 404 answer.
	ErrNotFound = errors.New("not found")
	// ErrUnauthorized matches a 401 or 403 answer: a wrong, expired or
	// underprivileged token.
	ErrUnauthorized = errors.New("unauthorized")
	// ErrRateLimited matches a 429 answer, including one whose wait was
	// too long to take (see APIError.RetryAfter).
	ErrRateLimited = errors.New("rate limited")
	// ErrConflict matches a 409 answer.
	ErrConflict = errors.New("conflict")
	// ErrInvalidParams matches a *ValidationError: the call was refused
	// before any request was sent.
	ErrInvalidParams = errors.New("invalid params")
	// ErrUnexpectedResponse matches a *DecodeError: a successful answer
	// whose body was not the documented shape.
	ErrUnexpectedResponse = errors.New("unexpected response")
	// ErrResponseTooLarge is wrapped when a response body exceeds the
	// client's body cap (see WithMaxBodyBytes).
	ErrResponseTooLarge = errors.New("response body too large")
	// ErrWriteAccepted matches the error of a write whose answer was a
	// success (2xx) that could not be read or decoded: the server did the
	// write, so it must not be sent again.
	ErrWriteAccepted = errors.New("the server accepted the write")
	// ErrOutcomeUnknown matches the error of a write that may have reached
	// the server without the client learning what became of it: the
	// connection broke after sending, the deadline passed, or the server
	// answered 5xx. It may or may not have taken effect.
	ErrOutcomeUnknown = errors.New("outcome unknown: the server may have acted on the request")
)

// IsWrite reports whether a request with this method changes state on
// the server: anything but GET, HEAD and OPTIONS.
func IsWrite(method string) bool {
	switch method {
	case http.MethodGet, http.MethodHead, http.MethodOptions:
		return false
	}
	return true
}

// StatusIs reports whether an answer's status means target: ErrNotFound
// (404), ErrUnauthorized (401, 403), ErrRateLimited (429), ErrConflict
// (409).
func StatusIs(status int, target error) bool {
	switch target {
	case ErrNotFound:
		return status == http.StatusNotFound
	case ErrUnauthorized:
		return status == http.StatusUnauthorized || status == http.StatusForbidden
	case ErrRateLimited:
		return status == http.StatusTooManyRequests
	case ErrConflict:
		return status == http.StatusConflict
	}
	return false
}

// FieldError is one per-field problem the vendor reported.
type FieldError struct {
	Field   string // the request field, as the vendor names it
	Code    string // a machine-readable key such as "REPEATING_INVITATION", if any
	Message string // human-readable text, if any
}

// String formats the problem as "field: message (code)", leaving out what
// the vendor did not say.
func (f FieldError) String() string {
	var b strings.Builder
	if f.Field != "" {
		b.WriteString(f.Field)
	}
	text := f.Message
	if text == "" {
		text = f.Code
	}
	if text != "" {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(text)
		if f.Message != "" && f.Code != "" {
			b.WriteString(" (" + f.Code + ")")
		}
	}
	return b.String()
}

// APIError is a non-2xx answer from a vendor API, as the core builds it.
// Each vendor package turns it into its own public APIError type.
type APIError struct {
	Vendor     string // "testgorilla", "truto", "trustcruit"
	Method     string
	URL        string // scheme, host and path: never the query or a credential
	StatusCode int
	Code       string       // the vendor's machine-readable error code, if it gave one
	Message    string       // the vendor's human-readable message, if it gave one
	Fields     []FieldError // per-field problems, if the vendor gave them
	Body       []byte       // the raw body, capped at MaxErrorBody bytes, credentials removed
	Header     http.Header  // the response headers (rate-limit counters and the like)
	// RetryAfter is how long the server asked us to wait (Retry-After or a
	// rate-limit reset header), zero if it did not say. When a wait was too
	// long to take within the context deadline or the retry policy's
	// maximum wait, the call returns at once and this tells the caller when
	// trying again makes sense.
	RetryAfter time.Duration
	// RateLimit is what the answer's rate-limit headers say.
	RateLimit RateLimit
	// Attempts is how many times the request was sent.
	Attempts int

	// Matches are the sentinels besides the status's that the answer
	// means: the vendor's (Vendor.Classify) and ErrOutcomeUnknown.
	Matches []error
}

// MaxErrorBody is how much of an error response's body APIError.Body keeps.
const MaxErrorBody = 64 << 10

// Error reads like
// "testgorilla: PATCH /api/assessments/candidature/7/change_stage/: 400 Bad Request: stage: invalid".
func (e *APIError) Error() string {
	var b strings.Builder
	b.WriteString(e.Vendor)
	b.WriteString(": ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(pathOf(e.URL))
	b.WriteString(": ")
	b.WriteString(strconv.Itoa(e.StatusCode))
	if text := http.StatusText(e.StatusCode); text != "" {
		b.WriteByte(' ')
		b.WriteString(text)
	}
	if e.Code != "" && e.Code != e.Message {
		b.WriteString(": ")
		b.WriteString(e.Code)
	}
	if e.Message != "" {
		b.WriteString(": ")
		b.WriteString(e.Message)
	}
	for _, f := range e.Fields {
		if s := f.String(); s != "" && s != e.Message {
			b.WriteString("; ")
			b.WriteString(s)
		}
	}
	if e.RetryAfter > 0 {
		b.WriteString(" (retry after ")
		b.WriteString(e.RetryAfter.String())
		b.WriteByte(')')
	}
	if slices.Contains(e.Matches, ErrOutcomeUnknown) {
		b.WriteString(" (outcome unknown: the server may have acted on the request)")
	}
	return b.String()
}

// Is reports whether the status code means target (see StatusIs), or
// whether target is one of the answer's Matches.
func (e *APIError) Is(target error) bool {
	return StatusIs(e.StatusCode, target) || slices.Contains(e.Matches, target)
}

// HasFieldCode reports whether the vendor flagged any field with code.
func (e *APIError) HasFieldCode(code string) bool {
	for _, f := range e.Fields {
		if f.Code == code {
			return true
		}
	}
	return false
}

// pathOf cuts an absolute URL down to its path for error text.
func pathOf(u string) string {
	if i := strings.Index(u, "://"); i >= 0 {
		rest := u[i+3:]
		if j := strings.IndexByte(rest, '/'); j >= 0 {
			return rest[j:]
		}
		return "/"
	}
	return u
}

// ValidationError is bad input to a call, found before any request was
// sent. errors.Is(err, ErrInvalidParams) is true for it.
type ValidationError struct {
	Vendor  string // the package that refused the input
	Field   string // the parameter, as the Go API names it
	Problem string // what is wrong with it
}

// Invalid returns a *ValidationError.
func Invalid(vendor, field, problem string) *ValidationError {
	return &ValidationError{Vendor: vendor, Field: field, Problem: problem}
}

// Invalidf returns a *ValidationError whose problem is formatted.
func Invalidf(vendor, field, format string, args ...any) *ValidationError {
	return Invalid(vendor, field, fmt.Sprintf(format, args...))
}

// Error reads like "truto: invalid IntegratedAccountID: must not be empty".
func (e *ValidationError) Error() string {
	prefix := ""
	if e.Vendor != "" {
		prefix = e.Vendor + ": "
	}
	return prefix + "invalid " + e.Field + ": " + e.Problem
}

// Is makes errors.Is(err, ErrInvalidParams) true.
func (e *ValidationError) Is(target error) bool { return target == ErrInvalidParams }

// DecodeError is a successful (2xx) answer whose body is not the shape the
// vendor documents. It says what was expected and shows what came.
// errors.Is(err, ErrUnexpectedResponse) is true for it, and
// errors.Is(err, ErrWriteAccepted) for the answer to a write.
type DecodeError struct {
	Vendor      string
	Method      string
	URL         string // scheme, host and path
	StatusCode  int
	ContentType string
	Expected    string // what the call expected, e.g. "*testgorilla.Candidature"
	Snippet     string // the start of what came, credentials removed
	Err         error  // the underlying decoding error
	Header      http.Header
	Attempts    int
	Matches     []error // ErrWriteAccepted for a write
}

// maxSnippet is how much of an unexpected body DecodeError quotes.
const maxSnippet = 256

// Error reads like
// `trustcruit: GET /shinyform/api/answers/stats/: 200 OK: expected *trustcruit.Stats, got text/html "<html>...": invalid character '<'`.
func (e *DecodeError) Error() string {
	got := "an empty body"
	if e.Snippet != "" {
		got = strconv.Quote(e.Snippet)
		if e.ContentType != "" {
			got = e.ContentType + " " + got
		}
	}
	accepted := ""
	if slices.Contains(e.Matches, ErrWriteAccepted) {
		accepted = " (the server accepted the write: do not send it again)"
	}
	s := fmt.Sprintf("%s: %s %s: %d %s%s: expected %s, got %s",
		e.Vendor, e.Method, pathOf(e.URL), e.StatusCode, http.StatusText(e.StatusCode), accepted, e.Expected, got)
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Unwrap returns the underlying decoding error.
func (e *DecodeError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnexpectedResponse) true, and matches the
// error's Matches.
func (e *DecodeError) Is(target error) bool {
	return target == ErrUnexpectedResponse || slices.Contains(e.Matches, target)
}

// TransportError is a call that got no usable HTTP answer: the connection
// failed, the context ended, or the body could not be read. It unwraps to
// the cause, so errors.Is(err, context.DeadlineExceeded) and
// errors.As(err, new(*net.OpError)) work.
type TransportError struct {
	Vendor   string
	Method   string
	URL      string // scheme, host and path
	Attempts int    // how many times the request was sent or tried
	// StatusCode is the status of an answer whose body could not be read;
	// 0 when no answer came.
	StatusCode int
	Err        error
	// Matches are ErrOutcomeUnknown for a write that may have reached the
	// server, ErrWriteAccepted for one whose 2xx answer broke off.
	Matches []error
}

// Error reads like "truto: GET /unified/ats/candidates: dial tcp 127.0.0.1:1: connect: connection refused".
func (e *TransportError) Error() string {
	s := e.Vendor + ": " + e.Method + " " + pathOf(e.URL) + ": "
	if e.StatusCode != 0 {
		s += strconv.Itoa(e.StatusCode) + " " + http.StatusText(e.StatusCode) + ", then reading the answer: "
	}
	s += e.Err.Error()
	switch {
	case slices.Contains(e.Matches, ErrWriteAccepted):
		s += " (the server accepted the write: do not send it again)"
	case slices.Contains(e.Matches, ErrOutcomeUnknown):
		s += " (outcome unknown: the request may have reached the server and taken effect)"
	}
	return s
}

// Unwrap returns the cause.
func (e *TransportError) Unwrap() error { return e.Err }

// Is matches the error's Matches.
func (e *TransportError) Is(target error) bool { return slices.Contains(e.Matches, target) }
