package testgorilla

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// DefaultBaseURL is TestGorilla's host; paths start with /api/.
const DefaultBaseURL = "https://app.testgorilla.com"

var vendor = rest.Vendor{
	Name:       "testgorilla",
	BaseURL:    DefaultBaseURL,
	AuthScheme: "Token",
	ParseError: parseError,
	Classify:   classify,
}

// Client calls the TestGorilla API. Its services group the endpoints as
// the vendor's documentation does. It is safe for concurrent use.
type Client struct {
	rest *rest.Client

	Candidatures *CandidaturesService // a candidate's invitation to one assessment
	Candidates   *CandidatesService   // test takers across assessments
	Assessments  *AssessmentsService  // assessments and invitations
	Results      *ResultsService      // test results of a candidate in an assessment
}

// Option configures a Client (and Login).
type Option func(*options) error

type options struct {
	rest               []rest.Option
	username, password string
}

func core(o rest.Option) Option {
	return func(c *options) error { c.rest = append(c.rest, o); return nil }
}

// WithBaseURL sends requests to baseURL instead of DefaultBaseURL, for
// example to a testgorillatest.Server.
func WithBaseURL(baseURL string) Option { return core(rest.WithBaseURL(baseURL)) }

// WithHTTPClient carries every attempt on hc (its Transport, Jar and
// Timeout; redirects of writes are never followed).
func WithHTTPClient(hc *http.Client) Option { return core(rest.WithHTTPClient(hc)) }

// WithRetry sets the retry policy: at most maxRetries further attempts,
// waiting between minWait and maxWait, or as long as X-RateLimit-Reset
// says when that is within maxWait and the context's deadline.
func WithRetry(maxRetries int, minWait, maxWait time.Duration) Option {
	return core(rest.WithRetry(maxRetries, minWait, maxWait))
}

// WithUserAgent appends ua to the User-Agent header.
func WithUserAgent(ua string) Option { return core(rest.WithUserAgent(ua)) }

// WithLogger logs one debug line per attempt to l, never the token or the
// password.
func WithLogger(l *slog.Logger) Option { return core(rest.WithLogger(l)) }

// WithMaxBodyBytes caps how much of a response body is read (32 MiB by
// default).
func WithMaxBodyBytes(n int64) Option { return core(rest.WithMaxBodyBytes(n)) }

// WithLogin makes the client log in by itself with a TestGorilla user's
// credentials (POST /api/profiles/login/) instead of using an API key,
// and log in again once when the server says the token is invalid or
// expired (a login token expires an hour after its last use). Pass an
// empty token to NewClient with it.
func WithLogin(username, password string) Option {
	return func(c *options) error {
		if username == "" || password == "" {
			return fmt.Errorf("login: username and password are required")
		}
		c.username, c.password = username, password
		return nil
	}
}

// NewClient returns a client authenticated with token, an API key from
// the TestGorilla app (Integrations) or a token from Login. With
// WithLogin the token may be empty.
func NewClient(token string, opts ...Option) (*Client, error) {
	o, err := collect(opts)
	if err != nil {
		return nil, err
	}
	var rc *rest.Client
	if o.username != "" {
		o.rest = append(o.rest, rest.WithReauth(rest.Reauth{
			Login:   func(ctx context.Context) (string, error) { return login(ctx, rc, o.username, o.password) },
			Expired: func(e *APIError) bool { return e.StatusCode == http.StatusUnauthorized },
		}))
	}
	if rc, err = rest.New(vendor, token, o.rest...); err != nil {
		return nil, err
	}
	c := &Client{rest: rc}
	c.Candidatures = &CandidaturesService{c}
	c.Candidates = &CandidatesService{c}
	c.Assessments = &AssessmentsService{c}
	c.Results = &ResultsService{c}
	return c, nil
}

func collect(opts []Option) (options, error) {
	var o options
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&o); err != nil {
			return o, fmt.Errorf("testgorilla: %w", err)
		}
	}
	return o, nil
}

// LoginPath is the documented login endpoint.
const LoginPath = "/api/profiles/login/"

// Login exchanges a TestGorilla user's credentials for a token:
//
//	POST /api/profiles/login/ {"username": ..., "password": ...}
//
// The token expires an hour after its last use; WithLogin renews it by
// itself. opts configure the request as they do NewClient. Neither the
// password nor the token appears in an error.
func Login(ctx context.Context, username, password string, opts ...Option) (string, error) {
	o, err := collect(opts)
	if err != nil {
		return "", err
	}
	rc, err := rest.New(vendor, "", append(o.rest, rest.WithNoToken())...)
	if err != nil {
		return "", err
	}
	return login(ctx, rc, username, password)
}

func login(ctx context.Context, rc *rest.Client, username, password string) (string, error) {
	if username == "" {
		return "", invalid("username", "required")
	}
	if password == "" {
		return "", invalid("password", "required")
	}
	var out loginAnswer
	_, err := rc.Do(ctx, &rest.Request{
		Method: http.MethodPost, Path: LoginPath, NoAuth: true, Redact: []string{password},
		Body: map[string]string{"username": username, "password": password},
		// A repeated login only issues another token: safe to retry.
		Idempotent: true,
	}, &out)
	if err != nil {
		return "", err
	}
	return out.Token, nil
}

// loginAnswer is {"token": ...}; an answer without one is a *DecodeError.
type loginAnswer struct {
	Token string `json:"token"`
}

func (a *loginAnswer) Decoded(json.RawMessage) error {
	if a.Token == "" {
		return fmt.Errorf(`want {"token": ...}; the answer carried no token`)
	}
	return nil
}

// String describes the client without its token.
func (c *Client) String() string { return c.rest.String() }

// Format prints String for every verb, so that no formatting shows the
// token.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// do sends one request of this vendor.
func (c *Client) do(ctx context.Context, r *rest.Request, out any) error {
	_, err := c.rest.Do(ctx, r, out)
	return err
}
