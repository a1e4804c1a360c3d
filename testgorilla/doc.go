// Package testgorilla is a client for TestGorilla's public API (v1.3):
// assessments and their anti-cheating flags, invitations (by email, as a
// personal link, through public links), candidatures and candidates,
// hiring stages and the rejection email, and test results, typed by kind
// and as the PDF report.
//
// Vendor documentation: the "APIs" pages of https://docs.testgorilla.com
// (Assessments, Invitations, Candidates, Results, Result types, Rate
// limits) and the help-centre article "TestGorilla's API documentation"
// (https://support.testgorilla.com/hc/en-us/articles/9025312232731),
// which lists v1.3, introduced August 18, 2022, as the latest version.
//
// # Endpoints
//
// Every endpoint, the method that calls it, and its limit per minute
// (docs.testgorilla.com/apis/rate-limits):
//
//	POST   /api/profiles/login/                                          Login, WithLogin                    -
//	GET    /api/assessments/                                             Assessments.List, All               20
//	GET    /api/assessments/<id>/                                        Assessments.Get                     20
//	GET    /api/assessments/candidates/<test taker>/?candidature=<id>    Assessments.AntiCheating            100
//	GET    /testtaker/publicinvitation/<public uuid>  (the candidate's)  PublicLink.URL                      -
//	PUT    /api/assessments/public_links/<public uuid>/                  PublicLinks.Update, Activate,
//	                                                                     Deactivate                          10
//	POST   /api/assessments/<id>/invite_candidate/                       Assessments.Invite                  60
//	POST   /api/assessments/<id>/invite_candidate/?no_email=true         Assessments.PersonalLink            60
//	POST   /api/assessments/candidature/<id>/send-invitation/            Candidatures.ResendInvitation       60
//	GET    /api/assessments/candidature/?assessment=<id>                 Candidatures.List, All              100
//	GET    /api/assessments/candidates/<test taker>/                     Candidates.Get                      100
//	DELETE /api/assessments/candidature/<id>/                            Candidatures.Delete                 20
//	PATCH  /api/assessments/candidature/<id>/change_stage/               Candidatures.ChangeStage            60
//	POST   /api/assessments/candidature/<id>/send-reminder/              Candidatures.SendRejectionEmail     30
//	GET    /api/assessments/results/?candidature__assessment=&candidature__test_taker=
//	                                                                     Results.List, All                   60
//	GET    /api/assessments/results/<id>/                                Results.Get                         60
//	GET    /api/assessments/candidates/<test taker>/render_pdf/?candidature=<id>
//	                                                                     Candidates.RenderPDF, WritePDF      60*
//	GET    /api/tests/personality/<algorithm>/<score>/                   Results.PersonalityDescription      60* †
//	GET    /api/assessments/code_questions/<result id>/invitation_token/ Results.CodeReport                  60* †
//
// (*) assumed: the rate-limit table does not show these rows; they are
// taken to be limited as the results are. (†) These two paths come from
// public integration notes that summarise the help-centre article's
// "Personality Description Endpoint" and "Coding tests" sections; the
// vendor's own text of those sections was not at hand when this was
// written.
//
// What is documented and what is assumed. Documented: the paths above,
// the list filters and orderings, the comma-separated status filter of
// assessments, the public link's PUT body ({"active", "label",
// "assessment"}), that first and last name are optional when inviting,
// the results' attributes (id, name, score, status, completed, test_id,
// custom_questions, algorithm, is_code_test, score_display), which
// attribute holds each algorithm's result, the big_5 encoding, and the
// X-RateLimit-* headers. Where the documentation is silent or
// inconsistent this package chose, and says so at the method:
//
//   - the public link's path key: the endpoint line says <PUBLIC_LINK_ID>,
//     the example request and the rate-limit table <PUBLIC_LINK_UUID>;
//     Update takes the key as a string, Activate and Deactivate send the
//     UUID;
//   - the personal link is the invitation with ?no_email=true (the query
//     is seen in public client code); its URL, when the answer has only
//     the UUID, is made as the candidature example shows it;
//   - the assessment details' example answer is not shown: the tests are
//     read from "tests_detail" (each under "test"), as public client code
//     reads the real answer;
//   - the anti-cheating answer's shape is the one public client code reads
//     ({"assessments_detail": [{"is_exited_full_screen", "is_left_screen",
//     "repeated_ip", "is_camera_enabled", ...}]}), flags as booleans or as
//     "true"/"false";
//   - the answers of the public link PUT (the link), of the code report
//     ({"invitation_uuid"}, the report's page at CodeReportBaseURL) and
//     of the personality description (HTML, or JSON with "description")
//     are not shown; the Enneagram, DISC, 16 types and culture add
//     encodings of score_display are not published, so they are kept as
//     the type or number they are;
//   - the PDF answer is application/pdf.
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
// Reads (GETs), DELETE, the public link's PUT (it sends the link's whole
// state) and Login are retried on transport errors, 429 and 5xx. The
// writes TestGorilla does not document as idempotent are retried only
// when the server cannot have acted on them (a refused connection, or a
// 429): Invite, PersonalLink (each creates a candidature),
// ResendInvitation and SendRejectionEmail send email, and ChangeStage
// answers whether it sent a reminder. After a 5xx, or a connection broken
// once the request was sent, their error matches ErrOutcomeUnknown: read
// the candidature back before trying again. No candidate gets an email
// twice because of a retry.
//
// RenderPDF hands the report over as it streams, so that a report of any
// size costs a few kilobytes: it is retried until its body is handed
// over; a body that breaks off after that is the reader's error; the
// body cap (WithMaxBodyBytes) does not apply; a success that is not
// application/pdf is a *DecodeError.
//
// TestGorilla limits each endpoint per minute (table above) and answers
// 429 with X-RateLimit-Reset, the seconds until the window resets; the
// client waits that long when it fits within the retry policy's maximum
// wait and the context's deadline, and otherwise returns an error
// matching ErrRateLimited whose RetryAfter says when to try again.
// WithRateLimit paces the client under those budgets instead, endpoint by
// endpoint, so that bulk work queues in the client rather than meets
// 429s (repeated overruns can get a token blocked); see RateLimitPolicy.
// All takes WithPrefetch, which fetches the next page while your loop
// works through the current one.
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
// Stage, Status, Ordering, AssessmentStatus, AssessmentOrdering and
// Algorithm are typed; Stage and Algorithm keep values beyond the
// documented ones as they come. A Result says its Kind, and Basic,
// CustomQuestion, Coding, Personality and CultureFit read it typed:
// nobody decodes score_display by hand. Timestamps keep their offset and
// microseconds, scores that are null before completion are pointers, the
// big_5 personality string decodes into named traits (ParsePersonality,
// Candidature.Big5, Result.Personality), and every resource gives the
// JSON it came from with Raw(), so a field the vendor adds later is not
// lost. Fields holding personal data carry a personal:"<kind>" tag.
//
// # Testing
//
// Package testgorillatest is an in-process fake of this API to test your
// integration against offline.
package testgorilla

//go:generate go run ../internal/cmd/gensurface -pkg testgorilla -vendor TestGorilla -client-options -lists
