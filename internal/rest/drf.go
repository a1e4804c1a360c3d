package rest

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
)

// ParseDRF reads the error shapes of Django REST framework, which both
// Trustcruit and TestGorilla run on:
//
//	{"detail": "Invalid token."}                      -> Message
//	{"non_field_errors": ["..."]}                     -> Message
//	{"email": ["Enter a valid email address."]}       -> Fields
//	{"tags": {"City": ["Not a valid string."]}}        -> Fields, as "tags.City"
//	["Something went wrong."]                         -> Message
//
// A body of another shape leaves e as it is.
func ParseDRF(e *APIError) {
	var body any
	if json.Unmarshal(e.Body, &body) != nil {
		return
	}
	switch b := body.(type) {
	case []any:
		e.Message = strings.Join(drfMessages(b), "; ")
	case map[string]any:
		if detail, ok := b["detail"].(string); ok {
			e.Message = detail
		}
		if code, ok := b["code"].(string); ok {
			e.Code = code
		}
		for _, k := range sortedKeys(b) { // a stable order for Error() and for tests
			switch k {
			case "detail", "code":
			case "non_field_errors":
				if e.Message == "" {
					e.Message = strings.Join(drfMessages(b[k]), "; ")
				}
			default:
				e.Fields = appendDRFFields(e.Fields, k, b[k])
			}
		}
	}
}

// appendDRFFields adds the messages DRF gives for one field, descending
// into nested serializers (objects) as "parent.child".
func appendDRFFields(fields []FieldError, name string, v any) []FieldError {
	if obj, ok := v.(map[string]any); ok {
		for _, k := range sortedKeys(obj) {
			fields = appendDRFFields(fields, name+"."+k, obj[k])
		}
		return fields
	}
	for _, msg := range drfMessages(v) {
		fields = append(fields, FieldError{Field: name, Message: msg})
	}
	return fields
}

// drfMessages flattens a DRF message list (or a lone string) to strings.
func drfMessages(v any) []string {
	switch m := v.(type) {
	case string:
		return []string{m}
	case []any:
		var out []string
		for _, item := range m {
			out = append(out, drfMessages(item)...)
		}
		return out
	case map[string]any:
		var out []string
		for _, k := range sortedKeys(m) {
			for _, msg := range drfMessages(m[k]) {
				out = append(out, k+": "+msg)
			}
		}
		return out
	}
	return nil
}

func sortedKeys(m map[string]any) []string {
	return slices.Sorted(maps.Keys(m))
}
