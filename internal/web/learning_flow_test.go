package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"asah/internal/learning"
)

// TestLearningFlow walks the employee's and the supervisor's pages on
// both engines: P registers, the supervisor approves; Q's claim is
// approved and Q's JP bar moves; P downloads the certificate of the past
// event, which verifies, and answers its survey; the supervisor records
// the follow-up with a new assessment, which closes P's gap on the
// program page; the team's JP page and its CSV hold P and Q.
func TestLearningFlow(t *testing.T) {
	t.Parallel()
	lwEngines(t, func(t *testing.T, f *lwFixture) {
		p, q, sup := f.as(t, f.P), f.as(t, f.Q), f.as(t, f.Sup)

		if r := p.post("/learning/events/"+f.Upcoming+"/register", url.Values{}); r.status != http.StatusSeeOther {
			t.Fatalf("register: %d %s", r.status, text(r.body))
		}
		e := f.enrollmentOf(t, f.P, f.Upcoming)
		if r := sup.post("/learning/enrollments/"+itoa(e.ID)+"/decide", url.Values{"decision": {"approve"}}); r.status != http.StatusSeeOther {
			t.Fatalf("approve: %d %s", r.status, text(r.body))
		}
		if got := f.enrollmentOf(t, f.P, f.Upcoming).State; got != learning.StateAccepted {
			t.Errorf("after approval: %s", got)
		}

		before := jpOf(t, q.get("/learning/mine").body)
		if r := sup.post("/learning/claims/"+itoa(f.ClaimQ)+"/decide", url.Values{"decision": {"approve"}}); r.status != http.StatusSeeOther {
			t.Fatalf("claim: %d %s", r.status, text(r.body))
		}
		if after := jpOf(t, q.get("/learning/mine").body); after == before {
			t.Errorf("Q's JP stayed %s", after)
		}

		pdf := p.get("/learning/enrollments/" + itoa(f.DoneP) + "/certificate.pdf")
		if pdf.status != 200 || !strings.HasPrefix(pdf.body, "%PDF-") {
			t.Fatalf("certificate: %d", pdf.status)
		}
		cert, err := f.st.app.Certificate(context.Background(), f.actP, f.DoneP)
		if err != nil {
			t.Fatal(err)
		}
		if v := f.st.client(t).get("/verifikasi/" + cert.Code); v.status != 200 || !strings.Contains(text(v.body), "Sertifikat sah") {
			t.Errorf("verification: %d", v.status)
		}

		if r := p.post("/learning/events/"+f.Past+"/survey", url.Values{"relevance": {"4"}, "content": {"4"}, "facilitator": {"4"},
			"organisation": {"4"}}); r.status != http.StatusSeeOther {
			t.Errorf("survey: %d %v", r.status, fieldErrors(r.body))
		}

		// The follow-up: refused input first, then recorded with a level.
		key := "fu-" + itoa(f.DoneP)
		r := sup.get("/learning/approvals")
		if !strings.Contains(text(section(t, r.body, key)), f.P.Name) {
			t.Fatalf("the follow-up of P is not due on the approvals page")
		}
		r = sup.post("/learning/enrollments/"+itoa(f.DoneP)+"/followup", url.Values{"applied": {"mungkin"}})
		if r.status != 422 || !strings.Contains(text(section(t, r.body, key)), "ya, sebagian, atau tidak") {
			t.Errorf("bad answer: %d", r.status)
		}
		r = sup.post("/learning/enrollments/"+itoa(f.DoneP)+"/followup", url.Values{"applied": {"yes"}, "level": {"9"}})
		if r.status != 422 {
			t.Errorf("level 9: %d", r.status)
		}
		if _, err := f.st.s.FollowUpOf(context.Background(), f.DoneP); err == nil {
			t.Fatal("a refused follow-up was stored")
		}
		gaps := text(section(t, p.get("/learning/programs/"+f.Program).body, "my-gaps"))
		if !strings.Contains(gaps, f.Target) {
			t.Fatalf("before the follow-up the program does not work on %s: %q", f.Target, gaps)
		}
		r = sup.post("/learning/enrollments/"+itoa(f.DoneP)+"/followup", url.Values{"applied": {"partly"}, "comment": {"Mulai diterapkan di rapat koordinasi"},
			"competency": {f.Target}, "level": {strconv.Itoa(f.targetLevel(t))}})
		if r.status != http.StatusSeeOther {
			t.Fatalf("follow-up: %d %s", r.status, text(r.body))
		}
		if r := lwFollow(sup, r); strings.Contains(r.body, `id="`+key+`"`) {
			t.Error("the recorded follow-up is still due")
		}
		if r := p.get("/learning/programs/" + f.Program); strings.Contains(text(section(t, r.body, "my-gaps")), f.Target) {
			t.Error("the new supervisor assessment did not close P's gap on the program page")
		}

		r = sup.get("/learning/jp")
		rows := tableAfter(t, r.body, `id="jp-table"`)
		var hasP, hasQ bool
		for _, row := range rows {
			hasP = hasP || strings.HasPrefix(row[0], f.P.Name)
			hasQ = hasQ || strings.HasPrefix(row[0], f.Q.Name)
		}
		if !hasP || !hasQ {
			t.Errorf("the team's JP page lacks P or Q: %v", rows)
		}
		csv := csvRows(t, sup.get("/learning/jp/export.csv"))
		if len(csv)-1 != len(rows) {
			t.Errorf("CSV %d rows, page %d", len(csv)-1, len(rows))
		}
	})
}

// targetLevel is the level the fixture's program raises its target to.
func (f *lwFixture) targetLevel(t *testing.T) int {
	t.Helper()
	p, err := f.st.s.ProgramByCode(context.Background(), f.Program, f.st.app.Today())
	if err != nil {
		t.Fatal(err)
	}
	return p.Targets[0].Level
}
