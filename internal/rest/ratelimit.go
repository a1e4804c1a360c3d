package rest

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RateLimit is what an answer's rate-limit headers say. Each field is
// zero when its header was missing or unreadable; Known says whether
// any was read.
type RateLimit struct {
	Limit     int           // requests allowed per window
	Remaining int           // requests left in the current window
	Reset     time.Duration // until the current window resets
	Window    time.Duration // the window's length, when the server says it
	Known     bool
}

// ParseRateLimit reads the rate-limit headers of an answer, in either of
// the two families vendors use:
//
//   - RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset (the IETF
//     draft Truto follows). The limit may carry its window as a
//     parameter, "110;w=10", and may list several policies, "110, 50;w=60",
//     the first being the one in force; RateLimit-Policy may give the
//     window instead.
//   - X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset
//     (TestGorilla's, and most APIs').
//
// A reset is seconds until the window resets (fractions allowed); a
// value that can only be a Unix time is read as one, relative to now.
func ParseRateLimit(h http.Header, now time.Time) RateLimit {
	var rl RateLimit
	for _, prefix := range [...]string{"Ratelimit-", "X-Ratelimit-"} {
		if n, w, ok := parsePolicy(h.Get(prefix + "Limit")); ok {
			rl.Limit, rl.Known = n, true
			if rl.Window == 0 {
				rl.Window = w
			}
		}
		if n, err := strconv.Atoi(strings.TrimSpace(h.Get(prefix + "Remaining"))); err == nil && n >= 0 {
			rl.Remaining, rl.Known = n, true
		}
		if d, ok := parseReset(h.Get(prefix+"Reset"), now); ok {
			rl.Reset, rl.Known = d, true
		}
		if rl.Known {
			break
		}
	}
	if rl.Window == 0 {
		if n, w, ok := parsePolicy(h.Get("Ratelimit-Policy")); ok {
			rl.Window = w
			if rl.Limit == 0 {
				rl.Limit, rl.Known = n, true
			}
		}
	}
	return rl
}

// parsePolicy reads the first member of a policy list, "110;w=10" or
// "110, 50;w=60": the quota and its window (0 when not given).
func parsePolicy(v string) (quota int, window time.Duration, ok bool) {
	first, _, _ := strings.Cut(v, ",")
	parts := strings.Split(first, ";")
	n, err := strconv.Atoi(strings.TrimSpace(parts[0]))
	if err != nil || n < 0 {
		return 0, 0, false
	}
	for _, p := range parts[1:] {
		k, val, _ := strings.Cut(strings.TrimSpace(p), "=")
		if k != "w" {
			continue
		}
		if secs, err := strconv.ParseFloat(strings.TrimSpace(val), 64); err == nil && secs > 0 {
			window = seconds(secs)
		}
	}
	return n, window, true
}
