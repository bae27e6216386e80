package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"asah/internal/competency"
)

// seedDictionary inserts the preloaded managerial and sociocultural
// competencies that are missing; existing rows (perhaps edited by an admin)
// are left alone.
func (s *Store) seedDictionary(ctx context.Context) error {
	return s.InTx(ctx, func(tx *Tx) error {
		for _, c := range competency.Dictionary() {
			var n int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM competencies WHERE code = $1`, c.Code).Scan(&n); err != nil {
				return err
			}
			if n > 0 {
				continue
			}
			if _, err := insertCompetency(ctx, tx, c); err != nil {
				return err
			}
		}
		return nil
	})
}

func insertCompetency(ctx context.Context, tx *Tx, c competency.Competency) (int64, error) {
	var id int64
	var err error
	if c.ID > 0 {
		_, err = tx.Exec(ctx, `INSERT INTO competencies (id, code, kind, name, name_en, description) VALUES ($1, $2, $3, $4, $5, $6)`,
			c.ID, c.Code, string(c.Kind), c.Name, c.NameEN, c.Description)
		id = c.ID
	} else {
		err = tx.QueryRow(ctx, `INSERT INTO competencies (code, kind, name, name_en, description) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			c.Code, string(c.Kind), c.Name, c.NameEN, c.Description).Scan(&id)
	}
	if err != nil {
		return 0, err
	}
	for _, l := range c.Levels {
		if _, err := tx.Exec(ctx, `INSERT INTO competency_levels (competency_id, level, title, descriptor, indicators) VALUES ($1, $2, $3, $4, $5)`,
			id, l.Level, l.Title, l.Descriptor, strings.Join(l.Indicators, "\n")); err != nil {
			return 0, err
		}
	}
	return id, nil
}

// AddCompetency adds a technical competency (with its five levels) and
// writes an audit row. A duplicate code is reported by name.
func (s *Store) AddCompetency(ctx context.Context, actor string, c competency.Competency) (int64, error) {
	if err := c.Validate(); err != nil {
		return 0, err
	}
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM competencies WHERE code = $1`, c.Code).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("kode kompetensi %q sudah ada", c.Code)
		}
		c.ID = 0
		var err error
		if id, err = insertCompetency(ctx, tx, c); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "competency.create", "competency", c.Code, nil, c)
	})
	return id, err
}

// Competencies lists the dictionary ordered by kind (managerial,
// sociocultural, technical) then code; with levels when withLevels.
func (s *Store) Competencies(ctx context.Context, withLevels bool) ([]competency.Competency, error) {
	rows, err := s.query(ctx, `SELECT id, code, kind, name, name_en, description FROM competencies
		ORDER BY CASE kind WHEN 'manajerial' THEN 0 WHEN 'sosial_kultural' THEN 1 ELSE 2 END, code`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []competency.Competency
	idx := map[int64]int{}
	for rows.Next() {
		var c competency.Competency
		var kind string
		if err := rows.Scan(&c.ID, &c.Code, &kind, &c.Name, &c.NameEN, &c.Description); err != nil {
			return nil, err
		}
		c.Kind = competency.Kind(kind)
		idx[c.ID] = len(out)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if !withLevels {
		return out, nil
	}
	lrows, err := s.query(ctx, `SELECT competency_id, level, title, descriptor, indicators FROM competency_levels ORDER BY competency_id, level`)
	if err != nil {
		return nil, err
	}
	defer lrows.Close()
	for lrows.Next() {
		var cid int64
		var l competency.Level
		var ind string
		if err := lrows.Scan(&cid, &l.Level, &l.Title, &l.Descriptor, &ind); err != nil {
			return nil, err
		}
		if ind != "" {
			l.Indicators = strings.Split(ind, "\n")
		}
		if i, ok := idx[cid]; ok {
			out[i].Levels = append(out[i].Levels, l)
		}
	}
	return out, lrows.Err()
}

// CompetencyByCode finds one competency with its levels.
func (s *Store) CompetencyByCode(ctx context.Context, code string) (competency.Competency, error) {
	var c competency.Competency
	var kind string
	err := s.queryRow(ctx, `SELECT id, code, kind, name, name_en, description FROM competencies WHERE code = $1`, code).
		Scan(&c.ID, &c.Code, &kind, &c.Name, &c.NameEN, &c.Description)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	} else if err != nil {
		return c, err
	}
	c.Kind = competency.Kind(kind)
	rows, err := s.query(ctx, `SELECT level, title, descriptor, indicators FROM competency_levels WHERE competency_id = $1 ORDER BY level`, c.ID)
	if err != nil {
		return c, err
	}
	defer rows.Close()
	for rows.Next() {
		var l competency.Level
		var ind string
		if err := rows.Scan(&l.Level, &l.Title, &l.Descriptor, &ind); err != nil {
			return c, err
		}
		if ind != "" {
			l.Indicators = strings.Split(ind, "\n")
		}
		c.Levels = append(c.Levels, l)
	}
	return c, rows.Err()
}

// Standards returns every position's standard keyed by position ID, in
// dictionary order (managerial, sociocultural, technical; then code).
func (s *Store) Standards(ctx context.Context) (map[int64][]competency.Requirement, error) {
	rows, err := s.query(ctx, `SELECT ps.position_id, ps.competency_id, ps.required_level
		FROM position_standards ps JOIN competencies c ON c.id = ps.competency_id
		ORDER BY ps.position_id, CASE c.kind WHEN 'manajerial' THEN 0 WHEN 'sosial_kultural' THEN 1 ELSE 2 END, c.code`)
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

// LoadPolicy returns the stored competency policy, or the default when none
// is stored.
func (s *Store) LoadPolicy(ctx context.Context) (competency.Policy, error) {
	p := competency.DefaultPolicy()
	var v string
	err := s.queryRow(ctx, `SELECT value FROM settings WHERE key = $1`, "competency_policy").Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return p, nil
	}
	if err != nil {
		return p, err
	}
	if err := jsonUnmarshal(v, &p); err != nil {
		return p, fmt.Errorf("stored competency policy: %v", err)
	}
	return p, p.Validate()
}

// SavePolicy stores a validated policy and audits the change.
func (s *Store) SavePolicy(ctx context.Context, actor string, p competency.Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	before, err := s.LoadPolicy(ctx)
	if err != nil {
		return err
	}
	v, err := jsonMarshal(p)
	if err != nil {
		return err
	}
	return s.InTx(ctx, func(tx *Tx) error {
		if _, err := tx.Exec(ctx, `DELETE FROM settings WHERE key = $1`, "competency_policy"); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO settings (key, value) VALUES ($1, $2)`, "competency_policy", v); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "policy.update", "settings", "competency_policy", before, p)
	})
}

// IsDemo reports whether the database holds the synthetic demo dataset.
func (s *Store) IsDemo(ctx context.Context) (bool, error) {
	var n int
	err := s.queryRow(ctx, `SELECT count(*) FROM settings WHERE key = 'demo_dataset'`).Scan(&n)
	return n > 0, err
}
