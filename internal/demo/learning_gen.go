package demo

import (
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"time"

	"asah/internal/competency"
	"asah/internal/learning"
	"asah/internal/people"
)

// person is what the learning generator knows of one employee.
type person struct {
	id, sup int64
	kind    people.EmployeeKind
	pos     people.PositionKind
	start   time.Time // TMT CPNS or PPPK appointment
	never   bool
	name    string // with titles
	std     []stdLevel
}

// stdLevel is one competency of the employee's standard: the required
// level and the official current level (0: unassessed).
type stdLevel struct {
	id       int64
	req, cur int8
}

// line finds the employee's standard line of a competency.
func (p *person) line(id int64) (stdLevel, bool) {
	for _, l := range p.std {
		if l.id == id {
			return l, true
		}
	}
	return stdLevel{}, false
}

// cand is a candidate of an event's pool; key orders the pool (weighted
// sampling without replacement: larger keys first).
type cand struct {
	key float64
	*person
}

// pool keeps the best candidates of one event in a min-heap on key.
type pool struct {
	size int
	h    []cand
}

func (p *pool) offer(c cand) bool {
	if len(p.h) < p.size {
		p.h = append(p.h, c)
		for i := len(p.h) - 1; i > 0; {
			j := (i - 1) / 2
			if p.h[j].key <= p.h[i].key {
				break
			}
			p.h[i], p.h[j] = p.h[j], p.h[i]
			i = j
		}
		return true
	}
	if c.key <= p.h[0].key {
		return false
	}
	p.h[0] = c
	for i := 0; ; {
		l, s := 2*i+1, i
		if l < len(p.h) && p.h[l].key < p.h[s].key {
			s = l
		}
		if l+1 < len(p.h) && p.h[l+1].key < p.h[s].key {
			s = l + 1
		}
		if s == i {
			break
		}
		p.h[i], p.h[s] = p.h[s], p.h[i]
		i = s
	}
	return true
}

// learnGen generates the learning data: the schedule up front, the
// candidates batch by batch, everything else at the end.
type learnGen struct {
	r     *rand.Rand
	pl    *plan
	today time.Time
	comp  map[string]int64 // competency code → ID
	match *competency.Matcher
	lines []competency.Line
	std   []stdLevel // scratch

	partners   []learning.Partner
	agreements []Agreement
	progs      []progPlan
	events     []evPlan // chronological
	pools      []pool   // by event

	claims    []learning.Claim
	evidence  []byte
	nextClaim int64
	supNames  map[int64]string // structural holders' names with titles

	// the output of enroll
	enrollments []learning.Enrollment
	attendance  []Attendance
	certs       []Certificate
	reactions   []Reaction
	followUps   []FollowUp
	assessments []competency.Assessment // recorded with the follow-ups
	nextAs      int64

	// the demo accounts' people
	atasanPos int // position index of AtasanPosition, -1 when absent
	atasan    int64
	team      map[int64]*teamRec // structural holders below the atasan
	teamOrder []*teamRec
	firstLeaf *person // the first non-structural employee below the atasan
	directs   []*person
	pegID     int64 // the pegawai account's employee
	dirID     int64 // the atasan's direct report with a pending registration
}

type teamRec struct {
	p      *person
	hasSub bool
}

func newLearnGen(seed uint64, pl *plan, today time.Time, dictIDs []int64, techIDs map[string]int64) (*learnGen, error) {
	g := &learnGen{
		r:         rand.New(rand.NewPCG(seed, streamLearning)),
		pl:        pl,
		today:     today,
		comp:      map[string]int64{},
		match:     competency.NewMatcher(competency.DefaultPolicy()),
		atasanPos: -1,
		team:      map[int64]*teamRec{},
		supNames:  map[int64]string{},
	}
	for i, code := range dictionaryCodes {
		g.comp[code] = dictIDs[i]
	}
	for code, id := range techIDs {
		g.comp[code] = id
	}
	for i := range pl.pos {
		if pl.pos[i].Code == AtasanPosition {
			g.atasanPos = i
		}
	}
	if err := g.schedule(); err != nil {
		return nil, err
	}
	var err error
	if g.evidence, err = evidencePDF(today); err != nil {
		return nil, err
	}
	return g, nil
}

// tmtOf reads the start of service from a NIP (digits 9–14, TMT CPNS) or
// an NI PPPK (digits 9–12, the appointment year).
func tmtOf(e people.Employee) time.Time {
	if len(e.NIP) != 18 {
		return time.Time{}
	}
	if e.Kind == people.PPPK {
		y, _ := strconv.Atoi(e.NIP[8:12])
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	y, _ := strconv.Atoi(e.NIP[8:12])
	m, _ := strconv.Atoi(e.NIP[12:14])
	return time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
}

// batch takes the employees of a batch and their assessments (grouped by
// employee, in the same order): it draws who never attends, offers every
// employee to the pools of the events they are eligible for, weighted by
// their gaps in the program's competencies, and writes the claims.
func (g *learnGen) batch(es []people.Employee, as []competency.Assessment) {
	j := 0
	for i := range es {
		e := &es[i]
		k := j
		for k < len(as) && as[k].EmployeeID == e.ID {
			k++
		}
		mine := as[j:k]
		j = k
		pi := int(e.PositionID - 1)
		pp := &g.pl.pos[pi]
		m := g.match.Match(g.pl.standards[pi], mine, g.today, g.lines)
		g.lines = m.Lines
		g.std = g.std[:0]
		for _, l := range m.Lines {
			cur := 0
			if l.Current.Assessed {
				cur = l.Current.Level
			}
			g.std = append(g.std, stdLevel{id: l.CompetencyID, req: int8(l.Required), cur: int8(cur)})
		}
		p := &person{id: e.ID, sup: e.SupervisorID, kind: e.Kind, pos: pp.Kind, start: tmtOf(*e),
			never: g.r.Float64() < neverShare, name: display(e.FrontTitle, e.Name, e.BackTitle), std: g.std}
		if pp.structural {
			g.supNames[p.id] = p.name
		}
		kept := g.track(p, pi)
		for pi := range g.progs {
			w, ok := g.weight(p, &g.progs[pi])
			if !ok {
				continue
			}
			if p.never {
				w *= 0.5
			}
			for _, ei := range g.progs[pi].events {
				u := g.r.Float64()
				key := math.Log(u+1e-300) / w
				kept = g.pools[ei].offer(cand{key: key, person: p}) || kept
			}
		}
		if kept {
			// Only the people some pool or the account tracking keeps
			// hold a copy of their levels (the scratch is reused).
			p.std = slices.Clone(g.std)
		} else {
			p.std = nil
		}
		if !p.never && g.r.Float64() < claimShare {
			g.claim(p, false)
		}
	}
}

// weight is how strongly an employee is drawn to a program: a small base
// for anyone eligible, plus, for each target competency of their standard
// that the program raises them on, more the further they fall short of
// their required level (an unassessed level counts as one below).
func (g *learnGen) weight(p *person, pr *progPlan) (float64, bool) {
	if pr.kinds != nil && !pr.kinds[p.pos] {
		return 0, false
	}
	switch pr.spec.Code {
	case "LATSAR": // CPNS in their first two years
		if p.kind != people.PNS || p.start.Before(g.today.AddDate(-2, 0, 0)) {
			return 0, false
		}
		return 6, true
	case "ORIENT-PPPK":
		if p.kind != people.PPPK {
			return 0, false
		}
		if p.start.Year() >= g.today.Year()-1 {
			return 6, true
		}
		return 0.3, true
	}
	w := 0.05
	for _, t := range pr.targets {
		l, ok := p.line(t.id)
		if t.min > 0 && (!ok || int(l.cur) < t.min) {
			return 0, false
		}
		if !ok {
			continue
		}
		lvl := int(l.cur)
		if lvl == 0 {
			lvl = int(l.req) - 1
		}
		if t.level > lvl {
			w += 0.5 + 1.2*float64(max(0, int(l.req)-lvl))
		}
	}
	return w, true
}

// level is the employee's official level of a competency (0: unassessed
// or not in their standard).
func (p *person) level(id int64) int {
	l, _ := p.line(id)
	return int(l.cur)
}

// at is a civil date at a working hour (WIB, stored as UTC: 08:00–16:59
// WIB is 01:00–09:59 UTC).
func (g *learnGen) at(d time.Time) time.Time {
	return d.Add(time.Duration(1+g.r.IntN(9))*time.Hour + time.Duration(g.r.IntN(60))*time.Minute)
}

// before keeps t before today begins (the dataset records nothing later).
func (g *learnGen) before(t time.Time) time.Time {
	if limit := g.today.Add(-time.Minute); t.After(limit) {
		return limit.Add(-time.Duration(g.r.IntN(240)) * time.Minute)
	}
	return t
}
