package web

import (
	"context"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/store"
)

// expected is an employee's standard worked out in the test from the
// store's rows and the current-level rule, not from the app's report.
type expected struct {
	e        store.EmployeeRow
	lines    []expectedLine
	assessed int
	jpm      float64
	hasJPM   bool
}

type expectedLine struct {
	code     string
	required int
	cur      competency.Current
}

// expectAll computes the expected state of every employee a filter selects,
// in employee ID order.
func expectAll(t *testing.T, s *store.Store, f store.Filter) []expected {
	t.Helper()
	ctx := context.Background()
	ref, _ := time.Parse("2006-01-02", demoToday)
	pol := competency.DefaultPolicy()
	standards, err := s.Standards(ctx)
	if err != nil {
		t.Fatal(err)
	}
	comps, err := s.Competencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	code := map[int64]string{}
	for _, c := range comps {
		code[c.ID] = c.Code
	}
	var out []expected
	err = s.EachEmployee(ctx, f, func(e store.EmployeeRow, as []competency.Assessment) error {
		x := expected{e: e}
		var sumMin, sumReq int
		for _, req := range standards[e.PositionID] {
			var mine []competency.Assessment
			for _, a := range as {
				if a.CompetencyID == req.CompetencyID {
					mine = append(mine, a)
				}
			}
			cur := pol.CurrentLevel(mine, ref)
			x.lines = append(x.lines, expectedLine{code: code[req.CompetencyID], required: req.Required, cur: cur})
			if cur.Assessed {
				x.assessed++
				sumMin += min(cur.Level, req.Required)
				sumReq += req.Required
			}
		}
		if sumReq > 0 {
			x.hasJPM, x.jpm = true, 100*float64(sumMin)/float64(sumReq)
		}
		out = append(out, x)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// idPercent writes a percentage the Indonesian way with one decimal,
// truncated: 81.86 → "81,8%".
func idPercent(v float64) string {
	s := strconv.FormatFloat(math.Floor(v*10+1e-7)/10, 'f', 1, 64)
	return strings.Replace(s, ".", ",", 1) + "%"
}

func unitByName(t *testing.T, s *store.Store, name string) store.UnitSummary {
	t.Helper()
	units, err := s.Units(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Name == name {
			return u
		}
	}
	t.Fatalf("the demo has no unit %q", name)
	return store.UnitSummary{}
}

func TestPages(t *testing.T) {
	t.Parallel()
	st := newSite(t)
	ctx := context.Background()
	admin := st.login(t, app.RoleAdminBKPSDM)

	// The unit with the most employees lists them 50 to a page.
	var big store.UnitSummary
	bigN := 0
	units, _ := st.s.Units(ctx)
	for _, u := range units {
		n, err := st.s.CountEmployees(ctx, store.Filter{UnitCode: u.Code})
		if err != nil {
			t.Fatal(err)
		}
		if n > bigN && n < 1000 {
			big, bigN = u, n
		}
	}

	t.Run("unit page lists its employees by name and paginates", func(t *testing.T) {
		if bigN <= 50 {
			t.Fatalf("no unit with more than 50 employees (largest %d)", bigN)
		}
		want := expectAll(t, st.s, store.Filter{UnitCode: big.Code})
		slices.SortFunc(want, func(a, b expected) int {
			if c := strings.Compare(strings.ToLower(a.e.Name), strings.ToLower(b.e.Name)); c != 0 {
				return c
			}
			return strings.Compare(a.e.NIP, b.e.NIP)
		})
		pages := (len(want) + 49) / 50
		r := admin.get("/units/" + url.PathEscape(big.Code))
		if r.status != 200 {
			t.Fatalf("status %d", r.status)
		}
		if heading(r.body) != big.Name {
			t.Errorf("heading %q, want %q", heading(r.body), big.Name)
		}
		if cc := r.header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control %q on a page with personal data", cc)
		}
		if !strings.Contains(text(r.body), "Beranda") {
			t.Error("no breadcrumb")
		}
		if !strings.Contains(text(r.body), fmt.Sprintf("Halaman 1 dari %d", pages)) {
			t.Errorf("no \"Halaman 1 dari %d\"", pages)
		}
		for p := 1; p <= pages; p++ {
			r := admin.get(fmt.Sprintf("/units/%s?page=%d", url.PathEscape(big.Code), p))
			rows := tableAfter(t, r.body, `id="emp-h"`)
			from, to := (p-1)*50, min(len(want), p*50)
			if len(rows) != to-from {
				t.Fatalf("page %d has %d rows, want %d", p, len(rows), to-from)
			}
			for i, row := range rows {
				x := want[from+i]
				// name, NIP, position, unit, JPM, assessed
				if row[1] != spacedNIP(x.e.NIP) {
					t.Fatalf("page %d row %d: NIP %q, want %q (%s)", p, i+1, row[1], spacedNIP(x.e.NIP), x.e.Name)
				}
				if !strings.Contains(row[0], x.e.Name) {
					t.Errorf("page %d row %d: name %q, want %q", p, i+1, row[0], x.e.Name)
				}
				if len(x.lines) > 0 && row[5] != fmt.Sprintf("%d/%d", x.assessed, len(x.lines)) {
					t.Errorf("%s: assessed %q, want %d/%d", x.e.Name, row[5], x.assessed, len(x.lines))
				}
				if x.hasJPM {
					if !strings.HasPrefix(row[4], idPercent(x.jpm)) {
						t.Errorf("%s: JPM %q, want %s", x.e.Name, row[4], idPercent(x.jpm))
					}
				} else if row[4] != "belum dinilai" {
					t.Errorf("%s: JPM %q for an unassessed employee", x.e.Name, row[4])
				}
			}
		}
		// Beyond the last page shows the last page.
		r = admin.get("/units/" + url.PathEscape(big.Code) + "?page=9999")
		if !strings.Contains(text(r.body), fmt.Sprintf("Halaman %d dari %d", pages, pages)) {
			t.Error("page=9999 does not show the last page")
		}
		// Sorted by JPM: highest first, unassessed last.
		rows := tableAfter(t, admin.get("/units/"+url.PathEscape(big.Code)+"?sort=jpm").body, `id="emp-h"`)
		last := math.Inf(1)
		for _, row := range rows {
			if row[4] == "belum dinilai" {
				last = -1
				continue
			}
			v := percentValue(t, strings.Fields(row[4])[0])
			if v > last {
				t.Fatalf("sort=jpm: %v after %v", v, last)
			}
			last = v
		}
	})

	t.Run("employee page shows gaps, unassessed competencies and history", func(t *testing.T) {
		all := expectAll(t, st.s, store.Filter{})
		var x *expected
		for i := range all {
			short, unassessed := false, false
			for _, l := range all[i].lines {
				unassessed = unassessed || !l.cur.Assessed
				short = short || l.cur.Assessed && l.cur.Level < l.required
			}
			if short && unassessed {
				x = &all[i]
				break
			}
		}
		if x == nil {
			t.Fatal("no employee in the demo has both a shortfall and an unassessed competency")
		}
		r := admin.get("/employees/" + x.e.NIP)
		if r.status != 200 {
			t.Fatalf("status %d", r.status)
		}
		if cc := r.header.Get("Cache-Control"); cc != "no-store" {
			t.Errorf("Cache-Control %q on a page with personal data", cc)
		}
		body := text(r.body)
		if !strings.Contains(heading(r.body), x.e.Name) {
			t.Errorf("heading %q does not name %s", heading(r.body), x.e.Name)
		}
		for _, want := range []string{spacedNIP(x.e.NIP), x.e.UnitName, x.e.PositionTitle, indonesianDate(x.e.BirthDate), indonesianDate(x.e.RetirementDate)} {
			if !strings.Contains(body, want) {
				t.Errorf("profile lacks %q", want)
			}
		}
		rows := tableAfter(t, r.body, `id="gap-h"`)
		if len(rows) != len(x.lines) {
			t.Fatalf("%d gap rows, want %d", len(rows), len(x.lines))
		}
		for _, l := range x.lines {
			row := findRow(rows, 0, l.code)
			if row == nil {
				t.Fatalf("no gap row for %s", l.code)
			}
			// code, name, kind, required, actual, gap, source, self
			if row[3] != strconv.Itoa(l.required) {
				t.Errorf("%s: required %q, want %d", l.code, row[3], l.required)
			}
			if !l.cur.Assessed {
				if row[4] != "belum dinilai" || row[5] != "–" {
					t.Errorf("%s unassessed: actual %q gap %q, want \"belum dinilai\" and \"–\"", l.code, row[4], row[5])
				}
			} else {
				g := l.cur.Level - l.required
				var want string
				switch {
				case g < 0:
					want = fmt.Sprintf("−%d (kurang)", -g)
				case g == 0:
					want = "0 (memenuhi)"
				default:
					want = fmt.Sprintf("+%d (memenuhi)", g)
				}
				if row[4] != strconv.Itoa(l.cur.Level) || row[5] != want {
					t.Errorf("%s: actual %q gap %q, want %d and %q", l.code, row[4], row[5], l.cur.Level, want)
				}
				if !strings.HasSuffix(row[6], indonesianDate(l.cur.AssessedOn)) {
					t.Errorf("%s: source %q lacks the date %s", l.code, row[6], indonesianDate(l.cur.AssessedOn))
				}
			}
			if l.cur.Self > 0 {
				if !strings.HasPrefix(row[7], strconv.Itoa(l.cur.Self)+" ") {
					t.Errorf("%s: self-assessment %q, want %d", l.code, row[7], l.cur.Self)
				}
			} else if row[7] != "–" {
				t.Errorf("%s: self-assessment %q, want –", l.code, row[7])
			}
		}
		if !strings.Contains(r.body, `class="gap short"`) {
			t.Error("a shortfall is not marked as one")
		}
		all2, err := st.s.Assessments(ctx, x.e.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(all2) > 0 {
			hist := tableAfter(t, r.body, `id="hist-h"`)
			if len(hist) != len(all2) {
				t.Errorf("history has %d rows, want %d", len(hist), len(all2))
			}
			newest := slices.MaxFunc(all2, func(a, b competency.Assessment) int { return a.AssessedOn.Compare(b.AssessedOn) })
			if hist[0][0] != indonesianDate(newest.AssessedOn) {
				t.Errorf("history starts on %q, want the newest %s", hist[0][0], indonesianDate(newest.AssessedOn))
			}
		}
		// The supervisor, when there is one, is a link to their page.
		if x.e.SupervisorNIP != "" && !strings.Contains(r.body, `href="/employees/`+x.e.SupervisorNIP+`"`) {
			t.Error("no link to the supervisor")
		}
	})

	t.Run("employee without assessments says what to do", func(t *testing.T) {
		ctx := context.Background()
		var nip string
		err := st.s.EachEmployee(ctx, store.Filter{}, func(e store.EmployeeRow, as []competency.Assessment) error {
			if nip == "" && len(as) == 0 {
				all, err := st.s.Assessments(ctx, e.ID)
				if err != nil {
					return err
				}
				if len(all) == 0 {
					nip = e.NIP
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if nip == "" {
			t.Skip("every demo employee has an assessment")
		}
		body := text(admin.get("/employees/" + nip).body)
		if !strings.Contains(body, "Belum ada penilaian.") || !strings.Contains(body, "Catat penilaian sekarang") {
			t.Error("the empty history does not say how to add an assessment")
		}
	})

	t.Run("unknown unit and NIP give the 404 page", func(t *testing.T) {
		for _, path := range []string{
			"/units/TIDAK-ADA", "/employees/199001012020011999", "/employees/abc", "/employees/rAAAA",
			"/employees/" + url.PathEscape("1 2"), "/tidak/ada", "/static/tidak-ada.css", "/lang/fr",
		} {
			r := admin.get(path)
			if r.status != 404 {
				t.Errorf("%s: status %d, want 404", path, r.status)
			}
			if heading(r.body) != "Halaman tidak ditemukan" || !strings.Contains(r.body, `<html lang="id">`) {
				t.Errorf("%s: not the 404 page: %q", path, heading(r.body))
			}
			if !strings.Contains(r.body, `href="/"`) {
				t.Errorf("%s: the 404 page offers no way back", path)
			}
		}
	})

	t.Run("language switch", func(t *testing.T) {
		c := st.login(t, app.RoleAdminBKPSDM)
		next := "/units/" + url.PathEscape(big.Code) + "?page=2"
		r := c.get("/lang/en?next=" + url.QueryEscape(next))
		if r.status != 303 || r.location() != next {
			t.Fatalf("switch: %d to %q, want 303 to %q", r.status, r.location(), next)
		}
		ck := r.header.Get("Set-Cookie")
		if !strings.HasPrefix(ck, "lang=en;") || !strings.Contains(ck, "HttpOnly") || !strings.Contains(ck, "Path=/") {
			t.Errorf("cookie %q", ck)
		}
		// The page's own links carry no next: the Referer leads back.
		req := httptest.NewRequest(http.MethodGet, "/lang/id", nil)
		req.Header.Set("Referer", "http://example.com/employees/"+big.Code+"?page=3")
		if r := c.do(req); r.location() != "/employees/"+big.Code+"?page=3" {
			t.Errorf("Referer: back to %q", r.location())
		}
		req = httptest.NewRequest(http.MethodGet, "/lang/en", nil)
		req.Header.Set("Referer", "https://evil.example/x")
		if r := c.do(req); r.location() != "/" {
			t.Errorf("foreign Referer: back to %q", r.location())
		}
		r = c.get("/")
		if h := heading(r.body); h != "Home" {
			t.Errorf("English heading %q", h)
		}
		if !strings.Contains(r.body, `<html lang="en">`) {
			t.Error("lang attribute not en")
		}
		if r := c.get("/units/TIDAK-ADA"); heading(r.body) != "Page not found" {
			t.Errorf("English 404 heading %q", heading(r.body))
		}
		// Back to Indonesian; an unknown cookie value means Indonesian.
		if r := c.get("/lang/id?next=/"); r.location() != "/" || !strings.HasPrefix(r.header.Get("Set-Cookie"), "lang=id;") {
			t.Errorf("switch back: %q %q", r.location(), r.header.Get("Set-Cookie"))
		}
		c.cookies[langCookie] = "fr"
		if h := heading(c.get("/").body); h != "Beranda" {
			t.Errorf("cookie lang=fr gives heading %q", h)
		}
		for _, bad := range []string{"//evil.example", "https://evil.example/", "/\\evil.example", "evil.example", "javascript:alert(1)"} {
			r := c.get("/lang/en?next=" + url.QueryEscape(bad))
			if r.status != 303 || r.location() != "/" {
				t.Errorf("next=%q: %d to %q, want 303 to /", bad, r.status, r.location())
			}
		}
	})

	t.Run("English employee page", func(t *testing.T) {
		all := expectAll(t, st.s, store.Filter{UnitCode: big.Code})
		x := all[0]
		c := st.login(t, app.RoleAdminBKPSDM)
		c.lang = "en"
		r := c.get("/employees/" + x.e.NIP)
		body := text(r.body)
		for _, want := range []string{"Competency gaps", "Self-assessment", x.e.BirthDate.Format("2 January 2006")} {
			if !strings.Contains(body, want) {
				t.Errorf("English employee page lacks %q", want)
			}
		}
	})
}

func findRow(rows [][]string, col int, v string) []string {
	for _, r := range rows {
		if len(r) > col && r[col] == v {
			return r
		}
	}
	return nil
}

// spacedNIP writes the 8-6-1-3 grouping BKN prints.
func spacedNIP(n string) string {
	return n[:8] + " " + n[8:14] + " " + n[14:15] + " " + n[15:]
}

var bulan = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}

func indonesianDate(t time.Time) string {
	return fmt.Sprintf("%d %s %d", t.Day(), bulan[t.Month()-1], t.Year())
}

// atoiDots reads an Indonesian integer ("1.234").
func atoiDots(s string) int {
	n, _ := strconv.Atoi(strings.ReplaceAll(s, ".", ""))
	return n
}

// percentValue reads "81,8%" (or "81.8%").
func percentValue(t *testing.T, s string) float64 {
	t.Helper()
	v, err := strconv.ParseFloat(strings.Replace(strings.TrimSuffix(s, "%"), ",", ".", 1), 64)
	if err != nil {
		t.Fatalf("not a percentage: %q", s)
	}
	return v
}
