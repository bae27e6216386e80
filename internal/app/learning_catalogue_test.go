package app_test

import (
	"context"
	"sort"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
)

func codes(p app.CataloguePage) string {
	var out []string
	for _, x := range p.Programs {
		out = append(out, x.Code)
	}
	sort.Strings(out)
	return strings.Join(out, " ")
}

// TestCatalogueSearch: by competency, method, form, provider, event dates
// and text; draft events do not count for dates; archived programs only on
// request by those who manage.
func TestCatalogueSearch(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)
		o.program(t, o.admin, app.ProgramInput{Code: "PM-INFRA", Title: "Manajemen Proyek Infrastruktur", Provider: "ITB",
			Targets: []app.TargetInput{{Competency: "T.PROYEK", Level: 3}, {Competency: "M.4", Level: 3}}})
		o.program(t, o.admin, app.ProgramInput{Code: "IKLIM-EL", Title: "Desain Program Ramah Iklim", Provider: "UNPAD", Form: "e_learning",
			Delivery: "daring", Targets: []app.TargetInput{{Competency: "T.IKLIM", Level: 2}}})
		o.program(t, o.admin, app.ProgramInput{Code: "PKA", Title: "Pelatihan Kepemimpinan Administrator", Provider: "BKPSDM",
			Form: "pelatihan_struktural", Mandatory: true, EligibleKinds: []string{"administrator"},
			Targets: []app.TargetInput{{Competency: "M.4", Level: 3}, {Competency: "M.8", Level: 3}}})
		o.program(t, o.admin, app.ProgramInput{Code: "LAMA", Title: "Manajemen Proyek (lama)", Provider: "ITB", Archived: true})
		o.event(t, o.admin, "PM-INFRA", "PM-INFRA-1", "2027-02-01", 3, 30, "open")
		o.event(t, o.admin, "IKLIM-EL", "IKLIM-1", "2027-05-03", 2, 100, "open")
		o.event(t, o.admin, "PKA", "PKA-1", "2027-02-15", 5, 30, "draft")

		for _, c := range []struct {
			q    app.CatalogueQuery
			want string
		}{
			{app.CatalogueQuery{}, "IKLIM-EL PKA PM-INFRA"},
			{app.CatalogueQuery{Competency: "M.4"}, "PKA PM-INFRA"},
			{app.CatalogueQuery{Competency: "t.iklim"}, "IKLIM-EL"},
			{app.CatalogueQuery{Method: "non_klasikal"}, "IKLIM-EL"},
			{app.CatalogueQuery{Method: "klasikal"}, "PKA PM-INFRA"},
			{app.CatalogueQuery{Form: "pelatihan_struktural"}, "PKA"},
			{app.CatalogueQuery{Provider: "ITB"}, "PM-INFRA"},
			{app.CatalogueQuery{From: "2027-02-01", To: "2027-02-28"}, "PM-INFRA"}, // PKA's event is a draft
			{app.CatalogueQuery{From: "2027-02-03", To: "2027-05-03"}, "IKLIM-EL PM-INFRA"},
			{app.CatalogueQuery{From: "2027-02-04"}, "IKLIM-EL"},
			{app.CatalogueQuery{Q: "iklim"}, "IKLIM-EL"},
			{app.CatalogueQuery{Q: "manajemen", Archived: true}, "LAMA PM-INFRA"},
			{app.CatalogueQuery{Mandatory: true}, "PKA"},
			{app.CatalogueQuery{Competency: "M.4", Provider: "BKPSDM", Method: "klasikal"}, "PKA"},
		} {
			p, err := a.SearchCatalogue(ctx, o.admin, c.q)
			if err != nil {
				t.Fatalf("%+v: %v", c.q, err)
			}
			if got := codes(p); got != c.want || p.Total != len(p.Programs) {
				t.Errorf("%+v: %q (total %d), want %q", c.q, got, p.Total, c.want)
			}
		}
		// Employees do not see archived programs even when they ask.
		if p, _ := a.SearchCatalogue(ctx, o.staff[103], app.CatalogueQuery{Q: "manajemen", Archived: true}); codes(p) != "PM-INFRA" {
			t.Errorf("employee with archived: %q", codes(p))
		}
		// Bad filters name the field and change nothing.
		_, err := a.SearchCatalogue(ctx, o.admin, app.CatalogueQuery{Competency: "X.9", Method: "campur", Provider: "MIT", From: "2027-13-01"})
		e, _ := err.(*app.Error)
		if e == nil || e.Code != app.CodeInvalid || e.Fields["competency"] == "" || e.Fields["method"] == "" ||
			e.Fields["provider"] == "" || e.Fields["from"] == "" {
			t.Errorf("bad filters: %+v", err)
		}
		// Paging, by title: Desain…, Manajemen…, Pelatihan….
		p, err := a.SearchCatalogue(ctx, o.admin, app.CatalogueQuery{PerPage: 2, Page: 2})
		if err != nil || p.Total != 3 || len(p.Programs) != 1 || p.Programs[0].Code != "PKA" {
			t.Errorf("page 2 of 2: %+v %v", p, err)
		}
		// The next event of a program in the list.
		p, _ = a.SearchCatalogue(ctx, o.admin, app.CatalogueQuery{Provider: "ITB"})
		if len(p.Programs) != 1 || p.Programs[0].NextEvent.Format("2006-01-02") != "2027-02-01" || len(p.Programs[0].Targets) != 2 ||
			p.Programs[0].Targets[0].Code != "T.PROYEK" {
			t.Errorf("PM-INFRA in the list: %+v", p.Programs)
		}
	})
}

// TestMitraScoping: a mitra manages and sees only its own institution's
// programs, events, participants and attendance; everything of another
// institution answers not found.
func TestMitraScoping(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)
		// ITB's mitra adds its own program: the provider is ITB whatever it says.
		pm := o.program(t, o.itb, app.ProgramInput{Code: "PM", Title: "Manajemen Proyek", Provider: "UNPAD"})
		if pm.ProviderCode != "ITB" || !pm.CanManage {
			t.Errorf("mitra's program: provider %s, manage %v", pm.ProviderCode, pm.CanManage)
		}
		o.program(t, o.unpad, app.ProgramInput{Code: "IKLIM", Title: "Iklim", Form: "e_learning", Targets: []app.TargetInput{{Competency: "T.IKLIM", Level: 2}}})
		o.event(t, o.itb, "PM", "PM-1", "2026-11-26", 2, 10, "open")
		o.event(t, o.unpad, "IKLIM", "IKLIM-1", "2026-11-26", 2, 10, "open")
		o.event(t, o.unpad, "IKLIM", "IKLIM-DRAFT", "2027-01-04", 1, 10, "draft")
		pIKLIM := o.participants(t, "IKLIM-1", 103)
		o.participants(t, "PM-1", 104)

		nf := func(what string, err error) {
			t.Helper()
			if app.ErrorCode(err) != app.CodeNotFound {
				t.Errorf("%s: %v, want not found", what, err)
			}
		}
		_, err := a.ProgramDetail(ctx, o.itb, "IKLIM")
		nf("program detail", err)
		_, err = a.UpdateProgram(ctx, o.itb, "IKLIM", app.ProgramInput{Code: "IKLIM", Title: "x", JP: 2, Form: "e_learning", Delivery: "daring",
			Targets: []app.TargetInput{{Competency: "T.IKLIM", Level: 2}}})
		nf("update program", err)
		_, err = a.CreateEvent(ctx, o.itb, app.EventInput{Program: "IKLIM", Code: "X-1"})
		nf("event on another's program", err)
		_, err = a.Event(ctx, o.itb, "IKLIM-1")
		nf("event", err)
		_, err = a.UpdateEvent(ctx, o.itb, "IKLIM-1", app.EventInput{})
		nf("update event", err)
		_, err = a.SetEventStatus(ctx, o.itb, "IKLIM-1", "finished")
		nf("event status", err)
		_, err = a.Participants(ctx, o.itb, "IKLIM-1")
		nf("participants", err)
		_, err = a.RecordAttendance(ctx, o.itb, "IKLIM-1", 1, []app.AttendanceInput{{EnrollmentID: pIKLIM[103].ID, Present: true}})
		nf("attendance", err)
		_, err = a.MarkNoShow(ctx, o.itb, pIKLIM[103].ID)
		nf("no-show", err)
		_, _, err = a.CompleteEnrollment(ctx, o.itb, pIKLIM[103].ID)
		nf("complete", err)
		_, err = a.CompleteEvent(ctx, o.itb, "IKLIM-1")
		nf("complete event", err)
		// A mitra that names no known partner sees nothing.
		_, err = a.Event(ctx, o.stray, "PM-1")
		nf("stray mitra", err)
		// Another institution's draft is hidden from everyone else too.
		_, err = a.Event(ctx, o.staff[105], "IKLIM-DRAFT")
		nf("draft for an employee", err)

		if p, err := a.SearchCatalogue(ctx, o.itb, app.CatalogueQuery{}); err != nil || codes(p) != "PM" {
			t.Errorf("ITB's catalogue: %q %v", codes(p), err)
		}
		if p, err := a.SearchCatalogue(ctx, o.itb, app.CatalogueQuery{Provider: "UNPAD"}); err != nil || len(p.Programs) != 0 {
			t.Errorf("ITB searching Unpad: %q %v", codes(p), err)
		}
		if evs, err := a.Events(ctx, o.itb, app.EventQuery{}); err != nil || len(evs) != 1 || evs[0].Code != "PM-1" {
			t.Errorf("ITB's events: %+v %v", evs, err)
		}
		// Its own event: every participant, whatever their unit.
		l, err := a.Participants(ctx, o.itb, "PM-1")
		if err != nil || len(l.Participants) != 1 || l.Participants[0].EmployeeID != 104 || !l.CanRecord {
			t.Errorf("ITB's participants: %+v %v", l, err)
		}
		// Employees see the other events; an agency admin sees only its own
		// people among the participants.
		if evs, err := a.Events(ctx, o.staff[105], app.EventQuery{}); err != nil || len(evs) != 2 {
			t.Errorf("employee's events: %d %v", len(evs), err)
		}
		if l, err := a.Participants(ctx, o.adminLH, "PM-1"); err != nil || len(l.Participants) != 0 {
			t.Errorf("DLHK admin sees DSDABM participants: %+v %v", l.Participants, err)
		}
		// Only admin BKPSDM and mitra manage programs.
		if _, err := a.CreateProgram(ctx, o.adminDS, app.ProgramInput{Code: "Z"}); app.ErrorCode(err) != app.CodeForbidden {
			t.Errorf("agency admin adds a program: %v", err)
		}
		if _, err := a.CreateProgram(ctx, o.stray, app.ProgramInput{Code: "Z", Title: "Z", JP: 2, Form: "seminar", Delivery: "daring",
			Targets: []app.TargetInput{{Competency: "M.1", Level: 2}}}); app.ErrorCode(err) != app.CodeForbidden {
			t.Errorf("stray mitra adds a program: %v", err)
		}
	})
}

// TestProgramDetailShowsMyGaps: the program page tells an employee which
// of their own gaps it would close, and whether they may take it.
func TestProgramDetailShowsMyGaps(t *testing.T) {
	ctx := context.Background()
	o := newLearnOrg(t, newApp(t), 0)
	a := o.a
	o.program(t, o.admin, app.ProgramInput{Code: "PM", Title: "Manajemen Proyek", Provider: "ITB",
		EligibleKinds: []string{"pengawas", "administrator"},
		Targets:       []app.TargetInput{{Competency: "T.PROYEK", Level: 3, MinLevel: 1}, {Competency: "M.4", Level: 2}}})
	// Ani: T.PROYEK 1 of 3 (closed by the program), M.4 3 of 3 (no gap).
	d, err := a.ProgramDetail(ctx, o.staff[103], "PM")
	if err != nil {
		t.Fatal(err)
	}
	if !d.HasRecord || len(d.Gaps) != 1 || d.Gaps[0].Code != "T.PROYEK" || !d.Gaps[0].Closes() || d.Gaps[0].GapBefore != -2 || !d.Eligibility.OK {
		t.Errorf("Ani: %+v eligible %+v", d.Gaps, d.Eligibility)
	}
	// Cici: nothing assessed: both standard competencies are shown as
	// unassessed (M.4 only narrowed: 2 of 3), and the minimum level of
	// T.PROYEK is not met.
	d, err = a.ProgramDetail(ctx, o.staff[105], "PM")
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Gaps) != 2 || d.Gaps[0].Assessed || d.Gaps[1].Closes() || d.Eligibility.OK || len(d.Eligibility.Reasons) != 1 {
		t.Errorf("Cici: %+v eligible %+v", d.Gaps, d.Eligibility)
	}
	// Registration refuses her with the reason; Fajar (pelaksana) too.
	o.event(t, o.admin, "PM", "PM-1", "2026-12-07", 1, 10, "open")
	if _, err := a.RegisterSelf(ctx, o.staff[105], "PM-1", 0); app.ErrorCode(err) != app.CodeInvalid || !strings.Contains(err.Error(), "belum dinilai") {
		t.Errorf("Cici registers: %v", err)
	}
	if _, err := a.RegisterSelf(ctx, o.staff[111], "PM-1", 0); app.ErrorCode(err) != app.CodeInvalid || !strings.Contains(err.Error(), "pengawas") {
		t.Errorf("Fajar registers: %v", err)
	}
	// An admin without an employee record sees the program without gaps.
	if d, err := a.ProgramDetail(ctx, o.admin, "PM"); err != nil || d.HasRecord || len(d.Events) != 1 {
		t.Errorf("admin: %+v %v", d, err)
	}
	_ = learning.StateAccepted
}
