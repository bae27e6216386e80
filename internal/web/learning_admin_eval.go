package web

import (
	"net/http"

	"asah/internal/app"
	"asah/internal/learning"
)

// The evaluation of a program over its events (Kirkpatrick): reaction
// (survey averages), learning (pre→post), behaviour (the supervisors'
// follow-up) and results (the level change of the target competencies
// against colleagues of the same starting level who did not take part),
// with the completion and no-show rates. Only counts and averages: no names.

// ladmEvalPage is the evaluation page.
type ladmEvalPage struct {
	V        app.ProgramEvaluationView
	Chart    barChart
	Outcomes []ladmEvalCount
	Rates    [2]string // completion, no-show
	Scales   []ladmEvalScale
	Overall  string
	Gain     [4]string // mean pre, mean post, mean gain, improved
	Applied  []ladmEvalCount
	Levels   []ladmEvalLevel
	EditURL  string
	PageURL  string
	HasData  bool
}

// ladmEvalCount is a labelled count.
type ladmEvalCount struct {
	Key   string
	Count string
	Share string
}

// ladmEvalScale is one scale of the reaction survey.
type ladmEvalScale struct {
	Key     string
	Average string
}

// ladmEvalLevel is one line of the level comparison: every target
// competency pooled (Code "") or one of them.
type ladmEvalLevel struct {
	Code, Name          string
	Participants        string
	ParticipantChange   string
	Others, OtherChange string
	Difference          string
	Unmatched           string
	Matched             bool
}

func (s *server) ladmEvaluation() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		lang := requestLang(r)
		tr := s.ladmTr(r)
		v, err := s.app.ProgramEvaluation(ctx, actor, r.PathValue("code"))
		if err != nil {
			s.appError(w, r, err, "")
			return
		}
		p := &ladmEvalPage{V: v, HasData: v.Outcome.Total() > 0 || v.Reactions.Responses > 0 || v.Events > 0}
		o := v.Outcome
		total := o.Total()
		share := func(n, of int) string {
			if of == 0 {
				return "–"
			}
			return formatPercent(100*float64(n)/float64(of), lang)
		}
		p.Chart = barChart{Axis: tr("ladm.eval.participants_axis")}
		for _, c := range []struct {
			key, kind string
			n         int
		}{{"completed", "ms", o.Completed}, {"not_completed", "mms", o.NotCompleted}, {"no_show", "kms", o.NoShow}, {"attended", "required", o.Attended}} {
			p.Outcomes = append(p.Outcomes, ladmEvalCount{Key: c.key, Count: formatInt(c.n, lang), Share: share(c.n, total)})
			p.Chart.Labels = append(p.Chart.Labels, tr("ladm.eval.outcome."+c.key))
			p.Chart.Values = append(p.Chart.Values, c.n)
			p.Chart.Kinds = append(p.Chart.Kinds, c.kind)
		}
		p.Rates = [2]string{share(o.Completed, total), share(o.NoShow, total)}
		avg := func(x float64) string { return formatDecimal(x, 2, lang) }
		for i, k := range learning.ReactionScales {
			a := "–"
			if v.Reactions.Responses > 0 {
				a = avg(v.Reactions.Averages[i])
			}
			p.Scales = append(p.Scales, ladmEvalScale{Key: k, Average: a})
		}
		p.Overall = "–"
		if v.Reactions.Responses > 0 {
			p.Overall = avg(v.Reactions.Overall)
		}
		p.Gain = [4]string{"–", "–", "–", "–"}
		if g := v.Gain; g.N > 0 {
			p.Gain = [4]string{formatDecimal(g.Pre, 1, lang), formatDecimal(g.Post, 1, lang), formatSigned(g.Average, 1, lang),
				formatInt(g.Improved, lang)}
		}
		at := v.Applied.Total()
		for _, c := range []struct {
			key string
			n   int
		}{{"yes", v.Applied.Yes}, {"partly", v.Applied.Partly}, {"no", v.Applied.No}} {
			p.Applied = append(p.Applied, ladmEvalCount{Key: c.key, Count: formatInt(c.n, lang), Share: share(c.n, at)})
		}
		line := func(code, name string, c learning.LevelComparison) ladmEvalLevel {
			l := ladmEvalLevel{Code: code, Name: name, Participants: formatInt(c.Participants, lang), Others: formatInt(c.Others, lang),
				Unmatched: formatInt(c.Unmatched, lang), Matched: c.Participants > 0, ParticipantChange: "–", OtherChange: "–", Difference: "–"}
			if l.Matched {
				l.ParticipantChange, l.OtherChange = formatSigned(c.ParticipantChange, 2, lang), formatSigned(c.OthersChange, 2, lang)
				l.Difference = formatSigned(c.Difference, 2, lang)
			}
			return l
		}
		p.Levels = append(p.Levels, line("", "", v.LevelChange))
		for _, t := range v.PerTarget {
			p.Levels = append(p.Levels, line(t.Target.Code, t.Target.Name, t.Comparison))
		}
		if d, err := s.app.ProgramDetail(ctx, actor, v.ProgramCode); err == nil && d.CanManage {
			p.EditURL = ladmProgramEditURL(v.ProgramCode)
		}
		if s.ladmServed(actor, "GET /learning/programs/{code}") {
			p.PageURL = ladmProgramURL(v.ProgramCode)
		}
		crumbs := []crumb{{Label: tr("ladm.programs")}, {Label: v.ProgramCode, URL: p.EditURL}, {Label: tr("ladm.eval.title")}}
		s.render(w, r, http.StatusOK, "learning_admin_evaluation", &view{Nav: "learning_admin", Crumbs: crumbs, Charts: true, Data: p})
	})
}
