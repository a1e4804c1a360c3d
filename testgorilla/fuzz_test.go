package testgorilla

import (
	"encoding/json"
	"os"
	"reflect"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

func seed(f *testing.F, name string) []byte {
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// FuzzParsePersonality reads big_5 strings: an accepted one formats to a
// string that parses to the same traits.
func FuzzParsePersonality(f *testing.F) {
	f.Add("3-3-1-1-1_30-32-28-19-28")
	f.Add("5-4-3-2-1_40-35-30-25-20")
	f.Add("6-3-1-1-1_30-32-28-19-28")
	f.Add("3-3-1-1_30")
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePersonality(s)
		if err != nil {
			return
		}
		back, err := ParsePersonality(p.String())
		if err != nil || back != p {
			t.Fatalf("%q -> %+v -> %q -> %+v (%v)", s, p, p.String(), back, err)
		}
	})
}

// FuzzCandidaturePage decodes candidature pages as the client does: what
// decodes re-encodes to a page that decodes to the same items, and every
// item finds its raw JSON.
func FuzzCandidaturePage(f *testing.F) {
	f.Add(seed(f, "candidatures_documented.json"))
	f.Add([]byte(`{"count":1,"results":[{"id":1,"average":55.5}]}`))
	f.Add([]byte(`{"count":3}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var page Page[Candidature]
		if json.Unmarshal(body, &page) != nil || page.decoded(body) != nil {
			return
		}
		for i := range page.Results {
			if page.Results[i].Raw() == nil {
				t.Fatalf("item %d has no raw JSON", i)
			}
			_, _ = page.Results[i].Big5()
			_ = page.Results[i].Extra()
		}
		again, err := json.Marshal(page)
		if err != nil {
			t.Fatal(err)
		}
		var back Page[Candidature]
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatal(err)
		}
		for i := range page.Results {
			a, b := page.Results[i], back.Results[i]
			a.src, b.src = rest.RawSource{}, rest.RawSource{}
			if !a.Created.Equal(b.Created) {
				t.Fatalf("created %v became %v", a.Created, b.Created)
			}
			a.Created, b.Created = time.Time{}, time.Time{}
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("item %d: %+v became %+v", i, a, b)
			}
		}
	})
}

// FuzzErrorShapes parses error bodies of both documented shapes: never a
// panic, and an error key always lands in Fields.
func FuzzErrorShapes(f *testing.F) {
	f.Add(seed(f, "error_repeating_invitation.json"))
	f.Add(seed(f, "error_invalid_token.json"))
	f.Add([]byte(`{"email":["Enter a valid email address."],"tags":{"a":["b"]}}`))
	f.Add([]byte(`["x"]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e := &rest.APIError{Vendor: "testgorilla", Method: "POST", URL: "https://app.testgorilla.com/api/x/", StatusCode: 400, Body: body}
		parseError(e)
		_ = classify(e)
		_ = e.Error()
	})
}

// FuzzResultsPage decodes results answers (a page, or a bare list) as the
// client does: every item finds its raw JSON, and every accessor answers
// without a panic, each kind reading as exactly its own accessor says.
func FuzzResultsPage(f *testing.F) {
	f.Add(seed(f, "results_documented.json"))
	f.Add(seed(f, "results_kinds.json"))
	f.Add([]byte(`[{"id":1,"algorithm":"big_5","score_display":"1-2-3-4-5_1.5-2-3-4-5"}]`))
	f.Add([]byte(`{"count":1,"results":null}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var page resultsPage
		if page.DecodeBody(body) != nil {
			return
		}
		for i := range page.page.Results {
			r := &page.page.Results[i]
			if r.Raw() == nil {
				t.Fatalf("item %d has no raw JSON", i)
			}
			_, basic := r.Basic()
			_, custom := r.CustomQuestion()
			_, coding := r.Coding()
			_, fit := r.CultureFit()
			_, err := r.Personality()
			if got := map[ResultKind]bool{KindBasic: basic, KindCustomQuestions: custom, KindCoding: coding, KindCultureFit: fit}; r.Kind() != KindPersonality {
				for k, ok := range got {
					if ok != (k == r.Kind()) {
						t.Fatalf("kind %s: accessor of %s answered %v", r.Kind(), k, ok)
					}
				}
				if err == nil {
					t.Fatalf("kind %s read as a personality", r.Kind())
				}
			}
		}
	})
}

// FuzzAntiCheating decodes candidate answers for one candidature's flags:
// never a panic, and a decoded answer is the candidature asked for.
func FuzzAntiCheating(f *testing.F) {
	f.Add(seed(f, "anticheating_observed.json"), 8000)
	f.Add([]byte(`{"id":8001,"repeated_ip":"True"}`), 8001)
	f.Add([]byte(`{"assessments_detail":[{"id":"8000","is_left_screen":1}]}`), 8000)
	f.Fuzz(func(t *testing.T, body []byte, want int) {
		a := antiCheatingAnswer{want: want}
		if a.DecodeBody(body) != nil {
			return
		}
		if a.flags.CandidatureID != want {
			t.Fatalf("asked for %d, got %d", want, a.flags.CandidatureID)
		}
		if a.flags.Raw() == nil {
			t.Fatal("no raw JSON")
		}
	})
}
