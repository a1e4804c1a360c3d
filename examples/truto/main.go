// Command truto walks through Truto's unified ATS API: it creates
// candidates (emails, phones, tags, and an application to a job), then
// pages through every candidate with All and prints them.
//
// With no credentials it runs against an in-process fake (package
// trutotest):
//
//	go run ./examples/truto
//
// With TRUTO_TOKEN and TRUTO_INTEGRATED_ACCOUNT_ID set it runs against
// the real API. It then only lists, and shows what it would create,
// unless -apply is given; TRUTO_JOB_ID names the job to apply the
// candidates to. TRUTO_BASE_URL points it at another host.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/recruitkit/recruitkit-go/truto"
	"github.com/recruitkit/recruitkit-go/truto/trutotest"
)

type config struct {
	token, account, jobID, baseURL string
	apply                          bool
}

func main() {
	cfg, err := configure(os.Args[1:], os.Getenv)
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
		defer cancel()
		err = run(ctx, os.Stdout, cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "truto example:", strings.Join(strings.Fields(err.Error()), " "))
		os.Exit(1)
	}
}

func configure(args []string, getenv func(string) string) (config, error) {
	fs := flag.NewFlagSet("truto", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	apply := fs.Bool("apply", false, "with real credentials, create the example candidates")
	if err := fs.Parse(args); err != nil {
		return config{}, fmt.Errorf("%w (flags: -apply)", err)
	}
	cfg := config{token: getenv("TRUTO_TOKEN"), account: getenv("TRUTO_INTEGRATED_ACCOUNT_ID"),
		jobID: getenv("TRUTO_JOB_ID"), baseURL: getenv("TRUTO_BASE_URL"), apply: *apply}
	if cfg.token != "" && cfg.account == "" {
		return config{}, errors.New("TRUTO_INTEGRATED_ACCOUNT_ID must be set along with TRUTO_TOKEN")
	}
	return cfg, nil
}

func exampleCandidates() []truto.CandidateInput {
	return []truto.CandidateInput{
		{FirstName: "Ada", LastName: "Lovelace", Title: "Engineer", Emails: []truto.Email{{Email: "ada@example.com", Type: "personal"}},
			Phones: []truto.Phone{{Number: "+46 8 123 45", Type: "mobile"}}, Tags: []truto.Tag{{Name: "testgorilla:91"}, {Name: "go"}}},
		{FirstName: "Grace", LastName: "Hopper", Title: "Architect", Emails: []truto.Email{{Email: "grace@example.com", Type: "work"}},
			Tags: []truto.Tag{{Name: "testgorilla:84"}}, Locations: []string{"Arlington"}},
		{FirstName: "Linus", LastName: "Torvalds", Emails: []truto.Email{{Email: "linus@example.com"}},
			Phones: []truto.Phone{{Number: "+1 503 555 0100", Extension: "7"}}, Tags: []truto.Tag{{Name: "testgorilla:77"}}},
	}
}

func run(ctx context.Context, w io.Writer, cfg config) error {
	live := cfg.token != ""
	if !live {
		fmt.Fprintln(w, "No TRUTO_TOKEN: running against the in-process fake.")
		fake := trutotest.NewServer()
		defer fake.Close()
		cfg.account = fake.AddAccount(trutotest.IntegrationGreenhouse)
		cfg.jobID = fake.AddJob(cfg.account, "Go developer").ID
		for i := range 47 { // candidates already in the ATS, so that All has pages to follow
			fake.AddRecord(cfg.account, "ats", "candidates", trutotest.Record{
				"first_name": "Existing", "last_name": fmt.Sprintf("Candidate %02d", i+1),
				"emails": []any{map[string]any{"email": fmt.Sprintf("existing%02d@example.com", i+1)}},
			})
		}
		cfg.token, cfg.baseURL, cfg.apply = trutotest.Token, fake.URL(), true
	}
	opts := []truto.Option{truto.WithUserAgent("recruitkit-example")}
	if cfg.baseURL != "" {
		opts = append(opts, truto.WithBaseURL(cfg.baseURL))
	}
	c, err := truto.NewClient(cfg.token, opts...)
	if err != nil {
		return err
	}

	fmt.Fprintln(w, "\nCreating candidates:")
	for _, in := range exampleCandidates() {
		if !cfg.apply {
			fmt.Fprintf(w, "  would create %s %s (dry run: add -apply)\n", in.FirstName, in.LastName)
			continue
		}
		cand, err := c.ATS.Candidates.Create(ctx, cfg.account, in, truto.CreateCandidateParams{JobID: cfg.jobID, ApplicationSource: truto.SourceApplicant})
		if err != nil {
			return err
		}
		stage := "no application"
		if len(cand.Applications) > 0 && cand.Applications[0].CurrentStage != nil {
			stage = "applied, stage " + cand.Applications[0].CurrentStage.Name
		}
		fmt.Fprintf(w, "  created %s (%s): %s\n", cand.Name, cand.ID, stage)
	}

	fmt.Fprintln(w, "\nEvery candidate, in pages of 20:")
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tname\temail\tphone\ttags")
	n := 0
	var rl truto.Response
	for cand, err := range c.ATS.Candidates.All(ctx, cfg.account, truto.ListParams{Limit: 20}, truto.WithResponseInto(&rl)) {
		if err != nil {
			return err
		}
		n++
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", n, displayName(cand), first(cand.Emails, func(e truto.Email) string { return e.Email }),
			first(cand.Phones, func(p truto.Phone) string { return p.Number }), tags(cand.Tags))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d candidates", n)
	if rl.RateLimit.Known {
		fmt.Fprintf(w, "; rate limit: %d of %d requests left", rl.RateLimit.Remaining, rl.RateLimit.Limit)
	}
	fmt.Fprintln(w)
	return nil
}

func displayName(c truto.Candidate) string {
	if c.Name != "" {
		return c.Name
	}
	return strings.TrimSpace(c.FirstName + " " + c.LastName)
}

func first[T any](items []T, f func(T) string) string {
	if len(items) == 0 {
		return "-"
	}
	return f(items[0])
}

func tags(ts []truto.Tag) string {
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.Name
	}
	if len(names) == 0 {
		return "-"
	}
	return strings.Join(names, ", ")
}
