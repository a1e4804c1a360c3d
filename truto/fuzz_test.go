package truto

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"net/http"
	"net/url"
	"os"
	"testing"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

func seed(f *testing.F, name string) []byte {
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		f.Fatal(err)
	}
	return b
}

// FuzzListAnswer decodes list answers as the client does: what decodes
// re-encodes to records that decode to the same ids and names, and every
// record finds its raw JSON, which decodes to the same record.
func FuzzListAnswer(f *testing.F) {
	f.Add(seed(f, "list_candidates.json"))
	f.Add([]byte(`{"result":[],"next_cursor":"abc"}`))
	f.Add([]byte(`{"next_cursor":null}`))
	f.Add([]byte(`{"result":[{"id":"1","tags":["a",{"id":"2","name":"b"}],"is_private":true}]}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		a := listAnswer[Candidate]{checkID: true}
		if json.Unmarshal(body, &a) != nil {
			return
		}
		decoded := len(a.Result)
		if a.decoded(body) != nil {
			return
		}
		if len(a.Result)+len(a.invalid) != decoded {
			t.Fatalf("%d records decoded, %d kept and %d set apart", decoded, len(a.Result), len(a.invalid))
		}
		for i := range a.Result {
			raw := a.Result[i].Raw()
			if raw == nil {
				t.Fatalf("record %d has no raw JSON", i)
			}
			var fromRaw Candidate
			if err := json.Unmarshal(raw, &fromRaw); err != nil || fromRaw.ID != a.Result[i].ID || fromRaw.Name != a.Result[i].Name {
				t.Fatalf("record %d (id %q, name %q) is not what its raw JSON %s decodes to (id %q, name %q)",
					i, a.Result[i].ID, a.Result[i].Name, raw, fromRaw.ID, fromRaw.Name)
			}
			if a.Result[i].ID == "" {
				t.Fatalf("record %d has no id, yet is in the page", i)
			}
			_ = a.Result[i].IsPrivate.True()
		}
		for _, bad := range a.invalid {
			var c Candidate
			if json.Unmarshal(bad.Raw, &c) != nil || c.ID != "" {
				t.Fatalf("record %d was set apart, but its raw JSON %s is not a record without an id", bad.Index, bad.Raw)
			}
		}
		again, err := json.Marshal(a.Result)
		if err != nil {
			t.Fatal(err)
		}
		var back []Candidate
		if err := json.Unmarshal(again, &back); err != nil {
			t.Fatalf("%s re-encodes as %s, which does not decode: %v", body, again, err)
		}
		for i := range a.Result {
			if back[i].ID != a.Result[i].ID || back[i].Name != a.Result[i].Name || len(back[i].Tags) != len(a.Result[i].Tags) {
				t.Fatalf("record %d changed on re-encoding", i)
			}
		}
	})
}

// FuzzErrorParse parses error bodies: never a panic, and the details of
// any body are readable.
func FuzzErrorParse(f *testing.F) {
	f.Add(seed(f, "error_remote.json"))
	f.Add(seed(f, "error_plain.json"))
	f.Add([]byte(`{"truto_error_insight":{"missing_scopes":{"value":"one"}}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e := &rest.APIError{Vendor: "truto", Method: "GET", URL: "https://api.truto.one/unified/ats/jobs", StatusCode: 422, Body: body}
		parseError(e)
		e.Matches = classify(e)
		_ = e.Error()
		pub := publicError(e).(*APIError)
		if d := pub.Details(); d.Remote != errors.Is(pub, ErrRemote) {
			t.Fatalf("Details().Remote is %t, but errors.Is(ErrRemote) says otherwise", d.Remote)
		}
	})
}

// FuzzRemoteQuery encodes remote queries read from JSON: never a panic,
// and every encoded key is under remote_query.
func FuzzRemoteQuery(f *testing.F) {
	f.Add([]byte(`{"foo":"bar","a":{"b":"c"},"ids":["1","2"],"n":3,"flag":false}`))
	f.Add([]byte(`{"":"x"}`))
	f.Add([]byte(`{"a":[{"b":[1,2]}]}`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		var q map[string]any
		if json.Unmarshal(doc, &q) != nil {
			return
		}
		v := url.Values{}
		if RemoteQuery(q).EncodeValues("remote_query", &v) != nil {
			return
		}
		for k := range v {
			if len(k) < len("remote_query[") || k[:len("remote_query[")] != "remote_query[" {
				t.Fatalf("key %q escaped remote_query", k)
			}
		}
	})
}

// FuzzWebhookSignature verifies fuzzed signature headers: never a
// panic; a header accepted for a body carries that body's HMAC; and the
// HMAC, in hex or base64 under any header shape the parser takes, is
// accepted.
func FuzzWebhookSignature(f *testing.F) {
	body := seed(f, "webhook_event_documented.json")
	sum := hmacSum("secret", body)
	f.Add("format=sha256,v="+base64.StdEncoding.EncodeToString(sum), body)
	f.Add("format=sha256,v="+hex.EncodeToString(sum), body)
	f.Add("v=", []byte(`{}`))
	f.Add("format=md5,v=abc,v=", []byte(`x`))
	f.Add(",,=,v==", []byte(``))
	f.Fuzz(func(t *testing.T, header string, body []byte) {
		h := http.Header{SignatureHeader: {header}}
		err := VerifyWebhook("secret", h, body)
		if err != nil && !errors.Is(err, ErrSignature) {
			t.Fatalf("an error that is not ErrSignature: %v", err)
		}
		if err == nil {
			sigs, perr := parseSignature(header)
			if perr != nil {
				t.Fatalf("accepted a header the parser refuses: %v", perr)
			}
			ok := false
			for _, s := range sigs {
				ok = ok || hmac.Equal(s, hmacSum("secret", body))
			}
			if !ok {
				t.Fatalf("accepted %q, which does not hold the body's HMAC", header)
			}
		}
		want := hmacSum("secret", body)
		for _, v := range []string{hex.EncodeToString(want), base64.StdEncoding.EncodeToString(want)} {
			if err := VerifyWebhook("secret", http.Header{SignatureHeader: {"format=sha256,v=" + v}}, body); err != nil {
				t.Fatalf("the right signature %s was refused: %v", v, err)
			}
		}
	})
}

func hmacSum(secret string, body []byte) []byte {
	m := hmac.New(sha256.New, []byte(secret))
	m.Write(body)
	return m.Sum(nil)
}

// FuzzEvent decodes fuzzed delivery bodies: never a panic; a parsed event
// has its id, type and time; re-encoded, it parses to the same event;
// and the accessors fail cleanly on any payload.
func FuzzEvent(f *testing.F) {
	f.Add(seed(f, "webhook_event_documented.json"))
	f.Add([]byte(`{"id":"e","event_type":"sync_job_run:completed","created_at":"2024-09-01 10:00:00","payload":{"id":"r"}}`))
	f.Add([]byte(`{"id":"e","event":"record:created","created_at":"2024-09-01T10:00:00Z","payload":null}`))
	f.Add([]byte(`{"id":"e","event":"integrated_account:deleted","created_at":"2024-09-01T10:00:00Z","payload":{"id":7}}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		e, err := ParseEvent(body)
		if err != nil {
			return
		}
		if e.ID == "" || e.Type == "" || e.CreatedAt.IsZero() {
			t.Fatalf("parsed an event without its id, type or time: %+v", e)
		}
		_, _ = e.IntegratedAccount()
		_, _ = e.SyncJobRun()
		_, _ = e.Record()
		again, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		back, err := ParseEvent(again)
		if err != nil {
			t.Fatalf("%s re-encodes as %s, which does not parse: %v", body, again, err)
		}
		if back.ID != e.ID || back.Type != e.Type || !back.CreatedAt.Equal(e.CreatedAt) {
			t.Fatalf("the event changed on re-encoding: %+v, then %+v", e, back)
		}
	})
}
