package performance

import "fmt"

// Status is the stage of an SKP in its yearly workflow:
// draft → agreed (employee and rater) → evaluated (per period) → final.
type Status string

const (
	StatusDraft     Status = "draft"
	StatusAgreed    Status = "agreed"
	StatusEvaluated Status = "evaluated"
	StatusFinal     Status = "final"
)

// Statuses lists the stages in workflow order (a fresh slice).
func Statuses() []Status {
	return []Status{StatusDraft, StatusAgreed, StatusEvaluated, StatusFinal}
}

// Label is the display name of a status.
func (s Status) Label() string {
	switch s {
	case StatusDraft:
		return "Draf"
	case StatusAgreed:
		return "Disepakati"
	case StatusEvaluated:
		return "Dievaluasi"
	case StatusFinal:
		return "Final"
	}
	return string(s)
}

// Action is a step someone takes on an SKP.
type Action string

const (
	ActEditPlan       Action = "edit_plan"       // change results, indicators, targets, expectations
	ActAgreeEmployee  Action = "agree_employee"  // the employee agrees to the plan
	ActAgreeRater     Action = "agree_rater"     // the rater (direct supervisor) agrees to the plan
	ActRevise         Action = "revise"          // reopen an agreed plan for changes
	ActFeedback       Action = "feedback"        // a feedback note during the year
	ActEvaluate       Action = "evaluate"        // a periodic evaluation (Triwulan I–IV, …)
	ActEvaluateAnnual Action = "evaluate_annual" // the annual evaluation: the SKP becomes final
	ActAcknowledge    Action = "acknowledge"     // the employee acknowledges an evaluation
)

// Actions lists every action (a fresh slice).
func Actions() []Action {
	return []Action{ActEditPlan, ActAgreeEmployee, ActAgreeRater, ActRevise, ActFeedback, ActEvaluate, ActEvaluateAnnual, ActAcknowledge}
}

// Label names an action in messages.
func (a Action) Label() string {
	switch a {
	case ActEditPlan:
		return "mengubah rencana SKP"
	case ActAgreeEmployee:
		return "persetujuan pegawai"
	case ActAgreeRater:
		return "persetujuan pejabat penilai"
	case ActRevise:
		return "revisi SKP"
	case ActFeedback:
		return "umpan balik"
	case ActEvaluate:
		return "evaluasi periodik"
	case ActEvaluateAnnual:
		return "evaluasi tahunan"
	case ActAcknowledge:
		return "pengakuan hasil evaluasi"
	}
	return string(a)
}

// State is what the workflow needs to know of an SKP.
type State struct {
	Status         Status
	EmployeeAgreed bool
	RaterAgreed    bool
	// HasResults is true when the plan holds at least one work result.
	HasResults bool
}

// TransitionError is an action refused in the SKP's current stage; Error is
// a message for the user in Bahasa Indonesia.
type TransitionError struct {
	From   Status
	Action Action
	Msg    string
}

func (e *TransitionError) Error() string { return e.Msg }

func refuse(s State, a Action, format string, args ...any) (State, error) {
	return s, &TransitionError{From: s.Status, Action: a, Msg: fmt.Sprintf(format, args...)}
}

// Next is the SKP workflow: the state after action a, or a *TransitionError
// saying why a is not allowed now. Legal moves:
//
//	draft      edit_plan                 → draft (both agreements cleared)
//	draft      agree_employee/agree_rater → draft, or agreed once both agreed
//	agreed     revise                    → draft (both agreements cleared)
//	agreed     feedback                  → agreed
//	agreed     evaluate                  → evaluated
//	evaluated  feedback, evaluate        → evaluated
//	evaluated  evaluate_annual           → final
//	evaluated  acknowledge               → evaluated
//	final      acknowledge               → final
//
// Everything else is refused; a final SKP changes no more.
func Next(s State, a Action) (State, error) {
	switch a {
	case ActEditPlan:
		if s.Status != StatusDraft {
			if s.Status == StatusAgreed {
				return refuse(s, a, "SKP sudah disepakati; ajukan revisi lebih dulu untuk mengubah rencana")
			}
			return refuse(s, a, "SKP berstatus %s: rencana hasil kerja tidak dapat diubah lagi", s.Status.Label())
		}
		s.EmployeeAgreed, s.RaterAgreed = false, false
		return s, nil
	case ActAgreeEmployee, ActAgreeRater:
		if s.Status != StatusDraft {
			return refuse(s, a, "SKP berstatus %s: persetujuan hanya diberikan pada SKP berstatus Draf", s.Status.Label())
		}
		if !s.HasResults {
			return refuse(s, a, "rencana hasil kerja masih kosong: isi sedikitnya satu hasil kerja dengan indikator dan targetnya sebelum menyetujui")
		}
		if a == ActAgreeEmployee {
			if s.EmployeeAgreed {
				return refuse(s, a, "pegawai sudah menyetujui SKP ini")
			}
			s.EmployeeAgreed = true
		} else {
			if s.RaterAgreed {
				return refuse(s, a, "pejabat penilai sudah menyetujui SKP ini")
			}
			s.RaterAgreed = true
		}
		if s.EmployeeAgreed && s.RaterAgreed {
			s.Status = StatusAgreed
		}
		return s, nil
	case ActRevise:
		if s.Status != StatusAgreed {
			if s.Status == StatusDraft {
				return refuse(s, a, "SKP masih berstatus Draf: rencana dapat langsung diubah tanpa revisi")
			}
			return refuse(s, a, "SKP berstatus %s: rencana yang sudah dievaluasi tidak dapat direvisi", s.Status.Label())
		}
		s.Status, s.EmployeeAgreed, s.RaterAgreed = StatusDraft, false, false
		return s, nil
	case ActFeedback:
		switch s.Status {
		case StatusAgreed, StatusEvaluated:
			return s, nil
		case StatusDraft:
			return refuse(s, a, "umpan balik dicatat selama pelaksanaan: SKP harus disepakati lebih dulu")
		}
		return refuse(s, a, "SKP sudah final: umpan balik tidak dapat ditambahkan lagi")
	case ActEvaluate:
		switch s.Status {
		case StatusAgreed, StatusEvaluated:
			s.Status = StatusEvaluated
			return s, nil
		case StatusDraft:
			return refuse(s, a, "SKP belum disepakati pegawai dan pejabat penilai: evaluasi belum dapat dilakukan")
		}
		return refuse(s, a, "SKP sudah final: evaluasi periodik tidak dapat diubah lagi")
	case ActEvaluateAnnual:
		switch s.Status {
		case StatusEvaluated:
			s.Status = StatusFinal
			return s, nil
		case StatusAgreed:
			return refuse(s, a, "belum ada evaluasi periodik: lakukan sedikitnya satu evaluasi periodik sebelum evaluasi tahunan")
		case StatusDraft:
			return refuse(s, a, "SKP belum disepakati pegawai dan pejabat penilai: evaluasi belum dapat dilakukan")
		}
		return refuse(s, a, "SKP sudah final: evaluasi tahunan tidak dapat diubah lagi")
	case ActAcknowledge:
		switch s.Status {
		case StatusEvaluated, StatusFinal:
			return s, nil
		}
		return refuse(s, a, "belum ada hasil evaluasi yang dapat diakui")
	}
	return refuse(s, a, "tindakan %q tidak dikenal", string(a))
}
