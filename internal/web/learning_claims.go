package web

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/learning"
)

// claimBodyLimit bounds a claim's request: the evidence (at most 5 MiB)
// and the fields. A larger body is refused with the evidence's message.
const claimBodyLimit = learning.MaxEvidenceBytes + 256<<10

// handleClaimSubmit takes a claim of external learning with its evidence
// file (multipart). Accepted: back to my learning; refused: the page again
// with each message beside its field, and nothing stored.
func (s *server) handleClaimSubmit() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		if actor.EmployeeID == 0 || actor.NIP == "" {
			s.notice(w, r, http.StatusConflict, "learning.mine.claims", "learning.no_record")
			return
		}
		r.Body = http.MaxBytesReader(w, r.Body, claimBodyLimit)
		f := claimForm{Unit: "hours"}
		var in app.ClaimInput
		fe := formErrors{}
		err := r.ParseMultipartForm(1 << 20)
		if errors.Is(err, http.ErrNotMultipart) {
			err = r.ParseForm() // a form without its file: checked as one
		}
		var tooBig *http.MaxBytesError
		switch {
		case errors.As(err, &tooBig):
			fe["evidence"] = s.i18n.translate(lang, "learning.err.claim.too_large")
		case err != nil:
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		default:
			if r.MultipartForm != nil {
				defer r.MultipartForm.RemoveAll()
			}
			f = claimForm{Title: r.PostFormValue("title"), Organiser: r.PostFormValue("organiser"), Form: r.PostFormValue("form"),
				ActivityOn: r.PostFormValue("activity_on"), Unit: r.PostFormValue("unit"), Amount: strings.TrimSpace(r.PostFormValue("amount")),
				Note: r.PostFormValue("note")}
			in.Title, in.Organiser, in.Form, in.ActivityOn, in.Note = f.Title, f.Organiser, f.Form, f.ActivityOn, f.Note
			amount := strings.ReplaceAll(f.Amount, ",", ".")
			switch {
			case amount == "":
			case f.Unit == "jp":
				if n, err := strconv.Atoi(amount); err == nil && n > 0 {
					in.JP = n
				} else {
					fe["duration"] = s.i18n.translate(lang, "learning.err.claim.jp_whole")
				}
			default:
				if h, err := strconv.ParseFloat(amount, 64); err == nil && h > 0 {
					in.Hours = h
				} else {
					fe["duration"] = s.i18n.translate(lang, "learning.err.claim.hours_number")
				}
			}
			if r.MultipartForm == nil {
				break
			}
			if file, hdr, err := r.FormFile("evidence"); err == nil {
				data, err := io.ReadAll(io.LimitReader(file, learning.MaxEvidenceBytes+1))
				file.Close()
				if err != nil {
					s.serverError(w, r, err)
					return
				}
				in.Evidence = learning.Evidence{Name: hdr.Filename, Data: data}
			}
		}
		if fe["evidence"] == "" {
			// An amount that is not a number reaches the use case as none,
			// which it refuses: every other field is still checked.
			_, err = s.app.SubmitJPClaim(ctx, actor, actor.NIP, in)
			if err == nil {
				s.flash(r, "learning.done.claim")
				http.Redirect(w, r, "/learning/mine#claims", http.StatusSeeOther)
				return
			}
			ue, _, ok := s.appFormErrors(lang, err, "learning", "claim")
			if !ok {
				s.appError(w, r, err, "")
				return
			}
			for k, v := range ue {
				if _, mine := fe[k]; !mine {
					fe[k] = v
				}
			}
		}
		p, ok := s.mineLoad(w, r, s.app.Today().Year())
		if !ok {
			return
		}
		p.Claim, p.ClaimErr = f, fe
		s.mineRender(w, r, http.StatusUnprocessableEntity, p)
	})
}

// handleClaimEvidence hands out a claim's evidence file to the claimant and
// to those whose scope holds them (the read of someone else's is audited).
// Its type was decided by its content when it was stored; it is always a
// download, never shown inside the site.
func (s *server) handleClaimEvidence() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, _ := actorFrom(r.Context())
		id, ok := idParam(r)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		ev, err := s.app.JPClaimEvidence(r.Context(), actor, id)
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		h := w.Header()
		h.Set("Content-Type", ev.ContentType)
		h.Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": ev.Name}))
		h.Set("Content-Length", strconv.Itoa(len(ev.Data)))
		h.Set("Cache-Control", "no-store")
		w.Write(ev.Data)
	})
}
