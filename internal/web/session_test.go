package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/auth"
)

func TestSessions(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	ctx := context.Background()
	uid := func(role app.Role) int64 {
		id, err := st.app.UserIDByLogin(ctx, app.System, st.accounts[role].Login)
		if err != nil {
			t.Fatal(err)
		}
		return id
	}
	loggedIn := func(c *client) bool {
		t.Helper()
		r := c.get("/")
		switch {
		case r.status == 200:
			return true
		case r.status == http.StatusSeeOther && r.location() == "/login":
			return false
		}
		t.Fatalf("GET /: %d %q", r.status, r.location())
		return false
	}

	t.Run("login renews the session and returns to the page asked for", func(t *testing.T) {
		c := st.client(t)
		target := "/employees/" + st.actor(t, app.RoleAtasan).NIP
		r := c.get(target)
		if r.status != http.StatusSeeOther || r.location() != "/login" {
			t.Fatalf("anonymous %s: %d to %q", target, r.status, r.location())
		}
		before := c.cookies[SessionCookieName]
		if before == "" {
			t.Fatal("no session cookie before login")
		}
		acc := st.accounts[app.RoleAtasan]
		r = c.post("/login", url.Values{"login": {acc.Login}, "password": {acc.Password}})
		if r.status != http.StatusSeeOther || r.location() != target {
			t.Fatalf("login: %d to %q, want %q", r.status, r.location(), target)
		}
		after := c.cookies[SessionCookieName]
		if after == "" || after == before {
			t.Fatalf("the session ID did not change at login (%q → %q)", before, after)
		}
		// The pre-login session is gone: its cookie opens nothing.
		old := st.client(t)
		old.cookies[SessionCookieName] = before
		if loggedIn(old) {
			t.Error("the pre-login session ID still works")
		}
		if !loggedIn(c) {
			t.Error("not logged in after login")
		}
	})

	t.Run("a failed login says the same for a wrong password and an unknown account", func(t *testing.T) {
		c := st.client(t)
		c.remote = "192.0.2.77:1"
		acc := st.accounts[app.RolePegawai]
		a := c.post("/login", url.Values{"login": {acc.Login}, "password": {"salah-sekali-ya"}})
		b := c.post("/login", url.Values{"login": {"199901012020011999"}, "password": {"salah-sekali-ya"}})
		if a.status != http.StatusUnauthorized || b.status != http.StatusUnauthorized {
			t.Fatalf("statuses %d %d", a.status, b.status)
		}
		ea, eb := text(a.body), text(b.body)
		if !strings.Contains(ea, "NIP/e-mail atau kata sandi salah.") || strings.Replace(ea, acc.Login, "X", 1) != strings.Replace(eb, "199901012020011999", "X", 1) {
			t.Errorf("the messages differ:\n%s\n%s", ea, eb)
		}
		if strings.Contains(a.body, "salah-sekali-ya") {
			t.Error("the page echoes the password")
		}
		if _, ok := c.cookies[SessionCookieName]; ok && loggedIn(c) {
			t.Error("logged in with a wrong password")
		}
	})

	t.Run("logout ends the session", func(t *testing.T) {
		c := st.login(t, app.RolePegawai)
		old := c.cookies[SessionCookieName]
		r := c.post("/logout", nil)
		if r.status != http.StatusSeeOther || r.location() != "/login" {
			t.Fatalf("logout: %d %q", r.status, r.location())
		}
		if !strings.Contains(text(c.follow(r).body), "Anda sudah keluar.") {
			t.Error("the login page does not say the user logged out")
		}
		replay := st.client(t)
		replay.cookies[SessionCookieName] = old
		if loggedIn(replay) {
			t.Error("the old session cookie still works after logout")
		}
	})

	t.Run("disabling the user ends the session at once", func(t *testing.T) {
		c := st.login(t, app.RoleMitra)
		if !loggedIn(c) {
			t.Fatal("not logged in")
		}
		if err := st.app.DisableUser(ctx, app.System, uid(app.RoleMitra)); err != nil {
			t.Fatal(err)
		}
		if loggedIn(c) {
			t.Error("a disabled user's session still works")
		}
		if err := st.app.EnableUser(ctx, app.System, uid(app.RoleMitra)); err != nil {
			t.Fatal(err)
		}
		if loggedIn(c) {
			t.Error("enabling the user again revived the old session")
		}
	})

	t.Run("a change of role or unit takes effect at the next request", func(t *testing.T) {
		m := newMatrix(t, st)
		c := st.login(t, app.RoleAdminOPD)
		if r := c.get("/employees/" + m.X.NIP); r.status != http.StatusNotFound {
			t.Fatalf("DISDIK employee for the DLHK admin: %d", r.status)
		}
		if err := st.app.SetUserRole(ctx, app.System, uid(app.RoleAdminOPD), "admin_opd", "DISDIK"); err != nil {
			t.Fatal(err)
		}
		if r := c.get("/employees/" + m.X.NIP); r.status != 200 {
			t.Errorf("after the move to DISDIK: %d", r.status)
		}
		if r := c.get("/employees/" + m.D.NIP); r.status != http.StatusNotFound {
			t.Errorf("DLHK employee after the move: %d", r.status)
		}
		if err := st.app.SetUserRole(ctx, app.System, uid(app.RoleAdminOPD), "pimpinan", ""); err != nil {
			t.Fatal(err)
		}
		if r := c.get("/employees/" + m.X.NIP + "/assess"); r.status != http.StatusForbidden {
			t.Errorf("assessment form for a pimpinan: %d", r.status)
		}
		if r := c.get("/"); !strings.Contains(text(r.body), "Pimpinan · Seluruh Kota") {
			t.Error("the top bar does not show the new role and scope")
		}
	})

	t.Run("idle and absolute timeouts follow the app's clock", func(t *testing.T) {
		c := st.login(t, app.RolePegawai)
		st.clock.Advance(29 * time.Minute)
		if !loggedIn(c) {
			t.Fatal("ended before the idle timeout")
		}
		st.clock.Advance(30 * time.Minute) // 30 min after the last request
		if loggedIn(c) {
			t.Error("the session outlived the idle timeout")
		}
		r := c.get("/login")
		if !strings.Contains(text(r.body), "Sesi Anda berakhir") {
			t.Error("the login page does not say why the session ended")
		}

		c = st.login(t, app.RolePegawai)
		for range 12*60/20 - 1 { // active every 20 minutes for almost 12 hours
			st.clock.Advance(20 * time.Minute)
			if !loggedIn(c) {
				t.Fatal("an active session ended before the absolute timeout")
			}
		}
		st.clock.Advance(20 * time.Minute)
		if loggedIn(c) {
			t.Error("the session outlived the absolute timeout")
		}
	})

	t.Run("changing the password keeps this browser and ends the others", func(t *testing.T) {
		acc := st.accounts[app.RoleAtasan]
		a := st.login(t, app.RoleAtasan)
		b := st.login(t, app.RoleAtasan)
		r := a.post("/account/password", url.Values{"current_password": {acc.Password},
			"password": {"Sangat-Rahasia-Kota-Kembang-2026"}, "password_confirm": {"Sangat-Rahasia-Kota-Kembang-2026"}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("change: %d\n%s", r.status, text(r.body))
		}
		if !loggedIn(a) {
			t.Error("the browser that changed the password was logged out")
		}
		if loggedIn(b) {
			t.Error("another session survived the password change")
		}
		// Mismatched confirmation: the field says so.
		r = a.post("/account/password", url.Values{"current_password": {"x"}, "password": {"abc"}, "password_confirm": {"abd"}})
		if r.status != http.StatusUnprocessableEntity || !strings.Contains(text(r.body), "Kedua kata sandi baru tidak sama.") {
			t.Errorf("mismatch: %d", r.status)
		}
	})

	t.Run("TOTP enrolment and login with a code", func(t *testing.T) {
		c := st.login(t, app.RoleAdminBKPSDM)
		r := c.post("/account/totp", url.Values{"step": {"begin"}})
		if r.status != 200 || !strings.Contains(r.body, "otpauth://totp/") {
			t.Fatalf("begin: %d", r.status)
		}
		secret := between(r.body, `id="totp-secret">`, "<")
		if secret == "" {
			t.Fatal("no secret on the page")
		}
		r = c.post("/account/totp", url.Values{"step": {"confirm"}, "code": {"000000"}})
		if r.status != http.StatusUnprocessableEntity {
			t.Errorf("wrong code: %d", r.status)
		}
		code := totpCode(t, secret, st.clock.Now())
		r = c.post("/account/totp", url.Values{"step": {"confirm"}, "code": {code}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("confirm: %d\n%s", r.status, text(r.body))
		}
		acc := st.accounts[app.RoleAdminBKPSDM]
		d := st.client(t)
		r = d.post("/login", url.Values{"login": {acc.Login}, "password": {acc.Password}})
		if r.status != 200 || !strings.Contains(r.body, `name="totp"`) {
			t.Fatalf("login without a code: %d; the code field is missing", r.status)
		}
		r = d.post("/login", url.Values{"login": {acc.Login}, "password": {acc.Password}, "totp": {code}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("login with a code: %d\n%s", r.status, text(r.body))
		}
	})
}

func TestAdminsMustEnrolTOTPWhenRequired(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	st.app.Accounts.RequireTOTPForAdmins = true
	acc := st.accounts[app.RoleAdminOPD]
	c := st.client(t)
	r := c.post("/login", url.Values{"login": {acc.Login}, "password": {acc.Password}})
	if r.status != http.StatusSeeOther || r.location() != "/account" {
		t.Fatalf("login: %d to %q, want the account page", r.status, r.location())
	}
	if r := c.get("/employees"); r.status != http.StatusSeeOther || r.location() != "/account" {
		t.Errorf("before enrolling: %d to %q", r.status, r.location())
	}
	r = c.post("/account/totp", url.Values{"step": {"begin"}})
	secret := between(r.body, `id="totp-secret">`, "<")
	r = c.post("/account/totp", url.Values{"step": {"confirm"}, "code": {totpCode(t, secret, st.clock.Now())}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("enrol: %d", r.status)
	}
	if r := c.get("/employees"); r.status != 200 {
		t.Errorf("after enrolling: %d", r.status)
	}
	// Employees are not asked.
	if r := st.login(t, app.RolePegawai).get("/"); r.status != 200 {
		t.Errorf("pegawai: %d", r.status)
	}
}

func between(s, a, b string) string {
	i := strings.Index(s, a)
	if i < 0 {
		return ""
	}
	s = s[i+len(a):]
	j := strings.Index(s, b)
	if j < 0 {
		return ""
	}
	return s[:j]
}

func totpCode(t *testing.T, secret string, at time.Time) string {
	t.Helper()
	code, err := auth.TOTPCode(secret, at)
	if err != nil {
		t.Fatal(err)
	}
	return code
}
