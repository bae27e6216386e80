package app_test

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"asah/internal/app"
	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/store"
)

// learnClock is the fixed "now" of the learning tests: Friday 27 November
// 2026, 09:00 WIB.
var learnClock = time.Date(2026, 11, 27, 2, 0, 0, 0, time.UTC)

// learnEngines runs fn on a fresh, migrated App per engine: SQLite always,
// PostgreSQL when ASAH_TEST_POSTGRES holds a URL (a database per test);
// under CI=true a missing PostgreSQL fails.
func learnEngines(t *testing.T, fn func(t *testing.T, a *app.App)) {
	t.Run("sqlite", func(t *testing.T) {
		s, err := store.Open(context.Background(), "sqlite:"+filepath.Join(t.TempDir(), "asah.db"))
		if err != nil {
			t.Fatal(err)
		}
		fn(t, learnApp(t, s))
	})
	t.Run("postgres", func(t *testing.T) {
		base := os.Getenv("ASAH_TEST_POSTGRES")
		if base == "" {
			if os.Getenv("CI") == "true" {
				t.Fatal("ASAH_TEST_POSTGRES is not set under CI=true: the PostgreSQL suite must run")
			}
			t.Skip("PostgreSQL tests skipped: set ASAH_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres to run them")
		}
		ctx := context.Background()
		admin, err := sql.Open("pgx", base)
		if err != nil {
			t.Fatal(err)
		}
		defer admin.Close()
		name := fmt.Sprintf("asah_learn_%d_%d", time.Now().UnixNano(), os.Getpid())
		if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
			t.Fatalf("create test database: %v", err)
		}
		t.Cleanup(func() {
			if a, err := sql.Open("pgx", base); err == nil {
				a.ExecContext(context.Background(), "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
				a.Close()
			}
		})
		u, _ := url.Parse(base)
		u.Path = "/" + name
		s, err := store.Open(ctx, u.String())
		if err != nil {
			t.Fatal(err)
		}
		fn(t, learnApp(t, s))
	})
}

func learnApp(t *testing.T, s *store.Store) *app.App {
	t.Helper()
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(context.Background()); err != nil {
		t.Fatal(err)
	}
	s.SetClock(func() time.Time { return learnClock })
	a := app.New(s)
	a.Now = func() time.Time { return learnClock }
	return a
}

// learnOrg is a small city for the learning use cases:
//
//	BKPSDM (badan)              100 Kaban (JPT)
//	DSDABM (dinas)              101 Kadis (JPT)            ← none
//	  DSDABM-UPT (upt)          102 Kabid (administrator)  ← 101
//	                            103 Ani, 104 Budi, 105 Cici, 106 Dodi, 107 Euis (pengawas) ← 102
//	DLHK (dinas)                110 Kadis DLHK (JPT)       ← none
//	                            111 Fajar, 112 Gina, 113 Hadi (pelaksana) ← 110
//
// and the partners ITB and UNPAD (universities, each with a mitra account)
// and BKPSDM.
type learnOrg struct {
	a       *app.App
	nip     map[int64]string
	comp    map[string]int64 // code → ID
	staff   map[int64]app.Actor
	admin   app.Actor
	adminDS app.Actor // admin OPD of DSDABM
	adminLH app.Actor // admin OPD of DLHK
	kadis   app.Actor // 101, indirect supervisor of the staff
	kabid   app.Actor // 102, direct supervisor of 103–107
	kadisLH app.Actor // 110, direct supervisor of 111–113
	sekda   app.Actor
	itb     app.Actor // mitra of ITB
	unpad   app.Actor // mitra of UNPAD
	stray   app.Actor // mitra naming no known partner
}

func newLearnOrg(t *testing.T, a *app.App, extra int) *learnOrg {
	t.Helper()
	ctx := context.Background()
	dict, err := a.Store.Competencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	o := &learnOrg{a: a, nip: map[int64]string{}, comp: map[string]int64{}, staff: map[int64]app.Actor{}}
	var maxID int64
	for _, c := range dict {
		o.comp[c.Code] = c.ID
		maxID = max(maxID, c.ID)
	}
	techs := []competency.Competency{
		{ID: maxID + 1, Code: "T.PROYEK", Kind: competency.Technical, Name: "Manajemen Proyek Konstruksi", Levels: competency.TechnicalLevels("Manajemen Proyek Konstruksi")},
		{ID: maxID + 2, Code: "T.IKLIM", Kind: competency.Technical, Name: "Adaptasi dan Mitigasi Perubahan Iklim", Levels: competency.TechnicalLevels("Adaptasi dan Mitigasi Perubahan Iklim")},
	}
	for _, c := range techs {
		o.comp[c.Code] = c.ID
	}
	emp := func(id int64, name string, pos, unit, sup int64) people.Employee {
		b := time.Date(1960+int(id%40), time.Month(1+id%12), 1+int(id%28), 0, 0, 0, 0, time.UTC)
		nip := people.BuildPNSNIP(b, time.Date(b.Year()+25, 3, 1, 0, 0, 0, 0, time.UTC), people.Female, int(id%999)+1)
		o.nip[id] = nip
		return people.Employee{ID: id, NIP: nip, Name: name, Kind: people.PNS, Sex: people.Female, BirthDate: b, Golongan: "III/c",
			PositionID: pos, UnitID: unit, SupervisorID: sup, RetirementDate: people.RetirementDate(b, 58)}
	}
	// The staff's standard asks T.PROYEK 3 and M.4 3; the staff are at
	// T.PROYEK 1 (Ani, Budi) or unassessed.
	std := map[int64][]competency.Requirement{
		3: {{CompetencyID: o.comp["T.PROYEK"], Required: 3}, {CompetencyID: o.comp["M.4"], Required: 3}},
		5: {{CompetencyID: o.comp["T.IKLIM"], Required: 2}},
	}
	emps := []people.Employee{
		emp(100, "Kaban BKPSDM", 6, 1, 0),
		emp(101, "Kadis SDA", 1, 2, 0), emp(102, "Kabid Jalan", 2, 2, 101),
		emp(103, "Ani", 3, 3, 102), emp(104, "Budi", 3, 3, 102), emp(105, "Cici", 3, 3, 102), emp(106, "Dodi", 3, 3, 102),
		emp(107, "Euis", 3, 3, 102),
		emp(110, "Kadis DLHK", 4, 4, 0), emp(111, "Fajar", 5, 4, 110), emp(112, "Gina", 5, 4, 110), emp(113, "Hadi", 5, 4, 110),
	}
	for i := 0; i < extra; i++ { // more staff under the Kabid, for the race test
		id := int64(1000 + i)
		emps = append(emps, emp(id, fmt.Sprintf("Peserta %03d", i+1), 3, 3, 102))
	}
	at := time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)
	as := []competency.Assessment{
		{ID: 1, EmployeeID: 103, CompetencyID: o.comp["T.PROYEK"], Source: competency.SourceSupervisor, Level: 1, AssessedOn: at, Status: competency.Final, RecordedAt: at},
		{ID: 2, EmployeeID: 104, CompetencyID: o.comp["T.PROYEK"], Source: competency.SourceSupervisor, Level: 1, AssessedOn: at, Status: competency.Final, RecordedAt: at},
		{ID: 3, EmployeeID: 103, CompetencyID: o.comp["M.4"], Source: competency.SourceSupervisor, Level: 3, AssessedOn: at, Status: competency.Final, RecordedAt: at},
	}
	err = a.Store.BulkLoad(ctx, func(b *store.Bulk) error {
		if err := b.Competencies(ctx, techs); err != nil {
			return err
		}
		if err := b.Units(ctx, []people.Unit{
			{ID: 1, Code: "BKPSDM", Name: "BKPSDM", Kind: people.UnitBadan},
			{ID: 2, Code: "DSDABM", Name: "Dinas Sumber Daya Air dan Bina Marga", Kind: people.UnitDinas},
			{ID: 3, Code: "DSDABM-UPT", Name: "UPT Jalan dan Jembatan", Kind: people.UnitUPT, ParentID: 2},
			{ID: 4, Code: "DLHK", Name: "Dinas Lingkungan Hidup dan Kebersihan", Kind: people.UnitDinas},
		}); err != nil {
			return err
		}
		if err := b.Positions(ctx, []people.Position{
			{ID: 1, Code: "DSDABM-KADIS", Title: "Kepala Dinas", Kind: people.KindJPT, Jenjang: people.JenjangPratama, UnitID: 2},
			{ID: 2, Code: "DSDABM-KABID", Title: "Kepala Bidang Jalan", Kind: people.KindAdministrator, UnitID: 2},
			{ID: 3, Code: "DSDABM-PENGAWAS", Title: "Pengawas Jalan", Kind: people.KindPengawas, UnitID: 3},
			{ID: 4, Code: "DLHK-KADIS", Title: "Kepala Dinas", Kind: people.KindJPT, Jenjang: people.JenjangPratama, UnitID: 4},
			{ID: 5, Code: "DLHK-PL", Title: "Pengelola Lingkungan", Kind: people.KindPelaksana, UnitID: 4},
			{ID: 6, Code: "BKPSDM-KABAN", Title: "Kepala Badan", Kind: people.KindJPT, Jenjang: people.JenjangPratama, UnitID: 1},
		}, std); err != nil {
			return err
		}
		if err := b.Employees(ctx, emps); err != nil {
			return err
		}
		return b.Assessments(ctx, as)
	})
	if err != nil {
		t.Fatal(err)
	}
	o.admin = app.Actor{UserID: 1, Name: "Admin Kota", Role: app.RoleAdminBKPSDM}
	o.adminDS = app.Actor{UserID: 2, Name: "Admin DSDABM", Role: app.RoleAdminOPD, UnitID: 2, UnitCode: "DSDABM"}
	o.adminLH = app.Actor{UserID: 3, Name: "Admin DLHK", Role: app.RoleAdminOPD, UnitID: 4, UnitCode: "DLHK"}
	o.kadis = app.Actor{UserID: 4, Name: "Kadis SDA", Role: app.RoleAtasan, EmployeeID: 101, HasSubordinates: true}
	o.kabid = app.Actor{UserID: 5, Name: "Kabid Jalan", Role: app.RoleAtasan, EmployeeID: 102, HasSubordinates: true}
	o.kadisLH = app.Actor{UserID: 6, Name: "Kadis DLHK", Role: app.RoleAtasan, EmployeeID: 110, HasSubordinates: true}
	o.sekda = app.Actor{UserID: 7, Name: "Sekda", Role: app.RolePimpinan}
	o.itb = app.Actor{UserID: 8, Name: "Staf ITB", Role: app.RoleMitra, Partner: "Institut Teknologi Bandung"}
	o.unpad = app.Actor{UserID: 9, Name: "Staf Unpad", Role: app.RoleMitra, Partner: "unpad"}
	o.stray = app.Actor{UserID: 10, Name: "Staf Lain", Role: app.RoleMitra, Partner: "Universitas Entah"}
	for _, e := range emps {
		if e.SupervisorID == 102 || e.SupervisorID == 110 {
			o.staff[e.ID] = app.Actor{UserID: 100 + e.ID, Name: e.Name, Role: app.RolePegawai, EmployeeID: e.ID}
		}
	}
	for _, in := range []app.PartnerInput{
		{Code: "BKPSDM", Name: "BKPSDM Kota Bandung", Kind: "bkpsdm"},
		{Code: "ITB", Name: "Institut Teknologi Bandung", Kind: "universitas"},
		{Code: "UNPAD", Name: "Universitas Padjadjaran", Kind: "universitas"},
	} {
		if _, err := a.CreatePartner(ctx, o.admin, in); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

// program adds a program through the use case.
func (o *learnOrg) program(t *testing.T, actor app.Actor, in app.ProgramInput) app.ProgramView {
	t.Helper()
	if in.JP == 0 {
		in.JP = 24
	}
	if in.Delivery == "" {
		in.Delivery = "tatap_muka"
	}
	if in.Form == "" {
		in.Form = "pelatihan_teknis"
	}
	if in.Targets == nil {
		in.Targets = []app.TargetInput{{Competency: "T.PROYEK", Level: 3}}
	}
	p, err := o.a.CreateProgram(context.Background(), actor, in)
	if err != nil {
		t.Fatalf("program %s: %v", in.Code, err)
	}
	return p
}

// event adds an event with one session per day from start for days days,
// 08:00–12:00 WIB, and moves it to status.
func (o *learnOrg) event(t *testing.T, actor app.Actor, program, code, start string, days, capacity int, status string, quotas ...app.QuotaInput) app.EventView {
	t.Helper()
	ctx := context.Background()
	s, err := time.Parse("2006-01-02", start)
	if err != nil {
		t.Fatal(err)
	}
	in := app.EventInput{Program: program, Code: code, Title: "Angkatan " + code, StartsOn: start,
		EndsOn: s.AddDate(0, 0, days-1).Format("2006-01-02"), Place: "Aula", Capacity: capacity, Quotas: quotas}
	for d := 0; d < days; d++ {
		day := s.AddDate(0, 0, d).Format("2006-01-02")
		in.Sessions = append(in.Sessions, app.SessionInput{StartsAt: day + "T08:00", EndsAt: day + "T12:00", Topic: fmt.Sprintf("Hari %d", d+1)})
	}
	ev, err := o.a.CreateEvent(ctx, actor, in)
	if err != nil {
		t.Fatalf("event %s: %v", code, err)
	}
	path := map[string][]string{"draft": nil, "open": {"open"}, "closed": {"open", "closed"}, "running": {"open", "running"},
		"finished": {"open", "running", "finished"}}[status]
	for _, st := range path {
		if ev, err = o.a.SetEventStatus(ctx, actor, code, st); err != nil {
			t.Fatalf("event %s → %s: %v", code, st, err)
		}
	}
	return ev
}

// enrolled registers employee id and has the Kabid (or Kadis DLHK) approve.
func (o *learnOrg) enrolled(t *testing.T, event string, id int64) store.EnrollmentRow {
	t.Helper()
	ctx := context.Background()
	r, err := o.a.RegisterSelf(ctx, o.staff[id], event, 0)
	if err != nil {
		t.Fatalf("register %d: %v", id, err)
	}
	sup := o.kabid
	if id >= 110 && id < 1000 {
		sup = o.kadisLH
	}
	if r, err = o.a.DecideRegistration(ctx, sup, r.ID, true, ""); err != nil {
		t.Fatalf("approve %d: %v", id, err)
	}
	return r
}

// states maps employee ID → (state, waitlist rank) of an event's enrollments.
func (o *learnOrg) states(t *testing.T, event string) map[int64][2]string {
	t.Helper()
	l, err := o.a.Participants(context.Background(), o.admin, event)
	if err != nil {
		t.Fatal(err)
	}
	out := map[int64][2]string{}
	for _, p := range l.Participants {
		if p.State.Live() {
			out[p.EmployeeID] = [2]string{string(p.State), fmt.Sprint(p.WaitlistRank)}
		}
	}
	return out
}
