package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"asah/internal/learning"
	"asah/internal/people"
	"asah/internal/store"
)

// This file holds the JP ledger use cases: one employee's credits of a
// year, and the progress of a supervisor's team and of a unit against the
// yearly target (20 JP for a PNS, 24 for a PPPK by default). The ledger is
// read from completed enrollments, approved claims and done non-classroom
// plan items every time (see store.JPProgress), so it cannot drift from
// them. Rows are limited by the caller's scope (ScopeOf).

// JPPolicy is the ledger's policy: the targets and the credit table of the
// development policy in force.
func (a *App) JPPolicy(ctx context.Context) (learning.JPPolicy, error) {
	p, err := a.Store.LoadDevelopmentPolicy(ctx)
	if err != nil {
		return learning.JPPolicy{}, err
	}
	return learning.JPPolicyFrom(p), nil
}

// JPLedgerView is one employee's ledger of a year.
type JPLedgerView struct {
	Employee store.EmployeeRow
	Ledger   learning.JPLedger
	// BySource sums the minutes per source.
	BySource map[learning.JPSource]int
}

// JPLedger returns the credits of an employee in the actor's scope for a year.
func (a *App) JPLedger(ctx context.Context, actor Actor, nip string, year int) (JPLedgerView, error) {
	if err := checkYear(year); err != nil {
		return JPLedgerView{}, err
	}
	e, err := a.subject(ctx, actor, PermJPRead, nip)
	if err != nil {
		return JPLedgerView{}, err
	}
	pol, err := a.JPPolicy(ctx)
	if err != nil {
		return JPLedgerView{}, err
	}
	entries, err := a.Store.JPEntries(ctx, e.ID, year, pol)
	if err != nil {
		return JPLedgerView{}, err
	}
	l := learning.BuildJPLedger(year, pol.TargetOf(e.Kind), entries)
	return JPLedgerView{Employee: e, Ledger: l, BySource: l.BySource()}, nil
}

// JPProgressRow is one employee's progress in a team or unit report.
type JPProgressRow struct {
	EmployeeID      int64
	NIP             string
	Name            string
	Kind            string
	UnitCode        string
	UnitName        string
	Direct          bool // a direct report of the supervisor (team reports)
	Progress        learning.JPProgress
	EventMinutes    int
	ClaimMinutes    int
	ActivityMinutes int
}

// JPProgressReport is the progress of a group: every employee with achieved
// against target, and the group's compliance (share on target).
type JPProgressReport struct {
	Year       int
	UnitCode   string
	UnitName   string
	Rows       []JPProgressRow
	Compliance learning.JPCompliance
}

// jpReport reads the progress of the employees a filter selects; team
// (non-zero) is a supervisor: their own row is left out and their direct
// reports are marked.
func (a *App) jpReport(ctx context.Context, f store.Filter, year int, team int64) (JPProgressReport, error) {
	pol, err := a.JPPolicy(ctx)
	if err != nil {
		return JPProgressReport{}, err
	}
	rows, err := a.Store.JPProgress(ctx, f, year, pol)
	if err != nil {
		return JPProgressReport{}, err
	}
	rep := JPProgressReport{Year: year, Rows: make([]JPProgressRow, 0, len(rows))}
	for _, r := range rows {
		if team != 0 && r.EmployeeID == team {
			continue
		}
		p := learning.JPProgress{Minutes: r.Minutes(), TargetJP: pol.TargetOf(people.EmployeeKind(r.Kind))}
		rep.Rows = append(rep.Rows, JPProgressRow{EmployeeID: r.EmployeeID, NIP: r.NIP, Name: r.Name, Kind: r.Kind,
			UnitCode: r.UnitCode, UnitName: r.UnitName, Direct: team != 0 && r.SupervisorID == team, Progress: p,
			EventMinutes: r.EventMinutes, ClaimMinutes: r.ClaimMinutes, ActivityMinutes: r.ActivityMinutes})
		rep.Compliance.Add(p)
	}
	return rep, nil
}

// TeamJP is the progress of everyone below the actor in the supervisor
// chain (direct reports marked), without the actor.
func (a *App) TeamJP(ctx context.Context, actor Actor, year int) (JPProgressReport, error) {
	if err := actor.Require(PermJPRead); err != nil {
		return JPProgressReport{}, err
	}
	if err := checkYear(year); err != nil {
		return JPProgressReport{}, err
	}
	if actor.EmployeeID == 0 {
		return JPProgressReport{}, NotFound("akun ini tidak terhubung dengan data pegawai")
	}
	return a.jpReport(ctx, store.Filter{Within: &store.Within{EmployeeID: actor.EmployeeID, Team: true}}, year, actor.EmployeeID)
}

// UnitJP is the progress of every employee of a unit and the units below it
// that the actor may see. An agency admin asking for a unit outside its
// subtree gets not found.
func (a *App) UnitJP(ctx context.Context, actor Actor, unitCode string, year int) (JPProgressReport, error) {
	if err := actor.Require(PermJPRead); err != nil {
		return JPProgressReport{}, err
	}
	if err := checkYear(year); err != nil {
		return JPProgressReport{}, err
	}
	unitCode = strings.TrimSpace(unitCode)
	if unitCode == "" {
		return JPProgressReport{}, invalidField("unit", "pilih unit")
	}
	u, err := a.Store.UnitByCode(ctx, unitCode)
	if errors.Is(err, store.ErrNotFound) {
		return JPProgressReport{}, errOutOfScope(fmt.Sprintf("unit %q", unitCode))
	}
	if err != nil {
		return JPProgressReport{}, err
	}
	if ok, err := a.unitInScope(ctx, actor, u.ID); err != nil {
		return JPProgressReport{}, err
	} else if !ok && ScopeOf(actor).UnitCode != "" {
		return JPProgressReport{}, errOutOfScope(fmt.Sprintf("unit %q", unitCode))
	}
	rep, err := a.jpReport(ctx, store.Filter{UnitCode: u.Code, Within: within(actor)}, year, 0)
	rep.UnitCode, rep.UnitName = u.Code, u.Name
	return rep, err
}
