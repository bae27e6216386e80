package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/competency"
)

// catalogKinds lists the kinds of competency in the dictionary's order.
var catalogKinds = []competency.Kind{competency.Managerial, competency.Sociocultural, competency.Technical}

// catalogDictionaryView is the competency dictionary.
type catalogDictionaryView struct {
	Q, Kind  string
	Kinds    []catalogOption
	Groups   []catalogKindGroup
	Counts   map[string]int // whole dictionary, per kind
	Total    int            // whole dictionary
	Shown    int
	Filtered bool
	CanEdit  bool
}

// catalogKindGroup is one kind's entries.
type catalogKindGroup struct {
	Kind    competency.Kind
	ID      string // element id of the heading
	Entries []competency.Competency
}

// catalogDictionary lists the dictionary grouped by kind, with a search by
// code or name (Indonesian or English) and a filter by kind.
func (s *server) catalogDictionary() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		all, err := s.app.Competencies(r.Context(), actor)
		if err != nil {
			s.catalogFail(w, r, err, "", "/")
			return
		}
		q := r.URL.Query()
		v := catalogDictionaryView{
			Q: catalogClip(q.Get("q"), 100), Kind: q.Get("kind"),
			Counts: map[string]int{}, Total: len(all), CanEdit: actor.Can(app.PermCompetencyEdit),
		}
		if v.Kind != "" {
			k, _ := competency.ParseKind(v.Kind) // "" when unknown: no filter
			v.Kind = string(k)
		}
		v.Filtered = v.Q != "" || v.Kind != ""
		tr := s.catalogTr(r)
		for _, k := range catalogKinds {
			v.Kinds = append(v.Kinds, catalogOption{Value: string(k), Label: tr("compkind." + string(k)), Selected: string(k) == v.Kind})
			v.Groups = append(v.Groups, catalogKindGroup{Kind: k, ID: "kind-" + string(k)})
		}
		needle := strings.ToLower(v.Q)
		for _, c := range all {
			v.Counts[string(c.Kind)]++
			if v.Kind != "" && string(c.Kind) != v.Kind {
				continue
			}
			if needle != "" && !strings.Contains(strings.ToLower(c.Code), needle) &&
				!strings.Contains(strings.ToLower(c.Name), needle) && !strings.Contains(strings.ToLower(c.NameEN), needle) {
				continue
			}
			for i := range v.Groups {
				if v.Groups[i].Kind == c.Kind {
					c.Levels = nil
					v.Groups[i].Entries = append(v.Groups[i].Entries, c)
					v.Shown++
				}
			}
		}
		s.render(w, r, http.StatusOK, "catalog_competencies", &view{Nav: "competencies",
			Crumbs: []crumb{{Label: tr("catalog.dict.title")}}, Data: v})
	})
}

// catalogEntryView is one dictionary entry with its five levels.
type catalogEntryView struct {
	C        competency.Competency
	Levels   []catalogLevelView
	CanEdit  bool
	CanAudit bool
	Audit    string // the entry's audit trail (admins)
}

type catalogLevelView struct {
	N                 int
	Title, Descriptor string
	Indicators        []string
	ID                string // element id, the target of links to a level
}

// catalogEntry shows one competency.
func (s *server) catalogEntry() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		code := r.PathValue("code")
		if !catalogCodeOK(code) {
			s.catalogStatus(w, r, http.StatusNotFound, "competency", "/competencies")
			return
		}
		c, err := s.app.Competency(r.Context(), actor, code)
		if err != nil {
			s.catalogFail(w, r, err, "competency", "/competencies")
			return
		}
		v := catalogEntryView{C: c, CanEdit: actor.Can(app.PermCompetencyEdit), CanAudit: actor.Can(app.PermAuditRead)}
		for _, l := range c.Levels {
			v.Levels = append(v.Levels, catalogLevelView{N: l.Level, Title: l.Title, Descriptor: l.Descriptor,
				Indicators: l.Indicators, ID: "level-" + strconv.Itoa(l.Level)})
		}
		v.Audit = "/audit?" + url.Values{"type": {"competency"}, "target": {c.Code}}.Encode()
		tr := s.catalogTr(r)
		s.render(w, r, http.StatusOK, "catalog_competency", &view{Nav: "competencies", Crumbs: []crumb{
			{Label: tr("catalog.dict.title"), URL: "/competencies"},
			{Label: c.Code + " " + catalogCompName(requestLang(r), c)},
		}, Data: v})
	})
}

// catalogCompName is the entry's name in the language of the page.
func catalogCompName(lang string, c competency.Competency) string {
	if lang == "en" && c.NameEN != "" {
		return c.NameEN
	}
	return c.Name
}

// catalogCodeOK accepts what can be a competency code in a URL: the
// characters catalogValidCode allows, at most MaxCodeLen of them.
func catalogCodeOK(code string) bool {
	if code == "" || len(code) > competency.MaxCodeLen {
		return false
	}
	for _, r := range code {
		if !catalogCodeRune(r) {
			return false
		}
	}
	return true
}

func catalogCodeRune(r rune) bool {
	return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '.' || r == '-' || r == '_'
}
