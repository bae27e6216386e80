package talent

import (
	"slices"
	"time"

	"asah/internal/competency"
	"asah/internal/people"
)

// Readiness says when a successor could take a key position.
type Readiness string

const (
	ReadyNow   Readiness = "ready_now"
	ReadySoon  Readiness = "ready_1_2_years"
	ReadyLater Readiness = "later"
)

// Label is the display name of a readiness.
func (r Readiness) Label() string {
	switch r {
	case ReadyNow:
		return "Siap sekarang"
	case ReadySoon:
		return "Siap 1–2 tahun"
	case ReadyLater:
		return "Siap lebih dari 2 tahun"
	}
	return string(r)
}

// Readiness bands a successor's JPM against the key position's standard;
// without a JPM (nothing of the standard assessed) it is ReadyLater.
func (p Policy) Readiness(jpm float64, hasJPM bool) Readiness {
	switch {
	case !hasJPM:
		return ReadyLater
	case jpm >= p.ReadyNowFrom:
		return ReadyNow
	case jpm >= p.ReadySoonFrom:
		return ReadySoon
	}
	return ReadyLater
}

// Holder is a current holder of a key position.
type Holder struct {
	EmployeeID     int64
	RetirementDate time.Time
}

// KeyPosition is a position that gets a succession list.
type KeyPosition struct {
	ID       int64
	Kind     people.PositionKind
	Jenjang  people.Jenjang
	Standard []competency.Requirement
	Holders  []Holder
}

// Candidate is a member of the succession pool (boxes 7–9) with what
// ranking needs.
type Candidate struct {
	EmployeeID     int64
	PositionID     int64 // the position held now
	Kind           people.PositionKind
	Jenjang        people.Jenjang
	Box            Box
	RetirementDate time.Time
	Assessments    []competency.Assessment // any order; the current-level rule decides
}

// Successor is a ranked candidate for one key position.
type Successor struct {
	EmployeeID     int64
	Rank           int // 1 = first
	Box            Box
	JPM            float64 // against the key position's standard
	HasJPM         bool
	Readiness      Readiness
	RetirementDate time.Time
}

// List is the succession list of one key position.
type List struct {
	PositionID int64
	Holders    []Holder
	Vacant     bool
	// HolderRetiring is true when a holder retires within the policy's
	// horizon (RetirementMonths from the reference date).
	HolderRetiring bool
	Successors     []Successor
	// Eligible is how many pool members could succeed (before MaxCandidates).
	Eligible int
}

// feeders returns the position keys ("kind" and "kind:jenjang") whose
// holders may succeed to a key position, or nil when any may.
func (p Policy) feeders(kind people.PositionKind, jenjang people.Jenjang) map[string]bool {
	list, ok := p.Feeders[string(kind)+":"+string(jenjang)]
	if !ok || jenjang == "" {
		list, ok = p.Feeders[string(kind)]
	}
	if !ok {
		return nil
	}
	out := make(map[string]bool, len(list))
	for _, f := range list {
		out[f] = true
	}
	return out
}

// group is the pool members holding one kind and jenjang of position.
type group struct {
	kind, full string // "fungsional", "fungsional:ahli_muda"
	members    []int  // indexes into the pool
}

// Succession builds the succession list of every key position on the
// reference date: the pool members (boxes 7–9; others are skipped) whose
// position feeds the key position (Policy.Feeders), not holding it already
// and not retired by ref, ranked by JPM against the key position's standard
// (unassessed last), then box, then the later retirement date, then
// employee ID; each with its readiness. At most MaxCandidates are kept.
// m computes the JPM with the competency policy in force.
func (p Policy) Succession(m *competency.Matcher, positions []KeyPosition, pool []Candidate, ref time.Time) []List {
	horizon := ref.AddDate(0, p.RetirementMonths, 0)
	out := make([]List, 0, len(positions))
	var lines []competency.Line
	// Group the pool by position kind once: eligibility is decided per group.
	var groups []group
	at := map[string]int{}
	for i := range pool {
		c := &pool[i]
		if !c.Box.InSuccessionPool() || (!c.RetirementDate.IsZero() && !c.RetirementDate.After(ref)) {
			continue
		}
		full := string(c.Kind) + ":" + string(c.Jenjang)
		g, ok := at[full]
		if !ok {
			g = len(groups)
			at[full] = g
			groups = append(groups, group{kind: string(c.Kind), full: full})
		}
		groups[g].members = append(groups[g].members, i)
	}
	for _, kp := range positions {
		l := List{PositionID: kp.ID, Holders: kp.Holders, Vacant: len(kp.Holders) == 0}
		holds := map[int64]bool{}
		for _, h := range kp.Holders {
			holds[h.EmployeeID] = true
			if !h.RetirementDate.IsZero() && h.RetirementDate.Before(horizon) {
				l.HolderRetiring = true
			}
		}
		feed := p.feeders(kp.Kind, kp.Jenjang)
		for _, g := range groups {
			if feed != nil && !feed[g.kind] && !feed[g.full] {
				continue
			}
			for _, i := range g.members {
				c := &pool[i]
				if c.PositionID == kp.ID || holds[c.EmployeeID] {
					continue
				}
				res := m.Match(kp.Standard, c.Assessments, ref, lines)
				lines = res.Lines
				l.Successors = append(l.Successors, Successor{EmployeeID: c.EmployeeID, Box: c.Box, JPM: res.JPM, HasJPM: res.HasJPM,
					Readiness: p.Readiness(res.JPM, res.HasJPM), RetirementDate: c.RetirementDate})
			}
		}
		slices.SortFunc(l.Successors, compareSuccessors)
		l.Eligible = len(l.Successors)
		if p.MaxCandidates > 0 && len(l.Successors) > p.MaxCandidates {
			l.Successors = slices.Clip(l.Successors[:p.MaxCandidates])
		}
		for i := range l.Successors {
			l.Successors[i].Rank = i + 1
		}
		out = append(out, l)
	}
	return out
}

func compareSuccessors(a, b Successor) int {
	switch {
	case a.HasJPM != b.HasJPM:
		if a.HasJPM {
			return -1
		}
		return 1
	case a.JPM != b.JPM:
		if a.JPM > b.JPM {
			return -1
		}
		return 1
	case a.Box != b.Box:
		return int(b.Box) - int(a.Box)
	case !a.RetirementDate.Equal(b.RetirementDate):
		if a.RetirementDate.After(b.RetirementDate) {
			return -1
		}
		return 1
	case a.EmployeeID < b.EmployeeID:
		return -1
	case a.EmployeeID > b.EmployeeID:
		return 1
	}
	return 0
}
