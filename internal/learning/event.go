package learning

import (
	"fmt"
	"strings"
	"time"
)

// EventStatus is the life cycle of an event (angkatan).
type EventStatus string

const (
	EventDraft     EventStatus = "draft"     // being prepared, not in the catalogue
	EventOpen      EventStatus = "open"      // registration open
	EventClosed    EventStatus = "closed"    // registration closed, not started
	EventRunning   EventStatus = "running"   // under way: attendance is taken
	EventFinished  EventStatus = "finished"  // over
	EventCancelled EventStatus = "cancelled" // will not take place
)

// EventStatuses lists every status in life-cycle order.
var EventStatuses = []EventStatus{EventDraft, EventOpen, EventClosed, EventRunning, EventFinished, EventCancelled}

// Valid reports whether s is a known status.
func (s EventStatus) Valid() bool {
	for _, x := range EventStatuses {
		if x == s {
			return true
		}
	}
	return false
}

// eventMoves lists the legal status changes.
var eventMoves = map[EventStatus][]EventStatus{
	EventDraft:   {EventOpen, EventCancelled},
	EventOpen:    {EventClosed, EventRunning, EventCancelled},
	EventClosed:  {EventOpen, EventRunning, EventCancelled},
	EventRunning: {EventFinished, EventCancelled},
}

// NextEventStatus checks a status change: draft → open; open ⇄ closed;
// open, closed → running → finished; anything but finished → cancelled.
func NextEventStatus(from, to EventStatus) error {
	if !to.Valid() {
		return Faults{{Field: "status", Msg: fmt.Sprintf("status kegiatan %q tidak dikenal", to)}}
	}
	for _, x := range eventMoves[from] {
		if x == to {
			return nil
		}
	}
	return &StateError{Msg: fmt.Sprintf("status kegiatan tidak dapat diubah dari %s menjadi %s", from, to)}
}

// Session is one meeting of an event; attendance is taken per session.
type Session struct {
	ID       int64
	Seq      int // 1, 2, … in time order
	StartsAt time.Time
	EndsAt   time.Time
	Topic    string
}

// UnitQuota limits the seats of one unit (with the units below it).
type UnitQuota struct {
	UnitID   int64
	UnitCode string
	Quota    int
}

// MaxCapacity bounds an event's seats.
const MaxCapacity = 10000

// Event is one run (angkatan) of a program.
type Event struct {
	ID        int64
	ProgramID int64
	Code      string
	Title     string
	StartsOn  time.Time
	EndsOn    time.Time
	Place     string
	OnlineURL string
	Capacity  int
	// The registration window, both days inclusive; zero: no bound.
	RegistrationOpens  time.Time
	RegistrationCloses time.Time
	Status             EventStatus
	Sessions           []Session
	Quotas             []UnitQuota
	CreatedAt          time.Time
	UpdatedAt          time.Time
}

// Validate checks an event: code and title, a program, dates in order, a
// place or an online link (http/https), capacity 1–10000, a registration
// window that closes after it opens and not after the event ends, sessions
// numbered 1… in time order inside the event's dates (read in their own
// time zone), and unit quotas of 1 to the capacity, one per unit.
func (e Event) Validate() error {
	var fs Faults
	fs.code("code", "kode angkatan", e.Code, false)
	fs.text("title", "nama angkatan", e.Title, maxName, true)
	if e.ProgramID == 0 {
		fs.add("program", "program wajib dipilih")
	}
	datesOK := false
	switch {
	case e.StartsOn.IsZero():
		fs.add("starts_on", "tanggal mulai wajib diisi")
	case e.EndsOn.IsZero():
		fs.add("ends_on", "tanggal selesai wajib diisi")
	case civil(e.EndsOn).Before(civil(e.StartsOn)):
		fs.add("ends_on", "tanggal selesai tidak boleh sebelum tanggal mulai")
	default:
		datesOK = true
	}
	fs.text("place", "tempat", e.Place, 500, false)
	if u := strings.TrimSpace(e.OnlineURL); u != "" && !webURL(u) {
		fs.add("online_url", "tautan daring harus alamat http:// atau https:// yang lengkap")
	}
	if strings.TrimSpace(e.Place) == "" && strings.TrimSpace(e.OnlineURL) == "" {
		fs.add("place", "tempat atau tautan daring wajib diisi")
	}
	if e.Capacity < 1 || e.Capacity > MaxCapacity {
		fs.add("capacity", "kapasitas harus 1–%d peserta", MaxCapacity)
	}
	if e.Status != "" && !e.Status.Valid() {
		fs.add("status", "status kegiatan %q tidak dikenal", e.Status)
	}
	o, c := e.RegistrationOpens, e.RegistrationCloses
	switch {
	case !o.IsZero() && !c.IsZero() && civil(c).Before(civil(o)):
		fs.add("registration_closes", "pendaftaran tidak boleh ditutup sebelum dibuka")
	case datesOK && !c.IsZero() && civil(c).After(civil(e.EndsOn)):
		fs.add("registration_closes", "pendaftaran tidak boleh ditutup setelah kegiatan selesai")
	}
	if len(e.Sessions) == 0 {
		fs.add("sessions", "sedikitnya satu sesi wajib diisi")
	}
	for i, s := range e.Sessions {
		n := i + 1
		switch {
		case s.Seq != n:
			fs.add("sessions", "sesi ke-%d harus bernomor %d", n, n)
		case s.StartsAt.IsZero() || s.EndsAt.IsZero():
			fs.add("sessions", "sesi ke-%d: waktu mulai dan selesai wajib diisi", n)
		case !s.EndsAt.After(s.StartsAt):
			fs.add("sessions", "sesi ke-%d: waktu selesai harus setelah waktu mulai", n)
		case datesOK && (civil(s.StartsAt).Before(civil(e.StartsOn)) || civil(s.EndsAt).After(civil(e.EndsOn))):
			fs.add("sessions", "sesi ke-%d harus di dalam tanggal kegiatan", n)
		case i > 0 && s.StartsAt.Before(e.Sessions[i-1].EndsAt):
			fs.add("sessions", "sesi ke-%d harus mulai setelah sesi ke-%d selesai", n, i)
		}
		fs.text("sessions", fmt.Sprintf("topik sesi ke-%d", n), s.Topic, maxName, false)
	}
	seen := map[int64]bool{}
	for i, q := range e.Quotas {
		switch {
		case q.UnitID == 0:
			fs.add("quotas", "kuota ke-%d: unit wajib dipilih", i+1)
		case seen[q.UnitID]:
			fs.add("quotas", "kuota ke-%d: unit %s disebut dua kali", i+1, q.UnitCode)
		case q.Quota < 1 || q.Quota > e.Capacity:
			fs.add("quotas", "kuota ke-%d: kuota unit %s harus 1–%d (kapasitas)", i+1, q.UnitCode, e.Capacity)
		}
		seen[q.UnitID] = true
	}
	return fs.err()
}

// RegistrationOpen reports whether employees may register themselves on
// today: the event is open and today lies in the registration window.
func (e Event) RegistrationOpen(today time.Time) bool {
	d := civil(today)
	return e.Status == EventOpen && (e.RegistrationOpens.IsZero() || !d.Before(civil(e.RegistrationOpens))) &&
		(e.RegistrationCloses.IsZero() || !d.After(civil(e.RegistrationCloses)))
}

// Nominations reports whether participants may still be nominated or
// invited: before the event runs.
func (e Event) Nominations() bool {
	return e.Status == EventDraft || e.Status == EventOpen || e.Status == EventClosed
}

// Recording reports whether attendance, scores and completion may be
// recorded: the event has started (running) or is over (finished).
func (e Event) Recording() bool { return e.Status == EventRunning || e.Status == EventFinished }
