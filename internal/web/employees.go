package web

import (
	"crypto/rand"
	"encoding/base64"
	"encoding/json"
	"errors"
	"html"
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/store"
)

// The employee list searches by name or NIP without putting either in a
// URL: a query string ends up in the browser's history, in proxy and server
// logs and in Referer headers, and a NIP or a name is personal data (UU PDP).
// So the search box POSTs to /employees/search, which keeps the term in the
// user's session (server-side, in the database) under a random token and
// redirects to GET /employees?s=<token>. The token means nothing outside
// that session; the unit filter, the sort and the page stay in the query
// string, where they belong (unit codes and column names are not personal).
// A session keeps its last maxSearches terms, so the back button and
// several tabs keep working; an unknown token shows the list unfiltered with
// a note.

const maxSearches = 20

// employeeSorts are the columns an employee list sorts by (all ascending
// first); the app allow-lists them again.
var employeeSorts = map[string]string{"name": "asc", "nip": "asc", "unit": "asc", "position": "asc", "golongan": "desc"}

// employeesView is the employee list.
type employeesView struct {
	Q       string // the search term (from the session)
	Token   string
	Expired bool // the URL named a search this session no longer holds
	Unit    string
	// UnitOptions is the unit filter's <option> list, written directly:
	// through the template, escaping ~300 options cost more than the rest
	// of the page.
	UnitOptions template.HTML
	HasUnits    bool
	Sort, Dir   string
	Cols        map[string]sortLink
	Rows        []employeeRow
	Pager       pager
	Export      bool
	CSV, XLSX   string
	Errors      map[string]string // field → message
	Filtered    bool
}

// listParams are an employee list's parameters as read from a request.
type listParams struct {
	q, token string
	expired  bool
	unit     string
	sort     string
	dir      string
}

func (s *server) listParams(r *http.Request) listParams {
	qs := r.URL.Query()
	p := listParams{unit: strings.TrimSpace(qs.Get("unit")), token: qs.Get("s")}
	if len(p.unit) > 100 {
		p.unit = p.unit[:100]
	}
	p.sort, p.dir = sortParams(r, employeeSorts)
	if p.token != "" {
		var ok bool
		p.q, ok = s.searchTerm(r, p.token)
		if !ok {
			p.token, p.expired = "", true
		}
	}
	return p
}

// query is the app's query for the parameters.
func (p listParams) query() app.EmployeeQuery {
	return app.EmployeeQuery{UnitCode: p.unit, Q: p.q, Sort: p.sort, Desc: p.dir == "desc"}
}

// values are the parameters of the list's own links (no search term).
func (p listParams) values(withSort bool) url.Values {
	v := url.Values{}
	if p.unit != "" {
		v.Set("unit", p.unit)
	}
	if p.token != "" {
		v.Set("s", p.token)
	}
	if withSort && p.sort != "" {
		v.Set("sort", p.sort)
		v.Set("dir", p.dir)
	}
	return v
}

func (s *server) handleEmployees() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		p := s.listParams(r)
		v := employeesView{Q: p.q, Token: p.token, Expired: p.expired, Unit: p.unit, Sort: p.sort, Dir: p.dir,
			Filtered: p.q != "" || p.unit != ""}
		units, err := s.app.UnitChoices(ctx, actor)
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		v.HasUnits = len(units) > 0
		v.UnitOptions = unitOptionsHTML(units, p.unit)
		q := p.query()
		q.PerPage = employeesPerPage
		q.Page, _ = strconv.Atoi(r.URL.Query().Get("page"))
		res, err := s.app.ListEmployees(ctx, actor, q)
		if app.ErrorCode(err) == app.CodeInvalid {
			v.Errors = s.fieldErrors(lang, err, "list")
			p.unit, v.Unit = "", ""
			q.UnitCode = ""
			res, err = s.app.ListEmployees(ctx, actor, q)
		}
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		if res.Page > res.Pages && res.Total > 0 {
			// Beyond the last page: show the last.
			q.Page = res.Pages
			if res, err = s.app.ListEmployees(ctx, actor, q); err != nil {
				s.appError(w, r, err, "")
				return
			}
		}
		v.Pager = paginate(r, "/employees", p.values(true), res.Total, employeesPerPage)
		for _, e := range res.Items {
			v.Rows = append(v.Rows, s.employeeRowOf(r, actor, e))
		}
		v.Cols = sortLinks("/employees", p.values(false), employeeSorts, p.sort, p.dir)
		if actor.Can(app.PermEmployeeExport) {
			v.Export = true
			enc := p.values(true).Encode()
			if enc != "" {
				enc = "?" + enc
			}
			v.CSV, v.XLSX = "/employees/export.csv"+enc, "/employees/export.xlsx"+enc
		}
		s.render(w, r, http.StatusOK, "employees", &view{Nav: "employees",
			Crumbs: []crumb{{Label: s.i18n.translate(lang, "nav.employee_list")}}, Data: v})
	})
}

// handleEmployeeSearch keeps a search term in the session and sends the
// browser to the list, filtered by it.
func (s *server) handleEmployeeSearch() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		q := strings.TrimSpace(r.PostForm.Get("q"))
		if rs := []rune(q); len(rs) > 100 {
			q = string(rs[:100])
		}
		v := url.Values{}
		if unit := strings.TrimSpace(r.PostForm.Get("unit")); unit != "" && len(unit) <= 100 {
			v.Set("unit", unit)
		}
		if by := r.PostForm.Get("sort"); by != "" {
			if _, ok := employeeSorts[by]; ok {
				v.Set("sort", by)
				if d := r.PostForm.Get("dir"); d == "asc" || d == "desc" {
					v.Set("dir", d)
				}
			}
		}
		if q != "" {
			v.Set("s", s.keepSearch(r, q))
		}
		target := "/employees"
		if len(v) > 0 {
			target += "?" + v.Encode()
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
	})
}

// search is a term kept in the session.
type search struct {
	Token string `json:"t"`
	Q     string `json:"q"`
}

func (s *server) searches(r *http.Request) []search {
	var list []search
	if raw := s.sessions.GetString(r.Context(), keySearch); raw != "" {
		json.Unmarshal([]byte(raw), &list)
	}
	return list
}

// keepSearch stores q and returns its token; the same term keeps its token.
func (s *server) keepSearch(r *http.Request, q string) string {
	list := s.searches(r)
	for i, x := range list {
		if x.Q == q {
			list = append(append([]search{x}, list[:i]...), list[i+1:]...)
			s.putSearches(r, list)
			return x.Token
		}
	}
	b := make([]byte, 9)
	rand.Read(b)
	tok := base64.RawURLEncoding.EncodeToString(b)
	list = append([]search{{Token: tok, Q: q}}, list...)
	if len(list) > maxSearches {
		list = list[:maxSearches]
	}
	s.putSearches(r, list)
	return tok
}

func (s *server) putSearches(r *http.Request, list []search) {
	b, _ := json.Marshal(list)
	s.sessions.Put(r.Context(), keySearch, string(b))
}

// searchTerm returns the term of a token of this session.
func (s *server) searchTerm(r *http.Request, token string) (string, bool) {
	for _, x := range s.searches(r) {
		if x.Token == token {
			return x.Q, true
		}
	}
	return "", false
}

// fieldErrors turns an app validation error into messages per field in the
// page's language: the app's own message (specific, in Bahasa Indonesia)
// on the Indonesian side, the catalogue's message for the field otherwise.
// form names the catalogue group ("assess", "list", …).
func (s *server) fieldErrors(lang string, err error, form string) map[string]string {
	out := map[string]string{}
	var e *app.Error
	if !errors.As(err, &e) {
		return out
	}
	for f, msg := range e.Fields {
		id := form + ".err." + f
		switch {
		case lang == "id" && msg != "":
			out[f] = msg
		case s.i18n.has(lang, id):
			out[f] = s.i18n.translate(lang, id)
		default:
			out[f] = s.i18n.translate(lang, "form.err.generic")
		}
	}
	if len(out) == 0 {
		if lang == "id" {
			out["_"] = e.Message
		} else {
			out["_"] = s.i18n.translate(lang, "form.err.generic")
		}
	}
	return out
}

// unitOptionsHTML renders the unit filter's options, indented by depth, with
// the chosen one selected; every code and name is HTML-escaped.
func unitOptionsHTML(units []store.UnitSummary, chosen string) template.HTML {
	var b strings.Builder
	b.Grow(len(units) * 80)
	for _, u := range units {
		b.WriteString(`<option value="`)
		b.WriteString(html.EscapeString(u.Code))
		b.WriteByte('"')
		if u.Code == chosen {
			b.WriteString(" selected")
		}
		b.WriteByte('>')
		b.WriteString(strings.Repeat("&nbsp;&nbsp;", min(u.Depth, 6)))
		b.WriteString(html.EscapeString(u.Name))
		b.WriteString("</option>\n")
	}
	return template.HTML(b.String())
}
