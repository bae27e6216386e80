package people

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func validUnit() Unit {
	return Unit{Code: "DISKOMINFO", Name: "Dinas Komunikasi dan Informatika", Kind: UnitDinas}
}

func TestUnitValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Unit)
		msg  string // "" when valid
	}{
		{"valid", func(*Unit) {}, ""},
		{"valid child", func(u *Unit) { u.Code, u.Kind, u.ParentCode = "DISKOMINFO-APTIKA", UnitBidang, "DISKOMINFO" }, ""},
		{"no code", func(u *Unit) { u.Code = "" }, "kode unit wajib diisi"},
		{"code with space", func(u *Unit) { u.Code = "DIS KOMINFO" }, "kode unit \"DIS KOMINFO\" tidak boleh mengandung spasi"},
		{"code too long", func(u *Unit) { u.Code = strings.Repeat("A", 65) }, "kode unit terlalu panjang"},
		{"no name", func(u *Unit) { u.Name = "  " }, "nama unit wajib diisi"},
		{"long name", func(u *Unit) { u.Name = strings.Repeat("é", 201) }, "nama unit terlalu panjang (201 karakter, maksimal 200)"},
		{"name 200", func(u *Unit) { u.Name = strings.Repeat("é", 200) }, ""},
		{"name newline", func(u *Unit) { u.Name = "Dinas\nX" }, "nama unit tidak boleh mengandung baris baru"},
		{"no kind", func(u *Unit) { u.Kind = "" }, "jenis unit wajib diisi"},
		{"bad kind", func(u *Unit) { u.Kind = "kementerian" }, `jenis unit "kementerian" tidak dikenal`},
		{"upper kind", func(u *Unit) { u.Kind = "Dinas" }, `jenis unit "Dinas" tidak dikenal`},
		{"parent self", func(u *Unit) { u.ParentCode = u.Code }, "induk dirinya sendiri"},
		{"parent id self", func(u *Unit) { u.ID, u.ParentID = 7, 7 }, "induk dirinya sendiri"},
		{"parent code space", func(u *Unit) { u.ParentCode = "A B" }, "kode unit induk"},
	}
	for _, tt := range tests {
		u := validUnit()
		tt.edit(&u)
		checkErr(t, tt.name, u.Validate(), tt.msg)
	}
}

func validPosition() Position {
	return Position{Code: "DISKOMINFO-PRAKOM-MUDA", Title: "Pranata Komputer Ahli Muda",
		Kind: KindFungsional, Jenjang: JenjangAhliMuda, UnitCode: "DISKOMINFO"}
}

func TestPositionValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Position)
		msg  string
	}{
		{"valid", func(*Position) {}, ""},
		{"valid jpt", func(p *Position) { p.Kind, p.Jenjang = KindJPT, JenjangPratama }, ""},
		{"valid pelaksana", func(p *Position) { p.Kind, p.Jenjang = KindPelaksana, JenjangNone }, ""},
		{"unit by id", func(p *Position) { p.UnitCode, p.UnitID = "", 3 }, ""},
		{"no code", func(p *Position) { p.Code = "" }, "kode jabatan wajib diisi"},
		{"no title", func(p *Position) { p.Title = "" }, "nama jabatan wajib diisi"},
		{"bad kind", func(p *Position) { p.Kind = "struktural" }, `jenis jabatan "struktural" tidak dikenal`},
		{"jpt ahli", func(p *Position) { p.Kind = KindJPT }, `jenjang "ahli_muda" tidak berlaku untuk jabatan jpt (pilih utama, madya atau pratama)`},
		{"fungsional pratama", func(p *Position) { p.Jenjang = JenjangPratama }, `jenjang "pratama" tidak berlaku untuk jabatan fungsional`},
		{"fungsional none", func(p *Position) { p.Jenjang = JenjangNone }, "jenjang wajib diisi untuk jabatan fungsional"},
		{"jpt none", func(p *Position) { p.Kind, p.Jenjang = KindJPT, JenjangNone }, "jenjang wajib diisi untuk jabatan jpt"},
		{"pengawas with jenjang", func(p *Position) { p.Kind = KindPengawas }, "harus kosong"},
		{"no unit", func(p *Position) { p.UnitCode = "" }, "unit jabatan DISKOMINFO-PRAKOM-MUDA wajib diisi"},
	}
	for _, tt := range tests {
		p := validPosition()
		tt.edit(&p)
		checkErr(t, tt.name, p.Validate(), tt.msg)
	}
}

func validEmployee() Employee {
	return Employee{NIP: "198503122010011002", Name: "Asep Sunandar", BackTitle: "S.Kom.",
		Kind: PNS, Sex: Male, BirthDate: date(1985, 3, 12), Golongan: "III/c",
		PositionCode: "DISKOMINFO-PRAKOM-MUDA", UnitCode: "DISKOMINFO",
		SupervisorNIP: "197001152000102999", RetirementDate: date(2043, 4, 1)}
}

func TestEmployeeValidate(t *testing.T) {
	tests := []struct {
		name string
		edit func(*Employee)
		msg  string
	}{
		{"valid", func(*Employee) {}, ""},
		{"valid pppk", func(e *Employee) {
			e.NIP, e.Kind, e.Sex, e.BirthDate, e.Golongan = "199001012023212015", PPPK, Female, date(1990, 1, 1), "IX"
		}, ""},
		{"ids only", func(e *Employee) { e.UnitCode, e.UnitID, e.PositionCode, e.PositionID = "", 1, "", 2 }, ""},
		{"no nip", func(e *Employee) { e.NIP = "" }, "NIP belum diisi"},
		{"bad nip", func(e *Employee) { e.NIP = "198502302010011002" }, "tanggal lahir tidak valid"},
		{"spaced nip", func(e *Employee) { e.NIP = "19850312 201001 1 002" }, "tanpa spasi"},
		{"no name", func(e *Employee) { e.Name = "" }, "nama pegawai wajib diisi"},
		{"long title", func(e *Employee) { e.FrontTitle = strings.Repeat("x", 101) }, "gelar depan terlalu panjang"},
		{"no kind", func(e *Employee) { e.Kind = "" }, "jenis pegawai wajib diisi"},
		{"kind mismatch", func(e *Employee) { e.Kind, e.Golongan = PPPK, "IX" }, "jenis pegawai PPPK tidak sesuai dengan NIP 198503122010011002 (NIP ini milik PNS)"},
		{"no sex", func(e *Employee) { e.Sex = 0 }, "jenis kelamin 0 tidak dikenal"},
		{"sex mismatch", func(e *Employee) { e.Sex = Female }, "jenis kelamin perempuan tidak sesuai dengan NIP"},
		{"no birth", func(e *Employee) { e.BirthDate = time.Time{} }, "tanggal lahir wajib diisi"},
		{"birth mismatch", func(e *Employee) { e.BirthDate = date(1985, 3, 13) }, "tanggal lahir 13 Maret 1985 tidak sesuai dengan NIP 198503122010011002 (12 Maret 1985)"},
		{"bad golongan", func(e *Employee) { e.Golongan = "III/f" }, `golongan "III/f" tidak dikenal untuk PNS`},
		{"pppk golongan on pns", func(e *Employee) { e.Golongan = "IX" }, `golongan "IX" tidak dikenal untuk PNS`},
		{"no golongan", func(e *Employee) { e.Golongan = "" }, "golongan wajib diisi"},
		{"no unit", func(e *Employee) { e.UnitCode = "" }, "unit pegawai wajib diisi"},
		{"no position", func(e *Employee) { e.PositionCode = "" }, "jabatan pegawai wajib diisi"},
		{"bad supervisor", func(e *Employee) { e.SupervisorNIP = "123" }, "atasan: NIP 123: panjang harus 18 angka"},
		{"self supervisor", func(e *Employee) { e.SupervisorNIP = e.NIP }, "atasan dirinya sendiri"},
		{"self supervisor id", func(e *Employee) { e.ID, e.SupervisorID = 5, 5 }, "atasan dirinya sendiri"},
		{"retire before birth", func(e *Employee) { e.RetirementDate = date(1980, 1, 1) }, "tanggal pensiun 1 Januari 1980"},
	}
	for _, tt := range tests {
		e := validEmployee()
		tt.edit(&e)
		checkErr(t, tt.name, e.Validate(), tt.msg)
	}
}

func TestEmployeeValidateKeepsNIPError(t *testing.T) {
	e := validEmployee()
	e.NIP = "198503122010011000"
	var ne *NIPError
	if err := e.Validate(); !errors.As(err, &ne) || ne.Part != PartSerial {
		t.Errorf("Validate() = %v, want *NIPError for the serial", err)
	}
}

func checkErr(t *testing.T, name string, err error, msg string) {
	t.Helper()
	switch {
	case msg == "" && err != nil:
		t.Errorf("%s: unexpected error %v", name, err)
	case msg != "" && err == nil:
		t.Errorf("%s: no error, want %q", name, msg)
	case msg != "" && !strings.Contains(err.Error(), msg):
		t.Errorf("%s: error %q, want it to contain %q", name, err, msg)
	case err != nil && strings.ContainsAny(err.Error(), "\n\r"):
		t.Errorf("%s: error not on one line: %q", name, err)
	}
}
