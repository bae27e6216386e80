// Package performance holds the performance evaluation of ASN under
// PermenPANRB 6/2022: the yearly cycle with its periodic evaluations, the SKP
// (planned work results with indicators and targets, expected behaviour on
// the BerAKHLAK core values, feedback, evaluations), the two ratings (hasil
// kerja and perilaku kerja), the predikat matrix, and the workflow from a
// draft SKP to a final one. It is pure: no I/O, no clock of its own.
package performance

import (
	"fmt"
	"strings"
)

// Rating is the rating of work results (hasil kerja) or of work behaviour
// (perilaku kerja) against expectation.
type Rating string

const (
	Below Rating = "di_bawah" // Di Bawah Ekspektasi
	Meets Rating = "sesuai"   // Sesuai Ekspektasi
	Above Rating = "di_atas"  // Di Atas Ekspektasi
)

// Ratings lists the ratings from lowest to highest (a fresh slice).
func Ratings() []Rating { return []Rating{Below, Meets, Above} }

// Label is the display name of a rating; an unknown rating shows as stored.
func (r Rating) Label() string {
	switch r {
	case Below:
		return "Di Bawah Ekspektasi"
	case Meets:
		return "Sesuai Ekspektasi"
	case Above:
		return "Di Atas Ekspektasi"
	}
	return string(r)
}

// Valid reports whether r is one of the three ratings.
func (r Rating) Valid() bool { return r == Below || r == Meets || r == Above }

// ParseRating reads a rating from its stored value or its label
// ("Di Atas Ekspektasi", "di atas", "sesuai"), case-insensitively.
func ParseRating(s string) (Rating, error) {
	n := norm(s)
	n = strings.TrimSuffix(n, "_ekspektasi")
	switch n {
	case string(Below):
		return Below, nil
	case string(Meets):
		return Meets, nil
	case string(Above):
		return Above, nil
	}
	return "", fmt.Errorf("penilaian %q tidak dikenal (pilih di_atas, sesuai atau di_bawah)", s)
}

// Predikat is the performance verdict of an evaluation.
type Predikat string

const (
	SangatBaik     Predikat = "sangat_baik"
	Baik           Predikat = "baik"
	ButuhPerbaikan Predikat = "butuh_perbaikan"
	Kurang         Predikat = "kurang"
	SangatKurang   Predikat = "sangat_kurang"
)

// Predikats lists the predikat from best to worst (a fresh slice), the
// order of every distribution report.
func Predikats() []Predikat {
	return []Predikat{SangatBaik, Baik, ButuhPerbaikan, Kurang, SangatKurang}
}

// Label is the display name of a predikat; an unknown one shows as stored.
func (p Predikat) Label() string {
	switch p {
	case SangatBaik:
		return "Sangat Baik"
	case Baik:
		return "Baik"
	case ButuhPerbaikan:
		return "Butuh Perbaikan"
	case Kurang:
		return "Kurang"
	case SangatKurang:
		return "Sangat Kurang"
	}
	return string(p)
}

// Valid reports whether p is one of the five predikat.
func (p Predikat) Valid() bool {
	switch p {
	case SangatBaik, Baik, ButuhPerbaikan, Kurang, SangatKurang:
		return true
	}
	return false
}

// ParsePredikat reads a predikat from its stored value or label.
func ParsePredikat(s string) (Predikat, error) {
	p := Predikat(norm(s))
	if p.Valid() {
		return p, nil
	}
	return "", fmt.Errorf("predikat %q tidak dikenal", s)
}

// PredikatOf derives the predikat from the two ratings by the matrix of
// PermenPANRB 6/2022 (DOMAIN.md §3; rows hasil kerja, columns perilaku):
//
//	hasil \ perilaku   Di Bawah        Sesuai           Di Atas
//	Di Atas            Kurang          Baik             Sangat Baik
//	Sesuai             Kurang          Baik             Baik
//	Di Bawah           Sangat Kurang   Butuh Perbaikan  Butuh Perbaikan
//
// Behaviour below expectation with results at or above it is Kurang
// (misconduct). An unknown rating is an error.
func PredikatOf(hasil, perilaku Rating) (Predikat, error) {
	if !hasil.Valid() {
		return "", fmt.Errorf("penilaian hasil kerja %q tidak dikenal", string(hasil))
	}
	if !perilaku.Valid() {
		return "", fmt.Errorf("penilaian perilaku kerja %q tidak dikenal", string(perilaku))
	}
	switch hasil {
	case Above:
		switch perilaku {
		case Above:
			return SangatBaik, nil
		case Meets:
			return Baik, nil
		}
		return Kurang, nil
	case Meets:
		if perilaku == Below {
			return Kurang, nil
		}
		return Baik, nil
	}
	if perilaku == Below {
		return SangatKurang, nil
	}
	return ButuhPerbaikan, nil
}

// CoreValue is one of the BerAKHLAK core values on which behaviour is rated.
type CoreValue string

const (
	BerorientasiPelayanan CoreValue = "berorientasi_pelayanan"
	Akuntabel             CoreValue = "akuntabel"
	Kompeten              CoreValue = "kompeten"
	Harmonis              CoreValue = "harmonis"
	Loyal                 CoreValue = "loyal"
	Adaptif               CoreValue = "adaptif"
	Kolaboratif           CoreValue = "kolaboratif"
)

// CoreValues lists the seven values in the order of the acronym (a fresh slice).
func CoreValues() []CoreValue {
	return []CoreValue{BerorientasiPelayanan, Akuntabel, Kompeten, Harmonis, Loyal, Adaptif, Kolaboratif}
}

// Label is the display name of a core value.
func (v CoreValue) Label() string {
	switch v {
	case BerorientasiPelayanan:
		return "Berorientasi Pelayanan"
	case Akuntabel:
		return "Akuntabel"
	case Kompeten:
		return "Kompeten"
	case Harmonis:
		return "Harmonis"
	case Loyal:
		return "Loyal"
	case Adaptif:
		return "Adaptif"
	case Kolaboratif:
		return "Kolaboratif"
	}
	return string(v)
}

// Guide is the behaviour every ASN is expected to show on the value (the
// common guide; a supervisor adds special expectations per SKP).
func (v CoreValue) Guide() string {
	switch v {
	case BerorientasiPelayanan:
		return "Memahami dan memenuhi kebutuhan masyarakat; ramah, cekatan, solutif, dan dapat diandalkan; terus memperbaiki mutu layanan."
	case Akuntabel:
		return "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin, dan berintegritas; menggunakan kekayaan dan barang milik negara secara efisien; tidak menyalahgunakan kewenangan."
	case Kompeten:
		return "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah; membantu orang lain belajar; melaksanakan tugas dengan kualitas terbaik."
	case Harmonis:
		return "Menghargai setiap orang apa pun latar belakangnya; suka menolong orang lain; membangun lingkungan kerja yang kondusif."
	case Loyal:
		return "Memegang teguh ideologi Pancasila, UUD 1945, setia kepada NKRI serta pemerintahan yang sah; menjaga nama baik ASN, pimpinan, instansi, dan negara; menjaga rahasia jabatan dan negara."
	case Adaptif:
		return "Cepat menyesuaikan diri menghadapi perubahan; terus berinovasi dan mengembangkan kreativitas; bertindak proaktif."
	case Kolaboratif:
		return "Memberi kesempatan kepada berbagai pihak untuk berkontribusi; terbuka bekerja sama untuk menghasilkan nilai tambah; menggerakkan pemanfaatan sumber daya untuk tujuan bersama."
	}
	return ""
}

// Valid reports whether v is one of the seven values.
func (v CoreValue) Valid() bool {
	for _, x := range CoreValues() {
		if x == v {
			return true
		}
	}
	return false
}

// ParseCoreValue reads a core value from its stored value or label.
func ParseCoreValue(s string) (CoreValue, error) {
	v := CoreValue(norm(s))
	if v.Valid() {
		return v, nil
	}
	return "", fmt.Errorf("nilai dasar %q tidak dikenal (BerAKHLAK: berorientasi_pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif)", s)
}

// norm folds user input: trimmed, lower case, spaces and hyphens as underscores.
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == '_' || r == '-' || r == ' ' || r == '\t'
	}), "_")
}
