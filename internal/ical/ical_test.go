package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

var wib = time.FixedZone("WIB", 7*3600)

// unfold undoes RFC 5545 folding: a CRLF followed by one space or tab
// joins the lines.
func unfold(s string) []string {
	s = strings.ReplaceAll(s, "\r\n ", "")
	s = strings.ReplaceAll(s, "\r\n\t", "")
	return strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
}

func prop(lines []string, name string) []string {
	var out []string
	for _, l := range lines {
		if v, ok := strings.CutPrefix(l, name+":"); ok {
			out = append(out, v)
		}
	}
	return out
}

func TestWriteFoldsEscapesAndUsesUTC(t *testing.T) {
	summary := "Pelatihan Manajemen Proyek Konstruksi; Angkatan II, Kelas A — Dinas Sumber Daya Air dan Bina Marga \\ Kota Bandung (sesi 1)"
	cal := Calendar{Name: "Jadwal pembelajaran", Events: []Event{{
		UID: "session-12@asah", Start: time.Date(2026, 3, 2, 8, 0, 0, 0, wib), End: time.Date(2026, 3, 2, 16, 30, 0, 0, wib),
		Summary: summary, Location: "Aula BKPSDM, Jl. Wastukancana No. 2", URL: "https://asah.bandung.go.id/events/PMK-2026-02",
		Description: "Baris satu\r\nBaris dua\x07",
	}, {
		UID: "event-7@asah", AllDay: true, Start: time.Date(2026, 4, 6, 0, 0, 0, 0, time.UTC), End: time.Date(2026, 4, 8, 0, 0, 0, 0, time.UTC),
		Summary: "Bimtek Pengadaan Barang/Jasa", Cancelled: true,
	}}}
	var buf bytes.Buffer
	stamp := time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)
	if err := Write(&buf, cal, stamp); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.HasSuffix(out, "END:VCALENDAR\r\n") || strings.Count(out, "\n") != strings.Count(out, "\r\n") {
		t.Fatal("lines do not all end in CRLF")
	}
	folded := 0
	for _, l := range strings.Split(strings.TrimSuffix(out, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("fold split a character: %q", l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("the long summary was not folded")
	}
	lines := unfold(out)
	if lines[0] != "BEGIN:VCALENDAR" || prop(lines, "VERSION")[0] != "2.0" || prop(lines, "PRODID")[0] != ProductID ||
		prop(lines, "METHOD")[0] != "PUBLISH" {
		t.Errorf("calendar header: %v", lines[:5])
	}
	if n := len(prop(lines, "BEGIN")); n != 3 || len(prop(lines, "END")) != 3 {
		t.Errorf("%d BEGIN lines", n)
	}
	want := `Pelatihan Manajemen Proyek Konstruksi\; Angkatan II\, Kelas A — Dinas Sumber Daya Air dan Bina Marga \\ Kota Bandung (sesi 1)`
	if got := prop(lines, "SUMMARY"); len(got) != 2 || got[0] != want {
		t.Errorf("SUMMARY unfolded = %q\nwant %q", got, want)
	}
	if got := prop(lines, "UID"); len(got) != 2 || got[0] != "session-12@asah" || got[1] != "event-7@asah" {
		t.Errorf("UIDs %v", got)
	}
	// 08:00–16:30 WIB is 01:00–09:30 UTC.
	if got := prop(lines, "DTSTART"); got[0] != "20260302T010000Z" {
		t.Errorf("DTSTART %v", got)
	}
	if got := prop(lines, "DTEND"); got[0] != "20260302T093000Z" {
		t.Errorf("DTEND %v", got)
	}
	if got := prop(lines, "DTSTAMP"); len(got) != 2 || got[0] != "20261127T020000Z" {
		t.Errorf("DTSTAMP %v", got)
	}
	if got := prop(lines, "DTSTART;VALUE=DATE"); len(got) != 1 || got[0] != "20260406" {
		t.Errorf("all-day DTSTART %v", got)
	}
	if got := prop(lines, "DTEND;VALUE=DATE"); len(got) != 1 || got[0] != "20260409" {
		t.Errorf("all-day DTEND (exclusive) %v", got)
	}
	if got := prop(lines, "LOCATION"); got[0] != `Aula BKPSDM\, Jl. Wastukancana No. 2` {
		t.Errorf("LOCATION %v", got)
	}
	if got := prop(lines, "URL"); got[0] != "https://asah.bandung.go.id/events/PMK-2026-02" {
		t.Errorf("URL %v", got)
	}
	if got := prop(lines, "DESCRIPTION"); got[0] != `Baris satu\nBaris dua` {
		t.Errorf("DESCRIPTION %v (line breaks escaped, control characters dropped)", got)
	}
	if got := prop(lines, "STATUS"); got[0] != "CONFIRMED" || got[1] != "CANCELLED" {
		t.Errorf("STATUS %v", got)
	}
}

func TestWriteRefusesBrokenEvents(t *testing.T) {
	start := time.Date(2026, 3, 2, 1, 0, 0, 0, time.UTC)
	for name, e := range map[string]Event{
		"no UID":        {Start: start, End: start, Summary: "x"},
		"UID with CRLF": {UID: "a\r\nb", Start: start, End: start},
		"ends early":    {UID: "u", Start: start, End: start.Add(-time.Hour)},
		"URL blanks":    {UID: "u", Start: start, End: start, URL: "https://x/ y"},
	} {
		if err := Write(&bytes.Buffer{}, Calendar{Events: []Event{e}}, start); err == nil {
			t.Errorf("%s: written", name)
		}
	}
	var buf bytes.Buffer
	if err := Write(&buf, Calendar{Name: "kosong"}, start); err != nil || !strings.Contains(buf.String(), "X-WR-CALNAME:kosong\r\n") {
		t.Errorf("empty calendar: %q %v", buf.String(), err)
	}
}
