// Package trustcruittest is an in-process fake of the Trustcruit API, for
// testing code that uses package trustcruit without the network, the
// way net/http/httptest fakes a server.
//
// The fake speaks the documented wire format and this SDK's assumptions
// about the rest (see package trustcruit): it checks the token
// (Authorization: Token <token>), the trailing slash (301 without it),
// the JSON body of a submission and the stats parameters, and answers
// errors in Django REST framework's shape. It keeps customers, their
// submitted candidates and their survey answers in memory, and serves
// stats computed from the answers (the empty list [] when none match).
// It also hosts the create-customer page, which creates a customer at
// once and redirects straight back to the callback, so the whole flow
// runs offline.
//
// NewServer starts it with the documented test customer (TestSprancherID,
// authenticated by TestToken) already in place; Client returns a client
// for that customer. Faults are injected with Inject and FailNext:
//
//	s.FailNext(2, 503)                                        // the next two requests get 503
//	s.Inject(trustcruittest.Fault{Status: 429, Header: http.Header{"Retry-After": {"1"}}})
//	s.Inject(trustcruittest.Fault{Drop: true})                // close the connection unanswered
//	s.Inject(trustcruittest.Fault{Delay: time.Second})        // a slow answer
//	s.Inject(trustcruittest.Fault{Status: 500, AfterHandler: true}) // fail after the write happened
//
// and every request is recorded (Requests).
package trustcruittest

//go:generate go run ../../internal/cmd/gensurface -fake -pkg trustcruittest -vendor Trustcruit -client trustcruit

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/recruitkit/recruitkit-go/internal/fake"
	"github.com/recruitkit/recruitkit-go/trustcruit"
)

// TestToken authenticates the test customer, trustcruit.TestSprancherID.
const TestToken = "trustcruittest-token"

// Customer is a Trustcruit customer the fake knows.
type Customer struct {
	SprancherID int
	Name        string
	Token       string
}

// Answer is one survey answer: a rating from 0 to 10 on a day. A zero
// Question means trustcruit.QuestionCNPS.
type Answer struct {
	Question trustcruit.Question
	Date     trustcruit.Date
	Rating   int
}

// Server is the fake. It is safe for concurrent use.
type Server struct {
	srv *fake.Server

	mu        sync.Mutex
	customers map[int]*customer
	byToken   map[string]*customer
	nextID    int
	statsPath string
}

type customer struct {
	Customer
	answers    []Answer
	candidates []trustcruit.SubmitCandidateParams
}

// NewServer starts a fake with the test customer in place. Close it when
// done.
func NewServer() *Server {
	s := &Server{
		customers: map[int]*customer{},
		byToken:   map[string]*customer{},
		nextID:    2001,
		statsPath: trustcruit.DefaultStatsPath,
	}
	s.addCustomer(Customer{SprancherID: trustcruit.TestSprancherID, Name: "Test customer", Token: TestToken})
	mux := http.NewServeMux()
	mux.HandleFunc(trustcruit.SubmitCandidatePath+"{$}", s.submitCandidate)
	mux.HandleFunc(s.statsPath+"{$}", s.stats)
	mux.HandleFunc(trustcruit.CreateCustomerPath+"{$}", s.createCustomerPage)
	mux.HandleFunc("/", func(w http.ResponseWriter, _ *http.Request) { detail(w, http.StatusNotFound, "Not found.") })
	s.srv = fake.New(fake.AppendSlash(mux), fake.DetailError)
	return s
}

// Client returns a client for the test customer pointed at the fake, with
// short retry waits; opts come after and can change them.
func (s *Server) Client(opts ...trustcruit.Option) *trustcruit.Client {
	return s.ClientWithToken(TestToken, opts...)
}

// ClientWithToken is Client for another customer's token.
func (s *Server) ClientWithToken(token string, opts ...trustcruit.Option) *trustcruit.Client {
	base := []trustcruit.Option{trustcruit.WithBaseURL(s.URL()), trustcruit.WithRetry(3, time.Millisecond, 50*time.Millisecond)}
	c, err := trustcruit.NewClient(token, append(base, opts...)...)
	if err != nil {
		panic("trustcruittest: " + err.Error())
	}
	return c
}

// AddCustomer adds a customer with a fresh sprancher id and token.
func (s *Server) AddCustomer(name string) Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	c := Customer{SprancherID: s.nextID, Name: name, Token: fake.NewToken()}
	s.nextID++
	s.addCustomerLocked(c)
	return c
}

func (s *Server) addCustomer(c Customer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.addCustomerLocked(c)
}

func (s *Server) addCustomerLocked(c Customer) {
	cust := &customer{Customer: c}
	s.customers[c.SprancherID] = cust
	s.byToken[c.Token] = cust
}

// Customers returns every customer, ordered by sprancher id.
func (s *Server) Customers() []Customer {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Customer
	for _, c := range s.customers {
		out = append(out, c.Customer)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].SprancherID < out[j].SprancherID })
	return out
}

// AddAnswers gives a customer survey answers for Stats to count. It
// panics on an unknown customer or a rating outside 0–10, as a test's
// own mistake.
func (s *Server) AddAnswers(sprancherID int, answers ...Answer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	c, ok := s.customers[sprancherID]
	if !ok {
		panic(fmt.Sprintf("trustcruittest: AddAnswers: no customer %d", sprancherID))
	}
	for _, a := range answers {
		if a.Rating < 0 || a.Rating > 10 || !a.Date.IsValid() {
			panic(fmt.Sprintf("trustcruittest: AddAnswers: bad answer %+v", a))
		}
		if a.Question == 0 {
			a.Question = trustcruit.QuestionCNPS
		}
		c.answers = append(c.answers, a)
	}
}

// Candidates returns the candidates submitted for a customer, oldest
// first.
func (s *Server) Candidates(sprancherID int) []trustcruit.SubmitCandidateParams {
	s.mu.Lock()
	defer s.mu.Unlock()
	if c, ok := s.customers[sprancherID]; ok {
		return append([]trustcruit.SubmitCandidateParams(nil), c.candidates...)
	}
	return nil
}

// detail answers with DRF's {"detail": msg}.
func detail(w http.ResponseWriter, status int, msg string) {
	fake.WriteJSON(w, status, map[string]string{"detail": msg})
}

// fieldErrors answers 400 with DRF's {"field": ["message"]}.
func fieldErrors(w http.ResponseWriter, fields map[string][]string) {
	fake.WriteJSON(w, http.StatusBadRequest, fields)
}

// endpoint admits a request to an API endpoint that takes methods: it
// answers 405 or 401 as DRF does, or returns the token's customer.
func (s *Server) endpoint(w http.ResponseWriter, r *http.Request, methods ...string) (*customer, bool) {
	if !slices.Contains(methods, r.Method) {
		w.Header().Set("Allow", strings.Join(methods, ", ")+", OPTIONS")
		detail(w, http.StatusMethodNotAllowed, fmt.Sprintf("Method %q not allowed.", r.Method))
		return nil, false
	}
	return s.authenticate(w, r)
}

// authenticate returns the customer whose token the request carries, or
// answers 401 as DRF does.
func (s *Server) authenticate(w http.ResponseWriter, r *http.Request) (*customer, bool) {
	token, ok := fake.AuthToken(r, "Token")
	if !ok {
		w.Header().Set("WWW-Authenticate", "Token")
		detail(w, http.StatusUnauthorized, "Authentication credentials were not provided.")
		return nil, false
	}
	s.mu.Lock()
	c, ok := s.byToken[token]
	s.mu.Unlock()
	if !ok {
		w.Header().Set("WWW-Authenticate", "Token")
		detail(w, http.StatusUnauthorized, "Invalid token.")
		return nil, false
	}
	return c, true
}

// wireNames maps the Go field names of trustcruit's validation errors to
// the JSON names the server reports.
var wireNames = map[string]string{
	"SprancherID": "customer_sprancher_id", "Level": "candidate_level", "Email": "candidate_email",
	"Tags": "tags", "Date": "date",
}

// documentedLevels are the levels the fake's customers have enabled.
var documentedLevels = map[trustcruit.Level]bool{
	trustcruit.LevelStep1: true, trustcruit.LevelStep2: true, trustcruit.LevelStep3: true,
	trustcruit.LevelStep4: true, trustcruit.LevelStep5: true, trustcruit.LevelTest: true,
}

func (s *Server) submitCandidate(w http.ResponseWriter, r *http.Request) {
	owner, ok := s.endpoint(w, r, http.MethodPost)
	if !ok {
		return
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		detail(w, http.StatusUnsupportedMediaType, fmt.Sprintf("Unsupported media type %q in request.", ct))
		return
	}
	p, problems := decodeSubmission(r)
	if problems != nil {
		fieldErrors(w, problems)
		return
	}
	s.mu.Lock()
	target, known := s.customers[p.SprancherID]
	s.mu.Unlock()
	switch {
	case !known:
		fieldErrors(w, map[string][]string{"customer_sprancher_id": {fmt.Sprintf("Invalid pk %q - object does not exist.", strconv.Itoa(p.SprancherID))}})
		return
	case target != owner:
		detail(w, http.StatusForbidden, "You do not have permission to perform this action.")
		return
	case !documentedLevels[p.Level]:
		fieldErrors(w, map[string][]string{"candidate_level": {fmt.Sprintf("%q is not a valid choice.", p.Level)}})
		return
	}
	s.mu.Lock()
	target.candidates = append(target.candidates, p)
	s.mu.Unlock()
	fake.WriteJSON(w, http.StatusCreated, p)
}

// decodeSubmission reads a submission body, reporting problems per field
// as DRF would.
func decodeSubmission(r *http.Request) (trustcruit.SubmitCandidateParams, map[string][]string) {
	var p trustcruit.SubmitCandidateParams
	var raw map[string]json.RawMessage
	if err := json.NewDecoder(r.Body).Decode(&raw); err != nil || raw == nil {
		return p, map[string][]string{"non_field_errors": {"Invalid data. Expected a dictionary."}}
	}
	problems := map[string][]string{}
	for _, required := range []string{"customer_sprancher_id", "candidate_level", "candidate_email"} {
		if v, ok := raw[required]; !ok || string(v) == "null" {
			problems[required] = []string{"This field is required."}
		}
	}
	known := map[string]bool{"customer_sprancher_id": true, "candidate_level": true, "candidate_email": true,
		"job_ad_title": true, "tags": true, "date": true}
	for k, v := range raw {
		if !known[k] {
			problems[k] = []string{"Unknown field."}
			continue
		}
		if _, missing := problems[k]; missing {
			continue
		}
		one, _ := json.Marshal(map[string]json.RawMessage{k: v})
		if err := json.Unmarshal(one, &p); err != nil {
			problems[k] = []string{"Invalid value: " + err.Error()}
		}
	}
	if len(problems) == 0 {
		var verr *trustcruit.ValidationError
		if err := p.Validate(); errors.As(err, &verr) {
			problems[wireNames[verr.Field]] = []string{verr.Problem}
		}
	}
	if len(problems) > 0 {
		return p, problems
	}
	return p, nil
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) {
	owner, ok := s.endpoint(w, r, http.MethodGet, http.MethodHead)
	if !ok {
		return
	}
	q := r.URL.Query()
	problems := map[string][]string{}
	question, err := strconv.Atoi(q.Get("question"))
	if q.Get("question") == "" {
		problems["question"] = []string{"This field is required."}
	} else if err != nil {
		problems["question"] = []string{"Enter a whole number."}
	}
	var from, until trustcruit.Date
	for name, dst := range map[string]*trustcruit.Date{"date__gte": &from, "date__lt": &until} {
		if v := q.Get(name); v != "" {
			d, err := trustcruit.ParseDate(v)
			if err != nil {
				problems[name] = []string{"Enter a valid date."}
			}
			*dst = d
		}
	}
	if len(problems) > 0 {
		fieldErrors(w, problems)
		return
	}
	counts := map[string]int{}
	n := 0
	s.mu.Lock()
	for _, a := range owner.answers {
		if int(a.Question) != question || (!from.IsZero() && a.Date.Before(from)) || (!until.IsZero() && !a.Date.Before(until)) {
			continue
		}
		counts[strconv.Itoa(a.Rating)]++
		n++
	}
	s.mu.Unlock()
	if n == 0 {
		fake.WriteJSON(w, http.StatusOK, []any{})
		return
	}
	fake.WriteJSON(w, http.StatusOK, trustcruit.Stats{Question: trustcruit.Question(question), Ratings: counts, Count: n})
}

// createCustomerPage stands in for the web app: the "user" sets up their
// account at once, and is sent back to the callback with the new
// customer's sprancher id and token.
func (s *Server) createCustomerPage(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	callback, err := url.Parse(r.URL.Query().Get("callback"))
	if err != nil || !callback.IsAbs() || (callback.Scheme != "http" && callback.Scheme != "https") {
		http.Error(w, "callback: an absolute http(s) URL is required", http.StatusBadRequest)
		return
	}
	name := r.URL.Query().Get("customer_name")
	if name == "" {
		name = "New customer"
	}
	c := s.AddCustomer(name)
	q := callback.Query()
	q.Set(trustcruit.DefaultCallbackNames.SprancherID, strconv.Itoa(c.SprancherID))
	q.Set(trustcruit.DefaultCallbackNames.Token[0], c.Token)
	callback.RawQuery = q.Encode()
	http.Redirect(w, r, callback.String(), http.StatusFound)
}
