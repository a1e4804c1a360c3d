package trustcruit_test

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"time"

	"github.com/recruitkit/recruitkit-go/cnps"
	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
)

// moreSeeStats makes one Stats call with a client built with opts against
// a stand-in server, and prints the request the server received.
func moreSeeStats(opts ...trustcruit.Option) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		scheme, _, _ := strings.Cut(r.Header.Get("Authorization"), " ")
		fmt.Println(r.Method, r.URL.Path, "scheme:", scheme)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, "[]")
	}))
	defer srv.Close()
	c, err := trustcruit.NewClient("customer-token", append([]trustcruit.Option{trustcruit.WithBaseURL(srv.URL)}, opts...)...)
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS}); err != nil {
		log.Fatal(err)
	}
}

// Trustcruit does not publish its Authorization scheme: if it gives you
// another one than "Token", say so.
func ExampleWithAuthScheme() {
	moreSeeStats()
	moreSeeStats(trustcruit.WithAuthScheme("Bearer"))
	// Output:
	// GET /shinyform/api/answers/stats/ scheme: Token
	// GET /shinyform/api/answers/stats/ scheme: Bearer
}

// The stats path is assumed too; a path without its slashes is refused
// before any request.
func ExampleWithStatsPath() {
	moreSeeStats(trustcruit.WithStatsPath("/shinyform/api/v2/answers/stats/"))

	_, err := trustcruit.NewClient("customer-token", trustcruit.WithStatsPath("/no/trailing/slash"))
	fmt.Println(err)
	// Output:
	// GET /shinyform/api/v2/answers/stats/ scheme: Token
	// trustcruit: invalid WithStatsPath: "/no/trailing/slash" must start and end with /
}

// If Trustcruit sends your customers back under other parameter names,
// give them: the token is read from the first name present.
func ExampleParseCallbackNames() {
	names := trustcruit.CallbackNames{SprancherID: "customer", Token: []string{"api_token", "key"}}
	u, _ := url.Parse("https://hr.example.com/trustcruit/callback?customer=2042&key=s3cr3t&state=abc")
	cb, err := trustcruit.ParseCallbackNames(u, names)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(cb.SprancherID, cb.Token == "s3cr3t", cb.Extra.Encode())

	_, err = trustcruit.ParseCallbackNames(u, trustcruit.DefaultCallbackNames)
	fmt.Println(err)
	// Output:
	// 2042 true state=abc
	// trustcruit: invalid sprancher_id: missing from the callback
}

func ExampleCallbackHandlerNames() {
	names := trustcruit.CallbackNames{SprancherID: "customer", Token: []string{"api_token"}}
	h := trustcruit.CallbackHandlerNames(names, func(w http.ResponseWriter, _ *http.Request, cb trustcruit.Callback) {
		fmt.Println("connected customer", cb.SprancherID)
		w.WriteHeader(http.StatusNoContent)
	})
	for _, target := range []string{"/callback?customer=2042&api_token=s3cr3t", "/callback?sprancher_id=2042&token=s3cr3t"} {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, target, nil))
		fmt.Println(rec.Code, cmp.Or(strings.TrimSpace(rec.Body.String()), "(no body)"))
	}
	// Output:
	// connected customer 2042
	// 204 (no body)
	// 400 trustcruit callback: trustcruit: invalid customer: missing from the callback
}

func ExampleParseDate() {
	d, err := trustcruit.ParseDate("2026-07-01")
	fmt.Println(d, d.Month, err)

	_, err = trustcruit.ParseDate("2026-02-30")
	fmt.Println(err)
	// Output:
	// 2026-07-01 July <nil>
	// trustcruit: date "2026-02-30": want YYYY-MM-DD from year 1 to 9999
}

// DateOf takes the day in the time's own location: convert the time to
// the zone whose day you mean first.
func ExampleDateOf() {
	t := time.Date(2026, 6, 30, 23, 30, 0, 0, time.UTC)
	stockholm := time.FixedZone("CEST", 2*60*60)
	fmt.Println(trustcruit.DateOf(t), trustcruit.DateOf(t.In(stockholm)))
	// Output: 2026-06-30 2026-07-01
}

// The last 30 days, today included: Until is exclusive, so it is
// tomorrow.
func ExampleDate_AddDays() {
	today := trustcruit.Date{Year: 2026, Month: time.January, Day: 15}
	until := today.AddDays(1)
	p := trustcruit.StatsParams{Question: trustcruit.QuestionCNPS, From: until.AddDays(-30), Until: until}
	fmt.Println(p.From, p.Until)
	// Output: 2025-12-17 2026-01-16
}

func ExampleDate_Before() {
	a := trustcruit.Date{Year: 2025, Month: time.December, Day: 31}
	b := trustcruit.Date{Year: 2026, Month: time.January, Day: 1}
	fmt.Println(a.Before(b), b.Before(a), a.Before(a))
	// Output: true false false
}

func ExampleDate_IsValid() {
	for _, d := range []trustcruit.Date{{Year: 2028, Month: 2, Day: 29}, {Year: 2026, Month: 2, Day: 29}, {}} {
		fmt.Println(d, d.IsValid())
	}
	// Output:
	// 2028-02-29 true
	// 2026-02-29 false
	// 0000-00-00 false
}

// The zero Date means "not set": a StatsParams without From or Until
// sends no bound.
func ExampleDate_IsZero() {
	var p trustcruit.StatsParams
	fmt.Println(p.From.IsZero(), trustcruit.Date{Year: 2026, Month: 7, Day: 1}.IsZero())
	// Output: true false
}

func ExampleDate_Time() {
	d := trustcruit.Date{Year: 2026, Month: time.July, Day: 1}
	fmt.Println(d.Time(time.UTC))
	fmt.Println(d.Time(time.FixedZone("CEST", 2*60*60)).UTC())
	// Output:
	// 2026-07-01 00:00:00 +0000 UTC
	// 2026-06-30 22:00:00 +0000 UTC
}

// Validate checks a candidate as SubmitCandidate would, without sending
// it: to refuse bad input where it comes in, or before queueing it.
func ExampleSubmitCandidateParams_Validate() {
	p := trustcruit.SubmitCandidateParams{SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelStep2, Email: "ada@example.com"}
	fmt.Println(p.Validate())
	p.Date = trustcruit.Date{Year: 2026, Month: 2, Day: 30}
	fmt.Println(p.Validate())
	// Output:
	// <nil>
	// trustcruit: invalid Date: 2026-02-30 is not a calendar day
}

func ExampleStatsParams_Validate() {
	q3 := trustcruit.StatsParams{
		Question: trustcruit.QuestionCNPS,
		From:     trustcruit.Date{Year: 2026, Month: 7, Day: 1},
		Until:    trustcruit.Date{Year: 2026, Month: 10, Day: 1},
	}
	fmt.Println(q3.Validate())
	oneDay := q3
	oneDay.Until = q3.From // Until is exclusive: the day after the last one
	fmt.Println(oneDay.Validate())
	// Output:
	// <nil>
	// trustcruit: invalid Until: 2026-07-01 is not after From (2026-07-01): Until is exclusive
}

// A period without answers is no error, and no score either.
func ExampleStats_CNPS() {
	var st trustcruit.Stats
	if err := json.Unmarshal([]byte(`[]`), &st); err != nil { // the answer for no data
		log.Fatal(err)
	}
	score, err := st.CNPS()
	_, ok := score.Rounded()
	fmt.Println(st.NoData, err, ok)

	if err := json.Unmarshal([]byte(`{"question": 405, "stats": {"10": 3, "4": 1}, "count": 4}`), &st); err != nil {
		log.Fatal(err)
	}
	score, _ = st.CNPS()
	v, ok := score.Rounded()
	fmt.Println(st.NoData, v, ok)
	// Output:
	// true <nil> false
	// false 50 true
}

// Histograms of two periods add up rating by rating: June's and July's
// answers make the summer's score.
func ExampleStats_Histogram() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	for month, ratings := range map[time.Month][]int{time.June: {10, 3, 8}, time.July: {9, 10}} {
		for _, r := range ratings {
			fake.AddAnswers(trustcruit.TestSprancherID, trustcruittest.Answer{Date: trustcruit.Date{Year: 2026, Month: month, Day: 10}, Rating: r})
		}
	}
	c := fake.Client()
	var months []cnps.Histogram
	for _, month := range []time.Month{time.June, time.July} {
		from := trustcruit.Date{Year: 2026, Month: month, Day: 1}
		st, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS, From: from, Until: from.AddDays(31)})
		if err != nil {
			log.Fatal(err)
		}
		h, err := st.Histogram()
		if err != nil {
			log.Fatal(err)
		}
		months = append(months, h)
	}
	june, july := months[0], months[1]
	both := june.Add(july)
	v, _ := both.Score().Rounded()
	fmt.Println(june.Total(), july.Total(), both[10], v)
	// Output: 3 2 2 40
}

// PersonalData tells package recording which fields hold personal data:
// the email and the recruiter's name tag become pseudonyms in a cassette.
func ExamplePersonalData() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	// The recorder keeps the exchanges in memory; Save would write them
	// to submit.json.
	rec, err := recording.NewRecorder("submit.json", nil, recording.Personal(trustcruit.PersonalData()...))
	if err != nil {
		log.Fatal(err)
	}
	c := fake.Client(trustcruit.WithHTTPClient(&http.Client{Transport: rec}))
	err = c.SubmitCandidate(context.Background(), trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelStep1, Email: "ada@example.com",
		Tags: trustcruit.Tags{trustcruit.TagRecruiterName: {"Leon Meyer"}, trustcruit.TagCity: {"Stockholm"}},
	})
	if err != nil {
		log.Fatal(err)
	}
	var body bytes.Buffer
	if err := json.Compact(&body, rec.Cassette().Interactions[0].Request.Body.JSON); err != nil {
		log.Fatal(err)
	}
	fmt.Println(body.String())
	// Output: {"candidate_email":"email-1@example.invalid","candidate_level":"step1","customer_sprancher_id":1010,"tags":{"City":"Stockholm","Recruiter name":"Name 1"}}
}
