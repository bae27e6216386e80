package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"asah/internal/app"
)

// demoCopy is a private copy of the shared demo database, for tests that
// write to it.
func demoCopy(t *testing.T) *cli {
	t.Helper()
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(strings.TrimPrefix(db, "sqlite:"))
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "demo.db")
	if err := os.WriteFile(dst, src, 0o600); err != nil {
		t.Fatal(err)
	}
	return &cli{t: t, env: map[string]string{"ASAH_DB": "sqlite:" + dst}}
}

// openTestApp opens the CLI's database as an app, to check what commands did.
func openTestApp(t *testing.T, c *cli) *app.App {
	t.Helper()
	a, closeFn, err := openApp(context.Background(), c.env["ASAH_DB"])
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(closeFn)
	return a
}

func TestUserCommands(t *testing.T) {
	c := demoCopy(t)
	ctx := context.Background()
	a := openTestApp(t, c)
	kadis, err := a.Store.EmployeeInPosition(ctx, "DLHK-KADIS")
	if err != nil {
		t.Fatal(err)
	}

	c.stdin = "kopi-susu-hangat\n"
	if out := c.must("user", "add", "--email", "Admin@BKPSDM.bandung.go.id", "--role", "admin_bkpsdm", "--password-stdin"); !strings.Contains(out, "akun #1 dibuat: admin@bkpsdm.bandung.go.id") {
		t.Errorf("user add printed %q", out)
	}
	c.stdin = "tahu-sumedang-99\r\n" // a Windows line end is not part of the password
	c.must("user", "add", "--nip", kadis.NIP, "--role", "atasan", "--password-stdin")
	if actor, err := a.Login(ctx, kadis.NIP, "tahu-sumedang-99", "", "127.0.0.1"); err != nil || actor.Role != app.RoleAtasan || actor.EmployeeID != kadis.ID {
		t.Errorf("login of the NIP account: %+v, %v", actor, err)
	}

	for _, tc := range []struct {
		stdin string
		args  []string
		want  string
	}{
		{"x-y-z-w-1234\n", []string{"user", "add", "--email", "b@bandung.go.id", "--role", "pimpinan"}, "--password-stdin"},
		{"", []string{"user", "add", "--email", "b@bandung.go.id", "--role", "pimpinan", "--password-stdin"}, "no password"},
		{"password123\n", []string{"user", "add", "--email", "b@bandung.go.id", "--role", "pimpinan", "--password-stdin"}, "paling sering dipakai"},
		{"x-y-z-w-1234\n", []string{"user", "add", "--nip", kadis.NIP, "--role", "pegawai", "--password-stdin"}, "sudah punya akun"},
		{"x-y-z-w-1234\n", []string{"user", "add", "--email", "c@bandung.go.id", "--role", "admin_opd", "--password-stdin"}, "--unit"},
		{"x-y-z-w-1234\n", []string{"user", "passwd", "--user", "nobody@bandung.go.id", "--password-stdin"}, "tidak ada akun"},
		{"", []string{"user", "disable", "--user", "99"}, "tidak ditemukan"},
	} {
		c.stdin = tc.stdin
		_, _, err := c.run(tc.args...)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("asah %s: %v, want an error with %q", strings.Join(tc.args, " "), err, tc.want)
		}
	}
	if n, _ := a.Store.CountUsers(ctx); n != 2 {
		t.Errorf("%d accounts after the refused commands, want 2", n)
	}

	c.stdin = "teh-manis-dingin\n"
	c.must("user", "passwd", "--user", "admin@bkpsdm.bandung.go.id", "--password-stdin")
	if _, err := a.Login(ctx, "admin@bkpsdm.bandung.go.id", "kopi-susu-hangat", "", "127.0.0.1"); err == nil {
		t.Error("the old password still logs in")
	}
	if _, err := a.Login(ctx, "admin@bkpsdm.bandung.go.id", "teh-manis-dingin", "", "127.0.0.1"); err != nil {
		t.Errorf("the new password: %v", err)
	}

	if out := c.must("user", "disable", "--user", kadis.NIP); !strings.Contains(out, "akun #2 dinonaktifkan") {
		t.Errorf("disable printed %q", out)
	}
	if _, err := a.Login(ctx, kadis.NIP, "tahu-sumedang-99", "", "127.0.0.2"); app.ErrorCode(err) != app.CodeUnauthenticated {
		t.Errorf("disabled account logs in: %v", err)
	}
	c.must("user", "enable", "--user", "2")
	if _, err := a.Login(ctx, kadis.NIP, "tahu-sumedang-99", "", "127.0.0.2"); err != nil {
		t.Errorf("enabled account: %v", err)
	}

	// The audit trail names the CLI as actor.
	trail, _ := a.Store.AuditTrail(ctx, "user", "2", 10)
	if len(trail) != 3 || trail[0].Action != "user.enable" || trail[0].Actor != "system" {
		t.Errorf("audit trail: %+v", trail)
	}

	if _, _, err := c.run("user"); !errors.Is(err, errUsage) {
		t.Errorf("user without a verb: %v", err)
	}
	if _, errOut, err := c.run("user", "frob"); !errors.Is(err, errUsage) || !strings.Contains(errOut, "passwd") {
		t.Errorf("unknown verb: %v %q", err, errOut)
	}
	for _, verb := range []string{"add", "passwd", "disable", "enable"} {
		if _, errOut, err := c.run("user", verb, "-h"); err != nil || !strings.Contains(errOut, "Usage: asah user "+verb) {
			t.Errorf("user %s -h: %v %q", verb, err, errOut)
		}
	}
}

func TestTokenCommands(t *testing.T) {
	c := demoCopy(t)
	ctx := context.Background()
	a := openTestApp(t, c)
	c.stdin = "laporan-rahasia-1\n"
	c.must("user", "add", "--email", "pimpinan@bandung.go.id", "--role", "pimpinan", "--password-stdin")

	out, errOut, err := c.run("token", "create", "--user", "pimpinan@bandung.go.id", "--name", "dasbor", "--expires", "30d")
	if err != nil {
		t.Fatal(err)
	}
	plain := strings.TrimSpace(out)
	if strings.Count(out, "\n") != 1 || !strings.HasPrefix(plain, "asah_") || !strings.Contains(errOut, "token #1") ||
		!strings.Contains(errOut, "asah token revoke --id 1") {
		t.Fatalf("token create printed %q / %q", out, errOut)
	}
	actor, err := a.ActorForToken(ctx, plain)
	if err != nil || actor.Role != app.RolePimpinan {
		t.Fatalf("the printed token: %+v, %v", actor, err)
	}
	tokens, _ := a.Store.APITokensOfUser(ctx, actor.UserID)
	if len(tokens) != 1 || tokens[0].Name != "dasbor" || tokens[0].ExpiresAt.Sub(a.Now()) < 29*24*time.Hour {
		t.Errorf("stored token: %+v", tokens)
	}
	if out := c.must("token", "create", "--user", "1", "--expires", "never"); !strings.HasPrefix(out, "asah_") {
		t.Errorf("token without expiry: %q", out)
	}

	for _, args := range [][]string{
		{"token", "create", "--user", "1", "--expires", "sebentar"},
		{"token", "create", "--user", "1", "--expires", "-5h"},
		{"token", "create", "--user", "nobody@x.id"},
		{"token", "create"},
		{"token", "revoke"},
		{"token", "revoke", "--id", "99"},
	} {
		if _, _, err := c.run(args...); err == nil {
			t.Errorf("asah %s succeeded", strings.Join(args, " "))
		}
	}

	if out := c.must("token", "revoke", "--id", "1"); !strings.Contains(out, "token #1 dicabut") {
		t.Errorf("revoke printed %q", out)
	}
	if _, err := a.ActorForToken(ctx, plain); app.ErrorCode(err) != app.CodeUnauthenticated {
		t.Errorf("revoked token: %v", err)
	}
	for _, verb := range []string{"create", "revoke"} {
		if _, errOut, err := c.run("token", verb, "-h"); err != nil || !strings.Contains(errOut, "Usage: asah token "+verb) {
			t.Errorf("token %s -h: %v %q", verb, err, errOut)
		}
	}
}

// syncBuffer is a buffer that a running server writes to while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serveUntilUp runs `asah serve` until it listens, then stops it and returns
// what it printed.
func serveUntilUp(t *testing.T, c *cli, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var errOut syncBuffer
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, append([]string{"serve"}, args...), func(k string) string { return c.env[k] }, strings.NewReader(""), io.Discard, &errOut)
	}()
	deadline := time.After(60 * time.Second)
	for !strings.Contains(errOut.String(), "berjalan di") {
		select {
		case err := <-done:
			t.Fatalf("serve ended: %v\n%s", err, errOut.String())
		case <-deadline:
			t.Fatalf("serve did not start:\n%s", errOut.String())
		case <-time.After(20 * time.Millisecond):
		}
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("serve: %v", err)
	}
	return errOut.String()
}

func TestServeOnAnyAddressAdvisesFirstAdmin(t *testing.T) {
	c := newCLI(t)
	c.env["ASAH_SECURE_COOKIES"] = "1"
	out := serveUntilUp(t, c, "--addr", "0.0.0.0:0")
	if !strings.Contains(out, "Belum ada akun pengguna") ||
		!strings.Contains(out, `printf '%s\n' 'KATA-SANDI-ANDA' | asah user add --email admin@bkpsdm.bandung.go.id --role admin_bkpsdm --password-stdin`) {
		t.Errorf("serve on an empty database printed:\n%s", out)
	}
	c.stdin = "kopi-susu-hangat\n"
	c.must("user", "add", "--email", "admin@bkpsdm.bandung.go.id", "--role", "admin_bkpsdm", "--password-stdin")
	if out := serveUntilUp(t, c, "--addr", "127.0.0.1:0"); strings.Contains(out, "Belum ada akun") {
		t.Errorf("advice printed although an account exists:\n%s", out)
	}
	if _, _, err := c.run("serve", "--session-idle", "13h"); err == nil {
		t.Error("idle timeout longer than the absolute one accepted")
	}
}

func TestServeDemoPrintsAccounts(t *testing.T) {
	c := demoCopy(t)
	out := serveUntilUp(t, c, "--addr", "127.0.0.1:0", "--demo")
	for _, want := range []string{"Mode demo", "admin_bkpsdm", "admin@bkpsdm.bandung.go.id", "admin_opd", "admin@dlhk.bandung.go.id",
		"atasan", "pegawai", "pimpinan@bandung.go.id", "mitra@itb.ac.id"} {
		if !strings.Contains(out, want) {
			t.Errorf("serve --demo output lacks %q:\n%s", want, out)
		}
	}
	// The printed passwords log in.
	a := openTestApp(t, c)
	logins := 0
	for _, line := range strings.Split(out, "\n") {
		f := strings.Fields(line)
		if len(f) < 3 || !strings.HasPrefix(f[0], "admin_") && f[0] != "atasan" && f[0] != "pegawai" && f[0] != "pimpinan" && f[0] != "mitra" {
			continue
		}
		if _, err := a.Login(context.Background(), f[1], f[2], "", "127.0.0.1"); err != nil {
			t.Errorf("%s %s: %v", f[0], f[1], err)
		}
		logins++
	}
	if logins != 6 {
		t.Errorf("%d demo accounts printed, want 6", logins)
	}
}
