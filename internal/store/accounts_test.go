package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/alexedwards/scs/v2"

	"asah/internal/store"
)

// The session store is what scs needs, with contexts.
var _ scs.CtxStore = (*store.SessionStore)(nil)

// clock is a settable clock for a store.
type clock struct{ t time.Time }

func (c *clock) now() time.Time      { return c.t }
func (c *clock) add(d time.Duration) { c.t = c.t.Add(d) }
func newClock(s *store.Store) *clock {
	c := &clock{t: time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC)}
	s.SetClock(c.now)
	return c
}
func mustNoErr(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestUserCRUDAndAudit(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		newClock(s)
		const hash = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA"
		kadis, err := s.EmployeeByNIP(ctx, "197503122000121002")
		mustNoErr(t, err)
		dlhk, err := s.UnitByCode(ctx, "DLHK")
		mustNoErr(t, err)

		nipID, err := s.CreateUser(ctx, "system", store.User{NIP: kadis.NIP, Name: kadis.Name, PasswordHash: hash, Role: "atasan", EmployeeID: kadis.ID})
		mustNoErr(t, err)
		mailID, err := s.CreateUser(ctx, "system", store.User{Email: " Admin.DLHK@Bandung.go.id ", Name: "Admin DLHK", PasswordHash: hash,
			Role: "admin_opd", UnitID: dlhk.ID})
		mustNoErr(t, err)

		u, err := s.UserByNIP(ctx, kadis.NIP)
		if err != nil || u.ID != nipID || u.Role != "atasan" || u.EmployeeID != kadis.ID || u.Email != "" || u.PasswordHash != hash || u.Disabled ||
			!u.CreatedAt.Equal(time.Date(2026, 11, 27, 1, 0, 0, 0, time.UTC)) {
			t.Fatalf("UserByNIP = %+v, %v", u, err)
		}
		m, err := s.UserByEmail(ctx, "ADMIN.dlhk@bandung.go.id")
		if err != nil || m.ID != mailID || m.Email != "admin.dlhk@bandung.go.id" || m.UnitCode != "DLHK" || m.NIP != "" {
			t.Fatalf("UserByEmail = %+v, %v", m, err)
		}
		if _, err := s.UserByID(ctx, 999); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown ID: %v", err)
		}
		if _, err := s.UserByEmail(ctx, "nobody@x.id"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown e-mail: %v", err)
		}

		// A second account for the same NIP or e-mail is a conflict, naming it.
		_, err = s.CreateUser(ctx, "system", store.User{NIP: kadis.NIP, Name: "x", PasswordHash: hash, Role: "pegawai"})
		if !errors.Is(err, store.ErrConflict) || !strings.Contains(err.Error(), kadis.NIP) {
			t.Errorf("duplicate NIP: %v", err)
		}
		_, err = s.CreateUser(ctx, "system", store.User{Email: "admin.dlhk@BANDUNG.go.id", Name: "x", PasswordHash: hash, Role: "pimpinan"})
		if !errors.Is(err, store.ErrConflict) || !strings.Contains(err.Error(), "admin.dlhk@bandung.go.id") {
			t.Errorf("duplicate e-mail: %v", err)
		}
		if n, _ := s.CountUsers(ctx); n != 2 {
			t.Errorf("CountUsers = %d after refused duplicates, want 2", n)
		}

		const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
		const newHash = "$argon2id$v=19$m=1024,t=1,p=1$bmV3c2FsdG5ld3NhbHQ$bmV3aGFzaG5ld2hhc2huZXdoYXNo"
		mustNoErr(t, s.SetUserRole(ctx, "user:1", mailID, "admin_opd", 2))
		mustNoErr(t, s.SetUserTOTP(ctx, "user:1", mailID, secret))
		mustNoErr(t, s.SetUserPassword(ctx, "user:1", mailID, newHash, false))
		mustNoErr(t, s.SetUserDisabled(ctx, "user:1", mailID, true))
		m, _ = s.UserByID(ctx, mailID)
		if m.UnitCode != "UPT-SAMPAH" || m.TOTPSecret != secret || m.PasswordHash != newHash || !m.Disabled {
			t.Errorf("after changes: %+v", m)
		}
		mustNoErr(t, s.SetUserDisabled(ctx, "user:1", mailID, false))
		if m, _ = s.UserByID(ctx, mailID); m.Disabled {
			t.Error("enable did not enable")
		}
		if err := s.SetUserRole(ctx, "x", 999, "pegawai", 0); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("role of unknown user: %v", err)
		}

		trail, err := s.AuditTrail(ctx, "user", "2", 20)
		mustNoErr(t, err)
		var actions []string
		for _, e := range trail {
			actions = append(actions, e.Action)
			for _, secretish := range []string{hash, newHash, secret, "argon2id", "password_hash"} {
				if strings.Contains(e.Before+e.After, secretish) {
					t.Errorf("audit row %s holds a secret: before=%s after=%s", e.Action, e.Before, e.After)
				}
			}
		}
		if got := strings.Join(actions, " "); got != "user.enable user.disable user.password user.totp user.role user.create" {
			t.Errorf("audit actions (newest first) = %s", got)
		}
		if !strings.Contains(trail[3].After, `"totp":true`) || !strings.Contains(trail[4].After, `"unit":"UPT-SAMPAH"`) ||
			!strings.Contains(trail[4].Before, `"unit":"DLHK"`) || trail[4].Actor != "user:1" {
			t.Errorf("audit before/after: %+v / %+v", trail[3], trail[4])
		}

		if yes, err := s.HasSubordinates(ctx, kadis.ID); err != nil || !yes {
			t.Errorf("HasSubordinates(kadis) = %v, %v", yes, err)
		}
		staff, _ := s.EmployeeByNIP(ctx, "199001152015032001")
		if yes, err := s.HasSubordinates(ctx, staff.ID); err != nil || yes {
			t.Errorf("HasSubordinates(staff) = %v, %v", yes, err)
		}
		if e, err := s.EmployeeInPosition(ctx, "DLHK-KADIS"); err != nil || e.ID != kadis.ID {
			t.Errorf("EmployeeInPosition = %v, %v", e.NIP, err)
		}
		if e, err := s.FirstStaffBelow(ctx, kadis.ID); err != nil || e.ID != staff.ID {
			t.Errorf("FirstStaffBelow = %v, %v", e.NIP, err)
		}
		if _, err := s.FirstStaffBelow(ctx, staff.ID); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("FirstStaffBelow(staff) = %v", err)
		}
	})
}

func TestAPITokens(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock(s)
		uid, err := s.CreateUser(ctx, "system", store.User{Email: "a@b.id", Name: "A", PasswordHash: "h", Role: "pimpinan"})
		mustNoErr(t, err)
		const hash = "4f1c0ffee0ddba11"
		id, err := s.CreateAPIToken(ctx, "system", uid, "laporan", hash, c.t.Add(24*time.Hour))
		mustNoErr(t, err)
		id2, err := s.CreateAPIToken(ctx, "system", uid, "", "otherhash", time.Time{})
		mustNoErr(t, err)
		tok, err := s.APITokenByHash(ctx, hash)
		if err != nil || tok.ID != id || tok.UserID != uid || tok.Name != "laporan" || !tok.ExpiresAt.Equal(c.t.Add(24*time.Hour)) ||
			!tok.RevokedAt.IsZero() || !tok.LastUsedAt.IsZero() {
			t.Fatalf("APITokenByHash = %+v, %v", tok, err)
		}
		if _, err := s.APITokenByHash(ctx, "nope"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown hash: %v", err)
		}
		if ts, _ := s.APITokensOfUser(ctx, uid); len(ts) != 2 || ts[0].ID != id2 || !ts[0].ExpiresAt.IsZero() {
			t.Errorf("APITokensOfUser = %+v", ts)
		}

		// Touch writes at most once per interval.
		mustNoErr(t, s.TouchAPIToken(ctx, id, time.Minute))
		first := c.t
		c.add(30 * time.Second)
		mustNoErr(t, s.TouchAPIToken(ctx, id, time.Minute))
		if tok, _ = s.APITokenByID(ctx, id); !tok.LastUsedAt.Equal(first) {
			t.Errorf("last used %v, want %v (touched again within the interval)", tok.LastUsedAt, first)
		}
		c.add(30 * time.Second)
		mustNoErr(t, s.TouchAPIToken(ctx, id, time.Minute))
		if tok, _ = s.APITokenByID(ctx, id); !tok.LastUsedAt.Equal(c.t) {
			t.Errorf("last used %v, want %v", tok.LastUsedAt, c.t)
		}

		mustNoErr(t, s.RevokeAPIToken(ctx, "user:9", id))
		c.add(time.Minute)
		mustNoErr(t, s.RevokeAPIToken(ctx, "user:9", id)) // no-op
		if tok, _ = s.APITokenByID(ctx, id); !tok.RevokedAt.Equal(c.t.Add(-time.Minute)) {
			t.Errorf("revoked at %v", tok.RevokedAt)
		}
		if err := s.RevokeAPIToken(ctx, "x", 999); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("revoke unknown: %v", err)
		}
		trail, _ := s.AuditTrail(ctx, "api_token", "1", 10)
		if len(trail) != 2 || trail[0].Action != "token.revoke" || trail[1].Action != "token.create" ||
			strings.Contains(trail[0].Before+trail[0].After+trail[1].After, hash) || !strings.Contains(trail[0].After, "revoked_at") {
			t.Errorf("token audit: %+v", trail)
		}
	})
}

func TestLoginFailuresWindow(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock(s)
		t0 := c.t
		for range 3 {
			mustNoErr(t, s.RecordLoginFailure(ctx, "login:a", "addr:1.2.3.4"))
			c.add(5 * time.Minute)
		}
		mustNoErr(t, s.RecordLoginFailure(ctx, "login:b"))
		// Failures at t0, +5, +10 (a and the address), +15 (b).
		for _, tc := range []struct {
			key   string
			since time.Time
			want  int
		}{
			{"login:a", t0.Add(-time.Second), 3},
			{"login:a", t0, 2}, // a failure exactly at since no longer counts
			{"login:a", t0.Add(time.Nanosecond * 1000), 2},
			{"login:a", t0.Add(10 * time.Minute), 0},
			{"addr:1.2.3.4", t0.Add(-time.Hour), 3},
			{"login:b", t0, 1},
			{"login:c", t0, 0},
		} {
			if n, err := s.CountLoginFailures(ctx, tc.key, tc.since); err != nil || n != tc.want {
				t.Errorf("Count(%s, t0%+v) = %d, %v; want %d", tc.key, tc.since.Sub(t0), n, err, tc.want)
			}
		}
		ts, err := s.LoginFailures(ctx, "login:a", t0.Add(-time.Second), 2)
		if err != nil || len(ts) != 2 || !ts[0].Equal(t0.Add(10*time.Minute)) || !ts[1].Equal(t0.Add(5*time.Minute)) {
			t.Errorf("LoginFailures newest 2 = %v, %v", ts, err)
		}
		mustNoErr(t, s.ClearLoginFailures(ctx, "login:a"))
		if n, _ := s.CountLoginFailures(ctx, "login:a", t0.Add(-time.Hour)); n != 0 {
			t.Errorf("after clear: %d", n)
		}
		if n, _ := s.CountLoginFailures(ctx, "addr:1.2.3.4", t0.Add(-time.Hour)); n != 3 {
			t.Errorf("clearing the account cleared the address: %d left", n)
		}
		n, err := s.PruneLoginFailures(ctx, t0.Add(5*time.Minute))
		if err != nil || n != 2 {
			t.Errorf("prune = %d, %v; want 2", n, err)
		}
	})
}

func TestSessionStore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		c := newClock(s)
		ss := s.Sessions()
		u1, err := s.CreateUser(ctx, "system", store.User{Email: "a@b.id", Name: "A", PasswordHash: "h", Role: "pimpinan"})
		mustNoErr(t, err)
		u2, err := s.CreateUser(ctx, "system", store.User{Email: "c@d.id", Name: "C", PasswordHash: "h", Role: "pimpinan"})
		mustNoErr(t, err)
		find := func(token string) string {
			t.Helper()
			b, ok, err := ss.FindCtx(ctx, token)
			if err != nil {
				t.Fatal(err)
			}
			if !ok {
				return "-"
			}
			return string(b)
		}

		if got := find("nothing"); got != "-" {
			t.Errorf("unknown token found: %q", got)
		}
		mustNoErr(t, ss.Commit("t1", []byte("one"), c.t.Add(30*time.Minute)))
		if got := find("t1"); got != "one" {
			t.Errorf("Find after Commit = %q", got)
		}
		mustNoErr(t, ss.CommitCtx(ctx, "t1", []byte("uno"), c.t.Add(30*time.Minute)))
		if got := find("t1"); got != "uno" {
			t.Errorf("Commit did not overwrite: %q", got)
		}
		// Expiry by the store's clock, at the exact instant.
		c.add(30*time.Minute - time.Nanosecond*1000)
		if got := find("t1"); got != "uno" {
			t.Errorf("1µs before expiry: %q", got)
		}
		c.add(time.Nanosecond * 1000)
		if got := find("t1"); got != "-" {
			t.Errorf("at expiry: %q, want not found", got)
		}

		// Login: the token is bound to the user before scs commits it.
		mustNoErr(t, s.SetSessionUser(ctx, "t2", u1))
		if got := find("t2"); got != "-" {
			t.Errorf("pending session found: %q", got)
		}
		mustNoErr(t, ss.Commit("t2", []byte("two"), c.t.Add(time.Hour)))
		mustNoErr(t, ss.Commit("t3", []byte("three"), c.t.Add(time.Hour)))
		mustNoErr(t, s.SetSessionUser(ctx, "t3", u1)) // bound after commit
		mustNoErr(t, ss.Commit("t4", []byte("four"), c.t.Add(time.Hour)))
		mustNoErr(t, s.SetSessionUser(ctx, "t4", u2))
		if n, _ := s.CountSessionsOfUser(ctx, u1); n != 2 {
			t.Errorf("user 1 has %d sessions, want 2", n)
		}

		// Logout ends one session; a late commit of a request that loaded it
		// before the logout cannot bring it back.
		mustNoErr(t, ss.Delete("t2"))
		mustNoErr(t, ss.Commit("t2", []byte("two again"), c.t.Add(time.Hour)))
		if got := find("t2"); got != "-" {
			t.Errorf("ended session revived: %q", got)
		}
		mustNoErr(t, ss.DeleteCtx(ctx, "never-existed"))

		// Ending every session of user 1 leaves user 2's.
		n, err := s.DeleteSessionsOfUser(ctx, u1)
		if err != nil || n != 1 {
			t.Errorf("DeleteSessionsOfUser = %d, %v; want 1", n, err)
		}
		mustNoErr(t, ss.Commit("t3", []byte("three again"), c.t.Add(time.Hour)))
		if find("t3") != "-" || find("t4") != "four" {
			t.Errorf("after DeleteSessionsOfUser: t3=%q t4=%q", find("t3"), find("t4"))
		}

		// Disabling an account ends its sessions in the same transaction.
		mustNoErr(t, s.SetUserDisabled(ctx, "system", u2, true))
		if got := find("t4"); got != "-" {
			t.Errorf("disabled user's session still found: %q", got)
		}

		// Clean-up removes expired rows, ended ones after their guard time.
		c.add(2 * time.Hour)
		removed, err := s.DeleteExpiredSessions(ctx)
		if err != nil || removed != 4 {
			t.Errorf("DeleteExpiredSessions = %d, %v; want 4 (t1–t4)", removed, err)
		}
	})
}
