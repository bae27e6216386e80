package report

import (
	"math"

	"asah/internal/app"
)

// GapCompetency is one line of an employee's standard in the JSON gap
// object: required level, and the current level with its gap, source and
// date (all null while the competency has no valid assessment).
type GapCompetency struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Kind       string  `json:"kind"`
	Required   int     `json:"required"`
	Actual     *int    `json:"actual"`
	Gap        *int    `json:"gap"`
	Source     *string `json:"source"`
	AssessedOn *string `json:"assessed_on"`
}

// Gap is one employee's gap report as a JSON object: one line of
// `asah gaps --format jsonl`, and the body of the API's
// GET /api/v1/employees/{nip}/gaps. Both encode it with encoding/json, so
// the two stay byte-identical.
type Gap struct {
	NIP          string          `json:"nip"`
	Name         string          `json:"name"`
	UnitCode     string          `json:"unit_code"`
	Unit         string          `json:"unit"`
	Position     string          `json:"position"`
	JPM          *float64        `json:"jpm"`
	Coverage     float64         `json:"coverage"`
	Category     *string         `json:"category"`
	Competencies []GapCompetency `json:"competencies"`
}

// FillGap writes g into dst, reusing dst's competency slice (a stream of
// many employees allocates it once). JPM is rounded to two decimals and
// coverage to four; the category was decided on the exact JPM.
func FillGap(dst *Gap, g *app.EmployeeGap) {
	*dst = Gap{NIP: g.Employee.NIP, Name: g.Employee.Name, UnitCode: g.Employee.UnitCode, Unit: g.Employee.UnitName,
		Position: g.Employee.PositionTitle, Coverage: math.Round(g.Match.Coverage()*10000) / 10000,
		Competencies: dst.Competencies[:0]}
	if g.Match.HasJPM {
		jpm, cat := math.Round(g.Match.JPM*100)/100, string(g.Match.Category)
		dst.JPM, dst.Category = &jpm, &cat
	}
	for _, l := range g.Lines {
		c := GapCompetency{Code: l.Competency.Code, Name: l.Competency.Name, Kind: string(l.Competency.Kind), Required: l.Required}
		if gap, ok := l.Gap(); ok {
			lv, src, on := l.Current.Level, string(l.Current.Source), l.Current.AssessedOn.Format("2006-01-02")
			c.Actual, c.Gap, c.Source, c.AssessedOn = &lv, &gap, &src, &on
		}
		dst.Competencies = append(dst.Competencies, c)
	}
	if dst.Competencies == nil {
		dst.Competencies = []GapCompetency{}
	}
}

// NewGap returns g as a JSON gap object.
func NewGap(g *app.EmployeeGap) *Gap {
	var r Gap
	FillGap(&r, g)
	return &r
}
