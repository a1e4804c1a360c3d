package trustcruit

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// CreateCustomerPath is the create-customer page of the web app
// (documented).
const CreateCustomerPath = "/customer/create/"

// CreateCustomerParams are the parameters of the create-customer page.
type CreateCustomerParams struct {
	// Callback is where Trustcruit sends the user back once the account
	// is set up, with the customer's sprancher id and auth token
	// (required; an absolute http or https URL). A query in it is kept,
	// so it can carry your own state, such as a CSRF token.
	Callback string `url:"callback"`
	// CustomerName pre-fills the customer's name (optional).
	CustomerName string `url:"customer_name,omitempty"`
	// AppURL replaces DefaultAppURL, the host of the page (optional).
	AppURL string `url:"-"`
}

// CreateCustomerURL returns the page to redirect a user to so that they
// set up a Trustcruit account:
//
//	GET <app>/customer/create/?callback=<url>&customer_name=<name>
func CreateCustomerURL(p CreateCustomerParams) (string, error) {
	if err := checkAbsoluteHTTP("Callback", p.Callback); err != nil {
		return "", err
	}
	app := DefaultAppURL
	if p.AppURL != "" {
		if err := checkAbsoluteHTTP("AppURL", p.AppURL); err != nil {
			return "", err
		}
		app = strings.TrimSuffix(p.AppURL, "/")
	}
	q, err := rest.Values(p)
	if err != nil {
		return "", err
	}
	return app + CreateCustomerPath + "?" + q.Encode(), nil
}

func checkAbsoluteHTTP(field, raw string) error {
	if raw == "" {
		return invalid(field, "required")
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return invalid(field, fmt.Sprintf("%q is not an absolute http or https URL", raw))
	}
	return nil
}

// Callback is what Trustcruit sends back to the callback URL once a
// customer is set up. Its String and formatting never show the token.
type Callback struct {
	// SprancherID identifies the customer: SubmitCandidateParams.SprancherID.
	SprancherID int
	// Token authenticates the customer's API calls: pass it to NewClient.
	Token string
	// Extra holds every other query parameter, your own state included.
	Extra url.Values
}

// String describes the callback without its token.
func (c Callback) String() string {
	return fmt.Sprintf("trustcruit.Callback{SprancherID: %d, Token: [REDACTED], Extra: %v}", c.SprancherID, c.Extra)
}

// Format prints String for every verb, so that no formatting shows the
// token.
func (c Callback) Format(f fmt.State, _ rune) { _, _ = io.WriteString(f, c.String()) }

// CallbackNames are the query parameter names the callback is read with.
// Trustcruit does not publish them; the defaults are DefaultCallbackNames.
type CallbackNames struct {
	// SprancherID is the name of the customer's id parameter.
	SprancherID string
	// Token lists the names the token may come under; the first present
	// one is used.
	Token []string
}

// DefaultCallbackNames are assumed: "sprancher_id" for the id, and the
// token under "token", "auth_token" or "auth".
var DefaultCallbackNames = CallbackNames{SprancherID: "sprancher_id", Token: []string{"token", "auth_token", "auth"}}

// ParseCallback reads the callback request's URL (r.URL in a handler)
// with DefaultCallbackNames; ParseCallbackNames takes other names. A
// missing, repeated, non-numeric or non-positive sprancher id, or a
// missing token, is a *ValidationError.
func ParseCallback(u *url.URL) (Callback, error) {
	return ParseCallbackNames(u, DefaultCallbackNames)
}

// ParseCallbackNames is ParseCallback with the parameter names given.
func ParseCallbackNames(u *url.URL, names CallbackNames) (Callback, error) {
	if u == nil {
		return Callback{}, invalid("callback URL", "missing")
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil {
		return Callback{}, invalid("callback URL", "malformed query: "+err.Error())
	}
	ids := q[names.SprancherID]
	switch {
	case len(ids) == 0 || ids[0] == "":
		return Callback{}, invalid(names.SprancherID, "missing from the callback")
	case len(ids) > 1:
		return Callback{}, invalid(names.SprancherID, fmt.Sprintf("given %d times in the callback", len(ids)))
	}
	id, err := strconv.Atoi(ids[0])
	if err != nil || id <= 0 {
		return Callback{}, invalid(names.SprancherID, fmt.Sprintf("%q is not a positive number", ids[0]))
	}
	cb := Callback{SprancherID: id, Extra: url.Values{}}
	delete(q, names.SprancherID)
	for _, name := range names.Token {
		if cb.Token == "" && q.Get(name) != "" {
			cb.Token = q.Get(name)
		}
		delete(q, name)
	}
	if cb.Token == "" {
		return Callback{}, invalid("token", fmt.Sprintf("missing from the callback (looked for %s)", strings.Join(names.Token, ", ")))
	}
	for k, v := range q {
		cb.Extra[k] = v
	}
	return cb, nil
}

// CallbackHandler returns the http.Handler to mount at your callback URL:
// it parses the callback with DefaultCallbackNames and hands the result
// to fn, which stores the customer and answers the user. A request that
// is not a GET gets 405; a callback that does not parse gets 400 with
// the reason (never the token), and fn is not called.
func CallbackHandler(fn func(w http.ResponseWriter, r *http.Request, cb Callback)) http.Handler {
	return CallbackHandlerNames(DefaultCallbackNames, fn)
}

// CallbackHandlerNames is CallbackHandler with the parameter names given.
func CallbackHandlerNames(names CallbackNames, fn func(w http.ResponseWriter, r *http.Request, cb Callback)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, "trustcruit callback: method not allowed", http.StatusMethodNotAllowed)
			return
		}
		cb, err := ParseCallbackNames(r.URL, names)
		if err != nil {
			http.Error(w, "trustcruit callback: "+err.Error(), http.StatusBadRequest)
			return
		}
		fn(w, r, cb)
	})
}
