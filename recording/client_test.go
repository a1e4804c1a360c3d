package recording_test

import (
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestClientPicksTheMode: Client records only with RECRUITKIT_RECORD=1
// and, when Live is given, live reporting true.
func TestClientPicksTheMode(t *testing.T) {
	cassette := writeCassette(t, `{"version": 1, "interactions": []}`)
	fresh := filepath.Join(t.TempDir(), "new", "cassette.json")
	transport := func(env string, path string, opts ...recording.Option) http.RoundTripper {
		t.Setenv(recording.EnvRecord, env)
		f := newFailures(t)
		hc := recording.Client(f, path, opts...)
		assert.Empty(t, f.end())
		return hc.Transport
	}
	no := recording.Live(func() bool { return false })

	assert.IsType(t, &httpmock.MockTransport{}, transport("", cassette))
	assert.IsType(t, &httpmock.MockTransport{}, transport("true", cassette), "only 1 records")
	assert.IsType(t, &httpmock.MockTransport{}, transport("1", cassette, no), "no credentials: replay")
	assert.IsType(t, &recording.Recorder{}, transport("1", fresh))
	b, err := os.ReadFile(fresh)
	require.NoError(t, err, "written when the test ends")
	assert.JSONEq(t, `{"version": 1, "interactions": []}`, string(b))
}
