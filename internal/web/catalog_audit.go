package web

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/store"
)

// The audit trail is filtered by actor, action, target type, target and
// date. All but the target are codes and dates, not personal data, and stay
// in the query string, so a filtered view can be bookmarked and linked to
// (the competency and position pages link to their own history). The
// target of an employee's rows is a NIP, which must not travel in a URL (it
// would land in the browser history, in proxy logs and in Referer headers).
// So a target is accepted in the query string only for the non-personal
// target types (competency, position, unit, settings); the filter form
// posts to POST /audit, which keeps the target in the server-side session
// under a random token (as the employee search does) and redirects to
// GET /audit?…&s=<token>. Without the "POST /audit" route in
// app.RoutePolicy the form falls back to GET and offers the target filter
// for the non-personal types only.

// catalogAuditPerPage is the page size of the audit trail.
const catalogAuditPerPage = 50

// catalogAuditActions are the audited actions, in the filter's order.
var catalogAuditActions = []string{
	"competency.create", "competency.update", "standard.update", "policy.update",
	"assessment.create", "employee.view", "employee.create", "employee.update",
	"unit.create", "unit.update", "position.create", "position.update",
	"user.create", "user.role", "user.password", "user.totp", "user.enable", "user.disable",
	"token.create", "token.revoke",
}

// catalogAuditTypes are the target types; catalogAuditOpenTypes those whose
// target may appear in a URL.
var (
	catalogAuditTypes     = []string{"competency", "position", "unit", "settings", "employee", "user", "api_token"}
	catalogAuditOpenTypes = []string{"competency", "position", "unit", "settings"}
)

// catalogAuditFilter is the audit trail's filter as read from a request.
type catalogAuditFilter struct {
	Actor, Action, Type, Target, From, To string
	Token                                 string // the session token of a posted target
}

// catalogAuditView is the audit trail page.
type catalogAuditView struct {
	F             catalogAuditFilter
	Actions       []catalogOption
	Types         []catalogOption
	Errors        map[string]string
	Rows          []catalogAuditRow
	Pager         pager
	Filtered      bool
	Post          bool // the filter form posts (POST /audit is registered)
	TargetDropped bool // a target in the URL was ignored: it may be personal
	Expired       bool // the URL named a posted target this session no longer holds
	Today         string
}

// catalogAuditRow is one audit entry as people read it.
type catalogAuditRow struct {
	When                    string // "27 November 2026 10.00 WIB"
	Actor                   string
	Action, ActionLabel     string
	Type, TypeLabel, Target string
	TargetURL               string
	// Changes lists the fields an update changed; Values the record a
	// creation stored (or the full "after" of an update).
	Changes []catalogChange
	Values  []catalogKV
	Before  []catalogKV // a removal's record (before only)
}

type catalogChange struct{ Key, Before, After string }

type catalogKV struct{ Key, Value string }

// catalogAuditPost is registered only when app.RoutePolicy lists it.
const catalogAuditPost = "POST /audit"

func catalogAuditPostable() bool {
	_, ok := app.PolicyFor(catalogAuditPost)
	return ok
}

// catalogAudit lists the audit trail, newest first.
func (s *server) catalogAudit() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-store")
		actor := s.catalogActor(r)
		tr := s.catalogTr(r)
		lang := requestLang(r)
		q := r.URL.Query()
		v := catalogAuditView{Post: catalogAuditPostable() && s.sessions != nil && hasSession(r.Context()),
			Today: s.app.Today().Format("2006-01-02")}
		f := catalogAuditFilter{
			Actor: catalogClip(q.Get("actor"), 100), Action: q.Get("action"), Type: q.Get("type"),
			From: strings.TrimSpace(q.Get("from")), To: strings.TrimSpace(q.Get("to")),
		}
		var errs catalogErrors
		if f.Action != "" && !slices.Contains(catalogAuditActions, f.Action) {
			errs.add("action", "f-action", tr("catalog.audit.err.action"))
			f.Action = ""
		}
		if f.Type != "" && !slices.Contains(catalogAuditTypes, f.Type) {
			errs.add("type", "f-type", tr("catalog.audit.err.type"))
			f.Type = ""
		}
		if t := catalogClip(q.Get("target"), 100); t != "" {
			if slices.Contains(catalogAuditOpenTypes, f.Type) {
				f.Target = t
			} else {
				v.TargetDropped = true
			}
		}
		if tok := q.Get("s"); tok != "" && v.Post {
			if t, ok := s.searchTerm(r, tok); ok {
				f.Target, f.Token = t, tok
			} else {
				v.Expired = true
			}
		}
		if !catalogDates(&f, &errs, tr) {
			f.From, f.To = "", ""
		}
		v.F = f
		v.Filtered = f.Actor != "" || f.Action != "" || f.Type != "" || f.Target != "" || f.From != "" || f.To != ""
		for _, a := range catalogAuditActions {
			v.Actions = append(v.Actions, catalogOption{Value: a, Label: catalogAuditLabel(s, lang, "catalog.audit.action.", a), Selected: a == f.Action})
		}
		for _, t := range catalogAuditTypes {
			v.Types = append(v.Types, catalogOption{Value: t, Label: catalogAuditLabel(s, lang, "catalog.audit.type.", t), Selected: t == f.Type})
		}
		base := f.values()
		page, _ := strconv.Atoi(q.Get("page"))
		page = max(page, 1)
		aq := store.AuditQuery{Actor: f.Actor, Action: f.Action, TargetType: f.Type, TargetID: f.Target, From: f.From, To: f.To,
			Limit: catalogAuditPerPage, Offset: (page - 1) * catalogAuditPerPage}
		entries, total, err := s.app.AuditLog(r.Context(), actor, aq)
		if err != nil {
			s.catalogFail(w, r, err, "", "/")
			return
		}
		if pages := max(1, (total+catalogAuditPerPage-1)/catalogAuditPerPage); page > pages {
			// Beyond the last page: show the last.
			aq.Offset = (pages - 1) * catalogAuditPerPage
			if entries, total, err = s.app.AuditLog(r.Context(), actor, aq); err != nil {
				s.catalogFail(w, r, err, "", "/")
				return
			}
		}
		v.Pager = paginate(r, "/audit", base, total, catalogAuditPerPage)
		var codes map[int64]string
		for _, e := range entries {
			if e.Action == "standard.update" && codes == nil {
				codes = s.catalogCompetencyCodes(r, actor)
			}
			v.Rows = append(v.Rows, s.catalogAuditRowOf(lang, e, codes))
		}
		v.Errors = errs.byField
		s.render(w, r, http.StatusOK, "catalog_audit", &view{Nav: "audit",
			Crumbs: []crumb{{Label: tr("catalog.audit.title")}}, Data: v})
	})
}

// catalogAuditSearch keeps a posted target in the session and redirects to
// the trail filtered by it; the other filters go to the query string.
func (s *server) catalogAuditSearch() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, 16<<10)
		if err := r.ParseForm(); err != nil {
			http.Error(w, http.StatusText(http.StatusBadRequest), http.StatusBadRequest)
			return
		}
		p := r.PostForm
		f := catalogAuditFilter{Actor: catalogClip(p.Get("actor"), 100), Action: p.Get("action"), Type: p.Get("type"),
			From: strings.TrimSpace(p.Get("from")), To: strings.TrimSpace(p.Get("to"))}
		v := f.values()
		if t := catalogClip(p.Get("target"), 100); t != "" {
			v.Set("s", s.keepSearch(r, t))
		}
		target := "/audit"
		if len(v) > 0 {
			target += "?" + v.Encode()
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
	})
}

// values are the filter's query parameters: a target only by its token,
// or in clear for the non-personal types.
func (f catalogAuditFilter) values() url.Values {
	v := url.Values{}
	for k, x := range map[string]string{"actor": f.Actor, "action": f.Action, "type": f.Type, "from": f.From, "to": f.To} {
		if x != "" {
			v.Set(k, x)
		}
	}
	switch {
	case f.Token != "":
		v.Set("s", f.Token)
	case f.Target != "" && slices.Contains(catalogAuditOpenTypes, f.Type):
		v.Set("target", f.Target)
	}
	return v
}

// catalogDates checks the date range: YYYY-MM-DD each, from not after to.
func catalogDates(f *catalogAuditFilter, errs *catalogErrors, tr func(string, ...any) string) bool {
	ok := true
	parse := func(name, id, s string) time.Time {
		if s == "" {
			return time.Time{}
		}
		t, err := time.Parse("2006-01-02", s)
		if err != nil {
			errs.add(name, id, tr("catalog.audit.err.date", "Value", s))
			ok = false
		}
		return t
	}
	from, to := parse("from", "f-from", f.From), parse("to", "f-to", f.To)
	if ok && !from.IsZero() && !to.IsZero() && from.After(to) {
		errs.add("to", "f-to", tr("catalog.audit.err.range"))
		ok = false
	}
	return ok
}

// catalogAuditLabel names an action or target type in the page's language;
// one the catalogue does not know shows as stored.
func catalogAuditLabel(s *server, lang, prefix, v string) string {
	if s.i18n.has(lang, prefix+v) {
		return s.i18n.translate(lang, prefix+v)
	}
	return v
}

// catalogCompetencyCodes maps competency IDs to codes, for the standard
// changes, which the audit trail records by ID.
func (s *server) catalogCompetencyCodes(r *http.Request, actor app.Actor) map[int64]string {
	out := map[int64]string{}
	all, err := s.app.Competencies(r.Context(), actor)
	if err != nil {
		s.log.Warn("web: competency codes for the audit trail", "err", err)
		return out
	}
	for _, c := range all {
		out[c.ID] = c.Code
	}
	return out
}

// catalogWIB is the city's time zone (UTC+7), in which the trail shows times.
var catalogWIB = time.FixedZone("WIB", 7*3600)

// catalogDateTime writes an instant in WIB: "27 November 2026 10.00 WIB"
// (Indonesian writes the time with a full stop), "27 November 2026 10:00 WIB".
func catalogDateTime(t time.Time, lang string) string {
	t = t.In(catalogWIB)
	sep := "."
	if lang == "en" {
		sep = ":"
	}
	return fmt.Sprintf("%s %02d%s%02d WIB", formatDate(t, lang), t.Hour(), sep, t.Minute())
}

// catalogAuditRowOf turns an audit entry into what the page shows: labels,
// a link to the target, and before/after as key: value lists.
func (s *server) catalogAuditRowOf(lang string, e store.AuditEntry, codes map[int64]string) catalogAuditRow {
	row := catalogAuditRow{
		When: catalogDateTime(e.At, lang), Actor: e.Actor,
		Action: e.Action, ActionLabel: catalogAuditLabel(s, lang, "catalog.audit.action.", e.Action),
		Type: e.TargetType, TypeLabel: catalogAuditLabel(s, lang, "catalog.audit.type.", e.TargetType), Target: e.TargetID,
	}
	switch e.TargetType {
	case "competency":
		row.TargetURL = "/competencies/" + url.PathEscape(e.TargetID)
	case "position":
		row.TargetURL = "/positions/" + url.PathEscape(e.TargetID)
	case "unit":
		row.TargetURL = "/units/" + url.PathEscape(e.TargetID)
	}
	flat := func(raw string) []catalogKV {
		if raw == "" {
			return nil
		}
		var kv []catalogKV
		var err error
		if e.Action == "standard.update" {
			kv, err = catalogFlattenStandard(raw, codes)
		} else {
			kv, err = catalogFlatten(raw)
		}
		if err != nil {
			// Not JSON after all: show it as one value rather than hide it.
			return []catalogKV{{Key: "–", Value: raw}}
		}
		for i := range kv {
			kv[i].Key = s.catalogAuditKey(lang, kv[i].Key)
			kv[i].Value = s.catalogAuditValue(lang, kv[i].Value)
		}
		return kv
	}
	before, after := flat(e.Before), flat(e.After)
	switch {
	case before != nil && after != nil:
		row.Changes = catalogDiff(before, after, s.i18n.translate(lang, "catalog.audit.absent"))
		row.Values = after
	case after != nil:
		row.Values = after
	case before != nil:
		row.Before = before
	}
	return row
}

// catalogAuditKey labels a flattened key ("Levels\x1f2\x1fIndicators\x1f1")
// segment by segment: "Level › 2 › Indikator perilaku › 1".
func (s *server) catalogAuditKey(lang, key string) string {
	parts := strings.Split(key, "\x1f")
	for i, p := range parts {
		if id := "catalog.audit.key." + p; s.i18n.has(lang, id) {
			parts[i] = s.i18n.translate(lang, id)
		}
	}
	return strings.Join(parts, " › ")
}

// catalogAuditValue writes JSON scalars for people: true/false as ya/tidak,
// null as "–", the empty string as "(kosong)".
func (s *server) catalogAuditValue(lang, v string) string {
	switch v {
	case "\x00true":
		return s.i18n.translate(lang, "catalog.audit.true")
	case "\x00false":
		return s.i18n.translate(lang, "catalog.audit.false")
	case "\x00null":
		return "–"
	case "":
		return s.i18n.translate(lang, "catalog.audit.empty_value")
	}
	// Dates and instants as the rest of the site writes them.
	if len(v) == len("2006-01-02") {
		if t, err := time.Parse("2006-01-02", v); err == nil {
			return formatDate(t, lang)
		}
	}
	if len(v) >= len("2006-01-02T15:04:05Z") && v[4] == '-' && v[10] == 'T' {
		if t, err := time.Parse(time.RFC3339Nano, v); err == nil {
			switch {
			case t.IsZero():
				return "–"
			case t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0:
				return formatDate(t, lang) // a civil date stored as UTC midnight
			}
			return catalogDateTime(t, lang)
		}
	}
	return v
}

// catalogFlatten turns a JSON document into key: value pairs in document
// order, nested keys joined by \x1f and array items numbered from 1. Empty
// objects and arrays keep their key, with an empty value. true, false and
// null come out as "\x00true", "\x00false", "\x00null" for the caller to
// label.
func catalogFlatten(raw string) ([]catalogKV, error) {
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var out []catalogKV
	var walk func(path []string) error
	walk = func(path []string) error {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key := strings.Join(path, "\x1f")
		switch t := tok.(type) {
		case json.Delim:
			n := 0
			for dec.More() {
				n++
				seg := strconv.Itoa(n)
				if t == '{' {
					kt, err := dec.Token()
					if err != nil {
						return err
					}
					seg, _ = kt.(string)
				}
				if err := walk(append(path[:len(path):len(path)], seg)); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil { // the closing delimiter
				return err
			}
			if n == 0 && key != "" {
				out = append(out, catalogKV{Key: key})
			}
		case string:
			out = append(out, catalogKV{Key: key, Value: t})
		case json.Number:
			out = append(out, catalogKV{Key: key, Value: t.String()})
		case bool:
			out = append(out, catalogKV{Key: key, Value: "\x00" + strconv.FormatBool(t)})
		case nil:
			out = append(out, catalogKV{Key: key, Value: "\x00null"})
		}
		return nil
	}
	if err := walk(nil); err != nil {
		return nil, err
	}
	if dec.More() {
		return nil, fmt.Errorf("trailing data")
	}
	return out, nil
}

// catalogFlattenStandard writes a standard, recorded as a list of
// {CompetencyID, Required}, as code: level pairs ("M.1: 3").
func catalogFlattenStandard(raw string, codes map[int64]string) ([]catalogKV, error) {
	var lines []struct {
		CompetencyID int64
		Required     int
	}
	if err := json.Unmarshal([]byte(raw), &lines); err != nil {
		return nil, err
	}
	out := []catalogKV{}
	for _, l := range lines {
		code, ok := codes[l.CompetencyID]
		if !ok {
			code = "#" + strconv.FormatInt(l.CompetencyID, 10)
		}
		out = append(out, catalogKV{Key: code, Value: strconv.Itoa(l.Required)})
	}
	return out, nil
}

// catalogDiff lists the keys whose values differ between before and after,
// in after's order, then the keys only before had.
func catalogDiff(before, after []catalogKV, absent string) []catalogChange {
	b := make(map[string]string, len(before))
	for _, kv := range before {
		b[kv.Key] = kv.Value
	}
	a := make(map[string]bool, len(after))
	var out []catalogChange
	for _, kv := range after {
		a[kv.Key] = true
		old, ok := b[kv.Key]
		switch {
		case !ok:
			out = append(out, catalogChange{Key: kv.Key, Before: absent, After: kv.Value})
		case old != kv.Value:
			out = append(out, catalogChange{Key: kv.Key, Before: old, After: kv.Value})
		}
	}
	for _, kv := range before {
		if !a[kv.Key] {
			out = append(out, catalogChange{Key: kv.Key, Before: kv.Value, After: absent})
		}
	}
	return out
}
