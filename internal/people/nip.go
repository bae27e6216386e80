package people

import (
	"fmt"
	"strings"
	"time"
)

// NIP is a decoded NIP (PNS) or NI PPPK. Both have 18 digits:
//
//	PNS:  YYYYMMDD YYYYMM S NNN  birth date, TMT CPNS month, sex, serial
//	PPPK: YYYYMMDD YYYY 2 T S NNN  birth date, appointment year, 2, intake (tahap), sex, serial
//
// Digit 13 tells them apart: 0 or 1 (first digit of the TMT month) for a
// PNS, 2 for a PPPK.
type NIP struct {
	Raw             string // the 18 digits, without spaces
	Kind            EmployeeKind
	BirthDate       time.Time // UTC midnight
	TMT             time.Time // PNS: first day of the TMT CPNS month (UTC); zero for PPPK
	AppointmentYear int       // PPPK: digits 9–12; PNS: the TMT year
	Intake          int       // PPPK: digit 14 (tahap 1–9); 0 for PNS
	Sex             Sex
	Serial          int // 1–999
}

const (
	nipLen = 18
	// minYear and maxYear bound every year in a NIP (birth, TMT, appointment).
	minYear = 1900
	maxYear = 2100
	// minServiceAge is the youngest age at TMT CPNS or PPPK appointment.
	minServiceAge = 18
)

// ParseNIP decodes and validates a NIP or NI PPPK. Surrounding white space
// is trimmed and ASCII spaces anywhere inside are removed, so the spaced
// form BKN prints ("19850312 201001 1 002") is accepted; any other
// character that is not an ASCII digit is an error.
//
// Checks, in digit order, the first failure being reported as *NIPError:
// 18 digits; birth date a real calendar date with a year in 1900–2100;
// digit 13 is 0, 1 or 2. PNS: TMT year in 1900–2100, month 01–12, and the
// first day of the TMT month not before the 18th birthday. PPPK: year in
// 1900–2100 and not before birth year + 18; intake 1–9. Then sex 1 or 2 and
// serial 001–999.
func ParseNIP(s string) (NIP, error) {
	typed := strings.TrimSpace(s)
	if typed == "" {
		return NIP{}, &NIPError{Part: PartLength, Msg: "NIP belum diisi"}
	}
	var b strings.Builder
	pos, digits := 0, 0
	for _, r := range typed {
		pos++
		if r == ' ' {
			continue
		}
		if r < '0' || r > '9' {
			return NIP{}, newNIPError(PartDigits, "NIP", typed,
				fmt.Sprintf("hanya boleh berisi angka, ada %q pada karakter ke-%d", string(r), pos))
		}
		digits++
		if digits <= nipLen {
			b.WriteRune(r)
		}
	}
	if digits != nipLen {
		return NIP{}, newNIPError(PartLength, "NIP", typed,
			fmt.Sprintf("panjang harus %d angka, ini %d angka", nipLen, digits))
	}
	d := b.String()

	label := "NIP"
	if d[12] == '2' {
		label = "NI PPPK"
	}
	fail := func(part NIPPart, format string, args ...any) (NIP, error) {
		return NIP{}, newNIPError(part, label, typed, fmt.Sprintf(format, args...))
	}

	n := NIP{Raw: d}
	birth, why := civilDate(atoi(d[0:4]), d[4:6], d[6:8])
	if why != "" {
		return fail(PartBirthDate, "tanggal lahir tidak valid (%s)", why)
	}
	n.BirthDate = birth

	switch d[12] {
	case '0', '1':
		n.Kind = PNS
		y, m := atoi(d[8:12]), atoi(d[12:14])
		switch {
		case y < minYear || y > maxYear:
			return fail(PartTMT, "TMT CPNS tidak valid (tahun %d di luar rentang %d–%d)", y, minYear, maxYear)
		case m < 1 || m > 12:
			return fail(PartTMT, "TMT CPNS tidak valid (bulan %s tidak ada)", d[12:14])
		}
		n.TMT = time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
		if n.TMT.Before(birth.AddDate(minServiceAge, 0, 0)) {
			return fail(PartTMT, "TMT CPNS %s sebelum usia %d tahun (lahir %s)",
				formatMonthID(n.TMT), minServiceAge, FormatDateID(birth))
		}
		n.AppointmentYear = y
	case '2':
		n.Kind = PPPK
		y := atoi(d[8:12])
		switch {
		case y < minYear || y > maxYear:
			return fail(PartAppointmentYear, "tahun pengangkatan %d di luar rentang %d–%d", y, minYear, maxYear)
		case y < birth.Year()+minServiceAge:
			return fail(PartAppointmentYear, "tahun pengangkatan %d sebelum usia %d tahun (lahir %d)",
				y, minServiceAge, birth.Year())
		}
		n.AppointmentYear = y
		n.Intake = int(d[13] - '0')
		if n.Intake == 0 {
			return fail(PartIntake, "digit ke-14 (tahap pengangkatan) harus 1–9, bukan 0")
		}
	default:
		return fail(PartKind, "digit ke-13 harus 0 atau 1 (PNS) atau 2 (PPPK), bukan %c", d[12])
	}

	switch d[14] {
	case '1':
		n.Sex = Male
	case '2':
		n.Sex = Female
	default:
		return fail(PartSex, "digit ke-15 (jenis kelamin) harus 1 (laki-laki) atau 2 (perempuan), bukan %c", d[14])
	}

	n.Serial = atoi(d[15:18])
	if n.Serial == 0 {
		return fail(PartSerial, "nomor urut 000 tidak valid (harus 001–999)")
	}
	return n, nil
}
