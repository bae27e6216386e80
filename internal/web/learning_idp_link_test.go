package web

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/store"
)

// Scenarios of the link between development plan (IDP) items and learning:
// the IDP page points each open item to the catalogue filtered by its
// competency, the event page offers the matching items in the register
// form, and the IDP page then lists the enrollment under its item.

// idpLinkYear is the year of the fixture's upcoming event.
const idpLinkYear = 2027

// submittedPlan gives an employee a submitted plan for idpLinkYear with one
// item on a competency and returns the item's ID.
func (f *lwFixture) submittedPlan(t *testing.T, e store.EmployeeRow, actor app.Actor, comp string) int64 {
	t.Helper()
	ctx := context.Background()
	a := f.st.app
	if _, err := a.CreateIDP(ctx, actor, e.NIP, idpLinkYear); err != nil {
		t.Fatalf("create plan of %s: %v", e.NIP, err)
	}
	if _, err := a.SaveIDPItems(ctx, actor, e.NIP, idpLinkYear, []app.IDPItemInput{{Competency: comp, TargetLevel: 4,
		Form: "pelatihan_teknis", PlannedJP: 24, StartMonth: 1, EndMonth: 2, Reason: "Menutup kesenjangan kompetensi"}}); err != nil {
		t.Fatalf("items of %s: %v", e.NIP, err)
	}
	v, err := a.SubmitIDP(ctx, actor, e.NIP, idpLinkYear)
	if err != nil {
		t.Fatalf("submit plan of %s: %v", e.NIP, err)
	}
	if len(v.Items) != 1 || v.Items[0].ID == 0 {
		t.Fatalf("plan of %s: %d items", e.NIP, len(v.Items))
	}
	return v.Items[0].ID
}

func TestLearningIDPLink(t *testing.T) {
	t.Parallel()
	lwEngines(t, testLearningIDPLink)
}

func testLearningIDPLink(t *testing.T, f *lwFixture) {
	itemP := f.submittedPlan(t, f.P, f.actP, f.Target)
	itemQ := f.submittedPlan(t, f.Q, f.actQ, f.Target)
	p := f.as(t, f.P)
	idpPage := "/employees/" + f.P.NIP + "/idp?year=2027"
	eventPage := "/learning/events/" + f.Upcoming

	// The IDP page links the item to the catalogue filtered by its competency.
	r := p.get(idpPage)
	wantStatus(t, "IDP page", r, 200)
	row := section(t, r.body, "item-1")
	want := `href="/learning?competency=` + url.QueryEscape(f.Target) + `"`
	if !strings.Contains(row, want) || !strings.Contains(text(row), "Cari pelatihan") {
		t.Errorf("the item has no link %s:\n%s", want, text(row))
	}
	if strings.Contains(row, `id="item-1-enrollments"`) {
		t.Error("the item lists enrollments before any")
	}
	// The catalogue link works and filters.
	if r := p.get("/learning?competency=" + url.QueryEscape(f.Target)); r.status != 200 || !strings.Contains(r.body, f.Program) {
		t.Errorf("catalogue by competency: %d, program listed %v", r.status, strings.Contains(r.body, f.Program))
	}

	// The event page offers the matching item, chosen by default, and "none".
	r = p.get(eventPage)
	form := section(t, r.body, "register-form")
	if !strings.Contains(form, `id="f-idp-item"`) || !strings.Contains(form, `<option value="`+itoa(itemP)+`" selected>`) ||
		!strings.Contains(form, `<option value="">`) || !strings.Contains(text(form), "Kaitkan dengan butir IDP") {
		t.Fatalf("register form without the plan item:\n%s", form)
	}
	if strings.Contains(form, `value="`+itoa(itemQ)+`"`) {
		t.Error("the register form offers another employee's item")
	}

	// A forged item (Q's) is refused with the message; nothing changes.
	r = p.post(eventPage+"/register", url.Values{"idp_item": {itoa(itemQ)}})
	if r.status != http.StatusUnprocessableEntity || !strings.Contains(text(section(t, r.body, "mine")), "bukan butir rencana pengembangan Anda") {
		t.Errorf("forged item: %d %q", r.status, alertText(r.body))
	}
	if n := f.countEnrollments(t, f.P, f.Upcoming); n != 0 {
		t.Errorf("%d enrollments after a forged item", n)
	}
	// Not a number either.
	if r = p.post(eventPage+"/register", url.Values{"idp_item": {"x"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("item x: %d", r.status)
	}
	// Q, without an offered item, cannot link P's item either.
	q := f.as(t, f.Q)
	if r = q.post(eventPage+"/register", url.Values{"idp_item": {itoa(itemP)}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("Q with P's item: %d", r.status)
	}
	if n := f.countEnrollments(t, f.Q, f.Upcoming); n != 0 {
		t.Errorf("Q has %d enrollments after a forged item", n)
	}

	// Registering with the item links the enrollment to it.
	r = p.post(eventPage+"/register", url.Values{"idp_item": {itoa(itemP)}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("register with the item: %d %s", r.status, alertText(r.body))
	}
	if e := f.enrollmentOf(t, f.P, f.Upcoming); e.IDPItemID != itemP {
		t.Errorf("enrollment linked to item %d, want %d", e.IDPItemID, itemP)
	}
	r = p.get(idpPage)
	links := text(section(t, r.body, "item-1-enrollments"))
	if !strings.Contains(links, "Angkatan "+f.Upcoming) || !strings.Contains(links, "Menunggu persetujuan atasan") {
		t.Errorf("the item's enrollments: %q", links)
	}
	if !strings.Contains(r.body, `href="/learning/events/`+f.Upcoming+`"`) {
		t.Error("the enrollment does not link to its event")
	}
}

// TestLearningIDPLinkNone registers without linking the plan item.
func TestLearningIDPLinkNone(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	f.submittedPlan(t, f.P, f.actP, f.Target)
	p := f.as(t, f.P)
	// In English: the select and the IDP page's link.
	p.get("/lang/en")
	if form := text(section(t, p.get("/learning/events/"+f.Upcoming).body, "register-form")); !strings.Contains(form, "Link to development plan item") {
		t.Errorf("English register form: %q", form)
	}
	if row := text(section(t, p.get("/employees/"+f.P.NIP+"/idp?year=2027").body, "item-1")); !strings.Contains(row, "Find training") {
		t.Errorf("English IDP item: %q", row)
	}
	r := p.post("/learning/events/"+f.Upcoming+"/register", url.Values{"idp_item": {"0"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("register without an item: %d %s", r.status, alertText(r.body))
	}
	if e := f.enrollmentOf(t, f.P, f.Upcoming); e.ID == 0 || e.IDPItemID != 0 {
		t.Errorf("enrollment %d linked to item %d", e.ID, e.IDPItemID)
	}
}
