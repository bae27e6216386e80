package api

import (
	"fmt"
	"net/http"
	"strings"

	"asah/internal/app"
	"asah/internal/development"
)

// This file serves the individual development plan (IDP) of one employee
// and year: Asah's proposal, the plan created from it, its items, the
// submission to the direct supervisor, the decision (approve or return with
// a comment), and the progress of each item. The app decides who may take
// which step; a step the plan's stage does not allow is 409.

type idpItemJSON struct {
	ID             *int64  `json:"id"`
	Competency     string  `json:"competency"`
	CompetencyName string  `json:"competency_name"`
	CompetencyKind string  `json:"competency_kind"`
	CurrentLevel   *int    `json:"current_level"`
	TargetLevel    int     `json:"target_level"`
	Form           string  `json:"form"`
	FormLabel      string  `json:"form_label"`
	Classroom      bool    `json:"classroom"`
	PlannedJP      int     `json:"planned_jp"`
	StartMonth     int     `json:"start_month"`
	EndMonth       int     `json:"end_month"`
	Timeframe      string  `json:"timeframe"`
	Reason         string  `json:"reason"`
	Source         string  `json:"source"`
	Status         string  `json:"status"`
	DropReason     *string `json:"drop_reason"`
}

type idpActionsJSON struct {
	Create   bool `json:"create"`
	Edit     bool `json:"edit"`
	Submit   bool `json:"submit"`
	Decide   bool `json:"decide"`
	Progress bool `json:"progress"`
}

// idpJSON is a plan, or Asah's proposal (exists false, status null).
type idpJSON struct {
	NIP         string         `json:"nip"`
	Name        string         `json:"name"`
	Year        int            `json:"year"`
	Exists      bool           `json:"exists"`
	Status      *string        `json:"status"`
	TargetJP    int            `json:"target_jp"`
	PlannedJP   int            `json:"planned_jp"`
	DoneJP      int            `json:"done_jp"`
	Comment     *string        `json:"comment"`
	DecidedBy   *string        `json:"decided_by"`
	SubmittedAt *string        `json:"submitted_at"`
	DecidedAt   *string        `json:"decided_at"`
	UpdatedAt   *string        `json:"updated_at"`
	Items       []idpItemJSON  `json:"items"`
	Actions     idpActionsJSON `json:"actions"`
}

func newIDP(v app.IDPView) idpJSON {
	p := &v.Plan
	out := idpJSON{NIP: v.Employee.NIP, Name: v.Employee.Name, Year: p.Year, Exists: v.Exists, TargetJP: v.TargetJP,
		PlannedJP: v.PlannedJP, DoneJP: v.DoneJP, Items: make([]idpItemJSON, 0, len(v.Items)),
		Actions: idpActionsJSON{Create: v.Can.Create, Edit: v.Can.Edit, Submit: v.Can.Submit, Decide: v.Can.Decide, Progress: v.Can.Progress}}
	if v.Exists {
		st := string(p.Status)
		out.Status = &st
		out.Comment, out.DecidedBy = optional(p.Comment), optional(p.DecidedBy)
		out.SubmittedAt, out.DecidedAt, out.UpdatedAt = timestamp(p.SubmittedAt), timestamp(p.DecidedAt), timestamp(p.UpdatedAt)
	}
	for _, it := range v.Items {
		ij := idpItemJSON{Competency: it.Code, CompetencyName: it.Name, CompetencyKind: string(it.Kind), TargetLevel: it.TargetLevel,
			Form: string(it.Form), FormLabel: it.FormLabel, Classroom: it.Classroom, PlannedJP: it.PlannedJP, StartMonth: it.StartMonth,
			EndMonth: it.EndMonth, Timeframe: it.Timeframe, Reason: it.Reason, Source: string(it.Source), Status: string(it.Status),
			DropReason: optional(it.DropReason)}
		if it.ID != 0 {
			id := it.ID
			ij.ID = &id
		}
		if it.CurrentLevel != 0 {
			l := it.CurrentLevel
			ij.CurrentLevel = &l
		}
		out.Items = append(out.Items, ij)
	}
	return out
}

// idpHandler serves one IDP route: step runs the use case for the employee
// and year of the path; the answer is the plan afterwards.
func (s *server) idpHandler(status int, step func(r *http.Request, actor app.Actor, nip string, year int) (app.IDPView, error)) apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		year, err := intParam(r, "year", minYear)
		if err != nil {
			return err
		}
		v, err := step(r, actor, r.PathValue("nip"), year)
		if err != nil {
			return err
		}
		writeJSON(w, status, newIDP(v))
		return nil
	}
}

// handleIDP returns the plan of a year; before one is created, Asah's
// proposal with exists false.
func (s *server) handleIDP() apiHandler {
	return s.idpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.IDPView, error) {
		return s.app.IDP(r.Context(), actor, nip, year)
	})
}

// handleIDPProposal returns what Asah proposes now, whether or not a plan exists.
func (s *server) handleIDPProposal() apiHandler {
	return s.idpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.IDPView, error) {
		return s.app.ProposeIDP(r.Context(), actor, nip, year)
	})
}

func (s *server) handleCreateIDP() apiHandler {
	return s.idpHandler(http.StatusCreated, func(r *http.Request, actor app.Actor, nip string, year int) (app.IDPView, error) {
		return s.app.CreateIDP(r.Context(), actor, nip, year)
	})
}

type idpItemInput struct {
	ID          int64  `json:"id"`
	Competency  string `json:"competency"`
	TargetLevel *int   `json:"target_level"`
	Form        string `json:"form"`
	PlannedJP   *int   `json:"planned_jp"`
	StartMonth  *int   `json:"start_month"`
	EndMonth    *int   `json:"end_month"`
	Reason      string `json:"reason"`
}

type idpItemsInput struct {
	Items []idpItemInput `json:"items"`
}

// missing names the first required number an item lacks ("" when none).
func (it idpItemInput) missing() string {
	for _, f := range []struct {
		name string
		v    *int
	}{{"target_level", it.TargetLevel}, {"planned_jp", it.PlannedJP}, {"start_month", it.StartMonth}, {"end_month", it.EndMonth}} {
		if f.v == nil {
			return f.name
		}
	}
	return ""
}

// fields names the items a refusal of the plan's rules is about, by the
// same rule the plan applies (development.Item.Validate).
func (in idpItemsInput) fields(msg string) map[string]string {
	out := map[string]string{}
	if len(in.Items) > development.MaxItems {
		out["items"] = msg
		return out
	}
	for i, x := range in.Items {
		form, err := development.ParseForm(x.Form)
		if err != nil {
			continue // the app names unknown forms itself
		}
		it := development.Item{CompetencyID: 1, TargetLevel: *x.TargetLevel, Form: form, PlannedJP: *x.PlannedJP,
			StartMonth: *x.StartMonth, EndMonth: *x.EndMonth, Reason: strings.TrimSpace(x.Reason)}
		if err := it.Validate(i + 1); err != nil {
			out[fmt.Sprintf("items.%d", i)] = err.Error()
		}
	}
	if len(out) == 0 {
		out["items"] = msg
	}
	return out
}

// handleIDPItems replaces the items of a draft or returned plan.
func (s *server) handleIDPItems() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in idpItemsInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Items == nil {
			return required("items", "daftar kegiatan (items)")
		}
		items := make([]app.IDPItemInput, len(in.Items))
		for i, x := range in.Items {
			if f := x.missing(); f != "" {
				return &app.Error{Code: app.CodeInvalid, Message: fmt.Sprintf("kegiatan ke-%d: %s wajib diisi", i+1, f),
					Fields: map[string]string{fmt.Sprintf("items.%d.%s", i, f): "wajib diisi"}}
			}
			items[i] = app.IDPItemInput{ID: x.ID, Competency: x.Competency, TargetLevel: *x.TargetLevel, Form: x.Form,
				PlannedJP: *x.PlannedJP, StartMonth: *x.StartMonth, EndMonth: *x.EndMonth, Reason: x.Reason}
		}
		return s.idpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.IDPView, error) {
			v, err := s.app.SaveIDPItems(r.Context(), actor, nip, year, items)
			return v, withFields(err, in.fields)
		})(w, r, actor)
	}
}

func (s *server) handleSubmitIDP() apiHandler {
	return s.idpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.IDPView, error) {
		return s.app.SubmitIDP(r.Context(), actor, nip, year)
	})
}

type decisionInput struct {
	Approve *bool  `json:"approve"`
	Comment string `json:"comment"`
}

// handleDecideIDP approves a submitted plan or returns it with a comment.
func (s *server) handleDecideIDP() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in decisionInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		// Without it, a missing field would return the plan.
		if in.Approve == nil {
			return required("approve", "keputusan (approve: true untuk menyetujui, false untuk mengembalikan)")
		}
		return s.idpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.IDPView, error) {
			v, err := s.app.DecideIDP(r.Context(), actor, nip, year, *in.Approve, in.Comment)
			return v, withField(err, fixed("comment"))
		})(w, r, actor)
	}
}

type progressInput struct {
	Status string `json:"status"`
	Reason string `json:"reason"`
}

// handleIDPProgress moves one item of an approved plan. The app tells the
// refusals apart: an item not in the plan is 404, a move the item's
// progress does not allow (done back to in_progress) 409, a missing or too
// long reason for dropping 422 on reason.
func (s *server) handleIDPProgress() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		item, err := intParam(r, "item", 1)
		if err != nil {
			return err
		}
		var in progressInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		return s.idpHandler(http.StatusOK, func(r *http.Request, actor app.Actor, nip string, year int) (app.IDPView, error) {
			return s.app.SetIDPItemProgress(r.Context(), actor, nip, year, int64(item), in.Status, in.Reason)
		})(w, r, actor)
	}
}
