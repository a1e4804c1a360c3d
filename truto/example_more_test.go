package truto_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"maps"
	"net/http"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

// atsFake starts a fake holding one Greenhouse account with a small
// hiring pipeline: two jobs, two candidates who applied to the Go
// developer job, their interviews, scorecard, offer, files and notes, and
// the organisation's departments, offices, users, tags and reject
// reasons. It returns the fake and the account's id.
func atsFake() (*trutotest.Server, string) {
	fake := trutotest.NewServer()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	job1, c1, c2 := trutotest.Record{"id": "job-1"}, trutotest.Record{"id": "c-1"}, trutotest.Record{"id": "c-2"}
	for _, r := range []struct {
		resource string
		records  []trutotest.Record
	}{
		{"jobs", []trutotest.Record{
			{"id": "job-1", "name": "Go developer", "status": "open",
				"departments": []trutotest.Record{{"id": "dep-2", "name": "Platform"}}, "offices": []trutotest.Record{{"id": "off-1", "name": "Berlin"}}},
			{"id": "job-2", "name": "Product designer", "status": "closed"},
		}},
		{"candidates", []trutotest.Record{
			{"id": "c-1", "first_name": "Ada", "last_name": "Lovelace", "name": "Ada Lovelace", "is_private": "false",
				"emails":        []trutotest.Record{{"email": "ada@example.com", "type": "personal"}},
				"custom_fields": trutotest.Record{"referrer": "Charles Babbage"}, "remote_data": trutotest.Record{"greenhouse_id": 42}},
			{"id": "c-2", "first_name": "Grace", "last_name": "Hopper", "name": "Grace Hopper", "is_private": true,
				"emails": []trutotest.Record{{"email": "grace@example.com", "type": "work"}}, "remote_data": trutotest.Record{"greenhouse_id": 43}},
		}},
		{"applications", []trutotest.Record{
			{"id": "app-1", "candidate": c1, "job": job1, "current_stage": trutotest.Record{"id": "st-2", "name": "Onsite"}},
			{"id": "app-2", "candidate": c2, "job": job1, "current_stage": trutotest.Record{"id": "st-1", "name": "Phone screen"}},
		}},
		{"job_interview_stages", []trutotest.Record{
			{"id": "st-1", "name": "Phone screen", "position": 1, "status": "active", "job": job1},
			{"id": "st-2", "name": "Onsite", "position": 2, "status": "active", "job": job1},
		}},
		{"interviews", []trutotest.Record{
			{"id": "iv-1", "application": trutotest.Record{"id": "app-1"}, "candidate": c1, "job_interview_stage": trutotest.Record{"id": "st-2"},
				"status": "scheduled", "start_at": "2026-03-02T09:00:00Z", "end_at": "2026-03-02T10:00:00Z", "location": "Berlin office"},
			{"id": "iv-2", "application": trutotest.Record{"id": "app-2"}, "candidate": c2, "job_interview_stage": trutotest.Record{"id": "st-1"},
				"status": "completed", "start_at": "2026-02-20T15:00:00Z", "end_at": "2026-02-20T15:30:00Z"},
		}},
		{"scorecards", []trutotest.Record{
			{"id": "sc-1", "application": trutotest.Record{"id": "app-2"}, "interview": trutotest.Record{"id": "iv-2"},
				"interviewer": trutotest.Record{"id": "u-1"}, "overall_recommendation": "strong_yes",
				"form_values": []trutotest.Record{{"name": "go", "label": "Go", "value": 4}}},
		}},
		{"offers", []trutotest.Record{
			{"id": "of-1", "application": trutotest.Record{"id": "app-1"}, "candidate": c1, "job": job1, "status": "sent", "start_date": "2026-04-01"},
		}},
		{"attachments", []trutotest.Record{
			{"id": "att-1", "candidate": c1, "file_name": "ada-cv.pdf", "attachment_type": "resume", "file_url": "https://files.example.com/ada-cv.pdf"},
			{"id": "att-2", "candidate": c1, "file_name": "ada-cover-letter.pdf", "attachment_type": "cover_letter"},
			{"id": "att-3", "candidate": c2, "file_name": "grace-cv.pdf", "attachment_type": "resume"},
		}},
		{"activities", []trutotest.Record{
			{"id": "act-1", "candidate": c1, "activity_type": "note", "body": "Strong systems background", "visibility": "private"},
			{"id": "act-2", "candidate": c1, "activity_type": "email", "subject": "Your onsite interview"},
			{"id": "act-3", "candidate": c2, "activity_type": "note", "body": "Prefers remote", "visibility": "public"},
		}},
		{"eeocs", []trutotest.Record{
			{"id": "eeoc-1", "candidate": c1, "gender": "Female", "veteran_status": "I am not a protected veteran"},
			{"id": "eeoc-2", "candidate": c2, "gender": "Decline to self-identify"},
		}},
		{"departments", []trutotest.Record{
			{"id": "dep-1", "name": "Engineering", "status": "active"},
			{"id": "dep-2", "name": "Platform", "status": "active", "parent": trutotest.Record{"id": "dep-1", "name": "Engineering"}},
		}},
		{"offices", []trutotest.Record{
			{"id": "off-1", "name": "Berlin", "location": "Berlin, Germany"},
			{"id": "off-2", "name": "Remote", "is_remote": true},
		}},
		{"organizations", []trutotest.Record{{"id": "org-1", "name": "Acme GmbH"}, {"id": "org-2", "name": "Acme Inc."}}},
		{"users", []trutotest.Record{
			{"id": "u-1", "name": "Leon Smith", "access_role": "admin", "emails": []trutotest.Record{{"email": "leon@acme.example", "is_primary": true}}},
			{"id": "u-2", "name": "Mia Wong", "access_role": "reviewer", "disabled": true},
		}},
		{"tags", []trutotest.Record{{"id": "tag-1", "name": "referral"}, {"id": "tag-2", "name": "testgorilla:91"}}},
		{"reject_reasons", []trutotest.Record{{"id": "rr-1", "name": "Not a fit"}, {"id": "rr-2", "name": "Withdrew"}}},
		{"job_form_fields", []trutotest.Record{
			{"id": "ff-1", "name": "years_of_go", "label": "Years of Go", "type": "number", "is_required": true, "group_id": "g-1", "job": job1},
			{"id": "ff-2", "name": "portfolio", "label": "Portfolio URL", "type": "text", "group_id": "g-1", "job": job1},
		}},
	} {
		for _, rec := range r.records {
			fake.AddRecord(account, "ats", r.resource, rec)
		}
	}
	return fake, account
}

// contact is a unified CRM contact, typed by the caller for Resource.
type contact struct {
	ID        string `json:"id"`
	FirstName string `json:"first_name"`
	Lifecycle string `json:"lifecycle"`
}

// crmFake starts a fake holding one HubSpot account with three CRM
// contacts, k-1 to k-3, and returns the fake and the account's id.
func crmFake() (*trutotest.Server, string) {
	fake := trutotest.NewServer()
	account := fake.AddAccount("hubspot")
	for i, c := range [][2]string{{"Ada", "customer"}, {"Grace", "lead"}, {"Linus", "customer"}} {
		fake.AddRecord(account, "crm", "contacts", trutotest.Record{"id": fmt.Sprintf("k-%d", i+1), "first_name": c[0], "lifecycle": c[1]})
	}
	return fake, account
}

// statuses are the receiver's answers to the fake's delivery attempts
// so far, retries included.
func statuses(fake *trutotest.Server) []int {
	var out []int
	for _, d := range fake.Deliveries() {
		out = append(out, d.Status)
	}
	return out
}

// The notes and emails on one candidate: filter a list with the
// resource's own query parameters (ListParams.Filter).
func ExampleActivitiesService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Activities.List(context.Background(), account, truto.ListParams{Filter: url.Values{"candidate_id": {"c-1"}}})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range page.Result {
		fmt.Println(a.ActivityType, a.Body+a.Subject)
	}
	// Output:
	// note Strong systems background
	// email Your onsite interview
}

// All walks every page for you: here every private note, ten
// activities per request.
func ExampleActivitiesService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for a, err := range c.ATS.Activities.All(context.Background(), account, truto.ListParams{Limit: 10}) {
		if err != nil {
			log.Fatal(err)
		}
		if a.ActivityType == "note" && a.Visibility == "private" {
			fmt.Println(a.Candidate.ID, a.Body)
		}
	}
	// Output: c-1 Strong systems background
}

// The applications to one job, with the stage each has reached.
func ExampleApplicationsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Applications.List(context.Background(), account, truto.ListParams{Filter: url.Values{"job_id": {"job-1"}}})
	if err != nil {
		log.Fatal(err)
	}
	for _, app := range page.Result {
		fmt.Println(app.ID, app.Candidate.ID, app.CurrentStage.Name)
	}
	// Output:
	// app-1 c-1 Onsite
	// app-2 c-2 Phone screen
}

// All fetches lazily: breaking out of the loop stops the paging, so a
// search asks for no more pages than it needs.
func ExampleApplicationsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for app, err := range c.ATS.Applications.All(context.Background(), account, truto.ListParams{Limit: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		if app.CurrentStage.Name == "Onsite" {
			fmt.Println("first at onsite:", app.Candidate.ID)
			break
		}
	}
	fmt.Println(len(fake.Requests()), "request")
	// Output:
	// first at onsite: c-1
	// 1 request
}

func ExampleApplicationsService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	app, err := c.ATS.Applications.Get(context.Background(), account, "app-2")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(app.Candidate.ID, app.Job.ID, app.CurrentStage.ID, app.CurrentStage.Name)
	// Output: c-2 job-1 st-1 Phone screen
}

// A candidate's files; download one with Attachments.Download and its
// FileURL.
func ExampleAttachmentsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Attachments.List(context.Background(), account, truto.ListParams{Filter: url.Values{"candidate_id": {"c-1"}}})
	if err != nil {
		log.Fatal(err)
	}
	for _, a := range page.Result {
		fmt.Println(a.AttachmentType, a.FileName)
	}
	// Output:
	// resume ada-cv.pdf
	// cover_letter ada-cover-letter.pdf
}

// Every resume in the account, page by page.
func ExampleAttachmentsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for a, err := range c.ATS.Attachments.All(context.Background(), account, truto.ListParams{Limit: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		if a.AttachmentType == "resume" {
			fmt.Println(a.Candidate.ID, a.FileName)
		}
	}
	// Output:
	// c-1 ada-cv.pdf
	// c-2 grace-cv.pdf
}

// List returns one page; its NextCursor asks for the next, until it is
// empty. All does this loop for you.
func ExampleCandidatesService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	p := truto.ListParams{Limit: 1}
	for {
		page, err := c.ATS.Candidates.List(ctx, account, p)
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(page.Result[0].Name, page.NextCursor != "")
		if page.NextCursor == "" {
			break
		}
		p.Cursor = page.NextCursor
	}
	// Output:
	// Ada Lovelace true
	// Grace Hopper false
}

// Every candidate and their first email address, as a sync would read
// them.
func ExampleCandidatesService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for cand, err := range c.ATS.Candidates.All(context.Background(), account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(cand.ID, cand.Name, cand.Emails[0].Email)
	}
	// Output:
	// c-1 Ada Lovelace ada@example.com
	// c-2 Grace Hopper grace@example.com
}

func ExampleDepartmentsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Departments.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range page.Result {
		fmt.Println(d.ID, d.Name, d.Status)
	}
	// Output:
	// dep-1 Engineering active
	// dep-2 Platform active
}

// The department tree: each department names its parent.
func ExampleDepartmentsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for d, err := range c.ATS.Departments.All(context.Background(), account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		if d.Parent != nil {
			fmt.Println(d.Parent.Name, ">", d.Name)
		}
	}
	// Output: Engineering > Platform
}

// The department a job belongs to, from the job's reference.
func ExampleDepartmentsService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	job, err := c.ATS.Jobs.Get(ctx, account, "job-1")
	if err != nil {
		log.Fatal(err)
	}
	d, err := c.ATS.Departments.Get(ctx, account, job.Departments[0].ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(job.Name, "|", d.Name, "in", d.Parent.Name)
	// Output: Go developer | Platform in Engineering
}

// A candidate's equal employment opportunity answers.
func ExampleEeocsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Eeocs.List(context.Background(), account, truto.ListParams{Filter: url.Values{"candidate_id": {"c-1"}}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Result[0].Gender, "/", page.Result[0].VeteranStatus)
	// Output: Female / I am not a protected veteran
}

// Counting answers across every page, for an anonymous report.
func ExampleEeocsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	declined := 0
	for e, err := range c.ATS.Eeocs.All(context.Background(), account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		if strings.HasPrefix(e.Gender, "Decline") {
			declined++
		}
	}
	fmt.Println(declined, "declined")
	// Output: 1 declined
}

func ExampleEeocsService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	e, err := c.ATS.Eeocs.Get(context.Background(), account, "eeoc-2")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(e.Candidate.ID, e.Gender)
	// Output: c-2 Decline to self-identify
}

// The interviews still to come: filter on the status.
func ExampleInterviewsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Interviews.List(context.Background(), account, truto.ListParams{Filter: url.Values{"status": {"scheduled"}}})
	if err != nil {
		log.Fatal(err)
	}
	for _, iv := range page.Result {
		fmt.Println(iv.Candidate.ID, iv.StartAt.Format(time.DateTime), iv.Location)
	}
	// Output: c-1 2026-03-02 09:00:00 Berlin office
}

func ExampleInterviewsService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	iv, err := c.ATS.Interviews.Get(context.Background(), account, "iv-2")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(iv.Status, iv.JobInterviewStage.ID, iv.EndAt.Sub(iv.StartAt))
	// Output: completed st-1 30m0s
}

// A job's whole application form (job_id is required), ready to
// answer in a candidate create.
func ExampleJobFormFieldsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	var answers []truto.FormFieldAnswer
	for f, err := range c.ATS.JobFormFields.All(context.Background(), account, truto.ListParams{Filter: url.Values{"job_id": {"job-1"}}}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(f.Label, f.Type, f.IsRequired)
		if f.IsRequired {
			answers = append(answers, truto.FormFieldAnswer{GroupID: f.GroupID, Name: f.Name, Value: "7"})
		}
	}
	fmt.Println(answers)
	// Output:
	// Years of Go number true
	// Portfolio URL text false
	// [{g-1 years_of_go 7}]
}

// A job's pipeline, in order; a stage's ID is what MoveStage takes.
func ExampleJobInterviewStagesService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.JobInterviewStages.List(context.Background(), account, truto.ListParams{Filter: url.Values{"job_id": {"job-1"}}})
	if err != nil {
		log.Fatal(err)
	}
	for _, s := range page.Result {
		fmt.Println(s.Position, s.ID, s.Name)
	}
	// Output:
	// 1 st-1 Phone screen
	// 2 st-2 Onsite
}

// Finding a stage by its name, to move an application there.
func ExampleJobInterviewStagesService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	var onsite string
	for s, err := range c.ATS.JobInterviewStages.All(ctx, account, truto.ListParams{Filter: url.Values{"job_id": {"job-1"}}}) {
		if err != nil {
			log.Fatal(err)
		}
		if s.Name == "Onsite" {
			onsite = s.ID
			break
		}
	}
	app, err := c.ATS.Applications.MoveStage(ctx, account, truto.MoveStageParams{ApplicationID: "app-2", StageID: onsite})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(app.ID, app.CurrentStage.ID)
	// Output: app-2 st-2
}

func ExampleJobInterviewStagesService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	s, err := c.ATS.JobInterviewStages.Get(context.Background(), account, "st-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(s.Name, s.Status, s.Job.ID)
	// Output: Phone screen active job-1
}

// The open jobs, to offer as choices when sending a candidate.
func ExampleJobsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Jobs.List(context.Background(), account, truto.ListParams{Filter: url.Values{"status": {"open"}}})
	if err != nil {
		log.Fatal(err)
	}
	for _, j := range page.Result {
		fmt.Println(j.ID, j.Name)
	}
	// Output: job-1 Go developer
}

func ExampleJobsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for j, err := range c.ATS.Jobs.All(context.Background(), account, truto.ListParams{Limit: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(j.Name, j.Status)
	}
	// Output:
	// Go developer open
	// Product designer closed
}

func ExampleJobsService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	j, err := c.ATS.Jobs.Get(context.Background(), account, "job-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(j.Name, j.Status, j.Departments[0].Name, j.Offices[0].Name)
	// Output: Go developer open Platform Berlin
}

// The offers made for one job.
func ExampleOffersService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Offers.List(context.Background(), account, truto.ListParams{Filter: url.Values{"job_id": {"job-1"}}})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range page.Result {
		fmt.Println(o.Candidate.ID, o.Status, o.StartDate)
	}
	// Output: c-1 sent 2026-04-01
}

func ExampleOffersService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for o, err := range c.ATS.Offers.All(context.Background(), account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(o.ID, o.Application.ID, o.Status)
	}
	// Output: of-1 app-1 sent
}

func ExampleOfficesService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Offices.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range page.Result {
		fmt.Println(o.Name, o.IsRemote)
	}
	// Output:
	// Berlin false
	// Remote true
}

func ExampleOfficesService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for o, err := range c.ATS.Offices.All(context.Background(), account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		if o.Location != "" {
			fmt.Println(o.Name, "-", o.Location)
		}
	}
	// Output: Berlin - Berlin, Germany
}

func ExampleOfficesService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	o, err := c.ATS.Offices.Get(context.Background(), account, "off-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.Name, o.Location)
	// Output: Berlin Berlin, Germany
}

// The companies an ATS account holds (Breezy, Jobvite, Loxo).
func ExampleOrganizationsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Organizations.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	for _, o := range page.Result {
		fmt.Println(o.ID, o.Name)
	}
	// Output:
	// org-1 Acme GmbH
	// org-2 Acme Inc.
}

func ExampleOrganizationsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	var names []string
	for o, err := range c.ATS.Organizations.All(context.Background(), account, truto.ListParams{Limit: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		names = append(names, o.Name)
	}
	fmt.Println(strings.Join(names, ", "))
	// Output: Acme GmbH, Acme Inc.
}

func ExampleOrganizationsService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	o, err := c.ATS.Organizations.Get(context.Background(), account, "org-2")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(o.Name)
	// Output: Acme Inc.
}

// The reasons an application can be rejected with, to show in a
// picker.
func ExampleRejectReasonsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.RejectReasons.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	for _, r := range page.Result {
		fmt.Println(r.ID, r.Name)
	}
	// Output:
	// rr-1 Not a fit
	// rr-2 Withdrew
}

// Finding a reason by its name, then rejecting an application with it.
func ExampleRejectReasonsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	var withdrew string
	for r, err := range c.ATS.RejectReasons.All(ctx, account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		if r.Name == "Withdrew" {
			withdrew = r.ID
		}
	}
	app, err := c.ATS.Applications.Reject(ctx, account, truto.RejectParams{ApplicationID: "app-2", RejectReasonID: withdrew})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(app.ID, app.RejectReason)
	// Output: app-2 Withdrew
}

// Interviewers' feedback on one application; each form value is the
// ATS's own JSON.
func ExampleScorecardsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Scorecards.List(context.Background(), account, truto.ListParams{Filter: url.Values{"application_id": {"app-2"}}})
	if err != nil {
		log.Fatal(err)
	}
	s := page.Result[0]
	fmt.Println(s.Interviewer.ID, s.OverallRecommendation, s.FormValues[0].Label, string(s.FormValues[0].Value))
	// Output: u-1 strong_yes Go 4
}

func ExampleScorecardsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for s, err := range c.ATS.Scorecards.All(context.Background(), account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(s.Interview.ID, s.OverallRecommendation)
	}
	// Output: iv-2 strong_yes
}

// The tags the account uses, to reuse one rather than create a near
// duplicate.
func ExampleTagsService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Tags.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range page.Result {
		fmt.Println(t.ID, t.Name)
	}
	// Output:
	// tag-1 referral
	// tag-2 testgorilla:91
}

func ExampleTagsService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for t, err := range c.ATS.Tags.All(context.Background(), account, truto.ListParams{Limit: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		if strings.HasPrefix(t.Name, "testgorilla:") {
			fmt.Println("ours:", t.Name)
		}
	}
	// Output: ours: testgorilla:91
}

func ExampleUsersService_List() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Users.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	for _, u := range page.Result {
		fmt.Println(u.Name, u.AccessRole, u.Disabled)
	}
	// Output:
	// Leon Smith admin false
	// Mia Wong reviewer true
}

// The users who can still sign in, to credit an application to.
func ExampleUsersService_All() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	for u, err := range c.ATS.Users.All(context.Background(), account, truto.ListParams{}) {
		if err != nil {
			log.Fatal(err)
		}
		if !u.Disabled {
			fmt.Println(u.ID, u.Name)
		}
	}
	// Output: u-1 Leon Smith
}

// The interviewer of a scorecard, from its reference.
func ExampleUsersService_Get() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	u, err := c.ATS.Users.Get(context.Background(), account, "u-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(u.Name, u.Emails[0].Email, u.Emails[0].IsPrimary)
	// Output: Leon Smith leon@acme.example true
}

// A unified resource this package does not type, decoded into your own
// struct, filtered with its own query parameters.
func ExampleResourceClient_List() {
	fake, account := crmFake()
	defer fake.Close()
	contacts := truto.Resource[contact](fake.Client(), "crm", "contacts")

	page, err := contacts.List(context.Background(), account, truto.ListParams{Filter: url.Values{"lifecycle": {"customer"}}})
	if err != nil {
		log.Fatal(err)
	}
	for _, k := range page.Result {
		fmt.Println(k.ID, k.FirstName)
	}
	// Output:
	// k-1 Ada
	// k-3 Linus
}

func ExampleResourceClient_Get() {
	fake, account := crmFake()
	defer fake.Close()
	contacts := truto.Resource[contact](fake.Client(), "crm", "contacts")

	k, err := contacts.Get(context.Background(), account, "k-2")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%+v\n", *k)
	// Output: {ID:k-2 FirstName:Grace Lifecycle:lead}
}

// Create sends the resource's own body and query parameters; like every
// unified write it carries an Idempotency-Key, so its retries are safe.
func ExampleResourceClient_Create() {
	fake, account := crmFake()
	defer fake.Close()
	contacts := truto.Resource[contact](fake.Client(), "crm", "contacts")

	k, err := contacts.Create(context.Background(), account, map[string]any{"first_name": "Margaret", "lifecycle": "lead"},
		url.Values{"owner_id": {"u-7"}})
	if err != nil {
		log.Fatal(err)
	}
	r := fake.Requests()[0]
	fmt.Println(k.ID, k.FirstName, k.Lifecycle)
	fmt.Println(r.Method, r.Path, r.Query.Get("owner_id"), r.Header.Get("Idempotency-Key") != "")
	// Output:
	// contact-1002 Margaret lead
	// POST /unified/crm/contacts u-7 true
}

// Update sends the fields to change (PATCH) and returns the record.
func ExampleResourceClient_Update() {
	fake, account := crmFake()
	defer fake.Close()
	contacts := truto.Resource[contact](fake.Client(), "crm", "contacts")

	k, err := contacts.Update(context.Background(), account, "k-2", map[string]any{"lifecycle": "customer"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(k.FirstName, k.Lifecycle, fake.Requests()[0].Method)
	// Output: Grace customer PATCH
}

func ExampleResourceClient_Delete() {
	fake, account := crmFake()
	defer fake.Close()
	contacts := truto.Resource[contact](fake.Client(), "crm", "contacts")
	ctx := context.Background()

	if err := contacts.Delete(ctx, account, "k-3"); err != nil {
		log.Fatal(err)
	}
	_, err := contacts.Get(ctx, account, "k-3")
	fmt.Println(errors.Is(err, truto.ErrNotFound), len(fake.Records(account, "crm", "contacts")), "left")
	// Output: true 2 left
}

// The active webhooks alone, across every page.
func ExampleWebhooksService_All() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()
	off := false
	for _, p := range []truto.CreateWebhookParams{
		{TargetURL: "https://a.example.com/truto"},
		{TargetURL: "https://b.example.com/truto", IsActive: &off},
		{TargetURL: "https://c.example.com/truto", EventTypes: []truto.EventType{truto.EventIntegratedAccountActive}},
	} {
		if _, err := c.Webhooks.Create(ctx, p); err != nil {
			log.Fatal(err)
		}
	}

	on := true
	for hook, err := range c.Webhooks.All(ctx, truto.ListWebhooksParams{IsActive: &on, Limit: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(hook.TargetURL, hook.EventTypes)
	}
	// Output:
	// https://a.example.com/truto []
	// https://c.example.com/truto [integrated_account:active]
}

// Checking at start-up that your webhook still exists and is active
// (Truto deactivates one whose URL keeps failing).
func ExampleWebhooksService_Get() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()
	id, _ := fake.AddWebhook("https://hooks.example.com/truto", truto.EventIntegratedAccountActive)

	hook, err := c.Webhooks.Get(ctx, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(hook.TargetURL, hook.IsActive, hook.EventTypes, hook.Secret == "")
	_, err = c.Webhooks.Get(ctx, "b6d29b9b-0000-4000-8000-000000000000")
	fmt.Println(errors.Is(err, truto.ErrNotFound))
	// Output:
	// https://hooks.example.com/truto true [integrated_account:active] true
	// true
}

// Delete stops the deliveries to a webhook's URL.
func ExampleWebhooksService_Delete() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()
	old, _ := fake.AddWebhook("https://old.example.com/truto")
	fake.AddWebhook("https://new.example.com/truto")

	if err := c.Webhooks.Delete(ctx, old); err != nil {
		log.Fatal(err)
	}
	page, err := c.Webhooks.List(ctx, truto.ListWebhooksParams{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(page.Result), page.Result[0].TargetURL)
	// Output: 1 https://new.example.com/truto
}

// An account's tenant, integration and status: check that it is active
// before calling the unified API for it.
func ExampleIntegratedAccountsService_Get() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationLever)
	c := fake.Client()

	a, err := c.IntegratedAccounts.Get(context.Background(), account)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(a.TenantID, a.Integration.Name, a.Status == truto.StatusActive, a.Region)
	// Output: tenant-lever lever true wnam
}

// The ATSs your customers can connect, for a picker of your own.
func ExampleEnvironmentIntegrationsService_All() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.AddAccount(trutotest.IntegrationLever)
	fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	for ei, err := range c.EnvironmentIntegrations.All(context.Background(), truto.ListEnvironmentIntegrationsParams{IntegrationCategory: "ats", Limit: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(ei.Integration.Name, ei.IsEnabled, ei.ShowInCatalog)
	}
	// Output:
	// greenhouse true true
	// lever true true
}

// The installed integration behind an integrated account.
func ExampleEnvironmentIntegrationsService_Get() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()
	ctx := context.Background()

	a, err := c.IntegratedAccounts.Get(ctx, account)
	if err != nil {
		log.Fatal(err)
	}
	ei, err := c.EnvironmentIntegrations.Get(ctx, a.EnvironmentIntegrationID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ei.Integration.Name, ei.Integration.Category, ei.IsEnabled)
	// Output: greenhouse ats true
}

// WithExcludeFields makes Truto leave fields out of the answer: smaller
// pages for a sync that does not need them.
func ExampleWithExcludeFields() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	cand, err := c.ATS.Candidates.Get(context.Background(), account, "c-2",
		truto.WithExcludeFields("created_at", "updated_at", "remote_data"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(fake.Requests()[0].Query["truto_exclude_fields[]"])
	fmt.Println(string(cand.Raw()))
	// Output:
	// [created_at updated_at remote_data]
	// {"emails":[{"email":"grace@example.com","type":"work"}],"first_name":"Grace","id":"c-2","is_private":true,"last_name":"Hopper","name":"Grace Hopper"}
}

// WithIgnoreRemoteData leaves out each record's remote_data, the ATS's
// own copy of it, when the unified fields are all you read.
func ExampleWithIgnoreRemoteData() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	full, err := c.ATS.Candidates.Get(ctx, account, "c-1")
	if err != nil {
		log.Fatal(err)
	}
	lean, err := c.ATS.Candidates.Get(ctx, account, "c-1", truto.WithIgnoreRemoteData())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(full.RemoteData, lean.RemoteData == nil, fake.Requests()[1].Query.Get("truto_ignore_remote_data"))
	// Output: map[greenhouse_id:42] true true
}

// WithRemoteQuery passes parameters to the ATS behind Truto, nested as
// Truto documents them.
func ExampleWithRemoteQuery() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	_, err := c.ATS.Candidates.List(context.Background(), account, truto.ListParams{},
		truto.WithRemoteQuery(truto.RemoteQuery{"updated_after": "2026-01-01", "job": truto.RemoteQuery{"ids": []string{"7", "9"}}}))
	if err != nil {
		log.Fatal(err)
	}
	q := fake.Requests()[0].Query
	for _, k := range slices.Sorted(maps.Keys(q)) {
		if strings.HasPrefix(k, "remote_query") {
			fmt.Println(k, q[k])
		}
	}
	// Output:
	// remote_query[job][ids][] [7 9]
	// remote_query[updated_after] [2026-01-01]
}

// WithResponseFormat asks for another of Truto's formats. The typed
// methods take the unified and normalized ones; raw and stream answers
// come from Client.Raw and Client.Stream, and a typed call refuses them
// before sending anything.
func ExampleWithResponseFormat() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	if _, err := c.ATS.Jobs.List(ctx, account, truto.ListParams{}, truto.WithResponseFormat(truto.FormatNormalized)); err != nil {
		log.Fatal(err)
	}
	fmt.Println(fake.Requests()[0].Query.Get("truto_response_format"))

	_, err := c.ATS.Jobs.List(ctx, account, truto.ListParams{}, truto.WithResponseFormat(truto.FormatRaw))
	fmt.Println(errors.Is(err, truto.ErrInvalidParams), len(fake.Requests()))
	// Output:
	// normalized
	// true 1
}

// PersonalData lists the types that carry personal data; their fields'
// personal tags say which to scrub from logs and recordings.
func ExamplePersonalData() {
	for _, v := range truto.PersonalData() {
		t := reflect.TypeOf(v)
		if t != reflect.TypeFor[truto.Candidate]() {
			continue
		}
		for i := range t.NumField() {
			f := t.Field(i)
			if kind, ok := f.Tag.Lookup("personal"); ok {
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				fmt.Print(name, ":", kind, " ")
			}
		}
		fmt.Println()
	}
	// Output: first_name:name last_name:name name:name title:text company:text locations:address remote_data:text
}

// NewMemoryDeliveryStore remembers which events were handled, by id:
// one Claim wins, a failed handling is released for Truto's retry, and
// a handled event stays done. Size it for your traffic and pass it with
// WithDeliveryStore.
func ExampleNewMemoryDeliveryStore() {
	store := truto.NewMemoryDeliveryStore(50_000, 10*time.Minute)
	ctx := context.Background()
	claim := func() truto.DeliveryState {
		s, err := store.Claim(ctx, "evt-1")
		if err != nil {
			log.Fatal(err)
		}
		return s
	}

	fmt.Println(claim(), "|", claim()) // a duplicate while the first is handled
	_ = store.Release(ctx, "evt-1")    // handling failed
	fmt.Println(claim())
	_ = store.Done(ctx, "evt-1")
	fmt.Println(claim())
	// Output:
	// new | in progress
	// new
	// done
}

// WithDeliveryStore shares deduplication between the instances behind a
// load balancer: a delivery sent twice, once to each, is handled once.
// In production the store is a table or Redis that every instance
// reaches.
func ExampleWithDeliveryStore() {
	fake := trutotest.NewServer()
	defer fake.Close()
	shared := truto.NewMemoryDeliveryStore(10_000, 10*time.Minute)
	handled := 0
	srv := fake.NewReceiver(func(secret string) http.Handler {
		handle := func(context.Context, truto.Event) error { handled++; return nil }
		instances := []http.Handler{
			truto.WebhookHandler(secret, handle, truto.WithDeliveryStore(shared)),
			truto.WebhookHandler(secret, handle, truto.WithDeliveryStore(shared)),
		}
		next := 0
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { // round robin
			instances[next%2].ServeHTTP(w, r)
			next++
		})
	})
	defer srv.Close()

	fake.InjectDelivery(trutotest.DeliveryFault{Duplicate: true})
	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": "run-1", "status": "completed"})
	fmt.Println(statuses(fake), handled, "handled")
	// Output: [200 200] 1 handled
}

// WithWebhookClock gives the handler your clock, so that a test checks
// the tolerance window at fixed times: the fake's clock makes the
// events at 12:00, and the handler receives them a minute, then an hour
// later.
func ExampleWithWebhookClock() {
	fake := trutotest.NewServer()
	defer fake.Close()
	made := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	fake.SetClock(func() time.Time { return made })
	now := made.Add(time.Minute)
	srv := fake.NewReceiver(func(secret string) http.Handler {
		return truto.WebhookHandler(secret, func(context.Context, truto.Event) error { return nil },
			truto.WithWebhookClock(func() time.Time { return now }))
	})
	defer srv.Close()

	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": "run-1"})
	now = made.Add(time.Hour) // an hour old: refused as a replay, on each of Truto's retries
	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": "run-2"})
	fmt.Println(statuses(fake))
	// Output: [200 401 401 401 401]
}

// WithWebhookTolerance sets how old an event may be (5 minutes by
// default): here 15, so that a delivery 10 minutes late passes and one
// 20 minutes late is refused.
func ExampleWithWebhookTolerance() {
	fake := trutotest.NewServer()
	defer fake.Close()
	srv := fake.NewReceiver(func(secret string) http.Handler {
		return truto.WebhookHandler(secret, func(context.Context, truto.Event) error { return nil },
			truto.WithWebhookTolerance(15*time.Minute, time.Minute))
	})
	defer srv.Close()

	fake.InjectDelivery(trutotest.DeliveryFault{Delay: 10 * time.Minute}, trutotest.DeliveryFault{Delay: 20 * time.Minute})
	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": "run-1"})
	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": "run-2"})
	fmt.Println(statuses(fake))
	// Output: [200 401 401 401 401]
}

// WithWebhookMaxBody caps a delivery's size (1 MiB by default); a
// larger one is refused with 413, unread past the cap.
func ExampleWithWebhookMaxBody() {
	fake := trutotest.NewServer()
	defer fake.Close()
	srv := fake.NewReceiver(func(secret string) http.Handler {
		return truto.WebhookHandler(secret, func(context.Context, truto.Event) error { return nil },
			truto.WithWebhookMaxBody(4<<10))
	})
	defer srv.Close()

	fake.Emit(truto.EventRecordUpdated, trutotest.Record{"record": trutotest.Record{"id": "c-1"}})
	fake.Emit(truto.EventRecordUpdated, trutotest.Record{"record": trutotest.Record{"id": "c-2", "notes": strings.Repeat("x", 8<<10)}})
	fmt.Println(statuses(fake))
	// Output: [200 413 413 413 413]
}

// WithWebhookLogger reports the deliveries the handler refused or
// failed, never a secret or a body: here handling fails once, and
// Truto's retry succeeds.
func ExampleWithWebhookLogger() {
	fake := trutotest.NewServer()
	defer fake.Close()
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(_ []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{} // the same lines on every run
			}
			return a
		},
	}))
	failures := 1
	srv := fake.NewReceiver(func(secret string) http.Handler {
		return truto.WebhookHandler(secret, func(context.Context, truto.Event) error {
			if failures > 0 {
				failures--
				return errors.New("database unavailable")
			}
			return nil
		}, truto.WithWebhookLogger(logger))
	})
	defer srv.Close()

	fake.Emit(truto.EventSyncJobRunCompleted, trutotest.Record{"id": "run-1"})
	fmt.Println(statuses(fake))
	// Output:
	// level=WARN msg="truto webhook: handle failed" event_id=e7e70000-0000-4000-8000-000000001003 event=sync_job_run:completed error="database unavailable"
	// [500 200]
}

// Details is the rest of Truto's error: here the ATS's own answer to a
// create for a job it does not have.
func ExampleAPIError_Details() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	_, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Ada"},
		truto.CreateCandidateParams{JobID: "job-404"})
	var apiErr *truto.APIError
	if errors.As(err, &apiErr) {
		d := apiErr.Details()
		fmt.Println(apiErr.StatusCode, d.Remote, errors.Is(err, truto.ErrRemote))
		fmt.Println(string(d.RawResponse))
	}
	// Output:
	// 422 true true
	// {"error":"Job job-404 does not exist"}
}

// Supports says whether the account's ATS maps a method: check it
// before offering a feature for that account.
func ExampleCapabilities_Supports() {
	fake := trutotest.NewServer()
	defer fake.Close()
	fake.SetCapabilities(trutotest.IntegrationLever, map[string][]string{"candidates": {"list", "get", "create"}, "jobs": {"list", "get"}})
	account := fake.AddAccount(trutotest.IntegrationLever)
	c := fake.Client()

	caps, err := c.IntegratedAccounts.Capabilities(context.Background(), account, truto.CapabilitiesParams{Type: "unified"})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range []string{"create", "update"} {
		fmt.Println("candidates", m, caps.Supports("ats", "candidates", m))
	}
	// Output:
	// candidates create true
	// candidates update false
}

// A record:* event carries the changed record in the unified shape:
// decode it into the resource's type. Here a candidate created through
// the API comes back to your webhook.
func ExampleEvent_Record() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	srv := fake.NewReceiver(func(secret string) http.Handler {
		return truto.WebhookHandler(secret, func(_ context.Context, e truto.Event) error {
			change, err := e.Record()
			if err != nil {
				return err
			}
			if change.Model == "ats" && change.Resource == "candidates" {
				var cand truto.Candidate
				if err := json.Unmarshal(change.Record, &cand); err != nil {
					return err
				}
				fmt.Println(e.Type, cand.Name)
			}
			return nil
		})
	}, truto.EventRecordCreated)
	defer srv.Close()

	_, err := fake.Client().ATS.Candidates.Create(context.Background(), account,
		truto.CandidateInput{FirstName: "Ada", LastName: "Lovelace"}, truto.CreateCandidateParams{})
	if err != nil {
		log.Fatal(err)
	}
	// Output: record:created Ada Lovelace
}

// Family routes events by their entity, so that a handler copes with
// the event types Truto adds later.
func ExampleEventType_Family() {
	for _, t := range []truto.EventType{truto.EventIntegratedAccountActive, truto.EventSyncJobRunFailed, truto.EventRecordUpdated, "ticket:created"} {
		switch t.Family() {
		case "integrated_account":
			fmt.Println(t, "-> accounts")
		case "record":
			fmt.Println(t, "-> sync")
		default:
			fmt.Println(t, "-> ignored")
		}
	}
	// Output:
	// integrated_account:active -> accounts
	// sync_job_run:failed -> ignored
	// record:updated -> sync
	// ticket:created -> ignored
}

// Flag reads a yes/no field that integrations send as a string or as a
// boolean.
func ExampleFlag_True() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	page, err := c.ATS.Candidates.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	for _, cand := range page.Result {
		fmt.Println(cand.Name, cand.IsPrivate.True())
	}
	// Output:
	// Ada Lovelace false
	// Grace Hopper true
}

// ConnectURL is the page to send your customer to, to connect their ATS.
func ExampleLinkToken_ConnectURL() {
	fake := trutotest.NewServer()
	defer fake.Close()
	c := fake.Client()

	tok, err := c.LinkTokens.Create(context.Background(), truto.CreateLinkTokenParams{TenantID: "acme-1"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok.ConnectURL())
	// Output: https://app.truto.one/connect-account?link_token=11ec0000-0000-4000-8000-000000001001
}

// Raw is the record as Truto sent it: decode from it a field the type
// does not name, such as an ATS's custom fields.
func ExampleCandidate_Raw() {
	fake, account := atsFake()
	defer fake.Close()
	c := fake.Client()

	cand, err := c.ATS.Candidates.Get(context.Background(), account, "c-1")
	if err != nil {
		log.Fatal(err)
	}
	var extra struct {
		CustomFields map[string]string `json:"custom_fields"`
	}
	if err := json.Unmarshal(cand.Raw(), &extra); err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.Name, "referred by", extra.CustomFields["referrer"])
	// Output: Ada Lovelace referred by Charles Babbage
}
