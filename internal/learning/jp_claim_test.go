package learning

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"asah/internal/development"
)

var (
	pdfBytes = []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")
	pngBytes = []byte{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13}
	jpgBytes = []byte{0xFF, 0xD8, 0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F'}
)

func TestNewClaim(t *testing.T) {
	today := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	pol := DefaultJPPolicy()
	in := ClaimInput{Title: " Seminar Nasional Kota Tangguh Bencana ", Organiser: "Universitas Padjadjaran", Form: "seminar",
		ActivityOn: "2026-10-14", Hours: 2.5, Evidence: Evidence{Name: "../../sertifikat seminar.png", Data: pdfBytes}}
	c, errs := NewClaim(in, pol, today)
	if len(errs) != 0 {
		t.Fatalf("valid claim refused: %v", errs)
	}
	if c.Title != "Seminar Nasional Kota Tangguh Bencana" || c.Form != development.Seminar || c.Unit != ClaimHours ||
		c.ClaimedMinutes != 150 || c.CreditMinutes != 150 || c.Status != ClaimPending {
		t.Errorf("claim %+v", c)
	}
	// The content decides the type: a PDF named .png is a PDF; the name
	// loses its path.
	if c.Evidence.ContentType != "application/pdf" || c.Evidence.Name != "sertifikat_seminar.pdf" || c.Evidence.Size != len(pdfBytes) {
		t.Errorf("evidence %+v", c.Evidence)
	}
	// A non-classroom form credits the table, whatever the hours.
	in.Form, in.Hours, in.JP = "E-Learning", 0, 12
	in.Evidence = Evidence{Name: "bukti.jpg", Data: jpgBytes}
	c, errs = NewClaim(in, pol, today)
	if len(errs) != 0 || c.Unit != ClaimJP || c.ClaimedMinutes != 12*45 || c.CreditMinutes != 3*45 || c.Evidence.ContentType != "image/jpeg" {
		t.Errorf("e-learning claim %+v %v", c, errs)
	}
	// A December activity of last year may still be claimed; older not.
	in.ActivityOn = "2025-12-20"
	if _, errs = NewClaim(in, pol, today); len(errs) != 0 {
		t.Errorf("last year's claim refused: %v", errs)
	}

	for name, c := range map[string]struct {
		mod   func(*ClaimInput)
		field string
	}{
		"no title":       {func(i *ClaimInput) { i.Title = "  " }, "title"},
		"long organiser": {func(i *ClaimInput) { i.Organiser = strings.Repeat("x", MaxClaimOrganiser+1) }, "organiser"},
		"unknown form":   {func(i *ClaimInput) { i.Form = "ngopi" }, "form"},
		"bad date":       {func(i *ClaimInput) { i.ActivityOn = "14/10/2026" }, "activity_on"},
		"future date":    {func(i *ClaimInput) { i.ActivityOn = "2026-11-28" }, "activity_on"},
		"too old":        {func(i *ClaimInput) { i.ActivityOn = "2024-12-31" }, "activity_on"},
		"hours and JP":   {func(i *ClaimInput) { i.Hours = 2 }, "duration"},
		"no duration":    {func(i *ClaimInput) { i.JP = 0 }, "duration"},
		"negative JP":    {func(i *ClaimInput) { i.JP = -4 }, "duration"},
		"huge JP":        {func(i *ClaimInput) { i.JP = MaxClaimJP + 1 }, "duration"},
		"no evidence":    {func(i *ClaimInput) { i.Evidence.Data = nil }, "evidence"},
		"text as PDF":    {func(i *ClaimInput) { i.Evidence = Evidence{Name: "bukti.pdf", Data: []byte("hello")} }, "evidence"},
		"evidence > 5MiB": {func(i *ClaimInput) {
			i.Evidence.Data = append(bytes.Clone(pngBytes), make([]byte, MaxEvidenceBytes)...)
		}, "evidence"},
	} {
		i := in
		i.ActivityOn = "2026-10-14"
		c.mod(&i)
		got, errs := NewClaim(i, pol, today)
		if len(errs) != 1 || errs[c.field] == "" || got.Title != "" {
			t.Errorf("%s: errors %v (want one on %s)", name, errs, c.field)
		}
	}
}

func TestCheckEvidenceAcceptsTheThreeTypes(t *testing.T) {
	for _, c := range []struct {
		data []byte
		typ  string
		name string
	}{{pdfBytes, "application/pdf", "a.pdf"}, {pngBytes, "image/png", "a.png"}, {jpgBytes, "image/jpeg", "a.jpg"}} {
		e, err := CheckEvidence(Evidence{Name: "a.bin", Data: c.data})
		if err != nil || e.ContentType != c.typ || e.Name != c.name {
			t.Errorf("%s: %+v %v", c.typ, e, err)
		}
	}
	if e, _ := CheckEvidence(Evidence{Name: "???.pdf", Data: pdfBytes}); e.Name != "bukti.pdf" {
		t.Errorf("name of nothing safe: %q", e.Name)
	}
	exact := append(bytes.Clone(pngBytes), make([]byte, MaxEvidenceBytes-len(pngBytes))...)
	if _, err := CheckEvidence(Evidence{Data: exact}); err != nil {
		t.Errorf("exactly 5 MiB refused: %v", err)
	}
}
