package web

import (
	"context"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
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

// catSite is the real web handler (sessions, login, route policy, CSRF
// protection) over a real SQLite database holding the 2000-employee demo,
// served over HTTP, with one demo account per role.
type catSite struct {
	srv      *httptest.Server
	app      *app.App
	store    *store.Store
	accounts map[app.Role]app.DemoAccount
	logs     *catLog
}

// catNow is the fixed clock of the catalog tests: 10:00 WIB on the demo's
// reference date.
var catNow = time.Date(2026, 11, 27, 10, 0, 0, 0, time.FixedZone("WIB", 7*3600))

func newCatSite(t *testing.T) *catSite {
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
	a.Now = func() time.Time { return catNow }
	s.SetClock(a.Now)
	// A cheap hash keeps the logins fast; the real cost is tested in auth.
	a.Accounts.Hash = auth.Params{Memory: 1024, Time: 1, Threads: 1, SaltLen: 16, KeyLen: 32}
	if err := a.LoadDemo(ctx, demo.Config{Employees: 2000, Seed: 1, Today: "2026-11-27"}, nil); err != nil {
		t.Fatal(err)
	}
	accs, err := a.DemoAccounts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st := &catSite{app: a, store: s, accounts: map[app.Role]app.DemoAccount{}, logs: &catLog{}}
	for _, acc := range accs {
		st.accounts[acc.Role] = acc
	}
	sm := app.NewSessionManager(s, a.Accounts, false)
	h := New(a, Options{Demo: true, Log: slog.New(slog.NewTextHandler(st.logs, nil)), Sessions: sm})
	st.srv = httptest.NewServer(h)
	t.Cleanup(st.srv.Close)
	return st
}

// catLog collects the server's log lines; handlers write concurrently.
type catLog struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *catLog) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *catLog) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// catBrowser is one user's browser: a cookie jar, redirects not followed.
type catBrowser struct {
	site *catSite
	c    *http.Client
	lang string
}

// catPage is what the browser received.
type catPage struct {
	status int
	header http.Header
	body   string
}

// browser returns a browser logged in with role's demo account ("" for an
// anonymous visitor) that asks for pages in lang.
func (st *catSite) browser(t *testing.T, role app.Role, lang string) *catBrowser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	b := &catBrowser{site: st, lang: lang, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}}
	u, _ := url.Parse(st.srv.URL)
	jar.SetCookies(u, []*http.Cookie{{Name: langCookie, Value: lang, Path: "/"}})
	if role == "" {
		return b
	}
	acc, ok := st.accounts[role]
	if !ok {
		t.Fatalf("no demo account for %s", role)
	}
	p := b.post(t, "/login", url.Values{"login": {acc.Login}, "password": {acc.Password}})
	if p.status != http.StatusSeeOther {
		t.Fatalf("login as %s: status %d: %s", role, p.status, catText(p.body))
	}
	return b
}

func (b *catBrowser) get(t *testing.T, path string) catPage {
	t.Helper()
	return b.do(t, http.MethodGet, path, nil)
}

func (b *catBrowser) post(t *testing.T, path string, form url.Values) catPage {
	t.Helper()
	return b.do(t, http.MethodPost, path, form)
}

func (b *catBrowser) do(t *testing.T, method, path string, form url.Values) catPage {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequest(method, b.site.srv.URL+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		// What a browser sends with a same-origin form.
		req.Header.Set("Origin", b.site.srv.URL)
		req.Header.Set("Sec-Fetch-Site", "same-origin")
	}
	res, err := b.c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return catPage{status: res.StatusCode, header: res.Header, body: string(raw)}
}

// follow requests the page a redirect points to.
func (b *catBrowser) follow(t *testing.T, p catPage) catPage {
	t.Helper()
	loc := p.header.Get("Location")
	if p.status != http.StatusSeeOther || loc == "" {
		t.Fatalf("want a 303 redirect, got %d (Location %q): %s", p.status, loc, catText(p.body))
	}
	return b.get(t, loc)
}

var (
	catTagRE   = regexp.MustCompile(`<[^>]*>`)
	catSpaceRE = regexp.MustCompile(`\s+`)
	catRowRE   = regexp.MustCompile(`(?s)<tr[^>]*>(.*?)</tr>`)
	catCellRE  = regexp.MustCompile(`(?s)<t[dh][^>]*>(.*?)</t[dh]>`)
	catMainRE  = regexp.MustCompile(`(?s)<main[^>]*>(.*)</main>`)
)

// catText is what a reader sees of an HTML fragment.
func catText(fragment string) string {
	s := catTagRE.ReplaceAllString(fragment, " ")
	s = html.UnescapeString(s)
	return strings.TrimSpace(catSpaceRE.ReplaceAllString(s, " "))
}

// catMain is the visible text of a page's main content.
func catMain(page string) string {
	if m := catMainRE.FindStringSubmatch(page); m != nil {
		return catText(m[1])
	}
	return catText(page)
}

// catRows returns the body rows (of every tbody) of the first table after
// marker, each as the visible text of its cells.
func catRows(t *testing.T, page, marker string) [][]string {
	t.Helper()
	i := strings.Index(page, marker)
	if i < 0 {
		t.Fatalf("page has no %q", marker)
	}
	rest := page[i:]
	start, end := strings.Index(rest, "<tbody>"), strings.Index(rest, "</table>")
	if start < 0 || end < start {
		t.Fatalf("no table after %q", marker)
	}
	var rows [][]string
	for _, m := range catRowRE.FindAllStringSubmatch(rest[start:end], -1) {
		var cells []string
		for _, c := range catCellRE.FindAllStringSubmatch(m[1], -1) {
			cells = append(cells, catText(c[1]))
		}
		rows = append(rows, cells)
	}
	return rows
}

// catFieldError returns the error shown next to the field with element id
// ("" when none): the .field-error paragraph whose id is id+"-error".
func catFieldError(page, id string) string {
	re := regexp.MustCompile(`(?s)<p class="field-error" id="` + regexp.QuoteMeta(id) + `-error">(.*?)</p>`)
	if m := re.FindStringSubmatch(page); m != nil {
		return catText(m[1])
	}
	return ""
}

func catWant(t *testing.T, what string, p catPage, status int) {
	t.Helper()
	if p.status != status {
		t.Fatalf("%s: status %d, want %d: %.600s", what, p.status, status, catMain(p.body))
	}
}
