package web

import (
	"bytes"
	"context"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
)

// TestPartnerPages runs the partner pages on both engines: expiry warnings
// at 90 and 30 days, highlighted; a partner and an agreement refused with
// their messages (a PNG named .pdf, an end before the start) and nothing
// stored; an agreement with its PDF stored, downloaded as an attachment and
// replaced; and a mitra limited to its own institution.
func TestPartnerPages(t *testing.T) {
	t.Parallel()
	talentEngines(t, testPartnerPages)
}

func testPartnerPages(t *testing.T, st *site) {
	ctx := context.Background()
	p, x := ladmPeople(t, st)
	f := newLadmFix(t, st, p, x)
	admin := st.login(t, app.RoleAdminBKPSDM)
	today := st.app.Today()
	day := func(n int) string { return today.AddDate(0, 0, n).Format("2006-01-02") }

	// Two partners whose only agreements end in 20 and in 60 days.
	for _, a := range []struct {
		code, name string
		ends       int
	}{{"UJI-30", "Lembaga Uji Tiga Puluh", 20}, {"UJI-90", "Lembaga Uji Sembilan Puluh", 60}} {
		ladmPartner(t, st, a.code, a.name)
		if _, err := st.app.SavePartnerAgreement(ctx, app.System, a.code, 0,
			app.AgreementInput{Number: "PKS/" + a.code, StartsOn: day(-300), EndsOn: day(a.ends)}, nil); err != nil {
			t.Fatal(err)
		}
	}
	page := admin.get("/partners")
	wantStatus(t, "partners", page, 200)
	warn := between(page.body, `id="agreement-warnings"`, "</section>")
	w30 := between(warn, `class="warning-expiring_30"`, "</li>")
	w90 := between(warn, `class="warning-expiring_90"`, "</li>")
	if !strings.Contains(w30, "Lembaga Uji Tiga Puluh") || !strings.Contains(w30, `badge kms`) || !strings.Contains(text(w30), "20 hari lagi") {
		t.Errorf("the 30-day warning: %q", text(w30))
	}
	if !strings.Contains(w90, "Lembaga Uji Sembilan Puluh") || !strings.Contains(w90, `badge warn`) || !strings.Contains(text(w90), "60 hari lagi") {
		t.Errorf("the 90-day warning: %q", text(w90))
	}
	if strings.Contains(warn, f.own.Name) {
		t.Error("an agreement in force for years is flagged")
	}
	row := text(between(page.body, `id="partner-UJI-30"`, "</tr>"))
	if !strings.Contains(row, "Berakhir ≤ 30 hari") {
		t.Errorf("the list's row: %q", row)
	}

	// A partner refused (no kind, a bad e-mail), then added.
	form := url.Values{"code": {"UJI-BARU"}, "name": {"Universitas Uji Baru"}, "email": {"bukan e-mail"}}
	r := admin.post("/partners", form)
	wantStatus(t, "partner with bad input", r, 422)
	if fieldError(r.body, "pa-kind") == "" || fieldError(r.body, "pa-email") == "" {
		t.Errorf("messages: kind %q, email %q", fieldError(r.body, "pa-kind"), fieldError(r.body, "pa-email"))
	}
	if inputValue(r.body, "pa-name") != "Universitas Uji Baru" {
		t.Error("the name typed is not kept")
	}
	if _, err := st.s.PartnerByCode(ctx, "UJI-BARU"); err == nil {
		t.Fatal("a refused partner was stored")
	}
	form.Set("kind", "universitas")
	form.Set("email", "kerja.sama@uji.ac.id")
	page = done(t, admin, "add the partner", "/partners", form)
	if heading(page.body) != "Universitas Uji Baru" {
		t.Errorf("after adding: %q", heading(page.body))
	}

	// Agreements: a PNG named .pdf, then an end before the start; nothing stored.
	count := func() int {
		rows, err := st.s.Agreements(ctx, 0)
		if err != nil {
			t.Fatal(err)
		}
		return len(rows)
	}
	before := count()
	fields := url.Values{"number": {"PKS/001/UJI/2026"}, "scope": {"Pelatihan teknis"}, "starts_on": {"2026-01-01"}, "ends_on": {"2028-12-31"}}
	agr := "/partners/UJI-BARU/agreements"
	r = admin.postMultipart(agr, fields, "document", "perjanjian.pdf", testPNG)
	wantStatus(t, "a PNG named .pdf", r, 422)
	if msg := fieldError(r.body, "ag-document"); !strings.Contains(msg, "PDF") {
		t.Errorf("document: message %q", msg)
	}
	if inputValue(r.body, "ag-number") != "PKS/001/UJI/2026" {
		t.Error("the number typed is not kept")
	}
	fields.Set("ends_on", "2025-12-31")
	r = admin.postMultipart(agr, fields, "document", "perjanjian.pdf", testPDF)
	wantStatus(t, "an end before the start", r, 422)
	if msg := fieldError(r.body, "ag-ends"); !strings.Contains(msg, "sebelum") {
		t.Errorf("end date: message %q", msg)
	}
	admin.lang = "en"
	r = admin.postMultipart(agr, fields, "document", "perjanjian.pdf", testPNG)
	if msg := fieldError(r.body, "ag-document"); r.status != 422 || !strings.Contains(msg, "PDF") || fieldError(r.body, "ag-ends") == "" {
		t.Errorf("English: %d, document %q, end %q", r.status, msg, fieldError(r.body, "ag-ends"))
	}
	admin.lang = ""
	if n := count(); n != before {
		t.Fatalf("refused agreements were stored: %d → %d", before, n)
	}
	// Accepted with its PDF, then downloaded.
	fields.Set("ends_on", "2028-12-31")
	r = admin.postMultipart(agr, fields, "document", `..\surat "kerja sama".pdf`, testPDF)
	wantStatus(t, "add the agreement", r, 303)
	page = admin.get(withoutFragment(r.location()))
	rows := tableAfter(t, page.body, `id="agreement-list"`)
	if len(rows) != 1 || !strings.Contains(rows[0][0], "PKS/001/UJI/2026") || !strings.Contains(rows[0][2], "Berlaku") {
		t.Fatalf("agreements: %v", rows)
	}
	all, _ := st.s.Agreements(ctx, 0)
	var id int64
	for _, a := range all {
		if a.Number == "PKS/001/UJI/2026" {
			id = a.ID
		}
	}
	doc := "/partners/agreements/" + strconv.FormatInt(id, 10) + "/document.pdf"
	r = admin.get(doc)
	wantStatus(t, "download", r, 200)
	if r.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(r.header.Get("Content-Disposition"), "attachment") ||
		r.header.Get("X-Content-Type-Options") != "nosniff" || !bytes.Equal([]byte(r.body), testPDF) {
		t.Errorf("download: %q %q %q, %d bytes", r.header.Get("Content-Type"), r.header.Get("Content-Disposition"),
			r.header.Get("X-Content-Type-Options"), len(r.body))
	}
	if cd := r.header.Get("Content-Disposition"); strings.Contains(cd, `\`) || strings.Contains(cd, "..") {
		t.Errorf("the file name keeps a path: %q", cd)
	}
	// Changed: terminated early, the PDF replaced; a PNG refused for it.
	page = admin.get("/partners/UJI-BARU?agreement=" + strconv.FormatInt(id, 10))
	if inputValue(page.body, "ag-number") != "PKS/001/UJI/2026" || inputValue(page.body, "ag-ends") != "2028-12-31" {
		t.Error("the form does not open on the agreement")
	}
	upd := url.Values{"id": {strconv.FormatInt(id, 10)}, "number": {"PKS/001/UJI/2026"}, "starts_on": {"2026-01-01"}, "ends_on": {"2028-12-31"}}
	r = admin.postMultipart(agr, upd, "document", "baru.pdf", testPNG)
	wantStatus(t, "replace with a PNG", r, 422)
	replaced := append(append([]byte(nil), testPDF[:len(testPDF)-7]...), []byte("% v2\n%%EOF\n")...)
	upd.Set("terminated_on", "2026-11-01")
	r = admin.postMultipart(agr, upd, "document", "baru.pdf", replaced)
	wantStatus(t, "change the agreement", r, 303)
	if r = admin.get(doc); !bytes.Equal([]byte(r.body), replaced) {
		t.Error("the document was not replaced")
	}
	if a, _ := st.s.AgreementByID(ctx, id); a.Status(today) != learning.AgreementTerminated {
		t.Errorf("after termination: %s", a.Status(today))
	}
	// Saved again without choosing a file (a browser sends an empty part):
	// the stored document stays.
	upd.Set("scope", "Pelatihan teknis dan riset terapan")
	r = admin.postMultipart(agr, upd, "document", "", nil)
	wantStatus(t, "save without a new file", r, 303)
	if r = admin.get(doc); !bytes.Equal([]byte(r.body), replaced) {
		t.Error("saving without a file dropped the document")
	}
	// Another partner's agreement through this partner's form is not found.
	wantStatus(t, "another partner's agreement", admin.postMultipart(agr, url.Values{"id": {strconv.FormatInt(f.agrOther, 10)},
		"number": {"X"}, "starts_on": {"2026-01-01"}, "ends_on": {"2026-12-31"}}, "", "", nil), 404)
	// A body larger than the limit is refused before it is read.
	big := append(append([]byte(nil), testPDF[:9]...), bytes.Repeat([]byte("0"), learning.MaxDocumentSize+512<<10)...)
	r = admin.postMultipart(agr, fields, "document", "besar.pdf", big)
	if r.status != 413 || !strings.Contains(fieldError(r.body, "ag-document"), "terlalu besar") {
		t.Errorf("a too large upload: %d %q", r.status, fieldError(r.body, "ag-document"))
	}

	// A mitra: its own partner only.
	mitra := st.login(t, app.RoleMitra)
	page = mitra.get("/partners")
	wantStatus(t, "mitra: partners", page, 200)
	if rows := tableAfter(t, page.body, `id="partner-list"`); len(rows) != 1 || rows[0][0] != f.own.Code {
		t.Errorf("mitra: the list holds %v", rows)
	}
	if strings.Contains(page.body, "Lembaga Uji Tiga Puluh") {
		t.Error("mitra: another institution's agreement is flagged to it")
	}
	wantStatus(t, "mitra: another partner", mitra.get("/partners/"+f.other.Code), 404)
	wantStatus(t, "mitra: another's document", mitra.get("/partners/agreements/"+strconv.FormatInt(f.agrOther, 10)+"/document.pdf"), 404)
	wantStatus(t, "mitra: its own document", mitra.get("/partners/agreements/"+strconv.FormatInt(f.agrOwn, 10)+"/document.pdf"), 200)
	wantStatus(t, "mitra: add a partner", mitra.post("/partners", form), 403)
	wantStatus(t, "mitra: add an agreement", mitra.postMultipart("/partners/"+f.own.Code+"/agreements", fields, "document", "a.pdf", testPDF), 403)
	if page = mitra.get("/partners/" + f.own.Code); strings.Contains(page.body, `id="agreement-form"`) {
		t.Error("mitra: offered the agreement form")
	}
}
