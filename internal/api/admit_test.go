package api

import (
	"context"
	"net/http/httptest"
	"testing"
	"time"
)

// TestAdmitInOrder: beyond MaxInFlight, a request waits for a free slot and
// is then served; one whose client gives up while waiting is dropped
// without an answer and without taking a slot.
func TestAdmitInOrder(t *testing.T) {
	s := newServer(nil, Options{MaxInFlight: 1})
	h := s.routes()
	s.slots <- struct{}{} // the one slot is busy

	ctx, cancel := context.WithCancel(context.Background())
	gaveUp := make(chan *httptest.ResponseRecorder)
	go func() {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil).WithContext(ctx))
		gaveUp <- rec
	}()
	served := make(chan *httptest.ResponseRecorder)
	go func() {
		time.Sleep(20 * time.Millisecond)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest("GET", "/api/v1/openapi.json", nil))
		served <- rec
	}()
	time.Sleep(50 * time.Millisecond)
	cancel()
	if rec := <-gaveUp; rec.Body.Len() != 0 {
		t.Errorf("a request abandoned while waiting was answered: %d", rec.Code)
	}
	select {
	case <-served:
		t.Fatal("served while the slot was busy")
	case <-time.After(50 * time.Millisecond):
	}
	<-s.slots // the busy request ends
	select {
	case rec := <-served:
		if rec.Code != 200 {
			t.Errorf("waiting request: %d", rec.Code)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("the waiting request was never served")
	}
	if len(s.slots) != 0 {
		t.Errorf("%d slots still taken", len(s.slots))
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		`pq: invalid input syntax for type date: "Budi Santoso"`:   `pq: invalid input syntax for type date: "…"`,
		`UNIQUE constraint failed: users.nip (198503152010011002)`: `UNIQUE constraint failed: users.nip (…)`,
		`sql: database is closed`:                                  `sql: database is closed`,
		`near 'x': syntax error`:                                   `near "…": syntax error`,
	} {
		if got := redact(in); got != want {
			t.Errorf("redact(%q) = %q, want %q", in, got, want)
		}
	}
}
