package truto

import "net/url"

// Proxy returns a client for a resource of the integration's own API,
// reached through Truto's proxy API, /proxy/<resource>: for what the
// unified model does not cover. resource is the integration's own name
// for it, which can be case-sensitive ("Contact" on Salesforce); the
// capabilities of an account (IntegratedAccountsService.Capabilities)
// list the names. T is the integration's record shape: a struct of your
// own, or map[string]any.
//
// The client has the unified calls' methods, envelope and options, on
// the proxy's paths:
//
//	List, All  GET    /proxy/<resource>?integrated_account_id=...&limit=&next_cursor=
//	Get        GET    /proxy/<resource>/<id>
//	Create     POST   /proxy/<resource>
//	Update     PATCH  /proxy/<resource>/<id>
//	Delete     DELETE /proxy/<resource>/<id>
//	Method     POST   /proxy/<resource>/<method>
//
// A list answers with the unified envelope ({"result", "next_cursor",
// ...}), its records in the integration's own shape; Get answers with
// the integration's body as it is. Truto passes every query parameter on
// to the integration (ListParams.Filter, WithQuery). Writes carry an
// Idempotency-Key as unified writes do. Truto does not document the
// answers of proxy writes: they decode into T as the integration sends
// them (the {"result": ...} wrapper of a custom method is unwrapped).
// A sandbox account refuses proxy writes with 405.
func Proxy[T any](c *Client, resource string) *ResourceClient[T] {
	return &ResourceClient[T]{c: c, base: "/proxy/" + url.PathEscape(resource)}
}
