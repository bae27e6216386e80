// Package talent places employees on the talent 9-box of PermenPANRB 3/2020
// (performance × potential), recommends the actions of each box, and builds
// succession lists for key positions. A box is a recommendation that a
// person reviews (UU PDP: no automated decision); Review records that
// decision. The package is pure.
package talent

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"asah/internal/people"
	"asah/internal/performance"
)

// Performance is the performance axis of the 9-box.
type Performance int

const (
	PerfUnknown Performance = iota
	PerfBelow
	PerfMeets
	PerfAbove
)

// Label is the display name of a performance level.
func (p Performance) Label() string {
	switch p {
	case PerfBelow:
		return "Di Bawah Ekspektasi"
	case PerfMeets:
		return "Sesuai Ekspektasi"
	case PerfAbove:
		return "Di Atas Ekspektasi"
	}
	return "Belum diketahui"
}

// String is the stored name ("below", "meets", "above", "").
func (p Performance) String() string {
	switch p {
	case PerfBelow:
		return "below"
	case PerfMeets:
		return "meets"
	case PerfAbove:
		return "above"
	}
	return ""
}

// PerformanceOf maps a final annual predikat to the performance axis:
// Sangat Baik → above; Baik → meets; Butuh Perbaikan, Kurang and Sangat
// Kurang → below. An unknown predikat is PerfUnknown.
func PerformanceOf(p performance.Predikat) Performance {
	switch p {
	case performance.SangatBaik:
		return PerfAbove
	case performance.Baik:
		return PerfMeets
	case performance.ButuhPerbaikan, performance.Kurang, performance.SangatKurang:
		return PerfBelow
	}
	return PerfUnknown
}

// Potential is the potential axis of the 9-box.
type Potential int

const (
	PotUnknown Potential = iota
	PotLow
	PotMedium
	PotHigh
)

// Label is the display name of a potential band.
func (p Potential) Label() string {
	switch p {
	case PotLow:
		return "Rendah"
	case PotMedium:
		return "Menengah"
	case PotHigh:
		return "Tinggi"
	}
	return "Belum diketahui"
}

// String is the stored name ("low", "medium", "high", "").
func (p Potential) String() string {
	switch p {
	case PotLow:
		return "low"
	case PotMedium:
		return "medium"
	case PotHigh:
		return "high"
	}
	return ""
}

// Box is a cell of the 9-box, 1..9; 0 means not placed.
type Box int

// BoxOf numbers the cell of a performance and a potential as DOMAIN.md §4
// (0 when either is unknown):
//
//	potential \ performance   below  meets  above
//	high                        6      8      9
//	medium                      3      5      7
//	low                         1      2      4
func BoxOf(perf Performance, pot Potential) Box {
	if perf < PerfBelow || perf > PerfAbove || pot < PotLow || pot > PotHigh {
		return 0
	}
	switch pot {
	case PotHigh:
		return [...]Box{6, 8, 9}[perf-PerfBelow]
	case PotMedium:
		return [...]Box{3, 5, 7}[perf-PerfBelow]
	}
	return [...]Box{1, 2, 4}[perf-PerfBelow]
}

// Valid reports whether b is a box 1..9.
func (b Box) Valid() bool { return b >= 1 && b <= 9 }

// Axes returns the performance and potential of a box.
func (b Box) Axes() (Performance, Potential) {
	for perf := PerfBelow; perf <= PerfAbove; perf++ {
		for pot := PotLow; pot <= PotHigh; pot++ {
			if BoxOf(perf, pot) == b {
				return perf, pot
			}
		}
	}
	return PerfUnknown, PotUnknown
}

// Label names a box ("Kotak 9"; "Belum ditempatkan" for 0).
func (b Box) Label() string {
	if !b.Valid() {
		return "Belum ditempatkan"
	}
	return fmt.Sprintf("Kotak %d", int(b))
}

// Action is a recommended action of a box.
type Action string

const (
	ActPromote       Action = "promote"       // promosi
	ActRetain        Action = "retain"        // dipertahankan
	ActNationalPool  Action = "national_pool" // talent pool nasional
	ActAgencyPool    Action = "agency_pool"   // talent pool instansi
	ActRotation      Action = "rotation"      // rotasi
	ActPerfCoaching  Action = "performance_coaching"
	ActJobEnrichment Action = "job_enrichment"
	ActCompetencyDev Action = "competency_development"
	ActRightPlace    Action = "right_placement" // penempatan yang sesuai
	ActCounselling   Action = "counselling"
	ActCoaching      Action = "coaching"
	ActDiscipline    Action = "discipline" // ditangani sesuai ketentuan disiplin / kinerja
)

// Label is the display name of an action.
func (a Action) Label() string {
	switch a {
	case ActPromote:
		return "Promosi"
	case ActRetain:
		return "Dipertahankan"
	case ActNationalPool:
		return "Masuk talent pool nasional"
	case ActAgencyPool:
		return "Masuk talent pool (suksesi) instansi"
	case ActRotation:
		return "Rotasi"
	case ActPerfCoaching:
		return "Bimbingan kinerja (performance coaching)"
	case ActJobEnrichment:
		return "Pengayaan pekerjaan (job enrichment)"
	case ActCompetencyDev:
		return "Pengembangan kompetensi"
	case ActRightPlace:
		return "Penempatan yang sesuai"
	case ActCounselling:
		return "Konseling"
	case ActCoaching:
		return "Coaching"
	case ActDiscipline:
		return "Ditangani sesuai ketentuan disiplin dan kinerja"
	}
	return string(a)
}

// Actions returns the recommended actions of a box (DOMAIN.md §4), a fresh slice:
//
//	9 promote, retain, national + agency succession pool
//	8 retain, agency succession pool, rotation, performance coaching
//	7 retain, agency succession pool, job enrichment, competency development
//	6 right placement, performance coaching and counselling
//	5 right placement, performance coaching, competency development
//	4 rotation, competency development
//	3 coaching, counselling, competency development
//	2 coaching, competency development, right placement
//	1 handled under disciplinary/performance rules
func (b Box) Actions() []Action {
	switch b {
	case 9:
		return []Action{ActPromote, ActRetain, ActNationalPool, ActAgencyPool}
	case 8:
		return []Action{ActRetain, ActAgencyPool, ActRotation, ActPerfCoaching}
	case 7:
		return []Action{ActRetain, ActAgencyPool, ActJobEnrichment, ActCompetencyDev}
	case 6:
		return []Action{ActRightPlace, ActPerfCoaching, ActCounselling}
	case 5:
		return []Action{ActRightPlace, ActPerfCoaching, ActCompetencyDev}
	case 4:
		return []Action{ActRotation, ActCompetencyDev}
	case 3:
		return []Action{ActCoaching, ActCounselling, ActCompetencyDev}
	case 2:
		return []Action{ActCoaching, ActCompetencyDev, ActRightPlace}
	case 1:
		return []Action{ActDiscipline}
	}
	return nil
}

// InSuccessionPool reports whether the box belongs to the agency succession
// pool (boxes 7–9).
func (b Box) InSuccessionPool() bool { return b >= 7 && b <= 9 }

// InNationalPool reports whether the box is also proposed for the national pool (box 9).
func (b Box) InNationalPool() bool { return b == 9 }

// Policy holds the configurable numbers of talent management.
type Policy struct {
	// HighFrom and MediumFrom are the lower bounds (inclusive) of the
	// potential bands on a 0–100 score; below MediumFrom is low.
	HighFrom   float64 `json:"high_from"`
	MediumFrom float64 `json:"medium_from"`
	// JPMWeight and AssessmentWeight combine the potential score: the JPM
	// against the current position and, when the employee has one, an
	// assessment-center potential score (0–100). A weight of 0 leaves the
	// input out. Default: JPM alone.
	JPMWeight        float64 `json:"jpm_weight"`
	AssessmentWeight float64 `json:"assessment_weight"`
	// ReadyNowFrom and ReadySoonFrom band a successor's JPM against the
	// key position's standard: ready now, ready in 1–2 years, later.
	ReadyNowFrom  float64 `json:"ready_now_from"`
	ReadySoonFrom float64 `json:"ready_soon_from"`
	// RetirementMonths flags key positions whose holder retires within
	// this many months (24 = two years).
	RetirementMonths int `json:"retirement_months"`
	// MaxCandidates limits each succession list (0: no limit).
	MaxCandidates int `json:"max_candidates"`
	// Feeders lists, per key position ("kind" or "kind:jenjang"), the
	// positions ("kind" or "kind:jenjang") whose holders may succeed to it.
	// A key position without an entry takes candidates from any position.
	Feeders map[string][]string `json:"feeders"`
}

// DefaultPolicy returns the usual numbers (DOMAIN.md §4).
func DefaultPolicy() Policy {
	return Policy{
		HighFrom:         80,
		MediumFrom:       60,
		JPMWeight:        1,
		AssessmentWeight: 0,
		ReadyNowFrom:     80,
		ReadySoonFrom:    68,
		RetirementMonths: 24,
		MaxCandidates:    10,
		Feeders: map[string][]string{
			"jpt":           {"jpt", "administrator", "fungsional:ahli_utama", "fungsional:ahli_madya"},
			"administrator": {"administrator", "pengawas", "fungsional:ahli_madya", "fungsional:ahli_muda"},
			"pengawas":      {"pengawas", "pelaksana", "fungsional:ahli_muda", "fungsional:ahli_pertama", "fungsional:penyelia", "fungsional:mahir"},
		},
	}
}

// Validate reports the first inconsistency of a policy.
func (p Policy) Validate() error {
	if !(p.MediumFrom > 0 && p.MediumFrom < p.HighFrom && p.HighFrom <= 100) {
		return fmt.Errorf("kebijakan talenta: batas potensi harus 0 < menengah < tinggi ≤ 100 (menengah %g, tinggi %g)", p.MediumFrom, p.HighFrom)
	}
	if p.JPMWeight < 0 || p.AssessmentWeight < 0 || p.JPMWeight+p.AssessmentWeight == 0 {
		return fmt.Errorf("kebijakan talenta: bobot JPM dan bobot asesmen potensi tidak boleh negatif dan tidak boleh keduanya nol")
	}
	if !(p.ReadySoonFrom > 0 && p.ReadySoonFrom < p.ReadyNowFrom && p.ReadyNowFrom <= 100) {
		return fmt.Errorf("kebijakan talenta: batas kesiapan harus 0 < 1–2 tahun < siap sekarang ≤ 100 (%g, %g)", p.ReadySoonFrom, p.ReadyNowFrom)
	}
	if p.RetirementMonths < 0 || p.RetirementMonths > 120 {
		return fmt.Errorf("kebijakan talenta: horizon pensiun %d bulan di luar 0–120", p.RetirementMonths)
	}
	if p.MaxCandidates < 0 {
		return fmt.Errorf("kebijakan talenta: jumlah kandidat maksimal tidak boleh negatif")
	}
	keys := make([]string, 0, len(p.Feeders))
	for k := range p.Feeders {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		for _, x := range append([]string{k}, p.Feeders[k]...) {
			if err := checkPositionKey(x); err != nil {
				return fmt.Errorf("kebijakan talenta: jalur suksesi %q: %v", k, err)
			}
		}
	}
	return nil
}

func checkPositionKey(k string) error {
	kind, jenjang, has := strings.Cut(k, ":")
	pk, err := people.ParsePositionKind(kind)
	if err != nil || string(pk) != kind {
		return fmt.Errorf("jenis jabatan %q tidak dikenal", kind)
	}
	if has {
		for _, j := range people.AllowedJenjang(pk) {
			if string(j) == jenjang {
				return nil
			}
		}
		return fmt.Errorf("jenjang %q tidak berlaku untuk %s", jenjang, kind)
	}
	return nil
}

// Band puts a potential score (0–100) in its band.
func (p Policy) Band(score float64) Potential {
	switch {
	case score >= p.HighFrom:
		return PotHigh
	case score >= p.MediumFrom:
		return PotMedium
	}
	return PotLow
}

// PotentialScore combines the inputs into a 0–100 score by the weights; ok
// is false when no weighted input is present.
func (p Policy) PotentialScore(jpm float64, hasJPM bool, assessment float64, hasAssessment bool) (float64, bool) {
	var wj, wa float64
	if hasJPM {
		wj = p.JPMWeight
	}
	if hasAssessment {
		wa = p.AssessmentWeight
	}
	if wj+wa <= 0 {
		return 0, false
	}
	return (wj*jpm + wa*assessment) / (wj + wa), true
}

// Input is what placing one employee needs.
type Input struct {
	EmployeeID int64
	// The latest final annual predikat and its year (HasPredikat false: none).
	Predikat     performance.Predikat
	PredikatYear int
	HasPredikat  bool
	// JPM against the current position (HasJPM false: nothing assessed).
	JPM    float64
	HasJPM bool
	// An assessment-center potential score, 0–100 (optional).
	Assessment    float64
	HasAssessment bool
}

// Placement is an employee's cell on the 9-box: the computed recommendation
// and, when a person reviewed it, their decision.
type Placement struct {
	EmployeeID   int64
	Predikat     performance.Predikat
	PredikatYear int
	Performance  Performance
	Score        float64 // potential score (when HasScore)
	HasScore     bool
	Potential    Potential
	// Computed is the recommendation (0: not placed, see Reason).
	Computed Box
	Reason   string
	// Box is the box in force: the reviewed one when a current review
	// exists, else Computed.
	Box Box
	// Review is the reviewer's decision on this recommendation (nil: not
	// reviewed). Stale is true when a review exists for the predikat year
	// but was made on a different recommendation: it needs reviewing again.
	Review *Review
	Stale  bool
}

// Place computes the recommendation for one employee.
func (p Policy) Place(in Input) Placement {
	pl := Placement{EmployeeID: in.EmployeeID}
	if in.HasPredikat {
		pl.Predikat, pl.PredikatYear = in.Predikat, in.PredikatYear
		pl.Performance = PerformanceOf(in.Predikat)
	}
	pl.Score, pl.HasScore = p.PotentialScore(in.JPM, in.HasJPM, in.Assessment, in.HasAssessment)
	if pl.HasScore {
		pl.Potential = p.Band(pl.Score)
	}
	switch {
	case pl.Performance == PerfUnknown && !pl.HasScore:
		pl.Reason = "belum ada predikat kinerja tahunan final dan belum ada penilaian kompetensi yang berlaku"
	case pl.Performance == PerfUnknown:
		pl.Reason = "belum ada predikat kinerja tahunan final"
	case !pl.HasScore:
		pl.Reason = "potensi belum dapat dihitung: belum ada penilaian kompetensi yang berlaku"
	default:
		pl.Computed = BoxOf(pl.Performance, pl.Potential)
	}
	pl.Box = pl.Computed
	return pl
}

// Decision is what a reviewer decided on a recommendation.
type Decision string

const (
	Confirmed  Decision = "confirmed"
	Overridden Decision = "overridden"
)

// Label is the display name of a decision.
func (d Decision) Label() string {
	switch d {
	case Confirmed:
		return "Dikonfirmasi"
	case Overridden:
		return "Diubah"
	}
	return string(d)
}

// MaxReasonLen bounds a review's reason.
const MaxReasonLen = 1000

// Review is a person's decision on a 9-box recommendation.
type Review struct {
	ID         int64
	EmployeeID int64
	Year       int // the predikat year the placement was based on
	Computed   Box // the recommendation reviewed
	Box        Box // the box decided
	Decision   Decision
	Reason     string
	Reviewer   string
	At         time.Time
}

// NewReview records a reviewer's decision on a placement: confirming the
// recommended box (reason optional) or overriding it with another box, which
// needs a reason.
func NewReview(pl Placement, box Box, reason, reviewer string, at time.Time) (Review, error) {
	reason = strings.TrimSpace(reason)
	if !pl.Computed.Valid() {
		return Review{}, fmt.Errorf("pegawai belum dapat ditempatkan pada 9-box: %s", pl.Reason)
	}
	if !box.Valid() {
		return Review{}, fmt.Errorf("kotak %d tidak ada: pilih kotak 1–9", int(box))
	}
	if utf8.RuneCountInString(reason) > MaxReasonLen {
		return Review{}, fmt.Errorf("alasan lebih dari %d karakter", MaxReasonLen)
	}
	r := Review{EmployeeID: pl.EmployeeID, Year: pl.PredikatYear, Computed: pl.Computed, Box: box, Reason: reason,
		Reviewer: reviewer, At: at, Decision: Confirmed}
	if box != pl.Computed {
		r.Decision = Overridden
		if reason == "" {
			return Review{}, errors.New("alasan wajib diisi ketika mengubah kotak yang direkomendasikan")
		}
	}
	return r, nil
}

// WithReview applies the latest review of the employee: it is in force when
// made for the same predikat year and the same recommendation. A review of
// the same year made on a different recommendation (the inputs changed
// since) marks the placement Stale, which keeps the computed box; a review
// of another year does not apply.
func (pl Placement) WithReview(r Review) Placement {
	if r.EmployeeID != pl.EmployeeID || !pl.Computed.Valid() || r.Year != pl.PredikatYear {
		return pl
	}
	if r.Computed != pl.Computed {
		pl.Stale = true
		return pl
	}
	pl.Review = &r
	pl.Box = r.Box
	return pl
}
