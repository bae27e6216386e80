package app_test

import (
	"context"
	"encoding/json"
	"sort"
	"strings"
	"sync"
	"testing"

	"asah/internal/app"
	"asah/internal/learning"
)

// TestConcurrentRegistrationsNeverExceedCapacity: 200 employees register
// for a 30-seat event at the same time and their supervisor approves each
// at once; on both engines exactly 30 are accepted and 170 waitlisted at
// places 1..170 in the order their approvals committed, with no error.
func TestConcurrentRegistrationsNeverExceedCapacity(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 200)
		o.program(t, o.admin, app.ProgramInput{Code: "PM-INFRA", Title: "Manajemen Proyek Infrastruktur", Provider: "ITB"})
		o.event(t, o.admin, "PM-INFRA", "PM-INFRA-1", "2026-12-07", 3, 30, "open")

		var wg sync.WaitGroup
		errs := make(chan error, 200)
		for i := 0; i < 200; i++ {
			wg.Add(1)
			go func(id int64) {
				defer wg.Done()
				r, err := a.RegisterSelf(ctx, o.staff[id], "PM-INFRA-1", 0)
				if err == nil {
					_, err = a.DecideRegistration(ctx, o.kabid, r.ID, true, "")
				}
				if err != nil {
					errs <- err
				}
			}(int64(1000 + i))
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			t.Errorf("registration failed: %v", err)
		}

		l, err := a.Participants(ctx, o.admin, "PM-INFRA-1")
		if err != nil {
			t.Fatal(err)
		}
		var accepted int
		ranks := map[int]bool{}
		pos := map[int64]int{} // enrollment → stored waitlist position
		for _, p := range l.Participants {
			switch p.State {
			case learning.StateAccepted:
				accepted++
			case learning.StateWaitlisted:
				ranks[p.WaitlistRank] = true
				pos[p.ID] = p.WaitlistPos
			default:
				t.Errorf("%s: state %s", p.Name, p.State)
			}
		}
		if accepted != 30 || len(pos) != 170 || l.Event.Seated != 30 || l.Event.Waitlisted != 170 {
			t.Fatalf("accepted %d (event says %d), waitlisted %d (event says %d); want 30 and 170",
				accepted, l.Event.Seated, len(pos), l.Event.Waitlisted)
		}
		for r := 1; r <= 170; r++ {
			if !ranks[r] {
				t.Fatalf("waitlist place %d missing", r)
			}
		}
		// Commit order: the audit rows of the approvals, in the order they
		// were written (each under the event's lock), must give the first
		// 30 a seat and then places 1, 2, 3, … to the others.
		trail, err := a.Store.AuditTrail(ctx, "", "", 10000)
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(trail, func(i, j int) bool { return trail[i].ID < trail[j].ID })
		n, next := 0, 1
		for _, e := range trail {
			if e.Action != "enrollment.approve" {
				continue
			}
			var after struct {
				EnrollmentID int64  `json:"enrollment_id"`
				State        string `json:"state"`
				WaitlistPos  int    `json:"waitlist_pos"`
			}
			if err := json.Unmarshal([]byte(e.After), &after); err != nil {
				t.Fatal(err)
			}
			n++
			switch {
			case n <= 30 && after.State != "accepted":
				t.Fatalf("approval %d committed as %s, want accepted", n, after.State)
			case n > 30 && (after.State != "waitlisted" || after.WaitlistPos != next || pos[after.EnrollmentID] != next):
				t.Fatalf("approval %d committed as %s at %d (stored %d), want waitlisted at %d",
					n, after.State, after.WaitlistPos, pos[after.EnrollmentID], next)
			case n > 30:
				next++
			}
		}
		if n != 200 {
			t.Errorf("%d approval audit rows, want 200", n)
		}
	})
}

// TestWaitlistPromotesInOrder: a cancellation or decline gives the freed
// seat to the first of the waitlist; leaving the waitlist moves the others
// up; a larger capacity promotes at once.
func TestWaitlistPromotesInOrder(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)
		o.program(t, o.admin, app.ProgramInput{Code: "PM", Title: "Manajemen Proyek", Provider: "ITB"})
		o.event(t, o.admin, "PM", "PM-1", "2026-12-07", 2, 2, "open")
		ani, budi := o.enrolled(t, "PM-1", 103), o.enrolled(t, "PM-1", 104)
		cici, dodi, euis := o.enrolled(t, "PM-1", 105), o.enrolled(t, "PM-1", 106), o.enrolled(t, "PM-1", 107)
		want := func(step string, exp map[int64][2]string) {
			t.Helper()
			got := o.states(t, "PM-1")
			for id, w := range exp {
				if got[id] != w {
					t.Errorf("%s: employee %d is %v, want %v", step, id, got[id], w)
				}
			}
			if len(got) != len(exp) {
				t.Errorf("%s: %d live enrollments, want %d: %v", step, len(got), len(exp), got)
			}
		}
		acc, wl := "accepted", "waitlisted"
		want("five approvals", map[int64][2]string{103: {acc, "0"}, 104: {acc, "0"}, 105: {wl, "1"}, 106: {wl, "2"}, 107: {wl, "3"}})
		if cici.State != learning.StateWaitlisted || cici.WaitlistRank != 1 || euis.WaitlistRank != 3 {
			t.Errorf("approval answers %s rank %d and %s rank %d", cici.State, cici.WaitlistRank, euis.State, euis.WaitlistRank)
		}

		// Ani withdraws: Cici, first in line, takes the seat.
		if _, err := a.CancelEnrollment(ctx, o.staff[103], ani.ID, ""); err != nil {
			t.Fatal(err)
		}
		want("Ani cancels", map[int64][2]string{104: {acc, "0"}, 105: {acc, "0"}, 106: {wl, "1"}, 107: {wl, "2"}})

		// A nominee invited while the event is full waits behind them.
		fajar, err := a.Nominate(ctx, o.admin, app.NominationInput{Event: "PM-1", NIP: o.nip[111], Invite: true})
		if err != nil {
			t.Fatal(err)
		}
		if fajar.State != learning.StateWaitlisted || fajar.WaitlistRank != 3 || fajar.Source != learning.SourceAdmin {
			t.Errorf("nominee invited when full: %s rank %d source %s", fajar.State, fajar.WaitlistRank, fajar.Source)
		}

		// Dodi leaves the waitlist (declines): Euis and Fajar move up.
		if _, err := a.RespondInvitation(ctx, o.staff[106], dodi.ID, false, ""); app.ErrorCode(err) != app.CodeInvalid {
			t.Errorf("decline without a reason: %v", err)
		}
		if _, err := a.RespondInvitation(ctx, o.staff[106], dodi.ID, false, "bertugas ke luar kota"); err != nil {
			t.Fatal(err)
		}
		want("Dodi declines", map[int64][2]string{104: {acc, "0"}, 105: {acc, "0"}, 107: {wl, "1"}, 111: {wl, "2"}})

		// The supervisor cancels Budi with a reason: Euis is promoted.
		if _, err := a.CancelEnrollment(ctx, o.kabid, budi.ID, ""); app.ErrorCode(err) != app.CodeInvalid {
			t.Errorf("supervisor's cancellation without a reason: %v", err)
		}
		if _, err := a.CancelEnrollment(ctx, o.kabid, budi.ID, "tugas mendesak"); err != nil {
			t.Fatal(err)
		}
		want("Budi cancelled", map[int64][2]string{105: {acc, "0"}, 107: {acc, "0"}, 111: {wl, "1"}})

		// A third seat: the nominee is promoted to an invitation, declines
		// it, and the seat stays free (nobody waits).
		in := app.EventInput{Program: "PM", Code: "PM-1", Title: "Angkatan PM-1", StartsOn: "2026-12-07", EndsOn: "2026-12-08",
			Place: "Aula", Capacity: 3, Sessions: []app.SessionInput{
				{StartsAt: "2026-12-07T08:00", EndsAt: "2026-12-07T12:00"}, {StartsAt: "2026-12-08T08:00", EndsAt: "2026-12-08T12:00"}}}
		if _, err := a.UpdateEvent(ctx, o.admin, "PM-1", in); err != nil {
			t.Fatal(err)
		}
		want("capacity 3", map[int64][2]string{105: {acc, "0"}, 107: {acc, "0"}, 111: {"invited", "0"}})
		in.Capacity = 2
		if _, err := a.UpdateEvent(ctx, o.admin, "PM-1", in); app.ErrorCode(err) != app.CodeConflict {
			t.Errorf("capacity below the seats given: %v", err)
		}
		if _, err := a.RespondInvitation(ctx, o.staff[111], fajar.ID, false, "sudah pernah ikut"); err != nil {
			t.Fatal(err)
		}
		want("Fajar declines", map[int64][2]string{105: {acc, "0"}, 107: {acc, "0"}})

		// Every change is in the employee's audit trail.
		trail, err := a.Store.AuditTrail(ctx, "employee", o.nip[105], 50)
		if err != nil {
			t.Fatal(err)
		}
		var actions []string
		for i := len(trail) - 1; i >= 0; i-- {
			actions = append(actions, trail[i].Action)
		}
		if got := strings.Join(actions, " "); got != "enrollment.register enrollment.approve enrollment.promote" {
			t.Errorf("Cici's audit trail: %s", got)
		}
	})
}

// TestUnitQuota: a unit's quota (with the units below it) holds even with
// seats free, and a freed seat goes to the first in line whose quota
// allows.
func TestUnitQuota(t *testing.T) {
	learnEngines(t, func(t *testing.T, a *app.App) {
		ctx := context.Background()
		o := newLearnOrg(t, a, 0)
		o.program(t, o.admin, app.ProgramInput{Code: "PM", Title: "Manajemen Proyek", Provider: "ITB"})
		ev := o.event(t, o.admin, "PM", "PM-Q", "2026-12-07", 1, 3, "open", app.QuotaInput{Unit: "DSDABM", Quota: 1})
		if len(ev.Quotas) != 1 || ev.Quotas[0].Quota != 1 {
			t.Fatalf("quotas %+v", ev.Quotas)
		}
		ani := o.enrolled(t, "PM-Q", 103)   // DSDABM-UPT, counts against DSDABM: seat
		budi := o.enrolled(t, "PM-Q", 104)  // DSDABM's quota is used: waitlist though 2 seats are free
		fajar := o.enrolled(t, "PM-Q", 111) // DLHK has no quota: seat
		gina := o.enrolled(t, "PM-Q", 112)  // seat: the event is full now
		hadi := o.enrolled(t, "PM-Q", 113)  // waitlist, behind Budi
		for _, c := range []struct {
			name string
			got  learning.State
			rank int
			want learning.State
			wr   int
		}{{"Ani", ani.State, 0, learning.StateAccepted, 0}, {"Budi", budi.State, budi.WaitlistRank, learning.StateWaitlisted, 1},
			{"Fajar", fajar.State, 0, learning.StateAccepted, 0}, {"Gina", gina.State, 0, learning.StateAccepted, 0},
			{"Hadi", hadi.State, hadi.WaitlistRank, learning.StateWaitlisted, 2}} {
			if c.got != c.want || c.rank != c.wr {
				t.Errorf("%s: %s (place %d), want %s (place %d)", c.name, c.got, c.rank, c.want, c.wr)
			}
		}
		// Fajar withdraws: Budi is first in line but DSDABM's quota is
		// still used by Ani, so Hadi takes the seat.
		if _, err := a.CancelEnrollment(ctx, o.staff[111], fajar.ID, ""); err != nil {
			t.Fatal(err)
		}
		got := o.states(t, "PM-Q")
		if got[113][0] != "accepted" || got[104] != [2]string{"waitlisted", "1"} {
			t.Errorf("after Fajar: %v", got)
		}
		// Ani withdraws: the DSDABM seat goes to Budi.
		if _, err := a.CancelEnrollment(ctx, o.staff[103], ani.ID, ""); err != nil {
			t.Fatal(err)
		}
		if got := o.states(t, "PM-Q"); got[104][0] != "accepted" {
			t.Errorf("after Ani: %v", got)
		}
	})
}
