package testgorilla_test

import (
	"context"
	"net/http"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cassettes in testdata/cassettes are real exchanges with the fake,
// recorded through package recording (scripts/record-fixtures runs these
// tests with RECRUITKIT_RECORD=1); by default the tests replay them
// through httpmock. The fake is started and seeded in both modes so that
// the ids a test knows are the recording's; when replaying, no request
// reaches it.

// cassetteFake starts a fake on a fixed clock, so that a re-recording
// changes only what changed.
func cassetteFake(t *testing.T) *testgorillatest.Server {
	t.Helper()
	fake := testgorillatest.NewServer()
	t.Cleanup(fake.Close)
	fake.SetClock(func() time.Time { return time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC) })
	return fake
}

// cassetteClient is a client on testdata/cassettes/<name>.json.
func cassetteClient(t *testing.T, fake *testgorillatest.Server, name string) *testgorilla.Client {
	t.Helper()
	return fake.Client(testgorilla.WithHTTPClient(cassetteHTTP(t, name)), testgorilla.WithRetry(2, time.Millisecond, 10*time.Millisecond))
}

func cassetteHTTP(t *testing.T, name string) *http.Client {
	t.Helper()
	return recording.Client(t, filepath.Join("testdata", "cassettes", name+".json"), recording.Personal(testgorilla.PersonalData()...))
}

func TestCassetteCandidatures(t *testing.T) {
	fake := cassetteFake(t)
	a := fake.AddAssessment("Go developer", "Go (coding)", "SQL")
	seeded := fake.Seed(a.ID, 5, 7)
	c := cassetteClient(t, fake, "candidatures")
	ctx := context.Background()

	var got []testgorilla.Candidature
	for cand, err := range c.Candidatures.All(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 2, Ordering: testgorilla.OrderCreated}) {
		require.NoError(t, err)
		got = append(got, cand)
	}
	require.Len(t, got, len(seeded), "three pages")
	for i, want := range seeded {
		assert.Equal(t, []any{want.ID, want.Status, want.Stage, want.AvgScore, want.Created.UnixMicro()},
			[]any{got[i].ID, got[i].Status, got[i].Stage, got[i].AvgScore, got[i].Created.UnixMicro()})
	}
	if os.Getenv(recording.EnvRecord) != "1" {
		assert.NotEqual(t, seeded[0].Email, got[0].Email, "replaying, the candidates are pseudonyms")
	}

	// One person is one pseudonym throughout the cassette.
	first := got[0]
	cand, err := c.Candidates.Get(ctx, first.TestTakerID)
	require.NoError(t, err)
	assert.Equal(t, []string{first.Email, first.FullName}, []string{cand.Email, cand.FullName})
	require.Len(t, cand.Assessments, 1)
	assert.Equal(t, a.Name, cand.Assessments[0].AssessmentName)

	results, err := c.Results.List(ctx, testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: first.TestTakerID})
	require.NoError(t, err)
	require.Len(t, results.Results, 2)
	assert.Equal(t, []string{"Go (coding)", "SQL"}, []string{results.Results[0].Name, results.Results[1].Name})
}

func TestCassetteInvite(t *testing.T) {
	fake := cassetteFake(t)
	a := fake.AddAssessment("Go developer", "Go (coding)")
	c := cassetteClient(t, fake, "invite")
	ctx := context.Background()

	p := testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace", NoEmail: true}
	inv, err := c.Assessments.Invite(ctx, a.ID, p)
	require.NoError(t, err)
	assert.Equal(t, "ada@example.com", inv.Email)
	assert.NotZero(t, inv.ID)
	assert.NotEmpty(t, inv.InvitationLink)

	_, err = c.Assessments.Invite(ctx, a.ID, p)
	assert.ErrorIs(t, err, testgorilla.ErrAlreadyInvited)
	var apiErr *testgorilla.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, []any{400, testgorilla.KeyRepeatingInvitation}, []any{apiErr.StatusCode, apiErr.Code})
}

func TestCassetteStages(t *testing.T) {
	fake := cassetteFake(t)
	a := fake.AddAssessment("Go developer", "Go (coding)")
	cand := fake.AddCandidature(a.ID, testgorilla.Candidature{Email: "grace@example.com", FullName: "Grace Hopper"})
	c := cassetteClient(t, fake, "stages")
	ctx := context.Background()

	sc, err := c.Candidatures.ChangeStage(ctx, cand.ID, testgorilla.StageRejected)
	require.NoError(t, err)
	assert.Equal(t, testgorilla.StageChange{ID: cand.ID, Stage: testgorilla.StageRejected}, *sc)
	require.NoError(t, c.Candidatures.SendRejectionEmail(ctx, cand.ID))
	require.NoError(t, c.Candidatures.Delete(ctx, cand.ID))
	assert.ErrorIs(t, c.Candidatures.Delete(ctx, cand.ID), testgorilla.ErrNotFound)
}

// TestCassetteLogin replays a login: the password and the token it
// returns are [REDACTED] in the cassette.
func TestCassetteLogin(t *testing.T) {
	fake := cassetteFake(t)
	fake.AddUser("ada@example.com", "correct horse battery staple")
	opts := []testgorilla.Option{testgorilla.WithBaseURL(fake.URL()), testgorilla.WithHTTPClient(cassetteHTTP(t, "login"))}
	ctx := context.Background()

	_, err := testgorilla.Login(ctx, "ada@example.com", "wrong password", opts...)
	var apiErr *testgorilla.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)

	token, err := testgorilla.Login(ctx, "ada@example.com", "correct horse battery staple", opts...)
	require.NoError(t, err)
	assert.NotEmpty(t, token)
}
