package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"asah/internal/app"
	"asah/internal/performance"
)

// skpFragments names the part of the SKP page each action returns to.
var skpFragments = map[string]string{
	"create": "summary", "plan": "plan", "agree": "summary", "revise": "summary",
	"feedback": "feedback", "evaluate": "evaluations", "acknowledge": "evaluations",
}

// skpAction handles one workflow step posted from the SKP page: on success
// it redirects back to the page (Post/Redirect/Get) with a message; when the
// app refuses it, the page shows again with the message beside the form and
// the user's input kept.
func (s *server) skpAction(kind string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		f := r.PostForm
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
		var v app.SKPView
		var err error
		var plan performance.Plan
		var eval app.EvaluationInput
		var rows []string // evaluation notes: the form row of each
		var fe formErrors
		switch kind {
		case "create":
			v, err = s.app.CreateSKP(ctx, actor, nip, year)
		case "plan":
			plan = planFromForm(f)
			v, err = s.app.SaveSKPPlan(ctx, actor, nip, year, plan)
		case "agree":
			v, err = s.app.AgreeSKP(ctx, actor, nip, year)
		case "revise":
			v, err = s.app.ReviseSKP(ctx, actor, nip, year)
		case "feedback":
			v, err = s.app.AddSKPFeedback(ctx, actor, nip, year, f.Get("text"))
		case "evaluate":
			eval, rows, fe = s.evalFromForm(requestLang(r), f)
			if len(fe) == 0 {
				v, err = s.app.EvaluateSKP(ctx, actor, nip, year, eval)
			}
		case "acknowledge":
			seq, cerr := strconv.Atoi(f.Get("seq"))
			if cerr != nil {
				seq = -1 // no such period: the app refuses it
			}
			v, err = s.app.AcknowledgeEvaluation(ctx, actor, nip, year, seq)
		}
		status := http.StatusUnprocessableEntity
		if err != nil {
			var ok bool
			if fe, status, ok = s.appFormErrors(requestLang(r), err, "skp", kind); !ok {
				s.appError(w, r, err, "employee")
				return
			}
		}
		if len(fe) == 0 {
			s.flash(r, "skp.done."+kind)
			http.Redirect(w, r, withYear(s.employeeURL(r, actor, v.Employee, "/skp"), year, skpFragments[kind]), http.StatusSeeOther)
			return
		}
		p, ok := s.skpLoad(w, r, year)
		if !ok {
			return
		}
		if kind == "evaluate" {
			fe = noteErrors(fe, rows)
		}
		p.Errors[kind] = fe
		switch kind {
		case "plan":
			if p.V.Can.EditPlan { // else the stored plan stays on show
				p.setPlanForm(plan)
			}
		case "feedback":
			p.Feedback = f.Get("text")
		case "evaluate":
			p.Eval = skpEvalForm{Hasil: f.Get("hasil"), Perilaku: f.Get("perilaku"), EvaluatedOn: f.Get("evaluated_on"), Note: f.Get("note")}
			var ss, ws []skpNoteForm
			for i := 0; i < noteRows; i++ {
				ss = append(ss, skpNoteForm{Competency: f.Get(fmt.Sprintf("s%d.competency", i)), Text: f.Get(fmt.Sprintf("s%d.text", i))})
				ws = append(ws, skpNoteForm{Competency: f.Get(fmt.Sprintf("w%d.competency", i)), Text: f.Get(fmt.Sprintf("w%d.text", i))})
			}
			p.setNoteRows(ss, ws)
			for _, rows := range [][]skpNoteForm{p.Eval.Strengths, p.Eval.Weaknesses} {
				for i := range rows {
					for _, field := range []string{"competency", "kind", "text"} {
						if m := fe[rows[i].Key+"."+field]; m != "" && rows[i].Err == "" {
							rows[i].Err = m
						}
					}
				}
			}
			p.setOpenPeriods(f.Get("period"))
		}
		s.skpRender(w, r, status, p)
	})
}

// planFromForm reads the plan form: results r0…, their indicators r0.i0…,
// and the special expectation of each core value. Rows left wholly blank
// are dropped; anything else goes to the app, which names what is missing.
func planFromForm(f url.Values) performance.Plan {
	var plan performance.Plan
	for i := 0; i < performance.MaxResults+1; i++ {
		res := performance.WorkResult{Text: f.Get(fmt.Sprintf("r%d.text", i))}
		for j := 0; j < performance.MaxIndicators+1; j++ {
			ind := performance.Indicator{Text: f.Get(fmt.Sprintf("r%d.i%d.text", i, j)), Target: f.Get(fmt.Sprintf("r%d.i%d.target", i, j))}
			if strings.TrimSpace(ind.Text) != "" || strings.TrimSpace(ind.Target) != "" {
				res.Indicators = append(res.Indicators, ind)
			}
		}
		if strings.TrimSpace(res.Text) != "" || len(res.Indicators) > 0 {
			plan.Results = append(plan.Results, res)
		}
	}
	for _, cv := range performance.CoreValues() {
		if t := f.Get("exp." + string(cv)); strings.TrimSpace(t) != "" {
			if plan.Expectations == nil {
				plan.Expectations = map[performance.CoreValue]string{}
			}
			plan.Expectations[cv] = t
		}
	}
	return plan
}

// evalFromForm reads the evaluation form. rows[i] names the form row
// (s0, w1, …) of the i-th note passed to the app, so that the app's message
// on a note shows beside its row. A missing choice is reported here.
func (s *server) evalFromForm(lang string, f url.Values) (app.EvaluationInput, []string, formErrors) {
	in := app.EvaluationInput{Hasil: f.Get("hasil"), Perilaku: f.Get("perilaku"), Note: f.Get("note"), EvaluatedOn: f.Get("evaluated_on")}
	fe := formErrors{}
	seq, err := strconv.Atoi(f.Get("period"))
	if err != nil {
		fe["period"] = s.i18n.translate(lang, "skp.err.evaluate.period")
	}
	in.Period = seq
	if in.Hasil == "" {
		fe["hasil"] = s.i18n.translate(lang, "skp.err.evaluate.hasil")
	}
	if in.Perilaku == "" {
		fe["perilaku"] = s.i18n.translate(lang, "skp.err.evaluate.perilaku")
	}
	var rows []string
	for _, kind := range []struct{ key, kind string }{{"s", string(performance.Strength)}, {"w", string(performance.Weakness)}} {
		for i := 0; i < noteRows; i++ {
			key := kind.key + strconv.Itoa(i)
			code, text := strings.TrimSpace(f.Get(key+".competency")), f.Get(key+".text")
			if code == "" && strings.TrimSpace(text) == "" {
				continue
			}
			if code == "" {
				fe[key+".competency"] = s.i18n.translate(lang, "skp.err.evaluate.notes.competency")
				continue
			}
			in.Notes = append(in.Notes, app.NoteInput{Kind: kind.kind, Competency: code, Text: text})
			rows = append(rows, key)
		}
	}
	return in, rows, fe
}

// noteErrors moves the app's messages on notes ("notes.2.competency") to
// the form rows they came from ("w0.competency").
func noteErrors(fe formErrors, rows []string) formErrors {
	out := formErrors{}
	for k, v := range fe {
		if rest, ok := strings.CutPrefix(k, "notes."); ok {
			if i, field, ok := strings.Cut(rest, "."); ok {
				if n, err := strconv.Atoi(i); err == nil && n >= 0 && n < len(rows) {
					out[rows[n]+"."+field] = v
					continue
				}
			}
		}
		out[k] = v
	}
	return out
}
