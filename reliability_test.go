package recruitkit_test

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

var update = flag.Bool("update", false, "rewrite RELIABILITY.md's fault matrix from this run")

// class is how a method may be retried.
type class int

const (
	read   class = iota // changes nothing: retried on transport errors and 5xx
	delete              // an idempotent write (DELETE, PUT): retried like a read
	write               // non-idempotent: never sent twice once it may have arrived
	keyed               // a write with an Idempotency-Key (Truto): retried, run once
)

// method is one public method of a client, run against a fresh fake.
type method struct {
	name    string
	class   class
	decodes bool // reads a 2xx body; false: the body is ignored or handed over
	anyJSON bool // takes any JSON (Client.Raw)
	truto   bool // Truto never retries a 503
	get     bool // a GET (or HEAD): the only requests whose redirects are followed
	stream  bool // hands its 2xx body over unread once its Content-Type is right
	html    bool // its answer is HTML: an HTML page is a success
	run     func(ctx context.Context, e *env) error
}

// env is a fresh set of fakes with clients and seeded records.
type env struct {
	tg  *testgorillatest.Server
	tt  *trutotest.Server
	tc  *trustcruittest.Server
	tgc *testgorilla.Client
	ttc *truto.Client
	tcc *trustcruit.Client

	tgBase  string // where the TestGorilla client points
	logger  *slog.Logger
	maxBody int64

	assessment, candidature, testTaker int
	account, jobID, candidateID, appID string
}

// secrets are what must never appear in a log line or an error.
const password = "correct-horse-battery-staple"

var secrets = []string{testgorillatest.APIKey, trutotest.Token, trustcruittest.TestToken, password}

// newEnv starts the fakes of vendors ("testgorilla", "truto",
// "trustcruit"; none: all three) and their clients; base, when not empty,
// replaces their URL in every client (a dead address for "connection
// refused").
func newEnv(t *testing.T, base string, logger *slog.Logger, maxBody int64, vendors ...string) *env {
	e := &env{logger: logger, maxBody: maxBody}
	url := func(s string) string {
		if base != "" {
			return base
		}
		return s
	}
	wants := func(v string) bool { return len(vendors) == 0 || slices.Contains(vendors, v) }
	n, lo, hi := 3, time.Millisecond, 5*time.Second
	// Each env has connections of its own: on http.DefaultTransport,
	// another cell's fakes closing (httptest closes its idle connections)
	// could break a request of this one.
	hc := &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone()}
	t.Cleanup(hc.CloseIdleConnections)
	var err error

	if wants("testgorilla") {
		e.tg = testgorillatest.NewServer()
		t.Cleanup(e.tg.Close)
		e.tg.DisableRateLimits()
		e.tg.AddUser("ada@example.com", password)
		a := e.tg.AddAssessment("Go developer", "Go (coding)")
		e.assessment = a.ID
		c := e.tg.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com", Stage: testgorilla.StageRejected})
		e.candidature, e.testTaker = c.ID, c.TestTakerID
		e.tgBase = url(e.tg.URL())
		e.tgc, err = testgorilla.NewClient(testgorillatest.APIKey, testgorilla.WithBaseURL(url(e.tg.URL())), testgorilla.WithRetry(n, lo, hi),
			testgorilla.WithLogger(logger), testgorilla.WithMaxBodyBytes(maxBody), testgorilla.WithHTTPClient(hc))
		must(t, err)
	}
	if wants("truto") {
		e.tt = trutotest.NewServer()
		t.Cleanup(e.tt.Close)
		e.tt.DisableRateLimits()
		// The webhooks the matrix creates are delivered here, not to their
		// example.com targets, whose lookup alone would hold each call.
		receiver := httpmock.NewMockTransport()
		receiver.RegisterNoResponder(httpmock.NewStringResponder(http.StatusOK, ""))
		e.tt.SetWebhookClient(&http.Client{Transport: receiver})
		e.account = e.tt.AddAccount(trutotest.IntegrationGreenhouse)
		e.jobID = e.tt.AddJob(e.account, "Go developer").ID
		e.candidateID = e.tt.AddRecord(e.account, "ats", "candidates", trutotest.Record{"first_name": "Grace"})
		e.appID = e.tt.AddRecord(e.account, "ats", "applications", trutotest.Record{"job": trutotest.Record{"id": e.jobID}})
		e.tt.AddFile("https://files.example.com/cv.pdf", []byte("%PDF-1.7"))
		e.ttc, err = truto.NewClient(trutotest.Token, truto.WithBaseURL(url(e.tt.URL())), truto.WithRetry(n, lo, hi),
			truto.WithLogger(logger), truto.WithMaxBodyBytes(maxBody), truto.WithHTTPClient(hc))
		must(t, err)
	}
	if wants("trustcruit") {
		e.tc = trustcruittest.NewServer()
		t.Cleanup(e.tc.Close)
		e.tcc, err = trustcruit.NewClient(trustcruittest.TestToken, trustcruit.WithBaseURL(url(e.tc.URL())), trustcruit.WithRetry(n, lo, hi),
			trustcruit.WithLogger(logger), trustcruit.WithMaxBodyBytes(maxBody), trustcruit.WithHTTPClient(hc))
		must(t, err)
	}
	return e
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// target is a fake as the matrix uses it: faults in, requests counted.
type target struct {
	inject   func(fake.Fault)
	requests func() int
}

// server is the fake the method talks to.
// vendor is the client m calls: "testgorilla", "truto" or "trustcruit".
func (m method) vendor() string { return strings.Fields(m.name)[0] }

func (m method) server(e *env) target {
	switch m.vendor() {
	case "testgorilla":
		return e.tgTarget()
	case "truto":
		return e.ttTarget()
	}
	return e.tcTarget()
}

func (e *env) tgTarget() target {
	return target{func(f fake.Fault) { e.tg.Inject(testgorillatest.Fault(f)) }, func() int { return len(e.tg.Requests()) }}
}

func (e *env) ttTarget() target {
	return target{func(f fake.Fault) { e.tt.Inject(trutotest.Fault(f)) }, func() int { return len(e.tt.Requests()) }}
}

func (e *env) tcTarget() target {
	return target{func(f fake.Fault) { e.tc.Inject(trustcruittest.Fault(f)) }, func() int { return len(e.tc.Requests()) }}
}

func drain(rc io.ReadCloser, err error) error {
	if err != nil {
		return err
	}
	defer rc.Close()
	_, err = io.Copy(io.Discard, rc)
	return err
}

// completed adds a candidature that completed the assessment, in the
// fake itself (no request): one with results and a PDF report.
func completed(e *env) testgorilla.Candidature {
	score := 81.0
	return e.tg.AddCandidature(e.assessment, testgorilla.Candidature{FullName: "Grace Hopper", Email: "grace@example.com",
		Status: testgorilla.StatusCompleted, AvgScore: &score})
}

// publicLink is the assessment's default public link, from the fake
// itself (no request).
func publicLink(e *env) testgorilla.PublicLink {
	a, _ := e.tg.Assessment(e.assessment)
	return a.PublicLinks[0]
}

func first[T any](seq func(func(T, error) bool)) error {
	for _, err := range seq {
		return err
	}
	return nil
}

// methods is every public method of the three clients.
var methods = []method{
	{name: "trustcruit SubmitCandidate", class: write, run: func(ctx context.Context, e *env) error {
		return e.tcc.SubmitCandidate(ctx, trustcruit.SubmitCandidateParams{SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelTest, Email: "ada@example.com"})
	}},
	{name: "trustcruit Stats", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tcc.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
		return err
	}},
	{name: "testgorilla Login", class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := testgorilla.Login(ctx, "ada@example.com", password, testgorilla.WithBaseURL(e.tgBase),
			testgorilla.WithRetry(3, time.Millisecond, 5*time.Second), testgorilla.WithLogger(e.logger), testgorilla.WithMaxBodyBytes(e.maxBody))
		return err
	}},
	{name: "testgorilla Candidatures.List", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: e.assessment})
		return err
	}},
	{name: "testgorilla Candidatures.All", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		return first(e.tgc.Candidatures.All(ctx, testgorilla.ListCandidaturesParams{Assessment: e.assessment}))
	}},
	{name: "testgorilla Candidatures.Delete", class: delete, run: func(ctx context.Context, e *env) error {
		return e.tgc.Candidatures.Delete(ctx, e.candidature)
	}},
	{name: "testgorilla Candidatures.ChangeStage", class: write, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Candidatures.ChangeStage(ctx, e.candidature, testgorilla.StageRejected)
		return err
	}},
	{name: "testgorilla Candidatures.SendRejectionEmail", class: write, run: func(ctx context.Context, e *env) error {
		return e.tgc.Candidatures.SendRejectionEmail(ctx, e.candidature)
	}},
	{name: "testgorilla Candidatures.ResendInvitation", class: write, run: func(ctx context.Context, e *env) error {
		return e.tgc.Candidatures.ResendInvitation(ctx, e.candidature)
	}},
	{name: "testgorilla Candidates.Get", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Candidates.Get(ctx, e.testTaker)
		return err
	}},
	{name: "testgorilla Assessments.List", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Assessments.List(ctx, testgorilla.ListAssessmentsParams{})
		return err
	}},
	{name: "testgorilla Assessments.All", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		return first(e.tgc.Assessments.All(ctx, testgorilla.ListAssessmentsParams{}))
	}},
	{name: "testgorilla Assessments.Get", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Assessments.Get(ctx, e.assessment)
		return err
	}},
	{name: "testgorilla Assessments.Invite", class: write, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Assessments.Invite(ctx, e.assessment, testgorilla.InviteParams{Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper"})
		return err
	}},
	{name: "testgorilla Results.List", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Results.List(ctx, testgorilla.ListResultsParams{Assessment: e.assessment, TestTaker: e.testTaker})
		return err
	}},
	{name: "testgorilla Results.All", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		return first(e.tgc.Results.All(ctx, testgorilla.ListResultsParams{Assessment: e.assessment, TestTaker: e.testTaker}))
	}},
	{name: "testgorilla Results.Get", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Results.Get(ctx, e.tg.Results(completed(e).ID)[0].ID)
		return err
	}},
	{name: "testgorilla Results.CodeReport", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Results.CodeReport(ctx, e.tg.Results(completed(e).ID)[0].ID) // "Go (coding)"
		return err
	}},
	{name: "testgorilla Results.PersonalityDescription", get: true, class: read, decodes: true, html: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Results.PersonalityDescription(ctx, testgorilla.Algorithm16Types, "INTJ")
		return err
	}},
	{name: "testgorilla Assessments.AntiCheating", get: true, class: read, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Assessments.AntiCheating(ctx, e.testTaker, e.candidature)
		return err
	}},
	{name: "testgorilla Assessments.PersonalLink", class: write, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.Assessments.PersonalLink(ctx, e.assessment, testgorilla.InviteParams{Email: "linus@example.com"})
		return err
	}},
	{name: "testgorilla PublicLinks.Update", class: delete, decodes: true, run: func(ctx context.Context, e *env) error {
		link := publicLink(e)
		_, err := e.tgc.PublicLinks.Update(ctx, link.UUID, testgorilla.UpdatePublicLinkParams{Active: true, Label: "Careers", Assessment: e.assessment})
		return err
	}},
	{name: "testgorilla PublicLinks.Activate", class: delete, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.PublicLinks.Activate(ctx, publicLink(e))
		return err
	}},
	{name: "testgorilla PublicLinks.Deactivate", class: delete, decodes: true, run: func(ctx context.Context, e *env) error {
		_, err := e.tgc.PublicLinks.Deactivate(ctx, publicLink(e))
		return err
	}},
	{name: "testgorilla Candidates.RenderPDF", get: true, class: read, decodes: true, stream: true, run: func(ctx context.Context, e *env) error {
		c := completed(e)
		return drain(e.tgc.Candidates.RenderPDF(ctx, c.TestTakerID, c.ID))
	}},
	{name: "testgorilla Candidates.WritePDF", get: true, class: read, decodes: true, stream: true, run: func(ctx context.Context, e *env) error {
		c := completed(e)
		_, err := e.tgc.Candidates.WritePDF(ctx, io.Discard, c.TestTakerID, c.ID)
		return err
	}},
	{name: "truto ATS.Candidates.Create", class: keyed, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Candidates.Create(ctx, e.account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{JobID: e.jobID})
		return err
	}},
	{name: "truto ATS.Candidates.List", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Candidates.List(ctx, e.account, truto.ListParams{})
		return err
	}},
	{name: "truto ATS.Candidates.All", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		return first(e.ttc.ATS.Candidates.All(ctx, e.account, truto.ListParams{}))
	}},
	{name: "truto ATS.Candidates.Get", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Candidates.Get(ctx, e.account, e.candidateID)
		return err
	}},
	{name: "truto ATS.Candidates.Update", class: keyed, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Candidates.Update(ctx, e.account, e.candidateID, truto.CandidateInput{Title: "Engineer"})
		return err
	}},
	{name: "truto ATS.Candidates.Delete", class: keyed, truto: true, run: func(ctx context.Context, e *env) error {
		return e.ttc.ATS.Candidates.Delete(ctx, e.account, e.candidateID)
	}},
	{name: "truto ATS.Jobs.Get", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Jobs.Get(ctx, e.account, e.jobID)
		return err
	}},
	{name: "truto ATS.Applications.MoveStage", class: keyed, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Applications.MoveStage(ctx, e.account, truto.MoveStageParams{ApplicationID: e.appID, StageID: "INTERVIEW"})
		return err
	}},
	{name: "truto ATS.Applications.Reject", class: keyed, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Applications.Reject(ctx, e.account, truto.RejectParams{ApplicationID: e.appID})
		return err
	}},
	{name: "truto ATS.Attachments.Download", class: keyed, truto: true, run: func(ctx context.Context, e *env) error {
		return drain(e.ttc.ATS.Attachments.Download(ctx, e.account, "https://files.example.com/cv.pdf"))
	}},
	{name: "truto ATS.Activities.Create", class: keyed, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Activities.Create(ctx, e.account, truto.ActivityInput{CandidateID: e.candidateID, Body: "note"})
		return err
	}},
	{name: "truto ATS.Applications.Get", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Applications.Get(ctx, e.account, e.appID)
		return err
	}},
	{name: "truto ATS.Users.List", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.ATS.Users.List(ctx, e.account, truto.ListParams{})
		return err
	}},
	{name: "truto Proxy.List", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := truto.Proxy[map[string]any](e.ttc, "people").List(ctx, e.account, truto.ListParams{})
		return err
	}},
	{name: "truto Proxy.Create", class: keyed, decodes: true, anyJSON: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := truto.Proxy[map[string]any](e.ttc, "people").Create(ctx, e.account, map[string]string{"name": "Ada"}, nil)
		return err
	}},
	{name: "truto LinkTokens.Create", class: write, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "acme-1"})
		return err
	}},
	{name: "truto IntegratedAccounts.List", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.IntegratedAccounts.List(ctx, truto.ListIntegratedAccountsParams{})
		return err
	}},
	{name: "truto IntegratedAccounts.All", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		return first(e.ttc.IntegratedAccounts.All(ctx, truto.ListIntegratedAccountsParams{}))
	}},
	{name: "truto IntegratedAccounts.Get", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.IntegratedAccounts.Get(ctx, e.account)
		return err
	}},
	{name: "truto IntegratedAccounts.CreateToken", class: write, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.IntegratedAccounts.CreateToken(ctx, e.account)
		return err
	}},
	{name: "truto IntegratedAccounts.Update", class: write, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.IntegratedAccounts.Update(ctx, e.account, truto.UpdateIntegratedAccountParams{TenantID: "acme-2"})
		return err
	}},
	{name: "truto IntegratedAccounts.Delete", class: delete, truto: true, run: func(ctx context.Context, e *env) error {
		// An account of its own: the concurrent test shares e.account.
		return e.ttc.IntegratedAccounts.Delete(ctx, e.tt.AddAccount(trutotest.IntegrationGreenhouse))
	}},
	{name: "truto IntegratedAccounts.Capabilities", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.IntegratedAccounts.Capabilities(ctx, e.account, truto.CapabilitiesParams{})
		return err
	}},
	{name: "truto EnvironmentIntegrations.List", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.EnvironmentIntegrations.List(ctx, truto.ListEnvironmentIntegrationsParams{})
		return err
	}},
	{name: "truto Webhooks.Create", class: write, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: "https://hooks.example.com/truto"})
		return err
	}},
	{name: "truto Webhooks.List", get: true, class: read, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.Webhooks.List(ctx, truto.ListWebhooksParams{})
		return err
	}},
	{name: "truto Webhooks.Update", class: write, decodes: true, truto: true, run: func(ctx context.Context, e *env) error {
		id, _ := e.tt.AddWebhook("https://hooks.example.com/truto")
		off := false
		_, err := e.ttc.Webhooks.Update(ctx, id, truto.UpdateWebhookParams{IsActive: &off})
		return err
	}},
	{name: "truto Webhooks.Delete", class: delete, truto: true, run: func(ctx context.Context, e *env) error {
		id, _ := e.tt.AddWebhook("https://hooks.example.com/truto")
		return e.ttc.Webhooks.Delete(ctx, id)
	}},
	{name: "truto Client.Raw", get: true, class: read, decodes: true, anyJSON: true, truto: true, run: func(ctx context.Context, e *env) error {
		_, err := e.ttc.Raw(ctx, truto.UnifiedRequest{Model: "ats", Resource: "candidates", ID: e.candidateID, IntegratedAccountID: e.account})
		return err
	}},
	{name: "truto Client.Stream", get: true, class: read, truto: true, run: func(ctx context.Context, e *env) error {
		return drain(e.ttc.Stream(ctx, truto.UnifiedRequest{Model: "ats", Resource: "candidates", IntegratedAccountID: e.account},
			truto.WithResponseFormat(truto.FormatStream)))
	}},
}

// fault is one way the network or the server misbehaves.
type fault struct {
	name     string
	deadline time.Duration
	maxBody  int64
	refused  bool
	inject   func(m method, s target)
	// wait is the wait before a retry the fault should make the client
	// ask for (told to the test's wait hook rather than slept through).
	wait   time.Duration
	expect func(m method) outcome
}

// outcome is what a call came to: its class of result and how many
// requests the server received.
type outcome struct {
	result   string // "ok", "APIError 503", "TransportError", "DecodeError", "RateLimited"
	requests int
}

func (o outcome) String() string { return fmt.Sprintf("%s ×%d", o.result, o.requests) }

func failN(n, status int, header http.Header) func(method, target) {
	return func(_ method, s target) {
		for range n {
			s.inject(fake.Fault{Status: status, Header: header, Body: fmt.Sprintf(`{"detail":"injected %d"}`, status)})
		}
	}
}

func body(b string) func(method, target) {
	return func(_ method, s target) {
		s.inject(fake.Fault{Status: 200, Header: http.Header{"Content-Type": {"application/json"}}, Body: b})
	}
}

// writes reports whether the method changes state on the server.
func (m method) writes() bool { return m.class != read }

// badBody is the outcome of a 2xx body the method cannot take: an error
// for a method that decodes, which says so when a write was done, and
// nothing for one that ignores the body.
func badBody(m method) outcome {
	switch {
	case !m.decodes:
		return outcome{"ok", 1}
	case m.writes():
		return outcome{"DecodeError · write accepted", 1}
	}
	return outcome{"DecodeError", 1}
}

// unknown marks the result of a write that may have reached the server.
func unknown(m method, result string) string {
	if m.writes() {
		return result + " · outcome unknown"
	}
	return result
}

var faults = []fault{
	{name: "connection refused", refused: true, expect: func(method) outcome { return outcome{"TransportError", 0} }},
	{name: "reset before the response", inject: func(_ method, s target) { s.inject(fake.Fault{Drop: true}) },
		expect: func(m method) outcome {
			if m.class == write {
				return outcome{unknown(m, "TransportError"), 1}
			}
			return outcome{"ok", 2}
		}},
	{name: "reset halfway through the body", inject: func(_ method, s target) { s.inject(fake.Fault{CutBody: true}) },
		expect: func(m method) outcome {
			switch {
			case m.stream:
				return outcome{"TransportError", 1} // the caller reads the stream and sees it break
			case !m.decodes && m.name != "truto ATS.Attachments.Download" && m.name != "truto Client.Stream":
				return outcome{"ok", 1} // the answer's body is not needed
			case !m.decodes:
				return outcome{"TransportError", 1} // the caller reads the stream and sees it break
			case m.class == write:
				return outcome{"TransportError · write accepted", 1}
			}
			return outcome{"ok", 2}
		}},
	{name: "no answer before the deadline", deadline: 500 * time.Millisecond,
		inject: func(_ method, s target) { s.inject(fake.Fault{Hang: true}) },
		expect: func(m method) outcome { return outcome{unknown(m, "TransportError"), 1} }},
	{name: "503 twice, then healthy", inject: failN(2, 503, nil), expect: func(m method) outcome {
		if m.class == write || m.truto {
			return outcome{unknown(m, "APIError 503"), 1}
		}
		return outcome{"ok", 3}
	}},
	{name: "500, 502, 504, then healthy", inject: func(_ method, s target) {
		for _, code := range []int{500, 502, 504} {
			s.inject(fake.Fault{Status: code, Body: `{"detail":"injected"}`})
		}
	}, expect: func(m method) outcome {
		if m.class == write {
			return outcome{unknown(m, "APIError 500"), 1}
		}
		return outcome{"ok", 4}
	}},
	{name: "429 with Retry-After: 1", inject: failN(1, 429, http.Header{"Retry-After": {"1"}}), wait: time.Second,
		expect: func(method) outcome { return outcome{"ok", 2} }},
	{name: "429 with X-RateLimit-Reset: 0.2", inject: failN(1, 429, http.Header{"X-Ratelimit-Reset": {"0.2"}}), wait: 200 * time.Millisecond,
		expect: func(method) outcome { return outcome{"ok", 2} }},
	{name: "429 waiting past the deadline", deadline: 2 * time.Second, inject: failN(1, 429, http.Header{"Retry-After": {"30"}}),
		expect: func(method) outcome { return outcome{"RateLimited", 1} }},
	{name: "200 with truncated JSON", inject: body(`{"result":[{"id":"1"`), expect: badBody},
	{name: "200 with HTML", inject: body(`<html><body>Service Unavailable</body></html>`), expect: func(m method) outcome {
		if m.html {
			return outcome{"ok", 1}
		}
		return badBody(m)
	}},
	{name: "200 with an empty body", inject: body(``), expect: badBody},
	{name: "200 of the wrong shape", inject: body(`{"unexpected":true}`), expect: func(m method) outcome {
		if m.anyJSON {
			return outcome{"ok", 1}
		}
		return badBody(m)
	}},
	{name: "200 larger than the body cap", maxBody: 1024,
		inject: body(`{"padding":"` + strings.Repeat("x", 4096) + `"}`),
		expect: func(m method) outcome {
			switch {
			case m.stream:
				return outcome{"DecodeError", 1} // a stream is not capped, but JSON is not its type
			case !m.decodes:
				return outcome{"ok", 1}
			case m.writes():
				return outcome{"TransportError · write accepted", 1}
			}
			return outcome{"TransportError", 1}
		}},
	{name: "301 to the same URL", inject: func(_ method, s target) {
		s.inject(fake.Fault{Status: 301, RedirectSelf: true})
	}, expect: func(m method) outcome {
		if m.get {
			return outcome{"ok", 2} // a GET follows, and the fake then answers
		}
		return outcome{"APIError 301", 1} // any other redirect is not followed
	}},
}

// classify names the outcome of a call by its error, whichever package
// returned it, and says when a write's error matches ErrWriteAccepted or
// ErrOutcomeUnknown.
func classify(err error) string {
	if err == nil {
		return "ok"
	}
	result := fmt.Sprintf("unexpected %T: %v", err, err)
	var (
		tgAPI *testgorilla.APIError
		ttAPI *truto.APIError
		tcAPI *trustcruit.APIError
	)
	switch {
	case errors.Is(err, testgorilla.ErrRateLimited), errors.Is(err, truto.ErrRateLimited), errors.Is(err, trustcruit.ErrRateLimited):
		result = "RateLimited"
	case errors.As(err, &tgAPI):
		result = fmt.Sprintf("APIError %d", tgAPI.StatusCode)
	case errors.As(err, &ttAPI):
		result = fmt.Sprintf("APIError %d", ttAPI.StatusCode)
	case errors.As(err, &tcAPI):
		result = fmt.Sprintf("APIError %d", tcAPI.StatusCode)
	case errors.Is(err, testgorilla.ErrUnexpectedResponse), errors.Is(err, truto.ErrUnexpectedResponse), errors.Is(err, trustcruit.ErrUnexpectedResponse):
		result = "DecodeError"
	case errors.As(err, new(*testgorilla.TransportError)), errors.As(err, new(*truto.TransportError)), errors.As(err, new(*trustcruit.TransportError)),
		errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, context.DeadlineExceeded):
		result = "TransportError"
	}
	switch {
	case errors.Is(err, testgorilla.ErrWriteAccepted), errors.Is(err, truto.ErrWriteAccepted), errors.Is(err, trustcruit.ErrWriteAccepted):
		result += " · write accepted"
	case errors.Is(err, testgorilla.ErrOutcomeUnknown), errors.Is(err, truto.ErrOutcomeUnknown), errors.Is(err, trustcruit.ErrOutcomeUnknown):
		result += " · outcome unknown"
	}
	return result
}

// matrixResult is one cell of the fault matrix.
type matrixResult struct {
	method, fault string
	got           outcome
	took          time.Duration
}

// TestFaultMatrix runs every public method under every fault against
// the fakes (real sockets) and checks the outcome, the requests the
// server saw, and the time against the deadline. Its results are the
// matrix in RELIABILITY.md (go test -run TestFaultMatrix -update . to
// rewrite it). Every run logs at debug level and every error is
// formatted, and no secret may appear in either.
func TestFaultMatrix(t *testing.T) {
	if testing.Short() {
		t.Skip("runs every method under every fault")
	}
	dead := deadAddress(t)
	var (
		mu      sync.Mutex
		results []matrixResult
		leaks   bytes.Buffer
	)
	// A cell whose fault only waits for its deadline (a hung server) is
	// called before the subtests, all such cells at once: run as parallel
	// subtests, two at a time on a two-core machine, they would spend
	// their deadlines one pair after another.
	// The calls start together once every such cell's fakes are up, so
	// that no call's deadline runs while others are still being set up.
	waiting := map[string]chan cell{}
	var ready sync.WaitGroup
	start := make(chan struct{})
	for _, f := range faults {
		if f.deadline == 0 || f.deadline >= time.Second {
			continue
		}
		for _, m := range methods {
			done := make(chan cell, 1)
			waiting[f.name+"/"+m.name] = done
			ready.Add(1)
			go func() { done <- runCell(t, f, m, dead, func() { ready.Done(); <-start }) }()
		}
	}
	ready.Wait()
	close(start)
	for _, f := range faults {
		for _, m := range methods {
			t.Run(f.name+"/"+m.name, func(t *testing.T) {
				t.Parallel()
				var c cell
				if done, ok := waiting[f.name+"/"+m.name]; ok {
					c = <-done
				} else {
					c = runCell(t, f, m, dead, func() {})
				}
				if want := f.expect(m); c.got != want {
					t.Errorf("got %v (%v), want %v", c.got, c.err, want)
				}
				if f.wait > 0 && !slices.Contains(c.waits, f.wait) {
					t.Errorf("asked to wait %v before retrying, want %v", c.waits, f.wait)
				}
				if c.took > c.deadline+500*time.Millisecond {
					t.Errorf("took %v, past the %v deadline", c.took, c.deadline)
				}
				if f.name == "429 waiting past the deadline" && c.took > 500*time.Millisecond {
					t.Errorf("took %v to give up a wait it could not take", c.took)
				}
				mu.Lock()
				defer mu.Unlock()
				results = append(results, matrixResult{m.name, f.name, c.got, c.took})
				fmt.Fprintf(&leaks, "%v\n%+v\n%#v\n%s\n", c.err, c.err, c.err, c.log)
			})
		}
	}
	t.Cleanup(func() {
		for _, secret := range secrets {
			if strings.Contains(leaks.String(), secret) {
				t.Errorf("a secret (%.6s...) appears in an error or a log line", secret)
			}
		}
		if !strings.Contains(leaks.String(), "recruitkit: http attempt") {
			t.Error("the debug logger saw no attempt: the leak audit audited nothing")
		}
		if t.Failed() {
			return
		}
		checkMatrix(t, results)
	})
}

// cell is what one method did under one fault.
type cell struct {
	got      outcome
	err      error
	took     time.Duration
	deadline time.Duration
	waits    []time.Duration // the waits the call asked for before retrying
	log      string          // its debug log
}

// runCell calls m on fresh fakes with f injected, once set returns.
func runCell(t *testing.T, f fault, m method, dead string, set func()) cell {
	var logBuf safeBuffer
	logger := slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	base := ""
	if f.refused {
		base = dead
	}
	maxBody := f.maxBody
	if maxBody == 0 {
		maxBody = 1 << 20
	}
	e := newEnv(t, base, logger, maxBody, m.vendor())
	s := m.server(e)
	if f.inject != nil {
		f.inject(m, s)
	}
	deadline := f.deadline
	if deadline == 0 {
		deadline = 10 * time.Second
	}
	set()
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	// Waits before a retry are told to the hook, not slept through: the
	// cell proves the wait was asked for.
	var waits waitLog
	ctx = rest.WithWaitHook(ctx, waits.add)
	start := time.Now()
	err := m.run(ctx, e)
	took := time.Since(start)
	return cell{got: outcome{classify(err), s.requests()}, err: err, took: took, deadline: deadline, waits: waits.all(), log: logBuf.String()}
}

// deadAddress is a local address nothing listens on. It is taken on
// 127.0.0.2 where the loopback network has it (Linux): the fakes listen
// on 127.0.0.1, so none of them can take the port once it is free.
func deadAddress(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		ln, err = net.Listen("tcp", "127.0.0.1:0")
	}
	must(t, err)
	addr := ln.Addr().String()
	must(t, ln.Close())
	return "http://" + addr
}

// waitLog keeps the waits a call asked for before its retries.
type waitLog struct {
	mu sync.Mutex
	d  []time.Duration
}

func (w *waitLog) add(d time.Duration) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.d = append(w.d, d)
}

func (w *waitLog) all() []time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	return slices.Clone(w.d)
}

type safeBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *safeBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *safeBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

const (
	matrixBegin = "<!-- fault matrix: generated by TestFaultMatrix; go test -run TestFaultMatrix -update . -->"
	matrixEnd   = "<!-- end of fault matrix -->"
)

// checkMatrix renders the results as RELIABILITY.md's table and checks
// the file has it (or, with -update, writes it).
func checkMatrix(t *testing.T, results []matrixResult) {
	cell := map[[2]string]outcome{}
	for _, r := range results {
		cell[[2]string{r.method, r.fault}] = r.got
	}
	var b strings.Builder
	b.WriteString(matrixBegin + "\n\n")
	b.WriteString("Each cell: the outcome, × the requests the server received.\n\n")
	var fs []string
	for _, f := range faults {
		fs = append(fs, f.name)
	}
	b.WriteString("| method | " + strings.Join(fs, " | ") + " |\n|---|" + strings.Repeat("---|", len(fs)) + "\n")
	for _, m := range methods {
		name := m.name
		b.WriteString("| " + name + " |")
		for _, f := range fs {
			b.WriteString(" " + cell[[2]string{name, f}].String() + " |")
		}
		b.WriteString("\n")
	}
	b.WriteString("\n" + matrixEnd)
	doc, err := os.ReadFile("RELIABILITY.md")
	must(t, err)
	start, end := bytes.Index(doc, []byte(matrixBegin)), bytes.Index(doc, []byte(matrixEnd))
	if start < 0 || end < start {
		t.Fatalf("RELIABILITY.md has no fault matrix markers")
	}
	current := string(doc[start : end+len(matrixEnd)])
	if current == b.String() {
		return
	}
	if !*update {
		t.Fatalf("RELIABILITY.md's fault matrix is not this run's; rewrite it with: go test -run TestFaultMatrix -update .")
	}
	out := string(doc[:start]) + b.String() + string(doc[end+len(matrixEnd):])
	must(t, os.WriteFile("RELIABILITY.md", []byte(out), 0o644))
}

// TestConcurrentCallers shares one set of clients between 64 goroutines
// making mixed calls while the fakes drop connections, fail, throttle
// and stall, and accounts for every result: each call ends ok or with a
// typed error, none is lost, and the race detector watches.
func TestConcurrentCallers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs 640 calls")
	}
	var logBuf safeBuffer
	e := newEnv(t, "", slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug})), 1<<20)
	for _, s := range []target{e.tgTarget(), e.ttTarget(), e.tcTarget()} {
		for i := range 40 {
			switch i % 5 {
			case 0:
				s.inject(fake.Fault{Drop: true})
			case 1:
				s.inject(fake.Fault{Status: 503, Body: `{"detail":"busy"}`})
			case 2:
				s.inject(fake.Fault{Status: 429, Header: http.Header{"X-Ratelimit-Reset": {"0.05"}}})
			case 3:
				s.inject(fake.Fault{Delay: 20 * time.Millisecond})
			case 4:
				s.inject(fake.Fault{CutBody: true})
			}
		}
	}
	const goroutines, calls = 64, 10
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	var (
		mu     sync.Mutex
		counts = map[string]int{}
		wg     sync.WaitGroup
	)
	for g := range goroutines {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range calls {
				m := methods[(g*calls+i)%len(methods)]
				result := classify(m.run(ctx, e))
				mu.Lock()
				counts[result]++
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	total := 0
	for result, n := range counts {
		total += n
		if strings.HasPrefix(result, "unexpected") {
			t.Errorf("%d calls ended with %s", n, result)
		}
	}
	if total != goroutines*calls {
		t.Fatalf("accounted for %d calls of %d", total, goroutines*calls)
	}
	if counts["ok"] < total/2 {
		t.Errorf("only %d of %d calls succeeded under faults the clients retry: %v", counts["ok"], total, counts)
	}
	for _, secret := range secrets {
		if strings.Contains(logBuf.String(), secret) {
			t.Errorf("a secret (%.6s...) appears in a log line", secret)
		}
	}
	t.Logf("results: %v", counts)
}
