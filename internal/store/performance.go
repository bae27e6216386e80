package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	"asah/internal/performance"
)

// rowQuerier reads inside a write transaction (*Tx) or from the read pool
// (readPool), so that loaders serve both.
type rowQuerier interface {
	QueryRow(ctx context.Context, query string, args ...any) *sql.Row
	Query(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

type readPool struct{ s *Store }

func (r readPool) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return r.s.queryRow(ctx, query, args...)
}

func (r readPool) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return r.s.query(ctx, query, args...)
}

// forUpdate locks the rows a write transaction reads on PostgreSQL; SQLite's
// IMMEDIATE transactions hold the database lock already.
func (s *Store) forUpdate() string {
	if s.engine == Postgres {
		return " FOR UPDATE"
	}
	return ""
}

// nullTimeArg is timeArg with the zero time as NULL.
func nullTimeArg(s *Store, t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return timeArg(s, t)
}

func yearKey(nip string, year int) string { return nip + "/" + strconv.Itoa(year) }

// ---- periods ----

const periodSelect = `SELECT id, year, seq, name, frequency, starts_on, ends_on, status FROM skp_periods`

// periodOrder sorts the periodic evaluations by number and the annual one last.
const periodOrder = ` ORDER BY year, CASE WHEN seq = 0 THEN 99 ELSE seq END`

func scanPeriod(sc interface{ Scan(...any) error }) (performance.Period, error) {
	var p performance.Period
	var f, st string
	err := sc.Scan(&p.ID, &p.Year, &p.Seq, &p.Name, &f, dateCol{&p.Start}, dateCol{&p.End}, &st)
	p.Frequency, p.Status = performance.Frequency(f), performance.PeriodStatus(st)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// Periods lists the evaluation periods of a year (every year when year is
// 0), periodic ones first, the annual one last.
func (s *Store) Periods(ctx context.Context, year int) ([]performance.Period, error) {
	rows, err := s.query(ctx, periodSelect+` WHERE $1 = 0 OR year = $1`+periodOrder, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []performance.Period
	for rows.Next() {
		p, err := scanPeriod(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// Period finds one period of a year (seq 0: the annual evaluation).
func (s *Store) Period(ctx context.Context, year, seq int) (performance.Period, error) {
	return scanPeriod(s.queryRow(ctx, periodSelect+` WHERE year = $1 AND seq = $2`, year, seq))
}

// CreatePeriods opens a performance year with its periods, audited. A year
// that already has periods gives ErrConflict.
func (s *Store) CreatePeriods(ctx context.Context, actor string, ps []performance.Period) error {
	if len(ps) == 0 {
		return errors.New("tidak ada periode")
	}
	year := ps[0].Year
	return s.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM skp_periods WHERE year = $1`, year).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: periode tahun kinerja %d sudah dibuat", ErrConflict, year)
		}
		var names []string
		for _, p := range ps {
			if p.Year != year {
				return fmt.Errorf("periode %s bukan tahun %d", p.Title(), year)
			}
			if _, err := tx.Exec(ctx, `INSERT INTO skp_periods (year, seq, name, frequency, starts_on, ends_on, status)
				VALUES ($1, $2, $3, $4, $5, $6, $7)`, p.Year, p.Seq, p.Name, string(p.Frequency), dateArg(p.Start), dateArg(p.End),
				string(p.Status)); err != nil {
				return err
			}
			names = append(names, p.Name)
		}
		return audit(ctx, tx, actor, "performance.year.create", "performance_year", strconv.Itoa(year), nil,
			map[string]any{"frequency": ps[0].Frequency, "periods": names})
	})
}

// UpdatePeriod changes one period in a transaction: fn gets the stored
// period and changes it (status only); the change is audited.
func (s *Store) UpdatePeriod(ctx context.Context, actor string, year, seq int, fn func(*performance.Period) error) (performance.Period, error) {
	var out performance.Period
	err := s.InTx(ctx, func(tx *Tx) error {
		p, err := scanPeriod(tx.QueryRow(ctx, periodSelect+` WHERE year = $1 AND seq = $2`+s.forUpdate(), year, seq))
		if err != nil {
			return err
		}
		before := p
		if err := fn(&p); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE skp_periods SET status = $1 WHERE id = $2`, string(p.Status), p.ID); err != nil {
			return err
		}
		out = p
		return audit(ctx, tx, actor, "performance.period.status", "performance_period", p.Title(),
			map[string]any{"status": before.Status}, map[string]any{"status": p.Status})
	})
	return out, err
}

// ---- SKP ----

const skpSelect = `SELECT id, employee_id, year, COALESCE(rater_id, 0), status, plan_json, employee_agreed_at, rater_agreed_at,
	created_at, updated_at FROM skps`

// SKP loads the SKP of an employee for a year with its evaluations, notes
// and feedback; ErrNotFound when there is none.
func (s *Store) SKP(ctx context.Context, employeeID int64, year int) (performance.SKP, error) {
	return s.loadSKP(ctx, readPool{s}, employeeID, year, "")
}

func (s *Store) loadSKP(ctx context.Context, q rowQuerier, employeeID int64, year int, lock string) (performance.SKP, error) {
	var k performance.SKP
	var st, plan string
	err := q.QueryRow(ctx, skpSelect+` WHERE employee_id = $1 AND year = $2`+lock, employeeID, year).Scan(&k.ID, &k.EmployeeID, &k.Year,
		&k.RaterID, &st, &plan, timeCol{&k.EmployeeAgreedAt}, timeCol{&k.RaterAgreedAt}, timeCol{&k.CreatedAt}, timeCol{&k.UpdatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return k, ErrNotFound
	}
	if err != nil {
		return k, err
	}
	k.Status = performance.Status(st)
	if plan != "" {
		if err := jsonUnmarshal(plan, &k.Plan); err != nil {
			return k, fmt.Errorf("SKP %d: rencana tersimpan rusak: %v", k.ID, err)
		}
	}
	rows, err := q.Query(ctx, `SELECT ev.id, ev.period_id, p.seq, ev.hasil, ev.perilaku, ev.predikat, ev.note, ev.evaluated_on,
		COALESCE(ev.rater_id, 0), ev.rater_name, ev.acknowledged_at
		FROM skp_evaluations ev JOIN skp_periods p ON p.id = ev.period_id WHERE ev.skp_id = $1
		ORDER BY CASE WHEN p.seq = 0 THEN 99 ELSE p.seq END`, k.ID)
	if err != nil {
		return k, err
	}
	idx := map[int64]int{}
	for rows.Next() {
		var e performance.Evaluation
		var h, pr, pd string
		if err := rows.Scan(&e.ID, &e.PeriodID, &e.PeriodSeq, &h, &pr, &pd, &e.Note, dateCol{&e.EvaluatedOn}, &e.RaterID, &e.RaterName,
			timeCol{&e.AcknowledgedAt}); err != nil {
			rows.Close()
			return k, err
		}
		e.Hasil, e.Perilaku, e.Predikat = performance.Rating(h), performance.Rating(pr), performance.Predikat(pd)
		idx[e.ID] = len(k.Evaluations)
		k.Evaluations = append(k.Evaluations, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return k, err
	}
	if len(k.Evaluations) > 0 {
		rows, err := q.Query(ctx, `SELECT n.evaluation_id, n.kind, n.competency_id, n.note FROM skp_notes n
			JOIN skp_evaluations ev ON ev.id = n.evaluation_id WHERE ev.skp_id = $1 ORDER BY n.id`, k.ID)
		if err != nil {
			return k, err
		}
		for rows.Next() {
			var eid int64
			var n performance.Note
			var kind string
			if err := rows.Scan(&eid, &kind, &n.CompetencyID, &n.Text); err != nil {
				rows.Close()
				return k, err
			}
			n.Kind = performance.NoteKind(kind)
			if i, ok := idx[eid]; ok {
				k.Evaluations[i].Notes = append(k.Evaluations[i].Notes, n)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return k, err
		}
	}
	frows, err := q.Query(ctx, `SELECT id, at, COALESCE(author_id, 0), author, note FROM skp_feedback WHERE skp_id = $1 ORDER BY at, id`, k.ID)
	if err != nil {
		return k, err
	}
	defer frows.Close()
	for frows.Next() {
		var f performance.Feedback
		if err := frows.Scan(&f.ID, timeCol{&f.At}, &f.AuthorID, &f.Author, &f.Text); err != nil {
			return k, err
		}
		k.Feedback = append(k.Feedback, f)
	}
	return k, frows.Err()
}

// SKPSummary is one year of an employee's SKP history.
type SKPSummary struct {
	Year     int
	Status   performance.Status
	Predikat performance.Predikat // of the annual evaluation; "" before it
}

// SKPHistory lists an employee's SKPs, newest year first.
func (s *Store) SKPHistory(ctx context.Context, employeeID int64) ([]SKPSummary, error) {
	rows, err := s.query(ctx, `SELECT k.year, k.status, COALESCE((SELECT ev.predikat FROM skp_evaluations ev
		JOIN skp_periods p ON p.id = ev.period_id WHERE ev.skp_id = k.id AND p.seq = 0), '')
		FROM skps k WHERE k.employee_id = $1 ORDER BY k.year DESC`, employeeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []SKPSummary
	for rows.Next() {
		var x SKPSummary
		var st, pd string
		if err := rows.Scan(&x.Year, &st, &pd); err != nil {
			return nil, err
		}
		x.Status, x.Predikat = performance.Status(st), performance.Predikat(pd)
		out = append(out, x)
	}
	return out, rows.Err()
}

// finalPredikat is what skps.final_predikat holds: the annual predikat of a
// final SKP, "" before.
func finalPredikat(k *performance.SKP) string {
	p, _ := k.FinalPredikat()
	return string(p)
}

func marshalPlan(p performance.Plan) (string, error) {
	if len(p.Results) == 0 && len(p.Expectations) == 0 {
		return "", nil
	}
	return jsonMarshal(p)
}

// CreateSKP stores a new SKP (its plan only; evaluations come through
// UpdateSKP), audited against the employee's NIP. A second SKP for the same
// year gives ErrConflict.
func (s *Store) CreateSKP(ctx context.Context, actor, nip string, k performance.SKP) (int64, error) {
	plan, err := marshalPlan(k.Plan)
	if err != nil {
		return 0, err
	}
	var id int64
	err = s.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM skps WHERE employee_id = $1 AND year = $2`, k.EmployeeID, k.Year).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: SKP tahun %d untuk pegawai ini sudah ada", ErrConflict, k.Year)
		}
		if err := tx.QueryRow(ctx, `INSERT INTO skps (employee_id, year, rater_id, status, plan_json, final_predikat, employee_agreed_at,
			rater_agreed_at, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			k.EmployeeID, k.Year, nullID(k.RaterID), string(k.Status), plan, finalPredikat(&k), nullTimeArg(s, k.EmployeeAgreedAt),
			nullTimeArg(s, k.RaterAgreedAt), timeArg(s, k.CreatedAt), timeArg(s, k.UpdatedAt)).Scan(&id); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "skp.create", "employee", nip, nil,
			map[string]any{"skp_id": id, "year": k.Year, "rater_id": k.RaterID, "status": k.Status})
	})
	return id, err
}

// UpdateSKP changes one SKP in a transaction: it loads the SKP (locked), lets
// fn change it (fn applies the workflow and returns what the audit row shows
// as before and after), writes the changes — the SKP row, new or changed
// evaluations with their notes, new feedback — and the audit row under
// action, against the employee's NIP. Nothing is written when fn fails.
func (s *Store) UpdateSKP(ctx context.Context, actor, nip string, employeeID int64, year int, action string,
	fn func(k *performance.SKP) (before, after any, err error)) (performance.SKP, error) {
	var out performance.SKP
	err := s.InTx(ctx, func(tx *Tx) error {
		old, err := s.loadSKP(ctx, tx, employeeID, year, s.forUpdate())
		if err != nil {
			return err
		}
		k := old
		k.Evaluations = slices.Clone(old.Evaluations)
		k.Feedback = slices.Clone(old.Feedback)
		before, after, err := fn(&k)
		if err != nil {
			return err
		}
		if err := s.writeSKP(ctx, tx, &old, &k); err != nil {
			return err
		}
		out = k
		if m, ok := after.(map[string]any); ok {
			m["year"] = year
		}
		return audit(ctx, tx, actor, action, "employee", nip, before, after)
	})
	return out, err
}

// writeSKP writes what changed from old to k; k gets the IDs of new rows.
func (s *Store) writeSKP(ctx context.Context, tx *Tx, old, k *performance.SKP) error {
	plan, err := marshalPlan(k.Plan)
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, `UPDATE skps SET rater_id = $1, status = $2, plan_json = $3, final_predikat = $4, employee_agreed_at = $5,
		rater_agreed_at = $6, updated_at = $7 WHERE id = $8`, nullID(k.RaterID), string(k.Status), plan, finalPredikat(k),
		nullTimeArg(s, k.EmployeeAgreedAt), nullTimeArg(s, k.RaterAgreedAt), timeArg(s, k.UpdatedAt), k.ID); err != nil {
		return err
	}
	prev := map[int64]performance.Evaluation{}
	for _, e := range old.Evaluations {
		prev[e.ID] = e
	}
	for i := range k.Evaluations {
		e := &k.Evaluations[i]
		p, existed := prev[e.ID]
		switch {
		case e.ID == 0 || !existed:
			if err := tx.QueryRow(ctx, `INSERT INTO skp_evaluations (skp_id, period_id, hasil, perilaku, predikat, note, evaluated_on,
				rater_id, rater_name, acknowledged_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
				k.ID, e.PeriodID, string(e.Hasil), string(e.Perilaku), string(e.Predikat), e.Note, dateArg(e.EvaluatedOn),
				nullID(e.RaterID), e.RaterName, nullTimeArg(s, e.AcknowledgedAt)).Scan(&e.ID); err != nil {
				return err
			}
			if err := insertNotes(ctx, tx, e.ID, e.Notes); err != nil {
				return err
			}
		case !sameEvaluation(p, *e):
			if _, err := tx.Exec(ctx, `UPDATE skp_evaluations SET hasil = $1, perilaku = $2, predikat = $3, note = $4, evaluated_on = $5,
				rater_id = $6, rater_name = $7, acknowledged_at = $8 WHERE id = $9`, string(e.Hasil), string(e.Perilaku), string(e.Predikat),
				e.Note, dateArg(e.EvaluatedOn), nullID(e.RaterID), e.RaterName, nullTimeArg(s, e.AcknowledgedAt), e.ID); err != nil {
				return err
			}
			if !slices.Equal(p.Notes, e.Notes) {
				if _, err := tx.Exec(ctx, `DELETE FROM skp_notes WHERE evaluation_id = $1`, e.ID); err != nil {
					return err
				}
				if err := insertNotes(ctx, tx, e.ID, e.Notes); err != nil {
					return err
				}
			}
		}
		delete(prev, e.ID)
	}
	if len(prev) > 0 {
		return errors.New("evaluasi SKP tidak dapat dihapus")
	}
	for i := range k.Feedback {
		f := &k.Feedback[i]
		if f.ID != 0 {
			continue
		}
		if err := tx.QueryRow(ctx, `INSERT INTO skp_feedback (skp_id, at, author_id, author, note) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			k.ID, timeArg(s, f.At), nullID(f.AuthorID), f.Author, f.Text).Scan(&f.ID); err != nil {
			return err
		}
	}
	return nil
}

func sameEvaluation(a, b performance.Evaluation) bool {
	return a.Hasil == b.Hasil && a.Perilaku == b.Perilaku && a.Predikat == b.Predikat && a.Note == b.Note &&
		a.EvaluatedOn.Equal(b.EvaluatedOn) && a.RaterID == b.RaterID && a.RaterName == b.RaterName &&
		a.AcknowledgedAt.Equal(b.AcknowledgedAt) && slices.Equal(a.Notes, b.Notes)
}

func insertNotes(ctx context.Context, tx *Tx, evalID int64, notes []performance.Note) error {
	for _, n := range notes {
		if _, err := tx.Exec(ctx, `INSERT INTO skp_notes (evaluation_id, kind, competency_id, note) VALUES ($1, $2, $3, $4)`,
			evalID, string(n.Kind), n.CompetencyID, n.Text); err != nil {
			return err
		}
	}
	return nil
}

// ---- reports and inputs of other modules ----

// PredikatCount is how many employees of one unit got one predikat.
type PredikatCount struct {
	UnitID   int64
	Predikat performance.Predikat
	N        int
}

// PredikatCounts counts the predikat of the evaluations of one period
// (seq 0: the annual evaluation) per unit of the employees a filter selects,
// and the headcount per unit (everyone selected, evaluated or not).
func (s *Store) PredikatCounts(ctx context.Context, f Filter, year, seq int) ([]PredikatCount, map[int64]int, error) {
	q := f.sql()
	ya, sa := q.arg(year), q.arg(seq)
	rows, err := s.query(ctx, q.prefix()+`SELECT e.unit_id, ev.predikat, count(*) FROM skp_evaluations ev
		JOIN skp_periods p ON p.id = ev.period_id
		JOIN skps k ON k.id = ev.skp_id
		JOIN employees e ON e.id = k.employee_id
		WHERE p.year = `+ya+` AND p.seq = `+sa+` AND`+q.where()+` GROUP BY e.unit_id, ev.predikat`, q.args...)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var out []PredikatCount
	for rows.Next() {
		var c PredikatCount
		var p string
		if err := rows.Scan(&c.UnitID, &p, &c.N); err != nil {
			return nil, nil, err
		}
		c.Predikat = performance.Predikat(p)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	q = f.sql()
	hrows, err := s.query(ctx, q.prefix()+`SELECT e.unit_id, count(*) FROM employees e WHERE`+q.where()+` GROUP BY e.unit_id`, q.args...)
	if err != nil {
		return nil, nil, err
	}
	defer hrows.Close()
	heads := map[int64]int{}
	for hrows.Next() {
		var u int64
		var n int
		if err := hrows.Scan(&u, &n); err != nil {
			return nil, nil, err
		}
		heads[u] = n
	}
	return out, heads, hrows.Err()
}

// Annual is an employee's latest final annual evaluation.
type Annual struct {
	Year       int
	Predikat   performance.Predikat
	Weaknesses []performance.Note // only when asked for
}

// LatestAnnuals returns, for each employee a filter selects, the annual
// predikat of their latest final SKP with a year before beforeYear (0: any
// year) and, when withWeaknesses, the weaknesses its annual evaluation names.
// The predikat come from an index alone (skps_final).
func (s *Store) LatestAnnuals(ctx context.Context, f Filter, beforeYear int, withWeaknesses bool) (map[int64]Annual, error) {
	if beforeYear <= 0 {
		beforeYear = 1 << 30
	}
	q := f.sql()
	by := q.arg(beforeYear)
	from := ` FROM skps k`
	if !f.empty() {
		from += ` JOIN employees e ON e.id = k.employee_id`
	}
	where := ` WHERE k.status = 'final' AND k.year < ` + by + ` AND` + q.where()
	rows, err := s.query(ctx, q.prefix()+`SELECT k.employee_id, k.year, k.final_predikat`+from+where, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]Annual{}
	for rows.Next() {
		var id int64
		var a Annual
		var pd string
		if err := rows.Scan(&id, &a.Year, &pd); err != nil {
			return nil, err
		}
		a.Predikat = performance.Predikat(pd)
		if cur, ok := out[id]; !ok || a.Year > cur.Year {
			out[id] = a
		}
	}
	if err := rows.Err(); err != nil || !withWeaknesses {
		return out, err
	}
	nrows, err := s.query(ctx, q.prefix()+`SELECT k.employee_id, k.year, n.competency_id, n.note`+from+`
		JOIN skp_evaluations ev ON ev.skp_id = k.id
		JOIN skp_periods p ON p.id = ev.period_id AND p.seq = 0
		JOIN skp_notes n ON n.evaluation_id = ev.id AND n.kind = 'weakness'`+where+` ORDER BY n.id`, q.args...)
	if err != nil {
		return nil, err
	}
	defer nrows.Close()
	for nrows.Next() {
		var id int64
		var year int
		n := performance.Note{Kind: performance.Weakness}
		if err := nrows.Scan(&id, &year, &n.CompetencyID, &n.Text); err != nil {
			return nil, err
		}
		if a, ok := out[id]; ok && a.Year == year {
			a.Weaknesses = append(a.Weaknesses, n)
			out[id] = a
		}
	}
	return out, nrows.Err()
}
