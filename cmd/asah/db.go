package main

import (
	"context"

	"asah/internal/app"
	"asah/internal/store"
)

// openApp opens the database, migrates it and returns the app over it.
func openApp(ctx context.Context, dbURL string) (*app.App, func(), error) {
	s, err := store.Open(ctx, dbURL)
	if err != nil {
		return nil, nil, err
	}
	if err := s.Migrate(ctx); err != nil {
		s.Close()
		return nil, nil, err
	}
	return app.New(s), func() { s.Close() }, nil
}
