package web

import (
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"sort"
	"strings"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// Languages of the interface; the first is the default.
var languages = []string{"id", "en"}

const langCookie = "lang"

// catalogue holds the message catalogues, one localizer per language.
type catalogue struct {
	bundle *i18n.Bundle
	loc    map[string]*i18n.Localizer
	ids    map[string][]string // language → message IDs, sorted
	// plain caches every message rendered without arguments, which is
	// nearly all of them.
	plain map[string]map[string]string
}

// loadCatalogue reads every i18n/*.<lang>.json and i18n/<lang>.json file:
// each area of the interface may keep its messages in its own pair of files.
func loadCatalogue(fsys fs.FS) (*catalogue, error) {
	b := i18n.NewBundle(language.Indonesian)
	c := &catalogue{bundle: b, loc: map[string]*i18n.Localizer{}, ids: map[string][]string{}, plain: map[string]map[string]string{}}
	files, err := fs.Glob(fsys, "i18n/*.json")
	if err != nil {
		return nil, err
	}
	for _, lang := range languages {
		found := false
		for _, name := range files {
			base := strings.TrimSuffix(path.Base(name), ".json")
			if base != lang && !strings.HasSuffix(base, "."+lang) {
				continue
			}
			found = true
			f, err := b.LoadMessageFileFS(fsys, name)
			if err != nil {
				return nil, fmt.Errorf("catalogue %s: %v", name, err)
			}
			for _, m := range f.Messages {
				c.ids[lang] = append(c.ids[lang], m.ID)
			}
		}
		if !found {
			return nil, fmt.Errorf("catalogue %s: no i18n/%s.json", lang, lang)
		}
		sort.Strings(c.ids[lang])
		c.loc[lang] = i18n.NewLocalizer(b, lang)
	}
	for _, lang := range languages {
		c.plain[lang] = make(map[string]string, len(c.ids[lang]))
		for _, id := range c.ids[lang] {
			s, err := c.loc[lang].Localize(&i18n.LocalizeConfig{MessageID: id})
			if err != nil {
				return nil, fmt.Errorf("catalogue %s: message %q: %v", lang, id, err)
			}
			c.plain[lang][id] = s
		}
	}
	return c, nil
}

// translate returns the message id in lang, filled with args given as
// name/value pairs ("N", 5). A message missing in lang falls back to Bahasa
// Indonesia, and one missing everywhere shows its ID, so that a gap is
// visible rather than blank (the catalogue tests catch both).
func (c *catalogue) translate(lang, id string, args ...any) string {
	if len(args) == 0 {
		if s, ok := c.plain[lang][id]; ok {
			return s
		}
	}
	var data map[string]any
	if len(args) > 0 {
		data = make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			data[fmt.Sprint(args[i])] = args[i+1]
		}
	}
	s, err := c.loc[lang].Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil && s == "" {
		return id
	}
	return s
}

// has reports whether lang's catalogue defines id.
func (c *catalogue) has(lang, id string) bool {
	ids := c.ids[lang]
	i := sort.SearchStrings(ids, id)
	return i < len(ids) && ids[i] == id
}

// requestLang is the language of the interface for a request: the lang
// cookie when it names a known language, else Bahasa Indonesia.
func requestLang(r *http.Request) string {
	if ck, err := r.Cookie(langCookie); err == nil {
		for _, l := range languages {
			if ck.Value == l {
				return l
			}
		}
	}
	return languages[0]
}
