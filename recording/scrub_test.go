package recording_test

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// answering is a transport that answers every request with one status,
// header and body, without a network.
type answering struct {
	header http.Header
	body   string
}

func (a answering) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Body != nil {
		req.Body.Close()
	}
	h := a.header.Clone()
	if h == nil {
		h = http.Header{}
	}
	return &http.Response{StatusCode: http.StatusOK, Header: h, Body: io.NopCloser(bytes.NewBufferString(a.body)), Request: req}, nil
}

// recordOne records one exchange of req with an answering server and
// returns the cassette as it would be saved.
func recordOne(t *testing.T, req *http.Request, answer answering, opts ...recording.Option) (recording.Interaction, string) {
	t.Helper()
	rec, err := recording.NewRecorder("", answer, opts...)
	require.NoError(t, err)
	resp, err := (&http.Client{Transport: rec}).Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	cas := rec.Cassette()
	require.Len(t, cas.Interactions, 1)
	path := t.TempDir() + "/c.json"
	require.NoError(t, cas.Save(path))
	b, err := readFile(path)
	require.NoError(t, err)
	return cas.Interactions[0], b
}

func newRequest(t *testing.T, method, url, body string) *http.Request {
	t.Helper()
	var r io.Reader
	if body != "" {
		r = bytes.NewBufferString(body)
	}
	req, err := http.NewRequest(method, url, r)
	require.NoError(t, err)
	return req
}

// TestRecordNumbersQueryValuesInOrder: the emails of three query
// parameters get their pseudonyms in the order of the parameters'
// names, so that re-recording the same request writes the same URL.
func TestRecordNumbersQueryValuesInOrder(t *testing.T) {
	for range 20 {
		in, _ := recordOne(t, newRequest(t, http.MethodGet, "https://api.example.com/a?c=c@corp.example&a=a@corp.example&b=b@corp.example", ""), answering{})
		require.Equal(t, "https://api.example.com/a?a=email-1%40example.invalid&b=email-2%40example.invalid&c=email-3%40example.invalid", in.Request.URL)
	}
}

// TestRecordNumbersHeaderValuesInOrder: the same for the emails of
// recorded headers, numbered in the order of the headers' names.
func TestRecordNumbersHeaderValuesInOrder(t *testing.T) {
	h := http.Header{"X-C": {"c@corp.example"}, "X-A": {"a@corp.example"}, "X-B": {"b@corp.example"}}
	for range 20 {
		in, _ := recordOne(t, newRequest(t, http.MethodGet, "https://api.example.com/a", ""), answering{header: h}, recording.WithHeaders("X-A", "X-B", "X-C"))
		require.Equal(t, http.Header{
			"X-A": {"email-1@example.invalid"}, "X-B": {"email-2@example.invalid"}, "X-C": {"email-3@example.invalid"},
		}, in.Response.Header)
	}
}

// TestRecordRedactsCredentialHeaders: a header whose name says it holds
// a credential (X-Api-Key) is [REDACTED] even when WithHeaders records
// it, and its value is removed wherever else it appears, as the token
// of an Authorization header is.
func TestRecordRedactsCredentialHeaders(t *testing.T) {
	const key = "k-live-0123456789"
	req := newRequest(t, http.MethodGet, "https://api.example.com/a", "")
	req.Header.Set("X-Api-Key", key)
	in, saved := recordOne(t, req, answering{header: http.Header{"X-Auth-Token": {key}}, body: `{"echo":"` + key + `"}`},
		recording.WithHeaders("X-Api-Key", "X-Auth-Token"))
	assert.NotContains(t, saved, key)
	assert.Equal(t, http.Header{"X-Api-Key": {"[REDACTED]"}}, in.Request.Header)
	assert.Equal(t, http.Header{"X-Auth-Token": {"[REDACTED]"}}, in.Response.Header)
	assert.JSONEq(t, `{"echo":"[REDACTED]"}`, string(in.Response.JSON))
}

// TestRecordScrubsAnEscapedEmailInThePath: an email address the client
// escaped in the path (%40) is a pseudonym too.
func TestRecordScrubsAnEscapedEmailInThePath(t *testing.T) {
	in, saved := recordOne(t, newRequest(t, http.MethodGet, "https://api.example.com/users/ada.lovelace%40corp.example/roles", ""), answering{})
	assert.NotContains(t, saved, "ada.lovelace")
	assert.Equal(t, "https://api.example.com/users/email-1@example.invalid/roles", in.Request.URL)
}

// TestRecordScrubsTrutoNestedRemoteData: the ATS's own record of a user,
// an attachment or a tag nested in another record is personal as a
// candidate's is: Truto's declarations tag it.
func TestRecordScrubsTrutoNestedRemoteData(t *testing.T) {
	body := `{
		"credited_to": {"id": "user-1", "remote_data": {"display": "Ada Lovelace"}},
		"attachments": [{"id": "att-1", "remote_data": {"uploaded_by": "Ada Lovelace"}}],
		"tags": [{"id": "tag-1", "name": "Referral", "remote_data": {"created_by": "Ada Lovelace"}}]
	}`
	_, saved := recordOne(t, newRequest(t, http.MethodGet, "https://api.truto.one/unified/ats/offers/1", ""),
		answering{header: http.Header{"Content-Type": {"application/json"}}, body: body},
		recording.Personal(truto.PersonalData()...))
	assert.NotContains(t, saved, "Ada")
	assert.Contains(t, saved, `"id": "att-1"`, "ids stay")
	assert.Contains(t, saved, `"name": "Referral"`, "a tag's name stays")
}

// TestRecordScrubsJSONInAString: JSON sent as a string (a form's
// payload, an ATS's raw record) is scrubbed as JSON: its credentials and
// declared fields go; and a replay matches it by value, in any key
// order, as it matches a body.
func TestRecordScrubsJSONInAString(t *testing.T) {
	req := newRequest(t, http.MethodPost, "https://api.example.com/forms",
		`{"payload": "{\"password\": \"hunter2-secret\", \"first_name\": \"Augusta\", \"n\": 1}", "meta": "{\"b\": 2, \"a\": 1}"}`)
	req.Header.Set("Content-Type", "application/json")
	in, saved := recordOne(t, req, answering{}, recording.Personal(truto.CandidateInput{}))
	assert.NotContains(t, saved, "hunter2")
	assert.NotContains(t, saved, "Augusta")
	assert.JSONEq(t, `{"payload": "{\"first_name\":\"Name 1\",\"n\":1,\"password\":\"[REDACTED]\"}", "meta": "{\"a\":1,\"b\":2}"}`, string(in.Request.JSON))

	path := t.TempDir() + "/c.json"
	require.NoError(t, (&recording.Cassette{Version: 1, Interactions: []recording.Interaction{in}}).Save(path))
	f := newFailures(t)
	resp, err := recording.Replay(f, path).Post("https://api.example.com/forms", "application/json",
		strings.NewReader(`{"payload": "{\"n\": 1, \"first_name\": \"Ada\", \"password\": \"x\"}", "meta": "{\"b\": 2, \"a\": 1}"}`))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, f.end())
}

// TestRecordScrubsAQueryGoCannotParse: a query url.ParseQuery refuses
// (a semicolon) still loses the values of its credentials' parameters,
// and a replay matches it.
func TestRecordScrubsAQueryGoCannotParse(t *testing.T) {
	const u = "https://api.example.com/a?access_token=tok-0123456789;x&q=ada@corp.example"
	in, saved := recordOne(t, newRequest(t, http.MethodGet, u, ""), answering{})
	assert.NotContains(t, saved, "tok-0123456789")
	assert.NotContains(t, saved, "ada@corp.example")
	assert.Equal(t, "https://api.example.com/a?access_token=%5BREDACTED%5D&q=email-1%40example.invalid", in.Request.URL)

	path := t.TempDir() + "/c.json"
	require.NoError(t, (&recording.Cassette{Version: 1, Interactions: []recording.Interaction{in}}).Save(path))
	f := newFailures(t)
	resp, err := recording.Replay(f, path).Get(u)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, f.end())
}

// TestRecordScrubsAURLInAString: a URL in a JSON string loses its user
// info and the values of its credentials' query parameters, as the
// request's URL does.
func TestRecordScrubsAURLInAString(t *testing.T) {
	body := `{"next": "https://api.example.com/p?page=2&access_token=tok-0123456789", "db": "https://admin:pw-0123456789@db.example.com/x", "home": "https://example.com/?b=2&a=1"}`
	in, saved := recordOne(t, newRequest(t, http.MethodGet, "https://api.example.com/a", ""),
		answering{header: http.Header{"Content-Type": {"application/json"}}, body: body})
	assert.NotContains(t, saved, "tok-0123456789")
	assert.NotContains(t, saved, "pw-0123456789")
	assert.JSONEq(t, `{
		"next": "https://api.example.com/p?access_token=%5BREDACTED%5D&page=2",
		"db": "https://db.example.com/x",
		"home": "https://example.com/?b=2&a=1"
	}`, string(in.Response.JSON), "a URL with nothing to remove is kept as it was")
}

// TestRecordScrubsAFormBody: a form body kept as text (KeepFiles) loses
// its credentials and declared values as a query does, and a replay
// matches it in any order.
func TestRecordScrubsAFormBody(t *testing.T) {
	req := newRequest(t, http.MethodPost, "https://api.example.com/login", "username=ada%40corp.example&password=hunter2-secret&remember=1")
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	in, saved := recordOne(t, req, answering{}, recording.KeepFiles())
	assert.NotContains(t, saved, "hunter2")
	assert.NotContains(t, saved, "ada")
	assert.Equal(t, "password=%5BREDACTED%5D&remember=1&username=Name+1", in.Request.Text, "testgorilla declares username")

	path := t.TempDir() + "/c.json"
	require.NoError(t, (&recording.Cassette{Version: 1, Interactions: []recording.Interaction{in}}).Save(path))
	f := newFailures(t)
	resp, err := recording.Replay(f, path).Post("https://api.example.com/login", "application/x-www-form-urlencoded",
		strings.NewReader("remember=1&password=other&username=grace%40corp.example"))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Empty(t, f.end())
}
