package app

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"asah/internal/learning"
	"asah/internal/store"
)

// This file holds enrollment: self-registration with the direct
// supervisor's approval, nomination (supervisor, admin, IDP item, annual
// plan) with invitation, acceptance or decline, cancellation, and the lists
// of enrollments.
//
// Seats: approving a self-registration gives it a seat when one is free
// (accepted), else it joins the waitlist (waitlisted); inviting a nominee
// gives a seat (invited) or the waitlist the same way. The invitation holds
// the seat until it is declined. A decline or cancellation of a seat
// promotes the first of the waitlist in order (an approved registration is
// accepted, a nominee invited), in the same transaction. The seat decision
// is made in the store inside a transaction that holds the event, so
// concurrent approvals never exceed the capacity or a unit quota.

func deciderName(actor Actor) string {
	if actor.Name != "" {
		return actor.Name
	}
	return actor.Label()
}

// eligible refuses an employee a program's conditions exclude, naming them.
func (a *App) eligible(ctx context.Context, programID int64, e store.EmployeeRow) error {
	p, err := a.Store.ProgramByID(ctx, programID, a.Today())
	if err != nil {
		return err
	}
	byID, _, err := a.dictionary(ctx)
	if err != nil {
		return err
	}
	as, err := a.Store.FinalAssessments(ctx, e.ID)
	if err != nil {
		return err
	}
	el, err := a.eligibility(ctx, p.Program, e, as, a.Today(), byID)
	if err != nil {
		return err
	}
	if !el.OK {
		return &Error{Code: CodeInvalid, Message: "tidak memenuhi syarat program: " + strings.Join(el.Reasons, "; "),
			Fields: map[string]string{"employee": strings.Join(el.Reasons, "; ")}}
	}
	return nil
}

// checkIDPItem checks that a development plan item belongs to the employee.
func (a *App) checkIDPItem(ctx context.Context, itemID, employeeID int64) error {
	if itemID == 0 {
		return nil
	}
	owner, _, err := a.Store.IDPItemOwner(ctx, itemID)
	if errors.Is(err, store.ErrNotFound) || (err == nil && owner != employeeID) {
		return invalidField("idp_item", "kegiatan rencana pengembangan tidak ditemukan pada rencana pegawai ini")
	}
	return err
}

// RegisterSelf registers the actor for an event while its registration is
// open; the registration waits for the direct supervisor's (or an admin's)
// approval. idpItemID links it to an item of the actor's development plan
// (0: none).
func (a *App) RegisterSelf(ctx context.Context, actor Actor, eventCode string, idpItemID int64) (store.EnrollmentRow, error) {
	if err := actor.Require(PermEnrollSelf); err != nil {
		return store.EnrollmentRow{}, err
	}
	me, err := a.self(ctx, actor)
	if err != nil {
		return store.EnrollmentRow{}, err
	}
	if me.ID == 0 {
		return store.EnrollmentRow{}, forbidden("hanya akun pegawai yang dapat mendaftar pelatihan")
	}
	ev, err := a.visibleEvent(ctx, actor, eventCode)
	if err != nil {
		return store.EnrollmentRow{}, err
	}
	if !ev.RegistrationOpen(a.Today()) {
		return store.EnrollmentRow{}, conflict(fmt.Sprintf("pendaftaran angkatan %s tidak sedang dibuka", ev.Code))
	}
	if err := a.checkIDPItem(ctx, idpItemID, me.ID); err != nil {
		return store.EnrollmentRow{}, err
	}
	if err := a.eligible(ctx, ev.ProgramID, me); err != nil {
		return store.EnrollmentRow{}, err
	}
	st, err := learning.Next(learning.StateNone, learning.ActRegister)
	if err != nil {
		return store.EnrollmentRow{}, learnError(err, "pendaftaran")
	}
	r, err := a.Store.CreateEnrollment(ctx, actor.Label(), "enrollment.register", learning.Enrollment{EventID: ev.ID, EmployeeID: me.ID,
		State: st, Source: learning.SourceSelf, IDPItemID: idpItemID, CreatedBy: deciderName(actor)})
	return r, learnError(err, "pendaftaran")
}

// DecideRegistration approves a self-registration (a seat if one is free,
// else the waitlist) or rejects it with a reason: the employee's direct
// supervisor or an admin in scope, never the employee.
func (a *App) DecideRegistration(ctx context.Context, actor Actor, id int64, approve bool, reason string) (store.EnrollmentRow, error) {
	if err := actor.Require(PermEnrollApprove); err != nil {
		return store.EnrollmentRow{}, err
	}
	r, err := a.enrollmentInScope(ctx, actor, id)
	if err != nil {
		return r, err
	}
	if actor.EmployeeID != 0 && r.EmployeeID == actor.EmployeeID {
		return r, forbidden("Anda tidak dapat menyetujui pendaftaran Anda sendiri")
	}
	if !isAdmin(actor) && (actor.EmployeeID == 0 || r.SupervisorID != actor.EmployeeID) {
		return r, forbidden("pendaftaran disetujui oleh atasan langsung pegawai atau admin")
	}
	reason = strings.TrimSpace(reason)
	if !approve {
		if err := learning.CheckReason(reason, true); err != nil {
			return r, learnError(err, "pendaftaran")
		}
	}
	action := "enrollment.approve"
	if !approve {
		action = "enrollment.reject"
	}
	out, err := a.Store.UpdateEnrollment(ctx, actor.Label(), id, action, func(e *learning.Enrollment, c store.StepContext) error {
		if !c.Event.Nominations() {
			return conflict("angkatan ini sudah berjalan, selesai, atau dibatalkan")
		}
		var st learning.State
		var err error
		if approve {
			st, err = learning.Seat(e.State, learning.ActApprove, c.Occupancy.Free())
		} else {
			st, err = learning.Next(e.State, learning.ActReject)
			e.Reason = reason
		}
		e.State, e.DecidedBy = st, deciderName(actor)
		return err
	})
	return out, learnError(err, "pendaftaran")
}

// NominationInput names who is nominated for which event, and why.
type NominationInput struct {
	Event string // event code
	NIP   string
	// Source is supervisor, admin, idp or plan; blank: admin for an admin,
	// supervisor otherwise (idp when IDPItemID is set).
	Source    string
	IDPItemID int64 // the development plan item the nomination serves
	// Invite sends the invitation at once (a seat or the waitlist).
	Invite bool
}

// Nominate puts an employee forward for an event before it runs: an admin
// for anyone in scope, a supervisor for anyone below them. The annual plan
// (source plan) is an admin's. The nominee is then invited (Invite).
func (a *App) Nominate(ctx context.Context, actor Actor, in NominationInput) (store.EnrollmentRow, error) {
	if err := actor.Require(PermEnrollNominate); err != nil {
		return store.EnrollmentRow{}, err
	}
	e, err := a.employeeInScope(ctx, actor, strings.TrimSpace(in.NIP))
	if err != nil {
		return store.EnrollmentRow{}, err
	}
	if actor.EmployeeID != 0 && e.ID == actor.EmployeeID {
		return store.EnrollmentRow{}, forbidden("Anda tidak dapat mengusulkan diri sendiri: gunakan pendaftaran mandiri")
	}
	admin := isAdmin(actor)
	if !admin && actor.EmployeeID == 0 {
		return store.EnrollmentRow{}, forbidden("pegawai diusulkan oleh atasannya atau admin")
	}
	src := learning.EnrollSource(strings.TrimSpace(in.Source))
	switch {
	case src == "" && in.IDPItemID != 0:
		src = learning.SourceIDP
	case src == "" && admin:
		src = learning.SourceAdmin
	case src == "":
		src = learning.SourceSupervisor
	}
	switch {
	case !src.Valid() || src == learning.SourceSelf:
		return store.EnrollmentRow{}, invalidField("source", fmt.Sprintf("sumber usulan %q tidak dikenal (pilih supervisor, admin, idp, atau plan)", in.Source))
	case (src == learning.SourceAdmin || src == learning.SourcePlan) && !admin:
		return store.EnrollmentRow{}, forbidden("usulan dari admin atau rencana tahunan hanya oleh admin")
	case src == learning.SourceIDP && in.IDPItemID == 0:
		return store.EnrollmentRow{}, invalidField("idp_item", "usulan dari rencana pengembangan harus menyebut kegiatannya")
	}
	ev, err := a.visibleEvent(ctx, actor, in.Event)
	if err != nil {
		return store.EnrollmentRow{}, err
	}
	if !ev.Nominations() {
		return store.EnrollmentRow{}, conflict(fmt.Sprintf("angkatan %s sudah berjalan, selesai, atau dibatalkan", ev.Code))
	}
	if err := a.checkIDPItem(ctx, in.IDPItemID, e.ID); err != nil {
		return store.EnrollmentRow{}, err
	}
	if err := a.eligible(ctx, ev.ProgramID, e); err != nil {
		return store.EnrollmentRow{}, err
	}
	st, err := learning.Next(learning.StateNone, learning.ActNominate)
	if err != nil {
		return store.EnrollmentRow{}, learnError(err, "pendaftaran")
	}
	r, err := a.Store.CreateEnrollment(ctx, actor.Label(), "enrollment.nominate", learning.Enrollment{EventID: ev.ID, EmployeeID: e.ID,
		State: st, Source: src, IDPItemID: in.IDPItemID, CreatedBy: deciderName(actor)})
	if err != nil || !in.Invite {
		return r, learnError(err, "pendaftaran")
	}
	return a.Invite(ctx, actor, r.ID)
}

// Invite invites a nominee: a seat when one is free (invited), else the
// waitlist. An admin in scope, the event's own mitra, or a supervisor of
// the nominee.
func (a *App) Invite(ctx context.Context, actor Actor, id int64) (store.EnrollmentRow, error) {
	if !actor.Can(PermEnrollNominate) && !actor.Can(PermLearningManage) {
		return store.EnrollmentRow{}, actor.Require(PermEnrollNominate)
	}
	r, err := a.enrollmentInScope(ctx, actor, id)
	if err != nil {
		return r, err
	}
	if actor.EmployeeID != 0 && r.EmployeeID == actor.EmployeeID {
		return r, forbidden("Anda tidak dapat mengundang diri sendiri")
	}
	if r.State != learning.StateNominated {
		return r, conflict("hanya pegawai berstatus diusulkan yang dapat diundang")
	}
	out, err := a.Store.UpdateEnrollment(ctx, actor.Label(), id, "enrollment.invite", inviteStep(actor))
	return out, learnError(err, "pendaftaran")
}

func inviteStep(actor Actor) store.StepFunc {
	return func(e *learning.Enrollment, c store.StepContext) error {
		if !c.Event.Nominations() {
			return conflict("angkatan ini sudah berjalan, selesai, atau dibatalkan")
		}
		st, err := learning.Seat(e.State, learning.ActInvite, c.Occupancy.Free())
		e.State, e.DecidedBy = st, deciderName(actor)
		return err
	}
}

// InvitationSummary counts the outcome of inviting an event's nominees.
type InvitationSummary struct {
	Invited    int
	Waitlisted int
}

// InviteNominees invites every nominee of an event in the order they were
// nominated, until the seats run out; the rest join the waitlist in that
// order. For those who manage the event.
func (a *App) InviteNominees(ctx context.Context, actor Actor, eventCode string) (InvitationSummary, error) {
	ev, err := a.managedEvent(ctx, actor, eventCode)
	if err != nil {
		return InvitationSummary{}, err
	}
	var sum InvitationSummary
	step := inviteStep(actor)
	_, err = a.Store.UpdateEventEnrollments(ctx, actor.Label(), ev.ID, "enrollment.invite", []learning.State{learning.StateNominated},
		func(e *learning.Enrollment, c store.StepContext) error {
			if err := step(e, c); err != nil {
				return err
			}
			if e.State == learning.StateWaitlisted {
				sum.Waitlisted++
			} else {
				sum.Invited++
			}
			return nil
		})
	return sum, learnError(err, "angkatan")
}

// RespondInvitation is the nominee's answer: accept an invitation, or
// decline a nomination, invitation or waitlist place with a reason. Only the
// employee themself.
func (a *App) RespondInvitation(ctx context.Context, actor Actor, id int64, accept bool, reason string) (store.EnrollmentRow, error) {
	if err := actor.Require(PermEnrollSelf); err != nil {
		return store.EnrollmentRow{}, err
	}
	r, err := a.enrollmentInScope(ctx, actor, id)
	if err != nil {
		return r, err
	}
	if actor.EmployeeID == 0 || r.EmployeeID != actor.EmployeeID {
		return r, forbidden("undangan dijawab oleh pegawai yang diundang")
	}
	reason = strings.TrimSpace(reason)
	if !accept {
		if err := learning.CheckReason(reason, true); err != nil {
			return r, learnError(err, "pendaftaran")
		}
	}
	action := "enrollment.accept"
	if !accept {
		action = "enrollment.decline"
	}
	out, err := a.Store.UpdateEnrollment(ctx, actor.Label(), id, action, func(e *learning.Enrollment, c store.StepContext) error {
		if !c.Event.Nominations() {
			return conflict("angkatan ini sudah berjalan, selesai, atau dibatalkan")
		}
		act := learning.ActAccept
		if !accept {
			act, e.Reason = learning.ActDecline, reason
		}
		st, err := learning.Next(e.State, act)
		e.State = st
		return err
	})
	return out, learnError(err, "pendaftaran")
}

// CancelEnrollment withdraws an enrollment before the event runs: the
// employee (reason optional), a supervisor of theirs or an admin in scope
// (reason required). A freed seat goes to the waitlist.
func (a *App) CancelEnrollment(ctx context.Context, actor Actor, id int64, reason string) (store.EnrollmentRow, error) {
	if !actor.Can(PermEnrollSelf) && !actor.Can(PermEnrollNominate) {
		return store.EnrollmentRow{}, actor.Require(PermEnrollSelf)
	}
	r, err := a.enrollmentInScope(ctx, actor, id)
	if err != nil {
		return r, err
	}
	self := actor.EmployeeID != 0 && r.EmployeeID == actor.EmployeeID
	switch {
	case actor.Role == RoleMitra || actor.Role == RolePimpinan:
		return r, forbidden("pendaftaran dibatalkan oleh pegawai, atasannya, atau admin")
	case !self && !actor.Can(PermEnrollNominate):
		return r, forbidden("pendaftaran dibatalkan oleh pegawai, atasannya, atau admin")
	}
	reason = strings.TrimSpace(reason)
	if err := learning.CheckReason(reason, !self); err != nil {
		return r, learnError(err, "pendaftaran")
	}
	out, err := a.Store.UpdateEnrollment(ctx, actor.Label(), id, "enrollment.cancel", func(e *learning.Enrollment, c store.StepContext) error {
		if !c.Event.Nominations() {
			return conflict("angkatan ini sudah berjalan, selesai, atau dibatalkan: catat ketidakhadiran sebagai gantinya")
		}
		st, err := learning.Next(e.State, learning.ActCancel)
		e.State, e.Reason, e.DecidedBy = st, reason, deciderName(actor)
		return err
	})
	return out, learnError(err, "pendaftaran")
}

// MyEnrollments lists the actor's own enrollments, the latest event first.
func (a *App) MyEnrollments(ctx context.Context, actor Actor) ([]store.EnrollmentRow, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return nil, err
	}
	if actor.EmployeeID == 0 {
		return nil, nil
	}
	return a.Store.Enrollments(ctx, store.EnrollmentQuery{EmployeeID: actor.EmployeeID})
}

// EmployeeEnrollments lists the enrollments of an employee in scope.
func (a *App) EmployeeEnrollments(ctx context.Context, actor Actor, nip string) ([]store.EnrollmentRow, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return nil, err
	}
	e, err := a.employeeInScope(ctx, actor, nip)
	if err != nil {
		return nil, err
	}
	return a.Store.Enrollments(ctx, store.EnrollmentQuery{EmployeeID: e.ID})
}

// PendingApprovals lists the self-registrations waiting for the actor: a
// supervisor's direct reports; for an admin, every one in scope.
func (a *App) PendingApprovals(ctx context.Context, actor Actor) ([]store.EnrollmentRow, error) {
	if err := actor.Require(PermEnrollApprove); err != nil {
		return nil, err
	}
	q := store.EnrollmentQuery{States: []learning.State{learning.StatePendingApproval}}
	switch {
	case isAdmin(actor):
		q.Within = within(actor)
	case actor.EmployeeID != 0:
		q.SupervisorID = actor.EmployeeID
	default:
		return nil, nil
	}
	rows, err := a.Store.Enrollments(ctx, q)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, r := range rows {
		if r.EmployeeID != actor.EmployeeID || actor.EmployeeID == 0 {
			out = append(out, r)
		}
	}
	return out, nil
}

// Participant is an enrollment with its attendance per session.
type Participant struct {
	store.EnrollmentRow
	Present map[int64]bool // session ID → present (absent key: not recorded)
}

// ParticipantList is an event's participants as one viewer may see them.
type ParticipantList struct {
	Event        store.EventRow
	Participants []Participant
	// CanRecord: the viewer may take attendance, scores and completion now.
	CanRecord bool
}

// Participants lists an event's enrollments by name with their attendance:
// all of them for city-wide roles and the event's own mitra, those in the
// viewer's scope for the others.
func (a *App) Participants(ctx context.Context, actor Actor, eventCode string) (ParticipantList, error) {
	ev, err := a.visibleEvent(ctx, actor, eventCode)
	if err != nil {
		return ParticipantList{}, err
	}
	w, err := a.participantsWithin(ctx, actor, ev)
	if err != nil {
		return ParticipantList{}, err
	}
	rows, err := a.Store.Enrollments(ctx, store.EnrollmentQuery{EventID: ev.ID, Within: w})
	if err != nil {
		return ParticipantList{}, err
	}
	att, err := a.Store.Attendance(ctx, ev.ID)
	if err != nil {
		return ParticipantList{}, err
	}
	out := ParticipantList{Event: ev}
	_, rerr := a.recorderWithin(ctx, actor, ev)
	out.CanRecord = rerr == nil
	for _, r := range rows {
		out.Participants = append(out.Participants, Participant{EnrollmentRow: r, Present: att[r.ID]})
	}
	return out, nil
}

// EnrollmentLink is an enrollment as a development plan item shows it.
type EnrollmentLink struct {
	ID        int64
	EventCode string
	Title     string
	State     learning.State
}

// idpEnrollments returns the enrollments linked to development plan items,
// by item ID, the latest first.
func (a *App) idpEnrollments(ctx context.Context, itemIDs []int64) (map[int64][]EnrollmentLink, error) {
	if len(itemIDs) == 0 {
		return nil, nil
	}
	rows, err := a.Store.Enrollments(ctx, store.EnrollmentQuery{IDPItemIDs: itemIDs})
	if err != nil {
		return nil, err
	}
	out := map[int64][]EnrollmentLink{}
	for _, r := range rows {
		out[r.IDPItemID] = append(out[r.IDPItemID], EnrollmentLink{ID: r.ID, EventCode: r.EventCode, Title: r.ProgramTitle + " — " + r.EventTitle, State: r.State})
	}
	return out, nil
}
