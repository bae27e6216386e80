package web

import (
	"net/http"
	"strings"

	"asah/internal/app"
	"asah/internal/learning"
)

// The partners page: every provider of learning the viewer may see (a
// mitra: its own) with the status of its cooperation agreement, the
// agreements that end within 90 or 30 days (or ended lately) highlighted
// above the list, and the form that adds a partner (admin BKPSDM).

// partnersPage is the list of partners.
type partnersPage struct {
	Rows     []partnerRow
	Warnings []partnerAgreement
	CanAdd   bool
	Form     app.PartnerInput
	Errors   formErrors
	Kinds    []learning.PartnerKind
}

// partnerRow is one partner of the list with its current agreement.
type partnerRow struct {
	learning.Partner
	URL       string
	Agreement *partnerAgreement // nil: no agreement
	Count     int               // agreements in all
}

// partnerAgreement is an agreement as the pages show it.
type partnerAgreement struct {
	app.AgreementView
	Dates   string
	Status  string // the status key (learning.AgreementStatus)
	Badge   string // the badge's colour class
	Days    string // "21 hari lagi", "35 hari lalu"
	Warn    bool
	Urgent  bool
	DocURL  string
	Partner string // the partner's page
	Size    string
}

// agreementOf describes an agreement for the pages.
func (s *server) agreementOf(lang string, v app.AgreementView) partnerAgreement {
	tr := func(id string, args ...any) string { return s.i18n.translate(lang, id, args...) }
	a := partnerAgreement{AgreementView: v, Dates: ladmDates(v.StartsOn, v.EndsOn, lang), Status: string(v.Status),
		Warn: v.Warn, Urgent: v.Warn && v.Warning.Urgent(), Partner: ladmPartnerURL(v.PartnerCode)}
	switch v.Status {
	case learning.AgreementActive:
		a.Badge = "ms"
	case learning.AgreementExpiring90:
		a.Badge = "warn"
	case learning.AgreementExpiring30, learning.AgreementExpired:
		a.Badge = "kms"
	default:
		a.Badge = "mms"
	}
	if v.Warn {
		if left := v.Warning.DaysLeft; left >= 0 {
			a.Days = tr("partners.days_left", "N", formatInt(left, lang))
		} else {
			a.Days = tr("partners.days_ago", "N", formatInt(-left, lang))
		}
	}
	if v.Document.Size > 0 {
		a.DocURL = "/partners/agreements/" + formatID(v.ID) + "/document.pdf"
		a.Size = formatDecimal(float64(v.Document.Size)/1024, 0, lang) + " KiB"
	}
	return a
}

// partnersLoad reads the partners and agreements the actor may see.
func (s *server) partnersLoad(w http.ResponseWriter, r *http.Request) (*partnersPage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	lang := requestLang(r)
	partners, err := s.app.Partners(ctx, actor)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	all, err := s.app.AgreementList(ctx, actor, -1)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	warns, err := s.app.AgreementWarnings(ctx, actor)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	p := &partnersPage{CanAdd: actor.Can(app.PermPartnerManage), Errors: formErrors{}, Kinds: learning.PartnerKinds}
	for _, v := range warns {
		p.Warnings = append(p.Warnings, s.agreementOf(lang, v))
	}
	// The current agreement of a partner: one in force (the latest end
	// first, as listed), else the latest.
	current := map[int64]app.AgreementView{}
	count := map[int64]int{}
	for _, v := range all {
		count[v.PartnerID]++
		c, seen := current[v.PartnerID]
		if !seen || (!c.InForce(s.app.Today()) && v.InForce(s.app.Today())) {
			current[v.PartnerID] = v
		}
	}
	for _, x := range partners {
		row := partnerRow{Partner: x, URL: ladmPartnerURL(x.Code), Count: count[x.ID]}
		if v, ok := current[x.ID]; ok {
			a := s.agreementOf(lang, v)
			row.Agreement = &a
		}
		p.Rows = append(p.Rows, row)
	}
	return p, true
}

func (s *server) partnersRender(w http.ResponseWriter, r *http.Request, status int, p *partnersPage) {
	tr := s.ladmTr(r)
	s.render(w, r, status, "partners", &view{Nav: "partners", Crumbs: []crumb{{Label: tr("partners.title")}}, Data: p})
}

func (s *server) partnersList() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.partnersLoad(w, r)
		if !ok {
			return
		}
		s.partnersRender(w, r, http.StatusOK, p)
	})
}

// partnersCreate adds a partner (admin BKPSDM); the form comes back with
// the messages when it is refused.
func (s *server) partnersCreate() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		get := func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }
		in := app.PartnerInput{Code: get("code"), Name: get("name"), Kind: get("kind"), Address: get("address"),
			Email: get("email"), Phone: get("phone"), Website: get("website")}
		created, err := s.app.CreatePartner(ctx, actor, in)
		if err != nil {
			fe, status, ok := s.appFormErrors(requestLang(r), err, "partners", "partner")
			if !ok {
				s.appError(w, r, err, "")
				return
			}
			p, ok := s.partnersLoad(w, r)
			if !ok {
				return
			}
			p.Form, p.Errors = in, fe
			s.partnersRender(w, r, status, p)
			return
		}
		s.flash(r, "partners.done.created")
		http.Redirect(w, r, ladmPartnerURL(created.Code), http.StatusSeeOther)
	})
}
