package store_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/demo"
	"asah/internal/learning"
	"asah/internal/people"
	"asah/internal/store"
)

// The store's bulk loader takes the demo's learning data.
var _ demo.LearningSink = (*store.Bulk)(nil)

// learnCounts is a demo sink that keeps what the learning data should
// leave in the database.
type learnCounts struct {
	partners, agreements, programs, events, enrollments, present, claims int
	states                                                               map[learning.State]int
	certs                                                                []demo.Certificate
	reactions                                                            []demo.Reaction
	followUps                                                            []demo.FollowUp
	completed                                                            []int64
}

func (*learnCounts) Competencies(context.Context, []competency.Competency) error { return nil }
func (*learnCounts) Units(context.Context, []people.Unit) error                  { return nil }
func (*learnCounts) Positions(context.Context, []people.Position, map[int64][]competency.Requirement) error {
	return nil
}
func (*learnCounts) Employees(context.Context, []people.Employee) error         { return nil }
func (*learnCounts) Assessments(context.Context, []competency.Assessment) error { return nil }
func (c *learnCounts) Partners(_ context.Context, ps []learning.Partner) error {
	c.partners += len(ps)
	return nil
}
func (c *learnCounts) Agreements(_ context.Context, as []demo.Agreement) error {
	c.agreements += len(as)
	return nil
}
func (c *learnCounts) Programs(_ context.Context, ps []learning.Program) error {
	c.programs += len(ps)
	return nil
}
func (c *learnCounts) Events(_ context.Context, es []learning.Event) error {
	c.events += len(es)
	return nil
}
func (c *learnCounts) Enrollments(_ context.Context, es []learning.Enrollment) error {
	for _, e := range es {
		c.enrollments++
		c.states[e.State]++
		if e.State == learning.StateCompleted {
			c.completed = append(c.completed, e.ID)
		}
	}
	return nil
}
func (c *learnCounts) Attendance(_ context.Context, as []demo.Attendance) error {
	for _, a := range as {
		if a.Present {
			c.present++
		}
	}
	return nil
}
func (c *learnCounts) Certificates(_ context.Context, cs []demo.Certificate) error {
	c.certs = append(c.certs, cs...)
	return nil
}
func (c *learnCounts) Reactions(_ context.Context, rs []demo.Reaction) error {
	c.reactions = append(c.reactions, rs...)
	return nil
}
func (c *learnCounts) FollowUps(_ context.Context, fs []demo.FollowUp) error {
	c.followUps = append(c.followUps, fs...)
	return nil
}
func (c *learnCounts) Claims(_ context.Context, cs []learning.Claim) error {
	c.claims += len(cs)
	return nil
}

var learnClock = time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)

// TestDemoLearningDataLoads loads a small demo on each engine and reads
// the learning data back through the store: the counts match what the
// generator emitted, every certificate verifies, and later writes get
// fresh IDs and certificate numbers.
func TestDemoLearningDataLoads(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		s.SetClock(func() time.Time { return learnClock })
		dict, err := s.Competencies(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		cfg := demo.Config{Employees: 2000, Today: "2026-11-27"}
		want := &learnCounts{states: map[learning.State]int{}}
		if err := demo.Generate(ctx, cfg, dict, want, nil); err != nil {
			t.Fatal(err)
		}
		if err := s.BulkLoad(ctx, func(b *store.Bulk) error { return demo.Generate(ctx, cfg, dict, b, nil) }); err != nil {
			t.Fatal(err)
		}

		ps, err := s.Partners(ctx)
		if err != nil || len(ps) != want.partners {
			t.Fatalf("%d partners (%v), want %d", len(ps), err, want.partners)
		}
		if p, err := s.PartnerOf(ctx, "Institut Teknologi Bandung"); err != nil || p.Code != "ITB" {
			t.Errorf("the demo mitra's institution: %+v %v", p, err)
		}
		as, err := s.Agreements(ctx, 0)
		if err != nil || len(as) != want.agreements {
			t.Fatalf("%d agreements (%v), want %d", len(as), err, want.agreements)
		}
		if _, doc, err := s.AgreementDocument(ctx, as[0].ID); err != nil || learning.CheckPDFDocument(doc) != nil {
			t.Errorf("agreement document: %d bytes, %v", len(doc), err)
		}
		if _, n, err := s.SearchPrograms(ctx, store.CatalogueQuery{Today: learnClock}); err != nil || n != want.programs {
			t.Errorf("%d programs (%v), want %d", n, err, want.programs)
		}
		evs, err := s.Events(ctx, store.EventQuery{Limit: 1000})
		if err != nil || len(evs) != want.events {
			t.Fatalf("%d events (%v), want %d", len(evs), err, want.events)
		}
		open := 0
		for _, e := range evs {
			if e.RegistrationOpen(learnClock) {
				open++
			}
		}
		if open == 0 {
			t.Error("no event takes registrations")
		}
		rows, err := s.Enrollments(ctx, store.EnrollmentQuery{})
		if err != nil || len(rows) != want.enrollments {
			t.Fatalf("%d enrollments (%v), want %d", len(rows), err, want.enrollments)
		}
		present := 0
		states := map[learning.State]int{}
		for _, r := range rows {
			present += r.Present
			states[r.State]++
		}
		if present != want.present || !mapsEqual(states, want.states) {
			t.Errorf("read back %d sessions present and states %v; want %d and %v", present, states, want.present, want.states)
		}
		for _, c := range want.certs {
			v, err := s.CheckCertificate(ctx, c.Code)
			if err != nil || v.Revoked || v.Holder == "" || v.CompletedAt.IsZero() {
				t.Fatalf("certificate %s does not verify: %+v %v", c.Number, v, err)
			}
		}
		if r, err := s.Reaction(ctx, want.reactions[0].EnrollmentID); err != nil || r != want.reactions[0].Reaction {
			t.Errorf("reaction survey: %+v %v", r, err)
		}
		i := slices.IndexFunc(want.followUps, func(f demo.FollowUp) bool { return f.AssessmentID != 0 })
		if i < 0 {
			t.Fatal("no follow-up with an assessment")
		}
		if f, err := s.FollowUpOf(ctx, want.followUps[i].EnrollmentID); err != nil || f.AssessmentID != want.followUps[i].AssessmentID ||
			f.Applied != want.followUps[i].Applied {
			t.Errorf("follow-up: %+v %v", f, err)
		}
		claims, err := s.JPClaims(ctx, store.ClaimQuery{})
		if err != nil || len(claims) != min(want.claims, 500) {
			t.Errorf("%d claims (%v), want %d", len(claims), err, want.claims)
		}

		// Later writes: a certificate for a completed enrollment without
		// one takes the year's next number; new rows get fresh IDs.
		issued := map[int64]bool{}
		last := 0
		for _, c := range want.certs {
			issued[c.EnrollmentID] = true
			if c.Year == 2026 {
				last = max(last, c.Seq)
			}
		}
		k := slices.IndexFunc(want.completed, func(id int64) bool { return !issued[id] })
		if k < 0 {
			t.Fatal("every completed enrollment has its certificate: none is left to issue on request")
		}
		c, created, err := s.IssueCertificate(ctx, "admin", "x", want.completed[k], 2026, "AAAAAAAAAAAAAAAAAAAAAA")
		if err != nil || !created || c.Seq != last+1 {
			t.Errorf("certificate issued after the demo: %+v created %v, %v; want seq %d", c, created, err, last+1)
		}
		p, err := s.CreatePartner(ctx, "admin", learning.Partner{Code: "UNPAS", Name: "Universitas Pasundan", Kind: learning.PartnerUniversity})
		if err != nil || p.ID <= int64(want.partners) {
			t.Errorf("partner after the demo: %+v %v", p, err)
		}
		var openEv store.EventRow
		for _, e := range evs {
			if e.Status == learning.EventOpen {
				openEv = e
			}
		}
		taken := map[int64]bool{}
		for _, r := range rows {
			if r.EventID == openEv.ID {
				taken[r.EmployeeID] = true
			}
		}
		var emp int64 = 1
		for taken[emp] {
			emp++
		}
		e, err := s.CreateEnrollment(ctx, "admin", "enrollment.nominate", learning.Enrollment{EventID: openEv.ID, EmployeeID: emp,
			State: learning.StateNominated, Source: learning.SourceAdmin, CreatedBy: "admin"})
		if err != nil || e.ID <= int64(want.enrollments) {
			t.Errorf("enrollment after the demo: %+v %v", e.Enrollment, err)
		}
	})
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestDemoLearningRefusesExistingCatalogue: the demo does not load its
// learning data over partners created before it.
func TestDemoLearningRefusesExistingCatalogue(t *testing.T) {
	s := openSQLite(t)
	ctx := context.Background()
	if _, err := s.CreatePartner(ctx, "admin", learning.Partner{Code: "ITB", Name: "Institut Teknologi Bandung",
		Kind: learning.PartnerUniversity}); err != nil {
		t.Fatal(err)
	}
	dict, err := s.Competencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	err = s.BulkLoad(ctx, func(b *store.Bulk) error {
		return demo.Generate(ctx, demo.Config{Employees: 2000, Today: "2026-11-27"}, dict, b, nil)
	})
	if err == nil || !strings.Contains(err.Error(), "basis data kosong") {
		t.Fatalf("demo over an existing partner: %v", err)
	}
	if empty, err := s.IsEmpty(ctx); err != nil || !empty {
		t.Errorf("the failed load left data behind (%v)", err)
	}
}
