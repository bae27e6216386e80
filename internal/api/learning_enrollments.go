package api

import (
	"net/http"

	"asah/internal/app"
	"asah/internal/store"
)

// This file serves enrollment: self-registration, nomination, the
// supervisor's decision, the nominee's answer, cancellation, and the lists
// of an event's participants and of an employee's enrollments. The app
// decides who may take which step; a step the enrollment's state or the
// event's status does not allow is 409.

type enrollmentJSON struct {
	ID           int64    `json:"id"`
	Event        string   `json:"event"`
	EventTitle   string   `json:"event_title"`
	EventStatus  string   `json:"event_status"`
	Program      string   `json:"program"`
	ProgramTitle string   `json:"program_title"`
	ProviderName string   `json:"provider_name"`
	JP           int      `json:"jp"`
	StartsOn     string   `json:"starts_on"`
	EndsOn       string   `json:"ends_on"`
	NIP          *string  `json:"nip"`
	Name         string   `json:"name"`
	UnitCode     string   `json:"unit_code"`
	Unit         string   `json:"unit"`
	State        string   `json:"state"`
	Source       string   `json:"source"`
	WaitlistRank *int     `json:"waitlist_rank"`
	IDPItem      *int64   `json:"idp_item"`
	PreScore     *float64 `json:"pre_score"`
	PostScore    *float64 `json:"post_score"`
	Reason       *string  `json:"reason"`
	CreatedBy    string   `json:"created_by"`
	DecidedBy    *string  `json:"decided_by"`
	Present      int      `json:"present"`
	Sessions     int      `json:"sessions"`
	CompletedAt  *string  `json:"completed_at"`
	CreatedAt    *string  `json:"created_at"`
	UpdatedAt    *string  `json:"updated_at"`
}

// newEnrollment renders an enrollment; nip is false for callers who get
// the person's name but not their NIP.
func newEnrollment(r store.EnrollmentRow, nip bool) enrollmentJSON {
	out := enrollmentJSON{ID: r.ID, Event: r.EventCode, EventTitle: r.EventTitle, EventStatus: string(r.EventStatus),
		Program: r.ProgramCode, ProgramTitle: r.ProgramTitle, ProviderName: r.ProviderName, JP: r.JP, StartsOn: date(r.StartsOn),
		EndsOn: date(r.EndsOn), Name: r.Name, UnitCode: r.UnitCode, Unit: r.UnitName, State: string(r.State), Source: string(r.Source),
		IDPItem: positiveID(r.IDPItemID), PreScore: r.PreScore, PostScore: r.PostScore, Reason: optional(r.Reason),
		CreatedBy: r.CreatedBy, DecidedBy: optional(r.DecidedBy), Present: r.Present, Sessions: r.Sessions,
		CompletedAt: timestamp(r.CompletedAt), CreatedAt: timestamp(r.CreatedAt), UpdatedAt: timestamp(r.UpdatedAt)}
	if nip {
		out.NIP = optional(r.NIP)
	}
	if r.WaitlistRank > 0 {
		rank := r.WaitlistRank
		out.WaitlistRank = &rank
	}
	return out
}

// enrollmentID reads the {id} of an enrollment route.
func enrollmentID(r *http.Request) (int64, error) {
	id, err := intParam(r, "id", 1)
	return int64(id), err
}

type registrationInput struct {
	IDPItem int64 `json:"idp_item"`
}

// handleRegister registers the caller for an event; the registration waits
// for the direct supervisor's approval.
func (s *server) handleRegister() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in registrationInput
		if err := decodeOptionalJSON(w, r, &in); err != nil {
			return err
		}
		e, err := s.app.RegisterSelf(r.Context(), actor, r.PathValue("code"), in.IDPItem)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, newEnrollment(e, true))
		return nil
	}
}

type nominationInput struct {
	NIP     string `json:"nip"`
	Source  string `json:"source"`
	IDPItem int64  `json:"idp_item"`
	Invite  bool   `json:"invite"`
}

// handleNominate puts an employee forward for an event and, with invite,
// invites them at once (a seat or the waitlist).
func (s *server) handleNominate() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in nominationInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.NIP == "" {
			return required("nip", "NIP pegawai yang diusulkan")
		}
		e, err := s.app.Nominate(r.Context(), actor, app.NominationInput{Event: r.PathValue("code"), NIP: in.NIP, Source: in.Source,
			IDPItemID: in.IDPItem, Invite: in.Invite})
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, newEnrollment(e, true))
		return nil
	}
}

type attendanceMarkJSON struct {
	Session int  `json:"session"`
	Present bool `json:"present"`
}

type participantJSON struct {
	enrollmentJSON
	Attendance []attendanceMarkJSON `json:"attendance"`
}

type participantsJSON struct {
	Event     string            `json:"event"`
	CanRecord bool              `json:"can_record"`
	Items     []participantJSON `json:"items"`
}

// handleParticipants lists an event's enrollments with their attendance
// per session: every one for city-wide roles and the event's own mitra
// (without NIPs), those in the caller's scope for the others.
func (s *server) handleParticipants() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		l, err := s.app.Participants(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		seq := make(map[int64]int, len(l.Event.Sessions))
		for _, x := range l.Event.Sessions {
			seq[x.ID] = x.Seq
		}
		out := participantsJSON{Event: l.Event.Code, CanRecord: l.CanRecord, Items: make([]participantJSON, 0, len(l.Participants))}
		nips := seesNIPs(actor)
		for _, p := range l.Participants {
			pj := participantJSON{enrollmentJSON: newEnrollment(p.EnrollmentRow, nips), Attendance: []attendanceMarkJSON{}}
			for _, x := range l.Event.Sessions {
				if present, ok := p.Present[x.ID]; ok {
					pj.Attendance = append(pj.Attendance, attendanceMarkJSON{Session: seq[x.ID], Present: present})
				}
			}
			out.Items = append(out.Items, pj)
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

// handleEmployeeEnrollments lists an employee's enrollments, the latest
// event first.
func (s *server) handleEmployeeEnrollments() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		rows, err := s.app.EmployeeEnrollments(r.Context(), actor, r.PathValue("nip"))
		if err != nil {
			return err
		}
		out := make([]enrollmentJSON, 0, len(rows))
		for _, e := range rows {
			out = append(out, newEnrollment(e, true))
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}

// enrollmentStep serves one step on an enrollment: the answer is the
// enrollment afterwards.
func (s *server) enrollmentStep(step func(r *http.Request, actor app.Actor, id int64) (store.EnrollmentRow, error)) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		id, err := enrollmentID(r)
		if err != nil {
			return err
		}
		e, err := step(r, actor, id)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newEnrollment(e, seesNIPs(actor)))
		return nil
	}
}

type enrollmentDecisionInput struct {
	Approve *bool  `json:"approve"`
	Reason  string `json:"reason"`
}

// handleDecideEnrollment approves a self-registration (a seat when one is
// free, else the waitlist) or rejects it with a reason.
func (s *server) handleDecideEnrollment() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in enrollmentDecisionInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Approve == nil {
			return required("approve", "keputusan (approve: true untuk menyetujui, false untuk menolak)")
		}
		return s.enrollmentStep(func(r *http.Request, actor app.Actor, id int64) (store.EnrollmentRow, error) {
			return s.app.DecideRegistration(r.Context(), actor, id, *in.Approve, in.Reason)
		})(w, r, actor)
	}
}

type enrollmentResponseInput struct {
	Accept *bool  `json:"accept"`
	Reason string `json:"reason"`
}

// handleRespondEnrollment is the employee's answer: accept an invitation,
// or decline a nomination, invitation or waitlist place with a reason.
func (s *server) handleRespondEnrollment() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in enrollmentResponseInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Accept == nil {
			return required("accept", "jawaban (accept: true untuk menerima, false untuk menolak)")
		}
		return s.enrollmentStep(func(r *http.Request, actor app.Actor, id int64) (store.EnrollmentRow, error) {
			return s.app.RespondInvitation(r.Context(), actor, id, *in.Accept, in.Reason)
		})(w, r, actor)
	}
}

type cancelInput struct {
	Reason string `json:"reason"`
}

// handleCancelEnrollment withdraws an enrollment before the event runs; a
// freed seat goes to the first of the waitlist.
func (s *server) handleCancelEnrollment() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in cancelInput
		if err := decodeOptionalJSON(w, r, &in); err != nil {
			return err
		}
		return s.enrollmentStep(func(r *http.Request, actor app.Actor, id int64) (store.EnrollmentRow, error) {
			return s.app.CancelEnrollment(r.Context(), actor, id, in.Reason)
		})(w, r, actor)
	}
}
