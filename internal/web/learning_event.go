package web

import (
	"net/http"
	"strconv"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// eventPage is one event (angkatan): its sessions, place, seats and
// registration window, the reader's own enrollment with what they may do
// now, and, for supervisors and admins, the nomination form and the
// participants in their scope.
type eventPage struct {
	V          app.EventView
	ProgramURL string
	Dates      string
	Sessions   []sessionRow
	SeatsLeft  int
	RegOpens   string // "" : no bound
	RegCloses  string
	ICS        string
	ManageURL  string

	Mine    *store.EnrollmentRow
	Can     mineActions
	HasSelf bool // the reader has an employee record (may register)
	// IDPItems are the reader's development plan items the event may serve
	// (offered in the register form); IDPItem is the chosen one ("" none).
	IDPItems []app.IDPItemOption
	IDPItem  string

	// Nomination: a select of the team, or a NIP field (admins, large teams).
	CanNominate bool
	Candidates  []nominee
	ByNIP       bool
	Team        []teamRow

	// Forms: the messages and what was entered.
	Errors map[string]formErrors
	Reason string
	NIP    string
	Invite bool
}

type sessionRow struct {
	Seq   int
	When  string
	Topic string
}

// mineActions are the steps the reader may take on their own enrollment.
type mineActions struct {
	Register, Accept, Decline, Cancel bool
	SurveyURL, CertURL                string
}

type nominee struct {
	NIP, Name, Position string
}

// teamRow is a participant in the reader's scope.
type teamRow struct {
	Person personCell
	State  learning.State
	Rank   int
}

func (s *server) handleEvent() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.eventLoad(w, r, "")
		if !ok {
			return
		}
		s.eventRender(w, r, http.StatusOK, p)
	})
}

// eventLoad reads the event of the URL (or code, when given) for the page.
func (s *server) eventLoad(w http.ResponseWriter, r *http.Request, code string) (*eventPage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	lang := requestLang(r)
	if code == "" {
		var ok bool
		if code, ok = codeParam(r); !ok {
			s.notFound(w, r, "")
			return nil, false
		}
	}
	v, err := s.app.Event(ctx, actor, code)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	ev := v.EventRow
	p := &eventPage{V: v, ProgramURL: programURL(ev.ProgramCode), Dates: dateRange(ev.StartsOn, ev.EndsOn, lang),
		SeatsLeft: max(0, ev.Capacity-ev.Seated), ICS: eventURL(ev.Code) + "/calendar.ics", Mine: v.Mine,
		HasSelf: actor.EmployeeID != 0, Errors: map[string]formErrors{}, Invite: true}
	for _, x := range ev.Sessions {
		p.Sessions = append(p.Sessions, sessionRow{Seq: x.Seq, When: sessionTime(x.StartsAt, x.EndsAt, lang), Topic: x.Topic})
	}
	if !ev.RegistrationOpens.IsZero() {
		p.RegOpens = formatDate(ev.RegistrationOpens, lang)
	}
	if !ev.RegistrationCloses.IsZero() {
		p.RegCloses = formatDate(ev.RegistrationCloses, lang)
	}
	if v.CanManage && s.hasRoute("GET /learning/events/{code}/manage") {
		p.ManageURL = eventURL(ev.Code) + "/manage"
	}
	p.Can = mineActionsOf(actor, v)
	if p.Can.Register && actor.Can(app.PermIDPRead) {
		if p.IDPItems, err = s.app.EventIDPItems(ctx, actor, ev.Code); err != nil {
			s.appError(w, r, err, "")
			return nil, false
		}
		if len(p.IDPItems) > 0 {
			p.IDPItem = strconv.FormatInt(p.IDPItems[0].ID, 10)
		}
	}
	if actor.Can(app.PermEnrollNominate) && ev.Nominations() && actor.Role != app.RoleMitra {
		p.CanNominate = true
		cands, more, err := s.app.NominationCandidates(ctx, actor)
		if err != nil {
			s.appError(w, r, err, "")
			return nil, false
		}
		for _, e := range cands {
			p.Candidates = append(p.Candidates, nominee{NIP: e.NIP, Name: displayName(e.Employee), Position: e.PositionTitle})
		}
		p.ByNIP = more || actor.Role == app.RoleAdminBKPSDM || actor.Role == app.RoleAdminOPD
		p.CanNominate = len(p.Candidates) > 0 || p.ByNIP
	}
	if actor.Can(app.PermEnrollNominate) && actor.Role != app.RoleMitra {
		list, err := s.app.Participants(ctx, actor, ev.Code)
		if err != nil {
			s.appError(w, r, err, "")
			return nil, false
		}
		for _, x := range list.Participants {
			if x.EmployeeID == actor.EmployeeID || !x.State.Live() {
				continue
			}
			p.Team = append(p.Team, teamRow{Person: s.personOf(r, actor, x.EmployeeID, x.NIP, x.Name), State: x.State, Rank: x.WaitlistRank})
			if len(p.Team) == maxTeamRows {
				break
			}
		}
	}
	return p, true
}

// maxTeamRows bounds the participants an event page lists (the event's
// own page for its managers lists them all).
const maxTeamRows = 200

// mineActionsOf decides which steps the page offers on the reader's own
// enrollment; the use cases decide again when a step is posted.
func mineActionsOf(actor app.Actor, v app.EventView) mineActions {
	var c mineActions
	ev := v.EventRow
	if v.Mine == nil {
		c.Register = v.RegistrationOpen && actor.EmployeeID != 0 && actor.Can(app.PermEnrollSelf)
		return c
	}
	st := v.Mine.State
	before := ev.Nominations()
	self := actor.Can(app.PermEnrollSelf)
	c.Accept = self && before && st == learning.StateInvited
	c.Decline = self && before && (st == learning.StateInvited || st == learning.StateNominated || st == learning.StateWaitlisted)
	c.Cancel = self && before && (st == learning.StatePendingApproval || st == learning.StateAccepted ||
		(st == learning.StateWaitlisted && v.Mine.Source == learning.SourceSelf))
	switch st {
	case learning.StateAttended, learning.StateCompleted, learning.StateNotCompleted:
		if actor.Can(app.PermEvaluationWrite) {
			c.SurveyURL = eventURL(ev.Code) + "/survey"
		}
	}
	if st == learning.StateCompleted && actor.Can(app.PermCertificateRead) {
		c.CertURL = enrollmentURL(v.Mine.ID) + "/certificate.pdf"
	}
	return c
}

func (s *server) eventRender(w http.ResponseWriter, r *http.Request, status int, p *eventPage) {
	lang := requestLang(r)
	s.render(w, r, status, "learning_event", &view{Nav: "learning", Data: p, Crumbs: []crumb{
		{Label: s.i18n.translate(lang, "learning.catalogue.title"), URL: "/learning"},
		{Label: p.V.ProgramTitle, URL: p.ProgramURL}, {Label: p.V.Title}}})
}
