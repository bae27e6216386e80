package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"asah/internal/app"
)

// TestLearningAdminScreenshots saves screenshots of the learning administration
// and partner pages at desktop and phone widths into $ASAH_SCREENSHOTS
// (skipped when unset), for people to look at: with the fixture's data,
// an agreement ending within 30 days and another within 90, a completed
// event, and the program form refused with its messages.
func TestLearningAdminScreenshots(t *testing.T) {
	dir := os.Getenv("ASAH_SCREENSHOTS")
	if dir == "" {
		t.Skip("set ASAH_SCREENSHOTS=dir to save screenshots")
	}
	ctx := browserFor(t, 5*time.Minute)
	st := newSite(t)
	p, x := ladmPeople(t, st)
	f := newLadmFix(t, st, p, x)
	bg := context.Background()
	for _, a := range []struct{ partner, number, ends string }{{f.own.Code, "UJI/ITB/2024", "2026-12-20"}, {f.other.Code, "UJI/LAIN/2024", "2027-02-10"}} {
		if _, err := st.app.SavePartnerAgreement(bg, app.System, a.partner, 0, app.AgreementInput{Number: a.number, StartsOn: "2024-01-01", EndsOn: a.ends}, nil); err != nil {
			t.Fatal(err)
		}
	}
	// The other event is completed: one present at both sessions.
	if _, err := st.app.RecordAttendance(bg, app.System, f.evOther, 1, []app.AttendanceInput{{EnrollmentID: f.enrOtherP, Present: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.app.RecordAttendance(bg, app.System, f.evOther, 2, []app.AttendanceInput{{EnrollmentID: f.enrOtherP, Present: true}}); err != nil {
		t.Fatal(err)
	}
	if _, err := st.app.CompleteEvent(bg, app.System, f.evOther); err != nil {
		t.Fatal(err)
	}
	// The evaluation of a demo program with a past year of events, when
	// the demo has one.
	evalProg := f.progOther
	if _, err := st.s.ProgramByCode(bg, "PELAYANAN", st.app.Today()); err == nil {
		evalProg = "PELAYANAN"
	}
	srv := httptest.NewServer(st.h)
	defer srv.Close()
	problems := watchConsole(t, ctx)
	shots := []struct {
		role  app.Role
		name  string
		path  string
		click string // a button to press before the shot
	}{
		{app.RoleAdminBKPSDM, "partners", "/partners", ""},
		{app.RoleAdminBKPSDM, "partner", "/partners/" + f.own.Code + "?agreement=" + fmt.Sprint(f.agrOwn), ""},
		{app.RoleAdminBKPSDM, "program-new-refused", "/learning/programs/new", "save-program"},
		{app.RoleAdminBKPSDM, "program-edit", "/learning/programs/" + f.progOwn + "/edit", ""},
		{app.RoleAdminBKPSDM, "event-manage", "/learning/events/" + f.evOwn + "/manage", ""},
		{app.RoleAdminBKPSDM, "event-manage-completed", "/learning/events/" + f.evOther + "/manage", ""},
		{app.RoleAdminBKPSDM, "attendance", "/learning/events/" + f.evOwn + "/attendance", ""},
		{app.RoleAdminBKPSDM, "evaluation", "/learning/programs/" + evalProg + "/evaluation", ""},
		{app.RoleMitra, "partners-mitra", "/partners", ""},
		{app.RoleMitra, "event-manage-mitra", "/learning/events/" + f.evOwn + "/manage", ""},
	}
	var current app.Role
	for _, s := range shots {
		if s.role != current {
			acc := st.accounts[s.role]
			if current != "" {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/"),
					chromedp.Click(chromedp.CSS(`form.logout button`)), chromedp.WaitVisible(chromedp.ID("login"))); err != nil {
					t.Fatal(err)
				}
			}
			if err := chromedp.Do(ctx,
				chromedp.Navigate(srv.URL+"/login"),
				chromedp.WaitVisible(chromedp.ID("login")),
				chromedp.SendKeys(chromedp.ID("login"), acc.Login),
				chromedp.SendKeys(chromedp.ID("password"), acc.Password),
				chromedp.Click(chromedp.CSS(`form.form button[type="submit"]`)),
				chromedp.WaitVisible(chromedp.CSS(".who-name")),
			); err != nil {
				t.Fatal(err)
			}
			current = s.role
		}
		for _, w := range []int64{1280, 375} {
			acts := []chromedp.Action[chromedp.Void]{chromedp.EmulateViewport(w, 900), chromedp.Navigate(srv.URL + s.path), chromedp.WaitVisible(chromedp.ID("main"))}
			if s.click != "" {
				acts = append(acts, chromedp.Click(chromedp.ID(s.click)), chromedp.WaitVisible(chromedp.CSS(".form-alert")))
			}
			acts = append(acts, chromedp.Sleep(700*time.Millisecond))
			if err := chromedp.Do(ctx, acts...); err != nil {
				t.Fatalf("%s: %v", s.name, err)
			}
			buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("learning-%s-%d.png", s.name, w)), buf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, pr := range problems.all() {
		if !strings.Contains(pr, "status of 422") { // the refused form, on purpose
			t.Errorf("browser: %s", pr)
		}
	}
}
