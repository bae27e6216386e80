package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// handleLang stores the chosen language in a cookie and sends the browser
// back to the page it came from (next), which must be a path on this site.
func (s *server) handleLang() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code := r.PathValue("code")
		if !slices.Contains(languages, code) {
			s.notFound(w, r, "lang")
			return
		}
		http.SetCookie(w, &http.Cookie{
			Name:     langCookie,
			Value:    code,
			Path:     "/",
			Expires:  s.app.Now().AddDate(1, 0, 0),
			MaxAge:   365 * 24 * 3600,
			HttpOnly: true,
			Secure:   r.TLS != nil,
			SameSite: http.SameSiteLaxMode,
		})
		w.Header().Set("Cache-Control", "no-store")
		http.Redirect(w, r, localPath(r.URL.Query().Get("next")), http.StatusSeeOther)
	})
}

// localPath returns next when it is a path on this site and "/" otherwise.
// "//host" and "/\host" are rejected: browsers read both as another site.
func localPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") ||
		strings.ContainsAny(next, "\r\n\t\x00") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}
