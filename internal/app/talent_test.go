package app_test

import (
	"context"
	"testing"

	"asah/internal/app"
	"asah/internal/demo"
	"asah/internal/development"
	"asah/internal/store"
	"asah/internal/talent"
)

// finalSKP takes an employee's 2026 SKP to final with the given annual ratings.
func (o *perfOrg) finalSKP(t *testing.T, id int64, rater app.Actor, hasil, perilaku string, weak ...string) {
	t.Helper()
	ctx := context.Background()
	nip := o.nip[id]
	self := app.Actor{UserID: 100 + id, Name: "pegawai", Role: app.RolePegawai, EmployeeID: id}
	if _, err := o.a.CreateSKP(ctx, o.admin, nip, 2026); err != nil {
		t.Fatal(err)
	}
	if _, err := o.a.SaveSKPPlan(ctx, self, nip, 2026, samplePlan()); err != nil {
		t.Fatal(err)
	}
	if _, err := o.a.AgreeSKP(ctx, self, nip, 2026); err != nil {
		t.Fatal(err)
	}
	if _, err := o.a.AgreeSKP(ctx, rater, nip, 2026); err != nil {
		t.Fatal(err)
	}
	if _, err := o.a.EvaluateSKP(ctx, rater, nip, 2026, app.EvaluationInput{Period: 1, Hasil: hasil, Perilaku: perilaku}); err != nil {
		t.Fatal(err)
	}
	var notes []app.NoteInput
	for _, w := range weak {
		notes = append(notes, app.NoteInput{Kind: "weakness", Competency: w, Text: "perlu ditingkatkan"})
	}
	if _, err := o.a.EvaluateSKP(ctx, rater, nip, 2026, app.EvaluationInput{Period: 0, Hasil: hasil, Perilaku: perilaku, Notes: notes}); err != nil {
		t.Fatal(err)
	}
}

func TestNineBoxScopeAndReview(t *testing.T) {
	o := newPerfOrg(t)
	ctx := context.Background()
	a := o.a
	o.openYear(t)
	o.finalSKP(t, 3, o.kabid, "di_atas", "di_atas") // Staf A: Sangat Baik, JPM 100 → box 9
	o.finalSKP(t, 6, o.admin, "sesuai", "sesuai")   // Staf BKPSDM: Baik, JPM 100 → box 8
	o.finalSKP(t, 2, o.kadis, "di_bawah", "sesuai") // Kabid: Butuh Perbaikan, JPM 100 → box 6
	o.finalSKP(t, 4, o.kabid, "sesuai", "sesuai")   // Staf B: Baik, nothing assessed → not placed

	g, err := a.NineBox(ctx, o.admin, "")
	if err != nil {
		t.Fatal(err)
	}
	if g.Cells[9].Count != 1 || g.Cells[8].Count != 1 || g.Cells[6].Count != 1 || g.Cells[0].Count != 3 || g.Total != 6 || g.CityTotal != 6 {
		t.Errorf("city grid: 9=%d 8=%d 6=%d unplaced=%d total=%d", g.Cells[9].Count, g.Cells[8].Count, g.Cells[6].Count, g.Cells[0].Count, g.Total)
	}
	if p := g.Cells[9].People; len(p) != 1 || p[0].Employee.Name != "Citra Staf" || p[0].Predikat != "sangat_baik" || p[0].Score != 100 {
		t.Errorf("box 9: %+v", p)
	}
	if len(g.Cells[9].Actions) == 0 || g.Cells[9].Actions[0] != talent.ActPromote {
		t.Errorf("box 9 actions: %v", g.Cells[9].Actions)
	}
	if len(g.Units) != 2 || g.Units[1].UnitCode != "DLHK" || g.Units[1].Counts[9] != 1 || g.Units[1].Total != 4 {
		t.Errorf("per-unit counts: %+v", g.Units)
	}
	// An agency admin sees its people by name and the city only as counts.
	g, err = a.NineBox(ctx, o.adminBKPSDM, "")
	if err != nil || g.Total != 2 || g.Cells[8].Count != 1 || g.Cells[9].Count != 0 || len(g.Cells[9].People) != 0 || g.City[9] != 1 {
		t.Errorf("agency grid: total %d, 8=%d, 9=%d city9=%d %v", g.Total, g.Cells[8].Count, g.Cells[9].Count, g.City[9], err)
	}
	_, err = a.NineBox(ctx, o.adminBKPSDM, "DLHK")
	expect(t, "grid of another agency", err, app.CodeNotFound)
	// A supervisor sees their team.
	g, err = a.NineBox(ctx, o.kabid, "")
	if err != nil || g.Total != 3 || g.Cells[9].Count != 1 || g.Cells[6].Count != 1 {
		t.Errorf("team grid: total %d %v", g.Total, err)
	}
	_, err = a.NineBox(ctx, o.mitra, "")
	expect(t, "grid as mitra", err, app.CodeForbidden)

	// The employee sees their own placement; others in scope too.
	v, err := a.EmployeeTalent(ctx, o.stafA, o.nip[3])
	if err != nil || v.Row.Box != 9 || v.CanReview || len(v.Actions) != 4 {
		t.Errorf("own placement: %+v %v", v, err)
	}
	_, err = a.EmployeeTalent(ctx, o.stafB, o.nip[3])
	expect(t, "another employee's placement", err, app.CodeNotFound)
	if v, err := a.EmployeeTalent(ctx, o.stafB, o.nip[4]); err != nil || v.Row.Box != 0 || v.Row.Reason == "" {
		t.Errorf("unplaced: %+v %v", v.Row, err)
	}

	// Reviews: admins in scope, with a reason to override; never one's own.
	for _, c := range []struct {
		name  string
		actor app.Actor
		want  app.Code
	}{
		{"the supervisor", o.kabid, app.CodeForbidden},
		{"the employee", o.stafA, app.CodeForbidden},
		{"pimpinan", o.pimpinan, app.CodeForbidden},
		{"admin of another agency", o.adminBKPSDM, app.CodeNotFound},
	} {
		_, err := a.ReviewPlacement(ctx, c.actor, o.nip[3], 7, "alasan")
		expect(t, "review as "+c.name, err, c.want)
	}
	_, err = a.ReviewPlacement(ctx, o.adminDLHK, o.nip[3], 7, "")
	expect(t, "override without a reason", err, app.CodeInvalid)
	_, err = a.ReviewPlacement(ctx, o.adminDLHK, o.nip[4], 5, "x")
	expect(t, "review of an unplaced employee", err, app.CodeInvalid)
	row, err := a.ReviewPlacement(ctx, o.adminDLHK, o.nip[3], 7, "Baru setahun di jabatan; tunggu satu siklus lagi")
	if err != nil || row.Box != 7 || row.Computed != 9 || row.Review == nil || row.Review.Decision != talent.Overridden {
		t.Fatalf("override: %+v %v", row, err)
	}
	g, _ = a.NineBox(ctx, o.admin, "")
	if g.Cells[7].Count != 1 || g.Cells[9].Count != 0 || g.Reviewed != 1 {
		t.Errorf("grid after the override: 7=%d 9=%d reviewed=%d", g.Cells[7].Count, g.Cells[9].Count, g.Reviewed)
	}
	trail, _ := a.Store.AuditTrail(ctx, "employee", o.nip[3], 1)
	if len(trail) != 1 || trail[0].Action != "talent.review" || trail[0].Actor != "user:2" {
		t.Errorf("review audit: %+v", trail)
	}

	// The potential score joins when the city weighs it.
	_, err = a.AddPotentialScore(ctx, o.kabid, o.nip[2], 50, "2026-06-01", "UPT Penilaian Kompetensi")
	expect(t, "potential score by a supervisor", err, app.CodeForbidden)
	_, err = a.AddPotentialScore(ctx, o.admin, o.nip[2], 120, "2027-06-01", "")
	expect(t, "bad potential score", err, app.CodeInvalid)
	if _, err := a.AddPotentialScore(ctx, o.admin, o.nip[2], 40, "2026-06-01", "UPT Penilaian Kompetensi"); err != nil {
		t.Fatal(err)
	}
	tp := talent.DefaultPolicy()
	tp.AssessmentWeight = 1 // (100 + 40) / 2 = 70: medium
	expect(t, "policy by an agency admin", a.SaveTalentPolicy(ctx, o.adminDLHK, tp), app.CodeForbidden)
	if err := a.SaveTalentPolicy(ctx, o.admin, tp); err != nil {
		t.Fatal(err)
	}
	if v, err := a.EmployeeTalent(ctx, o.admin, o.nip[2]); err != nil || v.Row.Score != 70 || v.Row.Box != 3 {
		t.Errorf("weighted potential: score %g box %d %v", v.Row.Score, v.Row.Box, err)
	}
}

func TestSuccessionLists(t *testing.T) {
	o := newPerfOrg(t)
	ctx := context.Background()
	a := o.a
	o.openYear(t)
	o.finalSKP(t, 3, o.kabid, "di_atas", "di_atas") // Staf A: box 9, pelaksana
	o.finalSKP(t, 6, o.admin, "di_atas", "sesuai")  // Staf BKPSDM: box 8, pelaksana
	o.finalSKP(t, 2, o.kadis, "di_atas", "di_atas") // Kabid: box 9, administrator

	lists, err := a.Succession(ctx, o.admin, "")
	if err != nil || len(lists) != 3 {
		t.Fatalf("lists: %d %v", len(lists), err)
	}
	byCode := map[string]app.SuccessionView{}
	for _, l := range lists {
		byCode[l.Position.Code] = l
	}
	// Kepala Dinas: the Kabid (administrator, box 9, JPM 100 against the
	// level-3 standard) is ready now; pelaksana do not feed a JPT position.
	kd := byCode["DLHK-KADIS"]
	if len(kd.Holders) != 1 || kd.Holders[0].Name != "Asep Kadis" || len(kd.Successors) != 1 || kd.Successors[0].Person.Name != "Budi Kabid" ||
		kd.Successors[0].Readiness != talent.ReadyNow || kd.Successors[0].JPM != 100 {
		t.Errorf("Kepala Dinas: %+v", kd)
	}
	// Kepala Bidang (administrator): pengawas/administrator feed it; the
	// holder is not their own successor.
	if kb := byCode["DLHK-KABID"]; len(kb.Successors) != 0 || kb.Vacant {
		t.Errorf("Kepala Bidang: %+v", kb)
	}
	// The Kadis, born March 1969, retires on 1 April 2027 (BUP 58 in the
	// fixture): within two years, flagged; the Kaban (1972) is not.
	if !kd.HolderRetiring || kd.Holders[0].RetirementDate.Format("2006-01-02") != "2027-04-01" || byCode["BKPSDM-KABAN"].HolderRetiring {
		t.Errorf("retiring flags: %+v / %+v", kd.Holders, byCode["BKPSDM-KABAN"].Holders)
	}
	// An agency admin sees its key positions; candidates from elsewhere are masked.
	lists, err = a.Succession(ctx, o.adminBKPSDM, "")
	if err != nil || len(lists) != 1 || lists[0].Position.Code != "BKPSDM-KABAN" {
		t.Fatalf("agency lists: %+v %v", lists, err)
	}
	if s := lists[0].Successors; len(s) != 1 || s[0].Person.Visible || s[0].Person.Name != "" || s[0].EmployeeID != 0 || s[0].Person.UnitCode != "DLHK" {
		t.Errorf("masked candidate: %+v", s)
	}
	for _, act := range []app.Actor{o.kabid, o.stafA, o.mitra} {
		_, err := a.Succession(ctx, act, "")
		expect(t, "succession as "+act.Name, err, app.CodeForbidden)
	}
	if _, err := a.Succession(ctx, o.pimpinan, "DLHK"); err != nil {
		t.Errorf("succession as pimpinan: %v", err)
	}
}

func TestIDPAuthorizationAndWorkflow(t *testing.T) {
	o := newPerfOrg(t)
	ctx := context.Background()
	a := o.a
	o.openYear(t)
	o.finalSKP(t, 3, o.kabid, "di_bawah", "sesuai", "M.4", "SK.1") // Butuh Perbaikan with two weaknesses
	nipA := o.nip[3]

	// The proposal draws from the SKP weaknesses and the box (Staf A is
	// at level 2 = required: no shortfall).
	v, err := a.ProposeIDP(ctx, o.stafA, nipA, 2027)
	if err != nil || v.Exists || len(v.Items) == 0 {
		t.Fatalf("proposal: %+v %v", v, err)
	}
	sources := map[development.Source]int{}
	for _, it := range v.Items {
		sources[it.Source]++
	}
	if sources[development.SourceSKP] != 2 || sources[development.SourceTopUp] != 1 || v.Items[0].Code != "M.4" || v.TargetJP != 20 || !v.Can.Create {
		t.Errorf("proposal items: %+v sources %v", v.Items, sources)
	}
	_, err = a.ProposeIDP(ctx, o.stafB, nipA, 2027)
	expect(t, "proposal of another employee", err, app.CodeNotFound)

	_, err = a.CreateIDP(ctx, o.kabid, nipA, 2027)
	expect(t, "plan created by the supervisor", err, app.CodeForbidden)
	v, err = a.CreateIDP(ctx, o.stafA, nipA, 2027)
	if err != nil || !v.Exists || v.Plan.Status != development.StatusDraft || !v.Can.Edit || !v.Can.Submit || v.Can.Decide {
		t.Fatalf("create: %+v %v", v.Can, err)
	}
	_, err = a.CreateIDP(ctx, o.stafA, nipA, 2027)
	expect(t, "second plan", err, app.CodeConflict)

	items := []app.IDPItemInput{}
	for _, it := range v.Items {
		items = append(items, app.IDPItemInput{ID: it.ID, Competency: it.Code, TargetLevel: it.TargetLevel, Form: string(it.Form),
			PlannedJP: it.PlannedJP, StartMonth: it.StartMonth, EndMonth: it.EndMonth, Reason: it.Reason})
	}
	items = append(items, app.IDPItemInput{Competency: "T.NOPE", TargetLevel: 3, Form: "kursus", PlannedJP: 16, StartMonth: 5, EndMonth: 5})
	_, err = a.SaveIDPItems(ctx, o.stafA, nipA, 2027, items)
	expect(t, "unknown competency", err, app.CodeInvalid)
	items[len(items)-1].Competency = "M.6"
	_, err = a.SaveIDPItems(ctx, o.kabid, nipA, 2027, items)
	expect(t, "edit by the supervisor", err, app.CodeForbidden)
	v, err = a.SaveIDPItems(ctx, o.stafA, nipA, 2027, items)
	if err != nil || len(v.Items) != len(items) || v.Items[len(items)-1].Source != development.SourceEmployee ||
		v.Items[0].Source != development.SourceSKP || v.Items[len(items)-1].CurrentLevel != 2 {
		t.Fatalf("edit: %+v %v", v.Items, err)
	}
	_, err = a.DecideIDP(ctx, o.kabid, nipA, 2027, true, "")
	expect(t, "approving a draft", err, app.CodeConflict)
	if _, err := a.SubmitIDP(ctx, o.stafA, nipA, 2027); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name  string
		actor app.Actor
		want  app.Code
	}{
		{"the employee", o.stafA, app.CodeForbidden},
		{"the indirect supervisor", o.kadis, app.CodeForbidden},
		{"pimpinan", o.pimpinan, app.CodeForbidden},
		{"another employee", o.stafB, app.CodeNotFound},
		{"admin of another agency", o.adminBKPSDM, app.CodeNotFound},
	} {
		_, err := a.DecideIDP(ctx, c.actor, nipA, 2027, true, "")
		expect(t, "approve as "+c.name, err, c.want)
	}
	_, err = a.DecideIDP(ctx, o.kabid, nipA, 2027, false, "")
	expect(t, "return without a comment", err, app.CodeInvalid)
	if v, err = a.DecideIDP(ctx, o.kabid, nipA, 2027, false, "Tambahkan mentoring"); err != nil || v.Plan.Status != development.StatusReturned {
		t.Fatalf("return: %v", err)
	}
	if _, err := a.SubmitIDP(ctx, o.stafA, nipA, 2027); err != nil {
		t.Fatal(err)
	}
	if v, err = a.DecideIDP(ctx, o.kabid, nipA, 2027, true, "Setuju"); err != nil || v.Plan.Status != development.StatusApproved || v.Plan.DecidedBy != "Budi Kabid" {
		t.Fatalf("approve: %+v %v", v.Plan, err)
	}
	first := v.Items[0].ID
	_, err = a.SetIDPItemProgress(ctx, o.stafB, nipA, 2027, first, "done", "")
	expect(t, "progress by another employee", err, app.CodeNotFound)
	_, err = a.SetIDPItemProgress(ctx, o.stafA, nipA, 2027, first, "dropped", "")
	expect(t, "drop without a reason", err, app.CodeInvalid)
	if v, err = a.SetIDPItemProgress(ctx, o.kabid, nipA, 2027, first, "in_progress", ""); err != nil {
		t.Fatal(err)
	}
	if v, err = a.SetIDPItemProgress(ctx, o.stafA, nipA, 2027, first, "done", ""); err != nil || v.DoneJP != v.Items[0].PlannedJP {
		t.Fatalf("done: %v", err)
	}
	_, err = a.SetIDPItemProgress(ctx, o.stafA, nipA, 2027, first, "planned", "")
	expect(t, "reopening a done item", err, app.CodeConflict) // a refused workflow move

	// Every employee's draft in one pass, limited to scope.
	n := 0
	err = a.EachIDPProposal(ctx, o.adminDLHK, 2027, "", func(p *app.IDPProposal) error {
		n++
		if p.Employee.UnitCode != "DLHK" && p.Employee.UnitCode != "DLHK-UPT" {
			t.Errorf("proposal outside scope: %s", p.Employee.NIP)
		}
		return nil
	})
	if err != nil || n != 4 {
		t.Errorf("proposals in DLHK: %d %v", n, err)
	}
	expect(t, "proposals as mitra", a.EachIDPProposal(ctx, o.mitra, 2027, "", func(*app.IDPProposal) error { return nil }), app.CodeForbidden)
}

// TestPlacementsAgreeWithTheGapReport loads a small demo and checks that
// the lean talent stream gives every employee the JPM of the gap report
// (its assessment windows must not drop anything that counts).
func TestPlacementsAgreeWithTheGapReport(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	if err := a.LoadDemo(ctx, demo.Config{Employees: 2000}, nil); err != nil {
		t.Fatal(err)
	}
	jpm := map[int64]float64{}
	err := a.GapReport(ctx, store.Filter{}, a.Today(), func(g *app.EmployeeGap) error {
		if g.Match.HasJPM {
			jpm[g.Employee.ID] = g.Match.JPM
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	n, placed := 0, 0
	err = a.EachPlacement(ctx, app.System, "", func(p *app.PlacementRow) error {
		n++
		want, ok := jpm[p.Employee.ID]
		if ok != p.HasScore || p.Score != want {
			t.Errorf("%s: talent JPM %v/%v, gap report %v/%v", p.Employee.NIP, p.Score, p.HasScore, want, ok)
		}
		if p.Box.Valid() {
			placed++
		}
		return nil
	})
	if err != nil || n != 2000 || placed < 1400 {
		t.Errorf("%d placements, %d placed: %v", n, placed, err)
	}
	g, err := a.NineBox(ctx, app.System, "")
	if err != nil || g.Total != 2000 || g.Cells[8].Count == 0 || g.Cells[9].Count == 0 {
		t.Errorf("demo grid: %+v %v", g.Total, err)
	}
	lists, err := a.Succession(ctx, app.System, "")
	withCandidates := 0
	for _, l := range lists {
		if len(l.Successors) > 0 {
			withCandidates++
		}
	}
	if err != nil || len(lists) < 100 || withCandidates < len(lists)/2 {
		t.Errorf("demo succession: %d lists, %d with candidates, %v", len(lists), withCandidates, err)
	}
}
