package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/performance"
	"asah/internal/store"
)

// perfOrg is a small city for the performance, talent and IDP use cases:
//
//	DLHK (dinas)           1 Kadis (JPT, key)            ← no supervisor
//	  DLHK-UPT (upt)       2 Kabid (administrator, key)  ← 1
//	                       3 Staf A, 4 Staf B (pelaksana) ← 2
//	BKPSDM (badan)         5 Kaban (JPT, key)            ← no supervisor
//	                       6 Staf BKPSDM (pelaksana)     ← 5
type perfOrg struct {
	a    *app.App
	nip  map[int64]string
	dict map[string]int64 // code → ID
	// actors
	admin, adminDLHK, adminBKPSDM, kadis, kabid, stafA, stafB, stafBKPSDM, pimpinan, mitra app.Actor
}

func newPerfOrg(t *testing.T) *perfOrg {
	t.Helper()
	a := newApp(t)
	ctx := context.Background()
	dict, err := a.Store.Competencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	o := &perfOrg{a: a, nip: map[int64]string{}, dict: map[string]int64{}}
	for _, c := range dict {
		o.dict[c.Code] = c.ID
	}
	birth := func(y int) time.Time { return time.Date(y, 3, 15, 0, 0, 0, 0, time.UTC) }
	emp := func(id int64, name string, by int, pos, unit, sup int64) people.Employee {
		b := birth(by)
		nip := people.BuildPNSNIP(b, time.Date(by+25, 3, 1, 0, 0, 0, 0, time.UTC), people.Female, int(id))
		o.nip[id] = nip
		return people.Employee{ID: id, NIP: nip, Name: name, Kind: people.PNS, Sex: people.Female, BirthDate: b, Golongan: "III/c",
			PositionID: pos, UnitID: unit, SupervisorID: sup, RetirementDate: people.RetirementDate(b, 58)}
	}
	// Standards: every dictionary competency at level 3 for the key
	// positions, level 2 for the pelaksana.
	std := map[int64][]competency.Requirement{}
	for _, c := range dict {
		for _, p := range []int64{1, 2, 4} {
			std[p] = append(std[p], competency.Requirement{CompetencyID: c.ID, Required: 3})
		}
		for _, p := range []int64{3, 5} {
			std[p] = append(std[p], competency.Requirement{CompetencyID: c.ID, Required: 2})
		}
	}
	// Assessments: Staf A at level 2 everywhere (JPM 100 against the
	// pelaksana standard, 67 against the key ones), Staf BKPSDM at level 3
	// (100 against everything).
	var as []competency.Assessment
	var n int64
	for _, x := range []struct {
		emp   int64
		level int
	}{{3, 2}, {6, 3}, {2, 3}} {
		for _, c := range dict {
			n++
			as = append(as, competency.Assessment{ID: n, EmployeeID: x.emp, CompetencyID: c.ID, Source: competency.SourceAssessmentCenter,
				Level: x.level, AssessedOn: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC), Status: competency.Final,
				RecordedAt: time.Date(2026, 2, 2, 0, 0, 0, 0, time.UTC)})
		}
	}
	err = a.Store.BulkLoad(ctx, func(b *store.Bulk) error {
		if err := b.Units(ctx, []people.Unit{
			{ID: 1, Code: "DLHK", Name: "Dinas Lingkungan Hidup dan Kebersihan", Kind: people.UnitDinas},
			{ID: 2, Code: "DLHK-UPT", Name: "UPT Pengelolaan Sampah", Kind: people.UnitUPT, ParentID: 1},
			{ID: 3, Code: "BKPSDM", Name: "BKPSDM", Kind: people.UnitBadan},
		}); err != nil {
			return err
		}
		if err := b.Positions(ctx, []people.Position{
			{ID: 1, Code: "DLHK-KADIS", Title: "Kepala Dinas", Kind: people.KindJPT, Jenjang: people.JenjangPratama, UnitID: 1, Key: true},
			{ID: 2, Code: "DLHK-KABID", Title: "Kepala Bidang Kebersihan", Kind: people.KindAdministrator, UnitID: 1, Key: true},
			{ID: 3, Code: "DLHK-PL", Title: "Pengelola Sampah", Kind: people.KindPelaksana, UnitID: 2},
			{ID: 4, Code: "BKPSDM-KABAN", Title: "Kepala Badan", Kind: people.KindJPT, Jenjang: people.JenjangPratama, UnitID: 3, Key: true},
			{ID: 5, Code: "BKPSDM-PL", Title: "Pengadministrasi", Kind: people.KindPelaksana, UnitID: 3},
		}, std); err != nil {
			return err
		}
		if err := b.Employees(ctx, []people.Employee{
			emp(1, "Asep Kadis", 1969, 1, 1, 0),
			emp(2, "Budi Kabid", 1975, 2, 1, 1),
			emp(3, "Citra Staf", 1990, 3, 2, 2),
			emp(4, "Dewi Staf", 1992, 3, 2, 2),
			emp(5, "Eka Kaban", 1972, 4, 3, 0),
			emp(6, "Fajar Staf", 1988, 5, 3, 5),
		}); err != nil {
			return err
		}
		return b.Assessments(ctx, as)
	})
	if err != nil {
		t.Fatal(err)
	}
	o.admin = app.Actor{UserID: 1, Name: "Admin Kota", Role: app.RoleAdminBKPSDM}
	o.adminDLHK = app.Actor{UserID: 2, Name: "Admin DLHK", Role: app.RoleAdminOPD, UnitID: 1, UnitCode: "DLHK"}
	o.adminBKPSDM = app.Actor{UserID: 3, Name: "Admin BKPSDM OPD", Role: app.RoleAdminOPD, UnitID: 3, UnitCode: "BKPSDM"}
	o.kadis = app.Actor{UserID: 4, Name: "Asep Kadis", Role: app.RoleAtasan, EmployeeID: 1, HasSubordinates: true}
	o.kabid = app.Actor{UserID: 5, Name: "Budi Kabid", Role: app.RoleAtasan, EmployeeID: 2, HasSubordinates: true}
	o.stafA = app.Actor{UserID: 6, Name: "Citra Staf", Role: app.RolePegawai, EmployeeID: 3}
	o.stafB = app.Actor{UserID: 7, Name: "Dewi Staf", Role: app.RolePegawai, EmployeeID: 4}
	o.stafBKPSDM = app.Actor{UserID: 8, Name: "Fajar Staf", Role: app.RolePegawai, EmployeeID: 6}
	o.pimpinan = app.Actor{UserID: 9, Name: "Sekda", Role: app.RolePimpinan}
	o.mitra = app.Actor{UserID: 10, Name: "ITB", Role: app.RoleMitra, Partner: "ITB"}
	return o
}

// openYear opens 2026 with Triwulan I and the annual evaluation open.
func (o *perfOrg) openYear(t *testing.T) {
	t.Helper()
	ctx := context.Background()
	if _, err := o.a.OpenPerformanceYear(ctx, o.admin, 2026, ""); err != nil {
		t.Fatal(err)
	}
	for _, seq := range []int{1, 0} {
		if _, err := o.a.SetPeriodStatus(ctx, o.admin, 2026, seq, "open"); err != nil {
			t.Fatal(err)
		}
	}
}

func samplePlan() performance.Plan {
	return performance.Plan{Results: []performance.WorkResult{{Text: "Terangkutnya sampah dari TPS",
		Indicators: []performance.Indicator{{Text: "Ritase per hari", Target: "12 rit"}}}}}
}

// expect checks an error's code ("" for success).
func expect(t *testing.T, what string, err error, want app.Code) {
	t.Helper()
	if got := app.ErrorCode(err); got != want || (want == "" && err != nil) {
		t.Errorf("%s: got %q (%v), want %q", what, got, err, want)
	}
}

func TestPeriodsAreManagedByBKPSDMOnly(t *testing.T) {
	o := newPerfOrg(t)
	ctx := context.Background()
	for _, act := range []app.Actor{o.adminDLHK, o.kabid, o.stafA, o.pimpinan, o.mitra} {
		_, err := o.a.OpenPerformanceYear(ctx, act, 2026, "")
		expect(t, "open year as "+string(act.Role), err, app.CodeForbidden)
	}
	ps, err := o.a.OpenPerformanceYear(ctx, o.admin, 2026, "semesteran")
	if err != nil || len(ps) != 3 || ps[0].Name != "Semester I" {
		t.Fatalf("open 2026: %+v %v", ps, err)
	}
	_, err = o.a.OpenPerformanceYear(ctx, o.admin, 2026, "")
	expect(t, "open 2026 twice", err, app.CodeConflict)
	_, err = o.a.OpenPerformanceYear(ctx, o.admin, 2027, "mingguan")
	expect(t, "unknown frequency", err, app.CodeInvalid)
	_, err = o.a.SetPeriodStatus(ctx, o.admin, 2026, 1, "closed")
	expect(t, "closing a pending period", err, app.CodeConflict)
	_, err = o.a.SetPeriodStatus(ctx, o.adminDLHK, 2026, 1, "open")
	expect(t, "agency admin opens a period", err, app.CodeForbidden)
	_, err = o.a.SetPeriodStatus(ctx, o.admin, 2026, 7, "open")
	expect(t, "unknown period", err, app.CodeNotFound)
	if p, err := o.a.SetPeriodStatus(ctx, o.admin, 2026, 1, "buka"); err != nil || p.Status != performance.PeriodOpen {
		t.Errorf("open Semester I: %+v %v", p, err)
	}
	trail, _ := o.a.Store.AuditTrail(ctx, "performance_year", "2026", 5)
	if len(trail) != 1 || trail[0].Actor != "user:1" {
		t.Errorf("year audit: %+v", trail)
	}
}

func TestSKPAuthorizationAndWorkflow(t *testing.T) {
	o := newPerfOrg(t)
	ctx := context.Background()
	a := o.a
	nipA := o.nip[3]

	_, err := a.CreateSKP(ctx, o.stafA, nipA, 2026)
	expect(t, "SKP before the year is opened", err, app.CodeConflict)
	o.openYear(t)

	// Creation: the employee, the rater and admins in scope; out of scope
	// is not found; read-only roles are forbidden.
	for _, c := range []struct {
		name  string
		actor app.Actor
		want  app.Code
	}{
		{"staf B (another employee)", o.stafB, app.CodeNotFound},
		{"staf of another agency", o.stafBKPSDM, app.CodeNotFound},
		{"admin of another agency", o.adminBKPSDM, app.CodeNotFound},
		{"pimpinan", o.pimpinan, app.CodeForbidden},
		{"mitra", o.mitra, app.CodeForbidden},
		{"kadis (indirect supervisor, not the rater)", o.kadis, app.CodeForbidden},
	} {
		_, err := a.CreateSKP(ctx, c.actor, nipA, 2026)
		expect(t, "create as "+c.name, err, c.want)
	}
	v, err := a.CreateSKP(ctx, o.stafA, nipA, 2026)
	if err != nil || !v.Exists || v.SKP.RaterID != 2 || v.RaterName != "Budi Kabid" || !v.Can.EditPlan || v.Can.Evaluate {
		t.Fatalf("create as the employee: %+v %v", v.Can, err)
	}
	_, err = a.CreateSKP(ctx, o.kabid, nipA, 2026)
	expect(t, "second SKP", err, app.CodeConflict)

	// Reading follows scope.
	for _, c := range []struct {
		actor app.Actor
		want  app.Code
	}{{o.stafA, ""}, {o.kabid, ""}, {o.kadis, ""}, {o.adminDLHK, ""}, {o.admin, ""}, {o.pimpinan, ""},
		{o.stafB, app.CodeNotFound}, {o.adminBKPSDM, app.CodeNotFound}, {o.mitra, app.CodeForbidden}} {
		_, err := a.SKP(ctx, c.actor, nipA, 2026)
		expect(t, "read as "+c.actor.Name, err, c.want)
	}

	_, err = a.SaveSKPPlan(ctx, o.kadis, nipA, 2026, samplePlan())
	expect(t, "plan by the indirect supervisor", err, app.CodeForbidden)
	_, err = a.SaveSKPPlan(ctx, o.stafA, nipA, 2026, performance.Plan{Results: []performance.WorkResult{{Text: "x"}}})
	expect(t, "plan without indicators", err, app.CodeInvalid)
	if _, err := a.SaveSKPPlan(ctx, o.stafA, nipA, 2026, samplePlan()); err != nil {
		t.Fatal(err)
	}
	_, err = a.EvaluateSKP(ctx, o.kabid, nipA, 2026, app.EvaluationInput{Period: 1, Hasil: "sesuai", Perilaku: "sesuai"})
	expect(t, "evaluating a draft", err, app.CodeConflict)
	v, err = a.AgreeSKP(ctx, o.stafA, nipA, 2026)
	if err != nil || v.SKP.EmployeeAgreedAt.IsZero() || v.Can.AgreeAsEmployee {
		t.Fatalf("employee agrees: %v", err)
	}
	_, err = a.AgreeSKP(ctx, o.stafA, nipA, 2026)
	expect(t, "employee agrees twice", err, app.CodeConflict)
	_, err = a.AgreeSKP(ctx, o.kadis, nipA, 2026)
	expect(t, "agreement by a supervisor who is not the rater", err, app.CodeForbidden)
	if v, err = a.AgreeSKP(ctx, o.kabid, nipA, 2026); err != nil || v.SKP.Status != performance.StatusAgreed {
		t.Fatalf("rater agrees: %+v %v", v.SKP.Status, err)
	}

	// Rating: only the rater or an admin in scope, never the employee.
	in := app.EvaluationInput{Period: 1, Hasil: "Di Atas Ekspektasi", Perilaku: "sesuai",
		Notes: []app.NoteInput{{Kind: "kelemahan", Competency: "M.4", Text: "laporan sering terlambat"}}}
	for _, c := range []struct {
		name  string
		actor app.Actor
		want  app.Code
	}{
		{"the employee", o.stafA, app.CodeForbidden},
		{"the indirect supervisor", o.kadis, app.CodeForbidden},
		{"pimpinan", o.pimpinan, app.CodeForbidden},
		{"mitra", o.mitra, app.CodeForbidden},
		{"another employee", o.stafB, app.CodeNotFound},
		{"admin of another agency", o.adminBKPSDM, app.CodeNotFound},
	} {
		_, err := a.EvaluateSKP(ctx, c.actor, nipA, 2026, in)
		expect(t, "evaluate as "+c.name, err, c.want)
	}
	bad := in
	bad.Hasil, bad.Notes = "luar biasa", []app.NoteInput{{Kind: "kelemahan", Competency: "X.9"}}
	_, err = a.EvaluateSKP(ctx, o.kabid, nipA, 2026, bad)
	if e, ok := err.(*app.Error); !ok || e.Code != app.CodeInvalid || e.Fields["hasil"] == "" || e.Fields["notes.0.competency"] == "" {
		t.Errorf("bad evaluation: %v", err)
	}
	_, err = a.EvaluateSKP(ctx, o.kabid, nipA, 2026, app.EvaluationInput{Period: 2, Hasil: "sesuai", Perilaku: "sesuai"})
	expect(t, "evaluating a pending period", err, app.CodeInvalid)
	v, err = a.EvaluateSKP(ctx, o.kabid, nipA, 2026, in)
	if err != nil || v.SKP.Status != performance.StatusEvaluated || v.SKP.Evaluations[0].Predikat != performance.Baik ||
		v.SKP.Evaluations[0].RaterName != "Budi Kabid" || v.SKP.Evaluations[0].Notes[0].CompetencyID != o.dict["M.4"] {
		t.Fatalf("rater evaluates: %+v %v", v.SKP.Evaluations, err)
	}
	// The agency admin corrects it.
	if _, err := a.EvaluateSKP(ctx, o.adminDLHK, nipA, 2026, app.EvaluationInput{Period: 1, Hasil: "sesuai", Perilaku: "sesuai"}); err != nil {
		t.Fatal(err)
	}

	// Only the employee acknowledges.
	_, err = a.AcknowledgeEvaluation(ctx, o.kabid, nipA, 2026, 1)
	expect(t, "acknowledged by the rater", err, app.CodeForbidden)
	v, err = a.SKP(ctx, o.stafA, nipA, 2026)
	if err != nil || !v.Can.Acknowledge || v.Can.Evaluate {
		t.Errorf("employee's actions: %+v", v.Can)
	}
	if _, err := a.AcknowledgeEvaluation(ctx, o.stafA, nipA, 2026, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := a.AddSKPFeedback(ctx, o.kabid, nipA, 2026, "Ritase November di bawah target"); err != nil {
		t.Fatal(err)
	}

	// The annual evaluation makes the SKP final.
	v, err = a.EvaluateSKP(ctx, o.kabid, nipA, 2026, app.EvaluationInput{Period: 0, Hasil: "di_atas", Perilaku: "di_atas",
		Notes: []app.NoteInput{{Kind: "kelemahan", Competency: "M.3", Text: "paparan kurang runtut"}}})
	if err != nil || v.SKP.Status != performance.StatusFinal {
		t.Fatalf("annual: %v", err)
	}
	if p, ok := v.SKP.FinalPredikat(); !ok || p != performance.SangatBaik {
		t.Errorf("final predikat %q", p)
	}
	_, err = a.SaveSKPPlan(ctx, o.admin, nipA, 2026, samplePlan())
	expect(t, "editing a final SKP", err, app.CodeConflict)

	// Every step is in the employee's audit trail.
	trail, _ := a.Store.AuditTrail(ctx, "employee", nipA, 50)
	var actions []string
	for i := len(trail) - 1; i >= 0; i-- {
		actions = append(actions, trail[i].Action+"@"+trail[i].Actor)
	}
	want := "skp.create@user:6 skp.plan@user:6 skp.agree@user:6 skp.agree@user:5 skp.evaluate@user:5 skp.evaluate@user:2 " +
		"skp.acknowledge@user:6 skp.feedback@user:5 skp.evaluate@user:5"
	if got := strings.Join(actions, " "); got != want {
		t.Errorf("audit trail:\n got %s\nwant %s", got, want)
	}

	// The distribution report: the city, an agency, a team.
	rep, err := a.PredikatDistribution(ctx, o.admin, 2026, 0, "")
	if err != nil || rep.Total.Evaluated != 1 || rep.Total.Counts[0] != 1 || rep.City.Headcount != 6 || len(rep.Rows) != 2 ||
		rep.Rows[0].UnitCode != "BKPSDM" || rep.Rows[1].Counts[0] != 1 || rep.Rows[1].Headcount != 4 {
		t.Errorf("city report: %+v %v", rep, err)
	}
	rep, err = a.PredikatDistribution(ctx, o.adminBKPSDM, 2026, 0, "")
	if err != nil || rep.Total.Evaluated != 0 || rep.Total.Headcount != 2 || rep.City.Evaluated != 1 {
		t.Errorf("another agency's report: %+v %v", rep, err)
	}
	_, err = a.PredikatDistribution(ctx, o.adminBKPSDM, 2026, 0, "DLHK")
	expect(t, "report on a unit outside the agency", err, app.CodeNotFound)
	rep, err = a.PredikatDistribution(ctx, o.adminDLHK, 2026, 0, "DLHK")
	if err != nil || len(rep.Rows) != 2 || rep.Rows[0].UnitCode != "DLHK" || rep.Rows[1].UnitCode != "DLHK-UPT" || rep.Rows[1].Counts[0] != 1 {
		t.Errorf("agency report by sub-unit: %+v %v", rep.Rows, err)
	}
	rep, err = a.PredikatDistribution(ctx, o.stafB, 2026, 0, "")
	if err != nil || rep.Total.Headcount != 1 || rep.Total.Evaluated != 0 {
		t.Errorf("an employee's report covers themself: %+v %v", rep.Total, err)
	}
	_, err = a.PredikatDistribution(ctx, o.mitra, 2026, 0, "")
	expect(t, "report as mitra", err, app.CodeForbidden)
}

// TestReadMatrix runs the read use cases of issue 4 for every role, on an
// employee inside and outside the actor's scope.
func TestReadMatrix(t *testing.T) {
	o := newPerfOrg(t)
	ctx := context.Background()
	a := o.a
	o.openYear(t)
	inDLHK, inBKPSDM := o.nip[3], o.nip[6]
	reads := map[string]func(app.Actor, string) error{
		"SKP":            func(x app.Actor, nip string) error { _, err := a.SKP(ctx, x, nip, 2026); return err },
		"IDP":            func(x app.Actor, nip string) error { _, err := a.IDP(ctx, x, nip, 2027); return err },
		"ProposeIDP":     func(x app.Actor, nip string) error { _, err := a.ProposeIDP(ctx, x, nip, 2027); return err },
		"EmployeeTalent": func(x app.Actor, nip string) error { _, err := a.EmployeeTalent(ctx, x, nip); return err },
	}
	const ok, nf, fb = app.Code(""), app.CodeNotFound, app.CodeForbidden
	cases := []struct {
		actor        app.Actor
		dlhk, bkpsdm app.Code // on Staf A (DLHK-UPT) and on Staf BKPSDM
	}{
		{o.admin, ok, ok},
		{o.pimpinan, ok, ok},
		{o.adminDLHK, ok, nf},
		{o.adminBKPSDM, nf, ok},
		{o.kadis, ok, nf}, // indirect supervisor of Staf A
		{o.kabid, ok, nf}, // direct supervisor
		{o.stafA, ok, nf}, // self
		{o.stafB, nf, nf},
		{o.stafBKPSDM, nf, ok},
		{o.mitra, fb, fb},
	}
	for _, c := range cases {
		for name, fn := range reads {
			expect(t, name+" of Staf A as "+c.actor.Name, fn(c.actor, inDLHK), c.dlhk)
			expect(t, name+" of Staf BKPSDM as "+c.actor.Name, fn(c.actor, inBKPSDM), c.bkpsdm)
		}
	}
}
