package main

import (
	"context"
	"strings"
	"testing"

	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func env(vars map[string]string) func(string) string { return func(k string) string { return vars[k] } }

func TestRunsOnTheFake(t *testing.T) {
	cfg, err := configure(nil, env(nil))
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, cfg))
	got := out.String()
	assert.Contains(t, got, "created Ada Lovelace (candidate-")
	assert.Contains(t, got, "applied, stage New")
	assert.Contains(t, got, "testgorilla:91, go")
	assert.Contains(t, got, "\n50 candidates; rate limit:")
	assert.Equal(t, 1, strings.Count(got, "Grace Hopper  "), "each candidate listed once")
}

func TestLiveModeOnlyListsWithoutApply(t *testing.T) {
	fake := trutotest.NewServer()
	defer fake.Close()
	acct := fake.AddAccount(trutotest.IntegrationGreenhouse)
	vars := map[string]string{"TRUTO_TOKEN": trutotest.Token, "TRUTO_INTEGRATED_ACCOUNT_ID": acct, "TRUTO_BASE_URL": fake.URL()}

	cfg, err := configure(nil, env(vars))
	require.NoError(t, err)
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out, cfg))
	assert.Contains(t, out.String(), "would create Ada Lovelace (dry run: add -apply)")
	assert.Empty(t, fake.Candidates(acct))

	cfg, err = configure([]string{"-apply"}, env(vars))
	require.NoError(t, err)
	require.NoError(t, run(context.Background(), &out, cfg))
	assert.Len(t, fake.Candidates(acct), 3)

	_, err = configure(nil, env(map[string]string{"TRUTO_TOKEN": "x"}))
	assert.ErrorContains(t, err, "TRUTO_INTEGRATED_ACCOUNT_ID must be set")
}
