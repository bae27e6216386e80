package api

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strings"

	"asah/internal/app"
	"asah/internal/learning"
)

// This file serves claims of external learning (a seminar, a course): the
// employee, or an admin on their behalf, submits one with an evidence file
// sent base64-encoded in the JSON body; the direct supervisor or an admin
// approves or rejects it.

// maxClaimBody bounds a claim's body: a 5 MiB evidence file is about
// 6.7 MiB in base64, plus the other fields.
const maxClaimBody = 7 << 20

type evidenceJSON struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Size        int    `json:"size"`
}

type claimJSON struct {
	ID         int64        `json:"id"`
	NIP        string       `json:"nip"`
	Name       string       `json:"name"`
	Title      string       `json:"title"`
	Organiser  string       `json:"organiser"`
	Form       string       `json:"form"`
	ActivityOn string       `json:"activity_on"`
	Unit       string       `json:"unit"`
	ClaimedJP  float64      `json:"claimed_jp"`
	CreditJP   float64      `json:"credit_jp"`
	Note       *string      `json:"note"`
	IDPItem    *int64       `json:"idp_item"`
	Status     string       `json:"status"`
	Comment    *string      `json:"comment"`
	DecidedBy  *string      `json:"decided_by"`
	DecidedAt  *string      `json:"decided_at"`
	CreatedAt  *string      `json:"created_at"`
	Evidence   evidenceJSON `json:"evidence"`
	CanDecide  bool         `json:"can_decide"`
}

func newClaim(v app.ClaimView) claimJSON {
	c := v.Claim
	return claimJSON{ID: c.ID, NIP: v.NIP, Name: v.Name, Title: c.Title, Organiser: c.Organiser, Form: string(c.Form),
		ActivityOn: date(c.ActivityOn), Unit: string(c.Unit), ClaimedJP: jpOf(c.ClaimedMinutes), CreditJP: jpOf(c.CreditMinutes),
		Note: optional(c.Note), IDPItem: positiveID(c.IDPItemID), Status: string(c.Status), Comment: optional(c.Comment),
		DecidedBy: optional(c.DeciderName), DecidedAt: timestamp(c.DecidedAt), CreatedAt: timestamp(c.CreatedAt),
		Evidence: evidenceJSON{Name: c.Evidence.Name, ContentType: c.Evidence.ContentType, Size: c.Evidence.Size}, CanDecide: v.CanDecide}
}

type claimInput struct {
	NIP        string  `json:"nip"`
	Title      string  `json:"title"`
	Organiser  string  `json:"organiser"`
	Form       string  `json:"form"`
	ActivityOn string  `json:"activity_on"`
	Hours      float64 `json:"hours"`
	JP         int     `json:"jp"`
	Note       string  `json:"note"`
	IDPItem    int64   `json:"idp_item"`
	Evidence   *struct {
		Name string `json:"name"`
		Data string `json:"data"`
	} `json:"evidence"`
}

// decodeLargeJSON is decodeJSON for the one body that carries a file: at
// most limit bytes.
func decodeLargeJSON(w http.ResponseWriter, r *http.Request, dst any, limit int64) error {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return &httpError{status: http.StatusUnsupportedMediaType, code: codeMediaType, message: "Content-Type harus application/json"}
		}
	}
	tooLarge := &httpError{status: http.StatusRequestEntityTooLarge, code: codeTooLarge,
		message: fmt.Sprintf("badan permintaan melebihi %d MiB: berkas bukti paling besar 5 MiB", limit>>20)}
	var mbe *http.MaxBytesError
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, limit))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		if errors.As(err, &mbe) {
			return tooLarge
		}
		return jsonError(err)
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		if errors.As(err, &mbe) {
			return tooLarge
		}
		return badRequest("badan permintaan harus berisi tepat satu objek JSON", nil)
	}
	return nil
}

// handleSubmitClaim stores a pending claim of external learning.
func (s *server) handleSubmitClaim() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in claimInput
		if err := decodeLargeJSON(w, r, &in, maxClaimBody); err != nil {
			return err
		}
		if strings.TrimSpace(in.NIP) == "" {
			return required("nip", "NIP pegawai yang mengklaim")
		}
		ci := app.ClaimInput{ClaimInput: learning.ClaimInput{Title: in.Title, Organiser: in.Organiser, Form: in.Form,
			ActivityOn: in.ActivityOn, Hours: in.Hours, JP: in.JP, Note: in.Note}, IDPItemID: in.IDPItem}
		if in.Evidence != nil {
			data, err := base64.StdEncoding.DecodeString(in.Evidence.Data)
			if err != nil {
				return &app.Error{Code: app.CodeInvalid, Message: "isi berkas bukti (evidence.data) harus dikodekan base64",
					Fields: map[string]string{"evidence": "isi berkas harus dikodekan base64"}}
			}
			ci.Evidence = learning.Evidence{Name: in.Evidence.Name, Data: data}
		}
		v, err := s.app.SubmitJPClaim(r.Context(), actor, strings.TrimSpace(in.NIP), ci)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, newClaim(v))
		return nil
	}
}

// claimID reads the {id} of a claim route.
func claimID(r *http.Request) (int64, error) {
	id, err := intParam(r, "id", 1)
	return int64(id), err
}

// handleClaim returns one claim (without the evidence's bytes).
func (s *server) handleClaim() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		id, err := claimID(r)
		if err != nil {
			return err
		}
		v, err := s.app.JPClaim(r.Context(), actor, id)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newClaim(v))
		return nil
	}
}

type claimDecisionInput struct {
	Approve *bool  `json:"approve"`
	Comment string `json:"comment"`
}

// handleDecideClaim approves or rejects a pending claim; a rejection says
// why (422 on comment without one).
func (s *server) handleDecideClaim() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		id, err := claimID(r)
		if err != nil {
			return err
		}
		var in claimDecisionInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Approve == nil {
			return required("approve", "keputusan (approve: true untuk menyetujui, false untuk menolak)")
		}
		v, err := s.app.DecideJPClaim(r.Context(), actor, id, *in.Approve, in.Comment)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newClaim(v))
		return nil
	}
}

// handleEmployeeClaims lists an employee's claims, newest first.
func (s *server) handleEmployeeClaims() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		vs, err := s.app.EmployeeJPClaims(r.Context(), actor, r.PathValue("nip"))
		if err != nil {
			return err
		}
		out := make([]claimJSON, 0, len(vs))
		for _, v := range vs {
			out = append(out, newClaim(v))
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}
