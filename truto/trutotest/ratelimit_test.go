package trutotest_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// get lists an account's jobs by hand and returns the answer's status and
// headers.
func get(t *testing.T, s *trutotest.Server, account string) (int, http.Header) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, s.URL()+"/unified/ats/jobs?integrated_account_id="+account, nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer "+trutotest.Token)
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	resp.Body.Close()
	return resp.StatusCode, resp.Header
}

func TestTheFakeLimitsEachAccountAndTheToken(t *testing.T) {
	s := trutotest.NewServer()
	defer s.Close()
	s.SetRateLimit(2, time.Minute) // 2 per account, 20 for the token
	accounts := make([]string, 11)
	for i := range accounts {
		accounts[i] = s.AddAccount(trutotest.IntegrationGreenhouse)
	}

	status, h := get(t, s, accounts[0])
	assert.Equal(t, 200, status)
	assert.Equal(t, []string{"2;w=60", "1", "60"}, []string{h.Get("Ratelimit-Limit"), h.Get("Ratelimit-Remaining"), h.Get("Ratelimit-Reset")})
	get(t, s, accounts[0])
	status, h = get(t, s, accounts[0])
	assert.Equal(t, 429, status, "the account's budget is spent")
	assert.Equal(t, []string{"2;w=60", "0", "60"}, []string{h.Get("Ratelimit-Limit"), h.Get("Ratelimit-Remaining"), h.Get("Retry-After")})

	// Nine more accounts spend two each: the token's 20 are gone.
	for _, a := range accounts[1:10] {
		for range 2 {
			status, _ := get(t, s, a)
			require.Equal(t, 200, status)
		}
	}
	status, h = get(t, s, accounts[10])
	assert.Equal(t, 429, status, "a fresh account, but the token's budget is spent")
	assert.Equal(t, []string{"20;w=60", "0"}, []string{h.Get("Ratelimit-Limit"), h.Get("Ratelimit-Remaining")})
}

func TestAWindowShortenedBelowASecondResetsInFractions(t *testing.T) {
	s := trutotest.NewServer()
	defer s.Close()
	s.SetRateLimit(1, 200*time.Millisecond)
	account := s.AddAccount(trutotest.IntegrationGreenhouse)
	get(t, s, account)
	status, h := get(t, s, account)
	require.Equal(t, 429, status)
	assert.Empty(t, h.Get("Retry-After"), "Retry-After counts whole seconds")
	reset, err := time.ParseDuration(h.Get("Ratelimit-Reset") + "s")
	require.NoError(t, err)
	assert.Greater(t, reset, time.Duration(0))
	assert.LessOrEqual(t, reset, 200*time.Millisecond)
}
