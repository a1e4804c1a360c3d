package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/cnps"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/truto"
)

// pipeline is the hiring pipeline this SDK exists for: screen an
// assessment's candidates in TestGorilla, move the good ones into the
// ATS through Truto, reject the others, survey everyone through
// Trustcruit, and report the candidate NPS.
type pipeline struct {
	testgorilla *testgorilla.Client
	truto       *truto.Client
	trustcruit  *trustcruit.Client

	assessment  int     // TestGorilla assessment id
	account     string  // Truto integrated account id
	jobID       string  // the ATS job candidates apply to ("" for none)
	sprancherID int     // Trustcruit customer
	threshold   float64 // average score to pass
	apply       bool    // false: only say what would be written
	today       trustcruit.Date
	progress    io.Writer // a progress line while it works
}

// summary counts what the pipeline did (or, without apply, would do).
type summary struct {
	passed          int    // created in the ATS and surveyed at step1
	rejected        int    // rejected, emailed and surveyed at step5
	alreadyRejected int    // already REJ in TestGorilla: left alone
	best            string // the best candidate's name
	reportBytes     int64  // the size of their PDF report, downloaded
	quarters        []quarter
	took            time.Duration
}

// quarter is the CNPS of one calendar quarter.
type quarter struct {
	name        string
	from, until trustcruit.Date
	stats       *trustcruit.Stats
	score       cnps.Score
	histogram   cnps.Histogram
}

func (p *pipeline) run(ctx context.Context) (*summary, error) {
	start := time.Now()
	s := &summary{}
	params := testgorilla.ListCandidaturesParams{
		Assessment: p.assessment, Status: testgorilla.StatusCompleted, Ordering: testgorilla.OrderAvgScore.Desc(),
	}
	var best *testgorilla.Candidature
	for cand, err := range p.testgorilla.Candidatures.All(ctx, params) {
		if err != nil {
			return nil, fmt.Errorf("listing candidatures: %w", err)
		}
		if best == nil {
			best = &cand // the list is best score first
		}
		if err := p.handle(ctx, cand, s); err != nil {
			return nil, fmt.Errorf("candidature %d (%s): %w", cand.ID, cand.FullName, err)
		}
		if n := s.passed + s.rejected + s.alreadyRejected; n%25 == 0 {
			fmt.Fprintf(p.progress, "  ... %d candidates processed (%d passed, %d rejected)\n", n, s.passed, s.rejected)
		}
	}
	if best != nil {
		n, err := p.downloadReport(ctx, *best)
		if err != nil {
			return nil, fmt.Errorf("the PDF report of %s: %w", best.FullName, err)
		}
		s.best, s.reportBytes = best.FullName, n
	}
	for _, q := range lastTwoQuarters(p.today) {
		if err := p.score(ctx, &q); err != nil {
			return nil, fmt.Errorf("CNPS for %s: %w", q.name, err)
		}
		s.quarters = append(s.quarters, q)
	}
	s.took = time.Since(start)
	return s, nil
}

// handle moves one completed candidature through the pipeline.
func (p *pipeline) handle(ctx context.Context, cand testgorilla.Candidature, s *summary) error {
	score := 0.0
	if cand.AvgScore != nil {
		score = *cand.AvgScore
	}
	survey := trustcruit.SubmitCandidateParams{
		SprancherID: p.sprancherID, Email: cand.Email, JobAdTitle: "Go developer",
		Tags: trustcruit.Tags{trustcruit.TagSource: {"TestGorilla"}},
	}
	switch {
	case score >= p.threshold:
		s.passed++
		if !p.apply {
			return nil
		}
		first, last := splitName(cand.FullName)
		_, err := p.truto.ATS.Candidates.Create(ctx, p.account, truto.CandidateInput{
			FirstName: first, LastName: last,
			Emails: []truto.Email{{Email: cand.Email}},
			Tags:   []truto.Tag{{Name: fmt.Sprintf("testgorilla:%.0f", score)}},
		}, truto.CreateCandidateParams{JobID: p.jobID, ApplicationSource: truto.SourceApplicant})
		if err != nil {
			return fmt.Errorf("creating the ATS candidate: %w", err)
		}
		survey.Level = trustcruit.LevelStep1
	case cand.Stage == testgorilla.StageRejected:
		// Rejected before: the email went out then, and must not twice.
		s.alreadyRejected++
		return nil
	default:
		s.rejected++
		if !p.apply {
			return nil
		}
		if _, err := p.testgorilla.Candidatures.ChangeStage(ctx, cand.ID, testgorilla.StageRejected); err != nil {
			return fmt.Errorf("rejecting: %w", err)
		}
		if err := p.testgorilla.Candidatures.SendRejectionEmail(ctx, cand.ID); err != nil {
			return fmt.Errorf("sending the rejection email: %w", err)
		}
		survey.Level = trustcruit.LevelStep5
	}
	if err := p.trustcruit.SubmitCandidate(ctx, survey); err != nil {
		return fmt.Errorf("submitting to Trustcruit: %w", err)
	}
	return nil
}

// downloadReport streams a candidature's PDF report to a temporary file,
// as an ATS would before attaching it, and returns its size. The file is
// removed again: this is a demonstration.
func (p *pipeline) downloadReport(ctx context.Context, cand testgorilla.Candidature) (int64, error) {
	f, err := os.CreateTemp("", "testgorilla-report-*.pdf")
	if err != nil {
		return 0, err
	}
	defer os.Remove(f.Name())
	n, err := p.testgorilla.Candidates.WritePDF(ctx, f, cand.TestTakerID, cand.ID)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return n, err
}

// splitName splits TestGorilla's full_name at its first space: "Ada
// Lovelace King" is Ada, "Lovelace King".
func splitName(full string) (first, last string) {
	first, last, _ = strings.Cut(strings.TrimSpace(full), " ")
	return first, strings.TrimSpace(last)
}

func (p *pipeline) score(ctx context.Context, q *quarter) error {
	st, err := p.trustcruit.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS, From: q.from, Until: q.until})
	if err != nil {
		return err
	}
	q.stats = st
	if q.histogram, err = st.Histogram(); err != nil {
		return err
	}
	q.score = q.histogram.Score()
	return nil
}

// lastTwoQuarters are the last full calendar quarter before today and
// the one before it, newest first.
func lastTwoQuarters(today trustcruit.Date) []quarter {
	until := trustcruit.Date{Year: today.Year, Month: today.Month - (today.Month-1)%3, Day: 1}
	var out []quarter
	for range 2 {
		from := trustcruit.DateOf(until.Time(time.UTC).AddDate(0, -3, 0))
		out = append(out, quarter{name: fmt.Sprintf("%d-Q%d", from.Year, (int(from.Month)+2)/3), from: from, until: until})
		until = from
	}
	return out
}
