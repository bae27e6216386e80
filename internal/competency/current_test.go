package competency

import (
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// fin and draft build an assessment of competency 1.
func fin(id int64, s Source, level int, on time.Time) Assessment {
	return Assessment{ID: id, CompetencyID: 1, Source: s, Level: level, AssessedOn: on, Status: Final}
}

func draft(id int64, s Source, level int, on time.Time) Assessment {
	a := fin(id, s, level, on)
	a.Status = Draft
	return a
}

func recorded(a Assessment, at time.Time) Assessment {
	a.RecordedAt = at
	return a
}

func official(level int, s Source, on time.Time) Current {
	return Current{Assessed: true, Level: level, Source: s, AssessedOn: on}
}

func TestCurrentLevel(t *testing.T) {
	const (
		AC  = SourceAssessmentCenter
		Sup = SourceSupervisor
		P   = Source360
		Me  = SourceSelf
	)
	ref := day(2026, time.June, 30)
	noon := time.Date(2026, time.February, 1, 12, 0, 0, 0, time.UTC)
	custom := Policy{
		ValidityMonths: map[Source]int{AC: 24, Sup: 6, P: 12},
		Priority:       []Source{Sup, AC, P},
		MS:             75, MMS: 60,
	}
	withoutP := Policy{
		ValidityMonths: map[Source]int{AC: 36, Sup: 12, P: 12},
		Priority:       []Source{AC, Sup},
	}
	noValidity := Policy{
		ValidityMonths: map[Source]int{AC: 36},
		Priority:       []Source{AC, Sup},
	}
	selfInPriority := Policy{
		ValidityMonths: map[Source]int{Me: 12, Sup: 12},
		Priority:       []Source{Me, Sup},
	}
	tests := []struct {
		name   string
		policy *Policy // nil: DefaultPolicy
		as     []Assessment
		ref    time.Time
		want   Current
	}{
		{"nothing", nil, nil, ref, Current{}},
		{"AC beats a newer supervisor", nil, []Assessment{
			fin(1, Sup, 4, day(2026, 3, 1)),
			fin(2, AC, 2, day(2025, 1, 10)),
		}, ref, official(2, AC, day(2025, 1, 10))},
		{"supervisor beats a newer 360", nil, []Assessment{
			fin(1, P, 5, day(2026, 5, 1)),
			fin(2, Sup, 3, day(2026, 1, 5)),
		}, ref, official(3, Sup, day(2026, 1, 5))},
		{"AC beats supervisor and 360", nil, []Assessment{
			fin(1, P, 5, day(2026, 5, 1)),
			fin(2, AC, 1, day(2024, 1, 5)),
			fin(3, Sup, 3, day(2026, 1, 5)),
		}, ref, official(1, AC, day(2024, 1, 5))},
		{"360 alone counts", nil, []Assessment{
			fin(1, P, 2, day(2026, 5, 1)),
		}, ref, official(2, P, day(2026, 5, 1))},
		{"latest date within a source", nil, []Assessment{
			fin(1, Sup, 3, day(2026, 2, 1)),
			fin(2, Sup, 2, day(2025, 9, 1)),
			fin(3, Sup, 4, day(2025, 12, 31)),
		}, ref, official(3, Sup, day(2026, 2, 1))},
		{"same date: recorded last wins", nil, []Assessment{
			recorded(fin(9, Sup, 2, day(2026, 2, 1)), noon),
			recorded(fin(1, Sup, 4, day(2026, 2, 1)), noon.Add(time.Hour)),
			recorded(fin(5, Sup, 3, day(2026, 2, 1)), noon.Add(-time.Hour)),
		}, ref, official(4, Sup, day(2026, 2, 1))},
		{"same date and recording: higher ID wins", nil, []Assessment{
			recorded(fin(8, Sup, 3, day(2026, 2, 1)), noon),
			recorded(fin(7, Sup, 2, day(2026, 2, 1)), noon),
		}, ref, official(3, Sup, day(2026, 2, 1))},
		{"same date and recording: higher ID wins in any order", nil, []Assessment{
			recorded(fin(7, Sup, 2, day(2026, 2, 1)), noon),
			recorded(fin(8, Sup, 3, day(2026, 2, 1)), noon),
		}, ref, official(3, Sup, day(2026, 2, 1))},
		{"draft AC newer than a final supervisor: supervisor wins", nil, []Assessment{
			draft(1, AC, 5, day(2026, 6, 1)),
			fin(2, Sup, 3, day(2026, 1, 5)),
		}, ref, official(3, Sup, day(2026, 1, 5))},
		{"newer draft within a source is ignored", nil, []Assessment{
			fin(1, Sup, 2, day(2026, 1, 5)),
			draft(2, Sup, 4, day(2026, 3, 5)),
		}, ref, official(2, Sup, day(2026, 1, 5))},
		{"only drafts: unassessed", nil, []Assessment{
			draft(1, AC, 3, day(2026, 1, 5)),
			draft(2, Sup, 3, day(2026, 1, 5)),
		}, ref, Current{}},
		{"unknown status is not final", nil, []Assessment{
			{ID: 1, CompetencyID: 1, Source: Sup, Level: 3, AssessedOn: day(2026, 1, 5), Status: "pending"},
		}, ref, Current{}},
		{"self alone never sets the level but is reported", nil, []Assessment{
			fin(1, Me, 4, day(2026, 4, 1)),
		}, ref, Current{Self: 4, SelfOn: day(2026, 4, 1)}},
		{"self beside the official level", nil, []Assessment{
			fin(1, Me, 5, day(2026, 4, 1)),
			fin(2, Sup, 2, day(2026, 1, 5)),
		}, ref, Current{Assessed: true, Level: 2, Source: Sup, AssessedOn: day(2026, 1, 5), Self: 5, SelfOn: day(2026, 4, 1)}},
		{"latest final self wins; drafts and future ones ignored", nil, []Assessment{
			fin(1, Me, 3, day(2025, 4, 1)),
			fin(2, Me, 4, day(2026, 4, 1)),
			draft(3, Me, 5, day(2026, 5, 1)),
			fin(4, Me, 1, day(2026, 7, 1)),
			fin(5, Me, 2, day(2024, 4, 1)),
		}, ref, Current{Self: 4, SelfOn: day(2026, 4, 1)}},
		{"self on the reference date counts; old self never expires", nil, []Assessment{
			fin(1, Me, 3, day(2020, 4, 1)),
			fin(2, Me, 2, ref),
		}, ref, Current{Self: 2, SelfOn: ref}},
		{"old self still reported", nil, []Assessment{
			fin(1, Me, 3, day(2020, 4, 1)),
		}, ref, Current{Self: 3, SelfOn: day(2020, 4, 1)}},
		{"same-date self: recorded last wins", nil, []Assessment{
			recorded(fin(1, Me, 4, day(2026, 2, 1)), noon.Add(time.Hour)),
			recorded(fin(2, Me, 3, day(2026, 2, 1)), noon),
		}, ref, Current{Self: 4, SelfOn: day(2026, 2, 1)}},
		{"self listed in priority still never sets the level", &selfInPriority, []Assessment{
			fin(1, Me, 5, day(2026, 4, 1)),
		}, ref, Current{Self: 5, SelfOn: day(2026, 4, 1)}},

		// Validity: AC 36 months, supervisor and 360 12 months.
		{"AC on the last valid day", nil, []Assessment{fin(1, AC, 3, day(2023, 11, 27))},
			day(2026, 11, 26), official(3, AC, day(2023, 11, 27))},
		{"AC expired on its anniversary", nil, []Assessment{fin(1, AC, 3, day(2023, 11, 27))},
			day(2026, 11, 27), Current{}},
		{"expired AC falls back to supervisor", nil, []Assessment{
			fin(1, AC, 3, day(2023, 11, 27)),
			fin(2, Sup, 2, day(2026, 1, 5)),
		}, day(2026, 11, 27), official(2, Sup, day(2026, 1, 5))},
		{"valid older AC beats a newer expired-later supervisor", nil, []Assessment{
			fin(1, AC, 3, day(2023, 11, 27)),
			fin(2, Sup, 2, day(2026, 1, 5)),
		}, day(2026, 11, 26), official(3, AC, day(2023, 11, 27))},
		{"supervisor on the last valid day", nil, []Assessment{fin(1, Sup, 2, day(2025, 11, 27))},
			day(2026, 11, 26), official(2, Sup, day(2025, 11, 27))},
		{"supervisor expired on its anniversary", nil, []Assessment{fin(1, Sup, 2, day(2025, 11, 27))},
			day(2026, 11, 27), Current{}},
		{"360 expired on its anniversary", nil, []Assessment{fin(1, P, 2, day(2025, 11, 27))},
			day(2026, 11, 27), Current{}},
		{"every supervisor rating expired: unassessed", nil, []Assessment{
			fin(1, Sup, 2, day(2024, 1, 5)),
			fin(2, Sup, 3, day(2025, 1, 5)),
		}, ref, Current{}},
		{"newest supervisor valid, older expired", nil, []Assessment{
			fin(1, Sup, 2, day(2024, 1, 5)),
			fin(2, Sup, 3, day(2025, 7, 1)),
		}, ref, official(3, Sup, day(2025, 7, 1))},
		{"29 February + 12 months: valid on 27 February", nil, []Assessment{fin(1, Sup, 2, day(2024, 2, 29))},
			day(2025, 2, 27), official(2, Sup, day(2024, 2, 29))},
		{"29 February + 12 months: expired on 28 February", nil, []Assessment{fin(1, Sup, 2, day(2024, 2, 29))},
			day(2025, 2, 28), Current{}},
		{"29 February + 48 months lands on 29 February", &Policy{
			ValidityMonths: map[Source]int{AC: 48}, Priority: []Source{AC},
		}, []Assessment{fin(1, AC, 2, day(2024, 2, 29))}, day(2028, 2, 28), official(2, AC, day(2024, 2, 29))},
		{"31 August + 6 months: expired on 28 February", &custom, []Assessment{fin(1, Sup, 2, day(2024, 8, 31))},
			day(2025, 2, 28), Current{}},
		{"31 August + 6 months: valid on 27 February", &custom, []Assessment{fin(1, Sup, 2, day(2024, 8, 31))},
			day(2025, 2, 27), official(2, Sup, day(2024, 8, 31))},
		{"dated after the reference date does not count", nil, []Assessment{fin(1, AC, 4, day(2026, 7, 1))},
			ref, Current{}},
		{"future AC does not hide a current supervisor", nil, []Assessment{
			fin(1, AC, 4, day(2026, 7, 1)),
			fin(2, Sup, 2, day(2026, 1, 5)),
		}, ref, official(2, Sup, day(2026, 1, 5))},
		{"counts on its own date", nil, []Assessment{fin(1, AC, 4, ref)}, ref, official(4, AC, ref)},
		{"reference with a time of day", nil, []Assessment{fin(1, AC, 3, day(2023, 11, 27))},
			time.Date(2026, 11, 26, 23, 59, 59, 0, time.UTC), official(3, AC, day(2023, 11, 27))},
		{"reference read as a civil date in its own zone", nil, []Assessment{fin(1, AC, 3, day(2023, 11, 27))},
			time.Date(2026, 11, 27, 3, 0, 0, 0, time.FixedZone("WIB", 7*3600)), Current{}},

		// Sources outside the policy.
		{"source absent from priority never counts", &withoutP, []Assessment{fin(1, P, 4, day(2026, 5, 1))},
			ref, Current{}},
		{"source absent from priority is skipped, next one wins", &withoutP, []Assessment{
			fin(1, P, 4, day(2026, 5, 1)),
			fin(2, Sup, 2, day(2026, 1, 1)),
		}, ref, official(2, Sup, day(2026, 1, 1))},
		{"unknown source never counts", nil, []Assessment{fin(1, "pasca_pelatihan", 4, day(2026, 5, 1))},
			ref, Current{}},
		{"source without a validity period never counts", &noValidity, []Assessment{fin(1, Sup, 4, day(2026, 5, 1))},
			ref, Current{}},

		// A custom policy: supervisor first, AC 24 months, supervisor 6.
		{"custom: supervisor beats AC", &custom, []Assessment{
			fin(1, AC, 4, day(2025, 1, 5)),
			fin(2, Sup, 2, day(2026, 2, 1)),
		}, ref, official(2, Sup, day(2026, 2, 1))},
		{"custom: supervisor of 6 months expired, AC counts", &custom, []Assessment{
			fin(1, AC, 4, day(2025, 1, 5)),
			fin(2, Sup, 2, day(2025, 12, 30)),
		}, ref, official(4, AC, day(2025, 1, 5))},
		{"custom: supervisor on its last valid day", &custom, []Assessment{
			fin(1, AC, 4, day(2025, 1, 5)),
			fin(2, Sup, 2, day(2026, 1, 1)),
		}, ref, official(2, Sup, day(2026, 1, 1))},
		{"custom: 31 December + 6 months expires on 30 June", &custom, []Assessment{
			fin(1, AC, 4, day(2025, 1, 5)),
			fin(2, Sup, 2, day(2025, 12, 31)),
		}, ref, official(4, AC, day(2025, 1, 5))},
		{"custom: AC of 24 months expired, 360 counts", &custom, []Assessment{
			fin(1, AC, 4, day(2024, 6, 30)),
			fin(2, P, 3, day(2025, 7, 1)),
		}, ref, official(3, P, day(2025, 7, 1))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			if tt.policy != nil {
				p = *tt.policy
			}
			got := p.CurrentLevel(tt.as, tt.ref)
			if !sameCurrent(got, tt.want) {
				t.Fatalf("CurrentLevel = %+v\nwant %+v", got, tt.want)
			}
			if !got.Assessed && got.Level != 0 {
				t.Fatalf("unassessed with level %d", got.Level)
			}
			// The Matcher must agree with CurrentLevel.
			m := Matcher{Policy: p}
			res := m.Match([]Requirement{{CompetencyID: 1, Required: 3}}, tt.as, tt.ref, nil)
			if !sameCurrent(res.Lines[0].Current, tt.want) {
				t.Fatalf("Match line = %+v\nwant %+v", res.Lines[0].Current, tt.want)
			}
		})
	}
}

func sameCurrent(a, b Current) bool {
	return a.Assessed == b.Assessed && a.Level == b.Level && a.Source == b.Source &&
		a.AssessedOn.Equal(b.AssessedOn) && a.Self == b.Self && a.SelfOn.Equal(b.SelfOn)
}

func TestValidOn(t *testing.T) {
	p := DefaultPolicy()
	tests := []struct {
		s        Source
		on, ref  time.Time
		wantOK   bool
		describe string
	}{
		{SourceAssessmentCenter, day(2024, 3, 15), day(2027, 3, 14), true, "last day"},
		{SourceAssessmentCenter, day(2024, 3, 15), day(2027, 3, 15), false, "anniversary"},
		{SourceAssessmentCenter, day(2024, 3, 15), day(2024, 3, 15), true, "own date"},
		{SourceAssessmentCenter, day(2024, 3, 15), day(2024, 3, 14), false, "day before"},
		{SourceSupervisor, day(2024, 12, 31), day(2025, 12, 30), true, "year end, last day"},
		{SourceSupervisor, day(2024, 12, 31), day(2025, 12, 31), false, "year end, anniversary"},
		{SourceSupervisor, day(2024, 2, 29), day(2025, 2, 27), true, "leap day, last day"},
		{SourceSupervisor, day(2024, 2, 29), day(2025, 2, 28), false, "leap day, clamped anniversary"},
		{SourceSupervisor, day(2024, 2, 29), day(2025, 3, 1), false, "leap day, month after"},
		{SourceSelf, day(2026, 1, 1), day(2026, 1, 2), false, "self is not official"},
		{"pasca_pelatihan", day(2026, 1, 1), day(2026, 1, 2), false, "unknown source"},
	}
	for _, tt := range tests {
		if got := p.ValidOn(tt.s, tt.on, tt.ref); got != tt.wantOK {
			t.Errorf("%s: ValidOn(%s, %s, %s) = %v", tt.describe, tt.s, tt.on.Format(time.DateOnly), tt.ref.Format(time.DateOnly), got)
		}
	}
	// A source with a validity period but outside the priority list.
	q := DefaultPolicy()
	q.Priority = []Source{SourceAssessmentCenter}
	if q.ValidOn(SourceSupervisor, day(2026, 1, 1), day(2026, 1, 2)) {
		t.Error("ValidOn counts a source outside the priority list")
	}
	// A long priority list: slots past the digest's fixed array still work.
	long := Policy{ValidityMonths: map[Source]int{}}
	for i := 0; i < 12; i++ {
		s := Source(fmt.Sprintf("sumber_%d", i))
		long.Priority = append(long.Priority, s)
		long.ValidityMonths[s] = 12
	}
	as := []Assessment{fin(1, "sumber_11", 4, day(2026, 1, 1)), fin(2, "sumber_10", 2, day(2024, 1, 1))}
	if got := long.CurrentLevel(as, day(2026, 6, 30)); got.Level != 4 || got.Source != "sumber_11" {
		t.Errorf("long priority list: %+v", got)
	}
	as = append(as, fin(3, "sumber_9", 3, day(2025, 12, 1)))
	if got := long.CurrentLevel(as, day(2026, 6, 30)); got.Level != 3 {
		t.Errorf("long priority list: %+v", got)
	}

	// A later assessment never expires earlier, whatever the month lengths.
	for _, months := range []int{1, 6, 12, 18, 36} {
		prev := civilOf(day(2023, 1, 1)).addMonths(months)
		for d := day(2023, 1, 2); d.Year() < 2025; d = d.AddDate(0, 0, 1) {
			exp := civilOf(d).addMonths(months)
			if exp < prev {
				t.Fatalf("%d months: %s expires before the day before it", months, d.Format(time.DateOnly))
			}
			prev = exp
		}
	}
}

// naiveCurrent is an independent, slow statement of the rule used to
// cross-check the fast one on random data.
func naiveCurrent(p Policy, as []Assessment, id int64, ref time.Time) Current {
	expiry := func(on time.Time, months int) time.Time {
		first := time.Date(on.Year(), on.Month()+time.Month(months), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1).Day()
		return first.AddDate(0, 0, min(on.Day(), last)-1)
	}
	var cur Current
	var best, self *Assessment
	bestRank := 0
	for i := range as {
		a := &as[i]
		if a.CompetencyID != id || a.Status != Final || a.AssessedOn.After(ref) {
			continue
		}
		if a.Source == SourceSelf {
			if self == nil || later(a, self) {
				self = a
			}
			continue
		}
		rank := -1
		for j, s := range p.Priority {
			if s == a.Source {
				rank = j
				break
			}
		}
		months := p.ValidityMonths[a.Source]
		if rank < 0 || months <= 0 || !ref.Before(expiry(a.AssessedOn, months)) {
			continue
		}
		if best == nil || rank < bestRank || rank == bestRank && later(a, best) {
			best, bestRank = a, rank
		}
	}
	if best != nil {
		cur = official(best.Level, best.Source, best.AssessedOn)
	}
	if self != nil {
		cur.Self, cur.SelfOn = self.Level, self.AssessedOn
	}
	return cur
}

func TestCurrentLevelRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sources := []Source{SourceAssessmentCenter, SourceSupervisor, Source360, SourceSelf, "lain"}
	policies := []Policy{DefaultPolicy(), {
		ValidityMonths: map[Source]int{SourceAssessmentCenter: 30, SourceSupervisor: 7, Source360: 1},
		Priority:       []Source{Source360, SourceSupervisor, SourceAssessmentCenter},
	}}
	standard := []Requirement{{1, 3}, {2, 2}, {3, 4}, {4, 1}}
	var lines []Line
	assessed, selfSeen := 0, 0
	for n := 0; n < 3000; n++ {
		p := policies[n%len(policies)]
		m := Matcher{Policy: p}
		as := make([]Assessment, rng.IntN(20))
		base := day(2022, 1, 1)
		ref := base.AddDate(0, 0, 1000+rng.IntN(800))
		for i := range as {
			// Dates near ref, a third of them on or next to a validity
			// boundary (month ends included).
			on := ref.AddDate(0, 0, 30-rng.IntN(600))
			if rng.IntN(3) == 0 {
				on = ref.AddDate(0, -[]int{1, 6, 7, 12, 30, 36}[rng.IntN(6)], rng.IntN(5)-2)
			}
			as[i] = Assessment{
				ID:           int64(rng.IntN(5)),
				CompetencyID: int64(1 + rng.IntN(5)),
				Source:       sources[rng.IntN(len(sources))],
				Level:        1 + rng.IntN(5),
				AssessedOn:   on,
				RecordedAt:   base.Add(time.Duration(rng.IntN(3)) * time.Hour),
				Status:       []Status{Final, Final, Draft}[rng.IntN(3)],
			}
		}
		res := m.Match(standard, as, ref, lines)
		lines = res.Lines
		for i, r := range standard {
			want := naiveCurrent(p, as, r.CompetencyID, ref)
			if !sameCurrent(res.Lines[i].Current, want) {
				t.Fatalf("case %d competency %d: Match %+v, naive %+v\nassessments %+v\nref %s",
					n, r.CompetencyID, res.Lines[i].Current, want, as, ref.Format(time.DateOnly))
			}
			if want.Assessed {
				assessed++
			}
			if want.Self > 0 {
				selfSeen++
			}
		}
	}
	// Keep the data meaningful: many lines assessed, many not.
	if assessed < 2000 || assessed > 10000 || selfSeen < 1000 {
		t.Fatalf("random data too one-sided: %d of 12000 lines assessed, %d with self", assessed, selfSeen)
	}
}
