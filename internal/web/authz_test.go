package web

import (
	"bytes"
	"context"
	"encoding/csv"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/store"
)

func TestEveryRouteHasAPolicyAndEveryWebPolicyARoute(t *testing.T) {
	routes := Routes()
	seen := map[string]bool{}
	for _, p := range routes {
		if _, ok := app.PolicyFor(p); !ok {
			t.Errorf("route %q has no entry in app.RoutePolicy", p)
		}
		if seen[p] {
			t.Errorf("route %q is registered twice", p)
		}
		seen[p] = true
	}
	for p := range app.RoutePolicy {
		if strings.Contains(p, " /api/") {
			continue // the API's own test covers /api/v1
		}
		if !seen[p] {
			t.Errorf("app.RoutePolicy has %q but the web site serves no such route", p)
		}
	}
	// A route without a policy stops the program at start-up.
	func() {
		defer func() {
			if recover() == nil {
				t.Error("registering a route without a policy entry did not panic")
			}
		}()
		newServer(nil, Options{}).registrar(http.NewServeMux())("GET /no/such/route", http.NotFoundHandler())
	}()
}

// matrix holds the objects of the authorization matrix: employees and
// units inside and outside each role's scope.
type matrix struct {
	st      *site
	actors  map[app.Role]app.Actor
	visible map[app.Role]map[string]bool // role → NIPs in scope
	// Names that must never appear in a role's pages: employees outside the
	// scope, less those who share a name with someone the role may see
	// (the synthetic names repeat) or who supervise someone in scope (a
	// profile names its supervisor).
	forbidden map[app.Role]map[string][]string // first word → names
	ownUnit   map[app.Role]string
	// P is the pegawai account's employee, D another DLHK employee in the
	// Kepala DLHK's team, X an employee of Dinas Pendidikan.
	P, D, X       store.EmployeeRow
	posIn, posOut string // positions of DLHK and DISDIK
}

// withinOf turns a scope into the store's row limit (the app does the same
// inside; the test derives its expectations from app.ScopeOf).
func withinOf(a app.Actor) *store.Within {
	sc := app.ScopeOf(a)
	switch {
	case sc.All:
		return nil
	case sc.UnitCode != "":
		return &store.Within{UnitCode: sc.UnitCode}
	case sc.EmployeeID != 0:
		return &store.Within{EmployeeID: sc.EmployeeID, Team: sc.Team}
	}
	return &store.Within{None: true}
}

func newMatrix(t *testing.T, st *site) *matrix {
	t.Helper()
	ctx := context.Background()
	m := &matrix{st: st, actors: map[app.Role]app.Actor{}, visible: map[app.Role]map[string]bool{},
		forbidden: map[app.Role]map[string][]string{}, ownUnit: map[app.Role]string{}}
	var all []store.EmployeeRow
	byID := map[int64]store.EmployeeRow{}
	assessors := map[int64][]string{} // employee → who assessed them
	if err := st.s.EachEmployee(ctx, store.Filter{}, func(e store.EmployeeRow, as []competency.Assessment) error {
		all = append(all, e)
		byID[e.ID] = e
		for _, x := range as {
			assessors[e.ID] = append(assessors[e.ID], x.Assessor)
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	for _, role := range app.Roles {
		a := st.actor(t, role)
		m.actors[role] = a
		vis := map[string]bool{}
		if a.Can(app.PermEmployeeRead) {
			if err := st.s.EachEmployee(ctx, store.Filter{Within: withinOf(a)}, func(e store.EmployeeRow, _ []competency.Assessment) error {
				vis[e.NIP] = true
				return nil
			}); err != nil {
				t.Fatal(err)
			}
		}
		m.visible[role] = vis
		allowed := map[string]bool{a.Name: true}
		// The matrix itself records assessments by every account on the
		// employees it uses; their histories then name those assessors.
		for _, acc := range st.accounts {
			allowed[acc.Name] = true
		}
		for _, e := range all {
			if vis[e.NIP] {
				allowed[e.Name] = true
				allowed[e.SupervisorName] = true
				for _, n := range assessors[e.ID] {
					allowed[n] = true // the assessment history names its assessors
				}
			}
		}
		idx := map[string][]string{}
		for _, e := range all {
			if !vis[e.NIP] && !allowed[e.Name] {
				first := strings.Fields(e.Name)[0]
				idx[first] = append(idx[first], e.Name)
			}
		}
		m.forbidden[role] = idx
		if a.EmployeeID != 0 {
			m.ownUnit[role] = byID[a.EmployeeID].UnitCode
		}
	}
	m.ownUnit[app.RoleAdminOPD] = "DLHK"
	m.ownUnit[app.RoleAdminBKPSDM] = "DLHK"
	m.ownUnit[app.RolePimpinan] = "DLHK"
	m.ownUnit[app.RoleMitra] = "DLHK"
	m.ownUnit[""] = "DLHK"

	m.P = byID[m.actors[app.RolePegawai].EmployeeID]
	dlhk := map[string]bool{}
	for nip := range m.visible[app.RoleAdminOPD] {
		dlhk[nip] = true
	}
	for _, e := range all {
		if m.D.ID == 0 && e.ID != m.P.ID && e.ID != m.actors[app.RoleAtasan].EmployeeID && dlhk[e.NIP] && m.visible[app.RoleAtasan][e.NIP] {
			m.D = e
		}
		if m.X.ID == 0 && e.UnitCode == "DISDIK" {
			m.X = e
		}
	}
	if m.P.ID == 0 || m.D.ID == 0 || m.X.ID == 0 || !m.visible[app.RoleAtasan][m.P.NIP] {
		t.Fatalf("the demo lacks the matrix's employees: P %v D %v X %v", m.P.NIP, m.D.NIP, m.X.NIP)
	}
	for unit, dst := range map[string]*string{"DLHK": &m.posIn, "DISDIK": &m.posOut} {
		ps, err := st.s.Positions(ctx, unit)
		if err != nil || len(ps) == 0 {
			t.Fatalf("positions of %s: %v", unit, err)
		}
		*dst = ps[0].Code
	}
	return m
}

var nipInTextRE = regexp.MustCompile(`\d{8} ?\d{6} ?\d ?\d{3}`)

// leaks lists the personal data outside a role's scope that a body shows:
// full NIPs and names.
func (m *matrix) leaks(role app.Role, body string) []string {
	var out []string
	self := m.actors[role].NIP
	for _, n := range nipInTextRE.FindAllString(body, -1) {
		n = strings.ReplaceAll(n, " ", "")
		if n != self && !m.visible[role][n] {
			out = append(out, "NIP "+n)
		}
	}
	txt := text(body)
	idx := m.forbidden[role]
	for i, w := range strings.Fields(txt) {
		_ = i
		if names, ok := idx[strings.Trim(w, ",.;:()")]; ok {
			for _, name := range names {
				if containsWord(txt, name) {
					out = append(out, "name "+name)
				}
			}
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

func containsWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		end := j + len(w)
		before := j == 0 || !isLetter(s[j-1])
		after := end == len(s) || !isLetter(s[end])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80 }

// matrixCase is one request of the matrix and the status the role should get.
type matrixCase struct {
	name   string
	method string
	path   string
	form   url.Values
	want   int
	// okAlso lists other acceptable statuses (catalog pages whose forms
	// the matrix fills only roughly).
	okAlso []int
}

// cases expands one route for one role into requests with objects inside
// and outside the role's scope, and the expected status of each.
func (m *matrix) cases(t *testing.T, pattern string, role app.Role, anonymous bool) []matrixCase {
	method, path, _ := strings.Cut(pattern, " ")
	perm, _ := app.PolicyFor(pattern)
	a := m.actors[role]
	can := !anonymous && a.Can(perm)
	// deny is the status every request of the route gets when the caller
	// lacks the permission; 0 when they hold it.
	deny := 0
	switch {
	case perm == app.PermPublic:
	case anonymous:
		deny = http.StatusSeeOther
	case !can:
		deny = http.StatusForbidden
	}
	status := func(ok int) int {
		if deny != 0 {
			return deny
		}
		return ok
	}
	vis := func(e store.EmployeeRow) bool { return !anonymous && m.visible[role][e.NIP] }
	emp := func(e store.EmployeeRow, ok int) int {
		if deny != 0 {
			return deny
		}
		if !vis(e) {
			return http.StatusNotFound
		}
		return ok
	}
	one := func(name string, want int) []matrixCase {
		return []matrixCase{{name: name, method: method, path: path, want: want}}
	}
	if out, ok := m.learningCases(t, pattern, role, deny); ok { // learning_authz_test.go
		return out
	}
	if out, ok := m.ladmCases(t, pattern, role, deny); ok { // learning_admin_authz_test.go
		return out
	}
	switch pattern {
	case "GET /static/{file}":
		return one("css", 200)[:0:0]
	case "GET /healthz", "GET /readyz":
		return one("probe", 200)
	case "GET /lang/{code}":
		return []matrixCase{{name: "en", method: method, path: "/lang/en", want: 303}}
	case "GET /login":
		if anonymous {
			return one("form", 200)
		}
		return one("logged in", 303)
	case "POST /login":
		return []matrixCase{{name: "wrong password", method: method, path: path, want: 401,
			form: url.Values{"login": {"tidak.ada." + string(role) + "@example.com"}, "password": {"salah-salah-salah"}}}}
	case "POST /logout":
		return nil // ends the session; TestSessions covers it
	case "GET /{$}", "GET /employees", "GET /account", "GET /employees/export.csv", "GET /employees/export.xlsx":
		return []matrixCase{{name: "page", method: method, path: strings.TrimSuffix(path, "{$}"), want: status(200)}}
	case "POST /employees/search":
		return []matrixCase{{name: "search", method: method, path: path, form: url.Values{"q": {"a"}}, want: status(303)}}
	case "POST /account/password":
		return []matrixCase{{name: "wrong current", method: method, path: path, want: status(422),
			form: url.Values{"current_password": {"salah"}, "password": {"Kata-Sandi-Baru-2026!"}, "password_confirm": {"Kata-Sandi-Baru-2026!"}}}}
	case "POST /account/totp":
		return []matrixCase{{name: "begin", method: method, path: path, form: url.Values{"step": {"begin"}}, want: status(200)}}
	case "GET /units/{code}":
		own := m.ownUnit[role]
		ownOK := 200
		if deny == 0 && app.ScopeOf(a).EmployeeID == 0 && !app.ScopeOf(a).All && app.ScopeOf(a).UnitCode == "" {
			ownOK = http.StatusNotFound
		}
		outOK := http.StatusNotFound
		if app.ScopeOf(a).All {
			outOK = 200
		}
		return []matrixCase{
			{name: "own unit", method: method, path: "/units/" + own, want: status(ownOK)},
			{name: "DISDIK", method: method, path: "/units/DISDIK", want: status(outOK)},
		}
	case "GET /employees/{nip}":
		var out []matrixCase
		for _, e := range []struct {
			n string
			e store.EmployeeRow
		}{{"P", m.P}, {"D", m.D}, {"X", m.X}} {
			out = append(out, matrixCase{name: e.n, method: method, path: "/employees/" + e.e.NIP, want: emp(e.e, 200)})
		}
		return out
	case "GET /employees/{nip}/assess", "POST /employees/{nip}/assess":
		var out []matrixCase
		for _, e := range []struct {
			n string
			e store.EmployeeRow
		}{{"P", m.P}, {"D", m.D}, {"X", m.X}} {
			ok := 200
			var form url.Values
			var srcs []competency.Source
			if deny == 0 && vis(e.e) {
				srcs = m.st.app.AllowedSources(context.Background(), a, e.e)
				if len(srcs) == 0 {
					ok = http.StatusForbidden
				}
			}
			if method == http.MethodPost {
				src := "supervisor"
				if len(srcs) > 0 {
					src = string(srcs[0])
				}
				form = url.Values{"competency": {"M.1"}, "source": {src}, "level": {"3"}, "assessed_on": {demoToday}, "status": {"final"}}
				if ok == 200 {
					ok = http.StatusSeeOther
				}
			}
			out = append(out, matrixCase{name: e.n, method: method, path: "/employees/" + e.e.NIP + "/assess", form: form, want: emp(e.e, ok)})
		}
		return out
	case "GET /employees/{nip}/skp", "GET /employees/{nip}/idp":
		var out []matrixCase
		for _, e := range []struct {
			n string
			e store.EmployeeRow
		}{{"P", m.P}, {"D", m.D}, {"X", m.X}} {
			out = append(out, matrixCase{name: e.n, method: method, path: strings.Replace(path, "{nip}", e.e.NIP, 1), want: emp(e.e, 200)})
		}
		if deny == 0 && vis(m.P) {
			out = append(out, matrixCase{name: "P bad year", method: method, path: strings.Replace(path, "{nip}", m.P.NIP, 1) + "?year=abc", want: 404})
		}
		return out
	case "POST /employees/{nip}/skp", "POST /employees/{nip}/skp/plan", "POST /employees/{nip}/skp/agree",
		"POST /employees/{nip}/skp/revise", "POST /employees/{nip}/skp/feedback", "POST /employees/{nip}/skp/evaluate",
		"POST /employees/{nip}/skp/acknowledge", "POST /employees/{nip}/idp", "POST /employees/{nip}/idp/items",
		"POST /employees/{nip}/idp/submit", "POST /employees/{nip}/idp/decide", "POST /employees/{nip}/idp/progress",
		"POST /employees/{nip}/talent":
		// Forms on records the workflow has closed (the SKP of a past
		// year) or that it refuses (an unknown competency, a return
		// without a comment): in scope the step is taken or refused (303,
		// 403, 409, 422) and nothing changes; outside it, 404 as for a
		// missing record.
		var out []matrixCase
		for _, e := range []struct {
			n string
			e store.EmployeeRow
		}{{"P", m.P}, {"D", m.D}, {"X", m.X}} {
			form := url.Values{"year": {"2025"}, "seq": {"0"}, "text": {"Catatan matriks"}, "period": {"0"}, "hasil": {"sesuai"},
				"perilaku": {"sesuai"}, "decision": {"return"}, "it0.competency": {"X.0"}, "it0.jp": {"1"}}
			exists := true
			switch {
			case strings.Contains(path, "/idp/"):
				form.Set("year", "2026")
				_, err := m.st.s.IDP(context.Background(), e.e.ID, 2026)
				exists = err == nil
			case strings.Contains(path, "/skp"):
				_, err := m.st.s.SKP(context.Background(), e.e.ID, 2025)
				exists = err == nil || pattern == "POST /employees/{nip}/skp"
			}
			c := matrixCase{name: e.n, method: method, path: strings.Replace(path, "{nip}", e.e.NIP, 1), form: form, want: emp(e.e, 303)}
			if c.want == 303 {
				c.okAlso = []int{403, 409, 422}
				if !exists {
					c.want = 404 // no such plan or SKP to change
				}
			}
			out = append(out, c)
		}
		return out
	case "GET /talent", "GET /succession", "GET /performance":
		sc := app.ScopeOf(a)
		outside := 200 // the rows are limited to the scope; only agency admins name a unit root
		if sc.UnitCode != "" {
			outside = http.StatusNotFound
		}
		out := []matrixCase{
			{name: "page", method: method, path: path, want: status(200)},
			{name: "DISDIK", method: method, path: path + "?unit=DISDIK", want: status(outside)},
		}
		if pattern == "GET /talent" {
			out = append(out, matrixCase{name: "box 5", method: method, path: path + "?box=5", want: status(200)},
				matrixCase{name: "unplaced", method: method, path: path + "?box=0", want: status(200)})
		}
		if pattern == "GET /performance" {
			out = append(out, matrixCase{name: "2025 annual", method: method, path: path + "?year=2025&seq=0", want: status(200)})
		}
		return out
	case "POST /performance/periods":
		return []matrixCase{{name: "year opened already", method: method, path: path, form: url.Values{"year": {"2024"}, "frequency": {"triwulanan"}}, want: status(409)}}
	case "POST /performance/periods/status":
		return []matrixCase{{name: "close a closed period", method: method, path: path, form: url.Values{"year": {"2024"}, "seq": {"1"}, "status": {"closed"}}, want: status(409)}}
	}
	// Routes of the catalogue pages: the permission decides 303/403; with
	// it, the page must not fail, and an out-of-scope object must not be
	// shown (the leak check runs on every body).
	var objs [][2]string
	switch {
	case strings.Contains(path, "/positions/{code}"):
		objs = [][2]string{{"DLHK", strings.Replace(path, "{code}", m.posIn, 1)}, {"DISDIK", strings.Replace(path, "{code}", m.posOut, 1)}}
	case strings.Contains(path, "/competencies/{code}"):
		objs = [][2]string{{"M.1", strings.Replace(path, "{code}", "M.1", 1)}}
	case strings.Contains(path, "{"):
		t.Errorf("the matrix does not know how to fill %s", pattern)
		return nil
	default:
		objs = [][2]string{{"page", path}}
	}
	var out []matrixCase
	for _, o := range objs {
		c := matrixCase{name: o[0], method: method, path: o[1], want: deny}
		if deny == 0 {
			c.want = 200
			c.okAlso = []int{303, 404, 422}
		}
		if method == http.MethodPost {
			c.form = url.Values{}
		}
		out = append(out, c)
	}
	return out
}

func TestAuthorizationMatrix(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	m := newMatrix(t, st)
	routes := Routes()
	roles := append([]app.Role{""}, app.Roles...) // "" is anonymous
	for _, role := range roles {
		anonymous := role == ""
		name := string(role)
		if anonymous {
			name = "anonymous"
		}
		t.Run(name, func(t *testing.T) {
			var c *client
			if anonymous {
				c = st.client(t)
			} else {
				c = st.login(t, role)
			}
			for _, pattern := range routes {
				for _, tc := range m.cases(t, pattern, role, anonymous) {
					var r response
					if tc.method == http.MethodPost {
						r = c.post(tc.path, tc.form)
					} else {
						r = c.get(tc.path)
					}
					if r.status != tc.want && !slices.Contains(tc.okAlso, r.status) {
						t.Errorf("%s (%s) %s: status %d, want %d", pattern, tc.name, tc.path, r.status, tc.want)
					}
					if tc.want == http.StatusSeeOther && anonymous && pattern != "GET /lang/{code}" && r.location() != "/login" {
						t.Errorf("%s (%s): anonymous sent to %q, not /login", pattern, tc.name, r.location())
					}
					if r.status >= 500 {
						t.Errorf("%s (%s): %d", pattern, tc.name, r.status)
					}
					if !anonymous {
						if l := m.leaks(role, r.body); len(l) > 0 {
							t.Errorf("%s (%s) %s shows data outside the scope: %v", pattern, tc.name, tc.path, l[:min(len(l), 5)])
						}
					} else if l := m.leaks(app.RoleMitra, r.body); len(l) > 0 {
						t.Errorf("%s (%s) shows personal data to an anonymous visitor: %v", pattern, tc.name, l[:min(len(l), 5)])
					}
				}
			}
		})
	}

	t.Run("lists and exports hold exactly the scope", func(t *testing.T) {
		for _, role := range app.Roles {
			a := m.actors[role]
			if !a.Can(app.PermEmployeeList) {
				continue
			}
			c := st.login(t, role)
			want := len(m.visible[role])
			r := c.get("/employees")
			if got := listTotal(t, r.body); got != want {
				t.Errorf("%s: the list says %d employees, the scope holds %d", role, got, want)
			}
			// Every page of a unit filter outside the scope is empty.
			r = c.get("/employees?unit=DISDIK")
			if app.ScopeOf(a).All {
				if listTotal(t, r.body) == 0 {
					t.Errorf("%s: DISDIK empty", role)
				}
			} else if total := listTotal(t, r.body); total != 0 {
				t.Errorf("%s: the DISDIK filter lists %d employees", role, total)
			}
			if l := m.leaks(role, r.body); len(l) > 0 {
				t.Errorf("%s: the DISDIK filter leaks %v", role, l)
			}
			// Search for an outside employee by name and by NIP.
			for _, q := range []string{m.X.Name, m.X.NIP} {
				r := c.follow(c.post("/employees/search", url.Values{"q": {q}}))
				// The search box shows what the user typed; the rows
				// are what counts.
				r.body = strings.Replace(r.body, `value="`+q+`"`, `value=""`, 1)
				if l := m.leaks(role, r.body); len(l) > 0 {
					t.Errorf("%s: searching %q leaks %v", role, q, l)
				}
				if !app.ScopeOf(a).All && strings.Contains(r.body, m.X.NIP) {
					t.Errorf("%s: searching finds the outside employee", role)
				}
			}
			if !a.Can(app.PermEmployeeExport) {
				continue
			}
			rows := csvRows(t, c.get("/employees/export.csv"))
			if len(rows)-1 != want {
				t.Errorf("%s: CSV has %d rows, scope %d", role, len(rows)-1, want)
			}
			for _, row := range rows[1:] {
				if nip := row[0]; !strings.Contains(nip, "•") && !m.visible[role][nip] {
					t.Errorf("%s: CSV holds %s outside the scope", role, nip)
				}
				if role == app.RolePimpinan && !strings.Contains(row[0], "•") {
					t.Errorf("pimpinan: CSV shows the full NIP %s", row[0])
				}
			}
			x := xlsxRows(t, c.get("/employees/export.xlsx"))
			if len(x)-1 != want {
				t.Errorf("%s: XLSX has %d rows, scope %d", role, len(x)-1, want)
			}
			for _, row := range x[1:] {
				if nip := row[0]; !strings.Contains(nip, "•") && !m.visible[role][nip] {
					t.Errorf("%s: XLSX holds %s outside the scope", role, nip)
				}
			}
		}
	})
}

var listTotalRE = regexp.MustCompile(`dari ([\d.]+) pegawai`)

// listTotal reads "Menampilkan 1–50 dari 1.234 pegawai" (0 without rows).
func listTotal(t *testing.T, body string) int {
	t.Helper()
	m := listTotalRE.FindStringSubmatch(text(body))
	if m == nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ".", ""))
	return n
}

func csvRows(t *testing.T, r response) [][]string {
	t.Helper()
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") {
		t.Fatalf("CSV export: %d %s", r.status, r.header.Get("Content-Type"))
	}
	rows, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(r.body, "\ufeff"))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func xlsxRows(t *testing.T, r response) [][]string {
	t.Helper()
	if r.status != 200 {
		t.Fatalf("XLSX export: %d", r.status)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(r.body)), excelize.Options{UnzipSizeLimit: 64 << 20, UnzipXMLSizeLimit: 16 << 20})
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

var _ = fmt.Sprint
