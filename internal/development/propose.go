package development

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/performance"
	"asah/internal/talent"
)

// FormRule picks the form for a shortfall of a kind of competency: Large
// from LargeFrom levels of shortfall on, Small below.
type FormRule struct {
	Large Form `json:"large"`
	Small Form `json:"small"`
}

// BoxItem is the development item a 9-box recommendation proposes.
type BoxItem struct {
	Form       Form   `json:"form"`
	Competency string `json:"competency"` // dictionary code, e.g. M.4
}

// Policy holds the configurable numbers of development planning.
type Policy struct {
	// TargetJP is the yearly JP right per employee kind (PNS 20; PPPK up
	// to 24 per contract year).
	TargetJP map[people.EmployeeKind]int `json:"target_jp"`
	// JP is the planned JP of one activity of each form. Non-classroom
	// forms follow the city's credit table.
	JP map[Form]int `json:"jp"`
	// KindWeight orders shortfalls of equal size: the heavier kind first.
	KindWeight map[competency.Kind]float64 `json:"kind_weight"`
	// MaxItems bounds a proposal.
	MaxItems int `json:"max_items"`
	// LargeFrom is the shortfall (in levels) from which the Large form of
	// GapForms is proposed.
	LargeFrom int                          `json:"large_from"`
	GapForms  map[competency.Kind]FormRule `json:"gap_forms"`
	Weakness  Form                         `json:"weakness_form"`
	BoxItems  map[talent.Box]BoxItem       `json:"box_items"`
	TopUp     map[competency.Kind]Form     `json:"top_up"`
}

// DefaultPolicy returns the defaults: 20 JP for PNS and 24 for PPPK; the
// common local JP table for non-classroom forms (coaching, mentoring and
// self-study 2, e-learning 3, distance training 4, benchmarking 10,
// internship, secondment and exchange 20); technical shortfalls before
// managerial before sociocultural of the same size; at most 5 items.
func DefaultPolicy() Policy {
	return Policy{
		TargetJP: map[people.EmployeeKind]int{people.PNS: 20, people.PPPK: 24},
		JP: map[Form]int{
			PelatihanStruktural: 0, PelatihanManajerial: 24, PelatihanTeknis: 24, PelatihanFungsional: 24,
			PelatihanSosialKultur: 16, Seminar: 4, Workshop: 8, Kursus: 16, Penataran: 16, Bimtek: 16, Sosialisasi: 2,
			Coaching: 2, Mentoring: 2, ELearning: 3, PelatihanJarakJauh: 4, Detasering: 20, Outbound: 8,
			PatokBanding: 10, PertukaranPegawai: 20, BelajarMandiri: 2, KomunitasBelajar: 2, BimbinganTempatKerja: 2, Magang: 20,
		},
		KindWeight: map[competency.Kind]float64{competency.Technical: 3, competency.Managerial: 2, competency.Sociocultural: 1},
		MaxItems:   5,
		LargeFrom:  2,
		GapForms: map[competency.Kind]FormRule{
			competency.Managerial:    {Large: PelatihanManajerial, Small: Coaching},
			competency.Sociocultural: {Large: PelatihanSosialKultur, Small: ELearning},
			competency.Technical:     {Large: PelatihanTeknis, Small: Bimtek},
		},
		Weakness: Coaching,
		BoxItems: map[talent.Box]BoxItem{
			9: {Form: Mentoring, Competency: "M.8"},            // promotion: prepare for the next position
			8: {Form: Coaching, Competency: "M.4"},             // performance coaching
			7: {Form: BimbinganTempatKerja, Competency: "M.7"}, // job enrichment
			6: {Form: Coaching, Competency: "M.4"},             // performance coaching and counselling
			5: {Form: Coaching, Competency: "M.4"},             // performance coaching
			4: {Form: PatokBanding, Competency: "M.7"},         // rotation
			3: {Form: Coaching, Competency: "M.4"},             // coaching, counselling
			2: {Form: Coaching, Competency: "M.4"},             // coaching
		},
		TopUp: map[competency.Kind]Form{
			competency.Technical:     PelatihanTeknis,
			competency.Managerial:    PelatihanManajerial,
			competency.Sociocultural: PelatihanSosialKultur,
		},
	}
}

// Validate reports the first inconsistency of a policy.
func (p Policy) Validate() error {
	for _, k := range []people.EmployeeKind{people.PNS, people.PPPK} {
		if v := p.TargetJP[k]; v < 0 || v > 500 {
			return fmt.Errorf("kebijakan pengembangan: target JP %s %d di luar 0–500", k, v)
		}
	}
	forms := make([]string, 0, len(p.JP))
	for f := range p.JP {
		forms = append(forms, string(f))
	}
	sort.Strings(forms)
	for _, f := range forms {
		if !Form(f).Valid() {
			return fmt.Errorf("kebijakan pengembangan: bentuk %q tidak dikenal", f)
		}
		if v := p.JP[Form(f)]; v < 0 || v > MaxJPPerItem {
			return fmt.Errorf("kebijakan pengembangan: JP %s %d di luar 0–%d", f, v, MaxJPPerItem)
		}
	}
	for k, w := range p.KindWeight {
		if w < 0 {
			return fmt.Errorf("kebijakan pengembangan: bobot %s negatif", k)
		}
	}
	if p.MaxItems < 1 || p.MaxItems > MaxItems {
		return fmt.Errorf("kebijakan pengembangan: jumlah kegiatan usulan %d di luar 1–%d", p.MaxItems, MaxItems)
	}
	if p.LargeFrom < 1 || p.LargeFrom > 4 {
		return fmt.Errorf("kebijakan pengembangan: batas kesenjangan besar %d di luar 1–4", p.LargeFrom)
	}
	for k, r := range p.GapForms {
		if !r.Large.Valid() || !r.Small.Valid() {
			return fmt.Errorf("kebijakan pengembangan: bentuk untuk kesenjangan %s tidak dikenal", k)
		}
	}
	if !p.Weakness.Valid() {
		return fmt.Errorf("kebijakan pengembangan: bentuk untuk kelemahan SKP %q tidak dikenal", p.Weakness)
	}
	for b, it := range p.BoxItems {
		if !b.Valid() || !it.Form.Valid() || it.Competency == "" {
			return fmt.Errorf("kebijakan pengembangan: usulan untuk kotak %d tidak lengkap", int(b))
		}
	}
	for k, f := range p.TopUp {
		if !f.Valid() {
			return fmt.Errorf("kebijakan pengembangan: bentuk pemenuhan JP %s tidak dikenal", k)
		}
	}
	return nil
}

// Target returns the yearly JP target of an employee kind (PNS when unknown).
func (p Policy) Target(k people.EmployeeKind) int {
	if v, ok := p.TargetJP[k]; ok {
		return v
	}
	return p.TargetJP[people.PNS]
}

// Input is what proposing one employee's plan needs.
type Input struct {
	EmployeeID int64
	Kind       people.EmployeeKind
	Year       int
	// Ref is the date of the proposal: items are scheduled from its quarter
	// when it falls in Year (from January when it is earlier).
	Ref time.Time
	// Lines is the employee's match against the position's standard, in
	// standard order.
	Lines []competency.Line
	// Weaknesses come from the latest SKP evaluation (SKPYear names it).
	Weaknesses []performance.Note
	SKPYear    int
	// Box is the talent box in force (0: not placed).
	Box talent.Box
}

// Proposer drafts plans with one policy and dictionary; it keeps no state
// between calls and may serve many goroutines.
type Proposer struct {
	pol    Policy
	byID   map[int64]competency.Competency
	byCode map[string]competency.Competency
}

// NewProposer indexes the dictionary (levels are not needed).
func NewProposer(p Policy, dict []competency.Competency) *Proposer {
	pr := &Proposer{pol: p, byID: make(map[int64]competency.Competency, len(dict)), byCode: make(map[string]competency.Competency, len(dict))}
	for _, c := range dict {
		c.Levels = nil
		pr.byID[c.ID] = c
		pr.byCode[c.Code] = c
	}
	return pr
}

// Policy returns the proposer's policy.
func (pr *Proposer) Policy() Policy { return pr.pol }

type cand struct {
	item      Item
	shortfall int
	weight    float64
	index     int
	keep      bool // named by the SKP or the box: dropped last
}

// Propose drafts the plan of one employee:
//
//  1. one item per shortfall against the standard (assessed competencies
//     below the required level), target the required level, ordered by
//     the size of the shortfall, then the city's weight of the kind
//     (KindWeight), then the standard's order; the form by GapForms
//     (Large from LargeFrom levels on);
//  2. one item per SKP weakness on a competency without a shortfall item
//     (a weakness on one with a shortfall is added to that item's reason),
//     target one level up (at least the required level), form Weakness;
//  3. one item for the talent box's recommended action (BoxItems), merged
//     the same way;
//  4. beyond MaxItems, shortfall items not named by the SKP or the box are
//     dropped first, lowest priority first;
//  5. while the planned JP stay below the target, one top-up item on the
//     heaviest competency not yet at level 5.
//
// Items are scheduled one quarter each from the quarter of Ref (wrapping
// within the remaining quarters); non-classroom items run two quarters.
func (pr *Proposer) Propose(in Input) Plan {
	p := pr.pol
	plan := Plan{EmployeeID: in.EmployeeID, Year: in.Year, Status: StatusDraft, TargetJP: p.Target(in.Kind)}
	line := func(id int64) (competency.Line, bool) {
		for _, l := range in.Lines {
			if l.CompetencyID == id {
				return l, true
			}
		}
		return competency.Line{}, false
	}

	var cands []cand
	for i, l := range in.Lines {
		if !l.Current.Assessed || l.Current.Level >= l.Required {
			continue
		}
		c := pr.byID[l.CompetencyID]
		short := l.Required - l.Current.Level
		rule := p.GapForms[c.Kind]
		form := rule.Small
		if short >= p.LargeFrom {
			form = rule.Large
		}
		if !form.Valid() {
			form = Coaching
		}
		cands = append(cands, cand{
			item: Item{CompetencyID: l.CompetencyID, CurrentLevel: l.Current.Level, TargetLevel: l.Required, Form: form,
				PlannedJP: p.JP[form], Source: SourceGap,
				Reason: fmt.Sprintf("Kesenjangan %s %s: level saat ini %d, dibutuhkan %d (−%d)", c.Code, c.Name, l.Current.Level, l.Required, short)},
			shortfall: short, weight: p.KindWeight[c.Kind], index: i,
		})
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		switch {
		case a.shortfall != b.shortfall:
			return b.shortfall - a.shortfall
		case a.weight != b.weight:
			if a.weight > b.weight {
				return -1
			}
			return 1
		}
		return a.index - b.index
	})

	// merge adds a reason to an existing candidate of the competency, or
	// reports that there is none.
	merge := func(id int64, reason string) bool {
		for i := range cands {
			if cands[i].item.CompetencyID == id {
				cands[i].item.Reason += "; " + reason
				cands[i].keep = true
				return true
			}
		}
		return false
	}
	// levels gives the current and target level of a competency that has
	// no shortfall item: one level up, at least the required level.
	levels := func(id int64) (cur, target int) {
		l, ok := line(id)
		switch {
		case !ok:
			return 0, 2
		case !l.Current.Assessed:
			return 0, l.Required
		}
		return l.Current.Level, min(max(l.Required, l.Current.Level+1), competency.MaxLevel)
	}

	seen := map[int64]bool{}
	for _, w := range in.Weaknesses {
		c, ok := pr.byID[w.CompetencyID]
		if !ok || seen[w.CompetencyID] {
			continue
		}
		seen[w.CompetencyID] = true
		reason := fmt.Sprintf("kelemahan pada evaluasi SKP %d", in.SKPYear)
		if t := strings.TrimSpace(w.Text); t != "" {
			reason += ": " + clip(t, 160)
		}
		if merge(w.CompetencyID, reason) {
			continue
		}
		cur, target := levels(w.CompetencyID)
		cands = append(cands, cand{keep: true, item: Item{CompetencyID: w.CompetencyID, CurrentLevel: cur, TargetLevel: target,
			Form: p.Weakness, PlannedJP: p.JP[p.Weakness], Source: SourceSKP,
			Reason: fmt.Sprintf("%s %s: %s", c.Code, c.Name, upperFirst(reason))}})
	}
	if bi, ok := p.BoxItems[in.Box]; ok && in.Box.Valid() {
		if c, ok := pr.byCode[bi.Competency]; ok {
			perf, pot := in.Box.Axes()
			var acts []string
			for _, a := range in.Box.Actions() {
				acts = append(acts, strings.ToLower(a.Label()))
			}
			reason := fmt.Sprintf("rekomendasi 9-box %s (kinerja %s, potensi %s): %s", in.Box.Label(),
				strings.ToLower(perf.Label()), strings.ToLower(pot.Label()), strings.Join(acts, ", "))
			if !merge(c.ID, reason) {
				cur, target := levels(c.ID)
				cands = append(cands, cand{keep: true, item: Item{CompetencyID: c.ID, CurrentLevel: cur, TargetLevel: target,
					Form: bi.Form, PlannedJP: p.JP[bi.Form], Source: SourceNineBox,
					Reason: fmt.Sprintf("%s %s: %s", c.Code, c.Name, upperFirst(reason))}})
			}
		}
	}

	// Trim: unnamed shortfall items go first, lowest priority first.
	for len(cands) > p.MaxItems {
		drop := -1
		for i := len(cands) - 1; i >= 0; i-- {
			if !cands[i].keep {
				drop = i
				break
			}
		}
		if drop < 0 {
			drop = len(cands) - 1
		}
		cands = slices.Delete(cands, drop, drop+1)
	}
	for _, c := range cands {
		plan.Items = append(plan.Items, c.item)
	}

	if plan.PlannedJP() < plan.TargetJP && len(plan.Items) < p.MaxItems {
		if it, ok := pr.topUp(in, plan.Items); ok {
			plan.Items = append(plan.Items, it)
		}
	}
	schedule(plan.Items, in.Year, in.Ref)
	for i := range plan.Items {
		plan.Items[i].Status = ItemPlanned
	}
	return plan
}

// topUp proposes one more item on the heaviest competency of the standard
// that is assessed, below level 5 and not yet in the plan (the least
// surplus over the required level first).
func (pr *Proposer) topUp(in Input, items []Item) (Item, bool) {
	best := -1
	var bw float64
	var bs int
	for i, l := range in.Lines {
		if !l.Current.Assessed || l.Current.Level >= competency.MaxLevel {
			continue
		}
		if slices.ContainsFunc(items, func(it Item) bool { return it.CompetencyID == l.CompetencyID }) {
			continue
		}
		c := pr.byID[l.CompetencyID]
		w, s := pr.pol.KindWeight[c.Kind], l.Current.Level-l.Required
		if best < 0 || w > bw || w == bw && s < bs {
			best, bw, bs = i, w, s
		}
	}
	if best < 0 {
		return Item{}, false
	}
	l := in.Lines[best]
	c := pr.byID[l.CompetencyID]
	form, ok := pr.pol.TopUp[c.Kind]
	if !ok || !form.Valid() {
		return Item{}, false
	}
	return Item{CompetencyID: l.CompetencyID, CurrentLevel: l.Current.Level, TargetLevel: l.Current.Level + 1, Form: form,
		PlannedJP: pr.pol.JP[form], Source: SourceTopUp,
		Reason: fmt.Sprintf("%s %s: pengembangan lanjutan untuk memenuhi hak %d JP per tahun", c.Code, c.Name, pr.pol.Target(in.Kind))}, true
}

// schedule gives each item a quarter from the quarter of ref (January when
// ref is before the year, October when after), wrapping within the
// remaining quarters; non-classroom items run into the next quarter when
// there is one.
func schedule(items []Item, year int, ref time.Time) {
	q0 := 0
	switch {
	case ref.Year() == year:
		q0 = (int(ref.Month()) - 1) / 3
	case ref.Year() > year:
		q0 = 3
	}
	left := 4 - q0
	for i := range items {
		q := q0 + i%left
		start, end := 3*q+1, 3*q+3
		if !items[i].Form.Classroom() && q < 3 {
			end += 3
		}
		items[i].StartMonth, items[i].EndMonth = start, end
	}
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return strings.TrimSpace(string(r[:n-1])) + "…"
}

func upperFirst(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}
