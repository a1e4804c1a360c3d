package recording_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
)

// moreJobs is a cassette of one exchange, as a file holds it.
const moreJobs = `{
  "version": 1,
  "interactions": [
    {
      "request": {"method": "GET", "url": "https://api.example.com/v1/jobs?page=1"},
      "response": {"status": 200, "header": {"Content-Type": "application/json"}, "body": {"jobs": ["Go developer"]}}
    }
  ]
}`

// moreT stands in for the *testing.T that a test passes to Record,
// Replay and Client: an Example has none. It reports failures on
// stdout, and end runs the cleanups as a test's end does.
type moreT struct {
	testing.TB // nil: only the methods below are called
	cleanups   []func()
	failed     bool
	dir        string // written DIR in what it prints
}

func (t *moreT) Helper()                   {}
func (t *moreT) Logf(string, ...any)       {}
func (t *moreT) Cleanup(f func())          { t.cleanups = append(t.cleanups, f) }
func (t *moreT) Failed() bool              { return t.failed }
func (t *moreT) Skipped() bool             { return false }
func (t *moreT) Fatalf(f string, a ...any) { t.Errorf(f, a...); panic("test stopped") }
func (t *moreT) Errorf(f string, a ...any) {
	t.failed = true
	msg := fmt.Sprintf(f, a...)
	if t.dir != "" {
		msg = strings.ReplaceAll(msg, t.dir, "DIR")
	}
	fmt.Println("test failed:", moreFirstLine(msg))
}

func (t *moreT) end() {
	for i := len(t.cleanups) - 1; i >= 0; i-- {
		t.cleanups[i]()
	}
}

// moreFirstLine is s up to its first line break.
func moreFirstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// moreDir is a temporary folder for cassettes; remove it when done.
func moreDir() string {
	dir, err := os.MkdirTemp("", "cassettes")
	if err != nil {
		log.Fatal(err)
	}
	return dir
}

// moreCassette saves the cassette moreJobs into dir and returns its path.
func moreCassette(dir string) string {
	c, err := recording.Parse([]byte(moreJobs))
	if err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(dir, "jobs.json")
	if err := c.Save(path); err != nil {
		log.Fatal(err)
	}
	return path
}

// moreReplayer replays the cassette in text.
func moreReplayer(text string, opts ...recording.Option) *recording.Replayer {
	c, err := recording.Parse([]byte(text))
	if err != nil {
		log.Fatal(err)
	}
	r, err := recording.NewReplayer(c, opts...)
	if err != nil {
		log.Fatal(err)
	}
	return r
}

// moreGet gets url with hc and prints the status and body.
func moreGet(hc *http.Client, url string) {
	resp, err := hc.Get(url)
	if err != nil {
		log.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	fmt.Println(resp.StatusCode, moreFirstLine(string(b)))
}

// moreRecord records one POST of body (of type contentType) to a local
// API that echoes it back with a request id, and returns the exchange as
// the cassette holds it.
func moreRecord(contentType, body string, opts ...recording.Option) recording.Interaction {
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", r.Header.Get("Content-Type"))
		w.Header().Set("X-Request-Id", "req-42")
		_, _ = io.Copy(w, r.Body)
	}))
	defer api.Close()
	rec, err := recording.NewRecorder("unsaved.json", nil, opts...)
	if err != nil {
		log.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, api.URL+"/v1/notes", strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("Authorization", "Bearer tok-123456")
	req.Header.Set("X-Api-Key", "key-123456")
	resp, err := (&http.Client{Transport: rec}).Do(req)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	return rec.Cassette().Interactions[0]
}

// compact is a JSON body on one line.
func moreCompact(b json.RawMessage) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return err.Error()
	}
	return buf.String()
}

// moreRecordStats records the Stats calls of questions to a Trustcruit
// fake into a Recorder that would save to path.
func moreRecordStats(path string, questions ...trustcruit.Question) *recording.Recorder {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	rec, err := recording.NewRecorder(path, nil)
	if err != nil {
		log.Fatal(err)
	}
	c := fake.Client(trustcruit.WithHTTPClient(&http.Client{Transport: rec}))
	for _, q := range questions {
		if _, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: q}); err != nil {
			log.Fatal(err)
		}
	}
	return rec
}

// The recorder sits between a client and the API (the fake here): the
// API key and the local port are not recorded.
func ExampleNewRecorder() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer")
	rec, err := recording.NewRecorder("assessment.json", nil, recording.Personal(testgorilla.PersonalData()...))
	if err != nil {
		log.Fatal(err)
	}
	c := fake.Client(testgorilla.WithHTTPClient(&http.Client{Transport: rec}))
	if _, err := c.Assessments.Get(context.Background(), a.ID); err != nil {
		log.Fatal(err)
	}
	in := rec.Cassette().Interactions[0]
	fmt.Println(in.Request.Method, in.Request.URL, in.Response.Status)
	fmt.Println(len(in.Request.Header.Values("Authorization")), strings.Contains(fmt.Sprint(in), testgorillatest.APIKey))
	// Output:
	// GET http://localhost/api/assessments/1001/ 200
	// 0 false
}

// Cassette is a copy of the exchanges so far, to look at before saving.
func ExampleRecorder_Cassette() {
	rec := moreRecordStats("stats.json", trustcruit.QuestionCNPS, 406)
	for _, in := range rec.Cassette().Interactions {
		fmt.Println(in.Request.URL, moreCompact(in.Response.Body.JSON))
	}
	// Output:
	// http://localhost/shinyform/api/answers/stats/?question=405 []
	// http://localhost/shinyform/api/answers/stats/?question=406 []
}

// Save writes what was recorded, creating the cassette's folder.
func ExampleRecorder_Save() {
	dir := moreDir()
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "testdata", "cassettes", "stats.json")

	rec := moreRecordStats(path, trustcruit.QuestionCNPS)
	if err := rec.Save(); err != nil {
		log.Fatal(err)
	}
	saved, err := recording.Load(path)
	fmt.Println(len(saved.Interactions), err)
	// Output: 1 <nil>
}

// Parse reads a cassette and refuses one a replay could not serve.
func ExampleParse() {
	c, err := recording.Parse([]byte(moreJobs))
	if err != nil {
		log.Fatal(err)
	}
	in := c.Interactions[0]
	fmt.Println(in.Request.Method, in.Request.URL, in.Response.Status, moreCompact(in.Response.Body.JSON))

	_, err = recording.Parse([]byte(`{"version": 2, "interactions": []}`))
	fmt.Println(err)
	// Output:
	// GET https://api.example.com/v1/jobs?page=1 200 {"jobs":["Go developer"]}
	// recording: version 2: want 1
}

func ExampleLoad() {
	dir := moreDir()
	defer os.RemoveAll(dir)

	c, err := recording.Load(moreCassette(dir))
	fmt.Println(len(c.Interactions), err)
	_, err = recording.Load(filepath.Join(dir, "missing.json"))
	fmt.Println(errors.Is(err, fs.ErrNotExist))
	// Output:
	// 1 <nil>
	// true
}

// A cassette can be edited by hand, or in code: here its answer becomes
// a 503, to test how the code copes with an outage.
func ExampleCassette_Save() {
	dir := moreDir()
	defer os.RemoveAll(dir)
	c, err := recording.Load(moreCassette(dir))
	if err != nil {
		log.Fatal(err)
	}
	c.Interactions[0].Response = recording.Response{Status: http.StatusServiceUnavailable, Body: recording.Body{Text: "down for maintenance"}}
	outage := filepath.Join(dir, "jobs-outage.json")
	if err := c.Save(outage); err != nil {
		log.Fatal(err)
	}

	saved, err := recording.Load(outage)
	if err != nil {
		log.Fatal(err)
	}
	r, err := recording.NewReplayer(saved)
	if err != nil {
		log.Fatal(err)
	}
	moreGet(r.Client(), "https://api.example.com/v1/jobs?page=1")
	// Output: 503 down for maintenance
}

// A replay needs no server: scheme and host are not compared, so the
// request may go to any host.
func ExampleNewReplayer() {
	c, err := recording.Parse([]byte(moreJobs))
	if err != nil {
		log.Fatal(err)
	}
	r, err := recording.NewReplayer(c)
	if err != nil {
		log.Fatal(err)
	}
	moreGet(r.Client(), "http://localhost:8080/v1/jobs?page=1")
	fmt.Println(r.Check())
	// Output:
	// 200 {"jobs":["Go developer"]}
	// <nil>
}

// The replay's client goes to a vendor package's WithHTTPClient; the
// token may be anything.
func ExampleReplayer_Client() {
	r := moreReplayer(`{"version": 1, "interactions": [{
		"request": {"method": "GET", "url": "https://api.trustcruit.com/shinyform/api/answers/stats/?question=405"},
		"response": {"status": 200, "header": {"Content-Type": "application/json"},
			"body": {"question": 405, "stats": {"10": 3, "2": 1}, "count": 4}}}]}`)
	tc, err := trustcruit.NewClient("replay", trustcruit.WithHTTPClient(r.Client()))
	if err != nil {
		log.Fatal(err)
	}
	st, err := tc.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS})
	if err != nil {
		log.Fatal(err)
	}
	score, _ := st.CNPS()
	v, _ := score.Rounded()
	fmt.Println(st.Count, v)
	// Output: 4 50
}

// Check reports what did not go as recorded: a request no exchange
// matched (it got a 501), and an exchange no request used.
func ExampleReplayer_Check() {
	r := moreReplayer(moreJobs)
	moreGet(r.Client(), "https://api.example.com/v1/jobs?page=2")
	fmt.Println(r.Check())
	// Output:
	// 501 recording: the cassette has no exchange for GET https://api.example.com/v1/jobs?page=2; nearest: exchange 0 (GET https://api.example.com/v1/jobs?page=1): query: page: the cassette has "1", the request sends "2"
	// recording: the cassette has no exchange for GET https://api.example.com/v1/jobs?page=2; nearest: exchange 0 (GET https://api.example.com/v1/jobs?page=1): query: page: the cassette has "1", the request sends "2"
	// recording: the cassette: exchange 0 (GET https://api.example.com/v1/jobs?page=1) was not used
}

// Transport is the httpmock transport underneath, for answers the
// cassette does not hold.
func ExampleReplayer_Transport() {
	r := moreReplayer(moreJobs)
	r.Transport().RegisterResponder(http.MethodGet, "/health", httpmock.NewStringResponder(http.StatusOK, "ok"))
	moreGet(r.Client(), "https://api.example.com/health")
	moreGet(r.Client(), "https://api.example.com/v1/jobs?page=1")
	// Output:
	// 200 ok
	// 200 {"jobs":["Go developer"]}
}

// InOrder lets only the next exchange answer: for an API whose answers
// depend on what came before.
func ExampleInOrder() {
	const ab = `{"version": 1, "interactions": [
		{"request": {"method": "GET", "url": "https://api.example.com/a"}, "response": {"status": 200, "body_text": "a"}},
		{"request": {"method": "GET", "url": "https://api.example.com/b"}, "response": {"status": 200, "body_text": "b"}}]}`
	moreGet(moreReplayer(ab).Client(), "https://api.example.com/b")                      // b before a: answered
	moreGet(moreReplayer(ab, recording.InOrder()).Client(), "https://api.example.com/b") // refused
	// Output:
	// 200 b
	// 501 recording: the cassette has no exchange for GET https://api.example.com/b; next in order: exchange 0 (GET https://api.example.com/a): path: the cassette has "/a", the request sends "/b"
}

// A body that is not JSON is left out unless KeepFiles keeps it.
func ExampleKeepFiles() {
	fmt.Println(moreRecord("text/csv", "name,score\nAda,91\n").Request.Text)
	fmt.Printf("%q\n", moreRecord("text/csv", "name,score\nAda,91\n", recording.KeepFiles()).Request.Text)
	// Output:
	// [file 1: 18 bytes left out]
	// "name,score\nAda,91\n"
}

// Types of your own declare their personal fields with the same tag as
// the vendor packages' types.
func ExamplePersonal() {
	type referee struct {
		Name  string `json:"name" personal:"name"`
		Phone string `json:"phone" personal:"phone"`
	}
	in := moreRecord("application/json", `{"name": "Grace Hopper", "phone": "+1 555 0100", "relation": "manager"}`,
		recording.Personal(referee{}))
	fmt.Println(moreCompact(in.Request.Body.JSON))
	// Output: {"name":"Name 1","phone":"+00 0000 0001","relation":"manager"}
}

// PersonalKeys declares keys of free-form data, wherever they appear.
func ExamplePersonalKeys() {
	in := moreRecord("application/json", `{"contact": {"mobile": "+46 70 123 45 67"}, "city": "Uppsala"}`,
		recording.PersonalKeys(recording.Phone, "mobile"), recording.PersonalKeys(recording.Address, "city"))
	fmt.Println(moreCompact(in.Request.Body.JSON))
	// Output: {"city":"Address 1","contact":{"mobile":"+00 0000 0001"}}
}

// A hook has the last word on each string: here the free text under
// "notes" becomes a pseudonym, and the declared "name" of a stage is kept.
func ExampleWithScrub() {
	hook := func(v recording.Value) recording.Kind {
		switch v.Path {
		case "notes":
			return recording.Text
		case "stage.name":
			return ""
		}
		return v.Kind
	}
	in := moreRecord("application/json", `{"notes": "Strong on Go; asked about remote work", "stage": {"name": "Interview"}, "name": "Ada Lovelace"}`,
		recording.WithScrub(hook))
	fmt.Println(moreCompact(in.Request.Body.JSON))
	// Output: {"name":"Name 1","notes":"Text 1","stage":{"name":"Interview"}}
}

// A credential under a key that does not name one goes too, once named.
func ExampleWithSecrets() {
	in := moreRecord("application/json", `{"target": "https://hooks.example.com/in/whsec-0a1b2c3d", "note": "rotated whsec-0a1b2c3d today"}`,
		recording.WithSecrets("whsec-0a1b2c3d"))
	fmt.Println(moreCompact(in.Request.Body.JSON))
	// Output: {"note":"rotated [REDACTED] today","target":"https://hooks.example.com/in/[REDACTED]"}
}

// More headers can be kept; one that names a credential is kept as
// [REDACTED], and Authorization never.
func ExampleWithHeaders() {
	in := moreRecord("application/json", `{}`, recording.WithHeaders("X-Request-Id", "X-Api-Key"))
	fmt.Println(in.Response.Header.Get("X-Request-Id"), in.Request.Header.Get("X-Api-Key"), len(in.Request.Header.Values("Authorization")))

	_, err := recording.NewRecorder("unsaved.json", nil, recording.WithHeaders("Authorization"))
	fmt.Println(err)
	// Output:
	// req-42 [REDACTED] 0
	// recording: WithHeaders: Authorization is never recorded
}

// Record, inside a test, records the test's exchanges and writes the
// cassette when the test passes; a failed test leaves the file alone.
// (t is the test's *testing.T; moreT plays it here.)
func ExampleRecord() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	dir := moreDir()
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "stats.json")

	for _, fails := range []bool{true, false} {
		t := &moreT{}
		hc := recording.Record(t, path, nil)
		c := fake.Client(trustcruit.WithHTTPClient(hc))
		if _, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS}); err != nil {
			log.Fatal(err)
		}
		if fails {
			t.Errorf("the test's own assertion failed")
		}
		t.end()
		_, err := os.Stat(path)
		fmt.Println("written:", err == nil)
	}
	// Output:
	// test failed: the test's own assertion failed
	// written: false
	// written: true
}

// Replay, inside a test, answers from the cassette, and fails the test on
// a request the cassette does not hold.
// (t is the test's *testing.T; moreT plays it here.)
func ExampleReplay() {
	dir := moreDir()
	defer os.RemoveAll(dir)
	path := moreCassette(dir)

	t := &moreT{dir: dir}
	hc := recording.Replay(t, path)
	moreGet(hc, "https://api.example.com/v1/jobs?page=1")
	resp, err := hc.Get("https://api.example.com/v1/jobs?page=2")
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode)
	t.end()
	// Output:
	// 200 {"jobs":["Go developer"]}
	// test failed: recording: DIR/jobs.json has no exchange for GET https://api.example.com/v1/jobs?page=2: every exchange was used
	// 501
}

// Client, inside a test, records with RECRUITKIT_RECORD=1 and replays
// otherwise: one test for both. Live keeps a run without credentials
// from recording a cassette of 401s.
// (t is the test's *testing.T; moreT plays it here.)
func ExampleClient() {
	dir := moreDir()
	defer os.RemoveAll(dir)
	path := moreCassette(dir)

	t := &moreT{}
	hc := recording.Client(t, path,
		recording.Live(func() bool { return os.Getenv("EXAMPLE_API_TOKEN") != "" }))
	moreGet(hc, "https://api.example.com/v1/jobs?page=1")
	t.end()
	fmt.Println("failed:", t.Failed())
	// Output:
	// 200 {"jobs":["Go developer"]}
	// failed: false
}

// Live reports whether the real API can be reached: with
// RECRUITKIT_RECORD=1 but no credentials, Client replays the cassette.
func ExampleLive() {
	dir := moreDir()
	defer os.RemoveAll(dir)
	path := moreCassette(dir)
	old, had := os.LookupEnv(recording.EnvRecord)
	os.Setenv(recording.EnvRecord, "1") // as `RECRUITKIT_RECORD=1 go test` would
	defer func() {
		if had {
			os.Setenv(recording.EnvRecord, old)
		} else {
			os.Unsetenv(recording.EnvRecord)
		}
	}()

	t := &moreT{}
	hc := recording.Client(t, path, recording.Live(func() bool { return false })) // no token in the environment
	moreGet(hc, "https://api.example.com/v1/jobs?page=1")
	t.end()
	// Output: 200 {"jobs":["Go developer"]}
}
