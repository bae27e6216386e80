package web

import (
	"bytes"
	"net/http"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/certificate"
)

// handleCertificatePDF hands out the certificate of a completed enrollment
// (issued on the first request) to its holder or someone whose scope holds
// them; its QR code links to the public verification page of this site.
func (s *server) handleCertificatePDF() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		id, ok := idParam(r)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		labels := certificate.LabelsFrom(func(k string) string { return s.i18n.translate(lang, k) },
			func(t time.Time) string { return formatDate(t, lang) })
		var buf bytes.Buffer
		v, err := s.app.CertificatePDF(ctx, actor, id, s.publicBase(r), labels, &buf)
		if err != nil {
			if app.ErrorCode(err) == app.CodeConflict {
				msg := "learning.cert.not_ready"
				if v.Revoked() {
					msg = "learning.cert.revoked"
				}
				s.notice(w, r, http.StatusConflict, "learning.cert.title", msg)
				return
			}
			s.appError(w, r, err, "")
			return
		}
		name := "sertifikat-" + strings.NewReplacer("/", "-").Replace(v.Number) + ".pdf"
		h := w.Header()
		h.Set("Content-Type", "application/pdf")
		h.Set("Content-Disposition", `attachment; filename="`+name+`"`)
		h.Set("Cache-Control", "no-store")
		buf.WriteTo(w)
	})
}

// noticePage is a short message in place of a page or a file.
type noticePage struct {
	Title, Message string // catalogue IDs
}

// notice renders a short message with a status (e.g. 409 for a
// certificate not yet issued).
func (s *server) notice(w http.ResponseWriter, r *http.Request, status int, title, msg string) {
	s.render(w, r, status, "learning_notice", &view{Nav: "learning_mine", Data: noticePage{Title: title, Message: msg}})
}
