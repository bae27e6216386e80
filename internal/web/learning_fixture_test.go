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

// lwFixture is a small learning world on the demo site, built through the
// use cases: a program aimed at one of P's shortfalls, an upcoming event
// open for registration (3 seats) and a past event that P and Q completed
// three months ago (certificates, surveys and follow-ups are due), and a
// pending JP claim of Q.
//
// P is the demo pegawai; Sup is P's direct supervisor and Q a colleague
// under Sup (both get accounts); X works in another agency (Dinas
// Pendidikan) and has an account too.
type lwFixture struct {
	st          *site
	P, Q, X     store.EmployeeRow
	Sup         store.EmployeeRow
	actP, actQ  app.Actor
	actSup      app.Actor
	Program     string
	Target      string // the competency the program targets (a shortfall of P)
	Upcoming    string // event code, registration open
	Past        string // finished; P and Q completed it
	DoneP       int64  // P's completed enrollment
	DoneQ       int64  // Q's completed enrollment
	ClaimQ      int64  // Q's pending claim
	passwords   map[string]string
	providerKey string
}

const lwPassword = "Kata-Sandi-Uji-2026!"

// newLWFixture builds the fixture on a fresh demo site over SQLite.
func newLWFixture(t *testing.T) *lwFixture {
	t.Helper()
	return newLWFixtureOn(t, newSite(t))
}

// lwEngines runs a scenario on the fixture over SQLite and, when
// ASAH_TEST_POSTGRES is set, over PostgreSQL (under CI=true a missing
// PostgreSQL fails).
func lwEngines(t *testing.T, fn func(t *testing.T, f *lwFixture)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newLWFixtureOn(t, newSite(t))) })
	t.Run("postgres", func(t *testing.T) { fn(t, newLWFixtureOn(t, newPostgresSite(t))) })
}

// newLWFixtureOn builds the fixture on a demo site.
func newLWFixtureOn(t *testing.T, st *site) *lwFixture {
	t.Helper()
	ctx := context.Background()
	a := st.app
	f := &lwFixture{st: st, passwords: map[string]string{}}
	f.actP = st.actor(t, app.RolePegawai)
	var err error
	if f.P, err = st.s.EmployeeByID(ctx, f.actP.EmployeeID); err != nil {
		t.Fatal(err)
	}
	if f.Sup, err = st.s.EmployeeByID(ctx, f.P.SupervisorID); err != nil {
		t.Fatalf("P's supervisor: %v", err)
	}
	team, _, err := st.s.ListEmployees(ctx, store.Filter{Within: &store.Within{EmployeeID: f.Sup.ID, Team: true}}, "name", false, 200, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range team {
		if e.ID != f.P.ID && e.ID != f.Sup.ID && e.SupervisorID == f.Sup.ID && f.Q.ID == 0 {
			f.Q = e
		}
	}
	xs, _, err := st.s.ListEmployees(ctx, store.Filter{UnitCode: "DISDIK"}, "name", false, 1, 0)
	if err != nil || len(xs) == 0 || f.Q.ID == 0 {
		t.Fatalf("the demo lacks the fixture's employees: Q %v, DISDIK %d (%v)", f.Q.NIP, len(xs), err)
	}
	f.X = xs[0]
	f.actSup = f.account(t, f.Sup.NIP, app.RoleAtasan)
	f.actQ = f.account(t, f.Q.NIP, app.RolePegawai)
	f.account(t, f.X.NIP, app.RolePegawai)

	// The provider: BKPSDM when the demo holds it, else one made here.
	parts, err := a.Partners(ctx, app.System)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if p.Kind == "bkpsdm" {
			f.providerKey = p.Code
		}
	}
	if f.providerKey == "" {
		if _, err := a.CreatePartner(ctx, app.System, app.PartnerInput{Code: "LW-BKPSDM", Name: "BKPSDM Kota Bandung", Kind: "bkpsdm"}); err != nil {
			t.Fatal(err)
		}
		f.providerKey = "LW-BKPSDM"
	}
	// A competency P falls short of (or has not been assessed in).
	g, err := a.EmployeeGaps(ctx, app.System, f.P.NIP, a.Today())
	if err != nil {
		t.Fatal(err)
	}
	comps, err := st.s.Competencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	code := map[int64]string{}
	for _, c := range comps {
		code[c.ID] = c.Code
	}
	level := 0
	for _, l := range g.Match.Lines {
		if l.Current.Assessed && l.Current.Level < l.Required {
			f.Target, level = code[l.CompetencyID], l.Required
			break
		}
	}
	if f.Target == "" {
		t.Fatal("P has no shortfall for the program to close")
	}
	f.Program = "LW-PROG"
	if _, err := a.CreateProgram(ctx, app.System, app.ProgramInput{Code: f.Program, Title: "Pelatihan Uji Pengembangan " + f.Target,
		Description: "Program uji untuk halaman pembelajaran.", JP: 24, Provider: f.providerKey, Form: "pelatihan_teknis", Delivery: "tatap_muka",
		Targets: []app.TargetInput{{Competency: f.Target, Level: level}}}); err != nil {
		t.Fatal(err)
	}
	f.Upcoming = f.event(t, "LW-UP-1", "2027-01-11", "2027-01-12", 3)
	f.Past = f.event(t, "LW-PAST-1", "2026-08-03", "2026-08-04", 10)

	// P and Q are nominated and invited, accept, attend both sessions and
	// complete the past event.
	for _, x := range []struct {
		e   store.EmployeeRow
		a   app.Actor
		dst *int64
	}{{f.P, f.actP, &f.DoneP}, {f.Q, f.actQ, &f.DoneQ}} {
		r, err := a.Nominate(ctx, app.System, app.NominationInput{Event: f.Past, NIP: x.e.NIP, Invite: true})
		if err != nil {
			t.Fatalf("nominate %s: %v", x.e.NIP, err)
		}
		if _, err := a.RespondInvitation(ctx, x.a, r.ID, true, ""); err != nil {
			t.Fatalf("accept: %v", err)
		}
		*x.dst = r.ID
	}
	if _, err := a.SetEventStatus(ctx, app.System, f.Past, "running"); err != nil {
		t.Fatal(err)
	}
	for seq := 1; seq <= 2; seq++ {
		if _, err := a.RecordAttendance(ctx, app.System, f.Past, seq, []app.AttendanceInput{{EnrollmentID: f.DoneP, Present: true},
			{EnrollmentID: f.DoneQ, Present: true}}); err != nil {
			t.Fatalf("attendance: %v", err)
		}
	}
	for _, id := range []int64{f.DoneP, f.DoneQ} {
		if _, _, err := a.CompleteEnrollment(ctx, app.System, id); err != nil {
			t.Fatalf("complete: %v", err)
		}
	}
	if _, err := a.SetEventStatus(ctx, app.System, f.Past, "finished"); err != nil {
		t.Fatal(err)
	}
	c, err := a.SubmitJPClaim(ctx, f.actQ, f.Q.NIP, claimInput("Seminar Nasional Tata Kota", pdfBytes()))
	if err != nil {
		t.Fatalf("Q's claim: %v", err)
	}
	f.ClaimQ = c.ID
	return f
}

// event creates an open event of the fixture's program with one morning
// session on its first and its last day.
func (f *lwFixture) event(t *testing.T, code, from, to string, capacity int) string {
	t.Helper()
	ctx := context.Background()
	in := app.EventInput{Program: f.Program, Code: code, Title: "Angkatan " + code, StartsOn: from, EndsOn: to,
		Place: "Gedung BKPSDM, Jl. Wastukancana 2", Capacity: capacity,
		Sessions: []app.SessionInput{{StartsAt: from + "T08:00", EndsAt: from + "T12:00", Topic: "Pembukaan dan konsep"},
			{StartsAt: to + "T08:00", EndsAt: to + "T12:00", Topic: "Praktik dan post-test"}}}
	if _, err := f.st.app.CreateEvent(ctx, app.System, in); err != nil {
		t.Fatalf("event %s: %v", code, err)
	}
	if _, err := f.st.app.SetEventStatus(ctx, app.System, code, "open"); err != nil {
		t.Fatal(err)
	}
	return code
}

// account creates an account for an employee and returns its actor.
func (f *lwFixture) account(t *testing.T, nip string, role app.Role) app.Actor {
	t.Helper()
	ctx := context.Background()
	id, err := f.st.app.CreateUser(ctx, app.System, app.NewUser{NIP: nip, Role: string(role), Password: lwPassword})
	if err != nil {
		t.Fatalf("account %s: %v", nip, err)
	}
	f.passwords[nip] = lwPassword
	a, err := f.st.app.ActorForUser(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// as logs a client in with an employee's account.
func (f *lwFixture) as(t *testing.T, e store.EmployeeRow) *client {
	t.Helper()
	if e.ID == f.P.ID {
		return f.st.login(t, app.RolePegawai)
	}
	c := f.st.client(t)
	r := c.post("/login", url.Values{"login": {e.NIP}, "password": {f.passwords[e.NIP]}})
	if r.status != 303 {
		t.Fatalf("login %s: %d %s", e.NIP, r.status, text(r.body))
	}
	return c
}

// claimInput is a six-hour seminar of October 2026 with its evidence.
func claimInput(title string, evidence []byte) app.ClaimInput {
	return app.ClaimInput{ClaimInput: learning.ClaimInput{Title: title, Organiser: "Universitas Padjadjaran", Form: "seminar",
		ActivityOn: "2026-10-15", Hours: 6, Evidence: learning.Evidence{Name: "sertifikat.pdf", Data: evidence}}}
}

// pdfBytes is a minimal file that starts like a PDF.
func pdfBytes() []byte { return []byte("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n") }

// pngBytes is a file that starts like a PNG.
func pngBytes() []byte {
	return append([]byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, []byte(strings.Repeat("\x00", 32))...)
}
