package certificate

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

var labels = Labels{Issuer: "BKPSDM Kota Bandung",
	Title: "SERTIFIKAT", Presented: "diberikan kepada", ForComplete: "atas keberhasilannya menyelesaikan",
	Provider: "diselenggarakan oleh", Period: "Pelaksanaan", Hours: "JP (jam pelajaran)", Completed: "Tanggal kelulusan",
	Number: "Nomor", Verify: "Pindai kode QR untuk memeriksa keaslian sertifikat ini.",
}

func sample() Certificate {
	return Certificate{Number: Number(2026, 123), Code: "AAECAwQFBgcICQoLDA0ODw", Holder: "Dra. Siti Aminah, M.Si.",
		Program: "Manajemen Proyek Konstruksi untuk Infrastruktur Kota", Provider: "Institut Teknologi Bandung", JP: 24,
		StartsOn: time.Date(2026, 3, 2, 0, 0, 0, 0, time.UTC), EndsOn: time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC),
		CompletedOn: time.Date(2026, 3, 6, 0, 0, 0, 0, time.UTC)}
}

// checkPDF parses a PDF's skeleton: the header, the cross-reference table
// that startxref points to, and every object offset in it.
func checkPDF(t *testing.T, b []byte) {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("%PDF-1.")) {
		t.Fatalf("no PDF header: %q", b[:min(len(b), 16)])
	}
	if !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")) {
		t.Fatal("no end-of-file marker")
	}
	m := regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no startxref")
	}
	off, _ := strconv.Atoi(string(m[1]))
	if off >= len(b) || !bytes.HasPrefix(b[off:], []byte("xref")) {
		t.Fatalf("startxref %d does not point at the xref table", off)
	}
	lines := strings.Split(string(b[off:]), "\n")
	hdr := strings.Fields(lines[1]) // "0 N"
	n, _ := strconv.Atoi(hdr[1])
	if n < 5 {
		t.Fatalf("only %d objects", n)
	}
	for i := 1; i < n; i++ {
		f := strings.Fields(lines[2+i])
		o, _ := strconv.Atoi(f[0])
		if want := strconv.Itoa(i) + " 0 obj"; !bytes.HasPrefix(b[o:], []byte(want)) {
			t.Fatalf("xref entry %d points at %q", i, b[o:min(len(b), o+12)])
		}
	}
}

func TestRenderIsAValidPDFWithTheCertificate(t *testing.T) {
	c := sample()
	var buf bytes.Buffer
	if err := Render(&buf, c, "https://asah.bandung.go.id/", labels); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, buf.Bytes())
	if buf.Len() > 64<<10 {
		t.Errorf("certificate is %d bytes", buf.Len())
	}
	// The same certificate gives the same bytes (no clock inside).
	var again bytes.Buffer
	if err := Render(&again, c, "https://asah.bandung.go.id/", labels); err != nil || !bytes.Equal(buf.Bytes(), again.Bytes()) {
		t.Errorf("second rendering differs (%v)", err)
	}

	// Uncompressed, the page's text is readable: what a reader of the
	// paper sees.
	var plain bytes.Buffer
	if err := render(&plain, c, "https://asah.bandung.go.id/", labels, false); err != nil {
		t.Fatal(err)
	}
	checkPDF(t, plain.Bytes())
	text := plain.String()
	link := "https://asah.bandung.go.id/verifikasi/AAECAwQFBgcICQoLDA0ODw"
	for _, want := range []string{"(SERTIFIKAT)", "(BKPSDM KOTA BANDUNG)", "(Dra. Siti Aminah, M.Si.)", "Nomor: ASAH/2026/000123", "Institut Teknologi Bandung",
		`24 JP \(jam pelajaran\)`, "2026-03-02", "2026-03-06", "/URI (" + link + ")", "(" + link + ")", "/MediaBox [0 0 841.89 595.28]"} {
		if !strings.Contains(text, want) {
			t.Errorf("PDF lacks %q", want)
		}
	}
	if strings.Contains(text, "NIP") {
		t.Error("the certificate names a NIP")
	}
}

func TestRenderRefusesAnIncompleteCertificate(t *testing.T) {
	c := sample()
	c.Holder = " "
	if err := Render(&bytes.Buffer{}, c, "https://x", labels); err == nil {
		t.Error("a certificate without holder rendered")
	}
}

func TestQRCarriesTheVerificationLink(t *testing.T) {
	link := VerifyURL("https://asah.bandung.go.id", "AAECAwQFBgcICQoLDA0ODw")
	if link != "https://asah.bandung.go.id/verifikasi/AAECAwQFBgcICQoLDA0ODw" {
		t.Fatalf("link %s", link)
	}
	code, err := QR(link)
	if err != nil {
		t.Fatal(err)
	}
	if code.Content() != link || code.Metadata().CodeKind != "QR Code" {
		t.Errorf("QR content %q kind %q", code.Content(), code.Metadata().CodeKind)
	}
	m := Modules(code)
	size := len(m)
	if (size-17)%4 != 0 || size < 21 {
		t.Fatalf("matrix %d×%d is no QR version", size, size)
	}
	// The three finder patterns (7×7: dark ring, light ring, dark 3×3 core)
	// sit in three corners, as a scanner expects.
	finder := func(x0, y0 int) bool {
		for y := 0; y < 7; y++ {
			for x := 0; x < 7; x++ {
				ring := x == 0 || y == 0 || x == 6 || y == 6
				core := x >= 2 && x <= 4 && y >= 2 && y <= 4
				if m[y0+y][x0+x] != (ring || core) {
					return false
				}
			}
		}
		return true
	}
	if !finder(0, 0) || !finder(size-7, 0) || !finder(0, size-7) || finder(size-7, size-7) {
		t.Error("finder patterns not in the three corners")
	}
	// The timing pattern alternates between the finders.
	for i := 8; i < size-8; i++ {
		if m[6][i] != (i%2 == 0) || m[i][6] != (i%2 == 0) {
			t.Fatalf("timing pattern broken at %d", i)
		}
	}
}

func TestCodesAndNumbers(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		c := NewCode()
		b, err := base64.RawURLEncoding.DecodeString(c)
		if err != nil || len(b)*8 < 96 || !ValidCode(c) || strings.ContainsAny(c, "+/=") {
			t.Fatalf("code %q: %d bits, %v", c, len(b)*8, err)
		}
		if seen[c] {
			t.Fatalf("code %q repeated", c)
		}
		seen[c] = true
	}
	for _, bad := range []string{"", "short", "AAECAwQFBgcICQoLDA0OD!", "AAECAwQFBgcICQoLDA0ODwA"} {
		if ValidCode(bad) {
			t.Errorf("ValidCode(%q)", bad)
		}
	}
	if Number(2027, 5) != "ASAH/2027/000005" {
		t.Errorf("number %s", Number(2027, 5))
	}
	l := LabelsFrom(func(k string) string { return "[" + k + "]" }, nil)
	if l.Title != "[certpdf.title]" || l.Verify != "[certpdf.verify]" {
		t.Errorf("labels from catalogue: %+v", l)
	}
}

// TestLabelKeysAreInTheCatalogues keeps LabelKeys and the web catalogues
// in step: a missing key would print its name on a certificate.
func TestLabelKeysAreInTheCatalogues(t *testing.T) {
	for _, lang := range []string{"id", "en"} {
		b, err := os.ReadFile("../web/i18n/certpdf." + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var msgs map[string]string
		if err := json.Unmarshal(b, &msgs); err != nil {
			t.Fatal(err)
		}
		l := LabelsFrom(func(k string) string { return msgs[k] }, nil)
		v := reflect.ValueOf(l)
		for i := 0; i < v.NumField(); i++ {
			if f := v.Type().Field(i); f.Type.Kind() == reflect.String && v.Field(i).String() == "" {
				t.Errorf("%s: label %s (%s) missing", lang, f.Name, LabelKeys[f.Name])
			}
		}
		if len(msgs) != len(LabelKeys) {
			t.Errorf("%s: %d messages for %d labels", lang, len(msgs), len(LabelKeys))
		}
	}
}
