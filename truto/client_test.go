package truto_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	token   = "truto-secret-token"
	account = "62f44730-dd91-461e-bd6a-aedd9e0ad79d"
	base    = "https://api.truto.one"
)

type exchange struct {
	method, url string
	header      http.Header
	body        string
}

type mock struct {
	*httpmock.MockTransport
	mu   sync.Mutex
	seen []exchange
}

// newMocked returns a client on an httpmock transport; an unregistered
// route answers 501, which is not retried.
func newMocked(t *testing.T, opts ...truto.Option) (*truto.Client, *mock) {
	t.Helper()
	m := &mock{MockTransport: httpmock.NewMockTransport()}
	m.RegisterNoResponder(httpmock.NewStringResponder(http.StatusNotImplemented, `{"statusCode":501,"error":"no route"}`))
	c, err := truto.NewClient(token, append([]truto.Option{
		truto.WithHTTPClient(&http.Client{Transport: m}), truto.WithRetry(2, time.Millisecond, 10*time.Millisecond),
	}, opts...)...)
	require.NoError(t, err)
	return c, m
}

// on answers method+path with the responders in turn (the last repeats)
// and records every request.
func (m *mock) on(method, path string, answers ...httpmock.Responder) {
	n := 0
	m.RegisterResponder(method, base+path, func(req *http.Request) (*http.Response, error) {
		var b []byte
		if req.Body != nil {
			b, _ = io.ReadAll(req.Body)
		}
		m.mu.Lock()
		m.seen = append(m.seen, exchange{req.Method, req.URL.String(), req.Header.Clone(), string(b)})
		r := answers[min(n, len(answers)-1)]
		n++
		m.mu.Unlock()
		return r(req)
	})
}

func (m *mock) requests() []exchange {
	m.mu.Lock()
	defer m.mu.Unlock()
	return append([]exchange(nil), m.seen...)
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return bytes.TrimSpace(b)
}

func answer(status int, body []byte, header ...string) httpmock.Responder {
	return func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewBytesResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		for i := 0; i+1 < len(header); i += 2 {
			resp.Header.Set(header[i], header[i+1])
		}
		return resp, nil
	}
}

func TestCreateCandidateWireFormat(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/unified/ats/candidates", answer(201, fixture(t, "candidate.json")))
	cand, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{
		FirstName: "Ada", LastName: "Lovelace", Title: "Engineer", Company: "Analytical Engines",
		Emails:              []truto.Email{{Email: "ada@example.com", Type: "personal"}},
		Phones:              []truto.Phone{{Number: "+46 8 123 45", Extension: "12", Type: "mobile"}},
		Locations:           []string{"Stockholm"},
		Tags:                []truto.Tag{{Name: "testgorilla:91"}},
		JobFormFieldAnswers: []truto.FormFieldAnswer{{GroupID: "g1", Name: "Years of Go", Value: "7"}},
		RemoteData:          map[string]any{"origin": "testgorilla"},
	}, truto.CreateCandidateParams{JobID: "j-1", ApplicationSource: truto.SourceApplicant})
	require.NoError(t, err)

	reqs := m.requests()
	require.Len(t, reqs, 1)
	x := reqs[0]
	assert.Equal(t, http.MethodPost, x.method)
	assert.Equal(t, base+"/unified/ats/candidates?application_source=applicant&integrated_account_id="+account+"&job_id=j-1", x.url)
	assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
	assert.Equal(t, "application/json", x.header.Get("Content-Type"))
	assert.Equal(t, "application/json", x.header.Get("Accept"))
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, x.header.Get("Idempotency-Key"))
	assert.Equal(t, string(fixture(t, "create_candidate_body.json")), x.body)
	assert.Equal(t, "c-1", cand.ID)
}

func TestCandidateDecodesEveryField(t *testing.T) {
	client, m := newMocked(t)
	m.on(http.MethodGet, "/unified/ats/candidates/c-1", answer(200, fixture(t, "candidate.json")))
	c, err := client.ATS.Candidates.Get(context.Background(), account, "c-1")
	require.NoError(t, err)
	assert.Equal(t, "Ada Lovelace", c.Name)
	assert.Equal(t, []truto.URL{{URL: "https://ada.example.com", Type: "portfolio"}}, c.URLs)
	assert.Equal(t, []truto.Tag{{ID: "t-1", Name: "go"}, {Name: "remote-ok"}}, c.Tags, "object and string tags")
	assert.False(t, c.IsPrivate.True())
	assert.True(t, c.CanEmail)
	assert.Equal(t, time.Date(2026, 11, 1, 9, 30, 0, 123e6, time.UTC), c.CreatedAt.UTC())
	require.Len(t, c.Attachments, 1)
	assert.Equal(t, "resume", c.Attachments[0].AttachmentType)
	require.Len(t, c.Applications, 1)
	app := c.Applications[0]
	assert.Equal(t, "Phone screen", app.CurrentStage.Name)
	assert.Equal(t, "leon@example.com", app.CreditedTo.Emails[0].Email)
	assert.True(t, app.CreditedTo.Emails[0].IsPrimary)
	assert.Equal(t, "TestGorilla", app.Source.Name)
	assert.Equal(t, "j-1", app.Job.ID)
	assert.Equal(t, "lever-77", c.RemoteData["id"])
	assert.Contains(t, string(c.Raw()), `"sourced_by": "api"`, "an unknown field is kept")

	// In a list, each record keeps its own JSON.
	m.on(http.MethodGet, "/unified/ats/candidates", answer(200, fixture(t, "list_candidates.json")))
	page, err := client.ATS.Candidates.List(context.Background(), account, truto.ListParams{})
	require.NoError(t, err)
	assert.JSONEq(t, `{"id":"c-2","first_name":"Grace","is_private":null,"tags":[{"id":"t-9","name":"cobol"}]}`, string(page.Result[1].Raw()))
}

func TestListAndTheTrutoQueryParameters(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/unified/ats/candidates", answer(200, fixture(t, "list_candidates.json"),
		"Ratelimit-Limit", "50", "Ratelimit-Remaining", "49", "Ratelimit-Reset", "10"))
	var resp truto.Response
	page, err := c.ATS.Candidates.List(context.Background(), account, truto.ListParams{
		Limit: 25, Cursor: "abc", IgnoreLimit: true, Filter: url.Values{"job_id": {"j-1"}},
	},
		truto.WithResponseFormat(truto.FormatNormalized),
		truto.WithIgnoreRemoteData(),
		truto.WithExcludeFields("id", "name"),
		truto.WithRemoteQuery(truto.RemoteQuery{"foo": "bar", "a": truto.RemoteQuery{"b": "c"}, "ids": []string{"1", "2"}, "n": 3, "flag": false}),
		truto.WithResponseInto(&resp),
	)
	require.NoError(t, err)
	x := m.requests()[0]
	u, err := url.Parse(x.url)
	require.NoError(t, err)
	assert.Equal(t, "integrated_account_id="+account+
		"&job_id=j-1&limit=25&next_cursor=abc"+
		"&remote_query%5Ba%5D%5Bb%5D=c&remote_query%5Bflag%5D=false&remote_query%5Bfoo%5D=bar"+
		"&remote_query%5Bids%5D%5B%5D=1&remote_query%5Bids%5D%5B%5D=2&remote_query%5Bn%5D=3"+
		"&truto_exclude_fields%5B%5D=id&truto_exclude_fields%5B%5D=name"+
		"&truto_ignore_limit=true&truto_ignore_remote_data=true&truto_response_format=normalized", u.RawQuery)
	q := u.Query()
	assert.Equal(t, []string{"id", "name"}, q["truto_exclude_fields[]"])
	assert.Equal(t, "bar", q.Get("remote_query[foo]"))
	assert.Equal(t, "c", q.Get("remote_query[a][b]"))
	assert.Equal(t, []string{"1", "2"}, q["remote_query[ids][]"])
	assert.Empty(t, x.header.Get("Idempotency-Key"), "a read carries no key")

	require.Len(t, page.Result, 2)
	assert.True(t, page.Result[0].IsPrivate.True(), "is_private as a boolean")
	assert.Equal(t, []truto.Tag{{Name: "go"}, {Name: "remote-ok"}}, page.Result[0].Tags)
	assert.Equal(t, "eyJvZmZzZXQiOjJ9", page.NextCursor)
	assert.Empty(t, page.PrevCursor)
	assert.True(t, page.IsPartialResponse)
	assert.Equal(t, truto.RateLimit{Known: true, Limit: 50, Remaining: 49, Reset: 10 * time.Second}, resp.RateLimit)
	assert.Equal(t, 200, resp.StatusCode)
}

func TestKeyByAnswersAreKeyed(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/unified/ats/jobs", answer(200, []byte(`{"result":{"j-1":{"id":"j-1","name":"Go developer"}},"next_cursor":null}`)))
	page, err := c.ATS.Jobs.List(context.Background(), account, truto.ListParams{KeyBy: "id"})
	require.NoError(t, err)
	assert.Equal(t, "Go developer", page.Keyed["j-1"].Name)
	job := page.Keyed["j-1"]
	assert.JSONEq(t, `{"id":"j-1","name":"Go developer"}`, string(job.Raw()))
	assert.Contains(t, m.requests()[0].url, "truto_key_by=id")
}

// A keyed page follows a list's rule for a record without its id: set
// apart in Invalid, by key, and each kept record finds its raw JSON.
func TestAKeyedRecordWithoutItsIDIsSetApart(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/unified/ats/jobs", answer(200, []byte(`{"result":{"j-1":{"id":"j-1"},"x":{"name":"no id"},"w":{"id":""}},"next_cursor":null}`)))
	page, err := c.ATS.Jobs.List(context.Background(), account, truto.ListParams{KeyBy: "remote_id"})
	require.NoError(t, err)
	assert.Equal(t, []string{"j-1"}, slices.Collect(maps.Keys(page.Keyed)))
	job := page.Keyed["j-1"]
	assert.JSONEq(t, `{"id":"j-1"}`, string(job.Raw()))
	require.Len(t, page.Invalid, 2)
	assert.Equal(t, []string{"w", "x"}, []string{page.Invalid[0].Key, page.Invalid[1].Key}, "in the keys' order")
	assert.JSONEq(t, `{"name":"no id"}`, string(page.Invalid[1].Raw))
	assert.Equal(t, -1, page.Invalid[1].Index)
	assert.Contains(t, page.Invalid[1].Error(), `record "x" of the page`)
}

// An answer that names its list twice is refused: encoding/json would
// merge the two lists record by record, so no record would be what its
// raw JSON says.
func TestAListNamedTwiceIsRefused(t *testing.T) {
	c, m := newMocked(t)
	for _, body := range []string{
		`{"result":[{"id":"1"}],"result":[{}]}`,
		`{"result":[{"id":"1","name":"A"}],"Result":[{"id":"2"}]}`,
		`{"result":{"k":{"id":"1"}},"RESULT":{"k":{"name":"B"}}}`,
	} {
		m.on(http.MethodGet, "/unified/ats/jobs", answer(200, []byte(body)))
		keyBy := ""
		if strings.Contains(body, `"k"`) {
			keyBy = "id"
		}
		_, err := c.ATS.Jobs.List(context.Background(), account, truto.ListParams{KeyBy: keyBy})
		require.ErrorIs(t, err, truto.ErrUnexpectedResponse, body)
		assert.Contains(t, err.Error(), `more than one member "result"`, body)
	}
}

// A delete that excluded the id takes an answer without it, as a create
// does (TestACreateThatExcludedTheIDIsAccepted).
// A 2xx to a delete means the record is gone, whatever its body: an
// empty 204 (what many integrations answer through the proxy), {} for a
// call that excluded the id, or an answer cut short. Only a non-2xx is an
// error.
func TestADeleteIsDoneOnAny2xx(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	for name, a := range map[string]httpmock.Responder{
		"the documented id": answer(200, []byte(`{"id":"c-1"}`)),
		"an excluded id":    answer(200, []byte(`{}`)),
		"no content":        answer(204, nil),
		"cut short":         answer(200, []byte(`{"id":"c`)),
	} {
		m.on(http.MethodDelete, "/unified/ats/candidates/c-1", a)
		m.on(http.MethodDelete, "/proxy/people/p-1", a)
		assert.NoError(t, c.ATS.Candidates.Delete(ctx, account, "c-1", truto.WithExcludeFields("id")), name)
		assert.NoError(t, c.ATS.Candidates.Delete(ctx, account, "c-1"), name)
		assert.NoError(t, truto.Proxy[map[string]any](c, "people").Delete(ctx, account, "p-1"), name)
	}
	m.on(http.MethodDelete, "/unified/ats/candidates/c-1", answer(404, fixture(t, "error_plain.json")))
	assert.ErrorIs(t, c.ATS.Candidates.Delete(ctx, account, "c-1"), truto.ErrNotFound)
}

func TestGetUpdateDeleteWireFormat(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/unified/ats/candidates/c%2F1", answer(200, fixture(t, "candidate.json")))
	m.on(http.MethodPatch, "/unified/ats/candidates/c-1", answer(200, fixture(t, "candidate.json")))
	m.on(http.MethodDelete, "/unified/ats/candidates/c-1", answer(200, []byte(`{"id":"c-1"}`)))
	ctx := context.Background()

	_, err := c.ATS.Candidates.Get(ctx, account, "c/1")
	require.NoError(t, err)
	_, err = c.ATS.Candidates.Update(ctx, account, "c-1", truto.CandidateInput{Title: "Staff engineer"}, truto.WithIdempotencyKey("mine-1"))
	require.NoError(t, err)
	require.NoError(t, c.ATS.Candidates.Delete(ctx, account, "c-1"))

	reqs := m.requests()
	require.Len(t, reqs, 3)
	assert.Equal(t, base+"/unified/ats/candidates/c%2F1?integrated_account_id="+account, reqs[0].url, "the id is path-escaped")
	assert.Equal(t, `{"title":"Staff engineer"}`, reqs[1].body)
	assert.Equal(t, "mine-1", reqs[1].header.Get("Idempotency-Key"), "the caller's key")
	assert.NotEmpty(t, reqs[2].header.Get("Idempotency-Key"))
	assert.Equal(t, http.MethodDelete, reqs[2].method)
}

func TestAWriteIsRetriedWithTheSameIdempotencyKey(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/unified/ats/candidates", answer(500, []byte(`{"statusCode":500,"error":"Internal Server Error"}`)), answer(201, fixture(t, "candidate.json")))
	_, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
	require.NoError(t, err)
	reqs := m.requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, reqs[0].header.Get("Idempotency-Key"), reqs[1].header.Get("Idempotency-Key"))

	_, err = c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Bo"}, truto.CreateCandidateParams{})
	require.NoError(t, err)
	assert.NotEqual(t, reqs[0].header.Get("Idempotency-Key"), m.requests()[2].header.Get("Idempotency-Key"), "a new call, a new key")
}

func TestTrutosRetryRules(t *testing.T) {
	for status, attempts := range map[int]int{503: 1, 409: 1, 422: 1, 400: 1, 404: 1, 500: 3, 502: 3, 504: 3, 429: 3} {
		c, m := newMocked(t)
		m.on(http.MethodGet, "/unified/ats/jobs/j-1", answer(status, []byte(fmt.Sprintf(`{"statusCode":%d,"error":"x","message":"m"}`, status))))
		_, err := c.ATS.Jobs.Get(context.Background(), account, "j-1")
		require.Error(t, err)
		assert.Len(t, m.requests(), attempts, "status %d", status)
	}
}

func TestErrorAnswersAreParsed(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/unified/ats/candidates", answer(422, fixture(t, "error_remote.json"), "Ratelimit-Remaining", "7"))
	_, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
	var apiErr *truto.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 422, apiErr.StatusCode)
	assert.Equal(t, "Unprocessable Entity", apiErr.Code)
	assert.Equal(t, []truto.FieldError{
		{Field: "job_form_field_answers", Code: "missing_required_body_fields", Message: "These fields are required in the request body"},
		{Field: "candidates:write:admin", Code: "missing_scopes", Message: "The token lacks these scopes"},
	}, apiErr.Fields)
	assert.ErrorIs(t, err, truto.ErrRemote)
	d := apiErr.Details()
	assert.True(t, d.Remote)
	assert.JSONEq(t, `{"code":"MissingField","message":"Missing field: job_form_field_answers"}`, string(d.RawResponse))
	assert.Equal(t, 7, apiErr.RateLimit.Remaining)
	assert.Len(t, m.requests(), 1, "422 is never retried")

	m.on(http.MethodGet, "/unified/ats/jobs/x", answer(404, fixture(t, "error_plain.json")))
	_, err = c.ATS.Jobs.Get(context.Background(), account, "x")
	require.ErrorIs(t, err, truto.ErrNotFound)
	assert.NotErrorIs(t, err, truto.ErrRemote)
	assert.EqualError(t, err, "truto: GET /unified/ats/jobs/x: 404 Not Found: Not Found: Integrated account not found")
}

func TestCustomMethods(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/unified/ats/applications/move-stage", answer(200, []byte(`{"result":{"id":"ap-1","current_stage":{"id":"s-3","name":"Onsite"}}}`)))
	m.on(http.MethodPost, "/unified/ats/applications/reject", answer(200, []byte(`{"id":"ap-1","reject_reason":"Score below threshold"}`)))
	ctx := context.Background()
	app, err := c.ATS.Applications.MoveStage(ctx, account, truto.MoveStageParams{ApplicationID: "ap-1", StageID: "s-3"})
	require.NoError(t, err)
	assert.Equal(t, "Onsite", app.CurrentStage.Name, `{"result": ...} unwrapped`)
	app, err = c.ATS.Applications.Reject(ctx, account, truto.RejectParams{ApplicationID: "ap-1", RejectReasonID: "r-2"})
	require.NoError(t, err)
	assert.Equal(t, "Score below threshold", app.RejectReason)
	reqs := m.requests()
	assert.Equal(t, `{"application_id":"ap-1","stage_id":"s-3"}`, reqs[0].body)
	assert.Equal(t, `{"application_id":"ap-1","reason_id":"r-2"}`, reqs[1].body)
	assert.Equal(t, base+"/unified/ats/applications/reject?integrated_account_id="+account, reqs[1].url)
	assert.NotEmpty(t, reqs[1].header.Get("Idempotency-Key"))
}

func TestAttachmentDownloadIsStreamedBytes(t *testing.T) {
	c, m := newMocked(t)
	pdf := []byte("%PDF-1.7\x00\xff binary")
	m.on(http.MethodPost, "/unified/ats/attachments/download", func(*http.Request) (*http.Response, error) {
		resp := httpmock.NewBytesResponse(200, pdf)
		resp.Header.Set("Content-Type", "application/pdf")
		return resp, nil
	})
	body, err := c.ATS.Attachments.Download(context.Background(), account, "https://files.example.com/cv.pdf")
	require.NoError(t, err)
	defer body.Close()
	got, err := io.ReadAll(body)
	require.NoError(t, err)
	assert.Equal(t, pdf, got)
	assert.Equal(t, base+"/unified/ats/attachments/download?file_url=https%3A%2F%2Ffiles.example.com%2Fcv.pdf&integrated_account_id="+account, m.requests()[0].url)
	assert.Equal(t, "*/*", m.requests()[0].header.Get("Accept"), "a file of any type, not JSON")
}

func TestRawAndStreamFormats(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/unified/ats/candidates", answer(200, []byte(`{"data":[{"lever_id":"x"}],"hasNext":false}`)))
	raw, err := c.Raw(context.Background(), truto.UnifiedRequest{Model: "ats", Resource: "candidates", IntegratedAccountID: account})
	require.NoError(t, err)
	assert.JSONEq(t, `{"data":[{"lever_id":"x"}],"hasNext":false}`, string(raw))
	assert.Contains(t, m.requests()[0].url, "truto_response_format=raw")

	rc, err := c.Stream(context.Background(), truto.UnifiedRequest{Model: "ats", Resource: "candidates", IntegratedAccountID: account},
		truto.WithResponseFormat(truto.FormatStream))
	require.NoError(t, err)
	b, _ := io.ReadAll(rc)
	rc.Close()
	assert.Contains(t, string(b), "lever_id")

	// The typed methods refuse formats whose answers they cannot hold.
	_, err = c.ATS.Candidates.List(context.Background(), account, truto.ListParams{}, truto.WithResponseFormat(truto.FormatRaw))
	require.ErrorIs(t, err, truto.ErrInvalidParams)
	assert.Contains(t, err.Error(), "use Client.Raw or Client.Stream")
	assert.Len(t, m.requests(), 2)
}

func TestGenericResource(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/unified/crm/contacts/k-1", answer(200, []byte(`{"id":"k-1","first_name":"Ada","custom":{"x":1}}`)))
	contacts := truto.Resource[map[string]any](c, "crm", "contacts")
	k, err := contacts.Get(context.Background(), account, "k-1")
	require.NoError(t, err)
	assert.Equal(t, "Ada", (*k)["first_name"])
}

func TestBadInputSendsNothing(t *testing.T) {
	ctx := context.Background()
	for name, call := range map[string]func(c *truto.Client) error{
		"no account": func(c *truto.Client) error {
			_, err := c.ATS.Candidates.Create(ctx, "", truto.CandidateInput{FirstName: "A"}, truto.CreateCandidateParams{})
			return err
		},
		"blank account": func(c *truto.Client) error { _, err := c.ATS.Jobs.List(ctx, " ", truto.ListParams{}); return err },
		"All no account": func(c *truto.Client) error {
			for _, err := range c.ATS.Candidates.All(ctx, "", truto.ListParams{}) {
				return err
			}
			return nil
		},
		"All KeyBy": func(c *truto.Client) error {
			for _, err := range c.ATS.Candidates.All(ctx, account, truto.ListParams{KeyBy: "id"}) {
				return err
			}
			return nil
		},
		"no id":        func(c *truto.Client) error { _, err := c.ATS.Candidates.Get(ctx, account, ""); return err },
		"delete no id": func(c *truto.Client) error { return c.ATS.Candidates.Delete(ctx, account, "") },
		"blank id":     func(c *truto.Client) error { _, err := c.ATS.Candidates.Get(ctx, account, " "); return err },
		"delete blank id": func(c *truto.Client) error {
			return truto.Proxy[map[string]any](c, "people").Delete(ctx, account, "\t")
		},
		"delete in the raw format": func(c *truto.Client) error {
			return c.ATS.Candidates.Delete(ctx, account, "c-1", truto.WithResponseFormat(truto.FormatRaw))
		},
		"update no input": func(c *truto.Client) error {
			_, err := truto.Resource[truto.Job](c, "ats", "jobs").Update(ctx, account, "j", nil)
			return err
		},
		"negative limit": func(c *truto.Client) error {
			_, err := c.ATS.Jobs.List(ctx, account, truto.ListParams{Limit: -1})
			return err
		},
		"a key on a read": func(c *truto.Client) error {
			_, err := c.ATS.Jobs.Get(ctx, account, "j", truto.WithIdempotencyKey("k"))
			return err
		},
		"the Authorization header": func(c *truto.Client) error {
			_, err := c.ATS.Jobs.Get(ctx, account, "j", truto.WithHeader("Authorization", "Bearer other"))
			return err
		},
		"unknown format": func(c *truto.Client) error {
			_, err := c.ATS.Jobs.Get(ctx, account, "j", truto.WithResponseFormat("xml"))
			return err
		},
		"empty exclude": func(c *truto.Client) error {
			_, err := c.ATS.Jobs.Get(ctx, account, "j", truto.WithExcludeFields(""))
			return err
		},
		"bad remote query": func(c *truto.Client) error {
			_, err := c.ATS.Jobs.Get(ctx, account, "j", truto.WithRemoteQuery(truto.RemoteQuery{"x": struct{}{}}))
			return err
		},
		"bad source": func(c *truto.Client) error {
			_, err := c.ATS.Candidates.Create(ctx, account, truto.CandidateInput{}, truto.CreateCandidateParams{ApplicationSource: "web"})
			return err
		},
		"empty email": func(c *truto.Client) error {
			_, err := c.ATS.Candidates.Create(ctx, account, truto.CandidateInput{Emails: []truto.Email{{}}}, truto.CreateCandidateParams{})
			return err
		},
		"move without stage": func(c *truto.Client) error {
			_, err := c.ATS.Applications.MoveStage(ctx, account, truto.MoveStageParams{ApplicationID: "a"})
			return err
		},
		"reject without app": func(c *truto.Client) error {
			_, err := c.ATS.Applications.Reject(ctx, account, truto.RejectParams{})
			return err
		},
		"download no url": func(c *truto.Client) error { _, err := c.ATS.Attachments.Download(ctx, account, ""); return err },
		"raw no model": func(c *truto.Client) error {
			_, err := c.Raw(ctx, truto.UnifiedRequest{IntegratedAccountID: account})
			return err
		},
		"method with slash": func(c *truto.Client) error {
			_, err := truto.Resource[map[string]any](c, "ats", "applications").Method(ctx, account, "a/b", nil)
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			c, m := newMocked(t)
			err := call(c)
			require.ErrorIs(t, err, truto.ErrInvalidParams)
			assert.Zero(t, m.GetTotalCallCount())
		})
	}
}

func TestClientNeverPrintsItsToken(t *testing.T) {
	c, _ := newMocked(t)
	s := fmt.Sprintf("%v %+v %#v %s", c, c, c, c)
	assert.NotContains(t, s, token)
	_, err := truto.NewClient("")
	assert.EqualError(t, err, "truto: invalid token: must not be empty")
}

func TestARecordWithoutAnIDIsADecodeError(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "/unified/ats/candidates/c-1", answer(200, []byte(`{"unexpected":true}`)))
	m.on(http.MethodPost, "/unified/ats/candidates", answer(201, []byte(`{}`)))
	_, err := c.ATS.Candidates.Get(context.Background(), account, "c-1")
	require.ErrorIs(t, err, truto.ErrUnexpectedResponse)
	assert.Contains(t, err.Error(), `want a record with "id"`)
	_, err = c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "A"}, truto.CreateCandidateParams{})
	require.ErrorIs(t, err, truto.ErrUnexpectedResponse)
}

// The reference page's own create sends truto_exclude_fields[]=id: the
// 201 answer has no id, and the candidate was created all the same.
func TestACreateThatExcludedTheIDIsAccepted(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/unified/ats/candidates", answer(201, []byte(`{"first_name":"Ada","last_name":"Lovelace"}`)))
	cand, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{},
		truto.WithExcludeFields("id"))
	require.NoError(t, err)
	assert.Equal(t, "Ada", cand.FirstName)
	assert.Contains(t, m.requests()[0].url, "truto_exclude_fields%5B%5D=id")

	// Without the exclusion, an answer with no id is not a record; the
	// error says plainly that the write happened.
	_, err = c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
	require.ErrorIs(t, err, truto.ErrUnexpectedResponse)
	assert.ErrorIs(t, err, truto.ErrWriteAccepted)
	assert.Contains(t, err.Error(), "the server accepted the write: do not send it again")
	assert.Len(t, m.requests(), 2, "not retried")
}

// A record without its id is an error in a Get and in a list alike; a
// list reports it without failing the page.
func TestARecordWithoutItsIDIsAnErrorNeverAValue(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	m.on(http.MethodGet, "/unified/ats/candidates/c-1", answer(200, []byte(`{"first_name":"Ada"}`)))
	_, err := c.ATS.Candidates.Get(ctx, account, "c-1")
	var de *truto.DecodeError
	require.ErrorAs(t, err, &de)
	assert.NotErrorIs(t, err, truto.ErrWriteAccepted, "a read wrote nothing")

	m.on(http.MethodGet, "/unified/ats/candidates",
		answer(200, []byte(`{"result":[{"id":"c-1"},{"first_name":"no id"},{"id":"c-3"}],"next_cursor":"p2"}`)),
		answer(200, []byte(`{"result":[{"id":""},{"id":"c-5"}],"next_cursor":null}`)))
	page, err := c.ATS.Candidates.List(ctx, account, truto.ListParams{})
	require.NoError(t, err)
	assert.Equal(t, []string{"c-1", "c-3"}, []string{page.Result[0].ID, page.Result[1].ID})
	require.Len(t, page.Invalid, 1)
	assert.Equal(t, 1, page.Invalid[0].Index)
	assert.JSONEq(t, `{"first_name":"no id"}`, string(page.Invalid[0].Raw))
	assert.ErrorIs(t, page.Invalid[0], truto.ErrUnexpectedResponse)

	m.on(http.MethodGet, "/unified/ats/candidates",
		answer(200, []byte(`{"result":[{"id":"c-1"},{"first_name":"no id"},{"id":"c-3"}],"next_cursor":"p2"}`)),
		answer(200, []byte(`{"result":[{"id":""},{"id":"c-5"}],"next_cursor":null}`)))
	var got []string
	for cand, err := range c.ATS.Candidates.All(ctx, account, truto.ListParams{}) {
		var re *truto.RecordError
		switch {
		case errors.As(err, &re):
			got = append(got, fmt.Sprintf("bad %d", re.Index))
		case err != nil:
			t.Fatal(err)
		default:
			got = append(got, cand.ID)
		}
	}
	assert.Equal(t, []string{"c-1", "bad 1", "c-3", "bad 0", "c-5"}, got, "in the page's order, and the range goes on")

	page, err = c.ATS.Candidates.List(ctx, account, truto.ListParams{}, truto.WithExcludeFields("id"))
	require.NoError(t, err)
	assert.Len(t, page.Result, 2, "a call that excluded the id checks nothing")
}
