package store

import (
	"context"
	"sort"
	"strings"
	"time"

	"asah/internal/development"
	"asah/internal/learning"
)

// The JP ledger is read, never stored: completed enrollments credit their
// program's JP in the year (WIB) of completion, approved claims their
// credit in the year of the activity, done non-classroom items of approved
// plans the credit table's JP in the plan's year (unless an enrollment or a
// claim carries the item). Each source is one record, so nothing is
// counted twice.

// instantArg is a bound for comparisons with a timestamp column. On SQLite
// timestamps are UTC RFC 3339 text with a variable number of fraction
// digits ("…:00Z", "…:00.5Z"); a bound without the zone ("…:00") sorts
// before both, so that "col >= bound" is exactly "at or after the instant".
func instantArg(s *Store, t time.Time) any {
	if s.engine == SQLite {
		return t.UTC().Format("2006-01-02T15:04:05")
	}
	return t.UTC()
}

// activityFilter keeps the done plan items an enrollment or a claim does
// not already carry (i: idp_items).
const activityFilter = `NOT EXISTS (SELECT 1 FROM enrollments x WHERE x.idp_item_id = i.id AND x.state NOT IN ('declined', 'cancelled'))
	AND NOT EXISTS (SELECT 1 FROM jp_claims y WHERE y.idp_item_id = i.id AND y.status <> 'rejected')`

// JPEntries lists one employee's credits of a year, each with the minutes
// it credits by the policy's table (activities) or its record.
func (s *Store) JPEntries(ctx context.Context, employeeID int64, year int, pol learning.JPPolicy) ([]learning.JPEntry, error) {
	from, to := learning.YearBounds(year)
	var out []learning.JPEntry
	rows, err := s.query(ctx, `SELECT n.id, p.title, ev.title, p.form, p.jp, n.completed_at
		FROM enrollments n JOIN events ev ON ev.id = n.event_id JOIN programs p ON p.id = ev.program_id
		WHERE n.employee_id = $1 AND n.state = 'completed' AND n.completed_at >= $2 AND n.completed_at < $3`,
		employeeID, instantArg(s, from), instantArg(s, to))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var e learning.JPEntry
		var program, event, form string
		var jp int
		var at time.Time
		if err := rows.Scan(&e.Ref, &program, &event, &form, &jp, timeCol{&at}); err != nil {
			rows.Close()
			return nil, err
		}
		e.Source, e.Form, e.Minutes, e.Year = learning.JPFromEvent, development.Form(form), jp*learning.MinutesPerJP, learning.YearOf(at)
		e.Title = program
		if event != "" && event != program {
			e.Title = program + " — " + event
		}
		e.On = learning.LedgerDay(at)
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	rows, err = s.query(ctx, `SELECT id, title, organiser, form, activity_on, credit_minutes FROM jp_claims
		WHERE employee_id = $1 AND status = 'approved' AND activity_on >= $2 AND activity_on < $3`,
		employeeID, dateArg(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)), dateArg(time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)))
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var e learning.JPEntry
		var organiser, form string
		if err := rows.Scan(&e.Ref, &e.Title, &organiser, &form, dateCol{&e.On}, &e.Minutes); err != nil {
			rows.Close()
			return nil, err
		}
		e.Source, e.Form, e.Year = learning.JPFromClaim, development.Form(form), e.On.Year()
		if organiser != "" {
			e.Title += " (" + organiser + ")"
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}

	rows, err = s.query(ctx, `SELECT i.id, i.form, c.code, c.name FROM idps d JOIN idp_items i ON i.idp_id = d.id
		JOIN competencies c ON c.id = i.competency_id
		WHERE d.employee_id = $1 AND d.year = $2 AND d.status = 'approved' AND i.status = 'done' AND `+activityFilter,
		employeeID, year)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var e learning.JPEntry
		var form, code, name string
		if err := rows.Scan(&e.Ref, &form, &code, &name); err != nil {
			return nil, err
		}
		e.Form = development.Form(form)
		m, ok := pol.CreditMinutes(e.Form)
		if !ok {
			continue // classroom items credit through their enrollment
		}
		e.Source, e.Minutes, e.Year = learning.JPFromActivity, m, year
		e.Title = e.Form.Label() + " — " + code + " " + name
		e.On = time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)
		out = append(out, e)
	}
	return out, rows.Err()
}

// JPRow is one employee's achieved minutes of a year, per source.
type JPRow struct {
	EmployeeID      int64
	NIP             string
	Name            string
	Kind            string // pns or pppk
	UnitCode        string
	UnitName        string
	SupervisorID    int64
	EventMinutes    int
	ClaimMinutes    int
	ActivityMinutes int
}

// Minutes is the row's total.
func (r JPRow) Minutes() int { return r.EventMinutes + r.ClaimMinutes + r.ActivityMinutes }

// JPProgress sums the credits of a year of every employee a filter selects,
// ordered by name. It is one set-based query: each source is aggregated
// once for the selected employees and joined back (hash joins on
// PostgreSQL, where per-employee subqueries over a large unit were costed
// high enough to trigger JIT compilation, which alone took longer than
// the query). pol's table credits the non-classroom plan items.
func (s *Store) JPProgress(ctx context.Context, f Filter, year int, pol learning.JPPolicy) ([]JPRow, error) {
	q := f.sql()
	from, to := learning.YearBounds(year)
	a1, a2 := q.arg(instantArg(s, from)), q.arg(instantArg(s, to))
	d1 := q.arg(dateArg(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC)))
	d2 := q.arg(dateArg(time.Date(year+1, 1, 1, 0, 0, 0, 0, time.UTC)))
	y := q.arg(year)
	// The credit table as a CASE over the item's form (0 for forms it
	// lacks, which includes every classroom form).
	forms := make([]string, 0, len(pol.Credit))
	for f := range pol.Credit {
		forms = append(forms, string(f))
	}
	sort.Strings(forms)
	credit := "0"
	if len(forms) > 0 {
		var b strings.Builder
		b.WriteString("CASE i.form")
		for _, f := range forms {
			m, _ := pol.CreditMinutes(development.Form(f))
			b.WriteString(" WHEN " + q.arg(f) + " THEN " + q.arg(m))
		}
		b.WriteString(" ELSE 0 END")
		credit = b.String()
	}
	with := q.prefix()
	if with == "" {
		with = "WITH "
	} else {
		with += ", "
	}
	query := with + `sel AS (SELECT e.id FROM employees e WHERE` + q.where() + `),
	evs AS (SELECT n.employee_id, SUM(p.jp) AS jp FROM sel JOIN enrollments n ON n.employee_id = sel.id
		JOIN events ev ON ev.id = n.event_id JOIN programs p ON p.id = ev.program_id
		WHERE n.state = 'completed' AND n.completed_at >= ` + a1 + ` AND n.completed_at < ` + a2 + ` GROUP BY n.employee_id),
	cls AS (SELECT c.employee_id, SUM(c.credit_minutes) AS m FROM sel JOIN jp_claims c ON c.employee_id = sel.id
		WHERE c.status = 'approved' AND c.activity_on >= ` + d1 + ` AND c.activity_on < ` + d2 + ` GROUP BY c.employee_id),
	acs AS (SELECT d.employee_id, SUM(` + credit + `) AS m FROM sel JOIN idps d ON d.employee_id = sel.id JOIN idp_items i ON i.idp_id = d.id
		WHERE d.year = ` + y + ` AND d.status = 'approved' AND i.status = 'done' AND ` + activityFilter + ` GROUP BY d.employee_id)
	SELECT e.id, e.nip, e.name, e.kind, u.code, u.name, COALESCE(e.supervisor_id, 0),
		COALESCE(evs.jp, 0), COALESCE(cls.m, 0), COALESCE(acs.m, 0)
		FROM employees e JOIN org_units u ON u.id = e.unit_id LEFT JOIN evs ON evs.employee_id = e.id
		LEFT JOIN cls ON cls.employee_id = e.id LEFT JOIN acs ON acs.employee_id = e.id
		WHERE` + q.where() + ` ORDER BY e.name, e.id`
	rows, err := s.query(ctx, query, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []JPRow
	for rows.Next() {
		var r JPRow
		var jp int
		if err := rows.Scan(&r.EmployeeID, &r.NIP, &r.Name, &r.Kind, &r.UnitCode, &r.UnitName, &r.SupervisorID,
			&jp, &r.ClaimMinutes, &r.ActivityMinutes); err != nil {
			return nil, err
		}
		r.EventMinutes = jp * learning.MinutesPerJP
		out = append(out, r)
	}
	return out, rows.Err()
}
