package store

import (
	"context"
	"errors"
	"fmt"
	"time"

	"asah/internal/demo"
	"asah/internal/learning"
)

// The Bulk methods below load the learning data of the demo (they satisfy
// demo.LearningSink): partners and agreements, programs, events with their
// sessions, enrollments, attendance, certificates, reaction surveys,
// follow-ups and claims, all with their own IDs, inside the load's one
// transaction. The catalogue rows are checked by the domain's rules; every
// row is checked by the schema.

// learningEmpty refuses a database that already holds learning records, so
// that the demo's IDs cannot collide with them (the demo loads only into an
// empty database, but partners may be created before any employee).
func (b *Bulk) learningEmpty(ctx context.Context) error {
	const q = `SELECT (SELECT count(*) FROM partners) + (SELECT count(*) FROM programs) + (SELECT count(*) FROM events)`
	var n int
	var err error
	if b.pg != nil {
		err = b.pg.QueryRow(ctx, q).Scan(&n)
	} else {
		err = b.tx.QueryRowContext(ctx, q).Scan(&n)
	}
	if err == nil && n > 0 {
		err = errors.New("basis data sudah berisi mitra, program, atau angkatan pelatihan; demo hanya dimuat ke basis data kosong")
	}
	return err
}

// Partners inserts learning providers; the first call checks that none exist.
func (b *Bulk) Partners(ctx context.Context, ps []learning.Partner) error {
	if err := b.learningEmpty(ctx); err != nil {
		return err
	}
	rows := make([][]any, 0, len(ps))
	for _, p := range ps {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("mitra %s: %w", p.Code, err)
		}
		rows = append(rows, []any{p.ID, p.Code, p.Name, string(p.Kind), p.Address, p.Email, p.Phone, p.Website,
			timeArg(b.s, p.CreatedAt), timeArg(b.s, p.UpdatedAt)})
	}
	if err := b.insertMany(ctx, "partners", []string{"id", "code", "name", "kind", "address", "contact_email", "contact_phone",
		"website", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "partners")
}

// Agreements inserts cooperation agreements with their PDF documents.
func (b *Bulk) Agreements(ctx context.Context, as []demo.Agreement) error {
	rows := make([][]any, 0, len(as))
	for _, a := range as {
		if err := a.Validate(); err != nil {
			return fmt.Errorf("perjanjian %s: %w", a.Number, err)
		}
		if len(a.Data) > 0 {
			if err := learning.CheckPDFDocument(a.Data); err != nil {
				return fmt.Errorf("perjanjian %s: %w", a.Number, err)
			}
		}
		rows = append(rows, []any{a.ID, a.PartnerID, a.Number, a.Title, a.Scope, b.dateVal(a.StartsOn), b.dateVal(a.EndsOn),
			b.nullDate(a.TerminatedOn), a.Document.Name, a.Document.ContentType, int64(len(a.Data)), nullBytes(a.Data),
			timeArg(b.s, a.CreatedAt), timeArg(b.s, a.UpdatedAt)})
	}
	if err := b.insertMany(ctx, "agreements", []string{"id", "partner_id", "number", "title", "scope", "starts_on", "ends_on",
		"terminated_on", "doc_name", "doc_type", "doc_size", "doc", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "agreements")
}

// nullDate is a nullable civil date argument.
func (b *Bulk) nullDate(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return b.dateVal(t)
}

// Programs inserts programs and their target competencies.
func (b *Bulk) Programs(ctx context.Context, ps []learning.Program) error {
	var rows, targets [][]any
	for _, p := range ps {
		if err := p.Validate(); err != nil {
			return fmt.Errorf("program %s: %w", p.Code, err)
		}
		rows = append(rows, []any{p.ID, p.Code, p.Title, p.Description, p.JP, p.ProviderID, string(p.Method), string(p.Form),
			string(p.Delivery), p.CostPerParticipant, p.FixedCostPerEvent, p.Mandatory, joinKinds(p.EligibleKinds),
			p.RequiresPostTest, p.PassScore, p.MinAttendance, p.Archived, timeArg(b.s, p.CreatedAt), timeArg(b.s, p.UpdatedAt)})
		for _, t := range p.Targets {
			targets = append(targets, []any{p.ID, t.CompetencyID, t.Level, t.MinLevel})
		}
	}
	if err := b.insertMany(ctx, "programs", []string{"id", "code", "title", "description", "jp", "provider_partner_id", "method",
		"form", "delivery", "cost_per_participant", "fixed_cost_per_event", "mandatory", "eligible_kinds", "requires_post_test",
		"pass_score", "min_attendance", "archived", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	if err := b.insertMany(ctx, "program_competencies", []string{"program_id", "competency_id", "target_level", "min_level"}, targets); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "programs")
}

// Events inserts events with their sessions and unit quotas.
func (b *Bulk) Events(ctx context.Context, es []learning.Event) error {
	var rows, sessions, quotas [][]any
	for _, e := range es {
		if err := e.Validate(); err != nil {
			return fmt.Errorf("angkatan %s: %w", e.Code, err)
		}
		rows = append(rows, []any{e.ID, e.ProgramID, e.Code, e.Title, b.dateVal(e.StartsOn), b.dateVal(e.EndsOn), e.Place, e.OnlineURL,
			e.Capacity, b.nullDate(e.RegistrationOpens), b.nullDate(e.RegistrationCloses), string(e.Status),
			timeArg(b.s, e.CreatedAt), timeArg(b.s, e.UpdatedAt)})
		for _, x := range e.Sessions {
			sessions = append(sessions, []any{x.ID, e.ID, x.Seq, timeArg(b.s, x.StartsAt), timeArg(b.s, x.EndsAt), x.Topic})
		}
		for _, q := range e.Quotas {
			quotas = append(quotas, []any{e.ID, q.UnitID, q.Quota})
		}
	}
	if err := b.insertMany(ctx, "events", []string{"id", "program_id", "code", "title", "starts_on", "ends_on", "place", "online_url",
		"capacity", "registration_opens", "registration_closes", "status", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	if err := b.insertMany(ctx, "event_sessions", []string{"id", "event_id", "seq", "starts_at", "ends_at", "topic"}, sessions); err != nil {
		return err
	}
	if err := b.insertMany(ctx, "event_unit_quotas", []string{"event_id", "unit_id", "quota"}, quotas); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "events", "event_sessions")
}

// Enrollments inserts enrollments.
func (b *Bulk) Enrollments(ctx context.Context, es []learning.Enrollment) error {
	rows := make([][]any, 0, len(es))
	for _, e := range es {
		if !e.State.Valid() || !e.Source.Valid() {
			return fmt.Errorf("pendaftaran %d: status %q atau sumber %q tidak dikenal", e.ID, e.State, e.Source)
		}
		rows = append(rows, []any{e.ID, e.EventID, e.EmployeeID, string(e.State), string(e.Source), nullID(e.IDPItemID),
			nullID(e.QuotaUnitID), nullInt(e.WaitlistPos), nullFloat(e.PreScore), nullFloat(e.PostScore), e.Reason, e.CreatedBy,
			e.DecidedBy, b.stamp(e.CompletedAt), timeArg(b.s, e.CreatedAt), timeArg(b.s, e.UpdatedAt)})
	}
	if err := b.insertMany(ctx, "enrollments", []string{"id", "event_id", "employee_id", "state", "source", "idp_item_id",
		"quota_unit_id", "waitlist_pos", "pre_score", "post_score", "reason", "created_by", "decided_by", "completed_at",
		"created_at", "updated_at"}, rows); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "enrollments")
}

// Attendance inserts attendance marks.
func (b *Bulk) Attendance(ctx context.Context, as []demo.Attendance) error {
	rows := make([][]any, 0, len(as))
	for _, a := range as {
		rows = append(rows, []any{a.EnrollmentID, a.SessionID, a.Present, a.RecordedBy, timeArg(b.s, a.RecordedAt)})
	}
	return b.insertMany(ctx, "attendance", []string{"enrollment_id", "session_id", "present", "recorded_by", "recorded_at"}, rows)
}

// Certificates inserts issued certificates.
func (b *Bulk) Certificates(ctx context.Context, cs []demo.Certificate) error {
	rows := make([][]any, 0, len(cs))
	for _, c := range cs {
		rows = append(rows, []any{c.ID, c.EnrollmentID, c.Year, c.Seq, c.Number, c.Code, timeArg(b.s, c.IssuedAt), c.IssuedBy})
	}
	if err := b.insertMany(ctx, "certificates", []string{"id", "enrollment_id", "year", "seq", "number", "code", "issued_at",
		"issued_by"}, rows); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "certificates")
}

// Reactions inserts reaction surveys.
func (b *Bulk) Reactions(ctx context.Context, rs []demo.Reaction) error {
	rows := make([][]any, 0, len(rs))
	for _, r := range rs {
		if errs := r.Validate(); len(errs) > 0 {
			return fmt.Errorf("survei reaksi %d: %v", r.ID, errs)
		}
		rows = append(rows, []any{r.ID, r.EnrollmentID, r.Relevance, r.Content, r.Facilitator, r.Organisation, r.Comment,
			timeArg(b.s, r.SubmittedAt)})
	}
	if err := b.insertMany(ctx, "reaction_surveys", []string{"id", "enrollment_id", "relevance", "content", "facilitator",
		"organisation", "comment", "submitted_at"}, rows); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "reaction_surveys")
}

// FollowUps inserts supervisors' follow-ups (their assessments came
// before, through Assessments).
func (b *Bulk) FollowUps(ctx context.Context, fs []demo.FollowUp) error {
	rows := make([][]any, 0, len(fs))
	for _, f := range fs {
		rows = append(rows, []any{f.ID, f.EnrollmentID, string(f.Applied), f.Comment, nullID(f.AssessmentID), f.RecordedBy,
			f.RecorderName, timeArg(b.s, f.RecordedAt)})
	}
	if err := b.insertMany(ctx, "evaluation_followups", []string{"id", "enrollment_id", "applied", "comment", "assessment_id",
		"recorded_by", "recorder_name", "recorded_at"}, rows); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "evaluation_followups")
}

// Claims inserts claims of external learning with their evidence files.
func (b *Bulk) Claims(ctx context.Context, cs []learning.Claim) error {
	var rows, files [][]any
	for _, c := range cs {
		ev, err := learning.CheckEvidence(c.Evidence)
		if err != nil {
			return fmt.Errorf("klaim JP %d: %w", c.ID, err)
		}
		rows = append(rows, []any{c.ID, c.EmployeeID, c.Title, c.Organiser, string(c.Form), b.dateVal(c.ActivityOn), string(c.Unit),
			c.ClaimedMinutes, c.CreditMinutes, c.Note, nullID(c.IDPItemID), string(c.Status), c.Comment, c.DecidedBy, c.DeciderName,
			b.stamp(c.DecidedAt), c.CreatedBy, timeArg(b.s, c.CreatedAt), timeArg(b.s, c.UpdatedAt)})
		files = append(files, []any{c.ID, ev.Name, ev.ContentType, ev.Size, ev.Data})
	}
	if err := b.insertMany(ctx, "jp_claims", []string{"id", "employee_id", "title", "organiser", "form", "activity_on",
		"claimed_unit", "claimed_minutes", "credit_minutes", "note", "idp_item_id", "status", "decision_comment", "decided_by",
		"decider_name", "decided_at", "created_by", "created_at", "updated_at"}, rows); err != nil {
		return err
	}
	if err := b.insertMany(ctx, "jp_claim_evidence", []string{"claim_id", "name", "content_type", "size", "data"}, files); err != nil {
		return err
	}
	return b.bumpSequences(ctx, "jp_claims")
}
