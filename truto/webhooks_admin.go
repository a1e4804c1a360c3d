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
	"strings"
)

// WebhooksService manages the environment's webhooks, /webhook: the
// URLs Truto sends events to (see WebhookHandler for receiving them).
// Sources: https://truto.one/docs/api-reference/admin/webhooks and
// https://truto.one/docs/guides/webhooks/creating-a-webhook-through-api.
type WebhooksService struct{ a admin[Webhook] }

// Webhook is a URL Truto sends events to. Secret, the key of the
// deliveries' signatures, is in Create's answer only: Truto never shows
// it again (to change it, delete the webhook and create another). It
// never appears in the webhook's printed form.
type Webhook struct {
	ID        string `json:"id"`
	TargetURL string `json:"target_url"`
	// IsActive: an inactive webhook receives nothing. Truto deactivates
	// a webhook whose URL keeps failing, and emails you.
	IsActive      bool   `json:"is_active"`
	EnvironmentID string `json:"environment_id,omitempty"`
	// EventTypes are the events it receives; empty means all.
	EventTypes []EventType `json:"event_types,omitempty"`
	// Secret signs the deliveries (X-Truto-Signature): only Create's
	// answer has it.
	Secret    string `json:"secret,omitempty" personal:"secret"`
	CreatedAt Time   `json:"created_at,omitzero"`
	UpdatedAt Time   `json:"updated_at,omitzero"`

	source
}

func (w *Webhook) recordID() string { return w.ID }

// String describes the webhook without its secret.
func (w Webhook) String() string {
	secret := ""
	if w.Secret != "" {
		secret = " secret=<redacted>"
	}
	return fmt.Sprintf("truto.Webhook{id=%s target_url=%s active=%t events=%v%s}", w.ID, w.TargetURL, w.IsActive, w.EventTypes, secret)
}

// Format prints String for every verb, so that no formatting shows the
// secret.
func (w Webhook) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, w.String()) }

// CreateWebhookParams is the body of a webhook create.
type CreateWebhookParams struct {
	// TargetURL receives the events: an absolute https URL accepting
	// POST (Truto sends to HTTPS only).
	TargetURL string `json:"target_url"`
	// EventTypes subscribes to these events; empty subscribes to all.
	EventTypes []EventType `json:"event_types,omitempty"`
	// IsActive, when set, creates the webhook active or not (Truto's
	// default: active).
	IsActive *bool `json:"is_active,omitempty"`
}

// UpdateWebhookParams is the body of a webhook update: the fields to
// change.
type UpdateWebhookParams struct {
	TargetURL string `json:"target_url,omitempty"`
	// EventTypes replaces the webhook's events when not nil; an empty,
	// non-nil list is sent as [] and subscribes it to all events (Truto's
	// update reference: "If not specified, then the webhook will be
	// subscribed to all event types", with [] in its example).
	EventTypes []EventType `json:"event_types,omitzero"`
	IsActive   *bool       `json:"is_active,omitempty"`
}

func checkTargetURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || u.Scheme != "https" || u.Host == "" {
		return invalid("TargetURL", fmt.Sprintf("%q is not an absolute https URL: Truto sends events to HTTPS only", s))
	}
	return nil
}

func checkEventTypes(types []EventType) error {
	for i, t := range types {
		if strings.TrimSpace(string(t)) == "" {
			return invalid("EventTypes", fmt.Sprintf("event type %d is empty", i))
		}
	}
	return nil
}

// Create creates a webhook. Its answer holds the Secret, shown this once:
// keep it (WebhookHandler needs it). It is a write Truto does not
// document as idempotent: it is not sent again once it may have reached
// Truto, since a second one would send every event twice; after an
// error matching ErrOutcomeUnknown, List the webhooks before creating
// again.
//
//	POST /webhook
func (s *WebhooksService) Create(ctx context.Context, p CreateWebhookParams, opts ...RequestOption) (*Webhook, error) {
	cfg, err := adminConfig(opts)
	if err == nil {
		err = checkTargetURL(p.TargetURL)
	}
	if err == nil {
		err = checkEventTypes(p.EventTypes)
	}
	if err != nil {
		return nil, err
	}
	hook, err := s.a.one(ctx, http.MethodPost, "", p, cfg)
	return hook, hideSnippet(err)
}

// ListWebhooksParams filter and page a list of webhooks.
type ListWebhooksParams struct {
	IsActive *bool  `url:"is_active,omitempty"`
	Limit    int    `url:"limit,omitempty"`
	Cursor   string `url:"next_cursor,omitempty"`
	// Filter holds other parameters, sent as they are.
	Filter url.Values `url:"-"`
}

// List returns one page of webhooks (without their secrets).
//
//	GET /webhook?is_active=&limit=&next_cursor=
func (s *WebhooksService) List(ctx context.Context, p ListWebhooksParams, opts ...RequestOption) (*ListPage[Webhook], error) {
	return s.a.listOf(ctx, p, p.Filter, p.Limit, opts)
}

// All ranges over every webhook from p.Cursor on.
//
//	GET /webhook?...&next_cursor=
func (s *WebhooksService) All(ctx context.Context, p ListWebhooksParams, opts ...RequestOption) iter.Seq2[Webhook, error] {
	return s.a.allOf(ctx, p, p.Filter, p.Limit, opts)
}

// Get returns one webhook (without its secret).
//
//	GET /webhook/<id>
func (s *WebhooksService) Get(ctx context.Context, id string, opts ...RequestOption) (*Webhook, error) {
	return s.a.get(ctx, id, opts)
}

// Update changes a webhook's URL, events or state. It is a write Truto
// does not document as idempotent: it is not sent again once it may
// have reached Truto.
//
//	PATCH /webhook/<id>
func (s *WebhooksService) Update(ctx context.Context, id string, p UpdateWebhookParams, opts ...RequestOption) (*Webhook, error) {
	cfg, err := adminConfig(opts)
	if err == nil && p.TargetURL != "" {
		err = checkTargetURL(p.TargetURL)
	}
	if err == nil {
		err = checkEventTypes(p.EventTypes)
	}
	if err == nil && p.TargetURL == "" && p.EventTypes == nil && p.IsActive == nil {
		err = invalid("UpdateWebhookParams", "nothing to change")
	}
	if err != nil {
		return nil, err
	}
	return s.a.one(ctx, http.MethodPatch, id, p, cfg)
}

// Delete deletes a webhook. A DELETE is retried like a read.
//
//	DELETE /webhook/<id>
func (s *WebhooksService) Delete(ctx context.Context, id string, opts ...RequestOption) error {
	cfg, err := adminConfig(opts)
	if err != nil {
		return err
	}
	return s.a.delete(ctx, id, cfg)
}

// ErrTestNotDelivered matches the error of a test event the webhook's
// URL did not accept.
var ErrTestNotDelivered = errors.New("truto: the webhook's URL did not accept the test event")

// testAnswer is {"success": true} of a test event.
type testAnswer struct {
	Success *bool `json:"success"`
}

func (a *testAnswer) decoded(json.RawMessage) error {
	if a.Success == nil {
		return errors.New(`want {"success": ...}`)
	}
	return nil
}

// Test makes Truto send a test event (type "test", payload
// {"foo":"bar"}) to the webhook's URL now. It returns nil when the URL
// accepted it, an error matching ErrTestNotDelivered when Truto says it
// did not, and an *APIError when Truto answers with an error. It is a
// POST sent once, like the other admin writes.
//
//	POST /webhook/test {"id": "<id>"}
func (s *WebhooksService) Test(ctx context.Context, id string, opts ...RequestOption) error {
	cfg, err := adminConfig(opts)
	if err != nil {
		return err
	}
	if strings.TrimSpace(id) == "" {
		return invalid("id", "required")
	}
	var out testAnswer
	if err := exec(ctx, s.a.c.rest, cfg, newAdminRequest(http.MethodPost, "/webhook/test", map[string]string{"id": id}), &out); err != nil {
		return err
	}
	if !*out.Success {
		return ErrTestNotDelivered
	}
	return nil
}
