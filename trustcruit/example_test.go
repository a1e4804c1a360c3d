package trustcruit_test

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

func ExampleCreateCustomerURL() {
	link, err := trustcruit.CreateCustomerURL(trustcruit.CreateCustomerParams{
		Callback:     "https://hr.example.com/trustcruit/callback",
		CustomerName: "Acme",
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(link)
	// Output: https://app.trustcruit.com/customer/create/?callback=https%3A%2F%2Fhr.example.com%2Ftrustcruit%2Fcallback&customer_name=Acme
}

func ExampleParseCallback() {
	// The URL Trustcruit sent the user back to.
	u, _ := url.Parse("https://hr.example.com/trustcruit/callback?state=abc&sprancher_id=2042&token=s3cr3t")
	cb, err := trustcruit.ParseCallback(u)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cb.SprancherID, cb.Extra.Get("state"))
	fmt.Println(cb) // never shows the token
	// Output:
	// 2042 abc
	// trustcruit.Callback{SprancherID: 2042, Token: [REDACTED], Extra: map[state:[abc]]}
}

func ExampleCallbackHandler() {
	http.Handle("/trustcruit/callback", trustcruit.CallbackHandler(func(w http.ResponseWriter, r *http.Request, cb trustcruit.Callback) {
		// Store cb.SprancherID and cb.Token for the customer, then:
		http.Redirect(w, r, "/settings/integrations", http.StatusSeeOther)
	}))
}

func ExampleClient_SubmitCandidate() {
	fake := trustcruittest.NewServer() // the real API: trustcruit.NewClient(token)
	defer fake.Close()
	c := fake.Client()

	err := c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID,
		Level:       trustcruit.LevelStep1,
		Email:       "ada@example.com",
		JobAdTitle:  "Backend engineer",
		Tags:        trustcruit.Tags{trustcruit.TagCity: {"Stockholm"}, "Department": {"Platform", "Go"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	got := fake.Candidates(trustcruit.TestSprancherID)[0]
	fmt.Println(got.Email, got.Level, got.Tags["Department"])

	// Bad input never reaches the API.
	err = c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{SprancherID: 1010, Level: trustcruit.LevelStep1, Email: "ada"})
	fmt.Println(errors.Is(err, trustcruit.ErrInvalidParams), err)
	// Output:
	// ada@example.com step1 [Platform Go]
	// true trustcruit: invalid Email: "ada" is not an email address
}

func ExampleClient_Stats() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	for i, rating := range []int{10, 9, 9, 8, 6, 10, 3, 10} {
		fake.AddAnswers(trustcruit.TestSprancherID, trustcruittest.Answer{Date: trustcruit.Date{Year: 2026, Month: 7, Day: 1 + i}, Rating: rating})
	}

	st, err := fake.Client().Stats(context.Background(), trustcruit.StatsParams{
		Question: trustcruit.QuestionCNPS,
		From:     trustcruit.Date{Year: 2026, Month: 7, Day: 1},  // inclusive
		Until:    trustcruit.Date{Year: 2026, Month: 10, Day: 1}, // exclusive
	})
	if err != nil {
		log.Fatal(err)
	}
	score, err := st.CNPS()
	if err != nil {
		log.Fatal(err)
	}
	if v, ok := score.Rounded(); ok {
		fmt.Printf("CNPS %d from %d answers (%d promoters, %d detractors)\n", v, score.Total, score.Promoters, score.Detractors)
	} else {
		fmt.Println("CNPS unavailable")
	}
	// Output: CNPS 38 from 8 answers (5 promoters, 2 detractors)
}
