package store

import (
	"context"
	"embed"
	"fmt"
	"io/fs"

	"github.com/pressly/goose/v3"
)

//go:embed migrations/sqlite/*.sql migrations/postgres/*.sql
var migrations embed.FS

// Migrate brings the schema up to date and seeds what every database needs
// (the preloaded competency dictionary). It is idempotent.
func (s *Store) Migrate(ctx context.Context) error {
	dialect, dir := goose.DialectSQLite3, "migrations/sqlite"
	if s.engine == Postgres {
		dialect, dir = goose.DialectPostgres, "migrations/postgres"
	}
	sub, err := fs.Sub(migrations, dir)
	if err != nil {
		return err
	}
	p, err := goose.NewProvider(dialect, s.write, sub)
	if err != nil {
		return fmt.Errorf("migrations: %v", err)
	}
	if _, err := p.Up(ctx); err != nil {
		return fmt.Errorf("migrations: %v", err)
	}
	return s.seedDictionary(ctx)
}
