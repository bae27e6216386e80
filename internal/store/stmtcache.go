package store

import (
	"context"
	"database/sql"
	"sync"
)

// stmtCache keeps the read queries prepared on SQLite, where parsing and
// planning a statement costs about as much as running a small one: the
// one-employee requests of the API run seven such queries each. database/sql
// prepares a cached statement once per pool connection and reuses it. The
// cache is bounded: queries beyond maxCachedStmts distinct texts (lists of
// IDs of many lengths) run unprepared, as before. PostgreSQL needs none:
// pgx caches statements itself.
type stmtCache struct {
	mu sync.Mutex
	m  map[string]*sql.Stmt
}

const maxCachedStmts = 256

// stmt returns the prepared form of a read query, or nil to run it plainly
// (cache full, or preparing failed: the plain path then reports the error).
func (s *Store) stmt(ctx context.Context, query string) *sql.Stmt {
	c := s.stmts
	if c == nil {
		return nil
	}
	c.mu.Lock()
	st, ok := c.m[query]
	full := len(c.m) >= maxCachedStmts
	c.mu.Unlock()
	if ok || full {
		return st
	}
	st, err := s.read.PrepareContext(ctx, query)
	if err != nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if prev, ok := c.m[query]; ok { // another request prepared it meanwhile
		st.Close()
		return prev
	}
	c.m[query] = st
	return st
}

// close closes the cached statements (before the pool closes).
func (c *stmtCache) close() {
	if c == nil {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, st := range c.m {
		st.Close()
	}
	c.m = map[string]*sql.Stmt{}
}
