// Command asah is Asah's server and command-line tool. main only calls run.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, errUsage) {
			fmt.Fprintln(os.Stderr, "asah:", err)
		}
		os.Exit(exitCode(err))
	}
}

// errUsage marks an error whose message has been printed with the usage.
var errUsage = errors.New("usage")

func exitCode(err error) int {
	if errors.Is(err, errUsage) {
		return 2
	}
	return 1
}

// env carries what every subcommand receives from outside.
type env struct {
	getenv func(string) string
	stdin  io.Reader // passwords (--password-stdin), never arguments
	stdout io.Writer
	stderr io.Writer
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, e env, args []string) error
}

func commands() []command {
	return []command{
		{"serve", "start the web server", runServe},
		{"migrate", "create or update the database schema", runMigrate},
		{"demo", "load the synthetic Kota Bandung dataset into an empty database", runDemo},
		{"gaps", "print competency gaps and job-person match (JPM)", runGaps},
		{"assess", "record one competency assessment", runAssess},
		{"import", "load units, positions, employees or assessments from CSV (all or nothing)", runImport},
		{"ninebox", "place every employee on the talent 9-box (grid or jsonl)", runNinebox},
		{"succession", "print succession lists of key positions", runSuccession},
		{"idp", "propose an individual development plan: idp propose --nip NIP", runIDP},
		{"nip", "validate and decode NIP / NI PPPK numbers", runNIP},
		{"user", "manage user accounts: add, passwd, disable, enable", runUser},
		{"token", "create or revoke API tokens", runToken},
		{"version", "print the version", runVersion},
	}
}

// run is the whole program: it parses args and dispatches to a subcommand.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) error {
	e := env{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr}
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		usage(stderr)
		if len(args) == 0 {
			return errUsage
		}
		return nil
	}
	for _, c := range commands() {
		if c.name == args[0] {
			err := c.run(ctx, e, args[1:])
			if errors.Is(err, flag.ErrHelp) {
				return nil
			}
			return err
		}
	}
	fmt.Fprintf(stderr, "asah: unknown command %q\n\n", args[0])
	usage(stderr)
	return errUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "Asah — competency management for ASN (Kota Bandung)")
	fmt.Fprintln(w, "\nUsage: asah COMMAND [flags]   (asah COMMAND -h for its flags)")
	fmt.Fprintln(w, "\nCommands:")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-11s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nEnvironment: ASAH_DB (default database URL), ASAH_ADDR (default listen address).")
}

// newFlags returns a FlagSet that reports errors instead of exiting.
func newFlags(e env, name, synopsis string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, "Usage: asah %s %s\n\nFlags:\n", name, synopsis)
		fs.PrintDefaults()
	}
	return fs
}

// parse parses flags; a bad flag becomes errUsage (already printed).
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return err
		}
		return errUsage
	}
	return nil
}

const defaultDB = "sqlite:asah.db"

// dbFlag registers --db with the ASAH_DB default.
func dbFlag(fs *flag.FlagSet, e env) *string {
	def := defaultDB
	if v := e.getenv("ASAH_DB"); v != "" {
		def = v
	}
	return fs.String("db", def, "database URL: sqlite:PATH or postgres://USER@HOST:PORT/DB (env ASAH_DB)")
}
