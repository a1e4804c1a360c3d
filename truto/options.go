package truto

import (
	"fmt"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// ResponseFormat is Truto's truto_response_format.
type ResponseFormat string

// The documented response formats.
const (
	// FormatUnified (the default) maps the answer to the unified model.
	FormatUnified ResponseFormat = "unified"
	// FormatNormalized applies the unified mappings in normalized form.
	FormatNormalized ResponseFormat = "normalized"
	// FormatRaw returns the remote API's answer untouched: use
	// Client.Raw, as it does not fit the unified types.
	FormatRaw ResponseFormat = "raw"
	// FormatStream streams the answer: use Client.Stream.
	FormatStream ResponseFormat = "stream"
)

// vendorRequest is Truto's own query parameters of a call, set by the
// RequestOptions below.
type vendorRequest struct {
	format           ResponseFormat
	ignoreRemoteData bool
	excludeFields    []string
	remoteQuery      RemoteQuery
}

// WithResponseFormat sets truto_response_format. The typed methods take
// FormatUnified (the default) and FormatNormalized; FormatRaw and
// FormatStream answers come unparsed from Client.Raw and Client.Stream.
func WithResponseFormat(f ResponseFormat) RequestOption {
	return func(c *requestConfig) error {
		switch f {
		case FormatUnified, FormatNormalized, FormatRaw, FormatStream:
			c.format = f
			return nil
		}
		return invalid("WithResponseFormat", fmt.Sprintf("%q is not unified, normalized, raw or stream", f))
	}
}

// WithIgnoreRemoteData sets truto_ignore_remote_data: the answer leaves
// out each record's remote_data.
func WithIgnoreRemoteData() RequestOption {
	return func(c *requestConfig) error { c.ignoreRemoteData = true; return nil }
}

// WithExcludeFields sets truto_exclude_fields[]: fields to leave out of
// the answer, sent as truto_exclude_fields[]=a&truto_exclude_fields[]=b.
// A record whose "id" is excluded is accepted without it.
func WithExcludeFields(fields ...string) RequestOption {
	return func(c *requestConfig) error {
		if len(fields) == 0 || slices.Contains(fields, "") {
			return invalid("WithExcludeFields", "want one or more non-empty field names")
		}
		c.excludeFields = append(c.excludeFields, fields...)
		return nil
	}
}

// WithRemoteQuery sets remote_query: parameters passed to the remote API
// behind Truto untouched (see RemoteQuery for the encoding).
func WithRemoteQuery(q RemoteQuery) RequestOption {
	return func(c *requestConfig) error {
		if err := q.EncodeValues("remote_query", &url.Values{}); err != nil {
			return invalid("WithRemoteQuery", err.Error())
		}
		if c.remoteQuery == nil {
			c.remoteQuery = RemoteQuery{}
		}
		for k, v := range q {
			c.remoteQuery[k] = v
		}
		return nil
	}
}

// query is Truto's parameters of the call, in their documented form.
func (v *vendorRequest) query() url.Values {
	q := url.Values{}
	if v.format != "" {
		q.Set("truto_response_format", string(v.format))
	}
	if v.ignoreRemoteData {
		q.Set("truto_ignore_remote_data", "true")
	}
	for _, f := range v.excludeFields {
		q.Add("truto_exclude_fields[]", f)
	}
	_ = v.remoteQuery.EncodeValues("remote_query", &q) // checked by WithRemoteQuery
	return q
}

// typed refuses the formats whose answers do not fit the unified types.
func (v *vendorRequest) typed() error {
	if v.format == FormatRaw || v.format == FormatStream {
		return invalid("WithResponseFormat", fmt.Sprintf("%q answers are not the unified shape: use Client.Raw or Client.Stream", v.format))
	}
	return nil
}

// excludes reports whether the call asked Truto to leave field out.
func (v *vendorRequest) excludes(field string) bool { return slices.Contains(v.excludeFields, field) }

// RemoteQuery is query parameters for the remote API behind Truto,
// passed through untouched. Values are strings, numbers, booleans, lists
// and nested RemoteQuery (or map[string]any) values, encoded the way
// Truto documents: {"foo": "bar"} as remote_query[foo]=bar,
// {"a": {"b": "c"}} as remote_query[a][b]=c, {"ids": []string{"1", "2"}}
// as remote_query[ids][]=1&remote_query[ids][]=2.
type RemoteQuery map[string]any

// EncodeValues encodes q under key as Truto documents (see RemoteQuery).
// It is go-querystring's query.Encoder, which would otherwise print a
// map as Go syntax, so a RemoteQuery in a struct of your own encodes the
// same way.
func (q RemoteQuery) EncodeValues(key string, v *url.Values) error {
	return encodeNested(key, map[string]any(q), v)
}

func encodeNested(key string, value any, v *url.Values) error {
	switch x := value.(type) {
	case nil:
		return nil
	case RemoteQuery:
		return encodeNested(key, map[string]any(x), v)
	case map[string]any:
		keys := make([]string, 0, len(x))
		for k := range x {
			keys = append(keys, k)
		}
		sort.Strings(keys) // a stable query for tests and caches
		for _, k := range keys {
			if k == "" {
				return fmt.Errorf("remote_query: an empty key under %s", key)
			}
			if err := encodeNested(key+"["+k+"]", x[k], v); err != nil {
				return err
			}
		}
		return nil
	case map[string]string:
		m := make(map[string]any, len(x))
		for k, s := range x {
			m[k] = s
		}
		return encodeNested(key, m, v)
	case []string:
		for _, s := range x {
			v.Add(key+"[]", s)
		}
		return nil
	case []any:
		for _, item := range x {
			if err := encodeNested(key+"[]", item, v); err != nil {
				return err
			}
		}
		return nil
	case string:
		v.Add(key, x)
	case bool:
		v.Add(key, strconv.FormatBool(x))
	case int:
		v.Add(key, strconv.Itoa(x))
	case int64:
		v.Add(key, strconv.FormatInt(x, 10))
	case float64:
		v.Add(key, strconv.FormatFloat(x, 'f', -1, 64))
	case time.Time:
		v.Add(key, x.Format(time.RFC3339))
	case fmt.Stringer:
		v.Add(key, x.String())
	default:
		return fmt.Errorf("remote_query: %s: cannot encode a %T", key, value)
	}
	return nil
}

// checkAccount refuses a unified or proxy call without its integrated
// account.
func checkAccount(id string) error {
	if strings.TrimSpace(id) == "" {
		return invalid("IntegratedAccountID", "required: every unified call names the integrated account")
	}
	return nil
}
