package web

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/store"
)

// BenchmarkLearningUnitJPPage serves the JP progress page of the largest
// unit (by employees, its subtree included) through the whole handler
// stack (session, authorization, use case, template) as an admin BKPSDM,
// on the demo database named by ASAH_BENCH_DB. Use a copy: the benchmark
// adds an account and a session to it.
//
//	asah demo --db sqlite:/tmp/jp.db && cp /tmp/jp.db /tmp/jp-run.db
//	ASAH_BENCH_DB=sqlite:/tmp/jp-run.db go test -run '^$' -bench LearningUnitJPPage -benchtime 20x ./internal/web/
func BenchmarkLearningUnitJPPage(b *testing.B) {
	db := os.Getenv("ASAH_BENCH_DB")
	if db == "" {
		b.Skip("set ASAH_BENCH_DB to a copy of a demo database")
	}
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := app.New(s)
	a.Accounts.Hash = testHash
	const login, password = "bench-jp@bkpsdm.bandung.go.id", "Bench-JP-Asah-2026!"
	if id, err := a.UserIDByLogin(ctx, app.System, login); err == nil {
		if err := a.SetPassword(ctx, app.System, id, "", password); err != nil {
			b.Fatal(err)
		}
	} else if _, err := a.CreateUser(ctx, app.System, app.NewUser{Email: login, Name: "Bench JP", Role: string(app.RoleAdminBKPSDM), Password: password}); err != nil {
		b.Fatal(err)
	}
	h := New(a, Options{Log: slog.New(slog.NewTextHandler(io.Discard, nil)), Sessions: app.NewSessionManager(s, a.Accounts, false)})

	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"login": {login}, "password": {password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusSeeOther {
		b.Fatalf("login: %d", rec.Code)
	}
	cookies := rec.Result().Cookies()

	units, err := s.Units(ctx)
	if err != nil {
		b.Fatal(err)
	}
	largest, most := "", 0
	for _, u := range units {
		if u.ParentID != 0 {
			continue
		}
		n, err := s.CountEmployees(ctx, store.Filter{UnitCode: u.Code})
		if err != nil {
			b.Fatal(err)
		}
		if n > most {
			largest, most = u.Code, n
		}
	}
	page := "/learning/jp?unit=" + url.QueryEscape(largest)
	get := func() *httptest.ResponseRecorder {
		req := httptest.NewRequest(http.MethodGet, page, nil)
		for _, c := range cookies {
			req.AddCookie(c)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `id="jp-table"`) {
			b.Fatalf("%s: %d", page, rec.Code)
		}
		return rec
	}
	get() // warm: the unit tree and the policies are cached after the first request
	var size int
	for b.Loop() {
		size = get().Body.Len()
	}
	b.ReportMetric(float64(most), "employees")
	b.SetBytes(int64(size))
}
