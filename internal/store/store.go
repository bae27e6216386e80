// Package store keeps Asah's data in an embedded SQLite file or in
// PostgreSQL. SQL is written once with $1 placeholders; for SQLite the store
// rewrites them to ?1. Write transactions on SQLite begin IMMEDIATE on a
// single writer connection; reads use a pool.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // PostgreSQL driver "pgx"
	_ "modernc.org/sqlite"             // SQLite driver "sqlite", pure Go
)

// Engine names a database engine.
type Engine string

const (
	SQLite   Engine = "sqlite"
	Postgres Engine = "postgres"
)

// Store is the handle to one database. Safe for concurrent use.
type Store struct {
	engine Engine
	// write takes every write transaction: on SQLite one connection, so
	// writers queue in Go instead of failing with SQLITE_BUSY.
	write *sql.DB
	// read serves queries; on PostgreSQL it is the same pool as write.
	read *sql.DB
	// now stamps audit rows and recorded_at; injected for tests.
	now func() time.Time
	// streams bounds the concurrent EachEmployee calls, each of which holds
	// two read connections at once: without it, as many streams as the
	// pool has connections could each hold one and wait forever for their
	// second. Sized to leave connections for other queries.
	streams chan struct{}
	// stmts keeps read statements prepared (SQLite only; see stmtcache.go).
	stmts *stmtCache
	// commits batches concurrent write transactions into one commit
	// (SQLite only; see groupcommit.go).
	commits committer
}

// streamSlots is how many EachEmployee calls may run on a read pool of n
// connections: two connections each, and two left for everything else.
func streamSlots(n int) chan struct{} { return make(chan struct{}, max(1, (n-2)/2)) }

// SetClock replaces the clock that stamps audit rows and recording times.
func (s *Store) SetClock(now func() time.Time) { s.now = now }

// Engine tells which engine the store runs on.
func (s *Store) Engine() Engine { return s.engine }

// ErrUnknownScheme is returned by Open for a URL it cannot handle.
var ErrUnknownScheme = errors.New("unknown database scheme")

// Open connects to a database URL: "sqlite:PATH" (PATH may be
// ":memory:"-free relative or absolute file) or "postgres://…" /
// "postgresql://…". It pings the database so that an unreachable server is
// reported here, with one clear message.
func Open(ctx context.Context, dbURL string) (*Store, error) {
	switch {
	case strings.HasPrefix(dbURL, "sqlite:"):
		path := strings.TrimPrefix(dbURL, "sqlite:")
		path = strings.TrimPrefix(path, "//")
		if path == "" {
			return nil, fmt.Errorf("--db sqlite: needs a file path, e.g. sqlite:asah.db")
		}
		return openSQLite(ctx, path)
	case strings.HasPrefix(dbURL, "postgres://"), strings.HasPrefix(dbURL, "postgresql://"):
		return openPostgres(ctx, dbURL)
	default:
		scheme := dbURL
		if i := strings.Index(dbURL, ":"); i >= 0 {
			scheme = dbURL[:i]
		}
		return nil, fmt.Errorf("%w %q: use sqlite:PATH or postgres://USER@HOST/DB", ErrUnknownScheme, scheme)
	}
}

func sqliteDSN(path string, write bool) string {
	q := url.Values{}
	for _, p := range []string{
		"journal_mode(WAL)",
		"synchronous(FULL)", // HR records must survive a power loss
		"foreign_keys(1)",
		"busy_timeout(10000)",
	} {
		q.Add("_pragma", p)
	}
	if write {
		q.Set("_txlock", "immediate")
	}
	return "file:" + path + "?" + q.Encode()
}

func openSQLite(ctx context.Context, path string) (*Store, error) {
	w, err := sql.Open("sqlite", sqliteDSN(path, true))
	if err != nil {
		return nil, err
	}
	w.SetMaxOpenConns(1)
	w.SetMaxIdleConns(1)
	w.SetConnMaxLifetime(0)
	if err := w.PingContext(ctx); err != nil {
		w.Close()
		return nil, fmt.Errorf("cannot open SQLite database %s: %v", path, err)
	}
	r, err := sql.Open("sqlite", sqliteDSN(path, false))
	if err != nil {
		w.Close()
		return nil, err
	}
	r.SetMaxOpenConns(8)
	r.SetMaxIdleConns(8)
	return &Store{engine: SQLite, write: w, read: r, now: time.Now, streams: streamSlots(8),
		stmts: &stmtCache{m: map[string]*sql.Stmt{}}}, nil
}

func openPostgres(ctx context.Context, dbURL string) (*Store, error) {
	db, err := sql.Open("pgx", dbURL)
	if err != nil {
		return nil, fmt.Errorf("invalid PostgreSQL URL: %v", err)
	}
	db.SetMaxOpenConns(16)
	db.SetMaxIdleConns(8)
	db.SetConnMaxIdleTime(5 * time.Minute)
	pctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := db.PingContext(pctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("cannot reach PostgreSQL at %s: %v", redactURL(dbURL), err)
	}
	return &Store{engine: Postgres, write: db, read: db, now: time.Now, streams: streamSlots(16)}, nil
}

// redactURL drops a password from a URL for messages.
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(invalid URL)"
	}
	return u.Redacted()
}

// Close closes every connection.
func (s *Store) Close() error {
	s.stmts.close()
	err := s.write.Close()
	if s.read != s.write {
		if e := s.read.Close(); err == nil {
			err = e
		}
	}
	return err
}

// Ping checks that the database answers (for /readyz).
func (s *Store) Ping(ctx context.Context) error { return s.read.PingContext(ctx) }

// q adapts a $n query to the engine.
func (s *Store) q(query string) string {
	if s.engine == SQLite {
		return rewritePlaceholders(query)
	}
	return query
}

// rewritePlaceholders turns $1 into ?1 outside quoted strings.
func rewritePlaceholders(query string) string {
	if !strings.Contains(query, "$") {
		return query
	}
	var b strings.Builder
	b.Grow(len(query))
	inQuote := false
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'':
			inQuote = !inQuote
		case c == '$' && !inQuote && i+1 < len(query) && query[i+1] >= '0' && query[i+1] <= '9':
			c = '?'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// Tx is a write transaction; its queries use $n placeholders too.
type Tx struct {
	s  *Store
	tx *sql.Tx
	// detached: the transaction is shared (group commit), so one writer's
	// cancellation must not interrupt its statements.
	detached bool
}

func (t *Tx) Exec(ctx context.Context, query string, args ...any) (sql.Result, error) {
	return t.tx.ExecContext(t.ctx(ctx), t.s.q(query), args...)
}

func (t *Tx) QueryRow(ctx context.Context, query string, args ...any) *sql.Row {
	return t.tx.QueryRowContext(t.ctx(ctx), t.s.q(query), args...)
}

func (t *Tx) Query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return t.tx.QueryContext(t.ctx(ctx), t.s.q(query), args...)
}

// InTx runs fn in one write transaction: committed when fn returns nil,
// rolled back otherwise. On SQLite it begins IMMEDIATE, and writers that
// arrive together share one commit (groupcommit.go), each still all or
// nothing.
func (s *Store) InTx(ctx context.Context, fn func(*Tx) error) error {
	if s.engine == SQLite {
		return s.groupTx(ctx, fn)
	}
	tx, err := s.write.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if err := fn(&Tx{s: s, tx: tx}); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

func (s *Store) queryRow(ctx context.Context, query string, args ...any) *sql.Row {
	query = s.q(query)
	if st := s.stmt(ctx, query); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.read.QueryRowContext(ctx, query, args...)
}

func (s *Store) query(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	query = s.q(query)
	if st := s.stmt(ctx, query); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.read.QueryContext(ctx, query, args...)
}

// ErrNotFound is returned when a looked-up row does not exist.
var ErrNotFound = errors.New("tidak ditemukan")
