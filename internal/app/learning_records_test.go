package app_test

import (
	"context"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// participants nominates employees for an event (open, in the past), has
// them accept, and sets the event running.
func (o *learnOrg) participants(t *testing.T, event string, ids ...int64) map[int64]store.EnrollmentRow {
	t.Helper()
	ctx := context.Background()
	out := map[int64]store.EnrollmentRow{}
	for _, id := range ids {
		r, err := o.a.Nominate(ctx, o.kabid, app.NominationInput{Event: event, NIP: o.nip[id], Invite: true})
		if err != nil {
			t.Fatalf("nominate %d: %v", id, err)
		}
		if r, err = o.a.RespondInvitation(ctx, o.staff[id], r.ID, true, ""); err != nil {
			t.Fatalf("accept %d: %v", id, err)
		}
		out[id] = r
	}
	if _, err := o.a.SetEventStatus(ctx, o.admin, event, "running"); err != nil {
		t.Fatal(err)
	}
	return out
}

func (o *learnOrg) attend(t *testing.T, actor app.Actor, event string, seq int, present map[int64]bool) {
	t.Helper()
	var marks []app.AttendanceInput
	for id, p := range present {
		marks = append(marks, app.AttendanceInput{EnrollmentID: id, Present: p})
	}
	if _, err := o.a.RecordAttendance(context.Background(), actor, event, seq, marks); err != nil {
		t.Fatalf("session %d: %v", seq, err)
	}
}

// TestAttendanceAndCompletion: attendance per session, the 80% rule and
// the post-test decide completion; accepted participants who attended
// nothing become no-shows.
func TestAttendanceAndCompletion(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)
		o.program(t, o.admin, app.ProgramInput{Code: "PM", Title: "Manajemen Proyek", Provider: "ITB", RequiresPostTest: true, PassScore: 70})
		// Five sessions, 23–27 November; the clock is 27 November 09:00 WIB.
		o.event(t, o.admin, "PM", "PM-5", "2026-11-23", 5, 10, "open")
		p := o.participants(t, "PM-5", 103, 104, 105, 106, 107)
		ani, budi, cici, dodi, euis := p[103].ID, p[104].ID, p[105].ID, p[106].ID, p[107].ID

		// Attendance: Ani 5/5, Budi 4/5 (80%), Cici 3/5, Dodi 5/5 (fails the post-test), Euis never.
		for seq := 1; seq <= 5; seq++ {
			o.attend(t, o.itb, "PM-5", seq, map[int64]bool{ani: true, budi: seq != 2, cici: seq <= 3, dodi: true, euis: false})
		}
		if _, err := a.RecordAttendance(ctx, o.itb, "PM-5", 6, nil); app.ErrorCode(err) != app.CodeNotFound {
			t.Errorf("session 6: %v", err)
		}
		// Correcting a mark changes it; an unchanged mark is not rewritten.
		if n, err := a.RecordAttendance(ctx, o.admin, "PM-5", 1, []app.AttendanceInput{{EnrollmentID: ani, Present: true}}); err != nil || n != 0 {
			t.Errorf("same mark again: %d changes, %v", n, err)
		}
		for id, score := range map[int64]float64{ani: 85, budi: 70, cici: 90, dodi: 60} {
			if _, err := a.RecordScores(ctx, o.itb, id, nil, &score); err != nil {
				t.Fatal(err)
			}
		}
		bad := 101.0
		if _, err := a.RecordScores(ctx, o.itb, ani, &bad, nil); app.ErrorCode(err) != app.CodeInvalid {
			t.Errorf("score 101: %v", err)
		}
		if _, err := a.MarkNoShow(ctx, o.itb, ani); app.ErrorCode(err) != app.CodeConflict {
			t.Errorf("no-show of someone present: %v", err)
		}
		r, c, err := a.CompleteEnrollment(ctx, o.itb, budi)
		if err != nil || r.State != learning.StateCompleted || c.Attended != 4 || c.Sessions != 5 {
			t.Errorf("Budi 4/5 with 70: %s %+v %v", r.State, c, err)
		}
		sum, err := a.CompleteEvent(ctx, o.itb, "PM-5")
		if err != nil {
			t.Fatal(err)
		}
		if sum != (app.CompletionSummary{Completed: 1, NotCompleted: 2, NoShow: 1}) {
			t.Errorf("summary %+v", sum)
		}
		got := o.states(t, "PM-5")
		want := map[int64]string{103: "completed", 104: "completed", 105: "not_completed", 106: "not_completed", 107: "no_show"}
		for id, st := range want {
			if got[id][0] != st {
				t.Errorf("employee %d: %s, want %s", id, got[id][0], st)
			}
		}
		// Dodi passes a remedial post-test and is evaluated again.
		pass := 75.0
		if _, err := a.RecordScores(ctx, o.itb, dodi, nil, &pass); err != nil {
			t.Fatal(err)
		}
		if r, _, err := a.CompleteEnrollment(ctx, o.itb, dodi); err != nil || r.State != learning.StateCompleted || r.CompletedAt.IsZero() {
			t.Errorf("Dodi after the remedial: %s %v", r.State, err)
		}
		// Cici stays not completed, with the reason.
		if r, c, err := a.CompleteEnrollment(ctx, o.itb, cici); err != nil || r.State != learning.StateNotCompleted ||
			len(c.Reasons) != 1 || !strings.Contains(c.Reasons[0], "3 dari 5") {
			t.Errorf("Cici: %s %+v %v", r.State, c, err)
		}
		if _, err := a.RecordScores(ctx, o.itb, ani, nil, &pass); app.ErrorCode(err) != app.CodeConflict {
			t.Errorf("score after completion: %v", err)
		}
	})
}

// TestRecordingRules: attendance only while the event runs, only for
// sessions that started, only by admins and the event's own mitra, and an
// agency admin only for the participants in its scope.
func TestRecordingRules(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)
		o.program(t, o.admin, app.ProgramInput{Code: "PM", Title: "Manajemen Proyek", Provider: "ITB"})
		o.event(t, o.admin, "PM", "PM-X", "2026-11-26", 3, 10, "open") // 26–28 November
		ani, err := a.Nominate(ctx, o.kabid, app.NominationInput{Event: "PM-X", NIP: o.nip[103], Invite: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.RespondInvitation(ctx, o.kabid, ani.ID, true, ""); app.ErrorCode(err) != app.CodeForbidden {
			t.Errorf("the supervisor answers the invitation: %v", err)
		}
		if _, err := a.RespondInvitation(ctx, o.staff[103], ani.ID, true, ""); err != nil {
			t.Fatal(err)
		}
		fajar, err := a.Nominate(ctx, o.kadisLH, app.NominationInput{Event: "PM-X", NIP: o.nip[111], Invite: true})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := a.RespondInvitation(ctx, o.staff[111], fajar.ID, true, ""); err != nil {
			t.Fatal(err)
		}
		mark := []app.AttendanceInput{{EnrollmentID: ani.ID, Present: true}}
		if _, err := a.RecordAttendance(ctx, o.admin, "PM-X", 1, mark); app.ErrorCode(err) != app.CodeConflict {
			t.Errorf("attendance before the event runs: %v", err)
		}
		if _, err := a.SetEventStatus(ctx, o.admin, "PM-X", "running"); err != nil {
			t.Fatal(err)
		}
		if _, err := a.RecordAttendance(ctx, o.admin, "PM-X", 3, mark); app.ErrorCode(err) != app.CodeConflict {
			t.Errorf("session 3 has not started: %v", err)
		}
		if _, err := a.RecordAttendance(ctx, o.kabid, "PM-X", 1, mark); app.ErrorCode(err) != app.CodeForbidden {
			t.Errorf("a supervisor takes attendance: %v", err)
		}
		if _, err := a.RecordAttendance(ctx, o.unpad, "PM-X", 1, mark); app.ErrorCode(err) != app.CodeNotFound {
			t.Errorf("another institution's mitra takes attendance: %v", err)
		}
		// The DLHK admin records for Fajar but not for Ani (DSDABM).
		if _, err := a.RecordAttendance(ctx, o.adminLH, "PM-X", 1, mark); app.ErrorCode(err) != app.CodeNotFound {
			t.Errorf("agency admin outside its scope: %v", err)
		}
		if _, err := a.RecordAttendance(ctx, o.adminLH, "PM-X", 1, []app.AttendanceInput{{EnrollmentID: fajar.ID, Present: true}}); err != nil {
			t.Errorf("agency admin in scope: %v", err)
		}
		if _, err := a.CompleteEvent(ctx, o.adminLH, "PM-X"); app.ErrorCode(err) != app.CodeForbidden {
			t.Errorf("agency admin completes the whole event: %v", err)
		}
		// Attendance made Fajar attended; the audit trail says so.
		trail, err := a.Store.AuditTrail(ctx, "employee", o.nip[111], 1)
		if err != nil || len(trail) != 1 || trail[0].Action != "enrollment.attendance" || !strings.Contains(trail[0].After, `"state":"attended"`) {
			t.Errorf("audit of the attendance: %+v %v", trail, err)
		}
		// Once the event runs, a participant can no longer withdraw.
		if _, err := a.CancelEnrollment(ctx, o.staff[103], ani.ID, ""); app.ErrorCode(err) != app.CodeConflict {
			t.Errorf("cancel while running: %v", err)
		}
	})
}
