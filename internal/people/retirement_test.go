package people

import (
	"strings"
	"testing"
	"time"
)

func TestBUPAge(t *testing.T) {
	def := DefaultBUP()
	custom := BUPTable{"fungsional": 60, "fungsional:ahli_muda": 62}
	tests := []struct {
		table   BUPTable
		kind    PositionKind
		jenjang Jenjang
		want    int
	}{
		{def, KindJPT, JenjangPratama, 60},
		{def, KindJPT, JenjangNone, 60},
		{def, KindAdministrator, JenjangNone, 58},
		{def, KindPengawas, JenjangNone, 58},
		{def, KindPelaksana, JenjangNone, 58},
		{def, KindFungsional, JenjangAhliPertama, 58},
		{def, KindFungsional, JenjangAhliMuda, 58},
		{def, KindFungsional, JenjangAhliMadya, 60},
		{def, KindFungsional, JenjangAhliUtama, 65},
		{def, KindFungsional, JenjangTerampil, 58},
		{custom, KindFungsional, JenjangAhliMuda, 62},
		{custom, KindFungsional, JenjangMahir, 60},
		{custom, KindJPT, JenjangUtama, 58},
		{nil, KindJPT, JenjangUtama, 58},
	}
	for _, tt := range tests {
		if got := tt.table.Age(tt.kind, tt.jenjang); got != tt.want {
			t.Errorf("%v.Age(%s, %q) = %d, want %d", tt.table, tt.kind, tt.jenjang, got, tt.want)
		}
	}
}

func TestBUPValidate(t *testing.T) {
	if err := DefaultBUP().Validate(); err != nil {
		t.Fatalf("DefaultBUP: %v", err)
	}
	tests := []struct {
		table BUPTable
		msg   string
	}{
		{BUPTable{"guru": 60}, "jenis jabatan"},
		{BUPTable{"JPT": 60}, "jenis jabatan"},
		{BUPTable{"jpt:ahli_madya": 60}, "jenjang"},
		{BUPTable{"pelaksana:": 60}, "jenjang"},
		{BUPTable{"jpt": 0}, "tidak wajar"},
		{BUPTable{"jpt": 120}, "tidak wajar"},
	}
	for _, tt := range tests {
		err := tt.table.Validate()
		if err == nil || !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("%v.Validate() = %v, want %q", tt.table, err, tt.msg)
		}
	}
}

func TestRetirementDate(t *testing.T) {
	tests := []struct {
		birth time.Time
		age   int
		want  time.Time
	}{
		{date(1970, 3, 15), 58, date(2028, 4, 1)},
		{date(1970, 3, 1), 58, date(2028, 4, 1)},
		{date(1970, 3, 31), 58, date(2028, 4, 1)},
		{date(1970, 12, 31), 58, date(2029, 1, 1)},
		{date(1970, 12, 1), 60, date(2031, 1, 1)},
		{date(1972, 2, 29), 58, date(2030, 3, 1)},
		{date(1960, 1, 1), 65, date(2025, 2, 1)},
		{time.Date(1970, 3, 15, 23, 0, 0, 0, time.FixedZone("WIB", 7*3600)), 58, date(2028, 4, 1)},
		{time.Time{}, 58, time.Time{}},
	}
	for _, tt := range tests {
		if got := RetirementDate(tt.birth, tt.age); !got.Equal(tt.want) || got.Location() != time.UTC {
			t.Errorf("RetirementDate(%v, %d) = %v, want %v", tt.birth, tt.age, got, tt.want)
		}
	}
}
