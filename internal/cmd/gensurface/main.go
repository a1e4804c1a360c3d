// Command gensurface writes the part of each vendor package's public API
// that is the same in all three: the error types and sentinels, the
// client and request options, the response metadata (errors_gen.go and
// options_gen.go), and the fault injection and request recording of
// each fake (server_gen.go); and the runnable examples of all that, which
// run against the package's fake (example_options_gen_test.go,
// example_server_gen_test.go), written from the same invocations.
//
// The types are defined in each vendor package, rather than once and
// aliased, so that go doc and pkg.go.dev of the package a user imports
// show every field and method; generating them from one template keeps
// them, and their documentation, the same everywhere. Each package runs
// it through a go:generate line in its doc.go:
//
//	go run ../internal/cmd/gensurface -pkg truto -vendor Truto -idempotency -request-options -lists
//	go run ../../internal/cmd/gensurface -fake -pkg trutotest -vendor Truto -client truto
//
// A package that passes -client-options defines vendorOptions (its own
// client settings); -request-options, vendorRequest (its own per-call
// settings); -idempotency adds WithIdempotencyKey; -lists, WithPrefetch
// for its All methods. Every package defines RateLimitPolicy, whose
// pacing method turns it into the core's rest.Pacing (WithRateLimit).
//
// The examples make one call of each vendor's API, which the table
// vendorExamples gives; an example whose name a test file of the package
// already declares (written by hand) is left out, so regenerate after
// adding or removing one.
package main

import (
	"bytes"
	"embed"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"text/template"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

//go:embed *.tmpl
var templates embed.FS

// params is what the templates fill in.
type params struct {
	Pkg            string // the package: "truto"
	Vendor         string // the vendor's name as people write it: "Truto"
	Client         string // for a fake, its vendor package: "truto"
	Idempotency    bool   // the vendor honours Idempotency-Key
	ClientOptions  bool   // the package defines vendorOptions
	RequestOptions bool   // the package defines vendorRequest
	Lists          bool   // the package has All methods (WithPrefetch)
	Defaults       defaults

	Ex       vendorExample   // the examples' call of the vendor's API
	existing map[string]bool // Example functions the package's own test files declare
}

// V is the vendor package the examples call: Pkg, or a fake's Client.
func (p params) V() string {
	if p.Client != "" {
		return p.Client
	}
	return p.Pkg
}

// F is the vendor's fake package: "trutotest".
func (p params) F() string { return p.V() + "test" }

// vendorExample is what the generated examples of a vendor need: a call
// the fake answers, and what the fake sees of it. Read and Write are Go
// expressions of (value, error) using c (the client) and what Seed
// declares, with <opts> where the call's RequestOptions go.
type vendorExample struct {
	Token       string // the fake's token, for NewClient
	Seed        string // statements after `fake := <vendor>test.NewServer()`: what Read finds
	Read        string // a read, which the client may retry
	Method      string // Read's method and path as the fake receives them
	Path        string
	RetryStatus int // a status Read is retried on

	// For a vendor that honours Idempotency-Key: a write taking one, its
	// path, and an expression counting what the fake wrote.
	Write, WritePath, Written string
}

// vendorExamples gives each vendor package's example call.
var vendorExamples = map[string]vendorExample{
	"testgorilla": {
		Token:       "testgorillatest.APIKey",
		Seed:        `fake.AddAssessment("Go developer")`,
		Read:        "c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{}<opts>)",
		Method:      "GET",
		Path:        "/api/assessments/",
		RetryStatus: 503,
	},
	"truto": {
		Token: "trutotest.Token",
		Seed: `account := fake.AddAccount(trutotest.IntegrationGreenhouse)
fake.AddJob(account, "Go developer")`,
		Read:        "c.ATS.Jobs.List(context.Background(), account, truto.ListParams{}<opts>)",
		Method:      "GET",
		Path:        "/unified/ats/jobs",
		RetryStatus: 502, // Truto asks that a 503 not be retried
		Write:       `c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Ada", LastName: "Lovelace"}, truto.CreateCandidateParams{}<opts>)`,
		WritePath:   "/unified/ats/candidates",
		Written:     "len(fake.Candidates(account))",
	},
	"trustcruit": {
		Token:       "trustcruittest.TestToken",
		Seed:        `fake.AddAnswers(trustcruit.TestSprancherID, trustcruittest.Answer{Date: trustcruit.Date{Year: 2026, Month: 7, Day: 1}, Rating: 9})`,
		Read:        "c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS}<opts>)",
		Method:      "GET",
		Path:        "/shinyform/api/answers/stats/",
		RetryStatus: 503,
	},
}

// defaults are the core's defaults, written as Go expressions so that
// the public constants are plain values rather than names of an internal
// package.
type defaults struct {
	Timeout, MaxRetries, MinWait, MaxWait, MaxBodyBytes string
}

func coreDefaults() defaults {
	return defaults{
		Timeout:      duration(rest.DefaultTimeout),
		MaxRetries:   strconv.Itoa(rest.DefaultMaxRetries),
		MinWait:      duration(rest.DefaultMinWait),
		MaxWait:      duration(rest.DefaultMaxWait),
		MaxBodyBytes: fmt.Sprintf("%d << 20 // %d MiB", rest.DefaultMaxBodyBytes>>20, rest.DefaultMaxBodyBytes>>20),
	}
}

// duration writes d as a Go expression: "80 * time.Second".
func duration(d time.Duration) string {
	switch {
	case d%time.Second == 0:
		return fmt.Sprintf("%d * time.Second", d/time.Second)
	case d%time.Millisecond == 0:
		return fmt.Sprintf("%d * time.Millisecond", d/time.Millisecond)
	}
	return fmt.Sprintf("%d", d)
}

func main() {
	if err := generate(os.Args[1:], ".", writeFile); err != nil {
		log.Fatalf("gensurface: %v", err)
	}
}

// generate renders the files args ask for into dir, handing each to out.
func generate(args []string, dir string, out func(path string, src []byte) error) error {
	p := params{Defaults: coreDefaults()}
	flags := flag.NewFlagSet("gensurface", flag.ContinueOnError)
	fakeMode := flags.Bool("fake", false, "write a fake's server_gen.go instead of the client's files")
	flags.StringVar(&p.Pkg, "pkg", "", "the package name")
	flags.StringVar(&p.Vendor, "vendor", "", "the vendor's name, for the docs")
	flags.StringVar(&p.Client, "client", "", "with -fake: the vendor package")
	flags.BoolVar(&p.Idempotency, "idempotency", false, "the vendor honours Idempotency-Key")
	flags.BoolVar(&p.ClientOptions, "client-options", false, "the package defines vendorOptions")
	flags.BoolVar(&p.RequestOptions, "request-options", false, "the package defines vendorRequest")
	flags.BoolVar(&p.Lists, "lists", false, "the package has All methods, which WithPrefetch speeds up")
	if err := flags.Parse(args); err != nil {
		return err
	}
	if p.Pkg == "" || p.Vendor == "" || *fakeMode && p.Client == "" {
		return fmt.Errorf("-pkg and -vendor are required, and -client with -fake")
	}
	files := map[string]string{"errors_gen.go": "errors.go.tmpl", "options_gen.go": "options.go.tmpl",
		"example_options_gen_test.go": "example_options.go.tmpl"}
	if *fakeMode {
		files = map[string]string{"server_gen.go": "fake.go.tmpl", "example_server_gen_test.go": "example_server.go.tmpl"}
	}
	ex, ok := vendorExamples[p.V()]
	if !ok {
		return fmt.Errorf("no example call for package %s: add it to vendorExamples", p.V())
	}
	p.Ex = ex
	existing, err := exampleNames(dir, files)
	if err != nil {
		return err
	}
	p.existing = existing
	for name, tmpl := range files {
		src, err := render(tmpl, p)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if err := out(filepath.Join(dir, name), src); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, src []byte) error { return os.WriteFile(path, src, 0o644) }

// render fills the template name with p, formatted as gofmt would,
// without the imports nothing in it uses (an example left out may have
// been their only user).
func render(name string, p params) ([]byte, error) {
	t, err := template.New(name).Funcs(templateFuncs(p)).ParseFS(templates, name)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by internal/cmd/gensurface from %s; DO NOT EDIT.\n\n", name)
	if err := t.Execute(&b, p); err != nil {
		return nil, err
	}
	src, err := dropUnusedImports(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting: %w\n%s", err, b.Bytes())
	}
	return src, nil
}

// templateFuncs are the examples' helpers:
//
//	{{if want "ExampleWithHeader"}}  the package does not declare that example itself
//	{{read ".WithHeader(k, v)"}}     the vendor's read with these options; a leading
//	                                 "." stands for the vendor package
//	{{write ".WithIdempotencyKey(k)"}}  the same for the vendor's write
func templateFuncs(p params) template.FuncMap {
	call := func(expr string, opts []string) string {
		var b strings.Builder
		for _, o := range opts {
			b.WriteString(", ")
			if strings.HasPrefix(o, ".") {
				b.WriteString(p.V())
			}
			b.WriteString(o)
		}
		return strings.Replace(expr, "<opts>", b.String(), 1)
	}
	return template.FuncMap{
		"want":  func(name string) bool { return !p.existing[name] },
		"read":  func(opts ...string) string { return call(p.Ex.Read, opts) },
		"write": func(opts ...string) string { return call(p.Ex.Write, opts) },
	}
}

// exampleNames returns the Example functions that the test files in dir
// declare, but for the files generate writes.
func exampleNames(dir string, generated map[string]string) (map[string]bool, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	names := map[string]bool{}
	for _, path := range paths {
		if _, ours := generated[filepath.Base(path)]; ours {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && strings.HasPrefix(fn.Name.Name, "Example") {
				names[fn.Name.Name] = true
			}
		}
	}
	return names, nil
}

// dropUnusedImports formats src as gofmt would, leaving out the imports
// it does not use. It assumes an import's name is the last element of
// its path, as it is for every package the templates import.
func dropUnusedImports(src []byte) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	ast.Inspect(f, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if id, ok := sel.X.(*ast.Ident); ok {
				used[id.Name] = true
			}
		}
		return true
	})
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.IMPORT {
			continue
		}
		specs := gd.Specs[:0]
		for _, s := range gd.Specs {
			is := s.(*ast.ImportSpec)
			path, _ := strconv.Unquote(is.Path.Value)
			name := path[strings.LastIndex(path, "/")+1:]
			if is.Name != nil {
				name = is.Name.Name
			}
			if used[name] || name == "_" {
				specs = append(specs, s)
			}
		}
		gd.Specs = specs
	}
	var b bytes.Buffer
	if err := format.Node(&b, fset, f); err != nil {
		return nil, err
	}
	return format.Source(b.Bytes())
}
