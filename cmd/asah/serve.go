package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime/debug"
	"text/tabwriter"
	"time"

	"asah/internal/api"
	"asah/internal/app"
	"asah/internal/web"
)

func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "serve", "[--addr 127.0.0.1:8080] [--db URL] [--demo] [--secure-cookies] [--session-idle 30m] [--session-max 12h] [--totp-admins]")
	defAddr := "127.0.0.1:8080"
	if v := e.getenv("ASAH_ADDR"); v != "" {
		defAddr = v
	}
	addr := fs.String("addr", defAddr, "listen address (env ASAH_ADDR), e.g. 0.0.0.0:8080 behind a TLS proxy")
	db := dbFlag(fs, e)
	withDemo := fs.Bool("demo", false, "load the Kota Bandung demo when the database is empty, and (re)create one demo account per role, printing their passwords")
	defSecure := e.getenv("ASAH_SECURE_COOKIES") == "1"
	secure := fs.Bool("secure-cookies", defSecure, "the site is served over TLS (directly or by a TLS proxy): mark session cookies Secure (env ASAH_SECURE_COOKIES=1)")
	defaults := app.DefaultAccountsConfig()
	idle := fs.Duration("session-idle", defaults.IdleTimeout, "end a session after this long without a request")
	absolute := fs.Duration("session-max", defaults.AbsoluteTimeout, "end a session this long after login, however active")
	totpAdmins := fs.Bool("totp-admins", false, "require a TOTP second factor for admin_bkpsdm and admin_opd accounts")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *idle <= 0 || *absolute <= 0 || *idle > *absolute {
		return fmt.Errorf("--session-idle (%v) and --session-max (%v) must be positive, idle at most max", *idle, *absolute)
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	a.Accounts.IdleTimeout, a.Accounts.AbsoluteTimeout = *idle, *absolute
	a.Accounts.RequireTOTPForAdmins = *totpAdmins
	a.Accounts.SecureCookies = *secure
	if *withDemo {
		empty, err := a.Store.IsEmpty(ctx)
		if err != nil {
			return err
		}
		if empty {
			if err := loadDemo(ctx, e, a, 15000, 1); err != nil {
				return err
			}
		}
		accounts, err := a.DemoAccounts(ctx)
		if err != nil {
			return err
		}
		printDemoAccounts(e, accounts)
	} else if err := adviseFirstAdmin(ctx, e, a); err != nil {
		return err
	}
	isDemo, err := a.Store.IsDemo(ctx)
	if err != nil {
		return err
	}
	// A page view allocates a lot of short-lived memory (rows, templates);
	// collecting half as often trades a little heap for a shorter tail
	// under load. GOGC in the environment still wins.
	if e.getenv("GOGC") == "" {
		debug.SetGCPercent(200)
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	go pruneAuth(ctx, a, log)
	srv := &http.Server{
		Addr:              *addr,
		Handler:           web.New(a, web.Options{Demo: isDemo, Log: log, Sessions: app.NewSessionManager(a.Store, a.Accounts, *secure)}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
	srv.Handler = admit(api.DefaultMaxInFlight(a.Store.Engine()), withAPI(a, log, srv.Handler))
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v", *addr, err)
	}
	fmt.Fprintf(e.stderr, "Asah berjalan di http://%s (Ctrl+C untuk berhenti)\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	fmt.Fprintln(e.stderr, "Asah berhenti…")
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return err
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// printDemoAccounts prints the demo logins, one per role.
func printDemoAccounts(e env, accounts []app.DemoAccount) {
	fmt.Fprintln(e.stderr, "\nMode demo — akun per peran (kata sandi baru setiap kali serve --demo dijalankan):")
	tw := tabwriter.NewWriter(e.stderr, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "  PERAN\tLOGIN\tKATA SANDI\tNAMA")
	for _, acc := range accounts {
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\n", acc.Role, acc.Login, acc.Password, acc.Name)
	}
	tw.Flush()
	fmt.Fprintln(e.stderr)
}

// adviseFirstAdmin tells how to create the first account when there is none.
func adviseFirstAdmin(ctx context.Context, e env, a *app.App) error {
	n, err := a.Store.CountUsers(ctx)
	if err != nil || n > 0 {
		return err
	}
	fmt.Fprintln(e.stderr, "Belum ada akun pengguna. Buat admin pertama (kata sandi dibaca dari stdin), lalu masuk:")
	io.WriteString(e.stderr, "  printf '%s\\n' 'KATA-SANDI-ANDA' | asah user add --email admin@bkpsdm.bandung.go.id --role admin_bkpsdm --password-stdin\n")
	return nil
}

// pruneAuth deletes expired sessions and stale login failures every few
// minutes until ctx ends. Every replica runs it; the deletes are idempotent.
func pruneAuth(ctx context.Context, a *app.App, log *slog.Logger) {
	t := time.NewTicker(10 * time.Minute)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			if _, _, err := a.PruneAuth(ctx); err != nil && ctx.Err() == nil {
				log.Error("pruning sessions and login failures", "err", err)
			}
		}
	}
}
