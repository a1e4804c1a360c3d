package trustcruit_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The cassettes in testdata/cassettes are real exchanges with the fake,
// recorded through package recording (scripts/record-fixtures runs these
// tests with RECRUITKIT_RECORD=1); by default the tests replay them
// through httpmock, and no request reaches the fake.

// cassetteClient is a client on testdata/cassettes/<name>.json.
func cassetteClient(t *testing.T, fake *trustcruittest.Server, name string) *trustcruit.Client {
	t.Helper()
	hc := recording.Client(t, filepath.Join("testdata", "cassettes", name+".json"), recording.Personal(trustcruit.PersonalData()...))
	return fake.Client(trustcruit.WithHTTPClient(hc), trustcruit.WithRetry(2, time.Millisecond, 10*time.Millisecond))
}

func TestCassetteSubmitCandidate(t *testing.T) {
	fake := trustcruittest.NewServer()
	t.Cleanup(fake.Close)
	c := cassetteClient(t, fake, "submit_candidate")
	ctx := context.Background()

	p := trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelStep2, Email: "ada@example.com",
		JobAdTitle: "Backend engineer", Date: trustcruit.DateOf(time.Date(2026, 10, 5, 0, 0, 0, 0, time.UTC)),
		Tags: trustcruit.Tags{trustcruit.TagRecruiterName: {"Leon Meyer"}, trustcruit.TagCity: {"Stockholm"}, "Department": {"R&D", "Sales"}},
	}
	require.NoError(t, c.SubmitCandidate(ctx, p))

	p.Level = "step9"
	err := c.SubmitCandidate(ctx, p)
	var apiErr *trustcruit.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 400, apiErr.StatusCode)
	require.Len(t, apiErr.Fields, 1)
	assert.Equal(t, "candidate_level", apiErr.Fields[0].Field)
}

func TestCassetteStats(t *testing.T) {
	fake := trustcruittest.NewServer()
	t.Cleanup(fake.Close)
	day := func(d int) trustcruit.Date { return trustcruit.DateOf(time.Date(2026, 9, d, 0, 0, 0, 0, time.UTC)) }
	var answers []trustcruittest.Answer
	for i, rating := range []int{10, 10, 9, 8, 7, 3, 10, 9, 0, 6} {
		answers = append(answers, trustcruittest.Answer{Date: day(1 + i), Rating: rating})
	}
	fake.AddAnswers(trustcruit.TestSprancherID, answers...)
	c := cassetteClient(t, fake, "stats")
	ctx := context.Background()

	s, err := c.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS, From: day(1), Until: day(30)})
	require.NoError(t, err)
	assert.Equal(t, 10, s.Count)
	score, err := s.CNPS()
	require.NoError(t, err)
	v, ok := score.Rounded()
	assert.True(t, ok)
	assert.Equal(t, 20, v, "5 promoters, 3 detractors of 10")

	empty, err := c.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS, From: day(20), Until: day(30)})
	require.NoError(t, err)
	assert.True(t, empty.NoData)
}
