package trustcruit

import (
	"cmp"
	"fmt"
	"io"
	"strings"

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

// vendorOptions are the client settings of this package alone.
type vendorOptions struct {
	statsPath string
}

// WithAuthScheme replaces the Authorization scheme, "Token" by default:
// the vendor does not publish it.
func WithAuthScheme(scheme string) Option { return coreOption(rest.WithAuthScheme(scheme)) }

// WithStatsPath replaces the customer stats path, DefaultStatsPath by
// default: the vendor does not publish it. It must start and end with "/".
func WithStatsPath(path string) Option {
	return func(c *options) error {
		if !strings.HasPrefix(path, "/") || !strings.HasSuffix(path, "/") {
			return invalid("WithStatsPath", fmt.Sprintf("%q must start and end with /", path))
		}
		c.statsPath = path
		return nil
	}
}

// NewClient returns a client authenticated with the customer's auth
// token, the one the create-customer callback returned (see
// ParseCallback). An empty token, or an option that refuses its value,
// is a *ValidationError.
func NewClient(token string, opts ...Option) (*Client, error) {
	o, err := collect(opts)
	if err != nil {
		return nil, err
	}
	rc, err := rest.New(vendor, token, o.rest...)
	if err != nil {
		return nil, publicError(err)
	}
	return &Client{rest: rc, statsPath: cmp.Or(o.statsPath, DefaultStatsPath)}, nil
}

// String describes the client without its token.
func (c *Client) String() string { return c.rest.String() }

// Format prints String for every verb, so that no formatting shows the
// token.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }
