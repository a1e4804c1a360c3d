package testgorilla_test

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/jarcoal/httpmock"
	"github.com/recruitkit/recruitkit-go/testgorilla"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// host is where every request goes by default.
const host = "https://app.testgorilla.com"

// wireCase is one call and the one request it must send.
type wireCase struct {
	name   string
	call   func(context.Context, *testgorilla.Client) error
	method string
	url    string // path with its trailing slash, and the query, after host
	body   string // the JSON body sent, "" for none
	// The answer: 200 with a JSON page when these are zero.
	status      int
	contentType string
	answer      string
}

const (
	onePage        = `{"count":1,"next":null,"previous":null,"results":[{"id":55}]}`
	anAssessment   = `{"id":55,"name":"Go developer","status":"active"}`
	aCandidate     = `{"id":4276,"full_name":"Ada Lovelace","email":"ada@example.com"}`
	anInvitation   = `{"id":9001,"testtaker_id":4276,"email":"ada@example.com","invitation_link":"https://assessment.testgorilla.com/x"}`
	aStageChange   = `{"id":"7","stage":"REJ","reminder_sent":false}`
	aPDF           = "%PDF-1.4 report"
	aDescription   = "<h2>INTJ</h2>"
	aDetailMessage = `{"detail":"Email sent."}`
)

// assessmentListCases are Assessments.List with every filter and every
// ordering, ascending and descending.
func assessmentListCases() []wireCase {
	list := func(name, query string, p testgorilla.ListAssessmentsParams) wireCase {
		return wireCase{name: "Assessments.List " + name, method: http.MethodGet, url: "/api/assessments/" + query,
			call: func(ctx context.Context, c *testgorilla.Client) error {
				_, err := c.Assessments.List(ctx, p)
				return err
			}}
	}
	cases := []wireCase{
		list("no filter", "", testgorilla.ListAssessmentsParams{}),
		list("limit and offset", "?limit=5&offset=10", testgorilla.ListAssessmentsParams{Limit: 5, Offset: 10}),
		list("several statuses", "?status=new%2Cactive%2Carchived", testgorilla.ListAssessmentsParams{
			Statuses: []testgorilla.AssessmentStatus{testgorilla.AssessmentNew, testgorilla.AssessmentActive, testgorilla.AssessmentArchived}}),
		list("every filter", "?limit=25&offset=50&ordering=-finished_percentage&status=archived%2Cnew", testgorilla.ListAssessmentsParams{
			Status: testgorilla.AssessmentArchived, Statuses: []testgorilla.AssessmentStatus{testgorilla.AssessmentNew, testgorilla.AssessmentArchived},
			Ordering: testgorilla.OrderFinishedPercentage.Desc(), Limit: 25, Offset: 50}),
	}
	cases = append(cases, eachValue(list, "?status=",
		[]testgorilla.AssessmentStatus{testgorilla.AssessmentNew, testgorilla.AssessmentActive, testgorilla.AssessmentArchived},
		func(v testgorilla.AssessmentStatus) testgorilla.ListAssessmentsParams {
			return testgorilla.ListAssessmentsParams{Status: v}
		})...)
	return append(cases, eachValue(list, "?ordering=",
		withDesc(testgorilla.OrderModified, testgorilla.OrderName, testgorilla.OrderCandidates, testgorilla.OrderFinishedPercentage),
		func(v testgorilla.AssessmentOrdering) testgorilla.ListAssessmentsParams {
			return testgorilla.ListAssessmentsParams{Ordering: v}
		})...)
}

// eachValue is a list case for each value of one query parameter:
// query is how the parameter starts ("?status="), set the params that
// send v.
func eachValue[V ~string, P any](list func(name, query string, p P) wireCase, query string, values []V, set func(V) P) []wireCase {
	out := make([]wireCase, len(values))
	for i, v := range values {
		out[i] = list(strings.Trim(query, "?&=")+" "+string(v), query+string(v), set(v))
	}
	return out
}

// withDesc is each ordering, then its descending form.
func withDesc[O interface {
	~string
	Desc() O
}](orderings ...O) []O {
	var out []O
	for _, o := range orderings {
		out = append(out, o, o.Desc())
	}
	return out
}

// endpointCases are the other endpoints of the package doc's table
// whose tests elsewhere do not check the whole request.
func endpointCases() []wireCase {
	return []wireCase{
		{name: "Assessments.Get", method: http.MethodGet, url: "/api/assessments/55/", answer: anAssessment,
			call: func(ctx context.Context, c *testgorilla.Client) error {
				_, err := c.Assessments.Get(ctx, 55)
				return err
			}},
		{name: "Assessments.Invite", method: http.MethodPost, url: "/api/assessments/55/invite_candidate/", status: http.StatusCreated, answer: anInvitation,
			body: `{"email":"ada@example.com","first_name":"Ada","last_name":"Lovelace"}`,
			call: func(ctx context.Context, c *testgorilla.Client) error {
				_, err := c.Assessments.Invite(ctx, 55, testgorilla.InviteParams{Email: "ada@example.com", FirstName: "Ada", LastName: "Lovelace"})
				return err
			}},
		{name: "Candidates.Get", method: http.MethodGet, url: "/api/assessments/candidates/4276/", answer: aCandidate,
			call: func(ctx context.Context, c *testgorilla.Client) error {
				_, err := c.Candidates.Get(ctx, 4276)
				return err
			}},
		{name: "Candidatures.Delete", method: http.MethodDelete, url: "/api/assessments/candidature/7/", status: http.StatusNoContent,
			call: func(ctx context.Context, c *testgorilla.Client) error { return c.Candidatures.Delete(ctx, 7) }},
		{name: "Candidatures.ChangeStage", method: http.MethodPatch, url: "/api/assessments/candidature/7/change_stage/", answer: aStageChange,
			body: `{"stage":"REJ"}`,
			call: func(ctx context.Context, c *testgorilla.Client) error {
				_, err := c.Candidatures.ChangeStage(ctx, 7, testgorilla.StageRejected)
				return err
			}},
		{name: "Candidatures.SendRejectionEmail", method: http.MethodPost, url: "/api/assessments/candidature/7/send-reminder/", answer: aDetailMessage,
			call: func(ctx context.Context, c *testgorilla.Client) error {
				return c.Candidatures.SendRejectionEmail(ctx, 7)
			}},
		{name: "Candidatures.ResendInvitation", method: http.MethodPost, url: "/api/assessments/candidature/7/send-invitation/", answer: aDetailMessage,
			call: func(ctx context.Context, c *testgorilla.Client) error { return c.Candidatures.ResendInvitation(ctx, 7) }},
		{name: "Candidates.RenderPDF", method: http.MethodGet, url: "/api/assessments/candidates/4276/render_pdf/?candidature=8000",
			contentType: testgorilla.PDFContentType, answer: aPDF,
			call: func(ctx context.Context, c *testgorilla.Client) error {
				report, err := c.Candidates.RenderPDF(ctx, 4276, 8000)
				if err != nil {
					return err
				}
				if _, err := io.Copy(io.Discard, report); err != nil {
					return err
				}
				return report.Close()
			}},
		{name: "Results.PersonalityDescription", method: http.MethodGet, url: "/api/tests/personality/16_types/INTJ/",
			contentType: "text/html; charset=utf-8", answer: aDescription,
			call: func(ctx context.Context, c *testgorilla.Client) error {
				_, err := c.Results.PersonalityDescription(ctx, testgorilla.Algorithm16Types, "INTJ")
				return err
			}},
	}
}

// Each call sends one request: its method, its path with the trailing
// slash, its query, its body (or none) and the token.
func TestEveryEndpointSendsItsDocumentedRequest(t *testing.T) {
	cases := append(assessmentListCases(), endpointCases()...)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newMocked(t)
			status, contentType, answer := tc.status, tc.contentType, tc.answer
			if status == 0 {
				status = http.StatusOK
			}
			if contentType == "" {
				contentType = "application/json"
			}
			if answer == "" && status != http.StatusNoContent {
				answer = onePage
			}
			// Whatever the method and path, the request is recorded, so
			// that a wrong one shows in the comparison below.
			m.RegisterNoResponder(m.answer(status, contentType, []byte(answer)))
			require.NoError(t, tc.call(context.Background(), c))

			seen := m.exchanges()
			require.Len(t, seen, 1, "one request")
			x := seen[0]
			assert.Equal(t, tc.method, x.method)
			assert.Equal(t, host+tc.url, x.url)
			assert.Equal(t, "Token "+token, x.header.Get("Authorization"))
			if tc.body == "" {
				assert.Empty(t, x.body, "no body")
				return
			}
			assert.JSONEq(t, tc.body, x.body)
			assert.Equal(t, "application/json", x.header.Get("Content-Type"))
		})
	}
}

// pagedItems answers a list request with the items from offset+1 up to
// count (at most limit of them), each {"id": n}, and a "next" link even
// on the last page: All must stop by the count, not by the link.
func pagedItems(t *testing.T, m *mock, count int) httpmock.Responder {
	return func(req *http.Request) (*http.Response, error) {
		m.record(req)
		q := req.URL.Query()
		limit, err := strconv.Atoi(q.Get("limit"))
		assert.NoError(t, err, "every page sends its limit")
		offset, _ := strconv.Atoi(q.Get("offset"))
		var items []string
		for id := offset + 1; id <= min(offset+limit, count); id++ {
			items = append(items, fmt.Sprintf(`{"id":%d}`, id))
		}
		body := fmt.Sprintf(`{"count":%d,"next":"%s?limit=%d&offset=%d","previous":null,"results":[%s]}`,
			count, host+req.URL.Path, limit, offset+limit, strings.Join(items, ","))
		return httpmock.NewStringResponse(http.StatusOK, body), nil
	}
}

// Assessments.All asks for page after page with the same filters, the
// limit and the next offset, and stops once the offset reaches the
// count, though the answer still links a next page.
func TestAssessmentsAllPagesByLimitAndOffsetAndStopsAtTheCount(t *testing.T) {
	for _, tc := range []struct {
		name   string
		params testgorilla.ListAssessmentsParams
		count  int
		urls   []string // after host
		ids    []int
	}{
		{
			name: "two pages, filtered and ordered",
			params: testgorilla.ListAssessmentsParams{Statuses: []testgorilla.AssessmentStatus{testgorilla.AssessmentActive, testgorilla.AssessmentNew},
				Ordering: testgorilla.OrderName.Desc(), Limit: 2},
			count: 3,
			urls: []string{
				"/api/assessments/?limit=2&ordering=-name&status=active%2Cnew",
				"/api/assessments/?limit=2&offset=2&ordering=-name&status=active%2Cnew",
			},
			ids: []int{1, 2, 3},
		},
		{
			name:   "the count a multiple of the limit",
			params: testgorilla.ListAssessmentsParams{Limit: 2},
			count:  4,
			urls:   []string{"/api/assessments/?limit=2", "/api/assessments/?limit=2&offset=2"},
			ids:    []int{1, 2, 3, 4},
		},
		{
			name:   "from an offset, in pages of DefaultPageSize",
			params: testgorilla.ListAssessmentsParams{Offset: 5},
			count:  7,
			urls:   []string{"/api/assessments/?limit=100&offset=5"},
			ids:    []int{6, 7},
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c, m := newMocked(t)
			m.RegisterNoResponder(pagedItems(t, m, tc.count))
			var got []int
			for a, err := range c.Assessments.All(context.Background(), tc.params) {
				require.NoError(t, err)
				got = append(got, a.ID)
			}
			assert.Equal(t, tc.ids, got)
			var urls []string
			for _, x := range m.exchanges() {
				urls = append(urls, strings.TrimPrefix(x.url, host))
				assert.Equal(t, http.MethodGet, x.method)
				assert.Equal(t, "Token "+token, x.header.Get("Authorization"))
				assert.Empty(t, x.body)
			}
			assert.Equal(t, tc.urls, urls, "no page past the count")
		})
	}
}
