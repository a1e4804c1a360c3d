package truto

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/paging"
	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// ResourceClient calls one resource of an integrated account, decoding
// its records as T: a unified resource, /unified/<model>/<resource>
// (get one with Resource), or a resource of the integration's own API
// through Truto's proxy, /proxy/<resource> (get one with Proxy). The
// method docs below write the unified path; a proxy client calls the
// same methods on /proxy/<resource>.
type ResourceClient[T any] struct {
	c *Client
	// base is the resource's escaped path: /unified/<model>/<resource>
	// or /proxy/<resource>.
	base string
}

// Resource returns a client for any unified resource, typed by the
// caller: truto.Resource[map[string]any](c, "crm", "contacts"), or a
// struct of your own. The typed ATS resources (c.ATS) are built on it.
func Resource[T any](c *Client, model, resource string) *ResourceClient[T] {
	return &ResourceClient[T]{c: c, base: "/unified/" + url.PathEscape(model) + "/" + url.PathEscape(resource)}
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

func (p ListParams) validate() error {
	if p.Limit < 0 {
		return invalid("Limit", "negative")
	}
	return nil
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
	// Invalid are the page's records that are not records (they lack
	// their "id"), left out of Result or Keyed; see RecordError.
	Invalid []*RecordError
}

// RecordError is a record of a list answer that is not a record: it
// lacks the "id" Truto documents on every record. The rule is the same
// for one record and for a list: such a record is an error, never a
// value. A Get of it fails with a *DecodeError; a list does not fail for
// it (one bad record must not stop a sync), but List reports it in
// ListPage.Invalid, and All yields it in the record's place and goes on
// if the loop does. A call that excluded "id" (WithExcludeFields) checks
// nothing. It matches ErrUnexpectedResponse.
type RecordError struct {
	Index int             // the record's position in its page; -1 in a keyed page
	Key   string          // the record's key in a keyed page (ListParams.KeyBy)
	Raw   json.RawMessage // the record as Truto sent it
	Err   error
}

// Error reads like `truto: record 3 of the page: want a record with "id": {"name":"x"}`.
func (e *RecordError) Error() string {
	raw := string(e.Raw)
	if len(raw) > 256 {
		raw = raw[:256] + "..."
	}
	at := strconv.Itoa(e.Index)
	if e.Index < 0 {
		at = strconv.Quote(e.Key)
	}
	return fmt.Sprintf("truto: record %s of the page: %v: %s", at, e.Err, raw)
}

// Unwrap returns what is wrong with the record.
func (e *RecordError) Unwrap() error { return e.Err }

// Is makes errors.Is(err, ErrUnexpectedResponse) true.
func (e *RecordError) Is(target error) bool { return target == ErrUnexpectedResponse }

// listMeta is what every list answer carries besides its records.
type listMeta struct {
	NextCursor        *string `json:"next_cursor"`
	PrevCursor        *string `json:"prev_cursor"`
	ResultCount       int     `json:"result_count"`
	IsPartialResponse bool    `json:"is_partial_response"`
}

// listAnswer is a list answer whose "result" is an array. checkID
// moves the records without an id to invalid.
type listAnswer[T any] struct {
	listMeta
	Result  []T `json:"result"`
	checkID bool
	invalid []*RecordError
}

// keyedAnswer is a list answer with truto_key_by: "result" is an object.
// checkID moves the records without an id to invalid, as listAnswer does.
type keyedAnswer[T any] struct {
	listMeta
	Result  map[string]T `json:"result"`
	checkID bool
	invalid []*RecordError
}

// sourced is a record that keeps where its raw JSON is.
type sourced interface{ setSource(rest.RawSource) }

// identified is a record of this package, with the id Truto documents
// on every record.
type identified interface{ recordID() string }

// decoded refuses an answer without "result", tells each record where
// its raw JSON is, and sets the records without an id apart.
func (a *listAnswer[T]) decoded(body json.RawMessage) error {
	if a.Result == nil {
		return errNoResult
	}
	return a.sort(body, "result")
}

// sort tells each record, found under key in body, where its raw JSON
// is, and sets the records without an id apart. An answer that names its
// list twice is refused: encoding/json merges the lists item by item, so
// a record would match neither one's raw JSON.
func (a *listAnswer[T]) sort(body json.RawMessage, key string) error {
	if err := rest.UniqueMember(body, key); err != nil {
		return err
	}
	kept := a.Result[:0]
	for i := range a.Result {
		src := rest.ListItem(body, key, i)
		if r, ok := any(&a.Result[i]).(identified); ok && a.checkID && r.recordID() == "" {
			a.invalid = append(a.invalid, &RecordError{Index: i, Raw: src.JSON(), Err: errNoID})
			continue
		}
		if s, ok := any(&a.Result[i]).(sourced); ok {
			s.setSource(src)
		}
		kept = append(kept, a.Result[i])
	}
	a.Result = kept
	return nil
}

// decoded refuses an answer without "result", tells each record where
// its raw JSON is, and sets the records without an id apart (by key, in
// the keys' order, so that ListPage.Invalid is the same on every call).
func (a *keyedAnswer[T]) decoded(body json.RawMessage) error {
	if a.Result == nil {
		return errNoResult
	}
	if err := rest.UniqueMember(body, "result"); err != nil {
		return err
	}
	for _, k := range slices.Sorted(maps.Keys(a.Result)) {
		rec, src := a.Result[k], rest.MapItem(body, "result", k)
		if r, ok := any(&rec).(identified); ok && a.checkID && r.recordID() == "" {
			a.invalid = append(a.invalid, &RecordError{Index: -1, Key: k, Raw: src.JSON(), Err: errNoID})
			delete(a.Result, k)
			continue
		}
		if s, ok := any(&rec).(sourced); ok {
			s.setSource(src)
			a.Result[k] = rec
		}
	}
	return nil
}

var errNoResult = errors.New(`want a list answer with "result"`)

// List returns one page of records.
//
//	GET /unified/<model>/<resource>?integrated_account_id=...&limit=&next_cursor=
func (r *ResourceClient[T]) List(ctx context.Context, accountID string, p ListParams, opts ...RequestOption) (*ListPage[T], error) {
	cfg, err := typedConfig(opts)
	if err == nil {
		err = p.validate()
	}
	if err != nil {
		return nil, err
	}
	return r.list(ctx, accountID, p, cfg)
}

func (r *ResourceClient[T]) list(ctx context.Context, accountID string, p ListParams, cfg *requestConfig) (*ListPage[T], error) {
	k := call{method: http.MethodGet, path: r.path(""), account: accountID, params: []any{p, p.Filter}, cfg: cfg}
	var (
		page ListPage[T]
		meta listMeta
		err  error
	)
	if p.KeyBy != "" {
		a := keyedAnswer[T]{checkID: !cfg.excludes("id")}
		err = r.c.call(ctx, k, &a)
		page.Keyed, page.Invalid, meta = a.Result, a.invalid, a.listMeta
	} else {
		a := listAnswer[T]{checkID: !cfg.excludes("id")}
		err = r.c.call(ctx, k, &a)
		page.Result, page.Invalid, meta = a.Result, a.invalid, a.listMeta
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
	return &page, nil
}

// All ranges over every record from p.Cursor on, following next_cursor
// (across empty pages that carry one) until Truto sends none. It fetches
// lazily, one page in memory at a time, stops when the loop breaks, ends
// with an error (yielded once) if a request fails or Truto repeats a
// cursor, and yields a *ValidationError before any request for bad
// input. A record without its id is yielded as a *RecordError in its
// place, and the range goes on if the loop does. opts apply to every
// page's request.
func (r *ResourceClient[T]) All(ctx context.Context, accountID string, p ListParams, opts ...RequestOption) iter.Seq2[T, error] {
	cfg, err := typedConfig(opts)
	if err == nil {
		err = p.validate()
	}
	if err == nil && p.KeyBy != "" {
		err = invalid("KeyBy", "All yields records one by one: use List for keyed pages")
	}
	if err == nil {
		err = checkAccount(accountID)
	}
	if err != nil {
		return failed[T](err)
	}
	return allPages(ctx, p.Cursor, cfg, func(ctx context.Context, cursor string) (*ListPage[T], error) {
		q := p
		q.Cursor = cursor
		return r.list(ctx, accountID, q, cfg)
	})
}

// allPages ranges over the records of the pages fetch returns, from
// cursor start on, following NextCursor: the one walk of every list of
// this package, unified, proxy and admin, one page ahead when cfg asks
// (WithPrefetch). A RecordError is yielded in its record's place, and
// the range goes on if the loop does; any other error ends it.
func allPages[T any](ctx context.Context, start string, cfg *requestConfig, fetch func(ctx context.Context, cursor string) (*ListPage[T], error)) iter.Seq2[T, error] {
	pages := paging.Cursor(ctx, start, func(ctx context.Context, cursor string) ([]entry[T], string, error) {
		page, err := fetch(ctx, cursor)
		if err != nil {
			return nil, "", err
		}
		return page.entries(), page.NextCursor, nil
	}, paging.Prefetch(cfg.prefetch))
	return func(yield func(T, error) bool) {
		for e, err := range pages {
			if err == nil {
				err = e.err
			}
			if !yield(e.record, err) || err != nil && e.err == nil {
				return
			}
		}
	}
}

// failed is a sequence that yields err alone: bad input to All, reported
// before any request.
func failed[T any](err error) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) { var zero T; yield(zero, err) }
}

// entry is a record of a page, or the error it is instead.
type entry[T any] struct {
	record T
	err    error
}

// entries are the page's records and RecordErrors, in the page's order.
func (p *ListPage[T]) entries() []entry[T] {
	out := make([]entry[T], 0, len(p.Result)+len(p.Invalid))
	next := 0
	for _, bad := range p.Invalid {
		for ; len(out) < bad.Index && next < len(p.Result); next++ {
			out = append(out, entry[T]{record: p.Result[next]})
		}
		out = append(out, entry[T]{err: bad})
	}
	for _, r := range p.Result[next:] {
		out = append(out, entry[T]{record: r})
	}
	return out
}

// Get returns one record.
//
//	GET /unified/<model>/<resource>/<id>?integrated_account_id=...
func (r *ResourceClient[T]) Get(ctx context.Context, accountID, id string, opts ...RequestOption) (*T, error) {
	return r.one(ctx, http.MethodGet, accountID, id, nil, nil, opts)
}

// Create creates a record from input (the resource's request shape) and
// returns it. query holds the resource's own query parameters (nil for
// none).
//
//	POST /unified/<model>/<resource>?integrated_account_id=...
//
// It carries an Idempotency-Key (WithIdempotencyKey, or one made for the
// call), so it is retried safely: Truto runs it once.
func (r *ResourceClient[T]) Create(ctx context.Context, accountID string, input any, query url.Values, opts ...RequestOption) (*T, error) {
	return r.one(ctx, http.MethodPost, accountID, "", input, query, opts)
}

// Update changes the fields of input on a record and returns it.
//
//	PATCH /unified/<model>/<resource>/<id>?integrated_account_id=...
//
// It carries an Idempotency-Key like Create.
func (r *ResourceClient[T]) Update(ctx context.Context, accountID, id string, input any, opts ...RequestOption) (*T, error) {
	return r.one(ctx, http.MethodPatch, accountID, id, input, nil, opts)
}

// Delete deletes a record.
//
//	DELETE /unified/<model>/<resource>/<id>?integrated_account_id=...
//
// A 2xx answer means the record is gone: its body (Truto's {"id": ...},
// or through the proxy whatever the integration answers, often nothing)
// is not read, so that an empty, cut short or unexpected answer does not
// make a deleted record look undeleted, as the admin deletes do.
func (r *ResourceClient[T]) Delete(ctx context.Context, accountID, id string, opts ...RequestOption) error {
	if strings.TrimSpace(id) == "" {
		return invalid("id", "required")
	}
	cfg, err := typedConfig(opts)
	if err != nil {
		return err
	}
	return r.c.call(ctx, call{method: http.MethodDelete, path: r.path(id), account: accountID, cfg: cfg, write: true}, nil)
}

// Method calls a custom method of the resource with body and returns
// the record it answers with (Truto's {"result": ...} is unwrapped).
//
//	POST /unified/<model>/<resource>/<method>?integrated_account_id=...
//
// It carries an Idempotency-Key like Create.
func (r *ResourceClient[T]) Method(ctx context.Context, accountID, method string, body any, opts ...RequestOption) (*T, error) {
	if method == "" || strings.Contains(method, "/") {
		return nil, invalid("method", fmt.Sprintf("%q is not a method name", method))
	}
	cfg, err := typedConfig(opts)
	if err != nil {
		return nil, err
	}
	out := methodResult[T]{checkID: !cfg.excludes("id")}
	if err := r.c.call(ctx, call{method: http.MethodPost, path: r.path(method), account: accountID, body: orEmpty(body), cfg: cfg, write: true}, &out); err != nil {
		return nil, err
	}
	return &out.value, nil
}

// methodResult reads a custom method's answer, bare or as {"result": ...}.
type methodResult[T any] struct {
	value   T
	checkID bool
}

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
	return checkRecord(&m.value, json.RawMessage(b), m.checkID)
}

// validator is the params of a typed custom method, which check
// themselves before anything is sent.
type validator interface{ validate() error }

// callMethod checks p, then calls the custom method with it: the one
// body of every typed custom method (ats_gen.go).
func callMethod[T any, P validator](ctx context.Context, r *ResourceClient[T], accountID, method string, p P, opts []RequestOption) (*T, error) {
	if err := p.validate(); err != nil {
		return nil, err
	}
	return r.Method(ctx, accountID, method, p, opts...)
}

func orEmpty(body any) any {
	if body == nil {
		return map[string]any{}
	}
	return body
}

func (r *ResourceClient[T]) one(ctx context.Context, method, accountID, id string, input any, query url.Values, opts []RequestOption) (*T, error) {
	if method != http.MethodPost && strings.TrimSpace(id) == "" {
		return nil, invalid("id", "required")
	}
	if method != http.MethodGet && input == nil {
		return nil, invalid("input", "required")
	}
	cfg, err := typedConfig(opts)
	if err != nil {
		return nil, err
	}
	var out T
	k := call{method: method, path: r.path(id), account: accountID, params: []any{query}, body: input, cfg: cfg, write: method != http.MethodGet}
	if err := r.c.call(ctx, k, record(&out, !cfg.excludes("id"))); err != nil {
		return nil, err
	}
	return &out, nil
}

// record is the answer of a call that returns one record into out: it
// keeps the record's raw JSON and, with checkID, refuses an answer
// without the record's "id" (Truto documents it on every record; a call
// that excluded it does not check).
func record(out any, checkID bool) rest.BodyDecoder {
	return rest.Checked(out, func(body json.RawMessage) error { return checkRecord(out, body, checkID) })
}

// checkRecord is record's check of v, decoded from body. It checks this
// package's record types, not a caller's own type for Resource.
func checkRecord(v any, body json.RawMessage, checkID bool) error {
	if r, ok := v.(identified); ok && checkID && r.recordID() == "" {
		return errNoID
	}
	if s, ok := v.(sourced); ok {
		s.setSource(rest.WholeBody(body))
	}
	return nil
}

// errNoID refuses an answer that is not a record: Truto documents "id" as
// required on every record.
var errNoID = errors.New(`want a record with "id"`)

func (r *ResourceClient[T]) path(id string) string {
	p := r.base
	if id != "" {
		p += "/" + url.PathEscape(id)
	}
	return p
}

// typedConfig is a call's options for a method that decodes the unified
// shape.
func typedConfig(opts []RequestOption) (*requestConfig, error) {
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	if err := cfg.typed(); err != nil {
		return nil, err
	}
	return cfg, nil
}

// call is one unified request.
type call struct {
	method, path string
	account      string
	params       []any // query parameter sources besides the account and the options
	body         any
	cfg          *requestConfig
	write        bool // sends an Idempotency-Key, and so is retried
}

// request builds the core request of a unified call.
func (k call) request() (*rest.Request, error) {
	if err := checkAccount(k.account); err != nil {
		return nil, err
	}
	if strings.Contains(k.path, "//") || strings.HasSuffix(k.path, "/") {
		return nil, invalid("model/resource", fmt.Sprintf("%q has an empty part", k.path))
	}
	q, err := rest.Values(append([]any{url.Values{"integrated_account_id": {k.account}}, k.cfg.query()}, k.params...)...)
	if err != nil {
		return nil, invalid("query", err.Error())
	}
	r := &rest.Request{Method: k.method, Path: k.path, Query: q, Body: k.body}
	if k.write {
		// The same key on every attempt: Truto runs the write once. A key
		// of the caller's (WithIdempotencyKey) replaces it.
		r.IdempotencyKey = rest.NewUUID()
	}
	return r, nil
}

// call sends k and decodes the answer into out.
func (c *Client) call(ctx context.Context, k call, out any) error {
	r, err := k.request()
	if err != nil {
		return err
	}
	return exec(ctx, c.rest, k.cfg, r, out)
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
}

func (u UnifiedRequest) call(cfg *requestConfig) (call, error) {
	if u.Model == "" || u.Resource == "" {
		return call{}, invalid("Model/Resource", "required")
	}
	m := u.Method
	if m == "" {
		m = http.MethodGet
	}
	p := Resource[json.RawMessage](nil, u.Model, u.Resource).path(u.ID)
	if u.CustomMethod != "" {
		p += "/" + url.PathEscape(u.CustomMethod)
	}
	return call{method: m, path: p, account: u.IntegratedAccountID, params: []any{u.Query}, body: u.Body, cfg: cfg,
		write: rest.IsWrite(m)}, nil
}

// Raw sends a unified request and returns the answer unparsed. Without
// WithResponseFormat it asks for FormatRaw: the remote API's own answer.
func (c *Client) Raw(ctx context.Context, u UnifiedRequest, opts ...RequestOption) (json.RawMessage, error) {
	cfg, err := newRequestConfig(append([]RequestOption{WithResponseFormat(FormatRaw)}, opts...))
	if err != nil {
		return nil, err
	}
	k, err := u.call(cfg)
	if err != nil {
		return nil, err
	}
	var out json.RawMessage
	if err := c.call(ctx, k, &out); err != nil {
		return nil, err
	}
	return out, nil
}

// Stream sends a unified request and hands the answer's body over
// unread, for FormatStream (WithResponseFormat) and for files. The caller
// must close it; the call's timeout runs until then.
func (c *Client) Stream(ctx context.Context, u UnifiedRequest, opts ...RequestOption) (io.ReadCloser, error) {
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	k, err := u.call(cfg)
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
	// The body is handed over unread, whatever it is (an attachment is a
	// file of the ATS's type): asking for JSON alone could get a 406.
	if r.Header == nil {
		r.Header = http.Header{}
	}
	r.Header.Set("Accept", "*/*")
	resp, err := execStream(ctx, c.rest, k.cfg, r)
	if err != nil {
		return nil, err
	}
	return resp.Body, nil
}
