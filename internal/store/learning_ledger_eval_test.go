package store_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"asah/internal/learning"
	"asah/internal/store"
)

func TestEvaluationStore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		o := newLedgerOrg(t, s)
		s.SetClock(func() time.Time { return time.Date(2026, 7, 1, 3, 0, 0, 0, time.UTC) })
		done := time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC)
		e1 := o.enroll(t, o.eventA, 2, "completed", done, 0)
		e2 := o.enroll(t, o.eventA, 1, "no_show", time.Time{}, 0)
		e3 := o.enroll(t, o.eventA, 3, "not_completed", time.Time{}, 0)
		if err := s.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.Exec(ctx, `UPDATE enrollments SET pre_score = 55, post_score = 80 WHERE id = $1`, e1)
			if err == nil {
				_, err = tx.Exec(ctx, `UPDATE enrollments SET pre_score = 60, post_score = 62 WHERE id = $1`, e3)
			}
			return err
		}); err != nil {
			t.Fatal(err)
		}

		r := learning.Reaction{Relevance: 5, Content: 4, Facilitator: 4, Organisation: 3, Comment: "bermanfaat"}
		if _, err := s.AddReaction(ctx, "user:2", "199001152015032001", e1, r); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddReaction(ctx, "user:2", "199001152015032001", e1, r); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second answer: %v", err)
		}
		if got, err := s.Reaction(ctx, e1); err != nil || got != r {
			t.Errorf("reaction read back %+v %v", got, err)
		}
		if _, err := s.Reaction(ctx, e2); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("no reaction: %v", err)
		}

		// Pending follow-ups: the completed enrollment whose event ended by a day.
		due, err := s.PendingFollowUps(ctx, store.Filter{Within: &store.Within{EmployeeID: 1, Team: true}}, day("2026-03-06"), 0)
		if err != nil || len(due) != 1 || due[0].ID != e1 {
			t.Fatalf("due follow-ups %+v %v", due, err)
		}
		if due, _ := s.PendingFollowUps(ctx, store.Filter{}, day("2026-03-05"), 0); len(due) != 0 {
			t.Errorf("follow-up due before the event ended: %+v", due)
		}
		fu := store.FollowUp{EnrollmentID: e1, Applied: learning.AppliedPartly, Comment: "mulai diterapkan", RecorderName: "Asep Suhendar"}
		if _, err := s.AddFollowUp(ctx, "user:1", "199001152015032001", fu); err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddFollowUp(ctx, "user:1", "199001152015032001", fu); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second follow-up: %v", err)
		}
		if got, err := s.FollowUpOf(ctx, e1); err != nil || got.Applied != learning.AppliedPartly || got.RecordedBy != "user:1" || got.AssessmentID != 0 {
			t.Errorf("follow-up read back %+v %v", got, err)
		}
		if due, _ := s.PendingFollowUps(ctx, store.Filter{}, day("2026-12-31"), 0); len(due) != 0 {
			t.Errorf("recorded follow-up still due: %+v", due)
		}

		d, err := s.ProgramEvaluation(ctx, o.programA, day("2026-07-01"))
		if err != nil {
			t.Fatal(err)
		}
		if d.Outcome != (learning.OutcomeCounts{Completed: 1, NotCompleted: 1, NoShow: 1}) || len(d.Reactions) != 1 || d.Reactions[0] != r ||
			len(d.Scores) != 2 || d.Applied.Partly != 1 || len(d.Targets) != 1 || d.Targets[0] != o.tech ||
			len(d.Events) != 1 || d.Events[0].ID != o.eventA || len(d.Events[0].Participants) != 1 || d.Events[0].Participants[0] != 2 ||
			!d.Enrolled[1] || !d.Enrolled[3] || d.Enrolled[4] {
			t.Errorf("program data %+v", d)
		}
		if g := learning.SummariseGain(d.Scores); g.N != 2 || g.Average != (25+2)/2.0 {
			t.Errorf("gain %+v", g)
		}
		as, err := s.FinalAssessmentsOf(ctx, d.Targets)
		if err != nil || len(as[2]) != 1 || as[2][0].Level != 1 || len(as[1]) != 0 {
			t.Errorf("final assessments of the target %+v %v", as, err)
		}
	})
}
