package testgorilla

import (
	"bytes"
	"io"
	"net/http"
	"slices"
	"sync"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// A call that hands its answer over unread (RenderPDF) builds the error
// of an answer it refuses here, as the core builds the others': without
// a secret, and quoting at most snippetBytes.

// snippetBytes is how much of an unexpected answer a DecodeError quotes,
// as the core's errors do.
const snippetBytes = 256

// streamDecodeError is the *DecodeError of a streamed success that is not
// what the call expected. head is what the caller read of the body; nil
// reads the start of it here. The body is closed.
func (c *Client) streamDecodeError(resp *http.Response, r *rest.Request, attempts int, expected string, head []byte, cause error) *DecodeError {
	secrets := c.secrets.list()
	longest := 0
	for _, s := range secrets {
		longest = max(longest, len(s))
	}
	if head == nil {
		// A secret's length past the snippet, so that a secret across the
		// cut is removed whole before the snippet is cut.
		head, _ = io.ReadAll(io.LimitReader(resp.Body, snippetBytes+int64(longest)))
	}
	_ = resp.Body.Close()
	head = redactSecrets(bytes.Clone(head[:min(len(head), snippetBytes+longest)]), secrets)
	header := resp.Header.Clone()
	for _, vs := range header {
		for i, v := range vs {
			vs[i] = string(redactSecrets([]byte(v), secrets))
		}
	}
	return &DecodeError{
		Method: r.Method, URL: publicURL(resp), StatusCode: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		Expected: expected, Snippet: string(head[:min(len(head), snippetBytes)]), Header: header,
		Attempts: attempts, Err: cause,
	}
}

// publicURL is the answer's URL without its query: scheme, host and path.
func publicURL(resp *http.Response) string {
	if resp.Request == nil || resp.Request.URL == nil {
		return ""
	}
	u := *resp.Request.URL
	u.RawQuery, u.ForceQuery, u.Fragment, u.RawFragment, u.User = "", false, "", "", nil
	return u.String()
}

// redactSecrets replaces every secret in b.
func redactSecrets(b []byte, secrets []string) []byte {
	for _, s := range secrets {
		if s != "" {
			b = bytes.ReplaceAll(b, []byte(s), []byte("[REDACTED]"))
		}
	}
	return b
}

// secretSet is what no error this package builds itself may show: the
// token, a WithLogin password, and the tokens logins got.
type secretSet struct {
	mu  sync.Mutex
	all []string
}

func (s *secretSet) add(v string) {
	if v == "" {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.all = append(s.all, v)
}

func (s *secretSet) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.all)
}
