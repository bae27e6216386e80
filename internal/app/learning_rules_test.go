package app_test

import (
	"context"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
)

// TestEnrollmentRelationshipRules: who may register, approve, nominate,
// invite and cancel whom.
func TestEnrollmentRelationshipRules(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)
		o.program(t, o.admin, app.ProgramInput{Code: "PM", Title: "Manajemen Proyek", Provider: "ITB"})
		o.event(t, o.admin, "PM", "PM-1", "2026-12-07", 2, 10, "open")
		o.event(t, o.admin, "PM", "PM-DRAFT", "2027-01-04", 1, 10, "draft")
		o.event(t, o.admin, "PM", "PM-CLOSED", "2027-01-11", 1, 10, "closed")
		expect := func(what string, err error, want app.Code) {
			t.Helper()
			if got := app.ErrorCode(err); got != want || (want == "" && err != nil) {
				t.Errorf("%s: %q (%v), want %q", what, got, err, want)
			}
		}

		_, err := a.RegisterSelf(ctx, o.staff[103], "PM-DRAFT", 0)
		expect("register for a draft", err, app.CodeNotFound)
		_, err = a.RegisterSelf(ctx, o.staff[103], "PM-CLOSED", 0)
		expect("register when closed", err, app.CodeConflict)
		_, err = a.RegisterSelf(ctx, o.admin, "PM-1", 0)
		expect("register without an employee record", err, app.CodeForbidden)
		ani, err := a.RegisterSelf(ctx, o.staff[103], "PM-1", 0)
		expect("register", err, "")
		if ani.State != learning.StatePendingApproval || ani.Source != learning.SourceSelf {
			t.Errorf("registration: %s from %s", ani.State, ani.Source)
		}
		_, err = a.RegisterSelf(ctx, o.staff[103], "PM-1", 0)
		expect("register twice", err, app.CodeConflict)
		budi, _ := a.RegisterSelf(ctx, o.staff[104], "PM-1", 0)
		fajar, _ := a.RegisterSelf(ctx, o.staff[111], "PM-1", 0)

		// The queue: the Kabid sees his direct reports, the Kadis (indirect)
		// nobody, each agency admin its own people.
		for _, c := range []struct {
			who  string
			as   app.Actor
			want int
		}{{"kabid", o.kabid, 2}, {"kadis", o.kadis, 0}, {"admin DSDABM", o.adminDS, 2}, {"admin DLHK", o.adminLH, 1}, {"admin", o.admin, 3}} {
			rows, err := a.PendingApprovals(ctx, c.as)
			if err != nil || len(rows) != c.want {
				t.Errorf("%s's queue: %d, want %d (%v)", c.who, len(rows), c.want, err)
			}
		}
		_, err = a.DecideRegistration(ctx, o.staff[103], ani.ID, true, "")
		expect("approve own registration", err, app.CodeForbidden)
		_, err = a.DecideRegistration(ctx, o.staff[104], ani.ID, true, "")
		expect("a colleague approves", err, app.CodeNotFound)
		_, err = a.DecideRegistration(ctx, o.kadis, ani.ID, true, "")
		expect("the indirect supervisor approves", err, app.CodeForbidden)
		_, err = a.DecideRegistration(ctx, o.adminLH, ani.ID, true, "")
		expect("another agency's admin approves", err, app.CodeNotFound)
		_, err = a.DecideRegistration(ctx, o.itb, ani.ID, true, "")
		expect("the provider's mitra approves", err, app.CodeForbidden)
		_, err = a.DecideRegistration(ctx, o.kabid, ani.ID, false, " ")
		expect("reject without a reason", err, app.CodeInvalid)
		r, err := a.DecideRegistration(ctx, o.kabid, ani.ID, false, "beban kerja akhir tahun")
		expect("reject", err, "")
		if r.State != learning.StateCancelled || r.Reason != "beban kerja akhir tahun" || r.DecidedBy != "Kabid Jalan" {
			t.Errorf("rejected: %s %q by %q", r.State, r.Reason, r.DecidedBy)
		}
		_, err = a.DecideRegistration(ctx, o.kabid, ani.ID, true, "")
		expect("approve a rejected registration", err, app.CodeConflict)
		// A rejected registration does not block a new one.
		_, err = a.RegisterSelf(ctx, o.staff[103], "PM-1", 0)
		expect("register again after a rejection", err, "")
		_, err = a.DecideRegistration(ctx, o.adminDS, budi.ID, true, "")
		expect("the agency admin approves", err, "")
		_, err = a.DecideRegistration(ctx, o.kadisLH, fajar.ID, true, "")
		expect("Fajar's supervisor approves", err, "")

		// Nominations.
		_, err = a.Nominate(ctx, o.staff[104], app.NominationInput{Event: "PM-1", NIP: o.nip[105]})
		expect("a colleague nominates", err, app.CodeNotFound)
		_, err = a.Nominate(ctx, o.kabid, app.NominationInput{Event: "PM-1", NIP: o.nip[102]})
		expect("nominate oneself", err, app.CodeForbidden)
		_, err = a.Nominate(ctx, o.kabid, app.NominationInput{Event: "PM-1", NIP: o.nip[112]})
		expect("nominate another agency's staff", err, app.CodeNotFound)
		_, err = a.Nominate(ctx, o.kabid, app.NominationInput{Event: "PM-1", NIP: o.nip[105], Source: "plan"})
		expect("a supervisor nominates for the annual plan", err, app.CodeForbidden)
		_, err = a.Nominate(ctx, o.kabid, app.NominationInput{Event: "PM-1", NIP: o.nip[105], Source: "self"})
		expect("nominate as a self-registration", err, app.CodeInvalid)
		cici, err := a.Nominate(ctx, o.kadis, app.NominationInput{Event: "PM-1", NIP: o.nip[105]})
		expect("the indirect supervisor nominates", err, "")
		if cici.State != learning.StateNominated || cici.Source != learning.SourceSupervisor {
			t.Errorf("nomination: %s from %s", cici.State, cici.Source)
		}
		dodi, err := a.Nominate(ctx, o.admin, app.NominationInput{Event: "PM-CLOSED", NIP: o.nip[106], Source: "plan"})
		expect("the annual plan nominates for a closed event", err, "")
		if dodi.Source != learning.SourcePlan {
			t.Errorf("plan nomination source %s", dodi.Source)
		}
		_, err = a.Invite(ctx, o.staff[105], cici.ID)
		expect("invite oneself", err, app.CodeForbidden)
		_, err = a.RespondInvitation(ctx, o.staff[105], cici.ID, true, "")
		expect("accept before the invitation", err, app.CodeConflict)
		_, err = a.Invite(ctx, o.kabid, cici.ID)
		expect("the supervisor invites", err, "")
		_, err = a.Invite(ctx, o.kabid, cici.ID)
		expect("invite twice", err, app.CodeConflict)
		sum, err := a.InviteNominees(ctx, o.admin, "PM-CLOSED")
		expect("invite the nominees of an event", err, "")
		if sum != (app.InvitationSummary{Invited: 1}) {
			t.Errorf("invitations: %+v", sum)
		}

		// Cancellation: the employee, a supervisor or an admin; not a mitra.
		_, err = a.CancelEnrollment(ctx, o.itb, cici.ID, "x")
		expect("a mitra cancels", err, app.CodeForbidden)
		_, err = a.CancelEnrollment(ctx, o.staff[104], cici.ID, "x")
		expect("a colleague cancels", err, app.CodeNotFound)
		_, err = a.CancelEnrollment(ctx, o.sekda, cici.ID, "x")
		expect("pimpinan cancels", err, app.CodeForbidden)

		// My enrollments.
		mine, err := a.MyEnrollments(ctx, o.staff[103])
		if err != nil || len(mine) != 2 || mine[0].State != learning.StatePendingApproval {
			t.Errorf("Ani's enrollments: %+v %v", mine, err)
		}
		if rows, err := a.EmployeeEnrollments(ctx, o.kabid, o.nip[106]); err != nil || len(rows) != 1 || rows[0].State != learning.StateInvited {
			t.Errorf("Dodi seen by the Kabid: %+v %v", rows, err)
		}
		_, err = a.EmployeeEnrollments(ctx, o.kabid, o.nip[111])
		expect("Fajar seen by the Kabid", err, app.CodeNotFound)

		// Cancelling the event cancels everyone not yet attended.
		if _, err := a.SetEventStatus(ctx, o.admin, "PM-1", "cancelled"); err != nil {
			t.Fatal(err)
		}
		l, err := a.Participants(ctx, o.admin, "PM-1")
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range l.Participants {
			if p.State != learning.StateCancelled {
				t.Errorf("%s after the event's cancellation: %s", p.Name, p.State)
			}
		}
		_, err = a.SetEventStatus(ctx, o.admin, "PM-1", "open")
		expect("reopen a cancelled event", err, app.CodeConflict)
	})
}

// TestNominationFromIDPItem: a nomination made for an item of the
// employee's development plan is linked to it, and the plan shows it.
func TestNominationFromIDPItem(t *testing.T) {
	ctx := context.Background()
	o := newLearnOrg(t, newApp(t), 0)
	a := o.a
	o.program(t, o.admin, app.ProgramInput{Code: "PM", Title: "Manajemen Proyek", Provider: "ITB"})
	o.event(t, o.admin, "PM", "PM-1", "2027-02-01", 2, 10, "open")
	plan, err := a.CreateIDP(ctx, o.staff[103], o.nip[103], 2027)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Items) == 0 {
		t.Fatal("the proposed plan has no items")
	}
	item := plan.Items[0].ID
	other, err := a.CreateIDP(ctx, o.staff[104], o.nip[104], 2027)
	if err != nil || len(other.Items) == 0 {
		t.Fatal(err)
	}
	_, err = a.Nominate(ctx, o.kabid, app.NominationInput{Event: "PM-1", NIP: o.nip[103], IDPItemID: other.Items[0].ID})
	if app.ErrorCode(err) != app.CodeInvalid {
		t.Errorf("another employee's item: %v", err)
	}
	r, err := a.Nominate(ctx, o.kabid, app.NominationInput{Event: "PM-1", NIP: o.nip[103], IDPItemID: item})
	if err != nil {
		t.Fatal(err)
	}
	if r.Source != learning.SourceIDP || r.IDPItemID != item {
		t.Errorf("nomination: source %s item %d", r.Source, r.IDPItemID)
	}
	view, err := a.IDP(ctx, o.kabid, o.nip[103], 2027)
	if err != nil {
		t.Fatal(err)
	}
	links := view.Items[0].Enrollments
	if len(links) != 1 || links[0].EventCode != "PM-1" || links[0].State != learning.StateNominated {
		t.Errorf("the plan item shows %+v", links)
	}
	// A self-registration may serve an item of one's own plan too.
	if r, err := a.RegisterSelf(ctx, o.staff[104], "PM-1", other.Items[0].ID); err != nil || r.IDPItemID != other.Items[0].ID || r.Source != learning.SourceSelf {
		t.Errorf("registration for an IDP item: %+v %v", r, err)
	}
}
