package app

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"math/big"
	"net"
	"net/mail"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"asah/internal/auth"
	"asah/internal/demo"
	"asah/internal/store"
)

// AccountsConfig configures logins and sessions.
type AccountsConfig struct {
	// IdleTimeout ends a session after this long without a request.
	IdleTimeout time.Duration
	// AbsoluteTimeout ends a session this long after login, however active.
	AbsoluteTimeout time.Duration
	// RequireTOTPForAdmins makes admin_bkpsdm and admin_opd accounts enrol a
	// second factor (see MustEnrollTOTP) and use it at every login.
	RequireTOTPForAdmins bool
	// Throttle limits failed logins per account and per client address.
	Throttle auth.Throttle
	// Hash is the argon2id cost for new password hashes; older hashes are
	// upgraded at the next successful login.
	Hash auth.Params
	// SecureCookies says the site is served over TLS (directly or behind a
	// TLS proxy): session cookies get the Secure attribute.
	SecureCookies bool
}

// DefaultAccountsConfig returns 30 minutes idle, 12 hours absolute, no
// required second factor, 5 failures per account and 20 per address in 15
// minutes, and the default argon2id cost.
func DefaultAccountsConfig() AccountsConfig {
	return AccountsConfig{
		IdleTimeout:     30 * time.Minute,
		AbsoluteTimeout: 12 * time.Hour,
		Throttle:        auth.DefaultThrottle(),
		Hash:            auth.DefaultParams(),
	}
}

// errBadLogin is the one answer for an unknown account, a wrong password and
// a disabled account, so that the message does not tell them apart.
func errBadLogin() error {
	return &Error{Code: CodeUnauthenticated, Message: "NIP/e-mail atau kata sandi salah"}
}

func errThrottled(wait time.Duration) error {
	minutes := int((wait + time.Minute - 1) / time.Minute)
	return &Error{Code: CodeThrottled, Message: fmt.Sprintf("Terlalu banyak percobaan, coba lagi dalam %d menit", max(minutes, 1))}
}

func errSessionEnded() error {
	return &Error{Code: CodeUnauthenticated, Message: "Sesi Anda tidak berlaku lagi; silakan masuk kembali"}
}

// canManageUsers: only BKPSDM administrators (and the operator's CLI, which
// acts as System) create accounts, change roles, disable accounts and manage
// other people's passwords and tokens.
func canManageUsers(by Actor) bool { return by.Role == RoleAdminBKPSDM }

func requireUserAdmin(by Actor) error {
	if canManageUsers(by) {
		return nil
	}
	return &Error{Code: CodeForbidden, Message: "Hanya admin BKPSDM yang dapat mengelola akun pengguna"}
}

// isAdminRole tells the roles that RequireTOTPForAdmins covers.
func isAdminRole(r Role) bool { return r == RoleAdminBKPSDM || r == RoleAdminOPD }

// hash and verify run argon2id (64 MiB each) through a.hashSlots, so that a
// burst of logins cannot take all memory.
func (a *App) hash(ctx context.Context, pw string) (string, error) {
	var h string
	err := a.withHashSlot(ctx, func() error {
		var err error
		h, err = auth.HashPasswordWith(pw, a.Accounts.Hash)
		return err
	})
	return h, err
}

func (a *App) verify(ctx context.Context, encoded, pw string) (bool, error) {
	var ok bool
	err := a.withHashSlot(ctx, func() error {
		var err error
		ok, err = auth.VerifyPassword(encoded, pw)
		return err
	})
	return ok, err
}

func (a *App) verifyDummy(ctx context.Context, pw string) {
	a.withHashSlot(ctx, func() error { auth.VerifyDummy(pw, a.Accounts.Hash); return nil })
}

func (a *App) withHashSlot(ctx context.Context, fn func() error) error {
	if a.hashSlots == nil {
		return fn()
	}
	select {
	case a.hashSlots <- struct{}{}:
	case <-ctx.Done():
		return ctx.Err()
	}
	defer func() { <-a.hashSlots }()
	return fn()
}

// NewUser is what an administrator submits to create an account.
type NewUser struct {
	NIP      string // login of an employee (links the employee record)
	Email    string // login of an admin, leader or partner without NIP
	Name     string // default: the employee's name, or the e-mail
	Role     string
	UnitCode string // admin_opd: root of its scope (required)
	Partner  string // mitra: institution (required)
	Password string
}

// normalizeNIP drops the spaces people type inside a NIP.
func normalizeNIP(s string) string { return strings.Join(strings.Fields(s), "") }

func normalizeEmail(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

// normalizeLogin turns what a user typed in the login field into the key
// the account is stored under.
func normalizeLogin(s string) string {
	if strings.Contains(s, "@") {
		return normalizeEmail(s)
	}
	return normalizeNIP(s)
}

func validEmail(s string) bool {
	if s == "" || len(s) > 254 {
		return false
	}
	addr, err := mail.ParseAddress(s)
	if err != nil || addr.Address != s || addr.Name != "" {
		return false
	}
	_, domain, _ := strings.Cut(s, "@")
	return strings.Contains(domain, ".") && !strings.ContainsAny(s, " <>\"")
}

// CreateUser validates and creates an account. Exactly one of NIP or e-mail
// is its login; a NIP must belong to an employee and links the account to
// them. Only admin_bkpsdm (or the CLI) may create accounts. Every field at
// fault is named; nothing is written when anything is wrong.
func (a *App) CreateUser(ctx context.Context, by Actor, in NewUser) (int64, error) {
	if err := requireUserAdmin(by); err != nil {
		return 0, err
	}
	fields := map[string]string{}
	u := store.User{NIP: normalizeNIP(in.NIP), Email: normalizeEmail(in.Email), Name: strings.TrimSpace(in.Name),
		Partner: strings.TrimSpace(in.Partner)}
	switch {
	case u.NIP == "" && u.Email == "":
		fields["login"] = "isi NIP atau e-mail sebagai nama masuk"
	case u.NIP != "" && u.Email != "":
		fields["login"] = "isi salah satu saja: NIP atau e-mail"
	}
	if u.NIP != "" {
		emp, err := a.Store.EmployeeByNIP(ctx, u.NIP)
		switch {
		case errors.Is(err, store.ErrNotFound):
			fields["nip"] = fmt.Sprintf("pegawai dengan NIP %s tidak ditemukan", u.NIP)
		case err != nil:
			return 0, err
		default:
			u.EmployeeID = emp.ID
			if u.Name == "" {
				u.Name = emp.Name
			}
		}
	}
	if u.Email != "" && !validEmail(u.Email) {
		fields["email"] = fmt.Sprintf("alamat e-mail %q tidak valid", in.Email)
	}
	if u.Name == "" {
		u.Name = u.Email
	}
	if utf8.RuneCountInString(u.Name) > 200 {
		fields["name"] = "nama paling banyak 200 karakter"
	}
	role, err := ParseRole(strings.TrimSpace(in.Role))
	if err != nil {
		fields["role"] = err.Error()
	}
	u.Role = string(role)
	a.checkRoleFields(ctx, role, u.NIP, u.Email, u.Partner, strings.TrimSpace(in.UnitCode), &u.UnitID, fields)
	if err := auth.ValidatePassword(in.Password, u.NIP, u.Email, u.Name); err != nil {
		fields["password"] = err.Error()
	}
	if len(fields) > 0 {
		return 0, invalidFields(fields)
	}
	if u.PasswordHash, err = a.hash(ctx, in.Password); err != nil {
		return 0, err
	}
	id, err := a.Store.CreateUser(ctx, by.Label(), u)
	if errors.Is(err, store.ErrConflict) {
		return 0, &Error{Code: CodeConflict, Message: strings.TrimPrefix(err.Error(), store.ErrConflict.Error()+": ")}
	}
	return id, err
}

// checkRoleFields applies the rules that tie a role to the other fields.
func (a *App) checkRoleFields(ctx context.Context, role Role, nip, email, partner, unitCode string, unitID *int64, fields map[string]string) {
	switch role {
	case RoleAtasan, RolePegawai:
		if nip == "" && fields["login"] == "" {
			fields["nip"] = fmt.Sprintf("peran %s masuk dengan NIP pegawai", role)
		}
	case RoleMitra:
		if email == "" && fields["login"] == "" {
			fields["email"] = "peran mitra masuk dengan e-mail"
		}
		if partner == "" {
			fields["partner"] = "peran mitra memerlukan nama lembaga mitra"
		}
	}
	if partner != "" && role != RoleMitra && role != "" {
		fields["partner"] = "lembaga mitra hanya untuk peran mitra"
	}
	switch {
	case role == RoleAdminOPD && unitCode == "":
		fields["unit"] = "peran admin_opd memerlukan unit (--unit KODE)"
	case role == RoleAdminOPD:
		unit, err := a.Store.UnitByCode(ctx, unitCode)
		if err != nil {
			fields["unit"] = fmt.Sprintf("unit %q tidak ditemukan", unitCode)
		} else {
			*unitID = unit.ID
		}
	case unitCode != "" && role != "":
		fields["unit"] = "unit hanya untuk peran admin_opd"
	}
}

func invalidFields(fields map[string]string) error {
	order := []string{"login", "nip", "email", "name", "role", "unit", "partner", "current_password", "password", "code", "expires"}
	var parts []string
	for _, k := range order {
		if v, ok := fields[k]; ok {
			parts = append(parts, v)
		}
	}
	return &Error{Code: CodeInvalid, Message: strings.Join(parts, "; "), Fields: fields}
}

// userOf loads an account for a use case; unknown is not found.
func (a *App) userOf(ctx context.Context, id int64) (store.User, error) {
	u, err := a.Store.UserByID(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return u, NotFound(fmt.Sprintf("pengguna #%d tidak ditemukan", id))
	}
	return u, err
}

// Account is an account as shown to people: no password hash, no TOTP
// secret.
type Account struct {
	ID         int64
	NIP        string
	Email      string
	Name       string
	Role       Role
	UnitCode   string // admin_opd
	EmployeeID int64
	Partner    string // mitra
	TOTP       bool   // a second factor is on
	Disabled   bool
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

func accountOf(u store.User) Account {
	return Account{ID: u.ID, NIP: u.NIP, Email: u.Email, Name: u.Name, Role: Role(u.Role), UnitCode: u.UnitCode,
		EmployeeID: u.EmployeeID, Partner: u.Partner, TOTP: u.TOTPSecret != "", Disabled: u.Disabled,
		CreatedAt: u.CreatedAt, UpdatedAt: u.UpdatedAt}
}

// Account returns one account, to its owner or to a user administrator
// (anyone else: not found).
func (a *App) Account(ctx context.Context, by Actor, id int64) (Account, error) {
	if (by.UserID == 0 || by.UserID != id) && !canManageUsers(by) {
		return Account{}, NotFound(fmt.Sprintf("pengguna #%d tidak ditemukan", id))
	}
	u, err := a.userOf(ctx, id)
	if err != nil {
		return Account{}, err
	}
	return accountOf(u), nil
}

// ListAccounts lists every account (user administrators only).
func (a *App) ListAccounts(ctx context.Context, by Actor) ([]Account, error) {
	if err := requireUserAdmin(by); err != nil {
		return nil, err
	}
	us, err := a.Store.Users(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]Account, len(us))
	for i, u := range us {
		out[i] = accountOf(u)
	}
	return out, nil
}

// UserIDByLogin finds the account of a NIP or e-mail (user administrators
// only; the CLI names accounts this way).
func (a *App) UserIDByLogin(ctx context.Context, by Actor, login string) (int64, error) {
	if err := requireUserAdmin(by); err != nil {
		return 0, err
	}
	u, err := a.userByLogin(ctx, normalizeLogin(login))
	if errors.Is(err, store.ErrNotFound) {
		return 0, NotFound(fmt.Sprintf("tidak ada akun dengan NIP/e-mail %s", strings.TrimSpace(login)))
	}
	return u.ID, err
}

func (a *App) userByLogin(ctx context.Context, login string) (store.User, error) {
	if login == "" {
		return store.User{}, store.ErrNotFound
	}
	if strings.Contains(login, "@") {
		return a.Store.UserByEmail(ctx, login)
	}
	return a.Store.UserByNIP(ctx, login)
}

// SetPassword changes an account's password. Users change their own, giving
// the current one; a user administrator (or the CLI) sets anyone's without
// it. Every session of the account ends: after changing their own password
// in the browser, the web layer starts a fresh session (StartSession).
func (a *App) SetPassword(ctx context.Context, by Actor, userID int64, current, newPassword string) error {
	self := by.UserID != 0 && by.UserID == userID
	if !self {
		if err := requireUserAdmin(by); err != nil {
			return err
		}
	}
	u, err := a.userOf(ctx, userID)
	if err != nil {
		return err
	}
	fields := map[string]string{}
	if self {
		if err := a.checkOwnPassword(ctx, u, current); err != nil {
			if ErrorCode(err) != CodeInvalid {
				return err
			}
			fields["current_password"] = "kata sandi saat ini salah"
		}
	}
	if err := auth.ValidatePassword(newPassword, u.NIP, u.Email, u.Name); err != nil {
		fields["password"] = err.Error()
	}
	if len(fields) > 0 {
		return invalidFields(fields)
	}
	h, err := a.hash(ctx, newPassword)
	if err != nil {
		return err
	}
	return a.Store.SetUserPassword(ctx, by.Label(), userID, h, false)
}

// checkOwnPassword verifies a logged-in user's current password (to change
// the password or remove the second factor), throttled like a login on the
// account key: a stolen session cannot be used to guess it quickly.
func (a *App) checkOwnPassword(ctx context.Context, u store.User, pw string) error {
	key := accountKey(firstNonEmpty(u.NIP, u.Email))
	now := a.Now()
	th := a.Accounts.Throttle
	fails, err := a.Store.LoginFailures(ctx, key, th.Since(now), max(th.AccountLimit, 1))
	if err != nil {
		return err
	}
	if ok, wait := th.Allow(now, fails, nil); !ok {
		return errThrottled(wait)
	}
	ok, err := a.verify(ctx, u.PasswordHash, pw)
	if err != nil && !errors.Is(err, auth.ErrInvalidHash) {
		return err
	}
	if !ok {
		if err := a.Store.RecordLoginFailure(ctx, key); err != nil {
			return err
		}
		return Invalid("kata sandi saat ini salah")
	}
	return nil
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// DisableUser disables an account (user administrators only); its sessions
// end at once, in the same transaction, and its API tokens stop working.
func (a *App) DisableUser(ctx context.Context, by Actor, userID int64) error {
	return a.setDisabled(ctx, by, userID, true)
}

// EnableUser enables a disabled account again.
func (a *App) EnableUser(ctx context.Context, by Actor, userID int64) error {
	return a.setDisabled(ctx, by, userID, false)
}

func (a *App) setDisabled(ctx context.Context, by Actor, userID int64, disabled bool) error {
	if err := requireUserAdmin(by); err != nil {
		return err
	}
	if disabled && by.UserID == userID {
		return Invalid("Anda tidak dapat menonaktifkan akun Anda sendiri")
	}
	u, err := a.userOf(ctx, userID)
	if err != nil {
		return err
	}
	if u.Disabled == disabled {
		return nil
	}
	return a.Store.SetUserDisabled(ctx, by.Label(), userID, disabled)
}

// SetUserRole changes an account's role (and the unit of an admin_opd)
// (user administrators only). It takes effect at the account's next request.
func (a *App) SetUserRole(ctx context.Context, by Actor, userID int64, role, unitCode string) error {
	if err := requireUserAdmin(by); err != nil {
		return err
	}
	u, err := a.userOf(ctx, userID)
	if err != nil {
		return err
	}
	fields := map[string]string{}
	r, err := ParseRole(strings.TrimSpace(role))
	if err != nil {
		fields["role"] = err.Error()
	}
	var unitID int64
	a.checkRoleFields(ctx, r, u.NIP, u.Email, u.Partner, strings.TrimSpace(unitCode), &unitID, fields)
	if len(fields) > 0 {
		return invalidFields(fields)
	}
	if u.Role == string(r) && u.UnitID == unitID {
		return nil
	}
	return a.Store.SetUserRole(ctx, by.Label(), userID, string(r), unitID)
}

// accountKey and addressKey name the throttling counters.
func accountKey(login string) string { return "login:" + login }

// addressKey is the client address of a request: without the port, and an
// IPv6 address reduced to its /64 (one subscriber usually holds a whole /64).
func addressKey(remoteAddr string) string {
	host := strings.TrimSpace(remoteAddr)
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	switch {
	case ip == nil && host == "":
		return "addr:unknown"
	case ip == nil:
		return "addr:" + host
	case ip.To4() != nil:
		return "addr:" + ip.To4().String()
	default:
		return "addr:" + ip.Mask(net.CIDRMask(64, 128)).String() + "/64"
	}
}

// maxLoginInput bounds what a login form may send; longer input cannot be a
// valid NIP, e-mail or password (passwords are at most 128 characters).
const maxLoginInput = 1024

// Login checks a NIP or e-mail and password (and, when the account has one,
// the authenticator code) and returns the actor. remoteAddr is the client
// address (host or host:port) for throttling.
//
// Failed attempts are counted per account key and per address key; when
// either has reached its limit in the window, the attempt is refused before
// any password is checked (CodeThrottled, saying how many minutes to wait).
// An unknown account, a wrong password and a disabled account all give the
// same CodeUnauthenticated message, and an unknown account costs the same
// argon2id work, so neither message nor timing tells which accounts exist.
// When the password is right and the account has a second factor but no
// code was given, the error is CodeTOTPRequired: ask for the code and call
// Login again with it. A successful login clears the account's failures.
//
// The caller then starts the session: StartSession (web) renews the session
// token, so the session ID changes at login.
func (a *App) Login(ctx context.Context, login, password, totpCode, remoteAddr string) (Actor, error) {
	login = normalizeLogin(login)
	if len(login) > maxLoginInput {
		login = login[:maxLoginInput]
	}
	keys := []string{accountKey(login), addressKey(remoteAddr)}
	now := a.Now()
	th := a.Accounts.Throttle
	since := th.Since(now)
	accFails, err := a.Store.LoginFailures(ctx, keys[0], since, max(th.AccountLimit, 1))
	if err != nil {
		return Actor{}, err
	}
	addrFails, err := a.Store.LoginFailures(ctx, keys[1], since, max(th.AddressLimit, 1))
	if err != nil {
		return Actor{}, err
	}
	if ok, wait := th.Allow(now, accFails, addrFails); !ok {
		return Actor{}, errThrottled(wait)
	}
	fail := func(err error) (Actor, error) {
		if rerr := a.Store.RecordLoginFailure(ctx, keys...); rerr != nil {
			return Actor{}, rerr
		}
		return Actor{}, err
	}
	if len(password) > maxLoginInput {
		a.verifyDummy(ctx, password[:maxLoginInput])
		return fail(errBadLogin())
	}
	u, err := a.userByLogin(ctx, login)
	if errors.Is(err, store.ErrNotFound) {
		a.verifyDummy(ctx, password)
		return fail(errBadLogin())
	}
	if err != nil {
		return Actor{}, err
	}
	ok, err := a.verify(ctx, u.PasswordHash, password)
	if errors.Is(err, auth.ErrInvalidHash) {
		a.verifyDummy(ctx, password) // the same work as a real check
	} else if err != nil {
		return Actor{}, err
	}
	if !ok || u.Disabled {
		return fail(errBadLogin())
	}
	if u.TOTPSecret != "" {
		if strings.TrimSpace(totpCode) == "" {
			return Actor{}, &Error{Code: CodeTOTPRequired, Message: "Masukkan kode 6 digit dari aplikasi autentikator Anda"}
		}
		if !auth.ValidateTOTP(totpCode, u.TOTPSecret, now) {
			return fail(&Error{Code: CodeUnauthenticated, Message: "Kode autentikator salah atau kedaluwarsa",
				Fields: map[string]string{"code": "kode salah atau kedaluwarsa"}})
		}
	}
	if err := a.Store.ClearLoginFailures(ctx, keys[0]); err != nil {
		return Actor{}, err
	}
	if auth.NeedsRehash(u.PasswordHash, a.Accounts.Hash) {
		// Upgrade an old hash while the password is at hand; the sessions
		// stay. A failure here does not fail the login.
		if h, err := a.hash(ctx, password); err == nil {
			a.Store.SetUserPassword(ctx, "user:"+strconv.FormatInt(u.ID, 10), u.ID, h, true)
		}
	}
	return a.actorOf(ctx, u)
}

// ActorForUser rebuilds the actor of a session from the database, so that a
// change of role, unit or supervisor takes effect at the next request. A
// disabled or deleted account is CodeUnauthenticated.
func (a *App) ActorForUser(ctx context.Context, userID int64) (Actor, error) {
	u, err := a.Store.UserByID(ctx, userID)
	if errors.Is(err, store.ErrNotFound) {
		return Actor{}, errSessionEnded()
	}
	if err != nil {
		return Actor{}, err
	}
	if u.Disabled {
		return Actor{}, errSessionEnded()
	}
	return a.actorOf(ctx, u)
}

func (a *App) actorOf(ctx context.Context, u store.User) (Actor, error) {
	role, err := ParseRole(u.Role)
	if err != nil {
		return Actor{}, errSessionEnded()
	}
	subs, err := a.Store.HasSubordinates(ctx, u.EmployeeID)
	if err != nil {
		return Actor{}, err
	}
	return Actor{UserID: u.ID, Name: u.Name, Role: role, UnitID: u.UnitID, UnitCode: u.UnitCode, EmployeeID: u.EmployeeID,
		NIP: u.NIP, Partner: u.Partner, HasSubordinates: subs}, nil
}

// MustEnrollTOTP reports whether an account has to set up a second factor
// before doing anything else: RequireTOTPForAdmins is on, its role is an
// admin role and it has no TOTP secret yet. The web layer sends such a user
// to the account page (POST /account/totp) until they have enrolled.
func (a *App) MustEnrollTOTP(ctx context.Context, userID int64) (bool, error) {
	if !a.Accounts.RequireTOTPForAdmins {
		return false, nil
	}
	u, err := a.userOf(ctx, userID)
	if err != nil {
		return false, err
	}
	return isAdminRole(Role(u.Role)) && u.TOTPSecret == "", nil
}

// BeginTOTP makes a new TOTP secret for the actor's own account and the
// otpauth:// URL to show as a QR code. Nothing is stored: the web layer
// keeps the secret in the session until EnableTOTP confirms it.
func (a *App) BeginTOTP(ctx context.Context, by Actor) (secret, url string, err error) {
	if by.UserID == 0 {
		return "", "", Invalid("hanya akun pengguna yang dapat memakai autentikator")
	}
	u, err := a.userOf(ctx, by.UserID)
	if err != nil {
		return "", "", err
	}
	return auth.NewTOTP(firstNonEmpty(u.NIP, u.Email))
}

// EnableTOTP turns on the second factor of the actor's own account once a
// code from the authenticator app proves the secret was scanned.
func (a *App) EnableTOTP(ctx context.Context, by Actor, secret, code string) error {
	if by.UserID == 0 {
		return Invalid("hanya akun pengguna yang dapat memakai autentikator")
	}
	if _, err := a.userOf(ctx, by.UserID); err != nil {
		return err
	}
	if !auth.ValidateTOTP(code, secret, a.Now()) {
		return invalidFields(map[string]string{"code": "kode autentikator salah atau kedaluwarsa; periksa jam ponsel Anda lalu coba lagi"})
	}
	return a.Store.SetUserTOTP(ctx, by.Label(), by.UserID, secret)
}

// DisableTOTP removes the second factor of an account: the owner gives their
// current password; a user administrator (or the CLI) resets anyone's, for
// a lost phone.
func (a *App) DisableTOTP(ctx context.Context, by Actor, userID int64, currentPassword string) error {
	self := by.UserID != 0 && by.UserID == userID
	if !self {
		if err := requireUserAdmin(by); err != nil {
			return err
		}
	}
	u, err := a.userOf(ctx, userID)
	if err != nil {
		return err
	}
	if self {
		if err := a.checkOwnPassword(ctx, u, currentPassword); err != nil {
			if ErrorCode(err) == CodeInvalid {
				return invalidFields(map[string]string{"current_password": "kata sandi saat ini salah"})
			}
			return err
		}
	}
	if u.TOTPSecret == "" {
		return nil
	}
	return a.Store.SetUserTOTP(ctx, by.Label(), userID, "")
}

// tokenTouchInterval bounds how often a token's last use is written.
const tokenTouchInterval = time.Minute

// CreateToken creates an API token for an account and returns it in plain
// text, once; only its hash is stored. Users create their own; a user
// administrator (or the CLI) creates anyone's. expires 0 means no expiry.
func (a *App) CreateToken(ctx context.Context, by Actor, userID int64, name string, expires time.Duration) (string, error) {
	if by.UserID == 0 || by.UserID != userID {
		if err := requireUserAdmin(by); err != nil {
			return "", err
		}
	}
	u, err := a.userOf(ctx, userID)
	if err != nil {
		return "", err
	}
	fields := map[string]string{}
	name = strings.TrimSpace(name)
	if utf8.RuneCountInString(name) > 100 {
		fields["name"] = "nama token paling banyak 100 karakter"
	}
	if expires < 0 {
		fields["expires"] = "masa berlaku token tidak boleh negatif"
	}
	if u.Disabled {
		fields["login"] = "akun ini dinonaktifkan"
	}
	if len(fields) > 0 {
		return "", invalidFields(fields)
	}
	var expiresAt time.Time
	if expires > 0 {
		expiresAt = a.Now().Add(expires)
	}
	plain, hash := auth.NewToken()
	if _, err := a.Store.CreateAPIToken(ctx, by.Label(), userID, name, hash, expiresAt); err != nil {
		return "", err
	}
	return plain, nil
}

// Tokens lists an account's API tokens (never the tokens themselves), to
// their owner or a user administrator.
func (a *App) Tokens(ctx context.Context, by Actor, userID int64) ([]store.APIToken, error) {
	if by.UserID == 0 || by.UserID != userID {
		if err := requireUserAdmin(by); err != nil {
			return nil, err
		}
	}
	return a.Store.APITokensOfUser(ctx, userID)
}

// TokenID tells the ID of a plain token (the CLI prints it after creating
// one, for `asah token revoke`).
func (a *App) TokenID(ctx context.Context, plain string) (int64, error) {
	t, err := a.Store.APITokenByHash(ctx, auth.HashToken(strings.TrimSpace(plain)))
	if errors.Is(err, store.ErrNotFound) {
		return 0, NotFound("token tidak ditemukan")
	}
	return t.ID, err
}

// RevokeToken revokes an API token: its owner or a user administrator. A
// token of someone else is not found, so that its existence is not told.
func (a *App) RevokeToken(ctx context.Context, by Actor, tokenID int64) error {
	t, err := a.Store.APITokenByID(ctx, tokenID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && !canManageUsers(by) && (by.UserID == 0 || t.UserID != by.UserID)) {
		return NotFound(fmt.Sprintf("token #%d tidak ditemukan", tokenID))
	}
	if err != nil {
		return err
	}
	return a.Store.RevokeAPIToken(ctx, by.Label(), tokenID)
}

// ActorForToken resolves a bearer token to its account's actor. An unknown,
// malformed, expired or revoked token, or one of a disabled account, is
// CodeUnauthenticated with one message that does not say which.
func (a *App) ActorForToken(ctx context.Context, plain string) (Actor, error) {
	bad := &Error{Code: CodeUnauthenticated, Message: "token API tidak sah, kedaluwarsa, atau sudah dicabut"}
	plain = strings.TrimSpace(plain)
	if !auth.LooksLikeToken(plain) {
		return Actor{}, bad
	}
	t, err := a.Store.APITokenByHash(ctx, auth.HashToken(plain))
	if errors.Is(err, store.ErrNotFound) {
		return Actor{}, bad
	}
	if err != nil {
		return Actor{}, err
	}
	now := a.Now()
	if !t.RevokedAt.IsZero() || (!t.ExpiresAt.IsZero() && !now.Before(t.ExpiresAt)) {
		return Actor{}, bad
	}
	u, err := a.Store.UserByID(ctx, t.UserID)
	if err != nil {
		return Actor{}, err
	}
	if u.Disabled {
		return Actor{}, bad
	}
	// Most requests of a busy client come within the interval of the last
	// recorded use: skip the write transaction for them.
	if now.Sub(t.LastUsedAt) >= tokenTouchInterval {
		if err := a.Store.TouchAPIToken(ctx, t.ID, tokenTouchInterval); err != nil {
			return Actor{}, err
		}
	}
	return a.actorOf(ctx, u)
}

// DemoAccount is a demo login, printed by `asah serve --demo`.
type DemoAccount struct {
	Role     Role
	Login    string
	Name     string
	Password string
}

// DemoPartner is the partner institution of the demo mitra account.
const DemoPartner = "Institut Teknologi Bandung"

// DemoAccounts creates (or, when they exist, resets) one account per role on
// the demo database with fresh random passwords, and returns them so that
// `serve --demo` can print them: admin_bkpsdm and admin_opd (DLHK) by
// e-mail, the Kepala DLHK as atasan and one of the staff below them as
// pegawai by NIP, a pimpinan and an ITB mitra by e-mail. It refuses a
// database that does not hold the demo dataset.
func (a *App) DemoAccounts(ctx context.Context) ([]DemoAccount, error) {
	isDemo, err := a.Store.IsDemo(ctx)
	if err != nil {
		return nil, err
	}
	if !isDemo {
		return nil, &Error{Code: CodeConflict, Message: "akun demo hanya dibuat pada basis data demo (asah demo / asah serve --demo pada basis data kosong)"}
	}
	kadis, err := a.Store.EmployeeInPosition(ctx, demo.AtasanPosition)
	if err != nil {
		return nil, fmt.Errorf("demo: Kepala DLHK: %w", err)
	}
	staff, err := a.Store.FirstStaffBelow(ctx, kadis.ID)
	if err != nil {
		return nil, fmt.Errorf("demo: staf DLHK: %w", err)
	}
	accounts := []NewUser{
		{Email: "admin@bkpsdm.bandung.go.id", Name: "Admin BKPSDM (demo)", Role: string(RoleAdminBKPSDM)},
		{Email: "admin@dlhk.bandung.go.id", Name: "Admin DLHK (demo)", Role: string(RoleAdminOPD), UnitCode: "DLHK"},
		{NIP: kadis.NIP, Role: string(RoleAtasan)},
		{NIP: staff.NIP, Role: string(RolePegawai)},
		{Email: "pimpinan@bandung.go.id", Name: "Pimpinan Kota (demo)", Role: string(RolePimpinan)},
		{Email: "mitra@itb.ac.id", Name: "Mitra ITB (demo)", Role: string(RoleMitra), Partner: DemoPartner},
	}
	var out []DemoAccount
	for _, in := range accounts {
		if in.Password, err = demoPassword(); err != nil {
			return nil, err
		}
		login := firstNonEmpty(in.NIP, in.Email)
		u, err := a.userByLogin(ctx, login)
		switch {
		case errors.Is(err, store.ErrNotFound):
			id, err := a.CreateUser(ctx, System, in)
			if err != nil {
				return nil, fmt.Errorf("demo: akun %s: %w", login, err)
			}
			u, err = a.userOf(ctx, id)
			if err != nil {
				return nil, err
			}
		case err != nil:
			return nil, err
		default:
			if err := a.resetDemoAccount(ctx, u, in); err != nil {
				return nil, fmt.Errorf("demo: akun %s: %w", login, err)
			}
		}
		out = append(out, DemoAccount{Role: Role(in.Role), Login: login, Name: u.Name, Password: in.Password})
	}
	return out, nil
}

// resetDemoAccount brings an existing demo account back to its role, enables
// it, removes its second factor and sets the new password.
func (a *App) resetDemoAccount(ctx context.Context, u store.User, in NewUser) error {
	if err := a.SetUserRole(ctx, System, u.ID, in.Role, in.UnitCode); err != nil {
		return err
	}
	if err := a.EnableUser(ctx, System, u.ID); err != nil {
		return err
	}
	if err := a.DisableTOTP(ctx, System, u.ID, ""); err != nil {
		return err
	}
	return a.SetPassword(ctx, System, u.ID, "", in.Password)
}

// demoPassword returns a random password that is easy to read and type:
// three groups of four characters from an alphabet without look-alikes
// (about 59 bits).
func demoPassword() (string, error) {
	const alphabet = "abcdefghjkmnpqrstuvwxyz23456789"
	var b strings.Builder
	for i := range 12 {
		if i > 0 && i%4 == 0 {
			b.WriteByte('-')
		}
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			return "", err
		}
		b.WriteByte(alphabet[n.Int64()])
	}
	return b.String(), nil
}
