package web

import (
	"testing"

	"asah/internal/people"
	"asah/internal/store"
)

func TestUnitOptionsEscapeAndSelect(t *testing.T) {
	units := []store.UnitSummary{
		{Unit: people.Unit{Code: "DLHK", Name: "Dinas <Lingkungan> & \"Kebersihan\""}},
		{Unit: people.Unit{Code: "UPT-SAMPAH", Name: "UPT Sampah"}, Depth: 1},
	}
	got := string(unitOptionsHTML(units, "UPT-SAMPAH"))
	want := "<option value=\"DLHK\">Dinas &lt;Lingkungan&gt; &amp; &#34;Kebersihan&#34;</option>\n" +
		"<option value=\"UPT-SAMPAH\" selected>&nbsp;&nbsp;UPT Sampah</option>\n"
	if got != want {
		t.Errorf("options:\n%s\nwant:\n%s", got, want)
	}
}
