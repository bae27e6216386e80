package competency

import "time"

// Category of a job-person match.
type Category string

const (
	MS  Category = "MS"  // Memenuhi Syarat
	MMS Category = "MMS" // Masih Memenuhi Syarat
	KMS Category = "KMS" // Kurang Memenuhi Syarat
)

// Line is one competency of a standard set against the employee's current level.
type Line struct {
	CompetencyID int64
	Required     int
	Current      Current
}

// Gap is actual − required; ok is false when the competency is unassessed.
func (l Line) Gap() (gap int, ok bool) {
	if !l.Current.Assessed {
		return 0, false
	}
	return l.Current.Level - l.Required, true
}

// Match is the job-person match of one employee against one standard.
type Match struct {
	Lines    []Line
	Assessed int // competencies of the standard with an official level
	Total    int // competencies in the standard
	// JPM is Σ min(actual, required) / Σ required × 100 over the assessed
	// lines only, unrounded (round only for display so that the category
	// and the number shown never disagree); HasJPM is false when nothing is
	// assessed.
	JPM      float64
	HasJPM   bool
	Category Category // empty when !HasJPM
}

// Coverage is assessed / total, 0..1 (0 for an empty standard).
func (m Match) Coverage() float64 {
	if m.Total == 0 {
		return 0
	}
	return float64(m.Assessed) / float64(m.Total)
}

// Categorize bands a JPM by the policy's thresholds (lower bounds inclusive).
func (p Policy) Categorize(jpm float64) Category {
	switch {
	case jpm >= p.MS:
		return MS
	case jpm >= p.MMS:
		return MMS
	default:
		return KMS
	}
}

// Matcher computes matches without allocating beyond the result's lines
// (none when the lines passed in have room). It keeps no state between calls,
// so one Matcher may serve many goroutines as long as its Policy is not
// modified meanwhile; the zero Matcher with a Policy set works too.
type Matcher struct {
	Policy Policy
}

// NewMatcher returns a Matcher for a policy.
func NewMatcher(p Policy) *Matcher {
	return &Matcher{Policy: p}
}

// Match sets an employee's assessments (any order, any competency) against a
// standard on the reference date (read as a civil date in its own location).
// lines is reused when it has capacity. The work is len(standard) ×
// len(as) cheap comparisons plus the rule itself on each matching assessment,
// which for the tens of assessments an employee has beats grouping them.
func (m *Matcher) Match(standard []Requirement, as []Assessment, ref time.Time, lines []Line) Match {
	var r rules
	r.init(&m.Policy)
	day := civilOf(ref)
	lines = lines[:0]
	var res Match
	var sumMin, sumReq int
	for _, req := range standard {
		cur := r.current(as, req.CompetencyID, true, day)
		lines = append(lines, Line{CompetencyID: req.CompetencyID, Required: req.Required, Current: cur})
		if cur.Assessed {
			res.Assessed++
			sumMin += min(cur.Level, req.Required)
			sumReq += req.Required
		}
	}
	res.Lines = lines
	res.Total = len(standard)
	if res.Assessed > 0 && sumReq > 0 {
		res.HasJPM = true
		// Multiply before dividing: one correctly rounded division keeps an
		// exact percentage exact (29/50 gives 58, not 57.99999999999999,
		// which would fall below a threshold of 58).
		res.JPM = float64(100*sumMin) / float64(sumReq)
		res.Category = m.Policy.Categorize(res.JPM)
	}
	return res
}
