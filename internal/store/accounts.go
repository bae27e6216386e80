package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
)

// ErrConflict is returned when a row would duplicate a unique value (a NIP
// or e-mail that already has an account).
var ErrConflict = errors.New("sudah ada")

// isUniqueViolation recognises a unique-constraint error of either engine.
func isUniqueViolation(err error) bool {
	var pg *pgconn.PgError
	if errors.As(err, &pg) {
		return pg.Code == "23505"
	}
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// stampLayout writes SQLite timestamps with a fixed width, so that text
// comparison orders them (RFC 3339 with trimmed fractions does not:
// "…:00Z" sorts after "…:00.5Z").
const stampLayout = "2006-01-02T15:04:05.000000000Z"

// stampArg is a timestamp argument for columns that are compared in SQL
// (expiry, failure windows, token expiry).
func stampArg(s *Store, t time.Time) any {
	if s.engine == SQLite {
		return t.UTC().Format(stampLayout)
	}
	return t.UTC()
}

// nullStamp is stampArg with the zero time as NULL.
func nullStamp(s *Store, t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return stampArg(s, t)
}

// User is an account. NIP or Email (or both) is its login; Role is one of
// the app's role names. PasswordHash and TOTPSecret never leave the app
// layer and never enter the audit trail.
type User struct {
	ID           int64
	NIP          string // "" for an e-mail account without NIP
	Email        string // "" for a NIP account; stored in lowercase
	Name         string
	PasswordHash string
	Role         string
	UnitID       int64  // admin_opd: root of its scope (0 when none)
	UnitCode     string // code of UnitID
	EmployeeID   int64  // linked employee record (0 when none)
	Partner      string // mitra: institution
	TOTPSecret   string // base32; "" when no second factor
	Disabled     bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// userView is what the audit trail records of a user: no secrets.
type userView struct {
	NIP        string `json:"nip,omitempty"`
	Email      string `json:"email,omitempty"`
	Name       string `json:"name"`
	Role       string `json:"role"`
	UnitCode   string `json:"unit,omitempty"`
	EmployeeID int64  `json:"employee_id,omitempty"`
	Partner    string `json:"partner,omitempty"`
	Disabled   bool   `json:"disabled"`
	TOTP       bool   `json:"totp"`
}

func (u User) view() userView {
	return userView{NIP: u.NIP, Email: u.Email, Name: u.Name, Role: u.Role, UnitCode: u.UnitCode, EmployeeID: u.EmployeeID,
		Partner: u.Partner, Disabled: u.Disabled, TOTP: u.TOTPSecret != ""}
}

func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

const userSelect = `SELECT us.id, COALESCE(us.nip, ''), COALESCE(us.email, ''), us.name, us.password_hash, us.role,
	COALESCE(us.unit_id, 0), COALESCE(ou.code, ''), COALESCE(us.employee_id, 0), us.partner, us.totp_secret, us.disabled,
	us.created_at, us.updated_at
	FROM users us LEFT JOIN org_units ou ON ou.id = us.unit_id`

func scanUser(sc interface{ Scan(...any) error }) (User, error) {
	var u User
	err := sc.Scan(&u.ID, &u.NIP, &u.Email, &u.Name, &u.PasswordHash, &u.Role, &u.UnitID, &u.UnitCode, &u.EmployeeID,
		&u.Partner, &u.TOTPSecret, &u.Disabled, timeCol{&u.CreatedAt}, timeCol{&u.UpdatedAt})
	if errors.Is(err, sql.ErrNoRows) {
		return u, ErrNotFound
	}
	return u, err
}

// CreateUser stores a new account and its audit row. A NIP or e-mail that
// already has an account gives ErrConflict, naming it.
func (s *Store) CreateUser(ctx context.Context, actor string, u User) (int64, error) {
	u.Email = strings.ToLower(strings.TrimSpace(u.Email))
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := userConflict(ctx, tx, 0, u.NIP, u.Email); err != nil {
			return err
		}
		now := s.now()
		err := tx.QueryRow(ctx, `INSERT INTO users (nip, email, name, password_hash, role, unit_id, employee_id, partner, totp_secret,
			disabled, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11) RETURNING id`,
			nullString(u.NIP), nullString(u.Email), u.Name, u.PasswordHash, u.Role, nullID(u.UnitID), nullID(u.EmployeeID),
			u.Partner, u.TOTPSecret, u.Disabled, timeArg(s, now)).Scan(&id)
		if isUniqueViolation(err) {
			return fmt.Errorf("%w: NIP atau e-mail ini sudah punya akun", ErrConflict)
		}
		if err != nil {
			return err
		}
		created, err := scanUser(tx.QueryRow(ctx, userSelect+` WHERE us.id = $1`, id))
		if err != nil {
			return err
		}
		return audit(ctx, tx, actor, "user.create", "user", strconv.FormatInt(id, 10), nil, created.view())
	})
	return id, err
}

// userConflict names the NIP or e-mail that another account (not id) holds.
func userConflict(ctx context.Context, tx *Tx, id int64, nip, email string) error {
	var n int
	if nip != "" {
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE nip = $1 AND id <> $2`, nip, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: NIP %s sudah punya akun", ErrConflict, nip)
		}
	}
	if email != "" {
		if err := tx.QueryRow(ctx, `SELECT count(*) FROM users WHERE email = $1 AND id <> $2`, email, id).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return fmt.Errorf("%w: e-mail %s sudah punya akun", ErrConflict, email)
		}
	}
	return nil
}

// UserByID finds an account.
func (s *Store) UserByID(ctx context.Context, id int64) (User, error) {
	return scanUser(s.queryRow(ctx, userSelect+` WHERE us.id = $1`, id))
}

// UserByNIP finds the account whose login is a NIP.
func (s *Store) UserByNIP(ctx context.Context, nip string) (User, error) {
	return scanUser(s.queryRow(ctx, userSelect+` WHERE us.nip = $1`, nip))
}

// UserByEmail finds the account whose login is an e-mail (any case).
func (s *Store) UserByEmail(ctx context.Context, email string) (User, error) {
	return scanUser(s.queryRow(ctx, userSelect+` WHERE us.email = $1`, strings.ToLower(strings.TrimSpace(email))))
}

// Users lists every account by ID.
func (s *Store) Users(ctx context.Context) ([]User, error) {
	rows, err := s.query(ctx, userSelect+` ORDER BY us.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []User
	for rows.Next() {
		u, err := scanUser(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, u)
	}
	return out, rows.Err()
}

// CountUsers counts the accounts (serve tells how to create the first one).
func (s *Store) CountUsers(ctx context.Context) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT count(*) FROM users`).Scan(&n)
	return n, err
}

// changeUser updates one account in a transaction and audits it with the
// redacted before and after. set holds "col = $1, …" over args; extra, when
// given, runs in the same transaction after the update.
func (s *Store) changeUser(ctx context.Context, actor string, id int64, action string, before, after func(User) any,
	extra func(tx *Tx) error, set string, args ...any) error {
	return s.InTx(ctx, func(tx *Tx) error {
		old, err := scanUser(tx.QueryRow(ctx, userSelect+` WHERE us.id = $1`, id))
		if err != nil {
			return err
		}
		n := len(args)
		args = append(args, timeArg(s, s.now()), id)
		if _, err := tx.Exec(ctx, fmt.Sprintf(`UPDATE users SET %s, updated_at = $%d WHERE id = $%d`, set, n+1, n+2), args...); err != nil {
			return err
		}
		cur, err := scanUser(tx.QueryRow(ctx, userSelect+` WHERE us.id = $1`, id))
		if err != nil {
			return err
		}
		if extra != nil {
			if err := extra(tx); err != nil {
				return err
			}
		}
		return audit(ctx, tx, actor, action, "user", strconv.FormatInt(id, 10), before(old), after(cur))
	})
}

func fullView(u User) any { return u.view() }

// SetUserPassword replaces an account's password hash. The audit row says
// that the password changed, never the hash. Every session of the account
// ends in the same transaction unless keepSessions (a rehash at login).
func (s *Store) SetUserPassword(ctx context.Context, actor string, id int64, hash string, keepSessions bool) error {
	action, extra := "user.password", func(tx *Tx) error { return endSessionsOfUser(ctx, tx, id) }
	if keepSessions {
		action, extra = "user.password_rehash", nil
	}
	changed := func(User) any { return map[string]any{"password": "(diubah)"} }
	return s.changeUser(ctx, actor, id, action, func(User) any { return nil }, changed, extra, `password_hash = $1`, hash)
}

// SetUserRole changes an account's role and its admin_opd unit (0: none).
// The change takes effect at the account's next request.
func (s *Store) SetUserRole(ctx context.Context, actor string, id int64, role string, unitID int64) error {
	return s.changeUser(ctx, actor, id, "user.role", fullView, fullView, nil, `role = $1, unit_id = $2`, role, nullID(unitID))
}

// SetUserDisabled disables or enables an account. Disabling ends every
// session of the account in the same transaction.
func (s *Store) SetUserDisabled(ctx context.Context, actor string, id int64, disabled bool) error {
	action, extra := "user.enable", (func(*Tx) error)(nil)
	if disabled {
		action, extra = "user.disable", func(tx *Tx) error { return endSessionsOfUser(ctx, tx, id) }
	}
	return s.changeUser(ctx, actor, id, action, fullView, fullView, extra, `disabled = $1`, disabled)
}

// SetUserTOTP stores (or, with "", removes) an account's TOTP secret. The
// audit row records only whether a second factor is on.
func (s *Store) SetUserTOTP(ctx context.Context, actor string, id int64, secret string) error {
	on := func(u User) any { return map[string]any{"totp": u.TOTPSecret != ""} }
	return s.changeUser(ctx, actor, id, "user.totp", on, on, nil, `totp_secret = $1`, secret)
}

// HasSubordinates reports whether anyone names the employee as supervisor.
func (s *Store) HasSubordinates(ctx context.Context, employeeID int64) (bool, error) {
	if employeeID == 0 {
		return false, nil
	}
	var n int
	err := s.queryRow(ctx, `SELECT count(*) FROM (SELECT 1 FROM employees WHERE supervisor_id = $1 LIMIT 1) x`, employeeID).Scan(&n)
	return n > 0, err
}

// EmployeeInPosition returns the first employee (by ID) holding a position.
func (s *Store) EmployeeInPosition(ctx context.Context, positionCode string) (EmployeeRow, error) {
	e, err := scanEmployee(s.queryRow(ctx, employeeSelect+` WHERE p.code = $1 ORDER BY e.id LIMIT 1`, positionCode))
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	return e, err
}

// FirstStaffBelow returns the first employee (by ID) in the supervisor
// chain below an employee who supervises nobody.
func (s *Store) FirstStaffBelow(ctx context.Context, employeeID int64) (EmployeeRow, error) {
	e, err := scanEmployee(s.queryRow(ctx, `WITH RECURSIVE team(id) AS (
		SELECT id FROM employees WHERE supervisor_id = $1
		UNION ALL SELECT x.id FROM employees x JOIN team t ON x.supervisor_id = t.id) `+
		employeeSelect+` WHERE e.id IN (SELECT id FROM team)
		AND NOT EXISTS (SELECT 1 FROM employees sub WHERE sub.supervisor_id = e.id) ORDER BY e.id LIMIT 1`, employeeID))
	if errors.Is(err, sql.ErrNoRows) {
		return e, ErrNotFound
	}
	return e, err
}

// APIToken is a bearer token of an account; only its hash is stored.
type APIToken struct {
	ID         int64
	UserID     int64
	Name       string
	CreatedAt  time.Time
	ExpiresAt  time.Time // zero: never
	RevokedAt  time.Time // zero: active
	LastUsedAt time.Time // zero: never used
}

const tokenSelect = `SELECT t.id, t.user_id, t.name, t.created_at, t.expires_at, t.revoked_at, t.last_used_at FROM api_tokens t`

func scanToken(sc interface{ Scan(...any) error }, extra ...any) (APIToken, error) {
	var t APIToken
	dest := append([]any{&t.ID, &t.UserID, &t.Name, timeCol{&t.CreatedAt}, timeCol{&t.ExpiresAt}, timeCol{&t.RevokedAt},
		timeCol{&t.LastUsedAt}}, extra...)
	err := sc.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNotFound
	}
	return t, err
}

func (t APIToken) view() map[string]any {
	m := map[string]any{"user_id": t.UserID, "name": t.Name}
	if !t.ExpiresAt.IsZero() {
		m["expires_at"] = t.ExpiresAt.UTC().Format(time.RFC3339)
	}
	if !t.RevokedAt.IsZero() {
		m["revoked_at"] = t.RevokedAt.UTC().Format(time.RFC3339)
	}
	return m
}

// CreateAPIToken stores a token's hash for an account, with its audit row
// (which holds neither the token nor its hash).
func (s *Store) CreateAPIToken(ctx context.Context, actor string, userID int64, name, hash string, expiresAt time.Time) (int64, error) {
	var id int64
	err := s.InTx(ctx, func(tx *Tx) error {
		if err := tx.QueryRow(ctx, `INSERT INTO api_tokens (user_id, name, token_hash, created_at, expires_at)
			VALUES ($1, $2, $3, $4, $5) RETURNING id`,
			userID, name, hash, stampArg(s, s.now()), nullStamp(s, expiresAt)).Scan(&id); err != nil {
			return err
		}
		t, err := scanToken(tx.QueryRow(ctx, tokenSelect+` WHERE t.id = $1`, id))
		if err != nil {
			return err
		}
		return audit(ctx, tx, actor, "token.create", "api_token", strconv.FormatInt(id, 10), nil, t.view())
	})
	return id, err
}

// APITokenByID finds a token.
func (s *Store) APITokenByID(ctx context.Context, id int64) (APIToken, error) {
	return scanToken(s.queryRow(ctx, tokenSelect+` WHERE t.id = $1`, id))
}

// APITokenByHash finds a token by its hash, whatever its state; the caller
// checks expiry, revocation and the account.
func (s *Store) APITokenByHash(ctx context.Context, hash string) (APIToken, error) {
	return scanToken(s.queryRow(ctx, tokenSelect+` WHERE t.token_hash = $1`, hash))
}

// APITokensOfUser lists an account's tokens, newest first.
func (s *Store) APITokensOfUser(ctx context.Context, userID int64) ([]APIToken, error) {
	rows, err := s.query(ctx, tokenSelect+` WHERE t.user_id = $1 ORDER BY t.id DESC`, userID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []APIToken
	for rows.Next() {
		t, err := scanToken(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// RevokeAPIToken revokes a token now. Revoking a revoked token changes
// nothing and writes no audit row.
func (s *Store) RevokeAPIToken(ctx context.Context, actor string, id int64) error {
	return s.InTx(ctx, func(tx *Tx) error {
		old, err := scanToken(tx.QueryRow(ctx, tokenSelect+` WHERE t.id = $1`, id))
		if err != nil || !old.RevokedAt.IsZero() {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE api_tokens SET revoked_at = $1 WHERE id = $2`, stampArg(s, s.now()), id); err != nil {
			return err
		}
		cur, err := scanToken(tx.QueryRow(ctx, tokenSelect+` WHERE t.id = $1`, id))
		if err != nil {
			return err
		}
		return audit(ctx, tx, actor, "token.revoke", "api_token", strconv.FormatInt(id, 10), old.view(), cur.view())
	})
}

// TouchAPIToken records a use of a token, at most once per interval so that
// API reads do not each cost a write. Not audited: it changes no record.
func (s *Store) TouchAPIToken(ctx context.Context, id int64, interval time.Duration) error {
	now := s.now()
	return s.InTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `UPDATE api_tokens SET last_used_at = $1 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at <= $3)`,
			stampArg(s, now), id, stampArg(s, now.Add(-interval)))
		return err
	})
}

// RecordLoginFailure records one failed login for each key (an account key,
// an address key) at the store's clock.
func (s *Store) RecordLoginFailure(ctx context.Context, keys ...string) error {
	at := stampArg(s, s.now())
	return s.InTx(ctx, func(tx *Tx) error {
		for _, k := range keys {
			if _, err := tx.Exec(ctx, `INSERT INTO login_failures (key, at) VALUES ($1, $2)`, k, at); err != nil {
				return err
			}
		}
		return nil
	})
}

// LoginFailures returns the times of the newest failures for a key after
// since, newest first, at most limit of them.
func (s *Store) LoginFailures(ctx context.Context, key string, since time.Time, limit int) ([]time.Time, error) {
	rows, err := s.query(ctx, `SELECT at FROM login_failures WHERE key = $1 AND at > $2 ORDER BY at DESC LIMIT $3`,
		key, stampArg(s, since), limit)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []time.Time
	for rows.Next() {
		var t time.Time
		if err := rows.Scan(timeCol{&t}); err != nil {
			return nil, err
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CountLoginFailures counts the failures for a key after since.
func (s *Store) CountLoginFailures(ctx context.Context, key string, since time.Time) (int, error) {
	var n int
	err := s.queryRow(ctx, `SELECT count(*) FROM login_failures WHERE key = $1 AND at > $2`, key, stampArg(s, since)).Scan(&n)
	return n, err
}

// ClearLoginFailures forgets the failures of a key (after a successful login).
func (s *Store) ClearLoginFailures(ctx context.Context, key string) error {
	return s.InTx(ctx, func(tx *Tx) error {
		_, err := tx.Exec(ctx, `DELETE FROM login_failures WHERE key = $1`, key)
		return err
	})
}

// PruneLoginFailures deletes failures at or before a time (they no longer
// count) and returns how many it deleted.
func (s *Store) PruneLoginFailures(ctx context.Context, before time.Time) (int64, error) {
	var n int64
	err := s.InTx(ctx, func(tx *Tx) error {
		res, err := tx.Exec(ctx, `DELETE FROM login_failures WHERE at <= $1`, stampArg(s, before))
		if err != nil {
			return err
		}
		n, err = res.RowsAffected()
		return err
	})
	return n, err
}
