package web

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/store"
)

// pageNames lists the page templates; each is parsed together with the
// layout, once per language.
var pageNames = []string{"home", "unit", "employee", "error"}

type pageTemplate = *template.Template

// view is what the layout needs on every page; Data is the page's own.
type view struct {
	Lang   string
	Demo   bool
	CSS    string
	Next   string // the current path and query, for the language switch
	Nav    string // the active navigation item
	Crumbs []crumb
	Data   any
}

// crumb is one breadcrumb below "Beranda"; the last has no URL.
type crumb struct {
	Label string
	URL   string
}

// parsePages parses the layout with each page, once per language, binding the
// language's translation and formatting functions.
func parsePages(fsys fs.FS, cat *catalogue) (map[string]map[string]pageTemplate, error) {
	out := map[string]map[string]pageTemplate{}
	for _, lang := range languages {
		out[lang] = map[string]pageTemplate{}
		funcs := templateFuncs(cat, lang)
		for _, p := range pageNames {
			t, err := template.New(p).Funcs(funcs).ParseFS(fsys, "templates/layout.html", "templates/"+p+".html")
			if err != nil {
				return nil, err
			}
			out[lang][p] = t
		}
	}
	return out, nil
}

// templateFuncs are the functions templates call, bound to one language.
func templateFuncs(cat *catalogue, lang string) template.FuncMap {
	label := func(prefix, v string) string {
		if id := prefix + v; cat.has(lang, id) {
			return cat.translate(lang, id)
		}
		return v
	}
	return template.FuncMap{
		"t":     func(id string, args ...any) string { return cat.translate(lang, id, args...) },
		"int":   func(n int) string { return formatInt(n, lang) },
		"pct":   func(v float64) string { return formatPercent(v, lang) },
		"share": func(v float64) string { return formatPercent(v*100, lang) },
		"date":  func(t time.Time) string { return formatDate(t, lang) },
		"unitKind": func(k people.UnitKind) string {
			return label("unitkind.", string(k))
		},
		"empKind":  func(k people.EmployeeKind) string { return label("empkind.", string(k)) },
		"compKind": func(k competency.Kind) string { return label("compkind.", string(k)) },
		"source":   func(s competency.Source) string { return label("source.", string(s)) },
		"category": func(c competency.Category) string { return label("category.", string(c)) },
		"status":   func(s competency.Status) string { return label("status.", string(s)) },
		"compName": func(name, nameEN string) string {
			if lang == "en" && nameEN != "" {
				return nameEN
			}
			return name
		},
		"name":    func(e store.EmployeeRow) string { return displayName(e.Employee) },
		"nip":     people.FormatNIP,
		"pangkat": people.Pangkat,
		"bar":     barClass,
		"sub":     func(a, b int) int { return a - b },
		"thr": func(v float64) string {
			if v == math.Trunc(v) {
				return formatDecimal(v, 0, lang) + "%"
			}
			return formatPercent(v, lang)
		},
		"catClass": func(c competency.Category) string { return strings.ToLower(string(c)) },
	}
}

// render writes a page in the request's language. The page is rendered into
// a buffer first, so a template failure becomes the 500 page, not half a page.
func (s *server) render(w http.ResponseWriter, r *http.Request, status int, page string, v *view) {
	lang := requestLang(r)
	v.Lang, v.Demo, v.CSS, v.Next = lang, s.demo, s.cssURL, r.URL.RequestURI()
	var buf bytes.Buffer
	if err := s.pages[lang][page].ExecuteTemplate(&buf, "layout", v); err != nil {
		if page == "error" {
			s.log.Error("web: error page failed", "route", routeOf(r), "err", err)
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			return
		}
		s.serverError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(buf.Bytes())
	}
}

// errorView tells the error page what happened.
type errorView struct {
	Status int
	What   string // for 404: "unit", "employee", "lang" or "" (any page)
}

// notFound renders the 404 page; what names the missing thing.
func (s *server) notFound(w http.ResponseWriter, r *http.Request, what string) {
	s.render(w, r, http.StatusNotFound, "error", &view{Data: errorView{Status: http.StatusNotFound, What: what}})
}

// serverError logs err with the route pattern (never the URL, which may hold
// a NIP) and renders the 500 page. A request the client abandoned is not an
// error worth a log line or a page.
func (s *server) serverError(w http.ResponseWriter, r *http.Request, err error) {
	if errors.Is(err, context.Canceled) && r.Context().Err() != nil {
		return
	}
	s.log.Error("web: request failed", "route", routeOf(r), "err", err)
	s.render(w, r, http.StatusInternalServerError, "error", &view{Data: errorView{Status: http.StatusInternalServerError}})
}

func routeOf(r *http.Request) string {
	if r.Pattern != "" {
		return r.Pattern
	}
	return "unmatched"
}
