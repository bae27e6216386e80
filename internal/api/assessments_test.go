package api

import (
	"fmt"
	"strings"
	"testing"

	"asah/internal/report"
)

func assessment(nip, comp, source string, level int) map[string]any {
	return map[string]any{"nip": nip, "competency": comp, "source": source, "level": level, "assessed_on": "2026-11-26"}
}

// TestRecordAssessmentRules: the source rules of each role, scope before
// anything else, and that a recorded assessment comes back as created.
func TestRecordAssessmentRules(t *testing.T) {
	f := newFixture(t)
	staff, kadis, other := f.staff.NIP, f.kadis.NIP, f.other.NIP
	cases := []struct {
		caller, nip, source string
		status              int
	}{
		// pegawai: self only, source self only.
		{"pegawai", staff, "self", 201},
		{"pegawai", staff, "supervisor", 403},
		{"pegawai", staff, "assessment_center", 403},
		{"pegawai", kadis, "self", 404},
		{"pegawai", other, "supervisor", 404},
		// atasan: supervisor for the team, self for themself.
		{"atasan", staff, "supervisor", 201},
		{"atasan", staff, "self", 403},
		{"atasan", staff, "assessment_center", 403},
		{"atasan", kadis, "self", 201},
		{"atasan", kadis, "supervisor", 403},
		{"atasan", other, "supervisor", 404},
		// admin_opd: assessment center and 360 within DLHK.
		{"admin_opd", staff, "assessment_center", 201},
		{"admin_opd", kadis, "360", 201},
		{"admin_opd", staff, "supervisor", 403},
		{"admin_opd", other, "assessment_center", 404},
		// admin_bkpsdm: official sources for anyone.
		{"admin_bkpsdm", other, "assessment_center", 201},
		{"admin_bkpsdm", staff, "supervisor", 201},
		{"admin_bkpsdm", staff, "self", 403},
		// read-only and partner roles.
		{"pimpinan", staff, "assessment_center", 403},
		{"mitra", staff, "assessment_center", 403},
		{"none", staff, "assessment_center", 401},
		{"revoked", staff, "assessment_center", 401},
	}
	for _, c := range cases {
		r := f.do(c.caller, "POST", "/api/v1/assessments", assessment(c.nip, "M.2", c.source, 3))
		if r.status != c.status {
			t.Errorf("%s records %s for %s: %d, want %d: %s", c.caller, c.source, c.nip, r.status, c.status, r.body)
			continue
		}
		switch r.status {
		case 201:
			var a assessmentJSON
			r.json(t, &a)
			if a.NIP != c.nip || a.Competency != "M.2" || a.Source != c.source || a.Level != 3 || a.AssessedOn != "2026-11-26" ||
				a.Status != "final" || a.ID == 0 || a.Assessor == "" {
				t.Errorf("%s: created %+v", c.caller, a)
			}
			// It is the newest in the employee's history.
			l := f.do(c.caller, "GET", "/api/v1/employees/"+c.nip+"/assessments", nil)
			var h struct{ Items []assessmentJSON }
			l.json(t, &h)
			found := false
			for _, x := range h.Items {
				found = found || x.ID == a.ID
			}
			if !found {
				t.Errorf("%s: assessment %d not in the history", c.caller, a.ID)
			}
		case 403:
			if e := r.errorOf(t); c.caller != "pimpinan" && c.caller != "mitra" && e.Fields["source"] == "" {
				t.Errorf("%s %s: 403 without fields.source: %+v", c.caller, c.source, e)
			}
		case 404:
			if strings.Contains(string(r.body), c.nip) {
				t.Errorf("404 names the NIP: %s", r.body)
			}
		}
	}
}

// TestRecordAssessmentInput: what is wrong with a body is told with the
// right status and field, and nothing is recorded.
func TestRecordAssessmentInput(t *testing.T) {
	f := newFixture(t)
	nip := f.staff.NIP
	before := f.do("admin_opd", "GET", "/api/v1/employees/"+nip+"/assessments", nil)
	raw := func(s string) string { return s }
	cases := []struct {
		name   string
		body   any
		ct     string
		status int
		field  string
	}{
		{"level too high", assessment(nip, "M.1", "assessment_center", 9), "", 422, "level"},
		{"level missing", map[string]any{"nip": nip, "competency": "M.1", "source": "assessment_center", "assessed_on": "2026-11-26"}, "", 422, "level"},
		{"unknown competency", assessment(nip, "X.99", "assessment_center", 3), "", 422, "competency"},
		{"unknown source", assessment(nip, "M.1", "ramalan", 3), "", 422, "source"},
		{"bad date", map[string]any{"nip": nip, "competency": "M.1", "source": "assessment_center", "level": 3, "assessed_on": "26-11-2026"}, "", 422, "assessed_on"},
		{"future date", map[string]any{"nip": nip, "competency": "M.1", "source": "assessment_center", "level": 3, "assessed_on": "2026-12-01"}, "", 422, "assessed_on"},
		{"bad status", map[string]any{"nip": nip, "competency": "M.1", "source": "assessment_center", "level": 3, "assessed_on": "2026-11-26", "status": "maybe"}, "", 422, "status"},
		{"no nip", map[string]any{"competency": "M.1", "source": "assessment_center", "level": 3, "assessed_on": "2026-11-26"}, "", 422, "nip"},
		{"evidence too long", map[string]any{"nip": nip, "competency": "M.1", "source": "assessment_center", "level": 3, "assessed_on": "2026-11-26", "evidence": strings.Repeat("b", 4001)}, "", 422, "evidence"},
		{"malformed JSON", raw(`{"nip": "` + nip + `", "level": `), "", 400, ""},
		{"syntax error", raw(`{"nip" "x"}`), "", 400, ""},
		{"not an object", raw(`[1, 2]`), "", 400, ""},
		{"empty body", raw(``), "", 400, ""},
		{"two objects", raw(`{"nip":"` + nip + `"} {}`), "", 400, ""},
		{"unknown field", map[string]any{"nip": nip, "competency": "M.1", "source": "assessment_center", "level": 3, "assessed_on": "2026-11-26", "grade": 3}, "", 400, "grade"},
		{"level as text", map[string]any{"nip": nip, "competency": "M.1", "source": "assessment_center", "level": "3", "assessed_on": "2026-11-26"}, "", 400, "level"},
		{"too large", map[string]any{"nip": nip, "competency": "M.1", "source": "assessment_center", "level": 3, "assessed_on": "2026-11-26", "evidence": strings.Repeat("a", 70<<10)}, "", 413, ""},
		{"form body", raw(`nip=` + nip), "application/x-www-form-urlencoded", 415, ""},
		// Scope comes first: an invalid body for someone outside the scope is 404.
		{"outside scope and invalid", assessment(f.other.NIP, "M.1", "assessment_center", 9), "", 404, ""},
	}
	for _, c := range cases {
		var r response
		if c.ct != "" {
			req := newRequest("POST", "/api/v1/assessments", strings.NewReader(c.body.(string)))
			req.Header.Set("Content-Type", c.ct)
			req.Header.Set("Authorization", "Bearer "+f.tokens["admin_opd"])
			r = f.send(req, []byte(c.body.(string)))
		} else {
			r = f.do("admin_opd", "POST", "/api/v1/assessments", c.body)
		}
		if r.status != c.status {
			t.Errorf("%s: %d, want %d: %s", c.name, r.status, c.status, truncate(r.body))
			continue
		}
		e := r.errorOf(t)
		if c.field != "" && e.Fields[c.field] == "" {
			t.Errorf("%s: no fields.%s in %+v", c.name, c.field, e)
		}
		if e.Message == "" || strings.Contains(e.Message, "json:") {
			t.Errorf("%s: message %q", c.name, e.Message)
		}
	}
	after := f.do("admin_opd", "GET", "/api/v1/employees/"+nip+"/assessments", nil)
	if string(before.body) != string(after.body) {
		t.Error("a refused request changed the assessments")
	}
}

// TestRecordedAssessmentChangesGaps: a successful POST shows in the
// employee's gaps at once.
func TestRecordedAssessmentChangesGaps(t *testing.T) {
	f := newFixture(t)
	path := "/api/v1/employees/" + f.staff.NIP + "/gaps"
	var before report.Gap
	f.do("atasan", "GET", path, nil).json(t, &before)
	if len(before.Competencies) == 0 {
		t.Fatal("the staff member's position has no standard")
	}
	line := before.Competencies[len(before.Competencies)-1]
	level := line.Required%5 + 1 // a level the line does not hold now
	if line.Actual != nil && *line.Actual == level {
		level = level%5 + 1
	}
	body := map[string]any{"nip": f.staff.NIP, "competency": line.Code, "source": "assessment_center", "level": level,
		"assessed_on": demoToday, "assessor": "UPT Asesmen", "evidence": "Laporan asesmen 2026"}
	if r := f.do("admin_bkpsdm", "POST", "/api/v1/assessments", body); r.status != 201 {
		t.Fatalf("POST: %d %s", r.status, r.body)
	}
	var after report.Gap
	f.do("atasan", "GET", path, nil).json(t, &after)
	var got *report.GapCompetency
	for i := range after.Competencies {
		if after.Competencies[i].Code == line.Code {
			got = &after.Competencies[i]
		}
	}
	if got == nil || got.Actual == nil || *got.Actual != level || *got.Source != "assessment_center" || *got.AssessedOn != demoToday ||
		*got.Gap != level-line.Required {
		t.Fatalf("after POST, %s: %+v", line.Code, got)
	}
	if after.JPM == nil || (before.JPM != nil && *before.JPM == *after.JPM && line.Actual != nil && min(*line.Actual, line.Required) != min(level, line.Required)) {
		t.Errorf("JPM %v → %v", before.JPM, after.JPM)
	}
	// The reference date still applies: before the new assessment it does not count.
	var earlier report.Gap
	f.do("atasan", "GET", path+"?date=2026-11-26", nil).json(t, &earlier)
	for _, c := range earlier.Competencies {
		if c.Code == line.Code && c.AssessedOn != nil && *c.AssessedOn == demoToday {
			t.Error("an assessment counts before its date")
		}
	}
}

// TestQueryParameters: malformed parameters are 400, out-of-range ones 422,
// each naming the parameter.
func TestQueryParameters(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		target string
		status int
		field  string
	}{
		{"/api/v1/employees?page=0", 400, "page"},
		{"/api/v1/employees?page=x", 400, "page"},
		{"/api/v1/employees?per_page=-1", 400, "per_page"},
		{"/api/v1/employees?per_page=201", 422, "per_page"},
		{"/api/v1/employees?sort=salary", 400, "sort"},
		{"/api/v1/employees?order=up", 400, "order"},
		{"/api/v1/employees?unit=TIDAK-ADA", 422, "unit"},
		{"/api/v1/employees?q=" + strings.Repeat("a", 101), 422, "q"},
		{"/api/v1/employees/" + f.staff.NIP + "/gaps?date=27-11-2026", 400, "date"},
		{"/api/v1/employees/" + f.staff.NIP + "/gaps?date=2026-02-30", 400, "date"},
		{"/api/v1/positions?unit=" + strings.Repeat("U", 65), 400, "unit"},
		{"/api/v1/employees?per_page=200&page=2&sort=nip&order=desc", 200, ""},
		{"/api/v1/employees/" + f.staff.NIP + "/gaps?date=2025-01-01", 200, ""},
	}
	for _, c := range cases {
		r := f.do("admin_bkpsdm", "GET", c.target, nil)
		if r.status != c.status {
			t.Errorf("%s: %d, want %d: %s", c.target, r.status, c.status, truncate(r.body))
			continue
		}
		if c.field != "" {
			if e := r.errorOf(t); e.Fields[c.field] == "" {
				t.Errorf("%s: no fields.%s in %+v", c.target, c.field, e)
			}
		}
	}
	// Pages: sorted by NIP descending, the second page follows the first.
	var p1, p2 employeePageJSON
	f.do("admin_bkpsdm", "GET", "/api/v1/employees?per_page=3&sort=nip&order=desc", nil).json(t, &p1)
	f.do("admin_bkpsdm", "GET", "/api/v1/employees?per_page=3&page=2&sort=nip&order=desc", nil).json(t, &p2)
	if p1.Total != 2000 || len(p1.Items) != 3 || len(p2.Items) != 3 || p2.Page != 2 || p1.PerPage != 3 ||
		!(p1.Items[2].NIP > p2.Items[0].NIP) || !(p1.Items[0].NIP > p1.Items[1].NIP) {
		t.Errorf("pages: %+v / %+v", p1, p2)
	}
	// q finds a name (any case) and a NIP prefix; unit narrows to a subtree.
	var byName, byNIP, byUnit employeePageJSON
	f.do("admin_bkpsdm", "GET", "/api/v1/employees?q="+strings.ToUpper(strings.ReplaceAll(f.staff.Name, " ", "+")), nil).json(t, &byName)
	f.do("admin_bkpsdm", "GET", "/api/v1/employees?q="+f.staff.NIP[:14], nil).json(t, &byNIP)
	f.do("admin_bkpsdm", "GET", "/api/v1/employees?per_page=200&unit=DLHK", nil).json(t, &byUnit)
	if !hasNIP(byName.Items, f.staff.NIP) || !hasNIP(byNIP.Items, f.staff.NIP) || !hasNIP(byUnit.Items, f.staff.NIP) || hasNIP(byUnit.Items, f.other.NIP) {
		t.Errorf("search: name %d, nip %d, unit %d rows", byName.Total, byNIP.Total, byUnit.Total)
	}
}

func fval(p *float64) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprint(*p)
}

func hasNIP(items []employeeJSON, nip string) bool {
	for _, e := range items {
		if e.NIP == nip {
			return true
		}
	}
	return false
}

// TestProfileAndLists checks the content of the single-object answers
// against the store.
func TestProfileAndLists(t *testing.T) {
	f := newFixture(t)
	var p profileJSON
	f.do("atasan", "GET", "/api/v1/employees/"+f.staff.NIP, nil).json(t, &p)
	e := f.staff
	if p.NIP != e.NIP || p.Name != e.Name || p.Kind != string(e.Kind) || p.Golongan != e.Golongan || p.UnitCode != e.UnitCode ||
		p.Position != e.PositionTitle || p.PositionCode != e.PositionCode || p.BirthDate != e.BirthDate.Format("2006-01-02") ||
		p.RetirementDate != e.RetirementDate.Format("2006-01-02") || (p.Sex != "male" && p.Sex != "female") {
		t.Errorf("profile %+v of %+v", p, e)
	}
	// The atasan sees the supervisor (inside the team); the pegawai does not
	// get the supervisor's NIP (outside their scope).
	if p.SupervisorNIP == nil || *p.SupervisorNIP != e.SupervisorNIP {
		t.Errorf("atasan: supervisor_nip %v, want %s", p.SupervisorNIP, e.SupervisorNIP)
	}
	f.do("pegawai", "GET", "/api/v1/employees/"+f.staff.NIP, nil).json(t, &p)
	if p.SupervisorNIP != nil {
		t.Errorf("pegawai: supervisor_nip %s outside the scope", *p.SupervisorNIP)
	}
	// The list row agrees with the profile and the gap report.
	var g report.Gap
	f.do("pegawai", "GET", "/api/v1/employees/"+f.staff.NIP+"/gaps", nil).json(t, &g)
	var l employeePageJSON
	f.do("pegawai", "GET", "/api/v1/employees", nil).json(t, &l)
	if l.Total != 1 || l.Items[0].NIP != g.NIP || fval(l.Items[0].JPM) != fval(p.JPM) ||
		l.Items[0].Coverage != g.Coverage || l.Items[0].Coverage != p.Coverage {
		t.Errorf("list %+v, profile %+v, gaps %+v", l.Items, p, g)
	}
	if (g.JPM == nil) != (p.JPM == nil) || (g.JPM != nil && *g.JPM != *p.JPM) {
		t.Errorf("jpm: gaps %v, profile %v", g.JPM, p.JPM)
	}
}

// TestServerErrorsAreGenericAndLogsHoldNoPersonalData: a failing database
// gives a 500 with a generic message; the log names the route pattern and
// never the URL, its query or the body.
func TestServerErrorsAreGenericAndLogsHoldNoPersonalData(t *testing.T) {
	f := newFixture(t)
	nip, name := f.staff.NIP, f.staff.Name
	f.app.Store.Close()
	for _, target := range []string{"/api/v1/employees?q=" + strings.ReplaceAll(name, " ", "+"), "/api/v1/employees/" + nip + "/gaps"} {
		r := f.do("admin_bkpsdm", "GET", target, nil)
		e := r.errorOf(t)
		if r.status != 500 || e.Code != "internal" || strings.Contains(e.Message, "sql") || strings.Contains(e.Message, "database") {
			t.Errorf("%s: %d %+v", target, r.status, e)
		}
	}
	r := f.do("admin_bkpsdm", "POST", "/api/v1/assessments", assessment(nip, "M.1", "assessment_center", 3))
	if r.status != 500 {
		t.Errorf("POST with the database closed: %d", r.status)
	}
	logs := f.log.String()
	if !strings.Contains(logs, "route=") {
		t.Errorf("the log does not name the route: %q", logs)
	}
	first := strings.Fields(name)[0]
	for _, secret := range []string{nip, first, "q=", "?", f.tokens["admin_bkpsdm"]} {
		if strings.Contains(logs, secret) {
			t.Errorf("the log holds %q: %s", secret, logs)
		}
	}
}
