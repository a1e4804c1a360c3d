package rest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type widget struct {
	ID   int    `json:"id"`
	Name string `json:"name"`
}

func TestNewRefusesBadSettings(t *testing.T) {
	for name, tc := range map[string]struct {
		token string
		opt   Option
		want  string
	}{
		"empty token":        {"", nil, "invalid token: must not be empty"},
		"blank token":        {"  ", nil, "invalid token: must not be empty"},
		"token with newline": {"a\nb", nil, "invalid token: must be one line"},
		"relative base URL":  {"t", WithBaseURL("api.acme.test"), "invalid WithBaseURL: \"api.acme.test\" is not an absolute http or https URL"},
		"ftp base URL":       {"t", WithBaseURL("ftp://api.acme.test"), "is not an absolute http or https URL"},
		"base URL query":     {"t", WithBaseURL("https://api.acme.test/?x=1"), "must not carry a query"},
		"nil HTTP client":    {"t", WithHTTPClient(nil), "must not be nil"},
		"negative retries":   {"t", WithRetry(-1, 0, 0), "negative"},
		"max below min wait": {"t", WithRetry(1, 2, 1), "minWait <= maxWait"},
		"zero body cap":      {"t", WithMaxBodyBytes(0), "not positive"},
		"two-word scheme":    {"t", WithAuthScheme("Bearer x"), "is not one word"},
		"multi-line UA":      {"t", WithUserAgent("a\r\nX-Evil: 1"), "one line"},
		"reauth without fn":  {"", WithReauth(Reauth{}), "Login and Expired are required"},
	} {
		t.Run(name, func(t *testing.T) {
			_, err := New(testVendor, tc.token, tc.opt)
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "acme: "), err.Error())
			assert.ErrorIs(t, err, ErrInvalidParams)
		})
	}
}

// A request that asks for another media type than JSON (a file it
// streams) says so in its own Accept header, which the client keeps.
func TestARequestsOwnAcceptIsKept(t *testing.T) {
	c, mt := newMocked(t)
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/report/",
		func(req *http.Request) (*http.Response, error) {
			assert.Equal(t, "application/pdf", req.Header.Get("Accept"))
			return httpmock.NewStringResponse(http.StatusOK, "%PDF-1.4"), nil
		})
	resp, _, err := c.Stream(context.Background(), &Request{
		Method: http.MethodGet, Path: "/report/", Header: http.Header{"Accept": {"application/pdf"}},
	})
	require.NoError(t, err)
	require.NoError(t, resp.Body.Close())
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestDoSendsTheWireFormat(t *testing.T) {
	c, mt := newMocked(t, WithUserAgent("my-app/2"), WithBaseURL("https://eu.acme.test/v2/"))
	mt.RegisterResponder(http.MethodPost, "https://eu.acme.test/v2/widgets/",
		func(req *http.Request) (*http.Response, error) {
			assert.Equal(t, "Token "+testToken, req.Header.Get("Authorization"))
			assert.Equal(t, "application/json", req.Header.Get("Accept"))
			assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
			assert.Equal(t, "recruitkit-go/"+Version+" my-app/2", req.Header.Get("User-Agent"))
			assert.Equal(t, "k-1", req.Header.Get("Idempotency-Key"))
			assert.Equal(t, "yes", req.Header.Get("X-Extra"))
			assert.Equal(t, "a=1&a=2&b=x+y", req.URL.RawQuery)
			body, _ := io.ReadAll(req.Body)
			assert.JSONEq(t, `{"id":7,"name":"gear"}`, string(body))
			return httpmock.NewStringResponse(http.StatusCreated, `{"id":7,"name":"gear"}`), nil
		})
	var out widget
	res, err := c.Do(context.Background(), &Request{
		Method:         http.MethodPost,
		Path:           "/widgets/",
		Query:          url.Values{"b": {"x y"}, "a": {"1", "2"}},
		Body:           widget{ID: 7, Name: "gear"},
		IdempotencyKey: "k-1",
		Header:         http.Header{"X-Extra": {"yes"}},
	}, &out)
	require.NoError(t, err)
	assert.Equal(t, widget{ID: 7, Name: "gear"}, out)
	assert.Equal(t, http.StatusCreated, res.StatusCode)
	assert.Equal(t, 1, res.Attempts)
	assert.Equal(t, 1, mt.GetTotalCallCount())
}

func TestAuthSchemeAndNoAuth(t *testing.T) {
	c, mt := newMocked(t, WithAuthScheme("Bearer"))
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/me", func(req *http.Request) (*http.Response, error) {
		assert.Equal(t, "Bearer "+testToken, req.Header.Get("Authorization"))
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	mt.RegisterResponder(http.MethodPost, "https://api.acme.test/login", func(req *http.Request) (*http.Response, error) {
		assert.Empty(t, req.Header.Values("Authorization"))
		return httpmock.NewStringResponse(200, `{}`), nil
	})
	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/me"}, nil)
	require.NoError(t, err)
	_, err = c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/login", NoAuth: true}, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, mt.GetTotalCallCount())
}

func TestAPIErrorIsTypedAndParsed(t *testing.T) {
	for _, tc := range []struct {
		status   int
		sentinel error
	}{
		{404, ErrNotFound}, {401, ErrUnauthorized}, {403, ErrUnauthorized}, {409, ErrConflict}, {400, nil},
	} {
		t.Run(fmt.Sprint(tc.status), func(t *testing.T) {
			c, mt := newMocked(t)
			mt.RegisterResponder(http.MethodGet, "https://api.acme.test/things/9/",
				httpmock.NewStringResponder(tc.status, `{"detail":"nope"}`).HeaderSet(http.Header{"X-Ratelimit-Remaining": {"41"}}))
			_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/things/9/", Query: url.Values{"q": {"x"}}}, nil)
			var apiErr *APIError
			require.ErrorAs(t, err, &apiErr)
			assert.Equal(t, tc.status, apiErr.StatusCode)
			assert.Equal(t, "nope", apiErr.Message)
			assert.Equal(t, "https://api.acme.test/things/9/", apiErr.URL, "no query in the URL")
			assert.Equal(t, "41", apiErr.Header.Get("X-RateLimit-Remaining"))
			assert.JSONEq(t, `{"detail":"nope"}`, string(apiErr.Body))
			assert.Equal(t, fmt.Sprintf("acme: GET /things/9/: %d %s: nope", tc.status, http.StatusText(tc.status)), err.Error())
			for _, s := range []error{ErrNotFound, ErrUnauthorized, ErrConflict, ErrRateLimited} {
				assert.Equal(t, s == tc.sentinel, errors.Is(err, s), "errors.Is(%v)", s)
			}
		})
	}
}

func TestAPIErrorTextWithFields(t *testing.T) {
	e := &APIError{Vendor: "testgorilla", Method: "PATCH", URL: "https://app.testgorilla.com/api/assessments/candidature/7/change_stage/",
		StatusCode: 400, Fields: []FieldError{{Field: "stage", Message: "invalid"}, {Field: "email", Code: "BAD_EMAIL"}}}
	assert.Equal(t, "testgorilla: PATCH /api/assessments/candidature/7/change_stage/: 400 Bad Request; stage: invalid; email: BAD_EMAIL", e.Error())
	assert.True(t, e.HasFieldCode("BAD_EMAIL"))
	assert.False(t, e.HasFieldCode("REPEATING_INVITATION"))
}

func TestUnexpectedSuccessBodyIsADecodeError(t *testing.T) {
	for name, tc := range map[string]struct {
		contentType, body, want string
	}{
		"HTML":       {"text/html", "<html>maintenance</html>", `expected *rest.widget, got text/html "<html>maintenance</html>": invalid character '<'`},
		"empty":      {"application/json", "", "expected *rest.widget, got an empty body"},
		"truncated":  {"application/json", `{"id":7,"na`, `got application/json "{\"id\":7,\"na": unexpected end of JSON input`},
		"wrong type": {"application/json", `{"id":"seven"}`, `cannot unmarshal string into Go struct field widget.id of type int`},
		"trailing":   {"application/json", `{"id":7} {"id":8}`, "invalid character '{' after top-level value"},
	} {
		t.Run(name, func(t *testing.T) {
			c, mt := newMocked(t)
			mt.RegisterResponder(http.MethodGet, "https://api.acme.test/widgets/7",
				httpmock.NewStringResponder(200, tc.body).HeaderSet(http.Header{"Content-Type": {tc.contentType}}))
			var w widget
			_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/widgets/7"}, &w)
			var decErr *DecodeError
			require.ErrorAs(t, err, &decErr)
			assert.ErrorIs(t, err, ErrUnexpectedResponse)
			assert.Contains(t, err.Error(), "acme: GET /widgets/7: 200 OK: ")
			assert.Contains(t, err.Error(), tc.want)
		})
	}
}

func TestBodyCap(t *testing.T) {
	big := `{"id":1,"name":"` + strings.Repeat("x", 2000) + `"}`
	t.Run("announced length", func(t *testing.T) {
		c, mt := newMocked(t, WithMaxBodyBytes(1000))
		mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(200, big).SetContentLength())
		_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, new(widget))
		require.ErrorIs(t, err, ErrResponseTooLarge)
		assert.Equal(t, 1, mt.GetTotalCallCount(), "an oversized answer is not retried")
	})
	t.Run("unannounced length", func(t *testing.T) {
		s := newCountingServer(t, func(w http.ResponseWriter, _ *http.Request) {
			w.(http.Flusher).Flush() // chunked: no Content-Length
			_, _ = io.WriteString(w, big)
		})
		_, err := s.client(t, WithMaxBodyBytes(1000)).Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, new(widget))
		require.ErrorIs(t, err, ErrResponseTooLarge)
		var tErr *TransportError
		require.ErrorAs(t, err, &tErr)
		assert.Contains(t, err.Error(), "more than 1000 bytes")
	})
	t.Run("at the cap", func(t *testing.T) {
		c, mt := newMocked(t, WithMaxBodyBytes(int64(len(big))))
		mt.RegisterResponder(http.MethodGet, "https://api.acme.test/w", httpmock.NewStringResponder(200, big))
		var w widget
		_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, &w)
		require.NoError(t, err)
		assert.Len(t, w.Name, 2000)
	})
}

func TestRedirectOfAWriteIsNotFollowed(t *testing.T) {
	s := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/items" {
			http.Redirect(w, r, "/items/", http.StatusMovedPermanently)
			return
		}
		status(200, `{"id":1}`)(w, r)
	})
	c := s.client(t)
	_, err := c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/items", Body: widget{ID: 1}}, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusMovedPermanently, apiErr.StatusCode)
	assert.Equal(t, "acme: POST /items: 301 Moved Permanently: redirect to /items/ not followed", err.Error())
	assert.EqualValues(t, 1, s.hits.Load(), "the POST was not turned into a GET of the new location")

	var w widget
	_, err = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/items"}, &w)
	require.NoError(t, err, "a GET follows the redirect")
	assert.Equal(t, 1, w.ID)
	assert.EqualValues(t, 3, s.hits.Load())
}

func TestValues(t *testing.T) {
	type params struct {
		Status string `url:"status,omitempty"`
		Limit  int    `url:"limit,omitempty"`
		Hidden *bool  `url:"hidden,omitempty"`
	}
	no := false
	v, err := Values(params{Status: "completed", Hidden: &no}, nil, url.Values{"assessment": {"42"}}, params{Limit: 10})
	require.NoError(t, err)
	assert.Equal(t, "assessment=42&hidden=false&limit=10&status=completed", v.Encode())

	_, err = Values(42)
	require.Error(t, err)
}

func TestValidationError(t *testing.T) {
	err := error(Invalidf("truto", "IntegratedAccountID", "must not be empty (got %q)", ""))
	assert.EqualError(t, err, `truto: invalid IntegratedAccountID: must not be empty (got "")`)
	assert.ErrorIs(t, err, ErrInvalidParams)
	var v *ValidationError
	require.ErrorAs(t, err, &v)
	assert.Equal(t, "IntegratedAccountID", v.Field)
}

// TestTokenNeverLeaks runs failing requests whose answers echo the
// Authorization header back, with a debug logger, and looks for the token
// in the log, the errors and every formatting of the client.
func TestTokenNeverLeaks(t *testing.T) {
	var logBuf bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logBuf, &slog.HandlerOptions{Level: slog.LevelDebug}))
	echo := func(code int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(code)
			fmt.Fprintf(w, `{"detail":"bad header %s","url":%q}`, r.Header.Get("Authorization"), r.URL.String())
		}
	}
	s := newCountingServer(t, echo(503), echo(503), echo(401), echo(200))
	c := s.client(t, WithLogger(logger), WithRetry(2, 0, 0))

	var errs []error
	_, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/x", Query: url.Values{"api_key": {testToken}}}, nil)
	errs = append(errs, err) // 503, 503, then 401
	_, err = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/x"}, new([]int))
	errs = append(errs, err) // 200 that is not a list: DecodeError quoting the body

	closed := newCountingServer(t, echo(200))
	closed.Close()
	c2 := closed.client(t, WithLogger(logger), WithRetry(1, 0, 0))
	_, err = c2.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/y", Query: url.Values{"token": {testToken}}}, nil)
	errs = append(errs, err) // connection refused

	var out strings.Builder
	for _, err := range errs {
		require.Error(t, err)
		fmt.Fprintf(&out, "%v\n%+v\n%#v\n%s\n", err, err, err, err)
		var apiErr *APIError
		if errors.As(err, &apiErr) {
			fmt.Fprintf(&out, "%+v\n%s\n", *apiErr, apiErr.Body)
		}
	}
	for _, v := range []any{c, c2, []*Client{c}, struct{ C *Client }{c}} {
		fmt.Fprintf(&out, "%v %+v %#v %s\n", v, v, v, v)
	}
	require.Contains(t, logBuf.String(), "status=503", "the logger was used")
	require.Contains(t, out.String(), "[REDACTED]", "the echoed token was replaced")
	assert.NotContains(t, logBuf.String(), testToken)
	assert.NotContains(t, out.String(), testToken)
}

func TestReauthLogsInOnceWhenTheTokenExpires(t *testing.T) {
	var mu sync.Mutex
	valid := "fresh-1"
	logins := 0
	s := newCountingServer(t, func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		ok := r.Header.Get("Authorization") == "Token "+valid
		mu.Unlock()
		if !ok {
			status(401, `{"detail":"Invalid token."}`)(w, r)
			return
		}
		status(200, `{"id":1}`)(w, r)
	})
	login := func(context.Context) (string, error) {
		mu.Lock()
		defer mu.Unlock()
		logins++
		return valid, nil
	}
	expired := func(e *APIError) bool { return e.StatusCode == 401 && e.Message == "Invalid token." }
	c := s.client(t, WithReauth(Reauth{Login: login, Expired: expired}))

	// The token given to New is stale: 64 concurrent calls share one login.
	c2, err := New(testVendor, "stale", WithBaseURL(s.URL), fastRetry, WithReauth(Reauth{Login: login, Expired: expired}))
	require.NoError(t, err)
	var wg sync.WaitGroup
	for range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var w widget
			_, err := c2.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, &w)
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	assert.Equal(t, 1, logins)

	// A token that expires again is replaced again, once per expiry.
	mu.Lock()
	valid = "fresh-2"
	mu.Unlock()
	_, err = c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, nil)
	require.NoError(t, err)
	assert.Equal(t, 2, logins)

	// A login that gives a token the server still refuses ends the call.
	mu.Lock()
	valid = "never"
	mu.Unlock()
	bad, err := New(testVendor, "", WithBaseURL(s.URL), fastRetry,
		WithReauth(Reauth{Login: func(context.Context) (string, error) { return "wrong", nil }, Expired: expired}))
	require.NoError(t, err)
	_, err = bad.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, nil)
	require.ErrorIs(t, err, ErrUnauthorized)

	failing, err := New(testVendor, "", WithBaseURL(s.URL),
		WithReauth(Reauth{Login: func(context.Context) (string, error) { return "", errors.New("bad password") }, Expired: expired}))
	require.NoError(t, err)
	_, err = failing.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/w"}, nil)
	assert.EqualError(t, err, "bad password")
}

func TestRequestBodyEncodings(t *testing.T) {
	c, mt := newMocked(t)
	var got []string
	mt.RegisterResponder(http.MethodPut, "https://api.acme.test/b", func(req *http.Request) (*http.Response, error) {
		b, _ := io.ReadAll(req.Body)
		got = append(got, string(b))
		return httpmock.NewStringResponse(204, ""), nil
	})
	for _, body := range []any{[]byte(`{"raw":1}`), json.RawMessage(`{"msg":2}`), map[string]int{"m": 3}} {
		_, err := c.Do(context.Background(), &Request{Method: http.MethodPut, Path: "/b", Body: body}, nil)
		require.NoError(t, err)
	}
	assert.Equal(t, []string{`{"raw":1}`, `{"msg":2}`, `{"m":3}`}, got)

	_, err := c.Do(context.Background(), &Request{Method: http.MethodPut, Path: "/b", Body: func() {}}, nil)
	require.ErrorIs(t, err, ErrInvalidParams)
	require.ErrorContains(t, err, "cannot be encoded as JSON")
	assert.Len(t, got, 3, "nothing was sent")
}

func TestStreamHandsTheBodyOver(t *testing.T) {
	c, mt := newMocked(t)
	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/file", httpmock.NewBytesResponder(200, []byte{0, 1, 2, 0xff}))
	resp, res, err := c.Stream(context.Background(), &Request{Method: http.MethodGet, Path: "/file"})
	require.NoError(t, err)
	assert.Equal(t, 200, res.StatusCode)
	assert.Equal(t, 1, res.Attempts)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	assert.Equal(t, []byte{0, 1, 2, 0xff}, b)

	mt.RegisterResponder(http.MethodGet, "https://api.acme.test/gone", httpmock.NewStringResponder(404, `{"detail":"gone"}`))
	_, _, err = c.Stream(context.Background(), &Request{Method: http.MethodGet, Path: "/gone"})
	require.ErrorIs(t, err, ErrNotFound)
}

func TestVendorSentinelsMatchWithErrorsIs(t *testing.T) {
	errTaken := errors.New("taken")
	v := testVendor
	v.Classify = func(e *APIError) []error {
		if strings.Contains(string(e.Body), "TAKEN") {
			return []error{errTaken}
		}
		return nil
	}
	mt := httpmock.NewMockTransport()
	c, err := New(v, testToken, WithHTTPClient(&http.Client{Transport: mt}))
	require.NoError(t, err)
	mt.RegisterResponder(http.MethodPost, "https://api.acme.test/a", httpmock.NewStringResponder(400, `{"detail":"TAKEN"}`))
	mt.RegisterResponder(http.MethodPost, "https://api.acme.test/b", httpmock.NewStringResponder(400, `{"detail":"other"}`))
	_, err = c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/a"}, nil)
	assert.ErrorIs(t, err, errTaken)
	_, err = c.Do(context.Background(), &Request{Method: http.MethodPost, Path: "/b"}, nil)
	assert.NotErrorIs(t, err, errTaken)
	assert.Error(t, err)
}
