package app_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

var evidencePDF = []byte("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF\n")

func claimIn(title, form, on string, hours float64, jp int) app.ClaimInput {
	return app.ClaimInput{ClaimInput: learning.ClaimInput{Title: title, Organiser: "Universitas Padjadjaran", Form: form, ActivityOn: on,
		Hours: hours, JP: jp, Evidence: learning.Evidence{Name: "sertifikat.pdf", Data: evidencePDF}}}
}

func TestJPProgressOfEmployeeTeamAndUnit(t *testing.T) {
	o := newLedgerOrg(t)
	ctx := context.Background()
	a := o.a
	// Citra: program P (24 JP) completed in March; Dewi, a PPPK (target 24
	// JP): program P completed in November.
	o.enroll(t, o.eventE, 3, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC))
	o.enroll(t, o.eventF, 4, "completed", time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC))
	if err := a.Store.InTx(ctx, func(tx *store.Tx) error {
		_, err := tx.Exec(ctx, `UPDATE employees SET kind = 'pppk' WHERE id = 4`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := a.SubmitJPClaim(ctx, o.stafB, o.nip[4], claimIn("Seminar", "seminar", "2026-10-01", 0, 0)); app.ErrorCode(err) != app.CodeInvalid {
		t.Errorf("claim without a duration: %v", err)
	}

	v, err := a.JPLedger(ctx, o.stafA, o.nip[3], 2026)
	if err != nil || v.Ledger.Progress.JP() != 24 || !v.Ledger.Progress.Met() || v.Ledger.Target != 20 || len(v.Ledger.Entries) != 1 ||
		v.Ledger.Entries[0].Title != "Pengembangan Orientasi pada Hasil — Angkatan I" {
		t.Fatalf("Citra's own ledger: %+v %v", v.Ledger, err)
	}
	_, err = a.JPLedger(ctx, o.stafB, o.nip[3], 2026)
	expect(t, "a colleague's ledger", err, app.CodeNotFound)
	_, err = a.JPLedger(ctx, o.stafA, o.nip[3], 1999)
	expect(t, "year 1999", err, app.CodeInvalid)
	_, err = a.JPLedger(ctx, o.mitra, o.nip[3], 2026)
	expect(t, "mitra", err, app.CodeForbidden)

	// The kabid's team: Citra and Dewi, both direct and on target; not the
	// kabid himself.
	rep, err := a.TeamJP(ctx, o.kabid, 2026)
	if err != nil || len(rep.Rows) != 2 || rep.Rows[0].Name != "Citra Staf" || !rep.Rows[0].Direct || rep.Rows[1].Progress.TargetJP != 24 {
		t.Fatalf("kabid's team: %+v %v", rep.Rows, err)
	}
	if rep.Compliance.Met != 2 || rep.Compliance.Share() != 1 {
		t.Errorf("team compliance %+v", rep.Compliance)
	}
	// The kadis sees the kabid (direct) and the staff below (indirect).
	rep, err = a.TeamJP(ctx, o.kadis, 2026)
	if err != nil || len(rep.Rows) != 3 || rep.Rows[0].Name != "Budi Kabid" || !rep.Rows[0].Direct || rep.Rows[1].Direct {
		t.Errorf("kadis' team: %+v %v", rep.Rows, err)
	}

	// The unit: everyone of DLHK and its UPT; Dewi's 24 JP meet her PPPK
	// target exactly, the kadis and kabid have nothing yet.
	rep, err = a.UnitJP(ctx, o.adminDLHK, "DLHK", 2026)
	if err != nil || len(rep.Rows) != 4 || rep.UnitName != "Dinas Lingkungan Hidup dan Kebersihan" {
		t.Fatalf("unit: %+v %v", rep, err)
	}
	if rep.Compliance.Employees != 4 || rep.Compliance.Met != 2 || rep.Compliance.Share() != 0.5 {
		t.Errorf("unit compliance %+v", rep.Compliance)
	}
	_, err = a.UnitJP(ctx, o.adminBKPSDM, "DLHK", 2026)
	expect(t, "another agency's unit", err, app.CodeNotFound)
	_, err = a.UnitJP(ctx, o.admin, "NOPE", 2026)
	expect(t, "unknown unit", err, app.CodeNotFound)
	if rep, err := a.UnitJP(ctx, o.stafA, "DLHK", 2026); err != nil || len(rep.Rows) != 1 || rep.Rows[0].Name != "Citra Staf" {
		t.Errorf("an employee sees only their own row: %+v %v", rep.Rows, err)
	}

	// 2027: Dewi's claim of 2 hours in January 2027 is not in 2026.
	a.Now = func() time.Time { return time.Date(2027, 1, 20, 2, 0, 0, 0, time.UTC) }
	c, err := a.SubmitJPClaim(ctx, o.stafB, o.nip[4], claimIn("Kursus", "kursus", "2027-01-10", 2, 0))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.DecideJPClaim(ctx, o.kabid, c.ID, true, ""); err != nil {
		t.Fatal(err)
	}
	rep, _ = a.UnitJP(ctx, o.adminDLHK, "DLHK", 2026)
	rep27, _ := a.UnitJP(ctx, o.adminDLHK, "DLHK", 2027)
	for _, r := range rep.Rows {
		if r.Name == "Dewi Staf" && r.ClaimMinutes != 0 {
			t.Errorf("2027 claim counted in 2026: %+v", r)
		}
	}
	for _, r := range rep27.Rows {
		if r.Name == "Dewi Staf" && (r.ClaimMinutes != 120 || r.Progress.Met()) {
			t.Errorf("Dewi 2027: %+v", r)
		}
	}
}

func TestJPClaimApprovalRules(t *testing.T) {
	o := newLedgerOrg(t)
	ctx := context.Background()
	a := o.a
	citra := o.nip[3]

	// Bad input names the field and stores nothing.
	bad := claimIn("Seminar", "seminar", "2026-10-01", 2, 0)
	bad.Evidence = learning.Evidence{Name: "bukti.pdf", Data: []byte("bukan pdf")}
	_, err := a.SubmitJPClaim(ctx, o.stafA, citra, bad)
	if e, ok := err.(*app.Error); !ok || e.Code != app.CodeInvalid || e.Fields["evidence"] == "" || !strings.Contains(e.Message, "PDF, JPEG, atau PNG") {
		t.Fatalf("bad evidence: %v", err)
	}
	if cs, _ := a.EmployeeJPClaims(ctx, o.stafA, citra); len(cs) != 0 {
		t.Errorf("a refused claim was stored: %+v", cs)
	}
	// Only the employee (or an admin) claims; out of scope is not found.
	_, err = a.SubmitJPClaim(ctx, o.kabid, citra, claimIn("Seminar", "seminar", "2026-10-01", 2, 0))
	expect(t, "supervisor claims for the employee", err, app.CodeForbidden)
	_, err = a.SubmitJPClaim(ctx, o.stafBKPSDM, citra, claimIn("Seminar", "seminar", "2026-10-01", 2, 0))
	expect(t, "a stranger claims", err, app.CodeNotFound)

	c, err := a.SubmitJPClaim(ctx, o.stafA, citra, claimIn("Seminar Kota Tangguh", "seminar", "2026-10-01", 2.5, 0))
	if err != nil || c.Status != learning.ClaimPending || c.CreditMinutes != 150 || c.CanDecide {
		t.Fatalf("claim: %+v %v", c, err)
	}
	byAdmin, err := a.SubmitJPClaim(ctx, o.adminDLHK, o.nip[4], claimIn("E-learning ASN", "e_learning", "2026-09-01", 0, 12))
	if err != nil || byAdmin.CreditJP != 3 {
		t.Fatalf("admin's claim for Dewi (credited by the table): %+v %v", byAdmin, err)
	}

	// Who decides.
	_, err = a.DecideJPClaim(ctx, o.stafA, c.ID, true, "")
	expect(t, "own claim", err, app.CodeForbidden)
	_, err = a.DecideJPClaim(ctx, o.kadis, c.ID, true, "")
	expect(t, "the supervisor's supervisor", err, app.CodeForbidden)
	_, err = a.DecideJPClaim(ctx, o.adminBKPSDM, c.ID, true, "")
	expect(t, "another agency's admin", err, app.CodeNotFound)
	_, err = a.DecideJPClaim(ctx, o.stafB, c.ID, true, "")
	expect(t, "a colleague", err, app.CodeNotFound)
	_, err = a.DecideJPClaim(ctx, o.kabid, c.ID, false, "  ")
	expect(t, "rejection without a reason", err, app.CodeInvalid)

	q, err := a.JPClaimQueue(ctx, o.kabid)
	if err != nil || len(q) != 2 {
		t.Errorf("kabid's queue: %+v %v", q, err)
	}
	if q, _ := a.JPClaimQueue(ctx, o.kadis); len(q) != 0 {
		t.Errorf("kadis' queue holds his staff's staff: %+v", q)
	}
	if q, _ := a.JPClaimQueue(ctx, o.adminDLHK); len(q) != 2 {
		t.Errorf("agency admin's queue: %+v", q)
	}
	if q, _ := a.JPClaimQueue(ctx, o.adminBKPSDM); len(q) != 0 {
		t.Errorf("other agency's queue: %+v", q)
	}

	d, err := a.DecideJPClaim(ctx, o.kabid, c.ID, true, "sesuai sertifikat")
	if err != nil || d.Status != learning.ClaimApproved || d.DeciderName != "Budi Kabid" || d.Comment != "sesuai sertifikat" {
		t.Fatalf("approve: %+v %v", d, err)
	}
	_, err = a.DecideJPClaim(ctx, o.adminDLHK, c.ID, false, "ganda")
	expect(t, "second decision", err, app.CodeConflict)
	r, err := a.DecideJPClaim(ctx, o.adminDLHK, byAdmin.ID, false, "sertifikat tidak terbaca")
	if err != nil || r.Status != learning.ClaimRejected {
		t.Fatalf("admin rejects: %+v %v", r, err)
	}

	// The approved claim counts; the rejected one does not.
	l, _ := a.JPLedger(ctx, o.stafA, citra, 2026)
	if l.BySource[learning.JPFromClaim] != 150 {
		t.Errorf("Citra's ledger %+v", l.BySource)
	}
	if l, _ := a.JPLedger(ctx, o.stafB, o.nip[4], 2026); l.Ledger.Progress.Minutes != 0 {
		t.Errorf("rejected claim counted: %+v", l.Ledger)
	}

	// The evidence: the employee and the supervisor see it (the
	// supervisor's read audited); a colleague does not.
	ev, err := a.JPClaimEvidence(ctx, o.kabid, c.ID)
	if err != nil || ev.ContentType != "application/pdf" || len(ev.Data) != len(evidencePDF) {
		t.Errorf("evidence: %+v %v", ev, err)
	}
	_, err = a.JPClaimEvidence(ctx, o.stafB, c.ID)
	expect(t, "a colleague's evidence", err, app.CodeNotFound)
	trail, _ := a.Store.AuditTrail(ctx, "employee", citra, 20)
	seen := map[string]bool{}
	for _, e := range trail {
		seen[e.Action+" "+e.Actor] = true
	}
	if !seen["jp_claim.create user:6"] || !seen["jp_claim.decide user:5"] || !seen["employee.view user:5"] {
		t.Errorf("audit trail: %v", seen)
	}
}
