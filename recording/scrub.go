package recording

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"maps"
	"mime"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"
)

// redacted replaces a credential, always the same so that it says
// nothing of the value.
const redacted = "[REDACTED]"

// neverRecorded are the headers no option can record.
var neverRecorded = map[string]bool{
	"Authorization": true, "Proxy-Authorization": true, "Cookie": true, "Set-Cookie": true,
}

// recordedHeaders are the headers recorded by default: what a client
// reads from an answer (its type, where it points, when to come back,
// the rate limits), and a write's Idempotency-Key, as a pseudonym.
var recordedHeaders = []string{
	"Content-Type", "Location", "Retry-After", "Idempotency-Key",
	"X-Ratelimit-Limit", "X-Ratelimit-Remaining", "X-Ratelimit-Reset",
	"Ratelimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset", "Ratelimit-Policy", "Ratelimit",
}

// pseudonymFormats are the pseudonyms of each kind (and the placeholder
// of a file left out). Each starts with its own prefix, by which kindOf
// tells the kind; pseudonymRE finds them all, and [REDACTED], in a
// cassette.
var pseudonymFormats = map[Kind]string{
	Email:    "email-%d@example.invalid",
	Name:     "Name %d",
	Phone:    "+00 0000 %04d",
	Address:  "Address %d",
	Text:     "Text %d",
	URL:      "https://example.invalid/url-%d",
	kindKey:  "idempotency-key-%d",
	kindFile: "[file %d: %d bytes left out]",
}

var pseudonymRE = func() *regexp.Regexp {
	verb := regexp.MustCompile(`%0?\d*d`)
	word := regexp.MustCompile(`^\w`)
	alts := []string{regexp.QuoteMeta(redacted)}
	for _, k := range slices.Sorted(maps.Keys(pseudonymFormats)) {
		f := pseudonymFormats[k]
		parts := verb.Split(f, -1)
		for i, p := range parts {
			parts[i] = regexp.QuoteMeta(p)
		}
		alt := strings.Join(parts, `\d+`)
		if word.MatchString(f) {
			alt = `\b` + alt // not the tail of a longer word
		}
		if strings.HasSuffix(alt, `\d+`) || word.MatchString(f[len(f)-1:]) {
			alt += `\b` // nor its head
		}
		alts = append(alts, alt)
	}
	return regexp.MustCompile(strings.Join(alts, "|"))
}()

// kindOf is the kind of a pseudonym pseudonymRE found; Secret for
// [REDACTED].
func kindOf(p string) Kind {
	for k, f := range pseudonymFormats {
		if prefix, _, _ := strings.Cut(f, "%"); strings.HasPrefix(p, prefix) {
			return k
		}
	}
	return Secret
}

// emailRE finds email addresses inside any string, declared or not.
var emailRE = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)

// loopbackRE finds a local test server's origin, whose port changes on
// every run: it is written as http://localhost.
var loopbackRE = regexp.MustCompile(`(https?://)(127\.0\.0\.1|localhost|\[::1\]):\d+`)

// secretKey reports whether a JSON key or query parameter names a
// credential.
func secretKey(key string) bool {
	k := strings.NewReplacer("_", "", "-", "", "[", "", "]", "").Replace(strings.ToLower(key))
	switch k {
	case "auth", "key", "pin", "otp":
		return true
	}
	for _, word := range []string{"token", "secret", "password", "passwd", "apikey", "credential", "authorization", "cookie", "signature", "sessionid"} {
		if strings.Contains(k, word) {
			return true
		}
	}
	return false
}

// pseudonyms numbers the values of each kind in the order they come: the
// same value always gets the same number within a cassette. It keeps no
// trace of the values beyond the recording's life, and the numbers say
// nothing of them.
type pseudonyms struct {
	of map[Kind]map[string]string
}

func (p *pseudonyms) get(k Kind, v string) string {
	m := p.kind(k)
	if name, ok := m[v]; ok {
		return name
	}
	name := fmt.Sprintf(pseudonymFormats[k], len(m)+1)
	m[v] = name
	return name
}

func (p *pseudonyms) kind(k Kind) map[string]string {
	if p.of == nil {
		p.of = map[Kind]map[string]string{}
	}
	m := p.of[k]
	if m == nil {
		m = map[string]string{}
		p.of[k] = m
	}
	return m
}

// file is the placeholder of a body left out: the same content gets the
// same number.
func (p *pseudonyms) file(b []byte) string {
	sum := sha256.Sum256(b)
	m := p.kind(kindFile)
	key := string(sum[:])
	if name, ok := m[key]; ok {
		return name
	}
	name := fmt.Sprintf(pseudonymFormats[kindFile], len(m)+1, len(b))
	m[key] = name
	return name
}

// scrubber turns live exchanges into what a cassette may hold. It is
// not safe for concurrent use.
type scrubber struct {
	decl      *declarations
	hooks     []func(Value) Kind
	secrets   []string
	headers   map[string]bool
	keepFiles bool
	names     pseudonyms
}

func newScrubber(c *config) (*scrubber, error) {
	types := c.types
	if !c.typesSet {
		types = vendorDeclarations()
	}
	d, err := declare(types)
	if err != nil {
		return nil, err
	}
	for k, kind := range c.extra {
		d.add("", k, rule{kind: kind})
	}
	s := &scrubber{decl: d, hooks: c.hooks, keepFiles: c.keepFiles, headers: map[string]bool{}}
	for _, h := range append(slices.Clone(recordedHeaders), c.headers...) {
		s.headers[h] = true
	}
	for _, sec := range c.secrets {
		s.addSecret(sec)
	}
	return s, nil
}

// minSecret is the shortest credential replaced wherever it appears: a
// shorter one would take ordinary text with it. It is still never
// recorded in a header, nor under a credential's key.
const minSecret = 6

func (s *scrubber) addSecret(sec string) {
	sec = strings.TrimSpace(sec)
	if len(sec) < minSecret || slices.Contains(s.secrets, sec) {
		return
	}
	s.secrets = append(s.secrets, sec)
	// The longest first, so that one that contains another goes whole.
	slices.SortFunc(s.secrets, func(a, b string) int { return len(b) - len(a) })
}

// credentials takes as secrets the token of an Authorization header,
// the values of cookies and the value of any other header whose name
// says it holds a credential (X-Api-Key, X-Auth-Token), so that they
// are removed wherever else they appear.
func (s *scrubber) credentials(h http.Header) {
	for name, vals := range h {
		canonical := http.CanonicalHeaderKey(name)
		if !secretKey(canonical) {
			continue
		}
		for _, v := range vals {
			switch canonical {
			case "Authorization", "Proxy-Authorization":
				if _, tok, ok := strings.Cut(strings.TrimSpace(v), " "); ok {
					v = tok
				}
			case "Cookie":
				if cookies, err := http.ParseCookie(v); err == nil {
					for _, c := range cookies {
						s.addSecret(c.Value)
					}
				}
			case "Set-Cookie":
				if c, err := http.ParseSetCookie(v); err == nil {
					s.addSecret(c.Value)
				}
			}
			s.addSecret(v)
		}
	}
}

// interaction scrubs one exchange.
func (s *scrubber) interaction(req *http.Request, reqBody []byte, resp *http.Response, respBody []byte) Interaction {
	s.credentials(req.Header)
	s.credentials(resp.Header)
	method := req.Method
	if method == "" {
		method = http.MethodGet
	}
	return Interaction{
		Request: Request{
			Method: method, URL: s.url(req.URL),
			Header: s.header(req.Header), Body: s.body(reqBody, req.Header),
		},
		Response: Response{
			Status: resp.StatusCode,
			Header: s.header(resp.Header), Body: s.body(respBody, resp.Header),
		},
	}
}

// url scrubs a URL: no user info or fragment, a local server without its
// port, credentials and personal values out of the path and query (as
// sorted by url.Values.Encode).
func (s *scrubber) url(u *url.URL) string {
	out := *u
	out.User, out.Fragment, out.RawFragment = nil, "", ""
	if isLoopback(out.Hostname()) {
		out.Host = "localhost"
	}
	if p := s.plain(out.EscapedPath()); p != out.EscapedPath() {
		if unescaped, err := url.PathUnescape(p); err == nil {
			out.Path, out.RawPath = unescaped, p
		}
	}
	// And as decoded, for what the client escaped: an email's @ as %40.
	if p := s.plain(out.Path); p != out.Path {
		out.Path, out.RawPath = p, ""
	}
	if out.RawQuery != "" {
		out.RawQuery = s.query(parseQuery(out.RawQuery)).Encode()
	}
	return out.String()
}

// parseQuery reads a query as url.ParseQuery does, but keeps the pairs
// it refuses (a semicolon, a bad escape) rather than dropping them, so
// that the scrubber and a replay see every parameter.
func parseQuery(raw string) url.Values {
	if q, err := url.ParseQuery(raw); err == nil {
		return q
	}
	q := url.Values{}
	for pair := range strings.SplitSeq(raw, "&") {
		if pair == "" {
			continue
		}
		k, v, _ := strings.Cut(pair, "=")
		if u, err := url.QueryUnescape(k); err == nil {
			k = u
		}
		if u, err := url.QueryUnescape(v); err == nil {
			v = u
		}
		q[k] = append(q[k], v)
	}
	return q
}

// linkWithCredentials parses v as an absolute web address that carries a
// credential or a declared value in its user info or query: such a link
// in a body is scrubbed as the request's URL is. A link with nothing to
// remove is left to plain, and so written as it came.
func (s *scrubber) linkWithCredentials(v string) (*url.URL, bool) {
	if !strings.HasPrefix(v, "http://") && !strings.HasPrefix(v, "https://") || strings.ContainsAny(v, " \t\r\n") {
		return nil, false
	}
	u, err := url.Parse(v)
	if err != nil || u.Host == "" {
		return nil, false
	}
	if u.User != nil {
		return u, true
	}
	for key := range parseQuery(u.RawQuery) {
		if secretKey(key) {
			return u, true
		}
		if _, ok := s.decl.lookup("", queryName(key)); ok {
			return u, true
		}
	}
	return nil, false
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// query scrubs query parameters, a bracketed name by its last part (see
// queryName).
func (s *scrubber) query(q url.Values) url.Values {
	out := make(url.Values, len(q))
	// In the order of the names, so that pseudonyms are numbered alike
	// on every recording of the same request.
	for _, key := range slices.Sorted(maps.Keys(q)) {
		vals := q[key]
		var kind Kind
		if secretKey(key) {
			kind = Secret
		} else if r, ok := s.decl.lookup("", queryName(key)); ok && r.entries == nil {
			kind = r.kind
		}
		clean := make([]string, len(vals))
		for i, v := range vals {
			clean[i] = s.str(v, "?"+key, kind)
		}
		out[key] = clean
	}
	return out
}

// queryName is the name a query parameter is declared by: the last
// part of a bracketed name such as remote_query[candidate][email].
func queryName(key string) string {
	name := strings.TrimSuffix(key, "[]")
	if i := strings.LastIndexByte(name, '['); i >= 0 && strings.HasSuffix(name, "]") {
		name = name[i+1 : len(name)-1]
	}
	return name
}

// header keeps the recorded headers, scrubbed.
func (s *scrubber) header(h http.Header) http.Header {
	var out http.Header
	// In the order of the names, for the pseudonyms' numbers (see query).
	for _, name := range slices.Sorted(maps.Keys(h)) {
		vals := h[name]
		canonical := http.CanonicalHeaderKey(name)
		if !s.headers[canonical] || neverRecorded[canonical] {
			continue
		}
		clean := make([]string, len(vals))
		for i, v := range vals {
			switch {
			case secretKey(canonical):
				// Recorded with WithHeaders, such as X-Api-Key: that it
				// was there, not what it was.
				clean[i] = redacted
			case canonical == "Idempotency-Key":
				clean[i] = s.names.get(kindKey, v)
			case canonical == "Location":
				if u, err := url.Parse(v); err == nil {
					clean[i] = s.url(u)
				} else {
					clean[i] = s.plain(v)
				}
			default:
				clean[i] = s.plain(v)
			}
		}
		if out == nil {
			out = http.Header{}
		}
		out[canonical] = append(out[canonical], clean...)
	}
	return out
}

// body scrubs a body: JSON field by field; anything else is a file,
// left out unless KeepFiles, which keeps a form (its header h says
// which) scrubbed as a query.
func (s *scrubber) body(b []byte, h http.Header) Body {
	if len(b) == 0 {
		return Body{}
	}
	if v, err := decodeJSON(b); err == nil {
		raw, err := encodeJSON(s.walk(v, "", "", ""))
		if err == nil {
			return Body{JSON: raw}
		}
	}
	switch {
	case !s.keepFiles:
		return Body{Text: s.names.file(b)}
	case isForm(h) && isText(b):
		return Body{Text: s.query(parseQuery(string(b))).Encode()}
	case isText(b):
		return Body{Text: s.plain(string(b))}
	}
	return Body{Base64: bytes.Clone(b)}
}

// walk scrubs a decoded JSON value in place and returns it. path is its
// JSON path; container is the key of the object or array that holds it
// (for the declarations of nested types); kind is the kind a declared
// key above it gave it, "" when none.
func (s *scrubber) walk(v any, path, container string, kind Kind) any {
	switch x := v.(type) {
	case map[string]any:
		for _, key := range sortedKeys(x) {
			// A key can be data too: Truto's truto_key_by=email keys a
			// list by email address.
			if clean := s.plain(key); clean != key {
				x[clean] = x[key]
				delete(x, key)
				key = clean
			}
			child := key
			if path != "" {
				child = path + "." + key
			}
			switch r, declared := s.decl.lookup(container, key); {
			case secretKey(key):
				x[key] = s.walk(x[key], child, key, Secret)
			case kind != "" || !declared:
				x[key] = s.walk(x[key], child, key, kind)
			case r.entries != nil:
				x[key] = s.entries(x[key], child, key, r)
			default:
				x[key] = s.walk(x[key], child, key, r.kind)
			}
		}
	case []any:
		for i := range x {
			x[i] = s.walk(x[i], path+"[]", container, kind)
		}
	case string:
		return s.str(x, path, kind)
	case json.Number:
		if kind != "" && kind != Secret {
			// A declared number (none of the vendors declares one) keeps
			// its type and loses its value. Under a credential's key a
			// number is a count or a lifetime ("token_expires_in").
			return json.Number("0")
		}
	}
	return v
}

// entries scrubs the declared entries of an object, such as the
// "Recruiter name" of Trustcruit's tags, and the others as undeclared.
func (s *scrubber) entries(v any, path, key string, r rule) any {
	m, ok := v.(map[string]any)
	if !ok {
		return s.walk(v, path, key, "")
	}
	for _, entry := range sortedKeys(m) {
		kind := Kind("")
		if r.entries[strings.ToLower(entry)] {
			kind = r.kind
		}
		m[entry] = s.walk(m[entry], path+"."+entry, key, kind)
	}
	return m
}

// str scrubs one string: a value of a declared kind (or of the kind a
// hook gives) becomes its pseudonym; any other keeps its text without
// credentials and email addresses.
func (s *scrubber) str(v, path string, kind Kind) string {
	if v == "" {
		return v
	}
	if kind != Secret {
		for _, hook := range s.hooks {
			kind = hook(Value{Path: path, Value: v, Kind: kind})
		}
	}
	switch {
	case kind == Secret:
		return redacted
	case kind.valid():
		return s.names.get(kind, v)
	case kind != "":
		return s.names.get(Text, v) // a hook's unknown kind: personal all the same
	}
	if u, ok := s.linkWithCredentials(v); ok {
		return s.url(u)
	}
	if nested, ok := jsonInString(v); ok {
		// JSON sent as a string is scrubbed as JSON, so that its
		// credentials and declared keys go too.
		if b, err := encodeJSON(s.walk(nested, path, "", "")); err == nil {
			return string(b)
		}
	}
	return s.plain(v)
}

// jsonInString decodes a string that holds a JSON object or array.
func jsonInString(v string) (any, bool) {
	t := strings.TrimSpace(v)
	if t == "" || (t[0] != '{' && t[0] != '[') {
		return nil, false
	}
	x, err := decodeJSON([]byte(t))
	if err != nil {
		return nil, false
	}
	switch x.(type) {
	case map[string]any, []any:
		return x, true
	}
	return nil, false
}

// plain removes credentials, email addresses and a local server's port
// from free text.
func (s *scrubber) plain(v string) string {
	for _, sec := range s.secrets {
		v = strings.ReplaceAll(v, sec, redacted)
	}
	v = emailRE.ReplaceAllStringFunc(v, func(addr string) string {
		if pseudonymRE.MatchString(addr) {
			return addr // already scrubbed
		}
		return s.names.get(Email, addr)
	})
	return loopbackRE.ReplaceAllString(v, "${1}localhost")
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// decodeJSON decodes one JSON value, numbers kept as written.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("recording: trailing data after a JSON value")
	}
	return v, nil
}

// encodeJSON writes v compactly, object keys sorted, without escaping
// <, > and & (a cassette is read by people, not put in HTML).
func encodeJSON(v any) (json.RawMessage, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n")), nil
}

// isForm reports whether h says its body is a URL-encoded form.
func isForm(h http.Header) bool {
	mt, _, _ := mime.ParseMediaType(h.Get("Content-Type"))
	return mt == "application/x-www-form-urlencoded"
}

// isText reports whether b reads as text: valid UTF-8 without control
// characters other than tabs and line ends.
func isText(b []byte) bool {
	if !utf8.Valid(b) {
		return false
	}
	for _, r := range string(b) {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0x7f {
			return false
		}
	}
	return true
}
