package api

import (
	"fmt"
	"net/http"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// This file serves what is recorded while and after an event runs:
// attendance per session, scores, completion (one participant or the whole
// event), and certificates with their public verification. Recording needs
// the event to be running or finished (409 before).

type attendanceInput struct {
	Session *int `json:"session"`
	Marks   []struct {
		Enrollment int64 `json:"enrollment"`
		Present    *bool `json:"present"`
	} `json:"marks"`
}

type attendanceJSON struct {
	Session int `json:"session"`
	Changed int `json:"changed"`
}

// handleAttendance records who was present at one session, in one
// transaction; the answer counts the marks that changed.
func (s *server) handleAttendance() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in attendanceInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Session == nil {
			return required("session", "nomor sesi")
		}
		if in.Marks == nil {
			return required("marks", "daftar kehadiran (marks)")
		}
		marks := make([]app.AttendanceInput, len(in.Marks))
		for i, m := range in.Marks {
			if m.Enrollment == 0 || m.Present == nil {
				f := "present"
				if m.Enrollment == 0 {
					f = "enrollment"
				}
				return &app.Error{Code: app.CodeInvalid, Message: fmt.Sprintf("baris %d: %s wajib diisi", i+1, f),
					Fields: map[string]string{fmt.Sprintf("marks.%d.%s", i, f): "wajib diisi"}}
			}
			marks[i] = app.AttendanceInput{EnrollmentID: m.Enrollment, Present: *m.Present}
		}
		n, err := s.app.RecordAttendance(r.Context(), actor, r.PathValue("code"), *in.Session, marks)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, attendanceJSON{Session: *in.Session, Changed: n})
		return nil
	}
}

type completionSummaryJSON struct {
	Completed    int `json:"completed"`
	NotCompleted int `json:"not_completed"`
	NoShow       int `json:"no_show"`
}

// handleCompleteEvent closes an event's records: no-shows, then the
// completion rule for everyone who attended.
func (s *server) handleCompleteEvent() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		sum, err := s.app.CompleteEvent(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, completionSummaryJSON{Completed: sum.Completed, NotCompleted: sum.NotCompleted, NoShow: sum.NoShow})
		return nil
	}
}

type scoresInput struct {
	PreScore  *float64 `json:"pre_score"`
	PostScore *float64 `json:"post_score"`
}

// handleScores records a participant's pre- and post-test scores; a score
// left out stays as it is.
func (s *server) handleScores() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in scoresInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		return s.enrollmentStep(func(r *http.Request, actor app.Actor, id int64) (store.EnrollmentRow, error) {
			return s.app.RecordScores(r.Context(), actor, id, in.PreScore, in.PostScore)
		})(w, r, actor)
	}
}

type completionJSON struct {
	Enrollment enrollmentJSON `json:"enrollment"`
	Completed  bool           `json:"completed"`
	Attended   int            `json:"attended"`
	Sessions   int            `json:"sessions"`
	Reasons    []string       `json:"reasons"`
}

// handleCompleteEnrollment applies the completion rule to one participant
// who attended: completed, or not completed with the reasons.
func (s *server) handleCompleteEnrollment() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		id, err := enrollmentID(r)
		if err != nil {
			return err
		}
		e, c, err := s.app.CompleteEnrollment(r.Context(), actor, id)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newCompletion(e, c, seesNIPs(actor)))
		return nil
	}
}

func newCompletion(e store.EnrollmentRow, c learning.Completion, nip bool) completionJSON {
	reasons := c.Reasons
	if reasons == nil {
		reasons = []string{}
	}
	return completionJSON{Enrollment: newEnrollment(e, nip), Completed: c.Completed, Attended: c.Attended, Sessions: c.Sessions, Reasons: reasons}
}

type certificateJSON struct {
	Number           string  `json:"number"`
	Code             string  `json:"code"`
	Holder           string  `json:"holder"`
	Program          string  `json:"program"`
	Provider         string  `json:"provider"`
	JP               int     `json:"jp"`
	CompletedOn      *string `json:"completed_on"`
	IssuedAt         *string `json:"issued_at"`
	Revoked          bool    `json:"revoked"`
	RevokedAt        *string `json:"revoked_at"`
	VerificationPath string  `json:"verification_path"`
}

// handleCertificate returns the certificate of a completed enrollment,
// issuing it on the first request; the verification path is what its QR
// code links to.
func (s *server) handleCertificate() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		id, err := enrollmentID(r)
		if err != nil {
			return err
		}
		v, err := s.app.Certificate(r.Context(), actor, id)
		if err != nil {
			return err
		}
		e := v.Enrollment
		writeJSON(w, http.StatusOK, certificateJSON{Number: v.Number, Code: v.Code, Holder: e.Name, Program: e.ProgramTitle,
			Provider: e.Provider, JP: e.JP, CompletedOn: civilDate(e.CompletedAt.In(wibZone)), IssuedAt: timestamp(v.IssuedAt),
			Revoked: v.Revoked(), RevokedAt: timestamp(v.RevokedAt), VerificationPath: "/verifikasi/" + v.Code})
		return nil
	}
}

// verificationJSON is everything the public verification tells: nothing
// beyond these four fields.
type verificationJSON struct {
	Status      string  `json:"status"`
	Holder      *string `json:"holder"`
	Program     *string `json:"program"`
	CompletedOn *string `json:"completed_on"`
}

// handleVerifyCertificate answers whether a certificate code is valid,
// revoked or unknown; it needs no token.
func (s *server) handleVerifyCertificate() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, _ app.Actor) error {
		v, err := s.app.VerifyCertificate(r.Context(), r.PathValue("code"))
		if err != nil {
			return err
		}
		out := verificationJSON{Status: string(v.Status)}
		if v.Status != app.CertificateUnknown {
			out.Holder, out.Program, out.CompletedOn = optional(v.Holder), optional(v.Program), civilDate(v.CompletedOn)
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}
