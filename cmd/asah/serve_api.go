package main

import (
	"log/slog"
	"net/http"

	"asah/internal/api"
	"asah/internal/app"
)

// withAPI serves the JSON API under /api/v1/ beside the web site: the API
// has its own authentication (bearer tokens), errors and headers, so it is
// mounted before the site's session and CSRF middleware, not inside it.
func withAPI(a *app.App, log *slog.Logger, site http.Handler) http.Handler {
	mux := http.NewServeMux()
	mux.Handle(api.Prefix+"/", api.New(a, api.Options{Log: log}))
	mux.Handle("/", site)
	return mux
}
