package api

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"testing"
)

// pdf is a small file with a PDF's signature.
var pdf = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")

func claimBody(nip string, data []byte, extra map[string]any) map[string]any {
	b := map[string]any{"nip": nip, "title": "Seminar Nasional Pengelolaan Sampah", "organiser": "Universitas Padjadjaran",
		"form": "seminar", "activity_on": "2026-10-14", "hours": 6,
		"evidence": map[string]any{"name": "sertifikat seminar.pdf", "data": base64.StdEncoding.EncodeToString(data)}}
	for k, v := range extra {
		if v == nil {
			delete(b, k)
		} else {
			b[k] = v
		}
	}
	return b
}

// TestClaimsOverHTTP: an employee claims external learning with a
// base64-encoded evidence file checked by its content and size; the
// direct supervisor decides (a rejection says why); an approved claim
// credits the JP ledger; nobody decides their own.
func TestClaimsOverHTTP(t *testing.T) {
	f := newFixture(t)
	w := f.world()
	supID, staff := f.team(w, 1)
	sup, emp, nip := f.as(w, supID), f.as(w, staff[0]), w.nips[staff[0]]
	before := f.ledger(emp, nip, 2026)

	r := f.do(emp, "POST", "/api/v1/claims", claimBody(nip, pdf, nil))
	var c claimJSON
	r.json(t, &c)
	if r.status != 201 || c.Status != "pending" || c.NIP != nip || c.ClaimedJP != 8 || c.CreditJP != 8 || c.Unit != "hours" ||
		c.Evidence.ContentType != "application/pdf" || c.Evidence.Name != "sertifikat_seminar.pdf" || c.Evidence.Size != len(pdf) || c.CanDecide {
		t.Fatalf("claim: %d %s", r.status, r.body)
	}
	if l := f.ledger(emp, nip, 2026); l.AchievedJP != before.AchievedJP {
		t.Errorf("a pending claim credits: %v → %v", before.AchievedJP, l.AchievedJP)
	}

	// Bad input names the field and stores nothing.
	big := append(append([]byte{}, pdf...), bytes.Repeat([]byte{' '}, 5<<20)...)
	for _, c := range []struct {
		body   any
		status int
		field  string
	}{
		{claimBody(nip, []byte("bukan pdf"), nil), 422, "evidence"},
		{claimBody(nip, pdf, map[string]any{"evidence": map[string]any{"name": "a.pdf", "data": "%%%"}}), 422, "evidence"},
		{claimBody(nip, pdf, map[string]any{"evidence": nil}), 422, "evidence"},
		{claimBody(nip, pdf, map[string]any{"jp": 4}), 422, "duration"},
		{claimBody(nip, pdf, map[string]any{"hours": nil}), 422, "duration"},
		{claimBody(nip, pdf, map[string]any{"activity_on": "2026-12-24"}), 422, "activity_on"},
		{claimBody(nip, pdf, map[string]any{"form": "kemah"}), 422, "form"},
		{claimBody(nip, pdf, map[string]any{"title": ""}), 422, "title"},
		{claimBody(nip, big, nil), 422, "evidence"},
		{claimBody(nip, append(big, bytes.Repeat([]byte{' '}, 1<<20)...), nil), 413, ""},
		{claimBody(f.other.NIP, pdf, nil), 404, ""},
	} {
		f.expectStatus(f.do(emp, "POST", "/api/v1/claims", c.body), c.status, c.field, fmt.Sprintf("claim %v", c.field))
	}

	// The supervisor decides; the employee cannot.
	id := fmt.Sprintf("/api/v1/claims/%d", c.ID)
	r = f.do(sup, "GET", id, nil)
	r.json(t, &c)
	if r.status != 200 || !c.CanDecide {
		t.Fatalf("the supervisor's view: %d %s", r.status, r.body)
	}
	f.expectStatus(f.do(emp, "POST", id+"/decision", map[string]any{"approve": true}), 403, "", "deciding one's own claim")
	r = f.do(sup, "POST", id+"/decision", map[string]any{"approve": true, "comment": "Sesuai sertifikat"})
	r.json(t, &c)
	if r.status != 200 || c.Status != "approved" || c.DecidedBy == nil || c.DecidedAt == nil || c.CanDecide {
		t.Fatalf("approval: %d %s", r.status, r.body)
	}
	f.expectStatus(f.do(sup, "POST", id+"/decision", map[string]any{"approve": false, "comment": "batal"}), 409, "", "deciding twice")
	if l := f.ledger(emp, nip, 2026); l.AchievedJP != before.AchievedJP+8 || l.BySource.Claim != before.BySource.Claim+8 {
		t.Errorf("an approved claim of 8 JP: %v → %v", before.AchievedJP, l.AchievedJP)
	}

	// A second claim, in JP, rejected with a reason.
	r = f.do("admin_opd", "POST", "/api/v1/claims", claimBody(nip, pdf, map[string]any{"hours": nil, "jp": 3, "title": "Kursus Daring"}))
	var c2 claimJSON
	r.json(t, &c2)
	if r.status != 201 || c2.Unit != "jp" || c2.ClaimedJP != 3 || !c2.CanDecide {
		t.Fatalf("a claim by the agency admin: %d %s", r.status, r.body)
	}
	id2 := fmt.Sprintf("/api/v1/claims/%d/decision", c2.ID)
	f.expectStatus(f.do(sup, "POST", id2, map[string]any{"approve": false}), 422, "comment", "a rejection without a reason")
	r = f.do(sup, "POST", id2, map[string]any{"approve": false, "comment": "Bukti tidak terbaca"})
	r.json(t, &c2)
	if r.status != 200 || c2.Status != "rejected" || c2.Comment == nil || *c2.Comment != "Bukti tidak terbaca" {
		t.Fatalf("rejection: %d %s", r.status, r.body)
	}
	var l struct{ Items []claimJSON }
	f.do(emp, "GET", "/api/v1/employees/"+nip+"/claims", nil).json(t, &l)
	if len(l.Items) != 2 || l.Items[0].ID != c2.ID || l.Items[1].ID != c.ID {
		t.Errorf("the employee's claims: %+v", l.Items)
	}
	if s := f.log.String(); s != "" {
		t.Errorf("claims logged: %s", s)
	}
}
