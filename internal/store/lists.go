package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"asah/internal/competency"
	"asah/internal/people"
)

// employeeSorts allow-lists the sortable columns of employee lists.
var employeeSorts = map[string]string{
	"name":     "e.name",
	"nip":      "e.nip",
	"unit":     "u.name",
	"position": "p.title",
	"golongan": "e.golongan",
}

// ListEmployees returns one page of the employees a filter selects, sorted by
// an allow-listed column (unknown: by name), and the total count.
func (s *Store) ListEmployees(ctx context.Context, f Filter, sortBy string, desc bool, limit, offset int) ([]EmployeeRow, int, error) {
	total, err := s.CountEmployees(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	col, ok := employeeSorts[sortBy]
	if !ok {
		col = "e.name"
	}
	dir := "ASC"
	if desc {
		dir = "DESC"
	}
	q := f.sql()
	lim, off := q.arg(limit), q.arg(offset)
	rows, err := s.query(ctx, q.prefix()+employeeSelect+` WHERE`+q.where()+
		` ORDER BY `+col+` `+dir+`, e.id LIMIT `+lim+` OFFSET `+off, q.args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []EmployeeRow
	for rows.Next() {
		e, err := scanEmployee(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}

// PositionRow is a position with its unit's name and headcount.
type PositionRow struct {
	people.Position
	UnitName  string
	Holders   int
	StdLength int
}

// Positions lists the positions of a unit subtree ("" for all), by unit then title.
func (s *Store) Positions(ctx context.Context, unitCode string) ([]PositionRow, error) {
	q := `SELECT p.id, p.code, p.title, p.kind, p.jenjang, p.unit_id, u.code, u.name, p.is_key,
		(SELECT count(*) FROM employees e WHERE e.position_id = p.id),
		(SELECT count(*) FROM position_standards ps WHERE ps.position_id = p.id)
		FROM positions p JOIN org_units u ON u.id = p.unit_id`
	var args []any
	if unitCode != "" {
		q = `WITH RECURSIVE ` + subtree("subtree", "$1") + ` ` + q + ` WHERE p.unit_id IN (SELECT id FROM subtree)`
		args = append(args, unitCode)
	}
	rows, err := s.query(ctx, q+` ORDER BY u.name, p.title, p.code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PositionRow
	for rows.Next() {
		var p PositionRow
		var kind, jenjang string
		if err := rows.Scan(&p.ID, &p.Code, &p.Title, &kind, &jenjang, &p.UnitID, &p.UnitCode, &p.UnitName, &p.Key,
			&p.Holders, &p.StdLength); err != nil {
			return nil, err
		}
		p.Kind, p.Jenjang = people.PositionKind(kind), people.Jenjang(jenjang)
		out = append(out, p)
	}
	return out, rows.Err()
}

// PositionByCode finds one position.
func (s *Store) PositionByCode(ctx context.Context, code string) (PositionRow, error) {
	var p PositionRow
	var kind, jenjang string
	err := s.queryRow(ctx, `SELECT p.id, p.code, p.title, p.kind, p.jenjang, p.unit_id, u.code, u.name, p.is_key,
		(SELECT count(*) FROM employees e WHERE e.position_id = p.id),
		(SELECT count(*) FROM position_standards ps WHERE ps.position_id = p.id)
		FROM positions p JOIN org_units u ON u.id = p.unit_id WHERE p.code = $1`, code).
		Scan(&p.ID, &p.Code, &p.Title, &kind, &jenjang, &p.UnitID, &p.UnitCode, &p.UnitName, &p.Key, &p.Holders, &p.StdLength)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	p.Kind, p.Jenjang = people.PositionKind(kind), people.Jenjang(jenjang)
	return p, err
}

// StandardOf returns one position's standard in dictionary order.
func (s *Store) StandardOf(ctx context.Context, positionID int64) ([]competency.Requirement, error) {
	rows, err := s.query(ctx, `SELECT ps.competency_id, ps.required_level
		FROM position_standards ps JOIN competencies c ON c.id = ps.competency_id WHERE ps.position_id = $1
		ORDER BY CASE c.kind WHEN 'manajerial' THEN 0 WHEN 'sosial_kultural' THEN 1 ELSE 2 END, c.code`, positionID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []competency.Requirement
	for rows.Next() {
		var r competency.Requirement
		if err := rows.Scan(&r.CompetencyID, &r.Required); err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// StandardLines returns one position's standard in dictionary order, each
// line with its competency (without levels): what one employee's gap report
// needs, in one query.
func (s *Store) StandardLines(ctx context.Context, positionID int64) ([]competency.Requirement, []competency.Competency, error) {
	rows, err := s.query(ctx, `SELECT ps.competency_id, ps.required_level, c.code, c.kind, c.name, c.name_en, c.description
		FROM position_standards ps JOIN competencies c ON c.id = ps.competency_id WHERE ps.position_id = $1
		ORDER BY CASE c.kind WHEN 'manajerial' THEN 0 WHEN 'sosial_kultural' THEN 1 ELSE 2 END, c.code`, positionID)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	var reqs []competency.Requirement
	var comps []competency.Competency
	for rows.Next() {
		var r competency.Requirement
		var c competency.Competency
		var kind string
		if err := rows.Scan(&r.CompetencyID, &r.Required, &c.Code, &kind, &c.Name, &c.NameEN, &c.Description); err != nil {
			return nil, nil, err
		}
		c.ID, c.Kind = r.CompetencyID, competency.Kind(kind)
		reqs, comps = append(reqs, r), append(comps, c)
	}
	return reqs, comps, rows.Err()
}

// SetStandard replaces a position's standard and audits before/after, all
// in one transaction. Levels must be 1–5 (checked again by the database).
func (s *Store) SetStandard(ctx context.Context, actor string, p PositionRow, before, after []competency.Requirement) error {
	return s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM position_standards WHERE position_id = $1`, p.ID); err != nil {
			return err
		}
		for _, r := range after {
			if _, err := tx.Exec(ctx, `INSERT INTO position_standards (position_id, competency_id, required_level) VALUES ($1, $2, $3)`,
				p.ID, r.CompetencyID, r.Required); err != nil {
				return err
			}
		}
		return audit(ctx, tx, actor, "standard.update", "position", p.Code, before, after)
	})
}

// UpdateCompetency changes a competency's names, description and levels, audited.
func (s *Store) UpdateCompetency(ctx context.Context, actor string, before, after competency.Competency) error {
	return s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE competencies SET name = $1, name_en = $2, description = $3 WHERE id = $4`,
			after.Name, after.NameEN, after.Description, before.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM competency_levels WHERE competency_id = $1`, before.ID); err != nil {
			return err
		}
		for _, l := range after.Levels {
			if _, err := tx.Exec(ctx, `INSERT INTO competency_levels (competency_id, level, title, descriptor, indicators) VALUES ($1, $2, $3, $4, $5)`,
				before.ID, l.Level, l.Title, l.Descriptor, strings.Join(l.Indicators, "\n")); err != nil {
				return err
			}
		}
		return audit(ctx, tx, actor, "competency.update", "competency", before.Code, before, after)
	})
}

// RecordView writes an audit row for reading a person's record (UU PDP: who
// read what).
func (s *Store) RecordView(ctx context.Context, actor, targetType, targetID string) error {
	return s.InTx(ctx, func(tx *Tx) error {
		return audit(ctx, tx, actor, targetType+".view", targetType, targetID, nil, nil)
	})
}

// AuditQuery filters the audit trail; empty fields match everything.
type AuditQuery struct {
	Actor, Action, TargetType, TargetID string
	From, To                            string // YYYY-MM-DD, inclusive
	Limit, Offset                       int
}

// AuditLog lists audit rows, newest first, with the total count.
func (s *Store) AuditLog(ctx context.Context, q AuditQuery) ([]AuditEntry, int, error) {
	var cond []string
	var args []any
	add := func(expr string, v any) {
		args = append(args, v)
		cond = append(cond, strings.ReplaceAll(expr, "?", fmt.Sprintf("$%d", len(args))))
	}
	if q.Actor != "" {
		add("actor = ?", q.Actor)
	}
	if q.Action != "" {
		add("action = ?", q.Action)
	}
	if q.TargetType != "" {
		add("target_type = ?", q.TargetType)
	}
	if q.TargetID != "" {
		add("target_id = ?", q.TargetID)
	}
	if q.From != "" {
		add("at >= ?", s.dayStart(q.From, 0))
	}
	if q.To != "" {
		add("at < ?", s.dayStart(q.To, 1))
	}
	where := ""
	if len(cond) > 0 {
		where = " WHERE " + strings.Join(cond, " AND ")
	}
	var total int
	if err := s.queryRow(ctx, `SELECT count(*) FROM audit_log`+where, args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := q.Limit
	if limit <= 0 || limit > 500 {
		limit = 50
	}
	args = append(args, limit, max(q.Offset, 0))
	rows, err := s.query(ctx, `SELECT id, at, actor, action, target_type, target_id, before_json, after_json FROM audit_log`+where+
		fmt.Sprintf(` ORDER BY id DESC LIMIT $%d OFFSET $%d`, len(args)-1, len(args)), args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []AuditEntry
	for rows.Next() {
		var e AuditEntry
		if err := rows.Scan(&e.ID, timeCol{&e.At}, &e.Actor, &e.Action, &e.TargetType, &e.TargetID, &e.Before, &e.After); err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, total, rows.Err()
}
