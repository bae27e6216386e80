// Package demo generates the deterministic synthetic Kota Bandung dataset:
// the city's units, positions with their competency standards, employees with
// valid NIPs / NI PPPK, technical competencies and assessments. Names and
// numbers are generated; no real person appears.
package demo

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"time"

	"asah/internal/competency"
	"asah/internal/people"
)

// Config chooses the size and the seed. The same Config always yields the
// same dataset, byte for byte.
type Config struct {
	Employees int    // target number of employees (about; default 15000)
	Seed      uint64 // default 1
	// Today is the reference date (UTC midnight) from which ages, TMTs and
	// assessment dates are derived. Passed in so that the dataset does not
	// depend on the wall clock; the CLI passes its clock's date.
	Today string // YYYY-MM-DD
}

// Sink receives the dataset in order: technical competencies, units,
// positions (with standards), then employees and their assessments in
// batches. IDs are assigned by the generator (starting after the largest
// existing competency ID for competencies, and from 1 for everything else)
// so that a store can bulk-insert them into an empty database unchanged.
type Sink interface {
	Competencies(ctx context.Context, cs []competency.Competency) error
	Units(ctx context.Context, us []people.Unit) error
	Positions(ctx context.Context, ps []people.Position, standards map[int64][]competency.Requirement) error
	// Employees arrive before the assessments that refer to them; a
	// supervisor always arrives before (or in the same batch as) the people
	// reporting to them.
	Employees(ctx context.Context, es []people.Employee) error
	Assessments(ctx context.Context, as []competency.Assessment) error
}

// Progress is told how many employees have been emitted so far, out of the target.
type Progress func(done, total int)

// DefaultEmployees is the size of the dataset when Config.Employees is 0:
// about the ASN of Kota Bandung.
const DefaultEmployees = 15000

// MaxEmployees bounds Config.Employees (NIP serials run out beyond it).
const MaxEmployees = 5_000_000

// Batch sizes: employees per Employees call (progress is reported after
// each), and at most this many rows in any other call.
const (
	employeeBatch = 2000
	maxBatch      = 5000
)

// dictionaryCodes is the order of the preloaded dictionary in every standard.
var dictionaryCodes = []string{"M.1", "M.2", "M.3", "M.4", "M.5", "M.6", "M.7", "M.8", "SK.1"}

// Seeds of the two random streams: the organisation (units, positions,
// standards, headcounts) and the people. The organisation therefore does not
// depend on the number of employees.
const (
	streamPlan   = 0x6f7267616e697361 // "organisa"
	streamPeople = 0x70656761776169   // "pegawai"
)

// Generate produces the dataset for cfg and hands it to sink in order:
// the new technical competencies, the units, the positions with their
// standards, then employees and their assessments in batches, unit by unit.
// existing is the dictionary already stored (with IDs); it must hold the nine
// preloaded competencies (M.1–M.8, SK.1). Technical competencies it already
// holds (same code) are reused; new ones are numbered after its largest ID.
// Units, positions, employees and assessments are numbered from 1.
//
// Generation streams: only the organisation and the holders of structural
// positions stay in memory, so Employees may be in the millions. The same
// Config gives the same output; slices passed to the sink are never reused.
// progress (may be nil) is called after each batch of employees. Generate
// stops with ctx.Err() when ctx is cancelled, checked before every sink call.
//
// The structural positions (about 1,750, of which ~4% are left vacant) are
// always filled; cfg.Employees spreads over the pelaksana and fungsional
// positions, so a target below the structure yields the structure alone.
//
// When sink also implements PerformanceSink it gets the evaluation periods
// after the positions and, after each batch of employees and assessments,
// their SKPs and development plans; when it implements LearningSink it gets
// the learning data after everything else. Everything else is emitted
// unchanged either way.
func Generate(ctx context.Context, cfg Config, existing []competency.Competency, sink Sink, progress Progress) error {
	if sink == nil {
		return errors.New("demo: sink wajib diisi")
	}
	if cfg.Employees < 0 {
		return fmt.Errorf("demo: jumlah pegawai %d tidak boleh negatif", cfg.Employees)
	}
	if cfg.Employees == 0 {
		cfg.Employees = DefaultEmployees
	}
	if cfg.Employees > MaxEmployees {
		return fmt.Errorf("demo: jumlah pegawai %d terlalu besar (maksimal %d)", cfg.Employees, MaxEmployees)
	}
	if cfg.Seed == 0 {
		cfg.Seed = 1
	}
	if cfg.Today == "" {
		return errors.New("demo: tanggal acuan (Today) wajib diisi, format YYYY-MM-DD")
	}
	today, err := time.Parse(time.DateOnly, cfg.Today)
	if err != nil {
		return fmt.Errorf("demo: tanggal acuan %q tidak valid, gunakan format YYYY-MM-DD", cfg.Today)
	}
	if today.Year() < 1990 || today.Year() > 2100 {
		return fmt.Errorf("demo: tanggal acuan %s di luar rentang 1990–2100", cfg.Today)
	}

	dictIDs, techIDs, fresh, err := competencies(existing)
	if err != nil {
		return err
	}
	pl, err := buildPlan(rand.New(rand.NewPCG(cfg.Seed, streamPlan)), cfg.Employees, dictIDs, techIDs)
	if err != nil {
		return err
	}

	if len(fresh) > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := sink.Competencies(ctx, fresh); err != nil {
			return err
		}
	}
	for i := 0; i < len(pl.units); i += maxBatch {
		us := make([]people.Unit, 0, min(maxBatch, len(pl.units)-i))
		for _, u := range pl.units[i:min(i+maxBatch, len(pl.units))] {
			us = append(us, u.Unit)
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := sink.Units(ctx, us); err != nil {
			return err
		}
	}
	for i := 0; i < len(pl.pos); i += maxBatch {
		end := min(i+maxBatch, len(pl.pos))
		ps := make([]people.Position, 0, end-i)
		std := make(map[int64][]competency.Requirement, end-i)
		for j := i; j < end; j++ {
			ps = append(ps, pl.pos[j].Position)
			std[pl.pos[j].ID] = slices.Clone(pl.standards[j])
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := sink.Positions(ctx, ps, std); err != nil {
			return err
		}
	}

	g := &emp{
		r:           rand.New(rand.NewPCG(cfg.Seed, streamPeople)),
		pl:          pl,
		today:       today,
		bup:         people.DefaultBUP(),
		holders:     make([]holder, len(pl.pos)),
		serials:     make(map[uint32]uint16, 1<<15),
		supEvidence: map[int]string{},
	}
	perfSink, withPerf := sink.(PerformanceSink)
	if withPerf {
		g.perf = newPerfGen(cfg.Seed, pl, today, dictIDs, techIDs)
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := perfSink.Periods(ctx, g.perf.allPeriods()); err != nil {
			return err
		}
	}
	learnSink, withLearn := sink.(LearningSink)
	var learn *learnGen
	if withLearn {
		if learn, err = newLearnGen(cfg.Seed, pl, today, dictIDs, techIDs); err != nil {
			return err
		}
	}
	done := 0
	var es []people.Employee
	var as []competency.Assessment
	flush := func() error {
		if len(es) == 0 {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		if err := sink.Employees(ctx, es); err != nil {
			return err
		}
		done += len(es)
		if progress != nil {
			progress(done, pl.total)
		}
		for i := 0; i < len(as); i += maxBatch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := sink.Assessments(ctx, as[i:min(i+maxBatch, len(as)):min(i+maxBatch, len(as))]); err != nil {
				return err
			}
		}
		if withPerf {
			skps, idps := g.perf.batch(as)
			if err := emitPerformance(ctx, perfSink, skps, idps); err != nil {
				return err
			}
		}
		if withLearn {
			learn.batch(es, as)
		}
		es, as = nil, nil
		return nil
	}
	for ui := range pl.units {
		u := &pl.units[ui]
		for pi := u.first; pi < u.end; pi++ {
			pp := &pl.pos[pi]
			n := pp.count
			if pp.structural {
				n = 0
				if !pp.vacant {
					n = 1
				}
			}
			for k := 0; k < n; k++ {
				if es == nil {
					es = make([]people.Employee, 0, employeeBatch)
					as = make([]competency.Assessment, 0, employeeBatch*20)
				}
				if err := g.person(pi, k, &es, &as); err != nil {
					return err
				}
				if len(es) >= employeeBatch {
					if err := flush(); err != nil {
						return err
					}
				}
			}
		}
	}
	if err := flush(); err != nil {
		return err
	}
	if withLearn {
		return learn.emitLearning(ctx, sink, learnSink, g.nextAs)
	}
	return nil
}

// competencies finds the dictionary IDs in existing and numbers the
// technical competencies: reused when existing has the code, new (returned
// in fresh) after the largest existing ID otherwise.
func competencies(existing []competency.Competency) (dictIDs []int64, techIDs map[string]int64, fresh []competency.Competency, err error) {
	var maxID int64
	for _, c := range existing {
		maxID = max(maxID, c.ID)
	}
	find := func(code string) (competency.Competency, bool) {
		for _, c := range existing {
			if c.Code == code {
				return c, true
			}
		}
		return competency.Competency{}, false
	}
	for _, code := range dictionaryCodes {
		c, ok := find(code)
		if !ok || c.ID == 0 {
			return nil, nil, nil, fmt.Errorf("demo: kamus kompetensi belum berisi %s; muat kamus bawaan lebih dulu", code)
		}
		dictIDs = append(dictIDs, c.ID)
	}
	techIDs = make(map[string]int64, len(techCatalogue))
	for _, t := range techCatalogue {
		if c, ok := find(t.code); ok && c.ID != 0 {
			techIDs[t.code] = c.ID
			continue
		}
		maxID++
		techIDs[t.code] = maxID
		fresh = append(fresh, competency.Competency{
			ID:          maxID,
			Code:        t.code,
			Kind:        competency.Technical,
			Name:        t.name,
			NameEN:      t.nameEN,
			Description: t.desc,
			Levels:      competency.TechnicalLevels(t.name),
		})
	}
	return dictIDs, techIDs, fresh, nil
}

// AgencyCodes lists the unit codes of the perangkat daerah (Sekretariat
// Daerah first, then the agencies in the order of the dataset), without the
// kecamatan, kelurahan and UPTs. Docs and tests may rely on them.
func AgencyCodes() []string {
	codes := []string{"SETDA"}
	for _, a := range agencies {
		codes = append(codes, a.code)
	}
	return codes
}
