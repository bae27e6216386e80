package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"asah/internal/competency"
	"asah/internal/people"
)

// Imports write many rows in one transaction, upserting by code or NIP, and
// audit every created or changed record. The app has validated the rows and
// resolved references; a database refusal rolls everything back.

// lookupID returns the id of a row by a unique text column (0 when absent).
func lookupID(ctx context.Context, tx *Tx, table, col, val string) (int64, error) {
	var id int64
	err := tx.QueryRow(ctx, `SELECT id FROM `+table+` WHERE `+col+` = $1`, val).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return id, err
}

// UpsertUnits creates or updates units; parents come before children.
func (s *Store) UpsertUnits(ctx context.Context, actor string, us []people.Unit) (created, updated int, err error) {
	err = s.InTx(ctx, func(tx *Tx) error {
		for _, u := range us {
			var parent any
			if u.ParentCode != "" {
				pid, err := lookupID(ctx, tx, "org_units", "code", u.ParentCode)
				if err != nil {
					return err
				}
				if pid == 0 {
					return fmt.Errorf("unit %s: unit induk %q tidak ditemukan", u.Code, u.ParentCode)
				}
				parent = pid
			}
			id, err := lookupID(ctx, tx, "org_units", "code", u.Code)
			if err != nil {
				return err
			}
			if id == 0 {
				if _, err := tx.Exec(ctx, `INSERT INTO org_units (code, name, kind, parent_id) VALUES ($1, $2, $3, $4)`,
					u.Code, u.Name, string(u.Kind), parent); err != nil {
					return err
				}
				created++
				if err := audit(ctx, tx, actor, "unit.create", "unit", u.Code, nil, u); err != nil {
					return err
				}
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE org_units SET name = $1, kind = $2, parent_id = $3 WHERE id = $4`,
				u.Name, string(u.Kind), parent, id); err != nil {
				return err
			}
			updated++
			if err := audit(ctx, tx, actor, "unit.update", "unit", u.Code, nil, u); err != nil {
				return err
			}
		}
		return nil
	})
	return created, updated, err
}

// PositionImport is a position with the standard it should have; a nil
// Standard leaves an existing position's standard alone.
type PositionImport struct {
	people.Position
	Standard []competency.Requirement
}

// UpsertPositions creates or updates positions and their standards.
func (s *Store) UpsertPositions(ctx context.Context, actor string, ps []PositionImport) (created, updated int, err error) {
	err = s.InTx(ctx, func(tx *Tx) error {
		for _, p := range ps {
			uid, err := lookupID(ctx, tx, "org_units", "code", p.UnitCode)
			if err != nil {
				return err
			}
			if uid == 0 {
				return fmt.Errorf("jabatan %s: unit %q tidak ditemukan", p.Code, p.UnitCode)
			}
			id, err := lookupID(ctx, tx, "positions", "code", p.Code)
			if err != nil {
				return err
			}
			action := "position.update"
			if id == 0 {
				if err := tx.QueryRow(ctx, `INSERT INTO positions (code, title, kind, jenjang, unit_id, is_key) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
					p.Code, p.Title, string(p.Kind), string(p.Jenjang), uid, p.Key).Scan(&id); err != nil {
					return err
				}
				created++
				action = "position.create"
			} else {
				if _, err := tx.Exec(ctx, `UPDATE positions SET title = $1, kind = $2, jenjang = $3, unit_id = $4, is_key = $5 WHERE id = $6`,
					p.Title, string(p.Kind), string(p.Jenjang), uid, p.Key, id); err != nil {
					return err
				}
				updated++
			}
			if p.Standard != nil {
				if _, err := tx.Exec(ctx, `DELETE FROM position_standards WHERE position_id = $1`, id); err != nil {
					return err
				}
				for _, r := range p.Standard {
					if _, err := tx.Exec(ctx, `INSERT INTO position_standards (position_id, competency_id, required_level) VALUES ($1, $2, $3)`,
						id, r.CompetencyID, r.Required); err != nil {
						return err
					}
				}
			}
			if err := audit(ctx, tx, actor, action, "position", p.Code, nil, p); err != nil {
				return err
			}
		}
		return nil
	})
	return created, updated, err
}

// UpsertEmployees creates or updates employees by NIP, then links
// supervisors by NIP (which may be in the same file).
func (s *Store) UpsertEmployees(ctx context.Context, actor string, es []people.Employee) (created, updated int, err error) {
	err = s.InTx(ctx, func(tx *Tx) error {
		for _, e := range es {
			pid, err := lookupID(ctx, tx, "positions", "code", e.PositionCode)
			if err != nil {
				return err
			}
			uid, err := lookupID(ctx, tx, "org_units", "code", e.UnitCode)
			if err != nil {
				return err
			}
			if pid == 0 || uid == 0 {
				return fmt.Errorf("pegawai %s: jabatan %q atau unit %q tidak ditemukan", e.NIP, e.PositionCode, e.UnitCode)
			}
			before, err := scanEmployee(tx.QueryRow(ctx, employeeSelect+` WHERE e.nip = $1`, e.NIP))
			exists := err == nil
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if !exists {
				if _, err := tx.Exec(ctx, `INSERT INTO employees (nip, name, front_title, back_title, kind, sex, birth_date, golongan, position_id, unit_id, retirement_date)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
					e.NIP, e.Name, e.FrontTitle, e.BackTitle, string(e.Kind), int(e.Sex), dateArg(e.BirthDate), e.Golongan, pid, uid, dateArg(e.RetirementDate)); err != nil {
					return err
				}
				created++
				if err := audit(ctx, tx, actor, "employee.create", "employee", e.NIP, nil, e); err != nil {
					return err
				}
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE employees SET name = $1, front_title = $2, back_title = $3, golongan = $4, position_id = $5, unit_id = $6, retirement_date = $7
				WHERE nip = $8`, e.Name, e.FrontTitle, e.BackTitle, e.Golongan, pid, uid, dateArg(e.RetirementDate), e.NIP); err != nil {
				return err
			}
			updated++
			if err := audit(ctx, tx, actor, "employee.update", "employee", e.NIP, before.Employee, e); err != nil {
				return err
			}
		}
		for _, e := range es {
			var sup any
			if e.SupervisorNIP != "" {
				id, err := lookupID(ctx, tx, "employees", "nip", e.SupervisorNIP)
				if err != nil {
					return err
				}
				if id == 0 {
					return fmt.Errorf("pegawai %s: atasan dengan NIP %s tidak ditemukan", e.NIP, e.SupervisorNIP)
				}
				sup = id
			}
			if _, err := tx.Exec(ctx, `UPDATE employees SET supervisor_id = $1 WHERE nip = $2`, sup, e.NIP); err != nil {
				return err
			}
		}
		return nil
	})
	return created, updated, err
}

// NewAssessment is an assessment to import, addressed by NIP and code.
type NewAssessment struct {
	NIP  string
	Code string
	competency.Assessment
}

// AddAssessments records many assessments at once, each audited.
func (s *Store) AddAssessments(ctx context.Context, actor string, as []NewAssessment) error {
	return s.InTx(ctx, func(tx *Tx) error {
		for _, a := range as {
			eid, err := lookupID(ctx, tx, "employees", "nip", a.NIP)
			if err != nil {
				return err
			}
			cid, err := lookupID(ctx, tx, "competencies", "code", a.Code)
			if err != nil {
				return err
			}
			if eid == 0 || cid == 0 {
				return fmt.Errorf("penilaian %s/%s: pegawai atau kompetensi tidak ditemukan", a.NIP, a.Code)
			}
			var id int64
			if err := tx.QueryRow(ctx, `INSERT INTO assessments (employee_id, competency_id, source, level, assessor, assessed_on, evidence, status, recorded_at)
				VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
				eid, cid, string(a.Source), a.Level, a.Assessor, dateArg(a.AssessedOn), a.Evidence, string(a.Status), timeArg(s, s.now())).Scan(&id); err != nil {
				return err
			}
			if err := audit(ctx, tx, actor, "assessment.create", "employee", a.NIP, nil, map[string]any{
				"assessment_id": id, "competency": a.Code, "source": a.Source, "level": a.Level,
				"assessed_on": dateArg(a.AssessedOn), "status": a.Status, "assessor": a.Assessor,
			}); err != nil {
				return err
			}
		}
		return nil
	})
}
