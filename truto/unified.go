package truto

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/url"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/paging"
	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// ResourceClient calls one unified resource, /unified/<model>/<resource>,
// decoding its records as T. Get one with Resource.
type ResourceClient[T any] struct {
	c               *Client
	model, resource string
}

// Resource returns a client for any unified resource, typed by the
// caller: truto.Resource[map[string]any](c, "crm", "contacts"), or a
// struct of your own. The typed ATS resources (c.ATS) are built on it.
func Resource[T any](c *Client, model, resource string) *ResourceClient[T] {
	return &ResourceClient[T]{c: c, model: model, resource: resource}
}

// ListParams page a list. Zero fields are not sent.
type ListParams struct {
	// Limit caps the page size (limit).
	Limit int `url:"limit,omitempty"`
	// Cursor is the next_cursor of the previous page; empty for the
	// first.
	Cursor string `url:"next_cursor,omitempty"`
	// IgnoreLimit is truto_ignore_limit.
	IgnoreLimit bool `url:"truto_ignore_limit,omitempty"`
	// KeyBy is truto_key_by: the answer's records come keyed by this
	// field, in ListPage.Keyed. All does not take it.
	KeyBy string `url:"truto_key_by,omitempty"`
	// Filter holds the resource's own query parameters, such as
	// candidate_id or job_id, sent as they are.
	Filter url.Values `url:"-"`
}

// ListPage is one page of a list.
type ListPage[T any] struct {
	// Result is the page's records (nil with KeyBy).
	Result []T
	// Keyed is the page's records by ListParams.KeyBy.
	Keyed map[string]T
	// NextCursor fetches the next page; empty at the end. An empty page
	// with a cursor is not the end.
	NextCursor string
	PrevCursor string
	// ResultCount is the number of records on the page, as Truto says.
	ResultCount int
	// IsPartialResponse means the records lack some fields for this
	// integration: Get returns the full record.
	IsPartialResponse bool
	RateLimit         RateLimit
}

// listMeta is what every list answer carries besides its records.
type listMeta struct {
	NextCursor        *string `json:"next_cursor"`
	PrevCursor        *string `json:"prev_cursor"`
	ResultCount       int     `json:"result_count"`
	IsPartialResponse bool    `json:"is_partial_response"`
}

// listAnswer is a list answer whose "result" is an array.
type listAnswer[T any] struct {
	listMeta
	Result []T `json:"result"`
}

// keyedAnswer is a list answer with truto_key_by: "result" is an object.
type keyedAnswer[T any] struct {
	listMeta
	Result map[string]T `json:"result"`
}

// sourced is a record that keeps where its raw JSON is.
type sourced interface{ setSource(rest.RawSource) }

// Decoded refuses an answer without "result" and tells each record
// where its raw JSON is; the client calls it.
func (a *listAnswer[T]) Decoded(body json.RawMessage) error {
	if a.Result == nil {
		return errNoResult
	}
	for i := range a.Result {
		if s, ok := any(&a.Result[i]).(sourced); ok {
			s.setSource(rest.ListItem(body, "result", i))
		}
	}
	return nil
}

// Decoded refuses an answer without "result"; the client calls it.
func (a *keyedAnswer[T]) Decoded(json.RawMessage) error {
	if a.Result == nil {
		return errNoResult
	}
	return nil
}

var errNoResult = errors.New(`want a list answer with "result"`)

// List returns one page of records.
//
//	GET /unified/<model>/<resource>?integrated_account_id=...&limit=&next_cursor=
func (r *ResourceClient[T]) List(ctx context.Context, accountID string, p ListParams, opts ...RequestOptions) (*ListPage[T], error) {
	o, err := oneOptions(opts)
	if err == nil {
		err = o.typed()
	}
	if err == nil && p.Limit < 0 {
		err = invalid("Limit", "negative")
	}
	if err != nil {
		return nil, err
	}
	return r.list(ctx, accountID, p, o)
}

func (r *ResourceClient[T]) list(ctx context.Context, accountID string, p ListParams, o RequestOptions) (*ListPage[T], error) {
	k := call{method: http.MethodGet, path: r.path(""), account: accountID, params: []any{p, p.Filter}, opts: o}
	var (
		page ListPage[T]
		meta listMeta
		h    http.Header
		err  error
	)
	if p.KeyBy != "" {
		var a keyedAnswer[T]
		_, h, err = r.c.call(ctx, k, &a)
		page.Keyed, meta = a.Result, a.listMeta
	} else {
		var a listAnswer[T]
		_, h, err = r.c.call(ctx, k, &a)
		page.Result, meta = a.Result, a.listMeta
	}
	if err != nil {
		return nil, err
	}
	if meta.NextCursor != nil {
		page.NextCursor = *meta.NextCursor
	}
	if meta.PrevCursor != nil {
		page.PrevCursor = *meta.PrevCursor
	}
	page.ResultCount, page.IsPartialResponse = meta.ResultCount, meta.IsPartialResponse
	page.RateLimit = ParseRateLimit(h)
	return &page, nil
}

// All ranges over every record from p.Cursor on, following next_cursor
// (across empty pages that carry one) until Truto sends none. It fetches
// lazily, one page in memory at a time, stops when the loop breaks, ends
// with an error (yielded once) if Truto repeats a cursor, and yields a
// *ValidationError before any request for bad input.
func (r *ResourceClient[T]) All(ctx context.Context, accountID string, p ListParams, opts ...RequestOptions) iter.Seq2[T, error] {
	o, err := oneOptions(opts)
	if err == nil {
		err = o.typed()
	}
	if err == nil && p.KeyBy != "" {
		err = invalid("KeyBy", "All yields records one by one: use List for keyed pages")
	}
	if err == nil && p.Limit < 0 {
		err = invalid("Limit", "negative")
	}
	if err == nil {
		err = checkAccount(accountID)
	}
	if err != nil {
		return func(yield func(T, error) bool) { var zero T; yield(zero, err) }
	}
	return paging.Cursor(ctx, p.Cursor, func(ctx context.Context, cursor string) ([]T, string, error) {
		q := p
		q.Cursor = cursor
		page, err := r.list(ctx, accountID, q, o)
		if err != nil {
			return nil, "", err
		}
		return page.Result, page.NextCursor, nil
	})
}

// Get returns one record.
//
//	GET /unified/<model>/<resource>/<id>?integrated_account_id=...
func (r *ResourceClient[T]) Get(ctx context.Context, accountID, id string, opts ...RequestOptions) (*T, error) {
	return r.one(ctx, http.MethodGet, accountID, id, nil, nil, opts)
}

// Create creates a record from input (the resource's request shape) and
// returns it. query holds the resource's own query parameters (nil for
// none).
//
//	POST /unified/<model>/<resource>?integrated_account_id=...
//
// It carries an Idempotency-Key (RequestOptions.IdempotencyKey, or one
// generated for the call), so it is retried safely: Truto runs it once.
func (r *ResourceClient[T]) Create(ctx context.Context, accountID string, input any, query url.Values, opts ...RequestOptions) (*T, error) {
	return r.one(ctx, http.MethodPost, accountID, "", input, query, opts)
}

// Update changes the fields of input on a record and returns it.
//
//	PATCH /unified/<model>/<resource>/<id>?integrated_account_id=...
//
// It carries an Idempotency-Key like Create.
func (r *ResourceClient[T]) Update(ctx context.Context, accountID, id string, input any, opts ...RequestOptions) (*T, error) {
	return r.one(ctx, http.MethodPatch, accountID, id, input, nil, opts)
}

// Delete deletes a record.
//
//	DELETE /unified/<model>/<resource>/<id>?integrated_account_id=...
func (r *ResourceClient[T]) Delete(ctx context.Context, accountID, id string, opts ...RequestOptions) error {
	if id == "" {
		return invalid("id", "required")
	}
	o, err := oneOptions(opts)
	if err != nil {
		return err
	}
	var out deleteAnswer
	_, _, err = r.c.call(ctx, call{method: http.MethodDelete, path: r.path(id), account: accountID, opts: o, write: true}, &out)
	return err
}

// deleteAnswer is Truto's {"id": ...} for a delete.
type deleteAnswer struct {
	ID json.RawMessage `json:"id"`
}

func (a *deleteAnswer) Decoded(json.RawMessage) error {
	if len(a.ID) == 0 || string(a.ID) == "null" {
		return errors.New(`want {"id": ...} for a delete`)
	}
	return nil
}

// Method calls a custom method of the resource with body and returns
// the record it answers with (Truto's {"result": ...} is unwrapped).
//
//	POST /unified/<model>/<resource>/<method>?integrated_account_id=...
//
// It carries an Idempotency-Key like Create.
func (r *ResourceClient[T]) Method(ctx context.Context, accountID, method string, body any, opts ...RequestOptions) (*T, error) {
	if method == "" || strings.Contains(method, "/") {
		return nil, invalid("method", fmt.Sprintf("%q is not a method name", method))
	}
	o, err := oneOptions(opts)
	if err == nil {
		err = o.typed()
	}
	if err != nil {
		return nil, err
	}
	var out methodResult[T]
	if _, _, err := r.c.call(ctx, call{method: http.MethodPost, path: r.path(method), account: accountID, body: orEmpty(body), opts: o, write: true}, &out); err != nil {
		return nil, err
	}
	return &out.value, nil
}

// methodResult reads a custom method's answer, bare or as {"result": ...}.
type methodResult[T any] struct{ value T }

func (m *methodResult[T]) UnmarshalJSON(b []byte) error {
	var wrapped struct {
		Result json.RawMessage `json:"result"`
	}
	if json.Unmarshal(b, &wrapped) == nil && len(wrapped.Result) > 0 {
		b = wrapped.Result
	}
	if err := json.Unmarshal(b, &m.value); err != nil {
		return err
	}
	if d, ok := any(&m.value).(rest.Decoded); ok {
		return d.Decoded(bytes.Clone(b)) // checks the record and keeps its Raw
	}
	return nil
}

func orEmpty(body any) any {
	if body == nil {
		return map[string]any{}
	}
	return body
}

func (r *ResourceClient[T]) one(ctx context.Context, method, accountID, id string, input any, query url.Values, opts []RequestOptions) (*T, error) {
	if method != http.MethodPost && id == "" {
		return nil, invalid("id", "required")
	}
	if method != http.MethodGet && input == nil {
		return nil, invalid("input", "required")
	}
	o, err := oneOptions(opts)
	if err == nil {
		err = o.typed()
	}
	if err != nil {
		return nil, err
	}
	var out T
	c := call{method: method, path: r.path(id), account: accountID, params: []any{query}, body: input, opts: o, write: method != http.MethodGet}
	if _, _, err := r.c.call(ctx, c, &out); err != nil {
		return nil, err
	}
	return &out, nil
}

func (r *ResourceClient[T]) path(id string) string {
	p := "/unified/" + url.PathEscape(r.model) + "/" + url.PathEscape(r.resource)
	if id != "" {
		p += "/" + url.PathEscape(id)
	}
	return p
}

// call is one unified request.
type call struct {
	method, path string
	account      string
	params       []any // query parameter sources besides the account and opts
	body         any
	opts         RequestOptions
	write        bool // sends an Idempotency-Key, and so is retried
}

func checkAccount(id string) error {
	if strings.TrimSpace(id) == "" {
		return invalid("IntegratedAccountID", "required: every unified call names the integrated account")
	}
	return nil
}

// request builds the core request of a unified call.
func (k call) request() (*rest.Request, error) {
	if err := checkAccount(k.account); err != nil {
		return nil, err
	}
	if strings.Contains(k.path, "//") || strings.HasSuffix(k.path, "/") {
		return nil, invalid("model/resource", fmt.Sprintf("%q has an empty part", k.path))
	}
	q, err := rest.Values(append([]any{url.Values{"integrated_account_id": {k.account}}}, append(k.params, k.opts)...)...)
	if err != nil {
		return nil, invalid("RequestOptions", err.Error())
	}
	r := &rest.Request{Method: k.method, Path: k.path, Query: q, Body: k.body}
	if k.write {
		r.IdempotencyKey = k.opts.IdempotencyKey
		if r.IdempotencyKey == "" {
			r.IdempotencyKey = rest.NewUUID()
		}
	}
	return r, nil
}

// call sends k and decodes the answer into out.
func (c *Client) call(ctx context.Context, k call, out any) (int, http.Header, error) {
	r, err := k.request()
	if err != nil {
		return 0, nil, err
	}
	res, err := c.rest.Do(ctx, r, out)
	if err != nil {
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			k.opts.record(apiErr.StatusCode, apiErr.Header)
		}
		return 0, nil, err
	}
	k.opts.record(res.StatusCode, res.Header)
	return res.StatusCode, res.Header, nil
}

// UnifiedRequest is a unified call described by hand, for Raw and
// Stream.
type UnifiedRequest struct {
	Method              string // GET when empty
	Model, Resource     string // required: "ats", "candidates"
	ID                  string // the record, for a get, update or delete
	CustomMethod        string // a custom method's name, such as "move-stage"
	IntegratedAccountID string // required
	Query               url.Values
	Body                any
	Options             RequestOptions
}

func (u UnifiedRequest) call() (call, error) {
	if u.Model == "" || u.Resource == "" {
		return call{}, invalid("Model/Resource", "required")
	}
	m := u.Method
	if m == "" {
		m = http.MethodGet
	}
	r := &ResourceClient[json.RawMessage]{model: u.Model, resource: u.Resource}
	p := r.path(u.ID)
	if u.CustomMethod != "" {
		p += "/" + url.PathEscape(u.CustomMethod)
	}
	if _, err := oneOptions([]RequestOptions{u.Options}); err != nil {
		return call{}, err
	}
	return call{method: m, path: p, account: u.IntegratedAccountID, params: []any{u.Query}, body: u.Body, opts: u.Options,
		write: m != http.MethodGet && m != http.MethodHead}, nil
}

// Raw sends a unified request and returns the answer unparsed. With no
// ResponseFormat it asks for FormatRaw: the remote API's own answer.
func (c *Client) Raw(ctx context.Context, u UnifiedRequest) (json.RawMessage, error) {
	if u.Options.ResponseFormat == "" {
		u.Options.ResponseFormat = FormatRaw
	}
	k, err := u.call()
	if err != nil {
		return nil, err
	}
	var out json.RawMessage
	if _, _, err := c.call(ctx, k, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Stream sends a unified request and hands the answer's body over
// unread, for FormatStream and for files. The caller must close it.
func (c *Client) Stream(ctx context.Context, u UnifiedRequest) (io.ReadCloser, error) {
	k, err := u.call()
	if err != nil {
		return nil, err
	}
	return c.stream(ctx, k)
}

func (c *Client) stream(ctx context.Context, k call) (io.ReadCloser, error) {
	r, err := k.request()
	if err != nil {
		return nil, err
	}
	resp, err := c.rest.Stream(ctx, r)
	if err != nil {
		return nil, err
	}
	k.opts.record(resp.StatusCode, resp.Header)
	return resp.Body, nil
}
