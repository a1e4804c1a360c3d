package truto

import (
	"net/url"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestUnifiedAndProxyCallsArePacedByAccount(t *testing.T) {
	p, err := RateLimitPolicy{}.pacing()
	require.NoError(t, err)
	assert.Equal(t, rest.Rate{Limit: 500, Per: 10 * time.Second}, p.Token, "Truto's documented budget for the token")
	account := url.Values{"integrated_account_id": {"acct-1"}}
	for _, c := range []struct {
		r   rest.Request
		key string
	}{
		{rest.Request{Path: "/unified/ats/candidates", Query: account}, "acct-1"},
		{rest.Request{Path: "/proxy/greenhouse/candidates", Query: account}, "acct-1"},
		{rest.Request{Path: "/unified/ats/candidates", Call: rest.CallOptions{Query: account}}, "acct-1"},
		{rest.Request{Path: "/integrated-account/acct-1", Query: account}, ""}, // the token's alone
		{rest.Request{Path: "/unified/ats/candidates"}, ""},
	} {
		key, budget := p.Key(&c.r)
		assert.Equal(t, c.key, key, c.r.Path)
		if key != "" {
			assert.Equal(t, rest.Rate{Limit: 50, Per: 10 * time.Second}, budget)
		}
	}
}
