package testgorillatest

import (
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/recruitkit/recruitkit-go/testgorilla"
)

// DefaultPDFSize is the size of the PDF report the fake renders for a
// completed candidature, unless SetPDFSize says otherwise.
const DefaultPDFSize = 4 << 10

// SetPDFSize makes the PDF report of a candidature size bytes long (at
// least a minimal PDF's). The fake renders it as it sends it, so a report
// of any size costs it no memory.
func (s *Server) SetPDFSize(candidatureID int, size int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.pdfSizes[candidatureID] = size
}

// renderPDF answers GET /api/assessments/candidates/<test taker>/render_pdf/?candidature=<id>
// with the candidature's report: a one-page PDF naming the candidate,
// for a completed candidature only.
func (s *Server) renderPDF(w http.ResponseWriter, r *http.Request) {
	testTaker, ok := pathID(w, r)
	if !ok {
		return
	}
	id, err := strconv.Atoi(r.URL.Query().Get("candidature"))
	if err != nil {
		fieldErrors(w, map[string][]string{"candidature": {"This field is required."}})
		return
	}
	s.mu.Lock()
	c, found := s.candidatures[id]
	var cand testgorilla.Candidature
	if found {
		cand = *c
	}
	size, sized := s.pdfSizes[id]
	s.mu.Unlock()
	switch {
	case !found || cand.TestTakerID != testTaker:
		detail(w, http.StatusNotFound, "Not found.")
		return
	case cand.Status != testgorilla.StatusCompleted:
		detail(w, http.StatusBadRequest, "The candidate has not completed the assessment yet.")
		return
	}
	if !sized {
		size = DefaultPDFSize
	}
	pdf := newPDF("TestGorilla results: "+cand.FullName, size)
	w.Header().Set("Content-Type", testgorilla.PDFContentType)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="results-%d.pdf"`, id))
	w.Header().Set("Content-Length", strconv.FormatInt(pdf.size, 10))
	w.WriteHeader(http.StatusOK)
	_, _ = io.Copy(w, pdf)
}

// pdf is a one-page PDF with a line of text, padded with comment lines
// to a given size and produced as it is read.
type pdf struct {
	io.Reader
	size int64
}

// newPDF returns a valid PDF showing title, size bytes long (or the
// minimum a PDF with that title takes).
func newPDF(title string, size int64) *pdf {
	const head = "%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
	text := "BT /F1 18 Tf 72 770 Td (" + pdfString(title) + ") Tj ET\n"
	objects := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%sendstream", len(text), text),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
	}
	// The body without padding tells the padding's length; offsets in the
	// cross-reference table count the padding in.
	build := func(pad int64) string {
		var b strings.Builder
		offsets := make([]int64, len(objects))
		at := int64(len(head)) + pad
		for i, o := range objects {
			offsets[i] = at + int64(b.Len())
			fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
		}
		xref := at + int64(b.Len())
		fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objects)+1)
		for _, off := range offsets {
			fmt.Fprintf(&b, "%010d 00000 n \n", off)
		}
		fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objects)+1, xref)
		return b.String()
	}
	// startxref's digits grow with the padding: settle the padding in a
	// step or two.
	pad := int64(0)
	body := build(pad)
	for i := 0; i < 3 && int64(len(head))+pad+int64(len(body)) != size; i++ {
		pad = max(0, size-int64(len(head))-int64(len(body)))
		body = build(pad)
	}
	return &pdf{
		Reader: io.MultiReader(strings.NewReader(head), &padding{n: pad}, strings.NewReader(body)),
		size:   int64(len(head)) + pad + int64(len(body)),
	}
}

// pdfString escapes s for a PDF literal string, keeping it ASCII.
func pdfString(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 32 || r > 126:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// padding is n bytes of PDF comment lines, produced as read: each line
// starts with %, and the last byte is a newline, so that the first object
// starts a line.
type padding struct{ pos, n int64 }

const paddingLine = "% testgorillatest: padding to the report's size; PDF readers skip comments\n"

func (p *padding) Read(b []byte) (int, error) {
	if p.pos >= p.n {
		return 0, io.EOF
	}
	b = b[:min(int64(len(b)), p.n-p.pos)]
	for n := 0; n < len(b); {
		at := int(p.pos % int64(len(paddingLine)))
		c := copy(b[n:], paddingLine[at:])
		n += c
		p.pos += int64(c)
	}
	if p.pos == p.n {
		b[len(b)-1] = '\n'
	}
	return len(b), nil
}
