package rest

import (
	"fmt"
	"net/url"

	"github.com/google/go-querystring/query"
)

// Values encodes params structs into one query, through go-querystring's
// `url:"name,omitempty"` tags: a zero field is left out unless its tag
// lacks omitempty (use a pointer for a false that must be sent). A field
// type with an EncodeValues method encodes itself, for shapes
// go-querystring lacks. Nil params are skipped; a url.Values is merged as
// it is.
func Values(params ...any) (url.Values, error) {
	var out url.Values
	for _, p := range params {
		var v url.Values
		switch p := p.(type) {
		case nil:
			continue
		case url.Values:
			v = p
		default:
			var err error
			if v, err = query.Values(p); err != nil {
				return nil, fmt.Errorf("encoding query parameters: %w", err)
			}
		}
		if out == nil {
			out = v
			continue
		}
		for k, vs := range v {
			out[k] = append(out[k], vs...)
		}
	}
	return out, nil
}
