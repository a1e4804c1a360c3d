package trustcruit

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// Defaults of the wire format; see the package doc for which of them the
// vendor documents and which are assumed.
const (
	// DefaultBaseURL is the API host (documented).
	DefaultBaseURL = "https://api.trustcruit.com"
	// DefaultAppURL is the web app that hosts the create-customer page
	// (assumed: the documentation shows a placeholder host).
	DefaultAppURL = "https://app.trustcruit.com"
	// DefaultAuthScheme is the Authorization scheme (assumed: the vendor
	// does not publish it; override with WithAuthScheme).
	DefaultAuthScheme = "Token"
	// DefaultStatsPath is the customer stats endpoint (assumed: the
	// per-customer sibling of the public stats_global endpoint; override
	// with WithStatsPath).
	DefaultStatsPath = "/shinyform/api/answers/stats/"
	// SubmitCandidatePath is the submit-candidate endpoint (documented).
	// The trailing slash matters: without it the server answers 301.
	SubmitCandidatePath = "/feedback/api/candidate/"
)

// vendor is what the core needs to know of Trustcruit's API.
var vendor = rest.Vendor{
	Name:       "trustcruit",
	BaseURL:    DefaultBaseURL,
	AuthScheme: DefaultAuthScheme,
	ParseError: rest.ParseDRF,
}

// Client calls the Trustcruit API for one customer. It is safe for
// concurrent use.
type Client struct {
	rest      *rest.Client
	statsPath string
}

// Option configures a Client.
type Option func(*options) error

type options struct {
	rest      []rest.Option
	statsPath string
}

func core(o rest.Option) Option {
	return func(c *options) error { c.rest = append(c.rest, o); return nil }
}

// WithBaseURL sends requests to baseURL instead of DefaultBaseURL, for
// example to a trustcruittest.Server.
func WithBaseURL(baseURL string) Option { return core(rest.WithBaseURL(baseURL)) }

// WithHTTPClient carries every attempt on hc (its Transport, Jar and
// Timeout; redirects of writes are never followed).
func WithHTTPClient(hc *http.Client) Option { return core(rest.WithHTTPClient(hc)) }

// WithRetry sets the retry policy: at most maxRetries further attempts,
// waiting between minWait and maxWait. SubmitCandidate is retried only
// when the server cannot have acted on it (see the package doc).
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return core(rest.WithRetry(maxRetries, minWait, maxWait))
}

// WithUserAgent appends ua to the User-Agent header.
func WithUserAgent(ua string) Option { return core(rest.WithUserAgent(ua)) }

// WithLogger logs one debug line per attempt to l, never the token.
func WithLogger(l *slog.Logger) Option { return core(rest.WithLogger(l)) }

// WithMaxBodyBytes caps how much of a response body is read (32 MiB by
// default).
func WithMaxBodyBytes(n int64) Option { return core(rest.WithMaxBodyBytes(n)) }

// WithAuthScheme replaces the Authorization scheme, "Token" by default:
// the vendor does not publish it.
func WithAuthScheme(scheme string) Option { return core(rest.WithAuthScheme(scheme)) }

// WithStatsPath replaces the customer stats path, DefaultStatsPath by
// default: the vendor does not publish it. It must start and end with "/".
func WithStatsPath(path string) Option {
	return func(c *options) error {
		if !strings.HasPrefix(path, "/") || !strings.HasSuffix(path, "/") {
			return fmt.Errorf("stats path %q: must start and end with /", path)
		}
		c.statsPath = path
		return nil
	}
}

// NewClient returns a client authenticated with the customer's auth
// token, the one the create-customer callback returned (see
// ParseCallback). An empty token is an error.
func NewClient(token string, opts ...Option) (*Client, error) {
	o := options{statsPath: DefaultStatsPath}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&o); err != nil {
			return nil, fmt.Errorf("trustcruit: %w", err)
		}
	}
	rc, err := rest.New(vendor, token, o.rest...)
	if err != nil {
		return nil, err
	}
	return &Client{rest: rc, statsPath: o.statsPath}, nil
}

// String describes the client without its token.
func (c *Client) String() string { return c.rest.String() }

// Format prints String for every verb, so that no formatting shows the
// token.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }
