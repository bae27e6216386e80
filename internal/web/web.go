// Package web serves Asah's HTML pages: server-rendered, in Bahasa Indonesia
// by default and English as the second language. Routes are listed in
// routes.go and each is registered through the route policy of the app
// layer (app.RoutePolicy); each page has its own file and template, and every
// user-facing string comes from the message catalogues in i18n/.
//
// Who may see what is decided by the app layer only: this package asks
// actor.Can for a route's permission and calls the app's scoped use cases,
// which answer "not found" for anything outside the caller's scope.
package web

import (
	"embed"
	"io/fs"
	"log/slog"
	"net/http"

	"github.com/alexedwards/scs/v2"

	"asah/internal/app"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

//go:embed i18n/*.json
var catalogueFS embed.FS

// Options configures the web surface.
type Options struct {
	Demo bool // show the "Mode demo" banner
	Log  *slog.Logger
	// Sessions keeps the login sessions (app.NewSessionManager builds one
	// over the database). Required.
	Sessions *scs.SessionManager
}

// server holds what every handler needs; it is built once by New and never
// changed afterwards, so handlers may run concurrently.
type server struct {
	app      *app.App
	log      *slog.Logger
	demo     bool
	sessions *scs.SessionManager
	i18n     *catalogue
	pages    map[string]map[string]pageTemplate // language → page → template
	assets   *assets
	// patterns lists every route registered through handle, in order.
	patterns []string
}

// New returns the HTTP handler for the whole site. It parses the embedded
// templates and catalogues once; a defect in them, or a route without a
// policy entry, is a programming error and panics here, at start-up, rather
// than on some later request.
func New(a *app.App, opt Options) http.Handler {
	if opt.Sessions == nil {
		panic("web: Options.Sessions is required")
	}
	s := newServer(a, opt)
	// A session that cannot be loaded or saved (the database is down) gets
	// the 500 page and a line in this log, not scs's plain text and the
	// standard logger.
	opt.Sessions.ErrorFunc = s.serverError
	return s.routes()
}

// Routes lists the pattern of every route the site registers (as given to
// the ServeMux, e.g. "GET /employees/{nip}"), for the test that holds the
// route table and app.RoutePolicy in step.
func Routes() []string {
	s := newServer(nil, Options{})
	s.routes()
	return append([]string(nil), s.patterns...)
}

func newServer(a *app.App, opt Options) *server {
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	cat, err := loadCatalogue(catalogueFS)
	if err != nil {
		panic("web: " + err.Error())
	}
	static, err := fs.Sub(staticFS, "static")
	if err != nil {
		panic("web: " + err.Error())
	}
	as, err := loadAssets(static)
	if err != nil {
		panic("web: " + err.Error())
	}
	s := &server{
		app:      a,
		log:      log,
		demo:     opt.Demo,
		sessions: opt.Sessions,
		i18n:     cat,
		assets:   as,
	}
	if s.pages, err = parsePages(templateFS, cat); err != nil {
		panic("web: " + err.Error())
	}
	return s
}
