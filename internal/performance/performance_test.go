package performance

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

func TestPredikatMatrixAllNineCells(t *testing.T) {
	// DOMAIN.md §3, rows hasil kerja, columns perilaku kerja.
	cases := []struct {
		hasil, perilaku Rating
		want            Predikat
	}{
		{Above, Below, Kurang},
		{Above, Meets, Baik},
		{Above, Above, SangatBaik},
		{Meets, Below, Kurang},
		{Meets, Meets, Baik},
		{Meets, Above, Baik},
		{Below, Below, SangatKurang},
		{Below, Meets, ButuhPerbaikan},
		{Below, Above, ButuhPerbaikan},
	}
	seen := map[[2]Rating]bool{}
	for _, c := range cases {
		got, err := PredikatOf(c.hasil, c.perilaku)
		if err != nil || got != c.want {
			t.Errorf("PredikatOf(%s, %s) = %q, %v; want %q", c.hasil, c.perilaku, got, err, c.want)
		}
		seen[[2]Rating{c.hasil, c.perilaku}] = true
	}
	for _, h := range Ratings() {
		for _, p := range Ratings() {
			if !seen[[2]Rating{h, p}] {
				t.Errorf("cell %s/%s not covered", h, p)
			}
		}
	}
}

func TestPredikatRefusesUnknownRatings(t *testing.T) {
	if _, err := PredikatOf("bagus", Meets); err == nil || !strings.Contains(err.Error(), "hasil kerja") {
		t.Errorf("unknown hasil: %v", err)
	}
	if _, err := PredikatOf(Meets, ""); err == nil || !strings.Contains(err.Error(), "perilaku kerja") {
		t.Errorf("empty perilaku: %v", err)
	}
}

func TestParsers(t *testing.T) {
	for in, want := range map[string]Rating{"Di Atas Ekspektasi": Above, "sesuai": Meets, " DI_BAWAH ": Below, "di-bawah-ekspektasi": Below} {
		if got, err := ParseRating(in); err != nil || got != want {
			t.Errorf("ParseRating(%q) = %q, %v", in, got, err)
		}
	}
	if _, err := ParseRating("luar biasa"); err == nil {
		t.Error("ParseRating accepted an unknown rating")
	}
	if p, err := ParsePredikat("Butuh Perbaikan"); err != nil || p != ButuhPerbaikan {
		t.Errorf("ParsePredikat = %q, %v", p, err)
	}
	if v, err := ParseCoreValue("Berorientasi Pelayanan"); err != nil || v != BerorientasiPelayanan {
		t.Errorf("ParseCoreValue = %q, %v", v, err)
	}
	if len(CoreValues()) != 7 {
		t.Errorf("BerAKHLAK has 7 values, got %d", len(CoreValues()))
	}
	for _, v := range CoreValues() {
		if v.Guide() == "" || v.Label() == "" || v.Label() == string(v) {
			t.Errorf("%s lacks a guide or a label", v)
		}
	}
	if f, err := ParseFrequency("Triwulanan"); err != nil || f != Quarterly {
		t.Errorf("ParseFrequency = %q, %v", f, err)
	}
}

func TestPeriods(t *testing.T) {
	cases := []struct {
		f     Frequency
		names string
		ends  string
	}{
		{Quarterly, "Triwulan I,Triwulan II,Triwulan III,Triwulan IV,Tahunan", "03-31,06-30,09-30,12-31,12-31"},
		{HalfYearly, "Semester I,Semester II,Tahunan", "06-30,12-31,12-31"},
	}
	for _, c := range cases {
		ps, err := Periods(2026, c.f)
		if err != nil {
			t.Fatal(err)
		}
		var names, ends []string
		for i, p := range ps {
			names = append(names, p.Name)
			ends = append(ends, p.End.Format("01-02"))
			if p.Status != PeriodPending || p.Year != 2026 {
				t.Errorf("%s: %+v", p.Name, p)
			}
			if wantSeq := i + 1; i < len(ps)-1 && p.Seq != wantSeq || i == len(ps)-1 && !p.Annual() {
				t.Errorf("%s has seq %d", p.Name, p.Seq)
			}
		}
		if strings.Join(names, ",") != c.names || strings.Join(ends, ",") != c.ends {
			t.Errorf("%s: %v ending %v", c.f, names, ends)
		}
	}
	ps, _ := Periods(2024, Monthly)
	if len(ps) != 13 || ps[1].Name != "Februari" || ps[1].End.Day() != 29 || ps[0].Start.Format("2006-01-02") != "2024-01-01" {
		t.Errorf("monthly 2024: %d periods, February %v", len(ps), ps[1])
	}
	if _, err := Periods(2026, "mingguan"); err == nil {
		t.Error("unknown frequency accepted")
	}
	if _, err := Periods(1999, Quarterly); err == nil {
		t.Error("year 1999 accepted")
	}
}

func TestPeriodStatus(t *testing.T) {
	ps, _ := Periods(2026, Quarterly)
	p := ps[1]
	if _, err := p.SetStatus(PeriodClosed); err == nil || !strings.Contains(err.Error(), "belum dibuka") {
		t.Errorf("closing a pending period: %v", err)
	}
	p, err := p.SetStatus(PeriodOpen)
	if err != nil || p.Status != PeriodOpen {
		t.Fatalf("open: %v", err)
	}
	if _, err := p.SetStatus(PeriodOpen); err == nil {
		t.Error("opening an open period accepted")
	}
	if p, err = p.SetStatus(PeriodClosed); err != nil || p.Status != PeriodClosed {
		t.Fatalf("close: %v", err)
	}
	if p, err = p.SetStatus(PeriodOpen); err != nil || p.Status != PeriodOpen {
		t.Errorf("reopen for corrections: %v", err)
	}
	if _, err := p.SetStatus(PeriodPending); err == nil {
		t.Error("back to pending accepted")
	}
}

// TestWorkflowEveryTransition runs every action from every state: the legal
// moves give the listed state, every other one is refused with a message.
func TestWorkflowEveryTransition(t *testing.T) {
	type st = State
	states := []State{}
	for _, s := range Statuses() {
		for _, ea := range []bool{false, true} {
			for _, ra := range []bool{false, true} {
				for _, hr := range []bool{false, true} {
					if s != StatusDraft && (!ea || !ra || !hr) {
						continue // beyond draft both have agreed to a non-empty plan
					}
					if s == StatusDraft && ea && ra {
						continue // both agreed means agreed
					}
					if s == StatusDraft && (ea || ra) && !hr {
						continue // nobody agrees to an empty plan
					}
					states = append(states, State{Status: s, EmployeeAgreed: ea, RaterAgreed: ra, HasResults: hr})
				}
			}
		}
	}
	agreed := st{Status: StatusAgreed, EmployeeAgreed: true, RaterAgreed: true, HasResults: true}
	evaluated := agreed
	evaluated.Status = StatusEvaluated
	final := agreed
	final.Status = StatusFinal
	draft := func(ea, ra, hr bool) State {
		return st{Status: StatusDraft, EmployeeAgreed: ea, RaterAgreed: ra, HasResults: hr}
	}
	legal := map[string]State{
		// draft, nothing agreed
		key(draft(false, false, false), ActEditPlan): draft(false, false, false),
		key(draft(false, false, true), ActEditPlan):  draft(false, false, true),
		key(draft(true, false, true), ActEditPlan):   draft(false, false, true),
		key(draft(false, true, true), ActEditPlan):   draft(false, false, true),
		// agreements
		key(draft(false, false, true), ActAgreeEmployee): draft(true, false, true),
		key(draft(false, false, true), ActAgreeRater):    draft(false, true, true),
		key(draft(false, true, true), ActAgreeEmployee):  agreed,
		key(draft(true, false, true), ActAgreeRater):     agreed,
		// agreed
		key(agreed, ActRevise):   draft(false, false, true),
		key(agreed, ActFeedback): agreed,
		key(agreed, ActEvaluate): evaluated,
		// evaluated
		key(evaluated, ActFeedback):       evaluated,
		key(evaluated, ActEvaluate):       evaluated,
		key(evaluated, ActEvaluateAnnual): final,
		key(evaluated, ActAcknowledge):    evaluated,
		// final
		key(final, ActAcknowledge): final,
	}
	n := 0
	for _, s := range states {
		for _, a := range Actions() {
			got, err := Next(s, a)
			want, ok := legal[key(s, a)]
			if ok {
				n++
				if err != nil || got != want {
					t.Errorf("%s: got %+v, %v; want %+v", key(s, a), got, err, want)
				}
				continue
			}
			var te *TransitionError
			if !errors.As(err, &te) || te.Msg == "" || te.From != s.Status || te.Action != a {
				t.Errorf("%s: illegal move not refused with a message: %+v, %v", key(s, a), got, err)
			} else if got != s {
				t.Errorf("%s: refused move changed the state to %+v", key(s, a), got)
			}
		}
	}
	if n != len(legal) {
		t.Errorf("%d legal moves exercised, table has %d (a state in the table is not generated)", n, len(legal))
	}
	if _, err := Next(agreed, "lompat"); err == nil {
		t.Error("unknown action accepted")
	}
}

func key(s State, a Action) string {
	return fmt.Sprintf("%s/e=%v/r=%v/res=%v/%s", s.Status, s.EmployeeAgreed, s.RaterAgreed, s.HasResults, a)
}

var t0 = time.Date(2026, 1, 10, 3, 0, 0, 0, time.UTC)

func samplePlan() Plan {
	return Plan{Results: []WorkResult{{
		Text:       " Tersusunnya dokumen perencanaan pengelolaan sampah ",
		Indicators: []Indicator{{Text: "Jumlah dokumen", Target: "2 dokumen"}},
	}}, Expectations: map[CoreValue]string{Kolaboratif: "Aktif dalam rapat koordinasi lintas OPD", Adaptif: "  "}}
}

func openPeriods(t *testing.T) []Period {
	t.Helper()
	ps, err := Periods(2026, Quarterly)
	if err != nil {
		t.Fatal(err)
	}
	for i := range ps {
		ps[i].ID = int64(i + 1)
		ps[i].Status = PeriodOpen
	}
	return ps
}

func TestSKPLifecycle(t *testing.T) {
	s := New(7, 2026, 3, t0)
	if err := s.Agree(SideEmployee, t0); err == nil || !strings.Contains(err.Error(), "masih kosong") {
		t.Errorf("agreeing to an empty plan: %v", err)
	}
	if err := s.EditPlan(Plan{Results: []WorkResult{{Text: "x"}}}, t0); err == nil || !strings.Contains(err.Error(), "indikator") {
		t.Errorf("result without indicator accepted: %v", err)
	}
	if err := s.EditPlan(samplePlan(), t0); err != nil {
		t.Fatal(err)
	}
	if s.Plan.Results[0].Text != "Tersusunnya dokumen perencanaan pengelolaan sampah" || len(s.Plan.Expectations) != 1 {
		t.Errorf("plan not cleaned: %+v", s.Plan)
	}
	if err := s.Agree(SideEmployee, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	// A change by the rater clears the employee's agreement.
	if err := s.EditPlan(samplePlan(), t0.Add(2*time.Hour)); err != nil || !s.EmployeeAgreedAt.IsZero() {
		t.Fatalf("edit after agreement: %v, agreed at %v", err, s.EmployeeAgreedAt)
	}
	s.Agree(SideEmployee, t0.Add(3*time.Hour))
	if err := s.Agree(SideRater, t0.Add(4*time.Hour)); err != nil || s.Status != StatusAgreed ||
		!s.EmployeeAgreedAt.Equal(t0.Add(3*time.Hour)) || !s.RaterAgreedAt.Equal(t0.Add(4*time.Hour)) {
		t.Fatalf("both agreed: %v, %+v", err, s)
	}
	ps := openPeriods(t)
	if err := s.Evaluate(ps[4], Evaluation{Hasil: Above, Perilaku: Above}, t0); err == nil || !strings.Contains(err.Error(), "evaluasi periodik") {
		t.Errorf("annual before any periodic evaluation: %v", err)
	}
	closed := ps[0]
	closed.Status = PeriodClosed
	if err := s.Evaluate(closed, Evaluation{Hasil: Meets, Perilaku: Meets}, t0); err == nil || !strings.Contains(err.Error(), "ditutup") {
		t.Errorf("evaluation in a closed period: %v", err)
	}
	pending := ps[0]
	pending.Status = PeriodPending
	if err := s.Evaluate(pending, Evaluation{Hasil: Meets, Perilaku: Meets}, t0); err == nil || !strings.Contains(err.Error(), "belum dibuka") {
		t.Errorf("evaluation in a pending period: %v", err)
	}
	other := ps[0]
	other.Year = 2025
	if err := s.Evaluate(other, Evaluation{Hasil: Meets, Perilaku: Meets}, t0); err == nil {
		t.Error("evaluation of another year accepted")
	}
	if err := s.Evaluate(ps[0], Evaluation{Hasil: Meets, Perilaku: Meets, Notes: []Note{{Kind: Weakness}}}, t0); err == nil ||
		!strings.Contains(err.Error(), "kompetensi") {
		t.Errorf("untagged weakness accepted: %v", err)
	}
	if s.Status != StatusAgreed {
		t.Fatalf("refused evaluations changed the status to %s", s.Status)
	}
	if err := s.Evaluate(ps[1], Evaluation{Hasil: Below, Perilaku: Meets, Notes: []Note{{Kind: Weakness, CompetencyID: 4, Text: "target sering terlambat"}}}, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.Evaluate(ps[0], Evaluation{Hasil: Meets, Perilaku: Meets}, t0); err != nil {
		t.Fatal(err)
	}
	// Correcting Triwulan II replaces it and keeps the order.
	if err := s.Evaluate(ps[1], Evaluation{Hasil: Meets, Perilaku: Above}, t0); err != nil {
		t.Fatal(err)
	}
	if len(s.Evaluations) != 2 || s.Evaluations[0].PeriodSeq != 1 || s.Evaluations[1].Predikat != Baik || s.Status != StatusEvaluated {
		t.Fatalf("evaluations: %+v", s.Evaluations)
	}
	if err := s.AddFeedback(Feedback{Text: "  ", At: t0}); err == nil {
		t.Error("empty feedback accepted")
	}
	if err := s.AddFeedback(Feedback{Text: "Laporan triwulan tepat waktu", Author: "Atasan", At: t0}); err != nil || len(s.Feedback) != 1 {
		t.Errorf("feedback: %v", err)
	}
	if err := s.Acknowledge(3, t0); err == nil {
		t.Error("acknowledging an unevaluated period accepted")
	}
	if err := s.Acknowledge(1, t0); err != nil {
		t.Fatal(err)
	}
	if err := s.Acknowledge(1, t0); err == nil {
		t.Error("acknowledged twice")
	}
	if _, ok := s.FinalPredikat(); ok {
		t.Error("final predikat before the annual evaluation")
	}
	if err := s.Evaluate(ps[4], Evaluation{Hasil: Above, Perilaku: Above, Notes: []Note{
		{Kind: Strength, CompetencyID: 1, Text: "jujur"}, {Kind: Weakness, CompetencyID: 3, Text: "presentasi kurang runtut"}}}, t0); err != nil {
		t.Fatal(err)
	}
	if p, ok := s.FinalPredikat(); !ok || p != SangatBaik || s.Status != StatusFinal {
		t.Errorf("final predikat %q %v status %s", p, ok, s.Status)
	}
	if w := s.Weaknesses(); len(w) != 1 || w[0].CompetencyID != 3 {
		t.Errorf("weaknesses of the annual evaluation: %+v", w)
	}
	if s.Evaluations[len(s.Evaluations)-1].PeriodSeq != AnnualSeq {
		t.Error("annual evaluation not last")
	}
	// A final SKP changes no more.
	for name, err := range map[string]error{
		"edit":     s.EditPlan(samplePlan(), t0),
		"evaluate": s.Evaluate(ps[2], Evaluation{Hasil: Meets, Perilaku: Meets}, t0),
		"annual":   s.Evaluate(ps[4], Evaluation{Hasil: Meets, Perilaku: Meets}, t0),
		"feedback": s.AddFeedback(Feedback{Text: "x", At: t0}),
		"revise":   s.Revise(t0),
	} {
		var te *TransitionError
		if !errors.As(err, &te) {
			t.Errorf("%s on a final SKP: %v", name, err)
		}
	}
	if err := s.Acknowledge(AnnualSeq, t0); err != nil {
		t.Errorf("acknowledging the annual evaluation: %v", err)
	}
}

func TestReviseClearsAgreements(t *testing.T) {
	s := New(1, 2026, 2, t0)
	s.EditPlan(samplePlan(), t0)
	s.Agree(SideRater, t0)
	s.Agree(SideEmployee, t0)
	if err := s.Revise(t0); err != nil || s.Status != StatusDraft || !s.EmployeeAgreedAt.IsZero() || !s.RaterAgreedAt.IsZero() {
		t.Errorf("revise: %v %+v", err, s)
	}
}

func TestPlanValidateReportsEveryField(t *testing.T) {
	p := Plan{Results: []WorkResult{{Text: "", Indicators: []Indicator{{Text: "a", Target: ""}}}},
		Expectations: map[CoreValue]string{"jujur": "x"}}
	err := p.Validate()
	for _, want := range []string{"uraian wajib", "target wajib", "jujur"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Validate: %v; want %q", err, want)
		}
	}
}
