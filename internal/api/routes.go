package api

import (
	"fmt"
	"net/http"
	"strings"

	"asah/internal/app"
)

// apiHandler answers one route for an authenticated (or, on public routes,
// anonymous) actor; an error is written by fail.
type apiHandler func(w http.ResponseWriter, r *http.Request, actor app.Actor) error

// routes lists every URL of the API in one place. Each goes through handle,
// which takes its permission from app.RoutePolicy.
func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	s.patterns = nil
	handle := func(pattern string, h apiHandler) { s.handle(mux, pattern, h) }

	handle("GET /api/v1/openapi.json", s.handleOpenAPI())
	handle("GET /api/v1/units", s.handleUnits())
	handle("GET /api/v1/positions", s.handlePositions())
	handle("GET /api/v1/positions/{code}", s.handlePosition())
	handle("GET /api/v1/competencies", s.handleCompetencies())
	handle("GET /api/v1/employees", s.handleEmployees())
	handle("GET /api/v1/employees/{nip}", s.handleEmployee())
	handle("GET /api/v1/employees/{nip}/gaps", s.handleEmployeeGaps())
	handle("GET /api/v1/employees/{nip}/assessments", s.handleEmployeeAssessments())
	handle("POST /api/v1/assessments", s.handleCreateAssessment())

	// Performance (SKP), talent 9-box and succession, development plans.
	handle("GET /api/v1/performance/periods/{year}", s.handlePeriods())
	handle("POST /api/v1/performance/periods", s.handleOpenYear())
	handle("PUT /api/v1/performance/periods/{year}/{seq}", s.handlePeriodStatus())
	handle("GET /api/v1/performance/predikat", s.handlePredikat())
	handle("GET /api/v1/employees/{nip}/skp/{year}", s.handleSKP())
	handle("POST /api/v1/employees/{nip}/skp/{year}", s.handleCreateSKP())
	handle("PUT /api/v1/employees/{nip}/skp/{year}/plan", s.handleSKPPlan())
	handle("POST /api/v1/employees/{nip}/skp/{year}/agree", s.handleSKPAgree())
	handle("POST /api/v1/employees/{nip}/skp/{year}/revise", s.handleSKPRevise())
	handle("POST /api/v1/employees/{nip}/skp/{year}/feedback", s.handleSKPFeedback())
	handle("POST /api/v1/employees/{nip}/skp/{year}/evaluations", s.handleSKPEvaluate())
	handle("POST /api/v1/employees/{nip}/skp/{year}/evaluations/{seq}/acknowledge", s.handleSKPAcknowledge())
	handle("GET /api/v1/talent/ninebox", s.handleNineBox())
	handle("GET /api/v1/employees/{nip}/talent", s.handleEmployeeTalent())
	handle("PUT /api/v1/employees/{nip}/talent", s.handleReviewTalent())
	handle("GET /api/v1/succession", s.handleSuccession())
	handle("GET /api/v1/employees/{nip}/idp/{year}", s.handleIDP())
	handle("GET /api/v1/employees/{nip}/idp/{year}/proposal", s.handleIDPProposal())
	handle("POST /api/v1/employees/{nip}/idp/{year}", s.handleCreateIDP())
	handle("PUT /api/v1/employees/{nip}/idp/{year}/items", s.handleIDPItems())
	handle("POST /api/v1/employees/{nip}/idp/{year}/submit", s.handleSubmitIDP())
	handle("POST /api/v1/employees/{nip}/idp/{year}/decision", s.handleDecideIDP())
	handle("PUT /api/v1/employees/{nip}/idp/{year}/items/{item}/progress", s.handleIDPProgress())

	// Learning: catalogue, events, enrollment, attendance and completion,
	// certificates, evaluation, the JP ledger and claims, partners.
	handle("GET /api/v1/programs", s.handlePrograms())
	handle("POST /api/v1/programs", s.handleCreateProgram())
	handle("GET /api/v1/programs/{code}", s.handleProgram())
	handle("PUT /api/v1/programs/{code}", s.handleUpdateProgram())
	handle("GET /api/v1/programs/{code}/evaluation", s.handleProgramEvaluation())
	handle("GET /api/v1/events", s.handleEvents())
	handle("POST /api/v1/events", s.handleCreateEvent())
	handle("GET /api/v1/events/{code}", s.handleEvent())
	handle("PUT /api/v1/events/{code}", s.handleUpdateEvent())
	handle("PUT /api/v1/events/{code}/status", s.handleEventStatus())
	handle("POST /api/v1/events/{code}/registrations", s.handleRegister())
	handle("POST /api/v1/events/{code}/nominations", s.handleNominate())
	handle("POST /api/v1/events/{code}/invitations", s.handleInviteNominees())
	handle("GET /api/v1/events/{code}/enrollments", s.handleParticipants())
	handle("PUT /api/v1/events/{code}/attendance", s.handleAttendance())
	handle("POST /api/v1/events/{code}/completion", s.handleCompleteEvent())
	handle("POST /api/v1/events/{code}/survey", s.handleSurvey())
	handle("POST /api/v1/enrollments/{id}/decision", s.handleDecideEnrollment())
	handle("POST /api/v1/enrollments/{id}/response", s.handleRespondEnrollment())
	handle("POST /api/v1/enrollments/{id}/cancel", s.handleCancelEnrollment())
	handle("PUT /api/v1/enrollments/{id}/scores", s.handleScores())
	handle("POST /api/v1/enrollments/{id}/completion", s.handleCompleteEnrollment())
	handle("GET /api/v1/enrollments/{id}/certificate", s.handleCertificate())
	handle("GET /api/v1/enrollments/{id}/evaluation", s.handleEnrollmentEvaluation())
	handle("POST /api/v1/enrollments/{id}/follow-up", s.handleFollowUp())
	handle("GET /api/v1/employees/{nip}/enrollments", s.handleEmployeeEnrollments())
	handle("GET /api/v1/employees/{nip}/jp/{year}", s.handleJPLedger())
	handle("GET /api/v1/employees/{nip}/claims", s.handleEmployeeClaims())
	handle("GET /api/v1/units/{code}/jp/{year}", s.handleUnitJP())
	handle("GET /api/v1/team/jp/{year}", s.handleTeamJP())
	handle("POST /api/v1/claims", s.handleSubmitClaim())
	handle("GET /api/v1/claims/{id}", s.handleClaim())
	handle("POST /api/v1/claims/{id}/decision", s.handleDecideClaim())
	handle("GET /api/v1/certificates/{code}/verification", s.handleVerifyCertificate())
	handle("GET /api/v1/partners", s.handlePartners())
	handle("GET /api/v1/partners/{code}", s.handlePartner())
	handle("GET /api/v1/agreements", s.handleAgreements())

	// Anything else under the prefix: a JSON 404 or 405, never the web
	// surface's HTML.
	mux.Handle(Prefix+"/", s.handleUnknown(mux))
	return s.headers(s.admit(mux))
}

// admit serves at most cap(s.slots) requests at once. Waiting goroutines
// are woken in the order they arrived (a channel's send queue is FIFO); a
// client that gives up while waiting is dropped.
func (s *server) admit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case s.slots <- struct{}{}:
		case <-r.Context().Done():
			return
		}
		defer func() { <-s.slots }()
		next.ServeHTTP(w, r)
	})
}

// handle registers a route with the permission app.RoutePolicy gives it; a
// route without an entry is a programming error and panics at start-up.
// Public routes run for anyone; every other route needs a valid bearer
// token and the permission (the app then limits rows and objects to the
// caller's scope).
func (s *server) handle(mux *http.ServeMux, pattern string, h apiHandler) {
	perm, ok := app.PolicyFor(pattern)
	if !ok {
		panic("api: route " + pattern + " has no entry in app.RoutePolicy")
	}
	s.patterns = append(s.patterns, pattern)
	mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var actor app.Actor
		if perm != app.PermPublic {
			var err error
			if actor, err = s.authenticate(r); err != nil {
				s.fail(w, r, err)
				return
			}
			if !actor.Can(perm) {
				s.fail(w, r, &httpError{status: http.StatusForbidden, code: codeForbidden,
					message: "Anda tidak berwenang mengakses sumber daya ini"})
				return
			}
		}
		if err := h(w, r, actor); err != nil {
			s.fail(w, r, err)
		}
	}))
}

// handleUnknown answers a path no route matches: 405 with Allow when the
// path exists for another method, 404 otherwise.
func (s *server) handleUnknown(mux *http.ServeMux) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var allow []string
		for _, m := range []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
			if m == r.Method {
				continue
			}
			probe := r.Clone(r.Context())
			probe.Method = m
			if _, p := mux.Handler(probe); p != "" && p != Prefix+"/" {
				allow = append(allow, m)
			}
		}
		if len(allow) > 0 {
			w.Header().Set("Allow", strings.Join(allow, ", "))
			writeError(w, http.StatusMethodNotAllowed, codeMethodNotAllowed, "metode "+r.Method+" tidak didukung untuk alamat ini", nil)
			return
		}
		writeError(w, http.StatusNotFound, codeNotFound, "alamat API tidak ditemukan", nil)
	})
}

// headers sets what every API response carries: JSON is never sniffed as
// something else, and personal data is never cached (the OpenAPI handler
// relaxes the cache rule for itself).
func (s *server) headers(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Type", "application/json; charset=utf-8")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
		h.Set("Referrer-Policy", "no-referrer")
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.log.Error("api: panic", "route", r.Pattern, "panic", redact(fmt.Sprint(v)))
				writeError(w, http.StatusInternalServerError, codeInternal, "Terjadi kesalahan pada server. Silakan coba lagi nanti.", nil)
			}
		}()
		next.ServeHTTP(w, r)
	})
}
