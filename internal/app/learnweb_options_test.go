package app_test

import (
	"context"
	"testing"

	"asah/internal/app"
)

// The choices the learning pages offer: the catalogue's providers, the
// team a supervisor may nominate from, and the event of an enrollment in
// scope.
func TestLearningPageChoices(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)

		all, err := a.CatalogueProviders(ctx, o.staff[103])
		if err != nil || len(all) != 3 {
			t.Fatalf("an employee's providers: %v %v", all, err)
		}
		own, err := a.CatalogueProviders(ctx, o.itb)
		if err != nil || len(own) != 1 || own[0].Code != "ITB" {
			t.Errorf("the ITB mitra's providers: %v %v", own, err)
		}
		if none, err := a.CatalogueProviders(ctx, o.stray); err != nil || len(none) != 0 {
			t.Errorf("a mitra of no known partner: %v %v", none, err)
		}

		team, more, err := a.NominationCandidates(ctx, o.kadis)
		if err != nil || more {
			t.Fatal(err, more)
		}
		ids := map[int64]bool{}
		for _, e := range team {
			ids[e.ID] = true
		}
		// The Kadis's whole chain (the Kabid and the five below), not the
		// Kadis, nobody of DLHK.
		if len(team) != 6 || ids[101] || !ids[102] || !ids[107] || ids[111] {
			t.Errorf("the Kadis's team: %v", ids)
		}
		if solo, _, err := a.NominationCandidates(ctx, o.staff[103]); err != nil || len(solo) != 0 {
			t.Errorf("an employee without a team: %d %v", len(solo), err)
		}
		if admin, _, err := a.NominationCandidates(ctx, o.admin); err != nil || len(admin) != 0 {
			t.Errorf("an admin without an employee record: %d %v", len(admin), err)
		}
		if _, _, err := a.NominationCandidates(ctx, o.sekda); app.ErrorCode(err) != app.CodeForbidden {
			t.Errorf("pimpinan: %v", err)
		}

		o.program(t, o.admin, app.ProgramInput{Code: "PROYEK", Title: "Manajemen Proyek", Provider: "BKPSDM"})
		o.event(t, o.admin, "PROYEK", "PROYEK-01", "2027-02-01", 2, 10, "open")
		r, err := a.RegisterSelf(ctx, o.staff[103], "PROYEK-01", 0)
		if err != nil {
			t.Fatal(err)
		}
		if code, err := a.EnrollmentEventCode(ctx, o.kabid, r.ID); err != nil || code != "PROYEK-01" {
			t.Errorf("the supervisor: %q %v", code, err)
		}
		for _, who := range []app.Actor{o.staff[104], o.kadisLH, o.adminLH, o.unpad} {
			if _, err := a.EnrollmentEventCode(ctx, who, r.ID); app.ErrorCode(err) != app.CodeNotFound {
				t.Errorf("%s sees Ani's enrollment: %v", who.Name, err)
			}
		}
	})
}
