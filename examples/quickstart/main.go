// Command quickstart runs the hiring pipeline recruitkit-go is for,
// across the three vendors:
//
//  1. list the completed TestGorilla candidatures of an assessment, best
//     score first;
//  2. for each one at or above the threshold, create the candidate in the
//     customer's ATS through Truto (tagged with the score) and submit it
//     to Trustcruit at step1;
//  3. for each one below, reject it in TestGorilla, send the rejection
//     email, and submit it to Trustcruit at step5;
//  4. download the best candidate's PDF report to a temporary file,
//     streamed, and print its size;
//  5. print the candidate NPS of the last quarter and the quarter before,
//     with margins of error and histograms, and a summary.
//
// With no credentials it starts in-process fakes of the three APIs,
// seeded with an assessment of a few hundred candidates, an ATS with a
// job, and a year of survey answers:
//
//	go run ./examples/quickstart
//
// With the vendors' variables set (TESTGORILLA_TOKEN and
// TESTGORILLA_ASSESSMENT; TRUTO_TOKEN, TRUTO_INTEGRATED_ACCOUNT_ID and
// optionally TRUTO_JOB_ID; TRUSTCRUIT_TOKEN and TRUSTCRUIT_SPRANCHER_ID)
// it talks to the real APIs. It writes to them only with -apply; without
// it, it reads and says what it would do.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

func main() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	cancel()
	if err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", strings.Join(strings.Fields(err.Error()), " "))
		os.Exit(1)
	}
}

// vendorVars are the variables of each vendor: all of them, or none.
var vendorVars = []string{
	"TESTGORILLA_TOKEN", "TESTGORILLA_ASSESSMENT", "TRUTO_TOKEN", "TRUTO_INTEGRATED_ACCOUNT_ID",
	"TRUSTCRUIT_TOKEN", "TRUSTCRUIT_SPRANCHER_ID",
}

func run(ctx context.Context, args []string, getenv func(string) string, out, progress io.Writer) error {
	fs := flag.NewFlagSet("quickstart", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	threshold := fs.Float64("threshold", 60, "average score (0-100) a candidate needs to pass")
	apply := fs.Bool("apply", false, "with real credentials, write to the APIs instead of only saying what would be written")
	if err := fs.Parse(args); err != nil {
		return fmt.Errorf("%w (flags: -threshold N, -apply)", err)
	}
	if *threshold < 0 || *threshold > 100 {
		return fmt.Errorf("-threshold %v: want a score from 0 to 100", *threshold)
	}
	var set, unset []string
	for _, v := range vendorVars {
		if getenv(v) != "" {
			set = append(set, v)
		} else {
			unset = append(unset, v)
		}
	}
	p := &pipeline{threshold: *threshold, today: trustcruit.DateOf(time.Now()), progress: progress}
	switch {
	case len(set) == 0:
		fmt.Fprintln(out, "No credentials: running against in-process fakes of TestGorilla, Truto and Trustcruit.")
		defer p.useFakes().Close()
	case len(unset) == 0:
		if err := p.useRealAPIs(getenv, *apply); err != nil {
			return err
		}
		if !p.apply {
			fmt.Fprintln(out, "Real APIs, dry run: nothing is written (add -apply to write).")
		}
	default:
		return fmt.Errorf("set all of %s, or none of them to run on fakes; missing: %s",
			strings.Join(vendorVars, ", "), strings.Join(unset, ", "))
	}
	fmt.Fprintf(out, "Screening assessment %d: completed candidates, best score first; pass at %.0f.\n", p.assessment, p.threshold)
	s, err := p.run(ctx)
	if err != nil {
		return err
	}
	return report(out, s, p.apply)
}

// fakes are the three in-process fakes, seeded.
type fakes struct {
	testgorilla *testgorillatest.Server
	truto       *trutotest.Server
	trustcruit  *trustcruittest.Server
	answers     []trustcruittest.Answer // the survey answers given to Trustcruit
}

func (f *fakes) Close() { f.testgorilla.Close(); f.truto.Close(); f.trustcruit.Close() }

// useFakes starts and seeds the three fakes and points p at them.
func (p *pipeline) useFakes() *fakes {
	f := &fakes{testgorilla: testgorillatest.NewServer(), truto: trutotest.NewServer(), trustcruit: trustcruittest.NewServer()}
	// The vendors' rate limits stay on, with windows of a quarter second
	// instead of a minute (TestGorilla) and ten seconds (Truto), so the
	// run shows the client waiting them out without taking minutes.
	f.testgorilla.SetRateLimitWindow(250 * time.Millisecond)
	f.truto.SetRateLimit(50, 250*time.Millisecond)

	a := f.testgorilla.AddAssessment("Go developer", "Go (coding)", "Problem solving", "Big 5 (OCEAN)")
	f.testgorilla.Seed(a.ID, 300, 2026)
	p.assessment = a.ID
	p.account = f.truto.AddAccount(trutotest.IntegrationGreenhouse)
	p.jobID = f.truto.AddJob(p.account, "Go developer").ID
	p.sprancherID = trustcruit.TestSprancherID
	f.answers = aYearOfAnswers(p.today)
	f.trustcruit.AddAnswers(p.sprancherID, f.answers...)
	p.apply = true

	p.testgorilla = f.testgorilla.Client(testgorilla.WithRetry(5, 10*time.Millisecond, 5*time.Second))
	p.truto = f.truto.Client(truto.WithRetry(5, 10*time.Millisecond, 5*time.Second))
	p.trustcruit = f.trustcruit.Client()
	return f
}

// aYearOfAnswers is a year of survey answers before today, a few a day,
// skewed towards promoters as real surveys are.
func aYearOfAnswers(today trustcruit.Date) []trustcruittest.Answer {
	rng := rand.New(rand.NewPCG(405, 7))
	weights := []int{2, 1, 1, 1, 2, 3, 4, 8, 17, 16, 45} // ratings 0..10
	total := 0
	for _, w := range weights {
		total += w
	}
	var answers []trustcruittest.Answer
	for d := today.AddDays(-365); d.Before(today); d = d.AddDays(1) {
		for range rng.IntN(6) {
			n, rating := rng.IntN(total), 0
			for n >= weights[rating] {
				n -= weights[rating]
				rating++
			}
			answers = append(answers, trustcruittest.Answer{Date: d, Rating: rating})
		}
	}
	return answers
}

// useRealAPIs points p at the vendors' APIs with the variables' values.
func (p *pipeline) useRealAPIs(getenv func(string) string, apply bool) error {
	var err error
	if p.assessment, err = positive(getenv, "TESTGORILLA_ASSESSMENT"); err != nil {
		return err
	}
	if p.sprancherID, err = positive(getenv, "TRUSTCRUIT_SPRANCHER_ID"); err != nil {
		return err
	}
	p.account, p.jobID, p.apply = getenv("TRUTO_INTEGRATED_ACCOUNT_ID"), getenv("TRUTO_JOB_ID"), apply
	ua := "recruitkit-quickstart"
	if p.testgorilla, err = testgorilla.NewClient(getenv("TESTGORILLA_TOKEN"), testgorilla.WithUserAgent(ua)); err != nil {
		return err
	}
	if p.truto, err = truto.NewClient(getenv("TRUTO_TOKEN"), truto.WithUserAgent(ua)); err != nil {
		return err
	}
	p.trustcruit, err = trustcruit.NewClient(getenv("TRUSTCRUIT_TOKEN"), trustcruit.WithUserAgent(ua))
	return err
}

func positive(getenv func(string) string, name string) (int, error) {
	n, err := strconv.Atoi(getenv(name))
	if err != nil || n <= 0 {
		return 0, errors.New(name + " must be a positive id")
	}
	return n, nil
}
