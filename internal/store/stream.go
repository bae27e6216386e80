package store

import (
	"context"
	"database/sql"

	"asah/internal/competency"
)

// EachEmployee streams the employees a filter selects, ordered by ID, each
// with all its final assessments (any source, any age: the current-level
// rule decides what counts). Two cursors are merged on employee ID, so
// memory stays flat however many employees there are. fn's slice is reused:
// copy what you keep.
func (s *Store) EachEmployee(ctx context.Context, f Filter, fn func(e EmployeeRow, as []competency.Assessment) error) error {
	return s.eachEmployee(ctx, f, nil, fn)
}

// eachEmployee is EachEmployee with an optional extra condition on the
// assessments a: window adds its arguments to q and returns the condition.
func (s *Store) eachEmployee(ctx context.Context, f Filter, window func(q *sqlFilter) string,
	fn func(e EmployeeRow, as []competency.Assessment) error) error {
	if s.streams != nil {
		select {
		case s.streams <- struct{}{}:
		case <-ctx.Done():
			return ctx.Err()
		}
		defer func() { <-s.streams }() // runs last: after both cursors closed
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	q := f.sql()
	erows, err := s.query(ctx, q.prefix()+employeeSelect+` WHERE`+q.where()+` ORDER BY e.id`, q.args...)
	if err != nil {
		return err
	}
	defer erows.Close()
	const cols = `SELECT a.id, a.employee_id, a.competency_id, a.source, a.level, a.assessed_on, a.recorded_at`
	aq := f.sql()
	cond := `a.status = 'final'`
	if window != nil {
		cond += ` AND (` + window(aq) + `)`
	}
	query := cols + ` FROM assessments a WHERE ` + cond + ` ORDER BY a.employee_id`
	if !f.empty() { // the join costs a lookup per row: only when filtering
		query = aq.prefix() + cols + ` FROM assessments a JOIN employees e ON e.id = a.employee_id
		WHERE ` + cond + ` AND` + aq.where() + ` ORDER BY a.employee_id`
	}
	arows, err := s.query(ctx, query, aq.args...)
	if err != nil {
		return err
	}
	defer arows.Close()

	// The assessment cursor runs in its own goroutine, handing over batches,
	// so that both cursors (and the caller's work) use the cores in parallel.
	type batch struct {
		as  []competency.Assessment
		err error
	}
	// A buffer of up to 16 × 4,096 assessments lets the cursor run ahead
	// while the caller is still loading its other inputs.
	batches := make(chan batch, 16)
	go func() {
		defer close(batches)
		b := make([]competency.Assessment, 0, 4096)
		// One set of scan destinations for every row: building them per
		// row allocated two wrappers for each of ~100,000 rows.
		var a competency.Assessment
		var src string
		dest := []any{&a.ID, &a.EmployeeID, &a.CompetencyID, &src, &a.Level,
			dateCol{&a.AssessedOn}, timeCol{&a.RecordedAt}}
		for arows.Next() {
			a = competency.Assessment{Status: competency.Final}
			if err := arows.Scan(dest...); err != nil {
				batches <- batch{err: err}
				return
			}
			a.Source = competency.Source(src)
			b = append(b, a)
			if len(b) == cap(b) {
				select {
				case batches <- batch{as: b}:
				case <-ctx.Done():
					return
				}
				b = make([]competency.Assessment, 0, 4096)
			}
		}
		if err := arows.Err(); err != nil {
			batches <- batch{err: err}
			return
		}
		if len(b) > 0 {
			batches <- batch{as: b}
		}
	}()
	defer func() {
		cancel()
		for range batches { // let the producer finish before rows close
		}
	}()

	var buf, cur []competency.Assessment
	var pending competency.Assessment
	havePending := false
	nextAssessment := func() (bool, error) {
		if len(cur) == 0 {
			b, ok := <-batches
			if !ok {
				return false, nil
			}
			if b.err != nil {
				return false, b.err
			}
			cur = b.as
		}
		pending, cur = cur[0], cur[1:]
		return true, nil
	}
	if havePending, err = nextAssessment(); err != nil {
		return err
	}
	for erows.Next() {
		e, err := scanEmployee(erows)
		if err != nil {
			return err
		}
		buf = buf[:0]
		// Assessments of employees outside the stream cannot occur (same
		// filter), but skip any lower IDs defensively.
		for havePending && pending.EmployeeID <= e.ID {
			if pending.EmployeeID == e.ID {
				buf = append(buf, pending)
			}
			if havePending, err = nextAssessment(); err != nil {
				return err
			}
		}
		if err := fn(e, buf); err != nil {
			return err
		}
	}
	return erows.Err()
}

// Assessments lists every assessment of one employee (drafts included),
// newest first.
func (s *Store) Assessments(ctx context.Context, employeeID int64) ([]competency.Assessment, error) {
	rows, err := s.query(ctx, `SELECT id, employee_id, competency_id, source, level, assessor, assessed_on, evidence, status, recorded_at
		FROM assessments WHERE employee_id = $1 ORDER BY assessed_on DESC, recorded_at DESC, id DESC`, employeeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return scanAssessments(rows)
}

// FinalAssessments lists the final assessments of one employee, without
// assessor and evidence: what the current-level rule reads.
func (s *Store) FinalAssessments(ctx context.Context, employeeID int64) ([]competency.Assessment, error) {
	rows, err := s.query(ctx, `SELECT id, employee_id, competency_id, source, level, assessed_on, recorded_at
		FROM assessments WHERE employee_id = $1 AND status = 'final'`, employeeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []competency.Assessment
	for rows.Next() {
		a := competency.Assessment{Status: competency.Final}
		var src string
		if err := rows.Scan(&a.ID, &a.EmployeeID, &a.CompetencyID, &src, &a.Level, dateCol{&a.AssessedOn}, timeCol{&a.RecordedAt}); err != nil {
			return nil, err
		}
		a.Source = competency.Source(src)
		out = append(out, a)
	}
	return out, rows.Err()
}

func scanAssessments(rows *sql.Rows) ([]competency.Assessment, error) {
	var out []competency.Assessment
	for rows.Next() {
		var a competency.Assessment
		var src, st string
		if err := rows.Scan(&a.ID, &a.EmployeeID, &a.CompetencyID, &src, &a.Level, &a.Assessor,
			dateCol{&a.AssessedOn}, &a.Evidence, &st, timeCol{&a.RecordedAt}); err != nil {
			return nil, err
		}
		a.Source, a.Status = competency.Source(src), competency.Status(st)
		out = append(out, a)
	}
	return out, rows.Err()
}
