package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"asah/internal/app"
	"asah/internal/competency"
)

// homeView is the "Unit Organisasi" page.
type homeView struct {
	Q     string
	Sort  string // "" is tree order
	Dir   string
	Cols  map[string]sortLink
	Rows  []homeRow
	Total int  // units in the city
	Flat  bool // filtered or sorted: no tree indentation, parent shown instead
	// Policy gives the category thresholds shown in the legend.
	Policy competency.Policy
}

type homeRow struct {
	app.UnitStat
	Indent int // 0..6, a CSS class
}

// sortLink is a sortable column header: where it leads and how the column
// is sorted now ("ascending", "descending" or "" for aria-sort).
type sortLink struct {
	URL  string
	Aria string
}

// homeSorts lists the columns the unit table can be sorted by and the
// direction each starts in.
var homeSorts = map[string]string{"name": "asc", "jpm": "desc", "coverage": "desc", "employees": "desc"}

func (s *server) handleHome() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := strings.TrimSpace(r.URL.Query().Get("q"))
		if len([]rune(q)) > 100 {
			q = string([]rune(q)[:100])
		}
		sortBy, dir := sortParams(r, homeSorts)
		stats, err := s.app.UnitOverview(r.Context(), s.app.Today())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		pol, err := s.app.Policy(r.Context())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		v := homeView{Q: q, Sort: sortBy, Dir: dir, Total: len(stats), Flat: q != "" || sortBy != "", Policy: pol}
		needle := strings.ToLower(q)
		for _, st := range stats {
			if needle != "" && !strings.Contains(strings.ToLower(st.Unit.Name), needle) &&
				!strings.Contains(strings.ToLower(st.Unit.Code), needle) {
				continue
			}
			v.Rows = append(v.Rows, homeRow{UnitStat: st, Indent: min(st.Unit.Depth, 6)})
		}
		sortUnits(v.Rows, sortBy, dir)
		base := url.Values{}
		if q != "" {
			base.Set("q", q)
		}
		v.Cols = sortLinks("/", base, homeSorts, sortBy, dir)
		s.render(w, r, http.StatusOK, "home", &view{Nav: "units", Data: v})
	})
}

// sortUnits orders rows by an allow-listed column; units without a figure
// (no employee assessed, no employee at all) go last in either direction.
// Ties keep tree order (the sort is stable).
func sortUnits(rows []homeRow, by, dir string) {
	if by == "" {
		return
	}
	sign := 1
	if dir == "desc" {
		sign = -1
	}
	slices.SortStableFunc(rows, func(a, b homeRow) int {
		switch by {
		case "name":
			return sign * strings.Compare(strings.ToLower(a.Unit.Name), strings.ToLower(b.Unit.Name))
		case "jpm":
			if c := lastIfMissing(a.WithJPM > 0, b.WithJPM > 0); c != 0 {
				return c
			}
			return sign * cmp.Compare(a.AvgJPM, b.AvgJPM)
		case "coverage":
			if c := lastIfMissing(a.Employees > 0, b.Employees > 0); c != 0 {
				return c
			}
			return sign * cmp.Compare(a.Coverage, b.Coverage)
		case "employees":
			return sign * cmp.Compare(a.Employees, b.Employees)
		}
		return 0
	})
}

// lastIfMissing orders present values before missing ones.
func lastIfMissing(a, b bool) int {
	switch {
	case a && !b:
		return -1
	case !a && b:
		return 1
	}
	return 0
}
