package main

import (
	"context"
	"fmt"

	"asah/internal/app"
)

func runAssess(ctx context.Context, e env, args []string) error {
	fs := newFlags(e, "assess", "--nip NIP --competency CODE --level 1-5 --source SOURCE --date YYYY-MM-DD [--assessor NAME] [--evidence TEXT] [--status final|draft] [--db URL]")
	db := dbFlag(fs, e)
	var in app.AssessmentInput
	fs.StringVar(&in.NIP, "nip", "", "employee NIP (required)")
	fs.StringVar(&in.Competency, "competency", "", "competency code, e.g. M.1 or T.SAMPAH (required)")
	fs.IntVar(&in.Level, "level", 0, "level 1-5 (required)")
	fs.StringVar(&in.Source, "source", "", "assessment_center, supervisor, 360 or self (required)")
	fs.StringVar(&in.AssessedOn, "date", "", "assessment date YYYY-MM-DD (required)")
	fs.StringVar(&in.Assessor, "assessor", "", "who assessed")
	fs.StringVar(&in.Evidence, "evidence", "", "evidence or notes")
	fs.StringVar(&in.Status, "status", "final", "final or draft")
	actor := fs.String("actor", "cli", "who records it (for the audit trail)")
	if err := parse(fs, args); err != nil {
		return err
	}
	a, closeFn, err := openApp(ctx, *db)
	if err != nil {
		return err
	}
	defer closeFn()
	id, err := a.AddAssessment(ctx, *actor, in)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "penilaian #%d dicatat\n", id)
	return nil
}
