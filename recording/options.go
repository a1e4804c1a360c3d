package recording

import (
	"fmt"
	"net/http"
	"strings"
)

// Option configures a Recorder, a Replayer, or the Record, Replay and
// Client helpers. Each option says which mode it changes; the others
// ignore it, so one list of options serves a test in both modes.
type Option func(*config) error

type config struct {
	types     []any
	typesSet  bool
	extra     map[string]Kind
	hooks     []func(Value) Kind
	secrets   []string
	headers   []string
	keepFiles bool
	inOrder   bool
	live      func() bool
}

func collect(opts []Option) (*config, error) {
	c := &config{}
	for _, o := range opts {
		if o == nil {
			continue
		}
		if err := o(c); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// Personal scrubs the fields that types declare personal (recording):
// pass a vendor package's declaration, such as
// Personal(truto.PersonalData()...). Without it, the declarations of
// every vendor package of this module apply together, which scrubs more
// than one vendor alone needs (truto's candidate "name" makes every
// "name" a pseudonym), never less. See the package doc for the tag.
func Personal(types ...any) Option {
	return func(c *config) error {
		if _, err := declare(types); err != nil {
			return err
		}
		c.types = append(c.types, types...)
		c.typesSet = true
		return nil
	}
}

// PersonalKeys declares more JSON keys (or query parameters) as personal
// data of kind, wherever they appear (recording): for fields of your own
// types or of a vendor's free-form data, such as
// PersonalKeys(recording.Phone, "mobile").
func PersonalKeys(kind Kind, keys ...string) Option {
	return func(c *config) error {
		if !kind.valid() {
			return fmt.Errorf("recording: PersonalKeys: unknown kind %q", kind)
		}
		if c.extra == nil {
			c.extra = map[string]Kind{}
		}
		for _, k := range keys {
			if k == "" {
				return fmt.Errorf("recording: PersonalKeys: an empty key")
			}
			c.extra[strings.ToLower(k)] = kind
		}
		return nil
	}
}

// Value is a string of a recorded body or query, as a WithScrub hook
// sees it before it is written.
type Value struct {
	// Path is where the value is: a JSON path such as
	// "result[].emails[].email" (keys joined by dots, [] for an array's
	// items, "" for a body that is a bare string), or "?file_url" for a
	// query parameter.
	Path string
	// Value is the value as it came, personal data included.
	Value string
	// Kind is what the declarations make of it: "" when nothing.
	Kind Kind
}

// WithScrub adds a hook that has the last word on every string of a
// recorded body or query (recording): it returns the kind to replace the
// value with (a kind it makes up counts as Text), or "" to keep it (then
// only the credentials and email addresses inside it are replaced).
// Return v.Kind to keep the declarations' choice. Credentials found by their key (token, password,
// ...) are removed before the hook and it cannot bring them back.
func WithScrub(hook func(v Value) Kind) Option {
	return func(c *config) error {
		if hook == nil {
			return fmt.Errorf("recording: WithScrub: nil hook")
		}
		c.hooks = append(c.hooks, hook)
		return nil
	}
}

// WithSecrets names more credentials to remove wherever they appear in
// the recorded URLs, bodies and headers (recording). The token of each
// request's Authorization header is removed without being named. A
// value shorter than six characters is not searched for in text (it
// would take ordinary words with it); under a credential's key it goes
// all the same.
func WithSecrets(secrets ...string) Option {
	return func(c *config) error {
		for _, s := range secrets {
			if s != "" {
				c.secrets = append(c.secrets, s)
			}
		}
		return nil
	}
}

// WithHeaders records more response and request headers than the
// default list (recording). Authorization, Cookie, Set-Cookie and
// Proxy-Authorization are refused: they are never recorded. A header
// whose name names a credential (X-Api-Key, X-Auth-Token) is recorded
// as [REDACTED].
func WithHeaders(names ...string) Option {
	return func(c *config) error {
		for _, n := range names {
			canonical := http.CanonicalHeaderKey(n)
			if neverRecorded[canonical] {
				return fmt.Errorf("recording: WithHeaders: %s is never recorded", canonical)
			}
			if canonical == "" {
				return fmt.Errorf("recording: WithHeaders: an empty header name")
			}
			c.headers = append(c.headers, canonical)
		}
		return nil
	}
}

// KeepFiles records bodies that are not JSON as they are (recording):
// text as text, anything else in base64, except that a URL-encoded form
// is scrubbed as a query is (and a replay compares it parameter by
// parameter). Without it such a body (a
// downloaded CV, an export) is written as a placeholder such as
// "[file 1: 5120 bytes left out]". Use it only for files that hold no
// personal data, such as a test server's.
func KeepFiles() Option {
	return func(c *config) error { c.keepFiles = true; return nil }
}

// InOrder makes a replay answer the cassette's exchanges in their
// recorded order only (replay). By default a request is answered by the
// first unused exchange that matches it, wherever it is.
func InOrder() Option {
	return func(c *config) error { c.inOrder = true; return nil }
}

// Live tells Client whether the real API can be reached, typically
// whether the vendor's credentials are set: with RECRUITKIT_RECORD=1 and
// live reporting false, Client replays (and says so in the test log)
// instead of recording a cassette of 401s.
func Live(live func() bool) Option {
	return func(c *config) error { c.live = live; return nil }
}
