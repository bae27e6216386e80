package learning

import (
	"strings"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/development"
	"asah/internal/people"
)

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestAgreementStatusAndWarning(t *testing.T) {
	a := Agreement{Number: "PKS/01/2025", PartnerID: 1, StartsOn: date("2025-01-01"), EndsOn: date("2026-12-31")}
	cases := []struct {
		today  string
		status AgreementStatus
		warn   bool
		left   int
	}{
		{"2024-12-31", AgreementUpcoming, false, 730},
		{"2025-01-01", AgreementActive, false, 729},
		{"2026-10-01", AgreementActive, false, 91},
		{"2026-10-02", AgreementExpiring90, true, 90},
		{"2026-12-01", AgreementExpiring30, true, 30},
		{"2026-11-30", AgreementExpiring90, true, 31},
		{"2026-12-31", AgreementExpiring30, true, 0}, // the last day still counts
		{"2027-01-01", AgreementExpired, true, -1},
		{"2027-03-31", AgreementExpired, true, -90},
		{"2027-04-01", AgreementExpired, false, -91}, // old news
	}
	for _, c := range cases {
		today := date(c.today)
		if got := a.Status(today); got != c.status {
			t.Errorf("%s: status %s, want %s", c.today, got, c.status)
		}
		w, ok := a.Warning(today)
		if ok != c.warn || (ok && w.DaysLeft != c.left) {
			t.Errorf("%s: warning %+v %v, want %v with %d days", c.today, w, ok, c.warn, c.left)
		}
	}
	// A date with a time of day in another zone is read as its own calendar day.
	wib := time.FixedZone("WIB", 7*3600)
	if got := a.Status(time.Date(2026, 12, 1, 6, 0, 0, 0, wib)); got != AgreementExpiring30 {
		t.Errorf("WIB morning of 1 December: %s", got)
	}
	a.TerminatedOn = date("2026-06-30")
	if got := a.Status(date("2026-07-01")); got != AgreementTerminated {
		t.Errorf("terminated: %s", got)
	}
	if _, ok := a.Warning(date("2026-12-01")); ok {
		t.Error("a terminated agreement warns")
	}
	if !a.InForce(date("2026-06-29")) || a.InForce(date("2026-06-30")) {
		t.Error("in force until the day of termination")
	}
}

func TestAgreementValidate(t *testing.T) {
	ok := Agreement{Number: "PKS/01/2025", PartnerID: 1, StartsOn: date("2025-01-01"), EndsOn: date("2026-12-31")}
	if err := ok.Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		edit  func(*Agreement)
		field string
	}{
		{func(a *Agreement) { a.Number = "" }, "number"},
		{func(a *Agreement) { a.Number = "PKS 01" }, "number"},
		{func(a *Agreement) { a.PartnerID = 0 }, "partner"},
		{func(a *Agreement) { a.EndsOn = date("2024-12-31") }, "ends_on"},
		{func(a *Agreement) { a.EndsOn = date("2046-01-02") }, "ends_on"},
		{func(a *Agreement) { a.StartsOn = time.Time{} }, "starts_on"},
		{func(a *Agreement) { a.TerminatedOn = date("2027-01-01") }, "terminated_on"},
	}
	for _, c := range cases {
		a := ok
		c.edit(&a)
		fs, isFaults := a.Validate().(Faults)
		if !isFaults || fs.Fields()[c.field] == "" {
			t.Errorf("want a fault on %s, got %v", c.field, a.Validate())
		}
	}
}

func TestPartnerValidateAndMatch(t *testing.T) {
	p := Partner{Code: "ITB", Name: "Institut Teknologi Bandung", Kind: PartnerUniversity, Email: "kerjasama@itb.ac.id",
		Website: "https://www.itb.ac.id"}
	if err := p.Validate(); err != nil {
		t.Fatal(err)
	}
	bad := Partner{Code: "I T B", Name: "", Kind: "kampus", Email: "not-an-email", Website: "itb.ac.id"}
	fs := bad.Validate().(Faults).Fields()
	for _, f := range []string{"code", "name", "kind", "email", "website"} {
		if fs[f] == "" {
			t.Errorf("no fault on %s: %v", f, fs)
		}
	}
	for _, name := range []string{"ITB", "itb", " Institut Teknologi Bandung ", "institut teknologi bandung"} {
		if !p.Matches(name) {
			t.Errorf("%q does not match", name)
		}
	}
	for _, name := range []string{"", "Unpad", "Institut Teknologi"} {
		if p.Matches(name) {
			t.Errorf("%q matches", name)
		}
	}
}

func sampleProgram() Program {
	return Program{Code: "PM-INFRA", Title: "Manajemen Proyek Infrastruktur", JP: 40, ProviderID: 1, Method: Klasikal,
		Form: development.PelatihanTeknis, Delivery: Blended, CostPerParticipant: 3_500_000, FixedCostPerEvent: 10_000_000,
		EligibleKinds: []people.PositionKind{people.KindPengawas, people.KindFungsional},
		Targets:       []Target{{CompetencyID: 10, Level: 3, MinLevel: 1}, {CompetencyID: 4, Level: 3}},
		MinAttendance: DefaultMinAttendance, RequiresPostTest: true, PassScore: 70}
}

func TestProgramValidate(t *testing.T) {
	if err := sampleProgram().Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		edit  func(*Program)
		field string
	}{
		{func(p *Program) { p.Code = "" }, "code"},
		{func(p *Program) { p.Title = strings.Repeat("x", 201) }, "title"},
		{func(p *Program) { p.JP = 0 }, "jp"},
		{func(p *Program) { p.ProviderID = 0 }, "provider"},
		{func(p *Program) { p.Form = "webinar" }, "form"},
		{func(p *Program) { p.Method = NonKlasikal }, "form"}, // pelatihan teknis is classroom
		{func(p *Program) { p.Delivery = "hybrid" }, "delivery"},
		{func(p *Program) { p.CostPerParticipant = -1 }, "cost_per_participant"},
		{func(p *Program) { p.EligibleKinds = []people.PositionKind{"direktur"} }, "eligible_kinds"},
		{func(p *Program) { p.Targets = nil }, "targets"},
		{func(p *Program) { p.Targets[1].CompetencyID = 10 }, "targets"},
		{func(p *Program) { p.Targets[0].Level = 6 }, "targets"},
		{func(p *Program) { p.Targets[0].MinLevel = 3 }, "targets"},
		{func(p *Program) { p.PassScore = 0 }, "pass_score"},
		{func(p *Program) { p.PassScore = 101 }, "pass_score"},
		{func(p *Program) { p.MinAttendance = 0 }, "min_attendance"},
		{func(p *Program) { p.MinAttendance = 1.2 }, "min_attendance"},
	}
	for i, c := range cases {
		p := sampleProgram()
		p.Targets = append([]Target(nil), p.Targets...)
		c.edit(&p)
		err := p.Validate()
		fs, ok := err.(Faults)
		if !ok || fs.Fields()[c.field] == "" {
			t.Errorf("case %d: want a fault on %s, got %v", i, c.field, err)
		}
	}
	// Every fault is reported at once.
	p := Program{}
	if fs := p.Validate().(Faults); len(fs) < 6 {
		t.Errorf("empty program: only %d faults: %v", len(fs), fs)
	}
}

func TestEligibility(t *testing.T) {
	p := sampleProgram()
	names := map[int64]string{10: "Manajemen Proyek Konstruksi", 4: "Orientasi pada Hasil"}
	if e := p.Eligible(people.KindPengawas, map[int64]int{10: 1}, names); !e.OK {
		t.Errorf("pengawas at level 1: %v", e.Reasons)
	}
	e := p.Eligible(people.KindPelaksana, map[int64]int{}, names)
	if e.OK || len(e.Reasons) != 2 || !strings.Contains(e.Reasons[1], "belum dinilai") {
		t.Errorf("pelaksana, unassessed: %+v", e)
	}
	p.EligibleKinds = nil
	if e := p.Eligible(people.KindPelaksana, map[int64]int{10: 2}, names); !e.OK {
		t.Errorf("no kind limit: %v", e.Reasons)
	}
}

func TestClosesGaps(t *testing.T) {
	p := Program{Targets: []Target{{CompetencyID: 1, Level: 3}, {CompetencyID: 2, Level: 2}, {CompetencyID: 3, Level: 4},
		{CompetencyID: 4, Level: 3}, {CompetencyID: 5, Level: 2}, {CompetencyID: 6, Level: 3}}}
	cur := func(l int) competency.Current { return competency.Current{Assessed: true, Level: l} }
	lines := []competency.Line{
		{CompetencyID: 1, Required: 3, Current: cur(1)},               // closed: 1 → 3
		{CompetencyID: 2, Required: 4, Current: cur(1)},               // narrowed: 1 → 2 of 4
		{CompetencyID: 3, Required: 3, Current: cur(3)},               // no gap
		{CompetencyID: 4, Required: 4, Current: cur(3)},               // program ends where they are
		{CompetencyID: 5, Required: 2, Current: competency.Current{}}, // unassessed
		// 6 is not in the standard
	}
	got := p.ClosesGaps(lines)
	if len(got) != 3 {
		t.Fatalf("got %+v", got)
	}
	if g := got[0]; g.CompetencyID != 1 || !g.Closes() || g.GapBefore != -2 || g.GapAfter != 0 {
		t.Errorf("closed gap: %+v", g)
	}
	if g := got[1]; g.CompetencyID != 2 || g.Closes() || g.GapBefore != -3 || g.GapAfter != -2 {
		t.Errorf("narrowed gap: %+v", g)
	}
	if g := got[2]; g.CompetencyID != 5 || g.Assessed || !g.Closes() {
		t.Errorf("unassessed: %+v", g)
	}
}

func sampleEvent() Event {
	wib := time.FixedZone("WIB", 7*3600)
	at := func(d string, h int) time.Time {
		t := date(d)
		return time.Date(t.Year(), t.Month(), t.Day(), h, 0, 0, 0, wib)
	}
	return Event{Code: "PM-INFRA-2026-1", Title: "Angkatan I", ProgramID: 1, StartsOn: date("2026-03-02"), EndsOn: date("2026-03-03"),
		Place: "Aula BKPSDM", Capacity: 30, RegistrationOpens: date("2026-02-01"), RegistrationCloses: date("2026-02-20"),
		Status: EventDraft, Sessions: []Session{{Seq: 1, StartsAt: at("2026-03-02", 8), EndsAt: at("2026-03-02", 12)},
			{Seq: 2, StartsAt: at("2026-03-03", 6), EndsAt: at("2026-03-03", 12)}},
		Quotas: []UnitQuota{{UnitID: 4, UnitCode: "DSDABM", Quota: 10}}}
}

func TestEventValidate(t *testing.T) {
	if err := sampleEvent().Validate(); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		edit  func(*Event)
		field string
	}{
		{func(e *Event) { e.Code = "" }, "code"},
		{func(e *Event) { e.ProgramID = 0 }, "program"},
		{func(e *Event) { e.EndsOn = date("2026-03-01") }, "ends_on"},
		{func(e *Event) { e.Place, e.OnlineURL = "", "" }, "place"},
		{func(e *Event) { e.OnlineURL = "zoom.us/j/1" }, "online_url"},
		{func(e *Event) { e.Capacity = 0 }, "capacity"},
		{func(e *Event) { e.RegistrationCloses = date("2026-01-31") }, "registration_closes"},
		{func(e *Event) { e.RegistrationCloses = date("2026-03-04") }, "registration_closes"},
		{func(e *Event) { e.Sessions = nil }, "sessions"},
		{func(e *Event) { e.Sessions[1].Seq = 3 }, "sessions"},
		{func(e *Event) { e.Sessions[0].EndsAt = e.Sessions[0].StartsAt }, "sessions"},
		{func(e *Event) { e.Sessions[1].StartsAt = e.Sessions[0].StartsAt.Add(time.Hour) }, "sessions"},
		{func(e *Event) { e.Sessions[1].EndsAt = e.Sessions[1].EndsAt.AddDate(0, 0, 2) }, "sessions"},
		{func(e *Event) { e.Quotas[0].Quota = 31 }, "quotas"},
		{func(e *Event) { e.Quotas = append(e.Quotas, e.Quotas[0]) }, "quotas"},
		{func(e *Event) { e.Status = "postponed" }, "status"},
	}
	for i, c := range cases {
		e := sampleEvent()
		c.edit(&e)
		fs, ok := e.Validate().(Faults)
		if !ok || fs.Fields()[c.field] == "" {
			t.Errorf("case %d: want a fault on %s, got %v", i, c.field, e.Validate())
		}
	}
}

func TestEventStatusAndRegistrationWindow(t *testing.T) {
	moves := map[[2]EventStatus]bool{
		{EventDraft, EventOpen}: true, {EventDraft, EventCancelled}: true,
		{EventOpen, EventClosed}: true, {EventOpen, EventRunning}: true, {EventOpen, EventCancelled}: true,
		{EventClosed, EventOpen}: true, {EventClosed, EventRunning}: true, {EventClosed, EventCancelled}: true,
		{EventRunning, EventFinished}: true, {EventRunning, EventCancelled}: true,
	}
	for _, from := range EventStatuses {
		for _, to := range EventStatuses {
			err := NextEventStatus(from, to)
			if (err == nil) != moves[[2]EventStatus{from, to}] {
				t.Errorf("%s → %s: %v", from, to, err)
			}
		}
	}
	e := sampleEvent()
	if e.RegistrationOpen(date("2026-02-10")) {
		t.Error("a draft event takes registrations")
	}
	e.Status = EventOpen
	for d, want := range map[string]bool{"2026-01-31": false, "2026-02-01": true, "2026-02-20": true, "2026-02-21": false} {
		if e.RegistrationOpen(date(d)) != want {
			t.Errorf("%s: open = %v", d, !want)
		}
	}
	e.RegistrationOpens, e.RegistrationCloses = time.Time{}, time.Time{}
	if !e.RegistrationOpen(date("2020-01-01")) {
		t.Error("no window: always open while the event is open")
	}
}
