package demo

import (
	"context"
	"crypto/sha256"
	"fmt"
	"hash"
	"slices"
	"sync"
	"testing"
	"time"

	"asah/internal/certificate"
	"asah/internal/competency"
	"asah/internal/learning"
)

// learnCollector is a collector that also takes the learning data; it
// keeps the base stream's digest as it stood before the learning data
// began, and a digest of the learning data apart.
type learnCollector struct {
	*collector
	base        string
	partners    []learning.Partner
	agreements  []Agreement
	programs    []learning.Program
	events      []learning.Event
	enrollments []learning.Enrollment
	attendance  []Attendance
	certs       []Certificate
	reactions   []Reaction
	followUps   []FollowUp
	claims      []learning.Claim
	calls       []string
	baseAs      int // assessments before the learning data
	h           hash.Hash
}

func newLearnCollector() *learnCollector {
	return &learnCollector{collector: newCollector(), h: sha256.New()}
}

func (c *learnCollector) note(kind string, n int, rows any) {
	c.calls = append(c.calls, kind)
	c.maxRows = max(c.maxRows, n)
	fmt.Fprintf(c.h, "#%s %d\n%+v\n", kind, n, rows)
}

func (c *learnCollector) Assessments(ctx context.Context, as []competency.Assessment) error {
	if len(c.calls) > 0 {
		c.note("A", len(as), as)
	}
	return c.collector.Assessments(ctx, as)
}

func (c *learnCollector) Partners(_ context.Context, ps []learning.Partner) error {
	c.base, c.baseAs = c.collector.digest(), len(c.as)
	c.note("partners", len(ps), ps)
	c.partners = append(c.partners, ps...)
	return nil
}

func (c *learnCollector) Agreements(_ context.Context, as []Agreement) error {
	c.note("agreements", len(as), as)
	c.agreements = append(c.agreements, as...)
	return nil
}

func (c *learnCollector) Programs(_ context.Context, ps []learning.Program) error {
	c.note("programs", len(ps), ps)
	c.programs = append(c.programs, ps...)
	return nil
}

func (c *learnCollector) Events(_ context.Context, es []learning.Event) error {
	c.note("events", len(es), es)
	c.events = append(c.events, es...)
	return nil
}

func (c *learnCollector) Enrollments(_ context.Context, es []learning.Enrollment) error {
	// Scores are pointers: digest their values.
	rows := make([]string, len(es))
	for i, n := range es {
		pre, post := -1.0, -1.0
		if n.PreScore != nil {
			pre = *n.PreScore
		}
		if n.PostScore != nil {
			post = *n.PostScore
		}
		n.PreScore, n.PostScore = nil, nil
		rows[i] = fmt.Sprintf("%+v %v %v", n, pre, post)
	}
	c.note("enrollments", len(es), rows)
	c.enrollments = append(c.enrollments, es...)
	return nil
}

func (c *learnCollector) Attendance(_ context.Context, as []Attendance) error {
	c.note("attendance", len(as), as)
	c.attendance = append(c.attendance, as...)
	return nil
}

func (c *learnCollector) Certificates(_ context.Context, cs []Certificate) error {
	c.note("certificates", len(cs), cs)
	c.certs = append(c.certs, cs...)
	return nil
}

func (c *learnCollector) Reactions(_ context.Context, rs []Reaction) error {
	c.note("reactions", len(rs), rs)
	c.reactions = append(c.reactions, rs...)
	return nil
}

func (c *learnCollector) FollowUps(_ context.Context, fs []FollowUp) error {
	c.note("followups", len(fs), fs)
	c.followUps = append(c.followUps, fs...)
	return nil
}

func (c *learnCollector) Claims(_ context.Context, cs []learning.Claim) error {
	c.note("claims", len(cs), cs)
	c.claims = append(c.claims, cs...)
	return nil
}

func (c *learnCollector) digest() string { return fmt.Sprintf("%x", c.h.Sum(nil)) }

func generateLearning(t testing.TB, n int) *learnCollector {
	t.Helper()
	c := newLearnCollector()
	if err := Generate(context.Background(), Config{Employees: n, Today: testToday}, dictionary(1), c, nil); err != nil {
		t.Fatal(err)
	}
	return c
}

var learnCity = sync.OnceValue(func() *learnCollector {
	c := newLearnCollector()
	if err := Generate(context.Background(), Config{Employees: 15000, Today: testToday}, dictionary(1), c, nil); err != nil {
		panic(err)
	}
	return c
})

func TestLearningDataLeavesTheRestUnchanged(t *testing.T) {
	c := generateLearning(t, 2000)
	if c.base != small().digest() {
		t.Fatal("taking learning data changed the employees, assessments or organisation emitted before it")
	}
	if d := generateLearning(t, 2000); d.digest() != c.digest() {
		t.Fatal("learning data differs between two runs of the same config")
	}
	want := []string{"partners", "agreements", "programs", "events", "enrollments", "attendance", "certificates", "reactions", "A",
		"followups", "claims"}
	if got := slices.Compact(slices.Clone(c.calls)); !slices.Equal(got, want) {
		t.Errorf("learning calls %v, want %v", got, want)
	}
	if c.maxRows > maxBatch {
		t.Errorf("a sink call carried %d rows", c.maxRows)
	}
}

// TestLearningCatalogue: the providers, agreements (with a PDF each, one
// expiring within a month and one expired), programs and events are valid
// by the domain's rules.
func TestLearningCatalogue(t *testing.T) { checkCatalogue(t, learnCity(), today) }

func checkCatalogue(t *testing.T, c *learnCollector, today time.Time) {
	t.Helper()
	if len(c.partners) != 13 || len(c.agreements) != 8 || len(c.programs) != len(DemoPrograms()) {
		t.Fatalf("%d partners, %d agreements, %d programs", len(c.partners), len(c.agreements), len(c.programs))
	}
	for _, p := range c.partners {
		if err := p.Validate(); err != nil {
			t.Errorf("partner %s: %v", p.Code, err)
		}
	}
	statuses := map[learning.AgreementStatus]int{}
	for _, a := range c.agreements {
		if err := a.Validate(); err != nil {
			t.Errorf("agreement %s: %v", a.Number, err)
		}
		if err := learning.CheckPDFDocument(a.Data); err != nil || a.Document.Size != int64(len(a.Data)) {
			t.Errorf("agreement %s document: %v", a.Number, err)
		}
		statuses[a.Status(today)]++
	}
	if statuses[learning.AgreementExpiring30] != 1 || statuses[learning.AgreementExpired] != 1 || statuses[learning.AgreementActive] < 5 {
		t.Errorf("agreement statuses %v: want one expiring within 30 days, one expired, the rest active", statuses)
	}
	for _, p := range c.programs {
		if err := p.Validate(); err != nil {
			t.Errorf("program %s: %v", p.Code, err)
		}
	}
	var finished, running, open int
	codes := map[string]bool{}
	for _, e := range c.events {
		if err := e.Validate(); err != nil {
			t.Errorf("event %s: %v", e.Code, err)
		}
		if codes[e.Code] {
			t.Errorf("event code %s twice", e.Code)
		}
		codes[e.Code] = true
		switch e.Status {
		case learning.EventFinished:
			finished++
			if !e.EndsOn.Before(today) || e.StartsOn.Before(today.AddDate(-1, 0, -10)) {
				t.Errorf("finished event %s on %s–%s is not in the past year", e.Code, e.StartsOn, e.EndsOn)
			}
		case learning.EventRunning:
			running++
			if e.StartsOn.After(today) || e.EndsOn.Before(today) && !e.EndsOn.Equal(today) {
				t.Errorf("running event %s on %s–%s", e.Code, e.StartsOn, e.EndsOn)
			}
		case learning.EventOpen:
			open++
			if !e.RegistrationOpen(today) || !e.StartsOn.After(today) {
				t.Errorf("open event %s does not take registrations today", e.Code)
			}
		default:
			t.Errorf("event %s is %s", e.Code, e.Status)
		}
	}
	want := 0
	for _, p := range DemoPrograms() {
		want += p.Events
	}
	if finished+running != want || running != 1 || open != len(upcoming) {
		t.Errorf("%d finished, %d running, %d open events; want %d in the past year (one running) and %d open",
			finished, running, open, want, len(upcoming))
	}
}

// TestLearningParticipation checks the enrollments against the rules: no
// event over capacity, one live enrollment per employee and event (and
// program), states
// that agree with the attendance and the completion rule, outcomes only
// for past events, and the shares of the participation model.
func TestLearningParticipation(t *testing.T) { checkParticipation(t, learnCity(), today, true) }

// checkParticipation checks a dataset's enrollments; the shares only for
// the city-sized one.
func checkParticipation(t *testing.T, c *learnCollector, today time.Time, shares bool) {
	t.Helper()
	events := map[int64]learning.Event{}
	for _, e := range c.events {
		events[e.ID] = e
	}
	programs := map[int64]learning.Program{}
	for _, p := range c.programs {
		programs[p.ID] = p
	}
	present := map[int64]int{}
	marks := map[int64]int{}
	sessionsOf := map[int64]int64{}
	for _, e := range c.events {
		for _, s := range e.Sessions {
			sessionsOf[s.ID] = e.ID
		}
	}
	for _, a := range c.attendance {
		marks[a.EnrollmentID]++
		if a.Present {
			present[a.EnrollmentID]++
		}
		if !a.RecordedAt.Before(today) {
			t.Errorf("attendance of enrollment %d recorded on %s", a.EnrollmentID, a.RecordedAt)
		}
	}
	seated := map[int64]int{}
	live := map[[2]int64]bool{}
	taken := map[[2]int64]string{} // program and employee: the live enrollment's event
	attendedBy := map[int64]bool{}
	enrolled := map[int64]bool{}
	states := map[learning.State]int{}
	for _, n := range c.enrollments {
		ev := events[n.EventID]
		rule := programs[ev.ProgramID].Completion()
		states[n.State]++
		enrolled[n.EmployeeID] = true
		if n.State.Seated() {
			seated[n.EventID]++
		}
		if n.State.Live() {
			k := [2]int64{n.EventID, n.EmployeeID}
			if live[k] {
				t.Errorf("employee %d has two live enrollments in %s", n.EmployeeID, ev.Code)
			}
			live[k] = true
			pk := [2]int64{ev.ProgramID, n.EmployeeID}
			if other, ok := taken[pk]; ok {
				t.Errorf("employee %d takes program %d twice: %s and %s", n.EmployeeID, ev.ProgramID, other, ev.Code)
			}
			taken[pk] = ev.Code
		}
		if n.CreatedAt.After(n.UpdatedAt) || !n.UpdatedAt.Before(today) {
			t.Errorf("enrollment %d created %s, updated %s", n.ID, n.CreatedAt, n.UpdatedAt)
		}
		if (n.State == learning.StateCompleted) == n.CompletedAt.IsZero() {
			t.Errorf("enrollment %d is %s with completion time %v", n.ID, n.State, n.CompletedAt)
		}
		if (n.State == learning.StateDeclined || n.State == learning.StateCancelled) && n.Reason == "" {
			t.Errorf("enrollment %d is %s without a reason", n.ID, n.State)
		}
		p := present[n.ID]
		if p > 0 {
			attendedBy[n.EmployeeID] = true
		}
		switch ev.Status {
		case learning.EventFinished:
			switch n.State {
			case learning.StateCompleted, learning.StateNotCompleted:
				got := rule.Evaluate(p, len(ev.Sessions), n.PostScore).Completed
				if got != (n.State == learning.StateCompleted) || marks[n.ID] != len(ev.Sessions) {
					t.Errorf("enrollment %d is %s with %d of %d sessions (%d marks), post %v, rule %+v", n.ID, n.State, p,
						len(ev.Sessions), marks[n.ID], n.PostScore, rule)
				}
			case learning.StateNoShow:
				if p != 0 || marks[n.ID] != len(ev.Sessions) {
					t.Errorf("no-show %d present at %d sessions", n.ID, p)
				}
			case learning.StateDeclined, learning.StateCancelled:
				if marks[n.ID] != 0 {
					t.Errorf("withdrawn enrollment %d has attendance", n.ID)
				}
			default:
				t.Errorf("enrollment %d of the finished event %s is still %s", n.ID, ev.Code, n.State)
			}
		case learning.EventRunning:
			if (n.State == learning.StateAttended) != (p > 0) || n.State != learning.StateAttended && n.State != learning.StateAccepted &&
				n.State.Live() {
				t.Errorf("enrollment %d of the running event is %s with %d sessions present", n.ID, n.State, p)
			}
		case learning.EventOpen:
			if marks[n.ID] != 0 || !n.State.Live() && n.State != learning.StateDeclined || n.State.Seated() && !slices.Contains(
				[]learning.State{learning.StateInvited, learning.StateAccepted}, n.State) {
				t.Errorf("enrollment %d of the open event %s is %s with %d marks", n.ID, ev.Code, n.State, marks[n.ID])
			}
			if n.State == learning.StateWaitlisted && (seated[n.EventID] < ev.Capacity || n.WaitlistPos == 0) {
				t.Errorf("enrollment %d waitlisted at %d while %s has %d of %d seats taken", n.ID, n.WaitlistPos, ev.Code,
					seated[n.EventID], ev.Capacity)
			}
		}
	}
	for id, n := range seated {
		if n > events[id].Capacity {
			t.Errorf("event %s: %d seated, capacity %d", events[id].Code, n, events[id].Capacity)
		}
	}
	for _, a := range c.attendance {
		if !live[[2]int64{sessionsOf[a.SessionID], c.enrollments[a.EnrollmentID-1].EmployeeID}] {
			t.Errorf("attendance %+v: no live enrollment of the session's event", a)
		}
	}
	employees := len(c.es)
	never := employees - len(attendedBy)
	withdrawn := 0 // enrolled but never attended
	for id := range enrolled {
		if !attendedBy[id] {
			withdrawn++
		}
	}
	if !shares {
		return
	}
	seatedPast := states[learning.StateCompleted] + states[learning.StateNotCompleted] + states[learning.StateNoShow]
	noShow := float64(states[learning.StateNoShow]) / float64(seatedPast)
	t.Logf("%d events, %d enrollments %v, %d attendance marks, %d certificates, %d surveys, %d follow-ups, %d claims; "+
		"%d of %d employees attended nothing (%d of them enrolled); no-show %.1f%%",
		len(c.events), len(c.enrollments), states, len(c.attendance), len(c.certs), len(c.reactions), len(c.followUps),
		len(c.claims), never, employees, withdrawn, 100*noShow)
	if len(c.enrollments) < 3000 || len(c.enrollments) > 12000 {
		t.Errorf("%d enrollments, want a few thousand", len(c.enrollments))
	}
	if float64(never) < neverShare*float64(employees) || withdrawn < employees/50 {
		t.Errorf("%d employees attended nothing, %d of them enrolled: the never-attenders are missing", never, withdrawn)
	}
	if noShow < 0.06 || noShow > 0.2 {
		t.Errorf("no-show rate %.1f%%", 100*noShow)
	}
	for _, s := range []learning.State{learning.StateDeclined, learning.StateCancelled, learning.StateNotCompleted,
		learning.StatePendingApproval, learning.StateNominated, learning.StateInvited, learning.StateWaitlisted, learning.StateAttended} {
		if states[s] == 0 {
			t.Errorf("no enrollment is %s", s)
		}
	}
}

// TestLearningRecords: every certificate belongs to a completed
// enrollment and is numbered per year of issue with a well-formed unique
// code; surveys come from attendees, follow-ups from supervisors of
// completed participants once due, with their assessments emitted before
// them; claims are approved, rejected or pending with a valid evidence file.
func TestLearningRecords(t *testing.T) { checkRecords(t, learnCity(), today) }

func checkRecords(t *testing.T, c *learnCollector, today time.Time) {
	t.Helper()
	byID := map[int64]learning.Enrollment{}
	for _, n := range c.enrollments {
		byID[n.ID] = n
	}
	ends := map[int64]time.Time{}
	for _, e := range c.events {
		ends[e.ID] = e.EndsOn
	}
	seq := map[int]int{}
	codes := map[string]bool{}
	for _, ct := range c.certs {
		n := byID[ct.EnrollmentID]
		if n.State != learning.StateCompleted || ct.IssuedAt.Before(n.CompletedAt) || !ct.IssuedAt.Before(today) {
			t.Errorf("certificate %s of enrollment %d (%s, completed %s) issued %s", ct.Number, n.ID, n.State, n.CompletedAt, ct.IssuedAt)
		}
		seq[ct.Year]++
		if ct.Seq != seq[ct.Year] || ct.Number != certificate.Number(ct.Year, ct.Seq) || learning.YearOf(ct.IssuedAt) != ct.Year {
			t.Errorf("certificate %+v out of sequence", ct)
		}
		if !certificate.ValidCode(ct.Code) || codes[ct.Code] {
			t.Errorf("certificate %s code %q", ct.Number, ct.Code)
		}
		codes[ct.Code] = true
	}
	surveyed := map[int64]bool{}
	for _, r := range c.reactions {
		n := byID[r.EnrollmentID]
		if len(r.Validate()) > 0 || surveyed[n.ID] || n.State != learning.StateCompleted && n.State != learning.StateNotCompleted ||
			!r.SubmittedAt.Before(today) {
			t.Errorf("survey %+v of enrollment %s", r, n.State)
		}
		surveyed[n.ID] = true
	}
	assessed := map[int64]competency.Assessment{}
	for _, a := range c.as[c.baseAs:] {
		assessed[a.ID] = a
	}
	withLevel := 0
	for _, f := range c.followUps {
		n := byID[f.EnrollmentID]
		due := learning.FollowUpDue(ends[n.EventID])
		if n.State != learning.StateCompleted || f.RecordedAt.Before(due) || !f.RecordedAt.Before(today) || f.RecorderName == "" {
			t.Errorf("follow-up %+v of enrollment %s, due %s", f, n.State, due)
		}
		if f.AssessmentID != 0 {
			withLevel++
			a, ok := assessed[f.AssessmentID]
			if !ok || a.EmployeeID != n.EmployeeID || a.Source != competency.SourceSupervisor || a.Status != competency.Final {
				t.Errorf("follow-up %d names assessment %d: %+v", f.ID, f.AssessmentID, a)
			}
		}
	}
	if len(c.certs) == 0 || len(c.reactions) == 0 || len(c.followUps) == 0 || withLevel == 0 {
		t.Errorf("%d certificates, %d surveys, %d follow-ups (%d with a level)", len(c.certs), len(c.reactions), len(c.followUps), withLevel)
	}
	status := map[learning.ClaimStatus]int{}
	for _, cl := range c.claims {
		status[cl.Status]++
		if _, err := learning.CheckEvidence(cl.Evidence); err != nil || cl.CreditMinutes <= 0 || cl.ClaimedMinutes <= 0 {
			t.Errorf("claim %d: %v", cl.ID, err)
		}
		if (cl.Status == learning.ClaimPending) != cl.DecidedAt.IsZero() || cl.ActivityOn.After(today) || !cl.CreatedAt.Before(today) ||
			!cl.DecidedAt.IsZero() && !cl.DecidedAt.After(cl.CreatedAt) ||
			cl.ActivityOn.Year() < today.Year()-learning.ClaimMaxAgeYears {
			t.Errorf("claim %+v", cl)
		}
	}
	if status[learning.ClaimApproved] == 0 || status[learning.ClaimPending] == 0 || status[learning.ClaimRejected] == 0 {
		t.Errorf("claims by status: %v", status)
	}
}

// TestLearningOnOtherDays checks the rules on small datasets of other
// reference dates (a Monday, a Sunday, New Year's Day) and seeds.
func TestLearningOnOtherDays(t *testing.T) {
	for i, day := range []string{"2026-03-02", "2027-01-03", "2028-01-01"} {
		t.Run(day, func(t *testing.T) {
			c := newLearnCollector()
			err := Generate(context.Background(), Config{Employees: 2000, Seed: uint64(3 + i), Today: day}, dictionary(1), c, nil)
			if err != nil {
				t.Fatal(err)
			}
			ref, _ := time.Parse(time.DateOnly, day)
			checkCatalogue(t, c, ref)
			checkParticipation(t, c, ref, false)
			checkRecords(t, c, ref)
		})
	}
}

// learnDiscard is a discarding sink that takes the learning data.
type learnDiscard struct{ discard }

func (*learnDiscard) Partners(context.Context, []learning.Partner) error       { return nil }
func (*learnDiscard) Agreements(context.Context, []Agreement) error            { return nil }
func (*learnDiscard) Programs(context.Context, []learning.Program) error       { return nil }
func (*learnDiscard) Events(context.Context, []learning.Event) error           { return nil }
func (*learnDiscard) Enrollments(context.Context, []learning.Enrollment) error { return nil }
func (*learnDiscard) Attendance(context.Context, []Attendance) error           { return nil }
func (*learnDiscard) Certificates(context.Context, []Certificate) error        { return nil }
func (*learnDiscard) Reactions(context.Context, []Reaction) error              { return nil }
func (*learnDiscard) FollowUps(context.Context, []FollowUp) error              { return nil }
func (*learnDiscard) Claims(context.Context, []learning.Claim) error           { return nil }

// BenchmarkGenerateWithLearning15000 measures the generation of the whole
// demo with its learning data (compare BenchmarkGenerate15000).
func BenchmarkGenerateWithLearning15000(b *testing.B) {
	dict := dictionary(1)
	b.ReportAllocs()
	for b.Loop() {
		if err := Generate(context.Background(), Config{Employees: 15000, Today: testToday}, dict, &learnDiscard{}, nil); err != nil {
			b.Fatal(err)
		}
	}
}
