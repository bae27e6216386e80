package api

import (
	"net/http"
	"strings"

	"asah/internal/app"
)

// maxTokenLen bounds what is looked up: real tokens are far shorter.
const maxTokenLen = 512

// authenticate resolves the bearer token of a request to its actor. A
// missing, malformed, unknown, expired or revoked token is a 401; which of
// these it was is not told.
func (s *server) authenticate(r *http.Request) (app.Actor, error) {
	tok, ok := bearerToken(r)
	if !ok {
		return app.Actor{}, &httpError{status: http.StatusUnauthorized, code: codeUnauthenticated,
			message: "autentikasi diperlukan: kirim header Authorization: Bearer <token>"}
	}
	actor, err := s.app.ActorForToken(r.Context(), tok)
	if err != nil {
		return app.Actor{}, err
	}
	return actor, nil
}

// bearerToken reads "Authorization: Bearer <token>" (the scheme is
// case-insensitive, RFC 9110 section 11.1).
func bearerToken(r *http.Request) (string, bool) {
	scheme, tok, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	if !ok || !strings.EqualFold(scheme, "Bearer") {
		return "", false
	}
	tok = strings.TrimSpace(tok)
	if tok == "" || len(tok) > maxTokenLen || strings.ContainsAny(tok, " \t") {
		return "", false
	}
	return tok, true
}
