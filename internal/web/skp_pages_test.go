package web

import (
	"context"
	"net/url"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/performance"
)

// TestSKPWorkflowPages walks an SKP through its pages on both engines: an
// admin opens the year and its periods, the employee creates and plans it,
// both sides agree, the rater evaluates, the employee acknowledges; every
// illegal step is refused with its reason beside the form and changes
// nothing.
func TestSKPWorkflowPages(t *testing.T) {
	t.Parallel()
	talentEngines(t, testSKPWorkflow)
}

func testSKPWorkflow(t *testing.T, st *site) {
	ctx := context.Background()
	const year = "2027"
	admin := st.login(t, app.RoleAdminBKPSDM)
	emp := st.login(t, app.RolePegawai)
	p := st.employee(t, st.accounts[app.RolePegawai].Login)
	if p.SupervisorNIP == "" {
		t.Fatal("the pegawai account has no supervisor")
	}
	rater := st.loginEmployee(t, p.SupervisorNIP, app.RoleAtasan)
	page := "/employees/" + p.NIP + "/skp"
	y := url.Values{"year": {year}}
	form := func(kv ...string) url.Values {
		v := url.Values{"year": {year}}
		for i := 0; i+1 < len(kv); i += 2 {
			v.Add(kv[i], kv[i+1])
		}
		return v
	}

	// Before the year is opened nobody can create the SKP.
	r := emp.get(page + "?year=" + year)
	wantStatus(t, "SKP of an unopened year", r, 200)
	if !strings.Contains(text(r.body), "Tahun kinerja 2027 belum dibuka") || strings.Contains(r.body, `id="create-skp"`) {
		t.Errorf("an unopened year offers to create the SKP:\n%s", text(r.body))
	}

	// The admin opens the year (quarterly) and Triwulan I.
	after := done(t, admin, "open the year", "/performance/periods", url.Values{"year": {year}, "frequency": {"triwulanan"}})
	if rows := tableAfter(t, after.body, `id="period-table"`); len(rows) != 5 || !strings.Contains(rows[0][2], "Belum dibuka") {
		t.Fatalf("periods of the new year: %v", rows)
	}
	r = admin.post("/performance/periods", url.Values{"year": {year}, "frequency": {"triwulanan"}})
	wantStatus(t, "open the year twice", r, 409)
	if alertText(r.body) == "" {
		t.Error("opening a year twice says nothing")
	}
	after = done(t, admin, "open Triwulan I", "/performance/periods/status", url.Values{"year": {year}, "seq": {"1"}, "status": {"open"}})
	if rows := tableAfter(t, after.body, `id="period-table"`); !strings.Contains(rows[0][2], "Dibuka") {
		t.Errorf("Triwulan I after opening: %v", rows[0])
	}
	r = admin.post("/performance/periods/status", url.Values{"year": {year}, "seq": {"1"}, "status": {"open"}})
	wantStatus(t, "open Triwulan I twice", r, 409)
	if !strings.Contains(alertText(r.body), "sudah dibuka") {
		t.Errorf("opening an open period: %q", alertText(r.body))
	}

	// The employee creates the SKP; agreeing to the empty plan is refused.
	r = emp.get(page + "?year=" + year)
	if !strings.Contains(r.body, `id="create-skp"`) {
		t.Fatal("the employee is not offered to create the SKP")
	}
	after = done(t, emp, "create", page, y)
	if got := text(between(after.body, `id="skp-status">`, "<")); got != "Draf" {
		t.Errorf("new SKP status %q", got)
	}
	r = emp.post(page+"/agree", y)
	wantStatus(t, "agree to an empty plan", r, 409)
	if !strings.Contains(alertText(r.body), "rencana hasil kerja masih kosong") {
		t.Errorf("agreeing to an empty plan: %q", alertText(r.body))
	}

	// A result without a target: the message names it, the input stays.
	bad := form("r0.text", "Tersusunnya peta rawan banjir kelurahan", "r0.i0.text", "Jumlah peta", "r0.i0.target", "")
	r = emp.post(page+"/plan", bad)
	wantStatus(t, "plan without a target", r, 422)
	if !strings.Contains(alertText(r.body), "hasil kerja ke-1, indikator ke-1: target wajib diisi") {
		t.Errorf("plan without a target: %q", alertText(r.body))
	}
	if !strings.Contains(r.body, "Tersusunnya peta rawan banjir kelurahan</textarea>") || !strings.Contains(r.body, `value="Jumlah peta"`) {
		t.Error("the refused plan form lost the user's input")
	}
	if k, _ := st.s.SKP(ctx, p.ID, 2027); len(k.Plan.Results) != 0 {
		t.Error("a refused plan was stored")
	}
	good := form("r0.text", "Tersusunnya peta rawan banjir kelurahan", "r0.i0.text", "Jumlah peta", "r0.i0.target", "30 peta",
		"r0.i1.text", "Peta diverifikasi BPBD", "r0.i1.target", "100%",
		"r1.text", "", "r1.i0.text", "", "r1.i0.target", "", // a blank row is ignored
		"exp.kolaboratif", "Aktif dalam rapat koordinasi lintas OPD")
	after = done(t, emp, "save the plan", page+"/plan", good)
	if !strings.Contains(after.body, "Tersusunnya peta rawan banjir kelurahan</textarea>") || !strings.Contains(after.body, `value="Aktif dalam rapat koordinasi lintas OPD"`) {
		t.Error("the saved plan is not in the form")
	}

	// Both sides agree; agreeing twice is refused.
	done(t, emp, "employee agrees", page+"/agree", y)
	r = emp.post(page+"/agree", y)
	wantStatus(t, "agree twice", r, 409)
	if !strings.Contains(alertText(r.body), "pegawai sudah menyetujui") {
		t.Errorf("agreeing twice: %q", alertText(r.body))
	}
	r = rater.get(page + "?year=" + year)
	if !strings.Contains(r.body, `id="agree-rater"`) || strings.Contains(r.body, `id="agree-employee"`) {
		t.Error("the rater is not offered the rater's agreement")
	}
	after = done(t, rater, "rater agrees", page+"/agree", y)
	if got := text(between(after.body, `id="skp-status">`, "<")); got != "Disepakati" {
		t.Errorf("status after both agreed %q", got)
	}
	if strings.Contains(after.body, `action="`+page+`/plan"`) {
		t.Error("an agreed plan is still editable")
	}
	if !strings.Contains(after.body, `id="evaluate-form"`) {
		t.Fatal("the rater is not offered the evaluation form")
	}
	if r := emp.get(page + "?year=" + year); strings.Contains(r.body, `id="evaluate-form"`) {
		t.Error("the employee is offered the evaluation form")
	}

	// The employee may not rate themself; the plan may not change now.
	r = emp.post(page+"/evaluate", form("period", "1", "hasil", "di_atas", "perilaku", "di_atas"))
	wantStatus(t, "self-evaluation", r, 403)
	if !strings.Contains(alertText(r.body), "tidak dapat menilai SKP Anda sendiri") {
		t.Errorf("self-evaluation: %q", alertText(r.body))
	}
	r = emp.post(page+"/plan", good)
	wantStatus(t, "edit an agreed plan", r, 409)
	if !strings.Contains(alertText(r.body), "ajukan revisi") {
		t.Errorf("editing an agreed plan: %q", alertText(r.body))
	}

	// A missing rating is named; the rest of the input stays.
	r = rater.post(page+"/evaluate", form("period", "1", "hasil", "di_atas", "note", "Catatan triwulan pertama", "w0.competency", "M.3", "w0.text", "Paparan belum runtut"))
	wantStatus(t, "evaluation without behaviour", r, 422)
	if !strings.Contains(alertText(r.body), "Pilih penilaian perilaku kerja") || !strings.Contains(r.body, "Catatan triwulan pertama</textarea>") ||
		!strings.Contains(r.body, `value="Paparan belum runtut"`) {
		t.Errorf("refused evaluation: %q, input kept: %v", alertText(r.body), strings.Contains(r.body, "Catatan triwulan pertama"))
	}
	// A weakness without its competency is named beside its row.
	r = rater.post(page+"/evaluate", form("period", "1", "hasil", "di_atas", "perilaku", "sesuai", "w1.text", "Laporan terlambat"))
	wantStatus(t, "weakness without a competency", r, 422)
	row, next := strings.Index(r.body, `id="f-w1-text"`), strings.Index(r.body, `id="f-w2-competency"`)
	if msg := strings.LastIndex(r.body, "Pilih kompetensi untuk catatan ini."); row < 0 || msg < row || msg > next {
		t.Error("an untagged weakness is not named beside its row")
	}

	// The rater evaluates Triwulan I: the predikat follows the matrix.
	after = done(t, rater, "evaluate Triwulan I", page+"/evaluate", form("period", "1", "hasil", "di_atas", "perilaku", "sesuai",
		"s0.competency", "M.4", "s0.text", "Target selalu tercapai", "w0.competency", "M.3", "w0.text", "Paparan kepada pimpinan belum runtut"))
	rows := tableAfter(t, after.body, `id="eval-table"`)
	if len(rows) != 1 || rows[0][0] != "Triwulan I" || !strings.Contains(rows[0][3], "Baik") || !strings.Contains(rows[0][6], "Paparan kepada pimpinan belum runtut") {
		t.Errorf("evaluations: %v", rows)
	}
	if got := text(between(after.body, `id="skp-status">`, "<")); got != "Dievaluasi" {
		t.Errorf("status after the evaluation %q", got)
	}
	// The annual evaluation waits for its period to be opened.
	r = rater.post(page+"/evaluate", form("period", "0", "hasil", "di_atas", "perilaku", "di_atas"))
	wantStatus(t, "annual evaluation in a pending period", r, 422)
	if !strings.Contains(alertText(r.body), "belum dibuka") {
		t.Errorf("annual evaluation in a pending period: %q", alertText(r.body))
	}

	// The employee acknowledges; twice is refused.
	r = emp.get(page + "?year=" + year)
	if !strings.Contains(r.body, `id="ack-1"`) {
		t.Fatal("the employee is not offered to acknowledge")
	}
	if strings.Contains(rater.get(page+"?year="+year).body, `id="ack-1"`) {
		t.Error("the rater is offered to acknowledge")
	}
	after = done(t, emp, "acknowledge", page+"/acknowledge", form("seq", "1"))
	if rows := tableAfter(t, after.body, `id="eval-table"`); !strings.Contains(rows[0][7], "27 November 2026") {
		t.Errorf("acknowledged: %v", rows[0])
	}
	r = emp.post(page+"/acknowledge", form("seq", "1"))
	wantStatus(t, "acknowledge twice", r, 409)
	if !strings.Contains(alertText(r.body), "sudah diakui") {
		t.Errorf("acknowledging twice: %q", alertText(r.body))
	}

	// Feedback during the year.
	after = done(t, rater, "feedback", page+"/feedback", form("text", "Koordinasi dengan kelurahan sudah baik"))
	if !strings.Contains(text(between(after.body, `id="feedback"`, "</section>")), "Koordinasi dengan kelurahan sudah baik") {
		t.Error("the feedback is not shown")
	}

	// The annual evaluation makes the SKP final with its predikat.
	done(t, admin, "open the annual period", "/performance/periods/status", url.Values{"year": {year}, "seq": {"0"}, "status": {"open"}})
	after = done(t, rater, "annual evaluation", page+"/evaluate", form("period", "0", "hasil", "sesuai", "perilaku", "di_bawah",
		"w0.competency", "M.1", "w0.text", "Terlambat melaporkan konflik kepentingan"))
	if got := text(between(after.body, `id="final-predikat">`, "</dd>")); got != "Kurang" {
		t.Errorf("annual predikat %q, want Kurang (hasil sesuai, perilaku di bawah)", got)
	}
	if got := text(between(after.body, `id="skp-status">`, "<")); got != "Final" {
		t.Errorf("status after the annual evaluation %q", got)
	}
	k, err := st.s.SKP(ctx, p.ID, 2027)
	if err != nil || k.Status != performance.StatusFinal || len(k.Evaluations) != 2 {
		t.Fatalf("stored SKP: %v %+v", err, k.Status)
	}
	r = rater.post(page+"/feedback", form("text", "Terlambat"))
	wantStatus(t, "feedback on a final SKP", r, 409)

	// English: the same refusal in the user's language.
	emp.lang = "en"
	r = emp.post(page+"/agree", y)
	wantStatus(t, "agree to a final SKP (en)", r, 409)
	if !strings.Contains(alertText(r.body), "cannot be agreed now") || !strings.Contains(text(r.body), "Work results") {
		t.Errorf("English refusal: %q", alertText(r.body))
	}
	if got := text(between(r.body, `id="final-predikat">`, "</dd>")); !strings.Contains(got, "Poor") {
		t.Errorf("English predikat %q", got)
	}
	for _, path := range []string{page + "?year=" + year, page} {
		checkHTML(t, path, emp.get(path))
	}
}

// TestSKPPagesRefuseOthers: a colleague outside the relationship is refused
// and nothing changes; an unknown year or employee is not found.
func TestSKPPagesRefuseOthers(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	m := newMatrix(t, st)
	opd := st.login(t, app.RoleAdminOPD)
	// An admin may not acknowledge for the employee.
	r := opd.post("/employees/"+m.D.NIP+"/skp/acknowledge", url.Values{"year": {"2026"}, "seq": {"1"}})
	wantStatus(t, "admin acknowledges", r, 403)
	if !strings.Contains(alertText(r.body), "diakui oleh pegawai yang dinilai sendiri") {
		t.Errorf("admin acknowledging: %q", alertText(r.body))
	}
	for _, path := range []string{"/employees/" + m.D.NIP + "/skp?year=abc", "/employees/" + m.D.NIP + "/skp?year=1999",
		"/employees/" + m.X.NIP + "/skp", "/employees/123/skp"} {
		if r := opd.get(path); r.status != 404 {
			t.Errorf("%s: %d", path, r.status)
		}
	}
	// The supervisor above (not the rater) may read but not evaluate.
	atasan := st.login(t, app.RoleAtasan)
	if m.P.SupervisorID == m.actors[app.RoleAtasan].EmployeeID {
		t.Fatal("the pegawai account reports directly to the atasan account: the test needs an indirect subordinate")
	}
	r = atasan.get("/employees/" + m.P.NIP + "/skp")
	wantStatus(t, "indirect supervisor reads", r, 200)
	if strings.Contains(r.body, `id="evaluate-form"`) || strings.Contains(r.body, `id="agree-rater"`) {
		t.Error("an indirect supervisor is offered the rater's steps")
	}
	r = atasan.post("/employees/"+m.P.NIP+"/skp/evaluate", url.Values{"year": {"2026"}, "period": {"4"}, "hasil": {"sesuai"}, "perilaku": {"sesuai"}})
	if !strings.Contains(alertText(r.body), "hanya dinilai oleh pejabat penilai") {
		t.Errorf("indirect supervisor evaluating: %q", alertText(r.body))
	}
	wantStatus(t, "indirect supervisor evaluates", r, 403)
}
