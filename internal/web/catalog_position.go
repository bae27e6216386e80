package web

import (
	"cmp"
	"errors"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/store"
)

// catalogPositionView is a position's card and its competency standard,
// editable for those who may change standards.
type catalogPositionView struct {
	P        store.PositionRow
	Lines    []catalogStdLine
	Counts   map[string]int // lines per kind of competency
	Total    int            // lines kept (not removed, known)
	CanEdit  bool
	CanAudit bool
	Audit    string
	Action   string
	Levels   []int // the choices of a level select
	// Adding a line: the competencies not in the standard, by kind.
	Add      []catalogAddGroup
	AddCode  string
	AddLevel string
	Errors   map[string]string // "level.<code>", "add_code", "add_level", "standard"
	Summary  []catalogFieldError
	General  string
}

// catalogStdLine is one line of the standard, as stored or as posted.
type catalogStdLine struct {
	Code, Name, NameEN string
	Kind               competency.Kind
	Required           int    // 0 when the posted value is not a level
	Value              string // as posted, for the error message
	LevelTitle         string // what the required level means for this competency
	Remove             bool
	Unknown            bool   // a posted code the dictionary does not know
	Field, ID          string // form field name and element id
	Error              string
}

// catalogAddGroup is one kind's competencies that may be added.
type catalogAddGroup struct {
	Kind    competency.Kind
	Options []catalogOption
}

// catalogDict is the dictionary by code, with levels.
type catalogDict map[string]competency.Competency

func (d catalogDict) levelTitle(code string, level int) string {
	for _, l := range d[code].Levels {
		if l.Level == level {
			return l.Title
		}
	}
	return ""
}

func catalogKindRank(k competency.Kind) int {
	if i := slices.Index(catalogKinds, k); i >= 0 {
		return i
	}
	return len(catalogKinds)
}

// catalogLoadPosition loads what the position page needs.
func (s *server) catalogLoadPosition(r *http.Request, actor app.Actor, code string) (app.PositionView, catalogDict, []competency.Competency, error) {
	pv, err := s.app.Position(r.Context(), actor, code)
	if err != nil {
		return pv, nil, nil, err
	}
	all, err := s.app.Competencies(r.Context(), actor)
	if err != nil {
		return pv, nil, nil, err
	}
	dict := make(catalogDict, len(all))
	for _, c := range all {
		dict[c.Code] = c
	}
	return pv, dict, all, nil
}

// catalogPosition shows a position and its standard.
func (s *server) catalogPosition() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		code := r.PathValue("code")
		if code == "" || len(code) > 100 {
			s.catalogStatus(w, r, http.StatusNotFound, "position", "/positions")
			return
		}
		pv, dict, all, err := s.catalogLoadPosition(r, actor, code)
		if err != nil {
			s.catalogFail(w, r, err, "position", "/positions")
			return
		}
		var lines []catalogStdLine
		for _, l := range pv.Standard {
			c := l.Competency
			lines = append(lines, catalogStdLine{Code: c.Code, Name: c.Name, NameEN: c.NameEN, Kind: c.Kind,
				Required: l.Required, Value: strconv.Itoa(l.Required), LevelTitle: dict.levelTitle(c.Code, l.Required)})
		}
		s.catalogRenderPosition(w, r, http.StatusOK, actor, pv.Position, lines, all, "", "", catalogErrors{}, "")
	})
}

// catalogRenderPosition renders the position page with the given lines
// (stored, or as posted with their errors).
func (s *server) catalogRenderPosition(w http.ResponseWriter, r *http.Request, status int, actor app.Actor, p store.PositionRow,
	lines []catalogStdLine, all []competency.Competency, addCode, addLevel string, errs catalogErrors, general string) {
	v := catalogPositionView{P: p, Lines: lines, Counts: map[string]int{}, CanEdit: actor.Can(app.PermStandardEdit),
		CanAudit: actor.Can(app.PermAuditRead), Levels: []int{1, 2, 3, 4, 5}, AddCode: addCode, AddLevel: addLevel,
		Errors: errs.byField, Summary: errs.list, General: general}
	path := "/positions/" + url.PathEscape(p.Code)
	v.Action = path + "/standard"
	v.Audit = "/audit?" + url.Values{"type": {"position"}, "target": {p.Code}}.Encode()
	in := map[string]bool{}
	for i := range v.Lines {
		l := &v.Lines[i]
		l.Field, l.ID = "level."+l.Code, "f-std-"+strconv.Itoa(i+1)
		l.Error = errs.byField[l.Field]
		in[l.Code] = !l.Remove
		if !l.Remove && !l.Unknown {
			v.Counts[string(l.Kind)]++
			v.Total++
		}
	}
	for _, k := range catalogKinds {
		g := catalogAddGroup{Kind: k}
		for _, c := range all {
			if c.Kind == k && !in[c.Code] {
				g.Options = append(g.Options, catalogOption{Value: c.Code, Label: c.Code + " " + catalogCompName(requestLang(r), c), Selected: c.Code == addCode})
			}
		}
		if len(g.Options) > 0 {
			v.Add = append(v.Add, g)
		}
	}
	tr := s.catalogTr(r)
	s.render(w, r, status, "catalog_position", &view{Nav: "positions", Crumbs: []crumb{
		{Label: tr("catalog.pos.title"), URL: "/positions"},
		{Label: p.Title},
	}, Data: v})
}

// catalogParseLevel reads a posted level: an integer 1–5.
func catalogParseLevel(v string, tr func(string, ...any) string) (int, string) {
	n, err := strconv.Atoi(strings.TrimSpace(v))
	switch {
	case strings.TrimSpace(v) == "":
		return 0, tr("catalog.err.level_required")
	case err != nil:
		return 0, tr("catalog.err.level_nan", "Value", catalogClip(v, 12))
	case n < competency.MinLevel || n > competency.MaxLevel:
		return 0, tr("catalog.err.level_range", "Value", catalogClip(v, 12))
	}
	return n, ""
}

// catalogSaveStandard replaces a position's standard with the posted lines:
// "level.<code>" = 1–5 for each line, "remove" = codes to drop, and
// "add_code"/"add_level" for a new line. Every line is checked before
// anything is stored; one bad line changes nothing.
func (s *server) catalogSaveStandard() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		actor := s.catalogActor(r)
		code := r.PathValue("code")
		if code == "" || len(code) > 100 {
			s.catalogStatus(w, r, http.StatusNotFound, "position", "/positions")
			return
		}
		if !catalogForm(w, r) {
			return
		}
		pv, dict, all, err := s.catalogLoadPosition(r, actor, code)
		if err != nil {
			s.catalogFail(w, r, err, "position", "/positions")
			return
		}
		if !actor.Can(app.PermStandardEdit) {
			s.forbidden(w, r)
			return
		}
		tr := s.catalogTr(r)
		remove := map[string]bool{}
		for _, c := range r.PostForm["remove"] {
			remove[c] = true
		}
		var lines []catalogStdLine
		for key, vals := range r.PostForm {
			c, ok := strings.CutPrefix(key, "level.")
			if !ok || len(vals) == 0 {
				continue
			}
			d, known := dict[c]
			lines = append(lines, catalogStdLine{Code: c, Name: d.Name, NameEN: d.NameEN, Kind: d.Kind, Value: vals[0],
				Remove: remove[c], Unknown: !known})
		}
		addCode, addLevel := strings.TrimSpace(r.PostForm.Get("add_code")), strings.TrimSpace(r.PostForm.Get("add_level"))
		slices.SortFunc(lines, func(a, b catalogStdLine) int {
			if a.Unknown != b.Unknown { // codes the dictionary lacks go last
				if a.Unknown {
					return 1
				}
				return -1
			}
			if c := cmp.Compare(catalogKindRank(a.Kind), catalogKindRank(b.Kind)); c != 0 {
				return c
			}
			return strings.Compare(a.Code, b.Code)
		})
		var errs catalogErrors
		required := map[string]int{}
		for i := range lines {
			l := &lines[i]
			field, id := "level."+l.Code, "f-std-"+strconv.Itoa(i+1)
			if l.Remove {
				continue
			}
			if l.Unknown {
				errs.add(field, id, tr("catalog.err.unknown_code", "Code", l.Code))
				continue
			}
			n, msg := catalogParseLevel(l.Value, tr)
			if msg != "" {
				errs.addLine(field, id, l.Code, msg)
				continue
			}
			l.Required, l.LevelTitle = n, dict.levelTitle(l.Code, n)
			required[l.Code] = n
		}
		if addCode != "" {
			_, known := dict[addCode]
			_, dup := required[addCode]
			switch {
			case !known:
				errs.add("add_code", "f-add-code", tr("catalog.err.unknown_code", "Code", addCode))
			case dup:
				errs.add("add_code", "f-add-code", tr("catalog.err.already_in", "Code", addCode))
			}
			n, msg := catalogParseLevel(addLevel, tr)
			if msg != "" {
				errs.addLine("add_level", "f-add-level", addCode, msg)
			} else if known && !dup {
				required[addCode] = n
			}
		}
		if errs.empty() && len(required) == 0 {
			errs.add("standard", "f-std-1", tr("catalog.err.standard_empty"))
		}
		if errs.empty() {
			same := len(required) == len(pv.Standard)
			for _, l := range pv.Standard {
				if required[l.Competency.Code] != l.Required {
					same = false
				}
			}
			if same {
				s.flash(r, "catalog.pos.unchanged")
				http.Redirect(w, r, "/positions/"+url.PathEscape(code), http.StatusSeeOther)
				return
			}
			err := s.app.SetStandard(r.Context(), actor, code, required)
			if err == nil {
				s.flash(r, "catalog.pos.saved")
				http.Redirect(w, r, "/positions/"+url.PathEscape(code), http.StatusSeeOther)
				return
			}
			var ae *app.Error
			if app.ErrorCode(err) != app.CodeInvalid || !errors.As(err, &ae) {
				s.catalogFail(w, r, err, "position", "/positions")
				return
			}
			// The use case found what the form did not: show its
			// words next to the lines it names.
			general := ae.Message
			for i, l := range lines {
				if m, ok := ae.Fields[l.Code]; ok {
					errs.addLine("level."+l.Code, "f-std-"+strconv.Itoa(i+1), l.Code, m)
					general = ""
				}
			}
			s.catalogRenderPosition(w, r, http.StatusUnprocessableEntity, actor, pv.Position, lines, all, addCode, addLevel, errs, general)
			return
		}
		s.catalogRenderPosition(w, r, http.StatusUnprocessableEntity, actor, pv.Position, lines, all, addCode, addLevel, errs, "")
	})
}
