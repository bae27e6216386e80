package store_test

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"time"

	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/store"
)

// learningSeed adds a partner, a program targeting tech and an open event
// with two sessions and a quota to the seed organisation.
func learningSeed(t *testing.T, s *store.Store, capacity int) (learning.Partner, learning.Program, learning.Event) {
	t.Helper()
	ctx := context.Background()
	tech := seed(t, s)
	p, err := s.CreatePartner(ctx, "test", learning.Partner{Code: "ITB", Name: "Institut Teknologi Bandung", Kind: learning.PartnerUniversity})
	if err != nil {
		t.Fatal(err)
	}
	pr, err := s.CreateProgram(ctx, "test", learning.Program{Code: "SAMPAH", Title: "Pengelolaan Sampah Terpadu", JP: 16, ProviderID: p.ID,
		Method: learning.Klasikal, Form: development.Bimtek, Delivery: learning.InPerson, MinAttendance: 0.8,
		Targets: []learning.Target{{CompetencyID: tech.ID, Level: 3, MinLevel: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	wib := time.FixedZone("WIB", 7*3600)
	ev, err := s.CreateEvent(ctx, "test", learning.Event{ProgramID: pr.ID, Code: "SAMPAH-1", Title: "Angkatan I", StartsOn: day("2026-12-07"),
		EndsOn: day("2026-12-08"), Place: "Aula DLHK", Capacity: capacity, Status: learning.EventOpen,
		Sessions: []learning.Session{{Seq: 1, StartsAt: time.Date(2026, 12, 7, 6, 30, 0, 0, wib), EndsAt: time.Date(2026, 12, 7, 12, 0, 0, 0, wib)},
			{Seq: 2, StartsAt: time.Date(2026, 12, 8, 8, 0, 0, 0, wib), EndsAt: time.Date(2026, 12, 8, 12, 0, 0, 0, wib), Topic: "Praktik"}},
		Quotas: []learning.UnitQuota{{UnitID: 1, UnitCode: "DLHK", Quota: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	return p, pr, ev
}

func TestLearningRowsRoundTrip(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p, pr, ev := learningSeed(t, s, 5)
		doc := append([]byte("%PDF-1.7\n"), bytes.Repeat([]byte{0, 0xff, '\n'}, 1000)...)
		doc = append(doc, "%%EOF"...)
		ag, err := s.CreateAgreement(ctx, "test", learning.Agreement{PartnerID: p.ID, Number: "PKS/1/2026", StartsOn: day("2026-01-01"),
			EndsOn: day("2027-12-31"), Document: learning.Document{Name: "pks.pdf", ContentType: "application/pdf"}}, doc)
		if err != nil {
			t.Fatal(err)
		}
		d, data, err := s.AgreementDocument(ctx, ag.ID)
		if err != nil || !bytes.Equal(data, doc) || d.Size != int64(len(doc)) || d.Name != "pks.pdf" {
			t.Fatalf("document: %+v %d bytes %v", d, len(data), err)
		}
		rows, err := s.Agreements(ctx, p.ID)
		if err != nil || len(rows) != 1 || rows[0].PartnerCode != "ITB" || !rows[0].EndsOn.Equal(day("2027-12-31")) || rows[0].Document.Size != d.Size {
			t.Errorf("agreements: %+v %v", rows, err)
		}
		got, err := s.ProgramByCode(ctx, "sampah", day("2026-11-27"))
		if err != nil || got.ID != pr.ID || len(got.Targets) != 1 || got.Targets[0].MinLevel != 1 || !got.NextEvent.Equal(day("2026-12-07")) ||
			got.ProviderName != p.Name || got.Form != development.Bimtek {
			t.Errorf("program: %+v %v", got, err)
		}
		e, err := s.EventByCode(ctx, "SAMPAH-1")
		if err != nil || len(e.Sessions) != 2 || len(e.Quotas) != 1 || e.Quotas[0].UnitCode != "DLHK" {
			t.Fatalf("event: %+v %v", e, err)
		}
		// A session at 06:30 WIB on 7 December is 23:30 UTC on the 6th: the
		// instant survives, whatever the engine stores.
		if !e.Sessions[0].StartsAt.Equal(ev.Sessions[0].StartsAt) || e.Sessions[1].Topic != "Praktik" {
			t.Errorf("sessions: %+v", e.Sessions)
		}
		if _, err := s.CreateEvent(ctx, "test", learning.Event{ProgramID: pr.ID, Code: "SAMPAH-1", Title: "x", StartsOn: day("2026-12-07"),
			EndsOn: day("2026-12-07"), Place: "x", Capacity: 1, Status: learning.EventDraft}); !errors.Is(err, store.ErrConflict) {
			t.Errorf("duplicate event code: %v", err)
		}
	})
}

// TestEnrollmentStepIsAllOrNothing: a failing step writes nothing, not
// even its audit row; a skipped one writes nothing either; a live
// enrollment cannot be duplicated, a cancelled one can be followed by a
// new one.
func TestEnrollmentStepIsAllOrNothing(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		_, _, ev := learningSeed(t, s, 5)
		r, err := s.CreateEnrollment(ctx, "test", "enrollment.register", learning.Enrollment{EventID: ev.ID, EmployeeID: 2,
			State: learning.StatePendingApproval, Source: learning.SourceSelf})
		if err != nil {
			t.Fatal(err)
		}
		if r.NIP != "199001152015032001" || r.EventCode != "SAMPAH-1" || r.Sessions != 2 {
			t.Errorf("row: %+v", r)
		}
		_, err = s.CreateEnrollment(ctx, "test", "enrollment.register", learning.Enrollment{EventID: ev.ID, EmployeeID: 2,
			State: learning.StatePendingApproval, Source: learning.SourceSelf})
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("second live enrollment: %v", err)
		}
		auditRows := func() int {
			trail, err := s.AuditTrail(ctx, "employee", r.NIP, 100)
			if err != nil {
				t.Fatal(err)
			}
			return len(trail)
		}
		before := auditRows()
		boom := errors.New("boom")
		_, err = s.UpdateEnrollment(ctx, "test", r.ID, "enrollment.approve", func(e *learning.Enrollment, c store.StepContext) error {
			if c.Occupancy.Capacity != 5 || c.Occupancy.QuotaUnitID != 1 || c.Occupancy.Quota != 1 || c.NIP != r.NIP {
				t.Errorf("step context: %+v", c)
			}
			e.State = learning.StateAccepted
			return boom
		})
		if !errors.Is(err, boom) {
			t.Errorf("failing step: %v", err)
		}
		if _, err := s.UpdateEnrollment(ctx, "test", r.ID, "enrollment.noop", func(*learning.Enrollment, store.StepContext) error { return store.ErrSkip }); err != nil {
			t.Errorf("skipped step: %v", err)
		}
		got, _ := s.EnrollmentByID(ctx, r.ID)
		if got.State != learning.StatePendingApproval || auditRows() != before {
			t.Errorf("after a failed and a skipped step: %s, %d audit rows (was %d)", got.State, auditRows(), before)
		}
		got, err = s.UpdateEnrollment(ctx, "test", r.ID, "enrollment.cancel", func(e *learning.Enrollment, c store.StepContext) error {
			e.State = learning.StateCancelled
			return nil
		})
		if err != nil || got.State != learning.StateCancelled || auditRows() != before+1 {
			t.Errorf("cancel: %s %v", got.State, err)
		}
		if _, err := s.CreateEnrollment(ctx, "test", "enrollment.register", learning.Enrollment{EventID: ev.ID, EmployeeID: 2,
			State: learning.StatePendingApproval, Source: learning.SourceSelf}); err != nil {
			t.Errorf("register again after a cancellation: %v", err)
		}
		if _, err := s.UpdateEnrollment(ctx, "test", 999, "x", nil); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown enrollment: %v", err)
		}
		// The scope limit of the lists: employee 3 sees nothing of employee 2.
		rows, err := s.Enrollments(ctx, store.EnrollmentQuery{EventID: ev.ID, Within: &store.Within{EmployeeID: 3}})
		if err != nil || len(rows) != 0 {
			t.Errorf("out of scope: %+v %v", rows, err)
		}
		rows, err = s.Enrollments(ctx, store.EnrollmentQuery{EventID: ev.ID, Within: &store.Within{UnitCode: "DLHK"}, Live: true})
		if err != nil || len(rows) != 1 {
			t.Errorf("DLHK's live enrollments: %+v %v", rows, err)
		}
	})
}
