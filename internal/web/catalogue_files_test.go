package web

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"slices"
	"testing"
)

// readCatalogueFile reads i18n/<name>.<lang>.json.
func readCatalogueFile(t *testing.T, name, lang string) map[string]string {
	t.Helper()
	b, err := fs.ReadFile(catalogueFS, "i18n/"+name+"."+lang+".json")
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	if err := json.Unmarshal(b, &m); err != nil {
		t.Fatalf("%s.%s.json: %v", name, lang, err)
	}
	return m
}

var messagePlaceholder = regexp.MustCompile(`\{\{\s*\.(\w+)\s*\}\}`)

// placeholderNames lists the distinct {{.Name}} placeholders of a message.
func placeholderNames(s string) []string {
	var out []string
	for _, m := range messagePlaceholder.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1])
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// catalogueLanguagesMatch checks that the catalogue file name holds the same
// keys in every language, none empty, each with the same placeholders, and
// returns the first language's messages.
func catalogueLanguagesMatch(t *testing.T, name string) map[string]string {
	t.Helper()
	ref := readCatalogueFile(t, name, languages[0])
	for _, lang := range languages[1:] {
		other := readCatalogueFile(t, name, lang)
		for id, msg := range ref {
			o, ok := other[id]
			switch {
			case !ok:
				t.Errorf("%q is in %s.%s.json but not in %s.%s.json", id, name, languages[0], name, lang)
			case o == "" || msg == "":
				t.Errorf("%q is empty in %s.%s.json or %s.%s.json", id, name, languages[0], name, lang)
			case !slices.Equal(placeholderNames(msg), placeholderNames(o)):
				t.Errorf("%q: placeholders %v in %s, %v in %s", id, placeholderNames(msg), languages[0], placeholderNames(o), lang)
			}
		}
		for id := range other {
			if _, ok := ref[id]; !ok {
				t.Errorf("%q is in %s.%s.json but not in %s.%s.json", id, name, lang, name, languages[0])
			}
		}
	}
	return ref
}
