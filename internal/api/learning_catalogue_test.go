package api

import (
	"net/url"
	"strings"
	"testing"
)

// catalogue searches the programs as a caller.
func (f *fixture) catalogue(caller, query string) programPageJSON {
	f.t.Helper()
	r := f.do(caller, "GET", "/api/v1/programs?"+query, nil)
	if r.status != 200 {
		f.t.Fatalf("GET programs?%s: %d %s", query, r.status, r.body)
	}
	var p programPageJSON
	r.json(f.t, &p)
	return p
}

// codes lists the program codes of a page.
func codes(p programPageJSON) string {
	var out []string
	for _, it := range p.Items {
		out = append(out, it.Code)
	}
	return strings.Join(out, ",")
}

// TestCatalogueSearchOverHTTP: the catalogue is searched by competency,
// method, form, provider, event dates and text, archived programs only
// for those who manage them, with pages; a bad criterion is 422 naming it.
func TestCatalogueSearchOverHTTP(t *testing.T) {
	f := newFixture(t)
	itb, other := f.itb(), f.otherPartner()
	f.newProgram("UJI-KAT-1", itb.Code, nil)
	f.newProgram("UJI-KAT-2", other.Code, map[string]any{"form": "coaching", "delivery": "daring",
		"targets": []map[string]any{{"competency": "M.8", "level": 4, "min_level": 2}}})
	f.newProgram("UJI-KAT-3", itb.Code, map[string]any{"archived": true})
	f.newEvent("UJI-KAT-1", "UJI-KAT-1-2027", "2027-02-01", 2, 20, "open")
	f.newEvent("UJI-KAT-2", "UJI-KAT-2-2027", "2027-05-03", 1, 10, "open")

	for _, c := range []struct{ caller, query, want string }{
		{"pegawai", "q=UJI-KAT", "UJI-KAT-1,UJI-KAT-2"},
		{"pegawai", "q=uji-kat&competency=M.4", "UJI-KAT-1"},
		{"pegawai", "q=UJI-KAT&competency=m.8", "UJI-KAT-2"},
		{"pegawai", "q=UJI-KAT&method=non_klasikal", "UJI-KAT-2"},
		{"pegawai", "q=UJI-KAT&method=klasikal", "UJI-KAT-1"},
		{"pegawai", "q=UJI-KAT&form=coaching", "UJI-KAT-2"},
		{"pegawai", "q=UJI-KAT&provider=" + url.QueryEscape(other.Code), "UJI-KAT-2"},
		{"pegawai", "q=UJI-KAT&from=2027-04-01&to=2027-06-30", "UJI-KAT-2"},
		{"pegawai", "q=UJI-KAT&from=2027-01-01&to=2027-02-01", "UJI-KAT-1"},
		{"pegawai", "q=UJI-KAT&archived=true", "UJI-KAT-1,UJI-KAT-2"},
		{"admin_bkpsdm", "q=UJI-KAT&archived=true", "UJI-KAT-1,UJI-KAT-2,UJI-KAT-3"},
		{"mitra", "q=UJI-KAT&archived=true", "UJI-KAT-1,UJI-KAT-3"},
		{"mitra", "q=UJI-KAT&provider=" + url.QueryEscape(other.Code), ""},
	} {
		if got := codes(f.catalogue(c.caller, c.query)); got != c.want {
			t.Errorf("%s: programs?%s = %q, want %q", c.caller, c.query, got, c.want)
		}
	}
	p := f.catalogue("pegawai", "q=UJI-KAT&per_page=1&page=2")
	if codes(p) != "UJI-KAT-2" || p.Total != 2 || p.Page != 2 || p.PerPage != 1 {
		t.Errorf("page 2 of 1: %+v", p)
	}
	if p := f.catalogue("pegawai", "q=UJI-KAT-1"); len(p.Items) != 1 || p.Items[0].NextEvent == nil || *p.Items[0].NextEvent != "2027-02-01" ||
		p.Items[0].CanManage || p.Items[0].ProviderName != itb.Name {
		t.Errorf("program in the list: %+v", p.Items)
	}
	for _, c := range []struct {
		query, field string
		status       int
	}{
		{"competency=X.99", "competency", 422},
		{"method=hibrida", "method", 422},
		{"form=kemah", "form", 422},
		{"provider=TIDAK-ADA", "provider", 422},
		{"from=2027-13-01", "from", 422},
		{"from=2027-03-01&to=2027-02-01", "to", 422},
		{"per_page=0", "per_page", 400},
		{"mandatory=ya", "mandatory", 400},
		{"q=" + strings.Repeat("x", 101), "q", 400},
	} {
		f.expectStatus(f.do("pegawai", "GET", "/api/v1/programs?"+c.query, nil), c.status, c.field, "programs?"+c.query)
	}
	for _, c := range []struct {
		query, field string
	}{{"status=bogus", "status"}, {"from=kemarin", "from"}, {"program=TIDAK-ADA", "program"}} {
		f.expectStatus(f.do("pegawai", "GET", "/api/v1/events?"+c.query, nil), 422, c.field, "events?"+c.query)
	}
}

// TestProgramPageShowsMyGaps: a program's page tells an employee which of
// their own shortfalls it works on (read from their gaps) and whether they
// may take it; a program they are not eligible for refuses their
// registration naming why.
func TestProgramPageShowsMyGaps(t *testing.T) {
	f := newFixture(t)
	var g struct {
		Competencies []struct {
			Code     string
			Required int
			Actual   *int
			Gap      *int
		}
	}
	f.do("pegawai", "GET", "/api/v1/employees/"+f.staff.NIP+"/gaps", nil).json(t, &g)
	var short, met string
	var required int
	var actual *int
	for _, c := range g.Competencies {
		switch {
		case short == "" && (c.Actual == nil || *c.Gap < 0):
			short, required, actual = c.Code, c.Required, c.Actual
		case met == "" && c.Actual != nil && *c.Gap >= 0 && *c.Actual < 5:
			met = c.Code
		}
	}
	if short == "" || met == "" {
		t.Fatalf("the staff member has no shortfall or no met competency: %+v", g)
	}
	itb := f.itb()
	f.newProgram("UJI-GAP", itb.Code, map[string]any{"targets": []map[string]any{{"competency": short, "level": required}}})
	f.newProgram("UJI-MET", itb.Code, map[string]any{"targets": []map[string]any{{"competency": met, "level": 5}},
		"eligible_kinds": []string{"jpt"}})
	f.newEvent("UJI-MET", "UJI-MET-1", "2027-02-01", 1, 10, "open")

	var d programDetailJSON
	r := f.do("pegawai", "GET", "/api/v1/programs/UJI-GAP", nil)
	r.json(t, &d)
	if r.status != 200 || len(d.Gaps) != 1 || d.Gaps[0].Competency != short || d.Gaps[0].Required != required || !d.Gaps[0].Closes ||
		d.Gaps[0].GapAfter != 0 || (actual == nil) != (d.Gaps[0].CurrentLevel == nil) || d.Eligibility == nil || !d.Eligibility.Eligible {
		t.Fatalf("UJI-GAP for the staff: %d %s", r.status, r.body)
	}
	if actual != nil && (*d.Gaps[0].CurrentLevel != *actual || *d.Gaps[0].GapBefore != *actual-required) {
		t.Errorf("current level %d, gap before %d; want %d and %d", *d.Gaps[0].CurrentLevel, *d.Gaps[0].GapBefore, *actual, *actual-required)
	}
	r = f.do("pegawai", "GET", "/api/v1/programs/UJI-MET", nil)
	r.json(t, &d)
	if len(d.Gaps) != 0 || d.Eligibility == nil || d.Eligibility.Eligible || len(d.Eligibility.Reasons) != 1 || len(d.Events) != 1 {
		t.Fatalf("UJI-MET for the staff: %s", r.body)
	}
	f.expectStatus(f.do("pegawai", "POST", "/api/v1/events/UJI-MET-1/registrations", nil), 422, "employee", "registration of someone not eligible")
	// An account without an employee record gets neither.
	f.do("admin_bkpsdm", "GET", "/api/v1/programs/UJI-GAP", nil).json(t, &d)
	if d.Eligibility != nil || len(d.Gaps) != 0 || !d.CanManage {
		t.Errorf("UJI-GAP for the admin: %+v", d)
	}
}

// TestProgramsAndEventsByTheirManagers: the admin and the provider's own
// mitra add and change programs and events with every field at fault
// named; a mitra's program is always its own institution's.
func TestProgramsAndEventsByTheirManagers(t *testing.T) {
	f := newFixture(t)
	itb, other := f.itb(), f.otherPartner()
	bad := map[string]any{"code": "UJI BAD", "title": "", "jp": 0, "provider": "TIDAK-ADA", "form": "kemah", "delivery": "pos",
		"targets": []map[string]any{{"competency": "X.99", "level": 3}}, "min_attendance": 2}
	r := f.do("admin_bkpsdm", "POST", "/api/v1/programs", bad)
	f.expectStatus(r, 422, "", "a program wrong everywhere")
	if r.status == 422 {
		e := r.errorOf(t)
		for _, field := range []string{"title", "jp", "provider", "form", "delivery", "targets", "min_attendance"} {
			if e.Fields[field] == "" {
				t.Errorf("the refusal does not name %s: %v", field, e.Fields)
			}
		}
	}
	f.newProgram("UJI-MGR", itb.Code, nil)
	r = f.do("admin_bkpsdm", "POST", "/api/v1/programs", map[string]any{"code": "UJI-MGR", "title": "Lagi", "jp": 8, "provider": itb.Code,
		"form": "seminar", "delivery": "daring", "targets": []map[string]any{{"competency": "M.3", "level": 2}}})
	f.expectStatus(r, 409, "", "a code in use")

	// The mitra's program is its own institution's whatever it names.
	r = f.do("mitra", "POST", "/api/v1/programs", map[string]any{"code": "UJI-MITRA", "title": "Kelas Data", "jp": 16, "provider": other.Code,
		"form": "kursus", "delivery": "campuran", "targets": []map[string]any{{"competency": "M.3", "level": 2}}})
	var p programJSON
	r.json(t, &p)
	if r.status != 201 || p.Provider != itb.Code || !p.CanManage || p.Method != "klasikal" {
		t.Fatalf("mitra's program: %d %s", r.status, r.body)
	}
	r = f.do("mitra", "PUT", "/api/v1/programs/UJI-MITRA", map[string]any{"code": "UJI-MITRA", "title": "Kelas Data Terbuka", "jp": 16,
		"form": "kursus", "delivery": "campuran", "targets": []map[string]any{{"competency": "M.3", "level": 2}}})
	r.json(t, &p)
	if r.status != 200 || p.Title != "Kelas Data Terbuka" || p.Provider != itb.Code {
		t.Fatalf("mitra's change: %d %s", r.status, r.body)
	}
	f.expectStatus(f.do("admin_opd", "POST", "/api/v1/programs", map[string]any{"code": "X"}), 403, "", "an agency admin adds a program")

	// Events: every field at fault named; the mitra runs its own.
	r = f.do("mitra", "POST", "/api/v1/events", map[string]any{"program": "UJI-MITRA", "code": "UJI-MITRA-1", "title": "Angkatan 1",
		"starts_on": "2027-03-02", "ends_on": "2027-03-01", "capacity": 0, "online_url": "ftp://x",
		"sessions": []map[string]any{{"starts_at": "2027-03-02 08:00", "ends_at": "kemarin"}}, "quotas": []map[string]any{{"unit": "TIDAK-ADA", "quota": 1}}})
	f.expectStatus(r, 422, "", "an event wrong everywhere")
	if r.status == 422 {
		e := r.errorOf(t)
		for _, field := range []string{"ends_on", "capacity", "online_url", "sessions", "quotas"} {
			if e.Fields[field] == "" {
				t.Errorf("the refusal does not name %s: %v", field, e.Fields)
			}
		}
	}
	r = f.do("mitra", "POST", "/api/v1/events", map[string]any{"program": "UJI-MITRA", "code": "UJI-MITRA-1", "title": "Angkatan 1",
		"starts_on": "2027-03-01", "ends_on": "2027-03-02", "capacity": 25, "online_url": "https://kelas.example.ac.id/data",
		"registration_closes": "2027-02-20",
		"sessions": []map[string]any{{"starts_at": "2027-03-01T08:00", "ends_at": "2027-03-01T12:00"},
			{"starts_at": "2027-03-02T08:00", "ends_at": "2027-03-02T12:00"}},
		"quotas": []map[string]any{{"unit": "DLHK", "quota": 5}}})
	var ev eventDetailJSON
	r.json(t, &ev)
	if r.status != 201 || ev.Status != "draft" || !ev.CanManage || len(ev.Quotas) != 1 || ev.Quotas[0].Unit != "DLHK" ||
		ev.RegistrationCloses == nil || *ev.RegistrationCloses != "2027-02-20" || ev.OnlineURL == nil || ev.Provider != itb.Code {
		t.Fatalf("mitra's event: %d %s", r.status, r.body)
	}
	f.expectStatus(f.do("mitra", "PUT", "/api/v1/events/UJI-MITRA-1/status", map[string]any{"status": "open"}), 200, "", "the mitra opens it")
	r = f.do("mitra", "PUT", "/api/v1/events/UJI-MITRA-1", map[string]any{"code": "UJI-MITRA-1", "title": "Angkatan 1", "starts_on": "2027-03-01",
		"ends_on": "2027-03-01", "capacity": 30, "place": "Kampus Ganesha",
		"sessions": []map[string]any{{"starts_at": "2027-03-01T08:00", "ends_at": "2027-03-01T15:00", "topic": "Sehari penuh"}}})
	r.json(t, &ev)
	if r.status != 200 || ev.Capacity != 30 || len(ev.Sessions) != 1 || ev.Sessions[0].EndsAt != "2027-03-01T15:00" || len(ev.Quotas) != 0 {
		t.Fatalf("mitra's change of the event: %d %s", r.status, r.body)
	}
	f.expectStatus(f.do("mitra", "PUT", "/api/v1/events/UJI-MITRA-1", map[string]any{"program": "UJI-MGR"}), 422, "program",
		"moving an event to another program")
	var evs struct{ Items []eventJSON }
	f.do("pegawai", "GET", "/api/v1/events?provider="+url.QueryEscape(itb.Code)+"&from=2027-03-01&to=2027-03-01", nil).json(t, &evs)
	found := false
	for _, e := range evs.Items {
		found = found || e.Code == "UJI-MITRA-1"
	}
	if !found {
		t.Errorf("the open event is not listed: %+v", evs.Items)
	}
}

// TestLearningRequestsAreChecked: malformed bodies and parameters are 400,
// 413 or 415 and change nothing; missing required fields are 422 naming
// them.
func TestLearningRequestsAreChecked(t *testing.T) {
	f := newFixture(t)
	f.newProgram("UJI-REQ", f.itb().Code, nil)
	f.newEvent("UJI-REQ", "UJI-REQ-1", "2027-02-01", 1, 10, "open")
	for _, c := range []struct {
		caller, method, path string
		body                 any
		status               int
		field                string
	}{
		{"admin_bkpsdm", "POST", "/api/v1/programs", `{"code":"UJI-X","colour":"red"}`, 400, "colour"},
		{"admin_bkpsdm", "POST", "/api/v1/programs", `{"code":"UJI-X","jp":"dua"}`, 400, "jp"},
		{"admin_bkpsdm", "POST", "/api/v1/programs", `{"code":"UJI-X"} {}`, 400, ""},
		{"admin_bkpsdm", "POST", "/api/v1/programs", `{"code":"` + strings.Repeat("x", 70<<10) + `"}`, 413, ""},
		{"admin_bkpsdm", "POST", "/api/v1/events/UJI-REQ-1/nominations", map[string]any{}, 422, "nip"},
		{"admin_bkpsdm", "PUT", "/api/v1/events/UJI-REQ-1/attendance", map[string]any{"marks": []any{}}, 422, "session"},
		{"admin_bkpsdm", "PUT", "/api/v1/events/UJI-REQ-1/attendance", map[string]any{"session": 1}, 422, "marks"},
		{"admin_bkpsdm", "POST", "/api/v1/enrollments/abc/decision", map[string]any{"approve": true}, 400, "id"},
		{"admin_bkpsdm", "POST", "/api/v1/enrollments/0/cancel", nil, 400, "id"},
		{"admin_bkpsdm", "GET", "/api/v1/claims/-3", nil, 400, "id"},
		{"pegawai", "POST", "/api/v1/enrollments/1/response", map[string]any{}, 422, "accept"},
		{"admin_bkpsdm", "POST", "/api/v1/claims/1/decision", map[string]any{}, 422, "approve"},
		{"admin_bkpsdm", "POST", "/api/v1/claims", map[string]any{"title": "x"}, 422, "nip"},
		{"admin_bkpsdm", "POST", "/api/v1/enrollments/1/follow-up", map[string]any{}, 422, "applied"},
		{"admin_bkpsdm", "GET", "/api/v1/agreements?expiring_within=4000", nil, 422, "expiring_within"},
		{"admin_bkpsdm", "GET", "/api/v1/agreements?expiring_within=sebulan", nil, 400, "expiring_within"},
	} {
		f.expectStatus(f.do(c.caller, c.method, c.path, c.body), c.status, c.field, c.method+" "+c.path)
	}
	req := newRequest("POST", "/api/v1/programs", strings.NewReader(`{"code":"UJI-X"}`))
	req.Header.Set("Authorization", "Bearer "+f.tokens["admin_bkpsdm"])
	req.Header.Set("Content-Type", "text/plain")
	if r := f.send(req, nil); r.status != 415 {
		t.Errorf("text/plain body: %d", r.status)
	}
	if p := f.catalogue("admin_bkpsdm", "q=UJI-X&archived=true"); len(p.Items) != 0 {
		t.Errorf("a refused request added %s", codes(p))
	}
}
