package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
	"asah/internal/talent"
)

func TestEachTalentStreamsValidOfficialAssessments(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		tech := seed(t, s)
		// Employee 3 gets a self-assessment (never counts) and an old
		// supervisor rating before the window.
		e3, _ := s.EmployeeByNIP(ctx, "199505052023212015")
		for _, a := range []competency.Assessment{
			{Source: competency.SourceSelf, Level: 5, AssessedOn: day("2026-10-01")},
			{Source: competency.SourceSupervisor, Level: 2, AssessedOn: day("2022-01-01")},
			{Source: competency.Source360, Level: 3, AssessedOn: day("2026-09-01")},
		} {
			a.EmployeeID, a.CompetencyID, a.Status = e3.ID, tech.ID, competency.Final
			if _, err := s.AddAssessment(ctx, "t", e3.NIP, tech.Code, a); err != nil {
				t.Fatal(err)
			}
		}
		got := map[string][]int{}
		collect := func(f store.Filter) {
			got = map[string][]int{}
			since := map[competency.Source]time.Time{competency.SourceAssessmentCenter: day("2023-11-27"),
				competency.SourceSupervisor: day("2025-11-27"), competency.Source360: day("2025-11-27")}
			err := s.EachTalent(ctx, f, since, func(e store.EmployeeRow, as []competency.Assessment) error {
				got[e.NIP] = nil
				for _, a := range as {
					if a.EmployeeID != e.ID || a.Source == competency.SourceSelf || a.Status != competency.Final {
						t.Errorf("stream gave %+v for %s", a, e.NIP)
					}
					got[e.NIP] = append(got[e.NIP], a.Level)
				}
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
		}
		collect(store.Filter{})
		// Asep: AC 2025 and supervisor 2026; Euis: supervisor 2026 (the
		// draft is left out); Dede: the 360 only (the self-assessment is
		// no official source, the 2022 supervisor rating is too old).
		if len(got) != 3 || len(got["197503122000121002"]) != 2 || len(got["199001152015032001"]) != 1 || len(got["199505052023212015"]) != 1 ||
			got["199505052023212015"][0] != 3 {
			t.Errorf("talent stream: %v", got)
		}
		collect(store.Filter{UnitCode: "BKPSDM"})
		if len(got) != 1 || len(got["199505052023212015"]) != 1 {
			t.Errorf("filtered talent stream: %v", got)
		}
	})
}

func TestPotentialScoresAndReviews(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		s.SetClock(func() time.Time { return perfClock })
		for _, p := range []store.PotentialScore{
			{EmployeeID: 1, Score: 70, AssessedOn: day("2024-05-01"), Assessor: "UPT Penilaian Kompetensi"},
			{EmployeeID: 1, Score: 84.5, AssessedOn: day("2026-05-01"), Assessor: "UPT Penilaian Kompetensi"},
			{EmployeeID: 1, Score: 99, AssessedOn: day("2027-01-01")}, // after ref
		} {
			if _, err := s.AddPotentialScore(ctx, "admin", "197503122000121002", p); err != nil {
				t.Fatal(err)
			}
		}
		ps, err := s.LatestPotentialScores(ctx, store.Filter{}, day("2026-11-27"))
		if err != nil || len(ps) != 1 || ps[1].Score != 84.5 || !ps[1].RecordedAt.Equal(perfClock) {
			t.Errorf("latest potential scores: %+v %v", ps, err)
		}
		if ps, _ := s.LatestPotentialScores(ctx, store.Filter{UnitCode: "BKPSDM"}, day("2026-11-27")); len(ps) != 0 {
			t.Errorf("filtered potential scores: %+v", ps)
		}
		r1 := talent.Review{EmployeeID: 2, Year: 2025, Computed: 8, Box: 8, Decision: talent.Confirmed, Reviewer: "Admin BKPSDM"}
		r2 := talent.Review{EmployeeID: 2, Year: 2025, Computed: 8, Box: 5, Decision: talent.Overridden, Reason: "Baru dimutasi", Reviewer: "Admin BKPSDM"}
		for _, r := range []talent.Review{r1, r2} {
			if _, err := s.AddTalentReview(ctx, "user:9", "199001152015032001", r); err != nil {
				t.Fatal(err)
			}
		}
		latest, err := s.LatestTalentReviews(ctx, store.Filter{})
		if err != nil || len(latest) != 1 || latest[2].Box != 5 || latest[2].Decision != talent.Overridden || !latest[2].At.Equal(perfClock) {
			t.Errorf("latest reviews: %+v %v", latest, err)
		}
		hist, err := s.TalentReviews(ctx, 2)
		if err != nil || len(hist) != 2 || hist[0].Reason != "Baru dimutasi" {
			t.Errorf("review history: %+v %v", hist, err)
		}
		trail, _ := s.AuditTrail(ctx, "employee", "199001152015032001", 10)
		if len(trail) != 2 || trail[0].Action != "talent.review" || !strings.Contains(trail[0].After, "Baru dimutasi") || trail[0].Actor != "user:9" {
			t.Errorf("review audit: %+v", trail)
		}
		// The database refuses a box outside 1–9 even if the app were bypassed.
		if _, err := s.AddTalentReview(ctx, "x", "199001152015032001", talent.Review{EmployeeID: 2, Year: 2025, Computed: 8, Box: 10,
			Decision: talent.Overridden, Reviewer: "x"}); err == nil {
			t.Error("box 10 stored")
		}
	})
}
