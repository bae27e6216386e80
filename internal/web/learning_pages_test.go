package web

import (
	"bytes"
	"context"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// Scenarios of the learning pages through the real handler stack on the
// demo database: the catalogue, a program, an event with registration,
// approval, invitation, cancellation and nomination.

// enrollmentOf is an employee's live enrollment in an event (zero when none).
func (f *lwFixture) enrollmentOf(t *testing.T, e store.EmployeeRow, event string) store.EnrollmentRow {
	t.Helper()
	ev, err := f.st.s.EventByCode(context.Background(), event)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.st.s.Enrollments(context.Background(), store.EnrollmentQuery{EventID: ev.ID, EmployeeID: e.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.State.Live() {
			return r
		}
	}
	return store.EnrollmentRow{}
}

// countEnrollments counts an employee's enrollments (any state) in an event.
func (f *lwFixture) countEnrollments(t *testing.T, e store.EmployeeRow, event string) int {
	t.Helper()
	ev, err := f.st.s.EventByCode(context.Background(), event)
	if err != nil {
		t.Fatal(err)
	}
	rows, err := f.st.s.Enrollments(context.Background(), store.EnrollmentQuery{EventID: ev.ID, EmployeeID: e.ID})
	if err != nil {
		t.Fatal(err)
	}
	return len(rows)
}

var fieldErrorRE = regexp.MustCompile(`(?s)<p class="field-error" id="([^"]+)-error">(.*?)</p>`)

// fieldErrors maps the field errors of a page to their visible text.
func fieldErrors(body string) map[string]string {
	out := map[string]string{}
	for _, m := range fieldErrorRE.FindAllStringSubmatch(body, -1) {
		out[m[1]] = text(m[2])
	}
	return out
}

// section returns the HTML of the element with an id up to the next
// </section> (or </form>).
func section(t *testing.T, body, id string) string {
	t.Helper()
	i := strings.Index(body, `id="`+id+`"`)
	if i < 0 {
		t.Fatalf("page has no #%s:\n%s", id, text(body)[:min(2000, len(text(body)))])
	}
	rest := body[i:]
	for _, end := range []string{"</section>", "</form>", "</table>"} {
		if j := strings.Index(rest, end); j >= 0 {
			return rest[:j]
		}
	}
	return rest
}

// postFile sends a multipart form with one file field (skipped when name
// is empty).
func (c *client) postFile(path string, fields url.Values, field, name string, data []byte) response {
	c.t.Helper()
	var buf bytes.Buffer
	mw := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if name != "" {
		w, _ := mw.CreateFormFile(field, name)
		w.Write(data)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &buf)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

func TestLearningCatalogue(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	c := f.as(t, f.P)

	r := c.get("/learning")
	if r.status != 200 || !strings.Contains(r.body, `id="catalogue-count"`) {
		t.Fatalf("catalogue: %d", r.status)
	}
	// By competency, provider and a date range holding the upcoming event.
	q := url.Values{"competency": {f.Target}, "provider": {f.providerKey}, "from": {"2027-01-01"}, "to": {"2027-01-31"}}
	r = c.get("/learning?" + q.Encode())
	if r.status != 200 {
		t.Fatalf("search: %d %s", r.status, text(r.body))
	}
	rows := tableAfter(t, r.body, `id="catalogue"`)
	found := false
	for _, row := range rows {
		if strings.Contains(row[0], f.Program) {
			found = true
			if !strings.Contains(row[3], "24") || !strings.Contains(row[5], "11 Januari 2027") {
				t.Errorf("program row %q: JP or next event wrong", row)
			}
		}
	}
	if !found {
		t.Errorf("the search by competency, provider and dates misses the program: %v", rows)
	}
	// A range without the event leaves it out.
	q.Set("from", "2027-03-01")
	q.Set("to", "2027-03-31")
	if r = c.get("/learning?" + q.Encode()); strings.Contains(r.body, "/learning/programs/"+f.Program+`"`) {
		t.Error("a date range without an event still lists the program")
	}
	// Bad input: the message beside the field, status 422.
	r = c.get("/learning?from=2026-02-30&method=rapat")
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("bad filters: %d", r.status)
	}
	fe := fieldErrors(r.body)
	if !strings.Contains(fe["from"], "tidak valid") || !strings.Contains(fe["method"], "klasikal") {
		t.Errorf("field errors %v", fe)
	}
	c.lang = "en"
	r = c.get("/learning?from=2026-02-30")
	if fe := fieldErrors(r.body); !strings.Contains(fe["from"], "valid date") {
		t.Errorf("English field error %v", fe)
	}
	c.lang = ""
	// A mitra filters by its own institution only.
	m := f.st.login(t, app.RoleMitra)
	r = m.get("/learning")
	sel := r.body[strings.Index(r.body, `<select id="provider"`):]
	sel = sel[:strings.Index(sel, "</select>")]
	if n := strings.Count(sel, "<option"); r.status != 200 || n > 2 {
		t.Errorf("mitra: %d, %d provider options", r.status, n-1)
	}
	// Paged: the demo catalogue holds more than one page.
	r = c.get("/learning?page=2")
	if r.status != 200 || !strings.Contains(text(r.body), "Menampilkan 21–") {
		t.Errorf("page 2: %d %s", r.status, text(section(t, r.body, "catalogue-count")))
	}
}

func TestLearningProgramShowsMyGaps(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	c := f.as(t, f.P)
	r := c.get("/learning/programs/" + f.Program)
	if r.status != 200 {
		t.Fatalf("program: %d", r.status)
	}
	gaps := text(section(t, r.body, "my-gaps"))
	if !strings.Contains(gaps, f.Target) || !strings.Contains(gaps, "Menutup kesenjangan") {
		t.Errorf("my gaps: %q", gaps)
	}
	up := tableAfter(t, r.body, `id="upcoming"`)
	if len(up) != 1 || !strings.Contains(up[0][0], f.Upcoming) || !strings.Contains(up[0][3], "3 dari 3 kursi tersisa") {
		t.Errorf("upcoming events: %v", up)
	}
	if !strings.Contains(r.body, `id="eligible"`) || !strings.Contains(text(r.body), "Anda memenuhi syarat") {
		t.Error("eligibility not shown")
	}
	// An admin without an employee record sees no "my gaps".
	a := f.st.login(t, app.RoleAdminBKPSDM)
	if r := a.get("/learning/programs/" + f.Program); r.status != 200 || strings.Contains(r.body, `id="my-gaps"`) {
		t.Errorf("admin: %d, my gaps shown: %v", r.status, strings.Contains(r.body, `id="my-gaps"`))
	}
	if r := c.get("/learning/programs/NO-SUCH"); r.status != 404 {
		t.Errorf("unknown program: %d", r.status)
	}
	if r := c.get("/learning/programs/a%20b"); r.status != 404 {
		t.Errorf("malformed code: %d", r.status)
	}
}

func TestLearningRegisterAndApprove(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	p := f.as(t, f.P)
	sup := f.as(t, f.Sup)

	r := p.get("/learning/events/" + f.Upcoming)
	if !strings.Contains(r.body, `id="register"`) {
		t.Fatal("no register button for an open event")
	}
	r = p.post("/learning/events/"+f.Upcoming+"/register", url.Values{})
	if r.status != http.StatusSeeOther {
		t.Fatalf("register: %d %s", r.status, text(r.body))
	}
	r = lwFollow(p, r)
	if st := text(section(t, r.body, "my-state")); !strings.Contains(st, "Menunggu persetujuan atasan") {
		t.Errorf("after registering: %q", st)
	}
	if !strings.Contains(r.body, "Pendaftaran terkirim") {
		t.Error("no confirmation shown")
	}
	// Twice: refused with a message, still one enrollment.
	r = p.post("/learning/events/"+f.Upcoming+"/register", url.Values{})
	if r.status != http.StatusConflict || !strings.Contains(text(r.body), "Periksa isian berikut") {
		t.Errorf("second registration: %d", r.status)
	}
	if n := f.countEnrollments(t, f.P, f.Upcoming); n != 1 {
		t.Errorf("%d enrollments after registering twice", n)
	}
	e := f.enrollmentOf(t, f.P, f.Upcoming)

	// The direct supervisor sees it waiting.
	r = sup.get("/learning/approvals")
	regs := text(section(t, r.body, "registrations"))
	if !strings.Contains(regs, f.P.Name) || !strings.Contains(regs, "Angkatan "+f.Upcoming) {
		t.Fatalf("approvals: %q", regs)
	}
	// A rejection without a reason: the message, nothing changes.
	r = sup.post("/learning/enrollments/"+itoa(e.ID)+"/decide", url.Values{"decision": {"reject"}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(text(section(t, r.body, "reg-"+itoa(e.ID))), "alasan") {
		t.Errorf("reject without reason: %d", r.status)
	}
	if got := f.enrollmentOf(t, f.P, f.Upcoming).State; got != learning.StatePendingApproval {
		t.Errorf("after a refused rejection: %s", got)
	}
	// No decision at all.
	if r = sup.post("/learning/enrollments/"+itoa(e.ID)+"/decide", url.Values{"decision": {"maybe"}}); r.status != 422 {
		t.Errorf("no decision: %d", r.status)
	}
	// P cannot approve their own registration (not their scope's supervisor).
	if r = p.post("/learning/enrollments/"+itoa(e.ID)+"/decide", url.Values{"decision": {"approve"}}); r.status != http.StatusForbidden {
		t.Errorf("self-approval: %d", r.status)
	}
	r = sup.post("/learning/enrollments/"+itoa(e.ID)+"/decide", url.Values{"decision": {"approve"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("approve: %d %s", r.status, text(r.body))
	}
	if r = lwFollow(sup, r); !strings.Contains(r.body, `id="no-registrations"`) {
		t.Error("the approved registration is still listed")
	}
	r = p.get("/learning/events/" + f.Upcoming)
	if st := text(section(t, r.body, "my-state")); !strings.Contains(st, "Terdaftar") {
		t.Errorf("after approval: %q", st)
	}
	if seats := text(section(t, r.body, "seats")); !strings.Contains(seats, "2 dari 3 kursi tersisa") {
		t.Errorf("seats: %q", seats)
	}
	// P's learning lists it as upcoming.
	if r = p.get("/learning/mine"); !strings.Contains(text(section(t, r.body, "enrollments")), "Akan diikuti") {
		t.Error("my learning does not list the accepted enrollment")
	}
}

func TestLearningInvitationAndCancel(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	sup := f.as(t, f.Sup)
	q := f.as(t, f.Q)
	p := f.as(t, f.P)

	// The supervisor nominates Q from the team list, with the invitation.
	r := sup.get("/learning/events/" + f.Upcoming)
	if !strings.Contains(r.body, `<option value="`+f.Q.NIP+`"`) || strings.Contains(r.body, `<option value="`+f.Sup.NIP+`"`) {
		t.Fatal("the nomination list does not hold the team (without the supervisor)")
	}
	r = sup.post("/learning/events/"+f.Upcoming+"/nominate", url.Values{"nip": {f.Q.NIP}, "invite": {"1"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("nominate: %d %s", r.status, text(r.body))
	}
	if r = lwFollow(sup, r); !strings.Contains(text(section(t, r.body, "team")), f.Q.Name) {
		t.Error("the event page does not list the nominee among the supervisor's participants")
	}
	e := f.enrollmentOf(t, f.Q, f.Upcoming)
	if e.State != learning.StateInvited {
		t.Fatalf("nominee %s", e.State)
	}
	// Someone outside the team: the message beside the form, nothing made.
	r = sup.post("/learning/events/"+f.Upcoming+"/nominate", url.Values{"nip": {f.X.NIP}, "invite": {"1"}})
	if r.status != 422 || !strings.Contains(text(section(t, r.body, "nominate-form")), "tidak ditemukan dalam cakupan") {
		t.Errorf("nominating outside the team: %d", r.status)
	}
	if n := f.countEnrollments(t, f.X, f.Upcoming); n != 0 {
		t.Errorf("an enrollment was made for X")
	}
	// P may not answer Q's invitation: not found.
	if r = p.post("/learning/enrollments/"+itoa(e.ID)+"/respond", url.Values{"decision": {"accept"}}); r.status != 404 {
		t.Errorf("P answering Q's invitation: %d", r.status)
	}
	// Q declines without a reason: refused, still invited.
	r = q.post("/learning/enrollments/"+itoa(e.ID)+"/respond", url.Values{"decision": {"decline"}, "reason": {"  "}})
	if r.status != 422 || fieldErrors(r.body)["decline-reason"] == "" {
		t.Errorf("decline without reason: %d %v", r.status, fieldErrors(r.body))
	}
	if got := f.enrollmentOf(t, f.Q, f.Upcoming).State; got != learning.StateInvited {
		t.Errorf("after a refused decline: %s", got)
	}
	r = q.post("/learning/enrollments/"+itoa(e.ID)+"/respond", url.Values{"decision": {"accept"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("accept: %d", r.status)
	}
	if r = lwFollow(q, r); !strings.Contains(text(section(t, r.body, "my-state")), "Terdaftar") {
		t.Error("after accepting: not enrolled")
	}
	// Q cancels (a reason is optional for oneself).
	r = q.post("/learning/enrollments/"+itoa(e.ID)+"/cancel", url.Values{"reason": {""}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("cancel: %d %s", r.status, text(r.body))
	}
	if f.enrollmentOf(t, f.Q, f.Upcoming).ID != 0 {
		t.Error("still enrolled after cancelling")
	}
	// A reason too long is refused beside the field.
	p.post("/learning/events/"+f.Upcoming+"/register", url.Values{})
	pe := f.enrollmentOf(t, f.P, f.Upcoming)
	r = p.post("/learning/enrollments/"+itoa(pe.ID)+"/cancel", url.Values{"reason": {strings.Repeat("x", 501)}})
	if r.status != 422 || fieldErrors(r.body)["cancel-reason"] == "" {
		t.Errorf("long reason: %d %v", r.status, fieldErrors(r.body))
	}
	if got := f.enrollmentOf(t, f.P, f.Upcoming).State; got != learning.StatePendingApproval {
		t.Errorf("after a refused cancellation: %s", got)
	}
}

func TestLearningEventICS(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	r := f.as(t, f.P).get("/learning/events/" + f.Upcoming + "/calendar.ics")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/calendar") {
		t.Fatalf("ics: %d %s", r.status, r.header.Get("Content-Type"))
	}
	cal := parseICS(t, r.body)
	if len(cal) != 2 {
		t.Fatalf("%d events, want the 2 sessions", len(cal))
	}
	if cal[0]["DTSTART"] != "20270111T010000Z" || !strings.Contains(cal[0]["SUMMARY"], "sesi 1") {
		t.Errorf("first session %v", cal[0])
	}
}

// lwFollow GETs a redirect's target as a browser does: without its
// fragment.
func lwFollow(c *client, r response) response {
	c.t.Helper()
	if r.status/100 != 3 {
		c.t.Fatalf("not a redirect: %d", r.status)
	}
	loc, _, _ := strings.Cut(r.location(), "#")
	return c.get(loc)
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
