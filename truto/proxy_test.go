package truto_test

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestProxyWireFormat(t *testing.T) {
	c, m := newMocked(t)
	ctx := context.Background()
	m.on(http.MethodGet, "/proxy/Contact", answer(200, []byte(`{"result":[{"Id":"003"}],"next_cursor":"n2","prev_cursor":null,"result_count":1,"is_partial_response":false}`)))
	m.on(http.MethodGet, "/proxy/Contact/003", answer(200, []byte(`{"Id":"003","LastName":"Hopper"}`)))
	m.on(http.MethodPost, "/proxy/Contact", answer(201, []byte(`{"id":"003","success":true}`)))
	m.on(http.MethodPatch, "/proxy/Contact/003", answer(200, []byte(`{"Id":"003"}`)))
	m.on(http.MethodDelete, "/proxy/Contact/003", answer(200, []byte(`{"id":"003"}`)))
	m.on(http.MethodPost, "/proxy/Contact/merge", answer(200, []byte(`{"result":{"merged":true}}`)))

	contacts := truto.Proxy[map[string]any](c, "Contact")
	page, err := contacts.List(ctx, account, truto.ListParams{Limit: 10, Filter: url.Values{"q": {"Hopper"}}})
	require.NoError(t, err)
	assert.Equal(t, "003", page.Result[0]["Id"])
	assert.Equal(t, "n2", page.NextCursor)
	got, err := contacts.Get(ctx, account, "003")
	require.NoError(t, err)
	assert.Equal(t, "Hopper", (*got)["LastName"], "the integration's body as it is")
	_, err = contacts.Create(ctx, account, map[string]string{"LastName": "Hopper"}, nil)
	require.NoError(t, err)
	_, err = contacts.Update(ctx, account, "003", map[string]string{"Title": "Admiral"})
	require.NoError(t, err)
	require.NoError(t, contacts.Delete(ctx, account, "003"))
	merged, err := contacts.Method(ctx, account, "merge", map[string]any{"ids": []string{"003", "004"}})
	require.NoError(t, err)
	assert.Equal(t, true, (*merged)["merged"])

	reqs := m.requests()
	require.Len(t, reqs, 6)
	assert.Equal(t, base+"/proxy/Contact?integrated_account_id="+account+"&limit=10&q=Hopper", reqs[0].url)
	assert.Equal(t, base+"/proxy/Contact/003?integrated_account_id="+account, reqs[1].url)
	for _, w := range reqs[2:] {
		assert.NotEmpty(t, w.header.Get("Idempotency-Key"), "%s carries a key as unified writes do", w.method)
	}
	assert.JSONEq(t, `{"ids":["003","004"]}`, reqs[5].body)

	_, err = truto.Proxy[map[string]any](c, "").List(ctx, account, truto.ListParams{})
	require.ErrorIs(t, err, truto.ErrInvalidParams, "an empty resource sends nothing")
	_, err = contacts.List(ctx, "", truto.ListParams{})
	require.ErrorIs(t, err, truto.ErrInvalidParams)
	assert.Len(t, m.requests(), 6)
}

func TestProxyOnTheFake(t *testing.T) {
	s, acct := newFake(t)
	c := s.Client()
	ctx := context.Background()
	for _, name := range []string{"Ada", "Grace", "Linus"} {
		s.AddRecord(acct, "proxy", "people", trutotest.Record{"name": name})
	}
	s.HandleProxyMethod("people", "archive", func(accountID string, body trutotest.Record) (any, error) {
		if body["id"] == nil {
			return nil, errors.New("id is required")
		}
		return trutotest.Record{"archived": body["id"], "account": accountID == acct}, nil
	})
	type person struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	people := truto.Proxy[person](c, "people")
	var names []string
	for p, err := range people.All(ctx, acct, truto.ListParams{Limit: 2}) {
		require.NoError(t, err)
		names = append(names, p.Name)
	}
	assert.Equal(t, []string{"Ada", "Grace", "Linus"}, names)
	created, err := people.Create(ctx, acct, map[string]string{"name": "Barbara"}, nil)
	require.NoError(t, err)
	got, err := people.Get(ctx, acct, created.ID)
	require.NoError(t, err)
	assert.Equal(t, "Barbara", got.Name)

	result, err := truto.Proxy[map[string]any](c, "people").Method(ctx, acct, "archive", map[string]string{"id": created.ID})
	require.NoError(t, err)
	assert.Equal(t, true, (*result)["account"])
	_, err = truto.Proxy[map[string]any](c, "people").Method(ctx, acct, "archive", nil)
	assert.ErrorIs(t, err, truto.ErrRemote)

	caps, err := c.IntegratedAccounts.Capabilities(ctx, acct, truto.CapabilitiesParams{Type: "proxy"})
	require.NoError(t, err)
	require.Len(t, caps.Proxy, 1)
	assert.Equal(t, "people", caps.Proxy[0].Resource)
	assert.Empty(t, caps.Unified)
}
