package app

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"asah/internal/competency"
	"asah/internal/interop"
	"asah/internal/people"
	"asah/internal/store"
)

// ImportResult tells how many records an import created and updated.
type ImportResult struct {
	Created, Updated int
}

// ImportKinds lists what can be imported, in the order a new city loads it.
var ImportKinds = []string{"units", "positions", "employees", "assessments"}

// Import reads a CSV table of one kind and applies it all-or-nothing: every
// row is checked first and any problem (row, column, reason) refuses the
// whole file.
func (a *App) Import(ctx context.Context, actor Actor, kind string, r io.Reader) (ImportResult, error) {
	if err := actor.Require(PermStandardEdit); err != nil { // BKPSDM only: imports reshape the city's data
		return ImportResult{}, err
	}
	var res ImportResult
	var err error
	switch kind {
	case "units":
		res, err = a.importUnits(ctx, actor, r)
	case "positions":
		res, err = a.importPositions(ctx, actor, r)
	case "employees":
		res, err = a.importEmployees(ctx, actor, r)
	case "assessments":
		res, err = a.importAssessments(ctx, actor, r)
	default:
		return res, Invalid(fmt.Sprintf("jenis impor %q tidak dikenal (pilih: %s)", kind, strings.Join(ImportKinds, ", ")))
	}
	if err == nil {
		a.invalidate()
	}
	return res, err
}

func tableErr(err error) error { return Invalid(err.Error()) }

func rowsErr(es interop.RowErrors) error {
	if len(es) == 0 {
		return nil
	}
	return &Error{Code: CodeInvalid, Message: es.Error()}
}

// validCode checks a unit or position code.
func validCode(s string) string {
	switch {
	case s == "":
		return "wajib diisi"
	case len(s) > 64:
		return "paling banyak 64 karakter"
	case strings.ContainsAny(s, " \t"):
		return "tidak boleh berisi spasi"
	}
	return ""
}

func (a *App) importUnits(ctx context.Context, actor Actor, r io.Reader) (ImportResult, error) {
	t, err := interop.ReadTable(r, []string{"code", "name", "kind"}, []string{"parent_code"})
	if err != nil {
		return ImportResult{}, tableErr(err)
	}
	existing, err := a.Store.Units(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	known := map[string]bool{}
	for _, u := range existing {
		known[u.Code] = true
	}
	var errs interop.RowErrors
	inFile := map[string]int{}
	var units []people.Unit
	for _, row := range t.Rows {
		u := people.Unit{Code: row.Get("code"), Name: row.Get("name"), ParentCode: row.Get("parent_code")}
		if m := validCode(u.Code); m != "" {
			errs = append(errs, interop.RowError{Line: row.Line, Column: "code", Msg: m})
		} else if l, dup := inFile[u.Code]; dup {
			errs = append(errs, interop.RowError{Line: row.Line, Column: "code", Msg: fmt.Sprintf("kode %s sudah ada di baris %d", u.Code, l)})
		}
		inFile[u.Code] = row.Line
		k, err := people.ParseUnitKind(row.Get("kind"))
		if err != nil {
			errs = append(errs, interop.RowError{Line: row.Line, Column: "kind", Msg: err.Error()})
		}
		u.Kind = k
		if u.Name == "" || len([]rune(u.Name)) > 200 {
			errs = append(errs, interop.RowError{Line: row.Line, Column: "name", Msg: "wajib diisi, paling banyak 200 karakter"})
		}
		if u.ParentCode == u.Code && u.Code != "" {
			errs = append(errs, interop.RowError{Line: row.Line, Column: "parent_code", Msg: "unit tidak boleh menjadi induk dirinya sendiri"})
		}
		units = append(units, u)
	}
	// Parents must exist or come earlier in the file (which also rules out cycles).
	seen := map[string]bool{}
	for i, u := range units {
		if u.ParentCode != "" && !known[u.ParentCode] && !seen[u.ParentCode] {
			msg := fmt.Sprintf("unit induk %q tidak ditemukan", u.ParentCode)
			if _, later := inFile[u.ParentCode]; later {
				msg = fmt.Sprintf("unit induk %q harus ditulis sebelum baris ini", u.ParentCode)
			}
			errs = append(errs, interop.RowError{Line: t.Rows[i].Line, Column: "parent_code", Msg: msg})
		}
		seen[u.Code] = true
	}
	if err := rowsErr(errs); err != nil {
		return ImportResult{}, err
	}
	c, u, err := a.Store.UpsertUnits(ctx, actor.Label(), units)
	return ImportResult{c, u}, err
}

// parseStandard reads "M.1=3;M.2=3;T.SAMPAH=2".
func parseStandard(s string, byCode map[string]competency.Competency) ([]competency.Requirement, string) {
	var out []competency.Requirement
	seen := map[string]bool{}
	for _, part := range strings.FieldsFunc(s, func(r rune) bool { return r == ';' || r == '|' }) {
		code, lvl, ok := strings.Cut(strings.TrimSpace(part), "=")
		code = strings.TrimSpace(code)
		if !ok {
			return nil, fmt.Sprintf("%q: tulis KODE=LEVEL, misalnya M.1=3", part)
		}
		c, known := byCode[code]
		if !known {
			return nil, fmt.Sprintf("kode kompetensi %q tidak dikenal", code)
		}
		if seen[code] {
			return nil, fmt.Sprintf("kompetensi %s disebut dua kali", code)
		}
		seen[code] = true
		n, err := strconv.Atoi(strings.TrimSpace(lvl))
		if err != nil || competency.ValidateLevel(n) != nil {
			return nil, fmt.Sprintf("%s: level %q di luar rentang 1–5", code, strings.TrimSpace(lvl))
		}
		out = append(out, competency.Requirement{CompetencyID: c.ID, Required: n})
	}
	if len(out) == 0 {
		return nil, "standar kosong"
	}
	return out, ""
}

func (a *App) importPositions(ctx context.Context, actor Actor, r io.Reader) (ImportResult, error) {
	t, err := interop.ReadTable(r, []string{"code", "title", "kind", "unit_code"}, []string{"jenjang", "key", "standard"})
	if err != nil {
		return ImportResult{}, tableErr(err)
	}
	units, err := a.Store.Units(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	unitKnown := map[string]bool{}
	for _, u := range units {
		unitKnown[u.Code] = true
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return ImportResult{}, err
	}
	byCode := map[string]competency.Competency{}
	for _, c := range comps {
		byCode[c.Code] = c
	}
	pol, err := a.Policy(ctx)
	if err != nil {
		return ImportResult{}, err
	}
	existing, err := a.Store.Positions(ctx, "")
	if err != nil {
		return ImportResult{}, err
	}
	posKnown := map[string]bool{}
	for _, p := range existing {
		posKnown[p.Code] = true
	}
	var errs interop.RowErrors
	inFile := map[string]int{}
	var out []store.PositionImport
	for _, row := range t.Rows {
		p := people.Position{Code: row.Get("code"), Title: row.Get("title"), UnitCode: row.Get("unit_code")}
		add := func(col, msg string) { errs = append(errs, interop.RowError{Line: row.Line, Column: col, Msg: msg}) }
		if m := validCode(p.Code); m != "" {
			add("code", m)
		} else if l, dup := inFile[p.Code]; dup {
			add("code", fmt.Sprintf("kode %s sudah ada di baris %d", p.Code, l))
		}
		inFile[p.Code] = row.Line
		if p.Title == "" || len([]rune(p.Title)) > 200 {
			add("title", "wajib diisi, paling banyak 200 karakter")
		}
		var err error
		if p.Kind, err = people.ParsePositionKind(row.Get("kind")); err != nil {
			add("kind", err.Error())
		}
		if p.Jenjang, err = people.ParseJenjang(row.Get("jenjang")); err != nil {
			add("jenjang", err.Error())
		}
		if !unitKnown[p.UnitCode] {
			add("unit_code", fmt.Sprintf("unit %q tidak ditemukan", p.UnitCode))
		}
		switch strings.ToLower(row.Get("key")) {
		case "", "0", "false", "tidak", "no", "n":
		case "1", "true", "ya", "yes", "y":
			p.Key = true
		default:
			add("key", fmt.Sprintf("%q: isi ya atau tidak", row.Get("key")))
		}
		if p.Kind != "" && p.UnitCode != "" && p.Title != "" {
			p.UnitID = 1 // Validate wants a unit; the store resolves the code
			if err := p.Validate(); err != nil {
				add("jenjang", err.Error())
			}
			p.UnitID = 0
		}
		imp := store.PositionImport{Position: p}
		if s := row.Get("standard"); s != "" {
			std, msg := parseStandard(s, byCode)
			if msg != "" {
				add("standard", msg)
			}
			imp.Standard = std
		} else if !posKnown[p.Code] {
			// A new position gets the default standard of its kind: every
			// managerial and sociocultural competency at the configured level.
			lvl := pol.DefaultRequired(p.Kind, p.Jenjang)
			imp.Standard = []competency.Requirement{}
			for _, c := range comps {
				if c.Kind != competency.Technical {
					imp.Standard = append(imp.Standard, competency.Requirement{CompetencyID: c.ID, Required: lvl})
				}
			}
		}
		out = append(out, imp)
	}
	if err := rowsErr(errs); err != nil {
		return ImportResult{}, err
	}
	c, u, err := a.Store.UpsertPositions(ctx, actor.Label(), out)
	return ImportResult{c, u}, err
}

func (a *App) importEmployees(ctx context.Context, actor Actor, r io.Reader) (ImportResult, error) {
	t, err := interop.ReadTable(r, []string{"nip", "name", "golongan", "position_code"},
		[]string{"front_title", "back_title", "unit_code", "supervisor_nip"})
	if err != nil {
		return ImportResult{}, tableErr(err)
	}
	positions, err := a.Store.Positions(ctx, "")
	if err != nil {
		return ImportResult{}, err
	}
	pos := map[string]store.PositionRow{}
	for _, p := range positions {
		pos[p.Code] = p
	}
	bup := people.DefaultBUP()
	var errs interop.RowErrors
	inFile := map[string]int{}
	var out []people.Employee
	for _, row := range t.Rows {
		add := func(col, msg string) { errs = append(errs, interop.RowError{Line: row.Line, Column: col, Msg: msg}) }
		e := people.Employee{Name: row.Get("name"), FrontTitle: row.Get("front_title"), BackTitle: row.Get("back_title"),
			Golongan: row.Get("golongan"), PositionCode: row.Get("position_code"), UnitCode: row.Get("unit_code")}
		n, err := people.ParseNIP(row.Get("nip"))
		if err != nil {
			add("nip", err.Error())
		} else {
			e.NIP, e.Kind, e.Sex, e.BirthDate = n.Raw, n.Kind, n.Sex, n.BirthDate
			if l, dup := inFile[e.NIP]; dup {
				add("nip", fmt.Sprintf("NIP %s sudah ada di baris %d", e.NIP, l))
			}
			inFile[e.NIP] = row.Line
		}
		if sup := row.Get("supervisor_nip"); sup != "" {
			sn, err := people.ParseNIP(sup)
			if err != nil {
				add("supervisor_nip", err.Error())
			} else {
				e.SupervisorNIP = sn.Raw
			}
		}
		p, ok := pos[e.PositionCode]
		if !ok {
			add("position_code", fmt.Sprintf("jabatan %q tidak ditemukan; impor jabatan terlebih dahulu", e.PositionCode))
		} else {
			if e.UnitCode == "" {
				e.UnitCode = p.UnitCode
			}
			e.PositionID, e.UnitID = p.ID, p.UnitID
			if !e.BirthDate.IsZero() {
				e.RetirementDate = people.RetirementDate(e.BirthDate, bup.Age(p.Kind, p.Jenjang))
			}
		}
		if e.NIP != "" && ok {
			if err := e.Validate(); err != nil {
				col := "name"
				msg := err.Error()
				switch {
				case strings.Contains(msg, "golongan"):
					col = "golongan"
				case strings.Contains(msg, "atasan"):
					col = "supervisor_nip"
				case strings.Contains(msg, "gelar"):
					col = "front_title"
				}
				add(col, msg)
			}
		}
		out = append(out, e)
	}
	// Supervisors must exist or be in the file.
	for i, e := range out {
		if e.SupervisorNIP == "" {
			continue
		}
		if _, inThisFile := inFile[e.SupervisorNIP]; inThisFile {
			continue
		}
		if _, err := a.Store.EmployeeByNIP(ctx, e.SupervisorNIP); err != nil {
			errs = append(errs, interop.RowError{Line: t.Rows[i].Line, Column: "supervisor_nip",
				Msg: fmt.Sprintf("atasan dengan NIP %s tidak ada di basis data maupun di berkas", e.SupervisorNIP)})
		}
	}
	if err := rowsErr(errs); err != nil {
		return ImportResult{}, err
	}
	c, u, err := a.Store.UpsertEmployees(ctx, actor.Label(), out)
	return ImportResult{c, u}, err
}

func (a *App) importAssessments(ctx context.Context, actor Actor, r io.Reader) (ImportResult, error) {
	t, err := interop.ReadTable(r, []string{"nip", "competency", "source", "level", "assessed_on"},
		[]string{"assessor", "evidence", "status"})
	if err != nil {
		return ImportResult{}, tableErr(err)
	}
	comps, err := a.Store.Competencies(ctx, false)
	if err != nil {
		return ImportResult{}, err
	}
	byCode := map[string]bool{}
	for _, c := range comps {
		byCode[c.Code] = true
	}
	today := a.Today()
	var errs interop.RowErrors
	var out []store.NewAssessment
	known := map[string]bool{}
	for _, row := range t.Rows {
		add := func(col, msg string) { errs = append(errs, interop.RowError{Line: row.Line, Column: col, Msg: msg}) }
		var na store.NewAssessment
		n, err := people.ParseNIP(row.Get("nip"))
		if err != nil {
			add("nip", err.Error())
		} else {
			na.NIP = n.Raw
			if !known[na.NIP] {
				if _, err := a.Store.EmployeeByNIP(ctx, na.NIP); err != nil {
					add("nip", fmt.Sprintf("pegawai dengan NIP %s tidak ditemukan", na.NIP))
				} else {
					known[na.NIP] = true
				}
			}
		}
		na.Code = row.Get("competency")
		if !byCode[na.Code] {
			add("competency", fmt.Sprintf("kode kompetensi %q tidak dikenal", na.Code))
		}
		if na.Source, err = competency.ParseSource(row.Get("source")); err != nil {
			add("source", err.Error())
		}
		lvl, err := strconv.Atoi(row.Get("level"))
		if err != nil {
			add("level", fmt.Sprintf("%q bukan angka 1–5", row.Get("level")))
		} else if err := competency.ValidateLevel(lvl); err != nil {
			add("level", err.Error())
		}
		na.Level = lvl
		on, err := time.Parse("2006-01-02", row.Get("assessed_on"))
		switch {
		case err != nil:
			add("assessed_on", fmt.Sprintf("%q bukan tanggal YYYY-MM-DD", row.Get("assessed_on")))
		case on.After(today):
			add("assessed_on", fmt.Sprintf("tanggal %s belum terjadi", row.Get("assessed_on")))
		}
		na.AssessedOn = on
		na.Status = competency.Final
		if s := row.Get("status"); s != "" {
			if na.Status, err = competency.ParseStatus(s); err != nil {
				add("status", err.Error())
			}
		}
		na.Assessor, na.Evidence = row.Get("assessor"), row.Get("evidence")
		if len(na.Assessor) > 200 {
			add("assessor", "paling banyak 200 karakter")
		}
		if len(na.Evidence) > 4000 {
			add("evidence", "paling banyak 4000 karakter")
		}
		out = append(out, na)
	}
	if err := rowsErr(errs); err != nil {
		return ImportResult{}, err
	}
	return ImportResult{Created: len(out)}, a.Store.AddAssessments(ctx, actor.Label(), out)
}
