// Package app holds Asah's use cases: it validates input, orchestrates the
// domain packages and the store, and (from the accounts issue on) is the one
// place that decides who may see or change what. The web UI, the JSON API
// and the CLI all call it.
package app

import (
	"asah/internal/competency"
	"context"
	"runtime"
	"sync"
	"time"

	"asah/internal/store"
)

// App is the use-case layer over one store.
type App struct {
	Store *store.Store
	// Now is the clock; tests inject a fixed one.
	Now func() time.Time
	// Accounts configures logins and sessions (see accounts.go).
	Accounts AccountsConfig

	overview overviewCache
	policy   policyCache // see policycache.go
	dash     dashCache
	// hashSlots bounds concurrent argon2id work (64 MiB each); nil: no bound.
	hashSlots chan struct{}
}

// New returns an App over a store with the wall clock.
func New(s *store.Store) *App {
	return &App{Store: s, Now: time.Now, Accounts: DefaultAccountsConfig(), hashSlots: make(chan struct{}, 2*runtime.NumCPU())}
}

// overviewCache keeps the city-wide unit overview, which reads every
// employee, for a short while: the home page would otherwise recompute it on
// every visit. Writes through this App clear it; other replicas' writes show
// within overviewTTL.
type overviewCache struct {
	mu    sync.Mutex
	ref   time.Time
	at    time.Time
	stats []UnitStat
	// matches holds every employee's JPM summary (no lines) from the same
	// pass, so that list pages need not recompute their rows.
	matches map[int64]competency.Match
	// computing lets one request compute while the others wait for it.
	computing sync.Mutex
	// units is the unit tree, kept for the same time.
	units   []store.UnitSummary
	unitsAt time.Time
}

// cachedMatches returns the JPM summaries of the last overview pass on ref
// (callers first call UnitOverview, which refreshes them when due).
func (c *overviewCache) cachedMatches(ref time.Time) (map[int64]competency.Match, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.matches == nil || !c.ref.Equal(ref) {
		return nil, false
	}
	return c.matches, true
}

// stale returns the last overview of the same reference day, however old.
func (c *overviewCache) stale(ref time.Time) ([]UnitStat, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stats == nil || !c.ref.Equal(ref) {
		return nil, false
	}
	return c.stats, true
}

const overviewTTL = time.Minute

func (c *overviewCache) get(ref, now time.Time) ([]UnitStat, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.stats == nil || !c.ref.Equal(ref) || now.Sub(c.at) > overviewTTL || now.Before(c.at) {
		return nil, false
	}
	return c.stats, true
}

func (c *overviewCache) put(ref, now time.Time, stats []UnitStat, matches map[int64]competency.Match) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.ref, c.at, c.stats, c.matches = ref, now, stats, matches
}

func (c *overviewCache) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.stats = nil
	c.matches = nil
	c.units = nil
}

// Today is the current civil date (UTC midnight) by the app's clock in the
// city's time zone (WIB, UTC+7).
func (a *App) Today() time.Time {
	t := a.Now().In(wib)
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

var wib = time.FixedZone("WIB", 7*3600)

// cachedUnits returns the unit tree, read at most once a minute (cleared by
// writes through this App, e.g. imports).
func (a *App) cachedUnits(ctx context.Context) ([]store.UnitSummary, error) {
	c := &a.overview
	now := a.Now()
	c.mu.Lock()
	if c.units != nil && now.Sub(c.unitsAt) <= overviewTTL && !now.Before(c.unitsAt) {
		u := c.units
		c.mu.Unlock()
		return u, nil
	}
	c.mu.Unlock()
	units, err := a.Store.Units(ctx)
	if err != nil {
		return nil, err
	}
	c.mu.Lock()
	c.units, c.unitsAt = units, now
	c.mu.Unlock()
	return units, nil
}
