package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
)

var samplePDF = []byte("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n" +
	"trailer << /Root 1 0 R >>\n%%EOF\n")

// TestAgreementDocumentIsCheckedByContent: a PDF is stored and served back;
// a PNG renamed .pdf, a truncated PDF and a file over 5 MiB are refused with
// a message on the document field, and the stored document stays as it was.
func TestAgreementDocumentIsCheckedByContent(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)
		ag, err := a.CreateAgreement(ctx, o.admin, app.AgreementInput{Partner: "ITB", Number: "PKS/07/BKPSDM/2025",
			Title: "Pengembangan kompetensi ASN", StartsOn: "2025-01-01", EndsOn: "2027-12-31"})
		if err != nil {
			t.Fatal(err)
		}
		if _, _, err := a.AgreementDocument(ctx, o.admin, ag.ID); app.ErrorCode(err) != app.CodeNotFound {
			t.Errorf("document before upload: %v", err)
		}
		if _, err := a.UploadAgreementDocument(ctx, o.admin, ag.ID, `C:\scan\PKS ITB.pdf`, bytes.NewReader(samplePDF)); err != nil {
			t.Fatal(err)
		}
		png := append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{7}, 200)...)
		big := append(append([]byte("%PDF-1.4\n"), bytes.Repeat([]byte("x"), learning.MaxDocumentSize)...), "\n%%EOF\n"...)
		for _, c := range []struct {
			name string
			data []byte
			want string
		}{
			{"scan.pdf", png, "bukan dokumen PDF"},
			{"potong.pdf", samplePDF[:30], "%%EOF"},
			{"besar.pdf", big, "melebihi batas 5 MiB"},
			{"kosong.pdf", nil, "kosong"},
		} {
			_, err := a.UploadAgreementDocument(ctx, o.admin, ag.ID, c.name, bytes.NewReader(c.data))
			var e *app.Error
			if app.ErrorCode(err) != app.CodeInvalid || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s: %v, want a refusal saying %q", c.name, err, c.want)
			} else if e, _ = err.(*app.Error); e.Fields["document"] == "" {
				t.Errorf("%s: the message does not name the document field", c.name)
			}
		}
		d, data, err := a.AgreementDocument(ctx, o.sekda, ag.ID)
		if err != nil || !bytes.Equal(data, samplePDF) || d.Name != "PKS ITB.pdf" || d.ContentType != "application/pdf" || d.Size != int64(len(samplePDF)) {
			t.Errorf("stored document: %+v (%d bytes) %v", d, len(data), err)
		}
		if _, err := a.UploadAgreementDocument(ctx, o.itb, ag.ID, "x.pdf", bytes.NewReader(samplePDF)); app.ErrorCode(err) != app.CodeForbidden {
			t.Errorf("a mitra uploads: %v", err)
		}
		// The mitra reads its own agreement's document, not another's.
		if _, _, err := a.AgreementDocument(ctx, o.itb, ag.ID); err != nil {
			t.Errorf("own agreement: %v", err)
		}
		if _, _, err := a.AgreementDocument(ctx, o.unpad, ag.ID); app.ErrorCode(err) != app.CodeNotFound {
			t.Errorf("another institution's agreement: %v", err)
		}
		// Every upload that was accepted is audited, without the bytes.
		trail, err := a.Store.AuditTrail(ctx, "agreement", "1", 10)
		if err != nil || len(trail) != 2 || trail[0].Action != "agreement.document" || strings.Contains(trail[0].After, "PDF-1.7") {
			t.Errorf("audit: %+v %v", trail, err)
		}
	})
}

func TestAgreementValidationAndWarnings(t *testing.T) {
	ctx := context.Background()
	o := newLearnOrg(t, newApp(t), 0)
	a := o.a
	_, err := a.CreateAgreement(ctx, o.admin, app.AgreementInput{Partner: "XYZ", Number: "PKS 1", StartsOn: "2026-13-01", EndsOn: "2025-01-01"})
	e, _ := err.(*app.Error)
	if e == nil || e.Code != app.CodeInvalid || e.Fields["partner"] == "" || e.Fields["number"] == "" || e.Fields["starts_on"] == "" {
		t.Fatalf("bad agreement: %+v", err)
	}
	// Today is 27 November 2026.
	for _, in := range []app.AgreementInput{
		{Partner: "ITB", Number: "ITB/2024", StartsOn: "2024-01-01", EndsOn: "2026-12-17"},     // 20 days left
		{Partner: "UNPAD", Number: "UNPAD/2024", StartsOn: "2024-01-01", EndsOn: "2027-01-26"}, // 60 days left
		{Partner: "UNPAD", Number: "UNPAD/2022", StartsOn: "2022-01-01", EndsOn: "2026-11-01"}, // expired, but renewed
		{Partner: "BKPSDM", Number: "BKPSDM/2026", StartsOn: "2026-01-01", EndsOn: "2028-12-31"},
		{Partner: "BKPSDM", Number: "BKPSDM/2020", StartsOn: "2020-01-01", EndsOn: "2025-12-31"}, // long expired
	} {
		if _, err := a.CreateAgreement(ctx, o.admin, in); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := a.CreateAgreement(ctx, o.admin, app.AgreementInput{Partner: "ITB", Number: "ITB/2024", StartsOn: "2024-01-01", EndsOn: "2026-01-01"}); app.ErrorCode(err) != app.CodeConflict {
		t.Errorf("duplicate number: %v", err)
	}
	ws, err := a.AgreementWarnings(ctx, o.admin)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range ws {
		got = append(got, w.Number+":"+string(w.Status))
	}
	if strings.Join(got, " ") != "ITB/2024:expiring_30 UNPAD/2024:expiring_90" {
		t.Errorf("warnings: %v", got)
	}
	if ws[0].Warning.DaysLeft != 20 || !ws[0].Warning.Urgent() || ws[1].Warning.Urgent() {
		t.Errorf("first warning %+v", ws[0].Warning)
	}
	// A mitra sees only its own institution's warnings and partner record.
	if ws, err := a.AgreementWarnings(ctx, o.unpad); err != nil || len(ws) != 1 || ws[0].Number != "UNPAD/2024" {
		t.Errorf("Unpad's warnings: %+v %v", ws, err)
	}
	if ps, err := a.Partners(ctx, o.unpad); err != nil || len(ps) != 1 || ps[0].Code != "UNPAD" {
		t.Errorf("Unpad's partners: %+v %v", ps, err)
	}
	if _, err := a.Partner(ctx, o.unpad, "ITB"); app.ErrorCode(err) != app.CodeNotFound {
		t.Errorf("Unpad reads ITB: %v", err)
	}
	if ps, err := a.Partners(ctx, o.stray); err != nil || len(ps) != 0 {
		t.Errorf("unknown institution: %+v %v", ps, err)
	}
	d, err := a.Partner(ctx, o.admin, "BKPSDM")
	if err != nil || len(d.Agreements) != 2 || !d.InForce || d.Agreements[1].Status != learning.AgreementExpired {
		t.Errorf("BKPSDM detail: %+v %v", d, err)
	}
	if _, err := a.CreatePartner(ctx, o.admin, app.PartnerInput{Code: "ITB", Name: "Lain", Kind: "universitas"}); app.ErrorCode(err) != app.CodeConflict {
		t.Errorf("duplicate partner code: %v", err)
	}
	if _, err := a.CreatePartner(ctx, o.adminDS, app.PartnerInput{Code: "UPI", Name: "UPI", Kind: "universitas"}); app.ErrorCode(err) != app.CodeForbidden {
		t.Errorf("agency admin adds a partner: %v", err)
	}
}
