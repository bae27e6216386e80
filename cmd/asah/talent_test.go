package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"strings"
	"testing"
)

// runTalentCmd runs one of the talent commands on the shared demo database
// (they are wired into commands() separately).
func runTalentCmd(t *testing.T, fn func(context.Context, env, []string) error, args ...string) (string, string, error) {
	t.Helper()
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	err = fn(context.Background(), env{getenv: func(k string) string {
		if k == "ASAH_DB" {
			return db
		}
		return ""
	}, stdin: strings.NewReader(""), stdout: &o, stderr: &e}, args)
	return o.String(), e.String(), err
}

func TestNineboxCommand(t *testing.T) {
	out, errOut, err := runTalentCmd(t, runNinebox)
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	for _, want := range []string{"9-box talenta Kota Bandung", "Potensi Tinggi", "Di Atas Ekspektasi", "[9] ", "Kotak 9: Promosi", "SETDA"} {
		if !strings.Contains(out, want) {
			t.Errorf("grid lacks %q:\n%s", want, out)
		}
	}
	out, errOut, err = runTalentCmd(t, runNinebox, "--format", "jsonl", "--unit", "DLHK")
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	placed := 0
	for _, l := range lines {
		var row struct {
			NIP    string `json:"nip"`
			Box    *int   `json:"box"`
			Reason string `json:"reason"`
		}
		if err := json.Unmarshal([]byte(l), &row); err != nil {
			t.Fatalf("bad line %q: %v", l, err)
		}
		if row.Box != nil {
			placed++
			if *row.Box < 1 || *row.Box > 9 {
				t.Errorf("box %d", *row.Box)
			}
		} else if row.Reason == "" {
			t.Errorf("unplaced without a reason: %s", l)
		}
	}
	if len(lines) < 20 || placed < len(lines)/2 {
		t.Errorf("DLHK: %d lines, %d placed", len(lines), placed)
	}
	if _, _, err := runTalentCmd(t, runNinebox, "--unit", "NOPE"); err == nil || !strings.Contains(err.Error(), "NOPE") {
		t.Errorf("unknown unit: %v", err)
	}
	if _, _, err := runTalentCmd(t, runNinebox, "--format", "xml"); err == nil {
		t.Error("unknown format accepted")
	}
}

func TestSuccessionCommand(t *testing.T) {
	out, errOut, err := runTalentCmd(t, runSuccession, "--unit", "DLHK")
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	for _, want := range []string{"Daftar suksesi:", "DLHK-", "Pemegang:", "KESIAPAN"} {
		if !strings.Contains(out, want) {
			t.Errorf("succession lacks %q:\n%.2000s", want, out)
		}
	}
}

func TestIDPProposeCommand(t *testing.T) {
	grid, _, err := runTalentCmd(t, runNinebox, "--format", "jsonl", "--unit", "DLHK")
	if err != nil {
		t.Fatal(err)
	}
	var row struct {
		NIP string `json:"nip"`
	}
	json.Unmarshal([]byte(strings.SplitN(grid, "\n", 2)[0]), &row)
	out, errOut, err := runTalentCmd(t, runIDP, "propose", "--nip", row.NIP, "--year", "2027")
	if err != nil {
		t.Fatalf("%v: %s", err, errOut)
	}
	for _, want := range []string{"Usulan rencana pengembangan individu 2027", "JP direncanakan:", "target 20 JP"} {
		if !strings.Contains(out, want) {
			t.Errorf("proposal lacks %q:\n%s", want, out)
		}
	}
	if _, _, err := runTalentCmd(t, runIDP); !errors.Is(err, errUsage) {
		t.Errorf("idp without a subcommand: %v", err)
	}
	if _, _, err := runTalentCmd(t, runIDP, "propose"); !errors.Is(err, errUsage) {
		t.Errorf("idp propose without --nip: %v", err)
	}
	if _, _, err := runTalentCmd(t, runIDP, "propose", "--nip", "123"); err == nil {
		t.Error("invalid NIP accepted")
	}
	if _, _, err := runTalentCmd(t, runIDP, "propose", "--nip", "199001152015032001"); err == nil || !strings.Contains(err.Error(), "tidak ditemukan") {
		t.Errorf("unknown NIP: %v", err)
	}
}

// TestTalentCommandsHelp: each command prints its usage for -h (as
// TestHelpForEveryCommand expects once they are in commands()).
func TestTalentCommandsHelp(t *testing.T) {
	for name, fn := range map[string]func(context.Context, env, []string) error{
		"ninebox": runNinebox, "succession": runSuccession, "idp": runIDP,
	} {
		_, errOut, err := runTalentCmd(t, fn, "-h")
		if err != nil && !errors.Is(err, flag.ErrHelp) {
			t.Errorf("%s -h: %v", name, err)
		}
		if !strings.Contains(errOut, "Usage: asah "+name) {
			t.Errorf("%s -h printed %q", name, errOut)
		}
	}
}
