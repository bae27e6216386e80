package app

import (
	"context"

	"asah/internal/competency"
	"asah/internal/learning"
)

// ProgramEvaluationView is the evaluation of a program over all its events:
// Kirkpatrick's reaction (survey averages), learning (pre→post gain),
// behaviour (follow-up answers) and results (the level change of the
// target competencies against non-participants), with completion and
// no-show rates. It holds only counts and averages: no names.
type ProgramEvaluationView struct {
	ProgramID      int64
	ProgramCode    string
	ProgramTitle   string
	Outcome        learning.OutcomeCounts
	CompletionRate float64
	NoShowRate     float64
	Reactions      learning.ReactionSummary
	Gain           learning.ScoreGain
	Applied        learning.AppliedSummary
	// Events is the number of finished events whose window was read.
	Events int
	// LevelChange pools every target competency; PerTarget splits it.
	LevelChange learning.LevelComparison
	PerTarget   []TargetLevelChange
	// WindowMonths is the length of the window after each event (see
	// learning.LevelSample).
	WindowMonths int
}

// TargetLevelChange is the level comparison of one target competency.
type TargetLevelChange struct {
	Target     ProgramTarget
	Comparison learning.LevelComparison
}

// ProgramEvaluation evaluates a program the actor may see (a mitra: its
// own institution's).
func (a *App) ProgramEvaluation(ctx context.Context, actor Actor, code string) (ProgramEvaluationView, error) {
	if err := actor.Require(PermEvaluationReport); err != nil {
		return ProgramEvaluationView{}, err
	}
	p, err := a.visibleProgram(ctx, actor, code)
	if err != nil {
		return ProgramEvaluationView{}, err
	}
	today := a.Today()
	d, err := a.Store.ProgramEvaluation(ctx, p.ID, today)
	if err != nil {
		return ProgramEvaluationView{}, err
	}
	v := ProgramEvaluationView{ProgramID: p.ID, ProgramCode: p.Code, ProgramTitle: p.Title, Outcome: d.Outcome,
		CompletionRate: d.Outcome.CompletionRate(), NoShowRate: d.Outcome.NoShowRate(), Reactions: learning.SummariseReactions(d.Reactions),
		Gain: learning.SummariseGain(d.Scores), Applied: d.Applied, WindowMonths: learning.LevelChangeMonths}
	targets, err := a.programTargets(ctx, p.ID)
	if err != nil || len(targets) == 0 {
		return v, err
	}
	pol, err := a.Policy(ctx)
	if err != nil {
		return v, err
	}
	ids := make([]int64, len(targets))
	for i, t := range targets {
		ids[i] = t.CompetencyID
	}
	byEmp, err := a.Store.FinalAssessmentsOf(ctx, ids)
	if err != nil {
		return v, err
	}
	// Split each employee's assessments per competency once.
	type key struct{ emp, comp int64 }
	hist := make(map[key][]competency.Assessment, len(byEmp))
	for emp, as := range byEmp {
		for _, x := range as {
			k := key{emp, x.CompetencyID}
			hist[k] = append(hist[k], x)
		}
	}
	var all [2][]learning.LevelSample // participants, others
	per := make([][2][]learning.LevelSample, len(targets))
	for _, ev := range d.Events {
		if !ev.EndsOn.Before(today) {
			continue // not finished: no window yet
		}
		v.Events++
		base, out := learning.LevelWindow(ev.StartsOn, ev.EndsOn, today)
		took := make(map[int64]bool, len(ev.Participants))
		for _, id := range ev.Participants {
			took[id] = true
		}
		for ti, t := range targets {
			sample := func(emp int64) (learning.LevelSample, bool) {
				as := hist[key{emp, t.CompetencyID}]
				b, o := pol.CurrentLevel(as, base), pol.CurrentLevel(as, out)
				if !b.Assessed || !o.Assessed {
					return learning.LevelSample{}, false
				}
				return learning.LevelSample{Event: ev.ID, CompetencyID: t.CompetencyID, Baseline: b.Level, Outcome: o.Level}, true
			}
			for _, emp := range ev.Participants {
				if s, ok := sample(emp); ok {
					per[ti][0] = append(per[ti][0], s)
				}
			}
			for emp := range byEmp {
				if took[emp] || d.Enrolled[emp] {
					continue
				}
				if s, ok := sample(emp); ok {
					per[ti][1] = append(per[ti][1], s)
				}
			}
		}
	}
	for ti, t := range targets {
		all[0] = append(all[0], per[ti][0]...)
		all[1] = append(all[1], per[ti][1]...)
		v.PerTarget = append(v.PerTarget, TargetLevelChange{Target: t, Comparison: learning.CompareLevelChange(per[ti][0], per[ti][1])})
	}
	v.LevelChange = learning.CompareLevelChange(all[0], all[1])
	return v, nil
}
