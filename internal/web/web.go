// Package web serves Asah's HTML pages: server-rendered, in Bahasa Indonesia
// by default and English as the second language. Routes are listed in
// routes.go, each page has its own file and template, and every
// user-facing string comes from the message catalogues in i18n/.
package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"io/fs"
	"log/slog"
	"net/http"

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
}

// server holds what every handler needs; it is built once by New and never
// changed afterwards, so handlers may run concurrently.
type server struct {
	app    *app.App
	log    *slog.Logger
	demo   bool
	i18n   *catalogue
	pages  map[string]map[string]pageTemplate // language → page → template
	static fs.FS
	cssURL string
}

// New returns the HTTP handler for the whole site. It parses the embedded
// templates and catalogues once; a defect in them is a programming error and
// panics here, at start-up, rather than on some later request.
func New(a *app.App, opt Options) http.Handler {
	return newServer(a, opt).routes()
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
	css, err := fs.ReadFile(static, "asah.css")
	if err != nil {
		panic("web: " + err.Error())
	}
	sum := sha256.Sum256(css)
	s := &server{
		app:    a,
		log:    log,
		demo:   opt.Demo,
		i18n:   cat,
		static: static,
		// The hash in the URL lets the browser keep the file for a year
		// and still fetch a new one after an upgrade.
		cssURL: "/static/asah.css?v=" + hex.EncodeToString(sum[:6]),
	}
	if s.pages, err = parsePages(templateFS, cat); err != nil {
		panic("web: " + err.Error())
	}
	return s
}
