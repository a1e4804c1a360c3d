package trustcruit_test

import (
	"context"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWithRateLimitNeedsABudgetTrustcruitDoesNotDocument(t *testing.T) {
	for _, p := range []trustcruit.RateLimitPolicy{{}, {Limit: 10}, {Window: time.Second}, {Limit: -1, Window: time.Second}} {
		_, err := trustcruit.NewClient("token", trustcruit.WithRateLimit(p))
		assert.ErrorIs(t, err, trustcruit.ErrInvalidParams, "%+v", p)
	}
}

func TestEveryCallCountsAgainstTheOneBudget(t *testing.T) {
	s := newFake(t)
	// One call at once, the next an hour later.
	c := s.Client(trustcruit.WithRateLimit(trustcruit.RateLimitPolicy{Limit: 2, Window: time.Hour}))
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_, err := c.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
	require.NoError(t, err)
	err = c.SubmitCandidate(ctx, trustcruit.SubmitCandidateParams{
		SprancherID: 1010, Level: trustcruit.LevelTest, Email: "ada@example.com",
	})
	require.ErrorIs(t, err, context.DeadlineExceeded)
	assert.NotErrorIs(t, err, trustcruit.ErrOutcomeUnknown, "the submit never left")
	assert.Len(t, s.Requests(), 1)
}
