package api

import (
	"net/http"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/performance"
)

// This file serves one employee's SKP of a year (PermenPANRB 6/2022)
// through draft → agreed → evaluated → final: the plan, both agreements,
// feedback, the evaluation of each period with the predikat the app
// derives, and the employee's acknowledgement. Every rule (who may rate,
// which step is legal now) is decided by the app.

type indicatorJSON struct {
	Text   string `json:"text"`
	Target string `json:"target"`
}

type workResultJSON struct {
	Text       string          `json:"text"`
	Indicators []indicatorJSON `json:"indicators"`
}

// planJSON is the plan of an SKP, as read and as written (PUT …/plan).
type planJSON struct {
	Results      []workResultJSON  `json:"results"`
	Expectations map[string]string `json:"expectations"`
}

func newPlan(p performance.Plan) planJSON {
	out := planJSON{Results: make([]workResultJSON, 0, len(p.Results)), Expectations: map[string]string{}}
	for _, r := range p.Results {
		wr := workResultJSON{Text: r.Text, Indicators: make([]indicatorJSON, 0, len(r.Indicators))}
		for _, ind := range r.Indicators {
			wr.Indicators = append(wr.Indicators, indicatorJSON{Text: ind.Text, Target: ind.Target})
		}
		out.Results = append(out.Results, wr)
	}
	for v, t := range p.Expectations {
		out.Expectations[string(v)] = t
	}
	return out
}

func (p planJSON) plan() performance.Plan {
	out := performance.Plan{Results: make([]performance.WorkResult, 0, len(p.Results))}
	for _, r := range p.Results {
		wr := performance.WorkResult{Text: r.Text, Indicators: make([]performance.Indicator, 0, len(r.Indicators))}
		for _, ind := range r.Indicators {
			wr.Indicators = append(wr.Indicators, performance.Indicator{Text: ind.Text, Target: ind.Target})
		}
		out.Results = append(out.Results, wr)
	}
	if len(p.Expectations) > 0 {
		out.Expectations = make(map[performance.CoreValue]string, len(p.Expectations))
		for v, t := range p.Expectations {
			out.Expectations[performance.CoreValue(v)] = t
		}
	}
	return out
}

// planField names the part of a plan a refusal is about.
func (p planJSON) field(string) string {
	if (performance.Plan{Results: p.plan().Clean().Results}).Validate() != nil {
		return "results"
	}
	return "expectations"
}

type noteJSON struct {
	Kind           string `json:"kind"`
	Competency     string `json:"competency"`
	CompetencyName string `json:"competency_name"`
	Text           string `json:"text"`
}

type evaluationJSON struct {
	PeriodSeq      int        `json:"period_seq"`
	Period         string     `json:"period"`
	Annual         bool       `json:"annual"`
	Hasil          string     `json:"hasil"`
	Perilaku       string     `json:"perilaku"`
	Predikat       string     `json:"predikat"`
	Note           string     `json:"note"`
	Notes          []noteJSON `json:"notes"`
	EvaluatedOn    string     `json:"evaluated_on"`
	RaterName      string     `json:"rater_name"`
	AcknowledgedAt *string    `json:"acknowledged_at"`
}

type feedbackJSON struct {
	At     string `json:"at"`
	Author string `json:"author"`
	Text   string `json:"text"`
}

type raterJSON struct {
	NIP  *string `json:"nip"`
	Name string  `json:"name"`
}

type skpHistoryJSON struct {
	Year     int     `json:"year"`
	Status   string  `json:"status"`
	Predikat *string `json:"predikat"`
}

type skpActionsJSON struct {
	Create          bool `json:"create"`
	EditPlan        bool `json:"edit_plan"`
	AgreeAsEmployee bool `json:"agree_as_employee"`
	AgreeAsRater    bool `json:"agree_as_rater"`
	Revise          bool `json:"revise"`
	Feedback        bool `json:"feedback"`
	Evaluate        bool `json:"evaluate"`
	Acknowledge     bool `json:"acknowledge"`
}

// skpJSON is one employee's SKP of a year; before it is created, exists is
// false, status null and the lists empty (periods and actions still tell
// what can be done).
type skpJSON struct {
	NIP              string           `json:"nip"`
	Name             string           `json:"name"`
	Year             int              `json:"year"`
	Exists           bool             `json:"exists"`
	Status           *string          `json:"status"`
	Rater            *raterJSON       `json:"rater"`
	EmployeeAgreedAt *string          `json:"employee_agreed_at"`
	RaterAgreedAt    *string          `json:"rater_agreed_at"`
	FinalPredikat    *string          `json:"final_predikat"`
	Plan             planJSON         `json:"plan"`
	Evaluations      []evaluationJSON `json:"evaluations"`
	Feedback         []feedbackJSON   `json:"feedback"`
	Periods          []periodJSON     `json:"periods"`
	History          []skpHistoryJSON `json:"history"`
	Actions          skpActionsJSON   `json:"actions"`
	UpdatedAt        *string          `json:"updated_at"`
}

// newSKP renders a view. The rater's NIP is given only when the rater lies
// in the caller's scope (a NIP carries a birth date); the name always.
func (s *server) newSKP(r *http.Request, actor app.Actor, v app.SKPView, year int) (skpJSON, error) {
	e, k := v.Employee, v.SKP
	out := skpJSON{NIP: e.NIP, Name: e.Name, Year: year, Exists: v.Exists, Plan: newPlan(k.Plan),
		Evaluations: []evaluationJSON{}, Feedback: []feedbackJSON{}, Periods: make([]periodJSON, 0, len(v.Periods)),
		History: make([]skpHistoryJSON, 0, len(v.History)),
		Actions: skpActionsJSON{Create: v.Can.Create, EditPlan: v.Can.EditPlan, AgreeAsEmployee: v.Can.AgreeAsEmployee,
			AgreeAsRater: v.Can.AgreeAsRater, Revise: v.Can.Revise, Feedback: v.Can.Feedback, Evaluate: v.Can.Evaluate,
			Acknowledge: v.Can.Acknowledge}}
	if v.RaterName != "" {
		out.Rater = &raterJSON{Name: v.RaterName}
		if v.RaterNIP != "" {
			ok, err := s.app.InScope(r.Context(), actor, v.RaterNIP)
			if err != nil {
				return out, err
			}
			if ok {
				out.Rater.NIP = &v.RaterNIP
			}
		}
	}
	periodName := map[int]string{}
	for _, p := range v.Periods {
		out.Periods = append(out.Periods, newPeriod(p))
		periodName[p.Seq] = p.Name
	}
	for _, h := range v.History {
		out.History = append(out.History, skpHistoryJSON{Year: h.Year, Status: string(h.Status), Predikat: optional(string(h.Predikat))})
	}
	if !v.Exists {
		return out, nil
	}
	st := string(k.Status)
	out.Status = &st
	out.EmployeeAgreedAt, out.RaterAgreedAt, out.UpdatedAt = timestamp(k.EmployeeAgreedAt), timestamp(k.RaterAgreedAt), timestamp(k.UpdatedAt)
	if p, ok := k.FinalPredikat(); ok {
		out.FinalPredikat = optional(string(p))
	}
	for _, ev := range k.Evaluations {
		ej := evaluationJSON{PeriodSeq: ev.PeriodSeq, Period: periodName[ev.PeriodSeq], Annual: ev.Annual(), Hasil: string(ev.Hasil),
			Perilaku: string(ev.Perilaku), Predikat: string(ev.Predikat), Note: ev.Note, Notes: make([]noteJSON, 0, len(ev.Notes)),
			EvaluatedOn: date(ev.EvaluatedOn), RaterName: ev.RaterName, AcknowledgedAt: timestamp(ev.AcknowledgedAt)}
		for _, n := range ev.Notes {
			c := v.Competencies[n.CompetencyID]
			ej.Notes = append(ej.Notes, noteJSON{Kind: string(n.Kind), Competency: c.Code, CompetencyName: c.Name, Text: n.Text})
		}
		out.Evaluations = append(out.Evaluations, ej)
	}
	for _, f := range k.Feedback {
		out.Feedback = append(out.Feedback, feedbackJSON{At: f.At.UTC().Format(time.RFC3339), Author: f.Author, Text: f.Text})
	}
	return out, nil
}

// skpHandler serves one SKP route: step runs the use case for the
// employee and year of the path; the answer is the SKP afterwards.
func (s *server) skpHandler(status int, step func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error)) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		year, err := intParam(r, "year", minYear)
		if err != nil {
			return err
		}
		v, err := step(r, actor, r.PathValue("nip"), year)
		if err != nil {
			return err
		}
		out, err := s.newSKP(r, actor, v, year)
		if err != nil {
			return err
		}
		writeJSON(w, status, out)
		return nil
	}
}

func (s *server) handleSKP() apiHandler {
	return s.skpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error) {
		return s.app.SKP(r.Context(), actor, nip, year)
	})
}

func (s *server) handleCreateSKP() apiHandler {
	return s.skpHandler(http.StatusCreated, func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error) {
		return s.app.CreateSKP(r.Context(), actor, nip, year)
	})
}

// handleSKPPlan replaces the plan of a draft SKP; both agreements are cleared.
func (s *server) handleSKPPlan() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in planJSON
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Results == nil {
			return required("results", "daftar hasil kerja (results)")
		}
		return s.skpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error) {
			v, err := s.app.SaveSKPPlan(r.Context(), actor, nip, year, in.plan())
			return v, withField(err, in.field)
		})(w, r, actor)
	}
}

func (s *server) handleSKPAgree() apiHandler {
	return s.skpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error) {
		return s.app.AgreeSKP(r.Context(), actor, nip, year)
	})
}

func (s *server) handleSKPRevise() apiHandler {
	return s.skpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error) {
		return s.app.ReviseSKP(r.Context(), actor, nip, year)
	})
}

type feedbackInput struct {
	Text string `json:"text"`
}

func (s *server) handleSKPFeedback() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in feedbackInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		return s.skpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error) {
			v, err := s.app.AddSKPFeedback(r.Context(), actor, nip, year, in.Text)
			return v, withField(err, fixed("text"))
		})(w, r, actor)
	}
}

type noteInput struct {
	Kind       string `json:"kind"`
	Competency string `json:"competency"`
	Text       string `json:"text"`
}

type evaluationInput struct {
	Period      *int        `json:"period"`
	Hasil       string      `json:"hasil"`
	Perilaku    string      `json:"perilaku"`
	Note        string      `json:"note"`
	EvaluatedOn string      `json:"evaluated_on"`
	Notes       []noteInput `json:"notes"`
}

// handleSKPEvaluate records the evaluation of a period; the predikat is
// derived from the two ratings by the app, never sent.
func (s *server) handleSKPEvaluate() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in evaluationInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		// A missing period would otherwise be 0, the annual evaluation.
		if in.Period == nil {
			return required("period", "periode evaluasi (period; 0 untuk evaluasi tahunan)")
		}
		ei := app.EvaluationInput{Period: *in.Period, Hasil: in.Hasil, Perilaku: in.Perilaku, Note: in.Note, EvaluatedOn: in.EvaluatedOn}
		for _, n := range in.Notes {
			ei.Notes = append(ei.Notes, app.NoteInput{Kind: n.Kind, Competency: n.Competency, Text: n.Text})
		}
		return s.skpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error) {
			v, err := s.app.EvaluateSKP(r.Context(), actor, nip, year, ei)
			return v, withField(err, evaluationField)
		})(w, r, actor)
	}
}

// evaluationField names the field of a domain rule's refusal of an
// evaluation: the period (not open, another year), the overall note, or
// the strengths and weaknesses.
func evaluationField(msg string) string {
	switch {
	case strings.HasPrefix(msg, "periode "):
		return "period"
	case strings.HasPrefix(msg, "catatan evaluasi"):
		return "note"
	}
	return "notes"
}

func (s *server) handleSKPAcknowledge() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		seq, err := intParam(r, "seq", 0)
		if err != nil {
			return err
		}
		return s.skpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.SKPView, error) {
			return s.app.AcknowledgeEvaluation(r.Context(), actor, nip, year, seq)
		})(w, r, actor)
	}
}
