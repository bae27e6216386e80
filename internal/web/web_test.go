package web

import (
	"bytes"
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/auth"
	"asah/internal/demo"
	"asah/internal/store"
)

// demoToday is the reference date of the test database: the app's clock
// starts at 10:00 WIB that day.
const demoToday = "2026-11-27"

// demoEmployees is the size of the test organisation.
const demoEmployees = 2000

// site is the real handler over a real SQLite database holding the demo,
// with one account per role.
type site struct {
	h     http.Handler
	app   *app.App
	s     *store.Store
	log   *syncBuffer
	clock *testClock
	// accounts by role, with their passwords.
	accounts map[app.Role]app.DemoAccount
}

// testClock is the app's clock; tests move it to expire sessions.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
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

// testHash is a cheap argon2id cost: the tests log in many times.
var testHash = auth.Params{Memory: 64, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}

// The demo database is generated once per test binary and copied for each
// site, so that every test gets its own database without paying for the
// generator again.
var (
	templateOnce sync.Once
	templateDir  string
	templateErr  error
)

func templateDB(t *testing.T) string {
	t.Helper()
	templateOnce.Do(func() {
		ctx := context.Background()
		templateDir, templateErr = os.MkdirTemp("", "asah-web-test-")
		if templateErr != nil {
			return
		}
		path := filepath.Join(templateDir, "asah.db")
		s, err := store.Open(ctx, "sqlite:"+path)
		if err != nil {
			templateErr = err
			return
		}
		defer s.Close()
		if templateErr = s.Migrate(ctx); templateErr != nil {
			return
		}
		a := app.New(s)
		clock := &testClock{t: demoStart()}
		a.Now = clock.Now
		s.SetClock(a.Now)
		templateErr = a.LoadDemo(ctx, demo.Config{Employees: demoEmployees, Seed: 1, Today: demoToday}, nil)
	})
	if templateErr != nil {
		t.Fatal(templateErr)
	}
	return filepath.Join(templateDir, "asah.db")
}

func TestMain(m *testing.M) {
	code := m.Run()
	if templateDir != "" {
		os.RemoveAll(templateDir)
	}
	os.Exit(code)
}

func demoStart() time.Time {
	return time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("WIB", 7*3600))
}

func newSite(t *testing.T) *site {
	t.Helper()
	ctx := context.Background()
	src := templateDB(t)
	dst := filepath.Join(t.TempDir(), "asah.db")
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, b, 0o600); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(ctx, "sqlite:"+dst)
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

// actor returns the app's actor of a role's demo account.
func (st *site) actor(t *testing.T, role app.Role) app.Actor {
	t.Helper()
	id, err := st.app.UserIDByLogin(context.Background(), app.System, st.accounts[role].Login)
	if err != nil {
		t.Fatal(err)
	}
	a, err := st.app.ActorForUser(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// response is what a browser received.
type response struct {
	status int
	header http.Header
	body   string
}

func (r response) location() string { return r.header.Get("Location") }

// client is a browser: it keeps cookies between requests.
type client struct {
	t       *testing.T
	h       http.Handler
	remote  string
	cookies map[string]string
	lang    string
}

func (st *site) client(t *testing.T) *client {
	return &client{t: t, h: st.h, remote: "192.0.2.10:4711", cookies: map[string]string{}}
}

// login logs a client in as a role's demo account.
func (st *site) login(t *testing.T, role app.Role) *client {
	t.Helper()
	c := st.client(t)
	acc := st.accounts[role]
	r := c.post("/login", url.Values{"login": {acc.Login}, "password": {acc.Password}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("login as %s: status %d\n%s", role, r.status, text(r.body))
	}
	return c
}

func (c *client) do(req *http.Request) response {
	c.t.Helper()
	req.RemoteAddr = c.remote
	for k, v := range c.cookies {
		req.AddCookie(&http.Cookie{Name: k, Value: v})
	}
	if c.lang != "" {
		req.AddCookie(&http.Cookie{Name: langCookie, Value: c.lang})
	}
	rec := httptest.NewRecorder()
	c.h.ServeHTTP(rec, req)
	res := rec.Result()
	for _, ck := range res.Cookies() {
		if ck.MaxAge < 0 || ck.Value == "" {
			delete(c.cookies, ck.Name)
		} else {
			c.cookies[ck.Name] = ck.Value
		}
	}
	body, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: string(body)}
}

func (c *client) get(path string) response {
	c.t.Helper()
	return c.do(httptest.NewRequest(http.MethodGet, path, nil))
}

func (c *client) post(path string, form url.Values) response {
	c.t.Helper()
	req := httptest.NewRequest(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return c.do(req)
}

// follow GETs the redirect target of r.
func (c *client) follow(r response) response {
	c.t.Helper()
	if r.status/100 != 3 {
		c.t.Fatalf("not a redirect: %d", r.status)
	}
	return c.get(r.location())
}

// serve sends one anonymous GET to h.
func serve(t *testing.T, h http.Handler, path string, cookies ...string) response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for _, c := range cookies {
		req.Header.Add("Cookie", c)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	res := rec.Result()
	body, _ := io.ReadAll(res.Body)
	return response{status: res.StatusCode, header: res.Header, body: string(body)}
}

var (
	tagRE   = regexp.MustCompile(`<[^>]*>`)
	spaceRE = regexp.MustCompile(`\s+`)
	rowRE   = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	cellRE  = regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	h1RE    = regexp.MustCompile(`(?s)<h1[^>]*>(.*?)</h1>`)
	// scriptRE drops data blocks before a page is read as text.
	scriptRE = regexp.MustCompile(`(?s)<script[^>]*>.*?</script>`)
)

// text is what a reader sees of an HTML fragment: scripts and tags removed,
// entities decoded, white space collapsed.
func text(fragment string) string {
	s := scriptRE.ReplaceAllString(fragment, " ")
	s = tagRE.ReplaceAllString(s, " ")
	s = html.UnescapeString(s)
	return strings.TrimSpace(spaceRE.ReplaceAllString(s, " "))
}

// tableAfter returns the body rows of the first table after the marker, each
// as the visible text of its cells.
func tableAfter(t *testing.T, page, marker string) [][]string {
	t.Helper()
	i := strings.Index(page, marker)
	if i < 0 {
		t.Fatalf("page has no %q", marker)
	}
	rest := page[i:]
	start := strings.Index(rest, "<tbody>")
	end := strings.Index(rest, "</tbody>")
	if start < 0 || end < start {
		t.Fatalf("no table after %q", marker)
	}
	var rows [][]string
	for _, m := range rowRE.FindAllStringSubmatch(rest[start:end], -1) {
		var cells []string
		for _, c := range cellRE.FindAllStringSubmatch(m[1], -1) {
			cells = append(cells, text(c[1]))
		}
		rows = append(rows, cells)
	}
	return rows
}

func heading(page string) string {
	m := h1RE.FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return text(m[1])
}
