package truto_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"iter"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// This file closes gaps in the wire tests: every ATS All across two
// pages, field-by-field decoding of the main records, the custom
// methods' exact requests, the admin Get/All/Delete calls, the proxy's
// write bodies, the webhook receiver's body cap on a chunked body, and
// the retry rule of every write (RELIABILITY.md).

// wmGot is one record an All yielded: its id and its raw JSON.
type wmGot struct {
	ID  string
	Raw string
}

// wmDrain ranges over seq, failing on any error, and returns each
// record's ID field and Raw().
func wmDrain[T any](t *testing.T, seq iter.Seq2[T, error]) []wmGot {
	t.Helper()
	var out []wmGot
	for rec, err := range seq {
		require.NoError(t, err)
		id := reflect.ValueOf(rec).FieldByName("ID").String()
		raw, ok := any(&rec).(interface{ Raw() json.RawMessage })
		require.True(t, ok, "%T has Raw()", rec)
		out = append(out, wmGot{ID: id, Raw: string(raw.Raw())})
	}
	return out
}

// TestEveryATSAllFollowsTheCursor ranges over every ATS resource's All
// across two pages: the path, the account, the filter, the limit and the
// cursor of each request, and every record of both pages in order.
func TestEveryATSAllFollowsTheCursor(t *testing.T) {
	type allFunc func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot
	ctx := context.Background()
	cases := []struct {
		path string
		all  allFunc
	}{
		{"activities", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Activities.All(ctx, account, p))
		}},
		{"applications", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Applications.All(ctx, account, p))
		}},
		{"attachments", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Attachments.All(ctx, account, p))
		}},
		{"candidates", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Candidates.All(ctx, account, p))
		}},
		{"departments", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Departments.All(ctx, account, p))
		}},
		{"eeocs", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Eeocs.All(ctx, account, p))
		}},
		{"interviews", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Interviews.All(ctx, account, p))
		}},
		{"job_form_fields", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.JobFormFields.All(ctx, account, p))
		}},
		{"job_interview_stages", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.JobInterviewStages.All(ctx, account, p))
		}},
		{"jobs", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Jobs.All(ctx, account, p))
		}},
		{"offers", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Offers.All(ctx, account, p))
		}},
		{"offices", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Offices.All(ctx, account, p))
		}},
		{"organizations", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Organizations.All(ctx, account, p))
		}},
		{"reject_reasons", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.RejectReasons.All(ctx, account, p))
		}},
		{"scorecards", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Scorecards.All(ctx, account, p))
		}},
		{"tags", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Tags.All(ctx, account, p))
		}},
		{"users", func(t *testing.T, c *truto.Client, p truto.ListParams) []wmGot {
			return wmDrain(t, c.ATS.Users.All(ctx, account, p))
		}},
	}
	// The table covers every resource of the reference (atsResources).
	var want, have []string
	for _, r := range atsResources {
		want = append(want, r.path)
	}
	for _, c := range cases {
		have = append(have, c.path)
	}
	require.Equal(t, want, have)

	const cursor = "eyJvZmZzZXQiOjJ9+/=" // needs escaping in a query
	for _, tc := range cases {
		t.Run(tc.path, func(t *testing.T) {
			c, m := newMocked(t)
			r1 := fmt.Sprintf(`{"id":"%s-1","remote_data":{"n":1},"x_extra":"a"}`, tc.path)
			r2 := fmt.Sprintf(`{"id":"%s-2","remote_data":{"n":2}}`, tc.path)
			r3 := fmt.Sprintf(`{"id":"%s-3","x_extra":"c"}`, tc.path)
			m.on(http.MethodGet, "/unified/ats/"+tc.path,
				answer(200, fmt.Appendf(nil, `{"result":[%s,%s],"next_cursor":%q,"result_count":2}`, r1, r2, cursor)),
				answer(200, fmt.Appendf(nil, `{"result":[%s],"next_cursor":null,"result_count":1}`, r3)))

			got := tc.all(t, c, truto.ListParams{Limit: 2, Filter: url.Values{"job_id": {"j-1"}}})

			require.Len(t, got, 3)
			for i, raw := range []string{r1, r2, r3} {
				assert.Equal(t, fmt.Sprintf("%s-%d", tc.path, i+1), got[i].ID, "record %d", i)
				assert.JSONEq(t, raw, got[i].Raw, "record %d keeps its own JSON", i)
			}
			reqs := m.requests()
			require.Len(t, reqs, 2, "two pages, then stop at a null cursor")
			first := base + "/unified/ats/" + tc.path + "?integrated_account_id=" + account + "&job_id=j-1&limit=2"
			assert.Equal(t, first, reqs[0].url)
			assert.Equal(t, first+"&next_cursor="+url.QueryEscape(cursor), reqs[1].url)
			for _, x := range reqs {
				assert.Equal(t, http.MethodGet, x.method)
				assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
				assert.Empty(t, x.header.Get("Idempotency-Key"))
				assert.Empty(t, x.body)
			}
		})
	}
}

// wmAssertEveryField compares every exported field of the structs want
// and got, one by one (times with Equal), and insists that want sets
// each field but those in unset: a field the JSON does not reach, or a
// wrong json tag, fails here.
func wmAssertEveryField(t *testing.T, want, got any, unset ...string) {
	t.Helper()
	wv, gv := reflect.ValueOf(want), reflect.ValueOf(got)
	require.Equal(t, wv.Type(), gv.Type())
	n := 0
	for i := range wv.NumField() {
		f := wv.Type().Field(i)
		if !f.IsExported() || f.Anonymous {
			continue
		}
		n++
		w, g := wv.Field(i).Interface(), gv.Field(i).Interface()
		if slices.Contains(unset, f.Name) {
			assert.Zero(t, g, "%s.%s", wv.Type().Name(), f.Name)
			continue
		}
		require.False(t, wv.Field(i).IsZero(), "the test sets %s.%s", wv.Type().Name(), f.Name)
		switch w := w.(type) {
		case time.Time:
			assert.True(t, w.Equal(g.(time.Time)), "%s.%s: want %v, got %v", wv.Type().Name(), f.Name, w, g)
		case truto.Time:
			assert.True(t, w.Equal(g.(truto.Time).Time), "%s.%s: want %v, got %v", wv.Type().Name(), f.Name, w, g)
		default:
			assert.Equal(t, w, g, "%s.%s", wv.Type().Name(), f.Name)
		}
	}
	require.Positive(t, n)
}

func wmAt(s string) time.Time {
	v, err := time.Parse(time.RFC3339Nano, s)
	if err != nil {
		panic(err)
	}
	return v
}

const wmCandidateJSON = `{
  "id": "c-42",
  "first_name": "Grace",
  "last_name": "Hopper",
  "name": "Grace Hopper",
  "title": "Rear admiral",
  "company": "US Navy",
  "emails": [{"email": "grace@example.com", "type": "work"}, {"email": "gh@example.org", "type": "personal"}],
  "phones": [{"number": "+1 555 0100", "extension": "7", "type": "work"}],
  "locations": ["Arlington", "New York"],
  "urls": [{"url": "https://grace.example.com", "type": "personal"}],
  "tags": [{"id": "t-7", "name": "cobol"}, "compilers"],
  "attachments": [{"id": "at-1", "file_name": "cv.pdf", "file_url": "https://files.example.com/cv.pdf",
    "attachment_type": "resume", "candidate": {"id": "c-42"}, "created_at": "2026-02-01T08:00:00Z", "updated_at": "2026-02-02T08:00:00Z"}],
  "applications": [{"id": "ap-9", "candidate": {"id": "c-42"}, "job": {"id": "j-3"},
    "current_stage": {"id": "st-1", "name": "Applied"}, "applied_at": "2026-02-01T08:00:00Z"}],
  "can_email": true,
  "is_private": true,
  "created_at": "2026-02-01T08:00:00.5Z",
  "updated_at": "2026-02-03T09:15:00Z",
  "last_interaction_at": "2026-02-04T10:30:00Z",
  "remote_data": {"id": "gh-42", "custom_fields": {"level": "senior"}, "score": 4.5},
  "x_vendor_extra": {"kept": true}
}`

const wmApplicationJSON = `{
  "id": "ap-9",
  "candidate": {"id": "c-42"},
  "job": {"id": "j-3"},
  "current_stage": {"id": "st-2", "name": "Onsite", "job": {"id": "j-3"}, "created_at": "2025-01-01T00:00:00Z", "updated_at": "2025-01-02T00:00:00Z"},
  "credited_to": {"id": "u-1", "first_name": "Leon", "last_name": "Smith", "name": "Leon Smith",
    "emails": [{"email": "leon@example.com", "is_primary": true, "type": "work"}]},
  "source": {"id": "src-1", "name": "TestGorilla"},
  "reject_reason": "Withdrew",
  "rejected_at": "2026-03-05T12:00:00Z",
  "applied_at": "2026-03-01T09:00:00Z",
  "attachments": [{"id": "at-2", "file_name": "cover.pdf", "attachment_type": "cover_letter"}],
  "created_at": "2026-03-01T09:00:00Z",
  "updated_at": "2026-03-05T12:00:00Z",
  "remote_data": {"id": 981, "prospect": false},
  "x_vendor_extra": "kept"
}`

const wmJobJSON = `{
  "id": "j-3",
  "name": "Go developer",
  "description": "<p>Write Go</p>",
  "code": "ENG-7",
  "requisition_id": "R-7",
  "status": "open",
  "locations": ["Stockholm", "Remote"],
  "job_posting_urls": [{"url": "https://jobs.example.com/7", "type": "external"}],
  "confidential": true,
  "departments": [{"id": "d-1", "name": "Engineering"}],
  "offices": [{"id": "o-1", "name": "Stockholm"}],
  "teams": [{"id": "tm-1", "name": "Platform"}],
  "hiring_managers": [{"id": "u-1", "name": "Leon Smith"}],
  "recruiters": [{"id": "u-2", "name": "Mia Berg"}],
  "created_at": "2025-12-01T00:00:00Z",
  "updated_at": "2026-01-15T10:00:00Z",
  "remote_data": {"id": "lever-j-3", "tags": ["go", "backend"]},
  "x_vendor_extra": 1
}`

const wmUserJSON = `{
  "id": "u-1",
  "first_name": "Leon",
  "last_name": "Smith",
  "name": "Leon Smith",
  "emails": [{"email": "leon@example.com", "is_primary": true, "type": "work"}, {"email": "l@example.org"}],
  "disabled": true,
  "access_role": "admin",
  "created_at": "2024-05-01T00:00:00Z",
  "updated_at": "2026-01-01T00:00:00Z",
  "remote_data": {"role": {"id": 3, "name": "Site admin"}},
  "x_vendor_extra": null
}`

// TestATSGetDecodesEveryField gets a candidate, an application, a job
// and a user, and checks every field of the typed record, the
// remote_data and the raw JSON, and the request of each Get.
func TestATSGetDecodesEveryField(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	m.on(http.MethodGet, "/unified/ats/candidates/c-42", answer(200, []byte(wmCandidateJSON)))
	m.on(http.MethodGet, "/unified/ats/applications/ap-9", answer(200, []byte(wmApplicationJSON)))
	m.on(http.MethodGet, "/unified/ats/jobs/j-3", answer(200, []byte(wmJobJSON)))
	m.on(http.MethodGet, "/unified/ats/users/u-1", answer(200, []byte(wmUserJSON)))

	t.Run("candidate", func(t *testing.T) {
		got, err := c.ATS.Candidates.Get(ctx, account, "c-42")
		require.NoError(t, err)
		wmAssertEveryField(t, truto.Candidate{
			ID: "c-42", FirstName: "Grace", LastName: "Hopper", Name: "Grace Hopper",
			Title: "Rear admiral", Company: "US Navy",
			Emails:    []truto.Email{{Email: "grace@example.com", Type: "work"}, {Email: "gh@example.org", Type: "personal"}},
			Phones:    []truto.Phone{{Number: "+1 555 0100", Extension: "7", Type: "work"}},
			Locations: []string{"Arlington", "New York"},
			URLs:      []truto.URL{{URL: "https://grace.example.com", Type: "personal"}},
			Tags:      []truto.Tag{{ID: "t-7", Name: "cobol"}, {Name: "compilers"}},
			Attachments: []truto.Attachment{{ID: "at-1", FileName: "cv.pdf", FileURL: "https://files.example.com/cv.pdf",
				AttachmentType: "resume", Candidate: &truto.Ref{ID: "c-42"},
				CreatedAt: wmAt("2026-02-01T08:00:00Z"), UpdatedAt: wmAt("2026-02-02T08:00:00Z")}},
			Applications: []truto.Application{{ID: "ap-9", Candidate: &truto.Ref{ID: "c-42"}, Job: &truto.Ref{ID: "j-3"},
				CurrentStage: &truto.Stage{ID: "st-1", Name: "Applied"}, AppliedAt: wmAt("2026-02-01T08:00:00Z")}},
			CanEmail:          true,
			IsPrivate:         "true",
			CreatedAt:         wmAt("2026-02-01T08:00:00.5Z"),
			UpdatedAt:         wmAt("2026-02-03T09:15:00Z"),
			LastInteractionAt: wmAt("2026-02-04T10:30:00Z"),
			RemoteData:        map[string]any{"id": "gh-42", "custom_fields": map[string]any{"level": "senior"}, "score": 4.5},
		}, *got)
		assert.True(t, got.IsPrivate.True(), "a JSON boolean true")
		assert.Equal(t, "senior", got.RemoteData["custom_fields"].(map[string]any)["level"])
		assert.JSONEq(t, wmCandidateJSON, string(got.Raw()), "the record as sent, the unknown field with it")
	})

	t.Run("application", func(t *testing.T) {
		got, err := c.ATS.Applications.Get(ctx, account, "ap-9")
		require.NoError(t, err)
		wmAssertEveryField(t, truto.Application{
			ID: "ap-9", Candidate: &truto.Ref{ID: "c-42"}, Job: &truto.Ref{ID: "j-3"},
			CurrentStage: &truto.Stage{ID: "st-2", Name: "Onsite", Job: &truto.Ref{ID: "j-3"},
				CreatedAt: wmAt("2025-01-01T00:00:00Z"), UpdatedAt: wmAt("2025-01-02T00:00:00Z")},
			CreditedTo: &truto.User{ID: "u-1", FirstName: "Leon", LastName: "Smith", Name: "Leon Smith",
				Emails: []truto.UserEmail{{Email: "leon@example.com", IsPrimary: true, Type: "work"}}},
			Source:       &truto.Source{ID: "src-1", Name: "TestGorilla"},
			RejectReason: "Withdrew",
			RejectedAt:   wmAt("2026-03-05T12:00:00Z"),
			AppliedAt:    wmAt("2026-03-01T09:00:00Z"),
			Attachments:  []truto.Attachment{{ID: "at-2", FileName: "cover.pdf", AttachmentType: "cover_letter"}},
			CreatedAt:    wmAt("2026-03-01T09:00:00Z"),
			UpdatedAt:    wmAt("2026-03-05T12:00:00Z"),
			RemoteData:   map[string]any{"id": float64(981), "prospect": false},
		}, *got)
		assert.JSONEq(t, wmApplicationJSON, string(got.Raw()))
	})

	t.Run("job", func(t *testing.T) {
		got, err := c.ATS.Jobs.Get(ctx, account, "j-3")
		require.NoError(t, err)
		wmAssertEveryField(t, truto.Job{
			ID: "j-3", Name: "Go developer", Description: "<p>Write Go</p>", Code: "ENG-7", RequisitionID: "R-7",
			Status: "open", Locations: []string{"Stockholm", "Remote"},
			JobPostingURLs: []truto.URL{{URL: "https://jobs.example.com/7", Type: "external"}},
			Confidential:   true,
			Departments:    []truto.NamedRef{{ID: "d-1", Name: "Engineering"}},
			Offices:        []truto.NamedRef{{ID: "o-1", Name: "Stockholm"}},
			Teams:          []map[string]any{{"id": "tm-1", "name": "Platform"}},
			HiringManagers: []truto.NamedRef{{ID: "u-1", Name: "Leon Smith"}},
			Recruiters:     []truto.NamedRef{{ID: "u-2", Name: "Mia Berg"}},
			CreatedAt:      wmAt("2025-12-01T00:00:00Z"),
			UpdatedAt:      wmAt("2026-01-15T10:00:00Z"),
			RemoteData:     map[string]any{"id": "lever-j-3", "tags": []any{"go", "backend"}},
		}, *got)
		assert.JSONEq(t, wmJobJSON, string(got.Raw()))
	})

	t.Run("user", func(t *testing.T) {
		got, err := c.ATS.Users.Get(ctx, account, "u-1")
		require.NoError(t, err)
		wmAssertEveryField(t, truto.User{
			ID: "u-1", FirstName: "Leon", LastName: "Smith", Name: "Leon Smith",
			Emails:     []truto.UserEmail{{Email: "leon@example.com", IsPrimary: true, Type: "work"}, {Email: "l@example.org"}},
			Disabled:   true,
			AccessRole: "admin",
			CreatedAt:  wmAt("2024-05-01T00:00:00Z"),
			UpdatedAt:  wmAt("2026-01-01T00:00:00Z"),
			RemoteData: map[string]any{"role": map[string]any{"id": float64(3), "name": "Site admin"}},
		}, *got)
		assert.JSONEq(t, wmUserJSON, string(got.Raw()))
	})

	reqs := m.requests()
	require.Len(t, reqs, 4)
	for i, p := range []string{"candidates/c-42", "applications/ap-9", "jobs/j-3", "users/u-1"} {
		assert.Equal(t, http.MethodGet, reqs[i].method)
		assert.Equal(t, base+"/unified/ats/"+p+"?integrated_account_id="+account, reqs[i].url)
		assert.Equal(t, "Bearer "+token, reqs[i].header.Get("Authorization"))
		assert.Empty(t, reqs[i].header.Get("Idempotency-Key"))
	}
}

// TestMoveStageRejectAndDeleteOnTheWire: the exact method, URL, headers
// and body of Applications.MoveStage and Reject with every parameter
// set, and of Candidates.Delete.
func TestMoveStageRejectAndDeleteOnTheWire(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	m.on(http.MethodPost, "/unified/ats/applications/move-stage", answer(200, []byte(`{"id":"ap-1","current_stage":{"id":"s-3","name":"Onsite"}}`)))
	m.on(http.MethodPost, "/unified/ats/applications/reject", answer(200, []byte(`{"result":{"id":"ap-1","reject_reason":"Not a fit","rejected_at":"2026-03-05T12:00:00Z"}}`)))
	m.on(http.MethodDelete, "/unified/ats/candidates/c-1", answer(200, []byte(`{"id":"c-1"}`)))

	app, err := c.ATS.Applications.MoveStage(ctx, account, truto.MoveStageParams{
		ApplicationID: "ap-1", StageID: "s-3", CandidateID: "c-1", UserID: "u-1", RemoteData: map[string]any{"note": "fast track"},
	})
	require.NoError(t, err)
	assert.Equal(t, "ap-1", app.ID)
	assert.Equal(t, &truto.Stage{ID: "s-3", Name: "Onsite"}, app.CurrentStage, "a bare answer")

	app, err = c.ATS.Applications.Reject(ctx, account, truto.RejectParams{
		ApplicationID: "ap-1", CandidateID: "c-1", RejectReasonID: "r-2", UserID: "u-7", RemoteData: map[string]any{"notify": true},
	}, truto.WithIdempotencyKey("reject-ap-1"))
	require.NoError(t, err)
	assert.Equal(t, "Not a fit", app.RejectReason, "the {\"result\": ...} answer unwrapped")
	assert.True(t, app.RejectedAt.Equal(wmAt("2026-03-05T12:00:00Z")))

	require.NoError(t, c.ATS.Candidates.Delete(ctx, account, "c-1"))

	reqs := m.requests()
	require.Len(t, reqs, 3)
	move, reject, del := reqs[0], reqs[1], reqs[2]

	assert.Equal(t, http.MethodPost, move.method)
	assert.Equal(t, base+"/unified/ats/applications/move-stage?integrated_account_id="+account, move.url)
	assert.Equal(t, `{"application_id":"ap-1","stage_id":"s-3","candidate_id":"c-1","user_id":"u-1","remote_data":{"note":"fast track"}}`, move.body)
	assert.Equal(t, "application/json", move.header.Get("Content-Type"))
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, move.header.Get("Idempotency-Key"))

	assert.Equal(t, http.MethodPost, reject.method)
	assert.Equal(t, base+"/unified/ats/applications/reject?integrated_account_id="+account, reject.url)
	assert.Equal(t, `{"application_id":"ap-1","candidate_id":"c-1","reason_id":"r-2","user_id":"u-7","remote_data":{"notify":true}}`, reject.body)
	assert.Equal(t, "reject-ap-1", reject.header.Get("Idempotency-Key"))

	assert.Equal(t, http.MethodDelete, del.method)
	assert.Equal(t, base+"/unified/ats/candidates/c-1?integrated_account_id="+account, del.url)
	assert.Empty(t, del.body, "a delete sends no body")
	assert.NotEmpty(t, del.header.Get("Idempotency-Key"))

	for _, x := range reqs {
		assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
		assert.Equal(t, "application/json", x.header.Get("Accept"))
	}
}

// TestEnvironmentIntegrationsGetAndAllOnTheWire: Get's URL and every
// field, and All from a cursor across two pages, "result" and "results".
func TestEnvironmentIntegrationsGetAndAllOnTheWire(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	const one = `{"id":"ei-1","integration_id":"i-1","environment_id":"env-1","show_in_catalog":true,"is_enabled":true,
		"override":{"unified_models":{"ats":{}}},"integration":{"id":"i-1","name":"greenhouse","category":"ats","is_beta":true,"sharing":"allow"},
		"created_at":"2023-02-16T09:27:16.000Z","updated_at":"2024-09-01 10:05:00","x_extra":true}`
	m.on(http.MethodGet, "/environment-integration/ei%2F1", answer(200, []byte(one)))
	m.on(http.MethodGet, "/environment-integration",
		answer(200, []byte(`{"result":[{"id":"ei-2"},{"id":"ei-3"}],"next_cursor":"p3","limit":2}`)),
		answer(200, []byte(`{"results":[{"id":"ei-4","is_enabled":true}],"next_cursor":null,"limit":2}`)))

	ei, err := c.EnvironmentIntegrations.Get(ctx, "ei/1")
	require.NoError(t, err)
	wmAssertEveryField(t, truto.EnvironmentIntegration{
		ID: "ei-1", IntegrationID: "i-1", EnvironmentID: "env-1", ShowInCatalog: true, IsEnabled: true,
		Override:    map[string]any{"unified_models": map[string]any{"ats": map[string]any{}}},
		Integration: &truto.Integration{ID: "i-1", Name: "greenhouse", Category: "ats", IsBeta: true, Sharing: "allow"},
		CreatedAt:   truto.Time{Time: wmAt("2023-02-16T09:27:16Z")},
		UpdatedAt:   truto.Time{Time: time.Date(2024, 9, 1, 10, 5, 0, 0, time.UTC)},
	}, *ei)
	assert.JSONEq(t, one, string(ei.Raw()))

	shown := true
	var ids []string
	for e, err := range c.EnvironmentIntegrations.All(ctx, truto.ListEnvironmentIntegrationsParams{
		IntegrationName: "greenhouse", ShowInCatalog: &shown, Limit: 2, Cursor: "p2",
	}) {
		require.NoError(t, err)
		ids = append(ids, e.ID)
	}
	assert.Equal(t, []string{"ei-2", "ei-3", "ei-4"}, ids)

	reqs := m.requests()
	require.Len(t, reqs, 3)
	assert.Equal(t, base+"/environment-integration/ei%2F1", reqs[0].url, "no query: the admin API names no account")
	assert.Equal(t, base+"/environment-integration?integration%5Bname%5D=greenhouse&limit=2&next_cursor=p2&show_in_catalog=true", reqs[1].url, "from the caller's cursor")
	assert.Equal(t, base+"/environment-integration?integration%5Bname%5D=greenhouse&limit=2&next_cursor=p3&show_in_catalog=true", reqs[2].url)
	for _, x := range reqs {
		assert.Equal(t, http.MethodGet, x.method)
		assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
	}
}

// TestWebhooksGetAllDeleteOnTheWire: Get's URL and fields, All across
// two pages, Delete's method and escaped path.
func TestWebhooksGetAllDeleteOnTheWire(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	const one = `{"id":"wh-1","target_url":"https://example.com/h","is_active":true,"environment_id":"env-1",
		"event_types":["record:created","integrated_account:active"],"created_at":"2023-06-15T14:40:03.000Z","updated_at":"2023-06-16 09:00:00"}`
	m.on(http.MethodGet, "/webhook/wh-1", answer(200, []byte(one)))
	m.on(http.MethodGet, "/webhook",
		answer(200, []byte(`{"result":[{"id":"wh-1","target_url":"https://a.example.com","is_active":true}],"next_cursor":"n2","limit":1}`)),
		answer(200, []byte(`{"result":[{"id":"wh-2","target_url":"https://b.example.com","is_active":true}],"next_cursor":null,"limit":1}`)))
	m.on(http.MethodDelete, "/webhook/wh%2F9", answer(200, []byte(`{"id":"wh/9"}`)))

	hook, err := c.Webhooks.Get(ctx, "wh-1")
	require.NoError(t, err)
	wmAssertEveryField(t, truto.Webhook{
		ID: "wh-1", TargetURL: "https://example.com/h", IsActive: true, EnvironmentID: "env-1",
		EventTypes: []truto.EventType{truto.EventRecordCreated, truto.EventIntegratedAccountActive},
		CreatedAt:  truto.Time{Time: wmAt("2023-06-15T14:40:03Z")},
		UpdatedAt:  truto.Time{Time: time.Date(2023, 6, 16, 9, 0, 0, 0, time.UTC)},
	}, *hook, "Secret")
	assert.JSONEq(t, one, string(hook.Raw()))

	active := true
	var got []string
	for w, err := range c.Webhooks.All(ctx, truto.ListWebhooksParams{IsActive: &active, Limit: 1}) {
		require.NoError(t, err)
		got = append(got, w.ID+" "+w.TargetURL)
	}
	assert.Equal(t, []string{"wh-1 https://a.example.com", "wh-2 https://b.example.com"}, got)

	require.NoError(t, c.Webhooks.Delete(ctx, "wh/9"))

	reqs := m.requests()
	require.Len(t, reqs, 4)
	assert.Equal(t, base+"/webhook/wh-1", reqs[0].url)
	assert.Equal(t, base+"/webhook?is_active=true&limit=1", reqs[1].url)
	assert.Equal(t, base+"/webhook?is_active=true&limit=1&next_cursor=n2", reqs[2].url)
	assert.Equal(t, http.MethodDelete, reqs[3].method)
	assert.Equal(t, base+"/webhook/wh%2F9", reqs[3].url, "the id is path-escaped; no query")
	assert.Empty(t, reqs[3].body)
	for _, x := range reqs {
		assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
		assert.Empty(t, x.header.Get("Idempotency-Key"), "admin calls carry no key")
	}
}

// TestLinkTokenReconnectBody: a reconnect's body, with the account and
// the static gate, exactly.
func TestLinkTokenReconnectBody(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/link-token", answer(200, []byte(`{"link_token":"lt-1"}`)))
	tok, err := c.LinkTokens.Create(context.Background(), truto.CreateLinkTokenParams{
		IntegratedAccountID: "acct-9", StaticGateID: "gate-1", PersistPreviousContext: true,
		RedirectURI: "https://app.example.com/reconnected",
	})
	require.NoError(t, err)
	assert.Equal(t, "lt-1", tok.Token)
	reqs := m.requests()
	require.Len(t, reqs, 1)
	x := reqs[0]
	assert.Equal(t, http.MethodPost, x.method)
	assert.Equal(t, base+"/link-token", x.url)
	assert.JSONEq(t, `{"integrated_account_id":"acct-9","truto_static_gate_id":"gate-1","persist_previous_context":true,
		"redirect_uri":"https://app.example.com/reconnected"}`, x.body)
	assert.NotContains(t, x.body, "tenant_id")
	assert.Equal(t, "application/json", x.header.Get("Content-Type"))
	assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
	assert.Empty(t, x.header.Get("Idempotency-Key"))
}

// TestProxyWritesOnTheWire: Create, Update and Delete through the
// proxy: method, path, query and body.
func TestProxyWritesOnTheWire(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	m.on(http.MethodPost, "/proxy/Contact", answer(201, []byte(`{"id":"003","success":true}`)))
	m.on(http.MethodPatch, "/proxy/Contact/003", answer(200, []byte(`{"Id":"003","Title":"Admiral"}`)))
	m.on(http.MethodDelete, "/proxy/Contact/003", answer(200, []byte(`{"deleted":true}`)))

	type contact struct {
		ID      string `json:"id"`
		Success bool   `json:"success"`
		Title   string `json:"Title"`
	}
	contacts := truto.Proxy[contact](c, "Contact")
	created, err := contacts.Create(ctx, account, map[string]any{"LastName": "Hopper", "Emails": []string{"g@example.com"}},
		url.Values{"objectType": {"Lead"}})
	require.NoError(t, err)
	assert.Equal(t, contact{ID: "003", Success: true}, *created)
	updated, err := contacts.Update(ctx, account, "003", struct {
		Title string `json:"Title"`
		Rank  int    `json:"Rank"`
	}{"Admiral", 2}, truto.WithQuery("dry_run", "false"), truto.WithIdempotencyKey("upd-003"))
	require.NoError(t, err)
	assert.Equal(t, "Admiral", updated.Title)
	require.NoError(t, contacts.Delete(ctx, account, "003", truto.WithExcludeFields("id")))

	reqs := m.requests()
	require.Len(t, reqs, 3)
	create, update, del := reqs[0], reqs[1], reqs[2]
	assert.Equal(t, http.MethodPost, create.method)
	assert.Equal(t, base+"/proxy/Contact?integrated_account_id="+account+"&objectType=Lead", create.url)
	assert.JSONEq(t, `{"LastName":"Hopper","Emails":["g@example.com"]}`, create.body)
	assert.NotEmpty(t, create.header.Get("Idempotency-Key"))

	assert.Equal(t, http.MethodPatch, update.method)
	assert.Equal(t, base+"/proxy/Contact/003?dry_run=false&integrated_account_id="+account, update.url)
	assert.Equal(t, `{"Title":"Admiral","Rank":2}`, update.body)
	assert.Equal(t, "upd-003", update.header.Get("Idempotency-Key"))

	assert.Equal(t, http.MethodDelete, del.method)
	assert.Equal(t, base+"/proxy/Contact/003?integrated_account_id="+account+"&truto_exclude_fields%5B%5D=id", del.url)
	assert.Empty(t, del.body)
	for _, x := range reqs {
		assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
	}
	for _, x := range reqs[:2] {
		assert.Equal(t, "application/json", x.header.Get("Content-Type"))
	}
}

// wmCountingReader is a body that counts the bytes read from it, of
// data then, if endless, of spaces (up to 1 MiB, so that a receiver
// without a cap fails its test rather than hangs).
type wmCountingReader struct {
	data    []byte
	endless bool
	read    int
}

func (r *wmCountingReader) Read(p []byte) (int, error) {
	if len(r.data) == 0 {
		if !r.endless || r.read >= 1<<20 {
			return 0, io.EOF
		}
		for i := range p {
			p[i] = ' '
		}
		r.read += len(p)
		return len(p), nil
	}
	n := copy(p, r.data)
	r.data = r.data[n:]
	r.read += n
	return n, nil
}

// TestWebhookBodyCapWithoutAndWithContentLength: a signed, valid event
// padded past the cap is refused with 413 and never handled, whether it
// comes chunked (no Content-Length) or with its length; the same body
// under a cap it fits is handled, so it is the cap that refuses it.
func TestWebhookBodyCapWithoutAndWithContentLength(t *testing.T) {
	const maxBody = 512
	clock := newReceiver(t).clock.Now()
	event := eventBody("evt-cap", clock)
	body := append(append([]byte{}, event...), []byte(strings.Repeat(" ", maxBody+100-len(event)))...)
	require.Greater(t, len(body), maxBody)
	sig := trutotest.Sign(webhookSecret, body)

	send := func(r *receiver, src *wmCountingReader, contentLength int64) int {
		req := httptest.NewRequest(http.MethodPost, "/webhooks/truto", nil)
		req.Body = io.NopCloser(src)
		req.ContentLength = contentLength
		if contentLength < 0 {
			req.TransferEncoding = []string{"chunked"}
		}
		req.Header.Set(truto.SignatureHeader, sig)
		rec := httptest.NewRecorder()
		r.h.ServeHTTP(rec, req)
		return rec.Code
	}

	// Control: under a cap it fits, the padded event is valid and handled.
	r := newReceiver(t, truto.WithWebhookMaxBody(int64(len(body))))
	assert.Equal(t, http.StatusOK, send(r, &wmCountingReader{data: body}, -1))
	assert.EqualValues(t, 1, r.handled.Load())

	t.Run("chunked", func(t *testing.T) {
		r := newReceiver(t, truto.WithWebhookMaxBody(maxBody))
		src := &wmCountingReader{data: body}
		assert.Equal(t, http.StatusRequestEntityTooLarge, send(r, src, -1))
		assert.Zero(t, r.handled.Load(), "not handled")
		assert.LessOrEqual(t, src.read, maxBody+1, "not read past the cap")
	})
	t.Run("chunked without end", func(t *testing.T) {
		r := newReceiver(t, truto.WithWebhookMaxBody(maxBody))
		src := &wmCountingReader{data: event, endless: true}
		assert.Equal(t, http.StatusRequestEntityTooLarge, send(r, src, -1))
		assert.Zero(t, r.handled.Load())
		assert.LessOrEqual(t, src.read, maxBody+1)
	})
	t.Run("content-length", func(t *testing.T) {
		r := newReceiver(t, truto.WithWebhookMaxBody(maxBody))
		src := &wmCountingReader{data: body}
		assert.Equal(t, http.StatusRequestEntityTooLarge, send(r, src, int64(len(body))))
		assert.Zero(t, r.handled.Load())
		assert.Zero(t, src.read, "refused on its Content-Length, unread")
	})
	t.Run("content-length one past the cap", func(t *testing.T) {
		r := newReceiver(t, truto.WithWebhookMaxBody(maxBody))
		src := &wmCountingReader{data: event}
		assert.Equal(t, http.StatusRequestEntityTooLarge, send(r, src, maxBody+1))
		assert.Zero(t, r.handled.Load())
		assert.Zero(t, src.read)
	})
}

// TestEveryWritesRetryRuleOnA500 checks RELIABILITY.md's table: an admin
// write carries no Idempotency-Key and is sent once on a 500 (its
// outcome unknown); an admin delete is retried as a read; every unified
// and proxy write carries a key made for the call, the same on each
// attempt, and so is retried on a 500, though never on a 503.
// (Webhooks.Create and Candidates.Create are TestAnAdminWriteIsNotSentTwice's
// and TestAWriteIsRetriedWithTheSameIdempotencyKey's.)
func TestEveryWritesRetryRuleOnA500(t *testing.T) {
	ctx := context.Background()
	fail500 := answer(500, []byte(`{"statusCode":500,"error":"Internal Server Error"}`))
	fail503 := answer(503, []byte(`{"statusCode":503,"error":"Service Unavailable"}`))
	pdf := func(*http.Request) (*http.Response, error) {
		return httpmock.NewBytesResponse(200, []byte("%PDF")), nil
	}
	type write struct {
		name, method, path string
		ok                 httpmock.Responder
		call               func(c *truto.Client) error
	}

	t.Run("admin writes are sent once", func(t *testing.T) {
		for _, w := range []write{
			{"LinkTokens.Create", http.MethodPost, "/link-token", nil, func(c *truto.Client) error {
				_, err := c.LinkTokens.Create(ctx, truto.CreateLinkTokenParams{TenantID: "acme-1"})
				return err
			}},
			{"Webhooks.Update", http.MethodPatch, "/webhook/wh-1", nil, func(c *truto.Client) error {
				off := false
				_, err := c.Webhooks.Update(ctx, "wh-1", truto.UpdateWebhookParams{IsActive: &off})
				return err
			}},
			{"Webhooks.Test", http.MethodPost, "/webhook/test", nil, func(c *truto.Client) error {
				return c.Webhooks.Test(ctx, "wh-1")
			}},
			{"IntegratedAccounts.Update", http.MethodPatch, "/integrated-account/acct-1", nil, func(c *truto.Client) error {
				_, err := c.IntegratedAccounts.Update(ctx, "acct-1", truto.UpdateIntegratedAccountParams{TenantID: "acme-2"})
				return err
			}},
		} {
			t.Run(w.name, func(t *testing.T) {
				c, m := newMocked(t, truto.WithRetry(2, 0, 0))
				m.on(w.method, w.path, fail500)
				err := w.call(c)
				require.ErrorIs(t, err, truto.ErrOutcomeUnknown)
				var apiErr *truto.APIError
				require.ErrorAs(t, err, &apiErr)
				assert.Equal(t, 500, apiErr.StatusCode)
				reqs := m.requests()
				require.Len(t, reqs, 1, "sent once")
				assert.Equal(t, w.method, reqs[0].method)
				assert.Empty(t, reqs[0].header.Get("Idempotency-Key"))
			})
		}
	})

	t.Run("admin deletes are retried as reads", func(t *testing.T) {
		for _, w := range []write{
			{"Webhooks.Delete", http.MethodDelete, "/webhook/wh-1", nil, func(c *truto.Client) error { return c.Webhooks.Delete(ctx, "wh-1") }},
			{"IntegratedAccounts.Delete", http.MethodDelete, "/integrated-account/acct-1", nil, func(c *truto.Client) error {
				return c.IntegratedAccounts.Delete(ctx, "acct-1")
			}},
		} {
			t.Run(w.name, func(t *testing.T) {
				c, m := newMocked(t, truto.WithRetry(2, 0, 0))
				m.on(w.method, w.path, fail500, answer(200, []byte(`{"id":"x"}`)))
				require.NoError(t, w.call(c))
				assert.Len(t, m.requests(), 2)

				c, m = newMocked(t, truto.WithRetry(2, 0, 0))
				m.on(w.method, w.path, fail503)
				require.Error(t, w.call(c))
				assert.Len(t, m.requests(), 1, "never on a 503")
			})
		}
	})

	t.Run("unified and proxy writes are retried with their key", func(t *testing.T) {
		ok := func(body string) httpmock.Responder { return answer(200, []byte(body)) }
		for _, w := range []write{
			{"Candidates.Update", http.MethodPatch, "/unified/ats/candidates/c-1", ok(`{"id":"c-1"}`), func(c *truto.Client) error {
				_, err := c.ATS.Candidates.Update(ctx, account, "c-1", truto.CandidateInput{Title: "x"})
				return err
			}},
			{"Candidates.Delete", http.MethodDelete, "/unified/ats/candidates/c-1", ok(`{"id":"c-1"}`), func(c *truto.Client) error {
				return c.ATS.Candidates.Delete(ctx, account, "c-1")
			}},
			{"Activities.Create", http.MethodPost, "/unified/ats/activities", ok(`{"id":"act-1"}`), func(c *truto.Client) error {
				_, err := c.ATS.Activities.Create(ctx, account, truto.ActivityInput{CandidateID: "c-1", Body: "b"})
				return err
			}},
			{"Applications.MoveStage", http.MethodPost, "/unified/ats/applications/move-stage", ok(`{"id":"ap-1"}`), func(c *truto.Client) error {
				_, err := c.ATS.Applications.MoveStage(ctx, account, truto.MoveStageParams{ApplicationID: "ap-1", StageID: "s-1"})
				return err
			}},
			{"Applications.Reject", http.MethodPost, "/unified/ats/applications/reject", ok(`{"id":"ap-1"}`), func(c *truto.Client) error {
				_, err := c.ATS.Applications.Reject(ctx, account, truto.RejectParams{ApplicationID: "ap-1"})
				return err
			}},
			{"Attachments.Download", http.MethodPost, "/unified/ats/attachments/download", pdf, func(c *truto.Client) error {
				rc, err := c.ATS.Attachments.Download(ctx, account, "https://files.example.com/cv.pdf")
				if err == nil {
					rc.Close()
				}
				return err
			}},
			{"Raw POST", http.MethodPost, "/unified/ats/candidates", ok(`{}`), func(c *truto.Client) error {
				_, err := c.Raw(ctx, truto.UnifiedRequest{Method: http.MethodPost, Model: "ats", Resource: "candidates",
					IntegratedAccountID: account, Body: map[string]string{"first_name": "A"}})
				return err
			}},
			{"Proxy.Create", http.MethodPost, "/proxy/Contact", ok(`{"id":"003"}`), func(c *truto.Client) error {
				_, err := truto.Proxy[map[string]any](c, "Contact").Create(ctx, account, map[string]string{"LastName": "H"}, nil)
				return err
			}},
			{"Proxy.Update", http.MethodPatch, "/proxy/Contact/003", ok(`{"id":"003"}`), func(c *truto.Client) error {
				_, err := truto.Proxy[map[string]any](c, "Contact").Update(ctx, account, "003", map[string]string{"Title": "T"})
				return err
			}},
			{"Proxy.Delete", http.MethodDelete, "/proxy/Contact/003", ok(`{"id":"003"}`), func(c *truto.Client) error {
				return truto.Proxy[map[string]any](c, "Contact").Delete(ctx, account, "003")
			}},
			{"Proxy.Method", http.MethodPost, "/proxy/Contact/merge", ok(`{"result":{"merged":true}}`), func(c *truto.Client) error {
				_, err := truto.Proxy[map[string]any](c, "Contact").Method(ctx, account, "merge", map[string]any{"ids": []string{"1"}})
				return err
			}},
		} {
			t.Run(w.name, func(t *testing.T) {
				c, m := newMocked(t, truto.WithRetry(2, 0, 0))
				m.on(w.method, w.path, fail500, w.ok)
				require.NoError(t, w.call(c))
				reqs := m.requests()
				require.Len(t, reqs, 2, "retried once after the 500")
				key := reqs[0].header.Get("Idempotency-Key")
				assert.NotEmpty(t, key, "a key made for the call")
				assert.Equal(t, key, reqs[1].header.Get("Idempotency-Key"), "the same key on the retry")
				assert.Equal(t, reqs[0].body, reqs[1].body)

				c, m = newMocked(t, truto.WithRetry(2, 0, 0))
				m.on(w.method, w.path, fail500)
				err := w.call(c)
				require.ErrorIs(t, err, truto.ErrOutcomeUnknown, "500s to the end: it may have happened")
				assert.Len(t, m.requests(), 3, "the first attempt and two retries")

				c, m = newMocked(t, truto.WithRetry(2, 0, 0))
				m.on(w.method, w.path, fail503)
				err = w.call(c)
				require.ErrorIs(t, err, truto.ErrOutcomeUnknown)
				assert.Len(t, m.requests(), 1, "never on a 503")
			})
		}
	})
}
