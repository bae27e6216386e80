package demo

import (
	"time"

	"asah/internal/learning"
)

// forced chooses the enrollments the demo accounts need (app.DemoAccounts):
//
//   - the pegawai account completed two trainings of the year, one with its
//     certificate issued and the survey answered, one without either (so a
//     demo user can ask for it and answer); it is invited to one open event
//     and free to register for the others it is eligible for;
//   - the atasan account (the Kepala DLHK) has a registration of a direct
//     report waiting for approval, and a follow-up of that report's
//     training due.
//
// Those two employees get only these enrollments; the pools skip them.
func (g *learnGen) forced() map[int][]forcedEnr {
	out := map[int][]forcedEnr{}
	pg := g.pegawai()
	if pg == nil {
		return out
	}
	pg.never, g.pegID = false, pg.id
	var mine []int
	for range 2 {
		ei := g.best(pg, phasePast, g.day(-30), mine, false)
		if ei < 0 {
			break
		}
		out[ei] = append(out[ei], forcedEnr{p: pg, state: learning.StateCompleted, cert: len(mine) == 0, survey: len(mine) == 0})
		mine = append(mine, ei)
	}
	if ei := g.best(pg, phaseUpcoming, time.Time{}, mine, true); ei >= 0 {
		out[ei] = append(out[ei], forcedEnr{p: pg, state: learning.StateInvited})
	}
	for _, d := range g.directs {
		if d.id == pg.id {
			continue
		}
		d.never, g.dirID = false, d.id
		var taken []int
		if ei := g.best(d, phasePast, g.day(-100), nil, false); ei >= 0 {
			out[ei] = append(out[ei], forcedEnr{p: d, state: learning.StateCompleted, cert: true, survey: true, noFollowUp: true})
			taken = append(taken, ei)
		}
		if ei := g.best(d, phaseUpcoming, time.Time{}, taken, false); ei >= 0 {
			out[ei] = append(out[ei], forcedEnr{p: d, state: learning.StatePendingApproval})
		}
		g.claim(d, true)
		break
	}
	return out
}

// best is the event of a phase (a past one ending by endBy) of the program
// that draws p most, skipping the programs of taken and any event that
// overlaps them; restricted keeps programs limited to some position kinds.
func (g *learnGen) best(p *person, phase evPhase, endBy time.Time, taken []int, restricted bool) int {
	bi, bw := -1, 0.0
	for ei := range g.events {
		ev := &g.events[ei]
		if ev.phase != phase || phase == phasePast && ev.e.EndsOn.After(endBy) {
			continue
		}
		pr := &g.progs[ev.prog]
		if restricted && pr.kinds == nil {
			continue
		}
		clash := false
		for _, t := range taken {
			x := &g.events[t]
			if x.prog == ev.prog || !ev.e.StartsOn.After(x.e.EndsOn) && !ev.e.EndsOn.Before(x.e.StartsOn) {
				clash = true
			}
		}
		if clash {
			continue
		}
		if w, ok := g.weight(p, pr); ok && w > bw {
			bi, bw = ei, w
		}
	}
	return bi
}

// track keeps the atasan account's holder, their direct reports and the
// structural holders below them, so that the pegawai account (the first
// employee below the atasan who supervises nobody) is known at the end.
// It reports whether it keeps p.
func (g *learnGen) track(p *person, pi int) bool {
	if pi == g.atasanPos {
		g.atasan = p.id
		return false
	}
	if g.atasan == 0 || p.sup == 0 {
		return false
	}
	parent, below := g.team[p.sup]
	if p.sup != g.atasan && !below {
		return false
	}
	if below {
		parent.hasSub = true
	}
	kept := false
	if p.sup == g.atasan && len(g.directs) < 4 {
		g.directs = append(g.directs, p)
		kept = true
	}
	if g.pl.pos[pi].structural {
		t := &teamRec{p: p}
		g.team[p.id] = t
		g.teamOrder = append(g.teamOrder, t)
		kept = true
	} else if g.firstLeaf == nil {
		g.firstLeaf = p
		kept = true
	}
	return kept
}

// pegawai is the demo pegawai account's person: the first (by ID) below
// the atasan who supervises nobody.
func (g *learnGen) pegawai() *person {
	for _, t := range g.teamOrder {
		if g.firstLeaf != nil && t.p.id > g.firstLeaf.id {
			break
		}
		if !t.hasSub {
			return t.p
		}
	}
	return g.firstLeaf
}
