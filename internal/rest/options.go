package rest

import (
	"context"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Defaults of the retry policy, the body cap and the timeout.
const (
	DefaultMaxRetries   = 3
	DefaultMinWait      = 500 * time.Millisecond
	DefaultMaxWait      = 30 * time.Second
	DefaultMaxBodyBytes = 32 << 20
	// DefaultTimeout bounds a whole call, its retries and their waits
	// included. It is stripe-go's figure: long enough for Truto to proxy a
	// slow ATS and for a 10-second rate-limit wait besides, short enough
	// that a hung server cannot hold a caller (or a goroutine) forever.
	DefaultTimeout = 80 * time.Second
)

// Option configures a Client. Every vendor package re-exports these
// under its own name (testgorilla.WithBaseURL, ...), so one implementation
// serves them all.
type Option func(*settings) error

// settings is what the options set; New validates it as a whole.
type settings struct {
	baseURL      string
	httpClient   *http.Client
	maxRetries   int
	minWait      time.Duration
	maxWait      time.Duration
	userAgent    string
	logger       *slog.Logger
	maxBodyBytes int64
	authScheme   string
	reauth       *Reauth
	noToken      bool
	timeout      time.Duration
	pacing       *Pacing // nil: requests leave unpaced
}

// WithBaseURL sends requests to baseURL instead of the vendor's API host,
// for instance to an in-process fake. It must be an absolute http(s) URL;
// a path in it prefixes every request path.
func WithBaseURL(baseURL string) Option {
	return func(s *settings) error {
		u, err := url.Parse(baseURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return Invalidf("", "WithBaseURL", "%q is not an absolute http or https URL", baseURL)
		}
		if u.RawQuery != "" || u.Fragment != "" || u.User != nil {
			return Invalidf("", "WithBaseURL", "%q must not carry a query, fragment or user info", baseURL)
		}
		s.baseURL = strings.TrimSuffix(u.String(), "/")
		return nil
	}
}

// WithHTTPClient carries every attempt on hc: its Transport, Jar and
// Timeout are used (set hc.Transport to an httpmock transport to mock the
// API). The client keeps its own copy of hc whose redirect policy follows
// redirects of GET and HEAD only, because Go would silently turn a
// redirected POST into a GET and drop its body; set hc's fields before
// passing it.
func WithHTTPClient(hc *http.Client) Option {
	return func(s *settings) error {
		if hc == nil {
			return Invalid("", "WithHTTPClient", "must not be nil")
		}
		s.httpClient = hc
		return nil
	}
}

// WithRetry sets the retry policy: at most maxRetries further attempts
// after the first, waiting between minWait and maxWait (exponential
// backoff with full jitter, unless the server says how long to wait). A
// server-requested wait longer than maxWait is not taken. maxRetries 0
// turns retries off.
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return func(s *settings) error {
		if maxRetries < 0 {
			return Invalidf("", "WithRetry", "maxRetries %d is negative", maxRetries)
		}
		if minWait < 0 || maxWait < minWait {
			return Invalidf("", "WithRetry", "want 0 <= minWait <= maxWait, got %v and %v", minWait, maxWait)
		}
		s.maxRetries, s.minWait, s.maxWait = maxRetries, minWait, maxWait
		return nil
	}
}

// WithTimeout bounds every call of the client, its retries and their
// waits included, at d (DefaultTimeout unless set); 0 means no timeout.
// A call's own WithRequestTimeout, or an earlier deadline of its
// context, wins. A call that runs out of time ends with a
// *TransportError matching context.DeadlineExceeded.
func WithTimeout(d time.Duration) Option {
	return func(s *settings) error {
		if d < 0 {
			return Invalidf("", "WithTimeout", "%v is negative", d)
		}
		s.timeout = d
		return nil
	}
}

// WithUserAgent appends ua to the User-Agent header, after
// "recruitkit-go/<version>", so the vendor can tell your integration apart.
func WithUserAgent(ua string) Option {
	return func(s *settings) error {
		if strings.ContainsAny(ua, "\r\n") {
			return Invalid("", "WithUserAgent", "must be one line")
		}
		s.userAgent = strings.TrimSpace(ua)
		return nil
	}
}

// WithLogger logs to l, at debug level, one line per attempt (method,
// path, status or error, duration, the wait before the next attempt) and
// one per call (its outcome, attempts and duration). Without it the
// client logs nothing. Lines never carry a credential or the query string.
func WithLogger(l *slog.Logger) Option {
	return func(s *settings) error {
		s.logger = l
		return nil
	}
}

// WithMaxBodyBytes caps how much of a response body is read (default 32
// MiB). A larger body ends the call with an error matching
// ErrResponseTooLarge instead of exhausting memory.
func WithMaxBodyBytes(n int64) Option {
	return func(s *settings) error {
		if n <= 0 {
			return Invalidf("", "WithMaxBodyBytes", "%d is not positive", n)
		}
		s.maxBodyBytes = n
		return nil
	}
}

// WithAuthScheme replaces the vendor's authorization scheme, the word
// before the token in the Authorization header ("Token", "Bearer").
func WithAuthScheme(scheme string) Option {
	return func(s *settings) error {
		if scheme == "" || strings.ContainsAny(scheme, " \t\r\n") {
			return Invalidf("", "WithAuthScheme", "%q is not one word", scheme)
		}
		s.authScheme = scheme
		return nil
	}
}

// Reauth lets a client get a new token by itself and try a call once more
// when the server says the token is no longer valid.
type Reauth struct {
	// Login returns a fresh token. The call that needed it passes its own
	// context, so a cancelled call cancels the login too.
	Login func(ctx context.Context) (string, error)
	// Expired reports whether an error answer means the token is invalid
	// or expired (as opposed to lacking permission).
	Expired func(*APIError) bool
}

// WithReauth installs r. A vendor package builds it from its own login
// endpoint (see testgorilla.WithLogin). With r installed the token given to
// New may be empty: the first call logs in.
func WithReauth(r Reauth) Option {
	return func(s *settings) error {
		if r.Login == nil || r.Expired == nil {
			return Invalid("", "WithReauth", "Login and Expired are required")
		}
		s.reauth = &r
		return nil
	}
}

// WithNoToken lets New take an empty token, for a client whose every
// request is NoAuth (a login call made before there is a token).
func WithNoToken() Option {
	return func(s *settings) error {
		s.noToken = true
		return nil
	}
}
