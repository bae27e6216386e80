package learning

import (
	"errors"
	"strings"
	"testing"
)

// legal is the workflow as the issue describes it, written out move by move
// and independently of the transitions table.
var legal = []struct {
	from State
	act  Action
	to   State
}{
	{StateNone, ActRegister, StatePendingApproval},
	{StateNone, ActNominate, StateNominated},
	{StatePendingApproval, ActApprove, StateAccepted},
	{StatePendingApproval, ActWaitlist, StateWaitlisted},
	{StatePendingApproval, ActReject, StateCancelled},
	{StatePendingApproval, ActCancel, StateCancelled},
	{StateNominated, ActInvite, StateInvited},
	{StateNominated, ActWaitlist, StateWaitlisted},
	{StateNominated, ActDecline, StateDeclined},
	{StateNominated, ActCancel, StateCancelled},
	{StateInvited, ActAccept, StateAccepted},
	{StateInvited, ActDecline, StateDeclined},
	{StateInvited, ActCancel, StateCancelled},
	{StateWaitlisted, ActPromote, StateAccepted},
	{StateWaitlisted, ActInvite, StateInvited},
	{StateWaitlisted, ActDecline, StateDeclined},
	{StateWaitlisted, ActCancel, StateCancelled},
	{StateAccepted, ActAttend, StateAttended},
	{StateAccepted, ActNoShow, StateNoShow},
	{StateAccepted, ActCancel, StateCancelled},
	{StateAttended, ActComplete, StateCompleted},
	{StateAttended, ActFail, StateNotCompleted},
	{StateAttended, ActNoShow, StateNoShow},
	{StateNoShow, ActAttend, StateAttended},
	{StateNotCompleted, ActComplete, StateCompleted},
}

// TestEveryTransition tries every action in every state: the legal moves
// give their state, every other pair is refused with a message naming the
// action and the current state, and leaves the state unchanged.
func TestEveryTransition(t *testing.T) {
	want := map[State]map[Action]State{}
	for _, m := range legal {
		if want[m.from] == nil {
			want[m.from] = map[Action]State{}
		}
		want[m.from][m.act] = m.to
	}
	refused := 0
	for _, s := range append([]State{StateNone}, States...) {
		for _, a := range Actions {
			got, err := Next(s, a)
			to, ok := want[s][a]
			if ok {
				if err != nil || got != to {
					t.Errorf("%q %s: got %q, %v; want %q", s, a, got, err, to)
				}
				continue
			}
			refused++
			var se *StateError
			if !errors.As(err, &se) {
				t.Errorf("%q %s: got %q, %v; want a refusal", s, a, got, err)
				continue
			}
			if got != s || se.From != s || se.Action != a {
				t.Errorf("%q %s: refusal moved to %q or misreports %+v", s, a, got, se)
			}
			if !strings.Contains(se.Msg, actionLabel[a]) || !strings.Contains(se.Msg, stateLabel[s]) {
				t.Errorf("%q %s: message %q does not name the action and the state", s, a, se.Msg)
			}
		}
	}
	if n := (len(States)+1)*len(Actions) - len(legal); refused != n {
		t.Errorf("%d refusals, want %d", refused, n)
	}
	for _, s := range []State{StateDeclined, StateCancelled, StateCompleted} {
		if len(transitions[s]) != 0 {
			t.Errorf("%s must be final", s)
		}
	}
	if _, err := Next(StateAccepted, "teleport"); err == nil || !strings.Contains(err.Error(), "tidak dikenal") {
		t.Errorf("unknown action: %v", err)
	}
}

func TestSeatGoesToWaitlistWhenFull(t *testing.T) {
	cases := []struct {
		from State
		act  Action
		free bool
		want State
	}{
		{StatePendingApproval, ActApprove, true, StateAccepted},
		{StatePendingApproval, ActApprove, false, StateWaitlisted},
		{StateNominated, ActInvite, true, StateInvited},
		{StateNominated, ActInvite, false, StateWaitlisted},
	}
	for _, c := range cases {
		if got, err := Seat(c.from, c.act, c.free); err != nil || got != c.want {
			t.Errorf("Seat(%s, %s, free=%v) = %s, %v; want %s", c.from, c.act, c.free, got, err, c.want)
		}
	}
	// An illegal approval is refused as an approval even when full.
	if _, err := Seat(StateAccepted, ActApprove, false); err == nil || !strings.Contains(err.Error(), "menyetujui") {
		t.Errorf("approve of an accepted enrollment: %v", err)
	}
	if PromoteAction(SourceSelf) != ActPromote || PromoteAction(SourceSupervisor) != ActInvite || PromoteAction(SourceIDP) != ActInvite {
		t.Error("promotion: a registration is accepted, a nominee invited")
	}
}

func TestOccupancy(t *testing.T) {
	cases := []struct {
		o    Occupancy
		free bool
	}{
		{Occupancy{Capacity: 30, Seated: 29}, true},
		{Occupancy{Capacity: 30, Seated: 30}, false},
		{Occupancy{Capacity: 30, Seated: 10, QuotaUnitID: 4, Quota: 2, QuotaSeated: 1}, true},
		{Occupancy{Capacity: 30, Seated: 10, QuotaUnitID: 4, Quota: 2, QuotaSeated: 2}, false},
		{Occupancy{Capacity: 30, Seated: 30, QuotaUnitID: 4, Quota: 2, QuotaSeated: 0}, false},
	}
	for _, c := range cases {
		if c.o.Free() != c.free {
			t.Errorf("%+v: free = %v", c.o, !c.free)
		}
	}
	for _, s := range States {
		want := s == StateInvited || s == StateAccepted || s == StateAttended || s == StateNoShow || s == StateCompleted || s == StateNotCompleted
		if s.Seated() != want {
			t.Errorf("%s seated = %v", s, !want)
		}
	}
}
