package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/store"
)

// assessView is the assessment entry form: a supervisor rates a
// subordinate, an employee rates themself, an admin enters assessment-center
// results. The sources offered are those app.AllowedSources gives the
// actor for this employee; the app checks them again on submit.
type assessView struct {
	E        store.EmployeeRow
	NIP      string
	Profile  string // the profile's URL
	Action   string // this form's URL
	Choices  []assessChoice
	Selected *competency.Competency // with levels
	Current  *gapRow                // the selected competency in the standard, if it is there
	Sources  []competency.Source
	Form     assessForm
	Errors   map[string]string
	Today    string
	Assessor string // the default assessor (the actor)
}

// assessChoice is one competency of the employee's standard to pick.
type assessChoice struct {
	gapRow
	URL      string
	Selected bool
}

// assessForm is what the user entered.
type assessForm struct {
	Competency, Source, Level, AssessedOn, Assessor, Evidence, Status string
}

func (s *server) handleAssessForm() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, ok := s.assessPage(w, r, r.URL.Query().Get("c"))
		if !ok {
			return
		}
		s.renderAssess(w, r, http.StatusOK, v)
	})
}

func (s *server) handleAssess() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		f := assessForm{
			Competency: strings.TrimSpace(r.PostForm.Get("competency")),
			Source:     r.PostForm.Get("source"),
			Level:      r.PostForm.Get("level"),
			AssessedOn: strings.TrimSpace(r.PostForm.Get("assessed_on")),
			Assessor:   strings.TrimSpace(r.PostForm.Get("assessor")),
			Evidence:   strings.TrimSpace(r.PostForm.Get("evidence")),
			Status:     r.PostForm.Get("status"),
		}
		v, ok := s.assessPage(w, r, f.Competency)
		if !ok {
			return
		}
		actor, _ := actorFrom(r.Context())
		lang := requestLang(r)
		v.Form = f
		level, lerr := strconv.Atoi(f.Level)
		if lerr != nil {
			level = 0 // the app names the field
		}
		_, err := s.app.RecordAssessment(r.Context(), actor, app.AssessmentInput{
			NIP: v.E.NIP, Competency: f.Competency, Source: f.Source, Level: level,
			Assessor: f.Assessor, AssessedOn: f.AssessedOn, Evidence: f.Evidence, Status: f.Status,
		})
		if err != nil {
			var fields map[string]string
			switch app.ErrorCode(err) {
			case app.CodeInvalid:
				fields = s.fieldErrors(lang, err, "assess")
			case app.CodeForbidden:
				if fields = s.fieldErrors(lang, err, "assess"); fields["source"] == "" {
					s.forbidden(w, r)
					return
				}
			default:
				s.appError(w, r, err, "employee")
				return
			}
			if f.Level == "" {
				fields["level"] = s.i18n.translate(lang, "assess.err.level")
			}
			v.Errors = fields
			s.renderAssess(w, r, http.StatusUnprocessableEntity, v)
			return
		}
		s.flash(r, "assess.saved")
		http.Redirect(w, r, v.Profile, http.StatusSeeOther)
	})
}

// assessPage loads what the form shows for the employee of the URL, with
// code the competency to rate (the first shortfall or unassessed one when
// empty or not in the standard). It answers 404 or 403 itself and reports
// ok false then.
func (s *server) assessPage(w http.ResponseWriter, r *http.Request, code string) (assessView, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	nip, ok := s.nipOf(r)
	if !ok {
		s.notFound(w, r, "employee")
		return assessView{}, false
	}
	p, err := s.app.ViewEmployee(ctx, actor, nip)
	if err != nil {
		s.appError(w, r, err, "employee")
		return assessView{}, false
	}
	e := p.Gap.Employee
	sources := s.app.AllowedSources(ctx, actor, e)
	if len(sources) == 0 {
		s.forbidden(w, r)
		return assessView{}, false
	}
	comps, err := s.app.Competencies(ctx, actor)
	if err != nil {
		s.appError(w, r, err, "")
		return assessView{}, false
	}
	byCode := map[string]*competency.Competency{}
	for i := range comps {
		byCode[comps[i].Code] = &comps[i]
	}
	base := s.employeeURL(r, actor, e, "/assess")
	v := assessView{E: e, NIP: shownNIP(actor, e), Profile: s.employeeURL(r, actor, e), Action: base, Sources: sources,
		Today: s.app.Today().Format("2006-01-02"), Assessor: actor.Name}
	rows := profileGapOf(p.Gap.Lines, p.Gap.Match, p.Gap.NoStandard).Lines
	if len(rows) == 0 {
		// No standard: any competency of the dictionary.
		for _, c := range comps {
			rows = append(rows, gapRow{Code: c.Code, Name: c.Name, NameEN: c.NameEN, Kind: c.Kind})
		}
	}
	pick := ""
	for _, row := range rows {
		if row.Code == code {
			pick = code
		}
	}
	if pick == "" && byCode[code] != nil && code != "" {
		pick = code // a competency outside the standard, named explicitly
	}
	if pick == "" {
		for _, row := range rows {
			if row.Short || (row.Gap == "" && row.Required > 0) {
				pick = row.Code
				break
			}
		}
	}
	if pick == "" && len(rows) > 0 {
		pick = rows[0].Code
	}
	for _, row := range rows {
		c := assessChoice{gapRow: row, URL: base + "?c=" + url.QueryEscape(row.Code), Selected: row.Code == pick}
		v.Choices = append(v.Choices, c)
		if c.Selected {
			cur := row
			v.Current = &cur
		}
	}
	v.Selected = byCode[pick]
	v.Form = assessForm{Competency: pick, Source: string(sources[0]), AssessedOn: v.Today, Status: string(competency.Final)}
	return v, true
}

func (s *server) renderAssess(w http.ResponseWriter, r *http.Request, status int, v assessView) {
	actor, _ := actorFrom(r.Context())
	lang := requestLang(r)
	var crumbs []crumb
	if actor.Can(app.PermEmployeeList) {
		crumbs = append(crumbs, crumb{Label: s.i18n.translate(lang, "nav.employee_list"), URL: "/employees"})
	}
	crumbs = append(crumbs, crumb{Label: displayName(v.E.Employee), URL: v.Profile}, crumb{Label: s.i18n.translate(lang, "assess.title")})
	s.render(w, r, status, "assess", &view{Nav: "employees", Crumbs: crumbs, Data: v})
}
