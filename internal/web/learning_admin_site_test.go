package web

import (
	"bytes"
	"context"
	"errors"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/learning"
	"asah/internal/store"
)

// ladmFix is the learning data the administration pages' tests work on,
// made through the use cases on top of the demo: the demo mitra's own
// institution and another one, a program and a running event of each (two
// sessions, the first a week ago, the second this morning before the
// clock), participants in both, and an agreement with a PDF for each
// partner.
type ladmFix struct {
	own, other         learning.Partner
	progOwn, progOther string
	evOwn, evOther     string
	// Enrollments: X (Dinas Pendidikan) in evOwn, P (the pegawai account)
	// in evOther, both accepted.
	enrOwnX, enrOtherP int64
	agrOwn, agrOther   int64
}

// testPDF is the smallest file the agreement check accepts as a PDF.
var testPDF = []byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")

// testPNG is the start of a PNG image: what a renamed picture holds.
var testPNG = append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0}, 64)...)

// ladmPartner returns the partner of a code, adding it when missing.
func ladmPartner(t *testing.T, st *site, code, name string) learning.Partner {
	t.Helper()
	ctx := context.Background()
	if p, err := st.s.PartnerOf(ctx, name); err == nil {
		return p
	} else if !errors.Is(err, store.ErrNotFound) {
		t.Fatal(err)
	}
	p, err := st.app.CreatePartner(ctx, app.System, app.PartnerInput{Code: code, Name: name, Kind: "universitas"})
	if err != nil {
		t.Fatalf("partner %s: %v", code, err)
	}
	return p
}

// ladmProgram adds a program of a provider: one target competency (M.1 to
// level 3), open to everyone, 16 JP.
func ladmProgram(t *testing.T, st *site, code, provider string) {
	t.Helper()
	_, err := st.app.CreateProgram(context.Background(), app.System, app.ProgramInput{Code: code, Title: "Pelatihan " + code,
		JP: 16, Provider: provider, Form: "pelatihan_teknis", Delivery: "tatap_muka",
		Targets: []app.TargetInput{{Competency: "M.1", Level: 3}}})
	if err != nil {
		t.Fatalf("program %s: %v", code, err)
	}
}

// ladmEvent adds an event of a program around the demo's today with two
// sessions that have both started (a week ago and at 08:00 today), opens
// its registration and returns its code. Registration runs until today.
func ladmEvent(t *testing.T, st *site, program, code string) string {
	t.Helper()
	ctx := context.Background()
	_, err := st.app.CreateEvent(ctx, app.System, app.EventInput{Program: program, Code: code, Title: "Angkatan I",
		StartsOn: "2026-11-20", EndsOn: "2026-11-28", Place: "Gedung Pusdiklat, Bandung", Capacity: 30,
		RegistrationOpens: "2026-11-01", RegistrationCloses: demoToday,
		Sessions: []app.SessionInput{{StartsAt: "2026-11-20T08:00", EndsAt: "2026-11-20T12:00", Topic: "Pembukaan"},
			{StartsAt: "2026-11-27T08:00", EndsAt: "2026-11-27T09:30", Topic: "Praktik"}}})
	if err != nil {
		t.Fatalf("event %s: %v", code, err)
	}
	if _, err := st.app.SetEventStatus(ctx, app.System, code, "open"); err != nil {
		t.Fatal(err)
	}
	return code
}

// ladmSeat nominates an employee for an event, invites them and has them
// accept: an accepted participant.
func ladmSeat(t *testing.T, st *site, event string, e store.EmployeeRow) int64 {
	t.Helper()
	ctx := context.Background()
	r, err := st.app.Nominate(ctx, app.System, app.NominationInput{Event: event, NIP: e.NIP, Invite: true})
	if err != nil {
		t.Fatalf("nominate %s: %v", e.NIP, err)
	}
	self := app.Actor{Name: e.Name, Role: app.RolePegawai, EmployeeID: e.ID, NIP: e.NIP}
	if r, err = st.app.RespondInvitation(ctx, self, r.ID, true, ""); err != nil || r.State != learning.StateAccepted {
		t.Fatalf("accept %s: %v (%s)", e.NIP, err, r.State)
	}
	return r.ID
}

// ladmAgreement adds an agreement with a PDF to a partner, in force today.
func ladmAgreement(t *testing.T, st *site, partner, number string) int64 {
	t.Helper()
	v, err := st.app.SavePartnerAgreement(context.Background(), app.System, partner, 0,
		app.AgreementInput{Number: number, Scope: "Pelatihan teknis", StartsOn: "2025-01-01", EndsOn: "2028-12-31"},
		&app.AgreementUpload{Name: "pks.pdf", Body: bytes.NewReader(testPDF)})
	if err != nil {
		t.Fatalf("agreement %s: %v", number, err)
	}
	return v.ID
}

// newLadmFix builds the fixture; m supplies the employees P and X.
func newLadmFix(t *testing.T, st *site, p, x store.EmployeeRow) *ladmFix {
	t.Helper()
	ctx := context.Background()
	f := &ladmFix{own: ladmPartner(t, st, "ITB", app.DemoPartner), other: ladmPartner(t, st, "UJI-LAIN", "Lembaga Uji Pembanding"),
		progOwn: "UJI-ITB", progOther: "UJI-LAIN"}
	ladmProgram(t, st, f.progOwn, f.own.Code)
	ladmProgram(t, st, f.progOther, f.other.Code)
	f.evOwn = ladmEvent(t, st, f.progOwn, "UJI-ITB-1")
	f.evOther = ladmEvent(t, st, f.progOther, "UJI-LAIN-1")
	f.enrOwnX = ladmSeat(t, st, f.evOwn, x)
	f.enrOtherP = ladmSeat(t, st, f.evOther, p)
	for _, ev := range []string{f.evOwn, f.evOther} {
		if _, err := st.app.SetEventStatus(ctx, app.System, ev, "running"); err != nil {
			t.Fatal(err)
		}
	}
	f.agrOwn = ladmAgreement(t, st, f.own.Code, "UJI/ITB/2025")
	f.agrOther = ladmAgreement(t, st, f.other.Code, "UJI/LAIN/2025")
	return f
}

// postMultipart posts a multipart form with one file field.
func (c *client) postMultipart(path string, fields url.Values, fileField, fileName string, content []byte) response {
	c.t.Helper()
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for k, vs := range fields {
		for _, v := range vs {
			mw.WriteField(k, v)
		}
	}
	if fileField != "" {
		fw, err := mw.CreateFormFile(fileField, fileName)
		if err != nil {
			c.t.Fatal(err)
		}
		fw.Write(content)
	}
	mw.Close()
	req := httptest.NewRequest(http.MethodPost, path, &body)
	req.Header.Set("Content-Type", mw.FormDataContentType())
	return c.do(req)
}

var errLadmStop = errors.New("stop")

// ladmPeople returns the pegawai account's employee (P) and an employee
// of Dinas Pendidikan (X), outside the DLHK accounts' scope.
func ladmPeople(t *testing.T, st *site) (p, x store.EmployeeRow) {
	t.Helper()
	p = st.employee(t, st.accounts[app.RolePegawai].Login)
	err := st.s.EachEmployee(context.Background(), store.Filter{UnitCode: "DISDIK"}, func(e store.EmployeeRow, _ []competency.Assessment) error {
		x = e
		return errLadmStop
	})
	if err != nil && !errors.Is(err, errLadmStop) || x.ID == 0 {
		t.Fatalf("no employee of DISDIK: %v", err)
	}
	return p, x
}

// ladmStaff returns n employees of a unit other than those given.
func ladmStaff(t *testing.T, st *site, unit string, n int, not ...int64) []store.EmployeeRow {
	t.Helper()
	var out []store.EmployeeRow
	err := st.s.EachEmployee(context.Background(), store.Filter{UnitCode: unit}, func(e store.EmployeeRow, _ []competency.Assessment) error {
		for _, id := range not {
			if e.ID == id {
				return nil
			}
		}
		out = append(out, e)
		if len(out) == n {
			return errLadmStop
		}
		return nil
	})
	if err != nil && !errors.Is(err, errLadmStop) || len(out) < n {
		t.Fatalf("%d employees of %s: %v", n, unit, err)
	}
	return out
}
