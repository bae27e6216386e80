package web

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/people"
	"asah/internal/store"
)

// learningRoutes registers the learning pages of employees and
// supervisors: the catalogue, programs and events with registration and
// nomination, my learning (JP ledger, claims, certificates, surveys, the
// calendar link), the approvals of supervisors and the JP progress of
// teams and units; and the two public pages a certificate's QR code and a
// calendar application reach. routes() calls it with its handle, which
// looks each pattern up in app.RoutePolicy. Messages are in
// i18n/learning.*.json.
func (s *server) learningRoutes(handle func(pattern string, h http.Handler)) {
	handle("GET /learning", s.handleCatalogue())
	handle("GET /learning/programs/{code}", s.handleProgram())
	handle("GET /learning/events/{code}", s.handleEvent())
	handle("GET /learning/events/{code}/calendar.ics", s.handleEventICS())
	handle("POST /learning/events/{code}/register", s.eventAction("register"))
	handle("POST /learning/events/{code}/nominate", s.eventAction("nominate"))
	handle("GET /learning/events/{code}/survey", s.handleSurvey())
	handle("POST /learning/events/{code}/survey", s.handleSurveySubmit())
	handle("POST /learning/enrollments/{id}/respond", s.enrollmentAction("respond"))
	handle("POST /learning/enrollments/{id}/cancel", s.enrollmentAction("cancel"))
	handle("POST /learning/enrollments/{id}/decide", s.approvalAction("decide"))
	handle("POST /learning/enrollments/{id}/followup", s.approvalAction("followup"))
	handle("GET /learning/enrollments/{id}/certificate.pdf", s.handleCertificatePDF())
	handle("GET /learning/mine", s.handleMyLearning())
	handle("POST /learning/claims", s.handleClaimSubmit())
	handle("GET /learning/claims/{id}/evidence", s.handleClaimEvidence())
	handle("POST /learning/claims/{id}/decide", s.approvalAction("claim"))
	handle("POST /learning/calendar-token", s.handleCalendarToken())
	handle("GET /learning/approvals", s.handleApprovals())
	handle("GET /learning/jp", s.handleJP())
	handle("GET /learning/jp/export.csv", s.handleJPExport())
	// Public: no login; the registrar lets PermPublic routes through.
	handle("GET /verifikasi/{code}", s.handleVerify())
	handle("GET /kalender/{token}", s.handleCalendarFeed())
}

// learningWIB is the city's time zone: session times are shown in it.
var learningWIB = time.FixedZone("WIB", 7*3600)

// hasRoute reports whether the site serves a pattern (links to pages built
// elsewhere appear only once they exist).
func (s *server) hasRoute(pattern string) bool { return slices.Contains(s.patterns, pattern) }

// idParam reads the {id} of a URL: a positive integer, else ok is false
// (the page answers 404, as for a missing record).
func idParam(r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	return id, err == nil && id > 0
}

// codeParam reads the {code} of a program or event: 1–40 letters, digits,
// dots, dashes and underscores (the shape of a stored code).
func codeParam(r *http.Request) (string, bool) {
	c := r.PathValue("code")
	if c == "" || len(c) > 40 {
		return "", false
	}
	for _, ch := range c {
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '.' || ch == '-' || ch == '_') {
			return "", false
		}
	}
	return c, true
}

func eventURL(code string) string   { return "/learning/events/" + code }
func programURL(code string) string { return "/learning/programs/" + code }

func enrollmentURL(id int64) string { return "/learning/enrollments/" + strconv.FormatInt(id, 10) }

// publicBase is the address of the site as the browser reached it, for
// the links that leave it (the QR code of a certificate, a calendar feed):
// https when the site is served over TLS (secure cookies say it is behind a
// TLS proxy).
func (s *server) publicBase(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil || (s.sessions != nil && s.sessions.Cookie.Secure) {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// jpMeter is a JP progress bar with its numbers as text: green when the
// target is reached, amber below it, and the words say which.
type jpMeter struct {
	JP      string // achieved, one decimal
	Target  int
	Percent string
	Left    string // JP still missing ("" when met)
	Class   string // width class of the bar (capped at 100 %)
	Met     bool
}

func newJPMeter(p learning.JPProgress, lang string) jpMeter {
	m := jpMeter{JP: formatDecimal(p.JP(), 1, lang), Target: p.TargetJP, Percent: formatPercent(p.Percent(), lang),
		Class: barClass(p.BarPercent() / 100), Met: p.Met()}
	if !m.Met {
		m.Left = formatDecimal(p.RemainingJP(), 1, lang)
	}
	return m
}

// jpText writes minutes as JP with one decimal.
func jpText(minutes int, lang string) string {
	return formatDecimal(learning.MinutesToJP(minutes), 1, lang)
}

// employeeRef is enough of an employee to link to their profile and show
// their NIP as the viewer may see it.
func employeeRef(id int64, nip string) store.EmployeeRow {
	return store.EmployeeRow{Employee: people.Employee{ID: id, NIP: nip}}
}

// personCell is an employee as a list shows them to one viewer.
type personCell struct {
	Name string
	NIP  string // full or masked
	URL  string // the profile ("" when the viewer may not open it)
}

func (s *server) personOf(r *http.Request, actor app.Actor, id int64, nip, name string) personCell {
	e := employeeRef(id, nip)
	p := personCell{Name: name, NIP: shownNIP(actor, e)}
	if actor.Can(app.PermEmployeeRead) {
		p.URL = s.employeeURL(r, actor, e)
	}
	return p
}

// sessionTime writes a session's time in WIB: "Senin, 2 Maret 2026,
// 08.00–12.00 WIB" (same day) in the page's language.
func sessionTime(start, end time.Time, lang string) string {
	a, b := start.In(learningWIB), end.In(learningWIB)
	clock := func(t time.Time) string {
		if lang == "en" {
			return t.Format("15:04")
		}
		return t.Format("15.04")
	}
	day := func(t time.Time) string {
		d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		if lang == "en" {
			return t.Weekday().String() + ", " + formatDate(d, lang)
		}
		return dayNameID(t.Weekday()) + ", " + formatDate(d, lang)
	}
	if a.YearDay() == b.YearDay() && a.Year() == b.Year() {
		return day(a) + ", " + clock(a) + "–" + clock(b) + " WIB"
	}
	return day(a) + " " + clock(a) + " – " + day(b) + " " + clock(b) + " WIB"
}

func dayNameID(d time.Weekday) string {
	return [...]string{"Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu"}[d]
}

// dateRange writes an event's dates: "2–4 Maret 2026" style is left to
// the reader; both dates in full, or one when equal.
func dateRange(from, to time.Time, lang string) string {
	if to.IsZero() || from.Equal(to) {
		return formatDate(from, lang)
	}
	return formatDate(from, lang) + " – " + formatDate(to, lang)
}

// trimmed reads a posted field without surrounding spaces.
func trimmed(r *http.Request, key string) string { return strings.TrimSpace(r.PostFormValue(key)) }
