package app_test

import (
	"bytes"
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/certificate"
)

var certLabels = certificate.Labels{Issuer: "BKPSDM Kota Bandung", Title: "SERTIFIKAT", Presented: "diberikan kepada",
	ForComplete: "atas keberhasilannya menyelesaikan", Provider: "diselenggarakan oleh", Period: "Pelaksanaan",
	Hours: "JP", Completed: "Tanggal kelulusan", Number: "Nomor", Verify: "Pindai kode QR untuk memeriksa keaslian."}

func TestCertificateIssueVerifyRevoke(t *testing.T) {
	o := newLedgerOrg(t)
	ctx := context.Background()
	a := o.a
	done := o.enroll(t, o.eventE, 3, "completed", time.Date(2026, 3, 6, 17, 30, 0, 0, time.UTC)) // 00:30 WIB on 7 March
	noShow := o.enroll(t, o.eventE, 4, "no_show", time.Time{})

	_, err := a.Certificate(ctx, o.stafB, noShow)
	expect(t, "certificate of a no-show", err, app.CodeConflict)
	_, err = a.Certificate(ctx, o.stafB, done)
	expect(t, "a colleague's certificate", err, app.CodeNotFound)
	_, err = a.Certificate(ctx, o.mitra, done)
	expect(t, "mitra", err, app.CodeForbidden)

	var pdf bytes.Buffer
	v, err := a.CertificatePDF(ctx, o.stafA, done, "https://asah.bandung.go.id", certLabels, &pdf)
	if err != nil || v.Number != "ASAH/2026/000001" || !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) ||
		!bytes.HasSuffix(bytes.TrimSpace(pdf.Bytes()), []byte("%%EOF")) {
		t.Fatalf("PDF: %+v %v (%d bytes)", v.CertificateRow, err, pdf.Len())
	}
	// The supervisor gets the same certificate, not a second one.
	if w, err := a.Certificate(ctx, o.kabid, done); err != nil || w.ID != v.ID || w.Code != v.Code {
		t.Errorf("supervisor's copy: %+v %v", w.CertificateRow, err)
	}

	got, err := a.VerifyCertificate(ctx, v.Code)
	want := app.Verification{Status: app.CertificateValid, Holder: "Citra Staf", Program: "Pengembangan Orientasi pada Hasil",
		CompletedOn: time.Date(2026, 3, 7, 0, 0, 0, 0, time.UTC)}
	if err != nil || got != want {
		t.Errorf("verify: %+v %v, want %+v", got, err, want)
	}
	// The public answer has exactly these four fields: nothing more can leak.
	if typ := reflect.TypeOf(app.Verification{}); typ.NumField() != 4 {
		t.Errorf("Verification has %d fields", typ.NumField())
	}
	for _, code := range []string{certificate.NewCode(), "", "../../etc/passwd", strings.Repeat("A", 22) + "'"} {
		got, err := a.VerifyCertificate(ctx, code)
		if err != nil || got != (app.Verification{Status: app.CertificateUnknown}) {
			t.Errorf("verify %q: %+v %v", code, got, err)
		}
	}

	_, err = a.RevokeCertificate(ctx, o.adminDLHK, v.Number, "salah data")
	expect(t, "agency admin revokes", err, app.CodeForbidden)
	_, err = a.RevokeCertificate(ctx, o.admin, v.Number, " ")
	expect(t, "revoke without reason", err, app.CodeInvalid)
	_, err = a.RevokeCertificate(ctx, o.admin, "ASAH/2026/999999", "x")
	expect(t, "revoke an unknown number", err, app.CodeNotFound)
	r, err := a.RevokeCertificate(ctx, o.admin, v.Number, "kehadiran tidak memenuhi syarat")
	if err != nil || !r.Revoked() {
		t.Fatalf("revoke: %+v %v", r, err)
	}
	got, err = a.VerifyCertificate(ctx, v.Code)
	want.Status = app.CertificateRevoked
	if err != nil || got != want {
		t.Errorf("verify revoked: %+v %v", got, err)
	}
	_, err = a.CertificatePDF(ctx, o.stafA, done, "https://asah.bandung.go.id", certLabels, &bytes.Buffer{})
	expect(t, "download of a revoked certificate", err, app.CodeConflict)
	_, err = a.RevokeCertificate(ctx, o.admin, v.Number, "lagi")
	expect(t, "second revocation", err, app.CodeConflict)
}
