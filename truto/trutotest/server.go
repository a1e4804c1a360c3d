// Package trutotest is an in-process fake of Truto's API (unified,
// proxy and admin, and webhook deliveries), for testing code that uses
// package truto without the network.
//
// It holds integrated accounts and their records in memory, per unified
// model and resource (ATS candidates, jobs and applications, or anything
// else), and serves list, get, create, update (PATCH) and delete on
// /unified/<model>/<resource>, the ATS custom methods (applications
// move-stage and reject, attachments download) and Truto's query
// parameters: cursor pagination with limit (AddEmptyPageAt makes a page
// come back empty with a cursor, as some integrations do),
// truto_exclude_fields[], truto_ignore_remote_data, and the raw format
// (the remote shape). It checks the Bearer token (401) and the
// integrated account (404), enforces Lever's rule that a candidate create
// needs job_id on accounts of that integration, honours Idempotency-Key
// (a repeated key gets the first answer and writes nothing), and limits
// each account to 50 requests per 10 seconds with 429, Retry-After and
// the ratelimit-* headers (SetRateLimit, DisableRateLimits).
//
// Each Unified ATS resource serves the methods package truto types for
// it (others answer 404), with rules of the ATSs behind it (a job form's
// fields need job_id; an activity needs candidate_id), and a list's own
// parameters (candidate_id=, job_id=, ...) filter it. The proxy API
// serves /proxy/<resource> from the "proxy" model's records
// (HandleProxyMethod adds custom methods). The admin API serves link
// tokens (ConnectAccount completes the customer's side of the flow),
// integrated accounts and their capabilities (SetCapabilities) and
// tokens (a token of one account works on the unified and proxy APIs for
// that account only, for AccountTokenTTL),
// environment integrations, and webhooks: events (integrated_account:*
// after a link flow, record:created after a unified create, Emit for
// others) are delivered to each subscribed webhook (NewReceiver serves
// and subscribes the receiver under test), signed as Truto
// signs them (Sign, SignHex), retried as Truto retries, and recorded
// (Deliveries); InjectDelivery tampers with, duplicates, backdates or
// drops them.
//
// Faults are injected with FailNext and Inject, and every request is
// recorded (Requests).
package trutotest

//go:generate go run ../../internal/cmd/gensurface -fake -pkg trutotest -vendor Truto -client truto

import (
	"bytes"
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/truto"
)

// Token is the API token the fake accepts.
const Token = "trutotest-token"

// Integrations the fake knows the rules of.
const (
	IntegrationGreenhouse = "greenhouse"
	IntegrationLever      = "lever" // a candidate create needs job_id
)

// DefaultLimit is the page size when a list asks for none.
const DefaultLimit = 100

// Record is a unified record as the fake keeps it: a JSON object.
type Record = map[string]any

// Server is the fake. It is safe for concurrent use.
type Server struct {
	srv *fake.Server

	mu         sync.Mutex
	now        func() time.Time
	accounts   map[string]*account
	nextID     int
	idem       map[string]storedAnswer
	emptyAt    map[int]bool
	files      map[string][]byte
	limit      int
	window     time.Duration
	windows    map[string]*rateWindow
	rateLimits bool

	admin // link tokens, environment integrations, webhooks and their deliveries (admin.go, webhooks.go)
}

type account struct {
	id          string
	integration string
	tables      map[string]*table // "ats/candidates" -> records
	info        accountInfo       // what the admin API shows of it
}

// table keeps records in creation order.
type table struct {
	order []string
	byID  map[string]Record
}

type storedAnswer struct {
	status int
	header http.Header
	body   []byte
}

type rateWindow struct {
	start time.Time
	used  int
}

// NewServer starts an empty fake. Close it when done.
func NewServer() *Server {
	s := &Server{
		now: time.Now, accounts: map[string]*account{}, nextID: 1000, idem: map[string]storedAnswer{},
		emptyAt: map[int]bool{}, files: map[string][]byte{}, limit: 50, window: 10 * time.Second,
		windows: map[string]*rateWindow{}, rateLimits: true, admin: newAdmin(),
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /unified/{model}/{resource}", s.api(serves("list", s.list)))
	mux.HandleFunc("POST /unified/{model}/{resource}", s.api(serves("create", s.idempotent(s.create))))
	mux.HandleFunc("GET /unified/{model}/{resource}/{id}", s.api(serves("get", s.get)))
	mux.HandleFunc("PATCH /unified/{model}/{resource}/{id}", s.api(serves("update", s.idempotent(s.update))))
	mux.HandleFunc("DELETE /unified/{model}/{resource}/{id}", s.api(serves("delete", s.idempotent(s.delete))))
	mux.HandleFunc("POST /unified/{model}/{resource}/{id}", s.api(serves("", s.idempotent(s.customMethod))))
	s.routeProxy(mux)
	s.routeAdmin(mux)
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) {
		trutoError(w, http.StatusNotFound, "Route not found", nil)
	})
	s.srv = fake.New(mux, errorBody)
	return s
}

// Client returns a client pointed at the fake with short retry waits;
// opts come after and can change them.
func (s *Server) Client(opts ...truto.Option) *truto.Client {
	base := []truto.Option{truto.WithBaseURL(s.URL()), truto.WithRetry(3, time.Millisecond, 2*time.Second)}
	c, err := truto.NewClient(Token, append(base, opts...)...)
	if err != nil {
		panic("trutotest: " + err.Error())
	}
	return c
}

// AddAccount adds an integrated account on integration (such as
// IntegrationGreenhouse) and returns its id.
func (s *Server) AddAccount(integration string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addAccount(integration, "tenant-"+integration, nil).id
}

// AddRecord stores a record of model/resource for an account, giving it
// an id when it has none, and returns the id. It panics on an unknown
// account, as a test's own mistake.
func (s *Server) AddRecord(accountID, model, resource string, r Record) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accounts[accountID]
	if a == nil {
		panic("trutotest: AddRecord: no account " + accountID)
	}
	return s.insert(a, model+"/"+resource, maps.Clone(r))
}

// AddJob adds an ATS job and returns it.
func (s *Server) AddJob(accountID, name string) truto.Job {
	id := s.AddRecord(accountID, "ats", "jobs", Record{"name": name, "status": "open"})
	s.mu.Lock()
	defer s.mu.Unlock()
	var j truto.Job
	decodeInto(s.accounts[accountID].tables["ats/jobs"].byID[id], &j)
	return j
}

// AddFile makes an attachment's file_url downloadable.
func (s *Server) AddFile(fileURL string, content []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[fileURL] = bytes.Clone(content)
}

// AddEmptyPageAt makes the page that would start at offset (> 0) come
// back empty, with a cursor to the real page, in every list walk.
func (s *Server) AddEmptyPageAt(offset int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.emptyAt[offset] = true
}

// SetClock replaces time.Now, for rate-limit windows, timestamps
// (webhook events' created_at too) and the expiry of integrated account
// tokens: a test can advance the fake's time instead of sleeping. Give
// a WebhookHandler the same clock (truto.WithWebhookClock), or it
// refuses the deliveries of a clock in the past as stale.
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
}

// SetRateLimit allows limit requests per account per window, and ten
// times as many per token in the same window, as Truto's 50 and 500 per
// 10 seconds.
func (s *Server) SetRateLimit(limit int, window time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limit, s.window, s.rateLimits = limit, window, true
	s.windows = map[string]*rateWindow{}
}

// DisableRateLimits turns the rate limits off.
func (s *Server) DisableRateLimits() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.rateLimits = false
}

// Records returns copies of an account's records of model/resource, in
// creation order.
func (s *Server) Records(accountID, model, resource string) []Record {
	s.mu.Lock()
	defer s.mu.Unlock()
	a := s.accounts[accountID]
	if a == nil {
		return nil
	}
	t := a.tables[model+"/"+resource]
	if t == nil {
		return nil
	}
	out := make([]Record, 0, len(t.order))
	for _, id := range t.order {
		out = append(out, maps.Clone(t.byID[id]))
	}
	return out
}

// Candidates returns an account's ATS candidates, decoded.
func (s *Server) Candidates(accountID string) []truto.Candidate {
	return decodeAll[truto.Candidate](s.Records(accountID, "ats", "candidates"))
}

// Applications returns an account's ATS applications, decoded.
func (s *Server) Applications(accountID string) []truto.Application {
	return decodeAll[truto.Application](s.Records(accountID, "ats", "applications"))
}

func decodeAll[T any](records []Record) []T {
	out := make([]T, len(records))
	for i, r := range records {
		decodeInto(r, &out[i])
	}
	return out
}

func decodeInto(r Record, v any) {
	b, _ := json.Marshal(r)
	_ = json.Unmarshal(b, v)
}

func (s *Server) newID() int {
	s.nextID++
	return s.nextID
}

// insert stores r in table key, with an id and timestamps. The caller
// holds s.mu.
func (s *Server) insert(a *account, key string, r Record) string {
	t := a.tables[key]
	if t == nil {
		t = &table{byID: map[string]Record{}}
		a.tables[key] = t
	}
	id, _ := r["id"].(string)
	if id == "" {
		prefix := key[strings.IndexByte(key, '/')+1:]
		id = fmt.Sprintf("%s-%d", strings.TrimSuffix(prefix, "s"), s.newID())
		r["id"] = id
	}
	now := s.now().UTC().Format(time.RFC3339Nano)
	if _, ok := r["created_at"]; !ok {
		r["created_at"] = now
	}
	r["updated_at"] = now
	if _, exists := t.byID[id]; !exists {
		t.order = append(t.order, id)
	}
	t.byID[id] = r
	return id
}

// errorBody is Truto's error shape.
func errorBody(status int, message string) any {
	return map[string]any{"statusCode": status, "error": http.StatusText(status), "message": message}
}

// trutoError answers with Truto's error shape.
func trutoError(w http.ResponseWriter, status int, message string, extra map[string]any) {
	body := errorBody(status, message).(map[string]any)
	maps.Copy(body, extra)
	fake.WriteJSON(w, status, body)
}

// api authenticates, rate-limits and finds the integrated account before
// h.
func (s *Server) api(h func(http.ResponseWriter, *http.Request, *account)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		tok, ok := fake.AuthToken(r, "Bearer")
		id := r.URL.Query().Get("integrated_account_id")
		s.mu.Lock()
		a := s.accounts[id]
		// An integrated account token works for its own account only,
		// until it expires.
		ok = ok && (tok == Token || s.accountTokenFor(tok, id))
		s.mu.Unlock()
		if !ok {
			trutoError(w, http.StatusUnauthorized, "Invalid API token", nil)
			return
		}
		if id == "" {
			trutoError(w, http.StatusBadRequest, "integrated_account_id is required", nil)
			return
		}
		if a == nil {
			trutoError(w, http.StatusNotFound, "Integrated account not found", nil)
			return
		}
		if !s.admit(w, id) {
			return
		}
		h(w, r, a)
		s.deliverPending()
	}
}

// admit applies Truto's two budgets: the account's (50 requests per 10
// seconds, or SetRateLimit's) and the token's (ten times as many in the
// same window: 500). Either one spent answers 429, counting in neither;
// the ratelimit-* headers speak of the budget refused, or else of the one
// with fewer requests left.
func (s *Server) admit(w http.ResponseWriter, accountID string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.rateLimits {
		return true
	}
	now := s.now()
	budgets := [...]struct {
		key   string
		limit int
	}{{accountID, s.limit}, {"\x00token", tokenBudgetFactor * s.limit}}
	var wins [len(budgets)]*rateWindow
	speaks := 0 // the budget the headers speak of
	for i, b := range budgets {
		win := s.windows[b.key]
		if win == nil || now.Sub(win.start) >= s.window {
			win = &rateWindow{start: now}
			s.windows[b.key] = win
		}
		wins[i] = win
		if b.limit-win.used < budgets[speaks].limit-wins[speaks].used {
			speaks = i // fewer left; the account's on a tie
		}
	}
	b, win := budgets[speaks], wins[speaks]
	over := win.used >= b.limit
	if !over {
		for _, win := range wins {
			win.used++
		}
	}
	reset := win.start.Add(s.window).Sub(now)
	h := w.Header()
	// As Truto documents it: the limit and its window, "50;w=10".
	h.Set("Ratelimit-Limit", strconv.Itoa(b.limit)+";w="+strconv.FormatFloat(s.window.Seconds(), 'f', -1, 64))
	h.Set("Ratelimit-Remaining", strconv.Itoa(max(b.limit-win.used, 0)))
	h.Set("Ratelimit-Reset", resetSeconds(reset, s.window))
	if over {
		if s.window >= time.Second {
			// Whole seconds, rounded up: the client never comes back
			// before the reset. A window shortened below a second has
			// none (Retry-After cannot say a fraction): the reset says it.
			h.Set("Retry-After", strconv.Itoa(int((reset+time.Second-1)/time.Second)))
		}
		trutoError(w, http.StatusTooManyRequests, "Rate limit exceeded", nil)
		return false
	}
	return true
}

// tokenBudgetFactor is how many times the account's budget the token's
// is: Truto documents 500 and 50 per 10 seconds.
const tokenBudgetFactor = 10

// resetSeconds writes the time until a reset as Truto does, in whole
// seconds rounded up, or in fractions for a window shortened below a
// second (SetRateLimit), which package truto reads as well.
func resetSeconds(reset, window time.Duration) string {
	if window < time.Second {
		return strconv.FormatFloat(reset.Seconds(), 'f', 3, 64)
	}
	return strconv.Itoa(int((reset + time.Second - 1) / time.Second))
}

// idempotent replays the first answer to a repeated Idempotency-Key
// without running h again.
func (s *Server) idempotent(h func(http.ResponseWriter, *http.Request, *account)) func(http.ResponseWriter, *http.Request, *account) {
	return func(w http.ResponseWriter, r *http.Request, a *account) {
		key := r.Header.Get("Idempotency-Key")
		if key == "" {
			h(w, r, a)
			return
		}
		k := r.URL.Query().Get("integrated_account_id") + "\x00" + key
		s.mu.Lock()
		stored, seen := s.idem[k]
		s.mu.Unlock()
		if !seen {
			rec := httptest.NewRecorder()
			h(rec, r, a)
			stored = storedAnswer{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
			if stored.status < 500 { // a failed write may be tried again
				s.mu.Lock()
				s.idem[k] = stored
				s.mu.Unlock()
			}
		}
		for name, v := range stored.header {
			w.Header()[name] = v
		}
		w.WriteHeader(stored.status)
		_, _ = w.Write(stored.body)
	}
}

// view shapes a record for the answer per Truto's query parameters.
func view(r Record, q map[string][]string) any {
	if q["truto_response_format"] != nil && q["truto_response_format"][0] == string(truto.FormatRaw) {
		return r["remote_data"]
	}
	out := maps.Clone(r)
	if v := q["truto_ignore_remote_data"]; v != nil && v[0] == "true" {
		delete(out, "remote_data")
	}
	for _, f := range q["truto_exclude_fields[]"] {
		delete(out, f)
	}
	return out
}

// tableKey is where a request's records are: "<model>/<resource>" for
// the unified API, "proxy/<resource>" for the proxy.
func tableKey(r *http.Request) string {
	return cmp.Or(r.PathValue("model"), "proxy") + "/" + r.PathValue("resource")
}

func (s *Server) list(w http.ResponseWriter, r *http.Request, a *account) {
	q := r.URL.Query()
	if atsRule(w, tableKey(r), q, nil) {
		return
	}
	limit, ok := pageLimit(w, q)
	if !ok {
		return
	}
	offset, empty := 0, false
	if c := q.Get("next_cursor"); c != "" {
		kind, n, ok := parseCursor(c)
		if !ok {
			trutoError(w, http.StatusBadRequest, "Invalid cursor", nil)
			return
		}
		offset, empty = n, kind == "o"
	}
	s.mu.Lock()
	var page []any
	next := any(nil)
	if empty && s.emptyAt[offset] {
		next = cursor("e", offset) // an empty page that still carries a cursor
	} else {
		var ids []string
		if t := a.tables[tableKey(r)]; t != nil {
			for _, id := range t.order {
				if matches(t.byID[id], q) {
					ids = append(ids, id)
				}
			}
		}
		for _, id := range ids[min(offset, len(ids)):min(offset+limit, len(ids))] {
			page = append(page, view(a.tables[tableKey(r)].byID[id], q))
		}
		if offset+limit < len(ids) {
			next = cursor("o", offset+limit)
		}
	}
	s.mu.Unlock()
	if page == nil {
		page = []any{}
	}
	if q.Get("truto_response_format") == string(truto.FormatRaw) {
		fake.WriteJSON(w, http.StatusOK, map[string]any{"data": page, "next": next})
		return
	}
	fake.WriteJSON(w, http.StatusOK, map[string]any{
		"result": page, "next_cursor": next, "prev_cursor": nil, "result_count": len(page), "is_partial_response": false,
	})
}

// pageLimit reads a list's limit (DefaultLimit when none), answering
// 400 to a bad one.
func pageLimit(w http.ResponseWriter, q url.Values) (int, bool) {
	v := q.Get("limit")
	if v == "" {
		return DefaultLimit, true
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		trutoError(w, http.StatusBadRequest, "limit must be a positive integer", nil)
		return 0, false
	}
	return n, true
}

// cursor encodes a page position: "o" is the page at offset, "e" the
// same page after the empty one AddEmptyPageAt put before it.
func cursor(kind string, offset int) string { return kind + "." + strconv.Itoa(offset) }

func parseCursor(c string) (string, int, bool) {
	kind, n, ok := strings.Cut(c, ".")
	v, err := strconv.Atoi(n)
	return kind, v, ok && err == nil && v >= 0 && (kind == "o" || kind == "e")
}

func (s *Server) record(w http.ResponseWriter, r *http.Request, a *account) (Record, bool) {
	t := a.tables[tableKey(r)]
	if t != nil {
		if rec, ok := t.byID[r.PathValue("id")]; ok {
			return rec, true
		}
	}
	trutoError(w, http.StatusNotFound, "Record not found", nil)
	return nil, false
}

func (s *Server) get(w http.ResponseWriter, r *http.Request, a *account) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.record(w, r, a)
	if ok {
		fake.WriteJSON(w, http.StatusOK, view(rec, r.URL.Query()))
	}
}

func readObject(w http.ResponseWriter, r *http.Request) (Record, bool) {
	var body Record
	if err := json.NewDecoder(r.Body).Decode(&body); err != nil || body == nil {
		trutoError(w, http.StatusBadRequest, "The request body must be a JSON object", nil)
		return nil, false
	}
	return body, true
}

func (s *Server) create(w http.ResponseWriter, r *http.Request, a *account) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	key := tableKey(r)
	if atsRule(w, key, q, body) {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if key == "ats/candidates" {
		if a.integration == IntegrationLever && q.Get("job_id") == "" {
			trutoError(w, http.StatusBadRequest, "", map[string]any{"truto_error_insight": map[string]any{
				"missing_required_query_parameters": map[string]any{"description": "Lever needs these query parameters", "value": []string{"job_id"}},
			}})
			return
		}
		if src := q.Get("application_source"); src != "" && src != string(truto.SourceApplicant) && src != string(truto.SourceLead) {
			trutoError(w, http.StatusBadRequest, "application_source must be applicant or lead", nil)
			return
		}
		if job := q.Get("job_id"); job != "" && (a.tables["ats/jobs"] == nil || a.tables["ats/jobs"].byID[job] == nil) {
			trutoError(w, http.StatusUnprocessableEntity, "", map[string]any{"truto_is_remote_error": true,
				"raw_response": map[string]any{"error": "Job " + job + " does not exist"}})
			return
		}
		s.shapeCandidate(a, body, q.Get("job_id"), q.Get("application_source"))
	}
	id := s.insert(a, key, body)
	s.recordEvent(a, key, a.tables[key].byID[id])
	fake.WriteJSON(w, http.StatusCreated, view(a.tables[key].byID[id], q))
}

// shapeCandidate gives a new candidate what the ATS would: a name, flags,
// the remote record, and an application when job_id was given. The
// caller holds s.mu.
func (s *Server) shapeCandidate(a *account, c Record, jobID, source string) {
	first, _ := c["first_name"].(string)
	last, _ := c["last_name"].(string)
	c["name"] = strings.TrimSpace(first + " " + last)
	c["is_private"] = "false"
	c["can_email"] = c["emails"] != nil
	remote := Record{"id": fmt.Sprintf("%s-%d", a.integration, s.newID())}
	if extra, ok := c["remote_data"].(map[string]any); ok {
		maps.Copy(remote, extra)
	}
	c["remote_data"] = remote
	c["id"] = fmt.Sprintf("candidate-%d", s.newID())
	if jobID == "" {
		return
	}
	if source == "" {
		source = string(truto.SourceApplicant)
	}
	now := s.now().UTC().Format(time.RFC3339Nano)
	app := Record{
		"candidate": Record{"id": c["id"]}, "job": Record{"id": jobID}, "applied_at": now,
		"current_stage": Record{"id": "stage-new", "name": "New", "job": Record{"id": jobID}},
		"source":        Record{"name": source},
	}
	s.insert(a, "ats/applications", app)
	c["applications"] = []any{maps.Clone(app)}
}

func (s *Server) update(w http.ResponseWriter, r *http.Request, a *account) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.record(w, r, a)
	if !ok {
		return
	}
	delete(body, "id")
	maps.Copy(rec, body)
	rec["updated_at"] = s.now().UTC().Format(time.RFC3339Nano)
	fake.WriteJSON(w, http.StatusOK, view(rec, r.URL.Query()))
}

func (s *Server) delete(w http.ResponseWriter, r *http.Request, a *account) {
	s.mu.Lock()
	defer s.mu.Unlock()
	rec, ok := s.record(w, r, a)
	if !ok {
		return
	}
	t := a.tables[tableKey(r)]
	delete(t.byID, rec["id"].(string))
	t.order = slices.DeleteFunc(t.order, func(id string) bool { return id == rec["id"] })
	fake.WriteJSON(w, http.StatusOK, Record{"id": rec["id"]})
}

// customMethod serves POST /unified/<model>/<resource>/<method>.
func (s *Server) customMethod(w http.ResponseWriter, r *http.Request, a *account) {
	switch tableKey(r) + "/" + r.PathValue("id") {
	case "ats/applications/move-stage", "ats/applications/reject":
		s.changeApplication(w, r, a)
	case "ats/attachments/download":
		s.download(w, r)
	default:
		trutoError(w, http.StatusNotFound, "Method not found", nil)
	}
}

func (s *Server) changeApplication(w http.ResponseWriter, r *http.Request, a *account) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	appID, _ := body["application_id"].(string)
	s.mu.Lock()
	defer s.mu.Unlock()
	t := a.tables["ats/applications"]
	var app Record
	if t != nil {
		app = t.byID[appID]
	}
	if app == nil {
		trutoError(w, http.StatusNotFound, "Application not found", nil)
		return
	}
	now := s.now().UTC().Format(time.RFC3339Nano)
	if r.PathValue("id") == "move-stage" {
		stage, _ := body["stage_id"].(string)
		if stage == "" {
			trutoError(w, http.StatusBadRequest, "", map[string]any{"truto_error_insight": map[string]any{
				"missing_required_body_fields": map[string]any{"description": "Required in the body", "value": []string{"stage_id"}},
			}})
			return
		}
		app["current_stage"] = Record{"id": stage, "name": stage, "job": app["job"]}
	} else {
		reason, _ := body["reason_id"].(string)
		if t := a.tables["ats/reject_reasons"]; t != nil && t.byID[reason] != nil {
			reason, _ = t.byID[reason]["name"].(string)
		}
		app["rejected_at"] = now
		app["reject_reason"] = cmp.Or(reason, "Rejected")
	}
	app["updated_at"] = now
	fake.WriteJSON(w, http.StatusOK, Record{"result": view(app, r.URL.Query())})
}

func (s *Server) download(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	content, ok := s.files[r.URL.Query().Get("file_url")]
	s.mu.Unlock()
	if !ok {
		trutoError(w, http.StatusNotFound, "Attachment not found", nil)
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(content)))
	_, _ = w.Write(content)
}
