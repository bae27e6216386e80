package app

import (
	"context"
	"errors"

	"asah/internal/development"
	"asah/internal/store"
)

// IDPItemOption is an item of the actor's own development plan that an
// event may serve: its competency is one of the program's targets.
type IDPItemOption struct {
	ID          int64
	Code        string // competency code
	Name        string
	Form        development.Form
	TargetLevel int
}

// EventIDPItems lists the items of the actor's own development plan for the
// year an event starts (submitted or approved plans only) whose competency is
// one of the event's program targets, leaving out the items done or dropped,
// in plan order. Reading the plan follows the IDP read rules of the actor's
// own plan; an actor without an employee record or without a plan that year
// gets none.
func (a *App) EventIDPItems(ctx context.Context, actor Actor, eventCode string) ([]IDPItemOption, error) {
	ev, err := a.visibleEvent(ctx, actor, eventCode)
	if err != nil {
		return nil, err
	}
	me, err := a.self(ctx, actor)
	if err != nil || me.ID == 0 {
		return nil, err
	}
	e, err := a.subject(ctx, actor, PermIDPRead, me.NIP)
	if err != nil {
		return nil, err
	}
	p, err := a.Store.IDP(ctx, e.ID, ev.StartsOn.Year())
	if errors.Is(err, store.ErrNotFound) {
		return nil, nil
	} else if err != nil {
		return nil, err
	}
	if p.Status != development.StatusSubmitted && p.Status != development.StatusApproved {
		return nil, nil
	}
	targets, err := a.Store.ProgramTargets(ctx, ev.ProgramID)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]store.ProgramTargetRow, len(targets))
	for _, t := range targets {
		byID[t.CompetencyID] = t
	}
	var out []IDPItemOption
	for _, it := range p.Items {
		t, ok := byID[it.CompetencyID]
		if !ok || it.ID == 0 || it.Status == development.ItemDone || it.Status == development.ItemDropped {
			continue
		}
		out = append(out, IDPItemOption{ID: it.ID, Code: t.Code, Name: t.Name, Form: it.Form, TargetLevel: it.TargetLevel})
	}
	return out, nil
}
