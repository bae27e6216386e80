package web

import (
	"net/http"
	"strconv"
	"time"

	"asah/internal/app"
	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/store"
)

// minePage is "my learning": the year's JP against the target with the
// ledger's lines, the reader's enrollments by state (with the survey and
// certificate of each), their claims of external learning with the claim
// form, and their calendar link.
type minePage struct {
	HasRecord bool
	Year      int
	Prev      string
	Next      string
	NextY     int

	Meter    *jpMeter
	Kind     string // pns or pppk: whose target
	Lines    []ledgerLine
	BySource []sourceSum

	Waiting  []mineRow
	Upcoming []mineRow
	History  []mineRow

	Claims    []claimRow
	CanClaim  bool
	Claim     claimForm
	ClaimErr  formErrors
	Forms     []development.FormInfo
	Today     string
	HasToken  bool
	TokenDate string
}

type ledgerLine struct {
	Date, Title, JP string
	Source          learning.JPSource
	Form            development.Form
}

type sourceSum struct {
	Source learning.JPSource
	JP     string
}

// mineRow is one of the reader's enrollments.
type mineRow struct {
	store.EnrollmentRow
	URL        string
	Dates      string
	SurveyURL  string // the survey, while unanswered
	SurveyDone bool
	CertURL    string
}

// claimRow is one of the reader's claims.
type claimRow struct {
	app.ClaimView
	Activity    string
	Claimed     string
	Credit      string
	EvidenceURL string
}

// claimForm is the claim form as entered.
type claimForm struct {
	Title, Organiser, Form, ActivityOn, Unit, Amount, Note string
}

func (s *server) handleMyLearning() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		year, ok := s.yearOf(r.URL.Query().Get("year"))
		if !ok {
			s.notFound(w, r, "")
			return
		}
		p, ok := s.mineLoad(w, r, year)
		if !ok {
			return
		}
		s.mineRender(w, r, http.StatusOK, p)
	})
}

// mineLoad reads everything the page shows for a year.
func (s *server) mineLoad(w http.ResponseWriter, r *http.Request, year int) (*minePage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	lang := requestLang(r)
	today := s.app.Today()
	p := &minePage{HasRecord: actor.EmployeeID != 0 && actor.NIP != "", Year: year, Forms: development.Forms(),
		Today: today.Format("2006-01-02"), Claim: claimForm{Unit: "hours"}}
	if !p.HasRecord {
		return p, true
	}
	if year > 2000 {
		p.Prev = "/learning/mine?year=" + strconv.Itoa(year-1)
	}
	if year < today.Year() {
		p.Next, p.NextY = "/learning/mine?year="+strconv.Itoa(year+1), year+1
	}
	fail := func(err error) (*minePage, bool) {
		s.appError(w, r, err, "")
		return nil, false
	}
	if actor.Can(app.PermJPRead) {
		l, err := s.app.JPLedger(ctx, actor, actor.NIP, year)
		if err != nil {
			return fail(err)
		}
		m := newJPMeter(l.Ledger.Progress, lang)
		p.Meter, p.Kind = &m, string(l.Employee.Kind)
		for _, e := range l.Ledger.Entries {
			p.Lines = append(p.Lines, ledgerLine{Date: formatDate(e.On, lang), Title: e.Title, JP: jpText(e.Minutes, lang), Source: e.Source, Form: e.Form})
		}
		for _, src := range []learning.JPSource{learning.JPFromEvent, learning.JPFromClaim, learning.JPFromActivity} {
			p.BySource = append(p.BySource, sourceSum{Source: src, JP: jpText(l.BySource[src], lang)})
		}
		claims, err := s.app.EmployeeJPClaims(ctx, actor, actor.NIP)
		if err != nil {
			return fail(err)
		}
		for _, c := range claims {
			row := s.claimRowOf(c, lang)
			p.Claims = append(p.Claims, row)
		}
	}
	p.CanClaim = actor.Can(app.PermJPClaim)
	ens, err := s.app.MyEnrollments(ctx, actor)
	if err != nil {
		return fail(err)
	}
	for _, e := range ens {
		row := mineRow{EnrollmentRow: e, URL: eventURL(e.EventCode), Dates: dateRange(e.StartsOn, e.EndsOn, lang)}
		switch e.State {
		case learning.StatePendingApproval, learning.StateNominated, learning.StateInvited, learning.StateWaitlisted:
			p.Waiting = append(p.Waiting, row)
		case learning.StateAccepted:
			p.Upcoming = append(p.Upcoming, row)
		default:
			if e.State == learning.StateCompleted && actor.Can(app.PermCertificateRead) {
				row.CertURL = enrollmentURL(e.ID) + "/certificate.pdf"
			}
			if (e.State == learning.StateAttended || e.State == learning.StateCompleted || e.State == learning.StateNotCompleted) &&
				actor.Can(app.PermEvaluationWrite) {
				ev, err := s.app.EnrollmentEvaluationOf(ctx, actor, e.ID)
				if err != nil {
					return fail(err)
				}
				row.SurveyDone = ev.Reaction != nil
				if ev.CanAnswer {
					row.SurveyURL = eventURL(e.EventCode) + "/survey"
				}
			}
			p.History = append(p.History, row)
		}
	}
	has, since, err := s.app.CalendarTokenStatus(ctx, actor)
	if err != nil {
		return fail(err)
	}
	p.HasToken = has
	if has {
		p.TokenDate = formatDate(civilOf(since), lang)
	}
	return p, true
}

// civilOf is the WIB date of an instant.
func civilOf(t time.Time) time.Time {
	l := t.In(learningWIB)
	return time.Date(l.Year(), l.Month(), l.Day(), 0, 0, 0, 0, time.UTC)
}

func claimURL(id int64) string { return "/learning/claims/" + strconv.FormatInt(id, 10) }

func (s *server) mineRender(w http.ResponseWriter, r *http.Request, status int, p *minePage) {
	lang := requestLang(r)
	s.render(w, r, status, "learning_mine", &view{Nav: "learning_mine", Data: p,
		Crumbs: []crumb{{Label: s.i18n.translate(lang, "learning.mine.title")}}})
}
