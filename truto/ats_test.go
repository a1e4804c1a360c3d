package truto_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// atsResources is Truto's Unified ATS API as its reference lists it
// (https://truto.one/docs/api-reference/unified-ats-api), written here
// apart from the generator's table so that each checks the other:
// the field of truto.ATS, the path, and every method a user can call.
var atsResources = []struct {
	field, path string
	methods     []string
}{
	{"Activities", "activities", []string{"All", "Create", "List"}},
	{"Applications", "applications", []string{"All", "Get", "List", "MoveStage", "Reject"}},
	{"Attachments", "attachments", []string{"All", "Download", "List"}},
	{"Candidates", "candidates", []string{"All", "Create", "Delete", "Get", "List", "Update"}},
	{"Departments", "departments", []string{"All", "Get", "List"}},
	{"Eeocs", "eeocs", []string{"All", "Get", "List"}},
	{"Interviews", "interviews", []string{"All", "Get", "List"}},
	{"JobFormFields", "job_form_fields", []string{"All", "List"}},
	{"JobInterviewStages", "job_interview_stages", []string{"All", "Get", "List"}},
	{"Jobs", "jobs", []string{"All", "Get", "List"}},
	{"Offers", "offers", []string{"All", "List"}},
	{"Offices", "offices", []string{"All", "Get", "List"}},
	{"Organizations", "organizations", []string{"All", "Get", "List"}},
	{"RejectReasons", "reject_reasons", []string{"All", "List"}},
	{"Scorecards", "scorecards", []string{"All", "List"}},
	{"Tags", "tags", []string{"All", "List"}},
	{"Users", "users", []string{"All", "Get", "List"}},
}

func TestEveryATSResourceHasItsDocumentedMethods(t *testing.T) {
	c, _ := newMocked(t)
	ats := reflect.ValueOf(c.ATS).Elem()
	require.Equal(t, len(atsResources), ats.NumField(), "17 resources")
	for _, r := range atsResources {
		svc := ats.FieldByName(r.field)
		require.True(t, svc.IsValid(), r.field)
		var got []string
		for i := range svc.NumMethod() {
			got = append(got, svc.Type().Method(i).Name)
		}
		assert.Equal(t, r.methods, got, r.field)
	}
}

// call runs a service's method by reflection with the arguments its
// signature takes.
func callMethod(t *testing.T, svc reflect.Value, name string, args ...any) []reflect.Value {
	t.Helper()
	in := []reflect.Value{reflect.ValueOf(context.Background())}
	for _, a := range args {
		in = append(in, reflect.ValueOf(a))
	}
	return svc.MethodByName(name).Call(in)
}

// TestEveryATSResourceOnTheWire lists and gets every resource on
// httpmock: the method, the path, the query, and the decoding of the
// documented record.
func TestEveryATSResourceOnTheWire(t *testing.T) {
	records := map[string]json.RawMessage{}
	require.NoError(t, json.Unmarshal(fixture(t, "ats_records_documented.json"), &records))
	for _, r := range atsResources {
		t.Run(r.field, func(t *testing.T) {
			c, m := newMocked(t)
			rec := records[r.path]
			require.NotNil(t, rec, "a documented record for %s", r.path)
			m.on(http.MethodGet, "/unified/ats/"+r.path, answer(200, fmt.Appendf(nil, `{"result":[%s],"next_cursor":null,"result_count":1}`, rec)))
			m.on(http.MethodGet, "/unified/ats/"+r.path+"/x-1", answer(200, rec))
			svc := reflect.ValueOf(c.ATS).Elem().FieldByName(r.field)

			out := callMethod(t, svc, "List", account, truto.ListParams{Limit: 5, Filter: url.Values{"job_id": {"j-1"}}})
			require.Nil(t, out[1].Interface(), "List")
			page := out[0].Elem()
			require.Equal(t, 1, page.FieldByName("Result").Len())
			first := page.FieldByName("Result").Index(0).Addr()
			raw := first.MethodByName("Raw").Call(nil)[0].Bytes()
			assert.JSONEq(t, string(rec), string(raw), "the record keeps its JSON")
			// Every documented field lands in a Go field: re-encoding the
			// decoded record gives back each documented key.
			again, err := json.Marshal(first.Interface())
			require.NoError(t, err)
			var want, have map[string]any
			require.NoError(t, json.Unmarshal(rec, &want))
			require.NoError(t, json.Unmarshal(again, &have))
			for k, v := range want {
				if v == nil || v == false || v == "" || reflect.DeepEqual(v, []any{}) {
					continue // zero values are left out
				}
				assert.Contains(t, have, k, "%s.%s has no Go field", r.path, k)
			}

			reqs := m.requests()
			require.Len(t, reqs, 1)
			assert.Equal(t, base+"/unified/ats/"+r.path+"?integrated_account_id="+account+"&job_id=j-1&limit=5", reqs[0].url)
			assert.Empty(t, reqs[0].header.Get("Idempotency-Key"))

			if slices.Contains(r.methods, "Get") {
				out = callMethod(t, svc, "Get", account, "x-1")
				require.Nil(t, out[1].Interface(), "Get")
				assert.Equal(t, base+"/unified/ats/"+r.path+"/x-1?integrated_account_id="+account, m.requests()[1].url)
			}
		})
	}
}

func TestATSRecordsDecodeTheirFields(t *testing.T) {
	records := map[string]json.RawMessage{}
	require.NoError(t, json.Unmarshal(fixture(t, "ats_records_documented.json"), &records))
	var job truto.Job
	require.NoError(t, json.Unmarshal(records["jobs"], &job))
	assert.Equal(t, "ENG-7", job.Code)
	assert.Equal(t, []truto.NamedRef{{ID: "u-1", Name: "Leon Smith"}}, job.HiringManagers)
	assert.Equal(t, "https://jobs.example.com/7", job.JobPostingURLs[0].URL)
	var iv truto.Interview
	require.NoError(t, json.Unmarshal(records["interviews"], &iv))
	assert.Equal(t, []truto.Ref{{ID: "u-2"}, {ID: "u-3"}}, iv.Interviewers)
	assert.Equal(t, time.Hour, iv.EndAt.Sub(iv.StartAt))
	var sc truto.Scorecard
	require.NoError(t, json.Unmarshal(records["scorecards"], &sc))
	assert.JSONEq(t, `4`, string(sc.FormValues[0].Value))
	var ff truto.JobFormField
	require.NoError(t, json.Unmarshal(records["job_form_fields"], &ff))
	assert.True(t, ff.IsRequired)
	assert.Equal(t, "1-3", ff.Options[0].Value)
	var offer truto.Offer
	require.NoError(t, json.Unmarshal(records["offers"], &offer))
	assert.Equal(t, "2026-05-01", offer.StartDate)
	assert.True(t, offer.ClosedAt.IsZero())
	var act truto.Activity
	require.NoError(t, json.Unmarshal(records["activities"], &act))
	assert.Equal(t, "ada@example.com", act.To[0].Email)
	assert.Equal(t, "user", act.Actor.Type)
}

func TestActivityCreateWireFormat(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/unified/ats/activities", answer(201, []byte(`{"id":"act-9","body":"Strong Go","candidate":{"id":"c-1"}}`)))
	act, err := c.ATS.Activities.Create(context.Background(), account, truto.ActivityInput{CandidateID: "c-1", Body: "Strong Go", Visibility: "private"})
	require.NoError(t, err)
	assert.Equal(t, "act-9", act.ID)
	x := m.requests()[0]
	assert.Equal(t, `{"candidate_id":"c-1","body":"Strong Go","visibility":"private"}`, x.body)
	assert.NotEmpty(t, x.header.Get("Idempotency-Key"), "a unified write carries a key")
}

// On the fake: the resources it does not serve a method for answer 404,
// and its ATS rules answer as Truto reports a missing parameter.
func TestTheFakeServesTheATSModel(t *testing.T) {
	s, acct := newFake(t)
	c := s.Client()
	ctx := context.Background()
	job := s.AddJob(acct, "Go developer")
	s.AddRecord(acct, "ats", "job_form_fields", trutotest.Record{"name": "years", "job": trutotest.Record{"id": job.ID}})
	s.AddRecord(acct, "ats", "job_form_fields", trutotest.Record{"name": "other", "job": trutotest.Record{"id": "j-other"}})
	s.AddRecord(acct, "ats", "reject_reasons", trutotest.Record{"id": "rr-1", "name": "Not a fit"})

	fields, err := c.ATS.JobFormFields.List(ctx, acct, truto.ListParams{Filter: url.Values{"job_id": {job.ID}}})
	require.NoError(t, err)
	require.Len(t, fields.Result, 1, "filtered by job_id")
	assert.Equal(t, "years", fields.Result[0].Name)
	_, err = c.ATS.JobFormFields.List(ctx, acct, truto.ListParams{})
	var apiErr *truto.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "job_id", apiErr.Fields[0].Field)

	_, err = c.ATS.Activities.Create(ctx, acct, truto.ActivityInput{Body: "no candidate"})
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "candidate_id", apiErr.Fields[0].Field)
	act, err := c.ATS.Activities.Create(ctx, acct, truto.ActivityInput{CandidateID: "c-1", Body: "note"})
	require.NoError(t, err)
	assert.Equal(t, "note", act.Body)

	_, err = truto.Resource[truto.Job](c, "ats", "jobs").Update(ctx, acct, job.ID, map[string]string{"name": "x"})
	require.ErrorIs(t, err, truto.ErrNotFound, "jobs have no update in the unified ATS model")
	_, err = truto.Resource[map[string]any](c, "ats", "widgets").List(ctx, acct, truto.ListParams{})
	require.ErrorIs(t, err, truto.ErrNotFound)

	app := s.AddRecord(acct, "ats", "applications", trutotest.Record{"job": trutotest.Record{"id": job.ID}})
	rejected, err := c.ATS.Applications.Reject(ctx, acct, truto.RejectParams{ApplicationID: app, RejectReasonID: "rr-1"})
	require.NoError(t, err)
	assert.Equal(t, "Not a fit", rejected.RejectReason, "the reason's name")
}
