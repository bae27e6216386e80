package auth

import (
	"sort"
	"time"
)

// Throttle is the login throttling rule: at most AccountLimit failed
// attempts per account key and AddressLimit per client address within
// Window. An attempt is refused before the password is checked when either
// key has reached its limit; it becomes possible again when enough of the
// failures have left the window.
type Throttle struct {
	AccountLimit int
	AddressLimit int
	Window       time.Duration
}

// DefaultThrottle returns 5 failures per account and 20 per address in 15
// minutes.
func DefaultThrottle() Throttle {
	return Throttle{AccountLimit: 5, AddressLimit: 20, Window: 15 * time.Minute}
}

// Since is the start of the window at now: failures at or before it no
// longer count (a failure at T counts while now < T + Window).
func (t Throttle) Since(now time.Time) time.Time { return now.Add(-t.Window) }

// Allow decides whether a new attempt may proceed at now, given the times of
// the failures recorded for the account key and for the address key (any
// order; times outside the window are ignored; the newest Limit of each are
// enough). When it may not, wait is how long until it may.
func (t Throttle) Allow(now time.Time, account, address []time.Time) (ok bool, wait time.Duration) {
	wa := t.wait(now, account, t.AccountLimit)
	wb := t.wait(now, address, t.AddressLimit)
	wait = max(wa, wb)
	return wait == 0, wait
}

// wait returns how long until fewer than limit failures remain in the window.
func (t Throttle) wait(now time.Time, times []time.Time, limit int) time.Duration {
	if limit <= 0 {
		return 0
	}
	since := t.Since(now)
	var in []time.Time
	for _, at := range times {
		if at.After(since) {
			in = append(in, at)
		}
	}
	if len(in) < limit {
		return 0
	}
	// Newest first: the attempt is allowed again when the limit-th newest
	// failure leaves the window.
	sort.Slice(in, func(i, j int) bool { return in[i].After(in[j]) })
	return in[limit-1].Add(t.Window).Sub(now)
}
