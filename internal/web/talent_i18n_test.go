package web

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"asah/internal/development"
	"asah/internal/performance"
	"asah/internal/talent"
)

// talentPages are the templates of the performance, development and
// talent pages (and the profile's links to them). The layout's shared
// blocks are checked by TestTemplateKeysExist.
var talentPages = []string{"skp", "idp", "talent", "succession", "performance", "employee"}

// talentUsedKeys lists every message ID those pages use: the literal keys of
// their templates and Go files, and the keys built from stored values.
func talentUsedKeys(t *testing.T) []string {
	t.Helper()
	var ids []string
	tmpl := regexp.MustCompile(`\bt\s+"([^"]+)"`)
	for _, p := range talentPages {
		b, err := fs.ReadFile(templateFS, "templates/"+p+".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tmpl.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	goKey := regexp.MustCompile(`"((?:skp|idp|talent|perf|succ|nav)\.[a-z0-9_.]*[a-z0-9_])"`)
	for _, f := range []string{"routes_talent.go", "skp.go", "skp_actions.go", "idp.go", "idp_actions.go", "talent.go", "succession.go", "performance.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	add := func(prefix string, vs ...string) {
		for _, v := range vs {
			ids = append(ids, prefix+v)
		}
	}
	for _, p := range performance.Predikats() {
		add("skp.predikat.", string(p))
	}
	for _, s := range performance.Statuses() {
		add("skp.status.", string(s))
	}
	for _, r := range performance.Ratings() {
		add("skp.rating.", string(r))
	}
	for _, v := range performance.CoreValues() {
		add("skp.value.", string(v))
	}
	for _, s := range []performance.PeriodStatus{performance.PeriodPending, performance.PeriodOpen, performance.PeriodClosed} {
		add("perf.status.", string(s))
	}
	add("perf.done.status.", "open", "closed")
	for _, f := range []performance.Frequency{performance.Monthly, performance.Quarterly, performance.HalfYearly} {
		add("perf.freq.", string(f))
	}
	for perf := talent.PerfBelow; perf <= talent.PerfAbove; perf++ {
		add("talent.perf.", perf.String())
		add("talent.perf_short.", perf.String())
	}
	for pot := talent.PotLow; pot <= talent.PotHigh; pot++ {
		add("talent.pot.", pot.String())
		add("talent.pot_short.", pot.String())
		add("talent.pot_long.", pot.String())
	}
	for b := talent.Box(1); b <= 9; b++ {
		for _, a := range b.Actions() {
			add("talent.action.", string(a))
		}
	}
	add("talent.decision.", string(talent.Confirmed), string(talent.Overridden))
	for _, r := range []talent.Readiness{talent.ReadyNow, talent.ReadySoon, talent.ReadyLater} {
		add("succ.ready.", string(r))
	}
	for _, s := range development.Statuses() {
		add("idp.status.", string(s))
	}
	for _, s := range []development.ItemStatus{development.ItemPlanned, development.ItemInProgress, development.ItemDone, development.ItemDropped} {
		add("idp.item.", string(s))
	}
	for _, s := range []development.Source{development.SourceGap, development.SourceSKP, development.SourceNineBox, development.SourceTopUp, development.SourceEmployee} {
		add("idp.source.", string(s))
	}
	for _, f := range development.Forms() {
		add("idp.form.", string(f.Form))
	}
	// Flash messages and the English words of refusals, by form and field.
	for form, fields := range map[string][]string{"create": nil, "plan": nil, "agree": nil, "revise": nil, "feedback": nil,
		"evaluate": {"period", "hasil", "perilaku", "evaluated_on", "notes.competency", "notes.kind"}, "acknowledge": nil} {
		add("skp.done.", form)
		add("skp.err.", form)
		add("skp.err."+form+".", fields...)
	}
	for form, fields := range map[string][]string{"create": nil, "items": {"competency", "form"}, "submit": nil,
		"decide": {"decision"}, "progress": {"status"}} {
		add("idp.err.", form)
		add("idp.err."+form+".", fields...)
		if form != "decide" {
			add("idp.done.", form)
		}
	}
	add("idp.done.", "approve", "return")
	add("perf.err.", "open", "open.year", "open.frequency", "status", "status.status")
	add("talent.err.", "review", "review.box")
	for _, p := range []string{"skp", "idp", "talent", "perf"} {
		add(p+".err.", "forbidden")
	}
	for _, k := range []string{"jpt", "administrator", "pengawas", "pelaksana", "fungsional"} {
		add("catalog.poskind.", k)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Every string of these pages is in every language, with the same
// placeholders; the talent catalogues hold nothing the pages do not use.
func TestTalentCataloguesComplete(t *testing.T) {
	cat, err := loadCatalogue(catalogueFS)
	if err != nil {
		t.Fatal(err)
	}
	used := talentUsedKeys(t)
	if len(used) < 300 {
		t.Fatalf("found only %d keys; is the pattern right?", len(used))
	}
	for _, lang := range languages {
		for _, id := range used {
			if strings.HasSuffix(id, ".") {
				t.Errorf("a key is built from a value the test does not list: %q", id)
				continue
			}
			if !cat.has(lang, id) {
				t.Errorf("%s: no message %q", lang, id)
			}
		}
	}
	ref := catalogueLanguagesMatch(t, "talent")
	for id := range ref {
		if _, ok := slices.BinarySearch(used, id); !ok {
			t.Errorf("talent.%s.json holds %q, which no page uses", languages[0], id)
		}
	}
}

// The new templates hold no inline script or style (the CSP forbids them),
// every table scrolls on a phone, and every POST form names its action.
func TestTalentTemplatesAreStrict(t *testing.T) {
	inline := regexp.MustCompile(`(?i)<script(?:[^>]*type="application/json")?|<style|\sstyle=|\son[a-z]+=|javascript:`)
	for _, p := range talentPages[:5] {
		b, _ := fs.ReadFile(templateFS, "templates/"+p+".html")
		s := string(b)
		for _, m := range inline.FindAllString(s, -1) {
			if !strings.Contains(m, "application/json") {
				t.Errorf("%s: inline %q", p, m)
			}
		}
		if n, w := strings.Count(s, "<table"), strings.Count(s, `<div class="table-wrap"`); n != w {
			t.Errorf("%s: %d tables, %d scrolling wrappers", p, n, w)
		}
		for _, form := range regexp.MustCompile(`<form[^>]*>`).FindAllString(s, -1) {
			if strings.Contains(form, `method="post"`) && !strings.Contains(form, `action="`) {
				t.Errorf("%s: a POST form without an explicit action: %s", p, form)
			}
		}
	}
}
