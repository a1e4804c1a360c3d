package recording

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/jarcoal/httpmock"
)

// Replayer answers requests from a cassette, through an httpmock
// transport: a request gets the answer of the first unused exchange
// that matches it (the next one only, with InOrder). A request that no
// exchange matches gets a 501 whose body, like the error Check
// returns, names the request and the nearest exchange with what
// differs. Replay wraps it for a test.
//
// It is safe for concurrent use.
type Replayer struct {
	name    string
	inOrder bool
	mt      *httpmock.MockTransport
	ex      []exchange
	report  func(error)

	mu    sync.Mutex
	used  []bool
	bound bindings
	errs  []error
}

// exchange is an interaction prepared for matching.
type exchange struct {
	in     Interaction
	path   string
	query  url.Values
	key    string // the request's Idempotency-Key, or ""
	body   any    // the request's JSON body, decoded
	isFile bool   // the request's body was left out
}

// NewReplayer returns a Replayer of c.
func NewReplayer(c *Cassette, opts ...Option) (*Replayer, error) {
	cfg, err := collect(opts)
	if err != nil {
		return nil, err
	}
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("recording: %w", err)
	}
	r := &Replayer{name: "the cassette", inOrder: cfg.inOrder, mt: httpmock.NewMockTransport(), used: make([]bool, len(c.Interactions))}
	routes := map[[2]string]bool{}
	for _, in := range c.Interactions {
		u, _ := url.Parse(in.Request.URL) // checked
		e := exchange{in: in, path: u.Path, query: parseQuery(u.RawQuery), key: in.Request.Header.Get("Idempotency-Key")}
		if len(in.Request.JSON) > 0 {
			if e.body, err = decodeJSON(in.Request.JSON); err != nil {
				return nil, fmt.Errorf("recording: %s %s: %w", in.Request.Method, in.Request.URL, err)
			}
		}
		e.isFile = in.Request.Text != "" && kindOf(in.Request.Text) == kindFile && pseudonymRE.FindString(in.Request.Text) == in.Request.Text
		r.ex = append(r.ex, e)
		if route := [2]string{in.Request.Method, u.EscapedPath()}; !routes[route] {
			routes[route] = true
			r.mt.RegisterResponder(route[0], route[1], r.respond)
		}
	}
	// A request on no recorded route is matched the same way, so that it
	// fails with the same explanation.
	r.mt.RegisterNoResponder(r.respond)
	return r, nil
}

// Client returns an *http.Client that replays the cassette: give it to a
// vendor package's WithHTTPClient.
func (r *Replayer) Client() *http.Client { return &http.Client{Transport: r.mt} }

// Transport returns the httpmock transport the replay answers from, to
// register responders for requests the cassette does not hold. One on a
// recorded method and path replaces the cassette's.
func (r *Replayer) Transport() *httpmock.MockTransport { return r.mt }

// Check returns an error for every request no exchange matched and for
// every exchange no request used; nil when the replay went as recorded.
func (r *Replayer) Check() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return errors.Join(append(slices.Clone(r.errs), r.unusedLocked()...)...)
}

func (r *Replayer) unused() []error {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.unusedLocked()
}

func (r *Replayer) unusedLocked() []error {
	var out []error
	for i, used := range r.used {
		if !used {
			in := r.ex[i].in.Request
			out = append(out, fmt.Errorf("recording: %s: exchange %d (%s %s) was not used", r.name, i, in.Method, in.URL))
		}
	}
	return out
}

// live is a request as the client sent it.
type live struct {
	method, path string
	query        url.Values
	key          string
	hasKey       bool
	body         []byte
	url          string // for messages, without the token
}

func (r *Replayer) respond(req *http.Request) (*http.Response, error) {
	l := live{method: req.Method, path: req.URL.Path, query: parseQuery(req.URL.RawQuery)}
	if l.method == "" {
		l.method = http.MethodGet
	}
	l.key, l.hasKey = req.Header.Get("Idempotency-Key"), req.Header.Get("Idempotency-Key") != ""
	if req.Body != nil {
		b, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		l.body = b
	}
	l.url = req.URL.String()
	if _, tok, ok := strings.Cut(req.Header.Get("Authorization"), " "); ok && len(tok) >= minSecret {
		l.url = strings.ReplaceAll(l.url, tok, redacted)
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	candidates := r.candidates()
	for _, i := range candidates {
		t := r.bound.trial()
		if r.match(i, l, t) == "" {
			t.commit()
			r.used[i] = true
			return r.answer(i, req)
		}
	}
	err := r.miss(l, candidates)
	r.errs = append(r.errs, err)
	if r.report != nil {
		r.report(err)
	}
	// 501: no client of this module retries it, so the test fails at once.
	return httpmock.NewStringResponse(http.StatusNotImplemented, err.Error()), nil
}

// candidates are the exchanges that may answer the next request.
func (r *Replayer) candidates() []int {
	var out []int
	for i, used := range r.used {
		if !used {
			out = append(out, i)
			if r.inOrder {
				break
			}
		}
	}
	return out
}

// miss explains why no exchange answers l, by the nearest one.
func (r *Replayer) miss(l live, candidates []int) error {
	head := fmt.Sprintf("recording: %s has no exchange for %s %s", r.name, l.method, l.url)
	if len(candidates) == 0 {
		return fmt.Errorf("%s: every exchange was used", head)
	}
	best, score := candidates[0], -1
	for _, i := range candidates {
		s := 0
		if r.ex[i].path == l.path {
			s += 2
		}
		if r.ex[i].in.Request.Method == l.method {
			s++
		}
		if s > score {
			best, score = i, s
		}
	}
	which := "nearest"
	if r.inOrder {
		which = "next in order"
	}
	in := r.ex[best].in.Request
	return fmt.Errorf("%s; %s: exchange %d (%s %s): %s", head, which, best, in.Method, in.URL, r.match(best, l, r.bound.trial()))
}

// match returns why exchange i does not answer l, or "" when it does,
// with the bindings it needs in t.
func (r *Replayer) match(i int, l live, t *trial) string {
	e := r.ex[i]
	if e.in.Request.Method != l.method {
		return "the method differs"
	}
	if why := t.unify(e.path, l.path); why != "" {
		return "path: " + why
	}
	if why := matchValues(e.query, l.query, "query", t); why != "" {
		return why
	}
	if e.key != "" {
		if !l.hasKey {
			return "header: no Idempotency-Key, the cassette has one"
		}
		if why := t.unify(e.key, l.key); why != "" {
			return "header: Idempotency-Key: " + why
		}
	}
	return r.matchBody(e, l, t)
}

// matchValues compares the parameters of a query or a form: names in
// any order, the values of a repeated name in order.
func matchValues(c, l url.Values, what string, t *trial) string {
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range c {
			if !yield(k) {
				return
			}
		}
		for k := range l {
			if _, dup := c[k]; !dup && !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		cv, lv := c[k], l[k]
		switch {
		case len(lv) == 0:
			return fmt.Sprintf("%s: %s is missing", what, k)
		case len(cv) == 0:
			return fmt.Sprintf("%s: %s=%s is not in the cassette", what, k, lv[0])
		case len(cv) != len(lv):
			return fmt.Sprintf("%s: %s has %d values, the cassette %d", what, k, len(lv), len(cv))
		}
		for j := range cv {
			if why := t.unify(cv[j], lv[j]); why != "" {
				return fmt.Sprintf("%s: %s: %s", what, k, why)
			}
		}
	}
	return ""
}

func (r *Replayer) matchBody(e exchange, l live, t *trial) string {
	cb := e.in.Request.Body
	switch {
	case e.body != nil || len(cb.JSON) > 0:
		v, err := decodeJSON(l.body)
		if err != nil {
			return fmt.Sprintf("body: the cassette has JSON, the request sends %d bytes that are not", len(l.body))
		}
		return matchJSON(e.body, v, "body", t)
	case e.isFile:
		if len(l.body) == 0 {
			return "body: the cassette has a file, the request sends none"
		}
		return ""
	case cb.Text != "" && isForm(e.in.Request.Header):
		return matchValues(parseQuery(cb.Text), parseQuery(string(l.body)), "form", t)
	case cb.Text != "":
		if why := t.unify(cb.Text, string(l.body)); why != "" {
			return "body: " + why
		}
		return ""
	case !bytes.Equal(cb.Base64, l.body):
		return fmt.Sprintf("body: the request sends %d bytes, not the cassette's %d", len(l.body), len(cb.Base64))
	}
	return ""
}

// matchJSON compares a JSON value of the cassette with the request's,
// objects by their keys whatever their order, numbers by their value.
func matchJSON(c, l any, path string, t *trial) string {
	switch cv := c.(type) {
	case map[string]any:
		lv, ok := l.(map[string]any)
		if !ok {
			return fmt.Sprintf("%s: the cassette has an object, the request sends %s", path, jsonText(l))
		}
		for _, k := range sortedKeys(cv) {
			if _, ok := lv[k]; !ok {
				return fmt.Sprintf("%s.%s is missing", path, k)
			}
			if why := matchJSON(cv[k], lv[k], path+"."+k, t); why != "" {
				return why
			}
		}
		for _, k := range sortedKeys(lv) {
			if _, ok := cv[k]; !ok {
				return fmt.Sprintf("%s.%s is not in the cassette", path, k)
			}
		}
		return ""
	case []any:
		lv, ok := l.([]any)
		if !ok || len(lv) != len(cv) {
			return fmt.Sprintf("%s: the cassette has %s, the request sends %s", path, jsonText(c), jsonText(l))
		}
		for i := range cv {
			if why := matchJSON(cv[i], lv[i], path+"["+strconv.Itoa(i)+"]", t); why != "" {
				return why
			}
		}
		return ""
	case string:
		lv, ok := l.(string)
		if !ok {
			return fmt.Sprintf("%s: the cassette has %s, the request sends %s", path, jsonText(c), jsonText(l))
		}
		if why := t.unify(cv, lv); why != "" {
			return path + ": " + why
		}
		return ""
	case json.Number:
		if lv, ok := l.(json.Number); ok && sameNumber(cv, lv) {
			return ""
		}
	default:
		if c == l {
			return ""
		}
	}
	return fmt.Sprintf("%s: the cassette has %s, the request sends %s", path, jsonText(c), jsonText(l))
}

func sameNumber(a, b json.Number) bool {
	if a == b {
		return true
	}
	x, errA := a.Float64()
	y, errB := b.Float64()
	return errA == nil && errB == nil && x == y
}

func jsonText(v any) string {
	b, err := encodeJSON(v)
	if err != nil {
		return fmt.Sprint(v)
	}
	if len(b) > 80 {
		return string(b[:77]) + "..."
	}
	return string(b)
}

// answer is exchange i's response, with the values the test sent in
// place of their pseudonyms.
func (r *Replayer) answer(i int, req *http.Request) (*http.Response, error) {
	rec := r.ex[i].in.Response
	var body []byte
	switch {
	case len(rec.JSON) > 0:
		v, err := decodeJSON(rec.JSON)
		if err != nil {
			return nil, err
		}
		if body, err = encodeJSON(r.substitute(v)); err != nil {
			return nil, err
		}
	case rec.Text != "":
		body = []byte(r.bound.replace(rec.Text))
	default:
		body = bytes.Clone(rec.Base64)
	}
	resp := httpmock.NewBytesResponse(rec.Status, body)
	resp.Status = strconv.Itoa(rec.Status) + " " + http.StatusText(rec.Status)
	resp.Header = rec.Header.Clone()
	if resp.Header == nil {
		resp.Header = http.Header{}
	}
	resp.Request = req
	return resp, nil
}

func (r *Replayer) substitute(v any) any {
	switch x := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(x) {
			v := r.substitute(x[k])
			if back := r.bound.replace(k); back != k {
				delete(x, k)
				k = back
			}
			x[k] = v
		}
	case []any:
		for i, e := range x {
			x[i] = r.substitute(e)
		}
	case string:
		return r.bound.replace(x)
	}
	return v
}

// bindings are what the pseudonyms of the cassette stand for in this
// replay: each pseudonym one value the test sent, each value (per kind)
// one pseudonym, so that a request repeats a value where the recording
// repeated it and differs where it differed.
type bindings struct {
	live     map[string]string // pseudonym -> value
	pseudo   map[string]string // kind NUL value -> pseudonym
	patterns map[string]*regexp.Regexp
}

// replace puts back the values the pseudonyms of s stand for.
func (b *bindings) replace(s string) string {
	if len(b.live) == 0 {
		return s
	}
	return pseudonymRE.ReplaceAllStringFunc(s, func(p string) string {
		if v, ok := b.live[p]; ok {
			return v
		}
		return p
	})
}

func (b *bindings) trial() *trial {
	return &trial{base: b, live: map[string]string{}, pseudo: map[string]string{}}
}

// trial are the bindings a match would add; commit keeps them.
type trial struct {
	base         *bindings
	live, pseudo map[string]string
}

func (t *trial) commit() {
	if t.base.live == nil {
		t.base.live, t.base.pseudo = map[string]string{}, map[string]string{}
	}
	for k, v := range t.live {
		t.base.live[k] = v
	}
	for k, v := range t.pseudo {
		t.base.pseudo[k] = v
	}
}

func (t *trial) lookup(m, base map[string]string, k string) (string, bool) {
	if v, ok := m[k]; ok {
		return v, true
	}
	v, ok := base[k]
	return v, ok
}

// bind makes pseudonym p of kind k stand for v, unless it or v is taken.
func (t *trial) bind(k Kind, p, v string) string {
	if cur, ok := t.lookup(t.live, t.base.live, p); ok {
		if cur == v {
			return ""
		}
		return fmt.Sprintf("%q stands for %q in this replay, the request sends %q", p, cur, v)
	}
	if q, ok := t.lookup(t.pseudo, t.base.pseudo, string(k)+"\x00"+v); ok {
		return fmt.Sprintf("the request sends %q for %q, but it stands for %q in this replay: the recording had two values there", v, p, q)
	}
	t.live[p], t.pseudo[string(k)+"\x00"+v] = v, p
	return ""
}

// unify matches a string of the cassette with the request's: equal,
// except that each pseudonym stands for a value (bound in t) and
// [REDACTED] and a file placeholder for anything.
func (t *trial) unify(c, l string) string {
	locs := pseudonymRE.FindAllStringIndex(c, -1)
	differ := func() string {
		// JSON in a string was recorded re-encoded (see scrubber.str):
		// compared by value, as a body is.
		if cv, ok := jsonInString(c); ok {
			if lv, ok := jsonInString(l); ok {
				return matchJSON(cv, lv, "(JSON in the string)", t)
			}
		}
		return fmt.Sprintf("the cassette has %q, the request sends %q", c, l)
	}
	if len(locs) == 0 {
		if c == l {
			return ""
		}
		return differ()
	}
	re, ok := t.base.patterns[c]
	if !ok {
		var p strings.Builder
		p.WriteString(`(?s)^`)
		last := 0
		for _, loc := range locs {
			p.WriteString(regexp.QuoteMeta(c[last:loc[0]]))
			p.WriteString(`(.+?)`)
			last = loc[1]
		}
		p.WriteString(regexp.QuoteMeta(c[last:]))
		p.WriteString(`$`)
		re = regexp.MustCompile(p.String())
		if t.base.patterns == nil {
			t.base.patterns = map[string]*regexp.Regexp{}
		}
		t.base.patterns[c] = re
	}
	m := re.FindStringSubmatch(l)
	if m == nil {
		return differ()
	}
	for j, loc := range locs {
		p := c[loc[0]:loc[1]]
		switch k := kindOf(p); k {
		case Secret, kindFile:
		default:
			if why := t.bind(k, p, m[j+1]); why != "" {
				return why
			}
		}
	}
	return ""
}
