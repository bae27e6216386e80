package app

import (
	"context"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
)

// The employee page and the API's one-employee endpoints compute a single
// employee's gap report from a few small queries: the policy, the
// position's standard with its competencies, and the employee's
// assessments. GapReport, built to stream many employees, would load every
// position's standard and the whole dictionary for one. Both give the same
// result for the same employee and date (TestProfileMatchesGapReport).

// gapOf computes one employee's gap report on ref; as are the employee's
// assessments (drafts are ignored, as the current-level rule has it).
func (a *App) gapOf(ctx context.Context, e store.EmployeeRow, as []competency.Assessment, ref time.Time) (EmployeeGap, error) {
	pol, err := a.Policy(ctx)
	if err != nil {
		return EmployeeGap{}, err
	}
	std, comps, err := a.Store.StandardLines(ctx, e.PositionID)
	if err != nil {
		return EmployeeGap{}, err
	}
	final := make([]competency.Assessment, 0, len(as))
	for _, x := range as {
		if x.Status == competency.Final {
			final = append(final, x)
		}
	}
	g := EmployeeGap{Employee: e, NoStandard: len(std) == 0, Match: competency.NewMatcher(pol).Match(std, final, ref, nil)}
	g.Lines = make([]GapLine, len(g.Match.Lines))
	for i, l := range g.Match.Lines {
		g.Lines[i] = GapLine{Competency: comps[i], Line: l} // Match keeps the standard's order
	}
	return g, nil
}

// employeeGap is one employee's gap report on ref.
func (a *App) employeeGap(ctx context.Context, e store.EmployeeRow, ref time.Time) (EmployeeGap, error) {
	as, err := a.Store.FinalAssessments(ctx, e.ID)
	if err != nil {
		return EmployeeGap{}, err
	}
	return a.gapOf(ctx, e, as, ref)
}

// profileOf is one employee's gap report on ref with their assessment
// history and the dictionary to name it.
func (a *App) profileOf(ctx context.Context, e store.EmployeeRow, ref time.Time) (EmployeeProfile, error) {
	as, err := a.Store.Assessments(ctx, e.ID)
	if err != nil {
		return EmployeeProfile{}, err
	}
	g, err := a.gapOf(ctx, e, as, ref)
	if err != nil {
		return EmployeeProfile{}, err
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return EmployeeProfile{}, err
	}
	p := EmployeeProfile{Gap: g, Assessments: as, Competency: make(map[int64]competency.Competency, len(comps))}
	for _, c := range comps {
		p.Competency[c.ID] = c
	}
	return p, nil
}
