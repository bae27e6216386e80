package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"asah/internal/people"
)

// UnitSummary is a unit with its place in the tree.
type UnitSummary struct {
	people.Unit
	ParentName string
	Depth      int
}

// Units lists all units in tree order (each parent before its children,
// siblings by name).
func (s *Store) Units(ctx context.Context) ([]UnitSummary, error) {
	rows, err := s.query(ctx, `SELECT u.id, u.code, u.name, u.kind, COALESCE(u.parent_id, 0), COALESCE(p.code, ''), COALESCE(p.name, '')
		FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id ORDER BY u.name`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var all []UnitSummary
	for rows.Next() {
		var u UnitSummary
		var kind string
		if err := rows.Scan(&u.ID, &u.Code, &u.Name, &kind, &u.ParentID, &u.ParentCode, &u.ParentName); err != nil {
			return nil, err
		}
		u.Kind = people.UnitKind(kind)
		all = append(all, u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	children := map[int64][]int{}
	for i, u := range all {
		children[u.ParentID] = append(children[u.ParentID], i)
	}
	out := make([]UnitSummary, 0, len(all))
	var walk func(parent int64, depth int)
	walk = func(parent int64, depth int) {
		for _, i := range children[parent] {
			u := all[i]
			u.Depth = depth
			out = append(out, u)
			walk(u.ID, depth+1)
		}
	}
	walk(0, 0)
	return out, nil
}

// UnitByCode finds one unit.
func (s *Store) UnitByCode(ctx context.Context, code string) (UnitSummary, error) {
	var u UnitSummary
	var kind string
	err := s.queryRow(ctx, `SELECT u.id, u.code, u.name, u.kind, COALESCE(u.parent_id, 0), COALESCE(p.code, ''), COALESCE(p.name, '')
		FROM org_units u LEFT JOIN org_units p ON p.id = u.parent_id WHERE u.code = $1`, code).
		Scan(&u.ID, &u.Code, &u.Name, &kind, &u.ParentID, &u.ParentCode, &u.ParentName)
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	u.Kind = people.UnitKind(kind)
	return u, err
}

// EmployeeRow is an employee with the names a report needs.
type EmployeeRow struct {
	people.Employee
	UnitName       string
	PositionTitle  string
	PositionKind   people.PositionKind
	Jenjang        people.Jenjang
	SupervisorName string
}

const employeeSelect = `SELECT e.id, e.nip, e.name, e.front_title, e.back_title, e.kind, e.sex, e.birth_date, e.golongan,
	e.position_id, p.code, p.title, p.kind, p.jenjang, e.unit_id, u.code, u.name,
	COALESCE(e.supervisor_id, 0), COALESCE(sv.nip, ''), COALESCE(sv.name, ''), e.retirement_date
	FROM employees e
	JOIN positions p ON p.id = e.position_id
	JOIN org_units u ON u.id = e.unit_id
	LEFT JOIN employees sv ON sv.id = e.supervisor_id`

func scanEmployee(sc interface{ Scan(...any) error }) (EmployeeRow, error) {
	var e EmployeeRow
	var kind, pkind, jenjang string
	err := sc.Scan(&e.ID, &e.NIP, &e.Name, &e.FrontTitle, &e.BackTitle, &kind, &e.Sex, dateCol{&e.BirthDate}, &e.Golongan,
		&e.PositionID, &e.PositionCode, &e.PositionTitle, &pkind, &jenjang, &e.UnitID, &e.UnitCode, &e.UnitName,
		&e.SupervisorID, &e.SupervisorNIP, &e.SupervisorName, dateCol{&e.RetirementDate})
	e.Kind = people.EmployeeKind(kind)
	e.PositionKind = people.PositionKind(pkind)
	e.Jenjang = people.Jenjang(jenjang)
	return e, err
}

// EmployeeByNIP finds one employee.
func (s *Store) EmployeeByNIP(ctx context.Context, nip string) (EmployeeRow, error) {
	e, err := scanEmployee(s.queryRow(ctx, employeeSelect+` WHERE e.nip = $1`, nip))
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	return e, err
}

// Filter selects employees: by unit (the unit and every unit below it) and/or NIP.
type Filter struct {
	UnitCode string
	NIP      string
}

// subtreeCTE selects the IDs of a unit and its descendants, by code ($1).
const subtreeCTE = `WITH RECURSIVE subtree(id) AS (
	SELECT id FROM org_units WHERE code = $1
	UNION ALL
	SELECT u.id FROM org_units u JOIN subtree t ON u.parent_id = t.id
) `

// where returns the SQL condition on employees e and its args for a filter.
// Queries must start with subtreeCTE when f.UnitCode is set.
func (f Filter) where() (string, []any) {
	switch {
	case f.UnitCode != "" && f.NIP != "":
		return ` e.unit_id IN (SELECT id FROM subtree) AND e.nip = $2`, []any{f.UnitCode, f.NIP}
	case f.UnitCode != "":
		return ` e.unit_id IN (SELECT id FROM subtree)`, []any{f.UnitCode}
	case f.NIP != "":
		return ` e.nip = $1`, []any{f.NIP}
	}
	return ` 1 = 1`, nil
}

func (f Filter) prefix() string {
	if f.UnitCode != "" {
		return subtreeCTE
	}
	return ""
}

// CheckFilter reports an unknown unit code or NIP as a clear error.
func (s *Store) CheckFilter(ctx context.Context, f Filter) error {
	if f.UnitCode != "" {
		if _, err := s.UnitByCode(ctx, f.UnitCode); errors.Is(err, ErrNotFound) {
			return fmt.Errorf("%w: unit %q tidak ditemukan", ErrNotFound, f.UnitCode)
		} else if err != nil {
			return err
		}
	}
	if f.NIP != "" {
		if _, err := s.EmployeeByNIP(ctx, f.NIP); errors.Is(err, ErrNotFound) {
			return fmt.Errorf("%w: pegawai dengan NIP %s tidak ditemukan", ErrNotFound, f.NIP)
		} else if err != nil {
			return err
		}
	}
	return nil
}

// CountEmployees counts the employees a filter selects.
func (s *Store) CountEmployees(ctx context.Context, f Filter) (int, error) {
	cond, args := f.where()
	var n int
	err := s.queryRow(ctx, f.prefix()+`SELECT count(*) FROM employees e WHERE`+cond, args...).Scan(&n)
	return n, err
}

// IsEmpty reports whether the database holds no organisation yet (the demo
// loads only into an empty database).
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	if err := s.queryRow(ctx, `SELECT (SELECT count(*) FROM org_units) + (SELECT count(*) FROM employees)`).Scan(&n); err != nil {
		return false, err
	}
	return n == 0, nil
}
