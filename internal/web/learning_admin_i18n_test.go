package web

import (
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/people"
)

// ladmPages are the templates of the learning administration and the
// partner pages.
var ladmPages = []string{"learning_admin_program", "learning_admin_manage", "learning_admin_attendance",
	"learning_admin_evaluation", "partners", "partners_detail", "_event_fields"}

// ladmUsedKeys lists every message ID those pages use: the literal keys of
// their templates and Go files, and the keys built from stored values.
func ladmUsedKeys(t *testing.T) []string {
	t.Helper()
	var ids []string
	tmpl := regexp.MustCompile(`\bt\s+"([^"]+)"`)
	for _, p := range ladmPages {
		b, err := fs.ReadFile(templateFS, "templates/"+p+".html")
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range tmpl.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	goKey := regexp.MustCompile(`"((?:ladm|partners)\.[a-z0-9_.]*[a-z0-9_])"`)
	for _, f := range []string{"routes_learning_admin.go", "learning_admin_program.go", "learning_admin_event_form.go",
		"learning_admin_manage.go", "learning_admin_attendance.go", "learning_admin_eval.go", "partners.go", "partners_detail.go"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range goKey.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	add := func(prefix string, vs ...string) {
		for _, v := range vs {
			ids = append(ids, prefix+v)
		}
	}
	for _, d := range learning.Deliveries {
		add("ladm.delivery.", string(d))
	}
	for _, s := range learning.EventStatuses {
		add("ladm.evstatus.", string(s))
	}
	for _, s := range ladmStateOrder {
		add("ladm.state.", string(s))
	}
	for _, k := range learning.PartnerKinds {
		add("partners.kind.", string(k))
	}
	for _, s := range []learning.AgreementStatus{learning.AgreementUpcoming, learning.AgreementActive, learning.AgreementExpiring90,
		learning.AgreementExpiring30, learning.AgreementExpired, learning.AgreementTerminated} {
		add("partners.status.", string(s))
	}
	add("ladm.eval.outcome.", "completed", "not_completed", "no_show", "attended")
	add("ladm.eval.applied.", "yes", "partly", "no")
	add("ladm.eval.scale.", learning.ReactionScales...)
	add("ladm.done.", "save", "status", "invite")
	for _, f := range development.Forms() {
		add("idp.form.", string(f.Form))
	}
	for _, k := range people.PositionKinds {
		add("catalog.poskind.", string(k))
	}
	// The English words of refusals, by form and field.
	for form, fields := range map[string][]string{
		"program": {"code", "title", "description", "jp", "provider", "form", "method", "delivery", "cost_per_participant",
			"fixed_cost_per_event", "eligible_kinds", "targets", "pass_score", "min_attendance"},
		"event": {"code", "title", "program", "starts_on", "ends_on", "place", "online_url", "capacity", "status",
			"registration_opens", "registration_closes", "sessions", "quotas"},
		"status": {"status"}, "invite": nil, "complete": nil, "revoke": {"reason"}, "attendance": {"pre_score", "post_score"}} {
		add("ladm.err.", form)
		add("ladm.err."+form+".", fields...)
	}
	for form, fields := range map[string][]string{
		"partner":   {"code", "name", "kind", "address", "email", "phone", "website"},
		"agreement": {"number", "partner", "title", "scope", "starts_on", "ends_on", "terminated_on", "document"}} {
		add("partners.err.", form)
		add("partners.err."+form+".", fields...)
	}
	add("ladm.err.", "forbidden")
	add("partners.err.", "forbidden")
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Every string of these pages is in every language with the same
// placeholders, and their catalogues hold nothing the pages do not use.
func TestLearningAdminCataloguesComplete(t *testing.T) {
	cat, err := loadCatalogue(catalogueFS)
	if err != nil {
		t.Fatal(err)
	}
	used := ladmUsedKeys(t)
	if len(used) < 300 {
		t.Fatalf("found only %d keys; is the pattern right?", len(used))
	}
	for _, lang := range languages {
		for _, id := range used {
			if strings.HasSuffix(id, ".") {
				t.Errorf("a key is built from a value the test does not list: %q", id)
			} else if !cat.has(lang, id) {
				t.Errorf("%s: no message %q", lang, id)
			}
		}
	}
	ref := catalogueLanguagesMatch(t, "learning_admin")
	for id := range ref {
		if _, ok := slices.BinarySearch(used, id); !ok {
			t.Errorf("learning_admin.%s.json holds %q, which no page uses", languages[0], id)
		}
	}
}

// The templates hold no inline script or style (the CSP forbids them),
// every table scrolls on a phone, and every POST form names its action.
func TestLearningAdminTemplatesAreStrict(t *testing.T) {
	inline := regexp.MustCompile(`(?i)<script(?:[^>]*type="application/json")?|<style|\sstyle=|\son[a-z]+=|javascript:`)
	for _, p := range ladmPages {
		b, _ := fs.ReadFile(templateFS, "templates/"+p+".html")
		s := string(b)
		for _, m := range inline.FindAllString(s, -1) {
			if !strings.Contains(m, "application/json") {
				t.Errorf("%s: inline %q", p, m)
			}
		}
		if n, w := strings.Count(s, "<table"), strings.Count(s, `<div class="table-wrap"`); n != w {
			t.Errorf("%s: %d tables, %d scrolling wrappers", p, n, w)
		}
		for _, form := range regexp.MustCompile(`<form[^>]*>`).FindAllString(s, -1) {
			if strings.Contains(form, `method="post"`) && !strings.Contains(form, `action="`) {
				t.Errorf("%s: a POST form without an explicit action: %s", p, form)
			}
		}
	}
}
