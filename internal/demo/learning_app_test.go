package demo_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/auth"
	"asah/internal/competency"
	"asah/internal/demo"
	"asah/internal/learning"
	"asah/internal/people"
	"asah/internal/store"
)

// certSink keeps the certificates the generator emits.
type certSink struct {
	certs []demo.Certificate
}

func (*certSink) Competencies(context.Context, []competency.Competency) error { return nil }
func (*certSink) Units(context.Context, []people.Unit) error                  { return nil }
func (*certSink) Positions(context.Context, []people.Position, map[int64][]competency.Requirement) error {
	return nil
}
func (*certSink) Employees(context.Context, []people.Employee) error         { return nil }
func (*certSink) Assessments(context.Context, []competency.Assessment) error { return nil }
func (*certSink) Partners(context.Context, []learning.Partner) error         { return nil }
func (*certSink) Agreements(context.Context, []demo.Agreement) error         { return nil }
func (*certSink) Programs(context.Context, []learning.Program) error         { return nil }
func (*certSink) Events(context.Context, []learning.Event) error             { return nil }
func (*certSink) Enrollments(context.Context, []learning.Enrollment) error   { return nil }
func (*certSink) Attendance(context.Context, []demo.Attendance) error        { return nil }
func (s *certSink) Certificates(_ context.Context, cs []demo.Certificate) error {
	s.certs = append(s.certs, cs...)
	return nil
}
func (*certSink) Reactions(context.Context, []demo.Reaction) error { return nil }
func (*certSink) FollowUps(context.Context, []demo.FollowUp) error { return nil }
func (*certSink) Claims(context.Context, []learning.Claim) error   { return nil }

// TestDemoLearningThroughTheApp loads a small demo and looks at its
// learning data as the demo accounts and the public do: every certificate
// verifies; the pegawai account has enrollments, a certificate and an open
// event it can register for; the atasan account has a registration to
// approve, a follow-up due and a claim to decide; the mitra account is the
// ITB partner and sees its events; the admin is warned of the agreements
// that expire.
func TestDemoLearningThroughTheApp(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "asah.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := app.New(s)
	now := time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)
	a.Now = func() time.Time { return now }
	s.SetClock(a.Now)
	a.Accounts.Hash = auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	cfg := demo.Config{Employees: 2000, Seed: 1, Today: "2026-11-27"}
	if err := a.LoadDemo(ctx, cfg, nil); err != nil {
		t.Fatal(err)
	}

	// Every certificate of the dataset verifies on the public page.
	dict, err := s.Competencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	var sink certSink
	if err := demo.Generate(ctx, cfg, dict, &sink, nil); err != nil {
		t.Fatal(err)
	}
	if len(sink.certs) == 0 {
		t.Fatal("the demo has no certificates")
	}
	for _, c := range sink.certs {
		v, err := a.VerifyCertificate(ctx, c.Code)
		if err != nil || v.Status != app.CertificateValid || v.Holder == "" || v.Program == "" || v.CompletedOn.IsZero() {
			t.Fatalf("certificate %s: %+v %v", c.Number, v, err)
		}
	}

	accounts, err := a.DemoAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	actors := map[app.Role]app.Actor{}
	for _, acc := range accounts {
		actor, err := a.Login(ctx, acc.Login, acc.Password, "", "127.0.0.1")
		if err != nil {
			t.Fatalf("login %s: %v", acc.Role, err)
		}
		actors[acc.Role] = actor
	}

	peg := actors[app.RolePegawai]
	mine, err := a.MyEnrollments(ctx, peg)
	if err != nil || len(mine) < 2 {
		t.Fatalf("the pegawai account has %d enrollments (%v)", len(mine), err)
	}
	certified := false
	enrolled := map[int64]bool{}
	for _, r := range mine {
		enrolled[r.EventID] = true
		if r.State != learning.StateCompleted {
			continue
		}
		if _, err := s.CertificateOf(ctx, r.ID); err == nil {
			v, err := a.Certificate(ctx, peg, r.ID)
			if err != nil {
				t.Fatal(err)
			}
			got, err := a.VerifyCertificate(ctx, v.Code)
			if err != nil || got.Status != app.CertificateValid || got.Holder != v.Enrollment.Name {
				t.Errorf("the pegawai's certificate %s: %+v %v", v.Number, got, err)
			}
			certified = true
		}
	}
	if !certified {
		t.Error("the pegawai account has no certificate")
	}
	open, err := a.Events(ctx, peg, app.EventQuery{Status: string(learning.EventOpen)})
	if err != nil {
		t.Fatal(err)
	}
	registered := false
	for _, ev := range open {
		if enrolled[ev.ID] {
			continue
		}
		r, err := a.RegisterSelf(ctx, peg, ev.Code, 0)
		if err == nil && r.State == learning.StatePendingApproval {
			registered = true
			break
		}
	}
	if !registered {
		t.Errorf("the pegawai account cannot register for any of the %d open events", len(open))
	}

	atasan := actors[app.RoleAtasan]
	if rows, err := a.PendingApprovals(ctx, atasan); err != nil || len(rows) == 0 {
		t.Errorf("the atasan account has %d registrations to approve (%v)", len(rows), err)
	}
	if rows, err := a.DueFollowUps(ctx, atasan); err != nil || len(rows) == 0 {
		t.Errorf("the atasan account has %d follow-ups due (%v)", len(rows), err)
	}
	if rows, err := a.JPClaimQueue(ctx, atasan); err != nil || len(rows) == 0 {
		t.Errorf("the atasan account has %d claims to decide (%v)", len(rows), err)
	}

	mitra := actors[app.RoleMitra]
	if p, err := s.PartnerOf(ctx, mitra.Partner); err != nil || p.Code != "ITB" || p.Name != app.DemoPartner {
		t.Errorf("the mitra account's institution %q is partner %+v (%v)", mitra.Partner, p, err)
	}
	evs, err := a.Events(ctx, mitra, app.EventQuery{})
	running := false
	for _, ev := range evs {
		running = running || ev.Status == learning.EventRunning
	}
	if err != nil || len(evs) == 0 || !running {
		t.Errorf("the mitra account sees %d events (running one: %v; %v)", len(evs), running, err)
	}

	admin := actors[app.RoleAdminBKPSDM]
	warn, err := a.AgreementWarnings(ctx, admin)
	statuses := map[learning.AgreementStatus]bool{}
	for _, w := range warn {
		statuses[w.Warning.Status] = true
	}
	if err != nil || !statuses[learning.AgreementExpiring30] || !statuses[learning.AgreementExpired] {
		t.Errorf("agreement warnings %v (%v): want one expiring within 30 days and one expired", statuses, err)
	}
	ev, err := a.ProgramEvaluation(ctx, admin, "PELAYANAN")
	if err != nil || ev.Outcome.Total() == 0 || ev.Reactions.Responses == 0 || ev.Gain.N == 0 || ev.NoShowRate == 0 {
		t.Errorf("evaluation of PELAYANAN: %+v %v", ev, err)
	}
}
