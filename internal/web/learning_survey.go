package web

import (
	"net/http"
	"strconv"

	"asah/internal/app"
	"asah/internal/learning"
)

// surveyPage is the reaction survey of one event for its attendee: the
// four 1–5 scales and a comment, answered once.
type surveyPage struct {
	Event    app.EventView
	EventURL string
	Eval     app.EnrollmentEvaluation
	Scales   []surveyScale
	Comment  string
	Errors   formErrors
}

// surveyScale is one question with the value chosen.
type surveyScale struct {
	Key     string
	Chosen  int
	Shown   int // the stored answer, once answered
	Options []int
}

// surveyLoad reads the reader's enrollment in the event of the URL and
// its evaluation; someone without an enrollment there gets 404.
func (s *server) surveyLoad(w http.ResponseWriter, r *http.Request) (*surveyPage, bool) {
	ctx := r.Context()
	actor, _ := actorFrom(ctx)
	code, ok := codeParam(r)
	if !ok {
		s.notFound(w, r, "")
		return nil, false
	}
	v, err := s.app.Event(ctx, actor, code)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	if v.Mine == nil {
		s.notFound(w, r, "")
		return nil, false
	}
	ev, err := s.app.EnrollmentEvaluationOf(ctx, actor, v.Mine.ID)
	if err != nil {
		s.appError(w, r, err, "")
		return nil, false
	}
	p := &surveyPage{Event: v, EventURL: eventURL(v.Code), Eval: ev}
	var stored [4]int
	if ev.Reaction != nil {
		stored = ev.Reaction.Scores()
	}
	for i, k := range learning.ReactionScales {
		p.Scales = append(p.Scales, surveyScale{Key: k, Shown: stored[i], Options: []int{1, 2, 3, 4, 5}})
	}
	return p, true
}

func (s *server) handleSurvey() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := s.surveyLoad(w, r)
		if !ok {
			return
		}
		s.surveyRender(w, r, http.StatusOK, p)
	})
}

func (s *server) handleSurveySubmit() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !postForm(w, r) {
			return
		}
		p, ok := s.surveyLoad(w, r)
		if !ok {
			return
		}
		ctx := r.Context()
		actor, _ := actorFrom(ctx)
		var vals [4]int
		for i, k := range learning.ReactionScales {
			vals[i], _ = strconv.Atoi(r.PostFormValue(k)) // not a number: 0, which the use case refuses by name
			p.Scales[i].Chosen = vals[i]
		}
		p.Comment = r.PostFormValue("comment")
		err := s.app.SubmitReaction(ctx, actor, p.Eval.Enrollment.ID, learning.Reaction{Relevance: vals[0], Content: vals[1],
			Facilitator: vals[2], Organisation: vals[3], Comment: p.Comment})
		if err == nil {
			s.flash(r, "learning.done.survey")
			http.Redirect(w, r, "/learning/mine#enrollments", http.StatusSeeOther)
			return
		}
		fe, status, ok := s.appFormErrors(requestLang(r), err, "learning", "survey")
		if !ok {
			s.appError(w, r, err, "")
			return
		}
		p.Errors = fe
		s.surveyRender(w, r, status, p)
	})
}

func (s *server) surveyRender(w http.ResponseWriter, r *http.Request, status int, p *surveyPage) {
	lang := requestLang(r)
	s.render(w, r, status, "learning_survey", &view{Nav: "learning_mine", Data: p, Crumbs: []crumb{
		{Label: s.i18n.translate(lang, "learning.mine.title"), URL: "/learning/mine"},
		{Label: p.Event.Title, URL: p.EventURL}, {Label: s.i18n.translate(lang, "learning.survey.title")}}})
}
