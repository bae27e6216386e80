package api

import (
	"slices"
	"testing"

	"asah/internal/learning"
)

// TestLearningEnumsFollowTheDomain: the document's lists of partner kinds,
// deliveries, event statuses, enrollment states and sources are exactly
// the learning package's, so that a value added there cannot reach a
// client as an undocumented one.
func TestLearningEnumsFollowTheDomain(t *testing.T) {
	doc := loadSpec(t, newServer(nil, Options{}).spec)
	enum := func(name string) []string {
		s := doc.Components.Schemas[name]
		if s == nil || s.Value == nil {
			t.Fatalf("no schema %s", name)
		}
		var out []string
		for _, v := range s.Value.Enum {
			out = append(out, v.(string))
		}
		return out
	}
	strs := func(n int, at func(int) string) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = at(i)
		}
		return out
	}
	for _, c := range []struct {
		schema string
		want   []string
	}{
		{"PartnerKind", strs(len(learning.PartnerKinds), func(i int) string { return string(learning.PartnerKinds[i]) })},
		{"Delivery", strs(len(learning.Deliveries), func(i int) string { return string(learning.Deliveries[i]) })},
		{"EventStatus", strs(len(learning.EventStatuses), func(i int) string { return string(learning.EventStatuses[i]) })},
		{"EnrollmentState", strs(len(learning.States), func(i int) string { return string(learning.States[i]) })},
		{"EnrollmentSource", strs(len(learning.EnrollSources), func(i int) string { return string(learning.EnrollSources[i]) })},
	} {
		got := enum(c.schema)
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: the document lists %v, the domain %v", c.schema, got, c.want)
		}
	}
}
