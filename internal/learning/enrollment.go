package learning

import (
	"fmt"
	"time"
)

// State is where an enrollment stands.
type State string

const (
	StateNone            State = "" // before the enrollment exists
	StateNominated       State = "nominated"
	StatePendingApproval State = "pending_approval"
	StateInvited         State = "invited"
	StateAccepted        State = "accepted"
	StateDeclined        State = "declined"
	StateWaitlisted      State = "waitlisted"
	StateAttended        State = "attended"
	StateNoShow          State = "no_show"
	StateCompleted       State = "completed"
	StateNotCompleted    State = "not_completed"
	StateCancelled       State = "cancelled"
)

// States lists every state of a stored enrollment.
var States = []State{StateNominated, StatePendingApproval, StateInvited, StateAccepted, StateDeclined, StateWaitlisted,
	StateAttended, StateNoShow, StateCompleted, StateNotCompleted, StateCancelled}

// Valid reports whether s is the state of a stored enrollment.
func (s State) Valid() bool {
	for _, x := range States {
		if x == s {
			return true
		}
	}
	return false
}

// Seated reports whether the enrollment holds one of the event's seats: an
// invitation reserves a seat until it is declined; a participant keeps it
// through attendance and completion.
func (s State) Seated() bool {
	switch s {
	case StateInvited, StateAccepted, StateAttended, StateNoShow, StateCompleted, StateNotCompleted:
		return true
	}
	return false
}

// Live reports whether the enrollment still counts (not declined or
// cancelled): an employee has at most one live enrollment per event.
func (s State) Live() bool { return s != StateDeclined && s != StateCancelled && s != StateNone }

// Action is a step of the enrollment workflow.
type Action string

const (
	ActRegister Action = "register" // the employee registers (needs the supervisor's approval)
	ActNominate Action = "nominate" // a supervisor, an admin, an IDP item or the annual plan nominates
	ActApprove  Action = "approve"  // the supervisor approves a registration: takes a seat
	ActReject   Action = "reject"   // the supervisor rejects a registration
	ActInvite   Action = "invite"   // a nominee is invited: takes a seat
	ActWaitlist Action = "waitlist" // no seat left for approve or invite
	ActPromote  Action = "promote"  // a seat freed up for an approved registration
	ActAccept   Action = "accept"   // the nominee accepts the invitation
	ActDecline  Action = "decline"  // the employee declines (with a reason)
	ActCancel   Action = "cancel"   // withdrawn before the event
	ActAttend   Action = "attend"   // present at a session
	ActNoShow   Action = "no_show"  // attended no session
	ActComplete Action = "complete" // met the completion rule
	ActFail     Action = "fail"     // did not meet the completion rule
)

// Actions lists every action.
var Actions = []Action{ActRegister, ActNominate, ActApprove, ActReject, ActInvite, ActWaitlist, ActPromote, ActAccept,
	ActDecline, ActCancel, ActAttend, ActNoShow, ActComplete, ActFail}

// transitions is the enrollment state machine: the only legal moves.
//
//	(new)            register → pending_approval;  nominate → nominated
//	pending_approval approve → accepted;  waitlist → waitlisted;  reject, cancel → cancelled
//	nominated        invite → invited;  waitlist → waitlisted;  decline → declined;  cancel → cancelled
//	invited          accept → accepted;  decline → declined;  cancel → cancelled
//	waitlisted       promote → accepted (approved registration);  invite → invited (nominee);
//	                 decline → declined;  cancel → cancelled
//	accepted         attend → attended;  no_show → no_show;  cancel → cancelled
//	attended         complete → completed;  fail → not_completed;  no_show → no_show (attendance corrected)
//	no_show          attend → attended (attendance corrected)
//	not_completed    complete → completed (re-evaluated, e.g. after a remedial post-test)
//
// declined, cancelled and completed are final.
var transitions = map[State]map[Action]State{
	StateNone:            {ActRegister: StatePendingApproval, ActNominate: StateNominated},
	StatePendingApproval: {ActApprove: StateAccepted, ActWaitlist: StateWaitlisted, ActReject: StateCancelled, ActCancel: StateCancelled},
	StateNominated:       {ActInvite: StateInvited, ActWaitlist: StateWaitlisted, ActDecline: StateDeclined, ActCancel: StateCancelled},
	StateInvited:         {ActAccept: StateAccepted, ActDecline: StateDeclined, ActCancel: StateCancelled},
	StateWaitlisted:      {ActPromote: StateAccepted, ActInvite: StateInvited, ActDecline: StateDeclined, ActCancel: StateCancelled},
	StateAccepted:        {ActAttend: StateAttended, ActNoShow: StateNoShow, ActCancel: StateCancelled},
	StateAttended:        {ActComplete: StateCompleted, ActFail: StateNotCompleted, ActNoShow: StateNoShow},
	StateNoShow:          {ActAttend: StateAttended},
	StateNotCompleted:    {ActComplete: StateCompleted},
}

// StateError is a workflow step refused in the current state (or a status
// change an event cannot make).
type StateError struct {
	From   State
	Action Action
	Msg    string
}

func (e *StateError) Error() string { return e.Msg }

// stateLabel names a state in messages.
var stateLabel = map[State]string{
	StateNone: "belum terdaftar", StateNominated: "diusulkan", StatePendingApproval: "menunggu persetujuan atasan",
	StateInvited: "diundang", StateAccepted: "diterima", StateDeclined: "menolak", StateWaitlisted: "daftar tunggu",
	StateAttended: "hadir", StateNoShow: "tidak hadir", StateCompleted: "lulus", StateNotCompleted: "tidak lulus",
	StateCancelled: "dibatalkan",
}

var actionLabel = map[Action]string{
	ActRegister: "mendaftar", ActNominate: "mengusulkan", ActApprove: "menyetujui", ActReject: "menolak pendaftaran",
	ActInvite: "mengundang", ActWaitlist: "memasukkan ke daftar tunggu", ActPromote: "menaikkan dari daftar tunggu",
	ActAccept: "menerima undangan", ActDecline: "menolak", ActCancel: "membatalkan", ActAttend: "mencatat hadir",
	ActNoShow: "mencatat tidak hadir", ActComplete: "menyatakan lulus", ActFail: "menyatakan tidak lulus",
}

// Next is the state after action a from state s, or a *StateError that
// names both.
func Next(s State, a Action) (State, error) {
	if to, ok := transitions[s][a]; ok {
		return to, nil
	}
	if _, ok := actionLabel[a]; !ok {
		return s, &StateError{From: s, Action: a, Msg: fmt.Sprintf("tindakan %q tidak dikenal", a)}
	}
	if s != StateNone && !s.Valid() {
		return s, &StateError{From: s, Action: a, Msg: fmt.Sprintf("status pendaftaran %q tidak dikenal", s)}
	}
	return s, &StateError{From: s, Action: a, Msg: fmt.Sprintf("tidak dapat %s: status pendaftaran %s", actionLabel[a], stateLabel[s])}
}

// Occupancy is what a seat decision needs to know of an event, counted
// inside the transaction that decides.
type Occupancy struct {
	Capacity int
	Seated   int
	// QuotaUnitID is the unit whose quota the employee's seat counts
	// against (0: the event has no quota for the employee's units).
	QuotaUnitID int64
	Quota       int
	QuotaSeated int
}

// Free reports whether one more seat may be given: under capacity, and
// under the unit quota when one applies.
func (o Occupancy) Free() bool {
	return o.Seated < o.Capacity && (o.QuotaUnitID == 0 || o.QuotaSeated < o.Quota)
}

// Seat applies a seat-taking action (approve or invite): its own outcome
// when a seat is free, the waitlist otherwise. The action must be legal in
// s either way.
func Seat(s State, a Action, free bool) (State, error) {
	to, err := Next(s, a)
	if err != nil || free {
		return to, err
	}
	return Next(s, ActWaitlist)
}

// PromoteAction is how a waitlisted enrollment takes a freed seat: an
// approved self-registration is accepted at once; a nominee is invited.
func PromoteAction(src EnrollSource) Action {
	if src == SourceSelf {
		return ActPromote
	}
	return ActInvite
}

// EnrollSource is where an enrollment came from.
type EnrollSource string

const (
	SourceSelf       EnrollSource = "self"       // the employee registered
	SourceSupervisor EnrollSource = "supervisor" // the supervisor nominated
	SourceAdmin      EnrollSource = "admin"      // an admin nominated
	SourceIDP        EnrollSource = "idp"        // nominated for an item of the development plan
	SourcePlan       EnrollSource = "plan"       // nominated by the annual plan
)

// EnrollSources lists every source.
var EnrollSources = []EnrollSource{SourceSelf, SourceSupervisor, SourceAdmin, SourceIDP, SourcePlan}

// Valid reports whether s is a known source.
func (s EnrollSource) Valid() bool {
	for _, x := range EnrollSources {
		if x == s {
			return true
		}
	}
	return false
}

// Enrollment is one employee's place in one event.
type Enrollment struct {
	ID         int64
	EventID    int64
	EmployeeID int64
	State      State
	Source     EnrollSource
	IDPItemID  int64 // 0: none
	// QuotaUnitID is the unit whose quota the seat counts against (0: none).
	QuotaUnitID int64
	// WaitlistPos orders the waitlist (set while waitlisted; smaller is
	// earlier). Positions are not renumbered when someone leaves the
	// waitlist: the place in line is the rank among those still waiting.
	WaitlistPos int
	PreScore    *float64
	PostScore   *float64
	Reason      string // of a decline, rejection or cancellation
	CreatedBy   string
	DecidedBy   string
	CompletedAt time.Time
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

// CheckScore checks a test score: 0–100.
func CheckScore(field string, v float64) error {
	if v < 0 || v > 100 || v != v {
		label := "nilai pre-test"
		if field == "post_score" {
			label = "nilai post-test"
		}
		return Faults{{Field: field, Msg: label + " harus 0–100"}}
	}
	return nil
}

// MaxReason bounds a decline, rejection or cancellation reason.
const MaxReason = 500

// CheckReason checks a reason, required when req.
func CheckReason(reason string, req bool) error {
	var fs Faults
	fs.text("reason", "alasan", reason, MaxReason, req)
	return fs.err()
}
