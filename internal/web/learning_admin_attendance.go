package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/people"
	"asah/internal/store"
)

// The attendance page of an event: a grid of the seated participants ×
// the sessions, saved one session at a time (one transaction each), the
// pre- and post-test scores of each participant, and the no-show mark.

// ladmAttendPage is the attendance page.
type ladmAttendPage struct {
	V         app.EventView
	Dates     string
	Sessions  []ladmAttendSession
	Rows      []ladmAttendRow
	CanRecord bool
	ShowNIP   bool
	ManageURL string
	Action    string
	Errors    map[string]formErrors // "s<seq>" per session, "e<id>" per participant
	// Typed scores of a refused row, kept as typed.
	Typed map[int64][2]string
}

// ladmAttendSession is a column of the grid.
type ladmAttendSession struct {
	ID      int64
	Seq     int
	When    string // short: "20/11 08.00–12.00"
	Full    string
	Topic   string
	Started bool
	Form    string // the id of the session's form
	Present int
}

// ladmAttendRow is a participant's row.
type ladmAttendRow struct {
	ID        int64
	N         int
	Name, NIP string
	Unit      string
	State     learning.State
	Editable  bool // attendance may still change (accepted, attended, no-show)
	NoShow    bool // may be marked as a no-show (accepted, nothing recorded)
	Scores    bool // scores may be recorded
	Cells     []ladmAttendCell
	Pre, Post string
	Attended  string
}

// ladmAttendCell is one participant × session.
type ladmAttendCell struct {
	Form    string
	Present bool
	Marked  bool // a mark is recorded (present or absent)
	Open    bool // the checkbox may be used
}

// ladmGridStates are the participants the grid lists.
var ladmGridStates = []learning.State{learning.StateAccepted, learning.StateAttended, learning.StateNoShow,
	learning.StateCompleted, learning.StateNotCompleted}

func (s *server) ladmAttendLoad(w http.ResponseWriter, r *http.Request, code string) (*ladmAttendPage, bool) {
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
	ev := pl.Event
	now := s.app.Now()
	p := &ladmAttendPage{V: v, Dates: ladmDates(ev.StartsOn, ev.EndsOn, lang), CanRecord: pl.CanRecord,
		ShowNIP: actor.Can(app.PermEmployeeRead), ManageURL: ladmManageURL(ev.Code), Action: ladmAttendURL(ev.Code),
		Errors: map[string]formErrors{}, Typed: map[int64][2]string{}}
	for _, x := range ev.Sessions {
		p.Sessions = append(p.Sessions, ladmAttendSession{ID: x.ID, Seq: x.Seq, When: ladmShortSession(x.StartsAt, x.EndsAt, lang),
			Full:  sessionTime(x.StartsAt, x.EndsAt, lang),
			Topic: x.Topic, Started: !now.Before(x.StartsAt), Form: "att-s" + strconv.Itoa(x.Seq)})
	}
	for _, e := range pl.Participants {
		listed := false
		for _, st := range ladmGridStates {
			listed = listed || e.State == st
		}
		if !listed {
			continue
		}
		row := ladmAttendRow{ID: e.ID, N: len(p.Rows) + 1, Name: e.Name, Unit: e.UnitName, State: e.State,
			Pre: ladmPlain(e.PreScore), Post: ladmPlain(e.PostScore),
			Attended: formatInt(e.EnrollmentRow.Present, lang) + " / " + formatInt(e.Sessions, lang)}
		if p.ShowNIP {
			row.NIP = shownNIP(actor, store.EmployeeRow{Employee: people.Employee{ID: e.EmployeeID, NIP: e.NIP}})
		}
		row.Editable = p.CanRecord && (e.State == learning.StateAccepted || e.State == learning.StateAttended || e.State == learning.StateNoShow)
		row.Scores = p.CanRecord && (e.State == learning.StateAccepted || e.State == learning.StateAttended || e.State == learning.StateNotCompleted)
		for i, x := range p.Sessions {
			present, ok := e.Present[x.ID]
			if present {
				p.Sessions[i].Present++
			}
			row.Cells = append(row.Cells, ladmAttendCell{Form: x.Form, Present: present, Marked: ok, Open: row.Editable && x.Started})
		}
		row.NoShow = p.CanRecord && e.State == learning.StateAccepted && e.EnrollmentRow.Present == 0
		p.Rows = append(p.Rows, row)
	}
	return p, true
}

// ladmShortSession writes a session's day and times compactly for a
// column head: "20/11 08.00–12.00" (WIB).
func ladmShortSession(start, end time.Time, lang string) string {
	a, b := start.In(ladmWIB), end.In(ladmWIB)
	layout := "15.04"
	if lang == "en" {
		layout = "15:04"
	}
	return a.Format("02/01") + " " + a.Format(layout) + "–" + b.Format(layout)
}

// ladmPlain writes a score for an input field ("" when none).
func ladmPlain(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', -1, 64)
}

func (s *server) ladmAttendRender(w http.ResponseWriter, r *http.Request, status int, p *ladmAttendPage) {
	tr := s.ladmTr(r)
	crumbs := []crumb{{Label: tr("ladm.programs")}, {Label: p.V.Code, URL: p.ManageURL}, {Label: tr("ladm.att.title")}}
	s.render(w, r, status, "learning_admin_attendance", &view{Nav: "learning_admin", Crumbs: crumbs, Data: p})
}

func (s *server) ladmAttendance() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.ladmAttendLoad(w, r, r.PathValue("code"))
		if !ok {
			return
		}
		s.ladmAttendRender(w, r, http.StatusOK, p)
	})
}

// ladmAttendancePost records one session's attendance (action session),
// one participant's scores (scores) or a no-show (noshow).
func (s *server) ladmAttendancePost() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		tr := s.ladmTr(r)
		code := r.PathValue("code")
		f := r.PostForm
		var err error
		key, flash := "", "ladm.done.attendance"
		own := formErrors{}
		var typed [2]string
		id, _ := strconv.ParseInt(f.Get("enrollment"), 10, 64)
		switch f.Get("action") {
		case "session":
			seq, serr := strconv.Atoi(f.Get("session"))
			if serr != nil {
				s.notFound(w, r, "")
				return
			}
			key = "s" + strconv.Itoa(seq)
			present := map[int64]bool{}
			for _, v := range f["present"] {
				if n, err := strconv.ParseInt(v, 10, 64); err == nil {
					present[n] = true
				}
			}
			var marks []app.AttendanceInput
			for _, v := range f["p"] {
				n, perr := strconv.ParseInt(v, 10, 64)
				if perr != nil {
					s.notFound(w, r, "")
					return
				}
				marks = append(marks, app.AttendanceInput{EnrollmentID: n, Present: present[n]})
			}
			_, err = s.app.RecordAttendance(ctx, actor, code, seq, marks)
		case "scores":
			key, flash = "e"+strconv.FormatInt(id, 10), "ladm.done.scores"
			typed = [2]string{strings.TrimSpace(f.Get("pre")), strings.TrimSpace(f.Get("post"))}
			var scores [2]*float64
			for i, name := range []string{"pre_score", "post_score"} {
				if typed[i] == "" {
					continue
				}
				v, ok := ladmDec(typed[i])
				if !ok {
					own[name], v = tr("ladm.err.number"), -1
				}
				scores[i] = &v
			}
			_, err = s.app.RecordScores(ctx, actor, id, scores[0], scores[1])
			if err == nil && len(own) > 0 {
				err = &app.Error{Code: app.CodeInvalid, Message: "input"}
			}
		case "noshow":
			key, flash = "e"+strconv.FormatInt(id, 10), "ladm.done.noshow"
			_, err = s.app.MarkNoShow(ctx, actor, id)
		default:
			s.notFound(w, r, "")
			return
		}
		if err != nil {
			fe, status, ok := s.ladmFormErrors(r, err, "attendance", own)
			if !ok {
				s.appError(w, r, err, "")
				return
			}
			p, ok := s.ladmAttendLoad(w, r, code)
			if !ok {
				return
			}
			p.Errors[key] = fe
			if f.Get("action") == "scores" {
				p.Typed[id] = typed
			}
			s.ladmAttendRender(w, r, status, p)
			return
		}
		s.flash(r, flash)
		http.Redirect(w, r, ladmAttendURL(code), http.StatusSeeOther)
	})
}
