package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGeneratedFilesAreCurrent fails when the table or the templates
// changed without go generate.
func TestGeneratedFilesAreCurrent(t *testing.T) {
	n := 0
	err := generate(filepath.Join("..", ".."), func(path string, want []byte) error {
		n++
		got, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s is not what genats generates: run go generate ./truto", path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Errorf("checked %d files, want 2", n)
	}
}

// TestTheTableIsWhole checks the table against the Unified ATS API's 17
// resources, and that every method is one the templates know.
func TestTheTableIsWhole(t *testing.T) {
	if len(resources) != 17 {
		t.Errorf("%d resources, want Truto's 17", len(resources))
	}
	seen := map[string]bool{}
	for _, r := range resources {
		if seen[r.Path] {
			t.Errorf("%s twice", r.Path)
		}
		seen[r.Path] = true
		for _, m := range r.Methods {
			if !contains([]string{"list", "get", "create", "update", "delete"}, m) {
				t.Errorf("%s: unknown method %q", r.Name, m)
			}
			if (m == "create" || m == "update") && r.Input == "" {
				t.Errorf("%s: %s needs an Input type", r.Name, m)
			}
		}
		for _, u := range r.Undocumented {
			if !contains(r.Methods, u) && !contains(r.Hand, u) {
				t.Errorf("%s: undocumented %q is not a method", r.Name, u)
			}
		}
	}
}
