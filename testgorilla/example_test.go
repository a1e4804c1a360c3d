package testgorilla_test

import (
	"context"
	"errors"
	"fmt"
	"log"

	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
)

// exampleFake is a fake with one assessment and three candidatures; with
// the real API, use testgorilla.NewClient(apiKey) instead.
func exampleFake() (*testgorillatest.Server, testgorilla.Assessment) {
	fake := testgorillatest.NewServer()
	a := fake.AddAssessment("Go developer")
	for _, c := range []struct {
		name  string
		score float64
	}{{"Ada Lovelace", 91}, {"Alan Turing", 48}, {"Grace Hopper", 77}} {
		score := c.score
		fake.AddCandidature(a.ID, testgorilla.Candidature{FullName: c.name, Email: c.name[:3] + "@example.com",
			Status: testgorilla.StatusCompleted, AvgScore: &score})
	}
	return fake, a
}

func ExampleCandidaturesService_All() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()

	params := testgorilla.ListCandidaturesParams{
		Assessment: a.ID,
		Status:     testgorilla.StatusCompleted,
		Ordering:   testgorilla.OrderAvgScore.Desc(), // best score first
	}
	for cand, err := range c.Candidatures.All(context.Background(), params) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%-12s %3.0f\n", cand.FullName, *cand.AvgScore)
	}
	// Output:
	// Ada Lovelace  91
	// Grace Hopper  77
	// Alan Turing   48
}

func ExampleCandidaturesService_ChangeStage() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	page, err := c.Candidatures.List(ctx, testgorilla.ListCandidaturesParams{Assessment: a.ID, Ordering: testgorilla.OrderAvgScore, Limit: 1})
	if err != nil {
		log.Fatal(err)
	}
	lowest := page.Results[0]
	// Reject, then send the rejection email, which needs the REJ stage.
	change, err := c.Candidatures.ChangeStage(ctx, lowest.ID, testgorilla.StageRejected)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.Candidatures.SendRejectionEmail(ctx, lowest.ID); err != nil {
		log.Fatal(err)
	}
	fmt.Println(lowest.FullName, "->", change.Stage.Description())
	fmt.Println("emails sent:", len(fake.Emails()))
	// Output:
	// Alan Turing -> Rejected
	// emails sent: 1
}

func ExampleAssessmentsService_Invite() {
	fake, a := exampleFake()
	defer fake.Close()
	c := fake.Client()
	ctx := context.Background()

	inv, err := c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{
		Email: "linus@example.com", FirstName: "Linus", LastName: "Torvalds",
		NoEmail: true, // we send the link ourselves
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(inv.Email, inv.InvitationLink != "")

	_, err = c.Assessments.Invite(ctx, a.ID, testgorilla.InviteParams{Email: "linus@example.com", FirstName: "Linus", LastName: "T"})
	fmt.Println(errors.Is(err, testgorilla.ErrAlreadyInvited))
	// Output:
	// linus@example.com true
	// true
}

func ExampleParsePersonality() {
	p, err := testgorilla.ParsePersonality("3-3-1-1-1_30-32-28-19-28")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.Calibrated.Extraversion, p.Raw.EmotionalStability)
	// Output: 3 19
}
