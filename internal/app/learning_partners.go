package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"
	"time"

	"asah/internal/learning"
	"asah/internal/store"
)

// This file holds the partner and cooperation agreement use cases. BKPSDM
// (admin_bkpsdm) manages partners and agreements; every role that may read
// partners sees them all, except a mitra, which sees only its own.

// PartnerInput is a partner as a user submits it.
type PartnerInput struct {
	Code    string
	Name    string
	Kind    string
	Address string
	Email   string
	Phone   string
	Website string
}

func (in PartnerInput) partner() learning.Partner {
	return learning.Partner{Code: strings.TrimSpace(in.Code), Name: strings.TrimSpace(in.Name),
		Kind: learning.PartnerKind(strings.ToLower(strings.TrimSpace(in.Kind))), Address: strings.TrimSpace(in.Address),
		Email: strings.TrimSpace(in.Email), Phone: strings.TrimSpace(in.Phone), Website: strings.TrimSpace(in.Website)}
}

// AgreementView is an agreement with its status and expiry warning today.
type AgreementView struct {
	store.AgreementRow
	Status  learning.AgreementStatus
	Warning learning.AgreementWarning
	Warn    bool
}

func (a *App) agreementView(r store.AgreementRow) AgreementView {
	v := AgreementView{AgreementRow: r, Status: r.Status(a.Today())}
	v.Warning, v.Warn = r.Warning(a.Today())
	return v
}

// PartnerDetail is a partner with its agreements, the latest first.
type PartnerDetail struct {
	learning.Partner
	Agreements []AgreementView
	// InForce is true when an agreement covers today.
	InForce bool
}

// Partners lists the partners an actor may see, by name.
func (a *App) Partners(ctx context.Context, actor Actor) ([]learning.Partner, error) {
	if err := actor.Require(PermPartnerRead); err != nil {
		return nil, err
	}
	all, err := a.Store.Partners(ctx)
	if err != nil {
		return nil, err
	}
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil || !mitra {
		return all, err
	}
	var out []learning.Partner
	for _, p := range all {
		if p.ID == own {
			out = append(out, p)
		}
	}
	return out, nil
}

// visiblePartner loads a partner the actor may see (a mitra: its own).
func (a *App) visiblePartner(ctx context.Context, actor Actor, code string) (learning.Partner, error) {
	if err := actor.Require(PermPartnerRead); err != nil {
		return learning.Partner{}, err
	}
	p, err := a.Store.PartnerByCode(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return p, errOutOfScope("mitra")
	}
	if err != nil {
		return p, err
	}
	if own, mitra, err := a.ownPartner(ctx, actor); err != nil {
		return p, err
	} else if mitra && own != p.ID {
		return p, errOutOfScope("mitra")
	}
	return p, nil
}

// Partner returns one partner with its agreements.
func (a *App) Partner(ctx context.Context, actor Actor, code string) (PartnerDetail, error) {
	p, err := a.visiblePartner(ctx, actor, code)
	if err != nil {
		return PartnerDetail{}, err
	}
	rows, err := a.Store.Agreements(ctx, p.ID)
	if err != nil {
		return PartnerDetail{}, err
	}
	d := PartnerDetail{Partner: p}
	for _, r := range rows {
		v := a.agreementView(r)
		d.Agreements = append(d.Agreements, v)
		d.InForce = d.InForce || r.InForce(a.Today())
	}
	return d, nil
}

// CreatePartner adds a partner (admin BKPSDM).
func (a *App) CreatePartner(ctx context.Context, actor Actor, in PartnerInput) (learning.Partner, error) {
	if err := actor.Require(PermPartnerManage); err != nil {
		return learning.Partner{}, err
	}
	p := in.partner()
	if err := p.Validate(); err != nil {
		return p, learnError(err, "mitra")
	}
	p, err := a.Store.CreatePartner(ctx, actor.Label(), p)
	return p, learnError(err, "mitra")
}

// UpdatePartner changes a partner found by its current code (admin BKPSDM).
func (a *App) UpdatePartner(ctx context.Context, actor Actor, code string, in PartnerInput) (learning.Partner, error) {
	if err := actor.Require(PermPartnerManage); err != nil {
		return learning.Partner{}, err
	}
	old, err := a.Store.PartnerByCode(ctx, code)
	if err != nil {
		return old, learnError(err, "mitra")
	}
	p := in.partner()
	p.ID = old.ID
	if err := p.Validate(); err != nil {
		return p, learnError(err, "mitra")
	}
	p, err = a.Store.UpdatePartner(ctx, actor.Label(), p)
	return p, learnError(err, "mitra")
}

// AgreementInput is an agreement as a user submits it; dates YYYY-MM-DD.
type AgreementInput struct {
	Partner      string // partner code
	Number       string
	Title        string
	Scope        string
	StartsOn     string
	EndsOn       string
	TerminatedOn string // blank: not terminated
}

func (a *App) agreementOf(ctx context.Context, in AgreementInput) (learning.Agreement, error) {
	fields := map[string]string{}
	ag := learning.Agreement{Number: strings.TrimSpace(in.Number), Title: strings.TrimSpace(in.Title), Scope: strings.TrimSpace(in.Scope),
		StartsOn: parseDay("starts_on", "tanggal mulai", in.StartsOn, fields), EndsOn: parseDay("ends_on", "tanggal berakhir", in.EndsOn, fields),
		TerminatedOn: parseDay("terminated_on", "tanggal pengakhiran", in.TerminatedOn, fields)}
	if strings.TrimSpace(in.Partner) != "" {
		p, err := a.Store.PartnerByCode(ctx, in.Partner)
		switch {
		case errors.Is(err, store.ErrNotFound):
			fields["partner"] = fmt.Sprintf("mitra dengan kode %q tidak ditemukan", strings.TrimSpace(in.Partner))
		case err != nil:
			return ag, err
		}
		ag.PartnerID = p.ID
	}
	if err := ag.Validate(); err != nil {
		var fs learning.Faults
		if errors.As(err, &fs) {
			for k, v := range fs.Fields() {
				if _, ok := fields[k]; !ok && !(k == "partner" && strings.TrimSpace(in.Partner) != "") {
					fields[k] = v
				}
			}
		}
	}
	if len(fields) > 0 {
		return ag, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	return ag, nil
}

// CreateAgreement adds a cooperation agreement (admin BKPSDM); the PDF is
// uploaded separately (UploadAgreementDocument).
func (a *App) CreateAgreement(ctx context.Context, actor Actor, in AgreementInput) (AgreementView, error) {
	if err := actor.Require(PermPartnerManage); err != nil {
		return AgreementView{}, err
	}
	ag, err := a.agreementOf(ctx, in)
	if err != nil {
		return AgreementView{}, err
	}
	if ag, err = a.Store.CreateAgreement(ctx, actor.Label(), ag, nil); err != nil {
		return AgreementView{}, learnError(err, "perjanjian")
	}
	return a.agreement(ctx, ag.ID)
}

func (a *App) agreement(ctx context.Context, id int64) (AgreementView, error) {
	r, err := a.Store.AgreementByID(ctx, id)
	if err != nil {
		return AgreementView{}, learnError(err, "perjanjian")
	}
	return a.agreementView(r), nil
}

// UpdateAgreement changes an agreement's number, partner, scope and dates
// (admin BKPSDM).
func (a *App) UpdateAgreement(ctx context.Context, actor Actor, id int64, in AgreementInput) (AgreementView, error) {
	if err := actor.Require(PermPartnerManage); err != nil {
		return AgreementView{}, err
	}
	if _, err := a.Store.AgreementByID(ctx, id); err != nil {
		return AgreementView{}, learnError(err, "perjanjian")
	}
	ag, err := a.agreementOf(ctx, in)
	if err != nil {
		return AgreementView{}, err
	}
	ag.ID = id
	if _, err := a.Store.UpdateAgreement(ctx, actor.Label(), ag); err != nil {
		return AgreementView{}, learnError(err, "perjanjian")
	}
	return a.agreement(ctx, id)
}

// UploadAgreementDocument stores an agreement's signed document (admin
// BKPSDM). It must be a PDF by its content (whatever its name says) of at
// most 5 MiB; anything else is refused with a clear message and nothing
// changes. The stored name keeps only the file's base name.
func (a *App) UploadAgreementDocument(ctx context.Context, actor Actor, id int64, filename string, r io.Reader) (AgreementView, error) {
	if err := actor.Require(PermPartnerManage); err != nil {
		return AgreementView{}, err
	}
	if _, err := a.Store.AgreementByID(ctx, id); err != nil {
		return AgreementView{}, learnError(err, "perjanjian")
	}
	// Read one byte past the limit so that a larger file is recognised
	// without reading all of it.
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(r, learning.MaxDocumentSize+1)); err != nil {
		return AgreementView{}, invalidField("document", "berkas perjanjian tidak dapat dibaca: unggah ulang")
	}
	data := buf.Bytes()
	if err := learning.CheckPDFDocument(data); err != nil {
		return AgreementView{}, learnError(err, "perjanjian")
	}
	name := documentName(filename)
	if err := a.Store.SetAgreementDocument(ctx, actor.Label(), id, learning.Document{Name: name, ContentType: "application/pdf"}, data); err != nil {
		return AgreementView{}, learnError(err, "perjanjian")
	}
	return a.agreement(ctx, id)
}

// documentName keeps a safe base name ending in .pdf for downloads.
func documentName(filename string) string {
	n := path.Base(strings.ReplaceAll(strings.TrimSpace(filename), `\`, "/"))
	n = strings.Map(func(r rune) rune {
		if r < 0x20 || r == '"' || r == 0x7f {
			return -1
		}
		return r
	}, n)
	if n == "." || n == "/" || n == "" {
		n = "perjanjian"
	}
	if len(n) > 120 {
		n = n[:120]
	}
	if !strings.HasSuffix(strings.ToLower(n), ".pdf") {
		n += ".pdf"
	}
	return n
}

// AgreementDocument returns an agreement's stored PDF to those who may see
// the partner.
func (a *App) AgreementDocument(ctx context.Context, actor Actor, id int64) (learning.Document, []byte, error) {
	if err := actor.Require(PermPartnerRead); err != nil {
		return learning.Document{}, nil, err
	}
	r, err := a.Store.AgreementByID(ctx, id)
	if err != nil {
		return learning.Document{}, nil, learnError(err, "perjanjian")
	}
	if own, mitra, err := a.ownPartner(ctx, actor); err != nil {
		return learning.Document{}, nil, err
	} else if mitra && own != r.PartnerID {
		return learning.Document{}, nil, errOutOfScope("perjanjian")
	}
	d, data, err := a.Store.AgreementDocument(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return d, nil, NotFound("dokumen perjanjian belum diunggah")
	}
	return d, data, err
}

// AgreementWarnings lists the agreements that warn today (ending within 90
// or 30 days, or expired within the last 90), the most urgent first. An
// agreement already followed by a later one of the same partner (a renewal)
// does not warn.
func (a *App) AgreementWarnings(ctx context.Context, actor Actor) ([]AgreementView, error) {
	if err := actor.Require(PermPartnerRead); err != nil {
		return nil, err
	}
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil {
		return nil, err
	}
	if mitra && own == 0 {
		return nil, nil
	}
	rows, err := a.Store.Agreements(ctx, own)
	if err != nil {
		return nil, err
	}
	latest := map[int64]time.Time{}
	for _, r := range rows {
		if r.TerminatedOn.IsZero() && r.EndsOn.After(latest[r.PartnerID]) {
			latest[r.PartnerID] = r.EndsOn
		}
	}
	var out []AgreementView
	for _, r := range rows {
		v := a.agreementView(r)
		if v.Warn && !r.EndsOn.Before(latest[r.PartnerID]) {
			out = append(out, v)
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Warning.DaysLeft < out[j].Warning.DaysLeft })
	return out, nil
}
