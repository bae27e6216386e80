package app

import (
	"context"

	"asah/internal/store"
)

// Choices the learning pages offer in their forms: the providers of the
// catalogue filter and the team members a supervisor may nominate.

// ProviderOption is a provider as a filter lists it.
type ProviderOption struct {
	Code string
	Name string
}

// CatalogueProviders lists the providers a reader of the catalogue may
// filter by, by name: every partner; a mitra its own institution only.
// Unlike Partners it needs only PermLearningRead (no contact details).
func (a *App) CatalogueProviders(ctx context.Context, actor Actor) ([]ProviderOption, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return nil, err
	}
	all, err := a.Store.Partners(ctx)
	if err != nil {
		return nil, err
	}
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil {
		return nil, err
	}
	out := make([]ProviderOption, 0, len(all))
	for _, p := range all {
		if mitra && p.ID != own {
			continue
		}
		out = append(out, ProviderOption{Code: p.Code, Name: p.Name})
	}
	return out, nil
}

// MaxNominationChoices bounds the team members a nomination form lists; a
// larger team is nominated by NIP.
const MaxNominationChoices = 300

// NominationCandidates lists, by name, the employees below the actor in the
// supervisor chain (the actor left out), whom the actor may nominate; more
// is true when the team is larger than MaxNominationChoices. Accounts
// without an employee record get none (admins nominate by NIP).
func (a *App) NominationCandidates(ctx context.Context, actor Actor) (rows []store.EmployeeRow, more bool, err error) {
	if err := actor.Require(PermEnrollNominate); err != nil {
		return nil, false, err
	}
	if actor.EmployeeID == 0 {
		return nil, false, nil
	}
	list, total, err := a.Store.ListEmployees(ctx, store.Filter{Within: &store.Within{EmployeeID: actor.EmployeeID, Team: true}},
		"name", false, MaxNominationChoices+1, 0)
	if err != nil {
		return nil, false, err
	}
	for _, e := range list {
		if e.ID != actor.EmployeeID && len(rows) < MaxNominationChoices {
			rows = append(rows, e)
		}
	}
	return rows, total-1 > MaxNominationChoices, nil
}

// EnrollmentEventCode returns the event of an enrollment the actor may see
// (a page needs it to show a refused form again); anything else is not
// found.
func (a *App) EnrollmentEventCode(ctx context.Context, actor Actor, id int64) (string, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return "", err
	}
	r, err := a.enrollmentInScope(ctx, actor, id)
	return r.EventCode, err
}
