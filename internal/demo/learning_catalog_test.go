package demo

import (
	"slices"
	"strings"
	"testing"

	"asah/internal/competency"
	"asah/internal/development"
	"asah/internal/people"
)

// TestDemoCatalogueIsConsistent checks the catalogue against the dictionary,
// the development forms, the position kinds and the providers.
func TestDemoCatalogueIsConsistent(t *testing.T) {
	codes := map[string]bool{}
	for _, c := range competency.Dictionary() {
		codes[c.Code] = true
	}
	for _, c := range techCatalogue {
		codes[c.code] = true
	}
	forms := map[string]bool{}
	for _, f := range development.Forms() {
		forms[string(f.Form)] = true
	}
	provs := map[string]bool{}
	universities, agreements := 0, 0
	for _, p := range DemoProviders() {
		provs[p.Code] = true
		if p.Kind == provUniversity {
			universities++
		}
		if p.AgreementNo != "" {
			agreements++
			if p.EndDays <= p.StartDays {
				t.Errorf("%s: agreement ends before it starts", p.Code)
			}
		}
	}
	if universities != 8 || agreements != 8 {
		t.Errorf("universities %d, agreements %d; want 8 and 8", universities, agreements)
	}
	ps := DemoPrograms()
	if len(ps) < 55 || len(ps) > 70 {
		t.Errorf("%d programs, want about 60", len(ps))
	}
	seen := map[string]bool{}
	var titles []string
	for _, p := range ps {
		if seen[p.Code] {
			t.Errorf("program code %s twice", p.Code)
		}
		seen[p.Code] = true
		titles = append(titles, strings.ToLower(p.Title))
		if !forms[p.Form] {
			t.Errorf("%s: form %q is not a development form", p.Code, p.Form)
		}
		if !provs[p.Provider] {
			t.Errorf("%s: unknown provider %q", p.Code, p.Provider)
		}
		if p.JP <= 0 || p.Sessions <= 0 || p.Capacity <= 0 || p.Events <= 0 {
			t.Errorf("%s: JP, sessions, capacity and events must be positive", p.Code)
		}
		for _, tg := range p.Targets {
			if !codes[tg.Code] || tg.Level < 1 || tg.Level > 5 {
				t.Errorf("%s: target %s:%d is not a dictionary competency and level", p.Code, tg.Code, tg.Level)
			}
		}
		for _, k := range p.Kinds {
			if !slices.Contains(people.PositionKinds, people.PositionKind(k)) {
				t.Errorf("%s: position kind %q", p.Code, k)
			}
		}
	}
	all := strings.Join(titles, "\n")
	for _, want := range []string{"manajemen proyek infrastruktur", "desain program ramah iklim"} {
		if !strings.Contains(all, want) {
			t.Errorf("the catalogue has no %q program", want)
		}
	}
}
