package app

import (
	"context"
	"errors"

	"asah/internal/store"
)

// within turns an actor's scope into the store's row limit.
func within(a Actor) *store.Within {
	sc := ScopeOf(a)
	switch {
	case sc.All:
		return nil
	case sc.UnitCode != "":
		return &store.Within{UnitCode: sc.UnitCode}
	case sc.EmployeeID != 0:
		return &store.Within{EmployeeID: sc.EmployeeID, Team: sc.Team}
	}
	return &store.Within{None: true}
}

// employeeInScope loads an employee the actor may see; anything else (missing
// or outside scope) is the same not-found error, so existence is not revealed.
func (a *App) employeeInScope(ctx context.Context, actor Actor, nip string) (store.EmployeeRow, error) {
	if err := actor.Require(PermEmployeeRead); err != nil {
		return store.EmployeeRow{}, err
	}
	if w := within(actor); w != nil { // nil: city-wide, no limit to check
		n, err := a.Store.CountEmployees(ctx, store.Filter{NIP: nip, Within: w})
		if err != nil {
			return store.EmployeeRow{}, err
		}
		if n == 0 {
			return store.EmployeeRow{}, errOutOfScope("pegawai")
		}
	}
	e, err := a.Store.EmployeeByNIP(ctx, nip)
	if errors.Is(err, store.ErrNotFound) {
		return e, errOutOfScope("pegawai")
	}
	return e, err
}

// unitInScope reports whether a unit lies inside an admin_opd's subtree (or
// the actor sees all units).
func (a *App) unitInScope(ctx context.Context, actor Actor, unitID int64) (bool, error) {
	sc := ScopeOf(actor)
	if sc.All {
		return true, nil
	}
	if sc.UnitCode == "" {
		return false, nil
	}
	units, err := a.cachedUnits(ctx)
	if err != nil {
		return false, err
	}
	parent := map[int64]int64{}
	var root int64
	for _, u := range units {
		parent[u.ID] = u.ParentID
		if u.Code == sc.UnitCode {
			root = u.ID
		}
	}
	for id := unitID; id != 0; id = parent[id] {
		if id == root {
			return true, nil
		}
	}
	return false, nil
}
