package store

import (
	"context"
	"fmt"
	"strings"
	"time"

	"asah/internal/development"
	"asah/internal/performance"
)

// The Bulk methods below load the performance, talent and development data
// of the demo (they satisfy demo.PerformanceSink). Rows that others refer to
// carry their own IDs; on PostgreSQL the sequences of those tables are moved
// past them after every call, so that later inserts do not collide.

// stamp is a timestamp argument, NULL for the zero time.
func (b *Bulk) stamp(t time.Time) any { return nullTimeArg(b.s, t) }

// rowsPerStatement is how many rows one multi-row INSERT carries on SQLite
// (bounded by SQLite's 32,766 parameters for the widest table).
const rowsPerStatement = 256

// insertMany is insert with multi-row INSERT statements on SQLite, which
// cuts the per-statement cost that dominates a bulk load of small rows;
// PostgreSQL still uses COPY.
func (b *Bulk) insertMany(ctx context.Context, table string, cols []string, rows [][]any) error {
	if b.pg != nil || len(rows) < rowsPerStatement {
		return b.insert(ctx, table, cols, rows)
	}
	key := fmt.Sprintf("%s#%d", table, rowsPerStatement)
	st, ok := b.stmts[key]
	if !ok {
		var q strings.Builder
		q.WriteString("INSERT INTO " + table + " (" + strings.Join(cols, ", ") + ") VALUES ")
		// Anonymous "?" placeholders: the driver looks up the name of
		// every parameter, which for numbered ones scans a list and makes
		// a wide statement quadratic.
		row := "(" + strings.TrimSuffix(strings.Repeat("?, ", len(cols)), ", ") + ")"
		for r := 0; r < rowsPerStatement; r++ {
			if r > 0 {
				q.WriteString(", ")
			}
			q.WriteString(row)
		}
		var err error
		if st, err = b.tx.PrepareContext(ctx, q.String()); err != nil {
			return err
		}
		b.stmts[key] = st
	}
	args := make([]any, 0, rowsPerStatement*len(cols))
	i := 0
	for ; i+rowsPerStatement <= len(rows); i += rowsPerStatement {
		args = args[:0]
		for _, r := range rows[i : i+rowsPerStatement] {
			args = append(args, r...)
		}
		if _, err := st.ExecContext(ctx, args...); err != nil {
			return fmt.Errorf("insert into %s: %v", table, err)
		}
	}
	return b.insert(ctx, table, cols, rows[i:])
}

// bumpSequences moves the ID sequences of tables loaded with explicit IDs.
func (b *Bulk) bumpSequences(ctx context.Context, tables ...string) error {
	if b.pg == nil {
		return nil
	}
	for _, t := range tables {
		if _, err := b.pg.Exec(ctx, fmt.Sprintf(
			`SELECT setval(pg_get_serial_sequence('%s', 'id'), COALESCE((SELECT max(id) FROM %s), 0) + 1, false)`, t, t)); err != nil {
			return err
		}
	}
	return nil
}

// Periods inserts evaluation periods (with IDs).
func (b *Bulk) Periods(ctx context.Context, ps []performance.Period) error {
	rows := make([][]any, 0, len(ps))
	for _, p := range ps {
		rows = append(rows, []any{p.ID, p.Year, p.Seq, p.Name, string(p.Frequency), b.dateVal(p.Start), b.dateVal(p.End), string(p.Status)})
	}
	if err := b.insertMany(ctx, "skp_periods", []string{"id", "year", "seq", "name", "frequency", "starts_on", "ends_on", "status"}, rows); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "skp_periods")
}

// SKPs inserts SKPs (with IDs) and their evaluations (with IDs), notes and
// feedback. Evaluations name their period by PeriodID.
func (b *Bulk) SKPs(ctx context.Context, ks []performance.SKP) error {
	var skps, evals, notes, feedback [][]any
	for i := range ks {
		k := &ks[i]
		plan, err := marshalPlan(k.Plan)
		if err != nil {
			return err
		}
		skps = append(skps, []any{k.ID, k.EmployeeID, k.Year, nullID(k.RaterID), string(k.Status), plan, finalPredikat(k),
			b.stamp(k.EmployeeAgreedAt), b.stamp(k.RaterAgreedAt),
			timeArg(b.s, k.CreatedAt), timeArg(b.s, k.UpdatedAt)})
		for _, e := range k.Evaluations {
			evals = append(evals, []any{e.ID, k.ID, e.PeriodID, string(e.Hasil), string(e.Perilaku), string(e.Predikat), e.Note,
				b.dateVal(e.EvaluatedOn), nullID(e.RaterID), e.RaterName, b.stamp(e.AcknowledgedAt)})
			for _, n := range e.Notes {
				notes = append(notes, []any{e.ID, string(n.Kind), n.CompetencyID, n.Text})
			}
		}
		for _, f := range k.Feedback {
			feedback = append(feedback, []any{k.ID, timeArg(b.s, f.At), nullID(f.AuthorID), f.Author, f.Text})
		}
	}
	if err := b.insertMany(ctx, "skps", []string{"id", "employee_id", "year", "rater_id", "status", "plan_json", "final_predikat", "employee_agreed_at",
		"rater_agreed_at", "created_at", "updated_at"}, skps); err != nil {
		return err
	}
	if err := b.insertMany(ctx, "skp_evaluations", []string{"id", "skp_id", "period_id", "hasil", "perilaku", "predikat", "note",
		"evaluated_on", "rater_id", "rater_name", "acknowledged_at"}, evals); err != nil {
		return err
	}
	if err := b.insertMany(ctx, "skp_notes", []string{"evaluation_id", "kind", "competency_id", "note"}, notes); err != nil {
		return err
	}
	if err := b.insertMany(ctx, "skp_feedback", []string{"skp_id", "at", "author_id", "author", "note"}, feedback); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "skps", "skp_evaluations")
}

// IDPs inserts development plans (with IDs) and their items.
func (b *Bulk) IDPs(ctx context.Context, ps []development.Plan) error {
	var plans, items [][]any
	for i := range ps {
		p := &ps[i]
		plans = append(plans, []any{p.ID, p.EmployeeID, p.Year, string(p.Status), p.TargetJP, p.Comment,
			b.stamp(p.SubmittedAt), b.stamp(p.DecidedAt), p.DecidedBy,
			timeArg(b.s, p.CreatedAt), timeArg(b.s, p.UpdatedAt)})
		for j, it := range p.Items {
			items = append(items, []any{p.ID, j, it.CompetencyID, it.CurrentLevel, it.TargetLevel, string(it.Form), it.PlannedJP,
				it.StartMonth, it.EndMonth, it.Reason, string(it.Source), string(it.Status), it.DropReason})
		}
	}
	if err := b.insertMany(ctx, "idps", []string{"id", "employee_id", "year", "status", "target_jp", "comment", "submitted_at",
		"decided_at", "decided_by", "created_at", "updated_at"}, plans); err != nil {
		return err
	}
	if err := b.insertMany(ctx, "idp_items", []string{"idp_id", "seq", "competency_id", "current_level", "target_level", "form",
		"planned_jp", "start_month", "end_month", "reason", "source", "status", "drop_reason"}, items); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "idps")
}

// PotentialScores inserts assessment-center potential scores (IDs assigned
// by the database).
func (b *Bulk) PotentialScores(ctx context.Context, ps []PotentialScore) error {
	rows := make([][]any, 0, len(ps))
	for _, p := range ps {
		rows = append(rows, []any{p.EmployeeID, p.Score, b.dateVal(p.AssessedOn), p.Assessor, timeArg(b.s, p.RecordedAt)})
	}
	return b.insertMany(ctx, "potential_scores", []string{"employee_id", "score", "assessed_on", "assessor", "recorded_at"}, rows)
}
