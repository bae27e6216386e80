package web

import (
	"context"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"asah/internal/app"
	"asah/internal/performance"
)

// TestBrowserSKPEvaluationToIDP: a supervisor evaluates a subordinate's
// agreed SKP in the browser (Triwulan IV, then the annual evaluation naming
// a weakness); the employee then logs in, sees the predikat on the SKP page
// and finds, in next year's proposed development plan, an item built from
// that weakness.
func TestBrowserSKPEvaluationToIDP(t *testing.T) {
	t.Parallel()
	ctx := browser(t)
	st := newSite(t)
	bg := context.Background()

	// Set-up through the use cases: the employee's SKP of this year is
	// agreed, and Triwulan IV and the annual evaluation are open.
	emp := st.accounts[app.RolePegawai]
	p := st.employee(t, emp.Login)
	self := st.actor(t, app.RolePegawai)
	const pw = "Penilai-Kinerja-2026-Asah"
	if _, err := st.app.CreateUser(bg, app.System, app.NewUser{NIP: p.SupervisorNIP, Role: string(app.RoleAtasan), Password: pw}); err != nil {
		t.Fatal(err)
	}
	id, err := st.app.UserIDByLogin(bg, app.System, p.SupervisorNIP)
	if err != nil {
		t.Fatal(err)
	}
	rater, err := st.app.ActorForUser(bg, id)
	if err != nil {
		t.Fatal(err)
	}
	for _, seq := range []int{4, performance.AnnualSeq} {
		if pd, err := st.s.Period(bg, 2026, seq); err != nil {
			t.Fatal(err)
		} else if pd.Status != performance.PeriodOpen {
			if _, err := st.app.SetPeriodStatus(bg, app.System, 2026, seq, "open"); err != nil {
				t.Fatal(err)
			}
		}
	}
	v, err := st.app.SKP(bg, self, p.NIP, 2026)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Exists {
		if v, err = st.app.CreateSKP(bg, self, p.NIP, 2026); err != nil {
			t.Fatal(err)
		}
	}
	if v.SKP.Status == performance.StatusDraft {
		if len(v.SKP.Plan.Results) == 0 {
			plan := performance.Plan{Results: []performance.WorkResult{{Text: "Tersusunnya laporan keuangan triwulanan",
				Indicators: []performance.Indicator{{Text: "Laporan tepat waktu", Target: "4 laporan"}}}}}
			if _, err := st.app.SaveSKPPlan(bg, self, p.NIP, 2026, plan); err != nil {
				t.Fatal(err)
			}
		}
		for _, a := range []app.Actor{self, rater} {
			if _, err := st.app.AgreeSKP(bg, a, p.NIP, 2026); err != nil && !strings.Contains(err.Error(), "sudah menyetujui") {
				t.Fatal(err)
			}
		}
	}
	if v, _ = st.app.SKP(bg, self, p.NIP, 2026); v.SKP.Status != performance.StatusAgreed && v.SKP.Status != performance.StatusEvaluated {
		t.Fatalf("the SKP is %s, not agreed", v.SKP.Status)
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
	skp := srv.URL + "/employees/" + p.NIP + "/skp"
	const weakness = "Paparan laporan kepada pimpinan belum runtut"

	// The supervisor evaluates Triwulan IV, then the year.
	login(p.SupervisorNIP, pw)
	if err := chromedp.Do(ctx,
		chromedp.Navigate(skp),
		chromedp.WaitVisible(chromedp.ID("evaluate-form")),
		chromedp.SetValue(chromedp.ID("f-period"), "4"),
		chromedp.Click(chromedp.CSS(`input[name="hasil"][value="di_atas"]`)),
		chromedp.Click(chromedp.CSS(`input[name="perilaku"][value="sesuai"]`)),
		chromedp.Click(chromedp.ID("save-evaluation")),
		chromedp.WaitVisible(chromedp.CSS(`p.flash`)),
	); err != nil {
		t.Fatalf("evaluate Triwulan IV: %v", err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(skp),
		chromedp.WaitVisible(chromedp.ID("evaluate-form")),
		chromedp.SetValue(chromedp.ID("f-period"), "0"),
		chromedp.Click(chromedp.CSS(`input[name="hasil"][value="di_atas"]`)),
		chromedp.Click(chromedp.CSS(`input[name="perilaku"][value="sesuai"]`)),
		chromedp.SetValue(chromedp.ID("f-w0-competency"), "M.3"),
		chromedp.SendKeys(chromedp.ID("f-w0-text"), weakness),
		chromedp.Click(chromedp.ID("save-evaluation")),
		chromedp.WaitVisible(chromedp.CSS(`p.flash`)),
	); err != nil {
		t.Fatalf("annual evaluation: %v", err)
	}
	if got, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("skp-status"))); err != nil || got != "Final" {
		t.Errorf("after the annual evaluation the SKP is %q (%v)", got, err)
	}

	// The employee sees the predikat and the proposal built from the weakness.
	if err := chromedp.Do(ctx, chromedp.Click(chromedp.CSS(`form.logout button`)), chromedp.WaitVisible(chromedp.ID("login"))); err != nil {
		t.Fatal(err)
	}
	login(emp.Login, emp.Password)
	if err := chromedp.Do(ctx, chromedp.Navigate(skp), chromedp.WaitVisible(chromedp.ID("final-predikat"))); err != nil {
		t.Fatal(err)
	}
	if got, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("final-predikat"))); err != nil || got != "Baik" {
		t.Errorf("the employee sees the predikat %q (%v), want Baik (di atas × sesuai)", got, err)
	}
	if got, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("eval-table"))); err != nil || !strings.Contains(got, weakness) {
		t.Errorf("the employee does not see the weakness: %q (%v)", got, err)
	}
	if err := chromedp.Do(ctx,
		chromedp.Navigate(srv.URL+"/employees/"+p.NIP+"/idp?year=2027"),
		chromedp.WaitVisible(chromedp.ID("idp-items")),
	); err != nil {
		t.Fatal(err)
	}
	found, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`Array.from(document.querySelectorAll("#idp-items tbody tr")).some(function (tr) {
		return tr.textContent.indexOf("M.3") >= 0 && tr.textContent.indexOf("evaluasi SKP 2026: `+weakness+`") >= 0; })`))
	if err != nil || !found {
		items, _ := chromedp.Run(ctx, chromedp.Text(chromedp.ID("idp-items")))
		t.Errorf("the 2027 proposal has no item from the weakness (%v):\n%s", err, items)
	}
	if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`!!document.getElementById("create-idp")`)); err != nil || !ok {
		t.Errorf("the employee is not offered to create the plan from the proposal (%v)", err)
	}
	for _, pr := range problems.all() {
		t.Errorf("browser: %s", pr)
	}
}
