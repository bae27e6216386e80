package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"

	"asah/internal/app"
	"asah/internal/store"
)

// The routes of the learning administration and the partners in the
// authorization matrix (TestAuthorizationMatrix asks ladmCases after
// learningCases): every role, anonymous included, against objects of the
// mitra's own institution and of another one. The forms are filled so that
// nothing changes: blank forms, a status that does not exist, a session
// saved with no marks, an event that has not started, a revocation without
// a reason.

// ladmMatrixObjects are the records the matrix uses, made once per matrix.
type ladmMatrixObjects struct {
	f *ladmFix
	// Open events (not running) of each institution: completing them is
	// refused, so the matrix changes nothing.
	openOwn, openOther string
}

var ladmMatrixMade sync.Map // *matrix → *ladmMatrixObjects

func (m *matrix) ladmObjects(t *testing.T) *ladmMatrixObjects {
	t.Helper()
	if o, ok := ladmMatrixMade.Load(m); ok {
		return o.(*ladmMatrixObjects)
	}
	o := &ladmMatrixObjects{f: newLadmFix(t, m.st, m.P, m.X)}
	o.openOwn = ladmEvent(t, m.st, o.f.progOwn, "UJI-ITB-M")
	o.openOther = ladmEvent(t, m.st, o.f.progOther, "UJI-LAIN-M")
	// The participants of its own events are the employees a mitra sees.
	rows, err := m.st.s.Enrollments(context.Background(), store.EnrollmentQuery{ProviderID: o.f.own.ID})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		first := strings.Fields(r.Name)[0]
		names := m.forbidden[app.RoleMitra][first]
		kept := names[:0]
		for _, n := range names {
			if n != r.Name {
				kept = append(kept, n)
			}
		}
		m.forbidden[app.RoleMitra][first] = kept
	}
	ladmMatrixMade.Store(m, o)
	return o
}

// ladmCases expands a route of the learning administration and the
// partner pages; ok is false for every other route.
func (m *matrix) ladmCases(t *testing.T, pattern string, role app.Role, deny int) ([]matrixCase, bool) {
	if !ladmRoutes()[pattern] {
		return nil, false
	}
	method, path, _ := strings.Cut(pattern, " ")
	o := m.ladmObjects(t)
	f := o.f
	c := func(name, p string, want int, form url.Values) matrixCase {
		if deny != 0 {
			want = deny
		}
		if form == nil && method == http.MethodPost {
			form = url.Values{}
		}
		return matrixCase{name: name, method: method, path: p, want: want, form: form}
	}
	// other is the status for another institution's object: 404 for the
	// mitra, ok for everyone else.
	other := func(ok int) int {
		if role == app.RoleMitra {
			return http.StatusNotFound
		}
		return ok
	}
	code := func(v string) string { return strings.Replace(path, "{code}", v, 1) }
	id := func(v int64) string { return strings.Replace(path, "{id}", strconv.FormatInt(v, 10), 1) }
	var out []matrixCase
	switch pattern {
	case "GET /learning/programs/new", "GET /partners":
		out = []matrixCase{c("page", path, 200, nil)}
	case "POST /learning/programs", "POST /partners":
		out = []matrixCase{c("blank", path, 422, nil)}
	case "GET /learning/programs/{code}/edit", "GET /learning/programs/{code}/evaluation":
		out = []matrixCase{c("own", code(f.progOwn), 200, nil), c("other", code(f.progOther), other(200), nil),
			c("missing", code("NO-SUCH"), 404, nil)}
	case "POST /learning/programs/{code}", "POST /learning/programs/{code}/events":
		out = []matrixCase{c("own blank", code(f.progOwn), 422, nil), c("other blank", code(f.progOther), other(422), nil),
			c("missing", code("NO-SUCH"), 404, nil)}
	case "POST /learning/events/{code}":
		bogus := url.Values{"action": {"status"}, "status": {"selesai-tidak-ada"}}
		out = []matrixCase{c("own unknown status", code(f.evOwn), 422, bogus), c("other unknown status", code(f.evOther), other(422), bogus),
			c("missing", code("NO-SUCH"), 404, bogus)}
	case "GET /learning/events/{code}/manage", "GET /learning/events/{code}/attendance":
		out = []matrixCase{c("own", code(f.evOwn), 200, nil), c("other", code(f.evOther), other(200), nil),
			c("missing", code("NO-SUCH"), 404, nil)}
	case "POST /learning/events/{code}/attendance":
		none := url.Values{"action": {"session"}, "session": {"1"}} // no marks: nothing changes
		out = []matrixCase{c("own", code(f.evOwn), 303, none), c("other", code(f.evOther), other(303), none),
			c("missing", code("NO-SUCH"), 404, none)}
	case "POST /learning/events/{code}/complete":
		// Not running yet: refused, for the agency admin as for the rest.
		out = []matrixCase{c("own open", code(o.openOwn), 409, nil), c("other open", code(o.openOther), other(409), nil)}
	case "POST /learning/enrollments/{id}/certificate/revoke":
		out = []matrixCase{c("X in own event", id(f.enrOwnX), 422, nil), c("P in other event", id(f.enrOtherP), 422, nil),
			c("missing", id(987654321), 404, nil)}
	case "GET /partners/{code}":
		out = []matrixCase{c("own", code(f.own.Code), 200, nil), c("other", code(f.other.Code), other(200), nil),
			c("missing", code("NO-SUCH"), 404, nil)}
	case "POST /partners/{code}/agreements":
		out = []matrixCase{c("own blank", code(f.own.Code), 422, nil), c("other blank", code(f.other.Code), 422, nil),
			c("missing", code("NO-SUCH"), 404, nil)}
	case "GET /partners/agreements/{id}/document.pdf":
		out = []matrixCase{c("own", id(f.agrOwn), 200, nil), c("other", id(f.agrOther), other(200), nil),
			c("missing", id(987654321), 404, nil)}
	default:
		t.Errorf("the matrix does not know how to fill %s", pattern)
	}
	return out, true
}

// ladmRoutes are the patterns of routes_learning_admin.go.
var ladmRoutes = sync.OnceValue(func() map[string]bool {
	out := map[string]bool{}
	newServer(nil, Options{}).learningAdminRoutes(func(p string, _ http.Handler) { out[p] = true })
	return out
})
