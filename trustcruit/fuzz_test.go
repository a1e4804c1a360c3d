package trustcruit_test

import (
	"encoding/json"
	"net/url"
	"reflect"
	"testing"

	"github.com/recruitkit/recruitkit-go/trustcruit"
)

// FuzzStats decodes stats answers: whatever decodes re-encodes to a
// document that decodes to the same value.
func FuzzStats(f *testing.F) {
	f.Add(fixture(f, "stats_documented.json"))
	f.Add(fixture(f, "stats_empty.json"))
	f.Add([]byte(`{"question":405,"count":3}`))
	f.Add([]byte(`[{}]`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var s trustcruit.Stats
		if s.UnmarshalJSON(body) != nil {
			return
		}
		if s.NoData {
			return
		}
		again, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		var back trustcruit.Stats
		if err := back.UnmarshalJSON(again); err != nil || !reflect.DeepEqual(s, back) {
			t.Fatalf("%s re-encodes as %s, which decodes to %+v (%v)", body, again, back, err)
		}
		_, _ = s.CNPS() // must not panic, whatever the keys
	})
}

// FuzzTags decodes tags: one value re-encodes as a string, several as a
// list, and both decode back to the same tags.
func FuzzTags(f *testing.F) {
	f.Add([]byte(`{"City":"Little Italy","Department":["HR","Hitman"]}`))
	f.Add([]byte(`{"a":[]}`))
	f.Add([]byte(`null`))
	f.Fuzz(func(t *testing.T, body []byte) {
		var tags trustcruit.Tags
		if tags.UnmarshalJSON(body) != nil {
			return
		}
		again, err := tags.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back trustcruit.Tags
		if err := back.UnmarshalJSON(again); err != nil {
			t.Fatalf("%s re-encodes as %s, which does not decode: %v", body, again, err)
		}
		for k, v := range tags {
			if len(v) == 0 && len(back[k]) == 0 {
				continue
			}
			if !reflect.DeepEqual(v, back[k]) {
				t.Fatalf("tag %q: %q became %q", k, v, back[k])
			}
		}
	})
}

// FuzzParseCallback reads callback queries: an accepted one has a
// positive id and a token, and keeps them out of Extra.
func FuzzParseCallback(f *testing.F) {
	f.Add("sprancher_id=2042&token=abc&state=x")
	f.Add("sprancher_id=0&token=t")
	f.Add("sprancher_id=1&sprancher_id=2&auth=t")
	f.Add("%zz")
	f.Fuzz(func(t *testing.T, query string) {
		cb, err := trustcruit.ParseCallback(&url.URL{Scheme: "https", Host: "x.test", Path: "/cb", RawQuery: query})
		if err != nil {
			return
		}
		if cb.SprancherID <= 0 || cb.Token == "" {
			t.Fatalf("accepted %+v", cb)
		}
		if _, ok := cb.Extra["sprancher_id"]; ok {
			t.Fatal("the id leaked into Extra")
		}
	})
}

// FuzzParseDate reads dates: an accepted one formats back to itself.
func FuzzParseDate(f *testing.F) {
	f.Add("2026-11-23")
	f.Add("2026-02-30")
	f.Add("0001-01-01")
	f.Fuzz(func(t *testing.T, s string) {
		d, err := trustcruit.ParseDate(s)
		if err != nil {
			return
		}
		if !d.IsValid() || d.String() != s {
			t.Fatalf("%q parsed as %v", s, d)
		}
	})
}
