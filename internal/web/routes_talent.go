package web

import (
	"errors"
	"net/http"
	"regexp"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/store"
)

// talentRoutes registers the pages of performance (SKP and the predikat
// report), individual development plans, the talent 9-box and succession.
// routes() calls it with its handle, which looks each pattern up in
// app.RoutePolicy; the use cases apply the relationship rules and the scope.
// Their messages are in i18n/talent.*.json.
func (s *server) talentRoutes(handle func(pattern string, h http.Handler)) {
	handle("GET /employees/{nip}/skp", s.handleSKP())
	handle("POST /employees/{nip}/skp", s.skpAction("create"))
	handle("POST /employees/{nip}/skp/plan", s.skpAction("plan"))
	handle("POST /employees/{nip}/skp/agree", s.skpAction("agree"))
	handle("POST /employees/{nip}/skp/revise", s.skpAction("revise"))
	handle("POST /employees/{nip}/skp/feedback", s.skpAction("feedback"))
	handle("POST /employees/{nip}/skp/evaluate", s.skpAction("evaluate"))
	handle("POST /employees/{nip}/skp/acknowledge", s.skpAction("acknowledge"))
	handle("POST /employees/{nip}/talent", s.handleTalentReview())

	handle("GET /performance", s.handlePerformance())
	handle("POST /performance/periods", s.handleOpenYear())
	handle("POST /performance/periods/status", s.handlePeriodStatus())

	handle("GET /employees/{nip}/idp", s.handleIDP())
	handle("POST /employees/{nip}/idp", s.idpAction("create"))
	handle("POST /employees/{nip}/idp/items", s.idpAction("items"))
	handle("POST /employees/{nip}/idp/submit", s.idpAction("submit"))
	handle("POST /employees/{nip}/idp/decide", s.idpAction("decide"))
	handle("POST /employees/{nip}/idp/progress", s.idpAction("progress"))

	handle("GET /talent", s.handleNineBox())
	handle("GET /succession", s.handleSuccession())
}

// employeeLinks are the links from an employee's profile to their
// performance, development plan and talent placement ("" when the viewer
// may not follow them).
type employeeLinks struct {
	SKP, IDP, Talent string
}

// employeeLinksOf builds the profile's links for a viewer.
func (s *server) employeeLinksOf(r *http.Request, actor app.Actor, e store.EmployeeRow) employeeLinks {
	var l employeeLinks
	if actor.Can(app.PermSKPRead) {
		l.SKP = s.employeeURL(r, actor, e, "/skp")
		if actor.Can(app.PermTalentRead) {
			l.Talent = l.SKP + "#talent"
		}
	}
	if actor.Can(app.PermIDPRead) {
		l.IDP = s.employeeURL(r, actor, e, "/idp")
	}
	return l
}

// yearOf reads ?year= (or the posted year): the current year of the app's
// clock when absent; ok is false for anything that is not a year 2000–2100.
func (s *server) yearOf(v string) (int, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return s.app.Today().Year(), true
	}
	y, err := strconv.Atoi(v)
	return y, err == nil && y >= 2000 && y <= 2100
}

// withYear appends ?year=Y to a page's URL, and a fragment when given.
func withYear(base string, year int, fragment string) string {
	u := base + "?year=" + strconv.Itoa(year)
	if fragment != "" {
		u += "#" + fragment
	}
	return u
}

// formErrors are the messages of one form: field → message, "_" for the
// form as a whole.
type formErrors map[string]string

// indexRE finds the row numbers in the app's field names ("items.2.form").
var indexRE = regexp.MustCompile(`\.\d+`)

// appFormErrors turns a use case's error into the messages of a form, in
// the user's language: the app's own words in Bahasa Indonesia; in English,
// the catalogue's message for the form's field (prefix.err.form.field, row
// numbers left out) or for the form, else a generic one. status is the
// page's status; ok is false when err is not one a form can show (the
// caller answers it with the error pages).
func (s *server) appFormErrors(lang string, err error, prefix, form string) (fe formErrors, status int, ok bool) {
	var e *app.Error
	if !errors.As(err, &e) {
		return nil, 0, false
	}
	switch e.Code {
	case app.CodeInvalid:
		status = http.StatusUnprocessableEntity
	case app.CodeConflict:
		status = http.StatusConflict
	case app.CodeForbidden:
		status = http.StatusForbidden
	default:
		return nil, 0, false
	}
	fe = formErrors{}
	en := func(field string) string {
		if id := prefix + ".err." + form + "." + indexRE.ReplaceAllString(field, ""); s.i18n.has(lang, id) {
			return s.i18n.translate(lang, id)
		}
		return ""
	}
	for f, msg := range e.Fields {
		switch {
		case lang == "id" && msg != "":
			fe[f] = msg
		case en(f) != "":
			fe[f] = en(f)
		default:
			fe[f] = s.i18n.translate(lang, "form.err.generic")
		}
	}
	switch {
	case len(fe) > 0:
	case lang == "id":
		fe["_"] = e.Message
	case e.Code == app.CodeForbidden:
		fe["_"] = s.i18n.translate(lang, prefix+".err.forbidden")
	case s.i18n.has(lang, prefix+".err."+form):
		fe["_"] = s.i18n.translate(lang, prefix+".err."+form)
	default:
		fe["_"] = s.i18n.translate(lang, "form.err.generic")
	}
	return fe, status, true
}

// postForm reads a small form body; a body too large or malformed is
// answered with 400 and ok false.
func postForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	if err := r.ParseForm(); err != nil {
		http.Error(w, "bad form", http.StatusBadRequest)
		return false
	}
	return true
}

// unitParam reads ?unit= (a unit code; the use cases answer an unknown or
// out-of-scope one with not found).
func unitParam(r *http.Request) string {
	return strings.TrimSpace(r.URL.Query().Get("unit"))
}
