package web

import (
	"net/http"

	"asah/internal/app"
)

// keyTOTPPending keeps a TOTP secret between "set up" and the code that
// confirms it; nothing is stored in the account until then.
const keyTOTPPending = "totp_pending"

// accountView is the user's own account page.
type accountView struct {
	Account app.Account
	Scope   string
	// Setting up a second factor: the secret and the otpauth:// URL to
	// type or paste into an authenticator app.
	Pending    bool
	Secret     string
	OTPAuthURL string
	Errors     map[string]string
}

func (s *server) handleAccount() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.renderAccount(w, r, http.StatusOK, nil, "", "")
	})
}

func (s *server) renderAccount(w http.ResponseWriter, r *http.Request, status int, errs map[string]string, secret, otpURL string) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	acc, err := s.app.Account(ctx, actor, actor.UserID)
	if err != nil {
		s.appError(w, r, err, "")
		return
	}
	lang := requestLang(r)
	v := accountView{Account: acc, Errors: errs, Secret: secret, OTPAuthURL: otpURL, Pending: secret != ""}
	v.Scope = s.userBarOf(ctx, lang, actor).Scope
	s.render(w, r, status, "account", &view{Nav: "account", Crumbs: []crumb{{Label: s.i18n.translate(lang, "nav.account")}}, Data: v})
}

// handlePassword changes the user's own password. The app ends every
// session of the account; this browser gets a fresh one at once.
func (s *server) handlePassword() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		pw := r.PostForm.Get("password")
		if pw != r.PostForm.Get("password_confirm") {
			s.renderAccount(w, r, http.StatusUnprocessableEntity, map[string]string{"password_confirm": s.i18n.translate(lang, "account.err.password_confirm")}, "", "")
			return
		}
		err := s.app.SetPassword(ctx, actor, actor.UserID, r.PostForm.Get("current_password"), pw)
		if err != nil {
			if code := app.ErrorCode(err); code == app.CodeInvalid || code == app.CodeThrottled {
				errs := s.fieldErrors(lang, err, "account")
				if code == app.CodeThrottled {
					errs = map[string]string{"current_password": s.i18n.translate(lang, "login.throttled")}
				}
				s.renderAccount(w, r, http.StatusUnprocessableEntity, errs, "", "")
				return
			}
			s.appError(w, r, err, "")
			return
		}
		if err := s.app.StartSession(ctx, s.sessions, actor.UserID); err != nil {
			s.serverError(w, r, err)
			return
		}
		s.flash(r, "account.password_changed")
		http.Redirect(w, r, "/account", http.StatusSeeOther)
	})
}

// handleTOTP sets up (step "begin", then "confirm" with a code) or removes
// (step "disable", with the current password) the second factor.
func (s *server) handleTOTP() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 8<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, "bad form", http.StatusBadRequest)
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		fail := func(err error, secret, url string) {
			if code := app.ErrorCode(err); code == app.CodeInvalid || code == app.CodeThrottled {
				errs := s.fieldErrors(lang, err, "account")
				if code == app.CodeThrottled {
					errs = map[string]string{"current_password": s.i18n.translate(lang, "login.throttled")}
				}
				s.renderAccount(w, r, http.StatusUnprocessableEntity, errs, secret, url)
				return
			}
			s.appError(w, r, err, "")
		}
		switch r.PostForm.Get("step") {
		case "begin":
			secret, url, err := s.app.BeginTOTP(ctx, actor)
			if err != nil {
				fail(err, "", "")
				return
			}
			s.sessions.Put(ctx, keyTOTPPending, secret+"\n"+url)
			s.renderAccount(w, r, http.StatusOK, nil, secret, url)
		case "confirm":
			pending := s.sessions.GetString(ctx, keyTOTPPending)
			secret, url, _ := cutLine(pending)
			if secret == "" {
				http.Redirect(w, r, "/account", http.StatusSeeOther)
				return
			}
			if err := s.app.EnableTOTP(ctx, actor, secret, r.PostForm.Get("code")); err != nil {
				fail(err, secret, url)
				return
			}
			s.sessions.Remove(ctx, keyTOTPPending)
			s.flash(r, "account.totp_enabled")
			http.Redirect(w, r, "/account", http.StatusSeeOther)
		case "disable":
			if err := s.app.DisableTOTP(ctx, actor, actor.UserID, r.PostForm.Get("current_password")); err != nil {
				fail(err, "", "")
				return
			}
			s.flash(r, "account.totp_disabled")
			http.Redirect(w, r, "/account", http.StatusSeeOther)
		default:
			http.Redirect(w, r, "/account", http.StatusSeeOther)
		}
	})
}

func cutLine(s string) (string, string, bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
