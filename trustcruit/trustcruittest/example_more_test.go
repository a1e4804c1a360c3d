package trustcruittest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/url"

	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
)

// moreSubmit submits a candidate at step 1 for the customer sprancherID.
func moreSubmit(c *trustcruit.Client, sprancherID int, email string) error {
	return c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: sprancherID, Level: trustcruit.LevelStep1, Email: email,
	})
}

// Client is a client of the test customer with short retry waits; the
// options given come after the fake's and win.
func ExampleServer_Client() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	fake.FailNext(1, http.StatusServiceUnavailable)

	c := fake.Client(trustcruit.WithRetry(0, 0, 0)) // no retries: the 503 comes through
	var resp trustcruit.Response
	_, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS}, trustcruit.WithResponseInto(&resp))
	fmt.Println(resp.StatusCode, resp.Attempts, err != nil)
	// Output: 503 1 true
}

// Each customer has a token of its own, which may submit candidates for
// that customer only.
func ExampleServer_ClientWithToken() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	acme := fake.AddCustomer("Acme")

	err := moreSubmit(fake.ClientWithToken(acme.Token), acme.SprancherID, "ada@example.com")
	fmt.Println(err)
	err = moreSubmit(fake.Client(), acme.SprancherID, "ada@example.com") // the test customer's token
	fmt.Println(errors.Is(err, trustcruit.ErrUnauthorized))
	err = moreSubmit(fake.ClientWithToken("revoked"), acme.SprancherID, "ada@example.com")
	fmt.Println(errors.Is(err, trustcruit.ErrUnauthorized))
	// Output:
	// <nil>
	// true
	// true
}

// AddCustomer gives a new customer a sprancher id and a token of its own.
func ExampleServer_AddCustomer() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	acme := fake.AddCustomer("Acme")
	globex := fake.AddCustomer("Globex")
	fmt.Println(acme.SprancherID, acme.Name, globex.SprancherID, globex.Name, acme.Token != globex.Token)
	// Output: 2001 Acme 2002 Globex true
}

// The fake also hosts the create-customer page: it sets the customer up at
// once and sends the user back to the callback, so the whole onboarding
// runs offline.
func ExampleServer_Customers() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	link, err := trustcruit.CreateCustomerURL(trustcruit.CreateCustomerParams{
		Callback: "https://hr.example.com/trustcruit/callback", CustomerName: "Acme", AppURL: fake.URL(),
	})
	if err != nil {
		log.Fatal(err)
	}
	// The user's browser: stop at the redirect back to the callback.
	browser := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := browser.Get(link)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	back, _ := url.Parse(resp.Header.Get("Location"))
	cb, err := trustcruit.ParseCallback(back)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, back.Host, back.Path, cb.SprancherID)
	for _, c := range fake.Customers() {
		fmt.Println(c.SprancherID, c.Name)
	}
	// Output:
	// 302 hr.example.com /trustcruit/callback 2001
	// 1010 Test customer
	// 2001 Acme
}

// Answers are what Stats counts, by question (CNPS when zero) and day.
func ExampleServer_AddAnswers() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	july := trustcruit.Date{Year: 2026, Month: 7, Day: 1}
	fake.AddAnswers(trustcruit.TestSprancherID,
		trustcruittest.Answer{Date: july, Rating: 10},
		trustcruittest.Answer{Date: july.AddDays(1), Rating: 4},
		trustcruittest.Answer{Date: july, Rating: 10, Question: 406}, // another question
		trustcruittest.Answer{Date: july.AddDays(-1), Rating: 0},     // before the period
	)

	st, err := fake.Client().Stats(context.Background(), trustcruit.StatsParams{
		Question: trustcruit.QuestionCNPS, From: july, Until: july.AddDays(31),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(st.Count, st.Ratings)
	// Output: 2 map[10:1 4:1]
}

// Candidates shows what the fake received, decoded from the wire.
func ExampleServer_Candidates() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	c := fake.Client()
	err := c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelStep2, Email: "ada@example.com",
		Date: trustcruit.Date{Year: 2026, Month: 7, Day: 14}, Tags: trustcruit.Tags{trustcruit.TagCity: {"Malmö"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	if err := moreSubmit(c, trustcruit.TestSprancherID, "grace@example.com"); err != nil {
		log.Fatal(err)
	}
	for _, p := range fake.Candidates(trustcruit.TestSprancherID) {
		fmt.Println(p.Email, p.Level, p.Date, p.Tags)
	}
	fmt.Println(len(fake.Candidates(2001))) // no such customer
	// Output:
	// ada@example.com step2 2026-07-14 map[City:[Malmö]]
	// grace@example.com step1 0000-00-00 map[]
	// 0
}
