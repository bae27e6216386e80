package store

import (
	"context"
	"strings"

	"asah/internal/competency"
)

// StandardsFor returns the standards of some positions only, keyed by
// position ID, in dictionary order: what one profile or one page of a list
// needs, instead of every position's standard (Standards).
func (s *Store) StandardsFor(ctx context.Context, positionIDs []int64) (map[int64][]competency.Requirement, error) {
	out := map[int64][]competency.Requirement{}
	if len(positionIDs) == 0 {
		return out, nil
	}
	q := &sqlFilter{}
	ph := make([]string, len(positionIDs))
	for i, id := range positionIDs {
		ph[i] = q.arg(id)
	}
	rows, err := s.query(ctx, `SELECT ps.position_id, ps.competency_id, ps.required_level
		FROM position_standards ps JOIN competencies c ON c.id = ps.competency_id
		WHERE ps.position_id IN (`+strings.Join(ph, ", ")+`)
		ORDER BY ps.position_id, CASE c.kind WHEN 'manajerial' THEN 0 WHEN 'sosial_kultural' THEN 1 ELSE 2 END, c.code`, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
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

// PositionsOf returns the position IDs of the employees a filter selects
// by NIP or by explicit IDs (nil for any other filter, whose employees may
// hold any position).
func (s *Store) PositionsOf(ctx context.Context, f Filter) ([]int64, error) {
	if f.NIP == "" && f.IDs == nil {
		return nil, nil
	}
	q := (Filter{NIP: f.NIP, IDs: f.IDs}).sql()
	rows, err := s.query(ctx, `SELECT DISTINCT e.position_id FROM employees e WHERE`+q.where(), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []int64{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		out = append(out, id)
	}
	return out, rows.Err()
}
