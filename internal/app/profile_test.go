package app_test

import (
	"context"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/demo"
	"asah/internal/store"
)

// TestProfileMatchesGapReport: the one-employee path behind the employee
// page and the API's gaps gives, for every employee and several dates, the
// gap report the streaming GapReport gives.
func TestProfileMatchesGapReport(t *testing.T) {
	ctx := context.Background()
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "asah.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := app.New(s)
	if err := a.LoadDemo(ctx, demo.Config{Employees: 2000, Seed: 5, Today: "2026-11-27"}, nil); err != nil {
		t.Fatal(err)
	}
	// A draft must not count.
	if _, err := a.AddAssessment(ctx, "test", app.AssessmentInput{NIP: firstNIP(t, a), Competency: "M.1", Source: "assessment_center",
		Level: 5, AssessedOn: "2026-11-01", Status: "draft"}); err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, day := range []string{"2026-11-27", "2024-06-30", "2029-01-01"} {
		ref, _ := time.Parse("2006-01-02", day)
		err := a.GapReport(ctx, store.Filter{}, ref, func(g *app.EmployeeGap) error {
			n++
			if n%7 != 0 && day != "2026-11-27" { // every employee today; a sample on other dates
				return nil
			}
			p, err := a.Employee(ctx, g.Employee.NIP, ref)
			if err != nil {
				return err
			}
			want := *g
			want.Lines = append([]app.GapLine{}, g.Lines...)
			got := p.Gap
			if got.Lines == nil {
				got.Lines = []app.GapLine{}
			}
			want.Match.Lines, got.Match.Lines = nil, nil
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s on %s:\nprofile %+v\nreport  %+v", g.Employee.NIP, day, got, want)
			}
			gap, err := a.EmployeeGaps(ctx, app.System, g.Employee.NIP, ref)
			if err != nil {
				return err
			}
			gap.Match.Lines = nil
			if !reflect.DeepEqual(gap, want) {
				t.Fatalf("%s on %s:\ngaps   %+v\nreport %+v", g.Employee.NIP, day, gap, want)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
}

func firstNIP(t *testing.T, a *app.App) string {
	rows, _, err := a.Store.ListEmployees(context.Background(), store.Filter{}, "nip", false, 1, 0)
	if err != nil || len(rows) == 0 {
		t.Fatal(err)
	}
	return rows[0].NIP
}
