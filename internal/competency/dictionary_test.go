package competency

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestDictionaryCodesAndKinds(t *testing.T) {
	want := []struct {
		code string
		kind Kind
		name string
	}{
		{"M.1", Managerial, "Integritas"},
		{"M.2", Managerial, "Kerja Sama"},
		{"M.3", Managerial, "Komunikasi"},
		{"M.4", Managerial, "Orientasi pada Hasil"},
		{"M.5", Managerial, "Pelayanan Publik"},
		{"M.6", Managerial, "Pengembangan Diri dan Orang Lain"},
		{"M.7", Managerial, "Mengelola Perubahan"},
		{"M.8", Managerial, "Pengambilan Keputusan"},
		{"SK.1", Sociocultural, "Perekat Bangsa"},
	}
	d := Dictionary()
	if len(d) != len(want) {
		t.Fatalf("Dictionary() has %d entries, want %d", len(d), len(want))
	}
	for i, w := range want {
		c := d[i]
		if c.Code != w.code || c.Kind != w.kind || c.Name != w.name {
			t.Errorf("entry %d = %s %s %q, want %s %s %q", i, c.Code, c.Kind, c.Name, w.code, w.kind, w.name)
		}
		if c.ID != 0 {
			t.Errorf("%s: ID %d, want 0", c.Code, c.ID)
		}
		if c.NameEN == "" || c.Description == "" {
			t.Errorf("%s: NameEN or Description empty", c.Code)
		}
		if err := c.Validate(); err != nil {
			t.Errorf("%s: Validate() = %v", c.Code, err)
		}
	}
}

func TestDictionaryLevels(t *testing.T) {
	descriptors := map[string]string{}
	indicators := map[string]string{}
	levels := 0
	for _, c := range Dictionary() {
		if len(c.Levels) != 5 {
			t.Errorf("%s: %d levels, want 5", c.Code, len(c.Levels))
			continue
		}
		titles := map[string]bool{}
		for i, l := range c.Levels {
			levels++
			where := fmt.Sprintf("%s level %d", c.Code, l.Level)
			if l.Level != i+1 {
				t.Errorf("%s: position %d holds level %d", c.Code, i+1, l.Level)
			}
			if titles[l.Title] {
				t.Errorf("%s: title %q repeated", where, l.Title)
			}
			titles[l.Title] = true
			if prev, ok := descriptors[l.Descriptor]; ok {
				t.Errorf("%s: descriptor identical to %s", where, prev)
			}
			descriptors[l.Descriptor] = where
			if len(l.Indicators) != 3 {
				t.Errorf("%s: %d indicators, want 3", where, len(l.Indicators))
			}
			for _, ind := range l.Indicators {
				if prev, ok := indicators[ind]; ok {
					t.Errorf("%s: indicator %q repeats one of %s", where, ind, prev)
				}
				indicators[ind] = where
				checkSentence(t, where, ind)
			}
			checkSentence(t, where, l.Descriptor)
		}
	}
	if levels != 45 {
		t.Errorf("%d levels in all, want 45", levels)
	}
}

// checkSentence wants a capitalised sentence ending with a full stop.
func checkSentence(t *testing.T, where, s string) {
	t.Helper()
	r, _ := utf8.DecodeRuneInString(s)
	if !unicode.IsUpper(r) || !strings.HasSuffix(s, ".") || strings.TrimSpace(s) != s {
		t.Errorf("%s: %q is not a capitalised sentence ending with a full stop", where, s)
	}
}

func TestDictionaryIsFresh(t *testing.T) {
	a := Dictionary()
	a[0].Name = "diubah"
	a[0].Levels[0].Indicators[0] = "diubah"
	a[1].Levels = nil
	b := Dictionary()
	if b[0].Name != "Integritas" || b[0].Levels[0].Indicators[0] == "diubah" || len(b[1].Levels) != 5 {
		t.Fatal("Dictionary() shares data between calls")
	}
}

func validTechnical() Competency {
	return Competency{
		Code:   "T.01",
		Kind:   Technical,
		Name:   "Pengadaan Barang/Jasa",
		Levels: TechnicalLevels("Pengadaan Barang/Jasa"),
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		modify func(c *Competency)
		want   string // "" for valid; otherwise the exact message
	}{
		{"valid", func(c *Competency) {}, ""},
		{"no levels is a draft", func(c *Competency) { c.Levels = nil }, ""},
		{"code of 20 characters", func(c *Competency) { c.Code = strings.Repeat("T", 20) }, ""},
		{"empty code", func(c *Competency) { c.Code = "" }, "kompetensi: kode wajib diisi"},
		{"blank code", func(c *Competency) { c.Code = "  " }, "kompetensi: kode wajib diisi"},
		{"code with a space", func(c *Competency) { c.Code = "T 01" }, `kompetensi "T 01": kode tidak boleh mengandung spasi`},
		{"code with a tab", func(c *Competency) { c.Code = "T.01\t" }, `kompetensi "T.01\t": kode tidak boleh mengandung spasi`},
		{"code of 21 characters", func(c *Competency) { c.Code = strings.Repeat("T", 21) },
			`kompetensi "TTTTTTTTTTTTTTTTTTTTT": kode lebih dari 20 karakter`},
		{"unknown kind", func(c *Competency) { c.Kind = "teknik" }, `kompetensi T.01: jenis "teknik" tidak dikenal`},
		{"empty kind", func(c *Competency) { c.Kind = "" }, `kompetensi T.01: jenis "" tidak dikenal`},
		{"empty name", func(c *Competency) { c.Name = "" }, "kompetensi T.01: nama wajib diisi"},
		{"blank name", func(c *Competency) { c.Name = " \t" }, "kompetensi T.01: nama wajib diisi"},
		{"name of 200 characters", func(c *Competency) { c.Name = strings.Repeat("é", 200) }, ""},
		{"name of 201 characters", func(c *Competency) { c.Name = strings.Repeat("é", 201) }, "kompetensi T.01: nama lebih dari 200 karakter"},
		{"four levels", func(c *Competency) { c.Levels = c.Levels[:4] }, "kompetensi T.01: harus memiliki 5 level, bukan 4"},
		{"six levels", func(c *Competency) { c.Levels = append(c.Levels, Level{Level: 6}) }, "kompetensi T.01: harus memiliki 5 level, bukan 6"},
		{"levels out of order", func(c *Competency) { c.Levels[1], c.Levels[2] = c.Levels[2], c.Levels[1] },
			"kompetensi T.01: urutan level salah, posisi ke-2 berisi level 3 (seharusnya 2)"},
		{"level numbered 0", func(c *Competency) { c.Levels[0].Level = 0 },
			"kompetensi T.01: urutan level salah, posisi ke-1 berisi level 0 (seharusnya 1)"},
		{"no title", func(c *Competency) { c.Levels[3].Title = "" }, "kompetensi T.01: level 4 tidak memiliki judul"},
		{"no descriptor", func(c *Competency) { c.Levels[2].Descriptor = " " }, "kompetensi T.01: level 3 tidak memiliki deskripsi"},
		{"no indicator", func(c *Competency) { c.Levels[4].Indicators = nil }, "kompetensi T.01: level 5 tidak memiliki indikator perilaku"},
		{"one indicator is enough", func(c *Competency) { c.Levels[4].Indicators = c.Levels[4].Indicators[:1] }, ""},
		{"blank indicator", func(c *Competency) { c.Levels[0].Indicators[1] = "" }, "kompetensi T.01: level 1, indikator perilaku ke-2 kosong"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := validTechnical()
			tt.modify(&c)
			err := c.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Fatalf("Validate() = %v, want nil", err)
			case tt.want != "" && err == nil:
				t.Fatalf("Validate() = nil, want %q", tt.want)
			case tt.want != "" && err.Error() != tt.want:
				t.Fatalf("Validate() = %q, want %q", err, tt.want)
			}
		})
	}
}

func TestValidateLevel(t *testing.T) {
	tests := []struct {
		level int
		want  string
	}{
		{-1, "level -1 di luar rentang 1–5"},
		{0, "level 0 di luar rentang 1–5"},
		{1, ""},
		{3, ""},
		{5, ""},
		{6, "level 6 di luar rentang 1–5"},
	}
	for _, tt := range tests {
		err := ValidateLevel(tt.level)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("ValidateLevel(%d) = %q, want %q", tt.level, got, tt.want)
		}
	}
}

func TestParseKind(t *testing.T) {
	tests := []struct {
		in   string
		want Kind
		ok   bool
	}{
		{"manajerial", Managerial, true},
		{" Manajerial ", Managerial, true},
		{"sosial_kultural", Sociocultural, true},
		{"Sosial Kultural", Sociocultural, true},
		{"sosial-kultural", Sociocultural, true},
		{"sosiokultural", Sociocultural, true},
		{"teknis", Technical, true},
		{"TEKNIS", Technical, true},
		{"", "", false},
		{"teknik", "", false},
		{"managerial", "", false},
	}
	for _, tt := range tests {
		got, err := ParseKind(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseKind(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if _, err := ParseKind("x"); err == nil || err.Error() != `jenis kompetensi "x" tidak dikenal` {
		t.Errorf("ParseKind error = %v", err)
	}
}

func TestParseSource(t *testing.T) {
	tests := []struct {
		in   string
		want Source
		ok   bool
	}{
		{"assessment_center", SourceAssessmentCenter, true},
		{"Assessment Center", SourceAssessmentCenter, true},
		{"uji kompetensi", SourceAssessmentCenter, true},
		{"AC", SourceAssessmentCenter, true},
		{"supervisor", SourceSupervisor, true},
		{"atasan", SourceSupervisor, true},
		{"Atasan Langsung", SourceSupervisor, true},
		{"360", Source360, true},
		{"Penilaian 360", Source360, true},
		{"self", SourceSelf, true},
		{"Penilaian Diri", SourceSelf, true},
		{"", "", false},
		{"rekan", "", false},
		{"361", "", false},
	}
	for _, tt := range tests {
		got, err := ParseSource(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseSource(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if _, err := ParseSource("x"); err == nil || err.Error() != `sumber penilaian "x" tidak dikenal` {
		t.Errorf("ParseSource error = %v", err)
	}
}

func TestParseStatus(t *testing.T) {
	tests := []struct {
		in   string
		want Status
		ok   bool
	}{
		{"draft", Draft, true},
		{"Draf", Draft, true},
		{"final", Final, true},
		{" FINAL", Final, true},
		{"", "", false},
		{"selesai", "", false},
	}
	for _, tt := range tests {
		got, err := ParseStatus(tt.in)
		if got != tt.want || (err == nil) != tt.ok {
			t.Errorf("ParseStatus(%q) = %q, %v; want %q, ok %v", tt.in, got, err, tt.want, tt.ok)
		}
	}
	if _, err := ParseStatus("x"); err == nil || err.Error() != `status penilaian "x" tidak dikenal` {
		t.Errorf("ParseStatus error = %v", err)
	}
}

func TestLabels(t *testing.T) {
	tests := []struct{ got, want string }{
		{Managerial.Label(), "Manajerial"},
		{Sociocultural.Label(), "Sosial Kultural"},
		{Technical.Label(), "Teknis"},
		{Kind("lain").Label(), "lain"},
		{SourceAssessmentCenter.Label(), "Assessment Center / Uji Kompetensi"},
		{SourceSupervisor.Label(), "Atasan Langsung"},
		{Source360.Label(), "Penilaian 360"},
		{SourceSelf.Label(), "Penilaian Diri"},
		{Source("lain").Label(), "lain"},
		{MS.Label(), "Memenuhi Syarat"},
		{MMS.Label(), "Masih Memenuhi Syarat"},
		{KMS.Label(), "Kurang Memenuhi Syarat"},
		{Category("").Label(), ""},
	}
	for i, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("case %d: label %q, want %q", i, tt.got, tt.want)
		}
	}
	// Every label but the assessment center's parses back.
	for _, k := range []Kind{Managerial, Sociocultural, Technical} {
		if got, err := ParseKind(k.Label()); got != k || err != nil {
			t.Errorf("ParseKind(%q) = %q, %v", k.Label(), got, err)
		}
	}
	for _, s := range []Source{SourceSupervisor, Source360, SourceSelf} {
		if got, err := ParseSource(s.Label()); got != s || err != nil {
			t.Errorf("ParseSource(%q) = %q, %v", s.Label(), got, err)
		}
	}
}

func TestTechnicalLevels(t *testing.T) {
	for _, name := range []string{"Manajemen Bencana", "Tata Kelola Data dan Smart City", " Audit Intern Pemerintah "} {
		levels := TechnicalLevels(name)
		c := Competency{Code: "T.09", Kind: Technical, Name: name, Levels: levels}
		if err := c.Validate(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		trimmed := strings.TrimSpace(name)
		seen := map[string]bool{}
		for _, l := range levels {
			if seen[l.Descriptor] {
				t.Errorf("%s level %d: descriptor repeated", name, l.Level)
			}
			seen[l.Descriptor] = true
			if !strings.Contains(l.Descriptor, trimmed) {
				t.Errorf("%s level %d: descriptor does not name the competency", name, l.Level)
			}
			if len(l.Indicators) != 3 {
				t.Errorf("%s level %d: %d indicators, want 3", name, l.Level, len(l.Indicators))
			}
			for _, ind := range l.Indicators {
				if !strings.Contains(ind, trimmed) || strings.Contains(ind, "%!") {
					t.Errorf("%s level %d: indicator %q does not name the competency", name, l.Level, ind)
				}
				checkSentence(t, name, ind)
			}
		}
	}
	if !strings.Contains(TechnicalLevels("")[0].Descriptor, "kompetensi ini") {
		t.Error("TechnicalLevels(\"\") does not fall back to a generic name")
	}
	a := TechnicalLevels("X")
	a[0].Indicators[0] = "diubah"
	if TechnicalLevels("X")[0].Indicators[0] == "diubah" {
		t.Error("TechnicalLevels shares data between calls")
	}
}
