package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"

	"asah/internal/app"
)

// subcommand is one verb of a command with verbs (user, token).
type subcommand struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

// dispatch runs the verb named by args[0], or prints the verbs.
func dispatch(ctx context.Context, e env, cmd string, subs []subcommand, args []string) error {
	printUsage := func() {
		fmt.Fprintf(e.stderr, "Usage: asah %s VERB [flags]   (asah %s VERB -h for its flags)\n\nVerbs:\n", cmd, cmd)
		for _, s := range subs {
			fmt.Fprintf(e.stderr, "  %-8s %s\n", s.name, s.summary)
		}
	}
	if len(args) == 0 {
		printUsage()
		return errUsage
	}
	if args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage()
		return flag.ErrHelp
	}
	for _, s := range subs {
		if s.name == args[0] {
			return s.run(ctx, e, args[1:])
		}
	}
	fmt.Fprintf(e.stderr, "asah %s: unknown verb %q\n\n", cmd, args[0])
	printUsage()
	return errUsage
}

func runUser(ctx context.Context, e env, args []string) error {
	return dispatch(ctx, e, "user", []subcommand{
		{"add", "create an account (the password is read from stdin)", runUserAdd},
		{"passwd", "set an account's password (read from stdin)", runUserPasswd},
		{"disable", "disable an account and end its sessions at once", runUserDisable},
		{"enable", "enable a disabled account", runUserEnable},
	}, args)
}

// readPassword reads one line from stdin: passwords never travel as
// arguments, where other users of the machine could see them (ps) and the
// shell history would keep them.
func readPassword(e env, fromStdin bool) (string, error) {
	if !fromStdin {
		return "", errors.New("the password is read from standard input only: add --password-stdin, e.g. printf '%s\\n' 'PASSWORD' | asah user add … --password-stdin")
	}
	if e.stdin == nil {
		return "", errors.New("no standard input to read the password from")
	}
	line, err := bufio.NewReader(io.LimitReader(e.stdin, 4096)).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", fmt.Errorf("reading the password from stdin: %v", err)
	}
	line = strings.TrimRight(line, "\r\n")
	if line == "" {
		return "", errors.New("no password on standard input (one line expected)")
	}
	return line, nil
}

// userID resolves --user: an account ID, or a NIP or e-mail.
func userID(ctx context.Context, a *app.App, ref string) (int64, error) {
	ref = strings.TrimSpace(ref)
	if ref == "" {
		return 0, errors.New("name the account: --user ID, NIP or e-mail")
	}
	if len(ref) <= 12 && !strings.Contains(ref, "@") {
		if id, err := strconv.ParseInt(ref, 10, 64); err == nil && id > 0 {
			return id, nil
		}
	}
	return a.UserIDByLogin(ctx, app.System, ref)
}

func runUserAdd(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "user add", "(--nip NIP | --email E) --role ROLE [--unit CODE] [--name NAME] [--partner P] --password-stdin [--db URL]")
	db := dbFlag(fs, e)
	var in app.NewUser
	fs.StringVar(&in.NIP, "nip", "", "employee NIP: the login of an employee account (links the employee)")
	fs.StringVar(&in.Email, "email", "", "e-mail: the login of an admin, leader or partner account")
	fs.StringVar(&in.Role, "role", "", "admin_bkpsdm, admin_opd, atasan, pegawai, pimpinan or mitra (required)")
	fs.StringVar(&in.UnitCode, "unit", "", "admin_opd: the unit it administers (with the units below it)")
	fs.StringVar(&in.Name, "name", "", "display name (default: the employee's name, or the e-mail)")
	fs.StringVar(&in.Partner, "partner", "", "mitra: the partner institution, e.g. \"Institut Teknologi Bandung\"")
	stdin := fs.Bool("password-stdin", false, "read the password from the first line of standard input (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	pw, err := readPassword(e, *stdin)
	if err != nil {
		return err
	}
	in.Password = pw
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	id, err := a.CreateUser(ctx, app.System, in)
	if err != nil {
		return err
	}
	login := in.NIP
	if login == "" {
		login = strings.ToLower(strings.TrimSpace(in.Email))
	}
	fmt.Fprintf(e.stdout, "akun #%d dibuat: %s (%s)\n", id, login, in.Role)
	return nil
}

func runUserPasswd(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "user passwd", "--user ID|NIP|E-MAIL --password-stdin [--db URL]")
	db := dbFlag(fs, e)
	ref := fs.String("user", "", "the account: its ID, NIP or e-mail (required)")
	stdin := fs.Bool("password-stdin", false, "read the new password from the first line of standard input (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	pw, err := readPassword(e, *stdin)
	if err != nil {
		return err
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	id, err := userID(ctx, a, *ref)
	if err != nil {
		return err
	}
	if err := a.SetPassword(ctx, app.System, id, "", pw); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "kata sandi akun #%d diganti; semua sesinya berakhir\n", id)
	return nil
}

func runUserDisable(ctx context.Context, e env, args []string) error {
	return userSwitch(ctx, e, args, "disable", "akun #%d dinonaktifkan; semua sesinya berakhir\n", (*app.App).DisableUser)
}

func runUserEnable(ctx context.Context, e env, args []string) error {
	return userSwitch(ctx, e, args, "enable", "akun #%d diaktifkan kembali\n", (*app.App).EnableUser)
}

func userSwitch(ctx context.Context, e env, args []string, verb, done string,
	fn func(*app.App, context.Context, app.Actor, int64) error) error {
	fs := newFlags(e, "user "+verb, "--user ID|NIP|E-MAIL [--db URL]")
	db := dbFlag(fs, e)
	ref := fs.String("user", "", "the account: its ID, NIP or e-mail (required)")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	id, err := userID(ctx, a, *ref)
	if err != nil {
		return err
	}
	if err := fn(a, ctx, app.System, id); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, done, id)
	return nil
}
