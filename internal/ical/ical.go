// Package ical writes iCalendar (RFC 5545) feeds of learning events: a
// VCALENDAR of VEVENTs with UID, DTSTAMP, DTSTART/DTEND in UTC, SUMMARY,
// LOCATION, URL and DESCRIPTION; lines end in CRLF and are folded at 75
// octets; text values are escaped.
package ical

import (
	"fmt"
	"io"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"
)

// ContentType is the media type of a feed.
const ContentType = "text/calendar; charset=utf-8"

// ProductID names the program that wrote a feed (PRODID).
const ProductID = "-//Asah//Kalender Pengembangan Kompetensi//ID"

// Event is one calendar entry.
type Event struct {
	// UID is stable across feeds (a session keeps its UID when it moves),
	// e.g. "session-12@asah".
	UID   string
	Start time.Time
	End   time.Time
	// AllDay writes Start and End as dates (End inclusive here; written
	// exclusive as RFC 5545 wants).
	AllDay      bool
	Summary     string
	Location    string
	URL         string
	Description string
	Cancelled   bool
}

// Calendar is a named list of events.
type Calendar struct {
	Name   string
	Events []Event
}

// Write writes a calendar; stamp is the DTSTAMP of every event (when the
// feed was produced).
func Write(w io.Writer, c Calendar, stamp time.Time) error {
	cal := ics.NewCalendarFor("Asah")
	cal.SetProductId(ProductID)
	cal.SetMethod(ics.MethodPublish)
	if c.Name != "" {
		cal.SetName(clean(c.Name))
	}
	for i, e := range c.Events {
		if strings.TrimSpace(e.UID) == "" || strings.ContainsAny(e.UID, "\r\n") {
			return fmt.Errorf("ical: event %d has no usable UID", i+1)
		}
		if e.End.Before(e.Start) {
			return fmt.Errorf("ical: event %s ends before it starts", e.UID)
		}
		ev := cal.AddEvent(e.UID)
		ev.SetDtStampTime(stamp)
		if e.AllDay {
			ev.SetAllDayStartAt(e.Start)
			ev.SetAllDayEndAt(e.End.AddDate(0, 0, 1))
		} else {
			ev.SetStartAt(e.Start)
			ev.SetEndAt(e.End)
		}
		ev.SetSummary(clean(e.Summary))
		if e.Location != "" {
			ev.SetLocation(clean(e.Location))
		}
		if e.URL != "" {
			if strings.ContainsAny(e.URL, "\r\n\t ") {
				return fmt.Errorf("ical: event %s has a URL with blanks", e.UID)
			}
			ev.SetURL(e.URL)
		}
		if e.Description != "" {
			ev.SetDescription(clean(e.Description))
		}
		if e.Cancelled {
			ev.SetStatus(ics.ObjectStatusCancelled)
		} else {
			ev.SetStatus(ics.ObjectStatusConfirmed)
		}
	}
	return cal.SerializeTo(w, ics.WithNewLineWindows)
}

// clean makes free text safe for a TEXT value: line breaks become one
// "\n" (escaped by the writer), other control characters are dropped.
func clean(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		if r == '\n' {
			return r
		}
		if r < 0x20 || r == 0x7f {
			return -1
		}
		return r
	}, s)
}
