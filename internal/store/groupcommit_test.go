package store

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sync"
	"testing"
)

// TestGroupCommitKeepsEachWriterAllOrNothing runs many concurrent write
// transactions on SQLite, where they share commits: every writer that
// fails (by returning an error or by a constraint violation half-way)
// leaves nothing behind, every other writer's rows are all there, and a
// writer that had already given up before its turn changes nothing.
func TestGroupCommitKeepsEachWriterAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, "sqlite:"+filepath.Join(t.TempDir(), "gc.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.write.ExecContext(ctx, `CREATE TABLE gc (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE);
		INSERT INTO gc (v) VALUES ('taken')`); err != nil {
		t.Fatal(err)
	}
	const n = 300
	errBoom := errors.New("boom")
	outcome := make([]error, n)
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() {
			wctx := ctx
			if i%13 == 0 {
				wctx = cancelled
			}
			outcome[i] = s.InTx(wctx, func(tx *Tx) error {
				if _, err := tx.Exec(ctx, `INSERT INTO gc (v) VALUES ($1)`, fmt.Sprintf("a%d", i)); err != nil {
					return err
				}
				second := fmt.Sprintf("b%d", i)
				if i%11 == 0 {
					second = "taken" // violates UNIQUE after the first insert
				}
				if _, err := tx.Exec(ctx, `INSERT INTO gc (v) VALUES ($1)`, second); err != nil {
					return err
				}
				if i%7 == 0 {
					return errBoom
				}
				return nil
			})
		})
	}
	wg.Wait()
	rows := map[string]bool{}
	r, err := s.read.QueryContext(ctx, `SELECT v FROM gc`)
	if err != nil {
		t.Fatal(err)
	}
	for r.Next() {
		var v string
		if err := r.Scan(&v); err != nil {
			t.Fatal(err)
		}
		rows[v] = true
	}
	r.Close()
	ok := 0
	for i := range n {
		a, b := rows[fmt.Sprintf("a%d", i)], rows[fmt.Sprintf("b%d", i)]
		wantFail := i%13 == 0 || i%11 == 0 || i%7 == 0
		switch {
		case wantFail && outcome[i] == nil:
			t.Errorf("writer %d should have failed", i)
		case !wantFail && outcome[i] != nil:
			t.Errorf("writer %d failed: %v", i, outcome[i])
		}
		if outcome[i] != nil && (a || b) {
			t.Errorf("writer %d failed (%v) but left rows behind (a=%v b=%v)", i, outcome[i], a, b)
		}
		if outcome[i] == nil {
			ok++
			if !a || !b {
				t.Errorf("writer %d succeeded but its rows are missing (a=%v b=%v)", i, a, b)
			}
		}
	}
	t.Logf("%d writers succeeded; %d commits were shared by several writers", ok, s.commits.shared)
	if ok == 0 || len(rows) != 2*ok+1 {
		t.Errorf("%d rows for %d successful writers", len(rows), ok)
	}
}
