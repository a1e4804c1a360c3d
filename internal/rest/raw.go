package rest

import (
	"encoding/json"
	"reflect"
	"strings"
	"sync"
)

// RawSource is where a decoded value's raw JSON is: a whole answer, or
// one item of a list inside an answer. The item is found only when asked
// for (JSON), so a page of items costs one decoding pass, not two, and a
// field the vendor adds after this SDK was written is still never lost.
type RawSource struct {
	body  json.RawMessage
	item  bool   // the value is an item of a list in body
	list  string // the key of that list; "" when body is the list
	index int
}

// WholeBody is the source of a value that is the whole answer body.
func WholeBody(body json.RawMessage) RawSource { return RawSource{body: body} }

// ListItem is the source of item index of the list under key in body
// (key "" when body is the list itself). The list is found as
// encoding/json finds a field tagged with key, so the raw item is the
// one the value was decoded from.
func ListItem(body json.RawMessage, key string, index int) RawSource {
	return RawSource{body: body, item: true, list: key, index: index}
}

// JSON returns the value's raw JSON, or nil when it has no source (it
// was not decoded from an answer).
func (s RawSource) JSON() json.RawMessage {
	if !s.item {
		return s.body
	}
	items, ok := rawList(s.body, s.list)
	if !ok || s.index >= len(items) {
		return nil
	}
	return items[s.index]
}

// rawList decodes the list under key in body (body itself for key "")
// as raw items.
func rawList(body json.RawMessage, key string) ([]json.RawMessage, bool) {
	if key == "" {
		var items []json.RawMessage
		return items, json.Unmarshal(body, &items) == nil
	}
	// A struct whose one field has the tag the decoded type's field has:
	// encoding/json then picks the same member (an exact match, else one
	// equal under case folding, the last such member winning) as it did
	// when it decoded the value.
	v := reflect.New(listHolder(key))
	if json.Unmarshal(body, v.Interface()) != nil {
		return nil, false
	}
	return v.Elem().Field(0).Interface().([]json.RawMessage), true
}

// listHolders caches the holder type of each list key.
var listHolders sync.Map // string -> reflect.Type

func listHolder(key string) reflect.Type {
	if t, ok := listHolders.Load(key); ok {
		return t.(reflect.Type)
	}
	t := reflect.StructOf([]reflect.StructField{{
		Name: "List",
		Type: reflect.TypeFor[[]json.RawMessage](),
		Tag:  reflect.StructTag(`json:"` + key + `"`),
	}})
	listHolders.Store(key, t)
	return t
}

// Extra returns the members of the JSON object raw that no name in known
// matches as encoding/json matches a field (exactly, or equal under case
// folding): what the vendor sent that the Go type has no field for.
func Extra(raw json.RawMessage, known ...string) map[string]json.RawMessage {
	var all map[string]json.RawMessage
	if json.Unmarshal(raw, &all) != nil {
		return nil
	}
	for k := range all {
		for _, name := range known {
			if strings.EqualFold(k, name) {
				delete(all, k)
				break
			}
		}
	}
	if len(all) == 0 {
		return nil
	}
	return all
}
