package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"asah/internal/learning"
)

// This file keeps attendance: one mark per participant and session, taken
// under the event's lock like every other enrollment change.

// AttendanceMark is one participant's presence at a session.
type AttendanceMark struct {
	EnrollmentID int64
	Present      bool
}

// RecordAttendance stores the presence of participants at one session of
// an event in one transaction: each mark must be of an accepted (or
// already attended / no-show) participant of the event. A participant
// present at a session is attended. Each changed mark is audited.
// It returns how many marks changed.
func (s *Store) RecordAttendance(ctx context.Context, actor string, eventID, sessionID int64, marks []AttendanceMark) (int, error) {
	n := 0
	err := s.InTx(ctx, func(tx *Tx) error {
		ev, err := s.lockEvent(ctx, tx, eventID)
		if err != nil {
			return err
		}
		seq := 0
		for _, x := range ev.Sessions {
			if x.ID == sessionID {
				seq = x.Seq
			}
		}
		if seq == 0 {
			return fmt.Errorf("%w: sesi", ErrNotFound)
		}
		now := s.now()
		for _, m := range marks {
			old, nip, err := s.txEnrollment(ctx, tx, m.EnrollmentID)
			if errors.Is(err, ErrNotFound) || (err == nil && old.EventID != eventID) {
				return fmt.Errorf("%w: peserta %d", ErrNotFound, m.EnrollmentID)
			}
			if err != nil {
				return err
			}
			switch old.State {
			case learning.StateAccepted, learning.StateAttended, learning.StateNoShow:
			default:
				return &learning.StateError{From: old.State, Action: learning.ActAttend,
					Msg: fmt.Sprintf("kehadiran hanya dicatat untuk peserta yang diterima; peserta ini berstatus %s", old.State)}
			}
			var prev sql.NullBool
			err = tx.QueryRow(ctx, `SELECT present FROM attendance WHERE enrollment_id = $1 AND session_id = $2`, m.EnrollmentID, sessionID).Scan(&prev)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if prev.Valid && prev.Bool == m.Present {
				continue
			}
			if _, err := tx.Exec(ctx, `INSERT INTO attendance (enrollment_id, session_id, present, recorded_by, recorded_at)
				VALUES ($1, $2, $3, $4, $5) ON CONFLICT (enrollment_id, session_id)
				DO UPDATE SET present = excluded.present, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
				m.EnrollmentID, sessionID, m.Present, actor, timeArg(s, now)); err != nil {
				return err
			}
			e := old
			if m.Present && (old.State == learning.StateAccepted || old.State == learning.StateNoShow) {
				if e.State, err = learning.Next(old.State, learning.ActAttend); err != nil {
					return err
				}
				if _, err := tx.Exec(ctx, `UPDATE enrollments SET state = $1, updated_at = $2 WHERE id = $3`, string(e.State),
					timeArg(s, now), e.ID); err != nil {
					return err
				}
			}
			before, after := enrollmentAudit(old, ev.Code), enrollmentAudit(e, ev.Code)
			if prev.Valid {
				before["session"], before["present"] = seq, prev.Bool
			}
			after["session"], after["present"] = seq, m.Present
			if err := audit(ctx, tx, actor, "enrollment.attendance", "employee", nip, before, after); err != nil {
				return err
			}
			n++
		}
		return nil
	})
	return n, err
}

// Attendance returns the recorded presence of an event's participants:
// enrollment ID → session ID → present.
func (s *Store) Attendance(ctx context.Context, eventID int64) (map[int64]map[int64]bool, error) {
	rows, err := s.query(ctx, `SELECT a.enrollment_id, a.session_id, a.present FROM attendance a
		JOIN enrollments en ON en.id = a.enrollment_id WHERE en.event_id = $1`, eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]map[int64]bool{}
	for rows.Next() {
		var e, x int64
		var p bool
		if err := rows.Scan(&e, &x, &p); err != nil {
			return nil, err
		}
		if out[e] == nil {
			out[e] = map[int64]bool{}
		}
		out[e][x] = p
	}
	return out, rows.Err()
}
