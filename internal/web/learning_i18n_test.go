package web

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"asah/internal/development"
	"asah/internal/learning"
	"asah/internal/people"
)

// The learning pages keep their messages in i18n/learning.*.json: both
// languages hold the same keys with the same placeholders, and every key the
// pages use (literal or built from a stored value) exists in both.

func TestLearningCataloguesMatch(t *testing.T) {
	for k := range catalogueLanguagesMatch(t, "learning") {
		if !strings.HasPrefix(k, "learning.") {
			t.Errorf("%q does not start with learning.", k)
		}
	}
}

func TestLearningKeysExist(t *testing.T) {
	cat, err := loadCatalogue(catalogueFS)
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	tmpl := regexp.MustCompile(`\bt\s+"([^"]+)"`)
	files, _ := fs.Glob(templateFS, "templates/learning_*.html")
	files = append(files, "templates/layout.html")
	for _, f := range files {
		if strings.Contains(f, "learning_admin") {
			continue
		}
		b, _ := fs.ReadFile(templateFS, f)
		for _, m := range tmpl.FindAllStringSubmatch(string(b), -1) {
			ids = append(ids, m[1])
		}
	}
	goKey := regexp.MustCompile(`"(learning\.[a-z0-9_.]*[a-z0-9_])"`)
	goFiles, _ := filepath.Glob("learning_*.go")
	for _, f := range append(goFiles, "routes_learning.go", "render.go") {
		if strings.HasSuffix(f, "_test.go") || strings.Contains(f, "learning_admin") {
			continue
		}
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
	for _, s := range learning.States {
		add("learning.state.", string(s))
		add("learning.state_hint.", string(s))
	}
	for _, s := range learning.EventStatuses {
		add("learning.event_status.", string(s))
	}
	add("learning.method.", string(learning.Klasikal), string(learning.NonKlasikal))
	for _, d := range learning.Deliveries {
		add("learning.delivery.", string(d))
	}
	for _, k := range people.PositionKinds {
		add("learning.kind.", string(k))
	}
	add("learning.source.", string(learning.JPFromEvent), string(learning.JPFromClaim), string(learning.JPFromActivity))
	add("learning.claim.status.", string(learning.ClaimPending), string(learning.ClaimApproved), string(learning.ClaimRejected))
	add("learning.applied.", string(learning.AppliedYes), string(learning.AppliedPartly), string(learning.AppliedNo))
	for _, s := range learning.ReactionScales {
		add("learning.survey.scale.", s)
		add("learning.err.survey.", s)
	}
	for _, f := range development.Forms() {
		add("idp.form.", string(f.Form))
	}
	// The flash notes of every action, and the English messages of the
	// fields the use cases name.
	add("learning.done.", "register", "nominate", "nominate_waitlisted", "accept", "decline", "cancel", "reg_approve", "reg_reject",
		"claim", "claim_approve", "claim_reject", "followup", "survey")
	add("learning.err.claim.", "title", "organiser", "form", "activity_on", "duration", "note", "evidence")
	add("learning.err.", "register", "nominate", "respond", "cancel", "decide", "claim", "claim_decide", "followup", "survey", "forbidden",
		"respond.reason", "cancel.reason", "decide.reason", "claim_decide.comment", "followup.applied", "followup.comment", "followup.level",
		"followup.competency", "catalogue.from", "catalogue.to", "catalogue.method", "catalogue.form", "catalogue.competency", "catalogue.provider")
	if len(ids) < 200 {
		t.Fatalf("found only %d keys; is the pattern right?", len(ids))
	}
	for _, lang := range languages {
		for _, id := range ids {
			if !strings.HasSuffix(id, ".") && !strings.HasSuffix(id, "_") && !cat.has(lang, id) {
				t.Errorf("%s lacks %q", lang, id)
			}
		}
	}
}
