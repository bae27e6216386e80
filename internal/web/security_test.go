package web

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"asah/internal/store"
)

func TestSecurityHeaders(t *testing.T) {
	st := newSite(t)
	units, err := st.s.Units(context.Background())
	if err != nil || len(units) == 0 {
		t.Fatal("no units", err)
	}
	unit := "/units/" + url.PathEscape(units[0].Code)
	css := st.get(t, "/")
	cssURL := ""
	if i := strings.Index(css.body, `href="/static/asah.css?v=`); i >= 0 {
		cssURL = css.body[i+len(`href="`):]
		cssURL = cssURL[:strings.Index(cssURL, `"`)]
	}
	if cssURL == "" {
		t.Fatal("the layout links no stylesheet")
	}
	for _, path := range []string{"/", unit, "/tidak-ada", "/healthz", "/lang/en?next=/", cssURL} {
		r := st.get(t, path)
		h := r.header
		if got := h.Get("Content-Security-Policy"); got != contentSecurityPolicy {
			t.Errorf("%s: CSP %q", path, got)
		}
		for _, unsafe := range []string{"unsafe-inline", "unsafe-eval", "*"} {
			if strings.Contains(h.Get("Content-Security-Policy"), unsafe) {
				t.Errorf("%s: CSP allows %s", path, unsafe)
			}
		}
		for k, want := range map[string]string{"X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "X-Frame-Options": "DENY"} {
			if got := h.Get(k); got != want {
				t.Errorf("%s: %s %q, want %q", path, k, got, want)
			}
		}
		if strings.HasPrefix(h.Get("Content-Type"), "text/html") {
			// The CSP would silently drop inline scripts and styles: there must be none.
			low := strings.ToLower(r.body)
			for _, bad := range []string{"<script", "<style", " style=", " onclick=", " onload="} {
				if strings.Contains(low, bad) {
					t.Errorf("%s: page contains %q, which the CSP blocks", path, bad)
				}
			}
		}
	}
	if r := st.get(t, cssURL); r.status != 200 || !strings.Contains(r.header.Get("Cache-Control"), "max-age=31536000") ||
		!strings.HasPrefix(r.header.Get("Content-Type"), "text/css") {
		t.Errorf("stylesheet: %d, Cache-Control %q, Content-Type %q", r.status, r.header.Get("Cache-Control"), r.header.Get("Content-Type"))
	}
	if r := st.get(t, "/healthz"); r.status != 200 || strings.TrimSpace(r.body) != "ok" {
		t.Errorf("healthz: %d %q", r.status, r.body)
	}
}

func TestServerErrorPageAndLog(t *testing.T) {
	st := newSite(t)
	ctx := context.Background()
	units, _ := st.s.Units(ctx)
	var nip string
	for _, x := range expectAll(t, st.s, store.Filter{}) {
		nip = x.e.NIP
		break
	}
	code := units[len(units)-1].Code
	st.s.Close() // every query fails from here on
	for _, path := range []string{"/", "/units/" + url.PathEscape(code)} {
		r := st.get(t, path)
		if r.status != 500 {
			t.Errorf("%s: status %d, want 500", path, r.status)
		}
		if heading(r.body) != "Terjadi kesalahan" {
			t.Errorf("%s: not the 500 page: %q", path, heading(r.body))
		}
		if strings.Contains(r.body, "goroutine") || strings.Contains(r.body, "database is closed") {
			t.Errorf("%s: the page shows internals", path)
		}
	}
	st.get(t, "/employees/"+nip)
	log := st.log.String()
	if !strings.Contains(log, `route="GET /units/{code}"`) || !strings.Contains(log, `route="GET /{$}"`) {
		t.Errorf("log lacks the route patterns:\n%s", log)
	}
	if strings.Contains(log, nip) || strings.Contains(log, code) {
		t.Errorf("log holds request data:\n%s", log)
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
