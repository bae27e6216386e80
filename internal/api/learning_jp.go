package api

import (
	"net/http"

	"asah/internal/app"
	"asah/internal/learning"
)

// This file serves the JP ledger: one employee's credits of a year against
// the yearly target (20 JP for a PNS, 24 for a PPPK by default), and the
// progress of a supervisor's team and of a unit, rows limited to the
// caller's scope.

type jpEntryJSON struct {
	Source string  `json:"source"`
	Ref    int64   `json:"ref"`
	Title  string  `json:"title"`
	Form   *string `json:"form"`
	On     string  `json:"on"`
	JP     float64 `json:"jp"`
}

type jpProgressJSON struct {
	TargetJP    int     `json:"target_jp"`
	AchievedJP  float64 `json:"achieved_jp"`
	Percent     float64 `json:"percent"`
	Met         bool    `json:"met"`
	RemainingJP float64 `json:"remaining_jp"`
}

func newJPProgress(p learning.JPProgress) jpProgressJSON {
	return jpProgressJSON{TargetJP: p.TargetJP, AchievedJP: jpOf(p.Minutes), Percent: round(p.Percent(), 1), Met: p.Met(),
		RemainingJP: round(p.RemainingJP(), 2)}
}

type jpBySourceJSON struct {
	Event    float64 `json:"event"`
	Claim    float64 `json:"claim"`
	Activity float64 `json:"activity"`
}

type jpLedgerJSON struct {
	NIP  string `json:"nip"`
	Name string `json:"name"`
	Year int    `json:"year"`
	jpProgressJSON
	BySource jpBySourceJSON `json:"by_source"`
	Entries  []jpEntryJSON  `json:"entries"`
}

// handleJPLedger returns one employee's JP credits of a year.
func (s *server) handleJPLedger() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		year, err := intParam(r, "year", minYear)
		if err != nil {
			return err
		}
		v, err := s.app.JPLedger(r.Context(), actor, r.PathValue("nip"), year)
		if err != nil {
			return err
		}
		l := v.Ledger
		out := jpLedgerJSON{NIP: v.Employee.NIP, Name: v.Employee.Name, Year: l.Year, jpProgressJSON: newJPProgress(l.Progress),
			BySource: jpBySourceJSON{Event: jpOf(v.BySource[learning.JPFromEvent]), Claim: jpOf(v.BySource[learning.JPFromClaim]),
				Activity: jpOf(v.BySource[learning.JPFromActivity])},
			Entries: make([]jpEntryJSON, 0, len(l.Entries))}
		for _, e := range l.Entries {
			out.Entries = append(out.Entries, jpEntryJSON{Source: string(e.Source), Ref: e.Ref, Title: e.Title, Form: optional(string(e.Form)),
				On: date(e.On), JP: jpOf(e.Minutes)})
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type jpRowJSON struct {
	NIP      string `json:"nip"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	UnitCode string `json:"unit_code"`
	Unit     string `json:"unit"`
	Direct   bool   `json:"direct"`
	jpProgressJSON
	BySource jpBySourceJSON `json:"by_source"`
}

type jpComplianceJSON struct {
	Employees int     `json:"employees"`
	Met       int     `json:"met"`
	Share     float64 `json:"share"`
	AverageJP float64 `json:"average_jp"`
}

type jpReportJSON struct {
	Year       int              `json:"year"`
	UnitCode   *string          `json:"unit_code"`
	Unit       *string          `json:"unit"`
	Compliance jpComplianceJSON `json:"compliance"`
	Items      []jpRowJSON      `json:"items"`
}

func newJPReport(rep app.JPProgressReport) jpReportJSON {
	c := rep.Compliance
	out := jpReportJSON{Year: rep.Year, UnitCode: optional(rep.UnitCode), Unit: optional(rep.UnitName),
		Compliance: jpComplianceJSON{Employees: c.Employees, Met: c.Met, Share: round(c.Share(), 4), AverageJP: round(c.AverageJP(), 2)},
		Items:      make([]jpRowJSON, 0, len(rep.Rows))}
	for _, r := range rep.Rows {
		out.Items = append(out.Items, jpRowJSON{NIP: r.NIP, Name: r.Name, Kind: r.Kind, UnitCode: r.UnitCode, Unit: r.UnitName,
			Direct: r.Direct, jpProgressJSON: newJPProgress(r.Progress),
			BySource: jpBySourceJSON{Event: jpOf(r.EventMinutes), Claim: jpOf(r.ClaimMinutes), Activity: jpOf(r.ActivityMinutes)}})
	}
	return out
}

// handleUnitJP returns the JP progress of a unit and the units below it.
func (s *server) handleUnitJP() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		year, err := intParam(r, "year", minYear)
		if err != nil {
			return err
		}
		rep, err := s.app.UnitJP(r.Context(), actor, r.PathValue("code"), year)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newJPReport(rep))
		return nil
	}
}

// handleTeamJP returns the JP progress of everyone below the caller in the
// supervisor chain, direct reports marked.
func (s *server) handleTeamJP() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		year, err := intParam(r, "year", minYear)
		if err != nil {
			return err
		}
		rep, err := s.app.TeamJP(r.Context(), actor, year)
		if err != nil {
			return err
		}
		writeJSON(w, http.StatusOK, newJPReport(rep))
		return nil
	}
}
