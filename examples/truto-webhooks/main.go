// Command truto-webhooks runs an event-driven pipeline on Truto's
// webhooks, offline, against the in-process fake (package trutotest):
//
//  1. an HTTPS server receives deliveries with truto.WebhookHandler;
//  2. a webhook is registered for it (its secret comes back once);
//  3. a customer connects an account through a link token, and Truto
//     (the fake) sends integrated_account:created, then
//     integrated_account:active;
//  4. on integrated_account:active the handler asks the account's
//     capabilities and, where the ATS supports it, creates a candidate,
//     which the fake reports back as record:created;
//  5. a tampered delivery, a duplicate, and a replay ten minutes later
//     are sent to the receiver, which refuses or skips them.
//
// It prints what happened and exits 0:
//
//	go run ./examples/truto-webhooks
package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"sync"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := run(ctx, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "truto-webhooks:", err)
		os.Exit(1)
	}
}

// pipeline is the receiving side: what it does with each event.
type pipeline struct {
	c   *truto.Client
	out io.Writer
	mu  sync.Mutex
}

func (p *pipeline) say(format string, args ...any) {
	p.mu.Lock()
	defer p.mu.Unlock()
	fmt.Fprintf(p.out, format+"\n", args...)
}

// handle is the function WebhookHandler calls with each genuine, fresh,
// new event. An error makes Truto send the event again.
func (p *pipeline) handle(ctx context.Context, e truto.Event) error {
	switch e.Type {
	case truto.EventIntegratedAccountCreated:
		a, err := e.IntegratedAccount()
		if err != nil {
			return err
		}
		p.say("event %s: %s is %s, not ready yet", e.Type, a.TenantID, a.Status)
	case truto.EventIntegratedAccountActive:
		a, err := e.IntegratedAccount()
		if err != nil {
			return err
		}
		p.say("event %s: %s connected %s", e.Type, a.TenantID, a.Integration.Name)
		caps, err := p.c.IntegratedAccounts.Capabilities(ctx, a.ID, truto.CapabilitiesParams{Type: "unified"})
		if err != nil {
			return err
		}
		p.say("  capabilities: candidates create=%t, applications move-stage=%t, jobs create=%t",
			caps.Supports("ats", "candidates", "create"), caps.Supports("ats", "applications", "move-stage"),
			caps.Supports("ats", "jobs", "create"))
		if !caps.Supports("ats", "candidates", "create") {
			return nil
		}
		cand, err := p.c.ATS.Candidates.Create(ctx, a.ID, truto.CandidateInput{
			FirstName: "Ada", LastName: "Lovelace", Emails: []truto.Email{{Email: "ada@example.com"}},
		}, truto.CreateCandidateParams{}, truto.WithIdempotencyKey("welcome/"+a.ID)) // a retried event creates it once
		if err != nil {
			return err
		}
		p.say("  created candidate %s", cand.Name)
	case truto.EventRecordCreated:
		change, err := e.Record()
		if err != nil {
			return err
		}
		p.say("event %s: %s/%s in account %s", e.Type, change.Model, change.Resource, change.IntegratedAccountID[len(change.IntegratedAccountID)-4:])
	default:
		p.say("event %s: ignored", e.Type)
	}
	return nil
}

func run(ctx context.Context, w io.Writer) error {
	api := trutotest.NewServer() // Truto; with a real token: truto.NewClient(token)
	defer api.Close()
	c := api.Client()
	p := &pipeline{c: c, out: w}

	// The receiver's clock: the replay below moves it ten minutes on.
	clock := fake.NewClock(time.Now())
	var receiver http.Handler
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { receiver.ServeHTTP(w, r) }))
	defer srv.Close()
	api.SetWebhookClient(srv.Client()) // Truto sends to HTTPS only

	hook, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: srv.URL + "/webhooks/truto", EventTypes: []truto.EventType{
		truto.EventIntegratedAccountCreated, truto.EventIntegratedAccountActive, truto.EventRecordCreated}})
	if err != nil {
		return err
	}
	receiver = truto.WebhookHandler(hook.Secret, p.handle, truto.WithWebhookClock(clock.Now))
	p.say("webhook %s registered for %v (its secret is shown once, at creation)", hook.ID[:8], hook.EventTypes)

	tok, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "acme-1"})
	if err != nil {
		return err
	}
	p.say("link token made: send the customer to %s?link_token=...", truto.ConnectAppURL)
	if _, err := api.ConnectAccount(tok.Token, trutotest.IntegrationGreenhouse); err != nil {
		return err
	}

	// What an attacker, or a confused network, might send.
	var active *trutotest.Delivery
	for _, d := range api.Deliveries() {
		if d.Event == truto.EventIntegratedAccountActive {
			active = &d
		}
	}
	if active == nil {
		return errors.New("integrated_account:active was not delivered")
	}
	// send posts body as the delivery would be, and fails the program
	// when the receiver does not answer want: a forged or replayed
	// delivery that is accepted is a security bug, not a line of output.
	send := func(what string, body []byte, want int) error {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, active.URL, bytes.NewReader(body))
		if err != nil {
			return err
		}
		req.Header = active.Header.Clone()
		resp, err := srv.Client().Do(req)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		reason, _ := io.ReadAll(resp.Body)
		p.say("%s: %d %s", what, resp.StatusCode, bytes.TrimSpace(reason))
		if resp.StatusCode != want {
			return fmt.Errorf("%s: the receiver answered %d, want %d", what, resp.StatusCode, want)
		}
		return nil
	}
	tampered := bytes.Replace(active.Body, []byte(`"acme-1"`), []byte(`"evil-1"`), 1)
	if err := send("tampered delivery", tampered, http.StatusUnauthorized); err != nil {
		return err
	}
	if err := send("duplicate delivery", active.Body, http.StatusOK); err != nil {
		return err
	}
	clock.Advance(10 * time.Minute)
	if err := send("replay ten minutes later", active.Body, http.StatusUnauthorized); err != nil {
		return err
	}

	ok := 0
	for _, d := range api.Deliveries() {
		if d.Status == http.StatusOK {
			ok++
		}
	}
	accounts, err := c.IntegratedAccounts.List(ctx, truto.ListIntegratedAccountsParams{TenantID: "acme-1"})
	if err != nil {
		return err
	}
	candidates := len(api.Candidates(accounts.Result[0].ID))
	p.say("%d deliveries from Truto, %d answered 200; %d candidate in the account", len(api.Deliveries()), ok, candidates)
	if candidates != 1 {
		return fmt.Errorf("the duplicate delivery was handled again: %d candidates, want 1", candidates)
	}
	return nil
}
