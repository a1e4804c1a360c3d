package testgorilla_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func newFake(t *testing.T) *testgorillatest.Server {
	t.Helper()
	s := testgorillatest.NewServer()
	t.Cleanup(s.Close)
	return s
}

func TestAllOver1000CandidaturesYieldsEachOnceInOrder(t *testing.T) {
	s := newFake(t)
	s.DisableRateLimits()
	a := s.AddAssessment("Go developer")
	seeded := s.Seed(a.ID, 1000, 1)
	other := s.AddAssessment("Other")
	s.Seed(other.ID, 20, 2)

	var ids []int
	for c, err := range s.Client().Candidatures.All(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 40}) {
		require.NoError(t, err)
		ids = append(ids, c.ID)
	}
	require.Len(t, ids, 1000)
	assert.True(t, slices.IsSorted(ids), "default ordering: by id")
	var want []int
	for _, c := range seeded {
		want = append(want, c.ID)
	}
	assert.Equal(t, want, ids, "each exactly once")
	assert.Len(t, s.Requests(), 25)
}

func TestAllStopsFetchingWhenTheLoopBreaks(t *testing.T) {
	s := newFake(t)
	a := s.AddAssessment("Go developer")
	s.Seed(a.ID, 100, 1)
	c := s.Client()
	seq := c.Candidatures.All(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 10})
	assert.Empty(t, s.Requests(), "lazy")
	n := 0
	for _, err := range seq {
		require.NoError(t, err)
		if n++; n == 15 {
			break
		}
	}
	assert.Len(t, s.Requests(), 2, "15 items are two pages")

	// The sequence can be ranged again, from the start.
	s.ResetRequests()
	count := 0
	for range seq {
		count++
	}
	assert.Equal(t, 100, count)
	assert.Len(t, s.Requests(), 10)
}

func TestFiltersAndOrderings(t *testing.T) {
	s := newFake(t)
	s.DisableRateLimits()
	a := s.AddAssessment("Go developer")
	seeded := s.Seed(a.ID, 300, 7)
	c := s.Client()
	ctx := context.Background()

	collect := func(p testgorilla.ListCandidaturesParams) []testgorilla.Candidature {
		var out []testgorilla.Candidature
		for cand, err := range c.Candidatures.All(ctx, p) {
			require.NoError(t, err)
			out = append(out, cand)
		}
		return out
	}

	completed := collect(testgorilla.ListCandidaturesParams{Assessment: a.ID, Status: testgorilla.StatusCompleted, Ordering: testgorilla.OrderAvgScore.Desc()})
	want := 0
	for _, sc := range seeded {
		if sc.Status == testgorilla.StatusCompleted {
			want++
		}
	}
	require.Equal(t, want, len(completed))
	require.Greater(t, want, 50)
	assert.True(t, slices.IsSortedFunc(completed, func(x, y testgorilla.Candidature) int {
		switch {
		case *x.AvgScore > *y.AvgScore:
			return -1
		case *x.AvgScore < *y.AvgScore:
			return 1
		}
		return 0
	}), "best score first")

	rejected := collect(testgorilla.ListCandidaturesParams{Assessment: a.ID, Stage: testgorilla.StageRejected})
	for _, r := range rejected {
		assert.Equal(t, testgorilla.StageRejected, r.Stage)
	}

	byName := collect(testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderFullName})
	assert.True(t, slices.IsSortedFunc(byName, func(x, y testgorilla.Candidature) int {
		if x.FullName < y.FullName {
			return -1
		} else if x.FullName > y.FullName {
			return 1
		}
		return 0
	}))
	newest := collect(testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderCreated.Desc(), Limit: 7})
	assert.Equal(t, seeded[len(seeded)-1].ID, newest[0].ID)

	// Ascending scores put nulls last, as PostgreSQL does.
	all := collect(testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderAvgScore})
	assert.NotNil(t, all[0].AvgScore)
	assert.Nil(t, all[len(all)-1].AvgScore)

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 50, Offset: 100})
	require.NoError(t, err)
	assert.Equal(t, 300, page.Count)
	assert.Len(t, page.Results, 50)
	assert.Contains(t, page.Next, "offset=150")
	assert.Contains(t, page.Previous, "offset=50")
}

func TestStageChangeStickAndTheRejectionEmailNeedsREJ(t *testing.T) {
	s := newFake(t)
	a := s.AddAssessment("Go developer")
	cand := s.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com"})
	c := s.Client()
	ctx := context.Background()

	err := c.Candidatures.SendRejectionEmail(ctx, cand.ID)
	var apiErr *testgorilla.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	assert.Contains(t, apiErr.Message, "needs REJ")
	assert.Empty(t, s.Emails())

	sc, err := c.Candidatures.ChangeStage(ctx, cand.ID, testgorilla.StageRejected)
	require.NoError(t, err)
	assert.Equal(t, testgorilla.StageRejected, sc.Stage)
	stored, _ := s.Candidature(cand.ID)
	assert.Equal(t, testgorilla.StageRejected, stored.Stage)

	require.NoError(t, c.Candidatures.SendRejectionEmail(ctx, cand.ID))
	assert.Equal(t, []testgorillatest.Email{{Kind: "rejection", CandidatureID: cand.ID, To: "ada@example.com"}}, s.Emails())

	_, err = c.Candidatures.ChangeStage(ctx, cand.ID, "XYZ")
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "stage", apiErr.Fields[0].Field)
}

func TestDeleteMakesLaterCalls404(t *testing.T) {
	s := newFake(t)
	a := s.AddAssessment("Go developer")
	cand := s.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com"})
	c := s.Client()
	ctx := context.Background()
	require.NoError(t, c.Candidatures.Delete(ctx, cand.ID))
	assert.ErrorIs(t, c.Candidatures.Delete(ctx, cand.ID), testgorilla.ErrNotFound)
	_, err := c.Candidatures.ChangeStage(ctx, cand.ID, testgorilla.StageRejected)
	assert.ErrorIs(t, err, testgorilla.ErrNotFound)
	assert.ErrorIs(t, c.Candidatures.SendRejectionEmail(ctx, cand.ID), testgorilla.ErrNotFound)
	_, err = c.Candidates.Get(ctx, cand.TestTakerID)
	assert.ErrorIs(t, err, testgorilla.ErrNotFound)
	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID})
	require.NoError(t, err)
	assert.Zero(t, page.Count)
}

func TestInvitationsAndDuplicates(t *testing.T) {
	s := newFake(t)
	a := s.AddAssessment("Go developer", "Go (coding)", "Big 5")
	c := s.Client()
	ctx := context.Background()

	inv, err := c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace"})
	require.NoError(t, err)
	assert.NotEmpty(t, inv.InvitationLink)
	quiet, err := c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "grace@example.com", FirstName: "Grace", LastName: "Hopper", NoEmail: true})
	require.NoError(t, err)
	assert.Equal(t, []testgorillatest.Email{{Kind: "invitation", CandidatureID: inv.ID, To: "ada@example.com"}}, s.Emails(), "no_email sends nothing")

	_, err = c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "ADA@example.com", FirstName: "Ada", LastName: "L"})
	assert.ErrorIs(t, err, testgorilla.ErrAlreadyInvited)

	require.NoError(t, c.Candidatures.ResendInvitation(ctx, quiet.ID))
	assert.Len(t, s.Emails(), 2)

	got, err := c.Assessments.Get(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, 2, got.Candidates)

	stored, _ := s.Candidature(inv.ID)
	cand, err := c.Candidates.Get(ctx, stored.TestTakerID)
	require.NoError(t, err)
	assert.Equal(t, "Ada Lovelace", cand.FullName)
	assert.Equal(t, "Go developer", cand.Assessments[0].AssessmentName)
	assert.Len(t, cand.Tests, 2)

	res, err := c.Results.List(ctx, testgorilla.ListResultsParams{Assessment: a.ID, TestTaker: stored.TestTakerID})
	require.NoError(t, err)
	require.Len(t, res.Results, 2)
	assert.Nil(t, res.Results[0].Score, "not completed: no score")
}

func TestA429StormIsRiddenOutWithinTheDeadline(t *testing.T) {
	s := newFake(t) // the documented minute-long window
	a := s.AddAssessment("Go developer")
	s.Seed(a.ID, 1, 1)
	// The client's waits move the fake's clock on instead of passing.
	clock := fake.NewClock(time.Now())
	s.SetClock(clock.Now)
	var waited time.Duration
	ctx := rest.WithWaitHook(context.Background(), func(d time.Duration) { waited += d; clock.Advance(d) })
	c := s.Client(testgorilla.WithRetry(5, time.Millisecond, 2*time.Minute))

	// 20 assessment reads a window are allowed: 50 calls cross two resets.
	for range 50 {
		_, err := c.Assessments.Get(ctx, a.ID)
		require.NoError(t, err)
	}
	assert.Equal(t, 52, len(s.Requests()), "two calls met a 429 and were retried")
	assert.Equal(t, 2*time.Minute, waited, "the resets were waited out, as X-RateLimit-Reset said")
}

func TestA429WhoseResetPassesTheDeadlineReturnsAtOnce(t *testing.T) {
	s := newFake(t) // a real minute-long window
	a := s.AddAssessment("Go developer")
	c := s.Client(testgorilla.WithRetry(5, time.Millisecond, 2*time.Minute))
	for range 20 {
		_, err := c.Assessments.Get(context.Background(), a.ID)
		require.NoError(t, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	start := time.Now()
	_, err := c.Assessments.Get(ctx, a.ID)
	require.ErrorIs(t, err, testgorilla.ErrRateLimited)
	var apiErr *testgorilla.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Greater(t, apiErr.RetryAfter, 50*time.Second)
	assert.Equal(t, "0", apiErr.Header.Get("X-RateLimit-Remaining"))
	assert.Less(t, time.Since(start), 500*time.Millisecond)
}

func TestExpiredTokenIsRenewedByLoggingInAgain(t *testing.T) {
	s := newFake(t)
	s.AddUser("ada@example.com", "correct horse")
	a := s.AddAssessment("Go developer")
	c := s.ClientWithToken("", testgorilla.WithLogin("ada@example.com", "correct horse"))
	ctx := context.Background()

	_, err := c.Assessments.Get(ctx, a.ID)
	require.NoError(t, err, "the first call logs in")
	logins := func() int {
		n := 0
		for _, r := range s.Requests() {
			if r.Path == testgorilla.LoginPath {
				n++
			}
		}
		return n
	}
	assert.Equal(t, 1, logins())

	s.ExpireTokens()
	_, err = c.Assessments.Get(ctx, a.ID)
	require.NoError(t, err, "an expired token is replaced once")
	assert.Equal(t, 2, logins())

	// A clock an hour and a minute on expires the token too.
	s.SetClock(func() time.Time { return time.Now().Add(TokenLifetimeAndAMinute) })
	_, err = c.Assessments.Get(ctx, a.ID)
	require.NoError(t, err)
	assert.Equal(t, 3, logins())

	wrong := s.ClientWithToken("", testgorilla.WithLogin("ada@example.com", "wrong"))
	_, err = wrong.Assessments.Get(ctx, a.ID)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "Unable to log in")
	assert.NotContains(t, err.Error(), "wrong")

	tok, err := testgorilla.Login(ctx, "ada@example.com", "correct horse", testgorilla.WithBaseURL(s.URL()))
	require.NoError(t, err)
	_, err = s.ClientWithToken(tok).Assessments.Get(ctx, a.ID)
	require.NoError(t, err)
}

// TokenLifetimeAndAMinute is a clock jump past a login token's life.
const TokenLifetimeAndAMinute = testgorillatest.TokenLifetime + time.Minute

func TestTheFakeChecksTokensAndSlashes(t *testing.T) {
	s := newFake(t)
	a := s.AddAssessment("Go developer")
	_, err := s.ClientWithToken("nope").Assessments.Get(context.Background(), a.ID)
	require.ErrorIs(t, err, testgorilla.ErrUnauthorized)
	assert.Contains(t, err.Error(), "Invalid token.")

	hc := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	req, _ := http.NewRequest(http.MethodGet, s.URL()+"/api/assessments/candidature?assessment=1", nil)
	req.Header.Set("Authorization", "Token "+testgorillatest.APIKey)
	resp, err := hc.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusMovedPermanently, resp.StatusCode)
	assert.Equal(t, "/api/assessments/candidature/?assessment=1", resp.Header.Get("Location"))
}
