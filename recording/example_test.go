package recording_test

import (
	"context"
	"fmt"
	"net/http"
	"os"
	"path/filepath"

	"github.com/recruitkit/recruitkit-go/recording"
	"github.com/recruitkit/recruitkit-go/trustcruit"
	"github.com/recruitkit/recruitkit-go/trustcruit/trustcruittest"
)

// Example records a Trustcruit submission against the fake, shows the
// cassette (the email and the recruiter's name are pseudonyms, the token
// is gone), and replays it with a client that has no credentials and no
// server. In a test, recording.Client does both, chosen by
// RECRUITKIT_RECORD.
func Example() {
	fake := trustcruittest.NewServer()
	defer fake.Close()
	dir, err := os.MkdirTemp("", "cassettes")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "submit.json")
	ctx := context.Background()
	candidate := trustcruit.SubmitCandidateParams{
		SprancherID: trustcruit.TestSprancherID, Level: trustcruit.LevelStep1, Email: "ada@example.com",
		Tags: trustcruit.Tags{trustcruit.TagRecruiterName: {"Leon Meyer"}, trustcruit.TagCity: {"Stockholm"}},
	}

	// Record: the recorder sits between the client and the API.
	rec, err := recording.NewRecorder(path, nil, recording.Personal(trustcruit.PersonalData()...))
	if err != nil {
		panic(err)
	}
	live := fake.Client(trustcruit.WithHTTPClient(&http.Client{Transport: rec}))
	fmt.Println("recorded:", live.SubmitCandidate(ctx, candidate))
	if err := rec.Save(); err != nil {
		panic(err)
	}
	cassette, err := os.ReadFile(path)
	if err != nil {
		panic(err)
	}
	fmt.Print(string(cassette))

	// Replay: the same call, answered from the cassette.
	c, err := recording.Load(path)
	if err != nil {
		panic(err)
	}
	replay, err := recording.NewReplayer(c)
	if err != nil {
		panic(err)
	}
	replayed, err := trustcruit.NewClient("no token needed", trustcruit.WithHTTPClient(replay.Client()))
	if err != nil {
		panic(err)
	}
	fmt.Println("replayed:", replayed.SubmitCandidate(ctx, candidate), replay.Check())
	// Output:
	// recorded: <nil>
	// {
	//   "version": 1,
	//   "interactions": [
	//     {
	//       "request": {
	//         "method": "POST",
	//         "url": "http://localhost/feedback/api/candidate/",
	//         "header": {
	//           "Content-Type": "application/json"
	//         },
	//         "body": {
	//           "candidate_email": "email-1@example.invalid",
	//           "candidate_level": "step1",
	//           "customer_sprancher_id": 1010,
	//           "tags": {
	//             "City": "Stockholm",
	//             "Recruiter name": "Name 1"
	//           }
	//         }
	//       },
	//       "response": {
	//         "status": 201,
	//         "header": {
	//           "Content-Type": "application/json"
	//         },
	//         "body": {
	//           "candidate_email": "email-1@example.invalid",
	//           "candidate_level": "step1",
	//           "customer_sprancher_id": 1010,
	//           "tags": {
	//             "City": "Stockholm",
	//             "Recruiter name": "Name 1"
	//           }
	//         }
	//       }
	//     }
	//   ]
	// }
	// replayed: <nil> <nil>
}
