package main

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/cnps"
)

// report prints the CNPS of each quarter and what the pipeline did.
func report(w io.Writer, s *summary, applied bool) error {
	var b strings.Builder
	b.WriteString("\nCandidate NPS (Trustcruit question 405):\n")
	for _, q := range s.quarters {
		last := q.until.AddDays(-1)
		fmt.Fprintf(&b, "  %s (%s to %s): ", q.name, q.from, last)
		v, ok := q.score.Rounded()
		if !ok {
			b.WriteString("unavailable (no answers)\n")
			continue
		}
		moe, _ := q.score.MarginOfError(0.95)
		sh, _ := q.score.Shares()
		fmt.Fprintf(&b, "%d ±%.1f (95%%) from %d answers: %.0f%% promoters, %.0f%% passives, %.0f%% detractors\n",
			v, moe, q.score.Total, 100*sh.Promoters, 100*sh.Passives, 100*sh.Detractors)
		fmt.Fprintf(&b, "    ratings 0..10  %s\n", sparkline(q.histogram))
	}
	verb := map[bool]string{true: "", false: "would be "}[applied]
	b.WriteString("\nSummary:\n")
	fmt.Fprintf(&b, "  %d passed: %screated in the ATS and surveyed at step1\n", s.passed, verb)
	fmt.Fprintf(&b, "  %d below the threshold: %srejected, emailed and surveyed at step5\n", s.rejected, verb)
	fmt.Fprintf(&b, "  %d already rejected: left alone\n", s.alreadyRejected)
	if s.best != "" {
		fmt.Fprintf(&b, "  PDF report of the best candidate, %s: %d bytes, streamed to a temporary file\n", s.best, s.reportBytes)
	}
	fmt.Fprintf(&b, "  took %s\n", s.took.Round(10*time.Millisecond))
	_, err := io.WriteString(w, b.String())
	return err
}

// sparkline draws the histogram as one bar character per rating.
func sparkline(h cnps.Histogram) string {
	bars := []rune(" ▁▂▃▄▅▆▇█")
	largest := 0
	for _, n := range h {
		largest = max(largest, n)
	}
	var b strings.Builder
	for _, n := range h {
		i := 0
		if largest > 0 && n > 0 {
			i = max(1, n*(len(bars)-1)/largest) // a rating somebody gave always shows
		}
		b.WriteRune(bars[i])
	}
	return b.String()
}
