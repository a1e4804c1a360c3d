package rest

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestParseDRF(t *testing.T) {
	for _, tc := range []struct {
		body    string
		message string
		fields  []FieldError
	}{
		{`{"detail":"Invalid token."}`, "Invalid token.", nil},
		{`{"detail":"Throttled.","code":"throttled"}`, "Throttled.", nil},
		{`{"non_field_errors":["Unable to log in.","Try again."]}`, "Unable to log in.; Try again.", nil},
		{`{"email":["Enter a valid email address."],"candidate_level":["This field is required."]}`, "", []FieldError{
			{Field: "candidate_level", Message: "This field is required."},
			{Field: "email", Message: "Enter a valid email address."},
		}},
		{`{"tags":{"City":["Not a valid string."]}}`, "", []FieldError{{Field: "tags.City", Message: "Not a valid string."}}},
		{`{"date":"Date has wrong format."}`, "", []FieldError{{Field: "date", Message: "Date has wrong format."}}},
		{`["Something went wrong."]`, "Something went wrong.", nil},
		{`<html>502</html>`, "", nil},
		{`42`, "", nil},
	} {
		e := &APIError{Body: []byte(tc.body)}
		ParseDRF(e)
		assert.Equal(t, tc.message, e.Message, tc.body)
		assert.Equal(t, tc.fields, e.Fields, tc.body)
	}
}
