package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/talent"
)

// EachTalent streams the employees a filter selects, ordered by ID, each with
// their final assessments from the sources in since, each assessed on or
// after the source's date (older ones and other sources, self-assessments
// first of all, never set a level then). It is the lean input of the 9-box
// and of succession, which need every employee's JPM but not the rest of
// the gap report. fn's slice is reused: copy what you keep.
func (s *Store) EachTalent(ctx context.Context, f Filter, since map[competency.Source]time.Time, fn func(e EmployeeRow, as []competency.Assessment) error) error {
	srcs := make([]string, 0, len(since))
	for src := range since {
		srcs = append(srcs, string(src))
	}
	slices.Sort(srcs)
	return s.eachEmployee(ctx, f, func(q *sqlFilter) string {
		if len(srcs) == 0 {
			return "1 = 0"
		}
		var window []string
		for _, src := range srcs {
			window = append(window, "(a.source = "+q.arg(src)+" AND a.assessed_on >= "+q.arg(dateArg(since[competency.Source(src)]))+")")
		}
		return strings.Join(window, " OR ")
	}, fn)
}

// PotentialScore is an assessment-center potential score (0–100).
type PotentialScore struct {
	ID         int64
	EmployeeID int64
	Score      float64
	AssessedOn time.Time
	Assessor   string
	RecordedAt time.Time
}

// AddPotentialScore records a potential score, audited against the NIP.
func (s *Store) AddPotentialScore(ctx context.Context, actor, nip string, p PotentialScore) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		if p.RecordedAt.IsZero() {
			p.RecordedAt = s.now()
		}
		if err := tx.QueryRow(ctx, `INSERT INTO potential_scores (employee_id, score, assessed_on, assessor, recorded_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`, p.EmployeeID, p.Score, dateArg(p.AssessedOn), p.Assessor, timeArg(s, p.RecordedAt)).Scan(&id); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "potential.create", "employee", nip, nil,
			map[string]any{"id": id, "score": p.Score, "assessed_on": dateArg(p.AssessedOn), "assessor": p.Assessor})
	})
	return id, err
}

// LatestPotentialScores returns the latest potential score on or before ref
// of each employee a filter selects (assessed on the later date; recorded
// later on the same date).
func (s *Store) LatestPotentialScores(ctx context.Context, f Filter, ref time.Time) (map[int64]PotentialScore, error) {
	q := f.sql()
	ra := q.arg(dateArg(ref))
	rows, err := s.query(ctx, q.prefix()+`SELECT ps.id, ps.employee_id, ps.score, ps.assessed_on, ps.assessor, ps.recorded_at
		FROM potential_scores ps JOIN employees e ON e.id = ps.employee_id WHERE ps.assessed_on <= `+ra+` AND`+q.where()+
		` ORDER BY ps.employee_id, ps.assessed_on, ps.recorded_at, ps.id`, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]PotentialScore{}
	for rows.Next() {
		var p PotentialScore
		if err := rows.Scan(&p.ID, &p.EmployeeID, &p.Score, dateCol{&p.AssessedOn}, &p.Assessor, timeCol{&p.RecordedAt}); err != nil {
			return nil, err
		}
		out[p.EmployeeID] = p // ordered: the last one wins
	}
	return out, rows.Err()
}

const reviewSelect = `SELECT r.id, r.employee_id, r.year, r.computed_box, r.box, r.decision, r.reason, r.reviewer, r.reviewed_at
	FROM talent_reviews r`

func scanReview(sc interface{ Scan(...any) error }) (talent.Review, error) {
	var r talent.Review
	var comp, box int
	var d string
	err := sc.Scan(&r.ID, &r.EmployeeID, &r.Year, &comp, &box, &d, &r.Reason, &r.Reviewer, timeCol{&r.At})
	r.Computed, r.Box, r.Decision = talent.Box(comp), talent.Box(box), talent.Decision(d)
	return r, err
}

// AddTalentReview records a reviewer's decision on a 9-box placement,
// audited against the NIP.
func (s *Store) AddTalentReview(ctx context.Context, actor, nip string, r talent.Review) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		if r.At.IsZero() {
			r.At = s.now()
		}
		if err := tx.QueryRow(ctx, `INSERT INTO talent_reviews (employee_id, year, computed_box, box, decision, reason, reviewer, reviewed_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`, r.EmployeeID, r.Year, int(r.Computed), int(r.Box), string(r.Decision),
			r.Reason, r.Reviewer, timeArg(s, r.At)).Scan(&id); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "talent.review", "employee", nip, map[string]any{"box": int(r.Computed)},
			map[string]any{"review_id": id, "year": r.Year, "box": int(r.Box), "decision": r.Decision, "reason": r.Reason})
	})
	return id, err
}

// LatestTalentReviews returns the latest review of each employee a filter selects.
func (s *Store) LatestTalentReviews(ctx context.Context, f Filter) (map[int64]talent.Review, error) {
	q := f.sql()
	rows, err := s.query(ctx, q.prefix()+reviewSelect+` JOIN employees e ON e.id = r.employee_id WHERE`+q.where()+
		` ORDER BY r.employee_id, r.id`, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]talent.Review{}
	for rows.Next() {
		r, err := scanReview(rows)
		if err != nil {
			return nil, err
		}
		out[r.EmployeeID] = r
	}
	return out, rows.Err()
}

// TalentReviews lists an employee's reviews, newest first.
func (s *Store) TalentReviews(ctx context.Context, employeeID int64) ([]talent.Review, error) {
	rows, err := s.query(ctx, reviewSelect+` WHERE r.employee_id = $1 ORDER BY r.id DESC`, employeeID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []talent.Review
	for rows.Next() {
		r, err := scanReview(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// EmployeeIDs lists the IDs of the employees a filter selects, in ID order
// (to mark which rows of a city-wide computation a caller may see).
func (s *Store) EmployeeIDs(ctx context.Context, f Filter) ([]int64, error) {
	q := f.sql()
	rows, err := s.query(ctx, q.prefix()+`SELECT e.id FROM employees e WHERE`+q.where()+` ORDER BY e.id`, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// loadSetting decodes a JSON setting into v; found is false when none is
// stored (v is left as given: the caller's default).
func (s *Store) loadSetting(ctx context.Context, key string, v any) (found bool, err error) {
	var raw string
	err = s.queryRow(ctx, `SELECT value FROM settings WHERE key = $1`, key).Scan(&raw)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, err
	}
	if err := jsonUnmarshal(raw, v); err != nil {
		return true, fmt.Errorf("pengaturan %s tersimpan rusak: %v", key, err)
	}
	return true, nil
}

// saveSetting stores a JSON setting and audits before and after.
func (s *Store) saveSetting(ctx context.Context, actor, key string, before, after any) error {
	v, err := jsonMarshal(after)
	if err != nil {
		return err
	}
	return s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM settings WHERE key = $1`, key); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)`, key, v); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "policy.update", "settings", key, before, after)
	})
}

// LoadTalentPolicy returns the stored talent policy, or the default.
func (s *Store) LoadTalentPolicy(ctx context.Context) (talent.Policy, error) {
	p := talent.DefaultPolicy()
	found, err := s.loadSetting(ctx, "talent_policy", &p)
	if err != nil || !found {
		return p, err
	}
	return p, p.Validate()
}

// SaveTalentPolicy stores a validated talent policy, audited.
func (s *Store) SaveTalentPolicy(ctx context.Context, actor string, p talent.Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	before, err := s.LoadTalentPolicy(ctx)
	if err != nil {
		return err
	}
	return s.saveSetting(ctx, actor, "talent_policy", before, p)
}

// RequiredLevels returns every position's standard keyed by position ID, in
// no particular order: what a JPM needs (Standards sorts, which costs a
// join and a sort of every line).
func (s *Store) RequiredLevels(ctx context.Context) (map[int64][]competency.Requirement, error) {
	rows, err := s.query(ctx, `SELECT position_id, competency_id, required_level FROM position_standards`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64][]competency.Requirement{}
	for rows.Next() {
		var pid int64
		var r competency.Requirement
		if err := rows.Scan(&pid, &r.CompetencyID, &r.Required); err != nil {
			return nil, err
		}
		out[pid] = append(out[pid], r)
	}
	return out, rows.Err()
}
