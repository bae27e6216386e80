package web

import (
	"bytes"
	"net/http"
	"net/url"

	"asah/internal/app"
)

// Calendars: an event's sessions as one .ics file, and each employee's
// secret feed URL for a calendar application. The feed's token is the
// only secret: it is shown once, when it is made, and never written to a
// log (errors name the route pattern, not the URL).

const icsType = "text/calendar; charset=utf-8"

func (s *server) handleEventICS() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, _ := actorFrom(r.Context())
		code, ok := codeParam(r)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		var buf bytes.Buffer
		if err := s.app.EventICS(r.Context(), actor, code, &buf); err != nil {
			s.appError(w, r, err, "")
			return
		}
		h := w.Header()
		h.Set("Content-Type", icsType)
		h.Set("Content-Disposition", `attachment; filename="`+code+`.ics"`)
		h.Set("Cache-Control", "no-store")
		buf.WriteTo(w)
	})
}

// handleCalendarFeed serves a feed to a calendar application: no login,
// no cookie, no cache; an unknown or retired token is not found.
func (s *server) handleCalendarFeed() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		var buf bytes.Buffer
		if err := s.app.CalendarFeed(r.Context(), r.PathValue("token"), &buf); err != nil {
			if app.ErrorCode(err) == app.CodeNotFound {
				http.Error(w, http.StatusText(http.StatusNotFound), http.StatusNotFound)
				return
			}
			s.serverError(w, r, err)
			return
		}
		h := w.Header()
		h.Set("Content-Type", icsType)
		h.Set("X-Robots-Tag", "noindex, nofollow")
		buf.WriteTo(w)
	})
}

// calendarPage shows a new feed URL, once.
type calendarPage struct {
	URL string
}

// handleCalendarToken makes a new feed token (retiring the old one) and
// answers with the page that shows its URL: the only time it is shown.
// It is not put in the session or a redirect, so it is stored nowhere
// but in the reader's browser.
func (s *server) handleCalendarToken() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		actor, _ := actorFrom(r.Context())
		tok, err := s.app.RotateCalendarToken(r.Context(), actor)
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		lang := requestLang(r)
		s.render(w, r, http.StatusOK, "learning_calendar", &view{Nav: "learning_mine", Data: calendarPage{URL: s.publicBase(r) + "/kalender/" + url.PathEscape(tok)},
			Crumbs: []crumb{{Label: s.i18n.translate(lang, "learning.mine.title"), URL: "/learning/mine"}, {Label: s.i18n.translate(lang, "learning.calendar.title")}}})
	})
}
