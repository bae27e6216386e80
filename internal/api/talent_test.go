package api

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"asah/internal/app"
)

// nineBoxPages reads every page of a 9-box query.
func (f *fixture) nineBoxPages(caller, query string) (nineBoxJSON, []placementJSON) {
	f.t.Helper()
	var first nineBoxJSON
	var all []placementJSON
	for page := 1; ; page++ {
		var g nineBoxJSON
		f.want(caller, "GET", fmt.Sprintf("/api/v1/talent/ninebox?per_page=1000&page=%d%s", page, query), nil, 200, "").json(f.t, &g)
		if page == 1 {
			first = g
		}
		all = append(all, g.Placements.Items...)
		if len(g.Placements.Items) < 1000 {
			return first, all
		}
	}
}

// TestNineBoxMatchesApp: for every role that may read it, the counts and
// the placements over all pages equal app.NineBox for the same actor, in
// the documented order (best box first, by name within a box).
func TestNineBoxMatchesApp(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	for _, c := range []struct{ caller, unit string }{
		{"admin_bkpsdm", ""}, {"admin_bkpsdm", "DLHK"}, {"admin_opd", ""}, {"atasan", ""}, {"pegawai", ""}, {"pimpinan", f.others.Code},
	} {
		actor, err := f.app.ActorForToken(ctx, f.tokens[c.caller])
		if err != nil {
			t.Fatal(err)
		}
		g, err := f.app.NineBox(ctx, actor, c.unit)
		if err != nil {
			t.Fatal(err)
		}
		q := ""
		if c.unit != "" {
			q = "&unit=" + c.unit
		}
		got, items := f.nineBoxPages(c.caller, q)
		name := c.caller + " " + c.unit
		if got.Total != g.Total || got.CityTotal != g.CityTotal || len(got.Boxes) != 10 || got.Placements.Total != g.Total || len(items) != g.Total {
			t.Errorf("%s: total %d/%d, city %d/%d, %d placements", name, got.Total, g.Total, got.CityTotal, g.CityTotal, len(items))
			continue
		}
		want := map[string]int{}
		for b, cell := range g.Cells {
			if got.Boxes[b].Box != b || got.Boxes[b].Count != cell.Count || got.Boxes[b].CityCount != g.City[b] {
				t.Errorf("%s: box %d: %+v, want count %d city %d", name, b, got.Boxes[b], cell.Count, g.City[b])
			}
			for _, p := range cell.People {
				want[p.Employee.NIP] = int(p.Box)
			}
		}
		rank := map[int]int{9: 0, 8: 1, 7: 2, 6: 3, 5: 4, 4: 5, 3: 6, 2: 7, 1: 8, 0: 9}
		for i, p := range items {
			if b, ok := want[p.NIP]; !ok || b != p.Box {
				t.Errorf("%s: %s in box %d, want %d (listed %v)", name, p.NIP, p.Box, b, ok)
			}
			if i > 0 {
				prev := items[i-1]
				if rank[prev.Box] > rank[p.Box] || (prev.Box == p.Box && prev.Name > p.Name) {
					t.Errorf("%s: %s (box %d) listed after %s (box %d)", name, p.Name, p.Box, prev.Name, prev.Box)
				}
			}
			if (p.Box == 0) != (p.Reason != nil) || (p.ComputedBox != 0) != (p.PotentialScore != nil && p.Performance != nil) {
				t.Errorf("%s: placement %+v", name, p)
			}
		}
		sum := 0
		for _, u := range got.Units {
			sum += u.Total
		}
		if sum != g.Total {
			t.Errorf("%s: units add up to %d of %d", name, sum, g.Total)
		}
	}

	// One box; a page beyond the end is empty but counts the same.
	var g9 nineBoxJSON
	f.want("admin_bkpsdm", "GET", "/api/v1/talent/ninebox?box=9&per_page=5", nil, 200, "").json(t, &g9)
	if g9.Placements.Total != g9.Boxes[9].Count || len(g9.Placements.Items) != min(5, g9.Boxes[9].Count) || g9.Boxes[9].Count == 0 {
		t.Errorf("box 9: %d of %d", len(g9.Placements.Items), g9.Boxes[9].Count)
	}
	for _, p := range g9.Placements.Items {
		if p.Box != 9 || p.Performance == nil || *p.Performance != "above" || *p.Potential != "high" {
			t.Errorf("box 9 holds %+v", p)
		}
	}
	var far nineBoxJSON
	f.want("admin_bkpsdm", "GET", "/api/v1/talent/ninebox?page=99", nil, 200, "").json(t, &far)
	if len(far.Placements.Items) != 0 || far.Placements.Total != 2000 || far.Placements.PerPage != 200 {
		t.Errorf("page 99: %+v", far.Placements)
	}
	if !slices.Equal(g9.Boxes[9].Actions, []string{"promote", "retain", "national_pool", "agency_pool"}) ||
		!slices.Equal(g9.Boxes[1].Actions, []string{"discipline"}) {
		t.Errorf("actions: 9 %v, 1 %v", g9.Boxes[9].Actions, g9.Boxes[1].Actions)
	}

	for _, c := range []struct {
		caller, query string
		status        int
		field         string
	}{
		{"admin_bkpsdm", "?box=10", 400, "box"},
		{"admin_bkpsdm", "?box=x", 400, "box"},
		{"admin_bkpsdm", "?per_page=1001", 422, "per_page"},
		{"admin_bkpsdm", "?page=0", 400, "page"},
		{"admin_bkpsdm", "?unit=TIDAK-ADA", 404, ""},
		{"admin_opd", "?unit=" + f.others.Code, 404, ""},
		{"mitra", "", 403, ""},
		{"none", "", 401, ""},
	} {
		f.want(c.caller, "GET", "/api/v1/talent/ninebox"+c.query, nil, c.status, c.field)
	}
}

// TestTalentReview: an admin confirms and then overrides a placement with
// a reason; the grid and the employee's history show it, the audit trail
// records it, and nobody else may review.
func TestTalentReview(t *testing.T) {
	f := newFixture(t)
	// A placed employee of DLHK other than the accounts' own people.
	var g nineBoxJSON
	f.want("admin_opd", "GET", "/api/v1/talent/ninebox?box=5&per_page=1000", nil, 200, "").json(t, &g)
	var p placementJSON
	for _, x := range g.Placements.Items {
		if x.NIP != f.kadis.NIP && x.NIP != f.staff.NIP && x.Review == nil {
			p = x
			break
		}
	}
	if p.NIP == "" {
		t.Fatal("no employee in box 5 in DLHK")
	}
	path := "/api/v1/employees/" + p.NIP + "/talent"
	var v employeeTalentJSON
	f.want("admin_opd", "GET", path, nil, 200, "").json(t, &v)
	if !v.CanReview || v.Placement.Box != 5 || v.Placement.ComputedBox != 5 || len(v.Reviews) != 0 ||
		!slices.Equal(v.Actions, []string{"right_placement", "performance_coaching", "competency_development"}) {
		t.Fatalf("before review: %+v", v)
	}
	for _, c := range []struct {
		caller string
		body   any
		status int
		field  string
	}{
		{"atasan", map[string]any{"box": 5}, 403, ""},
		{"pegawai", map[string]any{"box": 5}, 403, ""},
		{"pimpinan", map[string]any{"box": 5}, 403, ""},
		{"admin_opd", map[string]any{"reason": "x"}, 422, "box"},
		{"admin_opd", map[string]any{"box": 7}, 422, "box"}, // an override needs a reason
		{"admin_opd", map[string]any{"box": 10, "reason": "x"}, 422, "box"},
		{"admin_opd", map[string]any{"box": "7"}, 400, "box"},
		{"admin_opd", map[string]any{"box": 7, "note": "x"}, 400, "note"},
	} {
		f.want(c.caller, "PUT", path, c.body, c.status, c.field)
	}
	f.want("admin_opd", "PUT", "/api/v1/employees/"+f.other.NIP+"/talent", map[string]any{"box": 5}, 404, "")
	if n := f.auditCount("talent.", p.NIP); n != 0 {
		t.Fatalf("refused reviews wrote %d audit rows", n)
	}

	var row placementJSON
	f.want("admin_opd", "PUT", path, map[string]any{"box": 5}, 200, "").json(t, &row)
	if row.Box != 5 || row.Review == nil || row.Review.Decision != "confirmed" {
		t.Errorf("confirmed: %+v", row)
	}
	f.want("admin_bkpsdm", "PUT", path, map[string]any{"box": 7, "reason": "Kinerja triwulan 2026 melampaui target"}, 200, "").json(t, &row)
	if row.Box != 7 || row.ComputedBox != 5 || row.Review == nil || row.Review.Decision != "overridden" || row.Review.Reason == "" {
		t.Errorf("overridden: %+v", row)
	}
	f.want("pegawai", "GET", "/api/v1/employees/"+f.staff.NIP+"/talent", nil, 200, "")
	f.want("admin_opd", "GET", path, nil, 200, "").json(t, &v)
	if v.Placement.Box != 7 || len(v.Reviews) != 2 || v.Reviews[0].Decision != "overridden" || v.Reviews[1].Decision != "confirmed" ||
		!slices.Equal(v.Actions, []string{"retain", "agency_pool", "job_enrichment", "competency_development"}) {
		t.Errorf("after the override: %+v", v)
	}
	var after nineBoxJSON
	f.want("admin_opd", "GET", "/api/v1/talent/ninebox?box=7&per_page=1000", nil, 200, "").json(t, &after)
	found := false
	for _, x := range after.Placements.Items {
		found = found || x.NIP == p.NIP
	}
	if !found || after.Boxes[5].Count != g.Boxes[5].Count-1 || after.Reviewed != g.Reviewed+1 {
		t.Errorf("grid after the override: in box 7 %v, box 5 %d → %d, reviewed %d → %d", found, g.Boxes[5].Count,
			after.Boxes[5].Count, g.Reviewed, after.Reviewed)
	}
	if n := f.auditCount("talent.", p.NIP); n != 2 {
		t.Errorf("%d audit rows for two reviews", n)
	}
}

// TestSuccessionOrdering: each key position's candidates are pool members
// (boxes 7–9) ranked by JPM against that position (unassessed last), then
// box, then the later retirement date, with readiness by the policy's
// thresholds; the lists equal app.Succession; an agency admin sees names
// only within the agency.
func TestSuccessionOrdering(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	pol, err := f.app.TalentPolicy(ctx)
	if err != nil {
		t.Fatal(err)
	}
	today := f.app.Today()
	horizon := today.AddDate(0, pol.RetirementMonths, 0).Format("2006-01-02")
	var l list[successionJSON]
	f.want("admin_bkpsdm", "GET", "/api/v1/succession", nil, 200, "").json(t, &l)
	lists, err := f.app.Succession(ctx, app.System, "")
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Items) == 0 || len(l.Items) != len(lists) {
		t.Fatalf("%d lists, app %d", len(l.Items), len(lists))
	}
	withSuccessors, flagged := 0, 0
	for i, s := range l.Items {
		name := s.Position.Code
		if !s.Position.Key || s.Position.Code != lists[i].Position.Code || len(s.Successors) != len(lists[i].Successors) ||
			s.Eligible != lists[i].Eligible || s.Vacant != (len(s.Holders) == 0) {
			t.Errorf("%s: %+v", name, s.Position)
			continue
		}
		retiring := false
		for _, h := range s.Holders {
			retiring = retiring || (h.RetirementDate != nil && *h.RetirementDate < horizon)
		}
		if retiring != s.HolderRetiring {
			t.Errorf("%s: holder_retiring %v with holders %+v", name, s.HolderRetiring, s.Holders)
		}
		if s.HolderRetiring {
			flagged++
		}
		if len(s.Successors) > 0 {
			withSuccessors++
		}
		for j, c := range s.Successors {
			if c.Rank != j+1 || c.Box < 7 || c.Person.NIP == nil || *c.Person.NIP != lists[i].Successors[j].Person.NIP {
				t.Errorf("%s #%d: %+v", name, j+1, c)
			}
			want := "later"
			switch {
			case c.JPM != nil && *c.JPM >= pol.ReadyNowFrom:
				want = "ready_now"
			case c.JPM != nil && *c.JPM >= pol.ReadySoonFrom:
				want = "ready_1_2_years"
			}
			if c.Readiness != want {
				t.Errorf("%s #%d: JPM %v readiness %s, want %s", name, j+1, fval(c.JPM), c.Readiness, want)
			}
			if j == 0 {
				continue
			}
			prev := s.Successors[j-1]
			switch {
			case prev.JPM == nil && c.JPM != nil:
				t.Errorf("%s: unassessed #%d before assessed #%d", name, j, j+1)
			case prev.JPM != nil && c.JPM != nil && *prev.JPM < *c.JPM:
				t.Errorf("%s: JPM %v before %v", name, *prev.JPM, *c.JPM)
			case fval(prev.JPM) == fval(c.JPM) && prev.Box < c.Box:
				t.Errorf("%s: box %d before %d at equal JPM", name, prev.Box, c.Box)
			case fval(prev.JPM) == fval(c.JPM) && prev.Box == c.Box && day(prev.Person.RetirementDate) < day(c.Person.RetirementDate):
				t.Errorf("%s: earlier retirement before a later one at equal JPM and box", name)
			}
		}
	}
	if withSuccessors == 0 {
		t.Error("no key position has a successor")
	}
	t.Logf("%d key positions, %d with successors, %d holders retiring", len(l.Items), withSuccessors, flagged)

	// An agency admin: its key positions; people elsewhere without name.
	w := f.world()
	scope := f.scope(w, "admin_opd")
	var lo list[successionJSON]
	f.want("admin_opd", "GET", "/api/v1/succession", nil, 200, "").json(t, &lo)
	hidden := 0
	for _, s := range lo.Items {
		if !w.underUnit(w.unitID[s.Position.UnitCode], w.unitID["DLHK"]) {
			t.Errorf("admin_opd: position %s of %s", s.Position.Code, s.Position.UnitCode)
		}
		for _, c := range s.Successors {
			switch {
			case c.Person.Visible && (c.Person.NIP == nil || !scope[*c.Person.NIP]):
				t.Errorf("admin_opd: visible %+v", c.Person)
			case !c.Person.Visible && (c.Person.NIP != nil || c.Person.Name != nil || c.Person.UnitCode == ""):
				t.Errorf("admin_opd: hidden %+v", c.Person)
			case !c.Person.Visible:
				hidden++
			}
		}
	}
	if len(lo.Items) == 0 || hidden == 0 {
		t.Errorf("admin_opd: %d lists, %d hidden candidates", len(lo.Items), hidden)
	}
	f.want("admin_opd", "GET", "/api/v1/succession?unit="+f.others.Code, nil, 404, "")
	f.want("atasan", "GET", "/api/v1/succession", nil, 403, "")
	f.want("pegawai", "GET", "/api/v1/succession", nil, 403, "")
}

func day(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}
