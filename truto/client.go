package truto

import (
	"fmt"
	"io"
	"net/http"

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

// Client calls Truto's API. ATS holds the typed unified ATS resources;
// Resource reaches any other unified model, and Proxy the integration's
// own API. The other services are Truto's admin API: connecting a
// customer's account (LinkTokens, IntegratedAccounts,
// EnvironmentIntegrations) and the webhooks that report on it
// (Webhooks). It is safe for concurrent use.
type Client struct {
	rest *rest.Client
	ATS  *ATS

	LinkTokens              *LinkTokensService
	IntegratedAccounts      *IntegratedAccountsService
	EnvironmentIntegrations *EnvironmentIntegrationsService
	Webhooks                *WebhooksService
}

// NewClient returns a client authenticated with a Truto API token
// (Authorization: Bearer <token>). An empty token, or an option that
// refuses its value, is a *ValidationError.
func NewClient(token string, opts ...Option) (*Client, error) {
	o, err := collect(opts)
	if err != nil {
		return nil, err
	}
	rc, err := rest.New(vendor, token, o.rest...)
	if err != nil {
		return nil, publicError(err)
	}
	c := &Client{rest: rc}
	c.ATS = newATS(c)
	c.LinkTokens = &LinkTokensService{c: c}
	c.IntegratedAccounts = &IntegratedAccountsService{a: admin[IntegratedAccount]{c: c, path: "/integrated-account"}}
	c.EnvironmentIntegrations = &EnvironmentIntegrationsService{a: admin[EnvironmentIntegration]{c: c, path: "/environment-integration"}}
	c.Webhooks = &WebhooksService{a: admin[Webhook]{c: c, path: "/webhook"}}
	return c, nil
}

// String describes the client without its token.
func (c *Client) String() string { return c.rest.String() }

// Format prints String for every verb, so that no formatting shows the
// token.
func (c *Client) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }
