package development

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/performance"
)

// dict is the preloaded dictionary numbered 1..9 plus two technical
// competencies, T.A (10) and T.B (11).
func dict() []competency.Competency {
	d := competency.Dictionary()
	for i := range d {
		d[i].ID = int64(i + 1)
	}
	return append(d,
		competency.Competency{ID: 10, Code: "T.A", Kind: competency.Technical, Name: "Pengelolaan Sampah Terpadu"},
		competency.Competency{ID: 11, Code: "T.B", Kind: competency.Technical, Name: "Manajemen Bencana"})
}

var ids = map[string]int64{"M.1": 1, "M.2": 2, "M.3": 3, "M.4": 4, "M.5": 5, "M.6": 6, "M.7": 7, "M.8": 8, "SK.1": 9, "T.A": 10, "T.B": 11}
var codes = func() map[int64]string {
	m := map[int64]string{}
	for c, id := range ids {
		m[id] = c
	}
	return m
}()

// line builds a standard line: level 0 means unassessed.
func line(code string, required, level int) competency.Line {
	l := competency.Line{CompetencyID: ids[code], Required: required}
	if level > 0 {
		l.Current = competency.Current{Assessed: true, Level: level, Source: competency.SourceSupervisor}
	}
	return l
}

func summary(p Plan) string {
	var s []string
	for _, it := range p.Items {
		s = append(s, fmt.Sprintf("%s:%s:%d→%d:%dJP", codes[it.CompetencyID], it.Form, it.CurrentLevel, it.TargetLevel, it.PlannedJP))
	}
	return strings.Join(s, " ")
}

var ref = time.Date(2027, 1, 15, 0, 0, 0, 0, time.UTC)

func TestProposeOrdersShortfallsBySizeThenWeight(t *testing.T) {
	pr := NewProposer(DefaultPolicy(), dict())
	in := Input{EmployeeID: 1, Kind: people.PNS, Year: 2027, Ref: ref, Lines: []competency.Line{
		line("M.1", 3, 0),  // unassessed: never an item
		line("M.2", 3, 2),  // −1 managerial
		line("M.3", 3, 4),  // above
		line("M.4", 3, 1),  // −2 managerial
		line("SK.1", 3, 2), // −1 sociocultural
		line("T.A", 3, 1),  // −2 technical
		line("T.B", 2, 1),  // −1 technical
	}}
	p := pr.Propose(in)
	want := "T.A:pelatihan_teknis:1→3:24JP M.4:pelatihan_manajerial:1→3:24JP T.B:bimtek:1→2:16JP M.2:coaching:2→3:2JP SK.1:e_learning:2→3:3JP"
	if got := summary(p); got != want {
		t.Errorf("proposal\n got %s\nwant %s", got, want)
	}
	if p.Status != StatusDraft || p.TargetJP != 20 || p.PlannedJP() != 69 || !p.MeetsTarget() {
		t.Errorf("status %s target %d planned %d", p.Status, p.TargetJP, p.PlannedJP())
	}
	for _, it := range p.Items {
		if it.Source != SourceGap || it.Status != ItemPlanned || !strings.Contains(it.Reason, "Kesenjangan") {
			t.Errorf("item %+v", it)
		}
	}
	if r := p.Items[0].Reason; r != "Kesenjangan T.A Pengelolaan Sampah Terpadu: level saat ini 1, dibutuhkan 3 (−2)" {
		t.Errorf("reason %q", r)
	}
	// The city weighs managerial above technical: the −2 managerial comes first.
	pol := DefaultPolicy()
	pol.KindWeight[competency.Managerial] = 5
	if got := summary(NewProposer(pol, dict()).Propose(in)); !strings.HasPrefix(got, "M.4:") || !strings.Contains(got, "T.A:pelatihan_teknis:1→3:24JP M.2:") {
		t.Errorf("managerial weighted first: %s", got)
	}
}

func TestProposeMergesWeaknessesAndBoxAndTrims(t *testing.T) {
	pr := NewProposer(DefaultPolicy(), dict())
	in := Input{EmployeeID: 1, Kind: people.PNS, Year: 2027, Ref: ref, SKPYear: 2026, Box: 5, Lines: []competency.Line{
		line("M.2", 3, 2), line("M.3", 3, 3), line("M.4", 3, 1), line("SK.1", 3, 2), line("T.A", 3, 1), line("T.B", 2, 1),
	}, Weaknesses: []performance.Note{
		{Kind: performance.Weakness, CompetencyID: ids["M.3"], Text: "paparan kepada pimpinan kurang runtut"},
		{Kind: performance.Weakness, CompetencyID: ids["M.2"], Text: "jarang membantu rekan"},
		{Kind: performance.Weakness, CompetencyID: ids["M.3"], Text: "duplikat"},
	}}
	p := pr.Propose(in)
	// Five gap items + one weakness item = 6 > 5: the lowest unnamed gap
	// (SK.1) goes; M.2 (weakness) and M.4 (box 5: coaching on M.4) stay.
	want := "T.A:pelatihan_teknis:1→3:24JP M.4:pelatihan_manajerial:1→3:24JP T.B:bimtek:1→2:16JP M.2:coaching:2→3:2JP M.3:coaching:3→4:2JP"
	if got := summary(p); got != want {
		t.Errorf("proposal\n got %s\nwant %s", got, want)
	}
	if r := p.Items[1].Reason; !strings.Contains(r, "rekomendasi 9-box Kotak 5 (kinerja sesuai ekspektasi, potensi menengah)") {
		t.Errorf("box reason not merged: %q", r)
	}
	if r := p.Items[3].Reason; !strings.Contains(r, "kelemahan pada evaluasi SKP 2026: jarang membantu rekan") {
		t.Errorf("weakness not merged into the gap item: %q", r)
	}
	if it := p.Items[4]; it.Source != SourceSKP || !strings.HasPrefix(it.Reason, "M.3 Komunikasi: Kelemahan pada evaluasi SKP 2026: paparan") {
		t.Errorf("weakness item: %+v", it)
	}
}

func TestProposeBoxItemAndTopUp(t *testing.T) {
	pr := NewProposer(DefaultPolicy(), dict())
	in := Input{EmployeeID: 1, Kind: people.PPPK, Year: 2027, Ref: ref, Box: 8, Lines: []competency.Line{
		line("M.1", 2, 3), line("M.4", 3, 3), line("SK.1", 2, 2), line("T.A", 2, 2), line("T.B", 2, 4),
	}}
	p := pr.Propose(in)
	// No shortfall: the box's performance coaching on M.4, then a top-up on
	// the heaviest competency with the least surplus (T.A) to reach 24 JP.
	want := "M.4:coaching:3→4:2JP T.A:pelatihan_teknis:2→3:24JP"
	if got := summary(p); got != want {
		t.Errorf("proposal\n got %s\nwant %s", got, want)
	}
	if p.TargetJP != 24 || p.Items[0].Source != SourceNineBox || p.Items[1].Source != SourceTopUp ||
		!strings.Contains(p.Items[1].Reason, "24 JP") {
		t.Errorf("PPPK target or sources wrong: %+v", p)
	}
	// Box 1 proposes no development item; nothing assessed gives no top-up.
	if p := pr.Propose(Input{Kind: people.PNS, Year: 2027, Ref: ref, Box: 1, Lines: []competency.Line{line("M.1", 2, 0)}}); len(p.Items) != 0 {
		t.Errorf("box 1, unassessed: %s", summary(p))
	}
}

func TestProposeSchedule(t *testing.T) {
	pr := NewProposer(DefaultPolicy(), dict())
	in := Input{Kind: people.PNS, Year: 2027, Ref: time.Date(2027, 5, 10, 0, 0, 0, 0, time.UTC), Lines: []competency.Line{
		line("T.A", 3, 1), line("M.2", 3, 2), line("M.4", 3, 1), line("T.B", 2, 1),
	}}
	p := pr.Propose(in)
	var got []string
	for _, it := range p.Items {
		got = append(got, it.Timeframe(2027))
	}
	// From Triwulan II: classroom items one quarter, coaching two; wrapping
	// within the three quarters left.
	want := "April–Juni 2027,Juli–September 2027,Oktober–Desember 2027,April–September 2027"
	if strings.Join(got, ",") != want {
		t.Errorf("schedule %v (%s)", got, summary(p))
	}
	in.Ref = time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	if p := pr.Propose(in); p.Items[0].StartMonth != 1 || p.Items[0].EndMonth != 3 {
		t.Errorf("a plan made in December for next year starts in January: %+v", p.Items[0])
	}
	in.Ref = time.Date(2028, 2, 1, 0, 0, 0, 0, time.UTC)
	if p := pr.Propose(in); p.Items[1].StartMonth != 10 || p.Items[3].EndMonth != 12 {
		t.Errorf("a late plan is scheduled in the last quarter: %+v", p.Items)
	}
}

func TestPlanWorkflowEveryTransition(t *testing.T) {
	legal := map[string]Status{
		"draft/edit": StatusDraft, "returned/edit": StatusReturned,
		"draft/submit": StatusSubmitted, "returned/submit": StatusSubmitted,
		"submitted/approve": StatusApproved, "submitted/return": StatusReturned,
		"approved/progress": StatusApproved,
	}
	for _, s := range Statuses() {
		for _, a := range []Action{ActEdit, ActSubmit, ActApprove, ActReturn, ActProgress} {
			k := string(s) + "/" + string(a)
			got, err := Next(s, a)
			if want, ok := legal[k]; ok {
				if err != nil || got != want {
					t.Errorf("%s: %s, %v; want %s", k, got, err, want)
				}
				continue
			}
			var te *TransitionError
			if !errors.As(err, &te) || te.Msg == "" || got != s {
				t.Errorf("%s: illegal move gave %s, %v", k, got, err)
			}
		}
	}
}

func TestItemProgressEveryTransition(t *testing.T) {
	all := []ItemStatus{ItemPlanned, ItemInProgress, ItemDone, ItemDropped}
	legal := map[[2]ItemStatus]bool{
		{ItemPlanned, ItemInProgress}: true, {ItemPlanned, ItemDone}: true, {ItemPlanned, ItemDropped}: true,
		{ItemInProgress, ItemDone}: true, {ItemInProgress, ItemDropped}: true,
	}
	for _, from := range all {
		for _, to := range all {
			err := NextItem(from, to)
			if legal[[2]ItemStatus{from, to}] != (err == nil) {
				t.Errorf("%s → %s: %v", from, to, err)
			}
		}
	}
}

func TestPlanLifecycle(t *testing.T) {
	at := time.Date(2027, 1, 20, 2, 0, 0, 0, time.UTC)
	pr := NewProposer(DefaultPolicy(), dict())
	p := pr.Propose(Input{Kind: people.PNS, Year: 2027, Ref: ref, Lines: []competency.Line{line("T.A", 3, 1), line("M.2", 3, 2)}})
	if err := p.SetItems([]Item{{CompetencyID: 10, TargetLevel: 6, Form: "ngopi", StartMonth: 5, EndMonth: 3}}, at); err == nil ||
		!strings.Contains(err.Error(), "level target 6") || !strings.Contains(err.Error(), "ngopi") || !strings.Contains(err.Error(), "bulan mulai") {
		t.Errorf("bad item: %v", err)
	}
	if err := p.Decide(true, "", "atasan", at); err == nil {
		t.Error("approving a draft accepted")
	}
	empty := Plan{Status: StatusDraft}
	if err := empty.Submit(at); err == nil || !strings.Contains(err.Error(), "belum berisi kegiatan") {
		t.Errorf("submitting an empty plan: %v", err)
	}
	if err := p.Submit(at); err != nil || p.Status != StatusSubmitted {
		t.Fatal(err)
	}
	if err := p.SetItems(p.Items, at); err == nil {
		t.Error("editing a submitted plan accepted")
	}
	if err := p.Decide(false, " ", "atasan", at); err == nil || !strings.Contains(err.Error(), "alasan pengembalian") {
		t.Errorf("return without comment: %v", err)
	}
	if err := p.Decide(false, "Tambahkan kegiatan mentoring", "atasan", at); err != nil || p.Status != StatusReturned || p.Comment == "" {
		t.Fatalf("return: %v", err)
	}
	items := append(p.Items, Item{CompetencyID: 6, TargetLevel: 3, Form: Mentoring, PlannedJP: 2, StartMonth: 2, EndMonth: 6})
	if err := p.SetItems(items, at); err != nil || p.Items[2].Source != SourceEmployee {
		t.Fatalf("edit after return: %v", err)
	}
	for i := range p.Items {
		p.Items[i].ID = int64(i + 1)
	}
	if err := p.SetProgress(1, ItemInProgress, "", at); err == nil {
		t.Error("progress before approval accepted")
	}
	p.Submit(at)
	if err := p.Decide(true, "", "atasan", at); err != nil || p.Status != StatusApproved {
		t.Fatal(err)
	}
	if err := p.SetProgress(1, ItemInProgress, "", at); err != nil {
		t.Fatal(err)
	}
	if err := p.SetProgress(1, ItemDone, "", at); err != nil {
		t.Fatal(err)
	}
	if err := p.SetProgress(2, ItemDropped, "", at); err == nil || !strings.Contains(err.Error(), "alasan pembatalan") {
		t.Errorf("drop without reason: %v", err)
	}
	if err := p.SetProgress(2, ItemDropped, "Kuota pelatihan penuh", at); err != nil || p.Items[1].DropReason != "Kuota pelatihan penuh" {
		t.Fatal(err)
	}
	if err := p.SetProgress(1, ItemPlanned, "", at); err == nil {
		t.Error("reopening a done item accepted")
	}
	if err := p.SetProgress(99, ItemDone, "", at); err == nil {
		t.Error("unknown item accepted")
	}
	if p.PlannedJP() != 24+2 || p.DoneJP() != 24 {
		t.Errorf("planned %d done %d", p.PlannedJP(), p.DoneJP())
	}
}

func TestFormsAndPolicy(t *testing.T) {
	classroom, other := 0, 0
	for _, f := range Forms() {
		if f.Classroom {
			classroom++
		} else {
			other++
		}
		if got, err := ParseForm(string(f.Form)); err != nil || got != f.Form {
			t.Errorf("ParseForm(%s): %v", f.Form, err)
		}
	}
	if classroom != 11 || other != 12 {
		t.Errorf("%d classroom and %d non-classroom forms", classroom, other)
	}
	if f, err := ParseForm("E-Learning"); err != nil || f != ELearning || f.Classroom() || f.Kind() != "Non-klasikal" {
		t.Errorf("ParseForm(E-Learning) = %s, %v", f, err)
	}
	pol := DefaultPolicy()
	if err := pol.Validate(); err != nil {
		t.Fatal(err)
	}
	for f, jp := range map[Form]int{Coaching: 2, Mentoring: 2, BelajarMandiri: 2, ELearning: 3, PelatihanJarakJauh: 4, PatokBanding: 10, Magang: 20, Detasering: 20, PertukaranPegawai: 20} {
		if pol.JP[f] != jp {
			t.Errorf("JP of %s = %d, want %d", f, pol.JP[f], jp)
		}
	}
	pol.JP["ngopi"] = 1
	if pol.Validate() == nil {
		t.Error("unknown form in the JP table accepted")
	}
}
