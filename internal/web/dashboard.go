package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"asah/internal/app"
	"asah/internal/competency"
)

// dashboardView is the landing page; which parts show depends on the
// actor's scope (app.ScopeOf): the overview of a city or an agency for
// admins and pimpinan, the team for a supervisor, the own profile for an
// employee, a short guide for a partner.
type dashboardView struct {
	Overview bool
	Team     bool
	Self     bool
	D        app.Dashboard
	Policy   competency.Policy
	Uncov    int // employees without a JPM

	Bands     []bandRow
	BandChart barChart
	Heat      heatView
	HeatChart heatChart

	TeamRows  []employeeRow
	TeamPager pager

	SelfGap  *profileGap
	SelfURL  string
	Radar    radarChart
	HasRadar bool
}

type bandRow struct {
	Label string
	Kind  string
	N     int
	Share float64 // of employees with a JPM, 0..1
}

// heatView is the heatmap's table.
type heatView struct {
	Comps []heatComp
	Rows  []heatRow
}

type heatComp struct{ Code, Name string }

type heatRow struct {
	Unit  string
	Code  string
	Cells []heatCell
}

type heatCell struct {
	Text  string // "−0,4"; "–" without data
	Class string // heat class: shortfall to on target
	N     int
}

func (s *server) handleDashboard() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, _ := actorFrom(r.Context())
		lang := requestLang(r)
		tr := func(id string, args ...any) string { return s.i18n.translate(lang, id, args...) }
		d, err := s.app.Dashboard(r.Context(), actor)
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		pol, err := s.app.Policy(r.Context())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		sc := app.ScopeOf(actor)
		v := dashboardView{D: d, Policy: pol, Overview: sc.All || sc.UnitCode != "", Team: sc.Team, Uncov: d.Employees - d.WithJPM}
		if v.Overview {
			s.overviewCharts(&v, lang, tr)
		}
		if v.Team {
			rows := make([]app.EmployeeSummary, len(d.Team))
			copy(rows, d.Team)
			sortEmployees(rows, "name", "asc")
			v.TeamPager = paginate(r, "/", url.Values{}, len(rows), employeesPerPage)
			if v.TeamPager.Total > 0 {
				for _, e := range rows[v.TeamPager.From-1 : v.TeamPager.To] {
					v.TeamRows = append(v.TeamRows, s.employeeRowOf(r, actor, e))
				}
			}
		}
		if d.Self != nil {
			v.Self = true
			g := profileGapOf(d.Self.Lines, d.Self.Match, d.Self.NoStandard)
			v.SelfGap = &g
			v.SelfURL = "/employees/" + url.PathEscape(d.Self.Employee.NIP)
			if !v.Overview && !v.Team && len(d.Self.Lines) > 0 {
				v.Radar, v.HasRadar = radarOf(tr, lang, d.Self.Lines), true
			}
		}
		s.render(w, r, http.StatusOK, "dashboard", &view{Nav: "home", Charts: v.HasRadar || (v.Overview && d.Employees > 0), Data: v})
	})
}

// overviewCharts fills the JPM distribution and the gap heatmap.
func (s *server) overviewCharts(v *dashboardView, lang string, tr func(string, ...any) string) {
	d := v.D
	bands := app.JPMBands
	v.BandChart = barChart{Axis: tr("dash.employees_axis")}
	for i, lo := range bands {
		var label string
		switch {
		case i == 0:
			label = "< " + formatPercentPlain(bands[1], lang)
		case i == len(bands)-1:
			label = "≥ " + formatPercentPlain(lo, lang)
		default:
			label = formatPercentPlain(lo, lang) + "–<" + formatPercentPlain(bands[i+1], lang)
		}
		n := 0
		if i < len(d.Bands) {
			n = d.Bands[i]
		}
		row := bandRow{Label: label, Kind: bandKind(v.Policy, lo), N: n}
		if d.WithJPM > 0 {
			row.Share = float64(n) / float64(d.WithJPM)
		}
		v.Bands = append(v.Bands, row)
		v.BandChart.Labels = append(v.BandChart.Labels, label)
		v.BandChart.Values = append(v.BandChart.Values, n)
		v.BandChart.Kinds = append(v.BandChart.Kinds, row.Kind)
	}

	hc := heatChart{Min: -2, Max: 1, Counts: map[string]int{},
		Legend: [2]string{tr("dash.heat_short"), tr("dash.heat_met")}, Count: tr("dash.heat_count"), Gap: tr("dash.heat_gap")}
	for _, c := range d.HeatCompetences {
		name := c.Name
		if lang == "en" && c.NameEN != "" {
			name = c.NameEN
		}
		hc.Cols = append(hc.Cols, c.Code)
		hc.ColNames = append(hc.ColNames, name)
		v.Heat.Comps = append(v.Heat.Comps, heatComp{Code: c.Code, Name: name})
	}
	for i, u := range d.HeatUnits {
		hc.Rows = append(hc.Rows, u.Name)
		row := heatRow{Unit: u.Name, Code: u.Code}
		for j := range d.HeatCompetences {
			var cell app.HeatCell
			if i < len(d.Heat) && j < len(d.Heat[i]) {
				cell = d.Heat[i][j]
			}
			if cell.N == 0 {
				row.Cells = append(row.Cells, heatCell{Text: "–", Class: "h-none"})
				continue
			}
			row.Cells = append(row.Cells, heatCell{Text: formatSigned(cell.AvgGap, 1, lang), Class: heatClass(cell.AvgGap), N: cell.N})
			hc.Cells = append(hc.Cells, [3]any{j, i, round2(cell.AvgGap)})
			hc.Counts[strconv.Itoa(j)+","+strconv.Itoa(i)] = cell.N
		}
		v.Heat.Rows = append(v.Heat.Rows, row)
	}
	v.HeatChart = hc
}

// heatClass bands an average gap for the table's cell colour, the same
// scale as the chart: red for a shortfall of a level or more, amber for
// part of a level, green on target.
func heatClass(g float64) string {
	switch {
	case g <= -1:
		return "h-short2"
	case g <= -0.5:
		return "h-short1"
	case g < 0:
		return "h-near"
	}
	return "h-met"
}

// formatPercentPlain writes a threshold: "68%", "80%", "62,5%".
func formatPercentPlain(v float64, lang string) string {
	if v == float64(int(v)) {
		return fmt.Sprintf("%d%%", int(v))
	}
	return formatPercent(v, lang)
}
