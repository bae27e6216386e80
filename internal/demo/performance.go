package demo

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"asah/internal/competency"
	"asah/internal/development"
	"asah/internal/people"
	"asah/internal/performance"
	"asah/internal/talent"
)

// PerformanceSink receives the performance and development data of the
// dataset: the evaluation periods once (before the first employees), then,
// after each batch of employees and their assessments, the SKPs of those
// employees (the two past years, final, and the current year in progress)
// and their development plans of the current year in several states. A
// Sink that also implements PerformanceSink gets them; the rest of the
// stream is the same either way (the data comes from a random stream of its
// own).
type PerformanceSink interface {
	Periods(ctx context.Context, ps []performance.Period) error
	SKPs(ctx context.Context, ks []performance.SKP) error
	IDPs(ctx context.Context, ps []development.Plan) error
}

// streamPerformance seeds the performance data's random stream.
const streamPerformance = 0x6b696e65726a61 // "kinerja"

// Shares of the current year's SKPs still in draft or only agreed (the rest
// are evaluated for each quarter that has ended), and of IDP states among
// the employees who have a plan.
const (
	skpDraftShare  = 0.04
	skpAgreedShare = 0.04
	idpShare       = 0.72
	idpApproved    = 0.60
	idpSubmitted   = 0.12
	idpReturned    = 0.06 // the rest are drafts
)

// perfRec is what the performance generator keeps of one employee.
type perfRec struct {
	e      people.Employee
	pi     int
	start  time.Time
	sup    holder
	mean   float64 // mean level − required over the standard
	weak   int64   // competency furthest below its required level (dictionary first)
	strong int64   // competency furthest above it
	asFrom int     // the employee's assessments in the batch: [asFrom, asTo)
	asTo   int
}

// perfGen generates SKPs and IDPs batch by batch.
type perfGen struct {
	r       *rand.Rand
	pl      *plan
	today   time.Time
	periods map[int][]performance.Period // by year
	names   map[int64][2]string          // competency ID → code, name
	recs    []perfRec
	nextSKP int64
	nextEv  int64
	nextIDP int64
	match   *competency.Matcher
	prop    *development.Proposer
	tpol    talent.Policy
	lines   []competency.Line
}

func newPerfGen(seed uint64, pl *plan, today time.Time, dictIDs []int64, techIDs map[string]int64) *perfGen {
	g := &perfGen{
		r:       rand.New(rand.NewPCG(seed, streamPerformance)),
		pl:      pl,
		today:   today,
		periods: map[int][]performance.Period{},
		names:   map[int64][2]string{},
		match:   competency.NewMatcher(competency.DefaultPolicy()),
		tpol:    talent.DefaultPolicy(),
	}
	var dict []competency.Competency
	for i, c := range competency.Dictionary() {
		g.names[dictIDs[i]] = [2]string{c.Code, c.Name}
		c.ID = dictIDs[i]
		dict = append(dict, c)
	}
	for _, t := range techCatalogue {
		g.names[techIDs[t.code]] = [2]string{t.code, t.name}
		dict = append(dict, competency.Competency{ID: techIDs[t.code], Code: t.code, Kind: competency.Technical, Name: t.name})
	}
	g.prop = development.NewProposer(development.DefaultPolicy(), dict)
	var id int64
	for y := today.Year() - 2; y <= today.Year(); y++ {
		ps, _ := performance.Periods(y, performance.Quarterly)
		for i := range ps {
			id++
			ps[i].ID = id
			ps[i].Status = g.periodStatus(ps[i])
		}
		g.periods[y] = ps
	}
	return g
}

// periodStatus: past years closed; this year, a period is open from its
// start until a month after its end (the evaluation window), closed after;
// the annual evaluation opens in December.
func (g *perfGen) periodStatus(p performance.Period) performance.PeriodStatus {
	switch {
	case p.Year < g.today.Year():
		return performance.PeriodClosed
	case p.Annual():
		if g.today.Month() == time.December {
			return performance.PeriodOpen
		}
		return performance.PeriodPending
	case g.today.Before(p.Start):
		return performance.PeriodPending
	case g.today.After(p.End.AddDate(0, 1, 0)):
		return performance.PeriodClosed
	}
	return performance.PeriodOpen
}

// allPeriods lists the periods of the three years in ID order.
func (g *perfGen) allPeriods() []performance.Period {
	var out []performance.Period
	for y := g.today.Year() - 2; y <= g.today.Year(); y++ {
		out = append(out, g.periods[y]...)
	}
	return out
}

// add keeps what the SKPs and the IDP of one employee need; levels are the
// employee's true levels in the order of the position's standard. It draws
// nothing from any random stream.
func (g *perfGen) add(e people.Employee, pi int, start time.Time, sup holder, levels []int, asFrom, asTo int) {
	std := g.pl.standards[pi]
	rec := perfRec{e: e, pi: pi, start: start, sup: sup, asFrom: asFrom, asTo: asTo}
	lo, hi := math.MaxInt, math.MinInt
	sum := 0
	for j, req := range std {
		d := levels[j] - req.Required
		sum += d
		if d < lo {
			lo, rec.weak = d, req.CompetencyID
		}
		if d > hi {
			hi, rec.strong = d, req.CompetencyID
		}
	}
	if len(std) > 0 {
		rec.mean = float64(sum) / float64(len(std))
	}
	g.recs = append(g.recs, rec)
}

// ratingOf bands a latent score.
func ratingOf(x, above, below float64) performance.Rating {
	switch {
	case x > above:
		return performance.Above
	case x < below:
		return performance.Below
	}
	return performance.Meets
}

// Thresholds of the latent scores (standard normal-ish): results above
// expectation for the top sixth, below for the bottom few percent;
// behaviour likewise, correlated with results. On the 15,000 demo this
// gives per year about 10% Sangat Baik, 85% Baik, 4% Butuh Perbaikan, 1%
// Kurang and 0.5% Sangat Kurang (TestPerformancePredikatDistribution).
const (
	hasilAbove    = 0.95
	hasilBelow    = -1.48
	perilakuAbove = 0.84
	perilakuBelow = -2.05
)

func (g *perfGen) ratings(h float64) (performance.Rating, performance.Rating) {
	b := 0.6*h + 0.8*g.r.NormFloat64()
	return ratingOf(h, hasilAbove, hasilBelow), ratingOf(b, perilakuAbove, perilakuBelow)
}

var weaknessText = map[string][]string{
	"M.1":  {"Beberapa kali terlambat melaporkan penggunaan anggaran kegiatan.", "Perlu lebih tegas menolak permintaan di luar prosedur."},
	"M.2":  {"Kurang melibatkan rekan kerja dalam penyelesaian tugas bersama.", "Koordinasi dengan unit lain perlu ditingkatkan."},
	"M.3":  {"Paparan kepada pimpinan kurang runtut dan tidak berbasis data.", "Naskah dinas sering perlu diperbaiki sebelum ditandatangani."},
	"M.4":  {"Target triwulanan beberapa kali tidak tercapai tepat waktu.", "Perlu memantau capaian kinerja secara berkala."},
	"M.5":  {"Waktu tanggap terhadap pengaduan warga masih di atas standar pelayanan.", "Perlu memahami standar pelayanan unit dengan lebih baik."},
	"M.6":  {"Belum aktif membimbing pegawai baru di unit kerja.", "Belum menyusun rencana pengembangan diri yang jelas."},
	"M.7":  {"Lambat menyesuaikan diri dengan aplikasi kerja yang baru.", "Perlu lebih terbuka terhadap perubahan prosedur kerja."},
	"M.8":  {"Sering menunda keputusan yang menjadi kewenangannya.", "Keputusan kurang didukung analisis alternatif dan risiko."},
	"SK.1": {"Perlu lebih peka terhadap keragaman latar belakang warga yang dilayani."},
}

var strengthText = map[string][]string{
	"M.1":  {"Jujur dan konsisten menjalankan kode etik."},
	"M.2":  {"Ringan tangan membantu rekan kerja menyelesaikan pekerjaan."},
	"M.3":  {"Menyampaikan informasi dengan jelas kepada warga dan pimpinan."},
	"M.4":  {"Menyelesaikan target kerja lebih cepat dari jadwal."},
	"M.5":  {"Ramah dan cekatan melayani warga."},
	"M.6":  {"Aktif berbagi pengetahuan di komunitas belajar unit."},
	"M.7":  {"Cepat beradaptasi dengan sistem kerja baru."},
	"M.8":  {"Mengambil keputusan tepat waktu dengan pertimbangan yang matang."},
	"SK.1": {"Mampu merangkul warga dari berbagai latar belakang."},
}

var feedbackText = []string{
	"Capaian triwulan ini sesuai rencana; pertahankan ketepatan waktu laporan.",
	"Mohon percepat penyelesaian dokumen yang tertunda sebelum akhir bulan.",
	"Tindak lanjut pengaduan warga sudah baik; dokumentasikan setiap penyelesaiannya.",
	"Perlu koordinasi lebih awal dengan bidang terkait untuk kegiatan bersama.",
	"Ikuti e-learning yang disarankan untuk memperkuat kompetensi teknis.",
}

// noteText is the text of a strength or weakness on a competency.
func (g *perfGen) noteText(kind performance.NoteKind, id int64) string {
	n := g.names[id]
	bank := weaknessText
	if kind == performance.Strength {
		bank = strengthText
	}
	if xs, ok := bank[n[0]]; ok {
		return xs[g.r.IntN(len(xs))]
	}
	if kind == performance.Strength {
		return "Menguasai " + n[1] + " dan menjadi rujukan rekan kerja."
	}
	return "Penguasaan " + n[1] + " perlu ditingkatkan untuk tugas sehari-hari."
}

// planFor writes the SKP plan of a position (the same wording every year).
func planFor(pp *posPlan) performance.Plan {
	r := func(text string, ind ...string) performance.WorkResult {
		w := performance.WorkResult{Text: text}
		for i := 0; i+1 < len(ind); i += 2 {
			w.Indicators = append(w.Indicators, performance.Indicator{Text: ind[i], Target: ind[i+1]})
		}
		return w
	}
	var rs []performance.WorkResult
	switch pp.Kind {
	case people.KindJPT:
		rs = []performance.WorkResult{
			r("Meningkatnya kinerja perangkat daerah sesuai sasaran strategis RPJMD", "Nilai evaluasi SAKIP", "BB", "Capaian indikator kinerja utama", "≥ 90%"),
			r("Terwujudnya pengelolaan anggaran yang akuntabel", "Realisasi anggaran", "≥ 95%", "Temuan BPK yang ditindaklanjuti", "100%"),
		}
	case people.KindAdministrator:
		rs = []performance.WorkResult{
			r("Tercapainya target program "+pp.Title, "Capaian indikator program", "100%"),
			r("Terlaksananya pembinaan pegawai di unit kerja", "Pegawai yang mengikuti pengembangan kompetensi 20 JP", "≥ 80%"),
		}
	case people.KindPengawas:
		rs = []performance.WorkResult{
			r("Terlaksananya kegiatan "+pp.Title+" sesuai rencana", "Kegiatan terlaksana", "100%"),
			r("Tersusunnya laporan kegiatan triwulanan", "Laporan tepat waktu", "4 laporan"),
		}
	case people.KindFungsional:
		rs = []performance.WorkResult{
			r("Terlaksananya butir kegiatan jabatan "+pp.Title, "Angka kredit yang diperoleh", "sesuai target tahunan"),
			r("Meningkatnya kualitas layanan kepada masyarakat", "Indeks kepuasan masyarakat", "≥ 80"),
		}
	default:
		rs = []performance.WorkResult{
			r("Terselesaikannya tugas "+pp.Title+" tepat waktu", "Tugas selesai tepat waktu", "≥ 95%"),
			r("Tersusunnya dokumen administrasi pendukung", "Dokumen tersusun", "12 dokumen"),
		}
	}
	return performance.Plan{Results: rs}
}

// at is a civil date plus a working-hours time of day (WIB as UTC).
func (g *perfGen) at(d time.Time) time.Time {
	return d.Add(time.Duration(1+g.r.IntN(9))*time.Hour + time.Duration(g.r.IntN(60))*time.Minute)
}

// day returns from + 0..n−1 days.
func (g *perfGen) day(from time.Time, n int) time.Time { return from.AddDate(0, 0, g.r.IntN(n)) }

// batch generates the SKPs and IDPs of the employees added since the last
// call; as is the batch's assessments.
func (g *perfGen) batch(as []competency.Assessment) ([]performance.SKP, []development.Plan) {
	skps := make([]performance.SKP, 0, 3*len(g.recs))
	idps := make([]development.Plan, 0, len(g.recs))
	cur := g.today.Year()
	for i := range g.recs {
		rc := &g.recs[i]
		pp := &g.pl.pos[rc.pi]
		z := (rc.mean + 0.23) / 0.7
		persist := g.r.NormFloat64()
		plan := planFor(pp)
		var last *performance.SKP
		for y := cur - 2; y <= cur; y++ {
			if rc.start.After(time.Date(y, 6, 30, 0, 0, 0, 0, time.UTC)) {
				continue
			}
			h := 0.45*z + 0.55*persist + 0.7*g.r.NormFloat64()
			k := g.skp(rc, pp, y, h, plan)
			skps = append(skps, k)
			if k.Status == performance.StatusFinal {
				last = &skps[len(skps)-1]
			}
		}
		if g.r.Float64() < idpShare {
			idps = append(idps, g.idp(rc, as[rc.asFrom:rc.asTo], last))
		}
	}
	g.recs = g.recs[:0]
	return skps, idps
}

// skp generates one employee's SKP of year y with latent performance h.
func (g *perfGen) skp(rc *perfRec, pp *posPlan, y int, h float64, plan performance.Plan) performance.SKP {
	g.nextSKP++
	raterName := rc.sup.display
	if rc.sup.id == 0 {
		raterName = "Wali Kota Bandung"
	}
	jan := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
	if rc.start.After(jan) {
		jan = rc.start
	}
	created := g.at(g.day(jan.AddDate(0, 0, 4), 10))
	k := performance.SKP{ID: g.nextSKP, EmployeeID: rc.e.ID, Year: y, RaterID: rc.sup.id, Plan: plan,
		Status: performance.StatusEvaluated, CreatedAt: created, UpdatedAt: created}
	current := y == g.today.Year()
	if current {
		switch x := g.r.Float64(); {
		case x < skpDraftShare:
			k.Status = performance.StatusDraft
			if g.r.Float64() < 0.5 {
				k.EmployeeAgreedAt = created.Add(26 * time.Hour)
				k.UpdatedAt = k.EmployeeAgreedAt
			}
			return k
		case x < skpDraftShare+skpAgreedShare:
			k.Status = performance.StatusAgreed
		}
	}
	k.EmployeeAgreedAt = created.Add(time.Duration(20+g.r.IntN(80)) * time.Hour)
	k.RaterAgreedAt = k.EmployeeAgreedAt.Add(time.Duration(2+g.r.IntN(70)) * time.Hour)
	k.UpdatedAt = k.RaterAgreedAt
	ps := g.periods[y]
	k.Evaluations = make([]performance.Evaluation, 0, len(ps))
	evaluate := func(p performance.Period, on time.Time, hasil, perilaku performance.Rating, notes []performance.Note) {
		g.nextEv++
		pred, _ := performance.PredikatOf(hasil, perilaku)
		ev := performance.Evaluation{ID: g.nextEv, PeriodID: p.ID, PeriodSeq: p.Seq, Hasil: hasil, Perilaku: perilaku, Predikat: pred,
			EvaluatedOn: on, RaterID: rc.sup.id, RaterName: raterName, Notes: notes}
		ack := 0.95
		if current {
			ack = 0.7
		}
		if g.r.Float64() < ack {
			if t := g.at(on.AddDate(0, 0, 1+g.r.IntN(5))); t.Before(g.today) {
				ev.AcknowledgedAt = t
			}
		}
		k.Evaluations = append(k.Evaluations, ev)
		k.UpdatedAt = g.at(on)
	}
	if k.Status == performance.StatusEvaluated {
		for _, p := range ps[:len(ps)-1] {
			on := g.day(p.End.AddDate(0, 0, 3), 18)
			if p.End.Before(rc.start) || !on.Before(g.today) {
				continue
			}
			hq, pq := g.ratings(h + 0.5*g.r.NormFloat64())
			evaluate(p, on, hq, pq, nil)
		}
		if len(k.Evaluations) == 0 {
			k.Status = performance.StatusAgreed
		}
	}
	if k.Status == performance.StatusEvaluated && !current {
		hasil, perilaku := g.ratings(h)
		var notes []performance.Note
		if g.r.Float64() < 0.5 || perilaku == performance.Above {
			notes = append(notes, performance.Note{Kind: performance.Strength, CompetencyID: rc.strong,
				Text: g.noteText(performance.Strength, rc.strong)})
		}
		if hasil == performance.Below || perilaku == performance.Below || g.r.Float64() < 0.4 {
			notes = append(notes, performance.Note{Kind: performance.Weakness, CompetencyID: rc.weak,
				Text: g.noteText(performance.Weakness, rc.weak)})
		}
		on := g.day(time.Date(y+1, 1, 2, 0, 0, 0, 0, time.UTC), 18)
		evaluate(ps[len(ps)-1], on, hasil, perilaku, notes)
		k.Evaluations[len(k.Evaluations)-1].Note = annualNote(k.Evaluations[len(k.Evaluations)-1].Predikat)
		k.Status = performance.StatusFinal
	}
	if current && k.Status != performance.StatusDraft && g.r.Float64() < 0.3 {
		if t := g.at(g.day(k.RaterAgreedAt.AddDate(0, 1, 0), 200)); t.Before(g.today) {
			k.Feedback = append(k.Feedback, performance.Feedback{At: t, AuthorID: rc.sup.id, Author: raterName,
				Text: feedbackText[g.r.IntN(len(feedbackText))]})
		}
	}
	return k
}

func annualNote(p performance.Predikat) string {
	switch p {
	case performance.SangatBaik:
		return "Kinerja melampaui ekspektasi sepanjang tahun."
	case performance.Baik:
		return "Kinerja sesuai ekspektasi."
	case performance.ButuhPerbaikan:
		return "Hasil kerja di bawah ekspektasi; perlu bimbingan kinerja."
	}
	return "Perilaku kerja di bawah ekspektasi; ditindaklanjuti sesuai ketentuan."
}

var returnComments = []string{
	"Tambahkan kegiatan untuk kompetensi teknis yang menjadi kesenjangan terbesar.",
	"Jadwal pelatihan klasikal bertabrakan dengan puncak kegiatan; geser ke triwulan berikutnya.",
	"Total JP belum memenuhi target 20 JP; tambahkan e-learning atau coaching.",
}

var dropReasons = []string{
	"Kuota pelatihan penuh; diganti e-learning tahun depan.",
	"Kegiatan dibatalkan penyelenggara.",
	"Bertugas di lapangan selama jadwal pelatihan.",
}

// idp generates the current year's plan of one employee from their
// assessments, their last final SKP and their 9-box, as proposed in January.
func (g *perfGen) idp(rc *perfRec, as []competency.Assessment, last *performance.SKP) development.Plan {
	y := g.today.Year()
	ref := time.Date(y, 1, 10, 0, 0, 0, 0, time.UTC)
	// The gaps are read on the reference date of the dataset (the
	// assessments are dated within the last year or so); the items are
	// scheduled from January, when the plan was made.
	m := g.match.Match(g.pl.standards[rc.pi], as, g.today, g.lines)
	g.lines = m.Lines
	in := development.Input{EmployeeID: rc.e.ID, Kind: rc.e.Kind, Year: y, Ref: ref, Lines: m.Lines}
	tin := talent.Input{EmployeeID: rc.e.ID, JPM: m.JPM, HasJPM: m.HasJPM}
	if last != nil {
		in.Weaknesses, in.SKPYear = last.Weaknesses(), last.Year
		if p, ok := last.FinalPredikat(); ok {
			tin.Predikat, tin.PredikatYear, tin.HasPredikat = p, last.Year, true
		}
	}
	in.Box = g.tpol.Place(tin).Box
	p := g.prop.Propose(in)
	g.nextIDP++
	p.ID = g.nextIDP
	p.CreatedAt = g.at(g.day(ref, 20))
	p.UpdatedAt = p.CreatedAt
	x := g.r.Float64()
	switch {
	case x < idpApproved+idpSubmitted+idpReturned && len(p.Items) > 0:
		p.SubmittedAt = g.at(g.day(p.CreatedAt.AddDate(0, 0, 3), 20))
		p.Status, p.UpdatedAt = development.StatusSubmitted, p.SubmittedAt
		if x < idpSubmitted {
			break
		}
		p.DecidedAt = g.at(g.day(p.SubmittedAt.AddDate(0, 0, 2), 14))
		p.DecidedBy, p.UpdatedAt = rc.sup.display, p.DecidedAt
		if rc.sup.id == 0 {
			p.DecidedBy = "Admin BKPSDM Kota Bandung"
		}
		if x < idpSubmitted+idpReturned {
			p.Status, p.Comment = development.StatusReturned, returnComments[g.r.IntN(len(returnComments))]
			break
		}
		p.Status = development.StatusApproved
		month := int(g.today.Month())
		for i := range p.Items {
			it := &p.Items[i]
			switch {
			case it.EndMonth < month:
				switch v := g.r.Float64(); {
				case v < 0.82:
					it.Status = development.ItemDone
				case v < 0.9:
					it.Status, it.DropReason = development.ItemDropped, dropReasons[g.r.IntN(len(dropReasons))]
				default:
					it.Status = development.ItemInProgress
				}
			case it.StartMonth <= month && g.r.Float64() < 0.6:
				it.Status = development.ItemInProgress
			}
		}
	}
	return p
}

// emit hands a batch's performance data to the sink in chunks.
func emitPerformance(ctx context.Context, ps PerformanceSink, skps []performance.SKP, idps []development.Plan) error {
	for i := 0; i < len(skps); i += maxBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := min(i+maxBatch, len(skps))
		if err := ps.SKPs(ctx, skps[i:end:end]); err != nil {
			return fmt.Errorf("SKP: %w", err)
		}
	}
	for i := 0; i < len(idps); i += maxBatch {
		if err := ctx.Err(); err != nil {
			return err
		}
		end := min(i+maxBatch, len(idps))
		if err := ps.IDPs(ctx, idps[i:end:end]); err != nil {
			return fmt.Errorf("IDP: %w", err)
		}
	}
	return nil
}
