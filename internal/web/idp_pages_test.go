package web

import (
	"context"
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/development"
)

// TestIDPWorkflowPages walks a development plan through its pages on both
// engines: the proposal, creating the plan from it, editing, submitting,
// the supervisor returning it with a comment and approving it, and the
// progress of its items; each refused step says why and changes nothing.
func TestIDPWorkflowPages(t *testing.T) {
	t.Parallel()
	talentEngines(t, testIDPWorkflow)
}

func testIDPWorkflow(t *testing.T, st *site) {
	ctx := context.Background()
	const year = 2027
	emp := st.login(t, app.RolePegawai)
	p := st.employee(t, st.accounts[app.RolePegawai].Login)
	sup := st.loginEmployee(t, p.SupervisorNIP, app.RoleAtasan)
	page := "/employees/" + p.NIP + "/idp"
	y := url.Values{"year": {strconv.Itoa(year)}}
	status := func(body string) string { return text(between(body, `id="idp-status">`, "<")) }

	// The proposal: the supervisor sees it, only the employee may create.
	proposal, err := st.app.ProposeIDP(ctx, st.actor(t, app.RolePegawai), p.NIP, year)
	if err != nil || len(proposal.Items) == 0 {
		t.Fatalf("proposal: %v, %d items", err, len(proposal.Items))
	}
	r := sup.get(page + "?year=2027")
	wantStatus(t, "supervisor reads the proposal", r, 200)
	if strings.Contains(r.body, `id="create-idp"`) || !strings.Contains(text(r.body), "Usulan Asah") {
		t.Error("the supervisor is offered to create the plan, or sees no proposal")
	}
	r = emp.get(page + "?year=2027")
	if !strings.Contains(r.body, `id="create-idp"`) {
		t.Fatal("the employee is not offered to create the plan")
	}
	if rows := tableAfter(t, r.body, `id="idp-items"`); len(rows) != len(proposal.Items) {
		t.Errorf("the proposal shows %d items, the app proposes %d", len(rows), len(proposal.Items))
	}
	wantJP := fmt.Sprintf("%d dari %d JP direncanakan", proposal.PlannedJP, proposal.TargetJP)
	if !strings.Contains(text(r.body), wantJP) {
		t.Errorf("the JP bar does not say %q", wantJP)
	}
	if r := sup.post(page, y); r.status != 403 {
		t.Errorf("the supervisor creates the plan: %d", r.status)
	}

	// Create, then the same again is refused.
	after := done(t, emp, "create the plan", page, y)
	if status(after.body) != "Draf" || len(tableAfter(t, after.body, `id="idp-items"`)) != len(proposal.Items) {
		t.Fatalf("created plan: %q", status(after.body))
	}
	r = emp.post(page, y)
	wantStatus(t, "create twice", r, 409)
	if alertText(r.body) == "" {
		t.Error("creating twice says nothing")
	}

	// Edit: an unknown competency is named beside its row, input kept.
	plan, err := st.s.IDP(ctx, p.ID, year)
	if err != nil {
		t.Fatal(err)
	}
	comps, err := st.s.Competencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	code := map[int64]string{}
	for _, c := range comps {
		code[c.ID] = c.Code
	}
	items := func(drop int, extra ...string) url.Values {
		v := url.Values{"year": {strconv.Itoa(year)}}
		n := 0
		for i, it := range plan.Items {
			k := fmt.Sprintf("it%d.", i)
			v.Set(k+"id", strconv.FormatInt(it.ID, 10))
			v.Set(k+"competency", code[it.CompetencyID])
			v.Set(k+"target", strconv.Itoa(it.TargetLevel))
			v.Set(k+"form", string(it.Form))
			v.Set(k+"jp", strconv.Itoa(it.PlannedJP))
			v.Set(k+"start", strconv.Itoa(it.StartMonth))
			v.Set(k+"end", strconv.Itoa(it.EndMonth))
			v.Set(k+"reason", it.Reason)
			if i == drop {
				v.Set(k+"remove", "1")
			}
			n = i + 1
		}
		k := fmt.Sprintf("it%d.", n)
		for i := 0; i+1 < len(extra); i += 2 {
			v.Set(k+extra[i], extra[i+1])
		}
		return v
	}
	r = emp.post(page+"/items", items(-1, "competency", "X.99", "target", "2", "form", "mentoring", "jp", "2", "start", "3", "end", "4", "reason", "Belajar dari kepala bidang"))
	wantStatus(t, "unknown competency", r, 422)
	row := fmt.Sprintf(`id="it%d-competency"`, len(plan.Items))
	if i := strings.Index(r.body, row); i < 0 || !strings.Contains(text(between(r.body[i:], `class="field-error">`, "</p>")), `kode kompetensi "X.99" tidak dikenal`) {
		t.Errorf("the unknown competency is not named beside its row: %q", alertText(r.body))
	}
	if !strings.Contains(r.body, "Belajar dari kepala bidang</textarea>") {
		t.Error("the refused edit lost the user's input")
	}
	// A valid edit: drop the last proposed item, add one by hand.
	last := plan.Items[len(plan.Items)-1]
	after = done(t, emp, "edit the items", page+"/items", items(len(plan.Items)-1, "competency", "M.6", "target", "2", "form", "mentoring",
		"jp", "2", "start", "3", "end", "4", "reason", "Belajar dari kepala bidang"))
	rows := tableAfter(t, after.body, `id="idp-items"`)
	if len(rows) != len(plan.Items) || !strings.Contains(rows[len(rows)-1][1], "M.6") || !strings.Contains(rows[len(rows)-1][4], "Ditambahkan pegawai") {
		t.Errorf("items after the edit: %v", rows)
	}
	wantJP = fmt.Sprintf("%d dari %d JP direncanakan", plan.PlannedJP()-last.PlannedJP+2, plan.TargetJP)
	if !strings.Contains(text(after.body), wantJP) {
		t.Errorf("the JP bar does not say %q", wantJP)
	}

	// Submit; the employee may not approve their own plan.
	after = done(t, emp, "submit", page+"/submit", y)
	if status(after.body) != "Diajukan" || strings.Contains(after.body, `id="items-form"`) {
		t.Errorf("after submitting: %q, still editable: %v", status(after.body), strings.Contains(after.body, `id="items-form"`))
	}
	r = emp.post(page+"/decide", url.Values{"year": {"2027"}, "decision": {"approve"}})
	wantStatus(t, "approve own plan", r, 403)
	if !strings.Contains(alertText(r.body), "tidak dapat menyetujui rencana pengembangan Anda sendiri") {
		t.Errorf("approving one's own plan: %q", alertText(r.body))
	}

	// The supervisor returns it: a comment is required.
	if !strings.Contains(sup.get(page+"?year=2027").body, `id="decide-form"`) {
		t.Fatal("the supervisor is not offered the decision")
	}
	r = sup.post(page+"/decide", url.Values{"year": {"2027"}, "decision": {"return"}, "comment": {"  "}})
	wantStatus(t, "return without a comment", r, 422)
	if !strings.Contains(alertText(r.body), "tuliskan alasan pengembalian") {
		t.Errorf("return without a comment: %q", alertText(r.body))
	}
	done(t, sup, "return", page+"/decide", url.Values{"year": {"2027"}, "decision": {"return"}, "comment": {"Tambahkan kegiatan teknis pengelolaan keuangan"}})
	r = emp.get(page + "?year=2027")
	if status(r.body) != "Dikembalikan" || !strings.Contains(text(between(r.body, `id="idp-comment"`, "</div>")), "Tambahkan kegiatan teknis pengelolaan keuangan") {
		t.Errorf("the employee does not see the return and its comment: %q", status(r.body))
	}
	done(t, emp, "submit again", page+"/submit", y)
	after = done(t, sup, "approve", page+"/decide", url.Values{"year": {"2027"}, "decision": {"approve"}})
	if status(after.body) != "Disetujui" {
		t.Errorf("after approval: %q", status(after.body))
	}
	r = sup.post(page+"/decide", url.Values{"year": {"2027"}, "decision": {"approve"}})
	wantStatus(t, "approve twice", r, 409)

	// Progress: start one item, drop another (a reason is required).
	plan, _ = st.s.IDP(ctx, p.ID, year)
	first, second := plan.Items[0], plan.Items[1]
	after = done(t, emp, "start an item", page+"/progress", url.Values{"year": {"2027"}, "item": {strconv.FormatInt(first.ID, 10)}, "status": {"in_progress"}})
	if rows := tableAfter(t, after.body, `id="idp-items"`); !strings.Contains(rows[0][5], "Berjalan") {
		t.Errorf("started item: %v", rows[0])
	}
	r = sup.post(page+"/progress", url.Values{"year": {"2027"}, "item": {strconv.FormatInt(second.ID, 10)}, "status": {"dropped"}})
	wantStatus(t, "drop without a reason", r, 422)
	if !strings.Contains(alertText(r.body), "alasan pembatalan") {
		t.Errorf("dropping without a reason: %q", alertText(r.body))
	}
	after = done(t, sup, "drop an item", page+"/progress", url.Values{"year": {"2027"}, "item": {strconv.FormatInt(second.ID, 10)},
		"status": {"dropped"}, "reason": {"Kuota pelatihan penuh"}})
	if rows := tableAfter(t, after.body, `id="idp-items"`); !strings.Contains(rows[1][5], "Dibatalkan") || !strings.Contains(rows[1][5], "Kuota pelatihan penuh") {
		t.Errorf("dropped item: %v", rows[1])
	}
	wantJP = fmt.Sprintf("%d dari %d JP direncanakan", plan.PlannedJP()-second.PlannedJP, plan.TargetJP)
	if !strings.Contains(text(after.body), wantJP) {
		t.Errorf("after dropping, the JP bar does not say %q", wantJP)
	}
	r = emp.post(page+"/progress", url.Values{"year": {"2027"}, "item": {strconv.FormatInt(second.ID, 10)}, "status": {"in_progress"}})
	wantStatus(t, "restart a dropped item", r, 409) // a workflow conflict, as the SKP steps and the API answer
	if got, _ := st.s.IDP(ctx, p.ID, year); got.Items[1].Status != development.ItemDropped {
		t.Errorf("a refused step changed the item to %s", got.Items[1].Status)
	}
	checkHTML(t, page, emp.get(page+"?year=2027"))
}
