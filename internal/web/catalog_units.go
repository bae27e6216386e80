package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"asah/internal/app"
	"asah/internal/people"
)

// catalogUnitsPerPage is the page size of the unit tree.
const catalogUnitsPerPage = 100

// catalogUnitsView is the "Unit Organisasi" tree.
type catalogUnitsView struct {
	Q, Kind   string
	Kinds     []catalogOption
	Sort, Dir string
	Cols      map[string]sortLink
	Rows      []catalogUnitRow
	Pager     pager
	Total     int  // units the actor may see
	Flat      bool // searched, filtered or sorted: no indentation, parent shown
	ShowJPM   bool // the actor's scope covers whole units (see catalogUnits)
	Filtered  bool
	Sum       catalogUnitsSum
}

// catalogUnitsSum sums the top of the visible tree.
type catalogUnitsSum struct {
	Units, Employees, WithJPM int
	AvgJPM                    float64
}

type catalogUnitRow struct {
	app.UnitStat
	Indent     int  // 0..6, a CSS class
	ShowParent bool // flat list, or the first row of a page that starts inside a subtree
}

// catalogUnitSorts lists the sortable columns and their first direction.
var catalogUnitSorts = map[string]string{"name": "asc", "employees": "desc", "jpm": "desc"}

// catalogUnits lists the units the actor may see as a tree, with each
// unit's headcount and mean JPM (sub-units included). The mean JPM is shown
// only to actors whose scope covers whole units (city-wide roles and agency
// admins): for an employee, the mean of their own small unit would come
// close to telling colleagues' results.
func (s *server) catalogUnits() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		units, err := s.app.VisibleUnits(r.Context(), actor)
		if err != nil {
			s.catalogFail(w, r, err, "unit", "/")
			return
		}
		stats, err := s.app.UnitOverview(r.Context(), s.app.Today())
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		byID := make(map[int64]app.UnitStat, len(stats))
		for _, st := range stats {
			byID[st.Unit.ID] = st
		}
		sc := app.ScopeOf(actor)
		q := r.URL.Query()
		v := catalogUnitsView{
			Q: catalogClip(q.Get("q"), 100), Kind: q.Get("kind"),
			ShowJPM: sc.All || sc.UnitCode != "", Total: len(units),
		}
		if !slices.Contains(people.UnitKinds, people.UnitKind(v.Kind)) {
			v.Kind = ""
		}
		v.Sort, v.Dir = sortParams(r, catalogUnitSorts)
		if !v.ShowJPM && v.Sort == "jpm" {
			v.Sort, v.Dir = "", ""
		}
		v.Filtered = v.Q != "" || v.Kind != ""
		v.Flat = v.Filtered || v.Sort != ""
		minDepth := 0
		for i, u := range units {
			if i == 0 || u.Depth < minDepth {
				minDepth = u.Depth
			}
		}
		needle := strings.ToLower(v.Q)
		var rows []catalogUnitRow
		for _, u := range units {
			st, ok := byID[u.ID]
			if !ok {
				st = app.UnitStat{}
			}
			st.Unit = u // the visible unit, whatever the overview's age
			if u.Depth == minDepth {
				v.Sum.Units++
				v.Sum.Employees += st.Employees
				if st.WithJPM > 0 {
					v.Sum.AvgJPM += st.AvgJPM * float64(st.WithJPM)
					v.Sum.WithJPM += st.WithJPM
				}
			}
			if needle != "" && !strings.Contains(strings.ToLower(u.Name), needle) && !strings.Contains(strings.ToLower(u.Code), needle) {
				continue
			}
			if v.Kind != "" && string(u.Kind) != v.Kind {
				continue
			}
			rows = append(rows, catalogUnitRow{UnitStat: st, Indent: min(u.Depth-minDepth, 6), ShowParent: v.Flat})
		}
		if v.Sum.WithJPM > 0 {
			v.Sum.AvgJPM /= float64(v.Sum.WithJPM)
		}
		catalogSortUnits(rows, v.Sort, v.Dir)
		base := url.Values{}
		if v.Q != "" {
			base.Set("q", v.Q)
		}
		if v.Kind != "" {
			base.Set("kind", v.Kind)
		}
		v.Cols = sortLinks("/units", base, catalogUnitSorts, v.Sort, v.Dir)
		if v.Sort != "" {
			base.Set("sort", v.Sort)
			base.Set("dir", v.Dir)
		}
		v.Pager = paginate(r, "/units", base, len(rows), catalogUnitsPerPage)
		if v.Pager.Total > 0 {
			v.Rows = rows[v.Pager.From-1 : v.Pager.To]
			if !v.Flat && v.Rows[0].Indent > 0 {
				v.Rows[0].ShowParent = true
			}
		}
		for _, k := range people.UnitKinds {
			v.Kinds = append(v.Kinds, catalogOption{Value: string(k), Label: s.i18n.translate(requestLang(r), "unitkind."+string(k)), Selected: string(k) == v.Kind})
		}
		slices.SortFunc(v.Kinds, func(a, b catalogOption) int { return strings.Compare(a.Label, b.Label) })
		s.render(w, r, http.StatusOK, "catalog_units", &view{Nav: "units", Crumbs: []crumb{{Label: s.catalogTr(r)("catalog.units.title")}}, Data: v})
	})
}

// catalogSortUnits orders rows by an allow-listed column; "" keeps tree
// order. Units without a figure go last in either direction.
func catalogSortUnits(rows []catalogUnitRow, by, dir string) {
	if by == "" {
		return
	}
	sign := 1
	if dir == "desc" {
		sign = -1
	}
	slices.SortStableFunc(rows, func(a, b catalogUnitRow) int {
		switch by {
		case "name":
			return sign * strings.Compare(strings.ToLower(a.Unit.Name), strings.ToLower(b.Unit.Name))
		case "employees":
			return sign * cmp.Compare(a.Employees, b.Employees)
		case "jpm":
			if a.WithJPM == 0 || b.WithJPM == 0 {
				return cmp.Compare(b.WithJPM, a.WithJPM) // those with a figure first
			}
			return sign * cmp.Compare(a.AvgJPM, b.AvgJPM)
		}
		return 0
	})
}
