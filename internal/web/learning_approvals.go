package web

import (
	"net/http"
	"strconv"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// approvalsPage is what waits for a supervisor (or an admin): the
// self-registrations of their staff, the JP claims to decide, and the
// follow-ups due three months after an event.
type approvalsPage struct {
	CanRegs, CanClaims, CanFollow bool
	Levels                        []int // of a new assessment at the follow-up

	Regs      []regRow
	Claims    []queuedClaim
	FollowUps []followRow

	// Errors and what was entered, by form: "reg-7", "claim-3", "fu-12".
	Errors map[string]formErrors
	Values map[string]rowInput
	// Other holds the message of a decision on something the page no
	// longer lists (decided meanwhile, or not the reader's to decide).
	Other formErrors
}

// rowInput is what one refused form held.
type rowInput struct {
	Text, Applied, Level, Competency string
}

type regRow struct {
	store.EnrollmentRow
	Person    personCell
	URL       string
	Dates     string
	Submitted string
	Key       string
}

type queuedClaim struct {
	claimRow
	Person personCell
	Key    string
}

type followRow struct {
	store.EnrollmentInfo
	Person  personCell
	URL     string
	Ended   string
	Due     string
	Targets []app.ProgramTarget
	Key     string
}

func (s *server) handleApprovals() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.approvalsLoad(w, r)
		if !ok {
			return
		}
		s.approvalsRender(w, r, http.StatusOK, p)
	})
}

func (s *server) approvalsLoad(w http.ResponseWriter, r *http.Request) (*approvalsPage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	lang := requestLang(r)
	p := &approvalsPage{CanRegs: actor.Can(app.PermEnrollApprove), CanClaims: actor.Can(app.PermJPApprove),
		CanFollow: actor.Can(app.PermEvaluationWrite), Errors: map[string]formErrors{}, Values: map[string]rowInput{}, Levels: []int{1, 2, 3, 4, 5}}
	fail := func(err error) (*approvalsPage, bool) {
		s.appError(w, r, err, "")
		return nil, false
	}
	if p.CanRegs {
		rows, err := s.app.PendingApprovals(ctx, actor)
		if err != nil {
			return fail(err)
		}
		for _, e := range rows {
			p.Regs = append(p.Regs, regRow{EnrollmentRow: e, Person: s.personOf(r, actor, e.EmployeeID, e.NIP, e.Name),
				URL: eventURL(e.EventCode), Dates: dateRange(e.StartsOn, e.EndsOn, lang), Submitted: formatDate(civilOf(e.CreatedAt), lang),
				Key: "reg-" + strconv.FormatInt(e.ID, 10)})
		}
	}
	if p.CanClaims {
		rows, err := s.app.JPClaimQueue(ctx, actor)
		if err != nil {
			return fail(err)
		}
		for _, c := range rows {
			q := queuedClaim{claimRow: s.claimRowOf(c, lang), Person: s.personOf(r, actor, c.EmployeeID, c.NIP, c.Name),
				Key: "claim-" + strconv.FormatInt(c.ID, 10)}
			p.Claims = append(p.Claims, q)
		}
	}
	if p.CanFollow {
		rows, err := s.app.DueFollowUps(ctx, actor)
		if err != nil {
			return fail(err)
		}
		for _, e := range rows {
			f := followRow{EnrollmentInfo: e, Person: s.personOf(r, actor, e.EmployeeID, e.NIP, e.Name), URL: eventURL(e.EventCode),
				Ended: formatDate(e.EndsOn, lang), Due: formatDate(learning.FollowUpDue(e.EndsOn), lang), Key: "fu-" + strconv.FormatInt(e.ID, 10)}
			ev, err := s.app.EnrollmentEvaluationOf(ctx, actor, e.ID)
			if err != nil {
				return fail(err)
			}
			f.Targets = ev.FollowUpTarget
			p.FollowUps = append(p.FollowUps, f)
		}
	}
	return p, true
}

// lists reports whether the page shows the row of a form key.
func (p *approvalsPage) lists(key string) bool {
	for _, x := range p.Regs {
		if x.Key == key {
			return true
		}
	}
	for _, x := range p.Claims {
		if x.Key == key {
			return true
		}
	}
	for _, x := range p.FollowUps {
		if x.Key == key {
			return true
		}
	}
	return false
}

// claimRowOf formats a claim for a list.
func (s *server) claimRowOf(c app.ClaimView, lang string) claimRow {
	row := claimRow{ClaimView: c, Activity: formatDate(c.ActivityOn, lang), Credit: formatDecimal(c.CreditJP, 1, lang),
		EvidenceURL: claimURL(c.ID) + "/evidence"}
	if c.Unit == learning.ClaimJP {
		row.Claimed = s.i18n.translate(lang, "learning.jp_n", "N", formatDecimal(learning.MinutesToJP(c.ClaimedMinutes), 0, lang))
	} else {
		row.Claimed = s.i18n.translate(lang, "learning.hours_n", "N", formatDecimal(float64(c.ClaimedMinutes)/60, 1, lang))
	}
	return row
}

func (s *server) approvalsRender(w http.ResponseWriter, r *http.Request, status int, p *approvalsPage) {
	lang := requestLang(r)
	s.render(w, r, status, "learning_approvals", &view{Nav: "learning_approvals", Data: p,
		Crumbs: []crumb{{Label: s.i18n.translate(lang, "learning.approvals.title")}}})
}

// approvalAction handles the decisions of the approvals page: a
// self-registration (approve, or reject with a reason), a claim (approve,
// or reject with a comment) and a follow-up. Taken: back to the page with a
// note; refused: the page with the message beside that row's form.
func (s *server) approvalAction(kind string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		id, ok := idParam(r)
		if !ok {
			s.notFound(w, r, "")
			return
		}
		f := r.PostForm
		decision := f.Get("decision")
		var err error
		fe := formErrors{}
		flash, key, anchor := "", "", ""
		val := rowInput{Text: f.Get("reason"), Applied: f.Get("applied"), Level: f.Get("level"), Competency: f.Get("competency")}
		switch kind {
		case "decide":
			key, anchor = "reg-", "registrations"
			if decision != "approve" && decision != "reject" {
				// Nothing to decide: the message, for a registration in scope.
				if _, err = s.app.EnrollmentEventCode(ctx, actor, id); err == nil {
					fe["decision"] = s.i18n.translate(lang, "learning.err.decide.decision")
				}
				break
			}
			_, err = s.app.DecideRegistration(ctx, actor, id, decision == "approve", f.Get("reason"))
			flash = "learning.done.reg_" + decision
		case "claim":
			key, anchor, val.Text = "claim-", "claims", f.Get("comment")
			if decision != "approve" && decision != "reject" {
				if _, err = s.app.JPClaim(ctx, actor, id); err == nil {
					fe["decision"] = s.i18n.translate(lang, "learning.err.decide.decision")
				}
				break
			}
			_, err = s.app.DecideJPClaim(ctx, actor, id, decision == "approve", f.Get("comment"))
			flash = "learning.done.claim_" + decision
		case "followup":
			key, anchor, val.Text = "fu-", "followups", f.Get("comment")
			level := 0
			if v := f.Get("level"); v != "" {
				if level, err = strconv.Atoi(v); err != nil || level < 1 || level > 5 {
					fe["level"] = s.i18n.translate(lang, "learning.err.followup.level")
					err = nil
					break
				}
			}
			_, err = s.app.RecordFollowUp(ctx, actor, id, app.FollowUpInput{Applied: f.Get("applied"), Comment: f.Get("comment"),
				Level: level, Competency: f.Get("competency")})
			flash = "learning.done.followup"
		}
		status := http.StatusUnprocessableEntity
		if err != nil {
			var ok bool
			form := kind
			if kind == "claim" {
				form = "claim_decide" // not the claim form of my learning
			}
			if fe, status, ok = s.appFormErrors(lang, err, "learning", form); !ok {
				s.appError(w, r, err, "")
				return
			}
		}
		if len(fe) == 0 {
			s.flash(r, flash)
			http.Redirect(w, r, "/learning/approvals#"+anchor, http.StatusSeeOther)
			return
		}
		p, ok := s.approvalsLoad(w, r)
		if !ok {
			return
		}
		k := key + strconv.FormatInt(id, 10)
		p.Errors[k], p.Values[k] = fe, val
		if !p.lists(k) {
			p.Other = fe
		}
		s.approvalsRender(w, r, status, p)
	})
}
