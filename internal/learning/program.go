package learning

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"asah/internal/development"
	"asah/internal/people"
)

// Method is klasikal (classroom) or non-klasikal (PerLAN 10/2018).
type Method string

const (
	Klasikal    Method = "klasikal"
	NonKlasikal Method = "non_klasikal"
)

// MethodOf is the method a form belongs to.
func MethodOf(f development.Form) Method {
	if f.Classroom() {
		return Klasikal
	}
	return NonKlasikal
}

// Delivery is how a program is delivered.
type Delivery string

const (
	InPerson Delivery = "tatap_muka"
	Online   Delivery = "daring"
	Blended  Delivery = "campuran"
)

// Deliveries lists every delivery.
var Deliveries = []Delivery{InPerson, Online, Blended}

// DefaultMinAttendance is the share of sessions a participant must attend
// to complete, unless the program says otherwise.
const DefaultMinAttendance = 0.8

// MaxProgramJP bounds a program's JP (a long leadership training has a few
// hundred).
const MaxProgramJP = 1000

// Target is a competency a program develops: it raises the participant to
// Level; MinLevel is the current level a participant needs first (0: none).
type Target struct {
	CompetencyID int64
	Level        int
	MinLevel     int
}

// Program is an entry of the training catalogue.
type Program struct {
	ID          int64
	Code        string
	Title       string
	Description string
	JP          int
	ProviderID  int64
	Method      Method
	Form        development.Form
	Delivery    Delivery
	// Costs in rupiah.
	CostPerParticipant int64
	FixedCostPerEvent  int64
	// Mandatory marks a training a position requires (e.g. the leadership
	// training of a new Administrator).
	Mandatory bool
	// EligibleKinds limits participants to these position kinds (empty: all).
	EligibleKinds    []people.PositionKind
	Targets          []Target
	RequiresPostTest bool
	PassScore        float64 // 0–100, the post-test score needed when RequiresPostTest
	MinAttendance    float64 // share of sessions, (0, 1]
	Archived         bool
	CreatedAt        time.Time
	UpdatedAt        time.Time
}

// Validate checks a program: code and title, JP 1–1000, a provider, a known
// form whose method agrees, a known delivery, costs not negative, known
// position kinds, at least one target competency with levels 1–5 (the
// minimum below the target), a pass score 0–100 (above 0 when a post-test
// is required) and an attendance share in (0, 1].
func (p Program) Validate() error {
	var fs Faults
	fs.code("code", "kode program", p.Code, false)
	fs.text("title", "judul program", p.Title, maxName, true)
	fs.text("description", "deskripsi", p.Description, maxText, false)
	if p.JP < 1 || p.JP > MaxProgramJP {
		fs.add("jp", "JP harus 1–%d", MaxProgramJP)
	}
	if p.ProviderID == 0 {
		fs.add("provider", "penyelenggara wajib dipilih")
	}
	switch {
	case !p.Form.Valid():
		fs.add("form", "bentuk pengembangan %q tidak dikenal", p.Form)
	case p.Method != Klasikal && p.Method != NonKlasikal:
		fs.add("method", "metode harus klasikal atau non_klasikal")
	case MethodOf(p.Form) != p.Method:
		fs.add("form", "bentuk %s termasuk metode %s, bukan %s", p.Form.Label(), MethodOf(p.Form), p.Method)
	}
	if !slices.Contains(Deliveries, p.Delivery) {
		fs.add("delivery", "cara penyampaian harus tatap_muka, daring, atau campuran")
	}
	if p.CostPerParticipant < 0 {
		fs.add("cost_per_participant", "biaya per peserta tidak boleh negatif")
	}
	if p.FixedCostPerEvent < 0 {
		fs.add("fixed_cost_per_event", "biaya tetap per angkatan tidak boleh negatif")
	}
	seenKind := map[people.PositionKind]bool{}
	for _, k := range p.EligibleKinds {
		switch {
		case !slices.Contains(people.PositionKinds, k):
			fs.add("eligible_kinds", "jenis jabatan %q tidak dikenal", k)
		case seenKind[k]:
			fs.add("eligible_kinds", "jenis jabatan %s disebut dua kali", k)
		}
		seenKind[k] = true
	}
	if len(p.Targets) == 0 {
		fs.add("targets", "sedikitnya satu kompetensi sasaran wajib diisi")
	}
	seen := map[int64]bool{}
	for i, t := range p.Targets {
		switch {
		case t.CompetencyID == 0:
			fs.add("targets", "kompetensi sasaran ke-%d wajib dipilih", i+1)
		case seen[t.CompetencyID]:
			fs.add("targets", "kompetensi sasaran ke-%d disebut dua kali", i+1)
		case t.Level < 1 || t.Level > 5:
			fs.add("targets", "kompetensi sasaran ke-%d: level sasaran harus 1–5", i+1)
		case t.MinLevel < 0 || t.MinLevel >= t.Level:
			fs.add("targets", "kompetensi sasaran ke-%d: level minimum harus 0–%d (di bawah level sasaran)", i+1, t.Level-1)
		}
		seen[t.CompetencyID] = true
	}
	switch {
	case p.PassScore < 0 || p.PassScore > 100:
		fs.add("pass_score", "nilai lulus post-test harus 0–100")
	case p.RequiresPostTest && p.PassScore == 0:
		fs.add("pass_score", "nilai lulus post-test wajib diisi bila post-test diwajibkan")
	}
	if !(p.MinAttendance > 0 && p.MinAttendance <= 1) {
		fs.add("min_attendance", "batas kehadiran harus lebih dari 0%% dan paling banyak 100%%")
	}
	return fs.err()
}

// Completion is the program's completion rule.
func (p Program) Completion() CompletionRule {
	return CompletionRule{MinAttendance: p.MinAttendance, RequiresPostTest: p.RequiresPostTest, PassScore: p.PassScore}
}

// Eligibility says whether an employee may take a program, and why not.
type Eligibility struct {
	OK      bool
	Reasons []string // Bahasa Indonesia, one per unmet condition
}

// Eligible checks an employee's position kind and current levels (by
// competency ID; a missing entry is unassessed) against the program.
func (p Program) Eligible(kind people.PositionKind, current map[int64]int, names map[int64]string) Eligibility {
	var why []string
	if len(p.EligibleKinds) > 0 && !slices.Contains(p.EligibleKinds, kind) {
		ks := make([]string, len(p.EligibleKinds))
		for i, k := range p.EligibleKinds {
			ks[i] = string(k)
		}
		why = append(why, "program ini untuk jabatan "+strings.Join(ks, ", "))
	}
	for _, t := range p.Targets {
		if t.MinLevel == 0 {
			continue
		}
		name := names[t.CompetencyID]
		if lv, ok := current[t.CompetencyID]; !ok {
			why = append(why, name+": level saat ini belum dinilai (minimum "+strconv.Itoa(t.MinLevel)+")")
		} else if lv < t.MinLevel {
			why = append(why, name+": level saat ini "+strconv.Itoa(lv)+", minimum "+strconv.Itoa(t.MinLevel))
		}
	}
	return Eligibility{OK: len(why) == 0, Reasons: why}
}
