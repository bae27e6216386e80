package web

import "net/http"

// routes lists every URL of the HTML surface in one place.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("GET /{$}", s.handleHome())
	mux.Handle("GET /units/{code}", noStore(s.handleUnit()))
	mux.Handle("GET /employees/{nip}", noStore(s.handleEmployee()))
	mux.Handle("GET /lang/{code}", s.handleLang())
	mux.Handle("GET /static/{file}", s.handleStatic())
	mux.Handle("GET /healthz", handleHealthz())
	mux.Handle("/", s.handleNotFound())
	return securityHeaders(s.recoverPanics(mux))
}
