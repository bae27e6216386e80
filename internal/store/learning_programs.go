package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/people"
)

// This file keeps the program catalogue and its search.

// ProgramRow is a program with its provider.
type ProgramRow struct {
	learning.Program
	ProviderCode string
	ProviderName string
	ProviderKind learning.PartnerKind
	// NextEvent is the start of the earliest event that has not started yet
	// and is not a draft or cancelled (zero: none).
	NextEvent time.Time
}

// programSelect reads programs; day is the placeholder of the day that
// dates NextEvent.
func programSelect(day string) string {
	return `SELECT p.id, p.code, p.title, p.description, p.jp, p.provider_partner_id, p.method, p.form, p.delivery,
	p.cost_per_participant, p.fixed_cost_per_event, p.mandatory, p.eligible_kinds, p.requires_post_test, p.pass_score,
	p.min_attendance, p.archived, p.created_at, p.updated_at, pa.code, pa.name, pa.kind,
	(SELECT min(ev.starts_on) FROM events ev WHERE ev.program_id = p.id AND ev.status IN ('open', 'closed') AND ev.starts_on >= ` + day + `)
	FROM programs p JOIN partners pa ON pa.id = p.provider_partner_id`
}

func scanProgram(sc interface{ Scan(...any) error }) (ProgramRow, error) {
	var p ProgramRow
	var method, form, delivery, kinds, pkind string
	err := sc.Scan(&p.ID, &p.Code, &p.Title, &p.Description, &p.JP, &p.ProviderID, &method, &form, &delivery,
		&p.CostPerParticipant, &p.FixedCostPerEvent, &p.Mandatory, &kinds, &p.RequiresPostTest, &p.PassScore,
		&p.MinAttendance, &p.Archived, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt}, &p.ProviderCode, &p.ProviderName, &pkind,
		dateCol{&p.NextEvent})
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	p.Method, p.Form, p.Delivery = learning.Method(method), development.Form(form), learning.Delivery(delivery)
	p.ProviderKind = learning.PartnerKind(pkind)
	p.EligibleKinds = splitKinds(kinds)
	return p, err
}

func splitKinds(s string) []people.PositionKind {
	if s == "" {
		return nil
	}
	parts := strings.Split(s, ",")
	out := make([]people.PositionKind, len(parts))
	for i, k := range parts {
		out[i] = people.PositionKind(k)
	}
	return out
}

func joinKinds(ks []people.PositionKind) string {
	parts := make([]string, len(ks))
	for i, k := range ks {
		parts[i] = string(k)
	}
	return strings.Join(parts, ",")
}

// ProgramByID finds one program with its targets; today dates NextEvent.
func (s *Store) ProgramByID(ctx context.Context, id int64, today time.Time) (ProgramRow, error) {
	return s.oneProgram(ctx, ` WHERE p.id = $2`, id, today)
}

// ProgramByCode finds one program by its code (case-insensitive).
func (s *Store) ProgramByCode(ctx context.Context, code string, today time.Time) (ProgramRow, error) {
	return s.oneProgram(ctx, ` WHERE lower(p.code) = lower($2)`, strings.TrimSpace(code), today)
}

func (s *Store) oneProgram(ctx context.Context, where string, key any, today time.Time) (ProgramRow, error) {
	p, err := scanProgram(s.queryRow(ctx, programSelect("$1")+where, civilArg(today), key))
	if err != nil {
		return p, err
	}
	ts, err := s.programTargets(ctx, []int64{p.ID})
	p.Targets = ts[p.ID]
	return p, err
}

// programTargets loads the targets of some programs in one query, in
// dictionary order.
func (s *Store) programTargets(ctx context.Context, ids []int64) (map[int64][]learning.Target, error) {
	out := map[int64][]learning.Target{}
	if len(ids) == 0 {
		return out, nil
	}
	ph := make([]string, len(ids))
	args := make([]any, len(ids))
	for i, id := range ids {
		ph[i], args[i] = fmt.Sprintf("$%d", i+1), id
	}
	rows, err := s.query(ctx, `SELECT pc.program_id, pc.competency_id, pc.target_level, pc.min_level
		FROM program_competencies pc JOIN competencies c ON c.id = pc.competency_id
		WHERE pc.program_id IN (`+strings.Join(ph, ", ")+`)
		ORDER BY pc.program_id, CASE c.kind WHEN 'teknis' THEN 0 WHEN 'manajerial' THEN 1 ELSE 2 END, c.code`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var pid int64
		var t learning.Target
		if err := rows.Scan(&pid, &t.CompetencyID, &t.Level, &t.MinLevel); err != nil {
			return nil, err
		}
		out[pid] = append(out[pid], t)
	}
	return out, rows.Err()
}

func programAudit(p learning.Program) map[string]any {
	ts := make([]map[string]any, len(p.Targets))
	for i, t := range p.Targets {
		ts[i] = map[string]any{"competency_id": t.CompetencyID, "level": t.Level, "min_level": t.MinLevel}
	}
	return map[string]any{"code": p.Code, "title": p.Title, "jp": p.JP, "provider_id": p.ProviderID, "method": p.Method,
		"form": p.Form, "delivery": p.Delivery, "cost_per_participant": p.CostPerParticipant, "fixed_cost_per_event": p.FixedCostPerEvent,
		"mandatory": p.Mandatory, "eligible_kinds": joinKinds(p.EligibleKinds), "targets": ts, "requires_post_test": p.RequiresPostTest,
		"pass_score": p.PassScore, "min_attendance": p.MinAttendance, "archived": p.Archived}
}

func writeTargets(ctx context.Context, tx *Tx, p learning.Program) error {
	if _, err := tx.Exec(ctx, `DELETE FROM program_competencies WHERE program_id = $1`, p.ID); err != nil {
		return err
	}
	for _, t := range p.Targets {
		if _, err := tx.Exec(ctx, `INSERT INTO program_competencies (program_id, competency_id, target_level, min_level)
			VALUES ($1, $2, $3, $4)`, p.ID, t.CompetencyID, t.Level, t.MinLevel); err != nil {
			return err
		}
	}
	return nil
}

// CreateProgram stores a new program with its targets, audited. A code
// already in use gives ErrConflict.
func (s *Store) CreateProgram(ctx context.Context, actor string, p learning.Program) (learning.Program, error) {
	now := s.now()
	p.CreatedAt, p.UpdatedAt = now, now
	err := s.InTx(ctx, func(tx *Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO programs (code, title, description, jp, provider_partner_id, method, form, delivery,
			cost_per_participant, fixed_cost_per_event, mandatory, eligible_kinds, requires_post_test, pass_score, min_attendance,
			archived, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
			RETURNING id`, p.Code, p.Title, p.Description, p.JP, p.ProviderID, string(p.Method), string(p.Form), string(p.Delivery),
			p.CostPerParticipant, p.FixedCostPerEvent, p.Mandatory, joinKinds(p.EligibleKinds), p.RequiresPostTest, p.PassScore,
			p.MinAttendance, p.Archived, timeArg(s, now), timeArg(s, now)).Scan(&p.ID)
		if err != nil {
			return uniqueConflict(err, fmt.Sprintf("program dengan kode %s sudah ada", p.Code))
		}
		if err := writeTargets(ctx, tx, p); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "program.create", "program", p.Code, nil, programAudit(p))
	})
	return p, err
}

// UpdateProgram changes a program (by ID) and replaces its targets, audited.
func (s *Store) UpdateProgram(ctx context.Context, actor string, p learning.Program) (learning.Program, error) {
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := lockRow(ctx, tx, "programs", p.ID); err != nil {
			return err
		}
		old, err := scanProgram(tx.QueryRow(ctx, programSelect("$1")+` WHERE p.id = $2`, civilArg(s.now()), p.ID))
		if err != nil {
			return err
		}
		ts, err := s.txTargets(ctx, tx, p.ID)
		if err != nil {
			return err
		}
		old.Targets = ts
		p.CreatedAt, p.UpdatedAt = old.CreatedAt, s.now()
		if _, err := tx.Exec(ctx, `UPDATE programs SET code = $1, title = $2, description = $3, jp = $4, provider_partner_id = $5,
			method = $6, form = $7, delivery = $8, cost_per_participant = $9, fixed_cost_per_event = $10, mandatory = $11,
			eligible_kinds = $12, requires_post_test = $13, pass_score = $14, min_attendance = $15, archived = $16, updated_at = $17
			WHERE id = $18`, p.Code, p.Title, p.Description, p.JP, p.ProviderID, string(p.Method), string(p.Form), string(p.Delivery),
			p.CostPerParticipant, p.FixedCostPerEvent, p.Mandatory, joinKinds(p.EligibleKinds), p.RequiresPostTest, p.PassScore,
			p.MinAttendance, p.Archived, timeArg(s, p.UpdatedAt), p.ID); err != nil {
			return uniqueConflict(err, fmt.Sprintf("program dengan kode %s sudah ada", p.Code))
		}
		if err := writeTargets(ctx, tx, p); err != nil {
			return err
		}
		return audit(ctx, tx, actor, "program.update", "program", p.Code, programAudit(old.Program), programAudit(p))
	})
	return p, err
}

func (s *Store) txTargets(ctx context.Context, tx *Tx, id int64) ([]learning.Target, error) {
	rows, err := tx.Query(ctx, `SELECT competency_id, target_level, min_level FROM program_competencies WHERE program_id = $1
		ORDER BY competency_id`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []learning.Target
	for rows.Next() {
		var t learning.Target
		if err := rows.Scan(&t.CompetencyID, &t.Level, &t.MinLevel); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CatalogueQuery selects programs of the catalogue. Zero fields do not
// filter.
type CatalogueQuery struct {
	CompetencyID int64           // targets this competency
	Method       learning.Method // klasikal or non_klasikal
	Form         development.Form
	ProviderID   int64
	// From and To (inclusive) keep programs with an event (not a draft, not
	// cancelled) that overlaps the range.
	From, To        time.Time
	Q               string // case-insensitive substring of the code or title
	Mandatory       bool   // only mandatory programs
	IncludeArchived bool
	Today           time.Time // dates NextEvent
	Limit, Offset   int       // Limit 0: 50
}

// SearchPrograms returns one page of the programs a query selects, by
// title, with their targets, and the total count.
func (s *Store) SearchPrograms(ctx context.Context, q CatalogueQuery) ([]ProgramRow, int, error) {
	f := &sqlFilter{}
	var cond []string
	if q.CompetencyID != 0 {
		cond = append(cond, `EXISTS (SELECT 1 FROM program_competencies pc WHERE pc.program_id = p.id AND pc.competency_id = `+f.arg(q.CompetencyID)+`)`)
	}
	if q.Method != "" {
		cond = append(cond, `p.method = `+f.arg(string(q.Method)))
	}
	if q.Form != "" {
		cond = append(cond, `p.form = `+f.arg(string(q.Form)))
	}
	if q.ProviderID != 0 {
		cond = append(cond, `p.provider_partner_id = `+f.arg(q.ProviderID))
	}
	if !q.From.IsZero() || !q.To.IsZero() {
		ev := `SELECT 1 FROM events ev WHERE ev.program_id = p.id AND ev.status NOT IN ('draft', 'cancelled')`
		if !q.From.IsZero() {
			ev += ` AND ev.ends_on >= ` + f.arg(civilArg(q.From))
		}
		if !q.To.IsZero() {
			ev += ` AND ev.starts_on <= ` + f.arg(civilArg(q.To))
		}
		cond = append(cond, `EXISTS (`+ev+`)`)
	}
	if t := strings.TrimSpace(q.Q); t != "" {
		like := f.arg("%" + strings.NewReplacer(`\`, `\\`, "%", `\%`, "_", `\_`).Replace(strings.ToLower(t)) + "%")
		cond = append(cond, `(lower(p.title) LIKE `+like+` ESCAPE '\' OR lower(p.code) LIKE `+like+` ESCAPE '\')`)
	}
	if q.Mandatory {
		cond = append(cond, `p.mandatory = TRUE`)
	}
	if !q.IncludeArchived {
		cond = append(cond, `p.archived = FALSE`)
	}
	where := ""
	if len(cond) > 0 {
		where = ` WHERE ` + strings.Join(cond, ` AND `)
	}
	var total int
	if err := s.queryRow(ctx, `SELECT count(*) FROM programs p`+where, f.args...).Scan(&total); err != nil {
		return nil, 0, err
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	day := f.arg(civilArg(q.Today))
	lim, off := f.arg(limit), f.arg(max(q.Offset, 0))
	rows, err := s.query(ctx, programSelect(day)+where+` ORDER BY p.title, p.code LIMIT `+lim+` OFFSET `+off, f.args...)
	if err != nil {
		return nil, 0, err
	}
	defer rows.Close()
	var out []ProgramRow
	var ids []int64
	for rows.Next() {
		p, err := scanProgram(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, p)
		ids = append(ids, p.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, err
	}
	rows.Close()
	ts, err := s.programTargets(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	for i := range out {
		out[i].Targets = ts[out[i].ID]
	}
	return out, total, nil
}

// lockRow locks one row of a table for the rest of the transaction on
// PostgreSQL (SQLite's IMMEDIATE transaction holds the database already);
// ErrNotFound when it does not exist. table is a constant of the caller.
func lockRow(ctx context.Context, tx *Tx, table string, id int64) error {
	var got int64
	err := tx.QueryRow(ctx, `SELECT id FROM `+table+` WHERE id = $1`+tx.s.forUpdate(), id).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return ErrNotFound
	}
	return err
}
