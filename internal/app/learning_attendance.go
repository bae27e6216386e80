package app

import (
	"context"
	"fmt"

	"asah/internal/learning"
	"asah/internal/store"
)

// This file holds what happens while and after an event runs: attendance
// per session, no-shows, pre- and post-test scores, and completion. An
// admin BKPSDM records for any event, a mitra for its own events, an admin
// OPD for the participants in its scope.

// recorderWithin checks that an actor may record for an event now and
// returns the participants it may record for (nil: all).
func (a *App) recorderWithin(ctx context.Context, actor Actor, ev store.EventRow) (*store.Within, error) {
	if err := actor.Require(PermAttendanceWrite); err != nil {
		return nil, err
	}
	var w *store.Within
	switch actor.Role {
	case RoleAdminBKPSDM:
	case RoleMitra:
		ok, err := a.seesProvider(ctx, actor, ev.ProviderID)
		if err != nil {
			return nil, err
		}
		if !ok {
			return nil, errOutOfScope("angkatan")
		}
	case RoleAdminOPD:
		w = within(actor)
	default:
		return nil, forbidden("kehadiran dicatat oleh admin atau mitra penyelenggara")
	}
	if !ev.Recording() {
		return nil, conflict("kehadiran, nilai, dan kelulusan dicatat saat angkatan berjalan atau sesudahnya: ubah status angkatan menjadi berjalan")
	}
	return w, nil
}

// recordable loads an enrollment the actor may record for now.
func (a *App) recordable(ctx context.Context, actor Actor, id int64) (store.EnrollmentRow, error) {
	if err := actor.Require(PermAttendanceWrite); err != nil {
		return store.EnrollmentRow{}, err
	}
	r, err := a.enrollmentInScope(ctx, actor, id)
	if err != nil {
		return r, err
	}
	ev, err := a.Store.EventByID(ctx, r.EventID)
	if err != nil {
		return r, learnError(err, "angkatan")
	}
	_, err = a.recorderWithin(ctx, actor, ev)
	return r, err
}

// AttendanceInput is one participant's presence at a session.
type AttendanceInput struct {
	EnrollmentID int64
	Present      bool
}

// RecordAttendance records who was present at session seq of an event, in
// one transaction: only accepted participants, only once the session has
// started. A participant present at any session is attended. It returns
// how many marks changed.
func (a *App) RecordAttendance(ctx context.Context, actor Actor, eventCode string, seq int, marks []AttendanceInput) (int, error) {
	ev, err := a.visibleEvent(ctx, actor, eventCode)
	if err != nil {
		return 0, err
	}
	w, err := a.recorderWithin(ctx, actor, ev)
	if err != nil {
		return 0, err
	}
	var session *learning.Session
	for i := range ev.Sessions {
		if ev.Sessions[i].Seq == seq {
			session = &ev.Sessions[i]
		}
	}
	if session == nil {
		return 0, NotFound(fmt.Sprintf("sesi ke-%d tidak ditemukan", seq))
	}
	if a.Now().Before(session.StartsAt) {
		return 0, conflict(fmt.Sprintf("sesi ke-%d belum dimulai", seq))
	}
	rows, err := a.Store.Enrollments(ctx, store.EnrollmentQuery{EventID: ev.ID, Within: w})
	if err != nil {
		return 0, err
	}
	allowed := map[int64]bool{}
	for _, r := range rows {
		allowed[r.ID] = true
	}
	out := make([]store.AttendanceMark, 0, len(marks))
	for i, m := range marks {
		if !allowed[m.EnrollmentID] {
			return 0, NotFound(fmt.Sprintf("baris %d: peserta tidak ditemukan pada angkatan ini", i+1))
		}
		out = append(out, store.AttendanceMark{EnrollmentID: m.EnrollmentID, Present: m.Present})
	}
	n, err := a.Store.RecordAttendance(ctx, actor.Label(), ev.ID, session.ID, out)
	return n, learnError(err, "kehadiran")
}

// MarkNoShow records that an accepted participant attended no session.
func (a *App) MarkNoShow(ctx context.Context, actor Actor, id int64) (store.EnrollmentRow, error) {
	if _, err := a.recordable(ctx, actor, id); err != nil {
		return store.EnrollmentRow{}, err
	}
	out, err := a.Store.UpdateEnrollment(ctx, actor.Label(), id, "enrollment.no_show", func(e *learning.Enrollment, c store.StepContext) error {
		if c.Present > 0 {
			return conflict(fmt.Sprintf("peserta tercatat hadir di %d sesi: perbaiki catatan kehadiran dahulu", c.Present))
		}
		st, err := learning.Next(e.State, learning.ActNoShow)
		e.State = st
		return err
	})
	return out, learnError(err, "pendaftaran")
}

// RecordScores records a participant's pre- and post-test scores (0–100;
// nil leaves a score as it is), before the participant is declared
// complete.
func (a *App) RecordScores(ctx context.Context, actor Actor, id int64, pre, post *float64) (store.EnrollmentRow, error) {
	fields := map[string]string{}
	for _, x := range []struct {
		field string
		v     *float64
	}{{"pre_score", pre}, {"post_score", post}} {
		if x.v == nil {
			continue
		}
		if err := learning.CheckScore(x.field, *x.v); err != nil {
			fields[x.field] = err.Error()
		}
	}
	if len(fields) > 0 {
		return store.EnrollmentRow{}, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	if _, err := a.recordable(ctx, actor, id); err != nil {
		return store.EnrollmentRow{}, err
	}
	out, err := a.Store.UpdateEnrollment(ctx, actor.Label(), id, "enrollment.scores", func(e *learning.Enrollment, c store.StepContext) error {
		switch e.State {
		case learning.StateAccepted, learning.StateAttended, learning.StateNotCompleted:
		default:
			return conflict("nilai dicatat untuk peserta yang diterima, hadir, atau belum lulus")
		}
		if pre != nil {
			v := *pre
			e.PreScore = &v
		}
		if post != nil {
			v := *post
			e.PostScore = &v
		}
		return nil
	})
	return out, learnError(err, "pendaftaran")
}

// completionStep applies the program's completion rule to an attended (or
// not completed) participant; outcome receives the evaluation.
func completionStep(rule learning.CompletionRule, outcome *learning.Completion) store.StepFunc {
	return func(e *learning.Enrollment, c store.StepContext) error {
		switch e.State {
		case learning.StateAttended, learning.StateNotCompleted:
		case learning.StateAccepted:
			return conflict("peserta belum tercatat hadir: catat kehadiran atau tandai tidak hadir")
		default:
			return &learning.StateError{From: e.State, Action: learning.ActComplete,
				Msg: fmt.Sprintf("kelulusan dinilai untuk peserta yang hadir; status peserta ini %s", e.State)}
		}
		*outcome = rule.Evaluate(c.Present, len(c.Event.Sessions), e.PostScore)
		act := learning.ActComplete
		if !outcome.Completed {
			if e.State == learning.StateNotCompleted {
				return store.ErrSkip // still short: nothing changes
			}
			act = learning.ActFail
		}
		st, err := learning.Next(e.State, act)
		e.State = st
		return err
	}
}

// CompleteEnrollment applies the completion rule (share of sessions
// attended, default 80%, and the post-test when the program requires it)
// to a participant who attended: completed or not_completed, with the
// reasons. A not_completed participant may be evaluated again (e.g. after a
// remedial post-test).
func (a *App) CompleteEnrollment(ctx context.Context, actor Actor, id int64) (store.EnrollmentRow, learning.Completion, error) {
	r, err := a.recordable(ctx, actor, id)
	if err != nil {
		return r, learning.Completion{}, err
	}
	p, err := a.Store.ProgramByID(ctx, r.ProgramID, a.Today())
	if err != nil {
		return r, learning.Completion{}, learnError(err, "program")
	}
	var c learning.Completion
	out, err := a.Store.UpdateEnrollment(ctx, actor.Label(), id, "enrollment.complete", completionStep(p.Completion(), &c))
	return out, c, learnError(err, "pendaftaran")
}

// CompletionSummary counts the outcome of completing an event.
type CompletionSummary struct {
	Completed    int
	NotCompleted int
	NoShow       int
}

// CompleteEvent closes the records of an event in one transaction: every
// accepted participant who attended no session is a no-show, every
// attended one completed or not by the rule. For an admin BKPSDM or the
// event's own mitra.
func (a *App) CompleteEvent(ctx context.Context, actor Actor, eventCode string) (CompletionSummary, error) {
	ev, err := a.visibleEvent(ctx, actor, eventCode)
	if err != nil {
		return CompletionSummary{}, err
	}
	w, err := a.recorderWithin(ctx, actor, ev)
	if err != nil {
		return CompletionSummary{}, err
	}
	if w != nil {
		return CompletionSummary{}, forbidden("kelulusan seluruh angkatan ditetapkan oleh admin BKPSDM atau mitra penyelenggara")
	}
	p, err := a.Store.ProgramByID(ctx, ev.ProgramID, a.Today())
	if err != nil {
		return CompletionSummary{}, learnError(err, "program")
	}
	var sum CompletionSummary
	rule := p.Completion()
	_, err = a.Store.UpdateEventEnrollments(ctx, actor.Label(), ev.ID, "enrollment.complete",
		[]learning.State{learning.StateAccepted, learning.StateAttended}, func(e *learning.Enrollment, c store.StepContext) error {
			if e.State == learning.StateAccepted {
				if c.Present > 0 {
					return store.ErrSkip
				}
				st, err := learning.Next(e.State, learning.ActNoShow)
				e.State = st
				sum.NoShow++
				return err
			}
			var out learning.Completion
			if err := completionStep(rule, &out)(e, c); err != nil {
				return err
			}
			if out.Completed {
				sum.Completed++
			} else {
				sum.NotCompleted++
			}
			return nil
		})
	return sum, learnError(err, "angkatan")
}
