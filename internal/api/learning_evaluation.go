package api

import (
	"net/http"

	"asah/internal/app"
	"asah/internal/learning"
)

// This file serves the Kirkpatrick evaluation of one enrollment: the
// attendee's reaction survey (once), and the supervisor's follow-up three
// months after the event, which may record a new supervisor assessment of
// a target competency.

type reactionJSON struct {
	Relevance    int    `json:"relevance"`
	Content      int    `json:"content"`
	Facilitator  int    `json:"facilitator"`
	Organisation int    `json:"organisation"`
	Comment      string `json:"comment"`
}

type followUpJSON struct {
	Applied            string  `json:"applied"`
	Comment            string  `json:"comment"`
	AssessmentRecorded bool    `json:"assessment_recorded"`
	RecordedBy         string  `json:"recorded_by"`
	RecordedAt         *string `json:"recorded_at"`
}

type evaluationTargetJSON struct {
	Competency  string `json:"competency"`
	Name        string `json:"name"`
	TargetLevel int    `json:"target_level"`
}

type enrollmentEvaluationJSON struct {
	Enrollment     int64                  `json:"enrollment"`
	Event          string                 `json:"event"`
	ProgramTitle   string                 `json:"program_title"`
	State          string                 `json:"state"`
	Reaction       *reactionJSON          `json:"reaction"`
	FollowUp       *followUpJSON          `json:"follow_up"`
	FollowUpDue    string                 `json:"follow_up_due"`
	CanAnswer      bool                   `json:"can_answer"`
	CanFollowUp    bool                   `json:"can_follow_up"`
	FollowUpTarget []evaluationTargetJSON `json:"follow_up_targets"`
}

func newEnrollmentEvaluation(v app.EnrollmentEvaluation) enrollmentEvaluationJSON {
	e := v.Enrollment
	out := enrollmentEvaluationJSON{Enrollment: e.ID, Event: e.EventCode, ProgramTitle: e.ProgramTitle, State: e.State,
		FollowUpDue: date(v.FollowUpDue), CanAnswer: v.CanAnswer, CanFollowUp: v.CanFollowUp, FollowUpTarget: []evaluationTargetJSON{}}
	if r := v.Reaction; r != nil {
		out.Reaction = &reactionJSON{Relevance: r.Relevance, Content: r.Content, Facilitator: r.Facilitator, Organisation: r.Organisation,
			Comment: r.Comment}
	}
	if f := v.FollowUp; f != nil {
		out.FollowUp = &followUpJSON{Applied: string(f.Applied), Comment: f.Comment, AssessmentRecorded: f.AssessmentID != 0,
			RecordedBy: f.RecorderName, RecordedAt: timestamp(f.RecordedAt)}
	}
	for _, t := range v.FollowUpTarget {
		out.FollowUpTarget = append(out.FollowUpTarget, evaluationTargetJSON{Competency: t.Code, Name: t.Name, TargetLevel: t.TargetLevel})
	}
	return out
}

// writeEvaluation answers the evaluation of an enrollment as the caller
// sees it now.
func (s *server) writeEvaluation(w http.ResponseWriter, r *http.Request, actor app.Actor, status int, id int64) error {
	v, err := s.app.EnrollmentEvaluationOf(r.Context(), actor, id)
	if err != nil {
		return err
	}
	writeJSON(w, status, newEnrollmentEvaluation(v))
	return nil
}

// handleEnrollmentEvaluation returns the survey answer, the follow-up and
// what the caller may do for one enrollment.
func (s *server) handleEnrollmentEvaluation() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		id, err := enrollmentID(r)
		if err != nil {
			return err
		}
		return s.writeEvaluation(w, r, actor, http.StatusOK, id)
	}
}

// handleSurvey stores the caller's reaction survey of an event they
// attended, once. Someone without an enrollment in the event is told, as
// someone who did not attend is, that the survey is for attendees (409).
func (s *server) handleSurvey() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in reactionJSON
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if actor.EmployeeID == 0 {
			return &app.Error{Code: app.CodeForbidden, Message: "survei reaksi diisi oleh peserta sendiri"}
		}
		ev, err := s.app.Event(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		if ev.Mine == nil {
			return &app.Error{Code: app.CodeConflict, Message: "survei reaksi hanya untuk peserta yang hadir"}
		}
		err = s.app.SubmitReaction(r.Context(), actor, ev.Mine.ID, learning.Reaction{Relevance: in.Relevance, Content: in.Content,
			Facilitator: in.Facilitator, Organisation: in.Organisation, Comment: in.Comment})
		if err != nil {
			return err
		}
		return s.writeEvaluation(w, r, actor, http.StatusCreated, ev.Mine.ID)
	}
}

type followUpInput struct {
	Applied    string `json:"applied"`
	Comment    string `json:"comment"`
	Level      int    `json:"level"`
	Competency string `json:"competency"`
}

// handleFollowUp records the supervisor's follow-up of a completed
// enrollment, from three months after the event.
func (s *server) handleFollowUp() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		id, err := enrollmentID(r)
		if err != nil {
			return err
		}
		var in followUpInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Applied == "" {
			return required("applied", "jawaban penerapan (applied: yes, partly, atau no)")
		}
		if _, err := s.app.RecordFollowUp(r.Context(), actor, id, app.FollowUpInput{Applied: in.Applied, Comment: in.Comment,
			Level: in.Level, Competency: in.Competency}); err != nil {
			return err
		}
		return s.writeEvaluation(w, r, actor, http.StatusCreated, id)
	}
}
