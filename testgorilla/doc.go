// Package testgorilla is a client for the TestGorilla assessments API:
// list an assessment's candidatures (filtered, ordered, paged, or all of
// them as an iterator), read a candidate's details and results, invite
// candidates, move candidatures between hiring stages, send the rejection
// email, and remove a candidate from an assessment.
//
// Vendor documentation: https://app.testgorilla.com/customer/api/docs
// (API > Candidates).
//
// # Authentication
//
// NewClient takes an API key from the TestGorilla app (Integrations), sent
// as Authorization: Token <key>. Login exchanges a user's credentials for
// a token instead; such a token expires an hour after its last use, and
// WithLogin makes a client log in by itself and log in again once when
// the server refuses its token.
//
// # Calls, retries and rate limits
//
// Every method takes a context first and RequestOptions last:
// WithHeader, WithQuery, WithRequestTimeout, and WithResponseInto, which
// reports the answer's status, headers, attempts and TestGorilla's
// X-RateLimit-* counters. A call is bounded by DefaultTimeout (80 s, its
// retries and waits included; WithTimeout changes it, 0 removes it), and
// retried at most DefaultMaxRetries (3) times, waiting 0.5 to 30 s with
// exponential backoff and full jitter (WithRetry).
//
// Reads (GETs), DELETE and Login are retried on transport errors, 429
// and 5xx. The writes TestGorilla does not document as idempotent are
// retried only when the server cannot have acted on them (a refused
// connection, or a 429): Invite, ResendInvitation and SendRejectionEmail
// send email, and ChangeStage answers whether it sent a reminder. After
// a 5xx, or a connection broken once the request was sent, their error
// matches ErrOutcomeUnknown: read the candidature back before trying
// again. No candidate gets an email twice because of a retry.
//
// TestGorilla limits each endpoint per minute (20 to 100 requests) and
// answers 429 with X-RateLimit-Reset, the seconds until the window
// resets; the client waits that long when it fits within the retry
// policy's maximum wait and the context's deadline, and otherwise
// returns an error matching ErrRateLimited whose RetryAfter says when to
// try again. WithRateLimit paces the client under those budgets instead,
// endpoint by endpoint, so that bulk work queues in the client rather
// than meets 429s (repeated overruns can get a token blocked); see
// RateLimitPolicy. All takes WithPrefetch, which fetches the next page
// while your loop works through the current one.
//
// # Errors
//
// An error answer is an *APIError: Message from DRF's {"detail": "..."},
// Fields and Code from {"errors": [{"field", "error_key"}]}, matching
// ErrAlreadyInvited (REPEATING_INVITATION) and ErrBadEmail with
// errors.Is. Bad input is a *ValidationError before anything is sent; a
// successful answer of the wrong shape, a *DecodeError; no answer, a
// *TransportError. No error, log line or formatted value carries the
// token or a login password.
//
// # Types
//
// Stage, Status and Ordering are typed; Stage keeps codes beyond the
// documented ten as they come. Timestamps keep their offset and
// microseconds, scores that are null before completion are pointers, the
// big_5 personality string decodes into named traits (ParsePersonality,
// Candidature.Big5), and every resource gives the JSON it came from with
// Raw(), so a field the vendor adds later is not lost.
//
// # Testing
//
// Package testgorillatest is an in-process fake of this API to test your
// integration against offline.
package testgorilla

//go:generate go run ../internal/cmd/gensurface -pkg testgorilla -vendor TestGorilla -client-options -lists
