package web

import (
	"context"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/store"
)

// catEditForm is the edit form of an entry as a browser would post it
// unchanged.
func catEditForm(c competency.Competency) url.Values {
	f := url.Values{"name": {c.Name}, "name_en": {c.NameEN}, "description": {c.Description}}
	for _, l := range c.Levels {
		f.Set(catalogLevelField(l.Level, "title"), l.Title)
		f.Set(catalogLevelField(l.Level, "descriptor"), l.Descriptor)
		f.Set(catalogLevelField(l.Level, "indicators"), strings.Join(l.Indicators, "\r\n"))
	}
	return f
}

// catAuditCount is the number of audit rows.
func catAuditCount(t *testing.T, a *app.App) int {
	t.Helper()
	_, n, err := a.AuditLog(context.Background(), app.System, store.AuditQuery{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func catCompetency(t *testing.T, a *app.App, code string) competency.Competency {
	t.Helper()
	c, err := a.Competency(context.Background(), app.System, code)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// The BKPSDM admin edits a level's behaviour indicators: the entry page and
// the audit log show the change; a form with errors shows each next to its
// field and changes nothing.
func TestCatalogEditCompetency(t *testing.T) {
	st := newCatSite(t)
	admin := st.browser(t, app.RoleAdminBKPSDM, "id")

	entry := admin.get(t, "/competencies/M.1")
	catWant(t, "entry", entry, http.StatusOK)
	main := catMain(entry.body)
	for _, want := range []string{"M.1 Integritas", "Ubah", "Tambah kompetensi teknis", "Level kompetensi",
		"Bertindak sesuai nilai, norma, dan etika organisasi dalam kapasitas pribadi", "Indikator perilaku"} {
		if !strings.Contains(main, want) {
			t.Errorf("entry page lacks %q", want)
		}
	}
	if n := strings.Count(entry.body, `class="level-num"`); n != 5 {
		t.Errorf("entry page shows %d levels, want 5", n)
	}

	form := admin.get(t, "/competencies/M.1/edit")
	catWant(t, "edit form", form, http.StatusOK)
	if !strings.Contains(form.body, `action="/competencies/M.1"`) || !strings.Contains(form.body, `<label for="f-level2-indicators">`) {
		t.Fatal("the edit form does not post to the entry or lacks labelled level fields")
	}

	before := catCompetency(t, st.app, "M.1")
	audits := catAuditCount(t, st.app)

	// Invalid: no name, level 3 without indicators, an overlong title.
	bad := catEditForm(before)
	bad.Set("name", "  ")
	bad.Set("level3.indicators", "\r\n  \r\n")
	bad.Set("level4.title", strings.Repeat("x", 201))
	p := admin.post(t, "/competencies/M.1", bad)
	catWant(t, "invalid edit", p, http.StatusUnprocessableEntity)
	for id, want := range map[string]string{
		"f-name":              "Wajib diisi.",
		"f-level3-indicators": "Tulis paling sedikit satu indikator perilaku",
		"f-level4-title":      "paling banyak 200 karakter, isian ini 201",
	} {
		if got := catFieldError(p.body, id); !strings.Contains(got, want) {
			t.Errorf("error next to %s: %q, want %q", id, got, want)
		}
		if !strings.Contains(p.body, `href="#`+id+`"`) {
			t.Errorf("the error summary does not link to %s", id)
		}
	}
	if !strings.Contains(p.body, `value="`+before.Levels[1].Title+`"`) {
		t.Error("the re-shown form lost what the user typed")
	}
	if got := catCompetency(t, st.app, "M.1"); got.Name != before.Name || len(got.Levels[2].Indicators) != len(before.Levels[2].Indicators) {
		t.Error("an invalid form changed the entry")
	}
	if n := catAuditCount(t, st.app); n != audits {
		t.Errorf("an invalid form wrote %d audit rows", n-audits)
	}

	// Valid: new level-2 indicators, one per line, a pasted bullet removed.
	good := catEditForm(before)
	good.Set("level2.indicators", "- Menegur rekan yang menyalahgunakan fasilitas kantor secara santun.\r\n\r\nMengajak tim menandatangani pakta integritas setiap awal tahun.")
	p = admin.post(t, "/competencies/M.1", good)
	if loc := p.header.Get("Location"); p.status != http.StatusSeeOther || loc != "/competencies/M.1" {
		t.Fatalf("save: status %d, Location %q: %s", p.status, loc, catMain(p.body))
	}
	after := catCompetency(t, st.app, "M.1")
	if got := after.Levels[1].Indicators; len(got) != 2 || got[0] != "Menegur rekan yang menyalahgunakan fasilitas kantor secara santun." {
		t.Fatalf("stored indicators %q", got)
	}
	if after.Levels[0].Title != before.Levels[0].Title || after.Name != before.Name {
		t.Error("saving one level changed other fields")
	}
	entry = admin.follow(t, p)
	main = catMain(entry.body)
	if !strings.Contains(main, "Perubahan kompetensi tersimpan") {
		t.Error("no confirmation after saving")
	}
	if !strings.Contains(main, "Mengajak tim menandatangani pakta integritas setiap awal tahun.") ||
		strings.Contains(main, before.Levels[1].Indicators[0]) {
		t.Error("the entry page does not show the new indicators (or still shows the old)")
	}

	// The audit log: newest first, labelled, time in WIB, the changed
	// indicator before → after, never raw JSON.
	log := admin.get(t, "/audit")
	catWant(t, "audit", log, http.StatusOK)
	if cc := log.header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("audit Cache-Control %q", cc)
	}
	rows := catRows(t, log.body, `id="audit-caption"`)
	if len(rows) == 0 {
		t.Fatal("the audit log is empty")
	}
	top := rows[0]
	if top[0] != "27 November 2026 10.00 WIB" || !strings.HasPrefix(top[1], "user:") || !strings.HasPrefix(top[2], "Ubah kompetensi") || !strings.Contains(top[3], "M.1") {
		t.Errorf("newest audit row %q", top)
	}
	if !strings.Contains(top[4], "Level › 2 › Indikator › 1: "+before.Levels[1].Indicators[0]) ||
		!strings.Contains(top[4], "Menegur rekan yang menyalahgunakan fasilitas kantor secara santun.") {
		t.Errorf("the audit row does not show the indicator before → after: %q", top[4])
	}
	if strings.Contains(log.body, `{"ID"`) || strings.Contains(log.body, `&#34;Levels&#34;`) || strings.Contains(log.body, `"Indicators":[`) {
		t.Error("the audit page shows raw JSON")
	}
	// The entry links to its own history, which the filter narrows to it.
	hist := admin.get(t, "/audit?type=competency&target=M.1")
	if rows := catRows(t, hist.body, `id="audit-caption"`); len(rows) != 1 || !strings.Contains(rows[0][3], "M.1") {
		t.Errorf("M.1's history: %q", rows)
	}

	// English: the same page in English formats and words.
	en := st.browser(t, app.RoleAdminBKPSDM, "en")
	log = en.get(t, "/audit?action=competency.update")
	rows = catRows(t, log.body, `id="audit-caption"`)
	if len(rows) != 1 || rows[0][0] != "27 November 2026 10:00 WIB" || !strings.HasPrefix(rows[0][2], "Edit competency") ||
		!strings.Contains(rows[0][4], "Level › 2 › Indicator › 1:") {
		t.Errorf("English audit rows %q", rows)
	}
}

// Adding a technical competency: generic levels when none are written, and
// the same code again is a conflict shown next to the code field.
func TestCatalogAddTechnical(t *testing.T) {
	st := newCatSite(t)
	admin := st.browser(t, app.RoleAdminBKPSDM, "id")
	ctx := context.Background()
	all, _ := st.app.Competencies(ctx, app.System)

	p := admin.get(t, "/competencies/new")
	catWant(t, "new form", p, http.StatusOK)
	if !strings.Contains(p.body, `<label for="f-code">`) || !strings.Contains(catMain(p.body), "Memahami dasar dan menerapkan prosedur dengan bimbingan") {
		t.Error("the form lacks the code field or the generic levels it will use")
	}

	form := url.Values{"code": {"T.GIS"}, "name": {"Sistem Informasi Geografis"}, "name_en": {"Geographic Information Systems"},
		"description": {"Mengelola dan menganalisis data spasial untuk perencanaan kota."}}
	p = admin.post(t, "/competencies", form)
	if loc := p.header.Get("Location"); p.status != http.StatusSeeOther || loc != "/competencies/T.GIS" {
		t.Fatalf("add: status %d, Location %q: %s", p.status, loc, catMain(p.body))
	}
	entry := admin.follow(t, p)
	main := catMain(entry.body)
	for _, want := range []string{"T.GIS Sistem Informasi Geografis", "Teknis", "Geographic Information Systems",
		"Kompetensi teknis ditambahkan", "Memahami konsep dasar Sistem Informasi Geografis"} {
		if !strings.Contains(main, want) {
			t.Errorf("new entry page lacks %q", want)
		}
	}
	if n := strings.Count(entry.body, `class="level-num"`); n != 5 {
		t.Errorf("new entry has %d levels, want the 5 generic ones", n)
	}
	dict := admin.get(t, "/competencies?q=geografis")
	if rows := catRows(t, dict.body, `id="dict-caption"`); len(rows) != 2 || !strings.HasPrefix(rows[1][0], "T.GIS") {
		t.Errorf("dictionary search for the new entry: %q", rows)
	}

	// The same code again: 409, the message next to the code field, what
	// was typed kept, nothing added.
	audits := catAuditCount(t, st.app)
	form.Set("name", "Pemetaan Digital")
	p = admin.post(t, "/competencies", form)
	catWant(t, "duplicate code", p, http.StatusConflict)
	if got := catFieldError(p.body, "f-code"); !strings.Contains(got, "Kode T.GIS sudah dipakai") {
		t.Errorf("conflict message next to the code: %q", got)
	}
	if !strings.Contains(p.body, `value="Pemetaan Digital"`) {
		t.Error("the form lost the typed name")
	}
	if after, _ := st.app.Competencies(ctx, app.System); len(after) != len(all)+1 {
		t.Errorf("dictionary has %d entries, want %d", len(after), len(all)+1)
	}
	if catCompetency(t, st.app, "T.GIS").Name != "Sistem Informasi Geografis" {
		t.Error("the duplicate changed the existing entry")
	}
	if n := catAuditCount(t, st.app); n != audits {
		t.Error("the refused duplicate wrote an audit row")
	}

	// Field by field: bad code, missing name, half-written levels.
	p = admin.post(t, "/competencies", url.Values{"code": {"T GIS/2"}, "name": {""}, "level1.title": {"Dasar"}})
	catWant(t, "invalid new", p, http.StatusUnprocessableEntity)
	for id, want := range map[string]string{
		"f-code":              "hanya boleh berisi huruf, angka",
		"f-name":              "Wajib diisi.",
		"f-level1-descriptor": "Wajib diisi.",
		"f-level5-title":      "Wajib diisi.",
	} {
		if got := catFieldError(p.body, id); !strings.Contains(got, want) {
			t.Errorf("error next to %s: %q, want %q", id, got, want)
		}
	}
	if catFieldError(p.body, "f-level1-title") != "" {
		t.Error("the filled-in level title got an error")
	}
	if p = admin.post(t, "/competencies", url.Values{"code": {"new"}, "name": {"X"}}); !strings.Contains(catFieldError(p.body, "f-code"), "new") {
		t.Error("the code \"new\" (the form's own address) was not refused")
	}
	if after, _ := st.app.Competencies(ctx, app.System); len(after) != len(all)+1 {
		t.Error("an invalid form added an entry")
	}
}

// catStandardForm is a position's standard form as a browser would post it
// unchanged.
func catStandardForm(v app.PositionView) url.Values {
	f := url.Values{}
	for _, l := range v.Standard {
		f.Set("level."+l.Competency.Code, strconv.Itoa(l.Required))
	}
	return f
}

func catLevels(t *testing.T, a *app.App, code string) map[string]int {
	t.Helper()
	v, err := a.Position(context.Background(), app.System, code)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]int{}
	for _, l := range v.Standard {
		out[l.Competency.Code] = l.Required
	}
	return out
}

// The BKPSDM admin changes a required level from 3 to 4; the position page
// and the audit log show it. Invalid levels and unknown codes are reported
// line by line and change nothing.
func TestCatalogEditStandard(t *testing.T) {
	st := newCatSite(t)
	ctx := context.Background()
	admin := st.browser(t, app.RoleAdminBKPSDM, "id")

	// A DLHK position whose standard asks level 3 of a competency.
	rows, err := st.app.Positions(ctx, app.System, "DLHK")
	if err != nil {
		t.Fatal(err)
	}
	var pv app.PositionView
	var code string
	for _, r := range rows {
		v, err := st.app.Position(ctx, app.System, r.Code)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range v.Standard {
			if l.Required == 3 && l.Competency.Kind == competency.Managerial {
				pv, code = v, l.Competency.Code
			}
		}
		if code != "" {
			break
		}
	}
	if code == "" {
		t.Fatal("no DLHK position asks level 3 of a managerial competency")
	}
	path := "/positions/" + pv.Position.Code

	page := admin.get(t, path)
	catWant(t, "position", page, http.StatusOK)
	main := catMain(page.body)
	for _, want := range []string{pv.Position.Title, pv.Position.UnitName, "Standar kompetensi jabatan", "Simpan standar", "Tambah kompetensi ke standar"} {
		if !strings.Contains(main, want) {
			t.Errorf("position page lacks %q", want)
		}
	}
	before := catLevels(t, st.app, pv.Position.Code)
	audits := catAuditCount(t, st.app)

	// Invalid: 0, 6 and "x" on three lines, an unknown code added, a
	// tampered line for a code the dictionary lacks.
	var others []string
	for _, l := range pv.Standard {
		if l.Competency.Code != code {
			others = append(others, l.Competency.Code)
		}
	}
	bad := catStandardForm(pv)
	bad.Set("level."+code, "0")
	bad.Set("level."+others[0], "6")
	bad.Set("level."+others[1], "x")
	bad.Set("level.NOPE", "3")
	bad.Set("add_code", "ZZZ.9")
	bad.Set("add_level", "2")
	p := admin.post(t, path+"/standard", bad)
	catWant(t, "invalid standard", p, http.StatusUnprocessableEntity)
	lineErr := func(c string) string {
		m := regexp.MustCompile(`<select id="(f-std-\d+)" name="level\.` + regexp.QuoteMeta(c) + `"`).FindStringSubmatch(p.body)
		if m == nil {
			t.Fatalf("the re-shown form has no line for %s", c)
		}
		return catFieldError(p.body, m[1])
	}
	for c, want := range map[string]string{
		code:      "Level 0 di luar rentang",
		others[0]: "Level 6 di luar rentang",
		others[1]: `Level "x" bukan angka`,
	} {
		if got := lineErr(c); !strings.Contains(got, want) {
			t.Errorf("line %s: error %q, want %q", c, got, want)
		}
	}
	if got := lineErr("NOPE"); got != `Kompetensi dengan kode "NOPE" tidak ada di kamus.` {
		t.Errorf("tampered line: error %q", got)
	}
	if got := catFieldError(p.body, "f-add-code"); got != `Kompetensi dengan kode "ZZZ.9" tidak ada di kamus.` {
		t.Errorf("unknown code to add: error %q", got)
	}
	if got := lineErr(others[2]); got != "" {
		t.Errorf("a valid line got an error: %q", got)
	}
	if after := catLevels(t, st.app, pv.Position.Code); len(after) != len(before) || after[code] != 3 {
		t.Errorf("an invalid form changed the standard: %v", after)
	}
	if n := catAuditCount(t, st.app); n != audits {
		t.Error("an invalid form wrote an audit row")
	}

	// Removing every line is refused too.
	empty := catStandardForm(pv)
	for c := range before {
		empty.Add("remove", c)
	}
	p = admin.post(t, path+"/standard", empty)
	catWant(t, "empty standard", p, http.StatusUnprocessableEntity)
	if !strings.Contains(catMain(p.body), "Standar harus memuat paling sedikit satu kompetensi") {
		t.Error("an empty standard is not explained")
	}

	// Unchanged: nothing stored, nothing audited.
	p = admin.post(t, path+"/standard", catStandardForm(pv))
	if page := admin.follow(t, p); !strings.Contains(catMain(page.body), "Standar tidak berubah") || catAuditCount(t, st.app) != audits {
		t.Error("posting the standard unchanged was not a no-op")
	}

	// 3 → 4.
	good := catStandardForm(pv)
	good.Set("level."+code, "4")
	p = admin.post(t, path+"/standard", good)
	if loc := p.header.Get("Location"); p.status != http.StatusSeeOther || loc != path {
		t.Fatalf("save: status %d, Location %q: %s", p.status, loc, catMain(p.body))
	}
	after := catLevels(t, st.app, pv.Position.Code)
	if after[code] != 4 || len(after) != len(before) {
		t.Fatalf("standard after saving: %v", after)
	}
	page = admin.follow(t, p)
	if !strings.Contains(catMain(page.body), "Standar kompetensi jabatan tersimpan") {
		t.Error("no confirmation after saving")
	}
	sel := regexp.MustCompile(`(?s)name="level\.` + regexp.QuoteMeta(code) + `".*?</select>`).FindString(page.body)
	if !strings.Contains(sel, `<option value="4" selected>`) {
		t.Errorf("the page does not show level 4 for %s: %s", code, sel)
	}
	if n := catAuditCount(t, st.app); n != audits+1 {
		t.Errorf("saving wrote %d audit rows, want 1", n-audits)
	}
	log := admin.get(t, "/audit?type=position&target="+url.QueryEscape(pv.Position.Code))
	rows2 := catRows(t, log.body, `id="audit-caption"`)
	if len(rows2) != 1 || !strings.HasPrefix(rows2[0][2], "Ubah standar jabatan") || !strings.Contains(rows2[0][4], code+": 3 → menjadi 4") {
		t.Errorf("the position's audit history: %q", rows2)
	}

	// Adding a line and removing another.
	add := catStandardForm(app.PositionView{Standard: nil})
	for c, l := range after {
		add.Set("level."+c, strconv.Itoa(l))
	}
	add.Add("remove", others[0])
	var extra string
	all, _ := st.app.Competencies(ctx, app.System)
	for _, c := range all {
		if _, in := after[c.Code]; !in && c.Kind == competency.Technical {
			extra = c.Code
			break
		}
	}
	add.Set("add_code", extra)
	add.Set("add_level", "2")
	p = admin.post(t, path+"/standard", add)
	catWant(t, "add and remove", p, http.StatusSeeOther)
	final := catLevels(t, st.app, pv.Position.Code)
	if _, ok := final[others[0]]; ok || final[extra] != 2 || len(final) != len(after) {
		t.Errorf("after adding %s and removing %s: %v", extra, others[0], final)
	}
}
