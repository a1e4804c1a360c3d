// Package recording turns real exchanges with the vendors' APIs into
// test fixtures: a Recorder writes each exchange to a cassette, a JSON
// file, with credentials removed and personal data replaced by
// pseudonyms before anything is kept; Replay answers a test's requests
// from the cassette through httpmock, and fails the test on a request
// the cassette does not hold or an exchange the test did not make.
//
// # A test that records and replays
//
//	func TestInvite(t *testing.T) {
//		hc := recording.Client(t, "testdata/invite.json",
//			recording.Personal(testgorilla.PersonalData()...),
//			recording.Live(func() bool { return os.Getenv("TESTGORILLA_TOKEN") != "" }))
//		c, err := testgorilla.NewClient(cmp.Or(os.Getenv("TESTGORILLA_TOKEN"), "replay"), testgorilla.WithHTTPClient(hc))
//		...
//	}
//
// With RECRUITKIT_RECORD=1 (EnvRecord) and the credentials set, Client
// records the test's exchanges with the real API into the cassette,
// written when the test passes; otherwise it replays the cassette, and
// the test needs neither network nor credentials. Record and Replay
// choose one mode; NewRecorder and NewReplayer work without a test.
//
// # Credentials
//
// Authorization, Proxy-Authorization, Cookie and Set-Cookie are never
// recorded, and only a short list of headers is (Content-Type,
// Location, Retry-After, the rate-limit headers, Idempotency-Key as a
// pseudonym; WithHeaders adds more, but a header whose name names a
// credential, such as X-Api-Key, is recorded as [REDACTED]). The token
// of each request's Authorization header, the value of any header whose
// name names a credential, cookies' values, and the values given to
// WithSecrets become [REDACTED] wherever they appear: URL, bodies,
// headers. So does any JSON value or query parameter under a key that
// names a credential (token, secret, password, api_key, signature,
// auth, ...), such as a login's password, the token it returns or a
// webhook's signing secret, also in the query of a JSON string that is
// a link; such a link, and a request's URL, lose their user info
// (user:password@).
//
// # Personal data
//
// A vendor package declares which JSON fields of its types hold personal
// data with a struct tag beside the json tag:
//
//	Email    string `json:"email" personal:"email"`
//	FullName string `json:"full_name" personal:"name"`
//	Tags     Tags   `json:"tags" personal:"name,key=Recruiter name"`
//
// The kind says what the value is, and so what replaces it:
//
//	email    email-1@example.invalid
//	name     Name 1                          (first, last or full names, usernames)
//	phone    +00 0000 0001
//	address  Address 1                       (postal addresses, locations)
//	text     Text 1                          (free text: answers, reviews, titles, file names, opaque records)
//	url      https://example.invalid/url-1   (links that lead to a person: invitation links, CVs, profiles)
//	secret   [REDACTED]                      (a credential the key does not name)
//
// On a map field, key=<entry> (repeatable, any case) limits the kind to
// those entries. A kind covers every string under the field: a list, an
// object, a whole free-form record. A number under a declared field
// becomes 0; booleans and the numbers of undeclared fields (scores,
// counts) are kept, as they identify no one by themselves.
//
// Each vendor package lists its declared types in PersonalData
// (testgorilla.PersonalData, truto.PersonalData,
// trustcruit.PersonalData); pass them with Personal. The tagged keys of
// a listed type are scrubbed wherever they appear, since a JSON object
// does not say what type it is: with truto's declarations, the "name" of
// a job is a pseudonym too. The types nested in a listed type's fields
// are known by the key that holds them, and their tags apply under that
// key only: a truto Phone's "number" under "phones", a form answer's
// "value" under "job_form_field_answers", while Truto's error insight
// keeps its "value"; their untagged keys are kept there even when a
// listed type tags the same key (a stage's "name" is not a person's).
// Without Personal, the declarations of all three vendor packages apply
// together: more scrubbing than one vendor needs, never less.
// PersonalKeys declares more keys; a WithScrub hook sees every string
// with its JSON path and has the last word on its kind.
//
// Beyond the declarations, every email address in any string, URL or
// header becomes its pseudonym; a string that holds a JSON object or
// array is scrubbed as JSON (and written compact, keys sorted; a replay
// compares it by value); and a body that is not JSON (a downloaded CV,
// an export) is a file: it is written as "[file 1: 5120 bytes left
// out]" unless KeepFiles keeps it as text or base64. A name in free text under an undeclared key is not found:
// declare the field.
//
// Pseudonyms are numbered in the order values first appear in a
// cassette, per kind: the same email is the same pseudonym in every
// request and answer, so relations between exchanges survive, and the
// number tells nothing about the value. (A keyed hash would let anyone
// holding the cassette and the key test a guess, a name or a phone
// number, against it.) Re-recording the same traffic writes the same
// cassette, so a diff shows only what changed. The port of a local test
// server (127.0.0.1, localhost, ::1) is left out for the same reason:
// its host is written localhost.
//
// # Replaying
//
// A request is answered by the first unused exchange (in the cassette's
// order) with the same method, path, query parameters (in any order;
// the values of a repeated parameter in order), Idempotency-Key header
// when the recording had one, and body: JSON compared by value, object
// keys in any order. The scheme and host are not compared, so a cassette
// recorded against a fake replays for a client of the real API. With
// InOrder only the next exchange may answer.
//
// The test sends real values where the cassette has pseudonyms. Each
// pseudonym of the cassette stands for the value the test first sends in
// its place, and then only for that value; a value stands for one
// pseudonym of a kind. So a test must repeat a value where the recording
// repeated it (the same email twice, the same Idempotency-Key on a
// retry), and send different values where it had different ones, but
// the values themselves are free. [REDACTED] and a file placeholder
// stand for anything. Answers carry the test's values back in place of
// their pseudonyms, so a test reads what it sent, as it would from the
// real API; pseudonyms the test never sent stay as they are.
//
// A request no exchange answers fails the test (t.Errorf) with the
// nearest exchange and what differs, and gets a 501, which no client of
// this module retries. An exchange no request used fails the test when
// it ends, unless it failed already.
package recording
