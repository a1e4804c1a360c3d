package recording

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
)

// version is the cassette format's version; Load refuses others.
const version = 1

// Cassette is a recorded conversation with an API: a JSON document of
// its exchanges, in the order they ended, keys sorted and indented by
// two spaces so that a re-recording diffs line by line.
type Cassette struct {
	Version      int           `json:"version"` // 1, the only version so far
	Interactions []Interaction `json:"interactions"`
}

// Interaction is one request and its answer.
type Interaction struct {
	Request  Request  `json:"request"`
	Response Response `json:"response"`
}

// Request is a recorded request. URL is absolute, with its query sorted;
// a local test server's host is written localhost, without its port.
type Request struct {
	Method string
	URL    string
	Header http.Header
	Body
}

// Response is a recorded answer.
type Response struct {
	Status int
	Header http.Header
	Body
}

// Body is a recorded body, in one of three forms, or none when empty: a
// JSON value ("body"), text ("body_text") or bytes in base64
// ("body_base64").
type Body struct {
	JSON   json.RawMessage `json:"body,omitempty"`
	Text   string          `json:"body_text,omitempty"`
	Base64 []byte          `json:"body_base64,omitempty"`
}

// MarshalJSON writes the request with its headers as header, each one a
// string (a list when it has several values).
func (r Request) MarshalJSON() ([]byte, error) {
	return encodeJSON(requestJSON{Method: r.Method, URL: r.URL, Header: headerJSON(r.Header), Body: r.Body})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Request) UnmarshalJSON(b []byte) error {
	var j requestJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Request{Method: j.Method, URL: j.URL, Header: http.Header(j.Header), Body: j.Body}
	return nil
}

// MarshalJSON writes the response as Request.MarshalJSON does.
func (r Response) MarshalJSON() ([]byte, error) {
	return encodeJSON(responseJSON{Status: r.Status, Header: headerJSON(r.Header), Body: r.Body})
}

// UnmarshalJSON reads what MarshalJSON writes.
func (r *Response) UnmarshalJSON(b []byte) error {
	var j responseJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*r = Response{Status: j.Status, Header: http.Header(j.Header), Body: j.Body}
	return nil
}

// requestJSON and responseJSON are the saved forms, fields in the order
// a reader wants them.
type requestJSON struct {
	Method string     `json:"method"`
	URL    string     `json:"url"`
	Header headerJSON `json:"header,omitempty"`
	Body
}

type responseJSON struct {
	Status int        `json:"status"`
	Header headerJSON `json:"header,omitempty"`
	Body
}

// headerJSON is a header saved with a one-value field as a string, so
// that it takes one line.
type headerJSON http.Header

func (h headerJSON) MarshalJSON() ([]byte, error) {
	m := make(map[string]any, len(h))
	for k, vs := range h {
		if len(vs) == 0 {
			continue
		}
		if len(vs) == 1 {
			m[k] = vs[0]
		} else {
			m[k] = vs
		}
	}
	return encodeJSON(m)
}

func (h *headerJSON) UnmarshalJSON(b []byte) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(b, &m); err != nil {
		return err
	}
	if m == nil {
		*h = nil
		return nil
	}
	out := make(headerJSON, len(m))
	for k, raw := range m {
		if string(raw) == "null" {
			continue
		}
		var one string
		if err := json.Unmarshal(raw, &one); err == nil {
			out[http.CanonicalHeaderKey(k)] = append(out[http.CanonicalHeaderKey(k)], one)
			continue
		}
		var many []string
		if err := json.Unmarshal(raw, &many); err != nil {
			return fmt.Errorf("header %s: want a string or a list of strings", k)
		}
		if len(many) > 0 {
			out[http.CanonicalHeaderKey(k)] = append(out[http.CanonicalHeaderKey(k)], many...)
		}
	}
	*h = out
	return nil
}

func (b Body) check() error {
	forms := 0
	for _, set := range []bool{len(b.JSON) > 0, b.Text != "", len(b.Base64) > 0} {
		if set {
			forms++
		}
	}
	if forms > 1 {
		return errors.New("more than one of body, body_text and body_base64")
	}
	return nil
}

// Load reads a cassette file.
func Load(path string) (*Cassette, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("recording: %w", err)
	}
	c, err := Parse(b)
	if err != nil {
		return nil, fmt.Errorf("recording: %s: %w", path, errors.Unwrap(err))
	}
	return c, nil
}

// Parse reads a cassette, and refuses one a replay could not serve: an
// unknown version, a method that is not an upper-case token, a URL
// without an absolute path, a status outside 100-599, an invalid header,
// or a body in two forms.
func Parse(b []byte) (*Cassette, error) {
	var c Cassette
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, fmt.Errorf("recording: %w", err)
	}
	if err := c.check(); err != nil {
		return nil, fmt.Errorf("recording: %w", err)
	}
	return &c, nil
}

func (c *Cassette) check() error {
	if c.Version != version {
		return fmt.Errorf("version %d: want %d", c.Version, version)
	}
	for i, in := range c.Interactions {
		if err := in.check(); err != nil {
			return fmt.Errorf("interaction %d: %w", i, err)
		}
	}
	return nil
}

func (in Interaction) check() error {
	r := in.Request
	if r.Method == "" || strings.TrimFunc(r.Method, func(c rune) bool { return c >= 'A' && c <= 'Z' }) != "" {
		return fmt.Errorf("method %q: want an upper-case token such as GET", r.Method)
	}
	u, err := url.Parse(r.URL)
	if err != nil {
		return fmt.Errorf("url: %w", err)
	}
	if !strings.HasPrefix(u.EscapedPath(), "/") {
		return fmt.Errorf("url %q: want an absolute path", r.URL)
	}
	if _, err := url.ParseQuery(u.RawQuery); err != nil {
		return fmt.Errorf("url %q: %w", r.URL, err)
	}
	if s := in.Response.Status; s < 100 || s > 599 {
		return fmt.Errorf("status %d: want 100-599", s)
	}
	for _, h := range []http.Header{r.Header, in.Response.Header} {
		if err := checkHeader(h); err != nil {
			return err
		}
	}
	if err := r.check(); err != nil {
		return fmt.Errorf("request: %w", err)
	}
	if err := in.Response.check(); err != nil {
		return fmt.Errorf("response: %w", err)
	}
	return nil
}

func checkHeader(h http.Header) error {
	for name, vals := range h {
		if name == "" || strings.ContainsFunc(name, func(r rune) bool {
			return r <= ' ' || r >= 0x7f || strings.ContainsRune(`"(),/:;<=>?@[\]{}`, r)
		}) {
			return fmt.Errorf("header name %q is not a token", name)
		}
		for _, v := range vals {
			if strings.ContainsAny(v, "\r\n\x00") {
				return fmt.Errorf("header %s: a value with a line break or NUL", name)
			}
		}
	}
	return nil
}

// marshal writes the cassette as it is saved: keys sorted, indented by
// two spaces, ending with a newline.
func (c *Cassette) marshal() ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(c); err != nil {
		return nil, fmt.Errorf("recording: %w", err)
	}
	return buf.Bytes(), nil
}

// Save writes the cassette to path, creating its folder, and replaces
// the file only once it is complete.
func (c *Cassette) Save(path string) error {
	b, err := c.marshal()
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("recording: %w", err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".cassette-*")
	if err != nil {
		return fmt.Errorf("recording: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a failure; gone after the rename
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return fmt.Errorf("recording: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("recording: %w", err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return fmt.Errorf("recording: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("recording: %w", err)
	}
	return nil
}
