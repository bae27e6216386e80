package api

import (
	"context"
	"fmt"
	"net/url"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
)

// learnObjects are the learning records the authorization matrix probes:
// a program and events of the mitra account's own institution (ITB) and of
// another partner, enrollments of an employee inside DLHK (staff) and of
// one outside (other), and a pending claim of each.
type learnObjects struct {
	own, other               string // partner codes
	ownOpen, ownRun, ownDraf string // events of ITB: open, running, draft
	otherOpen, otherDraft    string // events of the other partner
	staffOpen, staffRun      int64  // the staff's enrollments (pending; accepted in a running event)
	otherOpenE, otherRun     int64  // the other employee's (pending in the other partner's event; accepted)
	staffClaim, otherClaim   int64
}

// prepareLearning makes the records through the use cases. Every write
// probe of the matrix meets a stage that refuses it (409, or 422 on its
// input), so that no request changes them.
func (f *fixture) prepareLearning(t *testing.T) learnObjects {
	t.Helper()
	ctx := context.Background()
	a, admin := f.app, app.System
	o := learnObjects{own: f.itb().Code, other: f.otherPartner().Code}
	for _, p := range []struct{ code, provider string }{{"UJI-ITB-1", o.own}, {"UJI-LAIN-1", o.other}} {
		if _, err := a.CreateProgram(ctx, admin, app.ProgramInput{Code: p.code, Title: "Program " + p.code, JP: 24, Provider: p.provider,
			Form: "pelatihan_manajerial", Delivery: "tatap_muka", Targets: []app.TargetInput{{Competency: "M.4", Level: 3}}}); err != nil {
			t.Fatal(err)
		}
	}
	event := func(program, code, start, status string) {
		t.Helper()
		in := app.EventInput{Program: program, Code: code, Title: "Angkatan " + code, StartsOn: start, EndsOn: start, Place: "Aula", Capacity: 10,
			Sessions: []app.SessionInput{{StartsAt: start + "T08:00", EndsAt: start + "T12:00"}}}
		if len(start) > 10 { // a running event of five days
			in.StartsOn, in.EndsOn, in.Sessions = start[:10], start[11:], nil
			for d := 23; d <= 27; d++ {
				day := fmt.Sprintf("2026-11-%d", d)
				in.Sessions = append(in.Sessions, app.SessionInput{StartsAt: day + "T08:00", EndsAt: day + "T12:00"})
			}
		}
		if _, err := a.CreateEvent(ctx, admin, in); err != nil {
			t.Fatalf("event %s: %v", code, err)
		}
		if status == "open" {
			if _, err := a.SetEventStatus(ctx, admin, code, "open"); err != nil {
				t.Fatal(err)
			}
		}
	}
	o.ownOpen, o.ownRun, o.ownDraf, o.otherOpen, o.otherDraft = "UJI-ITB-1-A", "UJI-ITB-1-R", "UJI-ITB-1-D", "UJI-LAIN-1-A", "UJI-LAIN-1-D"
	event("UJI-ITB-1", o.ownOpen, "2026-12-07", "open")
	event("UJI-ITB-1", o.ownRun, "2026-11-23/2026-11-27", "open")
	event("UJI-ITB-1", o.ownDraf, "2026-12-14", "draft")
	event("UJI-LAIN-1", o.otherOpen, "2026-12-07", "open")
	event("UJI-LAIN-1", o.otherDraft, "2026-12-14", "draft")
	register := func(e int64, code string, approve bool) int64 {
		t.Helper()
		r, err := a.RegisterSelf(ctx, app.Actor{UserID: 9000 + e, Name: "peserta", Role: app.RolePegawai, EmployeeID: e}, code, 0)
		if err != nil {
			t.Fatalf("register %d for %s: %v", e, code, err)
		}
		if approve {
			if r, err = a.DecideRegistration(ctx, admin, r.ID, true, ""); err != nil || r.State != learning.StateAccepted {
				t.Fatalf("approve %d: %v %s", e, err, r.State)
			}
		}
		return r.ID
	}
	o.staffOpen, o.otherOpenE = register(f.staff.ID, o.ownOpen, false), register(f.other.ID, o.otherOpen, false)
	o.staffRun, o.otherRun = register(f.staff.ID, o.ownRun, true), register(f.other.ID, o.ownRun, true)
	if _, err := a.SetEventStatus(ctx, admin, o.ownRun, "running"); err != nil {
		t.Fatal(err)
	}
	claim := func(nip string) int64 {
		t.Helper()
		c, err := a.SubmitJPClaim(ctx, admin, nip, app.ClaimInput{ClaimInput: learning.ClaimInput{Title: "Seminar Nasional Sampah",
			Organiser: "Universitas Padjadjaran", Form: "seminar", ActivityOn: "2026-10-01", Hours: 4,
			Evidence: learning.Evidence{Name: "bukti.pdf", Data: []byte("%PDF-1.4\n% bukti\n")}}})
		if err != nil {
			t.Fatalf("claim of %s: %v", nip, err)
		}
		return c.ID
	}
	o.staffClaim, o.otherClaim = claim(f.staff.NIP), claim(f.other.NIP)
	for _, ag := range []app.AgreementInput{
		{Partner: o.own, Number: "UJI/PKS/ITB/1", Title: "Kerja sama pelatihan", StartsOn: "2025-01-01", EndsOn: "2027-01-26"},
		{Partner: o.other, Number: "UJI/PKS/LAIN/1", Title: "Kerja sama pelatihan", StartsOn: "2025-01-01", EndsOn: "2027-01-10"},
	} {
		if _, err := a.CreateAgreement(ctx, admin, ag); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

// matrixLearning runs the learning routes for one caller: 401/403 as for
// every route; a mitra limited to its own institution's programs, events,
// participants and partner record, everything of another institution
// answered as a missing one; employees' enrollments, JP and claims limited
// to the scope; and inside, the status the caller's relation and the
// record's stage give.
func (f *fixture) matrixLearning(t *testing.T, w *world, caller string, o learnObjects, nips, unitsQ []string,
	status func(string, response, int)) {
	t.Helper()
	scope, units := f.scope(w, caller), f.units(w, caller)
	mitra := caller == "mitra"
	hasEmployee := caller == "atasan" || caller == "pegawai"
	admin := caller == "admin_bkpsdm" || caller == "admin_opd"
	directSup := caller == "atasan" && w.sup[f.staff.ID] == f.kadis.ID
	staff, other := f.staff.NIP, f.other.NIP
	pick := func(ok bool, yes, no int) int {
		if ok {
			return yes
		}
		return no
	}
	type probe struct {
		method, path string
		body         any
		what         string
		inScope      bool
		ok           int
	}
	run := func(ps []probe) map[string]response {
		out := map[string]response{}
		for _, p := range ps {
			r := f.do(caller, p.method, p.path, p.body)
			want := p.ok
			if p.what != "public" {
				want = expect(caller, p.what, p.inScope, p.ok)
			}
			status(p.method+" "+p.path, r, want)
			out[p.method+" "+p.path] = r
		}
		return out
	}
	invalidProgram := map[string]any{"code": "", "title": ""}
	enr := func(id int64, suffix string) string { return fmt.Sprintf("/api/v1/enrollments/%d/%s", id, suffix) }
	const missingID = 99999999
	answers := run([]probe{
		// The catalogue: everyone reads; a mitra only its own institution's.
		{"GET", "/api/v1/programs/UJI-ITB-1", nil, "learning.read", true, 200},
		{"GET", "/api/v1/programs/UJI-LAIN-1", nil, "learning.read", !mitra, 200},
		{"GET", "/api/v1/programs/TIDAK-ADA", nil, "learning.read", false, 200},
		{"POST", "/api/v1/programs", invalidProgram, "learning.manage", true, 422},
		{"PUT", "/api/v1/programs/UJI-ITB-1", invalidProgram, "learning.manage", true, 422},
		{"PUT", "/api/v1/programs/UJI-LAIN-1", invalidProgram, "learning.manage", !mitra, 422},
		{"GET", "/api/v1/programs/UJI-ITB-1/evaluation", nil, "evaluation.report", true, 200},
		{"GET", "/api/v1/programs/UJI-LAIN-1/evaluation", nil, "evaluation.report", !mitra, 200},
		// Events: drafts for those who manage them only.
		{"GET", "/api/v1/events/" + o.ownOpen, nil, "learning.read", true, 200},
		{"GET", "/api/v1/events/" + o.otherOpen, nil, "learning.read", !mitra, 200},
		{"GET", "/api/v1/events/" + o.ownDraf, nil, "learning.read", caller == "admin_bkpsdm" || mitra, 200},
		{"GET", "/api/v1/events/" + o.otherDraft, nil, "learning.read", caller == "admin_bkpsdm", 200},
		{"GET", "/api/v1/events/TIDAK-ADA", nil, "learning.read", false, 200},
		{"POST", "/api/v1/events", map[string]any{"program": "UJI-ITB-1"}, "learning.manage", true, 422},
		{"POST", "/api/v1/events", map[string]any{"program": "UJI-LAIN-1"}, "learning.manage", !mitra, 422},
		{"PUT", "/api/v1/events/" + o.ownOpen, map[string]any{}, "learning.manage", true, 422},
		{"PUT", "/api/v1/events/" + o.otherOpen, map[string]any{}, "learning.manage", !mitra, 422},
		{"PUT", "/api/v1/events/" + o.ownOpen + "/status", map[string]any{"status": "finished"}, "learning.manage", true, 409},
		{"PUT", "/api/v1/events/" + o.otherOpen + "/status", map[string]any{"status": "finished"}, "learning.manage", !mitra, 409},
		{"POST", "/api/v1/events/" + o.ownOpen + "/invitations", nil, "learning.manage", true, 200},
		{"POST", "/api/v1/events/" + o.otherOpen + "/invitations", nil, "learning.manage", !mitra, 200},
		{"GET", "/api/v1/events/" + o.otherOpen + "/enrollments", nil, "learning.read", !mitra, 200},
		// Enrollment steps on a running event: refused by its stage (409)
		// or by the caller's relation to the employee (403).
		{"POST", "/api/v1/events/" + o.ownRun + "/registrations", nil, "enroll.self", true, pick(hasEmployee, 409, 403)},
		{"POST", "/api/v1/events/" + o.ownRun + "/nominations", map[string]any{"nip": staff}, "enroll.nominate", scope[staff],
			pick(caller == "pegawai", 403, 409)},
		{"POST", "/api/v1/events/" + o.ownRun + "/nominations", map[string]any{"nip": other}, "enroll.nominate", scope[other], 409},
		{"POST", enr(o.staffRun, "decision"), map[string]any{"approve": true}, "enroll.approve", scope[staff], pick(admin || directSup, 409, 403)},
		{"POST", enr(o.otherRun, "decision"), map[string]any{"approve": true}, "enroll.approve", scope[other], 409},
		{"POST", enr(missingID, "decision"), map[string]any{"approve": true}, "enroll.approve", false, 409},
		{"POST", enr(o.staffRun, "response"), map[string]any{"accept": true}, "enroll.self", scope[staff], pick(caller == "pegawai", 409, 403)},
		{"POST", enr(o.otherRun, "response"), map[string]any{"accept": true}, "enroll.self", scope[other], 403},
		{"POST", enr(o.staffRun, "cancel"), map[string]any{"reason": "tugas lapangan"}, "enroll.self", scope[staff], 409},
		{"POST", enr(o.otherRun, "cancel"), map[string]any{"reason": "tugas lapangan"}, "enroll.self", scope[other], 409},
		{"POST", enr(missingID, "cancel"), map[string]any{"reason": "tugas lapangan"}, "enroll.self", false, 409},
		// Recording before an event runs is 409; a mitra reaches its own
		// events' participants only.
		{"PUT", "/api/v1/events/" + o.ownOpen + "/attendance", map[string]any{"session": 1, "marks": []any{}}, "attendance", true, 409},
		{"PUT", "/api/v1/events/" + o.otherOpen + "/attendance", map[string]any{"session": 1, "marks": []any{}}, "attendance", !mitra, 409},
		{"POST", "/api/v1/events/" + o.ownOpen + "/completion", nil, "attendance", true, 409},
		{"POST", "/api/v1/events/" + o.otherOpen + "/completion", nil, "attendance", !mitra, 409},
		{"PUT", enr(o.staffOpen, "scores"), map[string]any{"post_score": 80}, "attendance", mitra || scope[staff], 409},
		{"PUT", enr(o.otherOpenE, "scores"), map[string]any{"post_score": 80}, "attendance", !mitra && scope[other], 409},
		{"POST", enr(o.staffOpen, "completion"), nil, "attendance", mitra || scope[staff], 409},
		{"POST", enr(o.otherOpenE, "completion"), nil, "attendance", !mitra && scope[other], 409},
		{"POST", enr(missingID, "completion"), nil, "attendance", false, 409},
		// Certificates and evaluation of one enrollment.
		{"GET", enr(o.staffOpen, "certificate"), nil, "certificate.read", scope[staff], 409},
		{"GET", enr(o.otherOpenE, "certificate"), nil, "certificate.read", scope[other], 409},
		{"GET", enr(o.staffOpen, "evaluation"), nil, "evaluation.write", scope[staff], 200},
		{"GET", enr(o.otherOpenE, "evaluation"), nil, "evaluation.write", scope[other], 200},
		{"POST", enr(o.staffOpen, "follow-up"), map[string]any{"applied": "yes"}, "evaluation.write", scope[staff],
			pick(admin || directSup, 409, 403)},
		{"POST", enr(o.otherOpenE, "follow-up"), map[string]any{"applied": "yes"}, "evaluation.write", scope[other], 409},
		{"POST", "/api/v1/events/" + o.ownOpen + "/survey", map[string]any{"relevance": 4, "content": 4, "facilitator": 4, "organisation": 4},
			"evaluation.write", true, pick(hasEmployee, 409, 403)},
		// Claims.
		{"GET", fmt.Sprintf("/api/v1/claims/%d", o.staffClaim), nil, "jp.read", scope[staff], 200},
		{"GET", fmt.Sprintf("/api/v1/claims/%d", o.otherClaim), nil, "jp.read", scope[other], 200},
		{"GET", fmt.Sprintf("/api/v1/claims/%d", missingID), nil, "jp.read", false, 200},
		{"POST", fmt.Sprintf("/api/v1/claims/%d/decision", o.staffClaim), map[string]any{"approve": false}, "jp.approve", scope[staff],
			pick(admin || directSup, 422, 403)},
		{"POST", fmt.Sprintf("/api/v1/claims/%d/decision", o.otherClaim), map[string]any{"approve": false}, "jp.approve", scope[other], 422},
		// The public verification needs no token and tells nothing of a wrong code.
		{"GET", "/api/v1/certificates/TIDAKADA1234/verification", nil, "public", true, 200},
		// Partners.
		{"GET", "/api/v1/partners/" + o.own, nil, "partner.read", true, 200},
		{"GET", "/api/v1/partners/" + o.other, nil, "partner.read", !mitra, 200},
		{"GET", "/api/v1/partners/TIDAK-ADA", nil, "partner.read", false, 200},
		{"GET", "/api/v1/agreements?expiring_within=-1", nil, "partner.read", true, 400},
	})
	// Outside the scope answers exactly as missing.
	same := func(a, b string) {
		t.Helper()
		x, y := answers[a], answers[b]
		if x.status == 404 && (y.status != 404 || string(x.body) != string(y.body)) {
			t.Errorf("%s answers %d %s; %s answers %d %s", a, x.status, x.body, b, y.status, y.body)
		}
	}
	same("GET /api/v1/programs/UJI-LAIN-1", "GET /api/v1/programs/TIDAK-ADA")
	same("GET /api/v1/events/"+o.otherOpen, "GET /api/v1/events/TIDAK-ADA")
	same("GET /api/v1/events/"+o.otherDraft, "GET /api/v1/events/TIDAK-ADA")
	same("GET /api/v1/partners/"+o.other, "GET /api/v1/partners/TIDAK-ADA")
	same("POST "+enr(o.otherRun, "cancel"), "POST "+enr(missingID, "cancel"))
	same("POST "+enr(o.otherOpenE, "completion"), "POST "+enr(missingID, "completion"))
	same(fmt.Sprintf("GET /api/v1/claims/%d", o.otherClaim), fmt.Sprintf("GET /api/v1/claims/%d", missingID))

	// Lists: a mitra's hold its own institution only.
	r := f.do(caller, "GET", "/api/v1/programs?q=UJI-&per_page=100", nil)
	status("GET programs", r, expect(caller, "learning.read", true, 200))
	if r.status == 200 {
		var p programPageJSON
		r.json(t, &p)
		got := map[string]bool{}
		for _, it := range p.Items {
			got[it.Code] = true
			if mitra && it.Provider != o.own {
				t.Errorf("GET programs as mitra: %s of %s", it.Code, it.Provider)
			}
		}
		if !got["UJI-ITB-1"] || got["UJI-LAIN-1"] == mitra || p.Total != len(p.Items) {
			t.Errorf("GET programs as %s: %v of %d", caller, got, p.Total)
		}
	}
	for _, c := range []struct {
		program string
		want    []string
	}{
		{"UJI-ITB-1", map[bool][]string{true: {o.ownRun, o.ownOpen, o.ownDraf}, false: {o.ownRun, o.ownOpen}}[caller == "admin_bkpsdm" || mitra]},
		{"UJI-LAIN-1", map[bool][]string{true: nil, false: map[bool][]string{true: {o.otherOpen, o.otherDraft}, false: {o.otherOpen}}[caller == "admin_bkpsdm"]}[mitra]},
	} {
		r := f.do(caller, "GET", "/api/v1/events?program="+c.program, nil)
		status("GET events?program="+c.program, r, expect(caller, "learning.read", true, 200))
		if r.status == 200 {
			var l struct{ Items []eventJSON }
			r.json(t, &l)
			var got []string
			for _, ev := range l.Items {
				got = append(got, ev.Code)
			}
			if strings.Join(got, ",") != strings.Join(c.want, ",") {
				t.Errorf("GET events?program=%s as %s: %v, want %v", c.program, caller, got, c.want)
			}
		}
	}
	// Participants of the running event: all for city-wide roles and the
	// event's own mitra (without NIPs), the scope for the others.
	r = f.do(caller, "GET", "/api/v1/events/"+o.ownRun+"/enrollments", nil)
	status("GET running event's enrollments", r, expect(caller, "learning.read", true, 200))
	if r.status == 200 {
		var l participantsJSON
		r.json(t, &l)
		want := map[string]bool{}
		for _, n := range []string{staff, other} {
			if mitra || scope[n] {
				want[n] = true
			}
		}
		got := map[string]bool{}
		for _, p := range l.Items {
			switch {
			case mitra && p.NIP != nil:
				t.Errorf("the mitra reads the NIP of %s", p.Name)
			case mitra:
				got[map[bool]string{true: staff, false: other}[p.ID == o.staffRun]] = true
			default:
				got[*p.NIP] = true
			}
		}
		if !sameSet(got, want) || l.CanRecord != (caller == "admin_bkpsdm" || mitra || caller == "admin_opd") {
			t.Errorf("participants as %s: %v (can record %v), want %v", caller, got, l.CanRecord, want)
		}
	}
	r = f.do(caller, "GET", "/api/v1/partners", nil)
	status("GET partners", r, expect(caller, "partner.read", true, 200))
	if r.status == 200 {
		var l struct{ Items []partnerJSON }
		r.json(t, &l)
		got := map[string]bool{}
		for _, p := range l.Items {
			got[p.Code] = true
		}
		if got[o.own] != true || got[o.other] == mitra || (mitra && len(got) != 1) {
			t.Errorf("GET partners as %s: %v", caller, got)
		}
	}
	for _, q := range []string{"", "?expiring_within=90"} {
		r = f.do(caller, "GET", "/api/v1/agreements"+q, nil)
		status("GET agreements"+q, r, expect(caller, "partner.read", true, 200))
		if r.status == 200 {
			var l struct{ Items []agreementJSON }
			r.json(t, &l)
			mine := map[string]bool{}
			for _, ag := range l.Items {
				if mitra && ag.Partner != o.own {
					t.Errorf("GET agreements%s as mitra: %s of %s", q, ag.Number, ag.Partner)
				}
				if q != "" && (ag.Warning == nil || ag.Warning.DaysLeft > 90 || ag.Warning.DaysLeft < 0) {
					t.Errorf("GET agreements%s: %s ends in %v days", q, ag.Number, ag.Warning)
				}
				mine[ag.Number] = true
			}
			if q == "" && (!mine["UJI/PKS/ITB/1"] || mine["UJI/PKS/LAIN/1"] == mitra) {
				t.Errorf("GET agreements as %s: %v", caller, mine)
			}
		}
	}

	// One employee's enrollments, JP and claims: the scope.
	idOf := map[string]int64{}
	for id, n := range w.nips {
		idOf[n] = id
	}
	for _, nip := range nips {
		for _, p := range []struct{ suffix, what string }{{"/enrollments", "employee"}, {"/jp/2026", "jp.read"}, {"/claims", "jp.read"}} {
			r := f.do(caller, "GET", "/api/v1/employees/"+nip+p.suffix, nil)
			status("GET employees/"+nip+p.suffix, r, expect(caller, p.what, scope[nip], 200))
		}
		// Claims are the employee's own or an admin's on their behalf.
		self := (caller == "atasan" && nip == f.kadis.NIP) || (caller == "pegawai" && nip == staff)
		r := f.do(caller, "POST", "/api/v1/claims", map[string]any{"nip": nip, "title": ""})
		status("POST claims for "+nip, r, expect(caller, "jp.claim", scope[nip], pick(self || admin, 422, 403)))
	}
	// Unit reports: an agency admin is held to its subtree; the other
	// callers' rows are limited by their scope.
	exists := func(u string) bool { _, ok := w.unitID[u]; return ok }
	for _, u := range unitsQ {
		ok := exists(u) && (caller != "admin_opd" || units[u])
		r := f.do(caller, "GET", "/api/v1/units/"+url.PathEscape(u)+"/jp/2026", nil)
		status("GET units/"+u+"/jp", r, expect(caller, "jp.read", ok, 200))
		if r.status == 200 {
			var rep jpReportJSON
			r.json(t, &rep)
			n := 0
			for nip := range scope {
				if w.underUnit(w.unitOf[idOf[nip]], w.unitID[u]) {
					n++
				}
			}
			if len(rep.Items) != n || rep.Compliance.Employees != n {
				t.Errorf("GET units/%s/jp as %s: %d rows, want %d in scope", u, caller, len(rep.Items), n)
			}
		}
	}
	r = f.do(caller, "GET", "/api/v1/team/jp/2026", nil)
	status("GET team/jp", r, expect(caller, "jp.read", hasEmployee, 200))
	if r.status == 200 {
		var rep jpReportJSON
		r.json(t, &rep)
		if want := len(scope) - 1; len(rep.Items) != want {
			t.Errorf("GET team/jp as %s: %d rows, want %d", caller, len(rep.Items), want)
		}
	}
}
