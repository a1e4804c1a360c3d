package trutotest

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/truto"
)

// webhook is a webhook as the fake keeps it.
type webhook struct {
	id, target, secret string
	active             bool
	events             []string
	created, updated   string
}

func (h *webhook) view(withSecret bool) Record {
	v := Record{"id": h.id, "target_url": h.target, "is_active": h.active, "environment_id": EnvironmentID,
		"event_types": slices.Clone(h.events), "created_at": h.created, "updated_at": h.updated}
	if withSecret {
		v["secret"] = h.secret
	}
	return v
}

func (h *webhook) wants(t truto.EventType) bool {
	return h.active && (len(h.events) == 0 || slices.Contains(h.events, string(t)))
}

// Sign is the X-Truto-Signature of body under secret, as the fake sends
// it: "format=sha256,v=<base64 of the HMAC-SHA256>". Use it to test a
// handler of your own with deliveries you build.
func Sign(secret string, body []byte) string {
	return "format=sha256,v=" + base64.StdEncoding.EncodeToString(mac(secret, body))
}

// SignHex is Sign with the signature in hex, the other form Truto's
// guides show.
func SignHex(secret string, body []byte) string {
	return "format=sha256,v=" + hex.EncodeToString(mac(secret, body))
}

func mac(secret string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return m.Sum(nil)
}

// DeliveryFault changes the next delivery it matches (see
// InjectDelivery); its zero value sends the delivery as it is.
type DeliveryFault struct {
	// Event, when set, makes the fault wait for a delivery of that event
	// type.
	Event truto.EventType
	// Tamper changes the body after it was signed: the signature no
	// longer matches.
	Tamper bool
	// Duplicate sends the delivery a second time, as Truto may.
	Duplicate bool
	// Delay makes the delivery late: its created_at is this long before
	// it is sent (no time passes: the event is backdated).
	Delay time.Duration
	// Drop never sends it.
	Drop bool
	// HexSignature signs it in hex instead of base64.
	HexSignature bool
}

// Delivery is one attempt to deliver an event to a webhook (see
// Deliveries).
type Delivery struct {
	WebhookID string
	URL       string
	EventID   string
	Event     truto.EventType
	// Header and Body are what was sent: resend them to replay it.
	Header  http.Header
	Body    []byte
	Attempt int // 1 for the first attempt, more for Truto's retries
	// Status is the receiver's answer; 0 when none came (Err says why) or
	// the delivery was dropped.
	Status  int
	Err     error
	Dropped bool
}

// deliveryState is the deliveries' state; Server.mu guards it.
type deliveryState struct {
	pending []pending
	faults  []DeliveryFault
	log     []Delivery
	client  *http.Client
}

type pending struct {
	hook   webhook
	event  truto.EventType
	id     string
	header http.Header
	body   []byte
	fault  DeliveryFault
}

// MaxDeliveryAttempts is how often the fake tries a delivery: once and,
// as Truto does on a 4xx or 5xx, three retries (at once: no time passes).
const MaxDeliveryAttempts = 4

// SetWebhookClient sends deliveries with hc (http.DefaultClient by
// default): give it an httptest TLS server's Client, as Truto sends to
// https URLs only. The fake delivers before it finishes the answer to
// the call that caused the event, so that Deliveries holds them when the
// call returns; a target that is slow to answer (or a host name that
// takes long to resolve) holds the call as long.
func (s *Server) SetWebhookClient(hc *http.Client) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delivery.client = hc
}

// InjectDelivery queues faults: each changes the next delivery it
// matches, in order.
func (s *Server) InjectDelivery(faults ...DeliveryFault) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.delivery.faults = append(s.delivery.faults, faults...)
}

// Deliveries returns every delivery attempt so far, oldest first.
func (s *Server) Deliveries() []Delivery {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.delivery.log)
}

// Emit sends an event of type t with payload to the webhooks that
// subscribe to it, as Truto would (for events the fake does not make by
// itself, such as sync_job_run:completed).
func (s *Server) Emit(t truto.EventType, payload any) {
	s.mu.Lock()
	s.emit(t, payload)
	s.mu.Unlock()
	s.deliverPending()
}

// emit queues event t to every webhook that wants it. The caller holds
// s.mu; deliverPending sends them once it is released.
func (s *Server) emit(t truto.EventType, payload any) {
	id := uuid("e7e70000", s.newID())
	for _, hid := range s.webhookOrder {
		h := s.webhooks[hid]
		if !h.wants(t) {
			continue
		}
		var fault DeliveryFault
		for i, f := range s.delivery.faults {
			if f.Event == "" || f.Event == t {
				fault = f
				s.delivery.faults = slices.Delete(s.delivery.faults, i, i+1)
				break
			}
		}
		created := s.now().Add(-fault.Delay).UTC().Format(time.RFC3339Nano)
		body, _ := json.Marshal(Record{"id": id, "event": t, "payload": jsonClone(payload), "environment_id": EnvironmentID,
			"webhook_id": h.id, "created_at": created})
		sig := Sign(h.secret, body)
		if fault.HexSignature {
			sig = SignHex(h.secret, body)
		}
		if fault.Tamper {
			body = append(bytes.TrimSuffix(body, []byte("}")), []byte(`,"tampered":true}`)...)
		}
		header := http.Header{"Content-Type": {"application/json"}, "User-Agent": {"truto"}, truto.SignatureHeader: {sig}}
		s.delivery.pending = append(s.delivery.pending, pending{hook: *h, event: t, id: id, header: header, body: body, fault: fault})
	}
}

// recordEvent emits record:created for a record a unified create made.
// The caller holds s.mu.
func (s *Server) recordEvent(a *account, key string, rec Record) {
	model, resource, _ := strings.Cut(key, "/")
	if model == "proxy" {
		return
	}
	s.emit(truto.EventRecordCreated, Record{"integrated_account_id": a.id, "unified_model": model, "resource": resource, "record": maps.Clone(rec)})
}

// deliverPending sends the queued deliveries, without s.mu held (a
// receiver may call the fake back).
func (s *Server) deliverPending() {
	s.mu.Lock()
	batch := s.delivery.pending
	s.delivery.pending = nil
	client := s.delivery.client
	s.mu.Unlock()
	if client == nil {
		client = http.DefaultClient
	}
	for _, p := range batch {
		times := 1
		if p.fault.Duplicate {
			times = 2
		}
		for range times {
			s.deliver(client, p)
		}
	}
}

// deliver sends one delivery, retrying as Truto does until a 200.
func (s *Server) deliver(client *http.Client, p pending) {
	for attempt := 1; attempt <= MaxDeliveryAttempts; attempt++ {
		d := Delivery{WebhookID: p.hook.id, URL: p.hook.target, EventID: p.id, Event: p.event, Header: p.header.Clone(),
			Body: slices.Clone(p.body), Attempt: attempt, Dropped: p.fault.Drop}
		if !d.Dropped {
			d.Status, d.Err = post(client, p.hook.target, p.header, p.body)
		}
		s.mu.Lock()
		s.delivery.log = append(s.delivery.log, d)
		s.mu.Unlock()
		if d.Dropped || d.Status == http.StatusOK {
			return
		}
	}
}

func post(client *http.Client, target string, header http.Header, body []byte) (int, error) {
	req, err := http.NewRequest(http.MethodPost, target, bytes.NewReader(body))
	if err != nil {
		return 0, err
	}
	req.Header = header.Clone()
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 1<<16))
	return resp.StatusCode, nil
}

func (s *Server) withWebhook(h func(http.ResponseWriter, *http.Request, *webhook)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		hook := s.webhooks[r.PathValue("id")]
		if hook == nil {
			trutoError(w, http.StatusNotFound, "Webhook not found", nil)
			return
		}
		h(w, r, hook)
	}
}

// webhookFields reads target_url, event_types and is_active into h.
func webhookFields(w http.ResponseWriter, body Record, h *webhook) bool {
	if v, ok := body["target_url"]; ok {
		target, _ := v.(string)
		if u, err := url.Parse(target); err != nil || u.Scheme != "https" || u.Host == "" {
			trutoError(w, http.StatusBadRequest, "target_url must be an https URL", nil)
			return false
		}
		h.target = target
	}
	if v, ok := body["event_types"].([]any); ok {
		h.events = nil
		for _, e := range v {
			s, _ := e.(string)
			if s == "" {
				trutoError(w, http.StatusBadRequest, "event_types must be strings", nil)
				return false
			}
			h.events = append(h.events, s)
		}
	}
	if v, ok := body["is_active"].(bool); ok {
		h.active = v
	}
	return true
}

func (s *Server) createWebhook(w http.ResponseWriter, r *http.Request) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	if _, ok := body["target_url"]; !ok {
		trutoError(w, http.StatusBadRequest, "target_url is required", nil)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now().UTC().Format(time.RFC3339Nano)
	h := &webhook{active: true, created: now, updated: now}
	if !webhookFields(w, body, h) {
		return
	}
	h.id = uuid("b6d29b9b", s.newID())
	h.secret = uuid("5ec2e700", s.newID())
	s.webhooks[h.id] = h
	s.webhookOrder = append(s.webhookOrder, h.id)
	fake.WriteJSON(w, http.StatusCreated, h.view(true))
}

func (s *Server) listWebhooks(w http.ResponseWriter, r *http.Request) {
	active := r.URL.Query().Get("is_active")
	s.mu.Lock()
	var items []Record
	for _, id := range s.webhookOrder {
		if h := s.webhooks[id]; active == "" || active == "true" == h.active {
			items = append(items, h.view(false))
		}
	}
	s.mu.Unlock()
	adminPage(w, r, items)
}

func (s *Server) updateWebhook(w http.ResponseWriter, r *http.Request, h *webhook) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	changed := *h
	if !webhookFields(w, body, &changed) {
		return
	}
	changed.updated = s.now().UTC().Format(time.RFC3339Nano)
	*h = changed
	fake.WriteJSON(w, http.StatusOK, h.view(false))
}

func (s *Server) deleteWebhook(w http.ResponseWriter, _ *http.Request, h *webhook) {
	delete(s.webhooks, h.id)
	s.webhookOrder = slices.DeleteFunc(s.webhookOrder, func(id string) bool { return id == h.id })
	fake.WriteJSON(w, http.StatusOK, Record{"id": h.id})
}

// testWebhook sends the test event to one webhook now, and answers
// {"success": true} when its URL answered 200, or an error otherwise.
func (s *Server) testWebhook(w http.ResponseWriter, r *http.Request) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	id, _ := body["id"].(string)
	s.mu.Lock()
	h := s.webhooks[id]
	if h == nil {
		s.mu.Unlock()
		trutoError(w, http.StatusNotFound, "Webhook not found", nil)
		return
	}
	// The test goes to this webhook alone, whatever its event types.
	saved := s.webhookOrder
	hook := *h
	hook.active, hook.events = true, nil
	s.webhooks[id], s.webhookOrder = &hook, []string{id}
	s.emit(truto.EventTest, Record{"foo": "bar"})
	s.webhooks[id], s.webhookOrder = h, saved
	batch := s.delivery.pending[len(s.delivery.pending)-1:]
	s.delivery.pending = s.delivery.pending[:len(s.delivery.pending)-1]
	client := s.delivery.client
	s.mu.Unlock()
	if client == nil {
		client = http.DefaultClient
	}
	s.deliver(client, batch[0])
	got := s.Deliveries()
	if last := got[len(got)-1]; last.Status != http.StatusOK {
		trutoError(w, http.StatusBadRequest, "The webhook endpoint did not answer 200", nil)
		return
	}
	fake.WriteJSON(w, http.StatusOK, Record{"success": true})
}

// NewReceiver starts an HTTPS server for the webhook receiver under
// test, subscribes it to events (all when none) as AddWebhook does, and
// sends the fake's deliveries there (SetWebhookClient). handler is given
// the webhook's secret, which a receiver needs to verify deliveries:
//
//	srv := fake.NewReceiver(func(secret string) http.Handler {
//		return truto.WebhookHandler(secret, handle)
//	}, truto.EventRecordCreated)
//	defer srv.Close()
//
// It is the order a real setup cannot avoid either: the receiver's URL
// before the webhook, and the webhook before its secret.
func (s *Server) NewReceiver(handler func(secret string) http.Handler, events ...truto.EventType) *httptest.Server {
	var h http.Handler
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { h.ServeHTTP(w, r) }))
	s.SetWebhookClient(srv.Client())
	_, secret := s.AddWebhook(srv.URL+"/webhooks/truto", events...)
	h = handler(secret)
	return srv
}

// AddWebhook adds an active webhook to targetURL for events (all when
// none), as Webhooks.Create would, and returns its id and secret. Unlike
// Webhooks.Create it takes an http:// target, so that a test's plain
// httptest.Server can receive.
func (s *Server) AddWebhook(targetURL string, events ...truto.EventType) (id, secret string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := s.now().UTC().Format(time.RFC3339Nano)
	h := &webhook{id: uuid("b6d29b9b", s.newID()), secret: uuid("5ec2e700", s.newID()), target: targetURL, active: true, created: now, updated: now}
	for _, e := range events {
		h.events = append(h.events, string(e))
	}
	s.webhooks[h.id] = h
	s.webhookOrder = append(s.webhookOrder, h.id)
	return h.id, h.secret
}
