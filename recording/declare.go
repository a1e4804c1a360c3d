package recording

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/truto"
)

// Kind is what a personal value is, and so what replaces it.
type Kind string

// The kinds a `personal` tag, PersonalKeys and a WithScrub hook name,
// with the pseudonym each value becomes (numbered in the order values
// first appear in a cassette, the same value always the same number).
const (
	Email   Kind = "email"   // email-1@example.invalid
	Name    Kind = "name"    // Name 1
	Phone   Kind = "phone"   // +00 0000 0001
	Address Kind = "address" // Address 1
	Text    Kind = "text"    // Text 1: free text, answers, reviews, titles
	URL     Kind = "url"     // https://example.invalid/url-1
	Secret  Kind = "secret"  // [REDACTED], always the same: a credential
)

// Kinds of the package's own making, never declared.
const (
	kindKey  Kind = "idempotency-key"
	kindFile Kind = "file"
)

func (k Kind) valid() bool {
	switch k {
	case Email, Name, Phone, Address, Text, URL, Secret:
		return true
	}
	return false
}

// rule is what a declared key's value becomes: all of it is kind, or,
// with entries, only the entries of that object whose keys are listed
// (lower case).
type rule struct {
	kind    Kind
	entries map[string]bool
}

// merge keeps the wider of two rules for one key: a whole value wins
// over a few entries, and entries add up.
func (r rule) merge(o rule) rule {
	if r.entries == nil || o.entries == nil {
		return rule{kind: r.kind}
	}
	for e := range o.entries {
		r.entries[e] = true
	}
	return r
}

// declarations are the personal keys of a vendor's JSON. The tagged
// keys of the listed types apply wherever the key appears: a JSON object
// does not say what type it is, and a leak costs more than a pseudonym
// too many. The types nested in them are known by the key of the field
// that holds them (an Email under "emails", a Stage under
// "current_stage"): under that key, their tagged keys apply, and their
// untagged keys are kept even when a listed type tags the same key
// elsewhere (a stage's "name" is not a candidate's). Keys are lower
// case: encoding/json matches them without regard to case, and so does
// the scrubber.
type declarations struct {
	anywhere map[string]rule
	scoped   map[[2]string]rule // {container key, key}
	known    map[[2]string]bool // the untagged keys of nested types
}

func (d *declarations) add(container, key string, r rule) {
	key = strings.ToLower(key)
	if container == "" {
		if old, ok := d.anywhere[key]; ok {
			r = old.merge(r)
		}
		d.anywhere[key] = r
		return
	}
	k := [2]string{strings.ToLower(container), key}
	if old, ok := d.scoped[k]; ok {
		r = old.merge(r)
	}
	d.scoped[k] = r
}

// lookup returns the rule of key inside an object held under container.
func (d *declarations) lookup(container, key string) (rule, bool) {
	key = strings.ToLower(key)
	k := [2]string{strings.ToLower(container), key}
	if r, ok := d.scoped[k]; ok {
		return r, true
	}
	if d.known[k] {
		return rule{}, false
	}
	r, ok := d.anywhere[key]
	return r, ok
}

// vendorDeclarations are every vendor package's declarations together,
// the default when no Personal option is given.
func vendorDeclarations() []any {
	var all []any
	all = append(all, testgorilla.PersonalData()...)
	all = append(all, truto.PersonalData()...)
	all = append(all, trustcruit.PersonalData()...)
	return all
}

// declare reads the `personal` tags of types (values or pointers of
// them) and of the types their fields hold.
func declare(types []any) (*declarations, error) {
	d := &declarations{anywhere: map[string]rule{}, scoped: map[[2]string]rule{}, known: map[[2]string]bool{}}
	seen := map[walkKey]bool{}
	for _, v := range types {
		if v == nil {
			return nil, fmt.Errorf("recording: a nil type among the declarations")
		}
		if err := d.collect(reflect.TypeOf(v), "", seen); err != nil {
			return nil, err
		}
	}
	return d, nil
}

type walkKey struct {
	t         reflect.Type
	container string
}

// collect adds the tagged fields of t, a listed type when container is
// "", or one held under the field container.
func (d *declarations) collect(t reflect.Type, container string, seen map[walkKey]bool) error {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct || seen[walkKey{t, container}] {
		return nil
	}
	seen[walkKey{t, container}] = true
	for i := range t.NumField() {
		f := t.Field(i)
		name, inline, ok := jsonName(f)
		if !ok {
			continue
		}
		if inline {
			if err := d.collect(f.Type, container, seen); err != nil {
				return err
			}
			continue
		}
		if tag, tagged := f.Tag.Lookup("personal"); tagged {
			r, err := parseTag(tag)
			if err != nil {
				return fmt.Errorf("recording: %s.%s: %w", t, f.Name, err)
			}
			d.add(container, name, r)
		} else if container != "" {
			d.known[[2]string{strings.ToLower(container), strings.ToLower(name)}] = true
		}
		if err := d.collect(f.Type, name, seen); err != nil {
			return err
		}
	}
	return nil
}

// jsonName is the key encoding/json gives f; inline reports an embedded
// struct whose fields are promoted; ok is false for a field it skips.
func jsonName(f reflect.StructField) (name string, inline, ok bool) {
	tag := f.Tag.Get("json")
	if tag == "-" {
		return "", false, false
	}
	name, _, _ = strings.Cut(tag, ",")
	if f.Anonymous && name == "" {
		t := f.Type
		if t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Kind() == reflect.Struct {
			return "", true, true
		}
	}
	if !f.IsExported() {
		return "", false, false
	}
	if name == "" {
		name = f.Name
	}
	return name, false, true
}

// parseTag reads `personal:"<kind>[,key=<entry>]..."`.
func parseTag(tag string) (rule, error) {
	parts := strings.Split(tag, ",")
	r := rule{kind: Kind(strings.TrimSpace(parts[0]))}
	if !r.kind.valid() {
		return rule{}, fmt.Errorf("personal:%q: unknown kind %q (want email, name, phone, address, text, url or secret)", tag, r.kind)
	}
	for _, p := range parts[1:] {
		entry, ok := strings.CutPrefix(strings.TrimSpace(p), "key=")
		if !ok || entry == "" {
			return rule{}, fmt.Errorf("personal:%q: %q is not key=<entry>", tag, p)
		}
		if r.entries == nil {
			r.entries = map[string]bool{}
		}
		r.entries[strings.ToLower(entry)] = true
	}
	return r, nil
}
