package people

import (
	"fmt"
	"time"
)

var monthsID = [...]string{
	"Januari", "Februari", "Maret", "April", "Mei", "Juni",
	"Juli", "Agustus", "September", "Oktober", "November", "Desember",
}

// MonthNameID returns the Indonesian name of a month ("Maret"), or "" for a
// value outside January–December.
func MonthNameID(m time.Month) string {
	if m < time.January || m > time.December {
		return ""
	}
	return monthsID[m-1]
}

// FormatDateID formats a civil date the Indonesian way: "27 November 2026"
// (day without a leading zero). The zero time gives "".
func FormatDateID(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", t.Day(), MonthNameID(t.Month()), t.Year())
}

// formatMonthID formats the month of a date: "Januari 2010".
func formatMonthID(t time.Time) string {
	return fmt.Sprintf("%s %d", MonthNameID(t.Month()), t.Year())
}

// civilDate returns the UTC midnight of a calendar date, or a reason in
// Bahasa Indonesia why it does not exist. mm and dd are the digits as typed.
func civilDate(y int, mm, dd string) (time.Time, string) {
	m, d := atoi(mm), atoi(dd)
	switch {
	case y < minYear || y > maxYear:
		return time.Time{}, fmt.Sprintf("tahun %d di luar rentang %d–%d", y, minYear, maxYear)
	case m < 1 || m > 12:
		return time.Time{}, "bulan " + mm + " tidak ada"
	case d < 1:
		return time.Time{}, "tanggal " + dd + " tidak ada"
	case d > daysIn(y, time.Month(m)):
		return time.Time{}, fmt.Sprintf("%d %s %d tidak ada", d, MonthNameID(time.Month(m)), y)
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), ""
}

// daysIn is the number of days of a month.
func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// atoi converts a string of ASCII digits.
func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}
