// Package certificate renders the certificate of a completed training as an
// A4 landscape PDF with a QR code that links to its public verification
// page, and builds the certificate's number and verification code.
package certificate

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"time"
)

// Certificate is what the PDF shows. It carries no NIP: the holder's name,
// the program and the verification code identify it.
type Certificate struct {
	Number      string // e.g. ASAH/2026/000123
	Code        string // verification code
	Holder      string // name with titles
	Program     string
	Provider    string // the institution that held it ("" to leave out)
	JP          int
	StartsOn    time.Time
	EndsOn      time.Time
	CompletedOn time.Time
}

// NumberPrefix starts every certificate number.
const NumberPrefix = "ASAH"

// Number formats the human certificate number of a year's n-th certificate.
func Number(year, seq int) string { return fmt.Sprintf("%s/%d/%06d", NumberPrefix, year, seq) }

// CodeBytes is the entropy of a verification code: 128 bits, so that codes
// cannot be guessed or enumerated.
const CodeBytes = 16

// NewCode returns a fresh verification code: URL-safe base64 without
// padding (22 characters).
func NewCode() string {
	b := make([]byte, CodeBytes)
	if _, err := rand.Read(b); err != nil {
		panic("certificate: crypto/rand failed: " + err.Error()) // does not fail on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// ValidCode reports whether s has the shape of a verification code, to
// answer garbage without a database lookup.
func ValidCode(s string) bool {
	if len(s) != base64.RawURLEncoding.EncodedLen(CodeBytes) {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil
}

// VerifyPath is the public verification page of a code.
func VerifyPath(code string) string { return "/verifikasi/" + code }

// VerifyURL is the absolute link the QR code carries: baseURL (scheme and
// host, optionally a path prefix) and the verification page.
func VerifyURL(baseURL, code string) string {
	return strings.TrimRight(baseURL, "/") + VerifyPath(code)
}

// Labels is the text of the certificate in one language. LabelsFrom fills
// it from the message catalogue (keys in LabelKeys).
type Labels struct {
	Issuer      string // the issuing agency, e.g. BKPSDM Kota Bandung
	Title       string // SERTIFIKAT
	Presented   string // diberikan kepada
	ForComplete string // atas keberhasilannya menyelesaikan
	Provider    string // diselenggarakan oleh
	Period      string // pelaksanaan
	Hours       string // unit after the JP figure: "JP (jam pelajaran)"
	Completed   string // tanggal kelulusan
	Number      string // nomor sertifikat
	Verify      string // line beside the QR code
	// Date formats a date in the language (e.g. 27 November 2026).
	Date func(time.Time) string
}

// LabelKeys maps each label to its message catalogue key.
var LabelKeys = map[string]string{
	"Issuer":      "certpdf.issuer",
	"Title":       "certpdf.title",
	"Presented":   "certpdf.presented",
	"ForComplete": "certpdf.for_complete",
	"Provider":    "certpdf.provider",
	"Period":      "certpdf.period",
	"Hours":       "certpdf.hours",
	"Completed":   "certpdf.completed",
	"Number":      "certpdf.number",
	"Verify":      "certpdf.verify",
}

// LabelsFrom fills labels from a catalogue: tr returns the message of a key.
func LabelsFrom(tr func(key string) string, date func(time.Time) string) Labels {
	return Labels{
		Issuer: tr(LabelKeys["Issuer"]), Title: tr(LabelKeys["Title"]), Presented: tr(LabelKeys["Presented"]), ForComplete: tr(LabelKeys["ForComplete"]),
		Provider: tr(LabelKeys["Provider"]), Period: tr(LabelKeys["Period"]), Hours: tr(LabelKeys["Hours"]),
		Completed: tr(LabelKeys["Completed"]), Number: tr(LabelKeys["Number"]), Verify: tr(LabelKeys["Verify"]), Date: date,
	}
}

// Render writes the certificate as a PDF to w.
func Render(w io.Writer, c Certificate, baseURL string, l Labels) error {
	return render(w, c, baseURL, l, true)
}
