package api

import (
	"net/http"

	"asah/internal/app"
	"asah/internal/performance"
)

// This file serves the performance years of PermenPANRB 6/2022 (their
// evaluation periods, opened and closed by the BKPSDM) and the distribution
// of predikat per unit; skp.go serves each employee's SKP.

// ---- periods ----

type periodJSON struct {
	Year      int    `json:"year"`
	Seq       int    `json:"seq"`
	Name      string `json:"name"`
	Annual    bool   `json:"annual"`
	Frequency string `json:"frequency"`
	Start     string `json:"start"`
	End       string `json:"end"`
	Status    string `json:"status"`
}

func newPeriod(p performance.Period) periodJSON {
	return periodJSON{Year: p.Year, Seq: p.Seq, Name: p.Name, Annual: p.Annual(), Frequency: string(p.Frequency),
		Start: date(p.Start), End: date(p.End), Status: string(p.Status)}
}

type periodListJSON struct {
	Year  int          `json:"year"`
	Items []periodJSON `json:"items"`
}

func newPeriodList(year int, ps []performance.Period) periodListJSON {
	out := periodListJSON{Year: year, Items: make([]periodJSON, 0, len(ps))}
	for _, p := range ps {
		out.Items = append(out.Items, newPeriod(p))
	}
	return out
}

// handlePeriods lists the periods of a performance year (empty before the
// year is opened).
func (s *server) handlePeriods() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		year, err := intParam(r, "year", minYear)
		if err != nil {
			return err
		}
		if err := checkYear(year); err != nil {
			return err
		}
		ps, err := s.app.PerformancePeriods(r.Context(), actor, year)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newPeriodList(year, ps))
		return nil
	}
}

type openYearInput struct {
	Year      *int   `json:"year"`
	Frequency string `json:"frequency"`
}

// handleOpenYear creates the periods of a year; they start pending.
func (s *server) handleOpenYear() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		var in openYearInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		if in.Year == nil {
			return required("year", "tahun kinerja")
		}
		ps, err := s.app.OpenPerformanceYear(r.Context(), actor, *in.Year, in.Frequency)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusCreated, newPeriodList(*in.Year, ps))
		return nil
	}
}

type periodStatusInput struct {
	Status string `json:"status"`
}

// handlePeriodStatus opens or closes one period (seq 0: the annual one).
func (s *server) handlePeriodStatus() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		year, err := intParam(r, "year", minYear)
		if err != nil {
			return err
		}
		seq, err := intParam(r, "seq", 0)
		if err != nil {
			return err
		}
		var in periodStatusInput
		if err := decodeJSON(w, r, &in); err != nil {
			return err
		}
		p, err := s.app.SetPeriodStatus(r.Context(), actor, year, seq, in.Status)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newPeriod(p))
		return nil
	}
}

// ---- predikat distribution ----

// predikatCountsJSON counts the predikat of a selection.
type predikatCountsJSON struct {
	SangatBaik     int `json:"sangat_baik"`
	Baik           int `json:"baik"`
	ButuhPerbaikan int `json:"butuh_perbaikan"`
	Kurang         int `json:"kurang"`
	SangatKurang   int `json:"sangat_kurang"`
}

type predikatRowJSON struct {
	UnitCode  *string            `json:"unit_code"`
	Unit      *string            `json:"unit"`
	Counts    predikatCountsJSON `json:"counts"`
	Evaluated int                `json:"evaluated"`
	Headcount int                `json:"headcount"`
}

func newPredikatRow(r app.PredikatRow) predikatRowJSON {
	// Counts follow performance.Predikats(): Sangat Baik … Sangat Kurang.
	c := r.Counts
	return predikatRowJSON{UnitCode: optional(r.UnitCode), Unit: optional(r.UnitName),
		Counts:    predikatCountsJSON{SangatBaik: c[0], Baik: c[1], ButuhPerbaikan: c[2], Kurang: c[3], SangatKurang: c[4]},
		Evaluated: r.Evaluated, Headcount: r.Headcount}
}

type predikatReportJSON struct {
	Year     int               `json:"year"`
	Period   periodJSON        `json:"period"`
	UnitCode *string           `json:"unit_code"`
	Rows     []predikatRowJSON `json:"rows"`
	Total    predikatRowJSON   `json:"total"`
	City     predikatRowJSON   `json:"city"`
}

// handlePredikat reports the predikat of one period (?seq=, default 0: the
// annual evaluation) per unit within the caller's scope, with the city-wide
// counts for comparison.
func (s *server) handlePredikat() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		q := r.URL.Query()
		if q.Get("year") == "" {
			return badRequest("parameter year wajib diisi (tahun kinerja, mis. 2025)", map[string]string{"year": "wajib diisi"})
		}
		year, err := queryInt(q, "year", 0)
		if err != nil {
			return err
		}
		seq, err := queryInt(q, "seq", performance.AnnualSeq)
		if err != nil {
			return err
		}
		unit, err := unitParam(q)
		if err != nil {
			return err
		}
		rep, err := s.app.PredikatDistribution(r.Context(), actor, year, seq, unit)
		if err != nil {
			return err
		}
		out := predikatReportJSON{Year: rep.Year, Period: newPeriod(rep.Period), UnitCode: optional(rep.UnitCode),
			Rows: make([]predikatRowJSON, 0, len(rep.Rows)), Total: newPredikatRow(rep.Total), City: newPredikatRow(rep.City)}
		for _, row := range rep.Rows {
			out.Rows = append(out.Rows, newPredikatRow(row))
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}
