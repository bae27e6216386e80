package people

import (
	"fmt"
	"strings"
	"time"
)

// compactNIP trims s and removes the ASCII spaces inside it.
func compactNIP(s string) string {
	return strings.ReplaceAll(strings.TrimSpace(s), " ", "")
}

// FormatNIP returns the spaced display form of a NIP or NI PPPK. Both use
// the grouping BKN prints on decrees and in SIASN, 8-6-1-3:
//
//	PNS:  19850312 201001 1 002  (birth date, TMT CPNS, sex, serial)
//	PPPK: 19900101 202321 2 015  (birth date, year + "2" + intake, sex, serial)
//
// Any spacing in n is ignored. Input that is not 18 ASCII digits is returned
// unchanged; FormatNIP does not validate the parts (use ParseNIP).
func FormatNIP(n string) string {
	d := compactNIP(n)
	if len(d) != nipLen || strings.IndexFunc(d, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return n
	}
	return d[0:8] + " " + d[8:14] + " " + d[14:15] + " " + d[15:18]
}

// MaskNIP hides a NIP from viewers who need not see it: spaces are removed,
// the first 4 and the last 3 characters are kept and the others become "•"
// ("1985•••••••••••002"). Input of 7 characters or fewer is masked entirely.
func MaskNIP(n string) string {
	r := []rune(compactNIP(n))
	if len(r) <= 7 {
		return strings.Repeat("•", len(r))
	}
	return string(r[:4]) + strings.Repeat("•", len(r)-7) + string(r[len(r)-3:])
}

// BuildPNSNIP composes the 18 digits of a PNS NIP. Only the year and month
// of tmt are used. The result parses with ParseNIP when the parts are valid
// (see ParseNIP); out-of-range parts give a string ParseNIP rejects.
func BuildPNSNIP(birth time.Time, tmt time.Time, sex Sex, serial int) string {
	return fmt.Sprintf("%04d%02d%02d%04d%02d%d%03d",
		birth.Year(), int(birth.Month()), birth.Day(), tmt.Year(), int(tmt.Month()), int(sex), serial)
}

// BuildPPPKNI composes the 18 digits of a NI PPPK. The result parses with
// ParseNIP when the parts are valid (see ParseNIP).
func BuildPPPKNI(birth time.Time, year int, intake int, sex Sex, serial int) string {
	return fmt.Sprintf("%04d%02d%02d%04d2%d%d%03d",
		birth.Year(), int(birth.Month()), birth.Day(), year, intake, int(sex), serial)
}

// Label returns the Indonesian word for a sex: "laki-laki", "perempuan",
// or "" for an unknown value.
func (s Sex) Label() string {
	switch s {
	case Male:
		return "laki-laki"
	case Female:
		return "perempuan"
	}
	return ""
}

// Describe decodes the number in one line of Bahasa Indonesia, e.g.
//
//	PNS · lahir 12 Maret 1985 · TMT CPNS Januari 2010 · laki-laki · nomor urut 2
//	PPPK · lahir 1 Januari 1990 · diangkat 2023 tahap 1 · perempuan · nomor urut 15
//
// The zero NIP gives "".
func (n NIP) Describe() string {
	var middle string
	switch n.Kind {
	case PNS:
		middle = "TMT CPNS " + formatMonthID(n.TMT)
	case PPPK:
		middle = fmt.Sprintf("diangkat %d tahap %d", n.AppointmentYear, n.Intake)
	default:
		return ""
	}
	return fmt.Sprintf("%s · lahir %s · %s · %s · nomor urut %d",
		strings.ToUpper(string(n.Kind)), FormatDateID(n.BirthDate), middle, n.Sex.Label(), n.Serial)
}
