package web

import (
	"math"

	"asah/internal/app"
	"asah/internal/competency"
)

// The charts are drawn in the browser by static/charts.js with Apache
// ECharts (static/vendor/), both served from the binary. A page hands each
// chart its numbers in a JSON data block (<script type="application/json">,
// which the browser never runs, so the CSP needs no 'unsafe-inline'); the
// same numbers are always in a table one click away, for screen readers,
// printing, and browsers without JavaScript.

// barChart is a bar chart with one colour class per bar.
type barChart struct {
	Labels []string `json:"labels"`
	Values []int    `json:"values"`
	Kinds  []string `json:"kinds"` // ms, mms, kms: the bar's colour
	Axis   string   `json:"axis"`  // name of the value axis
}

// heatChart is a unit × competency heatmap of average gaps.
type heatChart struct {
	Rows     []string       `json:"rows"`     // unit names, top to bottom
	Cols     []string       `json:"cols"`     // competency codes
	ColNames []string       `json:"colNames"` // competency names, for the tooltip
	Cells    [][3]any       `json:"cells"`    // [col, row, average gap] (rounded to 0.01)
	Counts   map[string]int `json:"counts"`   // "col,row" → assessed lines
	Min      float64        `json:"min"`
	Max      float64        `json:"max"`
	Legend   [2]string      `json:"legend"` // captions of the two ends of the scale
	Count    string         `json:"count"`  // caption of the count in the tooltip
	Gap      string         `json:"gap"`    // caption of the value in the tooltip
}

// radarChart is an employee's current levels against the standard.
type radarChart struct {
	Codes  []string      `json:"codes"`
	Names  []string      `json:"names"`
	Series []radarSeries `json:"series"`
	None   string        `json:"none"` // "not assessed"
}

type radarSeries struct {
	Name   string `json:"name"`
	Kind   string `json:"kind"`   // actual, required, self
	Values []*int `json:"values"` // nil: not assessed
	Hidden bool   `json:"hidden"` // off until picked in the legend
}

// round2 rounds for the chart's data only; tables use the formatters.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// radarOf builds the radar of a gap report.
func radarOf(tr func(string, ...any) string, lang string, lines []app.GapLine) radarChart {
	rc := radarChart{None: tr("common.not_assessed")}
	actual := radarSeries{Name: tr("chart.actual"), Kind: "actual"}
	required := radarSeries{Name: tr("chart.required"), Kind: "required"}
	self := radarSeries{Name: tr("chart.self"), Kind: "self", Hidden: true}
	hasSelf := false
	for _, l := range sortedLines(lines) {
		rc.Codes = append(rc.Codes, l.Competency.Code)
		name := l.Competency.Name
		if lang == "en" && l.Competency.NameEN != "" {
			name = l.Competency.NameEN
		}
		rc.Names = append(rc.Names, name)
		req := l.Required
		required.Values = append(required.Values, &req)
		if l.Current.Assessed {
			v := l.Current.Level
			actual.Values = append(actual.Values, &v)
		} else {
			actual.Values = append(actual.Values, nil)
		}
		if l.Current.Self > 0 {
			v := l.Current.Self
			self.Values = append(self.Values, &v)
			hasSelf = true
		} else {
			self.Values = append(self.Values, nil)
		}
	}
	rc.Series = []radarSeries{required}
	for _, v := range actual.Values {
		if v != nil {
			// Only with at least one assessed competency: an empty
			// series would draw a point at the centre, which reads as
			// level 0.
			rc.Series = append(rc.Series, actual)
			break
		}
	}
	if hasSelf {
		rc.Series = append(rc.Series, self)
	}
	return rc
}

// bandKind colours a JPM band by the category of its lower bound.
func bandKind(pol competency.Policy, lo float64) string {
	switch pol.Categorize(lo) {
	case competency.MS:
		return "ms"
	case competency.MMS:
		return "mms"
	}
	return "kms"
}
