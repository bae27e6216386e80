package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"asah/internal/app"
)

func runImport(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "import", "[--db URL] KIND FILE.csv   (KIND: "+strings.Join(app.ImportKinds, ", ")+")")
	db := dbFlag(fs, e)
	fs.Usage = func() {
		fmt.Fprintf(e.stderr, `Usage: asah import [--db URL] KIND FILE.csv

Loads a CSV file (comma or semicolon separated, UTF-8, header row) all or
nothing: every row is checked first, and one wrong row refuses the file.
Existing records are updated by code or NIP. Load in this order:

  units        code, name, kind, parent_code
  positions    code, title, kind, unit_code [, jenjang, key, standard]
               standard: "M.1=3;M.2=3;T.SAMPAH=2" (new positions without it
               get the default standard of their kind)
  employees    nip, name, golongan, position_code
               [, front_title, back_title, unit_code, supervisor_nip]
  assessments  nip, competency, source, level, assessed_on
               [, assessor, evidence, status]

Flags:
`)
		fs.PrintDefaults()
	}
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 2 {
		fs.Usage()
		return errUsage
	}
	kind, path := fs.Arg(0), fs.Arg(1)
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("tidak dapat membuka %s: %v", path, err)
	}
	defer f.Close()
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	res, err := a.Import(ctx, app.System, kind, f)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: %d dibuat, %d diperbarui\n", kind, res.Created, res.Updated)
	return nil
}
