package recording_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestRecordLeavesNoCredentialOrPersonalData records a candidate's
// create and get against the Truto fake: the cassette's bytes hold
// neither the token nor the candidate's email, phone or name, and the
// email is one pseudonym in the request and both answers.
func TestRecordLeavesNoCredentialOrPersonalData(t *testing.T) {
	fake := trutotest.NewServer()
	defer fake.Close()
	acct := fake.AddAccount(trutotest.IntegrationGreenhouse)
	path := filepath.Join(t.TempDir(), "testdata", "candidate.json")
	rec, err := recording.NewRecorder(path, nil, recording.Personal(truto.PersonalData()...))
	require.NoError(t, err)
	c := fake.Client(truto.WithHTTPClient(&http.Client{Transport: rec}))
	ctx := context.Background()

	cand, err := c.ATS.Candidates.Create(ctx, acct, truto.CandidateInput{
		FirstName: "Augusta", LastName: "Lovelace",
		Emails: []truto.Email{{Email: "augusta.lovelace@example.com"}},
		Phones: []truto.Phone{{Number: "+46 70 123 45 67"}},
		// A token where nothing declares one: in a query parameter of
		// the caller's, and in free text.
		JobFormFieldAnswers: []truto.FormFieldAnswer{{Name: "Pasted by mistake: " + trutotest.Token}},
	}, truto.CreateCandidateParams{}, truto.WithQuery("debug", trutotest.Token))
	require.NoError(t, err)
	_, err = c.ATS.Candidates.Get(ctx, acct, cand.ID)
	require.NoError(t, err)
	require.NoError(t, rec.Save())

	b, err := os.ReadFile(path)
	require.NoError(t, err)
	for _, secret := range []string{trutotest.Token, "augusta.lovelace@example.com", "+46 70 123 45 67", "Augusta", "Lovelace", "123 45 67"} {
		assert.NotContains(t, string(b), secret)
	}

	var emails []string
	cas := rec.Cassette()
	require.Len(t, cas.Interactions, 2)
	for _, body := range []json.RawMessage{cas.Interactions[0].Request.JSON, cas.Interactions[0].Response.JSON, cas.Interactions[1].Response.JSON} {
		var v struct{ Emails []truto.Email }
		require.NoError(t, json.Unmarshal(body, &v))
		require.Len(t, v.Emails, 1)
		emails = append(emails, v.Emails[0].Email)
	}
	assert.Equal(t, []string{"email-1@example.invalid", "email-1@example.invalid", "email-1@example.invalid"}, emails)
	assert.Contains(t, string(b), `"Pasted by mistake: [REDACTED]"`)
	assert.Contains(t, cas.Interactions[0].Request.URL, "debug=%5BREDACTED%5D")
	assert.NotContains(t, string(b), "Authorization")
}

// TestRecordScrubs walks what the recorder does to one exchange with a
// server of its own.
func TestRecordScrubs(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Location", srv.URL+"/next?token=sk-live-0123456789&email=ada@example.com")
		w.Header().Set("Set-Cookie", "session=abc")
		w.Header().Set("X-Request-Id", "req-1")
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{
			"webhook": {"url": "https://hooks.example.com/x", "signing_secret": "whsec_0123456789", "token_expires_in": 3600},
			"note": "Ada wrote from ada@example.com: <ok> & thanks",
			"candidate": {"first_name": "Ada", "nickname": "Countess", "mobile": "+46 70 123 45 67", "avg_score": 72.5, "hired": true},
			"next": "`+srv.URL+`/page/2",
			"by_email": {"ada@example.com": {"id": "c-1"}}
		}`)
	}))
	defer srv.Close()
	rec, err := recording.NewRecorder("", nil,
		recording.Personal(struct {
			FirstName string `json:"first_name" personal:"name"`
		}{}),
		recording.PersonalKeys(recording.Phone, "mobile"),
		recording.WithScrub(func(v recording.Value) recording.Kind {
			if v.Path == "candidate.nickname" {
				return recording.Name
			}
			return v.Kind
		}))
	require.NoError(t, err)
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/candidates?api_key=ak-0123456789&q=ada@example.com&page=2#frag", nil)
	require.NoError(t, err)
	req.Header.Set("Authorization", "Bearer tok-0123456789")
	resp, err := (&http.Client{Transport: rec}).Do(req)
	require.NoError(t, err)
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Contains(t, string(body), "whsec_0123456789", "the caller gets the real answer")

	in := rec.Cassette().Interactions[0]
	assert.Equal(t, "http://localhost/candidates?api_key=%5BREDACTED%5D&page=2&q=email-1%40example.invalid", in.Request.URL)
	assert.Empty(t, in.Request.Header, "no Authorization, no User-Agent")
	assert.Equal(t, http.Header{
		"Content-Type": {"application/json"},
		"Location":     {"http://localhost/next?email=email-1%40example.invalid&token=%5BREDACTED%5D"},
	}, in.Response.Header, "no Set-Cookie, nothing off the list")
	assert.JSONEq(t, `{
		"webhook": {"url": "https://hooks.example.com/x", "signing_secret": "[REDACTED]", "token_expires_in": 3600},
		"note": "Ada wrote from email-1@example.invalid: <ok> & thanks",
		"candidate": {"first_name": "Name 1", "nickname": "Name 2", "mobile": "+00 0000 0001", "avg_score": 72.5, "hired": true},
		"next": "http://localhost/page/2",
		"by_email": {"email-1@example.invalid": {"id": "c-1"}}
	}`, string(in.Response.JSON))
	assert.Contains(t, string(in.Response.JSON), "<ok> & thanks", "no HTML escapes")
}

// TestRecordKeepsFilesOnlyWhenAsked: a body that is not JSON is a file
// (a CV, an export): left out unless KeepFiles, then kept byte for byte
// and replayed as it was.
func TestRecordKeepsFilesOnlyWhenAsked(t *testing.T) {
	cv := []byte("%PDF-1.7\nAda Lovelace, ada@example.com\n\x00\xff\xfe")
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		_, _ = w.Write(cv)
	}))
	defer srv.Close()
	get := func(hc *http.Client) []byte {
		resp, err := hc.Get(srv.URL + "/files/cv.pdf")
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		return b
	}

	rec, err := recording.NewRecorder("", nil)
	require.NoError(t, err)
	get(&http.Client{Transport: rec})
	get(&http.Client{Transport: rec})
	cas := rec.Cassette()
	for _, in := range cas.Interactions {
		assert.Equal(t, fmt.Sprintf("[file 1: %d bytes left out]", len(cv)), in.Response.Text, "the same file, the same placeholder")
		assert.Empty(t, in.Response.Base64)
	}

	path := filepath.Join(t.TempDir(), "file.json")
	rec, err = recording.NewRecorder(path, nil, recording.KeepFiles())
	require.NoError(t, err)
	assert.Equal(t, cv, get(&http.Client{Transport: rec}))
	require.NoError(t, rec.Save())
	saved, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Contains(t, string(saved), `"body_base64": "JVBERi0xLjcKQWRh`)

	f := newFailures(t)
	replayed := get(recording.Replay(f, path))
	assert.Equal(t, cv, replayed, "binary bytes round-trip")
	assert.Empty(t, f.end())
}

func TestRecordRefusesBadOptions(t *testing.T) {
	for name, opt := range map[string]recording.Option{
		"an unknown kind in a tag": recording.Personal(struct {
			SSN string `json:"ssn" personal:"ssn"`
		}{}),
		"a tag option that is not key=": recording.Personal(struct {
			Tags map[string]string `json:"tags" personal:"name,keys"`
		}{}),
		"a nil type":      recording.Personal(nil),
		"an unknown kind": recording.PersonalKeys("ssn", "ssn"),
		"Authorization":   recording.WithHeaders("authorization"),
		"Set-Cookie":      recording.WithHeaders("Set-Cookie"),
		"a nil hook":      recording.WithScrub(nil),
		"an empty key":    recording.PersonalKeys(recording.Name, ""),
		"an empty header": recording.WithHeaders(""),
	} {
		t.Run(name, func(t *testing.T) {
			_, err := recording.NewRecorder("x.json", nil, opt)
			assert.Error(t, err)
			assert.True(t, strings.HasPrefix(err.Error(), "recording: "), err.Error())
		})
	}
}

// TestRecordWithHeaders records a header beyond the default list.
func TestRecordWithHeaders(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Request-Id", "req-1")
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	rec, err := recording.NewRecorder("", nil, recording.WithHeaders("x-request-id"))
	require.NoError(t, err)
	resp, err := (&http.Client{Transport: rec}).Get(srv.URL)
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.Header{"X-Request-Id": {"req-1"}}, rec.Cassette().Interactions[0].Response.Header)
}
