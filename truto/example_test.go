package truto_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

func ExampleCandidatesService_Create() {
	fake := trutotest.NewServer() // the real API: truto.NewClient(apiToken)
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	job := fake.AddJob(account, "Go developer")
	c := fake.Client()

	cand, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{
		FirstName: "Ada",
		LastName:  "Lovelace",
		Emails:    []truto.Email{{Email: "ada@example.com", Type: "personal"}},
		Tags:      []truto.Tag{{Name: "testgorilla:91"}},
	}, truto.CreateCandidateParams{JobID: job.ID, ApplicationSource: truto.SourceApplicant})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.Name, cand.Emails[0].Email, cand.Applications[0].CurrentStage.Name)
	// Output: Ada Lovelace ada@example.com New
}

func ExampleResourceClient_All() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	for _, name := range []string{"Ada", "Grace", "Linus"} {
		fake.AddRecord(account, "ats", "candidates", trutotest.Record{"first_name": name})
	}
	c := fake.Client()

	// Pages of two, followed by next_cursor; one page in memory at a time.
	for cand, err := range c.ATS.Candidates.All(context.Background(), account, truto.ListParams{Limit: 2}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(cand.FirstName)
	}
	// Output:
	// Ada
	// Grace
	// Linus
}

// Any unified model is reachable, typed by the caller.
func ExampleResource() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount("hubspot")
	fake.AddRecord(account, "crm", "contacts", trutotest.Record{"id": "k-1", "first_name": "Grace", "lifecycle": "lead"})

	contacts := truto.Resource[map[string]any](fake.Client(), "crm", "contacts")
	k, err := contacts.Get(context.Background(), account, "k-1", truto.WithExcludeFields("created_at", "updated_at"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println((*k)["first_name"], (*k)["lifecycle"], len(*k))
	// Output: Grace lead 3
}

func ExampleNewClient() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.AddJob(account, "Go developer")

	// apiToken is a Truto API token; the options are all optional
	// (WithBaseURL points at the fake here).
	apiToken := trutotest.Token
	c, err := truto.NewClient(apiToken,
		truto.WithBaseURL(fake.URL()),
		truto.WithTimeout(30*time.Second),
		truto.WithRetry(5, 100*time.Millisecond, 15*time.Second),
	)
	if err != nil {
		log.Fatal(err)
	}
	page, err := c.ATS.Jobs.List(context.Background(), account, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Result[0].Name, strings.Contains(fmt.Sprint(c), apiToken))
	// Output: Go developer false
}

func ExampleCandidatesService_Get() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	id := fake.AddRecord(account, "ats", "candidates", trutotest.Record{
		"first_name": "Grace", "last_name": "Hopper", "title": "Rear admiral", "custom_field": "kept",
	})
	c := fake.Client()

	cand, err := c.ATS.Candidates.Get(context.Background(), account, id)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.FirstName, cand.Title)
	fmt.Println(strings.Contains(string(cand.Raw()), `"custom_field":"kept"`)) // fields the type does not name
	// Output:
	// Grace Rear admiral
	// true
}

func ExampleCandidatesService_Update() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	id := fake.AddRecord(account, "ats", "candidates", trutotest.Record{"first_name": "Ada"})
	c := fake.Client()

	// Every write carries an Idempotency-Key: one made for the call, or
	// yours, which makes your own retry after a crash safe.
	cand, err := c.ATS.Candidates.Update(context.Background(), account, id, truto.CandidateInput{Title: "Engineer"},
		truto.WithIdempotencyKey("sync-run-7/candidate/"+id))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cand.FirstName, cand.Title, fake.Requests()[0].Header.Get("Idempotency-Key"))
	// Output: Ada Engineer sync-run-7/candidate/candidate-1002
}

func ExampleCandidatesService_Delete() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	id := fake.AddRecord(account, "ats", "candidates", trutotest.Record{"first_name": "Ada"})
	c := fake.Client()
	ctx := context.Background()

	fmt.Println(c.ATS.Candidates.Delete(ctx, account, id))
	_, err := c.ATS.Candidates.Get(ctx, account, id)
	fmt.Println(errors.Is(err, truto.ErrNotFound))
	// Output:
	// <nil>
	// true
}

func ExampleApplicationsService_MoveStage() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	job := fake.AddJob(account, "Go developer")
	app := fake.AddRecord(account, "ats", "applications", trutotest.Record{"job": trutotest.Record{"id": job.ID}})
	c := fake.Client()

	moved, err := c.ATS.Applications.MoveStage(context.Background(), account, truto.MoveStageParams{ApplicationID: app, StageID: "onsite"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(moved.CurrentStage.ID)
	// Output: onsite
}

func ExampleApplicationsService_Reject() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	app := fake.AddRecord(account, "ats", "applications", trutotest.Record{})
	c := fake.Client()

	rejected, err := c.ATS.Applications.Reject(context.Background(), account, truto.RejectParams{ApplicationID: app, RejectReasonID: "not-a-fit"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(rejected.RejectReason, !rejected.RejectedAt.IsZero())
	// Output: not-a-fit true
}

func ExampleAttachmentsService_Download() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.AddFile("https://files.example.com/cv.pdf", []byte("%PDF-1.7 ..."))
	c := fake.Client()

	body, err := c.ATS.Attachments.Download(context.Background(), account, "https://files.example.com/cv.pdf")
	if err != nil {
		log.Fatal(err)
	}
	defer body.Close()
	n, err := io.Copy(io.Discard, body) // or to a file: the bytes are never held whole
	fmt.Println(n, err)
	// Output: 12 <nil>
}

func ExampleResourceClient_Method() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	app := fake.AddRecord(account, "ats", "applications", trutotest.Record{})
	c := fake.Client()

	// Any custom method of any resource, with the body it documents.
	applications := truto.Resource[map[string]any](c, "ats", "applications")
	got, err := applications.Method(context.Background(), account, "move-stage", map[string]string{"application_id": app, "stage_id": "offer"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println((*got)["current_stage"].(map[string]any)["id"])
	// Output: offer
}

// Raw returns the remote ATS's own answer, untouched.
func ExampleClient_Raw() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.AddRecord(account, "ats", "candidates", trutotest.Record{"remote_data": map[string]any{"greenhouse_id": 42}})
	c := fake.Client()

	raw, err := c.Raw(context.Background(), truto.UnifiedRequest{Model: "ats", Resource: "candidates", IntegratedAccountID: account})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(raw))
	// Output: {"data":[{"greenhouse_id":42}],"next":null}
}

func ExampleClient_Stream() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.AddRecord(account, "ats", "jobs", trutotest.Record{"id": "j-1", "name": "Go developer"})
	c := fake.Client()

	body, err := c.Stream(context.Background(), truto.UnifiedRequest{Model: "ats", Resource: "jobs", IntegratedAccountID: account},
		truto.WithResponseFormat(truto.FormatStream), truto.WithExcludeFields("created_at", "updated_at"))
	if err != nil {
		log.Fatal(err)
	}
	defer body.Close()
	_, _ = io.Copy(os.Stdout, body)
	// Output: {"is_partial_response":false,"next_cursor":null,"prev_cursor":null,"result":[{"id":"j-1","name":"Go developer"}],"result_count":1}
}

// Every method takes RequestOptions last. WithResponseInto reports what
// the answer said, Truto's rate limit ("110;w=10") included.
func ExampleWithResponseInto() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationGreenhouse)
	c := fake.Client()

	var resp truto.Response
	_, err := c.ATS.Candidates.List(context.Background(), account, truto.ListParams{}, truto.WithResponseInto(&resp))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, resp.RateLimit.Limit, resp.RateLimit.Remaining, resp.RateLimit.Window)
	// Output: 200 50 49 10s
}

// Errors are typed: errors.As gives an error answer's status, Truto's
// message and insights, and Details the remote ATS's own answer.
func ExampleAPIError() {
	fake := trutotest.NewServer()
	defer fake.Close()
	account := fake.AddAccount(trutotest.IntegrationLever)
	c := fake.Client()

	// Lever needs a job for a new candidate.
	_, err := c.ATS.Candidates.Create(context.Background(), account, truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{})
	var apiErr *truto.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Fields[0].Code, apiErr.Fields[0].Field)
	}
	fmt.Println(errors.Is(err, truto.ErrRemote), errors.Is(err, truto.ErrOutcomeUnknown))
	// Output:
	// 400 missing_required_query_parameters job_id
	// false false
}
