package rest

import (
	"bytes"
	"encoding/json"
	"fmt"
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
	name  string // for an item of an object (keyed), its member name
	keyed bool
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

// MapItem is the source of member name of the object under key in body,
// found as ListItem finds a list.
func MapItem(body json.RawMessage, key, name string) RawSource {
	return RawSource{body: body, item: true, list: key, name: name, keyed: true}
}

// JSON returns the value's raw JSON, or nil when it has no source (it
// was not decoded from an answer).
func (s RawSource) JSON() json.RawMessage {
	if !s.item {
		return s.body
	}
	if s.keyed {
		v := reflect.New(holder(s.list, reflect.TypeFor[map[string]json.RawMessage]()))
		if json.Unmarshal(s.body, v.Interface()) != nil {
			return nil
		}
		return v.Elem().Field(0).Interface().(map[string]json.RawMessage)[s.name]
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
	v := reflect.New(holder(key, reflect.TypeFor[[]json.RawMessage]()))
	if json.Unmarshal(body, v.Interface()) != nil {
		return nil, false
	}
	return v.Elem().Field(0).Interface().([]json.RawMessage), true
}

// holders caches the holder type of each key and member type.
var holders sync.Map // holderKey -> reflect.Type

type holderKey struct {
	key string
	typ reflect.Type
}

// holder is a struct whose one field, of type typ, has the tag key.
func holder(key string, typ reflect.Type) reflect.Type {
	k := holderKey{key, typ}
	if t, ok := holders.Load(k); ok {
		return t.(reflect.Type)
	}
	t := reflect.StructOf([]reflect.StructField{{
		Name: "Member",
		Type: typ,
		Tag:  reflect.StructTag(`json:"` + key + `"`),
	}})
	holders.Store(k, t)
	return t
}

// UniqueMember refuses a JSON object body in which more than one member
// is named key as encoding/json matches a field tagged key (exactly, or
// equal under Unicode case folding, escapes decoded). encoding/json
// decodes every such member into the same field, the later ones over the
// earlier ones (a list's items merged field by field), so a value decoded
// from such a body has no one raw JSON that it came from.
//
// The common body is checked with byte searches alone; only one that
// could hide a second member (an escape, a non-ASCII byte that folds to
// ASCII, or the name written twice) is walked member by member.
func UniqueMember(body json.RawMessage, key string) error {
	if !mayRepeat(body, key) {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return nil // not an object: the caller's decoding said what is wrong
	}
	seen := 0
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil
		}
		if name, _ := t.(string); strings.EqualFold(name, key) {
			if seen++; seen > 1 {
				return fmt.Errorf("the answer has more than one member %q", key)
			}
		}
		var skip json.RawMessage
		if dec.Decode(&skip) != nil {
			return nil
		}
	}
	return nil
}

// mayRepeat reports whether body could hold more than one member named
// key: it writes the name (under ASCII case folding) more than once, or
// holds what a byte search cannot see through: a \u escape, or a
// non-ASCII letter that folds to a letter of key (U+017F ſ to s, U+212A
// K to k).
func mayRepeat(body []byte, key string) bool {
	if bytes.Contains(body, []byte(`\u`)) ||
		strings.ContainsAny(key, "sS") && bytes.Contains(body, []byte("\u017f")) ||
		strings.ContainsAny(key, "kK") && bytes.Contains(body, []byte("\u212a")) {
		return true
	}
	n := 0
	for rest := body; ; {
		i := bytes.IndexByte(rest, '"')
		if i < 0 || i+len(key)+1 >= len(rest) {
			return false
		}
		if rest[i+len(key)+1] == '"' && bytes.EqualFold(rest[i+1:i+1+len(key)], []byte(key)) {
			if n++; n > 1 {
				return true
			}
		}
		rest = rest[i+1:]
	}
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
