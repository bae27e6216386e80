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
// assessedOn still counts on date ref. Both are compared as civil dates, each
// read in its own location (time of day is ignored). An assessment is valid
// from its own date through the day before the same calendar day
// ValidityMonths later: an assessment of 2024-03-15 valid 36 months counts on
// 2027-03-14 and not on 2027-03-15. When that day does not exist the last day
// of the month is used (2024-02-29 + 12 months → 2025-02-28, so it counts
// through 2025-02-27), as in PostgreSQL interval arithmetic and Excel's
// EDATE; a later assessment therefore never expires earlier. Assessments
// dated after ref do not count yet.
func (p Policy) ValidOn(s Source, assessedOn, ref time.Time) bool {
	months, ok := p.ValidityMonths[s]
	if !ok || months <= 0 || p.rank(s) < 0 {
		return false
	}
	return validOn(civilOf(assessedOn), months, civilOf(ref))
}

// CurrentLevel applies the current-level rule to the assessments of one
// employee for one competency (in any order):
//
//  1. only final assessments still valid on ref count (ValidOn);
//  2. the highest-priority source present wins (policy order: assessment
//     center > supervisor > 360 by default);
//  3. within that source the latest date wins; on the same date the one
//     recorded last wins (then the higher ID, for a total order);
//  4. self-assessments never set the level; the latest final one on or
//     before ref is reported beside it;
//  5. with no valid assessment the competency is unassessed, never level 0.
//
// ref is read as a civil date in its own location.
func (p Policy) CurrentLevel(as []Assessment, ref time.Time) Current {
	var r rules
	r.init(&p)
	return r.current(as, 0, false, civilOf(ref))
}

// civil is a civil date packed so that integer order is date order:
// year*512 + month*32 + day.
type civil int64

func civilOf(t time.Time) civil {
	y, m, d := t.Date()
	return mkCivil(y, int(m), d)
}

func mkCivil(y, m, d int) civil { return civil(y)*512 + civil(m)*32 + civil(d) }

func (c civil) parts() (y, m, d int) {
	d = int(c & 31)
	m = int(c>>5) & 15
	y = int(c >> 9) // arithmetic shift: floor, right for negative years too
	return
}

// addMonths adds n ≥ 0 calendar months, clamping the day to the last day of
// the target month.
func (c civil) addMonths(n int) civil {
	y, m, d := c.parts()
	m0 := m - 1 + n
	y += m0 / 12
	m = m0%12 + 1
	if dim := daysIn(y, m); d > dim {
		d = dim
	}
	return mkCivil(y, m, d)
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// validOn is ValidOn on civil dates for a positive validity in months.
func validOn(on civil, months int, ref civil) bool {
	return on <= ref && ref < on.addMonths(months)
}

// rules is a policy digested for one evaluation: the validity of each
// priority slot looked up once instead of once per assessment.
type rules struct {
	prio   []Source
	months [8]int // validity of prio[i] for i < 8; ≤ 0 never counts
	vm     map[Source]int
}

func (r *rules) init(p *Policy) {
	r.prio = p.Priority
	r.vm = p.ValidityMonths
	for i := 0; i < len(r.prio) && i < len(r.months); i++ {
		r.months[i] = r.vm[r.prio[i]]
	}
}

// rank is the source's first place in the priority list, or -1.
func (r *rules) rank(s Source) int {
	for i, x := range r.prio {
		if x == s {
			return i
		}
	}
	return -1
}

func (r *rules) validity(rank int) int {
	if rank < len(r.months) {
		return r.months[rank]
	}
	return r.vm[r.prio[rank]]
}

// current is CurrentLevel over the assessments of competency id (all of as
// when !filter).
func (r *rules) current(as []Assessment, id int64, filter bool, ref civil) Current {
	var cur Current
	var best, self *Assessment
	bestRank := -1
	for i := range as {
		a := &as[i]
		if filter && a.CompetencyID != id || a.Status != Final {
			continue
		}
		if a.Source == SourceSelf {
			if (self == nil || later(a, self)) && civilOf(a.AssessedOn) <= ref {
				self = a
			}
			continue
		}
		rk := r.rank(a.Source)
		if rk < 0 || best != nil && (rk > bestRank || rk == bestRank && !later(a, best)) {
			continue
		}
		months := r.validity(rk)
		if months <= 0 || !validOn(civilOf(a.AssessedOn), months, ref) {
			continue
		}
		best, bestRank = a, rk
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
