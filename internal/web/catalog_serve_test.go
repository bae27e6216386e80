package web

import (
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
)

// TestCatalogServe serves the demo for screenshots (CATALOG_SERVE=addr).
func TestCatalogServe(t *testing.T) {
	addr := os.Getenv("CATALOG_SERVE")
	if addr == "" {
		t.Skip("CATALOG_SERVE not set")
	}
	st := newCatSite(t)
	sm := app.NewSessionManager(st.store, st.app.Accounts, false)
	inner := New(st.app, Options{Demo: true, Log: slog.Default(), Sessions: sm})
	mux := http.NewServeMux()
	mux.HandleFunc("/__shot", func(w http.ResponseWriter, r *http.Request) {
		acc := st.accounts[app.Role(r.URL.Query().Get("role"))]
		req := httptest.NewRequest("POST", "/login", strings.NewReader(url.Values{"login": {acc.Login}, "password": {acc.Password}}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		rec := httptest.NewRecorder()
		inner.ServeHTTP(rec, req)
		for _, c := range rec.Result().Cookies() {
			http.SetCookie(w, c)
		}
		if l := r.URL.Query().Get("lang"); l != "" {
			http.SetCookie(w, &http.Cookie{Name: "lang", Value: l, Path: "/"})
		}
		http.Redirect(w, r, r.URL.Query().Get("next"), http.StatusSeeOther)
	})
	mux.Handle("/", inner)
	srv := &http.Server{Addr: addr, Handler: mux}
	go srv.ListenAndServe()
	time.Sleep(15 * time.Minute)
	srv.Close()
}
