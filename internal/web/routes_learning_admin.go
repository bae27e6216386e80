package web

import (
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"asah/internal/app"
)

// learningAdminRoutes registers the administration pages of learning:
// programs and their events (angkatan), the management of an event
// (participants, invitations, status, completion), attendance, the
// evaluation of a program, certificate revocation, and the partners with
// their cooperation agreements. routes() calls it with its handle, which
// looks each pattern up in app.RoutePolicy; the use cases limit a mitra to
// its own institution (anything else answers 404). Their messages are in
// i18n/learning_admin.*.json.
func (s *server) learningAdminRoutes(handle func(pattern string, h http.Handler)) {
	handle("GET /learning/programs/new", s.ladmProgramNew())
	handle("POST /learning/programs", s.ladmProgramCreate())
	handle("GET /learning/programs/{code}/edit", s.ladmProgramEdit())
	handle("POST /learning/programs/{code}", s.ladmProgramUpdate())
	handle("POST /learning/programs/{code}/events", s.ladmEventCreate())
	handle("GET /learning/programs/{code}/evaluation", s.ladmEvaluation())

	handle("POST /learning/events/{code}", s.ladmEventPost())
	handle("GET /learning/events/{code}/manage", s.ladmManage())
	handle("GET /learning/events/{code}/attendance", s.ladmAttendance())
	handle("POST /learning/events/{code}/attendance", s.ladmAttendancePost())
	handle("POST /learning/events/{code}/complete", s.ladmComplete())
	handle("POST /learning/enrollments/{id}/certificate/revoke", s.ladmRevoke())

	handle("GET /partners", s.partnersList())
	handle("POST /partners", s.partnersCreate())
	handle("GET /partners/{code}", s.partnerDetail())
	handle("POST /partners/{code}/agreements", s.partnerAgreementPost())
	handle("GET /partners/agreements/{id}/document.pdf", s.partnerDocument())
}

// ladmTr returns the translation function of a request's language.
func (s *server) ladmTr(r *http.Request) func(id string, args ...any) string {
	lang := requestLang(r)
	return func(id string, args ...any) string { return s.i18n.translate(lang, id, args...) }
}

// served reports whether the site serves a route (another page's, which
// this one may link to) and the actor may use it.
func (s *server) ladmServed(actor app.Actor, pattern string) bool {
	perm, ok := app.PolicyFor(pattern)
	return ok && slices.Contains(s.patterns, pattern) && actor.Can(perm)
}

// Links of the learning pages. Codes are checked by the use cases; they
// are escaped here because they come from users.
func ladmProgramEditURL(code string) string {
	return "/learning/programs/" + url.PathEscape(code) + "/edit"
}
func ladmProgramEvalURL(code string) string {
	return "/learning/programs/" + url.PathEscape(code) + "/evaluation"
}
func ladmProgramURL(code string) string { return "/learning/programs/" + url.PathEscape(code) }
func ladmEventURL(code string) string   { return "/learning/events/" + url.PathEscape(code) }
func ladmManageURL(code string) string  { return ladmEventURL(code) + "/manage" }
func ladmAttendURL(code string) string  { return ladmEventURL(code) + "/attendance" }
func ladmPartnerURL(code string) string { return "/partners/" + url.PathEscape(code) }

// ladmNum reads a whole number typed in a form: blank is 0; Indonesian
// thousands separators, spaces and a leading "Rp" are allowed for money.
// ok is false for anything else; the caller then reports the field and
// hands the use case a value it refuses (so nothing is saved).
func ladmNum(v string, money bool) (int64, bool) {
	v = strings.TrimSpace(v)
	if money {
		v = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(v, "Rp"), "rp"))
		v = strings.NewReplacer(".", "", " ", "", "\u00a0", "").Replace(v)
	}
	if v == "" {
		return 0, true
	}
	n, err := strconv.ParseInt(v, 10, 64)
	return n, err == nil
}

// ladmDec reads a decimal number (a comma or a point); blank is 0.
func ladmDec(v string) (float64, bool) {
	v = strings.ReplaceAll(strings.TrimSpace(v), ",", ".")
	if v == "" {
		return 0, true
	}
	f, err := strconv.ParseFloat(v, 64)
	return f, err == nil
}

// ladmFormErrors turns a use case's refusal into the messages of a form
// (see appFormErrors), keeping the messages the page found itself (a
// number that is not one) for their fields.
func (s *server) ladmFormErrors(r *http.Request, err error, form string, own formErrors) (formErrors, int, bool) {
	fe, status, ok := s.appFormErrors(requestLang(r), err, "ladm", form)
	if !ok {
		return nil, 0, false
	}
	for k, v := range own {
		fe[k] = v
	}
	return fe, status, true
}
