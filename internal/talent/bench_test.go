package talent

import (
	"testing"

	"asah/internal/performance"
)

// BenchmarkPlace places one employee (with a review to apply).
func BenchmarkPlace(b *testing.B) {
	p := DefaultPolicy()
	in := Input{EmployeeID: 1, Predikat: performance.Baik, PredikatYear: 2025, HasPredikat: true, JPM: 83.3, HasJPM: true}
	r := Review{EmployeeID: 1, Year: 2025, Computed: 8, Box: 5, Decision: Overridden}
	var pl Placement
	for b.Loop() {
		pl = p.Place(in).WithReview(r)
	}
	if pl.Box != 5 {
		b.Fatal(pl.Box)
	}
}
