package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var now = time.Date(2026, 11, 23, 10, 0, 0, 0, time.UTC)

func env(vars map[string]string) func(string) string {
	return func(k string) string { return vars[k] }
}

func TestConfigureDefaultsToTheLastFullQuarter(t *testing.T) {
	cfg, err := configure(nil, env(nil), now)
	require.NoError(t, err)
	assert.Equal(t, "2026-07-01", cfg.from.String())
	assert.Equal(t, "2026-10-01", cfg.until.String())
	assert.Empty(t, cfg.token)

	cfg, err = configure(nil, env(nil), time.Date(2026, 2, 3, 0, 0, 0, 0, time.UTC))
	require.NoError(t, err)
	assert.Equal(t, "2025-10-01", cfg.from.String())
	assert.Equal(t, "2026-01-01", cfg.until.String())

	cfg, err = configure([]string{"-from", "2026-01-01", "-until", "2026-04-01", "-apply"}, env(nil), now)
	require.NoError(t, err)
	assert.Equal(t, "2026-01-01", cfg.from.String())
	assert.True(t, cfg.apply)

	_, err = configure([]string{"-from", "January"}, env(nil), now)
	assert.Error(t, err)
	_, err = configure([]string{"-bogus"}, env(nil), now)
	assert.ErrorContains(t, err, "flags: -apply")
	_, err = configure(nil, env(map[string]string{"TRUSTCRUIT_TOKEN": "t"}), now)
	assert.ErrorContains(t, err, "TRUSTCRUIT_SPRANCHER_ID must be set")
}

func TestRunsTheWholeFlowOnTheFake(t *testing.T) {
	cfg, err := configure(nil, env(nil), now)
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, cfg))
	got := out.String()
	assert.Contains(t, got, "running against the in-process fake")
	assert.Contains(t, got, "2. The callback brought customer 2001 and its token (trustcruit.Callback{SprancherID: 2001, Token: [REDACTED]")
	for _, line := range []string{`submitted ada@example.com        at "step1"`, `submitted grace@example.com      at "step2"`, `submitted linus@example.com      at "step5"`} {
		assert.Contains(t, got, line)
	}
	assert.Regexp(t, `CNPS from 2026-07-01 until 2026-10-01 \(exclusive\): -?\d+ ±\d+\.\d \(95%\), \d+ answers`, got)
}

// TestLiveModeOnlyReadsWithoutApply points "the real API" at a fake and
// checks that nothing is submitted unless -apply is given, and that
// -apply submits at the test level.
func TestLiveModeOnlyReadsWithoutApply(t *testing.T) {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	vars := map[string]string{"TRUSTCRUIT_TOKEN": trustcruittest.TestToken, "TRUSTCRUIT_SPRANCHER_ID": "1010", "TRUSTCRUIT_BASE_URL": fake.URL()}

	cfg, err := configure(nil, env(vars), now)
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, cfg))
	assert.Contains(t, out.String(), `would submit ada@example.com        at "test step" (dry run: add -apply to submit)`)
	assert.Contains(t, out.String(), "unavailable (no answers)")
	assert.Empty(t, fake.Candidates(trustcruit.TestSprancherID))

	cfg, err = configure([]string{"-apply"}, env(vars), now)
	require.NoError(t, err)
	require.NoError(t, run(context.Background(), &out, cfg))
	got := fake.Candidates(trustcruit.TestSprancherID)
	require.Len(t, got, 3)
	for _, p := range got {
		assert.Equal(t, trustcruit.LevelTest, p.Level)
	}
}
