package main

import (
	"context"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func env(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }

func TestConfigure(t *testing.T) {
	cfg, err := configure(nil, env(nil))
	require.NoError(t, err)
	assert.Equal(t, 50.0, cfg.threshold)
	_, err = configure([]string{"-threshold", "101"}, env(nil))
	assert.Error(t, err)
	_, err = configure(nil, env(map[string]string{"TESTGORILLA_TOKEN": "k"}))
	assert.ErrorContains(t, err, "TESTGORILLA_ASSESSMENT must be set")
	cfg, err = configure([]string{"-apply"}, env(map[string]string{"TESTGORILLA_TOKEN": "k", "TESTGORILLA_ASSESSMENT": "42"}))
	require.NoError(t, err)
	assert.Equal(t, 42, cfg.assessment)
	assert.True(t, cfg.apply)
}

var update = flag.Bool("update", false, "rewrite testdata/tour.golden with the tour's output")

// randomUUID is the part of the tour's output that changes from run to
// run: the UUIDs the fake makes up for invitations and public links.
var randomUUID = regexp.MustCompile(`(takeinvitation|publicinvitation)/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)

var summary = regexp.MustCompile(`(\d+) kept, (\d+) (?:rejected and emailed|to reject), (\d+) already rejected`)

func TestScreensTheSeededAssessmentOnTheFake(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, config{threshold: 50}))
	m := summary.FindStringSubmatch(out.String())
	require.NotNil(t, m, out.String())
	kept, _ := strconv.Atoi(m[1])
	rejected, _ := strconv.Atoi(m[2])
	already, _ := strconv.Atoi(m[3])
	assert.Contains(t, out.String(), "150 completed candidatures, best score first; threshold 50")
	assert.Equal(t, 150, kept+rejected+already)
	assert.Positive(t, rejected)
	assert.Equal(t, rejected, strings.Count(out.String(), "rejected, emailed"))

	// A closer look at the best candidate, and the ways to invite.
	assert.Regexp(t, `The best candidate, [^:]+:\n  Go \(coding\) +\d+% of the test cases, report at https://app.testgorilla.com/customer/candidates/code-report/`, out.String())
	assert.Regexp(t, `  Problem solving +\d+%\n`, out.String())
	assert.Regexp(t, `  Big 5 \(OCEAN\) +extraversion [1-5], agreeableness [1-5]`, out.String())
	assert.Regexp(t, `  anti-cheating flags: [a-z ,]+ \(webcam o(n|ff)\)`, out.String())
	assert.Contains(t, out.String(), "  PDF report: 4096 bytes, streamed to a temporary file")
	assert.Regexp(t, `Invited new.candidate@example.com without an email: send them https://assessment.testgorilla.com/testtaker/takeinvitation/[0-9a-f-]{36}\n`, out.String())
	assert.Contains(t, out.String(), "deactivated; a candidate trying it: testgorillatest: the public link takes no candidates")
	assert.Contains(t, out.String(), "activated again; the candidate: invited")

	// What the tour added: the assessments, a result's details, a
	// personality description, the candidate record, the PDF as it
	// streams, and the relabelled public link.
	assert.Contains(t, out.String(), "2 assessments open to candidates (active or new), most candidates first:\n  Go developer (example)  active  300 candidates")
	assert.Contains(t, out.String(), "Archived assessments, last changed first:\n  Support agent (2025): 40 candidates")
	assert.Regexp(t, `  Problem solving +\d+%\n +took \S+ of the 10m0s allowed; skill areas: Reasoning \d+`, out.String())
	assert.Regexp(t, `  16 Types +([EI][NS][FT][JP])\n +description: \S+ What the 16_types result `, out.String())
	assert.Regexp(t, `  candidate record \d+: 1 assessment\(s\) \(Go developer \(example\)\), last active `, out.String())
	assert.Contains(t, out.String(), "  PDF report: %PDF-1.4, 4096 bytes read as it streams\n")
	assert.Contains(t, out.String(), `  relabelled "Careers page" (active: true), same URL: true`)

	// And the whole output, seeded as it is, but for the random UUIDs.
	got := randomUUID.ReplaceAllString(out.String(), "$1/<uuid>")
	golden := filepath.Join("testdata", "tour.golden")
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "go test ./examples/testgorilla -run TestScreens -update writes it")
	assert.Equal(t, string(want), got)
}

// TestLiveModeIsReadOnlyWithoutApply points "the real API" at a fake.
func TestLiveModeIsReadOnlyWithoutApply(t *testing.T) {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	fake.DisableRateLimits()
	a := fake.AddAssessment("Go developer")
	low, high := 20.0, 90.0
	weak := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Weak", Email: "w@example.com", Status: testgorilla.StatusCompleted, AvgScore: &low})
	fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Strong", Email: "s@example.com", Status: testgorilla.StatusCompleted, AvgScore: &high})
	vars := map[string]string{"TESTGORILLA_TOKEN": testgorillatest.APIKey, "TESTGORILLA_ASSESSMENT": strconv.Itoa(a.ID), "TESTGORILLA_BASE_URL": fake.URL()}

	cfg, err := configure(nil, env(vars))
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, cfg))
	assert.Contains(t, out.String(), "would reject (dry run: add -apply)")
	assert.Contains(t, out.String(), "1 kept, 1 to reject, 0 already rejected")
	assert.Contains(t, out.String(), "The best candidate, Strong:", "reads are made live too")
	assert.NotContains(t, out.String(), "Invited new.candidate", "no invitation against a live API")
	got, _ := fake.Candidature(weak.ID)
	assert.Equal(t, testgorilla.StageNotYetEvaluated, got.Stage)
	assert.Empty(t, fake.Emails())

	cfg, err = configure([]string{"-apply"}, env(vars))
	require.NoError(t, err)
	out.Reset()
	require.NoError(t, run(context.Background(), &out, cfg))
	assert.Contains(t, out.String(), "1 kept, 1 rejected and emailed, 0 already rejected")
	got, _ = fake.Candidature(weak.ID)
	assert.Equal(t, testgorilla.StageRejected, got.Stage)
	assert.Equal(t, []testgorillatest.Email{{Kind: "rejection", CandidatureID: weak.ID, To: "w@example.com"}}, fake.Emails())
}
