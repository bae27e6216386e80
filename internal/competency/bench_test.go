package competency

import (
	"testing"
	"time"
)

// benchEmployee is a realistic case: an administrator measured against a
// 12-competency standard (8 managerial, 1 sociocultural, 3 technical) with 15
// assessments across sources, dates and statuses, in no particular order.
func benchEmployee() ([]Requirement, []Assessment, time.Time) {
	d := func(y int, m time.Month, day int) time.Time { return time.Date(y, m, day, 0, 0, 0, 0, time.UTC) }
	std := []Requirement{
		{1, 3}, {2, 3}, {3, 3}, {4, 3}, {5, 3}, {6, 3}, {7, 3}, {8, 3}, {9, 3},
		{101, 3}, {102, 2}, {103, 2},
	}
	ac := d(2024, time.May, 13)
	as := []Assessment{
		{ID: 11, CompetencyID: 4, Source: SourceAssessmentCenter, Level: 3, AssessedOn: ac, Status: Final},
		{ID: 12, CompetencyID: 101, Source: SourceSupervisor, Level: 2, AssessedOn: d(2025, time.December, 15), Status: Final},
		{ID: 13, CompetencyID: 1, Source: SourceAssessmentCenter, Level: 3, AssessedOn: ac, Status: Final},
		{ID: 14, CompetencyID: 2, Source: Source360, Level: 4, AssessedOn: d(2026, time.February, 2), Status: Final},
		{ID: 15, CompetencyID: 2, Source: SourceAssessmentCenter, Level: 3, AssessedOn: ac, Status: Final},
		{ID: 16, CompetencyID: 3, Source: SourceSelf, Level: 4, AssessedOn: d(2026, time.January, 20), Status: Final},
		{ID: 17, CompetencyID: 3, Source: SourceAssessmentCenter, Level: 2, AssessedOn: ac, Status: Final},
		{ID: 18, CompetencyID: 5, Source: SourceAssessmentCenter, Level: 4, AssessedOn: ac, Status: Final},
		{ID: 19, CompetencyID: 6, Source: SourceAssessmentCenter, Level: 2, AssessedOn: ac, Status: Final},
		{ID: 20, CompetencyID: 103, Source: SourceSupervisor, Level: 3, AssessedOn: d(2026, time.March, 9), Status: Draft},
		{ID: 21, CompetencyID: 7, Source: SourceAssessmentCenter, Level: 3, AssessedOn: ac, Status: Final},
		{ID: 22, CompetencyID: 8, Source: SourceAssessmentCenter, Level: 2, AssessedOn: ac, Status: Final},
		{ID: 23, CompetencyID: 103, Source: SourceAssessmentCenter, Level: 1, AssessedOn: d(2021, time.August, 30), Status: Final},
		{ID: 24, CompetencyID: 9, Source: SourceAssessmentCenter, Level: 3, AssessedOn: ac, Status: Final},
		{ID: 25, CompetencyID: 102, Source: SourceSupervisor, Level: 2, AssessedOn: d(2025, time.December, 15), Status: Final},
	}
	return std, as, d(2026, time.June, 30)
}

func BenchmarkMatch(b *testing.B) {
	std, as, ref := benchEmployee()
	m := NewMatcher(DefaultPolicy())
	lines := make([]Line, 0, len(std))
	var res Match
	b.ReportAllocs()
	for b.Loop() {
		res = m.Match(std, as, ref, lines)
		lines = res.Lines
	}
	if !res.HasJPM || res.Assessed != 11 {
		b.Fatalf("unexpected match: %+v", res)
	}
	b.ReportMetric(float64(b.N)*float64(len(std))/b.Elapsed().Seconds(), "rows/s")
}
