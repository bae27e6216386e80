package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/stdlib"

	"asah/internal/competency"
	"asah/internal/people"
)

// Bulk loads rows that carry their own IDs into an empty database, all in one
// transaction: SQLite through prepared INSERTs on the writer, PostgreSQL
// through COPY. It satisfies demo.Sink.
type Bulk struct {
	s     *Store
	tx    *sql.Tx // SQLite
	pg    pgx.Tx  // PostgreSQL
	stmts map[string]*sql.Stmt
}

// BulkLoad runs fn with a Bulk loader; everything fn wrote is committed when
// it returns nil and nothing is when it fails.
func (s *Store) BulkLoad(ctx context.Context, fn func(b *Bulk) error) error {
	if s.engine == Postgres {
		conn, err := s.write.Conn(ctx)
		if err != nil {
			return err
		}
		defer conn.Close()
		return conn.Raw(func(dc any) error {
			pc := dc.(*stdlib.Conn).Conn()
			tx, err := pc.Begin(ctx)
			if err != nil {
				return err
			}
			defer tx.Rollback(ctx)
			if err := fn(&Bulk{s: s, pg: tx}); err != nil {
				return err
			}
			for _, t := range []string{"org_units", "competencies", "positions", "employees", "assessments"} {
				if _, err := tx.Exec(ctx, fmt.Sprintf(
					`SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE((SELECT max(id) FROM %s), 0) + 1, false)`, t, t)); err != nil {
					return err
				}
			}
			if err := tx.Commit(ctx); err != nil {
				return err
			}
			// Fresh statistics, so that the planner does not guess on a
			// table that just went from empty to millions of rows.
			_, err = pc.Exec(ctx, `ANALYZE`)
			return err
		})
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	b := &Bulk{s: s, tx: tx, stmts: map[string]*sql.Stmt{}}
	defer func() {
		for _, st := range b.stmts {
			st.Close()
		}
	}()
	// Supervisors may arrive in the same batch as their staff.
	if _, err := tx.ExecContext(ctx, `PRAGMA defer_foreign_keys = ON`); err != nil {
		tx.Rollback()
		return err
	}
	if err := fn(b); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// insert writes rows into table: one prepared INSERT per row on SQLite, one
// COPY per call on PostgreSQL.
func (b *Bulk) insert(ctx context.Context, table string, cols []string, rows [][]any) error {
	if len(rows) == 0 {
		return nil
	}
	if b.pg != nil {
		_, err := b.pg.CopyFrom(ctx, pgx.Identifier{table}, cols, pgx.CopyFromRows(rows))
		if err != nil {
			return fmt.Errorf("copy into %s: %v", table, err)
		}
		return nil
	}
	st, ok := b.stmts[table]
	if !ok {
		ph := make([]string, len(cols))
		for i := range cols {
			ph[i] = fmt.Sprintf("?%d", i+1)
		}
		var err error
		st, err = b.tx.PrepareContext(ctx, "INSERT INTO "+table+" ("+strings.Join(cols, ", ")+") VALUES ("+strings.Join(ph, ", ")+")")
		if err != nil {
			return err
		}
		b.stmts[table] = st
	}
	for _, r := range rows {
		if _, err := st.ExecContext(ctx, r...); err != nil {
			return fmt.Errorf("insert into %s: %v", table, err)
		}
	}
	return nil
}

// dateVal gives the engine's argument for a civil date: COPY needs a
// time.Time for a DATE column, SQLite stores ISO text.
func (b *Bulk) dateVal(t time.Time) any {
	if b.pg != nil {
		return t
	}
	return dateArg(t)
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// Competencies inserts dictionary entries with their levels.
func (b *Bulk) Competencies(ctx context.Context, cs []competency.Competency) error {
	var rows, levels [][]any
	for _, c := range cs {
		if err := c.Validate(); err != nil {
			return err
		}
		rows = append(rows, []any{c.ID, c.Code, string(c.Kind), c.Name, c.NameEN, c.Description})
		for _, l := range c.Levels {
			levels = append(levels, []any{c.ID, l.Level, l.Title, l.Descriptor, strings.Join(l.Indicators, "\n")})
		}
	}
	if err := b.insert(ctx, "competencies", []string{"id", "code", "kind", "name", "name_en", "description"}, rows); err != nil {
		return err
	}
	return b.insert(ctx, "competency_levels", []string{"competency_id", "level", "title", "descriptor", "indicators"}, levels)
}

// Units inserts org units (parents first).
func (b *Bulk) Units(ctx context.Context, us []people.Unit) error {
	rows := make([][]any, 0, len(us))
	for _, u := range us {
		rows = append(rows, []any{u.ID, u.Code, u.Name, string(u.Kind), nullID(u.ParentID)})
	}
	return b.insert(ctx, "org_units", []string{"id", "code", "name", "kind", "parent_id"}, rows)
}

// Positions inserts positions and their standards.
func (b *Bulk) Positions(ctx context.Context, ps []people.Position, standards map[int64][]competency.Requirement) error {
	rows := make([][]any, 0, len(ps))
	var std [][]any
	for _, p := range ps {
		rows = append(rows, []any{p.ID, p.Code, p.Title, string(p.Kind), string(p.Jenjang), p.UnitID, p.Key})
		for _, r := range standards[p.ID] {
			if r.Required < competency.MinLevel || r.Required > competency.MaxLevel {
				return fmt.Errorf("jabatan %s: level dibutuhkan %d di luar rentang 1–5", p.Code, r.Required)
			}
			std = append(std, []any{p.ID, r.CompetencyID, r.Required})
		}
	}
	if err := b.insert(ctx, "positions", []string{"id", "code", "title", "kind", "jenjang", "unit_id", "is_key"}, rows); err != nil {
		return err
	}
	return b.insert(ctx, "position_standards", []string{"position_id", "competency_id", "required_level"}, std)
}

// Employees inserts employees (a supervisor before or with their staff).
func (b *Bulk) Employees(ctx context.Context, es []people.Employee) error {
	rows := make([][]any, 0, len(es))
	for _, e := range es {
		rows = append(rows, []any{e.ID, e.NIP, e.Name, e.FrontTitle, e.BackTitle, string(e.Kind), int(e.Sex),
			b.dateVal(e.BirthDate), e.Golongan, e.PositionID, e.UnitID, nullID(e.SupervisorID), b.dateVal(e.RetirementDate)})
	}
	return b.insert(ctx, "employees", []string{"id", "nip", "name", "front_title", "back_title", "kind", "sex",
		"birth_date", "golongan", "position_id", "unit_id", "supervisor_id", "retirement_date"}, rows)
}

// Assessments inserts assessments.
func (b *Bulk) Assessments(ctx context.Context, as []competency.Assessment) error {
	rows := make([][]any, 0, len(as))
	for _, a := range as {
		rows = append(rows, []any{a.ID, a.EmployeeID, a.CompetencyID, string(a.Source), a.Level, a.Assessor,
			b.dateVal(a.AssessedOn), a.Evidence, string(a.Status), timeArg(b.s, a.RecordedAt)})
	}
	return b.insert(ctx, "assessments", []string{"id", "employee_id", "competency_id", "source", "level", "assessor",
		"assessed_on", "evidence", "status", "recorded_at"}, rows)
}

// Setting stores a key/value setting in the same transaction.
func (b *Bulk) Setting(ctx context.Context, key, value string) error {
	return b.insert(ctx, "settings", []string{"key", "value"}, [][]any{{key, value}})
}
