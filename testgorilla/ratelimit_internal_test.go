package testgorilla

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEveryEndpointIsPacedAtItsDocumentedBudget(t *testing.T) {
	p, err := RateLimitPolicy{}.pacing()
	require.NoError(t, err)
	for _, c := range []struct {
		method, path string
		perMinute    int
	}{
		// The paths as the package builds them.
		{http.MethodGet, assessmentsPath, 20},
		{http.MethodGet, assessmentsPath + strconv.Itoa(7) + "/", 20},
		{http.MethodPost, assessmentsPath + "7/invite_candidate/", 60},
		{http.MethodPost, candidaturePath(7, "send-invitation/"), 60},
		{http.MethodGet, candidaturesPath, 100},
		{http.MethodGet, "/api/assessments/candidates/12/", 100},
		{http.MethodDelete, candidaturePath(7, ""), 20},
		{http.MethodPatch, candidaturePath(7, "change_stage/"), 60},
		{http.MethodPost, candidaturePath(7, "send-reminder/"), 30},
		{http.MethodGet, "/api/assessments/results/", 60},
		{http.MethodGet, "/api/assessments/results/31/", 60},
		{http.MethodPut, "/api/assessments/public_links/0b8f3c52-2f4e-4f7e-9d3a-6c1e0f2a9b7d/", 10},
		{http.MethodGet, "/api/assessments/candidates/12/render_pdf/", 60},
		{http.MethodGet, "/api/assessments/code_questions/31/invitation_token/", 60},
		{http.MethodGet, "/api/tests/personality/big_5/3-4-2-1-5/", 60},
		{http.MethodPost, LoginPath, 10}, // undocumented: the lowest
	} {
		key, budget := p.Key(&rest.Request{Method: c.method, Path: c.path})
		assert.Equal(t, rest.Rate{Limit: c.perMinute, Per: time.Minute}, budget, "%s %s", c.method, c.path)
		assert.NotEmpty(t, key)
	}
	get, _ := p.Key(&rest.Request{Method: http.MethodGet, Path: candidaturePath(7, "")})
	del, _ := p.Key(&rest.Request{Method: http.MethodDelete, Path: candidaturePath(8, "")})
	assert.NotEqual(t, get, del, "a method is an endpoint of its own")
	assert.Equal(t, "DELETE /api/assessments/candidature/{id}/", del)
}
