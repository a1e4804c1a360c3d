package truto_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const webhookSecret = "6e17561c-a20c-44ce-b8b5-caff0bf786fe"

func hmacOf(secret string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return m.Sum(nil)
}

func sigHeader(v string) http.Header { return http.Header{truto.SignatureHeader: {v}} }

// eventBody is a delivery's body created at t.
func eventBody(id string, t time.Time) []byte {
	return fmt.Appendf(nil, `{"id":%q,"event":"integrated_account:active","payload":{"id":"acct-1","status":"active"},"environment_id":"env","webhook_id":"wh","created_at":%q}`,
		id, t.UTC().Format(time.RFC3339Nano))
}

func TestVerifyWebhookAcceptsHexAndBase64(t *testing.T) {
	body := fixture(t, "webhook_event_documented.json")
	sum := hmacOf(webhookSecret, body)
	for name, h := range map[string]http.Header{
		"base64":            sigHeader("format=sha256,v=" + base64.StdEncoding.EncodeToString(sum)),
		"hex":               sigHeader("format=sha256,v=" + hex.EncodeToString(sum)),
		"base64 unpadded":   sigHeader("format=sha256,v=" + base64.RawStdEncoding.EncodeToString(sum)),
		"bare v":            sigHeader("v=" + base64.StdEncoding.EncodeToString(sum)),
		"lower-case header": lowerCaseHeader("format=sha256,v=" + hex.EncodeToString(sum)),
		"the fake's":        sigHeader(trutotest.Sign(webhookSecret, body)),
		"the fake's hex":    sigHeader(trutotest.SignHex(webhookSecret, body)),
	} {
		t.Run(name, func(t *testing.T) {
			assert.NoError(t, truto.VerifyWebhook(webhookSecret, h, body))
		})
	}
}

// lowerCaseHeader is the header as Truto's overview page writes it,
// x-truto-signature, set as a server receives it.
func lowerCaseHeader(v string) http.Header {
	h := http.Header{}
	h.Set("x-truto-signature", v)
	return h
}

func TestVerifyWebhookRefuses(t *testing.T) {
	body := fixture(t, "webhook_event_documented.json")
	good := base64.StdEncoding.EncodeToString(hmacOf(webhookSecret, body))
	tampered := strings.Replace(string(body), "acme-1", "acme-2", 1)
	for name, c := range map[string]struct {
		secret string
		header http.Header
		body   []byte
	}{
		"tampered body":  {webhookSecret, sigHeader("format=sha256,v=" + good), []byte(tampered)},
		"wrong secret":   {"another-secret", sigHeader("format=sha256,v=" + good), body},
		"missing header": {webhookSecret, http.Header{}, body},
		"no v":           {webhookSecret, sigHeader("format=sha256"), body},
		"other format":   {webhookSecret, sigHeader("format=sha1,v=" + good), body},
		"not a sig":      {webhookSecret, sigHeader("format=sha256,v=not-a-signature"), body},
		"short sig":      {webhookSecret, sigHeader("format=sha256,v=" + good[:20]), body},
		"garbage":        {webhookSecret, sigHeader("garbage"), body},
	} {
		t.Run(name, func(t *testing.T) {
			err := truto.VerifyWebhook(c.secret, c.header, c.body)
			require.ErrorIs(t, err, truto.ErrSignature)
			assert.NotContains(t, err.Error(), webhookSecret)
			assert.NotContains(t, err.Error(), good)
		})
	}
	assert.ErrorIs(t, truto.VerifyWebhook("", sigHeader("v="+good), body), truto.ErrInvalidParams)
}

// receiver runs WebhookHandler with a settable clock and counts the
// events handle got.
type receiver struct {
	clock   *fake.Clock
	handled atomic.Int32
	fail    atomic.Bool
	mu      sync.Mutex
	events  []truto.Event
	h       http.Handler
}

func newReceiver(t *testing.T, opts ...truto.WebhookOption) *receiver {
	r := &receiver{clock: fake.NewClock(time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC))}
	r.h = truto.WebhookHandler(webhookSecret, func(_ context.Context, e truto.Event) error {
		if r.fail.Load() {
			return errors.New("the database is down")
		}
		r.handled.Add(1)
		r.mu.Lock()
		r.events = append(r.events, e)
		r.mu.Unlock()
		return nil
	}, append([]truto.WebhookOption{truto.WithWebhookClock(r.clock.Now)}, opts...)...)
	return r
}

// post delivers body signed with sig and returns the status.
func (r *receiver) post(body []byte, sig string) (int, string) {
	req := httptest.NewRequest(http.MethodPost, "/webhooks/truto", strings.NewReader(string(body)))
	if sig != "" {
		req.Header.Set(truto.SignatureHeader, sig)
	}
	rec := httptest.NewRecorder()
	r.h.ServeHTTP(rec, req)
	return rec.Code, rec.Body.String()
}

func TestWebhookHandlerStatuses(t *testing.T) {
	r := newReceiver(t)
	now := r.clock.Now()
	body := eventBody("evt-1", now.Add(-30*time.Second))

	code, _ := r.post(body, trutotest.Sign(webhookSecret, body))
	assert.Equal(t, http.StatusOK, code, "valid, base64")
	hexBody := eventBody("evt-hex", now)
	code, _ = r.post(hexBody, trutotest.SignHex(webhookSecret, hexBody))
	assert.Equal(t, http.StatusOK, code, "valid, hex")
	assert.EqualValues(t, 2, r.handled.Load())

	code, _ = r.post(body, trutotest.Sign(webhookSecret, body))
	assert.Equal(t, http.StatusOK, code, "a duplicate already handled: 200, so Truto stops")
	assert.EqualValues(t, 2, r.handled.Load(), "and not handled again")

	tampered := []byte(strings.Replace(string(eventBody("evt-2", now)), "acct-1", "acct-9", 1))
	code, _ = r.post(tampered, trutotest.Sign(webhookSecret, eventBody("evt-2", now)))
	assert.Equal(t, http.StatusUnauthorized, code, "tampered body")
	code, _ = r.post(eventBody("evt-3", now), trutotest.Sign("wrong-secret", eventBody("evt-3", now)))
	assert.Equal(t, http.StatusUnauthorized, code, "wrong secret")
	code, _ = r.post(eventBody("evt-4", now), "")
	assert.Equal(t, http.StatusUnauthorized, code, "missing header")

	stale := eventBody("evt-5", now.Add(-6*time.Minute))
	code, text := r.post(stale, trutotest.Sign(webhookSecret, stale))
	assert.Equal(t, http.StatusUnauthorized, code, "older than the 5 minutes")
	assert.Contains(t, text, "outside the tolerance window")
	future := eventBody("evt-6", now.Add(2*time.Minute))
	code, _ = r.post(future, trutotest.Sign(webhookSecret, future))
	assert.Equal(t, http.StatusUnauthorized, code, "too far ahead")

	notEvent := []byte(`{"hello":"world"}`)
	code, text = r.post(notEvent, trutotest.Sign(webhookSecret, notEvent))
	assert.Equal(t, http.StatusBadRequest, code, "signed, but not an event")
	assert.Contains(t, text, `no "id"`)
	notJSON := []byte(`{"id":`)
	code, _ = r.post(notJSON, trutotest.Sign(webhookSecret, notJSON))
	assert.Equal(t, http.StatusBadRequest, code)

	big := append(eventBody("evt-7", now)[:0:0], make([]byte, truto.DefaultWebhookMaxBody+1)...)
	code, _ = r.post(big, trutotest.Sign(webhookSecret, big))
	assert.Equal(t, http.StatusRequestEntityTooLarge, code)

	req := httptest.NewRequest(http.MethodGet, "/webhooks/truto", nil)
	rec := httptest.NewRecorder()
	r.h.ServeHTTP(rec, req)
	assert.Equal(t, http.StatusMethodNotAllowed, rec.Code)
	assert.Equal(t, "POST", rec.Header().Get("Allow"))
	assert.EqualValues(t, 2, r.handled.Load(), "nothing refused reached handle")
}

func TestWebhookHandleErrorIsRetried(t *testing.T) {
	r := newReceiver(t)
	body := eventBody("evt-1", r.clock.Now())
	r.fail.Store(true)
	code, text := r.post(body, trutotest.Sign(webhookSecret, body))
	assert.Equal(t, http.StatusInternalServerError, code, "non-200: Truto retries")
	assert.NotContains(t, text, "database", "the error stays on this side")
	r.fail.Store(false)
	code, _ = r.post(body, trutotest.Sign(webhookSecret, body))
	assert.Equal(t, http.StatusOK, code, "the retry is handled: a failure did not mark the id done")
	assert.EqualValues(t, 1, r.handled.Load())
}

func TestWebhookToleranceAndBodyOptions(t *testing.T) {
	r := newReceiver(t, truto.WithWebhookTolerance(time.Hour, 0), truto.WithWebhookMaxBody(64))
	old := eventBody("e", r.clock.Now().Add(-50*time.Minute))
	code, _ := r.post(old, trutotest.Sign(webhookSecret, old))
	assert.Equal(t, http.StatusRequestEntityTooLarge, code, "over 64 bytes")

	r = newReceiver(t, truto.WithWebhookTolerance(time.Hour, 0))
	code, _ = r.post(old, trutotest.Sign(webhookSecret, old))
	assert.Equal(t, http.StatusOK, code, "within an hour")
	ahead := eventBody("f", r.clock.Now().Add(24*time.Hour))
	code, _ = r.post(ahead, trutotest.Sign(webhookSecret, ahead))
	assert.Equal(t, http.StatusOK, code, "maxFuture 0: no check")

	assert.Panics(t, func() { truto.WithWebhookTolerance(-time.Second, 0) })
	assert.Panics(t, func() { truto.WebhookHandler("", func(context.Context, truto.Event) error { return nil }) })
}

// blockingStore claims nothing new: every id is in progress elsewhere,
// or its Claim fails.
type blockingStore struct {
	state truto.DeliveryState
	err   error
}

func (b blockingStore) Claim(context.Context, string) (truto.DeliveryState, error) {
	return b.state, b.err
}
func (blockingStore) Done(context.Context, string) error    { return nil }
func (blockingStore) Release(context.Context, string) error { return nil }

func TestWebhookDeliveryStore(t *testing.T) {
	r := newReceiver(t, truto.WithDeliveryStore(blockingStore{state: truto.DeliveryInProgress}))
	body := eventBody("evt-1", r.clock.Now())
	code, _ := r.post(body, trutotest.Sign(webhookSecret, body))
	assert.Equal(t, http.StatusConflict, code, "being handled elsewhere: Truto retries later")
	r = newReceiver(t, truto.WithDeliveryStore(blockingStore{err: errors.New("redis down")}))
	code, _ = r.post(body, trutotest.Sign(webhookSecret, body))
	assert.Equal(t, http.StatusInternalServerError, code)
	assert.Zero(t, r.handled.Load())
}

func TestMemoryDeliveryStoreIsBounded(t *testing.T) {
	ctx := context.Background()
	s := truto.NewMemoryDeliveryStore(2, time.Hour)
	for _, id := range []string{"a", "b", "c"} {
		state, err := s.Claim(ctx, id)
		require.NoError(t, err)
		require.Equal(t, truto.DeliveryNew, state)
		require.NoError(t, s.Done(ctx, id))
	}
	state, _ := s.Claim(ctx, "c")
	assert.Equal(t, truto.DeliveryDone, state)
	state, _ = s.Claim(ctx, "a")
	assert.Equal(t, truto.DeliveryNew, state, "the oldest was forgotten past 2 entries")
	state, _ = s.Claim(ctx, "a")
	assert.Equal(t, truto.DeliveryInProgress, state)
	require.NoError(t, s.Release(ctx, "a"))
	state, _ = s.Claim(ctx, "a")
	assert.Equal(t, truto.DeliveryNew, state, "released: claimable again")
}

func TestMemoryDeliveryStoreForgetsByAge(t *testing.T) {
	r := newReceiver(t)
	body := eventBody("evt-1", r.clock.Now())
	code, _ := r.post(body, trutotest.Sign(webhookSecret, body))
	require.Equal(t, http.StatusOK, code)
	r.clock.Advance(10 * time.Minute)
	// Past the window the id is forgotten, and the replay is stale.
	code, _ = r.post(body, trutotest.Sign(webhookSecret, body))
	assert.Equal(t, http.StatusUnauthorized, code)
	assert.EqualValues(t, 1, r.handled.Load())
}

func TestConcurrentDuplicatesAreHandledOnce(t *testing.T) {
	release := make(chan struct{})
	var calls atomic.Int32
	h := truto.WebhookHandler(webhookSecret, func(context.Context, truto.Event) error {
		calls.Add(1)
		<-release
		return nil
	})
	body := eventBody("evt-1", time.Now())
	codes := make(chan int, 8)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(string(body)))
			req.Header.Set(truto.SignatureHeader, trutotest.Sign(webhookSecret, body))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			codes <- rec.Code
		}()
	}
	// Seven duplicates answer 409 while the first is handled.
	conflicts := 0
	for range 7 {
		if <-codes == http.StatusConflict {
			conflicts++
		}
	}
	close(release)
	wg.Wait()
	assert.Equal(t, http.StatusOK, <-codes)
	assert.Equal(t, 7, conflicts)
	assert.EqualValues(t, 1, calls.Load())
}

func TestEventDecodesTheDocumentedDelivery(t *testing.T) {
	e, err := truto.ParseEvent(fixture(t, "webhook_event_documented.json"))
	require.NoError(t, err)
	assert.Equal(t, "3a0da6ba-b2d1-473f-957c-51f6825e3623", e.ID)
	assert.Equal(t, truto.EventIntegratedAccountCreated, e.Type)
	assert.Equal(t, "integrated_account", e.Type.Family())
	assert.Equal(t, "b6d29b9b-3d9d-44fd-aa77-512fd83b28c1", e.WebhookID)
	assert.Equal(t, time.Date(2023, 6, 16, 9, 21, 22, 369e6, time.UTC), e.CreatedAt.UTC())
	a, err := e.IntegratedAccount()
	require.NoError(t, err)
	assert.Equal(t, "acme-1", a.TenantID)
	assert.Equal(t, "helpscout", a.Integration.Name)
	assert.True(t, a.EnvironmentIntegration.IsEnabled)
	assert.Contains(t, string(a.Raw()), `"team_id"`)

	_, err = e.SyncJobRun()
	assert.ErrorIs(t, err, truto.ErrEventFamily)
	_, err = e.Record()
	assert.ErrorIs(t, err, truto.ErrEventFamily)

	// "event_type" and Truto's other time form decode too.
	e, err = truto.ParseEvent([]byte(`{"id":"e","event_type":"sync_job_run:completed","created_at":"2024-09-01 10:00:00",
		"payload":{"id":"run-1","sync_job_id":"sj","status":"completed","args":{"since":"x"},"finished_at":"2024-09-01 10:00:00"}}`))
	require.NoError(t, err)
	run, err := e.SyncJobRun()
	require.NoError(t, err)
	assert.Equal(t, "completed", run.Status)
	assert.Equal(t, time.Date(2024, 9, 1, 10, 0, 0, 0, time.UTC), run.FinishedAt.Time)
	assert.Equal(t, time.Date(2024, 9, 1, 10, 0, 0, 0, time.UTC), e.CreatedAt)

	e, err = truto.ParseEvent([]byte(`{"id":"e","event":"record:created","created_at":"2024-09-01T10:00:00Z",
		"payload":{"integrated_account_id":"acct","unified_model":"ats","resource":"candidates","record":{"id":"c-1","first_name":"Ada"}}}`))
	require.NoError(t, err)
	rc, err := e.Record()
	require.NoError(t, err)
	assert.Equal(t, "candidates", rc.Resource)
	assert.JSONEq(t, `{"id":"c-1","first_name":"Ada"}`, string(rc.Record))
}

// The fake signs its deliveries as Truto does, and its faults reach the
// handler as an attacker's would.
func TestTheFakesDeliveriesAndFaults(t *testing.T) {
	s, acct := newFake(t)
	c := s.Client()
	ctx := context.Background()

	var got []truto.Event
	var mu sync.Mutex
	var receiver http.Handler
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { receiver.ServeHTTP(w, r) }))
	defer srv.Close()
	s.SetWebhookClient(srv.Client())
	hook, err := c.Webhooks.Create(ctx, truto.CreateWebhookParams{TargetURL: srv.URL + "/truto"})
	require.NoError(t, err)
	receiver = truto.WebhookHandler(hook.Secret, func(_ context.Context, e truto.Event) error {
		mu.Lock()
		defer mu.Unlock()
		got = append(got, e)
		return nil
	})

	s.InjectDelivery(trutotest.DeliveryFault{Tamper: true}, trutotest.DeliveryFault{HexSignature: true},
		trutotest.DeliveryFault{Delay: time.Hour}, trutotest.DeliveryFault{Drop: true}, trutotest.DeliveryFault{Duplicate: true})
	for range 5 {
		_, err = c.ATS.Candidates.Create(ctx, acct, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
		require.NoError(t, err)
	}
	var statuses []string
	for _, d := range s.Deliveries() {
		statuses = append(statuses, fmt.Sprintf("%d/%d", d.Status, d.Attempt))
	}
	assert.Equal(t, []string{
		"401/1", "401/2", "401/3", "401/4", // tampered: refused, and Truto's retries too
		"200/1",                            // hex signature
		"401/1", "401/2", "401/3", "401/4", // an hour late: stale
		"0/1",            // dropped
		"200/1", "200/1", // duplicated: the second is a 200 without handling
	}, statuses)
	assert.Len(t, got, 2, "the hex-signed one and the first of the duplicate")
	assert.Equal(t, truto.EventRecordCreated, got[0].Type)
}

// A failing delivery store is this side's problem: the 500 says nothing
// of it to the sender, and the logger hears of it.
func TestWebhookStoreFailureIsLoggedNotAnswered(t *testing.T) {
	var logged strings.Builder
	logger := slog.New(slog.NewTextHandler(&logged, nil))
	r := newReceiver(t, truto.WithWebhookLogger(logger),
		truto.WithDeliveryStore(blockingStore{err: errors.New("dial redis://admin:hunter2@cache:6379 refused")}))
	body := eventBody("evt-1", r.clock.Now())
	code, text := r.post(body, trutotest.Sign(webhookSecret, body))
	assert.Equal(t, http.StatusInternalServerError, code)
	assert.NotContains(t, text, "hunter2", "the store's error stays on this side")
	assert.Contains(t, logged.String(), "evt-1", "the failure is logged")
	assert.Contains(t, logged.String(), "refused")
}
