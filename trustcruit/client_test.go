package trustcruit_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const token = "tc-secret-token-42"

// newMocked returns a client whose requests go to an httpmock transport;
// an unregistered route answers 501 (not retried), so a miss fails at once.
func newMocked(t *testing.T, opts ...trustcruit.Option) (*trustcruit.Client, *httpmock.MockTransport) {
	t.Helper()
	mt := httpmock.NewMockTransport()
	mt.RegisterNoResponder(httpmock.NewStringResponder(http.StatusNotImplemented, `{"detail":"no route"}`))
	base := []trustcruit.Option{trustcruit.WithHTTPClient(&http.Client{Transport: mt}), trustcruit.WithRetry(2, time.Millisecond, 10*time.Millisecond)}
	c, err := trustcruit.NewClient(token, append(base, opts...)...)
	require.NoError(t, err)
	return c, mt
}

func fixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	require.NoError(t, err)
	return bytes.TrimSpace(b)
}

// exchange is one request as the mock saw it.
type exchange struct {
	method, url string
	header      http.Header
	body        []byte
}

// record answers every request to method+target with status and body,
// and keeps what it saw.
func record(mt *httpmock.MockTransport, method, target string, status int, body []byte) *[]exchange {
	var seen []exchange
	mt.RegisterResponder(method, target, func(req *http.Request) (*http.Response, error) {
		b := []byte(nil)
		if req.Body != nil {
			b, _ = io.ReadAll(req.Body)
		}
		seen = append(seen, exchange{req.Method, req.URL.String(), req.Header.Clone(), b})
		resp := httpmock.NewBytesResponse(status, body)
		resp.Header.Set("Content-Type", "application/json")
		return resp, nil
	})
	return &seen
}

func assertHeaders(t *testing.T, h http.Header, withBody bool) {
	t.Helper()
	assert.Equal(t, "Token "+token, h.Get("Authorization"))
	assert.Equal(t, "application/json", h.Get("Accept"))
	assert.True(t, strings.HasPrefix(h.Get("User-Agent"), "recruitkit-go/"), h.Get("User-Agent"))
	if withBody {
		assert.Equal(t, "application/json", h.Get("Content-Type"))
	} else {
		assert.Empty(t, h.Get("Content-Type"))
	}
}

func TestSubmitCandidateSendsTheDocumentedBody(t *testing.T) {
	c, mt := newMocked(t)
	seen := record(mt, http.MethodPost, "https://api.trustcruit.com/feedback/api/candidate/", http.StatusCreated, nil)
	err := c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID,
		Level:       trustcruit.LevelStep1,
		Email:       "ada@example.com",
		JobAdTitle:  "Apprentice Hitman",
		Tags: trustcruit.Tags{
			trustcruit.TagRecruiterName: {"Leon"},
			"Department":                {"HR", "Hitman"},
			trustcruit.TagCity:          {"Little Italy"},
		},
	})
	require.NoError(t, err)
	require.Len(t, *seen, 1)
	got := (*seen)[0]
	assert.Equal(t, http.MethodPost, got.method)
	assert.Equal(t, "https://api.trustcruit.com/feedback/api/candidate/", got.url, "trailing slash, no query")
	assertHeaders(t, got.header, true)
	assert.Equal(t, string(fixture(t, "submit_documented.json")), string(got.body))
}

func TestSubmitCandidateSendsDateAsYYYYMMDD(t *testing.T) {
	c, mt := newMocked(t)
	seen := record(mt, http.MethodPost, "https://api.trustcruit.com/feedback/api/candidate/", http.StatusCreated, nil)
	err := c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: 7, Level: trustcruit.LevelStep2, Email: "bo@example.org", Date: trustcruit.Date{Year: 2026, Month: time.March, Day: 4},
	})
	require.NoError(t, err)
	assert.Equal(t, `{"customer_sprancher_id":7,"candidate_level":"step2","candidate_email":"bo@example.org","date":"2026-03-04"}`, string((*seen)[0].body))
}

func TestStatsSendsTheFiltersAndDecodesTheDocumentedAnswer(t *testing.T) {
	c, mt := newMocked(t)
	seen := record(mt, http.MethodGet, "https://api.trustcruit.com/shinyform/api/answers/stats/", 200, fixture(t, "stats_documented.json"))
	st, err := c.Stats(context.Background(), trustcruit.StatsParams{
		Question: trustcruit.QuestionCNPS,
		From:     trustcruit.Date{Year: 2026, Month: time.July, Day: 1},
		Until:    trustcruit.Date{Year: 2026, Month: time.October, Day: 1},
	})
	require.NoError(t, err)
	require.Len(t, *seen, 1)
	assert.Equal(t, http.MethodGet, (*seen)[0].method)
	assert.Equal(t, "https://api.trustcruit.com/shinyform/api/answers/stats/?date__gte=2026-07-01&date__lt=2026-10-01&question=405", (*seen)[0].url)
	assertHeaders(t, (*seen)[0].header, false)
	assert.Empty(t, (*seen)[0].body)

	assert.Equal(t, trustcruit.QuestionCNPS, st.Question)
	assert.Equal(t, 19255, st.Count)
	assert.Equal(t, 9337, st.Ratings["10"])
	assert.False(t, st.NoData)
	score, err := st.CNPS()
	require.NoError(t, err)
	v, ok := score.Rounded()
	require.True(t, ok)
	assert.Equal(t, 56, v)
	h, err := st.Histogram()
	require.NoError(t, err)
	assert.Equal(t, 102, h[0])
}

func TestStatsWithOnlyTheQuestion(t *testing.T) {
	c, mt := newMocked(t)
	seen := record(mt, http.MethodGet, "https://api.trustcruit.com/shinyform/api/answers/stats/", 200, fixture(t, "stats_documented.json"))
	_, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
	require.NoError(t, err)
	assert.Equal(t, "https://api.trustcruit.com/shinyform/api/answers/stats/?question=405", (*seen)[0].url)
}

func TestStatsEmptyListIsNoDataNotAnError(t *testing.T) {
	c, mt := newMocked(t)
	record(mt, http.MethodGet, "https://api.trustcruit.com/shinyform/api/answers/stats/", 200, fixture(t, "stats_empty.json"))
	st, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
	require.NoError(t, err)
	assert.True(t, st.NoData)
	assert.Zero(t, st.Count)
	score, err := st.CNPS()
	require.NoError(t, err)
	_, ok := score.Rounded()
	assert.False(t, ok, "CNPS unavailable")
}

func TestStatsOfAnotherShapeIsAnError(t *testing.T) {
	for body, want := range map[string]string{
		`{"question":405,"count":3}`:    `want a stats object with "stats"`,
		`{"question":405,"stats":null}`: `want a stats object with "stats"`,
		`[{"question":405}]`:            "got a non-empty list",
		`"ok"`:                          "cannot unmarshal string",
		`<html>Bad gateway</html>`:      "invalid character '<'",
		`{"stats":{"4":"many"}}`:        "cannot unmarshal string",
	} {
		c, mt := newMocked(t)
		record(mt, http.MethodGet, "https://api.trustcruit.com/shinyform/api/answers/stats/", 200, []byte(body))
		_, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
		var decErr *trustcruit.DecodeError
		require.ErrorAs(t, err, &decErr, body)
		assert.ErrorIs(t, err, trustcruit.ErrUnexpectedResponse)
		assert.Contains(t, err.Error(), want)
		assert.Contains(t, err.Error(), "expected *trustcruit.Stats")
	}
}

func TestErrorAnswersAreParsed(t *testing.T) {
	c, mt := newMocked(t)
	record(mt, http.MethodGet, "https://api.trustcruit.com/shinyform/api/answers/stats/", 401, fixture(t, "error_detail.json"))
	record(mt, http.MethodPost, "https://api.trustcruit.com/feedback/api/candidate/", 400, fixture(t, "error_fields.json"))

	_, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
	require.ErrorIs(t, err, trustcruit.ErrUnauthorized)
	assert.EqualError(t, err, "trustcruit: GET /shinyform/api/answers/stats/: 401 Unauthorized: Invalid token.")

	err = c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{SprancherID: 5, Level: trustcruit.LevelStep1, Email: "a@b.co"})
	var apiErr *trustcruit.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, []trustcruit.FieldError{
		{Field: "candidate_email", Message: "Enter a valid email address."},
		{Field: "customer_sprancher_id", Message: `Invalid pk "5" - object does not exist.`},
	}, apiErr.Fields)
	assert.Equal(t, `trustcruit: POST /feedback/api/candidate/: 400 Bad Request; candidate_email: Enter a valid email address.; customer_sprancher_id: Invalid pk "5" - object does not exist.`, err.Error())
}

func TestBadParamsAreRefusedBeforeAnyRequest(t *testing.T) {
	ok := trustcruit.SubmitCandidateParams{SprancherID: 1010, Level: trustcruit.LevelTest, Email: "ada@example.com"}
	with := func(f func(p *trustcruit.SubmitCandidateParams)) trustcruit.SubmitCandidateParams {
		p := ok
		f(&p)
		return p
	}
	for name, tc := range map[string]struct {
		params trustcruit.SubmitCandidateParams
		field  string
	}{
		"zero sprancher id":     {with(func(p *trustcruit.SubmitCandidateParams) { p.SprancherID = 0 }), "SprancherID"},
		"negative sprancher id": {with(func(p *trustcruit.SubmitCandidateParams) { p.SprancherID = -3 }), "SprancherID"},
		"no level":              {with(func(p *trustcruit.SubmitCandidateParams) { p.Level = "" }), "Level"},
		"blank level":           {with(func(p *trustcruit.SubmitCandidateParams) { p.Level = "  " }), "Level"},
		"no email":              {with(func(p *trustcruit.SubmitCandidateParams) { p.Email = "" }), "Email"},
		"not an email":          {with(func(p *trustcruit.SubmitCandidateParams) { p.Email = "ada.example.com" }), "Email"},
		"display name":          {with(func(p *trustcruit.SubmitCandidateParams) { p.Email = "Ada <ada@example.com>" }), "Email"},
		"spaces around":         {with(func(p *trustcruit.SubmitCandidateParams) { p.Email = " ada@example.com" }), "Email"},
		"no domain dot":         {with(func(p *trustcruit.SubmitCandidateParams) { p.Email = "ada@localhost" }), "Email"},
		"two at signs":          {with(func(p *trustcruit.SubmitCandidateParams) { p.Email = "a@b@example.com" }), "Email"},
		"empty tag key":         {with(func(p *trustcruit.SubmitCandidateParams) { p.Tags = trustcruit.Tags{"": {"x"}} }), "Tags"},
		"blank tag key":         {with(func(p *trustcruit.SubmitCandidateParams) { p.Tags = trustcruit.Tags{" ": {"x"}} }), "Tags"},
		"impossible date": {with(func(p *trustcruit.SubmitCandidateParams) {
			p.Date = trustcruit.Date{Year: 2026, Month: time.February, Day: 30}
		}), "Date"},
	} {
		t.Run(name, func(t *testing.T) {
			c, mt := newMocked(t)
			err := c.SubmitCandidate(context.Background(), tc.params)
			var v *trustcruit.ValidationError
			require.ErrorAs(t, err, &v)
			assert.Equal(t, tc.field, v.Field)
			assert.ErrorIs(t, err, trustcruit.ErrInvalidParams)
			assert.Equal(t, 0, mt.GetTotalCallCount(), "nothing sent")
		})
	}
	for name, tc := range map[string]struct {
		params trustcruit.StatsParams
		field  string
	}{
		"no question":      {trustcruit.StatsParams{}, "Question"},
		"From after Until": {trustcruit.StatsParams{Question: 405, From: trustcruit.Date{Year: 2026, Month: 5, Day: 2}, Until: trustcruit.Date{Year: 2026, Month: 5, Day: 1}}, "Until"},
		"From is Until":    {trustcruit.StatsParams{Question: 405, From: trustcruit.Date{Year: 2026, Month: 5, Day: 1}, Until: trustcruit.Date{Year: 2026, Month: 5, Day: 1}}, "Until"},
		"bad From":         {trustcruit.StatsParams{Question: 405, From: trustcruit.Date{Year: 2026, Month: 13, Day: 1}}, "From"},
		"bad Until":        {trustcruit.StatsParams{Question: 405, Until: trustcruit.Date{Year: 2026, Month: 4, Day: 31}}, "Until"},
	} {
		t.Run(name, func(t *testing.T) {
			c, mt := newMocked(t)
			_, err := c.Stats(context.Background(), tc.params)
			var v *trustcruit.ValidationError
			require.ErrorAs(t, err, &v)
			assert.Equal(t, tc.field, v.Field)
			assert.Equal(t, 0, mt.GetTotalCallCount(), "nothing sent")
		})
	}
}

func TestOverridesOfTheAssumedWireFormat(t *testing.T) {
	c, mt := newMocked(t, trustcruit.WithAuthScheme("Bearer"), trustcruit.WithStatsPath("/api/v2/stats/"), trustcruit.WithBaseURL("https://eu.trustcruit.test"))
	seen := record(mt, http.MethodGet, "https://eu.trustcruit.test/api/v2/stats/", 200, fixture(t, "stats_empty.json"))
	_, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
	require.NoError(t, err)
	require.Len(t, *seen, 1)
	assert.Equal(t, "Bearer "+token, (*seen)[0].header.Get("Authorization"))

	_, err = trustcruit.NewClient(token, trustcruit.WithStatsPath("stats"))
	assert.ErrorContains(t, err, "must start and end with /")
	_, err = trustcruit.NewClient("")
	assert.EqualError(t, err, "trustcruit: invalid token: must not be empty")
}

func TestTagsWireFormat(t *testing.T) {
	b, err := trustcruit.Tags{"Source": {"LinkedIn"}, "Department": {"HR", "Sales"}, "Empty": nil}.MarshalJSON()
	require.NoError(t, err)
	assert.Equal(t, `{"Department":["HR","Sales"],"Empty":[],"Source":"LinkedIn"}`, string(b))

	var tags trustcruit.Tags
	require.NoError(t, tags.UnmarshalJSON([]byte(`{"City":"Malmö","Department":["HR","Hitman"]}`)))
	assert.Equal(t, trustcruit.Tags{"City": {"Malmö"}, "Department": {"HR", "Hitman"}}, tags)
	assert.Error(t, tags.UnmarshalJSON([]byte(`{"City":3}`)))
	assert.Error(t, tags.UnmarshalJSON([]byte(`[{"City":"x"}]`)))
}

func TestDate(t *testing.T) {
	d, err := trustcruit.ParseDate("2026-11-23")
	require.NoError(t, err)
	assert.Equal(t, trustcruit.Date{Year: 2026, Month: time.November, Day: 23}, d)
	assert.Equal(t, "2026-11-23", d.String())
	assert.Equal(t, trustcruit.Date{Year: 2027, Month: time.January, Day: 1}, trustcruit.Date{Year: 2026, Month: 12, Day: 31}.AddDays(1))
	assert.Equal(t, d, trustcruit.DateOf(time.Date(2026, 11, 23, 23, 59, 0, 0, time.FixedZone("CET", 3600))))
	assert.True(t, trustcruit.Date{}.IsZero())
	for _, bad := range []string{"2026-02-30", "23/11/2026", "2026-11-23T10:00:00Z", "", "0000-01-01"} { // year 0: found by FuzzParseDate
		_, err := trustcruit.ParseDate(bad)
		assert.Error(t, err, bad)
	}
	_, err = trustcruit.Date{Year: 2026, Month: 2, Day: 29}.MarshalText()
	assert.Error(t, err)
}

func TestCreateCustomerURL(t *testing.T) {
	u, err := trustcruit.CreateCustomerURL(trustcruit.CreateCustomerParams{
		Callback: "https://hr.example.com/trustcruit/callback?state=xyz", CustomerName: "Acme & Sons",
	})
	require.NoError(t, err)
	assert.Equal(t, "https://app.trustcruit.com/customer/create/?callback=https%3A%2F%2Fhr.example.com%2Ftrustcruit%2Fcallback%3Fstate%3Dxyz&customer_name=Acme+%26+Sons", u)

	u, err = trustcruit.CreateCustomerURL(trustcruit.CreateCustomerParams{Callback: "http://localhost:8080/cb", AppURL: "https://example.com/"})
	require.NoError(t, err)
	assert.Equal(t, "https://example.com/customer/create/?callback=http%3A%2F%2Flocalhost%3A8080%2Fcb", u)

	for _, p := range []trustcruit.CreateCustomerParams{
		{},
		{Callback: "/relative/cb"},
		{Callback: "ftp://example.com/cb"},
		{Callback: "https://"},
		{Callback: "https://ok.example.com/cb", AppURL: "app.trustcruit.com"},
	} {
		_, err := trustcruit.CreateCustomerURL(p)
		assert.ErrorIs(t, err, trustcruit.ErrInvalidParams, "%+v", p)
	}
}

func TestParseCallback(t *testing.T) {
	parse := func(raw string) (trustcruit.Callback, error) {
		u, err := url.Parse(raw)
		require.NoError(t, err)
		return trustcruit.ParseCallback(u)
	}
	cb, err := parse("https://hr.example.com/cb?state=xyz&sprancher_id=2042&token=abc123&lang=sv")
	require.NoError(t, err)
	assert.Equal(t, 2042, cb.SprancherID)
	assert.Equal(t, "abc123", cb.Token)
	assert.Equal(t, url.Values{"state": {"xyz"}, "lang": {"sv"}}, cb.Extra)

	for _, alias := range []string{"auth_token", "auth"} {
		cb, err := parse("https://hr.example.com/cb?sprancher_id=7&" + alias + "=t0k")
		require.NoError(t, err, alias)
		assert.Equal(t, "t0k", cb.Token)
		assert.Empty(t, cb.Extra)
	}

	for raw, want := range map[string]string{
		"https://x.test/cb?token=t":                             "invalid sprancher_id: missing from the callback",
		"https://x.test/cb?sprancher_id=&token=t":               "invalid sprancher_id: missing from the callback",
		"https://x.test/cb?sprancher_id=abc&token=t":            `invalid sprancher_id: "abc" is not a positive number`,
		"https://x.test/cb?sprancher_id=0&token=t":              `invalid sprancher_id: "0" is not a positive number`,
		"https://x.test/cb?sprancher_id=12.5&token=t":           `"12.5" is not a positive number`,
		"https://x.test/cb?sprancher_id=1&sprancher_id=2&token": "given 2 times",
		"https://x.test/cb?sprancher_id=12":                     "invalid token: missing from the callback (looked for token, auth_token, auth)",
	} {
		_, err := parse(raw)
		require.ErrorIs(t, err, trustcruit.ErrInvalidParams, raw)
		assert.Contains(t, err.Error(), want)
	}

	custom := trustcruit.CallbackNames{SprancherID: "sid", Token: []string{"key"}}
	u, _ := url.Parse("https://x.test/cb?sid=9&key=k")
	cb, err = trustcruit.ParseCallbackNames(u, custom)
	require.NoError(t, err)
	assert.Equal(t, 9, cb.SprancherID)
	assert.Equal(t, "k", cb.Token)
}

func TestCallbackHandler(t *testing.T) {
	var got []trustcruit.Callback
	h := trustcruit.CallbackHandler(func(w http.ResponseWriter, _ *http.Request, cb trustcruit.Callback) {
		got = append(got, cb)
		fmt.Fprintf(w, "welcome, customer %d", cb.SprancherID)
	})
	srv := httptest.NewServer(h)
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/cb?sprancher_id=31&token=very-secret")
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	assert.Equal(t, "welcome, customer 31", string(body))
	require.Len(t, got, 1)
	assert.Equal(t, "very-secret", got[0].Token)

	resp, err = http.Get(srv.URL + "/cb?sprancher_id=x&token=very-secret")
	require.NoError(t, err)
	body, _ = io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 400, resp.StatusCode)
	assert.Contains(t, string(body), `invalid sprancher_id: "x" is not a positive number`)
	assert.NotContains(t, string(body), "very-secret")

	resp, err = http.Post(srv.URL+"/cb?sprancher_id=31&token=t", "text/plain", nil)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 405, resp.StatusCode)
	assert.Len(t, got, 1, "the handler's function ran only for the good callback")
}

func TestTokensNeverPrint(t *testing.T) {
	c, _ := newMocked(t)
	u, _ := url.Parse("https://x.test/cb?sprancher_id=3&token=" + token)
	cb, err := trustcruit.ParseCallback(u)
	require.NoError(t, err)
	var out strings.Builder
	for _, v := range []any{c, cb, &cb, []trustcruit.Callback{cb}} {
		fmt.Fprintf(&out, "%v %+v %#v %s\n", v, v, v, v)
	}
	assert.NotContains(t, out.String(), token)
	assert.Contains(t, out.String(), "[REDACTED]")
}
