package web

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/store"
)

// jsonBlock decodes the <script type="application/json" id=...> data block
// a chart draws from.
func jsonBlock(t *testing.T, body, id string, v any) {
	t.Helper()
	raw := between(body, `<script type="application/json" id="`+id+`">`, "</script>")
	if raw == "" {
		t.Fatalf("no data block %s", id)
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		t.Fatalf("data block %s: %v\n%s", id, err, raw)
	}
}

func TestDashboards(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	m := newMatrix(t, st)

	t.Run("admin: figures, JPM distribution, heatmap", func(t *testing.T) {
		for _, role := range []app.Role{app.RoleAdminBKPSDM, app.RoleAdminOPD, app.RolePimpinan} {
			c := st.login(t, role)
			r := c.get("/")
			if r.status != 200 {
				t.Fatalf("%s: %d", role, r.status)
			}
			want := expectAll(t, st.s, store.Filter{Within: withinOf(m.actors[role])})
			body := text(r.body)
			if !strings.Contains(body, "Pegawai "+formatInt(len(want), "id")) {
				t.Errorf("%s: the card does not show %d employees", role, len(want))
			}
			var bands barChart
			jsonBlock(t, r.body, "bands-data", &bands)
			withJPM, sum := 0, 0
			for _, x := range want {
				if x.hasJPM {
					withJPM++
				}
			}
			for _, v := range bands.Values {
				sum += v
			}
			if len(bands.Values) != len(app.JPMBands) || sum != withJPM {
				t.Errorf("%s: bands %v sum to %d, %d employees have a JPM", role, bands.Values, sum, withJPM)
			}
			var heat heatChart
			jsonBlock(t, r.body, "heat-data", &heat)
			if len(heat.Rows) == 0 || len(heat.Cols) == 0 || len(heat.Cells) == 0 {
				t.Errorf("%s: empty heatmap %d×%d", role, len(heat.Rows), len(heat.Cols))
			}
			if role == app.RoleAdminOPD && heat.Rows[0] != "Dinas Lingkungan Hidup dan Kebersihan" {
				t.Errorf("admin_opd heatmap starts with %q", heat.Rows[0])
			}
			// The numbers are in a table one click away.
			if !strings.Contains(r.body, `<details class="chart-table">`) || len(tableAfter(t, r.body, `class="data heat"`)) != len(heat.Rows) {
				t.Errorf("%s: the heatmap has no table of its numbers", role)
			}
			if !strings.Contains(r.body, `src="/static/echarts.min.js?v=`) || !strings.Contains(r.body, `src="/static/charts.js?v=`) {
				t.Errorf("%s: the charts' scripts are not loaded", role)
			}
		}
	})

	t.Run("atasan: the team", func(t *testing.T) {
		c := st.login(t, app.RoleAtasan)
		r := c.get("/")
		team := len(m.visible[app.RoleAtasan]) - 1
		if !strings.Contains(text(r.body), "dari "+formatInt(team, "id")+" pegawai") {
			t.Errorf("the team table does not count %d subordinates", team)
		}
		rows := tableAfter(t, r.body, `id="team-h"`)
		if len(rows) != min(team, employeesPerPage) {
			t.Errorf("%d team rows", len(rows))
		}
	})

	t.Run("pegawai: own JPM, radar and gaps", func(t *testing.T) {
		c := st.login(t, app.RolePegawai)
		r := c.get("/")
		x := expectAll(t, st.s, store.Filter{NIP: m.P.NIP})[0]
		var radar radarChart
		jsonBlock(t, r.body, "radar-data", &radar)
		if len(radar.Codes) != len(x.lines) {
			t.Errorf("radar has %d axes, the standard %d competencies", len(radar.Codes), len(x.lines))
		}
		if rows := tableAfter(t, r.body, `id="gap-h"`); len(rows) != len(x.lines) {
			t.Errorf("%d gap rows for %d competencies", len(rows), len(x.lines))
		}
		if x.hasJPM && !strings.Contains(text(r.body), idPercent(x.jpm)) {
			t.Errorf("own JPM %s missing", idPercent(x.jpm))
		}
	})

	t.Run("mitra: no personal data, a way on", func(t *testing.T) {
		c := st.login(t, app.RoleMitra)
		r := c.get("/")
		if r.status != 200 || !strings.Contains(text(r.body), "Akun mitra") {
			t.Errorf("mitra dashboard: %d", r.status)
		}
		if strings.Contains(r.body, `href="/employees`) {
			t.Error("the mitra navigation links to employees")
		}
	})
}

func TestAssessmentEntry(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	m := newMatrix(t, st)
	c := st.login(t, app.RoleAtasan)
	// A shortfall of D's standard.
	x := expectAll(t, st.s, store.Filter{NIP: m.D.NIP})[0]
	var line *expectedLine
	for i, l := range x.lines {
		if !l.cur.Assessed || l.cur.Level < l.required {
			line = &x.lines[i]
			break
		}
	}
	if line == nil {
		t.Skip("D meets every competency")
	}
	profile := "/employees/" + m.D.NIP
	form := profile + "/assess"

	r := c.get(form + "?c=" + url.QueryEscape(line.code))
	if r.status != 200 {
		t.Fatalf("form: %d", r.status)
	}
	if !strings.Contains(r.body, `name="source" value="supervisor"`) || strings.Contains(r.body, `value="assessment_center"`) {
		t.Error("the supervisor is not offered exactly the supervisor source")
	}
	if strings.Count(r.body, `name="level"`) != 5 {
		t.Error("the form does not offer levels 1–5")
	}
	comp, err := st.s.CompetencyByCode(context.Background(), line.code)
	if err != nil || len(comp.Levels) != 5 {
		t.Fatalf("competency %s: %v", line.code, err)
	}
	if !strings.Contains(text(r.body), comp.Levels[line.required-1].Descriptor) {
		t.Error("the level's descriptor is not shown")
	}
	if !strings.Contains(r.body, `value="`+demoToday+`"`) {
		t.Error("the date does not default to today")
	}

	// Server-side validation, each message beside its field.
	bad := url.Values{"competency": {line.code}, "source": {"supervisor"}, "assessed_on": {"2027-01-01"}, "evidence": {"catatan"}}
	r = c.post(form, bad)
	if r.status != http.StatusUnprocessableEntity {
		t.Fatalf("invalid form: %d", r.status)
	}
	for _, id := range []string{"level-error", "date-error"} {
		if !strings.Contains(r.body, `id="`+id+`"`) {
			t.Errorf("no %s beside its field", id)
		}
	}
	if !strings.Contains(r.body, ">catatan</textarea>") || !strings.Contains(r.body, `value="supervisor" checked`) {
		t.Error("the form forgets what was typed")
	}
	r = c.post(form, url.Values{"competency": {line.code}, "source": {"assessment_center"}, "level": {"3"}, "assessed_on": {demoToday}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(r.body, `id="source-error"`) {
		t.Errorf("a source the supervisor may not record: %d, no source error", r.status)
	}
	c.lang = "en"
	r = c.post(form, bad)
	if !strings.Contains(text(r.body), "Choose a level from 1 to 5.") {
		t.Error("the English form does not explain the level error in English")
	}
	c.lang = ""
	if n := countAssessments(t, st, m.D.ID); n != len(mustAssessments(t, st, m.D.ID)) {
		t.Fatal("unreachable")
	}
	before := len(mustAssessments(t, st, m.D.ID))

	// A valid one: the profile shows the new level, gap and JPM.
	r = c.post(form, url.Values{"competency": {line.code}, "source": {"supervisor"}, "level": {strconv.Itoa(line.required)},
		"assessed_on": {demoToday}, "evidence": {"Memimpin rapat koordinasi"}, "status": {"final"}})
	if r.status != http.StatusSeeOther || r.location() != profile {
		t.Fatalf("save: %d to %q\n%s", r.status, r.location(), text(r.body))
	}
	if got := len(mustAssessments(t, st, m.D.ID)); got != before+1 {
		t.Fatalf("%d assessments after saving, want %d", got, before+1)
	}
	r = c.follow(r)
	if !strings.Contains(text(r.body), "Penilaian tersimpan.") {
		t.Error("no confirmation")
	}
	rows := tableAfter(t, r.body, `id="gap-h"`)
	row := findRow(rows, 0, line.code)
	if row == nil || row[4] != strconv.Itoa(line.required) || row[5] != "0 (memenuhi)" {
		t.Errorf("gap row after the assessment: %v", row)
	}
	var radar radarChart
	jsonBlock(t, r.body, "radar-data", &radar)
	for i, code := range radar.Codes {
		for _, s := range radar.Series {
			if code == line.code && s.Kind == "actual" && (s.Values[i] == nil || *s.Values[i] != line.required) {
				t.Errorf("the radar's actual %s is %v", code, s.Values[i])
			}
		}
	}
	after := expectAll(t, st.s, store.Filter{NIP: m.D.NIP})[0]
	if !after.hasJPM || !strings.Contains(text(r.body), idPercent(after.jpm)) {
		t.Errorf("the profile does not show the new JPM %s", idPercent(after.jpm))
	}
	if x.hasJPM && after.jpm == x.jpm && line.cur.Assessed {
		t.Error("the JPM did not change")
	}

	// The employee rates themself: only the self source; the official
	// level stays.
	p := st.login(t, app.RolePegawai)
	r = p.get("/employees/" + m.P.NIP + "/assess")
	if !strings.Contains(r.body, `name="source" value="self"`) || strings.Contains(r.body, `value="supervisor"`) {
		t.Error("an employee is offered another source than self")
	}
	// An admin enters assessment-centre results.
	a := st.login(t, app.RoleAdminOPD)
	r = a.get(form)
	if !strings.Contains(r.body, `value="assessment_center"`) {
		t.Error("the agency admin cannot enter assessment-centre results")
	}
}

func mustAssessments(t *testing.T, st *site, id int64) []competency.Assessment {
	t.Helper()
	as, err := st.s.Assessments(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return as
}

func countAssessments(t *testing.T, st *site, id int64) int { return len(mustAssessments(t, st, id)) }

var hrefEmployeeRE = regexp.MustCompile(`href="/employees/([^"/?]+)"`)

func TestNIPMaskedForPimpinan(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	m := newMatrix(t, st)
	c := st.login(t, app.RolePimpinan)
	r := c.get("/employees?unit=DLHK")
	if nipInTextRE.MatchString(r.body) {
		t.Errorf("the list shows a full NIP to pimpinan: %s", nipInTextRE.FindString(r.body))
	}
	links := hrefEmployeeRE.FindAllStringSubmatch(r.body, -1)
	if len(links) == 0 {
		t.Fatal("no profile links")
	}
	for _, l := range links {
		if !strings.HasPrefix(l[1], refPrefix) {
			t.Fatalf("a profile link names the employee: %s", l[1])
		}
	}
	p := c.get("/employees/" + links[0][1])
	if p.status != 200 {
		t.Fatalf("profile by reference: %d", p.status)
	}
	if nipInTextRE.MatchString(p.body) {
		t.Error("the profile shows a full NIP to pimpinan")
	}
	if !strings.Contains(p.body, "•••") || strings.Contains(text(p.body), "Tanggal lahir") {
		t.Error("the NIP is not masked, or the birth date is shown")
	}
	// The reference means nothing in another session.
	other := st.login(t, app.RolePimpinan)
	if r := other.get("/employees/" + links[0][1]); r.status != http.StatusNotFound {
		t.Errorf("another session opens the reference: %d", r.status)
	}
	// Those who need it see it.
	for _, role := range []app.Role{app.RoleAdminOPD, app.RoleAtasan} {
		r := st.login(t, role).get("/employees/" + m.D.NIP)
		if !strings.Contains(r.body, people.FormatNIP(m.D.NIP)) {
			t.Errorf("%s does not see the full NIP", role)
		}
	}
	if r := st.login(t, app.RolePegawai).get("/employees/" + m.P.NIP); !strings.Contains(r.body, people.FormatNIP(m.P.NIP)) {
		t.Error("an employee does not see their own NIP")
	}
}

func TestEmployeeListSearchSortExport(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	m := newMatrix(t, st)
	c := st.login(t, app.RoleAdminOPD)
	ctx := context.Background()

	// Search by name: POST, then a token in the URL, never the term.
	name := strings.Fields(m.D.Name)[0]
	r := c.post("/employees/search", url.Values{"q": {name}, "unit": {"DLHK"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("search: %d", r.status)
	}
	loc := r.location()
	if strings.Contains(loc, name) || !strings.Contains(loc, "s=") || !strings.Contains(loc, "unit=DLHK") {
		t.Errorf("the result URL %q", loc)
	}
	r = c.get(loc)
	rows := tableAfter(t, r.body, `id="list-caption"`)
	if len(rows) == 0 {
		t.Fatal("no result")
	}
	for _, row := range rows {
		if !strings.Contains(strings.ToLower(row[0]), strings.ToLower(name)) {
			t.Errorf("row %q does not match %q", row[0], name)
		}
	}
	// By NIP prefix.
	r = c.follow(c.post("/employees/search", url.Values{"q": {m.D.NIP[:14]}}))
	if !strings.Contains(r.body, people.FormatNIP(m.D.NIP)) {
		t.Error("a NIP prefix does not find the employee")
	}
	// The token belongs to the session.
	if r := st.login(t, app.RoleAdminOPD).get(loc); !strings.Contains(text(r.body), "sudah tidak tersimpan") {
		t.Error("another session reads the search token")
	}
	// Sorted by NIP, descending, every page.
	r = c.get("/employees?sort=nip&dir=desc")
	rows = tableAfter(t, r.body, `id="list-caption"`)
	for i := 1; i < len(rows); i++ {
		if strings.ReplaceAll(rows[i][1], " ", "") > strings.ReplaceAll(rows[i-1][1], " ", "") {
			t.Fatalf("sort=nip desc: %s after %s", rows[i][1], rows[i-1][1])
		}
	}
	if total := listTotal(t, r.body); total != len(m.visible[app.RoleAdminOPD]) {
		t.Errorf("total %d", total)
	}
	pages := (len(m.visible[app.RoleAdminOPD]) + employeesPerPage - 1) / employeesPerPage
	last := c.get("/employees?sort=nip&dir=desc&page=" + strconv.Itoa(pages))
	if n := len(tableAfter(t, last.body, `id="list-caption"`)); n != len(m.visible[app.RoleAdminOPD])-(pages-1)*employeesPerPage {
		t.Errorf("the last page has %d rows", n)
	}
	// An unknown sort column falls back to the name.
	if r := c.get("/employees?sort=password"); r.status != 200 {
		t.Errorf("unknown sort: %d", r.status)
	}

	// Exports neutralise formulas.
	evil := `=HYPERLINK("http://evil.example","klik")`
	if err := st.s.InTx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE employees SET name = $1, front_title = '', back_title = '' WHERE nip = $2`, evil, m.D.NIP)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	r = c.get("/employees/export.csv?unit=DLHK")
	if cd := r.header.Get("Content-Disposition"); !strings.Contains(cd, "asah-pegawai-DLHK-"+demoToday+".csv") || nipInTextRE.MatchString(cd) {
		t.Errorf("file name %q", cd)
	}
	found := false
	for _, row := range csvRows(t, r) {
		if row[0] == m.D.NIP {
			found = true
			if row[1] != "'"+evil {
				t.Errorf("CSV name cell %q is not neutralised", row[1])
			}
		}
	}
	if !found {
		t.Error("the CSV lacks the patched employee")
	}
	found = false
	for _, row := range xlsxRows(t, c.get("/employees/export.xlsx?unit=DLHK")) {
		if len(row) > 1 && row[0] == m.D.NIP {
			found = true
			if row[1] != "'"+evil {
				t.Errorf("XLSX name cell %q is not neutralised", row[1])
			}
		}
	}
	if !found {
		t.Error("the XLSX lacks the patched employee")
	}
	// Roles without the export permission get 403.
	if r := st.login(t, app.RoleAtasan).get("/employees/export.csv"); r.status != http.StatusForbidden {
		t.Errorf("atasan export: %d", r.status)
	}
}
