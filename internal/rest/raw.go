package rest

import (
	"encoding/json"
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
// (key "" when body is the list itself).
func ListItem(body json.RawMessage, key string, index int) RawSource {
	return RawSource{body: body, item: true, list: key, index: index}
}

// JSON returns the value's raw JSON, or nil when it has no source (it
// was not decoded from an answer).
func (s RawSource) JSON() json.RawMessage {
	if !s.item {
		return s.body
	}
	list := s.body
	if s.list != "" {
		var page map[string]json.RawMessage
		if json.Unmarshal(s.body, &page) != nil {
			return nil
		}
		list = page[s.list]
	}
	var items []json.RawMessage
	if json.Unmarshal(list, &items) != nil || s.index >= len(items) {
		return nil
	}
	return items[s.index]
}

// Extra returns the members of the JSON object raw whose keys are not in
// known: what the vendor sent that the Go type has no field for.
func Extra(raw json.RawMessage, known ...string) map[string]json.RawMessage {
	var all map[string]json.RawMessage
	if json.Unmarshal(raw, &all) != nil {
		return nil
	}
	for _, k := range known {
		delete(all, k)
	}
	if len(all) == 0 {
		return nil
	}
	return all
}
