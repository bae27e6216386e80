package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strconv"

	"github.com/xuri/excelize/v2"

	"asah/internal/app"
	"asah/internal/people"
	"asah/internal/report"
	"asah/internal/store"
)

// Exports of the employee list: the same rows as the list with its unit
// filter and search (every page), only those the actor may see, through
// app.ExportEmployees. Every text cell goes through report.SafeCell, so a
// name such as "=HYPERLINK(…)" reaches the spreadsheet as text, never as a
// formula. NIPs are masked for viewers who see them masked on the page. The
// file name carries the unit code and the date only.

// Limits excelize applies when it reads a workbook. The export only writes,
// but the limits are set anyway so that no later reader of this File can
// inflate a hostile archive without bound.
const (
	xlsxUnzipLimit    = 64 << 20
	xlsxUnzipXMLLimit = 16 << 20
)

// exportColumns are the catalogue IDs of the export's header row.
var exportColumns = []string{"export.nip", "export.name", "export.position", "export.unit", "export.golongan",
	"export.kind", "export.jpm", "export.category", "export.assessed", "export.total"}

// exportRow is one employee in export order: text cells and numbers.
type exportRow struct {
	text     []string // NIP, name, position, unit, golongan, kind
	jpm      float64
	hasJPM   bool
	category string
	assessed int
	total    int
}

func (s *server) handleExport(format string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		p := s.listParams(r)
		var rows []exportRow
		err := s.app.ExportEmployees(ctx, actor, p.query(), func(g *app.EmployeeGap) error {
			e := g.Employee
			row := exportRow{
				text: []string{shownNIPPlain(actor, e), displayName(e.Employee), e.PositionTitle, e.UnitName, e.Golongan,
					s.i18n.translate(lang, "empkind."+string(e.Kind))},
				jpm: truncate1(g.Match.JPM), hasJPM: g.Match.HasJPM, assessed: g.Match.Assessed, total: g.Match.Total,
			}
			if g.Match.HasJPM {
				row.category = string(g.Match.Category)
			}
			rows = append(rows, row)
			return nil
		})
		if err != nil {
			if app.ErrorCode(err) == app.CodeInvalid {
				s.notFound(w, r, "unit")
				return
			}
			s.appError(w, r, err, "")
			return
		}
		header := make([]string, len(exportColumns))
		for i, id := range exportColumns {
			header[i] = s.i18n.translate(lang, id)
		}
		scope := "kota"
		if p.unit != "" {
			scope = p.unit
		}
		name := "asah-pegawai-" + scope + "-" + s.app.Today().Format("2006-01-02")
		var buf bytes.Buffer
		var ctype string
		switch format {
		case "csv":
			ctype = "text/csv; charset=utf-8"
			name += ".csv"
			err = writeCSV(&buf, header, rows)
		default:
			ctype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
			name += ".xlsx"
			err = writeXLSX(&buf, s.i18n.translate(lang, "export.sheet"), header, rows)
		}
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", ctype)
		h.Set("Content-Disposition", `attachment; filename="`+safeFilename(name)+`"`)
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Length", strconv.Itoa(buf.Len()))
		w.Write(buf.Bytes())
	})
}

// shownNIPPlain is the NIP as the viewer may see it, unspaced for a file.
func shownNIPPlain(actor app.Actor, e store.EmployeeRow) string {
	if app.SeesFullNIP(actor, e) {
		return e.NIP
	}
	return people.MaskNIP(e.NIP)
}

func writeCSV(buf *bytes.Buffer, header []string, rows []exportRow) error {
	buf.WriteString("\ufeff") // so that spreadsheets read the file as UTF-8
	cw := csv.NewWriter(buf)
	if err := cw.Write(safeCells(header)); err != nil {
		return err
	}
	rec := make([]string, 0, len(header))
	for _, r := range rows {
		rec = append(rec[:0], safeCells(r.text)...)
		jpm := ""
		if r.hasJPM {
			jpm = strconv.FormatFloat(r.jpm, 'f', 1, 64)
		}
		rec = append(rec, jpm, report.SafeCell(r.category), strconv.Itoa(r.assessed), strconv.Itoa(r.total))
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeXLSX(buf *bytes.Buffer, sheet string, header []string, rows []exportRow) error {
	f := excelize.NewFile(excelize.Options{UnzipSizeLimit: xlsxUnzipLimit, UnzipXMLSizeLimit: xlsxUnzipXMLLimit})
	defer f.Close()
	sheet = report.SafeCell(sheet)
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	if err != nil {
		return err
	}
	for col, width := range []float64{22, 34, 34, 34, 10, 10, 8, 10, 10, 10} {
		if err := sw.SetColWidth(col+1, col+1, width); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(header))
	for i, h := range header {
		head[i] = excelize.Cell{StyleID: bold, Value: report.SafeCell(h)}
	}
	if err := sw.SetRow("A1", head); err != nil {
		return err
	}
	vals := make([]any, 0, len(header))
	for i, r := range rows {
		vals = vals[:0]
		for _, t := range r.text {
			vals = append(vals, report.SafeCell(t))
		}
		if r.hasJPM {
			vals = append(vals, r.jpm)
		} else {
			vals = append(vals, nil)
		}
		vals = append(vals, report.SafeCell(r.category), r.assessed, r.total)
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		if err := sw.SetRow(cell, vals); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	_, err = f.WriteTo(buf)
	return err
}

func safeCells(in []string) []string {
	out := make([]string, len(in))
	for i, s := range in {
		out[i] = report.SafeCell(s)
	}
	return out
}

// truncate1 cuts a JPM to one decimal the way the pages show it (79.96 →
// 79.9), so the file and the page never disagree about a category border.
func truncate1(v float64) float64 {
	f, _ := strconv.ParseFloat(formatDecimal(v, 1, "en"), 64)
	return f
}

// safeFilename keeps a download name to letters, digits, '-', '_' and '.'.
func safeFilename(s string) string {
	b := []byte(s)
	for i, c := range b {
		ok := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.'
		if !ok {
			b[i] = '_'
		}
	}
	return string(b)
}
