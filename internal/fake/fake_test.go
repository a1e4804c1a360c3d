package fake

import (
	"context"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newServer(t *testing.T) (*Server, *atomic.Int32) {
	t.Helper()
	handled := new(atomic.Int32)
	s := New(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		handled.Add(1)
		WriteJSON(w, http.StatusOK, map[string]string{"hello": "world, from the real handler"})
	}), DetailError)
	t.Cleanup(s.Close)
	return s, handled
}

func get(t *testing.T, s *Server, path string) (*http.Response, string, error) {
	t.Helper()
	resp, err := http.Post(s.URL()+path, "application/json", strings.NewReader(`{"n":1}`))
	if err != nil {
		return nil, "", err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp, string(b), err
}

func TestFaultsAnswerInOrderAndOnlyTheirRequest(t *testing.T) {
	s, handled := newServer(t)
	s.Inject(Fault{Path: "/b", Status: 418, Body: "teapot"})
	s.FailNext(1, 503)

	resp, body, err := get(t, s, "/a")
	require.NoError(t, err)
	assert.Equal(t, 503, resp.StatusCode, "FailNext matches any path")
	assert.JSONEq(t, `{"detail":"injected 503"}`, body)

	resp, _, err = get(t, s, "/a")
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode, "the /b fault waits for /b")
	assert.Equal(t, 1, s.PendingFaults())

	resp, body, err = get(t, s, "/b")
	require.NoError(t, err)
	assert.Equal(t, 418, resp.StatusCode)
	assert.Equal(t, "teapot", body)
	assert.EqualValues(t, 1, handled.Load())

	reqs := s.Requests()
	require.Len(t, reqs, 3)
	assert.Equal(t, Request{Method: "POST", Path: "/b", Query: reqs[2].Query, Header: reqs[2].Header, Body: []byte(`{"n":1}`)}, reqs[2])
	s.ResetRequests()
	assert.Empty(t, s.Requests())
}

func TestAfterHandlerActsThenFails(t *testing.T) {
	s, handled := newServer(t)
	s.Inject(Fault{Status: 500, AfterHandler: true})
	resp, _, err := get(t, s, "/")
	require.NoError(t, err)
	assert.Equal(t, 500, resp.StatusCode)
	assert.EqualValues(t, 1, handled.Load())
}

func TestDropAndCutBodyBreakTheConnection(t *testing.T) {
	s, _ := newServer(t)
	s.Inject(Fault{Drop: true})
	_, _, err := get(t, s, "/")
	assert.Error(t, err)

	s.Inject(Fault{CutBody: true})
	resp, body, err := get(t, s, "/")
	require.NotNil(t, resp)
	assert.Equal(t, 200, resp.StatusCode)
	assert.ErrorIs(t, err, io.ErrUnexpectedEOF)
	assert.Equal(t, `{"hello":"world, fro`, body, "half of the real answer")
}

func TestDelayAndHang(t *testing.T) {
	s, _ := newServer(t)
	s.Inject(Fault{Delay: 150 * time.Millisecond})
	start := time.Now()
	resp, _, err := get(t, s, "/")
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.GreaterOrEqual(t, time.Since(start), 150*time.Millisecond)

	s.Inject(Fault{Hang: true})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL(), nil)
	_, err = http.DefaultClient.Do(req)
	assert.ErrorIs(t, err, context.DeadlineExceeded)
}

func TestAuthToken(t *testing.T) {
	r, _ := http.NewRequest(http.MethodGet, "/", nil)
	_, ok := AuthToken(r, "Token")
	assert.False(t, ok)
	r.Header.Set("Authorization", "token abc ")
	tok, ok := AuthToken(r, "Token")
	assert.True(t, ok)
	assert.Equal(t, "abc", tok)
	_, ok = AuthToken(r, "Bearer")
	assert.False(t, ok)
}

func TestLatencyHoldsEveryRequestBack(t *testing.T) {
	s, handled := newServer(t)
	s.SetLatency(30 * time.Millisecond)
	start := time.Now()
	resp, _, err := get(t, s, "/a")
	require.NoError(t, err)
	assert.Equal(t, 200, resp.StatusCode)
	assert.GreaterOrEqual(t, time.Since(start), 30*time.Millisecond)
	assert.EqualValues(t, 1, handled.Load())

	// A client that gives up meanwhile is not handled.
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, s.URL()+"/b", nil)
	_, err = http.DefaultClient.Do(req)
	require.Error(t, err)
	time.Sleep(40 * time.Millisecond)
	assert.EqualValues(t, 1, handled.Load())
}
