package truto_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newFake(t *testing.T) (*trutotest.Server, string) {
	t.Helper()
	s := trutotest.NewServer()
	t.Cleanup(s.Close)
	return s, s.AddAccount(trutotest.IntegrationGreenhouse)
}

func TestAllOver1000CandidatesAcrossAnEmptyPage(t *testing.T) {
	s, acct := newFake(t)
	s.DisableRateLimits()
	for i := range 1000 {
		s.AddRecord(acct, "ats", "candidates", trutotest.Record{"id": fmt.Sprintf("c-%04d", i), "first_name": fmt.Sprint(i)})
	}
	s.AddEmptyPageAt(500)
	c := s.Client()

	var ids []string
	for cand, err := range c.ATS.Candidates.All(context.Background(), acct, truto.ListParams{Limit: 25}) {
		require.NoError(t, err)
		ids = append(ids, cand.ID)
	}
	require.Len(t, ids, 1000)
	for i, id := range ids {
		require.Equal(t, fmt.Sprintf("c-%04d", i), id, "each exactly once, in order")
	}
	assert.Len(t, s.Requests(), 41, "40 full pages and the empty one")

	s.ResetRequests()
	n := 0
	for _, err := range c.ATS.Candidates.All(context.Background(), acct, truto.ListParams{Limit: 25}) {
		require.NoError(t, err)
		if n++; n == 30 {
			break
		}
	}
	assert.Len(t, s.Requests(), 2, "no page fetched after the break")
}

func TestCreateRetriedAfterA500WritesOnce(t *testing.T) {
	s, acct := newFake(t)
	s.Inject(trutotest.Fault{Method: http.MethodPost, Status: http.StatusInternalServerError, AfterHandler: true,
		Body: `{"statusCode":500,"error":"Internal Server Error","message":"upstream timeout"}`})
	cand, err := s.Client().ATS.Candidates.Create(context.Background(), acct,
		truto.CandidateInput{FirstName: "Ada", LastName: "Lovelace", Emails: []truto.Email{{Email: "ada@example.com"}}}, truto.CreateCandidateParams{})
	require.NoError(t, err)
	reqs := s.Requests()
	require.Len(t, reqs, 2)
	assert.Equal(t, reqs[0].Header.Get("Idempotency-Key"), reqs[1].Header.Get("Idempotency-Key"))
	stored := s.Candidates(acct)
	require.Len(t, stored, 1, "the retry replayed the first answer")
	assert.Equal(t, stored[0].ID, cand.ID)
	assert.Equal(t, "Ada Lovelace", cand.Name)
}

func TestA503IsNotRetriedAndA429Is(t *testing.T) {
	s, acct := newFake(t)
	s.FailNext(1, http.StatusServiceUnavailable)
	_, err := s.Client().ATS.Jobs.List(context.Background(), acct, truto.ListParams{})
	var apiErr *truto.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 503, apiErr.StatusCode)
	assert.Len(t, s.Requests(), 1)

	s.ResetRequests()
	s.Inject(trutotest.Fault{Status: 429, Header: http.Header{"Retry-After": {"1"}}, Body: `{"statusCode":429,"error":"Too Many Requests"}`})
	var waits []time.Duration
	ctx := rest.WithWaitHook(context.Background(), func(d time.Duration) { waits = append(waits, d) })
	_, err = s.Client().ATS.Jobs.List(ctx, acct, truto.ListParams{})
	require.NoError(t, err)
	assert.Equal(t, []time.Duration{time.Second}, waits, "Retry-After is the wait")
	assert.Len(t, s.Requests(), 2)
}

func TestTheFakesRateLimitIsRiddenOut(t *testing.T) {
	s, acct := newFake(t)
	s.SetRateLimit(5, 10*time.Second)
	// The client's waits move the fake's clock on instead of passing.
	clock := fake.NewClock(time.Now())
	s.SetClock(clock.Now)
	var waited time.Duration
	ctx := rest.WithWaitHook(context.Background(), func(d time.Duration) { waited += d; clock.Advance(d) })
	c := s.Client(truto.WithRetry(3, time.Millisecond, 15*time.Second))
	var resp truto.Response
	for range 12 {
		_, err := c.ATS.Jobs.List(ctx, acct, truto.ListParams{}, truto.WithResponseInto(&resp))
		require.NoError(t, err)
	}
	assert.Greater(t, len(s.Requests()), 12, "some calls met a 429 and waited")
	assert.Equal(t, 20*time.Second, waited, "two windows waited out, as Retry-After said")
	assert.True(t, resp.RateLimit.Known)
	assert.Equal(t, 5, resp.RateLimit.Limit)
}

func TestValidationErrorsSendNoRequest(t *testing.T) {
	s, _ := newFake(t)
	c := s.Client()
	_, err := c.ATS.Candidates.Create(context.Background(), "", truto.CandidateInput{FirstName: "A"}, truto.CreateCandidateParams{})
	require.ErrorIs(t, err, truto.ErrInvalidParams)
	_, err = c.ATS.Candidates.List(context.Background(), "acct", truto.ListParams{}, truto.WithResponseFormat(truto.FormatStream))
	require.ErrorIs(t, err, truto.ErrInvalidParams)
	assert.Empty(t, s.Requests())
}

func TestCreateWithAJobAndTheATSCustomMethods(t *testing.T) {
	s, acct := newFake(t)
	c := s.Client()
	ctx := context.Background()
	job := s.AddJob(acct, "Go developer")

	cand, err := c.ATS.Candidates.Create(ctx, acct, truto.CandidateInput{
		FirstName: "Ada", LastName: "Lovelace",
		Emails:     []truto.Email{{Email: "ada@example.com", Type: "personal"}},
		Phones:     []truto.Phone{{Number: "+46 8 123 45"}},
		Tags:       []truto.Tag{{Name: "testgorilla:91"}},
		RemoteData: map[string]any{"origin": "testgorilla"},
	}, truto.CreateCandidateParams{JobID: job.ID, ApplicationSource: truto.SourceLead})
	require.NoError(t, err)
	require.Len(t, cand.Applications, 1)
	app := cand.Applications[0]
	assert.Equal(t, job.ID, app.Job.ID)
	assert.Equal(t, "lead", app.Source.Name)
	assert.Equal(t, "testgorilla", cand.RemoteData["origin"])
	assert.False(t, cand.CreatedAt.IsZero())

	moved, err := c.ATS.Applications.MoveStage(ctx, acct, truto.MoveStageParams{ApplicationID: app.ID, StageID: "INTERVIEW"})
	require.NoError(t, err)
	assert.Equal(t, "INTERVIEW", moved.CurrentStage.ID)
	rejected, err := c.ATS.Applications.Reject(ctx, acct, truto.RejectParams{ApplicationID: app.ID, RejectReasonID: "score"})
	require.NoError(t, err)
	assert.Equal(t, "score", rejected.RejectReason)
	assert.False(t, rejected.RejectedAt.IsZero())
	assert.Equal(t, "score", s.Applications(acct)[0].RejectReason, "the change stuck")

	_, err = c.ATS.Candidates.Create(ctx, acct, truto.CandidateInput{FirstName: "Bo"}, truto.CreateCandidateParams{JobID: "no-such-job"})
	require.ErrorIs(t, err, truto.ErrRemote)
}

func TestLeverNeedsAJobID(t *testing.T) {
	s, _ := newFake(t)
	lever := s.AddAccount(trutotest.IntegrationLever)
	_, err := s.Client().ATS.Candidates.Create(context.Background(), lever, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
	var apiErr *truto.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, []truto.FieldError{{Field: "job_id", Code: "missing_required_query_parameters", Message: "Lever needs these query parameters"}}, apiErr.Fields)
	assert.Empty(t, s.Candidates(lever))
}

func TestTheFakeHonoursTrutosQueryParameters(t *testing.T) {
	s, acct := newFake(t)
	c := s.Client()
	ctx := context.Background()
	id := s.AddRecord(acct, "ats", "candidates", trutotest.Record{"first_name": "Ada", "title": "Engineer", "remote_data": map[string]any{"lever_id": "L1"}})

	got, err := c.ATS.Candidates.Get(ctx, acct, id, truto.WithExcludeFields("title"), truto.WithIgnoreRemoteData())
	require.NoError(t, err)
	assert.Equal(t, "Ada", got.FirstName)
	assert.Empty(t, got.Title)
	assert.Nil(t, got.RemoteData)

	raw, err := c.Raw(ctx, truto.UnifiedRequest{Model: "ats", Resource: "candidates", ID: id, IntegratedAccountID: acct})
	require.NoError(t, err)
	assert.JSONEq(t, `{"lever_id":"L1"}`, string(raw), "raw is the remote shape")

	updated, err := c.ATS.Candidates.Update(ctx, acct, id, truto.CandidateInput{Title: "Staff engineer"})
	require.NoError(t, err)
	assert.Equal(t, "Staff engineer", updated.Title)
	require.NoError(t, c.ATS.Candidates.Delete(ctx, acct, id))
	_, err = c.ATS.Candidates.Get(ctx, acct, id)
	assert.ErrorIs(t, err, truto.ErrNotFound)
}

func TestDownloadFromTheFake(t *testing.T) {
	s, acct := newFake(t)
	s.AddFile("https://files.example.com/cv.pdf", []byte("%PDF-1.7 \x00\x01"))
	body, err := s.Client().ATS.Attachments.Download(context.Background(), acct, "https://files.example.com/cv.pdf")
	require.NoError(t, err)
	b, _ := io.ReadAll(body)
	body.Close()
	assert.Equal(t, []byte("%PDF-1.7 \x00\x01"), b)
	_, err = s.Client().ATS.Attachments.Download(context.Background(), acct, "https://files.example.com/none.pdf")
	assert.ErrorIs(t, err, truto.ErrNotFound)
}

func TestTheFakeChecksTokenAndAccount(t *testing.T) {
	s, acct := newFake(t)
	bad, err := truto.NewClient("wrong", truto.WithBaseURL(s.URL()))
	require.NoError(t, err)
	_, err = bad.ATS.Jobs.List(context.Background(), acct, truto.ListParams{})
	assert.ErrorIs(t, err, truto.ErrUnauthorized)
	_, err = s.Client().ATS.Jobs.List(context.Background(), "unknown-account", truto.ListParams{})
	require.ErrorIs(t, err, truto.ErrNotFound)
	assert.Contains(t, err.Error(), "Integrated account not found")
}

func TestGenericResourceOnTheFake(t *testing.T) {
	s, acct := newFake(t)
	type contact struct {
		ID        string `json:"id"`
		FirstName string `json:"first_name"`
	}
	contacts := truto.Resource[contact](s.Client(), "crm", "contacts")
	created, err := contacts.Create(context.Background(), acct, map[string]any{"first_name": "Grace"}, nil)
	require.NoError(t, err)
	page, err := contacts.List(context.Background(), acct, truto.ListParams{})
	require.NoError(t, err)
	assert.Equal(t, []contact{*created}, page.Result)
}
