package app

import (
	"context"
	"sync"
	"time"

	"asah/internal/competency"
)

// policyCache keeps the competency policy for policyTTL: every gap report,
// down to one employee's, needs it, and it changes perhaps once a year. A
// change made elsewhere (another replica, the CLI) is in force here within
// policyTTL.
type policyCache struct {
	mu  sync.Mutex
	at  time.Time
	pol *competency.Policy
}

const policyTTL = 10 * time.Second

// Policy returns the competency policy in force. The result is a copy the
// caller may keep; its maps are shared and must not be modified.
func (a *App) Policy(ctx context.Context) (competency.Policy, error) {
	now := time.Now() // wall time: the cache must age even under a fixed test clock
	c := &a.policy
	c.mu.Lock()
	if c.pol != nil && now.Sub(c.at) < policyTTL && !now.Before(c.at) {
		p := *c.pol
		c.mu.Unlock()
		return p, nil
	}
	c.mu.Unlock()
	p, err := a.Store.LoadPolicy(ctx)
	if err != nil {
		return p, err
	}
	c.mu.Lock()
	c.pol, c.at = &p, now
	c.mu.Unlock()
	return p, nil
}
