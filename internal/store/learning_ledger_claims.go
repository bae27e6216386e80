package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"asah/internal/development"
	"asah/internal/learning"
)

const claimSelect = `SELECT c.id, c.employee_id, c.title, c.organiser, c.form, c.activity_on, c.claimed_unit, c.claimed_minutes,
	c.credit_minutes, c.note, COALESCE(c.idp_item_id, 0), c.status, c.decision_comment, c.decided_by, c.decider_name, c.decided_at,
	c.created_by, c.created_at, c.updated_at, COALESCE(v.name, ''), COALESCE(v.content_type, ''), COALESCE(v.size, 0)
	FROM jp_claims c LEFT JOIN jp_claim_evidence v ON v.claim_id = c.id`

func scanClaim(sc interface{ Scan(...any) error }) (learning.Claim, error) {
	var c learning.Claim
	var form, unit, status string
	err := sc.Scan(&c.ID, &c.EmployeeID, &c.Title, &c.Organiser, &form, dateCol{&c.ActivityOn}, &unit, &c.ClaimedMinutes,
		&c.CreditMinutes, &c.Note, &c.IDPItemID, &status, &c.Comment, &c.DecidedBy, &c.DeciderName, timeCol{&c.DecidedAt},
		&c.CreatedBy, timeCol{&c.CreatedAt}, timeCol{&c.UpdatedAt}, &c.Evidence.Name, &c.Evidence.ContentType, &c.Evidence.Size)
	c.Form, c.Unit, c.Status = development.Form(form), learning.ClaimUnit(unit), learning.ClaimStatus(status)
	return c, err
}

// claimAudit is what the audit trail shows of a claim (never the file).
func claimAudit(c *learning.Claim) map[string]any {
	return map[string]any{"claim_id": c.ID, "title": c.Title, "organiser": c.Organiser, "form": c.Form,
		"activity_on": dateArg(c.ActivityOn), "credit_minutes": c.CreditMinutes, "status": c.Status,
		"evidence": fmt.Sprintf("%s (%s, %d B)", c.Evidence.Name, c.Evidence.ContentType, c.Evidence.Size)}
}

// CreateJPClaim stores a pending claim with its evidence, audited against
// the employee's NIP, and returns its ID.
func (s *Store) CreateJPClaim(ctx context.Context, actor, nip string, c learning.Claim) (int64, error) {
	now := s.now()
	err := s.InTx(ctx, func(tx *Tx) error {
		var item any
		if c.IDPItemID != 0 {
			item = c.IDPItemID
		}
		if err := tx.QueryRow(ctx, `INSERT INTO jp_claims (employee_id, title, organiser, form, activity_on, claimed_unit, claimed_minutes,
			credit_minutes, note, idp_item_id, status, created_by, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'pending', $11, $12, $12) RETURNING id`,
			c.EmployeeID, c.Title, c.Organiser, string(c.Form), dateArg(c.ActivityOn), string(c.Unit), c.ClaimedMinutes,
			c.CreditMinutes, c.Note, item, actor, timeArg(s, now)).Scan(&c.ID); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `INSERT INTO jp_claim_evidence (claim_id, name, content_type, size, data) VALUES ($1, $2, $3, $4, $5)`,
			c.ID, c.Evidence.Name, c.Evidence.ContentType, len(c.Evidence.Data), c.Evidence.Data); err != nil {
			return err
		}
		c.Status = learning.ClaimPending
		return audit(ctx, tx, actor, "jp_claim.create", "employee", nip, nil, claimAudit(&c))
	})
	return c.ID, err
}

// JPClaim loads one claim (without the file's bytes).
func (s *Store) JPClaim(ctx context.Context, id int64) (learning.Claim, error) {
	c, err := scanClaim(s.queryRow(ctx, claimSelect+` WHERE c.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// JPClaimEvidence loads the evidence file of a claim.
func (s *Store) JPClaimEvidence(ctx context.Context, claimID int64) (learning.Evidence, error) {
	var e learning.Evidence
	err := s.queryRow(ctx, `SELECT name, content_type, size, data FROM jp_claim_evidence WHERE claim_id = $1`, claimID).
		Scan(&e.Name, &e.ContentType, &e.Size, &e.Data)
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	return e, err
}

// ClaimQuery selects claims for a list.
type ClaimQuery struct {
	EmployeeID int64 // one employee's claims (0: any)
	// SupervisorID selects the claims of this supervisor's direct reports.
	SupervisorID int64
	Status       learning.ClaimStatus // "" for every status
	// Within limits the claims to employees in a scope (nil: no limit).
	Within *Within
	Limit  int
}

// ClaimRow is a claim with its employee's name and NIP.
type ClaimRow struct {
	learning.Claim
	NIP  string
	Name string
}

// JPClaims lists claims, newest first.
func (s *Store) JPClaims(ctx context.Context, cq ClaimQuery) ([]ClaimRow, error) {
	q := Filter{Within: cq.Within}.sql()
	var cond []string
	if cq.EmployeeID != 0 {
		cond = append(cond, "c.employee_id = "+q.arg(cq.EmployeeID))
	}
	if cq.SupervisorID != 0 {
		cond = append(cond, "e.supervisor_id = "+q.arg(cq.SupervisorID))
	}
	if cq.Status != "" {
		cond = append(cond, "c.status = "+q.arg(string(cq.Status)))
	}
	limit := cq.Limit
	if limit <= 0 || limit > 500 {
		limit = 500
	}
	where := q.where()
	if len(cond) > 0 {
		where += " AND " + strings.Join(cond, " AND ")
	}
	sel := strings.Replace(claimSelect, "SELECT c.id,", "SELECT e.nip, e.name, c.id,", 1)
	rows, err := s.query(ctx, q.prefix()+sel+` JOIN employees e ON e.id = c.employee_id WHERE`+where+
		` ORDER BY c.created_at DESC, c.id DESC LIMIT `+q.arg(limit), q.args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []ClaimRow
	for rows.Next() {
		var r ClaimRow
		var nip, name string
		c, err := scanClaim(prefixScanner{rows, []any{&nip, &name}})
		if err != nil {
			return nil, err
		}
		r.Claim, r.NIP, r.Name = c, nip, name
		out = append(out, r)
	}
	return out, rows.Err()
}

// prefixScanner scans leading columns into extra before the rest.
type prefixScanner struct {
	sc    interface{ Scan(...any) error }
	extra []any
}

func (p prefixScanner) Scan(dest ...any) error { return p.sc.Scan(append(p.extra, dest...)...) }

// DecideJPClaim approves or rejects a pending claim in one transaction:
// decide checks the claim (as loaded, locked) and fills the decision;
// another decision already made is ErrConflict.
func (s *Store) DecideJPClaim(ctx context.Context, actor, nip string, id int64, decide func(c *learning.Claim) error) (learning.Claim, error) {
	var out learning.Claim
	err := s.InTx(ctx, func(tx *Tx) error {
		c, err := scanClaim(tx.QueryRow(ctx, claimSelect+` WHERE c.id = $1`+s.forUpdateOf("c"), id))
		if errors.Is(err, sql.ErrNoRows) {
			return ErrNotFound
		}
		if err != nil {
			return err
		}
		if c.Status != learning.ClaimPending {
			return fmt.Errorf("%w: klaim ini sudah %s", ErrConflict, strings.ToLower(c.Status.Label()))
		}
		before := claimAudit(&c)
		if err := decide(&c); err != nil {
			return err
		}
		c.DecidedAt, c.UpdatedAt = s.now(), s.now()
		if _, err := tx.Exec(ctx, `UPDATE jp_claims SET status = $1, decision_comment = $2, decided_by = $3, decider_name = $4,
			decided_at = $5, updated_at = $5 WHERE id = $6`, string(c.Status), c.Comment, c.DecidedBy, c.DeciderName,
			timeArg(s, c.DecidedAt), c.ID); err != nil {
			return err
		}
		after := claimAudit(&c)
		after["comment"] = c.Comment
		out = c
		return audit(ctx, tx, actor, "jp_claim.decide", "employee", nip, before, after)
	})
	return out, err
}

// forUpdateOf locks the rows of one table of a join (PostgreSQL; SQLite's
// write transaction already holds the database).
func (s *Store) forUpdateOf(table string) string {
	if s.engine == Postgres {
		return " FOR UPDATE OF " + table
	}
	return ""
}

// IDPItemRef is what a claim needs of the plan item it fulfils.
type IDPItemRef struct {
	EmployeeID int64
	Year       int
	PlanStatus development.Status
	Form       development.Form
	Status     development.ItemStatus
}

// IDPItemRef loads a plan item's owner, year and state (ErrNotFound: none).
func (s *Store) IDPItemRef(ctx context.Context, itemID int64) (IDPItemRef, error) {
	var r IDPItemRef
	var ps, form, st string
	err := s.queryRow(ctx, `SELECT d.employee_id, d.year, d.status, i.form, i.status FROM idp_items i JOIN idps d ON d.id = i.idp_id
		WHERE i.id = $1`, itemID).Scan(&r.EmployeeID, &r.Year, &ps, &form, &st)
	if errors.Is(err, sql.ErrNoRows) {
		return r, ErrNotFound
	}
	r.PlanStatus, r.Form, r.Status = development.Status(ps), development.Form(form), development.ItemStatus(st)
	return r, err
}
