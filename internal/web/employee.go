package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/store"
)

// employeeView is an employee's profile.
type employeeView struct {
	E        store.EmployeeRow
	NIP      string // spaced, or masked for a viewer who need not see it
	Personal bool   // the viewer sees personal details (birth date)
	Gap      profileGap
	History  []historyRow
	Radar    radarChart
	HasRadar bool
	// Links the viewer may follow ("" when not).
	UnitURL, SupervisorURL, AssessURL string
	Links                             employeeLinks // SKP, IDP, talent (routes_talent.go)
}

// profileGap is an employee's gap table and JPM.
type profileGap struct {
	Match      competency.Match
	NoStandard bool
	Lines      []gapRow
}

// gapRow is one competency of the employee's standard.
type gapRow struct {
	Code, Name, NameEN string
	Kind               competency.Kind
	Required           int
	Cur                competency.Current
	Gap                string // "+1", "0", "−2"; "" when unassessed
	Short              bool   // a shortfall (negative gap)
}

// historyRow is one assessment, newest first.
type historyRow struct {
	On                 time.Time
	Code, Name, NameEN string
	Source             competency.Source
	Level              int
	Status             competency.Status
	Assessor           string
	Evidence           string
}

func profileGapOf(lines []app.GapLine, m competency.Match, noStandard bool) profileGap {
	g := profileGap{Match: m, NoStandard: noStandard}
	for _, l := range sortedLines(lines) {
		row := gapRow{Code: l.Competency.Code, Name: l.Competency.Name, NameEN: l.Competency.NameEN,
			Kind: l.Competency.Kind, Required: l.Required, Cur: l.Current}
		if d, ok := l.Gap(); ok {
			row.Gap, row.Short = formatGap(d), d < 0
		}
		g.Lines = append(g.Lines, row)
	}
	return g
}

// sortedLines orders a standard managerial, sociocultural, technical, then
// by code.
func sortedLines(lines []app.GapLine) []app.GapLine {
	out := slices.Clone(lines)
	slices.SortStableFunc(out, func(a, b app.GapLine) int {
		if c := cmp.Compare(kindOrder(a.Competency.Kind), kindOrder(b.Competency.Kind)); c != 0 {
			return c
		}
		return compareCodes(a.Competency.Code, b.Competency.Code)
	})
	return out
}

func (s *server) handleEmployee() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		nip, ok := s.nipOf(r)
		if !ok {
			s.notFound(w, r, "employee")
			return
		}
		p, err := s.app.ViewEmployee(ctx, actor, nip)
		if err != nil {
			s.appError(w, r, err, "employee")
			return
		}
		lang := requestLang(r)
		tr := func(id string, args ...any) string { return s.i18n.translate(lang, id, args...) }
		e := p.Gap.Employee
		v := employeeView{E: e, NIP: shownNIP(actor, e), Personal: app.SeesFullNIP(actor, e),
			Gap: profileGapOf(p.Gap.Lines, p.Gap.Match, p.Gap.NoStandard)}
		if len(p.Gap.Lines) > 0 {
			v.Radar, v.HasRadar = radarOf(tr, lang, p.Gap.Lines), true
		}
		for _, a := range p.Assessments {
			c := p.Competency[a.CompetencyID]
			v.History = append(v.History, historyRow{On: a.AssessedOn, Code: c.Code, Name: c.Name, NameEN: c.NameEN,
				Source: a.Source, Level: a.Level, Status: a.Status, Assessor: a.Assessor, Evidence: a.Evidence})
		}
		if sc := app.ScopeOf(actor); sc.All || sc.UnitCode != "" {
			v.UnitURL = "/units/" + url.PathEscape(e.UnitCode)
		}
		if e.SupervisorNIP != "" {
			if in, err := s.app.InScope(ctx, actor, e.SupervisorNIP); err != nil {
				s.serverError(w, r, err)
				return
			} else if in {
				sup := store.EmployeeRow{}
				sup.ID, sup.NIP = e.SupervisorID, e.SupervisorNIP
				v.SupervisorURL = s.employeeURL(r, actor, sup)
			}
		}
		v.Links = s.employeeLinksOf(r, actor, e)
		if actor.Can(app.PermAssessmentWrite) && len(s.app.AllowedSources(ctx, actor, e)) > 0 {
			v.AssessURL = s.employeeURL(r, actor, e, "/assess")
		}
		var crumbs []crumb
		if slices.Contains(s.patterns, "GET /employees") && actor.Can(app.PermEmployeeList) {
			crumbs = append(crumbs, crumb{Label: tr("nav.employee_list"), URL: "/employees"})
		}
		crumbs = append(crumbs, crumb{Label: displayName(e.Employee)})
		navKey := "employees"
		if actor.EmployeeID == e.ID {
			navKey = "me"
		}
		s.render(w, r, http.StatusOK, "employee", &view{Nav: navKey, Crumbs: crumbs, Charts: v.HasRadar, Data: v})
	})
}

// kindOrder lists managerial, then sociocultural, then technical competencies.
func kindOrder(k competency.Kind) int {
	switch k {
	case competency.Managerial:
		return 0
	case competency.Sociocultural:
		return 1
	case competency.Technical:
		return 2
	}
	return 3
}

// compareCodes orders competency codes naturally: M.2 before M.10.
func compareCodes(a, b string) int {
	for a != "" && b != "" {
		da, db := leadingDigits(a), leadingDigits(b)
		if da > 0 && db > 0 {
			na, _ := strconv.Atoi(a[:da])
			nb, _ := strconv.Atoi(b[:db])
			if na != nb {
				return cmp.Compare(na, nb)
			}
			a, b = a[da:], b[db:]
			continue
		}
		if a[0] != b[0] {
			return cmp.Compare(a[0], b[0])
		}
		a, b = a[1:], b[1:]
	}
	return cmp.Compare(len(a), len(b))
}

func leadingDigits(s string) int {
	n := 0
	for n < len(s) && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func allDigits(s string) bool {
	return s != "" && leadingDigits(s) == len(s)
}
