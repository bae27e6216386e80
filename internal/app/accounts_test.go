package app_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/auth"
	"asah/internal/demo"
	"asah/internal/store"
)

// fakeClock drives the app's and the store's clocks together.
type fakeClock struct{ t time.Time }

func (c *fakeClock) now() time.Time      { return c.t }
func (c *fakeClock) add(d time.Duration) { c.t = c.t.Add(d) }

// cheapHash keeps the many logins of these tests fast; the default cost is
// tested in internal/auth.
var cheapHash = auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// accountsApp is an app over a small Kota Bandung demo with an injected clock.
func accountsApp(t *testing.T) (*app.App, *fakeClock) {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "asah.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := app.New(s)
	c := &fakeClock{t: time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC)}
	a.Now = c.now
	s.SetClock(c.now)
	a.Accounts.Hash = cheapHash
	if err := a.LoadDemo(ctx, demo.Config{Employees: 2000, Seed: 1, Today: "2026-11-27"}, nil); err != nil {
		t.Fatal(err)
	}
	return a, c
}

// demoPeople returns the NIPs of the Kepala DLHK and of a staff member below.
func demoPeople(t *testing.T, a *app.App) (kadis, staff store.EmployeeRow) {
	t.Helper()
	ctx := context.Background()
	kadis, err := a.Store.EmployeeInPosition(ctx, "DLHK-KADIS")
	if err != nil {
		t.Fatal(err)
	}
	staff, err = a.Store.FirstStaffBelow(ctx, kadis.ID)
	if err != nil {
		t.Fatal(err)
	}
	return kadis, staff
}

func mustCreate(t *testing.T, a *app.App, in app.NewUser) int64 {
	t.Helper()
	id, err := a.CreateUser(context.Background(), app.System, in)
	if err != nil {
		t.Fatalf("CreateUser(%+v): %v", in, err)
	}
	return id
}

func wantCode(t *testing.T, what string, err error, code app.Code) {
	t.Helper()
	if got := app.ErrorCode(err); got != code {
		t.Errorf("%s: error %v (code %q), want code %q", what, err, got, code)
	}
}

const badLogin = "NIP/e-mail atau kata sandi salah"

func TestLoginAndOneMessageForEveryFailure(t *testing.T) {
	a, _ := accountsApp(t)
	ctx := context.Background()
	kadis, _ := demoPeople(t, a)
	adminID := mustCreate(t, a, app.NewUser{Email: "Admin@BKPSDM.bandung.go.id", Role: "admin_bkpsdm", Password: "kopi-susu-hangat"})
	atasanID := mustCreate(t, a, app.NewUser{NIP: kadis.NIP, Role: "atasan", Password: "tahu-sumedang-99"})
	disabledID := mustCreate(t, a, app.NewUser{Email: "lama@bandung.go.id", Role: "pimpinan", Password: "surabi-oncom-7"})
	if err := a.DisableUser(ctx, app.System, disabledID); err != nil {
		t.Fatal(err)
	}

	got, err := a.Login(ctx, "  admin@bkpsdm.BANDUNG.go.id ", "kopi-susu-hangat", "", "10.0.0.1:5000")
	if err != nil || got.UserID != adminID || got.Role != app.RoleAdminBKPSDM || got.Name != "admin@bkpsdm.bandung.go.id" {
		t.Fatalf("admin login = %+v, %v", got, err)
	}
	// A NIP may be typed with spaces; the actor carries the employee.
	spaced := kadis.NIP[:8] + " " + kadis.NIP[8:14] + " " + kadis.NIP[14:15] + " " + kadis.NIP[15:]
	got, err = a.Login(ctx, spaced, "tahu-sumedang-99", "", "10.0.0.1:5001")
	if err != nil || got.UserID != atasanID || got.EmployeeID != kadis.ID || got.NIP != kadis.NIP || !got.HasSubordinates ||
		got.Name != kadis.Name || app.ScopeOf(got) != (app.Scope{EmployeeID: kadis.ID, Team: true}) {
		t.Fatalf("atasan login = %+v, %v", got, err)
	}

	i := 0
	for name, try := range map[string][2]string{
		"unknown account": {"nobody@bandung.go.id", "kopi-susu-hangat"},
		"unknown NIP":     {"199001152015032099", "kopi-susu-hangat"},
		"wrong password":  {"admin@bkpsdm.bandung.go.id", "kopi-susu-dingin"},
		"empty password":  {"admin@bkpsdm.bandung.go.id", ""},
		"disabled":        {"lama@bandung.go.id", "surabi-oncom-7"},
		"empty login":     {"", "x"},
		"huge password":   {"admin@bkpsdm.bandung.go.id", strings.Repeat("x", 5000)},
	} {
		i++
		_, err := a.Login(ctx, try[0], try[1], "", fmt.Sprintf("10.0.1.%d:1", i))
		wantCode(t, name, err, app.CodeUnauthenticated)
		if err == nil || err.Error() != badLogin {
			t.Errorf("%s: message %q, want %q", name, err, badLogin)
		}
	}
}

func TestLoginThrottling(t *testing.T) {
	a, c := accountsApp(t)
	ctx := context.Background()
	mustCreate(t, a, app.NewUser{Email: "a@bandung.go.id", Role: "pimpinan", Password: "batagor-kuah-1"})
	mustCreate(t, a, app.NewUser{Email: "b@bandung.go.id", Role: "pimpinan", Password: "cilok-goang-22"})
	login := func(who, pw, addr string) error {
		_, err := a.Login(ctx, who, pw, "", addr)
		return err
	}

	// Per account: five failures (from any addresses) block the sixth
	// attempt, even with the right password, before it is checked.
	for i := range 5 {
		wantCode(t, "failure", login("a@bandung.go.id", "salah", fmt.Sprintf("192.0.2.%d", i+1)), app.CodeUnauthenticated)
	}
	err := login("a@bandung.go.id", "batagor-kuah-1", "198.51.100.7")
	wantCode(t, "6th attempt", err, app.CodeThrottled)
	if err == nil || err.Error() != "Terlalu banyak percobaan, coba lagi dalam 15 menit" {
		t.Errorf("throttled message: %v", err)
	}
	if err := login("b@bandung.go.id", "cilok-goang-22", "192.0.2.1"); err != nil {
		t.Errorf("another account from the same address: %v", err)
	}
	c.add(15*time.Minute - time.Second)
	err = login("a@bandung.go.id", "batagor-kuah-1", "198.51.100.7")
	if err == nil || err.Error() != "Terlalu banyak percobaan, coba lagi dalam 1 menit" {
		t.Errorf("1 s before release: %v", err)
	}
	c.add(time.Second)
	if err := login("a@bandung.go.id", "batagor-kuah-1", "198.51.100.7"); err != nil {
		t.Fatalf("after 15 minutes: %v", err)
	}

	// A successful login clears the account's failures.
	for range 4 {
		login("a@bandung.go.id", "salah", "203.0.113.9")
	}
	if err := login("a@bandung.go.id", "batagor-kuah-1", "203.0.113.9"); err != nil {
		t.Fatal(err)
	}
	for range 4 {
		login("a@bandung.go.id", "salah", "203.0.113.9")
	}
	wantCode(t, "5th failure after a reset", login("a@bandung.go.id", "salah", "203.0.113.9"), app.CodeUnauthenticated)
	wantCode(t, "6th attempt after a reset", login("a@bandung.go.id", "batagor-kuah-1", "203.0.113.9"), app.CodeThrottled)

	// Per address: twenty failures on any accounts (ports do not matter)
	// block every login from that address, not from others.
	c.add(time.Hour)
	for i := range 20 {
		login(fmt.Sprintf("x%d@bandung.go.id", i), "salah", fmt.Sprintf("203.0.113.50:%d", 1000+i))
	}
	err = login("b@bandung.go.id", "cilok-goang-22", "203.0.113.50:4444")
	wantCode(t, "21st attempt from one address", err, app.CodeThrottled)
	if err := login("b@bandung.go.id", "cilok-goang-22", "203.0.113.51:4444"); err != nil {
		t.Errorf("another address: %v", err)
	}
	c.add(15 * time.Minute)
	if err := login("b@bandung.go.id", "cilok-goang-22", "203.0.113.50:4444"); err != nil {
		t.Errorf("address after 15 minutes: %v", err)
	}

	// IPv6 clients are counted per /64.
	c.add(time.Hour)
	for i := range 20 {
		login(fmt.Sprintf("v6-%d@bandung.go.id", i), "salah", fmt.Sprintf("[2001:db8:1:2::%x]:443", i+1))
	}
	wantCode(t, "same /64", login("b@bandung.go.id", "cilok-goang-22", "[2001:db8:1:2:ffff::1]:80"), app.CodeThrottled)
	if err := login("b@bandung.go.id", "cilok-goang-22", "[2001:db8:1:3::1]:80"); err != nil {
		t.Errorf("another /64: %v", err)
	}
}

func TestCheckSessionTimeouts(t *testing.T) {
	a, c := accountsApp(t)
	t0 := c.t.Unix()
	for _, tc := range []struct {
		name            string
		loginAt, seenAt int64
		now             time.Duration // after t0
		ok              bool
	}{
		{"fresh", t0, t0, 0, true},
		{"idle 1 s short of 30 min", t0, t0, 30*time.Minute - time.Second, true},
		{"idle exactly 30 min", t0, t0, 30 * time.Minute, false},
		{"active, 1 s short of 12 h", t0, t0 + int64((11*time.Hour + 59*time.Minute).Seconds()), 12*time.Hour - time.Second, true},
		{"active, exactly 12 h", t0, t0 + int64((11*time.Hour + 59*time.Minute).Seconds()), 12 * time.Hour, false},
		{"no login time", 0, t0, 0, false},
		{"no seen time", t0, 0, 0, false},
	} {
		c.t = time.Unix(t0, 0).UTC().Add(tc.now)
		err := a.CheckSession(tc.loginAt, tc.seenAt)
		if (err == nil) != tc.ok {
			t.Errorf("%s: CheckSession = %v, want ok=%v", tc.name, err, tc.ok)
		}
		if err != nil {
			wantCode(t, tc.name, err, app.CodeUnauthenticated)
		}
	}
	c.t = time.Unix(t0, 0).Add(30 * time.Minute)
	if err := a.CheckSession(t0, t0); err == nil || !strings.Contains(err.Error(), "30 menit") {
		t.Errorf("idle message: %v", err)
	}
	c.t = time.Unix(t0, 0).Add(12 * time.Hour)
	if err := a.CheckSession(t0, c.t.Unix()-60); err == nil || !strings.Contains(err.Error(), "12 jam") {
		t.Errorf("absolute message: %v", err)
	}
	// Configurable.
	a.Accounts.IdleTimeout, a.Accounts.AbsoluteTimeout = 5*time.Minute, time.Hour
	c.t = time.Unix(t0, 0).Add(5 * time.Minute)
	if err := a.CheckSession(t0, t0); err == nil || !strings.Contains(err.Error(), "5 menit") {
		t.Errorf("5-minute idle timeout: %v", err)
	}
}

func TestSessionManagerAndEndingSessions(t *testing.T) {
	a, c := accountsApp(t)
	ctx := context.Background()
	// scs stamps expiry with the wall clock: align the test clock with it.
	c.t = time.Now().UTC().Truncate(time.Second)

	sm := app.NewSessionManager(a.Store, a.Accounts, true)
	if sm.Cookie.Name != "asah_session" || !sm.Cookie.HttpOnly || sm.Cookie.SameSite != http.SameSiteLaxMode || !sm.Cookie.Secure ||
		sm.Lifetime != 12*time.Hour || sm.IdleTimeout != 0 { // idle is enforced by CheckSession, not by a write per request
		t.Errorf("session manager: cookie %+v lifetime %v idle %v", sm.Cookie, sm.Lifetime, sm.IdleTimeout)
	}
	if app.NewSessionManager(a.Store, a.Accounts, false).Cookie.Secure {
		t.Error("Secure cookie without the TLS flag")
	}

	id := mustCreate(t, a, app.NewUser{Email: "sesi@bandung.go.id", Role: "pimpinan", Password: "seblak-ceker-3"})
	// Two logins (two browsers), each with the session ID renewed.
	start := func() string {
		t.Helper()
		sctx, err := sm.Load(ctx, "")
		if err != nil {
			t.Fatal(err)
		}
		sm.Put(sctx, "lang", "id") // an anonymous session before login
		before, _, err := sm.Commit(sctx)
		if err != nil {
			t.Fatal(err)
		}
		sctx, err = sm.Load(ctx, before)
		if err != nil {
			t.Fatal(err)
		}
		if err := a.StartSession(sctx, sm, id); err != nil {
			t.Fatal(err)
		}
		token, _, err := sm.Commit(sctx)
		if err != nil {
			t.Fatal(err)
		}
		if token == before {
			t.Error("the session ID did not change at login")
		}
		if _, found, _ := a.Store.Sessions().Find(before); found {
			t.Error("the pre-login session survived the login")
		}
		after, err := sm.Load(ctx, token)
		if err != nil {
			t.Fatal(err)
		}
		if sm.GetInt64(after, app.SessionUserID) != id || sm.GetInt64(after, app.SessionLoginAt) != c.t.Unix() ||
			sm.GetString(after, "lang") != "id" {
			t.Errorf("session after login: user %d login_at %d", sm.GetInt64(after, app.SessionUserID), sm.GetInt64(after, app.SessionLoginAt))
		}
		return token
	}
	t1, t2 := start(), start()
	if n, _ := a.Store.CountSessionsOfUser(ctx, id); n != 2 {
		t.Fatalf("%d sessions, want 2", n)
	}

	// Logout ends one session.
	lctx, _ := sm.Load(ctx, t1)
	if err := sm.Destroy(lctx); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := a.Store.Sessions().Find(t1); found {
		t.Error("session found after logout")
	}
	if _, found, _ := a.Store.Sessions().Find(t2); !found {
		t.Error("logout ended the other browser's session too")
	}

	// Disabling the account ends every session at once, and the actor is refused.
	if err := a.DisableUser(ctx, app.System, id); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := a.Store.Sessions().Find(t2); found {
		t.Error("session found after the account was disabled")
	}
	_, err := a.ActorForUser(ctx, id)
	wantCode(t, "actor of a disabled account", err, app.CodeUnauthenticated)
	_, err = a.ActorForUser(ctx, 98765)
	wantCode(t, "actor of an unknown account", err, app.CodeUnauthenticated)

	// Expired sessions are pruned.
	c.add(13 * time.Hour)
	if n, _, err := a.PruneAuth(ctx); err != nil || n < 2 {
		t.Errorf("PruneAuth removed %d sessions, %v", n, err)
	}
}

func TestRoleChangeTakesEffectAtNextRequest(t *testing.T) {
	a, _ := accountsApp(t)
	ctx := context.Background()
	_, staff := demoPeople(t, a)
	id := mustCreate(t, a, app.NewUser{NIP: staff.NIP, Role: "pegawai", Password: "cireng-rujak-5"})
	actor, err := a.ActorForUser(ctx, id)
	if err != nil || actor.Role != app.RolePegawai || actor.HasSubordinates || app.ScopeOf(actor) != (app.Scope{EmployeeID: staff.ID}) {
		t.Fatalf("pegawai actor = %+v, %v", actor, err)
	}
	wantCode(t, "pegawai changes a role", a.SetUserRole(ctx, actor, id, "admin_bkpsdm", ""), app.CodeForbidden)
	if err := a.SetUserRole(ctx, app.System, id, "admin_opd", "DLHK"); err != nil {
		t.Fatal(err)
	}
	actor, err = a.ActorForUser(ctx, id)
	if err != nil || actor.Role != app.RoleAdminOPD || actor.UnitCode != "DLHK" || app.ScopeOf(actor) != (app.Scope{UnitCode: "DLHK"}) {
		t.Errorf("after role change: %+v, %v", actor, err)
	}
	wantCode(t, "admin_opd without unit", a.SetUserRole(ctx, app.System, id, "admin_opd", ""), app.CodeInvalid)
	wantCode(t, "unknown role", a.SetUserRole(ctx, app.System, id, "raja", ""), app.CodeInvalid)
	trail, _ := a.Store.AuditTrail(ctx, "user", "1", 10)
	if len(trail) != 2 || trail[0].Action != "user.role" || trail[0].Actor != "system" {
		t.Errorf("audit: %+v", trail)
	}
}

func TestCreateUserValidation(t *testing.T) {
	a, _ := accountsApp(t)
	ctx := context.Background()
	kadis, staff := demoPeople(t, a)
	pw := "nasi-timbel-88"
	for _, tc := range []struct {
		name  string
		in    app.NewUser
		field string
	}{
		{"neither login", app.NewUser{Role: "pimpinan", Password: pw}, "login"},
		{"both logins", app.NewUser{NIP: staff.NIP, Email: "x@bandung.go.id", Role: "pegawai", Password: pw}, "login"},
		{"unknown NIP", app.NewUser{NIP: "199001152015032099", Role: "pegawai", Password: pw}, "nip"},
		{"bad e-mail", app.NewUser{Email: "bukan-email", Role: "pimpinan", Password: pw}, "email"},
		{"display-name e-mail", app.NewUser{Email: "Budi <budi@bandung.go.id>", Role: "pimpinan", Password: pw}, "email"},
		{"unknown role", app.NewUser{Email: "y@bandung.go.id", Role: "raja", Password: pw}, "role"},
		{"admin_opd without unit", app.NewUser{Email: "y@bandung.go.id", Role: "admin_opd", Password: pw}, "unit"},
		{"admin_opd unknown unit", app.NewUser{Email: "y@bandung.go.id", Role: "admin_opd", UnitCode: "NOPE", Password: pw}, "unit"},
		{"unit for pegawai", app.NewUser{NIP: staff.NIP, Role: "pegawai", UnitCode: "DLHK", Password: pw}, "unit"},
		{"pegawai by e-mail", app.NewUser{Email: "y@bandung.go.id", Role: "pegawai", Password: pw}, "nip"},
		{"mitra without partner", app.NewUser{Email: "y@itb.ac.id", Role: "mitra", Password: pw}, "partner"},
		{"partner for pimpinan", app.NewUser{Email: "y@bandung.go.id", Role: "pimpinan", Partner: "ITB", Password: pw}, "partner"},
		{"short password", app.NewUser{Email: "y@bandung.go.id", Role: "pimpinan", Password: "pendek"}, "password"},
		{"common password", app.NewUser{Email: "y@bandung.go.id", Role: "pimpinan", Password: "bandung123"}, "password"},
		{"password = NIP", app.NewUser{NIP: staff.NIP, Role: "pegawai", Password: staff.NIP}, "password"},
		{"password = e-mail", app.NewUser{Email: "y@bandung.go.id", Role: "pimpinan", Password: "Y@bandung.go.id"}, "password"},
	} {
		_, err := a.CreateUser(ctx, app.System, tc.in)
		var e *app.Error
		if !errors.As(err, &e) || e.Code != app.CodeInvalid || e.Fields[tc.field] == "" {
			t.Errorf("%s: %v, want an invalid %s field", tc.name, err, tc.field)
		}
	}
	if n, _ := a.Store.CountUsers(ctx); n != 0 {
		t.Fatalf("%d accounts stored by invalid input", n)
	}

	id := mustCreate(t, a, app.NewUser{NIP: kadis.NIP, Role: "atasan", Password: pw})
	_, err := a.CreateUser(ctx, app.System, app.NewUser{NIP: kadis.NIP, Role: "pegawai", Password: pw})
	wantCode(t, "second account for a NIP", err, app.CodeConflict)
	if err == nil || !strings.Contains(err.Error(), kadis.NIP) {
		t.Errorf("conflict message %v does not name the NIP", err)
	}
	actor, _ := a.ActorForUser(ctx, id)
	_, err = a.CreateUser(ctx, actor, app.NewUser{Email: "z@bandung.go.id", Role: "admin_bkpsdm", Password: pw})
	wantCode(t, "atasan creates an account", err, app.CodeForbidden)

	trail, _ := a.Store.AuditTrail(ctx, "user", "1", 5)
	if len(trail) != 1 || trail[0].Action != "user.create" || strings.Contains(trail[0].After, "argon2") || !strings.Contains(trail[0].After, kadis.NIP) {
		t.Errorf("create audit: %+v", trail)
	}
}

func TestSetPassword(t *testing.T) {
	a, _ := accountsApp(t)
	ctx := context.Background()
	id := mustCreate(t, a, app.NewUser{Email: "p@bandung.go.id", Role: "pimpinan", Password: "lama-sekali-1"})
	other := mustCreate(t, a, app.NewUser{Email: "q@bandung.go.id", Role: "pimpinan", Password: "lain-lagi-22"})
	me, err := a.Login(ctx, "p@bandung.go.id", "lama-sekali-1", "", "10.1.1.1")
	if err != nil {
		t.Fatal(err)
	}
	if err := a.BindSession(ctx, "browser-token", id); err != nil {
		t.Fatal(err)
	}
	a.Store.Sessions().Commit("browser-token", []byte("x"), a.Now().Add(time.Hour))

	var e *app.Error
	err = a.SetPassword(ctx, me, id, "salah", "baru-sekali-2")
	if !errors.As(err, &e) || e.Fields["current_password"] == "" {
		t.Errorf("wrong current password: %v", err)
	}
	err = a.SetPassword(ctx, me, id, "lama-sekali-1", "password1")
	if !errors.As(err, &e) || e.Fields["password"] == "" {
		t.Errorf("common new password: %v", err)
	}
	if err := a.SetPassword(ctx, me, id, "lama-sekali-1", "baru-sekali-2"); err != nil {
		t.Fatal(err)
	}
	if _, found, _ := a.Store.Sessions().Find("browser-token"); found {
		t.Error("sessions survived a password change")
	}
	if _, err := a.Login(ctx, "p@bandung.go.id", "lama-sekali-1", "", "10.1.1.1"); err == nil {
		t.Error("old password still logs in")
	}
	if _, err := a.Login(ctx, "p@bandung.go.id", "baru-sekali-2", "", "10.1.1.1"); err != nil {
		t.Errorf("new password: %v", err)
	}
	wantCode(t, "pimpinan sets another's password", a.SetPassword(ctx, me, other, "", "punya-orang-3"), app.CodeForbidden)
	if err := a.SetPassword(ctx, app.System, other, "", "reset-admin-44"); err != nil {
		t.Errorf("admin reset: %v", err)
	}
	trail, _ := a.Store.AuditTrail(ctx, "user", "1", 10)
	for _, r := range trail {
		if strings.Contains(r.Before+r.After, "argon2") {
			t.Errorf("audit row %s holds a hash", r.Action)
		}
	}
	if len(trail) != 2 || trail[0].Action != "user.password" || trail[0].Actor != "user:1" {
		t.Errorf("audit: %+v", trail)
	}
}

func TestOldHashIsUpgradedAtLogin(t *testing.T) {
	a, _ := accountsApp(t)
	ctx := context.Background()
	id := mustCreate(t, a, app.NewUser{Email: "r@bandung.go.id", Role: "pimpinan", Password: "rehash-aku-dong"})
	a.Accounts.Hash.Time = 2
	if _, err := a.Login(ctx, "r@bandung.go.id", "rehash-aku-dong", "", "10.2.2.2"); err != nil {
		t.Fatal(err)
	}
	u, _ := a.Store.UserByID(ctx, id)
	if auth.NeedsRehash(u.PasswordHash, a.Accounts.Hash) {
		t.Errorf("hash %s not upgraded", u.PasswordHash)
	}
	if _, err := a.Login(ctx, "r@bandung.go.id", "rehash-aku-dong", "", "10.2.2.2"); err != nil {
		t.Errorf("login after rehash: %v", err)
	}
	if trail, _ := a.Store.AuditTrail(ctx, "user", "1", 5); len(trail) != 2 || trail[0].Action != "user.password_rehash" {
		t.Errorf("audit: %+v", trail)
	}
}

func TestAPITokens(t *testing.T) {
	a, c := accountsApp(t)
	ctx := context.Background()
	id := mustCreate(t, a, app.NewUser{Email: "api@bandung.go.id", Role: "pimpinan", Password: "token-rahasia-9"})
	other := mustCreate(t, a, app.NewUser{Email: "api2@bandung.go.id", Role: "pimpinan", Password: "token-rahasia-8"})
	me, _ := a.ActorForUser(ctx, id)

	plain, err := a.CreateToken(ctx, me, id, "laporan bulanan", time.Hour)
	if err != nil || !strings.HasPrefix(plain, "asah_") {
		t.Fatalf("CreateToken = %q, %v", plain, err)
	}
	actor, err := a.ActorForToken(ctx, plain)
	if err != nil || actor.UserID != id || actor.Role != app.RolePimpinan {
		t.Fatalf("ActorForToken = %+v, %v", actor, err)
	}
	ts, _ := a.Tokens(ctx, me, id)
	if len(ts) != 1 || ts[0].Name != "laporan bulanan" || ts[0].LastUsedAt.IsZero() {
		t.Errorf("tokens: %+v", ts)
	}
	for name, bad := range map[string]string{"empty": "", "garbage": "asah_nope", "unknown": "asah_" + strings.Repeat("A", 43)} {
		_, err := a.ActorForToken(ctx, bad)
		wantCode(t, name+" token", err, app.CodeUnauthenticated)
	}
	// Expiry at the exact instant.
	c.add(time.Hour - time.Second)
	if _, err := a.ActorForToken(ctx, plain); err != nil {
		t.Errorf("1 s before expiry: %v", err)
	}
	c.add(time.Second)
	_, err = a.ActorForToken(ctx, plain)
	wantCode(t, "expired token", err, app.CodeUnauthenticated)

	// Revocation: by the owner; someone else's token is not found.
	forever, _ := a.CreateToken(ctx, me, id, "", 0)
	foreverID, _ := a.TokenID(ctx, forever)
	otherActor, _ := a.ActorForUser(ctx, other)
	wantCode(t, "revoke another's token", a.RevokeToken(ctx, otherActor, foreverID), app.CodeNotFound)
	_, err = a.CreateToken(ctx, otherActor, id, "curian", 0)
	wantCode(t, "create a token for another", err, app.CodeForbidden)
	if _, err := a.ActorForToken(ctx, forever); err != nil {
		t.Errorf("token without expiry: %v", err)
	}
	if err := a.RevokeToken(ctx, me, foreverID); err != nil {
		t.Fatal(err)
	}
	_, err = a.ActorForToken(ctx, forever)
	wantCode(t, "revoked token", err, app.CodeUnauthenticated)

	// A disabled account's tokens stop working.
	tok2, err := a.CreateToken(ctx, app.System, other, "ops", 0)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.DisableUser(ctx, app.System, other); err != nil {
		t.Fatal(err)
	}
	_, err = a.ActorForToken(ctx, tok2)
	wantCode(t, "token of a disabled account", err, app.CodeUnauthenticated)

	all, _ := a.Store.AuditTrail(ctx, "", "", 50)
	for _, r := range all {
		if strings.Contains(r.Before+r.After, plain) || strings.Contains(r.Before+r.After, auth.HashToken(plain)) {
			t.Errorf("audit row %s holds a token", r.Action)
		}
	}
}

func TestTOTPRequiredForAdmins(t *testing.T) {
	a, c := accountsApp(t)
	ctx := context.Background()
	a.Accounts.RequireTOTPForAdmins = true
	_, staff := demoPeople(t, a)
	id := mustCreate(t, a, app.NewUser{Email: "admin@bkpsdm.bandung.go.id", Role: "admin_bkpsdm", Password: "dua-faktor-aman"})
	pegawai := mustCreate(t, a, app.NewUser{NIP: staff.NIP, Role: "pegawai", Password: "satu-faktor-cukup"})

	// Without a second factor yet, the admin logs in but must enrol first.
	me, err := a.Login(ctx, "admin@bkpsdm.bandung.go.id", "dua-faktor-aman", "", "10.3.3.3")
	if err != nil {
		t.Fatal(err)
	}
	if must, err := a.MustEnrollTOTP(ctx, id); err != nil || !must {
		t.Errorf("MustEnrollTOTP(admin) = %v, %v", must, err)
	}
	if must, _ := a.MustEnrollTOTP(ctx, pegawai); must {
		t.Error("a pegawai must enrol")
	}
	secret, url, err := a.BeginTOTP(ctx, me)
	if err != nil || !strings.Contains(url, "bkpsdm.bandung.go.id") || !strings.Contains(url, "secret="+secret) {
		t.Fatalf("BeginTOTP = %q, %q, %v", secret, url, err)
	}
	wantCode(t, "enrol with a wrong code", a.EnableTOTP(ctx, me, secret, "000000"), app.CodeInvalid)
	code, _ := auth.TOTPCode(secret, c.t)
	if err := a.EnableTOTP(ctx, me, secret, code); err != nil {
		t.Fatal(err)
	}
	if must, _ := a.MustEnrollTOTP(ctx, id); must {
		t.Error("still must enrol after enrolling")
	}

	// From now on the code is needed: asked for after the right password.
	_, err = a.Login(ctx, "admin@bkpsdm.bandung.go.id", "dua-faktor-aman", "", "10.3.3.3")
	wantCode(t, "no code", err, app.CodeTOTPRequired)
	_, err = a.Login(ctx, "admin@bkpsdm.bandung.go.id", "salah-salah-salah", "", "10.3.3.3")
	wantCode(t, "wrong password, no code", err, app.CodeUnauthenticated)
	c.add(2 * time.Minute)
	_, err = a.Login(ctx, "admin@bkpsdm.bandung.go.id", "dua-faktor-aman", code, "10.3.3.3") // an old code
	wantCode(t, "stale code", err, app.CodeUnauthenticated)
	code, _ = auth.TOTPCode(secret, c.t)
	if got, err := a.Login(ctx, "admin@bkpsdm.bandung.go.id", "dua-faktor-aman", code, "10.3.3.3"); err != nil || got.UserID != id {
		t.Errorf("login with code: %+v, %v", got, err)
	}
	trail, _ := a.Store.AuditTrail(ctx, "user", "1", 10)
	for _, r := range trail {
		if strings.Contains(r.Before+r.After, secret) {
			t.Errorf("audit row %s holds the TOTP secret", r.Action)
		}
	}

	// Removing it needs the password (owner) or an administrator.
	wantCode(t, "remove without password", a.DisableTOTP(ctx, me, id, "salah"), app.CodeInvalid)
	if err := a.DisableTOTP(ctx, app.System, id, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Login(ctx, "admin@bkpsdm.bandung.go.id", "dua-faktor-aman", "", "10.3.3.3"); err != nil {
		t.Errorf("after removal: %v", err)
	}
}

func TestDemoAccounts(t *testing.T) {
	a, _ := accountsApp(t)
	ctx := context.Background()
	kadis, staff := demoPeople(t, a)
	accounts, err := a.DemoAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		role  app.Role
		login string
	}{
		{app.RoleAdminBKPSDM, "admin@bkpsdm.bandung.go.id"}, {app.RoleAdminOPD, "admin@dlhk.bandung.go.id"},
		{app.RoleAtasan, kadis.NIP}, {app.RolePegawai, staff.NIP},
		{app.RolePimpinan, "pimpinan@bandung.go.id"}, {app.RoleMitra, "mitra@itb.ac.id"},
	}
	if len(accounts) != len(want) {
		t.Fatalf("%d demo accounts, want %d", len(accounts), len(want))
	}
	first := map[string]string{}
	for i, acc := range accounts {
		if acc.Role != want[i].role || acc.Login != want[i].login || len(acc.Password) < 12 || acc.Name == "" {
			t.Errorf("account %d = %+v, want %s %s", i, acc, want[i].role, want[i].login)
		}
		actor, err := a.Login(ctx, acc.Login, acc.Password, "", "10.9.9.9")
		if err != nil || actor.Role != acc.Role {
			t.Errorf("%s cannot log in: %+v, %v", acc.Login, actor, err)
		}
		switch acc.Role {
		case app.RoleAdminOPD:
			if actor.UnitCode != "DLHK" {
				t.Errorf("admin_opd unit %q", actor.UnitCode)
			}
		case app.RoleAtasan:
			if !actor.HasSubordinates || actor.EmployeeID != kadis.ID {
				t.Errorf("atasan actor %+v", actor)
			}
		case app.RoleMitra:
			if actor.Partner != "Institut Teknologi Bandung" {
				t.Errorf("mitra partner %q", actor.Partner)
			}
		}
		first[acc.Login] = acc.Password
	}
	// Again: the same accounts with new passwords; the old ones stop working.
	again, err := a.DemoAccounts(ctx)
	if err != nil || len(again) != 6 {
		t.Fatalf("second DemoAccounts: %d, %v", len(again), err)
	}
	if n, _ := a.Store.CountUsers(ctx); n != 6 {
		t.Errorf("%d accounts after a second run, want 6", n)
	}
	for _, acc := range again {
		if acc.Password == first[acc.Login] {
			t.Errorf("%s: password not renewed", acc.Login)
		}
		if _, err := a.Login(ctx, acc.Login, acc.Password, "", "10.9.9.10"); err != nil {
			t.Errorf("%s with the new password: %v", acc.Login, err)
		}
	}
	if _, err := a.Login(ctx, again[0].Login, first[again[0].Login], "", "10.9.9.11"); err == nil {
		t.Error("the old demo password still logs in")
	}

	// Not on a database without the demo dataset.
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "real.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	_, err = app.New(s).DemoAccounts(ctx)
	wantCode(t, "DemoAccounts on a real database", err, app.CodeConflict)
}
