package rest

import (
	"bytes"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// redactedText replaces a secret wherever it appears.
const redactedText = "[REDACTED]"

// redact replaces every secret in b (which it may change in place).
func redact(b []byte, secrets []string) []byte {
	for _, s := range secrets {
		if s != "" && bytes.Contains(b, []byte(s)) {
			b = bytes.ReplaceAll(b, []byte(s), []byte(redactedText))
		}
	}
	return b
}

// redactHead returns at most n bytes of the start of b, every secret in
// it replaced. b is what was read of a body: to show n bytes it should
// hold n+longest(secrets) when the body is that long, so that a secret
// across byte n is read whole and replaced whole. more says the body went
// on past b (it was cut, or broke off): a secret's start at the end of b
// is then dropped, since the rest of it was never read to be recognised.
//
// Redacting before cutting matters twice: a secret straddling the cut is
// not left in part, and the text that the replacements pull forward (each
// replacement is shorter than a long token) is redacted too.
func redactHead(b []byte, n int, more bool, secrets []string) []byte {
	out := redact(bytes.Clone(b), secrets)
	if more {
		out = out[:len(out)-secretStartAtEnd(out, secrets)]
	}
	return out[:min(len(out), n)]
}

// secretStartAtEnd is the length of the longest tail of b that is the
// start of a secret.
func secretStartAtEnd(b []byte, secrets []string) int {
	n := 0
	for _, s := range secrets {
		for k := min(len(s)-1, len(b)); k > n; k-- {
			if bytes.HasSuffix(b, []byte(s[:k])) {
				n = k
				break
			}
		}
	}
	return n
}

// withEscaped adds to secrets the forms a URL gives them (a token echoed
// in a Location's query or path is percent-encoded when it holds a
// reserved character).
func withEscaped(secrets []string) []string {
	out := secrets
	for _, s := range secrets {
		for _, e := range [...]string{url.QueryEscape(s), url.PathEscape(s)} {
			if e != s && !slices.Contains(out, e) {
				out = append(out, e)
			}
		}
	}
	return out
}

// redactHeader returns h, or a copy of it with every secret replaced when
// a value carries one (a Location echoing the token in its query, say).
func redactHeader(h http.Header, secrets []string) http.Header {
	if !headerHasSecret(h, secrets) {
		return h
	}
	out := make(http.Header, len(h))
	for k, vs := range h {
		clean := make([]string, len(vs))
		for i, v := range vs {
			clean[i] = string(redact([]byte(v), secrets))
		}
		out[k] = clean
	}
	return out
}

func headerHasSecret(h http.Header, secrets []string) bool {
	for _, vs := range h {
		for _, v := range vs {
			for _, s := range secrets {
				if s != "" && strings.Contains(v, s) {
					return true
				}
			}
		}
	}
	return false
}

// longest is the length of the longest secret.
func longest(secrets []string) int {
	n := 0
	for _, s := range secrets {
		n = max(n, len(s))
	}
	return n
}
