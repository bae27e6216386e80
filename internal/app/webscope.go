package app

import (
	"context"
	"errors"
	"fmt"

	"asah/internal/store"
)

// This file holds the scope decisions the HTML pages need beyond the list
// and profile use cases: a unit's page, whether a viewer needs an employee's
// full NIP, whether a linked record is in scope, and the label of a scope.

// UnitPage returns a unit the actor may browse (see VisibleUnits) and the
// employees in it and below it that the actor may see, each with their JPM
// on today's date. A unit outside the actor's units is not found, as a
// missing one is.
func (a *App) UnitPage(ctx context.Context, actor Actor, code string) (store.UnitSummary, []EmployeeSummary, error) {
	if err := actor.Require(PermUnitRead); err != nil {
		return store.UnitSummary{}, nil, err
	}
	u, err := a.Store.UnitByCode(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return store.UnitSummary{}, nil, NotFound(fmt.Sprintf("unit %q tidak ditemukan", code))
	} else if err != nil {
		return store.UnitSummary{}, nil, err
	}
	ok, err := a.unitVisible(ctx, actor, u.ID)
	if err != nil {
		return store.UnitSummary{}, nil, err
	}
	if !ok {
		return store.UnitSummary{}, nil, NotFound(fmt.Sprintf("unit %q tidak ditemukan", code))
	}
	var out []EmployeeSummary
	err = a.GapReport(ctx, store.Filter{UnitCode: u.Code, Within: within(actor)}, a.Today(), func(g *EmployeeGap) error {
		m := g.Match
		m.Lines = nil
		out = append(out, EmployeeSummary{Employee: g.Employee, Match: m})
		return nil
	})
	return u, out, err
}

// SeesFullNIP reports whether an actor needs an employee's full NIP (UU PDP:
// least data shown). The employee must already be in the actor's scope. The
// employee themself, their supervisors (direct or indirect) and the agency
// and BKPSDM admins who keep the records see it; pimpinan, who read the city
// as a whole, see it masked.
func SeesFullNIP(actor Actor, e store.EmployeeRow) bool {
	if actor.EmployeeID != 0 && actor.EmployeeID == e.ID {
		return true
	}
	switch actor.Role {
	case RoleAdminBKPSDM, RoleAdminOPD:
		return true
	case RoleAtasan, RolePegawai:
		return ScopeOf(actor).Team
	}
	return false
}

// InScope reports whether an employee exists and lies in the actor's scope,
// without auditing a view (for deciding whether to link to a record).
func (a *App) InScope(ctx context.Context, actor Actor, nip string) (bool, error) {
	if !actor.Can(PermEmployeeRead) || nip == "" {
		return false, nil
	}
	n, err := a.Store.CountEmployees(ctx, store.Filter{NIP: nip, Within: within(actor)})
	return n > 0, err
}

// ScopeUnitName names the unit that bounds an actor's scope: the agency of
// an agency admin, the own unit of an employee; "" for city-wide roles and
// for accounts without either.
func (a *App) ScopeUnitName(ctx context.Context, actor Actor) (string, error) {
	sc := ScopeOf(actor)
	switch {
	case sc.All:
		return "", nil
	case sc.UnitCode != "":
		u, err := a.Store.UnitByCode(ctx, sc.UnitCode)
		if errors.Is(err, store.ErrNotFound) {
			return "", nil
		}
		return u.Name, err
	case sc.EmployeeID != 0:
		me, _, err := a.Store.ListEmployees(ctx, store.Filter{Within: &store.Within{EmployeeID: sc.EmployeeID}}, "name", false, 1, 0)
		if err != nil || len(me) == 0 {
			return "", err
		}
		return me[0].UnitName, nil
	}
	return "", nil
}

// UnitChoices lists the units an actor may filter an employee list by, in
// tree order: every unit for city-wide roles, the agency's subtree for an
// agency admin, none for roles whose scope is a person or a team (their
// lists are short and the filter would only mislead).
func (a *App) UnitChoices(ctx context.Context, actor Actor) ([]store.UnitSummary, error) {
	if err := actor.Require(PermEmployeeList); err != nil {
		return nil, err
	}
	sc := ScopeOf(actor)
	if !sc.All && sc.UnitCode == "" {
		return nil, nil
	}
	units, err := a.cachedUnits(ctx)
	if err != nil || sc.All {
		return units, err
	}
	var out []store.UnitSummary
	depth := -1 // depth of the scope's root once inside its subtree
	for _, u := range units {
		if depth >= 0 && u.Depth <= depth {
			break // tree order: the subtree has ended
		}
		if u.Code == sc.UnitCode {
			depth = u.Depth
		}
		if depth >= 0 {
			out = append(out, u)
		}
	}
	return out, nil
}
