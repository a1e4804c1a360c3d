package rest

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"
	"testing"

	"github.com/recruitkit/recruitkit-go/internal/benchutil"
)

// cannedTransport answers every request at once with the same JSON, so
// that what a call allocates is the client's doing, not a server's.
type cannedTransport struct{ body []byte }

func (t cannedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	return &http.Response{
		StatusCode: http.StatusOK, Header: http.Header{"Content-Type": {"application/json"}},
		Body: io.NopCloser(bytes.NewReader(t.body)), ContentLength: int64(len(t.body)), Request: req,
	}, nil
}

// TestCallAllocsOverRaw keeps the core's own allocations per call in
// check: a GET through Do against the same exchange written by hand on
// the same transport, both bounded by a timeout. The per-call retry
// machinery is pooled; building it anew for every call cost eight
// allocations, five more than by hand.
func TestCallAllocsOverRaw(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items at random under the race detector")
	}
	hc := &http.Client{Transport: cannedTransport{benchBody()}}
	c, err := New(testVendor, testToken, WithBaseURL("https://api.acme.test"), WithHTTPClient(hc))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	query := url.Values{"assessment": {"42"}}
	headers := map[string]string{"Authorization": "Token " + testToken, "Accept": "application/json", "User-Agent": "recruitkit-go/" + Version}
	raw := testing.AllocsPerRun(200, func() {
		// Hand-written code bounds its call too, as the core's default
		// timeout does (http.Client.Timeout would cost the same).
		ctx, cancel := context.WithTimeout(ctx, DefaultTimeout)
		defer cancel()
		var cand candidate
		if err := benchutil.Raw(ctx, hc, http.MethodGet, "https://api.acme.test/api/assessments/candidature/8000/?assessment=42", headers, nil, &cand); err != nil {
			t.Fatal(err)
		}
	})
	sdk := testing.AllocsPerRun(200, func() {
		var cand candidate
		if _, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/api/assessments/candidature/8000/", Query: query}, &cand); err != nil {
			t.Fatal(err)
		}
	})
	t.Logf("allocations per call: raw %v, core %v", raw, sdk)
	if sdk > raw {
		t.Errorf("the core allocates %v per call, more than the %v of the raw exchange", sdk, raw)
	}
}
