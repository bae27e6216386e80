package api

import (
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/report"
)

// employeeJSON is one row of the employee list.
type employeeJSON struct {
	NIP      string   `json:"nip"`
	Name     string   `json:"name"`
	UnitCode string   `json:"unit_code"`
	Unit     string   `json:"unit"`
	Position string   `json:"position"`
	Kind     string   `json:"kind"`
	Golongan string   `json:"golongan"`
	JPM      *float64 `json:"jpm"`
	Coverage float64  `json:"coverage"`
	Category *string  `json:"category"`
}

type employeePageJSON struct {
	Items   []employeeJSON `json:"items"`
	Page    int            `json:"page"`
	PerPage int            `json:"per_page"`
	Total   int            `json:"total"`
}

// matchFields renders JPM (two decimals; null before any assessment),
// coverage (four decimals) and category as the gap object does.
func matchFields(m competency.Match) (jpm *float64, coverage float64, category *string) {
	coverage = math.Round(m.Coverage()*10000) / 10000
	if m.HasJPM {
		j, c := math.Round(m.JPM*100)/100, string(m.Category)
		return &j, coverage, &c
	}
	return nil, coverage, nil
}

// employeeSorts are the sort keys the list accepts (app.EmployeeQuery.Sort).
var employeeSorts = []string{"name", "nip", "unit", "position", "golongan"}

// positiveParam reads an optional positive integer query parameter.
func positiveParam(q url.Values, name string) (int, error) {
	v := q.Get(name)
	if v == "" {
		return 0, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 {
		return 0, badRequest(fmt.Sprintf("parameter %s harus bilangan bulat positif", name), map[string]string{name: "harus bilangan bulat positif"})
	}
	return n, nil
}

// handleEmployees lists one page of the employees in the caller's scope.
func (s *server) handleEmployees() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		qs := r.URL.Query()
		q := app.EmployeeQuery{UnitCode: strings.TrimSpace(qs.Get("unit")), Q: qs.Get("q")}
		var err error
		if q.Page, err = positiveParam(qs, "page"); err != nil {
			return err
		}
		if q.PerPage, err = positiveParam(qs, "per_page"); err != nil {
			return err
		}
		if len(q.UnitCode) > 64 {
			return badRequest("parameter unit terlalu panjang", map[string]string{"unit": "terlalu panjang"})
		}
		if v := qs.Get("sort"); v != "" {
			ok := false
			for _, k := range employeeSorts {
				ok = ok || k == v
			}
			if !ok {
				return badRequest("parameter sort harus salah satu dari: "+strings.Join(employeeSorts, ", "), map[string]string{"sort": "tidak dikenal"})
			}
			q.Sort = v
		}
		switch qs.Get("order") {
		case "", "asc":
		case "desc":
			q.Desc = true
		default:
			return badRequest("parameter order harus asc atau desc", map[string]string{"order": "harus asc atau desc"})
		}
		p, err := s.app.ListEmployees(r.Context(), actor, q)
		if err != nil {
			return err
		}
		out := employeePageJSON{Items: make([]employeeJSON, 0, len(p.Items)), Page: p.Page, PerPage: p.PerPage, Total: p.Total}
		for _, it := range p.Items {
			e := it.Employee
			row := employeeJSON{NIP: e.NIP, Name: e.Name, UnitCode: e.UnitCode, Unit: e.UnitName, Position: e.PositionTitle,
				Kind: string(e.Kind), Golongan: e.Golongan}
			row.JPM, row.Coverage, row.Category = matchFields(it.Match)
			out.Items = append(out.Items, row)
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type titlesJSON struct {
	Front *string `json:"front"`
	Back  *string `json:"back"`
}

// profileJSON is one employee's profile.
type profileJSON struct {
	NIP            string     `json:"nip"`
	Name           string     `json:"name"`
	Titles         titlesJSON `json:"titles"`
	Kind           string     `json:"kind"`
	Sex            string     `json:"sex"`
	BirthDate      string     `json:"birth_date"`
	Golongan       string     `json:"golongan"`
	PositionCode   string     `json:"position_code"`
	Position       string     `json:"position"`
	PositionKind   string     `json:"position_kind"`
	UnitCode       string     `json:"unit_code"`
	Unit           string     `json:"unit"`
	SupervisorNIP  *string    `json:"supervisor_nip"`
	RetirementDate string     `json:"retirement_date"`
	JPM            *float64   `json:"jpm"`
	Coverage       float64    `json:"coverage"`
	Category       *string    `json:"category"`
}

// handleEmployee returns one employee's profile. The supervisor's NIP is
// given only when the supervisor is in the caller's scope too: a NIP
// carries a birth date, so it is not handed out beyond the scope.
func (s *server) handleEmployee() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		p, err := s.app.ViewEmployee(r.Context(), actor, r.PathValue("nip"))
		if err != nil {
			return err
		}
		e := p.Gap.Employee
		out := profileJSON{NIP: e.NIP, Name: e.Name, Titles: titlesJSON{Front: optional(e.FrontTitle), Back: optional(e.BackTitle)},
			Kind: string(e.Kind), Sex: sexName(e.Sex), BirthDate: date(e.BirthDate), Golongan: e.Golongan,
			PositionCode: e.PositionCode, Position: e.PositionTitle, PositionKind: string(e.PositionKind),
			UnitCode: e.UnitCode, Unit: e.UnitName, RetirementDate: date(e.RetirementDate)}
		if e.SupervisorNIP != "" {
			ok, err := s.app.InScope(r.Context(), actor, e.SupervisorNIP)
			if err != nil {
				return err
			}
			if ok {
				out.SupervisorNIP = &e.SupervisorNIP
			}
		}
		out.JPM, out.Coverage, out.Category = matchFields(p.Gap.Match)
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

func date(t time.Time) string { return t.Format("2006-01-02") }

// handleEmployeeGaps returns one employee's gap report, the object of one
// `asah gaps --format jsonl` line, on ?date= (default today, WIB).
func (s *server) handleEmployeeGaps() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		ref := s.app.Today()
		if v := r.URL.Query().Get("date"); v != "" {
			var err error
			if ref, err = time.Parse("2006-01-02", v); err != nil {
				return badRequest("parameter date harus tanggal YYYY-MM-DD", map[string]string{"date": "format YYYY-MM-DD"})
			}
		}
		g, err := s.app.EmployeeGaps(r.Context(), actor, r.PathValue("nip"), ref)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, report.NewGap(&g))
		return nil
	}
}

// assessmentJSON is one recorded assessment.
type assessmentJSON struct {
	ID             int64  `json:"id"`
	NIP            string `json:"nip"`
	Competency     string `json:"competency"`
	CompetencyName string `json:"competency_name"`
	Source         string `json:"source"`
	Level          int    `json:"level"`
	Assessor       string `json:"assessor"`
	AssessedOn     string `json:"assessed_on"`
	Evidence       string `json:"evidence"`
	Status         string `json:"status"`
	RecordedAt     string `json:"recorded_at"`
}

func newAssessment(nip string, a app.AssessmentView) assessmentJSON {
	return assessmentJSON{ID: a.ID, NIP: nip, Competency: a.Code, CompetencyName: a.Name, Source: string(a.Source),
		Level: a.Level, Assessor: a.Assessor, AssessedOn: date(a.AssessedOn), Evidence: a.Evidence,
		Status: string(a.Status), RecordedAt: a.RecordedAt.UTC().Format(time.RFC3339)}
}

// handleEmployeeAssessments lists an employee's assessments, newest first,
// drafts included.
func (s *server) handleEmployeeAssessments() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		nip := r.PathValue("nip")
		as, err := s.app.EmployeeAssessments(r.Context(), actor, nip)
		if err != nil {
			return err
		}
		out := make([]assessmentJSON, 0, len(as))
		for _, a := range as {
			out = append(out, newAssessment(nip, a))
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}

// assessmentInput is the body of POST /assessments.
type assessmentInput struct {
	NIP        string `json:"nip"`
	Competency string `json:"competency"`
	Source     string `json:"source"`
	Level      int    `json:"level"`
	AssessedOn string `json:"assessed_on"`
	Assessor   string `json:"assessor"`
	Evidence   string `json:"evidence"`
	Status     string `json:"status"`
}

// handleCreateAssessment records an assessment with the source rules of the
// caller's role (app.RecordAssessment) and answers 201 with it.
func (s *server) handleCreateAssessment() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in assessmentInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		nip := strings.TrimSpace(in.NIP)
		if nip == "" {
			return &app.Error{Code: app.CodeInvalid, Message: "NIP pegawai wajib diisi", Fields: map[string]string{"nip": "wajib diisi"}}
		}
		id, err := s.app.RecordAssessment(r.Context(), actor, app.AssessmentInput{NIP: nip, Competency: in.Competency,
			Source: in.Source, Level: in.Level, Assessor: in.Assessor, AssessedOn: in.AssessedOn, Evidence: in.Evidence, Status: in.Status})
		if err != nil {
			return err
		}
		as, err := s.app.EmployeeAssessments(r.Context(), actor, nip)
		if err != nil {
			return err
		}
		for _, a := range as {
			if a.ID == id {
				writeJSON(w, http.StatusCreated, newAssessment(nip, a))
				return nil
			}
		}
		return fmt.Errorf("assessment %d not found after insert", id)
	}
}
