package app

import (
	"context"
	"fmt"

	"asah/internal/demo"
	"asah/internal/store"
)

// LoadDemo fills an empty database with the synthetic Kota Bandung dataset,
// all in one transaction. It refuses a database that already holds data.
func (a *App) LoadDemo(ctx context.Context, cfg demo.Config, progress demo.Progress) error {
	empty, err := a.Store.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return &Error{Code: CodeConflict, Message: "basis data sudah berisi data; demo hanya dimuat ke basis data kosong"}
	}
	if cfg.Today == "" {
		cfg.Today = a.Today().Format("2006-01-02")
	}
	existing, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return err
	}
	return a.Store.BulkLoad(ctx, func(b *store.Bulk) error {
		if err := demo.Generate(ctx, cfg, existing, b, progress); err != nil {
			return err
		}
		// Marks the data as synthetic so that every page says so.
		return b.Setting(ctx, "demo_dataset", fmt.Sprintf("seed=%d employees=%d today=%s", cfg.Seed, cfg.Employees, cfg.Today))
	})
}
