package app

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/alexedwards/scs/v2"

	"asah/internal/store"
)

// SessionCookie names the session cookie.
const SessionCookie = "asah_session"

// Session keys that StartSession writes and the web middleware reads.
const (
	SessionUserID  = "user_id"  // int64
	SessionLoginAt = "login_at" // int64, Unix seconds by the app's clock
	SessionSeenAt  = "seen_at"  // int64, Unix seconds of the last request
)

// NewSessionManager returns the session manager for the web UI: sessions in
// the database (shared by every replica), cookie asah_session, HttpOnly,
// SameSite=Lax, Secure when secureCookies (TLS, or a TLS proxy in front),
// lifetime = the absolute timeout. The idle timeout is not given to scs:
// scs would then rewrite the session row on every request (a write, with an
// fsync on SQLite, per page view). CheckSession enforces both timeouts with
// the app's clock instead, from login_at and seen_at, and the web layer
// refreshes seen_at at most once a minute.
func NewSessionManager(s *store.Store, cfg AccountsConfig, secureCookies bool) *scs.SessionManager {
	sm := scs.New()
	sm.Store = s.Sessions()
	sm.Lifetime = cfg.AbsoluteTimeout
	sm.Cookie.Name = SessionCookie
	sm.Cookie.HttpOnly = true
	sm.Cookie.SameSite = http.SameSiteLaxMode
	sm.Cookie.Secure = secureCookies
	sm.Cookie.Path = "/"
	sm.Cookie.Persist = true
	return sm
}

// CheckSession tells whether a session that logged in at loginAt and was
// last seen at seenAt (Unix seconds) is still valid now, by the app's
// clock: it ends when IdleTimeout has passed since seenAt or
// AbsoluteTimeout since loginAt (at that instant exactly). An ended session
// is CodeUnauthenticated with a message that says why.
func (a *App) CheckSession(loginAt, seenAt int64) error {
	if loginAt <= 0 || seenAt <= 0 {
		return errSessionEnded()
	}
	now := a.Now()
	cfg := a.Accounts
	if cfg.AbsoluteTimeout > 0 && !now.Before(time.Unix(loginAt, 0).Add(cfg.AbsoluteTimeout)) {
		return &Error{Code: CodeUnauthenticated,
			Message: fmt.Sprintf("Sesi berakhir setelah %s sejak masuk; silakan masuk kembali", durationText(cfg.AbsoluteTimeout))}
	}
	if cfg.IdleTimeout > 0 && !now.Before(time.Unix(seenAt, 0).Add(cfg.IdleTimeout)) {
		return &Error{Code: CodeUnauthenticated,
			Message: fmt.Sprintf("Sesi berakhir karena tidak ada aktivitas selama %s; silakan masuk kembali", durationText(cfg.IdleTimeout))}
	}
	return nil
}

// durationText writes a timeout in Bahasa Indonesia ("30 menit", "12 jam").
func durationText(d time.Duration) string {
	if d >= time.Hour && d%time.Hour == 0 {
		return fmt.Sprintf("%d jam", d/time.Hour)
	}
	return fmt.Sprintf("%d menit", max(d/time.Minute, 1))
}

// BindSession records that a session token belongs to an account, so that
// logout elsewhere, a password change and disabling the account can end it.
// Call it at login after the token was renewed (StartSession does).
func (a *App) BindSession(ctx context.Context, token string, userID int64) error {
	return a.Store.SetSessionUser(ctx, token, userID)
}

// StartSession logs an account in on the request's session: a new session
// token (the old one ends), the user ID and login/seen times by the app's
// clock, and the token bound to the account. The context must come from
// sm.LoadAndSave.
func (a *App) StartSession(ctx context.Context, sm *scs.SessionManager, userID int64) error {
	if err := sm.RenewToken(ctx); err != nil {
		return err
	}
	now := a.Now().Unix()
	sm.Put(ctx, SessionUserID, userID)
	sm.Put(ctx, SessionLoginAt, now)
	sm.Put(ctx, SessionSeenAt, now)
	return a.BindSession(ctx, sm.Token(ctx), userID)
}

// EndAllSessions logs an account out everywhere (the owner, or a user
// administrator).
func (a *App) EndAllSessions(ctx context.Context, by Actor, userID int64) error {
	if by.UserID == 0 || by.UserID != userID {
		if err := requireUserAdmin(by); err != nil {
			return err
		}
	}
	_, err := a.Store.DeleteSessionsOfUser(ctx, userID)
	return err
}

// PruneAuth deletes expired sessions and login failures that no longer
// count; `asah serve` runs it every few minutes.
func (a *App) PruneAuth(ctx context.Context) (sessions, failures int64, err error) {
	if sessions, err = a.Store.DeleteExpiredSessions(ctx); err != nil {
		return 0, 0, err
	}
	failures, err = a.Store.PruneLoginFailures(ctx, a.Accounts.Throttle.Since(a.Now()))
	return sessions, failures, err
}
