package app_test

import (
	"context"
	"os"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/store"
)

// BenchmarkGapReport15000 streams the gap report of a demo database named
// by ASAH_BENCH_DB (e.g. sqlite:/tmp/asah-bench.db after `asah demo`).
func BenchmarkGapReport(b *testing.B) {
	db := os.Getenv("ASAH_BENCH_DB")
	if db == "" {
		b.Skip("set ASAH_BENCH_DB to a database loaded with `asah demo`")
	}
	ctx := context.Background()
	s, err := store.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	a := app.New(s)
	ref := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	rows := 0
	for b.Loop() {
		rows = 0
		if err := a.GapReport(ctx, store.Filter{}, ref, func(g *app.EmployeeGap) error { rows += len(g.Lines); return nil }); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(rows), "rows/op")
}
