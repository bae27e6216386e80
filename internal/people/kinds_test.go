package people

import (
	"strings"
	"testing"
)

func TestParseKinds(t *testing.T) {
	for _, k := range UnitKinds {
		if got, err := ParseUnitKind(string(k)); err != nil || got != k {
			t.Errorf("ParseUnitKind(%q) = %q, %v", k, got, err)
		}
	}
	for _, k := range PositionKinds {
		if got, err := ParsePositionKind(" " + strings.ToUpper(string(k))); err != nil || got != k {
			t.Errorf("ParsePositionKind(%q) = %q, %v", k, got, err)
		}
	}
	for _, kind := range PositionKinds {
		for _, j := range AllowedJenjang(kind) {
			if got, err := ParseJenjang(string(j)); err != nil || got != j {
				t.Errorf("ParseJenjang(%q) = %q, %v", j, got, err)
			}
		}
	}
	if got, err := ParseJenjang(""); err != nil || got != JenjangNone {
		t.Errorf("ParseJenjang(\"\") = %q, %v", got, err)
	}
	if got, err := ParseEmployeeKind("PPPK"); err != nil || got != PPPK {
		t.Errorf("ParseEmployeeKind = %q, %v", got, err)
	}
	bad := []struct {
		err error
		msg string
	}{
		{second(ParseUnitKind("kementerian")), `jenis unit "kementerian" tidak dikenal (pilih sekretariat, badan`},
		{second(ParsePositionKind("struktural")), `jenis jabatan "struktural" tidak dikenal (pilih jpt, administrator, pengawas, pelaksana atau fungsional)`},
		{second(ParseJenjang("ahli madya")), `jenjang "ahli madya" tidak dikenal`},
		{second(ParseEmployeeKind("honorer")), `jenis pegawai "honorer" tidak dikenal (pilih pns atau pppk)`},
		{second(ParseUnitKind("")), "jenis unit"},
	}
	for _, b := range bad {
		if b.err == nil || !strings.Contains(b.err.Error(), b.msg) {
			t.Errorf("error %v, want %q", b.err, b.msg)
		}
	}
}

func second[T any](_ T, err error) error { return err }

func TestAllowedJenjang(t *testing.T) {
	if got := AllowedJenjang(KindJPT); len(got) != 3 {
		t.Errorf("JPT: %v", got)
	}
	if got := AllowedJenjang(KindFungsional); len(got) != 8 {
		t.Errorf("fungsional: %v", got)
	}
	for _, k := range []PositionKind{KindAdministrator, KindPengawas, KindPelaksana, "x"} {
		if got := AllowedJenjang(k); got != nil {
			t.Errorf("%s: %v", k, got)
		}
	}
	AllowedJenjang(KindJPT)[0] = "x"
	if AllowedJenjang(KindJPT)[0] != JenjangUtama {
		t.Error("AllowedJenjang shares its slice")
	}
}
