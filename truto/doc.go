// Package truto is a client for Truto's unified API, which speaks to many
// ATSs (Greenhouse, Lever, Ashby, Workable, ...) through one set of
// models: typed ATS candidates, jobs and applications (c.ATS), and any
// other unified resource through Resource, typed by the caller.
//
// Vendor documentation: https://truto.one/docs/api-reference
//
// Every unified call names the integrated account, one end customer's
// connected ATS (its id is required: an empty one is a *ValidationError
// and nothing is sent). Truto's own query parameters (response format,
// remote_data, excluded fields, the remote query) go in RequestOptions,
// which every method takes; answers in the raw or stream format do not
// fit the unified types and come from Client.Raw and Client.Stream.
//
// # Retries and idempotency
//
// Reads are retried on transport errors, 429 (after Retry-After), 500,
// 502 and 504; never on 503 (Truto's sign that the integrated account is
// blocked), 409 or 422, as Truto advises. Every write (create, update,
// delete, custom methods) carries an Idempotency-Key, yours or one
// generated for the call and reused on each attempt; Truto runs a write
// once per key, so writes are retried like reads.
//
// # Errors
//
// An error answer is an *APIError: Code and Message from Truto's
// {"statusCode", "error", "message"}, and Fields from truto_error_insight
// (missing body fields, query parameters or scopes). An error that came
// from the ATS behind Truto matches ErrRemote; ErrorDetailsOf gives its
// raw_response. The ratelimit-* headers are readable on every answer
// (RequestOptions.Response, ListPage.RateLimit) and every error
// (ErrorDetailsOf).
//
// # Testing
//
// Package trutotest is an in-process fake of the unified API.
package truto

//go:generate go run ../internal/cmd/gensurface -pkg truto -vendor Truto -idempotency -request-options
