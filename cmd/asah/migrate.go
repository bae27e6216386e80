package main

import (
	"context"
	"fmt"
)

func runMigrate(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "migrate", "[--db URL]")
	db := dbFlag(fs, e)
	if err := parse(fs, args); err != nil {
		return err
	}
	_, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	fmt.Fprintln(e.stdout, "schema up to date")
	return nil
}
