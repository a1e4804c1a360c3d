// Command cnps prints the candidate net promoter score of a Trustcruit
// stats answer: the score, the three groups and a histogram of the 0–10
// ratings.
//
//	go run ./examples/cnps                  # the example from Trustcruit's documentation
//	go run ./examples/cnps stats.json       # a saved answer
//	curl ... | go run ./examples/cnps       # an answer on standard input
//
// Bad input ends it with a one-line error and exit status 1.
package main

import (
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/recruitkit/recruitkit-go/cnps"
)

// documented is the stats answer shown in Trustcruit's documentation.
//
//go:embed documented.json
var documented []byte

func main() {
	if err := run(os.Args[1:], os.Stdin, os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "cnps:", oneLine(err))
		os.Exit(1)
	}
}

// run reads the answer named by args (a file, or "-" for stdin), or
// stdin when it is piped, or else the documented example, and prints its
// report to w.
func run(args []string, stdin *os.File, w io.Writer) error {
	input, name, err := readInput(args, stdin)
	if err != nil {
		return err
	}
	answer, err := parseAnswer(input)
	if err == nil {
		err = report(w, answer)
	}
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func readInput(args []string, stdin *os.File) (data []byte, name string, err error) {
	switch {
	case len(args) > 1:
		return nil, "", errors.New("usage: cnps [stats.json | -]")
	case len(args) == 1 && args[0] != "-":
		data, err = os.ReadFile(args[0])
		return data, args[0], err
	case len(args) == 1 || piped(stdin):
		data, err = io.ReadAll(stdin)
		return data, "standard input", err
	}
	return documented, "the documented example", nil
}

// piped reports whether stdin is a pipe or a file rather than a terminal
// (or /dev/null), so that a bare "go run" shows the documented example.
func piped(f *os.File) bool {
	if f == nil {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice == 0
}

// answer is a Trustcruit stats answer; Empty is the documented "[]" that
// means no data.
type answer struct {
	Question int            `json:"question"`
	Stats    map[string]int `json:"stats"`
	Count    *int           `json:"count"`
	Empty    bool           `json:"-"`
}

func parseAnswer(data []byte) (answer, error) {
	var a answer
	trimmed := strings.TrimSpace(string(data))
	if trimmed == "" {
		return a, errors.New("empty input: want a Trustcruit stats answer (a JSON object, or [] for no data)")
	}
	if strings.HasPrefix(trimmed, "[") {
		var list []json.RawMessage
		if err := json.Unmarshal(data, &list); err != nil || len(list) != 0 {
			return a, errors.New("a JSON list is only valid empty ([] means no data)")
		}
		return answer{Empty: true}, nil
	}
	if err := json.Unmarshal(data, &a); err != nil {
		return a, fmt.Errorf("not a Trustcruit stats answer: %w", err)
	}
	if a.Stats == nil {
		return a, errors.New(`no "stats" object in the answer`)
	}
	return a, nil
}

func report(w io.Writer, a answer) error {
	if a.Empty {
		_, err := fmt.Fprintln(w, "CNPS unavailable: no answers in this period")
		return err
	}
	h, err := cnps.ParseStats(a.Stats)
	if err != nil {
		return errors.New(strings.TrimPrefix(err.Error(), "cnps: "))
	}
	s := h.Score()
	rounded, ok := s.Rounded()
	if !ok {
		_, err := fmt.Fprintln(w, "CNPS unavailable: no ratings")
		return err
	}
	exact, _ := s.Value()
	moe, _ := s.MarginOfError(0.95)
	sh, _ := s.Shares()

	var b strings.Builder
	fmt.Fprintf(&b, "CNPS %d (exactly %.2f, ±%.1f at 95%% confidence) from %d ratings\n", rounded, exact, moe, s.Total)
	if a.Count != nil && *a.Count != s.Total {
		fmt.Fprintf(&b, "note: the answer's count is %d, but its ratings add up to %d; the score uses the ratings\n", *a.Count, s.Total)
	}
	b.WriteString("\n")
	fmt.Fprintf(&b, "promoters  (9-10) %8d %6.1f%%\n", s.Promoters, 100*sh.Promoters)
	fmt.Fprintf(&b, "passives   (7-8)  %8d %6.1f%%\n", s.Passives, 100*sh.Passives)
	fmt.Fprintf(&b, "detractors (0-6)  %8d %6.1f%%\n", s.Detractors, 100*sh.Detractors)
	b.WriteString("\nrating    count\n")
	writeHistogram(&b, h)
	_, err = io.WriteString(w, b.String())
	return err
}

// barWidth is the length of the longest bar of the histogram.
const barWidth = 40

func writeHistogram(b *strings.Builder, h cnps.Histogram) {
	largest := 0
	for _, n := range h {
		largest = max(largest, n)
	}
	for rating, n := range h {
		bar := 0
		if largest > 0 {
			bar = int((float64(n)/float64(largest))*barWidth + 0.5)
		}
		if bar == 0 && n > 0 {
			bar = 1 // a rating somebody gave is never shown as nobody
		}
		fmt.Fprintf(b, "%6d %8d %s\n", rating, n, strings.Repeat("#", bar))
	}
}

// oneLine keeps an error message on one line, as a command's error
// should be.
func oneLine(err error) string {
	return strings.Join(strings.Fields(err.Error()), " ")
}
