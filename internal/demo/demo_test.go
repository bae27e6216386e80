package demo

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"hash"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/people"
)

const testToday = "2026-11-27"

var today = time.Date(2026, 11, 27, 0, 0, 0, 0, time.UTC)

// dictionary returns the preloaded dictionary numbered from first.
func dictionary(first int64) []competency.Competency {
	d := competency.Dictionary()
	for i := range d {
		d[i].ID = first + int64(i)
	}
	return d
}

// collector is a Sink that keeps everything, the order of the calls and a
// digest of a canonical encoding of the stream.
type collector struct {
	cs        []competency.Competency
	us        []people.Unit
	ps        []people.Position
	standards map[int64][]competency.Requirement
	es        []people.Employee
	as        []competency.Assessment
	calls     []string // "C", "U", "P", "E", "A" in call order
	maxRows   int
	// assessments whose employee was not emitted before them
	orphans int
	emitted map[int64]bool
	h       hash.Hash
	// onEmployees runs after each Employees call (tests use it to cancel)
	onEmployees func()
}

func newCollector() *collector {
	return &collector{standards: map[int64][]competency.Requirement{}, emitted: map[int64]bool{}, h: sha256.New()}
}

func (c *collector) call(kind string, n int) {
	c.calls = append(c.calls, kind)
	c.maxRows = max(c.maxRows, n)
	fmt.Fprintf(c.h, "#%s %d\n", kind, n)
}

func (c *collector) Competencies(_ context.Context, cs []competency.Competency) error {
	c.call("C", len(cs))
	for _, x := range cs {
		fmt.Fprintf(c.h, "%+v\n", x)
	}
	c.cs = append(c.cs, cs...)
	return nil
}

func (c *collector) Units(_ context.Context, us []people.Unit) error {
	c.call("U", len(us))
	for _, x := range us {
		fmt.Fprintf(c.h, "%+v\n", x)
	}
	c.us = append(c.us, us...)
	return nil
}

func (c *collector) Positions(_ context.Context, ps []people.Position, std map[int64][]competency.Requirement) error {
	c.call("P", len(ps))
	for _, x := range ps {
		fmt.Fprintf(c.h, "%+v %v\n", x, std[x.ID])
		c.standards[x.ID] = std[x.ID]
	}
	if len(std) != len(ps) {
		return fmt.Errorf("standards for %d positions, batch has %d", len(std), len(ps))
	}
	c.ps = append(c.ps, ps...)
	return nil
}

func (c *collector) Employees(_ context.Context, es []people.Employee) error {
	c.call("E", len(es))
	for _, x := range es {
		fmt.Fprintf(c.h, "%+v\n", x)
		c.emitted[x.ID] = true
	}
	c.es = append(c.es, es...)
	if c.onEmployees != nil {
		c.onEmployees()
	}
	return nil
}

func (c *collector) Assessments(_ context.Context, as []competency.Assessment) error {
	c.call("A", len(as))
	for _, x := range as {
		fmt.Fprintf(c.h, "%+v\n", x)
		if !c.emitted[x.EmployeeID] {
			c.orphans++
		}
	}
	c.as = append(c.as, as...)
	return nil
}

func (c *collector) digest() string { return fmt.Sprintf("%x", c.h.Sum(nil)) }

func generate(t testing.TB, cfg Config) *collector {
	t.Helper()
	c := newCollector()
	if err := Generate(context.Background(), cfg, dictionary(1), c, nil); err != nil {
		t.Fatalf("Generate(%+v): %v", cfg, err)
	}
	return c
}

// Datasets shared by the tests (generation is deterministic).
var (
	small = sync.OnceValue(func() *collector {
		c := newCollector()
		if err := Generate(context.Background(), Config{Employees: 2000, Today: testToday}, dictionary(1), c, nil); err != nil {
			panic(err)
		}
		return c
	})
	city = sync.OnceValue(func() *collector {
		c := newCollector()
		if err := Generate(context.Background(), Config{Employees: 15000, Today: testToday}, dictionary(1), c, nil); err != nil {
			panic(err)
		}
		return c
	})
)

func TestGenerateIsDeterministic(t *testing.T) {
	a := generate(t, Config{Employees: 2000, Seed: 7, Today: testToday})
	b := generate(t, Config{Employees: 2000, Seed: 7, Today: testToday})
	if a.digest() != b.digest() {
		t.Fatal("same config gave different output")
	}
	c := generate(t, Config{Employees: 2000, Seed: 8, Today: testToday})
	if a.digest() == c.digest() {
		t.Fatal("different seeds gave the same output")
	}
	// Seed 0 means 1.
	if generate(t, Config{Employees: 2000, Today: testToday}).digest() != small().digest() {
		t.Fatal("seed 0 differs from seed 1")
	}
}

var codeRE = regexp.MustCompile(`^[A-Z0-9][A-Z0-9.-]*$`)

func TestGenerateCallOrderAndBatches(t *testing.T) {
	c := small()
	order := strings.Join(c.calls, "")
	if !regexp.MustCompile(`^C+U+P+(E+A*)+$`).MatchString(order) {
		t.Errorf("sink calls out of order: %.80s…", order)
	}
	if c.maxRows > 5000 {
		t.Errorf("a sink call carried %d rows, want at most 5000", c.maxRows)
	}
	if c.orphans > 0 {
		t.Errorf("%d assessments arrived before their employee", c.orphans)
	}
}

func TestGenerateCompetencies(t *testing.T) {
	c := small()
	seen := map[string]bool{}
	for i, x := range c.cs {
		if x.ID != int64(10+i) {
			t.Errorf("competency %s has ID %d, want %d (after the dictionary)", x.Code, x.ID, 10+i)
		}
		if x.Kind != competency.Technical || !strings.HasPrefix(x.Code, "T.") || !codeRE.MatchString(x.Code) {
			t.Errorf("competency %+v: want a technical T.xxx code", x.Code)
		}
		if err := x.Validate(); err != nil || len(x.Levels) != 5 {
			t.Errorf("competency %s: %v (%d levels)", x.Code, err, len(x.Levels))
		}
		if seen[x.Code] {
			t.Errorf("competency %s twice", x.Code)
		}
		seen[x.Code] = true
	}
	for _, code := range []string{"T.PROYEK", "T.IKLIM", "T.SAMPAH", "T.RENCANA", "T.PBJ", "T.KEBIJAKAN", "T.DATA",
		"T.KESMAS", "T.BENCANA", "T.AUDIT", "T.PEMBELAJARAN", "T.KEUDA", "T.PENDAPATAN", "T.SDM", "T.ADMINDUK",
		"T.TRANTIB", "T.PEMBERDAYAAN", "T.TATARUANG", "T.LALIN", "T.ARSIP", "T.PARIWISATA"} {
		if !seen[code] {
			t.Errorf("technical competency %s missing", code)
		}
	}
}

func TestGenerateReusesExistingCompetencies(t *testing.T) {
	existing := dictionary(101)
	existing = append(existing, competency.Competency{ID: 150, Code: "T.SAMPAH", Kind: competency.Technical, Name: "Pengelolaan Sampah"})
	c := newCollector()
	if err := Generate(context.Background(), Config{Employees: 2000, Today: testToday}, existing, c, nil); err != nil {
		t.Fatal(err)
	}
	for i, x := range c.cs {
		if x.Code == "T.SAMPAH" {
			t.Error("T.SAMPAH emitted again although it exists")
		}
		if x.ID != int64(151+i) {
			t.Errorf("%s has ID %d, want %d", x.Code, x.ID, 151+i)
		}
	}
	usesSampah := false
	for _, p := range c.ps {
		std := c.standards[p.ID]
		for i := range 9 {
			if std[i].CompetencyID != int64(101+i) {
				t.Fatalf("%s: standard line %d is competency %d, want %d", p.Code, i, std[i].CompetencyID, 101+i)
			}
		}
		for _, r := range std {
			usesSampah = usesSampah || r.CompetencyID == 150
		}
	}
	if !usesSampah {
		t.Error("no standard uses the existing T.SAMPAH (ID 150)")
	}
}

func TestGenerateUnits(t *testing.T) {
	c := small()
	byCode := map[string]people.Unit{}
	kec, kel := 0, 0
	for i, u := range c.us {
		if u.ID != int64(i+1) {
			t.Errorf("unit %s has ID %d, want %d", u.Code, u.ID, i+1)
		}
		if err := u.Validate(); err != nil {
			t.Errorf("unit %s: %v", u.Code, err)
		}
		if !codeRE.MatchString(u.Code) {
			t.Errorf("unit code %q is not short uppercase ASCII", u.Code)
		}
		if _, dup := byCode[u.Code]; dup {
			t.Errorf("unit code %s twice", u.Code)
		}
		if u.Kind == people.UnitBidang {
			t.Errorf("unit %s is a bidang; divisions are positions", u.Code)
		}
		if u.ParentCode != "" {
			p, ok := byCode[u.ParentCode]
			if !ok || p.ID != u.ParentID {
				t.Errorf("unit %s: parent %s/%d not emitted before it", u.Code, u.ParentCode, u.ParentID)
			}
		} else if u.ParentID != 0 {
			t.Errorf("unit %s: parent ID without code", u.Code)
		}
		switch u.Kind {
		case people.UnitKecamatan:
			kec++
		case people.UnitKelurahan:
			kel++
			if byCode[u.ParentCode].Kind != people.UnitKecamatan {
				t.Errorf("kelurahan %s is not under a kecamatan", u.Code)
			}
		}
		byCode[u.Code] = u
	}
	if kec != 30 || kel != 151 {
		t.Errorf("%d kecamatan and %d kelurahan, want 30 and 151", kec, kel)
	}
	for _, code := range AgencyCodes() {
		if _, ok := byCode[code]; !ok {
			t.Errorf("agency %s missing", code)
		}
	}
	for _, code := range []string{"KEC-ANDIR", "KEL-ANDIR-CIROYOM", "KEC-UJUNGBERUNG", "UPT-PKM-CAMPAKA", "UPT-SAMPAH", "UPT-PAL"} {
		if _, ok := byCode[code]; !ok {
			t.Errorf("unit %s missing", code)
		}
	}
	if byCode["UPT-PKM-CAMPAKA"].ParentCode != "DINKES" || byCode["UPT-SAMPAH"].ParentCode != "DLHK" {
		t.Error("UPTs are not under their dinas")
	}
}

func TestGeneratePositionsAndStandards(t *testing.T) {
	c := small()
	policy := competency.DefaultPolicy()
	units := map[int64]people.Unit{}
	for _, u := range c.us {
		units[u.ID] = u
	}
	known := map[int64]bool{}
	for _, d := range dictionary(1) {
		known[d.ID] = true
	}
	for _, x := range c.cs {
		known[x.ID] = true
	}
	codes := map[string]bool{}
	code := func(id int64) string {
		for _, x := range c.cs {
			if x.ID == id {
				return x.Code
			}
		}
		return ""
	}
	for i, p := range c.ps {
		if p.ID != int64(i+1) {
			t.Errorf("position %s has ID %d, want %d", p.Code, p.ID, i+1)
		}
		if err := p.Validate(); err != nil {
			t.Errorf("position %s: %v", p.Code, err)
		}
		if !codeRE.MatchString(p.Code) || codes[p.Code] {
			t.Errorf("position code %q invalid or repeated", p.Code)
		}
		codes[p.Code] = true
		if u, ok := units[p.UnitID]; !ok || u.Code != p.UnitCode {
			t.Errorf("position %s: unit %d/%s not emitted", p.Code, p.UnitID, p.UnitCode)
		}
		if (p.Kind == people.KindJPT) != p.Key && p.Kind != people.KindAdministrator {
			t.Errorf("position %s (%s) key=%v", p.Code, p.Kind, p.Key)
		}
		std := c.standards[p.ID]
		want := policy.DefaultRequired(p.Kind, p.Jenjang)
		if len(std) < 10 || len(std) > 12 {
			t.Errorf("position %s: standard has %d lines, want 9 + 1–3", p.Code, len(std))
			continue
		}
		seen := map[int64]bool{}
		for j, r := range std {
			if !known[r.CompetencyID] || seen[r.CompetencyID] {
				t.Errorf("position %s: competency %d unknown or repeated", p.Code, r.CompetencyID)
			}
			seen[r.CompetencyID] = true
			if r.Required < 1 || r.Required > 5 {
				t.Errorf("position %s: required level %d", p.Code, r.Required)
			}
			switch {
			case j < 9 && (r.CompetencyID != int64(j+1) || r.Required != want):
				t.Errorf("position %s: line %d = %+v, want competency %d at %d", p.Code, j, r, j+1, want)
			case j >= 9 && (r.Required < want || r.Required > want+1 || (r.Required > want && p.Kind != people.KindFungsional)):
				t.Errorf("position %s: technical line %+v, want level %d (+1 only for fungsional)", p.Code, r, want)
			}
		}
		if p.UnitCode == "DLHK" {
			var cs []string
			for _, r := range std[9:] {
				cs = append(cs, code(r.CompetencyID))
			}
			if !slices.Contains(cs, "T.SAMPAH") || !slices.Contains(cs, "T.IKLIM") {
				t.Errorf("DLHK position %s: technical %v lacks T.SAMPAH or T.IKLIM", p.Code, cs)
			}
		}
		for unit, tc := range map[string]string{"DSDABM": "T.PROYEK", "BAPPELITBANG": "T.RENCANA", "INSPEKTORAT": "T.AUDIT", "DISDIK": "T.PEMBELAJARAN"} {
			if p.UnitCode == unit && !slices.ContainsFunc(std[9:], func(r competency.Requirement) bool { return code(r.CompetencyID) == tc }) {
				t.Errorf("%s position %s lacks %s", unit, p.Code, tc)
			}
		}
	}
	for _, want := range []string{"SETDA-SEKDA", "SETDA-ASISTEN-1", "SETDA-KABAG-1", "DLHK-KADIS", "DLHK-SEKRETARIS", "DLHK-KABID-2",
		"DLHK-PL-DATA", "DISDIK-JF-GURUKELAS-AP", "KEC-ANDIR-CAMAT", "KEL-ANDIR-CIROYOM-LURAH", "BAPPELITBANG-JF-PERENCANA-AM"} {
		if !codes[want] {
			t.Errorf("position %s missing", want)
		}
	}
}

func TestGenerateEmployees(t *testing.T) {
	c := small()
	bup := people.DefaultBUP()
	pos := map[int64]people.Position{}
	for _, p := range c.ps {
		pos[p.ID] = p
	}
	byID := map[int64]people.Employee{}
	nips := map[string]bool{}
	holders := map[int64]int{}
	roots := 0
	for i, e := range c.es {
		if e.ID != int64(i+1) {
			t.Fatalf("employee %d has ID %d", i+1, e.ID)
		}
		if err := e.Validate(); err != nil {
			t.Errorf("employee %d (%s): %v", e.ID, e.NIP, err)
		}
		n, err := people.ParseNIP(e.NIP)
		if err != nil || n.Kind != e.Kind || n.Raw != e.NIP {
			t.Errorf("employee %d: NIP %s parses as %+v, %v; kind %s", e.ID, e.NIP, n.Kind, err, e.Kind)
		}
		if nips[e.NIP] {
			t.Errorf("NIP %s twice", e.NIP)
		}
		nips[e.NIP] = true
		p, ok := pos[e.PositionID]
		if !ok || p.Code != e.PositionCode || p.UnitID != e.UnitID || p.UnitCode != e.UnitCode {
			t.Errorf("employee %d: position %d/%s unit %d/%s inconsistent", e.ID, e.PositionID, e.PositionCode, e.UnitID, e.UnitCode)
		}
		if p.Kind != people.KindPelaksana && p.Kind != people.KindFungsional {
			holders[p.ID]++
			if e.Kind != people.PNS {
				t.Errorf("employee %d: PPPK in structural position %s", e.ID, p.Code)
			}
		}
		if !e.RetirementDate.After(today) {
			t.Errorf("employee %d retired on %s", e.ID, e.RetirementDate.Format(time.DateOnly))
		}
		if want := people.RetirementDate(e.BirthDate, bup.Age(p.Kind, p.Jenjang)); !e.RetirementDate.Equal(want) {
			t.Errorf("employee %d: retirement %v, want %v", e.ID, e.RetirementDate, want)
		}
		if e.Kind == people.PNS {
			age := today.Year() - n.BirthDate.Year()
			tmtAge := n.TMT.Year() - n.BirthDate.Year()
			if tmtAge < 20 || tmtAge > 36 || n.TMT.After(today) || age < 20 {
				t.Errorf("employee %d: born %v, TMT %v", e.ID, n.BirthDate, n.TMT)
			}
		} else if n.AppointmentYear < 2019 || n.AppointmentYear > 2025 || n.Intake < 1 || n.Intake > 3 {
			t.Errorf("employee %d: PPPK appointed %d intake %d", e.ID, n.AppointmentYear, n.Intake)
		}
		switch {
		case e.SupervisorID == 0:
			roots++
			if e.PositionCode != "SETDA-SEKDA" || e.SupervisorNIP != "" {
				t.Errorf("employee %d (%s) has no supervisor", e.ID, e.PositionCode)
			}
		case e.SupervisorID == e.ID:
			t.Errorf("employee %d supervises themself", e.ID)
		default:
			s, ok := byID[e.SupervisorID]
			if !ok {
				t.Errorf("employee %d: supervisor %d not emitted before", e.ID, e.SupervisorID)
			} else if s.NIP != e.SupervisorNIP {
				t.Errorf("employee %d: supervisor NIP %s, want %s", e.ID, e.SupervisorNIP, s.NIP)
			} else if k := pos[s.PositionID].Kind; k == people.KindPelaksana || k == people.KindFungsional {
				t.Errorf("employee %d reports to a %s", e.ID, k)
			}
		}
		byID[e.ID] = e
	}
	if roots != 1 {
		t.Errorf("%d employees without supervisor, want 1 (the Sekda)", roots)
	}
	structural, vacant := 0, 0
	for _, p := range c.ps {
		if p.Kind == people.KindPelaksana || p.Kind == people.KindFungsional {
			continue
		}
		structural++
		switch holders[p.ID] {
		case 0:
			vacant++
		case 1:
		default:
			t.Errorf("structural position %s has %d holders", p.Code, holders[p.ID])
		}
	}
	if share := float64(vacant) / float64(structural); share < 0.02 || share > 0.07 {
		t.Errorf("%.1f%% of structural positions vacant, want about 4%%", share*100)
	}
	// Supervisor kinds along the chain.
	for _, e := range c.es {
		p := pos[e.PositionID]
		s, ok := byID[e.SupervisorID]
		if !ok {
			continue
		}
		sp := pos[s.PositionID]
		switch {
		case strings.HasSuffix(p.Code, "-LURAH") && !strings.HasSuffix(sp.Code, "-CAMAT") && sp.Code != "SETDA-SEKDA":
			t.Errorf("lurah %s reports to %s", p.Code, sp.Code)
		case (p.Kind == people.KindJPT && p.Jenjang == people.JenjangPratama || strings.HasSuffix(p.Code, "-CAMAT")) &&
			!strings.HasPrefix(p.Code, "SETDA-") && sp.Code != "SETDA-SEKDA":
			t.Errorf("head %s reports to %s, want the Sekda", p.Code, sp.Code)
		}
	}
}

func TestGenerateAssessments(t *testing.T) {
	c := small()
	emp := map[int64]people.Employee{}
	for _, e := range c.es {
		emp[e.ID] = e
	}
	for i, a := range c.as {
		if a.ID != int64(i+1) {
			t.Fatalf("assessment %d has ID %d", i+1, a.ID)
		}
		e, ok := emp[a.EmployeeID]
		if !ok {
			t.Fatalf("assessment %d: employee %d unknown", a.ID, a.EmployeeID)
		}
		if !slices.ContainsFunc(c.standards[e.PositionID], func(r competency.Requirement) bool { return r.CompetencyID == a.CompetencyID }) {
			t.Errorf("assessment %d: competency %d not in the standard of %s", a.ID, a.CompetencyID, e.PositionCode)
		}
		if a.Level < 1 || a.Level > 5 || a.Assessor == "" || a.Evidence == "" {
			t.Errorf("assessment %d: level %d assessor %q evidence %q", a.ID, a.Level, a.Assessor, a.Evidence)
		}
		if a.Status != competency.Final && a.Status != competency.Draft {
			t.Errorf("assessment %d: status %q", a.ID, a.Status)
		}
		if a.AssessedOn.After(today) || !a.RecordedAt.After(a.AssessedOn) || a.RecordedAt.After(today) ||
			a.RecordedAt.Sub(a.AssessedOn) > 15*24*time.Hour {
			t.Errorf("assessment %d: assessed %v recorded %v", a.ID, a.AssessedOn, a.RecordedAt)
		}
		if a.AssessedOn.Before(today.AddDate(-4, 0, 0)) {
			t.Errorf("assessment %d dated %v, more than 4 years ago", a.ID, a.AssessedOn)
		}
		if a.Source == competency.SourceSelf && a.Assessor != display(e.FrontTitle, e.Name, e.BackTitle) {
			t.Errorf("self-assessment %d by %q", a.ID, a.Assessor)
		}
	}
}

// mix describes a dataset: employee counts, then assessment rows.
type mix struct {
	employees, pppk, retiring, valid      int
	withSelf, withDraft, senior, seniorAC int
	expired, draft, self, s360, ac        int
	below, on, above                      int // final official levels against the standard
}

func measure(c *collector) mix {
	policy := competency.DefaultPolicy()
	m := mix{employees: len(c.es)}
	for _, e := range c.es {
		if e.Kind == people.PPPK {
			m.pppk++
		}
		if !e.RetirementDate.After(today.AddDate(1, 0, 0)) {
			m.retiring++
		}
	}
	kind := map[int64]people.PositionKind{}
	for _, p := range c.ps {
		kind[p.ID] = p.Kind
	}
	emp := map[int64]people.Employee{}
	for _, e := range c.es {
		emp[e.ID] = e
		if k := kind[e.PositionID]; k == people.KindJPT || k == people.KindAdministrator {
			m.senior++
		}
	}
	byEmp := map[int64]map[int64][]competency.Assessment{}
	selfs, drafts, acs := map[int64]bool{}, map[int64]bool{}, map[int64]bool{}
	for _, a := range c.as {
		if byEmp[a.EmployeeID] == nil {
			byEmp[a.EmployeeID] = map[int64][]competency.Assessment{}
		}
		byEmp[a.EmployeeID][a.CompetencyID] = append(byEmp[a.EmployeeID][a.CompetencyID], a)
		switch {
		case a.Status == competency.Draft:
			m.draft++
			drafts[a.EmployeeID] = true
		case a.Source == competency.SourceSelf:
			m.self++
			selfs[a.EmployeeID] = true
		case !policy.ValidOn(a.Source, a.AssessedOn, today):
			m.expired++
		}
		switch a.Source {
		case competency.Source360:
			m.s360++
		case competency.SourceAssessmentCenter:
			m.ac++
			if k := kind[emp[a.EmployeeID].PositionID]; k == people.KindJPT || k == people.KindAdministrator {
				acs[a.EmployeeID] = true
			}
		}
		if a.Status == competency.Final && a.Source != competency.SourceSelf {
			for _, r := range c.standards[emp[a.EmployeeID].PositionID] {
				if r.CompetencyID == a.CompetencyID {
					switch {
					case a.Level < r.Required:
						m.below++
					case a.Level == r.Required:
						m.on++
					default:
						m.above++
					}
				}
			}
		}
	}
	m.withSelf, m.withDraft, m.seniorAC = len(selfs), len(drafts), len(acs)
	for _, byComp := range byEmp {
		for _, as := range byComp {
			if policy.CurrentLevel(as, today).Assessed {
				m.valid++
				break
			}
		}
	}
	return m
}

func TestGenerateMix(t *testing.T) {
	for _, c := range []*collector{small(), city()} {
		m := measure(c)
		n := float64(m.employees)
		all := float64(m.below + m.on + m.above)
		t.Logf("%d employees, %d assessments: valid %.1f%%, PPPK %.1f%%, retiring %.2f%%, self %.1f%%, draft %.1f%%, "+
			"JPT/administrator with AC %.0f%%; official levels below/on/above %.0f/%.0f/%.0f%%",
			m.employees, len(c.as), 100*float64(m.valid)/n, 100*float64(m.pppk)/n, 100*float64(m.retiring)/n,
			100*float64(m.withSelf)/n, 100*float64(m.withDraft)/n, 100*float64(m.seniorAC)/float64(m.senior),
			100*float64(m.below)/all, 100*float64(m.on)/all, 100*float64(m.above)/all)
		if v := float64(m.valid) / n; v < 0.75 || v > 0.85 {
			t.Errorf("%d employees: %.1f%% have a valid final official assessment, want 75–85%%", m.employees, v*100)
		}
		if m.expired == 0 || m.draft == 0 || m.self == 0 || m.s360 == 0 || m.ac == 0 {
			t.Errorf("%d employees: want expired, draft, self, 360 and assessment-center results: %+v", m.employees, m)
		}
	}
	m := measure(city())
	n := float64(m.employees)
	if v := float64(m.pppk) / n; v < 0.12 || v > 0.18 {
		t.Errorf("PPPK share %.1f%%, want 12–18%%", v*100)
	}
	if v := float64(m.retiring) / n; v < 0.01 || v > 0.02 {
		t.Errorf("%.2f%% retire within 12 months, want 1–2%%", v*100)
	}
	if v := float64(m.withSelf) / n; v < 0.3 || v > 0.5 {
		t.Errorf("%.1f%% have a self-assessment, want about 40%%", v*100)
	}
	if v := float64(m.withDraft) / n; v < 0.015 || v > 0.05 {
		t.Errorf("%.1f%% have a draft, want about 3%%", v*100)
	}
	if v := float64(m.seniorAC) / float64(m.senior); v < 0.6 {
		t.Errorf("%.1f%% of JPT and administrators went through an assessment center, want most", v*100)
	}
	// Levels centre on the requirement: most on it, a good share below, some above.
	all := float64(m.below + m.on + m.above)
	if b, o, a := float64(m.below)/all, float64(m.on)/all, float64(m.above)/all; o < 0.4 || o > 0.65 || b < 0.15 || a < 0.1 || a > b+0.1 {
		t.Errorf("official levels: %.0f%% below, %.0f%% on, %.0f%% above the requirement", b*100, o*100, a*100)
	}
}

func TestGenerateSize(t *testing.T) {
	for _, c := range []*collector{small(), city()} {
		target := 2000
		if c == city() {
			target = 15000
		}
		if n := len(c.es); n < target*97/100 || n > target*103/100 {
			t.Errorf("%d employees for a target of %d", n, target)
		}
	}
	// Dinas Pendidikan is the largest unit; health comes next; a kelurahan is small.
	count := map[string]int{}
	for _, e := range city().es {
		count[e.UnitCode]++
	}
	health := count["DINKES"] + count["RSUD"] + count["RSKIA"] + count["RSKGM"]
	for code, n := range count {
		if strings.HasPrefix(code, "UPT-PKM-") || code == "UPT-LABKESDA" {
			health += n
		}
	}
	for code, n := range count {
		if code != "DISDIK" && n >= count["DISDIK"] {
			t.Errorf("%s (%d) is not smaller than DISDIK (%d)", code, n, count["DISDIK"])
		}
	}
	if health < 1500 || health > count["DISDIK"] {
		t.Errorf("health units hold %d employees (DISDIK %d)", health, count["DISDIK"])
	}
	if n := count["KEL-ANDIR-CIROYOM"]; n < 3 || n > 20 {
		t.Errorf("Kelurahan Ciroyom has %d employees", n)
	}
}

func TestGenerateProgress(t *testing.T) {
	var calls [][2]int
	c := newCollector()
	err := Generate(context.Background(), Config{Employees: 5000, Today: testToday}, dictionary(1), c,
		func(done, total int) { calls = append(calls, [2]int{done, total}) })
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) < 2 {
		t.Fatalf("progress called %d times", len(calls))
	}
	for i, x := range calls {
		if x[1] != len(c.es) || (i > 0 && x[0] <= calls[i-1][0]) {
			t.Errorf("progress %v after %v (total %d)", x, calls[max(i-1, 0)], len(c.es))
		}
	}
	if last := calls[len(calls)-1]; last[0] != last[1] {
		t.Errorf("last progress %v", last)
	}
}

func TestGenerateCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	c := newCollector()
	c.onEmployees = cancel
	err := Generate(ctx, Config{Employees: 15000, Today: testToday}, dictionary(1), c, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Generate after cancel: %v, want context.Canceled", err)
	}
	if n := strings.Count(strings.Join(c.calls, ""), "E"); n != 1 {
		t.Errorf("%d employee batches after cancelling in the first", n)
	}
	if c.calls[len(c.calls)-1] != "E" {
		t.Errorf("sink called after cancel: %v", c.calls[len(c.calls)-3:])
	}
}

func TestGenerateRejectsBadConfig(t *testing.T) {
	for _, tc := range []struct {
		name     string
		cfg      Config
		existing []competency.Competency
	}{
		{"no date", Config{Employees: 2000}, dictionary(1)},
		{"bad date", Config{Employees: 2000, Today: "27-11-2026"}, dictionary(1)},
		{"impossible date", Config{Employees: 2000, Today: "2026-02-30"}, dictionary(1)},
		{"negative size", Config{Employees: -1, Today: testToday}, dictionary(1)},
		{"no dictionary", Config{Employees: 2000, Today: testToday}, nil},
		{"partial dictionary", Config{Employees: 2000, Today: testToday}, dictionary(1)[:8]},
	} {
		c := newCollector()
		if err := Generate(context.Background(), tc.cfg, tc.existing, c, nil); err == nil {
			t.Errorf("%s: no error", tc.name)
		}
		if len(c.calls) != 0 {
			t.Errorf("%s: sink called %v", tc.name, c.calls)
		}
	}
}

func TestAgencyCodes(t *testing.T) {
	codes := AgencyCodes()
	if len(codes) != 1+len(agencies) || codes[0] != "SETDA" || !slices.Contains(codes, "DLHK") {
		t.Errorf("AgencyCodes() = %v", codes)
	}
	codes[0] = "X"
	if AgencyCodes()[0] != "SETDA" {
		t.Error("AgencyCodes shares its slice")
	}
}

// discard counts what it receives.
type discard struct{ employees, assessments int }

func (*discard) Competencies(context.Context, []competency.Competency) error { return nil }
func (*discard) Units(context.Context, []people.Unit) error                  { return nil }
func (*discard) Positions(context.Context, []people.Position, map[int64][]competency.Requirement) error {
	return nil
}
func (d *discard) Employees(_ context.Context, es []people.Employee) error {
	d.employees += len(es)
	return nil
}
func (d *discard) Assessments(_ context.Context, as []competency.Assessment) error {
	d.assessments += len(as)
	return nil
}

// TestGenerateLargeMemory streams 500,000 employees and reports the peak
// heap. It takes a few seconds, so it runs only with ASAH_DEMO_LARGE=1.
func TestGenerateLargeMemory(t *testing.T) {
	if os.Getenv("ASAH_DEMO_LARGE") == "" {
		t.Skip("set ASAH_DEMO_LARGE=1 to stream 500,000 employees and measure the heap")
	}
	runtime.GC()
	var ms runtime.MemStats
	var peak uint64
	d := &discard{}
	start := time.Now()
	err := Generate(context.Background(), Config{Employees: 500_000, Today: testToday}, dictionary(1), d, func(int, int) {
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapAlloc)
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("500,000 target: %d employees, %d assessments in %v; peak heap %.1f MiB",
		d.employees, d.assessments, time.Since(start).Round(time.Millisecond), float64(peak)/(1<<20))
	if d.employees < 485_000 || d.employees > 515_000 {
		t.Errorf("%d employees for a target of 500,000", d.employees)
	}
	if peak > 200<<20 {
		t.Errorf("peak heap %.1f MiB, want under 200 MiB", float64(peak)/(1<<20))
	}
}

func BenchmarkGenerate15000(b *testing.B) {
	dict := dictionary(1)
	b.ReportAllocs()
	for b.Loop() {
		d := &discard{}
		if err := Generate(context.Background(), Config{Employees: 15000, Today: testToday}, dict, d, nil); err != nil {
			b.Fatal(err)
		}
	}
}
