package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/certificate"
)

// EnrollmentInfo is an enrollment with what certificates and evaluations
// need of its employee, event and program.
type EnrollmentInfo struct {
	ID           int64
	State        string
	CompletedAt  time.Time
	EmployeeID   int64
	NIP          string
	Name         string // with academic titles
	SupervisorID int64
	EventID      int64
	EventCode    string
	EventTitle   string
	EventStatus  string
	StartsOn     time.Time
	EndsOn       time.Time
	ProgramID    int64
	ProgramTitle string
	JP           int
	Provider     string
}

const enrollmentInfoSelect = `SELECT n.id, n.state, n.completed_at, e.id, e.nip, e.front_title, e.name, e.back_title,
	COALESCE(e.supervisor_id, 0), ev.id, ev.code, ev.title, ev.status, ev.starts_on, ev.ends_on, p.id, p.title, p.jp, pt.name
	FROM enrollments n JOIN employees e ON e.id = n.employee_id JOIN events ev ON ev.id = n.event_id
	JOIN programs p ON p.id = ev.program_id JOIN partners pt ON pt.id = p.provider_partner_id`

func scanEnrollmentInfo(sc interface{ Scan(...any) error }) (EnrollmentInfo, error) {
	var x EnrollmentInfo
	var front, back string
	err := sc.Scan(&x.ID, &x.State, timeCol{&x.CompletedAt}, &x.EmployeeID, &x.NIP, &front, &x.Name, &back, &x.SupervisorID,
		&x.EventID, &x.EventCode, &x.EventTitle, &x.EventStatus, dateCol{&x.StartsOn}, dateCol{&x.EndsOn},
		&x.ProgramID, &x.ProgramTitle, &x.JP, &x.Provider)
	x.Name = titledName(front, x.Name, back)
	return x, err
}

// titledName is a name with its academic titles: "Dr. Siti Rahma, S.T., M.T.".
func titledName(front, name, back string) string {
	if f := strings.TrimSpace(front); f != "" {
		name = f + " " + name
	}
	if b := strings.TrimSpace(back); b != "" {
		name += ", " + b
	}
	return name
}

// EnrollmentInfo loads one enrollment with its employee, event and program.
func (s *Store) EnrollmentInfo(ctx context.Context, id int64) (EnrollmentInfo, error) {
	x, err := scanEnrollmentInfo(s.queryRow(ctx, enrollmentInfoSelect+` WHERE n.id = $1`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return x, ErrNotFound
	}
	return x, err
}

// CertificateRow is a stored certificate.
type CertificateRow struct {
	ID           int64
	EnrollmentID int64
	Year         int
	Seq          int
	Number       string
	Code         string
	IssuedAt     time.Time
	IssuedBy     string
	RevokedAt    time.Time // zero: valid
	RevokedBy    string
	RevokeReason string
}

// Revoked reports whether the certificate was revoked.
func (c CertificateRow) Revoked() bool { return !c.RevokedAt.IsZero() }

const certSelect = `SELECT id, enrollment_id, year, seq, number, code, issued_at, issued_by, revoked_at, revoked_by, revoke_reason
	FROM certificates`

func scanCert(sc interface{ Scan(...any) error }) (CertificateRow, error) {
	var c CertificateRow
	err := sc.Scan(&c.ID, &c.EnrollmentID, &c.Year, &c.Seq, &c.Number, &c.Code, timeCol{&c.IssuedAt}, &c.IssuedBy,
		timeCol{&c.RevokedAt}, &c.RevokedBy, &c.RevokeReason)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, err
}

// CertificateOf loads the certificate of an enrollment (ErrNotFound: none yet).
func (s *Store) CertificateOf(ctx context.Context, enrollmentID int64) (CertificateRow, error) {
	return scanCert(s.queryRow(ctx, certSelect+` WHERE enrollment_id = $1`, enrollmentID))
}

// EventCertificates loads the certificates issued for the completed
// enrollments of an event, by enrollment ID, in one query.
func (s *Store) EventCertificates(ctx context.Context, eventID int64) (map[int64]CertificateRow, error) {
	rows, err := s.query(ctx, certSelect+` WHERE enrollment_id IN
		(SELECT id FROM enrollments WHERE event_id = $1 AND state = 'completed')`, eventID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[int64]CertificateRow{}
	for rows.Next() {
		c, err := scanCert(rows)
		if err != nil {
			return nil, err
		}
		out[c.EnrollmentID] = c
	}
	return out, rows.Err()
}

// CertificateByNumber loads a certificate by its number.
func (s *Store) CertificateByNumber(ctx context.Context, number string) (CertificateRow, error) {
	return scanCert(s.queryRow(ctx, certSelect+` WHERE number = $1`, number))
}

// IssueCertificate returns the certificate of an enrollment, creating it
// when there is none: the year's next number and the given verification
// code, audited against the NIP. created tells which. Two concurrent calls
// for one enrollment give one certificate; two for different enrollments
// that race for the same number retry with the next.
func (s *Store) IssueCertificate(ctx context.Context, actor, nip string, enrollmentID int64, year int, code string) (c CertificateRow, created bool, err error) {
	for attempt := 0; ; attempt++ {
		c, created, err = s.issueCertificate(ctx, actor, nip, enrollmentID, year, code)
		if err == nil || !isUniqueViolation(err) || attempt == 4 {
			return c, created, err
		}
	}
}

func (s *Store) issueCertificate(ctx context.Context, actor, nip string, enrollmentID int64, year int, code string) (CertificateRow, bool, error) {
	var out CertificateRow
	created := false
	err := s.InTx(ctx, func(tx *Tx) error {
		c, err := scanCert(tx.QueryRow(ctx, certSelect+` WHERE enrollment_id = $1`, enrollmentID))
		if err == nil {
			out = c
			return nil
		}
		if !errors.Is(err, ErrNotFound) {
			return err
		}
		var seq int
		if err := tx.QueryRow(ctx, `SELECT COALESCE(MAX(seq), 0) + 1 FROM certificates WHERE year = $1`, year).Scan(&seq); err != nil {
			return err
		}
		now := s.now()
		c = CertificateRow{EnrollmentID: enrollmentID, Year: year, Seq: seq, Number: certificate.Number(year, seq), Code: code,
			IssuedAt: now, IssuedBy: actor}
		err = tx.QueryRow(ctx, `INSERT INTO certificates (enrollment_id, year, seq, number, code, issued_at, issued_by)
			VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (enrollment_id) DO NOTHING RETURNING id`,
			enrollmentID, year, seq, c.Number, code, timeArg(s, now), actor).Scan(&c.ID)
		if errors.Is(err, sql.ErrNoRows) {
			// Issued meanwhile by a concurrent call: return that one.
			out, err = scanCert(tx.QueryRow(ctx, certSelect+` WHERE enrollment_id = $1`, enrollmentID))
			return err
		}
		if err != nil {
			return err
		}
		out, created = c, true
		return audit(ctx, tx, actor, "certificate.issue", "employee", nip, nil,
			map[string]any{"certificate": c.Number, "enrollment_id": enrollmentID})
	})
	return out, created, err
}

// RevokeCertificate revokes a certificate with a reason, audited; a
// certificate already revoked is ErrConflict.
func (s *Store) RevokeCertificate(ctx context.Context, actor, nip string, id int64, reason string) (CertificateRow, error) {
	var out CertificateRow
	err := s.InTx(ctx, func(tx *Tx) error {
		c, err := scanCert(tx.QueryRow(ctx, certSelect+` WHERE id = $1`+s.forUpdate(), id))
		if err != nil {
			return err
		}
		if c.Revoked() {
			return fmt.Errorf("%w: sertifikat %s sudah dicabut", ErrConflict, c.Number)
		}
		c.RevokedAt, c.RevokedBy, c.RevokeReason = s.now(), actor, reason
		if _, err := tx.Exec(ctx, `UPDATE certificates SET revoked_at = $1, revoked_by = $2, revoke_reason = $3 WHERE id = $4`,
			timeArg(s, c.RevokedAt), actor, reason, id); err != nil {
			return err
		}
		out = c
		return audit(ctx, tx, actor, "certificate.revoke", "employee", nip,
			map[string]any{"certificate": c.Number, "status": "valid"},
			map[string]any{"certificate": c.Number, "status": "revoked", "reason": reason})
	})
	return out, err
}

// CertificateCheck is what the public verification reads: the certificate
// and the four facts it may show.
type CertificateCheck struct {
	Revoked     bool
	Holder      string
	Program     string
	CompletedAt time.Time
}

// CheckCertificate looks a verification code up (ErrNotFound: unknown).
func (s *Store) CheckCertificate(ctx context.Context, code string) (CertificateCheck, error) {
	var c CertificateCheck
	var revoked time.Time
	var front, name, back string
	err := s.queryRow(ctx, `SELECT c.revoked_at, e.front_title, e.name, e.back_title, p.title, n.completed_at
		FROM certificates c JOIN enrollments n ON n.id = c.enrollment_id JOIN employees e ON e.id = n.employee_id
		JOIN events ev ON ev.id = n.event_id JOIN programs p ON p.id = ev.program_id WHERE c.code = $1`, code).
		Scan(timeCol{&revoked}, &front, &name, &back, &c.Program, timeCol{&c.CompletedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	c.Revoked, c.Holder = !revoked.IsZero(), titledName(front, name, back)
	return c, err
}
