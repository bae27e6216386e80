package app_test

import (
	"context"
	"os"
	"testing"

	"asah/internal/app"
	"asah/internal/store"
)

// The benchmarks below run on a demo database named by ASAH_BENCH_DB (e.g.
// sqlite:/tmp/asah-bench.db after `asah demo --db sqlite:/tmp/asah-bench.db`,
// or a PostgreSQL URL), as the operator (city-wide). See BENCHMARKS.md.

func benchApp(b *testing.B) *app.App {
	b.Helper()
	db := os.Getenv("ASAH_BENCH_DB")
	if db == "" {
		b.Skip("set ASAH_BENCH_DB to a database loaded with `asah demo`")
	}
	s, err := store.Open(context.Background(), db)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return app.New(s)
}

// BenchmarkNineBox places every employee of the city on the 9-box (the
// city-wide grid with names).
func BenchmarkNineBox(b *testing.B) {
	a := benchApp(b)
	ctx := context.Background()
	var g app.NineBoxGrid
	for b.Loop() {
		var err error
		if g, err = a.NineBox(ctx, app.System, ""); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(g.Total), "employees/op")
	b.ReportMetric(float64(g.Total-g.Cells[0].Count), "placed/op")
}

// BenchmarkIDPProposals drafts the development plan of every employee.
func BenchmarkIDPProposals(b *testing.B) {
	a := benchApp(b)
	ctx := context.Background()
	year := a.Today().Year() + 1
	n, items := 0, 0
	for b.Loop() {
		n, items = 0, 0
		err := a.EachIDPProposal(ctx, app.System, year, "", func(p *app.IDPProposal) error {
			n++
			items += len(p.Plan.Items)
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n), "plans/op")
	b.ReportMetric(float64(items), "items/op")
}

// BenchmarkSuccession builds the succession lists of every key position.
func BenchmarkSuccession(b *testing.B) {
	a := benchApp(b)
	ctx := context.Background()
	n := 0
	for b.Loop() {
		lists, err := a.Succession(ctx, app.System, "")
		if err != nil {
			b.Fatal(err)
		}
		n = len(lists)
	}
	b.ReportMetric(float64(n), "positions/op")
}
