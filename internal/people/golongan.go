package people

import (
	"fmt"
	"slices"
)

// PNSGolongan lists the golongan/ruang of PNS from lowest to highest.
var PNSGolongan = []string{
	"I/a", "I/b", "I/c", "I/d",
	"II/a", "II/b", "II/c", "II/d",
	"III/a", "III/b", "III/c", "III/d",
	"IV/a", "IV/b", "IV/c", "IV/d", "IV/e",
}

// PPPKGolongan lists the PPPK grades from lowest to highest.
var PPPKGolongan = []string{
	"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX",
	"X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII",
}

// pangkat maps each PNS golongan to its rank title.
var pangkat = map[string]string{
	"I/a": "Juru Muda", "I/b": "Juru Muda Tingkat I", "I/c": "Juru", "I/d": "Juru Tingkat I",
	"II/a": "Pengatur Muda", "II/b": "Pengatur Muda Tingkat I", "II/c": "Pengatur", "II/d": "Pengatur Tingkat I",
	"III/a": "Penata Muda", "III/b": "Penata Muda Tingkat I", "III/c": "Penata", "III/d": "Penata Tingkat I",
	"IV/a": "Pembina", "IV/b": "Pembina Tingkat I", "IV/c": "Pembina Utama Muda",
	"IV/d": "Pembina Utama Madya", "IV/e": "Pembina Utama",
}

// Pangkat returns the rank title of a PNS golongan ("III/a" → "Penata
// Muda"), or "" for a PPPK grade or an unknown value.
func Pangkat(g string) string { return pangkat[g] }

// ValidateGolongan checks g against the list for the employee kind. The
// match is exact: "III/a" and "IX", as SIASN writes them.
func ValidateGolongan(kind EmployeeKind, g string) error {
	var list []string
	var span string
	switch kind {
	case PNS:
		list, span = PNSGolongan, "I/a sampai IV/e"
	case PPPK:
		list, span = PPPKGolongan, "I sampai XVII"
	default:
		return fmt.Errorf("jenis pegawai %q tidak dikenal (pilih pns atau pppk)", string(kind))
	}
	if g == "" {
		return fmt.Errorf("golongan wajib diisi untuk %s (%s)", kindLabel(kind), span)
	}
	if !slices.Contains(list, g) {
		return fmt.Errorf("golongan %q tidak dikenal untuk %s (%s)", g, kindLabel(kind), span)
	}
	return nil
}

// kindLabel is the display name of an employee kind: "PNS", "PPPK".
func kindLabel(k EmployeeKind) string {
	switch k {
	case PNS:
		return "PNS"
	case PPPK:
		return "PPPK"
	}
	return string(k)
}
