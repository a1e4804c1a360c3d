package rest

import (
	"bytes"
	"net/http"
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
