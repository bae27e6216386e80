package web

import (
	"html/template"
	"net/http"
	"net/url"
	"time"

	"asah/internal/app"
	"asah/internal/people"
	"asah/internal/store"
	"asah/internal/talent"
)

// successionPage lists the key positions of a unit (or the city) with their
// holders and ranked successors from the succession pool (boxes 7–9).
type successionPage struct {
	Unit        string
	UnitOptions template.HTML
	Retiring    bool // only positions whose holder retires soon
	Positions   []succPosition
	Pager       pager
	Total       int // key positions of the selection
	Flagged     int // of which a holder retires within the horizon
	Vacant      int
	Months      int // the retirement horizon
	ReadyNow    float64
	ReadySoon   float64
}

// succPosition is one key position.
type succPosition struct {
	ID         string // anchor
	Title      string
	Kind       people.PositionKind
	UnitName   string
	Holders    []succPerson
	Vacant     bool
	Retiring   bool
	Successors []succCandidate
	Eligible   int
}

// succPerson is a holder or candidate; outside the viewer's scope only the
// unit, position and dates are shown.
type succPerson struct {
	Visible    bool
	Name, URL  string
	Position   string
	Unit       string
	Retirement time.Time
	Soon       bool // retires within the horizon
}

// succCandidate is a ranked successor.
type succCandidate struct {
	succPerson
	S talent.Successor
}

// positionsPerPage bounds the key positions on one page.
const positionsPerPage = 15

func (s *server) handleSuccession() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		unit := unitParam(r)
		lists, err := s.app.Succession(ctx, actor, unit)
		if err != nil {
			s.appError(w, r, err, "unit")
			return
		}
		pol, err := s.app.TalentPolicy(ctx)
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		p := successionPage{Unit: unit, Retiring: r.URL.Query().Get("retiring") == "1", Months: pol.RetirementMonths,
			ReadyNow: pol.ReadyNowFrom, ReadySoon: pol.ReadySoonFrom}
		if choices, err := s.app.UnitChoices(ctx, actor); err == nil && len(choices) > 0 {
			chosen := unit
			if chosen == "" {
				chosen = app.ScopeOf(actor).UnitCode
			}
			p.UnitOptions = unitOptionsHTML(choices, chosen)
		}
		horizon := s.app.Today().AddDate(0, pol.RetirementMonths, 0)
		person := func(ref app.PersonRef) succPerson {
			sp := succPerson{Visible: ref.Visible, Name: ref.Name, Position: ref.PositionTitle, Unit: ref.UnitName,
				Retirement: ref.RetirementDate, Soon: !ref.RetirementDate.IsZero() && ref.RetirementDate.Before(horizon)}
			if ref.Visible && ref.NIP != "" {
				var e store.EmployeeRow
				e.ID, e.NIP = ref.EmployeeID, ref.NIP
				sp.URL = s.employeeURL(r, actor, e)
			}
			return sp
		}
		var shown []app.SuccessionView
		for _, l := range lists {
			if l.HolderRetiring {
				p.Flagged++
			}
			if l.Vacant {
				p.Vacant++
			}
			if !p.Retiring || l.HolderRetiring {
				shown = append(shown, l)
			}
		}
		p.Total = len(lists)
		base := url.Values{}
		if unit != "" {
			base.Set("unit", unit)
		}
		if p.Retiring {
			base.Set("retiring", "1")
		}
		p.Pager = paginate(r, "/succession", base, len(shown), positionsPerPage)
		if len(shown) > 0 {
			for _, l := range shown[p.Pager.From-1 : p.Pager.To] {
				sp := succPosition{ID: "pos-" + l.Position.Code, Title: l.Position.Title, Kind: l.Position.Kind, UnitName: l.Position.UnitName,
					Vacant: l.Vacant, Retiring: l.HolderRetiring, Eligible: l.Eligible}
				for _, h := range l.Holders {
					sp.Holders = append(sp.Holders, person(h))
				}
				for _, c := range l.Successors {
					sp.Successors = append(sp.Successors, succCandidate{succPerson: person(c.Person), S: c.Successor})
				}
				p.Positions = append(p.Positions, sp)
			}
		}
		lang := requestLang(r)
		s.render(w, r, http.StatusOK, "succession", &view{Nav: "succession",
			Crumbs: []crumb{{Label: s.i18n.translate(lang, "nav.succession")}}, Data: p})
	})
}
