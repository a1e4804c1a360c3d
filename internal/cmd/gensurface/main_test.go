package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGeneratedFilesAreCurrent renders what every go:generate line of
// the module asks of gensurface and compares it with the files in the
// tree, so that a template changed without `go generate ./...` fails.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	root := filepath.Join("..", "..", "..")
	checked := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		src, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(src), "\n") {
			_, args, ok := strings.Cut(line, "//go:generate go run ")
			if !ok || !strings.Contains(args, "gensurface") {
				continue
			}
			fields := strings.Fields(args)
			err := generate(fields[1:], filepath.Dir(path), func(out string, want []byte) error {
				checked++
				got, err := os.ReadFile(out)
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("%s is not what %s generates: run go generate ./...", out, path)
				}
				return nil
			})
			if err != nil {
				t.Errorf("%s: %v", path, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if checked < 15 {
		t.Errorf("checked %d generated files; want the 9 of the three clients and the 6 of their fakes", checked)
	}
}
