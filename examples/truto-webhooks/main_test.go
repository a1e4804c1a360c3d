package main

import (
	"context"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestRunsOffline(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(context.Background(), &out))
	got := out.String()
	t.Log(got)
	for _, want := range []string{
		"event integrated_account:created: acme-1 is connecting, not ready yet",
		"event integrated_account:active: acme-1 connected greenhouse",
		"capabilities: candidates create=true, applications move-stage=true, jobs create=false",
		"created candidate Ada Lovelace",
		"event record:created: ats/candidates in account",
		"tampered delivery: 401 truto: webhook signature check failed",
		"duplicate delivery: 200 duplicate: already handled",
		"replay ten minutes later: 401 truto: webhook event outside the tolerance window",
		"3 deliveries from Truto, 3 answered 200; 1 candidate in the account",
	} {
		assert.Contains(t, got, want)
	}
	assert.Equal(t, 1, strings.Count(got, "created candidate"), "the duplicate was not handled again")
}
