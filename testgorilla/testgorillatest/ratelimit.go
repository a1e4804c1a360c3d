package testgorillatest

import (
	"net/http"
	"strconv"
	"time"
)

// operation is a rate-limited endpoint.
type operation string

// The rate-limited endpoints (limits: see limits).
const (
	opListAssessments  operation = "list assessments"
	opAssessment       operation = "assessment details"
	opInvite           operation = "invite"
	opResend           operation = "re-send invitation"
	opListCandidatures operation = "list candidatures"
	opCandidate        operation = "candidate details"
	opDelete           operation = "delete candidature"
	opChangeStage      operation = "change stage"
	opReminder         operation = "rejection email"
	opResults          operation = "results"
	opResult           operation = "result details"
	opRenderPDF        operation = "results as PDF"
	opAntiCheating     operation = "anti-cheating flags"
	opPublicLink       operation = "public link"
	opCodeReport       operation = "coding test report"
	opPersonality      operation = "personality description"
)

// limits are the requests per minute of each endpoint, as the table of
// docs.testgorilla.com/apis/rate-limits gives them, except opRenderPDF,
// opCodeReport and opPersonality, which are assumed to be limited as
// the results are (60): the table's rows, read up to the results'
// detail, do not name them; the row after that begins
// /api/assessments/candidates/<TEST_TAKER_ID>/ (the PDF's path, most
// likely) but its limit was cut off in the copy of the page at hand.
var limits = map[operation]int{
	opListAssessments: 20, opAssessment: 20, opInvite: 60, opResend: 60, opListCandidatures: 100,
	opCandidate: 100, opDelete: 20, opChangeStage: 60, opReminder: 30, opResults: 60,
	opResult: 60, opAntiCheating: 100, opPublicLink: 10,
	opRenderPDF: 60, opCodeReport: 60, opPersonality: 60,
}

// rateWindow counts one token's requests to one endpoint in one window.
type rateWindow struct {
	start time.Time
	used  int
}

// admit counts the request against its endpoint's window and sets the
// X-RateLimit headers; over the limit it answers 429 and returns false.
func (s *Server) admit(w http.ResponseWriter, token string, op operation) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.limited {
		return true
	}
	limit := limits[op]
	now := s.now()
	key := string(op) + "\x00" + token
	win := s.windows[key]
	if win == nil || now.Sub(win.start) >= s.window {
		win = &rateWindow{start: now}
		s.windows[key] = win
	}
	reset := win.start.Add(s.window).Sub(now)
	h := w.Header()
	h.Set("X-RateLimit-Limit", strconv.Itoa(limit))
	h.Set("X-RateLimit-Reset", seconds(reset))
	if win.used >= limit {
		h.Set("X-RateLimit-Remaining", "0")
		detail(w, http.StatusTooManyRequests, "Request was throttled. Expected available in "+seconds(reset)+" seconds.")
		return false
	}
	win.used++
	h.Set("X-RateLimit-Remaining", strconv.Itoa(limit-win.used))
	return true
}

// seconds formats d in whole seconds, rounded up, as the API does; a
// window shortened below a second (SetRateLimitWindow) is given in
// fractions, which package testgorilla reads too.
func seconds(d time.Duration) string {
	if d >= time.Second {
		return strconv.Itoa(int((d + time.Second - 1) / time.Second))
	}
	return strconv.FormatFloat(d.Seconds(), 'f', 3, 64)
}
