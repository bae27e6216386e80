package app

import (
	"context"
	"errors"
	"fmt"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
)

// UnitStat summarises the competency state of a unit and everything below it.
type UnitStat struct {
	Unit      store.UnitSummary
	Employees int // in the unit and its sub-units
	WithJPM   int // employees with at least one assessed competency
	// AvgJPM is the mean JPM over employees WithJPM (0 when none).
	AvgJPM float64
	// Coverage is assessed / required competency lines over all employees.
	Coverage     float64
	MS, MMS, KMS int
}

// UnitOverview computes UnitStat for every unit in tree order on ref. The
// result is shared: callers must not modify it.
func (a *App) UnitOverview(ctx context.Context, ref time.Time) ([]UnitStat, error) {
	if st, ok := a.overview.get(ref, a.Now()); ok {
		return st, nil
	}
	// One request recomputes; while it does, the others get the previous
	// figures of the same day rather than all waiting a second for it.
	if !a.overview.computing.TryLock() {
		if st, ok := a.overview.stale(ref); ok {
			return st, nil
		}
		a.overview.computing.Lock()
	}
	defer a.overview.computing.Unlock()
	if st, ok := a.overview.get(ref, a.Now()); ok { // computed while we waited
		return st, nil
	}
	st, matches, err := a.computeOverview(ctx, ref)
	if err == nil {
		a.overview.put(ref, a.Now(), st, matches)
	}
	return st, err
}

func (a *App) computeOverview(ctx context.Context, ref time.Time) ([]UnitStat, map[int64]competency.Match, error) {
	matches := map[int64]competency.Match{}
	units, err := a.Store.Units(ctx)
	if err != nil {
		return nil, nil, err
	}
	idx := make(map[int64]int, len(units))
	for i, u := range units {
		idx[u.ID] = i
	}
	type acc struct {
		n, withJPM, assessed, total, ms, mms, kms int
		sumJPM                                    float64
	}
	accs := make([]acc, len(units))
	err = a.GapReport(ctx, store.Filter{}, ref, func(g *EmployeeGap) error {
		m := g.Match
		m.Lines = nil
		matches[g.Employee.ID] = m
		// Credit the employee's unit and every ancestor.
		for i, ok := idx[g.Employee.UnitID]; ok; {
			x := &accs[i]
			x.n++
			x.assessed += g.Match.Assessed
			x.total += g.Match.Total
			if g.Match.HasJPM {
				x.withJPM++
				x.sumJPM += g.Match.JPM
				switch g.Match.Category {
				case competency.MS:
					x.ms++
				case competency.MMS:
					x.mms++
				default:
					x.kms++
				}
			}
			if units[i].ParentID == 0 {
				break
			}
			i, ok = idx[units[i].ParentID]
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	out := make([]UnitStat, len(units))
	for i, u := range units {
		x := accs[i]
		st := UnitStat{Unit: u, Employees: x.n, WithJPM: x.withJPM, MS: x.ms, MMS: x.mms, KMS: x.kms}
		if x.withJPM > 0 {
			st.AvgJPM = x.sumJPM / float64(x.withJPM)
		}
		if x.total > 0 {
			st.Coverage = float64(x.assessed) / float64(x.total)
		}
		out[i] = st
	}
	return out, matches, nil
}

// EmployeeSummary is one row of a unit's employee list.
type EmployeeSummary struct {
	Employee store.EmployeeRow
	Match    competency.Match // Lines omitted
}

// UnitEmployees lists the employees of a unit and its sub-units with their JPM on ref.
func (a *App) UnitEmployees(ctx context.Context, code string, ref time.Time) (store.UnitSummary, []EmployeeSummary, error) {
	u, err := a.Store.UnitByCode(ctx, code)
	if errors.Is(err, store.ErrNotFound) {
		return u, nil, NotFound(fmt.Sprintf("unit %q tidak ditemukan", code))
	} else if err != nil {
		return u, nil, err
	}
	var out []EmployeeSummary
	err = a.GapReport(ctx, store.Filter{UnitCode: code}, ref, func(g *EmployeeGap) error {
		m := g.Match
		m.Lines = nil
		out = append(out, EmployeeSummary{Employee: g.Employee, Match: m})
		return nil
	})
	return u, out, err
}

// EmployeeProfile is everything the employee page shows.
type EmployeeProfile struct {
	Gap         EmployeeGap
	Assessments []competency.Assessment // newest first, drafts included
	Competency  map[int64]competency.Competency
}

// Employee returns one employee's gap report and assessment history on ref.
func (a *App) Employee(ctx context.Context, nip string, ref time.Time) (EmployeeProfile, error) {
	e, err := a.Store.EmployeeByNIP(ctx, nip)
	if errors.Is(err, store.ErrNotFound) {
		return EmployeeProfile{}, NotFound(fmt.Sprintf("pegawai dengan NIP %s tidak ditemukan", nip))
	} else if err != nil {
		return EmployeeProfile{}, err
	}
	return a.profileOf(ctx, e, ref)
}
