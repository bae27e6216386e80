package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"asah/internal/app"
	"asah/internal/talent"
)

// The talent 9-box (PermenPANRB 3/2020): a 3×3 grid of performance (the
// latest final annual predikat) against potential (by default the JPM
// against the current position), coloured by box, with the count of each box
// and, one click away, the people of a box within the viewer's scope.

// nineBoxPage is the grid of a unit (or the city) and the drill-down of one box.
type nineBoxPage struct {
	G           app.NineBoxGrid
	Unit        string
	UnitOptions template.HTML // the unit filter ("" when the viewer has none)
	Rows        []boxRow      // potential high, medium, low
	Unplaced    boxCell       // box 0: not placed yet
	ScoreIsJPM  bool          // potential is the JPM alone (the default policy)
	Units       []unitBoxesRow

	// The drill-down (Box ≥ 0 when a box is chosen).
	Box    int
	Cell   *boxCell
	People []boxPerson
	Pager  pager
}

// boxRow is one potential band of the grid, left (below expectation) to
// right (above expectation).
type boxRow struct {
	Potential talent.Potential
	Cells     []boxCell
}

// boxCell is one box as drawn.
type boxCell struct {
	Box         talent.Box
	Performance talent.Performance
	Potential   talent.Potential
	Count       int
	City        int
	URL         string
	Selected    bool
	Actions     []talent.Action
}

// boxPerson is an employee of the chosen box.
type boxPerson struct {
	Name, URL, NIP, Position, Unit string
	P                              talent.Placement
	Reason                         string // why not placed: a catalogue key
}

// unitBoxesRow counts the boxes of one sub-unit.
type unitBoxesRow struct {
	app.UnitBoxes
	URL string
}

// boxesPerPage bounds the names listed for one box.
const boxesPerPage = 50

func (s *server) handleNineBox() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		unit := unitParam(r)
		g, err := s.app.NineBox(ctx, actor, unit)
		if err != nil {
			s.appError(w, r, err, "unit")
			return
		}
		p := nineBoxPage{G: g, Unit: unit, Box: -1, ScoreIsJPM: g.Policy.AssessmentWeight == 0}
		if choices, err := s.app.UnitChoices(ctx, actor); err == nil && len(choices) > 0 {
			p.UnitOptions = unitOptionsHTML(choices, unit)
		}
		q := r.URL.Query()
		if b, err := strconv.Atoi(q.Get("box")); err == nil && b >= 0 && b <= 9 {
			p.Box = b
		} else if q.Get("box") != "" {
			s.notFound(w, r, "")
			return
		}
		link := func(box int) string {
			v := url.Values{}
			if unit != "" {
				v.Set("unit", unit)
			}
			v.Set("box", strconv.Itoa(box))
			return "/talent?" + v.Encode() + "#box-list"
		}
		cell := func(b talent.Box) boxCell {
			c := g.Cells[b]
			perf, pot := b.Axes()
			return boxCell{Box: b, Performance: perf, Potential: pot, Count: c.Count, City: g.City[b], URL: link(int(b)),
				Selected: int(b) == p.Box, Actions: c.Actions}
		}
		for _, pot := range []talent.Potential{talent.PotHigh, talent.PotMedium, talent.PotLow} {
			row := boxRow{Potential: pot}
			for _, perf := range []talent.Performance{talent.PerfBelow, talent.PerfMeets, talent.PerfAbove} {
				row.Cells = append(row.Cells, cell(talent.BoxOf(perf, pot)))
			}
			p.Rows = append(p.Rows, row)
		}
		p.Unplaced = cell(0)
		for _, u := range g.Units {
			v := url.Values{"unit": {u.UnitCode}}
			p.Units = append(p.Units, unitBoxesRow{UnitBoxes: u, URL: "/talent?" + v.Encode()})
		}
		if p.Box >= 0 {
			c := cell(talent.Box(p.Box))
			p.Cell = &c
			people := g.Cells[p.Box].People
			base := url.Values{"box": {strconv.Itoa(p.Box)}}
			if unit != "" {
				base.Set("unit", unit)
			}
			p.Pager = paginate(r, "/talent", base, len(people), boxesPerPage)
			if p.Pager.Prev != "" {
				p.Pager.Prev += "#box-list"
			}
			if p.Pager.Next != "" {
				p.Pager.Next += "#box-list"
			}
			if len(people) > 0 {
				for _, row := range people[p.Pager.From-1 : p.Pager.To] {
					e := row.Employee
					p.People = append(p.People, boxPerson{Name: displayName(e.Employee), URL: s.employeeURL(r, actor, e),
						NIP: shownNIP(actor, e), Position: e.PositionTitle, Unit: e.UnitName, P: row.Placement,
						Reason: unplacedReason(row.Placement)})
				}
			}
		}
		lang := requestLang(r)
		crumbs := []crumb{{Label: s.i18n.translate(lang, "nav.ninebox"), URL: "/talent"}}
		if g.UnitName != "" {
			crumbs = append(crumbs, crumb{Label: g.UnitName, URL: "/talent?" + url.Values{"unit": {unit}}.Encode()})
		}
		if p.Cell != nil {
			crumbs = append(crumbs, crumb{Label: s.i18n.translate(lang, "talent.box_n", "N", p.Box)})
		}
		crumbs[len(crumbs)-1].URL = ""
		s.render(w, r, http.StatusOK, "talent", &view{Nav: "talent", Crumbs: crumbs, Data: p})
	})
}

// unplacedReason names, as a catalogue key, why an employee has no box yet.
func unplacedReason(pl talent.Placement) string {
	switch {
	case pl.Computed.Valid():
		return ""
	case pl.Performance == talent.PerfUnknown && !pl.HasScore:
		return "talent.reason.none"
	case pl.Performance == talent.PerfUnknown:
		return "talent.reason.no_predikat"
	}
	return "talent.reason.no_score"
}

// talentSection is an employee's placement on their SKP page, with the
// review form for those who may confirm or override it.
type talentSection struct {
	V          app.EmployeeTalentView
	P          talent.Placement
	Reason     string
	ScoreIsJPM bool
	GridURL    string // the box on the grid, for those who see it
	Action     string // the review form's URL ("" without the right)
	Year       int    // the SKP page's year, to return to
	Boxes      []talent.Box
	Box        string // the form's box (the recommendation by default)
	Text       string // the form's reason
	Errors     formErrors
}

func (s *server) talentSectionOf(r *http.Request, actor app.Actor, v app.EmployeeTalentView) *talentSection {
	t := &talentSection{V: v, P: v.Row.Placement, Reason: unplacedReason(v.Row.Placement)}
	if pol, err := s.app.TalentPolicy(r.Context()); err == nil {
		t.ScoreIsJPM = pol.AssessmentWeight == 0
	}
	if v.Row.Box.Valid() {
		t.GridURL = "/talent?" + url.Values{"box": {strconv.Itoa(int(v.Row.Box))}, "unit": {v.Row.Employee.UnitCode}}.Encode() + "#box-list"
	}
	if v.CanReview {
		t.Action = s.employeeURL(r, actor, v.Row.Employee, "/talent")
		for b := talent.Box(9); b >= 1; b-- {
			t.Boxes = append(t.Boxes, b)
		}
		t.Box = strconv.Itoa(int(v.Row.Computed))
	}
	return t
}

// handleTalentReview confirms or overrides an employee's placement, then
// returns to the talent section of their SKP page.
func (s *server) handleTalentReview() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		year, ok := s.yearOf(r.PostForm.Get("year"))
		if !ok {
			s.notFound(w, r, "")
			return
		}
		nip, ok := s.nipOf(r)
		if !ok {
			s.notFound(w, r, "employee")
			return
		}
		box, err := strconv.Atoi(r.PostForm.Get("box"))
		if err != nil {
			box = 0 // the app names the field
		}
		reason := r.PostForm.Get("reason")
		row, err := s.app.ReviewPlacement(ctx, actor, nip, box, reason)
		if err == nil {
			s.flash(r, "talent.done.review")
			http.Redirect(w, r, withYear(s.employeeURL(r, actor, row.Employee, "/skp"), year, "talent"), http.StatusSeeOther)
			return
		}
		fe, status, ok := s.appFormErrors(requestLang(r), err, "talent", "review")
		if !ok {
			s.appError(w, r, err, "employee")
			return
		}
		p, ok := s.skpLoad(w, r, year)
		if !ok {
			return
		}
		if p.Talent != nil && p.Talent.Action != "" {
			p.Talent.Errors, p.Talent.Box, p.Talent.Text = fe, r.PostForm.Get("box"), reason
		} else {
			p.Errors["talent"] = fe
		}
		s.skpRender(w, r, status, p)
	})
}
