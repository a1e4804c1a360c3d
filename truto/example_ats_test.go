package truto_test

import (
	"context"
	"fmt"
	"log"
	"net/url"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

// Every resource of the Unified ATS API has its service on c.ATS.
func ExampleATS() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	job := fake.AddJob(account, "Go developer")
	fake.AddRecord(account, "ats", "job_interview_stages", trutotest.Record{"name": "Phone screen", "position": 1, "job": trutotest.Record{"id": job.ID}})
	fake.AddRecord(account, "ats", "reject_reasons", trutotest.Record{"name": "Not a fit"})
	fake.AddRecord(account, "ats", "users", trutotest.Record{"id": "u-1", "name": "Leon Smith", "access_role": "admin"})
	c := fake.Client()
	ctx := context.Background()

	stages, err := c.ATS.JobInterviewStages.List(ctx, account, truto.ListParams{Filter: url.Values{"job_id": {job.ID}}})
	if err != nil {
		log.Fatal(err)
	}
	reasons, err := c.ATS.RejectReasons.List(ctx, account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	user, err := c.ATS.Users.Get(ctx, account, "u-1")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(stages.Result[0].Name, stages.Result[0].Position, "|", reasons.Result[0].Name, "|", user.Name, user.AccessRole)
	// Output: Phone screen 1 | Not a fit | Leon Smith admin
}

func ExampleActivitiesService_Create() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationLever)
	c := fake.Client()

	note, err := c.ATS.Activities.Create(context.Background(), account, truto.ActivityInput{
		CandidateID: "c-1", Body: "TestGorilla score: 91", Visibility: "private",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(note.Body, note.Visibility)
	// Output: TestGorilla score: 91 private
}

// A job's application form, to answer in a candidate create.
func ExampleJobFormFieldsService_List() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationLever)
	job := fake.AddJob(account, "Go developer")
	fake.AddRecord(account, "ats", "job_form_fields", trutotest.Record{"name": "years_of_go", "label": "Years of Go",
		"group_id": "g-1", "is_required": true, "job": trutotest.Record{"id": job.ID}})
	c := fake.Client()

	fields, err := c.ATS.JobFormFields.List(context.Background(), account, truto.ListParams{Filter: url.Values{"job_id": {job.ID}}})
	if err != nil {
		log.Fatal(err)
	}
	var answers []truto.FormFieldAnswer
	for _, f := range fields.Result {
		answers = append(answers, truto.FormFieldAnswer{GroupID: f.GroupID, Name: f.Name, Value: "7"})
	}
	fmt.Println(fields.Result[0].Label, fields.Result[0].IsRequired, answers)
	// Output: Years of Go true [{g-1 years_of_go 7}]
}

func ExampleInterviewsService_All() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	for _, status := range []string{"scheduled", "completed"} {
		fake.AddRecord(account, "ats", "interviews", trutotest.Record{"status": status, "start_at": "2026-03-02T09:00:00Z"})
	}
	c := fake.Client()

	for iv, err := range c.ATS.Interviews.All(context.Background(), account, truto.ListParams{Limit: 1}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(iv.Status, iv.StartAt.Format("Jan 2 15:04"))
	}
	// Output:
	// scheduled Mar 2 09:00
	// completed Mar 2 09:00
}
