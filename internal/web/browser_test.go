package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	cdplog "github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"asah/internal/app"
	"asah/internal/store"
)

const chromiumPath = "/usr/bin/chromium"

// browser starts the system Chromium for a test, headless with a fresh
// profile; without Chromium the test is skipped with a visible note, except
// in CI, where it fails.
func browser(t *testing.T) context.Context {
	t.Helper()
	return browserFor(t, 60*time.Second)
}

// browserFor is browser with a longer bound on the whole session, for
// tests that visit many pages (the bound only stops a hung browser).
func browserFor(t *testing.T, limit time.Duration) context.Context {
	t.Helper()
	path := chromiumPath
	if _, err := os.Stat(path); err != nil {
		if p, err := exec.LookPath("chromium"); err == nil {
			path = p
		} else {
			if os.Getenv("CI") == "true" {
				t.Fatalf("browser tests need Chromium at %s (apt-get install chromium)", chromiumPath)
			}
			t.Skipf("SKIPPED: browser tests need Chromium at %s (apt-get install chromium); CI=true makes this a failure", chromiumPath)
		}
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	}
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(allocCtx)
	ctx, cancelTimeout := context.WithTimeout(ctx, limit)
	t.Cleanup(func() {
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
	})
	return ctx
}

// consoleProblems collects JavaScript exceptions, console errors and
// browser log errors (a CSP violation is one) of a tab.
type consoleProblems struct {
	mu   sync.Mutex
	list []string
}

func (c *consoleProblems) add(s string) {
	c.mu.Lock()
	c.list = append(c.list, s)
	c.mu.Unlock()
}

func (c *consoleProblems) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.list...)
}

func watchConsole(t *testing.T, ctx context.Context) *consoleProblems {
	t.Helper()
	p := &consoleProblems{}
	if err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			p.add("exception: " + e.ExceptionDetails.Text + " " + fmt.Sprint(e.ExceptionDetails.Exception))
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				p.add("console.error")
			}
		case *cdplog.EventEntryAdded:
			if e.Entry.Level == cdplog.EntryLevelError && !strings.Contains(e.Entry.Text, "favicon") {
				p.add("log: " + e.Entry.Text)
			}
		}
	}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, cdplog.Enable, cdp.Empty{}); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestBrowserAssessmentAndLanguage(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	st := newSite(t)
	m := newMatrix(t, st)
	srv := httptest.NewServer(st.h)
	defer srv.Close()
	problems := watchConsole(t, ctx)

	// A shortfall of a subordinate (D is in the Kepala DLHK's team).
	x := expectAll(t, st.s, store.Filter{NIP: m.D.NIP})[0]
	var line *expectedLine
	for i, l := range x.lines {
		if l.cur.Assessed && l.cur.Level < l.required {
			line = &x.lines[i]
			break
		}
	}
	if line == nil {
		for i, l := range x.lines {
			if !l.cur.Assessed {
				line = &x.lines[i]
				break
			}
		}
	}
	if line == nil {
		t.Fatal("the subordinate has no shortfall to close")
	}
	acc := st.accounts[app.RoleAtasan]
	row := chromedp.CSS(`tr[id="gap-` + line.code + `"]`)

	// Log in.
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/"),
		chromedp.WaitVisible(chromedp.ID("login")),
		chromedp.SendKeys(chromedp.ID("login"), acc.Login),
		chromedp.SendKeys(chromedp.ID("password"), acc.Password),
		chromedp.Click(chromedp.CSS(`form.form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.ID("team-h")),
	); err != nil {
		t.Fatalf("log in: %v", err)
	}
	loc, err := chromedp.Run(ctx, chromedp.Location())
	if err != nil || strings.Contains(loc, "login") {
		t.Fatalf("after login at %q: %v", loc, err)
	}

	// Open the subordinate's profile: the radar is drawn.
	profile := srv.URL + "/employees/" + m.D.NIP
	if err := chromedp.Do(ctx,
		chromedp.Navigate(profile),
		chromedp.WaitVisible(chromedp.CSS(`#radar[data-drawn="true"] canvas`)),
	); err != nil {
		t.Fatalf("profile radar: %v", err)
	}
	radarBefore := radarPixels(t, ctx)
	jpmBefore, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("jpm-value")))
	if err != nil {
		t.Fatal(err)
	}
	gapBefore, err := chromedp.Run(ctx, chromedp.Text(row))
	if err != nil {
		t.Fatal(err)
	}

	// Record a supervisor assessment that closes the gap.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`a.button-link[href$="/assess"]`)),
		chromedp.WaitVisible(chromedp.CSS(`form.form`)),
		chromedp.Navigate(profile+"/assess?c="+url.QueryEscape(line.code)),
		chromedp.WaitVisible(chromedp.CSS(`input[name="level"][value="`+strconv.Itoa(line.required)+`"]`)),
		chromedp.Click(chromedp.CSS(`input[name="level"][value="`+strconv.Itoa(line.required)+`"]`)),
		chromedp.SendKeys(chromedp.ID("f-evidence"), "Diamati saat rapat koordinasi"),
		chromedp.Click(chromedp.CSS(`form.form button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`p.flash`)),
		chromedp.WaitVisible(chromedp.CSS(`#radar[data-drawn="true"] canvas`)),
	); err != nil {
		t.Fatalf("record an assessment: %v", err)
	}
	gapAfter, err := chromedp.Run(ctx, chromedp.Text(row))
	if err != nil {
		t.Fatal(err)
	}
	jpmAfter, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("jpm-value")))
	if err != nil {
		t.Fatal(err)
	}
	if gapAfter == gapBefore || !strings.Contains(gapAfter, "memenuhi") {
		t.Errorf("the gap row did not change to met:\nbefore %q\nafter  %q", gapBefore, gapAfter)
	}
	if jpmAfter == jpmBefore {
		t.Errorf("the JPM stayed %s", jpmAfter)
	}
	if radarPixels(t, ctx) == radarBefore {
		t.Error("the radar looks the same after the assessment")
	}

	// Switch to English.
	if err := chromedp.Do(ctx,
		chromedp.Click(chromedp.CSS(`nav.langs a[hreflang="en"]`)),
		chromedp.WaitVisible(chromedp.CSS(`html[lang="en"]`)),
	); err != nil {
		t.Fatalf("switch language: %v", err)
	}
	loc, _ = chromedp.Run(ctx, chromedp.Location())
	if !strings.HasSuffix(loc, "/employees/"+m.D.NIP) {
		t.Errorf("the language switch went to %q, not back to the profile", loc)
	}
	h2, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("gap-h")))
	if err != nil || h2 != "Competency gaps" {
		t.Errorf("English heading %q (%v)", h2, err)
	}
	for _, p := range problems.all() {
		t.Errorf("browser: %s", p)
	}
}

// radarPixels fingerprints the radar canvas.
func radarPixels(t *testing.T, ctx context.Context) string {
	t.Helper()
	s, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector("#radar canvas").toDataURL()`))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestScreenshots saves screenshots of the main pages at desktop and phone
// widths into $ASAH_SCREENSHOTS (skipped when unset), for people to look at.
func TestScreenshots(t *testing.T) {
	dir := os.Getenv("ASAH_SCREENSHOTS")
	if dir == "" {
		t.Skip("set ASAH_SCREENSHOTS=dir to save screenshots")
	}
	ctx := browserFor(t, 5*time.Minute)
	st := newSite(t)
	m := newMatrix(t, st)
	srv := httptest.NewServer(st.h)
	defer srv.Close()
	problems := watchConsole(t, ctx)
	shots := []struct {
		role app.Role
		name string
		path string
	}{
		{app.RoleAdminBKPSDM, "dashboard-admin", "/"},
		{app.RoleAdminBKPSDM, "employees", "/employees?unit=DLHK"},
		{app.RoleAdminBKPSDM, "profile", "/employees/" + m.D.NIP},
		{app.RoleAdminBKPSDM, "assess", "/employees/" + m.D.NIP + "/assess"},
		{app.RoleAdminBKPSDM, "ninebox", "/talent"},
		{app.RoleAdminBKPSDM, "ninebox-box", "/talent?box=8#box-list"},
		{app.RoleAdminBKPSDM, "succession", "/succession"},
		{app.RoleAdminBKPSDM, "performance", "/performance"},
		{app.RoleAdminBKPSDM, "skp-admin", "/employees/" + m.D.NIP + "/skp"},
		{app.RoleAtasan, "dashboard-atasan", "/"},
		{app.RoleAtasan, "ninebox-atasan", "/talent"},
		{app.RolePegawai, "dashboard-pegawai", "/"},
		{app.RolePegawai, "skp-pegawai", "/employees/" + m.P.NIP + "/skp"},
		{app.RolePegawai, "idp-pegawai", "/employees/" + m.P.NIP + "/idp"},
		{app.RolePegawai, "idp-proposal", "/employees/" + m.P.NIP + "/idp?year=2027"},
		{app.RolePimpinan, "employees-pimpinan", "/employees"},
		{app.RolePimpinan, "units-pimpinan", "/units/DLHK"},
		{app.RolePimpinan, "succession-pimpinan", "/succession?retiring=1"},
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
			} else {
				for _, w := range []int64{1280, 375} {
					if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 800), chromedp.Navigate(srv.URL+"/login"), chromedp.WaitVisible(chromedp.ID("login"))); err != nil {
						t.Fatal(err)
					}
					buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("login-%d.png", w)), buf, 0o644); err != nil {
						t.Fatal(err)
					}
				}
			}
			if err := chromedp.Do(ctx,
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
			if err := chromedp.Do(ctx, chromedp.EmulateViewport(w, 900), chromedp.Navigate(srv.URL+s.path),
				chromedp.WaitVisible(chromedp.ID("main")), chromedp.Sleep(700*time.Millisecond)); err != nil {
				t.Fatal(err)
			}
			buf, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%s-%d.png", s.name, w)), buf, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, p := range problems.all() {
		t.Errorf("browser: %s", p)
	}
}
