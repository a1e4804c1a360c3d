package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/cnps"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestThePipelineOnTheFakes runs the pipeline on seeded fakes and checks
// the end state of each: who is in the ATS, who was rejected and emailed
// in TestGorilla, what Trustcruit received at which level, and that the
// printed CNPS is the cnps package's value for the seeded answers.
func TestThePipelineOnTheFakes(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp) // where the PDF report goes, and must not stay
	p := &pipeline{threshold: 60, today: trustcruit.Date{Year: 2026, Month: time.November, Day: 23}, progress: io.Discard}
	f := p.useFakes()
	defer f.Close()
	f.testgorilla.DisableRateLimits()
	f.truto.DisableRateLimits()

	// What TestGorilla held before the run.
	type before struct {
		testgorilla.Candidature
		score float64
	}
	var completed []before
	for c, err := range p.testgorilla.Candidatures.All(context.Background(), testgorilla.ListCandidaturesParams{
		Assessment: p.assessment, Status: testgorilla.StatusCompleted, Ordering: testgorilla.OrderAvgScore.Desc()}) {
		require.NoError(t, err)
		completed = append(completed, before{c, *c.AvgScore})
	}
	require.Greater(t, len(completed), 100, "a few hundred seeded, about half completed")

	s, err := p.run(context.Background())
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, report(&out, s, true))

	var wantATS []string
	var wantStep1, wantStep5 []string
	alreadyRejected := 0
	for _, c := range completed {
		switch {
		case c.score >= 60:
			wantATS = append(wantATS, fmt.Sprintf("%s|%s|testgorilla:%.0f", c.FullName, c.Email, c.score))
			wantStep1 = append(wantStep1, c.Email)
		case c.Stage == testgorilla.StageRejected:
			alreadyRejected++
		default:
			wantStep5 = append(wantStep5, c.Email)
		}
	}
	require.NotEmpty(t, wantStep5)
	require.Positive(t, alreadyRejected, "the seed has some already rejected")

	// Truto: exactly the passing candidates, best first, names split, tagged, applied to the job.
	var gotATS []string
	for _, c := range f.truto.Candidates(p.account) {
		require.Len(t, c.Tags, 1)
		gotATS = append(gotATS, fmt.Sprintf("%s %s|%s|%s", c.FirstName, c.LastName, c.Emails[0].Email, c.Tags[0].Name))
		require.Len(t, c.Applications, 1)
		assert.Equal(t, p.jobID, c.Applications[0].Job.ID)
	}
	assert.Equal(t, wantATS, gotATS)

	// TestGorilla: the ones below rejected and emailed once; the already rejected not emailed again.
	emailed := map[int]int{}
	for _, e := range f.testgorilla.Emails() {
		require.Equal(t, "rejection", e.Kind)
		emailed[e.CandidatureID]++
	}
	for _, c := range completed {
		now, ok := f.testgorilla.Candidature(c.ID)
		require.True(t, ok)
		switch {
		case c.score >= 60:
			assert.Equal(t, c.Stage, now.Stage, "a passing candidate keeps its stage")
			assert.Zero(t, emailed[c.ID])
		case c.Stage == testgorilla.StageRejected:
			assert.Zero(t, emailed[c.ID], "no second rejection email")
		default:
			assert.Equal(t, testgorilla.StageRejected, now.Stage)
			assert.Equal(t, 1, emailed[c.ID])
		}
	}

	// Trustcruit: step1 for the passing, step5 for the rejected, in that order of processing.
	var step1, step5 []string
	for _, sub := range f.trustcruit.Candidates(p.sprancherID) {
		switch sub.Level {
		case trustcruit.LevelStep1:
			step1 = append(step1, sub.Email)
		case trustcruit.LevelStep5:
			step5 = append(step5, sub.Email)
		default:
			t.Errorf("unexpected level %q", sub.Level)
		}
	}
	assert.Equal(t, wantStep1, step1)
	assert.Equal(t, wantStep5, step5)

	// The printed CNPS of each quarter is the cnps package's value for the seeded answers.
	quarters := map[string][2]trustcruit.Date{
		"2026-Q3": {{Year: 2026, Month: 7, Day: 1}, {Year: 2026, Month: 10, Day: 1}},
		"2026-Q2": {{Year: 2026, Month: 4, Day: 1}, {Year: 2026, Month: 7, Day: 1}},
	}
	for name, q := range quarters {
		stats := map[string]int{}
		for _, a := range f.answers {
			if !a.Date.Before(q[0]) && a.Date.Before(q[1]) {
				stats[strconv.Itoa(a.Rating)]++
			}
		}
		want, err := cnps.Compute(stats)
		require.NoError(t, err)
		line := regexp.MustCompile(regexp.QuoteMeta(name) + ` \(.*?\): (-?\d+) ±`).FindStringSubmatch(out.String())
		require.NotNil(t, line, out.String())
		assert.Equal(t, strconv.Itoa(want), line[1], name)
	}

	assert.Equal(t, len(wantStep1), s.passed)
	assert.Equal(t, len(wantStep5), s.rejected)
	assert.Equal(t, alreadyRejected, s.alreadyRejected)
	assert.Contains(t, out.String(), fmt.Sprintf("%d passed: created in the ATS and surveyed at step1", s.passed))

	// The best candidate's PDF report, as the fake renders it.
	assert.Equal(t, completed[0].FullName, s.best)
	assert.Equal(t, int64(testgorillatest.DefaultPDFSize), s.reportBytes)
	left, err := os.ReadDir(tmp)
	require.NoError(t, err)
	assert.Empty(t, left, "the temporary report is removed")
	assert.Contains(t, out.String(), fmt.Sprintf("PDF report of the best candidate, %s: %d bytes, streamed to a temporary file",
		completed[0].FullName, testgorillatest.DefaultPDFSize))
}

func TestRunNeedsAllVariablesOrNone(t *testing.T) {
	env := map[string]string{"TESTGORILLA_TOKEN": "x"}
	err := run(context.Background(), nil, func(k string) string { return env[k] }, io.Discard, io.Discard)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing: TESTGORILLA_ASSESSMENT, TRUTO_TOKEN")

	err = run(context.Background(), []string{"-threshold", "120"}, func(string) string { return "" }, io.Discard, io.Discard)
	assert.ErrorContains(t, err, "want a score from 0 to 100")
}

func TestRunOnFakesPrintsTheReport(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(context.Background(), nil, func(string) string { return "" }, &out, io.Discard))
	assert.Contains(t, out.String(), "No credentials: running against in-process fakes")
	assert.Contains(t, out.String(), "Candidate NPS (Trustcruit question 405):")
	assert.Regexp(t, `PDF report of the best candidate, [^:]+: \d+ bytes`, out.String())
	assert.Regexp(t, `took \d`, out.String())
}

func TestSplitName(t *testing.T) {
	for full, want := range map[string][2]string{
		"Ada Lovelace": {"Ada", "Lovelace"}, "Ada": {"Ada", ""}, " Ada  Lovelace King ": {"Ada", "Lovelace King"},
	} {
		f, l := splitName(full)
		assert.Equal(t, want, [2]string{f, l}, full)
	}
}

func TestLastTwoQuarters(t *testing.T) {
	qs := lastTwoQuarters(trustcruit.Date{Year: 2026, Month: 2, Day: 10})
	require.Len(t, qs, 2)
	assert.Equal(t, "2025-Q4", qs[0].name)
	assert.Equal(t, "2025-10-01", qs[0].from.String())
	assert.Equal(t, "2026-01-01", qs[0].until.String())
	assert.Equal(t, "2025-Q3", qs[1].name)
}

func TestSparkline(t *testing.T) {
	assert.Equal(t, "▁   █      ", sparkline(cnps.Histogram{1, 0, 0, 0, 100}))
	assert.Equal(t, "           ", sparkline(cnps.Histogram{}))
}
