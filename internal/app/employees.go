package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
)

// EmployeeQuery is a request for one page of an employee list.
type EmployeeQuery struct {
	UnitCode string
	Q        string
	Sort     string // name, nip, unit, position, golongan
	Desc     bool
	Page     int // from 1
	PerPage  int // 1..200, default 50
}

// EmployeePage is one page of an employee list, each row with its JPM.
type EmployeePage struct {
	Items   []EmployeeSummary
	Total   int
	Page    int
	PerPage int
	Pages   int
}

func (q *EmployeeQuery) normalise() error {
	q.Q = strings.TrimSpace(q.Q)
	if len([]rune(q.Q)) > 100 {
		return &Error{Code: CodeInvalid, Message: "kata kunci paling banyak 100 karakter", Fields: map[string]string{"q": "terlalu panjang"}}
	}
	if q.PerPage <= 0 {
		q.PerPage = 50
	}
	if q.PerPage > 200 {
		return &Error{Code: CodeInvalid, Message: "per_page paling banyak 200", Fields: map[string]string{"per_page": "paling banyak 200"}}
	}
	if q.Page <= 0 {
		q.Page = 1
	}
	return nil
}

// ListEmployees returns one page of the employees the actor may see.
func (a *App) ListEmployees(ctx context.Context, actor Actor, q EmployeeQuery) (EmployeePage, error) {
	if err := actor.Require(PermEmployeeList); err != nil {
		return EmployeePage{}, err
	}
	if err := q.normalise(); err != nil {
		return EmployeePage{}, err
	}
	if q.UnitCode != "" {
		if _, err := a.Store.UnitByCode(ctx, q.UnitCode); errors.Is(err, store.ErrNotFound) {
			return EmployeePage{}, &Error{Code: CodeInvalid, Message: fmt.Sprintf("unit %q tidak ditemukan", q.UnitCode),
				Fields: map[string]string{"unit": "tidak dikenal"}}
		} else if err != nil {
			return EmployeePage{}, err
		}
	}
	f := store.Filter{UnitCode: q.UnitCode, Q: q.Q, Within: within(actor)}
	rows, total, err := a.Store.ListEmployees(ctx, f, q.Sort, q.Desc, q.PerPage, (q.Page-1)*q.PerPage)
	if err != nil {
		return EmployeePage{}, err
	}
	p := EmployeePage{Total: total, Page: q.Page, PerPage: q.PerPage, Pages: max(1, (total+q.PerPage-1)/q.PerPage)}
	if len(rows) == 0 {
		return p, nil
	}
	ids := make([]int64, len(rows))
	at := make(map[int64]int, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
		at[r.ID] = i
		p.Items = append(p.Items, EmployeeSummary{Employee: r})
	}
	// The rows' JPM comes from the city-wide pass that the overview keeps
	// for a minute (cleared by every write through this App): computing 50
	// gap reports per page view cost a third of the page.
	ref := a.Today()
	if _, err := a.UnitOverview(ctx, ref); err != nil {
		return p, err
	}
	if cached, ok := a.overview.cachedMatches(ref); ok {
		for i := range p.Items {
			p.Items[i].Match = cached[p.Items[i].Employee.ID]
		}
		return p, nil
	}
	err = a.GapReport(ctx, store.Filter{IDs: ids}, ref, func(g *EmployeeGap) error {
		m := g.Match
		m.Lines = nil
		p.Items[at[g.Employee.ID]].Match = m
		return nil
	})
	return p, err
}

// ExportEmployees streams every employee the actor may see with the query's
// filters (not paginated) and their gap report, for CSV/XLSX export.
func (a *App) ExportEmployees(ctx context.Context, actor Actor, q EmployeeQuery, fn func(*EmployeeGap) error) error {
	if err := actor.Require(PermEmployeeExport); err != nil {
		return err
	}
	if err := q.normalise(); err != nil {
		return err
	}
	return a.GapReport(ctx, store.Filter{UnitCode: q.UnitCode, Q: q.Q, Within: within(actor)}, a.Today(), fn)
}

// ViewEmployee returns the profile of an employee in the actor's scope, and
// audits the view when an admin reads someone else's record.
func (a *App) ViewEmployee(ctx context.Context, actor Actor, nip string) (EmployeeProfile, error) {
	e, err := a.employeeInScope(ctx, actor, nip)
	if err != nil {
		return EmployeeProfile{}, err
	}
	if (actor.Role == RoleAdminBKPSDM || actor.Role == RoleAdminOPD || actor.Role == RolePimpinan) && e.ID != actor.EmployeeID {
		if err := a.Store.RecordView(ctx, actor.Label(), "employee", e.NIP); err != nil {
			return EmployeeProfile{}, err
		}
	}
	return a.profileOf(ctx, e, a.Today())
}

// EmployeeGaps returns one employee's gap report on ref (scope-checked).
func (a *App) EmployeeGaps(ctx context.Context, actor Actor, nip string, ref time.Time) (EmployeeGap, error) {
	e, err := a.employeeInScope(ctx, actor, nip)
	if err != nil {
		return EmployeeGap{}, err
	}
	return a.employeeGap(ctx, e, ref)
}

// AssessmentView is an assessment with its competency code and name.
type AssessmentView struct {
	competency.Assessment
	Code string
	Name string
}

// EmployeeAssessments lists an employee's assessments, newest first.
func (a *App) EmployeeAssessments(ctx context.Context, actor Actor, nip string) ([]AssessmentView, error) {
	e, err := a.employeeInScope(ctx, actor, nip)
	if err != nil {
		return nil, err
	}
	as, err := a.Store.Assessments(ctx, e.ID)
	if err != nil {
		return nil, err
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return nil, err
	}
	byID := map[int64]competency.Competency{}
	for _, c := range comps {
		byID[c.ID] = c
	}
	out := make([]AssessmentView, 0, len(as))
	for _, x := range as {
		out = append(out, AssessmentView{Assessment: x, Code: byID[x.CompetencyID].Code, Name: byID[x.CompetencyID].Name})
	}
	return out, nil
}

// AllowedSources lists the sources an actor may record for an employee:
// the employee rates only themself (self); a supervisor rates their team
// (supervisor); agency admins enter assessment-center and 360 results in
// their scope; BKPSDM enters any official source.
func (a *App) AllowedSources(ctx context.Context, actor Actor, e store.EmployeeRow) []competency.Source {
	self := actor.EmployeeID != 0 && actor.EmployeeID == e.ID
	switch actor.Role {
	case RoleAdminBKPSDM:
		if self {
			return []competency.Source{competency.SourceSelf}
		}
		return []competency.Source{competency.SourceAssessmentCenter, competency.SourceSupervisor, competency.Source360}
	case RoleAdminOPD:
		if self {
			return []competency.Source{competency.SourceSelf}
		}
		return []competency.Source{competency.SourceAssessmentCenter, competency.Source360}
	case RoleAtasan, RolePegawai:
		if self {
			return []competency.Source{competency.SourceSelf}
		}
		if ScopeOf(actor).Team {
			return []competency.Source{competency.SourceSupervisor}
		}
	}
	return nil
}

// RecordAssessment records an assessment for an employee in the actor's
// scope, with the source rules of AllowedSources. The assessor defaults to
// the actor's name.
func (a *App) RecordAssessment(ctx context.Context, actor Actor, in AssessmentInput) (int64, error) {
	if err := actor.Require(PermAssessmentWrite); err != nil {
		return 0, err
	}
	e, err := a.employeeInScope(ctx, actor, strings.TrimSpace(in.NIP))
	if err != nil {
		return 0, err
	}
	src, err := competency.ParseSource(in.Source)
	if err == nil {
		allowed := false
		for _, s := range a.AllowedSources(ctx, actor, e) {
			allowed = allowed || s == src
		}
		if !allowed {
			return 0, &Error{Code: CodeForbidden, Message: fmt.Sprintf("Anda tidak berwenang mencatat penilaian sumber %q untuk pegawai ini", src.Label()),
				Fields: map[string]string{"source": "tidak diizinkan untuk peran Anda"}}
		}
	}
	if strings.TrimSpace(in.Assessor) == "" {
		in.Assessor = actor.Name
	}
	return a.addAssessment(ctx, actor.Label(), in)
}
