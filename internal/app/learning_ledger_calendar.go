package app

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"asah/internal/auth"
	"asah/internal/ical"
	"asah/internal/store"
)

// Calendars: every employee may create a secret feed URL of the sessions of
// the events they hold a seat in (accepted) or attended, for their calendar
// application; only the token's hash is stored and creating a new one
// retires the old. Any event's sessions are also one .ics file.

// calendarTokenPrefix starts every feed token (easy to recognise in a leak).
const calendarTokenPrefix = "kal_"

// feedHistory is how far back a feed reaches.
const feedHistory = 365 * 24 * time.Hour

// RotateCalendarToken creates or replaces the actor's feed token and
// returns it; it is shown once and cannot be read back.
func (a *App) RotateCalendarToken(ctx context.Context, actor Actor) (string, error) {
	if err := actor.Require(PermLearningRead); err != nil {
		return "", err
	}
	if actor.EmployeeID == 0 {
		return "", NotFound("akun ini tidak terhubung dengan data pegawai")
	}
	e, err := a.Store.EmployeeByID(ctx, actor.EmployeeID)
	if err != nil {
		return "", storeError(err, "pegawai")
	}
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	token := calendarTokenPrefix + base64.RawURLEncoding.EncodeToString(b)
	if err := a.Store.SetCalendarToken(ctx, actor.Label(), e.NIP, e.ID, auth.HashToken(token)); err != nil {
		return "", err
	}
	return token, nil
}

// CalendarTokenStatus tells whether the actor has a feed token and since when.
func (a *App) CalendarTokenStatus(ctx context.Context, actor Actor) (bool, time.Time, error) {
	if err := actor.Require(PermLearningRead); err != nil || actor.EmployeeID == 0 {
		return false, time.Time{}, err
	}
	return a.Store.HasCalendarToken(ctx, actor.EmployeeID)
}

// validFeedToken rejects anything without the shape of a feed token
// before a lookup.
func validFeedToken(t string) bool {
	rest, ok := strings.CutPrefix(t, calendarTokenPrefix)
	if !ok || len(rest) != 43 {
		return false
	}
	_, err := base64.RawURLEncoding.DecodeString(rest)
	return err == nil
}

// CalendarFeed writes the feed of a token (no login: the token is the
// secret). An unknown or retired token is not found.
func (a *App) CalendarFeed(ctx context.Context, token string, w io.Writer) error {
	if !validFeedToken(token) {
		return NotFound("kalender tidak ditemukan")
	}
	id, err := a.Store.CalendarTokenOwner(ctx, auth.HashToken(token))
	if errors.Is(err, store.ErrNotFound) {
		return NotFound("kalender tidak ditemukan")
	}
	if err != nil {
		return err
	}
	items, err := a.Store.EmployeeCalendar(ctx, id, a.Now().Add(-feedHistory))
	if err != nil {
		return err
	}
	return a.writeCalendar(w, "Asah — jadwal pembelajaran", items)
}

// EventICS writes the sessions of one event the actor may see.
func (a *App) EventICS(ctx context.Context, actor Actor, code string, w io.Writer) error {
	ev, err := a.visibleEvent(ctx, actor, strings.TrimSpace(code))
	if err != nil {
		return err
	}
	items, err := a.Store.EventCalendar(ctx, ev.Code)
	if err != nil {
		return err
	}
	return a.writeCalendar(w, ev.Title, items)
}

// writeCalendar renders calendar items: a session is a timed entry, an
// event without sessions whole days.
func (a *App) writeCalendar(w io.Writer, name string, items []store.CalendarItem) error {
	cal := ical.Calendar{Name: name}
	for _, it := range items {
		e := ical.Event{Summary: it.Program, Location: it.Place, URL: it.OnlineURL, Cancelled: it.Status == "cancelled"}
		if it.Title != "" && it.Title != it.Program {
			e.Summary += " — " + it.Title
		}
		if e.Location == "" && it.OnlineURL != "" {
			e.Location = "Daring"
		}
		if it.SessionID == 0 {
			e.UID = fmt.Sprintf("event-%d@asah", it.EventID)
			e.AllDay, e.Start, e.End = true, it.StartsOn, it.EndsOn
		} else {
			e.UID = fmt.Sprintf("session-%d@asah", it.SessionID)
			e.Start, e.End, e.Description = it.StartsAt, it.EndsAt, it.Topic
			e.Summary += fmt.Sprintf(" (sesi %d)", it.Seq)
		}
		cal.Events = append(cal.Events, e)
	}
	return ical.Write(w, cal, a.Now())
}
