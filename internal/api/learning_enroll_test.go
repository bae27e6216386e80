package api

import (
	"fmt"
	"testing"
)

// TestNominationsAndWaitlistOverHTTP: a supervisor nominates their staff
// for a one-seat event; the first is invited, the others wait in order;
// a decline (with a reason) or a cancellation passes the seat to the first
// of the waitlist; nobody nominates themself or someone outside their
// scope; every step a state does not allow is 409.
func TestNominationsAndWaitlistOverHTTP(t *testing.T) {
	f := newFixture(t)
	w := f.world()
	supID, staff := f.team(w, 3)
	sup := f.as(w, supID)
	a, b, c := f.as(w, staff[0]), f.as(w, staff[1]), f.as(w, staff[2])
	nipA, nipB, nipC := w.nips[staff[0]], w.nips[staff[1]], w.nips[staff[2]]
	f.newProgram("UJI-NOM", f.itb().Code, nil)
	f.newEvent("UJI-NOM", "UJI-NOM-1", "2027-02-01", 2, 1, "open")
	nominate := func(nip string, invite bool) response {
		return f.do(sup, "POST", "/api/v1/events/UJI-NOM-1/nominations", map[string]any{"nip": nip, "invite": invite})
	}
	ea := f.enrollment(nominate(nipA, true), 201, "nominate A")
	eb := f.enrollment(nominate(nipB, true), 201, "nominate B")
	ec := f.enrollment(nominate(nipC, false), 201, "nominate C")
	if ea.State != "invited" || ea.Source != "supervisor" || eb.State != "waitlisted" || eb.WaitlistRank == nil || *eb.WaitlistRank != 1 ||
		ec.State != "nominated" {
		t.Fatalf("nominations: %s %s %s", ea.State, eb.State, ec.State)
	}
	f.expectStatus(nominate(nipA, true), 409, "", "nominating twice")
	f.expectStatus(nominate(w.nips[supID], true), 403, "", "nominating oneself")
	f.expectStatus(nominate(f.other.NIP, true), 404, "", "nominating someone outside the scope")
	f.expectStatus(f.do(sup, "POST", "/api/v1/events/UJI-NOM-1/nominations", map[string]any{"nip": nipC, "source": "plan"}), 403, "",
		"a supervisor nominating for the annual plan")
	f.expectStatus(f.do(sup, "POST", "/api/v1/events/UJI-NOM-1/invitations", nil), 403, "", "a supervisor inviting an event's nominees")
	r := f.do("admin_bkpsdm", "POST", "/api/v1/events/UJI-NOM-1/invitations", nil)
	var inv invitationsJSON
	r.json(t, &inv)
	if r.status != 200 || inv != (invitationsJSON{Invited: 0, Waitlisted: 1}) {
		t.Fatalf("inviting the nominees: %d %s", r.status, r.body)
	}

	state := func(caller, nip string, id int64) enrollmentJSON {
		t.Helper()
		var l struct{ Items []enrollmentJSON }
		f.do(caller, "GET", "/api/v1/employees/"+nip+"/enrollments", nil).json(t, &l)
		for _, e := range l.Items {
			if e.ID == id {
				return e
			}
		}
		t.Fatalf("enrollment %d of %s not listed", id, nip)
		return enrollmentJSON{}
	}
	if e := state(c, nipC, ec.ID); e.State != "waitlisted" || *e.WaitlistRank != 2 {
		t.Fatalf("C after the invitations: %s %v", e.State, e.WaitlistRank)
	}

	// A declines: the reason is required; B, first in line, is invited.
	resp := func(caller string, id int64, body any) response {
		return f.do(caller, "POST", fmt.Sprintf("/api/v1/enrollments/%d/response", id), body)
	}
	f.expectStatus(resp(sup, ea.ID, map[string]any{"accept": true}), 403, "", "the supervisor answering the invitation")
	f.expectStatus(resp(b, ea.ID, map[string]any{"accept": true}), 404, "", "a colleague answering the invitation")
	f.expectStatus(resp(a, ea.ID, map[string]any{"accept": false}), 422, "reason", "declining without a reason")
	ea = f.enrollment(resp(a, ea.ID, map[string]any{"accept": false, "reason": "Bertepatan dengan tugas lapangan"}), 200, "decline")
	if ea.State != "declined" || ea.Reason == nil {
		t.Fatalf("decline: %+v", ea)
	}
	f.expectStatus(resp(a, ea.ID, map[string]any{"accept": true}), 409, "", "accepting after declining")
	if e := state(b, nipB, eb.ID); e.State != "invited" || e.WaitlistRank != nil {
		t.Fatalf("B after A declined: %s", e.State)
	}
	if e := state(c, nipC, ec.ID); *e.WaitlistRank != 1 {
		t.Fatalf("C after A declined: rank %v", *e.WaitlistRank)
	}
	eb = f.enrollment(resp(b, eb.ID, map[string]any{"accept": true}), 200, "accept")
	if eb.State != "accepted" {
		t.Fatalf("accept: %s", eb.State)
	}

	// B withdraws (no reason needed for one's own); C gets the seat. A
	// supervisor cancelling needs a reason.
	cancel := func(caller string, id int64, body any) response {
		return f.do(caller, "POST", fmt.Sprintf("/api/v1/enrollments/%d/cancel", id), body)
	}
	eb = f.enrollment(cancel(b, eb.ID, nil), 200, "B cancels")
	if eb.State != "cancelled" {
		t.Fatalf("cancel: %s", eb.State)
	}
	if e := state(sup, nipC, ec.ID); e.State != "invited" {
		t.Fatalf("C after B cancelled: %s", e.State)
	}
	f.expectStatus(cancel(sup, ec.ID, nil), 422, "reason", "a supervisor cancelling without a reason")
	ec = f.enrollment(cancel(sup, ec.ID, map[string]any{"reason": "Dialihkan ke angkatan berikutnya"}), 200, "the supervisor cancels")
	f.expectStatus(cancel(sup, ec.ID, map[string]any{"reason": "lagi"}), 409, "", "cancelling twice")
	var ev eventDetailJSON
	f.do(a, "GET", "/api/v1/events/UJI-NOM-1", nil).json(t, &ev)
	if ev.Seated != 0 || ev.Free != 1 || ev.Waitlisted != 0 || ev.Mine != nil {
		t.Errorf("the event at the end: %+v", ev)
	}
}
