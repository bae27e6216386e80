package learning

import (
	"time"
)

// AgreementStatus is where a cooperation agreement stands on a day; it
// follows from its dates.
type AgreementStatus string

const (
	AgreementUpcoming   AgreementStatus = "upcoming"    // not in force yet
	AgreementActive     AgreementStatus = "active"      // in force, more than 90 days left
	AgreementExpiring90 AgreementStatus = "expiring_90" // ends within 90 days
	AgreementExpiring30 AgreementStatus = "expiring_30" // ends within 30 days
	AgreementExpired    AgreementStatus = "expired"     // its end date has passed
	AgreementTerminated AgreementStatus = "terminated"  // ended early
)

// Warning windows, in days before the end date.
const (
	WarnDays   = 90
	UrgentDays = 30
)

const maxAgreementYears = 20

// Document is the stored file of an agreement (without its bytes).
type Document struct {
	Name        string
	ContentType string
	Size        int64
}

// Agreement is a cooperation agreement (MoU / perjanjian kerja sama) with a
// partner, valid from StartsOn through EndsOn (both inclusive) unless
// TerminatedOn ends it earlier.
type Agreement struct {
	ID           int64
	PartnerID    int64
	Number       string
	Title        string
	Scope        string
	StartsOn     time.Time
	EndsOn       time.Time
	TerminatedOn time.Time // zero: not terminated
	Document     Document  // Size 0: no document yet
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// Validate checks an agreement: number, partner, dates in order and a
// validity of at most 20 years, a termination inside the validity.
func (a Agreement) Validate() error {
	var fs Faults
	fs.code("number", "nomor perjanjian", a.Number, true)
	if a.PartnerID == 0 {
		fs.add("partner", "mitra perjanjian wajib dipilih")
	}
	fs.text("title", "judul perjanjian", a.Title, maxName, false)
	fs.text("scope", "ruang lingkup", a.Scope, maxText, false)
	switch {
	case a.StartsOn.IsZero():
		fs.add("starts_on", "tanggal mulai wajib diisi")
	case a.EndsOn.IsZero():
		fs.add("ends_on", "tanggal berakhir wajib diisi")
	case a.EndsOn.Before(a.StartsOn):
		fs.add("ends_on", "tanggal berakhir tidak boleh sebelum tanggal mulai")
	case a.EndsOn.After(a.StartsOn.AddDate(maxAgreementYears, 0, 0)):
		fs.add("ends_on", "masa berlaku perjanjian paling lama %d tahun", maxAgreementYears)
	case !a.TerminatedOn.IsZero() && (a.TerminatedOn.Before(a.StartsOn) || a.TerminatedOn.After(a.EndsOn)):
		fs.add("terminated_on", "tanggal pengakhiran harus di dalam masa berlaku")
	}
	return fs.err()
}

// civil reads t as a calendar date (its own location), at UTC midnight.
func civil(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// DaysLeft is the number of days from today to the end date (0 on the last
// day, negative once expired).
func (a Agreement) DaysLeft(today time.Time) int {
	return int(civil(a.EndsOn).Sub(civil(today)).Hours() / 24)
}

// Status is the agreement's status on today.
func (a Agreement) Status(today time.Time) AgreementStatus {
	d := civil(today)
	switch left := a.DaysLeft(today); {
	case !a.TerminatedOn.IsZero() && !d.Before(civil(a.TerminatedOn)):
		return AgreementTerminated
	case d.Before(civil(a.StartsOn)):
		return AgreementUpcoming
	case left < 0:
		return AgreementExpired
	case left <= UrgentDays:
		return AgreementExpiring30
	case left <= WarnDays:
		return AgreementExpiring90
	}
	return AgreementActive
}

// InForce reports whether the agreement covers today.
func (a Agreement) InForce(today time.Time) bool {
	switch a.Status(today) {
	case AgreementActive, AgreementExpiring90, AgreementExpiring30:
		return true
	}
	return false
}

// AgreementWarning is an expiry warning: the status (expiring_90,
// expiring_30 or expired) and the days left (negative: days since expiry).
type AgreementWarning struct {
	Status   AgreementStatus
	DaysLeft int
}

// Urgent reports a warning of the 30-day window or an expiry.
func (w AgreementWarning) Urgent() bool { return w.Status != AgreementExpiring90 }

// Warning returns the expiry warning of today, if any: within 90 days of
// the end date, within 30, or expired within the last 90 days (an older
// expiry is history, not news). Terminated agreements never warn.
func (a Agreement) Warning(today time.Time) (AgreementWarning, bool) {
	st, left := a.Status(today), a.DaysLeft(today)
	switch {
	case st == AgreementExpiring90, st == AgreementExpiring30:
		return AgreementWarning{Status: st, DaysLeft: left}, true
	case st == AgreementExpired && left >= -WarnDays:
		return AgreementWarning{Status: st, DaysLeft: left}, true
	}
	return AgreementWarning{}, false
}
