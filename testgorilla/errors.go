package testgorilla

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// APIError is an error answer from the API. Code and Fields come from
// TestGorilla's {"errors": [{"field", "error_key"}]} shape, Message from
// {"detail": "..."}. It is the same type in every recruitkit-go package,
// so errors.As finds it whichever returned it.
type APIError = rest.APIError

// FieldError is one {"field", "error_key"} of an APIError.
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
	ErrNotFound           = rest.ErrNotFound           // 404: unknown id, or a deleted candidature
	ErrUnauthorized       = rest.ErrUnauthorized       // 401, 403: a wrong or expired token
	ErrRateLimited        = rest.ErrRateLimited        // 429: over the per-minute limit
	ErrConflict           = rest.ErrConflict           // 409
	ErrInvalidParams      = rest.ErrInvalidParams      // a *ValidationError
	ErrUnexpectedResponse = rest.ErrUnexpectedResponse // a *DecodeError

	// ErrAlreadyInvited matches an invitation refused with
	// REPEATING_INVITATION: the candidate is already invited.
	ErrAlreadyInvited = errors.New("testgorilla: candidate already invited")
	// ErrBadEmail matches an invitation refused with BAD_EMAIL or
	// BAD_EMAIL_IPSCORE.
	ErrBadEmail = errors.New("testgorilla: email refused")
)

// Error keys TestGorilla is known to send in {"errors": [...]}.
const (
	KeyRepeatingInvitation = "REPEATING_INVITATION"
	KeyBadEmail            = "BAD_EMAIL"
	KeyBadEmailIPScore     = "BAD_EMAIL_IPSCORE"
)

// parseError reads both documented error shapes: DRF's {"detail": ...}
// (and per-field lists), and {"errors": [{"field", "error_key"}]}.
func parseError(e *APIError) {
	var body struct {
		Errors []struct {
			Field    string `json:"field"`
			ErrorKey string `json:"error_key"`
			Message  string `json:"message"`
		} `json:"errors"`
	}
	if json.Unmarshal(e.Body, &body) == nil && len(body.Errors) > 0 {
		var keys []string
		for _, f := range body.Errors {
			e.Fields = append(e.Fields, FieldError{Field: f.Field, Code: f.ErrorKey, Message: f.Message})
			keys = append(keys, f.ErrorKey)
		}
		e.Code = strings.Join(keys, ",")
		return
	}
	rest.ParseDRF(e)
}

func classify(e *APIError) []error {
	var out []error
	if e.HasFieldCode(KeyRepeatingInvitation) {
		out = append(out, ErrAlreadyInvited)
	}
	if e.HasFieldCode(KeyBadEmail) || e.HasFieldCode(KeyBadEmailIPScore) {
		out = append(out, ErrBadEmail)
	}
	return out
}

func invalid(field, problem string) error { return rest.Invalid(vendor.Name, field, problem) }
