package web

import (
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/people"
)

// TestLearningAdminEventPages runs an event through its management and
// attendance pages on both engines: a refused status change and edit
// change nothing, the nominees are invited in order, attendance is taken
// per session, scores are checked, completion applies the 80% rule and
// shows its summary, a certificate is revoked with a reason, and the
// program's evaluation counts the outcome. A mitra answers 404 for another
// institution's event and an agency admin may not complete an event.
func TestLearningAdminEventPages(t *testing.T) {
	t.Parallel()
	talentEngines(t, testLearningAdminEventPages)
}

func testLearningAdminEventPages(t *testing.T, st *site) {
	ctx := context.Background()
	p, x := ladmPeople(t, st)
	f := newLadmFix(t, st, p, x)
	staff := ladmStaff(t, st, "DLHK", 2, p.ID)
	y, z := staff[0], staff[1]
	const code = "UJI-ITB-2"
	ladmEvent(t, st, f.progOwn, code)
	ids := map[string]int64{}
	for _, e := range []struct {
		n string
		e people.Employee
	}{{"X", x.Employee}, {"Y", y.Employee}, {"Z", z.Employee}} {
		row, err := st.s.EmployeeByNIP(ctx, e.e.NIP)
		if err != nil {
			t.Fatal(err)
		}
		ids[e.n] = ladmSeat(t, st, code, row)
	}
	admin := st.login(t, app.RoleAdminBKPSDM)
	manage := "/learning/events/" + code + "/manage"
	state := func(id int64) learning.State {
		t.Helper()
		r, err := st.s.EnrollmentByID(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		return r.State
	}

	page := admin.get(manage)
	wantStatus(t, "manage page", page, 200)
	if rows := tableAfter(t, page.body, `data-state="accepted"`); len(rows) != 3 {
		t.Fatalf("accepted participants: %v", rows)
	}
	if !strings.Contains(page.body, people.FormatNIP(y.NIP)) {
		t.Error("the admin does not see the participants' NIPs")
	}

	// Status: open → finished is refused and changes nothing; → running.
	r := admin.post("/learning/events/"+code, url.Values{"action": {"status"}, "status": {"finished"}})
	wantStatus(t, "open → finished", r, 409)
	if alertText(r.body) == "" {
		t.Error("the refused status change says nothing")
	}
	if ev, _ := st.s.EventByCode(ctx, code); ev.Status != learning.EventOpen {
		t.Fatalf("a refused status change left %s", ev.Status)
	}
	// The event's own form: capacity 0 refused, a new place saved.
	edit := url.Values{"action": {"save"}}
	for k, v := range map[string]string{"code": code, "title": "Angkatan I", "starts_on": "2026-11-20", "ends_on": "2026-11-28",
		"place": "Aula Dinas", "capacity": "0", "registration_opens": "2026-11-01", "registration_closes": demoToday,
		"s0.date": "2026-11-20", "s0.start": "08:00", "s0.end": "12:00", "s1.date": "2026-11-27", "s1.start": "08:00", "s1.end": "09:30"} {
		edit.Set(k, v)
	}
	r = admin.post("/learning/events/"+code, edit)
	wantStatus(t, "edit with capacity 0", r, 422)
	if msg := fieldError(r.body, "e-capacity"); !strings.Contains(msg, "kapasitas") {
		t.Errorf("capacity: %q", msg)
	}
	if ev, _ := st.s.EventByCode(ctx, code); ev.Capacity != 30 || ev.Place == "Aula Dinas" {
		t.Fatalf("a refused edit changed the event: %d %q", ev.Capacity, ev.Place)
	}
	edit.Set("capacity", "30")
	done(t, admin, "edit the event", "/learning/events/"+code, edit)
	if ev, _ := st.s.EventByCode(ctx, code); ev.Place != "Aula Dinas" || len(ev.Sessions) != 2 {
		t.Errorf("edited event: %q, %d sessions", ev.Place, len(ev.Sessions))
	}
	done(t, admin, "run the event", "/learning/events/"+code, url.Values{"action": {"status"}, "status": {"running"}})

	// Attendance: X at session 1, Y at both, Z at none.
	att := "/learning/events/" + code + "/attendance"
	page = admin.get(att)
	wantStatus(t, "attendance page", page, 200)
	if n := strings.Count(page.body, `name="present"`); n != 6 {
		t.Errorf("the grid offers %d checkboxes, want 3 participants × 2 sessions", n)
	}
	all := []string{strconv.FormatInt(ids["X"], 10), strconv.FormatInt(ids["Y"], 10), strconv.FormatInt(ids["Z"], 10)}
	done(t, admin, "session 1", att, url.Values{"action": {"session"}, "session": {"1"}, "p": all, "present": all[:2]})
	done(t, admin, "session 2", att, url.Values{"action": {"session"}, "session": {"2"}, "p": all, "present": all[1:2]})
	page = admin.get(att)
	if rows := tableAfter(t, page.body, `id="attendance-grid"`); len(rows) != 3 {
		t.Errorf("grid rows: %v", rows)
	}
	if state(ids["X"]) != learning.StateAttended || state(ids["Z"]) != learning.StateAccepted {
		t.Errorf("after attendance: X %s, Z %s", state(ids["X"]), state(ids["Z"]))
	}

	// Scores: not a number, out of range, then right.
	y0 := strconv.FormatInt(ids["Y"], 10)
	r = admin.post(att, url.Values{"action": {"scores"}, "enrollment": {y0}, "pre": {"lima puluh"}, "post": {"80"}})
	wantStatus(t, "a score that is not a number", r, 422)
	if row := between(r.body, `id="scores-`+y0+`"`, "</tr>"); !strings.Contains(text(row), "angka") || !strings.Contains(row, `value="lima puluh"`) {
		t.Errorf("the score's row: %q", text(row))
	}
	r = admin.post(att, url.Values{"action": {"scores"}, "enrollment": {y0}, "pre": {"55"}, "post": {"150"}})
	wantStatus(t, "a score above 100", r, 422)
	if e, _ := st.s.EnrollmentByID(ctx, ids["Y"]); e.PreScore != nil || e.PostScore != nil {
		t.Fatal("a refused score was stored")
	}
	done(t, admin, "scores", att, url.Values{"action": {"scores"}, "enrollment": {y0}, "pre": {"55"}, "post": {"82,5"}})
	if e, _ := st.s.EnrollmentByID(ctx, ids["Y"]); e.PreScore == nil || *e.PreScore != 55 || e.PostScore == nil || *e.PostScore != 82.5 {
		t.Errorf("stored scores: %v %v", e.PreScore, e.PostScore)
	}

	// Who may not complete: a mitra another's event (404), an agency
	// admin any (403); nothing changes.
	mitra := st.login(t, app.RoleMitra)
	for _, u := range []string{"/learning/events/" + f.evOther + "/manage", "/learning/events/" + f.evOther + "/attendance"} {
		wantStatus(t, "mitra: "+u, mitra.get(u), 404)
	}
	wantStatus(t, "mitra: complete another's event", mitra.post("/learning/events/"+f.evOther+"/complete", nil), 404)
	wantStatus(t, "mitra: attendance of another's event", mitra.post("/learning/events/"+f.evOther+"/attendance",
		url.Values{"action": {"session"}, "session": {"1"}}), 404)
	wantStatus(t, "mitra: its own event's attendance", mitra.get("/learning/events/"+f.evOwn+"/attendance"), 200)
	opd := st.login(t, app.RoleAdminOPD)
	page = opd.get(manage)
	wantStatus(t, "agency admin: manage page", page, 200)
	if strings.Contains(page.body, x.Name) || !strings.Contains(page.body, y.Name) {
		t.Error("the agency admin's page does not hold exactly the participants of its scope")
	}
	wantStatus(t, "agency admin: complete", opd.post("/learning/events/"+code+"/complete", nil), 403)
	if state(ids["Y"]) != learning.StateAttended {
		t.Fatal("a refused completion changed a participant")
	}

	// Completion: Y 2 of 2 completes, X 1 of 2 (50%) does not, Z is a no-show.
	r = admin.post("/learning/events/"+code+"/complete", nil)
	wantStatus(t, "complete the event", r, 200)
	sum := [3]string{text(between(r.body, `id="sum-completed">`, "<")), text(between(r.body, `id="sum-not-completed">`, "<")),
		text(between(r.body, `id="sum-no-show">`, "<"))}
	if sum != [3]string{"1", "1", "1"} {
		t.Errorf("summary completed / not completed / no-show: %v", sum)
	}
	if state(ids["Y"]) != learning.StateCompleted || state(ids["X"]) != learning.StateNotCompleted || state(ids["Z"]) != learning.StateNoShow {
		t.Errorf("after completion: X %s, Y %s, Z %s", state(ids["X"]), state(ids["Y"]), state(ids["Z"]))
	}

	// Revoking Y's certificate: a reason is required.
	cert, err := st.app.Certificate(ctx, app.System, ids["Y"])
	if err != nil {
		t.Fatal(err)
	}
	page = admin.get(manage)
	if !strings.Contains(page.body, cert.Number) || !strings.Contains(page.body, `action="/learning/enrollments/`+y0+`/certificate/revoke"`) {
		t.Fatal("the manage page shows no certificate to revoke")
	}
	revoke := "/learning/enrollments/" + y0 + "/certificate/revoke"
	r = admin.post(revoke, url.Values{"reason": {"  "}})
	wantStatus(t, "revoke without a reason", r, 422)
	if row := between(r.body, `id="p-`+y0+`"`, "</tr>"); !strings.Contains(text(row), "alasan") {
		t.Errorf("no message next to the reason: %q", text(row))
	}
	wantStatus(t, "mitra: revoke", mitra.post(revoke, url.Values{"reason": {"Salah input"}}), 403)
	if v, _ := st.app.VerifyCertificate(ctx, cert.Code); v.Status != app.CertificateValid {
		t.Fatalf("a refused revocation left the certificate %s", v.Status)
	}
	done(t, admin, "revoke", revoke, url.Values{"reason": {"Peserta ternyata tidak mengikuti sesi praktik"}})
	if v, _ := st.app.VerifyCertificate(ctx, cert.Code); v.Status != app.CertificateRevoked {
		t.Errorf("after revoking: %s", v.Status)
	}

	// The program's evaluation counts the outcome: 1 of 3 completed, 1 no-show.
	page = admin.get("/learning/programs/" + f.progOwn + "/evaluation")
	wantStatus(t, "evaluation", page, 200)
	if got := text(between(page.body, `id="eval-completion">`, "<")); got != "33,3%" {
		t.Errorf("completion rate %q, want 33,3%%", got)
	}
	if got := text(between(page.body, `id="eval-noshow">`, "<")); got != "33,3%" {
		t.Errorf("no-show rate %q, want 33,3%%", got)
	}
	if rows := tableAfter(t, page.body, `id="outcome-table"`); len(rows) != 4 || rows[0][1] != "1" || rows[1][1] != "1" || rows[2][1] != "1" {
		t.Errorf("outcome table: %v", rows)
	}
	if strings.Contains(page.body, y.Name) || strings.Contains(page.body, x.Name) {
		t.Error("the evaluation names a participant")
	}

	// A session that has not started cannot be recorded.
	late := "UJI-ITB-3"
	if _, err := st.app.CreateEvent(ctx, app.System, app.EventInput{Program: f.progOwn, Code: late, Title: "Angkatan sore",
		StartsOn: demoToday, EndsOn: demoToday, Place: "Aula", Capacity: 5,
		Sessions: []app.SessionInput{{StartsAt: demoToday + "T13:00", EndsAt: demoToday + "T15:00"}}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.app.SetEventStatus(ctx, app.System, late, "open"); err != nil {
		t.Fatal(err)
	}
	lid := ladmSeat(t, st, late, x)
	if _, err := st.app.SetEventStatus(ctx, app.System, late, "running"); err != nil {
		t.Fatal(err)
	}
	page = admin.get("/learning/events/" + late + "/attendance")
	if strings.Contains(page.body, `name="present"`) || !strings.Contains(text(page.body), "belum dimulai") {
		t.Error("a session not yet started offers a checkbox")
	}
	lids := strconv.FormatInt(lid, 10)
	r = admin.post("/learning/events/"+late+"/attendance", url.Values{"action": {"session"}, "session": {"1"}, "p": {lids}, "present": {lids}})
	wantStatus(t, "attendance before the session", r, 409)
	if !strings.Contains(alertText(r.body), "belum dimulai") || state(lid) != learning.StateAccepted {
		t.Errorf("attendance before the session: %q, %s", alertText(r.body), state(lid))
	}

	// Inviting the nominees: one seat, two nominees in order.
	inv := "UJI-ITB-4"
	if _, err := st.app.CreateEvent(ctx, app.System, app.EventInput{Program: f.progOwn, Code: inv, Title: "Angkatan II",
		StartsOn: "2027-02-01", EndsOn: "2027-02-01", Place: "Aula", Capacity: 1,
		Sessions: []app.SessionInput{{StartsAt: "2027-02-01T08:00", EndsAt: "2027-02-01T12:00"}}}); err != nil {
		t.Fatal(err)
	}
	var nominees []int64
	for _, e := range []string{y.NIP, z.NIP} {
		n, err := st.app.Nominate(ctx, app.System, app.NominationInput{Event: inv, NIP: e})
		if err != nil {
			t.Fatal(err)
		}
		nominees = append(nominees, n.ID)
	}
	page = admin.get("/learning/events/" + inv + "/manage")
	if !strings.Contains(page.body, `id="invite-nominees"`) {
		t.Fatal("no button to invite the nominees")
	}
	done(t, admin, "invite the nominees", "/learning/events/"+inv, url.Values{"action": {"invite"}})
	if a, b := state(nominees[0]), state(nominees[1]); a != learning.StateInvited || b != learning.StateWaitlisted {
		t.Errorf("after inviting: %s, %s", a, b)
	}
}
