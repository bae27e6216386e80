// Package demo generates the deterministic synthetic Kota Bandung dataset:
// the city's units, positions with their competency standards, employees with
// valid NIPs / NI PPPK, technical competencies and assessments. Names and
// numbers are generated; no real person appears.
package demo

import (
	"context"

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
