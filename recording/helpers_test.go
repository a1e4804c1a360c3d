package recording_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// failures is a testing.TB that keeps the failures Replay reports
// instead of failing the test, so that a test can check them.
type failures struct {
	testing.TB
	mu       sync.Mutex
	errs     []string
	cleanups []func()
}

func newFailures(t *testing.T) *failures { return &failures{TB: t} }

func (f *failures) Helper() {}

func (f *failures) Logf(string, ...any) {}

func (f *failures) Errorf(format string, args ...any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.errs = append(f.errs, fmt.Sprintf(format, args...))
}

func (f *failures) Fatalf(format string, args ...any) {
	f.Errorf(format, args...)
	panic("Fatalf: " + fmt.Sprintf(format, args...))
}

func (f *failures) Failed() bool {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.errs) > 0
}

func (f *failures) Cleanup(fn func()) { f.cleanups = append(f.cleanups, fn) }

// end runs the cleanups, as the end of a test does, and returns the
// failures.
func (f *failures) end() []string {
	for i := len(f.cleanups) - 1; i >= 0; i-- {
		f.cleanups[i]()
	}
	f.cleanups = nil
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.errs
}

// writeCassette writes a cassette's JSON to a temporary file.
func writeCassette(t *testing.T, json string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cassette.json")
	require.NoError(t, os.WriteFile(path, []byte(strings.TrimSpace(json)+"\n"), 0o600))
	return path
}

func decode(resp *http.Response, v any) error { return json.NewDecoder(resp.Body).Decode(v) }

func readFile(path string) (string, error) {
	b, err := os.ReadFile(path)
	return string(b), err
}
