package main

import (
	"bufio"
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"text/tabwriter"
	"time"

	"asah/internal/app"
	"asah/internal/people"
	"asah/internal/report"
	"asah/internal/store"
)

func runGaps(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "gaps", "[--db URL] [--unit CODE] [--nip NIP] [--date YYYY-MM-DD] [--format table|csv|jsonl]")
	db := dbFlag(fs, e)
	unit := fs.String("unit", "", "only this unit and the units below it (unit code)")
	nip := fs.String("nip", "", "only this employee")
	date := fs.String("date", "", "reference date (default: today, WIB)")
	format := fs.String("format", "table", "output format: table, csv or jsonl")
	if err := parse(fs, args); err != nil {
		return err
	}
	switch *format {
	case "table", "csv", "jsonl":
	default:
		return fmt.Errorf("--format %q tidak dikenal: pilih table, csv atau jsonl", *format)
	}
	if *nip != "" {
		if _, err := people.ParseNIP(*nip); err != nil {
			return err
		}
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	ref := a.Today()
	if *date != "" {
		if ref, err = time.Parse("2006-01-02", *date); err != nil {
			return fmt.Errorf("--date %q tidak valid: gunakan YYYY-MM-DD", *date)
		}
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	defer w.Flush()
	f := store.Filter{UnitCode: *unit, NIP: *nip}
	var out gapWriter
	switch *format {
	case "jsonl":
		out = &jsonlWriter{enc: json.NewEncoder(w)}
	case "csv":
		out = newCSVWriter(w)
	default:
		out = newTableWriter(w, *nip != "")
	}
	noStd := 0
	err = a.GapReport(ctx, f, ref, func(g *app.EmployeeGap) error {
		if g.NoStandard {
			noStd++
			if *nip != "" {
				return fmt.Errorf("jabatan %s (%s) belum memiliki standar kompetensi", g.Employee.PositionCode, g.Employee.PositionTitle)
			}
		}
		return out.write(g)
	})
	if err != nil {
		return err
	}
	if err := out.close(); err != nil {
		return err
	}
	if noStd > 0 {
		fmt.Fprintf(e.stderr, "peringatan: %d pegawai menduduki jabatan tanpa standar kompetensi (tanpa JPM)\n", noStd)
	}
	return w.Flush()
}

type gapWriter interface {
	write(g *app.EmployeeGap) error
	close() error
}

// round2 rounds for display (the category was decided on the exact value).
func round2(x float64) float64 { return math.Round(x*100) / 100 }

type jsonlWriter struct {
	enc *json.Encoder
	row report.Gap
}

// write prints one employee as the JSON object the API's
// GET /api/v1/employees/{nip}/gaps also returns (report.Gap).
func (j *jsonlWriter) write(g *app.EmployeeGap) error {
	report.FillGap(&j.row, g)
	return j.enc.Encode(&j.row)
}

func (j *jsonlWriter) close() error { return nil }

type csvWriter struct {
	w   *csv.Writer
	rec []string
}

func newCSVWriter(w io.Writer) *csvWriter {
	c := &csvWriter{w: csv.NewWriter(w)}
	c.w.Write([]string{"nip", "name", "unit_code", "unit", "position", "jpm", "coverage", "category",
		"code", "competency", "kind", "required", "actual", "gap", "source", "assessed_on"})
	return c
}

func (c *csvWriter) write(g *app.EmployeeGap) error {
	jpm, cat := "", ""
	if g.Match.HasJPM {
		jpm, cat = strconv.FormatFloat(round2(g.Match.JPM), 'f', 2, 64), string(g.Match.Category)
	}
	cov := strconv.FormatFloat(g.Match.Coverage(), 'f', 4, 64)
	for _, l := range g.Lines {
		actual, gap, src, on := "", "", "", ""
		if d, ok := l.Gap(); ok {
			actual, gap = strconv.Itoa(l.Current.Level), strconv.Itoa(d)
			src, on = string(l.Current.Source), l.Current.AssessedOn.Format("2006-01-02")
		}
		c.rec = append(c.rec[:0], g.Employee.NIP, report.SafeCell(g.Employee.Name), g.Employee.UnitCode, report.SafeCell(g.Employee.UnitName),
			report.SafeCell(g.Employee.PositionTitle), jpm, cov, cat, l.Competency.Code, report.SafeCell(l.Competency.Name),
			string(l.Competency.Kind), strconv.Itoa(l.Required), actual, gap, src, on)
		if err := c.w.Write(c.rec); err != nil {
			return err
		}
	}
	return nil
}

func (c *csvWriter) close() error { c.w.Flush(); return c.w.Error() }

type tableWriter struct {
	tw     *tabwriter.Writer
	detail bool
	n      int
}

func newTableWriter(w io.Writer, detail bool) *tableWriter {
	t := &tableWriter{tw: tabwriter.NewWriter(w, 2, 4, 2, ' ', 0), detail: detail}
	if !detail {
		fmt.Fprintln(t.tw, "NIP\tNAMA\tUNIT\tJABATAN\tJPM\tCAKUPAN\tKATEGORI")
	}
	return t
}

func (t *tableWriter) write(g *app.EmployeeGap) error {
	t.n++
	jpm, cat := "-", "belum dinilai"
	if g.Match.HasJPM {
		jpm, cat = fmt.Sprintf("%.2f%%", g.Match.JPM), string(g.Match.Category)
	}
	cov := fmt.Sprintf("%d/%d", g.Match.Assessed, g.Match.Total)
	if !t.detail {
		fmt.Fprintf(t.tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", g.Employee.NIP, g.Employee.Name, g.Employee.UnitCode,
			g.Employee.PositionTitle, jpm, cov, cat)
		return nil
	}
	fmt.Fprintf(t.tw, "%s\t%s\n", people.FormatNIP(g.Employee.NIP), g.Employee.Name)
	fmt.Fprintf(t.tw, "Unit\t%s (%s)\nJabatan\t%s\nJPM\t%s\t%s\nCakupan\t%s kompetensi dinilai\n\n", g.Employee.UnitName, g.Employee.UnitCode,
		g.Employee.PositionTitle, jpm, cat, cov)
	fmt.Fprintln(t.tw, "KODE\tKOMPETENSI\tDIBUTUHKAN\tAKTUAL\tGAP\tSUMBER\tTANGGAL")
	for _, l := range g.Lines {
		actual, gap, src, on := "-", "belum dinilai", "", ""
		if d, ok := l.Gap(); ok {
			actual, gap = strconv.Itoa(l.Current.Level), fmt.Sprintf("%+d", d)
			src, on = l.Current.Source.Label(), l.Current.AssessedOn.Format("2006-01-02")
		}
		fmt.Fprintf(t.tw, "%s\t%s\t%d\t%s\t%s\t%s\t%s\n", l.Competency.Code, l.Competency.Name, l.Required, actual, gap, src, on)
	}
	return nil
}

func (t *tableWriter) close() error {
	if t.n == 0 {
		fmt.Fprintln(t.tw, "(tidak ada pegawai yang cocok)")
	}
	return t.tw.Flush()
}
