package learning

import "fmt"

// CompletionRule decides whether a participant completed an event: the
// share of sessions attended reaches MinAttendance and, when the program
// requires it, the post-test score reaches PassScore.
type CompletionRule struct {
	MinAttendance    float64
	RequiresPostTest bool
	PassScore        float64
}

// Completion is the outcome of the rule for one participant.
type Completion struct {
	Completed bool
	Attended  int
	Sessions  int
	Reasons   []string // why not, in Bahasa Indonesia
}

// Share is the share of sessions attended (0 without sessions).
func (c Completion) Share() float64 {
	if c.Sessions == 0 {
		return 0
	}
	return float64(c.Attended) / float64(c.Sessions)
}

// Evaluate applies the rule to the sessions attended out of all sessions
// and the post-test score (nil: not taken). The share is compared exactly:
// 4 of 5 sessions is 80% and meets 0.8; 79 of 100 does not.
func (r CompletionRule) Evaluate(attended, sessions int, post *float64) Completion {
	c := Completion{Attended: attended, Sessions: sessions}
	min := r.MinAttendance
	if min <= 0 || min > 1 {
		min = DefaultMinAttendance
	}
	switch {
	case sessions <= 0:
		c.Reasons = append(c.Reasons, "kegiatan belum memiliki sesi")
	// attended/sessions ≥ min, compared as attended ≥ min·sessions with a
	// tolerance far below one session so that 0.8·5 = 4 counts.
	case float64(attended) < min*float64(sessions)-1e-9:
		c.Reasons = append(c.Reasons, fmt.Sprintf("kehadiran %d dari %d sesi (%.0f%%) di bawah batas %.0f%%",
			attended, sessions, 100*float64(attended)/float64(sessions), 100*min))
	}
	if r.RequiresPostTest {
		switch {
		case post == nil:
			c.Reasons = append(c.Reasons, "nilai post-test belum dicatat")
		case *post < r.PassScore:
			c.Reasons = append(c.Reasons, fmt.Sprintf("nilai post-test %.1f di bawah nilai lulus %.1f", *post, r.PassScore))
		}
	}
	c.Completed = len(c.Reasons) == 0
	return c
}
