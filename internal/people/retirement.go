package people

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// BUPTable holds the retirement ages (batas usia pensiun) as data, keyed by
// position kind ("jpt") or kind and jenjang ("fungsional:ahli_madya") — the
// same key style as the competency policy.
type BUPTable map[string]int

// fallbackBUP is the age used when a table has no entry for a position.
const fallbackBUP = 58

// DefaultBUP returns the usual ages (DOMAIN.md §6, to be verified per
// city): 58 for administrator, pengawas, pelaksana and most functional
// positions; 60 for JPT and Ahli Madya; 65 for Ahli Utama.
func DefaultBUP() BUPTable {
	return BUPTable{
		"jpt":                   60,
		"administrator":         58,
		"pengawas":              58,
		"pelaksana":             58,
		"fungsional":            58,
		"fungsional:ahli_madya": 60,
		"fungsional:ahli_utama": 65,
	}
}

// Age returns the retirement age for a position: the entry "kind:jenjang"
// if present, else "kind", else 58. A nil table gives 58.
func (t BUPTable) Age(kind PositionKind, jenjang Jenjang) int {
	if jenjang != JenjangNone {
		if v, ok := t[string(kind)+":"+string(jenjang)]; ok {
			return v
		}
	}
	if v, ok := t[string(kind)]; ok {
		return v
	}
	return fallbackBUP
}

// Validate reports the first bad entry: a key that is not a known kind or
// an allowed kind:jenjang pair, or an age outside 40–80.
func (t BUPTable) Validate() error {
	keys := make([]string, 0, len(t))
	for k := range t {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		kind, jenjang, _ := strings.Cut(k, ":")
		if pk, err := ParsePositionKind(kind); err != nil || string(pk) != kind {
			return fmt.Errorf("BUP %q: jenis jabatan %q tidak dikenal", k, kind)
		}
		if strings.Contains(k, ":") && !slices.Contains(AllowedJenjang(PositionKind(kind)), Jenjang(jenjang)) {
			return fmt.Errorf("BUP %q: jenjang %q tidak berlaku untuk jabatan %s", k, jenjang, kind)
		}
		if v := t[k]; v < 40 || v > 80 {
			return fmt.Errorf("BUP %q: usia %d tidak wajar (harus 40–80 tahun)", k, v)
		}
	}
	return nil
}

// RetirementDate returns the TMT pensiun: the first day of the month after
// the month in which the person reaches age (born 15 March 1970, age 58 →
// 1 April 2028; born 31 December → 1 January of the next year). Only the
// birth year and month matter, so a 29 February birthday needs no special
// case. The result is UTC midnight; a zero birth date gives the zero time.
func RetirementDate(birth time.Time, age int) time.Time {
	if birth.IsZero() {
		return time.Time{}
	}
	return time.Date(birth.Year()+age, birth.Month()+1, 1, 0, 0, 0, 0, time.UTC)
}
