package testgorilla_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The documented example of docs.testgorilla.com/apis/assessments, "List
// Assessments", field by field (assessments_documented.json), and the
// documented comma-separated status filter.
func TestAssessmentListDecodesTheDocumentedExample(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api, 200, fixture(t, "assessments_documented.json"))
	page, err := c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{
		Status: testgorilla.AssessmentActive, Statuses: []testgorilla.AssessmentStatus{testgorilla.AssessmentNew, testgorilla.AssessmentActive},
	})
	require.NoError(t, err)
	assert.Equal(t, api+"?status=active%2Cnew", m.last(t).url, "status=active,new, each once")
	assert.Equal(t, 27, page.Count)
	require.Len(t, page.Results, 1)
	a := page.Results[0]
	assert.Equal(t, 32, a.ID)
	assert.Equal(t, "Python developer", a.Name)
	assert.Equal(t, 42, a.Candidates)
	assert.Equal(t, 13, a.Invited)
	assert.Equal(t, 8, a.Started)
	assert.Equal(t, 21, a.Finished)
	assert.Equal(t, testgorilla.AssessmentActive, a.Status)
	assert.Equal(t, 50.0, a.FinishedPercentage)
	assert.Equal(t, time.Date(2021, 7, 10, 15, 6, 5, 719971000, time.UTC), a.Modified.UTC())

	_, err = c.Assessments.List(context.Background(), testgorilla.ListAssessmentsParams{Statuses: []testgorilla.AssessmentStatus{testgorilla.AssessmentArchived}})
	require.NoError(t, err)
	assert.Equal(t, api+"?status=archived", m.last(t).url)
	for _, bad := range []testgorilla.ListAssessmentsParams{
		{Statuses: []testgorilla.AssessmentStatus{""}}, {Statuses: []testgorilla.AssessmentStatus{"closed"}}, {Status: "done"},
	} {
		_, err := c.Assessments.List(context.Background(), bad)
		assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
	}
	assert.Equal(t, 2, m.GetTotalCallCount())
}

func TestAssessmentDetailsCarryTestsAndPublicLinks(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"32/", 200, fixture(t, "assessment_details.json"))
	a, err := c.Assessments.Get(context.Background(), 32)
	require.NoError(t, err)
	assert.Equal(t, []testgorilla.AssessmentTest{
		{ID: 7244, Name: "Problem solving", Algorithm: testgorilla.AlgorithmBasic},
		{ID: 494, Name: "Big 5 (OCEAN)", Algorithm: testgorilla.AlgorithmBig5},
	}, a.Tests)
	require.Len(t, a.PublicLinks, 1)
	link := a.PublicLinks[0]
	assert.Equal(t, testgorilla.PublicLink{ID: 901, UUID: "3f1c2b8e-5d4a-4c1e-9f7a-2b6d8e0c1a35", Label: "Main", Active: true, Assessment: 32}, link,
		"the link knows its assessment")
	assert.Equal(t, "https://app.testgorilla.com/testtaker/publicinvitation/3f1c2b8e-5d4a-4c1e-9f7a-2b6d8e0c1a35", link.URL())
	assert.Contains(t, string(a.Raw()), `"custom_questions_count": 2`)
}

// The details answer as public client code reads it: the tests come in
// "tests_detail", each under "test" (assessment_details_observed.json).
func TestAssessmentDetailsReadTestsDetail(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"32/", 200, fixture(t, "assessment_details_observed.json"))
	a, err := c.Assessments.Get(context.Background(), 32)
	require.NoError(t, err)
	assert.Equal(t, []testgorilla.AssessmentTest{
		{ID: 7244, Name: "Problem solving", Algorithm: testgorilla.AlgorithmBasic},
		{ID: 494, Name: "Big 5 (OCEAN)", Algorithm: testgorilla.AlgorithmBig5},
	}, a.Tests, "a test's id is the test_id its results carry")
	require.Len(t, a.PublicLinks, 1)
	assert.Equal(t, "cef12446-4d5e-4322-a3c7-f60c78680ad1", a.PublicLinks[0].UUID)
}

// Anti-cheating flags, from the candidate answer with ?candidature= as
// public client code reads it (anticheating_observed.json).
func TestAntiCheatingWireFormatAndDecoding(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodGet, api+"candidates/4276/", 200, fixture(t, "anticheating_observed.json"))
	f, err := c.Assessments.AntiCheating(context.Background(), 4276, 8000)
	require.NoError(t, err)
	x := m.last(t)
	assert.Equal(t, http.MethodGet, x.method)
	assert.Equal(t, api+"candidates/4276/?candidature=8000", x.url)
	assertAuth(t, x, false)

	assert.Equal(t, 8000, f.CandidatureID)
	assert.Equal(t, 32, f.AssessmentID)
	assert.Equal(t, testgorilla.StatusCompleted, f.Status)
	assert.False(t, f.ExitedFullScreen)
	assert.True(t, f.LeftScreen, `"true" as a string is read`)
	assert.False(t, f.RepeatedIP)
	assert.True(t, f.CameraEnabled)
	assert.True(t, f.Flagged())
	assert.Equal(t, "192.0.2.10", f.IP)
	assert.Equal(t, testgorilla.Location{City: "Amsterdam", CountryCode: "NL"}, f.Location)
	assert.Equal(t, "Chrome 120 on Mac OS X 10.15", f.Device.Description)
	assert.Equal(t, []testgorilla.Photo{{Image: "https://assets.example.com/photos/8000-1.jpg"}}, f.Photos)
	assert.Contains(t, string(f.Raw()), `"is_english_native_language": true`)

	_, err = c.Assessments.AntiCheating(context.Background(), 4276, 9999)
	assert.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse, "an answer without the candidature")
	m.on(http.MethodGet, api+"candidates/5/", 200, []byte(`{"id":8001,"is_left_screen":null,"repeated_ip":true}`))
	f, err = c.Assessments.AntiCheating(context.Background(), 5, 8001)
	require.NoError(t, err, "a bare candidature is read too")
	assert.True(t, f.RepeatedIP)
	assert.False(t, f.LeftScreen)

	for _, ids := range [][2]int{{0, 1}, {1, 0}} {
		_, err := c.Assessments.AntiCheating(context.Background(), ids[0], ids[1])
		assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
	}
}

func TestInviteWithoutNamesAndPersonalLink(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, api+"55/invite_candidate/", 201, []byte(`{"id":9001,"testtaker_id":4276,"email":"ada@example.com",
		"invitation_uuid":"edb70e44-271d-4e6a-8533-901fdc95f230"}`))
	inv, err := c.Assessments.PersonalLink(context.Background(), 55, testgorilla.InviteParams{Email: "ada@example.com"})
	require.NoError(t, err)
	x := m.last(t)
	assert.Equal(t, http.MethodPost, x.method)
	assert.Equal(t, api+"55/invite_candidate/?no_email=true", x.url, "no invitation email")
	assert.Equal(t, `{"email":"ada@example.com"}`, x.body, "names are optional, and not sent empty")
	assertAuth(t, x, true)
	assert.Equal(t, 4276, inv.TestTakerID)
	assert.Equal(t, "https://assessment.testgorilla.com/testtaker/takeinvitation/edb70e44-271d-4e6a-8533-901fdc95f230", inv.InvitationLink,
		"made from the UUID when the answer has no link")

	// PersonalLink is a write: a 5xx is not sent again.
	m.on(http.MethodPost, api+"56/invite_candidate/", 502, []byte(`{"detail":"Bad gateway"}`))
	_, err = c.Assessments.PersonalLink(context.Background(), 56, testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada"})
	assert.ErrorIs(t, err, testgorilla.ErrOutcomeUnknown)
	assert.Equal(t, `{"email":"ada@example.com","first_name":"Ada"}`, m.last(t).body)
	assert.Equal(t, 2, m.GetTotalCallCount())
}

func TestAssessmentsOnTheFake(t *testing.T) {
	fake := newFake(t)
	fake.AddAssessment("Go developer", "Problem solving")
	b := fake.AddAssessment("Data analyst")
	fake.Seed(b.ID, 20, 7)
	c := fake.Client()
	ctx := context.Background()

	// New until a first candidate, then active; archived when archived.
	statuses := func(p testgorilla.ListAssessmentsParams) []string {
		var names []string
		for a, err := range c.Assessments.All(ctx, p) {
			require.NoError(t, err)
			names = append(names, a.Name+":"+string(a.Status))
		}
		return names
	}
	assert.Equal(t, []string{"Go developer:new", "Data analyst:active"}, statuses(testgorilla.ListAssessmentsParams{}))
	assert.Equal(t, []string{"Go developer:new"}, statuses(testgorilla.ListAssessmentsParams{Status: testgorilla.AssessmentNew}))
	fake.ArchiveAssessment(b.ID)
	assert.Equal(t, []string{"Go developer:new", "Data analyst:archived"},
		statuses(testgorilla.ListAssessmentsParams{Statuses: []testgorilla.AssessmentStatus{testgorilla.AssessmentNew, testgorilla.AssessmentArchived}}))

	got, err := c.Assessments.Get(ctx, b.ID)
	require.NoError(t, err)
	assert.Equal(t, 20, got.Candidates)
	assert.Equal(t, got.Candidates, got.Invited+got.Started+got.Finished)
	assert.Positive(t, got.Finished)
	assert.InDelta(t, 100*float64(got.Finished)/20, got.FinishedPercentage, 0.5)
	assert.Len(t, got.Tests, len(testgorillatest.DefaultTests), "Seed gives an assessment without tests the default ones")
}

func TestAntiCheatingOnTheFake(t *testing.T) {
	fake := newFake(t)
	a := fake.AddAssessment("Go developer")
	ada := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com", Status: testgorilla.StatusCompleted})
	fake.SetAntiCheating(ada.ID, testgorilla.AntiCheating{LeftScreen: true, CameraEnabled: true, IP: "192.0.2.7",
		Photos: []testgorilla.Photo{{Image: "https://assets.example.com/1.jpg"}}})
	other := fake.AddAssessment("Data analyst")
	again := fake.AddCandidature(other.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com"})
	require.Equal(t, ada.TestTakerID, again.TestTakerID)
	c := fake.Client()
	ctx := context.Background()

	f, err := c.Assessments.AntiCheating(ctx, ada.TestTakerID, ada.ID)
	require.NoError(t, err)
	assert.Equal(t, ada.ID, f.CandidatureID)
	assert.Equal(t, a.ID, f.AssessmentID)
	assert.True(t, f.LeftScreen)
	assert.True(t, f.Flagged())
	assert.Equal(t, "192.0.2.7", f.IP)
	assert.Len(t, f.Photos, 1)

	g, err := c.Assessments.AntiCheating(ctx, ada.TestTakerID, again.ID)
	require.NoError(t, err)
	assert.False(t, g.Flagged(), "each candidature has its own flags")

	_, err = c.Assessments.AntiCheating(ctx, ada.TestTakerID+1000, ada.ID)
	assert.ErrorIs(t, err, testgorilla.ErrNotFound)
	var resp testgorilla.Response
	_, err = c.Assessments.AntiCheating(ctx, ada.TestTakerID, ada.ID, testgorilla.WithResponseInto(&resp))
	require.NoError(t, err)
	assert.Equal(t, 100, resp.RateLimit.Limit)
}
