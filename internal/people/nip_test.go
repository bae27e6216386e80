package people

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func date(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

func TestParseNIPValid(t *testing.T) {
	tests := []struct {
		in   string
		want NIP
		desc string
	}{
		{
			in: "198503122010011002",
			want: NIP{Raw: "198503122010011002", Kind: PNS, BirthDate: date(1985, 3, 12),
				TMT: date(2010, 1, 1), AppointmentYear: 2010, Sex: Male, Serial: 2},
			desc: "PNS · lahir 12 Maret 1985 · TMT CPNS Januari 2010 · laki-laki · nomor urut 2",
		},
		{
			in: "19850312 201001 1 002",
			want: NIP{Raw: "198503122010011002", Kind: PNS, BirthDate: date(1985, 3, 12),
				TMT: date(2010, 1, 1), AppointmentYear: 2010, Sex: Male, Serial: 2},
		},
		{
			in: " \t19850312 2010 01 1 002\n",
			want: NIP{Raw: "198503122010011002", Kind: PNS, BirthDate: date(1985, 3, 12),
				TMT: date(2010, 1, 1), AppointmentYear: 2010, Sex: Male, Serial: 2},
		},
		{
			in: "197001152000102999", // TMT October: digit 13 is 1
			want: NIP{Raw: "197001152000102999", Kind: PNS, BirthDate: date(1970, 1, 15),
				TMT: date(2000, 10, 1), AppointmentYear: 2000, Sex: Female, Serial: 999},
			desc: "PNS · lahir 15 Januari 1970 · TMT CPNS Oktober 2000 · perempuan · nomor urut 999",
		},
		{
			in: "200002292018031001", // leap day; TMT on the 18th "birthday" (1 March 2018)
			want: NIP{Raw: "200002292018031001", Kind: PNS, BirthDate: date(2000, 2, 29),
				TMT: date(2018, 3, 1), AppointmentYear: 2018, Sex: Male, Serial: 1},
		},
		{
			in: "198503012003031001", // born on the 1st: TMT in the month of the 18th birthday
			want: NIP{Raw: "198503012003031001", Kind: PNS, BirthDate: date(1985, 3, 1),
				TMT: date(2003, 3, 1), AppointmentYear: 2003, Sex: Male, Serial: 1},
		},
		{
			in: "199001012023212015",
			want: NIP{Raw: "199001012023212015", Kind: PPPK, BirthDate: date(1990, 1, 1),
				AppointmentYear: 2023, Intake: 1, Sex: Female, Serial: 15},
			desc: "PPPK · lahir 1 Januari 1990 · diangkat 2023 tahap 1 · perempuan · nomor urut 15",
		},
		{
			in: "19901231 202429 1 100",
			want: NIP{Raw: "199012312024291100", Kind: PPPK, BirthDate: date(1990, 12, 31),
				AppointmentYear: 2024, Intake: 9, Sex: Male, Serial: 100},
		},
		{
			in: "199006302008211001", // appointment year = birth year + 18
			want: NIP{Raw: "199006302008211001", Kind: PPPK, BirthDate: date(1990, 6, 30),
				AppointmentYear: 2008, Intake: 1, Sex: Male, Serial: 1},
		},
	}
	for _, tt := range tests {
		got, err := ParseNIP(tt.in)
		if err != nil {
			t.Errorf("ParseNIP(%q): %v", tt.in, err)
			continue
		}
		if got != tt.want {
			t.Errorf("ParseNIP(%q) = %+v, want %+v", tt.in, got, tt.want)
		}
		if tt.desc != "" && got.Describe() != tt.desc {
			t.Errorf("Describe(%q) = %q, want %q", tt.in, got.Describe(), tt.desc)
		}
	}
}

func TestParseNIPInvalid(t *testing.T) {
	tests := []struct {
		in   string
		part NIPPart
		msg  string // substring of the message
	}{
		{"", PartLength, "NIP belum diisi"},
		{"   ", PartLength, "NIP belum diisi"},
		{"19850312201001100", PartLength, "panjang harus 18 angka, ini 17 angka"},
		{"1985031220100110020", PartLength, "ini 19 angka"},
		{"19850312 201001 1 00", PartLength, "ini 17 angka"},
		{"19850312201001100a", PartDigits, `ada "a" pada karakter ke-18`},
		{"19850312-201001-1-002", PartDigits, `"-" pada karakter ke-9`},
		{"19850312\t201001 1 002", PartDigits, `"\t"`},
		{"１98503122010011002", PartDigits, "karakter ke-1"}, // full-width digit
		{"198502302010011002", PartBirthDate, "NIP 198502302010011002: tanggal lahir tidak valid (30 Februari 1985 tidak ada)"},
		{"202302292041011002", PartBirthDate, "29 Februari 2023 tidak ada"},
		{"190002292041011002", PartBirthDate, "29 Februari 1900 tidak ada"},
		{"198513122010011002", PartBirthDate, "bulan 13 tidak ada"},
		{"198500122010011002", PartBirthDate, "bulan 00 tidak ada"},
		{"198503002010011002", PartBirthDate, "tanggal 00 tidak ada"},
		{"198504312010011002", PartBirthDate, "31 April 1985 tidak ada"},
		{"189912312010011002", PartBirthDate, "tahun 1899 di luar rentang 1900–2100"},
		{"198503122010131002", PartTMT, "TMT CPNS tidak valid (bulan 13 tidak ada)"},
		{"198503122010001002", PartTMT, "bulan 00 tidak ada"},
		{"198503122003031002", PartTMT, "TMT CPNS Maret 2003 sebelum usia 18 tahun (lahir 12 Maret 1985)"},
		{"198503121990011002", PartTMT, "sebelum usia 18 tahun"},
		{"198503122010013002", PartSex, "bukan 3"},
		{"198503122010010002", PartSex, "bukan 0"},
		{"198503122010011000", PartSerial, "nomor urut 000"},
		{"198503122010511002", PartKind, "digit ke-13 harus 0 atau 1 (PNS) atau 2 (PPPK), bukan 5"},
		{"198503122010911002", PartKind, "bukan 9"},
		{"199001012023202015", PartIntake, "NI PPPK 199001012023202015: digit ke-14"},
		{"199001012007212015", PartAppointmentYear, "tahun pengangkatan 2007 sebelum usia 18 tahun (lahir 1990)"},
		{"209001012101212015", PartAppointmentYear, "tahun pengangkatan 2101 di luar rentang"},
		{"199001012023213015", PartSex, "NI PPPK"},
		{"199001012023212000", PartSerial, "NI PPPK"},
	}
	for _, tt := range tests {
		_, err := ParseNIP(tt.in)
		var ne *NIPError
		if !errors.As(err, &ne) {
			t.Errorf("ParseNIP(%q) error = %v, want *NIPError", tt.in, err)
			continue
		}
		if ne.Part != tt.part {
			t.Errorf("ParseNIP(%q) part = %s, want %s (%v)", tt.in, ne.Part, tt.part, err)
		}
		if !strings.Contains(err.Error(), tt.msg) {
			t.Errorf("ParseNIP(%q) = %q, want it to contain %q", tt.in, err, tt.msg)
		}
		if strings.ContainsAny(err.Error(), "\n\r\t") {
			t.Errorf("ParseNIP(%q) message is not one line: %q", tt.in, err)
		}
	}
}

func TestParseNIPEchoIsBounded(t *testing.T) {
	_, err := ParseNIP(strings.Repeat("1", 500) + "\n" + "x")
	if err == nil {
		t.Fatal("want an error")
	}
	if len(err.Error()) > 150 || strings.Contains(err.Error(), "\n") {
		t.Errorf("message too long or multi-line: %q", err)
	}
}

func TestFormatNIP(t *testing.T) {
	tests := []struct{ in, want string }{
		{"198503122010011002", "19850312 201001 1 002"},
		{" 19850312 201001 1 002 ", "19850312 201001 1 002"},
		{"1985 0312 2010 0110 02", "19850312 201001 1 002"},
		{"199001012023212015", "19900101 202321 2 015"},
		{"12345", "12345"},
		{"19850312201001100a", "19850312201001100a"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := FormatNIP(tt.in); got != tt.want {
			t.Errorf("FormatNIP(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestMaskNIP(t *testing.T) {
	tests := []struct{ in, want string }{
		{"198503122010011002", "1985•••••••••••002"},
		{"19850312 201001 1 002", "1985•••••••••••002"},
		{"12345678", "1234•678"},
		{"1234567", "•••••••"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := MaskNIP(tt.in); got != tt.want {
			t.Errorf("MaskNIP(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestBuildPNSNIPRoundTrip(t *testing.T) {
	count := 0
	for y := 1940; y <= 2010; y += 7 {
		for m := time.January; m <= time.December; m++ {
			for _, d := range []int{1, 15, 28, 29, 30, 31} {
				if d > daysIn(y, m) {
					continue
				}
				birth := date(y, m, d)
				for _, after := range []int{18*12 + 1, 22 * 12, 35*12 + 11} {
					tmt := date(y, m+time.Month(after), 1)
					for _, sex := range []Sex{Male, Female} {
						for _, serial := range []int{1, 2, 57, 500, 999} {
							s := BuildPNSNIP(birth, tmt, sex, serial)
							n, err := ParseNIP(s)
							if err != nil {
								t.Fatalf("ParseNIP(BuildPNSNIP(%v, %v, %d, %d) = %q): %v", birth, tmt, sex, serial, s, err)
							}
							want := NIP{Raw: s, Kind: PNS, BirthDate: birth, TMT: tmt, AppointmentYear: tmt.Year(), Sex: sex, Serial: serial}
							if n != want {
								t.Fatalf("ParseNIP(%q) = %+v, want %+v", s, n, want)
							}
							count++
						}
					}
				}
			}
		}
	}
	if count < 10000 {
		t.Errorf("only %d cases", count)
	}
}

func TestBuildPPPKNIRoundTrip(t *testing.T) {
	for y := 1960; y <= 2005; y += 3 {
		for _, bd := range []time.Time{date(y, 1, 1), date(y, 2, 28), date(y, 7, 31), date(y, 12, 31)} {
			for _, year := range []int{y + 18, y + 30, 2100} {
				for intake := 1; intake <= 9; intake++ {
					for _, sex := range []Sex{Male, Female} {
						for _, serial := range []int{1, 10, 999} {
							s := BuildPPPKNI(bd, year, intake, sex, serial)
							n, err := ParseNIP(s)
							if err != nil {
								t.Fatalf("ParseNIP(%q): %v", s, err)
							}
							want := NIP{Raw: s, Kind: PPPK, BirthDate: bd, AppointmentYear: year, Intake: intake, Sex: sex, Serial: serial}
							if n != want {
								t.Fatalf("ParseNIP(%q) = %+v, want %+v", s, n, want)
							}
						}
					}
				}
			}
		}
	}
}

func TestBuildOutOfRangeIsRejected(t *testing.T) {
	birth := date(1985, 3, 12)
	for _, s := range []string{
		BuildPNSNIP(birth, date(2010, 1, 1), Sex(3), 2),
		BuildPNSNIP(birth, date(2010, 1, 1), Male, 0),
		BuildPNSNIP(birth, date(2010, 1, 1), Male, 1000),
		BuildPNSNIP(birth, date(2010, 1, 1), Male, -1),
		BuildPPPKNI(birth, 2023, 0, Male, 1),
		BuildPPPKNI(birth, 2023, 10, Male, 1),
	} {
		if _, err := ParseNIP(s); err == nil {
			t.Errorf("ParseNIP(%q) accepted an out-of-range build", s)
		}
	}
}

func TestDescribeZero(t *testing.T) {
	if got := (NIP{}).Describe(); got != "" {
		t.Errorf("zero NIP Describe = %q", got)
	}
}
