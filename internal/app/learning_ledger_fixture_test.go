package app_test

import (
	"context"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
)

// ledgerOrg is the performance test organisation (today 27 November 2026)
// with a provider (ITB), two programs and three events:
//
//	P (24 JP, target M.4 level 3): event E 2–6 March 2026, event F 16–18
//	November 2026 (ended nine days ago); Q (16 JP): event G 7–8 December
//	2026, open.
type ledgerOrg struct {
	*perfOrg
	programP, programQ int64
	eventE, eventF     int64
	eventG             int64
	m4                 int64
}

func newLedgerOrg(t *testing.T) *ledgerOrg {
	t.Helper()
	o := &ledgerOrg{perfOrg: newPerfOrg(t)}
	o.m4 = o.dict["M.4"]
	ctx := context.Background()
	s := o.a.Store
	now := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC).Format(time.RFC3339Nano)
	err := s.InTx(ctx, func(tx *store.Tx) error {
		var partner int64
		if err := tx.QueryRow(ctx, `INSERT INTO partners (code, name, kind, created_at, updated_at)
			VALUES ('ITB', 'Institut Teknologi Bandung', 'universitas', $1, $1) RETURNING id`, now).Scan(&partner); err != nil {
			return err
		}
		prog := func(code, title string, jp int) (id int64, err error) {
			err = tx.QueryRow(ctx, `INSERT INTO programs (code, title, jp, provider_partner_id, method, form, delivery, created_at, updated_at)
				VALUES ($1, $2, $3, $4, 'klasikal', 'pelatihan_teknis', 'tatap_muka', $5, $5) RETURNING id`, code, title, jp, partner, now).Scan(&id)
			return id, err
		}
		var err error
		if o.programP, err = prog("PMK", "Pengembangan Orientasi pada Hasil", 24); err != nil {
			return err
		}
		if o.programQ, err = prog("BPBJ", "Bimtek Pengadaan Barang/Jasa", 16); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO program_competencies (program_id, competency_id, target_level) VALUES ($1, $2, 3)`,
			o.programP, o.m4); err != nil {
			return err
		}
		event := func(program int64, code, starts, ends, status string) (id int64, err error) {
			err = tx.QueryRow(ctx, `INSERT INTO events (program_id, code, title, starts_on, ends_on, place, capacity, status, created_at, updated_at)
				VALUES ($1, $2, 'Angkatan I', $3, $4, 'Aula BKPSDM', 30, $5, $6, $6) RETURNING id`, program, code, starts, ends, status, now).Scan(&id)
			if err != nil {
				return 0, err
			}
			d, _ := time.Parse("2006-01-02", starts)
			for seq := 1; seq <= 2; seq++ {
				day := d.AddDate(0, 0, seq-1)
				if _, err := tx.Exec(ctx, `INSERT INTO event_sessions (event_id, seq, starts_at, ends_at) VALUES ($1, $2, $3, $4)`, id, seq,
					day.Add(time.Hour).Format(time.RFC3339Nano), day.Add(9*time.Hour).Format(time.RFC3339Nano)); err != nil {
					return 0, err
				}
			}
			return id, nil
		}
		if o.eventE, err = event(o.programP, "PMK-2026-01", "2026-03-02", "2026-03-06", "finished"); err != nil {
			return err
		}
		if o.eventF, err = event(o.programP, "PMK-2026-02", "2026-11-16", "2026-11-18", "finished"); err != nil {
			return err
		}
		o.eventG, err = event(o.programQ, "BPBJ-2026-01", "2026-12-07", "2026-12-08", "open")
		return err
	})
	if err != nil {
		t.Fatalf("ledger fixture: %v", err)
	}
	return o
}

// enroll inserts an enrollment; completed (zero: none) is its completion.
func (o *ledgerOrg) enroll(t *testing.T, event, employee int64, state string, completed time.Time) int64 {
	t.Helper()
	ctx := context.Background()
	var done any
	if !completed.IsZero() {
		done = completed.UTC().Format(time.RFC3339Nano)
	}
	var id int64
	err := o.a.Store.InTx(ctx, func(tx *store.Tx) error {
		return tx.QueryRow(ctx, `INSERT INTO enrollments (event_id, employee_id, state, source, completed_at, created_at, updated_at)
			VALUES ($1, $2, $3, 'admin', $4, $5, $5) RETURNING id`, event, employee, state, done,
			time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC).Format(time.RFC3339Nano)).Scan(&id)
	})
	if err != nil {
		t.Fatalf("enroll: %v", err)
	}
	return id
}

// assess records a final assessment of M.4 at the store (any date).
func (o *ledgerOrg) assess(t *testing.T, emp int64, src competency.Source, level int, on string) {
	t.Helper()
	d, _ := time.Parse("2006-01-02", on)
	if _, err := o.a.Store.AddAssessment(context.Background(), "test", o.nip[emp], "M.4", competency.Assessment{EmployeeID: emp,
		CompetencyID: o.m4, Source: src, Level: level, AssessedOn: d, Status: competency.Final, RecordedAt: d}); err != nil {
		t.Fatal(err)
	}
}

// m4Line is an employee's M.4 line of the gap report today.
func (o *ledgerOrg) m4Line(t *testing.T, emp int64) competency.Line {
	t.Helper()
	g, err := o.a.EmployeeGaps(context.Background(), o.admin, o.nip[emp], o.a.Today())
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range g.Lines {
		if l.CompetencyID == o.m4 {
			return l.Line
		}
	}
	t.Fatalf("M.4 not in the standard of %d", emp)
	return competency.Line{}
}
