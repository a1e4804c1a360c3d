package truto_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLinkTokenWireFormat(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/link-token", answer(200, []byte(`{"link_token":"efe6413c-941a-4ca6-8f22-defbf758b824"}`)))
	tok, err := c.LinkTokens.Create(context.Background(), truto.CreateLinkTokenParams{
		TenantID: "acme-1", Context: map[string]any{"label": "Production"}, RedirectURI: "https://app.example.com/done",
		Scopes: []string{"candidates:read"}, PersistPreviousContext: true, Region: "eu",
	})
	require.NoError(t, err)
	assert.Equal(t, "efe6413c-941a-4ca6-8f22-defbf758b824", tok.Token)
	assert.Equal(t, "https://app.truto.one/connect-account?link_token=efe6413c-941a-4ca6-8f22-defbf758b824", tok.ConnectURL())
	x := m.requests()[0]
	assert.Equal(t, base+"/link-token", x.url)
	assert.JSONEq(t, `{"tenant_id":"acme-1","context":{"label":"Production"},"redirect_uri":"https://app.example.com/done",
		"scopes":["candidates:read"],"persist_previous_context":true,"region":"eu"}`, x.body)
	assert.Empty(t, x.header.Get("Idempotency-Key"), "Truto documents no key for admin writes")
	assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
}

func TestAnAdminWriteIsNotSentTwice(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/webhook", answer(500, []byte(`{"statusCode":500,"error":"Internal Server Error"}`)))
	_, err := c.Webhooks.Create(context.Background(), truto.CreateWebhookParams{TargetURL: "https://example.com/hook"})
	require.ErrorIs(t, err, truto.ErrOutcomeUnknown)
	assert.Len(t, m.requests(), 1)
}

func TestIntegratedAccountsWireFormat(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	m.on(http.MethodGet, "/integrated-account",
		answer(200, []byte(`{"result":[`+string(fixture(t, "integrated_account_documented.json"))+`],"next_cursor":"p2","limit":1}`)),
		answer(200, []byte(`{"results":[{"id":"acct-2","status":"needs_reauth"}],"next_cursor":null}`)))
	m.on(http.MethodGet, "/integrated-account/acct-1", answer(200, fixture(t, "integrated_account_documented.json")))
	m.on(http.MethodPatch, "/integrated-account/acct-1", answer(200, fixture(t, "integrated_account_documented.json")))
	m.on(http.MethodDelete, "/integrated-account/acct-1", answer(200, []byte(`{"id":"acct-1"}`)))
	m.on(http.MethodGet, "/integrated-account/acct-1/capabilities", answer(200, fixture(t, "capabilities_documented.json")))

	sandbox := false
	var ids []string
	for a, err := range c.IntegratedAccounts.All(ctx, truto.ListIntegratedAccountsParams{
		TenantID: "acme-1", IntegrationName: "greenhouse", Status: truto.StatusActive, IsSandbox: &sandbox, Limit: 1,
		Filter: url.Values{"created_at[gt]": {"2024-01-01T00:00:00Z"}},
	}) {
		require.NoError(t, err)
		ids = append(ids, a.ID)
	}
	assert.Equal(t, []string{"abcd1234-0000-4000-8000-000000000001", "acct-2"}, ids, `"result" and "results" both read`)
	reqs := m.requests()
	assert.Equal(t, base+"/integrated-account?created_at%5Bgt%5D=2024-01-01T00%3A00%3A00Z&integration%5Bname%5D=greenhouse&is_sandbox=false&limit=1&status=active&tenant_id=acme-1", reqs[0].url)
	assert.Contains(t, reqs[1].url, "next_cursor=p2")

	a, err := c.IntegratedAccounts.Get(ctx, "acct-1")
	require.NoError(t, err)
	assert.Equal(t, "salesforce", a.Integration.Name)
	assert.Equal(t, time.Date(2024, 9, 1, 10, 5, 0, 0, time.UTC), a.UpdatedAt.Time, "Truto's space-separated time")
	assert.Equal(t, "acme", a.Context["subdomain"])
	assert.Contains(t, string(a.Raw()), "object_store_context_fields")

	_, err = c.IntegratedAccounts.Update(ctx, "acct-1", truto.UpdateIntegratedAccountParams{Context: map[string]any{"label": "EU"}})
	require.NoError(t, err)
	assert.JSONEq(t, `{"context":{"label":"EU"}}`, m.requests()[3].body)
	require.NoError(t, c.IntegratedAccounts.Delete(ctx, "acct-1"))

	caps, err := c.IntegratedAccounts.Capabilities(ctx, "acct-1", truto.CapabilitiesParams{Type: "unified", Methods: []string{"list", "get"}})
	require.NoError(t, err)
	assert.Equal(t, base+"/integrated-account/acct-1/capabilities?methods=list%2Cget&type=unified", m.requests()[5].url)
	assert.Equal(t, "greenhouse", caps.Integration.Slug)
	assert.Equal(t, truto.StatusActive, caps.Account.Status)
	assert.True(t, caps.Supports("ats", "candidates", "create"))
	assert.True(t, caps.Supports("ats", "applications", "move-stage"))
	assert.False(t, caps.Supports("ats", "candidates", "delete"))
	assert.False(t, caps.Supports("ats", "jobs", "list"))
	require.Len(t, caps.Proxy, 1)
	assert.Equal(t, "candidates", caps.Proxy[0].Resource)
	assert.Equal(t, "candidates_list", caps.Proxy[0].Methods[0].Name)
}

// Truto's own guides print capabilities as flat lists: those decode too.
func TestCapabilitiesInTheFlatShape(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/integrated-account/a/capabilities", answer(200, []byte(`{"integration":{"id":"i","name":"lever","label":"Lever"},
		"account":{"id":"a","status":"needs_reauth","is_blocked":true},
		"unified":[{"model":"ats","resource":"candidates","methods":["list","create"],"env_overridden":false}],
		"proxy":[{"resource":"opportunities","methods":[{"method":"list","name":"list_opportunities"}]}]}`)))
	caps, err := c.IntegratedAccounts.Capabilities(context.Background(), "a", truto.CapabilitiesParams{})
	require.NoError(t, err)
	assert.True(t, caps.Supports("ats", "candidates", "create"))
	assert.True(t, caps.Account.IsBlocked)
	assert.Equal(t, "opportunities", caps.Proxy[0].Resource)
}

func TestEnvironmentIntegrationsWireFormat(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/environment-integration", answer(200, []byte(`{"result":[{"id":"ei-1","integration_id":"i-1","is_enabled":true,
		"show_in_catalog":true,"integration":{"id":"i-1","name":"greenhouse","category":"ats"},"created_at":"2023-02-16T09:27:16.000Z"}],"next_cursor":null,"limit":100}`)))
	enabled := true
	page, err := c.EnvironmentIntegrations.List(context.Background(), truto.ListEnvironmentIntegrationsParams{IntegrationCategory: "ats", IsEnabled: &enabled})
	require.NoError(t, err)
	assert.Equal(t, "greenhouse", page.Result[0].Integration.Name)
	assert.Empty(t, page.NextCursor)
	assert.Equal(t, base+"/environment-integration?integration%5Bcategory%5D=ats&is_enabled=true", m.requests()[0].url)
}

func TestWebhooksAdminWireFormat(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	m.on(http.MethodPost, "/webhook", answer(201, fixture(t, "webhook_create_documented.json")))
	m.on(http.MethodGet, "/webhook", answer(200, []byte(`{"result":[{"id":"wh-1","target_url":"https://example.com/h","is_active":false}],"next_cursor":null}`)))
	m.on(http.MethodGet, "/webhook/wh-1", answer(200, []byte(`{"id":"wh-1","target_url":"https://example.com/h","is_active":true}`)))
	m.on(http.MethodPatch, "/webhook/wh-1", answer(200, []byte(`{"id":"wh-1","target_url":"https://example.com/h","is_active":false}`)))
	m.on(http.MethodDelete, "/webhook/wh-1", answer(200, []byte(`{"id":"wh-1"}`)))
	m.on(http.MethodPost, "/webhook/test", answer(200, []byte(`{"success":true}`)), answer(200, []byte(`{"success":false}`)))

	hook, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: "https://example.com/h",
		EventTypes: []truto.EventType{truto.EventIntegratedAccountActive, truto.EventRecordCreated}})
	require.NoError(t, err)
	assert.Equal(t, "6e17561c-a20c-44ce-b8b5-caff0bf786fe", hook.Secret)
	assert.NotContains(t, hook.String(), hook.Secret)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assert.NotContains(t, fmt.Sprintf(verb, hook), hook.Secret, verb)
	}
	inactive := false
	page, err := c.Webhooks.List(ctx, truto.ListWebhooksParams{IsActive: &inactive})
	require.NoError(t, err)
	assert.False(t, page.Result[0].IsActive)
	_, err = c.Webhooks.Get(ctx, "wh-1")
	require.NoError(t, err)
	_, err = c.Webhooks.Update(ctx, "wh-1", truto.UpdateWebhookParams{IsActive: &inactive})
	require.NoError(t, err)
	require.NoError(t, c.Webhooks.Delete(ctx, "wh-1"))
	require.NoError(t, c.Webhooks.Test(ctx, "wh-1"))
	require.ErrorIs(t, c.Webhooks.Test(ctx, "wh-1"), truto.ErrTestNotDelivered)

	reqs := m.requests()
	assert.JSONEq(t, `{"target_url":"https://example.com/h","event_types":["integrated_account:active","record:created"]}`, reqs[0].body)
	assert.Equal(t, base+"/webhook?is_active=false", reqs[1].url)
	assert.JSONEq(t, `{"is_active":false}`, reqs[3].body)
	assert.Equal(t, http.MethodDelete, reqs[4].method)
	assert.JSONEq(t, `{"id":"wh-1"}`, reqs[5].body)
}

func TestAdminBadInputSendsNothing(t *testing.T) {
	ctx := context.Background()
	for name, call := range map[string]func(c *truto.Client) error{
		"link token without tenant": func(c *truto.Client) error {
			_, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{})
			return err
		},
		"link token with both": func(c *truto.Client) error {
			_, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "a", IntegratedAccountID: "b"})
			return err
		},
		"link token region": func(c *truto.Client) error {
			_, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "a", Region: "mars"})
			return err
		},
		"http target": func(c *truto.Client) error {
			_, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: "http://example.com/h"})
			return err
		},
		"relative target": func(c *truto.Client) error {
			_, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: "/h"})
			return err
		},
		"empty event type": func(c *truto.Client) error {
			_, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: "https://e.com", EventTypes: []truto.EventType{""}})
			return err
		},
		"update nothing": func(c *truto.Client) error {
			_, err := c.Webhooks.Update(ctx, "wh", truto.UpdateWebhookParams{})
			return err
		},
		"test no id":   func(c *truto.Client) error { return c.Webhooks.Test(ctx, "") },
		"get no id":    func(c *truto.Client) error { _, err := c.IntegratedAccounts.Get(ctx, " "); return err },
		"delete no id": func(c *truto.Client) error { return c.Webhooks.Delete(ctx, "") },
		"account update": func(c *truto.Client) error {
			_, err := c.IntegratedAccounts.Update(ctx, "a", truto.UpdateIntegratedAccountParams{})
			return err
		},
		"capabilities type": func(c *truto.Client) error {
			_, err := c.IntegratedAccounts.Capabilities(ctx, "a", truto.CapabilitiesParams{Type: "x"})
			return err
		},
		"negative limit": func(c *truto.Client) error {
			_, err := c.EnvironmentIntegrations.List(ctx, truto.ListEnvironmentIntegrationsParams{Limit: -1})
			return err
		},
		"a unified option": func(c *truto.Client) error {
			_, err := c.IntegratedAccounts.List(ctx, truto.ListIntegratedAccountsParams{}, truto.WithExcludeFields("id"))
			return err
		},
		"an idempotency key": func(c *truto.Client) error {
			_, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "a"}, truto.WithIdempotencyKey("k"))
			return err
		},
		"All with a unified option": func(c *truto.Client) error {
			for _, err := range c.Webhooks.All(ctx, truto.ListWebhooksParams{}, truto.WithIgnoreRemoteData()) {
				return err
			}
			return nil
		},
	} {
		t.Run(name, func(t *testing.T) {
			c, m := newMocked(t)
			require.ErrorIs(t, call(c), truto.ErrInvalidParams)
			assert.Zero(t, m.GetTotalCallCount())
		})
	}
}

// The link flow on the fake: a link token, the customer connecting, the
// account listed, its capabilities, and its events.
func TestTheLinkFlowOnTheFake(t *testing.T) {
	s, _ := newFake(t)
	c := s.Client()
	ctx := context.Background()
	tok, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "acme-1", Context: map[string]any{"label": "Acme"}})
	require.NoError(t, err)
	id, err := s.ConnectAccount(tok.Token, trutotest.IntegrationLever)
	require.NoError(t, err)
	_, err = s.ConnectAccount(tok.Token, trutotest.IntegrationLever)
	assert.ErrorContains(t, err, "was used")

	page, err := c.IntegratedAccounts.List(ctx, truto.ListIntegratedAccountsParams{TenantID: "acme-1"})
	require.NoError(t, err)
	require.Len(t, page.Result, 1)
	a := page.Result[0]
	assert.Equal(t, id, a.ID)
	assert.Equal(t, truto.StatusActive, a.Status)
	assert.Equal(t, "lever", a.Integration.Name)
	assert.Equal(t, "Acme", a.Context["label"])

	caps, err := c.IntegratedAccounts.Capabilities(ctx, id, truto.CapabilitiesParams{})
	require.NoError(t, err)
	assert.True(t, caps.Supports("ats", "candidates", "create"))
	assert.False(t, caps.Supports("ats", "jobs", "create"))
	s.SetCapabilities(trutotest.IntegrationLever, map[string][]string{"candidates": {"list"}})
	caps, err = c.IntegratedAccounts.Capabilities(ctx, id, truto.CapabilitiesParams{})
	require.NoError(t, err)
	assert.False(t, caps.Supports("ats", "candidates", "create"))

	eis, err := c.EnvironmentIntegrations.List(ctx, truto.ListEnvironmentIntegrationsParams{IntegrationName: "lever"})
	require.NoError(t, err)
	require.Len(t, eis.Result, 1)
	ei, err := c.EnvironmentIntegrations.Get(ctx, eis.Result[0].ID)
	require.NoError(t, err)
	assert.Equal(t, a.EnvironmentIntegrationID, ei.ID)

	updated, err := c.IntegratedAccounts.Update(ctx, id, truto.UpdateIntegratedAccountParams{TenantID: "acme-2"})
	require.NoError(t, err)
	assert.Equal(t, "acme-2", updated.TenantID)
	require.NoError(t, c.IntegratedAccounts.Delete(ctx, id))
	_, err = c.IntegratedAccounts.Get(ctx, id)
	assert.ErrorIs(t, err, truto.ErrNotFound)
}

func TestWebhooksAdminOnTheFake(t *testing.T) {
	s, _ := newFake(t)
	c := s.Client()
	ctx := context.Background()
	hook, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: "https://127.0.0.1:1/none"})
	require.NoError(t, err)
	assert.NotEmpty(t, hook.Secret, "the create answer has the secret")
	got, err := c.Webhooks.Get(ctx, hook.ID)
	require.NoError(t, err)
	assert.Empty(t, got.Secret, "never again")
	off := false
	_, err = c.Webhooks.Update(ctx, hook.ID, truto.UpdateWebhookParams{IsActive: &off})
	require.NoError(t, err)
	page, err := c.Webhooks.List(ctx, truto.ListWebhooksParams{})
	require.NoError(t, err)
	require.Len(t, page.Result, 1)
	assert.False(t, page.Result[0].IsActive)
	err = c.Webhooks.Test(ctx, hook.ID)
	var apiErr *truto.APIError
	require.ErrorAs(t, err, &apiErr, "nothing listens there")
	require.NoError(t, c.Webhooks.Delete(ctx, hook.ID))
	_, err = c.Webhooks.Get(ctx, hook.ID)
	assert.ErrorIs(t, err, truto.ErrNotFound)
}

// Truto's update reference sends "event_types": [] (its example), and an
// empty list subscribes the webhook to every event: an empty, non-nil
// EventTypes must be sent, not dropped as if nothing were to change.
func TestWebhookUpdateSendsAnEmptyEventTypes(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPatch, "/webhook/wh-1", answer(200, []byte(`{"id":"wh-1","target_url":"https://example.com/h","is_active":true,"event_types":[]}`)))
	_, err := c.Webhooks.Update(context.Background(), "wh-1", truto.UpdateWebhookParams{EventTypes: []truto.EventType{}})
	require.NoError(t, err)
	require.Len(t, m.requests(), 1)
	assert.JSONEq(t, `{"event_types":[]}`, m.requests()[0].body)
}

// An empty, non-nil Context changes nothing: it is refused as "nothing to
// change" rather than sent as an empty PATCH.
func TestAccountUpdateWithAnEmptyContextSendsNothing(t *testing.T) {
	c, m := newMocked(t)
	_, err := c.IntegratedAccounts.Update(context.Background(), "acct-1", truto.UpdateIntegratedAccountParams{Context: map[string]any{}})
	require.ErrorIs(t, err, truto.ErrInvalidParams)
	assert.Zero(t, m.GetTotalCallCount())
}

// A create answer that cannot be read still holds what Truto shows once:
// the webhook's secret, the link token. Neither may reach the error.
func TestAdminCreateDecodeErrorsHideTheSecret(t *testing.T) {
	const secret = "6e17561c-a20c-44ce-b8b5-caff0bf786fe"
	c, m := newMocked(t)
	m.on(http.MethodPost, "/webhook", answer(201, []byte(`{"target_url":"https://example.com/h","secret":"`+secret+`","is_active":true}`)))
	m.on(http.MethodPost, "/link-token", answer(200, []byte(`{"link_token":"`+secret+`","expires_at":7}`)))
	_, err := c.Webhooks.Create(context.Background(), truto.CreateWebhookParams{TargetURL: "https://example.com/h"})
	require.ErrorIs(t, err, truto.ErrWriteAccepted, "no id: not a webhook")
	for _, verb := range []string{"%v", "%+v", "%#v"} {
		assert.NotContains(t, fmt.Sprintf(verb, err), secret, verb)
	}
	m.on(http.MethodPost, "/link-token", answer(200, []byte(`{"link_token":{"value":"`+secret+`"}}`)))
	_, err = c.LinkTokens.Create(context.Background(), truto.CreateLinkTokenParams{TenantID: "acme-1"})
	require.ErrorIs(t, err, truto.ErrWriteAccepted, "not a string")
	for _, verb := range []string{"%v", "%+v", "%#v"} {
		assert.NotContains(t, fmt.Sprintf(verb, err), secret, verb)
	}
}

// A link token is a credential (it connects an ATS to your tenant):
// printed or logged, it shows as redacted, as a webhook's secret does.
func TestLinkTokenPrintsRedacted(t *testing.T) {
	tok := truto.LinkToken{Token: "efe6413c-941a-4ca6-8f22-defbf758b824"}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assert.NotContains(t, fmt.Sprintf(verb, tok), tok.Token, verb)
		assert.NotContains(t, fmt.Sprintf(verb, &tok), tok.Token, verb)
	}
	assert.Contains(t, tok.ConnectURL(), tok.Token, "ConnectURL is how the token is handed on")
}
