package web

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"testing"

	"asah/internal/competency"
	"asah/internal/people"
)

func readCatalogue(t *testing.T, lang string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(catalogueFS, "i18n/"+lang+".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

// Every message exists in every language, with the same placeholders.
func TestCataloguesMatch(t *testing.T) {
	ref := readCatalogue(t, languages[0])
	placeholder := regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)
	names := func(s string) []string {
		var out []string
		for _, m := range placeholder.FindAllStringSubmatch(s, -1) {
			out = append(out, m[1])
		}
		slices.Sort(out)
		return out
	}
	for _, lang := range languages[1:] {
		other := readCatalogue(t, lang)
		for id, msg := range ref {
			o, ok := other[id]
			if !ok {
				t.Errorf("%q is in %s.json but not in %s.json", id, languages[0], lang)
				continue
			}
			if !slices.Equal(names(msg), names(o)) {
				t.Errorf("%q: placeholders %v in %s, %v in %s", id, names(msg), languages[0], names(o), lang)
			}
			if o == "" {
				t.Errorf("%q is empty in %s.json", id, lang)
			}
		}
		for id := range other {
			if _, ok := ref[id]; !ok {
				t.Errorf("%q is in %s.json but not in %s.json", id, lang, languages[0])
			}
		}
	}
}

// Every key a template passes to t, and every label the pages build from a
// stored value, exists in every catalogue.
func TestTemplateKeysExist(t *testing.T) {
	cat, err := loadCatalogue(catalogueFS)
	if err != nil {
		t.Fatal(err)
	}
	key := regexp.MustCompile(`\bt\s+"([^"]+)"`)
	files, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatal("no templates", err)
	}
	var ids []string
	for _, f := range files {
		b, _ := fs.ReadFile(templateFS, f)
		for _, m := range key.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	if len(ids) < 50 {
		t.Fatalf("found only %d keys in the templates; is the pattern right?", len(ids))
	}
	for _, k := range people.UnitKinds {
		ids = append(ids, "unitkind."+string(k))
	}
	for _, k := range []people.EmployeeKind{people.PNS, people.PPPK} {
		ids = append(ids, "empkind."+string(k))
	}
	for _, k := range []competency.Kind{competency.Managerial, competency.Sociocultural, competency.Technical} {
		ids = append(ids, "compkind."+string(k))
	}
	for _, s := range []competency.Source{competency.SourceAssessmentCenter, competency.SourceSupervisor, competency.Source360, competency.SourceSelf} {
		ids = append(ids, "source."+string(s))
	}
	for _, c := range []competency.Category{competency.MS, competency.MMS, competency.KMS} {
		ids = append(ids, "category."+string(c))
	}
	for _, s := range []competency.Status{competency.Draft, competency.Final} {
		ids = append(ids, "status."+string(s))
	}
	for _, lang := range languages {
		for _, id := range ids {
			if !cat.has(lang, id) {
				t.Errorf("%s.json lacks %q", lang, id)
			}
		}
	}
}

func TestTranslateFillsPlaceholders(t *testing.T) {
	cat, err := loadCatalogue(catalogueFS)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ lang, want string }{
		{"id", "Halaman 2 dari 7"},
		{"en", "Page 2 of 7"},
	} {
		if got := cat.translate(c.lang, "pager.position", "Page", "2", "Pages", "7"); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
	if got := cat.translate("en", "no.such.key"); got != "no.such.key" {
		t.Errorf("missing key gives %q", got)
	}
}
