package web

import (
	"bytes"
	"context"
	"errors"
	"html/template"
	"io/fs"
	"math"
	"net/http"
	"path"
	"slices"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/store"
)

type pageTemplate = *template.Template

// view is what the layout needs on every page; Data is the page's own.
type view struct {
	Nav    string // the active navigation item (navItem.Key)
	Crumbs []crumb
	Charts bool // the page draws charts: load ECharts and charts.js
	Data   any

	// Filled in by render.
	Lang    string
	Demo    bool
	CSS     string
	Scripts []string
	User    *userBar // nil for an anonymous visitor
	Menu    []navGroup
	Flash   string // a message shown once
}

// crumb is one breadcrumb below "Beranda"; the last has no URL.
type crumb struct {
	Label string
	URL   string
}

// userBar is the top bar's account block.
type userBar struct {
	Name  string
	Role  string // label in the page's language
	Scope string // "Seluruh Kota", a unit, the team, …
}

// navGroup is one area of the left navigation.
type navGroup struct {
	Label string
	Items []navItem
}

type navItem struct {
	Key, Label, URL string
}

// navEntry is a navigation link and the route it leads to: the link shows
// only when that route exists and the actor holds its permission.
type navEntry struct {
	group, key, label, url, route string
}

var navEntries = []navEntry{
	{"nav.home", "home", "nav.dashboard", "/", "GET /{$}"},
	{"nav.employees", "employees", "nav.employee_list", "/employees", "GET /employees"},
	{"nav.employees", "me", "nav.my_profile", "/employees/{self}", "GET /employees/{nip}"},
	{"nav.employees", "units", "nav.units", "/units", "GET /units"},
	{"nav.competencies", "competencies", "nav.dictionary", "/competencies", "GET /competencies"},
	{"nav.competencies", "positions", "nav.positions", "/positions", "GET /positions"},
	{"nav.performance", "skp", "nav.my_skp", "/employees/{self}/skp", "GET /employees/{nip}/skp"},
	{"nav.performance", "performance", "nav.performance_report", "/performance", "GET /performance"},
	{"nav.talent", "talent", "nav.ninebox", "/talent", "GET /talent"},
	{"nav.talent", "succession", "nav.succession", "/succession", "GET /succession"},
	{"nav.development", "idp", "nav.my_idp", "/employees/{self}/idp", "GET /employees/{nip}/idp"},
	{"nav.development", "learning", "learning.nav.catalogue", "/learning", "GET /learning"},
	{"nav.development", "learning_mine", "learning.nav.mine", "/learning/mine", "GET /learning/mine"},
	{"nav.development", "learning_approvals", "learning.nav.approvals", "/learning/approvals", "GET /learning/approvals"},
	{"nav.development", "learning_jp", "learning.nav.jp", "/learning/jp", "GET /learning/jp"},
	{"nav.admin", "partners", "learning.nav.partners", "/partners", "GET /partners"},
	{"nav.admin", "program_new", "learning.nav.program_new", "/learning/programs/new", "GET /learning/programs/new"},
	{"nav.admin", "audit", "nav.audit", "/audit", "GET /audit"},
	{"nav.admin", "account", "nav.account", "/account", "GET /account"},
}

// menu builds the navigation an actor may use.
func (s *server) menu(lang string, a app.Actor) []navGroup {
	var out []navGroup
	for _, e := range navEntries {
		perm, ok := app.PolicyFor(e.route)
		if !ok || !slices.Contains(s.patterns, e.route) || !a.Can(perm) {
			continue
		}
		url := e.url
		if strings.Contains(url, "{self}") { // the actor's own record
			if a.NIP == "" || a.EmployeeID == 0 {
				continue
			}
			url = strings.Replace(url, "{self}", a.NIP, 1)
		}
		label := s.i18n.translate(lang, e.group)
		if len(out) == 0 || out[len(out)-1].Label != label {
			out = append(out, navGroup{Label: label})
		}
		g := &out[len(out)-1]
		g.Items = append(g.Items, navItem{Key: e.key, Label: s.i18n.translate(lang, e.label), URL: url})
	}
	return out
}

// userBarOf describes the actor for the top bar.
func (s *server) userBarOf(ctx context.Context, lang string, a app.Actor) *userBar {
	u := &userBar{Name: a.Name, Role: s.i18n.translate(lang, "role."+string(a.Role))}
	sc := app.ScopeOf(a)
	switch {
	case sc.All:
		u.Scope = s.i18n.translate(lang, "scope.city")
	case a.Role == app.RoleMitra:
		u.Scope = a.Partner
	default:
		name, err := s.app.ScopeUnitName(ctx, a)
		if err != nil {
			s.log.Warn("web: scope label", "err", err)
		}
		switch {
		case sc.UnitCode != "":
			u.Scope = name
		case sc.Team:
			u.Scope = s.i18n.translate(lang, "scope.team", "Unit", name)
		case sc.EmployeeID != 0:
			u.Scope = s.i18n.translate(lang, "scope.self", "Unit", name)
		}
	}
	return u
}

// parsePages parses the layout with each page (every templates/*.html but
// the layout and the partials, named by its file), once per language,
// binding the language's translation and formatting functions. Partials
// (templates/_*.html) hold blocks that several pages share; every page gets
// them.
func parsePages(fsys fs.FS, cat *catalogue) (map[string]map[string]pageTemplate, error) {
	files, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		return nil, err
	}
	partials, err := fs.Glob(fsys, "templates/_*.html")
	if err != nil {
		return nil, err
	}
	out := map[string]map[string]pageTemplate{}
	for _, lang := range languages {
		out[lang] = map[string]pageTemplate{}
		funcs := templateFuncs(cat, lang)
		for _, f := range files {
			p := strings.TrimSuffix(path.Base(f), ".html")
			if p == "layout" || strings.HasPrefix(p, "_") {
				continue
			}
			t, err := template.New(p).Funcs(funcs).ParseFS(fsys, append([]string{"templates/layout.html", f}, partials...)...)
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
		"dec1":  func(v float64) string { return formatSigned(v, 1, lang) },
		"date":  func(t time.Time) string { return formatDate(t, lang) },
		"unitKind": func(k people.UnitKind) string {
			return label("unitkind.", string(k))
		},
		"empKind":  func(k people.EmployeeKind) string { return label("empkind.", string(k)) },
		"compKind": func(k competency.Kind) string { return label("compkind.", string(k)) },
		"source":   func(s competency.Source) string { return label("source.", string(s)) },
		"category": func(c competency.Category) string { return label("category.", string(c)) },
		"status":   func(s competency.Status) string { return label("status.", string(s)) },
		"role":     func(r app.Role) string { return label("role.", string(r)) },
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
	ctx := r.Context()
	v.Lang, v.Demo, v.CSS = lang, s.demo, s.assets.url("asah.css")
	if v.Charts {
		v.Scripts = []string{s.assets.url("echarts.min.js"), s.assets.url("charts.js")}
	}
	if a, ok := actorFrom(ctx); ok {
		v.User = s.userBarOf(ctx, lang, a)
		v.Menu = s.menu(lang, a)
	}
	if s.sessions != nil && hasSession(ctx) && v.Flash == "" {
		if id := s.sessions.PopString(ctx, keyFlash); id != "" {
			v.Flash = s.i18n.translate(lang, id)
		}
	}
	t, ok := s.pages[lang][page]
	if !ok {
		s.serverError(w, r, errors.New("web: no page template "+page))
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", v); err != nil {
		if page == "error" {
			s.log.Error("web: error page failed", "route", routeOf(r), "err", err)
			http.Error(w, http.StatusText(http.StatusInternalServerError), http.StatusInternalServerError)
			return
		}
		s.serverError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", "text/html; charset=utf-8")
	// Every page names its user, and most show personal data: no cache,
	// shared or private, may keep one.
	h.Set("Cache-Control", "no-store")
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

// forbidden renders the 403 page: the user is logged in but their role does
// not allow the page.
func (s *server) forbidden(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusForbidden, "error", &view{Data: errorView{Status: http.StatusForbidden}})
}

// crossOriginDenied answers a state-changing request from another site.
func (s *server) crossOriginDenied(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusForbidden, "error", &view{Data: errorView{Status: http.StatusForbidden, What: "cross-origin"}})
}

// appError renders the page for an error from a use case: not found (which
// is also what anything outside the caller's scope is), forbidden, or the
// 500 page.
func (s *server) appError(w http.ResponseWriter, r *http.Request, err error, what string) {
	switch app.ErrorCode(err) {
	case app.CodeNotFound:
		s.notFound(w, r, what)
	case app.CodeForbidden:
		s.forbidden(w, r)
	default:
		s.serverError(w, r, err)
	}
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
