package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"asah/internal/development"
)

const idpSelect = `SELECT id, employee_id, year, status, target_jp, comment, submitted_at, decided_at, decided_by, created_at, updated_at
	FROM idps`

// IDP loads the development plan of an employee for a year with its items
// in plan order; ErrNotFound when there is none.
func (s *Store) IDP(ctx context.Context, employeeID int64, year int) (development.Plan, error) {
	return s.loadIDP(ctx, readPool{s}, employeeID, year, "")
}

func (s *Store) loadIDP(ctx context.Context, q rowQuerier, employeeID int64, year int, lock string) (development.Plan, error) {
	var p development.Plan
	var st string
	err := q.QueryRow(ctx, idpSelect+` WHERE employee_id = $1 AND year = $2`+lock, employeeID, year).Scan(&p.ID, &p.EmployeeID, &p.Year,
		&st, &p.TargetJP, &p.Comment, timeCol{&p.SubmittedAt}, timeCol{&p.DecidedAt}, &p.DecidedBy, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	if err != nil {
		return p, err
	}
	p.Status = development.Status(st)
	rows, err := q.Query(ctx, `SELECT id, competency_id, current_level, target_level, form, planned_jp, start_month, end_month, reason,
		source, status, drop_reason FROM idp_items WHERE idp_id = $1 ORDER BY seq, id`, p.ID)
	if err != nil {
		return p, err
	}
	defer rows.Close()
	for rows.Next() {
		var it development.Item
		var form, src, ist string
		if err := rows.Scan(&it.ID, &it.CompetencyID, &it.CurrentLevel, &it.TargetLevel, &form, &it.PlannedJP, &it.StartMonth, &it.EndMonth,
			&it.Reason, &src, &ist, &it.DropReason); err != nil {
			return p, err
		}
		it.Form, it.Source, it.Status = development.Form(form), development.Source(src), development.ItemStatus(ist)
		p.Items = append(p.Items, it)
	}
	return p, rows.Err()
}

// IDPSummary is a plan without its items, for lists.
type IDPSummary struct {
	EmployeeID int64
	Year       int
	Status     development.Status
	TargetJP   int
	PlannedJP  int // items not dropped
	DoneJP     int
	Items      int
}

// IDPSummaries lists the plans of a year of the employees a filter selects.
func (s *Store) IDPSummaries(ctx context.Context, f Filter, year int) ([]IDPSummary, error) {
	q := f.sql()
	ya := q.arg(year)
	rows, err := s.query(ctx, q.prefix()+`SELECT d.employee_id, d.year, d.status, d.target_jp,
		COALESCE(SUM(CASE WHEN i.status <> 'dropped' THEN i.planned_jp ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN i.status = 'done' THEN i.planned_jp ELSE 0 END), 0), count(i.id)
		FROM idps d JOIN employees e ON e.id = d.employee_id LEFT JOIN idp_items i ON i.idp_id = d.id
		WHERE d.year = `+ya+` AND`+q.where()+` GROUP BY d.employee_id, d.year, d.status, d.target_jp ORDER BY d.employee_id`, q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []IDPSummary
	for rows.Next() {
		var x IDPSummary
		var st string
		if err := rows.Scan(&x.EmployeeID, &x.Year, &st, &x.TargetJP, &x.PlannedJP, &x.DoneJP, &x.Items); err != nil {
			return nil, err
		}
		x.Status = development.Status(st)
		out = append(out, x)
	}
	return out, rows.Err()
}

// CreateIDP stores a new plan with its items, audited against the NIP, and
// returns it with the IDs set. A second plan for the same year gives
// ErrConflict.
func (s *Store) CreateIDP(ctx context.Context, actor, nip string, p development.Plan) (development.Plan, error) {
	err := s.InTx(ctx, func(tx *Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM idps WHERE employee_id = $1 AND year = $2`, p.EmployeeID, p.Year).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: rencana pengembangan tahun %d untuk pegawai ini sudah ada", ErrConflict, p.Year)
		}
		if err := tx.QueryRow(ctx, `INSERT INTO idps (employee_id, year, status, target_jp, comment, submitted_at, decided_at, decided_by,
			created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
			p.EmployeeID, p.Year, string(p.Status), p.TargetJP, p.Comment, nullTimeArg(s, p.SubmittedAt), nullTimeArg(s, p.DecidedAt),
			p.DecidedBy, timeArg(s, p.CreatedAt), timeArg(s, p.UpdatedAt)).Scan(&p.ID); err != nil {
			return err
		}
		for i := range p.Items {
			if err := insertItem(ctx, tx, p.ID, i, &p.Items[i]); err != nil {
				return err
			}
		}
		return audit(ctx, tx, actor, "idp.create", "employee", nip, nil, idpAudit(&p, true))
	})
	return p, err
}

// UpdateIDP changes one plan in a transaction: it loads the plan (locked),
// lets fn change it (fn applies the workflow and returns the audit row's
// before and after), writes the plan row and its items (new items are
// inserted, removed ones deleted, changed ones updated) and the audit row
// under action. Nothing is written when fn fails.
func (s *Store) UpdateIDP(ctx context.Context, actor, nip string, employeeID int64, year int, action string,
	fn func(p *development.Plan) (before, after any, err error)) (development.Plan, error) {
	var out development.Plan
	err := s.InTx(ctx, func(tx *Tx) error {
		old, err := s.loadIDP(ctx, tx, employeeID, year, s.forUpdate())
		if err != nil {
			return err
		}
		p := old
		p.Items = append([]development.Item(nil), old.Items...)
		before, after, err := fn(&p)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE idps SET status = $1, target_jp = $2, comment = $3, submitted_at = $4, decided_at = $5,
			decided_by = $6, updated_at = $7 WHERE id = $8`, string(p.Status), p.TargetJP, p.Comment, nullTimeArg(s, p.SubmittedAt),
			nullTimeArg(s, p.DecidedAt), p.DecidedBy, timeArg(s, p.UpdatedAt), p.ID); err != nil {
			return err
		}
		prev := map[int64]development.Item{}
		for _, it := range old.Items {
			prev[it.ID] = it
		}
		for i := range p.Items {
			it := &p.Items[i]
			o, ok := prev[it.ID]
			if it.ID == 0 || !ok {
				if err := insertItem(ctx, tx, p.ID, i, it); err != nil {
					return err
				}
				continue
			}
			delete(prev, it.ID)
			if o == *it && indexOf(old.Items, it.ID) == i { // unchanged, same place
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE idp_items SET seq = $1, competency_id = $2, current_level = $3, target_level = $4, form = $5,
				planned_jp = $6, start_month = $7, end_month = $8, reason = $9, source = $10, status = $11, drop_reason = $12 WHERE id = $13`,
				i, it.CompetencyID, it.CurrentLevel, it.TargetLevel, string(it.Form), it.PlannedJP, it.StartMonth, it.EndMonth, it.Reason,
				string(it.Source), string(it.Status), it.DropReason, it.ID); err != nil {
				return err
			}
		}
		for id := range prev {
			if _, err := tx.Exec(ctx, `DELETE FROM idp_items WHERE id = $1`, id); err != nil {
				return err
			}
		}
		out = p
		if m, ok := after.(map[string]any); ok {
			m["year"] = year
		}
		return audit(ctx, tx, actor, action, "employee", nip, before, after)
	})
	return out, err
}

func indexOf(items []development.Item, id int64) int {
	for i, it := range items {
		if it.ID == id {
			return i
		}
	}
	return -1
}

func insertItem(ctx context.Context, tx *Tx, idpID int64, seq int, it *development.Item) error {
	return tx.QueryRow(ctx, `INSERT INTO idp_items (idp_id, seq, competency_id, current_level, target_level, form, planned_jp,
		start_month, end_month, reason, source, status, drop_reason) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
		RETURNING id`, idpID, seq, it.CompetencyID, it.CurrentLevel, it.TargetLevel, string(it.Form), it.PlannedJP, it.StartMonth,
		it.EndMonth, it.Reason, string(it.Source), string(it.Status), it.DropReason).Scan(&it.ID)
}

// idpAudit is what the audit trail shows of a plan.
func idpAudit(p *development.Plan, items bool) map[string]any {
	m := map[string]any{"year": p.Year, "status": p.Status, "target_jp": p.TargetJP, "planned_jp": p.PlannedJP()}
	if items {
		var xs []map[string]any
		for _, it := range p.Items {
			xs = append(xs, map[string]any{"competency_id": it.CompetencyID, "target": it.TargetLevel, "form": it.Form,
				"jp": it.PlannedJP, "months": fmt.Sprintf("%d-%d", it.StartMonth, it.EndMonth), "source": it.Source})
		}
		m["items"] = xs
	}
	return m
}

// IDPAudit is what the audit trail shows of a plan, with its items when
// items is true (the app uses it for the rows it writes).
func IDPAudit(p *development.Plan, items bool) map[string]any { return idpAudit(p, items) }

// LoadDevelopmentPolicy returns the stored development policy, or the default.
func (s *Store) LoadDevelopmentPolicy(ctx context.Context) (development.Policy, error) {
	p := development.DefaultPolicy()
	found, err := s.loadSetting(ctx, "development_policy", &p)
	if err != nil || !found {
		return p, err
	}
	return p, p.Validate()
}

// SaveDevelopmentPolicy stores a validated development policy, audited.
func (s *Store) SaveDevelopmentPolicy(ctx context.Context, actor string, p development.Policy) error {
	if err := p.Validate(); err != nil {
		return err
	}
	before, err := s.LoadDevelopmentPolicy(ctx)
	if err != nil {
		return err
	}
	return s.saveSetting(ctx, actor, "development_policy", before, p)
}
