package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// handleLang stores the chosen language in a cookie and sends the browser
// back to the page it came from (next, or else the Referer), which must be a
// path on this site.
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
		next := r.URL.Query().Get("next")
		if next == "" {
			next = refererPath(r)
		}
		http.Redirect(w, r, localPath(next), http.StatusSeeOther)
	})
}

// refererPath is the path and query of the page that linked here when it is
// a page of this site (the Referrer-Policy sends it only to this site). The
// language links carry no "next" parameter: the page they come from may
// name a person (/employees/{nip}), and that would put it in a query string.
func refererPath(r *http.Request) string {
	ref, err := url.Parse(r.Referer())
	if err != nil || ref.Host != r.Host || (ref.Scheme != "http" && ref.Scheme != "https") {
		return "/"
	}
	return ref.RequestURI()
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
