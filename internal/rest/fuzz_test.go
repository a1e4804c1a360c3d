package rest

import (
	"net/http"
	"testing"
	"time"
)

// FuzzParseDRF parses error bodies: never a panic, and Error() reads.
func FuzzParseDRF(f *testing.F) {
	f.Add([]byte(`{"detail":"Invalid token."}`))
	f.Add([]byte(`{"email":["Enter a valid email address."],"tags":{"City":["x"]},"non_field_errors":["y"]}`))
	f.Add([]byte(`[["nested"],{"a":"b"}]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e := &APIError{Vendor: "acme", Method: "GET", URL: "https://x.test/a", StatusCode: 400, Body: body}
		ParseDRF(e)
		_ = e.Error()
	})
}

// FuzzServerWait reads the wait headers: never negative, never past the
// cap, whatever the server sends.
func FuzzServerWait(f *testing.F) {
	f.Add("120", "0.5")
	f.Add("Mon, 23 Nov 2026 12:00:30 GMT", "1e30")
	f.Add("-1", "NaN")
	f.Fuzz(func(t *testing.T, retryAfter, reset string) {
		resp := &http.Response{StatusCode: http.StatusTooManyRequests, Header: http.Header{}}
		resp.Header.Set("Retry-After", retryAfter)
		resp.Header.Set("X-RateLimit-Reset", reset)
		if d := serverWait(resp, time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)); d < 0 || d > maxServerWait {
			t.Fatalf("wait %v from %q, %q", d, retryAfter, reset)
		}
	})
}
