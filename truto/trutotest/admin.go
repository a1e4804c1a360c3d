package trutotest

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/truto"
)

// EnvironmentID is the environment of the fake's token: every admin
// record and event carries it.
const EnvironmentID = "ac15abdc-b38e-47d0-97a2-69194017c199"

// admin is the fake's admin API state; Server.mu guards it.
type admin struct {
	linkTokens   map[string]*linkToken
	accountToks  map[string]accountToken // integrated account tokens
	webhooks     map[string]*webhook
	webhookOrder []string
	capabilities map[string]map[string][]string // integration -> ATS resource -> methods
	proxyMethods map[string]ProxyMethod
	delivery     deliveryState
}

func newAdmin() admin {
	return admin{linkTokens: map[string]*linkToken{}, accountToks: map[string]accountToken{}, webhooks: map[string]*webhook{},
		capabilities: map[string]map[string][]string{}, proxyMethods: map[string]ProxyMethod{}}
}

// accountInfo is what the admin API shows of an account.
type accountInfo struct {
	tenantID  string
	status    truto.AccountStatus
	context   map[string]any
	createdAt string
	updatedAt string
}

// accountToken is an integrated account token: its account, and when
// it stops working.
type accountToken struct {
	accountID string
	expires   time.Time
}

// AccountTokenTTL is how long an integrated account token works, as
// Truto documents (15 minutes); SetClock moves the fake past it.
const AccountTokenTTL = 15 * time.Minute

type linkToken struct {
	tenantID, accountID string
	context             map[string]any
	used                bool
}

// uuid is a stable, readable UUID-shaped id: prefix (8 hex digits) and n.
func uuid(prefix string, n int) string {
	return fmt.Sprintf("%s-0000-4000-8000-%012d", prefix, n)
}

// addAccount adds an active account for tenant. The caller holds s.mu.
func (s *Server) addAccount(integration, tenant string, context map[string]any) *account {
	id := fmt.Sprintf("62f44730-dd91-461e-bd6a-%012d", s.newID())
	now := s.now().UTC().Format(time.RFC3339Nano)
	if context == nil {
		context = map[string]any{}
	}
	a := &account{id: id, integration: integration, tables: map[string]*table{},
		info: accountInfo{tenantID: tenant, status: truto.StatusActive, context: context, createdAt: now, updatedAt: now}}
	s.accounts[id] = a
	return a
}

// integrationID and environmentIntegrationID derive stable ids from an
// integration's name.
func integrationID(name string) string {
	sum := sha256.Sum256([]byte(name))
	return fmt.Sprintf("%x-%x-4%x-8%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])[:36]
}

func environmentIntegrationID(name string) string { return integrationID("environment/" + name) }

func integrationView(name string) Record {
	return Record{"id": integrationID(name), "name": name, "category": "ats", "is_beta": false, "sharing": "allow"}
}

func environmentIntegrationView(name string) Record {
	return Record{"id": environmentIntegrationID(name), "integration_id": integrationID(name), "environment_id": EnvironmentID,
		"show_in_catalog": true, "is_enabled": true, "override": Record{}, "integration": integrationView(name)}
}

// accountView is an account as the admin API and the integrated_account
// events show it. The caller holds s.mu.
func accountView(a *account) Record {
	ei := environmentIntegrationView(a.integration)
	delete(ei, "integration")
	return Record{
		"id": a.id, "tenant_id": a.info.tenantID, "environment_id": EnvironmentID,
		"environment_integration_id": environmentIntegrationID(a.integration), "context": maps.Clone(a.info.context),
		"status": a.info.status, "is_sandbox": false, "authentication_method": "api_key", "region": "wnam",
		"unified_model_override": Record{}, "integration": integrationView(a.integration), "environment_integration": ei,
		"created_at": a.info.createdAt, "updated_at": a.info.updatedAt,
	}
}

// routeAdmin serves Truto's admin API: link tokens, integrated accounts
// and their capabilities, environment integrations and webhooks.
func (s *Server) routeAdmin(mux *http.ServeMux) {
	mux.HandleFunc("POST /link-token", s.adminAPI(s.createLinkToken))
	mux.HandleFunc("GET /integrated-account", s.adminAPI(s.listAccounts))
	mux.HandleFunc("POST /integrated-account/token", s.adminAPI(s.createAccountToken))
	mux.HandleFunc("GET /integrated-account/{id}", s.adminAPI(s.withAccount(func(w http.ResponseWriter, _ *http.Request, a *account) {
		fake.WriteJSON(w, http.StatusOK, accountView(a))
	})))
	mux.HandleFunc("PATCH /integrated-account/{id}", s.adminAPI(s.withAccount(s.updateAccount)))
	mux.HandleFunc("DELETE /integrated-account/{id}", s.adminAPI(s.withAccount(s.deleteAccount)))
	mux.HandleFunc("GET /integrated-account/{id}/capabilities", s.adminAPI(s.withAccount(s.accountCapabilities)))
	mux.HandleFunc("GET /environment-integration", s.adminAPI(s.listEnvironmentIntegrations))
	mux.HandleFunc("GET /environment-integration/{id}", s.adminAPI(s.getEnvironmentIntegration))
	mux.HandleFunc("POST /webhook", s.adminAPI(s.createWebhook))
	mux.HandleFunc("GET /webhook", s.adminAPI(s.listWebhooks))
	mux.HandleFunc("GET /webhook/{id}", s.adminAPI(s.withWebhook(func(w http.ResponseWriter, _ *http.Request, h *webhook) {
		fake.WriteJSON(w, http.StatusOK, h.view(false))
	})))
	mux.HandleFunc("PATCH /webhook/{id}", s.adminAPI(s.withWebhook(s.updateWebhook)))
	mux.HandleFunc("DELETE /webhook/{id}", s.adminAPI(s.withWebhook(s.deleteWebhook)))
	mux.HandleFunc("POST /webhook/test", s.adminAPI(s.testWebhook))
}

// adminAPI authenticates an admin call, then delivers the events it
// made once it has answered.
func (s *Server) adminAPI(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if tok, ok := fake.AuthToken(r, "Bearer"); !ok || tok != Token {
			trutoError(w, http.StatusUnauthorized, "Invalid API token", nil)
			return
		}
		h(w, r)
		s.deliverPending()
	}
}

func (s *Server) withAccount(h func(http.ResponseWriter, *http.Request, *account)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		defer s.mu.Unlock()
		a := s.accounts[r.PathValue("id")]
		if a == nil {
			trutoError(w, http.StatusNotFound, "Integrated account not found", nil)
			return
		}
		h(w, r, a)
	}
}

// adminPage answers one page of items with the admin list envelope
// ({"result", "next_cursor", "limit"}), paged like the unified lists.
func adminPage(w http.ResponseWriter, r *http.Request, items []Record) {
	q := r.URL.Query()
	limit, ok := pageLimit(w, q)
	if !ok {
		return
	}
	offset := 0
	if c := q.Get("next_cursor"); c != "" { // empty is the first page, as Truto's SDK sends it
		kind, n, ok := parseCursor(c)
		if !ok || kind != "o" {
			trutoError(w, http.StatusBadRequest, "Invalid cursor", nil)
			return
		}
		offset = n
	}
	page := items[min(offset, len(items)):min(offset+limit, len(items))]
	var next any
	if offset+limit < len(items) {
		next = cursor("o", offset+limit)
	}
	fake.WriteJSON(w, http.StatusOK, Record{"result": append([]Record{}, page...), "next_cursor": next, "limit": limit})
}

func (s *Server) createLinkToken(w http.ResponseWriter, r *http.Request) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	tenant, _ := body["tenant_id"].(string)
	accountID, _ := body["integrated_account_id"].(string)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case tenant == "" && accountID == "":
		trutoError(w, http.StatusBadRequest, "tenant_id is required", nil)
		return
	case tenant != "" && accountID != "":
		trutoError(w, http.StatusBadRequest, "Send either tenant_id or integrated_account_id", nil)
		return
	case accountID != "" && s.accounts[accountID] == nil:
		trutoError(w, http.StatusNotFound, "Integrated account not found", nil)
		return
	}
	context, _ := body["context"].(map[string]any)
	token := uuid("11ec0000", s.newID())
	s.linkTokens[token] = &linkToken{tenantID: tenant, accountID: accountID, context: context}
	fake.WriteJSON(w, http.StatusOK, Record{"link_token": token})
}

func (s *Server) createAccountToken(w http.ResponseWriter, r *http.Request) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	id, _ := body["integrated_account_id"].(string)
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case id == "":
		trutoError(w, http.StatusBadRequest, "integrated_account_id is required", nil)
		return
	case s.accounts[id] == nil:
		trutoError(w, http.StatusNotFound, "Integrated account not found", nil)
		return
	}
	token := uuid("7a0c0000", s.newID())
	s.accountToks[token] = accountToken{accountID: id, expires: s.now().Add(AccountTokenTTL)}
	fake.WriteJSON(w, http.StatusOK, Record{"integrated_account_token": token})
}

// accountTokenFor reports whether tok is an integrated account token,
// still valid, of the account id. The caller holds s.mu.
func (s *Server) accountTokenFor(tok, id string) bool {
	at, ok := s.accountToks[tok]
	return ok && at.accountID == id && s.now().Before(at.expires)
}

// ConnectAccount completes the connect flow of a link token, as the end
// customer does in Truto's hosted page, on integration (such as
// IntegrationGreenhouse), and returns the account's id. A token of a new
// tenant creates an account and sends integrated_account:created then
// integrated_account:active to the webhooks; a reconnect's token
// (integrated_account_id) sends integrated_account:updated then
// integrated_account:active, as Truto does, and keeps the account's
// integration (integration is then not read). A token connects once.
func (s *Server) ConnectAccount(linkToken, integration string) (string, error) {
	s.mu.Lock()
	lt := s.linkTokens[linkToken]
	var a *account
	switch {
	case lt == nil:
		s.mu.Unlock()
		return "", fmt.Errorf("trutotest: no link token %q", linkToken)
	case lt.used:
		s.mu.Unlock()
		return "", fmt.Errorf("trutotest: link token %q was used", linkToken)
	case lt.accountID != "":
		a = s.accounts[lt.accountID]
		if a == nil {
			s.mu.Unlock()
			return "", fmt.Errorf("trutotest: the account of link token %q is gone", linkToken)
		}
		a.info.status = truto.StatusActive
		a.info.updatedAt = s.now().UTC().Format(time.RFC3339Nano)
		if lt.context != nil {
			maps.Copy(a.info.context, lt.context)
		}
		s.emit(truto.EventIntegratedAccountUpdated, accountView(a))
	default:
		a = s.addAccount(integration, lt.tenantID, maps.Clone(lt.context))
		a.info.status = truto.StatusConnecting
		s.emit(truto.EventIntegratedAccountCreated, accountView(a))
		a.info.status = truto.StatusActive
	}
	lt.used = true
	s.emit(truto.EventIntegratedAccountActive, accountView(a))
	s.mu.Unlock()
	s.deliverPending()
	return a.id, nil
}

func (s *Server) listAccounts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	s.mu.Lock()
	var items []Record
	for _, a := range s.accounts {
		switch {
		case q.Get("tenant_id") != "" && q.Get("tenant_id") != a.info.tenantID,
			q.Get("integration[name]") != "" && q.Get("integration[name]") != a.integration,
			q.Get("status") != "" && q.Get("status") != string(a.info.status):
			continue
		}
		items = append(items, accountView(a))
	}
	s.mu.Unlock()
	slices.SortFunc(items, func(x, y Record) int { return strings.Compare(x["id"].(string), y["id"].(string)) })
	adminPage(w, r, items)
}

func (s *Server) updateAccount(w http.ResponseWriter, r *http.Request, a *account) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	if t, ok := body["tenant_id"].(string); ok && t != "" {
		a.info.tenantID = t
	}
	if c, ok := body["context"].(map[string]any); ok {
		maps.Copy(a.info.context, c)
	}
	a.info.updatedAt = s.now().UTC().Format(time.RFC3339Nano)
	s.emit(truto.EventIntegratedAccountUpdated, accountView(a))
	fake.WriteJSON(w, http.StatusOK, accountView(a))
}

func (s *Server) deleteAccount(w http.ResponseWriter, _ *http.Request, a *account) {
	delete(s.accounts, a.id)
	s.emit(truto.EventIntegratedAccountDeleted, Record{"id": a.id})
	fake.WriteJSON(w, http.StatusOK, Record{"id": a.id})
}

// SetCapabilities sets which ATS resources and methods the capabilities
// of integration's accounts report (resource -> methods, as
// "candidates" -> "list", "get"). By default an account reports every
// resource and method package truto types. It changes what
// IntegratedAccounts.Capabilities answers, not what the fake serves: a
// call to a method left out still works, so that a test can prove the
// code under test consults the capabilities before calling.
func (s *Server) SetCapabilities(integration string, resources map[string][]string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.capabilities[integration] = maps.Clone(resources)
}

// accountCapabilities answers in the shape of Truto's reference; the
// proxy's resources are the account's "proxy" tables.
func (s *Server) accountCapabilities(w http.ResponseWriter, r *http.Request, a *account) {
	caps := s.capabilities[a.integration]
	if caps == nil {
		caps = atsMethods
	}
	kind := r.URL.Query().Get("type")
	var unified, proxy []Record
	for _, name := range slices.Sorted(maps.Keys(caps)) {
		unified = append(unified, Record{"api_name": "ats", "name": name, "methods": caps[name],
			"docs_url": "https://truto.one/docs/api-reference/unified-ats-api/" + strings.ReplaceAll(name, "_", "")})
	}
	for _, key := range slices.Sorted(maps.Keys(a.tables)) {
		if name, ok := strings.CutPrefix(key, "proxy/"); ok {
			var methods []Record
			for _, m := range []string{"list", "get", "create", "update", "delete"} {
				methods = append(methods, Record{"method": m, "name": name + "_" + m})
			}
			proxy = append(proxy, Record{"name": name, "methods": methods})
		}
	}
	answer := Record{
		"integration": Record{"id": integrationID(a.integration), "slug": a.integration, "name": a.integration},
		"account":     Record{"id": a.id, "status": a.info.status, "authentication_method": "api_key", "environment_id": EnvironmentID, "is_blocked": false},
		"unified":     Record{"resources": unified},
		"proxy":       Record{"resources": proxy},
	}
	switch kind {
	case "unified":
		answer["proxy"] = Record{"resources": []Record{}}
	case "proxy":
		answer["unified"] = Record{"resources": []Record{}}
	}
	fake.WriteJSON(w, http.StatusOK, answer)
}

// environmentIntegrations are those of the fake's accounts'
// integrations, sorted by name. The caller holds s.mu.
func (s *Server) environmentIntegrations() []Record {
	names := map[string]bool{}
	for _, a := range s.accounts {
		names[a.integration] = true
	}
	var out []Record
	for _, n := range slices.Sorted(maps.Keys(names)) {
		out = append(out, environmentIntegrationView(n))
	}
	return out
}

func (s *Server) listEnvironmentIntegrations(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("integration[name]")
	s.mu.Lock()
	items := slices.DeleteFunc(s.environmentIntegrations(), func(e Record) bool {
		return name != "" && e["integration"].(Record)["name"] != name
	})
	s.mu.Unlock()
	adminPage(w, r, items)
}

func (s *Server) getEnvironmentIntegration(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, e := range s.environmentIntegrations() {
		if e["id"] == r.PathValue("id") {
			fake.WriteJSON(w, http.StatusOK, e)
			return
		}
	}
	trutoError(w, http.StatusNotFound, "Environment integration not found", nil)
}

// jsonClone deep-copies a JSON-shaped value.
func jsonClone(v any) any {
	b, _ := json.Marshal(v)
	var out any
	_ = json.Unmarshal(b, &out)
	return out
}
