package recording

import (
	"net/http"
	"os"
	"testing"
)

// EnvRecord is the environment variable that switches Client from
// replaying to recording: RECRUITKIT_RECORD=1 records; anything else,
// or nothing, replays.
const EnvRecord = "RECRUITKIT_RECORD"

// Client returns the *http.Client of a test that works in both modes:
// with RECRUITKIT_RECORD=1 (and Live reporting true, when given) it
// records the test's exchanges with the real API into the cassette at
// path (as Record does, through http.DefaultTransport); otherwise it
// replays the cassette (as Replay does). Give it to the vendor package's
// WithHTTPClient; the token may be anything when replaying.
func Client(t testing.TB, path string, opts ...Option) *http.Client {
	t.Helper()
	cfg, err := collect(opts)
	if err != nil {
		t.Fatalf("%v", err)
	}
	if os.Getenv(EnvRecord) == "1" {
		if cfg.live == nil || cfg.live() {
			return Record(t, path, nil, opts...)
		}
		t.Logf("recording: %s=1 but Live reports no credentials: replaying %s", EnvRecord, path)
	}
	return Replay(t, path, opts...)
}

// Record returns an *http.Client that sends the test's requests through
// next (http.DefaultTransport when nil) and records them, scrubbed, into
// the cassette at path, written when the test ends; a test that failed
// or was skipped leaves the file as it was.
func Record(t testing.TB, path string, next http.RoundTripper, opts ...Option) *http.Client {
	t.Helper()
	rec, err := NewRecorder(path, next, opts...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	t.Cleanup(func() {
		if t.Failed() || t.Skipped() {
			t.Logf("recording: %s not written: the test did not pass", path)
			return
		}
		if err := rec.Save(); err != nil {
			t.Errorf("%v", err)
		}
	})
	return &http.Client{Transport: rec}
}

// Replay returns an *http.Client that answers the test's requests from
// the cassette at path. The test fails on a request no exchange matches
// (the client gets a 501 and the failure names the nearest exchange and
// what differs) and, when it ends without another failure, on each
// exchange no request used.
func Replay(t testing.TB, path string, opts ...Option) *http.Client {
	t.Helper()
	c, err := Load(path)
	if err != nil {
		t.Fatalf("%v (record it with %s=1)", err, EnvRecord)
	}
	r, err := NewReplayer(c, opts...)
	if err != nil {
		t.Fatalf("%v", err)
	}
	r.name = path
	r.report = func(err error) { t.Errorf("%v", err) }
	t.Cleanup(func() {
		if t.Failed() || t.Skipped() {
			return // the failure already says why an exchange went unused
		}
		for _, err := range r.unused() {
			t.Errorf("%v", err)
		}
	})
	return r.Client()
}
