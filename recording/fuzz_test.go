package recording

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// FuzzLoadCassette: a cassette Parse accepts is saved and read back as
// the same document, and a replay can serve it; anything else is an
// error, never a panic.
func FuzzLoadCassette(f *testing.F) {
	seeds, err := filepath.Glob("../*/testdata/cassettes/*.json")
	require.NoError(f, err)
	for _, path := range seeds {
		b, err := os.ReadFile(path)
		require.NoError(f, err)
		f.Add(b)
	}
	for _, s := range []string{
		`{"version": 1, "interactions": []}`,
		`{"version": 1, "interactions": [{"request": {"method": "GET", "url": "/a?b=1&b=2", "header": {"x-a": ["1", "2"]}}, "response": {"status": 204}}]}`,
		`{"version": 1, "interactions": [{"request": {"method": "POST", "url": "http://h/p", "body_text": "[file 1: 3 bytes left out]"}, "response": {"status": 200, "body_base64": "AP8="}}]}`,
		`{"version": 1, "interactions": [{"request": {"method": "get", "url": "/"}, "response": {"status": 200}}]}`,
		`{"version": 1, "interactions": [{"request": {"method": "GET", "url": "/", "body": null}, "response": {"status": 99}}]}`,
		`{"version": 1, "interactions": [{"request": {"method": "GET", "url": "/", "body": 1, "body_text": "x"}, "response": {"status": 200}}]}`,
		`{"version": 1, "interactions": [{"request": {"method": "GET", "url": "/", "header": {"x-a": [], "X-B": null, "x-b": "1"}}, "response": {"status": 200}}]}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		c, err := Parse(b)
		if err != nil {
			return
		}
		saved, err := c.marshal()
		require.NoError(t, err)
		again, err := Parse(saved)
		require.NoError(t, err, "%s", saved)
		resaved, err := again.marshal()
		require.NoError(t, err)
		require.Equal(t, string(saved), string(resaved))
		_, err = NewReplayer(again)
		require.NoError(t, err)
	})
}
