package people

import (
	"strings"
	"testing"
)

func TestValidateGolongan(t *testing.T) {
	tests := []struct {
		kind EmployeeKind
		g    string
		msg  string // "" when valid
	}{
		{PNS, "I/a", ""},
		{PNS, "III/a", ""},
		{PNS, "IV/e", ""},
		{PPPK, "I", ""},
		{PPPK, "IX", ""},
		{PPPK, "XVII", ""},
		{PNS, "III/f", `golongan "III/f" tidak dikenal untuk PNS`},
		{PNS, "I/e", "tidak dikenal untuk PNS"},
		{PNS, "iii/a", "tidak dikenal untuk PNS"},
		{PNS, "IX", "tidak dikenal untuk PNS"},
		{PNS, "", "golongan wajib diisi untuk PNS"},
		{PPPK, "XVIII", `golongan "XVIII" tidak dikenal untuk PPPK`},
		{PPPK, "III/a", "tidak dikenal untuk PPPK"},
		{PPPK, "0", "tidak dikenal untuk PPPK"},
		{"honorer", "I", "jenis pegawai"},
	}
	for _, tt := range tests {
		err := ValidateGolongan(tt.kind, tt.g)
		switch {
		case tt.msg == "" && err != nil:
			t.Errorf("ValidateGolongan(%s, %q): %v", tt.kind, tt.g, err)
		case tt.msg != "" && (err == nil || !strings.Contains(err.Error(), tt.msg)):
			t.Errorf("ValidateGolongan(%s, %q) = %v, want %q", tt.kind, tt.g, err, tt.msg)
		}
	}
}

func TestGolonganLists(t *testing.T) {
	if len(PNSGolongan) != 17 || PNSGolongan[0] != "I/a" || PNSGolongan[16] != "IV/e" {
		t.Errorf("PNSGolongan = %v", PNSGolongan)
	}
	if len(PPPKGolongan) != 17 || PPPKGolongan[16] != "XVII" {
		t.Errorf("PPPKGolongan = %v", PPPKGolongan)
	}
	for _, g := range PNSGolongan {
		if Pangkat(g) == "" {
			t.Errorf("no pangkat for %s", g)
		}
	}
	if len(pangkat) != len(PNSGolongan) {
		t.Errorf("pangkat has %d entries, want %d", len(pangkat), len(PNSGolongan))
	}
}

func TestPangkat(t *testing.T) {
	tests := []struct{ g, want string }{
		{"I/a", "Juru Muda"},
		{"II/b", "Pengatur Muda Tingkat I"},
		{"III/a", "Penata Muda"},
		{"III/d", "Penata Tingkat I"},
		{"IV/c", "Pembina Utama Muda"},
		{"IV/e", "Pembina Utama"},
		{"IX", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := Pangkat(tt.g); got != tt.want {
			t.Errorf("Pangkat(%q) = %q, want %q", tt.g, got, tt.want)
		}
	}
}
