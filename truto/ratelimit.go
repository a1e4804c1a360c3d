package truto

import (
	"cmp"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// RateLimitPolicy is the budget WithRateLimit paces a client under. Its
// zero value is Truto's documented one: 500 requests per 10 seconds for
// the token, and 50 per 10 seconds for each integrated account. A unified
// (or proxy) call counts against both, its account's budget and the
// token's; any other call against the token's.
//
// Set a field to change one number: for a plan with other limits, to
// leave room for another process that uses the same token or account, or
// to pace a test against trutotest's shortened window.
type RateLimitPolicy struct {
	// PerToken is how many requests the client sends per Window in all
	// (0: 500).
	PerToken int
	// PerAccount is how many unified and proxy requests of one integrated
	// account the client sends per Window (0: 50).
	PerAccount int
	// Window is the budgets' window (0: 10 seconds).
	Window time.Duration
}

// pacing is p as the core paces by it.
func (p RateLimitPolicy) pacing() (rest.Pacing, error) {
	if p.PerToken < 0 || p.PerAccount < 0 || p.Window < 0 {
		return rest.Pacing{}, invalid("WithRateLimit", "a negative budget or window")
	}
	window := cmp.Or(p.Window, 10*time.Second)
	account := rest.Rate{Limit: cmp.Or(p.PerAccount, 50), Per: window}
	return rest.Pacing{
		Token: rest.Rate{Limit: cmp.Or(p.PerToken, 500), Per: window},
		Key: func(r *rest.Request) (string, rest.Rate) {
			if !strings.HasPrefix(r.Path, "/unified/") && !strings.HasPrefix(r.Path, "/proxy/") {
				return "", rest.Rate{}
			}
			id := cmp.Or(r.Query.Get("integrated_account_id"), r.Call.Query.Get("integrated_account_id"))
			if id == "" {
				return "", rest.Rate{}
			}
			return id, account
		},
	}, nil
}
