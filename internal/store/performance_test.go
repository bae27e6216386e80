package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"asah/internal/demo"
	"asah/internal/performance"
	"asah/internal/store"
)

var perfClock = time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)

// openYear creates the quarterly periods of a year, all open.
func openYear(t *testing.T, s *store.Store, year int) []performance.Period {
	t.Helper()
	ctx := context.Background()
	ps, err := performance.Periods(year, performance.Quarterly)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.CreatePeriods(ctx, "admin", ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		if _, err := s.UpdatePeriod(ctx, "admin", year, p.Seq, func(p *performance.Period) error {
			np, err := p.SetStatus(performance.PeriodOpen)
			*p = np
			return err
		}); err != nil {
			t.Fatal(err)
		}
	}
	out, err := s.Periods(ctx, year)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestPeriodsStore(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		s.SetClock(func() time.Time { return perfClock })
		ps, _ := performance.Periods(2026, performance.Quarterly)
		if err := s.CreatePeriods(ctx, "admin", ps); err != nil {
			t.Fatal(err)
		}
		if err := s.CreatePeriods(ctx, "admin", ps); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second creation: %v", err)
		}
		got, err := s.Periods(ctx, 2026)
		if err != nil || len(got) != 5 || got[0].Name != "Triwulan I" || !got[4].Annual() || got[4].Status != performance.PeriodPending ||
			!got[1].Start.Equal(day("2026-04-01")) || !got[1].End.Equal(day("2026-06-30")) {
			t.Fatalf("periods: %+v %v", got, err)
		}
		p, err := s.UpdatePeriod(ctx, "admin", 2026, 2, func(p *performance.Period) error {
			np, err := p.SetStatus(performance.PeriodClosed)
			*p = np
			return err
		})
		if err == nil {
			t.Errorf("closing a pending period stored: %+v", p)
		}
		if _, err := s.UpdatePeriod(ctx, "admin", 2026, 2, func(p *performance.Period) error { p.Status = performance.PeriodOpen; return nil }); err != nil {
			t.Fatal(err)
		}
		if p, err := s.Period(ctx, 2026, 2); err != nil || p.Status != performance.PeriodOpen {
			t.Errorf("period after opening: %+v %v", p, err)
		}
		if _, err := s.Period(ctx, 2027, 1); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown period: %v", err)
		}
		trail, _ := s.AuditTrail(ctx, "performance_period", "Triwulan II 2026", 10)
		if len(trail) != 1 || !strings.Contains(trail[0].After, "open") {
			t.Errorf("period audit: %+v", trail)
		}
	})
}

func TestSKPStoreLifecycle(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		s.SetClock(func() time.Time { return perfClock })
		ps := openYear(t, s, 2026)
		dict, _ := s.Competencies(ctx, false)
		emp, _ := s.EmployeeByNIP(ctx, "199001152015032001") // Euis, supervised by Asep (1)
		k := performance.New(emp.ID, 2026, emp.SupervisorID, perfClock)
		id, err := s.CreateSKP(ctx, "user:2", emp.NIP, k)
		if err != nil || id == 0 {
			t.Fatal(id, err)
		}
		if _, err := s.CreateSKP(ctx, "user:2", emp.NIP, k); !errors.Is(err, store.ErrConflict) {
			t.Errorf("duplicate SKP: %v", err)
		}
		step := func(action string, fn func(k *performance.SKP) error) performance.SKP {
			t.Helper()
			got, err := s.UpdateSKP(ctx, "user:1", emp.NIP, emp.ID, 2026, action, func(k *performance.SKP) (any, any, error) {
				before := map[string]any{"status": k.Status}
				if err := fn(k); err != nil {
					return nil, nil, err
				}
				return before, map[string]any{"status": k.Status}, nil
			})
			if err != nil {
				t.Fatalf("%s: %v", action, err)
			}
			return got
		}
		plan := performance.Plan{Results: []performance.WorkResult{
			{Text: "Terlaksananya pengangkutan sampah", Indicators: []performance.Indicator{{Text: "Ritase per hari", Target: "12 rit"}, {Text: "Keluhan", Target: "≤ 5 per bulan"}}},
		}, Expectations: map[performance.CoreValue]string{performance.BerorientasiPelayanan: "Menanggapi keluhan warga dalam 1×24 jam"}}
		step("skp.plan", func(k *performance.SKP) error { return k.EditPlan(plan, perfClock) })
		step("skp.agree", func(k *performance.SKP) error { return k.Agree(performance.SideEmployee, perfClock) })
		got := step("skp.agree", func(k *performance.SKP) error { return k.Agree(performance.SideRater, perfClock.Add(time.Minute)) })
		if got.Status != performance.StatusAgreed {
			t.Fatalf("status %s", got.Status)
		}
		// A failing step writes nothing, not even its audit row.
		before, _ := s.AuditTrail(ctx, "employee", emp.NIP, 100)
		_, err = s.UpdateSKP(ctx, "user:1", emp.NIP, emp.ID, 2026, "skp.plan", func(k *performance.SKP) (any, any, error) {
			return nil, nil, k.EditPlan(plan, perfClock)
		})
		var te *performance.TransitionError
		if !errors.As(err, &te) {
			t.Errorf("editing an agreed SKP: %v", err)
		}
		if after, _ := s.AuditTrail(ctx, "employee", emp.NIP, 100); len(after) != len(before) {
			t.Errorf("failed step wrote %d audit rows", len(after)-len(before))
		}
		step("skp.feedback", func(k *performance.SKP) error {
			return k.AddFeedback(performance.Feedback{At: perfClock, AuthorID: 1, Author: "Asep Suhendar", Text: "Ritase Oktober di bawah target"})
		})
		weak := performance.Note{Kind: performance.Weakness, CompetencyID: dict[3].ID, Text: "target sering terlambat"}
		strong := performance.Note{Kind: performance.Strength, CompetencyID: dict[0].ID, Text: "jujur"}
		step("skp.evaluate", func(k *performance.SKP) error {
			return k.Evaluate(ps[0], performance.Evaluation{Hasil: performance.Meets, Perilaku: performance.Meets, EvaluatedOn: day("2026-04-05"),
				RaterID: 1, RaterName: "Asep Suhendar", Notes: []performance.Note{weak}}, perfClock)
		})
		// Correcting Triwulan I replaces its notes.
		step("skp.evaluate", func(k *performance.SKP) error {
			return k.Evaluate(ps[0], performance.Evaluation{Hasil: performance.Below, Perilaku: performance.Meets, EvaluatedOn: day("2026-04-06"),
				RaterID: 1, RaterName: "Asep Suhendar", Notes: []performance.Note{weak, strong}}, perfClock)
		})
		step("skp.acknowledge", func(k *performance.SKP) error { return k.Acknowledge(1, perfClock.Add(time.Hour)) })
		step("skp.evaluate", func(k *performance.SKP) error {
			return k.Evaluate(ps[4], performance.Evaluation{Hasil: performance.Above, Perilaku: performance.Above, EvaluatedOn: day("2026-12-20"),
				RaterID: 1, RaterName: "Asep Suhendar", Note: "Melampaui target", Notes: []performance.Note{weak}}, perfClock)
		})
		k2, err := s.SKP(ctx, emp.ID, 2026)
		if err != nil {
			t.Fatal(err)
		}
		if k2.Status != performance.StatusFinal || k2.RaterID != 1 || len(k2.Plan.Results) != 1 || len(k2.Plan.Results[0].Indicators) != 2 ||
			k2.Plan.Expectations[performance.BerorientasiPelayanan] == "" || !k2.RaterAgreedAt.Equal(perfClock.Add(time.Minute)) {
			t.Errorf("SKP read back: %+v", k2)
		}
		if len(k2.Evaluations) != 2 {
			t.Fatalf("evaluations: %+v", k2.Evaluations)
		}
		q1, annual := k2.Evaluations[0], k2.Evaluations[1]
		if q1.PeriodSeq != 1 || q1.Predikat != performance.ButuhPerbaikan || len(q1.Notes) != 2 || q1.Notes[1] != strong ||
			!q1.AcknowledgedAt.Equal(perfClock.Add(time.Hour)) || !q1.EvaluatedOn.Equal(day("2026-04-06")) {
			t.Errorf("Triwulan I read back: %+v", q1)
		}
		if !annual.Annual() || annual.Predikat != performance.SangatBaik || annual.Note != "Melampaui target" || !annual.AcknowledgedAt.IsZero() {
			t.Errorf("annual read back: %+v", annual)
		}
		if len(k2.Feedback) != 1 || k2.Feedback[0].AuthorID != 1 || k2.Feedback[0].ID == 0 {
			t.Errorf("feedback read back: %+v", k2.Feedback)
		}
		trail, _ := s.AuditTrail(ctx, "employee", emp.NIP, 100)
		var actions []string
		for i := len(trail) - 1; i >= 0; i-- {
			actions = append(actions, trail[i].Action)
		}
		want := "skp.create skp.plan skp.agree skp.agree skp.feedback skp.evaluate skp.evaluate skp.acknowledge skp.evaluate"
		if got := strings.Join(actions, " "); got != want {
			t.Errorf("audit actions:\n got %s\nwant %s", got, want)
		}
		if !strings.Contains(trail[0].After, `"year":2026`) || trail[0].Actor != "user:1" {
			t.Errorf("last audit row: %+v", trail[0])
		}
		hist, err := s.SKPHistory(ctx, emp.ID)
		if err != nil || len(hist) != 1 || hist[0].Predikat != performance.SangatBaik || hist[0].Status != performance.StatusFinal {
			t.Errorf("history: %+v %v", hist, err)
		}
		ann, err := s.LatestAnnuals(ctx, store.Filter{}, 0, true)
		if err != nil || len(ann) != 1 || ann[emp.ID].Year != 2026 || ann[emp.ID].Predikat != performance.SangatBaik ||
			len(ann[emp.ID].Weaknesses) != 1 || ann[emp.ID].Weaknesses[0].CompetencyID != dict[3].ID {
			t.Errorf("latest annuals: %+v %v", ann, err)
		}
		if ann, err := s.LatestAnnuals(ctx, store.Filter{UnitCode: "UPT-SAMPAH"}, 0, false); err != nil || len(ann) != 1 ||
			ann[emp.ID].Predikat != performance.SangatBaik || ann[emp.ID].Weaknesses != nil {
			t.Errorf("filtered annuals without weaknesses: %+v %v", ann, err)
		}
		if ann, _ := s.LatestAnnuals(ctx, store.Filter{UnitCode: "BKPSDM"}, 0, false); len(ann) != 0 {
			t.Errorf("annuals of another unit: %+v", ann)
		}
		if ann, _ := s.LatestAnnuals(ctx, store.Filter{}, 2026, true); len(ann) != 0 {
			t.Errorf("annuals before 2026: %+v", ann)
		}
		counts, heads, err := s.PredikatCounts(ctx, store.Filter{UnitCode: "DLHK"}, 2026, performance.AnnualSeq)
		if err != nil || len(counts) != 1 || counts[0].UnitID != emp.UnitID || counts[0].N != 1 || heads[emp.UnitID] != 1 || heads[1] != 1 {
			t.Errorf("predikat counts: %+v heads %v %v", counts, heads, err)
		}
		if _, err := s.SKP(ctx, 3, 2026); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("missing SKP: %v", err)
		}
	})
}

func TestBulkSKPsThenInsert(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		dict, _ := s.Competencies(ctx, false)
		ps, _ := performance.Periods(2025, performance.Quarterly)
		for i := range ps {
			ps[i].ID = int64(i + 1)
			ps[i].Status = performance.PeriodClosed
		}
		k := performance.SKP{ID: 1, EmployeeID: 2, Year: 2025, RaterID: 1, Status: performance.StatusFinal,
			EmployeeAgreedAt: perfClock, RaterAgreedAt: perfClock, CreatedAt: perfClock, UpdatedAt: perfClock,
			Plan: performance.Plan{Results: []performance.WorkResult{{Text: "x", Indicators: []performance.Indicator{{Text: "y", Target: "1"}}}}},
			Evaluations: []performance.Evaluation{
				{ID: 1, PeriodID: 1, PeriodSeq: 1, Hasil: performance.Meets, Perilaku: performance.Meets, Predikat: performance.Baik, EvaluatedOn: day("2025-04-03"), RaterID: 1},
				{ID: 2, PeriodID: 5, PeriodSeq: 0, Hasil: performance.Meets, Perilaku: performance.Below, Predikat: performance.Kurang, EvaluatedOn: day("2025-12-20"), RaterID: 1,
					Notes: []performance.Note{{Kind: performance.Weakness, CompetencyID: dict[0].ID, Text: "lalai"}}},
			},
			Feedback: []performance.Feedback{{At: perfClock, AuthorID: 1, Author: "Asep", Text: "catatan"}},
		}
		err := s.BulkLoad(ctx, func(b *store.Bulk) error {
			if err := b.Periods(ctx, ps); err != nil {
				return err
			}
			return b.SKPs(ctx, []performance.SKP{k})
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.SKP(ctx, 2, 2025)
		if err != nil || len(got.Evaluations) != 2 || got.Evaluations[1].Notes[0].Text != "lalai" || len(got.Feedback) != 1 {
			t.Fatalf("bulk SKP read back: %+v %v", got, err)
		}
		// Inserts after the bulk load get fresh IDs (PostgreSQL sequences moved).
		if err := s.CreatePeriods(ctx, "admin", must(performance.Periods(2026, performance.Quarterly))); err != nil {
			t.Fatal(err)
		}
		if _, err := s.CreateSKP(ctx, "admin", "197503122000121002", performance.New(1, 2025, 0, perfClock)); err != nil {
			t.Fatalf("insert after bulk: %v", err)
		}
		ann, _ := s.LatestAnnuals(ctx, store.Filter{}, 0, true)
		if ann[2].Predikat != performance.Kurang || len(ann[2].Weaknesses) != 1 {
			t.Errorf("annual of the bulk SKP: %+v", ann[2])
		}
	})
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

// The store's bulk loader takes the demo's performance data.
var _ demo.PerformanceSink = (*store.Bulk)(nil)

func TestDemoPerformanceDataLoads(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		dict, err := s.Competencies(ctx, false)
		if err != nil {
			t.Fatal(err)
		}
		err = s.BulkLoad(ctx, func(b *store.Bulk) error {
			return demo.Generate(ctx, demo.Config{Employees: 2000, Today: "2026-11-27"}, dict, b, nil)
		})
		if err != nil {
			t.Fatal(err)
		}
		ann, err := s.LatestAnnuals(ctx, store.Filter{}, 0, true)
		if err != nil || len(ann) < 1800 || ann[1].Year != 2025 {
			t.Fatalf("annuals: %d, employee 1: %+v, %v", len(ann), ann[1], err)
		}
		weak := 0
		for _, a := range ann {
			weak += len(a.Weaknesses)
		}
		if weak == 0 {
			t.Error("no weaknesses loaded")
		}
		ps, _ := s.Periods(ctx, 0)
		if len(ps) != 15 {
			t.Errorf("%d periods", len(ps))
		}
		k, err := s.SKP(ctx, 1, 2026)
		if err != nil || len(k.Evaluations) == 0 && k.Status != "draft" && k.Status != "agreed" {
			t.Errorf("current SKP of employee 1: %+v %v", k, err)
		}
		sums, err := s.IDPSummaries(ctx, store.Filter{}, 2026)
		if err != nil || len(sums) < 1200 {
			t.Errorf("plans: %d %v", len(sums), err)
		}
		counts, heads, err := s.PredikatCounts(ctx, store.Filter{}, 2025, 0)
		total, n := 0, 0
		for _, c := range counts {
			n += c.N
		}
		for _, h := range heads {
			total += h
		}
		if err != nil || n < 1800 || total != 2000 {
			t.Errorf("predikat counts %d of %d: %v", n, total, err)
		}
		// Later writes get fresh IDs after the bulk load.
		if _, err := s.CreateSKP(ctx, "admin", "x", performance.New(1, 2027, 0, perfClock)); err != nil {
			t.Errorf("SKP after the demo: %v", err)
		}
	})
}
