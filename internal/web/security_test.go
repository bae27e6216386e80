package web

import (
	"context"
	"errors"
	"html"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/store"
)

// pagesOf lists the pages a role's tour visits: every page of the site
// with a real object in its URL.
func pagesOf(t *testing.T, st *site, role app.Role) []string {
	t.Helper()
	a := st.actor(t, role)
	pages := []string{"/", "/employees", "/account", "/login", "/tidak-ada"}
	if a.NIP != "" {
		pages = append(pages, "/employees/"+a.NIP, "/employees/"+a.NIP+"/assess")
	}
	if role == app.RoleAdminBKPSDM || role == app.RoleAdminOPD {
		pages = append(pages, "/units/DLHK", "/employees?unit=DLHK&sort=nip&dir=desc&page=2")
		dlhk := expectAll(t, st.s, store.Filter{UnitCode: "DLHK"})
		pages = append(pages, "/employees/"+dlhk[3].e.NIP, "/employees/"+dlhk[3].e.NIP+"/assess")
	}
	return pages
}

var (
	scriptTagRE = regexp.MustCompile(`(?is)<script\b([^>]*)>(.*?)</script>`)
	hrefRE      = regexp.MustCompile(`(?i)\b(?:href|action|src)="([^"]*)"`)
	nipRE       = regexp.MustCompile(`\b\d{8} ?\d{6} ?\d ?\d{3}\b`)
)

// checkHTML asserts what every HTML page must hold: the security headers,
// no inline script or style (the CSP would block them), no cache, and no
// NIP in any query string of a link or form.
func checkHTML(t *testing.T, path string, r response) {
	t.Helper()
	h := r.header
	if got := h.Get("Content-Security-Policy"); got != contentSecurityPolicy {
		t.Errorf("%s: CSP %q", path, got)
	}
	for _, unsafe := range []string{"unsafe-inline", "unsafe-eval", "*"} {
		if strings.Contains(h.Get("Content-Security-Policy"), unsafe) {
			t.Errorf("%s: CSP allows %s", path, unsafe)
		}
	}
	if !strings.Contains(h.Get("Content-Security-Policy"), "frame-ancestors 'none'") {
		t.Errorf("%s: CSP lacks frame-ancestors 'none'", path)
	}
	for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
		if got := h.Get(k); got != want {
			t.Errorf("%s: %s %q, want %q", path, k, got, want)
		}
	}
	if !strings.HasPrefix(h.Get("Content-Type"), "text/html") {
		return
	}
	if cc := h.Values("Cache-Control"); len(cc) == 0 || !strings.Contains(strings.Join(cc, ","), "no-store") {
		t.Errorf("%s: Cache-Control %q on an HTML page", path, cc)
	}
	low := strings.ToLower(r.body)
	for _, bad := range []string{"<style", " style=", " onclick=", " onload=", " onerror=", "javascript:"} {
		if strings.Contains(low, bad) {
			t.Errorf("%s: page contains %q, which the CSP blocks", path, bad)
		}
	}
	for _, m := range scriptTagRE.FindAllStringSubmatch(r.body, -1) {
		attrs, body := m[1], strings.TrimSpace(m[2])
		switch {
		case strings.Contains(attrs, `type="application/json"`):
		case strings.Contains(attrs, `src="/static/`) && body == "":
		default:
			t.Errorf("%s: an inline script: <script%s>", path, attrs)
		}
	}
	for _, m := range hrefRE.FindAllStringSubmatch(r.body, -1) {
		u, err := url.Parse(html.UnescapeString(m[1]))
		if err != nil {
			continue
		}
		if nipRE.MatchString(u.RawQuery) || nipRE.MatchString(u.Fragment) {
			t.Errorf("%s: a NIP in a query string: %s", path, m[1])
		}
	}
}

func TestSecurityHeadersOnEveryPage(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	for _, role := range app.Roles {
		c := st.login(t, role)
		for _, path := range pagesOf(t, st, role) {
			r := c.get(path)
			if r.status >= 500 {
				t.Errorf("%s %s: status %d", role, path, r.status)
			}
			checkHTML(t, string(role)+" "+path, r)
		}
		// After a search too.
		if c2 := c; st.actor(t, role).Can(app.PermEmployeeList) {
			r := c2.post("/employees/search", url.Values{"q": {"a"}})
			if r.status != http.StatusSeeOther {
				t.Errorf("%s search: %d", role, r.status)
			}
			checkHTML(t, string(role)+" search", c2.follow(r))
		}
	}
	anon := st.client(t)
	for _, path := range []string{"/login", "/tidak-ada", "/healthz", "/lang/en?next=/"} {
		checkHTML(t, "anonymous "+path, anon.get(path))
	}
	css := anon.get("/login")
	cssURL := ""
	if i := strings.Index(css.body, `href="/static/asah.css?v=`); i >= 0 {
		cssURL = css.body[i+len(`href="`):]
		cssURL = cssURL[:strings.Index(cssURL, `"`)]
	}
	if cssURL == "" {
		t.Fatal("the layout links no stylesheet")
	}
	r := anon.get(cssURL)
	checkHTML(t, cssURL, r)
	if r.status != 200 || !strings.Contains(r.header.Get("Cache-Control"), "max-age=31536000") ||
		!strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet: %d, Cache-Control %q, Content-Type %q", r.status, r.header.Get("Cache-Control"), r.header.Get("Content-Type"))
	}
	if strings.Contains(r.header.Get("Set-Cookie"), SessionCookieName) {
		t.Error("a static file sets the session cookie")
	}
	if r := anon.get("/healthz"); r.status != 200 || strings.TrimSpace(r.body) != "ok" {
		t.Errorf("healthz: %d %q", r.status, r.body)
	}
	if r := anon.get("/readyz"); r.status != 200 || strings.TrimSpace(r.body) != "ok" {
		t.Errorf("readyz: %d %q", r.status, r.body)
	}
	// ECharts is served compressed to browsers that accept it.
	req := httptest.NewRequest(http.MethodGet, "/static/echarts.min.js", nil)
	req.Header.Set("Accept-Encoding", "gzip, deflate, br")
	rec := httptest.NewRecorder()
	st.h.ServeHTTP(rec, req)
	if rec.Code != 200 || rec.Header().Get("Content-Encoding") != "gzip" || rec.Body.Len() > 500_000 {
		t.Errorf("echarts: %d, encoding %q, %d bytes", rec.Code, rec.Header().Get("Content-Encoding"), rec.Body.Len())
	}
	if r := anon.get("/static/echarts.LICENSE.txt"); r.status != 200 || !strings.Contains(r.body, "Apache License") {
		t.Errorf("the ECharts licence is not served: %d", r.status)
	}
}

// SessionCookieName is the session cookie's name (app.SessionCookie).
const SessionCookieName = app.SessionCookie

func TestCrossOriginPostsAreRejected(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	c := st.login(t, app.RoleAtasan)
	before := c.cookies[SessionCookieName]
	for name, hdr := range map[string][2]string{
		"Origin":         {"Origin", "https://evil.example"},
		"Sec-Fetch-Site": {"Sec-Fetch-Site", "cross-site"},
	} {
		for _, path := range []string{"/logout", "/employees/search", "/account/password"} {
			req := httptest.NewRequest(http.MethodPost, path, strings.NewReader("q=x"))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			req.Header.Set(hdr[0], hdr[1])
			r := c.do(req)
			if r.status != http.StatusForbidden {
				t.Errorf("%s %s: status %d, want 403", name, path, r.status)
			}
			checkHTML(t, "cross-origin "+path, r)
		}
	}
	// Still logged in: the forged logout did nothing.
	if c.cookies[SessionCookieName] != before {
		t.Error("a cross-origin POST changed the session")
	}
	if r := c.get("/"); r.status != 200 {
		t.Fatalf("after the forged logout: %d", r.status)
	}
	// The same POST from the site itself works.
	req := httptest.NewRequest(http.MethodPost, "/logout", nil)
	req.Header.Set("Origin", "http://example.com")
	req.Header.Set("Sec-Fetch-Site", "same-origin")
	if r := c.do(req); r.status != http.StatusSeeOther || r.location() != "/login" {
		t.Errorf("same-origin logout: %d %q", r.status, r.location())
	}
	// The session cookie is SameSite=Lax and HttpOnly.
	c2 := st.client(t)
	acc := st.accounts[app.RolePegawai]
	r := c2.post("/login", url.Values{"login": {acc.Login}, "password": {acc.Password}})
	ck := r.header.Get("Set-Cookie")
	if !strings.Contains(ck, "SameSite=Lax") || !strings.Contains(ck, "HttpOnly") {
		t.Errorf("session cookie %q", ck)
	}
}

func TestServerErrorPageAndLog(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	c := st.login(t, app.RoleAdminBKPSDM)
	ctx := context.Background()
	units, _ := st.s.Units(ctx)
	var nip string
	for _, x := range expectAll(t, st.s, store.Filter{}) {
		nip = x.e.NIP
		break
	}
	code := units[len(units)-1].Code
	st.s.Close() // every query fails from here on
	for _, path := range []string{"/", "/units/" + url.PathEscape(code), "/employees/" + nip} {
		r := c.get(path)
		if r.status != 500 {
			t.Errorf("%s: status %d, want 500", path, r.status)
		}
		if strings.Contains(r.body, "goroutine") || strings.Contains(r.body, "database is closed") {
			t.Errorf("%s: the page shows internals", path)
		}
	}
	log := st.log.String()
	if strings.Contains(log, nip) || strings.Contains(log, code) {
		t.Errorf("log holds request data:\n%s", log)
	}
	if r := c.get("/readyz"); r.status != http.StatusServiceUnavailable {
		t.Errorf("readyz with the database closed: %d", r.status)
	}
}

func TestRecoverRendersThe500Page(t *testing.T) {
	st := newSite(t)
	s := newServer(st.app, Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil))})
	for _, v := range []any{"boom", errors.New("kaboom")} {
		h := securityHeaders(s.recoverPanics(http.HandlerFunc(func(http.ResponseWriter, *http.Request) { panic(v) })))
		r := serve(t, h, "/x")
		if r.status != 500 || heading(r.body) != "Terjadi kesalahan" {
			t.Errorf("panic(%v): %d %q", v, r.status, heading(r.body))
		}
		if strings.Contains(r.body, "boom") || strings.Contains(r.body, "goroutine") {
			t.Errorf("panic(%v): the page shows the panic", v)
		}
		if r.header.Get("Content-Security-Policy") == "" {
			t.Error("the 500 page lacks the security headers")
		}
	}
}
