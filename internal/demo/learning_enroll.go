package demo

import (
	"math"
	"slices"
	"time"

	"asah/internal/learning"
)

// Shares of the enrollment outcomes.
const (
	selfRegShare    = 0.25 // self-registrations among enrollments (the rest are nominations)
	rejectShare     = 0.04 // of self-registrations, rejected by the supervisor
	declineShare    = 0.07 // of invitations, declined
	cancelShare     = 0.03 // of accepted places, cancelled before the event
	noShowShare     = 0.03 // of participants other than the never-attenders (who always miss)
	shortShare      = 0.12 // of attendees, below the attendance the program needs
	certShare       = 0.92 // of completed enrollments, certificate already issued
	surveyShare     = 0.78 // of attendees, reaction survey answered
	followUpEvents  = 0.65 // of events ended 3+ months ago, with follow-ups
	followUpShare   = 0.70 // of their completed participants
	followUpAssess  = 0.45 // of follow-ups, with a new supervisor assessment
	upcomingPending = 0.40 // of self-registrations to an open event, not yet approved
)

var declineReasons = []string{
	"Bertepatan dengan tugas lapangan yang tidak dapat ditinggalkan.",
	"Sedang menyelesaikan laporan pertanggungjawaban anggaran.",
	"Sudah mengikuti pelatihan serupa tahun lalu.",
	"Sedang cuti melahirkan.",
	"Jadwal bertabrakan dengan kegiatan pimpinan.",
}

var rejectReasons = []string{
	"Beban kerja bidang sedang tinggi; ikuti angkatan berikutnya.",
	"Pelatihan ini belum sesuai dengan rencana pengembangan tahun ini.",
	"Kuota unit untuk pelatihan ini sudah terisi.",
}

var cancelReasons = []string{
	"Ditugaskan mendampingi pimpinan pada jadwal yang sama.",
	"Sakit, disertai surat keterangan dokter.",
	"Mutasi ke unit kerja lain.",
}

// pstate is what the filling remembers of one employee: their live
// enrollments' dates and programs (nobody takes one program twice).
type pstate struct {
	n     int
	spans [][2]time.Time
	progs []int
}

func (s *pstate) overlaps(from, to time.Time) bool {
	for _, sp := range s.spans {
		if !from.After(sp[1]) && !to.Before(sp[0]) {
			return true
		}
	}
	return false
}

// forcedEnr is an enrollment the demo accounts need.
type forcedEnr struct {
	p          *person
	state      learning.State // completed, invited or pending_approval
	cert       bool           // a completed one with its certificate issued
	survey     bool           // … and the survey answered
	noFollowUp bool           // … and no follow-up yet (one is due)
}

// pendingCert is a certificate before its number.
type pendingCert struct {
	enrollment int64
	at         time.Time
	code       string
}

// enroll fills the events in date order: the demo accounts' enrollments
// first, then the pools' candidates by key, as far as each event fills,
// skipping anyone already busy on those days or enrolled often enough.
func (g *learnGen) enroll() {
	forced := g.forced()
	busy := map[int64]*pstate{}
	var certs []pendingCert
	for ei := range g.events {
		ev := &g.events[ei]
		pr := &g.progs[ev.prog]
		cs := slices.Clone(g.pools[ei].h)
		slices.SortStableFunc(cs, func(a, b cand) int {
			switch {
			case a.key > b.key:
				return -1
			case a.key < b.key:
				return 1
			}
			return 0
		})
		target := int(math.Round(ev.fill * float64(ev.e.Capacity)))
		if ev.fill >= 1 {
			target = ev.e.Capacity
		}
		followUps := ev.phase == phasePast && !learning.FollowUpDue(ev.e.EndsOn).After(g.day(-1)) && g.r.Float64() < followUpEvents
		f := &filling{g: g, ev: ev, pr: pr, followUps: followUps}
		seen := map[int64]bool{}
		for _, fe := range forced[ei] {
			seen[fe.p.id] = true
			f.add(fe.p, &fe)
			busy[fe.p.id] = f.mark(busy[fe.p.id])
		}
		for _, c := range cs {
			if f.seated >= target && f.waiting >= ev.waitlist {
				break
			}
			if seen[c.id] || g.special(c.id) {
				continue
			}
			st := busy[c.id]
			if st != nil && (st.n >= maxPerPerson || st.overlaps(ev.e.StartsOn, ev.e.EndsOn) || slices.Contains(st.progs, ev.prog)) {
				continue
			}
			seen[c.id] = true
			if f.add(c.person, nil) {
				busy[c.id] = f.mark(st)
			}
		}
		certs = append(certs, f.certs...)
	}
	g.number(certs)
}

// special reports the demo accounts' people, who get only the enrollments
// forced for them.
func (g *learnGen) special(id int64) bool {
	return id != 0 && (id == g.pegID || id == g.dirID)
}

// filling is the state of filling one event.
type filling struct {
	g         *learnGen
	ev        *evPlan
	pr        *progPlan
	followUps bool
	seated    int
	waiting   int
	certs     []pendingCert
	live      bool // the last enrollment added is live
}

// mark notes a live enrollment of the event for its employee.
func (f *filling) mark(st *pstate) *pstate {
	if !f.live {
		return st
	}
	if st == nil {
		st = &pstate{}
	}
	st.n++
	st.spans = append(st.spans, [2]time.Time{f.ev.e.StartsOn, f.ev.e.EndsOn})
	st.progs = append(st.progs, f.ev.prog)
	return st
}

// deciderOf is who decides for an employee: the supervisor, else the admin.
func (g *learnGen) deciderOf(p *person) string {
	if n, ok := g.supNames[p.sup]; ok && p.sup != 0 {
		return n
	}
	return adminName
}

// add enrolls one employee (forced when fe is set) and reports whether the
// enrollment is live.
func (f *filling) add(p *person, fe *forcedEnr) bool {
	g := f.g
	ev := &f.ev.e
	first := ev.Sessions[0].StartsAt
	e := learning.Enrollment{ID: int64(len(g.enrollments) + 1), EventID: ev.ID, EmployeeID: p.id}
	decider := g.deciderOf(p)
	// Registration or nomination: weeks before the event, inside the
	// window for an open one.
	if f.ev.phase == phaseUpcoming {
		from := ev.RegistrationOpens
		days := max(1, int(g.day(-1).Sub(from).Hours()/24))
		e.CreatedAt = g.before(g.at(from.AddDate(0, 0, g.r.IntN(days))))
	} else {
		e.CreatedAt = g.at(ev.StartsOn.AddDate(0, 0, -12-g.r.IntN(30)))
	}
	self := g.r.Float64() < selfRegShare
	if fe != nil {
		self = fe.state == learning.StatePendingApproval
	}
	if self {
		e.Source, e.CreatedBy = learning.SourceSelf, p.name
	} else {
		e.Source, e.CreatedBy = learning.SourceSupervisor, decider
		if x := g.r.Float64(); p.sup == 0 || x < 0.3 {
			e.Source, e.CreatedBy = learning.SourceAdmin, adminName
		} else if x < 0.42 {
			e.Source, e.CreatedBy = learning.SourcePlan, adminName
		}
	}
	decided := e.CreatedAt.Add(time.Duration(20+g.r.IntN(100)) * time.Hour)
	e.UpdatedAt = e.CreatedAt
	e.DecidedBy = decider
	if !self && e.Source != learning.SourceSupervisor {
		e.DecidedBy = adminName
	}
	f.live = false
	if f.ev.phase == phaseUpcoming {
		f.upcoming(&e, p, fe, self, g.before(decided))
		g.enrollments = append(g.enrollments, e)
		return f.live
	}
	// Past and running events: the way to a seat.
	switch {
	case fe != nil:
	case self && g.r.Float64() < rejectShare:
		e.State, e.Reason, e.UpdatedAt = learning.StateCancelled, pick(g.r, rejectReasons), decided
	case !self && (g.r.Float64() < declineShare || p.never && g.r.Float64() < 0.5):
		e.State, e.Reason, e.UpdatedAt = learning.StateDeclined, pick(g.r, declineReasons), decided.Add(30*time.Hour)
	case g.r.Float64() < cancelShare:
		e.State, e.Reason = learning.StateCancelled, pick(g.r, cancelReasons)
		e.UpdatedAt = g.at(ev.StartsOn.AddDate(0, 0, -1-g.r.IntN(6)))
	}
	if e.State != "" {
		g.enrollments = append(g.enrollments, e)
		return false
	}
	e.State, e.UpdatedAt = learning.StateAccepted, decided
	f.seated++
	f.live = true
	if e.UpdatedAt.After(first) {
		e.UpdatedAt = first.Add(-time.Hour)
	}
	f.attend(&e, p, fe)
	g.enrollments = append(g.enrollments, e)
	return true
}

// upcoming settles an enrollment of an open event: waiting for approval,
// nominated, invited, accepted, declined, or on the waitlist once the
// event is full.
func (f *filling) upcoming(e *learning.Enrollment, p *person, fe *forcedEnr, self bool, decided time.Time) {
	g := f.g
	full := f.seated >= f.ev.e.Capacity
	seat := func(st learning.State) {
		e.UpdatedAt = decided
		if full {
			e.State = learning.StateWaitlisted
			f.waiting++
			e.WaitlistPos = f.waiting
			return
		}
		e.State = st
		f.seated++
	}
	f.live = true
	defer func() {
		if e.State == learning.StatePendingApproval || e.State == learning.StateNominated {
			e.DecidedBy = "" // nobody has decided yet
		}
	}()
	switch {
	case fe != nil:
		e.State = fe.state
		if fe.state == learning.StateInvited {
			e.UpdatedAt = decided
			f.seated++
		}
	case self && g.r.Float64() < upcomingPending:
		e.State = learning.StatePendingApproval
	case self:
		seat(learning.StateAccepted)
	case p.never && g.r.Float64() < 0.5, g.r.Float64() < 0.1:
		e.State, e.Reason, e.UpdatedAt = learning.StateDeclined, pick(g.r, declineReasons), decided
		f.live = false
	default:
		switch x := g.r.Float64(); {
		case x < 0.2 || p.never:
			e.State = learning.StateNominated
		case x < 0.55:
			seat(learning.StateInvited)
		default:
			seat(learning.StateAccepted)
		}
	}
}
