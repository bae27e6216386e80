package web

import (
	"context"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"asah/internal/app"
	"asah/internal/learning"
	"asah/internal/store"
)

// ladmJPFigureRE reads "12,5 dari 20 JP" from the JP bar of /learning/mine.
var ladmJPFigureRE = regexp.MustCompile(`([\d.]+(?:,\d+)?) dari \d+ JP`)

// TestBrowserLearningEnrollToCertificate: an employee registers for an
// event on its page, their direct supervisor approves it on the approvals
// page, an admin runs the event, marks attendance for every session and
// completes it on the administration pages; the employee then downloads
// the certificate (a PDF), its public verification page says it is valid,
// and the JP bar of "my learning" has grown by the program's JP.
func TestBrowserLearningEnrollToCertificate(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	st := newSite(t)
	bg := context.Background()
	p, x := ladmPeople(t, st)
	f := newLadmFix(t, st, p, x)
	const event = "UJI-ITB-B"
	ladmEvent(t, st, f.progOwn, event)
	prog, err := st.s.ProgramByCode(bg, f.progOwn, st.app.Today())
	if err != nil {
		t.Fatal(err)
	}
	emp := st.accounts[app.RolePegawai]
	admin := st.accounts[app.RoleAdminBKPSDM]
	const pw = "Atasan-Langsung-2026-Asah"
	if _, err := st.app.UserIDByLogin(bg, app.System, p.SupervisorNIP); err != nil {
		if _, err := st.app.CreateUser(bg, app.System, app.NewUser{NIP: p.SupervisorNIP, Role: string(app.RoleAtasan), Password: pw}); err != nil {
			t.Fatal(err)
		}
	} else {
		t.Fatalf("the supervisor %s already has an account; the test needs its password", p.SupervisorNIP)
	}

	srv := httptest.NewServer(st.h)
	defer srv.Close()
	problems := watchConsole(t, ctx)
	login := func(user, password string) {
		t.Helper()
		if err := chromedp.Do(ctx,
			chromedp.Navigate(srv.URL+"/login"),
			chromedp.WaitVisible(chromedp.ID("login")),
			chromedp.SendKeys(chromedp.ID("login"), user),
			chromedp.SendKeys(chromedp.ID("password"), password),
			chromedp.Click(chromedp.CSS(`form.form button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(".who-name")),
		); err != nil {
			t.Fatalf("log in: %v", err)
		}
	}
	logout := func() {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form.logout button`)), chromedp.WaitVisible(chromedp.ID("login"))); err != nil {
			t.Fatal(err)
		}
	}
	jp := func() float64 {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/learning/mine"), chromedp.WaitVisible(chromedp.ID("jp-progress"))); err != nil {
			t.Fatal(err)
		}
		s, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("jp-progress")))
		if err != nil {
			t.Fatal(err)
		}
		m := ladmJPFigureRE.FindStringSubmatch(s)
		if m == nil {
			t.Fatalf("no JP figure in %q", s)
		}
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(m[1], ".", ""), ",", "."), 64)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}

	// The employee registers on the event's page.
	login(emp.Login, emp.Password)
	before := jp()
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/learning/events/"+event),
		chromedp.WaitVisible(chromedp.ID("register")),
		chromedp.Click(chromedp.ID("register")),
		chromedp.WaitVisible(chromedp.ID("my-state")),
	); err != nil {
		t.Fatalf("register: %v", err)
	}
	mine, err := st.s.Enrollments(bg, store.EnrollmentQuery{EmployeeID: p.ID, Live: true})
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, r := range mine {
		if r.EventCode == event {
			id = r.ID
		}
	}
	if id == 0 {
		t.Fatal("the registration was not stored")
	}
	logout()

	// The direct supervisor approves it.
	login(p.SupervisorNIP, pw)
	key := "reg-" + strconv.FormatInt(id, 10)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/learning/approvals"),
		chromedp.WaitVisible(chromedp.ID(key)),
		chromedp.Click(chromedp.CSS(`#`+key+` button.approve`)),
		chromedp.WaitVisible(chromedp.CSS(`p.flash`)),
	); err != nil {
		t.Fatalf("approve: %v", err)
	}
	if r, _ := st.s.EnrollmentByID(bg, id); r.State != learning.StateAccepted {
		t.Fatalf("after the approval the registration is %s", r.State)
	}
	logout()

	// The admin runs the event, takes attendance for both sessions and
	// completes it.
	login(admin.Login, admin.Password)
	manage := srv.URL + "/learning/events/" + event + "/manage"
	if err := chromedp.Do(ctx,
		chromedp.Navigate(manage),
		chromedp.WaitVisible(chromedp.ID("status-form")),
		chromedp.SetValue(chromedp.ID("m-status"), "running"),
		chromedp.Click(chromedp.ID("change-status")),
		chromedp.WaitVisible(chromedp.CSS(`p.flash`)),
		chromedp.Click(chromedp.ID("to-attendance")),
		chromedp.WaitVisible(chromedp.ID("attendance-grid")),
	); err != nil {
		t.Fatalf("run the event: %v", err)
	}
	for _, seq := range []string{"1", "2"} {
		box := `input[form="att-s` + seq + `"][value="` + strconv.FormatInt(id, 10) + `"]`
		if err := chromedp.Do(ctx,
			chromedp.Click(chromedp.CSS(box)),
			chromedp.Click(chromedp.ID("save-s"+seq)),
			chromedp.WaitVisible(chromedp.CSS(`p.flash`)),
			chromedp.WaitVisible(chromedp.CSS(box+`:checked`)),
		); err != nil {
			t.Fatalf("attendance of session %s: %v", seq, err)
		}
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(manage),
		chromedp.WaitVisible(chromedp.ID("complete-event")),
		chromedp.Click(chromedp.ID("complete-event")),
		chromedp.WaitVisible(chromedp.ID("completion-summary")),
	); err != nil {
		t.Fatalf("complete: %v", err)
	}
	if got, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("sum-completed"))); err != nil || got != "1" {
		t.Errorf("completed: %q (%v)", got, err)
	}
	logout()

	// The employee downloads the certificate and verifies it.
	login(emp.Login, emp.Password)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/learning/events/"+event),
		chromedp.WaitVisible(chromedp.ID("certificate-link")),
	); err != nil {
		t.Fatalf("certificate link: %v", err)
	}
	head, err := chromedp.Run(ctx, chromedp.Evaluate[string](`fetch(document.getElementById("certificate-link").href)
		.then(function (r) { return r.arrayBuffer().then(function (b) {
			return r.status + " " + r.headers.get("Content-Type") + " " + String.fromCharCode.apply(null, new Uint8Array(b.slice(0, 5))); }); })`,
		chromedp.EvalAwaitPromise))
	if err != nil || head != "200 application/pdf %PDF-" {
		t.Errorf("the certificate download: %q (%v)", head, err)
	}
	self, err := st.app.ActorForUser(bg, mustUserID(t, st, emp.Login))
	if err != nil {
		t.Fatal(err)
	}
	cert, err := st.app.Certificate(bg, self, id)
	if err != nil {
		t.Fatal(err)
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(srv.URL+"/verifikasi/"+cert.Code), chromedp.WaitVisible(chromedp.ID("verification"))); err != nil {
		t.Fatal(err)
	}
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`document.getElementById("verification").classList.contains("verify-valid")`)); err != nil || !ok {
		t.Errorf("the verification page does not say valid (%v)", err)
	}
	if got, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("verify-h"))); err != nil || !strings.Contains(got, "sah") {
		t.Errorf("the verification says %q (%v)", got, err)
	}
	if got := jp(); got != before+float64(prog.JP) {
		t.Errorf("the JP bar shows %.1f, want %.1f + %d", got, before, prog.JP)
	}
	for _, pr := range problems.all() {
		t.Errorf("browser: %s", pr)
	}
}

func mustUserID(t *testing.T, st *site, login string) int64 {
	t.Helper()
	id, err := st.app.UserIDByLogin(context.Background(), app.System, login)
	if err != nil {
		t.Fatal(err)
	}
	return id
}
