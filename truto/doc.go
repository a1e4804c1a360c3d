// Package truto is a client for Truto's API, which speaks to many ATSs
// (Greenhouse, Lever, Ashby, Workable, ...) through one model: every
// resource of the Unified ATS API, typed (c.ATS); any other unified
// resource through Resource, and the integration's own API through
// Proxy, typed by the caller; connecting a customer's ATS (LinkTokens,
// IntegratedAccounts and their Capabilities, EnvironmentIntegrations);
// and webhooks, both managing them (Webhooks) and receiving them
// (WebhookHandler, VerifyWebhook, Event).
//
// Vendor documentation: https://truto.one/docs/api-reference
//
// Every unified and proxy call names the integrated account, one end
// customer's connected ATS (its id is required: an empty one is a
// *ValidationError and nothing is sent). Answers in the raw or stream
// format do not fit the unified types and come from Client.Raw and
// Client.Stream.
//
// # Connecting a customer, and knowing when it is live
//
// LinkTokens.Create gives a token for one tenant; the customer connects
// their ATS at LinkToken.ConnectURL (or through Truto's link SDK). Truto
// then sends integrated_account:created, and integrated_account:active
// once the account is ready for calls; a webhook handler is the way to
// know. IntegratedAccounts.Capabilities says which unified resources
// and methods the account's ATS supports, and
// IntegratedAccounts.CreateToken gives a 15-minute token that reaches
// that account alone (for code or a page that serves one customer).
//
// # Receiving webhooks
//
// WebhookHandler is an http.Handler that verifies each delivery's
// X-Truto-Signature (HMAC-SHA256 of the raw body under the webhook's
// secret, which Webhooks.Create shows once), refuses stale events
// (created_at older than 5 minutes) and deduplicates by event id before
// calling your function; it answers 200 only when your function returned
// nil, so that Truto retries a failure. Its documentation lists every
// status it answers and why.
//
// # Calls, retries and rate limits
//
// Every method takes a context first and RequestOptions last: Truto's
// own query parameters (WithResponseFormat, WithIgnoreRemoteData,
// WithExcludeFields, WithRemoteQuery; unified and proxy calls only),
// WithIdempotencyKey, WithHeader, WithQuery, WithRequestTimeout, and
// WithResponseInto, which reports the answer's status, headers, attempts
// and Truto's rate limit (ratelimit-limit "110;w=10": the limit and its
// window, -remaining, -reset). A call is bounded by DefaultTimeout (80 s,
// its retries and waits included; WithTimeout changes it, 0 removes it),
// and retried at most DefaultMaxRetries (3) times, waiting 0.5 to 30 s
// with exponential backoff and full jitter, or as long as Retry-After
// says (WithRetry).
//
// Reads are retried on transport errors, 429 (after Retry-After), 500,
// 502 and 504; never on 503 (Truto's sign that the integrated account is
// blocked), 409 or 422, as Truto advises. Every unified and proxy write
// (create, update, delete, custom methods, attachment download) carries
// an Idempotency-Key, yours or one generated for the call and reused on
// each attempt; Truto runs a write once per key, so writes are retried
// like reads. Truto documents the key for unified writes only: admin
// writes (link tokens, webhooks, account updates) carry none and are
// sent once, retried only when they provably never reached Truto (admin
// deletes are retried like reads). A write whose success answer cannot
// be read matches ErrWriteAccepted; one that may have taken effect
// without a clear answer, ErrOutcomeUnknown (send a unified write again
// with the same key; read the state back before repeating an admin
// write).
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
// RecordError; a keyed page, ListParams.KeyBy, the same), unless the call
// excluded the field. A write's answer is never checked for a field the
// call excluded, so a create with WithExcludeFields("id") succeeds, and
// a delete's answer is not read at all: any 2xx means the record is
// gone (an integration behind the proxy often answers 204). Each record's Raw is the JSON it was decoded from, its keys
// matched as encoding/json matches them (exactly, else under case
// folding); an answer that names its list twice is a *DecodeError, since
// encoding/json would merge the two lists record by record.
//
// # What is documented, and what is assumed
//
// Documented by Truto (truto.one/docs: the API reference's unified ATS
// and admin pages, the webhooks guides, the querying and errors pages):
// the paths and methods; the fields of each ATS resource; the unified
// list envelope and cursors; the link token, integrated account,
// environment integration and webhook bodies; that the webhook secret is
// shown at creation; the X-Truto-Signature HMAC-SHA256 of the body; the
// event envelope and types; the 200 a delivery needs and Truto's three
// retries; the created_at and id advice against replays.
//
// Assumed, where those pages are silent or disagree (each is marked in
// the doc of what it shapes): the signature header's form
// "format=sha256,v=<sig>" and its encoding (hex in Truto's own guides,
// base64 in public code that verifies live deliveries: both are
// accepted); admin lists' array under "result" or "results" (both are
// read); Truto's second time form "2024-09-01 10:00:00" (read as UTC);
// the capabilities answer in the reference's shape or the flat one of
// Truto's guides (both are read); the payload of record:* events
// (RecordChange); the list, get and custom-method answers of the proxy;
// the fields of Organization beyond its name; that Candidates.Update
// and Delete, which this package had before the reference was checked,
// work where an integration maps them (the reference lists list, get
// and create); and that a reject's reason goes as reason_id. Attachment
// upload (POST /unified/ats/attachments, a multipart file) is not typed:
// this client sends JSON bodies only.
//
// # Testing
//
// Package trutotest is an in-process fake of all of the above: the
// unified ATS model with each resource's methods, the proxy, the admin
// API with a link flow (ConnectAccount), and signed webhook deliveries
// to your handler, with faults (tampered, duplicated, late, dropped).
package truto

//go:generate go run ../internal/cmd/gensurface -pkg truto -vendor Truto -idempotency -request-options -lists
//go:generate go run ./internal/genats
