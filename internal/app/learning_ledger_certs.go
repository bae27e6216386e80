package app

import (
	"bytes"
	"context"
	"errors"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"asah/internal/certificate"
	"asah/internal/learning"
	"asah/internal/store"
)

// Certificates: a completed enrollment gets one certificate (issued on its
// first request) with a number ASAH/<year>/<seq> and a random verification
// code; the PDF carries a QR code to the public page /verifikasi/{code},
// which tells only whether it is valid, revoked or unknown, the holder's
// name, the program and the completion date. An admin BKPSDM revokes a
// certificate with a reason.

// CertificateView is a certificate with its enrollment.
type CertificateView struct {
	store.CertificateRow
	Enrollment store.EnrollmentInfo
}

// certificateSubject loads an enrollment whose certificate the actor may
// read: the holder, or someone whose scope holds the holder.
func (a *App) certificateSubject(ctx context.Context, actor Actor, enrollmentID int64) (store.EnrollmentInfo, error) {
	if err := actor.Require(PermCertificateRead); err != nil {
		return store.EnrollmentInfo{}, err
	}
	info, err := a.Store.EnrollmentInfo(ctx, enrollmentID)
	if errors.Is(err, store.ErrNotFound) {
		return info, errOutOfScope("sertifikat")
	}
	if err != nil {
		return info, err
	}
	if _, err := a.employeeInScope(ctx, actor, info.NIP); err != nil {
		if ErrorCode(err) == CodeNotFound {
			return info, errOutOfScope("sertifikat")
		}
		return info, err
	}
	return info, nil
}

// Certificate returns the certificate of a completed enrollment, issuing it
// on the first request (one per enrollment, whoever asks first).
func (a *App) Certificate(ctx context.Context, actor Actor, enrollmentID int64) (CertificateView, error) {
	info, err := a.certificateSubject(ctx, actor, enrollmentID)
	if err != nil {
		return CertificateView{}, err
	}
	if info.State != "completed" {
		return CertificateView{}, conflict("sertifikat diterbitkan setelah pelatihan dinyatakan selesai")
	}
	c, _, err := a.Store.IssueCertificate(ctx, actor.Label(), info.NIP, info.ID, a.Today().Year(), certificate.NewCode())
	if err != nil {
		return CertificateView{}, err
	}
	return CertificateView{CertificateRow: c, Enrollment: info}, nil
}

// CertificatePDF writes the certificate of a completed enrollment as a PDF.
// baseURL is the public address the QR code links to; labels are the
// certificate's text in the reader's language. A revoked certificate is
// not handed out again.
func (a *App) CertificatePDF(ctx context.Context, actor Actor, enrollmentID int64, baseURL string, labels certificate.Labels, w io.Writer) (CertificateView, error) {
	v, err := a.Certificate(ctx, actor, enrollmentID)
	if err != nil {
		return v, err
	}
	if v.Revoked() {
		return v, conflict("sertifikat " + v.Number + " telah dicabut")
	}
	var buf bytes.Buffer // rendered whole first: a failure sends nothing
	err = certificate.Render(&buf, certificate.Certificate{Number: v.Number, Code: v.Code, Holder: v.Enrollment.Name,
		Program: v.Enrollment.ProgramTitle, Provider: v.Enrollment.Provider, JP: v.Enrollment.JP, StartsOn: v.Enrollment.StartsOn,
		EndsOn: v.Enrollment.EndsOn, CompletedOn: learning.LedgerDay(v.Enrollment.CompletedAt)}, baseURL, labels)
	if err != nil {
		return v, err
	}
	_, err = buf.WriteTo(w)
	return v, err
}

// MaxRevokeReason bounds the reason of a revocation.
const MaxRevokeReason = 500

// RevokeCertificate revokes a certificate by its number with a reason.
func (a *App) RevokeCertificate(ctx context.Context, actor Actor, number, reason string) (store.CertificateRow, error) {
	if err := actor.Require(PermCertificateAdmin); err != nil {
		return store.CertificateRow{}, err
	}
	reason = strings.TrimSpace(reason)
	if reason == "" {
		return store.CertificateRow{}, invalidField("reason", "tuliskan alasan pencabutan sertifikat")
	}
	if utf8.RuneCountInString(reason) > MaxRevokeReason {
		return store.CertificateRow{}, invalidField("reason", "alasan pencabutan paling banyak 500 karakter")
	}
	c, err := a.Store.CertificateByNumber(ctx, strings.TrimSpace(number))
	if errors.Is(err, store.ErrNotFound) {
		return c, errOutOfScope("sertifikat")
	}
	if err != nil {
		return c, err
	}
	info, err := a.Store.EnrollmentInfo(ctx, c.EnrollmentID)
	if err != nil {
		return c, err
	}
	c, err = a.Store.RevokeCertificate(ctx, actor.Label(), info.NIP, c.ID, reason)
	return c, storeError(err, "sertifikat")
}

// VerifyStatus is the answer of the public verification.
type VerifyStatus string

const (
	CertificateValid   VerifyStatus = "valid"
	CertificateRevoked VerifyStatus = "revoked"
	CertificateUnknown VerifyStatus = "unknown"
)

// Verification is everything the public verification page may show: the
// status and, for a known certificate, the holder's name, the program and
// the completion date. Nothing else (no NIP, unit, number or scores).
type Verification struct {
	Status      VerifyStatus
	Holder      string
	Program     string
	CompletedOn time.Time
}

// VerifyCertificate answers the public verification of a code; it needs
// no login. A code of the wrong shape is unknown without a lookup.
func (a *App) VerifyCertificate(ctx context.Context, code string) (Verification, error) {
	if !certificate.ValidCode(code) {
		return Verification{Status: CertificateUnknown}, nil
	}
	c, err := a.Store.CheckCertificate(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return Verification{Status: CertificateUnknown}, nil
	}
	if err != nil {
		return Verification{}, err
	}
	v := Verification{Status: CertificateValid, Holder: c.Holder, Program: c.Program, CompletedOn: learning.LedgerDay(c.CompletedAt)}
	if c.Revoked {
		v.Status = CertificateRevoked
	}
	return v, nil
}
