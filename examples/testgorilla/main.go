// Command testgorilla screens an assessment's candidates. It first
// lists the account's assessments: those open to candidates, most
// candidates first, and the archived ones. Then it lists the assessment's
// completed candidatures best score first, rejects those below a
// threshold and sends them TestGorilla's rejection email, and prints a
// summary table. Then it looks closer at the best candidate: their
// candidate record, each test result typed by kind (a basic test's
// details, time and skill areas, and a personality type's description
// included), the anti-cheating flags, and the PDF report, read as it
// streams and streamed to a temporary file. On the fake it also shows the
// ways to invite: a personal link without TestGorilla's email, and the
// public link, closed, opened again and relabelled.
//
// With no credentials it runs against an in-process fake
// (package testgorillatest) seeded with a few hundred candidates, rate
// limits included (with one-second windows, so that the run is quick):
//
//	go run ./examples/testgorilla
//	go run ./examples/testgorilla -threshold 60
//
// With TESTGORILLA_TOKEN (an API key) and TESTGORILLA_ASSESSMENT (an
// assessment id) set it runs against the real API, read-only: it shows
// whom it would reject. -apply makes it reject them and send the emails.
// TESTGORILLA_BASE_URL points it at another host.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
)

type config struct {
	token      string
	baseURL    string
	assessment int
	threshold  float64
	apply      bool
}

func main() {
	cfg, err := configure(os.Args[1:], os.Getenv)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		err = run(ctx, os.Stdout, cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "testgorilla example:", strings.Join(strings.Fields(err.Error()), " "))
		os.Exit(1)
	}
}

func configure(args []string, getenv func(string) string) (config, error) {
	fs := flag.NewFlagSet("testgorilla", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	threshold := fs.Float64("threshold", 50, "reject completed candidates whose average score is below this (0-100)")
	apply := fs.Bool("apply", false, "with real credentials, reject and email instead of only showing whom")
	if err := fs.Parse(args); err != nil {
		return config{}, fmt.Errorf("%w (flags: -threshold N, -apply)", err)
	}
	if *threshold < 0 || *threshold > 100 {
		return config{}, fmt.Errorf("-threshold %v: want a score from 0 to 100", *threshold)
	}
	cfg := config{token: getenv("TESTGORILLA_TOKEN"), baseURL: getenv("TESTGORILLA_BASE_URL"), threshold: *threshold, apply: *apply}
	if cfg.token != "" {
		id, err := strconv.Atoi(getenv("TESTGORILLA_ASSESSMENT"))
		if err != nil || id <= 0 {
			return config{}, errors.New("TESTGORILLA_ASSESSMENT must be set to an assessment id along with TESTGORILLA_TOKEN")
		}
		cfg.assessment = id
	}
	return cfg, nil
}

// outcome is one row of the summary.
type outcome struct {
	name   string
	score  float64
	stage  testgorilla.Stage
	action string
}

func run(ctx context.Context, w io.Writer, cfg config) error {
	var opts []testgorilla.Option
	live := cfg.token != ""
	var fake *testgorillatest.Server
	if !live {
		fmt.Fprintln(w, "No TESTGORILLA_TOKEN: running against the in-process fake.")
		fake = testgorillatest.NewServer()
		defer fake.Close()
		fake.SetRateLimitWindow(time.Second)
		a := fake.AddAssessment("Go developer (example)", "Go (coding)", "Problem solving", "Big 5 (OCEAN)", "16 Types")
		fake.Seed(a.ID, 300, 2026)
		// Two more, for the overview: one with no candidate yet, one
		// archived.
		fake.AddAssessment("Data analyst (example)", "Problem solving")
		old := fake.AddAssessment("Support agent (2025)", "Problem solving")
		fake.Seed(old.ID, 40, 2025)
		fake.ArchiveAssessment(old.ID)
		cfg.token, cfg.baseURL, cfg.assessment, cfg.apply = testgorillatest.APIKey, fake.URL(), a.ID, true
	}
	if cfg.baseURL != "" {
		opts = append(opts, testgorilla.WithBaseURL(cfg.baseURL))
	}
	c, err := testgorilla.NewClient(cfg.token, append(opts, testgorilla.WithUserAgent("recruitkit-example"))...)
	if err != nil {
		return err
	}
	if err := overview(ctx, w, c); err != nil {
		return err
	}

	params := testgorilla.ListCandidaturesParams{
		Assessment: cfg.assessment, Status: testgorilla.StatusCompleted, Ordering: testgorilla.OrderAvgScore.Desc(),
	}
	var rows []outcome
	var best *testgorilla.Candidature
	kept, rejected := 0, 0
	for cand, err := range c.Candidatures.All(ctx, params) {
		if err != nil {
			return err
		}
		if best == nil {
			best = &cand // best score first
		}
		row := outcome{name: cand.FullName, stage: cand.Stage, action: "keep"}
		if cand.AvgScore != nil {
			row.score = *cand.AvgScore
		}
		switch {
		case cand.AvgScore == nil || *cand.AvgScore >= cfg.threshold:
			kept++
		case cand.Stage == testgorilla.StageRejected:
			row.action = "already rejected"
		case !cfg.apply:
			row.action = "would reject (dry run: add -apply)"
			rejected++
		default:
			if _, err := c.Candidatures.ChangeStage(ctx, cand.ID, testgorilla.StageRejected); err != nil {
				return err
			}
			if err := c.Candidatures.SendRejectionEmail(ctx, cand.ID); err != nil {
				return err
			}
			row.action, row.stage = "rejected, emailed", testgorilla.StageRejected
			rejected++
		}
		rows = append(rows, row)
	}
	if err := summarize(w, rows, cfg.threshold, kept, rejected, live && !cfg.apply); err != nil {
		return err
	}
	if best != nil {
		if err := closer(ctx, w, c, cfg.assessment, *best); err != nil {
			return err
		}
	}
	if fake != nil {
		return invitations(ctx, w, c, fake, cfg.assessment)
	}
	return nil
}

func summarize(w io.Writer, rows []outcome, threshold float64, kept, rejected int, dryRun bool) error {
	fmt.Fprintf(w, "\n%d completed candidatures, best score first; threshold %.0f\n\n", len(rows), threshold)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tcandidate\tscore\tstage\taction")
	for i, r := range rows {
		fmt.Fprintf(tw, "%d\t%s\t%.0f\t%s\t%s\n", i+1, r.name, r.score, r.stage.Description(), r.action)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	verb := "rejected and emailed"
	if dryRun {
		verb = "to reject"
	}
	_, err := fmt.Fprintf(w, "\n%d kept, %d %s, %d already rejected\n", kept, rejected, verb, len(rows)-kept-rejected)
	return err
}
