package web

import (
	"context"
	"net/http"
	"strings"

	"asah/internal/app"
)

// Session keys. The session lives in the database (app.NewSessionManager);
// it holds the user's ID and times, never their data: the Actor is rebuilt
// from the database on every request, so a change of role or unit, or a
// disabled account, takes effect at the user's next request.
const (
	keyUserID  = app.SessionUserID
	keyLoginAt = app.SessionLoginAt // Unix seconds by the app's clock
	keySeenAt  = app.SessionSeenAt  // Unix seconds of the last request, to a minute
	keyNext    = "next"             // where to go after logging in
	keyFlash   = "flash"            // a message ID shown once on the next page
	keySearch  = "searches"         // employee searches (see employees.go)
	keyLinkKey = "link_key"         // key of the opaque employee links (see links.go)
)

// seenEvery is how stale seen_at may get before a request rewrites it: the
// idle timeout is measured to within this, and a page view does not write
// the session row every time.
const seenEvery = 60

type ctxKey int

const (
	actorKey ctxKey = iota
	sessionKey
)

// actorFrom returns the logged-in actor of a request, if any.
func actorFrom(ctx context.Context) (app.Actor, bool) {
	a, ok := ctx.Value(actorKey).(app.Actor)
	return a, ok
}

// hasSession reports whether the request went through withSession, so that
// session data may be read.
func hasSession(ctx context.Context) bool {
	return ctx.Value(sessionKey) != nil
}

// withSession loads the session (cookie → database row) and, when it names a
// user, the Actor: from the database, with the session's login and idle
// times checked against the app's clock. An expired session, or one whose
// user is disabled or gone, ends here: it is destroyed and the request goes
// on anonymous, with a note for the login page.
func (s *server) withSession(next http.Handler) http.Handler {
	if s.sessions == nil { // Routes(): registration only
		return next
	}
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Whatever follows names the user or sets the session cookie:
		// no cache may keep it.
		w.Header().Set("Cache-Control", "no-store")
		ctx := context.WithValue(r.Context(), sessionKey, true)
		uid := s.sessions.GetInt64(ctx, keyUserID)
		if uid == 0 {
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}
		loginAt, seenAt := s.sessions.GetInt64(ctx, keyLoginAt), s.sessions.GetInt64(ctx, keySeenAt)
		if err := s.app.CheckSession(loginAt, seenAt); err != nil {
			s.endSession(ctx, "login.expired")
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}
		actor, err := s.app.ActorForUser(ctx, uid)
		if err != nil {
			if app.ErrorCode(err) != app.CodeUnauthenticated {
				s.serverError(w, r.WithContext(ctx), err)
				return
			}
			// Disabled, deleted or otherwise refused: the session ends.
			s.endSession(ctx, "login.ended")
			next.ServeHTTP(w, r.WithContext(ctx))
			return
		}
		if now := s.app.Now().Unix(); now-seenAt >= seenEvery {
			s.sessions.Put(ctx, keySeenAt, now)
		}
		next.ServeHTTP(w, r.WithContext(context.WithValue(ctx, actorKey, actor)))
	})
	return s.sessions.LoadAndSave(inner)
}

// endSession destroys the session and leaves a note for the login page in a
// fresh, anonymous one.
func (s *server) endSession(ctx context.Context, flash string) {
	if err := s.sessions.Destroy(ctx); err != nil {
		s.log.Error("web: cannot destroy a session", "err", err)
	}
	if flash != "" {
		s.sessions.Put(ctx, keyFlash, flash)
	}
}

// authorize lets a request through when the route is public or the actor
// holds the route's permission. An anonymous visitor is sent to the login
// page (the page they wanted is kept in the session, not in the URL, since
// it may name a person); a logged-in user without the permission gets the
// 403 page. Scope (which rows) is the use cases' business: they answer 404
// for anything outside it.
//
// An admin who must enrol a second factor first (app.MustEnrollTOTP) is
// sent to the account page for everything but that page and logging out.
func (s *server) authorize(pattern string, perm app.Permission, next http.Handler) http.Handler {
	if perm == app.PermPublic {
		return next
	}
	enrolment := strings.HasPrefix(pattern, "GET /account") || strings.HasPrefix(pattern, "POST /account/") || pattern == "POST /logout"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		actor, ok := actorFrom(r.Context())
		if !ok {
			s.toLogin(w, r)
			return
		}
		if !actor.Can(perm) {
			s.forbidden(w, r)
			return
		}
		if !enrolment && s.app.Accounts.RequireTOTPForAdmins && (actor.Role == app.RoleAdminBKPSDM || actor.Role == app.RoleAdminOPD) {
			if must, err := s.app.MustEnrollTOTP(r.Context(), actor.UserID); err != nil {
				s.serverError(w, r, err)
				return
			} else if must {
				s.flash(r, "account.totp_required")
				http.Redirect(w, r, "/account", http.StatusSeeOther)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// toLogin redirects an anonymous visitor to the login page, remembering a
// page they asked for with GET.
func (s *server) toLogin(w http.ResponseWriter, r *http.Request) {
	if (r.Method == http.MethodGet || r.Method == http.MethodHead) && s.sessions != nil && hasSession(r.Context()) {
		s.sessions.Put(r.Context(), keyNext, r.URL.RequestURI())
	}
	http.Redirect(w, r, "/login", http.StatusSeeOther)
}

// flash leaves a message (a catalogue ID) for the next page the user sees.
func (s *server) flash(r *http.Request, id string) {
	if hasSession(r.Context()) {
		s.sessions.Put(r.Context(), keyFlash, id)
	}
}
