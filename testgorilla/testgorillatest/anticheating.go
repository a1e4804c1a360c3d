package testgorillatest

import (
	"fmt"

	"github.com/recruitkit/recruitkit-go/testgorilla"
)

// SetAntiCheating sets what the anti-cheating monitor recorded for a
// candidature: its flags, IP address, location, device and photos (the
// ids and status come from the candidature). Without it a candidature
// has no flag up.
func (s *Server) SetAntiCheating(candidatureID int, flags testgorilla.AntiCheating) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.candidatures[candidatureID]; !ok {
		panic(fmt.Sprintf("testgorillatest: SetAntiCheating: no candidature %d", candidatureID))
	}
	s.flags[candidatureID] = flags
}

// candidatureDetailLocked is one item of a candidate's
// "assessments_detail": the candidature with its anti-cheating flags.
// The caller holds s.mu.
func (s *Server) candidatureDetailLocked(c *testgorilla.Candidature) map[string]any {
	a := s.assessments[s.assessmentOf[c.ID]]
	f := s.flags[c.ID]
	photos := []map[string]string{}
	for _, p := range f.Photos {
		photos = append(photos, map[string]string{"image": p.Image})
	}
	last := f.LastActivity
	if last.IsZero() {
		last = c.Created
	}
	return map[string]any{
		"id": c.ID, "assessment_id": a.ID, "assessment_name": a.Name, "status": c.Status, "stage": c.Stage,
		"average": c.AvgScore, "invited": c.Created, "last_activity": last,
		"is_exited_full_screen": f.ExitedFullScreen, "is_left_screen": f.LeftScreen, "repeated_ip": f.RepeatedIP,
		"is_camera_enabled": f.CameraEnabled, "ip": f.IP,
		"geoip":             map[string]string{"city": f.Location.City, "country_code": f.Location.CountryCode},
		"user_agent":        map[string]string{"description": f.Device.Description},
		"test_taker_photos": photos,
	}
}
