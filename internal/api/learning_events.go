package api

import (
	"net/http"

	"asah/internal/app"
	"asah/internal/store"
)

// This file serves events (angkatan): the list, one event with its
// sessions and the caller's own enrollment, their creation, changes and
// status by BKPSDM or the program's own mitra, and inviting the nominees.

type eventJSON struct {
	Code               string  `json:"code"`
	Title              string  `json:"title"`
	Program            string  `json:"program"`
	ProgramTitle       string  `json:"program_title"`
	JP                 int     `json:"jp"`
	Provider           string  `json:"provider"`
	ProviderName       string  `json:"provider_name"`
	StartsOn           string  `json:"starts_on"`
	EndsOn             string  `json:"ends_on"`
	Place              string  `json:"place"`
	OnlineURL          *string `json:"online_url"`
	Capacity           int     `json:"capacity"`
	RegistrationOpens  *string `json:"registration_opens"`
	RegistrationCloses *string `json:"registration_closes"`
	Status             string  `json:"status"`
	Seated             int     `json:"seated"`
	Free               int     `json:"free"`
	Waitlisted         int     `json:"waitlisted"`
	Pending            int     `json:"pending"`
}

func newEvent(ev store.EventRow) eventJSON {
	return eventJSON{Code: ev.Code, Title: ev.Title, Program: ev.ProgramCode, ProgramTitle: ev.ProgramTitle, JP: ev.JP,
		Provider: ev.ProviderCode, ProviderName: ev.ProviderName, StartsOn: date(ev.StartsOn), EndsOn: date(ev.EndsOn),
		Place: ev.Place, OnlineURL: optional(ev.OnlineURL), Capacity: ev.Capacity, RegistrationOpens: civilDate(ev.RegistrationOpens),
		RegistrationCloses: civilDate(ev.RegistrationCloses), Status: string(ev.Status), Seated: ev.Seated, Free: ev.Free(),
		Waitlisted: ev.Waitlisted, Pending: ev.Pending}
}

type sessionJSON struct {
	Seq      int    `json:"seq"`
	StartsAt string `json:"starts_at"`
	EndsAt   string `json:"ends_at"`
	Topic    string `json:"topic"`
}

type quotaJSON struct {
	Unit  string `json:"unit"`
	Quota int    `json:"quota"`
}

type eventDetailJSON struct {
	eventJSON
	Sessions         []sessionJSON   `json:"sessions"`
	Quotas           []quotaJSON     `json:"quotas"`
	RegistrationOpen bool            `json:"registration_open"`
	CanManage        bool            `json:"can_manage"`
	Mine             *enrollmentJSON `json:"mine"`
}

func newEventDetail(v app.EventView) eventDetailJSON {
	out := eventDetailJSON{eventJSON: newEvent(v.EventRow), Sessions: []sessionJSON{}, Quotas: []quotaJSON{},
		RegistrationOpen: v.RegistrationOpen, CanManage: v.CanManage}
	for _, x := range v.Sessions {
		out.Sessions = append(out.Sessions, sessionJSON{Seq: x.Seq, StartsAt: localTime(x.StartsAt), EndsAt: localTime(x.EndsAt), Topic: x.Topic})
	}
	for _, q := range v.Quotas {
		out.Quotas = append(out.Quotas, quotaJSON{Unit: q.UnitCode, Quota: q.Quota})
	}
	if v.Mine != nil {
		m := newEnrollment(*v.Mine, true)
		out.Mine = &m
	}
	return out
}

// handleEvents lists the events the caller may see, by start date.
func (s *server) handleEvents() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		qs := r.URL.Query()
		var q app.EventQuery
		for _, p := range []struct {
			name string
			dst  *string
		}{{"program", &q.Program}, {"provider", &q.Provider}, {"from", &q.From}, {"to", &q.To}, {"status", &q.Status}} {
			v, err := textParam(qs, p.name)
			if err != nil {
				return err
			}
			*p.dst = v
		}
		evs, err := s.app.Events(r.Context(), actor, q)
		if err != nil {
			return err
		}
		out := make([]eventJSON, 0, len(evs))
		for _, ev := range evs {
			out = append(out, newEvent(ev))
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}

// handleEvent returns one event with its sessions and the caller's own
// enrollment.
func (s *server) handleEvent() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		v, err := s.app.Event(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newEventDetail(v))
		return nil
	}
}

type sessionInput struct {
	StartsAt string `json:"starts_at"`
	EndsAt   string `json:"ends_at"`
	Topic    string `json:"topic"`
}

type quotaInput struct {
	Unit  string `json:"unit"`
	Quota int    `json:"quota"`
}

type eventInput struct {
	Program            string         `json:"program"`
	Code               string         `json:"code"`
	Title              string         `json:"title"`
	StartsOn           string         `json:"starts_on"`
	EndsOn             string         `json:"ends_on"`
	Place              string         `json:"place"`
	OnlineURL          string         `json:"online_url"`
	Capacity           int            `json:"capacity"`
	RegistrationOpens  string         `json:"registration_opens"`
	RegistrationCloses string         `json:"registration_closes"`
	Sessions           []sessionInput `json:"sessions"`
	Quotas             []quotaInput   `json:"quotas"`
}

func (in eventInput) input() app.EventInput {
	out := app.EventInput{Program: in.Program, Code: in.Code, Title: in.Title, StartsOn: in.StartsOn, EndsOn: in.EndsOn,
		Place: in.Place, OnlineURL: in.OnlineURL, Capacity: in.Capacity, RegistrationOpens: in.RegistrationOpens,
		RegistrationCloses: in.RegistrationCloses}
	for _, x := range in.Sessions {
		out.Sessions = append(out.Sessions, app.SessionInput{StartsAt: x.StartsAt, EndsAt: x.EndsAt, Topic: x.Topic})
	}
	for _, q := range in.Quotas {
		out.Quotas = append(out.Quotas, app.QuotaInput{Unit: q.Unit, Quota: q.Quota})
	}
	return out
}

// eventHandler decodes an event and answers the event a step made of it.
func (s *server) eventHandler(status int, step func(r *http.Request, actor app.Actor, in app.EventInput) (app.EventView, error)) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in eventInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		v, err := step(r, actor, in.input())
		if err != nil {
			return err
		}
		writeJSON(w, status, newEventDetail(v))
		return nil
	}
}

// handleCreateEvent adds a draft event to a program.
func (s *server) handleCreateEvent() apiHandler {
	return s.eventHandler(http.StatusCreated, func(r *http.Request, actor app.Actor, in app.EventInput) (app.EventView, error) {
		return s.app.CreateEvent(r.Context(), actor, in)
	})
}

// handleUpdateEvent replaces an event's dates, place, capacity, window,
// sessions and quotas (its program stays).
func (s *server) handleUpdateEvent() apiHandler {
	return s.eventHandler(http.StatusOK, func(r *http.Request, actor app.Actor, in app.EventInput) (app.EventView, error) {
		return s.app.UpdateEvent(r.Context(), actor, r.PathValue("code"), in)
	})
}

type eventStatusInput struct {
	Status string `json:"status"`
}

// handleEventStatus moves an event along its life cycle; a move the cycle
// does not allow is 409.
func (s *server) handleEventStatus() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in eventStatusInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Status == "" {
			return required("status", "status angkatan")
		}
		v, err := s.app.SetEventStatus(r.Context(), actor, r.PathValue("code"), in.Status)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newEventDetail(v))
		return nil
	}
}

type invitationsJSON struct {
	Invited    int `json:"invited"`
	Waitlisted int `json:"waitlisted"`
}

// handleInviteNominees invites an event's nominees in nomination order
// until the seats run out; the rest join the waitlist.
func (s *server) handleInviteNominees() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		sum, err := s.app.InviteNominees(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, invitationsJSON{Invited: sum.Invited, Waitlisted: sum.Waitlisted})
		return nil
	}
}
