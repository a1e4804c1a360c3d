package trutotest_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

// Sign signs a delivery you build yourself, as Truto signs it, to test a
// webhook receiver without the fake: truto.WebhookHandler accepts the
// signed body, and refuses it once a byte changed.
func ExampleSign() {
	secret := "6e17561c-a20c-44ce-b8b5-caff0bf786fe"
	body := []byte(`{"id":"evt-1","event":"record:created","created_at":"2026-03-01T12:00:00Z",` +
		`"payload":{"integrated_account_id":"acct-1","unified_model":"ats","resource":"candidates","record":{"id":"c-1"}}}`)
	sig := trutotest.Sign(secret, body)
	fmt.Println(sig)

	clock := func() time.Time { return time.Date(2026, 3, 1, 12, 0, 30, 0, time.UTC) } // the event is 30 s old
	receiver := truto.WebhookHandler(secret, func(_ context.Context, e truto.Event) error {
		change, err := e.Record()
		if err != nil {
			return err
		}
		fmt.Println("handled", e.ID, e.Type, change.Resource, string(change.Record))
		return nil
	}, truto.WithWebhookClock(clock))

	tampered := bytes.Replace(body, []byte(`"c-1"`), []byte(`"c-2"`), 1)
	for _, b := range [][]byte{body, tampered} {
		req := httptest.NewRequest(http.MethodPost, "/webhooks/truto", bytes.NewReader(b))
		req.Header.Set(truto.SignatureHeader, sig)
		rec := httptest.NewRecorder()
		receiver.ServeHTTP(rec, req)
		fmt.Println(rec.Code)
	}
	// Output:
	// format=sha256,v=gZRsCFDTbLrWo7JBoOBUZtXEHcWHQjLKEBQ0SuXCsr8=
	// handled evt-1 record:created candidates {"id":"c-1"}
	// 200
	// 401
}

// SignHex is Sign in hex, the form of Truto's own guides, to test that a
// receiver accepts both encodings of the signature.
func ExampleSignHex() {
	secret := "6e17561c-a20c-44ce-b8b5-caff0bf786fe"
	body := []byte(`{"id":"evt-1","event":"test","payload":{"foo":"bar"},"created_at":"2026-03-01T12:00:00Z"}`)

	for _, sig := range []string{trutotest.SignHex(secret, body), trutotest.Sign(secret, body)} {
		fmt.Println(sig, truto.VerifyWebhook(secret, http.Header{truto.SignatureHeader: {sig}}, body))
	}
	// Output:
	// format=sha256,v=3931bd4fe3774b9966e29ae4e28cd335e10a859dabaea4ab7a97b50039787df6 <nil>
	// format=sha256,v=OTG9T+N3S5lm4prk4ozTNeEKhZ2rrqSrepe1ADl4ffY= <nil>
}

// AddAccount seeds a connected integrated account, without the link
// flow, for a test that starts from a customer already connected; its
// integration picks the rules the fake enforces (Lever needs a job for a
// new candidate).
func ExampleServer_AddAccount() {
	fake := trutotest.NewServer()
	defer fake.Close()
	greenhouse := fake.AddAccount(trutotest.IntegrationGreenhouse)
	lever := fake.AddAccount(trutotest.IntegrationLever)
	c := fake.Client()
	ctx := context.Background()

	for _, account := range []string{greenhouse, lever} {
		a, err := c.IntegratedAccounts.Get(ctx, account)
		if err != nil {
			log.Fatal(err)
		}
		_, err = c.ATS.Candidates.Create(ctx, account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
		var apiErr *truto.APIError
		if errors.As(err, &apiErr) {
			fmt.Println(a.ID, a.Integration.Name, a.TenantID, a.Status, "needs", apiErr.Fields[0].Field)
		} else {
			fmt.Println(a.ID, a.Integration.Name, a.TenantID, a.Status, err)
		}
	}
	// Output:
	// 62f44730-dd91-461e-bd6a-000000001001 greenhouse tenant-greenhouse active <nil>
	// 62f44730-dd91-461e-bd6a-000000001002 lever tenant-lever active needs job_id
}

// AddEmptyPageAt makes a list answer an empty page before its end, with a
// cursor, as some integrations do, so that a test proves the loop keeps
// paging instead of stopping at the first empty page.
func ExampleServer_AddEmptyPageAt() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	for _, name := range []string{"Go developer", "SRE", "Designer", "Recruiter"} {
		fake.AddJob(account, name)
	}
	fake.AddEmptyPageAt(2) // the page after the first two jobs
	c := fake.Client()
	ctx := context.Background()

	p := truto.ListParams{Limit: 2}
	for {
		page, err := c.ATS.Jobs.List(ctx, account, p)
		if err != nil {
			log.Fatal(err)
		}
		var names []string
		for _, j := range page.Result {
			names = append(names, j.Name)
		}
		fmt.Printf("%d %q more=%t\n", page.ResultCount, names, page.NextCursor != "")
		if page.NextCursor == "" {
			break
		}
		p.Cursor = page.NextCursor
	}

	n := 0
	for _, err := range c.ATS.Jobs.All(ctx, account, truto.ListParams{Limit: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		n++
	}
	fmt.Println("All:", n)
	// Output:
	// 2 ["Go developer" "SRE"] more=true
	// 0 [] more=true
	// 2 ["Designer" "Recruiter"] more=false
	// All: 4
}

// AddFile serves the bytes of an attachment's file_url, for a test of
// code that downloads candidates' CVs; a URL never added answers 404.
func ExampleServer_AddFile() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.AddRecord(account, "ats", "attachments", trutotest.Record{
		"file_name": "ada.pdf", "file_url": "https://files.example.com/ada.pdf", "attachment_type": "resume",
	})
	fake.AddFile("https://files.example.com/ada.pdf", []byte("%PDF-1.7 Ada's CV"))
	c := fake.Client()
	ctx := context.Background()

	for att, err := range c.ATS.Attachments.All(ctx, account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		body, err := c.ATS.Attachments.Download(ctx, account, att.FileURL)
		if err != nil {
			log.Fatal(err)
		}
		content, err := io.ReadAll(body)
		body.Close()
		fmt.Println(att.FileName, att.AttachmentType, string(content), err)
	}

	_, err := c.ATS.Attachments.Download(ctx, account, "https://files.example.com/gone.pdf")
	fmt.Println(errors.Is(err, truto.ErrNotFound))
	// Output:
	// ada.pdf resume %PDF-1.7 Ada's CV <nil>
	// true
}

// AddJob seeds an open job, for a test that applies candidates to it:
// the Job returned carries the id the fake gave it, and a job the fake
// does not hold is refused as the ATS refuses it.
func ExampleServer_AddJob() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationLever)
	job := fake.AddJob(account, "Go developer")
	fmt.Println(job.ID, job.Name, job.Status)
	c := fake.Client()
	ctx := context.Background()

	cand, err := c.ATS.Candidates.Create(ctx, account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{JobID: job.ID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.Applications[0].Job.ID, cand.Applications[0].CurrentStage.Name)

	_, err = c.ATS.Candidates.Create(ctx, account, truto.CandidateInput{FirstName: "Grace"}, truto.CreateCandidateParams{JobID: "job-404"})
	var apiErr *truto.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, errors.Is(err, truto.ErrRemote), string(apiErr.Details().RawResponse))
	}
	// Output:
	// job-1002 Go developer open
	// job-1002 New
	// 422 true {"error":"Job job-404 does not exist"}
}

// AddRecord seeds any resource of any model (or of the proxy, with model
// "proxy"), for a test whose code reads records the fake has no helper
// for; a record without an id gets one, and a list's own parameters
// filter the records.
func ExampleServer_AddRecord() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	ada := fake.AddRecord(account, "ats", "candidates", trutotest.Record{"first_name": "Ada"})
	fake.AddRecord(account, "ats", "applications", trutotest.Record{"candidate": trutotest.Record{"id": ada}, "job": trutotest.Record{"id": "job-7"}})
	fake.AddRecord(account, "ats", "applications", trutotest.Record{"candidate": trutotest.Record{"id": "someone-else"}})
	fake.AddRecord(account, "crm", "contacts", trutotest.Record{"id": "ct-1", "name": "Acme buyer"})
	c := fake.Client()
	ctx := context.Background()

	page, err := c.ATS.Applications.List(ctx, account, truto.ListParams{Filter: url.Values{"candidate_id": {ada}}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ada, len(page.Result), page.Result[0].Job.ID)

	contact, err := truto.Resource[map[string]any](c, "crm", "contacts").Get(ctx, account, "ct-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println((*contact)["name"])
	// Output:
	// candidate-1002 1 job-7
	// Acme buyer
}

// NewReceiver serves the webhook handler under test and subscribes it,
// without the admin API: a record:created event reaches
// truto.WebhookHandler when the code under test creates a candidate, and
// events it did not subscribe to do not.
func ExampleServer_NewReceiver() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)

	srv := fake.NewReceiver(func(secret string) http.Handler {
		return truto.WebhookHandler(secret, func(_ context.Context, e truto.Event) error {
			change, err := e.Record()
			if err != nil {
				return err
			}
			fmt.Println(e.Type, change.Model, change.Resource, change.IntegratedAccountID == account)
			return nil
		})
	}, truto.EventRecordCreated)
	defer srv.Close()

	c := fake.Client()
	if _, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{}); err != nil {
		log.Fatal(err)
	}
	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": "run-1"}) // not subscribed
	for _, d := range fake.Deliveries() {
		fmt.Println(d.Event, d.Status)
	}
	// Output:
	// record:created ats candidates true
	// record:created 200
}

// AddWebhook subscribes any URL, http:// too (Webhooks.Create insists on
// https), for a test that reads the deliveries rather than handling
// them: here a plain httptest.Server that only answers 200.
func ExampleServer_AddWebhook() {
	fake := trutotest.NewServer()
	defer fake.Close()
	srv := httptest.NewServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	_, secret := fake.AddWebhook(srv.URL, truto.EventIntegratedAccountCreated)

	fake.Emit(truto.EventIntegratedAccountCreated, trutotest.Record{"id": "acct-1"})
	d := fake.Deliveries()[0]
	fmt.Println(d.Event, d.Status, truto.VerifyWebhook(secret, d.Header, d.Body) == nil)
	// Output: integrated_account:created 200 true
}

// Applications decodes the applications the fake holds, for a test that
// asserts what the code under test did to a candidate's pipeline: here
// applied to a job, then moved to a stage.
func ExampleServer_Applications() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	job := fake.AddJob(account, "Go developer")
	c := fake.Client()
	ctx := context.Background()

	cand, err := c.ATS.Candidates.Create(ctx, account, truto.CandidateInput{FirstName: "Ada"},
		truto.CreateCandidateParams{JobID: job.ID, ApplicationSource: truto.SourceLead})
	if err != nil {
		log.Fatal(err)
	}
	app := fake.Applications(account)[0]
	fmt.Println(app.Candidate.ID == cand.ID, app.Job.ID == job.ID, app.CurrentStage.Name, app.Source.Name)

	if _, err := c.ATS.Applications.MoveStage(ctx, account, truto.MoveStageParams{ApplicationID: app.ID, StageID: "onsite"}); err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(fake.Applications(account)), fake.Applications(account)[0].CurrentStage.ID)
	// Output:
	// true true New lead
	// 1 onsite
}

// Candidates decodes the candidates the fake holds, for a test that
// asserts what the code under test wrote, as the ATS stored it (with
// the name and the remote record the ATS adds).
func ExampleServer_Candidates() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	// The code under test.
	for _, in := range []truto.CandidateInput{
		{FirstName: "Ada", LastName: "Lovelace", Emails: []truto.Email{{Email: "ada@example.com"}}},
		{FirstName: "Grace", LastName: "Hopper"},
	} {
		if _, err := c.ATS.Candidates.Create(context.Background(), account, in, truto.CreateCandidateParams{}); err != nil {
			log.Fatal(err)
		}
	}

	for _, cand := range fake.Candidates(account) {
		fmt.Println(cand.ID, cand.Name, cand.CanEmail, cand.RemoteData["id"])
	}
	// Output:
	// candidate-1003 Ada Lovelace true greenhouse-1002
	// candidate-1006 Grace Hopper false greenhouse-1005
}

// Client is a client of the fake with short retry waits, so that a test
// of retries runs fast; the options given to it come after and win, here
// turning retries off.
func ExampleServer_Client() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	ctx := context.Background()

	var resp truto.Response
	fake.FailNext(1, http.StatusBadGateway)
	_, err := fake.Client().ATS.Jobs.List(ctx, account, truto.ListParams{}, truto.WithResponseInto(&resp))
	fmt.Println(err, resp.StatusCode, resp.Attempts)

	fake.FailNext(1, http.StatusBadGateway)
	_, err = fake.Client(truto.WithRetry(0, 0, 0)).ATS.Jobs.List(ctx, account, truto.ListParams{}, truto.WithResponseInto(&resp))
	var apiErr *truto.APIError
	if !errors.As(err, &apiErr) {
		log.Fatal(err)
	}
	fmt.Println(apiErr.StatusCode, apiErr.Attempts)
	// Output:
	// <nil> 200 2
	// 502 1
}

// ConnectAccount stands in for the customer on Truto's connect page, for
// a test of onboarding code: the link token becomes an account, the
// webhooks hear integrated_account:created then active (updated then
// active on a reconnect), and a token connects once.
func ExampleServer_ConnectAccount() {
	fake := trutotest.NewServer()
	defer fake.Close()
	srv := httptest.NewTLSServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	defer srv.Close()
	fake.SetWebhookClient(srv.Client())
	fake.AddWebhook(srv.URL)
	c := fake.Client()
	ctx := context.Background()

	tok, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "acme-1"})
	if err != nil {
		log.Fatal(err)
	}
	id, err := fake.ConnectAccount(tok.Token, trutotest.IntegrationGreenhouse)
	if err != nil {
		log.Fatal(err)
	}
	a, err := c.IntegratedAccounts.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.TenantID, a.Integration.Name, a.Status)
	_, err = fake.ConnectAccount(tok.Token, trutotest.IntegrationGreenhouse)
	fmt.Println(err != nil)

	reconnect, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{IntegratedAccountID: id})
	if err != nil {
		log.Fatal(err)
	}
	again, err := fake.ConnectAccount(reconnect.Token, trutotest.IntegrationGreenhouse)
	fmt.Println(again == id, err)

	for _, d := range fake.Deliveries() {
		fmt.Println(d.Event, d.Status)
	}
	// Output:
	// acme-1 greenhouse active
	// true
	// true <nil>
	// integrated_account:created 200
	// integrated_account:active 200
	// integrated_account:updated 200
	// integrated_account:active 200
}

// Deliveries records every attempt to deliver an event, for a test that
// asserts what reached the receiver and how it answered: Truto retries
// a delivery that was not answered 200, so a receiver that fails once
// sees the same event twice.
func ExampleServer_Deliveries() {
	fake := trutotest.NewServer()
	defer fake.Close()
	failures := 1
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		if failures > 0 {
			failures--
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()
	fake.SetWebhookClient(srv.Client())
	hook, _ := fake.AddWebhook(srv.URL)

	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": "run-1", "status": "completed"})
	got := fake.Deliveries()
	for _, d := range got {
		fmt.Println(d.Event, d.Attempt, d.Status, d.WebhookID == hook, d.EventID == got[0].EventID, bytes.Equal(d.Body, got[0].Body))
	}
	// Output:
	// sync_job_run:completed 1 503 true true true
	// sync_job_run:completed 2 200 true true true
}

// DisableRateLimits lets a test make more calls than Truto's 50 per 10
// seconds per account, for code whose pacing is not under test (a bulk
// import, a benchmark).
func ExampleServer_DisableRateLimits() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.SetClock(func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) }) // all in one window
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client(truto.WithRetry(0, 0, 0))

	count := func() (ok, limited int) {
		for range 60 {
			_, err := c.ATS.Jobs.List(context.Background(), account, truto.ListParams{})
			var apiErr *truto.APIError
			switch {
			case err == nil:
				ok++
			case errors.As(err, &apiErr) && apiErr.StatusCode == http.StatusTooManyRequests:
				limited++
			default:
				log.Fatal(err)
			}
		}
		return ok, limited
	}
	fmt.Println(count())
	fake.DisableRateLimits()
	fmt.Println(count())
	// Output:
	// 50 10
	// 60 0
}

// Emit sends an event the fake does not make by itself (a sync job run's,
// say) to the webhooks subscribed to it, signed as Truto signs it, for a
// test of the receiver's handling of that event.
func ExampleServer_Emit() {
	fake := trutotest.NewServer()
	defer fake.Close()
	srv := fake.NewReceiver(func(secret string) http.Handler {
		return truto.WebhookHandler(secret, func(_ context.Context, e truto.Event) error {
			run, err := e.SyncJobRun()
			if err != nil {
				return err
			}
			fmt.Println(e.Type, run.ID, run.SyncJobID, run.Status, e.EnvironmentID == trutotest.EnvironmentID)
			return nil
		})
	}, truto.EventSyncJobRunCompleted)
	defer srv.Close()

	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{
		"id": "run-1", "sync_job_id": "nightly-candidates", "integrated_account_id": "acct-1", "status": "completed",
	})
	fake.Emit(truto.EventSyncJobRunFailed, trutotest.Record{"id": "run-2"}) // not subscribed: not sent
	fmt.Println(len(fake.Deliveries()), fake.Deliveries()[0].Status)
	// Output:
	// sync_job_run:completed run-1 nightly-candidates completed true
	// 1 200
}

// HandleProxyMethod gives a custom method of the integration's own API
// an answer, for a test of code that calls it through the proxy; an
// error answers as the ATS refusing the call.
func ExampleServer_HandleProxyMethod() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.HandleProxyMethod("candidates", "merge", func(accountID string, body trutotest.Record) (any, error) {
		if body["into"] == nil {
			return nil, errors.New("into is required")
		}
		return trutotest.Record{"id": body["into"], "merged": body["from"]}, nil
	})
	c := fake.Client()
	ctx := context.Background()

	candidates := truto.Proxy[map[string]any](c, "candidates")
	got, err := candidates.Method(ctx, account, "merge", map[string]string{"from": "c-2", "into": "c-1"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println((*got)["id"], (*got)["merged"])

	_, err = candidates.Method(ctx, account, "merge", map[string]string{"from": "c-2"})
	var apiErr *truto.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Message, errors.Is(err, truto.ErrRemote))
	}
	// Output:
	// c-1 c-2
	// 400 into is required true
}

// InjectDelivery changes the next deliveries, for a test that proves the
// receiver refuses a tampered or late delivery, handles a duplicate once,
// survives a dropped one, and accepts a hex signature.
func ExampleServer_InjectDelivery() {
	fake := trutotest.NewServer()
	defer fake.Close()
	srv := fake.NewReceiver(func(secret string) http.Handler {
		return truto.WebhookHandler(secret, func(_ context.Context, e truto.Event) error {
			run, err := e.SyncJobRun()
			if err != nil {
				return err
			}
			fmt.Println("handled", run.ID)
			return nil
		})
	})
	defer srv.Close()

	fake.InjectDelivery(
		trutotest.DeliveryFault{Tamper: true},
		trutotest.DeliveryFault{Duplicate: true},
		trutotest.DeliveryFault{Delay: 10 * time.Minute}, // older than WebhookHandler's 5 minutes
		trutotest.DeliveryFault{Drop: true},
		trutotest.DeliveryFault{HexSignature: true},
	)
	runs := []string{"tampered", "duplicated", "late", "dropped", "hex"}
	for _, run := range runs {
		fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": run, "status": "completed"})
	}

	// Each event's attempts, by the run it carries.
	statuses := map[string][]string{}
	for _, d := range fake.Deliveries() {
		e, err := truto.ParseEvent(d.Body)
		if err != nil {
			log.Fatal(err)
		}
		run, _ := e.SyncJobRun()
		s := fmt.Sprint(d.Status)
		if d.Dropped {
			s = "dropped"
		}
		statuses[run.ID] = append(statuses[run.ID], s)
	}
	for _, run := range runs {
		fmt.Println(run, strings.Join(statuses[run], " "))
	}
	// Output:
	// handled duplicated
	// handled hex
	// tampered 401 401 401 401
	// duplicated 200 200
	// late 401 401 401 401
	// dropped dropped
	// hex 200
}

// Records returns copies of the raw records the fake holds, of any model
// or of the proxy, for a test that asserts fields no typed helper
// decodes, or what the code under test wrote through the proxy.
func ExampleServer_Records() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	// The code under test writes a scorecard through the proxy.
	scorecards := truto.Proxy[map[string]any](c, "scorecards")
	if _, err := scorecards.Create(context.Background(), account, map[string]any{"candidate_id": "c-1", "rating": "strong_yes"}, nil); err != nil {
		log.Fatal(err)
	}

	for _, r := range fake.Records(account, "proxy", "scorecards") {
		fmt.Println(r["id"], r["candidate_id"], r["rating"])
	}
	fmt.Println(len(fake.Records(account, "ats", "scorecards")), fake.Records("no-such-account", "proxy", "scorecards") == nil)
	// Output:
	// scorecard-1002 c-1 strong_yes
	// 0 true
}

// SetCapabilities narrows what the accounts of an integration report
// they support, for a test of code that checks Capabilities before it
// calls; other integrations report every method package truto types.
func ExampleServer_SetCapabilities() {
	fake := trutotest.NewServer()
	defer fake.Close()
	greenhouse := fake.AddAccount(trutotest.IntegrationGreenhouse)
	lever := fake.AddAccount(trutotest.IntegrationLever)
	fake.SetCapabilities(trutotest.IntegrationLever, map[string][]string{
		"candidates": {"list", "get"},
		"jobs":       {"list"},
	})
	c := fake.Client()

	for _, account := range []string{greenhouse, lever} {
		caps, err := c.IntegratedAccounts.Capabilities(context.Background(), account, truto.CapabilitiesParams{})
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(caps.Integration.Slug, caps.Supports("ats", "candidates", "create"),
			caps.Supports("ats", "jobs", "list"), caps.Supports("ats", "applications", "move-stage"))
	}
	// Output:
	// greenhouse true true true
	// lever false true false
}

// SetClock gives the fake the test's clock, for timestamps a test can
// compare exactly, and rate-limit windows it can end without sleeping.
func ExampleServer_SetClock() {
	fake := trutotest.NewServer()
	defer fake.Close()
	var mu sync.Mutex // the fake reads the clock from its handlers' goroutines
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	fake.SetClock(func() time.Time { mu.Lock(); defer mu.Unlock(); return now })
	advance := func(d time.Duration) { mu.Lock(); defer mu.Unlock(); now = now.Add(d) }

	fake.SetRateLimit(1, 10*time.Second)
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client(truto.WithRetry(0, 0, 0))
	ctx := context.Background()

	cand, err := c.ATS.Candidates.Create(ctx, account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.CreatedAt)

	_, err = c.ATS.Candidates.Update(ctx, account, cand.ID, truto.CandidateInput{Title: "Engineer"})
	var apiErr *truto.APIError
	if !errors.As(err, &apiErr) {
		log.Fatal(err)
	}
	fmt.Println(apiErr.StatusCode, apiErr.RetryAfter)

	advance(apiErr.RetryAfter) // instead of sleeping
	updated, err := c.ATS.Candidates.Update(ctx, account, cand.ID, truto.CandidateInput{Title: "Engineer"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(updated.Title, updated.CreatedAt, updated.UpdatedAt)
	// Output:
	// 2026-03-01 12:00:00 +0000 UTC
	// 429 10s
	// Engineer 2026-03-01 12:00:00 +0000 UTC 2026-03-01 12:00:10 +0000 UTC
}

// SetWebhookClient gives the fake a client that trusts a TLS test
// receiver, for deliveries to an https URL (the only kind the admin API
// accepts): without it, each delivery fails the certificate check.
func ExampleServer_SetWebhookClient() {
	fake := trutotest.NewServer()
	defer fake.Close()
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(http.ResponseWriter, *http.Request) {}))
	srv.Config.ErrorLog = log.New(io.Discard, "", 0) // quiet the refused handshakes
	srv.StartTLS()
	defer srv.Close()
	c := fake.Client()
	ctx := context.Background()

	hook, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: srv.URL + "/webhooks/truto"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Webhooks.Test(ctx, hook.ID) != nil) // http.DefaultClient does not trust srv

	fake.SetWebhookClient(srv.Client())
	fmt.Println(c.Webhooks.Test(ctx, hook.ID))

	for _, d := range fake.Deliveries() {
		fmt.Println(d.Attempt, d.Status, d.Err != nil)
	}
	// Output:
	// true
	// <nil>
	// 1 0 true
	// 2 0 true
	// 3 0 true
	// 4 0 true
	// 1 200 false
}
