package api

import (
	"net/http"
	"net/url"
	"strings"

	"asah/internal/app"
	"asah/internal/learning"
)

// This file serves the training catalogue: the search, a program with the
// caller's own gaps it would close, and the programs' creation and changes
// by BKPSDM or the provider's own mitra.

type targetJSON struct {
	Competency string `json:"competency"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	Level      int    `json:"level"`
	MinLevel   int    `json:"min_level"`
}

type programJSON struct {
	Code               string       `json:"code"`
	Title              string       `json:"title"`
	Description        string       `json:"description"`
	JP                 int          `json:"jp"`
	Provider           string       `json:"provider"`
	ProviderName       string       `json:"provider_name"`
	ProviderKind       string       `json:"provider_kind"`
	Method             string       `json:"method"`
	Form               string       `json:"form"`
	FormLabel          string       `json:"form_label"`
	Delivery           string       `json:"delivery"`
	CostPerParticipant int64        `json:"cost_per_participant"`
	FixedCostPerEvent  int64        `json:"fixed_cost_per_event"`
	Mandatory          bool         `json:"mandatory"`
	EligibleKinds      []string     `json:"eligible_kinds"`
	Targets            []targetJSON `json:"targets"`
	RequiresPostTest   bool         `json:"requires_post_test"`
	PassScore          float64      `json:"pass_score"`
	MinAttendance      float64      `json:"min_attendance"`
	Archived           bool         `json:"archived"`
	NextEvent          *string      `json:"next_event"`
	CanManage          bool         `json:"can_manage"`
}

func newProgram(v app.ProgramView) programJSON {
	p := v.ProgramRow
	out := programJSON{Code: p.Code, Title: p.Title, Description: p.Description, JP: p.JP, Provider: p.ProviderCode,
		ProviderName: p.ProviderName, ProviderKind: string(p.ProviderKind), Method: string(p.Method), Form: string(p.Form),
		FormLabel: v.FormLabel, Delivery: string(p.Delivery), CostPerParticipant: p.CostPerParticipant,
		FixedCostPerEvent: p.FixedCostPerEvent, Mandatory: p.Mandatory, EligibleKinds: []string{}, Targets: []targetJSON{},
		RequiresPostTest: p.RequiresPostTest, PassScore: p.PassScore, MinAttendance: p.MinAttendance, Archived: p.Archived,
		NextEvent: civilDate(p.NextEvent), CanManage: v.CanManage}
	for _, k := range p.EligibleKinds {
		out.EligibleKinds = append(out.EligibleKinds, string(k))
	}
	for _, t := range v.Targets {
		out.Targets = append(out.Targets, targetJSON{Competency: t.Code, Name: t.Name, Kind: string(t.Kind), Level: t.Level, MinLevel: t.MinLevel})
	}
	return out
}

type programPageJSON struct {
	Items   []programJSON `json:"items"`
	Page    int           `json:"page"`
	PerPage int           `json:"per_page"`
	Total   int           `json:"total"`
}

// boolParam reads an optional true/false query parameter.
func boolParam(q url.Values, name string) (bool, error) {
	switch q.Get(name) {
	case "", "false":
		return false, nil
	case "true":
		return true, nil
	}
	return false, badRequest("parameter "+name+" harus true atau false", map[string]string{name: "harus true atau false"})
}

// textParam reads an optional short text query parameter.
func textParam(q url.Values, name string) (string, error) {
	v := strings.TrimSpace(q.Get(name))
	if len(v) > 100 {
		return "", badRequest("parameter "+name+" terlalu panjang", map[string]string{name: "terlalu panjang"})
	}
	return v, nil
}

// handlePrograms searches the catalogue.
func (s *server) handlePrograms() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		qs := r.URL.Query()
		var q app.CatalogueQuery
		for _, p := range []struct {
			name string
			dst  *string
		}{{"competency", &q.Competency}, {"method", &q.Method}, {"form", &q.Form}, {"provider", &q.Provider},
			{"from", &q.From}, {"to", &q.To}, {"q", &q.Q}} {
			v, err := textParam(qs, p.name)
			if err != nil {
				return err
			}
			*p.dst = v
		}
		var err error
		if q.Mandatory, err = boolParam(qs, "mandatory"); err != nil {
			return err
		}
		if q.Archived, err = boolParam(qs, "archived"); err != nil {
			return err
		}
		if q.Page, err = positiveParam(qs, "page"); err != nil {
			return err
		}
		if q.PerPage, err = positiveParam(qs, "per_page"); err != nil {
			return err
		}
		p, err := s.app.SearchCatalogue(r.Context(), actor, q)
		if err != nil {
			return err
		}
		out := programPageJSON{Items: make([]programJSON, 0, len(p.Programs)), Page: p.Page, PerPage: p.PerPage, Total: p.Total}
		for _, v := range p.Programs {
			out.Items = append(out.Items, newProgram(v))
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type gapCloseJSON struct {
	Competency   string `json:"competency"`
	Name         string `json:"name"`
	Required     int    `json:"required"`
	CurrentLevel *int   `json:"current_level"`
	TargetLevel  int    `json:"target_level"`
	GapBefore    *int   `json:"gap_before"`
	GapAfter     int    `json:"gap_after"`
	Closes       bool   `json:"closes"`
}

type eligibilityJSON struct {
	Eligible bool     `json:"eligible"`
	Reasons  []string `json:"reasons"`
}

type programDetailJSON struct {
	programJSON
	Events      []eventJSON      `json:"events"`
	Gaps        []gapCloseJSON   `json:"gaps"`
	Eligibility *eligibilityJSON `json:"eligibility"`
}

// handleProgram returns a program with its events and, for a caller who
// is an employee, the gaps of their own it would close and whether they
// are eligible (null otherwise).
func (s *server) handleProgram() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		d, err := s.app.ProgramDetail(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		out := programDetailJSON{programJSON: newProgram(d.ProgramView), Events: []eventJSON{}, Gaps: []gapCloseJSON{}}
		for _, ev := range d.Events {
			out.Events = append(out.Events, newEvent(ev))
		}
		for _, g := range d.Gaps {
			gj := gapCloseJSON{Competency: g.Code, Name: g.Name, Required: g.Required, TargetLevel: g.Target, GapAfter: g.GapAfter, Closes: g.Closes()}
			if g.Assessed {
				cur, before := g.Current, g.GapBefore
				gj.CurrentLevel, gj.GapBefore = &cur, &before
			}
			out.Gaps = append(out.Gaps, gj)
		}
		if d.HasRecord {
			reasons := d.Eligibility.Reasons
			if reasons == nil {
				reasons = []string{}
			}
			out.Eligibility = &eligibilityJSON{Eligible: d.Eligibility.OK, Reasons: reasons}
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type targetInput struct {
	Competency string `json:"competency"`
	Level      int    `json:"level"`
	MinLevel   int    `json:"min_level"`
}

type programInput struct {
	Code               string        `json:"code"`
	Title              string        `json:"title"`
	Description        string        `json:"description"`
	JP                 int           `json:"jp"`
	Provider           string        `json:"provider"`
	Method             string        `json:"method"`
	Form               string        `json:"form"`
	Delivery           string        `json:"delivery"`
	CostPerParticipant int64         `json:"cost_per_participant"`
	FixedCostPerEvent  int64         `json:"fixed_cost_per_event"`
	Mandatory          bool          `json:"mandatory"`
	EligibleKinds      []string      `json:"eligible_kinds"`
	Targets            []targetInput `json:"targets"`
	RequiresPostTest   bool          `json:"requires_post_test"`
	PassScore          float64       `json:"pass_score"`
	MinAttendance      float64       `json:"min_attendance"`
	Archived           bool          `json:"archived"`
}

func (in programInput) input() app.ProgramInput {
	out := app.ProgramInput{Code: in.Code, Title: in.Title, Description: in.Description, JP: in.JP, Provider: in.Provider,
		Method: in.Method, Form: in.Form, Delivery: in.Delivery, CostPerParticipant: in.CostPerParticipant,
		FixedCostPerEvent: in.FixedCostPerEvent, Mandatory: in.Mandatory, EligibleKinds: in.EligibleKinds,
		RequiresPostTest: in.RequiresPostTest, PassScore: in.PassScore, MinAttendance: in.MinAttendance, Archived: in.Archived}
	for _, t := range in.Targets {
		out.Targets = append(out.Targets, app.TargetInput{Competency: t.Competency, Level: t.Level, MinLevel: t.MinLevel})
	}
	return out
}

// programHandler decodes a program and answers the program a step made of it.
func (s *server) programHandler(status int, step func(r *http.Request, actor app.Actor, in app.ProgramInput) (app.ProgramView, error)) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in programInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		v, err := step(r, actor, in.input())
		if err != nil {
			return err
		}
		writeJSON(w, status, newProgram(v))
		return nil
	}
}

// handleCreateProgram adds a program (a mitra's is always its own
// institution's).
func (s *server) handleCreateProgram() apiHandler {
	return s.programHandler(http.StatusCreated, func(r *http.Request, actor app.Actor, in app.ProgramInput) (app.ProgramView, error) {
		return s.app.CreateProgram(r.Context(), actor, in)
	})
}

// handleUpdateProgram replaces a program's fields (the code may change).
func (s *server) handleUpdateProgram() apiHandler {
	return s.programHandler(http.StatusOK, func(r *http.Request, actor app.Actor, in app.ProgramInput) (app.ProgramView, error) {
		return s.app.UpdateProgram(r.Context(), actor, r.PathValue("code"), in)
	})
}

// levelComparisonJSON compares the level change of participants and of
// non-participants who started at the same level.
type levelComparisonJSON struct {
	Participants      int     `json:"participants"`
	ParticipantChange float64 `json:"participant_change"`
	Others            int     `json:"others"`
	OthersChange      float64 `json:"others_change"`
	Difference        float64 `json:"difference"`
	Unmatched         int     `json:"unmatched"`
}

func newLevelComparison(c learning.LevelComparison) levelComparisonJSON {
	return levelComparisonJSON{Participants: c.Participants, ParticipantChange: round(c.ParticipantChange, 4), Others: c.Others,
		OthersChange: round(c.OthersChange, 4), Difference: round(c.Difference, 4), Unmatched: c.Unmatched}
}

type targetChangeJSON struct {
	Competency  string              `json:"competency"`
	Name        string              `json:"name"`
	TargetLevel int                 `json:"target_level"`
	Comparison  levelComparisonJSON `json:"comparison"`
}

type programEvaluationJSON struct {
	Program        string  `json:"program"`
	Title          string  `json:"title"`
	Events         int     `json:"events"`
	CompletionRate float64 `json:"completion_rate"`
	NoShowRate     float64 `json:"no_show_rate"`
	Outcome        struct {
		Completed    int `json:"completed"`
		NotCompleted int `json:"not_completed"`
		NoShow       int `json:"no_show"`
		Attended     int `json:"attended"`
		Total        int `json:"total"`
	} `json:"outcome"`
	Reaction struct {
		Responses    int     `json:"responses"`
		Relevance    float64 `json:"relevance"`
		Content      float64 `json:"content"`
		Facilitator  float64 `json:"facilitator"`
		Organisation float64 `json:"organisation"`
		Overall      float64 `json:"overall"`
	} `json:"reaction"`
	Learning struct {
		Pairs    int     `json:"pairs"`
		Pre      float64 `json:"pre"`
		Post     float64 `json:"post"`
		Gain     float64 `json:"gain"`
		Improved int     `json:"improved"`
	} `json:"learning"`
	Behaviour struct {
		Yes    int `json:"yes"`
		Partly int `json:"partly"`
		No     int `json:"no"`
		Total  int `json:"total"`
	} `json:"behaviour"`
	Results struct {
		WindowMonths int                 `json:"window_months"`
		LevelChange  levelComparisonJSON `json:"level_change"`
		PerTarget    []targetChangeJSON  `json:"per_target"`
	} `json:"results"`
}

// handleProgramEvaluation returns a program's Kirkpatrick evaluation over
// all its events: counts and averages only, no names.
func (s *server) handleProgramEvaluation() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		v, err := s.app.ProgramEvaluation(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		var out programEvaluationJSON
		out.Program, out.Title, out.Events = v.ProgramCode, v.ProgramTitle, v.Events
		out.CompletionRate, out.NoShowRate = round(v.CompletionRate, 4), round(v.NoShowRate, 4)
		o := v.Outcome
		out.Outcome.Completed, out.Outcome.NotCompleted, out.Outcome.NoShow, out.Outcome.Attended, out.Outcome.Total =
			o.Completed, o.NotCompleted, o.NoShow, o.Attended, o.Total()
		rs := v.Reactions
		out.Reaction.Responses, out.Reaction.Overall = rs.Responses, round(rs.Overall, 2)
		out.Reaction.Relevance, out.Reaction.Content = round(rs.Averages[0], 2), round(rs.Averages[1], 2)
		out.Reaction.Facilitator, out.Reaction.Organisation = round(rs.Averages[2], 2), round(rs.Averages[3], 2)
		g := v.Gain
		out.Learning.Pairs, out.Learning.Improved = g.N, g.Improved
		out.Learning.Pre, out.Learning.Post, out.Learning.Gain = round(g.Pre, 2), round(g.Post, 2), round(g.Average, 2)
		out.Behaviour.Yes, out.Behaviour.Partly, out.Behaviour.No, out.Behaviour.Total = v.Applied.Yes, v.Applied.Partly, v.Applied.No, v.Applied.Total()
		out.Results.WindowMonths, out.Results.LevelChange = v.WindowMonths, newLevelComparison(v.LevelChange)
		out.Results.PerTarget = []targetChangeJSON{}
		for _, t := range v.PerTarget {
			out.Results.PerTarget = append(out.Results.PerTarget, targetChangeJSON{Competency: t.Target.Code, Name: t.Target.Name,
				TargetLevel: t.Target.TargetLevel, Comparison: newLevelComparison(t.Comparison)})
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}
