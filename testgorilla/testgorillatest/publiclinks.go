package testgorillatest

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"strconv"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/internal/rest"
	"github.com/recruitkit/recruitkit-go/testgorilla"
)

// ErrLinkClosed is TakePublicLink's refusal: the link is unknown or
// deactivated, or its assessment archived.
var ErrLinkClosed = errors.New("testgorillatest: the public link takes no candidates")

// AddPublicLink adds a public link to an assessment and returns it.
func (s *Server) AddPublicLink(assessmentID int, label string, active bool) testgorilla.PublicLink {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.assessments[assessmentID]; !ok {
		panic(fmt.Sprintf("testgorillatest: AddPublicLink: no assessment %d", assessmentID))
	}
	l := &testgorilla.PublicLink{ID: s.newID(), UUID: rest.NewUUID(), Label: label, Active: active, Assessment: assessmentID}
	s.links[l.UUID] = l
	return *l
}

// PublicLink returns a public link as the fake holds it.
func (s *Server) PublicLink(uuid string) (testgorilla.PublicLink, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.links[uuid]
	if !ok {
		return testgorilla.PublicLink{}, false
	}
	return *l, true
}

// TakePublicLink is a candidate entering their email (and name) on a
// public link's page: it invites them as a public link does, without an
// invitation email. It is refused with ErrLinkClosed when the link is
// unknown or inactive or its assessment archived, and with an error
// matching testgorilla.ErrAlreadyInvited for a second time.
func (s *Server) TakePublicLink(uuid, email, fullName string) (testgorilla.Candidature, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.links[uuid]
	if !ok || !l.Active || s.assessments[l.Assessment].Status == testgorilla.AssessmentArchived {
		return testgorilla.Candidature{}, ErrLinkClosed
	}
	for cid, c := range s.candidatures {
		if s.assessmentOf[cid] == l.Assessment && strings.EqualFold(c.Email, email) {
			return testgorilla.Candidature{}, fmt.Errorf("testgorillatest: %s: %w", email, testgorilla.ErrAlreadyInvited)
		}
	}
	return *s.addCandidatureLocked(l.Assessment, testgorilla.Candidature{Email: email, FullName: fullName}), nil
}

func publicLinkJSON(l testgorilla.PublicLink) map[string]any {
	return map[string]any{"id": l.ID, "public_uuid": l.UUID, "label": l.Label, "active": l.Active, "assessment": l.Assessment}
}

// linkLocked finds a public link by its UUID or by its numeric id: the
// documentation's endpoint line names the path's key <PUBLIC_LINK_ID>,
// its example request <PUBLIC_LINK_UUID>. The caller holds s.mu.
func (s *Server) linkLocked(key string) (*testgorilla.PublicLink, bool) {
	if l, ok := s.links[key]; ok {
		return l, true
	}
	for _, l := range s.links {
		if strconv.Itoa(l.ID) == key {
			return l, true
		}
	}
	return nil, false
}

// updatePublicLink answers PUT /api/assessments/public_links/<uuid or id>/
// {"active", "label", "assessment"}: a PUT, so every field is required.
func (s *Server) updatePublicLink(w http.ResponseWriter, r *http.Request) {
	var body struct {
		Active     *bool   `json:"active"`
		Label      *string `json:"label"`
		Assessment *int    `json:"assessment"`
	}
	if err := fake.DecodeStrict(r, &body); err != nil {
		detail(w, http.StatusBadRequest, "JSON parse error - "+err.Error())
		return
	}
	problems := map[string][]string{}
	if body.Active == nil {
		problems["active"] = []string{"This field is required."}
	}
	if body.Label == nil {
		problems["label"] = []string{"This field is required."}
	}
	if body.Assessment == nil {
		problems["assessment"] = []string{"This field is required."}
	}
	if len(problems) > 0 {
		fieldErrors(w, problems)
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	l, ok := s.linkLocked(r.PathValue("uuid"))
	if !ok {
		detail(w, http.StatusNotFound, "Not found.")
		return
	}
	if *body.Assessment != l.Assessment {
		fieldErrors(w, map[string][]string{"assessment": {"The public link belongs to another assessment."}})
		return
	}
	l.Active, l.Label = *body.Active, *body.Label
	fake.WriteJSON(w, http.StatusOK, publicLinkJSON(*l))
}

// publicInvitationPage answers GET /testtaker/publicinvitation/<uuid>,
// the page a candidate opens: the assessment's start page while the
// link is active, and 404 once it is deactivated, as documented ("the
// assessment will not be accessible using the URL").
func (s *Server) publicInvitationPage(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	l, ok := s.links[r.PathValue("uuid")]
	var name string
	open := ok && l.Active && s.assessments[l.Assessment].Status != testgorilla.AssessmentArchived
	if open {
		name = s.assessments[l.Assessment].Name
	}
	s.mu.Unlock()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if !open {
		w.WriteHeader(http.StatusNotFound)
		_, _ = fmt.Fprint(w, "<!doctype html><title>Link not available</title><p>This assessment link is no longer active.</p>\n")
		return
	}
	_, _ = fmt.Fprintf(w, "<!doctype html><title>%[1]s</title><h1>%[1]s</h1><p>Enter your email address to start the assessment.</p>\n", html.EscapeString(name))
}
