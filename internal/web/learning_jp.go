package web

import (
	"bytes"
	"encoding/csv"
	"html/template"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/report"
)

// jpPerPage is the number of employees on one page of the JP progress.
const jpPerPage = 100

// jpSorts allow-lists the sortable columns with their default direction.
var jpSorts = map[string]string{"name": "asc", "unit": "asc", "jp": "desc", "progress": "asc"}

// jpPage is the JP progress of a group for a year: the supervisor's team,
// or a unit (with the units below it) for admins and pimpinan; one bar per
// employee and the group's compliance (the share on target).
type jpPage struct {
	Year        int
	Prev, Next  string
	NextY       int
	Mode        string // team, unit, or choose (a unit must be picked)
	Unit        string
	UnitName    string
	UnitOptions template.HTML
	Rep         app.JPProgressReport
	Share       string
	ShareClass  string
	AverageJP   string
	Rows        []jpRow
	Pager       pager
	Cols        map[string]sortLink
	CSV         string
}

type jpRow struct {
	Person personCell
	Unit   string
	Kind   string
	Direct bool
	Meter  jpMeter
}

// jpQuery is the group and year a JP page or export asks for.
type jpQuery struct {
	year int
	unit string
	mode string
}

func (s *server) jpQueryOf(r *http.Request, actor app.Actor) (jpQuery, bool) {
	q := r.URL.Query()
	year, ok := s.yearOf(q.Get("year"))
	if !ok {
		return jpQuery{}, false
	}
	jq := jpQuery{year: year, unit: unitParam(r)}
	sc := app.ScopeOf(actor)
	switch {
	case jq.unit != "":
		jq.mode = "unit"
	case sc.UnitCode != "": // an agency admin: its own agency
		jq.mode, jq.unit = "unit", sc.UnitCode
	case actor.EmployeeID != 0:
		jq.mode = "team"
	default: // city-wide roles without an employee record
		jq.mode = "choose"
	}
	return jq, true
}

// jpReport reads the report of a query ("choose" reads nothing).
func (s *server) jpReport(r *http.Request, actor app.Actor, jq jpQuery) (app.JPProgressReport, error) {
	switch jq.mode {
	case "unit":
		return s.app.UnitJP(r.Context(), actor, jq.unit, jq.year)
	case "team":
		return s.app.TeamJP(r.Context(), actor, jq.year)
	}
	return app.JPProgressReport{Year: jq.year}, nil
}

// sortJP orders the rows by an allow-listed column, then by name.
func sortJP(rows []app.JPProgressRow, by, dir string) {
	slices.SortStableFunc(rows, func(a, b app.JPProgressRow) int {
		c := 0
		switch by {
		case "unit":
			c = strings.Compare(a.UnitName, b.UnitName)
		case "jp":
			c = a.Progress.Minutes - b.Progress.Minutes
		case "progress":
			switch ra, rb := a.Progress.Ratio(), b.Progress.Ratio(); {
			case ra < rb:
				c = -1
			case ra > rb:
				c = 1
			}
		}
		if dir == "desc" {
			c = -c
		}
		if c == 0 {
			c = strings.Compare(a.Name, b.Name)
		}
		return c
	})
}

func (s *server) handleJP() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		jq, ok := s.jpQueryOf(r, actor)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		rep, err := s.jpReport(r, actor, jq)
		if err != nil {
			s.appError(w, r, err, "unit")
			return
		}
		p := &jpPage{Year: jq.year, Mode: jq.mode, Unit: jq.unit, UnitName: rep.UnitName, Rep: rep,
			Share: formatPercent(rep.Compliance.Share()*100, lang), ShareClass: barClass(rep.Compliance.Share()),
			AverageJP: formatDecimal(rep.Compliance.AverageJP(), 1, lang)}
		if choices, err := s.app.UnitChoices(ctx, actor); err == nil && len(choices) > 0 {
			p.UnitOptions = unitOptionsHTML(choices, jq.unit)
		}
		base := url.Values{}
		if unitParam(r) != "" {
			base.Set("unit", jq.unit)
		}
		if r.URL.Query().Get("year") != "" {
			base.Set("year", strconv.Itoa(jq.year))
		}
		link := func(year int) string {
			v := url.Values{}
			if unitParam(r) != "" {
				v.Set("unit", jq.unit)
			}
			v.Set("year", strconv.Itoa(year))
			return "/learning/jp?" + v.Encode()
		}
		if jq.year > 2000 {
			p.Prev = link(jq.year - 1)
		}
		if jq.year < s.app.Today().Year() {
			p.Next, p.NextY = link(jq.year+1), jq.year+1
		}
		by, dir := sortParams(r, jpSorts)
		sortJP(rep.Rows, by, dir)
		p.Cols = sortLinks("/learning/jp", base, jpSorts, by, dir)
		pageBase := url.Values{}
		for k, v := range base {
			pageBase[k] = v
		}
		if by != "" {
			pageBase.Set("sort", by)
			pageBase.Set("dir", dir)
		}
		p.Pager = paginate(r, "/learning/jp", pageBase, len(rep.Rows), jpPerPage)
		exp := url.Values{}
		for k, v := range pageBase {
			exp[k] = v
		}
		exp.Set("year", strconv.Itoa(jq.year))
		p.CSV = "/learning/jp/export.csv?" + exp.Encode()
		if p.Pager.Total > 0 {
			for _, x := range rep.Rows[p.Pager.From-1 : p.Pager.To] {
				p.Rows = append(p.Rows, jpRow{Person: s.personOf(r, actor, x.EmployeeID, x.NIP, x.Name), Unit: x.UnitName, Kind: x.Kind,
					Direct: x.Direct, Meter: newJPMeter(x.Progress, lang)})
			}
		}
		s.render(w, r, http.StatusOK, "learning_jp", &view{Nav: "learning_jp", Data: p,
			Crumbs: []crumb{{Label: s.i18n.translate(lang, "learning.jp.title", "Year", jq.year)}}})
	})
}

// handleJPExport writes the same group as CSV (formula-safe cells), every
// row, in the page's order; NIPs as the viewer may see them.
func (s *server) handleJPExport() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, _ := actorFrom(r.Context())
		lang := requestLang(r)
		jq, ok := s.jpQueryOf(r, actor)
		if !ok || jq.mode == "choose" {
			s.notFound(w, r, "")
			return
		}
		rep, err := s.jpReport(r, actor, jq)
		if err != nil {
			s.appError(w, r, err, "unit")
			return
		}
		by, dir := sortParams(r, jpSorts)
		sortJP(rep.Rows, by, dir)
		tr := func(id string) string { return s.i18n.translate(lang, id) }
		num := func(v float64) string { return strconv.FormatFloat(v, 'f', 1, 64) }
		var buf bytes.Buffer
		buf.WriteString("\ufeff") // so that spreadsheets read the file as UTF-8
		cw := csv.NewWriter(&buf)
		cw.Write(safeCells([]string{tr("unit.col.nip"), tr("unit.col.name"), tr("unit.col.unit"), tr("learning.col.kind"), tr("learning.col.target"),
			tr("learning.col.achieved"), tr("learning.col.percent"), tr("learning.col.met"), tr("learning.source.event"),
			tr("learning.source.claim"), tr("learning.source.activity")}))
		for _, x := range rep.Rows {
			met := tr("learning.jp.below")
			if x.Progress.Met() {
				met = tr("learning.jp.met")
			}
			cw.Write([]string{shownNIPPlain(actor, employeeRef(x.EmployeeID, x.NIP)), report.SafeCell(x.Name), report.SafeCell(x.UnitName), x.Kind,
				strconv.Itoa(x.Progress.TargetJP), num(x.Progress.JP()), num(x.Progress.Percent()), report.SafeCell(met),
				num(learning.MinutesToJP(x.EventMinutes)), num(learning.MinutesToJP(x.ClaimMinutes)), num(learning.MinutesToJP(x.ActivityMinutes))})
		}
		cw.Flush()
		if err := cw.Error(); err != nil {
			s.serverError(w, r, err)
			return
		}
		scope := "tim"
		if jq.mode == "unit" {
			scope = jq.unit
		}
		h := w.Header()
		h.Set("Content-Type", "text/csv; charset=utf-8")
		h.Set("Content-Disposition", `attachment; filename="`+safeFilename("asah-jp-"+scope+"-"+strconv.Itoa(jq.year)+".csv")+`"`)
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Length", strconv.Itoa(buf.Len()))
		w.Write(buf.Bytes())
	})
}
