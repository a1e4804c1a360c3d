package truto_test

import (
	"context"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/benchutil"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPacedCreatesMeetNo429FromTheFake(t *testing.T) {
	s, acct := newFake(t)
	s.SetRateLimit(10, 50*time.Millisecond) // and 100 for the token
	statuses := &benchutil.Statuses{}
	c := s.Client(truto.WithHTTPClient(&http.Client{Transport: statuses}),
		truto.WithRateLimit(truto.RateLimitPolicy{PerAccount: 10, PerToken: 100, Window: 50 * time.Millisecond}))

	var wg sync.WaitGroup
	for i := range 30 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.ATS.Candidates.Create(context.Background(), acct,
				truto.CandidateInput{FirstName: fmt.Sprint(i)}, truto.CreateCandidateParams{})
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	assert.Zero(t, statuses.Count(http.StatusTooManyRequests))
	assert.Len(t, s.Candidates(acct), 30)
}

func TestEachIntegratedAccountHasItsOwnBudget(t *testing.T) {
	s, a := newFake(t)
	b := s.AddAccount(trutotest.IntegrationGreenhouse)
	// One request per account at once, the next an hour later; the
	// token's budget out of the way.
	c := s.Client(truto.WithRateLimit(truto.RateLimitPolicy{PerAccount: 2, PerToken: 1e6, Window: time.Hour}))
	list := func(acct string) error {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		_, err := c.ATS.Jobs.List(ctx, acct, truto.ListParams{})
		return err
	}
	require.NoError(t, list(a))
	require.NoError(t, list(b), "b does not wait for a's budget")

	start := time.Now()
	err := list(a)
	assert.Less(t, time.Since(start), 200*time.Millisecond, "a turn past the deadline fails at once")
	require.ErrorIs(t, err, context.DeadlineExceeded)
	var te *truto.TransportError
	require.ErrorAs(t, err, &te)
	assert.Zero(t, te.Attempts, "never sent")
	assert.Len(t, s.Requests(), 2)
}

func TestWithRateLimitRefusesNegativeBudgets(t *testing.T) {
	for _, p := range []truto.RateLimitPolicy{{PerToken: -1}, {PerAccount: -1}, {Window: -time.Second}} {
		_, err := truto.NewClient("token", truto.WithRateLimit(p))
		assert.ErrorIs(t, err, truto.ErrInvalidParams, "%+v", p)
	}
	_, err := truto.NewClient("token", truto.WithRateLimit(truto.RateLimitPolicy{}))
	assert.NoError(t, err, "the zero policy is Truto's documented budget")
}

func TestAllWithPrefetchYieldsTheSameAndStopsOnBreak(t *testing.T) {
	s, acct := newFake(t)
	s.DisableRateLimits()
	for i := range 250 {
		s.AddRecord(acct, "ats", "candidates", trutotest.Record{"id": fmt.Sprintf("c-%04d", i)})
	}
	s.SetLatency(2 * time.Millisecond)
	c := s.Client()
	ids := func(opts ...truto.RequestOption) []string {
		var out []string
		for cand, err := range c.ATS.Candidates.All(context.Background(), acct, truto.ListParams{Limit: 50}, opts...) {
			require.NoError(t, err)
			out = append(out, cand.ID)
		}
		return out
	}
	want := ids()
	require.Len(t, want, 250)
	var resp truto.Response
	assert.Equal(t, want, ids(truto.WithPrefetch(), truto.WithResponseInto(&resp)))
	assert.Equal(t, 200, resp.StatusCode, "read after the loop: the last page")

	s.ResetRequests()
	for range c.ATS.Candidates.All(context.Background(), acct, truto.ListParams{Limit: 50}, truto.WithPrefetch()) {
		break
	}
	assert.LessOrEqual(t, len(s.Requests()), 2, "the first page and at most one ahead")
}
