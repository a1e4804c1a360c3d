package truto

import (
	"container/list"
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Receiving Truto's webhook deliveries.
//
// What Truto documents (https://truto.one/docs/guides/webhooks/overview,
// .../processing-webhook-events): each delivery is a POST of a JSON event
// ({"id", "event", "payload", "environment_id", "webhook_id",
// "created_at"}) whose X-Truto-Signature header holds the SHA-256 HMAC of
// the body under the webhook's secret; the endpoint must answer 200, and
// Truto retries a 4xx or 5xx three times with exponential backoff of at
// most 10 s; to stop replays, check created_at and each event's unique
// id. What is assumed, as Truto's pages do not settle it: the header
// reads "format=sha256,v=<signature>" (Truto's own guides), and the
// signature is hex in those guides but base64 in a public handler that
// verifies live deliveries, so both are accepted; the HMAC key is the
// secret string's bytes.

// SignatureHeader is the header of a delivery's signature.
const SignatureHeader = "X-Truto-Signature"

// ErrSignature matches a delivery whose signature is missing, malformed
// or wrong: it did not come from Truto with this secret, or its body
// changed on the way.
var ErrSignature = errors.New("truto: webhook signature check failed")

// ErrStaleEvent matches a delivery whose created_at is outside the
// tolerance window (WithWebhookTolerance): a replay of an old delivery,
// or a clock far off.
var ErrStaleEvent = errors.New("truto: webhook event outside the tolerance window")

// VerifyWebhook checks a delivery's signature: the HMAC-SHA256 of body,
// the raw bytes as received, under the webhook's secret, against the
// X-Truto-Signature header of header ("format=sha256,v=<signature>", the
// signature in hex or base64). The comparison takes constant time. It
// returns nil for a good signature, and an error matching ErrSignature
// otherwise (the error never holds the secret or the signatures). Verify
// before parsing, and on the body as it came: JSON re-encoded is other
// bytes.
func VerifyWebhook(secret string, header http.Header, body []byte) error {
	if secret == "" {
		return invalid("secret", "required: the secret of Create's answer")
	}
	values := header.Values(SignatureHeader)
	if len(values) == 0 {
		return fmt.Errorf("%w: no %s header", ErrSignature, SignatureHeader)
	}
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	want := mac.Sum(nil)
	found := false
	for _, value := range values {
		sigs, err := parseSignature(value)
		if err != nil {
			return err
		}
		for _, sig := range sigs {
			found = true
			if hmac.Equal(sig, want) {
				return nil
			}
		}
	}
	if !found {
		return fmt.Errorf("%w: %s has no v=<signature>", ErrSignature, SignatureHeader)
	}
	return fmt.Errorf("%w: the signature does not match the body", ErrSignature)
}

// parseSignature reads "format=sha256,v=<sig>" (or a bare "v=<sig>"):
// comma-separated pairs, each split at its first "=" as base64 may end
// in "=". Every v must decode to 32 bytes.
func parseSignature(value string) ([][]byte, error) {
	var sigs [][]byte
	for _, pair := range strings.Split(value, ",") {
		key, val, ok := strings.Cut(strings.TrimSpace(pair), "=")
		if !ok {
			return nil, fmt.Errorf("%w: %s is not key=value pairs", ErrSignature, SignatureHeader)
		}
		switch strings.ToLower(key) {
		case "format":
			if !strings.EqualFold(val, "sha256") {
				return nil, fmt.Errorf("%w: format %q is not sha256", ErrSignature, truncate(val, 16))
			}
		case "v":
			sig, ok := decodeSignature(val)
			if !ok {
				return nil, fmt.Errorf("%w: the signature is not a SHA-256 HMAC in hex or base64", ErrSignature)
			}
			sigs = append(sigs, sig)
		}
	}
	return sigs, nil
}

// decodeSignature reads 32 bytes written in hex or in base64 (standard
// or URL alphabet, padded or not).
func decodeSignature(s string) ([]byte, bool) {
	if len(s) == 2*sha256.Size {
		if b, err := hex.DecodeString(s); err == nil {
			return b, true
		}
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(s); err == nil && len(b) == sha256.Size {
			return b, true
		}
	}
	return nil, false
}

func truncate(s string, n int) string {
	if len(s) > n {
		return s[:n] + "..."
	}
	return s
}

// Defaults of WebhookHandler, which its options change.
const (
	// DefaultWebhookMaxAge is how old an event may be: Truto retries a
	// failed delivery three times within about half a minute, so five
	// minutes keeps every genuine retry and refuses a replay of an old
	// delivery.
	DefaultWebhookMaxAge = 5 * time.Minute
	// DefaultWebhookMaxFuture is how far ahead of this machine's clock an
	// event may be: clocks drift.
	DefaultWebhookMaxFuture = time.Minute
	// DefaultWebhookMaxBody caps a delivery's body: an event is a record
	// or two, far below it.
	DefaultWebhookMaxBody = 1 << 20 // 1 MiB
	// DefaultDeliveryStoreSize is how many event ids the default store
	// remembers at most.
	DefaultDeliveryStoreSize = 10000
)

// WebhookOption configures WebhookHandler.
type WebhookOption func(*webhookConfig)

type webhookConfig struct {
	maxAge, maxFuture time.Duration
	maxBody           int64
	store             DeliveryStore
	now               func() time.Time
	logger            *slog.Logger
}

// WithWebhookTolerance sets how old (maxAge) and how far ahead of this
// clock (maxFuture) an event's created_at may be (DefaultWebhookMaxAge,
// DefaultWebhookMaxFuture); 0 turns that side's check off (to replay
// stored deliveries on purpose, say). Negative values panic.
func WithWebhookTolerance(maxAge, maxFuture time.Duration) WebhookOption {
	if maxAge < 0 || maxFuture < 0 {
		panic("truto: WithWebhookTolerance: negative duration")
	}
	return func(c *webhookConfig) { c.maxAge, c.maxFuture = maxAge, maxFuture }
}

// WithWebhookMaxBody caps a delivery's body at n bytes
// (DefaultWebhookMaxBody); a larger one is refused with 413. n must be
// positive.
func WithWebhookMaxBody(n int64) WebhookOption {
	if n <= 0 {
		panic("truto: WithWebhookMaxBody: want a positive size")
	}
	return func(c *webhookConfig) { c.maxBody = n }
}

// WithDeliveryStore remembers event ids in s instead of in memory: a
// store of your own (a database table, Redis) deduplicates across
// restarts and across the instances behind a load balancer.
func WithDeliveryStore(s DeliveryStore) WebhookOption {
	if s == nil {
		panic("truto: WithDeliveryStore: nil store")
	}
	return func(c *webhookConfig) { c.store = s }
}

// WithWebhookClock replaces time.Now for the tolerance window and the
// default store, in tests.
func WithWebhookClock(now func() time.Time) WebhookOption {
	if now == nil {
		panic("truto: WithWebhookClock: nil clock")
	}
	return func(c *webhookConfig) { c.now = now }
}

// WithWebhookLogger logs each refused or failed delivery to l at warn
// level: the status, the reason and the event's id, never the secret,
// the signature or the body.
func WithWebhookLogger(l *slog.Logger) WebhookOption {
	return func(c *webhookConfig) { c.logger = l }
}

// DeliveryState is what a DeliveryStore knows of an event id.
type DeliveryState int

// The states of a delivery.
const (
	// DeliveryNew: not seen, and now claimed by the caller, who handles
	// the event and then calls Done or Release.
	DeliveryNew DeliveryState = iota
	// DeliveryDone: handled already.
	DeliveryDone
	// DeliveryInProgress: claimed by a delivery being handled now.
	DeliveryInProgress
)

// String names the state ("new", "done", "in progress"), for logs.
func (s DeliveryState) String() string {
	switch s {
	case DeliveryNew:
		return "new"
	case DeliveryDone:
		return "done"
	case DeliveryInProgress:
		return "in progress"
	}
	return fmt.Sprintf("DeliveryState(%d)", int(s))
}

// DeliveryStore remembers which events were handled, by id, so that a
// delivery Truto sends again is handled once. Its methods are called
// concurrently.
type DeliveryStore interface {
	// Claim marks id as being handled when it is new (DeliveryNew), or
	// reports that it was handled (DeliveryDone) or is being handled
	// (DeliveryInProgress). It must be atomic: of two concurrent Claims
	// of an id, one gets DeliveryNew.
	Claim(ctx context.Context, id string) (DeliveryState, error)
	// Done marks a claimed id handled.
	Done(ctx context.Context, id string) error
	// Release forgets a claim whose handling failed, so that Truto's
	// retry is handled.
	Release(ctx context.Context, id string) error
}

// NewMemoryDeliveryStore is a DeliveryStore in memory: it remembers at
// most maxEntries ids (the oldest go first), each for maxAge after its
// claim. An id must be remembered as long as a replay could pass the
// tolerance window: at least its maxAge plus maxFuture. It is the
// default of WebhookHandler (DefaultDeliveryStoreSize ids, for the
// tolerance window), and does not deduplicate across processes.
func NewMemoryDeliveryStore(maxEntries int, maxAge time.Duration) DeliveryStore {
	return newMemoryStore(maxEntries, maxAge, time.Now)
}

func newMemoryStore(maxEntries int, maxAge time.Duration, now func() time.Time) *memoryStore {
	if maxEntries <= 0 || maxAge <= 0 {
		panic("truto: NewMemoryDeliveryStore: want a positive size and age")
	}
	return &memoryStore{max: maxEntries, maxAge: maxAge, now: now, byID: map[string]*list.Element{}, order: list.New()}
}

type memoryStore struct {
	mu     sync.Mutex
	max    int
	maxAge time.Duration
	now    func() time.Time
	byID   map[string]*list.Element
	order  *list.List // of *delivery, oldest claim first
}

type delivery struct {
	id    string
	at    time.Time
	state DeliveryState
}

func (m *memoryStore) Claim(_ context.Context, id string) (DeliveryState, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	for e := m.order.Front(); e != nil && now.Sub(e.Value.(*delivery).at) >= m.maxAge; e = m.order.Front() {
		m.remove(e)
	}
	if e, ok := m.byID[id]; ok {
		return e.Value.(*delivery).state, nil
	}
	for m.order.Len() >= m.max {
		m.remove(m.order.Front())
	}
	m.byID[id] = m.order.PushBack(&delivery{id: id, at: now, state: DeliveryInProgress})
	return DeliveryNew, nil
}

func (m *memoryStore) remove(e *list.Element) {
	delete(m.byID, e.Value.(*delivery).id)
	m.order.Remove(e)
}

func (m *memoryStore) Done(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.byID[id]; ok {
		e.Value.(*delivery).state = DeliveryDone
	}
	return nil
}

func (m *memoryStore) Release(_ context.Context, id string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if e, ok := m.byID[id]; ok {
		m.remove(e)
	}
	return nil
}

// WebhookHandler is an http.Handler for Truto's deliveries: it hands
// each genuine, fresh, new event to handle, and answers as Truto needs.
// Its answers, in the order it checks:
//
//   - 405 to a method other than POST.
//   - 413 to a body over the cap (WithWebhookMaxBody), unread past it.
//   - 401 to a missing or wrong signature (VerifyWebhook), before the
//     body is parsed.
//   - 400 to a signed body that is not an event (no id, type or time).
//   - 401 to an event whose created_at is outside the tolerance window
//     (WithWebhookTolerance). The signature covers no timestamp of its
//     own, so an old, validly signed delivery sent again is a replay:
//     it fails authentication as a bad signature does, and learns
//     nothing more.
//   - 200 to a duplicate of an event already handled (by its id, through
//     the DeliveryStore), without calling handle: Truto must stop
//     sending it.
//   - 409 to a duplicate of an event being handled now: Truto retries,
//     and the retry is handled if the first attempt failed.
//   - 500 when the store fails or handle returns an error (or panics,
//     which is then re-raised): the event is released, so Truto's retry
//     calls handle again.
//   - 200 when handle returned nil: only then is the event marked done.
//
// handle gets the request's context. secret is the webhook's secret
// (Create's answer); an empty secret or a nil handle panics, as a
// program that cannot verify deliveries must not start. Deduplication
// is in memory by default (NewMemoryDeliveryStore): use
// WithDeliveryStore when several processes receive deliveries.
func WebhookHandler(secret string, handle func(context.Context, Event) error, opts ...WebhookOption) http.Handler {
	if secret == "" {
		panic("truto: WebhookHandler: empty secret")
	}
	if handle == nil {
		panic("truto: WebhookHandler: nil handle")
	}
	cfg := webhookConfig{maxAge: DefaultWebhookMaxAge, maxFuture: DefaultWebhookMaxFuture, maxBody: DefaultWebhookMaxBody, now: time.Now}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.store == nil {
		remember := cfg.maxAge + cfg.maxFuture
		if cfg.maxAge == 0 {
			remember = 24 * time.Hour // no age limit: remember a day
		}
		cfg.store = newMemoryStore(DefaultDeliveryStoreSize, remember, cfg.now)
	}
	return &webhookHandler{secret: secret, handle: handle, cfg: cfg}
}

type webhookHandler struct {
	secret string
	handle func(context.Context, Event) error
	cfg    webhookConfig
}

func (h *webhookHandler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		h.refuse(w, r, http.StatusMethodNotAllowed, "", "Truto delivers with POST")
		return
	}
	body, err := readBody(w, r, h.cfg.maxBody)
	if err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			h.refuse(w, r, http.StatusRequestEntityTooLarge, "", fmt.Sprintf("the body is over %d bytes", h.cfg.maxBody))
			return
		}
		h.refuse(w, r, http.StatusBadRequest, "", "the body could not be read")
		return
	}
	if err := VerifyWebhook(h.secret, r.Header, body); err != nil {
		h.refuse(w, r, http.StatusUnauthorized, "", err.Error())
		return
	}
	event, err := ParseEvent(body)
	if err != nil {
		h.refuse(w, r, http.StatusBadRequest, "", err.Error())
		return
	}
	if err := h.fresh(event); err != nil {
		h.refuse(w, r, http.StatusUnauthorized, event.ID, err.Error())
		return
	}
	ctx := r.Context()
	state, err := h.cfg.store.Claim(ctx, event.ID)
	switch {
	case err != nil:
		// The store's error (an address, a credential) stays on this side.
		h.refuse(w, r, http.StatusInternalServerError, event.ID, "the delivery store failed")
		h.warn(ctx, "truto webhook: the delivery store failed to claim an event", "event_id", event.ID, "error", err)
		return
	case state == DeliveryDone:
		answer(w, http.StatusOK, "duplicate: already handled")
		return
	case state == DeliveryInProgress:
		h.refuse(w, r, http.StatusConflict, event.ID, "duplicate: being handled now")
		return
	}
	if err := h.run(ctx, event); err != nil {
		h.release(ctx, event.ID)
		h.refuse(w, r, http.StatusInternalServerError, event.ID, "handling the event failed")
		h.warn(ctx, "truto webhook: handle failed", "event_id", event.ID, "event", string(event.Type), "error", err)
		return
	}
	if err := h.cfg.store.Done(context.WithoutCancel(ctx), event.ID); err != nil {
		// handle succeeded: answer 200 all the same, or Truto would send
		// it again and it would be handled twice.
		h.warn(ctx, "truto webhook: the delivery store failed to mark an event done", "event_id", event.ID, "error", err)
	}
	answer(w, http.StatusOK, "ok")
}

// run calls handle, releasing the claim if it panics.
func (h *webhookHandler) run(ctx context.Context, e Event) (err error) {
	defer func() {
		if p := recover(); p != nil {
			h.release(ctx, e.ID)
			panic(p)
		}
	}()
	return h.handle(ctx, e)
}

// release forgets a failed event's claim, so that Truto's retry is
// handled. A claim the store fails to release stays in progress, and
// the retries are answered 409 until the store forgets it: that is
// logged.
func (h *webhookHandler) release(ctx context.Context, id string) {
	if err := h.cfg.store.Release(context.WithoutCancel(ctx), id); err != nil {
		h.warn(ctx, "truto webhook: the delivery store failed to release an event", "event_id", id, "error", err)
	}
}

// warn logs a failure on this side, when there is a logger.
func (h *webhookHandler) warn(ctx context.Context, msg string, args ...any) {
	if h.cfg.logger != nil {
		h.cfg.logger.WarnContext(ctx, msg, args...)
	}
}

func (h *webhookHandler) fresh(e Event) error {
	now := h.cfg.now()
	if age := now.Sub(e.CreatedAt); h.cfg.maxAge > 0 && age > h.cfg.maxAge {
		return fmt.Errorf("%w: created %s ago, the limit is %s", ErrStaleEvent, age.Round(time.Second), h.cfg.maxAge)
	}
	if ahead := e.CreatedAt.Sub(now); h.cfg.maxFuture > 0 && ahead > h.cfg.maxFuture {
		return fmt.Errorf("%w: created %s ahead of this clock, the limit is %s", ErrStaleEvent, ahead.Round(time.Second), h.cfg.maxFuture)
	}
	return nil
}

func (h *webhookHandler) refuse(w http.ResponseWriter, r *http.Request, status int, eventID, reason string) {
	if h.cfg.logger != nil && status != http.StatusInternalServerError {
		h.cfg.logger.WarnContext(r.Context(), "truto webhook: delivery refused", "status", status, "reason", reason, "event_id", eventID)
	}
	answer(w, status, reason)
}

func answer(w http.ResponseWriter, status int, text string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	_, _ = fmt.Fprintln(w, text)
}

// readBody reads at most max bytes of the body; more is a
// *http.MaxBytesError.
func readBody(w http.ResponseWriter, r *http.Request, max int64) ([]byte, error) {
	if r.ContentLength > max {
		return nil, &http.MaxBytesError{Limit: max}
	}
	return io.ReadAll(http.MaxBytesReader(w, r.Body, max))
}
