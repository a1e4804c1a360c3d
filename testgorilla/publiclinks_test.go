package testgorilla_test

import (
	"context"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const linkUUID = "3f1c2b8e-5d4a-4c1e-9f7a-2b6d8e0c1a35"

// The request of docs.testgorilla.com/apis/invitations, "Activating/
// deactivating a public link" (public_link_update_documented.json).
func TestDeactivateSendsTheDocumentedRequest(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPut, api+"public_links/"+linkUUID+"/", 200,
		[]byte(`{"id":901,"public_uuid":"`+linkUUID+`","label":"Main","active":false,"assessment":32}`))
	link := testgorilla.PublicLink{ID: 901, UUID: linkUUID, Label: "Main", Active: true, Assessment: 32}
	got, err := c.PublicLinks.Deactivate(context.Background(), link)
	require.NoError(t, err)
	x := m.last(t)
	assert.Equal(t, http.MethodPut, x.method)
	assert.Equal(t, api+"public_links/"+linkUUID+"/", x.url)
	assert.JSONEq(t, string(fixture(t, "public_link_update_documented.json")), x.body)
	assertAuth(t, x, true)
	assert.False(t, got.Active)
	assert.Equal(t, 901, got.ID)

	_, err = c.PublicLinks.Activate(context.Background(), link)
	require.NoError(t, err)
	assert.JSONEq(t, `{"active":true,"label":"Main","assessment":32}`, m.last(t).body)

	_, err = c.PublicLinks.Update(context.Background(), linkUUID, testgorilla.UpdatePublicLinkParams{Active: true, Label: "Careers page", Assessment: 32})
	require.NoError(t, err)
	assert.JSONEq(t, `{"active":true,"label":"Careers page","assessment":32}`, m.last(t).body)
}

// A PUT sets the whole state: sending it again has the same effect, so
// it is retried after a 5xx.
func TestPublicLinkUpdateIsRetriedAsIdempotent(t *testing.T) {
	c, m := newMocked(t)
	var bodies []string
	m.RegisterResponder(http.MethodPut, api+"public_links/"+linkUUID+"/", func(req *http.Request) (*http.Response, error) {
		b, _ := io.ReadAll(req.Body)
		bodies = append(bodies, string(b))
		if len(bodies) == 1 {
			return httpmock.NewStringResponse(503, `{"detail":"unavailable"}`), nil
		}
		return httpmock.NewStringResponse(200, `{"id":901,"public_uuid":"`+linkUUID+`","label":"Main","active":true,"assessment":32}`), nil
	})
	_, err := c.PublicLinks.Activate(context.Background(), testgorilla.PublicLink{UUID: linkUUID, Label: "Main", Assessment: 32})
	require.NoError(t, err)
	require.Len(t, bodies, 2)
	assert.Equal(t, bodies[0], bodies[1], "the same body both times")
}

func TestPublicLinkBadInputAndAnswers(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	_, err := c.PublicLinks.Activate(ctx, testgorilla.PublicLink{Label: "Main", Assessment: 32})
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams, "no UUID")
	_, err = c.PublicLinks.Deactivate(ctx, testgorilla.PublicLink{UUID: linkUUID})
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams, "no assessment")
	assert.Zero(t, m.GetTotalCallCount())

	m.on(http.MethodPut, api+"public_links/"+linkUUID+"/", 200, []byte(`{"detail":"ok"}`))
	_, err = c.PublicLinks.Activate(ctx, testgorilla.PublicLink{UUID: linkUUID, Label: "Main", Assessment: 32})
	assert.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse)
	m.on(http.MethodPut, api+"public_links/"+linkUUID+"/", 404, []byte(`{"detail":"Not found."}`))
	_, err = c.PublicLinks.Activate(ctx, testgorilla.PublicLink{UUID: linkUUID, Label: "Main", Assessment: 32})
	assert.ErrorIs(t, err, testgorilla.ErrNotFound)
}

// On the fake, as documented: a deactivated link's page is gone and takes
// no candidate; an archived assessment takes no invitation at all.
func TestPublicLinksOnTheFake(t *testing.T) {
	fake := newFake(t)
	a := fake.AddAssessment("Go developer")
	c := fake.Client()
	ctx := context.Background()

	got, err := c.Assessments.Get(ctx, a.ID)
	require.NoError(t, err)
	require.Len(t, got.PublicLinks, 1, "an assessment has its default link")
	link := got.PublicLinks[0]
	assert.Equal(t, a.ID, link.Assessment)
	page := func() int {
		resp, err := http.Get(fake.URL() + "/testtaker/publicinvitation/" + link.UUID)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	assert.Equal(t, http.StatusOK, page())
	cand, err := fake.TakePublicLink(link.UUID, "ada@example.com", "Ada Lovelace")
	require.NoError(t, err)
	assert.Equal(t, testgorilla.StatusInvited, cand.Status)

	off, err := c.PublicLinks.Deactivate(ctx, link)
	require.NoError(t, err)
	assert.False(t, off.Active)
	assert.Equal(t, http.StatusNotFound, page(), "the assessment is no longer accessible through the link")
	_, err = fake.TakePublicLink(link.UUID, "grace@example.com", "Grace Hopper")
	assert.ErrorIs(t, err, testgorillatest.ErrLinkClosed)

	_, err = c.PublicLinks.Activate(ctx, link)
	require.NoError(t, err)
	_, err = fake.TakePublicLink(link.UUID, "grace@example.com", "Grace Hopper")
	require.NoError(t, err)
	_, err = fake.TakePublicLink(link.UUID, "ADA@example.com", "Ada")
	assert.ErrorIs(t, err, testgorilla.ErrAlreadyInvited)

	_, err = c.PublicLinks.Update(ctx, link.UUID, testgorilla.UpdatePublicLinkParams{Active: true, Label: "Main", Assessment: a.ID + 1})
	var apiErr *testgorilla.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "assessment", apiErr.Fields[0].Field, "the link belongs to its assessment")
	_, err = c.PublicLinks.Update(ctx, "no-such-link", testgorilla.UpdatePublicLinkParams{Assessment: a.ID})
	assert.ErrorIs(t, err, testgorilla.ErrNotFound)
	// The endpoint line documents the path with <PUBLIC_LINK_ID>, the
	// example with <PUBLIC_LINK_UUID>: the fake takes either.
	byID, err := c.PublicLinks.Update(ctx, strconv.Itoa(link.ID), testgorilla.UpdatePublicLinkParams{Active: true, Label: "Renamed", Assessment: a.ID})
	require.NoError(t, err, "the link's numeric id is a key too")
	assert.Equal(t, link.UUID, byID.UUID)
	assert.Equal(t, "Renamed", byID.Label)

	fake.ArchiveAssessment(a.ID)
	_, err = fake.TakePublicLink(link.UUID, "linus@example.com", "Linus")
	assert.ErrorIs(t, err, testgorillatest.ErrLinkClosed, "an archived assessment takes no candidate")
	assert.Equal(t, http.StatusNotFound, page())
	_, err = c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "linus@example.com"})
	require.ErrorAs(t, err, &apiErr, "nor an invitation")
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)
	_, err = c.Assessments.PersonalLink(ctx, a.ID, testgorilla.InviteParams{Email: "linus@example.com"})
	var linkErr *testgorilla.APIError
	require.ErrorAs(t, err, &linkErr, "nor a personal link")
	assert.Equal(t, http.StatusBadRequest, linkErr.StatusCode)
	// Nor an invitation sent again to a candidate invited before.
	emails := len(fake.Emails())
	err = c.Candidatures.ResendInvitation(ctx, cand.ID)
	var resendErr *testgorilla.APIError
	require.ErrorAs(t, err, &resendErr, "nor a re-sent invitation")
	assert.Equal(t, http.StatusBadRequest, resendErr.StatusCode)
	assert.Equal(t, apiErr.Message, resendErr.Message, "refused as an invitation is")
	assert.Len(t, fake.Emails(), emails, "no email went out")

	var resp testgorilla.Response
	_, err = c.PublicLinks.Activate(ctx, link, testgorilla.WithResponseInto(&resp))
	require.NoError(t, err)
	assert.Equal(t, 10, resp.RateLimit.Limit, "ten updates a minute, as documented")
}
