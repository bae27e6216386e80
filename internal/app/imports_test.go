package app_test

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/store"
)

func newApp(t *testing.T) *app.App {
	t.Helper()
	ctx := context.Background()
	s, err := store.Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "asah.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	a := app.New(s)
	a.Now = func() time.Time { return time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC) }
	return a
}

func mustImport(t *testing.T, a *app.App, kind, csv string) app.ImportResult {
	t.Helper()
	res, err := a.Import(context.Background(), app.System, kind, strings.NewReader(csv))
	if err != nil {
		t.Fatalf("import %s: %v", kind, err)
	}
	return res
}

const unitsCSV = "code;name;kind;parent_code\n" +
	"DLHK;Dinas Lingkungan Hidup dan Kebersihan;dinas;\n" +
	"UPT-SAMPAH;UPT Pengelolaan Sampah;upt;DLHK\n"

const positionsCSV = "code,title,kind,jenjang,unit_code,key,standard\n" +
	"DLHK-KADIS,Kepala Dinas,jpt,pratama,DLHK,ya,\n" +
	"DLHK-PL,Pengelola Sampah,pelaksana,,UPT-SAMPAH,,M.1=1;M.2=2\n"

const employeesCSV = "nip,name,golongan,position_code,supervisor_nip\n" +
	"199001152015032001,Euis Komariah,III/a,DLHK-PL,197503122000121002\n" +
	"197503122000121002,Asep Suhendar,IV/c,DLHK-KADIS,\n"

func TestImportWholeOrganisation(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	if r := mustImport(t, a, "units", unitsCSV); r.Created != 2 {
		t.Errorf("units created %d", r.Created)
	}
	mustImport(t, a, "positions", positionsCSV)
	mustImport(t, a, "employees", employeesCSV)
	mustImport(t, a, "assessments", "nip,competency,source,level,assessed_on,assessor\n"+
		"199001152015032001,M.2,supervisor,1,2026-10-01,Asep Suhendar\n")

	e, err := a.Store.EmployeeByNIP(ctx, "199001152015032001")
	if err != nil {
		t.Fatal(err)
	}
	if e.SupervisorName != "Asep Suhendar" || e.UnitCode != "UPT-SAMPAH" || !e.RetirementDate.Equal(time.Date(2048, 2, 1, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("imported employee: supervisor %q unit %q retirement %v", e.SupervisorName, e.UnitCode, e.RetirementDate)
	}
	// The kadis got the default standard of a JPT Pratama: 9 competencies at level 4.
	p, err := a.Position(ctx, app.System, "DLHK-KADIS")
	if err != nil || len(p.Standard) != 9 || p.Standard[0].Required != 4 {
		t.Errorf("default standard: %+v %v", p.Standard, err)
	}
	g, err := a.EmployeeGaps(ctx, app.System, "199001152015032001", a.Today())
	if err != nil {
		t.Fatal(err)
	}
	if g.Match.Total != 2 || g.Match.Assessed != 1 || g.Match.JPM != 50 {
		t.Errorf("gap after import: total %d assessed %d jpm %v", g.Match.Total, g.Match.Assessed, g.Match.JPM)
	}
	// Re-importing updates instead of duplicating, and is audited.
	if r := mustImport(t, a, "employees", strings.Replace(employeesCSV, "Euis Komariah", "Euis Komariah Sari", 1)); r.Updated != 2 || r.Created != 0 {
		t.Errorf("re-import: %+v", r)
	}
	trail, _ := a.Store.AuditTrail(ctx, "employee", "199001152015032001", 10)
	if len(trail) < 3 || trail[0].Action != "employee.update" || !strings.Contains(trail[0].Before, "Euis Komariah") {
		t.Errorf("audit of the update: %+v", trail)
	}
}

func TestImportRefusesBadFilesWhole(t *testing.T) {
	a := newApp(t)
	ctx := context.Background()
	mustImport(t, a, "units", unitsCSV)
	mustImport(t, a, "positions", positionsCSV)
	cases := []struct {
		kind, csv string
		want      []string
	}{
		{"units", "code,name,kind,parent_code\nX,Unit X,planet,\nY,Unit Y,dinas,NOPE\n",
			[]string{"baris 2, kolom kind", "baris 3, kolom parent_code"}},
		{"positions", "code,title,kind,unit_code,standard\nP1,Analis,fungsional,DLHK,M.1=6\nP2,Staf,pelaksana,NOPE,\n",
			[]string{"baris 2, kolom standard", "level \"6\"", "baris 3, kolom unit_code"}},
		{"positions", "code,title,kind,unit_code,standard\nP3,Staf,pelaksana,DLHK,X.9=2\n",
			[]string{"kode kompetensi \"X.9\" tidak dikenal"}},
		{"employees", "nip,name,golongan,position_code\n199002302015032001,A,III/a,DLHK-PL\n199001152015032001,B,III/z,DLHK-PL\n199001152015032002,C,III/a,NOPE\n",
			[]string{"baris 2, kolom nip", "baris 3, kolom golongan", "baris 4, kolom position_code"}},
		{"assessments", "nip,competency,source,level,assessed_on\n197503122000121002,M.1,boss,7,2030-01-01\n",
			[]string{"kolom source", "kolom level", "kolom assessed_on", "kolom nip"}},
		{"units", "kode,nama\nA,B\n", []string{"kolom \"kode\" tidak dikenal"}},
	}
	for _, c := range cases {
		before, _ := a.Store.AuditTrail(ctx, "", "", 1000)
		_, err := a.Import(ctx, app.System, c.kind, strings.NewReader(c.csv))
		if err == nil {
			t.Errorf("%s import of %q accepted", c.kind, c.csv)
			continue
		}
		for _, w := range c.want {
			if !strings.Contains(err.Error(), w) {
				t.Errorf("%s: error %q lacks %q", c.kind, err, w)
			}
		}
		after, _ := a.Store.AuditTrail(ctx, "", "", 1000)
		if len(after) != len(before) {
			t.Errorf("%s: a refused import wrote %d audit rows", c.kind, len(after)-len(before))
		}
	}
	n, _ := a.Store.CountEmployees(ctx, store.Filter{})
	if n != 0 {
		t.Errorf("refused employee import left %d employees", n)
	}
	if _, err := a.Import(ctx, app.Actor{Role: app.RoleAdminOPD, UnitCode: "DLHK"}, "units", strings.NewReader(unitsCSV)); app.ErrorCode(err) != app.CodeForbidden {
		t.Errorf("agency admin import: %v", err)
	}
}
