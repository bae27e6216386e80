package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/development"
)

// idpFragments names the part of the IDP page each action returns to.
var idpFragments = map[string]string{
	"create": "items", "items": "items", "submit": "summary", "decide": "summary", "progress": "items",
}

// idpAction handles one step posted from the IDP page (Post/Redirect/Get on
// success; the page again with the message and the input when refused).
func (s *server) idpAction(kind string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		f := r.PostForm
		lang := requestLang(r)
		year, ok := s.yearOf(f.Get("year"))
		if !ok {
			s.notFound(w, r, "")
			return
		}
		nip, ok := s.nipOf(r)
		if !ok {
			s.notFound(w, r, "employee")
			return
		}
		var v app.IDPView
		var err error
		var rows []idpItemForm
		var item int64
		fe := formErrors{}
		flash := "idp.done." + kind
		switch kind {
		case "create":
			v, err = s.app.CreateIDP(ctx, actor, nip, year)
		case "items":
			var in []app.IDPItemInput
			in, rows = itemsFromForm(f)
			v, err = s.app.SaveIDPItems(ctx, actor, nip, year, in)
		case "submit":
			v, err = s.app.SubmitIDP(ctx, actor, nip, year)
		case "decide":
			switch f.Get("decision") {
			case "approve", "return":
				approve := f.Get("decision") == "approve"
				v, err = s.app.DecideIDP(ctx, actor, nip, year, approve, f.Get("comment"))
				flash = "idp.done." + f.Get("decision")
			default:
				fe["decision"] = s.i18n.translate(lang, "idp.err.decide.decision")
			}
		case "progress":
			item, _ = strconv.ParseInt(f.Get("item"), 10, 64)
			v, err = s.app.SetIDPItemProgress(ctx, actor, nip, year, item, f.Get("status"), f.Get("reason"))
		}
		status := http.StatusUnprocessableEntity
		if err != nil {
			var ok bool
			if fe, status, ok = s.appFormErrors(lang, err, "idp", kind); !ok {
				s.appError(w, r, err, "employee")
				return
			}
		}
		if len(fe) == 0 {
			s.flash(r, flash)
			http.Redirect(w, r, withYear(s.employeeURL(r, actor, v.Employee, "/idp"), year, idpFragments[kind]), http.StatusSeeOther)
			return
		}
		p, ok := s.idpLoad(w, r, year)
		if !ok {
			return
		}
		p.Errors[kind] = fe
		switch kind {
		case "items":
			if p.V.Can.Edit {
				p.setEdit(rows)
			}
		case "decide":
			p.Comment = f.Get("comment")
		case "progress":
			p.Progress = item
		}
		s.idpRender(w, r, status, p)
	})
}

// itemsFromForm reads the edit form's rows it0…: a row marked for removal
// or left wholly blank is dropped; the rest go to the app, which names what
// is wrong by the row's place in the list (rows is that list as entered).
func itemsFromForm(f url.Values) ([]app.IDPItemInput, []idpItemForm) {
	var in []app.IDPItemInput
	var rows []idpItemForm
	num := func(s string) int {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return 0 // out of range: the app names the field
		}
		return n
	}
	for i := 0; i < development.MaxItems+blankItemRows; i++ {
		k := fmt.Sprintf("it%d.", i)
		row := idpItemForm{ID: f.Get(k + "id"), Competency: strings.TrimSpace(f.Get(k + "competency")), Target: f.Get(k + "target"),
			Form: f.Get(k + "form"), JP: f.Get(k + "jp"), Start: f.Get(k + "start"), End: f.Get(k + "end"), Reason: f.Get(k + "reason"),
			Source: development.Source(f.Get(k + "source"))}
		if f.Get(k+"remove") != "" {
			continue
		}
		if row.Competency == "" && strings.TrimSpace(row.Reason) == "" && strings.TrimSpace(row.JP) == "" && row.ID == "" {
			continue
		}
		id, _ := strconv.ParseInt(row.ID, 10, 64)
		in = append(in, app.IDPItemInput{ID: id, Competency: row.Competency, TargetLevel: num(row.Target), Form: row.Form,
			PlannedJP: num(row.JP), StartMonth: num(row.Start), EndMonth: num(row.End), Reason: row.Reason})
		rows = append(rows, row)
	}
	return in, rows
}
