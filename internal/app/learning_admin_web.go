package app

import (
	"bytes"
	"context"
	"errors"
	"io"
	"maps"
	"strings"
	"unicode/utf8"

	"asah/internal/learning"
	"asah/internal/store"
)

// This file holds what the administration pages of learning need beyond
// the other use cases: an agreement saved together with its document (both
// checked before anything is stored), the revocation of an enrollment's
// certificate, and the certificates of an event's participants.

// AgreementUpload is an agreement's signed document as uploaded.
type AgreementUpload struct {
	Name string // the file's name on the user's machine (kept as a base name)
	Body io.Reader
}

// SavePartnerAgreement adds an agreement to a partner (id 0) or changes one
// of the partner's agreements, with its signed document when one is given
// (admin BKPSDM). The form and the document are checked together first, so
// that every fault is named at once and bad input changes nothing. An
// agreement of another partner is not found.
func (a *App) SavePartnerAgreement(ctx context.Context, actor Actor, partnerCode string, id int64, in AgreementInput, doc *AgreementUpload) (AgreementView, error) {
	if err := actor.Require(PermPartnerManage); err != nil {
		return AgreementView{}, err
	}
	p, err := a.visiblePartner(ctx, actor, partnerCode)
	if err != nil {
		return AgreementView{}, err
	}
	if id != 0 {
		old, err := a.Store.AgreementByID(ctx, id)
		if errors.Is(err, store.ErrNotFound) || (err == nil && old.PartnerID != p.ID) {
			return AgreementView{}, errOutOfScope("perjanjian")
		}
		if err != nil {
			return AgreementView{}, err
		}
	}
	in.Partner = p.Code
	fields := map[string]string{}
	ag, err := a.agreementOf(ctx, in)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) || e.Code != CodeInvalid {
			return AgreementView{}, err
		}
		maps.Copy(fields, e.Fields)
	}
	var data []byte
	if doc != nil {
		// One byte past the limit tells a larger file without reading it all.
		var buf bytes.Buffer
		if _, err := io.Copy(&buf, io.LimitReader(doc.Body, learning.MaxDocumentSize+1)); err != nil {
			fields["document"] = "berkas perjanjian tidak dapat dibaca: unggah ulang"
		} else if err := learning.CheckPDFDocument(buf.Bytes()); err != nil {
			var fs learning.Faults
			if errors.As(err, &fs) {
				maps.Copy(fields, fs.Fields())
			} else {
				fields["document"] = err.Error()
			}
		}
		data = buf.Bytes()
	}
	if len(fields) > 0 {
		return AgreementView{}, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	var d learning.Document
	if doc != nil {
		d = learning.Document{Name: documentName(doc.Name), ContentType: "application/pdf"}
	}
	if id == 0 {
		ag.Document = d
		if ag, err = a.Store.CreateAgreement(ctx, actor.Label(), ag, data); err != nil {
			return AgreementView{}, learnError(err, "perjanjian")
		}
		return a.agreement(ctx, ag.ID)
	}
	ag.ID = id
	if _, err := a.Store.UpdateAgreement(ctx, actor.Label(), ag); err != nil {
		return AgreementView{}, learnError(err, "perjanjian")
	}
	if doc != nil {
		if err := a.Store.SetAgreementDocument(ctx, actor.Label(), id, d, data); err != nil {
			return AgreementView{}, learnError(err, "perjanjian")
		}
	}
	return a.agreement(ctx, id)
}

// RevokeEnrollmentCertificate revokes the certificate of an enrollment
// with a reason (admin BKPSDM) and returns it with the enrollment. An
// enrollment without a certificate is a conflict: nothing to revoke yet.
func (a *App) RevokeEnrollmentCertificate(ctx context.Context, actor Actor, enrollmentID int64, reason string) (store.CertificateRow, store.EnrollmentRow, error) {
	if err := actor.Require(PermCertificateAdmin); err != nil {
		return store.CertificateRow{}, store.EnrollmentRow{}, err
	}
	r, err := a.enrollmentInScope(ctx, actor, enrollmentID)
	if err != nil {
		return store.CertificateRow{}, r, err
	}
	reason = strings.TrimSpace(reason)
	switch {
	case reason == "":
		return store.CertificateRow{}, r, invalidField("reason", "tuliskan alasan pencabutan sertifikat")
	case utf8.RuneCountInString(reason) > MaxRevokeReason:
		return store.CertificateRow{}, r, invalidField("reason", "alasan pencabutan paling banyak 500 karakter")
	}
	c, err := a.Store.CertificateOf(ctx, enrollmentID)
	if errors.Is(err, store.ErrNotFound) {
		return c, r, conflict("peserta ini belum memiliki sertifikat: sertifikat terbit saat pertama kali diunduh")
	}
	if err != nil {
		return c, r, err
	}
	c, err = a.RevokeCertificate(ctx, actor, c.Number, reason)
	return c, r, err
}

// EventCertificates returns the certificates issued to the completed
// participants of an event, by enrollment, for those who may revoke them
// (nil for everyone else). An event has at most its capacity of
// participants, so one lookup each stays small.
func (a *App) EventCertificates(ctx context.Context, actor Actor, eventCode string) (map[int64]store.CertificateRow, error) {
	if !actor.Can(PermCertificateAdmin) {
		return nil, nil
	}
	ev, err := a.visibleEvent(ctx, actor, eventCode)
	if err != nil {
		return nil, err
	}
	return a.Store.EventCertificates(ctx, ev.ID)
}
