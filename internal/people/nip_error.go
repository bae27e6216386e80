package people

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// NIPPart names the part of a NIP / NI PPPK that failed validation.
type NIPPart string

const (
	PartLength          NIPPart = "length"           // not 18 digits (or empty)
	PartDigits          NIPPart = "digits"           // a character other than a digit or a space
	PartBirthDate       NIPPart = "birth_date"       // digits 1–8
	PartTMT             NIPPart = "tmt"              // digits 9–14 of a PNS NIP
	PartKind            NIPPart = "kind"             // digit 13: 0/1 PNS, 2 PPPK
	PartAppointmentYear NIPPart = "appointment_year" // digits 9–12 of a NI PPPK
	PartIntake          NIPPart = "intake"           // digit 14 of a NI PPPK
	PartSex             NIPPart = "sex"              // digit 15
	PartSerial          NIPPart = "serial"           // digits 16–18
)

// NIPError is the error of ParseNIP. Msg is the complete one-line message in
// Bahasa Indonesia, ready to print: it names the number as typed, the part
// and the reason, e.g.
//
//	NIP 198502302010011002: tanggal lahir tidak valid (30 Februari 1985 tidak ada)
type NIPError struct {
	Part NIPPart
	Msg  string
}

func (e *NIPError) Error() string { return e.Msg }

// maxEcho bounds how much of the typed input an error message repeats.
const maxEcho = 40

// newNIPError builds "<label> <input>: <reason>".
func newNIPError(part NIPPart, label, input, reason string) *NIPError {
	return &NIPError{Part: part, Msg: label + " " + echo(input) + ": " + reason}
}

// echo returns the input for an error message: unchanged when it is short
// and printable, otherwise cut to maxEcho runes and Go-quoted so that the
// message stays on one line.
func echo(s string) string {
	plain := true
	n := 0
	for i, r := range s {
		if n == maxEcho {
			return strconv.QuoteToGraphic(s[:i]) + "…"
		}
		n++
		if r == utf8.RuneError || !unicode.IsPrint(r) {
			plain = false
		}
	}
	if plain {
		return s
	}
	return strconv.QuoteToGraphic(s)
}
