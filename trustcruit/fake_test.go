package trustcruit_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/cnps"
	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newFake(t *testing.T) *trustcruittest.Server {
	t.Helper()
	s := trustcruittest.NewServer()
	t.Cleanup(s.Close)
	return s
}

func day(y int, m time.Month, d int) trustcruit.Date {
	return trustcruit.Date{Year: y, Month: m, Day: d}
}

// TestTheWholeFlow connects a customer through the create-customer page
// and the callback handler, submits candidates at several levels, and
// reads the CNPS of a period back.
func TestTheWholeFlow(t *testing.T) {
	s := newFake(t)
	ctx := context.Background()

	// 1. The callback endpoint of "our" web app.
	connected := make(chan trustcruit.Callback, 1)
	app := httptest.NewServer(trustcruit.CallbackHandler(func(w http.ResponseWriter, _ *http.Request, cb trustcruit.Callback) {
		connected <- cb
		_, _ = io.WriteString(w, "connected")
	}))
	defer app.Close()

	// 2. The user follows the create-customer link; the fake app sends
	// them straight back to the callback.
	link, err := trustcruit.CreateCustomerURL(trustcruit.CreateCustomerParams{
		Callback: app.URL + "/trustcruit/callback?state=s1", CustomerName: "Acme", AppURL: s.URL(),
	})
	require.NoError(t, err)
	resp, err := http.Get(link)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, "connected", string(body))
	cb := <-connected
	assert.Equal(t, "s1", cb.Extra.Get("state"))
	customers := s.Customers()
	require.Len(t, customers, 2)
	acme := customers[1]
	assert.Equal(t, trustcruittest.Customer{SprancherID: cb.SprancherID, Name: "Acme", Token: cb.Token}, acme)

	// 3. Candidates at several levels, with the customer's own token.
	c := s.ClientWithToken(cb.Token)
	submitted := []trustcruit.SubmitCandidateParams{
		{SprancherID: cb.SprancherID, Level: trustcruit.LevelStep1, Email: "ada@example.com", JobAdTitle: "Engineer",
			Tags: trustcruit.Tags{trustcruit.TagCity: {"Stockholm"}}},
		{SprancherID: cb.SprancherID, Level: trustcruit.LevelStep2, Email: "bo@example.com", Date: day(2026, 11, 2)},
		{SprancherID: cb.SprancherID, Level: trustcruit.LevelStep5, Email: "cy@example.com", Tags: trustcruit.Tags{"Department": {"HR", "Sales"}}},
	}
	for _, p := range submitted {
		require.NoError(t, c.SubmitCandidate(ctx, p))
	}
	assert.Equal(t, submitted, s.Candidates(cb.SprancherID))
	assert.Empty(t, s.Candidates(trustcruit.TestSprancherID), "nothing went to another customer")

	// 4. The CNPS of Q3, from answers inside and outside it.
	var inQ3 []trustcruittest.Answer
	for i, r := range []int{10, 10, 9, 9, 9, 8, 7, 6, 3, 0, 10, 9} {
		inQ3 = append(inQ3, trustcruittest.Answer{Date: day(2026, time.July, 1).AddDays(i * 7), Rating: r})
	}
	s.AddAnswers(cb.SprancherID, inQ3...)
	s.AddAnswers(cb.SprancherID,
		trustcruittest.Answer{Date: day(2026, time.June, 30), Rating: 0},       // the day before From
		trustcruittest.Answer{Date: day(2026, time.October, 1), Rating: 0},     // Until is exclusive
		trustcruittest.Answer{Question: 999, Date: day(2026, 8, 1), Rating: 0}, // another question
	)
	st, err := c.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS, From: day(2026, 7, 1), Until: day(2026, 10, 1)})
	require.NoError(t, err)
	assert.Equal(t, 12, st.Count)
	assert.Equal(t, map[string]int{"10": 3, "9": 4, "8": 1, "7": 1, "6": 1, "3": 1, "0": 1}, st.Ratings)
	score, err := st.CNPS()
	require.NoError(t, err)
	got, _ := score.Rounded()
	want, err := cnps.Compute(map[string]int{"10": 3, "9": 4, "8": 1, "7": 1, "6": 1, "3": 1, "0": 1})
	require.NoError(t, err)
	assert.Equal(t, want, got)
	assert.Equal(t, 33, got) // (7 promoters - 3 detractors) / 12

	// A period with no answers is the documented [].
	empty, err := c.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS, From: day(2025, 1, 1), Until: day(2025, 4, 1)})
	require.NoError(t, err)
	assert.True(t, empty.NoData)
}

func TestSubmitHitWith500IsSentExactlyOnce(t *testing.T) {
	s := newFake(t)
	s.FailNext(1, http.StatusInternalServerError)
	err := s.Client().SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelTest, Email: "ada@example.com",
	})
	var apiErr *trustcruit.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 500, apiErr.StatusCode)
	assert.Len(t, s.Requests(), 1)
	assert.Empty(t, s.Candidates(trustcruit.TestSprancherID))
}

func TestSubmitWhoseConnectionDropsIsNotSentAgain(t *testing.T) {
	s := newFake(t)
	s.Inject(trustcruittest.Fault{Status: http.StatusBadGateway, AfterHandler: true})
	err := s.Client().SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelTest, Email: "ada@example.com",
	})
	require.Error(t, err)
	assert.Len(t, s.Requests(), 1)
	assert.Len(t, s.Candidates(trustcruit.TestSprancherID), 1, "the server acted once; we did not make it act twice")

	s.Inject(trustcruittest.Fault{Drop: true})
	err = s.Client().SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelTest, Email: "bo@example.com",
	})
	var tErr *trustcruit.TransportError
	require.ErrorAs(t, err, &tErr)
	assert.Len(t, s.Requests(), 2)
}

func TestSubmitHitWith429IsRetriedAfterRetryAfter(t *testing.T) {
	s := newFake(t)
	s.Inject(trustcruittest.Fault{Status: http.StatusTooManyRequests, Header: http.Header{"Retry-After": {"1"}}, Body: `{"detail":"Request was throttled."}`})
	var waits []time.Duration
	ctx := rest.WithWaitHook(context.Background(), func(d time.Duration) { waits = append(waits, d) })
	err := s.Client(trustcruit.WithRetry(3, time.Millisecond, 5*time.Second)).SubmitCandidate(ctx, trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelTest, Email: "ada@example.com",
	})
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{time.Second}, waits, "Retry-After is the wait")
	assert.Len(t, s.Requests(), 2)
	assert.Len(t, s.Candidates(trustcruit.TestSprancherID), 1)
}

func TestStatsIsRetriedOn503(t *testing.T) {
	s := newFake(t)
	s.FailNext(2, http.StatusServiceUnavailable)
	st, err := s.Client().Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
	require.NoError(t, err)
	assert.True(t, st.NoData)
	assert.Len(t, s.Requests(), 3)
}

func TestValidationErrorsSendNothingToTheFake(t *testing.T) {
	s := newFake(t)
	c := s.Client()
	err := c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{SprancherID: 1010, Level: "step1", Email: "nope"})
	require.ErrorIs(t, err, trustcruit.ErrInvalidParams)
	_, err = c.Stats(context.Background(), trustcruit.StatsParams{})
	require.ErrorIs(t, err, trustcruit.ErrInvalidParams)
	assert.Empty(t, s.Requests())
}

func TestTheFakeRefusesWhatTheServerWould(t *testing.T) {
	s := newFake(t)
	ctx := context.Background()
	other := s.AddCustomer("Other")
	valid := trustcruit.SubmitCandidateParams{SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelStep1, Email: "ada@example.com"}

	// A wrong token.
	err := s.ClientWithToken("not-a-token").SubmitCandidate(ctx, valid)
	require.ErrorIs(t, err, trustcruit.ErrUnauthorized)
	assert.Contains(t, err.Error(), "Invalid token.")

	// An unknown customer, and another customer's id.
	p := valid
	p.SprancherID = 99999
	err = s.Client().SubmitCandidate(ctx, p)
	var apiErr *trustcruit.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Equal(t, "customer_sprancher_id", apiErr.Fields[0].Field)
	p.SprancherID = other.SprancherID
	err = s.Client().SubmitCandidate(ctx, p)
	require.ErrorIs(t, err, trustcruit.ErrUnauthorized)
	assert.Equal(t, 403, err.(*trustcruit.APIError).StatusCode)

	// A level the customer has not enabled.
	p = valid
	p.Level = "step9"
	err = s.Client().SubmitCandidate(ctx, p)
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, []trustcruit.FieldError{{Field: "candidate_level", Message: `"step9" is not a valid choice.`}}, apiErr.Fields)
	assert.Empty(t, s.Candidates(trustcruit.TestSprancherID))
}

// raw sends a request to the fake by hand, for what the client never
// sends.
func raw(t *testing.T, s *trustcruittest.Server, method, path, contentType, body string) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, s.URL()+path, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Authorization", "Token "+trustcruittest.TestToken)
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := hc.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, string(bytes.TrimSpace(b))
}

func TestTheFakesWireRules(t *testing.T) {
	s := newFake(t)
	good := `{"customer_sprancher_id":1010,"candidate_level":"test step","candidate_email":"ada@example.com"}`

	code, h, _ := raw(t, s, http.MethodPost, "/feedback/api/candidate", "application/json", good)
	assert.Equal(t, http.StatusMovedPermanently, code, "no trailing slash")
	assert.Equal(t, "/feedback/api/candidate/", h.Get("Location"))

	code, _, body := raw(t, s, http.MethodPost, "/feedback/api/candidate/", "text/plain", good)
	assert.Equal(t, http.StatusUnsupportedMediaType, code, body)

	code, _, body = raw(t, s, http.MethodPost, "/feedback/api/candidate/", "application/json", `{"candidate_level":"step1"}`)
	assert.Equal(t, 400, code)
	assert.JSONEq(t, `{"customer_sprancher_id":["This field is required."],"candidate_email":["This field is required."]}`, body)

	code, _, body = raw(t, s, http.MethodPost, "/feedback/api/candidate/", "application/json",
		`{"customer_sprancher_id":1010,"candidate_level":"step1","candidate_email":"ada@example.com","tags":[{"City":"x"}],"colour":"red"}`)
	assert.Equal(t, 400, code)
	assert.Contains(t, body, `"colour":["Unknown field."]`)
	assert.Contains(t, body, `"tags":["Invalid value: `)

	code, _, body = raw(t, s, http.MethodPost, "/feedback/api/candidate/", "application/json", good)
	assert.Equal(t, 201, code, body)
	assert.JSONEq(t, good, body)

	code, _, body = raw(t, s, http.MethodGet, "/shinyform/api/answers/stats/?date__gte=yesterday", "", "")
	assert.Equal(t, 400, code)
	assert.JSONEq(t, `{"question":["This field is required."],"date__gte":["Enter a valid date."]}`, body)

	code, _, _ = raw(t, s, http.MethodGet, "/shinyform/api/answers/stats", "", "")
	assert.Equal(t, http.StatusMovedPermanently, code)

	code, _, body = raw(t, s, http.MethodGet, "/feedback/api/candidate/", "", "")
	assert.Equal(t, http.StatusMethodNotAllowed, code, body)

	code, _, body = raw(t, s, http.MethodGet, "/nowhere/", "", "")
	assert.Equal(t, http.StatusNotFound, code)
	assert.JSONEq(t, `{"detail":"Not found."}`, body)

	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/shinyform/api/answers/stats/?question=405", nil)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, 401, resp.StatusCode)
	assert.JSONEq(t, `{"detail":"Authentication credentials were not provided."}`, string(b))
}

func TestAContextDeadlineEndsASlowCall(t *testing.T) {
	s := newFake(t)
	s.Inject(trustcruittest.Fault{Hang: true})
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := s.Client().Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
	require.True(t, errors.Is(err, context.DeadlineExceeded), "%v", err)
	assert.Less(t, time.Since(start), time.Second)
}
