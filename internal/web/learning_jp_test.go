package web

import (
	"context"
	"slices"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
)

func TestLearningJPPage(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	sup := f.as(t, f.Sup)

	r := sup.get("/learning/jp")
	if r.status != 200 {
		t.Fatalf("team: %d", r.status)
	}
	rep, err := f.st.app.TeamJP(context.Background(), f.actSup, 2026)
	if err != nil {
		t.Fatal(err)
	}
	rows := tableAfter(t, r.body, `id="jp-table"`)
	if len(rows) != len(rep.Rows) || len(rows) == 0 {
		t.Fatalf("%d rows on the page, %d in the team", len(rows), len(rep.Rows))
	}
	// Every bar has its number and its words.
	for _, row := range rows {
		if !strings.Contains(row[2], "dari") || !(strings.Contains(row[3], "Tercapai") || strings.Contains(row[3], "Belum tercapai")) {
			t.Errorf("row without figure or label: %v", row)
		}
	}
	share := text(section(t, r.body, "compliance-share"))
	if !strings.Contains(share, strconv.Itoa(rep.Compliance.Met)) {
		t.Errorf("compliance %q, want %d on target", share, rep.Compliance.Met)
	}
	// Sorted by JP, most first.
	r = sup.get("/learning/jp?sort=jp&dir=desc")
	var jps []float64
	for _, row := range tableAfter(t, r.body, `id="jp-table"`) {
		v, _ := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(strings.Fields(row[2])[0], ".", ""), ",", "."), 64)
		jps = append(jps, v)
	}
	if !slices.IsSortedFunc(jps, func(a, b float64) int { return -cmpFloat(a, b) }) {
		t.Errorf("not sorted by JP descending: %v", jps)
	}
	// The CSV holds the same people, NIPs in full for the supervisor.
	csv := csvRows(t, sup.get("/learning/jp/export.csv"))
	if len(csv)-1 != len(rep.Rows) || !strings.Contains(strings.Join(csv[0], ","), "NIP") {
		t.Errorf("CSV %d rows: %v", len(csv)-1, csv[0])
	}
	nips := map[string]bool{}
	for _, row := range csv[1:] {
		nips[row[0]] = true
	}
	if !nips[f.P.NIP] || !nips[f.Q.NIP] {
		t.Error("the CSV lacks P or Q")
	}
	if r := sup.get("/learning/jp?year=abc"); r.status != 404 {
		t.Errorf("bad year: %d", r.status)
	}

	// An agency admin: its own agency by default; another is not found.
	opd := f.st.login(t, app.RoleAdminOPD)
	r = opd.get("/learning/jp")
	if r.status != 200 || !strings.Contains(text(r.body), "Dinas Lingkungan Hidup") {
		t.Errorf("admin OPD: %d", r.status)
	}
	if r := opd.get("/learning/jp?unit=DISDIK"); r.status != 404 {
		t.Errorf("admin OPD on DISDIK: %d", r.status)
	}
	// City-wide roles choose a unit first; then the unit's rows.
	pim := f.st.login(t, app.RolePimpinan)
	if r := pim.get("/learning/jp"); r.status != 200 || strings.Contains(r.body, `id="jp-table"`) || !strings.Contains(r.body, `<select id="unit"`) {
		t.Errorf("pimpinan without a unit: %d", r.status)
	}
	r = pim.get("/learning/jp?unit=DLHK")
	if r.status != 200 || !strings.Contains(r.body, `id="jp-table"`) {
		t.Fatalf("pimpinan DLHK: %d", r.status)
	}
	// Pimpinan see NIPs masked, on the page and in the file.
	if strings.Contains(r.body, f.P.NIP) || strings.Contains(r.body, nipSpaced(f.P.NIP)) {
		t.Error("pimpinan see a full NIP")
	}
	for _, row := range csvRows(t, pim.get("/learning/jp/export.csv?unit=DLHK"))[1:] {
		if !strings.Contains(row[0], "•") {
			t.Fatalf("pimpinan CSV shows the NIP %s", row[0])
		}
	}
	// An employee without a team: nobody below them.
	if r := f.as(t, f.P).get("/learning/jp"); r.status != 200 || !strings.Contains(text(r.body), "Tidak ada pegawai di bawah Anda") {
		t.Errorf("P: %d", r.status)
	}
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// nipSpaced writes a NIP as the pages do: 19850903 200701 1 003.
func nipSpaced(n string) string { return n[:8] + " " + n[8:14] + " " + n[14:15] + " " + n[15:] }

func TestLearningNavigation(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	nav := func(role app.Role) string {
		r := st.login(t, role).get("/")
		i := strings.Index(r.body, `<nav class="sidenav"`)
		if i < 0 {
			t.Fatalf("%s: no navigation", role)
		}
		j := strings.Index(r.body[i:], "</nav>")
		return r.body[i : i+j]
	}
	for _, c := range []struct {
		role      app.Role
		want, not []string
	}{
		{app.RolePegawai, []string{`href="/learning"`, `href="/learning/mine"`, `href="/learning/approvals"`, `href="/learning/jp"`}, []string{`href="/partners"`}},
		{app.RolePimpinan, []string{`href="/learning"`, `href="/learning/jp"`}, []string{`href="/learning/approvals"`}},
		{app.RoleMitra, []string{`href="/learning"`}, []string{`href="/learning/approvals"`, `href="/learning/jp"`}},
		{app.RoleAdminBKPSDM, []string{`href="/learning/approvals"`, `href="/learning/jp"`}, nil},
	} {
		n := nav(c.role)
		for _, w := range c.want {
			if !strings.Contains(n, w) {
				t.Errorf("%s: the navigation lacks %s", c.role, w)
			}
		}
		for _, w := range c.not {
			if strings.Contains(n, w) {
				t.Errorf("%s: the navigation shows %s", c.role, w)
			}
		}
	}
	// The admin links lead to pages that exist.
	if n := nav(app.RoleAdminBKPSDM); strings.Contains(n, `href="/partners"`) {
		if r := st.login(t, app.RoleAdminBKPSDM).get("/partners"); r.status != 200 {
			t.Errorf("/partners: %d", r.status)
		}
	}
}
