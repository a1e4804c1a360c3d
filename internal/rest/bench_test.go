package rest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/benchutil"
)

// candidate is a ~1 KiB JSON object of the kind the vendor APIs return.
type candidate struct {
	ID             int       `json:"id"`
	FullName       string    `json:"full_name"`
	Email          string    `json:"email"`
	Status         string    `json:"status"`
	Stage          string    `json:"stage"`
	AvgScore       *float64  `json:"avg_score"`
	Created        time.Time `json:"created"`
	InvitationUUID string    `json:"invitation_uuid"`
	InvitationLink string    `json:"invitation_link"`
	IsHired        bool      `json:"is_hired"`
	Personality    string    `json:"personality"`
	Tags           []string  `json:"tags"`
	Notes          string    `json:"notes"`
}

func benchBody() []byte {
	score := 76.5
	c := candidate{
		ID: 8000, FullName: "John Smith", Email: "john@example.com", Status: "completed", Stage: "HIR",
		AvgScore: &score, Created: time.Date(2021, 9, 18, 9, 16, 33, 975663000, time.FixedZone("", 7200)),
		InvitationUUID: "edb70e44-271d-4e6a-8533-901fdc95f230",
		InvitationLink: "https://assessment.testgorilla.com/testtaker/takeinvitation/edb70e44-271d-4e6a-8533-901fdc95f230",
		Personality:    "3-3-1-1-1_30-32-28-19-28", Tags: []string{"backend", "go", "remote", "senior"},
		Notes: strings.Repeat("Solid answers on concurrency and testing. ", 13),
	}
	b, _ := json.Marshal(c)
	return b
}

// BenchmarkGet compares one GET of a ~1 KiB JSON object through the core
// with the same exchange written by hand on net/http and encoding/json,
// against the same local server and transport (scripts/bench runs it in
// rounds).
func BenchmarkGet(b *testing.B) {
	body := benchBody()
	b.Logf("body: %d bytes", len(body))
	srv := benchutil.NewServer(b, benchutil.JSON(http.StatusOK, body))
	hc := benchutil.Client(b)
	c, err := New(testVendor, testToken, WithBaseURL(srv.URL), WithHTTPClient(hc))
	if err != nil {
		b.Fatal(err)
	}
	ctx := context.Background()
	target := srv.URL + "/api/assessments/candidature/8000/?assessment=42"
	headers := map[string]string{"Authorization": "Token " + testToken, "Accept": "application/json", "User-Agent": "recruitkit-go/" + Version}
	query := url.Values{"assessment": {"42"}}
	benchutil.Compare(b,
		benchutil.Side{Name: "raw", Call: func() error {
			var cand candidate
			if err := benchutil.Raw(ctx, hc, http.MethodGet, target, headers, nil, &cand); err != nil {
				return err
			}
			return benchutil.Want("id", cand.ID, 8000)
		}},
		benchutil.Side{Name: "sdk", Call: func() error {
			var cand candidate
			if _, err := c.Do(ctx, &Request{Method: http.MethodGet, Path: "/api/assessments/candidature/8000/", Query: query}, &cand); err != nil {
				return err
			}
			return benchutil.Want("id", cand.ID, 8000)
		}},
	)
}

func ExampleClient_Do() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprintf(w, `{"id":7,"name":%q}`, r.URL.Query().Get("name"))
	}))
	defer srv.Close()

	c, err := New(Vendor{Name: "acme", AuthScheme: "Token"}, "my-token", WithBaseURL(srv.URL))
	if err != nil {
		panic(err)
	}
	q, _ := Values(struct {
		Name string `url:"name"`
	}{"gear"})
	var w struct {
		ID   int    `json:"id"`
		Name string `json:"name"`
	}
	if _, err := c.Do(context.Background(), &Request{Method: http.MethodGet, Path: "/widgets/7/", Query: q}, &w); err != nil {
		panic(err)
	}
	fmt.Println(w.ID, w.Name)
	// Output: 7 gear
}
