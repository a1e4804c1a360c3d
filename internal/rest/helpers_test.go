package rest

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/require"
)

const testToken = "s3cr3t-t0ken-value"

// testVendor speaks a DRF-like error shape: {"detail": "..."}.
var testVendor = Vendor{
	Name:       "acme",
	BaseURL:    "https://api.acme.test",
	AuthScheme: "Token",
	ParseError: func(e *APIError) {
		var body struct {
			Detail string `json:"detail"`
		}
		if json.Unmarshal(e.Body, &body) == nil {
			e.Message = body.Detail
		}
	},
}

// fastRetry keeps tests quick: three retries, 1 to 20 ms apart.
var fastRetry = WithRetry(3, time.Millisecond, 20*time.Millisecond)

// newMocked returns a client whose attempts go to a fresh httpmock
// transport. A route the test did not register answers 501, which is not
// retried, so a missed route fails at once.
func newMocked(t *testing.T, opts ...Option) (*Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewStringResponder(http.StatusNotImplemented, `{"detail":"no route"}`))
	c, err := New(testVendor, testToken, append([]Option{WithHTTPClient(&http.Client{Transport: mt}), fastRetry}, opts...)...)
	require.NoError(t, err)
	return c, mt
}

// countingServer is a real local server that answers each request with
// the next of handlers (the last one repeats) and counts the requests.
type countingServer struct {
	*httptest.Server
	hits atomic.Int32
}

func newCountingServer(t *testing.T, handlers ...http.HandlerFunc) *countingServer {
	t.Helper()
	s := &countingServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := int(s.hits.Add(1))
		handlers[min(n, len(handlers))-1](w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *countingServer) client(t *testing.T, opts ...Option) *Client {
	t.Helper()
	c, err := New(testVendor, testToken, append([]Option{WithBaseURL(s.URL), fastRetry}, opts...)...)
	require.NoError(t, err)
	return c
}

func status(code int, body string, header ...string) http.HandlerFunc {
	return func(w http.ResponseWriter, _ *http.Request) {
		for i := 0; i+1 < len(header); i += 2 {
			w.Header().Set(header[i], header[i+1])
		}
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(code)
		_, _ = w.Write([]byte(body))
	}
}
