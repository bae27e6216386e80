package demo

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"asah/internal/competency"
	"asah/internal/people"
)

// holder is what the generator keeps of a structural position's holder.
type holder struct {
	id      int64
	nip     string
	display string // name with titles, used as assessor
}

// person generation parameters.
const (
	retiringShare = 0.015 // retire within the next 12 months
	// Assessment categories (shares of all employees).
	validShare   = 0.795 // at least one final official assessment valid today
	expiredShare = 0.02  // only expired official assessments
	selfShare    = 0.45  // self-assessment among assessed employees
	selfOnly     = 0.12  // self-assessment among the others
	draftShare   = 0.03
	// abilityRho correlates an employee's levels across competencies.
	abilityRho = 0.7
)

// offsetCDF is the cumulative distribution of actual − required level:
// 8% two below, 27% one below, 45% on, 20% one above.
var offsetCDF = [...]struct {
	p float64
	d int
}{{0.08, -2}, {0.35, -1}, {0.80, 0}, {1, 1}}

var acAssessors = []string{
	"Tim Asesor BKPSDM Kota Bandung",
	"UPT Penilaian Kompetensi BKN",
	"Tim Asesor BKPSDM Kota Bandung",
	"Assessment Center BPSDM Provinsi Jawa Barat",
	"Kantor Regional III BKN Bandung",
}

var acEvidence = []string{
	"Assessment center: simulasi in-tray, diskusi kelompok tanpa pemimpin, dan wawancara berbasis kompetensi.",
	"Uji kompetensi manajerial dan sosial kultural: tes tertulis CAT, studi kasus, dan wawancara.",
	"Pemetaan kompetensi pejabat: presentasi makalah, simulasi rapat, dan wawancara perilaku.",
}

var evidence360 = []string{
	"Penilaian 360 derajat oleh atasan, tiga rekan kerja, dan dua bawahan.",
	"Umpan balik 360 derajat dari atasan dan rekan kerja satu unit.",
}

var selfEvidence = []string{
	"Penilaian mandiri melalui aplikasi Asah.",
	"Penilaian mandiri menjelang penyusunan rencana pengembangan individu.",
	"Penilaian mandiri dengan bukti sertifikat pelatihan dan contoh hasil kerja.",
}

const (
	assessor360   = "Tim Penilai 360 BKPSDM Kota Bandung"
	draftEvidence = "Draf penilaian atasan langsung, belum difinalkan."
)

var romanQuarter = [...]string{"I", "II", "III", "IV"}

// emp is the employee generator's state.
type emp struct {
	r       *rand.Rand
	pl      *plan
	today   time.Time
	bup     people.BUPTable
	holders []holder          // by position index; id 0 when vacant or not structural
	serials map[uint32]uint16 // last serial per birth date, sex and kind (lookup only)
	nextEmp int64
	nextAs  int64
	// supervisor evidence per (year, quarter), built once
	supEvidence map[int]string
	// perf, when the sink takes performance data, keeps what it needs of
	// each employee (it draws from a random stream of its own).
	perf *perfGen
	// scratch
	levels [16]int
}

// roleAges returns the age range of a position's holders.
func roleAges(kind people.PositionKind, j people.Jenjang) (lo, hi int) {
	switch kind {
	case people.KindJPT:
		if j == people.JenjangMadya {
			return 50, 57
		}
		return 45, 57
	case people.KindAdministrator:
		return 38, 57
	case people.KindPengawas:
		return 30, 57
	case people.KindPelaksana:
		return 22, 57
	}
	switch j {
	case people.JenjangAhliPertama:
		return 24, 52
	case people.JenjangAhliMuda:
		return 30, 57
	case people.JenjangAhliMadya:
		return 40, 59
	case people.JenjangAhliUtama:
		return 52, 64
	case people.JenjangTerampil:
		return 21, 55
	case people.JenjangMahir:
		return 28, 57
	case people.JenjangPenyelia:
		return 36, 57
	}
	return 20, 40 // pemula
}

// minService is the least years since TMT CPNS for a position.
func minService(kind people.PositionKind, j people.Jenjang) int {
	switch kind {
	case people.KindJPT:
		if j == people.JenjangMadya {
			return 20
		}
		return 15
	case people.KindAdministrator:
		return 10
	case people.KindPengawas:
		return 6
	case people.KindPelaksana:
		return 0
	}
	switch j {
	case people.JenjangAhliMuda, people.JenjangMahir:
		return 4
	case people.JenjangAhliMadya, people.JenjangPenyelia:
		return 10
	case people.JenjangAhliUtama:
		return 20
	}
	return 0
}

// chooseEducation draws the highest education of a holder.
func (g *emp) chooseEducation(pp *posPlan) education {
	x := g.r.IntN(100)
	switch pp.Kind {
	case people.KindJPT:
		if pp.Jenjang == people.JenjangMadya {
			return pick2(x < 55, eduS2, eduS3)
		}
		return pick2(x < 78, eduS2, eduS3)
	case people.KindAdministrator:
		switch {
		case x < 22:
			return eduS1
		case x < 95:
			return eduS2
		}
		return eduS3
	case people.KindPengawas:
		switch {
		case x < 4:
			return eduD3
		case x < 64:
			return eduS1
		}
		return eduS2
	case people.KindPelaksana:
		if pp.fam == famField {
			switch {
			case x < 68:
				return eduSMA
			case x < 80:
				return eduD3
			}
			return eduS1
		}
		switch {
		case x < 30:
			return eduSMA
		case x < 55:
			return eduD3
		}
		return eduS1
	}
	// fungsional
	if pp.fam == famDoctor || pp.fam == famDentist {
		switch pp.Jenjang {
		case people.JenjangAhliMadya, people.JenjangAhliUtama:
			if pp.hospital {
				return pick2(x < 92, eduSpec, eduS2)
			}
			return pick2(x < 50, eduS2, eduS1)
		case people.JenjangAhliMuda:
			if pp.hospital {
				return pick2(x < 45, eduSpec, eduS1)
			}
			return pick2(x < 25, eduS2, eduS1)
		}
		return eduS1
	}
	switch pp.Jenjang {
	case people.JenjangAhliPertama:
		return pick2(x < 82, eduS1, eduS2)
	case people.JenjangAhliMuda:
		return pick2(x < 60, eduS1, eduS2)
	case people.JenjangAhliMadya:
		switch {
		case x < 30:
			return eduS1
		case x < 94:
			return eduS2
		}
		return eduS3
	case people.JenjangAhliUtama:
		return pick2(x < 60, eduS2, eduS3)
	case people.JenjangPemula:
		return eduSMA
	}
	if pp.fam == famField {
		return pick2(x < 70, eduSMA, eduD3)
	}
	return pick2(x < 85, eduD3, eduS1)
}

func pick2[T any](cond bool, a, b T) T {
	if cond {
		return a
	}
	return b
}

// golongan gives a PNS golongan by position, education and years of service.
func (g *emp) golongan(pp *posPlan, edu education, service int) string {
	idx := func(s string) int {
		for i, x := range people.PNSGolongan {
			if x == s {
				return i
			}
		}
		return 0
	}
	r := g.r.IntN(100)
	var gol string
	switch pp.Kind {
	case people.KindJPT:
		if pp.Jenjang == people.JenjangMadya {
			gol = pick2(service >= 28 && r < 50, "IV/e", "IV/d")
		} else {
			switch {
			case r < 5 && service >= 28:
				gol = "IV/e"
			case r < 40 && service >= 22:
				gol = "IV/d"
			default:
				gol = "IV/c"
			}
		}
	case people.KindAdministrator:
		gol = pick2(service >= 18 && r < 60, "IV/b", "IV/a")
	case people.KindPengawas:
		gol = pick2(service >= 12 && r < 60, "III/d", "III/c")
	case people.KindPelaksana:
		base := idx("II/a")
		switch edu {
		case eduD3:
			base = idx("II/c")
		case eduSMA:
		default:
			base = idx("III/a")
		}
		return people.PNSGolongan[min(base+service/4, idx("III/c"))]
	default:
		switch pp.Jenjang {
		case people.JenjangAhliPertama:
			gol = pick2(service >= 4 && r < 70, "III/b", "III/a")
		case people.JenjangAhliMuda:
			gol = pick2(service >= 10 && r < 60, "III/d", "III/c")
		case people.JenjangAhliMadya:
			gol = people.PNSGolongan[idx("IV/a")+min(max(service-12, 0)/5, 2)]
		case people.JenjangAhliUtama:
			gol = pick2(r < 55, "IV/d", "IV/e")
		case people.JenjangPenyelia:
			gol = pick2(service >= 16 && r < 60, "III/d", "III/c")
		case people.JenjangMahir:
			gol = pick2(service >= 8 && r < 60, "III/b", "III/a")
		case people.JenjangTerampil:
			gol = pick2(service >= 4 && r < 60, "II/d", "II/c")
		default:
			gol = pick2(service >= 4, "II/b", "II/a")
		}
	}
	return gol
}

// pppkGrade gives a PPPK grade by education and profession.
func pppkGrade(fam family, edu education) string {
	switch edu {
	case eduSMA:
		return "V"
	case eduD3:
		return "VII"
	case eduS1:
		switch fam {
		case famDoctor, famDentist, famVet:
			return "XI"
		case famNurse, famMidwife, famPharma:
			return "X"
		}
		return "IX"
	case eduS2:
		return "X"
	}
	return "XI"
}

// dateBetween draws a civil date in [from, to]; ok is false when the range is empty.
func (g *emp) dateBetween(from, to time.Time) (time.Time, bool) {
	if to.Before(from) {
		return time.Time{}, false
	}
	days := int(to.Sub(from).Hours()/24 + 0.5)
	return from.AddDate(0, 0, g.r.IntN(days+1)), true
}

// birthFor draws a birth date for a holder of pp such that the retirement
// date is after today; retiring says whether it falls within 12 months.
//
// Anyone but a JPT may be close to retirement, even in a position whose usual
// ages stop earlier (late careers happen in every position).
func (g *emp) birthFor(pp *posPlan, lo, hi, bup int) (birth, retire time.Time) {
	soon := g.today.AddDate(1, 0, 0)
	if pp.Kind != people.KindJPT && g.r.Float64() < retiringShare {
		// retirement on the first of one of the next 12 months
		for {
			m := 1 + g.r.IntN(12)
			ret := time.Date(g.today.Year(), g.today.Month()+time.Month(m), 1, 0, 0, 0, 0, time.UTC)
			b := time.Date(ret.Year()-bup, ret.Month()-1, 1+g.r.IntN(28), 0, 0, 0, 0, time.UTC)
			rd := people.RetirementDate(b, bup)
			if rd.After(g.today) && !rd.After(soon) {
				return b, rd
			}
		}
	}
	for try := 0; ; try++ {
		u := 0.5 * (g.r.Float64() + max(g.r.Float64(), g.r.Float64()))
		age := lo + int(u*float64(hi-lo+1))
		age = min(age, hi)
		if try > 20 {
			age = lo
		}
		b := g.today.AddDate(-age, 0, -g.r.IntN(365))
		rd := people.RetirementDate(b, bup)
		if rd.After(soon) {
			return b, rd
		}
	}
}

// nipSerial returns the next serial for a person born on birth of a sex and
// kind. Serials count per birth date, sex and kind (not per TMT), which keeps
// every NIP unique with a table of at most a few tens of thousands of entries
// whatever the number of employees.
func (g *emp) nipSerial(birth time.Time, sex people.Sex, kind people.EmployeeKind) (int, error) {
	key := uint32(daysSince1900(birth))<<2 | uint32(sex-1)<<1
	if kind == people.PPPK {
		key |= 1
	}
	s := 1 + g.r.IntN(5)
	if last, ok := g.serials[key]; ok {
		s = int(last) + 1
		if g.r.IntN(10) == 0 {
			s++
		}
	}
	if s > 999 {
		return 0, fmt.Errorf("demo: nomor urut NIP untuk tanggal lahir %s habis", birth.Format(time.DateOnly))
	}
	g.serials[key] = uint16(s)
	return s, nil
}

func daysSince1900(t time.Time) uint64 {
	return uint64(t.Sub(time.Date(1900, 1, 1, 0, 0, 0, 0, time.UTC)).Hours() / 24)
}

// supervisor returns the holder an employee of position pi (the k-th
// holder) reports to: the structural superior, or one of the position's
// supervisors; vacant positions pass the link up.
func (g *emp) supervisor(pi, k int) holder {
	pp := &g.pl.pos[pi]
	s := pp.parent
	if !pp.structural {
		s = pp.cands[k%len(pp.cands)]
	}
	for s >= 0 && g.holders[s].id == 0 {
		s = g.pl.pos[s].parent
	}
	if s < 0 {
		return holder{}
	}
	return g.holders[s]
}

// display is a name with its academic titles.
func display(front, name, back string) string {
	s := name
	if front != "" {
		s = front + " " + s
	}
	if back != "" {
		s += ", " + back
	}
	return s
}

// person generates the k-th holder of position pi and appends the employee
// and their assessments to the batches.
func (g *emp) person(pi, k int, es *[]people.Employee, as *[]competency.Assessment) error {
	pp := &g.pl.pos[pi]
	u := &g.pl.units[pp.unit]
	sex := people.Male
	if g.r.Float64() < pp.female {
		sex = people.Female
	}
	kind := people.PNS
	if !pp.structural && g.today.Year() >= 2020 && g.r.Float64() < pp.pppk {
		kind = people.PPPK
	}
	lo, hi := roleAges(pp.Kind, pp.Jenjang)
	if kind == people.PPPK {
		lo, hi = max(lo, 24), min(hi, 56)
	}
	bup := g.bup.Age(pp.Kind, pp.Jenjang)
	birth, retire := g.birthFor(pp, lo, hi, bup)
	age := g.today.Year() - birth.Year()
	if g.today.YearDay() < birth.YearDay() {
		age--
	}

	edu := g.chooseEducation(pp)
	front, back := academicTitles(g.r, pp.fam, edu, age)
	name := personName(g.r, sex)

	var nip, gol string
	var start time.Time
	if kind == people.PNS {
		maxTMT := min(35, age-minService(pp.Kind, pp.Jenjang))
		maxTMT = max(maxTMT, 21)
		tmtAge := 21 + g.r.IntN(maxTMT-21+1)
		tmt := birth.AddDate(tmtAge, g.r.IntN(12), 0)
		tmt = time.Date(tmt.Year(), tmt.Month(), 1, 0, 0, 0, 0, time.UTC)
		if latest := time.Date(g.today.Year(), g.today.Month()-1, 1, 0, 0, 0, 0, time.UTC); tmt.After(latest) {
			tmt = latest
		}
		serial, err := g.nipSerial(birth, sex, kind)
		if err != nil {
			return err
		}
		nip = people.BuildPNSNIP(birth, tmt, sex, serial)
		service := int(g.today.Sub(tmt).Hours() / 24 / 365.25)
		gol = g.golongan(pp, edu, service)
		start = tmt
	} else {
		first := max(2019, birth.Year()+20)
		last := min(2025, g.today.Year()-1)
		year := first
		if last > first {
			year = first + g.r.IntN(last-first+1)
		}
		intake := 1 + g.r.IntN(3)
		serial, err := g.nipSerial(birth, sex, kind)
		if err != nil {
			return err
		}
		nip = people.BuildPPPKNI(birth, year, intake, sex, serial)
		gol = pppkGrade(pp.fam, edu)
		start = time.Date(year, time.Month(1+g.r.IntN(6)), 1, 0, 0, 0, 0, time.UTC)
	}

	sup := g.supervisor(pi, k)
	g.nextEmp++
	e := people.Employee{
		ID:             g.nextEmp,
		NIP:            nip,
		Name:           name,
		FrontTitle:     front,
		BackTitle:      back,
		Kind:           kind,
		Sex:            sex,
		BirthDate:      birth,
		Golongan:       gol,
		PositionID:     pp.ID,
		PositionCode:   pp.Code,
		UnitID:         u.ID,
		UnitCode:       u.Code,
		SupervisorID:   sup.id,
		SupervisorNIP:  sup.nip,
		RetirementDate: retire,
	}
	*es = append(*es, e)
	self := display(front, name, back)
	if pp.structural {
		g.holders[pi] = holder{id: e.ID, nip: nip, display: self}
	}
	asFrom := len(*as)
	g.assess(pi, e.ID, start, sup, self, as)
	if g.perf != nil {
		g.perf.add(e, pi, start, sup, g.levels[:len(g.pl.standards[pi])], asFrom, len(*as))
	}
	return nil
}

// phi is the standard normal distribution function.
func phi(z float64) float64 { return 0.5 * math.Erfc(-z/math.Sqrt2) }

func clampLevel(l int) int { return min(max(l, competency.MinLevel), competency.MaxLevel) }

// assess generates the assessments of one employee.
func (g *emp) assess(pi int, empID int64, start time.Time, sup holder, self string, as *[]competency.Assessment) {
	pp := &g.pl.pos[pi]
	std := g.pl.standards[pi]
	nDict := len(std) - len(pp.techs)
	// True levels: a shared ability plus noise, mapped to the offset distribution.
	z0 := g.r.NormFloat64()
	s := math.Sqrt(1 - abilityRho*abilityRho)
	for j, req := range std {
		u := phi(abilityRho*z0 + s*g.r.NormFloat64())
		d := 1
		for _, o := range offsetCDF {
			if u < o.p {
				d = o.d
				break
			}
		}
		g.levels[j] = clampLevel(req.Required + d)
	}

	t := g.today
	earliest := start.AddDate(0, 3, 0)
	later := func(a, b time.Time) time.Time {
		if a.After(b) {
			return a
		}
		return b
	}
	hasSup := sup.id != 0
	senior := pp.Kind == people.KindJPT || pp.Kind == people.KindAdministrator

	// event emits one assessment event; dictOnly limits it to the dictionary.
	event := func(src competency.Source, from, to time.Time, status competency.Status, assessor, evidence string,
		dictOnly bool, shift func() int) bool {
		// Recorded a few hours to days later, and before today begins.
		var delay time.Duration
		switch src {
		case competency.SourceAssessmentCenter:
			delay = time.Duration(3+g.r.IntN(11)) * 24 * time.Hour
		case competency.SourceSupervisor, competency.Source360:
			delay = time.Duration(g.r.IntN(3)) * 24 * time.Hour
		}
		delay += time.Duration(60*(8+g.r.IntN(9))+g.r.IntN(60)) * time.Minute
		if latest := t.Add(-delay).Truncate(24 * time.Hour); latest.Before(to) {
			to = latest
		}
		on, ok := g.dateBetween(later(from, earliest), to)
		if !ok {
			return false
		}
		rec := on.Add(delay)
		if src == competency.SourceSupervisor && evidence == "" {
			evidence = g.supervisorEvidence(on)
		}
		n := len(std)
		if dictOnly {
			n = nDict
		}
		for j := 0; j < n; j++ {
			g.nextAs++
			*as = append(*as, competency.Assessment{
				ID:           g.nextAs,
				EmployeeID:   empID,
				CompetencyID: std[j].CompetencyID,
				Source:       src,
				Level:        clampLevel(g.levels[j] + shift()),
				Assessor:     assessor,
				AssessedOn:   on,
				Evidence:     evidence,
				Status:       status,
				RecordedAt:   rec,
			})
		}
		return true
	}
	bern := func(p float64) int {
		if g.r.Float64() < p {
			return 1
		}
		return 0
	}
	acShift := func() int { return -bern(0.15) }
	supShift := func() int { return bern(0.12) - bern(0.06) }
	oldShift := func() int { return -bern(0.3) }
	selfShift := func() int { return bern(0.35) }

	final := competency.Final
	ac := func(valid bool) bool {
		from, to := t.AddDate(0, -34, 0), t.AddDate(0, 0, -15)
		if !valid {
			from, to = t.AddDate(0, -48, 0), t.AddDate(-3, 0, -3)
		}
		shift := acShift
		if !valid {
			shift = func() int { return acShift() + oldShift() }
		}
		return event(competency.SourceAssessmentCenter, from, to, final, pick(g.r, acAssessors), pick(g.r, acEvidence), true, shift)
	}
	supervisor := func(valid bool) bool {
		if !hasSup {
			return false
		}
		if valid {
			return event(competency.SourceSupervisor, t.AddDate(0, 0, -350), t.AddDate(0, 0, -4), final, sup.display, "", false, supShift)
		}
		return event(competency.SourceSupervisor, t.AddDate(0, -30, 0), t.AddDate(-1, 0, -3), final, sup.display, "", false,
			func() int { return supShift() + oldShift() })
	}
	threeSixty := func() bool {
		return event(competency.Source360, t.AddDate(0, 0, -330), t.AddDate(0, 0, -4), final, assessor360, pick(g.r, evidence360), true, supShift)
	}

	x := g.r.Float64()
	official := false
	switch {
	case x < validShare:
		official = true
		switch {
		case senior:
			if !hasSup || g.r.Float64() < 0.75 {
				if !ac(true) {
					supervisor(true)
				}
				if g.r.Float64() < 0.35 {
					supervisor(true)
				}
			} else {
				supervisor(true)
				if g.r.Float64() < 0.6 {
					ac(false)
				}
			}
		case pp.Kind == people.KindPengawas && g.r.Float64() < 0.25:
			ac(true)
			if g.r.Float64() < 0.5 {
				supervisor(true)
			}
		default:
			if g.r.Float64() < 0.9 && supervisor(true) {
				break
			}
			threeSixty()
		}
		if g.r.Float64() < 0.3 {
			supervisor(false)
		}
		if g.r.Float64() < 0.07 {
			threeSixty()
		}
	case x < validShare+expiredShare:
		official = true
		if senior && g.r.Float64() < 0.5 || !hasSup {
			ac(false)
		} else {
			supervisor(false)
		}
	}
	if p := pick2(official, selfShare, selfOnly); g.r.Float64() < p {
		event(competency.SourceSelf, t.AddDate(0, 0, -400), t.AddDate(0, 0, -1), final, self, pick(g.r, selfEvidence), false, selfShift)
	}
	if g.r.Float64() < draftShare {
		if hasSup {
			event(competency.SourceSupervisor, t.AddDate(0, 0, -40), t.AddDate(0, 0, -1), competency.Draft, sup.display, draftEvidence, false, supShift)
		} else {
			event(competency.SourceSelf, t.AddDate(0, 0, -40), t.AddDate(0, 0, -1), competency.Draft, self, selfEvidence[0], false, selfShift)
		}
	}
}

// supervisorEvidence names the quarterly performance evaluation the rating
// belongs to; strings are shared per quarter.
func (g *emp) supervisorEvidence(on time.Time) string {
	q := (int(on.Month()) - 1) / 3
	key := on.Year()*4 + q
	if s, ok := g.supEvidence[key]; ok {
		return s
	}
	s := fmt.Sprintf("Penilaian atasan langsung pada evaluasi kinerja triwulan %s tahun %d: observasi perilaku kerja dan bukti hasil kerja SKP.",
		romanQuarter[q], on.Year())
	g.supEvidence[key] = s
	return s
}
