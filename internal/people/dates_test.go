package people

import (
	"testing"
	"time"
)

func TestFormatDateID(t *testing.T) {
	tests := []struct {
		in   time.Time
		want string
	}{
		{date(2026, 11, 27), "27 November 2026"},
		{date(1985, 3, 2), "2 Maret 1985"},
		{date(2000, 1, 1), "1 Januari 2000"},
		{date(2000, 8, 17), "17 Agustus 2000"},
		{date(2000, 5, 31), "31 Mei 2000"},
		{time.Time{}, ""},
	}
	for _, tt := range tests {
		if got := FormatDateID(tt.in); got != tt.want {
			t.Errorf("FormatDateID(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if MonthNameID(0) != "" || MonthNameID(13) != "" || MonthNameID(time.December) != "Desember" {
		t.Error("MonthNameID bounds")
	}
}
