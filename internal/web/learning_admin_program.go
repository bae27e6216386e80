package web

import (
	"cmp"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/people"
	"asah/internal/store"
)

// ladmTargetRows is how many target competency rows the program form
// offers (a program rarely targets more than three).
const ladmTargetRows = 5

// ladmProgramForm is the program form as typed.
type ladmProgramForm struct {
	Code, Title, Description          string
	Method, Form, Delivery, Provider  string
	JP, CostPerParticipant, FixedCost string
	PassScore, MinAttendance          string // MinAttendance in percent
	Mandatory, RequiresPostTest       bool
	Archived                          bool
	Kinds                             map[string]bool
	Targets                           []ladmTargetRow
}

// ladmTargetRow is one target competency as typed.
type ladmTargetRow struct {
	N                           int
	Competency, Level, MinLevel string
}

// ladmOption is a choice of a select: value and label.
type ladmOption struct {
	Value, Label string
}

// ladmProgramPage is the program form, and on an existing program its
// events with the form for a new one.
type ladmProgramPage struct {
	New      bool
	Code     string // the stored code (edit)
	Action   string
	F        ladmProgramForm
	Errors   formErrors
	Mitra    bool
	Provider []ladmOption
	Comps    []ladmOption
	Forms    []development.FormInfo
	Kinds    []people.PositionKind
	Delivery []learning.Delivery
	Levels   []int
	MinLvls  []int

	// An existing program.
	Title   string
	PageURL string // the program's own page ("" when not served)
	EvalURL string
	Events  []ladmEventLine
	Event   ladmEventForm
}

// ladmEventLine is one event of the program's list.
type ladmEventLine struct {
	store.EventRow
	Dates, Seats, Manage string
}

// ladmProgramFormOf fills the form from a stored program.
func ladmProgramFormOf(p app.ProgramView) ladmProgramForm {
	f := ladmProgramForm{Code: p.Code, Title: p.Title, Description: p.Description, Method: string(p.Method), Form: string(p.Form),
		Delivery: string(p.Delivery), Provider: p.ProviderCode, JP: strconv.Itoa(p.JP),
		CostPerParticipant: strconv.FormatInt(p.CostPerParticipant, 10), FixedCost: strconv.FormatInt(p.FixedCostPerEvent, 10),
		Mandatory: p.Mandatory, RequiresPostTest: p.RequiresPostTest, Archived: p.Archived, Kinds: map[string]bool{},
		MinAttendance: strconv.FormatFloat(p.MinAttendance*100, 'f', -1, 64)}
	if p.PassScore > 0 {
		f.PassScore = strconv.FormatFloat(p.PassScore, 'f', -1, 64)
	}
	for _, k := range p.EligibleKinds {
		f.Kinds[string(k)] = true
	}
	for _, t := range p.Targets {
		f.Targets = append(f.Targets, ladmTargetRow{Competency: t.Code, Level: strconv.Itoa(t.Level), MinLevel: strconv.Itoa(t.MinLevel)})
	}
	f.pad()
	return f
}

// pad numbers the target rows and adds blank ones up to ladmTargetRows.
func (f *ladmProgramForm) pad() {
	for len(f.Targets) < ladmTargetRows {
		f.Targets = append(f.Targets, ladmTargetRow{})
	}
	for i := range f.Targets {
		f.Targets[i].N = i + 1
	}
}

// ladmReadProgramForm reads the posted program; own holds the fields that are
// not numbers where numbers belong (the input given to the use case then
// carries a value it refuses, so nothing is saved).
func (s *server) ladmReadProgramForm(r *http.Request, tr func(string, ...any) string) (ladmProgramForm, app.ProgramInput, formErrors) {
	get := func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }
	f := ladmProgramForm{Code: get("code"), Title: get("title"), Description: get("description"), Method: get("method"),
		Form: get("form"), Delivery: get("delivery"), Provider: get("provider"), JP: get("jp"),
		CostPerParticipant: get("cost_per_participant"), FixedCost: get("fixed_cost_per_event"), PassScore: get("pass_score"),
		MinAttendance: get("min_attendance"), Mandatory: get("mandatory") != "", RequiresPostTest: get("requires_post_test") != "",
		Archived: get("archived") != "", Kinds: map[string]bool{}}
	in := app.ProgramInput{Code: f.Code, Title: f.Title, Description: f.Description, Method: f.Method, Form: f.Form,
		Delivery: f.Delivery, Provider: f.Provider, Mandatory: f.Mandatory, RequiresPostTest: f.RequiresPostTest, Archived: f.Archived}
	own := formErrors{}
	whole := func(field, v string, money bool) int64 {
		n, ok := ladmNum(v, money)
		if !ok {
			own[field] = tr("ladm.err.number")
			return -1
		}
		return n
	}
	if f.Form == "" {
		own["form"] = tr("ladm.err.form_required") // the use case refuses a blank form too
	}
	in.JP = int(whole("jp", f.JP, false))
	in.CostPerParticipant = whole("cost_per_participant", f.CostPerParticipant, true)
	in.FixedCostPerEvent = whole("fixed_cost_per_event", f.FixedCost, true)
	if v, ok := ladmDec(f.PassScore); ok {
		in.PassScore = v
	} else {
		own["pass_score"], in.PassScore = tr("ladm.err.number"), -1
	}
	switch v, ok := ladmDec(f.MinAttendance); {
	case !ok:
		own["min_attendance"], in.MinAttendance = tr("ladm.err.number"), -1
	case v != 0:
		in.MinAttendance = v / 100
	}
	for _, k := range r.PostForm["eligible_kinds"] {
		f.Kinds[k] = true
		in.EligibleKinds = append(in.EligibleKinds, k)
	}
	for i := range ladmTargetRows {
		k := fmt.Sprintf("t%d.", i)
		row := ladmTargetRow{Competency: get(k + "competency"), Level: get(k + "level"), MinLevel: get(k + "min")}
		f.Targets = append(f.Targets, row)
		if row.Competency == "" {
			continue
		}
		lv, err1 := strconv.Atoi(row.Level)
		mn, err2 := strconv.Atoi(cmp.Or(row.MinLevel, "0"))
		if err1 != nil || err2 != nil {
			own["targets"], lv = tr("ladm.err.number"), 0
		}
		in.Targets = append(in.Targets, app.TargetInput{Competency: row.Competency, Level: lv, MinLevel: mn})
	}
	f.pad()
	return f, in, own
}

// ladmProgramLoad builds the page's choices (and, for an existing program,
// its events) for the actor; ok is false when the error page was sent.
func (s *server) ladmProgramLoad(w http.ResponseWriter, r *http.Request, p *ladmProgramPage) bool {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	lang := requestLang(r)
	partners, err := s.app.Partners(ctx, actor)
	if err != nil && app.ErrorCode(err) != app.CodeForbidden {
		s.appError(w, r, err, "")
		return false
	}
	p.Mitra = actor.Role == app.RoleMitra
	for _, x := range partners {
		p.Provider = append(p.Provider, ladmOption{Value: x.Code, Label: x.Name})
	}
	comps, err := s.app.Competencies(ctx, actor)
	if err != nil {
		s.appError(w, r, err, "")
		return false
	}
	var opts []compOption
	for _, c := range comps {
		opts = append(opts, compOption{Code: c.Code, Name: c.Name, NameEN: c.NameEN, Kind: c.Kind})
	}
	for _, c := range sortedOptions(opts) {
		name := c.Name
		if lang == "en" && c.NameEN != "" {
			name = c.NameEN
		}
		p.Comps = append(p.Comps, ladmOption{Value: c.Code, Label: c.Code + " " + name})
	}
	p.Forms, p.Kinds, p.Delivery = development.Forms(), people.PositionKinds, learning.Deliveries
	p.Levels, p.MinLvls = []int{1, 2, 3, 4, 5}, []int{0, 1, 2, 3, 4}
	if p.New {
		p.Action = "/learning/programs"
		return true
	}
	p.Action = ladmProgramURL(p.Code)
	d, err := s.app.ProgramDetail(ctx, actor, p.Code)
	if err != nil {
		s.appError(w, r, err, "")
		return false
	}
	if !d.CanManage {
		s.notFound(w, r, "")
		return false
	}
	p.Title = d.Title
	p.EvalURL = ladmProgramEvalURL(p.Code)
	if s.ladmServed(actor, "GET /learning/programs/{code}") {
		p.PageURL = ladmProgramURL(p.Code)
	}
	for _, ev := range d.Events {
		p.Events = append(p.Events, ladmEventLine{EventRow: ev, Dates: ladmDates(ev.StartsOn, ev.EndsOn, lang),
			Seats: formatInt(ev.Seated, lang) + " / " + formatInt(ev.Capacity, lang), Manage: ladmManageURL(ev.Code)})
	}
	return true
}

// ladmProgramRender shows the program page.
func (s *server) ladmProgramRender(w http.ResponseWriter, r *http.Request, status int, p *ladmProgramPage) {
	tr := s.ladmTr(r)
	if p.Errors == nil {
		p.Errors = formErrors{}
	}
	p.Event.pad()
	crumbs := []crumb{{Label: tr("ladm.programs")}}
	if p.New {
		crumbs = append(crumbs, crumb{Label: tr("ladm.program.new")})
	} else {
		crumbs = append(crumbs, crumb{Label: p.Code})
	}
	s.render(w, r, status, "learning_admin_program", &view{Nav: "learning_admin", Crumbs: crumbs, Data: p})
}

func (s *server) ladmProgramNew() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := &ladmProgramPage{New: true, F: ladmProgramForm{Delivery: string(learning.InPerson), MinAttendance: "80", Kinds: map[string]bool{}}}
		p.F.pad()
		if !s.ladmProgramLoad(w, r, p) {
			return
		}
		if len(p.Provider) == 1 {
			p.F.Provider = p.Provider[0].Value
		}
		s.ladmProgramRender(w, r, http.StatusOK, p)
	})
}

func (s *server) ladmProgramEdit() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, _ := actorFrom(r.Context())
		v, err := s.app.ProgramDetail(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		p := &ladmProgramPage{Code: v.Code, F: ladmProgramFormOf(v.ProgramView)}
		if !s.ladmProgramLoad(w, r, p) {
			return
		}
		s.ladmProgramRender(w, r, http.StatusOK, p)
	})
}

// ladmProgramSave creates (code "") or updates a program: Post/Redirect/Get
// on success, the form again with the messages and the input otherwise.
func (s *server) ladmProgramSave(code string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		f, in, own := s.ladmReadProgramForm(r, s.ladmTr(r))
		var v app.ProgramView
		var err error
		if code == "" {
			v, err = s.app.CreateProgram(ctx, actor, in)
		} else {
			v, err = s.app.UpdateProgram(ctx, actor, code, in)
		}
		if err == nil && len(own) > 0 {
			// Cannot happen (the use case refuses the stand-in values);
			// never report a success the page did not check.
			err = &app.Error{Code: app.CodeInvalid, Message: "input"}
		}
		if err != nil {
			fe, status, ok := s.ladmFormErrors(r, err, "program", own)
			if !ok {
				s.appError(w, r, err, "")
				return
			}
			p := &ladmProgramPage{New: code == "", Code: code, F: f, Errors: fe}
			if !s.ladmProgramLoad(w, r, p) {
				return
			}
			s.ladmProgramRender(w, r, status, p)
			return
		}
		if code == "" {
			s.flash(r, "ladm.done.program_created")
		} else {
			s.flash(r, "ladm.done.program_saved")
		}
		http.Redirect(w, r, ladmProgramEditURL(v.Code), http.StatusSeeOther)
	})
}

func (s *server) ladmProgramCreate() http.Handler { return s.ladmProgramSave("") }

func (s *server) ladmProgramUpdate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.ladmProgramSave(r.PathValue("code")).ServeHTTP(w, r)
	})
}

// ladmEventCreate adds an event (a draft) to a program; on success the
// event's management page follows.
func (s *server) ladmEventCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		code := r.PathValue("code")
		ef, in, own := ladmReadEventForm(r, s.ladmTr(r))
		in.Program = code
		ev, err := s.app.CreateEvent(ctx, actor, in)
		if err == nil && len(own) > 0 {
			err = &app.Error{Code: app.CodeInvalid, Message: "input"}
		}
		if err != nil {
			fe, status, ok := s.ladmFormErrors(r, err, "event", own)
			if !ok {
				s.appError(w, r, err, "")
				return
			}
			v, derr := s.app.ProgramDetail(ctx, actor, code)
			if derr != nil {
				s.appError(w, r, derr, "")
				return
			}
			p := &ladmProgramPage{Code: v.Code, F: ladmProgramFormOf(v.ProgramView)}
			ef.Errors = fe
			p.Event = ef
			if !s.ladmProgramLoad(w, r, p) {
				return
			}
			s.ladmProgramRender(w, r, status, p)
			return
		}
		s.flash(r, "ladm.done.event_created")
		http.Redirect(w, r, ladmManageURL(ev.Code), http.StatusSeeOther)
	})
}

// ladmDates writes an event's dates: "2 Maret 2026" or
// "2 Maret 2026 – 4 Maret 2026".
func ladmDates(a, b time.Time, lang string) string {
	if b.IsZero() || a.Equal(b) {
		return formatDate(a, lang)
	}
	return formatDate(a, lang) + " – " + formatDate(b, lang)
}
