package trustcruit

import "github.com/recruitkit/recruitkit-go/internal/rest"

// APIError is an error answer from the API: status, the DRF message
// ("detail") or per-field messages, and the raw body. It is the same type
// in every recruitkit-go package, so errors.As finds it whichever
// returned it.
type APIError = rest.APIError

// FieldError is one per-field problem of an APIError, such as
// {"candidate_email": ["Enter a valid email address."]}.
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
	ErrNotFound           = rest.ErrNotFound           // 404
	ErrUnauthorized       = rest.ErrUnauthorized       // 401, 403: a wrong token
	ErrRateLimited        = rest.ErrRateLimited        // 429
	ErrConflict           = rest.ErrConflict           // 409
	ErrInvalidParams      = rest.ErrInvalidParams      // a *ValidationError
	ErrUnexpectedResponse = rest.ErrUnexpectedResponse // a *DecodeError
)

func invalid(field, problem string) error { return rest.Invalid(vendor.Name, field, problem) }
