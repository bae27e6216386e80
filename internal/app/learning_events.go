package app

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"asah/internal/learning"
	"asah/internal/store"
)

// This file holds events (angkatan): their creation and changes by BKPSDM
// or the program's own mitra, their status, and how they are listed.

// SessionInput is a session as a user submits it: local (WIB) date and
// time, "2026-03-02T08:00" or "2026-03-02 08:00".
type SessionInput struct {
	StartsAt string
	EndsAt   string
	Topic    string
}

// QuotaInput is a unit's seat quota.
type QuotaInput struct {
	Unit  string // unit code
	Quota int
}

// EventInput is an event as a user submits it; dates YYYY-MM-DD.
type EventInput struct {
	Program            string // program code (fixed once the event exists)
	Code               string
	Title              string
	StartsOn           string
	EndsOn             string
	Place              string
	OnlineURL          string
	Capacity           int
	RegistrationOpens  string // blank: no bound
	RegistrationCloses string
	Sessions           []SessionInput
	Quotas             []QuotaInput
}

func parseLocal(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02 15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, wib); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("waktu %q tidak valid (format YYYY-MM-DDTHH:MM, WIB)", s)
}

// eventOf turns an input into an event, naming every field at fault.
func (a *App) eventOf(ctx context.Context, in EventInput, programID int64) (learning.Event, error) {
	fields := map[string]string{}
	e := learning.Event{ProgramID: programID, Code: strings.TrimSpace(in.Code), Title: strings.TrimSpace(in.Title),
		StartsOn: parseDay("starts_on", "tanggal mulai", in.StartsOn, fields), EndsOn: parseDay("ends_on", "tanggal selesai", in.EndsOn, fields),
		Place: strings.TrimSpace(in.Place), OnlineURL: strings.TrimSpace(in.OnlineURL), Capacity: in.Capacity,
		RegistrationOpens:  parseDay("registration_opens", "tanggal buka pendaftaran", in.RegistrationOpens, fields),
		RegistrationCloses: parseDay("registration_closes", "tanggal tutup pendaftaran", in.RegistrationCloses, fields)}
	for i, x := range in.Sessions {
		s, err1 := parseLocal(x.StartsAt)
		t, err2 := parseLocal(x.EndsAt)
		if err := errors.Join(err1, err2); err != nil {
			fields["sessions"] = fmt.Sprintf("sesi ke-%d: %v", i+1, strings.ReplaceAll(err.Error(), "\n", "; "))
			continue
		}
		e.Sessions = append(e.Sessions, learning.Session{Seq: len(e.Sessions) + 1, StartsAt: s, EndsAt: t, Topic: strings.TrimSpace(x.Topic)})
	}
	if len(in.Quotas) > 0 {
		units, err := a.cachedUnits(ctx)
		if err != nil {
			return e, err
		}
		byCode := map[string]int64{}
		for _, u := range units {
			byCode[strings.ToUpper(u.Code)] = u.ID
		}
		for i, q := range in.Quotas {
			code := strings.TrimSpace(q.Unit)
			id, ok := byCode[strings.ToUpper(code)]
			if !ok {
				fields["quotas"] = fmt.Sprintf("kuota ke-%d: unit %q tidak ditemukan", i+1, code)
				continue
			}
			e.Quotas = append(e.Quotas, learning.UnitQuota{UnitID: id, UnitCode: code, Quota: q.Quota})
		}
	}
	if err := e.Validate(); err != nil {
		var fs learning.Faults
		if errors.As(err, &fs) {
			for k, v := range fs.Fields() {
				if _, ok := fields[k]; !ok {
					fields[k] = v
				}
			}
		}
	}
	if len(fields) > 0 {
		return e, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	return e, nil
}

// EventView is an event as its page shows it to one viewer.
type EventView struct {
	store.EventRow
	// RegistrationOpen is true when employees may register today.
	RegistrationOpen bool
	// CanManage: the viewer may edit the event, change its status and
	// take attendance.
	CanManage bool
	// Mine is the viewer's own live enrollment (nil: none).
	Mine *store.EnrollmentRow
}

// CreateEvent adds an event (draft) of a program (admin BKPSDM; a mitra for
// its own programs).
func (a *App) CreateEvent(ctx context.Context, actor Actor, in EventInput) (EventView, error) {
	if err := actor.Require(PermLearningManage); err != nil {
		return EventView{}, err
	}
	if strings.TrimSpace(in.Program) == "" {
		return EventView{}, invalidField("program", "program wajib dipilih")
	}
	p, err := a.visibleProgram(ctx, actor, in.Program)
	if err != nil {
		return EventView{}, err
	}
	if err := a.managesProvider(ctx, actor, p.ProviderID, "program"); err != nil {
		return EventView{}, err
	}
	if p.Archived {
		return EventView{}, invalidField("program", "program ini sudah diarsipkan: aktifkan lagi sebelum menambah angkatan")
	}
	e, err := a.eventOf(ctx, in, p.ID)
	if err != nil {
		return EventView{}, err
	}
	e.Status = learning.EventDraft
	if e, err = a.Store.CreateEvent(ctx, actor.Label(), e); err != nil {
		return EventView{}, learnError(err, "angkatan")
	}
	return a.Event(ctx, actor, e.Code)
}

// managedEvent loads an event the actor manages (another institution's is
// not found for a mitra).
func (a *App) managedEvent(ctx context.Context, actor Actor, code string) (store.EventRow, error) {
	if err := actor.Require(PermLearningManage); err != nil {
		return store.EventRow{}, err
	}
	ev, err := a.visibleEvent(ctx, actor, code)
	if err != nil {
		return ev, err
	}
	return ev, a.managesProvider(ctx, actor, ev.ProviderID, "angkatan")
}

// UpdateEvent changes an event found by its current code: dates, place,
// capacity (not below the seats given), registration window, sessions and
// unit quotas. A larger capacity or quota promotes the waitlist at once.
func (a *App) UpdateEvent(ctx context.Context, actor Actor, code string, in EventInput) (EventView, error) {
	ev, err := a.managedEvent(ctx, actor, code)
	if err != nil {
		return EventView{}, err
	}
	if p := strings.TrimSpace(in.Program); p != "" && !strings.EqualFold(p, ev.ProgramCode) {
		return EventView{}, invalidField("program", "program sebuah angkatan tidak dapat diubah: buat angkatan baru pada program lain")
	}
	if ev.Status == learning.EventFinished || ev.Status == learning.EventCancelled {
		return EventView{}, conflict("angkatan yang sudah selesai atau dibatalkan tidak dapat diubah")
	}
	e, err := a.eventOf(ctx, in, ev.ProgramID)
	if err != nil {
		return EventView{}, err
	}
	e.ID = ev.ID
	if e, err = a.Store.UpdateEvent(ctx, actor.Label(), e); err != nil {
		return EventView{}, learnError(err, "angkatan")
	}
	return a.Event(ctx, actor, e.Code)
}

// SetEventStatus moves an event along its life cycle (draft → open ⇄
// closed → running → finished; cancelled from any but finished).
// Cancelling cancels every enrollment not yet attended.
func (a *App) SetEventStatus(ctx context.Context, actor Actor, code, status string) (EventView, error) {
	ev, err := a.managedEvent(ctx, actor, code)
	if err != nil {
		return EventView{}, err
	}
	to := learning.EventStatus(strings.TrimSpace(status))
	if !to.Valid() {
		return EventView{}, invalidField("status", fmt.Sprintf("status kegiatan %q tidak dikenal", status))
	}
	if _, err := a.Store.SetEventStatus(ctx, actor.Label(), ev.ID, to); err != nil {
		return EventView{}, learnError(err, "angkatan")
	}
	return a.Event(ctx, actor, ev.Code)
}

// Event returns one event for its page.
func (a *App) Event(ctx context.Context, actor Actor, code string) (EventView, error) {
	ev, err := a.visibleEvent(ctx, actor, code)
	if err != nil {
		return EventView{}, err
	}
	v := EventView{EventRow: ev, RegistrationOpen: ev.RegistrationOpen(a.Today()),
		CanManage: a.managesProvider(ctx, actor, ev.ProviderID, "angkatan") == nil}
	if actor.EmployeeID != 0 {
		mine, err := a.Store.Enrollments(ctx, store.EnrollmentQuery{EventID: ev.ID, EmployeeID: actor.EmployeeID, Live: true})
		if err != nil {
			return v, err
		}
		if len(mine) > 0 {
			v.Mine = &mine[0]
		}
	}
	return v, nil
}

// EventQuery lists events as a user asks.
type EventQuery struct {
	Program  string // program code
	Provider string // partner code
	From, To string // YYYY-MM-DD: events overlapping the range
	Status   string // one status; blank: all the viewer may see
}

// Events lists the events an actor may see (drafts only for those who
// manage them; a mitra its own), by start date.
func (a *App) Events(ctx context.Context, actor Actor, q EventQuery) ([]store.EventRow, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return nil, err
	}
	fields := map[string]string{}
	sq := store.EventQuery{From: parseDay("from", "tanggal awal", q.From, fields), To: parseDay("to", "tanggal akhir", q.To, fields)}
	if st := learning.EventStatus(strings.TrimSpace(q.Status)); st != "" {
		if !st.Valid() {
			fields["status"] = fmt.Sprintf("status kegiatan %q tidak dikenal", q.Status)
		}
		sq.Statuses = []learning.EventStatus{st}
	}
	if c := strings.TrimSpace(q.Program); c != "" {
		p, err := a.Store.ProgramByCode(ctx, c, a.Today())
		switch {
		case errors.Is(err, store.ErrNotFound):
			fields["program"] = fmt.Sprintf("program dengan kode %q tidak ditemukan", c)
		case err != nil:
			return nil, err
		}
		sq.ProgramID = p.ID
	}
	if c := strings.TrimSpace(q.Provider); c != "" {
		p, err := a.Store.PartnerByCode(ctx, c)
		switch {
		case errors.Is(err, store.ErrNotFound):
			fields["provider"] = fmt.Sprintf("penyelenggara dengan kode %q tidak ditemukan", c)
		case err != nil:
			return nil, err
		}
		sq.ProviderID = p.ID
	}
	if len(fields) > 0 {
		return nil, &Error{Code: CodeInvalid, Message: joinFields(fields), Fields: fields}
	}
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil {
		return nil, err
	}
	if mitra {
		if own == 0 || (sq.ProviderID != 0 && sq.ProviderID != own) {
			return nil, nil
		}
		sq.ProviderID = own
	}
	rows, err := a.Store.Events(ctx, sq)
	if err != nil {
		return nil, err
	}
	m, err := a.manager(ctx, actor)
	if err != nil {
		return nil, err
	}
	out := rows[:0]
	for _, ev := range rows {
		if ev.Status != learning.EventDraft || m(ev.ProviderID) {
			out = append(out, ev)
		}
	}
	return out, nil
}
