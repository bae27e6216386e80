package web

import (
	"cmp"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/store"
)

// employeeView is an employee's page.
type employeeView struct {
	E          store.EmployeeRow
	Match      competency.Match
	NoStandard bool
	Lines      []gapRow
	History    []historyRow
	// The example command of the empty states: an unassessed competency
	// of the standard (M.1 when none), its required level, today's date.
	ExampleCode  string
	ExampleLevel int
	Today        string
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
}

func (s *server) handleEmployee() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// Accept the spaced BKN form a user may paste; look up the digits.
		nip := strings.ReplaceAll(r.PathValue("nip"), " ", "")
		if !allDigits(nip) || len(nip) != 18 {
			s.notFound(w, r, "employee")
			return
		}
		p, err := s.app.Employee(r.Context(), nip, s.app.Today())
		if app.ErrorCode(err) == app.CodeNotFound {
			s.notFound(w, r, "employee")
			return
		} else if err != nil {
			s.serverError(w, r, err)
			return
		}
		v := employeeView{E: p.Gap.Employee, Match: p.Gap.Match, NoStandard: p.Gap.NoStandard}
		for _, l := range p.Gap.Lines {
			row := gapRow{Code: l.Competency.Code, Name: l.Competency.Name, NameEN: l.Competency.NameEN,
				Kind: l.Competency.Kind, Required: l.Required, Cur: l.Current}
			if g, ok := l.Gap(); ok {
				row.Gap, row.Short = formatGap(g), g < 0
			}
			v.Lines = append(v.Lines, row)
		}
		slices.SortStableFunc(v.Lines, func(a, b gapRow) int {
			if c := cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)); c != 0 {
				return c
			}
			return compareCodes(a.Code, b.Code)
		})
		v.ExampleCode, v.ExampleLevel, v.Today = "M.1", 1, s.app.Today().Format("2006-01-02")
		for _, l := range v.Lines {
			if l.Gap == "" {
				v.ExampleCode, v.ExampleLevel = l.Code, l.Required
				break
			}
		}
		for _, a := range p.Assessments {
			c := p.Competency[a.CompetencyID]
			v.History = append(v.History, historyRow{On: a.AssessedOn, Code: c.Code, Name: c.Name, NameEN: c.NameEN,
				Source: a.Source, Level: a.Level, Status: a.Status, Assessor: a.Assessor})
		}
		e := p.Gap.Employee
		crumbs := []crumb{{Label: e.UnitName, URL: "/units/" + url.PathEscape(e.UnitCode)}, {Label: displayName(e.Employee)}}
		s.render(w, r, http.StatusOK, "employee", &view{Nav: "units", Crumbs: crumbs, Data: v})
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
