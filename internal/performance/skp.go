package performance

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Limits of the free-text fields (they match what the store accepts).
const (
	MaxTextLen       = 2000 // a work result, an evaluation note, a feedback note
	MaxShortLen      = 500  // an indicator, a target, a special expectation
	MaxResults       = 20
	MaxIndicators    = 10
	MaxNotesPerEval  = 20
	MaxFeedbackNotes = 500
)

// Indicator is one performance indicator of a work result with its target.
type Indicator struct {
	Text   string `json:"text"`
	Target string `json:"target"` // "12 dokumen", "100%", "30 hari"
}

// WorkResult is one planned work result (rencana hasil kerja).
type WorkResult struct {
	Text       string      `json:"text"`
	Indicators []Indicator `json:"indicators"`
}

// Plan is the planning part of an SKP: the work results with their
// indicators and targets, and the special expectations the rater sets on top
// of the common guide for each BerAKHLAK value (CoreValue.Guide).
type Plan struct {
	Results      []WorkResult         `json:"results"`
	Expectations map[CoreValue]string `json:"expectations,omitempty"`
}

// Validate reports every defect of a plan in one message. An empty plan is
// valid (a fresh draft); agreeing to it is not (see Next).
func (p Plan) Validate() error {
	var errs []string
	if len(p.Results) > MaxResults {
		errs = append(errs, fmt.Sprintf("paling banyak %d hasil kerja", MaxResults))
	}
	for i, r := range p.Results {
		n := i + 1
		if strings.TrimSpace(r.Text) == "" {
			errs = append(errs, fmt.Sprintf("hasil kerja ke-%d: uraian wajib diisi", n))
		} else if utf8.RuneCountInString(r.Text) > MaxTextLen {
			errs = append(errs, fmt.Sprintf("hasil kerja ke-%d: uraian lebih dari %d karakter", n, MaxTextLen))
		}
		if len(r.Indicators) == 0 {
			errs = append(errs, fmt.Sprintf("hasil kerja ke-%d: isi sedikitnya satu indikator dengan targetnya", n))
		}
		if len(r.Indicators) > MaxIndicators {
			errs = append(errs, fmt.Sprintf("hasil kerja ke-%d: paling banyak %d indikator", n, MaxIndicators))
		}
		for j, ind := range r.Indicators {
			if strings.TrimSpace(ind.Text) == "" {
				errs = append(errs, fmt.Sprintf("hasil kerja ke-%d, indikator ke-%d: uraian indikator wajib diisi", n, j+1))
			} else if utf8.RuneCountInString(ind.Text) > MaxShortLen {
				errs = append(errs, fmt.Sprintf("hasil kerja ke-%d, indikator ke-%d: lebih dari %d karakter", n, j+1, MaxShortLen))
			}
			if strings.TrimSpace(ind.Target) == "" {
				errs = append(errs, fmt.Sprintf("hasil kerja ke-%d, indikator ke-%d: target wajib diisi", n, j+1))
			} else if utf8.RuneCountInString(ind.Target) > MaxShortLen {
				errs = append(errs, fmt.Sprintf("hasil kerja ke-%d, indikator ke-%d: target lebih dari %d karakter", n, j+1, MaxShortLen))
			}
		}
	}
	for _, v := range sortedValues(p.Expectations) {
		if !v.Valid() {
			errs = append(errs, fmt.Sprintf("ekspektasi perilaku: nilai dasar %q tidak dikenal", string(v)))
		} else if utf8.RuneCountInString(p.Expectations[v]) > MaxShortLen {
			errs = append(errs, fmt.Sprintf("ekspektasi khusus %s lebih dari %d karakter", v.Label(), MaxShortLen))
		}
	}
	if len(errs) > 0 {
		return errors.New(strings.Join(errs, "; "))
	}
	return nil
}

// Clean trims every text and drops empty special expectations.
func (p Plan) Clean() Plan {
	out := Plan{Results: make([]WorkResult, 0, len(p.Results))}
	for _, r := range p.Results {
		c := WorkResult{Text: strings.TrimSpace(r.Text), Indicators: make([]Indicator, 0, len(r.Indicators))}
		for _, ind := range r.Indicators {
			c.Indicators = append(c.Indicators, Indicator{Text: strings.TrimSpace(ind.Text), Target: strings.TrimSpace(ind.Target)})
		}
		out.Results = append(out.Results, c)
	}
	for v, s := range p.Expectations {
		if s = strings.TrimSpace(s); s != "" {
			if out.Expectations == nil {
				out.Expectations = map[CoreValue]string{}
			}
			out.Expectations[v] = s
		}
	}
	return out
}

func sortedValues(m map[CoreValue]string) []CoreValue {
	out := make([]CoreValue, 0, len(m))
	for v := range m {
		out = append(out, v)
	}
	slices.Sort(out)
	return out
}

// NoteKind tells a strength from a weakness.
type NoteKind string

const (
	Strength NoteKind = "strength"
	Weakness NoteKind = "weakness"
)

// Label is the display name of a note kind.
func (k NoteKind) Label() string {
	switch k {
	case Strength:
		return "Kekuatan"
	case Weakness:
		return "Kelemahan"
	}
	return string(k)
}

// ParseNoteKind reads "strength"/"kekuatan" or "weakness"/"kelemahan".
func ParseNoteKind(s string) (NoteKind, error) {
	switch norm(s) {
	case string(Strength), "kekuatan":
		return Strength, nil
	case string(Weakness), "kelemahan":
		return Weakness, nil
	}
	return "", fmt.Errorf("jenis catatan %q tidak dikenal (pilih kekuatan atau kelemahan)", s)
}

// Note is a strength or a weakness named by the rater, tagged with a
// competency of the dictionary. Weaknesses feed the development plan.
type Note struct {
	Kind         NoteKind `json:"kind"`
	CompetencyID int64    `json:"competency_id"`
	Text         string   `json:"text"`
}

// Evaluation is the rating of one period.
type Evaluation struct {
	ID        int64
	PeriodID  int64
	PeriodSeq int // AnnualSeq (0) for the annual evaluation
	Hasil     Rating
	Perilaku  Rating
	Predikat  Predikat // derived by PredikatOf; never set by hand
	Note      string
	Notes     []Note
	// EvaluatedOn is the civil date of the evaluation.
	EvaluatedOn time.Time
	RaterID     int64  // employee ID of who rated (0: an admin without an employee record)
	RaterName   string // as shown in the trail
	// AcknowledgedAt is when the employee acknowledged it (zero: not yet).
	AcknowledgedAt time.Time
}

// Annual reports whether this is the annual evaluation.
func (e Evaluation) Annual() bool { return e.PeriodSeq == AnnualSeq }

// Weaknesses returns the weaknesses named in the evaluation.
func (e Evaluation) Weaknesses() []Note {
	var out []Note
	for _, n := range e.Notes {
		if n.Kind == Weakness {
			out = append(out, n)
		}
	}
	return out
}

// Feedback is a note during the year (coaching, a remark on progress).
type Feedback struct {
	ID       int64
	At       time.Time
	AuthorID int64 // employee ID (0: an admin without an employee record)
	Author   string
	Text     string
}

// SKP is the performance plan and record of one employee for one year.
type SKP struct {
	ID         int64
	EmployeeID int64
	Year       int
	// RaterID is the pejabat penilai: the direct supervisor when the SKP
	// was created (0 when the employee has none; an admin acts then).
	RaterID          int64
	Status           Status
	EmployeeAgreedAt time.Time // zero: not agreed
	RaterAgreedAt    time.Time
	Plan             Plan
	// Evaluations in period order, the annual one (if any) last.
	Evaluations []Evaluation
	Feedback    []Feedback // oldest first
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// New returns a fresh draft SKP.
func New(employeeID int64, year int, raterID int64, at time.Time) SKP {
	return SKP{EmployeeID: employeeID, Year: year, RaterID: raterID, Status: StatusDraft, CreatedAt: at, UpdatedAt: at}
}

// State is the workflow state of the SKP.
func (s *SKP) State() State {
	return State{Status: s.Status, EmployeeAgreed: !s.EmployeeAgreedAt.IsZero(), RaterAgreed: !s.RaterAgreedAt.IsZero(),
		HasResults: len(s.Plan.Results) > 0}
}

func (s *SKP) apply(a Action, at time.Time) (State, error) {
	st, err := Next(s.State(), a)
	if err != nil {
		return st, err
	}
	s.Status = st.Status
	if !st.EmployeeAgreed {
		s.EmployeeAgreedAt = time.Time{}
	}
	if !st.RaterAgreed {
		s.RaterAgreedAt = time.Time{}
	}
	s.UpdatedAt = at
	return st, nil
}

// EditPlan replaces the plan of a draft SKP (trimmed and validated) and
// clears both agreements.
func (s *SKP) EditPlan(p Plan, at time.Time) error {
	p = p.Clean()
	if _, err := Next(s.State(), ActEditPlan); err != nil {
		return err
	}
	if err := p.Validate(); err != nil {
		return err
	}
	s.Plan = p
	_, err := s.apply(ActEditPlan, at)
	return err
}

// Side is who agrees to a plan.
type Side string

const (
	SideEmployee Side = "employee"
	SideRater    Side = "rater"
)

// Agree records the agreement of one side; with both, the SKP is agreed.
func (s *SKP) Agree(side Side, at time.Time) error {
	a := ActAgreeEmployee
	if side == SideRater {
		a = ActAgreeRater
	}
	st, err := s.apply(a, at)
	if err != nil {
		return err
	}
	if st.EmployeeAgreed && s.EmployeeAgreedAt.IsZero() {
		s.EmployeeAgreedAt = at
	}
	if st.RaterAgreed && s.RaterAgreedAt.IsZero() {
		s.RaterAgreedAt = at
	}
	return nil
}

// Revise reopens an agreed SKP as a draft.
func (s *SKP) Revise(at time.Time) error {
	_, err := s.apply(ActRevise, at)
	return err
}

// AddFeedback appends a feedback note.
func (s *SKP) AddFeedback(f Feedback) error {
	f.Text = strings.TrimSpace(f.Text)
	if _, err := Next(s.State(), ActFeedback); err != nil {
		return err
	}
	switch {
	case f.Text == "":
		return errors.New("umpan balik wajib diisi")
	case utf8.RuneCountInString(f.Text) > MaxTextLen:
		return fmt.Errorf("umpan balik lebih dari %d karakter", MaxTextLen)
	case len(s.Feedback) >= MaxFeedbackNotes:
		return fmt.Errorf("SKP ini sudah memiliki %d catatan umpan balik (batas)", MaxFeedbackNotes)
	}
	if _, err := s.apply(ActFeedback, f.At); err != nil {
		return err
	}
	f.ID = 0
	s.Feedback = append(s.Feedback, f)
	return nil
}

// Evaluate records the evaluation of a period of the SKP's year: periodic
// ones while the SKP is agreed or evaluated (a period evaluated again is
// corrected), the annual one last, which makes the SKP final. The period
// must be open. The predikat is derived from the two ratings; notes must
// name a competency (the caller checks that it exists). at stamps the change.
func (s *SKP) Evaluate(p Period, e Evaluation, at time.Time) error {
	a := ActEvaluate
	if p.Annual() {
		a = ActEvaluateAnnual
	}
	if _, err := Next(s.State(), a); err != nil {
		return err
	}
	if p.Year != s.Year {
		return fmt.Errorf("periode %s bukan bagian dari SKP tahun %d", p.Title(), s.Year)
	}
	switch p.Status {
	case PeriodOpen:
	case PeriodPending:
		return fmt.Errorf("periode %s belum dibuka oleh admin: evaluasi belum dapat dicatat", p.Title())
	default:
		return fmt.Errorf("periode %s sudah ditutup: evaluasi tidak dapat dicatat lagi", p.Title())
	}
	pred, err := PredikatOf(e.Hasil, e.Perilaku)
	if err != nil {
		return err
	}
	e.Note = strings.TrimSpace(e.Note)
	if utf8.RuneCountInString(e.Note) > MaxTextLen {
		return fmt.Errorf("catatan evaluasi lebih dari %d karakter", MaxTextLen)
	}
	if len(e.Notes) > MaxNotesPerEval {
		return fmt.Errorf("paling banyak %d catatan kekuatan dan kelemahan", MaxNotesPerEval)
	}
	for i := range e.Notes {
		n := &e.Notes[i]
		n.Text = strings.TrimSpace(n.Text)
		if n.Kind != Strength && n.Kind != Weakness {
			return fmt.Errorf("catatan ke-%d: jenis %q tidak dikenal (kekuatan atau kelemahan)", i+1, string(n.Kind))
		}
		if n.CompetencyID == 0 {
			return fmt.Errorf("catatan %s ke-%d: pilih kompetensi yang bersangkutan", strings.ToLower(n.Kind.Label()), i+1)
		}
		if utf8.RuneCountInString(n.Text) > MaxShortLen {
			return fmt.Errorf("catatan %s ke-%d lebih dari %d karakter", strings.ToLower(n.Kind.Label()), i+1, MaxShortLen)
		}
	}
	e.PeriodID, e.PeriodSeq, e.Predikat = p.ID, p.Seq, pred
	e.AcknowledgedAt = time.Time{}
	if _, err := s.apply(a, at); err != nil {
		return err
	}
	for i := range s.Evaluations {
		if s.Evaluations[i].PeriodSeq == p.Seq {
			e.ID = s.Evaluations[i].ID
			s.Evaluations[i] = e
			return nil
		}
	}
	s.Evaluations = append(s.Evaluations, e)
	slices.SortStableFunc(s.Evaluations, func(x, y Evaluation) int { return periodOrder(x.PeriodSeq) - periodOrder(y.PeriodSeq) })
	return nil
}

// periodOrder sorts periodic evaluations by number and the annual one last.
func periodOrder(seq int) int {
	if seq == AnnualSeq {
		return 1 << 20
	}
	return seq
}

// Acknowledge records that the employee has seen the evaluation of a period.
func (s *SKP) Acknowledge(seq int, at time.Time) error {
	if _, err := Next(s.State(), ActAcknowledge); err != nil {
		return err
	}
	for i := range s.Evaluations {
		e := &s.Evaluations[i]
		if e.PeriodSeq != seq {
			continue
		}
		if !e.AcknowledgedAt.IsZero() {
			return &TransitionError{From: s.Status, Action: ActAcknowledge, Msg: "hasil evaluasi ini sudah diakui"}
		}
		e.AcknowledgedAt = at
		return nil
	}
	return &TransitionError{From: s.Status, Action: ActAcknowledge, Msg: "periode ini belum dievaluasi"}
}

// Evaluation returns the evaluation of a period (seq AnnualSeq: the annual one).
func (s *SKP) Evaluation(seq int) (Evaluation, bool) {
	for _, e := range s.Evaluations {
		if e.PeriodSeq == seq {
			return e, true
		}
	}
	return Evaluation{}, false
}

// FinalPredikat is the predikat of the annual evaluation of a final SKP.
func (s *SKP) FinalPredikat() (Predikat, bool) {
	if s.Status != StatusFinal {
		return "", false
	}
	e, ok := s.Evaluation(AnnualSeq)
	return e.Predikat, ok
}

// Weaknesses returns the weaknesses of the annual evaluation when there is
// one, else of the latest periodic evaluation.
func (s *SKP) Weaknesses() []Note {
	if e, ok := s.Evaluation(AnnualSeq); ok {
		return e.Weaknesses()
	}
	if n := len(s.Evaluations); n > 0 {
		return s.Evaluations[n-1].Weaknesses()
	}
	return nil
}
