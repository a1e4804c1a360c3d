package truto

import (
	"encoding/json"
	"errors"
	"sort"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// ErrRemote matches an *APIError that the ATS behind Truto returned
// (truto_is_remote_error); APIError.Details gives its raw response.
var ErrRemote = errors.New("truto: error from the remote API")

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

// Details reads the rest of Truto's error shape from the answer's body.
func (e *APIError) Details() ErrorDetails {
	var d ErrorDetails
	var body errorBody
	if json.Unmarshal(e.Body, &body) == nil {
		d.Remote, d.RawResponse, d.Insight = body.Remote, body.RawResponse, body.Insight
	}
	return d
}

func parseError(e *rest.APIError) {
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
			e.Fields = append(e.Fields, rest.FieldError{Code: kind, Message: in.Description})
		}
		for _, n := range names {
			e.Fields = append(e.Fields, rest.FieldError{Field: n, Code: kind, Message: in.Description})
		}
	}
}

func classify(e *rest.APIError) []error {
	var body struct {
		Remote bool `json:"truto_is_remote_error"`
	}
	if json.Unmarshal(e.Body, &body) == nil && body.Remote {
		return []error{ErrRemote}
	}
	return nil
}
