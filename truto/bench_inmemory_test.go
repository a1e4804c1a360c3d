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
// in-memory transport (httpmock): no network, so the difference between
// the two sides is the SDK's own CPU. impl=sdk-fixedkey passes an
// idempotency key instead of generating one.
func BenchmarkCreateCandidateInMemory(b *testing.B) {
	mt := httpmock.NewMockTransport()
	body := fixture(b, "candidate.json")
	mt.RegisterNoResponder(func(*http.Request) (*http.Response, error) { return httpmock.NewBytesResponse(201, body), nil })
	hc := &http.Client{Transport: mt}
	c, _ := truto.NewClient(token, truto.WithHTTPClient(hc))
	in := truto.CandidateInput{FirstName: "Ada", LastName: "Lovelace", Title: "Engineer",
		Emails: []truto.Email{{Email: "ada@example.com", Type: "personal"}}, Tags: []truto.Tag{{Name: "testgorilla:91"}}}
	ctx := context.Background()
	b.Run("impl=raw", func(b *testing.B) {
		h := map[string]string{"Idempotency-Key": "k"}
		for k, v := range rawHeaders {
			h[k] = v
		}
		b.ReportAllocs()
		for b.Loop() {
			var cand plainCandidate
			if err := benchutil.Raw(ctx, hc, http.MethodPost, "https://api.truto.one/unified/ats/candidates?integrated_account_id="+account+"&job_id=j-1", h, in, &cand); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=sdk", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.ATS.Candidates.Create(ctx, account, in, truto.CreateCandidateParams{JobID: "j-1"}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("impl=sdk-fixedkey", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.ATS.Candidates.Create(ctx, account, in, truto.CreateCandidateParams{JobID: "j-1"}, truto.RequestOptions{IdempotencyKey: "k"}); err != nil {
				b.Fatal(err)
			}
		}
	})
}
