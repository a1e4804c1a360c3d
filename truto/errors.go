package truto

import (
	"encoding/json"
	"errors"
	"sort"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// APIError is an error answer from Truto: StatusCode, Code (Truto's
// "error", such as "Bad Request"), Message, and Fields from
// truto_error_insight (Code is the insight's kind, such as
// "missing_required_body_fields"). It is the same type in every
// recruitkit-go package, so errors.As finds it whichever returned it.
// ErrorDetailsOf reads the rest of Truto's error shape from it.
type APIError = rest.APIError

// FieldError is one problem of an APIError.
type FieldError = rest.FieldError

// ValidationError is bad input, refused before any request was sent.
type ValidationError = rest.ValidationError

// DecodeError is a successful answer whose body is not the documented
// shape.
type DecodeError = rest.DecodeError

// TransportError is a call that got no answer: the connection failed or
// the context ended.
type TransportError = rest.TransportError

// Sentinels for errors.Is.
var (
	ErrNotFound           = rest.ErrNotFound           // 404: unknown integrated account or record
	ErrUnauthorized       = rest.ErrUnauthorized       // 401, 403
	ErrRateLimited        = rest.ErrRateLimited        // 429
	ErrConflict           = rest.ErrConflict           // 409
	ErrInvalidParams      = rest.ErrInvalidParams      // a *ValidationError
	ErrUnexpectedResponse = rest.ErrUnexpectedResponse // a *DecodeError

	// ErrRemote matches an error the ATS behind Truto returned
	// (truto_is_remote_error); ErrorDetailsOf gives its raw response.
	ErrRemote = errors.New("truto: error from the remote API")
)

// ErrorDetails is the part of Truto's error shape beyond APIError's
// fields.
type ErrorDetails struct {
	// Remote is truto_is_remote_error: the ATS behind Truto refused.
	Remote bool
	// RawResponse is the ATS's own error body, when Remote.
	RawResponse json.RawMessage
	// Insight is truto_error_insight, by kind
	// ("missing_required_body_fields", "missing_scopes", ...).
	Insight map[string]Insight
	// RateLimit is what the answer's ratelimit-* headers said.
	RateLimit RateLimit
}

// Insight is one kind of truto_error_insight.
type Insight struct {
	Description string          `json:"description"`
	Value       json.RawMessage `json:"value"`
}

// errorBody is Truto's documented error shape.
type errorBody struct {
	StatusCode  int                `json:"statusCode"`
	Error       string             `json:"error"`
	Message     string             `json:"message"`
	Remote      bool               `json:"truto_is_remote_error"`
	RawResponse json.RawMessage    `json:"raw_response"`
	Insight     map[string]Insight `json:"truto_error_insight"`
}

// ErrorDetailsOf returns Truto's error details of err, if it is (or
// wraps) an *APIError.
func ErrorDetailsOf(err error) (*ErrorDetails, bool) {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return nil, false
	}
	d := &ErrorDetails{RateLimit: ParseRateLimit(apiErr.Header)}
	var body errorBody
	if json.Unmarshal(apiErr.Body, &body) == nil {
		d.Remote, d.RawResponse, d.Insight = body.Remote, body.RawResponse, body.Insight
	}
	return d, true
}

func parseError(e *APIError) {
	var body errorBody
	if json.Unmarshal(e.Body, &body) != nil {
		return
	}
	e.Code, e.Message = body.Error, body.Message
	kinds := make([]string, 0, len(body.Insight))
	for k := range body.Insight {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		in := body.Insight[kind]
		var names []string
		if json.Unmarshal(in.Value, &names) != nil {
			var one string
			if json.Unmarshal(in.Value, &one) == nil {
				names = []string{one}
			}
		}
		if len(names) == 0 {
			e.Fields = append(e.Fields, FieldError{Code: kind, Message: in.Description})
		}
		for _, n := range names {
			e.Fields = append(e.Fields, FieldError{Field: n, Code: kind, Message: in.Description})
		}
	}
}

func classify(e *APIError) []error {
	var body struct {
		Remote bool `json:"truto_is_remote_error"`
	}
	if json.Unmarshal(e.Body, &body) == nil && body.Remote {
		return []error{ErrRemote}
	}
	return nil
}
