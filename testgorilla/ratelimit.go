package testgorilla

import (
	"cmp"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// RateLimitPolicy is the budget WithRateLimit paces a client under. Its
// zero value is TestGorilla's documented one: each endpoint has a budget
// of its own per minute, counted per token.
//
//	update a public link                                          10
//	list assessments, assessment details, delete a candidature    20
//	rejection email (send-reminder)                               30
//	invite, personal link, re-send invitation, change stage,
//	results, result details                                       60
//	list candidatures, candidate details, anti-cheating          100
//
// The PDF report, the code report and the personality description are
// paced as the results are (60), as the package doc assumes. An endpoint
// the documentation gives no budget (the login) is paced at the lowest,
// 10 a minute: an assumption on the safe side, as repeated overruns can
// get a token blocked.
type RateLimitPolicy struct {
	// Window is how long the budgets above last (0: a minute). A longer
	// one paces slower, to leave room for another process that uses the
	// same token (2 minutes: half the budget each); a shorter one paces a
	// test against testgorillatest's SetRateLimitWindow.
	Window time.Duration
}

// endpointBudgets are the documented requests per minute of each
// endpoint, by method and path with its ids as {id}.
var endpointBudgets = map[string]int{
	"PUT /api/assessments/public_links/{id}/":                    10,
	"GET /api/assessments/":                                      20,
	"GET /api/assessments/{id}/":                                 20,
	"DELETE /api/assessments/candidature/{id}/":                  20,
	"POST /api/assessments/candidature/{id}/send-reminder/":      30,
	"POST /api/assessments/{id}/invite_candidate/":               60,
	"POST /api/assessments/candidature/{id}/send-invitation/":    60,
	"PATCH /api/assessments/candidature/{id}/change_stage/":      60,
	"GET /api/assessments/results/":                              60,
	"GET /api/assessments/results/{id}/":                         60,
	"GET /api/assessments/candidates/{id}/render_pdf/":           60,
	"GET /api/assessments/code_questions/{id}/invitation_token/": 60,
	"GET /api/tests/personality/{id}/{id}/":                      60,
	"GET /api/assessments/candidature/":                          100,
	"GET /api/assessments/candidates/{id}/":                      100,
}

// undocumentedBudget paces an endpoint missing from endpointBudgets.
const undocumentedBudget = 10

// pacing is p as the core paces by it.
func (p RateLimitPolicy) pacing() (rest.Pacing, error) {
	if p.Window < 0 {
		return rest.Pacing{}, invalid("WithRateLimit", "a negative window")
	}
	window := cmp.Or(p.Window, time.Minute)
	return rest.Pacing{Key: func(r *rest.Request) (string, rest.Rate) {
		key := r.Method + " " + endpointOf(r.Path)
		return key, rest.Rate{Limit: cmp.Or(endpointBudgets[key], undocumentedBudget), Per: window}
	}}, nil
}

// endpointOf is path with its variable segments as {id}: numeric ids,
// a public link's UUID, and a personality description's algorithm and
// score.
func endpointOf(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		switch {
		case s != "" && strings.Trim(s, "0123456789") == "",
			i > 0 && segs[i-1] == "public_links",
			i > 3 && segs[i-1] == "personality" || i > 4 && segs[i-2] == "personality":
			segs[i] = "{id}"
		}
	}
	return strings.Join(segs, "/")
}
