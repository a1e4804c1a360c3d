package main

import (
	"context"
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/recruitkit/recruitkit-go/testgorilla"
)

// shown is how many assessments overview lists of each kind: a real
// account can hold many.
const shown = 10

// overview lists the account's assessments: one page of those candidates
// can still take (active or new), most candidates first, then the
// archived ones, last changed first, through All. It only reads.
func overview(ctx context.Context, w io.Writer, c *testgorilla.Client) error {
	page, err := c.Assessments.List(ctx, testgorilla.ListAssessmentsParams{
		Statuses: []testgorilla.AssessmentStatus{testgorilla.AssessmentActive, testgorilla.AssessmentNew},
		Ordering: testgorilla.OrderCandidates.Desc(),
		Limit:    shown,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "\n%d assessments open to candidates (active or new), most candidates first:\n", page.Count)
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	for _, a := range page.Results {
		fmt.Fprintf(tw, "  %s\t%s\t%d candidates\t%.0f%% finished\n", a.Name, a.Status, a.Candidates, a.FinishedPercentage)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if page.Count > len(page.Results) {
		fmt.Fprintf(w, "  (the first %d shown)\n", len(page.Results))
	}

	fmt.Fprintln(w, "Archived assessments, last changed first:")
	n := 0
	for a, err := range c.Assessments.All(ctx, testgorilla.ListAssessmentsParams{
		Status: testgorilla.AssessmentArchived, Ordering: testgorilla.OrderModified.Desc(), Limit: shown,
	}) {
		if err != nil {
			return err
		}
		if n == shown {
			fmt.Fprintf(w, "  (the first %d shown)\n", shown)
			break
		}
		n++
		fmt.Fprintf(w, "  %s: %d candidates, %d finished\n", a.Name, a.Candidates, a.Finished)
	}
	if n == 0 {
		fmt.Fprintln(w, "  none")
	}
	return nil
}
