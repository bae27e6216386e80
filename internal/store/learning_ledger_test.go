package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/store"
)

// ts is a timestamp argument for raw fixture inserts.
func ts(s *store.Store, t time.Time) any {
	if s.Engine() == store.SQLite {
		return t.UTC().Format(time.RFC3339Nano)
	}
	return t.UTC()
}

// ledgerOrg adds to seed's organisation a provider, two programs (24 and
// 16 JP), three events with sessions, and returns their IDs.
type ledgerOrg struct {
	s        *store.Store
	programA int64 // 24 JP, pelatihan teknis
	programB int64 // 16 JP, bimtek
	eventA   int64 // program A, 2–6 March 2026
	eventA2  int64 // program A, 7–9 December 2026
	eventB   int64 // program B, 14–15 December 2026
	tech     int64 // the technical competency, program A's target
}

func newLedgerOrg(t *testing.T, s *store.Store) *ledgerOrg {
	t.Helper()
	ctx := context.Background()
	tech := seed(t, s)
	o := &ledgerOrg{s: s, tech: tech.ID}
	now := ts(s, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))
	err := s.InTx(ctx, func(tx *store.Tx) error {
		var partner int64
		if err := tx.QueryRow(ctx, `INSERT INTO partners (code, name, kind, created_at, updated_at)
			VALUES ('ITB', 'Institut Teknologi Bandung', 'universitas', $1, $1) RETURNING id`, now).Scan(&partner); err != nil {
			return err
		}
		prog := func(code, title string, jp int, form string) (id int64, err error) {
			err = tx.QueryRow(ctx, `INSERT INTO programs (code, title, jp, provider_partner_id, method, form, delivery, created_at, updated_at)
				VALUES ($1, $2, $3, $4, 'klasikal', $5, 'tatap_muka', $6, $6) RETURNING id`, code, title, jp, partner, form, now).Scan(&id)
			return id, err
		}
		var err error
		if o.programA, err = prog("PST", "Pengelolaan Sampah Terpadu", 24, "pelatihan_teknis"); err != nil {
			return err
		}
		if o.programB, err = prog("BPBJ", "Bimtek Pengadaan Barang/Jasa", 16, "bimtek"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO program_competencies (program_id, competency_id, target_level) VALUES ($1, $2, 3)`,
			o.programA, tech.ID); err != nil {
			return err
		}
		event := func(program int64, code, title, starts, ends string) (id int64, err error) {
			err = tx.QueryRow(ctx, `INSERT INTO events (program_id, code, title, starts_on, ends_on, place, capacity, status, created_at, updated_at)
				VALUES ($1, $2, $3, $4, $5, 'Aula BKPSDM, Jl. Wastukancana', 30, 'finished', $6, $6) RETURNING id`,
				program, code, title, starts, ends, now).Scan(&id)
			if err != nil {
				return 0, err
			}
			d, _ := time.Parse("2006-01-02", starts)
			for seq := 1; seq <= 2; seq++ {
				day := d.AddDate(0, 0, seq-1)
				if _, err := tx.Exec(ctx, `INSERT INTO event_sessions (event_id, seq, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, id, seq,
					ts(s, day.Add(1*time.Hour)), ts(s, day.Add(9*time.Hour))); err != nil {
					return 0, err
				}
			}
			return id, nil
		}
		if o.eventA, err = event(o.programA, "PST-2026-01", "Angkatan I", "2026-03-02", "2026-03-06"); err != nil {
			return err
		}
		if o.eventA2, err = event(o.programA, "PST-2026-02", "Angkatan II", "2026-12-07", "2026-12-09"); err != nil {
			return err
		}
		o.eventB, err = event(o.programB, "BPBJ-2026-01", "Angkatan I", "2026-12-14", "2026-12-15")
		return err
	})
	if err != nil {
		t.Fatalf("ledger fixture: %v", err)
	}
	return o
}

// enroll inserts an enrollment in a state; completed is its completion
// instant (zero: none).
func (o *ledgerOrg) enroll(t *testing.T, event, employee int64, state string, completed time.Time, itemID int64) int64 {
	t.Helper()
	ctx := context.Background()
	var id int64
	var done, item any
	if !completed.IsZero() {
		done = ts(o.s, completed)
	}
	if itemID != 0 {
		item = itemID
	}
	err := o.s.InTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO enrollments (event_id, employee_id, state, source, idp_item_id, completed_at, created_at, updated_at)
			VALUES ($1, $2, $3, 'admin', $4, $5, $6, $6) RETURNING id`, event, employee, state, item, done,
			ts(o.s, time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC))).Scan(&id)
	})
	if err != nil {
		t.Fatalf("enroll: %v", err)
	}
	return id
}

func claim(emp int64, title, form, on string, minutes int) learning.Claim {
	d, _ := time.Parse("2006-01-02", on)
	return learning.Claim{EmployeeID: emp, Title: title, Organiser: "Unpad", Form: development.Form(form), ActivityOn: d,
		Unit: learning.ClaimHours, ClaimedMinutes: minutes, CreditMinutes: minutes,
		Evidence: learning.Evidence{Name: "bukti.pdf", ContentType: "application/pdf", Size: 9, Data: []byte("%PDF-1.4\n")}}
}

func (o *ledgerOrg) decide(t *testing.T, id int64, status learning.ClaimStatus) {
	t.Helper()
	_, err := o.s.DecideJPClaim(context.Background(), "user:1", "199001152015032001", id, func(c *learning.Claim) error {
		c.Status, c.Comment, c.DecidedBy, c.DeciderName = status, "ok", "user:1", "Asep Suhendar"
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestJPLedgerAcrossYearsAndSources(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := newLedgerOrg(t, s)
		s.SetClock(func() time.Time { return time.Date(2027, 1, 10, 3, 0, 0, 0, time.UTC) })
		const euis = 2
		// Program A (24 JP) completed at 01:00 WIB on 2 January 2027: 2027.
		newYear := o.enroll(t, o.eventA2, euis, "completed", time.Date(2027, 1, 1, 18, 0, 0, 0, time.UTC), 0)
		// Program B (16 JP) completed at 23:30 WIB on 31 December 2026: 2026.
		o.enroll(t, o.eventB, euis, "completed", time.Date(2026, 12, 31, 16, 30, 0, 0, time.UTC), 0)
		// Someone else's completion at half a second past midnight WIB: 2027.
		o.enroll(t, o.eventB, 1, "completed", time.Date(2026, 12, 31, 17, 0, 0, 500_000_000, time.UTC), 0)

		// Claims: a December 2026 seminar approved in January 2027 counts in
		// 2026; a pending and a rejected one count nowhere.
		dec, err := s.CreateJPClaim(ctx, "user:2", "199001152015032001", claim(euis, "Seminar Iklim", "seminar", "2026-12-20", 150))
		if err != nil {
			t.Fatal(err)
		}
		o.decide(t, dec, learning.ClaimApproved)
		jan, _ := s.CreateJPClaim(ctx, "user:2", "199001152015032001", claim(euis, "Kursus Data", "kursus", "2027-01-05", 180))
		o.decide(t, jan, learning.ClaimApproved)
		pending, _ := s.CreateJPClaim(ctx, "user:2", "199001152015032001", claim(euis, "Lokakarya", "workshop", "2027-01-06", 240))
		rejected, _ := s.CreateJPClaim(ctx, "user:2", "199001152015032001", claim(euis, "Sarasehan", "seminar", "2027-01-07", 90))
		o.decide(t, rejected, learning.ClaimRejected)

		// The 2027 plan: coaching done (2 JP by the table); e-learning done
		// but carried by an enrollment; mentoring done but carried by a
		// claim; a classroom item done; coaching still planned.
		dict, _ := s.Competencies(ctx, false)
		item := func(comp int, form development.Form, st development.ItemStatus) development.Item {
			return development.Item{CompetencyID: dict[comp].ID, TargetLevel: 2, Form: form, PlannedJP: 2, StartMonth: 1, EndMonth: 3,
				Source: development.SourceGap, Status: st}
		}
		at := time.Date(2027, 1, 3, 0, 0, 0, 0, time.UTC)
		plan, err := s.CreateIDP(ctx, "user:2", "199001152015032001", development.Plan{EmployeeID: euis, Year: 2027,
			Status: development.StatusApproved, TargetJP: 20, CreatedAt: at, UpdatedAt: at, Items: []development.Item{
				item(0, development.Coaching, development.ItemDone), item(1, development.ELearning, development.ItemDone),
				item(2, development.Mentoring, development.ItemDone), item(3, development.PelatihanTeknis, development.ItemDone),
				item(4, development.Coaching, development.ItemPlanned)}})
		if err != nil {
			t.Fatal(err)
		}
		// Attended but not completed: neither the enrollment nor the item it
		// carries credits.
		o.enroll(t, o.eventA, euis, "attended", time.Time{}, plan.Items[1].ID)
		mentor := claim(euis, "Mentoring", "mentoring", "2027-01-08", 90)
		mentor.IDPItemID = plan.Items[2].ID
		m, err := s.CreateJPClaim(ctx, "user:2", "199001152015032001", mentor)
		if err != nil {
			t.Fatal(err)
		}
		o.decide(t, m, learning.ClaimApproved)

		pol := learning.DefaultJPPolicy()
		entries, err := s.JPEntries(ctx, euis, 2027, pol)
		if err != nil {
			t.Fatal(err)
		}
		l := learning.BuildJPLedger(2027, 20, entries)
		by := l.BySource()
		if by[learning.JPFromEvent] != 24*45 || by[learning.JPFromClaim] != 180+90 || by[learning.JPFromActivity] != 2*45 || len(l.Entries) != 4 {
			t.Fatalf("2027 ledger: %v in %d entries: %+v", by, len(l.Entries), l.Entries)
		}
		var ev learning.JPEntry
		for _, e := range l.Entries {
			if e.Source == learning.JPFromEvent {
				ev = e
			}
		}
		if ev.Ref != newYear || ev.Title != "Pengelolaan Sampah Terpadu — Angkatan II" || !ev.On.Equal(day("2027-01-02")) {
			t.Errorf("event entry %+v", ev)
		}
		entries26, err := s.JPEntries(ctx, euis, 2026, pol)
		if err != nil {
			t.Fatal(err)
		}
		l26 := learning.BuildJPLedger(2026, 20, entries26)
		if l26.Progress.Minutes != 16*45+150 || len(l26.Entries) != 2 {
			t.Errorf("2026 ledger: %d minutes, %+v", l26.Progress.Minutes, l26.Entries)
		}
		_ = pending

		// The set-based query agrees with the detail, per employee and year.
		rows, err := s.JPProgress(ctx, store.Filter{UnitCode: "DLHK"}, 2027, pol)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) != 2 || rows[0].Name != "Asep Suhendar" || rows[1].Name != "Euis Komariah" {
			t.Fatalf("rows %+v", rows)
		}
		if r := rows[1]; r.EventMinutes != by[learning.JPFromEvent] || r.ClaimMinutes != by[learning.JPFromClaim] ||
			r.ActivityMinutes != by[learning.JPFromActivity] || r.Minutes() != l.Progress.Minutes || r.Kind != "pns" || r.SupervisorID != 1 {
			t.Errorf("Euis 2027: %+v, want %v", r, by)
		}
		if r := rows[0]; r.EventMinutes != 16*45 || r.Minutes() != 16*45 {
			t.Errorf("Asep 2027 (completed 00:00:00.5 WIB on 1 January): %+v", r)
		}
		rows, err = s.JPProgress(ctx, store.Filter{UnitCode: "DLHK"}, 2026, pol)
		if err != nil || rows[0].Minutes() != 0 || rows[1].Minutes() != 16*45+150 || rows[1].ActivityMinutes != 0 {
			t.Errorf("2026 rows %+v %v", rows, err)
		}
		// A policy without coaching in the table credits no activity.
		none := learning.JPPolicy{Target: pol.Target}
		if rows, err := s.JPProgress(ctx, store.Filter{IDs: []int64{euis}}, 2027, none); err != nil || rows[0].ActivityMinutes != 0 {
			t.Errorf("empty table: %+v %v", rows, err)
		}
		// Scope applies: an employee sees only themself.
		rows, err = s.JPProgress(ctx, store.Filter{Within: &store.Within{EmployeeID: 3}}, 2027, pol)
		if err != nil || len(rows) != 1 || rows[0].Name != "Dede Rahmawati" || rows[0].Kind != "pppk" {
			t.Errorf("scoped rows %+v %v", rows, err)
		}
	})
}

func TestJPClaimStore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := newLedgerOrg(t, s)
		s.SetClock(func() time.Time { return time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC) })
		c := claim(2, "Seminar Nasional", "seminar", "2026-10-14", 150)
		c.Evidence.Data = append([]byte("%PDF-1.7\n"), make([]byte, 300_000)...)
		c.Evidence.Size = len(c.Evidence.Data)
		id, err := s.CreateJPClaim(ctx, "user:2", "199001152015032001", c)
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.JPClaim(ctx, id)
		if err != nil || got.Status != learning.ClaimPending || got.Title != "Seminar Nasional" || !got.ActivityOn.Equal(day("2026-10-14")) ||
			got.Evidence.Size != 300_009 || got.Evidence.Data != nil || got.CreatedBy != "user:2" {
			t.Fatalf("claim read back: %+v %v", got, err)
		}
		ev, err := s.JPClaimEvidence(ctx, id)
		if err != nil || len(ev.Data) != 300_009 || ev.ContentType != "application/pdf" {
			t.Fatalf("evidence: %d bytes %v", len(ev.Data), err)
		}
		// The supervisor's queue holds it; another supervisor's does not.
		if rows, err := s.JPClaims(ctx, store.ClaimQuery{SupervisorID: 1, Status: learning.ClaimPending}); err != nil || len(rows) != 1 ||
			rows[0].Name != "Euis Komariah" || rows[0].ID != id {
			t.Errorf("supervisor queue %+v %v", rows, err)
		}
		if rows, _ := s.JPClaims(ctx, store.ClaimQuery{SupervisorID: 3}); len(rows) != 0 {
			t.Errorf("foreign queue %+v", rows)
		}
		if rows, _ := s.JPClaims(ctx, store.ClaimQuery{Within: &store.Within{UnitCode: "BKPSDM"}}); len(rows) != 0 {
			t.Errorf("out-of-scope claims listed: %+v", rows)
		}
		o.decide(t, id, learning.ClaimApproved)
		_, err = s.DecideJPClaim(ctx, "user:1", "199001152015032001", id, func(c *learning.Claim) error {
			c.Status = learning.ClaimRejected
			return nil
		})
		if !errors.Is(err, store.ErrConflict) {
			t.Errorf("second decision: %v", err)
		}
		// A failing decision writes nothing.
		id2, _ := s.CreateJPClaim(ctx, "user:2", "199001152015032001", claim(2, "Kursus", "kursus", "2026-10-20", 60))
		_, err = s.DecideJPClaim(ctx, "user:1", "199001152015032001", id2, func(c *learning.Claim) error { return errors.New("no") })
		if got, _ := s.JPClaim(ctx, id2); err == nil || got.Status != learning.ClaimPending {
			t.Errorf("failed decision changed the claim: %v %v", got.Status, err)
		}
		trail, _ := s.AuditTrail(ctx, "employee", "199001152015032001", 10)
		actions := map[string]int{}
		for _, a := range trail {
			actions[a.Action]++
		}
		if actions["jp_claim.create"] != 2 || actions["jp_claim.decide"] != 1 {
			t.Errorf("audit %v", actions)
		}
		if _, err := s.JPClaim(ctx, 999); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown claim: %v", err)
		}
	})
}
