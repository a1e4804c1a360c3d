package recording

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"sync"
)

// Recorder is an http.RoundTripper that passes each request on and
// keeps the exchange, scrubbed, for its cassette: install it with a
// vendor package's WithHTTPClient(&http.Client{Transport: rec}), make
// the calls, then Save. Nothing personal or secret is kept, not even in
// memory: each exchange is scrubbed as it ends (see the package doc for
// what is scrubbed and how). A request that gets no answer (a transport
// error) or whose answer cannot be read whole is passed back to the
// caller and not recorded.
//
// It is safe for concurrent use; exchanges are recorded in the order
// they end.
type Recorder struct {
	path string
	next http.RoundTripper

	mu sync.Mutex
	s  *scrubber
	c  Cassette
}

// NewRecorder returns a Recorder that sends requests through next
// (http.DefaultTransport when nil) and saves its cassette to path.
func NewRecorder(path string, next http.RoundTripper, opts ...Option) (*Recorder, error) {
	cfg, err := collect(opts)
	if err != nil {
		return nil, err
	}
	s, err := newScrubber(cfg)
	if err != nil {
		return nil, err
	}
	if next == nil {
		next = http.DefaultTransport
	}
	return &Recorder{path: path, next: next, s: s, c: Cassette{Version: version, Interactions: []Interaction{}}}, nil
}

// RoundTrip sends req through the next transport and records the
// exchange.
func (r *Recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	var reqBody []byte
	out := req.Clone(req.Context())
	if req.Body != nil && req.Body != http.NoBody {
		b, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		reqBody = b
		out.Body = io.NopCloser(bytes.NewReader(b))
		out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
		out.ContentLength = int64(len(b))
	}
	resp, err := r.next.RoundTrip(out)
	if err != nil {
		return nil, err
	}
	respBody, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		// The caller gets what came and the same error, unrecorded.
		resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(respBody), errReader{err}))
		return resp, nil
	}
	resp.Body = io.NopCloser(bytes.NewReader(respBody))
	r.mu.Lock()
	r.c.Interactions = append(r.c.Interactions, r.s.interaction(req, reqBody, resp, respBody))
	r.mu.Unlock()
	return resp, nil
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// Cassette returns a copy of what was recorded so far, scrubbed.
func (r *Recorder) Cassette() *Cassette {
	r.mu.Lock()
	defer r.mu.Unlock()
	b, err := r.c.marshal()
	var c Cassette
	if err == nil {
		err = json.Unmarshal(b, &c)
	}
	if err != nil {
		panic(err) // the recorder wrote every value: a bug
	}
	return &c
}

// Save writes the cassette recorded so far to the recorder's path,
// replacing the file.
func (r *Recorder) Save() error {
	if r.path == "" {
		return errors.New("recording: Save: the recorder has no path")
	}
	return r.Cassette().Save(r.path)
}
