package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"asah/internal/app"
	"asah/internal/store"
)

// The learning routes of employees and supervisors in the authorization
// matrix (TestAuthorizationMatrix asks learningCases first): every role,
// anonymous included, against objects inside and outside its scope. The
// forms are filled so that nothing changes: a missing decision, a reason
// too long, a closed registration, an unknown NIP.

// lwMatrixObjects are the learning records the matrix uses, made once per
// matrix: a BKPSDM program with an open event where P and X (another
// agency) are invited, a closed event, and a claim of each.
type lwMatrixObjects struct {
	prog, open, closed string
	encP, encX         int64
	claimP, claimX     int64
}

var lwMatrixMade sync.Map // *matrix → *lwMatrixObjects

func (m *matrix) learningObjects(t *testing.T) *lwMatrixObjects {
	t.Helper()
	if o, ok := lwMatrixMade.Load(m); ok {
		return o.(*lwMatrixObjects)
	}
	ctx := context.Background()
	a := m.st.app
	o := &lwMatrixObjects{prog: "LWM-PROG", open: "LWM-OPEN", closed: "LWM-CLOSED"}
	provider := ""
	parts, err := a.Partners(ctx, app.System)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range parts {
		if p.Kind == "bkpsdm" {
			provider = p.Code
		}
	}
	if provider == "" {
		provider = "LWM-BKPSDM"
		if _, err := a.CreatePartner(ctx, app.System, app.PartnerInput{Code: provider, Name: "BKPSDM Kota Bandung", Kind: "bkpsdm"}); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.CreateProgram(ctx, app.System, app.ProgramInput{Code: o.prog, Title: "Program Matriks", JP: 16, Provider: provider,
		Form: "bimtek", Delivery: "daring", Targets: []app.TargetInput{{Competency: "M.1", Level: 5}}}); err != nil {
		t.Fatal(err)
	}
	for _, code := range []string{o.open, o.closed} {
		if _, err := a.CreateEvent(ctx, app.System, app.EventInput{Program: o.prog, Code: code, Title: "Angkatan " + code,
			StartsOn: "2027-02-01", EndsOn: "2027-02-01", OnlineURL: "https://belajar.bandung.go.id/kelas", Capacity: 20,
			Sessions: []app.SessionInput{{StartsAt: "2027-02-01T09:00", EndsAt: "2027-02-01T11:00"}}}); err != nil {
			t.Fatal(err)
		}
		if _, err := a.SetEventStatus(ctx, app.System, code, "open"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.SetEventStatus(ctx, app.System, o.closed, "closed"); err != nil {
		t.Fatal(err)
	}
	for _, x := range []struct {
		e          store.EmployeeRow
		enr, claim *int64
	}{{m.P, &o.encP, &o.claimP}, {m.X, &o.encX, &o.claimX}} {
		r, err := a.Nominate(ctx, app.System, app.NominationInput{Event: o.open, NIP: x.e.NIP, Invite: true})
		if err != nil {
			t.Fatal(err)
		}
		*x.enr = r.ID
		c, err := a.SubmitJPClaim(ctx, app.System, x.e.NIP, claimInput("Seminar Matriks", pdfBytes()))
		if err != nil {
			t.Fatal(err)
		}
		*x.claim = c.ID
	}
	lwMatrixMade.Store(m, o)
	return o
}

// learningCases expands a learning route of this file's pages; ok is false
// for every other route.
func (m *matrix) learningCases(t *testing.T, pattern string, role app.Role, deny int) ([]matrixCase, bool) {
	method, path, _ := strings.Cut(pattern, " ")
	if _, mine := app.RoutePolicy[pattern]; !mine || !lwRoute(pattern) {
		return nil, false
	}
	o := m.learningObjects(t)
	a := m.actors[role]
	c := func(name, p string, want int, form url.Values, also ...int) matrixCase {
		if deny != 0 {
			want, also = deny, nil
		}
		if form == nil && method == http.MethodPost {
			form = url.Values{}
		}
		return matrixCase{name: name, method: method, path: p, want: want, form: form, okAlso: also}
	}
	// in is the status for an object of an employee inside the scope, 404
	// outside it.
	in := func(e store.EmployeeRow, ok int) int {
		if role == "" || !m.visible[role][e.NIP] {
			return http.StatusNotFound
		}
		return ok
	}
	fill := func(id int64) string { return strings.Replace(path, "{id}", strconv.FormatInt(id, 10), 1) }
	ev := func(code string) string { return strings.Replace(path, "{code}", code, 1) }
	mitraOr := func(ok int) int { // BKPSDM's program or event: another institution's for the mitra
		if role == app.RoleMitra {
			return http.StatusNotFound
		}
		return ok
	}
	long := url.Values{"reason": {strings.Repeat("alasan ", 100)}}
	var out []matrixCase
	switch pattern {
	case "GET /learning":
		out = []matrixCase{c("page", path, 200, nil), c("bad date", path+"?from=2026-02-30", 422, nil)}
	case "GET /learning/programs/{code}":
		out = []matrixCase{c("program", ev(o.prog), mitraOr(200), nil), c("missing", ev("NO-SUCH"), 404, nil)}
	case "GET /learning/events/{code}", "GET /learning/events/{code}/calendar.ics":
		out = []matrixCase{c("event", ev(o.open), mitraOr(200), nil), c("missing", ev("NO-SUCH"), 404, nil)}
	case "POST /learning/events/{code}/register":
		// Registration closed: refused (an account without an employee
		// record may not register at all).
		out = []matrixCase{c("closed", ev(o.closed), 409, nil, 403)}
	case "POST /learning/events/{code}/nominate":
		out = []matrixCase{c("unknown NIP", ev(o.open), 422, url.Values{"nip": {"12345678901234567"}})}
	case "GET /learning/events/{code}/survey", "POST /learning/events/{code}/survey":
		// Only a participant has a survey; P is invited, not attended.
		out = []matrixCase{c("open event", ev(o.open), 404, nil, 200, 409)}
	case "POST /learning/enrollments/{id}/respond", "POST /learning/enrollments/{id}/decide":
		out = []matrixCase{c("P", fill(o.encP), in(m.P, 422), nil), c("X", fill(o.encX), in(m.X, 422), nil)}
	case "POST /learning/enrollments/{id}/cancel":
		out = []matrixCase{c("P", fill(o.encP), in(m.P, 422), long), c("X", fill(o.encX), in(m.X, 422), long)}
	case "POST /learning/enrollments/{id}/followup":
		// Not completed, not the direct supervisor: refused in scope.
		out = []matrixCase{c("P", fill(o.encP), in(m.P, 409), nil, 403, 422), c("X", fill(o.encX), in(m.X, 409), nil, 403, 422)}
	case "GET /learning/enrollments/{id}/certificate.pdf":
		out = []matrixCase{c("P", fill(o.encP), in(m.P, 409), nil), c("X", fill(o.encX), in(m.X, 409), nil)}
	case "GET /learning/mine":
		out = []matrixCase{c("page", path, 200, nil), c("bad year", path+"?year=abc", 404, nil)}
	case "POST /learning/claims":
		// No file, no fields: every message (an account without an
		// employee record is told it has none).
		out = []matrixCase{c("empty", path, 422, nil, 409)}
	case "GET /learning/claims/{id}/evidence":
		out = []matrixCase{c("P", fill(o.claimP), in(m.P, 200), nil), c("X", fill(o.claimX), in(m.X, 200), nil)}
	case "POST /learning/claims/{id}/decide":
		out = []matrixCase{c("P", fill(o.claimP), in(m.P, 422), nil), c("X", fill(o.claimX), in(m.X, 422), nil)}
	case "POST /learning/calendar-token":
		out = []matrixCase{c("rotate", path, 200, nil, 404)} // 404: no employee record
	case "GET /learning/approvals":
		out = []matrixCase{c("page", path, 200, nil)}
	case "GET /learning/jp":
		outside := 200 // rows limited to the scope; an agency admin names its own root only
		if app.ScopeOf(a).UnitCode != "" {
			outside = 404
		}
		out = []matrixCase{c("page", path, 200, nil), c("DISDIK", path+"?unit=DISDIK", outside, nil), c("bad year", path+"?year=1999", 404, nil)}
	case "GET /learning/jp/export.csv":
		out = []matrixCase{c("DLHK", path+"?unit=DLHK", 200, nil)}
	case "GET /verifikasi/{code}":
		out = []matrixCase{c("unknown", ev("AAAAAAAAAAAAAAAAAAAAAA"), 404, nil), c("malformed", ev("x"), 404, nil)}
	case "GET /kalender/{token}":
		out = []matrixCase{c("unknown", strings.Replace(path, "{token}", "kal_"+strings.Repeat("A", 43), 1), 404, nil),
			c("malformed", strings.Replace(path, "{token}", "abc", 1), 404, nil)}
	}
	return out, true
}

// lwRoute reports whether a pattern belongs to the pages of
// routes_learning.go, not to the learning administration.
func lwRoute(pattern string) bool { return lwRoutes()[pattern] }

var lwRoutes = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	newServer(nil, Options{}).learningRoutes(func(p string, _ http.Handler) { out[p] = true })
	return out
})
