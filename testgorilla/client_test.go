package testgorilla_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const token = "tg-api-key-123"

type exchange struct {
	method, url string
	header      http.Header
	body        string
}

// mock is an httpmock transport that records every request and answers
// each registered route with a fixed status and body. An unregistered
// route answers 501, which is not retried, so a wrong path fails at once.
type mock struct {
	*httpmock.MockTransport
	mu   sync.Mutex
	seen []exchange
}

func newMocked(t *testing.T, opts ...testgorilla.Option) (*testgorilla.Client, *mock) {
	t.Helper()
	m := &mock{MockTransport: httpmock.NewMockTransport()}
	m.RegisterNoResponder(httpmock.NewStringResponder(http.StatusNotImplemented, `{"detail":"no route"}`))
	base := []testgorilla.Option{testgorilla.WithHTTPClient(&http.Client{Transport: m}), testgorilla.WithRetry(2, time.Millisecond, 10*time.Millisecond)}
	c, err := testgorilla.NewClient(token, append(base, opts...)...)
	require.NoError(t, err)
	return c, m
}

func (m *mock) on(method, url string, status int, body []byte) {
	m.RegisterResponder(method, url, m.answer(status, "application/json", body))
}

// answer is a responder that records each request and answers it with
// status, a body and its content type.
func (m *mock) answer(status int, contentType string, body []byte) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		m.record(req)
		resp := httpmock.NewBytesResponse(status, body)
		resp.Header.Set("Content-Type", contentType)
		return resp, nil
	}
}

// record keeps req, its body read, as an exchange.
func (m *mock) record(req *http.Request) {
	var b []byte
	if req.Body != nil {
		b, _ = io.ReadAll(req.Body)
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.seen = append(m.seen, exchange{req.Method, req.URL.String(), req.Header.Clone(), string(b)})
}

// exchanges returns the requests recorded so far.
func (m *mock) exchanges() []exchange {
	m.mu.Lock()
	defer m.mu.Unlock()
	return slices.Clone(m.seen)
}

func (m *mock) last(t *testing.T) exchange {
	t.Helper()
	m.mu.Lock()
	defer m.mu.Unlock()
	require.NotEmpty(t, m.seen)
	return m.seen[len(m.seen)-1]
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return b
}

func assertAuth(t *testing.T, x exchange, withBody bool) {
	t.Helper()
	assert.Equal(t, "Token "+token, x.header.Get("Authorization"))
	assert.Equal(t, "application/json", x.header.Get("Accept"))
	if withBody {
		assert.Equal(t, "application/json", x.header.Get("Content-Type"))
	} else {
		assert.Empty(t, x.body)
	}
}

const api = "https://app.testgorilla.com/api/assessments/"

func TestListCandidaturesEncodesEveryFilter(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"candidature/", 200, fixture(t, "candidatures_documented.json"))
	page, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{
		Assessment: 42, Status: testgorilla.StatusCompleted, Stage: testgorilla.StageEvaluated,
		Ordering: testgorilla.OrderAvgScore.Desc(), Limit: 25, Offset: 50,
	})
	require.NoError(t, err)
	x := m.last(t)
	assert.Equal(t, http.MethodGet, x.method)
	assert.Equal(t, api+"candidature/?assessment=42&limit=25&offset=50&ordering=-avg_score&stage=EVA&status=completed", x.url)
	assertAuth(t, x, false)
	assert.Equal(t, 2, page.Count)
	assert.Empty(t, page.Next)
	require.Len(t, page.Results, 2)

	_, err = c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: 42})
	require.NoError(t, err)
	assert.Equal(t, api+"candidature/?assessment=42", m.last(t).url, "zero filters are not sent")
}

// The documented example's personality, unknown stage and attribute,
// and the older "average" (every field: decode_test.go).
func TestCandidatureReadsPersonalityStageAndExtras(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"candidature/", 200, fixture(t, "candidatures_documented.json"))
	page, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: 1})
	require.NoError(t, err)

	john := page.Results[0]
	p, err := john.Big5()
	require.NoError(t, err)
	assert.Equal(t, testgorilla.Traits{Extraversion: 3, Agreeableness: 3, Conscientiousness: 1, EmotionalStability: 1, Openness: 1}, p.Calibrated)
	assert.Equal(t, testgorilla.RawTraits{Extraversion: 30, Agreeableness: 32, Conscientiousness: 28, EmotionalStability: 19, Openness: 28}, p.Raw)
	assert.Empty(t, john.Extra())

	jane := page.Results[1]
	assert.False(t, jane.Stage.Known(), "an undocumented stage is kept")
	_, err = jane.Big5()
	assert.Error(t, err)

	c2, m2 := newMocked(t)
	m2.on(http.MethodGet, api+"candidature/", 200, []byte(`{"count":2,"results":[{"id":1,"average":55.5},{"id":2,"avg_score":60}]}`))
	old, err := c2.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: 1})
	require.NoError(t, err)
	assert.Equal(t, 55.5, *old.Results[0].AvgScore, `older versions say "average"`)
	assert.Equal(t, 60.0, *old.Results[1].AvgScore)
	assert.JSONEq(t, `{"id":2,"avg_score":60}`, string(old.Results[1].Raw()), "each item's own JSON")
}

func TestListOfAnotherShapeIsAnError(t *testing.T) {
	for _, body := range []string{`{"detail":"ok"}`, `[]`, `{"count":3}`, `<html></html>`} {
		c, m := newMocked(t)
		m.on(http.MethodGet, api+"candidature/", 200, []byte(body))
		_, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: 1})
		assert.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse, body)
	}
}

// ChangeStage is a PATCH the vendor does not call idempotent, whose
// answer says whether it sent the candidate a reminder: after a 5xx it
// is not sent again, and the error says the outcome is unknown. A 429,
// which the server answers without acting, is retried.
func TestChangeStageIsSentOnceUnlessRefusedUnread(t *testing.T) {
	c, m := newMocked(t)
	calls := 0
	answers := []*http.Response{
		httpmock.NewStringResponse(502, "bad gateway"),
		{StatusCode: 429, Header: http.Header{"X-Ratelimit-Reset": {"0.01"}}, Body: httpmock.NewRespBodyFromString(`{"detail":"throttled"}`)},
		httpmock.NewBytesResponse(200, fixture(t, "change_stage_documented.json")),
	}
	m.RegisterResponder(http.MethodPatch, api+"candidature/7/change_stage/", func(req *http.Request) (*http.Response, error) {
		calls++
		b, _ := io.ReadAll(req.Body)
		assert.Equal(t, `{"stage":"REJ"}`, string(b))
		assert.Equal(t, "application/json", req.Header.Get("Content-Type"))
		assert.Equal(t, "Token "+token, req.Header.Get("Authorization"))
		return answers[calls-1], nil
	})
	_, err := c.Candidatures.ChangeStage(context.Background(), 7, testgorilla.StageRejected)
	require.ErrorIs(t, err, testgorilla.ErrOutcomeUnknown)
	assert.Contains(t, err.Error(), "outcome unknown")
	assert.Equal(t, 1, calls, "not sent again after a 502")

	sc, err := c.Candidatures.ChangeStage(context.Background(), 7, testgorilla.StageRejected)
	require.NoError(t, err)
	assert.Equal(t, &testgorilla.StageChange{ID: 7, Stage: testgorilla.StageRejected}, sc, `"id": "7" read as a number`)
	assert.Equal(t, 3, calls, "sent again after a 429")
}

func TestWritesThatEmailAreSentOnce(t *testing.T) {
	for name, call := range map[string]func(*testgorilla.Client) error{
		"send-reminder/": func(c *testgorilla.Client) error {
			return c.Candidatures.SendRejectionEmail(context.Background(), 7)
		},
		"send-invitation/": func(c *testgorilla.Client) error {
			return c.Candidatures.ResendInvitation(context.Background(), 7)
		},
	} {
		t.Run(name, func(t *testing.T) {
			c, m := newMocked(t)
			m.on(http.MethodPost, api+"candidature/7/"+name, 500, []byte(`{"detail":"Server Error"}`))
			err := call(c)
			require.Error(t, err)
			assert.Equal(t, 1, m.GetTotalCallCount())
			x := m.last(t)
			assert.Equal(t, http.MethodPost, x.method)
			assert.Equal(t, api+"candidature/7/"+name, x.url)
			assertAuth(t, x, false)
		})
	}
}

func TestDeleteCandidature(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodDelete, api+"candidature/7/", 204, nil)
	require.NoError(t, c.Candidatures.Delete(context.Background(), 7))
	x := m.last(t)
	assert.Equal(t, api+"candidature/7/", x.url)
	assertAuth(t, x, false)

	m.on(http.MethodDelete, api+"candidature/8/", 404, []byte(`{"detail":"Not found."}`))
	err := c.Candidatures.Delete(context.Background(), 8)
	assert.ErrorIs(t, err, testgorilla.ErrNotFound)
	assert.EqualError(t, err, "testgorilla: DELETE /api/assessments/candidature/8/: 404 Not Found: Not found.")
}

func TestAssessmentEndpoints(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api, 200, []byte(`{"count":1,"next":null,"previous":null,"results":[{"id":55,"name":"Go developer","status":"active","candidates":12}]}`))
	page, err := c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{
		Status: testgorilla.AssessmentActive, Ordering: testgorilla.OrderModified.Desc(), Limit: 5, Offset: 10,
	})
	require.NoError(t, err)
	assert.Equal(t, api+"?limit=5&offset=10&ordering=-modified&status=active", m.last(t).url)
	assert.Equal(t, "Go developer", page.Results[0].Name)

	m.on(http.MethodGet, api+"55/", 200, []byte(`{"id":55,"name":"Go developer","status":"active"}`))
	a, err := c.Assessments.Get(context.Background(), 55)
	require.NoError(t, err)
	assert.Equal(t, testgorilla.AssessmentActive, a.Status)

	m.on(http.MethodPost, api+"55/invite_candidate/", 201, []byte(`{"id":9001,"email":"ada@example.com","invitation_link":"https://assessment.testgorilla.com/x"}`))
	inv, err := c.Assessments.Invite(context.Background(), 55, testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace", NoEmail: true})
	require.NoError(t, err)
	x := m.last(t)
	assert.Equal(t, api+"55/invite_candidate/?no_email=true", x.url)
	assert.Equal(t, `{"email":"ada@example.com","first_name":"Ada","last_name":"Lovelace"}`, x.body)
	assertAuth(t, x, true)
	assert.Equal(t, "https://assessment.testgorilla.com/x", inv.InvitationLink)

	_, err = c.Assessments.Invite(context.Background(), 55, testgorilla.InviteParams{Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper"})
	require.NoError(t, err)
	assert.Equal(t, api+"55/invite_candidate/", m.last(t).url, "no_email is sent only when set")
}

func TestInviteErrors(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, api+"55/invite_candidate/", 400, fixture(t, "error_repeating_invitation.json"))
	_, err := c.Assessments.Invite(context.Background(), 55, testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada", LastName: "L"})
	require.ErrorIs(t, err, testgorilla.ErrAlreadyInvited)
	assert.NotErrorIs(t, err, testgorilla.ErrBadEmail)
	var apiErr *testgorilla.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "REPEATING_INVITATION", apiErr.Code)
	assert.Equal(t, []testgorilla.FieldError{{Field: "email", Code: "REPEATING_INVITATION"}}, apiErr.Fields)
	assert.Equal(t, "testgorilla: POST /api/assessments/55/invite_candidate/: 400 Bad Request: REPEATING_INVITATION; email: REPEATING_INVITATION", err.Error())
	assert.Equal(t, 1, m.GetTotalCallCount(), "an invitation is not retried")

	m.on(http.MethodPost, api+"56/invite_candidate/", 400, []byte(`{"errors":[{"field":"email","error_key":"BAD_EMAIL_IPSCORE"}]}`))
	_, err = c.Assessments.Invite(context.Background(), 56, testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada", LastName: "L"})
	assert.ErrorIs(t, err, testgorilla.ErrBadEmail)
}

func TestRateLimitResetIsWaitedOut(t *testing.T) {
	c, m := newMocked(t, testgorilla.WithRetry(2, time.Millisecond, 2*time.Second))
	m.RegisterResponder(http.MethodGet, api+"55/",
		httpmock.NewStringResponder(429, `{"detail":"Request was throttled."}`).
			HeaderSet(http.Header{"X-Ratelimit-Limit": {"20"}, "X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"0.3"}}).
			Then(httpmock.NewStringResponder(200, `{"id":55}`)))
	var waits []time.Duration
	ctx := rest.WithWaitHook(context.Background(), func(d time.Duration) { waits = append(waits, d) })
	_, err := c.Assessments.Get(ctx, 55)
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{300 * time.Millisecond}, waits, "X-RateLimit-Reset is the wait")
}

func TestBadParamsSendNothing(t *testing.T) {
	ctx := context.Background()
	for name, call := range map[string]func(c *testgorilla.Client) error{
		"no assessment": func(c *testgorilla.Client) error {
			_, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{})
			return err
		},
		"unknown status": func(c *testgorilla.Client) error {
			_, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: 1, Status: "done"})
			return err
		},
		"unknown ordering": func(c *testgorilla.Client) error {
			_, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: 1, Ordering: "score"})
			return err
		},
		"negative limit": func(c *testgorilla.Client) error {
			_, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: 1, Limit: -1})
			return err
		},
		"negative offset": func(c *testgorilla.Client) error {
			_, err := c.Assessments.List(ctx, testgorilla.ListAssessmentsParams{Offset: -5})
			return err
		},
		"assessment ordering": func(c *testgorilla.Client) error {
			_, err := c.Assessments.List(ctx, testgorilla.ListAssessmentsParams{Ordering: "avg_score"})
			return err
		},
		"All without assessment": func(c *testgorilla.Client) error {
			for _, err := range c.Candidatures.All(ctx, testgorilla.ListCandidaturesParams{}) {
				return err
			}
			return nil
		},
		"zero id":        func(c *testgorilla.Client) error { return c.Candidatures.Delete(ctx, 0) },
		"no stage":       func(c *testgorilla.Client) error { _, err := c.Candidatures.ChangeStage(ctx, 1, ""); return err },
		"reminder id":    func(c *testgorilla.Client) error { return c.Candidatures.SendRejectionEmail(ctx, -1) },
		"candidate id":   func(c *testgorilla.Client) error { _, err := c.Candidates.Get(ctx, 0); return err },
		"invite email":   func(c *testgorilla.Client) error { return invite(c, "not-an-email", "A", "B") },
		"invite display": func(c *testgorilla.Client) error { return invite(c, "Ada <a@example.com>", "A", "B") },
	} {
		t.Run(name, func(t *testing.T) {
			c, m := newMocked(t)
			err := call(c)
			var v *testgorilla.ValidationError
			require.ErrorAs(t, err, &v)
			assert.Equal(t, 0, m.GetTotalCallCount())
		})
	}
}

func invite(c *testgorilla.Client, email, first, last string) error {
	_, err := c.Assessments.Invite(context.Background(), 1, testgorilla.InviteParams{Email: email, FirstName: first, LastName: last})
	return err
}

func TestLoginWireFormatAndSecrecy(t *testing.T) {
	m := httpmock.NewMockTransport()
	const password = "hunter2-very-secret"
	m.RegisterResponder(http.MethodPost, "https://app.testgorilla.com/api/profiles/login/", func(req *http.Request) (*http.Response, error) {
		b, _ := io.ReadAll(req.Body)
		assert.JSONEq(t, `{"username":"ada@example.com","password":"`+password+`"}`, string(b))
		assert.Empty(t, req.Header.Get("Authorization"))
		var body map[string]string
		_ = json.Unmarshal(b, &body)
		if body["password"] != password {
			return httpmock.NewStringResponse(400, `{"non_field_errors":["Unable to log in with provided credentials."]}`), nil
		}
		return httpmock.NewStringResponse(200, `{"token":"fresh-token"}`), nil
	})
	hc := testgorilla.WithHTTPClient(&http.Client{Transport: m})
	tok, err := testgorilla.Login(context.Background(), "ada@example.com", password, hc)
	require.NoError(t, err)
	assert.Equal(t, "fresh-token", tok)

	// A server that echoes the password back in its error does not leak it.
	m.RegisterResponder(http.MethodPost, "https://eu.testgorilla.test/api/profiles/login/",
		httpmock.NewStringResponder(400, `{"detail":"bad password `+password+`"}`))
	_, err = testgorilla.Login(context.Background(), "ada@example.com", password, hc, testgorilla.WithBaseURL("https://eu.testgorilla.test"))
	require.Error(t, err)
	var out bytes.Buffer
	fmt.Fprintf(&out, "%v %+v", err, err)
	var apiErr *testgorilla.APIError
	require.ErrorAs(t, err, &apiErr)
	out.Write(apiErr.Body)
	assert.NotContains(t, out.String(), password)
	assert.Contains(t, out.String(), "[REDACTED]")

	_, err = testgorilla.Login(context.Background(), "", password, hc)
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
	_, err = testgorilla.NewClient("", testgorilla.WithLogin("ada", ""))
	assert.ErrorContains(t, err, "username and password are required")
	_, err = testgorilla.NewClient("")
	assert.EqualError(t, err, "testgorilla: invalid token: must not be empty")
}

func TestPersonality(t *testing.T) {
	p, err := testgorilla.ParsePersonality("5-4-3-2-1_40-35-30-25-20")
	require.NoError(t, err)
	assert.Equal(t, 5, p.Calibrated.Extraversion)
	assert.Equal(t, 20.0, p.Raw.Openness)
	assert.Equal(t, "5-4-3-2-1_40-35-30-25-20", p.String())

	// Results carry the original scores with decimals (the result-types
	// page's example).
	p, err = testgorilla.ParsePersonality("2-1-1-2-1_30.0-29.0-33.0-26.5-31.0")
	require.NoError(t, err)
	assert.Equal(t, testgorilla.RawTraits{Extraversion: 30, Agreeableness: 29, Conscientiousness: 33, EmotionalStability: 26.5, Openness: 31}, p.Raw)
	assert.Equal(t, "2-1-1-2-1_30-29-33-26.5-31", p.String())

	for _, bad := range []string{"", "3-3-1-1-1", "3-3-1-1_30-32-28-19-28", "3-3-1-1-x_30-32-28-19-28", "6-3-1-1-1_30-32-28-19-28",
		"0-3-1-1-1_30-32-28-19-28", "3-3-1-1-1_30-32-28-19--28", "3-3-1-1-1_1e3-32-28-19-28", "3-3-1-1-1_NaN-32-28-19-28",
		"3-3-1-1-1_.5-32-28-19-28", "3-3-1-1-1_5.-32-28-19-28", "3.0-3-1-1-1_30-32-28-19-28", "3-3-1-1-1_3_0-32-28-19-28"} {
		_, err := testgorilla.ParsePersonality(bad)
		assert.Error(t, err, bad)
	}
}

func TestEnums(t *testing.T) {
	assert.Equal(t, testgorilla.Ordering("-created"), testgorilla.OrderCreated.Desc())
	assert.Equal(t, testgorilla.Ordering("-created"), testgorilla.OrderCreated.Desc().Desc())
	assert.Equal(t, "Rejected", testgorilla.StageRejected.Description())
	assert.Equal(t, "CWD", testgorilla.Stage("CWD").Description())
	assert.Len(t, testgorilla.Stages, 10)
	for _, s := range testgorilla.Stages {
		assert.True(t, s.Known())
		assert.Len(t, string(s), 3)
	}
}

func TestClientNeverPrintsItsToken(t *testing.T) {
	c, _ := newMocked(t)
	s := fmt.Sprintf("%v %+v %#v %s", c, c, c, c)
	assert.NotContains(t, s, token)
	assert.True(t, strings.Contains(s, "[REDACTED]"))
}

func TestAStageChangeWithoutAStageIsADecodeError(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPatch, api+"candidature/7/change_stage/", 200, []byte(`{"detail":"ok"}`))
	_, err := c.Candidatures.ChangeStage(context.Background(), 7, testgorilla.StageRejected)
	require.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse)
	assert.Contains(t, err.Error(), "expected *testgorilla.StageChange")
}
