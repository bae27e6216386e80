package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strings"

	"asah/internal/people"
	"asah/internal/store"
)

// catalogPositionsPerPage is the page size of the position list.
const catalogPositionsPerPage = 50

// catalogPositionsView is the list of positions.
type catalogPositionsView struct {
	Q, Unit, Kind string
	Units         []catalogOption
	Kinds         []catalogOption
	Sort, Dir     string
	Cols          map[string]sortLink
	Rows          []store.PositionRow
	Pager         pager
	Filtered      bool
	Sum           catalogPositionsSum
	UnitName      string // the unit filter's name
}

// catalogPositionsSum sums the positions a filter selects.
type catalogPositionsSum struct {
	Positions, Key, Holders, Vacant, NoStandard int
}

// catalogPositionSorts lists the sortable columns and their first direction.
var catalogPositionSorts = map[string]string{"title": "asc", "unit": "asc", "holders": "desc"}

// catalogPositions lists the positions the actor may see: filter by unit
// (a unit and everything below it), by kind and by title or code.
func (s *server) catalogPositions() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		q := r.URL.Query()
		v := catalogPositionsView{Q: catalogClip(q.Get("q"), 100), Unit: catalogClip(q.Get("unit"), 100), Kind: q.Get("kind")}
		if !slices.Contains(people.PositionKinds, people.PositionKind(v.Kind)) {
			v.Kind = ""
		}
		rows, err := s.app.Positions(r.Context(), actor, v.Unit)
		if err != nil {
			s.catalogFail(w, r, err, "unit", "/positions")
			return
		}
		units, err := s.app.VisibleUnits(r.Context(), actor)
		if err != nil {
			s.catalogFail(w, r, err, "unit", "/")
			return
		}
		tr := s.catalogTr(r)
		minDepth := 0
		for i, u := range units {
			if i == 0 || u.Depth < minDepth {
				minDepth = u.Depth
			}
		}
		for _, u := range units {
			label := strings.Repeat("· ", min(u.Depth-minDepth, 6)) + u.Name
			v.Units = append(v.Units, catalogOption{Value: u.Code, Label: label, Selected: u.Code == v.Unit})
			if u.Code == v.Unit {
				v.UnitName = u.Name
			}
		}
		for _, k := range people.PositionKinds {
			v.Kinds = append(v.Kinds, catalogOption{Value: string(k), Label: tr("catalog.poskind." + string(k)), Selected: string(k) == v.Kind})
		}
		needle := strings.ToLower(v.Q)
		var list []store.PositionRow
		for _, p := range rows {
			if v.Kind != "" && string(p.Kind) != v.Kind {
				continue
			}
			if needle != "" && !strings.Contains(strings.ToLower(p.Title), needle) && !strings.Contains(strings.ToLower(p.Code), needle) {
				continue
			}
			list = append(list, p)
			v.Sum.Positions++
			v.Sum.Holders += p.Holders
			if p.Key {
				v.Sum.Key++
			}
			if p.Holders == 0 {
				v.Sum.Vacant++
			}
			if p.StdLength == 0 {
				v.Sum.NoStandard++
			}
		}
		v.Filtered = v.Q != "" || v.Unit != "" || v.Kind != ""
		v.Sort, v.Dir = sortParams(r, catalogPositionSorts)
		catalogSortPositions(list, v.Sort, v.Dir)
		base := url.Values{}
		for k, val := range map[string]string{"q": v.Q, "unit": v.Unit, "kind": v.Kind} {
			if val != "" {
				base.Set(k, val)
			}
		}
		v.Cols = sortLinks("/positions", base, catalogPositionSorts, v.Sort, v.Dir)
		if v.Sort != "" {
			base.Set("sort", v.Sort)
			base.Set("dir", v.Dir)
		}
		v.Pager = paginate(r, "/positions", base, len(list), catalogPositionsPerPage)
		if v.Pager.Total > 0 {
			v.Rows = list[v.Pager.From-1 : v.Pager.To]
		}
		s.render(w, r, http.StatusOK, "catalog_positions", &view{Nav: "positions",
			Crumbs: []crumb{{Label: tr("catalog.pos.title")}}, Data: v})
	})
}

// catalogSortPositions orders by an allow-listed column; "" keeps the
// store's order (unit, then title). Ties fall back to title, then code.
func catalogSortPositions(list []store.PositionRow, by, dir string) {
	if by == "" {
		return
	}
	sign := 1
	if dir == "desc" {
		sign = -1
	}
	byTitle := func(a, b store.PositionRow) int {
		if c := strings.Compare(strings.ToLower(a.Title), strings.ToLower(b.Title)); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	}
	slices.SortStableFunc(list, func(a, b store.PositionRow) int {
		switch by {
		case "unit":
			if c := strings.Compare(strings.ToLower(a.UnitName), strings.ToLower(b.UnitName)); c != 0 {
				return sign * c
			}
		case "holders":
			if c := cmp.Compare(a.Holders, b.Holders); c != 0 {
				return sign * c
			}
		default:
			return sign * byTitle(a, b)
		}
		return byTitle(a, b)
	})
}
