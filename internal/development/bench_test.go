package development

import (
	"testing"

	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/performance"
)

// BenchmarkPropose drafts one plan from a 12-competency standard with four
// shortfalls, two SKP weaknesses and a box.
func BenchmarkPropose(b *testing.B) {
	pr := NewProposer(DefaultPolicy(), dict())
	in := Input{EmployeeID: 1, Kind: people.PNS, Year: 2027, Ref: ref, Box: 5, SKPYear: 2026, Lines: []competency.Line{
		line("M.1", 3, 3), line("M.2", 3, 2), line("M.3", 3, 3), line("M.4", 3, 1), line("M.5", 3, 3), line("M.6", 3, 4),
		line("M.7", 3, 3), line("M.8", 3, 2), line("SK.1", 3, 3), line("T.A", 3, 1), line("T.B", 2, 0), line("T.A", 2, 2),
	}, Weaknesses: []performance.Note{{Kind: performance.Weakness, CompetencyID: 3, Text: "paparan"}, {Kind: performance.Weakness, CompetencyID: 4}}}
	n := 0
	for b.Loop() {
		n = len(pr.Propose(in).Items)
	}
	b.ReportMetric(float64(n), "items/op")
}
