package truto_test

import (
	"context"
	"fmt"
	"log"
	"net/url"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

// Connecting a customer: a link token opens Truto's connect page for
// one tenant; the account it makes is listed once the customer is done.
func ExampleLinkTokensService_Create() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	tok, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "acme-1", Context: map[string]any{"label": "Acme"}})
	if err != nil {
		log.Fatal(err)
	}
	u, _ := url.Parse(tok.ConnectURL()) // send the customer there
	fmt.Println(u.Host, u.Path, u.Query().Get("link_token") == tok.Token)

	// The fake stands in for the customer's clicks.
	id, err := fake.ConnectAccount(tok.Token, trutotest.IntegrationGreenhouse)
	if err != nil {
		log.Fatal(err)
	}
	a, err := c.IntegratedAccounts.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.TenantID, a.Status, a.Integration.Name, a.Context["label"])
	// Output:
	// app.truto.one /connect-account true
	// acme-1 active greenhouse Acme
}

func ExampleIntegratedAccountsService_All() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.AddAccount(trutotest.IntegrationLever)
	fake.AddAccount(trutotest.IntegrationLever)
	c := fake.Client()

	for a, err := range c.IntegratedAccounts.All(context.Background(), truto.ListIntegratedAccountsParams{IntegrationName: "lever", Limit: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(a.Integration.Name, a.Status)
	}
	// Output:
	// lever active
	// lever active
}

func ExampleIntegratedAccountsService_List() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	page, err := c.IntegratedAccounts.List(context.Background(), truto.ListIntegratedAccountsParams{Status: truto.StatusActive})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(page.Result), page.Result[0].Integration.Name, page.NextCursor == "")
	// Output: 1 greenhouse true
}

// What an account can do depends on its ATS: ask before calling.
func ExampleIntegratedAccountsService_Capabilities() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationLever)
	c := fake.Client()

	caps, err := c.IntegratedAccounts.Capabilities(context.Background(), account, truto.CapabilitiesParams{Type: "unified"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(caps.Account.Status, caps.Supports("ats", "candidates", "create"), caps.Supports("ats", "jobs", "delete"))
	// Output: active true false
}

func ExampleIntegratedAccountsService_Update() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	a, err := c.IntegratedAccounts.Update(context.Background(), account, truto.UpdateIntegratedAccountParams{TenantID: "acme-2"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.TenantID)
	// Output: acme-2
}

func ExampleIntegratedAccountsService_Delete() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	fmt.Println(c.IntegratedAccounts.Delete(context.Background(), account))
	_, err := c.IntegratedAccounts.Get(context.Background(), account)
	fmt.Println(err)
	// Output:
	// <nil>
	// truto: GET /integrated-account/62f44730-dd91-461e-bd6a-000000001001: 404 Not Found: Not Found: Integrated account not found
}

func ExampleEnvironmentIntegrationsService_List() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	page, err := c.EnvironmentIntegrations.List(context.Background(), truto.ListEnvironmentIntegrationsParams{IntegrationCategory: "ats"})
	if err != nil {
		log.Fatal(err)
	}
	ei := page.Result[0]
	same, err := c.EnvironmentIntegrations.Get(context.Background(), ei.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ei.Integration.Name, ei.IsEnabled, same.ID == ei.ID)
	for ei, err := range c.EnvironmentIntegrations.All(context.Background(), truto.ListEnvironmentIntegrationsParams{}) {
		fmt.Println(ei.Integration.Name, err)
	}
	// Output:
	// greenhouse true true
	// greenhouse <nil>
}

// The proxy reaches the integration's own API, typed by the caller.
func ExampleProxy() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.AddRecord(account, "proxy", "scheduled_interviews", trutotest.Record{"id": "si-1", "status": "scheduled"})
	c := fake.Client()

	interviews := truto.Proxy[map[string]any](c, "scheduled_interviews")
	page, err := interviews.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Result[0]["id"], page.Result[0]["status"])
	// Output: si-1 scheduled
}
