package store_test

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"asah/internal/certificate"
	"asah/internal/store"
)

func TestCertificateStore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := newLedgerOrg(t, s)
		s.SetClock(func() time.Time { return time.Date(2026, 3, 9, 3, 0, 0, 0, time.UTC) })
		e1 := o.enroll(t, o.eventA, 2, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC), 0)
		e2 := o.enroll(t, o.eventA, 1, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC), 0)

		info, err := s.EnrollmentInfo(ctx, e1)
		if err != nil || info.Name != "Euis Komariah" || info.ProgramTitle != "Pengelolaan Sampah Terpadu" || info.JP != 24 ||
			info.Provider != "Institut Teknologi Bandung" || !info.StartsOn.Equal(day("2026-03-02")) || info.SupervisorID != 1 ||
			info.State != "completed" || info.NIP != "199001152015032001" {
			t.Fatalf("enrollment info %+v %v", info, err)
		}

		// Eight concurrent downloads of one new certificate: one number.
		var wg sync.WaitGroup
		got := make([]store.CertificateRow, 8)
		errs := make([]error, 8)
		for i := range got {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got[i], _, errs[i] = s.IssueCertificate(ctx, "user:2", info.NIP, e1, 2026, certificate.NewCode())
			}()
		}
		wg.Wait()
		for i := range got {
			if errs[i] != nil || got[i].ID != got[0].ID || got[i].Code != got[0].Code {
				t.Fatalf("concurrent issue %d: %+v %v (first %+v)", i, got[i], errs[i], got[0])
			}
		}
		c1 := got[0]
		if c1.Number != "ASAH/2026/000001" || !certificate.ValidCode(c1.Code) {
			t.Errorf("first certificate %+v", c1)
		}
		again, created, err := s.IssueCertificate(ctx, "user:2", info.NIP, e1, 2026, certificate.NewCode())
		if err != nil || created || again.ID != c1.ID || again.Number != c1.Number {
			t.Errorf("get of an existing certificate: %+v created=%v %v", again, created, err)
		}
		c2, created, err := s.IssueCertificate(ctx, "user:1", "197503122000121002", e2, 2026, certificate.NewCode())
		if err != nil || !created || c2.Number != "ASAH/2026/000002" {
			t.Errorf("second certificate %+v %v", c2, err)
		}
		if c, err := s.CertificateByNumber(ctx, c2.Number); err != nil || c.EnrollmentID != e2 {
			t.Errorf("by number %+v %v", c, err)
		}

		chk, err := s.CheckCertificate(ctx, c1.Code)
		if err != nil || chk.Revoked || chk.Holder != "Euis Komariah" || chk.Program != "Pengelolaan Sampah Terpadu" ||
			!chk.CompletedAt.Equal(time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC)) {
			t.Errorf("check %+v %v", chk, err)
		}
		if _, err := s.CheckCertificate(ctx, certificate.NewCode()); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown code: %v", err)
		}
		r, err := s.RevokeCertificate(ctx, "user:1", info.NIP, c1.ID, "data kehadiran keliru")
		if err != nil || !r.Revoked() || r.RevokeReason != "data kehadiran keliru" {
			t.Fatalf("revoke %+v %v", r, err)
		}
		if chk, err := s.CheckCertificate(ctx, c1.Code); err != nil || !chk.Revoked || chk.Holder != "Euis Komariah" {
			t.Errorf("check after revoke %+v %v", chk, err)
		}
		if _, err := s.RevokeCertificate(ctx, "user:1", info.NIP, c1.ID, "lagi"); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second revoke: %v", err)
		}
		// A revoked certificate stays the enrollment's: no new number.
		if c, created, err := s.IssueCertificate(ctx, "user:2", info.NIP, e1, 2026, certificate.NewCode()); err != nil || created || c.ID != c1.ID || !c.Revoked() {
			t.Errorf("issue after revoke %+v %v", c, err)
		}
		trail, _ := s.AuditTrail(ctx, "employee", info.NIP, 20)
		n := map[string]int{}
		for _, a := range trail {
			n[a.Action]++
		}
		if n["certificate.issue"] != 1 || n["certificate.revoke"] != 1 {
			t.Errorf("audit %v", n)
		}
	})
}

func TestCalendarStore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := newLedgerOrg(t, s)
		o.enroll(t, o.eventA, 2, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC), 0)
		o.enroll(t, o.eventB, 2, "accepted", time.Time{}, 0)
		o.enroll(t, o.eventA2, 2, "waitlisted", time.Time{}, 0)
		if err := s.SetCalendarToken(ctx, "user:2", "199001152015032001", 2, "hash-1"); err != nil {
			t.Fatal(err)
		}
		if id, err := s.CalendarTokenOwner(ctx, "hash-1"); err != nil || id != 2 {
			t.Errorf("owner %d %v", id, err)
		}
		if err := s.SetCalendarToken(ctx, "user:2", "199001152015032001", 2, "hash-2"); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CalendarTokenOwner(ctx, "hash-1"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("rotated token still resolves: %v", err)
		}
		if ok, _, err := s.HasCalendarToken(ctx, 2); !ok || err != nil {
			t.Errorf("has token %v %v", ok, err)
		}
		items, err := s.EmployeeCalendar(ctx, 2, day("2026-01-01"))
		if err != nil || len(items) != 4 || items[0].EventCode != "PST-2026-01" || items[2].EventCode != "BPBJ-2026-01" ||
			items[0].Seq != 1 || !items[0].StartsAt.Equal(time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)) || items[0].Place == "" {
			t.Fatalf("feed items %+v %v", items, err)
		}
		if items, _ := s.EmployeeCalendar(ctx, 2, day("2026-06-01")); len(items) != 2 {
			t.Errorf("feed from June: %d items", len(items))
		}
		if items, err := s.EventCalendar(ctx, "BPBJ-2026-01"); err != nil || len(items) != 2 || items[1].Seq != 2 {
			t.Errorf("event calendar %+v %v", items, err)
		}
		trail, _ := s.AuditTrail(ctx, "employee", "199001152015032001", 10)
		if len(trail) != 2 || trail[0].Action != "calendar.token_rotate" || trail[1].Action != "calendar.token_create" {
			t.Errorf("audit %+v", trail)
		}
	})
}
