package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/learning"
)

// AddReaction stores an attendee's reaction survey, audited; a second
// answer for the same enrollment is ErrConflict (the table's unique
// constraint decides, also between concurrent answers).
func (s *Store) AddReaction(ctx context.Context, actor, nip string, enrollmentID int64, r learning.Reaction) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO reaction_surveys (enrollment_id, relevance, content, facilitator, organisation, comment, submitted_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, enrollmentID, r.Relevance, r.Content, r.Facilitator, r.Organisation,
			r.Comment, timeArg(s, s.now())).Scan(&id)
		if isUniqueViolation(err) {
			return fmt.Errorf("%w: survei reaksi untuk keikutsertaan ini sudah diisi", ErrConflict)
		}
		if err != nil {
			return err
		}
		return audit(ctx, tx, actor, "evaluation.reaction", "employee", nip, nil, map[string]any{"enrollment_id": enrollmentID,
			"scores": r.Scores()})
	})
	return id, err
}

// Reaction loads the survey answer of an enrollment (ErrNotFound: none).
func (s *Store) Reaction(ctx context.Context, enrollmentID int64) (learning.Reaction, error) {
	var r learning.Reaction
	err := s.queryRow(ctx, `SELECT relevance, content, facilitator, organisation, comment FROM reaction_surveys WHERE enrollment_id = $1`,
		enrollmentID).Scan(&r.Relevance, &r.Content, &r.Facilitator, &r.Organisation, &r.Comment)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	return r, err
}

// FollowUp is a supervisor's follow-up of an enrollment.
type FollowUp struct {
	ID           int64
	EnrollmentID int64
	Applied      learning.Applied
	Comment      string
	AssessmentID int64 // 0: none recorded with it
	RecordedBy   string
	RecorderName string
	RecordedAt   time.Time
}

// AddFollowUp stores a follow-up, audited; a second one for the same
// enrollment is ErrConflict.
func (s *Store) AddFollowUp(ctx context.Context, actor, nip string, f FollowUp) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		var assessment any
		if f.AssessmentID != 0 {
			assessment = f.AssessmentID
		}
		err := tx.QueryRow(ctx, `INSERT INTO evaluation_followups (enrollment_id, applied, comment, assessment_id, recorded_by,
			recorder_name, recorded_at) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, f.EnrollmentID, string(f.Applied), f.Comment,
			assessment, actor, f.RecorderName, timeArg(s, s.now())).Scan(&id)
		if isUniqueViolation(err) {
			return fmt.Errorf("%w: tindak lanjut untuk keikutsertaan ini sudah dicatat", ErrConflict)
		}
		if err != nil {
			return err
		}
		return audit(ctx, tx, actor, "evaluation.followup", "employee", nip, nil, map[string]any{"enrollment_id": f.EnrollmentID,
			"applied": f.Applied, "comment": f.Comment, "assessment_id": f.AssessmentID})
	})
	return id, err
}

// FollowUpOf loads the follow-up of an enrollment (ErrNotFound: none).
func (s *Store) FollowUpOf(ctx context.Context, enrollmentID int64) (FollowUp, error) {
	var f FollowUp
	var applied string
	err := s.queryRow(ctx, `SELECT id, enrollment_id, applied, comment, COALESCE(assessment_id, 0), recorded_by, recorder_name, recorded_at
		FROM evaluation_followups WHERE enrollment_id = $1`, enrollmentID).Scan(&f.ID, &f.EnrollmentID, &applied, &f.Comment,
		&f.AssessmentID, &f.RecordedBy, &f.RecorderName, timeCol{&f.RecordedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return f, ErrNotFound
	}
	f.Applied = learning.Applied(applied)
	return f, err
}

// PendingFollowUps lists the completed enrollments without a follow-up
// whose event ended on or before endedBy, of the employees a filter selects,
// oldest event first.
func (s *Store) PendingFollowUps(ctx context.Context, f Filter, endedBy time.Time, limit int) ([]EnrollmentInfo, error) {
	q := f.sql()
	by := q.arg(dateArg(endedBy))
	if limit <= 0 || limit > 1000 {
		limit = 1000
	}
	rows, err := s.query(ctx, q.prefix()+enrollmentInfoSelect+` WHERE n.state = 'completed' AND ev.ends_on <= `+by+`
		AND NOT EXISTS (SELECT 1 FROM evaluation_followups fu WHERE fu.enrollment_id = n.id) AND`+q.where()+`
		ORDER BY ev.ends_on, n.id LIMIT `+q.arg(limit), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []EnrollmentInfo
	for rows.Next() {
		x, err := scanEnrollmentInfo(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}

// ProgramEvaluationData is what the evaluation of a program reads.
type ProgramEvaluationData struct {
	Outcome   learning.OutcomeCounts
	Reactions []learning.Reaction
	Scores    []learning.TestScores
	Applied   learning.AppliedSummary
	// Events started on or before the reference date, with their
	// participants (completed enrollments).
	Events []ProgramEvent
	// Enrolled holds everyone with a live enrollment in any event of the
	// program (not a comparison candidate).
	Enrolled map[int64]bool
	// Targets are the program's target competencies.
	Targets []int64
}

// ProgramEvent is one event of a program and who completed it.
type ProgramEvent struct {
	ID           int64
	StartsOn     time.Time
	EndsOn       time.Time
	Participants []int64
}

// ProgramEvaluation reads the outcomes, surveys, scores, follow-ups,
// events and target competencies of a program.
func (s *Store) ProgramEvaluation(ctx context.Context, programID int64, ref time.Time) (ProgramEvaluationData, error) {
	d := ProgramEvaluationData{Enrolled: map[int64]bool{}}
	rows, err := s.query(ctx, `SELECT n.state, n.employee_id, n.event_id, n.pre_score, n.post_score, r.relevance, r.content, r.facilitator,
		r.organisation, r.comment, fu.applied
		FROM enrollments n JOIN events ev ON ev.id = n.event_id
		LEFT JOIN reaction_surveys r ON r.enrollment_id = n.id LEFT JOIN evaluation_followups fu ON fu.enrollment_id = n.id
		WHERE ev.program_id = $1 AND n.state NOT IN ('declined', 'cancelled')`, programID)
	if err != nil {
		return d, err
	}
	participants := map[int64][]int64{}
	for rows.Next() {
		var state string
		var emp, event int64
		var pre, post sql.NullFloat64
		var rel, con, fac, org sql.NullInt64
		var comment, applied sql.NullString
		if err := rows.Scan(&state, &emp, &event, &pre, &post, &rel, &con, &fac, &org, &comment, &applied); err != nil {
			rows.Close()
			return d, err
		}
		d.Enrolled[emp] = true
		switch state {
		case "completed":
			d.Outcome.Completed++
			participants[event] = append(participants[event], emp)
		case "not_completed":
			d.Outcome.NotCompleted++
		case "no_show":
			d.Outcome.NoShow++
		case "attended":
			d.Outcome.Attended++
		}
		if state == "completed" || state == "not_completed" || state == "attended" {
			var ts learning.TestScores
			if pre.Valid {
				ts.Pre = &pre.Float64
			}
			if post.Valid {
				ts.Post = &post.Float64
			}
			d.Scores = append(d.Scores, ts)
		}
		if rel.Valid {
			d.Reactions = append(d.Reactions, learning.Reaction{Relevance: int(rel.Int64), Content: int(con.Int64),
				Facilitator: int(fac.Int64), Organisation: int(org.Int64), Comment: comment.String})
		}
		if applied.Valid {
			d.Applied.Add(learning.Applied(applied.String))
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, err
	}
	rows, err = s.query(ctx, `SELECT id, starts_on, ends_on FROM events WHERE program_id = $1 AND starts_on <= $2 AND status <> 'cancelled'
		ORDER BY starts_on, id`, programID, dateArg(ref))
	if err != nil {
		return d, err
	}
	for rows.Next() {
		var e ProgramEvent
		if err := rows.Scan(&e.ID, dateCol{&e.StartsOn}, dateCol{&e.EndsOn}); err != nil {
			rows.Close()
			return d, err
		}
		e.Participants = participants[e.ID]
		d.Events = append(d.Events, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return d, err
	}
	rows, err = s.query(ctx, `SELECT competency_id FROM program_competencies WHERE program_id = $1 ORDER BY competency_id`, programID)
	if err != nil {
		return d, err
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return d, err
		}
		d.Targets = append(d.Targets, id)
	}
	return d, rows.Err()
}

// FinalAssessmentsOf lists every final assessment of some competencies,
// grouped by employee: what the current-level rule reads for a program's
// target competencies across the city.
func (s *Store) FinalAssessmentsOf(ctx context.Context, competencyIDs []int64) (map[int64][]competency.Assessment, error) {
	out := map[int64][]competency.Assessment{}
	if len(competencyIDs) == 0 {
		return out, nil
	}
	ph := make([]string, len(competencyIDs))
	args := make([]any, len(competencyIDs))
	for i, id := range competencyIDs {
		ph[i], args[i] = fmt.Sprintf("$%d", i+1), id
	}
	rows, err := s.query(ctx, `SELECT id, employee_id, competency_id, source, level, assessed_on, recorded_at FROM assessments
		WHERE status = 'final' AND competency_id IN (`+strings.Join(ph, ", ")+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a competency.Assessment
		var src string
		if err := rows.Scan(&a.ID, &a.EmployeeID, &a.CompetencyID, &src, &a.Level, dateCol{&a.AssessedOn}, timeCol{&a.RecordedAt}); err != nil {
			return nil, err
		}
		a.Source, a.Status = competency.Source(src), competency.Final
		out[a.EmployeeID] = append(out[a.EmployeeID], a)
	}
	return out, rows.Err()
}

// ProgramTargetRow is a target competency of a program with its code and name.
type ProgramTargetRow struct {
	CompetencyID int64
	Code         string
	Name         string
	TargetLevel  int
}

// ProgramTargets lists a program's target competencies in dictionary order.
func (s *Store) ProgramTargets(ctx context.Context, programID int64) ([]ProgramTargetRow, error) {
	rows, err := s.query(ctx, `SELECT c.id, c.code, c.name, pc.target_level FROM program_competencies pc
		JOIN competencies c ON c.id = pc.competency_id WHERE pc.program_id = $1 ORDER BY c.code`, programID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ProgramTargetRow
	for rows.Next() {
		var t ProgramTargetRow
		if err := rows.Scan(&t.CompetencyID, &t.Code, &t.Name, &t.TargetLevel); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}
