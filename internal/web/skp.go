package web

import (
	"cmp"
	"net/http"
	"slices"
	"strconv"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/performance"
	"asah/internal/store"
)

// skpPage is an employee's SKP of one year: the summary, the plan, the
// evaluations, the feedback, the talent placement and the past years, with
// the forms the viewer may use now. After a refused action the page shows
// again with the user's input and the app's message beside the form.
type skpPage struct {
	E       store.EmployeeRow
	NIP     string
	Self    bool
	Profile string
	Base    string // this page without ?year=
	IDPURL  string
	PerfURL string // the periods of the year, for those who open them
	Year    int
	Prev    string // the year before ("" at the limit)
	Next    string
	NextY   int
	V       app.SKPView
	Rater   string
	// Evals are the evaluations in period order, the annual one last.
	Evals   []skpEval
	Final   performance.Predikat
	Values  []skpValue
	Results []skpResultForm // the plan as stored, numbered
	History []skpHistory
	Comps   []compOption

	// Forms: what the user entered (or the stored plan), and the messages.
	Plan     []skpResultForm
	PlanMore bool // more results may be added after saving
	Feedback string
	Eval     skpEvalForm
	Open     []periodOption // the open periods an evaluation may be recorded for
	Errors   map[string]formErrors
	Today    string

	Talent *talentSection
}

// skpEval is one evaluation as the page shows it.
type skpEval struct {
	performance.Evaluation
	Period    string
	Strengths []skpNote
	Weak      []skpNote
	CanAck    bool
}

type skpNote struct {
	Code, Name, NameEN, Text string
}

// skpValue is one BerAKHLAK core value with its common guide and the special
// expectation of this SKP.
type skpValue struct {
	Value   performance.CoreValue
	Label   string
	Special string
}

type skpHistory struct {
	store.SKPSummary
	URL     string
	Current bool
}

// compOption is a competency of the dictionary to pick.
type compOption struct {
	Code, Name, NameEN string
	Kind               competency.Kind
}

// periodOption is an evaluation period to pick.
type periodOption struct {
	Seq      int
	Name     string
	Selected bool
}

// skpResultForm is a work result as edited: its indicators with one blank
// row to add another.
type skpResultForm struct {
	N          int // from 1
	Text       string
	Indicators []skpIndicatorForm
}

type skpIndicatorForm struct {
	N            int
	Text, Target string
}

// skpEvalForm is the evaluation form as entered.
type skpEvalForm struct {
	Period      string
	Hasil       string
	Perilaku    string
	EvaluatedOn string
	Note        string
	Strengths   []skpNoteForm
	Weaknesses  []skpNoteForm
}

type skpNoteForm struct {
	Key, Competency, Text string // Key: s0, w1, … (the field names' prefix)
	Err                   string
}

// noteRows is how many strengths and how many weaknesses the evaluation
// form offers.
const noteRows = 3

func (s *server) handleSKP() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		year, ok := s.yearOf(r.URL.Query().Get("year"))
		if !ok {
			s.notFound(w, r, "")
			return
		}
		p, ok := s.skpLoad(w, r, year)
		if !ok {
			return
		}
		s.skpRender(w, r, http.StatusOK, p)
	})
}

// skpLoad reads the SKP of the employee of the URL and builds the page with
// the stored plan in its form. It answers 404 or 403 itself (ok false).
func (s *server) skpLoad(w http.ResponseWriter, r *http.Request, year int) (*skpPage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	nip, ok := s.nipOf(r)
	if !ok {
		s.notFound(w, r, "employee")
		return nil, false
	}
	v, err := s.app.SKP(ctx, actor, nip, year)
	if err != nil {
		s.appError(w, r, err, "employee")
		return nil, false
	}
	p := s.skpPageOf(r, actor, v, year)
	if actor.Can(app.PermTalentRead) {
		tv, err := s.app.EmployeeTalent(ctx, actor, v.Employee.NIP)
		if err != nil {
			s.appError(w, r, err, "employee")
			return nil, false
		}
		p.Talent = s.talentSectionOf(r, actor, tv)
		p.Talent.Year = year
	}
	return p, true
}

func (s *server) skpPageOf(r *http.Request, actor app.Actor, v app.SKPView, year int) *skpPage {
	lang := requestLang(r)
	e := v.Employee
	base := s.employeeURL(r, actor, e, "/skp")
	p := &skpPage{E: e, NIP: shownNIP(actor, e), Self: actor.EmployeeID != 0 && actor.EmployeeID == e.ID,
		Profile: s.employeeURL(r, actor, e), Base: base, Year: year, V: v, Rater: v.RaterName,
		Errors: map[string]formErrors{}, Today: s.app.Today().Format("2006-01-02")}
	if year > 2000 {
		p.Prev = withYear(base, year-1, "")
	}
	if year < s.app.Today().Year()+1 {
		p.Next, p.NextY = withYear(base, year+1, ""), year+1
	}
	if actor.Can(app.PermIDPRead) {
		p.IDPURL = withYear(s.employeeURL(r, actor, e, "/idp"), year, "")
	}
	if actor.Can(app.PermPeriodManage) {
		p.PerfURL = "/performance?year=" + strconv.Itoa(year)
	}
	p.Comps = compOptions(v.Competencies)
	periods := map[int]performance.Period{}
	for _, pd := range v.Periods {
		periods[pd.Seq] = pd
	}
	k := &v.SKP
	for _, ev := range k.Evaluations {
		x := skpEval{Evaluation: ev, Period: periodName(periods[ev.PeriodSeq], lang),
			CanAck: v.Can.Acknowledge && ev.AcknowledgedAt.IsZero()}
		if _, ok := periods[ev.PeriodSeq]; !ok {
			x.Period = strconv.Itoa(ev.PeriodSeq)
		}
		for _, n := range ev.Notes {
			c := v.Competencies[n.CompetencyID]
			note := skpNote{Code: c.Code, Name: c.Name, NameEN: c.NameEN, Text: n.Text}
			if n.Kind == performance.Strength {
				x.Strengths = append(x.Strengths, note)
			} else {
				x.Weak = append(x.Weak, note)
			}
		}
		p.Evals = append(p.Evals, x)
	}
	p.Final, _ = k.FinalPredikat()
	for _, cv := range performance.CoreValues() {
		p.Values = append(p.Values, skpValue{Value: cv, Label: cv.Label(), Special: k.Plan.Expectations[cv]})
	}
	for _, h := range v.History {
		p.History = append(p.History, skpHistory{SKPSummary: h, URL: withYear(base, h.Year, ""), Current: h.Year == year})
	}
	p.setPlanForm(k.Plan)
	p.Results = slices.Clone(p.Plan[:len(k.Plan.Results)])
	for i := range p.Results {
		p.Results[i].Indicators = p.Results[i].Indicators[:len(k.Plan.Results[i].Indicators)]
	}
	p.Eval = skpEvalForm{EvaluatedOn: p.Today}
	p.setNoteRows(nil, nil)
	p.setOpenPeriods("")
	return p
}

// setPlanForm fills the plan form from a plan, with a blank indicator row
// under every result and a blank result to add (within the limits).
func (p *skpPage) setPlanForm(plan performance.Plan) {
	p.Plan = p.Plan[:0]
	for i, res := range plan.Results {
		f := skpResultForm{N: i + 1, Text: res.Text}
		for j, ind := range res.Indicators {
			f.Indicators = append(f.Indicators, skpIndicatorForm{N: j + 1, Text: ind.Text, Target: ind.Target})
		}
		f.Indicators = blankIndicators(f.Indicators, 1)
		p.Plan = append(p.Plan, f)
	}
	if len(p.Plan) < performance.MaxResults {
		p.Plan = append(p.Plan, skpResultForm{N: len(p.Plan) + 1, Indicators: blankIndicators(nil, 2)})
	}
	p.PlanMore = len(p.Plan) < performance.MaxResults
	special := map[performance.CoreValue]string{}
	for cv, t := range plan.Expectations {
		special[cv] = t
	}
	for i := range p.Values {
		p.Values[i].Special = special[p.Values[i].Value]
	}
}

func blankIndicators(inds []skpIndicatorForm, n int) []skpIndicatorForm {
	for k := 0; k < n && len(inds) < performance.MaxIndicators; k++ {
		inds = append(inds, skpIndicatorForm{N: len(inds) + 1})
	}
	return inds
}

// setNoteRows fills the strength and weakness rows of the evaluation form.
func (p *skpPage) setNoteRows(strengths, weaknesses []skpNoteForm) {
	rows := func(kind string, in []skpNoteForm) []skpNoteForm {
		out := make([]skpNoteForm, noteRows)
		for i := range out {
			out[i].Key = kind + strconv.Itoa(i)
			if i < len(in) {
				out[i].Competency, out[i].Text = in[i].Competency, in[i].Text
			}
		}
		return out
	}
	p.Eval.Strengths = rows("s", strengths)
	p.Eval.Weaknesses = rows("w", weaknesses)
}

// setOpenPeriods lists the open periods, selecting the chosen one or, by
// default, the first periodic one not yet evaluated (else the annual one).
func (p *skpPage) setOpenPeriods(chosen string) {
	p.Open = p.Open[:0]
	done := map[int]bool{}
	for _, ev := range p.V.SKP.Evaluations {
		done[ev.PeriodSeq] = true
	}
	pick := -1
	if n, err := strconv.Atoi(chosen); err == nil && chosen != "" {
		pick = n
	}
	for _, pd := range p.V.Periods {
		if pd.Status != performance.PeriodOpen {
			continue
		}
		if pick < 0 && !pd.Annual() && !done[pd.Seq] {
			pick = pd.Seq
		}
		p.Open = append(p.Open, periodOption{Seq: pd.Seq, Name: pd.Name})
	}
	if pick < 0 && len(p.Open) > 0 {
		pick = p.Open[len(p.Open)-1].Seq
		for _, o := range p.Open {
			if o.Seq == performance.AnnualSeq && p.V.SKP.Status == performance.StatusEvaluated {
				pick = o.Seq
			}
		}
	}
	for i := range p.Open {
		p.Open[i].Selected = p.Open[i].Seq == pick
	}
	p.Eval.Period = strconv.Itoa(pick)
}

// compOptions orders the dictionary managerial, sociocultural, technical,
// then by code.
func compOptions(m map[int64]competency.Competency) []compOption {
	out := make([]compOption, 0, len(m))
	for _, c := range m {
		out = append(out, compOption{Code: c.Code, Name: c.Name, NameEN: c.NameEN, Kind: c.Kind})
	}
	return sortedOptions(out)
}

// sortedOptions orders competencies managerial, sociocultural, technical,
// then by code.
func sortedOptions(out []compOption) []compOption {
	slices.SortFunc(out, func(a, b compOption) int {
		if c := cmp.Compare(kindOrder(a.Kind), kindOrder(b.Kind)); c != 0 {
			return c
		}
		return compareCodes(a.Code, b.Code)
	})
	return out
}

// periodName names a period in the page's language ("Triwulan II",
// "Quarter II", "Tahunan", "Annual").
func periodName(p performance.Period, lang string) string {
	if lang != "en" {
		return p.Name
	}
	roman := [...]string{"", "I", "II", "III", "IV", "V", "VI"}
	switch {
	case p.Annual():
		return "Annual"
	case p.Frequency == performance.Quarterly && p.Seq < len(roman):
		return "Quarter " + roman[p.Seq]
	case p.Frequency == performance.HalfYearly && p.Seq < len(roman):
		return "Half-year " + roman[p.Seq]
	case p.Frequency == performance.Monthly && p.Seq >= 1 && p.Seq <= 12:
		return time.Month(p.Seq).String()
	}
	return p.Name
}

func (s *server) skpRender(w http.ResponseWriter, r *http.Request, status int, p *skpPage) {
	actor, _ := actorFrom(r.Context())
	lang := requestLang(r)
	for i := range p.Open {
		for _, pd := range p.V.Periods {
			if pd.Seq == p.Open[i].Seq {
				p.Open[i].Name = periodName(pd, lang)
			}
		}
	}
	var crumbs []crumb
	if actor.Can(app.PermEmployeeList) {
		crumbs = append(crumbs, crumb{Label: s.i18n.translate(lang, "nav.employee_list"), URL: "/employees"})
	}
	crumbs = append(crumbs, crumb{Label: displayName(p.E.Employee), URL: p.Profile},
		crumb{Label: s.i18n.translate(lang, "skp.crumb", "Year", p.Year)})
	nav := "employees"
	if p.Self {
		nav = "skp"
	}
	s.render(w, r, status, "skp", &view{Nav: nav, Crumbs: crumbs, Data: p})
}
