package demo

import (
	"math/rand/v2"
	"strings"

	"asah/internal/people"
)

// Synthetic Sundanese and Indonesian names. A name is a given name, an
// optional second given name and a family-style name of the same sex.
var (
	maleGiven = []string{
		"Asep", "Ujang", "Dede", "Cecep", "Yayan", "Budi", "Agus", "Hendra", "Rudi", "Wawan",
		"Dadang", "Deden", "Didin", "Engkus", "Iwan", "Jajang", "Maman", "Nandang", "Oman", "Rahmat",
		"Ade", "Aep", "Ajat", "Dadan", "Endang", "Herman", "Ikhsan", "Irfan", "Jaja", "Komar",
		"Mamat", "Opik", "Rizky", "Dimas", "Fajar", "Gilang", "Reza", "Taufik", "Zaenal", "Dodi",
		"Eko", "Andri", "Arief", "Bambang", "Firman", "Galih", "Hadi", "Heri", "Indra", "Lukman",
		"Nanang", "Rizal", "Sandi", "Tatang", "Wahyu", "Yudi", "Yogi", "Rendi", "Ilham", "Fikri",
		"Rangga", "Dandi", "Aditya", "Enjang", "Entis", "Tedi", "Usep", "Yana", "Dedi", "Kusnadi",
		"Acep", "Dindin", "Ega", "Hilman", "Iyan", "Jeje", "Kiki", "Nurdin", "Oded", "Ruslan",
	}
	femaleGiven = []string{
		"Euis", "Neng", "Iis", "Siti", "Dewi", "Rina", "Yuyun", "Tati", "Lilis", "Nining",
		"Ai", "Eneng", "Entin", "Elis", "Imas", "Ina", "Kokom", "Lina", "Mimin", "Nani",
		"Nia", "Nurul", "Popon", "Ratna", "Rini", "Sri", "Tuti", "Wulan", "Yanti", "Yeni",
		"Yulia", "Ayu", "Dina", "Fitri", "Indah", "Intan", "Maya", "Mira", "Nova", "Putri",
		"Rahma", "Resti", "Sinta", "Tiara", "Vina", "Anisa", "Evi", "Erna", "Heni", "Ika",
		"Leni", "Mela", "Ani", "Asri", "Cucu", "Dian", "Enok", "Ida", "Lia", "Nenden",
		"Rika", "Santi", "Teti", "Wiwin", "Yati", "Yuli", "Rosita", "Nurhasanah", "Dini", "Gina",
	}
	maleSecond = []string{
		"Saepul", "Abdul", "Nur", "Rahmat", "Ahmad", "Ade", "Asep", "Dede", "Iman", "Jaka",
		"Cahya", "Ridho", "Agung", "Bayu", "Hari", "Eka", "Dwi", "Adi", "Surya", "Yusuf",
	}
	femaleSecond = []string{
		"Nur", "Siti", "Sri", "Dewi", "Ayu", "Eka", "Dwi", "Rini", "Fitri", "Kartika",
		"Puspa", "Ratna", "Intan", "Nurul", "Sari", "Rahayu", "Indah", "Mega", "Citra", "Tri",
	}
	maleFamily = []string{
		"Suhendar", "Hidayat", "Permana", "Kurniawan", "Nugraha", "Setiawan", "Sopandi", "Supriatna", "Gunawan", "Saepudin",
		"Ramdani", "Firmansyah", "Hermawan", "Sutisna", "Mulyana", "Suryana", "Sudrajat", "Hendrayana", "Kusnadi", "Rustandi",
		"Sukmana", "Wiradinata", "Hamdani", "Solihin", "Nurdin", "Syarifudin", "Effendi", "Pratama", "Ramadhan", "Maulana",
		"Saputra", "Wijaya", "Hakim", "Sumantri", "Suparman", "Kosasih", "Daryana", "Sobari", "Juhana", "Somantri",
		"Ruhiyat", "Gumelar", "Mulyadi", "Darmawan", "Syamsudin", "Wahyudi", "Irawan", "Rosadi", "Nurjaman", "Haryadi",
		"Suwandi", "Fauzi", "Subagja", "Sunarya", "Abdurahman", "Komarudin", "Munandar", "Hidayatulloh", "Ruswandi", "Suganda",
	}
	femaleFamily = []string{
		"Rahmawati", "Komariah", "Nurhayati", "Kurniasih", "Maryani", "Sulastri", "Rohmah", "Herawati", "Suryani", "Nurjanah",
		"Rosmiati", "Mulyani", "Hasanah", "Fitriani", "Susanti", "Handayani", "Yuliani", "Permatasari", "Lestari", "Wulandari",
		"Anggraeni", "Puspitasari", "Nuraeni", "Apriani", "Setiawati", "Sumiati", "Wahyuni", "Hidayati", "Sopiah", "Juariah",
		"Marlina", "Astuti", "Nurlaela", "Agustina", "Oktaviani", "Safitri", "Amalia", "Rahayu", "Gustiani", "Kusmiati",
		"Rostiani", "Rosdiana", "Solihat", "Haryati", "Fauziah", "Maulida", "Kurniati", "Sumarni", "Heryani", "Mardiyah",
	}
)

// famousPairs are pairs of adjacent name words that would make a generated
// name look like a well-known person (politicians, officials, athletes,
// artists, heroes). Names containing one are drawn again.
var famousPairs = []string{
	"budi gunawan", "hendra setiawan", "hendra gunawan", "dedi mulyadi", "yana mulyana", "asep sunarya",
	"lilis suryani", "euis komariah", "dewi lestari", "dede yusuf", "rudi gunawan", "rina gunawan",
	"dadang supriatna", "taufik hidayat", "irfan hakim", "gilang ramadhan", "putri handayani",
	"intan nuraeni", "budi setiawan", "oded danial", "ujang komarudin", "rizky pratama", "ahmad heryawan",
	"siti nurhaliza", "agus salim", "dewi sartika", "iis dahlia", "budi karya", "agus gumiwang",
	"nia ramadhani", "ayu lestari", "rahmat hidayat", "dimas ramadhan", "arief wijaya",
}

// isFamous reports whether name contains a famous pair of adjacent words.
func isFamous(name string) bool {
	l := strings.ToLower(name)
	for _, p := range famousPairs {
		if i := strings.Index(l, p); i >= 0 {
			end := i + len(p)
			if (i == 0 || l[i-1] == ' ') && (end == len(l) || l[end] == ' ') {
				return true
			}
		}
	}
	return false
}

func pick(r *rand.Rand, xs []string) string { return xs[r.IntN(len(xs))] }

// personName draws a name for a person of the given sex.
func personName(r *rand.Rand, sex people.Sex) string {
	given, second, family := maleGiven, maleSecond, maleFamily
	if sex == people.Female {
		given, second, family = femaleGiven, femaleSecond, femaleFamily
	}
	for {
		var b strings.Builder
		if sex == people.Male && r.IntN(100) < 12 {
			b.WriteString(pick(r, []string{"Muhammad ", "Mochamad ", "Moch. ", "Ahmad "}))
		}
		g := pick(r, given)
		b.WriteString(g)
		if r.IntN(100) < 28 {
			s := pick(r, second)
			if s != g {
				b.WriteByte(' ')
				b.WriteString(s)
			}
		}
		f := pick(r, family)
		if f != g {
			b.WriteByte(' ')
			b.WriteString(f)
		}
		n := b.String()
		if !isFamous(n) {
			return n
		}
	}
}

// education is the highest education of a person.
type education uint8

const (
	eduSMA education = iota
	eduD3
	eduS1 // bachelor, D4 or a profession
	eduS2
	eduSpec // medical specialist
	eduS3
)

// academicTitles returns the gelar depan and gelar belakang for a person of
// a family, education and age.
func academicTitles(r *rand.Rand, fam family, edu education, age int) (front, back string) {
	t := familyTitles[fam]
	if fam == famInherit {
		t = familyTitles[famGeneral]
	}
	bachelor := func() (string, string) {
		if t.front != "" {
			return t.front, ""
		}
		if fam == famEngineer && age >= 50 && r.IntN(100) < 45 {
			return "Ir.", ""
		}
		if len(t.s1) == 0 {
			return "", familyTitles[famGeneral].s1[r.IntN(len(familyTitles[famGeneral].s1))]
		}
		return "", pick(r, t.s1)
	}
	join := func(a, b string) string {
		switch {
		case a == "":
			return b
		case b == "":
			return a
		}
		return a + ", " + b
	}
	switch edu {
	case eduSMA:
		return "", ""
	case eduD3:
		if len(t.d3) == 0 {
			return "", "A.Md."
		}
		return "", pick(r, t.d3)
	case eduS1:
		return bachelor()
	case eduSpec:
		f, _ := bachelor()
		if len(t.spec) == 0 {
			return f, pick(r, t.s2)
		}
		return f, pick(r, t.spec)
	}
	// master or doctorate
	f, b := bachelor()
	s2 := pick(r, t.s2)
	if f == "" && r.IntN(100) < 50 {
		b = "" // many write only the highest degree
	}
	back = join(b, s2)
	if edu == eduS3 {
		f = strings.TrimSpace("Dr. " + f)
	}
	return f, back
}
