package talent

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/performance"
)

func TestAllNineBoxes(t *testing.T) {
	// DOMAIN.md §4.
	cases := []struct {
		perf    Performance
		pot     Potential
		box     Box
		actions string
	}{
		{PerfAbove, PotHigh, 9, "promote retain national_pool agency_pool"},
		{PerfMeets, PotHigh, 8, "retain agency_pool rotation performance_coaching"},
		{PerfAbove, PotMedium, 7, "retain agency_pool job_enrichment competency_development"},
		{PerfBelow, PotHigh, 6, "right_placement performance_coaching counselling"},
		{PerfMeets, PotMedium, 5, "right_placement performance_coaching competency_development"},
		{PerfAbove, PotLow, 4, "rotation competency_development"},
		{PerfBelow, PotMedium, 3, "coaching counselling competency_development"},
		{PerfMeets, PotLow, 2, "coaching competency_development right_placement"},
		{PerfBelow, PotLow, 1, "discipline"},
	}
	seen := map[Box]bool{}
	for _, c := range cases {
		b := BoxOf(c.perf, c.pot)
		if b != c.box {
			t.Errorf("BoxOf(%s, %s) = %d, want %d", c.perf, c.pot, b, c.box)
		}
		if p, q := b.Axes(); p != c.perf || q != c.pot {
			t.Errorf("box %d axes = %s/%s", b, p, q)
		}
		var acts []string
		for _, a := range b.Actions() {
			acts = append(acts, string(a))
			if a.Label() == string(a) {
				t.Errorf("action %s has no label", a)
			}
		}
		if got := strings.Join(acts, " "); got != c.actions {
			t.Errorf("box %d actions = %s, want %s", b, got, c.actions)
		}
		if b.InSuccessionPool() != (b >= 7) || b.InNationalPool() != (b == 9) {
			t.Errorf("box %d pool flags wrong", b)
		}
		seen[b] = true
	}
	if len(seen) != 9 {
		t.Errorf("%d distinct boxes", len(seen))
	}
	if BoxOf(PerfUnknown, PotHigh) != 0 || BoxOf(PerfAbove, PotUnknown) != 0 || Box(0).Actions() != nil || Box(10).Valid() {
		t.Error("unknown axes must not place")
	}
}

func TestPerformanceOfPredikat(t *testing.T) {
	want := map[performance.Predikat]Performance{
		performance.SangatBaik: PerfAbove, performance.Baik: PerfMeets, performance.ButuhPerbaikan: PerfBelow,
		performance.Kurang: PerfBelow, performance.SangatKurang: PerfBelow, "": PerfUnknown,
	}
	for p, w := range want {
		if got := PerformanceOf(p); got != w {
			t.Errorf("PerformanceOf(%q) = %s, want %s", p, got, w)
		}
	}
}

func TestPotentialBandBoundaries(t *testing.T) {
	p := DefaultPolicy()
	for score, want := range map[float64]Potential{100: PotHigh, 80: PotHigh, 79.999: PotMedium, 60: PotMedium, 59.999: PotLow, 0: PotLow} {
		if got := p.Band(score); got != want {
			t.Errorf("Band(%g) = %s, want %s", score, got, want)
		}
	}
	p.HighFrom, p.MediumFrom = 85, 70
	if p.Band(80) != PotMedium || p.Band(69.9) != PotLow || p.Band(85) != PotHigh {
		t.Error("configured bands not applied")
	}
}

func TestBoxesAtTheBandBoundaries(t *testing.T) {
	p := DefaultPolicy()
	cases := []struct {
		pred performance.Predikat
		jpm  float64
		want Box
	}{
		{performance.SangatBaik, 80, 9}, {performance.SangatBaik, 79.99, 7}, {performance.SangatBaik, 60, 7}, {performance.SangatBaik, 59.99, 4},
		{performance.Baik, 80, 8}, {performance.Baik, 79.99, 5}, {performance.Baik, 60, 5}, {performance.Baik, 59.99, 2},
		{performance.ButuhPerbaikan, 80, 6}, {performance.Kurang, 60, 3}, {performance.SangatKurang, 59.99, 1},
	}
	for _, c := range cases {
		pl := p.Place(Input{EmployeeID: 1, Predikat: c.pred, PredikatYear: 2025, HasPredikat: true, JPM: c.jpm, HasJPM: true})
		if pl.Computed != c.want || pl.Box != c.want || pl.Reason != "" {
			t.Errorf("%s with JPM %g: box %d (%s), want %d", c.pred, c.jpm, pl.Computed, pl.Reason, c.want)
		}
	}
}

func TestPotentialScoreWeights(t *testing.T) {
	p := DefaultPolicy()
	if s, ok := p.PotentialScore(70, true, 95, true); !ok || s != 70 {
		t.Errorf("default is JPM alone: %g %v", s, ok)
	}
	if _, ok := p.PotentialScore(0, false, 95, true); ok {
		t.Error("assessment score with weight 0 gave a score")
	}
	p.JPMWeight, p.AssessmentWeight = 1, 3
	if s, ok := p.PotentialScore(60, true, 100, true); !ok || s != 90 {
		t.Errorf("weighted 1:3 of 60 and 100 = %g, want 90", s)
	}
	if s, ok := p.PotentialScore(60, true, 0, false); !ok || s != 60 {
		t.Errorf("without an assessment score: %g", s)
	}
	if s, ok := p.PotentialScore(0, false, 72, true); !ok || s != 72 {
		t.Errorf("assessment score alone: %g", s)
	}
}

func TestPlaceReasons(t *testing.T) {
	p := DefaultPolicy()
	cases := []struct {
		in   Input
		want string
	}{
		{Input{}, "belum ada predikat kinerja tahunan final dan belum ada penilaian"},
		{Input{JPM: 90, HasJPM: true}, "belum ada predikat kinerja tahunan final"},
		{Input{Predikat: performance.Baik, HasPredikat: true}, "potensi belum dapat dihitung"},
	}
	for _, c := range cases {
		pl := p.Place(c.in)
		if pl.Computed != 0 || pl.Box != 0 || !strings.HasPrefix(pl.Reason, c.want) {
			t.Errorf("Place(%+v) = box %d reason %q", c.in, pl.Computed, pl.Reason)
		}
	}
}

func TestReview(t *testing.T) {
	at := time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)
	pl := DefaultPolicy().Place(Input{EmployeeID: 5, Predikat: performance.Baik, PredikatYear: 2025, HasPredikat: true, JPM: 85, HasJPM: true})
	if pl.Computed != 8 {
		t.Fatalf("box %d", pl.Computed)
	}
	r, err := NewReview(pl, 8, "", "admin", at)
	if err != nil || r.Decision != Confirmed {
		t.Errorf("confirm without a reason: %+v %v", r, err)
	}
	if _, err := NewReview(pl, 9, " ", "admin", at); err == nil || !strings.Contains(err.Error(), "alasan wajib") {
		t.Errorf("override without a reason: %v", err)
	}
	if _, err := NewReview(pl, 10, "x", "admin", at); err == nil {
		t.Error("box 10 accepted")
	}
	if _, err := NewReview(DefaultPolicy().Place(Input{EmployeeID: 5}), 5, "x", "admin", at); err == nil || !strings.Contains(err.Error(), "belum dapat ditempatkan") {
		t.Errorf("review of an unplaced employee: %v", err)
	}
	r, err = NewReview(pl, 5, "Baru dimutasi, kinerja di jabatan baru belum teramati", "admin", at)
	if err != nil || r.Decision != Overridden || r.Computed != 8 || r.Box != 5 || r.Year != 2025 {
		t.Fatalf("override: %+v %v", r, err)
	}
	if got := pl.WithReview(r); got.Box != 5 || got.Computed != 8 || got.Review == nil || got.Stale {
		t.Errorf("review in force: %+v", got)
	}
	// The inputs changed since: the review no longer applies.
	pl2 := DefaultPolicy().Place(Input{EmployeeID: 5, Predikat: performance.SangatBaik, PredikatYear: 2025, HasPredikat: true, JPM: 85, HasJPM: true})
	if got := pl2.WithReview(r); got.Box != 9 || !got.Stale || got.Review != nil {
		t.Errorf("stale review: %+v", got)
	}
	// A review of an earlier year does not apply and is not stale.
	pl3 := DefaultPolicy().Place(Input{EmployeeID: 5, Predikat: performance.Baik, PredikatYear: 2026, HasPredikat: true, JPM: 85, HasJPM: true})
	if got := pl3.WithReview(r); got.Box != 8 || got.Stale || got.Review != nil {
		t.Errorf("old review: %+v", got)
	}
}

func TestPolicyValidate(t *testing.T) {
	if err := DefaultPolicy().Validate(); err != nil {
		t.Fatal(err)
	}
	bad := []func(*Policy){
		func(p *Policy) { p.MediumFrom = 80 },
		func(p *Policy) { p.JPMWeight, p.AssessmentWeight = 0, 0 },
		func(p *Policy) { p.ReadySoonFrom = 90 },
		func(p *Policy) { p.Feeders = map[string][]string{"jpt": {"menteri"}} },
		func(p *Policy) { p.Feeders = map[string][]string{"pengawas:ahli_muda": {"pelaksana"}} },
	}
	for i, f := range bad {
		p := DefaultPolicy()
		f(&p)
		if err := p.Validate(); err == nil {
			t.Errorf("bad policy %d accepted", i)
		}
	}
}

func TestSuccessionRankingAndReadiness(t *testing.T) {
	ref := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	p := DefaultPolicy()
	p.MaxCandidates = 4
	m := competency.NewMatcher(competency.DefaultPolicy())
	// The key position requires level 4 on five competencies (Σ 20).
	std := []competency.Requirement{{CompetencyID: 1, Required: 4}, {CompetencyID: 2, Required: 4}, {CompetencyID: 3, Required: 4},
		{CompetencyID: 4, Required: 4}, {CompetencyID: 5, Required: 4}}
	// levels builds assessments whose JPM against std is sum(min)/20.
	levels := func(emp int64, ls ...int) []competency.Assessment {
		var out []competency.Assessment
		for i, l := range ls {
			if l == 0 {
				continue // unassessed
			}
			out = append(out, competency.Assessment{ID: emp*10 + int64(i), EmployeeID: emp, CompetencyID: int64(i + 1), Level: l,
				Source: competency.SourceAssessmentCenter, Status: competency.Final, AssessedOn: ref.AddDate(-1, 0, 0)})
		}
		return out
	}
	retire := func(y int) time.Time { return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC) }
	adm := people.KindAdministrator
	pool := []Candidate{
		{EmployeeID: 10, PositionID: 50, Kind: adm, Box: 9, RetirementDate: retire(2040), Assessments: levels(10, 4, 4, 4, 4, 4)},                  // 100
		{EmployeeID: 11, PositionID: 51, Kind: adm, Box: 7, RetirementDate: retire(2040), Assessments: levels(11, 4, 4, 4, 4, 0)},                  // 4 of 5 assessed: 100
		{EmployeeID: 12, PositionID: 52, Kind: adm, Box: 8, RetirementDate: retire(2045), Assessments: levels(12, 4, 4, 4, 3, 1)},                  // 16/20 = 80: ready now
		{EmployeeID: 13, PositionID: 53, Kind: adm, Box: 9, RetirementDate: retire(2041), Assessments: levels(13, 4, 4, 4, 3, 1)},                  // 80, box 9 before 12
		{EmployeeID: 14, PositionID: 54, Kind: adm, Box: 8, RetirementDate: retire(2042), Assessments: levels(14, 4, 3, 3, 3, 1)},                  // 14/20 = 70: 1–2 years
		{EmployeeID: 15, PositionID: 55, Kind: adm, Box: 8, RetirementDate: retire(2042), Assessments: levels(15, 3, 3, 3, 3, 1)},                  // 13/20 = 65: later
		{EmployeeID: 16, PositionID: 56, Kind: adm, Box: 6, RetirementDate: retire(2042), Assessments: levels(16, 5, 5, 5, 5, 5)},                  // not in the pool
		{EmployeeID: 17, PositionID: 1, Kind: people.KindJPT, Box: 9, RetirementDate: retire(2042), Assessments: levels(17, 5, 5, 5, 5, 5)},        // holds it
		{EmployeeID: 18, PositionID: 57, Kind: adm, Box: 9, RetirementDate: retire(2026), Assessments: levels(18, 5, 5, 5, 5, 5)},                  // retired
		{EmployeeID: 19, PositionID: 58, Kind: people.KindPelaksana, Box: 9, RetirementDate: retire(2050), Assessments: levels(19, 5, 5, 5, 5, 5)}, // not a feeder
		{EmployeeID: 20, PositionID: 59, Kind: people.KindFungsional, Jenjang: people.JenjangAhliMadya, Box: 7, RetirementDate: retire(2050)},      // unassessed
	}
	key := KeyPosition{ID: 1, Kind: people.KindJPT, Jenjang: people.JenjangPratama, Standard: std,
		Holders: []Holder{{EmployeeID: 17, RetirementDate: time.Date(2028, 10, 1, 0, 0, 0, 0, time.UTC)}}}
	lists := p.Succession(m, []KeyPosition{key, {ID: 2, Kind: people.KindAdministrator, Standard: std}}, pool, ref)
	if len(lists) != 2 {
		t.Fatalf("%d lists", len(lists))
	}
	l := lists[0]
	var got []string
	for _, s := range l.Successors {
		got = append(got, fmt.Sprintf("%d#%d:%.0f:%s", s.EmployeeID, s.Rank, s.JPM, s.Readiness))
	}
	want := "10#1:100:ready_now 11#2:100:ready_now 13#3:80:ready_now 12#4:80:ready_now"
	if strings.Join(got, " ") != want {
		t.Errorf("successors = %s\nwant         %s", strings.Join(got, " "), want)
	}
	if l.Eligible != 7 || !l.HolderRetiring || l.Vacant {
		t.Errorf("eligible %d (want 7: 10–15 and 20), retiring %v, vacant %v", l.Eligible, l.HolderRetiring, l.Vacant)
	}
	// Without the limit the tail shows the other readiness bands and the
	// unassessed candidate last.
	p.MaxCandidates = 0
	all := p.Succession(m, []KeyPosition{key}, pool, ref)[0].Successors
	tail := all[4:]
	if len(tail) != 3 || tail[0].EmployeeID != 14 || tail[0].Readiness != ReadySoon || tail[1].EmployeeID != 15 ||
		tail[1].Readiness != ReadyLater || tail[2].EmployeeID != 20 || tail[2].HasJPM || tail[2].Readiness != ReadyLater {
		t.Errorf("tail: %+v", tail)
	}
	// The administrator position is vacant; its feeders exclude JPT holders.
	if l2 := lists[1]; !l2.Vacant || l2.HolderRetiring {
		t.Errorf("vacant administrator position: %+v", l2)
	}
	for _, s := range lists[1].Successors {
		if s.EmployeeID == 17 || s.EmployeeID == 19 {
			t.Errorf("employee %d is not a feeder of an administrator position", s.EmployeeID)
		}
	}
	// A holder retiring after the two-year horizon is not flagged.
	key.Holders[0].RetirementDate = time.Date(2028, 12, 1, 0, 0, 0, 0, time.UTC)
	if p.Succession(m, []KeyPosition{key}, pool, ref)[0].HolderRetiring {
		t.Error("holder retiring in 2028-12 flagged (horizon 2028-11-27)")
	}
}

func TestReadinessThresholds(t *testing.T) {
	p := DefaultPolicy()
	for jpm, want := range map[float64]Readiness{100: ReadyNow, 80: ReadyNow, 79.99: ReadySoon, 68: ReadySoon, 67.99: ReadyLater} {
		if got := p.Readiness(jpm, true); got != want {
			t.Errorf("Readiness(%g) = %s, want %s", jpm, got, want)
		}
	}
	p.ReadyNowFrom, p.ReadySoonFrom = 90, 75
	if p.Readiness(85, true) != ReadySoon || p.Readiness(74, true) != ReadyLater || p.Readiness(0, false) != ReadyLater {
		t.Error("configured readiness thresholds not applied")
	}
}
