package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"asah/internal/learning"
)

// This file decides seats: how many an event has given (in all, and per
// unit quota), how one enrollment step is written, and how a freed seat
// goes to the waitlist. Callers hold the event's lock (lockEvent).

// occupancy counts the seats of an event for one employee: all seats, and
// those of the unit quota that applies to the employee (the quota of the
// nearest unit, from the employee's own unit up, that has one).
func (s *Store) occupancy(ctx context.Context, tx *Tx, ev *EventRow, employeeID int64) (learning.Occupancy, error) {
	o := learning.Occupancy{Capacity: ev.Capacity}
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM enrollments WHERE event_id = $1 AND state IN (`+seatedSQL+`)`, ev.ID).
		Scan(&o.Seated); err != nil {
		return o, err
	}
	if len(ev.Quotas) == 0 {
		return o, nil
	}
	unit, quota, err := s.quotaUnitOf(ctx, tx, ev.ID, employeeID)
	if err != nil || unit == 0 {
		return o, err
	}
	o.QuotaUnitID, o.Quota = unit, quota
	err = tx.QueryRow(ctx, `SELECT count(*) FROM enrollments WHERE event_id = $1 AND quota_unit_id = $2 AND state IN (`+seatedSQL+`)`,
		ev.ID, unit).Scan(&o.QuotaSeated)
	return o, err
}

func (s *Store) quotaUnitOf(ctx context.Context, tx *Tx, eventID, employeeID int64) (unit int64, quota int, err error) {
	err = tx.QueryRow(ctx, `WITH RECURSIVE up(id, parent_id, depth) AS (
		SELECT u.id, u.parent_id, 0 FROM org_units u JOIN employees e ON e.unit_id = u.id WHERE e.id = $2
		UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM org_units u JOIN up ON u.id = up.parent_id)
		SELECT q.unit_id, q.quota FROM up JOIN event_unit_quotas q ON q.unit_id = up.id AND q.event_id = $1
		ORDER BY up.depth LIMIT 1`, eventID, employeeID).Scan(&unit, &quota)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	return unit, quota, err
}

// refreshQuotaUnits recomputes which quota every live enrollment of an
// event counts against, after the event's quotas changed.
func (s *Store) refreshQuotaUnits(ctx context.Context, tx *Tx, eventID int64) error {
	rows, err := tx.Query(ctx, `SELECT id, employee_id, COALESCE(quota_unit_id, 0) FROM enrollments
		WHERE event_id = $1 AND state NOT IN ('declined', 'cancelled')`, eventID)
	if err != nil {
		return err
	}
	type row struct{ id, emp, unit int64 }
	var xs []row
	for rows.Next() {
		var r row
		if err := rows.Scan(&r.id, &r.emp, &r.unit); err != nil {
			rows.Close()
			return err
		}
		xs = append(xs, r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, r := range xs {
		unit, _, err := s.quotaUnitOf(ctx, tx, eventID, r.emp)
		if err != nil {
			return err
		}
		if unit != r.unit {
			if _, err := tx.Exec(ctx, `UPDATE enrollments SET quota_unit_id = $1 WHERE id = $2`, nullID(unit), r.id); err != nil {
				return err
			}
		}
	}
	return nil
}

// step applies fn to one enrollment and writes the result; freed reports
// that a seat was given up.
func (s *Store) step(ctx context.Context, tx *Tx, actor, action string, ev *EventRow, old learning.Enrollment, nip string, fn StepFunc) (freed bool, err error) {
	occ, err := s.occupancy(ctx, tx, ev, old.EmployeeID)
	if err != nil {
		return false, err
	}
	c := StepContext{Event: *ev, Occupancy: occ, NIP: nip}
	if err := tx.QueryRow(ctx, `SELECT count(*) FROM attendance WHERE enrollment_id = $1 AND present = TRUE`, old.ID).
		Scan(&c.Present); err != nil {
		return false, err
	}
	e := old
	if err := fn(&e, c); err != nil {
		return false, err
	}
	if !e.State.Valid() {
		return false, fmt.Errorf("enrollment %d: invalid state %q", e.ID, e.State)
	}
	now := s.now()
	switch {
	case e.State == learning.StateWaitlisted && old.State != learning.StateWaitlisted:
		if err := tx.QueryRow(ctx, `SELECT COALESCE(max(waitlist_pos), 0) + 1 FROM enrollments WHERE event_id = $1`, ev.ID).
			Scan(&e.WaitlistPos); err != nil {
			return false, err
		}
		e.QuotaUnitID = occ.QuotaUnitID
	case e.State != learning.StateWaitlisted:
		e.WaitlistPos = 0
	}
	if e.State.Seated() && !old.State.Seated() {
		e.QuotaUnitID = occ.QuotaUnitID
	}
	if e.State == learning.StateCompleted && old.State != learning.StateCompleted {
		e.CompletedAt = now
	}
	if e.State != learning.StateCompleted {
		e.CompletedAt = time.Time{}
	}
	e.UpdatedAt = now
	if _, err := tx.Exec(ctx, `UPDATE enrollments SET state = $1, quota_unit_id = $2, waitlist_pos = $3, pre_score = $4,
		post_score = $5, reason = $6, decided_by = $7, completed_at = $8, idp_item_id = $9, updated_at = $10 WHERE id = $11`,
		string(e.State), nullID(e.QuotaUnitID), nullInt(e.WaitlistPos), nullFloat(e.PreScore), nullFloat(e.PostScore), e.Reason,
		e.DecidedBy, nullTimeArg(s, e.CompletedAt), nullID(e.IDPItemID), timeArg(s, now), e.ID); err != nil {
		return false, err
	}
	if err := audit(ctx, tx, actor, action, "employee", nip, enrollmentAudit(old, ev.Code), enrollmentAudit(e, ev.Code)); err != nil {
		return false, err
	}
	// Keep the caller's view of the seats current for the next step.
	switch {
	case e.State.Seated() && !old.State.Seated():
		ev.Seated++
	case !e.State.Seated() && old.State.Seated():
		ev.Seated--
	}
	return old.State.Seated() && !e.State.Seated(), nil
}

// promote gives free seats to the waitlist in order: each waiting
// enrollment whose unit quota allows takes a seat (an approved
// registration is accepted, a nominee invited), until the event is full.
// Only before the event runs.
func (s *Store) promote(ctx context.Context, tx *Tx, actor string, ev EventRow) error {
	if !ev.Nominations() {
		return nil
	}
	rows, err := tx.Query(ctx, `SELECT id FROM enrollments WHERE event_id = $1 AND state = 'waitlisted' ORDER BY waitlist_pos, id`, ev.ID)
	if err != nil {
		return err
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return err
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range ids {
		old, nip, err := s.txEnrollment(ctx, tx, id)
		if err != nil {
			return err
		}
		_, err = s.step(ctx, tx, actor, "enrollment.promote", &ev, old, nip, func(e *learning.Enrollment, c StepContext) error {
			if c.Occupancy.Seated >= c.Occupancy.Capacity {
				return errFull
			}
			if !c.Occupancy.Free() { // this unit's quota is used up: the next in line may fit
				return ErrSkip
			}
			st, err := learning.Next(e.State, learning.PromoteAction(e.Source))
			e.State = st
			return err
		})
		switch {
		case errors.Is(err, errFull):
			return nil
		case errors.Is(err, ErrSkip):
		case err != nil:
			return err
		}
	}
	return nil
}

var errFull = errors.New("full")
