package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"asah/internal/web"
)

func runServe(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "serve", "[--addr 127.0.0.1:8080] [--db URL] [--demo]")
	defAddr := "127.0.0.1:8080"
	if v := e.getenv("ASAH_ADDR"); v != "" {
		defAddr = v
	}
	addr := fs.String("addr", defAddr, "listen address (env ASAH_ADDR); loopback only until login exists")
	db := dbFlag(fs, e)
	withDemo := fs.Bool("demo", false, "load the Kota Bandung demo when the database is empty")
	if err := parse(fs, args); err != nil {
		return err
	}
	if err := checkLoopback(*addr); err != nil {
		return err
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
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
	}
	isDemo, err := a.Store.IsDemo(ctx)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	srv := &http.Server{
		Addr:              *addr,
		Handler:           web.New(a, web.Options{Demo: isDemo, Log: log}),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
	}
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

// checkLoopback refuses any address but loopback: until accounts and login
// exist, the pages show personal data to whoever can reach them.
func checkLoopback(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("--addr %q is not HOST:PORT: %v", addr, err)
	}
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("--addr %s refused: Asah has no login yet, so it only listens on loopback (127.0.0.1 or [::1]); use an SSH tunnel or a reverse proxy with authentication to reach it from elsewhere", addr)
	}
	return nil
}
