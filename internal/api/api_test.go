package api

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/auth"
	"asah/internal/demo"
	"asah/internal/store"
)

// demoToday is the reference date of the test database; the clock stands at
// 10:00 WIB that day unless a test moves it.
const demoToday = "2026-11-27"

var wib = time.FixedZone("WIB", 7*3600)

// fixture is the real API handler over a real SQLite database holding a
// 2,000-employee demo, with one account and token per role.
type fixture struct {
	t     *testing.T
	app   *app.App
	h     http.Handler
	srv   *server
	log   *syncBuffer
	db    *sql.DB // a separate connection, for independent expectations
	clock atomic.Pointer[time.Time]
	spec  *specChecker

	// tokens by caller name: admin_bkpsdm, admin_opd, atasan, pegawai,
	// pimpinan, mitra, revoked, expired (and "none": no header).
	tokens map[string]string
	// people of the fixture
	kadis  store.EmployeeRow // Kepala DLHK, the atasan account
	staff  store.EmployeeRow // a DLHK employee below the kadis who supervises nobody, the pegawai account
	other  store.EmployeeRow // an employee outside DLHK
	others store.UnitSummary // a top unit other than DLHK
}

// syncBuffer is a log destination handlers may write to concurrently.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

const testPassword = "Kompetensi-Bandung-2026"

func newFixture(t *testing.T) *fixture {
	t.Helper()
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "asah.db")
	s, err := store.Open(ctx, "sqlite:"+path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	f := &fixture{t: t, tokens: map[string]string{}}
	a := app.New(s)
	now := time.Date(2026, 11, 27, 10, 0, 0, 0, wib)
	f.clock.Store(&now)
	a.Now = func() time.Time { return *f.clock.Load() }
	s.SetClock(a.Now)
	// Cheap password hashes: the tests are about the API, not argon2id.
	a.Accounts.Hash = auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	if err := a.LoadDemo(ctx, demo.Config{Employees: 2000, Seed: 1, Today: demoToday}, nil); err != nil {
		t.Fatal(err)
	}
	f.app = a
	f.log = &syncBuffer{}
	f.srv = newServer(a, Options{Log: slog.New(slog.NewTextHandler(f.log, nil))})
	f.h = f.srv.routes()
	f.spec = newSpecChecker(t, f.srv.spec)
	if f.db, err = sql.Open("sqlite", "file:"+path+"?mode=ro"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.db.Close() })

	if f.kadis, err = s.EmployeeInPosition(ctx, "DLHK-KADIS"); err != nil {
		t.Fatal(err)
	}
	if f.staff, err = s.FirstStaffBelow(ctx, f.kadis.ID); err != nil {
		t.Fatal(err)
	}
	if f.staff.SupervisorID == f.kadis.ID {
		t.Log("the staff member reports to the kadis directly")
	}
	units, err := s.Units(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Depth == 0 && u.Code != "DLHK" && u.Code != "SETDA" {
			f.others = u
			break
		}
	}
	rows, _, err := s.ListEmployees(ctx, store.Filter{UnitCode: f.others.Code}, "nip", false, 1, 0)
	if err != nil || len(rows) == 0 {
		t.Fatalf("no employee in %s: %v", f.others.Code, err)
	}
	f.other = rows[0]

	users := map[string]app.NewUser{
		"admin_bkpsdm": {Email: "admin@bkpsdm.example.go.id", Role: "admin_bkpsdm"},
		"admin_opd":    {Email: "admin@dlhk.example.go.id", Role: "admin_opd", UnitCode: "DLHK"},
		"atasan":       {NIP: f.kadis.NIP, Role: "atasan"},
		"pegawai":      {NIP: f.staff.NIP, Role: "pegawai"},
		"pimpinan":     {Email: "walikota@example.go.id", Role: "pimpinan"},
		"mitra":        {Email: "mitra@itb.example.ac.id", Role: "mitra", Partner: "Institut Teknologi Bandung"},
	}
	for name, u := range users {
		u.Password = testPassword
		id, err := a.CreateUser(ctx, app.System, u)
		if err != nil {
			t.Fatalf("create %s: %v", name, err)
		}
		tok, err := a.CreateToken(ctx, app.System, id, "test", 0)
		if err != nil {
			t.Fatalf("token for %s: %v", name, err)
		}
		f.tokens[name] = tok
		if name == "admin_bkpsdm" {
			revoked, err := a.CreateToken(ctx, app.System, id, "revoked", 0)
			if err != nil {
				t.Fatal(err)
			}
			tid, err := a.TokenID(ctx, revoked)
			if err != nil {
				t.Fatal(err)
			}
			if err := a.RevokeToken(ctx, app.System, tid); err != nil {
				t.Fatal(err)
			}
			f.tokens["revoked"] = revoked
			expired, err := a.CreateToken(ctx, app.System, id, "expired", time.Hour)
			if err != nil {
				t.Fatal(err)
			}
			f.tokens["expired"] = expired
		}
	}
	// The expired token was made valid for an hour; two hours on, it is not.
	later := now.Add(2 * time.Hour)
	f.clock.Store(&later)
	return f
}

// response is what a client received.
type response struct {
	status int
	header http.Header
	body   []byte
}

func (r response) json(t *testing.T, v any) {
	t.Helper()
	if err := json.Unmarshal(r.body, v); err != nil {
		t.Fatalf("body is not the expected JSON: %v\n%s", err, r.body)
	}
}

// errorOf decodes an error body.
func (r response) errorOf(t *testing.T) errorObject {
	t.Helper()
	var e errorBody
	r.json(t, &e)
	return e.Error
}

// do sends a request as a caller ("none" sends no Authorization header)
// and checks the response against the OpenAPI document and the headers
// every API response carries.
func (f *fixture) do(caller, method, target string, body any) response {
	f.t.Helper()
	var rd io.Reader
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	default:
		var err error
		if raw, err = json.Marshal(b); err != nil {
			f.t.Fatal(err)
		}
	}
	if raw != nil {
		rd = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, target, rd)
	if raw != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if caller != "none" {
		tok, ok := f.tokens[caller]
		if !ok {
			f.t.Fatalf("no token for %q", caller)
		}
		req.Header.Set("Authorization", "Bearer "+tok)
	}
	return f.send(req, raw)
}

func newRequest(method, target string, body io.Reader) *http.Request {
	return httptest.NewRequest(method, target, body)
}

// send serves a prepared request and checks the response.
func (f *fixture) send(req *http.Request, raw []byte) response {
	f.t.Helper()
	rec := httptest.NewRecorder()
	f.h.ServeHTTP(rec, req)
	res := response{status: rec.Code, header: rec.Header(), body: rec.Body.Bytes()}
	if ct := res.header.Get("Content-Type"); ct != "application/json; charset=utf-8" {
		f.t.Errorf("%s %s: Content-Type %q", req.Method, req.URL, ct)
	}
	if res.header.Get("X-Content-Type-Options") != "nosniff" {
		f.t.Errorf("%s %s: no X-Content-Type-Options: nosniff", req.Method, req.URL)
	}
	if !strings.HasSuffix(req.URL.Path, "/openapi.json") && res.header.Get("Cache-Control") != "no-store" {
		f.t.Errorf("%s %s: Cache-Control %q, want no-store", req.Method, req.URL, res.header.Get("Cache-Control"))
	}
	if !json.Valid(res.body) {
		f.t.Errorf("%s %s: body is not JSON: %q", req.Method, req.URL, res.body)
	}
	f.spec.check(f.t, req, raw, res)
	return res
}

var nipRE = regexp.MustCompile(`\b[0-9]{18}\b`)

// nipsIn lists every 18-digit number in a body.
func nipsIn(body []byte) []string { return nipRE.FindAllString(string(body), -1) }

// world is the organisation read straight from the database, to compute
// what each caller should see without going through the app.
type world struct {
	nips     map[int64]string
	unitOf   map[int64]int64 // employee → unit
	sup      map[int64]int64 // employee → supervisor
	parent   map[int64]int64 // unit → parent
	unitCode map[int64]string
	unitID   map[string]int64
}

func (f *fixture) world() *world {
	f.t.Helper()
	w := &world{nips: map[int64]string{}, unitOf: map[int64]int64{}, sup: map[int64]int64{}, parent: map[int64]int64{},
		unitCode: map[int64]string{}, unitID: map[string]int64{}}
	rows, err := f.db.Query(`SELECT id, nip, unit_id, COALESCE(supervisor_id, 0) FROM employees`)
	if err != nil {
		f.t.Fatal(err)
	}
	for rows.Next() {
		var id, unit, sup int64
		var nip string
		if err := rows.Scan(&id, &nip, &unit, &sup); err != nil {
			f.t.Fatal(err)
		}
		w.nips[id], w.unitOf[id], w.sup[id] = nip, unit, sup
	}
	rows.Close()
	rows, err = f.db.Query(`SELECT id, code, COALESCE(parent_id, 0) FROM org_units`)
	if err != nil {
		f.t.Fatal(err)
	}
	for rows.Next() {
		var id, parent int64
		var code string
		if err := rows.Scan(&id, &code, &parent); err != nil {
			f.t.Fatal(err)
		}
		w.parent[id], w.unitCode[id], w.unitID[code] = parent, code, id
	}
	rows.Close()
	return w
}

// underUnit reports whether unit lies in the subtree of root.
func (w *world) underUnit(unit, root int64) bool {
	for u := unit; u != 0; u = w.parent[u] {
		if u == root {
			return true
		}
	}
	return false
}

// underEmployee reports whether e is boss or anyone below boss.
func (w *world) underEmployee(e, boss int64) bool {
	seen := map[int64]bool{}
	for x := e; x != 0 && !seen[x]; x = w.sup[x] {
		if x == boss {
			return true
		}
		seen[x] = true
	}
	return false
}

// scope is the set of NIPs a caller may see, computed from the rules of
// the issue: everyone (admin_bkpsdm, pimpinan), the DLHK subtree
// (admin_opd), the kadis and everyone below (atasan), the staff member
// alone (pegawai), nobody (mitra).
func (f *fixture) scope(w *world, caller string) map[string]bool {
	out := map[string]bool{}
	for id, nip := range w.nips {
		var in bool
		switch caller {
		case "admin_bkpsdm", "pimpinan":
			in = true
		case "admin_opd":
			in = w.underUnit(w.unitOf[id], w.unitID["DLHK"])
		case "atasan":
			in = w.underEmployee(id, f.kadis.ID)
		case "pegawai":
			in = id == f.staff.ID
		}
		if in {
			out[nip] = true
		}
	}
	return out
}

// units is the set of unit codes a caller may browse.
func (f *fixture) units(w *world, caller string) map[string]bool {
	out := map[string]bool{}
	for id, code := range w.unitCode {
		var in bool
		switch caller {
		case "admin_bkpsdm", "pimpinan":
			in = true
		case "admin_opd":
			in = w.underUnit(id, w.unitID["DLHK"])
		case "atasan":
			in = id == f.kadis.UnitID
		case "pegawai":
			in = id == f.staff.UnitID
		}
		if in {
			out[code] = true
		}
	}
	return out
}
