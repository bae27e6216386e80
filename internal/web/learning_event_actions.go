package web

import (
	"net/http"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// eventAction handles the forms of an event page that create an
// enrollment: registering oneself and nominating a team member. On success
// the event page again (Post/Redirect/Get) with a note; when refused, the
// page with the message beside the form and nothing changed.
func (s *server) eventAction(kind string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		code, ok := codeParam(r)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		var err error
		flash := "learning.done." + kind
		switch kind {
		case "register":
			item, ok, ierr := s.offeredIDPItem(r, actor, code)
			if ierr != nil {
				s.appError(w, r, ierr, "")
				return
			}
			if !ok {
				p, ok := s.eventLoad(w, r, code)
				if !ok {
					return
				}
				p.Errors[kind] = formErrors{"idp_item": s.i18n.translate(lang, "learning.err.register.idp_item")}
				p.IDPItem = r.PostFormValue("idp_item")
				s.eventRender(w, r, http.StatusUnprocessableEntity, p)
				return
			}
			_, err = s.app.RegisterSelf(ctx, actor, code, item)
		case "nominate":
			var row store.EnrollmentRow
			row, err = s.app.Nominate(ctx, actor, app.NominationInput{Event: code, NIP: trimmed(r, "nip"), Invite: r.PostFormValue("invite") == "1"})
			if err == nil && row.State == learning.StateWaitlisted {
				flash = "learning.done.nominate_waitlisted"
			}
		}
		if err == nil {
			s.flash(r, flash)
			anchor := "#mine"
			if kind == "nominate" {
				anchor = "#team"
			}
			http.Redirect(w, r, eventURL(code)+anchor, http.StatusSeeOther)
			return
		}
		fe, status, ok := s.appFormErrors(lang, err, "learning", kind)
		if !ok && kind == "nominate" && app.ErrorCode(err) == app.CodeNotFound {
			// The nominee is unknown or outside the scope (a missing event
			// is answered 404 below, when the page is read again).
			fe, status, ok = formErrors{"nip": s.i18n.translate(lang, "learning.err.nominate.nip")}, http.StatusUnprocessableEntity, true
		}
		if !ok {
			s.appError(w, r, err, "")
			return
		}
		p, ok := s.eventLoad(w, r, code)
		if !ok {
			return
		}
		p.Errors[kind] = fe
		if kind == "register" {
			p.IDPItem = r.PostFormValue("idp_item")
		}
		if kind == "nominate" {
			p.NIP, p.Invite = trimmed(r, "nip"), r.PostFormValue("invite") == "1"
		}
		s.eventRender(w, r, status, p)
	})
}

// offeredIDPItem reads the development plan item chosen in the register
// form: 0 when none was chosen; ok is false when the item is not one the
// event page offers the reader.
func (s *server) offeredIDPItem(r *http.Request, actor app.Actor, code string) (id int64, ok bool, err error) {
	v := strings.TrimSpace(r.PostFormValue("idp_item"))
	if v == "" || v == "0" {
		return 0, true, nil
	}
	id, perr := strconv.ParseInt(v, 10, 64)
	if perr != nil || id <= 0 || !actor.Can(app.PermIDPRead) {
		return 0, false, nil
	}
	items, err := s.app.EventIDPItems(r.Context(), actor, code)
	if err != nil {
		return 0, false, err
	}
	for _, it := range items {
		if it.ID == id {
			return id, true, nil
		}
	}
	return 0, false, nil
}

// enrollmentAction handles the reader's answer to an invitation (accept,
// or decline with a reason) and the cancellation of an enrollment, posted
// from the event page; the event page again either way.
func (s *server) enrollmentAction(kind string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		id, ok := idParam(r)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		reason := r.PostFormValue("reason")
		var row store.EnrollmentRow
		var err error
		flash := "learning.done." + kind
		fe := formErrors{}
		switch kind {
		case "respond":
			switch r.PostFormValue("decision") {
			case "accept", "decline":
				accept := r.PostFormValue("decision") == "accept"
				row, err = s.app.RespondInvitation(ctx, actor, id, accept, reason)
				flash = "learning.done." + r.PostFormValue("decision")
			default:
				fe["decision"] = s.i18n.translate(lang, "learning.err.respond.decision")
			}
		case "cancel":
			row, err = s.app.CancelEnrollment(ctx, actor, id, reason)
		}
		status := http.StatusUnprocessableEntity
		if err != nil {
			var ok bool
			if fe, status, ok = s.appFormErrors(lang, err, "learning", kind); !ok || row.EventCode == "" {
				s.appError(w, r, err, "")
				return
			}
		}
		if len(fe) == 0 {
			s.flash(r, flash)
			http.Redirect(w, r, eventURL(row.EventCode)+"#mine", http.StatusSeeOther)
			return
		}
		if row.EventCode == "" { // no decision given: find the event through the enrollment
			code, err := s.app.EnrollmentEventCode(ctx, actor, id)
			if err != nil {
				s.appError(w, r, err, "")
				return
			}
			row.EventCode = code
		}
		p, ok := s.eventLoad(w, r, row.EventCode)
		if !ok {
			return
		}
		p.Errors[kind], p.Reason = fe, reason
		s.eventRender(w, r, status, p)
	})
}
