package app

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
	"asah/internal/talent"
)

// This file holds the talent use cases of PermenPANRB 3/2020: the 9-box
// placement of every employee (performance from the latest final annual
// predikat, potential from the JPM against the current position, optionally
// with an assessment-center potential score), an admin's confirmation or
// override of a placement, and succession lists of key positions. A box is
// a recommendation: it changes nothing by itself (UU PDP).

// PlacementRow is an employee with their 9-box placement.
type PlacementRow struct {
	Employee store.EmployeeRow
	talent.Placement
}

// placer computes placements from the inputs loaded once for a selection.
type placer struct {
	pol        talent.Policy
	annuals    map[int64]store.Annual
	potentials map[int64]store.PotentialScore
	reviews    map[int64]talent.Review
}

// newPlacer loads the inputs of the placements of a selection on ref (with
// the weaknesses of the latest final SKP when asked for: the IDP needs them).
func (a *App) newPlacer(ctx context.Context, f store.Filter, ref time.Time, withWeaknesses bool) (*placer, error) {
	tp, err := a.Store.LoadTalentPolicy(ctx)
	if err != nil {
		return nil, err
	}
	p := &placer{pol: tp}
	if p.annuals, err = a.Store.LatestAnnuals(ctx, f, ref.Year()+1, withWeaknesses); err != nil {
		return nil, err
	}
	if tp.AssessmentWeight > 0 {
		if p.potentials, err = a.Store.LatestPotentialScores(ctx, f, ref); err != nil {
			return nil, err
		}
	}
	if p.reviews, err = a.Store.LatestTalentReviews(ctx, f); err != nil {
		return nil, err
	}
	return p, nil
}

// place is the placement of one employee whose match against the current
// position is m.
func (p *placer) place(e *store.EmployeeRow, m *competency.Match) talent.Placement {
	in := talent.Input{EmployeeID: e.ID, JPM: m.JPM, HasJPM: m.HasJPM}
	if an, ok := p.annuals[e.ID]; ok {
		in.Predikat, in.PredikatYear, in.HasPredikat = an.Predikat, an.Year, true
	}
	if ps, ok := p.potentials[e.ID]; ok {
		in.Assessment, in.HasAssessment = ps.Score, true
	}
	pl := p.pol.Place(in)
	if r, ok := p.reviews[e.ID]; ok {
		pl = pl.WithReview(r)
	}
	return pl
}

// talentSet is the placement of every employee of a selection, and the
// succession pool (boxes 7–9 in force) with their assessments.
type talentSet struct {
	rows   []PlacementRow
	pool   []talent.Candidate
	policy talent.Policy
	comp   competency.Policy
}

// windows gives, for each official source, the earliest assessment date
// that can still count on ref (a day of margin; the rule decides exactly).
func windows(p competency.Policy, ref time.Time) map[competency.Source]time.Time {
	out := make(map[competency.Source]time.Time, len(p.Priority))
	for _, s := range p.Priority {
		if m := p.ValidityMonths[s]; m > 0 {
			out[s] = ref.AddDate(0, -m, -1)
		}
	}
	return out
}

// placements computes the placements of the employees a filter selects on
// ref, streaming them once. The standards and the placement inputs load
// while the assessment cursor already runs.
func (a *App) placements(ctx context.Context, f store.Filter, ref time.Time, keepPool bool) (*talentSet, error) {
	cp, err := a.Policy(ctx)
	if err != nil {
		return nil, err
	}
	type inputs struct {
		pl        *placer
		standards map[int64][]competency.Requirement
		n         int
		err       error
	}
	ready := make(chan inputs, 1)
	go func() {
		var in inputs
		if in.pl, in.err = a.newPlacer(ctx, f, ref, false); in.err == nil {
			if in.standards, in.err = a.Store.RequiredLevels(ctx); in.err == nil {
				in.n, in.err = a.Store.CountEmployees(ctx, f)
			}
		}
		ready <- in
	}()
	var in *inputs
	var set *talentSet
	m := competency.NewMatcher(cp)
	var lines []competency.Line
	err = a.Store.EachTalent(ctx, f, windows(cp, ref), func(e store.EmployeeRow, as []competency.Assessment) error {
		if in == nil {
			x := <-ready
			if x.err != nil {
				return x.err
			}
			in = &x
			set = &talentSet{policy: x.pl.pol, comp: cp, rows: make([]PlacementRow, 0, x.n)}
		}
		match := m.Match(in.standards[e.PositionID], as, ref, lines)
		lines = match.Lines
		p := in.pl.place(&e, &match)
		set.rows = append(set.rows, PlacementRow{Employee: e, Placement: p})
		if keepPool && p.Box.InSuccessionPool() {
			set.pool = append(set.pool, talent.Candidate{EmployeeID: e.ID, PositionID: e.PositionID, Kind: e.PositionKind,
				Jenjang: e.Jenjang, Box: p.Box, RetirementDate: e.RetirementDate, Assessments: slices.Clone(as)})
		}
		return nil
	})
	if in == nil { // no employee selected: still report the inputs' error
		x := <-ready
		if err == nil {
			err = x.err
		}
		if x.pl != nil {
			set = &talentSet{policy: x.pl.pol, comp: cp}
		}
	}
	if err != nil {
		return nil, err
	}
	return set, nil
}

// visibleIDs is the set of employees of a unit (all when "") within the
// actor's scope; nil means everyone (city-wide roles, no unit).
func (a *App) visibleIDs(ctx context.Context, actor Actor, unitCode string) (map[int64]bool, error) {
	w := within(actor)
	if w == nil && unitCode == "" {
		return nil, nil
	}
	ids, err := a.Store.EmployeeIDs(ctx, store.Filter{UnitCode: unitCode, Within: w})
	if err != nil {
		return nil, err
	}
	out := make(map[int64]bool, len(ids))
	for _, id := range ids {
		out[id] = true
	}
	return out, nil
}

// NineBoxCell is one box of a grid.
type NineBoxCell struct {
	Box     talent.Box
	Count   int
	Actions []talent.Action
	// People placed in the box within the viewer's scope, by name.
	People []PlacementRow
}

// UnitBoxes counts the boxes of one unit (with the units below it).
type UnitBoxes struct {
	UnitCode string
	UnitName string
	Counts   [10]int // index = box; 0 = not placed
	Total    int
}

// NineBoxGrid is the 9-box of a unit (or the city) as a viewer sees it.
type NineBoxGrid struct {
	UnitCode string // "" city-wide
	UnitName string
	Ref      time.Time
	// Cells[1..9] hold the boxes in force over the selection within the
	// viewer's scope; Cells[0] the employees not placed yet (with reasons).
	Cells [10]NineBoxCell
	Total int
	// Units counts the boxes per sub-unit of the selection (the top units
	// city-wide), within scope.
	Units []UnitBoxes
	// City counts every employee of the city (an aggregate, no names).
	City      [10]int
	CityTotal int
	// Reviewed is how many placements of the selection a person has
	// confirmed or overridden; Stale how many reviews need repeating.
	Reviewed int
	Stale    int
	Policy   talent.Policy
}

// NineBox places every employee on the 9-box today and returns the grid of
// a unit ("" city-wide) with counts and, within the viewer's scope, names.
func (a *App) NineBox(ctx context.Context, actor Actor, unitCode string) (NineBoxGrid, error) {
	if err := actor.Require(PermTalentRead); err != nil {
		return NineBoxGrid{}, err
	}
	units, sel, err := a.reportUnits(ctx, actor, unitCode)
	if err != nil {
		return NineBoxGrid{}, err
	}
	ref := a.Today()
	set, err := a.placements(ctx, store.Filter{}, ref, false)
	if err != nil {
		return NineBoxGrid{}, err
	}
	vis, err := a.visibleIDs(ctx, actor, unitCode)
	if err != nil {
		return NineBoxGrid{}, err
	}
	g := NineBoxGrid{UnitCode: unitCode, Ref: ref, Policy: set.policy}
	for b := range g.Cells {
		g.Cells[b].Box = talent.Box(b)
		g.Cells[b].Actions = talent.Box(b).Actions()
	}
	rowOf := rollup(units, sel)
	per := map[int64]*UnitBoxes{}
	// The rows are large: collect each box's members as indices, sort those
	// by name, and copy every row once into a slice of the exact size.
	var members [len(g.Cells)][]int32
	for i := range set.rows {
		r := &set.rows[i]
		g.City[r.Box]++
		g.CityTotal++
		if vis != nil && !vis[r.Employee.ID] {
			continue
		}
		members[r.Box] = append(members[r.Box], int32(i))
		g.Total++
		if r.Review != nil {
			g.Reviewed++
		}
		if r.Stale {
			g.Stale++
		}
		u := rowOf(r.Employee.UnitID)
		ub, ok := per[u]
		if !ok {
			ub = &UnitBoxes{}
			per[u] = ub
		}
		ub.Counts[r.Box]++
		ub.Total++
	}
	for b := range g.Cells {
		idx := members[b]
		slices.SortFunc(idx, func(x, y int32) int {
			if c := strings.Compare(set.rows[x].Employee.Name, set.rows[y].Employee.Name); c != 0 {
				return c
			}
			return int(set.rows[x].Employee.ID - set.rows[y].Employee.ID)
		})
		c := &g.Cells[b]
		c.Count = len(idx)
		c.People = make([]PlacementRow, len(idx))
		for j, i := range idx {
			c.People[j] = set.rows[i]
		}
	}
	for _, u := range units {
		if u.ID == sel && sel != 0 {
			g.UnitName = u.Name
		}
		if ub, ok := per[u.ID]; ok && u.ID != 0 {
			ub.UnitCode, ub.UnitName = u.Code, u.Name
			g.Units = append(g.Units, *ub)
		}
	}
	return g, nil
}

// EachPlacement streams the placement of every employee of a unit ("" all)
// within the actor's scope, in employee ID order (for exports and the CLI).
func (a *App) EachPlacement(ctx context.Context, actor Actor, unitCode string, fn func(*PlacementRow) error) error {
	if err := actor.Require(PermTalentRead); err != nil {
		return err
	}
	if _, _, err := a.reportUnits(ctx, actor, unitCode); err != nil {
		return err
	}
	set, err := a.placements(ctx, store.Filter{UnitCode: unitCode, Within: within(actor)}, a.Today(), false)
	if err != nil {
		return err
	}
	for i := range set.rows {
		if err := fn(&set.rows[i]); err != nil {
			return err
		}
	}
	return nil
}

// EmployeeTalentView is one employee's placement with its history.
type EmployeeTalentView struct {
	Row     PlacementRow
	Actions []talent.Action
	Reviews []talent.Review // newest first
	// CanReview is true when the viewer may confirm or override it.
	CanReview bool
}

// EmployeeTalent returns an employee's 9-box placement (the employee sees
// their own; supervisors and admins within scope).
func (a *App) EmployeeTalent(ctx context.Context, actor Actor, nip string) (EmployeeTalentView, error) {
	e, err := a.subject(ctx, actor, PermEmployeeRead, nip)
	if err != nil {
		return EmployeeTalentView{}, err
	}
	row, err := a.placementOf(ctx, e)
	if err != nil {
		return EmployeeTalentView{}, err
	}
	v := EmployeeTalentView{Row: row, Actions: row.Box.Actions()}
	if v.Reviews, err = a.Store.TalentReviews(ctx, e.ID); err != nil {
		return v, err
	}
	v.CanReview = actor.Can(PermTalentReview) && !isSelf(actor, e) && row.Computed.Valid()
	return v, nil
}

func (a *App) placementOf(ctx context.Context, e store.EmployeeRow) (PlacementRow, error) {
	set, err := a.placements(ctx, store.Filter{IDs: []int64{e.ID}}, a.Today(), false)
	if err != nil {
		return PlacementRow{}, err
	}
	if len(set.rows) != 1 {
		return PlacementRow{}, errOutOfScope("pegawai")
	}
	return set.rows[0], nil
}

// ReviewPlacement records an admin's decision on an employee's placement:
// box equal to the recommendation confirms it; another box overrides it and
// needs a reason. Audited; nobody reviews their own placement.
func (a *App) ReviewPlacement(ctx context.Context, actor Actor, nip string, box int, reason string) (PlacementRow, error) {
	e, err := a.subject(ctx, actor, PermTalentReview, nip)
	if err != nil {
		return PlacementRow{}, err
	}
	if isSelf(actor, e) {
		return PlacementRow{}, forbidden("Anda tidak dapat meninjau penempatan 9-box Anda sendiri")
	}
	row, err := a.placementOf(ctx, e)
	if err != nil {
		return PlacementRow{}, err
	}
	reviewer := actor.Name
	if reviewer == "" {
		reviewer = actor.Label()
	}
	r, err := talent.NewReview(row.Placement, talent.Box(box), reason, reviewer, a.Now())
	if err != nil {
		return PlacementRow{}, &Error{Code: CodeInvalid, Message: err.Error(), Fields: map[string]string{"box": err.Error()}}
	}
	if r.ID, err = a.Store.AddTalentReview(ctx, actor.Label(), e.NIP, r); err != nil {
		return PlacementRow{}, err
	}
	row.Placement = row.Placement.WithReview(r)
	return row, nil
}

// AddPotentialScore records an assessment-center potential score (0–100)
// for an employee in scope.
func (a *App) AddPotentialScore(ctx context.Context, actor Actor, nip string, score float64, assessedOn, assessor string) (int64, error) {
	e, err := a.subject(ctx, actor, PermTalentReview, nip)
	if err != nil {
		return 0, err
	}
	fields := map[string]string{}
	if score < 0 || score > 100 || score != score {
		fields["score"] = fmt.Sprintf("skor potensi %g di luar rentang 0–100", score)
	}
	on, err := time.Parse("2006-01-02", strings.TrimSpace(assessedOn))
	if err != nil {
		fields["assessed_on"] = fmt.Sprintf("tanggal asesmen %q tidak valid (format YYYY-MM-DD)", assessedOn)
	} else if on.After(a.Today()) {
		fields["assessed_on"] = fmt.Sprintf("tanggal asesmen %s belum terjadi", assessedOn)
	}
	if len(assessor) > 200 {
		fields["assessor"] = "nama asesor paling banyak 200 karakter"
	}
	if len(fields) > 0 {
		return 0, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	return a.Store.AddPotentialScore(ctx, actor.Label(), e.NIP, store.PotentialScore{EmployeeID: e.ID, Score: score, AssessedOn: on,
		Assessor: strings.TrimSpace(assessor)})
}

// TalentPolicy returns the talent policy in force.
func (a *App) TalentPolicy(ctx context.Context) (talent.Policy, error) {
	return a.Store.LoadTalentPolicy(ctx)
}

// SaveTalentPolicy stores a talent policy (bands, weights, readiness, feeders).
func (a *App) SaveTalentPolicy(ctx context.Context, actor Actor, p talent.Policy) error {
	if err := actor.Require(PermTalentConfig); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return Invalid(err.Error())
	}
	return a.Store.SaveTalentPolicy(ctx, actor.Label(), p)
}

// ---- succession ----

// PersonRef names an employee in a succession list; outside the viewer's
// scope only the unit, box and numbers are shown (Visible false).
type PersonRef struct {
	Visible        bool
	EmployeeID     int64
	NIP            string
	Name           string
	PositionTitle  string
	UnitCode       string
	UnitName       string
	RetirementDate time.Time
}

// SuccessorView is a ranked candidate.
type SuccessorView struct {
	Person PersonRef
	talent.Successor
}

// SuccessionView is the succession list of one key position.
type SuccessionView struct {
	Position       store.PositionRow
	Holders        []PersonRef
	Vacant         bool
	HolderRetiring bool // a holder retires within the policy's horizon
	Successors     []SuccessorView
	Eligible       int // pool members who could succeed, before the limit
}

// Succession builds the succession lists of the key positions of a unit
// ("" all the actor may see): candidates from the city's succession pool
// (boxes 7–9 in force) ranked by JPM against each position's standard, with
// readiness and retirement dates. Names outside the viewer's scope are
// withheld.
func (a *App) Succession(ctx context.Context, actor Actor, unitCode string) ([]SuccessionView, error) {
	if err := actor.Require(PermSuccessionRead); err != nil {
		return nil, err
	}
	sc := ScopeOf(actor)
	if !sc.All && sc.UnitCode == "" {
		return nil, forbidden("daftar suksesi hanya untuk admin dan pimpinan")
	}
	if unitCode == "" && !sc.All {
		unitCode = sc.UnitCode
	}
	if _, _, err := a.reportUnits(ctx, actor, unitCode); err != nil {
		return nil, err
	}
	positions, err := a.Store.Positions(ctx, unitCode)
	if err != nil {
		return nil, err
	}
	var keys []store.PositionRow
	for _, p := range positions {
		if p.Key {
			keys = append(keys, p)
		}
	}
	if len(keys) == 0 {
		return nil, nil
	}
	ref := a.Today()
	set, err := a.placements(ctx, store.Filter{}, ref, true)
	if err != nil {
		return nil, err
	}
	vis, err := a.visibleIDs(ctx, actor, "")
	if err != nil {
		return nil, err
	}
	standards, err := a.Store.RequiredLevels(ctx)
	if err != nil {
		return nil, err
	}
	byID := make(map[int64]*store.EmployeeRow, len(set.rows))
	holders := map[int64][]talent.Holder{}
	isKey := map[int64]bool{}
	for _, p := range keys {
		isKey[p.ID] = true
	}
	for i := range set.rows {
		e := &set.rows[i].Employee
		byID[e.ID] = e
		if isKey[e.PositionID] {
			holders[e.PositionID] = append(holders[e.PositionID], talent.Holder{EmployeeID: e.ID, RetirementDate: e.RetirementDate})
		}
	}
	kps := make([]talent.KeyPosition, len(keys))
	for i, p := range keys {
		kps[i] = talent.KeyPosition{ID: p.ID, Kind: p.Kind, Jenjang: p.Jenjang, Standard: standards[p.ID], Holders: holders[p.ID]}
	}
	lists := set.policy.Succession(competency.NewMatcher(set.comp), kps, set.pool, ref)
	ref2 := func(id int64) PersonRef {
		e := byID[id]
		if e == nil {
			return PersonRef{EmployeeID: id}
		}
		r := PersonRef{EmployeeID: id, UnitCode: e.UnitCode, UnitName: e.UnitName, PositionTitle: e.PositionTitle,
			RetirementDate: e.RetirementDate, Visible: vis == nil || vis[id]}
		if r.Visible {
			r.NIP, r.Name = e.NIP, e.Name
		} else {
			r.EmployeeID = 0
		}
		return r
	}
	out := make([]SuccessionView, len(lists))
	for i, l := range lists {
		v := SuccessionView{Position: keys[i], Vacant: l.Vacant, HolderRetiring: l.HolderRetiring, Eligible: l.Eligible}
		for _, h := range l.Holders {
			v.Holders = append(v.Holders, ref2(h.EmployeeID))
		}
		for _, s := range l.Successors {
			p := ref2(s.EmployeeID)
			if !p.Visible {
				s.EmployeeID = 0 // withheld with the name
			}
			v.Successors = append(v.Successors, SuccessorView{Person: p, Successor: s})
		}
		out[i] = v
	}
	return out, nil
}
