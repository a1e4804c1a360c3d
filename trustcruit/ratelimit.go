package trustcruit

import (
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// RateLimitPolicy is the budget WithRateLimit paces a client under:
// Limit requests per Window, all the client's calls together. Trustcruit
// documents no rate limit, so there is no default: set both, from what
// Trustcruit agreed with you.
type RateLimitPolicy struct {
	Limit  int
	Window time.Duration
}

// pacing is p as the core paces by it.
func (p RateLimitPolicy) pacing() (rest.Pacing, error) {
	if p.Limit <= 0 || p.Window <= 0 {
		return rest.Pacing{}, invalid("WithRateLimit", "Trustcruit documents no rate limit: set a positive Limit and Window")
	}
	return rest.Pacing{Token: rest.Rate{Limit: p.Limit, Per: p.Window}}, nil
}
