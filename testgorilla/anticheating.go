package testgorilla

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// AntiCheating is what TestGorilla's anti-cheating monitor recorded while
// a candidate took an assessment (one candidature).
type AntiCheating struct {
	CandidatureID int    `json:"id"`
	AssessmentID  int    `json:"assessment_id"`
	Status        Status `json:"status"`
	// ExitedFullScreen: the candidate left full-screen mode at least once.
	ExitedFullScreen bool `json:"-"`
	// LeftScreen: the mouse left the assessment's window at least once.
	LeftScreen bool `json:"-"`
	// RepeatedIP: another candidate of the assessment took it from the
	// same IP address.
	RepeatedIP bool `json:"-"`
	// CameraEnabled: the webcam was on, taking Photos.
	CameraEnabled bool      `json:"-"`
	IP            string    `json:"ip" personal:"text"`
	Location      Location  `json:"geoip"`
	Device        Device    `json:"user_agent"`
	Photos        []Photo   `json:"test_taker_photos"`
	LastActivity  time.Time `json:"last_activity"`

	source
}

// antiCheatingFlags are AntiCheating's flags as the API sends them.
type antiCheatingFlags struct {
	ExitedFullScreen flexBool `json:"is_exited_full_screen"`
	LeftScreen       flexBool `json:"is_left_screen"`
	RepeatedIP       flexBool `json:"repeated_ip"`
	CameraEnabled    flexBool `json:"is_camera_enabled"`
}

// decode reads one candidature's JSON into a.
func (a *AntiCheating) decode(raw []byte) error {
	var f antiCheatingFlags
	if err := json.Unmarshal(raw, &f); err != nil {
		return err
	}
	if err := json.Unmarshal(raw, a); err != nil {
		return err
	}
	a.ExitedFullScreen, a.LeftScreen, a.RepeatedIP, a.CameraEnabled = bool(f.ExitedFullScreen), bool(f.LeftScreen), bool(f.RepeatedIP), bool(f.CameraEnabled)
	return nil
}

// Flagged reports whether any flag is up: the candidate left full screen
// or the window, or shared an IP address with another candidate.
func (a *AntiCheating) Flagged() bool { return a.ExitedFullScreen || a.LeftScreen || a.RepeatedIP }

// Location is where the candidate's IP address places them.
type Location struct {
	City        string `json:"city" personal:"address"`
	CountryCode string `json:"country_code"`
}

// Device is the browser and system the candidate used.
type Device struct {
	Description string `json:"description"` // such as "Chrome 120 on Mac OS X"
}

// Photo is a webcam snapshot of the candidate.
type Photo struct {
	Image string `json:"image" personal:"url"` // the image's URL
}

// flexBool is a flag the API sends as a JSON boolean, or (seen in public
// client code) as the string "true" or "false"; null is false.
type flexBool bool

func (b *flexBool) UnmarshalJSON(data []byte) error {
	switch string(bytes.Trim(data, `"`)) {
	case "true", "True":
		*b = true
	case "false", "False", "null", "":
		*b = false
	default:
		return fmt.Errorf("want a boolean flag, got %s", data)
	}
	return nil
}

// AntiCheating returns the anti-cheating flags of one candidature: a
// candidate's take of an assessment.
//
//	GET /api/assessments/candidates/<test-taker id>/?candidature=<candidature id>
//
// The answer is the candidate with the candidature's details (observed
// as {"assessments_detail": [...]}, one item per candidature); the
// flags are read from the item of candidatureID.
func (s *AssessmentsService) AntiCheating(ctx context.Context, testTakerID, candidatureID int, opts ...RequestOption) (*AntiCheating, error) {
	if err := checkID("testTakerID", testTakerID); err != nil {
		return nil, err
	}
	if err := checkID("candidatureID", candidatureID); err != nil {
		return nil, err
	}
	out := antiCheatingAnswer{want: candidatureID}
	err := s.c.do(ctx, &rest.Request{
		Method: http.MethodGet, Path: candidatesPath + strconv.Itoa(testTakerID) + "/",
		Query: url.Values{"candidature": {strconv.Itoa(candidatureID)}},
	}, &out, opts)
	if err != nil {
		return nil, err
	}
	return &out.flags, nil
}

// antiCheatingAnswer finds one candidature's flags in a candidate.
type antiCheatingAnswer struct {
	want  int
	flags AntiCheating
}

func (a *antiCheatingAnswer) DecodeTarget() any { return &a.flags }

func (a *antiCheatingAnswer) DecodeBody(b []byte) error {
	b = bytes.Clone(b) // the flags keep it as their Raw
	var probe struct {
		Details []json.RawMessage `json:"assessments_detail"`
	}
	if err := json.Unmarshal(b, &probe); err != nil {
		return err
	}
	if probe.Details == nil {
		// A bare candidature, as the documentation's heading suggests.
		if err := a.flags.decode(b); err != nil {
			return err
		}
		if a.flags.CandidatureID != a.want {
			return fmt.Errorf(`want "assessments_detail" with candidature %d`, a.want)
		}
		a.flags.src = rest.WholeBody(b)
		return nil
	}
	for i, raw := range probe.Details {
		var id struct {
			ID flexInt `json:"id"`
		}
		if json.Unmarshal(raw, &id) == nil && int(id.ID) == a.want {
			if err := a.flags.decode(raw); err != nil {
				return err
			}
			a.flags.src = rest.ListItem(b, "assessments_detail", i)
			return nil
		}
	}
	return fmt.Errorf(`want candidature %d in "assessments_detail"; the answer lists %d others`, a.want, len(probe.Details))
}
