package learning

import (
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"
)

// The evaluation of learning follows Kirkpatrick's levels: reaction (a
// survey of the attendees after the event), learning (pre- and post-test
// scores on the enrollment), behaviour (the supervisor's follow-up three
// months after the event: is it applied at work) and results (the change of
// the target competencies' levels, against colleagues who did not take
// part).

// MaxEvaluationComment bounds the free text of a survey or follow-up.
const MaxEvaluationComment = 2000

// Reaction is one attendee's answer to the reaction survey: four 1–5
// scales and a comment.
type Reaction struct {
	Relevance    int // the material fits my work
	Content      int // quality of the material
	Facilitator  int // the facilitators and speakers
	Organisation int // venue, schedule, administration
	Comment      string
}

// ReactionScales names the scales in survey order, each with the field's
// key (for forms and messages).
var ReactionScales = []string{"relevance", "content", "facilitator", "organisation"}

// Scores returns the four scales in ReactionScales order.
func (r Reaction) Scores() [4]int {
	return [4]int{r.Relevance, r.Content, r.Facilitator, r.Organisation}
}

// ScaleLabel is the display name of a scale key.
func ScaleLabel(key string) string {
	switch key {
	case "relevance":
		return "Relevansi materi dengan pekerjaan"
	case "content":
		return "Kualitas materi"
	case "facilitator":
		return "Fasilitator/narasumber"
	case "organisation":
		return "Penyelenggaraan"
	}
	return key
}

// Validate names every field at fault.
func (r Reaction) Validate() map[string]string {
	errs := map[string]string{}
	for i, v := range r.Scores() {
		if v < 1 || v > 5 {
			errs[ReactionScales[i]] = fmt.Sprintf("%s: pilih nilai 1–5", ScaleLabel(ReactionScales[i]))
		}
	}
	if utf8.RuneCountInString(r.Comment) > MaxEvaluationComment {
		errs["comment"] = fmt.Sprintf("komentar paling banyak %d karakter", MaxEvaluationComment)
	}
	return errs
}

// Applied is the supervisor's answer at the follow-up: is the learning
// applied at work?
type Applied string

const (
	AppliedYes    Applied = "yes"
	AppliedPartly Applied = "partly"
	AppliedNo     Applied = "no"
)

// ParseApplied reads an answer (also in Bahasa Indonesia: ya, sebagian, tidak).
func ParseApplied(s string) (Applied, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "yes", "ya":
		return AppliedYes, nil
	case "partly", "sebagian":
		return AppliedPartly, nil
	case "no", "tidak":
		return AppliedNo, nil
	}
	return "", fmt.Errorf("jawaban %q tidak dikenal (pilih ya, sebagian, atau tidak)", s)
}

// Label is the display name of an answer.
func (a Applied) Label() string {
	switch a {
	case AppliedYes:
		return "Ya"
	case AppliedPartly:
		return "Sebagian"
	case AppliedNo:
		return "Tidak"
	}
	return string(a)
}

// FollowUpMonths is how long after the event's last day the supervisor's
// follow-up is due.
const FollowUpMonths = 3

// FollowUpDue is the first day the follow-up of an event ending on ends
// may be recorded: the same calendar day three months later (the last day
// of the month when that day does not exist: 30 November → 28/29 February).
func FollowUpDue(ends time.Time) time.Time {
	y, m, d := ends.Date()
	first := time.Date(y, m+FollowUpMonths, 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1).Day()
	return time.Date(first.Year(), first.Month(), min(d, last), 0, 0, 0, 0, time.UTC)
}

// ---- per-program aggregates ----

// OutcomeCounts counts enrollments of a program's events by how they ended.
// Enrollments still open (nominated, invited, accepted, waitlisted …) or
// withdrawn (declined, cancelled) are not outcomes.
type OutcomeCounts struct {
	Completed    int
	NotCompleted int
	NoShow       int
	// Attended but not yet marked completed or not completed.
	Attended int
}

// Total is every enrollment with an outcome: the denominator of the rates.
func (o OutcomeCounts) Total() int { return o.Completed + o.NotCompleted + o.NoShow + o.Attended }

// CompletionRate is completed / Total (0 when none).
func (o OutcomeCounts) CompletionRate() float64 { return rateOf(o.Completed, o.Total()) }

// NoShowRate is no-show / Total (0 when none).
func (o OutcomeCounts) NoShowRate() float64 { return rateOf(o.NoShow, o.Total()) }

func rateOf(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// ReactionSummary averages the reaction surveys of a program.
type ReactionSummary struct {
	Responses int
	// Averages in ReactionScales order (0 when no response).
	Averages [4]float64
	// Overall is the mean of the four averages.
	Overall float64
}

// SummariseReactions averages survey answers.
func SummariseReactions(rs []Reaction) ReactionSummary {
	var s ReactionSummary
	var sums [4]int
	for _, r := range rs {
		for i, v := range r.Scores() {
			sums[i] += v
		}
		s.Responses++
	}
	if s.Responses == 0 {
		return s
	}
	for i := range sums {
		s.Averages[i] = float64(sums[i]) / float64(s.Responses)
		s.Overall += s.Averages[i] / 4
	}
	return s
}

// TestScores is a pair of test scores of one participant; a missing score is nil.
type TestScores struct {
	Pre, Post *float64
}

// ScoreGain averages the pre→post gain over the participants who have both.
type ScoreGain struct {
	N        int
	Pre      float64 // mean pre-test
	Post     float64 // mean post-test
	Average  float64 // mean of post − pre
	Improved int     // participants whose post exceeds their pre
}

// SummariseGain computes the average pre→post gain of the pairs with both scores.
func SummariseGain(ss []TestScores) ScoreGain {
	var g ScoreGain
	var pre, post float64
	for _, s := range ss {
		if s.Pre == nil || s.Post == nil {
			continue
		}
		g.N++
		pre += *s.Pre
		post += *s.Post
		if *s.Post > *s.Pre {
			g.Improved++
		}
	}
	if g.N > 0 {
		g.Pre, g.Post = pre/float64(g.N), post/float64(g.N)
		g.Average = g.Post - g.Pre
	}
	return g
}

// AppliedSummary counts the follow-up answers.
type AppliedSummary struct {
	Yes, Partly, No int
}

// Total is the number of follow-ups.
func (a AppliedSummary) Total() int { return a.Yes + a.Partly + a.No }

// Add counts one answer.
func (a *AppliedSummary) Add(x Applied) {
	switch x {
	case AppliedYes:
		a.Yes++
	case AppliedPartly:
		a.Partly++
	case AppliedNo:
		a.No++
	}
}

// ---- level change against non-participants ----

// LevelChangeMonths is the length of the window over which the change of
// a target competency is measured (see LevelSample).
const LevelChangeMonths = 6

// LevelSample is one employee's official level of one target competency
// of a program at the two ends of an event's window (the current-level
// rule, read on each date):
//
//   - Baseline: the day before the event's first day (what the participant
//     brought in);
//   - Outcome: LevelChangeMonths after the event's last day, or the
//     reference date when that is earlier (the follow-up at three months
//     may record a new supervisor assessment; six months leave time for
//     it).
//
// Participants completed the event; non-participants are employees who
// were not enrolled in any event of the program, read on the same two
// dates for the same competency, so that both groups share one window.
// Employees unassessed on either date are left out: an unassessed level is
// never zero.
type LevelSample struct {
	Event        int64
	CompetencyID int64
	Baseline     int
	Outcome      int
}

// Change is Outcome − Baseline.
func (s LevelSample) Change() int { return s.Outcome - s.Baseline }

// LevelWindow returns the two dates of an event's window.
func LevelWindow(starts, ends, ref time.Time) (baseline, outcome time.Time) {
	baseline = starts.AddDate(0, 0, -1)
	outcome = ends.AddDate(0, LevelChangeMonths, 0)
	if ref.Before(outcome) {
		outcome = ref
	}
	return baseline, outcome
}

// LevelComparison compares the average change of participants with that
// of non-participants of the same starting level.
type LevelComparison struct {
	// Participants is the number of participant samples with a matched
	// comparison group; ParticipantChange is their mean change.
	Participants      int
	ParticipantChange float64
	// Others is the number of non-participant samples in the matched
	// strata; OthersChange their mean change reweighted to the
	// participants' mix of strata (so that a group with more people at
	// level 1, who have more room to rise, does not look better by that
	// alone).
	Others       int
	OthersChange float64
	// Difference is ParticipantChange − OthersChange.
	Difference float64
	// Unmatched counts participant samples whose stratum had no
	// non-participant.
	Unmatched int
}

// CompareLevelChange matches participants and non-participants on the
// stratum (event, competency, starting level) and compares their mean
// changes within the strata where both groups exist.
func CompareLevelChange(participants, others []LevelSample) LevelComparison {
	type key struct {
		event, comp int64
		base        int
	}
	type acc struct{ n, sum int }
	p, o := map[key]*acc{}, map[key]*acc{}
	add := func(m map[key]*acc, s LevelSample) {
		k := key{s.Event, s.CompetencyID, s.Baseline}
		if m[k] == nil {
			m[k] = &acc{}
		}
		m[k].n++
		m[k].sum += s.Change()
	}
	for _, s := range participants {
		add(p, s)
	}
	for _, s := range others {
		add(o, s)
	}
	keys := make([]key, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	// A fixed order makes the float sums reproducible.
	sort.Slice(keys, func(i, j int) bool {
		a, b := keys[i], keys[j]
		if a.event != b.event {
			return a.event < b.event
		}
		if a.comp != b.comp {
			return a.comp < b.comp
		}
		return a.base < b.base
	})
	var c LevelComparison
	var pSum, oWeighted float64
	for _, k := range keys {
		pa, oa := p[k], o[k]
		if oa == nil {
			c.Unmatched += pa.n
			continue
		}
		c.Participants += pa.n
		c.Others += oa.n
		pSum += float64(pa.sum)
		oWeighted += float64(pa.n) * float64(oa.sum) / float64(oa.n)
	}
	if c.Participants > 0 {
		c.ParticipantChange = pSum / float64(c.Participants)
		c.OthersChange = oWeighted / float64(c.Participants)
		c.Difference = c.ParticipantChange - c.OthersChange
	}
	return c
}
