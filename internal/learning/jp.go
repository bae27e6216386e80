package learning

import (
	"fmt"
	"math"
	"sort"
	"time"

	"asah/internal/development"
	"asah/internal/people"
)

// The JP ledger (PP 11/2017, PerLAN 10/2018): every PNS has the right to at
// least 20 JP of competency development a year, a PPPK up to 24; one JP
// (jam pelajaran) is 45 minutes. The ledger counts in minutes so that hours
// claimed for external learning add up exactly; JP are minutes / 45.

// MinutesPerJP is the length of one JP.
const MinutesPerJP = 45

// JPPolicy holds the configurable numbers of the ledger.
type JPPolicy struct {
	// Target is the yearly JP target per employee kind.
	Target map[people.EmployeeKind]int
	// Credit is the JP credited for one non-classroom activity of a form,
	// whatever its duration (the city's local table).
	Credit map[development.Form]int
}

// DefaultJPPolicy is 20 JP for PNS, 24 for PPPK, and the common local table
// of DOMAIN.md §5: coaching, mentoring and self-study 2 JP; e-learning 3;
// distance training 4; benchmarking 10; internship, secondment and exchange
// 20.
func DefaultJPPolicy() JPPolicy {
	return JPPolicy{
		Target: map[people.EmployeeKind]int{people.PNS: 20, people.PPPK: 24},
		Credit: map[development.Form]int{
			development.Coaching: 2, development.Mentoring: 2, development.BelajarMandiri: 2,
			development.ELearning: 3, development.PelatihanJarakJauh: 4, development.PatokBanding: 10,
			development.Magang: 20, development.Detasering: 20, development.PertukaranPegawai: 20,
		},
	}
}

// JPPolicyFrom takes the ledger's numbers from the development policy, where
// the city configures them once for planning and crediting alike: its
// yearly targets, and its JP of every non-classroom form as the credit
// table.
func JPPolicyFrom(p development.Policy) JPPolicy {
	out := JPPolicy{Target: map[people.EmployeeKind]int{}, Credit: map[development.Form]int{}}
	for k, v := range p.TargetJP {
		out.Target[k] = v
	}
	for f, v := range p.JP {
		if f.Valid() && !f.Classroom() {
			out.Credit[f] = v
		}
	}
	return out
}

// Validate reports the first inconsistency of a policy.
func (p JPPolicy) Validate() error {
	for _, k := range []people.EmployeeKind{people.PNS, people.PPPK} {
		v, ok := p.Target[k]
		if !ok {
			return fmt.Errorf("kebijakan JP: target JP %s belum diisi", k)
		}
		if v < 0 || v > 500 {
			return fmt.Errorf("kebijakan JP: target JP %s %d di luar 0–500", k, v)
		}
	}
	forms := make([]string, 0, len(p.Credit))
	for f := range p.Credit {
		forms = append(forms, string(f))
	}
	sort.Strings(forms)
	for _, s := range forms {
		f := development.Form(s)
		switch {
		case !f.Valid():
			return fmt.Errorf("kebijakan JP: bentuk %q tidak dikenal", s)
		case f.Classroom():
			return fmt.Errorf("kebijakan JP: %s adalah bentuk klasikal; JP-nya mengikuti program, bukan tabel", f.Label())
		case p.Credit[f] < 0 || p.Credit[f] > development.MaxJPPerItem:
			return fmt.Errorf("kebijakan JP: JP %s %d di luar 0–%d", f.Label(), p.Credit[f], development.MaxJPPerItem)
		}
	}
	return nil
}

// TargetOf is the yearly JP target of an employee kind (the PNS figure
// for an unknown kind).
func (p JPPolicy) TargetOf(k people.EmployeeKind) int {
	if v, ok := p.Target[k]; ok {
		return v
	}
	return p.Target[people.PNS]
}

// CreditMinutes is what one non-classroom activity of form f credits by the
// table; ok is false for a classroom form or a form the table lacks.
func (p JPPolicy) CreditMinutes(f development.Form) (minutes int, ok bool) {
	if f.Classroom() {
		return 0, false
	}
	jp, ok := p.Credit[f]
	return jp * MinutesPerJP, ok
}

// ClaimMinutes is what an approved claim of external learning credits: the
// table's JP for a non-classroom form it lists, otherwise the duration
// claimed.
func (p JPPolicy) ClaimMinutes(f development.Form, claimed int) int {
	if m, ok := p.CreditMinutes(f); ok {
		return m
	}
	return claimed
}

// HoursToMinutes converts a duration claimed in hours (to the minute); it
// refuses anything not positive or beyond a year of full days.
func HoursToMinutes(h float64) (int, error) {
	if math.IsNaN(h) || h <= 0 {
		return 0, fmt.Errorf("jumlah jam harus lebih dari 0")
	}
	if h > MaxClaimJP*MinutesPerJP/60 {
		return 0, fmt.Errorf("jumlah jam %.1f terlalu besar (paling banyak %d jam)", h, MaxClaimJP*MinutesPerJP/60)
	}
	return int(math.Round(h * 60)), nil
}

// MaxClaimJP bounds one claim.
const MaxClaimJP = 400

// JP renders minutes as JP (fractional: 90 minutes are 2 JP, 60 minutes 1.33).
func MinutesToJP(minutes int) float64 { return float64(minutes) / MinutesPerJP }

// ledgerZone is the city's civil time zone: a year of the ledger runs from 1
// January 00:00 WIB.
var ledgerZone = time.FixedZone("WIB", 7*3600)

// YearOf is the ledger year of an instant (a completion time): its
// calendar year in WIB. A completion at 23:30 WIB on 31 December counts in
// that year; one at 00:30 WIB on 1 January (17:30 UTC the day before) in
// the next.
func YearOf(t time.Time) int { return t.In(ledgerZone).Year() }

// LedgerDay is the civil date (UTC midnight) of an instant in WIB: the
// day a completion counts on.
func LedgerDay(t time.Time) time.Time {
	if t.IsZero() {
		return t
	}
	l := t.In(ledgerZone)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

// YearBounds are the instants [from, to) of a ledger year, for queries on
// completion times.
func YearBounds(year int) (from, to time.Time) {
	return time.Date(year, 1, 1, 0, 0, 0, 0, ledgerZone).UTC(), time.Date(year+1, 1, 1, 0, 0, 0, 0, ledgerZone).UTC()
}

// JPSource is where an entry of the ledger comes from.
type JPSource string

const (
	// JPFromEvent is a completed enrollment: its program's JP, in the year
	// of completion.
	JPFromEvent JPSource = "event"
	// JPFromClaim is an approved claim of external learning, in the year of
	// the activity.
	JPFromClaim JPSource = "claim"
	// JPFromActivity is a non-classroom item of an approved development
	// plan marked done, credited by the table in the plan's year, unless
	// an enrollment or a claim carries it.
	JPFromActivity JPSource = "activity"
)

// Label is the display name of a source.
func (s JPSource) Label() string {
	switch s {
	case JPFromEvent:
		return "Pelatihan/acara selesai"
	case JPFromClaim:
		return "Klaim pembelajaran eksternal"
	case JPFromActivity:
		return "Kegiatan nonklasikal"
	}
	return string(s)
}

// JPEntry is one credit of the ledger.
type JPEntry struct {
	Source JPSource
	// Ref identifies the record: the enrollment, the claim or the plan item.
	Ref   int64
	Title string
	Form  development.Form
	// On is the date it counts on: the completion day (WIB), the activity
	// date, or 1 January of the plan's year.
	On      time.Time
	Year    int
	Minutes int
}

// JPLedger is one employee's credits of one year against the target.
type JPLedger struct {
	Year     int
	Target   int // JP
	Entries  []JPEntry
	Progress JPProgress
}

// BuildJPLedger keeps the entries of the year, counts each record once (an
// enrollment read twice, say through two joins, still credits once), and
// sums them; entries are ordered by date.
func BuildJPLedger(year, targetJP int, entries []JPEntry) JPLedger {
	l := JPLedger{Year: year, Target: targetJP}
	seen := map[JPSource]map[int64]bool{}
	for _, e := range entries {
		if e.Year != year || e.Minutes <= 0 {
			continue
		}
		if seen[e.Source] == nil {
			seen[e.Source] = map[int64]bool{}
		}
		if e.Ref != 0 && seen[e.Source][e.Ref] {
			continue
		}
		seen[e.Source][e.Ref] = true
		l.Entries = append(l.Entries, e)
		l.Progress.Minutes += e.Minutes
	}
	sort.SliceStable(l.Entries, func(i, j int) bool { return l.Entries[i].On.Before(l.Entries[j].On) })
	l.Progress.TargetJP = targetJP
	return l
}

// BySource sums the minutes of a ledger per source.
func (l JPLedger) BySource() map[JPSource]int {
	out := map[JPSource]int{}
	for _, e := range l.Entries {
		out[e.Source] += e.Minutes
	}
	return out
}

// JPProgress is achieved JP against a target. The true sum is kept (a year
// of 26 JP against 20 shows 130 %); only the bar is capped.
type JPProgress struct {
	Minutes  int
	TargetJP int
}

// JP is the achieved JP (fractional).
func (p JPProgress) JP() float64 { return MinutesToJP(p.Minutes) }

// Ratio is achieved / target, uncapped; a zero target counts as met (1).
func (p JPProgress) Ratio() float64 {
	if p.TargetJP <= 0 {
		return 1
	}
	return float64(p.Minutes) / float64(p.TargetJP*MinutesPerJP)
}

// Percent is the true percentage (may exceed 100).
func (p JPProgress) Percent() float64 { return p.Ratio() * 100 }

// BarPercent is the percentage a progress bar shows: capped at 100.
func (p JPProgress) BarPercent() float64 { return min(p.Percent(), 100) }

// Met reports whether the target is reached.
func (p JPProgress) Met() bool { return p.Minutes >= p.TargetJP*MinutesPerJP }

// RemainingJP is what is left to reach the target (0 once met).
func (p JPProgress) RemainingJP() float64 {
	return max(0, float64(p.TargetJP*MinutesPerJP-p.Minutes)/MinutesPerJP)
}

// JPCompliance is the share of a group that reached its targets.
type JPCompliance struct {
	Employees int
	Met       int
	// Minutes and TargetJP are the group's sums.
	Minutes  int
	TargetJP int
}

// Add counts one employee's progress.
func (c *JPCompliance) Add(p JPProgress) {
	c.Employees++
	if p.Met() {
		c.Met++
	}
	c.Minutes += p.Minutes
	c.TargetJP += p.TargetJP
}

// Share is the fraction of employees on target (0 for an empty group).
func (c JPCompliance) Share() float64 {
	if c.Employees == 0 {
		return 0
	}
	return float64(c.Met) / float64(c.Employees)
}

// AverageJP is the mean achieved JP per employee.
func (c JPCompliance) AverageJP() float64 {
	if c.Employees == 0 {
		return 0
	}
	return MinutesToJP(c.Minutes) / float64(c.Employees)
}
