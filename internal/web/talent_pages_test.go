package web

import (
	"context"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/performance"
)

// TestNineBoxPages: the grid shows, for every role, exactly the counts of
// app.NineBox; a box lists only the people of the viewer's scope, linked to
// their profiles; a placement reviewed by an admin moves on the grid.
func TestNineBoxPages(t *testing.T) {
	t.Parallel()
	talentEngines(t, testNineBox)
}

func testNineBox(t *testing.T, st *site) {
	ctx := context.Background()
	m := newMatrix(t, st)
	for _, role := range []app.Role{app.RoleAdminBKPSDM, app.RoleAdminOPD, app.RoleAtasan, app.RolePegawai, app.RolePimpinan} {
		a := m.actors[role]
		c := st.login(t, role)
		g, err := st.app.NineBox(ctx, a, "")
		if err != nil {
			t.Fatal(err)
		}
		r := c.get("/talent")
		wantStatus(t, string(role)+" grid", r, 200)
		checkHTML(t, string(role)+" /talent", r)
		counts := boxCounts(t, r.body)
		for b := 1; b <= 9; b++ {
			if counts[b] != g.Cells[b].Count {
				t.Errorf("%s: box %d shows %d, app.NineBox counts %d", role, b, counts[b], g.Cells[b].Count)
			}
		}
		if got := text(between(r.body, `id="nb-total">`, "<")); got != formatInt(g.Total, "id") {
			t.Errorf("%s: total %s, want %d", role, got, g.Total)
		}
		if role == app.RoleAdminBKPSDM && g.Total != demoEmployees {
			t.Errorf("the city-wide grid holds %d of %d employees", g.Total, demoEmployees)
		}
		// The fullest box and the unplaced: every row is someone in scope.
		best := 1
		for b := 1; b <= 9; b++ {
			if g.Cells[b].Count > g.Cells[best].Count {
				best = b
			}
		}
		for _, b := range []int{best, 0} {
			r := c.get("/talent?box=" + strconv.Itoa(b))
			wantStatus(t, string(role)+" box", r, 200)
			want := g.Cells[b].Count
			if want == 0 {
				continue
			}
			if got := showing(r.body); got != want {
				t.Errorf("%s box %d: the list says %d people, the box holds %d", role, b, got, want)
			}
			rows := tableAfter(t, r.body, `id="box-people"`)
			if len(rows) != min(want, boxesPerPage) {
				t.Errorf("%s box %d: %d rows", role, b, len(rows))
			}
			for i, row := range g.Cells[b].People[:len(rows)] {
				if !strings.Contains(rows[i][0], row.Employee.Name) {
					t.Errorf("%s box %d row %d: %q, want %s", role, b, i, rows[i][0], row.Employee.Name)
					break
				}
				if !m.visible[role][row.Employee.NIP] {
					t.Errorf("%s box %d lists %s outside the scope", role, b, row.Employee.NIP)
				}
			}
			if l := m.leaks(role, r.body); len(l) > 0 {
				t.Errorf("%s box %d leaks %v", role, b, l)
			}
			if role == app.RolePimpinan && regexp.MustCompile(`href="/employees/\d`).MatchString(r.body) {
				t.Error("pimpinan: a box links to a profile by NIP instead of a sealed reference")
			}
			for _, row := range rows {
				if b == 0 && !strings.Contains(row[6], "elum") {
					t.Errorf("%s: the unplaced %s has no reason: %q", role, row[0], row[6])
				}
			}
		}
	}
	// A unit: the counts of that unit; outside an agency admin's scope, 404.
	admin := st.login(t, app.RoleAdminBKPSDM)
	g, err := st.app.NineBox(ctx, m.actors[app.RoleAdminBKPSDM], "DLHK")
	if err != nil {
		t.Fatal(err)
	}
	counts := boxCounts(t, admin.get("/talent?unit=DLHK").body)
	for b := 1; b <= 9; b++ {
		if counts[b] != g.Cells[b].Count {
			t.Errorf("DLHK box %d shows %d, want %d", b, counts[b], g.Cells[b].Count)
		}
	}
	opd := st.login(t, app.RoleAdminOPD)
	for _, path := range []string{"/talent?unit=DISDIK", "/talent?box=10", "/talent?box=x"} {
		if r := opd.get(path); r.status != 404 {
			t.Errorf("%s: %d, want 404", path, r.status)
		}
	}

	// Review: an admin overrides a placement (a reason is required); the
	// person moves to the decided box.
	var who app.PlacementRow
	for _, row := range g.Cells[5].People {
		if row.Employee.ID != m.actors[app.RoleAdminOPD].EmployeeID {
			who = row
			break
		}
	}
	if who.Employee.ID == 0 {
		t.Fatal("no DLHK employee in box 5")
	}
	skp := "/employees/" + who.Employee.NIP + "/skp"
	r := opd.get(skp)
	if !strings.Contains(r.body, `id="review-form"`) || text(between(r.body, `id="talent-box">`, "</p>")) != "5 Kotak 5" {
		t.Fatalf("the talent section: %q", text(between(r.body, `id="talent-box">`, "</p>")))
	}
	r = opd.post("/employees/"+who.Employee.NIP+"/talent", url.Values{"year": {"2026"}, "box": {"8"}})
	wantStatus(t, "override without a reason", r, 422)
	if !strings.Contains(alertText(r.body), "alasan wajib diisi") {
		t.Errorf("override without a reason: %q", alertText(r.body))
	}
	after := done(t, opd, "override", "/employees/"+who.Employee.NIP+"/talent", url.Values{"year": {"2026"}, "box": {"8"},
		"reason": {"Memimpin penanganan banjir Cicadas dengan hasil di atas target"}})
	if got := text(between(after.body, `id="talent-box">`, "</p>")); got != "8 Kotak 8" {
		t.Errorf("after the override the section shows %q", got)
	}
	if !strings.Contains(text(between(after.body, `id="talent"`, "</section>")), "Memimpin penanganan banjir Cicadas") {
		t.Error("the review's reason is not in the history")
	}
	counts2 := boxCounts(t, opd.get("/talent").body)
	g2, _ := st.app.NineBox(ctx, m.actors[app.RoleAdminOPD], "")
	if counts2[8] != g2.Cells[8].Count || counts2[5] != g2.Cells[5].Count {
		t.Errorf("after the override the grid shows 5:%d 8:%d, the app 5:%d 8:%d", counts2[5], counts2[8], g2.Cells[5].Count, g2.Cells[8].Count)
	}
	found := false
	for _, row := range g2.Cells[8].People {
		found = found || row.Employee.ID == who.Employee.ID
	}
	if !found {
		t.Error("the overridden employee is not in box 8")
	}
	// The employee sees their box but may not review it.
	if r := st.loginEmployee(t, who.Employee.NIP, app.RolePegawai).get(skp); strings.Contains(r.body, `id="review-form"`) ||
		!strings.Contains(r.body, `id="talent-box"`) {
		t.Error("the employee may review their own placement, or does not see it")
	}
}

// TestSuccessionPage: the key positions with holders, the flag for a holder
// retiring within the horizon, ranked candidates; names outside the
// viewer's scope withheld.
func TestSuccessionPage(t *testing.T) {
	t.Parallel()
	talentEngines(t, testSuccession)
}

func testSuccession(t *testing.T, st *site) {
	ctx := context.Background()
	m := newMatrix(t, st)
	for _, role := range []app.Role{app.RoleAdminBKPSDM, app.RoleAdminOPD, app.RolePimpinan} {
		a := m.actors[role]
		lists, err := st.app.Succession(ctx, a, "")
		if err != nil || len(lists) == 0 {
			t.Fatalf("%s: %v, %d lists", role, err, len(lists))
		}
		flagged := 0
		for _, l := range lists {
			if l.HolderRetiring {
				flagged++
			}
		}
		c := st.login(t, role)
		r := c.get("/succession")
		wantStatus(t, string(role), r, 200)
		checkHTML(t, string(role)+" /succession", r)
		if got := text(between(r.body, `id="succ-total">`, "<")); got != formatInt(len(lists), "id") {
			t.Errorf("%s: %s key positions, want %d", role, got, len(lists))
		}
		if got := text(between(r.body, `id="succ-flagged">`, "<")); got != formatInt(flagged, "id") {
			t.Errorf("%s: %s flagged, want %d", role, got, flagged)
		}
		if n := strings.Count(r.body, `class="card succ-position"`); n != min(len(lists), positionsPerPage) {
			t.Errorf("%s: %d positions on the first page", role, n)
		}
		// The first position: its candidates in rank order, as the app ranks them.
		first := lists[0]
		sec := between(r.body, `id="pos-`+first.Position.Code+`"`, "</section>")
		if len(first.Successors) > 0 {
			rows := tableAfter(t, sec, `succ-table`)
			if len(rows) != len(first.Successors) {
				t.Fatalf("%s: %d candidates shown, %d ranked", role, len(rows), len(first.Successors))
			}
			for i, s := range first.Successors {
				if rows[i][0] != strconv.Itoa(s.Rank) || (s.HasJPM && rows[i][4] != formatPercent(s.JPM, "id")) {
					t.Errorf("%s: candidate %d shows %v, want rank %d JPM %.2f", role, i, rows[i], s.Rank, s.JPM)
				}
				if s.Person.Visible && !strings.Contains(rows[i][1], s.Person.Name) {
					t.Errorf("%s: candidate %d %q, want %s", role, i, rows[i][1], s.Person.Name)
				}
				if !s.Person.Visible && !strings.Contains(rows[i][1], "di luar kewenangan") {
					t.Errorf("%s: candidate %d outside the scope shows %q", role, i, rows[i][1])
				}
			}
		}
		if l := m.leaks(role, r.body); len(l) > 0 {
			t.Errorf("%s: the succession page leaks %v", role, l)
		}
		if role == app.RoleAdminOPD {
			dlhk := catSubtree(t, st.s, "DLHK")
			for _, l := range lists {
				if !dlhk[l.Position.UnitCode] {
					t.Errorf("admin_opd sees the key position %s of %s", l.Position.Code, l.Position.UnitCode)
				}
			}
		}
		// Only the flagged ones.
		r = c.get("/succession?retiring=1")
		if n := strings.Count(r.body, "flag-retiring"); n != min(flagged, positionsPerPage) {
			t.Errorf("%s: the retiring filter shows %d flagged positions, want %d", role, n, min(flagged, positionsPerPage))
		}
	}
	for _, role := range []app.Role{app.RoleAtasan, app.RolePegawai, app.RoleMitra} {
		if r := st.login(t, role).get("/succession"); r.status != 403 {
			t.Errorf("%s reads the succession lists: %d", role, r.status)
		}
	}
	if r := st.login(t, app.RoleAdminOPD).get("/succession?unit=DISDIK"); r.status != 404 {
		t.Errorf("admin_opd reads DISDIK's succession: %d", r.status)
	}
}

// TestPerformancePage: the periods of a year and the predikat distribution
// equal app.PredikatDistribution, in a chart with its table; agency admins
// see their own units only.
func TestPerformancePage(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	ctx := context.Background()
	m := newMatrix(t, st)
	for _, role := range []app.Role{app.RoleAdminBKPSDM, app.RoleAdminOPD, app.RolePimpinan, app.RolePegawai} {
		a := m.actors[role]
		rep, err := st.app.PredikatDistribution(ctx, a, 2025, performance.AnnualSeq, "")
		if err != nil {
			t.Fatal(err)
		}
		c := st.login(t, role)
		r := c.get("/performance?year=2025&seq=0")
		wantStatus(t, string(role), r, 200)
		checkHTML(t, string(role)+" /performance", r)
		var chart barChart
		jsonBlock(t, r.body, "predikat-data", &chart)
		for i, n := range rep.Total.Counts {
			if chart.Values[i] != n {
				t.Errorf("%s: chart %v, report %v", role, chart.Values, rep.Total.Counts)
				break
			}
		}
		if rows := tableAfter(t, r.body, `id="predikat-totals"`); len(rows) != 5 || rows[1][1] != formatInt(rep.Total.Counts[1], "id") {
			t.Errorf("%s: totals table %v", role, rows)
		}
		if rows := tableAfter(t, r.body, `id="predikat-units"`); len(rows) != len(rep.Rows) {
			t.Errorf("%s: %d unit rows, report %d", role, len(rows), len(rep.Rows))
		}
		if role == app.RolePegawai && rep.Total.Headcount != 1 {
			t.Errorf("pegawai: the distribution covers %d people", rep.Total.Headcount)
		}
		manage := strings.Contains(r.body, `action="/performance/periods"`)
		if manage != a.Can(app.PermPeriodManage) {
			t.Errorf("%s: period forms shown %v", role, manage)
		}
		if l := m.leaks(role, r.body); len(l) > 0 {
			t.Errorf("%s leaks %v", role, l)
		}
	}
	opd := st.login(t, app.RoleAdminOPD)
	if r := opd.get("/performance?unit=DISDIK"); r.status != 404 {
		t.Errorf("admin_opd reads DISDIK: %d", r.status)
	}
	for _, path := range []string{"/performance?year=2500", "/performance?year=2025&seq=9"} {
		if r := opd.get(path); r.status != 404 {
			t.Errorf("%s: %d", path, r.status)
		}
	}
	// A year not opened says so; a bad year is named beside the field.
	admin := st.login(t, app.RoleAdminBKPSDM)
	r := admin.get("/performance?year=2023")
	if !strings.Contains(text(r.body), "Tahun kinerja 2023 belum dibuka") || strings.Contains(r.body, `id="predikat-data"`) {
		t.Error("an unopened year")
	}
	r = admin.post("/performance/periods", url.Values{"year": {"20x7"}, "frequency": {"triwulanan"}})
	wantStatus(t, "bad year", r, 422)
	if !strings.Contains(r.body, `value="20x7"`) || !strings.Contains(alertText(r.body), "Isi tahun 2000–2100") {
		t.Errorf("bad year: %q", alertText(r.body))
	}
	r = admin.post("/performance/periods", url.Values{"year": {"2028"}, "frequency": {"mingguan"}})
	wantStatus(t, "bad frequency", r, 422)
	if ps, _ := st.s.Periods(ctx, 2028); len(ps) != 0 {
		t.Error("a refused year was opened")
	}
	// English.
	admin.lang = "en"
	r = admin.get("/performance?year=2025&seq=0")
	if !strings.Contains(text(r.body), "Distribution of ratings: Annual") || !strings.Contains(text(r.body), "Very good") {
		t.Errorf("English page: %s", heading(r.body))
	}
}

// TestTalentNavigation: the menu offers the new pages to the roles that
// may use them, and the profile links to the SKP, IDP and placement.
func TestTalentNavigation(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	m := newMatrix(t, st)
	for _, role := range app.Roles {
		a := m.actors[role]
		c := st.login(t, role)
		nav := between(c.get("/").body, `<nav class="sidenav"`, "</nav>")
		for link, perm := range map[string]app.Permission{"/talent": app.PermTalentRead, "/succession": app.PermSuccessionRead, "/performance": app.PermPerformanceReport} {
			if got := strings.Contains(nav, `href="`+link+`"`); got != a.Can(perm) {
				t.Errorf("%s: menu link %s %v", role, link, got)
			}
		}
		own := a.NIP != "" && a.EmployeeID != 0
		if got := strings.Contains(nav, `href="/employees/`+a.NIP+`/skp"`); got != (own && a.Can(app.PermSKPRead)) {
			t.Errorf("%s: SKP saya %v", role, got)
		}
		if got := strings.Contains(nav, `href="/employees/`+a.NIP+`/idp"`); got != (own && a.Can(app.PermIDPRead)) {
			t.Errorf("%s: IDP saya %v", role, got)
		}
	}
	// The profile links (sealed for pimpinan).
	for _, role := range []app.Role{app.RoleAdminOPD, app.RolePimpinan} {
		r := st.login(t, role).get("/employees/" + m.D.NIP)
		for _, id := range []string{"link-skp", "link-idp", "link-talent"} {
			mm := regexp.MustCompile(`href="([^"]+)" id="` + id + `"`).FindStringSubmatch(r.body)
			if mm == nil || !strings.HasPrefix(mm[1], "/employees/") {
				t.Errorf("%s: no %s on the profile", role, id)
				continue
			}
			href := mm[1]
			if role == app.RolePimpinan && strings.Contains(href, m.D.NIP) {
				t.Errorf("pimpinan: %s shows the NIP: %s", id, href)
			}
		}
	}
}
