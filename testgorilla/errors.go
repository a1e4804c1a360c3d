package testgorilla

import (
	"encoding/json"
	"errors"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// The sentinels of TestGorilla's own error keys, for errors.Is.
var (
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
func parseError(e *rest.APIError) {
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
			e.Fields = append(e.Fields, rest.FieldError{Field: f.Field, Code: f.ErrorKey, Message: f.Message})
			keys = append(keys, f.ErrorKey)
		}
		e.Code = strings.Join(keys, ",")
		return
	}
	rest.ParseDRF(e)
}

func classify(e *rest.APIError) []error {
	var out []error
	if e.HasFieldCode(KeyRepeatingInvitation) {
		out = append(out, ErrAlreadyInvited)
	}
	if e.HasFieldCode(KeyBadEmail) || e.HasFieldCode(KeyBadEmailIPScore) {
		out = append(out, ErrBadEmail)
	}
	return out
}
