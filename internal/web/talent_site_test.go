package web

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/demo"
	"asah/internal/store"
)

// talentEngines runs a scenario of the performance, development and talent
// pages on a site over SQLite and, when ASAH_TEST_POSTGRES holds a
// connection URL, over PostgreSQL (each with the same demo). Under CI=true a
// missing PostgreSQL fails the test.
func talentEngines(t *testing.T, fn func(t *testing.T, st *site)) {
	t.Run("sqlite", func(t *testing.T) { fn(t, newSite(t)) })
	t.Run("postgres", func(t *testing.T) {
		st := newPostgresSite(t)
		fn(t, st)
	})
}

// newPostgresSite builds the site over a fresh PostgreSQL database holding
// the test demo.
func newPostgresSite(t *testing.T) *site {
	t.Helper()
	base := os.Getenv("ASAH_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("ASAH_TEST_POSTGRES is not set under CI=true: the PostgreSQL suite must run")
		}
		t.Skip("PostgreSQL tests skipped: set ASAH_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres to run them")
	}
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("asah_web_%d_%d", time.Now().UnixNano(), os.Getpid())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("pgx", base); err == nil {
			a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	s, err := store.Open(ctx, u.String())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := app.New(s)
	clock := &testClock{t: demoStart()}
	a.Now = clock.Now
	s.SetClock(a.Now)
	a.Accounts.Hash = testHash
	if err := a.LoadDemo(ctx, demo.Config{Employees: demoEmployees, Seed: 1, Today: demoToday}, nil); err != nil {
		t.Fatal(err)
	}
	accs, err := a.DemoAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st := &site{app: a, s: s, clock: clock, log: &syncBuffer{}, accounts: map[app.Role]app.DemoAccount{}}
	for _, acc := range accs {
		st.accounts[acc.Role] = acc
	}
	st.h = New(a, Options{Demo: true, Log: slog.New(slog.NewTextHandler(st.log, nil)),
		Sessions: app.NewSessionManager(s, a.Accounts, false)})
	return st
}

// loginEmployee logs a client in as an employee, creating their account
// (with the role given) the first time.
func (st *site) loginEmployee(t *testing.T, nip string, role app.Role) *client {
	t.Helper()
	for r, acc := range st.accounts {
		if acc.Login == nip {
			return st.login(t, r)
		}
	}
	ctx := context.Background()
	pw := "Uji-Kinerja-" + nip[len(nip)-6:] + "-Asah"
	if _, err := st.app.UserIDByLogin(ctx, app.System, nip); err != nil {
		if _, err := st.app.CreateUser(ctx, app.System, app.NewUser{NIP: nip, Role: string(role), Password: pw}); err != nil {
			t.Fatalf("account for %s: %v", nip, err)
		}
	}
	c := st.client(t)
	if r := c.post("/login", url.Values{"login": {nip}, "password": {pw}}); r.status != 303 {
		t.Fatalf("login as %s: %d\n%s", nip, r.status, text(r.body))
	}
	return c
}

// employee reads one employee of the demo.
func (st *site) employee(t *testing.T, nip string) store.EmployeeRow {
	t.Helper()
	e, err := st.s.EmployeeByNIP(context.Background(), nip)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// alertText is what the first form alert of a page says ("" without one).
func alertText(body string) string {
	return text(between(body, `<div class="form-alert" role="alert">`, "</div>"))
}

// flashText is the one-time message of a page.
func flashText(body string) string {
	return text(between(body, `<p class="flash" role="status">`, "</p>"))
}

// wantStatus fails unless a response has the status.
func wantStatus(t *testing.T, what string, r response, status int) {
	t.Helper()
	if r.status != status {
		t.Fatalf("%s: status %d, want %d\n%s", what, r.status, status, text(r.body))
	}
}

// done posts a form that must succeed: 303 back to the page, which then
// shows a message.
func done(t *testing.T, c *client, what, path string, form url.Values) response {
	t.Helper()
	r := c.post(path, form)
	wantStatus(t, what, r, 303)
	page := c.get(withoutFragment(r.location())) // as a browser does
	wantStatus(t, what+" (page after)", page, 200)
	if flashText(page.body) == "" {
		t.Errorf("%s: no message after the redirect", what)
	}
	return page
}

// withoutFragment drops the #part of a URL, which browsers never send.
func withoutFragment(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

var (
	boxCountRE = regexp.MustCompile(`data-box="(\d)" data-count="(\d+)"`)
	showingRE  = regexp.MustCompile(`(?:dari|of) ([\d.,]+) (?:pegawai|employees)`)
)

// boxCounts reads the count of every box of the grid picture.
func boxCounts(t *testing.T, body string) map[int]int {
	t.Helper()
	out := map[int]int{}
	for _, m := range boxCountRE.FindAllStringSubmatch(body, -1) {
		b, _ := strconv.Atoi(m[1])
		n, _ := strconv.Atoi(m[2])
		out[b] = n
	}
	if len(out) != 9 {
		t.Fatalf("the grid shows %d boxes", len(out))
	}
	return out
}

// showing reads "Menampilkan 1–50 dari 1.234 pegawai" (0 without it).
func showing(body string) int {
	m := showingRE.FindStringSubmatch(text(body))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.NewReplacer(".", "", ",", "").Replace(m[1]))
	return n
}
