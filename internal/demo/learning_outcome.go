package demo

import (
	"encoding/base64"
	"fmt"
	"math"
	"slices"
	"time"

	"asah/internal/certificate"
	"asah/internal/competency"
	"asah/internal/learning"
)

var reactionComments = []string{
	"Materi sangat relevan dengan pekerjaan sehari-hari.",
	"Narasumber menguasai materi dan memberi banyak contoh kasus.",
	"Waktu praktik terlalu singkat dibanding materinya.",
	"Ruang kelas kurang nyaman; pendingin ruangan tidak berfungsi.",
	"Mohon materi presentasi dibagikan sebelum kelas dimulai.",
	"Studi kasus dari kota lain sangat membantu.",
}

var followUpComments = map[learning.Applied][]string{
	learning.AppliedYes: {
		"Sudah menerapkan materi dalam penyusunan dokumen kegiatan bidang.",
		"Menjadi rujukan rekan kerja untuk topik ini dan berbagi materi di rapat staf.",
	},
	learning.AppliedPartly: {
		"Sebagian materi diterapkan; perlu pendampingan untuk kasus yang lebih kompleks.",
		"Mulai menerapkan, tetapi terkendala aplikasi pendukung yang belum tersedia.",
	},
	learning.AppliedNo: {
		"Belum ada kesempatan menerapkan karena perubahan tugas.",
		"Materi belum sesuai dengan tugas pokok saat ini.",
	},
}

// attend records the attendance of a seated participant and, for a past
// event, the outcome: no-show, completed or not completed by the
// program's rule, with test scores, certificate, survey and follow-up.
func (f *filling) attend(e *learning.Enrollment, p *person, fe *forcedEnr) {
	g := f.g
	ev := &f.ev.e
	n := len(ev.Sessions)
	rule := f.pr.p.Completion()
	need := int(math.Ceil(rule.MinAttendance*float64(n) - 1e-9))
	present := 0
	switch {
	case fe != nil:
		present = n
		if n > need && g.r.Float64() < 0.3 {
			present = n - 1
		}
	case p.never || g.r.Float64() < noShowShare:
	case need > 1 && g.r.Float64() < shortShare:
		present = 1 + g.r.IntN(need-1)
	default:
		present = n
		if n > need && g.r.Float64() < 0.3 {
			present = need + g.r.IntN(n-need)
		}
	}
	order := g.r.Perm(n) // which sessions were missed
	missed := make([]bool, n)
	for _, i := range order[:n-present] {
		missed[i] = true
	}
	running := f.ev.phase == phaseRunning
	attended := 0
	var last time.Time
	for i, s := range ev.Sessions {
		if running && !s.StartsAt.Before(g.today) {
			break
		}
		here := !missed[i]
		if running {
			here = !p.never && g.r.Float64() < 0.92
		}
		at := s.StartsAt.Add(time.Duration(30+g.r.IntN(90)) * time.Minute)
		g.attendance = append(g.attendance, Attendance{EnrollmentID: e.ID, SessionID: s.ID, Present: here, RecordedBy: demoActor, RecordedAt: at})
		last = at
		if here {
			attended++
		}
	}
	if f.pr.tests && attended > 0 {
		// Post-tests around 80–90 by level (a few below the pass score of
		// 70), pre-tests some 15 points lower.
		post := score(80 + 3*float64(max(p.level(f.pr.targets[0].id), 1)) + 7*g.r.NormFloat64())
		pre := score(post - 15 - 7*g.r.NormFloat64())
		e.PreScore = &pre
		if !running {
			if fe != nil && rule.RequiresPostTest {
				post = max(post, rule.PassScore+4.5)
			}
			e.PostScore = &post
		}
	}
	if running {
		if attended > 0 {
			e.State, e.UpdatedAt = learning.StateAttended, last
		}
		return
	}
	closed := g.before(g.at(ev.EndsOn.AddDate(0, 0, g.r.IntN(4))))
	if closed.Before(last) {
		closed = last.Add(time.Hour)
	}
	e.UpdatedAt = closed
	if attended == 0 {
		e.State = learning.StateNoShow
		return
	}
	if !rule.Evaluate(attended, n, e.PostScore).Completed {
		e.State = learning.StateNotCompleted
		f.survey(e, fe)
		return
	}
	e.State, e.CompletedAt = learning.StateCompleted, closed
	if fe == nil && g.r.Float64() < certShare || fe != nil && fe.cert {
		issued := g.before(closed.Add(time.Duration(1+g.r.IntN(20*24)) * time.Hour))
		if issued.Before(closed) {
			issued = closed
		}
		code := make([]byte, certificate.CodeBytes)
		for i := range code {
			code[i] = byte(g.r.Uint32())
		}
		f.certs = append(f.certs, pendingCert{enrollment: e.ID, at: issued, code: base64.RawURLEncoding.EncodeToString(code)})
	}
	f.survey(e, fe)
	if f.followUps && p.sup != 0 && (fe == nil || !fe.noFollowUp) && g.r.Float64() < followUpShare {
		f.followUp(e, p)
	}
}

// score rounds a test score to a half point within 0–100.
func score(x float64) float64 { return math.Round(min(max(x, 0), 100)*2) / 2 }

// survey answers the reaction survey of an attendee, most of the time.
func (f *filling) survey(e *learning.Enrollment, fe *forcedEnr) {
	g := f.g
	if fe != nil && !fe.survey || fe == nil && g.r.Float64() >= surveyShare {
		return
	}
	scale := func() int { return min(max(int(math.Round(f.ev.quality+0.75*g.r.NormFloat64())), 1), 5) }
	r := Reaction{ID: int64(len(g.reactions) + 1), EnrollmentID: e.ID,
		Reaction: learning.Reaction{Relevance: scale(), Content: scale(), Facilitator: scale(), Organisation: scale()}}
	if g.r.Float64() < 0.3 {
		r.Comment = pick(g.r, reactionComments)
	}
	r.SubmittedAt = g.before(g.at(f.ev.e.EndsOn.AddDate(0, 0, g.r.IntN(10))))
	g.reactions = append(g.reactions, r)
}

// followUp records the supervisor's follow-up of a completed participant,
// sometimes with a new supervisor assessment of the program's first target
// competency: a level up when the learning is applied and the target is
// above the current level.
func (f *filling) followUp(e *learning.Enrollment, p *person) {
	g := f.g
	due := learning.FollowUpDue(f.ev.e.EndsOn)
	on := due.AddDate(0, 0, g.r.IntN(25))
	if !on.Before(g.today) {
		on = g.day(-1)
	}
	at := g.before(g.at(on))
	applied := learning.AppliedYes
	switch x := g.r.Float64(); {
	case x < 0.15:
		applied = learning.AppliedNo
	case x < 0.5:
		applied = learning.AppliedPartly
	}
	sup := g.deciderOf(p)
	fu := FollowUp{ID: int64(len(g.followUps) + 1), EnrollmentID: e.ID, Applied: applied,
		Comment: pick(g.r, followUpComments[applied]), RecordedBy: demoActor, RecorderName: sup, RecordedAt: at}
	t := f.pr.targets[0]
	if cur := p.level(t.id); cur > 0 && g.r.Float64() < followUpAssess {
		lvl := cur
		if applied == learning.AppliedYes && cur < t.level {
			lvl++
		}
		g.nextAs++
		g.assessments = append(g.assessments, competency.Assessment{ID: g.nextAs, EmployeeID: p.id, CompetencyID: t.id,
			Source: competency.SourceSupervisor, Level: lvl, Assessor: sup, AssessedOn: on,
			Evidence: fmt.Sprintf("Tindak lanjut evaluasi pelatihan %s (%s)", f.pr.p.Title, f.ev.e.Code),
			Status:   competency.Final, RecordedAt: at})
		fu.AssessmentID = g.nextAs
	}
	g.followUps = append(g.followUps, fu)
}

// number gives the certificates their numbers: per year of issue (WIB),
// in the order they were issued.
func (g *learnGen) number(cs []pendingCert) {
	slices.SortStableFunc(cs, func(a, b pendingCert) int {
		if c := a.at.Compare(b.at); c != 0 {
			return c
		}
		return int(a.enrollment - b.enrollment)
	})
	seq := map[int]int{}
	for i, c := range cs {
		y := learning.YearOf(c.at)
		seq[y]++
		g.certs = append(g.certs, Certificate{ID: int64(i + 1), EnrollmentID: c.enrollment, Year: y, Seq: seq[y],
			Number: certificate.Number(y, seq[y]), Code: c.code, IssuedAt: c.at, IssuedBy: demoActor})
	}
}
