package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"asah/internal/learning"
)

// This file keeps learning partners and their cooperation agreements. An
// agreement's signed PDF lives in its row; lists never read the bytes.

const partnerSelect = `SELECT id, code, name, kind, address, contact_email, contact_phone, website, created_at, updated_at FROM partners`

func scanPartner(sc interface{ Scan(...any) error }) (learning.Partner, error) {
	var p learning.Partner
	var kind string
	err := sc.Scan(&p.ID, &p.Code, &p.Name, &kind, &p.Address, &p.Email, &p.Phone, &p.Website, timeCol{&p.CreatedAt}, timeCol{&p.UpdatedAt})
	p.Kind = learning.PartnerKind(kind)
	if errors.Is(err, sql.ErrNoRows) {
		return p, ErrNotFound
	}
	return p, err
}

// Partners lists every partner by name.
func (s *Store) Partners(ctx context.Context) ([]learning.Partner, error) {
	rows, err := s.query(ctx, partnerSelect+` ORDER BY name, id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []learning.Partner
	for rows.Next() {
		p, err := scanPartner(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// PartnerByID finds one partner.
func (s *Store) PartnerByID(ctx context.Context, id int64) (learning.Partner, error) {
	return scanPartner(s.queryRow(ctx, partnerSelect+` WHERE id = $1`, id))
}

// PartnerByCode finds one partner by its code (case-insensitive).
func (s *Store) PartnerByCode(ctx context.Context, code string) (learning.Partner, error) {
	return scanPartner(s.queryRow(ctx, partnerSelect+` WHERE lower(code) = lower($1)`, strings.TrimSpace(code)))
}

// PartnerOf finds the partner a mitra account's institution names: its name
// or its code, ignoring case and surrounding spaces. ErrNotFound for none.
func (s *Store) PartnerOf(ctx context.Context, institution string) (learning.Partner, error) {
	i := strings.TrimSpace(institution)
	if i == "" {
		return learning.Partner{}, ErrNotFound
	}
	return scanPartner(s.queryRow(ctx, partnerSelect+` WHERE lower(name) = lower($1) OR lower(code) = lower($1)
		ORDER BY CASE WHEN lower(code) = lower($1) THEN 0 ELSE 1 END LIMIT 1`, i))
}

func partnerAudit(p learning.Partner) map[string]any {
	return map[string]any{"code": p.Code, "name": p.Name, "kind": p.Kind, "address": p.Address, "email": p.Email,
		"phone": p.Phone, "website": p.Website}
}

// uniqueConflict turns a unique violation into ErrConflict with msg.
func uniqueConflict(err error, msg string) error {
	if isUniqueViolation(err) {
		return fmt.Errorf("%w: %s", ErrConflict, msg)
	}
	return err
}

// CreatePartner stores a new partner, audited. A code or name already in
// use gives ErrConflict.
func (s *Store) CreatePartner(ctx context.Context, actor string, p learning.Partner) (learning.Partner, error) {
	now := s.now()
	p.CreatedAt, p.UpdatedAt = now, now
	err := s.InTx(ctx, func(tx *Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO partners (code, name, kind, address, contact_email, contact_phone, website, created_at, updated_at)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`, p.Code, p.Name, string(p.Kind), p.Address, p.Email, p.Phone,
			p.Website, timeArg(s, now), timeArg(s, now)).Scan(&p.ID)
		if err != nil {
			return uniqueConflict(err, fmt.Sprintf("mitra dengan kode %s atau nama %q sudah ada", p.Code, p.Name))
		}
		return audit(ctx, tx, actor, "partner.create", "partner", p.Code, nil, partnerAudit(p))
	})
	return p, err
}

// UpdatePartner changes a partner (by ID), audited with before and after.
func (s *Store) UpdatePartner(ctx context.Context, actor string, p learning.Partner) (learning.Partner, error) {
	err := s.InTx(ctx, func(tx *Tx) error {
		old, err := scanPartner(tx.QueryRow(ctx, partnerSelect+` WHERE id = $1`+s.forUpdate(), p.ID))
		if err != nil {
			return err
		}
		p.CreatedAt, p.UpdatedAt = old.CreatedAt, s.now()
		if _, err := tx.Exec(ctx, `UPDATE partners SET code = $1, name = $2, kind = $3, address = $4, contact_email = $5,
			contact_phone = $6, website = $7, updated_at = $8 WHERE id = $9`, p.Code, p.Name, string(p.Kind), p.Address, p.Email,
			p.Phone, p.Website, timeArg(s, p.UpdatedAt), p.ID); err != nil {
			return uniqueConflict(err, fmt.Sprintf("mitra dengan kode %s atau nama %q sudah ada", p.Code, p.Name))
		}
		return audit(ctx, tx, actor, "partner.update", "partner", p.Code, partnerAudit(old), partnerAudit(p))
	})
	return p, err
}

// AgreementRow is an agreement with its partner's code and name.
type AgreementRow struct {
	learning.Agreement
	PartnerCode string
	PartnerName string
	PartnerKind learning.PartnerKind
}

const agreementSelect = `SELECT a.id, a.partner_id, a.number, a.title, a.scope, a.starts_on, a.ends_on, a.terminated_on,
	a.doc_name, a.doc_type, a.doc_size, a.created_at, a.updated_at, p.code, p.name, p.kind
	FROM agreements a JOIN partners p ON p.id = a.partner_id`

func scanAgreement(sc interface{ Scan(...any) error }) (AgreementRow, error) {
	var a AgreementRow
	var kind string
	err := sc.Scan(&a.ID, &a.PartnerID, &a.Number, &a.Title, &a.Scope, dateCol{&a.StartsOn}, dateCol{&a.EndsOn}, dateCol{&a.TerminatedOn},
		&a.Document.Name, &a.Document.ContentType, &a.Document.Size, timeCol{&a.CreatedAt}, timeCol{&a.UpdatedAt},
		&a.PartnerCode, &a.PartnerName, &kind)
	a.PartnerKind = learning.PartnerKind(kind)
	if errors.Is(err, sql.ErrNoRows) {
		return a, ErrNotFound
	}
	return a, err
}

// Agreements lists the agreements of a partner (0: of every partner), the
// latest end date first.
func (s *Store) Agreements(ctx context.Context, partnerID int64) ([]AgreementRow, error) {
	q, args := agreementSelect, []any(nil)
	if partnerID != 0 {
		q, args = q+` WHERE a.partner_id = $1`, append(args, partnerID)
	}
	rows, err := s.query(ctx, q+` ORDER BY a.ends_on DESC, a.id DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []AgreementRow
	for rows.Next() {
		a, err := scanAgreement(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, rows.Err()
}

// AgreementByID finds one agreement (without its document's bytes).
func (s *Store) AgreementByID(ctx context.Context, id int64) (AgreementRow, error) {
	return scanAgreement(s.queryRow(ctx, agreementSelect+` WHERE a.id = $1`, id))
}

// AgreementDocument returns an agreement's stored document; ErrNotFound
// when the agreement or its document is missing.
func (s *Store) AgreementDocument(ctx context.Context, id int64) (learning.Document, []byte, error) {
	var d learning.Document
	var data []byte
	err := s.queryRow(ctx, `SELECT doc_name, doc_type, doc_size, doc FROM agreements WHERE id = $1`, id).
		Scan(&d.Name, &d.ContentType, &d.Size, &data)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && len(data) == 0) {
		return d, nil, ErrNotFound
	}
	return d, data, err
}

func nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return civilArg(t)
}

// civilArg is a calendar date argument: the date as written in t's own
// location (dateArg would shift a WIB midnight to the previous day).
func civilArg(t time.Time) string { return t.Format(isoDate) }

func agreementAudit(a learning.Agreement) map[string]any {
	m := map[string]any{"number": a.Number, "partner_id": a.PartnerID, "title": a.Title, "scope": a.Scope,
		"starts_on": civilArg(a.StartsOn), "ends_on": civilArg(a.EndsOn)}
	if !a.TerminatedOn.IsZero() {
		m["terminated_on"] = civilArg(a.TerminatedOn)
	}
	if a.Document.Size > 0 {
		m["document"] = map[string]any{"name": a.Document.Name, "type": a.Document.ContentType, "size": a.Document.Size}
	}
	return m
}

// CreateAgreement stores a new agreement with its document (nil: none yet),
// audited. A number already in use gives ErrConflict.
func (s *Store) CreateAgreement(ctx context.Context, actor string, a learning.Agreement, doc []byte) (learning.Agreement, error) {
	now := s.now()
	a.CreatedAt, a.UpdatedAt = now, now
	if doc == nil {
		a.Document = learning.Document{}
	}
	a.Document.Size = int64(len(doc))
	err := s.InTx(ctx, func(tx *Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO agreements (partner_id, number, title, scope, starts_on, ends_on, terminated_on,
			doc_name, doc_type, doc_size, doc, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
			RETURNING id`, a.PartnerID, a.Number, a.Title, a.Scope, civilArg(a.StartsOn), civilArg(a.EndsOn), nullDate(a.TerminatedOn),
			a.Document.Name, a.Document.ContentType, a.Document.Size, nullBytes(doc), timeArg(s, now), timeArg(s, now)).Scan(&a.ID)
		if err != nil {
			return uniqueConflict(err, fmt.Sprintf("perjanjian bernomor %s sudah ada", a.Number))
		}
		return audit(ctx, tx, actor, "agreement.create", "agreement", strconv.FormatInt(a.ID, 10), nil, agreementAudit(a))
	})
	return a, err
}

func nullBytes(b []byte) any {
	if len(b) == 0 {
		return nil
	}
	return b
}

// UpdateAgreement changes an agreement's number, partner, title, scope and
// dates (not its document), audited.
func (s *Store) UpdateAgreement(ctx context.Context, actor string, a learning.Agreement) (learning.Agreement, error) {
	err := s.InTx(ctx, func(tx *Tx) error {
		old, err := scanAgreement(tx.QueryRow(ctx, agreementSelect+` WHERE a.id = $1`, a.ID))
		if err != nil {
			return err
		}
		a.Document, a.CreatedAt, a.UpdatedAt = old.Document, old.CreatedAt, s.now()
		if _, err := tx.Exec(ctx, `UPDATE agreements SET partner_id = $1, number = $2, title = $3, scope = $4, starts_on = $5,
			ends_on = $6, terminated_on = $7, updated_at = $8 WHERE id = $9`, a.PartnerID, a.Number, a.Title, a.Scope,
			civilArg(a.StartsOn), civilArg(a.EndsOn), nullDate(a.TerminatedOn), timeArg(s, a.UpdatedAt), a.ID); err != nil {
			return uniqueConflict(err, fmt.Sprintf("perjanjian bernomor %s sudah ada", a.Number))
		}
		return audit(ctx, tx, actor, "agreement.update", "agreement", strconv.FormatInt(a.ID, 10), agreementAudit(old.Agreement), agreementAudit(a))
	})
	return a, err
}

// SetAgreementDocument replaces an agreement's document, audited (the
// audit row records the file's name, type and size, never its bytes).
func (s *Store) SetAgreementDocument(ctx context.Context, actor string, id int64, d learning.Document, data []byte) error {
	d.Size = int64(len(data))
	return s.InTx(ctx, func(tx *Tx) error {
		old, err := scanAgreement(tx.QueryRow(ctx, agreementSelect+` WHERE a.id = $1`, id))
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE agreements SET doc_name = $1, doc_type = $2, doc_size = $3, doc = $4, updated_at = $5
			WHERE id = $6`, d.Name, d.ContentType, d.Size, nullBytes(data), timeArg(s, s.now()), id); err != nil {
			return err
		}
		after := old.Agreement
		after.Document = d
		return audit(ctx, tx, actor, "agreement.document", "agreement", strconv.FormatInt(id, 10), agreementAudit(old.Agreement), agreementAudit(after))
	})
}
