package trustcruit

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/mail"
	"strings"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// Level is the hiring step at which a candidate gets a survey. The
// constants are the documented ones; others can be enabled per customer,
// so any non-empty value is sent as it is.
type Level string

// The documented levels.
const (
	// LevelStep1: the candidate applied (not when a candidate is copied
	// or duplicated).
	LevelStep1 Level = "step1"
	// LevelStep2: after an interview; Date is the interview date.
	LevelStep2 Level = "step2"
	// LevelStep3: the contract is signed; Date is the day it was signed.
	LevelStep3 Level = "step3"
	// LevelStep4: the first day of employment; Date is that day.
	LevelStep4 Level = "step4"
	// LevelStep5: the candidate was rejected.
	LevelStep5 Level = "step5"
	// LevelTest is the level to use when testing an integration.
	LevelTest Level = "test step"
)

// TestSprancherID is the documented test customer.
const TestSprancherID = 1010

// Tags label a submitted candidate for filtering in Trustcruit, such as
// {"City": {"Stockholm"}, "Department": {"HR", "Sales"}}. A tag with one
// value goes on the wire as a string, one with several as a list.
// Popular keys are the TagCity, TagRecruiterName, TagOccupationalField
// and TagSource constants.
type Tags map[string][]string

// Popular tag keys (documented).
const (
	TagCity              = "City"
	TagRecruiterName     = "Recruiter name"
	TagOccupationalField = "Occupational field"
	TagSource            = "Source"
)

// MarshalJSON writes a one-value tag as a string and others as a list,
// keys in sorted order.
func (t Tags) MarshalJSON() ([]byte, error) { return json.Marshal(t.wire()) }

// wire is t in its wire shape, for encoding/json to write in one pass
// (it sorts the keys): a one-value tag as its string, others as a list;
// nil stays nil, which encodes as null.
func (t Tags) wire() map[string]any {
	if t == nil {
		return nil
	}
	w := make(map[string]any, len(t))
	for k, vs := range t {
		switch {
		case len(vs) == 1:
			w[k] = vs[0]
		case vs == nil:
			w[k] = []string{}
		default:
			w[k] = vs
		}
	}
	return w
}

// UnmarshalJSON reads each tag as a string or a list of strings.
func (t *Tags) UnmarshalJSON(data []byte) error {
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(data, &raw); err != nil {
		return fmt.Errorf("tags: want an object: %w", err)
	}
	if raw == nil {
		*t = nil
		return nil
	}
	out := make(Tags, len(raw))
	for k, v := range raw {
		var one string
		if err := json.Unmarshal(v, &one); err == nil {
			out[k] = []string{one}
			continue
		}
		var many []string
		if err := json.Unmarshal(v, &many); err != nil {
			return fmt.Errorf("tags: %q: want a string or a list of strings", k)
		}
		out[k] = many
	}
	*t = out
	return nil
}

// SubmitCandidateParams is a candidate to survey. The json tags are the
// documented field names.
type SubmitCandidateParams struct {
	// SprancherID is the customer's id from the create-customer callback
	// (required; TestSprancherID when testing).
	SprancherID int `json:"customer_sprancher_id"`
	// Level is the hiring step (required).
	Level Level `json:"candidate_level"`
	// Email is where the survey goes (required; a bare address such as
	// "ada@example.com").
	Email string `json:"candidate_email" personal:"email"`
	// JobAdTitle is the job the candidate applied for (optional).
	JobAdTitle string `json:"job_ad_title,omitempty"`
	// Tags label the candidate (optional).
	Tags Tags `json:"tags,omitempty" personal:"name,key=Recruiter name"`
	// Date is the interview day at step2, the contract day at step3, the
	// first working day at step4 (optional; ignored at step1).
	Date Date `json:"date,omitzero"`
}

// Validate checks p as SubmitCandidate does before sending it.
func (p SubmitCandidateParams) Validate() error {
	if p.SprancherID <= 0 {
		return invalid("SprancherID", fmt.Sprintf("%d is not a positive customer id", p.SprancherID))
	}
	if strings.TrimSpace(string(p.Level)) == "" {
		return invalid("Level", "required")
	}
	if err := checkEmail(p.Email); err != nil {
		return err
	}
	for k := range p.Tags {
		if strings.TrimSpace(k) == "" {
			return invalid("Tags", "a tag key is empty")
		}
	}
	if !p.Date.IsZero() && !p.Date.IsValid() {
		return invalid("Date", p.Date.String()+" is not a calendar day")
	}
	return nil
}

// checkEmail accepts a bare address: "ada@example.com", not "Ada
// <ada@example.com>", nor one with spaces around it.
func checkEmail(email string) error {
	if email == "" {
		return invalid("Email", "required")
	}
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Name != "" || addr.Address != email || !strings.Contains(email[strings.LastIndexByte(email, '@')+1:], ".") {
		return invalid("Email", fmt.Sprintf("%q is not an email address", email))
	}
	return nil
}

// SubmitCandidate asks Trustcruit to survey a candidate at a hiring
// step.
//
//	POST /feedback/api/candidate/
//
// The call is not idempotent: it is retried only when the server cannot
// have acted on it (the connection was refused, or a 429), so a candidate
// is never surveyed twice because of a retry; a failure after the request
// may have arrived matches ErrOutcomeUnknown. Bad params are a
// *ValidationError and nothing is sent.
func (c *Client) SubmitCandidate(ctx context.Context, p SubmitCandidateParams, opts ...RequestOption) error {
	if err := p.Validate(); err != nil {
		return err
	}
	body := submitBody{SubmitCandidateParams: p, Tags: p.Tags.wire()}
	return c.do(ctx, &rest.Request{Method: http.MethodPost, Path: SubmitCandidatePath, Body: body}, nil, opts)
}

// submitBody is what SubmitCandidate sends: the params with the tags
// already in their wire shape. Its Tags field hides the params' own, so
// encoding/json writes the tags with the rest of the body instead of
// calling Tags.MarshalJSON and scanning its output again.
type submitBody struct {
	SubmitCandidateParams
	Tags map[string]any `json:"tags,omitempty"`
}
