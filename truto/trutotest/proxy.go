package trutotest

import (
	"maps"
	"net/http"

	"github.com/recruitkit/recruitkit-go/internal/fake"
)

// ProxyMethod answers a custom method of the proxy API for an account:
// body is the request's JSON object; the answer is sent as
// {"result": answer}, or Truto's error shape when err is not nil.
type ProxyMethod func(accountID string, body Record) (answer any, err error)

// routeProxy serves /proxy/<resource>: the integration's own resources,
// kept per account like the unified ones (seed them with AddRecord and
// model "proxy"), with the unified list envelope.
func (s *Server) routeProxy(mux *http.ServeMux) {
	mux.HandleFunc("GET /proxy/{resource}", s.api(s.list))
	mux.HandleFunc("POST /proxy/{resource}", s.api(s.idempotent(s.create)))
	mux.HandleFunc("GET /proxy/{resource}/{id}", s.api(s.get))
	mux.HandleFunc("PATCH /proxy/{resource}/{id}", s.api(s.idempotent(s.update)))
	mux.HandleFunc("DELETE /proxy/{resource}/{id}", s.api(s.idempotent(s.delete)))
	mux.HandleFunc("POST /proxy/{resource}/{id}", s.api(s.idempotent(s.proxyMethod)))
}

// HandleProxyMethod makes POST /proxy/<resource>/<method> answer with m.
func (s *Server) HandleProxyMethod(resource, method string, m ProxyMethod) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.proxyMethods[resource+"/"+method] = m
}

func (s *Server) proxyMethod(w http.ResponseWriter, r *http.Request, a *account) {
	body, ok := readObject(w, r)
	if !ok {
		return
	}
	s.mu.Lock()
	m := s.proxyMethods[r.PathValue("resource")+"/"+r.PathValue("id")]
	s.mu.Unlock()
	if m == nil {
		trutoError(w, http.StatusNotFound, "Method not found", nil)
		return
	}
	answer, err := m(a.id, maps.Clone(body))
	if err != nil {
		trutoError(w, http.StatusBadRequest, err.Error(), map[string]any{"truto_is_remote_error": true})
		return
	}
	fake.WriteJSON(w, http.StatusOK, Record{"result": answer})
}
