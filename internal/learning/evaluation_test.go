package learning

import (
	"math"
	"testing"
	"time"
)

func civilDay(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestReactionValidate(t *testing.T) {
	ok := Reaction{Relevance: 5, Content: 4, Facilitator: 3, Organisation: 1}
	if errs := ok.Validate(); len(errs) != 0 {
		t.Errorf("valid answer refused: %v", errs)
	}
	bad := Reaction{Relevance: 0, Content: 6, Facilitator: 3, Organisation: 3, Comment: string(make([]rune, MaxEvaluationComment+1))}
	errs := bad.Validate()
	if len(errs) != 3 || errs["relevance"] == "" || errs["content"] == "" || errs["comment"] == "" {
		t.Errorf("errors: %v", errs)
	}
}

func TestFollowUpDue(t *testing.T) {
	for _, c := range []struct{ ends, due string }{
		{"2026-03-14", "2026-06-14"},
		{"2026-11-30", "2027-02-28"},
		{"2027-11-30", "2028-02-29"},
		{"2026-10-31", "2027-01-31"},
	} {
		if got := FollowUpDue(civilDay(c.ends)); !got.Equal(civilDay(c.due)) {
			t.Errorf("FollowUpDue(%s) = %s, want %s", c.ends, got.Format("2006-01-02"), c.due)
		}
	}
	for _, s := range []string{"ya", "Partly", " tidak "} {
		if _, err := ParseApplied(s); err != nil {
			t.Errorf("ParseApplied(%q): %v", s, err)
		}
	}
	if _, err := ParseApplied("mungkin"); err == nil {
		t.Error("an unknown answer parsed")
	}
}

func score(v float64) *float64 { return &v }

func TestProgramAggregates(t *testing.T) {
	o := OutcomeCounts{Completed: 6, NotCompleted: 1, NoShow: 2, Attended: 1}
	if o.Total() != 10 || o.CompletionRate() != 0.6 || o.NoShowRate() != 0.2 {
		t.Errorf("outcome %+v: completion %v no-show %v", o, o.CompletionRate(), o.NoShowRate())
	}
	if (OutcomeCounts{}).CompletionRate() != 0 {
		t.Error("rate of nothing")
	}
	r := SummariseReactions([]Reaction{
		{Relevance: 5, Content: 4, Facilitator: 5, Organisation: 2},
		{Relevance: 3, Content: 4, Facilitator: 4, Organisation: 4},
	})
	if r.Responses != 2 || r.Averages != [4]float64{4, 4, 4.5, 3} || r.Overall != 3.875 {
		t.Errorf("reactions %+v", r)
	}
	g := SummariseGain([]TestScores{{score(50), score(80)}, {score(60), score(70)}, {score(70), score(65)}, {nil, score(90)}, {score(40), nil}})
	if g.N != 3 || g.Pre != 60 || math.Abs(g.Post-71.66666666666667) > 1e-9 || math.Abs(g.Average-11.666666666666671) > 1e-9 || g.Improved != 2 {
		t.Errorf("gain %+v", g)
	}
	var a AppliedSummary
	for _, x := range []Applied{AppliedYes, AppliedYes, AppliedPartly, AppliedNo} {
		a.Add(x)
	}
	if a.Yes != 2 || a.Partly != 1 || a.No != 1 || a.Total() != 4 {
		t.Errorf("applied %+v", a)
	}
}

func TestCompareLevelChange(t *testing.T) {
	s := func(ev, comp int64, base, out int) LevelSample {
		return LevelSample{Event: ev, CompetencyID: comp, Baseline: base, Outcome: out}
	}
	participants := []LevelSample{
		s(1, 10, 1, 2), s(1, 10, 1, 3), // level 1: +1, +2 → mean 1.5
		s(1, 10, 2, 3), // level 2: +1
		s(1, 10, 4, 4), // level 4: no non-participant at 4
	}
	others := []LevelSample{
		s(1, 10, 1, 1), s(1, 10, 1, 2), // level 1: mean 0.5
		s(1, 10, 2, 2), s(1, 10, 2, 2), s(1, 10, 2, 2), s(1, 10, 2, 3), // level 2: mean 0.25
		s(2, 10, 1, 1), // another event's window: not comparable
	}
	c := CompareLevelChange(participants, others)
	// Participants: (1+2+1)/3; others reweighted to the participants' mix:
	// (2×0.5 + 1×0.25)/3.
	if c.Participants != 3 || c.Unmatched != 1 || c.Others != 6 {
		t.Fatalf("counts %+v", c)
	}
	if math.Abs(c.ParticipantChange-4.0/3) > 1e-9 || math.Abs(c.OthersChange-1.25/3) > 1e-9 || math.Abs(c.Difference-(4.0-1.25)/3) > 1e-9 {
		t.Errorf("changes %+v", c)
	}
	if got := CompareLevelChange(nil, others); got.Participants != 0 || got.Difference != 0 {
		t.Errorf("no participants: %+v", got)
	}
}

func TestLevelWindow(t *testing.T) {
	b, o := LevelWindow(civilDay("2026-03-02"), civilDay("2026-03-06"), civilDay("2026-11-27"))
	if !b.Equal(civilDay("2026-03-01")) || !o.Equal(civilDay("2026-09-06")) {
		t.Errorf("window %s – %s", b, o)
	}
	_, o = LevelWindow(civilDay("2026-10-05"), civilDay("2026-10-09"), civilDay("2026-11-27"))
	if !o.Equal(civilDay("2026-11-27")) {
		t.Errorf("window capped at ref: %s", o)
	}
}
