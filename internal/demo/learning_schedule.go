package demo

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/people"
)

// progPlan is a program of the catalogue with what the generator needs.
type progPlan struct {
	spec    ProgramSpec
	p       learning.Program
	kinds   map[people.PositionKind]bool // nil: every kind
	targets []progTarget
	tests   bool  // pre- and post-tests are taken
	events  []int // indexes into learnGen.events
}

type progTarget struct {
	id         int64
	level, min int
}

// evPhase is where an event stands on the reference date.
type evPhase int

const (
	phasePast     evPhase = iota // finished, every outcome recorded
	phaseRunning                 // under way: attendance of the past sessions
	phaseUpcoming                // open for registration
)

// evPlan is an event with how full it gets.
type evPlan struct {
	e     learning.Event
	prog  int
	phase evPhase
	fill  float64 // share of the capacity seated
	// waitlist is how many join the waitlist once the event is full.
	waitlist int
	quality  float64 // the participants' mean reaction
}

// minLevels are the programs that need a current level first.
var minLevels = map[string]map[string]int{
	"PROYEK-LANJUT": {"T.PROYEK": 2},
	"EMISI":         {"T.IKLIM": 2},
}

// testedForms take a pre- and post-test; the trainings among them require
// the post-test for completion.
var testedForms = map[development.Form]bool{
	development.PelatihanStruktural: true, development.PelatihanManajerial: true, development.PelatihanTeknis: true,
	development.PelatihanFungsional: true, development.PelatihanSosialKultur: true, development.Kursus: true,
	development.Bimtek: true,
}

// upcoming are the events open for registration: program, days from the
// reference date to the first day, share of the seats already taken (1:
// full, with a waitlist).
var upcoming = []struct {
	code string
	in   int
	fill float64
}{
	{"IKLIM-PROG", 15, 0.4},
	{"PROYEK", 22, 0.3},
	{"INTEG", 10, 0.45},
	{"HASIL", 18, 0.35},
	{"PBJ-DASAR", 24, 1},
	{"DATA-ANALIS", 29, 0.25},
	{"KEBANGSAAN", 36, 0.2},
	{"PELAYANAN", 13, 0.5},
}

// running is the program whose last event of the year is under way on the
// reference date (an ITB training: the demo mitra takes its attendance).
const running = "TATARUANG"

// venues of the providers' classrooms.
var venues = map[string]string{
	"BKPSDM":      "Aula BKPSDM Kota Bandung",
	"BPSDM-JABAR": "Gedung Diklat BPSDM Provinsi Jawa Barat",
	"STIALAN":     "Kampus Politeknik STIA LAN Bandung",
	"KEMENDAGRI":  "Ruang Kelas BPSDM Kemendagri Regional Bandung",
	"ITB":         "Kampus ITB Ganesha, Bandung",
	"UNPAD":       "Kampus Unpad Dipati Ukur, Bandung",
	"UPI":         "Kampus UPI Bumi Siliwangi, Bandung",
	"UNPAR":       "Kampus Unpar Ciumbuleuit, Bandung",
	"TELU":        "Kampus Telkom University, Bandung",
	"UINSGD":      "Kampus UIN Sunan Gunung Djati, Bandung",
	"UNISBA":      "Kampus Unisba Tamansari, Bandung",
	"POLBAN":      "Kampus Polban Ciwaruga, Bandung",
	"PRIMA":       "Ruang Pelatihan PT Prima Kompetensi Nusantara, Bandung",
}

// day is a civil date n days from the reference date.
func (g *learnGen) day(n int) time.Time { return g.today.AddDate(0, 0, n) }

// workday moves a weekend date to the next Monday.
func workday(d time.Time) time.Time {
	switch d.Weekday() {
	case time.Saturday:
		return d.AddDate(0, 0, 2)
	case time.Sunday:
		return d.AddDate(0, 0, 1)
	}
	return d
}

// schedule builds the providers, agreements, programs and events: the
// past year's events of every program (its Events count, spread over the
// last twelve months), the running one and the open ones.
func (g *learnGen) schedule() error {
	provID := map[string]int64{}
	created := g.day(-420).Add(2 * time.Hour)
	for i, s := range DemoProviders() {
		p := learning.Partner{ID: int64(i + 1), Code: s.Code, Name: s.Name, Kind: learning.PartnerKind(s.Kind),
			Address: venues[s.Code], CreatedAt: created, UpdatedAt: created}
		provID[s.Code] = p.ID
		g.partners = append(g.partners, p)
		if s.AgreementNo == "" {
			continue
		}
		a := learning.Agreement{ID: int64(len(g.agreements) + 1), PartnerID: p.ID, Number: s.AgreementNo,
			Title:    "Perjanjian Kerja Sama Pengembangan Kompetensi ASN Pemerintah Kota Bandung dan " + s.Name,
			Scope:    s.AgreementScope,
			StartsOn: g.day(s.StartDays), EndsOn: g.day(s.EndDays)}
		a.CreatedAt = a.StartsOn.Add(3 * time.Hour)
		a.UpdatedAt = a.CreatedAt
		doc, err := agreementPDF(s, a)
		if err != nil {
			return err
		}
		a.Document = learning.Document{Name: strings.ReplaceAll(s.AgreementNo, "/", "-") + ".pdf", ContentType: "application/pdf",
			Size: int64(len(doc))}
		g.agreements = append(g.agreements, Agreement{Agreement: a, Data: doc})
	}

	for i, s := range DemoPrograms() {
		form := development.Form(s.Form)
		p := learning.Program{ID: int64(i + 1), Code: s.Code, Title: s.Title, Description: s.Description, JP: s.JP,
			ProviderID: provID[s.Provider], Method: learning.MethodOf(form), Form: form, Delivery: learning.Delivery(s.Delivery),
			CostPerParticipant: s.CostPerParticipant, FixedCostPerEvent: s.FixedCost, Mandatory: s.Mandatory,
			MinAttendance: learning.DefaultMinAttendance, CreatedAt: created.Add(time.Duration(i+1) * time.Hour)}
		p.UpdatedAt = p.CreatedAt
		if form == development.PelatihanStruktural {
			p.MinAttendance = 0.9
		}
		pr := progPlan{spec: s, tests: testedForms[form]}
		if pr.tests && form != development.Bimtek {
			p.RequiresPostTest, p.PassScore = true, 70
		}
		if len(s.Kinds) > 0 {
			pr.kinds = map[people.PositionKind]bool{}
			for _, k := range s.Kinds {
				pr.kinds[people.PositionKind(k)] = true
				p.EligibleKinds = append(p.EligibleKinds, people.PositionKind(k))
			}
		}
		for _, t := range s.Targets {
			id, ok := g.comp[t.Code]
			if !ok {
				return fmt.Errorf("demo: program %s: kompetensi %s tidak ada di kamus", s.Code, t.Code)
			}
			min := minLevels[s.Code][t.Code]
			p.Targets = append(p.Targets, learning.Target{CompetencyID: id, Level: t.Level, MinLevel: min})
			pr.targets = append(pr.targets, progTarget{id: id, level: t.Level, min: min})
		}
		pr.p = p
		g.progs = append(g.progs, pr)
	}

	// Events: first days and how full they get, then IDs in date order.
	for pi := range g.progs {
		pr := &g.progs[pi]
		n := pr.spec.Events
		span := 350.0 / float64(n)
		for k := 0; k < n; k++ {
			off := -365 + int((float64(k)+0.15+0.7*g.r.Float64())*span)
			ev := evPlan{prog: pi, phase: phasePast, fill: g.fillOf(pr), quality: 3.6 + 0.7*g.r.Float64()}
			first := workday(g.day(off))
			if pr.spec.Code == running && k == n-1 {
				ev.phase, first = phaseRunning, g.day(-1)
				for first.Weekday() == time.Saturday || first.Weekday() == time.Sunday {
					first = first.AddDate(0, 0, -1)
				}
			}
			ev.e.Sessions = g.sessions(pr, first)
			if ev.phase == phasePast {
				// Past events end at least three days before the reference date.
				for last := ev.e.Sessions[len(ev.e.Sessions)-1].StartsAt; !last.Before(g.day(-3)); last = ev.e.Sessions[len(ev.e.Sessions)-1].StartsAt {
					first = workday(first.AddDate(0, 0, -7))
					first = first.AddDate(0, 0, -int(first.Weekday()-time.Monday))
					ev.e.Sessions = g.sessions(pr, first)
				}
			}
			g.events = append(g.events, ev)
		}
	}
	for _, u := range upcoming {
		pi := slices.IndexFunc(g.progs, func(p progPlan) bool { return p.spec.Code == u.code })
		if pi < 0 {
			return fmt.Errorf("demo: program %s tidak ada di katalog", u.code)
		}
		ev := evPlan{prog: pi, phase: phaseUpcoming, fill: u.fill, quality: 4}
		if u.fill >= 1 {
			ev.waitlist = 4
		}
		ev.e.Sessions = g.sessions(&g.progs[pi], workday(g.day(u.in)))
		g.events = append(g.events, ev)
	}
	slices.SortStableFunc(g.events, func(a, b evPlan) int {
		return a.e.Sessions[0].StartsAt.Compare(b.e.Sessions[0].StartsAt)
	})

	seq := map[string]int{}
	var sessionID int64
	for i := range g.events {
		ev := &g.events[i]
		pr := &g.progs[ev.prog]
		pr.events = append(pr.events, i)
		e := &ev.e
		e.ID, e.ProgramID = int64(i+1), pr.p.ID
		first, last := e.Sessions[0].StartsAt, e.Sessions[len(e.Sessions)-1].StartsAt
		e.StartsOn = time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, time.UTC)
		e.EndsOn = time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, time.UTC)
		key := fmt.Sprintf("%s-%d", pr.spec.Code, e.StartsOn.Year())
		seq[key]++
		e.Code = fmt.Sprintf("%s-%02d", key, seq[key])
		e.Title = fmt.Sprintf("%s Angkatan %d Tahun %d", pr.p.Title, seq[key], e.StartsOn.Year())
		e.Capacity = pr.spec.Capacity
		switch pr.p.Delivery {
		case learning.Online:
			e.OnlineURL = "https://elearning.bkpsdm.bandung.go.id/kelas/" + strings.ToLower(e.Code)
		case learning.Blended:
			e.Place = venues[pr.spec.Provider]
			e.OnlineURL = "https://elearning.bkpsdm.bandung.go.id/kelas/" + strings.ToLower(e.Code)
		default:
			e.Place = venues[pr.spec.Provider]
		}
		switch ev.phase {
		case phasePast:
			e.Status = learning.EventFinished
			e.RegistrationOpens, e.RegistrationCloses = e.StartsOn.AddDate(0, 0, -45), e.StartsOn.AddDate(0, 0, -5)
		case phaseRunning:
			e.Status = learning.EventRunning
			e.RegistrationOpens, e.RegistrationCloses = e.StartsOn.AddDate(0, 0, -45), e.StartsOn.AddDate(0, 0, -5)
		case phaseUpcoming:
			e.Status = learning.EventOpen
			e.RegistrationOpens, e.RegistrationCloses = g.day(-5-g.r.IntN(15)), e.StartsOn.AddDate(0, 0, -3)
		}
		e.CreatedAt = g.at(e.RegistrationOpens.AddDate(0, 0, -7-g.r.IntN(14)))
		e.UpdatedAt = e.CreatedAt
		if ev.phase != phaseUpcoming {
			// The last status change: running on the first day, finished after the last.
			e.UpdatedAt = first.Add(-30 * time.Minute)
			if ev.phase == phasePast {
				e.UpdatedAt = e.Sessions[len(e.Sessions)-1].EndsAt.Add(2 * time.Hour)
			}
		}
		for j := range e.Sessions {
			sessionID++
			e.Sessions[j].ID = sessionID
		}
	}
	g.pools = make([]pool, len(g.events))
	earlier := make([]int, len(g.progs)) // seats of the program's earlier events
	for i, ev := range g.events {
		// Room for the candidates who decline, are cancelled or busy, and
		// for those who took the program in an earlier event (the same
		// people draw high keys in every event of a program).
		g.pools[i].size = int(math.Ceil(1.6*float64(ev.e.Capacity)*min(ev.fill, 1))) + 8 + 3*ev.waitlist + earlier[ev.prog]
		earlier[ev.prog] += ev.e.Capacity
	}
	return nil
}

// fillOf draws how full a past event got: large online events and
// seminars fill less than classroom trainings.
func (g *learnGen) fillOf(pr *progPlan) float64 {
	if pr.spec.Capacity >= 100 {
		return 0.45 + 0.4*g.r.Float64()
	}
	return 0.72 + 0.28*g.r.Float64()
}

// sessionTopics name the sessions of an event in order.
var sessionTopics = []string{"Pembukaan dan konsep dasar", "Regulasi dan kebijakan", "Studi kasus", "Praktik terbimbing",
	"Kerja kelompok", "Kunjungan lapangan", "Penyusunan rencana aksi", "Presentasi rencana aksi", "Evaluasi dan penutupan"}

// sessions lays out a program's sessions on consecutive working days from
// first: a working day in class (08:00–16:00 WIB) or a morning online
// (09:00–12:00 WIB), stored in UTC.
func (g *learnGen) sessions(pr *progPlan, first time.Time) []learning.Session {
	n := pr.spec.Sessions
	out := make([]learning.Session, 0, n)
	from, to := 1*time.Hour, 9*time.Hour
	if pr.p.Delivery == learning.Online {
		from, to = 2*time.Hour, 5*time.Hour
	}
	d := first
	for i := 0; i < n; i++ {
		d = workday(d)
		topic := sessionTopics[min(i, len(sessionTopics)-2)]
		if i == n-1 && n > 1 {
			topic = sessionTopics[len(sessionTopics)-1]
		}
		if n == 1 {
			topic = pr.p.Title
		}
		out = append(out, learning.Session{Seq: i + 1, StartsAt: d.Add(from), EndsAt: d.Add(to), Topic: topic})
		d = d.AddDate(0, 0, 1)
	}
	return out
}
