package testgorilla

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"sync"

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
	rest    *rest.Client
	secrets secretSet // what checkPDF's error must not show

	Candidatures *CandidaturesService // a candidate's invitation to one assessment
	Candidates   *CandidatesService   // test takers across assessments
	Assessments  *AssessmentsService  // assessments, invitations, anti-cheating flags
	PublicLinks  *PublicLinksService  // links anyone can take an assessment with
	Results      *ResultsService      // test results (the PDF report: Candidates.RenderPDF)
}

// vendorOptions are the client settings of this package alone.
type vendorOptions struct {
	username, password string
}

// WithLogin makes the client log in by itself with a TestGorilla user's
// credentials (POST /api/profiles/login/) instead of using an API key,
// and log in again once when the server says the token is invalid or
// expired (a login token expires an hour after its last use). Pass an
// empty token to NewClient with it.
func WithLogin(username, password string) Option {
	return func(c *options) error {
		if username == "" || password == "" {
			return invalid("WithLogin", "username and password are required")
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
	c := &Client{}
	c.secrets.add(token)
	if o.username != "" {
		c.secrets.add(o.password)
		o.rest = append(o.rest, rest.WithReauth(rest.Reauth{
			Login: func(ctx context.Context) (string, error) {
				tok, err := login(ctx, c.rest, o.username, o.password)
				c.secrets.add(tok)
				return tok, err
			},
			Expired: func(e *rest.APIError) bool { return e.StatusCode == http.StatusUnauthorized },
		}))
	}
	if c.rest, err = rest.New(vendor, token, o.rest...); err != nil {
		return nil, publicError(err)
	}
	c.Candidatures = &CandidaturesService{c}
	c.Candidates = &CandidatesService{c}
	c.Assessments = &AssessmentsService{c}
	c.PublicLinks = &PublicLinksService{c}
	c.Results = &ResultsService{c}
	return c, nil
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
		return "", publicError(err)
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
	err := exec(ctx, rc, &requestConfig{}, &rest.Request{
		Method: http.MethodPost, Path: LoginPath, NoAuth: true, Redact: []string{password},
		Body: map[string]string{"username": username, "password": password},
		// A login only issues another token: safe to send again, and no
		// write whose fate an error must tell.
		Safe: true,
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

func (a *loginAnswer) decoded(json.RawMessage) error {
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

// secretSet is what no error of a refused PDF may show: the token, a
// WithLogin password, and the tokens logins got.
type secretSet struct {
	mu  sync.Mutex
	all []string
}

func (s *secretSet) add(v string) {
	if v == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all = append(s.all, v)
}

func (s *secretSet) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.all)
}
