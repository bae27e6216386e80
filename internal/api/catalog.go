package api

import (
	"net/http"
	"strings"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/store"
)

// list is the envelope of the unpaginated lists.
type list[T any] struct {
	Items []T `json:"items"`
}

func listOf[T any](items []T) list[T] {
	if items == nil {
		items = []T{}
	}
	return list[T]{Items: items}
}

// optional is null for an empty string.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

type unitJSON struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Kind       string  `json:"kind"`
	ParentCode *string `json:"parent_code"`
	Depth      int     `json:"depth"`
}

// handleUnits lists the units the caller may browse, in tree order.
func (s *server) handleUnits() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		units, err := s.app.VisibleUnits(r.Context(), actor)
		if err != nil {
			return err
		}
		out := make([]unitJSON, 0, len(units))
		for _, u := range units {
			out = append(out, unitJSON{Code: u.Code, Name: u.Name, Kind: string(u.Kind), ParentCode: optional(u.ParentCode), Depth: u.Depth})
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}

type positionJSON struct {
	Code         string  `json:"code"`
	Title        string  `json:"title"`
	Kind         string  `json:"kind"`
	Jenjang      *string `json:"jenjang"`
	UnitCode     string  `json:"unit_code"`
	Unit         string  `json:"unit"`
	Key          bool    `json:"key"`
	Holders      int     `json:"holders"`
	StandardSize int     `json:"standard_size"`
}

func newPosition(p store.PositionRow) positionJSON {
	return positionJSON{Code: p.Code, Title: p.Title, Kind: string(p.Kind), Jenjang: optional(string(p.Jenjang)),
		UnitCode: p.UnitCode, Unit: p.UnitName, Key: p.Key, Holders: p.Holders, StandardSize: p.StdLength}
}

type standardLineJSON struct {
	Code     string `json:"code"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Required int    `json:"required"`
}

type positionDetailJSON struct {
	positionJSON
	Standard []standardLineJSON `json:"standard"`
}

// handlePositions lists positions, optionally of one unit subtree.
func (s *server) handlePositions() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		unit := strings.TrimSpace(r.URL.Query().Get("unit"))
		if len(unit) > 64 {
			return badRequest("parameter unit terlalu panjang", map[string]string{"unit": "terlalu panjang"})
		}
		ps, err := s.app.Positions(r.Context(), actor, unit)
		if err != nil {
			return err
		}
		out := make([]positionJSON, 0, len(ps))
		for _, p := range ps {
			out = append(out, newPosition(p))
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}

// handlePosition returns one position with its competency standard.
func (s *server) handlePosition() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		v, err := s.app.Position(r.Context(), actor, r.PathValue("code"))
		if err != nil {
			return err
		}
		out := positionDetailJSON{positionJSON: newPosition(v.Position), Standard: []standardLineJSON{}}
		for _, l := range v.Standard {
			out.Standard = append(out.Standard, standardLineJSON{Code: l.Competency.Code, Name: l.Competency.Name,
				Kind: string(l.Competency.Kind), Required: l.Required})
		}
		writeJSON(w, http.StatusOK, out)
		return nil
	}
}

type levelJSON struct {
	Level      int      `json:"level"`
	Title      string   `json:"title"`
	Descriptor string   `json:"descriptor"`
	Indicators []string `json:"indicators"`
}

type competencyJSON struct {
	Code        string      `json:"code"`
	Kind        string      `json:"kind"`
	Name        string      `json:"name"`
	NameEN      string      `json:"name_en"`
	Description string      `json:"description"`
	Levels      []levelJSON `json:"levels"`
}

func newCompetency(c competency.Competency) competencyJSON {
	out := competencyJSON{Code: c.Code, Kind: string(c.Kind), Name: c.Name, NameEN: c.NameEN,
		Description: c.Description, Levels: make([]levelJSON, 0, len(c.Levels))}
	for _, l := range c.Levels {
		ind := l.Indicators
		if ind == nil {
			ind = []string{}
		}
		out.Levels = append(out.Levels, levelJSON{Level: l.Level, Title: l.Title, Descriptor: l.Descriptor, Indicators: ind})
	}
	return out
}

// handleCompetencies lists the dictionary with its five levels per entry.
func (s *server) handleCompetencies() apiHandler {
	return func(w http.ResponseWriter, r *http.Request, actor app.Actor) error {
		cs, err := s.app.Competencies(r.Context(), actor)
		if err != nil {
			return err
		}
		out := make([]competencyJSON, 0, len(cs))
		for _, c := range cs {
			out = append(out, newCompetency(c))
		}
		writeJSON(w, http.StatusOK, listOf(out))
		return nil
	}
}

// sexName names the sex coded in digit 15 of a NIP.
func sexName(s people.Sex) string {
	switch s {
	case people.Male:
		return "male"
	case people.Female:
		return "female"
	}
	return "unknown"
}
