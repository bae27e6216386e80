package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/people"
	"asah/internal/store"
)

// This file holds the program catalogue: programs (admin BKPSDM, or a
// mitra for its own institution), the catalogue search and a program's
// page with the reader's own gaps it would close.

// TargetInput is a target competency as a user submits it.
type TargetInput struct {
	Competency string // dictionary code
	Level      int
	MinLevel   int
}

// ProgramInput is a program as a user submits it.
type ProgramInput struct {
	Code               string
	Title              string
	Description        string
	JP                 int
	Provider           string // partner code; a mitra's own partner when blank
	Method             string // blank: the form's method
	Form               string
	Delivery           string
	CostPerParticipant int64
	FixedCostPerEvent  int64
	Mandatory          bool
	EligibleKinds      []string
	Targets            []TargetInput
	RequiresPostTest   bool
	PassScore          float64
	MinAttendance      float64 // share 0–1; 0: the default 0.8
	Archived           bool
}

// TargetView is a target with its competency's code and name.
type TargetView struct {
	learning.Target
	Code string
	Name string
	Kind competency.Kind
}

// ProgramView is a program as pages show it.
type ProgramView struct {
	store.ProgramRow
	Targets   []TargetView
	FormLabel string
	// CanManage is true when the viewer may edit it and add events.
	CanManage bool
}

func (a *App) dictionary(ctx context.Context) (map[int64]competency.Competency, map[string]competency.Competency, error) {
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return nil, nil, err
	}
	byID := make(map[int64]competency.Competency, len(comps))
	byCode := make(map[string]competency.Competency, len(comps))
	for _, c := range comps {
		byID[c.ID], byCode[strings.ToUpper(c.Code)] = c, c
	}
	return byID, byCode, nil
}

// manager returns whether the actor may manage a provider's programs,
// reading the actor's partner once.
func (a *App) manager(ctx context.Context, actor Actor) (func(providerID int64) bool, error) {
	if !actor.Can(PermLearningManage) {
		return func(int64) bool { return false }, nil
	}
	own, mitra, err := a.ownPartner(ctx, actor)
	return func(id int64) bool { return actor.Role == RoleAdminBKPSDM || (mitra && own != 0 && own == id) }, err
}

func programView(p store.ProgramRow, byID map[int64]competency.Competency, manages func(int64) bool) ProgramView {
	v := ProgramView{ProgramRow: p, FormLabel: p.Form.Label(), CanManage: manages(p.ProviderID)}
	for _, t := range p.Program.Targets {
		c := byID[t.CompetencyID]
		v.Targets = append(v.Targets, TargetView{Target: t, Code: c.Code, Name: c.Name, Kind: c.Kind})
	}
	return v
}

// programOf turns an input into a program, naming every field at fault.
func (a *App) programOf(ctx context.Context, actor Actor, in ProgramInput) (learning.Program, error) {
	fields := map[string]string{}
	_, byCode, err := a.dictionary(ctx)
	if err != nil {
		return learning.Program{}, err
	}
	p := learning.Program{Code: strings.TrimSpace(in.Code), Title: strings.TrimSpace(in.Title), Description: strings.TrimSpace(in.Description),
		JP: in.JP, Delivery: learning.Delivery(strings.TrimSpace(in.Delivery)), CostPerParticipant: in.CostPerParticipant,
		FixedCostPerEvent: in.FixedCostPerEvent, Mandatory: in.Mandatory, RequiresPostTest: in.RequiresPostTest,
		PassScore: in.PassScore, MinAttendance: in.MinAttendance, Archived: in.Archived}
	if p.MinAttendance == 0 {
		p.MinAttendance = learning.DefaultMinAttendance
	}
	if f, err := development.ParseForm(in.Form); err != nil {
		fields["form"] = err.Error()
	} else {
		p.Form = f
	}
	p.Method = learning.Method(strings.TrimSpace(in.Method))
	if p.Method == "" && p.Form != "" {
		p.Method = learning.MethodOf(p.Form)
	}
	for _, k := range in.EligibleKinds {
		if strings.TrimSpace(k) == "" {
			continue
		}
		pk, err := people.ParsePositionKind(k)
		if err != nil {
			fields["eligible_kinds"] = err.Error()
			continue
		}
		p.EligibleKinds = append(p.EligibleKinds, pk)
	}
	for i, t := range in.Targets {
		c, ok := byCode[strings.ToUpper(strings.TrimSpace(t.Competency))]
		if !ok {
			fields["targets"] = fmt.Sprintf("kompetensi sasaran ke-%d: kode %q tidak dikenal", i+1, t.Competency)
			continue
		}
		p.Targets = append(p.Targets, learning.Target{CompetencyID: c.ID, Level: t.Level, MinLevel: t.MinLevel})
	}
	// The provider: a mitra always its own institution.
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil {
		return p, err
	}
	switch code := strings.TrimSpace(in.Provider); {
	case mitra:
		p.ProviderID = own
		if own == 0 {
			return p, forbidden("akun mitra ini tidak terhubung dengan mitra yang terdaftar: hubungi admin BKPSDM")
		}
	case code != "":
		pr, err := a.Store.PartnerByCode(ctx, code)
		switch {
		case errors.Is(err, store.ErrNotFound):
			fields["provider"] = fmt.Sprintf("penyelenggara dengan kode %q tidak ditemukan", code)
		case err != nil:
			return p, err
		}
		p.ProviderID = pr.ID
	}
	if err := p.Validate(); err != nil {
		var fs learning.Faults
		if errors.As(err, &fs) {
			for k, v := range fs.Fields() {
				if _, ok := fields[k]; !ok {
					fields[k] = v
				}
			}
		}
	}
	if len(fields) > 0 {
		return p, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	return p, nil
}

// CreateProgram adds a program to the catalogue (admin BKPSDM; a mitra for
// its own institution).
func (a *App) CreateProgram(ctx context.Context, actor Actor, in ProgramInput) (ProgramView, error) {
	if err := actor.Require(PermLearningManage); err != nil {
		return ProgramView{}, err
	}
	p, err := a.programOf(ctx, actor, in)
	if err != nil {
		return ProgramView{}, err
	}
	if err := a.managesProvider(ctx, actor, p.ProviderID, "program"); err != nil {
		return ProgramView{}, err
	}
	if p, err = a.Store.CreateProgram(ctx, actor.Label(), p); err != nil {
		return ProgramView{}, learnError(err, "program")
	}
	return a.programByID(ctx, actor, p.ID)
}

func (a *App) programByID(ctx context.Context, actor Actor, id int64) (ProgramView, error) {
	r, err := a.Store.ProgramByID(ctx, id, a.Today())
	if err != nil {
		return ProgramView{}, learnError(err, "program")
	}
	byID, _, err := a.dictionary(ctx)
	if err != nil {
		return ProgramView{}, err
	}
	m, err := a.manager(ctx, actor)
	return programView(r, byID, m), err
}

// visibleProgram loads a program the actor may see (a mitra: its own).
func (a *App) visibleProgram(ctx context.Context, actor Actor, code string) (store.ProgramRow, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return store.ProgramRow{}, err
	}
	p, err := a.Store.ProgramByCode(ctx, code, a.Today())
	if errors.Is(err, store.ErrNotFound) {
		return p, errOutOfScope("program")
	}
	if err != nil {
		return p, err
	}
	if ok, err := a.seesProvider(ctx, actor, p.ProviderID); err != nil {
		return p, err
	} else if !ok {
		return p, errOutOfScope("program")
	}
	return p, nil
}

// UpdateProgram changes a program found by its current code (admin BKPSDM;
// a mitra its own, and it cannot hand it to another institution).
func (a *App) UpdateProgram(ctx context.Context, actor Actor, code string, in ProgramInput) (ProgramView, error) {
	if err := actor.Require(PermLearningManage); err != nil {
		return ProgramView{}, err
	}
	old, err := a.visibleProgram(ctx, actor, code)
	if err != nil {
		return ProgramView{}, err
	}
	if err := a.managesProvider(ctx, actor, old.ProviderID, "program"); err != nil {
		return ProgramView{}, err
	}
	p, err := a.programOf(ctx, actor, in)
	if err != nil {
		return ProgramView{}, err
	}
	p.ID = old.ID
	if _, err := a.Store.UpdateProgram(ctx, actor.Label(), p); err != nil {
		return ProgramView{}, learnError(err, "program")
	}
	return a.programByID(ctx, actor, p.ID)
}

// CatalogueQuery is a catalogue search as a user submits it.
type CatalogueQuery struct {
	Competency string // dictionary code
	Method     string // klasikal or non_klasikal
	Form       string
	Provider   string // partner code
	From, To   string // YYYY-MM-DD: programs with an event overlapping the range
	Q          string
	Mandatory  bool
	// Archived includes archived programs (only for those who manage).
	Archived bool
	Page     int // from 1
	PerPage  int // default 20, at most 100
}

// CataloguePage is one page of a catalogue search.
type CataloguePage struct {
	Programs []ProgramView
	Total    int
	Page     int
	PerPage  int
}

// SearchCatalogue searches the programs by competency, method, form,
// provider, event dates and text. A mitra searches its own programs.
func (a *App) SearchCatalogue(ctx context.Context, actor Actor, q CatalogueQuery) (CataloguePage, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return CataloguePage{}, err
	}
	fields := map[string]string{}
	sq := store.CatalogueQuery{Q: strings.TrimSpace(q.Q), Mandatory: q.Mandatory, Today: a.Today(),
		From: parseDay("from", "tanggal awal", q.From, fields), To: parseDay("to", "tanggal akhir", q.To, fields),
		IncludeArchived: q.Archived && actor.Can(PermLearningManage)}
	if !sq.From.IsZero() && !sq.To.IsZero() && sq.To.Before(sq.From) {
		fields["to"] = "tanggal akhir tidak boleh sebelum tanggal awal"
	}
	if c := strings.TrimSpace(q.Competency); c != "" {
		_, byCode, err := a.dictionary(ctx)
		if err != nil {
			return CataloguePage{}, err
		}
		comp, ok := byCode[strings.ToUpper(c)]
		if !ok {
			fields["competency"] = fmt.Sprintf("kode kompetensi %q tidak dikenal", c)
		}
		sq.CompetencyID = comp.ID
	}
	switch m := learning.Method(strings.TrimSpace(q.Method)); m {
	case "", learning.Klasikal, learning.NonKlasikal:
		sq.Method = m
	default:
		fields["method"] = "metode harus klasikal atau non_klasikal"
	}
	if f := strings.TrimSpace(q.Form); f != "" {
		form, err := development.ParseForm(f)
		if err != nil {
			fields["form"] = err.Error()
		}
		sq.Form = form
	}
	if c := strings.TrimSpace(q.Provider); c != "" {
		p, err := a.Store.PartnerByCode(ctx, c)
		switch {
		case errors.Is(err, store.ErrNotFound):
			fields["provider"] = fmt.Sprintf("penyelenggara dengan kode %q tidak ditemukan", c)
		case err != nil:
			return CataloguePage{}, err
		}
		sq.ProviderID = p.ID
	}
	if len(fields) > 0 {
		return CataloguePage{}, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil {
		return CataloguePage{}, err
	}
	if mitra {
		if own == 0 || (sq.ProviderID != 0 && sq.ProviderID != own) {
			return CataloguePage{Page: 1, PerPage: 20}, nil
		}
		sq.ProviderID = own
	}
	page, per := max(q.Page, 1), q.PerPage
	if per <= 0 {
		per = 20
	}
	per = min(per, 100)
	sq.Limit, sq.Offset = per, (page-1)*per
	rows, total, err := a.Store.SearchPrograms(ctx, sq)
	if err != nil {
		return CataloguePage{}, err
	}
	byID, _, err := a.dictionary(ctx)
	if err != nil {
		return CataloguePage{}, err
	}
	m, err := a.manager(ctx, actor)
	if err != nil {
		return CataloguePage{}, err
	}
	out := CataloguePage{Total: total, Page: page, PerPage: per}
	for _, r := range rows {
		out.Programs = append(out.Programs, programView(r, byID, m))
	}
	return out, nil
}

// GapView is one of the reader's gaps a program works on, with names.
type GapView struct {
	learning.GapClose
	Code string
	Name string
}

// ProgramDetail is a program's page.
type ProgramDetail struct {
	ProgramView
	Provider learning.Partner
	// Events lists the program's events the viewer may see, by start date.
	Events []store.EventRow
	// HasRecord is false when the viewer has no employee record: then no
	// gaps and no eligibility are shown.
	HasRecord   bool
	Gaps        []GapView
	Eligibility learning.Eligibility
}

// ProgramDetail returns a program with its events and, for a viewer who is
// an employee, which of their own gaps (against their position's standard,
// by the current-level rule today) the program would close, and whether
// they are eligible.
func (a *App) ProgramDetail(ctx context.Context, actor Actor, code string) (ProgramDetail, error) {
	p, err := a.visibleProgram(ctx, actor, code)
	if err != nil {
		return ProgramDetail{}, err
	}
	byID, _, err := a.dictionary(ctx)
	if err != nil {
		return ProgramDetail{}, err
	}
	m, err := a.manager(ctx, actor)
	if err != nil {
		return ProgramDetail{}, err
	}
	d := ProgramDetail{ProgramView: programView(p, byID, m)}
	if d.Provider, err = a.Store.PartnerByID(ctx, p.ProviderID); err != nil {
		return d, err
	}
	evs, err := a.Store.Events(ctx, store.EventQuery{ProgramID: p.ID})
	if err != nil {
		return d, err
	}
	for _, ev := range evs {
		if ev.Status != learning.EventDraft || d.CanManage {
			d.Events = append(d.Events, ev)
		}
	}
	me, err := a.self(ctx, actor)
	if err != nil || me.ID == 0 {
		return d, err
	}
	d.HasRecord = true
	gaps, elig, err := a.gapsFor(ctx, p.Program, me, byID)
	if err != nil {
		return d, err
	}
	d.Gaps, d.Eligibility = gaps, elig
	return d, nil
}

// gapsFor is which of an employee's gaps a program closes and whether they
// are eligible, both on today's current levels.
func (a *App) gapsFor(ctx context.Context, p learning.Program, e store.EmployeeRow, byID map[int64]competency.Competency) ([]GapView, learning.Eligibility, error) {
	as, err := a.Store.FinalAssessments(ctx, e.ID)
	if err != nil {
		return nil, learning.Eligibility{}, err
	}
	today := a.Today()
	g, err := a.gapOf(ctx, e, as, today)
	if err != nil {
		return nil, learning.Eligibility{}, err
	}
	var out []GapView
	for _, c := range p.ClosesGaps(g.Match.Lines) {
		out = append(out, GapView{GapClose: c, Code: byID[c.CompetencyID].Code, Name: byID[c.CompetencyID].Name})
	}
	elig, err := a.eligibility(ctx, p, e, as, today, byID)
	return out, elig, err
}

// eligibility checks an employee against a program on the current levels
// of its target competencies (standard or not).
func (a *App) eligibility(ctx context.Context, p learning.Program, e store.EmployeeRow, as []competency.Assessment, ref time.Time,
	byID map[int64]competency.Competency) (learning.Eligibility, error) {
	pol, err := a.Policy(ctx)
	if err != nil {
		return learning.Eligibility{}, err
	}
	current, names := map[int64]int{}, map[int64]string{}
	for _, t := range p.Targets {
		names[t.CompetencyID] = byID[t.CompetencyID].Name
		var mine []competency.Assessment
		for _, x := range as {
			if x.CompetencyID == t.CompetencyID {
				mine = append(mine, x)
			}
		}
		if cur := pol.CurrentLevel(mine, ref); cur.Assessed {
			current[t.CompetencyID] = cur.Level
		}
	}
	return p.Eligible(e.PositionKind, current, names), nil
}
