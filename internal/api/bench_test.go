package api

import (
	"context"
	"net/http/httptest"
	"os"
	"testing"

	"asah/internal/app"
	"asah/internal/store"
)

// BenchmarkGaps serves GET /api/v1/employees/{nip}/gaps in parallel on a
// database named by ASAH_BENCH_DB (after `asah demo`, `asah user add` and
// `asah token create`), with the token in ASAH_BENCH_TOKEN and the NIP in
// ASAH_BENCH_NIP. The figures of record are wrk's (BENCHMARKS.md); this one
// is for profiling (-cpuprofile).
func BenchmarkGaps(b *testing.B) {
	db, tok, nip := os.Getenv("ASAH_BENCH_DB"), os.Getenv("ASAH_BENCH_TOKEN"), os.Getenv("ASAH_BENCH_NIP")
	if db == "" || tok == "" || nip == "" {
		b.Skip("set ASAH_BENCH_DB, ASAH_BENCH_TOKEN and ASAH_BENCH_NIP")
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	h := New(app.New(s), Options{})
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req := httptest.NewRequest("GET", "/api/v1/employees/"+nip+"/gaps", nil)
			req.Header.Set("Authorization", "Bearer "+tok)
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != 200 {
				b.Fatalf("%d %s", rec.Code, rec.Body)
			}
		}
	})
}

// BenchmarkNineBox serves GET /api/v1/talent/ninebox (the city-wide grid
// and its first page of 1,000 placements) on the database named by
// ASAH_BENCH_DB with the token in ASAH_BENCH_TOKEN, as BenchmarkGaps.
func BenchmarkNineBox(b *testing.B) {
	db, tok := os.Getenv("ASAH_BENCH_DB"), os.Getenv("ASAH_BENCH_TOKEN")
	if db == "" || tok == "" {
		b.Skip("set ASAH_BENCH_DB and ASAH_BENCH_TOKEN")
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	h := New(app.New(s), Options{})
	for b.Loop() {
		req := httptest.NewRequest("GET", "/api/v1/talent/ninebox?per_page=1000", nil)
		req.Header.Set("Authorization", "Bearer "+tok)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			b.Fatalf("%d %s", rec.Code, rec.Body)
		}
		b.SetBytes(int64(rec.Body.Len()))
	}
}
