package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/store"
)

// employeesPerPage is the page size of employee lists.
const employeesPerPage = 50

// unitView is a unit's page.
type unitView struct {
	Unit store.UnitSummary
	Sum  unitSummary
	Rows []employeeRow
	// ParentURL links the parent unit when the viewer may open it.
	ParentURL string
	// SubUnitLinks: the viewer may open the employees' sub-units.
	SubUnitLinks bool
	Pager        pager
	Cols         map[string]sortLink
	// Policy gives the category thresholds shown in the legend.
	Policy competency.Policy
}

// unitSummary sums a unit's employees the way the home page does: the mean
// JPM over employees with one, coverage as assessed / required lines.
type unitSummary struct {
	Employees, WithJPM, MS, MMS, KMS int
	Assessed, Total                  int
	AvgJPM, Coverage                 float64
}

var unitSorts = map[string]string{"name": "asc", "jpm": "desc"}

func (s *server) handleUnit() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code := r.PathValue("code")
		if code == "" || len(code) > 100 {
			s.notFound(w, r, "unit")
			return
		}
		actor, _ := actorFrom(r.Context())
		u, list, err := s.app.UnitPage(r.Context(), actor, code)
		if err != nil {
			s.appError(w, r, err, "unit")
			return
		}
		by, dir := sortParams(r, unitSorts)
		if by == "" {
			by, dir = "name", "asc"
		}
		sortEmployees(list, by, dir)
		pol, err := s.app.Policy(r.Context())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v := unitView{Unit: u, Sum: summarize(list), Policy: pol}
		if sc := app.ScopeOf(actor); sc.All || sc.UnitCode != "" {
			v.SubUnitLinks = true
		}
		path := "/units/" + url.PathEscape(u.Code)
		base := url.Values{}
		if r.URL.Query().Has("sort") {
			base.Set("sort", by)
			base.Set("dir", dir)
		}
		v.Pager = paginate(r, path, base, len(list), employeesPerPage)
		if v.Pager.Total > 0 {
			for _, e := range list[v.Pager.From-1 : v.Pager.To] {
				v.Rows = append(v.Rows, s.employeeRowOf(r, actor, e))
			}
		}
		v.Cols = sortLinks(path, url.Values{}, unitSorts, by, dir)
		var crumbs []crumb
		if slices.Contains(s.patterns, "GET /units") {
			crumbs = append(crumbs, crumb{Label: s.i18n.translate(requestLang(r), "nav.units"), URL: "/units"})
		}
		// The parent unit is linked when the viewer may open it: city-wide
		// roles always, an agency admin inside the agency.
		if sc := app.ScopeOf(actor); u.ParentCode != "" && (sc.All || sc.UnitCode != "" && u.Code != sc.UnitCode) {
			v.ParentURL = "/units/" + url.PathEscape(u.ParentCode)
			crumbs = append(crumbs, crumb{Label: u.ParentName, URL: v.ParentURL})
		}
		crumbs = append(crumbs, crumb{Label: u.Name})
		s.render(w, r, http.StatusOK, "unit", &view{Nav: "units", Crumbs: crumbs, Data: v})
	})
}

func summarize(list []app.EmployeeSummary) unitSummary {
	var sum unitSummary
	var jpm float64
	for _, e := range list {
		m := e.Match
		sum.Employees++
		sum.Assessed += m.Assessed
		sum.Total += m.Total
		if !m.HasJPM {
			continue
		}
		sum.WithJPM++
		jpm += m.JPM
		switch m.Category {
		case competency.MS:
			sum.MS++
		case competency.MMS:
			sum.MMS++
		default:
			sum.KMS++
		}
	}
	if sum.WithJPM > 0 {
		sum.AvgJPM = jpm / float64(sum.WithJPM)
	}
	if sum.Total > 0 {
		sum.Coverage = float64(sum.Assessed) / float64(sum.Total)
	}
	return sum
}

// sortEmployees orders by name (then NIP) or by JPM (employees without one
// last, ties by name).
func sortEmployees(list []app.EmployeeSummary, by, dir string) {
	sign := 1
	if dir == "desc" {
		sign = -1
	}
	byName := func(a, b app.EmployeeSummary) int {
		if c := strings.Compare(strings.ToLower(a.Employee.Name), strings.ToLower(b.Employee.Name)); c != 0 {
			return c
		}
		return strings.Compare(a.Employee.NIP, b.Employee.NIP)
	}
	slices.SortFunc(list, func(a, b app.EmployeeSummary) int {
		if by == "jpm" {
			if c := lastIfMissing(a.Match.HasJPM, b.Match.HasJPM); c != 0 {
				return c
			}
			if c := cmp.Compare(a.Match.JPM, b.Match.JPM); c != 0 {
				return sign * c
			}
			return byName(a, b)
		}
		return sign * byName(a, b)
	})
}
