package truto_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/internal/benchutil"
	"github.com/recruitkit/recruitkit-go/truto"
)

// BenchmarkCreateCandidateInMemory is BenchmarkCreateCandidate on an
// in-memory transport (httpmock): no network and no server, so the
// difference between the sides is the SDK's own CPU. impl=sdk-fixedkey
// passes an idempotency key instead of generating one; impl=sdk-notimeout
// is a client without the default call timeout (WithTimeout(0)), whose
// context httpmock, unlike net/http's transport, watches from a
// goroutine of its own per request.
func BenchmarkCreateCandidateInMemory(b *testing.B) {
	mt := httpmock.NewMockTransport()
	body := fixture(b, "candidate.json")
	mt.RegisterNoResponder(func(*http.Request) (*http.Response, error) { return httpmock.NewBytesResponse(201, body), nil })
	hc := &http.Client{Transport: mt}
	c, err := truto.NewClient(token, truto.WithBaseURL(truto.DefaultBaseURL), truto.WithHTTPClient(hc))
	if err != nil {
		b.Fatal(err)
	}
	c0, err := truto.NewClient(token, truto.WithBaseURL(truto.DefaultBaseURL), truto.WithHTTPClient(hc), truto.WithTimeout(0))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	benchutil.Compare(b,
		benchutil.Side{Name: "raw", Call: rawCreate(ctx, hc, truto.DefaultBaseURL)},
		benchutil.Side{Name: "sdk", Call: sdkCreate(ctx, c)},
		benchutil.Side{Name: "sdk-fixedkey", Call: sdkCreate(ctx, c, truto.WithIdempotencyKey("3f1c2a9e-0d1b-4e7a-9c55-8a0f6b2d4e11"))},
		benchutil.Side{Name: "sdk-notimeout", Call: sdkCreate(ctx, c0)},
	)
}
