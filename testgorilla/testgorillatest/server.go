// Package testgorillatest is an in-process fake of the TestGorilla API,
// for testing code that uses package testgorilla without the network.
//
// It keeps assessments, candidatures, test takers, public links, results
// and anti-cheating flags in memory and serves every endpoint package
// testgorilla calls, the way the vendor documents them: token
// authentication (API keys, and login tokens that expire an hour after
// their last use), trailing slashes (301 without), assessments that are
// new until a first candidate and filtered by several statuses at once,
// candidature lists filtered by status and stage, ordered by created,
// _full_name, avg_score or rating (with - for descending), and paged by
// limit and offset into {"count", "next", "previous", "results"}; stage
// changes that stick, a rejection email refused unless the stage is REJ,
// deletes after which the candidature is 404, duplicate invitations
// answered with REPEATING_INVITATION, invitations (new, re-sent, and
// through public links) refused once an assessment is archived
// (ArchiveAssessment), public links whose page and candidates
// (TakePublicLink) stop once deactivated, one result per test of the
// assessment scored from the candidature (SetResults replaces them), PDF
// reports for completed candidatures only, rendered as they are sent
// whatever their size (SetPDFSize), and the per-minute rate limits with
// X-RateLimit-Limit, -Remaining and -Reset headers (DisableRateLimits
// turns them off; SetRateLimitWindow shortens the minute for tests).
//
// Faults are injected with FailNext and Inject, and every request is
// recorded (Requests).
package testgorillatest

//go:generate go run ../../internal/cmd/gensurface -fake -pkg testgorillatest -vendor TestGorilla -client testgorilla

import (
	"cmp"
	"encoding/json"
	"fmt"
	"math"
	mrand "math/rand/v2"
	"net/http"
	"net/mail"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/recruitkit/recruitkit-go/testgorilla"
)

// APIKey is the API key the fake accepts from the start.
const APIKey = "testgorillatest-api-key"

// TokenLifetime is how long after its last use a login token stays
// valid.
const TokenLifetime = time.Hour

// Email is an email the fake "sent".
type Email struct {
	Kind          string // "invitation" or "rejection"
	CandidatureID int
	To            string
}

// Server is the fake. It is safe for concurrent use.
type Server struct {
	srv *fake.Server

	mu           sync.Mutex
	now          func() time.Time
	apiKeys      map[string]bool
	users        map[string]string    // username -> password
	loginTokens  map[string]time.Time // token -> last use
	assessments  map[int]*testgorilla.Assessment
	tests        map[int][]test                     // assessment id -> its tests
	links        map[string]*testgorilla.PublicLink // public UUID -> link
	candidatures map[int]*testgorilla.Candidature
	// assessmentOf maps a candidature to its assessment, which
	// testgorilla.Candidature does not carry.
	assessmentOf map[int]int
	nextID       int
	emails       []Email
	pdfSizes     map[int]int64                    // candidature id -> its PDF report's size
	results      map[int][]testgorilla.Result     // candidature id -> results set by SetResults
	flags        map[int]testgorilla.AntiCheating // candidature id -> flags set by SetAntiCheating
	descriptions map[string]string                // algorithm "/" score -> personality description
	limited      bool
	window       time.Duration
	windows      map[string]*rateWindow
}

// NewServer starts a fake that accepts APIKey, with no assessments yet.
// Close it when done.
func NewServer() *Server {
	s := &Server{
		now:          time.Now,
		apiKeys:      map[string]bool{APIKey: true},
		users:        map[string]string{},
		loginTokens:  map[string]time.Time{},
		assessments:  map[int]*testgorilla.Assessment{},
		tests:        map[int][]test{},
		links:        map[string]*testgorilla.PublicLink{},
		candidatures: map[int]*testgorilla.Candidature{},
		assessmentOf: map[int]int{},
		pdfSizes:     map[int]int64{},
		results:      map[int][]testgorilla.Result{},
		flags:        map[int]testgorilla.AntiCheating{},
		descriptions: map[string]string{},
		nextID:       1000,
		limited:      true,
		window:       time.Minute,
		windows:      map[string]*rateWindow{},
	}
	mux := http.NewServeMux()
	handle := func(pattern string, op operation, h func(http.ResponseWriter, *http.Request)) {
		mux.HandleFunc(pattern, s.endpoint(op, h))
	}
	mux.HandleFunc("POST "+testgorilla.LoginPath+"{$}", s.login)
	handle("GET /api/assessments/{$}", opListAssessments, s.listAssessments)
	handle("GET /api/assessments/{id}/{$}", opAssessment, s.getAssessment)
	handle("POST /api/assessments/{id}/invite_candidate/{$}", opInvite, s.invite)
	handle("GET /api/assessments/candidature/{$}", opListCandidatures, s.listCandidatures)
	handle("DELETE /api/assessments/candidature/{id}/{$}", opDelete, s.deleteCandidature)
	handle("PATCH /api/assessments/candidature/{id}/change_stage/{$}", opChangeStage, s.changeStage)
	handle("POST /api/assessments/candidature/{id}/send-reminder/{$}", opReminder, s.sendReminder)
	handle("POST /api/assessments/candidature/{id}/send-invitation/{$}", opResend, s.resendInvitation)
	// With ?candidature= the candidate endpoint gives the anti-cheating
	// flags, under a limit of its own.
	mux.HandleFunc("GET /api/assessments/candidates/{id}/{$}", func(w http.ResponseWriter, r *http.Request) {
		op := opCandidate
		if r.URL.Query().Has("candidature") {
			op = opAntiCheating
		}
		s.endpoint(op, s.getCandidate)(w, r)
	})
	handle("GET /api/assessments/results/{$}", opResults, s.listResults)
	handle("GET /api/assessments/results/{id}/{$}", opResult, s.getResult)
	handle("GET /api/assessments/candidates/{id}/render_pdf/{$}", opRenderPDF, s.renderPDF)
	handle("PUT /api/assessments/public_links/{uuid}/{$}", opPublicLink, s.updatePublicLink)
	handle("GET /api/assessments/code_questions/{id}/invitation_token/{$}", opCodeReport, s.codeReport)
	handle("GET /api/tests/personality/{algorithm}/{score}/{$}", opPersonality, s.personalityDescription)
	mux.HandleFunc("GET /testtaker/publicinvitation/{uuid}/{$}", s.publicInvitationPage)
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { detail(w, http.StatusNotFound, "Not found.") })
	s.srv = fake.New(fake.AppendSlash(mux), fake.DetailError)
	return s
}

// Client returns a client with APIKey pointed at the fake, with short
// retry waits; opts come after and can change them.
func (s *Server) Client(opts ...testgorilla.Option) *testgorilla.Client {
	return s.ClientWithToken(APIKey, opts...)
}

// ClientWithToken is Client with another token ("" with
// testgorilla.WithLogin).
func (s *Server) ClientWithToken(token string, opts ...testgorilla.Option) *testgorilla.Client {
	base := []testgorilla.Option{testgorilla.WithBaseURL(s.URL()), testgorilla.WithRetry(3, time.Millisecond, 2*time.Second)}
	c, err := testgorilla.NewClient(token, append(base, opts...)...)
	if err != nil {
		panic("testgorillatest: " + err.Error())
	}
	return c
}

// SetClock replaces time.Now, for token expiry and rate-limit windows.
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

// AddUser lets a user log in (POST /api/profiles/login/).
func (s *Server) AddUser(username, password string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.users[username] = password
}

// ExpireTokens makes every login token expired, as an hour without use
// would.
func (s *Server) ExpireTokens() {
	s.mu.Lock()
	defer s.mu.Unlock()
	for tok := range s.loginTokens {
		s.loginTokens[tok] = time.Time{}
	}
}

// DisableRateLimits turns the per-minute limits off.
func (s *Server) DisableRateLimits() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limited = false
}

// SetRateLimitWindow makes a rate-limit window last d instead of a
// minute, so that a test can ride a limit out quickly.
func (s *Server) SetRateLimitWindow(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.window = d
	s.windows = map[string]*rateWindow{}
}

// AddAssessment adds an assessment made of tests (names) and returns it,
// with its default public link (active, labelled "Main"). A test's name
// sets its algorithm: "Big 5", "Enneagram", "DISC" and "16 Types" are
// personality tests, "Culture add" is culture_fit, "Custom questions"
// the custom questions, a name with "coding" a coding test, and any
// other a basic test.
func (s *Server) AddAssessment(name string, tests ...string) testgorilla.Assessment {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now()
	a := &testgorilla.Assessment{ID: s.newID(), Name: name, Status: testgorilla.AssessmentNew, Created: now, Modified: now}
	s.assessments[a.ID] = a
	s.setTestsLocked(a.ID, tests)
	link := &testgorilla.PublicLink{ID: s.newID(), UUID: rest.NewUUID(), Label: "Main", Active: true, Assessment: a.ID}
	s.links[link.UUID] = link
	return s.assessmentLocked(a.ID)
}

// ArchiveAssessment archives an assessment: it takes no more
// invitations, by email or through its public links, and sends none
// again (ResendInvitation).
func (s *Server) ArchiveAssessment(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.assessments[id]
	if !ok {
		panic(fmt.Sprintf("testgorillatest: ArchiveAssessment: no assessment %d", id))
	}
	a.Status = testgorilla.AssessmentArchived
	a.Modified = s.now()
}

// Assessment returns an assessment as the fake holds it, with its counts,
// tests and public links.
func (s *Server) Assessment(id int) (testgorilla.Assessment, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.assessments[id]; !ok {
		return testgorilla.Assessment{}, false
	}
	return s.assessmentLocked(id), true
}

// assessmentLocked is an assessment with its counts, status, tests and
// public links as of now. The caller holds s.mu.
func (s *Server) assessmentLocked(id int) testgorilla.Assessment {
	a := *s.assessments[id]
	a.Candidates, a.Invited, a.Started, a.Finished = 0, 0, 0, 0
	for cid, c := range s.candidatures {
		if s.assessmentOf[cid] != id {
			continue
		}
		a.Candidates++
		switch c.Status {
		case testgorilla.StatusInvited:
			a.Invited++
		case testgorilla.StatusStarted:
			a.Started++
		case testgorilla.StatusCompleted:
			a.Finished++
		}
	}
	a.FinishedPercentage = 0
	if a.Candidates > 0 {
		a.FinishedPercentage = math.Round(100 * float64(a.Finished) / float64(a.Candidates))
	}
	if a.Status != testgorilla.AssessmentArchived {
		// As documented: new until a first candidate is invited.
		a.Status = testgorilla.AssessmentNew
		if a.Candidates > 0 {
			a.Status = testgorilla.AssessmentActive
		}
	}
	a.Tests = nil
	for _, t := range s.tests[id] {
		a.Tests = append(a.Tests, testgorilla.AssessmentTest{ID: t.id, Name: t.name, Algorithm: t.algorithm})
	}
	a.PublicLinks = nil
	for _, l := range s.links {
		if l.Assessment == id {
			a.PublicLinks = append(a.PublicLinks, *l)
		}
	}
	slices.SortFunc(a.PublicLinks, func(x, y testgorilla.PublicLink) int { return cmp.Compare(x.ID, y.ID) })
	return a
}

// assessmentJSON is an assessment as the API sends it: the list gives
// counts, the details add the tests and public links, the tests as
// public client code reads them from the real answer: "tests_detail",
// each test under "test" with its place in the assessment.
func assessmentJSON(a testgorilla.Assessment, details bool) map[string]any {
	out := map[string]any{
		"id": a.ID, "name": a.Name, "status": a.Status, "candidates": a.Candidates, "invited": a.Invited,
		"started": a.Started, "finished": a.Finished, "finished_percentage": a.FinishedPercentage,
		"created": a.Created, "modified": a.Modified,
	}
	if details {
		tests := []map[string]any{}
		for i, t := range a.Tests {
			tests = append(tests, map[string]any{
				"id": a.ID*1000 + i, "order": i + 1,
				"test": map[string]any{"id": t.ID, "name": t.Name, "algorithm": t.Algorithm, "status": "published"},
			})
		}
		links := []map[string]any{}
		for _, l := range a.PublicLinks {
			links = append(links, publicLinkJSON(l))
		}
		out["tests_detail"], out["public_links"] = tests, links
	}
	return out
}

// AddCandidature adds c to an assessment and returns it as stored. The
// fake fills what c leaves zero: ID, TestTakerID (shared by candidatures
// of the same email), Created, InvitationUUID and InvitationLink, Status
// (invited) and Stage (NYE). It panics on an unknown assessment.
func (s *Server) AddCandidature(assessmentID int, c testgorilla.Candidature) testgorilla.Candidature {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.assessments[assessmentID]; !ok {
		panic(fmt.Sprintf("testgorillatest: AddCandidature: no assessment %d", assessmentID))
	}
	return *s.addCandidatureLocked(assessmentID, c)
}

func (s *Server) addCandidatureLocked(assessmentID int, c testgorilla.Candidature) *testgorilla.Candidature {
	if c.ID == 0 {
		c.ID = s.newID()
	}
	if c.TestTakerID == 0 {
		c.TestTakerID = s.testTakerFor(c.Email)
	}
	if c.Created.IsZero() {
		c.Created = s.now()
	}
	if c.InvitationUUID == "" {
		c.InvitationUUID = rest.NewUUID()
	}
	if c.InvitationLink == "" {
		c.InvitationLink = "https://assessment.testgorilla.com/testtaker/takeinvitation/" + c.InvitationUUID
	}
	if c.Status == "" {
		c.Status = testgorilla.StatusInvited
	}
	if c.Stage == "" {
		c.Stage = testgorilla.StageNotYetEvaluated
	}
	s.candidatures[c.ID] = &c
	s.assessmentOf[c.ID] = assessmentID
	s.assessments[assessmentID].Modified = s.now()
	return &c
}

// Seed adds n candidatures to an assessment, spread over every status
// and stage, with scores, big_5 personalities and results for the
// completed ones (an assessment without tests gets DefaultTests, so that
// there are results), and anti-cheating flags up for some, drawn from a
// generator seeded with seed (the same seed gives the same candidates).
// It returns them in id order.
func (s *Server) Seed(assessmentID, n int, seed uint64) []testgorilla.Candidature {
	s.mu.Lock()
	if _, ok := s.assessments[assessmentID]; ok && len(s.tests[assessmentID]) == 0 {
		s.setTestsLocked(assessmentID, DefaultTests)
	}
	s.mu.Unlock()
	rng := mrand.New(mrand.NewPCG(seed, uint64(assessmentID)))
	// The flags draw from their own generator, so that they leave the
	// candidates a seed gives as they were before there were flags.
	frng := mrand.New(mrand.NewPCG(seed, ^uint64(assessmentID)))
	first := []string{"Ada", "Grace", "Linus", "Margaret", "Alan", "Barbara", "Ken", "Frances", "Dennis", "Radia", "Edsger", "Hedy"}
	last := []string{"Lovelace", "Hopper", "Torvalds", "Hamilton", "Turing", "Liskov", "Thompson", "Allen", "Ritchie", "Perlman", "Dijkstra", "Lamarr"}
	statuses := []testgorilla.Status{testgorilla.StatusInvited, testgorilla.StatusStarted, testgorilla.StatusCompleted, testgorilla.StatusCompleted}
	start := time.Date(2026, 9, 1, 9, 0, 0, 0, time.FixedZone("CEST", 2*3600))
	out := make([]testgorilla.Candidature, 0, n)
	for i := range n {
		f, l := first[rng.IntN(len(first))], last[rng.IntN(len(last))]
		c := testgorilla.Candidature{
			FullName: f + " " + l,
			Email:    fmt.Sprintf("%s.%s.%d@example.com", strings.ToLower(f), strings.ToLower(l), i),
			Created:  start.Add(time.Duration(i)*37*time.Minute + time.Duration(rng.IntN(1e6))*time.Microsecond),
			Status:   statuses[rng.IntN(len(statuses))],
			Stage:    testgorilla.StageNotYetEvaluated,
		}
		if c.Status == testgorilla.StatusCompleted {
			score := max(0, min(100, math.Round(rng.NormFloat64()*15+62)))
			c.AvgScore = &score
			c.Stage = testgorilla.Stages[rng.IntN(len(testgorilla.Stages))]
			c.IsHired = c.Stage == testgorilla.StageHired
			c.PersonalityAlgorithm = "big_5"
			c.Personality = fmt.Sprintf("%d-%d-%d-%d-%d_%d-%d-%d-%d-%d",
				1+rng.IntN(5), 1+rng.IntN(5), 1+rng.IntN(5), 1+rng.IntN(5), 1+rng.IntN(5),
				10+rng.IntN(30), 10+rng.IntN(30), 10+rng.IntN(30), 10+rng.IntN(30), 10+rng.IntN(30))
			if rng.IntN(3) == 0 {
				rating := float64(1 + rng.IntN(5))
				c.Rating = &rating
			}
		}
		added := s.AddCandidature(assessmentID, c)
		if c.Status == testgorilla.StatusCompleted {
			flags := testgorilla.AntiCheating{
				CameraEnabled: frng.IntN(2) == 0, ExitedFullScreen: frng.IntN(8) == 0, LeftScreen: frng.IntN(6) == 0,
				RepeatedIP: frng.IntN(20) == 0, IP: fmt.Sprintf("192.0.2.%d", 1+frng.IntN(254)),
				Location: testgorilla.Location{City: "Amsterdam", CountryCode: "NL"},
				Device:   testgorilla.Device{Description: "Chrome on Mac OS X"},
			}
			if flags.CameraEnabled {
				flags.Photos = []testgorilla.Photo{{Image: fmt.Sprintf("https://assets.example.com/photos/%d-1.jpg", added.ID)}}
			}
			s.SetAntiCheating(added.ID, flags)
		}
		out = append(out, added)
	}
	return out
}

// Candidature returns a candidature as the fake holds it; false once it
// is deleted.
func (s *Server) Candidature(id int) (testgorilla.Candidature, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.candidatures[id]
	if !ok {
		return testgorilla.Candidature{}, false
	}
	return *c, true
}

// Emails returns the emails the fake sent, oldest first.
func (s *Server) Emails() []Email {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.emails)
}

func (s *Server) newID() int {
	s.nextID++
	return s.nextID
}

// testTakerFor returns the test-taker id of email, a new one for a new
// email. The caller holds s.mu.
func (s *Server) testTakerFor(email string) int {
	for _, c := range s.candidatures {
		if strings.EqualFold(c.Email, email) {
			return c.TestTakerID
		}
	}
	return s.newID()
}

// archivedMessage is the fake's refusal of an invitation to an archived
// assessment (the vendor's wording is not published).
const archivedMessage = "The assessment is archived: candidates can no longer be invited."

func detail(w http.ResponseWriter, status int, msg string) {
	fake.WriteJSON(w, status, map[string]string{"detail": msg})
}

func fieldErrors(w http.ResponseWriter, fields map[string][]string) {
	fake.WriteJSON(w, http.StatusBadRequest, fields)
}

// pathID reads the {id} of the route.
func pathID(w http.ResponseWriter, r *http.Request) (int, bool) {
	id, err := strconv.Atoi(r.PathValue("id"))
	if err != nil {
		detail(w, http.StatusNotFound, "Not found.")
		return 0, false
	}
	return id, true
}

func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Username string `json:"username"`
		Password string `json:"password"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		detail(w, http.StatusBadRequest, "JSON parse error - "+err.Error())
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if pw, ok := s.users[body.Username]; !ok || pw != body.Password || body.Password == "" {
		fieldErrors(w, map[string][]string{"non_field_errors": {"Unable to log in with provided credentials."}})
		return
	}
	tok := fake.NewToken()
	s.loginTokens[tok] = s.now()
	fake.WriteJSON(w, http.StatusOK, map[string]string{"token": tok})
}

// endpoint authenticates a request and applies its rate limit before h.
func (s *Server) endpoint(op operation, h func(http.ResponseWriter, *http.Request)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		token, ok := fake.AuthToken(r, "Token")
		if !ok {
			detail(w, http.StatusUnauthorized, "Authentication credentials were not provided.")
			return
		}
		if !s.authenticate(token) {
			detail(w, http.StatusUnauthorized, "Invalid token.")
			return
		}
		if !s.admit(w, token, op) {
			return
		}
		h(w, r)
	}
}

func (s *Server) authenticate(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.apiKeys[token] {
		return true
	}
	last, ok := s.loginTokens[token]
	if !ok || s.now().Sub(last) > TokenLifetime {
		return false
	}
	s.loginTokens[token] = s.now()
	return true
}

func (s *Server) listAssessments(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	limit, offset, ok := pageParams(w, q)
	if !ok {
		return
	}
	// status takes a comma-separated list.
	var statuses []string
	if st := q.Get("status"); st != "" {
		statuses = strings.Split(st, ",")
		for _, st := range statuses {
			switch testgorilla.AssessmentStatus(st) {
			case testgorilla.AssessmentNew, testgorilla.AssessmentActive, testgorilla.AssessmentArchived:
			default:
				fieldErrors(w, map[string][]string{"status": {fmt.Sprintf("Select a valid choice. %s is not one of the available choices.", st)}})
				return
			}
		}
	}
	order := q.Get("ordering")
	switch strings.TrimPrefix(order, "-") {
	case "", "modified", "name", "candidates", "finished_percentage":
	default:
		fieldErrors(w, map[string][]string{"ordering": {fmt.Sprintf("%q is not a valid ordering.", order)}})
		return
	}
	s.mu.Lock()
	var items []testgorilla.Assessment
	for id := range s.assessments {
		a := s.assessmentLocked(id)
		if len(statuses) == 0 || slices.Contains(statuses, string(a.Status)) {
			items = append(items, a)
		}
	}
	s.mu.Unlock()
	desc := strings.HasPrefix(order, "-")
	slices.SortStableFunc(items, func(a, b testgorilla.Assessment) int {
		var c int
		switch strings.TrimPrefix(order, "-") {
		case "modified":
			c = a.Modified.Compare(b.Modified)
		case "name":
			c = strings.Compare(a.Name, b.Name)
		case "candidates":
			c = cmp.Compare(a.Candidates, b.Candidates)
		case "finished_percentage":
			c = cmp.Compare(a.FinishedPercentage, b.FinishedPercentage)
		}
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.ID, b.ID))
	})
	out := make([]map[string]any, len(items))
	for i, a := range items {
		out[i] = assessmentJSON(a, false)
	}
	writePage(w, r, out, limit, offset)
}

func (s *Server) getAssessment(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	_, found := s.assessments[id]
	var out testgorilla.Assessment
	if found {
		out = s.assessmentLocked(id)
	}
	s.mu.Unlock()
	if !found {
		detail(w, http.StatusNotFound, "Not found.")
		return
	}
	fake.WriteJSON(w, http.StatusOK, assessmentJSON(out, true))
}

func (s *Server) invite(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	var body struct {
		Email     string `json:"email"`
		FirstName string `json:"first_name"`
		LastName  string `json:"last_name"`
	}
	if err := fake.DecodeStrict(r, &body); err != nil {
		detail(w, http.StatusBadRequest, "JSON parse error - "+err.Error())
		return
	}
	var problems []map[string]string
	if addr, err := mail.ParseAddress(body.Email); err != nil || addr.Address != body.Email {
		problems = append(problems, map[string]string{"field": "email", "error_key": testgorilla.KeyBadEmail})
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	a, found := s.assessments[id]
	if !found {
		detail(w, http.StatusNotFound, "Not found.")
		return
	}
	if a.Status == testgorilla.AssessmentArchived {
		detail(w, http.StatusBadRequest, archivedMessage)
		return
	}
	for cid, c := range s.candidatures {
		if s.assessmentOf[cid] == id && strings.EqualFold(c.Email, body.Email) {
			problems = append(problems, map[string]string{"field": "email", "error_key": testgorilla.KeyRepeatingInvitation})
		}
	}
	if len(problems) > 0 {
		fake.WriteJSON(w, http.StatusBadRequest, map[string]any{"errors": problems})
		return
	}
	c := s.addCandidatureLocked(id, testgorilla.Candidature{Email: body.Email, FullName: strings.TrimSpace(body.FirstName + " " + body.LastName)})
	if r.URL.Query().Get("no_email") != "true" {
		s.emails = append(s.emails, Email{Kind: "invitation", CandidatureID: c.ID, To: c.Email})
	}
	fake.WriteJSON(w, http.StatusCreated, map[string]any{
		"id": c.ID, "assessment": id, "email": c.Email, "first_name": body.FirstName, "last_name": body.LastName,
		"full_name": c.FullName, "invitation_uuid": c.InvitationUUID, "invitation_link": c.InvitationLink,
		"testtaker_id": c.TestTakerID, "status": c.Status, "stage": c.Stage, "created": c.Created,
	})
}

func (s *Server) listCandidatures(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	assessment, err := strconv.Atoi(q.Get("assessment"))
	if q.Get("assessment") == "" {
		fieldErrors(w, map[string][]string{"assessment": {"This field is required."}})
		return
	} else if err != nil {
		fieldErrors(w, map[string][]string{"assessment": {"A valid integer is required."}})
		return
	}
	limit, offset, ok := pageParams(w, q)
	if !ok {
		return
	}
	order := q.Get("ordering")
	desc := strings.HasPrefix(order, "-")
	switch strings.TrimPrefix(order, "-") {
	case "", "created", "_full_name", "avg_score", "rating":
	default:
		fieldErrors(w, map[string][]string{"ordering": {fmt.Sprintf("%q is not a valid ordering.", order)}})
		return
	}
	s.mu.Lock()
	var items []testgorilla.Candidature
	for id, c := range s.candidatures {
		if s.assessmentOf[id] != assessment {
			continue
		}
		if (q.Get("status") != "" && string(c.Status) != q.Get("status")) || (q.Get("stage") != "" && string(c.Stage) != q.Get("stage")) {
			continue
		}
		items = append(items, *c)
	}
	s.mu.Unlock()
	slices.SortStableFunc(items, func(a, b testgorilla.Candidature) int {
		var c int
		switch strings.TrimPrefix(order, "-") {
		case "created":
			c = a.Created.Compare(b.Created)
		case "_full_name":
			c = strings.Compare(a.FullName, b.FullName)
		case "avg_score":
			c = compareNullable(a.AvgScore, b.AvgScore)
		case "rating":
			c = compareNullable(a.Rating, b.Rating)
		}
		if desc {
			c = -c
		}
		return cmp.Or(c, cmp.Compare(a.ID, b.ID))
	})
	writePage(w, r, items, limit, offset)
}

// compareNullable orders as PostgreSQL does: a null is larger than any
// number, so it comes last ascending and first descending.
func compareNullable(a, b *float64) int {
	switch {
	case a == nil && b == nil:
		return 0
	case a == nil:
		return 1
	case b == nil:
		return -1
	}
	return cmp.Compare(*a, *b)
}

// pageParams reads limit (default 10) and offset (default 0).
func pageParams(w http.ResponseWriter, q url.Values) (limit, offset int, ok bool) {
	limit, offset = 10, 0
	for name, dst := range map[string]*int{"limit": &limit, "offset": &offset} {
		if v := q.Get(name); v != "" {
			n, err := strconv.Atoi(v)
			if err != nil || n < 0 {
				fieldErrors(w, map[string][]string{name: {"A valid non-negative integer is required."}})
				return 0, 0, false
			}
			*dst = n
		}
	}
	if limit == 0 {
		limit = 10
	}
	return limit, offset, true
}

// writePage answers with one page of items, as DRF's
// LimitOffsetPagination does.
func writePage[T any](w http.ResponseWriter, r *http.Request, items []T, limit, offset int) {
	count := len(items)
	page := items[min(offset, count):min(offset+limit, count)]
	link := func(off int) *string {
		u := *r.URL
		u.Scheme, u.Host = "http", r.Host
		q := u.Query()
		q.Set("limit", strconv.Itoa(limit))
		if off > 0 {
			q.Set("offset", strconv.Itoa(off))
		} else {
			q.Del("offset")
		}
		u.RawQuery = q.Encode()
		s := u.String()
		return &s
	}
	var next, prev *string
	if offset+limit < count {
		next = link(offset + limit)
	}
	if offset > 0 {
		prev = link(max(offset-limit, 0))
	}
	if page == nil {
		page = []T{}
	}
	fake.WriteJSON(w, http.StatusOK, map[string]any{"count": count, "next": next, "previous": prev, "results": page})
}

// candidature looks up the route's candidature, answering 404 when there
// is none. The caller holds s.mu.
func (s *Server) candidature(w http.ResponseWriter, r *http.Request) (*testgorilla.Candidature, bool) {
	id, ok := pathID(w, r)
	if !ok {
		return nil, false
	}
	c, found := s.candidatures[id]
	if !found {
		detail(w, http.StatusNotFound, "Not found.")
	}
	return c, found
}

func (s *Server) deleteCandidature(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.candidature(w, r)
	if !ok {
		return
	}
	delete(s.candidatures, c.ID)
	delete(s.assessmentOf, c.ID)
	w.WriteHeader(http.StatusNoContent)
}

// knownStages are the stages the fake accepts: the documented ten and
// CWD, seen in live data.
func knownStage(st testgorilla.Stage) bool { return st.Known() || st == "CWD" }

func (s *Server) changeStage(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Stage testgorilla.Stage `json:"stage"`
	}
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil {
		detail(w, http.StatusBadRequest, "JSON parse error - "+err.Error())
		return
	}
	if !knownStage(body.Stage) {
		fieldErrors(w, map[string][]string{"stage": {fmt.Sprintf("%q is not a valid choice.", body.Stage)}})
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.candidature(w, r)
	if !ok {
		return
	}
	c.Stage = body.Stage
	c.IsHired = body.Stage == testgorilla.StageHired
	fake.WriteJSON(w, http.StatusOK, map[string]any{"id": strconv.Itoa(c.ID), "stage": c.Stage, "reminder_sent": false})
}

func (s *Server) sendReminder(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.candidature(w, r)
	if !ok {
		return
	}
	if c.Stage != testgorilla.StageRejected {
		detail(w, http.StatusBadRequest, fmt.Sprintf("The candidature is in stage %s; the rejection email needs REJ.", c.Stage))
		return
	}
	s.emails = append(s.emails, Email{Kind: "rejection", CandidatureID: c.ID, To: c.Email})
	detail(w, http.StatusOK, "Email sent.")
}

func (s *Server) resendInvitation(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.candidature(w, r)
	if !ok {
		return
	}
	// An archived assessment cannot be taken any more: its invitation is
	// not sent again, as a new one is not.
	if s.assessments[s.assessmentOf[c.ID]].Status == testgorilla.AssessmentArchived {
		detail(w, http.StatusBadRequest, archivedMessage)
		return
	}
	s.emails = append(s.emails, Email{Kind: "invitation", CandidatureID: c.ID, To: c.Email})
	detail(w, http.StatusOK, "Invitation sent.")
}

// getCandidate answers GET /api/assessments/candidates/<test taker>/,
// and with ?candidature=<id> the same candidate with only that
// candidature's details: its anti-cheating flags.
func (s *Server) getCandidate(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	only := 0
	if v := r.URL.Query().Get("candidature"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			fieldErrors(w, map[string][]string{"candidature": {"A valid integer is required."}})
			return
		}
		only = n
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var mine []*testgorilla.Candidature
	for _, c := range s.candidatures {
		if c.TestTakerID == id {
			mine = append(mine, c)
		}
	}
	if len(mine) == 0 {
		detail(w, http.StatusNotFound, "Not found.")
		return
	}
	slices.SortFunc(mine, func(a, b *testgorilla.Candidature) int { return cmp.Compare(a.ID, b.ID) })
	var assessments, details []map[string]any
	tests := []map[string]any{}
	last := mine[0].Created
	for _, c := range mine {
		a := s.assessments[s.assessmentOf[c.ID]]
		assessments = append(assessments, map[string]any{"id": a.ID, "assessment_name": a.Name, "candidature_id": c.ID})
		for _, t := range s.tests[a.ID] {
			tests = append(tests, map[string]any{"id": t.id, "name": t.name})
		}
		if only == 0 || only == c.ID {
			details = append(details, s.candidatureDetailLocked(c))
		}
		if c.Created.After(last) {
			last = c.Created
		}
	}
	if only != 0 && len(details) == 0 {
		detail(w, http.StatusNotFound, "Not found.")
		return
	}
	fake.WriteJSON(w, http.StatusOK, map[string]any{
		"id": id, "full_name": mine[0].FullName, "email": mine[0].Email, "assessments": assessments,
		"assessments_count": len(assessments), "tests": tests, "last_activity": last, "assessments_detail": details,
	})
}
