package people

import (
	"fmt"
	"slices"
	"strings"
)

// UnitKinds lists every UnitKind.
var UnitKinds = []UnitKind{
	UnitSekretariat, UnitBadan, UnitDinas, UnitInspektorat, UnitKecamatan,
	UnitKelurahan, UnitUPT, UnitRumahSakit, UnitSatpolPP, UnitBidang,
}

// PositionKinds lists every PositionKind.
var PositionKinds = []PositionKind{
	KindJPT, KindAdministrator, KindPengawas, KindPelaksana, KindFungsional,
}

var (
	jptJenjang        = []Jenjang{JenjangUtama, JenjangMadya, JenjangPratama}
	fungsionalJenjang = []Jenjang{
		JenjangAhliUtama, JenjangAhliMadya, JenjangAhliMuda, JenjangAhliPertama,
		JenjangPenyelia, JenjangMahir, JenjangTerampil, JenjangPemula,
	}
)

// AllowedJenjang returns the jenjang a position of the kind may have,
// highest first: utama/madya/pratama for JPT, the ahli_* and skill grades
// for fungsional, none (nil) for the other kinds, whose Jenjang must be
// empty. The result is a fresh slice.
func AllowedJenjang(kind PositionKind) []Jenjang {
	switch kind {
	case KindJPT:
		return slices.Clone(jptJenjang)
	case KindFungsional:
		return slices.Clone(fungsionalJenjang)
	}
	return nil
}

// ParseUnitKind accepts the UnitKind strings ("dinas", "rumah_sakit", …),
// ignoring case and surrounding spaces.
func ParseUnitKind(s string) (UnitKind, error) {
	return parseKind(s, UnitKinds, "jenis unit")
}

// ParsePositionKind accepts the PositionKind strings ("jpt", "fungsional",
// …), ignoring case and surrounding spaces.
func ParsePositionKind(s string) (PositionKind, error) {
	return parseKind(s, PositionKinds, "jenis jabatan")
}

// ParseJenjang accepts the Jenjang strings ("pratama", "ahli_muda", …),
// ignoring case and surrounding spaces. The empty string is JenjangNone.
func ParseJenjang(s string) (Jenjang, error) {
	if strings.TrimSpace(s) == "" {
		return JenjangNone, nil
	}
	return parseKind(s, slices.Concat(jptJenjang, fungsionalJenjang), "jenjang")
}

// ParseEmployeeKind accepts "pns" or "pppk", ignoring case and surrounding
// spaces.
func ParseEmployeeKind(s string) (EmployeeKind, error) {
	return parseKind(s, []EmployeeKind{PNS, PPPK}, "jenis pegawai")
}

func parseKind[T ~string](s string, all []T, what string) (T, error) {
	v := T(strings.ToLower(strings.TrimSpace(s)))
	if slices.Contains(all, v) {
		return v, nil
	}
	return "", fmt.Errorf("%s %q tidak dikenal (pilih %s)", what, s, joinKinds(all))
}

// joinKinds lists values for an error message: "a, b, atau c".
func joinKinds[T ~string](all []T) string {
	var b strings.Builder
	for i, v := range all {
		switch {
		case i == 0:
		case i == len(all)-1:
			b.WriteString(" atau ")
		default:
			b.WriteString(", ")
		}
		b.WriteString(string(v))
	}
	return b.String()
}
