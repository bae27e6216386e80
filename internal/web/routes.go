package web

import (
	"net/http"

	"asah/internal/app"
)

// routes lists every URL of the HTML surface in one place. Each route goes
// through handle, which looks its permission up in app.RoutePolicy: a route
// without an entry stops the program at start-up.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	handle := s.registrar(mux)
	// Files and probes: no session, nothing personal.
	bare := func(pattern string, h http.Handler) {
		if perm, ok := app.PolicyFor(pattern); !ok || perm != app.PermPublic {
			panic("web: route " + pattern + " served without a session must be public in app.RoutePolicy")
		}
		s.patterns = append(s.patterns, pattern)
		mux.Handle(pattern, h)
	}
	bare("GET /static/{file}", s.handleStatic())
	bare("GET /healthz", handleHealthz())
	bare("GET /readyz", s.handleReadyz())

	handle("GET /lang/{code}", s.handleLang())
	handle("GET /login", s.handleLoginForm())
	handle("POST /login", s.handleLogin())
	handle("POST /logout", s.handleLogout())
	handle("GET /account", s.handleAccount())
	handle("POST /account/password", s.handlePassword())
	handle("POST /account/totp", s.handleTOTP())

	handle("GET /{$}", s.handleDashboard())
	handle("GET /units/{code}", s.handleUnit())
	handle("GET /employees", s.handleEmployees())
	handle("POST /employees/search", s.handleEmployeeSearch())
	handle("GET /employees/export.csv", s.handleExport("csv"))
	handle("GET /employees/export.xlsx", s.handleExport("xlsx"))
	handle("GET /employees/{nip}", s.handleEmployee())
	handle("GET /employees/{nip}/assess", s.handleAssessForm())
	handle("POST /employees/{nip}/assess", s.handleAssess())

	// The competency dictionary, positions and standards, the unit tree
	// and the audit log (routes_catalog.go).
	s.catalogRoutes(handle)

	// Performance (SKP), development plans, the talent 9-box and
	// succession (routes_talent.go).
	s.talentRoutes(handle)
	s.learningRoutes(handle) // catalogue, events, my learning, approvals, JP (routes_learning.go)

	// Learning administration: programs, events, attendance, evaluation,
	// partners and agreements (routes_learning_admin.go).
	s.learningAdminRoutes(handle)

	// Every other URL: the 404 page (with the navigation of whoever asks).
	mux.Handle("/", s.withSession(s.handleNotFound()))

	var h http.Handler = mux
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(s.crossOriginDenied))
	h = cop.Handler(h)
	return securityHeaders(s.recoverPanics(h))
}

// registrar returns the function every route is registered with: it looks
// the pattern up in app.RoutePolicy (panicking at start-up when it has no
// entry), records it for Routes, and wraps the handler with the session and
// the permission check.
func (s *server) registrar(mux *http.ServeMux) func(pattern string, h http.Handler) {
	return func(pattern string, h http.Handler) {
		perm, ok := app.PolicyFor(pattern)
		if !ok {
			panic("web: route " + pattern + " has no entry in app.RoutePolicy")
		}
		s.patterns = append(s.patterns, pattern)
		mux.Handle(pattern, s.withSession(s.authorize(pattern, perm, h)))
	}
}
