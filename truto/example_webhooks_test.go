package truto_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

// Receiving Truto's events: WebhookHandler checks each delivery's
// signature, its age and its id, then hands the event over; an error
// makes Truto send it again.
func ExampleWebhookHandler() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	handle := func(ctx context.Context, e truto.Event) error {
		if e.Type != truto.EventIntegratedAccountActive {
			return nil // not ours to handle: 200 all the same
		}
		a, err := e.IntegratedAccount()
		if err != nil {
			return err // 500: Truto sends it again
		}
		fmt.Println("ready:", a.TenantID, a.Integration.Name)
		return nil
	}
	// In production: http.Handle("/webhooks/truto", truto.WebhookHandler(secret, handle)).
	// Here the receiver's URL must exist before the webhook, and the
	// webhook before its secret.
	var receiver http.Handler
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { receiver.ServeHTTP(w, r) }))
	defer srv.Close()
	fake.SetWebhookClient(srv.Client())

	hook, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: srv.URL + "/webhooks/truto",
		EventTypes: []truto.EventType{truto.EventIntegratedAccountActive}})
	if err != nil {
		log.Fatal(err)
	}
	receiver = truto.WebhookHandler(hook.Secret, handle) // keep the secret in your secrets store

	tok, _ := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "acme-1"})
	if _, err := fake.ConnectAccount(tok.Token, trutotest.IntegrationGreenhouse); err != nil {
		log.Fatal(err)
	}
	fmt.Println(fake.Deliveries()[0].Status)
	// Output:
	// ready: acme-1 greenhouse
	// 200
}

// VerifyWebhook checks a delivery by hand, for a framework of your own.
func ExampleVerifyWebhook() {
	secret := "6e17561c-a20c-44ce-b8b5-caff0bf786fe"
	body := []byte(`{"id":"evt-1","event":"test","payload":{"foo":"bar"},"created_at":"2026-03-01T12:00:00Z"}`)
	header := http.Header{truto.SignatureHeader: {trutotest.Sign(secret, body)}}

	fmt.Println(truto.VerifyWebhook(secret, header, body))
	err := truto.VerifyWebhook(secret, header, []byte(strings.Replace(string(body), "bar", "baz", 1)))
	fmt.Println(errors.Is(err, truto.ErrSignature))
	// Output:
	// <nil>
	// true
}

func ExampleParseEvent() {
	e, err := truto.ParseEvent([]byte(`{"id":"evt-1","event":"record:created","created_at":"2026-03-01T12:00:00Z",
		"payload":{"integrated_account_id":"acct-1","unified_model":"ats","resource":"candidates","record":{"id":"c-1","first_name":"Ada"}}}`))
	if err != nil {
		log.Fatal(err)
	}
	change, err := e.Record()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(e.Type.Family(), change.Model, change.Resource, string(change.Record))
	// Output: record ats candidates {"id":"c-1","first_name":"Ada"}
}

func ExampleEvent_IntegratedAccount() {
	e, _ := truto.ParseEvent([]byte(`{"id":"evt-2","event":"integrated_account:authentication_error","created_at":"2026-03-01 12:00:00",
		"payload":{"id":"acct-1","tenant_id":"acme-1","status":"needs_reauth","last_error":"invalid_grant"}}`))
	a, err := e.IntegratedAccount()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.TenantID, a.Status == truto.StatusNeedsReauth, a.LastError)
	// Output: acme-1 true invalid_grant
}

func ExampleEvent_SyncJobRun() {
	e, _ := truto.ParseEvent([]byte(`{"id":"evt-3","event":"sync_job_run:completed","created_at":"2026-03-01T12:00:00Z",
		"payload":{"id":"run-1","sync_job_id":"job-1","integrated_account_id":"acct-1","status":"completed"}}`))
	run, err := e.SyncJobRun()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(run.ID, run.Status)
	// Output: run-1 completed
}

// The webhook admin calls; the secret is in Create's answer only.
func ExampleWebhooksService_Create() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	hook, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: "https://hooks.example.com/truto"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hook.Secret != "", hook) // printing never shows the secret
	again, _ := c.Webhooks.Get(ctx, hook.ID)
	fmt.Println(again.Secret == "")
	// Output:
	// true truto.Webhook{id=b6d29b9b-0000-4000-8000-000000001001 target_url=https://hooks.example.com/truto active=true events=[] secret=<redacted>}
	// true
}

func ExampleWebhooksService_List() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()
	for _, u := range []string{"https://a.example.com/h", "https://b.example.com/h"} {
		if _, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: u}); err != nil {
			log.Fatal(err)
		}
	}
	page, err := c.Webhooks.List(ctx, truto.ListWebhooksParams{Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(page.Result), page.NextCursor != "")
	for hook, err := range c.Webhooks.All(ctx, truto.ListWebhooksParams{}) {
		fmt.Println(hook.TargetURL, err)
	}
	// Output:
	// 1 true
	// https://a.example.com/h <nil>
	// https://b.example.com/h <nil>
}

func ExampleWebhooksService_Update() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()
	hook, _ := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: "https://hooks.example.com/truto"})

	off := false
	hook, err := c.Webhooks.Update(ctx, hook.ID, truto.UpdateWebhookParams{IsActive: &off,
		EventTypes: []truto.EventType{truto.EventIntegratedAccountActive}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hook.IsActive, hook.EventTypes)
	fmt.Println(c.Webhooks.Delete(ctx, hook.ID))
	// Output:
	// false [integrated_account:active]
	// <nil>
}

// Test makes Truto send a test event to the webhook's URL now.
func ExampleWebhooksService_Test() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	fake.SetWebhookClient(srv.Client())
	hook, _ := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: srv.URL})

	fmt.Println(c.Webhooks.Test(ctx, hook.ID))
	d := fake.Deliveries()[0]
	fmt.Println(d.Event, string(d.Body[strings.Index(string(d.Body), `"payload"`):][:23]))
	// Output:
	// <nil>
	// test "payload":{"foo":"bar"}
}
