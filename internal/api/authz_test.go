package api

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/performance"
	"asah/internal/store"
)

// callers are the rows of the authorization matrix: one token per role,
// no token, a revoked and an expired token.
var callers = []string{"admin_bkpsdm", "admin_opd", "atasan", "pegawai", "pimpinan", "mitra", "none", "revoked", "expired"}

func authenticated(caller string) bool {
	return caller != "none" && caller != "revoked" && caller != "expired"
}

// may is the permission matrix of the issue, written out independently of
// app.grants: which callers may use which kind of route at all.
func may(caller, what string) bool {
	switch what {
	case "unit", "position", "employee":
		return caller != "mitra"
	case "competency":
		return true
	case "assess":
		return caller != "mitra" && caller != "pimpinan"
	// Performance, talent and development (issue 4): everyone but mitra
	// reads; pimpinan changes nothing; periods are the BKPSDM's; reviews of
	// a placement are the admins'; succession lists are for admins and
	// pimpinan.
	case "skp.read", "performance.report", "talent.read", "idp.read":
		return caller != "mitra"
	case "skp.write", "skp.rate", "idp.write", "idp.approve":
		return caller != "mitra" && caller != "pimpinan"
	case "period.manage":
		return caller == "admin_bkpsdm"
	case "talent.review":
		return caller == "admin_bkpsdm" || caller == "admin_opd"
	case "succession":
		return caller == "admin_bkpsdm" || caller == "admin_opd" || caller == "pimpinan"
	// Learning (issue 5): everyone reads the catalogue and events (a mitra
	// its own institution's); programs and events are managed by BKPSDM
	// and the provider's mitra; employees enroll, nominate and approve by
	// their relation; attendance is taken by the admins and the provider's
	// mitra; partners are read by the admins, pimpinan and the mitra.
	case "learning.read":
		return true
	case "learning.manage":
		return caller == "admin_bkpsdm" || caller == "mitra"
	case "enroll.self", "enroll.nominate", "enroll.approve", "jp.claim", "jp.approve", "evaluation.write", "certificate.read":
		return caller != "mitra" && caller != "pimpinan"
	case "attendance":
		return caller == "admin_bkpsdm" || caller == "admin_opd" || caller == "mitra"
	case "jp.read":
		return caller != "mitra"
	case "evaluation.report", "partner.read":
		return caller == "admin_bkpsdm" || caller == "admin_opd" || caller == "pimpinan" || caller == "mitra"
	}
	panic(what)
}

// expect is the status a caller gets for an object: 401 without a valid
// token, 403 without the permission, else 200 (or ok) inside the scope and
// 404 outside it.
func expect(caller, what string, inScope bool, ok int) int {
	switch {
	case !authenticated(caller):
		return 401
	case !may(caller, what):
		return 403
	case !inScope:
		return 404
	}
	return ok
}

// TestAuthorizationMatrix runs every API route for every caller on objects
// inside and outside their scope, checks the status, that no body names an
// employee outside the caller's scope, and that list contents and totals
// equal what the scope rules give when computed straight from the database.
func TestAuthorizationMatrix(t *testing.T) {
	f := newFixture(t)
	w := f.world()
	missingNIP := "199912312099121999"
	if _, ok := scopeAll(w)[missingNIP]; ok {
		t.Fatal("the missing NIP exists")
	}
	posUnit := map[string]string{}
	rows, err := f.db.Query(`SELECT p.code, u.code FROM positions p JOIN org_units u ON u.id = p.unit_id`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var p, u string
		rows.Scan(&p, &u)
		posUnit[p] = u
	}
	rows.Close()
	nips := []string{f.staff.NIP, f.kadis.NIP, f.other.NIP, missingNIP}
	positions := []string{f.staff.PositionCode, "DLHK-KADIS", f.other.PositionCode, "TIDAK-ADA"}
	unitsQ := []string{f.staff.UnitCode, "DLHK", f.others.Code, "TIDAK-ADA"}
	all := scopeAll(w)
	f.prepareRecords(t, 2027, []store.EmployeeRow{f.staff, f.kadis, f.other})
	learn := f.prepareLearning(t)

	for _, caller := range callers {
		t.Run(caller, func(t *testing.T) {
			scope := f.scope(w, caller)
			units := f.units(w, caller)
			// leak fails the test when a body names a real employee outside the scope.
			leak := func(route string, r response) {
				t.Helper()
				for _, n := range nipsIn(r.body) {
					if all[n] && !scope[n] {
						t.Errorf("%s: body names %s, outside the scope of %s", route, n, caller)
					}
				}
				if r.status == 401 && !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") {
					t.Errorf("%s: 401 without WWW-Authenticate: Bearer", route)
				}
				if r.status >= 400 {
					if e := r.errorOf(t); e.Code == "" || e.Message == "" || e.Fields == nil {
						t.Errorf("%s: error object %+v", route, e)
					}
				}
			}
			status := func(route string, r response, want int) {
				t.Helper()
				if r.status != want {
					t.Errorf("%s as %s: %d, want %d: %s", route, caller, r.status, want, truncate(r.body))
				}
				leak(route, r)
			}

			r := f.do(caller, "GET", "/api/v1/openapi.json", nil)
			status("GET openapi.json", r, 200)

			// Units: exactly the units of the scope.
			r = f.do(caller, "GET", "/api/v1/units", nil)
			status("GET units", r, expect(caller, "unit", true, 200))
			if r.status == 200 {
				var l struct{ Items []unitJSON }
				r.json(t, &l)
				got := map[string]bool{}
				for _, u := range l.Items {
					got[u.Code] = true
				}
				if !sameSet(got, units) {
					t.Errorf("GET units: %d units, want %d", len(got), len(units))
				}
			}

			// Positions: the list holds only visible units' positions.
			r = f.do(caller, "GET", "/api/v1/positions", nil)
			status("GET positions", r, expect(caller, "position", true, 200))
			if r.status == 200 {
				var l struct{ Items []positionJSON }
				r.json(t, &l)
				if len(l.Items) == 0 {
					t.Error("GET positions: empty")
				}
				for _, p := range l.Items {
					if !units[p.UnitCode] {
						t.Errorf("GET positions: %s of unit %s outside the scope", p.Code, p.UnitCode)
					}
				}
			}
			for _, u := range unitsQ {
				r = f.do(caller, "GET", "/api/v1/positions?unit="+url.QueryEscape(u), nil)
				status("GET positions?unit="+u, r, expect(caller, "position", units[u], 200))
			}
			for _, p := range positions {
				r = f.do(caller, "GET", "/api/v1/positions/"+p, nil)
				status("GET positions/"+p, r, expect(caller, "position", units[posUnit[p]], 200))
				if r.status == 200 {
					var v positionDetailJSON
					r.json(t, &v)
					if v.Code != p || len(v.Standard) != v.StandardSize {
						t.Errorf("GET positions/%s: %s with %d of %d standard lines", p, v.Code, len(v.Standard), v.StandardSize)
					}
				}
			}

			r = f.do(caller, "GET", "/api/v1/competencies", nil)
			status("GET competencies", r, expect(caller, "competency", true, 200))
			if r.status == 200 {
				var l struct{ Items []competencyJSON }
				r.json(t, &l)
				if len(l.Items) < 9 || len(l.Items[0].Levels) != 5 {
					t.Errorf("GET competencies: %d entries", len(l.Items))
				}
			}

			// Employees: every page together is exactly the scope.
			r = f.do(caller, "GET", "/api/v1/employees?per_page=200", nil)
			status("GET employees", r, expect(caller, "employee", true, 200))
			if r.status == 200 {
				var p employeePageJSON
				r.json(t, &p)
				if p.Total != len(scope) {
					t.Errorf("GET employees: total %d, want %d in scope", p.Total, len(scope))
				}
				if len(scope) <= 600 {
					got := map[string]bool{}
					for page := 1; ; page++ {
						r := f.do(caller, "GET", fmt.Sprintf("/api/v1/employees?per_page=200&page=%d", page), nil)
						status("GET employees page", r, 200)
						var p employeePageJSON
						r.json(t, &p)
						for _, e := range p.Items {
							got[e.NIP] = true
						}
						if len(p.Items) < 200 {
							break
						}
					}
					if !sameSet(got, scope) {
						t.Errorf("GET employees: %d employees over all pages, want the %d of the scope", len(got), len(scope))
					}
				}
			}
			for _, q := range []string{"?unit=" + f.others.Code, "?q=" + f.other.NIP, "?q=" + url.QueryEscape(f.other.Name)} {
				r = f.do(caller, "GET", "/api/v1/employees"+q, nil)
				status("GET employees"+q, r, expect(caller, "employee", true, 200))
			}

			// One employee: profile, gaps, assessments.
			for _, nip := range nips {
				for _, suffix := range []string{"", "/gaps", "/assessments"} {
					route := "GET employees/" + nip + suffix
					r = f.do(caller, "GET", "/api/v1/employees/"+nip+suffix, nil)
					status(route, r, expect(caller, "employee", scope[nip], 200))
					if r.status == 200 && suffix != "/assessments" {
						var v struct{ NIP string }
						r.json(t, &v)
						if v.NIP != nip {
							t.Errorf("%s: nip %s", route, v.NIP)
						}
					}
				}
			}

			// Recording: an employee outside the scope is 404 whatever the
			// source; inside, the caller's own source is accepted.
			src := map[string]string{"admin_bkpsdm": "assessment_center", "admin_opd": "assessment_center",
				"atasan": "supervisor", "pegawai": "self"}[caller]
			if src == "" {
				src = "supervisor"
			}
			for _, nip := range []string{f.staff.NIP, f.other.NIP, missingNIP} {
				body := map[string]any{"nip": nip, "competency": "M.1", "source": src, "level": 3, "assessed_on": "2026-11-20"}
				r = f.do(caller, "POST", "/api/v1/assessments", body)
				status("POST assessments "+nip, r, expect(caller, "assess", scope[nip], 201))
			}

			f.matrixTalent(t, w, caller, nips, unitsQ, status)
			f.matrixLearning(t, w, caller, learn, nips, unitsQ, status)
		})
	}
	if s := f.log.String(); s != "" {
		t.Errorf("the matrix logged: %s", s)
	}
}

func scopeAll(w *world) map[string]bool {
	out := map[string]bool{}
	for _, n := range w.nips {
		out[n] = true
	}
	return out
}

func sameSet(a, b map[string]bool) bool {
	if len(a) != len(b) {
		return false
	}
	for k := range a {
		if !b[k] {
			return false
		}
	}
	return true
}

// TestAuthorizationEdges covers what the matrix does not: malformed
// Authorization headers, unknown API paths and methods.
func TestAuthorizationEdges(t *testing.T) {
	f := newFixture(t)
	for _, h := range []string{"", "Bearer", "Bearer ", "Basic " + f.tokens["admin_bkpsdm"], f.tokens["admin_bkpsdm"],
		"Bearer asah_tidak-ada", "Bearer " + f.tokens["admin_bkpsdm"] + "x", "Bearer " + strings.Repeat("a", 5000)} {
		req := newRequest("GET", "/api/v1/units", nil)
		if h != "" {
			req.Header.Set("Authorization", h)
		}
		r := f.send(req, nil)
		if r.status != 401 || !strings.HasPrefix(r.header.Get("WWW-Authenticate"), "Bearer") || r.errorOf(t).Code != "unauthenticated" {
			t.Errorf("Authorization %.30q: %d %q", h, r.status, r.header.Get("WWW-Authenticate"))
		}
	}
	// The scheme is case-insensitive.
	req := newRequest("GET", "/api/v1/units", nil)
	req.Header.Set("Authorization", "bearer "+f.tokens["admin_bkpsdm"])
	if r := f.send(req, nil); r.status != 200 {
		t.Errorf("lower-case bearer: %d", r.status)
	}
	for _, c := range []struct {
		method, path string
		status       int
		allow        string
	}{
		{"GET", "/api/v1/nothing", 404, ""},
		{"GET", "/api/v1/", 404, ""},
		{"DELETE", "/api/v1/units", 405, "GET"},
		{"GET", "/api/v1/assessments", 405, "POST"},
		{"PUT", "/api/v1/employees/" + f.staff.NIP, 405, "GET"},
	} {
		r := f.do("admin_bkpsdm", c.method, c.path, nil)
		if r.status != c.status || !strings.Contains(r.header.Get("Allow"), c.allow) {
			t.Errorf("%s %s: %d (Allow %q), want %d", c.method, c.path, r.status, r.header.Get("Allow"), c.status)
		}
	}
}

// prepareRecords gives each employee an SKP of year that is evaluated for
// Triwulan I (the annual evaluation still pending) and a development plan
// of year that is submitted: the matrix then probes every step on records
// whose stage refuses it, so that no request of the matrix changes them.
func (f *fixture) prepareRecords(t *testing.T, year int, es []store.EmployeeRow) {
	t.Helper()
	ctx := context.Background()
	a, admin := f.app, app.System
	if _, err := a.OpenPerformanceYear(ctx, admin, year, ""); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SetPeriodStatus(ctx, admin, year, 1, "open"); err != nil {
		t.Fatal(err)
	}
	plan := performance.Plan{Results: []performance.WorkResult{{Text: "Terlaksananya program kerja",
		Indicators: []performance.Indicator{{Text: "Capaian program", Target: "100%"}}}}}
	for _, e := range es {
		self := app.Actor{Name: e.Name, Role: app.RolePegawai, EmployeeID: e.ID}
		steps := []func() error{
			func() error { _, err := a.CreateSKP(ctx, admin, e.NIP, year); return err },
			func() error { _, err := a.SaveSKPPlan(ctx, admin, e.NIP, year, plan); return err },
			func() error { _, err := a.AgreeSKP(ctx, self, e.NIP, year); return err },
			func() error { _, err := a.AgreeSKP(ctx, admin, e.NIP, year); return err },
			func() error {
				_, err := a.EvaluateSKP(ctx, admin, e.NIP, year, app.EvaluationInput{Period: 1, Hasil: "sesuai", Perilaku: "sesuai"})
				return err
			},
			func() error { _, err := a.CreateIDP(ctx, admin, e.NIP, year); return err },
			func() error { _, err := a.SubmitIDP(ctx, admin, e.NIP, year); return err },
		}
		for i, step := range steps {
			if err := step(); err != nil {
				t.Fatalf("records of %s, step %d: %v", e.Name, i+1, err)
			}
		}
	}
}

// matrixTalent runs the performance, talent and development routes for one
// caller on the records prepareRecords made: 401/403/404 as for the other
// routes; inside the scope, the status the caller's relation to the
// employee and the record's stage give; lists and counts limited to the
// scope; and an employee outside the scope answered exactly as a missing one.
func (f *fixture) matrixTalent(t *testing.T, w *world, caller string, nips, unitsQ []string, status func(string, response, int)) {
	t.Helper()
	scope, units := f.scope(w, caller), f.units(w, caller)
	idOf := map[string]int64{}
	for id, n := range w.nips {
		idOf[n] = id
	}
	var me int64
	switch caller {
	case "atasan":
		me = f.kadis.ID
	case "pegawai":
		me = f.staff.ID
	}
	pick := func(ok bool, yes, no int) int {
		if ok {
			return yes
		}
		return no
	}

	// Routes without an employee.
	r := f.do(caller, "GET", "/api/v1/performance/periods/2027", nil)
	status("GET periods/2027", r, expect(caller, "skp.read", true, 200))
	r = f.do(caller, "POST", "/api/v1/performance/periods", map[string]any{"year": 2031})
	status("POST periods", r, expect(caller, "period.manage", true, 201))
	r = f.do(caller, "PUT", "/api/v1/performance/periods/2031/1", map[string]any{"status": "open"})
	status("PUT periods/2031/1", r, expect(caller, "period.manage", true, 200))

	// Unit reports: an agency admin is held to its subtree; the others'
	// rows are limited by their scope whatever unit they name.
	exists := func(u string) bool { _, ok := w.unitID[u]; return ok }
	inUnit := func(u string) int {
		n := 0
		for nip := range scope {
			if u == "" || w.underUnit(w.unitOf[idOf[nip]], w.unitID[u]) {
				n++
			}
		}
		return n
	}
	for _, u := range append([]string{""}, unitsQ...) {
		ok := u == "" || (exists(u) && (caller != "admin_opd" || units[u]))
		q := ""
		if u != "" {
			q = "&unit=" + url.QueryEscape(u)
		}
		r = f.do(caller, "GET", "/api/v1/performance/predikat?year=2025"+q, nil)
		status("GET predikat?unit="+u, r, expect(caller, "performance.report", ok, 200))
		if r.status == 200 {
			var rep predikatReportJSON
			r.json(t, &rep)
			if rep.Total.Headcount != inUnit(u) {
				t.Errorf("GET predikat?unit=%s: headcount %d, want %d in scope", u, rep.Total.Headcount, inUnit(u))
			}
		}
		route := "GET ninebox?unit=" + u
		seen := map[string]bool{}
		for page := 1; ; page++ {
			r = f.do(caller, "GET", fmt.Sprintf("/api/v1/talent/ninebox?per_page=1000&page=%d%s", page, q), nil)
			status(route, r, expect(caller, "talent.read", ok, 200))
			if r.status != 200 {
				break
			}
			var g nineBoxJSON
			r.json(t, &g)
			for _, p := range g.Placements.Items {
				seen[p.NIP] = true
			}
			if g.Total != inUnit(u) {
				t.Errorf("%s: total %d, want %d in scope", route, g.Total, inUnit(u))
			}
			if len(g.Placements.Items) < 1000 {
				if len(seen) != inUnit(u) {
					t.Errorf("%s: %d placements over all pages, want %d", route, len(seen), inUnit(u))
				}
				break
			}
		}
		r = f.do(caller, "GET", "/api/v1/succession"+strings.Replace(q, "&", "?", 1), nil)
		status("GET succession?unit="+u, r, expect(caller, "succession", ok, 200))
	}

	// Routes about one employee.
	type probe struct {
		method, path string
		body         any
		what         string
		ok           int
	}
	answers := map[string]map[string]response{} // route → nip → answer
	for _, nip := range nips {
		id := idOf[nip]
		self := me != 0 && me == id
		sup := me != 0 && id != 0 && w.sup[id] == me // the direct supervisor: the SKP's rater and the plan's approver
		admin := caller == "admin_bkpsdm" || caller == "admin_opd"
		writer := self || sup || admin
		e := "/api/v1/employees/" + nip
		skp, idp := e+"/skp/2027", e+"/idp/2027"
		probes := []probe{
			{"GET", skp, nil, "skp.read", 200},
			{"POST", skp, nil, "skp.write", pick(writer, 409, 403)},
			{"PUT", skp + "/plan", samplePlanBody(), "skp.write", pick(writer, 409, 403)},
			{"POST", skp + "/agree", nil, "skp.write", pick(writer, 409, 403)},
			{"POST", skp + "/revise", nil, "skp.write", pick(writer, 409, 403)},
			{"POST", skp + "/feedback", map[string]any{"text": ""}, "skp.write", pick(writer, 422, 403)},
			{"POST", skp + "/evaluations", map[string]any{"period": 0, "hasil": "sesuai", "perilaku": "sesuai"}, "skp.rate",
				pick(!self && (sup || admin), 422, 403)},
			{"POST", skp + "/evaluations/2/acknowledge", nil, "skp.write", pick(self, 409, 403)},
			{"GET", e + "/talent", nil, "talent.read", 200},
			{"PUT", e + "/talent", map[string]any{"box": 0}, "talent.review", 422},
			{"GET", idp, nil, "idp.read", 200},
			{"GET", idp + "/proposal", nil, "idp.read", 200},
			{"POST", idp, nil, "idp.write", pick(self || admin, 409, 403)},
			{"PUT", idp + "/items", map[string]any{"items": []any{}}, "idp.write", pick(self || admin, 409, 403)},
			{"POST", idp + "/submit", nil, "idp.write", pick(self || admin, 409, 403)},
			{"POST", idp + "/decision", map[string]any{"approve": false}, "idp.approve", pick(!self && (sup || admin), 422, 403)},
			{"PUT", idp + "/items/1/progress", map[string]any{"status": "done"}, "idp.write", pick(writer, 409, 403)},
		}
		for _, p := range probes {
			route := p.method + " " + strings.Replace(p.path, nip, "{nip}", 1)
			r := f.do(caller, p.method, p.path, p.body)
			status(route+" "+nip, r, expect(caller, p.what, scope[nip], p.ok))
			if answers[route] == nil {
				answers[route] = map[string]response{}
			}
			answers[route][nip] = r
			if r.status == 200 && p.method == "GET" {
				var v struct {
					NIP       string
					Placement struct{ NIP string }
				}
				r.json(t, &v)
				if v.NIP != nip && v.Placement.NIP != nip {
					t.Errorf("%s %s: answers about %s%s", route, nip, v.NIP, v.Placement.NIP)
				}
			}
		}
	}
	// Outside the scope is indistinguishable from missing.
	other, missing := nips[2], nips[3]
	if !scope[other] {
		for route, byNIP := range answers {
			a, b := byNIP[other], byNIP[missing]
			if a.status != b.status || string(a.body) != string(b.body) {
				t.Errorf("%s: outside the scope %d %s, missing %d %s", route, a.status, a.body, b.status, b.body)
			}
		}
	}
}
