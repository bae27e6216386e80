package people

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Length limits of free text and codes, in characters.
const (
	maxNameLen  = 200
	maxTitleLen = 100 // gelar depan / belakang
	maxCodeLen  = 64
)

// Validate checks a unit: code (required, no spaces), name (required, at
// most 200 characters), known kind, and a parent that is not the unit itself.
func (u Unit) Validate() error {
	if err := checkCode("kode unit", u.Code, true); err != nil {
		return err
	}
	if err := checkText("nama unit", u.Name, maxNameLen, true); err != nil {
		return err
	}
	if err := checkKind("jenis unit", u.Kind, UnitKinds); err != nil {
		return err
	}
	if err := checkCode("kode unit induk", u.ParentCode, false); err != nil {
		return err
	}
	if u.ParentCode == u.Code || (u.ID != 0 && u.ParentID == u.ID) {
		return fmt.Errorf("unit %s tidak boleh menjadi induk dirinya sendiri", u.Code)
	}
	return nil
}

// Validate checks a position: code, title, known kind, a jenjang allowed
// for the kind (required for JPT and fungsional, empty for the others, see
// AllowedJenjang) and a unit (UnitID or UnitCode).
func (p Position) Validate() error {
	if err := checkCode("kode jabatan", p.Code, true); err != nil {
		return err
	}
	if err := checkText("nama jabatan", p.Title, maxNameLen, true); err != nil {
		return err
	}
	if err := checkKind("jenis jabatan", p.Kind, PositionKinds); err != nil {
		return err
	}
	if err := checkJenjang(p.Kind, p.Jenjang); err != nil {
		return err
	}
	if p.UnitID == 0 && p.UnitCode == "" {
		return fmt.Errorf("unit jabatan %s wajib diisi", p.Code)
	}
	return checkCode("kode unit jabatan", p.UnitCode, false)
}

// Validate checks an employee: the NIP (18 digits without spaces) parses
// and agrees with Kind, Sex and BirthDate; name and titles; golongan valid
// for the kind; unit and position present (ID or code); supervisor NIP, if
// any, valid and not the employee's own; retirement date after birth.
func (e Employee) Validate() error {
	n, err := ParseNIP(e.NIP)
	if err != nil {
		return err
	}
	if n.Raw != e.NIP {
		return fmt.Errorf("NIP %s harus ditulis 18 angka tanpa spasi (%s)", echo(e.NIP), n.Raw)
	}
	if err := checkText("nama pegawai", e.Name, maxNameLen, true); err != nil {
		return err
	}
	if err := checkText("gelar depan", e.FrontTitle, maxTitleLen, false); err != nil {
		return err
	}
	if err := checkText("gelar belakang", e.BackTitle, maxTitleLen, false); err != nil {
		return err
	}
	if err := checkKind("jenis pegawai", e.Kind, []EmployeeKind{PNS, PPPK}); err != nil {
		return err
	}
	if e.Kind != n.Kind {
		return fmt.Errorf("jenis pegawai %s tidak sesuai dengan NIP %s (NIP ini milik %s)", kindLabel(e.Kind), e.NIP, kindLabel(n.Kind))
	}
	if e.Sex.Label() == "" {
		return fmt.Errorf("jenis kelamin %d tidak dikenal (1 laki-laki atau 2 perempuan)", int(e.Sex))
	}
	if e.Sex != n.Sex {
		return fmt.Errorf("jenis kelamin %s tidak sesuai dengan NIP %s (%s)", e.Sex.Label(), e.NIP, n.Sex.Label())
	}
	if e.BirthDate.IsZero() {
		return fmt.Errorf("tanggal lahir wajib diisi")
	}
	if y, m, d := e.BirthDate.Date(); y != n.BirthDate.Year() || m != n.BirthDate.Month() || d != n.BirthDate.Day() {
		return fmt.Errorf("tanggal lahir %s tidak sesuai dengan NIP %s (%s)", FormatDateID(e.BirthDate), e.NIP, FormatDateID(n.BirthDate))
	}
	if err := ValidateGolongan(e.Kind, e.Golongan); err != nil {
		return err
	}
	if e.UnitID == 0 && e.UnitCode == "" {
		return fmt.Errorf("unit pegawai wajib diisi")
	}
	if err := checkCode("kode unit pegawai", e.UnitCode, false); err != nil {
		return err
	}
	if e.PositionID == 0 && e.PositionCode == "" {
		return fmt.Errorf("jabatan pegawai wajib diisi")
	}
	if err := checkCode("kode jabatan pegawai", e.PositionCode, false); err != nil {
		return err
	}
	if err := e.checkSupervisor(n); err != nil {
		return err
	}
	if !e.RetirementDate.IsZero() && !e.RetirementDate.After(e.BirthDate) {
		return fmt.Errorf("tanggal pensiun %s tidak mungkin sebelum tanggal lahir", FormatDateID(e.RetirementDate))
	}
	return nil
}

// checkSupervisor validates the optional supervisor reference.
func (e Employee) checkSupervisor(own NIP) error {
	if e.ID != 0 && e.SupervisorID == e.ID {
		return fmt.Errorf("pegawai tidak boleh menjadi atasan dirinya sendiri")
	}
	if e.SupervisorNIP == "" {
		return nil
	}
	s, err := ParseNIP(e.SupervisorNIP)
	if err != nil {
		return fmt.Errorf("atasan: %w", err)
	}
	if s.Raw == own.Raw {
		return fmt.Errorf("pegawai tidak boleh menjadi atasan dirinya sendiri")
	}
	return nil
}

// checkCode: a code is at most 64 characters of printable text without
// spaces; required says whether it may be empty.
func checkCode(field, code string, required bool) error {
	if code == "" {
		if required {
			return fmt.Errorf("%s wajib diisi", field)
		}
		return nil
	}
	if !utf8.ValidString(code) || strings.IndexFunc(code, func(r rune) bool { return !unicode.IsGraphic(r) || unicode.IsSpace(r) }) >= 0 {
		return fmt.Errorf("%s %q tidak boleh mengandung spasi", field, code)
	}
	if n := utf8.RuneCountInString(code); n > maxCodeLen {
		return fmt.Errorf("%s terlalu panjang (%d karakter, maksimal %d)", field, n, maxCodeLen)
	}
	return nil
}

// checkText: free text on one line, not blank when required, at most limit
// characters.
func checkText(field, s string, limit int, required bool) error {
	if strings.TrimSpace(s) == "" {
		if required {
			return fmt.Errorf("%s wajib diisi", field)
		}
		if s == "" {
			return nil
		}
	}
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s bukan teks UTF-8 yang sah", field)
	}
	if strings.IndexFunc(s, unicode.IsControl) >= 0 {
		return fmt.Errorf("%s tidak boleh mengandung baris baru atau karakter kontrol", field)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Errorf("%s terlalu panjang (%d karakter, maksimal %d)", field, n, limit)
	}
	return nil
}

// checkKind requires v to be exactly one of all.
func checkKind[T ~string](field string, v T, all []T) error {
	if v == "" {
		return fmt.Errorf("%s wajib diisi (pilih %s)", field, joinKinds(all))
	}
	for _, k := range all {
		if v == k {
			return nil
		}
	}
	return fmt.Errorf("%s %q tidak dikenal (pilih %s)", field, string(v), joinKinds(all))
}

// checkJenjang requires a jenjang allowed for the kind (see AllowedJenjang).
func checkJenjang(kind PositionKind, j Jenjang) error {
	allowed := AllowedJenjang(kind)
	if len(allowed) == 0 {
		if j != JenjangNone {
			return fmt.Errorf("jenjang %q tidak berlaku untuk jabatan %s (harus kosong)", string(j), kind)
		}
		return nil
	}
	if j == JenjangNone {
		return fmt.Errorf("jenjang wajib diisi untuk jabatan %s (pilih %s)", kind, joinKinds(allowed))
	}
	for _, a := range allowed {
		if j == a {
			return nil
		}
	}
	return fmt.Errorf("jenjang %q tidak berlaku untuk jabatan %s (pilih %s)", string(j), kind, joinKinds(allowed))
}
