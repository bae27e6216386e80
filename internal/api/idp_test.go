package api

import (
	"fmt"
	"testing"
)

func itemBody(it idpItemJSON) map[string]any {
	m := map[string]any{"competency": it.Competency, "target_level": it.TargetLevel, "form": it.Form, "planned_jp": it.PlannedJP,
		"start_month": it.StartMonth, "end_month": it.EndMonth, "reason": it.Reason}
	if it.ID != nil {
		m["id"] = *it.ID
	}
	return m
}

// TestIDPWorkflowOverHTTP: the employee turns Asah's proposal into a plan,
// edits and submits it; the direct supervisor returns it with a comment,
// then approves it; the progress of its items is tracked. Every illegal
// step is refused with its status and writes nothing to the audit trail.
func TestIDPWorkflowOverHTTP(t *testing.T) {
	f := newFixture(t)
	f.addRater()
	nip := f.staff.NIP
	idp := "/api/v1/employees/" + nip + "/idp/2027"
	steps := 0

	// The proposal: not saved, every item with its reason, gaps by size.
	var prop, view idpJSON
	f.want("pegawai", "GET", idp+"/proposal", nil, 200, "").json(t, &prop)
	f.want("pegawai", "GET", idp, nil, 200, "").json(t, &view)
	if prop.Exists || view.Exists || prop.Status != nil || len(prop.Items) == 0 || len(view.Items) != len(prop.Items) ||
		!view.Actions.Create || view.Actions.Submit || prop.TargetJP != 20 {
		t.Fatalf("proposal: %+v", prop)
	}
	sum, lastGap := 0, 99
	for i, it := range prop.Items {
		sum += it.PlannedJP
		if it.ID != nil || it.Reason == "" || it.Status != "planned" || it.FormLabel == "" || it.Timeframe == "" ||
			it.Competency != view.Items[i].Competency {
			t.Errorf("proposed item %d: %+v", i, it)
		}
		if it.Source == "gap" {
			if it.CurrentLevel == nil {
				t.Errorf("gap item without a current level: %+v", it)
				continue
			}
			short := it.TargetLevel - *it.CurrentLevel
			if short > lastGap || short < 1 {
				t.Errorf("gap items out of order: shortfall %d after %d", short, lastGap)
			}
			lastGap = short
		}
	}
	if sum != prop.PlannedJP {
		t.Errorf("planned JP %d, items add up to %d", prop.PlannedJP, sum)
	}

	// Creating: the employee (or an admin), once.
	f.want("rater", "POST", idp, nil, 403, "")
	f.want("pimpinan", "POST", idp, nil, 403, "")
	f.want("pegawai", "POST", idp+"/submit", nil, 404, "") // nothing to submit yet
	var p idpJSON
	f.want("pegawai", "POST", idp, nil, 201, "").json(t, &p)
	steps++
	if !p.Exists || *p.Status != "draft" || len(p.Items) != len(prop.Items) || p.Items[0].ID == nil || !p.Actions.Edit || p.Actions.Decide {
		t.Fatalf("created: %+v", p)
	}
	f.want("pegawai", "POST", idp, nil, 409, "")
	f.want("pegawai", "PUT", fmt.Sprintf("%s/items/%d/progress", idp, *p.Items[0].ID), map[string]any{"status": "done"}, 409, "")

	// Editing: the rules of an item are named per item.
	kept := p.Items[0]
	added := map[string]any{"competency": "M.6", "target_level": 3, "form": "coaching", "planned_jp": 2, "start_month": 5, "end_month": 9,
		"reason": "Membimbing staf baru"}
	for _, c := range []struct {
		name   string
		body   any
		status int
		field  string
	}{
		{"no items", map[string]any{}, 422, "items"},
		{"level 9", map[string]any{"items": []any{itemBody(kept), map[string]any{"competency": "M.6", "target_level": 9, "form": "coaching",
			"planned_jp": 2, "start_month": 5, "end_month": 9}}}, 422, "items.1"},
		{"months reversed", map[string]any{"items": []any{map[string]any{"competency": "M.6", "target_level": 3, "form": "coaching",
			"planned_jp": 2, "start_month": 9, "end_month": 5}}}, 422, "items.0"},
		{"no planned JP", map[string]any{"items": []any{map[string]any{"competency": "M.6", "target_level": 3, "form": "coaching",
			"start_month": 5, "end_month": 9}}}, 422, "items.0.planned_jp"},
		{"unknown form", map[string]any{"items": []any{map[string]any{"competency": "M.6", "target_level": 3, "form": "wisata",
			"planned_jp": 2, "start_month": 5, "end_month": 9}}}, 422, "items.0.form"},
		{"unknown competency", map[string]any{"items": []any{map[string]any{"competency": "X.1", "target_level": 3, "form": "coaching",
			"planned_jp": 2, "start_month": 5, "end_month": 9}}}, 422, "items.0.competency"},
		{"unknown field", map[string]any{"items": []any{}, "note": "x"}, 400, "note"},
	} {
		r := f.do("pegawai", "PUT", idp+"/items", c.body)
		if r.status != c.status || r.errorOf(t).Fields[c.field] == "" {
			t.Errorf("%s: %d %s, want %d on %s", c.name, r.status, truncate(r.body), c.status, c.field)
		}
	}
	f.want("rater", "PUT", idp+"/items", map[string]any{"items": []any{itemBody(kept)}}, 403, "")
	// A kept item keeps its reason of origin; a new one is the employee's.
	f.want("pegawai", "PUT", idp+"/items", map[string]any{"items": []any{itemBody(kept), added}}, 200, "").json(t, &p)
	if len(p.Items) != 2 || p.Items[0].Source != kept.Source || *p.Items[0].ID != *kept.ID || p.Items[1].Source != "employee" ||
		p.Items[1].Competency != "M.6" || p.PlannedJP != kept.PlannedJP+2 {
		t.Fatalf("edited: %+v", p.Items)
	}
	// An empty plan cannot be submitted.
	f.want("pegawai", "PUT", idp+"/items", map[string]any{"items": []any{}}, 200, "")
	f.want("pegawai", "POST", idp+"/submit", nil, 409, "")
	f.want("pegawai", "PUT", idp+"/items", map[string]any{"items": []any{itemBody(p.Items[0]), itemBody(p.Items[1])}}, 200, "").json(t, &p)
	steps += 3

	// Submitting and deciding.
	f.want("rater", "POST", idp+"/decision", map[string]any{"approve": true}, 409, "") // not submitted
	f.want("pegawai", "POST", idp+"/submit", nil, 200, "").json(t, &p)
	steps++
	if *p.Status != "submitted" || p.SubmittedAt == nil || p.Actions.Edit {
		t.Errorf("submitted: %+v", p)
	}
	f.want("pegawai", "POST", idp+"/submit", nil, 409, "")
	f.want("pegawai", "PUT", idp+"/items", map[string]any{"items": []any{itemBody(kept)}}, 409, "")
	f.want("pegawai", "POST", idp+"/decision", map[string]any{"approve": true}, 403, "") // never one's own
	if f.staff.SupervisorID != f.kadis.ID {
		f.want("atasan", "POST", idp+"/decision", map[string]any{"approve": true}, 403, "") // only the direct supervisor
	}
	f.want("rater", "POST", idp+"/decision", map[string]any{"comment": "ok"}, 422, "approve")
	f.want("rater", "POST", idp+"/decision", map[string]any{"approve": false}, 422, "comment")
	f.want("rater", "POST", idp+"/decision", map[string]any{"approve": "ya"}, 400, "approve")
	f.want("rater", "POST", idp+"/decision", map[string]any{"approve": false, "comment": "Tambahkan pelatihan teknis"}, 200, "").json(t, &p)
	steps++
	var mine idpJSON
	f.want("pegawai", "GET", idp, nil, 200, "").json(t, &mine)
	if *p.Status != "returned" || p.Comment == nil || *p.Comment != "Tambahkan pelatihan teknis" || p.DecidedBy == nil ||
		p.Actions.Edit || !mine.Actions.Edit || !mine.Actions.Submit {
		t.Errorf("returned: %+v, the employee may %+v", p, mine.Actions)
	}
	f.want("pegawai", "PUT", idp+"/items", map[string]any{"items": []any{itemBody(p.Items[0]), itemBody(p.Items[1]),
		map[string]any{"competency": kept.Competency, "target_level": kept.TargetLevel, "form": "bimtek", "planned_jp": 16, "start_month": 6, "end_month": 8}}}, 200, "")
	f.want("pegawai", "POST", idp+"/submit", nil, 200, "")
	f.want("rater", "POST", idp+"/decision", map[string]any{"approve": true, "comment": "Disetujui"}, 200, "").json(t, &p)
	steps += 3
	if *p.Status != "approved" || p.DecidedAt == nil || !p.Actions.Progress || p.Actions.Edit || len(p.Items) != 3 {
		t.Fatalf("approved: %+v", p)
	}

	// Progress of the items.
	progress := func(i int) string { return fmt.Sprintf("%s/items/%d/progress", idp, *p.Items[i].ID) }
	f.want("pegawai", "PUT", progress(0), map[string]any{"status": "in_progress"}, 200, "").json(t, &p)
	f.want("rater", "PUT", progress(0), map[string]any{"status": "done"}, 200, "").json(t, &p)
	steps += 2
	if p.Items[0].Status != "done" || p.DoneJP != p.Items[0].PlannedJP {
		t.Errorf("done: %+v, done JP %d", p.Items[0], p.DoneJP)
	}
	before := f.do("pegawai", "GET", idp, nil).body
	f.want("pegawai", "PUT", progress(0), map[string]any{"status": "in_progress"}, 409, "")
	f.want("pegawai", "PUT", progress(1), map[string]any{"status": "dropped"}, 422, "reason")
	f.want("pegawai", "PUT", progress(1), map[string]any{"status": "paused"}, 422, "status")
	f.want("pegawai", "PUT", idp+"/items/999999/progress", map[string]any{"status": "done"}, 404, "")
	f.want("pegawai", "PUT", idp+"/items/x/progress", map[string]any{"status": "done"}, 400, "item")
	f.want("pimpinan", "PUT", progress(1), map[string]any{"status": "done"}, 403, "")
	if after := f.do("pegawai", "GET", idp, nil).body; string(after) != string(before) {
		t.Error("a refused progress step changed the plan")
	}
	planned := p.PlannedJP
	f.want("pegawai", "PUT", progress(1), map[string]any{"status": "dropped", "reason": "Mentor pindah tugas"}, 200, "").json(t, &p)
	steps++
	if p.Items[1].Status != "dropped" || p.Items[1].DropReason == nil || p.PlannedJP != planned-p.Items[1].PlannedJP {
		t.Errorf("dropped: %+v, planned JP %d → %d", p.Items[1], planned, p.PlannedJP)
	}
	f.want("pegawai", "PUT", progress(1), map[string]any{"status": "done"}, 409, "")

	if n := f.auditCount("idp.", nip); n != steps {
		t.Errorf("%d IDP audit rows for %d steps", n, steps)
	}
}
