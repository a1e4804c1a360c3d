package recording

import (
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
