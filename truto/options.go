package truto

import (
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/rest"
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

// RequestOptions are Truto's own query parameters and per-call settings,
// accepted by every method. Zero fields are not sent.
type RequestOptions struct {
	// ResponseFormat is truto_response_format. The typed methods take
	// unified (the default) and normalized; raw and stream answers come
	// unparsed from Client.Raw and Client.Stream.
	ResponseFormat ResponseFormat `url:"truto_response_format,omitempty"`
	// IgnoreRemoteData is truto_ignore_remote_data: leave remote_data out
	// of the answer.
	IgnoreRemoteData bool `url:"truto_ignore_remote_data,omitempty"`
	// ExcludeFields is truto_exclude_fields[]: fields to leave out of the
	// answer, sent as truto_exclude_fields[]=a&truto_exclude_fields[]=b.
	ExcludeFields []string `url:"truto_exclude_fields,brackets,omitempty"`
	// RemoteQuery is passed to the remote API untouched, as
	// remote_query[foo]=bar (see RemoteQuery).
	RemoteQuery RemoteQuery `url:"remote_query,omitempty"`

	// IdempotencyKey is sent as the Idempotency-Key header of a write;
	// when empty each write generates one, the same on every attempt.
	IdempotencyKey string `url:"-"`
	// Response, when not nil, is filled with the answer's status and
	// rate-limit counters.
	Response *Response `url:"-"`
}

// Response describes an answer: its status, headers and Truto's
// rate-limit counters.
type Response struct {
	StatusCode int
	Header     http.Header
	RateLimit  RateLimit
}

// RateLimit is what Truto's ratelimit-limit, ratelimit-remaining and
// ratelimit-reset headers say. Known is false when the answer had none.
type RateLimit struct {
	Known     bool
	Limit     int
	Remaining int
	Reset     time.Duration // until the window resets
}

// ParseRateLimit reads the ratelimit-* headers of an answer.
func ParseRateLimit(h http.Header) RateLimit {
	var rl RateLimit
	if v, err := strconv.Atoi(h.Get("Ratelimit-Limit")); err == nil {
		rl.Known, rl.Limit = true, v
	}
	if v, err := strconv.Atoi(h.Get("Ratelimit-Remaining")); err == nil {
		rl.Known, rl.Remaining = true, v
	}
	if v, err := strconv.ParseFloat(h.Get("Ratelimit-Reset"), 64); err == nil && v >= 0 {
		rl.Known, rl.Reset = true, time.Duration(v*float64(time.Second))
	}
	return rl
}

// RemoteQuery is query parameters for the remote API behind Truto,
// passed through untouched. Values are strings, numbers, booleans, lists
// and nested RemoteQuery (or map[string]any) values, encoded the way
// Truto documents: {"foo": "bar"} as remote_query[foo]=bar,
// {"a": {"b": "c"}} as remote_query[a][b]=c, {"ids": []string{"1", "2"}}
// as remote_query[ids][]=1&remote_query[ids][]=2.
type RemoteQuery map[string]any

// EncodeValues encodes q under key (for go-querystring, which would
// otherwise print a map as Go syntax).
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

// oneOptions returns the single RequestOptions a method was given.
func oneOptions(opts []RequestOptions) (RequestOptions, error) {
	switch len(opts) {
	case 0:
		return RequestOptions{}, nil
	case 1:
		o := opts[0]
		switch o.ResponseFormat {
		case "", FormatUnified, FormatNormalized, FormatRaw, FormatStream:
		default:
			return o, invalid("ResponseFormat", fmt.Sprintf("%q is not unified, normalized, raw or stream", o.ResponseFormat))
		}
		if slices.Contains(o.ExcludeFields, "") {
			return o, invalid("ExcludeFields", "an empty field name")
		}
		if strings.ContainsAny(o.IdempotencyKey, "\r\n") {
			return o, invalid("IdempotencyKey", "must be one line")
		}
		return o, nil
	}
	return RequestOptions{}, invalid("RequestOptions", fmt.Sprintf("give at most one, got %d", len(opts)))
}

// typed refuses the formats whose answers do not fit the unified types.
func (o RequestOptions) typed() error {
	if o.ResponseFormat == FormatRaw || o.ResponseFormat == FormatStream {
		return invalid("ResponseFormat", fmt.Sprintf("%q answers are not the unified shape: use Client.Raw or Client.Stream", o.ResponseFormat))
	}
	return nil
}

// record fills o.Response from an answer.
func (o RequestOptions) record(status int, h http.Header) {
	if o.Response != nil {
		*o.Response = Response{StatusCode: status, Header: h, RateLimit: ParseRateLimit(h)}
	}
}

func invalid(field, problem string) error { return rest.Invalid(vendor.Name, field, problem) }
