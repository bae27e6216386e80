package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"strings"
	"text/tabwriter"

	"asah/internal/app"
	"asah/internal/people"
	"asah/internal/talent"
)

// The talent and development commands run as the operator (app.System):
// city-wide, every name shown.

// idInt formats an integer the Indonesian way: 15.000.
func idInt(n int) string {
	s := strconv.Itoa(n)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte('.')
		}
		b.WriteRune(r)
	}
	if neg {
		return "-" + b.String()
	}
	return b.String()
}

// idDec formats a number with one decimal the Indonesian way: 87,5.
func idDec(x float64) string {
	return strings.Replace(strconv.FormatFloat(math.Round(x*10)/10, 'f', 1, 64), ".", ",", 1)
}

func runNinebox(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "ninebox", "[--db URL] [--unit CODE] [--format table|jsonl]")
	db := dbFlag(fs, e)
	unit := fs.String("unit", "", "only this unit and the units below it (unit code)")
	format := fs.String("format", "table", "output format: table (the grid with counts) or jsonl (one employee per line)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *format != "table" && *format != "jsonl" {
		return fmt.Errorf("--format %q tidak dikenal: pilih table atau jsonl", *format)
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	defer w.Flush()
	if *format == "jsonl" {
		enc := json.NewEncoder(w)
		row := placementJSON{}
		err := a.EachPlacement(ctx, app.System, *unit, func(p *app.PlacementRow) error {
			row.fill(p)
			return enc.Encode(&row)
		})
		if err != nil {
			return err
		}
		return w.Flush()
	}
	g, err := a.NineBox(ctx, app.System, *unit)
	if err != nil {
		return err
	}
	writeGrid(w, &g)
	return w.Flush()
}

// placementJSON is one employee's placement in the jsonl output.
type placementJSON struct {
	NIP            string   `json:"nip"`
	Name           string   `json:"name"`
	UnitCode       string   `json:"unit_code"`
	Position       string   `json:"position"`
	Predikat       *string  `json:"predikat"`
	PredikatYear   *int     `json:"predikat_year"`
	Performance    *string  `json:"performance"`
	PotentialScore *float64 `json:"potential_score"`
	Potential      *string  `json:"potential"`
	Box            *int     `json:"box"`          // in force
	ComputedBox    *int     `json:"computed_box"` // the recommendation
	Reviewed       bool     `json:"reviewed"`
	Stale          bool     `json:"review_stale"`
	Reason         string   `json:"reason,omitempty"`
}

func (j *placementJSON) fill(p *app.PlacementRow) {
	*j = placementJSON{NIP: p.Employee.NIP, Name: p.Employee.Name, UnitCode: p.Employee.UnitCode, Position: p.Employee.PositionTitle,
		Reviewed: p.Review != nil, Stale: p.Stale, Reason: p.Reason}
	if p.Predikat != "" {
		pr, y, perf := string(p.Predikat), p.PredikatYear, p.Performance.String()
		j.Predikat, j.PredikatYear, j.Performance = &pr, &y, &perf
	}
	if p.HasScore {
		s, pot := math.Round(p.Score*100)/100, p.Potential.String()
		j.PotentialScore, j.Potential = &s, &pot
	}
	if p.Computed.Valid() {
		b, c := int(p.Box), int(p.Computed)
		j.Box, j.ComputedBox = &b, &c
	}
}

// writeGrid prints the 3×3 grid (potential rows high to low, performance
// columns below to above), the unplaced, and the counts per unit.
func writeGrid(w *bufio.Writer, g *app.NineBoxGrid) {
	scope := "Kota Bandung"
	if g.UnitName != "" {
		scope = g.UnitName + " (" + g.UnitCode + ")"
	}
	placed := g.Total - g.Cells[0].Count
	fmt.Fprintf(w, "9-box talenta %s per %s: %s pegawai, %s ditempatkan\n", scope, people.FormatDateID(g.Ref), idInt(g.Total), idInt(placed))
	fmt.Fprintf(w, "Rekomendasi untuk ditinjau, bukan keputusan otomatis; %s sudah ditinjau", idInt(g.Reviewed))
	if g.Stale > 0 {
		fmt.Fprintf(w, ", %s perlu ditinjau ulang", idInt(g.Stale))
	}
	fmt.Fprintln(w, ".")
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 4, 3, ' ', tabwriter.AlignRight)
	fmt.Fprintln(tw, "POTENSI \\ KINERJA\tDi Bawah Ekspektasi\tSesuai Ekspektasi\tDi Atas Ekspektasi\t")
	cell := func(b talent.Box) string {
		n := g.Cells[b].Count
		pct := 0.0
		if placed > 0 {
			pct = 100 * float64(n) / float64(placed)
		}
		return fmt.Sprintf("[%d] %s (%s%%)", int(b), idInt(n), idDec(pct))
	}
	for _, pot := range []talent.Potential{talent.PotHigh, talent.PotMedium, talent.PotLow} {
		fmt.Fprintf(tw, "Potensi %s\t", pot.Label())
		for _, perf := range []talent.Performance{talent.PerfBelow, talent.PerfMeets, talent.PerfAbove} {
			fmt.Fprintf(tw, "%s\t", cell(talent.BoxOf(perf, pot)))
		}
		fmt.Fprintln(tw)
	}
	tw.Flush()
	if n := g.Cells[0].Count; n > 0 {
		reasons := map[string]int{}
		var order []string
		for _, p := range g.Cells[0].People {
			if reasons[p.Reason] == 0 {
				order = append(order, p.Reason)
			}
			reasons[p.Reason]++
		}
		fmt.Fprintf(w, "\nBelum ditempatkan: %s pegawai\n", idInt(n))
		for _, r := range order {
			fmt.Fprintf(w, "  %s: %s\n", idInt(reasons[r]), r)
		}
	}
	fmt.Fprintln(w, "\nTindakan yang direkomendasikan:")
	for b := talent.Box(9); b >= 1; b-- {
		var acts []string
		for _, a := range b.Actions() {
			acts = append(acts, a.Label())
		}
		fmt.Fprintf(w, "  Kotak %d: %s\n", int(b), strings.Join(acts, ", "))
	}
	if len(g.Units) > 1 {
		fmt.Fprintln(w)
		tw = tabwriter.NewWriter(w, 2, 4, 2, ' ', tabwriter.AlignRight)
		fmt.Fprintln(tw, "UNIT\t1\t2\t3\t4\t5\t6\t7\t8\t9\tBELUM\tJUMLAH\t")
		for _, u := range g.Units {
			fmt.Fprintf(tw, "%s\t", u.UnitCode)
			for b := 1; b <= 9; b++ {
				fmt.Fprintf(tw, "%s\t", idInt(u.Counts[b]))
			}
			fmt.Fprintf(tw, "%s\t%s\t\n", idInt(u.Counts[0]), idInt(u.Total))
		}
		tw.Flush()
	}
}

func runSuccession(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "succession", "[--db URL] [--unit CODE]")
	db := dbFlag(fs, e)
	unit := fs.String("unit", "", "only the key positions of this unit and the units below it (unit code)")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	lists, err := a.Succession(ctx, app.System, *unit)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	defer w.Flush()
	if len(lists) == 0 {
		fmt.Fprintln(w, "(tidak ada jabatan kunci)")
		return w.Flush()
	}
	retiring, vacant, empty := 0, 0, 0
	for _, l := range lists {
		switch {
		case l.Vacant:
			vacant++
		case l.HolderRetiring:
			retiring++
		}
		if len(l.Successors) == 0 {
			empty++
		}
	}
	fmt.Fprintf(w, "Daftar suksesi: %s jabatan kunci; %s kosong, %s pemegangnya pensiun dalam 2 tahun, %s tanpa kandidat\n",
		idInt(len(lists)), idInt(vacant), idInt(retiring), idInt(empty))
	for _, l := range lists {
		fmt.Fprintf(w, "\n%s  %s — %s\n", l.Position.Code, l.Position.Title, l.Position.UnitName)
		switch {
		case l.Vacant:
			fmt.Fprintln(w, "  Pemegang: (kosong)")
		default:
			for _, h := range l.Holders {
				flag := ""
				if l.HolderRetiring {
					flag = "  ⚠ pensiun dalam 2 tahun"
				}
				fmt.Fprintf(w, "  Pemegang: %s, pensiun %s%s\n", h.Name, people.FormatDateID(h.RetirementDate), flag)
			}
		}
		if len(l.Successors) == 0 {
			fmt.Fprintln(w, "  (belum ada kandidat dari talent pool kotak 7–9)")
			continue
		}
		tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "  #\tNIP\tNAMA\tJABATAN SEKARANG\tUNIT\tKOTAK\tJPM\tKESIAPAN\tPENSIUN")
		for _, s := range l.Successors {
			jpm := "-"
			if s.HasJPM {
				jpm = idDec(s.JPM) + "%"
			}
			fmt.Fprintf(tw, "  %d\t%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\n", s.Rank, s.Person.NIP, s.Person.Name, s.Person.PositionTitle,
				s.Person.UnitCode, int(s.Box), jpm, s.Readiness.Label(), people.FormatDateID(s.Person.RetirementDate))
		}
		tw.Flush()
		if l.Eligible > len(l.Successors) {
			fmt.Fprintf(w, "  … dan %s kandidat lain\n", idInt(l.Eligible-len(l.Successors)))
		}
	}
	return w.Flush()
}

func runIDP(ctx context.Context, e env, args []string) error {
	if len(args) == 0 || args[0] != "propose" {
		if len(args) > 0 && (args[0] == "-h" || args[0] == "--help") {
			fmt.Fprintln(e.stderr, "Usage: asah idp propose --nip NIP [--year YYYY] [--db URL]")
			return nil
		}
		fmt.Fprintln(e.stderr, "Usage: asah idp propose --nip NIP [--year YYYY] [--db URL]")
		return errUsage
	}
	fs := newFlags(e, "idp propose", "--nip NIP [--year YYYY] [--db URL]")
	db := dbFlag(fs, e)
	nip := fs.String("nip", "", "employee NIP (required)")
	year := fs.Int("year", 0, "plan year (default: this year)")
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	if *nip == "" {
		fmt.Fprintln(e.stderr, "asah idp propose: --nip wajib diisi")
		fs.Usage()
		return errUsage
	}
	if _, err := people.ParseNIP(*nip); err != nil {
		return err
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	y := *year
	if y == 0 {
		y = a.Today().Year()
	}
	v, err := a.ProposeIDP(ctx, app.System, *nip, y)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(e.stdout, 64<<10)
	defer w.Flush()
	emp := v.Employee
	fmt.Fprintf(w, "Usulan rencana pengembangan individu %d (draf, belum disimpan)\n", y)
	fmt.Fprintf(w, "%s  %s\n%s — %s\n", people.FormatNIP(emp.NIP), emp.Name, emp.PositionTitle, emp.UnitName)
	fmt.Fprintf(w, "JP direncanakan: %s dari target %s JP", idInt(v.PlannedJP), idInt(v.TargetJP))
	if v.PlannedJP < v.TargetJP {
		fmt.Fprint(w, " (belum memenuhi target)")
	}
	fmt.Fprintln(w)
	if len(v.Items) == 0 {
		fmt.Fprintln(w, "\n(tidak ada usulan: belum ada kesenjangan, kelemahan SKP, atau rekomendasi 9-box yang dapat dijadikan kegiatan)")
		return w.Flush()
	}
	fmt.Fprintln(w)
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "#\tKOMPETENSI\tLEVEL\tBENTUK\tJP\tWAKTU\tSUMBER")
	for i, it := range v.Items {
		cur := "-"
		if it.CurrentLevel > 0 {
			cur = strconv.Itoa(it.CurrentLevel)
		}
		fmt.Fprintf(tw, "%d\t%s %s\t%s→%d\t%s (%s)\t%d\t%s\t%s\n", i+1, it.Code, it.Name, cur, it.TargetLevel, it.FormLabel,
			it.Form.Kind(), it.PlannedJP, it.Timeframe, it.Source.Label())
	}
	tw.Flush()
	fmt.Fprintln(w, "\nAlasan:")
	for i, it := range v.Items {
		fmt.Fprintf(w, "  %d. %s\n", i+1, it.Reason)
	}
	return w.Flush()
}
