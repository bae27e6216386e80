package demo

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"asah/internal/competency"
	"asah/internal/people"
)

// unitPlan is a unit with the range of its positions.
type unitPlan struct {
	people.Unit
	first, end int // positions [first, end)
}

// posPlan is a position with what the employee generator needs to fill it.
type posPlan struct {
	people.Position
	unit       int
	parent     int // superior structural position, -1 for none (Sekda)
	structural bool
	vacant     bool
	cands      []int  // pelaksana/fungsional: structural positions the holders report to
	job        string // pelaksana/fungsional: key of jobs
	fam        family
	female     float64
	pppk       float64
	weight     float64 // pelaksana/fungsional: relative headcount
	count      int     // holders to generate
	techs      []string
	hospital   bool
}

// plan is the organisation: units, positions, standards and headcounts.
type plan struct {
	units     []unitPlan
	pos       []posPlan
	standards [][]competency.Requirement // by position index
	filled    int                        // structural positions with a holder
	total     int                        // employees to generate
}

// planner builds a plan. Every random choice comes from r in a fixed order.
type planner struct {
	plan
	r     *rand.Rand
	codes map[string]bool // lookup only
	err   error
}

const vacancyRate = 0.04

// buildPlan lays out the whole organisation and its headcounts.
func buildPlan(r *rand.Rand, target int, dictIDs []int64, techIDs map[string]int64) (*plan, error) {
	p := &planner{r: r, codes: map[string]bool{}}
	sekda := p.setda()
	for _, a := range agencies {
		p.agency(a, sekda)
		if a.code == "DINKES" {
			u := p.unitIndex(a.code)
			p.puskesmas(u, p.units[u].first)
		}
	}
	for _, k := range kecamatanList {
		p.kecamatan(k.name, k.kelurahan, sekda)
	}
	if p.err != nil {
		return nil, p.err
	}
	// Vacancies: about 4% of structural positions, never the Sekda.
	for i := range p.pos {
		if p.pos[i].structural && i != sekda && p.r.Float64() < vacancyRate {
			p.pos[i].vacant = true
		}
		if p.pos[i].structural && !p.pos[i].vacant {
			p.filled++
		}
	}
	if err := p.standardsFor(dictIDs, techIDs); err != nil {
		return nil, err
	}
	p.allocate(target)
	return &p.plan, nil
}

func (p *planner) fail(format string, args ...any) {
	if p.err == nil {
		p.err = fmt.Errorf("demo: "+format, args...)
	}
}

// unit appends a unit; parent is a unit index or -1.
func (p *planner) unit(code, name string, kind people.UnitKind, parent int) int {
	if p.codes["U:"+code] {
		p.fail("kode unit %s ganda", code)
	}
	p.codes["U:"+code] = true
	u := people.Unit{ID: int64(len(p.units) + 1), Code: code, Name: name, Kind: kind}
	if parent >= 0 {
		u.ParentID = p.units[parent].ID
		u.ParentCode = p.units[parent].Code
	}
	p.units = append(p.units, unitPlan{Unit: u, first: len(p.pos), end: len(p.pos)})
	return len(p.units) - 1
}

// addPos appends a position to unit u (the last unit added).
func (p *planner) addPos(u int, pp posPlan) int {
	if u != len(p.units)-1 {
		p.fail("posisi %s ditambahkan ke unit yang bukan terakhir", pp.Code)
	}
	if p.codes["P:"+pp.Code] {
		p.fail("kode jabatan %s ganda", pp.Code)
	}
	p.codes["P:"+pp.Code] = true
	pp.ID = int64(len(p.pos) + 1)
	pp.UnitID = p.units[u].ID
	pp.UnitCode = p.units[u].Code
	pp.unit = u
	pp.hospital = p.units[u].Kind == people.UnitRumahSakit
	p.pos = append(p.pos, pp)
	p.units[u].end = len(p.pos)
	return len(p.pos) - 1
}

// structuralFemale scales a unit's share of women by seniority.
func structuralFemale(kind people.PositionKind, base float64) float64 {
	switch kind {
	case people.KindJPT:
		return base * 0.55
	case people.KindAdministrator:
		return base * 0.8
	}
	return base
}

func (p *planner) structural(u int, code, title string, kind people.PositionKind, jenjang people.Jenjang,
	key bool, parent int, fam family, female float64, techs []string) int {
	return p.addPos(u, posPlan{
		Position:   people.Position{Code: code, Title: title, Kind: kind, Jenjang: jenjang, Key: key},
		parent:     parent,
		structural: true,
		fam:        fam,
		female:     structuralFemale(kind, female),
		techs:      techs,
	})
}

// techList merges technical competency codes in order without duplicates,
// at most three.
func techList(groups ...[]string) []string {
	var out []string
	for _, g := range groups {
		for _, c := range g {
			if c != "" && !slices.Contains(out, c) && len(out) < 3 {
				out = append(out, c)
			}
		}
	}
	return out
}

// subTech picks the technical competency of a secretariat subdivision.
func subTech(name string) string {
	switch {
	case strings.Contains(name, "Keuangan"):
		return tKeuda
	case strings.Contains(name, "Perencanaan"), strings.Contains(name, "Program"):
		return tRencana
	case strings.Contains(name, "Kepegawaian"):
		return tSDM
	case strings.Contains(name, "Tata Usaha"):
		return tArsip
	}
	return ""
}

func orFam(f, def family) family {
	if f == famInherit {
		return def
	}
	return f
}

// staff adds the pelaksana and fungsional positions of a unit. sec are the
// supervisors of div 0; divs[i] those of division i+1; head is the last resort.
func (p *planner) staff(u int, specs []staffSpec, weight float64, core []string, divTechs [][]string,
	sec []int, divs [][]int, head int) {
	total := 0.0
	for _, s := range specs {
		total += s.weight
	}
	code := p.units[u].Code
	for _, s := range specs {
		j, ok := jobs[s.job]
		if !ok {
			p.fail("jabatan %s tidak ada di katalog", s.job)
			continue
		}
		var cands []int
		var dt []string
		switch {
		case s.div == 0:
			cands = sec
		case s.div > 0 && s.div <= len(divs):
			cands = divs[s.div-1]
			dt = divTechs[s.div-1]
		case s.div < 0:
			for _, d := range divs {
				cands = append(cands, d...)
			}
		default:
			p.fail("%s: bidang %d tidak ada", code, s.div)
		}
		if len(cands) == 0 {
			cands = []int{head}
		}
		pp := posPlan{
			job:    s.job,
			cands:  slices.Clone(cands),
			fam:    j.fam,
			female: j.female,
			weight: weight * s.weight / total * (0.85 + 0.3*p.r.Float64()),
			techs:  techList(core, []string{j.tech}, dt),
			parent: -1,
		}
		if j.kind == people.KindPelaksana {
			pp.Position = people.Position{Code: code + "-PL-" + s.job, Title: j.title, Kind: people.KindPelaksana}
			pp.pppk = j.pppk
		} else {
			pp.Position = people.Position{
				Code:    code + "-JF-" + s.job + "-" + jenjangAbbr[s.jenjang],
				Title:   j.title + " " + jenjangLabel[s.jenjang],
				Kind:    people.KindFungsional,
				Jenjang: s.jenjang,
			}
			pp.pppk = pppkShare(j.pppk, s.jenjang)
		}
		p.addPos(u, pp)
	}
}

// pppkShare lowers the PPPK share for senior jenjang: PPPK are mostly
// appointed at the entry grades.
func pppkShare(base float64, j people.Jenjang) float64 {
	switch j {
	case people.JenjangAhliPertama, people.JenjangTerampil, people.JenjangPemula:
		return base
	case people.JenjangAhliMuda, people.JenjangMahir:
		return base * 0.3
	}
	return 0
}

// setda builds the Sekretariat Daerah and returns the Sekda's position.
func (p *planner) setda() int {
	u := p.unit("SETDA", "Sekretariat Daerah", people.UnitSekretariat, -1)
	const female = 0.42
	core := []string{tKebijakan}
	sekda := p.structural(u, "SETDA-SEKDA", "Sekretaris Daerah", people.KindJPT, people.JenjangMadya, true, -1,
		famGeneral, female, techList(core, []string{tRencana}))
	var leaves [][]int
	var techs [][]string
	n := 0
	for i, as := range setdaAsisten {
		asisten := p.structural(u, fmt.Sprintf("SETDA-ASISTEN-%d", i+1), "Asisten "+as.name, people.KindJPT,
			people.JenjangPratama, true, sekda, famGeneral, female, core)
		for _, b := range as.bagian {
			n++
			kabag := p.structural(u, fmt.Sprintf("SETDA-KABAG-%d", n), "Kepala Bagian "+b.name,
				people.KindAdministrator, "", true, asisten, famGeneral, female, techList(core, b.techs))
			var subs []int
			for j, s := range b.subs {
				subs = append(subs, p.structural(u, fmt.Sprintf("SETDA-KASUBAG-%d-%d", n, j+1), "Kepala Subbagian "+s,
					people.KindPengawas, "", false, kabag, famGeneral, female, techList(core, b.techs, []string{subTech(s)})))
			}
			leaves = append(leaves, subs)
			techs = append(techs, b.techs)
		}
	}
	p.staff(u, setdaStaff, 260, core, techs, nil, leaves, sekda)
	return sekda
}

// unitIndex finds a unit by code.
func (p *planner) unitIndex(code string) int {
	for i := range p.units {
		if p.units[i].Code == code {
			return i
		}
	}
	p.fail("unit %s tidak ada", code)
	return 0
}

// agency builds a perangkat daerah, its divisions, staff and UPTs.
func (p *planner) agency(a agencySpec, sekda int) {
	u := p.unit(a.code, a.name, a.kind, -1)
	fam := orFam(a.fam, famGeneral)
	headFam := fam
	if a.kind == people.UnitRumahSakit && len(a.divs) > 0 && a.divs[0].fam != famInherit {
		headFam = a.divs[0].fam
	}
	head := p.structural(u, a.code+"-"+a.headCode, a.head, people.KindJPT, people.JenjangPratama, true, sekda,
		headFam, a.female, techList(a.core))
	var secLeaves []int
	if a.sec != "" {
		sec := p.structural(u, a.code+"-SEKRETARIS", a.sec, people.KindAdministrator, "", true, head,
			famGeneral, a.female, techList(a.core, []string{tRencana}))
		for i, s := range a.secSubs {
			secLeaves = append(secLeaves, p.structural(u, fmt.Sprintf("%s-KASUBAG-%d", a.code, i+1), "Kepala Subbagian "+s,
				people.KindPengawas, "", false, sec, famGeneral, a.female, techList(a.core, []string{subTech(s)})))
		}
		if len(secLeaves) == 0 {
			secLeaves = []int{sec}
		}
	}
	divLeaves := make([][]int, len(a.divs))
	divTechs := make([][]string, len(a.divs))
	for i, d := range a.divs {
		df := orFam(d.fam, fam)
		dh := p.structural(u, fmt.Sprintf("%s-%s-%d", a.code, a.divCode, i+1), a.divPrefix+" "+d.name,
			people.KindAdministrator, "", true, head, df, a.female, techList(a.core, d.techs))
		for j, s := range d.subs {
			divLeaves[i] = append(divLeaves[i], p.structural(u, fmt.Sprintf("%s-%s-%d-%d", a.code, a.subCode, i+1, j+1),
				a.subPrefix+" "+s, people.KindPengawas, "", false, dh, df, a.female, techList(a.core, d.techs)))
		}
		if len(d.subs) == 0 {
			divLeaves[i] = []int{dh}
		}
		divTechs[i] = d.techs
	}
	if len(secLeaves) == 0 && len(divLeaves) > 0 {
		secLeaves = divLeaves[0] // e.g. Sekretariat DPRD: its first bagian runs the office
	}
	specs := dedupeStaff(slices.Concat(a.staff, genericStaff))
	p.staff(u, specs, a.weight, a.core, divTechs, secLeaves, divLeaves, head)
	for _, up := range a.upts {
		p.upt(up, u, head)
	}
}

// dedupeStaff drops generic entries that repeat a job and jenjang already
// present (the agency's own entry wins).
func dedupeStaff(specs []staffSpec) []staffSpec {
	var out []staffSpec
	for _, s := range specs {
		dup := false
		for _, o := range out {
			if o.job == s.job && o.jenjang == s.jenjang {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, s)
		}
	}
	return out
}

// upt builds a UPT under agency unit parent whose head is parentHead.
func (p *planner) upt(s uptSpec, parent, parentHead int) {
	u := p.unit(s.code, s.name, people.UnitUPT, parent)
	fam := orFam(s.fam, famGeneral)
	head := p.structural(u, s.code+"-KEPALA", "Kepala "+s.name, people.KindPengawas, "", false, parentHead,
		fam, s.female, techList(s.core))
	tu := p.structural(u, s.code+"-KASUBAG-TU", "Kepala Subbagian Tata Usaha", people.KindPengawas, "", false, head,
		famGeneral, s.female, techList(s.core, []string{tArsip}))
	p.staff(u, s.staff, s.weight, s.core, nil, []int{tu}, nil, head)
}

// puskesmas adds a UPT Puskesmas for every other kelurahan of each kecamatan.
func (p *planner) puskesmas(dinkes, dinkesHead int) {
	var names []string
	for _, k := range kecamatanList {
		for i, kel := range k.kelurahan {
			if i%2 == 0 {
				names = append(names, kel)
			}
		}
	}
	each := puskesmasWeight / float64(len(names))
	for _, n := range names {
		p.upt(uptSpec{
			code:   "UPT-PKM-" + codeOf(n),
			name:   "UPT Puskesmas " + n,
			core:   []string{tKesmas},
			staff:  puskesmasStaff,
			weight: each * (0.7 + 0.6*p.r.Float64()),
			fam:    famDoctor,
			female: 0.65,
		}, dinkes, dinkesHead)
	}
}

// kecamatan builds a kecamatan and its kelurahan.
func (p *planner) kecamatan(name string, kelurahan []string, sekda int) {
	kc := codeOf(name)
	code := "KEC-" + kc
	u := p.unit(code, "Kecamatan "+name, people.UnitKecamatan, -1)
	const female = 0.45
	core := []string{tPemerintahan, tPemberdayaan}
	camat := p.structural(u, code+"-CAMAT", "Camat "+name, people.KindAdministrator, "", true, sekda,
		famGeneral, female, techList(core))
	sekcam := p.structural(u, code+"-SEKCAM", "Sekretaris Kecamatan", people.KindAdministrator, "", false, camat,
		famGeneral, female, techList(core, []string{tRencana}))
	var sec []int
	for i, s := range []string{"Umum dan Kepegawaian", "Perencanaan dan Keuangan"} {
		sec = append(sec, p.structural(u, fmt.Sprintf("%s-KASUBAG-%d", code, i+1), "Kepala Subbagian "+s,
			people.KindPengawas, "", false, sekcam, famGeneral, female, techList(core, []string{subTech(s)})))
	}
	var divs [][]int
	var dts [][]string
	for i, d := range kecamatanSeksi {
		divs = append(divs, []int{p.structural(u, fmt.Sprintf("%s-KASI-%d", code, i+1), "Kepala Seksi "+d.name,
			people.KindPengawas, "", false, camat, famGeneral, female, techList(core, d.techs))})
		dts = append(dts, d.techs)
	}
	p.staff(u, kecamatanStaff, kecamatanWeight*(0.75+0.5*p.r.Float64()), core, dts, sec, divs, camat)

	kcore := []string{tPemberdayaan, tPemerintahan}
	for _, kel := range kelurahan {
		kcode := "KEL-" + kc + "-" + codeOf(kel)
		ku := p.unit(kcode, "Kelurahan "+kel, people.UnitKelurahan, u)
		lurah := p.structural(ku, kcode+"-LURAH", "Lurah "+kel, people.KindPengawas, "", false, camat,
			famGeneral, female, techList(kcore))
		seklur := p.structural(ku, kcode+"-SEKLUR", "Sekretaris Kelurahan", people.KindPengawas, "", false, lurah,
			famGeneral, female, techList(kcore, []string{tAdminduk}))
		var kdivs [][]int
		var kdts [][]string
		for i, d := range kelurahanSeksi {
			kdivs = append(kdivs, []int{p.structural(ku, fmt.Sprintf("%s-KASI-%d", kcode, i+1), "Kepala Seksi "+d.name,
				people.KindPengawas, "", false, lurah, famGeneral, female, techList(kcore, d.techs))})
			kdts = append(kdts, d.techs)
		}
		p.staff(ku, kelurahanStaff, kelurahanWeight*(0.75+0.5*p.r.Float64()), kcore, kdts, []int{seklur}, kdivs, lurah)
	}
}

// codeOf turns a name into a code part: ASCII letters and digits, upper case.
func codeOf(name string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(name) {
		if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// standardsFor sets each position's competency standard: the dictionary at
// the policy's default level, then its technical competencies.
func (p *planner) standardsFor(dictIDs []int64, techIDs map[string]int64) error {
	policy := competency.DefaultPolicy()
	p.standards = make([][]competency.Requirement, len(p.pos))
	for i := range p.pos {
		pp := &p.pos[i]
		lvl := policy.DefaultRequired(pp.Kind, pp.Jenjang)
		reqs := make([]competency.Requirement, 0, len(dictIDs)+len(pp.techs))
		for _, id := range dictIDs {
			reqs = append(reqs, competency.Requirement{CompetencyID: id, Required: lvl})
		}
		own := ""
		if pp.Kind == people.KindFungsional && isAhli(pp.Jenjang) {
			own = jobs[pp.job].tech
		}
		for _, t := range pp.techs {
			id, ok := techIDs[t]
			if !ok {
				return fmt.Errorf("demo: kompetensi teknis %s tidak ada", t)
			}
			req := lvl
			if t == own && p.r.Float64() < 0.35 {
				req = min(lvl+1, competency.MaxLevel)
			}
			reqs = append(reqs, competency.Requirement{CompetencyID: id, Required: req})
		}
		p.standards[i] = reqs
	}
	return nil
}

// allocate spreads the employees left after the structural positions over
// the pelaksana and fungsional positions by weight: the integer part of each
// quota, then the remainder drawn in proportion to the fractional parts.
func (p *planner) allocate(target int) {
	rest := max(target-p.filled, 0)
	var idx []int
	var sum float64
	for i := range p.pos {
		if !p.pos[i].structural {
			idx = append(idx, i)
			sum += p.pos[i].weight
		}
	}
	p.total = p.filled + rest
	if rest == 0 || sum == 0 {
		return
	}
	frac := make([]float64, len(idx))
	given := 0
	for k, i := range idx {
		q := float64(rest) * p.pos[i].weight / sum
		n := int(q)
		p.pos[i].count = n
		given += n
		frac[k] = q - float64(n)
	}
	cum := make([]float64, len(idx))
	acc := 0.0
	for k := range frac {
		acc += frac[k]
		cum[k] = acc
	}
	for ; given < rest; given++ {
		x := p.r.Float64() * acc
		k, _ := slices.BinarySearch(cum, x)
		k = min(k, len(idx)-1)
		p.pos[idx[k]].count++
	}
}
