package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

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

// Filter selects employees: by unit (the unit and every unit below it), NIP,
// a name/NIP search, explicit IDs, all within an optional scope.
type Filter struct {
	UnitCode string
	NIP      string
	Q        string  // case-insensitive substring of the name, or a NIP prefix
	IDs      []int64 // only these employees (nil: no restriction)
	// Within limits the rows to what a caller may see; nil means no limit
	// (the operator's CLI). The app sets it from the caller's scope.
	Within *Within
}

// Within is a scope in store terms: a unit subtree, or an employee and (when
// Team) everyone below them in the supervisor chain. None sees nobody.
type Within struct {
	None       bool
	UnitCode   string
	EmployeeID int64
	Team       bool
}

// sqlFilter is a filter rendered to SQL: a WITH prefix, a condition on
// employees e, and the arguments for both.
type sqlFilter struct {
	with []string
	cond []string
	args []any
}

func (q *sqlFilter) arg(v any) string {
	q.args = append(q.args, v)
	return fmt.Sprintf("$%d", len(q.args))
}

func (q *sqlFilter) prefix() string {
	if len(q.with) == 0 {
		return ""
	}
	return "WITH RECURSIVE " + strings.Join(q.with, ", ") + " "
}

func (q *sqlFilter) where() string {
	if len(q.cond) == 0 {
		return " 1 = 1"
	}
	return " " + strings.Join(q.cond, " AND ")
}

func subtree(name, codeArg string) string {
	return name + `(id) AS (SELECT id FROM org_units WHERE code = ` + codeArg + `
	UNION ALL SELECT u.id FROM org_units u JOIN ` + name + ` t ON u.parent_id = t.id)`
}

func (f Filter) sql() *sqlFilter {
	q := &sqlFilter{}
	if w := f.Within; w != nil {
		switch {
		case w.None:
			q.cond = append(q.cond, "1 = 0")
		case w.UnitCode != "":
			q.with = append(q.with, subtree("scope_units", q.arg(w.UnitCode)))
			q.cond = append(q.cond, "e.unit_id IN (SELECT id FROM scope_units)")
		case w.EmployeeID != 0 && w.Team:
			q.with = append(q.with, `team(id) AS (SELECT id FROM employees WHERE id = `+q.arg(w.EmployeeID)+`
	UNION ALL SELECT x.id FROM employees x JOIN team t ON x.supervisor_id = t.id)`)
			q.cond = append(q.cond, "e.id IN (SELECT id FROM team)")
		case w.EmployeeID != 0:
			q.cond = append(q.cond, "e.id = "+q.arg(w.EmployeeID))
		default:
			q.cond = append(q.cond, "1 = 0")
		}
	}
	if f.UnitCode != "" {
		q.with = append(q.with, subtree("subtree", q.arg(f.UnitCode)))
		q.cond = append(q.cond, "e.unit_id IN (SELECT id FROM subtree)")
	}
	if f.NIP != "" {
		q.cond = append(q.cond, "e.nip = "+q.arg(f.NIP))
	}
	if f.Q != "" {
		like := "%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(f.Q)) + "%"
		a := q.arg(like)
		nipPrefix := strings.ReplaceAll(f.Q, " ", "")
		b := q.arg(strings.NewReplacer("%", "", "_", "").Replace(nipPrefix) + "%")
		q.cond = append(q.cond, "(lower(e.name) LIKE "+a+" ESCAPE '\\' OR e.nip LIKE "+b+")")
	}
	if f.IDs != nil {
		if len(f.IDs) == 0 {
			q.cond = append(q.cond, "1 = 0")
		} else {
			ph := make([]string, len(f.IDs))
			for i, id := range f.IDs {
				ph[i] = q.arg(id)
			}
			q.cond = append(q.cond, "e.id IN ("+strings.Join(ph, ", ")+")")
		}
	}
	return q
}

func (f Filter) empty() bool {
	return f.UnitCode == "" && f.NIP == "" && f.Q == "" && f.IDs == nil && f.Within == nil
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
	q := f.sql()
	var n int
	err := s.queryRow(ctx, q.prefix()+`SELECT count(*) FROM employees e WHERE`+q.where(), q.args...).Scan(&n)
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

// EmployeeByID finds one employee by its ID.
func (s *Store) EmployeeByID(ctx context.Context, id int64) (EmployeeRow, error) {
	e, err := scanEmployee(s.queryRow(ctx, employeeSelect+` WHERE e.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	return e, err
}
