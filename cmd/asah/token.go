package main

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
)

func runToken(ctx context.Context, e env, args []string) error {
	return dispatch(ctx, e, "token", []subcommand{
		{"create", "create an API token for an account (printed once)", runTokenCreate},
		{"revoke", "revoke an API token", runTokenRevoke},
	}, args)
}

// parseExpiry reads --expires: a Go duration (720h), a number of days (90d),
// or 0 / never for a token that does not expire.
func parseExpiry(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	switch s {
	case "0", "never":
		return 0, nil
	}
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.Atoi(days)
		if err != nil || n <= 0 || n > 3650 {
			return 0, fmt.Errorf("--expires %q: days must be 1 to 3650", s)
		}
		return time.Duration(n) * 24 * time.Hour, nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("--expires %q: use a duration such as 90d or 720h, or never", s)
	}
	return d, nil
}

func runTokenCreate(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "token create", "--user ID|NIP|E-MAIL [--name NAME] [--expires 90d|720h|never] [--db URL]")
	db := dbFlag(fs, e)
	ref := fs.String("user", "", "the account the token acts as: its ID, NIP or e-mail (required)")
	name := fs.String("name", "", "what the token is for, e.g. \"ekspor SIASN\"")
	expires := fs.String("expires", "90d", "validity: days (90d), a duration (720h) or never")
	if err := parse(fs, args); err != nil {
		return err
	}
	d, err := parseExpiry(*expires)
	if err != nil {
		return err
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	uid, err := userID(ctx, a, *ref)
	if err != nil {
		return err
	}
	plain, err := a.CreateToken(ctx, app.System, uid, *name, d)
	if err != nil {
		return err
	}
	id, err := a.TokenID(ctx, plain)
	if err != nil {
		return err
	}
	until := "tidak kedaluwarsa"
	if d > 0 {
		until = "berlaku sampai " + a.Now().Add(d).UTC().Format("2006-01-02 15:04 UTC")
	}
	// The token goes to stdout alone, so that it can be captured; the
	// notes go to stderr.
	fmt.Fprintln(e.stdout, plain)
	fmt.Fprintf(e.stderr, "token #%d untuk akun #%d, %s. Simpan sekarang: token ini tidak ditampilkan lagi (hanya hash-nya yang disimpan).\n"+
		"Cabut dengan: asah token revoke --id %d\n", id, uid, until, id)
	return nil
}

func runTokenRevoke(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "token revoke", "--id TOKEN_ID [--db URL]")
	db := dbFlag(fs, e)
	id := fs.Int64("id", 0, "the token's ID, as printed by token create (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *id <= 0 {
		return errors.New("name the token: --id TOKEN_ID (printed by asah token create)")
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	if err := a.RevokeToken(ctx, app.System, *id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "token #%d dicabut\n", *id)
	return nil
}
