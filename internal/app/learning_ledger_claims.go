package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/store"
)

// Claims of external learning: the employee (or an admin for them) submits
// a claim with an evidence file; the direct supervisor or an admin in scope
// approves or rejects it with a comment; nobody decides their own claim.
// Every step is audited against the employee.

// ClaimInput is a claim as a user submits it; IDPItemID optionally names
// the item of the employee's approved plan that the activity fulfils (it
// then credits through the claim only).
type ClaimInput struct {
	learning.ClaimInput
	IDPItemID int64
}

// ClaimView is a claim with what the viewer may do.
type ClaimView struct {
	store.ClaimRow
	CreditJP  float64
	CanDecide bool
}

// SubmitJPClaim stores a pending claim for an employee: the employee
// themself, or an admin in scope on their behalf.
func (a *App) SubmitJPClaim(ctx context.Context, actor Actor, nip string, in ClaimInput) (ClaimView, error) {
	e, err := a.subject(ctx, actor, PermJPClaim, nip)
	if err != nil {
		return ClaimView{}, err
	}
	if !isSelf(actor, e) && !isAdmin(actor) {
		return ClaimView{}, forbidden("klaim JP diajukan oleh pegawai sendiri atau admin")
	}
	pol, err := a.JPPolicy(ctx)
	if err != nil {
		return ClaimView{}, err
	}
	c, fields := learning.NewClaim(in.ClaimInput, pol, a.Today())
	if fields == nil {
		fields = map[string]string{}
	}
	if in.IDPItemID != 0 {
		r, err := a.Store.IDPItemRef(ctx, in.IDPItemID)
		switch {
		case errors.Is(err, store.ErrNotFound) || (err == nil && r.EmployeeID != e.ID):
			fields["idp_item"] = "kegiatan rencana pengembangan tidak ditemukan"
		case err != nil:
			return ClaimView{}, err
		case r.PlanStatus != development.StatusApproved:
			fields["idp_item"] = "rencana pengembangan itu belum disetujui"
		case len(fields) == 0 && r.Year != c.ActivityOn.Year():
			fields["idp_item"] = fmt.Sprintf("kegiatan itu direncanakan untuk tahun %d, bukan tahun kegiatan", r.Year)
		}
	}
	if len(fields) > 0 {
		return ClaimView{}, &Error{Code: CodeInvalid, Message: claimMessage(fields), Fields: fields}
	}
	c.EmployeeID, c.IDPItemID = e.ID, in.IDPItemID
	id, err := a.Store.CreateJPClaim(ctx, actor.Label(), e.NIP, c)
	if err != nil {
		return ClaimView{}, err
	}
	return a.claimView(ctx, actor, id)
}

// claimMessage renders the fields at fault in form order.
func claimMessage(f map[string]string) string {
	var parts []string
	for _, k := range []string{"title", "organiser", "form", "activity_on", "duration", "note", "evidence", "idp_item"} {
		if v, ok := f[k]; ok {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, "; ")
}

// claimSubject loads a claim and its employee, checking the actor may see
// the employee (else not found).
func (a *App) claimSubject(ctx context.Context, actor Actor, perm Permission, id int64) (learning.Claim, store.EmployeeRow, error) {
	if err := actor.Require(perm); err != nil {
		return learning.Claim{}, store.EmployeeRow{}, err
	}
	c, err := a.Store.JPClaim(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return c, store.EmployeeRow{}, errOutOfScope("klaim")
	}
	if err != nil {
		return c, store.EmployeeRow{}, err
	}
	emp, err := a.Store.EmployeeByID(ctx, c.EmployeeID)
	if err != nil {
		return c, emp, err
	}
	e, err := a.employeeInScope(ctx, actor, emp.NIP)
	if ErrorCode(err) == CodeNotFound {
		return c, e, errOutOfScope("klaim")
	}
	return c, e, err
}

// mayDecide is the relationship rule of a decision: the direct supervisor
// or an admin, never on one's own claim.
func mayDecide(actor Actor, e store.EmployeeRow) bool {
	return actor.Can(PermJPApprove) && !isSelf(actor, e) && (isSupervisor(actor, e) || isAdmin(actor))
}

func (a *App) claimView(ctx context.Context, actor Actor, id int64) (ClaimView, error) {
	c, e, err := a.claimSubject(ctx, actor, PermJPRead, id)
	if err != nil {
		return ClaimView{}, err
	}
	return ClaimView{ClaimRow: store.ClaimRow{Claim: c, NIP: e.NIP, Name: e.Name}, CreditJP: learning.MinutesToJP(c.CreditMinutes),
		CanDecide: c.Status == learning.ClaimPending && mayDecide(actor, e)}, nil
}

// JPClaim returns one claim in the actor's scope.
func (a *App) JPClaim(ctx context.Context, actor Actor, id int64) (ClaimView, error) {
	return a.claimView(ctx, actor, id)
}

// DecideJPClaim approves or rejects a pending claim. A rejection needs a
// comment saying why.
func (a *App) DecideJPClaim(ctx context.Context, actor Actor, id int64, approve bool, comment string) (ClaimView, error) {
	_, e, err := a.claimSubject(ctx, actor, PermJPApprove, id)
	if err != nil {
		return ClaimView{}, err
	}
	if isSelf(actor, e) {
		return ClaimView{}, forbidden("klaim sendiri tidak dapat diputus sendiri")
	}
	if !mayDecide(actor, e) {
		return ClaimView{}, forbidden("klaim diputus oleh atasan langsung pegawai atau admin")
	}
	comment = strings.TrimSpace(comment)
	if !approve && comment == "" {
		return ClaimView{}, invalidField("comment", "tuliskan alasan penolakan klaim")
	}
	if utf8.RuneCountInString(comment) > learning.MaxClaimNote {
		return ClaimView{}, invalidField("comment", fmt.Sprintf("komentar paling banyak %d karakter", learning.MaxClaimNote))
	}
	_, err = a.Store.DecideJPClaim(ctx, actor.Label(), e.NIP, id, func(c *learning.Claim) error {
		c.Status = learning.ClaimRejected
		if approve {
			c.Status = learning.ClaimApproved
		}
		c.Comment, c.DecidedBy, c.DeciderName = comment, actor.Label(), actor.Name
		return nil
	})
	if err != nil {
		return ClaimView{}, storeError(err, "klaim")
	}
	return a.claimView(ctx, actor, id)
}

// EmployeeJPClaims lists an employee's claims, newest first.
func (a *App) EmployeeJPClaims(ctx context.Context, actor Actor, nip string) ([]ClaimView, error) {
	e, err := a.subject(ctx, actor, PermJPRead, nip)
	if err != nil {
		return nil, err
	}
	rows, err := a.Store.JPClaims(ctx, store.ClaimQuery{EmployeeID: e.ID})
	if err != nil {
		return nil, err
	}
	out := make([]ClaimView, len(rows))
	for i, r := range rows {
		out[i] = ClaimView{ClaimRow: r, CreditJP: learning.MinutesToJP(r.CreditMinutes),
			CanDecide: r.Status == learning.ClaimPending && mayDecide(actor, e)}
	}
	return out, nil
}

// JPClaimQueue lists the pending claims the actor may decide: a
// supervisor's direct reports', an admin's whole scope (never their own).
func (a *App) JPClaimQueue(ctx context.Context, actor Actor) ([]ClaimView, error) {
	if err := actor.Require(PermJPApprove); err != nil {
		return nil, err
	}
	var rows []store.ClaimRow
	var err error
	if isAdmin(actor) {
		rows, err = a.Store.JPClaims(ctx, store.ClaimQuery{Status: learning.ClaimPending, Within: within(actor)})
	} else if actor.EmployeeID != 0 {
		rows, err = a.Store.JPClaims(ctx, store.ClaimQuery{Status: learning.ClaimPending, SupervisorID: actor.EmployeeID})
	}
	if err != nil {
		return nil, err
	}
	out := make([]ClaimView, 0, len(rows))
	for _, r := range rows {
		if r.EmployeeID == actor.EmployeeID && actor.EmployeeID != 0 {
			continue
		}
		out = append(out, ClaimView{ClaimRow: r, CreditJP: learning.MinutesToJP(r.CreditMinutes), CanDecide: true})
	}
	return out, nil
}

// JPClaimEvidence returns the evidence file of a claim the actor may see.
func (a *App) JPClaimEvidence(ctx context.Context, actor Actor, id int64) (learning.Evidence, error) {
	c, e, err := a.claimSubject(ctx, actor, PermJPRead, id)
	if err != nil {
		return learning.Evidence{}, err
	}
	if !isSelf(actor, e) { // someone else's file: the read is audited
		if err := a.Store.RecordView(ctx, actor.Label(), "employee", e.NIP); err != nil {
			return learning.Evidence{}, err
		}
	}
	ev, err := a.Store.JPClaimEvidence(ctx, c.ID)
	return ev, storeError(err, "bukti klaim")
}
