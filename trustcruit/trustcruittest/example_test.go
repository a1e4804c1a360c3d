package trustcruittest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
)

// Test code that submits candidates without the network: seed, inject a
// fault, run, then look at what the fake received.
func Example() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	fake.FailNext(1, http.StatusServiceUnavailable) // a POST is not retried on 503

	c := fake.Client()
	p := trustcruit.SubmitCandidateParams{SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelStep1, Email: "ada@example.com"}
	err := c.SubmitCandidate(context.Background(), p)
	fmt.Println("first try:", err)
	err = c.SubmitCandidate(context.Background(), p)
	fmt.Println("second try:", err)
	fmt.Println("received:", len(fake.Candidates(trustcruit.TestSprancherID)), "candidate(s) in", len(fake.Requests()), "requests")
	// Output:
	// first try: trustcruit: POST /feedback/api/candidate/: 503 Service Unavailable: injected 503 (outcome unknown: the server may have acted on the request)
	// second try: <nil>
	// received: 1 candidate(s) in 2 requests
}

// A server that never answers: the call gives up at its timeout, and the
// fake shows what it received.
func ExampleServer_Inject() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	fake.Inject(trustcruittest.Fault{Hang: true})

	c := fake.Client()
	_, err := c.Stats(context.Background(), trustcruit.StatsParams{Question: trustcruit.QuestionCNPS},
		trustcruit.WithRequestTimeout(100*time.Millisecond))
	var te *trustcruit.TransportError
	fmt.Println(errors.As(err, &te), errors.Is(err, context.DeadlineExceeded))
	for _, r := range fake.Requests() {
		fmt.Println(r.Method, r.Path, r.Query.Get("question"))
	}
	// Output:
	// true true
	// GET /shinyform/api/answers/stats/ 405
}
