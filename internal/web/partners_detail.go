package web

import (
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/learning"
)

// A partner's page: its details, its cooperation agreements (with their
// documents), its programs, and the form that adds or changes an agreement
// with its signed PDF (admin BKPSDM). The agreement form is multipart: the
// document travels with the fields, and the use case checks both before
// anything is stored.

// partnerUploadLimit bounds the body of the agreement form: the largest
// document the use case accepts, and room for the fields. A larger body
// is refused before it is read.
const partnerUploadLimit = learning.MaxDocumentSize + 256<<10

// partnerPage is a partner's page.
type partnerPage struct {
	P          app.PartnerDetail
	Agreements []partnerAgreement
	Programs   []partnerProgram
	CanManage  bool // partners and agreements (admin BKPSDM)
	NewProgram bool // programs (admin BKPSDM, the mitra itself)
	Form       partnerAgreementForm
	Errors     formErrors
	Action     string
	Self       string // the partner's page
	MaxMiB     int
}

// partnerProgram is one program of the partner.
type partnerProgram struct {
	Code, Title string
	JP          int
	Archived    bool
	URL         string // the program's page or form
	EvalURL     string
}

// partnerAgreementForm is the agreement form as typed (the document is
// never echoed back: a browser cannot prefill a file field).
type partnerAgreementForm struct {
	ID                             string // an agreement being changed ("" for a new one)
	Number, Title, Scope           string
	StartsOn, EndsOn, TerminatedOn string
	Editing                        string // the number of the agreement being changed
}

func formatID(id int64) string { return strconv.FormatInt(id, 10) }

func dayOf(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// partnerLoad reads the partner of the URL for the actor.
func (s *server) partnerLoad(w http.ResponseWriter, r *http.Request) (*partnerPage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	lang := requestLang(r)
	code := r.PathValue("code")
	d, err := s.app.Partner(ctx, actor, code)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	p := &partnerPage{P: d, CanManage: actor.Can(app.PermPartnerManage), Errors: formErrors{}, Action: ladmPartnerURL(d.Code) + "/agreements", Self: ladmPartnerURL(d.Code),
		MaxMiB: learning.MaxDocumentSize >> 20}
	for _, v := range d.Agreements {
		p.Agreements = append(p.Agreements, s.agreementOf(lang, v))
	}
	if actor.Can(app.PermLearningRead) {
		page, err := s.app.SearchCatalogue(ctx, actor, app.CatalogueQuery{Provider: d.Code, Archived: true, PerPage: 100})
		if err != nil {
			s.appError(w, r, err, "")
			return nil, false
		}
		for _, x := range page.Programs {
			pp := partnerProgram{Code: x.Code, Title: x.Title, JP: x.JP, Archived: x.Archived}
			switch {
			case x.CanManage:
				pp.URL = ladmProgramEditURL(x.Code)
			case s.ladmServed(actor, "GET /learning/programs/{code}"):
				pp.URL = ladmProgramURL(x.Code)
			}
			if actor.Can(app.PermEvaluationReport) {
				pp.EvalURL = ladmProgramEvalURL(x.Code)
			}
			p.Programs = append(p.Programs, pp)
		}
	}
	p.NewProgram = actor.Can(app.PermLearningManage)
	// ?agreement=ID opens the form on one of the partner's agreements.
	if id := r.URL.Query().Get("agreement"); id != "" && p.CanManage {
		for _, a := range d.Agreements {
			if formatID(a.ID) == id {
				p.Form = partnerAgreementForm{ID: id, Number: a.Number, Title: a.Title, Scope: a.Scope, StartsOn: dayOf(a.StartsOn),
					EndsOn: dayOf(a.EndsOn), TerminatedOn: dayOf(a.TerminatedOn), Editing: a.Number}
			}
		}
	}
	return p, true
}

func (s *server) partnerRender(w http.ResponseWriter, r *http.Request, status int, p *partnerPage) {
	tr := s.ladmTr(r)
	crumbs := []crumb{{Label: tr("partners.title"), URL: "/partners"}, {Label: p.P.Name}}
	s.render(w, r, status, "partners_detail", &view{Nav: "partners", Crumbs: crumbs, Data: p})
}

func (s *server) partnerDetail() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.partnerLoad(w, r)
		if !ok {
			return
		}
		s.partnerRender(w, r, http.StatusOK, p)
	})
}

// partnerAgreementPost adds an agreement to the partner, or changes one of
// its agreements (field id), with the signed PDF when one is attached.
func (s *server) partnerAgreementPost() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		r.Body = http.MaxBytesReader(w, r.Body, partnerUploadLimit)
		if err := r.ParseMultipartForm(1 << 20); errors.Is(err, http.ErrNotMultipart) {
			// A plain form: the fields without a document.
			if err := r.ParseForm(); err != nil {
				http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
				return
			}
		} else if err != nil {
			if _, tooLarge := errors.AsType[*http.MaxBytesError](err); !tooLarge {
				http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
				return
			}
			// Too large to read: say so next to the file field.
			p, ok := s.partnerLoad(w, r)
			if !ok {
				return
			}
			p.Errors["document"] = s.i18n.translate(lang, "partners.err.too_large", "N", p.MaxMiB)
			s.partnerRender(w, r, http.StatusRequestEntityTooLarge, p)
			return
		}
		if r.MultipartForm != nil {
			defer r.MultipartForm.RemoveAll()
		}
		get := func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }
		form := partnerAgreementForm{ID: get("id"), Number: get("number"), Title: get("title"), Scope: get("scope"),
			StartsOn: get("starts_on"), EndsOn: get("ends_on"), TerminatedOn: get("terminated_on"), Editing: get("editing")}
		var id int64
		if form.ID != "" {
			n, err := strconv.ParseInt(form.ID, 10, 64)
			if err != nil || n <= 0 {
				s.notFound(w, r, "")
				return
			}
			id = n
		}
		var doc *app.AgreementUpload
		if file, hdr, err := r.FormFile("document"); err == nil && r.MultipartForm != nil {
			defer file.Close()
			// A browser sends an empty, nameless part when no file was chosen.
			if hdr.Filename != "" || hdr.Size > 0 {
				doc = &app.AgreementUpload{Name: hdr.Filename, Body: file}
			}
		}
		in := app.AgreementInput{Number: form.Number, Title: form.Title, Scope: form.Scope, StartsOn: form.StartsOn,
			EndsOn: form.EndsOn, TerminatedOn: form.TerminatedOn}
		code := r.PathValue("code")
		if _, err := s.app.SavePartnerAgreement(ctx, actor, code, id, in, doc); err != nil {
			fe, status, ok := s.appFormErrors(lang, err, "partners", "agreement")
			if !ok {
				s.appError(w, r, err, "")
				return
			}
			p, ok := s.partnerLoad(w, r)
			if !ok {
				return
			}
			p.Form, p.Errors = form, fe
			s.partnerRender(w, r, status, p)
			return
		}
		if id == 0 {
			s.flash(r, "partners.done.agreement_created")
		} else {
			s.flash(r, "partners.done.agreement_saved")
		}
		http.Redirect(w, r, ladmPartnerURL(code)+"#agreements", http.StatusSeeOther)
	})
}

// partnerDocument sends an agreement's signed PDF as a download.
func (s *server) partnerDocument() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor, _ := actorFrom(r.Context())
		id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
		if err != nil || id <= 0 {
			s.notFound(w, r, "")
			return
		}
		d, data, err := s.app.AgreementDocument(r.Context(), actor, id)
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		h := w.Header()
		h.Set("Content-Type", "application/pdf")
		disp := mime.FormatMediaType("attachment", map[string]string{"filename": d.Name})
		if disp == "" {
			disp = `attachment; filename="perjanjian.pdf"`
		}
		h.Set("Content-Disposition", disp)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Cache-Control", "no-store")
		h.Set("Content-Length", strconv.Itoa(len(data)))
		w.WriteHeader(http.StatusOK)
		if r.Method != http.MethodHead {
			w.Write(data)
		}
	})
}
