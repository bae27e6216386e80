package store

import (
	"context"
	"database/sql"
	"errors"
	"time"
)

// SetCalendarToken stores (or replaces) the hash of an employee's calendar
// feed token, audited without the token.
func (s *Store) SetCalendarToken(ctx context.Context, actor, nip string, employeeID int64, hash string) error {
	return s.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM calendar_tokens WHERE employee_id = $1`, employeeID).Scan(&n); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO calendar_tokens (employee_id, token_hash, created_at) VALUES ($1, $2, $3)
			ON CONFLICT (employee_id) DO UPDATE SET token_hash = excluded.token_hash, created_at = excluded.created_at`,
			employeeID, hash, timeArg(s, s.now())); err != nil {
			return err
		}
		action := "calendar.token_create"
		if n > 0 {
			action = "calendar.token_rotate"
		}
		return audit(ctx, tx, actor, action, "employee", nip, nil, map[string]any{"feed": "renewed"})
	})
}

// CalendarTokenOwner resolves a token hash to its employee (ErrNotFound: none).
func (s *Store) CalendarTokenOwner(ctx context.Context, hash string) (int64, error) {
	var id int64
	err := s.queryRow(ctx, `SELECT employee_id FROM calendar_tokens WHERE token_hash = $1`, hash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, ErrNotFound
	}
	return id, err
}

// HasCalendarToken reports whether an employee has a feed token.
func (s *Store) HasCalendarToken(ctx context.Context, employeeID int64) (bool, time.Time, error) {
	var at time.Time
	err := s.queryRow(ctx, `SELECT created_at FROM calendar_tokens WHERE employee_id = $1`, employeeID).Scan(timeCol{&at})
	if errors.Is(err, sql.ErrNoRows) {
		return false, at, nil
	}
	return err == nil, at, err
}

// CalendarItem is one event of a calendar with one of its sessions (Seq 0:
// the event has no session, it is shown as whole days).
type CalendarItem struct {
	EventID   int64
	EventCode string
	Title     string
	Program   string
	Place     string
	OnlineURL string
	Status    string
	StartsOn  time.Time
	EndsOn    time.Time
	SessionID int64
	Seq       int
	StartsAt  time.Time
	EndsAt    time.Time
	Topic     string
}

const calendarSelect = `SELECT ev.id, ev.code, ev.title, p.title, ev.place, ev.online_url, ev.status, ev.starts_on, ev.ends_on,
	COALESCE(s.id, 0), COALESCE(s.seq, 0), s.starts_at, s.ends_at, COALESCE(s.topic, '')
	FROM events ev JOIN programs p ON p.id = ev.program_id LEFT JOIN event_sessions s ON s.event_id = ev.id`

func (s *Store) calendarItems(ctx context.Context, query string, args ...any) ([]CalendarItem, error) {
	rows, err := s.query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []CalendarItem
	for rows.Next() {
		var c CalendarItem
		if err := rows.Scan(&c.EventID, &c.EventCode, &c.Title, &c.Program, &c.Place, &c.OnlineURL, &c.Status, dateCol{&c.StartsOn},
			dateCol{&c.EndsOn}, &c.SessionID, &c.Seq, timeCol{&c.StartsAt}, timeCol{&c.EndsAt}, &c.Topic); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// CalendarFeedStates are the enrollment states whose events an employee's
// feed shows: a seat is taken or the event was attended.
var CalendarFeedStates = []string{"accepted", "attended", "completed", "not_completed"}

// EmployeeCalendar lists the sessions of the events an employee holds a
// seat in (or attended), from since on, by start.
func (s *Store) EmployeeCalendar(ctx context.Context, employeeID int64, since time.Time) ([]CalendarItem, error) {
	return s.calendarItems(ctx, calendarSelect+` JOIN enrollments n ON n.event_id = ev.id
		WHERE n.employee_id = $1 AND n.state IN ('accepted', 'attended', 'completed', 'not_completed') AND ev.ends_on >= $2
		ORDER BY ev.starts_on, ev.id, s.seq`, employeeID, dateArg(since))
}

// EventCalendar lists the sessions of one event by its code (none: the
// event is unknown).
func (s *Store) EventCalendar(ctx context.Context, code string) ([]CalendarItem, error) {
	return s.calendarItems(ctx, calendarSelect+` WHERE ev.code = $1 ORDER BY s.seq`, code)
}
