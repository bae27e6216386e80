package app

import (
	"context"
	"errors"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
)

// GapLine is one competency of an employee's standard with the current level.
type GapLine struct {
	Competency competency.Competency // without levels
	competency.Line
}

// EmployeeGap is the gap report of one employee on a reference date.
type EmployeeGap struct {
	Employee store.EmployeeRow
	Match    competency.Match
	Lines    []GapLine
	// NoStandard is true when the employee's position has no standard.
	NoStandard bool
}

// GapReport streams the gap report of every employee a filter selects, in
// employee ID order, computing each from the current-level rule on ref. The
// EmployeeGap passed to fn is reused between calls.
func (a *App) GapReport(ctx context.Context, f store.Filter, ref time.Time, fn func(*EmployeeGap) error) error {
	if err := a.Store.CheckFilter(ctx, f); errors.Is(err, store.ErrNotFound) {
		return NotFound(strings.TrimPrefix(err.Error(), store.ErrNotFound.Error()+": "))
	} else if err != nil {
		return err
	}
	pol, err := a.Policy(ctx)
	if err != nil {
		return err
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return err
	}
	byID := make(map[int64]competency.Competency, len(comps))
	for _, c := range comps {
		byID[c.ID] = c
	}
	standards, err := a.standardsFor(ctx, f)
	if err != nil {
		return err
	}
	m := competency.NewMatcher(pol)
	var g EmployeeGap
	var lines []competency.Line
	return a.Store.EachEmployee(ctx, f, func(e store.EmployeeRow, as []competency.Assessment) error {
		std := standards[e.PositionID]
		g.Employee = e
		g.NoStandard = len(std) == 0
		g.Match = m.Match(std, as, ref, lines)
		lines = g.Match.Lines
		g.Lines = g.Lines[:0]
		for _, l := range g.Match.Lines {
			g.Lines = append(g.Lines, GapLine{Competency: byID[l.CompetencyID], Line: l})
		}
		return fn(&g)
	})
}

// standardsFor loads the standards a filter's employees need: only their
// positions' when the filter names the employees (one profile, one page of
// a list), every position's otherwise. A profile would otherwise read every
// standard of the city on each view.
func (a *App) standardsFor(ctx context.Context, f store.Filter) (map[int64][]competency.Requirement, error) {
	if f.NIP != "" || (f.IDs != nil && len(f.IDs) <= 1000) {
		ids, err := a.Store.PositionsOf(ctx, f)
		if err != nil {
			return nil, err
		}
		return a.Store.StandardsFor(ctx, ids)
	}
	return a.Store.Standards(ctx)
}
