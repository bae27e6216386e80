package api

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
)

// TestLearningWorkflowOverHTTP walks one employee through an event on both
// engines: the admin publishes a program and an event, the employee
// registers, the direct supervisor approves, attendance is taken per
// session, completion credits the JP, the certificate verifies publicly,
// the survey is answered once, the supervisor's follow-up records a new
// assessment, and the program's evaluation counts it all. Every refusal
// along the way is checked with the status a client would see.
func TestLearningWorkflowOverHTTP(t *testing.T) {
	learnEngines(t, func(t *testing.T, f *fixture) {
		w := f.world()
		supID, staff := f.team(w, 1)
		sup, emp := f.as(w, supID), f.as(w, staff[0])
		nip := w.nips[staff[0]]
		itb := f.itb()

		prog := f.newProgram("UJI-PM", itb.Code, map[string]any{"requires_post_test": true, "pass_score": 70})
		if prog.Provider != itb.Code || prog.Method != "klasikal" || !prog.CanManage || len(prog.Targets) != 1 || prog.Targets[0].Competency != "M.4" {
			t.Fatalf("program: %+v", prog)
		}
		ev := f.newEvent("UJI-PM", "UJI-PM-1", "2026-11-23", 5, 2, "draft")
		if ev.Status != "draft" || len(ev.Sessions) != 5 || ev.Sessions[0].StartsAt != "2026-11-23T08:00" || ev.Free != 2 {
			t.Fatalf("event: %+v", ev)
		}
		// A draft is the managers' only.
		f.expectStatus(f.do(emp, "GET", "/api/v1/events/UJI-PM-1", nil), 404, "", "employee reads a draft")
		f.expectStatus(f.do(emp, "POST", "/api/v1/events/UJI-PM-1/registrations", nil), 404, "", "registration for a draft")
		f.expectStatus(f.do("admin_bkpsdm", "PUT", "/api/v1/events/UJI-PM-1/status", map[string]any{"status": "finished"}), 409, "", "draft → finished")
		f.expectStatus(f.do("admin_bkpsdm", "PUT", "/api/v1/events/UJI-PM-1/status", map[string]any{"status": "later"}), 422, "status", "unknown status")
		f.expectStatus(f.do("admin_bkpsdm", "PUT", "/api/v1/events/UJI-PM-1/status", map[string]any{}), 422, "status", "no status")
		r := f.do("admin_bkpsdm", "PUT", "/api/v1/events/UJI-PM-1/status", map[string]any{"status": "open"})
		f.expectStatus(r, 200, "", "open")

		r = f.do(emp, "GET", "/api/v1/events/UJI-PM-1", nil)
		var seen eventDetailJSON
		r.json(t, &seen)
		if r.status != 200 || !seen.RegistrationOpen || seen.CanManage || seen.Mine != nil {
			t.Fatalf("employee's view of the open event: %d %+v", r.status, seen)
		}

		// Registration waits for the direct supervisor; nobody approves their own.
		e := f.enrollment(f.do(emp, "POST", "/api/v1/events/UJI-PM-1/registrations", nil), 201, "register")
		if e.State != "pending_approval" || e.Source != "self" || e.NIP == nil || *e.NIP != nip || e.Event != "UJI-PM-1" {
			t.Fatalf("registration: %+v", e)
		}
		f.expectStatus(f.do(emp, "POST", "/api/v1/events/UJI-PM-1/registrations", map[string]any{}), 409, "", "second registration")
		f.expectStatus(f.do(emp, "POST", "/api/v1/events/UJI-PM-1/registrations", `{"idp_item":"x"}`), 400, "idp_item", "bad idp_item")
		dec := fmt.Sprintf("/api/v1/enrollments/%d/decision", e.ID)
		f.expectStatus(f.do(emp, "POST", dec, map[string]any{"approve": true}), 403, "", "approving one's own")
		f.expectStatus(f.do(sup, "POST", dec, map[string]any{}), 422, "approve", "decision without approve")
		f.expectStatus(f.do(sup, "POST", dec, map[string]any{"approve": false}), 422, "reason", "rejection without reason")
		e = f.enrollment(f.do(sup, "POST", dec, map[string]any{"approve": true}), 200, "approve")
		if e.State != "accepted" || e.DecidedBy == nil {
			t.Fatalf("approved: %+v", e)
		}
		f.expectStatus(f.do(sup, "POST", dec, map[string]any{"approve": true}), 409, "", "approving twice")
		r = f.do(emp, "GET", "/api/v1/events/UJI-PM-1", nil)
		r.json(t, &seen)
		if seen.Mine == nil || seen.Mine.State != "accepted" || seen.Seated != 1 || seen.Free != 1 {
			t.Fatalf("after approval: %+v", seen)
		}

		// Attendance waits for the event to run.
		mark := func(session int, present bool) response {
			return f.do("admin_bkpsdm", "PUT", "/api/v1/events/UJI-PM-1/attendance",
				map[string]any{"session": session, "marks": []map[string]any{{"enrollment": e.ID, "present": present}}})
		}
		f.expectStatus(mark(1, true), 409, "", "attendance before the event runs")
		f.expectStatus(f.do("admin_bkpsdm", "PUT", "/api/v1/events/UJI-PM-1/status", map[string]any{"status": "running"}), 200, "", "run")
		f.expectStatus(f.do(emp, "POST", "/api/v1/events/UJI-PM-1/registrations", nil), 409, "", "registration while running")
		f.expectStatus(f.do(emp, "POST", fmt.Sprintf("/api/v1/enrollments/%d/cancel", e.ID), nil), 409, "", "cancel while running")
		f.expectStatus(mark(9, true), 404, "", "attendance of a missing session")
		f.expectStatus(f.do("admin_bkpsdm", "PUT", "/api/v1/events/UJI-PM-1/attendance",
			map[string]any{"session": 1, "marks": []map[string]any{{"enrollment": e.ID}}}), 422, "marks.0.present", "mark without present")
		for s := 1; s <= 4; s++ {
			r := mark(s, true)
			var a attendanceJSON
			r.json(t, &a)
			if r.status != 200 || a.Changed != 1 || a.Session != s {
				t.Fatalf("session %d: %d %s", s, r.status, r.body)
			}
		}
		var a attendanceJSON
		if r := mark(1, true); r.status != 200 || (func() bool { r.json(t, &a); return a.Changed != 0 })() {
			t.Errorf("marking again changed %d", a.Changed)
		}
		mark(5, false)
		r = f.do("admin_bkpsdm", "GET", "/api/v1/events/UJI-PM-1/enrollments", nil)
		var pl participantsJSON
		r.json(t, &pl)
		if len(pl.Items) != 1 || pl.Items[0].Present != 4 || len(pl.Items[0].Attendance) != 5 || pl.Items[0].Attendance[4].Present ||
			pl.Items[0].State != "attended" || !pl.CanRecord {
			t.Fatalf("participants: %s", r.body)
		}

		// The post-test is required: without it, not completed.
		jpBefore := f.ledger(emp, nip, 2026)
		comp := fmt.Sprintf("/api/v1/enrollments/%d/completion", e.ID)
		r = f.do("admin_bkpsdm", "POST", comp, nil)
		var c completionJSON
		r.json(t, &c)
		if r.status != 200 || c.Completed || c.Attended != 4 || c.Sessions != 5 || len(c.Reasons) != 1 || c.Enrollment.State != "not_completed" {
			t.Fatalf("completion without a post-test: %d %s", r.status, r.body)
		}
		f.expectStatus(f.do(emp, "GET", fmt.Sprintf("/api/v1/enrollments/%d/certificate", e.ID), nil), 409, "", "certificate before completion")
		f.expectStatus(f.do("admin_bkpsdm", "PUT", fmt.Sprintf("/api/v1/enrollments/%d/scores", e.ID), map[string]any{"post_score": 101}),
			422, "post_score", "score above 100")
		r = f.do("admin_bkpsdm", "PUT", fmt.Sprintf("/api/v1/enrollments/%d/scores", e.ID), map[string]any{"pre_score": 50, "post_score": 85})
		if got := f.enrollment(r, 200, "scores"); got.PreScore == nil || *got.PreScore != 50 || *got.PostScore != 85 {
			t.Fatalf("scores: %s", r.body)
		}
		r = f.do("admin_bkpsdm", "POST", "/api/v1/events/UJI-PM-1/completion", nil)
		var sum completionSummaryJSON
		r.json(t, &sum)
		if r.status != 200 || sum != (completionSummaryJSON{}) {
			t.Fatalf("the event's completion re-evaluates only accepted and attended: %d %s", r.status, r.body)
		}
		r = f.do("admin_bkpsdm", "POST", comp, nil)
		r.json(t, &c)
		if r.status != 200 || !c.Completed || c.Enrollment.State != "completed" || c.Enrollment.CompletedAt == nil {
			t.Fatalf("completion with 4 of 5 sessions and 85 points: %d %s", r.status, r.body)
		}
		if jp := f.ledger(emp, nip, 2026); jp.AchievedJP != jpBefore.AchievedJP+24 || jp.BySource.Event != jpBefore.BySource.Event+24 {
			t.Errorf("JP %v → %v, want +24", jpBefore.AchievedJP, jp.AchievedJP)
		} else if last := jp.Entries[len(jp.Entries)-1]; last.Source != "event" || last.Ref != e.ID || last.JP != 24 || last.On != demoToday {
			t.Errorf("ledger entry: %+v", last)
		}

		// The certificate: one number, verified publicly with four fields.
		cert := fmt.Sprintf("/api/v1/enrollments/%d/certificate", e.ID)
		r = f.do(emp, "GET", cert, nil)
		var ct certificateJSON
		r.json(t, &ct)
		if r.status != 200 || !strings.HasPrefix(ct.Number, "ASAH/2026/") || ct.Revoked || ct.VerificationPath != "/verifikasi/"+ct.Code ||
			ct.CompletedOn == nil || *ct.CompletedOn != demoToday || ct.JP != 24 {
			t.Fatalf("certificate: %d %s", r.status, r.body)
		}
		var again certificateJSON
		f.do(sup, "GET", cert, nil).json(t, &again)
		if again.Number != ct.Number || again.Code != ct.Code {
			t.Errorf("second request issued %s, first %s", again.Number, ct.Number)
		}
		verify := func(code string) map[string]any {
			t.Helper()
			r := f.do("none", "GET", "/api/v1/certificates/"+code+"/verification", nil)
			var v map[string]any
			r.json(t, &v)
			if r.status != 200 || len(v) != 4 {
				t.Fatalf("verification of %s: %d %s", code, r.status, r.body)
			}
			return v
		}
		if v := verify(ct.Code); v["status"] != "valid" || v["holder"] != ct.Holder || v["program"] != "Program UJI-PM" || v["completed_on"] != demoToday {
			t.Errorf("verification: %v", v)
		}
		if strings.Contains(string(f.do("none", "GET", "/api/v1/certificates/"+ct.Code+"/verification", nil).body), nip) {
			t.Error("the public verification names the NIP")
		}
		if v := verify("TIDAKADA1234"); v["status"] != "unknown" || v["holder"] != nil || v["program"] != nil || v["completed_on"] != nil {
			t.Errorf("unknown code: %v", v)
		}
		if _, err := f.app.RevokeCertificate(context.Background(), app.System, ct.Number, "salah cetak"); err != nil {
			t.Fatal(err)
		}
		if v := verify(ct.Code); v["status"] != "revoked" {
			t.Errorf("after revocation: %v", v)
		}

		// The survey: attendees only, validated, once.
		survey := "/api/v1/events/UJI-PM-1/survey"
		good := map[string]any{"relevance": 5, "content": 4, "facilitator": 4, "organisation": 3, "comment": "Langsung terpakai."}
		f.expectStatus(f.do(sup, "POST", survey, good), 409, "", "survey by someone not enrolled")
		f.expectStatus(f.do("admin_bkpsdm", "POST", survey, good), 403, "", "survey by an account without an employee")
		f.expectStatus(f.do(emp, "POST", survey, map[string]any{"relevance": 7, "content": 4, "facilitator": 4, "organisation": 3}),
			422, "relevance", "survey out of scale")
		r = f.do(emp, "POST", survey, good)
		var ee enrollmentEvaluationJSON
		r.json(t, &ee)
		if r.status != 201 || ee.Reaction == nil || ee.Reaction.Relevance != 5 || ee.CanAnswer || ee.Enrollment != e.ID {
			t.Fatalf("survey: %d %s", r.status, r.body)
		}
		f.expectStatus(f.do(emp, "POST", survey, good), 409, "", "second survey")

		// The follow-up: three months after the event, by the supervisor.
		fu := fmt.Sprintf("/api/v1/enrollments/%d/follow-up", e.ID)
		body := map[string]any{"applied": "partly", "comment": "Dipakai untuk laporan bulanan", "level": 3}
		f.expectStatus(f.do(sup, "POST", fu, body), 409, "", "follow-up before it is due")
		f.expectStatus(f.do(emp, "POST", fu, body), 403, "", "follow-up by the participant")
		later := time.Date(2027, 3, 1, 10, 0, 0, 0, wib)
		f.clock.Store(&later)
		f.expectStatus(f.do(sup, "POST", fu, map[string]any{"applied": "sometimes"}), 422, "applied", "unknown answer")
		r = f.do(sup, "POST", fu, body)
		r.json(t, &ee)
		if r.status != 201 || ee.FollowUp == nil || ee.FollowUp.Applied != "partly" || !ee.FollowUp.AssessmentRecorded || ee.CanFollowUp {
			t.Fatalf("follow-up: %d %s", r.status, r.body)
		}
		f.expectStatus(f.do(sup, "POST", fu, body), 409, "", "second follow-up")
		var as struct{ Items []map[string]any }
		f.do(sup, "GET", "/api/v1/employees/"+nip+"/assessments", nil).json(t, &as)
		found := false
		for _, m := range as.Items {
			if m["competency"] == "M.4" && m["source"] == "supervisor" && m["level"] == float64(3) && m["assessed_on"] == "2027-03-01" {
				found = true
			}
		}
		if !found {
			t.Error("the follow-up's assessment is not among the employee's assessments")
		}

		// The program's evaluation counts it, without names.
		r = f.do("admin_bkpsdm", "GET", "/api/v1/programs/UJI-PM/evaluation", nil)
		var pe programEvaluationJSON
		r.json(t, &pe)
		if r.status != 200 || pe.Outcome.Completed != 1 || pe.Outcome.Total != 1 || pe.CompletionRate != 1 || pe.Reaction.Responses != 1 ||
			pe.Reaction.Relevance != 5 || pe.Learning.Pairs != 1 || pe.Learning.Gain != 35 || pe.Behaviour.Partly != 1 || pe.Events != 1 {
			t.Errorf("evaluation: %d %s", r.status, r.body)
		}
		if strings.Contains(string(r.body), nip) || strings.Contains(string(r.body), ct.Holder) {
			t.Error("the evaluation names a participant")
		}
		f.expectStatus(f.do(emp, "GET", "/api/v1/programs/UJI-PM/evaluation", nil), 403, "", "evaluation report for an employee")

		// The supervisor's team and the unit show the JP.
		var team jpReportJSON
		f.do(sup, "GET", "/api/v1/team/jp/2026", nil).json(t, &team)
		var row *jpRowJSON
		for i := range team.Items {
			if team.Items[i].NIP == nip {
				row = &team.Items[i]
			}
		}
		if row == nil || !row.Direct || row.BySource.Event < 24 || team.UnitCode != nil {
			t.Errorf("team report: %+v", row)
		}
		var unit jpReportJSON
		f.do("admin_opd", "GET", "/api/v1/units/DLHK/jp/2026", nil).json(t, &unit)
		if unit.UnitCode == nil || *unit.UnitCode != "DLHK" || unit.Compliance.Employees != len(unit.Items) || len(unit.Items) == 0 {
			t.Errorf("unit report: %d rows, compliance %+v", len(unit.Items), unit.Compliance)
		}
		f.expectStatus(f.do("admin_opd", "GET", "/api/v1/units/DLHK/jp/1999", nil), 422, "year", "year out of range")
		f.expectStatus(f.do("admin_opd", "GET", "/api/v1/units/DLHK/jp/tahun", nil), 400, "year", "year not a number")
		if s := f.log.String(); s != "" {
			t.Errorf("the workflow logged: %s", s)
		}
	})
}

// ledger reads an employee's JP ledger of a year.
func (f *fixture) ledger(caller, nip string, year int) jpLedgerJSON {
	f.t.Helper()
	r := f.do(caller, "GET", fmt.Sprintf("/api/v1/employees/%s/jp/%d", nip, year), nil)
	if r.status != 200 {
		f.t.Fatalf("ledger of %s: %d %s", nip, r.status, r.body)
	}
	var l jpLedgerJSON
	r.json(f.t, &l)
	if l.NIP != nip || l.Year != year || l.TargetJP <= 0 {
		f.t.Fatalf("ledger: %+v", l)
	}
	return l
}
