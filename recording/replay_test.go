package recording_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// createAndGet is a cassette of a Truto candidate's create and get.
const createAndGet = `{
  "version": 1,
  "interactions": [
    {
      "request": {
        "method": "POST",
        "url": "https://api.truto.one/unified/ats/candidates?integrated_account_id=acc-1",
        "header": {"Content-Type": "application/json", "Idempotency-Key": "idempotency-key-1"},
        "body": {"emails": [{"email": "email-1@example.invalid"}], "first_name": "Name 1"}
      },
      "response": {
        "status": 201,
        "header": {"Content-Type": "application/json"},
        "body": {"id": "c-1", "emails": [{"email": "email-1@example.invalid"}], "first_name": "Name 1", "name": "Name 2"}
      }
    },
    {
      "request": {"method": "GET", "url": "https://api.truto.one/unified/ats/candidates/c-1?integrated_account_id=acc-1"},
      "response": {
        "status": 200,
        "header": {"Content-Type": "application/json"},
        "body": {"id": "c-1", "emails": [{"email": "email-1@example.invalid"}], "first_name": "Name 1", "name": "Name 2"}
      }
    }
  ]
}`

func trutoOn(t *testing.T, hc *http.Client) *truto.Client {
	t.Helper()
	c, err := truto.NewClient("any token", truto.WithHTTPClient(hc), truto.WithRetry(2, time.Millisecond, 10*time.Millisecond))
	require.NoError(t, err)
	return c
}

var ada = truto.CandidateInput{FirstName: "Ada", Emails: []truto.Email{{Email: "ada@example.com"}}}

// TestReplayAnswersWithTheValuesSent: where the cassette has a
// pseudonym, the answer has the value the test sent in its place, in
// later answers too; a pseudonym the test never sent stays.
func TestReplayAnswersWithTheValuesSent(t *testing.T) {
	f := newFailures(t)
	c := trutoOn(t, recording.Replay(f, writeCassette(t, createAndGet)))
	ctx := context.Background()
	created, err := c.ATS.Candidates.Create(ctx, "acc-1", ada, truto.CreateCandidateParams{})
	require.NoError(t, err)
	got, err := c.ATS.Candidates.Get(ctx, "acc-1", created.ID)
	require.NoError(t, err)
	for _, cand := range []*truto.Candidate{created, got} {
		assert.Equal(t, []any{"c-1", "Ada", "ada@example.com", "Name 2"}, []any{cand.ID, cand.FirstName, cand.Emails[0].Email, cand.Name})
	}
	assert.Empty(t, f.end())
}

func TestReplayFailsOnAnUnmatchedRequest(t *testing.T) {
	f := newFailures(t)
	c := trutoOn(t, recording.Replay(f, writeCassette(t, createAndGet)))
	ctx := context.Background()
	_, err := c.ATS.Candidates.Create(ctx, "acc-1", ada, truto.CreateCandidateParams{})
	require.NoError(t, err)

	_, err = c.ATS.Candidates.Get(ctx, "acc-1", "c-2")
	var apiErr *truto.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusNotImplemented, apiErr.StatusCode)
	assert.Equal(t, 1, apiErr.Attempts, "not retried")
	errs := f.end()
	require.Len(t, errs, 1, "the failure, and no second one for the exchange it left unused")
	assert.Contains(t, errs[0], "has no exchange for GET https://api.truto.one/unified/ats/candidates/c-2?integrated_account_id=acc-1")
	assert.Contains(t, errs[0], `nearest: exchange 1 (GET https://api.truto.one/unified/ats/candidates/c-1?integrated_account_id=acc-1): path: the cassette has "/unified/ats/candidates/c-1", the request sends "/unified/ats/candidates/c-2"`)
}

func TestReplayFailsOnAnUnusedExchange(t *testing.T) {
	f := newFailures(t)
	c := trutoOn(t, recording.Replay(f, writeCassette(t, createAndGet)))
	_, err := c.ATS.Candidates.Create(context.Background(), "acc-1", ada, truto.CreateCandidateParams{})
	require.NoError(t, err)
	errs := f.end()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], "exchange 1 (GET https://api.truto.one/unified/ats/candidates/c-1?integrated_account_id=acc-1) was not used")
}

// TestReplayMatchesTheBody: a write matches by its JSON body, compared
// by value (key order aside), with pseudonyms standing for anything.
func TestReplayMatchesTheBody(t *testing.T) {
	f := newFailures(t)
	c := trutoOn(t, recording.Replay(f, writeCassette(t, createAndGet)))
	_, err := c.ATS.Candidates.Create(context.Background(), "acc-1", truto.CandidateInput{FirstName: "Ada", LastName: "Lovelace"}, truto.CreateCandidateParams{})
	require.Error(t, err)
	errs := f.end()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], "nearest: exchange 0")
	assert.Contains(t, errs[0], "body.emails is missing")
}

// twoCreates is two creates of the same person, then of two people.
const twoCreates = `{
  "version": 1,
  "interactions": [
    {"request": {"method": "POST", "url": "https://api.truto.one/unified/ats/candidates?integrated_account_id=acc-1", "body": {"first_name": "Name 1"}},
     "response": {"status": 201, "body": {"id": "c-1", "first_name": "Name 1"}}},
    {"request": {"method": "POST", "url": "https://api.truto.one/unified/ats/candidates?integrated_account_id=acc-1", "body": {"first_name": "Name 1"}},
     "response": {"status": 201, "body": {"id": "c-1", "first_name": "Name 1"}}},
    {"request": {"method": "POST", "url": "https://api.truto.one/unified/ats/candidates?integrated_account_id=acc-1", "body": {"first_name": "Name 2"}},
     "response": {"status": 201, "body": {"id": "c-2", "first_name": "Name 2"}}}
  ]
}`

// TestReplayHoldsAPseudonymToOneValue: the test must send one value
// where the recording had one, and different values where it had
// different ones.
func TestReplayHoldsAPseudonymToOneValue(t *testing.T) {
	create := func(c *truto.Client, name string) error {
		_, err := c.ATS.Candidates.Create(context.Background(), "acc-1", truto.CandidateInput{FirstName: name}, truto.CreateCandidateParams{})
		return err
	}

	f := newFailures(t)
	c := trutoOn(t, recording.Replay(f, writeCassette(t, twoCreates)))
	require.NoError(t, create(c, "Ada"))
	require.NoError(t, create(c, "Ada"))
	require.NoError(t, create(c, "Grace"))
	assert.Empty(t, f.end())

	// In order, the second exchange is the same person again.
	f = newFailures(t)
	c = trutoOn(t, recording.Replay(f, writeCassette(t, twoCreates), recording.InOrder()))
	require.NoError(t, create(c, "Ada"))
	assert.Error(t, create(c, "Grace"))
	errs := f.end()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], `body.first_name: "Name 1" stands for "Ada" in this replay, the request sends "Grace"`)

	f = newFailures(t)
	c = trutoOn(t, recording.Replay(f, writeCassette(t, twoCreates)))
	require.NoError(t, create(c, "Ada"))
	require.NoError(t, create(c, "Ada"))
	assert.Error(t, create(c, "Ada"))
	errs = f.end()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], `the request sends "Ada" for "Name 2", but it stands for "Name 1" in this replay`)
}

func TestReplayInOrder(t *testing.T) {
	ctx := context.Background()
	getFirst := func(f *failures, opts ...recording.Option) error {
		c := trutoOn(t, recording.Replay(f, writeCassette(t, createAndGet), opts...))
		if _, err := c.ATS.Candidates.Get(ctx, "acc-1", "c-1"); err != nil {
			return err
		}
		_, err := c.ATS.Candidates.Create(ctx, "acc-1", ada, truto.CreateCandidateParams{})
		return err
	}

	f := newFailures(t)
	assert.NoError(t, getFirst(f), "by default the order does not matter")
	assert.Empty(t, f.end())

	f = newFailures(t)
	assert.Error(t, getFirst(f, recording.InOrder()))
	errs := f.end()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], "next in order: exchange 0 (POST")
}

// retried is a Truto create answered 500, then 201, under one key.
const retried = `{
  "version": 1,
  "interactions": [
    {"request": {"method": "POST", "url": "https://api.truto.one/unified/ats/candidates?integrated_account_id=acc-1",
                 "header": {"Idempotency-Key": "idempotency-key-1"}, "body": {"first_name": "Name 1"}},
     "response": {"status": 500, "body": {"statusCode": 500, "error": "Internal Server Error", "message": "boom"}}},
    {"request": {"method": "POST", "url": "https://api.truto.one/unified/ats/candidates?integrated_account_id=acc-1",
                 "header": {"Idempotency-Key": "idempotency-key-1"}, "body": {"first_name": "Name 1"}},
     "response": {"status": 201, "body": {"id": "c-1", "first_name": "Name 1"}}}
  ]
}`

// TestReplayHoldsTheIdempotencyKey: a write whose recording carried an
// Idempotency-Key must carry one, the same on each attempt the recording
// made with the same key.
func TestReplayHoldsTheIdempotencyKey(t *testing.T) {
	f := newFailures(t)
	c := trutoOn(t, recording.Replay(f, writeCassette(t, retried)))
	var resp truto.Response
	_, err := c.ATS.Candidates.Create(context.Background(), "acc-1", truto.CandidateInput{FirstName: "Ada"}, truto.CreateCandidateParams{},
		truto.WithIdempotencyKey("order-42"), truto.WithResponseInto(&resp))
	require.NoError(t, err)
	assert.Equal(t, 2, resp.Attempts)
	assert.Empty(t, f.end())

	f = newFailures(t)
	hc := recording.Replay(f, writeCassette(t, retried))
	post := func(key string) int {
		req, err := http.NewRequest(http.MethodPost, "https://api.truto.one/unified/ats/candidates?integrated_account_id=acc-1", strings.NewReader(`{"first_name":"Ada"}`))
		require.NoError(t, err)
		if key != "" {
			req.Header.Set("Idempotency-Key", key)
		}
		resp, err := hc.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	assert.Equal(t, 501, post(""))
	assert.Equal(t, 500, post("key-a"))
	assert.Equal(t, 501, post("key-b"), "a second attempt under another key")
	errs := f.end()
	require.Len(t, errs, 2)
	assert.Contains(t, errs[0], "header: no Idempotency-Key, the cassette has one")
	assert.Contains(t, errs[1], `header: Idempotency-Key: "idempotency-key-1" stands for "key-a" in this replay, the request sends "key-b"`)
}

// TestReplayRedacted: [REDACTED] in a cassette's request stands for any
// value, which the answer does not get back.
func TestReplayRedacted(t *testing.T) {
	f := newFailures(t)
	hc := recording.Replay(f, writeCassette(t, `{"version": 1, "interactions": [
	  {"request": {"method": "POST", "url": "https://app.testgorilla.com/api/profiles/login/?next=%5BREDACTED%5D", "body": {"username": "Name 1", "password": "[REDACTED]"}},
	   "response": {"status": 200, "body": {"token": "[REDACTED]", "user": "Name 1"}}}]}`))
	resp, err := hc.Post("https://app.testgorilla.com/api/profiles/login/?next=secret-path", "application/json", strings.NewReader(`{"username": "ada", "password": "s3cret"}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	var body map[string]string
	require.NoError(t, decode(resp, &body))
	assert.Equal(t, map[string]string{"token": "[REDACTED]", "user": "ada"}, body)
	assert.Empty(t, f.end())
}

func TestReplayRefusesABrokenCassette(t *testing.T) {
	f := newFailures(t)
	path := writeCassette(t, `{"version": 2, "interactions": []}`)
	assert.PanicsWithValue(t, "Fatalf: recording: "+path+": version 2: want 1 (record it with RECRUITKIT_RECORD=1)", func() { recording.Replay(f, path) })
}

// TestReplayPutsValuesBackInKeys: an answer keyed by a pseudonym (Truto's
// truto_key_by=email) is keyed by the value the test sent.
func TestReplayPutsValuesBackInKeys(t *testing.T) {
	f := newFailures(t)
	hc := recording.Replay(f, writeCassette(t, `{"version": 1, "interactions": [
	  {"request": {"method": "POST", "url": "https://api.example.com/search", "body": {"emails": ["email-1@example.invalid", "email-2@example.invalid"]}},
	   "response": {"status": 200, "body": {"by_email": {"email-1@example.invalid": {"id": "c-1"}, "email-2@example.invalid": {"id": "c-2"}}}}}]}`))
	resp, err := hc.Post("https://api.example.com/search", "application/json", strings.NewReader(`{"emails": ["ada@example.com", "grace@example.com"]}`))
	require.NoError(t, err)
	defer resp.Body.Close()
	assert.Equal(t, "200 OK", resp.Status)
	var body struct {
		ByEmail map[string]struct{ ID string } `json:"by_email"`
	}
	require.NoError(t, decode(resp, &body))
	assert.Equal(t, "c-1", body.ByEmail["ada@example.com"].ID)
	assert.Equal(t, "c-2", body.ByEmail["grace@example.com"].ID)
	assert.Empty(t, f.end())
}

// TestReplayFileStandsForAnyBody: a request body left out as a file
// matches any body; no body does not.
func TestReplayFileStandsForAnyBody(t *testing.T) {
	upload := `{"version": 1, "interactions": [
	  {"request": {"method": "PUT", "url": "https://api.example.com/cv", "body_text": "[file 1: 9 bytes left out]"}, "response": {"status": 204}}]}`
	put := func(hc *http.Client, body string) int {
		req, err := http.NewRequest(http.MethodPut, "https://api.example.com/cv", strings.NewReader(body))
		require.NoError(t, err)
		resp, err := hc.Do(req)
		require.NoError(t, err)
		resp.Body.Close()
		return resp.StatusCode
	}
	f := newFailures(t)
	assert.Equal(t, 204, put(recording.Replay(f, writeCassette(t, upload)), "%PDF-1.7 another file"))
	assert.Empty(t, f.end())

	f = newFailures(t)
	assert.Equal(t, 501, put(recording.Replay(f, writeCassette(t, upload)), ""))
	errs := f.end()
	require.Len(t, errs, 1)
	assert.Contains(t, errs[0], "body: the cassette has a file, the request sends none")
}
