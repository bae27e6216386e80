package web

import (
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"asah/internal/app"
)

// TestLearningScreenshots saves screenshots of the learning pages of
// employees and supervisors at desktop and phone widths into
// $ASAH_SCREENSHOTS (skipped when unset), for people to look at; a
// JavaScript error or CSP violation on any of them fails the test.
func TestLearningScreenshots(t *testing.T) {
	dir := os.Getenv("ASAH_SCREENSHOTS")
	if dir == "" {
		t.Skip("set ASAH_SCREENSHOTS=dir to save screenshots")
	}
	ctx := browserFor(t, 5*time.Minute)
	f := newLWFixture(t)
	// Something waiting on every page: P registered, Q invited.
	p := f.as(t, f.P)
	p.post("/learning/events/"+f.Upcoming+"/register", url.Values{})
	if _, err := f.st.app.Nominate(t.Context(), app.System, app.NominationInput{Event: f.Upcoming, NIP: f.Q.NIP, Invite: true}); err != nil {
		t.Fatal(err)
	}
	cert, err := f.st.app.Certificate(t.Context(), f.actP, f.DoneP)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(f.st.h)
	defer srv.Close()
	problems := watchConsole(t, ctx)
	type shot struct{ name, path string }
	who := []struct {
		login, password string
		shots           []shot
	}{
		{"", "", []shot{{"verify", "/verifikasi/" + cert.Code}}},
		{f.st.accounts[app.RolePegawai].Login, f.st.accounts[app.RolePegawai].Password, []shot{
			{"catalogue", "/learning"},
			{"catalogue-filtered", "/learning?method=klasikal&from=2027-01-01&to=2027-03-31"},
			{"program", "/learning/programs/" + f.Program},
			{"event-pending", "/learning/events/" + f.Upcoming},
			{"event-completed", "/learning/events/" + f.Past},
			{"mine", "/learning/mine"},
			{"survey", "/learning/events/" + f.Past + "/survey"},
		}},
		{f.Q.NIP, lwPassword, []shot{{"event-invited", "/learning/events/" + f.Upcoming}}},
		{f.Sup.NIP, lwPassword, []shot{
			{"approvals", "/learning/approvals"},
			{"event-supervisor", "/learning/events/" + f.Upcoming},
			{"jp-team", "/learning/jp"},
		}},
		{f.st.accounts[app.RoleAdminOPD].Login, f.st.accounts[app.RoleAdminOPD].Password, []shot{{"jp-unit", "/learning/jp?sort=progress"}}},
	}
	for _, w := range who {
		if w.login != "" {
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(1280, 900), chromedp.Navigate(srv.URL+"/login"),
				chromedp.WaitVisible(chromedp.ID("login")),
				chromedp.SendKeys(chromedp.ID("login"), w.login),
				chromedp.SendKeys(chromedp.ID("password"), w.password),
				chromedp.Click(chromedp.CSS(`form.form button[type="submit"]`)),
				chromedp.WaitVisible(chromedp.CSS(".who-name"))); err != nil {
				t.Fatalf("login %s: %v", w.login, err)
			}
		}
		for _, s := range w.shots {
			for _, width := range []int64{1280, 375} {
				if err := chromedp.Do(ctx, chromedp.EmulateViewport(width, 900), chromedp.Navigate(srv.URL+s.path),
					chromedp.WaitVisible(chromedp.ID("main")), chromedp.Sleep(300*time.Millisecond)); err != nil {
					t.Fatal(err)
				}
				buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("learning-%s-%d.png", s.name, width)), buf, 0o644); err != nil {
					t.Fatal(err)
				}
			}
		}
		if w.login != "" {
			if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/"), chromedp.Click(chromedp.CSS(`form.logout button`)),
				chromedp.WaitVisible(chromedp.ID("login"))); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range problems.all() {
		t.Errorf("browser: %s", p)
	}
}
