package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"asah/internal/competency"
	"asah/internal/development"
	"asah/internal/store"
)

// This file holds the individual development plan (IDP) use cases. Asah
// proposes a draft from the employee's shortfalls against the position's
// standard, the weaknesses of their latest final SKP and the recommended
// action of their 9-box; the employee (or an admin) edits and submits it;
// the direct supervisor (or an admin) approves it or returns it with a
// comment; the employee, the supervisor or an admin tracks each item.

// IDPItemView is an item with the names a page shows.
type IDPItemView struct {
	development.Item
	Code      string
	Name      string
	Kind      competency.Kind
	FormLabel string
	Classroom bool
	Timeframe string
	// Enrollments are the event enrollments made for this item, latest first.
	Enrollments []EnrollmentLink
}

// IDPActions says what the viewer may do with a plan now.
type IDPActions struct {
	Create   bool
	Edit     bool
	Submit   bool
	Decide   bool // approve or return
	Progress bool
}

// IDPView is an employee's plan of one year as a viewer sees it.
type IDPView struct {
	Employee store.EmployeeRow
	// Exists is false for a proposal that has not been saved.
	Exists    bool
	Plan      development.Plan
	Items     []IDPItemView
	PlannedJP int
	DoneJP    int
	TargetJP  int
	Can       IDPActions
}

// DevelopmentPolicy returns the development policy in force.
func (a *App) DevelopmentPolicy(ctx context.Context) (development.Policy, error) {
	return a.Store.LoadDevelopmentPolicy(ctx)
}

// SaveDevelopmentPolicy stores a development policy (JP targets and credits,
// weights, forms of the proposal).
func (a *App) SaveDevelopmentPolicy(ctx context.Context, actor Actor, p development.Policy) error {
	if err := actor.Require(PermTalentConfig); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return Invalid(err.Error())
	}
	return a.Store.SaveDevelopmentPolicy(ctx, actor.Label(), p)
}

func isSupervisor(actor Actor, e store.EmployeeRow) bool {
	return actor.EmployeeID != 0 && e.SupervisorID == actor.EmployeeID
}

func (a *App) idpActions(actor Actor, e store.EmployeeRow, p *development.Plan, exists bool) IDPActions {
	self, sup, admin := isSelf(actor, e), isSupervisor(actor, e), isAdmin(actor)
	write := actor.Can(PermIDPWrite)
	var c IDPActions
	if !exists {
		c.Create = write && (self || admin)
		return c
	}
	ok := func(act development.Action) bool { _, err := development.Next(p.Status, act); return err == nil }
	c.Edit = write && (self || admin) && ok(development.ActEdit)
	c.Submit = c.Edit && len(p.Items) > 0
	c.Decide = actor.Can(PermIDPApprove) && !self && (sup || admin) && ok(development.ActApprove)
	c.Progress = write && (self || sup || admin) && ok(development.ActProgress)
	return c
}

func (a *App) idpView(ctx context.Context, actor Actor, e store.EmployeeRow, p development.Plan, exists bool) (IDPView, error) {
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return IDPView{}, err
	}
	byID := make(map[int64]competency.Competency, len(comps))
	for _, c := range comps {
		byID[c.ID] = c
	}
	v := IDPView{Employee: e, Exists: exists, Plan: p, PlannedJP: p.PlannedJP(), DoneJP: p.DoneJP(), TargetJP: p.TargetJP}
	var itemIDs []int64
	for _, it := range p.Items {
		if it.ID != 0 {
			itemIDs = append(itemIDs, it.ID)
		}
	}
	links, err := a.idpEnrollments(ctx, itemIDs)
	if err != nil {
		return IDPView{}, err
	}
	for _, it := range p.Items {
		c := byID[it.CompetencyID]
		v.Items = append(v.Items, IDPItemView{Item: it, Code: c.Code, Name: c.Name, Kind: c.Kind, FormLabel: it.Form.Label(),
			Classroom: it.Form.Classroom(), Timeframe: it.Timeframe(p.Year), Enrollments: links[it.ID]})
	}
	v.Can = a.idpActions(actor, e, &p, exists)
	return v, nil
}

// proposal drafts the plan of one employee for a year.
func (a *App) proposal(ctx context.Context, e store.EmployeeRow, year int) (development.Plan, error) {
	dp, err := a.Store.LoadDevelopmentPolicy(ctx)
	if err != nil {
		return development.Plan{}, err
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return development.Plan{}, err
	}
	pr := development.NewProposer(dp, comps)
	var out development.Plan
	err = a.eachProposal(ctx, store.Filter{IDs: []int64{e.ID}}, year, pr, func(pp *IDPProposal) error {
		out = pp.Plan
		return nil
	})
	return out, err
}

// IDPProposal is the drafted plan of one employee.
type IDPProposal struct {
	Employee  store.EmployeeRow
	Placement PlacementRow
	Plan      development.Plan
}

// eachProposal drafts the plan of every employee a filter selects for year:
// the gap report on today's date, the weaknesses of the latest final SKP
// before year, and the box in force today.
func (a *App) eachProposal(ctx context.Context, f store.Filter, year int, pr *development.Proposer, fn func(*IDPProposal) error) error {
	ref := a.Today()
	same := year == ref.Year()+1 // the SKP before the plan year is the latest one
	pl, err := a.newPlacer(ctx, f, ref, same)
	if err != nil {
		return err
	}
	weak := pl.annuals
	if !same {
		if weak, err = a.Store.LatestAnnuals(ctx, f, year, true); err != nil {
			return err
		}
	}
	var pp IDPProposal
	return a.GapReport(ctx, f, ref, func(g *EmployeeGap) error {
		e := &g.Employee
		pp.Employee = *e
		pp.Placement = PlacementRow{Employee: *e, Placement: pl.place(e, &g.Match)}
		in := development.Input{EmployeeID: e.ID, Kind: e.Kind, Year: year, Ref: ref, Lines: g.Match.Lines, Box: pp.Placement.Box}
		if an, ok := weak[e.ID]; ok {
			in.Weaknesses, in.SKPYear = an.Weaknesses, an.Year
		}
		pp.Plan = pr.Propose(in)
		return fn(&pp)
	})
}

// ProposeIDP drafts (without saving) the plan Asah proposes for an employee
// in scope for a year.
func (a *App) ProposeIDP(ctx context.Context, actor Actor, nip string, year int) (IDPView, error) {
	e, err := a.subject(ctx, actor, PermIDPRead, nip)
	if err != nil {
		return IDPView{}, err
	}
	if err := checkYear(year); err != nil {
		return IDPView{}, err
	}
	p, err := a.proposal(ctx, e, year)
	if err != nil {
		return IDPView{}, err
	}
	return a.idpView(ctx, actor, e, p, false)
}

// EachIDPProposal drafts the plan of every employee of a unit ("" all)
// within the actor's scope for a year, in employee ID order. The proposal
// passed to fn is reused between calls.
func (a *App) EachIDPProposal(ctx context.Context, actor Actor, year int, unitCode string, fn func(*IDPProposal) error) error {
	if err := actor.Require(PermIDPRead); err != nil {
		return err
	}
	if err := checkYear(year); err != nil {
		return err
	}
	if _, _, err := a.reportUnits(ctx, actor, unitCode); err != nil {
		return err
	}
	dp, err := a.Store.LoadDevelopmentPolicy(ctx)
	if err != nil {
		return err
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return err
	}
	return a.eachProposal(ctx, store.Filter{UnitCode: unitCode, Within: within(actor)}, year, development.NewProposer(dp, comps), fn)
}

// IDP returns an employee's plan of a year; without one, Exists is false
// and Plan holds Asah's proposal.
func (a *App) IDP(ctx context.Context, actor Actor, nip string, year int) (IDPView, error) {
	e, err := a.subject(ctx, actor, PermIDPRead, nip)
	if err != nil {
		return IDPView{}, err
	}
	if err := checkYear(year); err != nil {
		return IDPView{}, err
	}
	p, err := a.Store.IDP(ctx, e.ID, year)
	if errors.Is(err, store.ErrNotFound) {
		if p, err = a.proposal(ctx, e, year); err != nil {
			return IDPView{}, err
		}
		return a.idpView(ctx, actor, e, p, false)
	} else if err != nil {
		return IDPView{}, err
	}
	return a.idpView(ctx, actor, e, p, true)
}

// CreateIDP saves Asah's proposal as the employee's draft plan for a year
// (the employee or an admin in scope).
func (a *App) CreateIDP(ctx context.Context, actor Actor, nip string, year int) (IDPView, error) {
	e, err := a.subject(ctx, actor, PermIDPWrite, nip)
	if err != nil {
		return IDPView{}, err
	}
	if err := checkYear(year); err != nil {
		return IDPView{}, err
	}
	if !isSelf(actor, e) && !isAdmin(actor) {
		return IDPView{}, forbidden("rencana pengembangan disusun oleh pegawai yang bersangkutan atau admin")
	}
	p, err := a.proposal(ctx, e, year)
	if err != nil {
		return IDPView{}, err
	}
	p.CreatedAt, p.UpdatedAt = a.Now(), a.Now()
	if p, err = a.Store.CreateIDP(ctx, actor.Label(), e.NIP, p); err != nil {
		return IDPView{}, storeError(err, "rencana pengembangan")
	}
	return a.idpView(ctx, actor, e, p, true)
}

// changeIDP runs one step on an existing plan after the permission and
// scope checks; step checks the relationship and applies the domain rule.
func (a *App) changeIDP(ctx context.Context, actor Actor, perm Permission, nip string, year int, action string,
	step func(e store.EmployeeRow, p *development.Plan) (after any, err error)) (IDPView, error) {
	e, err := a.subject(ctx, actor, perm, nip)
	if err != nil {
		return IDPView{}, err
	}
	p, err := a.Store.UpdateIDP(ctx, actor.Label(), e.NIP, e.ID, year, action, func(p *development.Plan) (any, any, error) {
		before := store.IDPAudit(p, false)
		after, err := step(e, p)
		if err != nil {
			return nil, nil, userError(err)
		}
		if after == nil {
			after = store.IDPAudit(p, false)
		}
		return before, after, nil
	})
	if err != nil {
		return IDPView{}, storeError(err, fmt.Sprintf("rencana pengembangan tahun %d", year))
	}
	return a.idpView(ctx, actor, e, p, true)
}

// IDPItemInput is an item as a user submits it. ID names an existing item
// (0 for a new one, which counts as added by the employee).
type IDPItemInput struct {
	ID          int64
	Competency  string // dictionary code
	TargetLevel int
	Form        string
	PlannedJP   int
	StartMonth  int
	EndMonth    int
	Reason      string
}

// SaveIDPItems replaces the items of a draft or returned plan.
func (a *App) SaveIDPItems(ctx context.Context, actor Actor, nip string, year int, items []IDPItemInput) (IDPView, error) {
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return IDPView{}, err
	}
	byCode := map[string]competency.Competency{}
	for _, c := range comps {
		byCode[c.Code] = c
	}
	e, err := a.subject(ctx, actor, PermIDPWrite, nip)
	if err != nil {
		return IDPView{}, err
	}
	gap, err := a.EmployeeGaps(ctx, actor, e.NIP, a.Today())
	if err != nil {
		return IDPView{}, err
	}
	current := map[int64]int{}
	for _, l := range gap.Match.Lines {
		if l.Current.Assessed {
			current[l.CompetencyID] = l.Current.Level
		}
	}
	fields := map[string]string{}
	return a.changeIDP(ctx, actor, PermIDPWrite, e.NIP, year, "idp.edit", func(e store.EmployeeRow, p *development.Plan) (any, error) {
		if !isSelf(actor, e) && !isAdmin(actor) {
			return nil, forbidden("rencana pengembangan diubah oleh pegawai yang bersangkutan atau admin")
		}
		old := map[int64]development.Item{}
		for _, it := range p.Items {
			old[it.ID] = it
		}
		out := make([]development.Item, 0, len(items))
		for i, in := range items {
			c, ok := byCode[strings.TrimSpace(in.Competency)]
			if !ok {
				fields[fmt.Sprintf("items.%d.competency", i)] = fmt.Sprintf("kegiatan ke-%d: kode kompetensi %q tidak dikenal", i+1, in.Competency)
				continue
			}
			form, err := development.ParseForm(in.Form)
			if err != nil {
				fields[fmt.Sprintf("items.%d.form", i)] = fmt.Sprintf("kegiatan ke-%d: %v", i+1, err)
				continue
			}
			it := development.Item{ID: in.ID, CompetencyID: c.ID, CurrentLevel: current[c.ID], TargetLevel: in.TargetLevel, Form: form,
				PlannedJP: in.PlannedJP, StartMonth: in.StartMonth, EndMonth: in.EndMonth, Reason: in.Reason, Source: development.SourceEmployee}
			if o, ok := old[in.ID]; ok && in.ID != 0 {
				it.Source = o.Source
			} else {
				it.ID = 0
			}
			out = append(out, it)
		}
		if len(fields) > 0 {
			return nil, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
		}
		if err := p.SetItems(out, a.Now()); err != nil {
			return nil, err
		}
		return store.IDPAudit(p, true), nil
	})
}

// SubmitIDP hands a draft or returned plan to the direct supervisor.
func (a *App) SubmitIDP(ctx context.Context, actor Actor, nip string, year int) (IDPView, error) {
	return a.changeIDP(ctx, actor, PermIDPWrite, nip, year, "idp.submit", func(e store.EmployeeRow, p *development.Plan) (any, error) {
		if !isSelf(actor, e) && !isAdmin(actor) {
			return nil, forbidden("rencana pengembangan diajukan oleh pegawai yang bersangkutan atau admin")
		}
		return nil, p.Submit(a.Now())
	})
}

// DecideIDP approves a submitted plan or returns it with a comment: the
// direct supervisor or an admin in scope, never the employee.
func (a *App) DecideIDP(ctx context.Context, actor Actor, nip string, year int, approve bool, comment string) (IDPView, error) {
	action := "idp.approve"
	if !approve {
		action = "idp.return"
	}
	return a.changeIDP(ctx, actor, PermIDPApprove, nip, year, action, func(e store.EmployeeRow, p *development.Plan) (any, error) {
		if isSelf(actor, e) {
			return nil, forbidden("Anda tidak dapat menyetujui rencana pengembangan Anda sendiri")
		}
		if !isSupervisor(actor, e) && !isAdmin(actor) {
			return nil, forbidden("rencana pengembangan disetujui oleh atasan langsung atau admin")
		}
		by := actor.Name
		if by == "" {
			by = actor.Label()
		}
		if err := p.Decide(approve, comment, by, a.Now()); err != nil {
			return nil, err
		}
		after := store.IDPAudit(p, false)
		after["comment"] = p.Comment
		return after, nil
	})
}

// SetIDPItemProgress moves one item of an approved plan (planned,
// in_progress, done, dropped with a reason): the employee, the direct
// supervisor or an admin in scope.
func (a *App) SetIDPItemProgress(ctx context.Context, actor Actor, nip string, year int, itemID int64, status, reason string) (IDPView, error) {
	to, err := development.ParseItemStatus(status)
	if err != nil {
		return IDPView{}, &Error{Code: CodeInvalid, Message: err.Error(), Fields: map[string]string{"status": "tidak dikenal"}}
	}
	return a.changeIDP(ctx, actor, PermIDPWrite, nip, year, "idp.progress", func(e store.EmployeeRow, p *development.Plan) (any, error) {
		if !isSelf(actor, e) && !isSupervisor(actor, e) && !isAdmin(actor) {
			return nil, forbidden("kemajuan kegiatan dicatat oleh pegawai, atasan langsungnya, atau admin")
		}
		if err := p.SetProgress(itemID, to, reason, a.Now()); err != nil {
			var te *development.ItemTransitionError
			var pe *development.TransitionError
			switch {
			case errors.As(err, &te):
				return nil, &Error{Code: CodeConflict, Message: err.Error()}
			case errors.Is(err, development.ErrNoSuchItem):
				return nil, NotFound(err.Error())
			case errors.As(err, &pe):
				return nil, err
			}
			return nil, &Error{Code: CodeInvalid, Message: err.Error(), Fields: map[string]string{"reason": err.Error()}}
		}
		after := store.IDPAudit(p, false)
		after["item_id"], after["item_status"] = itemID, to
		if to == development.ItemDropped {
			after["reason"] = strings.TrimSpace(reason)
		}
		return after, nil
	})
}
