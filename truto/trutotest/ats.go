package trutotest

import (
	"cmp"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// serves refuses a method that the Unified ATS API does not have for the
// resource (atsMethods, generated from package truto's table), as Truto
// answers for a method an integration does not map. op is the method's
// name; "" takes it from the path (a custom method). Other models pass.
func serves(op string, h func(http.ResponseWriter, *http.Request, *account)) func(http.ResponseWriter, *http.Request, *account) {
	return func(w http.ResponseWriter, r *http.Request, a *account) {
		if r.PathValue("model") == "ats" {
			op := cmp.Or(op, r.PathValue("id"))
			methods, known := atsMethods[r.PathValue("resource")]
			if !known {
				trutoError(w, http.StatusNotFound, "Resource "+r.PathValue("resource")+" is not part of the unified ats model", nil)
				return
			}
			if !slices.Contains(methods, op) {
				trutoError(w, http.StatusNotFound, "Method "+op+" is not supported for ats/"+r.PathValue("resource"), nil)
				return
			}
		}
		h(w, r, a)
	}
}

// atsRule answers for a rule of an ATS that the fake enforces on a list
// (query) or a create (body, non-nil): the documented required
// parameters, as Truto reports them (truto_error_insight). It reports
// whether it answered.
func atsRule(w http.ResponseWriter, key string, q url.Values, body Record) bool {
	missing := func(kind, name string) bool {
		trutoError(w, http.StatusBadRequest, "", map[string]any{"truto_error_insight": map[string]any{
			kind: map[string]any{"description": "Required by the integration", "value": []string{name}},
		}})
		return true
	}
	switch {
	case key == "ats/job_form_fields" && body == nil && q.Get("job_id") == "":
		return missing("missing_required_query_parameters", "job_id")
	case key == "ats/activities" && body != nil && body["candidate_id"] == nil:
		return missing("missing_required_body_fields", "candidate_id")
	}
	return false
}

// matches applies a list's own filters (the query parameters that are
// not Truto's or paging's) to a record: x_id=v matches a record whose
// x is {"id": v} or whose x_id is v; any other name=v, a record whose
// name is v. Every filter must match.
func matches(rec Record, q url.Values) bool {
	for name, values := range q {
		if strings.HasPrefix(name, "truto_") || strings.HasPrefix(name, "remote_query") ||
			name == "integrated_account_id" || name == "limit" || name == "next_cursor" {
			continue
		}
		want := values[0]
		got, ok := rec[name]
		if base, isRef := strings.CutSuffix(name, "_id"); isRef && !ok {
			if ref, isObj := rec[base].(map[string]any); isObj {
				got, ok = ref["id"], true
			}
		}
		if !ok || fmt.Sprint(got) != want {
			return false
		}
	}
	return true
}
