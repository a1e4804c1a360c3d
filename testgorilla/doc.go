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
// # Retries and rate limits
//
// GETs, DELETE and ChangeStage (setting a stage twice is setting it once)
// are retried on transport errors, 429 and 5xx. Invite,
// SendRejectionEmail and ResendInvitation send email, so they are retried
// only when the server cannot have acted (a refused connection, or a 429):
// no candidate gets an email twice because of a retry. TestGorilla limits
// each endpoint per minute (20 to 100 requests) and answers 429 with
// X-RateLimit-Reset, the seconds until the window resets; the client waits
// that long when it fits within the retry policy's maximum wait and the
// context's deadline, and otherwise returns an error matching
// ErrRateLimited whose RetryAfter says when to try again.
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

//go:generate go run ../internal/cmd/gensurface -pkg testgorilla -vendor TestGorilla -client-options
