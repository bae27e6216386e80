package competency

import (
	"fmt"
	"sort"

	"asah/internal/people"
)

// Policy holds every number of the competency rules that a city may set
// differently (DOMAIN.md marks them configurable). DefaultPolicy gives the
// usual values; stores persist overrides.
type Policy struct {
	// ValidityMonths says how long a final assessment of each source stays
	// valid. A source missing here never sets the official level.
	ValidityMonths map[Source]int `json:"validity_months"`
	// Priority lists the official sources from strongest to weakest.
	Priority []Source `json:"priority"`
	// MS and MMS are the lower bounds (inclusive) of the JPM categories;
	// below MMS is KMS.
	MS  float64 `json:"ms"`
	MMS float64 `json:"mms"`
	// Required maps a position kind, optionally with its jenjang
	// ("fungsional:ahli_madya"), to the level required of every managerial
	// and sociocultural competency by default. Lookup tries "kind:jenjang"
	// then "kind".
	Required map[string]int `json:"required"`
}

// DefaultPolicy returns the rules of DOMAIN.md §2 with their usual numbers.
func DefaultPolicy() Policy {
	return Policy{
		ValidityMonths: map[Source]int{
			SourceAssessmentCenter: 36,
			SourceSupervisor:       12,
			Source360:              12,
		},
		Priority: []Source{SourceAssessmentCenter, SourceSupervisor, Source360},
		MS:       80,
		MMS:      68,
		Required: map[string]int{
			"jpt":                     4,
			"jpt:utama":               5,
			"administrator":           3,
			"pengawas":                2,
			"pelaksana":               1,
			"fungsional":              2,
			"fungsional:ahli_utama":   4,
			"fungsional:ahli_madya":   3,
			"fungsional:ahli_muda":    2,
			"fungsional:ahli_pertama": 2,
			"fungsional:penyelia":     2,
			"fungsional:mahir":        1,
			"fungsional:terampil":     1,
			"fungsional:pemula":       1,
		},
	}
}

// Validate reports the first inconsistency of a policy.
func (p Policy) Validate() error {
	if len(p.Priority) == 0 {
		return fmt.Errorf("policy: priority lists no source")
	}
	seen := map[Source]bool{}
	for _, s := range p.Priority {
		if s == SourceSelf {
			return fmt.Errorf("policy: self-assessment cannot set the official level")
		}
		if seen[s] {
			return fmt.Errorf("policy: source %q listed twice in priority", s)
		}
		seen[s] = true
		if p.ValidityMonths[s] <= 0 {
			return fmt.Errorf("policy: source %q has no validity period", s)
		}
	}
	if !(p.MMS > 0 && p.MMS < p.MS && p.MS <= 100) {
		return fmt.Errorf("policy: thresholds must satisfy 0 < MMS < MS <= 100 (MMS %g, MS %g)", p.MMS, p.MS)
	}
	keys := make([]string, 0, len(p.Required))
	for k := range p.Required {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		if v := p.Required[k]; v < MinLevel || v > MaxLevel {
			return fmt.Errorf("policy: required level for %q is %d, want %d-%d", k, v, MinLevel, MaxLevel)
		}
	}
	return nil
}

// DefaultRequired gives the default required level for a position from the
// policy's table: "kind:jenjang" first, then "kind", then 1.
func (p Policy) DefaultRequired(kind people.PositionKind, jenjang people.Jenjang) int {
	if jenjang != "" {
		if v, ok := p.Required[string(kind)+":"+string(jenjang)]; ok {
			return v
		}
	}
	if v, ok := p.Required[string(kind)]; ok {
		return v
	}
	return MinLevel
}

// rank gives a source's place in the priority list (0 strongest) or -1.
func (p Policy) rank(s Source) int {
	for i, x := range p.Priority {
		if x == s {
			return i
		}
	}
	return -1
}
