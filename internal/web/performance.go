package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/performance"
)

// performancePage shows the evaluation periods of a year (admins open a year
// and open or close its periods) and the distribution of predikat of one
// period per unit and city-wide, as a chart with its table.
type performancePage struct {
	Year        int
	Years       []int
	Manage      bool
	Periods     []perfPeriod
	Seq         int
	PeriodLabel string
	HasReport   bool
	R           app.PredikatReport
	Rows        []predikatRow
	Total       predikatRow
	City        predikatRow
	Chart       barChart
	Predikats   []performance.Predikat
	Unit        string
	UnitOptions template.HTML
	Frequencies []performance.Frequency
	// The forms: what the admin entered and the messages.
	OpenYear  string
	Frequency string
	Errors    map[string]formErrors
}

// perfPeriod is a period of the year with its links.
type perfPeriod struct {
	performance.Period
	Label    string
	URL      string // its distribution
	Selected bool
}

// predikatRow is one row of the distribution table.
type predikatRow struct {
	app.PredikatRow
	URL    string
	Shares [5]float64 // of the evaluated
	Cover  float64    // evaluated / headcount
}

func predikatRowOf(r app.PredikatRow, u string) predikatRow {
	out := predikatRow{PredikatRow: r, URL: u}
	for i, n := range r.Counts {
		if r.Evaluated > 0 {
			out.Shares[i] = float64(n) / float64(r.Evaluated)
		}
	}
	if r.Headcount > 0 {
		out.Cover = float64(r.Evaluated) / float64(r.Headcount)
	}
	return out
}

// predikatKinds colours the bars of the predikat chart: Sangat Baik green,
// Baik blue, Butuh Perbaikan amber, Kurang and Sangat Kurang red.
var predikatKinds = []string{"ms", "mms", "self", "kms", "kms"}

func (s *server) handlePerformance() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		year, ok := s.yearOf(r.URL.Query().Get("year"))
		if !ok {
			s.notFound(w, r, "")
			return
		}
		p, ok := s.performanceLoad(w, r, year, r.URL.Query().Get("seq"), unitParam(r))
		if !ok {
			return
		}
		s.performanceRender(w, r, http.StatusOK, p)
	})
}

// performanceLoad builds the page of a year, a period ("" the default one)
// and a unit ("" the viewer's whole scope); it answers errors itself.
func (s *server) performanceLoad(w http.ResponseWriter, r *http.Request, year int, seqParam, unit string) (*performancePage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	lang := requestLang(r)
	periods, err := s.app.PerformancePeriods(ctx, actor, year)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	today := s.app.Today().Year()
	p := &performancePage{Year: year, Manage: actor.Can(app.PermPeriodManage), Unit: unit, Predikats: performance.Predikats(),
		Frequencies: []performance.Frequency{performance.Quarterly, performance.HalfYearly, performance.Monthly},
		OpenYear:    strconv.Itoa(year), Frequency: string(performance.DefaultFrequency), Errors: map[string]formErrors{}}
	for y := today + 1; y >= today-3; y-- {
		p.Years = append(p.Years, y)
	}
	if !containsInt(p.Years, year) {
		p.Years = append(p.Years, year)
	}
	if choices, err := s.app.UnitChoices(ctx, actor); err == nil && len(choices) > 0 {
		p.UnitOptions = unitOptionsHTML(choices, unit)
	}
	p.Seq = defaultPeriod(periods)
	if n, err := strconv.Atoi(seqParam); err == nil {
		p.Seq = n
	}
	link := func(seq int, unit string) string {
		v := url.Values{"year": {strconv.Itoa(year)}, "seq": {strconv.Itoa(seq)}}
		if unit != "" {
			v.Set("unit", unit)
		}
		return "/performance?" + v.Encode()
	}
	found := false
	for _, pd := range periods {
		x := perfPeriod{Period: pd, Label: periodName(pd, lang), URL: link(pd.Seq, unit), Selected: pd.Seq == p.Seq}
		if x.Selected {
			found, p.PeriodLabel = true, x.Label
		}
		p.Periods = append(p.Periods, x)
	}
	if len(periods) == 0 {
		return p, true
	}
	p.OpenYear = strconv.Itoa(max(year, today) + 1) // this year is open: offer the next
	if !found {
		s.notFound(w, r, "")
		return nil, false
	}
	rep, err := s.app.PredikatDistribution(ctx, actor, year, p.Seq, unit)
	if err != nil {
		s.appError(w, r, err, "unit")
		return nil, false
	}
	p.HasReport, p.R = true, rep
	for _, row := range rep.Rows {
		u := link(p.Seq, row.UnitCode)
		if row.UnitCode == unit {
			u = "" // the unit's own employees
		}
		p.Rows = append(p.Rows, predikatRowOf(row, u))
	}
	p.Total, p.City = predikatRowOf(rep.Total, ""), predikatRowOf(rep.City, "")
	p.Chart = barChart{Axis: s.i18n.translate(lang, "perf.employees_axis")}
	for i, pr := range performance.Predikats() {
		p.Chart.Labels = append(p.Chart.Labels, s.i18n.translate(lang, "skp.predikat."+string(pr)))
		p.Chart.Values = append(p.Chart.Values, rep.Total.Counts[i])
		p.Chart.Kinds = append(p.Chart.Kinds, predikatKinds[i])
	}
	return p, true
}

// defaultPeriod picks the period a report opens on: the annual evaluation
// once it has been opened, else the latest closed periodic one, else the
// latest open one.
func defaultPeriod(ps []performance.Period) int {
	best, bestRank := performance.AnnualSeq, -1
	for _, pd := range ps {
		rank := 0
		switch {
		case pd.Annual() && pd.Status != performance.PeriodPending:
			rank = 1000
		case pd.Annual():
			rank = -1
		case pd.Status == performance.PeriodClosed:
			rank = 100 + pd.Seq
		case pd.Status == performance.PeriodOpen:
			rank = pd.Seq
		}
		if rank > bestRank {
			best, bestRank = pd.Seq, rank
		}
	}
	return best
}

func containsInt(xs []int, x int) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func (s *server) performanceRender(w http.ResponseWriter, r *http.Request, status int, p *performancePage) {
	lang := requestLang(r)
	s.render(w, r, status, "performance", &view{Nav: "performance", Charts: p.HasReport && p.Total.Evaluated > 0,
		Crumbs: []crumb{{Label: s.i18n.translate(lang, "nav.performance_report")}}, Data: p})
}

// handleOpenYear creates the periods of a performance year.
func (s *server) handleOpenYear() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		f := r.PostForm
		in := strings.TrimSpace(f.Get("year"))
		year, err := strconv.Atoi(in)
		var fe formErrors
		status := http.StatusUnprocessableEntity
		lang := requestLang(r)
		if err != nil {
			fe = formErrors{"year": s.i18n.translate(lang, "perf.err.open.year")}
		} else if _, err := s.app.OpenPerformanceYear(ctx, actor, year, f.Get("frequency")); err != nil {
			var ok bool
			if fe, status, ok = s.appFormErrors(lang, err, "perf", "open"); !ok {
				s.appError(w, r, err, "")
				return
			}
		}
		if len(fe) == 0 {
			s.flash(r, "perf.done.open")
			http.Redirect(w, r, "/performance?year="+strconv.Itoa(year), http.StatusSeeOther)
			return
		}
		shown, ok := s.yearOf(f.Get("shown_year"))
		if !ok {
			shown = s.app.Today().Year()
		}
		p, ok := s.performanceLoad(w, r, shown, "", "")
		if !ok {
			return
		}
		p.Errors["open"], p.OpenYear, p.Frequency = fe, in, f.Get("frequency")
		s.performanceRender(w, r, status, p)
	})
}

// handlePeriodStatus opens or closes one period.
func (s *server) handlePeriodStatus() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		f := r.PostForm
		year, ok := s.yearOf(f.Get("year"))
		if !ok {
			s.notFound(w, r, "")
			return
		}
		seq, err := strconv.Atoi(f.Get("seq"))
		if err != nil {
			s.notFound(w, r, "")
			return
		}
		pd, err := s.app.SetPeriodStatus(ctx, actor, year, seq, f.Get("status"))
		if err == nil {
			s.flash(r, "perf.done.status."+string(pd.Status))
			http.Redirect(w, r, "/performance?year="+strconv.Itoa(year)+"#periods", http.StatusSeeOther)
			return
		}
		fe, status, ok := s.appFormErrors(requestLang(r), err, "perf", "status")
		if !ok {
			s.appError(w, r, err, "")
			return
		}
		p, ok := s.performanceLoad(w, r, year, "", "")
		if !ok {
			return
		}
		p.Errors["status"] = fe
		s.performanceRender(w, r, status, p)
	})
}
