package api

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"slices"
	"sort"
	"sync"
	"testing"
	"time"
)

// raceSize and raceSeats are the race: 200 employees, a 30-seat event.
const (
	raceSize  = 200
	raceSeats = 30
)

// exchange is one request of a burst and what came back.
type exchange struct {
	method, path string
	caller       string
	raw          []byte
	res          response
	err          error
	took         time.Duration
}

// burst sends every exchange at once over real HTTP (a TCP listener, the
// API handler, the store) and waits for all of them; each latency runs
// from the request's own start to the end of its body.
func burst(t *testing.T, f *fixture, base string, client *http.Client, xs []*exchange) time.Duration {
	t.Helper()
	start := make(chan struct{})
	var wg sync.WaitGroup
	for _, x := range xs {
		wg.Add(1)
		go func(x *exchange) {
			defer wg.Done()
			var body io.Reader
			if x.raw != nil {
				body = bytes.NewReader(x.raw)
			}
			req, err := http.NewRequest(x.method, base+x.path, body)
			if err != nil {
				x.err = err
				return
			}
			req.Header.Set("Authorization", "Bearer "+f.tokens[x.caller])
			if x.raw != nil {
				req.Header.Set("Content-Type", "application/json")
			}
			<-start
			t0 := time.Now()
			resp, err := client.Do(req)
			if err != nil {
				x.err = err
				return
			}
			b, err := io.ReadAll(resp.Body)
			resp.Body.Close()
			x.took, x.err = time.Since(t0), err
			x.res = response{status: resp.StatusCode, header: resp.Header, body: b}
		}(x)
	}
	t0 := time.Now()
	close(start)
	wg.Wait()
	return time.Since(t0)
}

// checkBurst fails on transport errors and unexpected statuses, and
// validates every answer against the document.
func checkBurst(t *testing.T, f *fixture, what string, xs []*exchange, want int) {
	t.Helper()
	for _, x := range xs {
		if x.err != nil {
			t.Fatalf("%s: %v", what, x.err)
		}
		if x.res.status != want {
			t.Fatalf("%s %s: %d, want %d: %s", what, x.path, x.res.status, want, x.res.body)
		}
		req := httptest.NewRequest(x.method, x.path, bytes.NewReader(x.raw))
		if x.raw != nil {
			req.Header.Set("Content-Type", "application/json")
		}
		f.spec.check(t, req, x.raw, x.res)
	}
}

// percentile is the p-th percentile (nearest rank) of the latencies.
func percentile(xs []*exchange, p float64) time.Duration {
	d := make([]time.Duration, len(xs))
	for i, x := range xs {
		d[i] = x.took
	}
	slices.Sort(d)
	i := int(float64(len(d))*p/100+0.999999) - 1
	return d[max(0, min(i, len(d)-1))]
}

// TestConcurrentRegistrationsOverHTTP is the race over real HTTP on
// both engines: 200 employees register for a 30-seat event at the same
// moment (every one accepted for approval, none lost or doubled), then
// the 200 approvals arrive at the same moment: exactly 30 are accepted and
// 170 waitlisted at places 1–170 in the order their approvals committed,
// with no error. With ASAH_BENCH_REGISTRATION=1 it logs the latencies
// (BENCHMARKS.md); the figures never decide the outcome.
func TestConcurrentRegistrationsOverHTTP(t *testing.T) {
	learnEngines(t, func(t *testing.T, f *fixture) {
		w := f.world()
		ids := make([]int64, 0, len(w.nips))
		for id := range w.nips {
			if id != f.kadis.ID && id != f.staff.ID {
				ids = append(ids, id)
			}
		}
		slices.Sort(ids)
		ids = ids[:raceSize]
		callers := make([]string, raceSize)
		for i, id := range ids {
			callers[i] = f.as(w, id)
		}
		f.newProgram("UJI-RACE", f.itb().Code, nil)
		f.newEvent("UJI-RACE", "UJI-RACE-1", "2026-12-07", 3, raceSeats, "open")

		srv := httptest.NewServer(f.h)
		defer srv.Close()
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * raceSize}, Timeout: time.Minute}
		defer client.CloseIdleConnections()

		// Each employee has looked at the event before registration opens,
		// as the clients of a registration wave have.
		var warm []*exchange
		for _, c := range callers {
			warm = append(warm, &exchange{method: "GET", path: "/api/v1/events/UJI-RACE-1", caller: c})
		}
		burst(t, f, srv.URL, client, warm)
		checkBurst(t, f, "warm-up", warm, 200)

		var regs []*exchange
		for _, c := range callers {
			regs = append(regs, &exchange{method: "POST", path: "/api/v1/events/UJI-RACE-1/registrations", caller: c})
		}
		wallReg := burst(t, f, srv.URL, client, regs)
		checkBurst(t, f, "registration", regs, 201)
		enrollment := map[int64]string{} // enrollment → NIP
		for _, x := range regs {
			var e enrollmentJSON
			x.res.json(t, &e)
			if e.State != "pending_approval" || e.NIP == nil {
				t.Fatalf("registration: %s", x.res.body)
			}
			enrollment[e.ID] = *e.NIP
		}
		if len(enrollment) != raceSize {
			t.Fatalf("%d distinct enrollments, want %d", len(enrollment), raceSize)
		}

		var decs []*exchange
		for id := range enrollment {
			decs = append(decs, &exchange{method: "POST", path: fmt.Sprintf("/api/v1/enrollments/%d/decision", id), caller: "admin_bkpsdm",
				raw: []byte(`{"approve":true}`)})
		}
		wallDec := burst(t, f, srv.URL, client, decs)
		checkBurst(t, f, "approval", decs, 200)

		// The seats: 30 accepted, the rest waitlisted 1…170, and the event agrees.
		r := f.do("admin_bkpsdm", "GET", "/api/v1/events/UJI-RACE-1/enrollments", nil)
		var pl participantsJSON
		r.json(t, &pl)
		accepted, ranks := 0, map[int]int64{}
		for _, p := range pl.Items {
			switch {
			case p.State == "accepted" && p.WaitlistRank == nil:
				accepted++
			case p.State == "waitlisted" && p.WaitlistRank != nil:
				if prev, dup := ranks[*p.WaitlistRank]; dup {
					t.Fatalf("waitlist place %d held by %d and %d", *p.WaitlistRank, prev, p.ID)
				}
				ranks[*p.WaitlistRank] = p.ID
			default:
				t.Fatalf("enrollment %d: %s (rank %v)", p.ID, p.State, p.WaitlistRank)
			}
		}
		if len(pl.Items) != raceSize || accepted != raceSeats || len(ranks) != raceSize-raceSeats {
			t.Fatalf("%d enrollments, %d accepted, %d waitlisted; want %d, %d, %d", len(pl.Items), accepted, len(ranks),
				raceSize, raceSeats, raceSize-raceSeats)
		}
		var ev eventDetailJSON
		f.do("admin_bkpsdm", "GET", "/api/v1/events/UJI-RACE-1", nil).json(t, &ev)
		if ev.Seated != raceSeats || ev.Free != 0 || ev.Waitlisted != raceSize-raceSeats || ev.Pending != 0 {
			t.Fatalf("event counts: seated %d, free %d, waitlisted %d, pending %d", ev.Seated, ev.Free, ev.Waitlisted, ev.Pending)
		}

		// In order: the approvals' audit rows, in the order they were
		// written under the event's lock, give the first 30 a seat and
		// then places 1, 2, 3, … to the others.
		trail, err := f.app.Store.AuditTrail(context.Background(), "", "", 5000)
		if err != nil {
			t.Fatal(err)
		}
		sort.Slice(trail, func(i, j int) bool { return trail[i].ID < trail[j].ID })
		n := 0
		for _, e := range trail {
			if e.Action != "enrollment.approve" {
				continue
			}
			var after struct {
				EnrollmentID int64  `json:"enrollment_id"`
				State        string `json:"state"`
			}
			if err := json.Unmarshal([]byte(e.After), &after); err != nil {
				t.Fatal(err)
			}
			if _, ours := enrollment[after.EnrollmentID]; !ours {
				continue
			}
			n++
			switch {
			case n <= raceSeats && after.State != "accepted":
				t.Fatalf("approval %d committed as %s, want accepted", n, after.State)
			case n > raceSeats && (after.State != "waitlisted" || ranks[n-raceSeats] != after.EnrollmentID):
				t.Fatalf("approval %d committed as %s (enrollment %d), want waitlisted at %d (held by %d)",
					n, after.State, after.EnrollmentID, n-raceSeats, ranks[n-raceSeats])
			}
		}
		if n != raceSize {
			t.Errorf("%d approval audit rows, want %d", n, raceSize)
		}
		if s := f.log.String(); s != "" {
			t.Errorf("the race logged: %s", s)
		}

		if os.Getenv("ASAH_BENCH_REGISTRATION") != "" {
			for _, b := range []struct {
				what string
				xs   []*exchange
				wall time.Duration
			}{{"registrations", regs, wallReg}, {"approvals", decs, wallDec}} {
				t.Logf("%d concurrent %s, 0 errors: p50 %v, p99 %v, max %v, all done in %v", len(b.xs), b.what,
					percentile(b.xs, 50).Round(time.Millisecond), percentile(b.xs, 99).Round(time.Millisecond),
					percentile(b.xs, 100).Round(time.Millisecond), b.wall.Round(time.Millisecond))
			}
		}
	})
}
