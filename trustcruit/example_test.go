package trustcruit_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

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
	h := trustcruit.CallbackHandler(func(w http.ResponseWriter, r *http.Request, cb trustcruit.Callback) {
		// Store cb.SprancherID and cb.Token for the customer, then:
		fmt.Println("connected customer", cb.SprancherID)
		http.Redirect(w, r, "/settings/integrations", http.StatusSeeOther)
	})
	// Mount h at your callback URL: http.Handle("/trustcruit/callback", h).
	// Here Trustcruit's redirect back is played by hand.
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/trustcruit/callback?sprancher_id=2042&token=s3cr3t", nil))
	fmt.Println(rec.Code, rec.Header().Get("Location"))

	// A callback without the customer's id is answered 400, and fn is not called.
	rec = httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/trustcruit/callback?token=s3cr3t", nil))
	fmt.Println(rec.Code)
	// Output:
	// connected customer 2042
	// 303 /settings/integrations
	// 400
}

func ExampleNewClient() {
	fake := trustcruittest.NewServer()
	defer fake.Close()

	// token is the customer's, from the create-customer callback; the
	// options are all optional (WithBaseURL points at the fake here).
	c, err := trustcruit.NewClient(trustcruittest.TestToken,
		trustcruit.WithBaseURL(fake.URL()),
		trustcruit.WithTimeout(30*time.Second),
		trustcruit.WithRetry(5, 100*time.Millisecond, 10*time.Second),
		trustcruit.WithUserAgent("acme-ats/2.1"),
	)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Contains(fmt.Sprint(c), trustcruittest.TestToken)) // no formatting shows the token

	_, err = trustcruit.NewClient("")
	fmt.Println(err)
	// Output:
	// false
	// trustcruit: invalid token: must not be empty
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

// Every method takes RequestOptions last. WithResponseInto reports what
// the answer said, on success and on an error answer alike.
func ExampleWithResponseInto() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	c := fake.Client()

	var resp trustcruit.Response
	_, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS},
		trustcruit.WithResponseInto(&resp), trustcruit.WithHeader("X-Request-Id", "sync-42"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode, resp.Attempts, resp.Header.Get("Content-Type"))
	fmt.Println(fake.Requests()[0].Header.Get("X-Request-Id"))
	// Output:
	// 200 1 application/json
	// sync-42
}

// Errors are typed: errors.As gives an error answer's status, the
// vendor's message and per-field problems; errors.Is matches sentinels.
func ExampleAPIError() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	c := fake.Client()

	err := c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: 999999, Level: trustcruit.LevelStep1, Email: "ada@example.com",
	})
	var apiErr *trustcruit.APIError
	if errors.As(err, &apiErr) {
		fmt.Println(apiErr.StatusCode, apiErr.Fields[0].Field, apiErr.Attempts)
	}
	fmt.Println(errors.Is(err, trustcruit.ErrOutcomeUnknown), err)
	// Output:
	// 400 customer_sprancher_id 1
	// false trustcruit: POST /feedback/api/candidate/: 400 Bad Request; customer_sprancher_id: Invalid pk "999999" - object does not exist.
}
