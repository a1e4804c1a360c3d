package testgorilla_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/recruitkit/recruitkit-go/testgorilla/testgorillatest"
)

// PersonalData tells package recording which fields hold personal data:
// recording an invitation keeps the candidate's email and names out of
// the cassette, and the same email is the same pseudonym in the answer.
func ExamplePersonalData() {
	fake := testgorillatest.NewServer()
	defer fake.Close()
	a := fake.AddAssessment("Go developer")
	// The recorder keeps the exchanges in memory; Save would write them
	// to invite.json.
	rec, err := recording.NewRecorder("invite.json", nil, recording.Personal(testgorilla.PersonalData()...))
	if err != nil {
		log.Fatal(err)
	}
	c := fake.Client(testgorilla.WithHTTPClient(&http.Client{Transport: rec}))
	_, err = c.Assessments.Invite(context.Background(), a.ID, testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace"})
	if err != nil {
		log.Fatal(err)
	}
	exchange := rec.Cassette().Interactions[0]
	var body bytes.Buffer
	if err := json.Compact(&body, exchange.Request.Body.JSON); err != nil {
		log.Fatal(err)
	}
	fmt.Println(body.String())
	var answer struct {
		Email string `json:"email"`
	}
	if err := json.Unmarshal(exchange.Response.Body.JSON, &answer); err != nil {
		log.Fatal(err)
	}
	fmt.Println(answer.Email)
	// Output:
	// {"email":"email-1@example.invalid","first_name":"Name 1","last_name":"Name 2"}
	// email-1@example.invalid
}
