package truto

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// EventType is an event's name, "<entity>:<action>". Truto adds events
// over time (its reference lists 22 and "10 more"), so it is an open
// string: compare with the constants, and ignore what you do not know.
type EventType string

// Family is the event's entity: "integrated_account" of
// "integrated_account:active".
func (t EventType) Family() string {
	family, _, _ := strings.Cut(string(t), ":")
	return family
}

// The event types Truto documents
// (https://truto.one/docs/guides/webhooks/list-webhook-events and the
// webhook create reference); the ones marked so come from Truto's own
// guides outside its reference.
const (
	// EventTest is the event WebhooksService.Test sends.
	EventTest EventType = "test"

	// An account was saved with credentials, but is not ready for calls.
	EventIntegratedAccountCreated EventType = "integrated_account:created"
	// An account changed; a reconnect sends it, then active.
	EventIntegratedAccountUpdated EventType = "integrated_account:updated"
	// An account is ready for API calls: the event to wait for.
	EventIntegratedAccountActive EventType = "integrated_account:active"
	// An account went from needs_reauth back to active by itself.
	EventIntegratedAccountReactivated EventType = "integrated_account:reactivated"
	// An account's credentials were refused: it needs reconnecting.
	EventIntegratedAccountAuthenticationError EventType = "integrated_account:authentication_error"
	// An account's post-install steps failed: it needs reconnecting.
	EventIntegratedAccountPostInstallError EventType = "integrated_account:post_install_error"
	// An account's validation failed: it needs reconnecting.
	EventIntegratedAccountValidationError EventType = "integrated_account:validation_error"
	// The user submitted the connect flow's form (RapidForm).
	EventIntegratedAccountPostConnectFormSubmitted EventType = "integrated_account:post_connect_form_submitted"
	// An account was deleted; its payload is only {"id"} (Truto's guides).
	EventIntegratedAccountDeleted EventType = "integrated_account:deleted"

	EventSyncJobRunCreated   EventType = "sync_job_run:created"
	EventSyncJobRunUpdated   EventType = "sync_job_run:updated"
	EventSyncJobRunStarted   EventType = "sync_job_run:started"
	EventSyncJobRunCompleted EventType = "sync_job_run:completed"
	EventSyncJobRunFailed    EventType = "sync_job_run:failed"
	EventSyncJobRunDeleted   EventType = "sync_job_run:deleted"
	// Records a sync job run fetched; its payload is not a sync job run.
	EventSyncJobRunRecord EventType = "sync_job_run:record"

	// A record changed in the ATS (sent when the ATS's own webhooks are
	// connected to Truto).
	EventRecordCreated EventType = "record:created"
	EventRecordUpdated EventType = "record:updated"
	EventRecordDeleted EventType = "record:deleted"
)

// Event is a webhook delivery's body
// (https://truto.one/docs/guides/webhooks/processing-webhook-events).
// Payload is the event's data, "in most cases the updated resource":
// read it with the accessor of its family (IntegratedAccount,
// SyncJobRun, Record) or decode it yourself.
type Event struct {
	// ID is unique per event: a redelivery carries the same one.
	ID            string          `json:"id"`
	Type          EventType       `json:"event"`
	Payload       json.RawMessage `json:"payload"`
	EnvironmentID string          `json:"environment_id"`
	WebhookID     string          `json:"webhook_id"`
	// CreatedAt is when Truto made the event, the only time the
	// signature covers.
	CreatedAt time.Time `json:"created_at"`
}

// UnmarshalJSON reads the event's type from "event", or from
// "event_type" (as one of Truto's pages names it), and created_at in
// either of Truto's time forms (see Time).
func (e *Event) UnmarshalJSON(b []byte) error {
	var raw struct {
		ID            string          `json:"id"`
		Event         EventType       `json:"event"`
		EventType     EventType       `json:"event_type"`
		Payload       json.RawMessage `json:"payload"`
		EnvironmentID string          `json:"environment_id"`
		WebhookID     string          `json:"webhook_id"`
		CreatedAt     Time            `json:"created_at"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	*e = Event{ID: raw.ID, Type: raw.Event, Payload: raw.Payload, EnvironmentID: raw.EnvironmentID,
		WebhookID: raw.WebhookID, CreatedAt: raw.CreatedAt.Time}
	if e.Type == "" {
		e.Type = raw.EventType
	}
	return nil
}

// validate refuses an event without what a receiver relies on: its id
// (deduplication), its type and its time (replay protection).
func (e *Event) validate() error {
	switch {
	case e.ID == "":
		return errors.New(`the event has no "id"`)
	case e.Type == "":
		return errors.New(`the event has no "event"`)
	case e.CreatedAt.IsZero():
		return errors.New(`the event has no "created_at"`)
	}
	return nil
}

// ParseEvent decodes a delivery's body: an error for a body that is not
// an event with an id, a type and a time. It does not verify the
// signature (VerifyWebhook does).
func ParseEvent(body []byte) (Event, error) {
	var e Event
	if err := json.Unmarshal(body, &e); err != nil {
		return Event{}, fmt.Errorf("truto: the webhook body is not an event: %w", err)
	}
	if err := e.validate(); err != nil {
		return Event{}, fmt.Errorf("truto: %w", err)
	}
	return e, nil
}

// ErrEventFamily matches the error of an accessor called on an event of
// another family.
var ErrEventFamily = errors.New("truto: the event is not of this family")

func (e Event) payload(family string, out any) error {
	if e.Type.Family() != family {
		return fmt.Errorf("%w: %s is not %s:*", ErrEventFamily, e.Type, family)
	}
	if len(e.Payload) == 0 || string(e.Payload) == "null" {
		return fmt.Errorf("truto: the %s event has no payload", e.Type)
	}
	if err := json.Unmarshal(e.Payload, out); err != nil {
		return fmt.Errorf("truto: the payload of the %s event: %w", e.Type, err)
	}
	if s, ok := out.(sourced); ok {
		s.setSource(rest.WholeBody(e.Payload))
	}
	return nil
}

// IntegratedAccount is the payload of an integrated_account:* event: the
// account, without credentials (only its ID for
// integrated_account:deleted).
func (e Event) IntegratedAccount() (*IntegratedAccount, error) {
	var a IntegratedAccount
	if err := e.payload("integrated_account", &a); err != nil {
		return nil, err
	}
	if a.ID == "" {
		return nil, fmt.Errorf("truto: the payload of the %s event has no account id", e.Type)
	}
	return &a, nil
}

// SyncJobRun is a run of a sync job (RapidBridge): the payload of the
// sync_job_run:* events but sync_job_run:record. Status is created,
// running, rate_limited, completed, failed or stopped.
type SyncJobRun struct {
	ID                  string         `json:"id"`
	SyncJobID           string         `json:"sync_job_id,omitempty"`
	IntegratedAccountID string         `json:"integrated_account_id,omitempty"`
	EnvironmentID       string         `json:"environment_id,omitempty"`
	WebhookID           string         `json:"webhook_id,omitempty"`
	Status              string         `json:"status,omitempty"`
	Args                map[string]any `json:"args,omitempty"`
	// ErrorHandling is fail_fast, ignore or batch.
	ErrorHandling string `json:"error_handling,omitempty"`
	CreatedAt     Time   `json:"created_at,omitzero"`
	UpdatedAt     Time   `json:"updated_at,omitzero"`
	StartedAt     Time   `json:"started_at,omitzero"`
	FinishedAt    Time   `json:"finished_at,omitzero"`

	source
}

// SyncJobRun is the payload of a sync_job_run:* event.
// sync_job_run:record carries records rather than a run: read its
// Payload yourself.
func (e Event) SyncJobRun() (*SyncJobRun, error) {
	if e.Type == EventSyncJobRunRecord {
		return nil, fmt.Errorf("%w: %s carries records, not a run: read its Payload", ErrEventFamily, e.Type)
	}
	var r SyncJobRun
	if err := e.payload("sync_job_run", &r); err != nil {
		return nil, err
	}
	return &r, nil
}

// RecordChange is the payload of a record:* event: a record of the
// integrated account's ATS that changed. Truto does not document this
// payload's fields; the names below are assumed (Raw() has the payload
// as it came), and Record is the record in the unified shape: decode it
// into the resource's type (a Candidate for ats/candidates).
type RecordChange struct {
	IntegratedAccountID string `json:"integrated_account_id,omitempty"`
	// Model and Resource name the record's unified resource: "ats",
	// "candidates".
	Model    string          `json:"unified_model,omitempty"`
	Resource string          `json:"resource,omitempty"`
	Record   json.RawMessage `json:"record,omitempty"`

	source
}

// Record is the payload of a record:* event.
func (e Event) Record() (*RecordChange, error) {
	var r RecordChange
	if err := e.payload("record", &r); err != nil {
		return nil, err
	}
	return &r, nil
}
