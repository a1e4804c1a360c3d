// Command genats writes the typed services of Truto's Unified ATS API
// from one table (resources below): truto/ats_gen.go, with one service
// type per resource whose methods delegate to the generic
// ResourceClient, and trutotest/ats_gen.go, the fake's copy of which
// methods each resource serves. The record types are hand-written (by
// topic, in ats_types.go); only their service types and method sets
// differ, so those are generated rather than written seventeen times.
//
// It runs from truto's go:generate line (doc.go):
//
//	go run ./internal/genats
package main

import (
	"bytes"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"strings"
	"text/template"
)

// resource is one resource of the Unified ATS API as Truto documents it
// (https://truto.one/docs/api-reference/unified-ats-api, and its
// integration-coverage page).
type resource struct {
	Name   string // the field of truto.ATS and the service's prefix: "JobFormFields"
	Path   string // the path segment: "job_form_fields"
	Record string // the Go record type: "JobFormField"
	Input  string // the body type of create and update, if any
	// Methods are the standard methods generated: list (List and All),
	// get, create, update, delete.
	Methods []string
	// Custom are the custom methods generated (POST .../<name>).
	Custom []custom
	// Hand are the methods written by hand in ats.go, for what a
	// delegation cannot say (query parameters, a streamed answer), by
	// their wire name, so that the fake serves them.
	Hand []string
	// Undocumented are methods kept though Truto's reference does not
	// list them (they were in this package before the reference was
	// checked).
	Undocumented []string
	Doc          string // what the resource is, for the service's doc
}

type custom struct {
	Go, Name, Params, Doc string
}

var resources = []resource{
	{Name: "Activities", Path: "activities", Record: "Activity", Input: "ActivityInput", Methods: []string{"list", "create"},
		Doc: "notes and emails on candidates"},
	{Name: "Applications", Path: "applications", Record: "Application", Methods: []string{"list", "get"},
		Custom: []custom{
			{Go: "MoveStage", Name: "move-stage", Params: "MoveStageParams",
				Doc: "moves an application to another stage of its job (Ashby, BambooHR, Greenhouse, Lever, Recruiterflow, SmartRecruiters, Workable)"},
			{Go: "Reject", Name: "reject", Params: "RejectParams",
				Doc: "rejects an application with a reject reason (Greenhouse)"},
		},
		Doc: "candidates' applications to jobs"},
	{Name: "Attachments", Path: "attachments", Record: "Attachment", Methods: []string{"list"}, Hand: []string{"download"},
		Doc: "files (resumes, cover letters) of candidates and applications"},
	{Name: "Candidates", Path: "candidates", Record: "Candidate", Input: "CandidateInput",
		Methods: []string{"list", "get", "update", "delete"}, Hand: []string{"create"}, Undocumented: []string{"update", "delete"},
		Doc: "people in the ATS"},
	{Name: "Departments", Path: "departments", Record: "Department", Methods: []string{"list", "get"},
		Doc: "the organisation's departments"},
	{Name: "Eeocs", Path: "eeocs", Record: "EEOC", Methods: []string{"list", "get"},
		Doc: "candidates' equal employment opportunity answers (Greenhouse)"},
	{Name: "Interviews", Path: "interviews", Record: "Interview", Methods: []string{"list", "get"},
		Doc: "scheduled interviews"},
	{Name: "JobFormFields", Path: "job_form_fields", Record: "JobFormField", Methods: []string{"list"},
		Doc: "the questions of a job's application form, answered by CandidateInput.JobFormFieldAnswers"},
	{Name: "JobInterviewStages", Path: "job_interview_stages", Record: "JobInterviewStage", Methods: []string{"list", "get"},
		Doc: "the stages of a job's pipeline"},
	{Name: "Jobs", Path: "jobs", Record: "Job", Methods: []string{"list", "get"},
		Doc: "open and closed positions"},
	{Name: "Offers", Path: "offers", Record: "Offer", Methods: []string{"list"},
		Doc: "offers made to candidates (Ashby, Greenhouse)"},
	{Name: "Offices", Path: "offices", Record: "Office", Methods: []string{"list", "get"},
		Doc: "the organisation's offices"},
	{Name: "Organizations", Path: "organizations", Record: "Organization", Methods: []string{"list", "get"},
		Doc: "the companies an ATS account holds (Breezy, Jobvite, Loxo)"},
	{Name: "RejectReasons", Path: "reject_reasons", Record: "RejectReason", Methods: []string{"list"},
		Doc: "the reasons an application can be rejected with (RejectParams.RejectReasonID)"},
	{Name: "Scorecards", Path: "scorecards", Record: "Scorecard", Methods: []string{"list"},
		Doc: "interviewers' feedback"},
	{Name: "Tags", Path: "tags", Record: "Tag", Methods: []string{"list"},
		Doc: "the labels candidates can carry"},
	{Name: "Users", Path: "users", Record: "User", Methods: []string{"list", "get"},
		Doc: "the ATS's users: recruiters, hiring managers, interviewers"},
}

func main() {
	if err := generate(".", writeFile); err != nil {
		log.Fatal("genats: ", err)
	}
}

func writeFile(path string, src []byte) error { return os.WriteFile(path, src, 0o644) }

// generate renders the files into dir (the truto package's directory)
// and hands each to emit.
func generate(dir string, emit func(path string, src []byte) error) error {
	for _, f := range []struct{ path, tmpl string }{
		{filepath.Join(dir, "ats_gen.go"), clientTmpl},
		{filepath.Join(dir, "trutotest", "ats_gen.go"), fakeTmpl},
	} {
		src, err := render(f.tmpl)
		if err != nil {
			return fmt.Errorf("%s: %w", f.path, err)
		}
		if err := emit(f.path, src); err != nil {
			return err
		}
	}
	return nil
}

func render(text string) ([]byte, error) {
	t, err := template.New("").Funcs(template.FuncMap{
		"has":   func(list []string, s string) bool { return contains(list, s) },
		"noun":  noun,
		"nouns": nouns,
		"wire":  wire,
	}).Parse(text)
	if err != nil {
		return nil, err
	}
	var b bytes.Buffer
	if err := t.Execute(&b, resources); err != nil {
		return nil, err
	}
	return format.Source(b.Bytes())
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// nouns is the resource's name in prose: "job form fields".
func nouns(r resource) string { return strings.ReplaceAll(r.Path, "_", " ") }

// noun is one record in prose: "job form field".
func noun(r resource) string {
	n := nouns(r)
	switch {
	case strings.HasSuffix(n, "ies"):
		return strings.TrimSuffix(n, "ies") + "y"
	case n == "eeocs":
		return "EEOC record"
	}
	return strings.TrimSuffix(n, "s")
}

// wire is every method the resource serves, by its wire name.
func wire(r resource) []string {
	out := append([]string(nil), r.Methods...)
	for _, c := range r.Custom {
		out = append(out, c.Name)
	}
	return append(out, r.Hand...)
}

const clientTmpl = `// Code generated by internal/genats; DO NOT EDIT.

package truto

import (
	"context"
	"iter"
)

// ATS is the Unified ATS API's resources, typed: one service per
// resource, with the methods Truto documents for it. Which of them an
// integrated account supports depends on its ATS: see
// IntegratedAccountsService.Capabilities. A resource or method this
// package does not type is reachable with Resource and Client.Raw.
type ATS struct {
{{- range .}}
	{{.Name}} *{{.Name}}Service
{{- end}}
}

func newATS(c *Client) *ATS {
	return &ATS{
{{- range .}}
		{{.Name}}: &{{.Name}}Service{r: Resource[{{.Record}}](c, "ats", "{{.Path}}")},
{{- end}}
	}
}
{{range $r := .}}
// {{.Name}}Service is the ATS {{nouns .}} resource, /unified/ats/{{.Path}}:
// {{.Doc}}.
type {{.Name}}Service struct{ r *ResourceClient[{{.Record}}] }
{{if has .Methods "list"}}
// List returns one page of {{nouns .}} (see ResourceClient.List).
//
//	GET /unified/ats/{{.Path}}?integrated_account_id=...
func (s *{{.Name}}Service) List(ctx context.Context, accountID string, p ListParams, opts ...RequestOption) (*ListPage[{{.Record}}], error) {
	return s.r.List(ctx, accountID, p, opts...)
}

// All ranges over every {{noun .}}, page by page (see ResourceClient.All).
//
//	GET /unified/ats/{{.Path}}?integrated_account_id=...&next_cursor=...
func (s *{{.Name}}Service) All(ctx context.Context, accountID string, p ListParams, opts ...RequestOption) iter.Seq2[{{.Record}}, error] {
	return s.r.All(ctx, accountID, p, opts...)
}
{{end}}{{if has .Methods "get"}}
// Get returns one {{noun .}} (see ResourceClient.Get).
//
//	GET /unified/ats/{{.Path}}/<id>?integrated_account_id=...
func (s *{{.Name}}Service) Get(ctx context.Context, accountID, id string, opts ...RequestOption) (*{{.Record}}, error) {
	return s.r.Get(ctx, accountID, id, opts...)
}
{{end}}{{if has .Methods "create"}}
// Create creates a {{noun .}} and returns it (see ResourceClient.Create:
// it carries an Idempotency-Key, so it is retried safely).
//
//	POST /unified/ats/{{.Path}}?integrated_account_id=...
func (s *{{.Name}}Service) Create(ctx context.Context, accountID string, in {{.Input}}, opts ...RequestOption) (*{{.Record}}, error) {
	return s.r.Create(ctx, accountID, in, nil, opts...)
}
{{end}}{{if has .Methods "update"}}
// Update changes a {{noun .}}'s fields and returns it (see
// ResourceClient.Update).{{if has .Undocumented "update"}} Truto's ATS reference does not list this
// method: an integration that does not map it answers with an error.{{end}}
//
//	PATCH /unified/ats/{{.Path}}/<id>?integrated_account_id=...
func (s *{{.Name}}Service) Update(ctx context.Context, accountID, id string, in {{.Input}}, opts ...RequestOption) (*{{.Record}}, error) {
	return s.r.Update(ctx, accountID, id, in, opts...)
}
{{end}}{{if has .Methods "delete"}}
// Delete deletes a {{noun .}} (see ResourceClient.Delete).{{if has .Undocumented "delete"}} Truto's ATS
// reference does not list this method: an integration that does not
// map it answers with an error.{{end}}
//
//	DELETE /unified/ats/{{.Path}}/<id>?integrated_account_id=...
func (s *{{.Name}}Service) Delete(ctx context.Context, accountID, id string, opts ...RequestOption) error {
	return s.r.Delete(ctx, accountID, id, opts...)
}
{{end}}{{range .Custom}}
// {{.Go}} {{.Doc}}.
// It returns the {{noun $r}} Truto answers with ({"result": ...}
// unwrapped); p is checked before anything is sent. It carries an
// Idempotency-Key like Create.
//
//	POST /unified/ats/{{$r.Path}}/{{.Name}}?integrated_account_id=...
func (s *{{$r.Name}}Service) {{.Go}}(ctx context.Context, accountID string, p {{.Params}}, opts ...RequestOption) (*{{$r.Record}}, error) {
	return callMethod(ctx, s.r, accountID, "{{.Name}}", p, opts)
}
{{end}}
func (r *{{.Record}}) recordID() string { return r.ID }
{{end}}`

const fakeTmpl = `// Code generated by truto/internal/genats; DO NOT EDIT.

package trutotest

// atsMethods is what each Unified ATS resource serves, as package truto
// types it: list, get, create, update, delete and custom methods by
// name. The fake refuses the others, as an ATS that does not map them.
var atsMethods = map[string][]string{
{{- range .}}
	"{{.Path}}": { {{- range $i, $m := wire .}}{{if $i}}, {{end}}"{{$m}}"{{end -}} },
{{- end}}
}
`
