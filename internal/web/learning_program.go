package web

import (
	"net/http"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// programPage is a program of the catalogue: what it is, who may take it,
// which of the reader's own gaps it would close, and its events.
type programPage struct {
	D         app.ProgramDetail
	Upcoming  []eventRow
	Past      []eventRow
	Kinds     []string // eligible position kinds ("" : all)
	EditURL   string   // "" unless the viewer manages it and the page exists
	EvalURL   string
	Cost      string
	Fixed     string
	MinShare  string
	PassScore string
}

// eventRow is an event as a program page lists it.
type eventRow struct {
	store.EventRow
	URL       string
	Dates     string
	SeatsLeft int
	Open      bool // registration open today
}

func (s *server) eventRowOf(ev store.EventRow, lang string) eventRow {
	return eventRow{EventRow: ev, URL: eventURL(ev.Code), Dates: dateRange(ev.StartsOn, ev.EndsOn, lang),
		SeatsLeft: max(0, ev.Capacity-ev.Seated), Open: ev.RegistrationOpen(s.app.Today())}
}

func (s *server) handleProgram() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		code, ok := codeParam(r)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		d, err := s.app.ProgramDetail(ctx, actor, code)
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		p := &programPage{D: d, Cost: "Rp " + formatInt(int(d.CostPerParticipant), lang), Fixed: "Rp " + formatInt(int(d.FixedCostPerEvent), lang),
			MinShare:  formatDecimal(d.MinAttendance*100, 0, lang) + "%",
			PassScore: formatDecimal(d.PassScore, 1, lang)}
		for _, k := range d.EligibleKinds {
			p.Kinds = append(p.Kinds, string(k))
		}
		today := s.app.Today()
		for _, ev := range d.Events {
			row := s.eventRowOf(ev, lang)
			if ev.Status == learning.EventFinished || ev.Status == learning.EventCancelled || ev.EndsOn.Before(today) {
				p.Past = append(p.Past, row)
			} else {
				p.Upcoming = append(p.Upcoming, row)
			}
		}
		if d.CanManage && s.hasRoute("GET /learning/programs/{code}/edit") {
			p.EditURL = programURL(d.Code) + "/edit"
		}
		if actor.Can(app.PermEvaluationReport) && s.hasRoute("GET /learning/programs/{code}/evaluation") {
			p.EvalURL = programURL(d.Code) + "/evaluation"
		}
		s.render(w, r, http.StatusOK, "learning_program", &view{Nav: "learning", Data: p, Crumbs: []crumb{
			{Label: s.i18n.translate(lang, "learning.catalogue.title"), URL: "/learning"}, {Label: d.Title}}})
	})
}
