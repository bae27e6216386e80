package store_test

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/people"
	"asah/internal/store"
)

// engines yields a fresh, migrated store per engine: SQLite always, and
// PostgreSQL when ASAH_TEST_POSTGRES holds a connection URL (each test gets
// its own database). Under CI=true a missing PostgreSQL fails the test.
func engines(t *testing.T, fn func(t *testing.T, s *store.Store)) {
	t.Run("sqlite", func(t *testing.T) {
		fn(t, openSQLite(t))
	})
	t.Run("postgres", func(t *testing.T) {
		s := openPostgres(t)
		if s == nil {
			return
		}
		fn(t, s)
	})
}

func openSQLite(t *testing.T) *store.Store {
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
	return s
}

// PostgresURL returns the test server URL, skipping (or failing under CI) when unset.
func postgresURL(t *testing.T) string {
	u := os.Getenv("ASAH_TEST_POSTGRES")
	if u == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("ASAH_TEST_POSTGRES is not set under CI=true: the PostgreSQL suite must run")
		}
		t.Skip("PostgreSQL tests skipped: set ASAH_TEST_POSTGRES=postgres://postgres@127.0.0.1:5432/postgres to run them")
	}
	return u
}

func openPostgres(t *testing.T) *store.Store {
	t.Helper()
	base := postgresURL(t)
	ctx := context.Background()
	admin, err := sql.Open("pgx", base)
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("asah_test_%d_%d", time.Now().UnixNano(), os.Getpid())
	if _, err := admin.ExecContext(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create test database: %v", err)
	}
	t.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err == nil {
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
	t.Cleanup(func() { s.Close() })
	if err := s.Migrate(ctx); err != nil {
		t.Fatal(err)
	}
	return s
}

var day = func(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// seed loads a tiny organisation: a dinas with a kecamatan-like child, two
// positions with standards and three employees.
func seed(t *testing.T, s *store.Store) (tech competency.Competency) {
	t.Helper()
	ctx := context.Background()
	dict, err := s.Competencies(ctx, false)
	if err != nil {
		t.Fatal(err)
	}
	var maxID int64
	for _, c := range dict {
		maxID = max(maxID, c.ID)
	}
	tech = competency.Competency{ID: maxID + 1, Code: "T.SAMPAH", Kind: competency.Technical, Name: "Pengelolaan Sampah Terpadu",
		Levels: competency.TechnicalLevels("Pengelolaan Sampah Terpadu")}
	err = s.BulkLoad(ctx, func(b *store.Bulk) error {
		if err := b.Competencies(ctx, []competency.Competency{tech}); err != nil {
			return err
		}
		if err := b.Units(ctx, []people.Unit{
			{ID: 1, Code: "DLHK", Name: "Dinas Lingkungan Hidup dan Kebersihan", Kind: people.UnitDinas},
			{ID: 2, Code: "UPT-SAMPAH", Name: "UPT Pengelolaan Sampah", Kind: people.UnitUPT, ParentID: 1},
			{ID: 3, Code: "BKPSDM", Name: "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", Kind: people.UnitBadan},
		}); err != nil {
			return err
		}
		std := map[int64][]competency.Requirement{}
		for _, c := range dict {
			std[1] = append(std[1], competency.Requirement{CompetencyID: c.ID, Required: 4})
			std[2] = append(std[2], competency.Requirement{CompetencyID: c.ID, Required: 1})
		}
		std[2] = append(std[2], competency.Requirement{CompetencyID: tech.ID, Required: 2})
		if err := b.Positions(ctx, []people.Position{
			{ID: 1, Code: "DLHK-KADIS", Title: "Kepala Dinas", Kind: people.KindJPT, Jenjang: people.JenjangPratama, UnitID: 1, Key: true},
			{ID: 2, Code: "UPT-SAMPAH-PL", Title: "Pengelola Sampah", Kind: people.KindPelaksana, UnitID: 2},
			{ID: 3, Code: "BKPSDM-PL", Title: "Pengadministrasi Umum", Kind: people.KindPelaksana, UnitID: 3},
		}, std); err != nil {
			return err
		}
		emp := func(id int64, nip, name string, pos, unit, sup int64) people.Employee {
			n, err := people.ParseNIP(nip)
			if err != nil {
				t.Fatal(err)
			}
			g := "III/a"
			if n.Kind == people.PPPK {
				g = "IX"
			}
			return people.Employee{ID: id, NIP: nip, Name: name, Kind: n.Kind, Sex: n.Sex, BirthDate: n.BirthDate, Golongan: g,
				PositionID: pos, UnitID: unit, SupervisorID: sup, RetirementDate: people.RetirementDate(n.BirthDate, 58)}
		}
		// The staff member arrives before the supervisor in one batch: the
		// loader must accept it (foreign keys are checked at commit).
		if err := b.Employees(ctx, []people.Employee{
			emp(2, "199001152015032001", "Euis Komariah", 2, 2, 1),
			emp(1, "197503122000121002", "Asep Suhendar", 1, 1, 0),
			emp(3, "199505052023212015", "Dede Rahmawati", 3, 3, 0),
		}); err != nil {
			return err
		}
		return b.Assessments(ctx, []competency.Assessment{
			{ID: 1, EmployeeID: 1, CompetencyID: dict[0].ID, Source: competency.SourceAssessmentCenter, Level: 3,
				AssessedOn: day("2025-06-01"), Status: competency.Final, RecordedAt: day("2025-06-02")},
			{ID: 2, EmployeeID: 1, CompetencyID: dict[0].ID, Source: competency.SourceSupervisor, Level: 5,
				AssessedOn: day("2026-06-01"), Status: competency.Final, RecordedAt: day("2026-06-02")},
			{ID: 3, EmployeeID: 2, CompetencyID: tech.ID, Source: competency.SourceSupervisor, Level: 1,
				AssessedOn: day("2026-01-10"), Status: competency.Final, RecordedAt: day("2026-01-10")},
			{ID: 4, EmployeeID: 2, CompetencyID: tech.ID, Source: competency.SourceSupervisor, Level: 4,
				AssessedOn: day("2026-02-10"), Status: competency.Draft, RecordedAt: day("2026-02-10")},
		})
	})
	if err != nil {
		t.Fatalf("bulk load: %v", err)
	}
	return tech
}

func TestMigrateSeedsDictionaryIdempotently(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.Migrate(ctx); err != nil { // second run: no duplicates, no error
			t.Fatal(err)
		}
		cs, err := s.Competencies(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		var codes []string
		for _, c := range cs {
			codes = append(codes, c.Code)
			if len(c.Levels) != 5 {
				t.Errorf("%s has %d levels, want 5", c.Code, len(c.Levels))
			}
			for _, l := range c.Levels {
				if len(l.Indicators) < 1 || l.Descriptor == "" {
					t.Errorf("%s level %d lacks descriptor or indicators", c.Code, l.Level)
				}
			}
		}
		want := "M.1 M.2 M.3 M.4 M.5 M.6 M.7 M.8 SK.1"
		if got := strings.Join(codes, " "); got != want {
			t.Errorf("dictionary = %s, want %s", got, want)
		}
	})
}

func TestBulkLoadAndStream(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		tech := seed(t, s)
		empty, err := s.IsEmpty(ctx)
		if err != nil || empty {
			t.Fatalf("IsEmpty after load = %v, %v", empty, err)
		}
		e, err := s.EmployeeByNIP(ctx, "199001152015032001")
		if err != nil {
			t.Fatal(err)
		}
		if e.Name != "Euis Komariah" || e.UnitCode != "UPT-SAMPAH" || e.SupervisorName != "Asep Suhendar" ||
			!e.BirthDate.Equal(day("1990-01-15")) || e.PositionKind != people.KindPelaksana {
			t.Errorf("employee read back wrong: %+v", e)
		}
		if _, err := s.EmployeeByNIP(ctx, "199001152015032009"); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("unknown NIP: err = %v, want ErrNotFound", err)
		}
		// Streaming the DLHK subtree yields the kadis and the UPT staff with
		// their final assessments only.
		type got struct {
			nip string
			n   int
		}
		var seen []got
		err = s.EachEmployee(ctx, store.Filter{UnitCode: "DLHK"}, func(e store.EmployeeRow, as []competency.Assessment) error {
			seen = append(seen, got{e.NIP, len(as)})
			for _, a := range as {
				if a.Status != competency.Final || a.EmployeeID != e.ID {
					t.Errorf("stream gave %+v for employee %d", a, e.ID)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		want := []got{{"197503122000121002", 2}, {"199001152015032001", 1}}
		if fmt.Sprint(seen) != fmt.Sprint(want) {
			t.Errorf("DLHK subtree stream = %v, want %v", seen, want)
		}
		n, err := s.CountEmployees(ctx, store.Filter{})
		if err != nil || n != 3 {
			t.Errorf("CountEmployees = %d, %v; want 3", n, err)
		}
		std, err := s.Standards(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if len(std[1]) != 9 || len(std[2]) != 10 || std[2][9].CompetencyID != tech.ID || len(std[3]) != 0 {
			t.Errorf("standards: %d, %d, %d lines", len(std[1]), len(std[2]), len(std[3]))
		}
		if err := s.CheckFilter(ctx, store.Filter{UnitCode: "NOPE"}); err == nil || !strings.Contains(err.Error(), "NOPE") {
			t.Errorf("CheckFilter unknown unit: %v", err)
		}
		units, err := s.Units(ctx)
		if err != nil {
			t.Fatal(err)
		}
		var order []string
		for _, u := range units {
			order = append(order, fmt.Sprintf("%s@%d", u.Code, u.Depth))
		}
		if got := strings.Join(order, " "); got != "BKPSDM@0 DLHK@0 UPT-SAMPAH@1" {
			t.Errorf("unit tree order = %s", got)
		}
	})
}

func TestBulkLoadIsAllOrNothing(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		err := s.BulkLoad(ctx, func(b *store.Bulk) error {
			if err := b.Units(ctx, []people.Unit{{ID: 1, Code: "A", Name: "A", Kind: people.UnitDinas}}); err != nil {
				return err
			}
			// Duplicate code: the whole load must roll back.
			return b.Units(ctx, []people.Unit{{ID: 2, Code: "A", Name: "B", Kind: people.UnitDinas}})
		})
		if err == nil {
			t.Fatal("duplicate unit code accepted")
		}
		empty, err := s.IsEmpty(ctx)
		if err != nil || !empty {
			t.Errorf("after a failed load the database is not empty (%v)", err)
		}
	})
}

func TestAddAssessmentWritesAudit(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		tech := seed(t, s)
		s.SetClock(func() time.Time { return time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC) })
		e, _ := s.EmployeeByNIP(ctx, "199505052023212015")
		id, err := s.AddAssessment(ctx, "tester", e.NIP, tech.Code, competency.Assessment{
			EmployeeID: e.ID, CompetencyID: tech.ID, Source: competency.Source360, Level: 2,
			AssessedOn: day("2026-11-20"), Status: competency.Final, Assessor: "Rekan kerja"})
		if err != nil {
			t.Fatal(err)
		}
		as, err := s.Assessments(ctx, e.ID)
		if err != nil || len(as) != 1 || as[0].ID != id || as[0].Level != 2 || !as[0].AssessedOn.Equal(day("2026-11-20")) ||
			!as[0].RecordedAt.Equal(time.Date(2026, 11, 27, 3, 0, 0, 0, time.UTC)) {
			t.Fatalf("assessments read back: %+v, %v", as, err)
		}
		trail, err := s.AuditTrail(ctx, "employee", e.NIP, 10)
		if err != nil || len(trail) != 1 || trail[0].Actor != "tester" || trail[0].Action != "assessment.create" ||
			!strings.Contains(trail[0].After, `"level":2`) {
			t.Fatalf("audit trail: %+v, %v", trail, err)
		}
		// A level the database must refuse even if app validation were bypassed.
		_, err = s.AddAssessment(ctx, "tester", e.NIP, tech.Code, competency.Assessment{
			EmployeeID: e.ID, CompetencyID: tech.ID, Source: competency.Source360, Level: 6,
			AssessedOn: day("2026-11-20"), Status: competency.Final})
		if err == nil {
			t.Error("level 6 stored")
		}
		if trail, _ := s.AuditTrail(ctx, "employee", e.NIP, 10); len(trail) != 1 {
			t.Errorf("failed insert left %d audit rows, want 1", len(trail))
		}
	})
}

func TestAuditLogIsAppendOnly(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		if err := s.SavePolicy(ctx, "admin", competency.DefaultPolicy()); err != nil {
			t.Fatal(err)
		}
		for _, q := range []string{`UPDATE audit_log SET actor = 'x'`, `DELETE FROM audit_log`} {
			err := s.InTx(ctx, func(tx *store.Tx) error { _, err := tx.Exec(ctx, q); return err })
			if err == nil {
				t.Errorf("%s succeeded on the audit log", q)
			}
		}
		trail, err := s.AuditTrail(ctx, "", "", 10)
		if err != nil || len(trail) != 1 || trail[0].Actor != "admin" {
			t.Errorf("audit after tampering attempts: %+v %v", trail, err)
		}
	})
}

func TestPolicyRoundTrip(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		p := competency.DefaultPolicy()
		p.MS, p.MMS = 85, 70
		p.ValidityMonths[competency.SourceSupervisor] = 18
		if err := s.SavePolicy(ctx, "admin", p); err != nil {
			t.Fatal(err)
		}
		got, err := s.LoadPolicy(ctx)
		if err != nil || got.MS != 85 || got.MMS != 70 || got.ValidityMonths[competency.SourceSupervisor] != 18 {
			t.Errorf("policy read back: %+v %v", got, err)
		}
		bad := p
		bad.MMS = 90
		if err := s.SavePolicy(ctx, "admin", bad); err == nil {
			t.Error("invalid policy saved")
		}
	})
}

func TestConcurrentWritesOnSQLite(t *testing.T) {
	s := openSQLite(t)
	ctx := context.Background()
	tech := seed(t, s)
	e, _ := s.EmployeeByNIP(ctx, "199505052023212015")
	errc := make(chan error, 40)
	for i := range 40 {
		go func() {
			_, err := s.AddAssessment(ctx, "w", e.NIP, tech.Code, competency.Assessment{EmployeeID: e.ID, CompetencyID: tech.ID,
				Source: competency.SourceSelf, Level: 1 + i%5, AssessedOn: day("2026-11-01"), Status: competency.Final})
			errc <- err
		}()
	}
	for range 40 {
		if err := <-errc; err != nil {
			t.Errorf("concurrent write failed: %v", err)
		}
	}
	if as, _ := s.Assessments(ctx, e.ID); len(as) != 40 {
		t.Errorf("%d assessments stored, want 40", len(as))
	}
}

func TestOpenErrors(t *testing.T) {
	ctx := context.Background()
	if _, err := store.Open(ctx, "mysql://x"); !errors.Is(err, store.ErrUnknownScheme) {
		t.Errorf("mysql scheme: %v", err)
	}
	if _, err := store.Open(ctx, "sqlite:"); err == nil {
		t.Error("empty sqlite path accepted")
	}
	_, err := store.Open(ctx, "postgres://nobody:secret@127.0.0.1:1/none?connect_timeout=2")
	if err == nil || !strings.Contains(err.Error(), "cannot reach PostgreSQL") || strings.Contains(err.Error(), "secret") {
		t.Errorf("unreachable postgres: %v (must say so and hide the password)", err)
	}
}

// TestSchemasInStep fails when one engine has a table or column the other lacks.
func TestSchemasInStep(t *testing.T) {
	lite := openSQLite(t)
	cols := func(s *store.Store, q string) []string {
		var out []string
		err := s.InTx(context.Background(), func(tx *store.Tx) error {
			rows, err := tx.Query(context.Background(), q)
			if err != nil {
				return err
			}
			defer rows.Close()
			for rows.Next() {
				var tbl, col string
				if err := rows.Scan(&tbl, &col); err != nil {
					return err
				}
				out = append(out, tbl+"."+col)
			}
			return rows.Err()
		})
		if err != nil {
			t.Fatal(err)
		}
		sort.Strings(out)
		return out
	}
	l := cols(lite, `SELECT m.name, p.name FROM sqlite_master m, pragma_table_info(m.name) p
		WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'goose_db_version'`)
	pg := openPostgres(t)
	if pg == nil {
		return
	}
	p := cols(pg, `SELECT table_name, column_name FROM information_schema.columns
		WHERE table_schema = 'public' AND table_name <> 'goose_db_version'`)
	if strings.Join(l, "\n") != strings.Join(p, "\n") {
		t.Errorf("schemas differ:\nsqlite:   %v\npostgres: %v", l, p)
	}
}

// TestDriverVersions prints the SQLite/libc pair from go.mod so that a change
// is seen in the test log (DESIGN.md: libc must stay at the version that the
// sqlite release was tested with).
func TestDriverVersions(t *testing.T) {
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	versions := map[string]string{}
	for _, line := range strings.Split(string(mod), "\n") {
		f := strings.Fields(line)
		if len(f) >= 2 && (f[0] == "modernc.org/sqlite" || f[0] == "modernc.org/libc") {
			versions[f[0]] = f[1]
		}
	}
	t.Logf("modernc.org/sqlite %s, modernc.org/libc %s", versions["modernc.org/sqlite"], versions["modernc.org/libc"])
	if versions["modernc.org/sqlite"] != "v1.62.0" || versions["modernc.org/libc"] != "v1.80.2" {
		t.Errorf("sqlite %s with libc %s: the pair tested is sqlite v1.62.0 with libc v1.80.2; re-check before changing",
			versions["modernc.org/sqlite"], versions["modernc.org/libc"])
	}
}
