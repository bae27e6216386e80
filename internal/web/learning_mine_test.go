package web

import (
	"bytes"
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	ics "github.com/arran4/golang-ical"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// Scenarios of "my learning": the JP bar and ledger, claims with their
// evidence, certificates and their public verification, the reaction
// survey and the calendar feed.

// claimsOf lists an employee's claims.
func (f *lwFixture) claimsOf(t *testing.T, e store.EmployeeRow) []store.ClaimRow {
	t.Helper()
	rows, err := f.st.s.JPClaims(context.Background(), store.ClaimQuery{EmployeeID: e.ID})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

var jpFigureRE = regexp.MustCompile(`([\d.]+,\d) dari (\d+) JP`)

// jpOf reads the achieved JP of the bar on my learning ("72,0 dari 20 JP").
func jpOf(t *testing.T, body string) string {
	t.Helper()
	m := jpFigureRE.FindStringSubmatch(text(section(t, body, "jp-progress")))
	if m == nil {
		t.Fatalf("no JP figure in %q", text(section(t, body, "jp-progress")))
	}
	return m[1]
}

func TestLearningMineLedger(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	r := f.as(t, f.P).get("/learning/mine")
	if r.status != 200 {
		t.Fatalf("mine: %d", r.status)
	}
	bar := section(t, r.body, "jp-progress")
	if !strings.Contains(text(bar), "dari 20 JP") || !strings.Contains(bar, `class="bar bar-wide"`) {
		t.Errorf("JP bar: %q", text(bar))
	}
	// The bar carries words, not colour alone.
	if !strings.Contains(text(bar), "Tercapai") && !strings.Contains(text(bar), "Belum tercapai") {
		t.Error("the bar has no label")
	}
	ledger := tableAfter(t, r.body, `id="ledger"`)
	found := false
	for _, row := range ledger {
		if strings.Contains(row[2], "Angkatan "+f.Past) && row[3] == "24,0" && row[1] == "Pelatihan selesai" {
			found = true
		}
	}
	if !found {
		t.Errorf("the ledger lacks the completed event: %v", ledger)
	}
	hist := section(t, r.body, "enrollment-"+strconv.FormatInt(f.DoneP, 10))
	if !strings.Contains(hist, "/learning/enrollments/"+strconv.FormatInt(f.DoneP, 10)+"/certificate.pdf") ||
		!strings.Contains(hist, "/learning/events/"+f.Past+"/survey") {
		t.Errorf("the completed enrollment lacks its certificate or survey link: %q", text(hist))
	}
	if r := f.as(t, f.P).get("/learning/mine?year=2101"); r.status != 404 {
		t.Errorf("year 2101: %d", r.status)
	}
	// An account without an employee record is told so.
	if r := f.st.login(t, app.RoleMitra).get("/learning/mine"); r.status != 200 || !strings.Contains(text(r.body), "tidak terhubung dengan data pegawai") {
		t.Errorf("mitra: %d", r.status)
	}
}

func TestLearningClaimForm(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	p := f.as(t, f.P)
	fields := url.Values{"title": {"Lokakarya Drainase Berkelanjutan"}, "organiser": {"Institut Teknologi Bandung"}, "form": {"workshop"},
		"activity_on": {"2026-11-02"}, "unit": {"hours"}, "amount": {"4,5"}}
	before := len(f.claimsOf(t, f.P))

	// Without evidence: the message beside the file field, nothing stored.
	r := p.postFile("/learning/claims", fields, "", "", nil)
	if r.status != 422 || !strings.Contains(fieldErrors(r.body)["evidence"], "bukti") {
		t.Fatalf("no evidence: %d %v", r.status, fieldErrors(r.body))
	}
	if !strings.Contains(r.body, `value="Lokakarya Drainase Berkelanjutan"`) {
		t.Error("the form lost what was entered")
	}
	// A text file named .pdf: refused by its content.
	r = p.postFile("/learning/claims", fields, "evidence", "sertifikat.pdf", []byte("bukan berkas PDF sama sekali"))
	if r.status != 422 || !strings.Contains(fieldErrors(r.body)["evidence"], "bukan PDF") {
		t.Errorf("text as PDF: %d %v", r.status, fieldErrors(r.body))
	}
	// Several fields wrong at once: each message beside its field.
	bad := url.Values{"title": {""}, "organiser": {"ITB"}, "form": {"rapat"}, "activity_on": {"2030-01-01"}, "unit": {"jp"}, "amount": {"2,5"}}
	r = p.postFile("/learning/claims", bad, "evidence", "a.pdf", pdfBytes())
	fe := fieldErrors(r.body)
	for _, k := range []string{"title", "form", "activity", "duration"} {
		if fe[k] == "" {
			t.Errorf("no message for %s: %v", k, fe)
		}
	}
	// Too large: refused with the evidence's message.
	r = p.postFile("/learning/claims", fields, "evidence", "besar.pdf", append(pdfBytes(), make([]byte, learning.MaxEvidenceBytes+300<<10)...))
	if r.status != 422 || !strings.Contains(fieldErrors(r.body)["evidence"], "5 MiB") {
		t.Errorf("too large: %d %v", r.status, fieldErrors(r.body))
	}
	if n := len(f.claimsOf(t, f.P)); n != before {
		t.Fatalf("refused claims were stored: %d → %d", before, n)
	}
	// A PNG named .pdf: the use case accepts images, so it is taken, typed
	// by its content.
	r = p.postFile("/learning/claims", fields, "evidence", "foto-sertifikat.pdf", pngBytes())
	if r.status != http.StatusSeeOther {
		t.Fatalf("PNG: %d %v", r.status, fieldErrors(r.body))
	}
	claims := f.claimsOf(t, f.P)
	if len(claims) != before+1 {
		t.Fatalf("%d claims", len(claims))
	}
	c := claims[0]
	if c.Evidence.ContentType != "image/png" || c.Evidence.Name != "foto-sertifikat.png" || c.ClaimedMinutes != 270 {
		t.Errorf("stored claim: %+v", c.Evidence)
	}
	r = lwFollow(p, r)
	row := text(section(t, r.body, "claim-"+strconv.FormatInt(c.ID, 10)))
	if !strings.Contains(row, "Lokakarya Drainase") || !strings.Contains(row, "Menunggu persetujuan") || !strings.Contains(row, "4,5 jam") {
		t.Errorf("claim row %q", row)
	}
	ev := p.get("/learning/claims/" + strconv.FormatInt(c.ID, 10) + "/evidence")
	if ev.status != 200 || ev.header.Get("Content-Type") != "image/png" || !strings.HasPrefix(ev.header.Get("Content-Disposition"), "attachment") ||
		!bytes.Equal([]byte(ev.body), pngBytes()) {
		t.Errorf("evidence: %d %s %s", ev.status, ev.header.Get("Content-Type"), ev.header.Get("Content-Disposition"))
	}
	// Another employee's claim and its evidence are not found for P.
	if r := p.get("/learning/claims/" + strconv.FormatInt(f.ClaimQ, 10) + "/evidence"); r.status != 404 {
		t.Errorf("Q's evidence for P: %d", r.status)
	}
	if r := p.post("/learning/claims/"+strconv.FormatInt(f.ClaimQ, 10)+"/decide", url.Values{"decision": {"approve"}}); r.status != 404 {
		t.Errorf("P deciding Q's claim: %d", r.status)
	}
}

func TestLearningClaimDecisionMovesTheBar(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	sup, q := f.as(t, f.Sup), f.as(t, f.Q)
	id := strconv.FormatInt(f.ClaimQ, 10)
	before := jpOf(t, q.get("/learning/mine").body)

	r := sup.get("/learning/approvals")
	row := section(t, r.body, "claim-"+id)
	if !strings.Contains(text(row), "Seminar Nasional Tata Kota") || !strings.Contains(row, "/learning/claims/"+id+"/evidence") {
		t.Fatalf("claim queue: %q", text(row))
	}
	if ev := sup.get("/learning/claims/" + id + "/evidence"); ev.status != 200 || ev.header.Get("Content-Type") != "application/pdf" {
		t.Errorf("evidence for the supervisor: %d %s", ev.status, ev.header.Get("Content-Type"))
	}
	// A rejection needs a comment.
	r = sup.post("/learning/claims/"+id+"/decide", url.Values{"decision": {"reject"}, "comment": {" "}})
	if r.status != 422 || !strings.Contains(text(section(t, r.body, "claim-"+id)), "alasan penolakan") {
		t.Errorf("reject without comment: %d", r.status)
	}
	if c := f.claimsOf(t, f.Q)[0]; c.Status != learning.ClaimPending {
		t.Errorf("claim %s after a refused rejection", c.Status)
	}
	// Q cannot decide their own claim.
	if r := q.post("/learning/claims/"+id+"/decide", url.Values{"decision": {"approve"}}); r.status != http.StatusForbidden {
		t.Errorf("own claim: %d", r.status)
	}
	r = sup.post("/learning/claims/"+id+"/decide", url.Values{"decision": {"approve"}, "comment": {"Bukti lengkap"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("approve: %d %s", r.status, text(r.body))
	}
	after := jpOf(t, q.get("/learning/mine").body)
	if before == after {
		t.Errorf("the JP bar did not move: %s → %s", before, after)
	}
	b, _ := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(before, ".", ""), ",", "."), 64)
	a, _ := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(after, ".", ""), ",", "."), 64)
	if a-b != 8 { // six hours of seminar: 360 minutes = 8 JP
		t.Errorf("JP %s → %s, want +8", before, after)
	}
}

func TestLearningCertificateAndVerification(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	p := f.as(t, f.P)
	r := p.get("/learning/enrollments/" + strconv.FormatInt(f.DoneP, 10) + "/certificate.pdf")
	if r.status != 200 || r.header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(r.body, "%PDF-") {
		t.Fatalf("certificate: %d %s", r.status, r.header.Get("Content-Type"))
	}
	// Someone else's certificate: not found, as a missing one.
	for _, path := range []string{"/learning/enrollments/" + strconv.FormatInt(f.DoneQ, 10) + "/certificate.pdf",
		"/learning/enrollments/99999999/certificate.pdf", "/learning/enrollments/abc/certificate.pdf"} {
		if r := p.get(path); r.status != 404 {
			t.Errorf("%s for P: %d", path, r.status)
		}
	}
	if r := f.as(t, f.X).get("/learning/enrollments/" + strconv.FormatInt(f.DoneP, 10) + "/certificate.pdf"); r.status != 404 {
		t.Errorf("P's certificate for X: %d", r.status)
	}
	// The supervisor may download it (the holder is in the team).
	if r := f.as(t, f.Sup).get("/learning/enrollments/" + strconv.FormatInt(f.DoneP, 10) + "/certificate.pdf"); r.status != 200 {
		t.Errorf("supervisor: %d", r.status)
	}
	// Not completed: a message, no file.
	p.post("/learning/events/"+f.Upcoming+"/register", url.Values{})
	pe := f.enrollmentOf(t, f.P, f.Upcoming)
	if r := p.get("/learning/enrollments/" + strconv.FormatInt(pe.ID, 10) + "/certificate.pdf"); r.status != http.StatusConflict ||
		!strings.Contains(text(r.body), "setelah pelatihan dinyatakan lulus") {
		t.Errorf("not completed: %d", r.status)
	}

	cert, err := f.st.app.Certificate(context.Background(), f.actP, f.DoneP)
	if err != nil {
		t.Fatal(err)
	}
	anon := f.st.client(t)
	v := anon.get("/verifikasi/" + cert.Code)
	if v.status != 200 || v.header.Get("X-Robots-Tag") == "" || len(v.header.Values("Set-Cookie")) != 0 {
		t.Fatalf("verification: %d robots %q cookies %v", v.status, v.header.Get("X-Robots-Tag"), v.header.Values("Set-Cookie"))
	}
	body := text(section(t, v.body, "verification"))
	for _, want := range []string{"Sertifikat sah", f.P.Name, "Pelatihan Uji Pengembangan", "27 November 2026"} {
		if !strings.Contains(body, want) {
			t.Errorf("verification lacks %q: %q", want, body)
		}
	}
	// Nothing beyond the four fields: no NIP, number, unit, JP, provider
	// or scores anywhere on the page.
	page := text(v.body)
	for _, never := range []string{f.P.NIP, cert.Number, f.P.UnitName, "24 JP", "BKPSDM Kota Bandung", "Angkatan " + f.Past, f.P.PositionTitle} {
		if never != "" && strings.Contains(page, never) {
			t.Errorf("the verification page shows %q", never)
		}
	}
	if got := len(regexp.MustCompile(`<dt>`).FindAllString(v.body, -1)); got != 3 {
		t.Errorf("%d facts on the verification page, want name, program, date", got)
	}
	// Unknown and malformed codes: the same page.
	u1, u2 := anon.get("/verifikasi/AAAAAAAAAAAAAAAAAAAAAA"), anon.get("/verifikasi/%3Cscript%3E")
	if u1.status != 404 || u2.status != 404 || u1.body != u2.body || !strings.Contains(text(u1.body), "tidak dikenal") {
		t.Errorf("unknown %d, malformed %d, same page %v", u1.status, u2.status, u1.body == u2.body)
	}
	// Revoked.
	if _, err := f.st.app.RevokeCertificate(context.Background(), app.System, cert.Number, "Data kehadiran keliru"); err != nil {
		t.Fatal(err)
	}
	if v := anon.get("/verifikasi/" + cert.Code); v.status != 200 || !strings.Contains(text(v.body), "telah dicabut") || strings.Contains(text(v.body), "Data kehadiran keliru") {
		t.Errorf("revoked: %d %q", v.status, text(section(t, v.body, "verification")))
	}
	if r := p.get("/learning/enrollments/" + strconv.FormatInt(f.DoneP, 10) + "/certificate.pdf"); r.status != http.StatusConflict ||
		!strings.Contains(text(r.body), "dicabut") {
		t.Errorf("a revoked certificate is handed out: %d", r.status)
	}
}

func TestLearningSurvey(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	p := f.as(t, f.P)
	path := "/learning/events/" + f.Past + "/survey"
	if r := p.get(path); r.status != 200 || !strings.Contains(r.body, `id="survey-form"`) {
		t.Fatalf("survey: %d", r.status)
	}
	// A value off the scale and one missing: the messages, nothing stored.
	r := p.post(path, url.Values{"relevance": {"9"}, "content": {"4"}, "facilitator": {"5"}})
	fe := fieldErrors(r.body)
	if r.status != 422 || fe["relevance"] == "" || fe["organisation"] == "" || fe["content"] != "" {
		t.Errorf("bad survey: %d %v", r.status, fe)
	}
	if !strings.Contains(r.body, `name="content" value="4" checked`) {
		t.Error("the survey lost the answers given")
	}
	if r := p.get(path); !strings.Contains(r.body, `id="survey-form"`) {
		t.Error("a refused survey was stored")
	}
	r = p.post(path, url.Values{"relevance": {"5"}, "content": {"4"}, "facilitator": {"5"}, "organisation": {"3"}, "comment": {"Materi sangat terapan"}})
	if r.status != http.StatusSeeOther {
		t.Fatalf("survey: %d %v", r.status, fieldErrors(r.body))
	}
	if r := p.get(path); !strings.Contains(r.body, `id="survey-done"`) {
		t.Error("the answered survey is offered again")
	}
	// Once only.
	if r := p.post(path, url.Values{"relevance": {"1"}, "content": {"1"}, "facilitator": {"1"}, "organisation": {"1"}}); r.status == http.StatusSeeOther {
		t.Error("a second answer was taken")
	}
	// Someone who did not take part has no survey.
	if r := f.as(t, f.X).get(path); r.status != 404 {
		t.Errorf("X: %d", r.status)
	}
}

func TestLearningCalendarFeed(t *testing.T) {
	t.Parallel()
	f := newLWFixture(t)
	p := f.as(t, f.P)
	r := p.post("/learning/calendar-token", url.Values{})
	if r.status != 200 {
		t.Fatalf("rotate: %d", r.status)
	}
	m := regexp.MustCompile(`value="(http://[^"]+/kalender/(kal_[A-Za-z0-9_-]+))"`).FindStringSubmatch(r.body)
	if m == nil {
		t.Fatalf("no feed URL in %q", text(r.body))
	}
	token := m[2]
	// Shown once: not on my learning afterwards, not in the log.
	if r := p.get("/learning/mine"); strings.Contains(r.body, token) || !strings.Contains(text(section(t, r.body, "calendar-status")), "aktif sejak") {
		t.Error("the token is shown again, or the status does not say it is active")
	}
	anon := f.st.client(t)
	feed := anon.get("/kalender/" + token)
	if feed.status != 200 || !strings.HasPrefix(feed.header.Get("Content-Type"), "text/calendar") || feed.header.Get("Cache-Control") != "no-store" {
		t.Fatalf("feed: %d %s %q", feed.status, feed.header.Get("Content-Type"), feed.header.Get("Cache-Control"))
	}
	evs := parseICS(t, feed.body)
	sessions := 0
	for _, e := range evs {
		if strings.Contains(e["SUMMARY"], "Angkatan "+f.Past) {
			sessions++
		}
	}
	if sessions != 2 {
		t.Errorf("the feed holds %d sessions of the attended event, want 2: %v", sessions, evs)
	}
	// A new token retires the old one.
	p.post("/learning/calendar-token", url.Values{})
	if r := anon.get("/kalender/" + token); r.status != 404 {
		t.Errorf("retired token: %d", r.status)
	}
	if r := anon.get("/kalender/kal_" + strings.Repeat("A", 43)); r.status != 404 {
		t.Errorf("unknown token: %d", r.status)
	}
	if strings.Contains(f.st.log.String(), token) {
		t.Error("the token reached the log")
	}
}

// parseICS parses a feed with an independent iCalendar reader and returns
// each VEVENT's properties; it fails on anything RFC 5545 readers reject
// (bare LF line ends, unbalanced components, events without UID/DTSTART).
func parseICS(t *testing.T, body string) []map[string]string {
	t.Helper()
	if strings.Contains(strings.ReplaceAll(body, "\r\n", ""), "\n") {
		t.Fatal("iCalendar lines must end in CRLF")
	}
	if !strings.HasPrefix(body, "BEGIN:VCALENDAR\r\n") || !strings.HasSuffix(body, "END:VCALENDAR\r\n") {
		t.Fatalf("not a VCALENDAR: %q", body[:min(60, len(body))])
	}
	cal, err := ics.ParseCalendar(strings.NewReader(body))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	var out []map[string]string
	for _, e := range cal.Events() {
		props := map[string]string{}
		for _, p := range e.Properties {
			props[p.IANAToken] = p.Value
		}
		for _, k := range []string{"UID", "DTSTART", "DTEND", "DTSTAMP", "SUMMARY"} {
			if props[k] == "" {
				t.Errorf("event without %s: %v", k, props)
			}
		}
		out = append(out, props)
	}
	return out
}
