package learning

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"asah/internal/development"
)

// A claim of external learning: an employee attended a seminar, a course or
// a non-classroom activity outside Asah's catalogue and asks for its JP,
// with an evidence file; the direct supervisor or an admin approves or
// rejects it.

// ClaimStatus is where a claim stands.
type ClaimStatus string

const (
	ClaimPending  ClaimStatus = "pending"
	ClaimApproved ClaimStatus = "approved"
	ClaimRejected ClaimStatus = "rejected"
)

// Label is the display name of a status.
func (s ClaimStatus) Label() string {
	switch s {
	case ClaimPending:
		return "Menunggu persetujuan"
	case ClaimApproved:
		return "Disetujui"
	case ClaimRejected:
		return "Ditolak"
	}
	return string(s)
}

// ClaimUnit is how the duration was entered.
type ClaimUnit string

const (
	ClaimHours ClaimUnit = "hours"
	ClaimJP    ClaimUnit = "jp"
)

// Limits of a claim.
const (
	MaxClaimTitle     = 300
	MaxClaimOrganiser = 200
	MaxClaimNote      = 2000
	// MaxEvidenceBytes bounds the evidence file: 5 MiB.
	MaxEvidenceBytes = 5 << 20
	// ClaimMaxAgeYears is how far back a claim may go: the current and the
	// previous year (a December seminar is often claimed in January).
	ClaimMaxAgeYears = 1
)

// Claim is a claim as entered and stored.
type Claim struct {
	ID             int64
	EmployeeID     int64
	Title          string
	Organiser      string
	Form           development.Form
	ActivityOn     time.Time
	Unit           ClaimUnit
	ClaimedMinutes int
	CreditMinutes  int
	Note           string
	IDPItemID      int64
	Status         ClaimStatus
	Comment        string // the decision's comment
	DecidedBy      string
	DeciderName    string
	DecidedAt      time.Time
	CreatedBy      string
	CreatedAt      time.Time
	UpdatedAt      time.Time
	Evidence       Evidence // without Data in lists
}

// Evidence is the file attached to a claim.
type Evidence struct {
	Name        string
	ContentType string
	Size        int
	Data        []byte
}

// ClaimInput is a claim as a user submits it. Exactly one of Hours and JP
// is set.
type ClaimInput struct {
	Title      string
	Organiser  string
	Form       string
	ActivityOn string // YYYY-MM-DD
	Hours      float64
	JP         int
	Note       string
	Evidence   Evidence
}

// NewClaim validates an input on the day today and returns the claim to
// store (pending, credit computed by the policy) or the fields at fault.
func NewClaim(in ClaimInput, pol JPPolicy, today time.Time) (Claim, map[string]string) {
	errs := map[string]string{}
	c := Claim{Title: strings.TrimSpace(in.Title), Organiser: strings.TrimSpace(in.Organiser), Note: strings.TrimSpace(in.Note),
		Status: ClaimPending}
	text := func(field, label, v string, max int, required bool) {
		switch {
		case required && v == "":
			errs[field] = label + " wajib diisi"
		case utf8.RuneCountInString(v) > max:
			errs[field] = fmt.Sprintf("%s paling banyak %d karakter", label, max)
		}
	}
	text("title", "judul kegiatan", c.Title, MaxClaimTitle, true)
	text("organiser", "penyelenggara", c.Organiser, MaxClaimOrganiser, true)
	text("note", "keterangan", c.Note, MaxClaimNote, false)
	f, err := development.ParseForm(in.Form)
	if err != nil {
		errs["form"] = err.Error()
	}
	c.Form = f
	on, err := time.Parse("2006-01-02", strings.TrimSpace(in.ActivityOn))
	switch {
	case err != nil:
		errs["activity_on"] = fmt.Sprintf("tanggal kegiatan %q tidak valid (format YYYY-MM-DD)", in.ActivityOn)
	case on.After(today):
		errs["activity_on"] = "tanggal kegiatan belum terjadi"
	case on.Year() < today.Year()-ClaimMaxAgeYears:
		errs["activity_on"] = fmt.Sprintf("kegiatan sebelum tahun %d tidak dapat diklaim lagi", today.Year()-ClaimMaxAgeYears)
	}
	c.ActivityOn = on
	switch {
	case in.Hours != 0 && in.JP != 0:
		errs["duration"] = "isi jumlah jam atau JP, tidak keduanya"
	case in.JP != 0:
		if in.JP < 0 || in.JP > MaxClaimJP {
			errs["duration"] = fmt.Sprintf("JP harus 1–%d", MaxClaimJP)
		}
		c.Unit, c.ClaimedMinutes = ClaimJP, in.JP*MinutesPerJP
	case in.Hours != 0:
		m, err := HoursToMinutes(in.Hours)
		if err != nil {
			errs["duration"] = err.Error()
		}
		c.Unit, c.ClaimedMinutes = ClaimHours, m
	default:
		errs["duration"] = "isi jumlah jam atau JP kegiatan"
	}
	ev, err := CheckEvidence(in.Evidence)
	if err != nil {
		errs["evidence"] = err.Error()
	}
	c.Evidence = ev
	if len(errs) > 0 {
		return Claim{}, errs
	}
	c.CreditMinutes = pol.ClaimMinutes(c.Form, c.ClaimedMinutes)
	return c, nil
}

// Evidence file signatures: the content decides the type, never the name.
var evidenceKinds = []struct {
	magic       []byte
	contentType string
	ext         string
}{
	{[]byte("%PDF-"), "application/pdf", ".pdf"},
	{[]byte{0xFF, 0xD8, 0xFF}, "image/jpeg", ".jpg"},
	{[]byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, "image/png", ".png"},
}

// CheckEvidence accepts a PDF, JPEG or PNG file of at most 5 MiB, typed by
// its content; the stored name keeps only safe characters and gets the
// extension of the real type.
func CheckEvidence(e Evidence) (Evidence, error) {
	if len(e.Data) == 0 {
		return Evidence{}, fmt.Errorf("unggah bukti kegiatan (PDF, JPEG, atau PNG)")
	}
	if len(e.Data) > MaxEvidenceBytes {
		return Evidence{}, fmt.Errorf("berkas bukti %.1f MiB melebihi batas 5 MiB", float64(len(e.Data))/(1<<20))
	}
	for _, k := range evidenceKinds {
		if bytes.HasPrefix(e.Data, k.magic) {
			return Evidence{Name: safeName(e.Name, k.ext), ContentType: k.contentType, Size: len(e.Data), Data: e.Data}, nil
		}
	}
	return Evidence{}, fmt.Errorf("berkas bukti bukan PDF, JPEG, atau PNG (isinya diperiksa, bukan namanya)")
}

// safeName keeps letters, digits, dot, dash and underscore of a file name
// (at most 80), with the extension of the detected type.
func safeName(name, ext string) string {
	if i := strings.LastIndexAny(name, `/\`); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.LastIndex(name, "."); i > 0 {
		name = name[:i]
	}
	var b strings.Builder
	for _, r := range name {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		case r == ' ' || r == '.':
			b.WriteByte('_')
		}
		if b.Len() >= 80 {
			break
		}
	}
	if b.Len() == 0 {
		return "bukti" + ext
	}
	return b.String() + ext
}
