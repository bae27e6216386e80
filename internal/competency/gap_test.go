package competency

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"asah/internal/people"
)

var gapRef = day(2026, time.June, 30)

// levels builds supervisor assessments: levels[i] for competency i+1, 0 for
// none.
func levels(levels ...int) []Assessment {
	var as []Assessment
	for i, l := range levels {
		if l == 0 {
			continue
		}
		as = append(as, Assessment{
			ID: int64(100 + i), CompetencyID: int64(i + 1), Source: SourceSupervisor,
			Level: l, AssessedOn: day(2026, time.January, 15), Status: Final,
		})
	}
	return as
}

// standard builds a standard: required[i] for competency i+1.
func standard(required ...int) []Requirement {
	std := make([]Requirement, len(required))
	for i, r := range required {
		std[i] = Requirement{CompetencyID: int64(i + 1), Required: r}
	}
	return std
}

func repeat(n, v int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = v
	}
	return s
}

func TestMatch(t *testing.T) {
	custom := DefaultPolicy()
	custom.MS, custom.MMS = 75, 58
	tests := []struct {
		name     string
		policy   *Policy
		std      []Requirement
		as       []Assessment
		assessed int
		jpm      float64 // checked when hasJPM
		hasJPM   bool
		cat      Category
	}{
		{"all assessed", nil, standard(3, 3, 3, 2), levels(3, 2, 4, 1), 4, 900.0 / 11, true, MS},
		{"all meet", nil, standard(3, 3, 3, 2), levels(3, 3, 5, 2), 4, 100, true, MS},
		{"above required is capped", nil, standard(2, 2), levels(5, 1), 2, 75, true, MMS},
		{"partial coverage: JPM over assessed lines only", nil, standard(3, 3, 2, 4), levels(2, 0, 2, 0), 2, 80, true, MS},
		{"partial coverage, low", nil, standard(3, 3, 2, 4), levels(0, 1, 0, 1), 2, 200.0 / 7, true, KMS},
		{"nothing assessed", nil, standard(3, 3, 2), nil, 0, 0, false, ""},
		{"only other competencies assessed", nil, standard(3, 3), levels(0, 0, 4, 4), 0, 0, false, ""},
		{"empty standard", nil, nil, levels(3, 3), 0, 0, false, ""},
		{"required 0 gives no JPM", nil, standard(0), levels(3), 1, 0, false, ""},
		{"exactly 80 is MS", nil, standard(repeat(5, 5)...), levels(4, 4, 4, 4, 4), 5, 80, true, MS},
		{"exactly 68 is MMS", nil, standard(repeat(5, 5)...), levels(4, 4, 3, 3, 3), 5, 68, true, MMS},
		{"just below 68 is KMS", nil, standard(repeat(5, 5)...), levels(4, 3, 3, 3, 3), 5, 64, true, KMS},
		{"custom: exactly 58 is MMS", &custom, standard(repeat(10, 5)...),
			levels(3, 3, 3, 3, 3, 3, 3, 3, 3, 2), 10, 58, true, MMS},
		{"custom: exactly 75 is MS", &custom, standard(2, 2), levels(2, 1), 2, 75, true, MS},
		{"custom: 57.14 is KMS", &custom, standard(repeat(7, 2)...), levels(2, 1, 1, 1, 1, 1, 1), 7, 800.0 / 14, true, KMS},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			if tt.policy != nil {
				p = *tt.policy
			}
			res := NewMatcher(p).Match(tt.std, tt.as, gapRef, nil)
			if res.Total != len(tt.std) || len(res.Lines) != len(tt.std) {
				t.Fatalf("Total %d, %d lines, want %d", res.Total, len(res.Lines), len(tt.std))
			}
			if res.Assessed != tt.assessed {
				t.Fatalf("Assessed %d, want %d", res.Assessed, tt.assessed)
			}
			wantCov := 0.0
			if len(tt.std) > 0 {
				wantCov = float64(tt.assessed) / float64(len(tt.std))
			}
			if res.Coverage() != wantCov {
				t.Fatalf("Coverage %g, want %g", res.Coverage(), wantCov)
			}
			if res.HasJPM != tt.hasJPM || res.Category != tt.cat {
				t.Fatalf("HasJPM %v Category %q, want %v %q", res.HasJPM, res.Category, tt.hasJPM, tt.cat)
			}
			if tt.hasJPM && math.Abs(res.JPM-tt.jpm) > 1e-9 {
				t.Fatalf("JPM %.12f, want %.12f", res.JPM, tt.jpm)
			}
			if !tt.hasJPM && res.JPM != 0 {
				t.Fatalf("JPM %g without HasJPM", res.JPM)
			}
			for i, l := range res.Lines {
				if l.CompetencyID != tt.std[i].CompetencyID || l.Required != tt.std[i].Required {
					t.Fatalf("line %d = %+v, want requirement %+v", i, l, tt.std[i])
				}
			}
		})
	}
}

func TestMatchExactPercentages(t *testing.T) {
	// Every exact percentage must come out exact, or a JPM on a threshold
	// could fall into the lower category. n lines require level 5; their
	// levels add up to sum (n..5n).
	m := NewMatcher(DefaultPolicy())
	for n := 1; n <= 20; n++ {
		std := standard(repeat(n, 5)...)
		for sum := n; sum <= 5*n; sum++ {
			if sum*100%(5*n) != 0 {
				continue
			}
			lv := repeat(n, 1)
			for i, rest := 0, sum-n; rest > 0; i++ {
				add := min(rest, 4)
				lv[i] += add
				rest -= add
			}
			res := m.Match(std, levels(lv...), gapRef, nil)
			if want := float64(sum * 100 / (5 * n)); res.JPM != want {
				t.Fatalf("%d of %d: JPM %v, want exactly %v", sum, 5*n, res.JPM, want)
			}
		}
	}
}

func TestCategorize(t *testing.T) {
	custom := Policy{MS: 75, MMS: 60}
	tests := []struct {
		p    Policy
		jpm  float64
		want Category
	}{
		{DefaultPolicy(), 100, MS},
		{DefaultPolicy(), 80, MS},
		{DefaultPolicy(), 79.99, MMS},
		{DefaultPolicy(), math.Nextafter(80, 0), MMS},
		{DefaultPolicy(), 68, MMS},
		{DefaultPolicy(), 67.99, KMS},
		{DefaultPolicy(), 0, KMS},
		{custom, 80, MS},
		{custom, 75, MS},
		{custom, 74.99, MMS},
		{custom, 68, MMS},
		{custom, 60, MMS},
		{custom, 59.99, KMS},
	}
	for _, tt := range tests {
		if got := tt.p.Categorize(tt.jpm); got != tt.want {
			t.Errorf("Categorize(%v) with MS %g MMS %g = %s, want %s", tt.jpm, tt.p.MS, tt.p.MMS, got, tt.want)
		}
	}
}

func TestLineGap(t *testing.T) {
	tests := []struct {
		line   Line
		gap    int
		wantOK bool
	}{
		{Line{Required: 3, Current: Current{Assessed: true, Level: 1}}, -2, true},
		{Line{Required: 3, Current: Current{Assessed: true, Level: 3}}, 0, true},
		{Line{Required: 2, Current: Current{Assessed: true, Level: 4}}, 2, true},
		{Line{Required: 3, Current: Current{Self: 5}}, 0, false},
		{Line{Required: 3}, 0, false},
	}
	for i, tt := range tests {
		gap, ok := tt.line.Gap()
		if gap != tt.gap || ok != tt.wantOK {
			t.Errorf("case %d: Gap() = %d, %v; want %d, %v", i, gap, ok, tt.gap, tt.wantOK)
		}
	}
}

// TestMatcherReuse guards against state left over from an earlier call: a
// Matcher used for many employees in turn, with its lines reused, must give
// what a fresh Matcher gives.
func TestMatcherReuse(t *testing.T) {
	std := standard(3, 3, 3, 2)
	other := []Requirement{{CompetencyID: 7, Required: 2}, {CompetencyID: 2, Required: 4}}
	employees := []struct {
		std []Requirement
		as  []Assessment
	}{
		{std, levels(3, 2, 4, 1)},
		{std, levels(0, 0, 2)},
		{std, nil},
		{other, levels(1, 2, 3, 4, 5, 1, 3)},
		{std, levels(5, 5, 5, 5)},
		{std, levels(0, 1)},
	}
	reused := NewMatcher(DefaultPolicy())
	var lines []Line
	for round := 0; round < 2; round++ {
		for i, e := range employees {
			got := reused.Match(e.std, e.as, gapRef, lines)
			lines = got.Lines
			want := NewMatcher(DefaultPolicy()).Match(e.std, e.as, gapRef, nil)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("round %d employee %d: reused %+v\nfresh %+v", round, i, got, want)
			}
		}
	}
	// The zero Matcher with a policy works as well.
	zero := Matcher{Policy: DefaultPolicy()}
	if got, want := zero.Match(std, levels(3, 2, 4, 1), gapRef, nil), reused.Match(std, levels(3, 2, 4, 1), gapRef, nil); !reflect.DeepEqual(got, want) {
		t.Fatalf("zero Matcher %+v, want %+v", got, want)
	}
}

func TestMatchDoesNotAllocate(t *testing.T) {
	std, as, ref := benchEmployee()
	m := NewMatcher(DefaultPolicy())
	lines := make([]Line, 0, len(std))
	if n := testing.AllocsPerRun(100, func() { m.Match(std, as, ref, lines) }); n != 0 {
		t.Fatalf("Match allocates %v times per call", n)
	}
}

func TestPolicyValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(p *Policy)
		want   string // substring of the error; "" for valid
	}{
		{"default", func(p *Policy) {}, ""},
		{"custom priority", func(p *Policy) { p.Priority = []Source{SourceSupervisor} }, ""},
		{"no priority", func(p *Policy) { p.Priority = nil }, "priority lists no source"},
		{"self in priority", func(p *Policy) { p.Priority = append(p.Priority, SourceSelf) }, "self-assessment"},
		{"duplicate source", func(p *Policy) { p.Priority = append(p.Priority, SourceSupervisor) }, "listed twice"},
		{"no validity", func(p *Policy) { delete(p.ValidityMonths, Source360) }, `"360" has no validity`},
		{"zero validity", func(p *Policy) { p.ValidityMonths[SourceAssessmentCenter] = 0 }, "no validity"},
		{"MMS equal to MS", func(p *Policy) { p.MMS = p.MS }, "thresholds"},
		{"MMS above MS", func(p *Policy) { p.MMS, p.MS = 80, 68 }, "thresholds"},
		{"MMS zero", func(p *Policy) { p.MMS = 0 }, "thresholds"},
		{"MS above 100", func(p *Policy) { p.MS = 100.5 }, "thresholds"},
		{"MS of 100", func(p *Policy) { p.MS = 100 }, ""},
		{"required 0", func(p *Policy) { p.Required["pelaksana"] = 0 }, `"pelaksana" is 0`},
		{"required 6", func(p *Policy) { p.Required["jpt:utama"] = 6 }, `"jpt:utama" is 6`},
		{"no required table", func(p *Policy) { p.Required = nil }, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := DefaultPolicy()
			tt.modify(&p)
			err := p.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Fatalf("Validate() = %v, want an error containing %q", err, tt.want)
			}
		})
	}
}

func TestDefaultRequired(t *testing.T) {
	custom := Policy{Required: map[string]int{"pelaksana": 2}}
	tests := []struct {
		p       Policy
		kind    people.PositionKind
		jenjang people.Jenjang
		want    int
	}{
		{DefaultPolicy(), people.KindJPT, people.JenjangUtama, 5},   // kind:jenjang
		{DefaultPolicy(), people.KindJPT, people.JenjangPratama, 4}, // falls back to kind
		{DefaultPolicy(), people.KindJPT, people.JenjangNone, 4},    // kind
		{DefaultPolicy(), people.KindAdministrator, people.JenjangNone, 3},
		{DefaultPolicy(), people.KindPengawas, people.JenjangNone, 2},
		{DefaultPolicy(), people.KindPelaksana, people.JenjangNone, 1},
		{DefaultPolicy(), people.KindFungsional, people.JenjangAhliUtama, 4},
		{DefaultPolicy(), people.KindFungsional, people.JenjangAhliMadya, 3},
		{DefaultPolicy(), people.KindFungsional, people.JenjangAhliPertama, 2},
		{DefaultPolicy(), people.KindFungsional, people.JenjangTerampil, 1},
		{DefaultPolicy(), people.KindFungsional, people.Jenjang("baru"), 2}, // unknown jenjang → kind
		{DefaultPolicy(), people.KindFungsional, people.JenjangNone, 2},
		{DefaultPolicy(), people.PositionKind("lain"), people.JenjangNone, 1}, // fallback
		{custom, people.KindPelaksana, people.JenjangNone, 2},
		{custom, people.KindJPT, people.JenjangUtama, 1},
		{Policy{}, people.KindJPT, people.JenjangUtama, 1},
	}
	for _, tt := range tests {
		if got := tt.p.DefaultRequired(tt.kind, tt.jenjang); got != tt.want {
			t.Errorf("DefaultRequired(%q, %q) = %d, want %d", tt.kind, tt.jenjang, got, tt.want)
		}
	}
}
