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

// A body that names its list twice, however encoding/json would match
// the second name, is refused; one that names it once is not, whatever
// else it holds.
func TestUniqueMemberRefusesAListNamedTwice(t *testing.T) {
	for _, body := range []string{
		`{"result":[{"id":"1"}],"result":[{}]}`,
		`{"result":[{"id":"1","name":"A"}],"Result":[{"id":"2"}]}`,
		`{"result":[],"res\u0075lt":[]}`, // an escape spells the name
		`{"result":[],"reſult":[]}`,      // ſ folds to s
		`{"RESULT":1, "next_cursor":null, "result":[]}`,
	} {
		assert.Error(t, UniqueMember(json.RawMessage(body), "result"), body)
	}
	for _, body := range []string{
		`{"result":[{"id":"1"}]}`,
		`{"result":[{"id":"1","result":"nested, not a member of the answer"}],"note":"result"}`,
		`{"results":[],"result":[]}`,
		`{"result":[{"name":"Jos\u00e9"}],"next_cursor":"result"}`, // an escape, then the slow walk
		`[{"result":1},{"result":2}]`,                              // not an object: decoding says what is wrong
		`{"result":`,
	} {
		assert.NoError(t, UniqueMember(json.RawMessage(body), "result"), body)
	}
}

func TestMapItemFindsWhatEncodingJSONDecoded(t *testing.T) {
	body := json.RawMessage(`{"Result":{"a":{"id":"1"},"b":{"id":"2"}}}`)
	assert.JSONEq(t, `{"id":"2"}`, string(MapItem(body, "result", "b").JSON()))
	assert.Nil(t, MapItem(body, "result", "c").JSON())
	assert.Nil(t, MapItem(json.RawMessage(`{`), "result", "a").JSON())
}
