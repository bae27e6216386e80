package learning

import "asah/internal/competency"

// GapClose is one of an employee's shortfalls a program works on.
type GapClose struct {
	CompetencyID int64
	Required     int
	// Current is the official level; Assessed is false when there is none,
	// in which case the gap is unknown and GapBefore is meaningless.
	Current  int
	Assessed bool
	Target   int // the level the program raises to
	// GapBefore and GapAfter are actual − required before and after the
	// program (negative: a shortfall; GapAfter is at most 0).
	GapBefore int
	GapAfter  int
}

// Closes reports whether the program reaches the required level.
func (g GapClose) Closes() bool { return g.Target >= g.Required }

// ClosesGaps lists the competencies of an employee's standard (their gap
// lines) that the program's targets would improve, in target order: an
// assessed shortfall the program narrows or closes, and an unassessed
// competency of the standard the program targets (marked !Assessed: the
// gap is unknown until it is assessed). A competency outside the standard,
// one already at its required level, or one already at or above the
// program's target is left out.
func (p Program) ClosesGaps(lines []competency.Line) []GapClose {
	byID := make(map[int64]competency.Line, len(lines))
	for _, l := range lines {
		byID[l.CompetencyID] = l
	}
	var out []GapClose
	for _, t := range p.Targets {
		l, ok := byID[t.CompetencyID]
		if !ok {
			continue
		}
		g := GapClose{CompetencyID: t.CompetencyID, Required: l.Required, Target: t.Level, Assessed: l.Current.Assessed,
			GapAfter: min(t.Level-l.Required, 0)}
		if g.Assessed {
			g.Current = l.Current.Level
			g.GapBefore = g.Current - l.Required
			if g.GapBefore >= 0 || g.Current >= t.Level {
				continue
			}
		}
		out = append(out, g)
	}
	return out
}
