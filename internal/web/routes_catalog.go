package web

import "net/http"

// catalogRoutes registers the catalog pages: the unit tree, the competency
// dictionary, positions with their standards, and the audit trail. routes()
// calls it with its handle, which looks each pattern up in app.RoutePolicy
// and authenticates; the handlers and the use cases they call then apply the
// actor's scope.
func (s *server) catalogRoutes(handle func(pattern string, h http.Handler)) {
	handle("GET /units", s.catalogUnits())

	handle("GET /competencies", s.catalogDictionary())
	handle("GET /competencies/new", s.catalogNewForm())
	handle("POST /competencies", s.catalogCreate())
	handle("GET /competencies/{code}", s.catalogEntry())
	handle("GET /competencies/{code}/edit", s.catalogEditForm())
	handle("POST /competencies/{code}", s.catalogUpdate())

	handle("GET /positions", s.catalogPositions())
	handle("GET /positions/{code}", s.catalogPosition())
	handle("POST /positions/{code}/standard", s.catalogSaveStandard())

	handle("GET /audit", s.catalogAudit())
	if catalogAuditPostable() {
		// The filter form posts the target (it may be a NIP); see catalog_audit.go.
		handle(catalogAuditPost, s.catalogAuditSearch())
	}
}
