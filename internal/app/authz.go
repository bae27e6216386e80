package app

import (
	"context"
	"fmt"
)

// Role is what a user account may do; scope comes with it.
type Role string

const (
	RoleAdminBKPSDM Role = "admin_bkpsdm" // everything, city-wide
	RoleAdminOPD    Role = "admin_opd"    // people and data of its unit and the units below
	RoleAtasan      Role = "atasan"       // self plus direct and indirect subordinates; rates them
	RolePegawai     Role = "pegawai"      // self only
	RolePimpinan    Role = "pimpinan"     // city-wide, read-only
	RoleMitra       Role = "mitra"        // own institution's learning events only
)

// Roles lists every role, for validation and the authorization matrix.
var Roles = []Role{RoleAdminBKPSDM, RoleAdminOPD, RoleAtasan, RolePegawai, RolePimpinan, RoleMitra}

// ParseRole accepts a role name.
func ParseRole(s string) (Role, error) {
	for _, r := range Roles {
		if string(r) == s {
			return r, nil
		}
	}
	return "", Invalid(fmt.Sprintf("peran %q tidak dikenal (pilih: admin_bkpsdm, admin_opd, atasan, pegawai, pimpinan, mitra)", s))
}

// Actor is the authenticated caller of a use case. It is rebuilt from the
// database on every request, so a change of role or unit takes effect at the
// caller's next request.
type Actor struct {
	UserID     int64
	Name       string
	Role       Role
	UnitID     int64  // admin_opd: root of its scope
	UnitCode   string // admin_opd: root of its scope
	EmployeeID int64  // the account's own employee record (0 when none)
	NIP        string
	Partner    string // mitra: institution
	// HasSubordinates is true when the account's employee supervises anyone:
	// such an employee acts as atasan whatever the stored role.
	HasSubordinates bool
}

// System is the actor for the CLI and start-up jobs run by the operator.
var System = Actor{Name: "system", Role: RoleAdminBKPSDM}

// Label names the actor in the audit trail.
func (a Actor) Label() string {
	if a.UserID == 0 {
		return a.Name
	}
	return fmt.Sprintf("user:%d", a.UserID)
}

// Permission is what a route or use case needs.
type Permission string

const (
	PermPublic          Permission = "public"           // no login: login page, health, static, language
	PermAuthenticated   Permission = "authenticated"    // any logged-in user: dashboard, logout, own profile
	PermUnitRead        Permission = "unit.read"        // org units and the unit tree
	PermEmployeeList    Permission = "employee.list"    // employee lists (rows limited to scope)
	PermEmployeeRead    Permission = "employee.read"    // one employee's profile, gaps, assessments (in scope)
	PermEmployeeExport  Permission = "employee.export"  // CSV/XLSX export of a list
	PermAssessmentWrite Permission = "assessment.write" // record an assessment (source rules per role)
	PermCompetencyRead  Permission = "competency.read"  // the dictionary
	PermCompetencyEdit  Permission = "competency.edit"  // edit levels, add technical competencies
	PermPositionRead    Permission = "position.read"    // positions and their standards
	PermStandardEdit    Permission = "standard.edit"    // change required levels
	PermAuditRead       Permission = "audit.read"       // the audit trail

	// Performance (SKP), talent and development (issue 4). Relationship
	// rules (only the rater rates, only the employee acknowledges, the
	// direct supervisor approves an IDP) are checked by the use cases.
	PermSKPRead           Permission = "skp.read"           // an SKP with its evaluations (in scope)
	PermSKPWrite          Permission = "skp.write"          // create, plan, agree, revise, feedback, acknowledge
	PermSKPRate           Permission = "skp.rate"           // evaluate: the rater (direct supervisor) or an admin
	PermPeriodManage      Permission = "skp.period"         // open a performance year, open and close its periods
	PermPerformanceReport Permission = "performance.report" // predikat distribution per unit and city-wide
	PermTalentRead        Permission = "talent.read"        // the 9-box grid (names within scope)
	PermTalentReview      Permission = "talent.review"      // confirm or override a placement, record potential scores
	PermSuccessionRead    Permission = "talent.succession"  // succession lists of key positions
	PermIDPRead           Permission = "idp.read"           // a development plan and its proposal (in scope)
	PermIDPWrite          Permission = "idp.write"          // create, edit, submit a plan; item progress
	PermIDPApprove        Permission = "idp.approve"        // approve or return a plan (direct supervisor, admin)
	PermTalentConfig      Permission = "talent.config"      // the talent and development policies (bands, weights, JP)

	// Learning (issue 5): partners, catalogue, events, enrollment, JP,
	// certificates, evaluation. A mitra's rows are limited to its own
	// institution by the use cases; employees' rows by ScopeOf.
	PermPartnerRead      Permission = "partner.read"      // partners and cooperation agreements
	PermPartnerManage    Permission = "partner.manage"    // add and edit partners and agreements, upload the PDF
	PermLearningRead     Permission = "learning.read"     // the catalogue and events
	PermLearningManage   Permission = "learning.manage"   // programs and events (mitra: own institution)
	PermEnrollSelf       Permission = "enroll.self"       // register oneself, accept or decline an invitation
	PermEnrollNominate   Permission = "enroll.nominate"   // nominate employees in scope
	PermEnrollApprove    Permission = "enroll.approve"    // approve a self-registration (direct supervisor, admin)
	PermAttendanceWrite  Permission = "attendance.write"  // attendance, tests, completion (mitra: own events)
	PermJPRead           Permission = "jp.read"           // JP progress (rows limited to scope)
	PermJPClaim          Permission = "jp.claim"          // claim external learning with evidence
	PermJPApprove        Permission = "jp.approve"        // approve or reject a claim (direct supervisor, admin)
	PermEvaluationWrite  Permission = "evaluation.write"  // reaction survey (attendee), follow-up (supervisor)
	PermEvaluationReport Permission = "evaluation.report" // per-program evaluation results
	PermCertificateRead  Permission = "certificate.read"  // download a certificate (own or in scope)
	PermCertificateAdmin Permission = "certificate.admin" // revoke a certificate
)

// grants lists the permissions of each role. Scope (which rows) is decided
// separately by ScopeOf.
var grants = map[Role][]Permission{
	RoleAdminBKPSDM: {PermAuthenticated, PermUnitRead, PermEmployeeList, PermEmployeeRead, PermEmployeeExport,
		PermAssessmentWrite, PermCompetencyRead, PermCompetencyEdit, PermPositionRead, PermStandardEdit, PermAuditRead,
		PermSKPRead, PermSKPWrite, PermSKPRate, PermPeriodManage, PermPerformanceReport, PermTalentRead, PermTalentReview,
		PermSuccessionRead, PermIDPRead, PermIDPWrite, PermIDPApprove, PermTalentConfig,
		PermPartnerRead, PermPartnerManage, PermLearningRead, PermLearningManage, PermEnrollSelf, PermEnrollNominate, PermEnrollApprove, PermAttendanceWrite, PermJPRead, PermJPClaim, PermJPApprove, PermEvaluationWrite, PermEvaluationReport, PermCertificateRead, PermCertificateAdmin},
	RoleAdminOPD: {PermAuthenticated, PermUnitRead, PermEmployeeList, PermEmployeeRead, PermEmployeeExport,
		PermAssessmentWrite, PermCompetencyRead, PermPositionRead,
		PermSKPRead, PermSKPWrite, PermSKPRate, PermPerformanceReport, PermTalentRead, PermTalentReview, PermSuccessionRead,
		PermIDPRead, PermIDPWrite, PermIDPApprove,
		PermPartnerRead, PermLearningRead, PermEnrollSelf, PermEnrollNominate, PermEnrollApprove, PermAttendanceWrite, PermJPRead, PermJPClaim, PermJPApprove, PermEvaluationWrite, PermEvaluationReport, PermCertificateRead},
	RoleAtasan: {PermAuthenticated, PermUnitRead, PermEmployeeList, PermEmployeeRead, PermAssessmentWrite,
		PermCompetencyRead, PermPositionRead,
		PermSKPRead, PermSKPWrite, PermSKPRate, PermPerformanceReport, PermTalentRead, PermIDPRead, PermIDPWrite, PermIDPApprove,
		PermLearningRead, PermEnrollSelf, PermEnrollNominate, PermEnrollApprove, PermJPRead, PermJPClaim, PermJPApprove, PermEvaluationWrite, PermCertificateRead},
	RolePegawai: {PermAuthenticated, PermUnitRead, PermEmployeeList, PermEmployeeRead, PermAssessmentWrite,
		PermCompetencyRead, PermPositionRead,
		PermSKPRead, PermSKPWrite, PermSKPRate, PermPerformanceReport, PermTalentRead, PermIDPRead, PermIDPWrite, PermIDPApprove,
		PermLearningRead, PermEnrollSelf, PermEnrollNominate, PermEnrollApprove, PermJPRead, PermJPClaim, PermJPApprove, PermEvaluationWrite, PermCertificateRead},
	RolePimpinan: {PermAuthenticated, PermUnitRead, PermEmployeeList, PermEmployeeRead, PermEmployeeExport,
		PermCompetencyRead, PermPositionRead,
		PermSKPRead, PermPerformanceReport, PermTalentRead, PermSuccessionRead, PermIDPRead,
		PermPartnerRead, PermLearningRead, PermJPRead, PermEvaluationReport},
	RoleMitra: {PermAuthenticated, PermCompetencyRead,
		PermPartnerRead, PermLearningRead, PermLearningManage, PermAttendanceWrite, PermEvaluationReport},
}

// Can reports whether an actor holds a permission.
func (a Actor) Can(p Permission) bool {
	if p == PermPublic {
		return true
	}
	if a.Role == "" {
		return false
	}
	for _, g := range grants[a.Role] {
		if g == p {
			return true
		}
	}
	return false
}

// Require returns a forbidden error unless the actor holds p.
func (a Actor) Require(p Permission) error {
	if a.Can(p) {
		return nil
	}
	return &Error{Code: CodeForbidden, Message: "Anda tidak berwenang melakukan tindakan ini"}
}

// RoutePolicy maps every route pattern of the web UI and the API (as
// registered on the ServeMux, e.g. "GET /employees/{nip}") to the permission
// it needs. Surfaces register routes through it; a test fails when a route
// has no entry, so a new route cannot be added without a decision here.
var RoutePolicy = map[string]Permission{
	// Web UI
	"GET /healthz":                    PermPublic,
	"GET /readyz":                     PermPublic,
	"GET /static/{file}":              PermPublic,
	"GET /lang/{code}":                PermPublic,
	"GET /login":                      PermPublic,
	"POST /login":                     PermPublic,
	"POST /logout":                    PermAuthenticated,
	"GET /{$}":                        PermAuthenticated,
	"GET /units":                      PermUnitRead,
	"GET /units/{code}":               PermUnitRead,
	"GET /employees":                  PermEmployeeList,
	"POST /employees/search":          PermEmployeeList, // the search term travels in the body, never the URL
	"GET /employees/export.csv":       PermEmployeeExport,
	"GET /employees/export.xlsx":      PermEmployeeExport,
	"GET /employees/{nip}":            PermEmployeeRead,
	"GET /employees/{nip}/assess":     PermAssessmentWrite,
	"POST /employees/{nip}/assess":    PermAssessmentWrite,
	"GET /competencies":               PermCompetencyRead,
	"GET /competencies/new":           PermCompetencyEdit,
	"POST /competencies":              PermCompetencyEdit,
	"GET /competencies/{code}":        PermCompetencyRead,
	"GET /competencies/{code}/edit":   PermCompetencyEdit,
	"POST /competencies/{code}":       PermCompetencyEdit,
	"GET /positions":                  PermPositionRead,
	"GET /positions/{code}":           PermPositionRead,
	"POST /positions/{code}/standard": PermStandardEdit,
	"GET /audit":                      PermAuditRead,
	"POST /audit":                     PermAuditRead, // filters by NIP travel in the body, never the URL
	"GET /account":                    PermAuthenticated,
	"POST /account/password":          PermAuthenticated,
	"POST /account/totp":              PermAuthenticated,

	// Performance (SKP), development plans, talent (issue 4). The year is a
	// query parameter (?year=2026) on the pages.
	"GET /employees/{nip}/skp":              PermSKPRead,
	"POST /employees/{nip}/skp":             PermSKPWrite, // create the year's SKP
	"POST /employees/{nip}/skp/plan":        PermSKPWrite,
	"POST /employees/{nip}/skp/agree":       PermSKPWrite,
	"POST /employees/{nip}/skp/revise":      PermSKPWrite,
	"POST /employees/{nip}/skp/feedback":    PermSKPWrite,
	"POST /employees/{nip}/skp/evaluate":    PermSKPRate,
	"POST /employees/{nip}/skp/acknowledge": PermSKPWrite,
	"GET /performance":                      PermPerformanceReport, // periods and predikat distribution
	"POST /performance/periods":             PermPeriodManage,      // open a year
	"POST /performance/periods/status":      PermPeriodManage,      // open or close one period
	"GET /employees/{nip}/idp":              PermIDPRead,
	"POST /employees/{nip}/idp":             PermIDPWrite, // create the plan from the proposal
	"POST /employees/{nip}/idp/items":       PermIDPWrite,
	"POST /employees/{nip}/idp/submit":      PermIDPWrite,
	"POST /employees/{nip}/idp/decide":      PermIDPApprove,
	"POST /employees/{nip}/idp/progress":    PermIDPWrite,
	"GET /talent":                           PermTalentRead, // the 9-box grid, ?unit= and ?box=
	"POST /employees/{nip}/talent":          PermTalentReview,
	"GET /succession":                       PermSuccessionRead,

	// Learning (issue 5): employees and supervisors. Enrollments and claims
	// are named by their ID, programs and events by their code; the use
	// cases answer 404 outside the caller's scope. The two public pages
	// are reached by a certificate's QR code and a calendar application.
	"GET /learning":                                  PermLearningRead, // the catalogue; filters in the query
	"GET /learning/programs/{code}":                  PermLearningRead,
	"GET /learning/events/{code}":                    PermLearningRead,
	"GET /learning/events/{code}/calendar.ics":       PermLearningRead,
	"POST /learning/events/{code}/register":          PermEnrollSelf,
	"POST /learning/events/{code}/nominate":          PermEnrollNominate,
	"GET /learning/events/{code}/survey":             PermEvaluationWrite,
	"POST /learning/events/{code}/survey":            PermEvaluationWrite,
	"POST /learning/enrollments/{id}/respond":        PermEnrollSelf,
	"POST /learning/enrollments/{id}/cancel":         PermEnrollSelf,
	"POST /learning/enrollments/{id}/decide":         PermEnrollApprove,
	"POST /learning/enrollments/{id}/followup":       PermEvaluationWrite,
	"GET /learning/enrollments/{id}/certificate.pdf": PermCertificateRead,
	"GET /learning/mine":                             PermLearningRead, // ?year=
	"POST /learning/claims":                          PermJPClaim,
	"GET /learning/claims/{id}/evidence":             PermJPRead,
	"POST /learning/claims/{id}/decide":              PermJPApprove,
	"POST /learning/calendar-token":                  PermLearningRead,
	"GET /learning/approvals":                        PermEnrollApprove,
	"GET /learning/jp":                               PermJPRead, // ?unit=, ?year=, ?sort=
	"GET /learning/jp/export.csv":                    PermJPRead,
	"GET /verifikasi/{code}":                         PermPublic, // four fields of a certificate, nothing more
	"GET /kalender/{token}":                          PermPublic, // the token is the secret

	// Learning (issue 5): administration and partners. Programs and events
	// are managed by BKPSDM or the provider's own mitra; attendance by them
	// and, for the participants in its scope, an agency admin. Another
	// institution's program or event answers 404 to a mitra.
	"GET /learning/programs/new":                         PermLearningManage,
	"POST /learning/programs":                            PermLearningManage,
	"GET /learning/programs/{code}/edit":                 PermLearningManage,
	"POST /learning/programs/{code}":                     PermLearningManage,
	"POST /learning/programs/{code}/events":              PermLearningManage,
	"POST /learning/events/{code}":                       PermLearningManage, // edit, status, invite the nominees
	"GET /learning/events/{code}/manage":                 PermAttendanceWrite,
	"GET /learning/events/{code}/attendance":             PermAttendanceWrite,
	"POST /learning/events/{code}/attendance":            PermAttendanceWrite,
	"POST /learning/events/{code}/complete":              PermAttendanceWrite,
	"GET /learning/programs/{code}/evaluation":           PermEvaluationReport,
	"POST /learning/enrollments/{id}/certificate/revoke": PermCertificateAdmin,
	"GET /partners":                                      PermPartnerRead,
	"POST /partners":                                     PermPartnerManage,
	"GET /partners/{code}":                               PermPartnerRead,
	"POST /partners/{code}/agreements":                   PermPartnerManage, // multipart: the PDF travels with the form
	"GET /partners/agreements/{id}/document.pdf":         PermPartnerRead,

	// JSON API
	"GET /api/v1/openapi.json":                PermPublic,
	"GET /api/v1/units":                       PermUnitRead,
	"GET /api/v1/positions":                   PermPositionRead,
	"GET /api/v1/positions/{code}":            PermPositionRead,
	"GET /api/v1/competencies":                PermCompetencyRead,
	"GET /api/v1/employees":                   PermEmployeeList,
	"GET /api/v1/employees/{nip}":             PermEmployeeRead,
	"GET /api/v1/employees/{nip}/gaps":        PermEmployeeRead,
	"GET /api/v1/employees/{nip}/assessments": PermEmployeeRead,
	"POST /api/v1/assessments":                PermAssessmentWrite,

	"GET /api/v1/performance/periods/{year}":                                PermSKPRead,
	"POST /api/v1/performance/periods":                                      PermPeriodManage,
	"PUT /api/v1/performance/periods/{year}/{seq}":                          PermPeriodManage,
	"GET /api/v1/performance/predikat":                                      PermPerformanceReport,
	"GET /api/v1/employees/{nip}/skp/{year}":                                PermSKPRead,
	"POST /api/v1/employees/{nip}/skp/{year}":                               PermSKPWrite,
	"PUT /api/v1/employees/{nip}/skp/{year}/plan":                           PermSKPWrite,
	"POST /api/v1/employees/{nip}/skp/{year}/agree":                         PermSKPWrite,
	"POST /api/v1/employees/{nip}/skp/{year}/revise":                        PermSKPWrite,
	"POST /api/v1/employees/{nip}/skp/{year}/feedback":                      PermSKPWrite,
	"POST /api/v1/employees/{nip}/skp/{year}/evaluations":                   PermSKPRate,
	"POST /api/v1/employees/{nip}/skp/{year}/evaluations/{seq}/acknowledge": PermSKPWrite,
	"GET /api/v1/talent/ninebox":                                            PermTalentRead,
	"GET /api/v1/employees/{nip}/talent":                                    PermTalentRead,
	"PUT /api/v1/employees/{nip}/talent":                                    PermTalentReview,
	"GET /api/v1/succession":                                                PermSuccessionRead,
	"GET /api/v1/employees/{nip}/idp/{year}":                                PermIDPRead,
	"GET /api/v1/employees/{nip}/idp/{year}/proposal":                       PermIDPRead,
	"POST /api/v1/employees/{nip}/idp/{year}":                               PermIDPWrite,
	"PUT /api/v1/employees/{nip}/idp/{year}/items":                          PermIDPWrite,
	"POST /api/v1/employees/{nip}/idp/{year}/submit":                        PermIDPWrite,
	"POST /api/v1/employees/{nip}/idp/{year}/decision":                      PermIDPApprove,
	"PUT /api/v1/employees/{nip}/idp/{year}/items/{item}/progress":          PermIDPWrite,

	// Learning (issue 5). A mitra's programs, events and enrollments are
	// limited to its own institution by the use cases; the certificate
	// verification is public and tells four fields only.
	"GET /api/v1/programs":                         PermLearningRead,
	"POST /api/v1/programs":                        PermLearningManage,
	"GET /api/v1/programs/{code}":                  PermLearningRead,
	"PUT /api/v1/programs/{code}":                  PermLearningManage,
	"GET /api/v1/programs/{code}/evaluation":       PermEvaluationReport,
	"GET /api/v1/events":                           PermLearningRead,
	"POST /api/v1/events":                          PermLearningManage,
	"GET /api/v1/events/{code}":                    PermLearningRead,
	"PUT /api/v1/events/{code}":                    PermLearningManage,
	"PUT /api/v1/events/{code}/status":             PermLearningManage,
	"POST /api/v1/events/{code}/registrations":     PermEnrollSelf,
	"POST /api/v1/events/{code}/nominations":       PermEnrollNominate,
	"POST /api/v1/events/{code}/invitations":       PermLearningManage,
	"GET /api/v1/events/{code}/enrollments":        PermLearningRead,
	"PUT /api/v1/events/{code}/attendance":         PermAttendanceWrite,
	"POST /api/v1/events/{code}/completion":        PermAttendanceWrite,
	"POST /api/v1/events/{code}/survey":            PermEvaluationWrite,
	"POST /api/v1/enrollments/{id}/decision":       PermEnrollApprove,
	"POST /api/v1/enrollments/{id}/response":       PermEnrollSelf,
	"POST /api/v1/enrollments/{id}/cancel":         PermEnrollSelf,
	"PUT /api/v1/enrollments/{id}/scores":          PermAttendanceWrite,
	"POST /api/v1/enrollments/{id}/completion":     PermAttendanceWrite,
	"GET /api/v1/enrollments/{id}/certificate":     PermCertificateRead,
	"GET /api/v1/enrollments/{id}/evaluation":      PermEvaluationWrite,
	"POST /api/v1/enrollments/{id}/follow-up":      PermEvaluationWrite,
	"GET /api/v1/employees/{nip}/enrollments":      PermEmployeeRead,
	"GET /api/v1/employees/{nip}/jp/{year}":        PermJPRead,
	"GET /api/v1/employees/{nip}/claims":           PermJPRead,
	"GET /api/v1/units/{code}/jp/{year}":           PermJPRead,
	"GET /api/v1/team/jp/{year}":                   PermJPRead,
	"POST /api/v1/claims":                          PermJPClaim,
	"GET /api/v1/claims/{id}":                      PermJPRead,
	"POST /api/v1/claims/{id}/decision":            PermJPApprove,
	"GET /api/v1/certificates/{code}/verification": PermPublic,
	"GET /api/v1/partners":                         PermPartnerRead,
	"GET /api/v1/partners/{code}":                  PermPartnerRead,
	"GET /api/v1/agreements":                       PermPartnerRead,
}

// PolicyFor returns a route's permission; ok is false for an unknown route.
func PolicyFor(pattern string) (Permission, bool) {
	p, ok := RoutePolicy[pattern]
	return p, ok
}

// Scope says which employees an actor may see. Exactly one of the shapes
// applies: All; a unit subtree (UnitCode); or an employee (EmployeeID) with,
// when Team, everyone below them in the supervisor chain. The zero Scope sees
// nobody.
type Scope struct {
	All        bool
	UnitCode   string
	EmployeeID int64
	Team       bool
}

// ScopeOf is the one place that turns an actor into the rows it may see.
func ScopeOf(a Actor) Scope {
	switch a.Role {
	case RoleAdminBKPSDM, RolePimpinan:
		return Scope{All: true}
	case RoleAdminOPD:
		if a.UnitCode == "" {
			return Scope{}
		}
		return Scope{UnitCode: a.UnitCode}
	case RoleAtasan, RolePegawai:
		if a.EmployeeID == 0 {
			return Scope{}
		}
		return Scope{EmployeeID: a.EmployeeID, Team: a.HasSubordinates || a.Role == RoleAtasan}
	}
	return Scope{}
}

// errOutOfScope is what every out-of-scope lookup returns: the same 404 as a
// missing record, so that existence is not revealed.
func errOutOfScope(what string) error {
	return NotFound(fmt.Sprintf("%s tidak ditemukan", what))
}

var _ = context.Background
