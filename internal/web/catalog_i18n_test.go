package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"asah/internal/people"
)

// catUsedKeys lists every message ID the catalog pages use: the literal
// keys of the catalog templates and Go files, and the keys built from
// stored values (position kinds, grades, audit actions and target types).
func catUsedKeys(t *testing.T) []string {
	t.Helper()
	var ids []string
	tmpl := regexp.MustCompile(`\bt\s+"([^"]+)"`)
	files, err := fs.Glob(templateFS, "templates/catalog_*.html")
	if err != nil || len(files) < 8 {
		t.Fatalf("catalog templates: %v %v", files, err)
	}
	for _, f := range files {
		b, _ := fs.ReadFile(templateFS, f)
		for _, m := range tmpl.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	// Go files: every complete "catalog.…" literal (prefixes end in a dot).
	goKey := regexp.MustCompile(`"(catalog\.[a-z0-9_.]*[a-z0-9_])"`)
	gofiles, _ := filepath.Glob("catalog_*.go")
	for _, f := range gofiles {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	for _, k := range people.PositionKinds {
		ids = append(ids, "catalog.poskind."+string(k))
		for _, j := range people.AllowedJenjang(k) {
			ids = append(ids, "catalog.jenjang."+string(j))
		}
	}
	for _, a := range catalogAuditActions {
		ids = append(ids, "catalog.audit.action."+a)
	}
	for _, ty := range catalogAuditTypes {
		ids = append(ids, "catalog.audit.type."+ty)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Every string of the catalog pages is in both catalog catalogues, with the
// same placeholders, and the catalogues hold nothing the pages do not use
// (labels of audit keys excepted: they name stored JSON fields).
func TestCatalogCataloguesComplete(t *testing.T) {
	idm, enm := catalogueLanguagesMatch(t, "catalog"), readCatalogueFile(t, "catalog", "en")
	used := catUsedKeys(t)
	if len(used) < 150 {
		t.Fatalf("found only %d keys; is the pattern right?", len(used))
	}
	for _, id := range used {
		if !strings.HasPrefix(id, "catalog.") {
			t.Errorf("a catalog page uses %q from another catalogue; give it a catalog.* key", id)
			continue
		}
		for lang, m := range map[string]map[string]string{"id": idm, "en": enm} {
			if m[id] == "" {
				t.Errorf("catalog.%s.json lacks %q", lang, id)
			}
		}
	}
	for id := range idm {
		if !slices.Contains(used, id) && !strings.HasPrefix(id, "catalog.audit.key.") {
			t.Errorf("%q is in the catalogues but no catalog page uses it", id)
		}
	}
	// The loader reads both files, so every page can find its strings.
	cat, err := loadCatalogue(catalogueFS)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range languages {
		if !cat.has(lang, "catalog.dict.title") {
			t.Errorf("the loaded %s catalogue lacks the catalog messages", lang)
		}
	}
}

// The catalog templates carry no inline script or style (the CSP forbids
// both), and every table scrolls inside its own wrapper on a phone.
func TestCatalogTemplatesAreStrict(t *testing.T) {
	files, _ := fs.Glob(templateFS, "templates/catalog_*.html")
	inline := regexp.MustCompile(`(?i)<script|<style|\sstyle=|\son[a-z]+=|javascript:`)
	for _, f := range files {
		b, _ := fs.ReadFile(templateFS, f)
		s := string(b)
		if m := inline.FindString(s); m != "" {
			t.Errorf("%s: inline %q", f, m)
		}
		if n, w := strings.Count(s, "<table"), strings.Count(s, `<div class="table-wrap"`); n != w {
			t.Errorf("%s: %d tables, %d scrolling wrappers", f, n, w)
		}
		for _, form := range regexp.MustCompile(`<form[^>]*>`).FindAllString(s, -1) {
			if strings.Contains(form, `method="post"`) && !strings.Contains(form, `action="`) {
				t.Errorf("%s: a POST form without an explicit action: %s", f, form)
			}
		}
	}
}

func catTestCatalogue(t *testing.T) *catalogue {
	t.Helper()
	cat, err := loadCatalogue(catalogueFS)
	if err != nil {
		t.Fatal(err)
	}
	return cat
}

// Audit before/after come out as labelled key: value lines in document
// order, and an update lists only what changed.
func TestCatalogAuditFlatten(t *testing.T) {
	kv, err := catalogFlatten(`{"Code":"M.1","Levels":[{"Level":1,"Indicators":["a","b"]},{"Level":2,"Indicators":[]}],"Key":true,"Gone":null,"Empty":""}`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, x := range kv {
		got = append(got, strings.ReplaceAll(x.Key, "\x1f", "/")+"="+x.Value)
	}
	want := []string{"Code=M.1", "Levels/1/Level=1", "Levels/1/Indicators/1=a", "Levels/1/Indicators/2=b",
		"Levels/2/Level=2", "Levels/2/Indicators=", "Key=\x00true", "Gone=\x00null", "Empty="}
	if !slices.Equal(got, want) {
		t.Errorf("flatten:\n got %q\nwant %q", got, want)
	}
	for _, bad := range []string{`{"a":`, `{"a":1} {"b":2}`, `nonsense`} {
		if _, err := catalogFlatten(bad); err == nil {
			t.Errorf("flatten accepted %q", bad)
		}
	}
	std, err := catalogFlattenStandard(`[{"CompetencyID":1,"Required":3},{"CompetencyID":99,"Required":2}]`, map[int64]string{1: "M.1"})
	if err != nil || len(std) != 2 || std[0] != (catalogKV{"M.1", "3"}) || std[1] != (catalogKV{"#99", "2"}) {
		t.Errorf("standard: %v %v", std, err)
	}
	d := catalogDiff([]catalogKV{{"a", "1"}, {"b", "2"}, {"c", "3"}}, []catalogKV{{"a", "1"}, {"b", "5"}, {"d", "4"}}, "–")
	wantD := []catalogChange{{"b", "2", "5"}, {"d", "–", "4"}, {"c", "3", "–"}}
	if !slices.Equal(d, wantD) {
		t.Errorf("diff %v, want %v", d, wantD)
	}
	if got := catalogDateTime(catNow.UTC(), "id"); got != "27 November 2026 10.00 WIB" {
		t.Errorf("WIB time %q", got)
	}
	s := &server{i18n: catTestCatalogue(t)}
	for in, want := range map[string]string{
		"1978-08-23T00:00:00Z": "23 Agustus 1978", "2026-11-27": "27 November 2026",
		"2026-11-27T03:00:00Z": "27 November 2026 10.00 WIB", "0001-01-01T00:00:00Z": "–",
		"\x00true": "ya", "": "(kosong)", "III/a": "III/a", "2026": "2026",
	} {
		if got := s.catalogAuditValue("id", in); got != want {
			t.Errorf("value %q shows as %q, want %q", in, got, want)
		}
	}
}
