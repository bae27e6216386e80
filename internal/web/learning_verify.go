package web

import (
	"net/http"

	"asah/internal/app"
)

// verifyPage is the public verification of a certificate: its status and,
// for a known one, the holder, the program and the completion date.
// Nothing else is shown, and the page is the same for an unknown code and
// for one that is malformed.
type verifyPage struct {
	Status    app.VerifyStatus
	Holder    string
	Program   string
	Completed string
}

func (s *server) handleVerify() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, err := s.app.VerifyCertificate(r.Context(), r.PathValue("code"))
		if err != nil {
			s.serverError(w, r, err)
			return
		}
		lang := requestLang(r)
		p := verifyPage{Status: v.Status}
		status := http.StatusOK
		if v.Status == app.CertificateUnknown {
			status = http.StatusNotFound
		} else {
			p.Holder, p.Program, p.Completed = v.Holder, v.Program, formatDate(v.CompletedOn, lang)
		}
		// Search engines are not to keep a holder's name.
		w.Header().Set("X-Robots-Tag", "noindex, nofollow")
		s.render(w, r, status, "learning_verify", &view{Data: p})
	})
}
