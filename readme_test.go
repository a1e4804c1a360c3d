// Package recruitkit_test checks the README: every Go snippet in it must
// compile against the SDK as it is.
package recruitkit_test

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// snippetHeader gives every README snippet the names it may use: the
// SDK's packages and the values a caller would have (ctx, tokens, ids).
const snippetHeader = `package readmecheck

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/recruitkit/recruitkit-go/cnps"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
	"github.com/recruitkit/recruitkit-go/truto"
)

var (
	_ = errors.Is
	_ = fmt.Sprint
	_ = http.Handle
	_ = time.Second
	_ = cnps.Compute
	_ = testgorilla.NewClient
	_ = trustcruit.NewClient
	_ = trustcruittest.NewServer
	_ = truto.NewClient
)
`

func TestEveryReadmeSnippetCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a package")
	}
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```go\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 5 {
		t.Fatalf("found %d Go snippets in README.md; expected one per package and one for the fakes", len(blocks))
	}
	dir, err := os.MkdirTemp(".", "readmecheck")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	// A snippet that is a whole program is built as it is; the others
	// become the bodies of functions with the names they may use.
	var src strings.Builder
	src.WriteString(snippetHeader)
	programs := 0
	for i, b := range blocks {
		if strings.HasPrefix(b[1], "package ") {
			programs++
			sub := filepath.Join(dir, fmt.Sprintf("program%d", i))
			if err := os.Mkdir(sub, 0o700); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(sub, "main.go"), []byte(b[1]), 0o600); err != nil {
				t.Fatal(err)
			}
			continue
		}
		fmt.Fprintf(&src, "\nfunc snippet%d(ctx context.Context, apiKey, apiToken, accountID, jobID, customerToken string, sprancherID int) error {\n%s}\n", i, b[1])
	}
	if programs == 0 {
		t.Error("README.md has no whole program to start from")
	}
	if err := os.WriteFile(filepath.Join(dir, "snippets.go"), []byte(src.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("go", "vet", "./"+dir+"/...").CombinedOutput()
	if err != nil {
		t.Fatalf("a README snippet does not compile:\n%s\n--- generated source ---\n%s", out, src.String())
	}
}
