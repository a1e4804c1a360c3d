package truto_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cassettes in testdata/cassettes are real exchanges with the fake,
// recorded through package recording (scripts/record-fixtures runs these
// tests with RECRUITKIT_RECORD=1); by default the tests replay them
// through httpmock. The fake is started and seeded in both modes so that
// the ids a test knows are the recording's; when replaying, no request
// reaches it.

// cassetteFake starts a fake for a cassette test, on a clock that stands
// still, so that recording the same traffic again writes the same
// cassette.
func cassetteFake(t *testing.T) *trutotest.Server {
	t.Helper()
	fake := trutotest.NewServer()
	t.Cleanup(fake.Close)
	at := time.Date(2026, time.November, 25, 9, 0, 0, 0, time.UTC)
	fake.SetClock(func() time.Time { return at })
	return fake
}

// cassetteClient is a client on testdata/cassettes/<name>.json.
func cassetteClient(t *testing.T, fake *trutotest.Server, name string, opts ...recording.Option) *truto.Client {
	t.Helper()
	hc := recording.Client(t, filepath.Join("testdata", "cassettes", name+".json"),
		append([]recording.Option{recording.Personal(truto.PersonalData()...)}, opts...)...)
	return fake.Client(truto.WithHTTPClient(hc), truto.WithRetry(2, time.Millisecond, 10*time.Millisecond))
}

func TestCassetteCandidates(t *testing.T) {
	fake := cassetteFake(t)
	acct := fake.AddAccount(trutotest.IntegrationGreenhouse)
	job := fake.AddJob(acct, "Backend engineer")
	c := cassetteClient(t, fake, "candidates")
	ctx := context.Background()

	ada, err := c.ATS.Candidates.Create(ctx, acct, truto.CandidateInput{
		FirstName: "Ada", LastName: "Lovelace", Title: "Engineer",
		Emails:    []truto.Email{{Email: "ada@example.com", Type: "personal"}},
		Phones:    []truto.Phone{{Number: "+46 8 123 45", Type: "mobile"}},
		Locations: []string{"Stockholm"},
	}, truto.CreateCandidateParams{JobID: job.ID, ApplicationSource: truto.SourceApplicant})
	require.NoError(t, err)
	// Replaying, the answer carries the values this test sent where the
	// cassette has their pseudonyms.
	assert.Equal(t, []truto.Email{{Email: "ada@example.com", Type: "personal"}}, ada.Emails)
	assert.Equal(t, []truto.Phone{{Number: "+46 8 123 45", Type: "mobile"}}, ada.Phones)
	assert.Equal(t, []any{"Ada", "Lovelace", "Engineer", []string{"Stockholm"}}, []any{ada.FirstName, ada.LastName, ada.Title, ada.Locations})
	require.Len(t, ada.Applications, 1)
	assert.Equal(t, job.ID, ada.Applications[0].Job.ID)
	assert.Equal(t, "New", ada.Applications[0].CurrentStage.Name, "a stage's name is not a person's")

	grace, err := c.ATS.Candidates.Create(ctx, acct, truto.CandidateInput{
		FirstName: "Grace", LastName: "Hopper", Emails: []truto.Email{{Email: "grace@example.com"}},
	}, truto.CreateCandidateParams{})
	require.NoError(t, err)

	got, err := c.ATS.Candidates.Get(ctx, acct, ada.ID)
	require.NoError(t, err)
	assert.Equal(t, []any{ada.ID, ada.Name, ada.Emails}, []any{got.ID, got.Name, got.Emails})

	var ids []string
	for cand, err := range c.ATS.Candidates.All(ctx, acct, truto.ListParams{Limit: 1}) {
		require.NoError(t, err)
		ids = append(ids, cand.ID)
	}
	assert.Equal(t, []string{ada.ID, grace.ID}, ids, "two pages of one")

	updated, err := c.ATS.Candidates.Update(ctx, acct, ada.ID, truto.CandidateInput{Title: "Staff engineer"})
	require.NoError(t, err)
	assert.Equal(t, "Staff engineer", updated.Title)

	require.NoError(t, c.ATS.Candidates.Delete(ctx, acct, grace.ID))
	_, err = c.ATS.Candidates.Get(ctx, acct, grace.ID)
	assert.ErrorIs(t, err, truto.ErrNotFound)
}

func TestCassetteApplications(t *testing.T) {
	fake := cassetteFake(t)
	acct := fake.AddAccount(trutotest.IntegrationGreenhouse)
	job := fake.AddJob(acct, "Backend engineer")
	c := cassetteClient(t, fake, "applications")
	ctx := context.Background()

	cand, err := c.ATS.Candidates.Create(ctx, acct, truto.CandidateInput{
		FirstName: "Ada", LastName: "Lovelace", Emails: []truto.Email{{Email: "ada@example.com"}},
	}, truto.CreateCandidateParams{JobID: job.ID})
	require.NoError(t, err)
	require.Len(t, cand.Applications, 1)
	page, err := c.ATS.Applications.List(ctx, acct, truto.ListParams{})
	require.NoError(t, err)
	require.Len(t, page.Result, 1)
	appID := page.Result[0].ID

	moved, err := c.ATS.Applications.MoveStage(ctx, acct, truto.MoveStageParams{ApplicationID: appID, StageID: "stage-interview"})
	require.NoError(t, err)
	assert.Equal(t, "stage-interview", moved.CurrentStage.ID)
	rejected, err := c.ATS.Applications.Reject(ctx, acct, truto.RejectParams{ApplicationID: appID, RejectReasonID: "not-a-fit"})
	require.NoError(t, err)
	assert.Equal(t, "not-a-fit", rejected.RejectReason)
	assert.False(t, rejected.RejectedAt.IsZero())
}

// TestCassetteRetriedCreateKeepsItsKey replays a create that got a 500
// and was sent again: the replay holds the client to one Idempotency-Key
// for both attempts, as the recording had.
func TestCassetteRetriedCreateKeepsItsKey(t *testing.T) {
	fake := cassetteFake(t)
	acct := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.FailNext(1, 500) // recording only: replaying, the fault is in the cassette
	c := cassetteClient(t, fake, "retried_create")

	var resp truto.Response
	cand, err := c.ATS.Candidates.Create(context.Background(), acct, truto.CandidateInput{
		FirstName: "Ada", Emails: []truto.Email{{Email: "ada@example.com"}},
	}, truto.CreateCandidateParams{}, truto.WithResponseInto(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.Equal(t, "Ada", cand.FirstName)
}

func TestCassetteErrors(t *testing.T) {
	fake := cassetteFake(t)
	acct := fake.AddAccount(trutotest.IntegrationGreenhouse)
	lever := fake.AddAccount(trutotest.IntegrationLever)
	c := cassetteClient(t, fake, "errors")
	ctx := context.Background()

	_, err := c.ATS.Candidates.Create(ctx, lever, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
	var apiErr *truto.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	require.Len(t, apiErr.Fields, 1)
	assert.Equal(t, "job_id", apiErr.Fields[0].Field, "Truto's error insight is not personal data")
	assert.Equal(t, "missing_required_query_parameters", apiErr.Fields[0].Code)

	_, err = c.ATS.Candidates.Create(ctx, acct, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{JobID: "job-gone"})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 422, apiErr.StatusCode)
	assert.ErrorIs(t, err, truto.ErrRemote)
	assert.Contains(t, string(apiErr.Details().RawResponse), "does not exist")

	_, err = c.ATS.Candidates.Get(ctx, acct, "candidate-0")
	assert.ErrorIs(t, err, truto.ErrNotFound)
	assert.True(t, errors.As(err, &apiErr) && apiErr.StatusCode == 404)
}

// TestCassetteAttachmentDownload replays a file's bytes as they were
// served. The fake's file holds no personal data, so the cassette keeps
// it (recording.KeepFiles); its URL is still a pseudonym.
func TestCassetteAttachmentDownload(t *testing.T) {
	fake := cassetteFake(t)
	acct := fake.AddAccount(trutotest.IntegrationGreenhouse)
	content := append([]byte("%PDF-1.7\n"), 0x00, 0xff, 0xfe, 0x80, '\n')
	fake.AddFile("https://files.example.com/ada-lovelace-cv.pdf", content)
	c := cassetteClient(t, fake, "attachment_download", recording.KeepFiles())

	body, err := c.ATS.Attachments.Download(context.Background(), acct, "https://files.example.com/ada-lovelace-cv.pdf")
	require.NoError(t, err)
	defer body.Close()
	got, err := io.ReadAll(body)
	require.NoError(t, err)
	assert.True(t, bytes.Equal(content, got), "%q", got)
}
