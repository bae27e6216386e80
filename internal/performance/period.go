package performance

import (
	"fmt"
	"time"
)

// Frequency is how often an agency evaluates within the year.
type Frequency string

const (
	Monthly    Frequency = "bulanan"
	Quarterly  Frequency = "triwulanan"
	HalfYearly Frequency = "semesteran"
)

// DefaultFrequency is the usual choice: Triwulan I–IV plus the annual evaluation.
const DefaultFrequency = Quarterly

// ParseFrequency reads a frequency ("triwulanan", "quarterly", …).
func ParseFrequency(s string) (Frequency, error) {
	switch norm(s) {
	case string(Monthly), "monthly":
		return Monthly, nil
	case string(Quarterly), "quarterly", "triwulan":
		return Quarterly, nil
	case string(HalfYearly), "half_yearly", "semester":
		return HalfYearly, nil
	}
	return "", fmt.Errorf("frekuensi evaluasi %q tidak dikenal (pilih bulanan, triwulanan atau semesteran)", s)
}

// Label is the display name of a frequency.
func (f Frequency) Label() string {
	switch f {
	case Monthly:
		return "Bulanan"
	case Quarterly:
		return "Triwulanan"
	case HalfYearly:
		return "Semesteran"
	}
	return string(f)
}

// months is the length of one periodic evaluation in months (0: unknown).
func (f Frequency) months() int {
	switch f {
	case Monthly:
		return 1
	case Quarterly:
		return 3
	case HalfYearly:
		return 6
	}
	return 0
}

// PeriodStatus says whether evaluations may be recorded for a period.
type PeriodStatus string

const (
	PeriodPending PeriodStatus = "pending" // not opened yet
	PeriodOpen    PeriodStatus = "open"
	PeriodClosed  PeriodStatus = "closed"
)

// Label is the display name of a period status.
func (s PeriodStatus) Label() string {
	switch s {
	case PeriodPending:
		return "Belum dibuka"
	case PeriodOpen:
		return "Dibuka"
	case PeriodClosed:
		return "Ditutup"
	}
	return string(s)
}

// ParsePeriodStatus reads a period status.
func ParsePeriodStatus(s string) (PeriodStatus, error) {
	switch norm(s) {
	case string(PeriodPending), "belum_dibuka":
		return PeriodPending, nil
	case string(PeriodOpen), "buka", "dibuka":
		return PeriodOpen, nil
	case string(PeriodClosed), "tutup", "ditutup":
		return PeriodClosed, nil
	}
	return "", fmt.Errorf("status periode %q tidak dikenal (pilih open atau closed)", s)
}

// AnnualSeq is the sequence number of the annual evaluation of a year; the
// periodic ones are numbered from 1.
const AnnualSeq = 0

// Period is one evaluation period of a year: a periodic one (Seq ≥ 1) or the
// annual evaluation (Seq 0), which covers the whole year.
type Period struct {
	ID        int64
	Year      int
	Seq       int
	Name      string // "Triwulan II", "Semester I", "Maret", "Tahunan"
	Frequency Frequency
	Start     time.Time // civil dates, UTC midnight, inclusive
	End       time.Time
	Status    PeriodStatus
}

// Annual reports whether the period is the annual evaluation.
func (p Period) Annual() bool { return p.Seq == AnnualSeq }

// Title names the period with its year ("Triwulan II 2026").
func (p Period) Title() string { return fmt.Sprintf("%s %d", p.Name, p.Year) }

var roman = [...]string{"I", "II", "III", "IV", "V", "VI"}

var monthNames = [...]string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
	"Agustus", "September", "Oktober", "November", "Desember"}

// Periods returns the periods of a year for a frequency: the periodic ones
// in order, then the annual evaluation. All start pending.
func Periods(year int, f Frequency) ([]Period, error) {
	m := f.months()
	if m == 0 {
		return nil, fmt.Errorf("frekuensi evaluasi %q tidak dikenal", string(f))
	}
	if year < 2000 || year > 2100 {
		return nil, fmt.Errorf("tahun kinerja %d di luar rentang 2000–2100", year)
	}
	var out []Period
	for i := 0; i < 12/m; i++ {
		start := time.Date(year, time.Month(1+i*m), 1, 0, 0, 0, 0, time.UTC)
		end := start.AddDate(0, m, -1)
		var name string
		switch f {
		case Monthly:
			name = monthNames[i]
		case Quarterly:
			name = "Triwulan " + roman[i]
		case HalfYearly:
			name = "Semester " + roman[i]
		}
		out = append(out, Period{Year: year, Seq: i + 1, Name: name, Frequency: f, Start: start, End: end, Status: PeriodPending})
	}
	out = append(out, Period{Year: year, Seq: AnnualSeq, Name: "Tahunan", Frequency: f,
		Start: time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC), End: time.Date(year, 12, 31, 0, 0, 0, 0, time.UTC), Status: PeriodPending})
	return out, nil
}

// SetStatus applies an admin's decision to open or close a period. A pending
// or closed period may be opened (closed ones are reopened for corrections);
// only an open period may be closed.
func (p Period) SetStatus(to PeriodStatus) (Period, error) {
	switch to {
	case PeriodOpen:
		if p.Status == PeriodOpen {
			return p, fmt.Errorf("periode %s sudah dibuka", p.Title())
		}
	case PeriodClosed:
		if p.Status != PeriodOpen {
			return p, fmt.Errorf("periode %s belum dibuka sehingga tidak dapat ditutup", p.Title())
		}
	default:
		return p, fmt.Errorf("status periode %q tidak dapat dipilih (pilih open atau closed)", string(to))
	}
	p.Status = to
	return p, nil
}
