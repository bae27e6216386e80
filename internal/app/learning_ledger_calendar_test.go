package app_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
)

func TestCalendarFeedAndEventICS(t *testing.T) {
	o := newLedgerOrg(t)
	ctx := context.Background()
	a := o.a
	o.enroll(t, o.eventE, 3, "completed", time.Date(2026, 3, 6, 9, 0, 0, 0, time.UTC))
	o.enroll(t, o.eventG, 3, "accepted", time.Time{})
	o.enroll(t, o.eventF, 3, "waitlisted", time.Time{})

	if has, _, err := a.CalendarTokenStatus(ctx, o.stafA); has || err != nil {
		t.Fatalf("token before creating one: %v %v", has, err)
	}
	token, err := a.RotateCalendarToken(ctx, o.stafA)
	if err != nil || !strings.HasPrefix(token, "kal_") || len(token) != 47 {
		t.Fatalf("token %q %v", token, err)
	}
	var feed bytes.Buffer
	if err := a.CalendarFeed(ctx, token, &feed); err != nil {
		t.Fatal(err)
	}
	out := feed.String()
	// Two sessions of each seated event; nothing of the waitlisted one.
	if n := strings.Count(out, "BEGIN:VEVENT\r\n"); n != 4 {
		t.Errorf("%d events in the feed:\n%s", n, out)
	}
	for _, want := range []string{"SUMMARY:Bimtek Pengadaan Barang/Jasa — Angkatan I (sesi 2)\r\n", "DTSTART:20261207T010000Z\r\n",
		"LOCATION:Aula BKPSDM\r\n", "X-WR-CALNAME:Asah — jadwal pembelajaran\r\n"} {
		if !strings.Contains(out, want) {
			t.Errorf("feed lacks %q", want)
		}
	}
	if strings.Contains(out, "PMK-2026-02") || strings.Contains(out, o.nip[3]) || strings.Contains(out, "Citra") {
		t.Errorf("feed shows the waitlisted event or personal data:\n%s", out)
	}

	// A new token retires the old one.
	again, err := a.RotateCalendarToken(ctx, o.stafA)
	if err != nil || again == token {
		t.Fatalf("rotate: %v", err)
	}
	expect(t, "retired token", a.CalendarFeed(ctx, token, &bytes.Buffer{}), app.CodeNotFound)
	expect(t, "garbage token", a.CalendarFeed(ctx, "kal_x", &bytes.Buffer{}), app.CodeNotFound)
	if err := a.CalendarFeed(ctx, again, &bytes.Buffer{}); err != nil {
		t.Errorf("new token: %v", err)
	}
	if has, _, _ := a.CalendarTokenStatus(ctx, o.stafA); !has {
		t.Error("no token after rotating")
	}
	_, err = a.RotateCalendarToken(ctx, o.admin)
	expect(t, "an account without an employee record", err, app.CodeNotFound)

	var ics bytes.Buffer
	if err := a.EventICS(ctx, o.stafB, "BPBJ-2026-01", &ics); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(ics.String(), "BEGIN:VEVENT"); n != 2 || !strings.Contains(ics.String(), "UID:session-") {
		t.Errorf("event ics:\n%s", ics.String())
	}
	expect(t, "unknown event", a.EventICS(ctx, o.stafB, "NOPE", &bytes.Buffer{}), app.CodeNotFound)
}
