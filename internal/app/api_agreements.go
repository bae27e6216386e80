package app

import (
	"context"
	"fmt"
	"sort"
	"time"
)

// MaxExpiringWithin bounds the look-ahead of AgreementList, in days.
const MaxExpiringWithin = 3650

// AgreementList lists the cooperation agreements of the partners an actor
// may see (a mitra: its own), the latest end date first. With
// expiringWithin ≥ 0 it keeps only the agreements in force today whose end
// date lies within that many days and that no later agreement of the same
// partner follows (a renewal), the soonest end first: what BKPSDM must
// renew. A negative expiringWithin lists them all.
func (a *App) AgreementList(ctx context.Context, actor Actor, expiringWithin int) ([]AgreementView, error) {
	if err := actor.Require(PermPartnerRead); err != nil {
		return nil, err
	}
	if expiringWithin > MaxExpiringWithin {
		return nil, invalidField("expiring_within", fmt.Sprintf("expiring_within paling banyak %d hari", MaxExpiringWithin))
	}
	own, mitra, err := a.ownPartner(ctx, actor)
	if err != nil {
		return nil, err
	}
	if mitra && own == 0 {
		return nil, nil
	}
	rows, err := a.Store.Agreements(ctx, own)
	if err != nil {
		return nil, err
	}
	today := a.Today()
	latest := map[int64]time.Time{}
	for _, r := range rows {
		if r.TerminatedOn.IsZero() && r.EndsOn.After(latest[r.PartnerID]) {
			latest[r.PartnerID] = r.EndsOn
		}
	}
	out := make([]AgreementView, 0, len(rows))
	for _, r := range rows {
		if expiringWithin >= 0 {
			left := r.DaysLeft(today)
			if !r.InForce(today) || left > expiringWithin || r.EndsOn.Before(latest[r.PartnerID]) {
				continue
			}
		}
		out = append(out, a.agreementView(r))
	}
	if expiringWithin >= 0 {
		sort.SliceStable(out, func(i, j int) bool { return out[i].EndsOn.Before(out[j].EndsOn) })
	}
	return out, nil
}
