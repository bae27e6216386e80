package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"asah/internal/competency"
	"asah/internal/learning"
	"asah/internal/store"
)

// The Kirkpatrick evaluation of learning: the attendee answers the reaction
// survey once; the direct supervisor (or an admin) records the follow-up
// three months after the event, optionally with a new supervisor
// assessment of the program's target competency, which then moves the gap
// through the current-level rule like any other assessment; per program,
// the aggregates of all four levels.

// attendedStates are the enrollment states of someone who attended.
var attendedStates = map[string]bool{"attended": true, "completed": true, "not_completed": true}

// EnrollmentEvaluation is the evaluation state of one enrollment.
type EnrollmentEvaluation struct {
	Enrollment store.EnrollmentInfo
	Reaction   *learning.Reaction
	FollowUp   *store.FollowUp
	// FollowUpDue is the first day the follow-up may be recorded.
	FollowUpDue    time.Time
	CanAnswer      bool // the survey, by the attendee
	CanFollowUp    bool // now, by this actor
	FollowUpTarget []ProgramTarget
}

// ProgramTarget is a target competency of a program.
type ProgramTarget struct {
	CompetencyID int64
	Code         string
	Name         string
	TargetLevel  int
}

// evaluationSubject loads an enrollment of an employee in the actor's scope.
func (a *App) evaluationSubject(ctx context.Context, actor Actor, enrollmentID int64) (store.EnrollmentInfo, store.EmployeeRow, error) {
	info, err := a.Store.EnrollmentInfo(ctx, enrollmentID)
	if errors.Is(err, store.ErrNotFound) {
		return info, store.EmployeeRow{}, errOutOfScope("keikutsertaan")
	}
	if err != nil {
		return info, store.EmployeeRow{}, err
	}
	e, err := a.employeeInScope(ctx, actor, info.NIP)
	if ErrorCode(err) == CodeNotFound {
		return info, e, errOutOfScope("keikutsertaan")
	}
	return info, e, err
}

func mayFollowUp(actor Actor, e store.EmployeeRow) bool {
	return actor.Can(PermEvaluationWrite) && !isSelf(actor, e) && (isSupervisor(actor, e) || isAdmin(actor))
}

// EnrollmentEvaluationOf returns the survey answer, the follow-up and what
// the actor may do for one enrollment.
func (a *App) EnrollmentEvaluationOf(ctx context.Context, actor Actor, enrollmentID int64) (EnrollmentEvaluation, error) {
	if err := actor.Require(PermEvaluationWrite); err != nil {
		return EnrollmentEvaluation{}, err
	}
	info, e, err := a.evaluationSubject(ctx, actor, enrollmentID)
	if err != nil {
		return EnrollmentEvaluation{}, err
	}
	v := EnrollmentEvaluation{Enrollment: info, FollowUpDue: learning.FollowUpDue(info.EndsOn)}
	if r, err := a.Store.Reaction(ctx, info.ID); err == nil {
		v.Reaction = &r
	} else if !errors.Is(err, store.ErrNotFound) {
		return v, err
	}
	if f, err := a.Store.FollowUpOf(ctx, info.ID); err == nil {
		v.FollowUp = &f
	} else if !errors.Is(err, store.ErrNotFound) {
		return v, err
	}
	v.CanAnswer = v.Reaction == nil && isSelf(actor, e) && attendedStates[info.State]
	v.CanFollowUp = v.FollowUp == nil && info.State == "completed" && mayFollowUp(actor, e) && !a.Today().Before(v.FollowUpDue)
	if v.CanFollowUp {
		if v.FollowUpTarget, err = a.programTargets(ctx, info.ProgramID); err != nil {
			return v, err
		}
	}
	return v, nil
}

// SubmitReaction stores the attendee's reaction survey: only the employee
// who attended, and only once.
func (a *App) SubmitReaction(ctx context.Context, actor Actor, enrollmentID int64, r learning.Reaction) error {
	if err := actor.Require(PermEvaluationWrite); err != nil {
		return err
	}
	info, e, err := a.evaluationSubject(ctx, actor, enrollmentID)
	if err != nil {
		return err
	}
	if !isSelf(actor, e) {
		return forbidden("survei reaksi diisi oleh peserta sendiri")
	}
	if !attendedStates[info.State] {
		return conflict("survei reaksi hanya untuk peserta yang hadir")
	}
	r.Comment = strings.TrimSpace(r.Comment)
	if fields := r.Validate(); len(fields) > 0 {
		var parts []string
		for _, k := range append(append([]string{}, learning.ReactionScales...), "comment") {
			if m, ok := fields[k]; ok {
				parts = append(parts, m)
			}
		}
		return &Error{Code: CodeInvalid, Message: strings.Join(parts, "; "), Fields: fields}
	}
	_, err = a.Store.AddReaction(ctx, actor.Label(), e.NIP, info.ID, r)
	return storeError(err, "keikutsertaan")
}

// FollowUpInput is the supervisor's follow-up. Level (1–5) optionally
// records a new supervisor assessment of Competency (a code; by default
// the program's first target competency).
type FollowUpInput struct {
	Applied    string
	Comment    string
	Level      int
	Competency string
}

func (a *App) programTargets(ctx context.Context, programID int64) ([]ProgramTarget, error) {
	ts, err := a.Store.ProgramTargets(ctx, programID)
	if err != nil {
		return nil, err
	}
	out := make([]ProgramTarget, len(ts))
	for i, t := range ts {
		out[i] = ProgramTarget{CompetencyID: t.CompetencyID, Code: t.Code, Name: t.Name, TargetLevel: t.TargetLevel}
	}
	return out, nil
}

// RecordFollowUp stores the follow-up of a completed enrollment, from the
// day FollowUpDue on: the employee's direct supervisor or an admin in
// scope. A level records a supervisor assessment through RecordAssessment
// (the same source rules: an agency admin cannot record one), dated today,
// before the follow-up; a follow-up that fails to store after it (a
// concurrent second follow-up) leaves that assessment, which is a valid
// assessment of its own.
func (a *App) RecordFollowUp(ctx context.Context, actor Actor, enrollmentID int64, in FollowUpInput) (store.FollowUp, error) {
	if err := actor.Require(PermEvaluationWrite); err != nil {
		return store.FollowUp{}, err
	}
	info, e, err := a.evaluationSubject(ctx, actor, enrollmentID)
	if err != nil {
		return store.FollowUp{}, err
	}
	if !mayFollowUp(actor, e) {
		return store.FollowUp{}, forbidden("tindak lanjut dicatat oleh atasan langsung peserta atau admin")
	}
	if info.State != "completed" {
		return store.FollowUp{}, conflict("tindak lanjut dicatat untuk peserta yang menyelesaikan pelatihan")
	}
	if due := learning.FollowUpDue(info.EndsOn); a.Today().Before(due) {
		return store.FollowUp{}, conflict(fmt.Sprintf("tindak lanjut dapat dicatat mulai %s, tiga bulan setelah pelatihan berakhir",
			due.Format("2006-01-02")))
	}
	fields := map[string]string{}
	applied, err := learning.ParseApplied(in.Applied)
	if err != nil {
		fields["applied"] = err.Error()
	}
	comment := strings.TrimSpace(in.Comment)
	if utf8.RuneCountInString(comment) > learning.MaxEvaluationComment {
		fields["comment"] = fmt.Sprintf("komentar paling banyak %d karakter", learning.MaxEvaluationComment)
	}
	var target ProgramTarget
	if in.Level != 0 {
		if err := competency.ValidateLevel(in.Level); err != nil {
			fields["level"] = err.Error()
		}
		targets, err := a.programTargets(ctx, info.ProgramID)
		if err != nil {
			return store.FollowUp{}, err
		}
		code := strings.TrimSpace(in.Competency)
		for _, t := range targets {
			if code == "" || strings.EqualFold(t.Code, code) {
				target = t
				break
			}
		}
		if target.CompetencyID == 0 {
			fields["competency"] = "pilih salah satu kompetensi sasaran program"
		}
	}
	if len(fields) > 0 {
		var parts []string
		for _, k := range []string{"applied", "comment", "level", "competency"} {
			if m, ok := fields[k]; ok {
				parts = append(parts, m)
			}
		}
		return store.FollowUp{}, &Error{Code: CodeInvalid, Message: strings.Join(parts, "; "), Fields: fields}
	}
	if _, err := a.Store.FollowUpOf(ctx, info.ID); err == nil {
		return store.FollowUp{}, conflict("tindak lanjut untuk keikutsertaan ini sudah dicatat")
	} else if !errors.Is(err, store.ErrNotFound) {
		return store.FollowUp{}, err
	}
	f := store.FollowUp{EnrollmentID: info.ID, Applied: applied, Comment: comment, RecorderName: actor.Name}
	if in.Level != 0 {
		f.AssessmentID, err = a.RecordAssessment(ctx, actor, AssessmentInput{NIP: e.NIP, Competency: target.Code,
			Source: string(competency.SourceSupervisor), Level: in.Level, AssessedOn: a.Today().Format("2006-01-02"),
			Evidence: fmt.Sprintf("Tindak lanjut evaluasi pelatihan %s (%s)", info.ProgramTitle, info.EventCode)})
		if err != nil {
			return store.FollowUp{}, err
		}
	}
	if f.ID, err = a.Store.AddFollowUp(ctx, actor.Label(), e.NIP, f); err != nil {
		return store.FollowUp{}, storeError(err, "keikutsertaan")
	}
	return a.Store.FollowUpOf(ctx, info.ID)
}

// DueFollowUps lists the completed enrollments whose follow-up the actor
// may record today and nobody has: a supervisor's direct reports', an
// admin's scope.
func (a *App) DueFollowUps(ctx context.Context, actor Actor) ([]store.EnrollmentInfo, error) {
	if err := actor.Require(PermEvaluationWrite); err != nil {
		return nil, err
	}
	today := a.Today()
	// Events that ended three months (and a few days, for short months) ago.
	endedBy := today.AddDate(0, -learning.FollowUpMonths, 3)
	var f store.Filter
	switch {
	case isAdmin(actor):
		f.Within = within(actor)
	case actor.EmployeeID != 0:
		f.Within = &store.Within{EmployeeID: actor.EmployeeID, Team: true}
	default:
		return nil, nil
	}
	rows, err := a.Store.PendingFollowUps(ctx, f, endedBy, 0)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, r := range rows {
		if learning.FollowUpDue(r.EndsOn).After(today) || r.EmployeeID == actor.EmployeeID {
			continue
		}
		if !isAdmin(actor) && r.SupervisorID != actor.EmployeeID {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}
