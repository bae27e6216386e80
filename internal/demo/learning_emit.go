package demo

import (
	"context"
	"fmt"

	"asah/internal/learning"
)

// emitLearning generates the enrollments and everything after them, and
// hands the learning data to the sink in order, in chunks of at most
// maxBatch rows. nextAs is the last assessment ID used: the supervisor
// assessments recorded with the follow-ups are numbered after it and go
// through sink.Assessments just before the follow-ups.
func (g *learnGen) emitLearning(ctx context.Context, sink Sink, ls LearningSink, nextAs int64) error {
	g.nextAs = nextAs
	g.enroll()
	events := make([]learning.Event, len(g.events))
	for i := range g.events {
		events[i] = g.events[i].e
	}
	programs := make([]learning.Program, len(g.progs))
	for i := range g.progs {
		programs[i] = g.progs[i].p
	}
	steps := []struct {
		what string
		n    int
		call func(lo, hi int) error
	}{
		{"mitra", len(g.partners), func(lo, hi int) error { return ls.Partners(ctx, g.partners[lo:hi:hi]) }},
		{"perjanjian", len(g.agreements), func(lo, hi int) error { return ls.Agreements(ctx, g.agreements[lo:hi:hi]) }},
		{"program", len(programs), func(lo, hi int) error { return ls.Programs(ctx, programs[lo:hi:hi]) }},
		{"angkatan", len(events), func(lo, hi int) error { return ls.Events(ctx, events[lo:hi:hi]) }},
		{"pendaftaran", len(g.enrollments), func(lo, hi int) error { return ls.Enrollments(ctx, g.enrollments[lo:hi:hi]) }},
		{"kehadiran", len(g.attendance), func(lo, hi int) error { return ls.Attendance(ctx, g.attendance[lo:hi:hi]) }},
		{"sertifikat", len(g.certs), func(lo, hi int) error { return ls.Certificates(ctx, g.certs[lo:hi:hi]) }},
		{"survei reaksi", len(g.reactions), func(lo, hi int) error { return ls.Reactions(ctx, g.reactions[lo:hi:hi]) }},
		{"penilaian tindak lanjut", len(g.assessments), func(lo, hi int) error {
			return sink.Assessments(ctx, g.assessments[lo:hi:hi])
		}},
		{"tindak lanjut", len(g.followUps), func(lo, hi int) error { return ls.FollowUps(ctx, g.followUps[lo:hi:hi]) }},
		{"klaim JP", len(g.claims), func(lo, hi int) error { return ls.Claims(ctx, g.claims[lo:hi:hi]) }},
	}
	for _, s := range steps {
		for lo := 0; lo < s.n; lo += maxBatch {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := s.call(lo, min(lo+maxBatch, s.n)); err != nil {
				return fmt.Errorf("demo %s: %w", s.what, err)
			}
		}
	}
	return nil
}
