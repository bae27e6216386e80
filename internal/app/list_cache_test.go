package app_test

import (
	"context"
	"testing"

	"asah/internal/app"
	"asah/internal/demo"
)

// TestListJPMFromCacheMatchesAndRefreshes: the list's JPM, read from the
// city-wide pass, equals each employee's own gap report, and a new
// assessment shows in the list at once (the write clears the cache).
func TestListJPMFromCacheMatchesAndRefreshes(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	if err := a.LoadDemo(ctx, demo.Config{Employees: 2000, Seed: 2, Today: "2026-11-27"}, nil); err != nil {
		t.Fatal(err)
	}
	page, err := a.ListEmployees(ctx, app.System, app.EmployeeQuery{UnitCode: "DLHK", PerPage: 50})
	if err != nil || len(page.Items) == 0 {
		t.Fatalf("list: %d items, %v", len(page.Items), err)
	}
	var target string
	var code string
	for _, it := range page.Items {
		g, err := a.EmployeeGaps(ctx, app.System, it.Employee.NIP, a.Today())
		if err != nil {
			t.Fatal(err)
		}
		if it.Match.HasJPM != g.Match.HasJPM || it.Match.JPM != g.Match.JPM || it.Match.Assessed != g.Match.Assessed || it.Match.Total != g.Match.Total {
			t.Errorf("%s: list %+v, profile %+v", it.Employee.NIP, it.Match, g.Match)
		}
		for _, l := range g.Lines {
			if !l.Current.Assessed && target == "" {
				target, code = it.Employee.NIP, l.Competency.Code
			}
		}
	}
	if target == "" {
		t.Fatal("no unassessed competency on the page")
	}
	before := assessedOf(t, a, target)
	if _, err := a.AddAssessment(ctx, "test", app.AssessmentInput{NIP: target, Competency: code, Source: "assessment_center",
		Level: 3, AssessedOn: "2026-11-01"}); err != nil {
		t.Fatal(err)
	}
	if after := assessedOf(t, a, target); after != before+1 {
		t.Errorf("list shows %d assessed competencies after a new assessment, want %d", after, before+1)
	}
}

func assessedOf(t *testing.T, a *app.App, nip string) int {
	t.Helper()
	page, err := a.ListEmployees(context.Background(), app.System, app.EmployeeQuery{UnitCode: "DLHK", PerPage: 200})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range page.Items {
		if it.Employee.NIP == nip {
			return it.Match.Assessed
		}
	}
	t.Fatalf("%s not in the list", nip)
	return 0
}
