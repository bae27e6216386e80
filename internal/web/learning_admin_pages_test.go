package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// fieldError is the message shown next to a form field (by the field's
// element id), "" when none.
func fieldError(body, id string) string {
	return text(between(body, `id="`+id+`-error">`, "</p>"))
}

// inputValue is the value a page's input holds.
func inputValue(body, id string) string {
	tag := between(body, `id="`+id+`"`, ">")
	return between(tag, `value="`, `"`)
}

// TestLearningAdminProgramPages walks the program and event forms through
// the real handlers on both engines: bad input is named next to its field,
// the input is kept and nothing is stored; good input is stored; a mitra
// sees only its own institution as provider and answers 404 for another's
// program.
func TestLearningAdminProgramPages(t *testing.T) {
	t.Parallel()
	talentEngines(t, testLearningAdminProgramPages)
}

func testLearningAdminProgramPages(t *testing.T, st *site) {
	ctx := context.Background()
	p, x := ladmPeople(t, st)
	f := newLadmFix(t, st, p, x)
	admin := st.login(t, app.RoleAdminBKPSDM)

	// Refused: JP not a number, a negative cost, no target; nothing stored.
	form := url.Values{"code": {"UJI-BARU"}, "title": {"Analisis Kebijakan Berbasis Data"}, "provider": {f.other.Code},
		"form": {"pelatihan_teknis"}, "delivery": {"tatap_muka"}, "jp": {"dua puluh"}, "cost_per_participant": {"-5"},
		"fixed_cost_per_event": {"Rp 12.500.000"}, "min_attendance": {"80"}}
	r := admin.post("/learning/programs", form)
	wantStatus(t, "program with bad input", r, 422)
	if msg := fieldError(r.body, "p-jp"); !strings.Contains(msg, "angka") {
		t.Errorf("JP: message %q", msg)
	}
	if msg := fieldError(r.body, "p-cost"); !strings.Contains(msg, "negatif") {
		t.Errorf("cost: message %q", msg)
	}
	if msg := text(between(r.body, `id="p-targets-error">`, "</p>")); !strings.Contains(msg, "kompetensi sasaran") {
		t.Errorf("targets: message %q", msg)
	}
	if v := inputValue(r.body, "p-jp"); v != "dua puluh" {
		t.Errorf("the JP typed is not kept: %q", v)
	}
	if v := inputValue(r.body, "p-title"); v != form.Get("title") {
		t.Errorf("the title typed is not kept: %q", v)
	}
	if _, err := st.s.ProgramByCode(ctx, "UJI-BARU", st.app.Today()); err == nil {
		t.Fatal("a refused program was stored")
	}

	// Accepted, with money typed the Indonesian way.
	form.Set("jp", "24")
	form.Set("cost_per_participant", "2.500.000")
	form.Set("mandatory", "1")
	form["eligible_kinds"] = []string{"pengawas", "fungsional"}
	form.Set("t0.competency", "M.8")
	form.Set("t0.level", "3")
	form.Set("t0.min", "2")
	page := done(t, admin, "create the program", "/learning/programs", form)
	if heading(page.body) != "Ubah program UJI-BARU" {
		t.Errorf("after creating: %q", heading(page.body))
	}
	prog, err := st.s.ProgramByCode(ctx, "UJI-BARU", st.app.Today())
	if err != nil {
		t.Fatal(err)
	}
	if prog.JP != 24 || prog.CostPerParticipant != 2500000 || prog.FixedCostPerEvent != 12500000 || !prog.Mandatory ||
		prog.ProviderID != f.other.ID || len(prog.EligibleKinds) != 2 || len(prog.Targets) != 1 || prog.Targets[0].Level != 3 ||
		prog.Targets[0].MinLevel != 2 || prog.Method != learning.Klasikal {
		t.Errorf("stored program: %+v", prog.Program)
	}

	// Edit: a form of the other method is refused, the title kept as typed.
	edit := url.Values{}
	for k, v := range form {
		edit[k] = v
	}
	edit.Set("title", "Analisis Kebijakan Publik")
	edit.Set("method", "non_klasikal")
	r = admin.post("/learning/programs/UJI-BARU", edit)
	wantStatus(t, "program with a form of the other method", r, 422)
	if msg := fieldError(r.body, "p-form"); !strings.Contains(msg, "metode") {
		t.Errorf("form/method: message %q", msg)
	}
	if prog, _ = st.s.ProgramByCode(ctx, "UJI-BARU", st.app.Today()); prog.Title != form.Get("title") {
		t.Error("a refused edit changed the title")
	}
	edit.Del("method")
	done(t, admin, "edit the program", "/learning/programs/UJI-BARU", edit)
	if prog, _ = st.s.ProgramByCode(ctx, "UJI-BARU", st.app.Today()); prog.Title != "Analisis Kebijakan Publik" {
		t.Errorf("edited title: %q", prog.Title)
	}

	// An event: capacity 0 is refused next to the field, nothing stored.
	ev := url.Values{"code": {"UJI-BARU-1"}, "title": {"Angkatan I"}, "starts_on": {"2027-03-01"}, "ends_on": {"2027-03-03"},
		"place": {"Aula BKPSDM"}, "capacity": {"0"}, "registration_opens": {"2027-01-01"}, "registration_closes": {"2027-02-15"},
		"s0.date": {"2027-03-01"}, "s0.start": {"08:00"}, "s0.end": {"12:00"}, "s0.topic": {"Konsep"},
		"s1.date": {"2027-03-02"}, "s1.start": {"08:00"}, "s1.end": {"12:00"},
		"q0.unit": {"DLHK"}, "q0.quota": {"5"}}
	r = admin.post("/learning/programs/UJI-BARU/events", ev)
	wantStatus(t, "event with capacity 0", r, 422)
	if msg := fieldError(r.body, "e-capacity"); !strings.Contains(msg, "kapasitas") {
		t.Errorf("capacity: message %q; alert %q", msg, alertText(r.body))
	}
	if v := inputValue(r.body, "s0-topic"); v != "Konsep" {
		t.Errorf("the sessions typed are not kept: %q", v)
	}
	if _, err := st.s.EventByCode(ctx, "UJI-BARU-1"); err == nil {
		t.Fatal("a refused event was stored")
	}
	// Registration closing after the event ends, and a session outside it.
	ev.Set("capacity", "25")
	ev.Set("registration_closes", "2027-03-10")
	ev.Set("s1.date", "2027-03-05")
	r = admin.post("/learning/programs/UJI-BARU/events", ev)
	wantStatus(t, "event with a late registration and a session outside", r, 422)
	if fieldError(r.body, "e-closes") == "" || fieldError(r.body, "e-sessions") == "" {
		t.Errorf("messages: closes %q, sessions %q", fieldError(r.body, "e-closes"), fieldError(r.body, "e-sessions"))
	}
	ev.Set("registration_closes", "2027-02-15")
	ev.Set("s1.date", "2027-03-02")
	r = admin.post("/learning/programs/UJI-BARU/events", ev)
	wantStatus(t, "create the event", r, 303)
	if r.location() != "/learning/events/UJI-BARU-1/manage" {
		t.Errorf("after the event: %q", r.location())
	}
	stored, err := st.s.EventByCode(ctx, "UJI-BARU-1")
	if err != nil {
		t.Fatal(err)
	}
	if stored.Status != learning.EventDraft || stored.Capacity != 25 || len(stored.Sessions) != 2 || len(stored.Quotas) != 1 ||
		stored.Sessions[0].StartsAt.In(ladmWIB).Hour() != 8 {
		t.Errorf("stored event: %+v", stored.Event)
	}
	page = admin.get("/learning/programs/UJI-BARU/edit")
	if rows := tableAfter(t, page.body, `id="event-list"`); len(rows) != 1 || rows[0][0] != "UJI-BARU-1" || rows[0][3] != "Draf" {
		t.Errorf("the program's events: %v", rows)
	}

	// In English the messages next to the fields are English.
	admin.lang = "en"
	ev.Set("code", "UJI-BARU-2")
	ev.Set("capacity", "0")
	r = admin.post("/learning/programs/UJI-BARU/events", ev)
	if msg := fieldError(r.body, "e-capacity"); r.status != 422 || !strings.Contains(msg, "Capacity must be") {
		t.Errorf("English capacity message: %d %q", r.status, msg)
	}
	admin.lang = ""

	// A mitra: its own institution is the only provider; another's program
	// is not found; a program it adds is its own whatever it posts.
	mitra := st.login(t, app.RoleMitra)
	page = mitra.get("/learning/programs/new")
	wantStatus(t, "mitra: new program", page, 200)
	if opts := between(page.body, `id="p-provider"`, "</select>"); !strings.Contains(opts, f.own.Code) || strings.Contains(opts, f.other.Code) {
		t.Errorf("mitra: provider choices %q", text(opts))
	}
	for _, u := range []string{"/learning/programs/" + f.progOther + "/edit", "/learning/programs/" + f.progOther + "/evaluation"} {
		wantStatus(t, "mitra: "+u, mitra.get(u), 404)
	}
	wantStatus(t, "mitra: edit another's program", mitra.post("/learning/programs/"+f.progOther, edit), 404)
	wantStatus(t, "mitra: event of another's program", mitra.post("/learning/programs/"+f.progOther+"/events", ev), 404)
	mine := url.Values{}
	for k, v := range form {
		mine[k] = v
	}
	mine.Set("code", "UJI-MITRA")
	mine.Set("provider", f.other.Code)
	done(t, mitra, "mitra: create a program", "/learning/programs", mine)
	if prog, err := st.s.ProgramByCode(ctx, "UJI-MITRA", st.app.Today()); err != nil || prog.ProviderID != f.own.ID {
		t.Errorf("the mitra's program belongs to provider %d (%v), want its own %d", prog.ProviderID, err, f.own.ID)
	}
	wantStatus(t, "mitra: own program", mitra.get("/learning/programs/"+f.progOwn+"/edit"), 200)
	// Roles that do not manage programs get 403.
	for _, role := range []app.Role{app.RoleAdminOPD, app.RolePegawai, app.RolePimpinan} {
		wantStatus(t, string(role)+": new program", st.login(t, role).get("/learning/programs/new"), 403)
	}
	_ = store.ErrNotFound
}
