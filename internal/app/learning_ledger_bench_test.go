package app_test

import (
	"context"
	"testing"

	"asah/internal/app"
	"asah/internal/store"
)

// BenchmarkUnitJPCompliance reads the JP compliance of the largest unit
// (by employees, its subtree included) of a demo database named by
// ASAH_BENCH_DB: what the unit JP page renders. See BENCHMARKS.md.
func BenchmarkUnitJPCompliance(b *testing.B) {
	a := benchApp(b)
	ctx := context.Background()
	units, err := a.Store.Units(ctx)
	if err != nil {
		b.Fatal(err)
	}
	largest, most := "", 0
	for _, u := range units {
		if u.ParentID != 0 {
			continue
		}
		n, err := a.Store.CountEmployees(ctx, store.Filter{UnitCode: u.Code})
		if err != nil {
			b.Fatal(err)
		}
		if n > most {
			largest, most = u.Code, n
		}
	}
	year := a.Today().Year()
	var rep app.JPProgressReport
	for b.Loop() {
		if rep, err = a.UnitJP(ctx, app.System, largest, year); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(rep.Rows)), "employees/op")
	b.ReportMetric(float64(rep.Compliance.Met), "on-target/op")
}
