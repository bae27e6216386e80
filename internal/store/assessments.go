package store

import (
	"context"

	"asah/internal/competency"
)

// AddAssessment records one assessment and its audit row in one transaction.
// The caller has validated it (app does); the database checks it again.
func (s *Store) AddAssessment(ctx context.Context, actor, nip, competencyCode string, a competency.Assessment) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		if a.RecordedAt.IsZero() {
			a.RecordedAt = s.now()
		}
		if err := tx.QueryRow(ctx, `INSERT INTO assessments (employee_id, competency_id, source, level, assessor, assessed_on, evidence, status, recorded_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
			a.EmployeeID, a.CompetencyID, string(a.Source), a.Level, a.Assessor, dateArg(a.AssessedOn), a.Evidence, string(a.Status),
			timeArg(s, a.RecordedAt)).Scan(&id); err != nil {
			return err
		}
		a.ID = id
		return audit(ctx, tx, actor, "assessment.create", "employee", nip, nil, map[string]any{
			"assessment_id": id, "competency": competencyCode, "source": a.Source, "level": a.Level,
			"assessed_on": dateArg(a.AssessedOn), "status": a.Status, "assessor": a.Assessor,
		})
	})
	return id, err
}
