package store_test

import (
	"context"
	"sync"
	"testing"
	"time"

	"asah/internal/competency"
	"asah/internal/store"
)

// TestConcurrentStreams: many more concurrent EachEmployee calls than the
// read pool has connections (each holds two) all finish, on both engines.
// Without a bound they could each hold one connection and wait forever for
// their second.
func TestConcurrentStreams(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		seed(t, s)
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		var wg sync.WaitGroup
		errs := make(chan error, 64)
		for range 64 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs <- s.EachEmployee(ctx, store.Filter{}, func(store.EmployeeRow, []competency.Assessment) error {
					time.Sleep(time.Millisecond)
					return nil
				})
			}()
		}
		wg.Wait()
		close(errs)
		for err := range errs {
			if err != nil {
				t.Fatalf("a stream failed (pool exhausted?): %v", err)
			}
		}
	})
}
