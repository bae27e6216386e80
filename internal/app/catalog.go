package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"asah/internal/competency"
	"asah/internal/store"
)

// VisibleUnits lists the units an actor may browse: all for city-wide roles,
// the subtree for an agency admin, the own unit (and below) for employees.
func (a *App) VisibleUnits(ctx context.Context, actor Actor) ([]store.UnitSummary, error) {
	if err := actor.Require(PermUnitRead); err != nil {
		return nil, err
	}
	units, err := a.cachedUnits(ctx)
	if err != nil {
		return nil, err
	}
	if ScopeOf(actor).All {
		return units, nil
	}
	var out []store.UnitSummary
	for _, u := range units {
		ok, err := a.unitVisible(ctx, actor, u.ID)
		if err != nil {
			return nil, err
		}
		if ok {
			out = append(out, u)
		}
	}
	return out, nil
}

// unitVisible: admin_opd sees its subtree; an employee sees their own unit.
func (a *App) unitVisible(ctx context.Context, actor Actor, unitID int64) (bool, error) {
	if ScopeOf(actor).UnitCode != "" || ScopeOf(actor).All {
		return a.unitInScope(ctx, actor, unitID)
	}
	own, err := a.ownUnit(ctx, actor)
	return own != 0 && own == unitID, err
}

// self is the actor's own employee record (zero when the account has none
// or the record is gone).
func (a *App) self(ctx context.Context, actor Actor) (store.EmployeeRow, error) {
	if actor.EmployeeID == 0 {
		return store.EmployeeRow{}, nil
	}
	me, err := a.Store.EmployeeByID(ctx, actor.EmployeeID)
	if errors.Is(err, store.ErrNotFound) {
		return store.EmployeeRow{}, nil
	}
	return me, err
}

// ownUnit is the unit of the actor's own employee record (0 when none).
func (a *App) ownUnit(ctx context.Context, actor Actor) (int64, error) {
	me, err := a.self(ctx, actor)
	return me.UnitID, err
}

// Competencies lists the dictionary with levels.
func (a *App) Competencies(ctx context.Context, actor Actor) ([]competency.Competency, error) {
	if err := actor.Require(PermCompetencyRead); err != nil {
		return nil, err
	}
	return a.Store.Competencies(ctx, true)
}

// Competency returns one dictionary entry.
func (a *App) Competency(ctx context.Context, actor Actor, code string) (competency.Competency, error) {
	if err := actor.Require(PermCompetencyRead); err != nil {
		return competency.Competency{}, err
	}
	c, err := a.Store.CompetencyByCode(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return c, NotFound(fmt.Sprintf("kompetensi %q tidak ditemukan", code))
	}
	return c, err
}

// UpdateCompetency changes names, description and levels of an entry; the
// code and kind never change (assessments refer to them).
func (a *App) UpdateCompetency(ctx context.Context, actor Actor, code string, in competency.Competency) error {
	if err := actor.Require(PermCompetencyEdit); err != nil {
		return err
	}
	before, err := a.Competency(ctx, actor, code)
	if err != nil {
		return err
	}
	in.ID, in.Code, in.Kind = before.ID, before.Code, before.Kind
	in.Name, in.NameEN, in.Description = strings.TrimSpace(in.Name), strings.TrimSpace(in.NameEN), strings.TrimSpace(in.Description)
	if err := in.Validate(); err != nil {
		return Invalid(err.Error())
	}
	return a.Store.UpdateCompetency(ctx, actor.Label(), before, in)
}

// AddTechnicalCompetency adds a technical competency; without levels it gets
// the generic five-level descriptors.
func (a *App) AddTechnicalCompetency(ctx context.Context, actor Actor, in competency.Competency) (int64, error) {
	if err := actor.Require(PermCompetencyEdit); err != nil {
		return 0, err
	}
	in.Kind = competency.Technical
	in.Code, in.Name = strings.TrimSpace(in.Code), strings.TrimSpace(in.Name)
	if len(in.Levels) == 0 {
		in.Levels = competency.TechnicalLevels(in.Name)
	}
	if err := in.Validate(); err != nil {
		return 0, Invalid(err.Error())
	}
	id, err := a.Store.AddCompetency(ctx, actor.Label(), in)
	if err != nil && strings.Contains(err.Error(), "sudah ada") {
		return 0, &Error{Code: CodeConflict, Message: err.Error(), Fields: map[string]string{"code": "sudah dipakai"}}
	}
	return id, err
}

// StandardLine is one line of a position's standard for display and edit.
type StandardLine struct {
	Competency competency.Competency // without levels
	Required   int
}

// PositionView is a position with its standard.
type PositionView struct {
	Position store.PositionRow
	Standard []StandardLine
}

// Positions lists positions the actor may see (agency admins: their subtree).
func (a *App) Positions(ctx context.Context, actor Actor, unitCode string) ([]store.PositionRow, error) {
	if err := actor.Require(PermPositionRead); err != nil {
		return nil, err
	}
	sc := ScopeOf(actor)
	if !sc.All && unitCode == "" {
		if sc.UnitCode == "" {
			// Employees: positions of their own unit.
			if actor.EmployeeID == 0 {
				return nil, nil
			}
			me, err := a.self(ctx, actor)
			if err != nil || me.ID == 0 {
				return nil, err
			}
			unitCode = me.UnitCode
		} else {
			unitCode = sc.UnitCode
		}
	}
	if unitCode != "" {
		u, err := a.Store.UnitByCode(ctx, unitCode)
		if errors.Is(err, store.ErrNotFound) {
			return nil, NotFound(fmt.Sprintf("unit %q tidak ditemukan", unitCode))
		} else if err != nil {
			return nil, err
		}
		if ok, err := a.unitVisible(ctx, actor, u.ID); err != nil {
			return nil, err
		} else if !ok {
			return nil, NotFound(fmt.Sprintf("unit %q tidak ditemukan", unitCode))
		}
	}
	rows, err := a.Store.Positions(ctx, unitCode)
	if err != nil || sc.All || sc.UnitCode != "" {
		return rows, err
	}
	// Employees see their own unit, not the units below it (unitVisible):
	// the list must not hold positions that Position would not show.
	own, err := a.ownUnit(ctx, actor)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, p := range rows {
		if p.UnitID == own {
			out = append(out, p)
		}
	}
	return out, nil
}

// Position returns a position and its standard (scope as for Positions).
func (a *App) Position(ctx context.Context, actor Actor, code string) (PositionView, error) {
	if err := actor.Require(PermPositionRead); err != nil {
		return PositionView{}, err
	}
	p, err := a.Store.PositionByCode(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return PositionView{}, NotFound(fmt.Sprintf("jabatan %q tidak ditemukan", code))
	} else if err != nil {
		return PositionView{}, err
	}
	if ok, err := a.unitVisible(ctx, actor, p.UnitID); err != nil {
		return PositionView{}, err
	} else if !ok {
		return PositionView{}, NotFound(fmt.Sprintf("jabatan %q tidak ditemukan", code))
	}
	reqs, err := a.Store.StandardOf(ctx, p.ID)
	if err != nil {
		return PositionView{}, err
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return PositionView{}, err
	}
	byID := map[int64]competency.Competency{}
	for _, c := range comps {
		byID[c.ID] = c
	}
	v := PositionView{Position: p}
	for _, r := range reqs {
		v.Standard = append(v.Standard, StandardLine{Competency: byID[r.CompetencyID], Required: r.Required})
	}
	return v, nil
}

// SetStandard replaces a position's standard: required level per competency
// code. Every line is checked; nothing changes when one is wrong.
func (a *App) SetStandard(ctx context.Context, actor Actor, code string, required map[string]int) error {
	if err := actor.Require(PermStandardEdit); err != nil {
		return err
	}
	v, err := a.Position(ctx, actor, code)
	if err != nil {
		return err
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return err
	}
	byCode := map[string]competency.Competency{}
	for _, c := range comps {
		byCode[c.Code] = c
	}
	fields := map[string]string{}
	var after []competency.Requirement
	for _, c := range comps { // dictionary order
		lvl, ok := required[c.Code]
		if !ok {
			continue
		}
		if err := competency.ValidateLevel(lvl); err != nil {
			fields[c.Code] = err.Error()
			continue
		}
		after = append(after, competency.Requirement{CompetencyID: c.ID, Required: lvl})
	}
	for k := range required {
		if _, ok := byCode[k]; !ok {
			fields[k] = fmt.Sprintf("kode kompetensi %q tidak dikenal", k)
		}
	}
	if len(after) == 0 && len(fields) == 0 {
		fields["standard"] = "standar harus memuat paling sedikit satu kompetensi"
	}
	if len(fields) > 0 {
		var msgs []string
		for _, c := range comps {
			if m, ok := fields[c.Code]; ok {
				msgs = append(msgs, c.Code+": "+m)
			}
		}
		for k, m := range fields {
			if _, ok := byCode[k]; !ok {
				msgs = append(msgs, m)
			}
		}
		return &Error{Code: CodeInvalid, Message: strings.Join(msgs, "; "), Fields: fields}
	}
	var before []competency.Requirement
	for _, l := range v.Standard {
		before = append(before, competency.Requirement{CompetencyID: l.Competency.ID, Required: l.Required})
	}
	a.invalidate()
	return a.Store.SetStandard(ctx, actor.Label(), v.Position, before, after)
}

// AuditLog lists the audit trail for admins.
func (a *App) AuditLog(ctx context.Context, actor Actor, q store.AuditQuery) ([]store.AuditEntry, int, error) {
	if err := actor.Require(PermAuditRead); err != nil {
		return nil, 0, err
	}
	return a.Store.AuditLog(ctx, q)
}
