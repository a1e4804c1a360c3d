package testgorilla_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A page that names its "results" twice is refused: encoding/json would
// merge the two lists item by item, so no item would be what its raw
// JSON says.
func TestAPageNamingItsResultsTwiceIsRefused(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, "https://app.testgorilla.com/api/assessments/candidature/?assessment=1", 200,
		[]byte(`{"count":1,"next":null,"results":[{"id":7,"status":"completed"}],"Results":[{"id":8}]}`))
	_, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: 1})
	require.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse)
	assert.Contains(t, err.Error(), `more than one member "results"`)
}
