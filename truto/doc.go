// Package truto is a client for Truto's unified API, which speaks to many
// ATSs (Greenhouse, Lever, Ashby, Workable, ...) through one set of
// models: typed ATS candidates, jobs and applications (c.ATS), and any
// other unified resource through Resource, typed by the caller.
//
// Vendor documentation: https://truto.one/docs/api-reference
//
// Every unified call names the integrated account, one end customer's
// connected ATS (its id is required: an empty one is a *ValidationError
// and nothing is sent). Answers in the raw or stream format do not fit
// the unified types and come from Client.Raw and Client.Stream.
//
// # Calls, retries and rate limits
//
// Every method takes a context first and RequestOptions last: Truto's
// own query parameters (WithResponseFormat, WithIgnoreRemoteData,
// WithExcludeFields, WithRemoteQuery), WithIdempotencyKey, WithHeader,
// WithQuery, WithRequestTimeout, and WithResponseInto, which reports the
// answer's status, headers, attempts and Truto's rate limit
// (ratelimit-limit "110;w=10": the limit and its window, -remaining,
// -reset). A call is bounded by DefaultTimeout (80 s, its retries and
// waits included; WithTimeout changes it, 0 removes it), and retried at
// most DefaultMaxRetries (3) times, waiting 0.5 to 30 s with exponential
// backoff and full jitter, or as long as Retry-After says (WithRetry).
//
// Reads are retried on transport errors, 429 (after Retry-After), 500,
// 502 and 504; never on 503 (Truto's sign that the integrated account is
// blocked), 409 or 422, as Truto advises. Every write (create, update,
// delete, custom methods, attachment download) carries an
// Idempotency-Key, yours or one generated for the call and reused on
// each attempt; Truto runs a write once per key, so writes are retried
// like reads. A write whose success answer cannot be read matches
// ErrWriteAccepted; one that may have taken effect without a clear
// answer, ErrOutcomeUnknown (send it again with the same key).
//
// Truto allows 500 requests per 10 seconds per token and 50 per 10
// seconds per integrated account, and answers 429 beyond them. For bulk
// work (thousands of creates from many goroutines), WithRateLimit paces
// the client under both budgets instead: a unified call waits for a turn
// in its account's budget and then in the token's, callers queue in the
// order they came, and the ratelimit-* headers and 429s slow the pace
// down further when another client spends the same budget. All takes
// WithPrefetch, which fetches the next page while your loop works
// through the current one.
//
// # Errors
//
// An error answer is an *APIError: Code and Message from Truto's
// {"statusCode", "error", "message"}, and Fields from truto_error_insight
// (missing body fields, query parameters or scopes). An error that came
// from the ATS behind Truto matches ErrRemote; APIError.Details gives its
// raw_response. A record without its "id" is an error, never a value:
// a single-record answer without one is a *DecodeError, and a list
// reports such a record as a *RecordError without failing the page (see
// RecordError), unless the call excluded the field.
//
// # Testing
//
// Package trutotest is an in-process fake of the unified API.
package truto

//go:generate go run ../internal/cmd/gensurface -pkg truto -vendor Truto -idempotency -request-options -lists
