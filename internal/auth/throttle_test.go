package auth

import (
	"testing"
	"time"
)

func TestThrottle(t *testing.T) {
	th := DefaultThrottle()
	t0 := time.Date(2026, 11, 27, 8, 0, 0, 0, time.UTC)
	times := func(n int, step time.Duration) []time.Time {
		var out []time.Time
		for i := range n {
			out = append(out, t0.Add(time.Duration(i)*step))
		}
		return out
	}
	four, five := times(4, time.Minute), times(5, time.Minute) // last at t0+4m
	nineteen, twenty := times(19, time.Second), times(20, time.Second)
	for _, tc := range []struct {
		name    string
		now     time.Time
		account []time.Time
		address []time.Time
		ok      bool
		wait    time.Duration
	}{
		{"none", t0, nil, nil, true, 0},
		{"4 per account", t0.Add(5 * time.Minute), four, nil, true, 0},
		{"5 per account", t0.Add(5 * time.Minute), five, nil, false, 10 * time.Minute},
		{"5 per account, 1 ns before the first leaves", t0.Add(15*time.Minute - 1), five, nil, false, 1},
		{"5 per account, the first just left", t0.Add(15 * time.Minute), five, nil, true, 0},
		{"19 per address", t0.Add(time.Minute), nil, nineteen, true, 0},
		{"20 per address", t0.Add(time.Minute), nil, twenty, false, 14 * time.Minute},
		{"20 per address, released", t0.Add(15 * time.Minute), nil, twenty, true, 0},
		{"both: the longer wait wins", t0.Add(5 * time.Minute), five, twenty, false, 10 * time.Minute},
		{"old failures are ignored", t0.Add(time.Hour), five, twenty, true, 0},
		{"order does not matter", t0.Add(5 * time.Minute), []time.Time{five[4], five[0], five[2], five[1], five[3]}, nil, false, 10 * time.Minute},
	} {
		ok, wait := th.Allow(tc.now, tc.account, tc.address)
		if ok != tc.ok || wait != tc.wait {
			t.Errorf("%s: Allow = %v, %v; want %v, %v", tc.name, ok, wait, tc.ok, tc.wait)
		}
	}
	// More failures than the limit (concurrent attempts): allowed again when
	// the limit-th newest leaves, not the oldest.
	seven := times(7, time.Minute) // t0 … t0+6m
	if ok, wait := th.Allow(t0.Add(15*time.Minute), seven, nil); ok || wait != 2*time.Minute {
		t.Errorf("7 failures: Allow = %v, %v; want false, 2m", ok, wait)
	}
	if ok, _ := (Throttle{Window: time.Minute}).Allow(t0, five, twenty); !ok {
		t.Error("zero limits must not throttle")
	}
}
