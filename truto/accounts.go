package truto

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// Connecting an end customer's ATS: a link token opens Truto's connect
// flow for one tenant; the account it creates is an integrated account,
// usable once its status is active (Truto sends
// integrated_account:active to your webhooks); its capabilities say
// which unified resources and methods it supports.
//
// Sources: https://truto.one/docs/api-reference/admin/link-token,
// .../admin/integrated-accounts (with .../integrated-accounts/create-token),
// .../admin/installed-integrations-environment-integrations,
// and https://truto.one/docs/guides/integrated-accounts/connecting-an-account.

// LinkTokensService creates link tokens, /link-token.
type LinkTokensService struct{ c *Client }

// CreateLinkTokenParams is the body of a link token create. Exactly one
// of TenantID (a new connection) and IntegratedAccountID (reconnect an
// existing account) is required.
type CreateLinkTokenParams struct {
	// TenantID is your own id of the customer. Truto creates a tenant for
	// it when it matches [A-Za-z0-9._:@+-]{1,256}; other values work
	// without one.
	TenantID string `json:"tenant_id,omitempty"`
	// IntegratedAccountID reconnects (re-authorizes) that account; the
	// user goes straight to its integration.
	IntegratedAccountID string `json:"integrated_account_id,omitempty"`
	// Context pre-fills the account's variables ({"label": "..."}).
	Context map[string]any `json:"context,omitempty" personal:"secret"`
	// RedirectURI is where the user goes after the flow.
	RedirectURI string `json:"redirect_uri,omitempty"`
	// Scopes are OAuth scopes; they win over the defaults of the unified
	// model and the integration.
	Scopes []string `json:"scopes,omitempty"`
	// PersistPreviousContext merges the old context into the new one on a
	// reconnect, instead of replacing it.
	PersistPreviousContext bool `json:"persist_previous_context,omitempty"`
	// StaticGateID is a static gate for the account
	// (truto_static_gate_id).
	StaticGateID string `json:"truto_static_gate_id,omitempty"`
	// Region places a new account: wnam (Truto's default), enam, apac or
	// eu. A reconnect ignores it.
	Region string `json:"region,omitempty"`
}

func (p CreateLinkTokenParams) validate() error {
	switch {
	case p.TenantID == "" && p.IntegratedAccountID == "":
		return invalid("TenantID", "required for a new connection (or IntegratedAccountID, to reconnect an account)")
	case p.TenantID != "" && p.IntegratedAccountID != "":
		return invalid("TenantID", "not with IntegratedAccountID: a reconnect keeps the account's tenant")
	case len(p.TenantID) > 256 || strings.ContainsAny(p.TenantID, "\r\n"):
		return invalid("TenantID", "at most 256 characters on one line")
	}
	switch p.Region {
	case "", "wnam", "enam", "apac", "eu":
	default:
		return invalid("Region", fmt.Sprintf("%q is not wnam, enam, apac or eu", p.Region))
	}
	return nil
}

// LinkToken opens Truto's connect flow for one tenant. Truto documents
// no expiry; create one per connection attempt, on your backend (never
// with the API token in a browser).
type LinkToken struct {
	Token string `json:"link_token" personal:"secret"`
}

// String describes the token without its value: Token and ConnectURL
// are how it is handed on.
func (t LinkToken) String() string { return redactedToken("LinkToken", t.Token) }

// Format prints String for every verb, so that no formatting (%#v
// included) shows the token.
func (t LinkToken) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, t.String()) }

// ConnectAppURL is where Truto's hosted connect flow lives.
const ConnectAppURL = "https://app.truto.one/connect-account"

// ConnectURL is the page that connects an account with the token:
// https://app.truto.one/connect-account?link_token=<token> (or give the
// token to Truto's link SDK in the browser).
func (t LinkToken) ConnectURL() string {
	return ConnectAppURL + "?" + url.Values{"link_token": {t.Token}}.Encode()
}

func (t *LinkToken) decoded(json.RawMessage) error { return tokenIn(t.Token, "link_token") }

// Create creates a link token. It is a write Truto does not document as
// idempotent: it is not sent again once it may have reached Truto (a
// lost answer costs an unused token: create another).
//
//	POST /link-token
func (s *LinkTokensService) Create(ctx context.Context, p CreateLinkTokenParams, opts ...RequestOption) (*LinkToken, error) {
	var out LinkToken
	if err := createSecret(ctx, s.c, opts, p.validate, "/link-token", p, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// redactedToken describes the credential type name without its value.
func redactedToken(name, token string) string {
	if token == "" {
		return "truto." + name + "{}"
	}
	return "truto." + name + "{<redacted>}"
}

// tokenIn checks an answer that must carry a token under key.
func tokenIn(token, key string) error {
	if token == "" {
		return fmt.Errorf(`want {%q: "..."}`, key)
	}
	return nil
}

// createSecret sends an admin create whose answer is a credential:
// options and input are checked first (check), nothing is sent twice
// once it may have arrived (admin writes carry no key), and a
// *DecodeError does not quote the answer.
func createSecret(ctx context.Context, c *Client, opts []RequestOption, check func() error, path string, body, out any) error {
	cfg, err := adminConfig(opts)
	if err != nil {
		return err
	}
	if err := check(); err != nil {
		return err
	}
	return hideSnippet(exec(ctx, c.rest, cfg, newAdminRequest(http.MethodPost, path, body), out))
}

// AccountStatus is an integrated account's status. Truto documents the
// five below; others may come, so it is an open string.
type AccountStatus string

// The documented statuses.
const (
	StatusActive           AccountStatus = "active"             // ready for API calls
	StatusConnecting       AccountStatus = "connecting"         // post-install or validation steps running
	StatusPostInstallError AccountStatus = "post_install_error" // needs reconnecting
	StatusValidationError  AccountStatus = "validation_error"   // needs reconnecting
	StatusNeedsReauth      AccountStatus = "needs_reauth"       // credentials refused: reconnect with a link token
)

// IntegratedAccount is one customer's connected account (its ATS), with
// its credentials removed.
type IntegratedAccount struct {
	ID                       string `json:"id"`
	TenantID                 string `json:"tenant_id,omitempty"`
	EnvironmentID            string `json:"environment_id,omitempty"`
	EnvironmentIntegrationID string `json:"environment_integration_id,omitempty"`
	// Context is the account's variables (credentials removed).
	Context   map[string]any `json:"context,omitempty" personal:"secret"`
	Status    AccountStatus  `json:"status,omitempty"`
	LastError string         `json:"last_error,omitempty"`
	// LastActionResult is the outcome of the post-install and validation
	// steps.
	LastActionResult map[string]any `json:"last_action_result,omitempty"`
	// IsSandbox: Truto refuses writes on a sandbox account (405).
	IsSandbox bool `json:"is_sandbox,omitempty"`
	// AuthenticationMethod is oauth2, api_key, oauth2_client_credentials,
	// keka_oauth, ...
	AuthenticationMethod string `json:"authentication_method,omitempty"`
	// Region is wnam, enam, apac or eu; it never changes.
	Region                 string                  `json:"region,omitempty"`
	Integration            *Integration            `json:"integration,omitempty"`
	EnvironmentIntegration *EnvironmentIntegration `json:"environment_integration,omitempty"`
	UnifiedModelOverride   map[string]any          `json:"unified_model_override,omitempty"`
	CreatedAt              Time                    `json:"created_at,omitzero"`
	UpdatedAt              Time                    `json:"updated_at,omitzero"`

	source
}

// Integration is what Truto connects to: "greenhouse", "lever", ...
type Integration struct {
	ID       string `json:"id,omitempty"`
	Name     string `json:"name,omitempty"`
	Category string `json:"category,omitempty"`
	IsBeta   bool   `json:"is_beta,omitempty"`
	// Sharing is deny, ask or allow.
	Sharing   string         `json:"sharing,omitempty"`
	Config    map[string]any `json:"config,omitempty"`
	CreatedAt Time           `json:"created_at,omitzero"`
	UpdatedAt Time           `json:"updated_at,omitzero"`
}

// EnvironmentIntegration is an integration installed in the
// environment.
type EnvironmentIntegration struct {
	ID            string         `json:"id"`
	IntegrationID string         `json:"integration_id,omitempty"`
	EnvironmentID string         `json:"environment_id,omitempty"`
	ShowInCatalog bool           `json:"show_in_catalog,omitempty"`
	IsEnabled     bool           `json:"is_enabled,omitempty"`
	Override      map[string]any `json:"override,omitempty"`
	Integration   *Integration   `json:"integration,omitempty"`
	CreatedAt     Time           `json:"created_at,omitzero"`
	UpdatedAt     Time           `json:"updated_at,omitzero"`

	source
}

func (a *IntegratedAccount) recordID() string      { return a.ID }
func (e *EnvironmentIntegration) recordID() string { return e.ID }

// IntegratedAccountsService is the environment's integrated accounts,
// /integrated-account. Connect new ones with LinkTokens.
type IntegratedAccountsService struct{ a admin[IntegratedAccount] }

// ListIntegratedAccountsParams filter and page a list of integrated
// accounts. Zero fields are not sent.
type ListIntegratedAccountsParams struct {
	TenantID string `url:"tenant_id,omitempty"`
	// IntegrationName is the integration's name, "greenhouse", sent as
	// integration[name] (Truto's nested query form).
	IntegrationName string        `url:"integration[name],omitempty"`
	Status          AccountStatus `url:"status,omitempty"`
	IsSandbox       *bool         `url:"is_sandbox,omitempty"`
	EnvironmentID   string        `url:"environment_id,omitempty"`
	Limit           int           `url:"limit,omitempty"`
	// Cursor is the next_cursor of the previous page.
	Cursor string `url:"next_cursor,omitempty"`
	// Filter holds other parameters, sent as they are
	// (created_at[gt]=2024-01-01T00:00:00Z, ...).
	Filter url.Values `url:"-"`
}

// List returns one page of integrated accounts.
//
//	GET /integrated-account?tenant_id=&integration[name]=&status=&limit=&next_cursor=
func (s *IntegratedAccountsService) List(ctx context.Context, p ListIntegratedAccountsParams, opts ...RequestOption) (*ListPage[IntegratedAccount], error) {
	return s.a.listOf(ctx, p, p.Filter, p.Limit, opts)
}

// All ranges over every integrated account from p.Cursor on, page by
// page (as ResourceClient.All does).
//
//	GET /integrated-account?...&next_cursor=
func (s *IntegratedAccountsService) All(ctx context.Context, p ListIntegratedAccountsParams, opts ...RequestOption) iter.Seq2[IntegratedAccount, error] {
	return s.a.allOf(ctx, p, p.Filter, p.Limit, opts)
}

// Get returns one integrated account.
//
//	GET /integrated-account/<id>
func (s *IntegratedAccountsService) Get(ctx context.Context, id string, opts ...RequestOption) (*IntegratedAccount, error) {
	return s.a.get(ctx, id, opts)
}

// UpdateIntegratedAccountParams is the body of an integrated account
// update. Truto merges an OAuth context into the old one rather than
// replacing it.
type UpdateIntegratedAccountParams struct {
	TenantID string         `json:"tenant_id,omitempty"`
	Context  map[string]any `json:"context,omitempty" personal:"secret"`
}

// Update changes an integrated account's tenant or context. Truto does
// not document it as idempotent: it is not sent again once it may have
// reached Truto.
//
//	PATCH /integrated-account/<id>
func (s *IntegratedAccountsService) Update(ctx context.Context, id string, p UpdateIntegratedAccountParams, opts ...RequestOption) (*IntegratedAccount, error) {
	cfg, err := adminConfig(opts)
	if err != nil {
		return nil, err
	}
	if p.TenantID == "" && len(p.Context) == 0 {
		return nil, invalid("UpdateIntegratedAccountParams", "nothing to change")
	}
	return s.a.one(ctx, http.MethodPatch, id, p, cfg)
}

// Delete deletes an integrated account: Truto forgets its credentials.
// A DELETE is retried like a read.
//
//	DELETE /integrated-account/<id>
func (s *IntegratedAccountsService) Delete(ctx context.Context, id string, opts ...RequestOption) error {
	cfg, err := adminConfig(opts)
	if err != nil {
		return err
	}
	return s.a.delete(ctx, id, cfg)
}

// AccountToken is an integrated account token: a bearer token scoped to
// one integrated account, valid for 15 minutes. Truto accepts it, in
// place of the API token, on the unified and proxy APIs, on
// POST /link-token/post-connect-form and on GET /integrated-account/me;
// the rest of the admin API refuses it. Its use is to hand a short-lived
// credential to code that must reach one customer's account and no other
// (a browser showing Truto's post-connect form, a worker per tenant):
// NewClient(tok.Token) makes a client of it.
type AccountToken struct {
	Token string `json:"integrated_account_token" personal:"secret"`
}

// String describes the token without its value.
func (t AccountToken) String() string { return redactedToken("AccountToken", t.Token) }

// Format prints String for every verb, so that no formatting (%#v
// included) shows the token.
func (t AccountToken) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, t.String()) }

func (t *AccountToken) decoded(json.RawMessage) error {
	return tokenIn(t.Token, "integrated_account_token")
}

// CreateToken creates a token scoped to the integrated account id (see
// AccountToken). It is a write Truto does not document as idempotent:
// it is not sent again once it may have reached Truto (a lost answer
// costs a token that expires unused: create another).
//
//	POST /integrated-account/token
func (s *IntegratedAccountsService) CreateToken(ctx context.Context, id string, opts ...RequestOption) (*AccountToken, error) {
	check := func() error {
		if strings.TrimSpace(id) == "" {
			return invalid("id", "required: the integrated account the token is scoped to")
		}
		return nil
	}
	body := struct {
		ID string `json:"integrated_account_id"`
	}{id}
	var out AccountToken
	if err := createSecret(ctx, s.a.c, opts, check, s.a.path+"/token", body, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

// CapabilitiesParams narrow an account's capabilities. Zero fields are
// not sent.
type CapabilitiesParams struct {
	// Type is unified, proxy or all (Truto's default).
	Type string `url:"type,omitempty"`
	// Resource keeps one resource.
	Resource string `url:"resource,omitempty"`
	// Methods keeps these methods (list, get, ...), sent as a comma list.
	Methods []string `url:"methods,omitempty,comma"`
	// HasDescription, when false, includes proxy methods without a
	// description (Truto hides them by default).
	HasDescription *bool `url:"has_description,omitempty"`
}

// Capabilities is what an integrated account can do: which unified
// resources and methods its integration maps, and which resources of the
// integration's own API the proxy reaches.
type Capabilities struct {
	Integration CapabilityIntegration
	Account     CapabilityAccount
	Unified     []UnifiedCapability
	Proxy       []ProxyCapability

	source
}

// CapabilityIntegration is the integration of Capabilities.
type CapabilityIntegration struct {
	ID       string `json:"id,omitempty"`
	Slug     string `json:"slug,omitempty"`
	Name     string `json:"name,omitempty"`
	Label    string `json:"label,omitempty"`
	Category string `json:"category,omitempty"`
}

// CapabilityAccount is the account of Capabilities, as it is now (its
// status may change: do not cache it).
type CapabilityAccount struct {
	ID                   string        `json:"id,omitempty"`
	Status               AccountStatus `json:"status,omitempty"`
	AuthenticationMethod string        `json:"authentication_method,omitempty"`
	EnvironmentID        string        `json:"environment_id,omitempty"`
	IsBlocked            bool          `json:"is_blocked,omitempty"`
}

// UnifiedCapability is a unified resource the account supports, and its
// methods: list, get, create, update, delete, or a custom method's name
// (POST /unified/<model>/<resource>/<method>).
type UnifiedCapability struct {
	Model       string   // "ats"
	Resource    string   // "candidates"
	Description string   // Truto's
	DocsURL     string   // Truto's reference page
	Methods     []string // "list", "get", ...
}

// ProxyCapability is a resource of the integration's own API that the
// proxy reaches (Proxy), and its methods.
type ProxyCapability struct {
	Resource    string        `json:"name"`
	Description string        `json:"description,omitempty"`
	DocsURL     string        `json:"docs_url,omitempty"`
	Methods     []ProxyMethod `json:"methods,omitempty"`
}

// ProxyMethod is a method of a proxy resource: Method is list, get,
// create, update, delete or a custom method's name.
type ProxyMethod struct {
	Method      string   `json:"method"`
	Name        string   `json:"name,omitempty"`
	Description string   `json:"description,omitempty"`
	Tags        []string `json:"tags,omitempty"`
	Deprecated  bool     `json:"deprecated,omitempty"`
}

// Supports reports whether the account's integration maps method of
// the unified model/resource.
func (c *Capabilities) Supports(model, resource, method string) bool {
	for _, u := range c.Unified {
		if u.Model == model && u.Resource == resource {
			return slices.Contains(u.Methods, method)
		}
	}
	return false
}

// UnmarshalJSON reads the shape of Truto's reference
// ({"unified": {"resources": [{"api_name", "name", "methods"}]}, "proxy":
// {"resources": [...]}}) and the flat one of Truto's own guides
// ({"unified": [{"model", "resource", "methods"}], "proxy": [{"resource",
// "methods"}]}), as the two disagree.
func (c *Capabilities) UnmarshalJSON(b []byte) error {
	var raw struct {
		Integration CapabilityIntegration `json:"integration"`
		Account     CapabilityAccount     `json:"account"`
		Unified     json.RawMessage       `json:"unified"`
		Proxy       json.RawMessage       `json:"proxy"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	if raw.Unified == nil && raw.Proxy == nil {
		return errors.New(`want capabilities: no "unified" and no "proxy"`)
	}
	type unified struct {
		APIName     string   `json:"api_name"`
		Model       string   `json:"model"`
		Name        string   `json:"name"`
		Resource    string   `json:"resource"`
		Description string   `json:"description"`
		DocsURL     string   `json:"docs_url"`
		Methods     []string `json:"methods"`
	}
	var us []unified
	if err := resources(raw.Unified, &us); err != nil {
		return fmt.Errorf("unified: %w", err)
	}
	type proxy struct {
		ProxyCapability
		Resource string `json:"resource"`
	}
	var ps []proxy
	if err := resources(raw.Proxy, &ps); err != nil {
		return fmt.Errorf("proxy: %w", err)
	}
	*c = Capabilities{Integration: raw.Integration, Account: raw.Account}
	for _, u := range us {
		c.Unified = append(c.Unified, UnifiedCapability{Model: firstOf(u.APIName, u.Model), Resource: firstOf(u.Name, u.Resource),
			Description: u.Description, DocsURL: u.DocsURL, Methods: u.Methods})
	}
	for _, p := range ps {
		pc := p.ProxyCapability
		pc.Resource = firstOf(pc.Resource, p.Resource)
		c.Proxy = append(c.Proxy, pc)
	}
	return nil
}

// resources decodes a list of capabilities, bare or as {"resources": [...]}.
func resources[T any](raw json.RawMessage, out *[]T) error {
	s := strings.TrimSpace(string(raw))
	switch {
	case s == "" || s == "null":
		return nil
	case s[0] == '[':
		return json.Unmarshal(raw, out)
	}
	var wrapped struct {
		Resources []T `json:"resources"`
	}
	err := json.Unmarshal(raw, &wrapped)
	*out = wrapped.Resources
	return err
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// Capabilities returns what the account can do now: the unified
// resources and methods its integration maps, and the proxy's resources.
//
//	GET /integrated-account/<id>/capabilities?type=&resource=&methods=
func (s *IntegratedAccountsService) Capabilities(ctx context.Context, id string, p CapabilitiesParams, opts ...RequestOption) (*Capabilities, error) {
	cfg, err := adminConfig(opts)
	if err != nil {
		return nil, err
	}
	if strings.TrimSpace(id) == "" {
		return nil, invalid("id", "required")
	}
	switch p.Type {
	case "", "unified", "proxy", "all":
	default:
		return nil, invalid("Type", fmt.Sprintf("%q is not unified, proxy or all", p.Type))
	}
	q, err := adminQuery(p, nil, 0)
	if err != nil {
		return nil, err
	}
	var out Capabilities
	r := &rest.Request{Method: http.MethodGet, Path: s.a.at(id) + "/capabilities", Query: q}
	if err := exec(ctx, s.a.c.rest, cfg, r, record(&out, false)); err != nil {
		return nil, err
	}
	return &out, nil
}

// EnvironmentIntegrationsService is the integrations installed in the
// environment, /environment-integration: the ATSs your customers can
// connect.
type EnvironmentIntegrationsService struct {
	a admin[EnvironmentIntegration]
}

// ListEnvironmentIntegrationsParams filter and page a list of
// environment integrations. Zero fields are not sent.
type ListEnvironmentIntegrationsParams struct {
	IntegrationID string `url:"integration_id,omitempty"`
	// IntegrationName and IntegrationCategory ("ats") are sent as
	// integration[name] and integration[category].
	IntegrationName     string `url:"integration[name],omitempty"`
	IntegrationCategory string `url:"integration[category],omitempty"`
	ShowInCatalog       *bool  `url:"show_in_catalog,omitempty"`
	IsEnabled           *bool  `url:"is_enabled,omitempty"`
	Limit               int    `url:"limit,omitempty"`
	Cursor              string `url:"next_cursor,omitempty"`
	// Filter holds other parameters, sent as they are.
	Filter url.Values `url:"-"`
}

// List returns one page of environment integrations.
//
//	GET /environment-integration?integration[category]=&is_enabled=&limit=&next_cursor=
func (s *EnvironmentIntegrationsService) List(ctx context.Context, p ListEnvironmentIntegrationsParams, opts ...RequestOption) (*ListPage[EnvironmentIntegration], error) {
	return s.a.listOf(ctx, p, p.Filter, p.Limit, opts)
}

// All ranges over every environment integration from p.Cursor on.
//
//	GET /environment-integration?...&next_cursor=
func (s *EnvironmentIntegrationsService) All(ctx context.Context, p ListEnvironmentIntegrationsParams, opts ...RequestOption) iter.Seq2[EnvironmentIntegration, error] {
	return s.a.allOf(ctx, p, p.Filter, p.Limit, opts)
}

// Get returns one environment integration.
//
//	GET /environment-integration/<id>
func (s *EnvironmentIntegrationsService) Get(ctx context.Context, id string, opts ...RequestOption) (*EnvironmentIntegration, error) {
	return s.a.get(ctx, id, opts)
}
