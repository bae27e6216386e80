package store

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Group commit (SQLite). With synchronous=FULL every commit waits for the
// disk to sync, about 1–2 ms on ordinary disks; a burst of 200 small write
// transactions (registrations for one event, say) queued behind the single
// writer connection would wait 200 syncs in a row. Instead, the writers
// that arrive while a transaction is running are run together in the next
// one, each inside its own savepoint: a writer whose function fails is
// rolled back to its savepoint and gets its error, the others are
// unaffected, and all of them are made durable by one commit. Each writer
// still sees exactly its own all-or-nothing transaction; only the sync is
// shared. PostgreSQL commits concurrently and does not need this.

// txRequest is one writer waiting for its transaction.
type txRequest struct {
	ctx   context.Context
	fn    func(*Tx) error
	done  chan error
	panic any // a panic of fn, re-raised in the writer's goroutine
}

// committer queues the writers; the first one to find it idle leads: it
// runs batches until the queue is empty.
type committer struct {
	mu      sync.Mutex
	queue   []*txRequest
	leading bool
	// shared counts the commits that carried more than one writer (for
	// tests and curiosity).
	shared int
}

// groupTx runs fn in a write transaction shared with the writers that
// queue at the same time. A request that has started always finishes:
// the writer's cancellation is not passed to the statements of a shared
// transaction (on SQLite an interrupted statement can roll back the whole
// transaction, and with it the other writers' work).
func (s *Store) groupTx(ctx context.Context, fn func(*Tx) error) error {
	r := &txRequest{ctx: ctx, fn: fn, done: make(chan error, 1)}
	c := &s.commits
	c.mu.Lock()
	c.queue = append(c.queue, r)
	if !c.leading {
		c.leading = true
		for len(c.queue) > 0 {
			batch := c.queue
			c.queue = nil
			c.mu.Unlock()
			s.runBatch(batch)
			c.mu.Lock()
		}
		c.leading = false
	}
	c.mu.Unlock()
	err := <-r.done
	if r.panic != nil {
		panic(r.panic)
	}
	return err
}

// runBatch runs a batch of writers in one transaction and tells each its
// outcome.
func (s *Store) runBatch(batch []*txRequest) {
	results := make([]error, len(batch))
	defer func() {
		for i, r := range batch {
			r.done <- results[i]
		}
	}()
	fail := func(err error) {
		for i := range results {
			if results[i] == nil {
				results[i] = err
			}
		}
	}
	if len(batch) == 1 { // alone: an ordinary transaction, as the writer asked
		results[0] = s.ownTx(batch[0])
		return
	}
	s.commits.mu.Lock()
	s.commits.shared++
	s.commits.mu.Unlock()
	tx, err := s.write.BeginTx(context.Background(), nil)
	if err != nil {
		fail(err)
		return
	}
	bg := context.Background()
	ran := 0
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil { // gave up before it started: nothing ran
			results[i] = err
			continue
		}
		if _, err := tx.ExecContext(bg, `SAVEPOINT writer`); err != nil {
			tx.Rollback()
			fail(err)
			return
		}
		err := s.runOne(r, &Tx{s: s, tx: tx, detached: true})
		if err != nil {
			results[i] = err
			if _, rerr := tx.ExecContext(bg, `ROLLBACK TO writer`); rerr != nil {
				tx.Rollback()
				fail(fmt.Errorf("transaksi dibatalkan: %w", rerr))
				return
			}
		} else {
			ran++
		}
		if _, err := tx.ExecContext(bg, `RELEASE writer`); err != nil {
			tx.Rollback()
			fail(err)
			return
		}
	}
	if ran == 0 {
		tx.Rollback()
		return
	}
	if err := tx.Commit(); err != nil {
		fail(err)
	}
}

// ownTx runs a writer alone in its own transaction.
func (s *Store) ownTx(r *txRequest) error {
	tx, err := s.write.BeginTx(r.ctx, nil)
	if err != nil {
		return err
	}
	if err := s.runOne(r, &Tx{s: s, tx: tx}); err != nil {
		tx.Rollback()
		return err
	}
	return tx.Commit()
}

// runOne runs one writer's function, turning a panic into an error for
// the batch (the writer re-raises it).
func (s *Store) runOne(r *txRequest, tx *Tx) (err error) {
	defer func() {
		if p := recover(); p != nil {
			r.panic = p
			err = errPanicked
		}
	}()
	return r.fn(tx)
}

var errPanicked = errors.New("store: the transaction's function panicked")

// ctx returns the context a statement of the transaction runs under.
func (t *Tx) ctx(ctx context.Context) context.Context {
	if t.detached {
		return context.WithoutCancel(ctx)
	}
	return ctx
}
