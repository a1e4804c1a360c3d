package testgorilla_test

import (
	"context"
	"encoding/json"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// field is one attribute of an object: its JSON key, and the Go value
// read from it beside the value it must be.
type field struct {
	key       string
	got, want any
}

// assertFields checks each field, and that they are every attribute of
// raw, the object as the API sent it: an attribute the fixture adds
// without a check here fails.
func assertFields(t *testing.T, raw json.RawMessage, fields []field) {
	t.Helper()
	var obj map[string]json.RawMessage
	require.NoError(t, json.Unmarshal(raw, &obj))
	checked := make([]string, len(fields))
	for i, f := range fields {
		checked[i] = f.key
		assert.Equal(t, f.want, f.got, f.key)
	}
	assert.ElementsMatch(t, slices.Collect(maps.Keys(obj)), checked, "every attribute is checked")
}

func ptr[T any](v T) *T { return &v }

// compact is v as JSON without spaces.
func compact(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// The documented example of docs.testgorilla.com/apis/candidates,
// "Retrieving candidate details" (candidate_documented.json): a page of
// 20 with a next page, of which Get reads the candidate asked for, in
// one request, without following "next" (the list of every candidate,
// not this one's).
func TestCandidateDecodesTheDocumentedExample(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"candidates/321321/", 200, fixture(t, "candidate_documented.json"))
	cand, err := c.Candidates.Get(context.Background(), 321321)
	require.NoError(t, err)
	assert.Len(t, m.exchanges(), 1, "the next page is not fetched")

	var page struct {
		Count    int
		Next     *string
		Previous *string
	}
	require.NoError(t, json.Unmarshal(fixture(t, "candidate_documented.json"), &page))
	assert.Equal(t, 20, page.Count, "as documented")
	assert.Equal(t, ptr("https://app.testgorilla.com/api/assessments/candidates/?limit=10&offset=10"), page.Next, "as documented")
	assert.Nil(t, page.Previous)

	require.Len(t, cand.Assessments, 1)
	assertFields(t, cand.Raw(), []field{
		{"id", cand.ID, 321321},
		{"full_name", cand.FullName, "John Doe"},
		{"email", cand.Email, "johndoe@email.com"},
		{"tests", compact(t, cand.Tests), `[{"id":12,"name":"Go (coding)"}]`},
		{"assessments", cand.Assessments[0], testgorilla.CandidateAssessment{ID: 55, AssessmentName: "An assessment"}},
		{"assessments_count", cand.AssessmentsCount, 1},
		{"last_activity", cand.LastActivity.Format(time.RFC3339Nano), "2021-02-23T00:12:40.717337+01:00"},
	})

	// Without the page around it, the candidate reads the same.
	m.on(http.MethodGet, api+"candidates/321321/", 200, mustMarshal(t, "candidate_documented.json", 0))
	bare, err := c.Candidates.Get(context.Background(), 321321)
	require.NoError(t, err)
	assert.Equal(t, cand.Email, bare.Email)
	assert.Equal(t, cand.LastActivity, bare.LastActivity)
	assert.JSONEq(t, string(cand.Raw()), string(bare.Raw()))
}

// assertSameTime checks that tm is the instant raw says, with its
// offset ("+00:00" and "Z" are the same).
func assertSameTime(t *testing.T, raw json.RawMessage, tm time.Time, key string) {
	t.Helper()
	var want time.Time
	require.NoError(t, json.Unmarshal(raw, &want), key)
	assert.True(t, want.Equal(tm), "%s: %v, want %v", key, tm, want)
	_, off := tm.Zone()
	_, wantOff := want.Zone()
	assert.Equal(t, wantOff, off, "%s: the offset is kept", key)
}

// documentedCandidature is the item of the example answer of
// docs.testgorilla.com/apis/candidates, "List of candidates invited to an
// assessment", as published.
const documentedCandidature = `{
  "avg_score": 76,
  "created": "2021-09-18T09:16:33.975663+02:00",
  "email": "john@example.com",
  "full_name": "John Smith",
  "id": 8000,
  "invitation_uuid": "edb70e44-271d-4e6a-8533-901fdc95f230",
  "is_hired": false,
  "personality_algorithm": "big_5",
  "personality": "3-3-1-1-1_30-32-28-19-28",
  "rating": null,
  "review": null,
  "stage": "HIR",
  "status": "completed",
  "testtaker_id": 4276,
  "invitation_link": "https://assessment.testgorilla.com/testtaker/takeinvitation/edb70e44-271d-4e6a-8533-901fdc95f230"
}`

// candidatureAttributes are what a Candidature holds of each attribute,
// by its JSON key; the attributes it does not name are in Extra.
func candidatureAttributes(c *testgorilla.Candidature) map[string]any {
	attrs := map[string]any{
		"id": c.ID, "avg_score": c.AvgScore, "average": c.AvgScore, "created": c.Created, "email": c.Email,
		"full_name": c.FullName, "invitation_uuid": c.InvitationUUID, "invitation_link": c.InvitationLink,
		"is_hired": c.IsHired, "personality_algorithm": c.PersonalityAlgorithm, "personality": c.Personality,
		"rating": c.Rating, "review": c.Review, "stage": c.Stage, "status": c.Status, "testtaker_id": c.TestTakerID,
	}
	for k, v := range c.Extra() {
		attrs[k] = v
	}
	return attrs
}

// The example answer of the candidature list (candidatures_documented.json),
// field by field: its first item is the documented one, the second the
// fixture's "{...}", with the older "average", an undocumented stage and
// an unknown attribute. Each attribute the API sent reads back as the
// same JSON (the time with its microseconds and offset), and a null as
// the zero value.
func TestCandidaturesDecodeTheDocumentedExample(t *testing.T) {
	assert.JSONEq(t, documentedCandidature, string(mustMarshal(t, "candidatures_documented.json", 0)), "the fixture is the documented item")
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"candidature/", 200, fixture(t, "candidatures_documented.json"))
	page, err := c.Candidatures.List(context.Background(), testgorilla.ListCandidaturesParams{Assessment: 1})
	require.NoError(t, err)
	require.Len(t, page.Results, 2)

	for i := range page.Results {
		cand := &page.Results[i]
		var sent map[string]json.RawMessage
		require.NoError(t, json.Unmarshal(mustMarshal(t, "candidatures_documented.json", i), &sent))
		attrs := candidatureAttributes(cand)
		for key, raw := range sent {
			got, ok := attrs[key]
			if !assert.True(t, ok, "candidature %d: %s is not read", cand.ID, key) {
				continue
			}
			if string(raw) == "null" {
				assert.True(t, reflect.ValueOf(got).IsZero(), "candidature %d: %s is null, read as %v", cand.ID, key, got)
				continue
			}
			if tm, ok := got.(time.Time); ok {
				assertSameTime(t, raw, tm, key)
				continue
			}
			assert.JSONEq(t, string(raw), compact(t, got), "candidature %d: %s", cand.ID, key)
		}
	}
	assert.Len(t, page.Results[1].Extra(), 1, "proctoring_flags, which Candidature does not name")
}
