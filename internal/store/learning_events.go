package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/learning"
)

// This file keeps events (angkatan) with their sessions and unit quotas.

// seatedSQL lists the states that hold a seat, for IN (…).
var seatedSQL = func() string {
	var xs []string
	for _, s := range learning.States {
		if s.Seated() {
			xs = append(xs, "'"+string(s)+"'")
		}
	}
	return strings.Join(xs, ", ")
}()

// EventRow is an event with its program, provider and seat counts.
type EventRow struct {
	learning.Event
	ProgramCode  string
	ProgramTitle string
	JP           int
	ProviderID   int64
	ProviderCode string
	ProviderName string
	Seated       int // invited, accepted and beyond
	Waitlisted   int
	Pending      int // nominated or waiting for the supervisor
}

// Free is the number of seats left.
func (e EventRow) Free() int { return max(e.Capacity-e.Seated, 0) }

const eventSelect = `SELECT ev.id, ev.program_id, ev.code, ev.title, ev.starts_on, ev.ends_on, ev.place, ev.online_url, ev.capacity,
	ev.registration_opens, ev.registration_closes, ev.status, ev.created_at, ev.updated_at, p.code, p.title, p.jp,
	pa.id, pa.code, pa.name,
	(SELECT count(*) FROM enrollments en WHERE en.event_id = ev.id AND en.state IN (` + "%s" + `)),
	(SELECT count(*) FROM enrollments en WHERE en.event_id = ev.id AND en.state = 'waitlisted'),
	(SELECT count(*) FROM enrollments en WHERE en.event_id = ev.id AND en.state IN ('nominated', 'pending_approval'))
	FROM events ev JOIN programs p ON p.id = ev.program_id JOIN partners pa ON pa.id = p.provider_partner_id`

var eventSelectSQL = fmt.Sprintf(eventSelect, seatedSQL)

func scanEvent(sc interface{ Scan(...any) error }) (EventRow, error) {
	var e EventRow
	var st string
	err := sc.Scan(&e.ID, &e.ProgramID, &e.Code, &e.Title, dateCol{&e.StartsOn}, dateCol{&e.EndsOn}, &e.Place, &e.OnlineURL, &e.Capacity,
		dateCol{&e.RegistrationOpens}, dateCol{&e.RegistrationCloses}, &st, timeCol{&e.CreatedAt}, timeCol{&e.UpdatedAt},
		&e.ProgramCode, &e.ProgramTitle, &e.JP, &e.ProviderID, &e.ProviderCode, &e.ProviderName, &e.Seated, &e.Waitlisted, &e.Pending)
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	e.Status = learning.EventStatus(st)
	return e, err
}

// EventByID finds one event with its sessions and quotas.
func (s *Store) EventByID(ctx context.Context, id int64) (EventRow, error) {
	return s.loadEvent(ctx, readPool{s}, ` WHERE ev.id = $1`, id)
}

// EventByCode finds one event by its code (case-insensitive).
func (s *Store) EventByCode(ctx context.Context, code string) (EventRow, error) {
	return s.loadEvent(ctx, readPool{s}, ` WHERE lower(ev.code) = lower($1)`, strings.TrimSpace(code))
}

func (s *Store) loadEvent(ctx context.Context, q rowQuerier, where string, key any) (EventRow, error) {
	e, err := scanEvent(q.QueryRow(ctx, eventSelectSQL+where, key))
	if err != nil {
		return e, err
	}
	rows, err := q.Query(ctx, `SELECT id, seq, starts_at, ends_at, topic FROM event_sessions WHERE event_id = $1 ORDER BY seq`, e.ID)
	if err != nil {
		return e, err
	}
	for rows.Next() {
		var x learning.Session
		if err := rows.Scan(&x.ID, &x.Seq, timeCol{&x.StartsAt}, timeCol{&x.EndsAt}, &x.Topic); err != nil {
			rows.Close()
			return e, err
		}
		e.Sessions = append(e.Sessions, x)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return e, err
	}
	rows, err = q.Query(ctx, `SELECT q.unit_id, u.code, q.quota FROM event_unit_quotas q JOIN org_units u ON u.id = q.unit_id
		WHERE q.event_id = $1 ORDER BY u.code`, e.ID)
	if err != nil {
		return e, err
	}
	defer rows.Close()
	for rows.Next() {
		var x learning.UnitQuota
		if err := rows.Scan(&x.UnitID, &x.UnitCode, &x.Quota); err != nil {
			return e, err
		}
		e.Quotas = append(e.Quotas, x)
	}
	return e, rows.Err()
}

// lockEvent locks an event for a transaction that gives or frees seats (on
// PostgreSQL SELECT … FOR UPDATE; SQLite's writer is serialized already)
// and loads it with its sessions, quotas and seat counts.
func (s *Store) lockEvent(ctx context.Context, tx *Tx, id int64) (EventRow, error) {
	if err := lockRow(ctx, tx, "events", id); err != nil {
		return EventRow{}, err
	}
	return s.loadEvent(ctx, tx, ` WHERE ev.id = $1`, id)
}

// EventQuery selects events. Zero fields do not filter.
type EventQuery struct {
	ProgramID  int64
	ProviderID int64
	// From and To (inclusive) keep events that overlap the range.
	From, To time.Time
	Statuses []learning.EventStatus
	Limit    int // 0: 200
}

// Events lists the events a query selects by start date (without sessions).
func (s *Store) Events(ctx context.Context, q EventQuery) ([]EventRow, error) {
	f := &sqlFilter{}
	var cond []string
	if q.ProgramID != 0 {
		cond = append(cond, `ev.program_id = `+f.arg(q.ProgramID))
	}
	if q.ProviderID != 0 {
		cond = append(cond, `p.provider_partner_id = `+f.arg(q.ProviderID))
	}
	if !q.From.IsZero() {
		cond = append(cond, `ev.ends_on >= `+f.arg(civilArg(q.From)))
	}
	if !q.To.IsZero() {
		cond = append(cond, `ev.starts_on <= `+f.arg(civilArg(q.To)))
	}
	if len(q.Statuses) > 0 {
		ph := make([]string, len(q.Statuses))
		for i, st := range q.Statuses {
			ph[i] = f.arg(string(st))
		}
		cond = append(cond, `ev.status IN (`+strings.Join(ph, ", ")+`)`)
	}
	where := ""
	if len(cond) > 0 {
		where = ` WHERE ` + strings.Join(cond, ` AND `)
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 200
	}
	rows, err := s.query(ctx, eventSelectSQL+where+` ORDER BY ev.starts_on, ev.code LIMIT `+f.arg(limit), f.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EventRow
	for rows.Next() {
		e, err := scanEvent(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

func eventAudit(e learning.Event) map[string]any {
	ss := make([]string, len(e.Sessions))
	for i, x := range e.Sessions {
		ss[i] = x.StartsAt.UTC().Format(time.RFC3339) + "/" + x.EndsAt.UTC().Format(time.RFC3339)
	}
	qs := map[string]int{}
	for _, q := range e.Quotas {
		qs[q.UnitCode] = q.Quota
	}
	m := map[string]any{"code": e.Code, "title": e.Title, "program_id": e.ProgramID, "starts_on": civilArg(e.StartsOn),
		"ends_on": civilArg(e.EndsOn), "place": e.Place, "online_url": e.OnlineURL, "capacity": e.Capacity, "status": e.Status,
		"sessions": ss, "quotas": qs}
	if !e.RegistrationOpens.IsZero() {
		m["registration_opens"] = civilArg(e.RegistrationOpens)
	}
	if !e.RegistrationCloses.IsZero() {
		m["registration_closes"] = civilArg(e.RegistrationCloses)
	}
	return m
}

// CreateEvent stores a new event with its sessions and quotas, audited. A
// code already in use gives ErrConflict.
func (s *Store) CreateEvent(ctx context.Context, actor string, e learning.Event) (learning.Event, error) {
	now := s.now()
	e.CreatedAt, e.UpdatedAt = now, now
	if e.Status == "" {
		e.Status = learning.EventDraft
	}
	err := s.InTx(ctx, func(tx *Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO events (program_id, code, title, starts_on, ends_on, place, online_url, capacity,
			registration_opens, registration_closes, status, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`, e.ProgramID, e.Code, e.Title,
			civilArg(e.StartsOn), civilArg(e.EndsOn), e.Place, e.OnlineURL, e.Capacity, nullDate(e.RegistrationOpens),
			nullDate(e.RegistrationCloses), string(e.Status), timeArg(s, now), timeArg(s, now)).Scan(&e.ID)
		if err != nil {
			return uniqueConflict(err, fmt.Sprintf("angkatan dengan kode %s sudah ada", e.Code))
		}
		for i := range e.Sessions {
			if err := insertSession(ctx, tx, e.ID, &e.Sessions[i]); err != nil {
				return err
			}
		}
		if err := writeQuotas(ctx, tx, e); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "event.create", "event", e.Code, nil, eventAudit(e))
	})
	return e, err
}

func insertSession(ctx context.Context, tx *Tx, eventID int64, x *learning.Session) error {
	return tx.QueryRow(ctx, `INSERT INTO event_sessions (event_id, seq, starts_at, ends_at, topic) VALUES ($1, $2, $3, $4, $5)
		RETURNING id`, eventID, x.Seq, timeArg(tx.s, x.StartsAt), timeArg(tx.s, x.EndsAt), x.Topic).Scan(&x.ID)
}

func writeQuotas(ctx context.Context, tx *Tx, e learning.Event) error {
	if _, err := tx.Exec(ctx, `DELETE FROM event_unit_quotas WHERE event_id = $1`, e.ID); err != nil {
		return err
	}
	for _, q := range e.Quotas {
		if _, err := tx.Exec(ctx, `INSERT INTO event_unit_quotas (event_id, unit_id, quota) VALUES ($1, $2, $3)`,
			e.ID, q.UnitID, q.Quota); err != nil {
			return err
		}
	}
	return nil
}

// UpdateEvent changes an event (by ID; its status is changed by
// SetEventStatus only): fields, sessions matched by number (a session with
// attendance cannot be removed) and quotas. A capacity below the seats
// already given is refused. Freed capacity or quota promotes the waitlist
// in the same transaction. Audited.
func (s *Store) UpdateEvent(ctx context.Context, actor string, e learning.Event) (learning.Event, error) {
	err := s.InTx(ctx, func(tx *Tx) error {
		old, err := s.lockEvent(ctx, tx, e.ID)
		if err != nil {
			return err
		}
		if e.Capacity < old.Seated {
			return fmt.Errorf("%w: kapasitas %d lebih kecil dari %d kursi yang sudah terisi", ErrConflict, e.Capacity, old.Seated)
		}
		e.Status, e.CreatedAt, e.UpdatedAt = old.Status, old.CreatedAt, s.now()
		if _, err := tx.Exec(ctx, `UPDATE events SET program_id = $1, code = $2, title = $3, starts_on = $4, ends_on = $5, place = $6,
			online_url = $7, capacity = $8, registration_opens = $9, registration_closes = $10, updated_at = $11 WHERE id = $12`,
			e.ProgramID, e.Code, e.Title, civilArg(e.StartsOn), civilArg(e.EndsOn), e.Place, e.OnlineURL, e.Capacity,
			nullDate(e.RegistrationOpens), nullDate(e.RegistrationCloses), timeArg(s, e.UpdatedAt), e.ID); err != nil {
			return uniqueConflict(err, fmt.Sprintf("angkatan dengan kode %s sudah ada", e.Code))
		}
		if err := s.replaceSessions(ctx, tx, old.Sessions, &e); err != nil {
			return err
		}
		if err := writeQuotas(ctx, tx, e); err != nil {
			return err
		}
		if err := audit(ctx, tx, actor, "event.update", "event", e.Code, eventAudit(old.Event), eventAudit(e)); err != nil {
			return err
		}
		if err := s.refreshQuotaUnits(ctx, tx, e.ID); err != nil {
			return err
		}
		ev, err := s.loadEvent(ctx, tx, ` WHERE ev.id = $1`, e.ID)
		if err != nil {
			return err
		}
		return s.promote(ctx, tx, actor, ev)
	})
	return e, err
}

func (s *Store) replaceSessions(ctx context.Context, tx *Tx, old []learning.Session, e *learning.Event) error {
	bySeq := map[int]learning.Session{}
	for _, x := range old {
		bySeq[x.Seq] = x
	}
	for i := range e.Sessions {
		x := &e.Sessions[i]
		o, ok := bySeq[x.Seq]
		if !ok {
			if err := insertSession(ctx, tx, e.ID, x); err != nil {
				return err
			}
			continue
		}
		delete(bySeq, x.Seq)
		x.ID = o.ID
		if _, err := tx.Exec(ctx, `UPDATE event_sessions SET starts_at = $1, ends_at = $2, topic = $3 WHERE id = $4`,
			timeArg(s, x.StartsAt), timeArg(s, x.EndsAt), x.Topic, x.ID); err != nil {
			return err
		}
	}
	for seq, x := range bySeq {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM attendance WHERE session_id = $1`, x.ID).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: sesi ke-%d sudah memiliki catatan kehadiran dan tidak dapat dihapus", ErrConflict, seq)
		}
		if _, err := tx.Exec(ctx, `DELETE FROM event_sessions WHERE id = $1`, x.ID); err != nil {
			return err
		}
	}
	return nil
}

// SetEventStatus moves an event to another status by the life-cycle rule
// (learning.NextEventStatus), audited. Cancelling an event cancels every
// enrollment that has not been attended, each audited.
func (s *Store) SetEventStatus(ctx context.Context, actor string, id int64, to learning.EventStatus) (EventRow, error) {
	var out EventRow
	err := s.InTx(ctx, func(tx *Tx) error {
		ev, err := s.lockEvent(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := learning.NextEventStatus(ev.Status, to); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE events SET status = $1, updated_at = $2 WHERE id = $3`, string(to), timeArg(s, s.now()), id); err != nil {
			return err
		}
		if err := audit(ctx, tx, actor, "event.status", "event", ev.Code, map[string]any{"status": ev.Status},
			map[string]any{"status": to}); err != nil {
			return err
		}
		ev.Status = to
		if to == learning.EventCancelled {
			live := []learning.State{learning.StateNominated, learning.StatePendingApproval, learning.StateInvited,
				learning.StateAccepted, learning.StateWaitlisted}
			if _, err := s.stepAll(ctx, tx, actor, "enrollment.cancel", &ev, live, func(e *learning.Enrollment, _ StepContext) error {
				st, err := learning.Next(e.State, learning.ActCancel)
				e.State, e.Reason = st, "kegiatan dibatalkan"
				return err
			}); err != nil {
				return err
			}
		}
		out, err = s.loadEvent(ctx, tx, ` WHERE ev.id = $1`, id)
		return err
	})
	return out, err
}
