package api

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"asah/internal/app"
)

// addCaller creates an account and a token for it under name.
func (f *fixture) addCaller(name string, u app.NewUser) {
	f.t.Helper()
	ctx := context.Background()
	u.Password = testPassword
	id, err := f.app.CreateUser(ctx, app.System, u)
	if err != nil {
		f.t.Fatalf("create %s: %v", name, err)
	}
	tok, err := f.app.CreateToken(ctx, app.System, id, "test", 0)
	if err != nil {
		f.t.Fatalf("token for %s: %v", name, err)
	}
	f.tokens[name] = tok
}

// addRater gives the staff member's direct supervisor a token ("rater"):
// the kadis's own when the staff member reports to the kadis directly.
func (f *fixture) addRater() {
	f.t.Helper()
	if f.staff.SupervisorID == f.kadis.ID {
		f.tokens["rater"] = f.tokens["atasan"]
		return
	}
	f.addCaller("rater", app.NewUser{NIP: f.staff.SupervisorNIP, Role: "atasan"})
}

// want sends a request and fails the test unless the status is status; an
// error answer must name field (when given) and carry a message.
func (f *fixture) want(caller, method, target string, body any, status int, field string) response {
	f.t.Helper()
	r := f.do(caller, method, target, body)
	if r.status != status {
		f.t.Fatalf("%s %s as %s: %d, want %d: %s", method, target, caller, r.status, status, truncate(r.body))
	}
	if status >= 400 {
		e := r.errorOf(f.t)
		if e.Message == "" || (field != "" && e.Fields[field] == "") {
			f.t.Errorf("%s %s as %s: error %+v, want a message and fields.%s", method, target, caller, e, field)
		}
	}
	return r
}

// auditCount counts the audit rows of an action prefix about a target.
func (f *fixture) auditCount(prefix, target string) int {
	f.t.Helper()
	var n int
	if err := f.db.QueryRow(`SELECT count(*) FROM audit_log WHERE action LIKE ? AND target_id = ?`, prefix+"%", target).Scan(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

// predikatMatrix is DOMAIN.md §3 (hasil kerja, perilaku kerja → predikat),
// written out here independently of the code under test.
var predikatMatrix = map[[2]string]string{
	{"di_atas", "di_bawah"}: "kurang", {"di_atas", "sesuai"}: "baik", {"di_atas", "di_atas"}: "sangat_baik",
	{"sesuai", "di_bawah"}: "kurang", {"sesuai", "sesuai"}: "baik", {"sesuai", "di_atas"}: "baik",
	{"di_bawah", "di_bawah"}: "sangat_kurang", {"di_bawah", "sesuai"}: "butuh_perbaikan", {"di_bawah", "di_atas"}: "butuh_perbaikan",
}

func samplePlanBody() map[string]any {
	return map[string]any{
		"results": []any{map[string]any{"text": "Tersusunnya laporan pengelolaan sampah triwulanan",
			"indicators": []any{map[string]any{"text": "Laporan tepat waktu", "target": "4 laporan"}}}},
		"expectations": map[string]any{"kolaboratif": "Aktif dalam rapat koordinasi lintas OPD"},
	}
}

// TestSKPWorkflowOverHTTP takes a new year's SKP from draft to final over
// the API: the employee creates and plans it, both sides agree, the rater
// evaluates (every cell of the predikat matrix), the employee acknowledges;
// each illegal step is refused with its status and changes nothing, and
// every step that happened is in the audit trail.
func TestSKPWorkflowOverHTTP(t *testing.T) {
	f := newFixture(t)
	f.addRater()
	nip := f.staff.NIP
	skp := "/api/v1/employees/" + nip + "/skp/2027"
	steps := 0 // successful changes of the SKP, each audited

	// The year: only an admin BKPSDM opens it, once.
	f.want("admin_opd", "POST", "/api/v1/performance/periods", map[string]any{"year": 2027}, 403, "")
	f.want("admin_bkpsdm", "POST", "/api/v1/performance/periods", map[string]any{}, 422, "year")
	f.want("admin_bkpsdm", "POST", "/api/v1/performance/periods", map[string]any{"year": 2027, "frequency": "mingguan"}, 422, "frequency")
	f.want("admin_bkpsdm", "POST", "/api/v1/performance/periods", map[string]any{"year": "2027"}, 400, "year")
	var periods periodListJSON
	f.want("admin_bkpsdm", "POST", "/api/v1/performance/periods", map[string]any{"year": 2027}, 201, "").json(t, &periods)
	var names []string
	for _, p := range periods.Items {
		names = append(names, fmt.Sprintf("%d:%s:%s", p.Seq, p.Name, p.Status))
	}
	if got := strings.Join(names, ","); got != "1:Triwulan I:pending,2:Triwulan II:pending,3:Triwulan III:pending,4:Triwulan IV:pending,0:Tahunan:pending" {
		t.Errorf("periods of 2027: %s", got)
	}
	f.want("admin_bkpsdm", "POST", "/api/v1/performance/periods", map[string]any{"year": 2027}, 409, "")

	// Creating: not before the year is opened, once per year.
	f.want("pegawai", "POST", "/api/v1/employees/"+nip+"/skp/2028", nil, 409, "")
	var k skpJSON
	f.want("pegawai", "GET", skp, nil, 200, "").json(t, &k)
	if k.Exists || k.Status != nil || !k.Actions.Create || len(k.Periods) != 5 {
		t.Errorf("before creation: %+v", k)
	}
	f.want("pegawai", "POST", skp, nil, 201, "").json(t, &k)
	steps++
	if !k.Exists || *k.Status != "draft" || k.Rater == nil || k.Rater.Name == "" {
		t.Fatalf("created: %+v", k)
	}
	// The rater's NIP lies outside the employee's own scope.
	if k.Rater.NIP != nil {
		t.Errorf("the employee is told the rater's NIP %s", *k.Rater.NIP)
	}
	f.want("rater", "GET", skp, nil, 200, "").json(t, &k)
	if k.Rater == nil || k.Rater.NIP == nil || *k.Rater.NIP != f.staff.SupervisorNIP {
		t.Errorf("the rater does not see themself as rater: %+v", k.Rater)
	}
	f.want("pegawai", "POST", skp, nil, 409, "")

	// Planning and agreeing.
	f.want("pegawai", "POST", skp+"/agree", nil, 409, "") // an empty plan
	bad := map[string]any{"results": []any{map[string]any{"text": "Tanpa indikator", "indicators": []any{}}}}
	f.want("pegawai", "PUT", skp+"/plan", bad, 422, "results")
	badValue := samplePlanBody()
	badValue["expectations"] = map[string]any{"jujur": "selalu"}
	f.want("pegawai", "PUT", skp+"/plan", badValue, 422, "expectations")
	f.want("pegawai", "PUT", skp+"/plan", map[string]any{"expectations": map[string]any{}}, 422, "results")
	f.want("pegawai", "PUT", skp+"/plan", map[string]any{"results": []any{}, "target": 3}, 400, "target")
	f.want("pegawai", "PUT", skp+"/plan", samplePlanBody(), 200, "").json(t, &k)
	steps++
	if len(k.Plan.Results) != 1 || k.Plan.Results[0].Indicators[0].Target != "4 laporan" || k.Plan.Expectations["kolaboratif"] == "" {
		t.Errorf("plan: %+v", k.Plan)
	}
	f.want("pegawai", "POST", skp+"/agree", nil, 200, "").json(t, &k)
	steps++
	if *k.Status != "draft" || k.EmployeeAgreedAt == nil || k.RaterAgreedAt != nil || !k.Actions.EditPlan {
		t.Errorf("after the employee agreed: %+v", k)
	}
	f.want("pegawai", "POST", skp+"/agree", nil, 409, "")
	f.want("rater", "POST", skp+"/evaluations", map[string]any{"period": 1, "hasil": "sesuai", "perilaku": "sesuai"}, 409, "")
	f.want("rater", "POST", skp+"/agree", nil, 200, "").json(t, &k)
	steps++
	if *k.Status != "agreed" || k.RaterAgreedAt == nil {
		t.Fatalf("after both agreed: %+v", k)
	}
	f.want("pegawai", "PUT", skp+"/plan", samplePlanBody(), 409, "")
	f.want("pegawai", "POST", skp+"/feedback", map[string]any{"text": "  "}, 422, "text")
	f.want("rater", "POST", skp+"/feedback", map[string]any{"text": "Koordinasi dengan TPS berjalan baik"}, 200, "").json(t, &k)
	steps++
	if len(k.Feedback) != 1 || k.Feedback[0].Text != "Koordinasi dengan TPS berjalan baik" || k.Feedback[0].Author == "" {
		t.Errorf("feedback: %+v", k.Feedback)
	}
	// A revision reopens the plan; both agree again.
	f.want("pegawai", "POST", skp+"/revise", nil, 200, "").json(t, &k)
	steps++
	if *k.Status != "draft" || k.EmployeeAgreedAt != nil || k.RaterAgreedAt != nil {
		t.Errorf("after the revision: %+v", k)
	}
	f.want("pegawai", "POST", skp+"/revise", nil, 409, "")
	f.want("rater", "POST", skp+"/agree", nil, 200, "")
	f.want("pegawai", "POST", skp+"/agree", nil, 200, "")
	steps += 2

	// Evaluating: the period must be open; only the rater (or an admin).
	ev := func(hasil, perilaku string) map[string]any {
		return map[string]any{"period": 1, "hasil": hasil, "perilaku": perilaku}
	}
	f.want("rater", "POST", skp+"/evaluations", ev("sesuai", "sesuai"), 422, "period")
	f.want("admin_opd", "PUT", "/api/v1/performance/periods/2027/1", map[string]any{"status": "open"}, 403, "")
	f.want("admin_bkpsdm", "PUT", "/api/v1/performance/periods/2027/1", map[string]any{"status": "closed"}, 409, "")
	f.want("admin_bkpsdm", "PUT", "/api/v1/performance/periods/2027/9", map[string]any{"status": "open"}, 404, "")
	f.want("admin_bkpsdm", "PUT", "/api/v1/performance/periods/2027/1", map[string]any{"status": "dibuka nanti"}, 422, "status")
	var p periodJSON
	f.want("admin_bkpsdm", "PUT", "/api/v1/performance/periods/2027/1", map[string]any{"status": "open"}, 200, "").json(t, &p)
	if p.Status != "open" || p.Seq != 1 || p.Name != "Triwulan I" {
		t.Errorf("opened: %+v", p)
	}
	f.want("admin_bkpsdm", "PUT", "/api/v1/performance/periods/2027/1", map[string]any{"status": "open"}, 409, "")

	before := f.do("pegawai", "GET", skp, nil).body
	f.want("pegawai", "POST", skp+"/evaluations", ev("di_atas", "di_atas"), 403, "")
	if f.staff.SupervisorID != f.kadis.ID {
		f.want("atasan", "POST", skp+"/evaluations", ev("di_atas", "di_atas"), 403, "") // an indirect superior is not the rater
	}
	f.want("pimpinan", "POST", skp+"/evaluations", ev("di_atas", "di_atas"), 403, "")
	f.want("rater", "POST", skp+"/evaluations", map[string]any{"hasil": "sesuai", "perilaku": "sesuai"}, 422, "period")
	f.want("rater", "POST", skp+"/evaluations", ev("luar_biasa", "sesuai"), 422, "hasil")
	f.want("rater", "POST", skp+"/evaluations", map[string]any{"period": 1, "hasil": "sesuai", "perilaku": "sesuai",
		"notes": []any{map[string]any{"kind": "weakness", "competency": "X.99", "text": "x"}}}, 422, "notes.0.competency")
	f.want("rater", "POST", skp+"/evaluations", map[string]any{"period": 1, "hasil": "sesuai", "perilaku": "sesuai",
		"evaluated_on": "2026-12-01"}, 422, "evaluated_on")
	f.want("rater", "POST", skp+"/evaluations", map[string]any{"period": 1, "hasil": "sesuai", "perilaku": "sesuai",
		"predikat": "sangat_baik"}, 400, "predikat")
	if after := f.do("pegawai", "GET", skp, nil).body; string(after) != string(before) {
		t.Error("a refused evaluation changed the SKP")
	}
	// Every cell of the matrix; a period evaluated again is corrected.
	for _, h := range []string{"di_atas", "sesuai", "di_bawah"} {
		for _, b := range []string{"di_bawah", "sesuai", "di_atas"} {
			f.want("rater", "POST", skp+"/evaluations", ev(h, b), 200, "").json(t, &k)
			steps++
			if len(k.Evaluations) != 1 || k.Evaluations[0].Predikat != predikatMatrix[[2]string{h, b}] || *k.Status != "evaluated" {
				t.Errorf("hasil %s, perilaku %s: %+v", h, b, k.Evaluations)
			}
		}
	}
	body := map[string]any{"period": 1, "hasil": "sesuai", "perilaku": "di_atas", "note": "Target triwulan tercapai",
		"evaluated_on": "2026-11-20", "notes": []any{
			map[string]any{"kind": "strength", "competency": "M.4", "text": "Tuntas sebelum tenggat"},
			map[string]any{"kind": "weakness", "competency": "M.3", "text": "Laporan tertulis kurang runtut"}}}
	f.want("rater", "POST", skp+"/evaluations", body, 200, "").json(t, &k)
	steps++
	e := k.Evaluations[0]
	if e.Predikat != "baik" || e.Period != "Triwulan I" || e.EvaluatedOn != "2026-11-20" || len(e.Notes) != 2 ||
		e.Notes[1].Kind != "weakness" || e.Notes[1].Competency != "M.3" || e.Notes[1].CompetencyName == "" || e.AcknowledgedAt != nil {
		t.Errorf("evaluation: %+v", e)
	}

	// Acknowledging: the employee only, once per evaluation.
	f.want("rater", "POST", skp+"/evaluations/1/acknowledge", nil, 403, "")
	f.want("pegawai", "POST", skp+"/evaluations/2/acknowledge", nil, 409, "")
	f.want("pegawai", "POST", skp+"/evaluations/x/acknowledge", nil, 400, "seq")
	f.want("pegawai", "POST", skp+"/evaluations/1/acknowledge", nil, 200, "").json(t, &k)
	steps++
	if k.Evaluations[0].AcknowledgedAt == nil || k.Actions.Acknowledge {
		t.Errorf("acknowledged: %+v", k)
	}
	f.want("pegawai", "POST", skp+"/evaluations/1/acknowledge", nil, 409, "")

	// The annual evaluation makes the SKP final; nothing changes afterwards.
	annual := map[string]any{"period": 0, "hasil": "di_atas", "perilaku": "di_atas"}
	f.want("rater", "POST", skp+"/evaluations", annual, 422, "period")
	f.want("admin_bkpsdm", "PUT", "/api/v1/performance/periods/2027/0", map[string]any{"status": "open"}, 200, "")
	f.want("rater", "POST", skp+"/evaluations", annual, 200, "").json(t, &k)
	steps++
	if *k.Status != "final" || k.FinalPredikat == nil || *k.FinalPredikat != "sangat_baik" || len(k.Evaluations) != 2 || !k.Evaluations[1].Annual {
		t.Fatalf("final: %+v", k)
	}
	before = f.do("pegawai", "GET", skp, nil).body
	f.want("pegawai", "PUT", skp+"/plan", samplePlanBody(), 409, "")
	f.want("pegawai", "POST", skp+"/revise", nil, 409, "")
	f.want("rater", "POST", skp+"/agree", nil, 409, "")
	f.want("rater", "POST", skp+"/feedback", map[string]any{"text": "catatan"}, 409, "")
	f.want("rater", "POST", skp+"/evaluations", ev("di_bawah", "di_bawah"), 409, "")
	f.want("rater", "POST", skp+"/evaluations", annual, 409, "")
	if after := f.do("pegawai", "GET", skp, nil).body; string(after) != string(before) {
		t.Error("a refused step changed the final SKP")
	}
	f.want("pegawai", "POST", skp+"/evaluations/0/acknowledge", nil, 200, "")
	steps++

	if n := f.auditCount("skp.", nip); n != steps {
		t.Errorf("%d SKP audit rows for %d steps", n, steps)
	}
	if f.auditCount("performance.", "2027") == 0 {
		t.Error("opening the year is not audited")
	}
	// The final predikat counts in the distribution of the year.
	var rep predikatReportJSON
	f.want("admin_bkpsdm", "GET", "/api/v1/performance/predikat?year=2027&seq=0&unit="+f.staff.UnitCode, nil, 200, "").json(t, &rep)
	if rep.Total.Counts.SangatBaik != 1 || rep.Total.Evaluated != 1 || rep.City.Evaluated != 1 || rep.Period.Name != "Tahunan" {
		t.Errorf("distribution: %+v", rep)
	}
}

// TestPredikatDistribution compares the report with counts taken straight
// from the database, city-wide and for an agency admin's subtree.
func TestPredikatDistribution(t *testing.T) {
	f := newFixture(t)
	w := f.world()
	counts := map[string]string{} // nip → predikat of the 2025 annual evaluation
	rows, err := f.db.Query(`SELECT e.nip, ev.predikat FROM skp_evaluations ev JOIN skp_periods p ON p.id = ev.period_id
		JOIN skps k ON k.id = ev.skp_id JOIN employees e ON e.id = k.employee_id WHERE p.year = 2025 AND p.seq = 0`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var nip, pred string
		rows.Scan(&nip, &pred)
		counts[nip] = pred
	}
	rows.Close()
	if len(counts) < 1000 {
		t.Fatalf("only %d annual evaluations in 2025", len(counts))
	}
	for _, caller := range []string{"admin_bkpsdm", "admin_opd", "atasan", "pegawai", "pimpinan"} {
		scope := f.scope(w, caller)
		want := map[string]int{}
		for nip := range scope {
			if p, ok := counts[nip]; ok {
				want[p]++
			}
		}
		var rep predikatReportJSON
		f.want(caller, "GET", "/api/v1/performance/predikat?year=2025", nil, 200, "").json(t, &rep)
		c := rep.Total.Counts
		got := map[string]int{"sangat_baik": c.SangatBaik, "baik": c.Baik, "butuh_perbaikan": c.ButuhPerbaikan, "kurang": c.Kurang,
			"sangat_kurang": c.SangatKurang}
		for _, p := range []string{"sangat_baik", "baik", "butuh_perbaikan", "kurang", "sangat_kurang"} {
			if got[p] != want[p] {
				t.Errorf("%s: %s %d, want %d", caller, p, got[p], want[p])
			}
		}
		if rep.Total.Headcount != len(scope) || rep.City.Evaluated != len(counts) || rep.City.Headcount != len(w.nips) {
			t.Errorf("%s: headcount %d (want %d), city %d/%d", caller, rep.Total.Headcount, len(scope), rep.City.Evaluated, rep.City.Headcount)
		}
		sum := 0
		for _, row := range rep.Rows {
			sum += row.Evaluated
		}
		if sum != rep.Total.Evaluated {
			t.Errorf("%s: rows add up to %d of %d", caller, sum, rep.Total.Evaluated)
		}
	}
	for _, c := range []struct {
		caller, target string
		status         int
		field          string
	}{
		{"admin_bkpsdm", "/api/v1/performance/predikat", 400, "year"},
		{"admin_bkpsdm", "/api/v1/performance/predikat?year=dua", 400, "year"},
		{"admin_bkpsdm", "/api/v1/performance/predikat?year=2025&seq=x", 400, "seq"},
		{"admin_bkpsdm", "/api/v1/performance/predikat?year=1999", 422, "year"},
		{"admin_bkpsdm", "/api/v1/performance/predikat?year=2030", 404, ""},
		{"admin_bkpsdm", "/api/v1/performance/predikat?year=2025&unit=TIDAK-ADA", 404, ""},
		{"admin_opd", "/api/v1/performance/predikat?year=2025&unit=" + f.others.Code, 404, ""},
		{"mitra", "/api/v1/performance/predikat?year=2025", 403, ""},
		{"admin_bkpsdm", "/api/v1/performance/periods/dua", 400, "year"},
		{"admin_bkpsdm", "/api/v1/performance/periods/1999", 422, "year"},
		{"mitra", "/api/v1/performance/periods/2026", 403, ""},
		{"admin_opd", "/api/v1/performance/predikat?year=2025&seq=2&unit=DLHK", 200, ""},
		{"pegawai", "/api/v1/performance/periods/2030", 200, ""},
	} {
		f.want(c.caller, "GET", c.target, nil, c.status, c.field)
	}
}
