package competency

import "time"

// Current is the official level of one competency for one employee on a
// reference date, with the self-assessment shown beside it.
type Current struct {
	Assessed   bool
	Level      int
	Source     Source
	AssessedOn time.Time
	// Self is the latest final self-assessment on or before the date (0 when none).
	Self   int
	SelfOn time.Time
}

// ValidOn reports whether a final assessment from source s made on date
// assessedOn still counts on date ref. An assessment is valid from its own
// date through the day before the same calendar day ValidityMonths later:
// an assessment of 2024-03-15 valid 36 months counts on 2027-03-14 and not on
// 2027-03-15. Assessments dated after ref do not count yet.
func (p Policy) ValidOn(s Source, assessedOn, ref time.Time) bool {
	months, ok := p.ValidityMonths[s]
	if !ok || months <= 0 || p.rank(s) < 0 {
		return false
	}
	if ref.Before(assessedOn) {
		return false
	}
	return ref.Before(assessedOn.AddDate(0, months, 0))
}

// CurrentLevel applies the current-level rule to the assessments of one
// employee for one competency (in any order):
//
//  1. only final assessments still valid on ref count (ValidOn);
//  2. the highest-priority source present wins (policy order: assessment
//     center > supervisor > 360 by default);
//  3. within that source the latest date wins; on the same date the one
//     recorded last wins (then the higher ID, for a total order);
//  4. self-assessments never set the level; the latest final one is
//     reported beside it;
//  5. with no valid assessment the competency is unassessed, never level 0.
func (p Policy) CurrentLevel(as []Assessment, ref time.Time) Current {
	var cur Current
	var best *Assessment
	bestRank := -1
	var self *Assessment
	for i := range as {
		a := &as[i]
		if a.Status != Final {
			continue
		}
		if a.Source == SourceSelf {
			if !a.AssessedOn.After(ref) && (self == nil || later(a, self)) {
				self = a
			}
			continue
		}
		if !p.ValidOn(a.Source, a.AssessedOn, ref) {
			continue
		}
		r := p.rank(a.Source)
		if best == nil || r < bestRank || (r == bestRank && later(a, best)) {
			best, bestRank = a, r
		}
	}
	if best != nil {
		cur.Assessed = true
		cur.Level = best.Level
		cur.Source = best.Source
		cur.AssessedOn = best.AssessedOn
	}
	if self != nil {
		cur.Self = self.Level
		cur.SelfOn = self.AssessedOn
	}
	return cur
}

// later orders two assessments of one source: date, then recording time, then ID.
func later(a, b *Assessment) bool {
	if !a.AssessedOn.Equal(b.AssessedOn) {
		return a.AssessedOn.After(b.AssessedOn)
	}
	if !a.RecordedAt.Equal(b.RecordedAt) {
		return a.RecordedAt.After(b.RecordedAt)
	}
	return a.ID > b.ID
}
