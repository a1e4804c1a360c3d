package main

import (
	"bufio"
	"context"
	"fmt"
	"html"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
)

// closer shows the best candidate's results by kind (with a basic test's
// details and a personality type's description), their candidate record,
// the anti-cheating flags, and the PDF report. It only reads.
func closer(ctx context.Context, w io.Writer, c *testgorilla.Client, assessment int, best testgorilla.Candidature) error {
	fmt.Fprintf(w, "\nThe best candidate, %s:\n", best.FullName)
	for r, err := range c.Results.All(ctx, testgorilla.ListResultsParams{Assessment: assessment, TestTaker: best.TestTakerID}) {
		if err != nil {
			return err
		}
		fmt.Fprintf(w, "  %-18s %s\n", r.Name, describe(ctx, c, r))
		more, err := details(ctx, c, r)
		if err != nil {
			return err
		}
		if more != "" {
			fmt.Fprintf(w, "  %-18s %s\n", "", more)
		}
	}

	cand, err := c.Candidates.Get(ctx, best.TestTakerID)
	if err != nil {
		return err
	}
	var names []string
	for _, a := range cand.Assessments {
		names = append(names, a.AssessmentName)
	}
	fmt.Fprintf(w, "  candidate record %d: %d assessment(s) (%s), last active %s\n",
		cand.ID, cand.AssessmentsCount, strings.Join(names, "; "), cand.LastActivity.Format("2006-01-02 15:04 -07:00"))

	flags, err := c.Assessments.AntiCheating(ctx, best.TestTakerID, best.ID)
	if err != nil {
		return err
	}
	var raised []string
	for name, up := range map[string]bool{"left full screen": flags.ExitedFullScreen, "left the window": flags.LeftScreen, "shared an IP address": flags.RepeatedIP} {
		if up {
			raised = append(raised, name)
		}
	}
	slices.Sort(raised)
	if len(raised) == 0 {
		raised = []string{"none"}
	}
	fmt.Fprintf(w, "  anti-cheating flags: %s (webcam %s)\n", strings.Join(raised, ", "), map[bool]string{true: "on", false: "off"}[flags.CameraEnabled])

	report, err := c.Candidates.RenderPDF(ctx, best.TestTakerID, best.ID)
	if err != nil {
		return err
	}
	head, n, err := pdfHead(report)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  PDF report: %s, %d bytes read as it streams\n", head, n)

	f, err := os.CreateTemp("", "testgorilla-report-*.pdf")
	if err != nil {
		return err
	}
	defer os.Remove(f.Name())
	n, err = c.Candidates.WritePDF(ctx, f, best.TestTakerID, best.ID)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  PDF report: %d bytes, streamed to a temporary file\n", n)
	return nil
}

// pdfHead reads a PDF report from RenderPDF to its end and closes it: its
// first line (the PDF version) and its size.
func pdfHead(report io.ReadCloser) (string, int64, error) {
	defer report.Close()
	br := bufio.NewReader(report)
	head, err := br.ReadString('\n')
	if err != nil {
		return "", 0, fmt.Errorf("reading the PDF report: %w", err)
	}
	n, err := io.Copy(io.Discard, br)
	if err != nil {
		return "", 0, fmt.Errorf("reading the PDF report: %w", err)
	}
	return strings.TrimSpace(head), int64(len(head)) + n, nil
}

// details is what a result's own request adds: a basic test's time and
// skill areas (Results.Get), a personality type's description
// (Results.PersonalityDescription); "" for the other kinds.
func details(ctx context.Context, c *testgorilla.Client, r testgorilla.Result) (string, error) {
	switch r.Kind() {
	case testgorilla.KindBasic:
		d, err := c.Results.Get(ctx, r.ID)
		if err != nil {
			return "", err
		}
		var areas []string
		for _, a := range d.SkillAreas {
			score := "not scored"
			if a.Score != nil {
				score = fmt.Sprintf("%.0f", *a.Score)
			}
			areas = append(areas, fmt.Sprintf("%s %s (%d of %d answered)", a.Description, score, a.AnsweredQuestions, a.TotalQuestions))
		}
		if len(areas) == 0 {
			areas = []string{"none"}
		}
		return fmt.Sprintf("took %s of the %s allowed; skill areas: %s", d.ResponseTime, d.Duration, strings.Join(areas, ", ")), nil
	case testgorilla.KindPersonality:
		p, err := r.Personality()
		if err != nil || p.Type == "" {
			return "", nil // big_5 traits are shown whole already
		}
		desc, err := c.Results.PersonalityDescription(ctx, r.Algorithm, p.Type)
		if err != nil {
			return "", err
		}
		return "description: " + plainText(desc.HTML, 100), nil
	}
	return "", nil
}

var tag = regexp.MustCompile(`<[^>]*>`)

// plainText is HTML as one line of text, at most limit runes long.
func plainText(h string, limit int) string {
	text := html.UnescapeString(strings.Join(strings.Fields(tag.ReplaceAllString(h, " ")), " "))
	if r := []rune(text); len(r) > limit {
		return string(r[:limit-1]) + "…"
	}
	return text
}

// describe is one result in words, read through its kind's accessor.
func describe(ctx context.Context, c *testgorilla.Client, r testgorilla.Result) string {
	switch r.Kind() {
	case testgorilla.KindBasic:
		b, _ := r.Basic()
		return fmt.Sprintf("%.0f%%", b.Score)
	case testgorilla.KindCoding:
		code, _ := r.Coding()
		s := fmt.Sprintf("%.0f%% of the test cases", code.Score)
		if report, err := c.Results.CodeReport(ctx, code.ResultID); err == nil {
			s += ", report at " + report.URL
		}
		return s
	case testgorilla.KindCustomQuestions:
		cq, _ := r.CustomQuestion()
		return fmt.Sprintf("%.0f%% over %d custom questions", cq.Score, len(cq.Questions))
	case testgorilla.KindPersonality:
		p, err := r.Personality()
		switch {
		case err != nil:
			return "personality result not readable: " + err.Error()
		case p.Big5 != nil:
			t := p.Big5.Calibrated
			return fmt.Sprintf("extraversion %d, agreeableness %d, conscientiousness %d, emotional stability %d, openness %d (of 5)",
				t.Extraversion, t.Agreeableness, t.Conscientiousness, t.EmotionalStability, t.Openness)
		}
		return p.Type
	case testgorilla.KindCultureFit:
		fit, _ := r.CultureFit()
		return "culture add " + fit.Display
	}
	return fmt.Sprintf("%s result (see Raw)", r.Algorithm)
}

// invitations shows, on the fake, a personal link sent without
// TestGorilla's email, and the public link closed and opened again.
func invitations(ctx context.Context, w io.Writer, c *testgorilla.Client, fake *testgorillatest.Server, assessment int) error {
	inv, err := c.Assessments.PersonalLink(ctx, assessment, testgorilla.InviteParams{Email: "new.candidate@example.com", FirstName: "New"})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nInvited new.candidate@example.com without an email: send them %s\n", inv.InvitationLink)

	details, err := c.Assessments.Get(ctx, assessment)
	if err != nil {
		return err
	}
	link := details.PublicLinks[0]
	fmt.Fprintf(w, "Public link %q: %s\n", link.Label, link.URL())
	if _, err := c.PublicLinks.Deactivate(ctx, link); err != nil {
		return err
	}
	_, err = fake.TakePublicLink(link.UUID, "late@example.com", "Late Applicant")
	fmt.Fprintf(w, "  deactivated; a candidate trying it: %v\n", err)
	if _, err := c.PublicLinks.Activate(ctx, link); err != nil {
		return err
	}
	_, err = fake.TakePublicLink(link.UUID, "late@example.com", "Late Applicant")
	fmt.Fprintf(w, "  activated again; the candidate: %v\n", map[bool]string{true: "invited", false: fmt.Sprint(err)}[err == nil])
	// Update sends the link's whole state: here a new label, still active.
	renamed, err := c.PublicLinks.Update(ctx, link.UUID, testgorilla.UpdatePublicLinkParams{Active: true, Label: "Careers page", Assessment: assessment})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "  relabelled %q (active: %v), same URL: %v\n", renamed.Label, renamed.Active, renamed.URL() == link.URL())
	return nil
}
