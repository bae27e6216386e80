package web

import (
	"errors"
	"net/http"
	"strings"

	"asah/internal/app"
)

// The catalog pages: the unit tree, the competency dictionary, positions and
// their standards, and the audit trail. Their routes are in
// routes_catalog.go, their messages in i18n/catalog.*.json, and every name
// here starts with "catalog" so that it cannot clash with the rest of the
// package.

// catalogActor returns the logged-in actor of a request; the zero Actor
// (no permission at all) when there is none. The routes' authorize step has
// already checked the route's permission; the use cases check it again and
// apply the actor's scope.
func (s *server) catalogActor(r *http.Request) app.Actor {
	a, _ := actorFrom(r.Context())
	return a
}

// catalogTr returns the translation function of a request's language.
func (s *server) catalogTr(r *http.Request) func(id string, args ...any) string {
	lang := requestLang(r)
	return func(id string, args ...any) string { return s.i18n.translate(lang, id, args...) }
}

// catalogErrorView tells the catalog error page what happened.
type catalogErrorView struct {
	Status int
	What   string // "competency", "position", "unit", "" (any page)
	Back   string // where to go instead
}

// catalogFail answers a use case's error: the same 404 for a missing record
// and one outside the actor's scope, 403 for a forbidden action, the 500
// page (logged) for anything else.
func (s *server) catalogFail(w http.ResponseWriter, r *http.Request, err error, what, back string) {
	switch app.ErrorCode(err) {
	case app.CodeNotFound:
		s.catalogStatus(w, r, http.StatusNotFound, what, back)
	case app.CodeForbidden:
		s.forbidden(w, r)
	default:
		s.serverError(w, r, err)
	}
}

// catalogStatus renders the catalog error page with a status.
func (s *server) catalogStatus(w http.ResponseWriter, r *http.Request, status int, what, back string) {
	if back == "" {
		back = "/"
	}
	s.render(w, r, status, "catalog_error", &view{Data: catalogErrorView{Status: status, What: what, Back: back}})
}

// catalogForm parses a POSTed form of at most 256 KiB (the competency form
// with five levels of indicators is the largest, well below that). On
// failure it answers 413 or 400 and returns false.
func catalogForm(w http.ResponseWriter, r *http.Request) bool {
	r.Body = http.MaxBytesReader(w, r.Body, 256<<10)
	err := r.ParseForm()
	if err == nil {
		return true
	}
	status := http.StatusBadRequest
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		status = http.StatusRequestEntityTooLarge
	}
	http.Error(w, http.StatusText(status), status)
	return false
}

// catalogFieldError is one entry of a form's error summary: the field's
// element id (for the link) and the message.
type catalogFieldError struct {
	ID      string
	Message string
}

// catalogErrors collects the field errors of a form in the order of the
// fields, for the summary at the top and the message next to each field.
type catalogErrors struct {
	byField map[string]string
	list    []catalogFieldError
}

// add records the first error of a field; name is the form field's name and
// id the element id the summary links to.
func (e *catalogErrors) add(name, id, msg string) {
	if e.byField == nil {
		e.byField = map[string]string{}
	}
	if _, ok := e.byField[name]; ok {
		return
	}
	e.byField[name] = msg
	e.list = append(e.list, catalogFieldError{ID: id, Message: msg})
}

// addLine records a table line's error: the summary names the line.
func (e *catalogErrors) addLine(name, id, line, msg string) {
	n := len(e.list)
	e.add(name, id, msg)
	if len(e.list) > n {
		e.list[n].Message = line + ": " + msg
	}
}

func (e *catalogErrors) empty() bool { return len(e.byField) == 0 }

// catalogClip trims s and cuts it to at most n runes (search boxes).
func catalogClip(s string, n int) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > n {
		s = string(r[:n])
	}
	return s
}

// catalogOption is one choice of a select.
type catalogOption struct {
	Value, Label string
	Selected     bool
}
