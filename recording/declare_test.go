package recording

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestVendorDeclarations reads each vendor package's declaration as the
// scrubber does: where each key counts as personal, and where not.
func TestVendorDeclarations(t *testing.T) {
	kind := func(d *declarations, container, key string) Kind {
		r, _ := d.lookup(container, key)
		return r.kind
	}

	d, err := declare(truto.PersonalData())
	require.NoError(t, err)
	for _, c := range []struct {
		container, key string
		want           Kind
	}{
		{"", "first_name", Name}, {"result", "last_name", Name}, {"", "name", Name}, {"credited_to", "first_name", Name},
		{"", "locations", Address}, {"", "title", Text}, {"", "remote_data", Text}, {"", "file_url", URL},
		{"emails", "email", Email}, {"phones", "number", Phone}, {"urls", "url", URL}, {"links", "url", URL},
		{"job_form_field_answers", "value", Text}, {"attachments", "file_name", Text},
		// A nested type's untagged key is kept, though a listed type tags it.
		{"current_stage", "name", ""}, {"source", "name", ""}, {"tags", "name", ""}, {"job_form_field_answers", "name", ""},
		// A nested type's tagged key applies under its field only.
		{"missing_required_query_parameters", "value", ""}, {"", "number", ""},
	} {
		assert.Equal(t, c.want, kind(d, c.container, c.key), "truto %s.%s", c.container, c.key)
	}

	d, err = declare(testgorilla.PersonalData())
	require.NoError(t, err)
	for key, want := range map[string]Kind{
		"email": Email, "full_name": Name, "first_name": Name, "last_name": Name, "username": Name,
		"invitation_link": URL, "invitation_uuid": Text, "review": Text, "name": "", "assessment_name": "", "avg_score": "",
	} {
		assert.Equal(t, want, kind(d, "results", key), "testgorilla %s", key)
	}

	d, err = declare(trustcruit.PersonalData())
	require.NoError(t, err)
	r, ok := d.lookup("", "tags")
	require.True(t, ok)
	assert.Equal(t, rule{kind: Name, entries: map[string]bool{"recruiter name": true}}, r)
	assert.Equal(t, Email, kind(d, "", "candidate_email"))

	_, err = declare(vendorDeclarations())
	assert.NoError(t, err, "all three together")
}

func TestSecretKeys(t *testing.T) {
	for _, k := range []string{"token", "api_key", "apiKey", "X-Api-Key", "access_token", "refresh-token", "password", "client_secret", "signing_secret", "auth", "Authorization", "session_id", "key"} {
		assert.True(t, secretKey(k), k)
	}
	for _, k := range []string{"id", "email", "truto_key_by", "keywords", "author", "next_cursor", "idempotency"} {
		assert.False(t, secretKey(k), k)
	}
}

// TestEveryPersonalTypeIsDeclared reads each vendor package's source for
// the struct types that tag a field personal, and fails on any that the
// package's PersonalData neither lists nor reaches through a field: the
// scrubber would not know its keys, and a recording would keep them.
func TestEveryPersonalTypeIsDeclared(t *testing.T) {
	for dir, declared := range map[string][]any{
		"../truto":       truto.PersonalData(),
		"../testgorilla": testgorilla.PersonalData(),
		"../trustcruit":  trustcruit.PersonalData(),
	} {
		reached := map[string]bool{}
		var walk func(reflect.Type)
		walk = func(rt reflect.Type) {
			for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Array || rt.Kind() == reflect.Map {
				rt = rt.Elem()
			}
			if rt.Kind() != reflect.Struct || reached[rt.Name()] {
				return
			}
			reached[rt.Name()] = true
			for i := range rt.NumField() {
				walk(rt.Field(i).Type)
			}
		}
		for _, v := range declared {
			walk(reflect.TypeOf(v))
		}

		tagged := personalStructs(t, dir)
		require.NotEmpty(t, tagged, dir)
		for _, name := range tagged {
			assert.True(t, reached[name], "%s: %s tags a field personal but PersonalData does not reach it", dir, name)
		}
	}
}

// personalStructs names the struct types of the package in dir (tests
// left out) that have a field with a personal tag.
func personalStructs(t *testing.T, dir string) []string {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var names []string
	for _, path := range files {
		if strings.HasSuffix(path, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			spec, ok := n.(*ast.TypeSpec)
			if !ok {
				return true
			}
			st, ok := spec.Type.(*ast.StructType)
			if !ok {
				return true
			}
			for _, field := range st.Fields.List {
				if field.Tag != nil && strings.Contains(field.Tag.Value, `personal:"`) {
					names = append(names, spec.Name.Name)
					break
				}
			}
			return true
		})
	}
	return names
}

// TestNestedKeysKeptOnPurpose lists, for each vendor, where a nested
// type's untagged key keeps a value that a listed type's tag makes
// personal elsewhere. Each must be reviewed: a stage's or a department's
// "name" is not a person's, but an ATS's remote_data under "attachments"
// was, and went into cassettes in clear. (Under a key whose own tag
// covers everything beneath it, such as a job's "recruiters", the
// exception never applies.)
func TestNestedKeysKeptOnPurpose(t *testing.T) {
	want := map[string][]string{
		"truto": {
			"current_stage.name", "departments.name", "form_values.name", "hiring_managers.name",
			"integration.name", "job_form_field_answers.name", "offices.name", "recruiters.name",
			"source.name", "tags.name",
		},
	}
	for vendor, types := range map[string][]any{"truto": truto.PersonalData(), "testgorilla": testgorilla.PersonalData(), "trustcruit": trustcruit.PersonalData()} {
		d, err := declare(types)
		require.NoError(t, err)
		var got []string
		for k := range d.known {
			if _, personal := d.anywhere[k[1]]; personal {
				got = append(got, k[0]+"."+k[1])
			}
		}
		assert.ElementsMatch(t, want[vendor], got, vendor)
	}
}
