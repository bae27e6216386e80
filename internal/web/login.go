package web

import (
	"net/http"
	"strings"

	"asah/internal/app"
)

// loginView is the login form.
type loginView struct {
	Login    string // what the user typed (never the password)
	NeedTOTP bool   // the account has a second factor: ask for the code
	Error    string // one message for the whole form
	CodeErr  string // the authenticator code was wrong
}

func (s *server) handleLoginForm() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if _, ok := actorFrom(r.Context()); ok {
			http.Redirect(w, r, "/", http.StatusSeeOther)
			return
		}
		s.render(w, r, http.StatusOK, "login", &view{Data: loginView{}})
	})
}

// handleLogin checks the credentials through app.Login. A wrong NIP,
// e-mail or password, and a disabled account, all get one message that
// does not say which. Success renews the session token (the session ID
// changes at login) and goes to the page the user first asked for.
func (s *server) handleLogin() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		ctx := r.Context()
		lang := requestLang(r)
		v := loginView{Login: strings.TrimSpace(r.PostForm.Get("login"))}
		if len(v.Login) > 254 {
			v.Login = v.Login[:254]
		}
		actor, err := s.app.Login(ctx, r.PostForm.Get("login"), r.PostForm.Get("password"), r.PostForm.Get("totp"), r.RemoteAddr)
		if err != nil {
			status := http.StatusUnauthorized
			switch app.ErrorCode(err) {
			case app.CodeTOTPRequired:
				status, v.NeedTOTP, v.Error = http.StatusOK, true, s.i18n.translate(lang, "login.totp_needed")
			case app.CodeThrottled:
				status, v.Error = http.StatusTooManyRequests, s.i18n.translate(lang, "login.throttled")
			case app.CodeUnauthenticated:
				v.Error = s.i18n.translate(lang, "login.failed")
				if e, ok := err.(*app.Error); ok && e.Fields["code"] != "" {
					v.NeedTOTP, v.Error, v.CodeErr = true, "", s.i18n.translate(lang, "login.code_wrong")
				}
			default:
				s.serverError(w, r, err)
				return
			}
			s.render(w, r, status, "login", &view{Data: v})
			return
		}
		next := localPath(s.sessions.PopString(ctx, keyNext))
		if err := s.app.StartSession(ctx, s.sessions, actor.UserID); err != nil {
			s.serverError(w, r, err)
			return
		}
		if must, err := s.app.MustEnrollTOTP(ctx, actor.UserID); err != nil {
			s.serverError(w, r, err)
			return
		} else if must {
			s.sessions.Put(ctx, keyFlash, "account.totp_required")
			next = "/account"
		}
		http.Redirect(w, r, next, http.StatusSeeOther)
	})
}

// handleLogout ends the session; its row is marked ended in the database,
// so the old cookie opens nothing any more.
func (s *server) handleLogout() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.endSession(r.Context(), "login.logged_out")
		http.Redirect(w, r, "/login", http.StatusSeeOther)
	})
}
