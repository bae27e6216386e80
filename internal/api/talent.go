package api

import (
	"fmt"
	"math"
	"net/http"
	"time"

	"asah/internal/app"
	"asah/internal/talent"
)

// This file serves the talent 9-box of PermenPANRB 3/2020 (counts per box
// and the placements within the caller's scope), one employee's placement
// with an admin's confirmation or override, and the succession lists of key
// positions. A box is a recommendation; the app decides who sees what.

// Pages of the 9-box placements: large pages, since a client walks the
// whole city (15,000 rows) in a few requests.
const (
	nineBoxPerPage    = 200
	nineBoxMaxPerPage = 1000
)

type reviewJSON struct {
	Year        int    `json:"year"`
	ComputedBox int    `json:"computed_box"`
	Box         int    `json:"box"`
	Decision    string `json:"decision"`
	Reason      string `json:"reason"`
	Reviewer    string `json:"reviewer"`
	At          string `json:"at"`
}

func newReview(r talent.Review) reviewJSON {
	return reviewJSON{Year: r.Year, ComputedBox: int(r.Computed), Box: int(r.Box), Decision: string(r.Decision), Reason: r.Reason,
		Reviewer: r.Reviewer, At: r.At.UTC().Format(time.RFC3339)}
}

// placementJSON is an employee's cell on the 9-box.
type placementJSON struct {
	NIP            string      `json:"nip"`
	Name           string      `json:"name"`
	UnitCode       string      `json:"unit_code"`
	Unit           string      `json:"unit"`
	Position       string      `json:"position"`
	Box            int         `json:"box"`
	ComputedBox    int         `json:"computed_box"`
	Performance    *string     `json:"performance"`
	Predikat       *string     `json:"predikat"`
	PredikatYear   *int        `json:"predikat_year"`
	Potential      *string     `json:"potential"`
	PotentialScore *float64    `json:"potential_score"`
	Reason         *string     `json:"reason"`
	Review         *reviewJSON `json:"review"`
	Stale          bool        `json:"stale"`
}

func newPlacement(row *app.PlacementRow) placementJSON {
	e, p := &row.Employee, &row.Placement
	out := placementJSON{NIP: e.NIP, Name: e.Name, UnitCode: e.UnitCode, Unit: e.UnitName, Position: e.PositionTitle,
		Box: int(p.Box), ComputedBox: int(p.Computed), Performance: optional(p.Performance.String()),
		Predikat: optional(string(p.Predikat)), Potential: optional(p.Potential.String()), Reason: optional(p.Reason), Stale: p.Stale}
	if p.PredikatYear != 0 {
		y := p.PredikatYear
		out.PredikatYear = &y
	}
	if p.HasScore {
		sc := math.Round(p.Score*100) / 100
		out.PotentialScore = &sc
	}
	if p.Review != nil {
		r := newReview(*p.Review)
		out.Review = &r
	}
	return out
}

func actionsOf(b talent.Box) []string {
	acts := b.Actions()
	out := make([]string, 0, len(acts))
	for _, a := range acts {
		out = append(out, string(a))
	}
	return out
}

type boxJSON struct {
	Box         int      `json:"box"`
	Performance *string  `json:"performance"`
	Potential   *string  `json:"potential"`
	Count       int      `json:"count"`
	CityCount   int      `json:"city_count"`
	Actions     []string `json:"actions"`
}

type unitBoxesJSON struct {
	UnitCode string `json:"unit_code"`
	Unit     string `json:"unit"`
	Counts   []int  `json:"counts"`
	Total    int    `json:"total"`
}

type placementPageJSON struct {
	Items   []placementJSON `json:"items"`
	Page    int             `json:"page"`
	PerPage int             `json:"per_page"`
	Total   int             `json:"total"`
}

type bandsJSON struct {
	HighFrom   float64 `json:"high_from"`
	MediumFrom float64 `json:"medium_from"`
}

type nineBoxJSON struct {
	UnitCode   *string           `json:"unit_code"`
	Unit       *string           `json:"unit"`
	RefDate    string            `json:"ref_date"`
	Total      int               `json:"total"`
	CityTotal  int               `json:"city_total"`
	Reviewed   int               `json:"reviewed"`
	Stale      int               `json:"stale"`
	Bands      bandsJSON         `json:"bands"`
	Boxes      []boxJSON         `json:"boxes"`
	Units      []unitBoxesJSON   `json:"units"`
	Placements placementPageJSON `json:"placements"`
}

// nineBoxOrder is the order of the placements: the best boxes first, the
// employees not placed yet last.
var nineBoxOrder = [...]talent.Box{9, 8, 7, 6, 5, 4, 3, 2, 1, 0}

// handleNineBox returns the grid of a unit (?unit=, default the city): the
// count of every box within the caller's scope and city-wide, counts per
// sub-unit, and one page of the placements in scope (?box= narrows them to
// one box; ?page=, ?per_page= up to 1000).
func (s *server) handleNineBox() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		q := r.URL.Query()
		unit, err := unitParam(q)
		if err != nil {
			return err
		}
		box := -1
		if q.Get("box") != "" {
			if box, err = queryInt(q, "box", -1); err != nil {
				return err
			}
			if box < 0 || box > 9 {
				return badRequest("parameter box harus 0–9 (0: belum ditempatkan)", map[string]string{"box": "harus 0–9"})
			}
		}
		page, err := positiveParam(q, "page")
		if err != nil {
			return err
		}
		perPage, err := positiveParam(q, "per_page")
		if err != nil {
			return err
		}
		if perPage > nineBoxMaxPerPage {
			return &app.Error{Code: app.CodeInvalid, Message: fmt.Sprintf("per_page paling banyak %d", nineBoxMaxPerPage),
				Fields: map[string]string{"per_page": fmt.Sprintf("paling banyak %d", nineBoxMaxPerPage)}}
		}
		page, perPage = max(page, 1), cmpOr(perPage, nineBoxPerPage)

		g, err := s.app.NineBox(r.Context(), actor, unit)
		if err != nil {
			return err
		}
		out := nineBoxJSON{UnitCode: optional(g.UnitCode), Unit: optional(g.UnitName), RefDate: date(g.Ref), Total: g.Total,
			CityTotal: g.CityTotal, Reviewed: g.Reviewed, Stale: g.Stale,
			Bands: bandsJSON{HighFrom: g.Policy.HighFrom, MediumFrom: g.Policy.MediumFrom},
			Boxes: make([]boxJSON, 0, len(g.Cells)), Units: make([]unitBoxesJSON, 0, len(g.Units)),
			Placements: placementPageJSON{Items: []placementJSON{}, Page: page, PerPage: perPage}}
		for b := range g.Cells {
			c := &g.Cells[b]
			perf, pot := c.Box.Axes()
			out.Boxes = append(out.Boxes, boxJSON{Box: b, Performance: optional(perf.String()), Potential: optional(pot.String()),
				Count: c.Count, CityCount: g.City[b], Actions: actionsOf(c.Box)})
		}
		for _, u := range g.Units {
			out.Units = append(out.Units, unitBoxesJSON{UnitCode: u.UnitCode, Unit: u.UnitName, Counts: u.Counts[:], Total: u.Total})
		}
		// The page is cut from the boxes in order without copying rows.
		from, to := (page-1)*perPage, page*perPage
		i := 0
		for _, b := range nineBoxOrder {
			if box >= 0 && int(b) != box {
				continue
			}
			people := g.Cells[b].People
			out.Placements.Total += len(people)
			for j := range people {
				if i >= from && i < to {
					out.Placements.Items = append(out.Placements.Items, newPlacement(&people[j]))
				}
				i++
			}
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

func cmpOr(v, def int) int {
	if v == 0 {
		return def
	}
	return v
}

type employeeTalentJSON struct {
	Placement placementJSON `json:"placement"`
	Actions   []string      `json:"actions"`
	Reviews   []reviewJSON  `json:"reviews"`
	CanReview bool          `json:"can_review"`
}

// handleEmployeeTalent returns one employee's placement with the box's
// recommended actions and the review history, newest first.
func (s *server) handleEmployeeTalent() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		v, err := s.app.EmployeeTalent(r.Context(), actor, r.PathValue("nip"))
		if err != nil {
			return err
		}
		out := employeeTalentJSON{Placement: newPlacement(&v.Row), Actions: actionsOf(v.Row.Box),
			Reviews: make([]reviewJSON, 0, len(v.Reviews)), CanReview: v.CanReview}
		for _, rv := range v.Reviews {
			out.Reviews = append(out.Reviews, newReview(rv))
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type reviewInput struct {
	Box    *int   `json:"box"`
	Reason string `json:"reason"`
}

// handleReviewTalent confirms the recommended box (the same box) or
// overrides it (another box, with a reason); audited by the app.
func (s *server) handleReviewTalent() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in reviewInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Box == nil {
			return required("box", "kotak 9-box (box)")
		}
		row, err := s.app.ReviewPlacement(r.Context(), actor, r.PathValue("nip"), *in.Box, in.Reason)
		if err != nil {
			return withField(err, fixed("box"))
		}
		writeJSON(w, http.StatusOK, newPlacement(&row))
		return nil
	}
}

// personJSON names a holder or a successor; outside the caller's scope
// only the unit, position and retirement date are given (visible false).
type personJSON struct {
	Visible        bool    `json:"visible"`
	NIP            *string `json:"nip"`
	Name           *string `json:"name"`
	Position       string  `json:"position"`
	UnitCode       string  `json:"unit_code"`
	Unit           string  `json:"unit"`
	RetirementDate *string `json:"retirement_date"`
}

func newPerson(p app.PersonRef) personJSON {
	out := personJSON{Visible: p.Visible, Position: p.PositionTitle, UnitCode: p.UnitCode, Unit: p.UnitName}
	if p.Visible {
		out.NIP, out.Name = optional(p.NIP), optional(p.Name)
	}
	if !p.RetirementDate.IsZero() {
		d := date(p.RetirementDate)
		out.RetirementDate = &d
	}
	return out
}

type successorJSON struct {
	Rank      int        `json:"rank"`
	Person    personJSON `json:"person"`
	Box       int        `json:"box"`
	JPM       *float64   `json:"jpm"`
	Readiness string     `json:"readiness"`
}

type successionJSON struct {
	Position       positionJSON    `json:"position"`
	Holders        []personJSON    `json:"holders"`
	Vacant         bool            `json:"vacant"`
	HolderRetiring bool            `json:"holder_retiring"`
	Eligible       int             `json:"eligible"`
	Successors     []successorJSON `json:"successors"`
}

// handleSuccession lists the key positions of a unit (?unit=, default the
// caller's agency or the city) with their ranked successors.
func (s *server) handleSuccession() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		unit, err := unitParam(r.URL.Query())
		if err != nil {
			return err
		}
		lists, err := s.app.Succession(r.Context(), actor, unit)
		if err != nil {
			return err
		}
		out := make([]successionJSON, 0, len(lists))
		for _, l := range lists {
			sj := successionJSON{Position: newPosition(l.Position), Holders: make([]personJSON, 0, len(l.Holders)), Vacant: l.Vacant,
				HolderRetiring: l.HolderRetiring, Eligible: l.Eligible, Successors: make([]successorJSON, 0, len(l.Successors))}
			for _, h := range l.Holders {
				sj.Holders = append(sj.Holders, newPerson(h))
			}
			for _, c := range l.Successors {
				sc := successorJSON{Rank: c.Rank, Person: newPerson(c.Person), Box: int(c.Box), Readiness: string(c.Readiness)}
				if c.HasJPM {
					j := math.Round(c.JPM*100) / 100
					sc.JPM = &j
				}
				sj.Successors = append(sj.Successors, sc)
			}
			out = append(out, sj)
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}
