// Package development holds the individual development plan (IDP, rencana
// pengembangan individu): the forms of competency development of PP 11/2017
// and PerLAN 10/2018, the proposal of a draft plan from an employee's
// competency gaps, SKP weaknesses and talent box, the plan's workflow (draft
// → submitted → approved / returned) and the progress of its items. It is
// pure.
package development

import (
	"fmt"
	"strings"
)

// Form is a form of competency development (DOMAIN.md §5).
type Form string

// Classroom (klasikal) forms.
const (
	PelatihanStruktural   Form = "pelatihan_struktural" // PKN, PKA, PKP
	PelatihanManajerial   Form = "pelatihan_manajerial"
	PelatihanTeknis       Form = "pelatihan_teknis"
	PelatihanFungsional   Form = "pelatihan_fungsional"
	PelatihanSosialKultur Form = "pelatihan_sosial_kultural"
	Seminar               Form = "seminar"  // seminar, konferensi, sarasehan
	Workshop              Form = "workshop" // workshop, lokakarya
	Kursus                Form = "kursus"
	Penataran             Form = "penataran"
	Bimtek                Form = "bimtek"
	Sosialisasi           Form = "sosialisasi"
)

// Non-classroom (non-klasikal) forms.
const (
	Coaching             Form = "coaching"
	Mentoring            Form = "mentoring"
	ELearning            Form = "e_learning"
	PelatihanJarakJauh   Form = "pelatihan_jarak_jauh"
	Detasering           Form = "detasering"
	Outbound             Form = "outbound"
	PatokBanding         Form = "patok_banding"
	PertukaranPegawai    Form = "pertukaran_pegawai"
	BelajarMandiri       Form = "belajar_mandiri"
	KomunitasBelajar     Form = "komunitas_belajar"
	BimbinganTempatKerja Form = "bimbingan_di_tempat_kerja"
	Magang               Form = "magang"
)

// FormInfo describes a form.
type FormInfo struct {
	Form      Form
	Label     string
	Classroom bool
}

// Forms lists every form, classroom first, in the order of PerLAN 10/2018
// (a fresh slice).
func Forms() []FormInfo {
	all := []Form{PelatihanStruktural, PelatihanManajerial, PelatihanTeknis, PelatihanFungsional, PelatihanSosialKultur,
		Seminar, Workshop, Kursus, Penataran, Bimtek, Sosialisasi,
		Coaching, Mentoring, ELearning, PelatihanJarakJauh, Detasering, Outbound, PatokBanding, PertukaranPegawai,
		BelajarMandiri, KomunitasBelajar, BimbinganTempatKerja, Magang}
	out := make([]FormInfo, len(all))
	for i, f := range all {
		out[i], _ = f.info()
	}
	return out
}

// info describes a known form (ok false for others); it allocates nothing,
// as the proposal asks it for every item.
func (f Form) info() (x FormInfo, ok bool) {
	label, classroom := "", true
	switch f {
	case PelatihanStruktural:
		label = "Pelatihan struktural kepemimpinan (PKN, PKA, PKP)"
	case PelatihanManajerial:
		label = "Pelatihan manajerial"
	case PelatihanTeknis:
		label = "Pelatihan teknis"
	case PelatihanFungsional:
		label = "Pelatihan fungsional"
	case PelatihanSosialKultur:
		label = "Pelatihan sosial kultural"
	case Seminar:
		label = "Seminar / konferensi / sarasehan"
	case Workshop:
		label = "Workshop / lokakarya"
	case Kursus:
		label = "Kursus"
	case Penataran:
		label = "Penataran"
	case Bimtek:
		label = "Bimbingan teknis"
	case Sosialisasi:
		label = "Sosialisasi"
	default:
		classroom = false
		switch f {
		case Coaching:
			label = "Coaching"
		case Mentoring:
			label = "Mentoring"
		case ELearning:
			label = "E-learning"
		case PelatihanJarakJauh:
			label = "Pelatihan jarak jauh"
		case Detasering:
			label = "Detasering (secondment)"
		case Outbound:
			label = "Pembelajaran alam terbuka (outbound)"
		case PatokBanding:
			label = "Patok banding (benchmarking)"
		case PertukaranPegawai:
			label = "Pertukaran antara PNS dengan pegawai swasta/BUMN/BUMD"
		case BelajarMandiri:
			label = "Belajar mandiri (self development)"
		case KomunitasBelajar:
			label = "Komunitas belajar (community of practice)"
		case BimbinganTempatKerja:
			label = "Bimbingan di tempat kerja"
		case Magang:
			label = "Magang / praktik kerja"
		default:
			return FormInfo{}, false
		}
	}
	return FormInfo{Form: f, Label: label, Classroom: classroom}, true
}

// Valid reports whether f is a known form.
func (f Form) Valid() bool { _, ok := f.info(); return ok }

// Classroom reports whether f is a classroom (klasikal) form.
func (f Form) Classroom() bool { x, _ := f.info(); return x.Classroom }

// Label is the display name of a form; an unknown form shows as stored.
func (f Form) Label() string {
	if x, ok := f.info(); ok {
		return x.Label
	}
	return string(f)
}

// Kind says "Klasikal" or "Non-klasikal".
func (f Form) Kind() string {
	if f.Classroom() {
		return "Klasikal"
	}
	return "Non-klasikal"
}

// ParseForm reads a form from its stored value ("e_learning", "e-learning",
// "Bimtek"), case-insensitively.
func ParseForm(s string) (Form, error) {
	n := strings.ToLower(strings.TrimSpace(s))
	n = strings.Join(strings.FieldsFunc(n, func(r rune) bool { return r == '_' || r == '-' || r == ' ' }), "_")
	f := Form(n)
	if f.Valid() {
		return f, nil
	}
	return "", fmt.Errorf("bentuk pengembangan %q tidak dikenal", s)
}
