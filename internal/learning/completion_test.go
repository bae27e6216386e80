package learning

import "testing"

func postScore(v float64) *float64 { return &v }

func TestCompletionBoundaries(t *testing.T) {
	rule := CompletionRule{MinAttendance: 0.8}
	cases := []struct {
		attended, sessions int
		want               bool
	}{
		{79, 100, false}, // 79 % misses 80 %
		{80, 100, true},  // 80 % meets it
		{4, 5, true},     // 0.8 · 5 = 4 exactly
		{3, 5, false},
		{8, 10, true},
		{7, 10, false},
		{5, 5, true},
		{0, 0, false}, // an event without sessions cannot be completed
	}
	for _, c := range cases {
		got := rule.Evaluate(c.attended, c.sessions, nil)
		if got.Completed != c.want {
			t.Errorf("%d/%d: completed = %v (%v)", c.attended, c.sessions, got.Completed, got.Reasons)
		}
		if !c.want && len(got.Reasons) == 0 {
			t.Errorf("%d/%d: no reason given", c.attended, c.sessions)
		}
	}
	// A share of 0 (not configured) means the default 0.8.
	if (CompletionRule{}).Evaluate(79, 100, nil).Completed || !(CompletionRule{}).Evaluate(80, 100, nil).Completed {
		t.Error("default share is not 0.8")
	}
	// A configured share of 0.75: 3 of 4 completes.
	if !(CompletionRule{MinAttendance: 0.75}).Evaluate(3, 4, nil).Completed {
		t.Error("3/4 against 0.75")
	}
}

func TestCompletionPostTest(t *testing.T) {
	rule := CompletionRule{MinAttendance: 0.8, RequiresPostTest: true, PassScore: 70}
	if c := rule.Evaluate(5, 5, nil); c.Completed || len(c.Reasons) != 1 {
		t.Errorf("no post-test: %+v", c)
	}
	if c := rule.Evaluate(5, 5, postScore(69.9)); c.Completed {
		t.Errorf("69.9 < 70: %+v", c)
	}
	if c := rule.Evaluate(5, 5, postScore(70)); !c.Completed {
		t.Errorf("70 passes: %+v", c)
	}
	// Both conditions fail: both reasons are given.
	if c := rule.Evaluate(1, 5, postScore(10)); c.Completed || len(c.Reasons) != 2 {
		t.Errorf("both fail: %+v", c)
	}
	// Without the requirement the score does not matter.
	if c := (CompletionRule{MinAttendance: 0.8}).Evaluate(5, 5, postScore(0)); !c.Completed {
		t.Errorf("score without requirement: %+v", c)
	}
}
