package web

import (
	"testing"
	"time"

	"asah/internal/people"
)

func TestNumberFormats(t *testing.T) {
	for _, c := range []struct {
		v        float64
		decimals int
		id, en   string
	}{
		{81.81818, 1, "81,8", "81.8"},
		{79.96, 1, "79,9", "79.9"}, // never rounds up across the MS threshold
		{80, 1, "80,0", "80.0"},
		{70.3, 1, "70,3", "70.3"},
		{1234.5, 1, "1.234,5", "1,234.5"},
		{1234567, 0, "1.234.567", "1,234,567"},
		{0, 1, "0,0", "0.0"},
		{100, 0, "100", "100"},
	} {
		if got := formatDecimal(c.v, c.decimals, "id"); got != c.id {
			t.Errorf("id %v: %q, want %q", c.v, got, c.id)
		}
		if got := formatDecimal(c.v, c.decimals, "en"); got != c.en {
			t.Errorf("en %v: %q, want %q", c.v, got, c.en)
		}
	}
	if got := formatPercent(81.81818, "id"); got != "81,8%" {
		t.Errorf("percent %q", got)
	}
	if got := formatInt(15000, "id"); got != "15.000" {
		t.Errorf("int %q", got)
	}
	if got := formatInt(15000, "en"); got != "15,000" {
		t.Errorf("int %q", got)
	}
}

func TestDateFormats(t *testing.T) {
	d := time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)
	if got := formatDate(d, "id"); got != "27 November 2026" {
		t.Errorf("id %q", got)
	}
	a := time.Date(2031, 8, 1, 0, 0, 0, 0, time.UTC)
	if got := formatDate(a, "id"); got != "1 Agustus 2031" {
		t.Errorf("id %q", got)
	}
	if got := formatDate(a, "en"); got != "1 August 2031" {
		t.Errorf("en %q", got)
	}
	if got := formatDate(time.Time{}, "id"); got != "–" {
		t.Errorf("zero date %q", got)
	}
}

func TestSmallFormats(t *testing.T) {
	for g, want := range map[int]string{-2: "−2", 0: "0", 1: "+1"} {
		if got := formatGap(g); got != want {
			t.Errorf("gap %d: %q", g, got)
		}
	}
	for v, want := range map[float64]string{0: "w0", 0.643: "w64", 0.999: "w99", 1: "w100", 1.2: "w100", -1: "w0"} {
		if got := barClass(v); got != want {
			t.Errorf("bar %v: %q", v, got)
		}
	}
	for _, c := range []struct {
		e    people.Employee
		want string
	}{
		{people.Employee{Name: "Siti Rahma"}, "Siti Rahma"},
		{people.Employee{Name: "Siti Rahma", FrontTitle: "Dr.", BackTitle: "S.T., M.T."}, "Dr. Siti Rahma, S.T., M.T."},
		{people.Employee{Name: "Asep", BackTitle: "S.Kom."}, "Asep, S.Kom."},
	} {
		if got := displayName(c.e); got != c.want {
			t.Errorf("name %q, want %q", got, c.want)
		}
	}
	if !(compareCodes("M.2", "M.10") < 0 && compareCodes("M.8", "SK.1") < 0 && compareCodes("T.A", "T.A") == 0) {
		t.Error("competency codes out of natural order")
	}
}

func TestLocalPath(t *testing.T) {
	for next, want := range map[string]string{
		"/":                       "/",
		"/units/DLHK?page=2":      "/units/DLHK?page=2",
		"//evil.example":          "/",
		"/\\evil.example":         "/",
		"https://evil.example/":   "/",
		"javascript:alert(1)":     "/",
		"units":                   "/",
		"":                        "/",
		"/a\r\nSet-Cookie: x=1":   "/",
		"/employees/1990?x=//bad": "/employees/1990?x=//bad",
	} {
		if got := localPath(next); got != want {
			t.Errorf("localPath(%q) = %q, want %q", next, got, want)
		}
	}
}
