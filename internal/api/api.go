// Package api serves Asah's JSON API under /api/v1: bearer tokens, the same
// authorization as the pages (every decision is made in internal/app), JSON
// errors, and an OpenAPI 3.1 document (openapi.yaml, served as JSON at
// /api/v1/openapi.json). Routes are listed in routes.go; each resource has its
// own file.
package api

import (
	_ "embed"
	"log/slog"
	"net/http"
	"runtime"

	"asah/internal/app"
	"asah/internal/store"
)

// Prefix is where the API is mounted.
const Prefix = "/api/v1"

//go:embed openapi.yaml
var openapiYAML []byte

// Options configures the API surface.
type Options struct {
	// Log receives one line per server error: the route pattern and the
	// error, never the URL, its query or a request body.
	Log *slog.Logger
	// MaxInFlight bounds the requests served at once (0: DefaultMaxInFlight);
	// the others wait their turn in arrival order.
	MaxInFlight int
}

// DefaultMaxInFlight is how many requests are served at once. The work of
// a request is mostly CPU (JSON, SQLite, or the PostgreSQL client): more
// requests at once only share the processors, and they compete for the
// store's connections, which database/sql hands to a random waiter, so a
// few unlucky requests wait many turns. Admitting requests in arrival order
// keeps the slowest close to the average (BENCHMARKS.md, "Web application
// and API"). PostgreSQL: two per processor, at least four. SQLite: four per
// processor, at least eight, because its writers share commits (group
// commit) and a burst of writes needs company in flight to share them: 200
// concurrent registrations had p99 274–319 ms with 4 in flight, 180–227 ms
// with 8; reads measured 80 ms (4) against 94–98 ms (8).
func DefaultMaxInFlight(e store.Engine) int {
	if e == store.SQLite {
		return max(8, 4*runtime.GOMAXPROCS(0))
	}
	return max(4, 2*runtime.GOMAXPROCS(0))
}

// server holds what every handler needs; it is built once by New and not
// changed afterwards, so handlers may run concurrently.
type server struct {
	app      *app.App
	log      *slog.Logger
	spec     []byte   // the OpenAPI document as JSON
	patterns []string // every pattern registered through handle, in order
	slots    chan struct{}
}

// New returns the handler of every /api/v1 route. The OpenAPI document is
// converted once here; a defect in it, or a route without a policy, is a
// programming error and panics at start-up rather than on a later request.
func New(a *app.App, opt Options) http.Handler {
	return newServer(a, opt).routes()
}

func newServer(a *app.App, opt Options) *server {
	log := opt.Log
	if log == nil {
		log = slog.Default()
	}
	spec, err := specJSON(openapiYAML)
	if err != nil {
		panic("api: openapi.yaml: " + err.Error())
	}
	n := opt.MaxInFlight
	if n <= 0 {
		e := store.Postgres // the tighter bound, when there is no store (tests of the document)
		if a != nil && a.Store != nil {
			e = a.Store.Engine()
		}
		n = DefaultMaxInFlight(e)
	}
	return &server{app: a, log: log, spec: spec, slots: make(chan struct{}, n)}
}
