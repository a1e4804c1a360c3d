// Command trustcruit walks through the Trustcruit API: it connects a
// customer through the create-customer page and its callback, submits
// candidates at several hiring steps, and prints the CNPS of a period.
//
// With no credentials it runs everything against an in-process fake
// (package trustcruittest), seeded with a year of survey answers:
//
//	go run ./examples/trustcruit
//	go run ./examples/trustcruit -from 2026-01-01 -until 2026-07-01
//
// With TRUSTCRUIT_TOKEN and TRUSTCRUIT_SPRANCHER_ID set it talks to the
// real API. It then only reads (the stats) and shows what it would
// submit, unless -apply is given; with -apply it submits the example
// candidates at Trustcruit's test level ("test step").
// TRUSTCRUIT_BASE_URL points it at another API host, such as a staging
// server.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
)

type config struct {
	token       string // TRUSTCRUIT_TOKEN; empty runs on the fake
	baseURL     string // TRUSTCRUIT_BASE_URL; empty is the real API
	sprancherID int    // TRUSTCRUIT_SPRANCHER_ID
	apply       bool
	from, until trustcruit.Date
	today       trustcruit.Date
}

func main() {
	cfg, err := configure(os.Args[1:], os.Getenv, time.Now())
	if err == nil {
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		defer cancel()
		err = run(ctx, os.Stdout, cfg)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "trustcruit example:", strings.Join(strings.Fields(err.Error()), " "))
		os.Exit(1)
	}
}

func configure(args []string, getenv func(string) string, now time.Time) (config, error) {
	fs := flag.NewFlagSet("trustcruit", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	apply := fs.Bool("apply", false, "with real credentials, submit the example candidates (at the test level)")
	from := fs.String("from", "", "first day of the stats period, YYYY-MM-DD (default: the first day of the last full quarter)")
	until := fs.String("until", "", "the day after the period, YYYY-MM-DD (default: the first day of this quarter)")
	if err := fs.Parse(args); err != nil {
		return config{}, fmt.Errorf("%w (flags: -apply, -from YYYY-MM-DD, -until YYYY-MM-DD)", err)
	}
	cfg := config{token: getenv("TRUSTCRUIT_TOKEN"), baseURL: getenv("TRUSTCRUIT_BASE_URL"), apply: *apply, today: trustcruit.DateOf(now)}
	cfg.until = trustcruit.Date{Year: cfg.today.Year, Month: cfg.today.Month - (cfg.today.Month-1)%3, Day: 1}
	cfg.from = trustcruit.DateOf(cfg.until.Time(time.UTC).AddDate(0, -3, 0))
	for _, f := range []struct {
		value string
		dst   *trustcruit.Date
	}{{*from, &cfg.from}, {*until, &cfg.until}} {
		if f.value != "" {
			d, err := trustcruit.ParseDate(f.value)
			if err != nil {
				return config{}, err
			}
			*f.dst = d
		}
	}
	if cfg.token != "" {
		id, err := strconv.Atoi(getenv("TRUSTCRUIT_SPRANCHER_ID"))
		if err != nil || id <= 0 {
			return config{}, errors.New("TRUSTCRUIT_SPRANCHER_ID must be set to the customer's id along with TRUSTCRUIT_TOKEN")
		}
		cfg.sprancherID = id
	}
	return cfg, nil
}

func run(ctx context.Context, w io.Writer, cfg config) error {
	var (
		client *trustcruit.Client
		err    error
		live   = cfg.token != "" // the real API: submit at the test level, and only with -apply
	)
	if !live {
		fmt.Fprintln(w, "No TRUSTCRUIT_TOKEN: running against the in-process fake.")
		fake := trustcruittest.NewServer()
		defer fake.Close()
		cb, err := connectCustomer(ctx, w, fake.URL())
		if err != nil {
			return err
		}
		seedAYearOfAnswers(fake, cb.SprancherID, cfg.today)
		cfg.sprancherID = cb.SprancherID
		client, err = trustcruit.NewClient(cb.Token, trustcruit.WithBaseURL(fake.URL()))
		if err != nil {
			return err
		}
	} else {
		opts := []trustcruit.Option{trustcruit.WithUserAgent("recruitkit-example")}
		if cfg.baseURL != "" {
			opts = append(opts, trustcruit.WithBaseURL(cfg.baseURL))
		}
		client, err = trustcruit.NewClient(cfg.token, opts...)
		if err != nil {
			return err
		}
	}

	fmt.Fprintln(w, "\nSubmitting candidates:")
	for _, p := range exampleCandidates(cfg.sprancherID, cfg.today) {
		if live {
			p.Level = trustcruit.LevelTest
		}
		if live && !cfg.apply {
			fmt.Fprintf(w, "  would submit %-22s at %-9q (dry run: add -apply to submit)\n", p.Email, p.Level)
			continue
		}
		if err := client.SubmitCandidate(ctx, p); err != nil {
			return err
		}
		fmt.Fprintf(w, "  submitted %-22s at %q\n", p.Email, p.Level)
	}

	st, err := client.Stats(ctx, trustcruit.StatsParams{Question: trustcruit.QuestionCNPS, From: cfg.from, Until: cfg.until})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\nCNPS from %s until %s (exclusive): ", cfg.from, cfg.until)
	score, err := st.CNPS()
	if err != nil {
		return err
	}
	v, ok := score.Rounded()
	if !ok {
		fmt.Fprintln(w, "unavailable (no answers)")
		return nil
	}
	moe, _ := score.MarginOfError(0.95)
	fmt.Fprintf(w, "%d ±%.1f (95%%), %d answers: %d promoters, %d passives, %d detractors\n",
		v, moe, score.Total, score.Promoters, score.Passives, score.Detractors)
	return nil
}

// connectCustomer plays the create-customer flow: our callback endpoint,
// the link the user follows, and the callback that comes back.
func connectCustomer(ctx context.Context, w io.Writer, appURL string) (trustcruit.Callback, error) {
	got := make(chan trustcruit.Callback, 1)
	callback := httptest.NewServer(trustcruit.CallbackHandler(func(rw http.ResponseWriter, _ *http.Request, cb trustcruit.Callback) {
		got <- cb
		_, _ = io.WriteString(rw, "Trustcruit is connected.")
	}))
	defer callback.Close()

	link, err := trustcruit.CreateCustomerURL(trustcruit.CreateCustomerParams{
		Callback: callback.URL + "/trustcruit/callback", CustomerName: "Example AB", AppURL: appURL,
	})
	if err != nil {
		return trustcruit.Callback{}, err
	}
	fmt.Fprintf(w, "1. Send the user to %s\n", link)
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, link, nil)
	if err != nil {
		return trustcruit.Callback{}, err
	}
	resp, err := http.DefaultClient.Do(req) // the user's browser, following the redirect
	if err != nil {
		return trustcruit.Callback{}, err
	}
	resp.Body.Close()
	select {
	case cb := <-got:
		fmt.Fprintf(w, "2. The callback brought customer %d and its token (%s)\n", cb.SprancherID, cb)
		return cb, nil
	default:
		return trustcruit.Callback{}, fmt.Errorf("the callback was not called (status %s)", resp.Status)
	}
}

func exampleCandidates(sprancherID int, today trustcruit.Date) []trustcruit.SubmitCandidateParams {
	tags := trustcruit.Tags{trustcruit.TagCity: {"Stockholm"}, trustcruit.TagRecruiterName: {"Leon"}, "Department": {"Engineering", "Platform"}}
	return []trustcruit.SubmitCandidateParams{
		{SprancherID: sprancherID, Level: trustcruit.LevelStep1, Email: "ada@example.com", JobAdTitle: "Backend engineer", Tags: tags},
		{SprancherID: sprancherID, Level: trustcruit.LevelStep2, Email: "grace@example.com", JobAdTitle: "Backend engineer", Tags: tags, Date: today.AddDays(-2)},
		{SprancherID: sprancherID, Level: trustcruit.LevelStep5, Email: "linus@example.com", JobAdTitle: "Backend engineer", Tags: tags},
	}
}

// seedAYearOfAnswers gives the fake a year of answers before today, a
// few a day, skewed towards promoters as real surveys are.
func seedAYearOfAnswers(fake *trustcruittest.Server, sprancherID int, today trustcruit.Date) {
	rng := rand.New(rand.NewPCG(405, uint64(today.Year)))
	weights := []int{2, 1, 1, 1, 1, 3, 3, 8, 18, 16, 46} // ratings 0..10
	var answers []trustcruittest.Answer
	for d := today.AddDays(-365); d.Before(today); d = d.AddDays(1) {
		for range rng.IntN(6) {
			answers = append(answers, trustcruittest.Answer{Date: d, Rating: pick(rng, weights)})
		}
	}
	fake.AddAnswers(sprancherID, answers...)
}

func pick(rng *rand.Rand, weights []int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := rng.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return len(weights) - 1
}
