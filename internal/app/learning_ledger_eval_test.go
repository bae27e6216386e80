package app_test

import (
	"context"
	"math"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/learning"
	"asah/internal/store"
)

func TestReactionSurveyOnlyAttendeesOnce(t *testing.T) {
	o := newLedgerOrg(t)
	ctx := context.Background()
	a := o.a
	citra := o.enroll(t, o.eventE, 3, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC))
	dewi := o.enroll(t, o.eventE, 4, "no_show", time.Time{})
	r := learning.Reaction{Relevance: 5, Content: 4, Facilitator: 4, Organisation: 3, Comment: "praktis"}

	err := a.SubmitReaction(ctx, o.stafB, dewi, r)
	expect(t, "a no-show answers", err, app.CodeConflict)
	err = a.SubmitReaction(ctx, o.kabid, citra, r)
	expect(t, "the supervisor answers for the attendee", err, app.CodeForbidden)
	err = a.SubmitReaction(ctx, o.stafB, citra, r)
	expect(t, "a colleague answers", err, app.CodeNotFound)
	bad := r
	bad.Facilitator = 7
	err = a.SubmitReaction(ctx, o.stafA, citra, bad)
	if e, ok := err.(*app.Error); !ok || e.Code != app.CodeInvalid || e.Fields["facilitator"] == "" {
		t.Errorf("scale 7: %v", err)
	}
	if v, err := a.EnrollmentEvaluationOf(ctx, o.stafA, citra); err != nil || !v.CanAnswer || v.Reaction != nil {
		t.Fatalf("before answering: %+v %v", v, err)
	}
	if err := a.SubmitReaction(ctx, o.stafA, citra, r); err != nil {
		t.Fatal(err)
	}
	err = a.SubmitReaction(ctx, o.stafA, citra, r)
	expect(t, "second answer", err, app.CodeConflict)
	if v, err := a.EnrollmentEvaluationOf(ctx, o.stafA, citra); err != nil || v.CanAnswer || v.Reaction == nil || *v.Reaction != r {
		t.Errorf("after answering: %+v %v", v, err)
	}
}

func TestFollowUpAssessmentMovesTheGap(t *testing.T) {
	o := newLedgerOrg(t)
	ctx := context.Background()
	a := o.a
	// Dewi (no M.4 assessment) and Citra (M.4 level 2 from the assessment
	// center) completed event E (ended 6 March: follow-up due 6 June).
	dewi := o.enroll(t, o.eventE, 4, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC))
	citra := o.enroll(t, o.eventE, 3, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC))
	// Fajar completed event F, ended 18 November: not due before 18 February.
	fajar := o.enroll(t, o.eventF, 6, "completed", time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC))

	if l := o.m4Line(t, 4); l.Current.Assessed {
		t.Fatalf("Dewi's M.4 already assessed: %+v", l)
	}
	due, err := a.DueFollowUps(ctx, o.kabid)
	if err != nil || len(due) != 2 {
		t.Fatalf("kabid's due follow-ups: %+v %v", due, err)
	}
	if due, _ := a.DueFollowUps(ctx, o.admin); len(due) != 2 {
		t.Errorf("admin's due follow-ups (Fajar's not yet due): %+v", due)
	}

	_, err = a.RecordFollowUp(ctx, o.stafB, dewi, app.FollowUpInput{Applied: "ya"})
	expect(t, "the participant follows up on herself", err, app.CodeForbidden)
	_, err = a.RecordFollowUp(ctx, o.kadis, dewi, app.FollowUpInput{Applied: "ya"})
	expect(t, "the supervisor's supervisor", err, app.CodeForbidden)
	_, err = a.RecordFollowUp(ctx, o.admin, fajar, app.FollowUpInput{Applied: "ya"})
	expect(t, "before it is due", err, app.CodeConflict)
	_, err = a.RecordFollowUp(ctx, o.kabid, dewi, app.FollowUpInput{Applied: "mungkin", Level: 6})
	if e, ok := err.(*app.Error); !ok || e.Code != app.CodeInvalid || e.Fields["applied"] == "" || e.Fields["level"] == "" {
		t.Errorf("bad follow-up: %v", err)
	}
	_, err = a.RecordFollowUp(ctx, o.kabid, dewi, app.FollowUpInput{Applied: "ya", Level: 3, Competency: "M.1"})
	expect(t, "a competency the program does not target", err, app.CodeInvalid)
	// An agency admin may follow up, but not record a supervisor assessment.
	_, err = a.RecordFollowUp(ctx, o.adminDLHK, dewi, app.FollowUpInput{Applied: "ya", Level: 3})
	expect(t, "agency admin's supervisor assessment", err, app.CodeForbidden)
	if l := o.m4Line(t, 4); l.Current.Assessed {
		t.Fatalf("a refused follow-up changed the level: %+v", l)
	}

	f, err := a.RecordFollowUp(ctx, o.kabid, dewi, app.FollowUpInput{Applied: "sebagian", Comment: "mulai menyusun target", Level: 3})
	if err != nil || f.Applied != learning.AppliedPartly || f.AssessmentID == 0 || f.RecorderName != "Budi Kabid" {
		t.Fatalf("follow-up: %+v %v", f, err)
	}
	// Dewi's M.4 is now the supervisor's level 3: against the pelaksana
	// standard of 2 the gap is +1.
	l := o.m4Line(t, 4)
	if g, ok := l.Gap(); !ok || l.Current.Level != 3 || l.Current.Source != competency.SourceSupervisor || g != 1 {
		t.Errorf("Dewi's M.4 after the follow-up: %+v", l)
	}
	_, err = a.RecordFollowUp(ctx, o.kabid, dewi, app.FollowUpInput{Applied: "ya"})
	expect(t, "second follow-up", err, app.CodeConflict)

	// Citra's level comes from the assessment center, which outranks a
	// supervisor: the assessment is recorded, the rule keeps level 2.
	if _, err := a.RecordFollowUp(ctx, o.kabid, citra, app.FollowUpInput{Applied: "ya", Level: 4}); err != nil {
		t.Fatal(err)
	}
	if l := o.m4Line(t, 3); l.Current.Level != 2 || l.Current.Source != competency.SourceAssessmentCenter {
		t.Errorf("Citra's M.4: %+v", l)
	}
	if due, _ := a.DueFollowUps(ctx, o.kabid); len(due) != 0 {
		t.Errorf("still due: %+v", due)
	}
	trail, _ := a.Store.AuditTrail(ctx, "employee", o.nip[4], 10)
	n := map[string]int{}
	for _, e := range trail {
		n[e.Action]++
	}
	if n["evaluation.followup"] != 1 || n["assessment.create"] != 1 {
		t.Errorf("audit: %v", n)
	}
}

func TestProgramEvaluationAggregates(t *testing.T) {
	o := newLedgerOrg(t)
	ctx := context.Background()
	a := o.a
	s := a.Store
	// Event E (2–6 March): window from 1 March to 6 September 2026.
	citra := o.enroll(t, o.eventE, 3, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC))
	dewi := o.enroll(t, o.eventE, 4, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC))
	o.enroll(t, o.eventE, 6, "no_show", time.Time{})
	if err := s.InTx(ctx, func(tx *store.Tx) error {
		if _, err := tx.Exec(ctx, `UPDATE enrollments SET pre_score = 50, post_score = 80 WHERE id = $1`, citra); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `UPDATE enrollments SET pre_score = 60, post_score = 70 WHERE id = $1`, dewi)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if err := a.SubmitReaction(ctx, o.stafA, citra, learning.Reaction{Relevance: 5, Content: 4, Facilitator: 4, Organisation: 3}); err != nil {
		t.Fatal(err)
	}
	if err := a.SubmitReaction(ctx, o.stafB, dewi, learning.Reaction{Relevance: 4, Content: 4, Facilitator: 5, Organisation: 5}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.RecordFollowUp(ctx, o.kabid, citra, app.FollowUpInput{Applied: "ya"}); err != nil {
		t.Fatal(err)
	}
	// M.4 histories. Participants: Citra 2 (assessment center, February)
	// → 3 (assessment center, August): +1; Dewi 1 → 3 (supervisor): +2.
	// Non-participants: Asep 2 → 2: 0; Eka 1 → 2: +1; Budi 3 → 3 (no
	// participant started at 3). Fajar was enrolled (no-show): not compared.
	o.assess(t, 3, competency.SourceAssessmentCenter, 3, "2026-08-01")
	o.assess(t, 4, competency.SourceSupervisor, 1, "2026-01-15")
	o.assess(t, 4, competency.SourceSupervisor, 3, "2026-07-01")
	o.assess(t, 1, competency.SourceSupervisor, 2, "2026-01-10")
	o.assess(t, 5, competency.SourceSupervisor, 1, "2026-01-10")
	o.assess(t, 5, competency.SourceSupervisor, 2, "2026-06-01")
	// After the window: does not count.
	o.assess(t, 1, competency.SourceSupervisor, 4, "2026-10-01")

	v, err := a.ProgramEvaluation(ctx, o.admin, "PMK")
	if err != nil {
		t.Fatal(err)
	}
	if v.Outcome != (learning.OutcomeCounts{Completed: 2, NoShow: 1}) || math.Abs(v.CompletionRate-2.0/3) > 1e-9 ||
		math.Abs(v.NoShowRate-1.0/3) > 1e-9 {
		t.Errorf("outcome %+v %v %v", v.Outcome, v.CompletionRate, v.NoShowRate)
	}
	if v.Reactions.Responses != 2 || v.Reactions.Averages != [4]float64{4.5, 4, 4.5, 4} {
		t.Errorf("reactions %+v", v.Reactions)
	}
	if v.Gain.N != 2 || v.Gain.Average != 20 {
		t.Errorf("gain %+v", v.Gain)
	}
	if v.Applied.Yes != 1 || v.Applied.Total() != 1 {
		t.Errorf("applied %+v", v.Applied)
	}
	// Event F ended nine days ago: its window counts too, but nobody
	// completed it, and its non-participants' levels are read on its own
	// dates (15 November and today).
	c := v.LevelChange
	if v.Events != 2 || c.Participants != 2 || c.ParticipantChange != 1.5 || c.Others != 2 || c.OthersChange != 0.5 ||
		c.Difference != 1 || c.Unmatched != 0 {
		t.Errorf("level change %+v (events %d)", c, v.Events)
	}
	if len(v.PerTarget) != 1 || v.PerTarget[0].Target.Code != "M.4" || v.PerTarget[0].Comparison != c {
		t.Errorf("per target %+v", v.PerTarget)
	}

	// Who may read it: the program's own partner yes, an employee no.
	if _, err := a.ProgramEvaluation(ctx, o.mitra, "PMK"); err != nil {
		t.Errorf("the provider's mitra: %v", err)
	}
	other := o.mitra
	other.Partner = "UNPAD"
	_, err = a.ProgramEvaluation(ctx, other, "PMK")
	expect(t, "another institution's mitra", err, app.CodeNotFound)
	_, err = a.ProgramEvaluation(ctx, o.stafA, "PMK")
	expect(t, "an employee", err, app.CodeForbidden)
}
