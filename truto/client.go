package truto

import (
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// DefaultBaseURL is Truto's API host.
const DefaultBaseURL = "https://api.truto.one"

var vendor = rest.Vendor{
	Name:        "truto",
	BaseURL:     DefaultBaseURL,
	AuthScheme:  "Bearer",
	ParseError:  parseError,
	Classify:    classify,
	RetryStatus: retryStatus,
}

// retryStatus follows Truto's guidance: retry 429, 500, 502 and 504, and
// never 503 (the integrated account is blocked), 409 or 422.
func retryStatus(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// Client calls Truto's unified API. ATS holds the typed ATS resources;
// Resource reaches any other unified model. It is safe for concurrent
// use.
type Client struct {
	rest *rest.Client
	ATS  *ATS
}

// Option configures a Client.
type Option func(*[]rest.Option)

func core(o rest.Option) Option { return func(opts *[]rest.Option) { *opts = append(*opts, o) } }

// WithBaseURL sends requests to baseURL instead of DefaultBaseURL, for
// example to a trutotest.Server.
func WithBaseURL(baseURL string) Option { return core(rest.WithBaseURL(baseURL)) }

// WithHTTPClient carries every attempt on hc (its Transport, Jar and
// Timeout; redirects of writes are never followed).
func WithHTTPClient(hc *http.Client) Option { return core(rest.WithHTTPClient(hc)) }

// WithRetry sets the retry policy: at most maxRetries further attempts,
// waiting between minWait and maxWait, or as long as Retry-After says
// when that is within maxWait and the context's deadline.
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return core(rest.WithRetry(maxRetries, minWait, maxWait))
}

// WithUserAgent appends ua to the User-Agent header.
func WithUserAgent(ua string) Option { return core(rest.WithUserAgent(ua)) }

// WithLogger logs one debug line per attempt to l, never the token.
func WithLogger(l *slog.Logger) Option { return core(rest.WithLogger(l)) }

// WithMaxBodyBytes caps how much of a response body is read (32 MiB by
// default). Streamed answers (Stream, Attachments.Download) are not
// capped: you read them.
func WithMaxBodyBytes(n int64) Option { return core(rest.WithMaxBodyBytes(n)) }

// NewClient returns a client authenticated with a Truto API token
// (Authorization: Bearer <token>). An empty token is an error.
func NewClient(token string, opts ...Option) (*Client, error) {
	var ro []rest.Option
	for _, opt := range opts {
		if opt != nil {
			opt(&ro)
		}
	}
	rc, err := rest.New(vendor, token, ro...)
	if err != nil {
		return nil, err
	}
	c := &Client{rest: rc}
	c.ATS = newATS(c)
	return c, nil
}

// String describes the client without its token.
func (c *Client) String() string { return c.rest.String() }

// Format prints String for every verb, so that no formatting shows the
// token.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }
