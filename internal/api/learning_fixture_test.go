package api

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/auth"
	"asah/internal/demo"
	"asah/internal/learning"
	"asah/internal/store"
)

// learnEngines runs fn on the learning fixture over SQLite and, with
// ASAH_TEST_POSTGRES, over PostgreSQL (a database per test); under CI=true
// a missing PostgreSQL fails instead of skipping.
func learnEngines(t *testing.T, fn func(t *testing.T, f *fixture)) {
	t.Run("sqlite", func(t *testing.T) {
		fn(t, newFixtureOn(t, "sqlite:"+filepath.Join(t.TempDir(), "asah.db")))
	})
	t.Run("postgres", func(t *testing.T) {
		fn(t, newFixtureOn(t, postgresDB(t)))
	})
}

// postgresDB creates a fresh PostgreSQL database for one test and drops it
// afterwards.
func postgresDB(t *testing.T) string {
	t.Helper()
	base := os.Getenv("ASAH_TEST_POSTGRES")
	if base == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("ASAH_TEST_POSTGRES is not set under CI=true: the PostgreSQL tests must run")
		}
		t.Skip("PostgreSQL skipped: set ASAH_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres to run it")
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("asah_api_learn_%d_%d", time.Now().UnixNano(), os.Getpid())
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		if a, err := sql.Open("pgx", base); err == nil {
			a.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
			a.Close()
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}

// newFixtureOn is newFixture on any engine: the real API handler over a
// 2,000-employee demo with one account and token per role, the clock at
// 2026-11-27 12:00 WIB.
func newFixtureOn(t *testing.T, db string) *fixture {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, tokens: map[string]string{}}
	a := app.New(s)
	now := time.Date(2026, 11, 27, 12, 0, 0, 0, wib)
	f.clock.Store(&now)
	a.Now = func() time.Time { return *f.clock.Load() }
	s.SetClock(a.Now)
	a.Accounts.Hash = auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	if err := a.LoadDemo(ctx, demo.Config{Employees: 2000, Seed: 1, Today: demoToday}, nil); err != nil {
		t.Fatal(err)
	}
	f.app = a
	f.log = &syncBuffer{}
	f.srv = newServer(a, Options{Log: slog.New(slog.NewTextHandler(f.log, nil))})
	f.h = f.srv.routes()
	f.spec = newSpecChecker(t, f.srv.spec)
	if path, ok := strings.CutPrefix(db, "sqlite:"); ok {
		f.db, err = sql.Open("sqlite", "file:"+path+"?mode=ro")
	} else {
		f.db, err = sql.Open("pgx", db)
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.db.Close() })
	if f.kadis, err = s.EmployeeInPosition(ctx, "DLHK-KADIS"); err != nil {
		t.Fatal(err)
	}
	if f.staff, err = s.FirstStaffBelow(ctx, f.kadis.ID); err != nil {
		t.Fatal(err)
	}
	for name, u := range map[string]app.NewUser{
		"admin_bkpsdm": {Email: "admin@bkpsdm.example.go.id", Role: "admin_bkpsdm"},
		"admin_opd":    {Email: "admin@dlhk.example.go.id", Role: "admin_opd", UnitCode: "DLHK"},
		"atasan":       {NIP: f.kadis.NIP, Role: "atasan"},
		"pegawai":      {NIP: f.staff.NIP, Role: "pegawai"},
		"pimpinan":     {Email: "walikota@example.go.id", Role: "pimpinan"},
		"mitra":        {Email: "mitra@itb.example.ac.id", Role: "mitra", Partner: "Institut Teknologi Bandung"},
	} {
		f.account(name, u)
	}
	return f
}

// account creates a user and a token for it, kept under name.
func (f *fixture) account(name string, u app.NewUser) {
	f.t.Helper()
	ctx := context.Background()
	u.Password = testPassword
	id, err := f.app.CreateUser(ctx, app.System, u)
	if err != nil {
		f.t.Fatalf("create %s: %v", name, err)
	}
	tok, err := f.app.CreateToken(ctx, app.System, id, "test", 0)
	if err != nil {
		f.t.Fatalf("token for %s: %v", name, err)
	}
	f.tokens[name] = tok
}

// as returns the caller name of an employee's account, creating a
// pegawai account (one with subordinates acts as atasan) on first use.
func (f *fixture) as(w *world, id int64) string {
	f.t.Helper()
	switch id {
	case f.kadis.ID:
		return "atasan"
	case f.staff.ID:
		return "pegawai"
	}
	name := fmt.Sprintf("employee:%d", id)
	if _, ok := f.tokens[name]; !ok {
		f.account(name, app.NewUser{NIP: w.nips[id], Role: "pegawai"})
	}
	return name
}

// partner finds the partner a code or name names, adding it when the
// database has none (the demo may already hold the city's providers).
func (f *fixture) partner(code, name, kind string) learning.Partner {
	f.t.Helper()
	ctx := context.Background()
	ps, err := f.app.Partners(ctx, app.System)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, p := range ps {
		if strings.EqualFold(p.Code, code) || p.Matches(name) {
			return p
		}
	}
	p, err := f.app.CreatePartner(ctx, app.System, app.PartnerInput{Code: code, Name: name, Kind: kind})
	if err != nil {
		f.t.Fatalf("partner %s: %v", code, err)
	}
	return p
}

// itb is the mitra account's own institution; other is another partner.
func (f *fixture) itb() learning.Partner {
	return f.partner("ITB", "Institut Teknologi Bandung", "universitas")
}

func (f *fixture) otherPartner() learning.Partner {
	return f.partner("UNPAD", "Universitas Padjadjaran", "universitas")
}

// newProgram adds a program through the API as the admin (target M.4 up
// to level 3, 24 JP, open to everyone).
func (f *fixture) newProgram(code, provider string, extra map[string]any) programJSON {
	f.t.Helper()
	body := map[string]any{"code": code, "title": "Program " + code, "jp": 24, "provider": provider, "form": "pelatihan_manajerial",
		"delivery": "tatap_muka", "targets": []map[string]any{{"competency": "M.4", "level": 3}}}
	for k, v := range extra {
		body[k] = v
	}
	r := f.do("admin_bkpsdm", "POST", "/api/v1/programs", body)
	if r.status != 201 {
		f.t.Fatalf("POST programs %s: %d %s", code, r.status, r.body)
	}
	var p programJSON
	r.json(f.t, &p)
	return p
}

// newEvent adds an event of a program through the API as the admin: one
// session a day from start, 08:00–12:00 WIB, moved on to status.
func (f *fixture) newEvent(program, code, start string, days, capacity int, status string) eventDetailJSON {
	f.t.Helper()
	s, err := time.Parse("2006-01-02", start)
	if err != nil {
		f.t.Fatal(err)
	}
	var sessions []map[string]any
	for d := 0; d < days; d++ {
		day := s.AddDate(0, 0, d).Format("2006-01-02")
		sessions = append(sessions, map[string]any{"starts_at": day + "T08:00", "ends_at": day + "T12:00", "topic": fmt.Sprintf("Hari %d", d+1)})
	}
	r := f.do("admin_bkpsdm", "POST", "/api/v1/events", map[string]any{"program": program, "code": code, "title": "Angkatan " + code,
		"starts_on": start, "ends_on": s.AddDate(0, 0, days-1).Format("2006-01-02"), "place": "Aula BKPSDM", "capacity": capacity,
		"sessions": sessions})
	if r.status != 201 {
		f.t.Fatalf("POST events %s: %d %s", code, r.status, r.body)
	}
	var ev eventDetailJSON
	r.json(f.t, &ev)
	steps := map[string][]string{"draft": nil, "open": {"open"}, "closed": {"open", "closed"}, "running": {"open", "running"},
		"finished": {"open", "running", "finished"}}[status]
	for _, st := range steps {
		r := f.do("admin_bkpsdm", "PUT", "/api/v1/events/"+code+"/status", map[string]any{"status": st})
		if r.status != 200 {
			f.t.Fatalf("event %s → %s: %d %s", code, st, r.status, r.body)
		}
		r.json(f.t, &ev)
	}
	return ev
}

// enrollment decodes an enrollment answer, failing unless the status is want.
func (f *fixture) enrollment(r response, want int, what string) enrollmentJSON {
	f.t.Helper()
	if r.status != want {
		f.t.Fatalf("%s: %d, want %d: %s", what, r.status, want, r.body)
	}
	var e enrollmentJSON
	r.json(f.t, &e)
	return e
}

// expect checks a status and, for an error, that fields names field.
func (f *fixture) expectStatus(r response, want int, field, what string) {
	f.t.Helper()
	if r.status != want {
		f.t.Errorf("%s: %d, want %d: %s", what, r.status, want, truncate(r.body))
		return
	}
	if field != "" {
		if e := r.errorOf(f.t); e.Fields[field] == "" {
			f.t.Errorf("%s: error %q does not name %s: %v", what, e.Message, field, e.Fields)
		}
	}
}

// team finds a supervisor in DLHK with at least n direct reports who
// supervise nobody, and returns them with those reports.
func (f *fixture) team(w *world, n int) (int64, []int64) {
	f.t.Helper()
	supervises := map[int64]bool{}
	for _, s := range w.sup {
		supervises[s] = true
	}
	reports := map[int64][]int64{}
	for id, s := range w.sup {
		if s != 0 && !supervises[id] && w.underUnit(w.unitOf[id], w.unitID["DLHK"]) {
			reports[s] = append(reports[s], id)
		}
	}
	var best int64
	for s, rs := range reports {
		if len(rs) >= n && (best == 0 || s < best) {
			best = s
		}
	}
	if best == 0 {
		f.t.Fatalf("no DLHK supervisor with %d staff", n)
	}
	rs := reports[best]
	slices.Sort(rs)
	return best, rs[:n]
}
