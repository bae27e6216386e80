package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
)

// cli runs the program in-process with its own environment.
type cli struct {
	t     *testing.T
	env   map[string]string
	stdin string // what the next commands read from standard input
}

func newCLI(t *testing.T) *cli {
	return &cli{t: t, env: map[string]string{"ASAH_DB": "sqlite:" + filepath.Join(t.TempDir(), "asah.db")}}
}

func (c *cli) run(args ...string) (stdout, stderr string, err error) {
	var o, e bytes.Buffer
	err = run(context.Background(), args, func(k string) string { return c.env[k] }, strings.NewReader(c.stdin), &o, &e)
	return o.String(), e.String(), err
}

func (c *cli) must(args ...string) string {
	c.t.Helper()
	out, errOut, err := c.run(args...)
	if err != nil {
		c.t.Fatalf("asah %s: %v\nstderr: %s", strings.Join(args, " "), err, errOut)
	}
	return out
}

// demoDB is a small demo database shared by the read-only tests.
var demoDB = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "asah-cli-")
	if err != nil {
		return "", err
	}
	db := "sqlite:" + filepath.Join(dir, "demo.db")
	var o, e bytes.Buffer
	err = run(context.Background(), []string{"demo", "--db", db, "--employees", "2000", "--seed", "7"}, func(string) string { return "" }, strings.NewReader(""), &o, &e)
	if err != nil {
		return "", errors.New(err.Error() + ": " + e.String())
	}
	return db, nil
})

func demoCLI(t *testing.T) *cli {
	db, err := demoDB()
	if err != nil {
		t.Fatal(err)
	}
	return &cli{t: t, env: map[string]string{"ASAH_DB": db}}
}

func TestMain(m *testing.M) {
	code := m.Run()
	if db, err := demoDB(); err == nil {
		os.RemoveAll(filepath.Dir(strings.TrimPrefix(db, "sqlite:")))
	}
	os.Exit(code)
}

func TestHelpForEveryCommand(t *testing.T) {
	c := newCLI(t)
	for _, cmd := range commands() {
		_, errOut, err := c.run(cmd.name, "-h")
		if err != nil {
			t.Errorf("%s -h: %v", cmd.name, err)
		}
		if !strings.Contains(errOut, "Usage: asah "+cmd.name) {
			t.Errorf("%s -h printed %q", cmd.name, errOut)
		}
	}
	if _, _, err := c.run("frobnicate"); !errors.Is(err, errUsage) {
		t.Errorf("unknown command: %v", err)
	}
	if _, _, err := c.run("gaps", "--bogus"); !errors.Is(err, errUsage) {
		t.Errorf("unknown flag: %v", err)
	}
}

func TestVersion(t *testing.T) {
	if out := newCLI(t).must("version"); !strings.HasPrefix(out, "asah ") {
		t.Errorf("version printed %q", out)
	}
}

func TestNIP(t *testing.T) {
	c := newCLI(t)
	out := c.must("nip", "197503122000121002", "19950505 202321 2 015")
	if !strings.Contains(out, "PNS") || !strings.Contains(out, "12 Maret 1975") || !strings.Contains(out, "PPPK") {
		t.Errorf("decoded output: %s", out)
	}
	out, _, err := c.run("nip", "197503122000121002", "197502302000121002", "19750312200012100")
	if err == nil || !strings.Contains(err.Error(), "2 dari 3") {
		t.Errorf("invalid numbers: err = %v", err)
	}
	if !strings.Contains(out, "tanggal lahir") || !strings.Contains(out, "TIDAK VALID") {
		t.Errorf("invalid numbers output: %s", out)
	}
}

func TestDatabaseURLErrors(t *testing.T) {
	c := newCLI(t)
	if _, _, err := c.run("migrate", "--db", "mysql://root@localhost/asah"); err == nil || !strings.Contains(err.Error(), "unknown database scheme") {
		t.Errorf("unknown scheme: %v", err)
	}
	_, _, err := c.run("migrate", "--db", "postgres://postgres@127.0.0.1:1/none?connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "cannot reach PostgreSQL") {
		t.Errorf("unreachable database: %v", err)
	}
	// The flag beats the environment.
	c.env["ASAH_DB"] = "mysql://x"
	if out := c.must("migrate", "--db", "sqlite:"+filepath.Join(t.TempDir(), "x.db")); !strings.Contains(out, "schema up to date") {
		t.Errorf("migrate printed %q", out)
	}
}

type gapLine struct {
	NIP          string   `json:"nip"`
	Name         string   `json:"name"`
	UnitCode     string   `json:"unit_code"`
	Unit         string   `json:"unit"`
	Position     string   `json:"position"`
	JPM          *float64 `json:"jpm"`
	Coverage     float64  `json:"coverage"`
	Category     *string  `json:"category"`
	Competencies []struct {
		Code       string  `json:"code"`
		Name       string  `json:"name"`
		Kind       string  `json:"kind"`
		Required   int     `json:"required"`
		Actual     *int    `json:"actual"`
		Gap        *int    `json:"gap"`
		Source     *string `json:"source"`
		AssessedOn *string `json:"assessed_on"`
	} `json:"competencies"`
}

func readJSONL(t *testing.T, out string) []gapLine {
	t.Helper()
	var lines []gapLine
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var g gapLine
		dec := json.NewDecoder(strings.NewReader(sc.Text()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&g); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		lines = append(lines, g)
	}
	return lines
}

func TestGapsJSONL(t *testing.T) {
	c := demoCLI(t)
	lines := readJSONL(t, c.must("gaps", "--format", "jsonl"))
	if len(lines) < 1940 || len(lines) > 2060 {
		t.Fatalf("%d employees, want about 2000", len(lines))
	}
	withJPM, unassessedLines := 0, 0
	for _, g := range lines {
		if g.NIP == "" || g.Name == "" || g.UnitCode == "" || g.Position == "" {
			t.Fatalf("missing identity fields: %+v", g)
		}
		assessed, sumMin, sumReq := 0, 0, 0
		for _, l := range g.Competencies {
			if (l.Actual == nil) != (l.Gap == nil) || (l.Actual == nil) != (l.Source == nil) || (l.Actual == nil) != (l.AssessedOn == nil) {
				t.Fatalf("%s %s: actual/gap/source/assessed_on must be null together: %+v", g.NIP, l.Code, l)
			}
			if l.Actual == nil {
				unassessedLines++
				continue
			}
			assessed++
			if *l.Gap != *l.Actual-l.Required {
				t.Errorf("%s %s: gap %d != %d - %d", g.NIP, l.Code, *l.Gap, *l.Actual, l.Required)
			}
			if *l.Source == "self" {
				t.Errorf("%s %s: self-assessment set the official level", g.NIP, l.Code)
			}
			sumMin += min(*l.Actual, l.Required)
			sumReq += l.Required
		}
		if assessed == 0 {
			if g.JPM != nil || g.Category != nil {
				t.Errorf("%s: nothing assessed but jpm=%v category=%v", g.NIP, g.JPM, g.Category)
			}
			continue
		}
		withJPM++
		want := float64(sumMin) / float64(sumReq) * 100
		if g.JPM == nil || *g.JPM < want-0.006 || *g.JPM > want+0.006 {
			t.Errorf("%s: jpm %v, want %.4f", g.NIP, g.JPM, want)
		}
		cat := "KMS"
		if want >= 80 {
			cat = "MS"
		} else if want >= 68 {
			cat = "MMS"
		}
		if g.Category == nil || *g.Category != cat {
			t.Errorf("%s: category %v, want %s (jpm %.2f)", g.NIP, g.Category, cat, want)
		}
		if cov := float64(assessed) / float64(len(g.Competencies)); g.Coverage < cov-0.0001 || g.Coverage > cov+0.0001 {
			t.Errorf("%s: coverage %v, want %v", g.NIP, g.Coverage, cov)
		}
	}
	share := float64(withJPM) / float64(len(lines))
	if share < 0.7 || share > 0.9 {
		t.Errorf("%.0f%% of employees have a JPM; the demo promises about 80%%", share*100)
	}
	if unassessedLines == 0 {
		t.Error("no unassessed competency anywhere: the null path is untested")
	}
}

func TestGapsFilterAndFormats(t *testing.T) {
	c := demoCLI(t)
	all := readJSONL(t, c.must("gaps", "--format", "jsonl"))
	unit := all[len(all)/2].UnitCode
	sub := readJSONL(t, c.must("gaps", "--format", "jsonl", "--unit", unit))
	if len(sub) == 0 || len(sub) >= len(all) {
		t.Fatalf("--unit %s gave %d of %d", unit, len(sub), len(all))
	}
	one := all[3]
	got := readJSONL(t, c.must("gaps", "--format", "jsonl", "--nip", one.NIP))
	if len(got) != 1 || got[0].NIP != one.NIP {
		t.Fatalf("--nip gave %d lines", len(got))
	}
	csvOut := c.must("gaps", "--format", "csv", "--nip", one.NIP)
	rows := strings.Split(strings.TrimSpace(csvOut), "\n")
	if !strings.HasPrefix(rows[0], "nip,name,unit_code") || len(rows) != 1+len(one.Competencies) {
		t.Errorf("csv: %d rows for %d competencies; header %q", len(rows)-1, len(one.Competencies), rows[0])
	}
	table := c.must("gaps", "--nip", one.NIP)
	if !strings.Contains(table, one.Name) || !strings.Contains(table, "KOMPETENSI") {
		t.Errorf("table:\n%s", table)
	}
	for _, bad := range [][]string{
		{"gaps", "--unit", "NO-SUCH-UNIT"},
		{"gaps", "--nip", "197502302000121002"},
		{"gaps", "--date", "27-11-2026"},
		{"gaps", "--format", "xml"},
	} {
		if _, _, err := c.run(bad...); err == nil {
			t.Errorf("asah %s succeeded", strings.Join(bad, " "))
		}
	}
}

func TestAssessChangesGapAndRejectsBadInput(t *testing.T) {
	c := newCLI(t)
	c.must("demo", "--employees", "2000", "--seed", "3")
	lines := readJSONL(t, c.must("gaps", "--format", "jsonl"))
	// Find an unassessed competency and record an assessment center result for it.
	var nip, code string
	var required int
	for _, g := range lines {
		for _, l := range g.Competencies {
			if l.Actual == nil {
				nip, code, required = g.NIP, l.Code, l.Required
				break
			}
		}
		if nip != "" {
			break
		}
	}
	if nip == "" {
		t.Fatal("no unassessed competency in the demo")
	}
	level := min(required+1, 5)
	bad := [][]string{
		{"--level", "6"},
		{"--level", "0"},
		{"--competency", "X.99"},
		{"--source", "boss"},
		{"--date", "2026-02-30"},
		{"--date", "2999-01-01"},
		{"--nip", "197503122000121999"},
	}
	base := map[string]string{"--nip": nip, "--competency": code, "--level": "3", "--source": "assessment_center", "--date": "2026-01-15"}
	for _, b := range bad {
		args := []string{"assess"}
		for k, v := range base {
			if k == b[0] {
				v = b[1]
			}
			args = append(args, k, v)
		}
		if _, _, err := c.run(args...); err == nil {
			t.Errorf("asah %s succeeded", strings.Join(args, " "))
		}
	}
	after := readJSONL(t, c.must("gaps", "--format", "jsonl", "--nip", nip))
	for _, l := range after[0].Competencies {
		if l.Code == code && l.Actual != nil {
			t.Fatal("a rejected assessment changed the gap")
		}
	}
	c.must("assess", "--nip", nip, "--competency", code, "--level", strings.TrimSpace(string(rune('0'+level))),
		"--source", "assessment_center", "--date", "2026-01-15", "--assessor", "Tim Asesor")
	after = readJSONL(t, c.must("gaps", "--format", "jsonl", "--nip", nip))
	for _, l := range after[0].Competencies {
		if l.Code == code {
			if l.Actual == nil || *l.Actual != level || *l.Gap != level-required || *l.Source != "assessment_center" {
				t.Errorf("after assess: %+v (want level %d)", l, level)
			}
		}
	}
	// The demo loads only into an empty database.
	if _, _, err := c.run("demo", "--employees", "2000"); err == nil || !strings.Contains(err.Error(), "kosong") {
		t.Errorf("second demo: %v", err)
	}
}

func TestImportCommand(t *testing.T) {
	c := newCLI(t)
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	units := write("units.csv", "code;name;kind;parent_code\nDLHK;Dinas Lingkungan Hidup dan Kebersihan;dinas;\n")
	if out := c.must("import", "units", units); !strings.Contains(out, "units: 1 dibuat") {
		t.Errorf("import units printed %q", out)
	}
	bad := write("positions.csv", "code,title,kind,unit_code,standard\nP1,Analis,pelaksana,DLHK,M.1=9\n")
	_, _, err := c.run("import", "positions", bad)
	if err == nil || !strings.Contains(err.Error(), "baris 2, kolom standard") {
		t.Errorf("bad positions file: %v", err)
	}
	if _, _, err := c.run("import", "planets", units); err == nil {
		t.Error("unknown import kind accepted")
	}
	if _, _, err := c.run("import", "units", filepath.Join(dir, "missing.csv")); err == nil {
		t.Error("missing file accepted")
	}
}
