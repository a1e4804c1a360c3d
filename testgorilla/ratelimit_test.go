package testgorilla_test

import (
	"context"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/benchutil"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestPacedCallsMeetNo429FromTheFake(t *testing.T) {
	s := newFake(t)
	s.SetRateLimitWindow(100 * time.Millisecond) // 20 assessment reads a window
	a := s.AddAssessment("Go developer")
	statuses := &benchutil.Statuses{}
	c := s.Client(testgorilla.WithHTTPClient(&http.Client{Transport: statuses}),
		testgorilla.WithRateLimit(testgorilla.RateLimitPolicy{Window: 100 * time.Millisecond}))

	var wg sync.WaitGroup
	for range 25 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := c.Assessments.Get(context.Background(), a.ID)
			assert.NoError(t, err)
		}()
	}
	wg.Wait()
	assert.Zero(t, statuses.Count(http.StatusTooManyRequests))
	assert.Equal(t, 25, statuses.Count(http.StatusOK))
}

func TestEachEndpointHasItsOwnBudget(t *testing.T) {
	s := newFake(t)
	a := s.AddAssessment("Go developer")
	// One call per endpoint at once, the next an hour later.
	c := s.Client(testgorilla.WithRateLimit(testgorilla.RateLimitPolicy{Window: 20 * time.Hour}))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := c.Assessments.Get(ctx, a.ID)
	require.NoError(t, err)
	_, err = c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID})
	require.NoError(t, err, "another endpoint does not wait")
	_, err = c.Assessments.Get(ctx, a.ID+1)
	require.ErrorIs(t, err, context.DeadlineExceeded, "the same endpoint, another id: the same budget")
	assert.Len(t, s.Requests(), 2)
}

func TestWithRateLimitRefusesANegativeWindow(t *testing.T) {
	_, err := testgorilla.NewClient("key", testgorilla.WithRateLimit(testgorilla.RateLimitPolicy{Window: -time.Minute}))
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
}

func TestAllWithPrefetchYieldsTheSame(t *testing.T) {
	s := newFake(t)
	s.DisableRateLimits()
	a := s.AddAssessment("Go developer")
	s.Seed(a.ID, 95, 1)
	c := s.Client()
	ids := func(opts ...testgorilla.RequestOption) []int {
		var out []int
		for cand, err := range c.Candidatures.All(context.Background(), testgorilla.ListCandidaturesParams{Assessment: a.ID, Limit: 10}, opts...) {
			require.NoError(t, err)
			out = append(out, cand.ID)
		}
		return out
	}
	want := ids()
	require.Len(t, want, 95)
	assert.Equal(t, want, ids(testgorilla.WithPrefetch()))
}
