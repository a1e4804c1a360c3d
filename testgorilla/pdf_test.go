package testgorilla_test

import (
	"bytes"
	"context"

	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/recruitkit/recruitkit-go/internal/benchutil"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// closeCounter is a response body that counts its Close calls.
type closeCounter struct {
	io.Reader
	closed atomic.Int32
}

func (c *closeCounter) Close() error { c.closed.Add(1); return nil }

func pdfResponder(t *testing.T, m *mock, contentType string, body *closeCounter) {
	t.Helper()
	m.RegisterResponder(http.MethodGet, api+"candidates/4276/render_pdf/", func(req *http.Request) (*http.Response, error) {
		m.mu.Lock()
		m.seen = append(m.seen, exchange{req.Method, req.URL.String(), req.Header.Clone(), ""})
		m.mu.Unlock()
		return &http.Response{StatusCode: 200, Header: http.Header{"Content-Type": {contentType}}, Body: body, Request: req}, nil
	})
}

func TestRenderPDFWireFormat(t *testing.T) {
	c, m := newMocked(t)
	body := &closeCounter{Reader: strings.NewReader("%PDF-1.4 report")}
	pdfResponder(t, m, "application/pdf", body)

	rc, err := c.Candidates.RenderPDF(context.Background(), 4276, 8000)
	require.NoError(t, err)
	got, err := io.ReadAll(rc)
	require.NoError(t, err)
	require.NoError(t, rc.Close())
	assert.Equal(t, "%PDF-1.4 report", string(got))
	assert.Equal(t, int32(1), body.closed.Load())
	x := m.last(t)
	assert.Equal(t, http.MethodGet, x.method)
	assert.Equal(t, api+"candidates/4276/render_pdf/?candidature=8000", x.url)
	assert.Equal(t, "Token "+token, x.header.Get("Authorization"))
	assert.Equal(t, "application/pdf, */*;q=0.8", x.header.Get("Accept"),
		"a PDF is asked for, and whatever the documented curl (Accept: */*) gets is taken too")
}

func TestWritePDFCopiesTheReport(t *testing.T) {
	c, m := newMocked(t)
	pdfResponder(t, m, "application/pdf; charset=binary", &closeCounter{Reader: strings.NewReader("%PDF-1.7 …")})
	var out bytes.Buffer
	n, err := c.Candidates.WritePDF(context.Background(), &out, 4276, 8000)
	require.NoError(t, err)
	assert.Equal(t, int64(out.Len()), n)
	assert.Equal(t, "%PDF-1.7 …", out.String(), "media type parameters are allowed")
}

// An answer of 200 that is not a PDF (a login page, a JSON message) is a
// *DecodeError that shows what came, with the token removed, and the
// body is closed.
func TestRenderPDFRefusesWhatIsNotAPDF(t *testing.T) {
	for _, tc := range []struct{ contentType, body string }{
		{"text/html; charset=utf-8", "<html><body>Please log in. Your token " + token + " expired.</body></html>"},
		{"application/json", `{"detail":"Report is being generated."}`},
		{"", "%PDF-1.4 but unlabeled"},
	} {
		t.Run(tc.contentType, func(t *testing.T) {
			c, m := newMocked(t)
			body := &closeCounter{Reader: strings.NewReader(tc.body)}
			pdfResponder(t, m, tc.contentType, body)
			var resp testgorilla.Response
			rc, err := c.Candidates.RenderPDF(context.Background(), 4276, 8000, testgorilla.WithResponseInto(&resp))
			assert.Nil(t, rc)
			require.ErrorIs(t, err, testgorilla.ErrUnexpectedResponse)
			var de *testgorilla.DecodeError
			require.ErrorAs(t, err, &de)
			assert.Equal(t, tc.contentType, de.ContentType)
			assert.Equal(t, "application/pdf", de.Expected)
			assert.Equal(t, api+"candidates/4276/render_pdf/", de.URL, "no query in the URL")
			assert.Equal(t, 1, de.Attempts)
			assert.Equal(t, 200, resp.StatusCode)
			assert.Equal(t, strings.ReplaceAll(tc.body, token, "[REDACTED]"), de.Snippet)
			assert.NotContains(t, err.Error(), token)
			assert.Contains(t, err.Error(), "expected application/pdf")
			assert.Equal(t, int32(1), body.closed.Load(), "the body is closed")
		})
	}
}

func TestRenderPDFBadInputSendsNothing(t *testing.T) {
	c, m := newMocked(t)
	for _, ids := range [][2]int{{0, 1}, {1, 0}, {-1, 5}} {
		_, err := c.Candidates.RenderPDF(context.Background(), ids[0], ids[1])
		assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
	}
	_, err := c.Candidates.WritePDF(context.Background(), nil, 1, 1)
	assert.ErrorIs(t, err, testgorilla.ErrInvalidParams)
	assert.Zero(t, m.GetTotalCallCount())
}

func TestThePDFReportOnTheFake(t *testing.T) {
	fake := newFake(t)
	a := fake.AddAssessment("Go developer")
	done := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada (Countess) Lovelace", Email: "ada@example.com", Status: testgorilla.StatusCompleted})
	started := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Alan Turing", Email: "alan@example.com", Status: testgorilla.StatusStarted})
	c := fake.Client()
	ctx := context.Background()

	var out bytes.Buffer
	n, err := c.Candidates.WritePDF(ctx, &out, done.TestTakerID, done.ID)
	require.NoError(t, err)
	assert.Equal(t, int64(testgorillatest.DefaultPDFSize), n)
	assert.True(t, bytes.HasPrefix(out.Bytes(), []byte("%PDF-1.4\n")))
	assert.True(t, bytes.HasSuffix(out.Bytes(), []byte("%%EOF\n")))
	assert.Contains(t, out.String(), `(TestGorilla results: Ada \(Countess\) Lovelace) Tj`)

	_, err = c.Candidates.RenderPDF(ctx, started.TestTakerID, started.ID)
	var apiErr *testgorilla.APIError
	require.ErrorAs(t, err, &apiErr, "PDF bytes for completed candidatures only")
	assert.Equal(t, http.StatusBadRequest, apiErr.StatusCode)

	_, err = c.Candidates.RenderPDF(ctx, started.TestTakerID, done.ID)
	assert.ErrorIs(t, err, testgorilla.ErrNotFound, "the candidature is another test taker's")
}

// TestA50MBReportStreamsInLittleMemory copies a 50 MB report from the
// fake (which renders it as it sends it) and measures the peak heap of
// the whole process, fake included.
func TestA50MBReportStreamsInLittleMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("moves 50 MB")
	}
	fake := newFake(t)
	a := fake.AddAssessment("Go developer")
	cand := fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: "Ada Lovelace", Email: "ada@example.com", Status: testgorilla.StatusCompleted})
	const size = 50 << 20
	fake.SetPDFSize(cand.ID, size)
	c := fake.Client()

	var (
		n   int64
		err error
		w   = &pdfCheck{}
	)
	peak := benchutil.PeakHeap(func() {
		n, err = c.Candidates.WritePDF(context.Background(), w, cand.TestTakerID, cand.ID)
	})
	require.NoError(t, err)
	assert.Equal(t, int64(size), n)
	assert.Equal(t, int64(size), w.n)
	assert.Equal(t, "%PDF-", string(w.head[:5]))
	assert.Equal(t, "%%EOF\n", string(w.tail[len(w.tail)-6:]))
	t.Logf("peak heap while copying 50 MB: %.2f MiB", float64(peak)/(1<<20))
	assert.Less(t, peak, uint64(8<<20), "the report is streamed, not buffered")
}

// pdfCheck is an io.Writer that keeps a report's first and last bytes.
type pdfCheck struct {
	n          int64
	head, tail []byte
}

func (p *pdfCheck) Write(b []byte) (int, error) {
	if len(p.head) < 16 {
		p.head = append(p.head, b[:min(len(b), 16-len(p.head))]...)
	}
	p.tail = append(p.tail, b[max(0, len(b)-16):]...)
	p.tail = p.tail[max(0, len(p.tail)-16):]
	p.n += int64(len(b))
	return len(b), nil
}
