package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"asah/internal/app"
	"asah/internal/store"
)

// The event form: an event (angkatan) of a program with its sessions, place
// or online link, capacity, unit quotas and registration window. The same
// form adds an event on the program's page and edits it on the event's
// management page.

const (
	ladmBlankSessions = 2  // blank session rows offered beyond those typed
	ladmBlankQuotas   = 2  // blank quota rows
	ladmMaxRows       = 60 // rows read from a post, at most
)

// ladmWIB is the city's time zone: sessions are typed and shown in it.
var ladmWIB = time.FixedZone("WIB", 7*3600)

// ladmEventForm is the event form as typed.
type ladmEventForm struct {
	Code, Title, StartsOn, EndsOn string
	Place, OnlineURL, Capacity    string
	RegistrationOpens, RegCloses  string
	Sessions                      []ladmSessionRow
	Quotas                        []ladmQuotaRow
	Errors                        formErrors // the messages, by field
}

// ladmSessionRow is one session as typed: a date and two times (WIB).
type ladmSessionRow struct {
	N                       int
	Date, Start, End, Topic string
}

// ladmQuotaRow is one unit's quota as typed.
type ladmQuotaRow struct {
	N           int
	Unit, Quota string
}

// pad numbers the rows and adds the blank ones.
func (f *ladmEventForm) pad() {
	if f.Errors == nil {
		f.Errors = formErrors{}
	}
	for range ladmBlankSessions {
		f.Sessions = append(f.Sessions, ladmSessionRow{})
	}
	for range ladmBlankQuotas {
		f.Quotas = append(f.Quotas, ladmQuotaRow{})
	}
	for i := range f.Sessions {
		f.Sessions[i].N = i + 1
	}
	for i := range f.Quotas {
		f.Quotas[i].N = i + 1
	}
}

// ladmEventFormOf fills the form from a stored event.
func ladmEventFormOf(ev store.EventRow) ladmEventForm {
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format("2006-01-02")
	}
	f := ladmEventForm{Code: ev.Code, Title: ev.Title, StartsOn: day(ev.StartsOn), EndsOn: day(ev.EndsOn), Place: ev.Place,
		OnlineURL: ev.OnlineURL, Capacity: strconv.Itoa(ev.Capacity), RegistrationOpens: day(ev.RegistrationOpens),
		RegCloses: day(ev.RegistrationCloses)}
	for _, x := range ev.Sessions {
		a, b := x.StartsAt.In(ladmWIB), x.EndsAt.In(ladmWIB)
		f.Sessions = append(f.Sessions, ladmSessionRow{Date: a.Format("2006-01-02"), Start: a.Format("15:04"), End: endClock(a, b), Topic: x.Topic})
	}
	for _, q := range ev.Quotas {
		f.Quotas = append(f.Quotas, ladmQuotaRow{Unit: q.UnitCode, Quota: strconv.Itoa(q.Quota)})
	}
	return f
}

// endClock writes a session's end time; a session past midnight (rare)
// keeps its own date in the time field's text so that nothing is lost.
func endClock(a, b time.Time) string {
	if a.Format("2006-01-02") == b.Format("2006-01-02") {
		return b.Format("15:04")
	}
	return b.Format("2006-01-02T15:04")
}

// ladmReadEventForm reads the posted event; own holds the fields that are
// not numbers where numbers belong (the use case then gets a value it
// refuses, so nothing is saved).
func ladmReadEventForm(r *http.Request, tr func(string, ...any) string) (ladmEventForm, app.EventInput, formErrors) {
	get := func(k string) string { return strings.TrimSpace(r.PostForm.Get(k)) }
	f := ladmEventForm{Code: get("code"), Title: get("title"), StartsOn: get("starts_on"), EndsOn: get("ends_on"),
		Place: get("place"), OnlineURL: get("online_url"), Capacity: get("capacity"),
		RegistrationOpens: get("registration_opens"), RegCloses: get("registration_closes")}
	in := app.EventInput{Code: f.Code, Title: f.Title, StartsOn: f.StartsOn, EndsOn: f.EndsOn, Place: f.Place,
		OnlineURL: f.OnlineURL, RegistrationOpens: f.RegistrationOpens, RegistrationCloses: f.RegCloses}
	own := formErrors{}
	if n, ok := ladmNum(f.Capacity, false); ok {
		in.Capacity = int(n)
	} else {
		own["capacity"], in.Capacity = tr("ladm.err.number"), -1
	}
	for i := range ladmMaxRows {
		k := fmt.Sprintf("s%d.", i)
		row := ladmSessionRow{Date: get(k + "date"), Start: get(k + "start"), End: get(k + "end"), Topic: get(k + "topic")}
		if row.Date == "" && row.Start == "" && row.End == "" && row.Topic == "" {
			continue
		}
		f.Sessions = append(f.Sessions, row)
		end := row.End
		if !strings.Contains(end, "T") {
			end = row.Date + "T" + end
		}
		in.Sessions = append(in.Sessions, app.SessionInput{StartsAt: row.Date + "T" + row.Start, EndsAt: end, Topic: row.Topic})
	}
	for i := range ladmMaxRows {
		k := fmt.Sprintf("q%d.", i)
		row := ladmQuotaRow{Unit: get(k + "unit"), Quota: get(k + "quota")}
		if row.Unit == "" && row.Quota == "" {
			continue
		}
		f.Quotas = append(f.Quotas, row)
		n, ok := ladmNum(row.Quota, false)
		if !ok {
			own["quotas"], n = tr("ladm.err.number"), -1
		}
		in.Quotas = append(in.Quotas, app.QuotaInput{Unit: row.Unit, Quota: int(n)})
	}
	return f, in, own
}
