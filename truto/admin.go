package truto

import (
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// Truto's admin API (integrated accounts, link tokens, environment
// integrations, webhooks) manages the environment an API token belongs
// to; its calls name no integrated account. Its lists answer
// {"result": [...], "next_cursor": ..., "limit": N} (several reference
// pages call the array "results": both are read), paged with limit and
// next_cursor like the unified lists, into a ListPage whose Result and
// NextCursor are set. Truto documents Idempotency-Key for unified writes
// only: an admin write carries none, and is not sent again once it may
// have reached Truto (see the package doc).

// adminConfig is a call's options for an admin call. Truto's unified
// parameters mean nothing there, and an Idempotency-Key is not
// documented for admin writes (so it would not make a retry safe): both
// are refused rather than sent for nothing.
func adminConfig(opts []RequestOption) (*requestConfig, error) {
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	v := cfg.vendorRequest
	if v.format != "" || v.ignoreRemoteData || len(v.excludeFields) > 0 || v.remoteQuery != nil {
		return nil, invalid("RequestOption", "WithResponseFormat, WithIgnoreRemoteData, WithExcludeFields and WithRemoteQuery apply to unified and proxy calls, not to the admin API")
	}
	if cfg.call.IdempotencyKey != "" {
		return nil, invalid("WithIdempotencyKey", "Truto documents Idempotency-Key for unified writes, not for the admin API")
	}
	return cfg, nil
}

// admin is one admin resource, /<path>, decoding its records as T: the
// generic client behind the admin services.
type admin[T any] struct {
	c    *Client
	path string
}

func (a admin[T]) at(id string) string {
	if id == "" {
		return a.path
	}
	return a.path + "/" + url.PathEscape(id)
}

// list fetches one page; q holds the filters, limit and next_cursor.
func (a admin[T]) list(ctx context.Context, q url.Values, cfg *requestConfig) (*ListPage[T], error) {
	out := adminListAnswer[T]{}
	out.checkID = true
	if err := exec(ctx, a.c.rest, cfg, &rest.Request{Method: http.MethodGet, Path: a.path, Query: q}, &out); err != nil {
		return nil, err
	}
	page := &ListPage[T]{Result: out.Result, Invalid: out.invalid}
	if out.NextCursor != nil {
		page.NextCursor = *out.NextCursor
	}
	return page, nil
}

// all ranges over every record from q's next_cursor on.
func (a admin[T]) all(ctx context.Context, q url.Values, cfg *requestConfig) iter.Seq2[T, error] {
	return allPages(ctx, q.Get("next_cursor"), cfg, func(ctx context.Context, cursor string) (*ListPage[T], error) {
		page := url.Values{}
		for k, v := range q {
			page[k] = v
		}
		page.Del("next_cursor")
		if cursor != "" {
			page.Set("next_cursor", cursor)
		}
		return a.list(ctx, page, cfg)
	})
}

// one sends a request answered with one record (get, create, update).
func (a admin[T]) one(ctx context.Context, method, id string, body any, cfg *requestConfig) (*T, error) {
	if method != http.MethodPost && strings.TrimSpace(id) == "" {
		return nil, invalid("id", "required")
	}
	var out T
	if err := exec(ctx, a.c.rest, cfg, &rest.Request{Method: method, Path: a.at(id), Body: body}, record(&out, true)); err != nil {
		return nil, err
	}
	return &out, nil
}

// get returns the record id: the Get of every admin service.
func (a admin[T]) get(ctx context.Context, id string, opts []RequestOption) (*T, error) {
	cfg, err := adminConfig(opts)
	if err != nil {
		return nil, err
	}
	return a.one(ctx, http.MethodGet, id, nil, cfg)
}

func (a admin[T]) delete(ctx context.Context, id string, cfg *requestConfig) error {
	if strings.TrimSpace(id) == "" {
		return invalid("id", "required")
	}
	// A 2xx means it is gone: the answer's {"id"} is not needed, so an
	// answer cut short does not make a deleted record look undeleted.
	return exec(ctx, a.c.rest, cfg, &rest.Request{Method: http.MethodDelete, Path: a.at(id)}, nil)
}

// adminListAnswer is an admin list answer, its records under "result"
// or, as some reference pages print it, "results".
type adminListAnswer[T any] struct {
	listAnswer[T]
	Results []T `json:"results"`
	Limit   int `json:"limit"`
}

func (a *adminListAnswer[T]) decoded(body json.RawMessage) error {
	key := "result"
	if a.Result == nil && a.Results != nil {
		a.Result, a.Results, key = a.Results, nil, "results"
	}
	if a.Result == nil {
		return errNoResult
	}
	return a.sort(body, key)
}

// listOf is a service's List: its options checked, p (a params struct
// with its Filter and Limit) encoded, one page fetched.
func (a admin[T]) listOf(ctx context.Context, p any, filter url.Values, limit int, opts []RequestOption) (*ListPage[T], error) {
	cfg, q, err := listQuery(p, filter, limit, opts)
	if err != nil {
		return nil, err
	}
	return a.list(ctx, q, cfg)
}

// allOf is a service's All, as listOf is its List.
func (a admin[T]) allOf(ctx context.Context, p any, filter url.Values, limit int, opts []RequestOption) iter.Seq2[T, error] {
	cfg, q, err := listQuery(p, filter, limit, opts)
	if err != nil {
		return failed[T](err)
	}
	return a.all(ctx, q, cfg)
}

func listQuery(p any, filter url.Values, limit int, opts []RequestOption) (*requestConfig, url.Values, error) {
	cfg, err := adminConfig(opts)
	if err != nil {
		return nil, nil, err
	}
	q, err := adminQuery(p, filter, limit)
	return cfg, q, err
}

// adminQuery encodes an admin list's params and their Filter.
func adminQuery(p any, filter url.Values, limit int) (url.Values, error) {
	if limit < 0 {
		return nil, invalid("Limit", "negative")
	}
	q, err := rest.Values(p, filter)
	if err != nil {
		return nil, invalid("params", err.Error())
	}
	return q, nil
}

// Time is a time the admin API and webhook events send. Truto's
// reference writes RFC 3339 ("2023-06-15T14:40:03.000Z"), and its own
// examples elsewhere "2024-09-01 10:00:00" (read as UTC): both decode,
// as do null and "". It encodes as RFC 3339.
type Time struct{ time.Time }

// UnmarshalJSON reads RFC 3339, "YYYY-MM-DD HH:MM:SS[.fff]", null or "".
func (t *Time) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*t = Time{}
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	v, err := parseTime(s)
	if err != nil {
		return err
	}
	*t = Time{v}
	return nil
}

// MarshalJSON writes RFC 3339, or null for the zero time.
func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return json.Marshal(t.Time.Format(time.RFC3339Nano))
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if v, err := time.Parse(time.RFC3339Nano, s); err == nil {
		return v, nil
	}
	v, err := time.ParseInLocation("2006-01-02 15:04:05.999999999", s, time.UTC)
	if err != nil {
		return time.Time{}, &time.ParseError{Layout: "RFC 3339 or 2006-01-02 15:04:05", Value: s, Message: ": not a time Truto sends"}
	}
	return v, nil
}

// newAdminRequest is an admin request with a JSON body.
func newAdminRequest(method, path string, body any) *rest.Request {
	return &rest.Request{Method: method, Path: path, Body: body}
}

// hideSnippet removes the quoted answer from the *DecodeError of a call
// whose answer holds a secret Truto shows once (a webhook's secret, a
// link token): the client's redaction knows the secrets it sent, not
// those it receives, and the snippet would quote it.
func hideSnippet(err error) error {
	var de *DecodeError
	if errors.As(err, &de) && de.Snippet != "" {
		de.Snippet = "[REDACTED: the answer holds a secret]"
	}
	return err
}
