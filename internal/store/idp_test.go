package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"asah/internal/development"
	"asah/internal/store"
)

func TestIDPStoreLifecycle(t *testing.T) {
	engines(t, func(t *testing.T, s *store.Store) {
		ctx := context.Background()
		seed(t, s)
		s.SetClock(func() time.Time { return perfClock })
		dict, _ := s.Competencies(ctx, false)
		const nip = "199001152015032001"
		item := func(comp int, form development.Form, jp int) development.Item {
			return development.Item{CompetencyID: dict[comp].ID, CurrentLevel: 1, TargetLevel: 2, Form: form, PlannedJP: jp,
				StartMonth: 1, EndMonth: 3, Reason: "kesenjangan", Source: development.SourceGap, Status: development.ItemPlanned}
		}
		p := development.Plan{EmployeeID: 2, Year: 2027, Status: development.StatusDraft, TargetJP: 20, CreatedAt: perfClock, UpdatedAt: perfClock,
			Items: []development.Item{item(0, development.PelatihanManajerial, 24), item(1, development.Coaching, 2), item(2, development.ELearning, 3)}}
		created, err := s.CreateIDP(ctx, "user:2", nip, p)
		if err != nil || created.ID == 0 || created.Items[2].ID == 0 {
			t.Fatalf("create: %+v %v", created, err)
		}
		if _, err := s.CreateIDP(ctx, "user:2", nip, p); !errors.Is(err, store.ErrConflict) {
			t.Errorf("second plan: %v", err)
		}
		update := func(action string, fn func(p *development.Plan) error) (development.Plan, error) {
			return s.UpdateIDP(ctx, "user:2", nip, 2, 2027, action, func(p *development.Plan) (any, any, error) {
				b := store.IDPAudit(p, false)
				if err := fn(p); err != nil {
					return nil, nil, err
				}
				return b, store.IDPAudit(p, true), nil
			})
		}
		// Edit: drop the coaching item, change the e-learning, add mentoring.
		_, err = update("idp.edit", func(p *development.Plan) error {
			items := []development.Item{p.Items[2], p.Items[0], item(5, development.Mentoring, 2)}
			items[0].PlannedJP = 6
			return p.SetItems(items, perfClock)
		})
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.IDP(ctx, 2, 2027)
		if err != nil || len(got.Items) != 3 || got.Items[0].ID != created.Items[2].ID || got.Items[0].PlannedJP != 6 ||
			got.Items[1].ID != created.Items[0].ID || got.Items[2].Form != development.Mentoring || got.Items[2].Source != development.SourceGap {
			t.Fatalf("after edit: %+v %v", got.Items, err)
		}
		if _, err := update("idp.submit", func(p *development.Plan) error { return p.Submit(perfClock) }); err != nil {
			t.Fatal(err)
		}
		if _, err := update("idp.approve", func(p *development.Plan) error { return p.Submit(perfClock) }); err == nil {
			t.Error("submitting twice stored")
		}
		if _, err := update("idp.approve", func(p *development.Plan) error { return p.Decide(true, "Setuju", "Asep Suhendar", perfClock) }); err != nil {
			t.Fatal(err)
		}
		if _, err := update("idp.progress", func(p *development.Plan) error {
			return p.SetProgress(got.Items[1].ID, development.ItemDone, "", perfClock)
		}); err != nil {
			t.Fatal(err)
		}
		if _, err := update("idp.progress", func(p *development.Plan) error {
			return p.SetProgress(got.Items[2].ID, development.ItemDropped, "Mentor pindah tugas", perfClock)
		}); err != nil {
			t.Fatal(err)
		}
		got, _ = s.IDP(ctx, 2, 2027)
		if got.Status != development.StatusApproved || got.DecidedBy != "Asep Suhendar" || !got.SubmittedAt.Equal(perfClock) ||
			got.Items[1].Status != development.ItemDone || got.Items[2].DropReason != "Mentor pindah tugas" || got.PlannedJP() != 30 || got.DoneJP() != 24 {
			t.Errorf("after approval and progress: %+v", got)
		}
		sum, err := s.IDPSummaries(ctx, store.Filter{UnitCode: "DLHK"}, 2027)
		if err != nil || len(sum) != 1 || sum[0].PlannedJP != 30 || sum[0].DoneJP != 24 || sum[0].Items != 3 || sum[0].Status != development.StatusApproved {
			t.Errorf("summaries: %+v %v", sum, err)
		}
		trail, _ := s.AuditTrail(ctx, "employee", nip, 20)
		var actions []string
		for i := len(trail) - 1; i >= 0; i-- {
			actions = append(actions, trail[i].Action)
		}
		if got := strings.Join(actions, " "); got != "idp.create idp.edit idp.submit idp.approve idp.progress idp.progress" {
			t.Errorf("audit: %s", got)
		}
		// Bulk-loaded plans keep their IDs; later inserts do not collide.
		err = s.BulkLoad(ctx, func(b *store.Bulk) error {
			return b.IDPs(ctx, []development.Plan{{ID: 50, EmployeeID: 1, Year: 2027, Status: development.StatusSubmitted, TargetJP: 20,
				SubmittedAt: perfClock, CreatedAt: perfClock, UpdatedAt: perfClock, Items: []development.Item{item(0, development.Coaching, 2)}}})
		})
		if err != nil {
			t.Fatal(err)
		}
		if x, err := s.IDP(ctx, 1, 2027); err != nil || x.ID != 50 || len(x.Items) != 1 {
			t.Errorf("bulk plan: %+v %v", x, err)
		}
		p.EmployeeID, p.Year = 3, 2027
		if x, err := s.CreateIDP(ctx, "admin", "199505052023212015", p); err != nil || x.ID <= 50 {
			t.Errorf("insert after bulk: %+v %v", x.ID, err)
		}
	})
}
