package store

import (
	"context"
	"database/sql"
	"errors"
	"strings"
	"time"

	"asah/internal/learning"
)

// This file keeps enrollments. Every step that gives or frees a seat runs
// in one transaction that first locks the event row (PostgreSQL: SELECT …
// FOR UPDATE; SQLite: the IMMEDIATE writer), then counts the seats: so
// concurrent registrations can never exceed the capacity or a unit quota.
// A freed seat promotes the waitlist in the same transaction. Every change
// writes an audit row against the employee's NIP.

// EnrollmentRow is an enrollment with the employee, event and program.
type EnrollmentRow struct {
	learning.Enrollment
	NIP          string
	Name         string
	UnitID       int64
	UnitCode     string
	UnitName     string
	SupervisorID int64
	EventCode    string
	EventTitle   string
	EventStatus  learning.EventStatus
	StartsOn     time.Time
	EndsOn       time.Time
	ProgramID    int64
	ProgramCode  string
	ProgramTitle string
	JP           int
	ProviderID   int64
	ProviderName string
	// WaitlistRank is the place in line among those still waiting (1 =
	// next), 0 when not waitlisted.
	WaitlistRank int
	Present      int // sessions attended
	Sessions     int // sessions of the event
}

const enrollmentSelect = `SELECT en.id, en.event_id, en.employee_id, en.state, en.source, COALESCE(en.idp_item_id, 0),
	COALESCE(en.quota_unit_id, 0), COALESCE(en.waitlist_pos, 0), en.pre_score, en.post_score, en.reason, en.created_by,
	en.decided_by, en.completed_at, en.created_at, en.updated_at,
	e.nip, e.name, e.unit_id, u.code, u.name, COALESCE(e.supervisor_id, 0),
	ev.code, ev.title, ev.status, ev.starts_on, ev.ends_on, p.id, p.code, p.title, p.jp, pa.id, pa.name,
	CASE WHEN en.state = 'waitlisted' THEN (SELECT count(*) FROM enrollments w WHERE w.event_id = en.event_id
		AND w.state = 'waitlisted' AND w.waitlist_pos <= en.waitlist_pos) ELSE 0 END,
	(SELECT count(*) FROM attendance a WHERE a.enrollment_id = en.id AND a.present = TRUE),
	(SELECT count(*) FROM event_sessions x WHERE x.event_id = en.event_id)
	FROM enrollments en
	JOIN employees e ON e.id = en.employee_id
	JOIN org_units u ON u.id = e.unit_id
	JOIN events ev ON ev.id = en.event_id
	JOIN programs p ON p.id = ev.program_id
	JOIN partners pa ON pa.id = p.provider_partner_id`

func scanEnrollment(sc interface{ Scan(...any) error }) (EnrollmentRow, error) {
	var r EnrollmentRow
	var st, src, evst string
	var pre, post sql.NullFloat64
	err := sc.Scan(&r.ID, &r.EventID, &r.EmployeeID, &st, &src, &r.IDPItemID, &r.QuotaUnitID, &r.WaitlistPos, &pre, &post,
		&r.Reason, &r.CreatedBy, &r.DecidedBy, timeCol{&r.CompletedAt}, timeCol{&r.CreatedAt}, timeCol{&r.UpdatedAt},
		&r.NIP, &r.Name, &r.UnitID, &r.UnitCode, &r.UnitName, &r.SupervisorID,
		&r.EventCode, &r.EventTitle, &evst, dateCol{&r.StartsOn}, dateCol{&r.EndsOn}, &r.ProgramID, &r.ProgramCode, &r.ProgramTitle,
		&r.JP, &r.ProviderID, &r.ProviderName, &r.WaitlistRank, &r.Present, &r.Sessions)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	r.State, r.Source, r.EventStatus = learning.State(st), learning.EnrollSource(src), learning.EventStatus(evst)
	if pre.Valid {
		r.PreScore = &pre.Float64
	}
	if post.Valid {
		r.PostScore = &post.Float64
	}
	return r, err
}

// EnrollmentByID finds one enrollment.
func (s *Store) EnrollmentByID(ctx context.Context, id int64) (EnrollmentRow, error) {
	return scanEnrollment(s.queryRow(ctx, enrollmentSelect+` WHERE en.id = $1`, id))
}

// EnrollmentQuery selects enrollments. Zero fields do not filter.
type EnrollmentQuery struct {
	EventID      int64
	EmployeeID   int64
	SupervisorID int64 // the employees this one directly supervises
	ProviderID   int64 // events of this partner's programs
	IDPItemIDs   []int64
	States       []learning.State
	Live         bool // not declined or cancelled
	// Within limits the employees to a caller's scope (nil: no limit).
	Within *Within
	Limit  int // 0: no limit
}

// Enrollments lists the enrollments a query selects: an event's by
// participant name, others by event start, latest first.
func (s *Store) Enrollments(ctx context.Context, q EnrollmentQuery) ([]EnrollmentRow, error) {
	f := Filter{Within: q.Within}.sql()
	cond := f.cond
	if q.EventID != 0 {
		cond = append(cond, `en.event_id = `+f.arg(q.EventID))
	}
	if q.EmployeeID != 0 {
		cond = append(cond, `en.employee_id = `+f.arg(q.EmployeeID))
	}
	if q.SupervisorID != 0 {
		cond = append(cond, `e.supervisor_id = `+f.arg(q.SupervisorID))
	}
	if q.ProviderID != 0 {
		cond = append(cond, `p.provider_partner_id = `+f.arg(q.ProviderID))
	}
	if q.IDPItemIDs != nil {
		cond = append(cond, inList(f, "en.idp_item_id", q.IDPItemIDs))
	}
	if len(q.States) > 0 {
		ph := make([]string, len(q.States))
		for i, st := range q.States {
			ph[i] = f.arg(string(st))
		}
		cond = append(cond, `en.state IN (`+strings.Join(ph, ", ")+`)`)
	}
	if q.Live {
		cond = append(cond, `en.state NOT IN ('declined', 'cancelled')`)
	}
	where := ""
	if len(cond) > 0 {
		where = ` WHERE ` + strings.Join(cond, ` AND `)
	}
	order := ` ORDER BY ev.starts_on DESC, en.id DESC`
	if q.EventID != 0 {
		order = ` ORDER BY e.name, en.id`
	}
	if q.Limit > 0 {
		order += ` LIMIT ` + f.arg(q.Limit)
	}
	rows, err := s.query(ctx, f.prefix()+enrollmentSelect+where+order, f.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EnrollmentRow
	for rows.Next() {
		r, err := scanEnrollment(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func inList(f *sqlFilter, col string, ids []int64) string {
	if len(ids) == 0 {
		return "1 = 0"
	}
	ph := make([]string, len(ids))
	for i, id := range ids {
		ph[i] = f.arg(id)
	}
	return col + ` IN (` + strings.Join(ph, ", ") + `)`
}

// IDPItemOwner returns the employee and year of a development plan item;
// ErrNotFound when there is no such item.
func (s *Store) IDPItemOwner(ctx context.Context, itemID int64) (employeeID int64, year int, err error) {
	err = s.queryRow(ctx, `SELECT d.employee_id, d.year FROM idp_items i JOIN idps d ON d.id = i.idp_id WHERE i.id = $1`, itemID).
		Scan(&employeeID, &year)
	if errors.Is(err, sql.ErrNoRows) {
		err = ErrNotFound
	}
	return employeeID, year, err
}

func enrollmentAudit(e learning.Enrollment, event string) map[string]any {
	m := map[string]any{"enrollment_id": e.ID, "event": event, "state": e.State, "source": e.Source}
	if e.WaitlistPos != 0 {
		m["waitlist_pos"] = e.WaitlistPos
	}
	if e.IDPItemID != 0 {
		m["idp_item_id"] = e.IDPItemID
	}
	if e.Reason != "" {
		m["reason"] = e.Reason
	}
	if e.PreScore != nil {
		m["pre_score"] = *e.PreScore
	}
	if e.PostScore != nil {
		m["post_score"] = *e.PostScore
	}
	return m
}

func nullFloat(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}

func nullInt(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

// CreateEnrollment stores a new enrollment (a registration or a
// nomination; neither takes a seat), audited under action. A live
// enrollment of the same employee in the event gives ErrConflict. It holds
// the event like every seat decision does, so that on PostgreSQL all
// enrollment writes take their locks in one order (event, then enrollment)
// and cannot deadlock.
func (s *Store) CreateEnrollment(ctx context.Context, actor, action string, e learning.Enrollment) (EnrollmentRow, error) {
	now := s.now()
	e.CreatedAt, e.UpdatedAt = now, now
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := lockRow(ctx, tx, "events", e.EventID); err != nil {
			return err
		}
		var nip, code string
		if err := tx.QueryRow(ctx, `SELECT COALESCE((SELECT nip FROM employees WHERE id = $1), ''), COALESCE((SELECT code FROM events WHERE id = $2), '')`,
			e.EmployeeID, e.EventID).Scan(&nip, &code); err != nil {
			return err
		}
		err := tx.QueryRow(ctx, `INSERT INTO enrollments (event_id, employee_id, state, source, idp_item_id, reason, created_by,
			decided_by, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`, e.EventID, e.EmployeeID,
			string(e.State), string(e.Source), nullID(e.IDPItemID), e.Reason, e.CreatedBy, e.DecidedBy, timeArg(s, now), timeArg(s, now)).
			Scan(&e.ID)
		if err != nil {
			return uniqueConflict(err, "pegawai ini sudah terdaftar pada angkatan ini")
		}
		return audit(ctx, tx, actor, action, "employee", nip, nil, enrollmentAudit(e, code))
	})
	if err != nil {
		return EnrollmentRow{}, err
	}
	return s.EnrollmentByID(ctx, e.ID)
}

// StepContext is what a step sees besides the enrollment, read inside the
// transaction that holds the event.
type StepContext struct {
	Event     EventRow           // with sessions and quotas; seat counts as of the step
	Occupancy learning.Occupancy // the seats for this employee
	Present   int                // sessions this enrollment attended
	NIP       string
}

// StepFunc changes one enrollment (its state through learning.Next or
// learning.Seat, its scores, reason, decider). Returning ErrSkip leaves it
// unchanged; any other error rolls back the whole transaction.
type StepFunc func(e *learning.Enrollment, c StepContext) error

// ErrSkip tells a batch step to leave one enrollment as it is.
var ErrSkip = errors.New("skip")

// UpdateEnrollment runs one step on an enrollment in a transaction that
// holds its event, writes it with an audit row under action, and promotes
// the waitlist when the step freed a seat.
func (s *Store) UpdateEnrollment(ctx context.Context, actor string, id int64, action string, fn StepFunc) (EnrollmentRow, error) {
	err := s.InTx(ctx, func(tx *Tx) error {
		var eventID int64
		if err := tx.QueryRow(ctx, `SELECT event_id FROM enrollments WHERE id = $1`, id).Scan(&eventID); errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		} else if err != nil {
			return err
		}
		ev, err := s.lockEvent(ctx, tx, eventID)
		if err != nil {
			return err
		}
		old, nip, err := s.txEnrollment(ctx, tx, id)
		if err != nil {
			return err
		}
		freed, err := s.step(ctx, tx, actor, action, &ev, old, nip, fn)
		if err != nil {
			if errors.Is(err, ErrSkip) {
				return nil
			}
			return err
		}
		if freed {
			return s.promote(ctx, tx, actor, ev)
		}
		return nil
	})
	if err != nil {
		return EnrollmentRow{}, err
	}
	return s.EnrollmentByID(ctx, id)
}

// UpdateEventEnrollments runs one step on every enrollment of an event in
// the given states, in waitlist then ID order, in one transaction; fn may
// skip some with ErrSkip. It returns how many changed.
func (s *Store) UpdateEventEnrollments(ctx context.Context, actor string, eventID int64, action string, states []learning.State, fn StepFunc) (int, error) {
	var n int
	err := s.InTx(ctx, func(tx *Tx) error {
		ev, err := s.lockEvent(ctx, tx, eventID)
		if err != nil {
			return err
		}
		n, err = s.stepAll(ctx, tx, actor, action, &ev, states, fn)
		return err
	})
	return n, err
}

// stepAll runs fn on the event's enrollments in states and then promotes
// the waitlist once when any seat was freed.
func (s *Store) stepAll(ctx context.Context, tx *Tx, actor, action string, ev *EventRow, states []learning.State, fn StepFunc) (int, error) {
	f := &sqlFilter{}
	evArg := f.arg(ev.ID)
	ph := make([]string, len(states))
	for i, st := range states {
		ph[i] = f.arg(string(st))
	}
	rows, err := tx.Query(ctx, `SELECT id FROM enrollments WHERE event_id = `+evArg+` AND state IN (`+strings.Join(ph, ", ")+`)
		ORDER BY COALESCE(waitlist_pos, 0), id`, f.args...)
	if err != nil {
		return 0, err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return 0, err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return 0, err
	}
	n, anyFreed := 0, false
	for _, id := range ids {
		old, nip, err := s.txEnrollment(ctx, tx, id)
		if err != nil {
			return n, err
		}
		freed, err := s.step(ctx, tx, actor, action, ev, old, nip, fn)
		if errors.Is(err, ErrSkip) {
			continue
		}
		if err != nil {
			return n, err
		}
		n++
		anyFreed = anyFreed || freed
	}
	if anyFreed {
		return n, s.promote(ctx, tx, actor, *ev)
	}
	return n, nil
}

func (s *Store) txEnrollment(ctx context.Context, tx *Tx, id int64) (learning.Enrollment, string, error) {
	r, err := scanEnrollment(tx.QueryRow(ctx, enrollmentSelect+` WHERE en.id = $1`, id))
	return r.Enrollment, r.NIP, err
}
