package demo

import (
	"context"
	"crypto/sha256"
	"fmt"
	"hash"
	"sync"
	"testing"

	"asah/internal/development"
	"asah/internal/people"
	"asah/internal/performance"
)

// perfCollector is a collector that also takes the performance data; it
// records those calls and their digest apart, so that the base stream's
// digest can be compared with a plain collector's.
type perfCollector struct {
	*collector
	periods []performance.Period
	skps    []performance.SKP
	idps    []development.Plan
	calls   []string // "Q" periods, "K" SKPs, "I" IDPs, "E" when employees came
	bad     []string // SKPs or plans of employees not emitted before them
	h       hash.Hash
}

func newPerfCollector() *perfCollector {
	return &perfCollector{collector: newCollector(), h: sha256.New()}
}

func (p *perfCollector) Employees(ctx context.Context, es []people.Employee) error {
	p.calls = append(p.calls, "E")
	return p.collector.Employees(ctx, es)
}

func (p *perfCollector) Periods(_ context.Context, ps []performance.Period) error {
	p.calls = append(p.calls, "Q")
	for _, x := range ps {
		fmt.Fprintf(p.h, "%+v\n", x)
	}
	p.periods = append(p.periods, ps...)
	return nil
}

func (p *perfCollector) SKPs(_ context.Context, ks []performance.SKP) error {
	p.calls = append(p.calls, "K")
	for _, x := range ks {
		fmt.Fprintf(p.h, "%+v\n", x)
		if !p.emitted[x.EmployeeID] {
			p.bad = append(p.bad, fmt.Sprintf("SKP %d", x.ID))
		}
	}
	p.skps = append(p.skps, ks...)
	return nil
}

func (p *perfCollector) IDPs(_ context.Context, ps []development.Plan) error {
	p.calls = append(p.calls, "I")
	for _, x := range ps {
		fmt.Fprintf(p.h, "%+v\n", x)
		if !p.emitted[x.EmployeeID] {
			p.bad = append(p.bad, fmt.Sprintf("IDP %d", x.ID))
		}
	}
	p.idps = append(p.idps, ps...)
	return nil
}

var perfCity = sync.OnceValue(func() *perfCollector {
	c := newPerfCollector()
	if err := Generate(context.Background(), Config{Employees: 15000, Today: testToday}, dictionary(1), c, nil); err != nil {
		panic(err)
	}
	return c
})

func TestPerformanceDataLeavesTheRestUnchanged(t *testing.T) {
	c := newPerfCollector()
	if err := Generate(context.Background(), Config{Employees: 2000, Today: testToday}, dictionary(1), c, nil); err != nil {
		t.Fatal(err)
	}
	if c.collector.digest() != small().digest() {
		t.Fatal("taking performance data changed the employees, assessments or organisation emitted")
	}
	d := newPerfCollector()
	Generate(context.Background(), Config{Employees: 2000, Today: testToday}, dictionary(1), d, nil)
	if fmt.Sprintf("%x", c.h.Sum(nil)) != fmt.Sprintf("%x", d.h.Sum(nil)) {
		t.Fatal("performance data differs between two runs of the same config")
	}
	if len(c.bad) > 0 {
		t.Errorf("%d SKPs or plans before their employee: %v", len(c.bad), c.bad[:min(5, len(c.bad))])
	}
	if c.calls[0] != "Q" || c.calls[1] != "E" {
		t.Errorf("periods must come once, before the first employees: %v", c.calls[:min(6, len(c.calls))])
	}
}

func TestPerformancePredikatDistribution(t *testing.T) {
	c := perfCity()
	y := today.Year()
	count := map[int]map[performance.Predikat]int{}
	finals := map[int]int{}
	for _, k := range c.skps {
		if k.Year >= y {
			continue
		}
		if k.Status != performance.StatusFinal {
			t.Fatalf("past SKP %d is %s", k.ID, k.Status)
		}
		p, ok := k.FinalPredikat()
		if !ok {
			t.Fatalf("final SKP %d without annual evaluation", k.ID)
		}
		if count[k.Year] == nil {
			count[k.Year] = map[performance.Predikat]int{}
		}
		count[k.Year][p]++
		finals[k.Year]++
	}
	bounds := map[performance.Predikat][2]float64{
		performance.SangatBaik:     {0.05, 0.16},
		performance.Baik:           {0.70, 0.88},
		performance.ButuhPerbaikan: {0.03, 0.12},
		performance.Kurang:         {0.003, 0.04},
		performance.SangatKurang:   {0, 0.02},
	}
	for _, yr := range []int{y - 2, y - 1} {
		if finals[yr] < 13000 {
			t.Errorf("%d final SKPs in %d, want most of the 15,000 employees", finals[yr], yr)
		}
		for p, b := range bounds {
			share := float64(count[yr][p]) / float64(finals[yr])
			if share < b[0] || share > b[1] {
				t.Errorf("%d: %s %.1f%%, want %.1f–%.1f%%", yr, p.Label(), 100*share, 100*b[0], 100*b[1])
			}
		}
		t.Logf("%d: %v of %d", yr, count[yr], finals[yr])
	}
}

func TestPerformanceSKPsAreConsistent(t *testing.T) {
	c := perfCity()
	y := today.Year()
	periods := map[int64]performance.Period{}
	for _, p := range c.periods {
		periods[p.ID] = p
	}
	if len(c.periods) != 15 {
		t.Errorf("%d periods, want 3 years × 5", len(c.periods))
	}
	emp := map[int64]people.Employee{}
	for _, e := range c.es {
		emp[e.ID] = e
	}
	status := map[performance.Status]int{}
	seen := map[[2]int64]bool{}
	for _, k := range c.skps {
		key := [2]int64{k.EmployeeID, int64(k.Year)}
		if seen[key] {
			t.Fatalf("two SKPs for employee %d in %d", k.EmployeeID, k.Year)
		}
		seen[key] = true
		if k.RaterID != emp[k.EmployeeID].SupervisorID {
			t.Errorf("SKP %d rated by %d, supervisor is %d", k.ID, k.RaterID, emp[k.EmployeeID].SupervisorID)
		}
		if k.Year == y {
			status[k.Status]++
		}
		if err := k.Plan.Validate(); err != nil || len(k.Plan.Results) == 0 {
			t.Errorf("SKP %d plan: %v", k.ID, err)
		}
		agreed := !k.EmployeeAgreedAt.IsZero() && !k.RaterAgreedAt.IsZero()
		if agreed != (k.Status != performance.StatusDraft) {
			t.Errorf("SKP %d is %s with agreements %v/%v", k.ID, k.Status, k.EmployeeAgreedAt, k.RaterAgreedAt)
		}
		if (len(k.Evaluations) > 0) != (k.Status == performance.StatusEvaluated || k.Status == performance.StatusFinal) {
			t.Errorf("SKP %d is %s with %d evaluations", k.ID, k.Status, len(k.Evaluations))
		}
		for _, ev := range k.Evaluations {
			p := periods[ev.PeriodID]
			pred, _ := performance.PredikatOf(ev.Hasil, ev.Perilaku)
			if p.Year != k.Year || p.Seq != ev.PeriodSeq || ev.Predikat != pred || !ev.EvaluatedOn.Before(today) ||
				ev.EvaluatedOn.Before(p.End) {
				t.Fatalf("SKP %d evaluation %+v in period %+v", k.ID, ev, p)
			}
			for _, n := range ev.Notes {
				if n.CompetencyID == 0 || n.Text == "" {
					t.Fatalf("SKP %d note %+v", k.ID, n)
				}
			}
		}
	}
	// The current year has SKPs in every stage but final.
	if status[performance.StatusDraft] == 0 || status[performance.StatusAgreed] == 0 || status[performance.StatusEvaluated] < 12000 ||
		status[performance.StatusFinal] != 0 {
		t.Errorf("current-year SKP stages: %v", status)
	}
	// Periods of the current year follow the reference date (27 November).
	for _, p := range c.periods {
		want := performance.PeriodClosed
		if p.Year == y {
			switch p.Seq {
			case 0:
				want = performance.PeriodPending
			case 4:
				want = performance.PeriodOpen
			}
		}
		if p.Status != want {
			t.Errorf("%s is %s, want %s", p.Title(), p.Status, want)
		}
	}
}

func TestPerformanceIDPs(t *testing.T) {
	c := perfCity()
	states := map[development.Status]int{}
	items := map[development.ItemStatus]int{}
	sources := map[development.Source]int{}
	for _, p := range c.idps {
		states[p.Status]++
		if p.Year != today.Year() || (p.TargetJP != 20 && p.TargetJP != 24) {
			t.Fatalf("plan %d: year %d target %d", p.ID, p.Year, p.TargetJP)
		}
		for i, it := range p.Items {
			if err := it.Validate(i + 1); err != nil {
				t.Fatalf("plan %d: %v", p.ID, err)
			}
			items[it.Status]++
			sources[it.Source]++
			if it.Status != development.ItemPlanned && p.Status != development.StatusApproved {
				t.Fatalf("plan %d is %s with an item %s", p.ID, p.Status, it.Status)
			}
			if it.Status == development.ItemDropped && it.DropReason == "" {
				t.Fatalf("plan %d: dropped without reason", p.ID)
			}
		}
		if p.Status == development.StatusReturned && p.Comment == "" {
			t.Fatalf("plan %d returned without comment", p.ID)
		}
	}
	share := float64(len(c.idps)) / float64(len(c.es))
	if share < 0.6 || share > 0.8 {
		t.Errorf("%.0f%% of employees have a plan", 100*share)
	}
	for _, s := range development.Statuses() {
		if states[s] < 200 {
			t.Errorf("only %d plans %s: %v", states[s], s, states)
		}
	}
	for _, s := range []development.ItemStatus{development.ItemPlanned, development.ItemInProgress, development.ItemDone, development.ItemDropped} {
		if items[s] == 0 {
			t.Errorf("no item %s: %v", s, items)
		}
	}
	for _, s := range []development.Source{development.SourceGap, development.SourceSKP, development.SourceNineBox, development.SourceTopUp} {
		if sources[s] == 0 {
			t.Errorf("no item from %s: %v", s, sources)
		}
	}
	t.Logf("plans %v, items %v, sources %v", states, items, sources)
}

// perfDiscard takes everything and keeps nothing.
type perfDiscard struct{ discard }

func (*perfDiscard) Periods(context.Context, []performance.Period) error { return nil }
func (*perfDiscard) SKPs(context.Context, []performance.SKP) error       { return nil }
func (*perfDiscard) IDPs(context.Context, []development.Plan) error      { return nil }

func BenchmarkGenerateWithPerformance15000(b *testing.B) {
	for b.Loop() {
		if err := Generate(context.Background(), Config{Employees: 15000, Today: testToday}, dictionary(1), &perfDiscard{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
