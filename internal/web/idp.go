package web

import (
	"net/http"
	"net/url"
	"strconv"
	"time"

	"asah/internal/app"
	"asah/internal/development"
	"asah/internal/people"
	"asah/internal/store"
)

// idpPage is an employee's individual development plan of one year, or,
// before there is one, the plan Asah proposes; with the forms the viewer
// may use now (create from the proposal, edit, submit, approve or return,
// item progress).
type idpPage struct {
	E       store.EmployeeRow
	NIP     string
	Self    bool
	Profile string
	Base    string
	SKPURL  string
	Year    int
	Prev    string // the year before ("" at the limit)
	Next    string
	NextY   int
	V       app.IDPView
	Items   []idpItem
	JPBar   string // bar class of planned JP against the target
	DoneBar string
	Comps   []compOption
	Forms   []development.FormInfo
	Months  []idpMonth
	Levels  []int

	// Forms: what the user entered and the messages.
	Edit     []idpItemForm
	Comment  string
	Errors   map[string]formErrors
	Progress int64 // the item whose progress form failed
}

// idpItem is an item as the page shows it.
type idpItem struct {
	app.IDPItemView
	NameEN    string
	Level     string // "1 → 2"; "– → 2" when unassessed
	N         int
	Timeframe string
	Next      []development.ItemStatus // the progress it may move to
	// TrainingURL is the catalogue filtered by the item's competency ("":
	// the item is done or dropped, or the viewer may not read the catalogue).
	TrainingURL string
}

// idpItemForm is an item as edited.
type idpItemForm struct {
	N                            int
	ID                           string
	Competency, Target, Form, JP string
	Start, End, Reason           string
	Source                       development.Source
}

type idpMonth struct {
	N    int
	Name string
}

// blankItemRows is how many empty rows the edit form offers for new items.
const blankItemRows = 2

func (s *server) handleIDP() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		year, ok := s.yearOf(r.URL.Query().Get("year"))
		if !ok {
			s.notFound(w, r, "")
			return
		}
		p, ok := s.idpLoad(w, r, year)
		if !ok {
			return
		}
		s.idpRender(w, r, http.StatusOK, p)
	})
}

// idpLoad reads the plan (or the proposal) of the employee of the URL and
// builds the page with the stored items in the edit form.
func (s *server) idpLoad(w http.ResponseWriter, r *http.Request, year int) (*idpPage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	nip, ok := s.nipOf(r)
	if !ok {
		s.notFound(w, r, "employee")
		return nil, false
	}
	v, err := s.app.IDP(ctx, actor, nip, year)
	if err != nil {
		s.appError(w, r, err, "employee")
		return nil, false
	}
	lang := requestLang(r)
	e := v.Employee
	base := s.employeeURL(r, actor, e, "/idp")
	p := &idpPage{E: e, NIP: shownNIP(actor, e), Self: actor.EmployeeID != 0 && actor.EmployeeID == e.ID,
		Profile: s.employeeURL(r, actor, e), Base: base, Year: year, V: v, Errors: map[string]formErrors{},
		Forms: development.Forms(), Levels: []int{1, 2, 3, 4, 5}}
	if year > 2000 {
		p.Prev = withYear(base, year-1, "")
	}
	if year < s.app.Today().Year()+1 {
		p.Next, p.NextY = withYear(base, year+1, ""), year+1
	}
	if actor.Can(app.PermSKPRead) {
		p.SKPURL = withYear(s.employeeURL(r, actor, e, "/skp"), year, "")
	}
	for m := 1; m <= 12; m++ {
		p.Months = append(p.Months, idpMonth{N: m, Name: monthName(m, lang)})
	}
	comps, err := s.app.Competencies(ctx, actor)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	nameEN := make(map[string]string, len(comps))
	for _, c := range comps {
		nameEN[c.Code] = c.NameEN
	}
	training := actor.Can(app.PermLearningRead) && s.hasRoute("GET /learning")
	for i, it := range v.Items {
		from := "–"
		if it.CurrentLevel > 0 {
			from = strconv.Itoa(it.CurrentLevel)
		}
		x := idpItem{IDPItemView: it, NameEN: nameEN[it.Code], Level: from + " → " + strconv.Itoa(it.TargetLevel), N: i + 1, Timeframe: monthRange(it.StartMonth, it.EndMonth, year, lang)}
		if training && it.Status != development.ItemDone && it.Status != development.ItemDropped {
			x.TrainingURL = "/learning?" + url.Values{"competency": {it.Code}}.Encode()
		}
		if v.Can.Progress {
			for _, to := range []development.ItemStatus{development.ItemInProgress, development.ItemDone, development.ItemDropped} {
				if development.NextItem(it.Status, to) == nil {
					x.Next = append(x.Next, to)
				}
			}
		}
		p.Items = append(p.Items, x)
	}
	p.JPBar, p.DoneBar = barClass(1), barClass(0)
	if t := v.TargetJP; t > 0 {
		p.JPBar = barClass(float64(v.PlannedJP) / float64(t))
		p.DoneBar = barClass(float64(v.DoneJP) / float64(t))
	}
	if v.Can.Edit {
		for _, c := range comps {
			p.Comps = append(p.Comps, compOption{Code: c.Code, Name: c.Name, NameEN: c.NameEN, Kind: c.Kind})
		}
		p.Comps = sortedOptions(p.Comps)
		var rows []idpItemForm
		for _, it := range v.Items {
			rows = append(rows, idpItemForm{ID: strconv.FormatInt(it.ID, 10), Competency: it.Code, Target: strconv.Itoa(it.TargetLevel),
				Form: string(it.Form), JP: strconv.Itoa(it.PlannedJP), Start: strconv.Itoa(it.StartMonth), End: strconv.Itoa(it.EndMonth),
				Reason: it.Reason, Source: it.Source})
		}
		p.setEdit(rows)
	}
	return p, true
}

// setEdit numbers the edit form's rows and adds the blank ones.
func (p *idpPage) setEdit(rows []idpItemForm) {
	for k := 0; k < blankItemRows && len(rows) < development.MaxItems; k++ {
		rows = append(rows, idpItemForm{})
	}
	for i := range rows {
		rows[i].N = i + 1
	}
	p.Edit = rows
}

// monthName names a month in the page's language.
func monthName(m int, lang string) string {
	if lang == "en" {
		return time.Month(m).String()
	}
	return people.MonthNameID(time.Month(m))
}

// monthRange writes an item's timeframe: "April–Juni 2027", "March 2027".
func monthRange(start, end, year int, lang string) string {
	if start < 1 || start > 12 || end < 1 || end > 12 {
		return "–"
	}
	y := strconv.Itoa(year)
	if start == end {
		return monthName(start, lang) + " " + y
	}
	return monthName(start, lang) + "–" + monthName(end, lang) + " " + y
}

func (s *server) idpRender(w http.ResponseWriter, r *http.Request, status int, p *idpPage) {
	actor, _ := actorFrom(r.Context())
	lang := requestLang(r)
	var crumbs []crumb
	if actor.Can(app.PermEmployeeList) {
		crumbs = append(crumbs, crumb{Label: s.i18n.translate(lang, "nav.employee_list"), URL: "/employees"})
	}
	crumbs = append(crumbs, crumb{Label: displayName(p.E.Employee), URL: p.Profile},
		crumb{Label: s.i18n.translate(lang, "idp.crumb", "Year", p.Year)})
	nav := "employees"
	if p.Self {
		nav = "idp"
	}
	s.render(w, r, status, "idp", &view{Nav: nav, Crumbs: crumbs, Data: p})
}
