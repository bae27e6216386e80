package learning

import (
	"math"
	"testing"
	"time"

	"asah/internal/development"
	"asah/internal/people"
)

func instant(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestYearOfCountsInWIB(t *testing.T) {
	for _, c := range []struct {
		at   string
		year int
	}{
		{"2026-12-31T16:59:59Z", 2026}, // 23:59:59 WIB on 31 December
		{"2026-12-31T17:00:00Z", 2027}, // 00:00 WIB on 1 January
		{"2027-01-02T03:00:00Z", 2027},
	} {
		if got := YearOf(instant(c.at)); got != c.year {
			t.Errorf("YearOf(%s) = %d, want %d", c.at, got, c.year)
		}
	}
	if d := LedgerDay(instant("2026-12-31T17:30:00Z")); !d.Equal(time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("LedgerDay of 00:30 WIB on 1 January: %s", d)
	}
	from, to := YearBounds(2027)
	if !from.Equal(instant("2026-12-31T17:00:00Z")) || !to.Equal(instant("2027-12-31T17:00:00Z")) {
		t.Errorf("bounds of 2027: %s – %s", from, to)
	}
}

func TestLedgerAcrossYearsAndSources(t *testing.T) {
	pol := DefaultJPPolicy()
	coaching, _ := pol.CreditMinutes(development.Coaching)
	entries := []JPEntry{
		// A 24 JP training completed on 2 January 2027 (WIB) counts in 2027.
		{Source: JPFromEvent, Ref: 1, Title: "Pelatihan Manajerial", Minutes: 24 * MinutesPerJP, Year: YearOf(instant("2027-01-01T18:00:00Z")), On: instant("2027-01-02T00:00:00Z")},
		// The same enrollment read twice credits once.
		{Source: JPFromEvent, Ref: 1, Title: "Pelatihan Manajerial", Minutes: 24 * MinutesPerJP, Year: 2027},
		// One completed on 31 December 2026 counts in 2026.
		{Source: JPFromEvent, Ref: 2, Title: "Bimtek", Minutes: 16 * MinutesPerJP, Year: YearOf(instant("2026-12-31T10:00:00Z"))},
		// A claim of a 2026 seminar, approved in 2027, counts in 2026 (its activity's year).
		{Source: JPFromClaim, Ref: 1, Title: "Seminar", Minutes: 150, Year: 2026},
		// A claim of 2027: three hours.
		{Source: JPFromClaim, Ref: 2, Title: "Kursus daring", Minutes: 180, Year: 2027},
		// A coaching activity of the 2027 plan by the table.
		{Source: JPFromActivity, Ref: 9, Title: "Coaching", Form: development.Coaching, Minutes: coaching, Year: 2027},
		// Claim 1 and enrollment 1 share a number but not a source: both count.
	}
	l27 := BuildJPLedger(2027, pol.TargetOf(people.PNS), entries)
	if want := 24*45 + 180 + 2*45; l27.Progress.Minutes != want || len(l27.Entries) != 3 {
		t.Fatalf("2027: %d minutes in %d entries, want %d in 3", l27.Progress.Minutes, len(l27.Entries), want)
	}
	if got := l27.Progress.JP(); got != 30 {
		t.Errorf("2027 JP = %v, want 30", got)
	}
	if !l27.Progress.Met() || l27.Progress.Percent() != 150 || l27.Progress.BarPercent() != 100 || l27.Progress.RemainingJP() != 0 {
		t.Errorf("2027 progress: met %v, %v %%, bar %v %%", l27.Progress.Met(), l27.Progress.Percent(), l27.Progress.BarPercent())
	}
	if by := l27.BySource(); by[JPFromEvent] != 24*45 || by[JPFromClaim] != 180 || by[JPFromActivity] != 90 {
		t.Errorf("by source: %v", by)
	}
	l26 := BuildJPLedger(2026, 20, entries)
	if l26.Progress.Minutes != 16*45+150 || l26.Progress.Met() {
		t.Errorf("2026: %d minutes, met %v", l26.Progress.Minutes, l26.Progress.Met())
	}
	if r := l26.Progress.RemainingJP(); math.Abs(r-(20-(16+150.0/45))) > 1e-9 {
		t.Errorf("2026 remaining %v", r)
	}
}

func TestPPPKTarget(t *testing.T) {
	pol := DefaultJPPolicy()
	if pol.TargetOf(people.PPPK) != 24 || pol.TargetOf(people.PNS) != 20 || pol.TargetOf("honorer") != 20 {
		t.Fatalf("targets: PPPK %d, PNS %d", pol.TargetOf(people.PPPK), pol.TargetOf(people.PNS))
	}
	// 22 JP meet the PNS right but not the PPPK one.
	p := JPProgress{Minutes: 22 * MinutesPerJP, TargetJP: pol.TargetOf(people.PPPK)}
	if p.Met() || math.Abs(p.Percent()-22.0/24*100) > 1e-9 || p.RemainingJP() != 2 {
		t.Errorf("PPPK with 22 JP: met %v, %v %%, remaining %v", p.Met(), p.Percent(), p.RemainingJP())
	}
	if !(JPProgress{Minutes: 22 * MinutesPerJP, TargetJP: 20}).Met() {
		t.Error("PNS with 22 JP not on target")
	}
}

func TestCreditTable(t *testing.T) {
	pol := DefaultJPPolicy()
	for f, jp := range map[development.Form]int{development.Coaching: 2, development.Mentoring: 2, development.BelajarMandiri: 2,
		development.ELearning: 3, development.PelatihanJarakJauh: 4, development.PatokBanding: 10, development.Magang: 20,
		development.Detasering: 20, development.PertukaranPegawai: 20} {
		if m, ok := pol.CreditMinutes(f); !ok || m != jp*45 {
			t.Errorf("%s credits %d minutes (%v), want %d JP", f, m, ok, jp)
		}
	}
	if _, ok := pol.CreditMinutes(development.Seminar); ok {
		t.Error("a classroom form has a table credit")
	}
	// A non-classroom claim credits the table whatever its hours; a
	// classroom one its duration.
	if got := pol.ClaimMinutes(development.ELearning, 600); got != 3*45 {
		t.Errorf("e-learning claim of 10 h credits %d minutes", got)
	}
	if got := pol.ClaimMinutes(development.Seminar, 150); got != 150 {
		t.Errorf("seminar claim credits %d minutes", got)
	}
	// The development policy is where the city configures the table; its
	// defaults agree with DOMAIN.md's.
	from := JPPolicyFrom(development.DefaultPolicy())
	if err := from.Validate(); err != nil {
		t.Fatal(err)
	}
	for f, jp := range pol.Credit {
		if from.Credit[f] != jp {
			t.Errorf("development policy credits %s with %d JP, the default table %d", f, from.Credit[f], jp)
		}
	}
	if from.TargetOf(people.PNS) != 20 || from.TargetOf(people.PPPK) != 24 {
		t.Errorf("targets from the development policy: %v", from.Target)
	}
	if _, ok := from.Credit[development.PelatihanTeknis]; ok {
		t.Error("a classroom form entered the credit table")
	}
	bad := DefaultJPPolicy()
	bad.Credit[development.Workshop] = 8
	if err := bad.Validate(); err == nil {
		t.Error("a credit for a classroom form validated")
	}
	bad = DefaultJPPolicy()
	delete(bad.Target, people.PPPK)
	if err := bad.Validate(); err == nil {
		t.Error("a policy without the PPPK target validated")
	}
}

func TestHoursToMinutes(t *testing.T) {
	if m, err := HoursToMinutes(2.5); err != nil || m != 150 {
		t.Errorf("2.5 h = %d, %v", m, err)
	}
	for _, h := range []float64{0, -1, math.NaN(), 301} {
		if _, err := HoursToMinutes(h); err == nil {
			t.Errorf("%v hours accepted", h)
		}
	}
}

func TestCompliance(t *testing.T) {
	var c JPCompliance
	c.Add(JPProgress{Minutes: 20 * 45, TargetJP: 20})
	c.Add(JPProgress{Minutes: 30 * 45, TargetJP: 20})
	c.Add(JPProgress{Minutes: 0, TargetJP: 24})
	c.Add(JPProgress{Minutes: 10 * 45, TargetJP: 20})
	if c.Employees != 4 || c.Met != 2 || c.Share() != 0.5 || c.AverageJP() != 15 {
		t.Errorf("compliance %+v share %v avg %v", c, c.Share(), c.AverageJP())
	}
	if (JPCompliance{}).Share() != 0 {
		t.Error("empty group has a share")
	}
}
