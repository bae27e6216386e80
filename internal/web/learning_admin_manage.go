package web

import (
	"net/http"
	"slices"
	"strconv"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/people"
	"asah/internal/store"
)

// The management page of an event (angkatan): its participants by state,
// the invitation of nominees, the status, the event's own form, the way to
// attendance and the completion of the event, and the revocation of a
// participant's certificate.

// ladmStateOrder is the order of the participant groups: those who need a
// decision first, then the seated, then the outcomes, then the withdrawn.
var ladmStateOrder = []learning.State{learning.StatePendingApproval, learning.StateNominated, learning.StateInvited,
	learning.StateAccepted, learning.StateWaitlisted, learning.StateAttended, learning.StateCompleted,
	learning.StateNotCompleted, learning.StateNoShow, learning.StateDeclined, learning.StateCancelled}

// ladmManagePage is the management page.
type ladmManagePage struct {
	V          app.EventView
	Dates      string
	Seats      string
	Sessions   []ladmSessionLine
	Groups     []ladmGroup
	Total      int
	Nominated  int
	CanRecord  bool
	CanRevoke  bool
	ShowNIP    bool
	Statuses   []learning.EventStatus // the statuses it may move to
	CanEdit    bool
	Form       ladmEventForm
	Errors     map[string]formErrors // by form: save, status, invite, complete, revoke
	RevokeID   int64                 // the participant whose revocation failed
	Reason     string
	Summary    *app.CompletionSummary
	EditURL    string // the program's form ("" unless the viewer manages it)
	PageURL    string // the event's own page ("" when not served)
	AttendURL  string
	EvalURL    string
	ActionURL  string
	CompleteTo string
}

// ladmSessionLine is a session as the page lists it.
type ladmSessionLine struct {
	Seq   int
	When  string
	Topic string
}

// ladmGroup is the participants in one state.
type ladmGroup struct {
	State learning.State
	Rows  []ladmParticipant
}

// ladmParticipant is one participant as the page shows them.
type ladmParticipant struct {
	ID         int64
	N          int
	Name, NIP  string
	Unit       string
	Attended   string // "2 / 3"
	Pre, Post  string
	Rank       int
	Reason     string
	Cert       string // certificate number ("" when none)
	CertRevoke bool   // revoked
}

// ladmManageLoad reads the event and its participants for the actor; ok
// is false when the error page was sent.
func (s *server) ladmManageLoad(w http.ResponseWriter, r *http.Request, code string) (*ladmManagePage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	lang := requestLang(r)
	v, err := s.app.Event(ctx, actor, code)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	pl, err := s.app.Participants(ctx, actor, code)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	certs, err := s.app.EventCertificates(ctx, actor, code)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	ev := v.EventRow
	p := &ladmManagePage{V: v, Dates: ladmDates(ev.StartsOn, ev.EndsOn, lang),
		Seats:     formatInt(ev.Seated, lang) + " / " + formatInt(ev.Capacity, lang),
		CanRecord: pl.CanRecord, CanRevoke: actor.Can(app.PermCertificateAdmin), ShowNIP: actor.Can(app.PermEmployeeRead),
		CanEdit: v.CanManage && ev.Status != learning.EventFinished && ev.Status != learning.EventCancelled,
		Errors:  map[string]formErrors{}, AttendURL: ladmAttendURL(ev.Code), ActionURL: ladmEventURL(ev.Code),
		CompleteTo: ladmEventURL(ev.Code) + "/complete", Form: ladmEventFormOf(ev)}
	if v.CanManage {
		p.EditURL = ladmProgramEditURL(ev.ProgramCode)
		for _, to := range learning.EventStatuses {
			if learning.NextEventStatus(ev.Status, to) == nil {
				p.Statuses = append(p.Statuses, to)
			}
		}
	}
	if actor.Can(app.PermEvaluationReport) {
		p.EvalURL = ladmProgramEvalURL(ev.ProgramCode)
	}
	if s.ladmServed(actor, "GET /learning/events/{code}") {
		p.PageURL = ladmEventURL(ev.Code)
	}
	for _, x := range ev.Sessions {
		p.Sessions = append(p.Sessions, ladmSessionLine{Seq: x.Seq, When: sessionTime(x.StartsAt, x.EndsAt, lang), Topic: x.Topic})
	}
	by := map[learning.State][]ladmParticipant{}
	for _, e := range pl.Participants {
		row := ladmParticipant{ID: e.ID, Name: e.Name, Unit: e.UnitName, Rank: e.WaitlistRank, Reason: e.Reason,
			Attended: formatInt(e.EnrollmentRow.Present, lang) + " / " + formatInt(e.Sessions, lang), Pre: ladmScore(e.PreScore, lang),
			Post: ladmScore(e.PostScore, lang)}
		if p.ShowNIP {
			row.NIP = shownNIP(actor, store.EmployeeRow{Employee: people.Employee{ID: e.EmployeeID, NIP: e.NIP}})
		}
		if c, ok := certs[e.ID]; ok {
			row.Cert, row.CertRevoke = c.Number, c.Revoked()
		}
		by[e.State] = append(by[e.State], row)
		if e.State == learning.StateNominated {
			p.Nominated++
		}
	}
	for _, st := range ladmStateOrder {
		rows := by[st]
		if len(rows) == 0 {
			continue
		}
		if st == learning.StateWaitlisted {
			slices.SortStableFunc(rows, func(a, b ladmParticipant) int { return a.Rank - b.Rank })
		}
		for i := range rows {
			rows[i].N = i + 1
		}
		p.Groups = append(p.Groups, ladmGroup{State: st, Rows: rows})
		p.Total += len(rows)
	}
	return p, true
}

// revocable reports whether the page offers to revoke a participant's
// certificate.
func (p *ladmManagePage) revocable(id int64) bool {
	for _, g := range p.Groups {
		for _, x := range g.Rows {
			if x.ID == id {
				return p.CanRevoke && x.Cert != "" && !x.CertRevoke
			}
		}
	}
	return false
}

// ladmScore writes a test score ("–" when none).
func ladmScore(v *float64, lang string) string {
	if v == nil {
		return ""
	}
	return formatDecimal(*v, 1, lang)
}

func (s *server) ladmManageRender(w http.ResponseWriter, r *http.Request, status int, p *ladmManagePage) {
	tr := s.ladmTr(r)
	p.Form.pad()
	crumbs := []crumb{{Label: tr("ladm.programs")}}
	if p.EditURL != "" {
		crumbs = append(crumbs, crumb{Label: p.V.ProgramCode, URL: p.EditURL})
	} else {
		crumbs = append(crumbs, crumb{Label: p.V.ProgramCode})
	}
	crumbs = append(crumbs, crumb{Label: p.V.Code})
	s.render(w, r, status, "learning_admin_manage", &view{Nav: "learning_admin", Crumbs: crumbs, Data: p})
}

func (s *server) ladmManage() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.ladmManageLoad(w, r, r.PathValue("code"))
		if !ok {
			return
		}
		s.ladmManageRender(w, r, http.StatusOK, p)
	})
}

// ladmEventPost saves the event's form (action save), changes its status
// (status) or invites its nominees (invite).
func (s *server) ladmEventPost() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		code := r.PathValue("code")
		action := r.PostForm.Get("action")
		var (
			v    app.EventView
			err  error
			own  = formErrors{}
			form ladmEventForm
		)
		switch action {
		case "save":
			var in app.EventInput
			form, in, own = ladmReadEventForm(r, s.ladmTr(r))
			v, err = s.app.UpdateEvent(ctx, actor, code, in)
			if err == nil && len(own) > 0 {
				err = &app.Error{Code: app.CodeInvalid, Message: "input"}
			}
		case "status":
			v, err = s.app.SetEventStatus(ctx, actor, code, r.PostForm.Get("status"))
		case "invite":
			_, err = s.app.InviteNominees(ctx, actor, code)
			v.Code = code
		default:
			s.notFound(w, r, "")
			return
		}
		if err != nil {
			formName := action
			if action == "save" {
				formName = "event" // the same fields as a new event's
			}
			fe, status, ok := s.ladmFormErrors(r, err, formName, own)
			if !ok {
				s.appError(w, r, err, "")
				return
			}
			p, ok := s.ladmManageLoad(w, r, code)
			if !ok {
				return
			}
			p.Errors[action] = fe
			if action == "save" {
				form.Errors = fe
				p.Form = form
			}
			s.ladmManageRender(w, r, status, p)
			return
		}
		s.flash(r, "ladm.done."+action)
		http.Redirect(w, r, ladmManageURL(v.Code), http.StatusSeeOther)
	})
}

// ladmComplete completes the event (the attendance rule and, where the
// program asks for it, the post-test) and shows the outcome on the page.
func (s *server) ladmComplete() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		code := r.PathValue("code")
		sum, err := s.app.CompleteEvent(ctx, actor, code)
		status := http.StatusOK
		var fe formErrors
		if err != nil {
			var ok bool
			if fe, status, ok = s.ladmFormErrors(r, err, "complete", nil); !ok {
				s.appError(w, r, err, "")
				return
			}
		}
		p, ok := s.ladmManageLoad(w, r, code)
		if !ok {
			return
		}
		if fe != nil {
			p.Errors["complete"] = fe
		} else {
			p.Summary = &sum
		}
		s.ladmManageRender(w, r, status, p)
	})
}

// ladmRevoke revokes a participant's certificate with a reason.
func (s *server) ladmRevoke() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		id, ok := idParam(r)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		reason := r.PostForm.Get("reason")
		_, e, err := s.app.RevokeEnrollmentCertificate(ctx, actor, id, reason)
		if err != nil {
			fe, status, ok := s.ladmFormErrors(r, err, "revoke", nil)
			if !ok || e.EventCode == "" {
				s.appError(w, r, err, "")
				return
			}
			p, ok := s.ladmManageLoad(w, r, e.EventCode)
			if !ok {
				return
			}
			p.Errors["revoke"], p.RevokeID, p.Reason = fe, id, reason
			if !p.revocable(id) {
				// No form to show the message next to: show it above.
				p.Errors["revoke_other"] = fe
			}
			s.ladmManageRender(w, r, status, p)
			return
		}
		s.flash(r, "ladm.done.revoke")
		http.Redirect(w, r, ladmManageURL(e.EventCode)+"#p-"+strconv.FormatInt(id, 10), http.StatusSeeOther)
	})
}
