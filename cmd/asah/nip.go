package main

import (
	"context"
	"errors"
	"fmt"

	"asah/internal/people"
)

func runNIP(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "nip", "NIP...")
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		fs.Usage()
		return errUsage
	}
	bad := 0
	for _, s := range fs.Args() {
		n, err := people.ParseNIP(s)
		if err != nil {
			fmt.Fprintf(e.stdout, "%s\tTIDAK VALID\t%v\n", s, err)
			bad++
			continue
		}
		fmt.Fprintf(e.stdout, "%s\tVALID\t%s\n", people.FormatNIP(n.Raw), n.Describe())
	}
	if bad > 0 {
		return errors.New(fmt.Sprintf("%d dari %d nomor tidak valid", bad, fs.NArg()))
	}
	return nil
}
