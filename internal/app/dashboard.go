package app

import (
	"context"
	"sync"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
)

// JPMBands are the lower bounds of the JPM distribution buckets on the
// dashboard: [0,60), [60,68), [68,80), [80,90), [90,100].
var JPMBands = []float64{0, 60, 68, 80, 90}

// HeatCell is the average gap of one unit for one competency.
type HeatCell struct {
	AvgGap float64
	N      int // assessed employee×competency lines behind the average
}

// Dashboard is what the landing page shows for an actor's scope.
type Dashboard struct {
	Employees    int
	WithJPM      int
	AvgJPM       float64
	Coverage     float64 // assessed / required lines
	MS, MMS, KMS int
	Bands        []int // counts per JPMBands bucket
	// Heatmap: rows are the top units in scope, columns the competencies
	// that appear in their standards (dictionary order).
	HeatUnits       []store.UnitSummary
	HeatCompetences []competency.Competency
	Heat            [][]HeatCell // [unit][competency]
	// Team lists the actor's direct and indirect subordinates (atasan).
	Team []EmployeeSummary
	// Self is the actor's own gap report (employees).
	Self *EmployeeGap
}

type dashCache struct {
	mu  sync.Mutex
	ref time.Time
	at  time.Time
	d   *Dashboard
}

// Dashboard computes the dashboard of an actor's scope on today's date.
// City-wide dashboards are shared for a minute (they read every employee).
func (a *App) Dashboard(ctx context.Context, actor Actor) (Dashboard, error) {
	if err := actor.Require(PermAuthenticated); err != nil {
		return Dashboard{}, err
	}
	ref := a.Today()
	sc := ScopeOf(actor)
	if sc.All {
		a.dash.mu.Lock()
		if a.dash.d != nil && a.dash.ref.Equal(ref) && a.Now().Sub(a.dash.at) < overviewTTL && !a.Now().Before(a.dash.at) {
			d := *a.dash.d
			a.dash.mu.Unlock()
			return a.withSelf(ctx, actor, d)
		}
		a.dash.mu.Unlock()
	}
	d, err := a.computeDashboard(ctx, actor, ref)
	if err != nil {
		return d, err
	}
	if sc.All {
		a.dash.mu.Lock()
		cp := d
		a.dash.d, a.dash.ref, a.dash.at = &cp, ref, a.Now()
		a.dash.mu.Unlock()
	}
	return a.withSelf(ctx, actor, d)
}

func (a *App) withSelf(ctx context.Context, actor Actor, d Dashboard) (Dashboard, error) {
	if actor.EmployeeID == 0 {
		return d, nil
	}
	me, err := a.self(ctx, actor)
	if err != nil || me.ID == 0 {
		return d, err
	}
	p, err := a.Employee(ctx, me.NIP, a.Today())
	if err != nil {
		return d, err
	}
	d.Self = &p.Gap
	return d, nil
}

func (a *App) computeDashboard(ctx context.Context, actor Actor, ref time.Time) (Dashboard, error) {
	d := Dashboard{Bands: make([]int, len(JPMBands))}
	units, err := a.Store.Units(ctx)
	if err != nil {
		return d, err
	}
	sc := ScopeOf(actor)
	// Heatmap rows: top-level units for city-wide scope; the agency and its
	// direct sub-units for an agency admin.
	row := map[int64]int{} // unit ID → heat row
	parent := map[int64]int64{}
	for _, u := range units {
		parent[u.ID] = u.ParentID
	}
	for _, u := range units {
		if (sc.All && u.Depth == 0) || (sc.UnitCode != "" && (u.Code == sc.UnitCode || u.ParentCode == sc.UnitCode)) {
			row[u.ID] = len(d.HeatUnits)
			d.HeatUnits = append(d.HeatUnits, u)
		}
	}
	rowOf := func(unitID int64) (int, bool) {
		for id := unitID; id != 0; id = parent[id] {
			if r, ok := row[id]; ok {
				return r, true
			}
		}
		return 0, false
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return d, err
	}
	col := map[int64]int{}
	type acc struct {
		sum float64
		n   int
	}
	var heat [][]acc
	used := map[int64]bool{}
	var assessed, total int
	var sumJPM float64
	teamMode := sc.EmployeeID != 0 && sc.Team
	err = a.GapReport(ctx, store.Filter{Within: within(actor)}, ref, func(g *EmployeeGap) error {
		d.Employees++
		assessed += g.Match.Assessed
		total += g.Match.Total
		if g.Match.HasJPM {
			d.WithJPM++
			sumJPM += g.Match.JPM
			switch g.Match.Category {
			case competency.MS:
				d.MS++
			case competency.MMS:
				d.MMS++
			default:
				d.KMS++
			}
			b := 0
			for i, lo := range JPMBands {
				if g.Match.JPM >= lo {
					b = i
				}
			}
			d.Bands[b]++
		}
		if teamMode && g.Employee.ID != actor.EmployeeID {
			m := g.Match
			m.Lines = nil
			d.Team = append(d.Team, EmployeeSummary{Employee: g.Employee, Match: m})
		}
		r, ok := rowOf(g.Employee.UnitID)
		if !ok {
			return nil
		}
		for _, l := range g.Lines {
			gap, ok := l.Gap()
			if !ok {
				continue
			}
			used[l.CompetencyID] = true
			for len(heat) <= r {
				heat = append(heat, nil)
			}
			c, ok := col[l.CompetencyID]
			if !ok {
				c = len(col)
				col[l.CompetencyID] = c
			}
			for len(heat[r]) <= c {
				heat[r] = append(heat[r], acc{})
			}
			heat[r][c].sum += float64(gap)
			heat[r][c].n++
		}
		return nil
	})
	if err != nil {
		return d, err
	}
	if d.WithJPM > 0 {
		d.AvgJPM = sumJPM / float64(d.WithJPM)
	}
	if total > 0 {
		d.Coverage = float64(assessed) / float64(total)
	}
	// Columns in dictionary order, only competencies that occur.
	for _, c := range comps {
		if used[c.ID] {
			d.HeatCompetences = append(d.HeatCompetences, c)
		}
	}
	d.Heat = make([][]HeatCell, len(d.HeatUnits))
	for r := range d.HeatUnits {
		d.Heat[r] = make([]HeatCell, len(d.HeatCompetences))
		for j, c := range d.HeatCompetences {
			k := col[c.ID]
			if r < len(heat) && k < len(heat[r]) && heat[r][k].n > 0 {
				d.Heat[r][j] = HeatCell{AvgGap: heat[r][k].sum / float64(heat[r][k].n), N: heat[r][k].n}
			}
		}
	}
	return d, nil
}

// invalidate drops the shared city-wide figures after a write.
func (a *App) invalidate() {
	a.overview.clear()
	a.dash.mu.Lock()
	a.dash.d = nil
	a.dash.mu.Unlock()
}
