package testgorilla

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"

	"github.com/recruitkit/recruitkit-go/internal/rest"
)

// PDFContentType is the media type of a PDF report.
const PDFContentType = "application/pdf"

// pdfAccept is the Accept header of a PDF call. The default Accept,
// application/json, tells a server that negotiates (as Django REST
// framework's views do) that a PDF is not wanted, and can earn a 406;
// the documented curl request sends curl's Accept: */*. So the PDF comes
// first and anything else after it, as curl's request would take it.
const pdfAccept = PDFContentType + ", */*;q=0.8"

// errNotPDF is the cause of the *DecodeError of a PDF call answered with
// something else.
var errNotPDF = errors.New("the answer is not a PDF")

// RenderPDF returns the PDF report of a candidate's results in one
// assessment, unread: the caller reads it and must close it (the call's
// timeout runs until then). Nothing is buffered, so a report of any size
// costs a few kilobytes of memory; WithMaxBodyBytes does not cap it.
//
//	GET /api/assessments/candidates/<test-taker id>/render_pdf/?candidature=<candidature id>
//
// A success that is not application/pdf (an HTML login page, a JSON
// message) is a *DecodeError that quotes its start, and its body is
// closed. A retry happens only before the answer's body is handed over;
// a body that breaks off while being read is the reader's error.
func (s *CandidatesService) RenderPDF(ctx context.Context, testTakerID, candidatureID int, opts ...RequestOption) (io.ReadCloser, error) {
	if err := checkID("testTakerID", testTakerID); err != nil {
		return nil, err
	}
	if err := checkID("candidatureID", candidatureID); err != nil {
		return nil, err
	}
	cfg, err := newRequestConfig(opts)
	if err != nil {
		return nil, err
	}
	if cfg.into == nil {
		cfg.into = new(Response) // for the attempts a *DecodeError reports
	}
	r := &rest.Request{
		Method: http.MethodGet,
		Path:   candidatesPath + strconv.Itoa(testTakerID) + "/render_pdf/",
		Query:  url.Values{"candidature": {strconv.Itoa(candidatureID)}},
		Header: http.Header{"Accept": {pdfAccept}},
	}
	resp, err := execStream(ctx, s.c.rest, cfg, r)
	if err != nil {
		return nil, err
	}
	if err := s.c.checkPDF(resp, r, cfg.into.Attempts); err != nil {
		return nil, err
	}
	return resp.Body, nil
}

// WritePDF copies the PDF report of a candidate's results in one
// assessment to w, as RenderPDF streams it, and returns how many bytes
// it wrote. An error after some bytes were written leaves them in w: a
// file should be removed or truncated by the caller.
//
//	GET /api/assessments/candidates/<test-taker id>/render_pdf/?candidature=<candidature id>
func (s *CandidatesService) WritePDF(ctx context.Context, w io.Writer, testTakerID, candidatureID int, opts ...RequestOption) (int64, error) {
	if w == nil {
		return 0, invalid("w", "a nil io.Writer")
	}
	body, err := s.RenderPDF(ctx, testTakerID, candidatureID, opts...)
	if err != nil {
		return 0, err
	}
	n, err := io.Copy(w, body)
	if cerr := body.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return n, fmt.Errorf("testgorilla: copying the PDF report after %d bytes: %w", n, err)
	}
	return n, nil
}

// checkPDF refuses a success that is not a PDF: its body is closed, and
// the error quotes its start.
func (c *Client) checkPDF(resp *http.Response, r *rest.Request, attempts int) error {
	if mt, _, err := mime.ParseMediaType(resp.Header.Get("Content-Type")); err == nil && mt == PDFContentType {
		return nil
	}
	r.Redact = append(r.Redact, c.secrets.list()...) // a login's password and every token it got
	return publicError(c.rest.StreamDecodeError(r, resp, attempts, PDFContentType, errNotPDF))
}
