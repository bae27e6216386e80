package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"unicode/utf8"

	"asah/internal/app"
	"asah/internal/competency"
)

// Limits of the competency form's fields, beyond the dictionary's own
// (code and name): long enough for any real descriptor, short enough that a
// pasted document is refused with a message rather than stored.
const (
	catalogMaxDescription = 2000
	catalogMaxTitle       = 200
	catalogMaxDescriptor  = 1000
	catalogMaxIndicator   = 500
	catalogMaxIndicators  = 10
)

// catalogCompForm is the form that edits an entry or adds a technical one.
type catalogCompForm struct {
	New                       bool
	Action, Cancel            string
	Code                      string
	Kind                      competency.Kind
	Name, NameEN, Description string
	Levels                    []catalogLevelInput
	// Generic lists the titles of the generic levels a new technical
	// competency gets when its levels are left empty.
	Generic []string
	Errors  map[string]string
	Summary []catalogFieldError
	General string // an error not tied to one field
}

// catalogLevelInput is one level as typed: indicators one per line.
type catalogLevelInput struct {
	Level                         int
	Title, Descriptor, Indicators string
}

// field names of a level in the form.
func catalogLevelField(level int, part string) string {
	return "level" + strconv.Itoa(level) + "." + part
}

func catalogFieldID(name string) string {
	return "f-" + strings.ReplaceAll(name, ".", "-")
}

// catalogFormOf fills the form from a stored entry.
func catalogFormOf(c competency.Competency) catalogCompForm {
	f := catalogCompForm{Code: c.Code, Kind: c.Kind, Name: c.Name, NameEN: c.NameEN, Description: c.Description}
	for i := range competency.MaxLevel {
		in := catalogLevelInput{Level: i + 1}
		for _, l := range c.Levels {
			if l.Level == i+1 {
				in.Title, in.Descriptor, in.Indicators = l.Title, l.Descriptor, strings.Join(l.Indicators, "\n")
			}
		}
		f.Levels = append(f.Levels, in)
	}
	return f
}

// catalogReadForm reads the posted fields (the code only for a new entry).
func catalogReadForm(r *http.Request, f *catalogCompForm) {
	get := func(name string) string { return strings.TrimSpace(r.PostForm.Get(name)) }
	if f.New {
		f.Code = get("code")
	}
	f.Name, f.NameEN, f.Description = get("name"), get("name_en"), get("description")
	f.Levels = nil
	for i := 1; i <= competency.MaxLevel; i++ {
		f.Levels = append(f.Levels, catalogLevelInput{Level: i,
			Title:      get(catalogLevelField(i, "title")),
			Descriptor: get(catalogLevelField(i, "descriptor")),
			Indicators: strings.ReplaceAll(get(catalogLevelField(i, "indicators")), "\r\n", "\n"),
		})
	}
}

// catalogIndicators splits the indicators box: one per line, blank lines
// dropped, a leading bullet ("- ", "• ", "* ") removed from a pasted list.
func catalogIndicators(s string) []string {
	var out []string
	for _, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		for _, b := range []string{"- ", "• ", "* ", "•"} {
			line = strings.TrimSpace(strings.TrimPrefix(line, b))
		}
		if line != "" {
			out = append(out, line)
		}
	}
	return out
}

// catalogValidate checks the form field by field, in the page's language,
// and returns the entry it describes. Levels are required when editing; a
// new technical competency either fills all five or leaves all empty (the
// generic levels then apply).
func catalogValidate(f *catalogCompForm, tr func(string, ...any) string) (competency.Competency, catalogErrors) {
	var errs catalogErrors
	add := func(name, msg string) { errs.add(name, catalogFieldID(name), msg) }
	limit := func(name, v string, n int, required bool) {
		switch l := utf8.RuneCountInString(v); {
		case required && v == "":
			add(name, tr("catalog.err.required"))
		case l > n:
			add(name, tr("catalog.err.too_long", "N", n, "Len", l))
		}
	}
	c := competency.Competency{Code: f.Code, Kind: f.Kind, Name: f.Name, NameEN: f.NameEN, Description: f.Description}
	if f.New {
		switch {
		case f.Code == "":
			add("code", tr("catalog.err.required"))
		case utf8.RuneCountInString(f.Code) > competency.MaxCodeLen:
			add("code", tr("catalog.err.too_long", "N", competency.MaxCodeLen, "Len", utf8.RuneCountInString(f.Code)))
		case !catalogCodeOK(f.Code):
			add("code", tr("catalog.err.code_chars"))
		case strings.EqualFold(f.Code, "new"):
			add("code", tr("catalog.err.code_reserved"))
		}
	}
	limit("name", f.Name, competency.MaxNameLen, true)
	limit("name_en", f.NameEN, competency.MaxNameLen, false)
	limit("description", f.Description, catalogMaxDescription, false)
	empty := true
	for _, l := range f.Levels {
		if l.Title != "" || l.Descriptor != "" || strings.TrimSpace(l.Indicators) != "" {
			empty = false
		}
	}
	if f.New && empty {
		return c, errs // the generic levels apply
	}
	for _, l := range f.Levels {
		limit(catalogLevelField(l.Level, "title"), l.Title, catalogMaxTitle, true)
		limit(catalogLevelField(l.Level, "descriptor"), l.Descriptor, catalogMaxDescriptor, true)
		name := catalogLevelField(l.Level, "indicators")
		ind := catalogIndicators(l.Indicators)
		switch {
		case len(ind) == 0:
			add(name, tr("catalog.err.indicators_required"))
		case len(ind) > catalogMaxIndicators:
			add(name, tr("catalog.err.indicators_many", "N", catalogMaxIndicators, "Len", len(ind)))
		}
		for i, s := range ind {
			if utf8.RuneCountInString(s) > catalogMaxIndicator {
				add(name, tr("catalog.err.indicator_long", "I", i+1, "N", catalogMaxIndicator))
			}
		}
		c.Levels = append(c.Levels, competency.Level{Level: l.Level, Title: l.Title, Descriptor: l.Descriptor, Indicators: ind})
	}
	return c, errs
}

// catalogRenderForm shows the form, with errors when there are any.
func (s *server) catalogRenderForm(w http.ResponseWriter, r *http.Request, status int, f catalogCompForm, errs catalogErrors) {
	tr := s.catalogTr(r)
	f.Errors, f.Summary = errs.byField, errs.list
	if f.New {
		f.Action, f.Cancel, f.Kind = "/competencies", "/competencies", competency.Technical
		for _, l := range competency.TechnicalLevels("") {
			f.Generic = append(f.Generic, l.Title)
		}
	} else {
		f.Action = "/competencies/" + url.PathEscape(f.Code)
		f.Cancel = f.Action
	}
	crumbs := []crumb{{Label: tr("catalog.dict.title"), URL: "/competencies"}}
	if f.New {
		crumbs = append(crumbs, crumb{Label: tr("catalog.form.new_title")})
	} else {
		crumbs = append(crumbs, crumb{Label: f.Code, URL: f.Cancel}, crumb{Label: tr("catalog.form.edit_crumb")})
	}
	s.render(w, r, status, "catalog_competency_form", &view{Nav: "competencies", Crumbs: crumbs, Data: f})
}

// catalogEditForm shows an entry's edit form.
func (s *server) catalogEditForm() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		if !actor.Can(app.PermCompetencyEdit) {
			s.forbidden(w, r)
			return
		}
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
		s.catalogRenderForm(w, r, http.StatusOK, catalogFormOf(c), catalogErrors{})
	})
}

// catalogUpdate saves an entry: the form is checked field by field first,
// then the use case checks and stores it, with an audit row.
func (s *server) catalogUpdate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		code := r.PathValue("code")
		if !catalogCodeOK(code) {
			s.catalogStatus(w, r, http.StatusNotFound, "competency", "/competencies")
			return
		}
		if !catalogForm(w, r) {
			return
		}
		before, err := s.app.Competency(r.Context(), actor, code)
		if err != nil {
			s.catalogFail(w, r, err, "competency", "/competencies")
			return
		}
		f := catalogFormOf(before)
		catalogReadForm(r, &f)
		c, errs := catalogValidate(&f, s.catalogTr(r))
		if !errs.empty() {
			s.catalogRenderForm(w, r, http.StatusUnprocessableEntity, f, errs)
			return
		}
		if err := s.app.UpdateCompetency(r.Context(), actor, code, c); err != nil {
			if app.ErrorCode(err) == app.CodeInvalid {
				f.General = err.Error()
				s.catalogRenderForm(w, r, http.StatusUnprocessableEntity, f, errs)
				return
			}
			s.catalogFail(w, r, err, "competency", "/competencies")
			return
		}
		s.flash(r, "catalog.entry.saved")
		http.Redirect(w, r, "/competencies/"+url.PathEscape(code), http.StatusSeeOther)
	})
}

// catalogNewForm shows the form for a new technical competency.
func (s *server) catalogNewForm() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !s.catalogActor(r).Can(app.PermCompetencyEdit) {
			s.forbidden(w, r)
			return
		}
		f := catalogCompForm{New: true}
		for i := 1; i <= competency.MaxLevel; i++ {
			f.Levels = append(f.Levels, catalogLevelInput{Level: i})
		}
		s.catalogRenderForm(w, r, http.StatusOK, f, catalogErrors{})
	})
}

// catalogCreate adds a technical competency; a code already in use is
// reported next to the code field.
func (s *server) catalogCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		if !catalogForm(w, r) {
			return
		}
		f := catalogCompForm{New: true, Kind: competency.Technical}
		catalogReadForm(r, &f)
		c, errs := catalogValidate(&f, s.catalogTr(r))
		if !errs.empty() {
			s.catalogRenderForm(w, r, http.StatusUnprocessableEntity, f, errs)
			return
		}
		if _, err := s.app.AddTechnicalCompetency(r.Context(), actor, c); err != nil {
			switch app.ErrorCode(err) {
			case app.CodeConflict:
				errs.add("code", catalogFieldID("code"), s.catalogTr(r)("catalog.err.code_taken", "Code", f.Code))
				s.catalogRenderForm(w, r, http.StatusConflict, f, errs)
			case app.CodeInvalid:
				f.General = err.Error()
				s.catalogRenderForm(w, r, http.StatusUnprocessableEntity, f, errs)
			default:
				s.catalogFail(w, r, err, "", "/competencies")
			}
			return
		}
		s.flash(r, "catalog.entry.created")
		http.Redirect(w, r, "/competencies/"+url.PathEscape(f.Code), http.StatusSeeOther)
	})
}
