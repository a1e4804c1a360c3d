package rest

import (
	"encoding/json"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The raw item of a value is the one encoding/json decoded it from, for
// every way encoding/json matches a key.
func TestListItemFindsWhatEncodingJSONDecoded(t *testing.T) {
	type item struct {
		ID string `json:"id"`
	}
	type page struct {
		Result []item `json:"result"`
	}
	for _, body := range []string{
		`{"result":[{"id":"a"}]}`,
		`{"reSult":[{"id":"a"}]}`,                       // a case-insensitive match
		`{"RESULT":[{"id":"x"}],"result":[{"id":"a"}]}`, // the last match wins
		`{"result":[{"id":"x"}],"Result":[{"id":"a"}]}`,
		`{"reſult":[{"id":"a"}]}`, // ſ folds to s, as encoding/json folds it
		`{"results":[{"id":"x"}],"result":[{"id":"a"}]}`,
	} {
		var p page
		require.NoError(t, json.Unmarshal([]byte(body), &p), body)
		require.Len(t, p.Result, 1, body)
		raw := ListItem(json.RawMessage(body), "result", 0).JSON()
		var back item
		require.NoError(t, json.Unmarshal(raw, &back), body)
		assert.Equal(t, p.Result[0], back, body)
	}
	assert.Nil(t, ListItem(json.RawMessage(`{"result":[]}`), "result", 0).JSON())
	assert.Nil(t, ListItem(json.RawMessage(`[`), "result", 0).JSON())
	assert.JSONEq(t, `{"id":"b"}`, string(ListItem(json.RawMessage(`[{"id":"a"},{"id":"b"}]`), "", 1).JSON()))
}

func TestExtraLeavesOutWhatAFieldTook(t *testing.T) {
	got := Extra(json.RawMessage(`{"id":1,"NAME":"a","new_field":true}`), "id", "name")
	assert.Equal(t, map[string]json.RawMessage{"new_field": json.RawMessage("true")}, got)
	assert.Nil(t, Extra(json.RawMessage(`{"Id":1}`), "id"))
}
