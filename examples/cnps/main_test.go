package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// stdinWith returns a file standing in for a piped standard input.
func stdinWith(t *testing.T, content string) *os.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "stdin")
	require.NoError(t, os.WriteFile(path, []byte(content), 0o600))
	f, err := os.Open(path)
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func terminal(t *testing.T) *os.File {
	t.Helper()
	f, err := os.Open(os.DevNull) // a character device, as a terminal is
	require.NoError(t, err)
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWithNoInputItReportsTheDocumentedExample(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(nil, terminal(t), &out))
	got := out.String()
	assert.True(t, strings.HasPrefix(got, "CNPS 56 (exactly 55.53, ±0.9 at 95% confidence) from 19255 ratings\n"), got)
	assert.Contains(t, got, "promoters  (9-10)    12374   64.3%\n")
	assert.Contains(t, got, "passives   (7-8)      5200   27.0%\n")
	assert.Contains(t, got, "detractors (0-6)      1681    8.7%\n")
	assert.Contains(t, got, "    10     9337 "+strings.Repeat("#", 40)+"\n", "the largest count has the full bar")
	assert.Contains(t, got, "     2       80 #\n", "a small count still shows")
	assert.Equal(t, 11, strings.Count(got, "#\n"), "one line per rating 0-10")
}

func TestReadsAFileOrStdin(t *testing.T) {
	answer := `{"question":405,"stats":{"10":3,"0":1},"count":4}`
	path := filepath.Join(t.TempDir(), "stats.json")
	require.NoError(t, os.WriteFile(path, []byte(answer), 0o600))

	var fromFile, fromStdin, fromDash strings.Builder
	require.NoError(t, run([]string{path}, terminal(t), &fromFile))
	require.NoError(t, run(nil, stdinWith(t, answer), &fromStdin))
	require.NoError(t, run([]string{"-"}, stdinWith(t, answer), &fromDash))
	assert.True(t, strings.HasPrefix(fromFile.String(), "CNPS 50 "), fromFile.String())
	assert.Equal(t, fromFile.String(), fromStdin.String())
	assert.Equal(t, fromFile.String(), fromDash.String())
}

func TestNoDataAnswer(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(nil, stdinWith(t, " []\n"), &out))
	assert.Equal(t, "CNPS unavailable: no answers in this period\n", out.String())
}

func TestCountDisagreeingWithTheRatingsIsNoted(t *testing.T) {
	var out strings.Builder
	require.NoError(t, run(nil, stdinWith(t, `{"stats":{"9":2},"count":5}`), &out))
	assert.Contains(t, out.String(), "note: the answer's count is 5, but its ratings add up to 2")
}

func TestBadInputIsAOneLineError(t *testing.T) {
	for input, want := range map[string]string{
		``:                          "standard input: empty input",
		`{"stats":`:                 "standard input: not a Trustcruit stats answer: unexpected end of JSON input",
		`{"question":405}`:          `standard input: no "stats" object in the answer`,
		`[{"a":1}]`:                 "standard input: a JSON list is only valid empty",
		`{"stats":{"11":3}}`:        `standard input: stats key "11": not a rating from "0" to "10"`,
		`{"stats":{"4":-1}}`:        `standard input: stats key "4": negative count -1`,
		`{"stats":{"4":"x"}}`:       "cannot unmarshal string",
		"<html>\n<body>\n</html>\n": "standard input: not a Trustcruit stats answer: invalid character '<'",
	} {
		var out strings.Builder
		err := run(nil, stdinWith(t, input), &out)
		require.Error(t, err, input)
		assert.Contains(t, err.Error(), want)
		assert.NotContains(t, oneLine(err), "\n")
		assert.Empty(t, out.String(), "nothing printed on bad input")
	}
	err := run([]string{"a", "b"}, terminal(t), new(strings.Builder))
	assert.EqualError(t, err, "usage: cnps [stats.json | -]")
	err = run([]string{filepath.Join(t.TempDir(), "missing.json")}, terminal(t), new(strings.Builder))
	assert.ErrorIs(t, err, os.ErrNotExist)
}
