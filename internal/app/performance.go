package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/development"
	"asah/internal/performance"
	"asah/internal/store"
)

// This file holds the performance evaluation (SKP) use cases of
// PermenPANRB 6/2022: performance years and their periods, the SKP of one
// employee through draft → agreed → evaluated → final, and the predikat
// distribution report. Who may do what:
//
//   - an admin BKPSDM opens a performance year and opens and closes periods;
//   - the employee, the rater (the direct supervisor when the SKP was
//     created) and an admin in scope write and revise the plan and add
//     feedback;
//   - the employee agrees as the employee and acknowledges evaluations;
//     only the employee does;
//   - the rater or an admin in scope agrees on the rater's side and
//     evaluates; nobody rates their own SKP;
//   - anyone who may read the employee (scope) sees the SKP.

// userError turns an error of a domain rule into an app error: a refused
// workflow step is a conflict, anything else the user typed is invalid.
func userError(err error) error {
	if err == nil {
		return nil
	}
	var pe *performance.TransitionError
	var de *development.TransitionError
	if errors.As(err, &pe) || errors.As(err, &de) {
		return &Error{Code: CodeConflict, Message: err.Error()}
	}
	var ae *Error
	if errors.As(err, &ae) {
		return err
	}
	return Invalid(err.Error())
}

// storeError maps the store's sentinel errors; others pass unchanged.
func storeError(err error, what string) error {
	switch {
	case err == nil:
		return nil
	case errors.Is(err, store.ErrConflict):
		return &Error{Code: CodeConflict, Message: strings.TrimPrefix(err.Error(), store.ErrConflict.Error()+": ")}
	case errors.Is(err, store.ErrNotFound):
		return NotFound(what + " tidak ditemukan")
	}
	return err
}

func isAdmin(actor Actor) bool { return actor.Role == RoleAdminBKPSDM || actor.Role == RoleAdminOPD }

func isSelf(actor Actor, e store.EmployeeRow) bool {
	return actor.EmployeeID != 0 && actor.EmployeeID == e.ID
}

// subject loads the employee a use case is about: the actor needs perm and
// the employee must lie in the actor's scope (else not found).
func (a *App) subject(ctx context.Context, actor Actor, perm Permission, nip string) (store.EmployeeRow, error) {
	if err := actor.Require(perm); err != nil {
		return store.EmployeeRow{}, err
	}
	return a.employeeInScope(ctx, actor, strings.TrimSpace(nip))
}

func forbidden(msg string) error { return &Error{Code: CodeForbidden, Message: msg} }

func checkYear(year int) error {
	if year < 2000 || year > 2100 {
		return &Error{Code: CodeInvalid, Message: fmt.Sprintf("tahun %d di luar rentang 2000–2100", year),
			Fields: map[string]string{"year": "di luar rentang"}}
	}
	return nil
}

// ---- periods ----

// OpenPerformanceYear creates the periods of a performance year for a
// frequency ("triwulanan" by default: Triwulan I–IV and the annual
// evaluation). The periods start pending; the admin opens each.
func (a *App) OpenPerformanceYear(ctx context.Context, actor Actor, year int, frequency string) ([]performance.Period, error) {
	if err := actor.Require(PermPeriodManage); err != nil {
		return nil, err
	}
	if err := checkYear(year); err != nil {
		return nil, err
	}
	f := performance.DefaultFrequency
	if strings.TrimSpace(frequency) != "" {
		var err error
		if f, err = performance.ParseFrequency(frequency); err != nil {
			return nil, &Error{Code: CodeInvalid, Message: err.Error(), Fields: map[string]string{"frequency": "tidak dikenal"}}
		}
	}
	ps, err := performance.Periods(year, f)
	if err != nil {
		return nil, Invalid(err.Error())
	}
	if err := a.Store.CreatePeriods(ctx, actor.Label(), ps); err != nil {
		return nil, storeError(err, "periode")
	}
	return a.Store.Periods(ctx, year)
}

// SetPeriodStatus opens ("open") or closes ("closed") a period of a year
// (seq 0: the annual evaluation).
func (a *App) SetPeriodStatus(ctx context.Context, actor Actor, year, seq int, status string) (performance.Period, error) {
	if err := actor.Require(PermPeriodManage); err != nil {
		return performance.Period{}, err
	}
	to, err := performance.ParsePeriodStatus(status)
	if err != nil {
		return performance.Period{}, &Error{Code: CodeInvalid, Message: err.Error(), Fields: map[string]string{"status": "tidak dikenal"}}
	}
	p, err := a.Store.UpdatePeriod(ctx, actor.Label(), year, seq, func(p *performance.Period) error {
		np, err := p.SetStatus(to)
		if err != nil {
			return &Error{Code: CodeConflict, Message: err.Error()}
		}
		*p = np
		return nil
	})
	return p, storeError(err, fmt.Sprintf("periode %d tahun %d", seq, year))
}

// PerformancePeriods lists the periods of a year (every year when 0).
func (a *App) PerformancePeriods(ctx context.Context, actor Actor, year int) ([]performance.Period, error) {
	if err := actor.Require(PermSKPRead); err != nil {
		return nil, err
	}
	return a.Store.Periods(ctx, year)
}

// ---- SKP ----

// SKPActions says what the viewer may do with an SKP now.
type SKPActions struct {
	Create          bool
	EditPlan        bool
	AgreeAsEmployee bool
	AgreeAsRater    bool
	Revise          bool
	Feedback        bool
	Evaluate        bool
	Acknowledge     bool
}

// SKPView is an employee's SKP of one year as a viewer sees it.
type SKPView struct {
	Employee store.EmployeeRow
	// Exists is false when the employee has no SKP for the year yet (SKP
	// is then the zero value).
	Exists    bool
	SKP       performance.SKP
	RaterName string
	RaterNIP  string
	// Periods of the year (empty when the year has not been opened).
	Periods []performance.Period
	// Competencies names the competencies that notes refer to.
	Competencies map[int64]competency.Competency
	History      []store.SKPSummary
	Can          SKPActions
}

// relation is how an actor stands to an SKP.
type relation struct {
	self, rater, admin bool
}

func skpRelation(actor Actor, e store.EmployeeRow, k *performance.SKP) relation {
	r := relation{self: isSelf(actor, e), admin: isAdmin(actor)}
	raterID := e.SupervisorID
	if k != nil && k.ID != 0 {
		raterID = k.RaterID
	}
	r.rater = !r.self && actor.EmployeeID != 0 && actor.EmployeeID == raterID
	return r
}

func (r relation) raterSide() bool { return !r.self && (r.rater || r.admin) }

func (a *App) skpActions(actor Actor, e store.EmployeeRow, k *performance.SKP, exists bool, periods []performance.Period) SKPActions {
	r := skpRelation(actor, e, k)
	var c SKPActions
	write, rate := actor.Can(PermSKPWrite), actor.Can(PermSKPRate)
	if !exists {
		c.Create = write && len(periods) > 0 && (r.self || r.rater || r.admin)
		return c
	}
	st := k.State()
	ok := func(act performance.Action) bool { _, err := performance.Next(st, act); return err == nil }
	c.EditPlan = write && (r.self || r.rater || r.admin) && ok(performance.ActEditPlan)
	c.AgreeAsEmployee = write && r.self && ok(performance.ActAgreeEmployee)
	c.AgreeAsRater = write && r.raterSide() && ok(performance.ActAgreeRater)
	c.Revise = write && (r.self || r.rater || r.admin) && ok(performance.ActRevise)
	c.Feedback = write && (r.self || r.rater || r.admin) && ok(performance.ActFeedback)
	anyOpen := false
	for _, p := range periods {
		anyOpen = anyOpen || p.Status == performance.PeriodOpen
	}
	c.Evaluate = rate && r.raterSide() && anyOpen && (ok(performance.ActEvaluate) || ok(performance.ActEvaluateAnnual))
	if write && r.self && ok(performance.ActAcknowledge) {
		for _, ev := range k.Evaluations {
			c.Acknowledge = c.Acknowledge || ev.AcknowledgedAt.IsZero()
		}
	}
	return c
}

// SKP returns an employee's SKP of a year with what the actor may do.
func (a *App) SKP(ctx context.Context, actor Actor, nip string, year int) (SKPView, error) {
	e, err := a.subject(ctx, actor, PermSKPRead, nip)
	if err != nil {
		return SKPView{}, err
	}
	if err := checkYear(year); err != nil {
		return SKPView{}, err
	}
	return a.skpView(ctx, actor, e, year)
}

func (a *App) skpView(ctx context.Context, actor Actor, e store.EmployeeRow, year int) (SKPView, error) {
	v := SKPView{Employee: e}
	k, err := a.Store.SKP(ctx, e.ID, year)
	switch {
	case err == nil:
		v.Exists, v.SKP = true, k
	case !errors.Is(err, store.ErrNotFound):
		return v, err
	}
	if v.Periods, err = a.Store.Periods(ctx, year); err != nil {
		return v, err
	}
	if v.History, err = a.Store.SKPHistory(ctx, e.ID); err != nil {
		return v, err
	}
	raterID := e.SupervisorID
	if v.Exists {
		raterID = k.RaterID
	}
	if raterID != 0 {
		r, err := a.Store.EmployeeByID(ctx, raterID)
		switch {
		case err == nil:
			v.RaterName, v.RaterNIP = r.Name, r.NIP
		case !errors.Is(err, store.ErrNotFound):
			return v, err
		}
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return v, err
	}
	v.Competencies = make(map[int64]competency.Competency, len(comps))
	for _, c := range comps {
		v.Competencies[c.ID] = c
	}
	v.Can = a.skpActions(actor, e, &v.SKP, v.Exists, v.Periods)
	return v, nil
}

// CreateSKP starts the employee's SKP of a year as a draft, rated by their
// current direct supervisor. The year must have been opened.
func (a *App) CreateSKP(ctx context.Context, actor Actor, nip string, year int) (SKPView, error) {
	e, err := a.subject(ctx, actor, PermSKPWrite, nip)
	if err != nil {
		return SKPView{}, err
	}
	if err := checkYear(year); err != nil {
		return SKPView{}, err
	}
	r := skpRelation(actor, e, nil)
	if !r.self && !r.rater && !r.admin {
		return SKPView{}, forbidden("SKP dibuat oleh pegawai yang bersangkutan, atasan langsungnya, atau admin")
	}
	ps, err := a.Store.Periods(ctx, year)
	if err != nil {
		return SKPView{}, err
	}
	if len(ps) == 0 {
		return SKPView{}, &Error{Code: CodeConflict, Message: fmt.Sprintf("tahun kinerja %d belum dibuka: admin BKPSDM perlu membuat periode penilaiannya lebih dulu", year)}
	}
	if _, err := a.Store.CreateSKP(ctx, actor.Label(), e.NIP, performance.New(e.ID, year, e.SupervisorID, a.Now())); err != nil {
		return SKPView{}, storeError(err, "SKP")
	}
	return a.skpView(ctx, actor, e, year)
}

// changeSKP runs one workflow step on an existing SKP after checking the
// permission and the employee's scope; step checks the relationship and
// applies the domain rule.
func (a *App) changeSKP(ctx context.Context, actor Actor, perm Permission, nip string, year int, action string,
	step func(e store.EmployeeRow, r relation, k *performance.SKP) (before, after any, err error)) (SKPView, error) {
	e, err := a.subject(ctx, actor, perm, nip)
	if err != nil {
		return SKPView{}, err
	}
	_, err = a.Store.UpdateSKP(ctx, actor.Label(), e.NIP, e.ID, year, action, func(k *performance.SKP) (any, any, error) {
		b, af, err := step(e, skpRelation(actor, e, k), k)
		return b, af, userError(err)
	})
	if err != nil {
		return SKPView{}, storeError(err, fmt.Sprintf("SKP tahun %d", year))
	}
	return a.skpView(ctx, actor, e, year)
}

func planAudit(k *performance.SKP) map[string]any {
	return map[string]any{"status": k.Status, "results": len(k.Plan.Results)}
}

// SaveSKPPlan replaces the plan of a draft SKP (work results, indicators,
// targets, special expectations). Any change clears both agreements.
func (a *App) SaveSKPPlan(ctx context.Context, actor Actor, nip string, year int, plan performance.Plan) (SKPView, error) {
	return a.changeSKP(ctx, actor, PermSKPWrite, nip, year, "skp.plan", func(e store.EmployeeRow, r relation, k *performance.SKP) (any, any, error) {
		if !r.self && !r.rater && !r.admin {
			return nil, nil, forbidden("rencana SKP diubah oleh pegawai, pejabat penilai, atau admin")
		}
		before := planAudit(k)
		if err := k.EditPlan(plan, a.Now()); err != nil {
			return nil, nil, err
		}
		after := planAudit(k)
		after["plan"] = k.Plan
		return before, after, nil
	})
}

// AgreeSKP records the actor's agreement to a draft SKP: as the employee
// when it is their own, else as the rater (the rater or an admin).
func (a *App) AgreeSKP(ctx context.Context, actor Actor, nip string, year int) (SKPView, error) {
	return a.changeSKP(ctx, actor, PermSKPWrite, nip, year, "skp.agree", func(e store.EmployeeRow, r relation, k *performance.SKP) (any, any, error) {
		side := performance.SideEmployee
		switch {
		case r.self:
		case r.raterSide():
			side = performance.SideRater
		default:
			return nil, nil, forbidden("SKP disetujui oleh pegawai yang bersangkutan dan pejabat penilainya")
		}
		before := planAudit(k)
		if err := k.Agree(side, a.Now()); err != nil {
			return nil, nil, err
		}
		after := planAudit(k)
		after["side"] = side
		return before, after, nil
	})
}

// ReviseSKP reopens an agreed SKP as a draft (both agree again afterwards).
func (a *App) ReviseSKP(ctx context.Context, actor Actor, nip string, year int) (SKPView, error) {
	return a.changeSKP(ctx, actor, PermSKPWrite, nip, year, "skp.revise", func(e store.EmployeeRow, r relation, k *performance.SKP) (any, any, error) {
		if !r.self && !r.rater && !r.admin {
			return nil, nil, forbidden("revisi SKP diajukan oleh pegawai, pejabat penilai, atau admin")
		}
		before := planAudit(k)
		if err := k.Revise(a.Now()); err != nil {
			return nil, nil, err
		}
		return before, planAudit(k), nil
	})
}

// AddSKPFeedback adds a feedback note to an agreed or evaluated SKP.
func (a *App) AddSKPFeedback(ctx context.Context, actor Actor, nip string, year int, text string) (SKPView, error) {
	return a.changeSKP(ctx, actor, PermSKPWrite, nip, year, "skp.feedback", func(e store.EmployeeRow, r relation, k *performance.SKP) (any, any, error) {
		if !r.self && !r.rater && !r.admin {
			return nil, nil, forbidden("umpan balik dicatat oleh pegawai, pejabat penilai, atau admin")
		}
		if err := k.AddFeedback(performance.Feedback{At: a.Now(), AuthorID: actor.EmployeeID, Author: actor.Name, Text: text}); err != nil {
			return nil, nil, err
		}
		return nil, map[string]any{"feedback": strings.TrimSpace(text), "author": actor.Name}, nil
	})
}

// NoteInput is a strength or weakness as a user submits it.
type NoteInput struct {
	Kind       string // kekuatan/strength or kelemahan/weakness
	Competency string // dictionary code, e.g. M.4
	Text       string
}

// EvaluationInput is an evaluation as a rater submits it.
type EvaluationInput struct {
	Period      int    // period number; 0 for the annual evaluation
	Hasil       string // di_atas, sesuai, di_bawah (labels accepted)
	Perilaku    string
	Note        string
	EvaluatedOn string // YYYY-MM-DD; default today
	Notes       []NoteInput
}

// EvaluateSKP records the evaluation of a period: the rater or an admin in
// scope, never the employee. The predikat follows from the two ratings; the
// annual evaluation makes the SKP final. Every field at fault is named.
func (a *App) EvaluateSKP(ctx context.Context, actor Actor, nip string, year int, in EvaluationInput) (SKPView, error) {
	fields := map[string]string{}
	hasil, err := performance.ParseRating(in.Hasil)
	if err != nil {
		fields["hasil"] = "hasil kerja: " + err.Error()
	}
	perilaku, err := performance.ParseRating(in.Perilaku)
	if err != nil {
		fields["perilaku"] = "perilaku kerja: " + err.Error()
	}
	on := a.Today()
	if s := strings.TrimSpace(in.EvaluatedOn); s != "" {
		if on, err = time.Parse("2006-01-02", s); err != nil {
			fields["evaluated_on"] = fmt.Sprintf("tanggal evaluasi %q tidak valid (format YYYY-MM-DD)", s)
		} else if on.After(a.Today()) {
			fields["evaluated_on"] = fmt.Sprintf("tanggal evaluasi %s belum terjadi", s)
		}
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return SKPView{}, err
	}
	var notes []performance.Note
	for i, n := range in.Notes {
		kind, err := performance.ParseNoteKind(n.Kind)
		if err != nil {
			fields[fmt.Sprintf("notes.%d.kind", i)] = fmt.Sprintf("catatan ke-%d: %v", i+1, err)
			continue
		}
		code := strings.TrimSpace(n.Competency)
		var id int64
		for _, c := range comps {
			if c.Code == code {
				id = c.ID
			}
		}
		if id == 0 {
			fields[fmt.Sprintf("notes.%d.competency", i)] = fmt.Sprintf("catatan ke-%d: kode kompetensi %q tidak dikenal", i+1, code)
			continue
		}
		notes = append(notes, performance.Note{Kind: kind, CompetencyID: id, Text: n.Text})
	}
	if len(fields) > 0 {
		return SKPView{}, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	if err := checkYear(year); err != nil {
		return SKPView{}, err
	}
	e, err := a.subject(ctx, actor, PermSKPRate, nip)
	if err != nil {
		return SKPView{}, err
	}
	p, err := a.Store.Period(ctx, year, in.Period)
	if errors.Is(err, store.ErrNotFound) {
		return SKPView{}, &Error{Code: CodeInvalid, Message: fmt.Sprintf("periode %d tahun %d tidak ada", in.Period, year),
			Fields: map[string]string{"period": "tidak ada"}}
	} else if err != nil {
		return SKPView{}, err
	}
	return a.changeSKP(ctx, actor, PermSKPRate, e.NIP, year, "skp.evaluate", func(e store.EmployeeRow, r relation, k *performance.SKP) (any, any, error) {
		if r.self {
			return nil, nil, forbidden("Anda tidak dapat menilai SKP Anda sendiri")
		}
		if !r.raterSide() {
			return nil, nil, forbidden("SKP hanya dinilai oleh pejabat penilai (atasan langsung) atau admin")
		}
		var before any
		if old, ok := k.Evaluation(p.Seq); ok {
			before = map[string]any{"period": p.Name, "predikat": old.Predikat}
		}
		ev := performance.Evaluation{Hasil: hasil, Perilaku: perilaku, Note: in.Note, Notes: notes, EvaluatedOn: on,
			RaterID: actor.EmployeeID, RaterName: actor.Name}
		if err := k.Evaluate(p, ev, a.Now()); err != nil {
			return nil, nil, err
		}
		got, _ := k.Evaluation(p.Seq)
		return before, map[string]any{"period": p.Name, "hasil": got.Hasil, "perilaku": got.Perilaku, "predikat": got.Predikat,
			"notes": got.Notes, "status": k.Status}, nil
	})
}

// AcknowledgeEvaluation records that the employee has seen the evaluation
// of a period (0: the annual one). Only the employee does.
func (a *App) AcknowledgeEvaluation(ctx context.Context, actor Actor, nip string, year, seq int) (SKPView, error) {
	return a.changeSKP(ctx, actor, PermSKPWrite, nip, year, "skp.acknowledge", func(e store.EmployeeRow, r relation, k *performance.SKP) (any, any, error) {
		if !r.self {
			return nil, nil, forbidden("hasil evaluasi diakui oleh pegawai yang dinilai sendiri")
		}
		if err := k.Acknowledge(seq, a.Now()); err != nil {
			return nil, nil, err
		}
		return nil, map[string]any{"period_seq": seq}, nil
	})
}

// ---- report ----

// PredikatRow counts the predikat of one unit (with the units below it).
type PredikatRow struct {
	UnitCode  string
	UnitName  string
	Counts    [5]int // in the order of performance.Predikats(): Sangat Baik … Sangat Kurang
	Evaluated int
	Headcount int
}

func (r *PredikatRow) add(p performance.Predikat, n int) {
	for i, x := range performance.Predikats() {
		if x == p {
			r.Counts[i] += n
			r.Evaluated += n
		}
	}
}

// PredikatReport is the distribution of predikat of one period.
type PredikatReport struct {
	Year   int
	Period performance.Period
	// UnitCode is the unit reported on ("" city-wide); Rows are its
	// direct sub-units (or the top units city-wide) within the viewer's
	// scope, plus the unit itself for the employees placed directly in it.
	UnitCode string
	Rows     []PredikatRow
	Total    PredikatRow // the selection within the viewer's scope
	City     PredikatRow // city-wide, for comparison (counts only)
}

// PredikatDistribution reports the predikat of a period (0: annual) per
// unit and city-wide. Rows are limited to the viewer's scope; the city row
// is an aggregate.
func (a *App) PredikatDistribution(ctx context.Context, actor Actor, year, seq int, unitCode string) (PredikatReport, error) {
	if err := actor.Require(PermPerformanceReport); err != nil {
		return PredikatReport{}, err
	}
	if err := checkYear(year); err != nil {
		return PredikatReport{}, err
	}
	rep := PredikatReport{Year: year, UnitCode: unitCode}
	p, err := a.Store.Period(ctx, year, seq)
	if errors.Is(err, store.ErrNotFound) {
		return rep, NotFound(fmt.Sprintf("periode %d tahun %d tidak ada", seq, year))
	} else if err != nil {
		return rep, err
	}
	rep.Period = p
	units, sel, err := a.reportUnits(ctx, actor, unitCode)
	if err != nil {
		return rep, err
	}
	counts, heads, err := a.Store.PredikatCounts(ctx, store.Filter{UnitCode: unitCode, Within: within(actor)}, year, seq)
	if err != nil {
		return rep, err
	}
	rowOf := rollup(units, sel)
	rows := map[int64]*PredikatRow{}
	row := func(uid int64) *PredikatRow {
		r, ok := rows[uid]
		if !ok {
			r = &PredikatRow{}
			rows[uid] = r
		}
		return r
	}
	for _, c := range counts {
		row(rowOf(c.UnitID)).add(c.Predikat, c.N)
		rep.Total.add(c.Predikat, c.N)
	}
	for u, n := range heads {
		row(rowOf(u)).Headcount += n
		rep.Total.Headcount += n
	}
	for _, u := range units {
		if r, ok := rows[u.ID]; ok && u.ID != 0 && r.Headcount > 0 {
			r.UnitCode, r.UnitName = u.Code, u.Name
			rep.Rows = append(rep.Rows, *r)
		}
	}
	cityCounts, cityHeads, err := a.Store.PredikatCounts(ctx, store.Filter{}, year, seq)
	if err != nil {
		return rep, err
	}
	for _, c := range cityCounts {
		rep.City.add(c.Predikat, c.N)
	}
	for _, n := range cityHeads {
		rep.City.Headcount += n
	}
	rep.Total.UnitCode, rep.City.UnitName = unitCode, "Kota Bandung"
	return rep, nil
}

// reportUnits checks a report's unit (it must exist and, for an agency
// admin, lie in its subtree) and returns every unit in tree order with the
// ID of the selected one (0 city-wide).
func (a *App) reportUnits(ctx context.Context, actor Actor, unitCode string) ([]store.UnitSummary, int64, error) {
	units, err := a.Store.Units(ctx)
	if err != nil {
		return nil, 0, err
	}
	if unitCode == "" {
		return units, 0, nil
	}
	for _, u := range units {
		if u.Code != unitCode {
			continue
		}
		if sc := ScopeOf(actor); sc.UnitCode != "" {
			if ok, err := a.unitInScope(ctx, actor, u.ID); err != nil {
				return nil, 0, err
			} else if !ok {
				break
			}
		}
		return units, u.ID, nil
	}
	return nil, 0, NotFound(fmt.Sprintf("unit %q tidak ditemukan", unitCode))
}

// rollup maps a unit to its report row: the child of sel on the path from
// the unit up (sel itself for its own employees); city-wide (sel 0) the top
// unit.
func rollup(units []store.UnitSummary, sel int64) func(int64) int64 {
	parent := make(map[int64]int64, len(units))
	for _, u := range units {
		parent[u.ID] = u.ParentID
	}
	return func(id int64) int64 {
		if id == sel {
			return id
		}
		for id != 0 {
			p := parent[id]
			if p == sel {
				return id
			}
			id = p
		}
		return 0
	}
}
