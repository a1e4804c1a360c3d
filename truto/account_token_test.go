package truto_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// POST /integrated-account/token, as Truto's reference shows it: the
// account's id in the body, the token under integrated_account_token.
func TestAccountTokenWireFormat(t *testing.T) {
	const tok = "1ba1f401-7183-47c5-9e39-e8e257e3c795"
	c, m := newMocked(t)
	m.on(http.MethodPost, "/integrated-account/token", answer(200, []byte(`{"integrated_account_token":"`+tok+`"}`)))
	at, err := c.IntegratedAccounts.CreateToken(context.Background(), "acct-1")
	require.NoError(t, err)
	assert.Equal(t, tok, at.Token)
	x := m.requests()[0]
	assert.Equal(t, http.MethodPost, x.method)
	assert.Equal(t, base+"/integrated-account/token", x.url)
	assert.JSONEq(t, `{"integrated_account_id":"acct-1"}`, x.body)
	assert.Equal(t, "Bearer "+token, x.header.Get("Authorization"))
	assert.Empty(t, x.header.Get("Idempotency-Key"), "Truto documents no key for admin writes")
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		assert.NotContains(t, fmt.Sprintf(verb, at), tok, verb)
		assert.NotContains(t, fmt.Sprintf(verb, *at), tok, verb)
	}
}

func TestAccountTokenIsNotSentTwiceAndHidesItsAnswer(t *testing.T) {
	c, m := newMocked(t)
	m.on(http.MethodPost, "/integrated-account/token", answer(502, []byte(`{"statusCode":502,"error":"Bad Gateway"}`)))
	_, err := c.IntegratedAccounts.CreateToken(context.Background(), "acct-1")
	require.ErrorIs(t, err, truto.ErrOutcomeUnknown)
	assert.Len(t, m.requests(), 1, "a write without an idempotency key is sent once")

	const secret = "6e17561c-a20c-44ce-b8b5-caff0bf786fe"
	m.on(http.MethodPost, "/integrated-account/token", answer(200, []byte(`{"token":"`+secret+`"}`)))
	_, err = c.IntegratedAccounts.CreateToken(context.Background(), "acct-1")
	require.ErrorIs(t, err, truto.ErrWriteAccepted)
	assert.NotContains(t, fmt.Sprintf("%+v", err), secret, "the answer holds a credential")

	var ve *truto.ValidationError
	_, err = c.IntegratedAccounts.CreateToken(context.Background(), " ")
	require.ErrorAs(t, err, &ve)
	_, err = c.IntegratedAccounts.CreateToken(context.Background(), "acct-1", truto.WithIdempotencyKey("k"))
	require.ErrorAs(t, err, &ve)
	assert.Len(t, m.requests(), 2, "bad input sends nothing")
}

// On the fake, an account token reaches its own account's unified API,
// not another account's and not the admin API, and stops at
// AccountTokenTTL.
func TestAccountTokenScopesAClientToOneAccount(t *testing.T) {
	s, acct := newFake(t)
	other := s.AddAccount(trutotest.IntegrationLever)
	s.AddRecord(acct, "ats", "candidates", trutotest.Record{"id": "c-1", "first_name": "Ada"})
	now := time.Date(2026, 12, 4, 9, 0, 0, 0, time.UTC)
	s.SetClock(func() time.Time { return now })
	ctx := context.Background()

	at, err := s.Client().IntegratedAccounts.CreateToken(ctx, acct)
	require.NoError(t, err)
	scoped, err := truto.NewClient(at.Token, truto.WithBaseURL(s.URL()))
	require.NoError(t, err)

	page, err := scoped.ATS.Candidates.List(ctx, acct, truto.ListParams{})
	require.NoError(t, err)
	require.Len(t, page.Result, 1)
	assert.Equal(t, "Ada", page.Result[0].FirstName)

	_, err = scoped.ATS.Candidates.List(ctx, other, truto.ListParams{})
	assert.ErrorIs(t, err, truto.ErrUnauthorized, "another account")
	_, err = scoped.IntegratedAccounts.Get(ctx, acct)
	assert.ErrorIs(t, err, truto.ErrUnauthorized, "the admin API")

	now = now.Add(trutotest.AccountTokenTTL)
	_, err = scoped.ATS.Candidates.List(ctx, acct, truto.ListParams{})
	assert.ErrorIs(t, err, truto.ErrUnauthorized, "expired")

	_, err = s.Client().IntegratedAccounts.CreateToken(ctx, "no-such-account")
	assert.ErrorIs(t, err, truto.ErrNotFound)
}

// CreateToken hands code that serves one customer a credential for that
// customer's account only, which expires in 15 minutes, instead of the
// API token.
func ExampleIntegratedAccountsService_CreateToken() {
	fake := trutotest.NewServer()
	defer fake.Close()
	acme := fake.AddAccount(trutotest.IntegrationGreenhouse)
	fake.AddRecord(acme, "ats", "jobs", trutotest.Record{"id": "job-1", "name": "Go developer"})
	ctx := context.Background()

	tok, err := fake.Client().IntegratedAccounts.CreateToken(ctx, acme)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok) // printing never shows the token

	scoped, err := truto.NewClient(tok.Token, truto.WithBaseURL(fake.URL()))
	if err != nil {
		log.Fatal(err)
	}
	page, err := scoped.ATS.Jobs.List(ctx, acme, truto.ListParams{})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(page.Result[0].Name)
	_, err = scoped.IntegratedAccounts.List(ctx, truto.ListIntegratedAccountsParams{})
	fmt.Println(errors.Is(err, truto.ErrUnauthorized))
	// Output:
	// truto.AccountToken{<redacted>}
	// Go developer
	// true
}
