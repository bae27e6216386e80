package main

import (
	"context"
	"fmt"
	"time"

	"asah/internal/app"
	"asah/internal/demo"
	"asah/internal/store"
)

func runDemo(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "demo", "[--db URL] [--employees N] [--seed S]")
	db := dbFlag(fs, e)
	n := fs.Int("employees", 15000, "number of employees to generate (about)")
	seed := fs.Uint64("seed", 1, "random seed; the same seed gives the same dataset")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *n < 2000 || *n > demo.MaxEmployees {
		return fmt.Errorf("--employees must be between 2000 and %d (the city's structure alone holds about 1,500), got %d", demo.MaxEmployees, *n)
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	return loadDemo(ctx, e, a, *n, *seed)
}

// loadDemo loads the dataset with a progress line on stderr.
func loadDemo(ctx context.Context, e env, a *app.App, n int, seed uint64) error {
	start := time.Now()
	last := time.Time{}
	progress := func(done, total int) {
		if time.Since(last) < 200*time.Millisecond && done < total {
			return
		}
		last = time.Now()
		fmt.Fprintf(e.stderr, "\rdemo: %d/%d pegawai (%d%%)", done, total, done*100/max(total, 1))
	}
	if err := a.LoadDemo(ctx, demo.Config{Employees: n, Seed: seed}, progress); err != nil {
		fmt.Fprintln(e.stderr)
		return err
	}
	count, err := a.Store.CountEmployees(ctx, store.Filter{})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stderr, "\rdemo: Kota Bandung dimuat: %d pegawai dalam %.1f detik\n", count, time.Since(start).Seconds())
	return nil
}
