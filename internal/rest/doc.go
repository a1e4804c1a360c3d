// Package rest is the one HTTP core that every recruitkit-go vendor
// package sends its requests through.
//
// A vendor package describes its API once, in a Vendor (name, default
// host, auth scheme, error shape, which statuses its idempotent requests
// may be retried on), and sends each call as a Request. The core builds
// the URL, encodes the query (go-querystring) and the JSON body,
// authenticates, and sends it on go-retryablehttp under one retry policy:
//
//   - A request that never reached the server (refused connection, DNS or
//     TLS-handshake failure) is sent again, whatever its method.
//   - An idempotent request (GET, HEAD, PUT, DELETE, OPTIONS, or one the
//     vendor marks, or one carrying an Idempotency-Key) is also retried on
//     other transport errors and on the vendor's retryable statuses.
//   - A non-idempotent POST is retried only on 429, which the server
//     answers without acting: it is never delivered twice because we
//     retried.
//   - Waits are exponential with full jitter between the minimum and
//     maximum wait, unless the server says how long (Retry-After in
//     seconds or as a date; on a 429 also X-RateLimit-Reset and
//     RateLimit-Reset). A wait that would pass the context deadline or
//     the maximum wait is not taken: the call returns the last answer's
//     *APIError at once, with RetryAfter set.
//   - When retries run out the caller gets the *APIError of the last
//     answer, not a generic "giving up" error.
//
// Answers come back typed: a 2xx body decoded into the caller's value (or
// a *DecodeError saying what came instead), a non-2xx as *APIError
// (matching ErrNotFound, ErrUnauthorized, ErrRateLimited, ErrConflict
// with errors.Is), a failure to get an answer as *TransportError. Bad
// input is a *ValidationError, returned by the vendor package before any
// request is built. No credential appears in any error, log line or
// formatted value.
package rest
