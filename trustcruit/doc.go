// Package trustcruit is a client for the Trustcruit candidate-experience
// API: connect a customer through the create-customer redirect and its
// callback, submit candidates at each hiring step so that they get a
// survey, and read the answers back as a CNPS.
//
// Vendor documentation: https://developers.trustcruit.com (the Create
// Candidate API reference).
//
// # The flow
//
//  1. Send the user to CreateCustomerURL. They set up their account on
//     Trustcruit and come back to your callback URL, which
//     CallbackHandler (or ParseCallback) reads into a Callback: the
//     customer's SprancherID and auth Token.
//  2. NewClient(cb.Token) and SubmitCandidate for each candidate at each
//     step (LevelStep1 on application, ..., LevelStep5 on rejection).
//  3. Stats with QuestionCNPS for a period, and (*Stats).CNPS for the score
//     (see package cnps).
//
// # What the vendor documents and what this package assumes
//
// Documented, and fixed here: the API host (https://api.trustcruit.com),
// the submit path POST /feedback/api/candidate/ with its trailing slash
// (without it the server answers 301, and a redirected POST loses its
// body: this client never follows such a redirect), the body fields, the
// candidate levels, the stats parameters (question, date__gte inclusive,
// date__lt exclusive), the stats object and the empty list [] for no data,
// and the create-customer page /customer/create/ with callback and
// customer_name.
//
// Not published, so assumed, and overridable:
//   - the auth scheme, Authorization: Token <token> (WithAuthScheme);
//   - the stats path, /shinyform/api/answers/stats/ (WithStatsPath),
//     the per-customer sibling of the public stats_global endpoint;
//   - the web app host, https://app.trustcruit.com
//     (CreateCustomerParams.AppURL);
//   - the callback's parameter names: sprancher_id, and the token under
//     token, auth_token or auth (ParseCallbackNames, CallbackHandlerNames);
//   - the error bodies, read as Django REST framework's {"detail": "..."}
//     or {"field": ["message"]} into APIError.Message and Fields.
//
// # Calls, retries and timeouts
//
// Every method takes a context first and RequestOptions last:
// WithHeader, WithQuery, WithRequestTimeout, and WithResponseInto, which
// reports the answer's status, headers, attempts and rate-limit counters
// (RateLimit-* or X-RateLimit-* headers, if Trustcruit sends any: it does
// not document them).
//
// A call is bounded by DefaultTimeout (80 s, its retries and waits
// included; WithTimeout changes it, 0 removes it) and retried at most
// DefaultMaxRetries (3) times, waiting 0.5 to 30 s with exponential
// backoff and full jitter, or as long as Retry-After asks (WithRetry).
// Stats is a GET and is retried on transport errors, 429 and 5xx.
// SubmitCandidate is a POST that the vendor does not document as
// idempotent: it is retried only when the server cannot have acted on it
// (a refused connection, or a 429), never after a 500, so no candidate is
// surveyed twice because of a retry. When it fails after the request may
// have arrived, its error matches ErrOutcomeUnknown.
//
// Trustcruit documents no rate limit. If it agreed one with you,
// WithRateLimit paces the client under it, so that concurrent calls
// queue in the client rather than meet 429s.
//
// # Errors
//
// An error answer is an *APIError, with Message and Fields read from the
// Django REST framework shapes assumed above. Bad input is a
// *ValidationError, before anything is sent; a successful answer of the
// wrong shape, a *DecodeError; no answer, a *TransportError. The
// sentinels (ErrNotFound, ErrUnauthorized, ErrRateLimited, ...) match
// them with errors.Is. No error, log line or formatted value carries the
// token.
//
// # Testing
//
// Package trustcruittest is an in-process fake of this API (and of the
// create-customer page) to test your integration against offline.
package trustcruit

//go:generate go run ../internal/cmd/gensurface -pkg trustcruit -vendor Trustcruit -client-options
