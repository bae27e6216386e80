package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/development"
)

// cataloguePerPage is the number of programs on one page of the catalogue.
const cataloguePerPage = 20

// cataloguePage is the catalogue search: the filter bar (in the query
// string: nothing personal) and one page of programs.
type cataloguePage struct {
	F         catalogueFilter
	Filtered  bool
	Comps     []compOption
	Forms     []development.FormInfo
	Providers []app.ProviderOption
	Rows      []catalogueRow
	Pager     pager
	Errors    formErrors
}

type catalogueFilter struct {
	Q, Competency, Method, Form, Provider, From, To string
	Mandatory                                       bool
}

// catalogueRow is one program of the list.
type catalogueRow struct {
	app.ProgramView
	URL       string
	NextEvent string // "" when none is planned
	Targets   string // "M.3 → 3, T.PROYEK → 2"
}

func (s *server) handleCatalogue() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		q := r.URL.Query()
		f := catalogueFilter{Q: strings.TrimSpace(q.Get("q")), Competency: strings.TrimSpace(q.Get("competency")),
			Method: q.Get("method"), Form: q.Get("form"), Provider: q.Get("provider"), From: q.Get("from"), To: q.Get("to"),
			Mandatory: q.Get("mandatory") == "1"}
		base := url.Values{}
		for k, v := range map[string]string{"q": f.Q, "competency": f.Competency, "method": f.Method, "form": f.Form,
			"provider": f.Provider, "from": f.From, "to": f.To} {
			if v != "" {
				base.Set(k, v)
			}
		}
		if f.Mandatory {
			base.Set("mandatory", "1")
		}
		p := &cataloguePage{F: f, Filtered: len(base) > 0, Forms: development.Forms()}
		comps, err := s.app.Competencies(ctx, actor)
		if err == nil {
			for _, c := range comps {
				p.Comps = append(p.Comps, compOption{Code: c.Code, Name: c.Name, NameEN: c.NameEN, Kind: c.Kind})
			}
			p.Comps = sortedOptions(p.Comps)
		}
		if p.Providers, err = s.app.CatalogueProviders(ctx, actor); err != nil {
			s.appError(w, r, err, "")
			return
		}
		page, _ := strconv.Atoi(q.Get("page"))
		page = max(page, 1)
		cq := app.CatalogueQuery{Q: f.Q, Competency: f.Competency, Method: f.Method, Form: f.Form, Provider: f.Provider,
			From: f.From, To: f.To, Mandatory: f.Mandatory, Page: page, PerPage: cataloguePerPage}
		res, err := s.app.SearchCatalogue(ctx, actor, cq)
		if err == nil && len(res.Programs) == 0 && res.Total > 0 && page > 1 {
			// Beyond the last page: show the last one.
			cq.Page = (res.Total + cataloguePerPage - 1) / cataloguePerPage
			res, err = s.app.SearchCatalogue(ctx, actor, cq)
		}
		status := http.StatusOK
		if err != nil {
			fe, st, ok := s.appFormErrors(lang, err, "learning", "catalogue")
			if !ok {
				s.appError(w, r, err, "")
				return
			}
			p.Errors, status = fe, st
		}
		for _, pv := range res.Programs {
			row := catalogueRow{ProgramView: pv, URL: programURL(pv.Code)}
			if !pv.NextEvent.IsZero() {
				row.NextEvent = formatDate(pv.NextEvent, lang)
			}
			var ts []string
			for _, t := range pv.Targets {
				ts = append(ts, t.Code+" → "+strconv.Itoa(t.Level))
			}
			row.Targets = strings.Join(ts, ", ")
			p.Rows = append(p.Rows, row)
		}
		p.Pager = paginate(r, "/learning", base, res.Total, cataloguePerPage)
		s.render(w, r, status, "learning_catalogue", &view{Nav: "learning", Data: p,
			Crumbs: []crumb{{Label: s.i18n.translate(lang, "learning.catalogue.title")}}})
	})
}
